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
fn a_bad_file_on_the_command_line_shows_what_is_wrong_and_never_someone_elses_map() {
    let bad = common::root().join("tests/data/bad/truncated.ron");
    let harness = app_on(Some(bad.clone()));
    harness.get_by_label("This file could not be opened");
    harness.get_by_label_contains("the file ends too early");
    harness.get_by_label(&bad.display().to_string());
    harness.get_by_label("There is no backup (.bak).");
    assert!(harness.state().doc.path.is_none());
    assert!(harness.state().doc.map.cards.is_empty(), "no sample stands in for the user's map");
    assert!(harness.query_by_label("Journey map canvas").is_none(), "no map is shown");
}

#[test]
fn the_backup_of_a_broken_file_opens_in_its_place_and_saving_writes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hammaslaakari.ron");
    let good = std::fs::read_to_string(common::root().join("sample_maps/crm-myyntijohtaja.ron")).unwrap();
    std::fs::write(polku::io::backup_path(&path), &good).unwrap();
    std::fs::write(&path, &good[..good.floor_char_boundary(good.len() / 2)]).unwrap();
    let mut harness = app_on(Some(path.clone()));
    harness.get_by_label_contains(", column ");
    harness.get_by_label("Open the backup (hammaslaakari.ron.bak)").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(app.doc.path.as_deref(), Some(path.as_path()), "Save goes to the original file");
    assert!(app.doc.is_dirty(), "the window shows the map is not saved yet");
    assert_eq!(app.doc.map, polku::io::load(&polku::io::backup_path(&path)).unwrap());
    harness.get_by_label("Journey map canvas");
    harness.state_mut().save_to(path.clone());
    assert_eq!(polku::io::load(&path).unwrap(), harness.state().doc.map, "the map is whole again");
    assert!(!harness.state().doc.is_dirty());
}

#[test]
fn a_new_map_from_the_failure_page_starts_editing() {
    let bad = common::root().join("tests/data/bad/binary.ron");
    let mut harness = app_on(Some(bad));
    harness.get_by_label("New map").click();
    harness.run_steps(3);
    harness.get_by_label("Journey map canvas");
    assert!(harness.state().doc.path.is_none());
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

#[test]
fn the_view_menu_hides_and_shows_the_plan_badges_on_screen_and_in_the_export() {
    let path = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let mut harness = app_on(Some(path));
    // The layout the window paints and exports.
    let badged = |h: &mut Harness<'_, PolkuApp>| {
        let (ctx, theme) = (h.ctx.clone(), h.state().theme());
        h.state_mut().doc.layout(&ctx, &theme).cards.iter().filter(|c| c.badge.is_some()).count()
    };
    assert!(badged(&mut harness) >= 3, "the sample's plan items carry badges");
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Plan badges").click();
    harness.run_steps(3);
    assert!(harness.state().prefs.hide_plan_badges);
    assert_eq!(badged(&mut harness), 0, "the map on screen has no badges");
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Plan badges").click();
    harness.run_steps(3);
    assert!(!harness.state().prefs.hide_plan_badges);
    assert!(badged(&mut harness) >= 3);
}
