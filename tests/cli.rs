//! The command line's behaviour and exit codes: 0 ok, 1 invalid input, 2 usage.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use polku::io;

fn polku() -> Command {
    Command::cargo_bin("polku").unwrap()
}

fn fixture() -> std::path::PathBuf {
    common::root().join("tests/data/versions/v1.ron")
}

#[test]
fn help_describes_the_commands_and_exits_0() {
    let out = polku().arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for word in ["check", "fmt", "[FILE]"] {
        assert!(text.contains(word), "{word} missing from:\n{text}");
    }
}

#[test]
fn usage_mistakes_exit_2() {
    for args in [&["check"][..], &["fmt"], &["--no-such-flag"], &["frobnicate", "x", "y"]] {
        let out = polku().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn check_prints_ok_with_counts_for_a_valid_map_and_exits_0() {
    let out = polku().arg("check").arg(fixture()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with("v1.ron: ok (1 persona, 2 stages, 3 lanes, 3 cards, 1 arrow)\n"), "{text}");
}

#[test]
fn check_of_several_files_reports_each_and_fails_if_any_fails() {
    let bad = common::root().join("tests/data/bad/dangling-ids.ron");
    let out = polku().arg("check").arg(fixture()).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 3, "{text}");
}

#[test]
fn fmt_rewrites_a_hand_written_file_canonically_and_keeps_the_original_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kartta.ron");
    std::fs::copy(fixture(), &path).unwrap();
    let original = std::fs::read(&path).unwrap();

    let out = polku().arg("fmt").arg("--check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "hand-written file is not canonical");
    assert_eq!(std::fs::read(&path).unwrap(), original, "--check changes nothing");

    let out = polku().arg("fmt").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(std::fs::read(io::backup_path(&path)).unwrap(), original);
    let formatted = std::fs::read_to_string(&path).unwrap();
    let head = format!("(\n    format_version: {},\n    map: (\n", io::CURRENT_VERSION);
    assert!(formatted.starts_with(&head), "{formatted}");
    assert_eq!(io::load(&path).unwrap(), io::load(&fixture()).unwrap(), "same map after fmt");

    let out = polku().arg("fmt").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("already canonical"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), formatted, "fmt is idempotent");

    let out = polku().arg("fmt").arg("--check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_file_named_on_the_command_line_that_does_not_exist_gives_exit_1_in_check() {
    let out = polku().arg("check").arg("/no/such/map.ron").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("/no/such/map.ron: cannot read the file"));
}

#[test]
fn slides_are_one_png_per_presentation_step_at_the_requested_size() {
    let map_path = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    let dir = tempfile::tempdir().unwrap();
    let slides = dir.path().join("slides");
    // An earlier, longer export left a slide that must not play after the new ones; the
    // user's own files in the folder stay.
    std::fs::create_dir_all(&slides).unwrap();
    std::fs::write(slides.join("99-stage-9-old.png"), b"stale").unwrap();
    std::fs::write(slides.join("venue-notes.png"), b"mine").unwrap();
    let out = polku()
        .args(["export", map_path.to_str().unwrap(), "--slides", slides.to_str().unwrap(), "--size", "1280x720"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));

    let map = io::load(&map_path).unwrap();
    let theme = polku::theme::Theme::projector();
    let layout = polku::render::export::layout_headless(&map, &theme);
    let steps = polku::present::steps(
        &layout,
        egui::vec2(1280.0, 720.0),
        polku::present::StepOptions { reveal_lanes: map.presentation.reveal_lanes },
    );
    assert!(!slides.join("99-stage-9-old.png").exists(), "the stale slide is gone");
    assert!(slides.join("venue-notes.png").exists(), "the user's file stays");
    std::fs::remove_file(slides.join("venue-notes.png")).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&slides).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert_eq!(files.len(), steps.len());
    assert!(common::name(&files[0]).starts_with("01-title"));
    assert!(common::name(files.last().unwrap()).ends_with("-whole-map.png"));
    for file in &files {
        let img = image::ImageReader::open(file).unwrap().into_dimensions().unwrap();
        assert_eq!(img, (1280, 720), "{}", file.display());
    }
}

