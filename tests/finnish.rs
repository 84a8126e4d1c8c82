//! With the window in Finnish, no English shows: a walk through the menus, the inspector of
//! every kind of item, the dialogs, the built-in file dialog and the page for a broken file,
//! reading every text on screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ui::key;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use polku::app::dialogs::file_picker::FileDialogs;
use polku::app::{PolkuApp, Sel, UiLanguage};
use polku::model::{ArrowId, CardId, LaneId, StageId};
use std::collections::BTreeSet;

/// Words that only an untranslated English text would show. Whole words, as written in the
/// window; the map's own text is Finnish, so none of them can come from it. Key names
/// (Delete, End, Enter) are left out: keyboards and shortcuts name them so in Finnish too.
const ENGLISH: &[&str] = &[
    "Add",
    "stage",
    "lane",
    "card",
    "arrow",
    "Edit",
    "Save",
    "Open",
    "Export",
    "Cancel",
    "Undo",
    "Redo",
    "Close",
    "Stage",
    "Lane",
    "Card",
    "Arrow",
    "Title",
    "Goal",
    "Priority",
    "Status",
    "Owner",
    "Value",
    "Effort",
    "Due",
    "Vote",
    "Timer",
    "Present",
    "Zoom",
    "Help",
    "Theme",
    "Language",
    "File",
    "View",
    "New",
    "Copy",
    "Cut",
    "Paste",
    "Select",
    "Fit",
    "the",
    "and",
    "of",
    "to",
    "with",
    "from",
    "for",
    "not",
    "Map",
    "Persona",
    "Name",
    "Role",
    "Quote",
    "Background",
    "Goals",
    "Motivations",
    "Challenges",
    "Preferences",
    "Description",
    "Segment",
    "Width",
    "Colour",
    "Channel",
    "Emotion",
    "Marker",
    "Tags",
    "Improvement",
    "Plan",
    "Remove",
    "Show",
    "Hide",
    "Start",
    "Next",
    "Previous",
    "Folder",
    "Image",
    "Scale",
    "Margin",
    "Transparent",
    "White",
    "Resolution",
    "Light",
    "Dark",
    "Projector",
    "Quit",
    "Recent",
    "Clear",
    "Duplicate",
    "Keyboard",
    "Editing",
    "Workshop",
    "Presenting",
    "Question",
    "Dots",
    "Refresh",
    "Rename",
    "Hidden",
    "Line",
    "column",
    "backup",
    "again",
    "file",
    "could",
    "cards",
    "Last",
    "reviewed",
    "Not",
    "date",
    "yet",
    "Try",
    "Badges",
    "badges",
    "stages",
    "template",
    "expected",
    "found",
    "field",
    "named",
    "unexpected",
    "Unexpected",
    "must",
    "exist",
    "does",
    "is",
    "Service",
    "visit",
    "Booking",
];

fn app() -> Harness<'static, PolkuApp> {
    let path = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let mut h = Harness::builder().with_size([1600.0, 1200.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.state_mut().prefs.language = UiLanguage::Finnish;
    h.state_mut().file_dialogs = FileDialogs::BuiltIn;
    h.run_steps(4);
    h
}

/// Texts that egui itself gives its widgets for screen readers, not shown on screen.
const EGUI_OWN: &[&str] = &["Close window"];

/// Every text on screen now.
fn texts(h: &Harness<'_, PolkuApp>) -> Vec<String> {
    let mut out = Vec::new();
    for node in h.root().query_all(egui_kittest::kittest::by()) {
        let n = node.accesskit_node();
        out.extend(n.label());
        out.extend(n.value());
    }
    out
}

/// The English words in the texts on screen, each with the text it is in.
fn english_on_screen(h: &Harness<'_, PolkuApp>, seen: &mut BTreeSet<String>) {
    for text in texts(h) {
        if EGUI_OWN.contains(&text.as_str()) {
            continue;
        }
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if ENGLISH.contains(&word) {
                seen.insert(format!("{word:?} in {text:?}"));
            }
        }
    }
}

fn select(h: &mut Harness<'_, PolkuApp>, sel: Sel, seen: &mut BTreeSet<String>) {
    h.state_mut().editor.selection.set(sel);
    h.run_steps(3);
    english_on_screen(h, seen);
}

