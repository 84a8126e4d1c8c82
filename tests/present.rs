//! The presentation's steps over the sample maps: legible from the back of the room, every
//! card shown whole, the steps in order, and the slides for the venue's PC.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui::{Rect, Vec2, vec2};
use polku::io;
use polku::layout::Layout;
use polku::present::shot::Panes;
use polku::present::{Step, StepKind, StepOptions, min_text_px, steps};
use polku::render::export::layout_headless;
use polku::theme::{Theme, ThemeKind};

const SCREENS: [(Vec2, f32); 2] = [(vec2(1920.0, 1080.0), 24.0), (vec2(1280.0, 720.0), 18.0)];

/// The cards of a stage step's stage that show in the step's main pane, above its cut.
fn cards_on_screen<'a>(layout: &'a Layout, step: &Step, screen: Vec2) -> Vec<(&'a polku::layout::CardLayout, Rect)> {
    let Some(index) = step.stage() else { return Vec::new() };
    let column = layout.stages[index].column.x_range();
    let main = Panes::of(layout).rects(&step.shot, Rect::from_min_size(egui::Pos2::ZERO, screen)).main;
    let to_screen = step.shot.transform(egui::Pos2::ZERO);
    layout
        .cards
        .iter()
        .filter(|c| column.contains(c.rect.center().x))
        .filter(|c| step.cut.is_none_or(|y| c.rect.top() < y))
        .map(|c| (c, to_screen * c.rect))
        .filter(|(_, r)| r.intersects(main))
        .collect()
}

fn every_sample_theme_and_screen(mut check: impl FnMut(&str, &Layout, Vec2, f32, &[Step])) {
    for path in common::sample_maps() {
        let map = io::load(&path).unwrap();
        for kind in ThemeKind::ALL {
            let layout = layout_headless(&map, &Theme::of(kind));
            for (screen, px) in SCREENS {
                for reveal_lanes in [false, true] {
                    let all = steps(&layout, screen, StepOptions { reveal_lanes });
                    let what =
                        format!("{} {kind:?} {}×{} reveal={reveal_lanes}", common::name(&path), screen.x, screen.y);
                    check(&what, &layout, screen, px, &all);
                }
            }
        }
    }
}

#[test]
fn the_smallest_card_text_is_24_px_on_1080_lines_and_18_px_on_720() {
    assert_eq!(min_text_px(1080.0), 24.0);
    assert_eq!(min_text_px(720.0), 18.0);
}

#[test]
fn every_stage_step_of_every_sample_draws_card_text_at_least_at_the_projector_minimum() {
    every_sample_theme_and_screen(|what, layout, screen, px, all| {
        let mut shown = 0;
        for step in all.iter().filter(|s| s.stage().is_some()) {
            let cards = cards_on_screen(layout, step, screen);
            shown += cards.len();
            for (card, _) in cards {
                for run in [&card.title, &card.body].into_iter().filter(|r| !r.is_empty()) {
                    let on_screen = run.size * step.shot.zoom;
                    assert!(
                        on_screen >= px - 0.01,
                        "{what}: {:?}: card {} text at {on_screen:.1} px, under {px} px",
                        step.kind,
                        card.id
                    );
                }
            }
        }
        assert!(shown > 0, "{what}: no stage step shows a card");
    });
}

#[test]
fn every_card_of_every_stage_is_shown_whole_in_one_of_its_steps() {
    every_sample_theme_and_screen(|what, layout, screen, _, all| {
        for (index, stage) in layout.stages.iter().enumerate() {
            let column = stage.column.x_range();
            for card in layout.cards.iter().filter(|c| column.contains(c.rect.center().x)) {
                let whole = all.iter().filter(|s| s.stage() == Some(index)).any(|step| {
                    let main = Panes::of(layout).rects(&step.shot, Rect::from_min_size(egui::Pos2::ZERO, screen)).main;
                    let r = step.shot.transform(egui::Pos2::ZERO) * card.rect;
                    main.expand(1.0).contains_rect(r) && step.cut.is_none_or(|y| card.rect.bottom() <= y)
                });
                assert!(whole, "{what}: card {} of stage {} is never shown whole", card.id, index + 1);
            }
        }
    });
}