#[test]
fn a_bad_slide_size_is_a_usage_mistake() {
    let map_path = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    for size in ["1920", "10x10", "wide"] {
        let out = polku()
            .args(["export", map_path.to_str().unwrap(), "--slides", "/tmp/x", "--size", size])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{size}");
    }
}

#[test]
fn no_badges_exports_the_map_without_plan_badges_and_their_room() {
    let map_path = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    let dir = tempfile::tempdir().unwrap();
    let size_of = |extra: &[&str]| {
        let out_png = dir.path().join(format!("map{}.png", extra.len()));
        let mut args = vec!["export", map_path.to_str().unwrap(), "-o", out_png.to_str().unwrap(), "--scale", "1"];
        args.extend_from_slice(extra);
        let out = polku().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
        image::ImageReader::open(&out_png).unwrap().into_dimensions().unwrap()
    };
    let with = size_of(&[]);
    let without = size_of(&["--no-badges"]);
    assert!(without.1 < with.1, "cards without badges are shorter: {without:?} vs {with:?}");
}

/// Width, height and declared DPI of the PNG at `path`.
fn png_size_and_dpi(path: &std::path::Path) -> (u32, u32, f32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let reader = decoder.read_info().unwrap();
    let info = reader.info();
    let dims = info.pixel_dims.unwrap();
    (info.width, info.height, dims.xppu as f32 * 0.0254)
}

#[test]
fn a_png_sized_for_an_a4_page_fits_inside_its_margins_at_300_dpi_and_one_for_a_slide_fits_1920_by_1080() {
    let dir = tempfile::tempdir().unwrap();
    let map = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let a4 = dir.path().join("a4.png");
    let run = polku().args(["export"]).arg(&map).arg("-o").arg(&a4).args(["--page", "a4"]).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let (w, h, dpi) = png_size_and_dpi(&a4);
    assert!((dpi - 300.0).abs() < 1.0, "{dpi}");
    // The map is taller than wide: a portrait page, 180 × 267 mm inside the margins.
    let (w_mm, h_mm) = (w as f32 / dpi * 25.4, h as f32 / dpi * 25.4);
    assert!(w_mm <= 180.5 && h_mm <= 267.5, "{w_mm} × {h_mm} mm");
    assert!(w_mm >= 179.0 || h_mm >= 266.0, "it fills the page one way: {w_mm} × {h_mm} mm");

    let slide = dir.path().join("slide.png");
    polku().args(["export"]).arg(&map).arg("-o").arg(&slide).args(["--page", "slide"]).assert().success();
    let (w, h, _) = png_size_and_dpi(&slide);
    assert!(w <= 1920 && h <= 1080 && (w >= 1919 || h >= 1079), "{w}×{h}");

    let wide = dir.path().join("wide.png");
    polku().args(["export"]).arg(&map).arg("-o").arg(&wide).args(["--width", "1200"]).assert().success();
    assert_eq!(png_size_and_dpi(&wide).0, 1200);
    let clash = polku()
        .args(["export"])
        .arg(&map)
        .arg("-o")
        .arg(&wide)
        .args(["--width", "1200", "--scale", "2"])
        .output()
        .unwrap();
    assert_eq!(clash.status.code(), Some(2));
}

