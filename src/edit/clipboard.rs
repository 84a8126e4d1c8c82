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

/// Most cards one paste of plain text makes.
pub const MAX_PASTED_ROWS: usize = 500;

/// Plain text as cards to make, one per line: (title, body). A line copied from a spreadsheet
/// has its cells separated by tabs: the first cell is the title, the others the body, one per
/// line. Empty lines and cells are skipped; at most [`MAX_PASTED_ROWS`].
pub fn plain_rows(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| {
            let mut cells = line.split('\t').map(str::trim).filter(|c| !c.is_empty());
            let title: String = cells.next()?.chars().take(1000).collect();
            let body = cells.collect::<Vec<_>>().join("\n");
            Some((title, body))
        })
        .take(MAX_PASTED_ROWS)
        .collect()
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
mod plain_tests {
    use super::*;

    #[test]
    fn each_line_of_plain_text_becomes_a_card_and_spreadsheet_cells_its_body() {
        let rows =
            plain_rows("Soittaa vastaanottoon\n\n  Jonottaa 20 min \nLasku\tTulee viikon päästä\t\tpaperilla\r\n");
        assert_eq!(
            rows,
            vec![
                ("Soittaa vastaanottoon".to_owned(), String::new()),
                ("Jonottaa 20 min".to_owned(), String::new()),
                ("Lasku".to_owned(), "Tulee viikon päästä\npaperilla".to_owned()),
            ]
        );
        assert!(plain_rows(" \n\t\n").is_empty());
        assert_eq!(plain_rows(&"x\n".repeat(MAX_PASTED_ROWS + 10)).len(), MAX_PASTED_ROWS);
    }
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
