//! Crowded cells: a cell with more cards than fit comfortably in one column flows them into
//! several (its stage widens), so the map keeps a sensible shape and Fit stays legible.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ui::{drag, key};
use egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::{PolkuApp, Sel};
use polku::layout::{FLOW_AFTER, Layout};
use polku::model::*;
use polku::presets::Preset;
use polku::render::export::layout_headless;
use polku::theme::{Theme, ThemeKind};

/// The service template with `n` observations in the visit's "customer does" cell, of
/// varying length as a workshop writes them.
fn crowded(n: usize) -> JourneyMap {
    let mut map = Preset::ServiceVisit.new_map(Language::Finnish);
    let stage = StageId::new("visit");
    let lane = LaneId::new("does");
    for i in 0..n {
        let title = match i % 3 {
            0 => format!("Havainto {}: odottaa hoitajaa", i + 1),
            1 => format!("Havainto {}: kysyy hinnasta ennen toimenpidettä ja saa epäselvän vastauksen", i + 1),
            _ => format!("Havainto {}", i + 1),
        };
        let mut card = Card::new(format!("h{i}"), stage.clone(), lane.clone(), title);
        card.position = i as u32;
        map.cards.push(card);
    }
    map
}

fn cell_cards<'a>(layout: &'a Layout, map: &JourneyMap, stage: &str, lane: &str) -> Vec<&'a polku::layout::CardLayout> {
    map.cards_in(&StageId::new(stage), &LaneId::new(lane)).iter().map(|c| layout.card(&c.id).unwrap()).collect()
}

#[test]
fn sixty_cards_in_one_cell_flow_into_columns_in_reading_order_without_overlapping() {
    let map = crowded(60);
    for kind in ThemeKind::ALL {
        let theme = Theme::of(kind);
        let layout = layout_headless(&map, &theme);
        let visit = layout.stages.iter().find(|s| s.id.as_str() == "visit").unwrap();
        assert!(visit.flow >= 3, "{kind:?}: {} columns", visit.flow);
        assert!(layout.stages.iter().filter(|s| s.id.as_str() != "visit").all(|s| s.flow == 1));
        let cards = cell_cards(&layout, &map, "visit", "does");
        let row = layout.lanes.iter().find(|l| l.id.as_str() == "does").unwrap().row;
        let cell = Rect::from_x_y_ranges(visit.column.x_range(), row.y_range());
        for (i, a) in cards.iter().enumerate() {
            assert!(cell.contains_rect(a.rect), "{kind:?}: card {i} outside its cell");
            for b in &cards[i + 1..] {
                assert!(!a.rect.intersects(b.rect), "{kind:?}: {} overlaps {}", a.id.as_str(), b.id.as_str());
            }
        }
        // Along a row of the cell, then the start of the next row, below the tallest card.
        for (i, pair) in cards.windows(2).enumerate() {
            let (a, b) = (pair[0].rect, pair[1].rect);
            let beside = (a.top() - b.top()).abs() < 0.5 && b.left() > a.right();
            let row_above = &cards[i + 1 - (i + 1) % visit.flow..=i];
            let next_row =
                (b.left() - cards[0].rect.left()).abs() < 0.5 && row_above.iter().all(|c| b.top() > c.rect.bottom());
            assert!(beside || next_row, "{kind:?}: {a:?} then {b:?}");
            assert_eq!(beside, (i + 1) % visit.flow != 0, "{kind:?}: {} cards a row", visit.flow);
        }
    }
}

#[test]
fn fit_keeps_a_map_with_a_crowded_cell_legible() {
    let theme = Theme::light();
    let layout = layout_headless(&crowded(60), &theme);
    // The canvas of a 1920×1080 window beside the palette and the inspector.
    let fit = (1480.0 / layout.size.x).min(1000.0 / layout.size.y);
    assert!(fit >= 0.3, "Fit shows the map at {:.0} %", fit * 100.0);
    assert!(layout.size.y < 2.5 * layout.size.x, "the map keeps a sensible shape: {:?}", layout.size);
}

#[test]
fn cells_with_few_cards_keep_one_column_and_the_samples_do_not_change() {
    for path in common::sample_maps() {
        let map = polku::io::load(&path).unwrap();
        let layout = layout_headless(&map, &Theme::light());
        assert!(layout.stages.iter().all(|s| s.flow == 1), "{}", common::name(&path));
    }
    let at_limit = layout_headless(&crowded(FLOW_AFTER), &Theme::light());
    assert!(at_limit.stages.iter().all(|s| s.flow == 1));
    let past = layout_headless(&crowded(FLOW_AFTER + 1), &Theme::light());
    assert_eq!(past.stages.iter().find(|s| s.id.as_str() == "visit").unwrap().flow, 2);
}

fn app(map: JourneyMap) -> (Harness<'static, PolkuApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kaynti.ron");
    std::fs::write(&path, polku::io::to_text(&map).unwrap()).unwrap();
    let mut h = Harness::builder().with_size([1700.0, 1100.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(4);
    (h, dir)
}

#[test]
fn a_card_dropped_beside_a_card_in_a_crowded_cell_goes_before_it_and_arrow_keys_move_along_rows() {
    let map = crowded(12);
    let (mut h, _dir) = app(map);
    let flow = layout_headless(&h.state().doc.map, &Theme::light()).stages[2].flow;
    assert_eq!(flow, 2, "12 cards in rows of two");
    // The left half of the fourth card, the second in its row: the drop goes before it.
    let fourth = h.get_by_label_contains("Havainto 4:").rect();
    let spot = egui::pos2(fourth.left() + fourth.width() * 0.25, fourth.center().y);
    let from = common::ui::centre(&h, "Card");
    drag(&mut h, from, spot);
    let ids = |h: &Harness<'_, PolkuApp>| {
        let map = &h.state().doc.map;
        map.cards_in(&StageId::new("visit"), &LaneId::new("does"))
            .iter()
            .map(|c| (c.id.clone(), c.title.clone()))
            .collect::<Vec<_>>()
    };
    let cell = ids(&h);
    assert_eq!(cell.len(), 13);
    assert_eq!(cell[3].1, "New card", "the new card went before the fourth card, beside the third");
    key(&mut h, Modifiers::NONE, Key::Escape);

    // Right moves along the row, Down to the row below, Left back: a crowded cell reads like text.
    let first = cell[0].0.clone();
    h.state_mut().editor.selection.set(Sel::Card(first));
    h.state_mut().editor.canvas_focus = true;
    h.run_steps(1);
    let selected = |h: &Harness<'_, PolkuApp>| h.state().editor.selection.cards().into_iter().collect::<Vec<_>>();
    key(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(selected(&h), vec![cell[1].0.clone()]);
    key(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(selected(&h), vec![cell[3].0.clone()]);
    key(&mut h, Modifiers::NONE, Key::ArrowLeft);
    assert_eq!(selected(&h), vec![cell[2].0.clone()]);
    key(&mut h, Modifiers::NONE, Key::ArrowLeft);
    assert_eq!(
        h.state().editor.cursor_cell.as_ref().map(|(s, _)| s.as_str()),
        Some("arrival"),
        "past the row's start: the stage before"
    );
}
