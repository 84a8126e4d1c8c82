//! Closing with unsaved changes asks first; Cancel keeps everything, Don't save lets go.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::PolkuApp;
use polku::edit::Command;

fn app() -> Harness<'static, PolkuApp> {
    app_on(common::root().join("sample_maps/digimarkkinointi.ron"))
}

fn app_on(path: std::path::PathBuf) -> Harness<'static, PolkuApp> {
    let mut h = Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    h
}

/// A copy of the Finnish sample in a temporary folder, open and with one unsaved edit.
fn edited_copy() -> (tempfile::TempDir, std::path::PathBuf, Harness<'static, PolkuApp>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kartta.ron");
    std::fs::copy(common::root().join("sample_maps/digimarkkinointi.ron"), &path).unwrap();
    let mut h = app_on(path.clone());
    edit(&mut h);
    (dir, path, h)
}

fn quit(h: &mut Harness<'_, PolkuApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Q);
    h.run_steps(2);
}

fn edit(h: &mut Harness<'_, PolkuApp>) {
    let mut stage = h.state().doc.map.stages[0].clone();
    stage.name = "Inspiraatio".into();
    h.state_mut().doc.apply(Command::UpdateStage(stage)).unwrap();
    h.run_steps(1);
}

#[test]
fn quitting_a_map_without_changes_closes_at_once() {
    let mut h = app();
    quit(&mut h);
    assert!(h.state().is_closing());
}

#[test]
fn quitting_with_unsaved_changes_asks_and_cancel_keeps_the_work() {
    let mut h = app();
    edit(&mut h);
    quit(&mut h);
    assert!(!h.state().is_closing());
    h.get_by_label("Save the changes to “digimarkkinointi.ron”?");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(!h.state().is_closing());
    assert!(h.state().doc.is_dirty());
    assert_eq!(h.state().doc.map.stages[0].name, "Inspiraatio");
}

#[test]
fn dont_save_lets_the_window_close_and_leaves_the_file_alone() {
    let mut h = app();
    let before = std::fs::read(common::root().join("sample_maps/digimarkkinointi.ron")).unwrap();
    edit(&mut h);
    quit(&mut h);
    h.get_by_label("Don't save").click();
    h.run_steps(2);
    assert!(h.state().is_closing());
    assert_eq!(std::fs::read(common::root().join("sample_maps/digimarkkinointi.ron")).unwrap(), before);
}

#[test]
fn save_in_the_dialog_saves_then_closes() {
    let (_dir, path, mut h) = edited_copy();
    quit(&mut h);
    h.get_by_label("Save").click();
    h.run_steps(2);
    assert!(h.state().is_closing());
    assert_eq!(polku::io::load(&path).unwrap().stages[0].name, "Inspiraatio");
    assert!(polku::io::backup_path(&path).exists());
}

/// `edited_copy`, then another program saves the file meanwhile.
fn edited_copy_changed_on_disk() -> (tempfile::TempDir, std::path::PathBuf, Harness<'static, PolkuApp>) {
    let (dir, path, h) = edited_copy();
    let mut other = polku::io::load(&path).unwrap();
    other.title = "Changed elsewhere".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, polku::io::to_text(&other).unwrap()).unwrap();
    (dir, path, h)
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_and_overwrite_saves_ours() {
    let (_dir, path, mut h) = edited_copy_changed_on_disk();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    h.get_by_label("“kartta.ron” has changed on disk since you opened it.");
    assert_eq!(polku::io::load(&path).unwrap().title, "Changed elsewhere", "nothing written before the answer");
    h.get_by_label("Overwrite").click();
    h.run_steps(2);
    let saved = polku::io::load(&path).unwrap();
    assert_eq!(saved.stages[0].name, "Inspiraatio");
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn reload_takes_the_version_on_disk() {
    let (_dir, _path, mut h) = edited_copy_changed_on_disk();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run_steps(2);
    h.get_by_label("Reload from disk").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.map.title, "Changed elsewhere");
    assert!(!h.state().doc.is_dirty());
}
