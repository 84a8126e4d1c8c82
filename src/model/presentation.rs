//! How the map is presented in a workshop: saved with the map, so the facilitator prepares it
//! once and the room sees the same thing every time.

use serde::{Deserialize, Serialize};

/// Presentation options of a map.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresentationSettings {
    /// Reveal a stage's lanes one at a time (Page Down shows the next lane) instead of all at
    /// once, so the room discusses one row before seeing the next.
    #[serde(default)]
    pub reveal_lanes: bool,
}
