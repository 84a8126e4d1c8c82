//! `polku diff OLD NEW`: what changed between two versions of a map, by element name, with
//! `diff`'s exit codes; and the property that a map compared with itself has no change while
//! a random edit sequence shows up as exactly the elements it touched.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use assert_cmd::Command;
use polku::diff::{Change, Element, What, diff};
use polku::edit::{History, ops, persona_ops};
use polku::model::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn sample() -> JourneyMap {
    polku::io::load(&common::root().join("sample_maps/ecommerce-running-shoes.ron")).unwrap()
}

fn only(changes: &[Change]) -> &Change {
    assert_eq!(changes.len(), 1, "{changes:#?}");
    &changes[0]
}

#[test]
fn each_kind_of_change_is_named_by_the_elements_name() {
    let old = sample();
    let card = |m: &mut JourneyMap, id: &str| -> usize { m.cards.iter().position(|c| c.id.as_str() == id).unwrap() };

    let mut new = old.clone();
    new.cards.push(Card::new("c99", "purchase", "touchpoints", "Pays with a gift card"));
    let c = only(&diff(&old, &new)).clone();
    assert_eq!((c.element, c.what.clone(), c.name.as_str()), (Element::Card, What::Added, "Pays with a gift card"));
    assert_eq!(c.fields[0].new, "Purchase / Touchpoints");

    let mut new = old.clone();
    let i = card(&mut new, "c12");
    new.cards[i].body = "Now with video reviews".into();
    new.cards[i].channel = Some(Channel::Web);
    let c = only(&diff(&old, &new)).clone();
    assert_eq!(c.what, What::Changed);
    let names: Vec<&str> = c.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["body", "channel"]);
    assert_eq!((c.fields[1].old.as_str(), c.fields[1].new.as_str()), ("Review site", "Web site"));

    let mut new = old.clone();
    let i = card(&mut new, "c12");
    new.cards[i].stage = StageId::new("purchase");
    let c = only(&diff(&old, &new)).clone();
    assert_eq!(
        c.what,
        What::Moved {
            from: ("Consideration".into(), "Touchpoints".into()),
            to: ("Purchase".into(), "Touchpoints".into())
        }
    );

    let mut new = old.clone();
    let i = card(&mut new, "c14");
    new.cards[i].emotions.insert(PersonaId::new("mikko"), Emotion::new(-2).unwrap());
    new.cards[i].targets.insert(PersonaId::new("emma"), Emotion::new(2).unwrap());
    let c = only(&diff(&old, &new)).clone();
    assert_eq!(c.what, What::Rerated);
    let f: Vec<(&str, &str, &str)> =
        c.fields.iter().map(|f| (f.name.as_str(), f.old.as_str(), f.new.as_str())).collect();
    assert_eq!(
        f,
        [("Emma Lindqvist (target)", "—", "+2 Delighted"), ("Mikko Saarinen", "+0 Neutral", "-2 Frustrated")]
    );

    let mut new = old.clone();
    let i = card(&mut new, "c34");
    let item = new.cards[i].improvement.as_mut().unwrap();
    item.owner = "Aino".into();
    item.due = Date::new(2027, 6, 1);
    let c = only(&diff(&old, &new)).clone();
    assert_eq!(c.what, What::Plan);
    assert_eq!(c.fields.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(), ["owner", "due"]);

    let mut new = old.clone();
    new.stages[1].name = "Comparing".into();
    new.lanes.retain(|l| l.id.as_str() != "kpis");
    new.cards.retain(|c| c.lane.as_str() != "kpis");
    new.personas[1].name = "Mikko S.".into();
    let changes = diff(&old, &new);
    let line = |e: Element, what: What| changes.iter().any(|c| c.element == e && c.what == what);
    assert!(
        line(Element::Stage, What::Changed)
            && line(Element::Lane, What::Removed)
            && line(Element::Persona, What::Changed)
    );
    assert_eq!(changes.iter().filter(|c| c.element == Element::Card && c.what == What::Removed).count(), 5);
}

#[test]
fn a_hand_edited_card_with_a_new_id_but_the_same_title_in_the_same_cell_is_the_same_card() {
    let old = sample();
    let mut new = old.clone();
    let i = new.cards.iter().position(|c| c.id.as_str() == "c14").unwrap();
    new.cards[i].id = CardId::new("chat-card");
    new.cards[i].body = "Answered within a minute".into();
    let c = only(&diff(&old, &new)).clone();
    assert_eq!(c.what, What::Changed);
    assert_eq!(
        (c.fields[0].name.as_str(), c.fields[0].old.as_str(), c.fields[0].new.as_str()),
        ("id", "c14", "chat-card")
    );
}

