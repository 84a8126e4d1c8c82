//! The versioned file envelope: `(format_version: N, map: (…))`.
//!
//! The version comes first so that it can be read before anything else, and so that a file
//! from a newer Polku is recognised as such instead of being silently trimmed: serde skips
//! fields it does not know, and re-saving would lose them.

use super::error::SaveError;
use crate::model::JourneyMap;
use serde::{Deserialize, Serialize};

/// The file format this version of Polku writes, and the newest it reads.
pub const CURRENT_VERSION: u32 = 1;

/// Only the version, read before the rest of the file.
#[derive(Deserialize)]
pub(super) struct VersionProbe {
    pub format_version: u32,
}

/// Format 1, the current one.
#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format_version: u32,
    map: &'a JourneyMap,
}

#[derive(Deserialize)]
pub(super) struct EnvelopeV1 {
    pub map: JourneyMap,
}

/// The canonical text of a map: pretty RON, four-space indents, `\n` line ends.
///
/// Canonical means the same map always gives the same bytes, so files diff cleanly and
/// `polku fmt` is idempotent.
pub fn to_text(map: &JourneyMap) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new().new_line("\n").indentor("    ").struct_names(false).escape_strings(true);
    let mut text = ron::ser::to_string_pretty(&EnvelopeOut { format_version: CURRENT_VERSION, map }, config)
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}
