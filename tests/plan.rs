//! The action plan exports (CSV, Markdown and Excel) of every sample hold what the plan holds.
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
    let xlsx = dir.path().join("plan.xlsx");
    let run = Command::cargo_bin("polku")
        .unwrap()
        .args(["export"])
        .arg(&map)
        .arg("--action-plan")
        .arg(&xlsx)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stdout));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "a zip: an Office Open XML workbook");
    let bad = Command::cargo_bin("polku")
        .unwrap()
        .args(["export"])
        .arg(&map)
        .args(["--action-plan", "plan.ods"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let nothing = Command::cargo_bin("polku").unwrap().args(["export"]).arg(&map).output().unwrap();
    assert_eq!(nothing.status.code(), Some(2), "export needs -o or --action-plan");
}

/// Days from Excel's day zero (1899-12-30) to `date`: how a spreadsheet stores a date.
fn excel_serial(date: polku::model::Date) -> f64 {
    let day = jiff::civil::date(date.year as i16, date.month as i8, date.day as i8);
    (day - jiff::civil::date(1899, 12, 30)).get_days() as f64
}

#[test]
fn every_samples_plan_opens_as_a_workbook_with_numbers_as_numbers_and_dates_as_dates() {
    use calamine::{Data, Reader, Xlsx};
    for path in common::sample_maps() {
        let map = io::load(&path).unwrap();
        let bytes = plan::to_xlsx(&map).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = match map.language {
            polku::model::Language::Finnish => "Toimenpidesuunnitelma",
            polku::model::Language::English => "Action plan",
        };
        let range = book.worksheet_range(sheet).unwrap();
        let rows = plan::rows(&map);
        assert_eq!(range.height(), rows.len() + 1, "{}: a header and a row per item", common::name(&path));
        let header: Vec<String> = range.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
        let csv_header = plan::to_csv(&map).lines().next().unwrap().trim_start_matches('\u{feff}').to_owned();
        assert_eq!(header.join(","), csv_header, "the same columns as the CSV");
        for (row, cells) in rows.iter().zip(range.rows().skip(1)) {
            assert_eq!(cells[0], Data::String(row.id.clone()));
            assert_eq!(cells[1], Data::String(row.title.clone()));
            assert_eq!(cells[2], Data::String(row.stage.clone()));
            let imp = &row.improvement;
            let number = |v: Option<f64>| v.map_or(Data::Empty, Data::Float);
            assert_eq!(cells[4], number(imp.value.map(f64::from)), "value of {}", row.id);
            assert_eq!(cells[5], number(imp.effort.map(f64::from)), "effort of {}", row.id);
            assert_eq!(cells[6], number(imp.votes.map(f64::from)), "votes of {}", row.id);
            assert_eq!(cells[7], if imp.owner.is_empty() { Data::Empty } else { Data::String(imp.owner.clone()) });
            match (imp.due, &cells[8]) {
                (Some(due), Data::DateTime(d)) => assert_eq!(d.as_f64(), excel_serial(due), "due of {}", row.id),
                (None, Data::Empty) => {}
                (due, cell) => panic!("due of {}: {due:?} written as {cell:?}", row.id),
            }
        }
    }
}

#[test]
fn text_that_looks_like_a_formula_stays_text_in_the_workbook() {
    use calamine::{Data, Reader, Xlsx};
    let mut map = polku::presets::Preset::Funnel.new_map(polku::model::Language::English);
    let mut card = polku::model::Card::new("c1", "purchase", "opportunities", "=HYPERLINK(\"http://x\")");
    card.improvement = Some(polku::model::Improvement { owner: "+358 40 123".into(), ..Default::default() });
    map.cards.push(card);
    let bytes = plan::to_xlsx(&map).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("Action plan").unwrap();
    let row: Vec<&Data> = range.rows().nth(1).unwrap().iter().collect();
    assert_eq!(*row[1], Data::String("=HYPERLINK(\"http://x\")".into()));
    assert_eq!(*row[7], Data::String("+358 40 123".into()));
    assert!(book.worksheet_formula("Action plan").unwrap().used_cells().next().is_none(), "no formulas");
}
