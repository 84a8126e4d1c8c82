//! Lanes: the rows of a map (does, thinks, feels, touchpoints, …).

use super::LaneId;
use serde::{Deserialize, Serialize};

/// What a lane holds, which decides how its cells are drawn and edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LaneKind {
    /// Cards of notes: what the customer does, thinks or feels, backstage, KPIs…
    Notes,
    /// Touchpoint cards, each with a channel and an emotion.
    Touchpoints,
    /// Draws the emotion curve through every rated card; holds no cards of its own.
    EmotionCurve,
    /// Pain-point cards.
    PainPoints,
    /// Opportunity and improvement-idea cards.
    Opportunities,
    /// Free text per stage, shown as plain paragraphs without card frames ("our goal").
    Text,
    /// Draws each stage's SWOT analysis as a 2×2 grid; holds no cards of its own.
    Swot,
}

impl LaneKind {
    /// Every kind, in palette order.
    pub const ALL: [LaneKind; 7] = [
        LaneKind::Notes,
        LaneKind::Touchpoints,
        LaneKind::EmotionCurve,
        LaneKind::PainPoints,
        LaneKind::Opportunities,
        LaneKind::Text,
        LaneKind::Swot,
    ];

    /// Whether cards may be placed in lanes of this kind.
    pub fn holds_cards(self) -> bool {
        !matches!(self, LaneKind::EmotionCurve | LaneKind::Swot)
    }
}

/// A row of the map.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lane {
    pub id: LaneId,
    pub title: String,
    pub kind: LaneKind,
}

impl Lane {
    /// A lane with a title and kind.
    pub fn new(id: impl Into<LaneId>, title: impl Into<String>, kind: LaneKind) -> Lane {
        Lane { id: id.into(), title: title.into(), kind }
    }
}
