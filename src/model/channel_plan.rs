//! Which channels matter now and which can wait (seed 004: "which channels matter most now,
//! which can wait; what is realistic with the time and skills at hand").

use super::Channel;
use serde::{Deserialize, Serialize};

/// How much a channel matters for the next round of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ChannelPriority {
    Now,
    Later,
    NotUsed,
}

impl ChannelPriority {
    pub const ALL: [ChannelPriority; 3] = [ChannelPriority::Now, ChannelPriority::Later, ChannelPriority::NotUsed];

    pub fn name(self, finnish: bool) -> &'static str {
        match (self, finnish) {
            (ChannelPriority::Now, false) => "Now",
            (ChannelPriority::Later, false) => "Later",
            (ChannelPriority::NotUsed, false) => "Not used",
            (ChannelPriority::Now, true) => "Nyt",
            (ChannelPriority::Later, true) => "Myöhemmin",
            (ChannelPriority::NotUsed, true) => "Ei käytössä",
        }
    }
}

/// A channel's priority, as the map records it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelPlan {
    pub channel: Channel,
    pub priority: ChannelPriority,
}

/// Whether an action is continuous strategic work or a short-term tactical one (seed 004).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActionKind {
    /// Continuous, strategic work (content, community, data).
    Strategic,
    /// A short-term, tactical action (a campaign, a fix).
    Tactical,
}

impl ActionKind {
    pub const ALL: [ActionKind; 2] = [ActionKind::Strategic, ActionKind::Tactical];

    pub fn name(self, finnish: bool) -> &'static str {
        match (self, finnish) {
            (ActionKind::Strategic, false) => "Continuous strategic",
            (ActionKind::Tactical, false) => "Short-term tactical",
            (ActionKind::Strategic, true) => "Jatkuva strateginen",
            (ActionKind::Tactical, true) => "Lyhyen aikavälin taktinen",
        }
    }

    /// One letter for tight places: S / T (the same in Finnish: strateginen, taktinen).
    pub fn letter(self) -> &'static str {
        match self {
            ActionKind::Strategic => "S",
            ActionKind::Tactical => "T",
        }
    }
}
