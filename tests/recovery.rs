//! Autosave writes the edits to a recovery file; a start after a crash offers them back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::PolkuApp;
use polku::edit::Command;
use polku::io::recovery::RecoveryStore;
use std::path::Path;

fn app_with_recovery(dir: &Path, file: Option<std::path::PathBuf>) -> Harness<'static, PolkuApp> {
    let dir = dir.to_owned();
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(0.25)
        .build_eframe(move |cc| PolkuApp::create(cc, file).with_recovery(RecoveryStore::open(dir).unwrap()));
    h.run_steps(2);
    h
}

fn rename_first_stage(h: &mut Harness<'_, PolkuApp>, name: &str) {
    let mut stage = h.state().doc.map.stages[0].clone();
    stage.name = name.into();
    h.state_mut().doc.apply(Command::UpdateStage(stage)).unwrap();
}

#[test]
fn edits_reach_the_recovery_file_after_a_pause_and_never_the_users_file() {
    let dir = tempfile::tempdir().unwrap();
    let map_path = common::root().join("sample_maps/digimarkkinointi.ron");
    let before = std::fs::read(&map_path).unwrap();
    let mut h = app_with_recovery(dir.path(), Some(map_path.clone()));
    rename_first_stage(&mut h, "Autosaved stage");
    h.run_steps(1);
    let own = dir.path().join(format!("recovery-{}.ron", std::process::id()));
    assert!(!own.exists(), "not while the user is still editing");
    h.run_steps(8); // 2 s of quiet
    let text = std::fs::read_to_string(&own).unwrap();
    assert!(text.contains("Autosaved stage"));
    assert_eq!(std::fs::read(&map_path).unwrap(), before);

    // Undo back to the saved state: nothing is left to recover.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert!(!own.exists());
}

#[test]
fn work_left_by_a_killed_instance_is_offered_and_restored_as_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    // What a killed instance leaves: its recovery file and its lock, its process gone.
    let mut lost = polku::presets::Preset::Funnel.new_map(polku::model::Language::English);
    lost.title = "Workshop output".into();
    let text = format!("(format_version: 1, original: None, map: {})", ron::ser::to_string(&lost).unwrap());
    std::fs::write(dir.path().join("recovery-999999997.ron"), text).unwrap();
    std::fs::write(dir.path().join("lock-999999997"), "999999997").unwrap();

    let mut h = app_with_recovery(dir.path(), None);
    h.get_by_label("Unsaved work was found");
    h.get_by_label("Restore").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.map.title, "Workshop output");
    assert!(h.state().doc.is_dirty(), "restored work is unsaved until saved");
    assert!(!dir.path().join("recovery-999999997.ron").exists());
    assert!(h.query_by_label("Unsaved work was found").is_none());
}

#[test]
fn discarding_an_offer_deletes_only_that_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let lost = polku::model::JourneyMap::new("Old experiment");
    std::fs::write(
        dir.path().join("recovery-999999996.ron"),
        format!("(format_version: 1, original: None, map: {})", ron::ser::to_string(&lost).unwrap()),
    )
    .unwrap();
    let mut h = app_with_recovery(dir.path(), None);
    let title = h.state().doc.map.title.clone();
    h.get_by_label("Discard").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.map.title, title);
    assert!(!dir.path().join("recovery-999999996.ron").exists());
}

#[test]
fn a_title_still_being_typed_in_place_reaches_the_recovery_file_and_cancelling_it_clears_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let map_path = common::root().join("sample_maps/digimarkkinointi.ron");
    let mut h = app_with_recovery(dir.path(), Some(map_path));
    h.state_mut().editor.camera = polku::app::Camera::at(0.42, egui::Vec2::new(10.0, 0.0));
    h.run_steps(2);
    // Select a stage and press Enter: its name is edited in place, nothing is in the map yet.
    let stage = h.state().doc.map.stages[0].name.clone();
    let at = h.get_by_label(&stage).rect().center();
    common::ui::click_at(&mut h, at);
    common::ui::key(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    h.get_by_label("Edit title in place").type_text(" – kesken");
    h.run_steps(1);
    assert_eq!(h.state().doc.map.stages[0].name, stage, "the text is not kept until Enter");
    h.run_steps(8); // 2 s of quiet, the process may be killed now
    let own = dir.path().join(format!("recovery-{}.ron", std::process::id()));
    let text = std::fs::read_to_string(&own).expect("the typing reached the recovery file");
    assert!(text.contains(&format!("{stage} – kesken")), "{text}");

    // Escape throws the typing away: with the map as saved, nothing is left to recover.
    common::ui::key(&mut h, egui::Modifiers::NONE, egui::Key::Escape);
    h.run_steps(3);
    assert!(!own.exists());
}
