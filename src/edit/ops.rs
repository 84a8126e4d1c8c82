//! Composite edits the user thinks of as one action: move a card (others make room), delete
//! a stage with its cards, duplicate, paste. Each returns one [`Command`] to apply.

use super::Command;
use crate::edit::StepName;
use crate::model::{
    Arrow, ArrowId, Card, CardId, Improvement, JourneyMap, LaneId, Priority, StageId, VoteId, fresh_id,
};
use std::collections::{BTreeMap, BTreeSet};

/// Moves card `id` to `index` among the cards of cell (`stage`, `lane`), renumbering the
/// positions of both cells so the order is exactly what the user sees.
pub fn move_card(map: &JourneyMap, id: &CardId, stage: &StageId, lane: &LaneId, index: usize) -> Option<Command> {
    let card = map.card(id)?;
    // Each with the card as it is now, to leave out those that do not change.
    let mut target: Vec<&Card> = map.cards_in(stage, lane).into_iter().filter(|c| &c.id != id).collect();
    target.insert(index.min(target.len()), card);
    let mut commands = Vec::new();
    for (i, now) in target.into_iter().enumerate() {
        let mut c = now.clone();
        c.stage = stage.clone();
        c.lane = lane.clone();
        c.position = i as u32;
        if &c != now {
            commands.push(Command::UpdateCard(c));
        }
    }
    if &card.stage != stage || &card.lane != lane {
        for (i, c) in map.cards_in(&card.stage, &card.lane).into_iter().filter(|c| &c.id != id).enumerate() {
            if c.position != i as u32 {
                let mut c = c.clone();
                c.position = i as u32;
                commands.push(Command::UpdateCard(c));
            }
        }
    }
    (!commands.is_empty()).then_some(Command::Batch(StepName::MoveCard, commands))
}

/// A new card at the end of a cell, with a fresh id.
pub fn new_card(map: &JourneyMap, stage: &StageId, lane: &LaneId, title: &str) -> Card {
    let id = fresh_id("c", map.cards.iter().map(|c| c.id.as_str()));
    let mut card = Card::new(id, stage.clone(), lane.clone(), title);
    card.position = map.cards_in(stage, lane).last().map_or(0, |c| c.position + 1);
    card
}

/// Adds `card` at `index` among the cards of its cell.
pub fn insert_card(map: &JourneyMap, card: Card, index: usize) -> Command {
    let id = card.id.clone();
    let (stage, lane) = (card.stage.clone(), card.lane.clone());
    let insert = Command::InsertCard { index: map.cards.len(), card };
    let mut after = map.clone();
    let mut commands = Vec::new();
    if insert.apply(&mut after).is_ok() {
        commands.push(insert);
        if let Some(Command::Batch(_, moves)) = move_card(&after, &id, &stage, &lane, index) {
            commands.extend(moves);
        }
    }
    Command::Batch(StepName::AddCard, commands)
}

/// Moves stage `id` to position `to`. Stages without a colour of their own take the one their
/// position gives them now, in the same step, so that reordering never repaints a stage.
pub fn move_stage(map: &JourneyMap, id: &StageId, to: usize) -> Command {
    let mut commands = pin_stage_colours(map);
    commands.push(Command::MoveStage { id: id.clone(), to });
    Command::Batch(StepName::MoveStage, commands)
}

/// Gives every stage without a colour the one its position shows, as commands.
fn pin_stage_colours(map: &JourneyMap) -> Vec<Command> {
    map.stages
        .iter()
        .enumerate()
        .filter(|(_, s)| s.colour.is_none())
        .map(|(i, s)| {
            Command::UpdateStage(crate::model::Stage { colour: Some(crate::model::Colour::for_stage(i)), ..s.clone() })
        })
        .collect()
}

