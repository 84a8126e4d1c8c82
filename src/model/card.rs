//! Cards: the notes, touchpoints, pains and ideas in a map's cells.

use super::{CardId, Channel, Emotion, Evidence, Improvement, LaneId, PersonaId, StageId, ValueType};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A symbol on a card that calls out what kind of insight it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Marker {
    Idea,
    PainPoint,
    MomentOfTruth,
    QuickWin,
}

/// One card in the cell where a stage (column) meets a lane (row).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: CardId,
    pub stage: StageId,
    pub lane: LaneId,
    /// Order within the cell: cards are shown by ascending position (ties keep file order).
    #[serde(default)]
    pub position: u32,
    pub title: String,
    #[serde(default)]
    pub body: String,
    /// Set on touchpoints: where the customer meets the organisation.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// The personas whose journey the card is on; empty (left out of the file): every persona's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<PersonaId>,
    /// How each persona feels here, −2 … +2; a persona without an entry has not rated it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub emotions: BTreeMap<PersonaId, Emotion>,
    /// How each persona should feel here once the improvements are made: the to-be curve.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub targets: BTreeMap<PersonaId, Emotion>,
    #[serde(default)]
    pub marker: Option<Marker>,
    /// Present when this card is an improvement in the action plan.
    #[serde(default)]
    pub improvement: Option<Improvement>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// How well research backs the card, and its sources; left out of the file when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// For needs and opportunities: the kinds of value they have for the customer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<ValueType>,
}

impl Card {
    /// A card with a title and nothing else set.
    pub fn new(
        id: impl Into<CardId>,
        stage: impl Into<StageId>,
        lane: impl Into<LaneId>,
        title: impl Into<String>,
    ) -> Card {
        Card {
            id: id.into(),
            stage: stage.into(),
            lane: lane.into(),
            position: 0,
            title: title.into(),
            body: String::new(),
            channel: None,
            personas: Vec::new(),
            emotions: BTreeMap::new(),
            targets: BTreeMap::new(),
            marker: None,
            improvement: None,
            tags: Vec::new(),
            evidence: None,
            values: Vec::new(),
        }
    }

    /// How `persona` feels at this card.
    pub fn emotion_of(&self, persona: &PersonaId) -> Option<Emotion> {
        self.emotions.get(persona).copied()
    }

    /// How `persona` should feel here (the to-be curve).
    pub fn target_of(&self, persona: &PersonaId) -> Option<Emotion> {
        self.targets.get(persona).copied()
    }

    /// Whether the card is on `persona`'s journey.
    pub fn is_on_journey_of(&self, persona: &PersonaId) -> bool {
        super::on_journey(&self.personas, persona)
    }

    /// Whether any persona has rated the card or set a target for it.
    pub fn has_ratings(&self) -> bool {
        !self.emotions.is_empty() || !self.targets.is_empty()
    }

    /// The card with `persona`'s rating set (or cleared with `None`).
    pub fn rated(mut self, persona: &PersonaId, emotion: Option<Emotion>) -> Card {
        match emotion {
            Some(e) => self.emotions.insert(persona.clone(), e),
            None => self.emotions.remove(persona),
        };
        self
    }
}
