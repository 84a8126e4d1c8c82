//! Presenting a workshop, driven like a facilitator with a keyboard, a clicker and a mouse:
//! F5 and back, stepping through the stages at projector sizes, black screen, spotlight,
//! capturing the room's ideas, a dot vote into the action plan, and the timer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ui::{centre, click_at, key, undo};
use egui::{Key, Modifiers, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::present::{Blank, Spotlight};
use polku::app::timer::{Clock, ManualClock};
use polku::app::{Camera, PolkuApp, Sel};
use polku::model::*;
use polku::present::StepKind;
use polku::present::shot::Panes;
use std::time::Duration;

fn app_on(sample: &str, size: Vec2) -> Harness<'static, PolkuApp> {
    let path = common::root().join("sample_maps").join(sample);
    let mut h = Harness::builder()
        .with_size(size)
        .renderer(common::cpu_renderer::CpuRenderer::default())
        .build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    h
}

fn press(h: &mut Harness<'_, PolkuApp>, k: Key) {
    key(h, Modifiers::NONE, k);
}

/// Lets a glide finish.
fn settle(h: &mut Harness<'_, PolkuApp>) {
    h.run_steps(20);
}

fn step_kind(h: &Harness<'_, PolkuApp>) -> StepKind {
    h.state().mode.presentation().and_then(|p| p.step()).map(|s| s.kind.clone()).unwrap()
}

#[test]
fn f5_presents_and_esc_returns_to_the_editor_exactly_as_it_was() {
    let mut h = app_on("crm-myyntijohtaja.ron", vec2(1600.0, 1000.0));
    h.state_mut().editor.camera = Camera::at(0.55, Vec2::new(-120.0, -300.0));
    h.state_mut().editor.selection.set(Sel::Card(CardId::new("c10")));
    h.state_mut().prefs.show_plan = true;
    h.run_steps(2);
    let (camera, selection) = (h.state().editor.camera.clone(), h.state().editor.selection.clone());

    press(&mut h, Key::F5);
    assert!(h.state().mode.is_presenting());
    h.get_by_label("Presentation");
    assert!(h.query_by_label("Journey map canvas").is_none(), "no editor canvas, menus or panels while presenting");
    assert!(h.query_by_label("File").is_none());
    assert!(matches!(step_kind(&h), StepKind::Title { .. }));
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageDown);
    settle(&mut h);

    press(&mut h, Key::Escape);
    assert!(!h.state().mode.is_presenting());
    h.get_by_label("Journey map canvas");
    assert_eq!(h.state().editor.camera, camera);
    assert_eq!(h.state().editor.selection, selection);
    assert!(h.state().prefs.show_plan);
    assert!(!h.state().doc.is_dirty(), "presenting changes nothing");
}

#[test]
fn every_stage_step_is_legible_at_24_px_on_1080_lines_and_18_px_on_720() {
    for (size, px) in [(vec2(1920.0, 1080.0), 24.0), (vec2(1280.0, 720.0), 18.0)] {
        for sample in ["crm-myyntijohtaja.ron", "ecommerce-running-shoes.ron", "digimarkkinointi.ron"] {
            let mut h = app_on(sample, size);
            press(&mut h, Key::F5);
            let steps = h.state().mode.presentation().unwrap().steps().len();
            let mut stages_seen = std::collections::BTreeSet::new();
            for _ in 0..steps {
                let app = h.state();
                let p = app.mode.presentation().unwrap();
                let step = p.step().unwrap().clone();
                if let Some(stage) = step.stage() {
                    stages_seen.insert(stage);
                    let theme = polku::theme::Theme::of(p.theme);
                    let layout = polku::render::export::layout_headless(&app.doc.map, &theme);
                    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
                    let main = Panes::of(&layout).rects(&step.shot, screen).main;
                    let column = layout.stages[stage].column.x_range();
                    for card in layout.cards.iter().filter(|c| column.contains(c.rect.center().x)) {
                        if !main.intersects(step.shot.transform(screen.min) * card.rect) {
                            continue;
                        }
                        for run in [&card.title, &card.body].into_iter().filter(|r| !r.is_empty()) {
                            let on_screen = run.size * step.shot.zoom;
                            assert!(on_screen >= px - 0.01, "{sample} {size:?} {:?}: {} px", step.kind, on_screen);
                        }
                    }
                }
                press(&mut h, Key::PageDown);
            }
            assert_eq!(stages_seen.len(), h.state().doc.map.stages.len(), "{sample}: Page Down reaches every stage");
            assert_eq!(step_kind(&h), StepKind::Overview, "{sample}: the last step is the whole map");
        }
    }
}

