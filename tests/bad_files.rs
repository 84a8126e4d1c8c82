//! Every file in `tests/data/bad/` is refused with its own specific message, without a panic,
//! and neither `check` nor `fmt` changes it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use polku::io::{self, LoadError};
use std::path::Path;

/// What each bad file must be told, as a fragment of the one-line message.
const EXPECTED: &[(&str, &str)] = &[
    ("bad-colour.ron", ":5:62: \"blue\" is not a colour written as \"#RRGGBB\""),
    // A PNG named .ron: read as the image it is.
    ("binary.ron", ": this image or PDF carries no Polku map"),
    ("card-in-emotion-curve.ron", ":8:18: card \"Sees an ad\" (id \"c1\"): lane \"l1\" is an emotion curve"),
    ("card-in-swot-lane.ron", ":8:18: card \"Sees an ad\" (id \"c1\"): lane \"l1\" is a SWOT lane"),
    ("dangling-ids.ron", ":9:18: card \"Reads a review\" (id \"c2\"): its stage \"s9\" does not exist"),
    ("deeply-nested.ron", "nests deeper than a map ever does"),
    ("duplicate-ids.ron", ":5:54: stage \"Consideration\" (id \"s1\"): another stage already has the id \"s1\""),
    ("emotion-field-of-format-4.ron", ":9:70: unexpected field named `emotion` in `Card`, expected one of"),
    ("emotion-out-of-range.ron", ":8:84: emotion 5 is outside the scale -2…2"),
    ("empty.ron", ": the file is empty"),
    ("evidence-level-unknown.ron", "unexpected variant named `Proven` in enum `EvidenceLevel`"),
    ("evidence-source-unknown.ron", "unexpected variant named `Hunch` in enum `SourceKind`"),
    ("impossible-date.ron", ":8:100: \"2027-02-30\" is not a date written as YYYY-MM-DD"),
    ("json-not-ron.ron", ":1:1: not a Polku map"),
    ("latin1-text.ron", ":4:19: not a text file: byte 0xF6 is not UTF-8"),
    ("malformed-id.ron", ":8:18: card \"Sees an ad\" (id \"c 1\"): id \"c 1\" must be 1–64 ASCII"),
    ("missing-field.ron", ":8:47: unexpected missing field named `title` in `Card`"),
    ("missing-version.ron", "`format_version` is missing"),
    ("nan-emotion.ron", ":8:84: expected integer, found `NaN`"),
    ("nan-width.ron", ":5:23: stage \"Awareness\" (id \"s1\"): width NaN must be a number from 0.25 to 8"),
    ("newer-version.ron", ": written by a newer Polku (file format 7; this version reads up to 6)"),
    ("nul-byte.ron", ":1:36: not a text file: it contains a NUL byte"),
    (
        "persona-duplicate-id.ron",
        ":7:18: persona \"Maija Virtanen\" (id \"maija\"): another persona already has the id \"maija\"",
    ),
    (
        "persona-unknown.ron",
        ":9:18: card \"Sees an ad\" (id \"c1\"): is on the journey of persona \"pekka\", which does not exist",
    ),
    (
        "rating-by-unknown-persona.ron",
        ":9:18: card \"Sees an ad\" (id \"c1\"): is rated by persona \"nobody\", which does not exist",
    ),
    (
        "rating-off-journey.ron",
        ":9:18: card \"Sees an ad\" (id \"c1\"): is rated by persona \"pekka\", whose journey it is not on",
    ),
    ("review-interval-zero.ron", ":6:9: map: review_interval_months 0 must be from 1 to 36"),
    ("self-arrow.ron", ":8:23: arrow \"a1\": starts and ends at the same card \"c1\""),
    ("swot-item-not-text.ron", ":5:68: expected string, found `42`"),
    ("swot-misspelt-quadrant.ron", ":6:78: unexpected field named `threads` in `Swot`, expected one of `strengths`"),
    ("target-out-of-range.ron", ":9:89: emotion 3 is outside the scale -2…2"),
    ("truncated.ron", ": the file ends too early; is it truncated?"),
    ("unknown-channel.ron", "unexpected variant named `Fax` in enum `Channel`"),
    ("unknown-field.ron", ":10:70: unexpected field named `titel` in `Card`"),
    ("unterminated-string.ron", ":4:16: this string never ends"),
    ("version-bad-time.ron", ":35:25: `eilen` is not a time of the form \"2026-12-02 14:05\""),
    (
        "version-dangling-lane.ron",
        ":29:30: card \"Sopimus paperilla\" (id \"c2\"): its lane \"tunteet\" does not exist (in the kept version",
    ),
    ("version-typo.ron", ":29:76: unexpected field named `titel` in `Card`"),
    ("version-zero.ron", ": file format version 0 does not exist"),
    ("versions-in-format-5.ron", ":16:9: unknown field `versions` in a format-5 file: it came with format 6"),
    ("vote-for-missing-card.ron", ":9:18: vote round \"What hurts most?\" (id \"v1\"): gives dots to card \"c9\""),
    ("whitespace-only.ron", ": the file is empty"),
    ("wrong-types.ron", ":4:15: expected string, found `42`"),
];