fn polku() -> Command {
    Command::cargo_bin("polku").unwrap()
}

#[test]
fn polku_diff_exits_like_diff_and_writes_the_expected_report_of_a_review() {
    let old = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    let reviewed = common::root().join("tests/data/diff/ecommerce-reviewed.ron");
    let same = polku().arg("diff").arg(&old).arg(&old).output().unwrap();
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&same.stdout), "No changes.\n");

    let text = polku().arg("diff").arg(&old).arg(&reviewed).output().unwrap();
    assert_eq!(text.status.code(), Some(1));
    let text = String::from_utf8(text.stdout).unwrap();
    for line in [
        "Removed card \"“Will they arrive before Saturday's race?”\" (Purchase / Thinks)",
        "Moved card \"Tips email: first 100 km\" from Retention / Touchpoints to Advocacy / Touchpoints",
        "Changed card \"Checkout on mobile (new one-page flow)\": title \"Checkout on mobile\" → \"Checkout on mobile (new one-page flow)\"",
        "Re-rated card \"Return and refund\": Mikko Saarinen -2 Frustrated → +0 Neutral",
        "Action plan, card \"Instant return receipt and 2-day refund\": status Planned → Done",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
    }

    let md = polku().arg("diff").arg("--format").arg("md").arg(&old).arg(&reviewed).output().unwrap();
    assert_eq!(md.status.code(), Some(1));
    let expected = std::fs::read_to_string(common::root().join("tests/data/diff/ecommerce-reviewed.md")).unwrap();
    assert_eq!(String::from_utf8(md.stdout).unwrap(), expected);

    let missing = polku().arg("diff").arg(&old).arg("no-such-map.ron").output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let bad = common::root().join("tests/data/bad/dangling-ids.ron");
    let invalid = polku().arg("diff").arg(&bad).arg(&old).output().unwrap();
    assert_eq!(invalid.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&invalid.stdout).contains("dangling-ids.ron:9:18"));
}

#[test]
fn either_side_of_a_diff_may_be_an_exported_image() {
    let dir = tempfile::tempdir().unwrap();
    let map = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    let png = dir.path().join("before.polku.png");
    polku().arg("export").arg(&map).arg("-o").arg(&png).assert().success();
    let reviewed = common::root().join("tests/data/diff/ecommerce-reviewed.ron");
    assert_eq!(polku().arg("diff").arg(&png).arg(&map).output().unwrap().status.code(), Some(0));
    assert_eq!(polku().arg("diff").arg(&png).arg(&reviewed).output().unwrap().status.code(), Some(1));
}

#[test]
fn a_card_moved_between_two_stages_of_the_same_name_is_moved_and_the_stages_are_told_apart_by_place() {
    // Found by the property test below: two stages both named "" hid the move.
    let mut old = JourneyMap::new("Kaksi samannimistä");
    old.stages = vec![polku::model::Stage::new("s1", "Käynti"), polku::model::Stage::new("s2", "Käynti")];
    old.lanes = vec![polku::model::Lane::new("l1", "Kosketuspisteet", polku::model::LaneKind::Touchpoints)];
    old.cards = vec![Card::new("c1", "s1", "l1", "Ilmoittautuminen")];
    let mut new = old.clone();
    new.cards[0].stage = polku::model::StageId::new("s2");
    let lines: Vec<String> = diff(&old, &new).iter().map(polku::diff::report::line).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("Käynti #1") && lines[0].contains("Käynti #2"), "{lines:?}");
}

