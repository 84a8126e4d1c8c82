//! Stable, human-readable element ids.
//!
//! Ids are short strings (`"awareness"`, `"c12"`) rather than numbers so that a hand-written
//! file stays readable and a diff of two versions says which element changed. They are unique
//! per element kind and never reused for another element while the map lives.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// Longest id accepted; ids are keys, not prose.
pub const MAX_ID_LEN: usize = 64;

/// Whether `s` is a well-formed id: 1–64 ASCII letters, digits, `_`, `-` or `.`.
///
/// ASCII only so that ids survive any editor, shell or file system unchanged.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_ID_LEN
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Shared, not copied: a layout or an edit that keeps an element's id holds the same
        /// text, so cloning one is cheap and comparing it with itself does not read the text.
        #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Arc<str>);

        impl $name {
            /// Wraps a string as an id (validation happens in [`crate::model::JourneyMap::validate`]).
            pub fn new(s: impl Into<String>) -> Self {
                Self(Arc::from(s.into()))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(Arc::from(s))
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(Arc::from(s))
            }
        }
    };
}

id_type!(
    /// Identifies a [`crate::model::Stage`].
    StageId
);
id_type!(
    /// Identifies a [`crate::model::Lane`].
    LaneId
);
id_type!(
    /// Identifies a [`crate::model::Card`].
    CardId
);
id_type!(
    /// Identifies an [`crate::model::Arrow`].
    ArrowId
);
id_type!(
    /// Identifies a [`crate::model::VoteRound`].
    VoteId
);
id_type!(
    /// Identifies a [`crate::model::Persona`].
    PersonaId
);

/// Returns `prefix` followed by the smallest number that makes an id not in `taken`.
///
/// New elements get ids like `c42`; numbering continues past the largest so that an id
/// freed by a delete is not handed to a different element in the same session.
pub fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let mut max = 0u64;
    for id in taken {
        if let Some(n) = id.strip_prefix(prefix).and_then(|rest| rest.parse::<u64>().ok()) {
            max = max.max(n);
        }
    }
    format!("{prefix}{}", max.saturating_add(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_ascii_words_and_reject_spaces_and_finnish_letters() {
        assert!(is_valid_id("awareness"));
        assert!(is_valid_id("c-12_a.b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("two words"));
        assert!(!is_valid_id("harkinta-ä"));
        assert!(!is_valid_id(&"x".repeat(MAX_ID_LEN + 1)));
    }

    #[test]
    fn fresh_ids_continue_after_the_largest_number() {
        let taken = ["c1", "c7", "s3", "cx"];
        assert_eq!(fresh_id("c", taken.iter().copied()), "c8");
        assert_eq!(fresh_id("a", taken.iter().copied()), "a1");
    }
}
