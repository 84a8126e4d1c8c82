//! SWOT per stage (seed 001): edited in the stage's inspector as commands with undo, shown as a
//! 2×2 grid per stage in the SWOT view and, optionally, as a lane on the map, and exported as
//! Markdown from the command line and the editor.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use polku::app::Sel;
use polku::model::{Lane, LaneId, LaneKind, StageId};

#[test]
fn typing_a_strength_in_the_stages_inspector_is_one_undoable_step() {
    let mut h = common::ui::open_sample("digimarkkinointi.ron");
    let stage = h.state().doc.map.stages[0].clone();
    assert!(stage.swot.is_empty(), "this sample has no SWOT yet");
    h.state_mut().editor.selection.items = vec![Sel::Stage(stage.id.clone())];
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Strengths").focus();
    h.run_steps(1);
    for c in "Hyvä hakunäkyvyys".chars() {
        h.get_by_role_and_label(Role::TextInput, "Strengths").type_text(&c.to_string());
        h.run_steps(1);
    }
    h.key_press(egui::Key::Enter);
    h.run_steps(1);
    for c in "Blogi".chars() {
        h.get_by_role_and_label(Role::TextInput, "Strengths").type_text(&c.to_string());
        h.run_steps(1);
    }
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    let swot = &h.state().doc.map.stages[0].swot;
    assert_eq!(swot.strengths, ["Hyvä hakunäkyvyys", "Blogi"], "one item per line");
    assert!(swot.weaknesses.is_empty() && swot.threats.is_empty());
    common::ui::undo(&mut h);
    assert!(
        h.state().doc.map.stages[0].swot.is_empty(),
        "the typing was one step: {:?}",
        h.state().doc.map.stages[0].swot
    );
    common::ui::redo(&mut h);
    assert_eq!(h.state().doc.map.stages[0].swot.strengths.len(), 2);
}

#[test]
fn the_swot_view_shows_every_stage_and_choosing_one_selects_it_for_the_inspector() {
    let mut h = common::ui::open_sample("ecommerce-running-shoes.ron");
    h.state_mut().swot_open = true;
    h.run_steps(3);
    h.get_by_label_contains("5 of 5 stages have a SWOT analysis");
    h.get_by_label("•\u{a0}Size guide hidden below the fold on mobile");
    assert_eq!(h.query_all_by_label("Threats").count(), 5, "a 2×2 grid per stage");
    h.get_by_label("2. Consideration").click();
    h.run_steps(2);
    assert_eq!(h.state().editor.selection.items, vec![Sel::Stage(StageId::new("consideration"))]);
    // The inspector now edits that stage's SWOT.
    let weaknesses =
        h.get_by_role_and_label(Role::TextInput, "Weaknesses").accesskit_node().value().unwrap_or_default();
    assert!(weaknesses.contains("Comparison of two models needs two tabs"), "{weaknesses}");
}

#[test]
fn a_swot_lane_draws_every_stages_analysis_and_takes_no_cards() {
    let path = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    let mut map = polku::io::load(&path).unwrap();
    map.lanes.push(Lane::new("swot", "SWOT", LaneKind::Swot));
    let theme = polku::theme::Theme::light();
    let layout = polku::render::export::layout_headless(&map, &theme);
    let lane = layout.lanes.last().unwrap();
    assert_eq!(lane.swot.len(), 4 * map.stages.len());
    for (i, stage) in layout.stages.iter().enumerate() {
        let boxes = &lane.swot[4 * i..4 * i + 4];
        for b in boxes {
            assert!(stage.column.contains_rect(b.rect), "inside its stage's column");
            assert!(lane.row.contains_rect(b.rect), "inside the lane's row");
            let text_bottom = b.items.pos.y + b.items.height();
            assert!(text_bottom <= b.rect.bottom() + 0.5, "the items fit in their box");
        }
        assert!(!boxes[0].rect.intersects(boxes[1].rect) && !boxes[0].rect.intersects(boxes[2].rect));
        assert!(boxes[3].items.rows.iter().any(|r| r.contains('•')));
    }
    let mut doc_map = map.clone();
    let card = polku::model::Card::new("c-new", "awareness", "swot", "Not here");
    let mut history = polku::edit::History::default();
    let err = history.apply(&mut doc_map, polku::edit::Command::InsertCard { index: 0, card }).unwrap_err();
    assert!(err.to_string().contains("holds no cards"), "{err}");
    assert!(map.lane_shows_something(map.lane(&LaneId::new("swot")).unwrap()));
}

#[test]
fn polku_export_swot_writes_the_expected_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("swot.md");
    let run = Command::cargo_bin("polku")
        .unwrap()
        .arg("export")
        .arg(common::root().join("sample_maps/ecommerce-running-shoes.ron"))
        .arg("--swot")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stdout));
    assert!(String::from_utf8_lossy(&run.stdout).contains("SWOT of 5 of 5 stages"));
    let expected = std::fs::read_to_string(common::root().join("tests/data/swot/ecommerce-running-shoes.md")).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
    let wrong = Command::cargo_bin("polku")
        .unwrap()
        .arg("export")
        .arg(common::root().join("sample_maps/ecommerce-running-shoes.ron"))
        .args(["--swot", "swot.csv"])
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2), "Markdown only");
}
