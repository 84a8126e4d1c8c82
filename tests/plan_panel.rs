//! The action plan panel and its value × effort matrix, driven like a user: open it, edit a
//! row, click a row, sort, filter, drag an item in the matrix, and undo.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ui::{centre, click_at, drag, key};
use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use polku::app::{PolkuApp, Sel};
use polku::model::*;
use polku::plan::{self, ItemRef, SortKey};

/// The real app on the English sample with the action plan panel opened by its shortcut.
fn app() -> Harness<'static, PolkuApp> {
    let path = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    let mut h = Harness::builder().with_size([1500.0, 1000.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    key(&mut h, Modifiers::COMMAND, Key::J);
    assert!(h.state().prefs.show_plan, "Ctrl+J opens the action plan");
    h
}

fn row(map: &JourneyMap, title: &str) -> plan::PlanRow {
    plan::rows(map).into_iter().find(|r| r.title == title).unwrap_or_else(|| panic!("no plan row {title}"))
}

/// The titles of the rows on screen, top to bottom (read from their Owner cells).
fn shown_titles(h: &Harness<'_, PolkuApp>) -> Vec<String> {
    let mut cells: Vec<(f32, String)> = h
        .query_all_by_label_contains("Owner: ")
        .map(|n| (n.rect().center().y, n.accesskit_node().label().unwrap_or_default().replacen("Owner: ", "", 1)))
        .collect();
    cells.sort_by(|a, b| a.0.total_cmp(&b.0));
    cells.into_iter().map(|(_, t)| t).collect()
}

#[test]
fn typing_an_owner_into_a_row_edits_the_map_in_one_undo_step() {
    let mut h = app();
    let original = h.state().doc.map.clone();
    h.get_by_label("Owner: Guest checkout with MobilePay").click();
    h.run_steps(2);
    key(&mut h, Modifiers::COMMAND, Key::A);
    h.get_by_label("Owner: Guest checkout with MobilePay").type_text("Payments team / Aino");
    h.run_steps(2);
    let r = row(&h.state().doc.map, "Guest checkout with MobilePay");
    assert_eq!(r.improvement.owner, "Payments team / Aino");
    let ItemRef::Card(id) = &r.item else { panic!("a card item") };
    assert_eq!(h.state().editor.selection.items, vec![Sel::Card(id.clone())], "typing in a row selects its card");

    key(&mut h, Modifiers::NONE, Key::Escape);
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.map, original, "the whole typed owner is one step");
    key(&mut h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    assert_eq!(row(&h.state().doc.map, "Guest checkout with MobilePay").improvement.owner, "Payments team / Aino");
}

#[test]
fn a_due_date_typed_one_key_at_a_time_is_kept_until_it_is_a_real_date() {
    let mut h = app();
    let label = "Due: Confirm at once";
    let due = row(&h.state().doc.map, "Confirm at once").improvement.due;
    h.get_by_label(label).click();
    h.run_steps(2);
    key(&mut h, Modifiers::COMMAND, Key::A);
    key(&mut h, Modifiers::NONE, Key::Backspace);
    assert_eq!(row(&h.state().doc.map, "Confirm at once").improvement.due, due, "emptied to type anew: kept");
    for c in "2027-11-3".chars() {
        h.get_by_label(label).type_text(&c.to_string());
        h.run_steps(1);
    }
    assert_eq!(h.get_by_label(label).value().as_deref(), Some("2027-11-3"), "half a date stays");
    assert_eq!(row(&h.state().doc.map, "Confirm at once").improvement.due, due);
    h.get_by_label(label).type_text("0");
    h.run_steps(2);
    assert_eq!(row(&h.state().doc.map, "Confirm at once").improvement.due, Date::parse("2027-11-30"));
}

#[test]
fn clicking_a_row_selects_its_item_and_brings_it_into_view() {
    let mut h = app();
    h.state_mut().editor.camera = polku::app::Camera::at(1.5, egui::vec2(-3000.0, -3000.0));
    h.run_steps(2);
    let stage_cell = h.get_by_label("Owner: Running-club partner programme").rect().center();
    // The Stage column is left of Owner; its label is plain text that hands the click to the row.
    let stage_x = h.get_by_label("Sort by Stage").rect().center().x;
    click_at(&mut h, Pos2::new(stage_x, stage_cell.y));
    let r = row(&h.state().doc.map, "Running-club partner programme");
    let ItemRef::Card(id) = &r.item else { panic!("a card item") };
    assert_eq!(h.state().editor.selection.items, vec![Sel::Card(id.clone())]);
    let canvas = h.get_by_label("Journey map canvas").rect();
    let card = h.get_by_label("Running-club partner programme").rect();
    assert!(canvas.contains_rect(card), "the card {card:?} is on the canvas {canvas:?}");
}

#[test]
fn clicking_a_column_header_sorts_by_it_and_again_reverses() {
    let mut h = app();
    h.get_by_label("Sort by Owner").click();
    h.run_steps(2);
    assert_eq!(h.state().editor.plan_view.sort.key, SortKey::Owner);
    let owners = |h: &Harness<'_, PolkuApp>| -> Vec<String> {
        shown_titles(h).iter().map(|t| row(&h.state().doc.map, t).improvement.owner.to_lowercase()).collect()
    };
    let up = owners(&h);
    assert_eq!(up.len(), 7);
    assert!(up.is_sorted(), "{up:?}");
    h.get_by_label("Sort by Owner").click();
    h.run_steps(2);
    let down = owners(&h);
    assert!(down.iter().rev().is_sorted(), "{down:?}");
}

