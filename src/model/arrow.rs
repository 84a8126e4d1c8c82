//! Arrows between cards: improvements and the flow of the journey.

use super::{ArrowId, CardId, Improvement};
use serde::{Deserialize, Serialize};

/// What an arrow means, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ArrowKind {
    /// From a problem to the idea that fixes it; drawn bold and coloured.
    Improvement,
    /// The customer's path from one touchpoint to the next; drawn thin.
    Flow,
}

/// An arrow from one card to another.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrow {
    pub id: ArrowId,
    pub from: CardId,
    pub to: CardId,
    pub kind: ArrowKind,
    #[serde(default)]
    pub label: String,
    /// Present when this arrow is an improvement in the action plan.
    #[serde(default)]
    pub improvement: Option<Improvement>,
}