#[test]
fn clicker_keys_step_back_and_forth_and_a_number_then_enter_jumps() {
    let mut h = app_on("ecommerce-running-shoes.ron", vec2(1280.0, 720.0));
    press(&mut h, Key::F5);
    for k in [Key::PageDown, Key::ArrowRight, Key::Space] {
        press(&mut h, k);
    }
    assert_eq!(h.state().mode.presentation().unwrap().index, 3);
    for k in [Key::PageUp, Key::ArrowLeft] {
        press(&mut h, k);
    }
    assert_eq!(h.state().mode.presentation().unwrap().index, 1);
    press(&mut h, Key::End);
    assert_eq!(step_kind(&h), StepKind::Overview);
    press(&mut h, Key::Home);
    assert_eq!(h.state().mode.presentation().unwrap().index, 0);
    press(&mut h, Key::Num4);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().mode.presentation().unwrap().index, 3, "4 then Enter goes to the fourth step");
}

#[test]
fn b_blacks_out_w_whites_out_and_any_key_comes_back_where_it_was() {
    let mut h = app_on("ecommerce-running-shoes.ron", vec2(1280.0, 720.0));
    press(&mut h, Key::F5);
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageDown);
    let index = h.state().mode.presentation().unwrap().index;
    press(&mut h, Key::B);
    assert_eq!(h.state().mode.presentation().unwrap().blank, Some(Blank::Black));
    press(&mut h, Key::PageDown);
    let p = h.state().mode.presentation().unwrap();
    assert_eq!((p.blank, p.index), (None, index), "the key that ends the black screen does nothing else");
    press(&mut h, Key::Period);
    assert_eq!(h.state().mode.presentation().unwrap().blank, Some(Blank::Black), "a clicker's '.'");
    press(&mut h, Key::A);
    press(&mut h, Key::W);
    assert_eq!(h.state().mode.presentation().unwrap().blank, Some(Blank::White));
    press(&mut h, Key::Escape);
    assert!(h.state().mode.is_presenting(), "Esc first ends the white screen");
    press(&mut h, Key::Escape);
    assert!(!h.state().mode.is_presenting());
}

#[test]
fn clicking_a_card_or_a_lane_spotlights_it_and_clicking_again_clears() {
    let mut h = app_on("crm-myyntijohtaja.ron", vec2(1920.0, 1080.0));
    press(&mut h, Key::F5);
    while h.query_by_label("Käy läpi kvartaalin myyntiputken").is_none() {
        press(&mut h, Key::PageDown);
    }
    settle(&mut h);
    let card = centre(&h, "Käy läpi kvartaalin myyntiputken");
    click_at(&mut h, card);
    assert_eq!(h.state().mode.presentation().unwrap().spotlight, Some(Spotlight::Card(CardId::new("c1"))));
    click_at(&mut h, card);
    assert_eq!(h.state().mode.presentation().unwrap().spotlight, None);
    let lane = centre(&h, "Ajattelee");
    click_at(&mut h, lane);
    assert_eq!(h.state().mode.presentation().unwrap().spotlight, Some(Spotlight::Lane(LaneId::new("ajattelee"))));
    click_at(&mut h, lane);
    assert_eq!(h.state().mode.presentation().unwrap().spotlight, None);
}

