//! The map's header: title, goal and facts on the left, the persona cards on the right, side
//! by side (narrower, with their lists in one column, when there are three or more).

use super::{Cast, Measure, TextRun, Words};
use crate::model::{JourneyMap, Persona};
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
    /// The persona cards, left to right (blank personas have none).
    pub personas: Vec<PersonaLayout>,
}

/// A persona card.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonaLayout {
    pub rect: Rect,
    /// The persona's place in the map, when the map has several: its colour and marker.
    pub place: Option<usize>,
    pub label: TextRun,
    pub name: TextRun,
    pub role: TextRun,
    pub quote: TextRun,
    pub background: TextRun,
    /// Headings and bullet lists (goals, motivations, challenges, preferences).
    pub lists: Vec<(TextRun, TextRun)>,
}

/// Room between persona cards.
const PERSONA_GAP: f32 = 20.0;

/// The width of one persona card when `count` are shown.
fn card_width(t: &Theme, count: usize) -> f32 {
    match count {
        0 | 1 => t.persona_width,
        2 => (t.persona_width * 0.7).round(),
        _ => (t.persona_width * 0.48).round(),
    }
}

/// Persona cards a row holds at least, before the map is widened for more.
const MIN_PER_ROW: usize = 3;
/// The room the title, goal and facts keep to the left of the persona cards.
const TITLE_ROOM: f32 = 600.0;

/// The narrowest the persona cards of `map` can be laid out: up to three side by side, more
/// rows below (0 when there are none to draw). The map is at least this wide.
pub(super) fn personas_width(map: &JourneyMap, t: &Theme) -> f32 {
    let n = map.personas.iter().filter(|p| !p.is_blank()).count();
    let per_row = n.min(MIN_PER_ROW);
    if n == 0 { 0.0 } else { per_row as f32 * card_width(t, n) + (per_row - 1) as f32 * PERSONA_GAP }
}

/// How many persona cards a row holds on a map `width` wide: as many as fit beside the
/// title, never fewer than three (the map was made wide enough for them).
fn per_row(n: usize, card_w: f32, width: f32, t: &Theme) -> usize {
    let room = width - 2.0 * t.margin - TITLE_ROOM;
    let fit = ((room + PERSONA_GAP) / (card_w + PERSONA_GAP)).floor().max(0.0) as usize;
    fit.max(MIN_PER_ROW).min(n).max(1)
}

pub(super) fn layout_header(
    map: &JourneyMap,
    cast: &Cast,
    t: &Theme,
    w: &Words,
    m: &mut Measure<'_, '_>,
    width: f32,
) -> HeaderLayout {
    let drawn: Vec<&Persona> = map.personas.iter().filter(|p| !p.is_blank()).collect();
    let card_w = card_width(t, drawn.len());
    // Rows of cards from the block's left edge; a row starts below the tallest card above.
    let cols = per_row(drawn.len(), card_w, width, t);
    let row_w = cols as f32 * card_w + (cols.saturating_sub(1)) as f32 * PERSONA_GAP;
    let mut personas: Vec<PersonaLayout> = Vec::with_capacity(drawn.len());
    let mut top = t.margin;
    for row in drawn.chunks(cols) {
        let mut x = width - t.margin - row_w;
        let first = personas.len();
        for p in row {
            let place = cast.several().then(|| cast.place(&p.id));
            personas.push(persona_card(p, place, t, w, m, x, top, card_w));
            x += card_w + PERSONA_GAP;
        }
        top = personas[first..].iter().map(|p| p.rect.bottom()).fold(top, f32::max) + PERSONA_GAP;
    }
    let left = t.margin;
    let left_w = match personas.first() {
        Some(_) => width - t.margin - row_w - 40.0 - left,
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
    let bottom = personas.iter().map(|p| p.rect.bottom()).fold(y, f32::max);
    HeaderLayout {
        rect: Rect::from_min_max(pos2(t.margin, t.margin), pos2(width - t.margin, bottom)),
        title,
        goal,
        meta,
        description,
        personas,
    }
}

/// One persona's card at (`x`, `top`), `card_w` wide.
#[allow(clippy::too_many_arguments)]
fn persona_card(
    p: &Persona,
    place: Option<usize>,
    t: &Theme,
    w: &Words,
    m: &mut Measure<'_, '_>,
    x: f32,
    top: f32,
    card_w: f32,
) -> PersonaLayout {
    let pad = 16.0;
    let inner = card_w - 2.0 * pad;
    // Room before the label for the persona's marker, when the map has several.
    let mark = if place.is_some() { 18.0 } else { 0.0 };
    let left = x + pad;
    let mut y = top + pad;
    let accent = place.map_or(t.persona_accent, |i| t.persona_colour(i));
    let label = m.run(&w.persona.to_uppercase(), pos2(left + mark, y), t.small_size, true, accent, inner - mark);
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
    // A narrow card lists in one column.
    let columns = if card_w < t.persona_width * 0.6 { 1 } else { 2 };
    let col_w = (inner - 20.0 * (columns - 1) as f32) / columns as f32;
    let lists_src = [
        (w.goals, &p.goals),
        (w.motivations, &p.motivations),
        (w.challenges, &p.challenges),
        (w.preferences, &p.preferences),
    ];
    let mut lists = Vec::new();
    let present: Vec<_> = lists_src.iter().filter(|(_, items)| !items.is_empty()).collect();
    for pair in present.chunks(columns) {
        let mut row_h: f32 = 0.0;
        for (i, (heading, items)) in pair.iter().enumerate() {
            let cx = left + i as f32 * (col_w + 20.0);
            let h = m.run(&heading.to_uppercase(), pos2(cx, y), t.small_size - 0.5, true, accent, col_w);
            let text = items.iter().map(|s| format!("• {s}")).collect::<Vec<_>>().join("\n");
            let body = m.run(&text, pos2(cx, y + h.height() + 2.0), t.small_size, false, t.text, col_w);
            row_h = row_h.max(h.height() + 2.0 + body.height());
            lists.push((h, body));
        }
        y += row_h + 10.0;
    }
    let rect = Rect::from_min_size(pos2(x, top), vec2(card_w, y - top + pad - 10.0));
    PersonaLayout { rect, place, label, name, role, quote, background, lists }
}
