//! The action plan exports (CSV and Markdown) of every sample match the expected files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use polku::{io, plan};

#[test]
fn every_samples_action_plan_exports_as_the_expected_csv_and_markdown() {
    for path in common::sample_maps() {
        let map = io::load(&path).unwrap();
        let stem = common::name(&path).replace(".ron", "");
        let dir = common::root().join("tests/data/plans");
        assert_eq!(plan::to_csv(&map), std::fs::read_to_string(dir.join(format!("{stem}.csv"))).unwrap(), "{stem}.csv");
        assert_eq!(
            plan::to_markdown(&map),
            std::fs::read_to_string(dir.join(format!("{stem}.md"))).unwrap(),
            "{stem}.md"
        );
        assert!(plan::rows(&map).len() >= 5, "{stem}: a filled action plan");
    }
}

#[test]
fn the_command_line_writes_the_plan_by_extension_and_refuses_other_extensions() {
    let dir = tempfile::tempdir().unwrap();
    let map = common::root().join("sample_maps/crm-myyntijohtaja.ron");
    let out = dir.path().join("plan.md");
    let run = Command::cargo_bin("polku")
        .unwrap()
        .args(["export"])
        .arg(&map)
        .arg("--action-plan")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0));
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("## Toimenpidesuunnitelma"));
    let bad = Command::cargo_bin("polku")
        .unwrap()
        .args(["export"])
        .arg(&map)
        .args(["--action-plan", "plan.xlsx"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let nothing = Command::cargo_bin("polku").unwrap().args(["export"]).arg(&map).output().unwrap();
    assert_eq!(nothing.status.code(), Some(2), "export needs -o or --action-plan");
}
