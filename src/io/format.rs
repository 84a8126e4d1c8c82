//! The versioned file envelope: `(format_version: N, map: (…))`.
//!
//! The version comes first so that it can be read before anything else, and so that a file
//! from a newer Polku is recognised as such instead of being silently trimmed: serde skips
//! fields it does not know, and re-saving would lose them.

use super::error::SaveError;
use crate::model::JourneyMap;
use serde::{Deserialize, Serialize};

/// The file format this version of Polku writes, and the newest it reads.
///
/// 1: the map, its persona, stages, lanes, cards, arrows and improvement items.
/// 2: adds dot-vote rounds (`votes`), presentation options (`presentation`) and the votes an
///    improvement item got; unknown fields are refused instead of ignored.
/// 3: adds the channels a service journey needs (`FrontDesk`, `TextMessage`, `App`, `Letter`).
///    A Polku that reads only format 2 would stop at them with "unknown variant"; the new
///    number makes it say instead that the file is from a newer Polku.
/// 4: adds a SWOT analysis per stage (`swot: (strengths: […], weaknesses: […], opportunities:
///    […], threats: […])`), written only when a stage has one, and the `Swot` lane kind that
///    draws them on the map; a card's `evidence` (level and sources) and `values` (value
///    types), an improvement's `kind` (strategic or tactical), the map's `channels`
///    (priorities) and `review_interval_months`, each written only when set.
/// 5: several personas (`personas: [(id: "maija", …), …]` instead of `persona: (…)`); a card
///    names the personas whose journey it is on (`personas`, left out when it is everyone's),
///    and its `emotion` became `emotions` and `targets`, ratings by persona
///    (`{"maija": -1}`). Older files are migrated in code ([`super::v4`]).
/// 6: kept versions (`versions: [(name: "…", saved: "2026-12-02 14:05", map: (…))]`), last in
///    the map and written only when there are some. A format-5 file has none.
pub const CURRENT_VERSION: u32 = 6;

/// Only the version, read before the rest of the file.
#[derive(Deserialize)]
pub(super) struct VersionProbe {
    pub format_version: u32,
}

/// The current format, as written.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format_version: u32,
    map: &'a JourneyMap,
}

/// A whole file of the current format.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Envelope {
    /// Read first by [`VersionProbe`]; named here so that it is not an unknown field.
    #[serde(rename = "format_version")]
    _version: u32,
    pub map: JourneyMap,
}

/// The canonical text of a map: pretty RON, four-space indents, `\n` line ends.
///
/// Canonical means the same map always gives the same bytes, so files diff cleanly and
/// `polku fmt` is idempotent.
pub fn to_text(map: &JourneyMap) -> Result<String, SaveError> {
    let mut text = ron::ser::to_string_pretty(&EnvelopeOut { format_version: CURRENT_VERSION, map }, pretty())
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// The text a picture or PDF carries: the map without its kept versions. A report sent out
/// shows one state of the map; earlier drafts stay with the map file.
pub fn to_embedded_text(map: &JourneyMap) -> Result<String, SaveError> {
    if map.versions.is_empty() { to_text(map) } else { to_text(&JourneyMap { versions: Vec::new(), ..map.clone() }) }
}

/// How map text is laid out, here and in kept versions.
pub(super) fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new().new_line("\n").indentor("    ").struct_names(false).escape_strings(true)
}
