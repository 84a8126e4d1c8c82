//! Cards on the clipboard: RON text any Polku (or a text editor) can read.

use crate::model::{Arrow, Card};
use serde::{Deserialize, Serialize};

/// Clipboard text longer than this is not parsed as cards (a pasted book is not a card set).
pub const MAX_PASTE: usize = 1024 * 1024;

#[derive(Serialize, Deserialize)]
struct ClipboardCards {
    polku_cards: Vec<Card>,
    #[serde(default)]
    arrows: Vec<Arrow>,
}

/// The text put on the clipboard for `cards` and the arrows between them.
pub fn to_text(cards: Vec<Card>, arrows: Vec<Arrow>) -> Option<String> {
    ron::ser::to_string_pretty(&ClipboardCards { polku_cards: cards, arrows }, ron::ser::PrettyConfig::default()).ok()
}

/// Cards and arrows from clipboard text, if it holds Polku cards. Never panics on any text.
pub fn parse(text: &str) -> Option<(Vec<Card>, Vec<Arrow>)> {
    if text.len() > MAX_PASTE {
        return None;
    }
    let clip = ron::Options::default().from_str::<ClipboardCards>(text).ok()?;
    Some((clip.polku_cards, clip.arrows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_cards_parse_back_and_other_text_does_not() {
        let card = Card::new("c1", "s", "l", "Kortti");
        let text = to_text(vec![card.clone()], vec![]).unwrap();
        assert_eq!(parse(&text).unwrap().0, vec![card]);
        assert!(parse("just a sentence").is_none());
        assert!(parse(&"[".repeat(10_000)).is_none());
    }
}
