//! Typing in a text field types; it never fires the canvas's one-letter shortcuts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use polku::app::{PolkuApp, Sel};
use polku::model::CardId;

fn app() -> Harness<'static, PolkuApp> {
    let path = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let mut h = Harness::builder().with_size([1600.0, 1400.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    h
}

/// Types letters that are shortcuts on the canvas into every text field on screen; the map must
/// gain no card, no rating, no plan item.
fn type_everywhere(h: &mut Harness<'_, PolkuApp>) -> usize {
    let labels: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| !l.is_empty())
        .collect();
    for label in &labels {
        let cards = h.state().doc.map.cards.len();
        let plan = polku::plan::count(&h.state().doc.map);
        let input = egui::accesskit::Role::TextInput;
        let Some(field) = h.query_by_role_and_label(input, label) else { continue };
        field.focus();
        h.run_steps(1);
        h.get_by_role_and_label(input, label).type_text("Nina 1 2 3 4 5 Ilona");
        h.run_steps(2);
        assert_eq!(h.state().doc.map.cards.len(), cards, "typing into “{label}” added a card");
        assert_eq!(polku::plan::count(&h.state().doc.map), plan, "typing into “{label}” changed the plan");
    }
    labels.len()
}

#[test]
fn typing_in_every_field_of_the_map_and_persona_adds_no_card() {
    let mut h = app();
    let fields = type_everywhere(&mut h);
    assert!(fields >= 8, "the map's and persona's fields were all tried ({fields})");
}

#[test]
fn typing_in_every_field_of_a_card_changes_only_the_text() {
    let mut h = app();
    h.state_mut().editor.selection.set(Sel::Card(CardId::new("c10")));
    h.run_steps(2);
    let emotion = h.state().doc.map.card(&CardId::new("c10")).unwrap().emotions.values().next().copied();
    type_everywhere(&mut h);
    assert_eq!(
        h.state().doc.map.card(&CardId::new("c10")).unwrap().emotions.values().next().copied(),
        emotion,
        "digits typed are not ratings"
    );
}

#[test]
fn after_enter_leaves_a_field_the_next_letters_are_not_shortcuts_until_the_map_is_clicked() {
    let mut h = app();
    let input = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(input, "Name").focus();
    h.run_steps(1);
    h.get_by_role_and_label(input, "Name").type_text(" Virtanen");
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert!(!h.ctx.egui_wants_keyboard_input(), "a one-line field lets go of the keyboard on Enter");
    let cards = h.state().doc.map.cards.len();
    for key in [egui::Key::N, egui::Key::I, egui::Key::Num2, egui::Key::Delete] {
        h.key_press(key);
        h.run_steps(1);
    }
    assert_eq!(h.state().doc.map.cards.len(), cards, "N after a field is not a new card");
    // A click on the map gives it the keyboard back.
    let canvas = h.get_by_label("Journey map canvas").rect();
    common::ui::click_at(&mut h, egui::pos2(canvas.left() + 20.0, canvas.bottom() - 20.0));
    h.key_press(egui::Key::N);
    h.run_steps(2);
    assert_eq!(h.state().doc.map.cards.len(), cards + 1);
}