/// New cards at the end of a cell, one per (title, body), as one step; returns their ids.
pub fn add_cards(
    map: &JourneyMap,
    stage: &StageId,
    lane: &LaneId,
    rows: &[(String, String)],
) -> (Command, Vec<CardId>) {
    let mut after = map.clone();
    let mut commands = Vec::with_capacity(rows.len());
    let mut ids = Vec::with_capacity(rows.len());
    for (title, body) in rows {
        let mut card = new_card(&after, stage, lane, title);
        card.body.clone_from(body);
        let id = card.id.clone();
        let index = after.cards_in(stage, lane).len();
        let cmd = insert_card(&after, card, index);
        if cmd.apply(&mut after).is_ok() {
            commands.push(cmd);
            ids.push(id);
        }
    }
    (Command::Batch(StepName::PasteCards, commands), ids)
}

/// Puts a template's stages on `map` after its own, with the template's starting cards, as one
/// step. A map without lanes, or with only the untouched lanes of a blank map, gets the
/// template's lanes too; lanes the user made stay. Ids already taken are renumbered.
pub fn add_template(map: &JourneyMap, preset: crate::presets::Preset) -> Option<Command> {
    let mut after = map.clone();
    let mut commands = Vec::new();
    let mut apply = |command: Command, after: &mut JourneyMap| {
        if command.apply(after).is_ok() {
            commands.push(command);
        }
    };
    // The lanes a blank map starts with are nobody's work yet: the template's own fit it better.
    let untouched = map.stages.is_empty() && map.lanes == crate::presets::Preset::Blank.lanes_in(map.language);
    if untouched {
        for lane in &map.lanes {
            apply(Command::RemoveLane(lane.id.clone()), &mut after);
        }
    }
    if after.lanes.is_empty() {
        for (index, lane) in preset.lanes_in(map.language).into_iter().enumerate() {
            apply(Command::InsertLane { index, lane }, &mut after);
        }
    }
    let (stages, cards) = preset.stages_and_cards(&after);
    let mut stage_ids = BTreeMap::new();
    for mut stage in stages {
        if after.stage(&stage.id).is_some() {
            let id = StageId::new(fresh_id("s", after.stages.iter().map(|s| s.id.as_str())));
            stage_ids.insert(stage.id.clone(), id.clone());
            stage.id = id;
        }
        let index = after.stages.len();
        apply(Command::InsertStage { index, stage }, &mut after);
    }
    for card in cards {
        let stage = stage_ids.get(&card.stage).unwrap_or(&card.stage).clone();
        let mut fresh = new_card(&after, &stage, &card.lane, &card.title);
        fresh.channel = card.channel;
        let index = after.cards.len();
        apply(Command::InsertCard { index, card: fresh }, &mut after);
    }
    (!commands.is_empty()).then_some(Command::Batch(StepName::AddTemplate, commands))
}

/// Deletes cards and the arrows that touch them.
pub fn delete_cards(map: &JourneyMap, ids: &BTreeSet<CardId>) -> Option<Command> {
    let commands = removals(map, ids);
    (!commands.is_empty()).then_some(Command::Batch(StepName::DeleteCards, commands))
}

pub(super) fn removals(map: &JourneyMap, ids: &BTreeSet<CardId>) -> Vec<Command> {
    // Arrows and dots first: a card cannot go while an arrow or a vote still refers to it.
    let mut commands: Vec<Command> = map
        .arrows
        .iter()
        .filter(|a| ids.contains(&a.from) || ids.contains(&a.to))
        .map(|a| Command::RemoveArrow(a.id.clone()))
        .collect();
    for round in &map.votes {
        if round.dots.keys().any(|c| ids.contains(c)) {
            let mut kept = round.clone();
            kept.dots.retain(|c, _| !ids.contains(c));
            commands.push(Command::UpdateVoteRound(kept));
        }
    }
    commands.extend(map.cards.iter().filter(|c| ids.contains(&c.id)).map(|c| Command::RemoveCard(c.id.clone())));
    commands
}

/// Deletes a stage with every card in it (and their arrows); the other stages keep their colours.
pub fn delete_stage(map: &JourneyMap, id: &StageId) -> Command {
    let cards: BTreeSet<CardId> = map.cards.iter().filter(|c| &c.stage == id).map(|c| c.id.clone()).collect();
    let mut commands = pin_stage_colours(map);
    commands.extend(removals(map, &cards));
    commands.push(Command::RemoveStage(id.clone()));
    Command::Batch(StepName::DeleteStage, commands)
}

