//! Cards: the notes, touchpoints, pains and ideas in a map's cells.

use super::{CardId, Channel, Emotion, Evidence, Improvement, LaneId, StageId, ValueType};
use serde::{Deserialize, Serialize};

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
    #[serde(default)]
    pub emotion: Option<Emotion>,
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
            emotion: None,
            marker: None,
            improvement: None,
            tags: Vec::new(),
            evidence: None,
            values: Vec::new(),
        }
    }
}
