//! Several personas on one map, driven like a user: the persona bar switches the canvas
//! between one persona's journey and everyone's, ratings are per persona, and personas are
//! added, duplicated and deleted from the bar, each one undo step.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ui::{open_sample, undo};
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::{Camera, PolkuApp};
use polku::model::*;

/// The English sample (Emma and Mikko), zoomed so every card is on screen.
fn app() -> Harness<'static, PolkuApp> {
    let mut h = open_sample("ecommerce-running-shoes.ron");
    h.state_mut().editor.camera = Camera::at(0.33, Vec2::new(10.0, 0.0));
    h.run_steps(3);
    h
}

fn laid_out(h: &mut Harness<'static, PolkuApp>, id: &str) -> bool {
    let ctx = h.ctx.clone();
    let theme = h.state().theme();
    h.state_mut().doc.layout(&ctx, &theme).card(&CardId::new(id)).is_some()
}

fn rating(h: &Harness<'static, PolkuApp>, card: &str, persona: &str) -> Option<Emotion> {
    h.state().doc.map.card(&CardId::new(card)).unwrap().emotion_of(&PersonaId::new(persona))
}

#[test]
fn choosing_a_persona_shows_its_journey_and_all_shows_every_card_with_chips() {
    let mut h = app();
    // Everyone's journey: Emma's own Instagram ad and Mikko's phone call are both there.
    assert!(laid_out(&mut h, "c3") && laid_out(&mut h, "c48"));
    h.get_by_label("Persona Mikko Saarinen").click();
    h.run_steps(3);
    assert_eq!(h.state().editor.persona, Some(PersonaId::new("mikko")));
    assert!(!laid_out(&mut h, "c3"), "Emma's own card is not on Mikko's journey");
    assert!(laid_out(&mut h, "c48") && laid_out(&mut h, "c14"), "his own and the shared cards are");
    h.get_by_label("49 of 54 cards");
    h.get_by_label("All (2)").click();
    h.run_steps(3);
    assert!(laid_out(&mut h, "c3"));
    let ctx = h.ctx.clone();
    let theme = h.state().theme();
    let layout = h.state_mut().doc.layout(&ctx, &theme).clone();
    let chips: Vec<usize> = layout.card(&CardId::new("c3")).unwrap().chips.iter().map(|c| c.persona).collect();
    assert_eq!(chips, vec![0], "Emma's own card carries her chip");
    assert!(layout.card(&CardId::new("c14")).unwrap().chips.is_empty(), "a shared card carries none");
    let curve = &layout.curves[0];
    assert_eq!(curve.series.len(), 2, "one curve per persona");
}

#[test]
fn a_shared_touchpoint_rated_for_two_personas_keeps_both_ratings_and_undo_takes_them_back_one_by_one() {
    let mut h = app();
    let (emma_before, mikko_before) = (rating(&h, "c14", "emma"), rating(&h, "c14", "mikko"));
    h.get_by_label("Persona Emma Lindqvist").click();
    h.run_steps(2);
    h.get_by_label("Asks the chat about sizing").click();
    h.run_steps(2);
    h.key_press(egui::Key::Num5);
    h.run_steps(2);
    h.get_by_label("Persona Mikko Saarinen").click();
    h.run_steps(2);
    h.get_by_label("Asks the chat about sizing").click();
    h.run_steps(2);
    h.key_press(egui::Key::Num1);
    h.run_steps(2);
    assert_eq!((rating(&h, "c14", "emma"), rating(&h, "c14", "mikko")), (Emotion::new(2), Emotion::new(-2)));
    undo(&mut h);
    assert_eq!((rating(&h, "c14", "emma"), rating(&h, "c14", "mikko")), (Emotion::new(2), mikko_before));
    undo(&mut h);
    assert_eq!((rating(&h, "c14", "emma"), rating(&h, "c14", "mikko")), (emma_before, mikko_before));
}

#[test]
fn deleting_a_persona_takes_its_own_cards_with_it() {
    let mut h = app();
    let before = h.state().doc.map.cards.len();
    h.get_by_label("Persona Mikko Saarinen").click_secondary();
    h.run_steps(2);
    h.get_by_label("Delete persona and its 7 own cards").click();
    h.run_steps(3);
    assert_eq!(h.state().doc.map.cards.len(), before - 7);
    assert_eq!(h.state().doc.map.personas.len(), 1);
    assert_eq!(rating(&h, "c14", "emma"), Emotion::new(1));
    assert!(h.state().doc.map.cards.iter().all(|c| c.emotion_of(&PersonaId::new("mikko")).is_none()));
    undo(&mut h);
    assert_eq!(h.state().doc.map.cards.len(), before);
}

#[test]
fn the_inspector_sets_the_target_emotion_of_the_persona_in_view() {
    let mut h = app();
    h.get_by_label("Persona Mikko Saarinen").click();
    h.run_steps(2);
    h.get_by_label("Asks the chat about sizing").click();
    h.run_steps(2);
    // Only the persona in view is offered, so the rows need no persona's name.
    assert!(h.query_by_label("Emotion — Emma Lindqvist").is_none());
    h.get_by_label("Target emotion: +2 Delighted").click();
    h.run_steps(2);
    let card = h.state().doc.map.card(&CardId::new("c14")).unwrap().clone();
    assert_eq!(card.target_of(&PersonaId::new("mikko")), Emotion::new(2));
    assert_eq!(card.target_of(&PersonaId::new("emma")), None);
    undo(&mut h);
    assert_eq!(h.state().doc.map.card(&CardId::new("c14")).unwrap().target_of(&PersonaId::new("mikko")), None);
}