/// Deletes a lane with every card in it (and their arrows).
pub fn delete_lane(map: &JourneyMap, id: &LaneId) -> Command {
    let cards: BTreeSet<CardId> = map.cards.iter().filter(|c| &c.lane == id).map(|c| c.id.clone()).collect();
    let mut commands = removals(map, &cards);
    commands.push(Command::RemoveLane(id.clone()));
    Command::Batch(StepName::DeleteLane, commands)
}

/// Puts the `n` cards with the most dots in vote round `round` into the action plan: the
/// first third of them at high priority, the next third medium, the rest low, each keeping
/// its vote count. Cards already in the plan keep their owner, dates and status. `None` when
/// the round has no dots.
pub fn vote_results_to_plan(map: &JourneyMap, round: &VoteId, n: usize) -> Option<Command> {
    let ranking = map.vote(round)?.ranking(map);
    let n = n.min(ranking.len());
    let commands: Vec<Command> = ranking
        .into_iter()
        .take(n)
        .enumerate()
        .map(|(rank, (card, votes))| {
            let priority = match rank * 3 / n {
                0 => Priority::High,
                1 => Priority::Medium,
                _ => Priority::Low,
            };
            let mut card = card.clone();
            let item = card.improvement.get_or_insert_with(Improvement::default);
            item.priority = priority;
            item.votes = Some(votes);
            Command::UpdateCard(card)
        })
        .collect();
    (!commands.is_empty()).then_some(Command::Batch(StepName::VoteResultsToPlan, commands))
}

/// Copies of `ids` with fresh ids, each right after its original; returns the new ids.
pub fn duplicate_cards(map: &JourneyMap, ids: &BTreeSet<CardId>) -> (Command, Vec<CardId>) {
    let mut after = map.clone();
    let mut commands = Vec::new();
    let mut new_ids = Vec::new();
    for card in map.cards.iter().filter(|c| ids.contains(&c.id)) {
        let mut copy = card.clone();
        copy.id = CardId::new(fresh_id("c", after.cards.iter().map(|c| c.id.as_str())));
        let index = after.cards_in(&card.stage, &card.lane).iter().position(|c| c.id == card.id).map_or(0, |i| i + 1);
        let cmd = insert_card(&after, copy.clone(), index);
        if cmd.apply(&mut after).is_ok() {
            commands.push(cmd);
            new_ids.push(copy.id);
        }
    }
    (Command::Batch(StepName::Duplicate, commands), new_ids)
}

/// Pastes cards into a cell with fresh ids, keeping the arrows between pasted cards.
pub fn paste_cards(
    map: &JourneyMap,
    cards: &[Card],
    arrows: &[Arrow],
    stage: &StageId,
    lane: &LaneId,
) -> (Command, Vec<CardId>) {
    let mut after = map.clone();
    let mut commands = Vec::new();
    let mut renamed = BTreeMap::new();
    let mut new_ids = Vec::new();
    for card in cards {
        let mut c = card.clone();
        c.id = CardId::new(fresh_id("c", after.cards.iter().map(|c| c.id.as_str())));
        c.stage = stage.clone();
        c.lane = lane.clone();
        let index = after.cards_in(stage, lane).len();
        let new_id = c.id.clone();
        let cmd = insert_card(&after, c, index);
        if cmd.apply(&mut after).is_ok() {
            commands.push(cmd);
            renamed.insert(card.id.clone(), new_id.clone());
            new_ids.push(new_id);
        }
    }
    for a in arrows {
        if let (Some(from), Some(to)) = (renamed.get(&a.from), renamed.get(&a.to)) {
            let mut a = a.clone();
            a.id = ArrowId::new(fresh_id("a", after.arrows.iter().map(|a| a.id.as_str())));
            a.from = from.clone();
            a.to = to.clone();
            let cmd = Command::InsertArrow { index: after.arrows.len(), arrow: a };
            if cmd.apply(&mut after).is_ok() {
                commands.push(cmd);
            }
        }
    }
    (Command::Batch(StepName::Paste, commands), new_ids)
}

