//! The channel × action matrix (seed 004): channels by stages with their touchpoints and
//! actions, a priority per channel and a type per action, as a tab of the action plan panel
//! and as CSV and Markdown exports.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use egui_kittest::kittest::Queryable;
use polku::analysis::matrix;
use polku::app::Sel;
use polku::model::{ActionKind, CardId, Channel, ChannelPriority, PersonaId};

fn sample() -> polku::model::JourneyMap {
    polku::io::load(&common::root().join("sample_maps/ecommerce-running-shoes.ron")).unwrap()
}

#[test]
fn rows_go_by_priority_and_an_improvement_arrow_takes_its_target_cards_channel() {
    let map = sample();
    let rows = matrix::rows(&map);
    let priorities: Vec<_> = rows.iter().map(|r| r.priority).collect();
    let mut sorted = priorities.clone();
    sorted.sort_by_key(|p| match p {
        Some(ChannelPriority::Now) => 0,
        Some(ChannelPriority::Later) => 1,
        None => 2,
        Some(ChannelPriority::NotUsed) => 3,
    });
    assert_eq!(priorities, sorted, "now first, then later");
    let email = rows.iter().find(|r| r.channel == Some(Channel::Email)).unwrap();
    let retention = map.stages.iter().position(|s| s.id.as_str() == "retention").unwrap();
    let titles: Vec<&str> = email.cells[retention].iter().map(|e| e.title.as_str()).collect();
    assert!(titles.contains(&"Confirm at once"), "the arrow lands on an email card: {titles:?}");
    let guide = rows.iter().flat_map(|r| r.cells.iter().flatten()).find(|e| e.title.starts_with("Guide:")).unwrap();
    assert_eq!((guide.action, guide.kind, guide.effort), (true, Some(ActionKind::Strategic), Some(2)));
}

#[test]
fn a_channel_two_or_more_personas_meet_in_one_stage_is_a_synergy_and_one_personas_matrix_has_none() {
    let map = polku::io::load(&common::root().join("sample_maps/digimarkkinointi.ron")).unwrap();
    let ids = |names: &[&str]| names.iter().map(|n| PersonaId::new(*n)).collect::<Vec<_>>();
    let rows = matrix::rows(&map);
    let row = |c: Channel| rows.iter().find(|r| r.channel.as_ref() == Some(&c)).unwrap();
    assert_eq!(row(Channel::Search).synergies[0], ids(&["johanna", "antti"]), "both search in the first stage");
    assert_eq!(row(Channel::Phone).synergies[3], ids(&["johanna", "honkaset", "antti"]), "a shared card is everyone's");
    assert!(row(Channel::Phone).synergies[1].is_empty(), "only the Honkanens phone while considering");
    assert!(row(Channel::Chat).synergies.iter().all(Vec::is_empty));
    let antti = matrix::rows_for(&map, Some(&PersonaId::new("antti")));
    assert!(antti.iter().all(|r| r.synergies.iter().all(Vec::is_empty)));
    let titles: Vec<&str> = antti.iter().flat_map(|r| r.cells.iter().flatten()).map(|e| e.title.as_str()).collect();
    assert!(
        titles.contains(&"LinkedIn: sijoittajan referenssikohde") && !titles.contains(&"Paperinen tarjous postissa")
    );
}

#[test]
fn the_channels_tab_highlights_synergies_and_filters_by_persona() {
    let mut h = common::ui::open_sample("digimarkkinointi.ron");
    h.state_mut().prefs.show_plan = true;
    h.run_steps(2);
    h.get_by_label("Channels × stages").click();
    h.run_steps(2);
    assert_eq!(
        h.query_all_by_label("★ Synergia: Johanna, Pertti ja Marja, Antti").count(),
        3,
        "reviews, phone, product"
    );
    assert!(h.query_all_by_label_contains("★ Synergia").count() >= 5);
    h.get_by_label_contains("• Paperinen tarjous postissa");
    let at = h.get_by_label("Persona").rect().center();
    common::ui::click_at(&mut h, at);
    let at = h.get_by_role_and_label(egui::accesskit::Role::Button, "Antti Mäkelä").rect().center();
    common::ui::click_at(&mut h, at);
    assert_eq!(h.state().editor.plan_view.matrix_persona, Some(PersonaId::new("antti")));
    assert_eq!(h.query_all_by_label_contains("★ Synergia").count(), 0, "one persona meets no one");
    h.get_by_label_contains("• LinkedIn: sijoittajan referenssikohde");
    assert!(h.query_by_label_contains("• Paperinen tarjous postissa").is_none(), "another persona's touchpoint");
    // Showing an entry that is not on the journey of the persona in view shows everyone's.
    h.state_mut().editor.persona = Some(PersonaId::new("honkaset"));
    h.run_steps(2);
    h.get_by_label_contains("• LinkedIn: sijoittajan referenssikohde").click();
    h.run_steps(3);
    assert_eq!(h.state().editor.persona, None);
    assert_eq!(h.state().editor.selection.items, vec![Sel::Card(CardId::new("c40"))]);
}

