//! Evidence and value (seed 001; Smaply's research colouring, TheyDo's evidence): a card's
//! evidence level and sources and the value types of a need, set in the inspector as undoable
//! commands, kept in the file, summed up for the map, and shown by colour on request.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use polku::app::Sel;
use polku::model::{CardId, EvidenceLevel, SourceKind, ValueType};

#[test]
fn a_cards_evidence_sources_and_value_types_are_set_in_the_inspector_and_undone() {
    let mut h = common::ui::open_sample("crm-myyntijohtaja.ron");
    let id = h.state().doc.map.cards.iter().find(|c| c.evidence.is_none() && c.values.is_empty()).unwrap().id.clone();
    assert!(h.state().doc.map.card(&id).unwrap().evidence.is_none());
    h.state_mut().editor.selection.items = vec![Sel::Card(id.clone())];
    h.run_steps(2);
    h.get_by_label("Researched").click();
    h.run_steps(2);
    assert_eq!(
        h.state().doc.map.card(&id).unwrap().evidence.as_ref().map(|e| e.level),
        Some(EvidenceLevel::Researched)
    );
    h.get_by_label("+ Source").click();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Note or quote").focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, "Note or quote").type_text("6 of 12 interviews");
    h.run_steps(2);
    h.get_by_label("Economic").click();
    h.run_steps(2);
    let card = h.state().doc.map.card(&id).unwrap().clone();
    let evidence = card.evidence.unwrap();
    assert_eq!(evidence.sources.len(), 1);
    assert_eq!(
        (evidence.sources[0].kind, evidence.sources[0].note.as_str()),
        (SourceKind::Interview, "6 of 12 interviews")
    );
    assert_eq!(card.values, [ValueType::Economic]);
    // The status bar sums it up, in the UI's language.
    let summary = h.state().doc.map.evidence_summary();
    h.get_by_label(&summary.sentence(false));
    for _ in 0..4 {
        common::ui::undo(&mut h);
    }
    assert!(h.state().doc.map.card(&id).unwrap().evidence.is_none(), "each choice was a step of its own");
    assert!(h.state().doc.map.card(&id).unwrap().values.is_empty());
}

#[test]
fn colouring_by_evidence_gives_each_card_its_levels_colour_from_the_status_bar() {
    let mut h = common::ui::open_sample("ecommerce-running-shoes.ron");
    let summary = h.state().doc.map.evidence_summary();
    assert_eq!((summary.touchpoints, summary.researched, summary.partly), (19, 8, 5));
    let label = summary.sentence(false);
    h.get_by_label(&label).click();
    h.run_steps(3);
    assert!(h.state().prefs.colour_by_evidence);
    let theme = h.state().theme();
    let ctx = h.ctx.clone();
    let layout = h.state_mut().doc.layout(&ctx, &theme).clone();
    let accent = |id: &str| layout.cards.iter().find(|c| c.id == CardId::new(id)).unwrap().accent;
    assert_eq!(accent("c21"), theme.evidence_colour(Some(EvidenceLevel::Researched)));
    assert_eq!(accent("c13"), theme.evidence_colour(Some(EvidenceLevel::Assumption)));
    assert_eq!(accent("c12"), theme.evidence_colour(Some(EvidenceLevel::PartlyBacked)));
    assert_eq!(accent("c1"), theme.evidence_colour(None), "a card nobody has rated is grey");
    assert_ne!(
        theme.evidence_colour(Some(EvidenceLevel::Researched)),
        theme.evidence_colour(Some(EvidenceLevel::Assumption))
    );
}

#[test]
fn evidence_and_values_round_trip_and_are_left_out_of_cards_without_them() {
    let map = polku::io::load(&common::root().join("sample_maps/ecommerce-running-shoes.ron")).unwrap();
    let text = polku::io::to_text(&map).unwrap();
    assert_eq!(text.matches("evidence: Some(").count(), 23);
    assert_eq!(text.matches("values: [").count(), 6);
    assert_eq!(polku::io::load_str(&text, std::path::Path::new("x.ron")).unwrap(), map);
    let bare =
        polku::io::to_text(&polku::io::load(&common::root().join("tests/data/versions/v3.ron")).unwrap()).unwrap();
    assert!(!bare.contains("evidence") && !bare.contains("values"), "older maps keep their look in the file");
    assert!(map.evidence_summary().sentence(true).starts_with("8/19 kosketuspisteestä tutkittu"));
}