#[cfg(test)]
mod vote_tests {
    use super::*;
    use crate::model::{Date, Lane, LaneKind, Stage, Status, VoteRound, VoteScope};

    #[test]
    fn the_top_cards_of_a_vote_enter_the_plan_with_priority_by_rank_and_their_dots() {
        let mut m = JourneyMap::new("t");
        m.stages.push(Stage::new("s", "S"));
        m.lanes.push(Lane::new("p", "Pains", LaneKind::PainPoints));
        for i in 1..=5 {
            m.cards.push(Card::new(format!("c{i}"), "s", "p", format!("Pain {i}")));
        }
        m.cards[1].improvement =
            Some(Improvement { owner: "Laura".into(), status: Status::Planned, ..Improvement::default() });
        m.votes.push(VoteRound {
            id: VoteId::new("v1"),
            question: "?".into(),
            date: Date { year: 2026, month: 12, day: 1 },
            scope: VoteScope::PainPoints,
            dots_per_person: 3,
            voters: None,
            dots: [("c1", 1), ("c2", 5), ("c3", 3), ("c4", 4)].into_iter().map(|(c, n)| (CardId::new(c), n)).collect(),
            closed: true,
        });
        let cmd = vote_results_to_plan(&m, &VoteId::new("v1"), 3).unwrap();
        let original = m.clone();
        let inverse = cmd.apply(&mut m).unwrap();
        let item = |id: &str| m.card(&CardId::new(id)).unwrap().improvement.clone();
        let c2 = item("c2").unwrap();
        assert_eq!(
            (c2.priority, c2.votes, c2.owner.as_str(), c2.status),
            (Priority::High, Some(5), "Laura", Status::Planned)
        );
        assert_eq!(item("c4").map(|i| (i.priority, i.votes)), Some((Priority::Medium, Some(4))));
        assert_eq!(item("c3").map(|i| (i.priority, i.votes)), Some((Priority::Low, Some(3))));
        assert_eq!(item("c1"), None, "fourth place stays out of a top 3");
        inverse.apply(&mut m).unwrap();
        assert_eq!(m, original, "one undo step takes it all back");
        assert!(vote_results_to_plan(&m, &VoteId::new("nope"), 3).is_none());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_template_on_a_blank_map_is_one_step_that_undoes_to_the_blank_map() {
        use crate::presets::Preset;
        let blank = Preset::Blank.new_map(crate::model::Language::Finnish);
        let mut map = blank.clone();
        let undo = super::add_template(&map, Preset::ServiceVisit).unwrap().apply(&mut map).unwrap();
        assert!(map.validate().is_empty());
        let template = Preset::ServiceVisit.new_map(crate::model::Language::Finnish);
        let names = |m: &crate::model::JourneyMap| m.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&map), names(&template));
        assert_eq!(map.cards.len(), template.cards.len(), "the touchpoints come along");
        assert_eq!(map.lanes, template.lanes, "a blank map's untouched lanes give way to the template's");
        undo.apply(&mut map).unwrap();
        assert_eq!(map, blank);

        // Lanes the user has changed are theirs: they stay, and the touchpoints find theirs.
        let mut own = blank.clone();
        own.lanes[0].title = "Asiakas".into();
        super::add_template(&own, Preset::ServiceVisit).unwrap().apply(&mut own).unwrap();
        assert_eq!(own.lanes[0].title, "Asiakas");
        assert_eq!(own.lanes.len(), blank.lanes.len());
        assert_eq!(own.cards.len(), template.cards.len());

