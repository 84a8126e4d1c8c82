//! Dot voting: a workshop's rounds of "which of these matter most?", with the dots each card got.

use super::{CardId, Date, JourneyMap, LaneKind, Marker, VoteId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which cards may receive dots in a round.
///
/// Scopes name kinds of card rather than lanes by id, so a round never refers to a lane
/// that could be deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VoteScope {
    /// Every card on the map.
    #[default]
    AllCards,
    /// Cards in pain-point lanes, and cards marked as a pain point.
    PainPoints,
    /// Cards in opportunity lanes, and cards marked as an idea or a quick win.
    Opportunities,
    /// Cards in touchpoint lanes.
    Touchpoints,
}

impl VoteScope {
    /// Every scope, in the order the vote dialog offers them.
    pub const ALL: [VoteScope; 4] =
        [VoteScope::PainPoints, VoteScope::Opportunities, VoteScope::Touchpoints, VoteScope::AllCards];

    /// Whether the card `id` of `map` may receive dots.
    pub fn admits(self, map: &JourneyMap, id: &CardId) -> bool {
        map.card(id).is_some_and(|card| self.admits_card(map, card))
    }

    /// Whether `card` (of `map`) may receive dots; for going through many cards at once.
    pub fn admits_card(self, map: &JourneyMap, card: &super::Card) -> bool {
        let lane = map.lane(&card.lane).map(|l| l.kind);
        match self {
            VoteScope::AllCards => true,
            VoteScope::PainPoints => lane == Some(LaneKind::PainPoints) || card.marker == Some(Marker::PainPoint),
            VoteScope::Opportunities => {
                lane == Some(LaneKind::Opportunities) || matches!(card.marker, Some(Marker::Idea | Marker::QuickWin))
            }
            VoteScope::Touchpoints => lane == Some(LaneKind::Touchpoints),
        }
    }
}

/// One round of dot voting.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteRound {
    pub id: VoteId,
    /// What the room was asked ("Which pain points hurt the most?").
    pub question: String,
    /// The day the round was held.
    pub date: Date,
    #[serde(default)]
    pub scope: VoteScope,
    /// Dots each participant may place.
    pub dots_per_person: u8,
    /// How many people vote, when known: with it the room sees how many dots are left.
    #[serde(default)]
    pub voters: Option<u16>,
    /// Dots per card; cards without dots are left out.
    #[serde(default)]
    pub dots: BTreeMap<CardId, u32>,
    /// Ended rounds are frozen: no more dots.
    #[serde(default)]
    pub closed: bool,
}

impl VoteRound {
    /// Largest number of dots per person accepted.
    pub const MAX_DOTS_PER_PERSON: u8 = 20;
    /// Largest number of voters accepted.
    pub const MAX_VOTERS: u16 = 500;

    /// Every dot placed so far.
    pub fn total(&self) -> u32 {
        self.dots.values().sum()
    }

    /// How many dots the room may place in all, when the number of voters is known.
    pub fn budget(&self) -> Option<u32> {
        self.voters.map(|v| u32::from(v) * u32::from(self.dots_per_person))
    }

    /// The dots of one card.
    pub fn dots_of(&self, id: &CardId) -> u32 {
        self.dots.get(id).copied().unwrap_or(0)
    }

    /// This round with `delta` dots more (or fewer) on card `id`; never below zero, and never
    /// past the budget. `None` when nothing would change.
    pub fn with_dots(&self, id: &CardId, delta: i32) -> Option<VoteRound> {
        let now = self.dots_of(id);
        let mut wanted = (i64::from(now) + i64::from(delta)).max(0) as u32;
        if let Some(budget) = self.budget() {
            let others = self.total() - now;
            wanted = wanted.min(budget.saturating_sub(others).max(now.min(wanted)));
        }
        if wanted == now {
            return None;
        }
        let mut next = self.clone();
        if wanted == 0 {
            next.dots.remove(id);
        } else {
            next.dots.insert(id.clone(), wanted);
        }
        Some(next)
    }

    /// The cards with dots, most dots first; ties in the map's card order.
    pub fn ranking<'m>(&self, map: &'m JourneyMap) -> Vec<(&'m super::Card, u32)> {
        let mut ranked: Vec<(&super::Card, u32)> =
            map.cards.iter().filter_map(|c| self.dots.get(&c.id).map(|n| (c, *n))).filter(|(_, n)| *n > 0).collect();
        // A stable sort keeps map order among equal counts.
        ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
        ranked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Card, Lane, Stage};

    fn map() -> JourneyMap {
        let mut m = JourneyMap::new("t");
        m.stages.push(Stage::new("s", "S"));
        m.lanes.push(Lane::new("p", "Pains", LaneKind::PainPoints));
        m.lanes.push(Lane::new("d", "Does", LaneKind::Notes));
        m.cards.push(Card::new("c1", "s", "p", "Slow"));
        m.cards.push(Card::new("c2", "s", "d", "Calls"));
        let mut marked = Card::new("c3", "s", "d", "Waits");
        marked.marker = Some(Marker::PainPoint);
        m.cards.push(marked);
        m
    }

    fn round(voters: Option<u16>) -> VoteRound {
        VoteRound {
            id: VoteId::new("v1"),
            question: "?".into(),
            date: Date { year: 2026, month: 12, day: 1 },
            scope: VoteScope::PainPoints,
            dots_per_person: 3,
            voters,
            dots: BTreeMap::new(),
            closed: false,
        }
    }

    #[test]
    fn the_pain_point_scope_takes_pain_lanes_and_pain_markers() {
        let m = map();
        let admitted: Vec<&str> =
            m.cards.iter().filter(|c| VoteScope::PainPoints.admits(&m, &c.id)).map(|c| c.id.as_str()).collect();
        assert_eq!(admitted, ["c1", "c3"]);
        assert!(VoteScope::AllCards.admits(&m, &CardId::new("c2")));
        assert!(!VoteScope::AllCards.admits(&m, &CardId::new("ghost")));
    }

    #[test]
    fn dots_never_go_below_zero_nor_past_the_rooms_budget() {
        let r = round(Some(2)); // 6 dots in all
        assert_eq!(r.with_dots(&CardId::new("c1"), -1), None);
        let r = r.with_dots(&CardId::new("c1"), 5).unwrap();
        assert_eq!(r.total(), 5);
        let r = r.with_dots(&CardId::new("c3"), 4).unwrap();
        assert_eq!(r.dots_of(&CardId::new("c3")), 1, "only one dot was left");
        assert_eq!(r.with_dots(&CardId::new("c3"), 1), None);
        let r = r.with_dots(&CardId::new("c1"), -5).unwrap();
        assert!(!r.dots.contains_key(&CardId::new("c1")), "a card at zero dots is dropped");
    }

    #[test]
    fn the_ranking_puts_most_dots_first_and_keeps_map_order_in_ties() {
        let m = map();
        let mut r = round(None);
        r.dots.insert(CardId::new("c3"), 2);
        r.dots.insert(CardId::new("c1"), 2);
        r.dots.insert(CardId::new("c2"), 5);
        let ids: Vec<&str> = r.ranking(&m).iter().map(|(c, _)| c.id.as_str()).collect();
        assert_eq!(ids, ["c2", "c1", "c3"]);
    }
}
