//! Kept versions, driven like a user: File → Save version… keeps a named copy inside the map's
//! file; the versions list opens one read-only, compares it with the map, restores it (one undo
//! step, the map as it was kept first) and deletes it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::{Mode, PolkuApp};
use polku::model::{CardId, Date, JourneyMap, Stamp};
use std::path::{Path, PathBuf};

/// The real app on a copy of the English sample in a temporary folder.
fn app_on_copy(dir: &Path) -> (Harness<'static, PolkuApp>, PathBuf) {
    let path = dir.join("kenkakauppa.ron");
    std::fs::copy(common::root().join("sample_maps/ecommerce-running-shoes.ron"), &path).unwrap();
    let open = path.clone();
    let mut h = Harness::builder().with_size([1600.0, 1000.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(open)));
    h.run_steps(3);
    (h, path)
}

fn click(h: &mut Harness<'static, PolkuApp>, label: &str) {
    h.get_by_label(label).click();
    h.run_steps(3);
}

fn save_version_from_the_menu(h: &mut Harness<'static, PolkuApp>, name: &str) {
    click(h, "File");
    click(h, "Save version…");
    // The suggested name is selected: typing replaces it.
    h.get_by_role_and_label(Role::TextInput, "Version name").type_text(name);
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, "Save version").click();
    h.run_steps(3);
}

fn open_versions_list(h: &mut Harness<'static, PolkuApp>) {
    click(h, "File");
    let count = h.state().doc.map.versions.len();
    click(h, &format!("Versions ({count})…"));
}

fn rename_first_card(h: &mut Harness<'static, PolkuApp>, title: &str) -> CardId {
    let mut card = h.state().doc.map.cards[0].clone();
    card.title = title.into();
    let id = card.id.clone();
    h.state_mut().doc.apply(polku::edit::Command::UpdateCard(card)).unwrap();
    h.run_steps(2);
    id
}

#[test]
fn save_version_keeps_a_named_dated_copy_in_the_file_which_opens_again_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = app_on_copy(dir.path());
    let before = h.state().doc.map.clone();
    save_version_from_the_menu(&mut h, "Before the spring review");
    let map = &h.state().doc.map;
    assert_eq!(map.versions.len(), 1);
    assert_eq!(map.versions[0].name, "Before the spring review");
    assert_eq!(map.versions[0].saved.date, Date::today());
    assert!(!h.state().doc.is_dirty(), "saving a version saves the file");

    // The file carries the version: copied to another folder (another machine, a shared
    // drive), it opens with the version in it.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("kopio.ron");
    std::fs::copy(&path, &copy).unwrap();
    let reopened = polku::io::load(&copy).unwrap();
    assert_eq!(reopened.versions, h.state().doc.map.versions);
    let kept = polku::io::open_version(&reopened.versions[0], &copy).unwrap();
    assert_eq!(kept, JourneyMap { versions: Vec::new(), ..before });

    // Undo takes the version back out of the map.
    common::ui::undo(&mut h);
    assert!(h.state().doc.map.versions.is_empty());
}

#[test]
fn the_versions_list_names_each_version_and_opens_one_read_only_until_esc() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = app_on_copy(dir.path());
    save_version_from_the_menu(&mut h, "Workshop 1");
    let id = rename_first_card(&mut h, "Renamed after the workshop");
    open_versions_list(&mut h);
    h.get_by_label("Workshop 1");
    let saved = h.state().doc.map.versions[0].saved.to_string();
    h.get_by_label(&saved);
    click(&mut h, "Open");
    let Mode::Viewing(view) = &h.state().mode else { panic!("not viewing a version") };
    assert_ne!(view.map.card(&id).unwrap().title, "Renamed after the workshop", "the version as it was");
    h.get_by_label_contains("Workshop 1");
    h.get_by_label_contains("read-only");
    let map = h.state().doc.map.clone();
    // Nothing here edits: the editing keys do nothing.
    for key in [Key::Delete, Key::Num1, Key::Enter] {
        h.key_press(key);
        h.run_steps(2);
    }
    assert_eq!(h.state().doc.map, map);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(matches!(h.state().mode, Mode::Editing));
}