#[test]
fn n_adds_a_card_in_the_current_stage_typed_in_place_and_undo_takes_it_away() {
    let mut h = app_on("crm-myyntijohtaja.ron", vec2(1920.0, 1080.0));
    press(&mut h, Key::F5);
    while h.state().mode.presentation().unwrap().stage() != Some(1) {
        press(&mut h, Key::PageDown);
    }
    let before = h.state().doc.map.cards.len();
    press(&mut h, Key::N);
    h.run_steps(2);
    assert_eq!(h.state().doc.map.cards.len(), before + 1);
    // The placeholder is selected: typing replaces it.
    h.get_by_label("Edit title in place").type_text("Soittaa myyjälle");
    h.run_steps(1);
    press(&mut h, Key::Enter);
    let card = h.state().doc.map.cards.last().unwrap().clone();
    assert_eq!(card.title, "Soittaa myyjälle");
    assert_eq!(card.stage.as_str(), "tiedonkeruu");
    assert!(h.state().mode.is_presenting(), "Enter ends the typing, not the presentation");
    // 1–5 rate the card just added.
    press(&mut h, Key::Num2);
    assert_eq!(h.state().doc.map.cards.last().unwrap().emotions.values().next().copied(), Emotion::new(-1));
    undo(&mut h);
    assert_eq!(h.state().doc.map.cards.last().unwrap().emotions.values().next().copied(), None);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(h.state().doc.map.cards.len(), before);
}

