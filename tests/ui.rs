//! UI tests: the real App, driven by labels.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::PolkuApp;

fn app_on(path: Option<std::path::PathBuf>) -> Harness<'static, PolkuApp> {
    let mut harness = Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| PolkuApp::create(cc, path));
    // Toasts keep a repaint timer running, so step a fixed number of frames.
    harness.run_steps(4);
    harness
}

#[test]
fn the_app_opens_a_sample_and_shows_its_stage_names() {
    let path = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let mut harness = app_on(Some(path.clone()));
    // Zoomed so the whole width of the map, all its stages, is on screen.
    harness.state_mut().editor.camera = polku::app::Camera::at(0.45, egui::vec2(0.0, 0.0));
    harness.run_steps(3);
    for name in ["Tarpeen tunnistaminen", "Tiedonkeruu", "Vaihtoehtojen vertailu", "Ostopäätös"] {
        harness.get_by_label(name);
    }
    assert_eq!(harness.state().doc.path.as_deref(), Some(path.as_path()));
}

#[test]
fn a_bad_file_on_the_command_line_leaves_the_app_running_on_the_sample() {
    let bad = common::root().join("tests/data/bad/truncated.ron");
    let harness = app_on(Some(bad));
    harness.get_by_label_contains("the file ends too early");
    assert!(harness.state().doc.path.is_none());
    assert!(!harness.state().doc.map.cards.is_empty());
}

#[test]
fn without_a_file_the_app_shows_the_bundled_sample_fitted_to_the_window() {
    let harness = app_on(None);
    let camera = &harness.state().editor.camera;
    assert!(!camera.fit_pending);
    assert!(camera.zoom < 1.0, "a whole map fits a 1400×900 window only zoomed out");
    harness.get_by_label("Journey map canvas");
}

#[test]
fn the_help_fits_a_720_line_screen_groups_the_keys_and_shows_copy_cut_and_paste() {
    let mut harness = Harness::builder().with_size([1280.0, 720.0]).build_eframe(move |cc| PolkuApp::create(cc, None));
    harness.run_steps(3);
    harness.key_press(egui::Key::F1);
    harness.run_steps(3);
    // "File" and "View" are menus too.
    for heading in ["Editing", "Moving around", "Workshop", "With the mouse", "Presenting (F5)"] {
        harness.get_by_label(heading);
    }
    assert_eq!(harness.query_all_by_label("File").count(), 2);
    harness.get_by_label("Ctrl+C");
    harness.get_by_label("Ctrl+X");
    harness.get_by_label("Ctrl+V");
    let window = harness.get_by_label("Keyboard shortcuts").rect();
    assert!(window.bottom() <= 720.0 && window.top() >= 0.0, "the help window fits the screen: {window:?}");
}
