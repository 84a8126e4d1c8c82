//! Editing the map on the canvas, driven like a user: palette drags, card moves, stage
//! reordering, typing in the inspector, undo and redo.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ui::{centre, drag, redo, undo};
use egui::{Vec2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::{Camera, PolkuApp};
use polku::edit::StepName;
use polku::model::*;

/// The real app on the Finnish CRM sample, zoomed so the whole map is on screen.
fn app() -> Harness<'static, PolkuApp> {
    let path = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let mut h = Harness::builder().with_size([1700.0, 1150.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(2);
    h.state_mut().editor.camera = Camera::at(0.42, Vec2::new(10.0, 0.0));
    h.run_steps(3);
    h
}

#[test]
fn dragging_a_touchpoint_from_the_palette_onto_a_stage_and_lane_adds_it_there() {
    let mut h = app();
    let before = h.state().doc.map.cards.len();
    let target = pos2(centre(&h, "Oston jälkeinen käyttäytyminen").x, centre(&h, "Kosketuspisteet").y);
    let from = centre(&h, "Web site");
    drag(&mut h, from, target);
    let map = &h.state().doc.map;
    assert_eq!(map.cards.len(), before + 1);
    let new = map.cards.last().unwrap();
    assert_eq!((new.stage.as_str(), new.lane.as_str()), ("oston-jalkeen", "kosketus"));
    assert_eq!(new.channel, Some(Channel::Web));
    assert!(map.validate().is_empty());

    // The new card's title field has the keyboard; click the map to give it back.
    let empty = pos2(centre(&h, "Journey map canvas").x, h.get_by_label("Journey map canvas").rect().bottom() - 5.0);
    h.hover_at(empty);
    h.run_steps(1);
    h.get_by_label("Journey map canvas").click();
    h.run_steps(1);
    undo(&mut h);
    assert_eq!(h.state().doc.map.cards.len(), before);
    redo(&mut h);
    assert_eq!(h.state().doc.map.cards.len(), before + 1);
}

#[test]
fn dragging_a_card_to_another_stage_moves_it_and_undo_puts_it_back() {
    let mut h = app();
    let original = h.state().doc.map.clone();
    let from = centre(&h, "Hakutulokset");
    let to = pos2(centre(&h, "Ostopäätös").x, from.y);
    drag(&mut h, from, to);
    let moved = h.state().doc.map.card(&CardId::new("c10")).unwrap().clone();
    assert_eq!(moved.stage.as_str(), "ostopaatos");
    assert_eq!(moved.lane.as_str(), "kosketus");
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().doc.history.undo_label(), Some(StepName::MoveCard));

    undo(&mut h);
    assert_eq!(h.state().doc.map, original);
    assert!(!h.state().doc.is_dirty(), "undo back to the saved state clears the marker");
    redo(&mut h);
    assert_eq!(h.state().doc.map.card(&CardId::new("c10")).unwrap().stage.as_str(), "ostopaatos");
}

#[test]
fn dragging_a_stage_header_reorders_the_stages() {
    let mut h = app();
    let from = centre(&h, "Tarpeen tunnistaminen");
    let to = centre(&h, "Vaihtoehtojen vertailu") + Vec2::new(40.0, 0.0);
    drag(&mut h, from, to);
    let order: Vec<&str> = h.state().doc.map.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(order, ["tiedonkeruu", "vertailu", "tarve", "ostopaatos", "oston-jalkeen"]);
    undo(&mut h);
    assert_eq!(h.state().doc.map.stages[0].id.as_str(), "tarve");
    redo(&mut h);
    assert_eq!(h.state().doc.map.stages[2].id.as_str(), "tarve");
}

#[test]
fn typing_a_card_title_in_the_inspector_is_one_undo_step() {
    let mut h = app();
    h.get_by_label("Hakutulokset").click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title").focus();
    h.run_steps(1);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title").type_text(" Googlessa");
    h.run_steps(2);
    assert_eq!(h.state().doc.map.card(&CardId::new("c10")).unwrap().title, "Hakutulokset Googlessa");
    // Click on the canvas background so the shortcut reaches the map, not the text field.
    h.get_by_label("Journey map canvas").click();
    h.run_steps(1);
    undo(&mut h);
    assert_eq!(h.state().doc.map.card(&CardId::new("c10")).unwrap().title, "Hakutulokset");
    redo(&mut h);
    assert_eq!(h.state().doc.map.card(&CardId::new("c10")).unwrap().title, "Hakutulokset Googlessa");
}

#[test]
fn delete_removes_a_selected_card_and_escape_cancels_a_drag() {
    let mut h = app();
    let n = h.state().doc.map.cards.len();
    h.get_by_label("Webinaari: liidistä kauppaan").click();
    h.run_steps(2);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    assert_eq!(h.state().doc.map.cards.len(), n - 1);
    undo(&mut h);
    assert_eq!(h.state().doc.map.cards.len(), n);

    let original = h.state().doc.map.clone();
    let from = centre(&h, "Hakutulokset");
    let to = pos2(centre(&h, "Ostopäätös").x, from.y);
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    for i in 1..=6 {
        h.hover_at(from + (to - from) * (i as f32 / 6.0));
        h.run_steps(1);
    }
    h.key_press(egui::Key::Escape);
    h.run_steps(1);
    h.drop_at(to);
    h.run_steps(2);
    assert_eq!(h.state().doc.map, original, "Escape aborts the whole drag");
}

#[test]
fn keys_1_to_5_rate_the_selected_card_and_undo_restores_its_emotion() {
    let mut h = app();
    let before = h.state().doc.map.card(&CardId::new("c10")).unwrap().emotions.values().next().copied();
    h.get_by_label("Hakutulokset").click();
    h.run_steps(2);
    h.key_press(egui::Key::Num1);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.map.card(&CardId::new("c10")).unwrap().emotions.values().next().copied(),
        Emotion::new(-2)
    );
    h.key_press(egui::Key::Num5);
    h.run_steps(2);
    assert_eq!(h.state().doc.map.card(&CardId::new("c10")).unwrap().emotions.values().next().copied(), Emotion::new(2));
    undo(&mut h);
    undo(&mut h);
    assert_eq!(h.state().doc.map.card(&CardId::new("c10")).unwrap().emotions.values().next().copied(), before);
}