#[test]
fn stages_are_exported_alone_or_one_file_each_and_a_missing_stage_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let map = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let whole = dir.path().join("whole.png");
    polku().args(["export"]).arg(&map).arg("-o").arg(&whole).args(["--scale", "1"]).assert().success();
    let part = dir.path().join("part.png");
    polku()
        .args(["export"])
        .arg(&map)
        .arg("-o")
        .arg(&part)
        .args(["--scale", "1", "--stages", "2-3"])
        .assert()
        .success();
    let (w, h, _) = png_size_and_dpi(&whole);
    let (pw, ph, _) = png_size_and_dpi(&part);
    assert!(pw < w * 3 / 4 && ph < h, "two of five stages, no header: {pw}×{ph} of {w}×{h}");
    assert_eq!(polku::io::load(&part).unwrap(), polku::io::load(&map).unwrap(), "a part still opens as the whole map");

    polku()
        .args(["export"])
        .arg(&map)
        .arg("-o")
        .arg(dir.path().join("kartta.svg"))
        .arg("--per-stage")
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("kartta-"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5, "{names:?}");
    assert_eq!(names[1], "kartta-2-tiedonkeruu.svg");

    let missing = polku().args(["export"]).arg(&map).arg("-o").arg(&part).args(["--stages", "7"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stdout).contains("the map has 5 stages"));
    let zero = polku().args(["export"]).arg(&map).arg("-o").arg(&part).args(["--stages", "0-2"]).output().unwrap();
    assert_eq!(zero.status.code(), Some(2));
}

#[test]
fn no_header_leaves_the_title_goal_and_persona_out_and_keeps_every_stage() {
    let dir = tempfile::tempdir().unwrap();
    let map = common::root().join("sample_maps/digimarkkinointi.ron");
    let whole = dir.path().join("whole.png");
    let bare = dir.path().join("bare.png");
    polku().args(["export"]).arg(&map).arg("-o").arg(&whole).args(["--scale", "1"]).assert().success();
    polku().args(["export"]).arg(&map).arg("-o").arg(&bare).args(["--scale", "1", "--no-header"]).assert().success();
    let ((w, h, _), (bw, bh, _)) = (png_size_and_dpi(&whole), png_size_and_dpi(&bare));
    assert_eq!(bw, w, "every stage is there");
    let layout = polku::render::export::layout_headless(&polku::io::load(&map).unwrap(), &polku::theme::Theme::light());
    let header = layout.header.rect.height() as u32;
    assert!(bh + header <= h + 30 && bh < h, "{bh} of {h} px, the header {header} px");
    let svg = dir.path().join("bare.svg");
    // Without the map inside, whose text holds the title too.
    polku().args(["export"]).arg(&map).arg("-o").arg(&svg).args(["--no-header", "--no-embed"]).assert().success();
    let full = dir.path().join("full.svg");
    polku().args(["export"]).arg(&map).arg("-o").arg(&full).arg("--no-embed").assert().success();
    // A word of the title that no card, stage or lane has.
    assert!(polku::io::load(&map).unwrap().title.contains("digikanavissa"));
    let drawn = |path: &std::path::Path| std::fs::read_to_string(path).unwrap().contains("digikanavissa");
    assert!(drawn(&full), "the whole map draws its title");
    assert!(!drawn(&svg), "without the header it is not drawn");
}

#[test]
fn hide_empty_lanes_leaves_out_the_lanes_a_workshop_never_filled_but_keeps_the_whole_map_inside() {
    let dir = tempfile::tempdir().unwrap();
    // The service template: only its touchpoint lane has cards, nothing is rated.
    let map = polku::presets::Preset::ServiceVisit.new_map(polku::model::Language::Finnish);
    let path = dir.path().join("palvelu.ron");
    std::fs::write(&path, polku::io::to_text(&map).unwrap()).unwrap();
    let svg = dir.path().join("palvelu.svg");
    polku().args(["export"]).arg(&path).arg("-o").arg(&svg).arg("--hide-empty-lanes").assert().success();
    let text = std::fs::read_to_string(&svg).unwrap();
    let drawn = |word: &str| text.split("</metadata>").nth(1).unwrap().contains(word);
    assert!(drawn("Kosketuspisteet"), "the lane with cards stays");
    for empty in ["Taustatoiminnot", "Tuntee", "Mahdollisuudet"] {
        assert!(!drawn(empty), "{empty} is left out");
    }
    assert_eq!(polku::io::load(&svg).unwrap(), map, "the map inside keeps every lane");
    let kept = map.without_empty_lanes();
    assert_eq!(kept.lanes.len(), 1);
    assert_eq!(kept.cards, map.cards);
}