#[test]
fn the_finnish_window_shows_no_english_anywhere_on_the_way_through_it() {
    let mut h = app();
    let mut seen = BTreeSet::new();
    english_on_screen(&h, &mut seen);

    for menu in ["Tiedosto", "Muokkaa", "Näytä", "Ohje"] {
        h.get_by_label(menu).click();
        h.run_steps(3);
        english_on_screen(&h, &mut seen);
        key(&mut h, Modifiers::NONE, Key::Escape);
    }
    select(&mut h, Sel::Card(CardId::new("c5")), &mut seen);
    select(&mut h, Sel::Card(CardId::new("c1")), &mut seen);
    select(&mut h, Sel::Stage(StageId::new("tarve")), &mut seen);
    select(&mut h, Sel::Lane(LaneId::new("ajattelee")), &mut seen);
    let arrow = h.state().doc.map.arrows[0].id.clone();
    select(&mut h, Sel::Arrow(ArrowId::new(arrow.as_str())), &mut seen);
    h.state_mut().editor.selection.clear();
    h.run_steps(2);

    // An edit, so the Edit menu names its undo step.
    key(&mut h, Modifiers::NONE, Key::N);
    key(&mut h, Modifiers::NONE, Key::Enter);
    h.get_by_label("Muokkaa").click();
    h.run_steps(3);
    english_on_screen(&h, &mut seen);
    h.get_by_label_contains("Kumoa kortin lisäys");
    key(&mut h, Modifiers::NONE, Key::Escape);

    for (keys, name) in [
        ((Modifiers::COMMAND, Key::E), "export"),
        ((Modifiers::NONE, Key::F1), "help"),
        ((Modifiers::COMMAND | Modifiers::SHIFT, Key::S), "save as"),
    ] {
        key(&mut h, keys.0, keys.1);
        h.run_steps(8);
        let before = seen.len();
        english_on_screen(&h, &mut seen);
        assert!(h.state().modal.is_some(), "the {name} dialog opened");
        let _ = before;
        h.state_mut().modal = None;
        h.run_steps(3);
    }
    // The action plan, the slides' options, presenting.
    key(&mut h, Modifiers::COMMAND, Key::J);
    h.run_steps(4);
    english_on_screen(&h, &mut seen);
    h.state_mut().modal = Some(polku::app::Modal::Slides(Default::default()));
    h.run_steps(4);
    english_on_screen(&h, &mut seen);
    h.state_mut().modal = None;
    key(&mut h, Modifiers::COMMAND, Key::J);
    key(&mut h, Modifiers::NONE, Key::F5);
    h.run_steps(10);
    english_on_screen(&h, &mut seen);
    h.hover_at(egui::pos2(800.0, 1150.0));
    h.run_steps(10);
    english_on_screen(&h, &mut seen);
    key(&mut h, Modifiers::NONE, Key::V);
    h.run_steps(6);
    english_on_screen(&h, &mut seen);
    assert!(seen.is_empty(), "English in the Finnish window:\n{}", seen.into_iter().collect::<Vec<_>>().join("\n"));
}

#[test]
fn the_page_for_a_broken_file_is_finnish_too() {
    let bad = common::root().join("tests/data/bad/truncated.ron");
    let mut h = Harness::builder().with_size([1280.0, 720.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(bad)));
    h.state_mut().prefs.language = UiLanguage::Finnish;
    h.run_steps(4);
    let mut seen = BTreeSet::new();
    english_on_screen(&h, &mut seen);
    h.get_by_label("Tiedostoa ei voitu avata");
    h.get_by_label_contains("tiedosto loppuu kesken");
    assert!(seen.is_empty(), "English on the page:\n{}", seen.into_iter().collect::<Vec<_>>().join("\n"));
}

#[test]
fn a_blank_map_says_what_to_do_in_finnish_and_the_palette_has_the_service_channels() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tyhja.ron");
    let blank = polku::presets::Preset::Blank.new_map(polku::model::Language::Finnish);
    std::fs::write(&path, polku::io::to_text(&blank).unwrap()).unwrap();
    let mut h = Harness::builder().with_size([1280.0, 720.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.state_mut().prefs.language = UiLanguage::Finnish;
    h.run_steps(4);
    let mut seen = BTreeSet::new();
    english_on_screen(&h, &mut seen);
    h.get_by_label("Kartassa ei ole vielä vaiheita");
    h.get_by_label_contains("Palvelukäynti").click();
    h.run_steps(3);
    english_on_screen(&h, &mut seen);
    assert_eq!(h.state().doc.map.stages.len(), 5);
    for channel in ["Vastaanotto", "Tekstiviesti", "Sovellus", "Kirje"] {
        h.get_by_label(channel);
    }
    assert!(seen.is_empty(), "English on the blank map:\n{}", seen.into_iter().collect::<Vec<_>>().join("\n"));
}

/// Text with what is quoted ("…", `…`) left out: the map's own words and its field names.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut quote = None;
    for c in text.chars() {
        match (quote, c) {
            (None, '"' | '`') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn every_bad_file_is_explained_in_finnish_on_the_page_that_says_it_could_not_be_opened() {
    let mut seen = BTreeSet::new();
    for path in common::ron_files("tests/data/bad") {
        let name = common::name(&path);
        // The window is Finnish before the file opens, as after a start with Finnish prefs.
        let mut h = Harness::builder().with_size([1280.0, 720.0]).build_eframe(move |cc| {
            polku::fonts::install(&cc.egui_ctx);
            PolkuApp::starting_with(
                Some(path),
                polku::app::Prefs { language: UiLanguage::Finnish, ..Default::default() },
            )
        });
        h.run_steps(4);
        let title = h.state().doc.map.title.clone();
        let expected = match name.as_str() {
            "unknown-field.ron" => Some("tuntematon kenttä `titel`"),
            "dangling-ids.ron" => Some("päättyy korttiin \"c404\", jota ei ole"),
            "impossible-date.ron" => Some("ei ole päivämäärä muodossa VVVV-KK-PP"),
            "truncated.ron" => Some("tiedosto loppuu kesken"),
            "newer-version.ron" => Some("tehty uudemmalla Polulla"),
            _ => None,
        };
        if let Some(words) = expected {
            assert!(texts(&h).iter().any(|t| t.contains(words)), "{name}: no {words:?} in {:#?}", texts(&h));
        }
        // The templates offered on a newer file's empty map name their stages in the map's
        // own language, English here.
        for text in texts(&h).into_iter().filter(|t| !t.contains('→') && *t != title) {
            let text: String = text.split_whitespace().filter(|w| !w.contains('/')).collect::<Vec<_>>().join(" ");
            for word in unquoted(&text).split(|c: char| !c.is_alphanumeric()) {
                if ENGLISH.contains(&word) {
                    seen.insert(format!("{name}: {word:?} in {text:?}"));
                }
            }
        }
    }
    assert!(seen.is_empty(), "English on the page:\n{}", seen.into_iter().collect::<Vec<_>>().join("\n"));
}