#[test]
fn comparing_with_a_kept_version_shows_what_changed_since() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = app_on_copy(dir.path());
    save_version_from_the_menu(&mut h, "Baseline");
    rename_first_card(&mut h, "Renamed after the workshop");
    open_versions_list(&mut h);
    click(&mut h, "Compare");
    let Mode::Comparing(c) = &h.state().mode else { panic!("not comparing") };
    assert_eq!(c.changes.len(), 1);
    assert!(c.against.contains("Baseline"), "{}", c.against);
    h.get_by_label_contains("— 1 change");
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(matches!(h.state().mode, Mode::Editing));
}

#[test]
fn restoring_a_version_keeps_the_map_as_it_was_first_and_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, path) = app_on_copy(dir.path());
    save_version_from_the_menu(&mut h, "Baseline");
    let baseline = h.state().doc.map.clone();
    let id = rename_first_card(&mut h, "Renamed after the workshop");
    let edited = h.state().doc.map.clone();
    open_versions_list(&mut h);
    click(&mut h, "Restore");
    let map = &h.state().doc.map;
    assert_eq!(map.card(&id).unwrap().title, baseline.card(&id).unwrap().title);
    let names: Vec<&str> = map.versions.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["Baseline", "Before restoring “Baseline”"]);
    let kept = polku::io::open_version(&map.versions[1], &path).unwrap();
    assert_eq!(kept, JourneyMap { versions: Vec::new(), ..edited.clone() }, "the edited map is kept");
    assert!(h.state().doc.is_dirty());

    common::ui::undo(&mut h);
    assert_eq!(h.state().doc.map, edited, "one undo step takes the restore back whole");
    common::ui::redo(&mut h);
    assert_eq!(h.state().doc.map.card(&id).unwrap().title, baseline.card(&id).unwrap().title);
}

#[test]
fn restoring_a_version_of_the_map_as_it_is_adds_no_duplicate_version() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = app_on_copy(dir.path());
    save_version_from_the_menu(&mut h, "Baseline");
    open_versions_list(&mut h);
    click(&mut h, "Restore");
    assert_eq!(h.state().doc.map.versions.len(), 1, "the map as it is was kept already");
}

#[test]
fn deleting_a_version_from_the_list_is_undoable() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = app_on_copy(dir.path());
    save_version_from_the_menu(&mut h, "One");
    save_version_from_the_menu(&mut h, "Two");
    open_versions_list(&mut h);
    // Newest first: the first Delete is version "Two".
    h.get_all_by_label("Delete").next().unwrap().click();
    h.run_steps(3);
    let names: Vec<String> = h.state().doc.map.versions.iter().map(|v| v.name.clone()).collect();
    assert_eq!(names, ["One"]);
    h.state_mut().modal = None;
    h.run_steps(1);
    common::ui::undo(&mut h);
    assert_eq!(h.state().doc.map.versions.len(), 2);
}

#[test]
fn a_map_with_many_versions_saves_each_versions_text_as_it_was_read() {
    // Twenty versions of a sample: the file round-trips byte for byte, and each version's text
    // in memory is the very text of the file (written back, not serialised again).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("monta.ron");
    let mut map = polku::io::load(&common::root().join("sample_maps/digimarkkinointi.ron")).unwrap();
    let stamp = Stamp { date: Date::new(2026, 12, 2).unwrap(), hour: 10, minute: 0 };
    for i in 0..20 {
        map.title = format!("Versio {i}");
        let kept = polku::io::keep_version(&map, &format!("Versio {i}"), stamp).unwrap();
        map.versions.push(kept);
    }
    polku::io::save(&map, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let again = polku::io::load(&path).unwrap();
    assert_eq!(again, map);
    assert!(again.versions.iter().all(|v| text.contains(v.map.text())));
    assert_eq!(polku::io::to_text(&again).unwrap(), text);
    assert_eq!(polku::io::open_version(&again.versions[7], &path).unwrap().title, "Versio 7");
}

#[test]
fn an_exported_picture_carries_the_map_without_its_versions() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::root().join("tests/data/versions/v6.ron");
    let png = dir.path().join("kartta.png");
    assert_cmd::Command::cargo_bin("polku").unwrap().arg("export").arg(&path).arg("-o").arg(&png).assert().success();
    let from_png = polku::io::load(&png).unwrap();
    assert!(from_png.versions.is_empty());
    let map = polku::io::load(&path).unwrap();
    assert_eq!(from_png, JourneyMap { versions: Vec::new(), ..map });
}
