//! How the customer feels at a touchpoint, and how a map shows it.

use serde::{Deserialize, Serialize};

/// An emotion rating from −2 (very negative) to +2 (very positive).
///
/// Saved as a plain integer; a value outside the scale is refused when the file is read,
/// with its line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i8")]
pub struct Emotion(i8);

impl Emotion {
    pub const MIN: i8 = -2;
    pub const MAX: i8 = 2;

    /// The rating, if `value` is on the −2…+2 scale.
    pub fn new(value: i8) -> Option<Emotion> {
        (Self::MIN..=Self::MAX).contains(&value).then_some(Emotion(value))
    }

    /// The rating as a number from −2 to +2.
    pub fn value(self) -> i8 {
        self.0
    }

    /// The rating as an index into a five-step scale (0 = −2 … 4 = +2).
    pub fn index(self) -> usize {
        // In range by construction: 0..=4.
        (self.0 - Self::MIN) as usize
    }
}

impl TryFrom<i64> for Emotion {
    type Error = String;

    fn try_from(v: i64) -> Result<Self, Self::Error> {
        i8::try_from(v).ok().and_then(Emotion::new).ok_or_else(|| format!("emotion {v} is outside the scale -2…2"))
    }
}

impl From<Emotion> for i8 {
    fn from(e: Emotion) -> i8 {
        e.0
    }
}

/// How emotions are drawn on this map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EmotionDisplay {
    /// Smiley faces only.
    Smileys,
    /// Colour codes only (the curve's points still differ in shape).
    Colours,
    /// Faces filled with the colour code.
    #[default]
    Both,
}

/// The map's emotion scale: how it is drawn and what each step is called.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmotionSettings {
    #[serde(default)]
    pub display: EmotionDisplay,
    /// Names of the five steps from −2 to +2 ("turhautunut" … "innostunut").
    #[serde(default = "EmotionSettings::default_labels")]
    pub labels: [String; 5],
}

impl EmotionSettings {
    /// English step names.
    pub fn english_labels() -> [String; 5] {
        ["Frustrated", "Unhappy", "Neutral", "Pleased", "Delighted"].map(String::from)
    }

    /// Finnish step names.
    pub fn finnish_labels() -> [String; 5] {
        ["Turhautunut", "Tyytymätön", "Neutraali", "Tyytyväinen", "Innostunut"].map(String::from)
    }

    fn default_labels() -> [String; 5] {
        Self::english_labels()
    }
}

impl Default for EmotionSettings {
    fn default() -> Self {
        EmotionSettings { display: EmotionDisplay::default(), labels: Self::default_labels() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_minus_two_to_plus_two_are_emotions() {
        assert!(Emotion::new(-3).is_none());
        assert!(Emotion::new(3).is_none());
        assert_eq!(Emotion::new(-2).map(Emotion::index), Some(0));
        assert_eq!(Emotion::new(2).map(Emotion::index), Some(4));
        assert!(Emotion::try_from(1000i64).is_err());
    }
}
