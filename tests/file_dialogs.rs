//! Polku's own file dialog: what Open, Save As and the exports use where the system's dialog
//! cannot be shown (no desktop portal and no zenity), so nothing fails silently.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::ui::key;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::PolkuApp;
use polku::app::dialogs::file_picker::FileDialogs;
use std::path::Path;

/// The app on a copy of a sample in `dir`, with the built-in file dialog.
fn app_in(dir: &Path) -> Harness<'static, PolkuApp> {
    let path = dir.join("polku.ron");
    std::fs::copy(common::root().join("sample_maps/ecommerce-running-shoes.ron"), &path).unwrap();
    let mut h = Harness::builder().with_size([1400.0, 900.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.state_mut().file_dialogs = FileDialogs::BuiltIn;
    h.run_steps(3);
    h
}

#[test]
fn save_as_in_the_built_in_dialog_writes_the_map_where_the_user_chose() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_in(dir.path());
    key(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run_steps(2);
    h.get_by_label_contains("Save the map as");
    h.get_by_label("Save").click();
    h.run_steps(3);
    let stem = polku::io::file_stem(&h.state().doc.map.title);
    let saved = dir.path().join(format!("{stem}.ron"));
    assert_eq!(
        h.state().doc.path.as_deref(),
        Some(saved.as_path()),
        "{:?}",
        std::fs::read_dir(dir.path()).unwrap().collect::<Vec<_>>()
    );
    assert_eq!(polku::io::load(&saved).unwrap(), h.state().doc.map);
    assert!(h.state().modal.is_none(), "the dialog has closed");
}

#[test]
fn open_in_the_built_in_dialog_lists_maps_and_opens_the_one_clicked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::root().join("sample_maps/crm-myyntijohtaja.ron"), dir.path().join("crm.ron")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a map").unwrap();
    let mut h = app_in(dir.path());
    key(&mut h, Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    h.get_by_label_contains("Open a map");
    assert!(h.query_by_label_contains("notes.txt").is_none(), "only maps are listed");
    h.get_by_label_contains("crm.ron").click();
    h.run_steps(2);
    h.get_by_label("Open").click();
    h.run_steps(3);
    assert_eq!(h.state().doc.path.as_deref(), Some(dir.path().join("crm.ron").as_path()));
    assert_eq!(h.state().doc.map.title, "Myyntijohtajan polku CRM-palveluun");
}

#[test]
fn cancelling_the_built_in_dialog_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_in(dir.path());
    let before = h.state().doc.path.clone();
    key(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run_steps(2);
    h.get_by_label("Cancel").click();
    h.run_steps(3);
    assert!(h.state().modal.is_none());
    assert_eq!(h.state().doc.path, before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no file was written");
}

#[test]
fn save_from_the_unsaved_changes_question_goes_on_once_the_built_in_dialog_has_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_in(dir.path());
    // A map with no file of its own, changed: its Save is a Save As.
    let mut map = h.state().doc.map.clone();
    map.title = "Hammaslääkärin uusi potilas".into();
    h.state_mut().doc = polku::app::Document::new(map, None, None);
    let mut info = polku::edit::MapInfo::of(&h.state().doc.map);
    info.goal = "Ensikäynti ilman jännitystä".into();
    h.state_mut().doc.apply(polku::edit::Command::SetInfo(info)).unwrap();
    key(&mut h, Modifiers::COMMAND, Key::O);
    h.run_steps(2);
    h.get_by_label("Save").click();
    // The question fades out and the dialog window sizes itself over a few frames.
    h.run_steps(7);
    h.get_by_label_contains("Save the map as");
    h.get_by_label("Save").click();
    h.run_steps(3);
    let saved = dir.path().join("hammaslääkärin-uusi-potilas.ron");
    assert!(saved.is_file(), "{:?}", std::fs::read_dir(dir.path()).unwrap().collect::<Vec<_>>());
    h.get_by_label_contains("Open a map");
}

#[test]
fn exporting_as_svg_from_the_editor_writes_a_vector_file_that_opens_again_as_the_map() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_in(dir.path());
    key(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("SVG (vector, selectable text)").click();
    h.run_steps(2);
    h.get_by_label("As outlines (for PowerPoint and Word; not selectable)").click();
    h.run_steps(2);
    let out = export_and_wait(&mut h, &dir.path().join("polku.polku.svg"));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<?xml") && svg.contains("<use xlink:href") && !svg.contains("<text"), "outlines");
    assert_eq!(polku::io::load(&out).unwrap(), h.state().doc.map);
}

#[test]
fn a_png_sized_for_an_a4_page_in_the_export_dialog_lands_at_the_pages_width() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_in(dir.path());
    key(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("PNG (picture)").click();
    h.run_steps(1);
    h.get_by_label("300 DPI").click();
    h.run_steps(1);
    h.get_by_label("A4 page").click();
    h.run_steps(2);
    h.get_by_label_contains("cm)");
    let out = export_and_wait(&mut h, &dir.path().join("polku.polku.png"));
    let reader = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap())).read_info().unwrap();
    let info = reader.info();
    let dpi = info.pixel_dims.unwrap().xppu as f32 * 0.0254;
    assert!((dpi - 300.0).abs() < 0.01, "the 300 DPI button gives 300 DPI: {dpi}");
    let (w_mm, h_mm) = (info.width as f32 / dpi * 25.4, info.height as f32 / dpi * 25.4);
    // The running-shoes map is about as tall as wide: one side fills the page inside its margins.
    assert!(w_mm <= 267.5 && h_mm <= 267.5 && (w_mm >= 179.0 || h_mm >= 179.0), "{w_mm} × {h_mm} mm");
}

