//! The persona whose journey the map follows.

use serde::{Deserialize, Serialize};

/// The persona card: who the customer is and what drives them.
///
/// The list fields are bullet points, shown one per line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub motivations: Vec<String>,
    #[serde(default)]
    pub challenges: Vec<String>,
    #[serde(default)]
    pub preferences: Vec<String>,
    /// Path of a photo, relative to the map file. Reserved: not drawn yet.
    #[serde(default)]
    pub photo: Option<String>,
}
