//! Stages: the columns of the timeline.

use super::StageId;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An sRGB colour, saved as `"#RRGGBB"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    /// Parses `#RRGGBB` (either case).
    pub fn parse(s: &str) -> Option<Colour> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Colour { r: byte(0)?, g: byte(2)?, b: byte(4)? })
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

impl TryFrom<String> for Colour {
    type Error = String;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Colour::parse(&s).ok_or_else(|| format!("\"{s}\" is not a colour written as \"#RRGGBB\""))
    }
}

impl From<Colour> for String {
    fn from(c: Colour) -> String {
        c.to_string()
    }
}

/// The colours stages take by default (Tableau 10's first eight: distinct and calm, legible
/// behind dark text when lightened), in order.
pub const STAGE_COLOURS: [Colour; 8] = [
    Colour { r: 0x4E, g: 0x79, b: 0xA7 },
    Colour { r: 0xF2, g: 0x8E, b: 0x2B },
    Colour { r: 0x59, g: 0xA1, b: 0x4F },
    Colour { r: 0xB0, g: 0x7A, b: 0xA1 },
    Colour { r: 0x76, g: 0xB7, b: 0xB2 },
    Colour { r: 0xED, g: 0xC9, b: 0x48 },
    Colour { r: 0xE1, g: 0x57, b: 0x59 },
    Colour { r: 0x9C, g: 0x75, b: 0x5F },
];

impl Colour {
    /// The default colour of the stage at `index` when it has none of its own.
    pub fn for_stage(index: usize) -> Colour {
        STAGE_COLOURS[index % STAGE_COLOURS.len()]
    }

    /// A colour for a new stage of a map whose stages have `taken`: the first default colour
    /// no stage has yet (the one after the last, when all are taken).
    pub fn for_new_stage(taken: &[Option<Colour>]) -> Colour {
        STAGE_COLOURS
            .iter()
            .copied()
            .find(|c| !taken.contains(&Some(*c)))
            .unwrap_or_else(|| Colour::for_stage(taken.len()))
    }
}

/// One step of the journey, a column on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: StageId,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Colour of the stage's band on the timeline; the theme picks one when absent.
    #[serde(default)]
    pub colour: Option<Colour>,
    /// Relative width: a stage of weight 2 is twice as wide as one of weight 1.
    #[serde(default = "Stage::default_width")]
    pub width: f32,
    /// The stage's SWOT analysis; left out of the file while empty.
    #[serde(default, skip_serializing_if = "super::Swot::is_empty")]
    pub swot: super::Swot,
}

impl Stage {
    /// Smallest and largest width weight accepted.
    pub const WIDTH_RANGE: std::ops::RangeInclusive<f32> = 0.25..=8.0;

    pub(crate) fn default_width() -> f32 {
        1.0
    }

    /// A stage with a name and default width.
    pub fn new(id: impl Into<StageId>, name: impl Into<String>) -> Stage {
        Stage {
            id: id.into(),
            name: name.into(),
            description: String::new(),
            colour: None,
            width: 1.0,
            swot: super::Swot::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_round_trip_through_hex_text() {
        let c = Colour::parse("#1a2B3c").unwrap();
        assert_eq!(c, Colour { r: 0x1a, g: 0x2b, b: 0x3c });
        assert_eq!(c.to_string(), "#1A2B3C");
        assert!(Colour::parse("1a2b3c").is_none());
        assert!(Colour::parse("#12").is_none());
        assert!(Colour::parse("#12345g").is_none());
        assert!(Colour::parse("#ääää").is_none());
    }
}
