//! The map's header: title, goal and facts on the left, the persona card on the right.

use super::{Measure, TextRun, Words};
use crate::model::JourneyMap;
use crate::theme::Theme;
use egui::{Rect, pos2, vec2};

/// The laid-out header.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderLayout {
    pub rect: Rect,
    pub title: TextRun,
    pub goal: TextRun,
    pub meta: TextRun,
    pub description: TextRun,
    pub persona: Option<PersonaLayout>,
}

/// The persona card.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonaLayout {
    pub rect: Rect,
    pub label: TextRun,
    pub name: TextRun,
    pub role: TextRun,
    pub quote: TextRun,
    pub background: TextRun,
    /// Headings and bullet lists (goals, motivations, challenges, preferences).
    pub lists: Vec<(TextRun, TextRun)>,
}

pub(super) fn layout_header(
    map: &JourneyMap,
    t: &Theme,
    w: &Words,
    m: &mut Measure<'_, '_>,
    width: f32,
) -> HeaderLayout {
    let persona = persona_card(map, t, w, m, width);
    let left = t.margin;
    let left_w = match &persona {
        Some(p) => p.rect.left() - 40.0 - left,
        None => width - 2.0 * t.margin,
    };
    let mut y = t.margin;
    let title = m.run(&map.title, pos2(left, y), t.title_size, true, t.text, left_w);
    y += title.height() + 8.0;
    let goal_text = if map.goal.is_empty() { String::new() } else { format!("{}: {}", w.goal, map.goal) };
    // A goal wraps like a paragraph: lines of a hundred characters or more are hard to read,
    // and a narrower block can be shown larger on a projector.
    let goal = m.run(&goal_text, pos2(left, y), t.heading_size - 1.0, false, t.text, left_w.min(t.persona_width * 1.4));
    if !goal.is_empty() {
        y += goal.height() + 8.0;
    }
    let mut facts = Vec::new();
    if !map.segment.is_empty() {
        facts.push(format!("{}: {}", w.segment, map.segment));
    }
    if let Some(d) = map.last_reviewed {
        facts.push(format!("{}: {}", w.reviewed, d.in_language(map.language)));
    }
    // Only a map that records evidence says how much of it is backed.
    let evidence = map.evidence_summary();
    if evidence.any() {
        facts.push(evidence.sentence(w.finnish()));
    }
    let meta = m.run(&facts.join("   ·   "), pos2(left, y), t.body_size, false, t.muted, left_w);
    if !meta.is_empty() {
        y += meta.height() + 8.0;
    }
    let description = m.run(&map.description, pos2(left, y), t.body_size, false, t.muted, left_w.min(760.0));
    y += description.height();
    let bottom = persona.as_ref().map_or(y, |p| p.rect.bottom().max(y));
    HeaderLayout {
        rect: Rect::from_min_max(pos2(t.margin, t.margin), pos2(width - t.margin, bottom)),
        title,
        goal,
        meta,
        description,
        persona,
    }
}

fn persona_card(map: &JourneyMap, t: &Theme, w: &Words, m: &mut Measure<'_, '_>, width: f32) -> Option<PersonaLayout> {
    let p = &map.persona;
    let empty = p.name.is_empty()
        && p.role.is_empty()
        && p.quote.is_empty()
        && p.background.is_empty()
        && [&p.goals, &p.motivations, &p.challenges, &p.preferences].iter().all(|l| l.is_empty());
    if empty {
        return None;
    }
    let pad = 16.0;
    let x = width - t.margin - t.persona_width;
    let inner = t.persona_width - 2.0 * pad;
    let left = x + pad;
    let mut y = t.margin + pad;
    let label = m.run(&w.persona.to_uppercase(), pos2(left, y), t.small_size, true, t.persona_accent, inner);
    y += label.height() + 4.0;
    let name = m.run(&p.name, pos2(left, y), t.heading_size + 2.0, true, t.text, inner);
    y += name.height();
    let role = m.run(&p.role, pos2(left, y), t.body_size, false, t.muted, inner);
    y += role.height() + 8.0;
    let quote_text =
        if p.quote.is_empty() { String::new() } else { format!("“{}”", p.quote.trim_matches(['"', '“', '”'])) };
    let quote = m.run(&quote_text, pos2(left, y), t.body_size + 0.5, false, t.text, inner);
    if !quote.is_empty() {
        y += quote.height() + 6.0;
    }
    let background = m.run(&p.background, pos2(left, y), t.small_size, false, t.muted, inner);
    if !background.is_empty() {
        y += background.height() + 10.0;
    }
    let col_w = (inner - 20.0) / 2.0;
    let lists_src = [
        (w.goals, &p.goals),
        (w.motivations, &p.motivations),
        (w.challenges, &p.challenges),
        (w.preferences, &p.preferences),
    ];
    let mut lists = Vec::new();
    let present: Vec<_> = lists_src.iter().filter(|(_, items)| !items.is_empty()).collect();
    for pair in present.chunks(2) {
        let mut row_h: f32 = 0.0;
        for (i, (heading, items)) in pair.iter().enumerate() {
            let cx = left + i as f32 * (col_w + 20.0);
            let h = m.run(&heading.to_uppercase(), pos2(cx, y), t.small_size - 0.5, true, t.persona_accent, col_w);
            let text = items.iter().map(|s| format!("• {s}")).collect::<Vec<_>>().join("\n");
            let body = m.run(&text, pos2(cx, y + h.height() + 2.0), t.small_size, false, t.text, col_w);
            row_h = row_h.max(h.height() + 2.0 + body.height());
            lists.push((h, body));
        }
        y += row_h + 10.0;
    }
    let rect = Rect::from_min_size(pos2(x, t.margin), vec2(t.persona_width, y - t.margin + pad - 10.0));
    Some(PersonaLayout { rect, label, name, role, quote, background, lists })
}
