//! Improvement items: the ideas on a map that become its action plan.

use super::Date;
use serde::{Deserialize, Serialize};

/// How urgent an improvement is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    High,
    #[default]
    Medium,
    Low,
}

impl Priority {
    /// Highest first, as lists and drop-downs show them.
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];
}

/// Where an improvement stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Idea,
    Planned,
    InProgress,
    Done,
}

impl Status {
    /// In the order work moves through them.
    pub const ALL: [Status; 4] = [Status::Idea, Status::Planned, Status::InProgress, Status::Done];
}

/// The action-plan fields of a card or arrow marked as an improvement.
///
/// Value and effort (1–5) are optional so that a team can prioritise either by a simple
/// high/medium/low or by a value × effort matrix.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Improvement {
    #[serde(default)]
    pub priority: Priority,
    #[serde(default)]
    pub value: Option<u8>,
    #[serde(default)]
    pub effort: Option<u8>,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub kpi: String,
    /// Dots the item got in a workshop's vote, when it came from one.
    #[serde(default)]
    pub votes: Option<u32>,
    /// Continuous strategic work or a short-term tactical action; left out when not said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<super::ActionKind>,
}
