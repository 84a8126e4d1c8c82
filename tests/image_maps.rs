//! Images that reopen as maps: every exported PNG keeps its map inside and opens again as the
//! same map; a picture without one, or with a damaged one, is refused with one clear line.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use polku::io::{self, LoadError};

fn polku() -> Command {
    Command::cargo_bin("polku").unwrap()
}

fn export(map: &std::path::Path, out: &std::path::Path, extra: &[&str]) {
    let run = polku().arg("export").arg(map).arg("-o").arg(out).args(extra).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stdout));
}

#[test]
fn every_samples_png_export_opens_again_as_the_same_map() {
    let dir = tempfile::tempdir().unwrap();
    for path in common::sample_maps() {
        let png = dir.path().join(common::name(&path).replace(".ron", ".png"));
        export(&path, &png, &["--scale", "1"]);
        assert_eq!(io::load(&png).unwrap(), io::load(&path).unwrap(), "{}", common::name(&path));
        let opened = io::load_for_viewing(&png).unwrap();
        assert!(opened.from_image && opened.read_only.is_none());
        let bytes = std::fs::read(&png).unwrap();
        assert!(!bytes.windows(14).any(|w| w == b"format_version"), "the map is stored compressed");
        let check = polku().arg("check").arg(&png).output().unwrap();
        assert_eq!(check.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&check.stdout).contains(": ok ("));
    }
}

#[test]
fn an_image_without_a_map_or_with_a_damaged_one_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let map = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    let plain = dir.path().join("plain.png");
    export(&map, &plain, &["--scale", "1", "--no-embed"]);
    let err = io::load(&plain).unwrap_err();
    assert!(matches!(err, LoadError::NoMapInImage { .. }), "{err}");
    assert!(err.to_string().contains("carries no Polku map"));

    let good = dir.path().join("good.png");
    export(&map, &good, &["--scale", "1"]);
    let mut bytes = std::fs::read(&good).unwrap();
    let at = bytes.windows(9).position(|w| w == b"polku-map").unwrap();
    // Spoil the compressed text inside the chunk (its CRC no longer matches).
    for b in &mut bytes[at + 20..at + 40] {
        *b ^= 0x5A;
    }
    let damaged = dir.path().join("damaged.png");
    std::fs::write(&damaged, &bytes).unwrap();
    let err = io::load(&damaged).unwrap_err();
    assert!(matches!(err, LoadError::DamagedImage { .. }), "{err}");
    let check = polku().arg("check").arg(&damaged).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let out = String::from_utf8_lossy(&check.stdout);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains("damaged"), "{out}");
}

#[test]
fn a_map_is_never_written_over_an_image() {
    let dir = tempfile::tempdir().unwrap();
    let map_path = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    let png = dir.path().join("map.png");
    export(&map_path, &png, &["--scale", "1"]);
    let before = std::fs::read(&png).unwrap();
    let err = io::save(&io::load(&map_path).unwrap(), &png).unwrap_err();
    assert!(err.to_string().contains("this file is an image"), "{err}");
    let fmt = polku().arg("fmt").arg(&png).output().unwrap();
    assert_eq!(fmt.status.code(), Some(1));
    assert_eq!(std::fs::read(&png).unwrap(), before, "the picture is untouched");
}

#[test]
fn the_editor_opens_the_map_inside_an_image_as_a_new_unsaved_map() {
    let dir = tempfile::tempdir().unwrap();
    let map_path = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let png = dir.path().join("raportin-kuva.png");
    export(&map_path, &png, &["--scale", "1"]);
    let path = png.clone();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| polku::app::PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.doc.map, io::load(&map_path).unwrap());
    assert_eq!(app.doc.path, None, "Save must not write over the picture");
    assert_eq!(app.doc.from_image.as_deref(), Some(png.as_path()));
    assert_eq!(app.doc.display_name(), "raportin-kuva.png");
}