        // A map whose lanes were all deleted gets the template's, and ids in use are renumbered.
        let mut bare = crate::model::JourneyMap::new("Bare");
        super::add_template(&bare, Preset::Funnel).unwrap().apply(&mut bare).unwrap();
        super::add_template(&bare, Preset::Funnel).unwrap().apply(&mut bare).unwrap();
        assert_eq!((bare.stages.len(), bare.lanes.len()), (10, 8));
        assert!(bare.validate().is_empty());
    }

    use super::*;
    use crate::edit::History;
    use crate::model::*;

    fn map() -> JourneyMap {
        let mut m = crate::presets::Preset::Funnel.new_map(Language::English);
        for (i, (s, l)) in
            [("awareness", "does"), ("awareness", "does"), ("purchase", "touchpoints")].iter().enumerate()
        {
            let mut c = Card::new(format!("c{i}"), *s, *l, format!("Card {i}"));
            c.position = i as u32;
            m.cards.push(c);
        }
        m.arrows.push(Arrow {
            id: ArrowId::new("a1"),
            from: CardId::new("c0"),
            to: CardId::new("c2"),
            kind: ArrowKind::Flow,
            label: String::new(),
            improvement: None,
        });
        m
    }

    #[test]
    fn moving_a_card_to_another_stage_renumbers_both_cells_and_undoes_exactly() {
        let mut m = map();
        let before = m.clone();
        let mut h = History::default();
        let cmd = move_card(&m, &CardId::new("c1"), &StageId::new("purchase"), &LaneId::new("touchpoints"), 0).unwrap();
        h.apply(&mut m, cmd).unwrap();
        let cell: Vec<&str> =
            m.cards_in(&StageId::new("purchase"), &LaneId::new("touchpoints")).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(cell, ["c1", "c2"]);
        assert_eq!(m.cards_in(&StageId::new("awareness"), &LaneId::new("does"))[0].position, 0);
        assert!(m.validate().is_empty());
        assert_eq!(h.undo_label(), Some(StepName::MoveCard));
        h.undo(&mut m);
        assert_eq!(m, before);
    }

    #[test]
    fn deleting_a_stage_takes_its_cards_and_their_arrows_and_undo_brings_all_back() {
        let mut m = map();
        let before = m.clone();
        let mut h = History::default();
        let cmd = delete_stage(&m, &StageId::new("awareness"));
        h.apply(&mut m, cmd).unwrap();
        assert!(m.stage(&StageId::new("awareness")).is_none());
        assert_eq!(m.cards.len(), 1);
        assert!(m.arrows.is_empty());
        assert!(m.validate().is_empty());
        assert_eq!(h.undo(&mut m), Some(StepName::DeleteStage));
        assert_eq!(m, before);
    }

    #[test]
    fn duplicating_puts_the_copy_right_after_the_original() {
        let mut m = map();
        let (cmd, ids) = duplicate_cards(&m, &BTreeSet::from([CardId::new("c0")]));
        cmd.apply(&mut m).unwrap();
        let cell: Vec<&str> =
            m.cards_in(&StageId::new("awareness"), &LaneId::new("does")).iter().map(|c| c.id.as_str()).collect();
        assert_eq!(cell, ["c0", ids[0].as_str(), "c1"]);
        assert!(m.validate().is_empty());
    }

    #[test]
    fn pasting_gives_fresh_ids_and_keeps_arrows_between_pasted_cards() {
        let mut m = map();
        let cards = vec![m.cards[0].clone(), m.cards[2].clone()];
        let arrows = m.arrows.clone();
        let (cmd, ids) = paste_cards(&m, &cards, &arrows, &StageId::new("retention"), &LaneId::new("pains"));
        cmd.apply(&mut m).unwrap();
        assert_eq!(ids.len(), 2);
        assert_eq!(m.arrows.len(), 2);
        assert!(m.validate().is_empty());
    }
}

/// Sets (or with `None` forgets) the priority of `channel`, keeping the others.
pub fn set_channel_priority(
    map: &JourneyMap,
    channel: &crate::model::Channel,
    priority: Option<crate::model::ChannelPriority>,
) -> Command {
    let mut plans: Vec<crate::model::ChannelPlan> =
        map.channels.iter().filter(|p| &p.channel != channel).cloned().collect();
    if let Some(priority) = priority {
        plans.push(crate::model::ChannelPlan { channel: channel.clone(), priority });
    }
    Command::SetChannelPlans(plans)
}
