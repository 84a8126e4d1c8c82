//! Opening a large map shows what is in view first: the view-first layout holds every card a
//! view at the map's top-left corner shows, where the whole layout has it (up to its lane's
//! shift when arrow labels make room between lanes), and the window shows it at once and the
//! whole layout as soon as it is made, never laying the map out on its own thread.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use polku::app::Document;
use polku::app::OPENING_VIEW;
use polku::layout::{Layout, Measure, OwnFonts, ViewFirst, layout_view_first};
use polku::model::JourneyMap;
use polku::render::export::{layout_headless, offscreen_context};
use polku::theme::Theme;
use proptest::prelude::*;

/// Checks `first` against `whole` for a view reaching `view`; returns how many cards the
/// view shows.
fn check_view_first(map: &JourneyMap, theme: &Theme, view: ViewFirst) -> Result<usize, TestCaseError> {
    let whole = layout_headless(map, theme);
    let first = layout_view_first(map, theme, Measure::own(&mut OwnFonts::new(1.0)), view);
    prop_assert_eq!(&first.header, &whole.header);
    prop_assert_eq!(first.stages.len(), whole.stages.len());
    prop_assert_eq!(first.lanes.len(), whole.lanes.len());
    for (f, w) in first.stages.iter().zip(&whole.stages) {
        prop_assert_eq!(&f.header, &w.header, "stage {}", w.id);
    }
    let mut shown = 0;
    for card in &whole.cards {
        let lane = lane_of(&whole, card.rect).expect("every card is in a lane");
        let in_view = card.rect.top() < view.bottom && card.rect.left() < view.right;
        let found = first.cards.iter().find(|c| c.id == card.id);
        let Some(found) = found else {
            prop_assert!(!in_view, "card {} is in view but not laid out first", card.id);
            continue;
        };
        shown += usize::from(in_view);
        // Lanes below make room for arrow labels in the whole layout only: the same shift
        // for every card of a lane, never upwards.
        let dy = whole.lanes[lane].row.top() - first.lanes[lane].row.top();
        prop_assert!(dy >= 0.0);
        prop_assert!(lane > 0 || dy == 0.0, "the first lane never moves");
        let mut moved = found.clone();
        moved.rect = moved.rect.translate(egui::vec2(0.0, dy));
        prop_assert_eq!(moved.rect, card.rect, "card {}", card.id);
        prop_assert_eq!(&found.title.rows, &card.title.rows, "card {}", card.id);
    }
    Ok(shown)
}

fn lane_of(layout: &Layout, rect: egui::Rect) -> Option<usize> {
    layout.lanes.iter().position(|l| l.row.top() <= rect.top() && rect.bottom() <= l.row.bottom())
}

#[test]
fn a_view_first_layout_of_a_large_map_holds_every_card_in_view_where_the_whole_layout_has_it() {
    let map = polku::samples::generated(1500);
    for (right, bottom) in [(1440.0, 900.0), (2560.0, 1600.0), (800.0, 4000.0), (6000.0, 700.0)] {
        let shown = check_view_first(&map, &Theme::light(), ViewFirst { right, bottom }).unwrap();
        assert!(shown > 10, "{right}×{bottom} shows {shown} cards");
    }
}

#[test]
fn a_view_first_layout_of_a_large_map_lays_out_far_fewer_cards_than_the_whole() {
    let map = polku::samples::generated(5000);
    let view = ViewFirst { right: 2560.0, bottom: 1600.0 };
    let first = layout_view_first(&map, &Theme::light(), Measure::own(&mut OwnFonts::new(1.0)), view);
    assert!(first.cards.len() < map.cards.len() / 10, "{} of {} cards", first.cards.len(), map.cards.len());
    assert!(first.arrows.is_empty(), "arrows wait for the whole layout");
}