/// Presses the export dialog's button, saves where the built-in dialog proposes and waits for
/// the background export to write `out`.
fn export_and_wait(h: &mut Harness<'_, PolkuApp>, out: &Path) -> std::path::PathBuf {
    h.get_by_label("Export…").click();
    h.run_steps(3);
    h.get_by_label("Save").click();
    for _ in 0..300 {
        h.run_steps(1);
        if out.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    out.to_owned()
}

#[test]
fn with_stages_selected_the_export_dialog_can_export_only_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_in(dir.path());
    let ids: Vec<_> = h.state().doc.map.stages[1..3].iter().map(|s| polku::app::Sel::Stage(s.id.clone())).collect();
    h.state_mut().editor.selection.items = ids;
    h.run_steps(1);
    key(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("PNG (picture)").click();
    h.run_steps(1);
    h.get_by_label("96 DPI").click();
    h.run_steps(1);
    h.get_by_label("Natural").click();
    h.run_steps(1);
    h.get_by_label("Only the selected stages (2–3) beside the lane titles").click();
    h.run_steps(2);
    let out = export_and_wait(&mut h, &dir.path().join("polku.polku.png"));
    let reader = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap())).read_info().unwrap();
    let (w, height) = (reader.info().width as f32, reader.info().height as f32);
    let whole = polku::render::export::layout_headless(&h.state().doc.map, &polku::theme::Theme::light()).size;
    assert!(w < whole.x * 0.7 && height < whole.y, "two of five stages, no header: {w}×{height} of {whole:?}");
}

#[test]
fn the_export_dialog_writes_a_report_pdf_with_a_page_per_stage_and_remembers_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_in(dir.path());
    key(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("PDF (pages for a report)").click();
    h.run_steps(2);
    h.get_by_label("A4").click();
    h.run_steps(1);
    h.get_by_label("An overview, then a page per stage (with bookmarks)").click();
    h.run_steps(2);
    let stages = h.state().doc.map.stages.len();
    // The preview tells the page count and size before anything is written.
    h.get_by_label_contains(&format!("{} pages, A4 (", stages + 1));
    h.get_by_label("Author").click();
    h.run_steps(1);
    h.get_by_label("Author").type_text("Liisa Laine");
    h.run_steps(2);
    let out = export_and_wait(&mut h, &dir.path().join("polku.polku.pdf"));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(
        bytes.windows(10).filter(|w| w == b"/Type/Page").count()
            - bytes.windows(11).filter(|w| w == b"/Type/Pages").count(),
        stages + 1
    );
    assert!(bytes.windows(11).any(|w| w == b"Liisa Laine"), "the author is in the properties");
    assert_eq!(polku::io::load(&out).unwrap(), h.state().doc.map);
    let export = h.state().prefs.export;
    assert_eq!(
        (export.format, export.paper, export.per_stage),
        (polku::render::export::ImageFormat::Pdf, polku::render::pdf::Paper::A4, true)
    );
    assert_eq!(h.state().prefs.author, "Liisa Laine");
}

#[test]
fn the_export_dialog_writes_one_svg_per_stage_named_after_the_stages() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_in(dir.path());
    key(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("SVG (vector, selectable text)").click();
    h.run_steps(2);
    h.get_by_label("One file per stage (NAME-1-stage.png, …)").click();
    h.run_steps(2);
    let map = h.state().doc.map.clone();
    h.get_by_label_contains(&format!("{} files, the largest:", map.stages.len()));
    let last = map.stages.len() - 1;
    let expected: Vec<_> = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| polku::io::per_stage_path(&dir.path().join("polku.polku.svg"), i, &s.name))
        .collect();
    export_and_wait(&mut h, &expected[last]);
    for (i, path) in expected.iter().enumerate() {
        let svg = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(svg.contains(&polku::render::svg::escape(map.stages[i].name.split(' ').next().unwrap())));
        assert_eq!(polku::io::load(path).unwrap(), map, "each file carries the whole map");
    }
    assert!(!dir.path().join("polku.polku.svg").exists(), "no file for the whole map");
}