#[test]
fn the_steps_go_title_then_each_stage_in_order_then_the_whole_map() {
    every_sample_theme_and_screen(|what, layout, _, _, all| {
        assert!(matches!(all[0].kind, StepKind::Title { .. }), "{what}");
        assert_eq!(all.last().map(|s| &s.kind), Some(&StepKind::Overview), "{what}");
        let stages: Vec<usize> = all.iter().filter_map(Step::stage).collect();
        let mut seen: Vec<usize> = stages.clone();
        seen.dedup();
        assert_eq!(seen, (0..layout.stages.len()).collect::<Vec<_>>(), "{what}: each stage once, in order");
        for step in all {
            if let StepKind::Stage { part, parts, revealed, .. } = step.kind {
                assert!(part < parts, "{what}");
                if let Some(n) = revealed {
                    assert!(n >= 1 && n <= step.lanes.len(), "{what}");
                    assert_eq!(step.hidden.is_some(), n < step.lanes.len(), "{what}: the last lane hides nothing");
                }
            }
        }
    });
}

#[test]
fn a_stage_with_a_crowded_cell_is_split_between_its_cards_and_stays_legible() {
    let mut map = io::load(&common::sample_maps()[0]).unwrap();
    let stage = map.stages[0].id.clone();
    let lane = map.lanes.iter().find(|l| l.kind.holds_cards()).unwrap().id.clone();
    for i in 0..40 {
        let mut card = polku::edit::ops::new_card(&map, &stage, &lane, &format!("Muistilappu {i}"));
        card.body = "Asiakas kertoo, mitä tapahtui ja miltä se tuntui.".into();
        map.cards.push(card);
    }
    let layout = layout_headless(&map, &Theme::projector());
    let screen = vec2(1920.0, 1080.0);
    let all = steps(&layout, screen, StepOptions { reveal_lanes: false });
    let parts = all.iter().filter(|s| s.stage() == Some(0)).count();
    assert!(parts >= 4, "40 more cards in one cell need several screens, got {parts}");
    assert!(layout.stages[0].flow > 1, "the crowded cell flows into columns");
    for step in all.iter().filter(|s| s.stage() == Some(0)) {
        assert!(step.shot.zoom * 15.0 >= 24.0 - 0.01, "never shrunk below 24 px: zoom {}", step.shot.zoom);
    }
    // Every card of the crowded stage, in whichever of its columns, is shown whole somewhere.
    let column = layout.stages[0].column.x_range();
    for card in layout.cards.iter().filter(|c| column.contains(c.rect.center().x)) {
        let whole = all.iter().filter(|s| s.stage() == Some(0)).any(|step| {
            let main = Panes::of(&layout).rects(&step.shot, Rect::from_min_size(egui::Pos2::ZERO, screen)).main;
            let r = step.shot.transform(egui::Pos2::ZERO) * card.rect;
            main.expand(1.0).contains_rect(r) && step.cut.is_none_or(|y| card.rect.bottom() <= y)
        });
        assert!(whole, "card {} is never shown whole", card.id);
    }
}

#[test]
fn maps_with_nothing_to_show_still_present_without_a_panic() {
    let mut maps = vec![
        polku::model::JourneyMap::new(""),
        polku::presets::Preset::Blank.new_map(polku::model::Language::Finnish),
        polku::presets::Preset::Funnel.new_map(polku::model::Language::English),
    ];
    let mut only_stages = polku::presets::Preset::Funnel.new_map(polku::model::Language::English);
    only_stages.lanes.clear();
    maps.push(only_stages);
    for map in maps {
        let layout = layout_headless(&map, &Theme::projector());
        for (screen, _) in SCREENS {
            let all = steps(&layout, screen, StepOptions { reveal_lanes: true });
            assert!(matches!(all[0].kind, StepKind::Title { .. }), "{:?}", map.title);
            for step in &all {
                assert!(step.shot.zoom.is_finite() && step.shot.zoom > 0.0, "{:?}", step.kind);
                assert!(step.shot.offset.x.is_finite() && step.shot.offset.y.is_finite());
            }
            let pixels = polku::present::slides::render_step(
                &layout,
                &Theme::projector(),
                &map,
                &all[all.len() - 1],
                screen,
                false,
            );
            assert_eq!((pixels.width, pixels.height), (screen.x as usize, screen.y as usize));
        }
    }
}