#[test]
fn personas_are_added_renamed_duplicated_and_deleted_from_the_bar_each_one_undo_step() {
    let mut h = app();
    let original = h.state().doc.map.clone();
    h.get_by_label("+ Add persona").click();
    h.run_steps(3);
    assert_eq!(h.state().doc.map.personas.len(), 3);
    assert_eq!(h.state().editor.persona, Some(PersonaId::new("p1")), "the new persona is in view");
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name").click();
    h.run_steps(1);
    common::ui::key(&mut h, egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Name").type_text("Liisa Laine");
    h.run_steps(2);
    assert_eq!(h.state().doc.map.personas[2].name, "Liisa Laine");

    // Duplicate Mikko: the copy shares his journey and ratings.
    h.get_by_label("Persona Mikko Saarinen").click_secondary();
    h.run_steps(2);
    h.get_by_label("Duplicate").click();
    h.run_steps(3);
    let map = h.state().doc.map.clone();
    assert_eq!(map.personas[2].name, "Mikko Saarinen (copy)");
    let copy = map.personas[2].id.clone();
    assert!(map.card(&CardId::new("c48")).unwrap().is_on_journey_of(&copy));
    assert_eq!(map.card(&CardId::new("c48")).unwrap().emotion_of(&copy), Emotion::new(2));

    // Delete Mikko: his cards are the copy's too now, so none goes; one undo brings him back.
    h.get_by_label("Persona Mikko Saarinen").click_secondary();
    h.run_steps(2);
    h.get_by_label("Delete persona").click();
    h.run_steps(3);
    assert!(h.state().doc.map.persona(&PersonaId::new("mikko")).is_none());
    let c48 = h.state().doc.map.card(&CardId::new("c48")).unwrap().clone();
    assert_eq!(c48.personas, vec![copy.clone()], "the card stays on the copy's journey");
    assert_eq!(c48.emotion_of(&PersonaId::new("mikko")), None);
    undo(&mut h);
    assert_eq!(h.state().doc.map, map);
    undo(&mut h);
    undo(&mut h);
    undo(&mut h);
    assert_eq!(h.state().doc.map, original);
}

#[test]
fn five_personas_stay_apart_on_the_map_their_dips_and_legend_never_overlap() {
    let map = polku::io::load(&common::root().join("tests/data/personas/five-personas.ron")).unwrap();
    let theme = polku::theme::Theme::light();
    let layout = polku::render::export::layout_headless(&map, &theme);
    // The header's persona cards do not overlap each other or the title block.
    let cards: Vec<egui::Rect> = layout.header.personas.iter().map(|p| p.rect).collect();
    assert_eq!(cards.len(), 5);
    for (i, a) in cards.iter().enumerate() {
        assert!(!a.intersects(layout.header.title.rect()), "persona {i} covers the title");
        for b in &cards[i + 1..] {
            assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
        }
    }
    let curve = &layout.curves[0];
    assert_eq!(curve.series.len(), 5);
    assert_eq!(curve.legend.len(), 7, "five personas, the target line and the dip ring");
    let lane = layout.lanes.iter().find(|l| l.kind == LaneKind::EmotionCurve).unwrap();
    let labels: Vec<egui::Rect> = curve.series.iter().flat_map(|s| s.dip_labels.iter().map(|l| l.rect())).collect();
    assert!(labels.len() >= 10, "{} dips", labels.len());
    for (i, a) in labels.iter().enumerate() {
        assert!(lane.row.contains_rect(*a), "dip label {a:?} leaves its lane {:?}", lane.row);
        for b in &labels[i + 1..] {
            assert!(!a.intersects(*b), "dip labels overlap: {a:?} {b:?}");
        }
    }
    for pair in curve.legend.windows(2) {
        assert!(pair[0].label.rect().right() < pair[1].mark.left(), "legend keys overlap");
    }
    // Every persona keeps its own colour and marker across the map.
    let places: std::collections::BTreeSet<usize> = curve.series.iter().map(|s| s.persona).collect();
    assert_eq!(places.len(), 5);
}

#[test]
fn polku_export_persona_draws_one_personas_journey_and_names_the_personas_when_asked_for_a_wrong_one() {
    let dir = tempfile::tempdir().unwrap();
    let map = common::root().join("sample_maps/digimarkkinointi.ron");
    let export = |extra: &[&str], out: &std::path::Path| {
        assert_cmd::Command::cargo_bin("polku")
            .unwrap()
            .arg("export")
            .arg(&map)
            .args(extra)
            .arg("-o")
            .arg(out)
            .output()
            .unwrap()
    };
    let (all, one) = (dir.path().join("all.png"), dir.path().join("antti.png"));
    assert_eq!(export(&[], &all).status.code(), Some(0));
    let run = export(&["--persona", "Antti Mäkelä"], &one);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stdout));
    let (a, b) = (image::image_dimensions(&all).unwrap(), image::image_dimensions(&one).unwrap());
    assert!(b.1 < a.1, "one persona's journey is shorter: {a:?} {b:?}");
    // The image still carries the whole map.
    let inside = polku::io::load(&one).unwrap();
    assert_eq!(inside.personas.len(), 3);
    let wrong = export(&["--persona", "Maija"], &dir.path().join("x.png"));
    assert_eq!(wrong.status.code(), Some(2));
    let text = String::from_utf8_lossy(&wrong.stdout);
    assert!(text.contains("no persona \"Maija\"") && text.contains("antti (Antti Mäkelä)"), "{text}");
}