/// The cards whose content differs, position in the cell aside.
fn changed_cards(before: &JourneyMap, after: &JourneyMap) -> BTreeSet<String> {
    let plain = |c: &Card| Card { position: 0, ..c.clone() };
    let mut ids = BTreeSet::new();
    for c in &before.cards {
        match after.card(&c.id) {
            Some(a)
                if plain(a) == plain(c)
                    && before.stage(&c.stage).map(|s| &s.name) == after.stage(&a.stage).map(|s| &s.name) => {}
            _ => {
                ids.insert(c.id.to_string());
            }
        }
    }
    for a in after.cards.iter().filter(|a| before.card(&a.id).is_none()) {
        ids.insert(a.id.to_string());
    }
    ids
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn a_map_has_no_change_from_itself_and_random_edits_show_as_exactly_the_cards_they_touched(
        start in common::arb::journey_map(),
        steps in proptest::collection::vec((0u32..6, 0usize..1000, 0usize..1000), 1..12),
    ) {
        prop_assert!(diff(&start, &start).is_empty());
        let mut map = start.clone();
        let mut history = History::default();
        for (pick, a, b) in steps {
            let card = map.cards.get(a % map.cards.len().max(1)).cloned();
            let stage = map.stages.get(b % map.stages.len().max(1)).map(|s| s.id.clone());
            let persona = map.personas.get(b % map.personas.len().max(1)).map(|p| p.id.clone());
            let command = match (pick, card) {
                (0, Some(c)) => Some(polku::edit::Command::UpdateCard(Card { title: format!("{} (edited {b})", c.title), ..c })),
                (1, Some(c)) => stage.and_then(|s| ops::move_card(&map, &c.id, &s, &c.lane, 0)),
                (2, Some(c)) => ops::delete_cards(&map, &BTreeSet::from([c.id])),
                (3, Some(c)) => persona_ops::rate(&map, &c.id, persona.as_ref(), Emotion::new((b % 5) as i8 - 2), a % 2 == 0),
                (4, _) => map.stages.first().zip(map.lanes.iter().find(|l| l.kind.holds_cards())).map(|(s, l)| {
                    ops::insert_card(&map, ops::new_card(&map, &s.id, &l.id, "New"), 0)
                }),
                _ => None,
            };
            if let Some(command) = command {
                let _ = history.apply(&mut map, command);
            }
        }
        // A card deleted and another of the same title added in its cell pair up as one card
        // with a new id: both ids are named then.
        let named: BTreeSet<String> = diff(&start, &map)
            .iter()
            .filter(|c| c.element == Element::Card)
            .flat_map(|c| {
                let old_id = c.fields.iter().find(|f| f.name == "id").map(|f| f.old.clone());
                std::iter::once(c.id.clone()).chain(old_id)
            })
            .collect();
        prop_assert_eq!(named, changed_cards(&start, &map));
    }
}

#[test]
fn a_comparison_marks_the_newer_map_and_is_exported_as_png_svg_and_pdf() {
    let old = sample();
    let reviewed = common::root().join("tests/data/diff/ecommerce-reviewed.ron");
    let new = polku::io::load(&reviewed).unwrap();
    let theme = polku::theme::Theme::light();
    let layout = polku::render::export::layout_headless(&new, &theme);
    let marks = polku::render::compare::Marks::of(&layout, &old, &new, &diff(&old, &new), "before.ron");
    let mark = |id: &str| marks.cards.iter().find(|(c, _, _)| c.as_str() == id).map(|(_, _, m)| *m);
    use polku::render::compare::Mark;
    assert_eq!(mark("c21"), Some(Mark::Changed), "renamed and re-rated");
    assert_eq!(mark("c31"), Some(Mark::Changed), "moved");
    assert_eq!(mark("c1"), None, "untouched");
    assert_eq!(marks.moves.len(), 1);
    assert_eq!(marks.ghosts.len(), 1);
    assert_eq!(marks.ghosts[0].2, "“Will they arrive before Saturday's race?”");
    let purchase = layout.stages.iter().find(|s| s.id.as_str() == "purchase").unwrap().column;
    assert!(purchase.contains_rect(marks.ghosts[0].1), "the ghost sits in the cell it left");
    assert_eq!(marks.old_curves.len(), 2, "both personas' earlier curves");
    assert_eq!(marks.old_points.len(), 4, "four ratings changed");

    let dir = tempfile::tempdir().unwrap();
    let old_path = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    for ext in ["png", "svg", "pdf"] {
        let (plain, marked) = (dir.path().join(format!("plain.{ext}")), dir.path().join(format!("changes.{ext}")));
        polku().arg("export").arg(&reviewed).arg("-o").arg(&plain).assert().success();
        polku().arg("export").arg(&reviewed).arg("--compare").arg(&old_path).arg("-o").arg(&marked).assert().success();
        assert_ne!(std::fs::read(&plain).unwrap(), std::fs::read(&marked).unwrap(), "{ext}: the marks are drawn");
    }
    let svg = std::fs::read_to_string(dir.path().join("changes.svg")).unwrap();
    assert!(svg.contains("Changes since ecommerce-running-shoes.ron"), "the legend says against what");
    let missing = polku()
        .arg("export")
        .arg(&reviewed)
        .arg("--compare")
        .arg("nope.ron")
        .arg("-o")
        .arg(dir.path().join("x.png"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}
