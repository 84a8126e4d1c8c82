//! The whole document: its personas' journeys through ordered stages and lanes.

use super::{
    Arrow, ArrowId, Card, CardId, Date, EmotionSettings, Lane, LaneId, Persona, PersonaId, PresentationSettings, Stage,
    StageId, VoteId, VoteRound,
};
use serde::{Deserialize, Serialize};

/// The language of a map's own built-in words (default lane names, emotion labels).
///
/// The user interface language is a preference of the app, not of the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    #[default]
    English,
    Finnish,
}

/// A customer journey map.
///
/// Stages and lanes are ordered as shown; cards and arrows are kept in file order, which
/// makes saving deterministic (the same map always gives the same bytes).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JourneyMap {
    pub title: String,
    /// The goal or scenario: what the persona is trying to achieve on this journey.
    #[serde(default)]
    pub goal: String,
    /// The customer segment the persona stands for.
    #[serde(default)]
    pub segment: String,
    #[serde(default)]
    pub description: String,
    /// When the team last checked the map against reality.
    #[serde(default)]
    pub last_reviewed: Option<Date>,
    /// How often the map should be reviewed, in months (1–36); `None`: every six months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_interval_months: Option<u8>,
    #[serde(default)]
    pub language: Language,
    /// Whose journeys the map follows, in the order they are shown; each has a colour and a
    /// marker shape by its place in this list.
    #[serde(default)]
    pub personas: Vec<Persona>,
    #[serde(default)]
    pub emotions: EmotionSettings,
    #[serde(default)]
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub lanes: Vec<Lane>,
    #[serde(default)]
    pub cards: Vec<Card>,
    #[serde(default)]
    pub arrows: Vec<Arrow>,
    /// Dot-voting rounds held on this map, oldest first.
    #[serde(default)]
    pub votes: Vec<VoteRound>,
    #[serde(default)]
    pub presentation: PresentationSettings,
    /// The channels' priorities (now / later / not used); left out of the file while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<super::ChannelPlan>,
    /// Named copies of the map kept in its file (File → Save version…), oldest first; last in
    /// the file, and left out of it while there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<super::KeptVersion>,
}

impl JourneyMap {
    /// An empty map with a title and one persona, not filled in yet (`p1`).
    pub fn new(title: impl Into<String>) -> JourneyMap {
        JourneyMap { title: title.into(), personas: vec![Persona::new("p1", "")], ..JourneyMap::default() }
    }

    /// The stage with this id.
    pub fn stage(&self, id: &StageId) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    /// The lane with this id.
    pub fn lane(&self, id: &LaneId) -> Option<&Lane> {
        self.lanes.iter().find(|l| &l.id == id)
    }

    /// The card with this id.
    pub fn card(&self, id: &CardId) -> Option<&Card> {
        self.cards.iter().find(|c| &c.id == id)
    }

    /// The arrow with this id.
    pub fn arrow(&self, id: &ArrowId) -> Option<&Arrow> {
        self.arrows.iter().find(|a| &a.id == id)
    }

    /// The persona with this id.
    pub fn persona(&self, id: &PersonaId) -> Option<&Persona> {
        self.personas.iter().find(|p| &p.id == id)
    }

    /// The place of the persona with this id in the list (it decides its colour and marker).
    pub fn persona_index(&self, id: &PersonaId) -> Option<usize> {
        self.personas.iter().position(|p| &p.id == id)
    }

    /// The first persona: the one a single-persona map is about, and who rates a card that
    /// is on everyone's journey when no persona is chosen.
    pub fn first_persona(&self) -> Option<&PersonaId> {
        self.personas.first().map(|p| &p.id)
    }

    /// Who a rating of `card` is for when `in_view` (a persona chosen in the persona bar, or
    /// `None` for all): the persona in view; else the card's only persona; else the first.
    pub fn rating_persona(&self, card: &Card, in_view: Option<&PersonaId>) -> Option<PersonaId> {
        if let Some(p) = in_view.filter(|p| self.persona(p).is_some()) {
            return Some(p.clone());
        }
        match card.personas.as_slice() {
            [only] => Some(only.clone()),
            _ => self.first_persona().cloned(),
        }
    }