#[test]
fn tab_walks_the_cells_and_n_adds_a_card_there_instead_of_focusing_the_menu() {
    // Regression: egui's own Tab focus navigation used to take the keyboard to the menu bar.
    let mut h = app();
    h.key_press(egui::Key::Tab);
    h.run_steps(2);
    let sel = h.state().editor.selection.items.clone();
    let Some(polku::app::Sel::Card(id)) = sel.first() else { panic!("a card is selected: {sel:?}") };
    let card = h.state().doc.map.card(id).unwrap().clone();
    assert_eq!((card.stage.as_str(), card.lane.as_str()), ("tiedonkeruu", "tekee"));
    let n = h.state().doc.map.cards_in(&card.stage, &card.lane).len();
    h.key_press(egui::Key::N);
    h.run_steps(2);
    assert_eq!(h.state().doc.map.cards_in(&card.stage, &card.lane).len(), n + 1);
}

#[test]
fn enter_on_a_card_edits_its_title_in_place_enter_keeps_escape_cancels() {
    let mut h = app();
    h.get_by_label("Hakutulokset").click();
    h.run_steps(2);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    h.key_press(egui::Key::End);
    h.run_steps(1);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Edit title in place").type_text(" ja mainokset");
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().doc.map.card(&CardId::new("c10")).unwrap().title, "Hakutulokset ja mainokset");
    assert_eq!(h.state().doc.history.undo_label(), Some(StepName::EditCard));
    assert!(h.query_by_label("Edit title in place").is_none(), "the editor closes on Enter");

    // Again, but Escape: the title stays as it was.
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Edit title in place").type_text(" XXX");
    h.run_steps(1);
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().doc.map.card(&CardId::new("c10")).unwrap().title, "Hakutulokset ja mainokset");
}

#[test]
fn the_smiley_picker_above_a_selected_card_sets_its_emotion_in_one_click() {
    let mut h = app();
    // At 100 % the picker has room above the card.
    h.state_mut().editor.camera = Camera::at(1.0, Vec2::new(-200.0, -900.0));
    h.run_steps(2);
    h.get_by_label("Hakutulokset").click();
    h.run_steps(2);
    h.get_by_label("Emotion -2: Turhautunut").click();
    h.run_steps(2);
    assert_eq!(
        h.state().doc.map.card(&CardId::new("c10")).unwrap().emotions.values().next().copied(),
        Emotion::new(-2)
    );
    assert_eq!(h.state().doc.history.undo_label(), Some(StepName::SetEmotion));
}

#[test]
fn a_stage_keeps_its_colour_when_reordered_or_when_another_is_deleted() {
    let mut h = app();
    let colour_of = |h: &Harness<'_, PolkuApp>, id: &str| {
        let map = &h.state().doc.map;
        let i = map.stages.iter().position(|s| s.id.as_str() == id).unwrap();
        map.stages[i].colour.unwrap_or(Colour::for_stage(i))
    };
    // The CRM sample gives its own colours; take them away as an older map would have none.
    for s in &mut h.state_mut().doc.map.stages {
        s.colour = None;
    }
    h.state_mut().doc.generation += 1;
    h.run_steps(2);
    let before: Vec<Colour> = ["tarve", "tiedonkeruu", "vertailu"].iter().map(|id| colour_of(&h, id)).collect();
    let from = centre(&h, "Tiedonkeruu");
    let to = pos2(centre(&h, "Oston jälkeinen käyttäytyminen").x + 40.0, from.y);
    drag(&mut h, from, to);
    assert_ne!(h.state().doc.map.stages[1].id.as_str(), "tiedonkeruu", "the stage moved");
    let after: Vec<Colour> = ["tarve", "tiedonkeruu", "vertailu"].iter().map(|id| colour_of(&h, id)).collect();
    assert_eq!(after, before, "every stage kept the colour it had");
    undo(&mut h);
    assert!(h.state().doc.map.stages.iter().all(|s| s.colour.is_none()), "one undo step takes it all back");

    // Deleting the first stage does not repaint the ones after it.
    h.get_by_label("Tarpeen tunnistaminen").click();
    h.run_steps(2);
    h.key_press(egui::Key::Delete);
    h.run_steps(2);
    h.get_by_label("Delete").click();
    h.run_steps(2);
    assert!(h.state().doc.map.stage(&StageId::new("tarve")).is_none(), "deleted");
    let kept: Vec<Colour> = ["tiedonkeruu", "vertailu"].iter().map(|id| colour_of(&h, id)).collect();
    assert_eq!(kept, before[1..], "the other stages kept their colours");
}
