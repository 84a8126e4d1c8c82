//! A newcomer's first steps: a map without stages says what to do and offers templates; the
//! channels of a service journey are on the palette.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ui::{centre, drag, key, undo};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::PolkuApp;
use polku::model::Language;
use polku::presets::Preset;

/// The app on a new, blank map saved in a temporary folder.
fn blank(language: Language) -> (Harness<'static, PolkuApp>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tyhja.ron");
    std::fs::write(&path, polku::io::to_text(&Preset::Blank.new_map(language)).unwrap()).unwrap();
    let mut h = Harness::builder().with_size([1600.0, 1000.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    (h, dir)
}

#[test]
fn a_blank_map_offers_templates_and_one_click_makes_a_service_journey_that_undo_takes_back() {
    let (mut h, _dir) = blank(Language::Finnish);
    let before = h.state().doc.map.clone();
    h.get_by_label("This map has no stages yet");
    h.get_by_label_contains("Service visit").click();
    h.run_steps(3);
    let map = &h.state().doc.map;
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Ajanvaraus", "Saapuminen", "Käynti", "Maksaminen", "Seuranta"], "in the map's language");
    assert!(map.lanes.iter().any(|l| l.title == "Taustatoiminnot"), "the service lanes replace the blank ones");
    assert_eq!(map.cards.len(), 5);
    assert!(h.query_by_label("This map has no stages yet").is_none(), "the hint goes once there are stages");
    h.get_by_label("Ajanvaraus");

    undo(&mut h);
    assert_eq!(h.state().doc.map, before, "one undo step");
    h.get_by_label("This map has no stages yet");
}

#[test]
fn a_stage_dragged_from_the_palette_onto_the_hint_becomes_the_first_stage_typed_in_place() {
    let (mut h, _dir) = blank(Language::English);
    let from = centre(&h, "Stage");
    let to = centre(&h, "This map has no stages yet");
    drag(&mut h, from, to);
    assert_eq!(h.state().doc.map.stages.len(), 1);
    h.get_by_label("Edit title in place").type_text("Booking");
    h.run_steps(1);
    key(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().doc.map.stages[0].name, "Booking");
    assert!(h.query_by_label("This map has no stages yet").is_none());
}

#[test]
fn on_a_720_line_window_the_hint_leaves_the_lane_titles_readable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("blank.ron");
    std::fs::write(&path, polku::io::to_text(&Preset::Blank.new_map(Language::English)).unwrap()).unwrap();
    let mut h = Harness::builder().with_size([1280.0, 720.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(4);
    let hint = h.get_by_label("This map has no stages yet").rect();
    for lane in ["Does", "Thinks", "Our goal", "KPIs"] {
        let title = h.get_by_label(lane).rect();
        assert!(hint.left() > title.right(), "the hint lies over the lane title {lane}: {hint:?} {title:?}");
    }
}