    /// The personas whose journey `card` is on, in the map's order.
    pub fn personas_of<'a>(&'a self, card: &'a Card) -> impl Iterator<Item = (usize, &'a Persona)> + 'a {
        self.personas.iter().enumerate().filter(|(_, p)| card.is_on_journey_of(&p.id))
    }

    /// One persona's journey: the cards shared by every persona and that persona's own, the
    /// arrows between them, and only that persona (its ratings kept, the others' dropped).
    /// Stages, lanes and everything else stay as they are.
    pub fn journey_of(&self, persona: &PersonaId) -> JourneyMap {
        let mut map = self.clone();
        map.cards.retain(|c| c.is_on_journey_of(persona));
        for card in &mut map.cards {
            card.emotions.retain(|p, _| p == persona);
            card.targets.retain(|p, _| p == persona);
        }
        let kept: std::collections::HashSet<&CardId> = map.cards.iter().map(|c| &c.id).collect();
        let arrows = map.arrows.iter().filter(|a| kept.contains(&a.from) && kept.contains(&a.to)).cloned().collect();
        map.arrows = arrows;
        map.personas.retain(|p| &p.id == persona);
        map
    }

    /// The vote round with this id.
    pub fn vote(&self, id: &VoteId) -> Option<&VoteRound> {
        self.votes.iter().find(|v| &v.id == id)
    }

    /// The map without the lanes that show nothing: no card in any stage, or, for an emotion
    /// curve, no rated card to draw it through. For exports of a map whose template has lanes
    /// the workshop never filled.
    pub fn without_empty_lanes(&self) -> JourneyMap {
        JourneyMap {
            lanes: self.lanes.iter().filter(|l| self.lane_shows_something(l)).cloned().collect(),
            ..self.clone()
        }
    }

    /// Whether `lane` has a card, or, for an emotion curve, a rated card to draw it through,
    /// or, for a SWOT lane, a stage with a SWOT analysis.
    pub fn lane_shows_something(&self, lane: &super::Lane) -> bool {
        match lane.kind {
            super::LaneKind::EmotionCurve => self.cards.iter().any(Card::has_ratings),
            super::LaneKind::Swot => self.stages.iter().any(|s| !s.swot.is_empty()),
            _ => self.cards.iter().any(|c| c.lane == lane.id),
        }
    }

    /// The review interval of a map that does not say: six months.
    pub const DEFAULT_REVIEW_INTERVAL: u8 = 6;
    /// The intervals a map may set, in months.
    pub const REVIEW_INTERVALS: std::ops::RangeInclusive<u8> = 1..=36;

    /// How often the map should be reviewed, in months.
    pub fn review_interval(&self) -> u8 {
        self.review_interval_months.unwrap_or(Self::DEFAULT_REVIEW_INTERVAL)
    }

    /// When the map is next due for a review: its interval after the last review; `None` for
    /// a map never reviewed (nobody is reminded of a map just begun).
    pub fn review_due_on(&self) -> Option<Date> {
        self.last_reviewed.map(|d| d.plus_months(u32::from(self.review_interval())))
    }

    /// The priority recorded for `channel`.
    pub fn channel_priority(&self, channel: &super::Channel) -> Option<super::ChannelPriority> {
        self.channels.iter().find(|p| &p.channel == channel).map(|p| p.priority)
    }

    /// How many touchpoints research backs: the evidence summary.
    pub fn evidence_summary(&self) -> super::EvidenceSummary {
        let touchpoint_lanes: Vec<&super::LaneId> =
            self.lanes.iter().filter(|l| l.kind == super::LaneKind::Touchpoints).map(|l| &l.id).collect();
        let mut summary = super::EvidenceSummary::default();
        // A touchpoint is a card of a touchpoints lane: an idea that names its channel is not one.
        for card in self.cards.iter().filter(|c| touchpoint_lanes.contains(&&c.lane)) {
            summary.touchpoints += 1;
            match card.evidence.as_ref().map(|e| e.level) {
                Some(super::EvidenceLevel::Researched) => summary.researched += 1,
                Some(super::EvidenceLevel::PartlyBacked) => summary.partly += 1,
                Some(super::EvidenceLevel::Assumption) => summary.assumptions += 1,
                None => {}
            }
        }
        summary
    }

    /// The cards of one cell, in display order (by position, then file order).
    pub fn cards_in(&self, stage: &StageId, lane: &LaneId) -> Vec<&Card> {
        let mut cards: Vec<&Card> = self.cards.iter().filter(|c| &c.stage == stage && &c.lane == lane).collect();
        // A stable sort keeps file order among equal positions.
        cards.sort_by_key(|c| c.position);
        cards
    }
}