#[test]
fn a_view_first_layout_of_each_sample_map_holds_what_a_view_shows() {
    for path in common::sample_maps() {
        let map = polku::io::load(&path).unwrap();
        for theme in [Theme::light(), Theme::projector()] {
            check_view_first(&map, &theme, ViewFirst { right: 1280.0, bottom: 720.0 }).unwrap();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_view_first_layout_of_any_map_holds_every_card_in_view_where_the_whole_layout_has_it(
        map in common::arb::journey_map(),
        right in 100.0f32..3000.0,
        bottom in 100.0f32..3000.0,
        one_persona in any::<bool>(),
    ) {
        let theme = Theme { journey_of: one_persona.then(|| map.personas[0].id.clone()), ..Theme::light() };
        check_view_first(&map, &theme, ViewFirst { right, bottom })?;
    }
}

/// A 1,500-card map read and not laid out yet, the light theme and a context to lay it out in.
fn just_read() -> (JourneyMap, Theme, egui::Context, Document) {
    let map = polku::samples::generated(1500);
    (map.clone(), Theme::light(), offscreen_context(), Document::new(map, None, None))
}

/// The layout `doc` shows in a frame of `ctx`.
fn shown(doc: &mut Document, ctx: &egui::Context, theme: &Theme) -> Layout {
    let mut out = None;
    let mut full = ctx.run_ui(Default::default(), |ui| out = Some(doc.layout(ui.ctx(), theme).clone()));
    full.textures_delta.clear();
    out.unwrap()
}

/// Frames of `doc` until the whole layout has arrived (at most a minute).
fn until_whole(doc: &mut Document, ctx: &egui::Context, theme: &Theme) -> Layout {
    for _ in 0..6000 {
        let laid = shown(doc, ctx, theme);
        if !doc.showing_view_first() {
            return laid;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the whole layout never arrived");
}

#[test]
fn a_large_map_shows_its_opening_view_at_once_and_the_whole_layout_when_its_thread_has_made_it() {
    let (map, theme, ctx, mut doc) = just_read();
    let first = layout_view_first(&map, &theme, Measure::own(&mut OwnFonts::new(1.0)), OPENING_VIEW);
    let (tx, rx) = std::sync::mpsc::channel();
    let (go, told) = std::sync::mpsc::channel();
    doc.adopt_view_first(&theme, 1.0, first.clone(), rx, go);
    // However many frames pass, the opening view is shown until the whole layout comes; the
    // thread making it is told to begin once the opening view has been painted.
    assert_eq!(shown(&mut doc, &ctx, &theme), first);
    assert!(told.try_recv().is_err(), "not before the first frame is painted");
    for _ in 0..3 {
        assert_eq!(shown(&mut doc, &ctx, &theme), first);
        assert!(doc.showing_view_first());
    }
    assert!(told.try_recv().is_ok(), "told to begin");
    tx.send(layout_headless(&map, &theme)).unwrap();
    assert_eq!(shown(&mut doc, &ctx, &theme), layout_headless(&map, &theme));
    assert!(!doc.showing_view_first());
    assert_eq!(doc.full_layouts, 0, "the window never laid the map out itself");
}

#[test]
fn exports_and_the_presentation_wait_for_the_whole_layout_of_a_map_opening_view_first() {
    let (map, theme, ctx, mut doc) = just_read();
    let first = layout_view_first(&map, &theme, Measure::own(&mut OwnFonts::new(1.0)), OPENING_VIEW);
    let (tx, rx) = std::sync::mpsc::channel();
    doc.adopt_view_first(&theme, 1.0, first, rx, std::sync::mpsc::channel().0);
    let whole = layout_headless(&map, &theme);
    let sent = whole.clone();
    let sender = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(200));
        tx.send(sent).unwrap();
    });
    let mut out = None;
    let mut full = ctx.run_ui(Default::default(), |ui| out = Some(doc.whole_layout(ui.ctx(), &theme).clone()));
    full.textures_delta.clear();
    sender.join().unwrap();
    assert_eq!(out.unwrap(), whole);
    assert_eq!(doc.full_layouts, 0);
}

#[test]
fn a_large_map_opened_without_a_preload_lays_out_its_opening_view_first_and_the_whole_on_a_thread() {
    // As after File ▸ Open: the document is read, nothing is laid out yet.
    let (map, theme, ctx, mut doc) = just_read();
    let first = shown(&mut doc, &ctx, &theme);
    assert!(doc.showing_view_first());
    assert!(first.cards.len() < map.cards.len() / 2, "{} cards laid out first", first.cards.len());
    assert_eq!(until_whole(&mut doc, &ctx, &theme), layout_headless(&map, &theme));
    assert_eq!(doc.full_layouts, 0);
}

#[test]
fn an_edit_made_while_the_whole_layout_is_being_made_is_shown_exactly() {
    let (_, theme, ctx, mut doc) = just_read();
    shown(&mut doc, &ctx, &theme);
    let mut card = doc.map.cards[3].clone();
    card.title = "Renamed in the first second".into();
    doc.apply(polku::edit::Command::UpdateCard(card)).unwrap();
    assert_eq!(shown(&mut doc, &ctx, &theme), layout_headless(&doc.map, &theme));
    assert!(!doc.showing_view_first());
}

#[test]
fn a_large_map_opened_from_a_file_opens_at_full_size_on_its_start_laid_out_while_the_window_was_made() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("iso.ron");
    polku::io::save(&polku::samples::generated(1500), &path).unwrap();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(move |cc| polku::app::PolkuApp::create(cc, Some(path)));
    h.run_steps(2);
    assert_eq!(h.state().doc.map.cards.len(), 1500);
    for _ in 0..6000 {
        if !h.state().doc.showing_view_first() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    assert!(!h.state().doc.showing_view_first(), "the whole layout arrived");
    let camera = &h.state().editor.camera;
    assert_eq!((camera.zoom, camera.offset), (1.0, egui::Vec2::ZERO), "100 % on the map's start, not fitted");
    let doc = &h.state().doc;
    assert_eq!(doc.full_layouts, 0, "the layouts made while the window was made are the ones shown");
    let theme = h.state().theme();
    let ctx = h.ctx.clone();
    let shown = h.state_mut().doc.layout(&ctx, &theme).clone();
    assert_eq!(shown, layout_headless(&h.state().doc.map, &theme));
}

#[test]
fn a_small_map_still_opens_fitted_to_the_window() {
    let path = common::sample_maps().into_iter().next().unwrap();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(move |cc| polku::app::PolkuApp::create(cc, Some(path)));
    h.run_steps(2);
    assert!(!h.state().doc.showing_view_first());
    assert_ne!(h.state().editor.camera.zoom, 1.0, "fitted");
}
