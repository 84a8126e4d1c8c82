//! Finds where each element's `id: "…"` is written, so that validation problems found after
//! parsing can still point at a line and column of a hand-edited file.
//!
//! A small scanner over RON tokens: it tracks nesting, skips strings and comments, and
//! records `id: "x"` pairs with the top-level list (`stages`, `lanes`, `cards`, `arrows`) they
//! sit in.

use super::error::Located;
use crate::model::ElementRef;

/// Every `id: "…"` found, by list.
#[derive(Default)]
pub(super) struct IdPlaces {
    found: Vec<(&'static str, String, Located)>,
}

impl IdPlaces {
    /// Where the element's id is written; for a duplicate id, where it is written again.
    pub fn find(&self, element: &ElementRef, id: &str, message: &str) -> Option<Located> {
        let list = match element {
            ElementRef::Persona { .. } => "personas",
            ElementRef::Stage { .. } => "stages",
            ElementRef::Lane { .. } => "lanes",
            ElementRef::Card { .. } => "cards",
            ElementRef::Arrow { .. } => "arrows",
            ElementRef::Vote { .. } => "votes",
            ElementRef::Map => return None,
        };
        let mut places = self.found.iter().filter(|(l, i, _)| *l == list && i == id).map(|(_, _, at)| *at);
        if message.starts_with("another ") { places.nth(1) } else { places.next() }
    }
}

pub(super) fn locate_ids(text: &str) -> IdPlaces {
    // In a file, the map's fields sit inside the envelope and the map: two levels down.
    locate_ids_at(text, 2)
}

/// Like [`locate_ids`], for text whose map fields are `map_depth` levels down (1 for a map on
/// its own, such as a kept version).
pub(super) fn locate_ids_at(text: &str, map_depth: usize) -> IdPlaces {
    let mut places = IdPlaces::default();
    let mut depth = 0usize;
    let mut list: &'static str = "";
    let mut last_ident: Option<(String, usize)> = None; // identifier and the depth it was at
    let mut pending_key: Option<String> = None; // an identifier followed by ':'
    let (mut line, mut col) = (1usize, 1usize);
    let mut chars = text.chars().peekable();

    while let Some(c) = chars.next() {
        let here = Located { line, col };
        let advance = |c: char, line: &mut usize, col: &mut usize| {
            if c == '\n' {
                *line += 1;
                *col = 1;
            } else {
                *col += 1;
            }
        };
        advance(c, &mut line, &mut col);
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                pending_key = None;
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                pending_key = None;
            }
            ':' => {
                pending_key = last_ident.take().map(|(name, d)| {
                    if d == map_depth {
                        list = match name.as_str() {
                            "personas" => "personas",
                            "stages" => "stages",
                            "lanes" => "lanes",
                            "cards" => "cards",
                            "arrows" => "arrows",
                            "votes" => "votes",
                            _ => "",
                        };
                    }
                    name
                });
            }
            '"' => {
                let mut value = String::new();
                while let Some(s) = chars.next() {
                    advance(s, &mut line, &mut col);
                    match s {
                        '\\' => {
                            if let Some(e) = chars.next() {
                                advance(e, &mut line, &mut col);
                                value.push(e);
                            }
                        }
                        '"' => break,
                        other => value.push(other),
                    }
                }
                if pending_key.as_deref() == Some("id") && depth == map_depth + 2 && !list.is_empty() {
                    places.found.push((list, value, here));
                }
                pending_key = None;
            }
            '/' if chars.peek() == Some(&'/') => {
                for s in chars.by_ref() {
                    advance(s, &mut line, &mut col);
                    if s == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut prev = ' ';
                for s in chars.by_ref() {
                    advance(s, &mut line, &mut col);
                    if prev == '*' && s == '/' {
                        break;
                    }
                    prev = s;
                }
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut name = String::from(c);
                while let Some(&n) = chars.peek() {
                    if n.is_alphanumeric() || n == '_' {
                        name.push(n);
                        advance(n, &mut line, &mut col);
                        chars.next();
                    } else {
                        break;
                    }
                }
                last_ident = Some((name, depth));
            }
            _ => {}
        }
    }
    places
}

/// Where the field starting at byte `start` (`name: value,`) ends, with its comma and the
/// space after it, so that removing `start..end` leaves valid RON.
pub(super) fn field_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
        i += 1;
    }
    i = skip_space(text, i);
    if bytes.get(i) != Some(&b':') {
        return None;
    }
    i = skip_value(text, skip_space(text, i + 1))?;
    i = skip_space(text, i);
    if bytes.get(i) == Some(&b',') {
        i = skip_space(text, i + 1);
    }
    Some(i)
}

/// Skips whitespace and comments.
fn skip_space(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) == Some(&b'/') && b.get(i + 1) == Some(&b'/') {
            i = text[i..].find('\n').map_or(b.len(), |n| i + n + 1);
        } else if b.get(i) == Some(&b'/') && b.get(i + 1) == Some(&b'*') {
            i = text[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
        } else {
            return i;
        }
    }
}

/// Skips one RON value: a string, a bracketed group (with an identifier before it, as in
/// `Some(…)`), or a bare word or number.
fn skip_value(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = start;
    let mut depth = 0usize;
    loop {
        let c = *b.get(i)?;
        match c {
            b'"' => {
                i += 1;
                while *b.get(i)? != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
                i += 1;
            }
            b',' if depth == 0 => return Some(i),
            b'/' if matches!(b.get(i + 1), Some(b'/' | b'*')) => i = skip_space(text, i),
            _ => i += 1,
        }
        if depth == 0 && i > start && !matches!(b.get(i), Some(b'(' | b'[' | b'{')) {
            // A finished group or string, unless it is only the name before `(`.
            let done_group = matches!(b[i - 1], b')' | b']' | b'}' | b'"');
            if done_group {
                return Some(i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_ends_after_its_value_and_comma_whatever_the_value_holds() {
        let text = "(a: 1, extra: Some([(\"),\", 2)]) /* c */ , b: 2)";
        let start = text.find("extra").unwrap();
        let end = field_end(text, start).unwrap();
        assert_eq!(&text[end..], "b: 2)");
        let last = "(a: 1, extra: \"x\")";
        let start = last.find("extra").unwrap();
        assert_eq!(&last[field_end(last, start).unwrap()..], ")");
    }

    #[test]
    fn ids_are_found_in_their_own_list_and_not_in_others() {
        let text = "(\n  format_version: 1,\n  map: (\n    stages: [(id: \"x\", name: \"id: \\\"y\\\"\")],\n    // id: \"x\"\n    cards: [\n      (id: \"x\", stage: \"x\"),\n      (id: \"x\"),\n    ],\n  ),\n)";
        let places = locate_ids(text);
        let stage = ElementRef::Stage { id: "x".into(), name: String::new() };
        let card = ElementRef::Card { id: "x".into(), title: String::new() };
        assert_eq!(places.find(&stage, "x", ""), Some(Located { line: 4, col: 19 }));
        assert_eq!(places.find(&card, "x", ""), Some(Located { line: 7, col: 12 }));
        assert_eq!(
            places.find(&card, "x", "another card already has the id \"x\""),
            Some(Located { line: 8, col: 12 })
        );
    }
}
