//! Capturing a meeting's words fast in the editor: a new card is typed straight over its
//! placeholder, a click in an empty cell makes it the current cell, pasted lines become cards.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ui::{click_at, key, undo};
use egui::{Key, Modifiers, Vec2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::{Camera, PolkuApp};

fn app() -> Harness<'static, PolkuApp> {
    let path = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let mut h = Harness::builder().with_size([1700.0, 1150.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(2);
    h.state_mut().editor.camera = Camera::at(0.42, Vec2::new(10.0, 0.0));
    h.run_steps(3);
    h
}

/// The centre of the empty part of a cell, below its cards: (stage name, lane title).
fn empty_spot(h: &Harness<'_, PolkuApp>, stage: &str, lane: &str) -> egui::Pos2 {
    let x = h.get_by_label(stage).rect().center().x;
    let row = h.get_by_label(lane).rect();
    pos2(x, row.bottom() - 4.0)
}

#[test]
fn n_adds_a_card_whose_placeholder_typing_replaces_and_enter_keeps() {
    let mut h = app();
    let spot = empty_spot(&h, "Ostopäätös", "Mahdollisuudet");
    click_at(&mut h, spot);
    let (stage, lane) = h.state().editor.cursor_cell.clone().expect("the clicked cell is current");
    assert_eq!((stage.as_str(), lane.as_str()), ("ostopaatos", "mahd"));
    let before = h.state().doc.map.cards_in(&stage, &lane).len();
    key(&mut h, Modifiers::NONE, Key::N);
    h.get_by_label("Edit title in place").type_text("Tarjous samana päivänä");
    h.run_steps(1);
    key(&mut h, Modifiers::NONE, Key::Enter);
    let cards = h.state().doc.map.cards_in(&stage, &lane).into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(cards.len(), before + 1, "the card went into the clicked cell");
    assert_eq!(cards.last().unwrap().title, "Tarjous samana päivänä", "typing replaced the placeholder");
    assert!(h.query_by_label("Edit title in place").is_none());
    undo(&mut h);
    assert_eq!(h.state().doc.map.cards_in(&stage, &lane).last().unwrap().title, "New card");
    undo(&mut h);
    assert_eq!(h.state().doc.map.cards_in(&stage, &lane).len(), before);
}

#[test]
fn a_card_dropped_from_the_palette_is_typed_in_place_and_shift_enter_adds_a_line() {
    let mut h = app();
    let spot = empty_spot(&h, "Tiedonkeruu", "Kipupisteet");
    let from = common::ui::centre(&h, "Card");
    common::ui::drag(&mut h, from, spot);
    h.get_by_label("Edit title in place").type_text("Ei vastausta viikkoon");
    h.run_steps(1);
    key(&mut h, Modifiers::SHIFT, Key::Enter);
    h.get_by_label("Edit title in place").type_text("– soitti itse");
    h.run_steps(1);
    key(&mut h, Modifiers::NONE, Key::Enter);
    let card = h.state().doc.map.cards.last().unwrap().clone();
    assert_eq!((card.stage.as_str(), card.lane.as_str()), ("tiedonkeruu", "kipu"));
    assert_eq!(card.title, "Ei vastausta viikkoon\n– soitti itse", "Shift+Enter starts a new line");
}

#[test]
fn pasting_lines_makes_a_card_of_each_in_the_current_cell_in_one_undo_step() {
    let mut h = app();
    let spot = empty_spot(&h, "Vaihtoehtojen vertailu", "Ajattelee");
    click_at(&mut h, spot);
    let (stage, lane) = h.state().editor.cursor_cell.clone().unwrap();
    let before = h.state().doc.map.cards.len();
    h.event(egui::Event::Paste("Onko tämä liian kallis?\nKuka tätä käyttää?\n\nSaanko tukea\tkäyttöönottoon\n".into()));
    h.run_steps(3);
    let map = &h.state().doc.map;
    assert_eq!(map.cards.len(), before + 3);
    let titles: Vec<String> = map.cards_in(&stage, &lane).iter().rev().take(3).rev().map(|c| c.title.clone()).collect();
    assert_eq!(titles, ["Onko tämä liian kallis?", "Kuka tätä käyttää?", "Saanko tukea"]);
    assert_eq!(map.cards.last().unwrap().body, "käyttöönottoon", "a spreadsheet's next cell is the body");
    h.get_by_label_contains("3 cards pasted");
    undo(&mut h);
    assert_eq!(h.state().doc.map.cards.len(), before);
}

#[test]
fn enter_keeps_an_inspector_title_and_shift_enter_adds_a_line() {
    let mut h = app();
    h.get_by_label("Hakutulokset").click();
    h.run_steps(2);
    let title = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title");
    title.focus();
    h.run_steps(1);
    key(&mut h, Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title").type_text("Hakutulos");
    h.run_steps(1);
    key(&mut h, Modifiers::SHIFT, Key::Enter);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title").type_text("ja mainos");
    h.run_steps(1);
    key(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().doc.map.card(&polku::model::CardId::new("c10")).unwrap().title, "Hakutulos\nja mainos");
    assert!(!h.ctx.egui_wants_keyboard_input(), "Enter let go of the keyboard");
    let cards = h.state().doc.map.cards.len();
    key(&mut h, Modifiers::NONE, Key::N);
    assert_eq!(h.state().doc.map.cards.len(), cards, "the keyboard was in a panel: N is no card yet");
    key(&mut h, Modifiers::NONE, Key::Escape);
    key(&mut h, Modifiers::NONE, Key::N);
    assert_eq!(h.state().doc.map.cards.len(), cards + 1, "Escape gave the keyboard back to the map");
}