#[test]
fn filtering_by_stage_and_by_status_narrows_the_rows() {
    let mut h = app();
    choose(&mut h, "Stage filter", "Retention");
    assert_eq!(shown_titles(&h), ["Instant return receipt and 2-day refund", "Confirm at once"]);
    assert!(h.query_by_label("2 of 7 items").is_some());
    choose(&mut h, "Status filter", "Planned");
    assert_eq!(shown_titles(&h), ["Instant return receipt and 2-day refund"]);
    let clear = h.get_by_label("Clear").rect().center();
    click_at(&mut h, clear);
    h.run_steps(3);
    assert_eq!(shown_titles(&h).len(), 7);
}

#[test]
fn dragging_an_item_in_the_matrix_rerates_its_value_and_effort() {
    let mut h = app();
    let original = h.state().doc.map.clone();
    h.get_by_label("Value × effort").click();
    h.run_steps(3);
    let from = centre(&h, "Guest checkout with MobilePay (value 5, effort 2)");
    let to = centre(&h, "Instant return receipt and 2-day refund (value 4, effort 4)");
    drag(&mut h, from, to);
    let imp = row(&h.state().doc.map, "Guest checkout with MobilePay").improvement;
    assert_eq!((imp.value, imp.effort), (Some(4), Some(4)));
    assert_eq!(plan::Quadrant::of(&imp), Some(plan::Quadrant::BigBet));
    key(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(h.state().doc.map, original);
}

#[test]
fn the_i_key_puts_a_selected_card_into_the_plan_and_takes_it_out_again() {
    let mut h = app();
    let card = h.state().doc.map.cards.iter().find(|c| c.improvement.is_none()).unwrap().clone();
    let before = plan::rows(&h.state().doc.map).len();
    h.state_mut().editor.selection.set(Sel::Card(card.id.clone()));
    h.run_steps(1);
    key(&mut h, Modifiers::NONE, Key::I);
    assert_eq!(plan::rows(&h.state().doc.map).len(), before + 1);
    assert!(h.query_by_label(&format!("Owner: {}", card.title)).is_some(), "its row shows in the panel");
    key(&mut h, Modifiers::NONE, Key::I);
    assert_eq!(plan::rows(&h.state().doc.map).len(), before);
}

/// Opens a drop-down by its accessible name and picks an option.
fn choose(h: &mut Harness<'_, PolkuApp>, combo: &str, option: &str) {
    let at = h.get_by_label(combo).rect().center();
    click_at(h, at);
    let at = h.get_by_role_and_label(egui::accesskit::Role::Button, option).rect().center();
    click_at(h, at);
}
