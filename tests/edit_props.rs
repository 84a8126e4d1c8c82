//! Random command sequences: the map stays valid after every step; undoing all gives back the
//! original, redoing all gives the same final map.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use polku::edit::{Command, History, ops, persona_ops};
use polku::model::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Turns a random number into an edit that makes sense on the current map.
fn edit(map: &JourneyMap, pick: u32, a: usize, b: usize) -> Option<Command> {
    let card = |i: usize| map.cards.get(i % map.cards.len().max(1)).cloned();
    let stage = |i: usize| map.stages.get(i % map.stages.len().max(1)).map(|s| s.id.clone());
    let lanes: Vec<LaneId> = map.lanes.iter().filter(|l| l.kind.holds_cards()).map(|l| l.id.clone()).collect();
    let lane = |i: usize| lanes.get(i % lanes.len().max(1)).cloned();
    let persona = |i: usize| map.personas.get(i % map.personas.len().max(1)).map(|p| p.id.clone());
    match pick % 16 {
        0 => Some(ops::insert_card(map, ops::new_card(map, &stage(a)?, &lane(b)?, "New card"), b % 3)),
        1 => ops::move_card(map, &card(a)?.id, &stage(b)?, &lane(a + b)?, b % 4),
        2 => ops::delete_cards(map, &BTreeSet::from([card(a)?.id])),
        3 => {
            let mut c = card(a)?;
            c.title = format!("Edited {b}");
            Some(Command::UpdateCard(c))
        }
        // Persona edits: rate or set a target for one persona, add, duplicate, delete, move,
        // and put a card on some personas' journeys.
        11 => persona_ops::rate(
            map,
            &card(a)?.id,
            persona(b).as_ref(),
            Emotion::new((b % 6) as i8 - 2),
            a.is_multiple_of(2),
        ),
        12 => Some(persona_ops::add_persona(map, a.is_multiple_of(2)).0),
        13 => persona_ops::duplicate_persona(map, &persona(a)?, false).map(|(c, _)| c),
        14 if b.is_multiple_of(3) => persona_ops::delete_persona(map, &persona(a)?),
        14 => Some(Command::MovePersona { id: persona(a)?, to: b % map.personas.len().max(1) }),
        15 => {
            let chosen: Vec<PersonaId> =
                map.personas.iter().enumerate().filter(|(i, _)| (a >> i) & 1 == 1).map(|(_, p)| p.id.clone()).collect();
            (!chosen.is_empty()).then(|| persona_ops::set_card_personas(map, &card(b)?.id, &chosen)).flatten()
        }
        4 => Some(Command::MoveStage { id: stage(a)?, to: b % map.stages.len().max(1) }),
        5 => Some(ops::duplicate_cards(map, &BTreeSet::from([card(a)?.id])).0),
        6 => {
            let (from, to) = (card(a)?, card(b)?);
            (from.id != to.id).then(|| Command::InsertArrow {
                index: 0,
                arrow: Arrow {
                    id: ArrowId::new(fresh_id("a", map.arrows.iter().map(|a| a.id.as_str()))),
                    from: from.id,
                    to: to.id,
                    kind: ArrowKind::Improvement,
                    label: String::new(),
                    improvement: None,
                },
            })
        }
        7 if map.stages.len() > 1 => Some(ops::delete_stage(map, &stage(a)?)),
        // A dot more or less in a vote round, and a round's top cards into the action plan.
        8 => {
            let round = map.votes.get(a % map.votes.len().max(1))?;
            let delta = if b.is_multiple_of(3) { -1 } else { 1 };
            round.with_dots(&card(b)?.id, delta).map(Command::UpdateVoteRound)
        }
        9 => ops::vote_results_to_plan(map, &map.votes.get(a % map.votes.len().max(1))?.id, b % 5 + 1),
        _ => Some(Command::MoveLane {
            id: map.lanes.get(a % map.lanes.len().max(1))?.id.clone(),
            to: b % map.lanes.len().max(1),
        }),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_keep_the_map_valid_and_undo_and_redo_exactly(
        start in common::arb::journey_map(),
        steps in proptest::collection::vec((any::<u32>(), 0usize..1000, 0usize..1000), 1..25),
    ) {
        let mut map = start.clone();
        let mut history = History::default();
        let mut applied = 0;
        for (pick, a, b) in steps {
            if let Some(cmd) = edit(&map, pick, a, b) && history.apply(&mut map, cmd).is_ok() {
                applied += 1;
                prop_assert_eq!(map.validate(), vec![]);
            }
        }
        let end = map.clone();
        for _ in 0..applied {
            history.undo(&mut map);
        }
        prop_assert_eq!(&map, &start);
        prop_assert!(!history.is_dirty());
        for _ in 0..applied {
            history.redo(&mut map);
        }
        prop_assert_eq!(&map, &end);
    }
}
