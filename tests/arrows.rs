//! Drawing arrows between cards and moving their ends, driven like a user.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ui::{centre, drag, key};
use egui::{Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::{Camera, PolkuApp, Sel};
use polku::edit::StepName;
use polku::model::*;

/// The real app on the Finnish CRM sample, its first stages on screen.
fn app() -> Harness<'static, PolkuApp> {
    let path = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let mut h = Harness::builder().with_size([1700.0, 1150.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(2);
    h.state_mut().editor.camera = Camera::at(0.6, Vec2::new(10.0, -250.0));
    h.run_steps(3);
    h
}

/// Hovers a card so that its arrow handles show, and returns the handle's centre.
fn handle(h: &mut Harness<'_, PolkuApp>, card: &str, which: &str) -> Pos2 {
    let c = centre(h, card);
    h.hover_at(c);
    h.run_steps(2);
    centre(h, &format!("Draw {which} arrow from {card}"))
}

/// Drags from a card's handle (`which`: "improvement" or "flow") onto another card.
fn draw(h: &mut Harness<'_, PolkuApp>, from_card: &str, which: &str, to_card: &str) {
    let from = handle(h, from_card, which);
    let to = centre(h, to_card);
    drag(h, from, to);
}

fn new_arrow(h: &Harness<'_, PolkuApp>, before: usize) -> Arrow {
    let arrows = &h.state().doc.map.arrows;
    assert_eq!(arrows.len(), before + 1, "one arrow added");
    arrows.last().unwrap().clone()
}

#[test]
fn dragging_from_a_cards_handle_to_another_card_draws_an_improvement_arrow_in_one_undo_step() {
    let mut h = app();
    let before = h.state().doc.map.arrows.len();
    draw(&mut h, "Hakutulokset", "improvement", "Googlaa ratkaisua ongelmaan");

    let arrow = new_arrow(&h, before);
    let map = &h.state().doc.map;
    assert_eq!(map.card(&arrow.from).unwrap().title, "Hakutulokset");
    assert_eq!(map.card(&arrow.to).unwrap().title, "Googlaa ratkaisua ongelmaan");
    assert_eq!(arrow.kind, ArrowKind::Improvement);
    assert!(map.validate().is_empty());
    assert_eq!(h.state().editor.selection.items, vec![Sel::Arrow(arrow.id.clone())], "the new arrow is selected");
    assert_eq!(h.state().doc.history.undo_label(), Some(StepName::AddArrow));

    key(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(h.state().doc.map.arrows.len(), before);
    key(&mut h, egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT), egui::Key::Z);
    assert_eq!(new_arrow(&h, before), arrow);
}

#[test]
fn the_grey_handle_draws_a_flow_arrow_and_enter_then_gives_it_a_label() {
    let mut h = app();
    let before = h.state().doc.map.arrows.len();
    draw(&mut h, "Hakutulokset", "flow", "Googlaa ratkaisua ongelmaan");
    assert_eq!(new_arrow(&h, before).kind, ArrowKind::Flow);

    key(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Edit title in place").type_text("Seuraava askel");
    h.run_steps(1);
    key(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(new_arrow(&h, before).label, "Seuraava askel");
}

#[test]
fn letting_go_on_the_same_card_or_on_empty_map_draws_nothing() {
    let mut h = app();
    let original = h.state().doc.map.clone();
    let from = handle(&mut h, "Hakutulokset", "improvement");
    let same = centre(&h, "Hakutulokset");
    drag(&mut h, from, same);
    assert_eq!(h.state().doc.map, original);
    let from = handle(&mut h, "Hakutulokset", "improvement");
    let canvas = h.get_by_label("Journey map canvas").rect();
    drag(&mut h, from, canvas.right_bottom() - Vec2::splat(8.0));
    assert_eq!(h.state().doc.map, original);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn dragging_a_selected_arrows_end_onto_another_card_retargets_it() {
    let mut h = app();
    let before = h.state().doc.map.arrows.len();
    draw(&mut h, "Hakutulokset", "improvement", "Googlaa ratkaisua ongelmaan");
    let drawn = new_arrow(&h, before);

    let end = centre(&h, "Move arrow end");
    let other = centre(&h, "Miksi markkinointi ei tuo liidejä?");
    drag(&mut h, end, other);
    let moved = new_arrow(&h, before);
    assert_eq!(moved.from, drawn.from);
    assert_eq!(h.state().doc.map.card(&moved.to).unwrap().title, "Miksi markkinointi ei tuo liidejä?");
    assert_eq!(h.state().doc.history.undo_label(), Some(StepName::EditArrow));

    // Its start onto its own end would be an arrow to itself: refused.
    let start = centre(&h, "Move arrow start");
    drag(&mut h, start, other);
    assert_eq!(new_arrow(&h, before), moved);

    key(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(new_arrow(&h, before), drawn);
}

#[test]
fn an_arrow_follows_its_card_when_the_card_moves() {
    let mut h = app();
    let before = h.state().doc.map.arrows.len();
    draw(&mut h, "Hakutulokset", "improvement", "Googlaa ratkaisua ongelmaan");
    let arrow = new_arrow(&h, before);

    let card = centre(&h, "Hakutulokset");
    let other_stage = Pos2::new(centre(&h, "Vaihtoehtojen vertailu").x, card.y);
    drag(&mut h, card, other_stage);
    assert_eq!(h.state().doc.map.card(&arrow.from).unwrap().stage.as_str(), "vertailu");
    let (start, rect) = arrow_start(&mut h, &arrow);
    assert!(rect.expand(2.0).contains(start) && !rect.shrink(2.0).contains(start), "{start:?} is not on {rect:?}");
}

/// Where the arrow starts and the rectangle of the card it starts from, as laid out now.
fn arrow_start(h: &mut Harness<'_, PolkuApp>, arrow: &Arrow) -> (Pos2, egui::Rect) {
    let ctx = h.ctx.clone();
    let theme = polku::theme::Theme::light();
    let layout = h.state_mut().doc.layout(&ctx, &theme);
    let path = &layout.arrows.iter().find(|a| a.id == arrow.id).unwrap().path;
    (path[0], layout.card(&arrow.from).unwrap().rect)
}