#[test]
fn a_dot_vote_on_pain_points_ends_in_the_action_plan_and_undoes_step_by_step() {
    let mut h = app_on("crm-myyntijohtaja.ron", vec2(1920.0, 1080.0));
    press(&mut h, Key::F5);
    press(&mut h, Key::V);
    h.get_by_label("Start vote").click();
    h.run_steps(3);
    let round = h.state().open_vote().cloned().unwrap();
    assert_eq!(round.scope, VoteScope::PainPoints);
    assert!(round.question.contains("kipupisteet"), "a Finnish question for a Finnish map: {}", round.question);

    // Find the first stage's pain point and give it dots by clicking.
    while h.query_by_label("Liidin luovutus myynnille on sopimatta").is_none() {
        press(&mut h, Key::PageDown);
    }
    settle(&mut h);
    let pain = centre(&h, "Liidin luovutus myynnille on sopimatta");
    for _ in 0..5 {
        click_at(&mut h, pain);
    }
    // A right click takes one away; a card that is not a pain point takes no dots.
    h.event(egui::Event::PointerButton {
        pos: pain,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: pain,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(2);
    let pain_id = h
        .state()
        .doc
        .map
        .cards
        .iter()
        .find(|c| c.title == "Liidin luovutus myynnille on sopimatta")
        .unwrap()
        .id
        .clone();
    assert_eq!(h.state().open_vote().unwrap().dots_of(&pain_id), 4);
    undo(&mut h);
    assert_eq!(h.state().open_vote().unwrap().dots_of(&pain_id), 5, "each dot is its own undo step");

    // Two more pain points in the next stage.
    while h.query_by_label("Sisältöä paljon, mutta geneeristä").is_none() {
        press(&mut h, Key::PageDown);
    }
    settle(&mut h);
    let second = centre(&h, "Sisältöä paljon, mutta geneeristä");
    for _ in 0..4 {
        click_at(&mut h, second);
    }
    while h.query_by_label("Kokonaiskustannus jää epäselväksi").is_none() {
        press(&mut h, Key::PageDown);
    }
    settle(&mut h);
    // Low on the card: the vote panel opens over the top right of the audience screen.
    let third = h.get_by_label("Kokonaiskustannus jää epäselväksi").rect().left_bottom() + vec2(30.0, -20.0);

    for _ in 0..3 {
        click_at(&mut h, third);
    }
    assert_eq!(h.state().open_vote().unwrap().total(), 12);

    h.get_by_label("End vote").click();
    h.run_steps(2);

    assert!(h.state().open_vote().is_none());
    assert!(h.state().doc.map.votes[0].closed);
    h.get_by_label("to the action plan").click();
    h.run_steps(2);
    let plan = polku::plan::rows(&h.state().doc.map);
    let voted: Vec<(String, Option<u32>, Priority)> = plan
        .iter()
        .filter_map(|r| {
            let card = match &r.item {
                polku::plan::ItemRef::Card(id) => h.state().doc.map.card(id)?,
                polku::plan::ItemRef::Arrow(_) => return None,
            };
            let imp = card.improvement.as_ref()?;
            imp.votes.map(|v| (card.title.clone(), Some(v), imp.priority))
        })
        .collect();
    assert_eq!(voted.len(), 3, "{voted:?}");
    assert!(voted.contains(&("Liidin luovutus myynnille on sopimatta".into(), Some(5), Priority::High)));
    assert!(voted.contains(&("Sisältöä paljon, mutta geneeristä".into(), Some(4), Priority::Medium)));
    assert!(voted.contains(&("Kokonaiskustannus jää epäselväksi".into(), Some(3), Priority::Low)));
    undo(&mut h);
    assert!(h.state().doc.map.cards.iter().all(|c| c.improvement.as_ref().is_none_or(|i| i.votes.is_none())));

    // The round is saved with the map.
    let text = polku::io::to_text(&h.state().doc.map).unwrap();
    let again = polku::io::load_str(&text, std::path::Path::new("voted.ron")).unwrap();
    assert_eq!(again.votes[0].total(), 12);
}

#[test]
fn the_timer_counts_down_on_its_clock_and_signals_at_zero_without_stopping_anything() {
    let mut h = app_on("ecommerce-running-shoes.ron", vec2(1280.0, 720.0));
    let clock = ManualClock::new();
    h.state_mut().workshop.clock = clock.clone();
    press(&mut h, Key::F5);
    press(&mut h, Key::T);
    h.get_by_label("1 min").click();
    h.run_steps(1);
    h.get_by_label("Start").click();
    h.run_steps(2);
    clock.advance(Duration::from_secs(51));
    h.run_steps(2);
    let r = h.state().workshop.timer.read(clock.now());
    assert_eq!((r.left_secs, r.warning), (9, true));
    clock.advance(Duration::from_secs(10));
    h.run_steps(2);
    let r = h.state().workshop.timer.read(clock.now());
    assert!(r.done && r.signalling);
    press(&mut h, Key::PageDown);
    assert!(h.state().mode.is_presenting(), "the signal stops nothing");
    assert_eq!(h.state().mode.presentation().unwrap().index, 1);
}

#[test]
fn a_layout_made_ahead_on_a_worker_thread_is_the_one_the_window_makes() {
    let mut h = app_on("crm-myyntijohtaja.ron", vec2(1280.0, 720.0));
    let theme = polku::theme::Theme::projector();
    let ctx = h.ctx.clone();
    let in_window = h.state_mut().doc.layout(&ctx, &theme).clone();
    let ahead = polku::render::export::layout_headless_at(&h.state().doc.map, &theme, ctx.pixels_per_point());
    assert!(in_window == ahead, "the worker's layout must equal the window's, or F5 would show another picture");
}

#[test]
fn presenting_in_a_window_keeps_the_editor_with_the_presenters_view_beside_it() {
    let mut h = app_on("ecommerce-running-shoes.ron", vec2(1920.0, 1080.0));
    let ctx = h.ctx.clone();
    h.state_mut().run_action(&ctx, polku::app::Action::PresentInWindow, egui::Rect::EVERYTHING);
    h.run_steps(4);
    assert!(h.state().mode.is_presenting());
    h.get_by_label("Journey map canvas");
    h.get_by_label("Presenting");
    h.get_by_label("Presentation");
    assert_eq!(h.state().mode.presentation().unwrap().index, 0);
    // A clicker's Page Down reaches the presentation from the presenter's window.
    press(&mut h, Key::PageDown);
    assert_eq!(h.state().mode.presentation().unwrap().index, 1);
    // Two personas do not fit legibly beside the title: each has a step of its own.
    h.get_by_label_contains("Next: Mikko Saarinen");
    h.get_by_label("End").click();
    h.run_steps(3);
    assert!(!h.state().mode.is_presenting());
}