#[test]
fn every_bad_file_has_an_expected_message_and_every_expectation_a_file() {
    let files: Vec<String> = common::ron_files("tests/data/bad").iter().map(|p| common::name(p)).collect();
    let expected: Vec<String> = EXPECTED.iter().map(|(f, _)| (*f).to_owned()).collect();
    assert_eq!(files, expected);
}

#[test]
fn each_bad_file_is_refused_with_its_specific_one_line_message() {
    for (file, fragment) in EXPECTED {
        let path = common::root().join("tests/data/bad").join(file);
        let err = io::load(&path).expect_err(file);
        let first = &err.lines()[0];
        assert!(first.contains(fragment), "{file}: got {first:?}, expected it to contain {fragment:?}");
        assert!(first.starts_with(&path.display().to_string()), "{file}: message names the file: {first}");
        for line in err.lines() {
            assert!(!line.contains('\n'), "{file}: one line per problem: {line:?}");
        }
    }
}

#[test]
fn dangling_references_are_all_reported_not_just_the_first() {
    let path = common::root().join("tests/data/bad/dangling-ids.ron");
    let lines = io::load(&path).unwrap_err().lines();
    assert_eq!(lines.len(), 2);
    assert!(lines[1].ends_with(":12:18: arrow \"a1\": ends at card \"c404\", which does not exist"), "{}", lines[1]);
}

#[test]
fn polku_check_exits_1_on_each_bad_file_and_leaves_it_unchanged() {
    for (file, fragment) in EXPECTED {
        let path = common::root().join("tests/data/bad").join(file);
        let before = std::fs::read(&path).unwrap();
        let out = Command::cargo_bin("polku").unwrap().arg("check").arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{file}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(stdout.contains(fragment), "{file}: {stdout}");
        assert!(out.stderr.is_empty(), "{file}: no panic or backtrace: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(std::fs::read(&path).unwrap(), before, "{file} changed");
    }
}

#[test]
fn polku_fmt_refuses_each_bad_file_and_leaves_it_unchanged_without_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    for (file, _) in EXPECTED {
        let path = dir.path().join(file);
        std::fs::copy(common::root().join("tests/data/bad").join(file), &path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let out = Command::cargo_bin("polku").unwrap().arg("fmt").arg(&path).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{file}");
        assert!(out.stderr.is_empty(), "{file}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(std::fs::read(&path).unwrap(), before, "{file} changed");
        assert!(!io::backup_path(&path).exists(), "{file}: no backup of a file that was not saved");
    }
}

#[test]
fn a_file_over_64_mib_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    // Sparse: the size is real to the loader, the disk holds nothing.
    std::fs::File::create(&path).unwrap().set_len(io::MAX_FILE_SIZE + 1).unwrap();
    let err = io::load(&path).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("larger than the 67108864-byte limit"), "{err}");
    let out = Command::cargo_bin("polku").unwrap().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_missing_file_or_a_folder_is_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for path in [dir.path().join("nope.ron"), dir.path().to_owned()] {
        let err = io::load(&path).unwrap_err();
        assert!(matches!(err, LoadError::Io { .. }), "{err}");
        assert!(err.to_string().starts_with(&path.display().to_string()));
    }
}

#[test]
fn a_newer_file_opens_read_only_for_viewing_and_keeps_its_unknown_fields_on_disk() {
    let path = common::root().join("tests/data/bad/newer-version.ron");
    let opened = io::load_for_viewing(&path).unwrap();
    assert_eq!(opened.map.title, "From the future");
    assert!(opened.read_only.unwrap().to_string().contains("newer Polku"));

    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("newer.ron");
    std::fs::copy(&path, &copy).unwrap();
    let err = io::save(&opened.map, &copy).unwrap_err();
    assert!(err.to_string().contains("newer Polku"), "{err}");
    assert!(std::fs::read_to_string(&copy).unwrap().contains("hologram"));
}

#[test]
fn garbage_of_every_kind_never_panics_the_loader() {
    let samples = [
        "(",
        ")",
        "(format_version",
        "(format_version:",
        "(format_version: 1",
        "(format_version: 1,)",
        "(format_version: 1, map: ())",
        "(format_version: -1, map: ())",
        "(format_version: 99999999999, map: ())",
        "(format_version: 1, map: (title: \"\\u{D800}\"))",
        "(format_version: 1, map: (title: r#\"x\"#))",
        "#![enable(implicit_some)] (format_version: 1, map: (title: \"x\"))",
        "\u{feff}",
        "/*",
        "//",
    ];
    for text in samples {
        let _ = io::load_str(text, Path::new("garbage.ron"));
    }
}
