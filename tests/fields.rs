//! The inspector's fields take typing as people type: a date keeps what is typed until it is
//! a date, and value and effort reach every step with one click.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use polku::app::{PolkuApp, Sel};
use polku::model::{CardId, Date};

fn app() -> Harness<'static, PolkuApp> {
    let path = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let mut h = Harness::builder().with_size([1600.0, 1400.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    h
}

/// Empties the text field labelled `label` and types `text` into it, one letter a frame.
fn retype(h: &mut Harness<'_, PolkuApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run_steps(1);
    for c in text.chars() {
        h.get_by_role_and_label(Role::TextInput, label).type_text(&c.to_string());
        h.run_steps(1);
    }
}

#[test]
fn the_last_reviewed_date_keeps_half_typed_text_and_takes_the_date_once_it_is_whole() {
    let mut h = app();
    let before = h.state().doc.map.last_reviewed;
    retype(&mut h, "Last reviewed", "31.3.20");
    assert_eq!(h.state().doc.map.last_reviewed, before, "half a date changes nothing");
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Last reviewed").accesskit_node().value().as_deref(),
        Some("31.3.20")
    );
    h.get_by_label_contains("Not a date yet");
    h.get_by_role_and_label(Role::TextInput, "Last reviewed").type_text("2");
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, "Last reviewed").type_text("7");
    h.run_steps(2);
    assert_eq!(h.state().doc.map.last_reviewed, Date::new(2027, 3, 31));
    assert!(h.query_by_label_contains("Not a date yet").is_none());
    retype(&mut h, "Last reviewed", "2026-12-01");
    assert_eq!(h.state().doc.map.last_reviewed, Date::new(2026, 12, 1), "ISO dates are understood too");
    retype(&mut h, "Last reviewed", "");
    assert_eq!(h.state().doc.map.last_reviewed, Date::new(2026, 12, 1), "an emptied field counts once left");
    h.key_press(egui::Key::Tab);
    h.run_steps(3);
    assert_eq!(h.state().doc.map.last_reviewed, None);
}

#[test]
fn an_unfinished_date_is_put_back_when_the_field_is_left() {
    let mut h = app();
    let before = h.state().doc.map.last_reviewed;
    retype(&mut h, "Last reviewed", "2026-1");
    h.key_press(egui::Key::Tab);
    h.run_steps(3);
    assert_eq!(h.state().doc.map.last_reviewed, before);
    let shown = h.get_by_role_and_label(Role::TextInput, "Last reviewed").accesskit_node().value();
    assert_eq!(shown.as_deref(), before.map(|d| d.to_string()).as_deref());
}

#[test]
fn value_and_effort_reach_every_step_by_click_ends_included() {
    let mut h = app();
    let id = CardId::new("c5");
    h.state_mut().editor.selection.set(Sel::Card(id.clone()));
    h.run_steps(3);
    let item = |h: &Harness<'_, PolkuApp>| h.state().doc.map.card(&id).unwrap().improvement.clone().unwrap();
    for n in [1u8, 5, 3] {
        h.get_by_label(&format!("Effort 1–5: {n}")).click();
        h.run_steps(2);
        assert_eq!(item(&h).effort, Some(n));
    }
    h.get_by_label(&format!("Value 1–5: {}", 1)).click();
    h.run_steps(2);
    assert_eq!(item(&h).value, Some(1));
    h.get_by_label("Value 1–5: not rated").click();
    h.run_steps(2);
    assert_eq!(item(&h).value, None, "the dash takes the rating away");
}