#[test]
fn a_channels_priority_is_one_undoable_step() {
    let mut map = sample();
    let mut history = polku::edit::History::default();
    assert_eq!(map.channel_priority(&Channel::Chat), Some(ChannelPriority::Later));
    let cmd = polku::edit::ops::set_channel_priority(&map, &Channel::Chat, Some(ChannelPriority::Now));
    history.apply(&mut map, cmd).unwrap();
    assert_eq!(map.channel_priority(&Channel::Chat), Some(ChannelPriority::Now));
    let cmd = polku::edit::ops::set_channel_priority(&map, &Channel::Web, None);
    history.apply(&mut map, cmd).unwrap();
    assert_eq!(map.channel_priority(&Channel::Web), None);
    history.undo(&mut map);
    history.undo(&mut map);
    assert_eq!(map, sample());
}

#[test]
fn the_channels_tab_lists_the_matrix_and_a_click_shows_the_entry_on_the_canvas() {
    let mut h = common::ui::open_sample("ecommerce-running-shoes.ron");
    h.state_mut().prefs.show_plan = true;
    h.run_steps(2);
    h.get_by_label("Channels × stages").click();
    h.run_steps(2);
    h.get_by_label("Running club");
    h.get_by_label("→ Guide: choosing shoes for sore knees (S, effort 2)");
    // The first row (a channel to work on now), in view without scrolling the panel.
    h.get_by_label("• Uses the shop's filters").click();
    h.run_steps(3);
    assert_eq!(h.state().editor.selection.items, vec![Sel::Card(CardId::new("c13"))]);
}

#[test]
fn polku_export_matrix_writes_the_expected_csv_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    // Two personas in English, three in Finnish with their synergies.
    for (sample, ext) in [
        ("ecommerce-running-shoes", "csv"),
        ("ecommerce-running-shoes", "md"),
        ("digimarkkinointi", "csv"),
        ("digimarkkinointi", "md"),
    ] {
        let out = dir.path().join(format!("{sample}.{ext}"));
        let run = Command::cargo_bin("polku")
            .unwrap()
            .arg("export")
            .arg(common::root().join(format!("sample_maps/{sample}.ron")))
            .arg("--matrix")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stdout));
        let expected =
            std::fs::read_to_string(common::root().join(format!("tests/data/matrix/{sample}.{ext}"))).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), expected, "{sample}.{ext}");
    }
    let wrong = Command::cargo_bin("polku")
        .unwrap()
        .arg("export")
        .arg(common::root().join("sample_maps/ecommerce-running-shoes.ron"))
        .args(["--matrix", "m.ods"])
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn the_matrix_as_a_workbook_has_the_grid_and_the_list_with_efforts_as_numbers() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("matrix.xlsx");
    Command::cargo_bin("polku")
        .unwrap()
        .arg("export")
        .arg(common::root().join("sample_maps/ecommerce-running-shoes.ron"))
        .arg("--matrix")
        .arg(&out)
        .assert()
        .success();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["Channels × stages", "List"]);
    let grid = book.worksheet_range("Channels × stages").unwrap();
    assert_eq!(grid.get((0, 2)), Some(&Data::String("Awareness".into())));
    assert_eq!(grid.get((1, 0)), Some(&Data::String("Web site".into())));
    assert_eq!(grid.get((1, 1)), Some(&Data::String("Now".into())));
    let consideration = grid.get((1, 3)).unwrap().to_string();
    assert_eq!(
        consideration,
        "★ Synergy: Emma, Mikko\n• Uses the shop's filters\n→ Fit finder from her current shoes (T, effort 3)\n• Plain-language filter: “My feet are wide”"
    );
    let list = book.worksheet_range("List").unwrap();
    assert_eq!(list.height(), matrix::list(&sample()).len() + 1);
    assert_eq!(list.get((2, 6)), Some(&Data::Float(3.0)), "effort is a number");
    assert_eq!(list.get((2, 5)), Some(&Data::String("Short-term tactical".into())));
}
