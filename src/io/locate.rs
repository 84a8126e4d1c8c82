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
            ElementRef::Stage { .. } => "stages",
            ElementRef::Lane { .. } => "lanes",
            ElementRef::Card { .. } => "cards",
            ElementRef::Arrow { .. } => "arrows",
            ElementRef::Map => return None,
        };
        let mut places = self.found.iter().filter(|(l, i, _)| *l == list && i == id).map(|(_, _, at)| *at);
        if message.starts_with("another ") { places.nth(1) } else { places.next() }
    }
}

pub(super) fn locate_ids(text: &str) -> IdPlaces {
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
                    if d == 2 {
                        list = match name.as_str() {
                            "stages" => "stages",
                            "lanes" => "lanes",
                            "cards" => "cards",
                            "arrows" => "arrows",
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
                if pending_key.as_deref() == Some("id") && depth == 4 && !list.is_empty() {
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

#[cfg(test)]
mod tests {
    use super::*;

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
