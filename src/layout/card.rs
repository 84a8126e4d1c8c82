//! One card's box and contents.

use super::{CardLayout, Cast, Chip, Face, Measure, PlanBadge, TextRun, Words};
use crate::model::LaneKind;
use crate::theme::Theme;
use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// One card at `pos`, `width` wide; its height follows from its text.
#[allow(clippy::too_many_arguments)]
pub(super) fn layout_card(
    card: &crate::model::Card,
    cast: &Cast,
    lane_kind: LaneKind,
    pos: Pos2,
    width: f32,
    t: &Theme,
    words: &Words,
    m: &mut Measure<'_, '_>,
) -> CardLayout {
    let plain = lane_kind == LaneKind::Text;
    let pad = if plain { 2.0 } else { t.card_pad };
    let inner = width - 2.0 * pad - if plain { 0.0 } else { 4.0 };
    let left = pos.x + pad + if plain { 0.0 } else { 4.0 };
    let mut y = pos.y + pad;

    let shown_faces = cast.faces(card);
    let chip_places = cast.chips(card);
    let has_top = card.channel.is_some() || !shown_faces.is_empty() || card.marker.is_some() || !chip_places.is_empty();
    let mut channel = None;
    let mut faces = Vec::new();
    let mut chips = Vec::new();
    let mut marker = None;
    if has_top {
        let icon = 18.0;
        let face = 24.0;
        let right = pos.x + width - pad;
        let mut free_right = right;
        // Several ratings: smaller faces, right to left in reverse so they read in persona order.
        // Faces stand from the card's top-left corner, reckoned without `pos`: the same
        // wherever the card is.
        let size = if shown_faces.len() > 2 { 20.0 } else { face };
        let mut face_right = width - pad;
        for (emotion, persona) in shown_faces.into_iter().rev() {
            let rect = Rect::from_min_size(pos2(face_right - size, pad + (face - size) / 2.0), Vec2::splat(size));
            faces.push(Face { emotion, rect, persona });
            free_right -= size + 4.0;
            face_right -= size + 4.0;
        }
        faces.reverse();
        if !faces.is_empty() {
            free_right -= 2.0;
        }
        for place in chip_places.into_iter().rev() {
            let letter = cast.initial(place).to_string();
            let side = 18.0;
            let rect = Rect::from_min_size(pos2(free_right - side, y + 3.0), Vec2::splat(side));
            let run = m.run(&letter, Pos2::ZERO, t.small_size - 1.0, true, t.persona_ink(place), side);
            let shift =
                vec2(rect.center().x - run.width() / 2.0 - run.pos.x, rect.center().y - run.height() / 2.0 - run.pos.y);
            let initial = run.translated(shift);
            chips.push(Chip { persona: place, rect, initial });
            free_right -= side + 3.0;
        }
        chips.reverse();
        if !chips.is_empty() {
            free_right -= 3.0;
        }
        if let Some(mk) = card.marker {
            marker = Some((mk, Rect::from_min_size(pos2(free_right - 20.0, y + 2.0), Vec2::splat(20.0))));
            free_right -= 26.0;
        }
        if let Some(ch) = &card.channel {
            let icon_rect = Rect::from_min_size(pos2(left, y + 3.0), Vec2::splat(icon));
            let name_w = free_right - left - icon - 6.0;
            let name = m.run(words.channel(ch), pos2(left + icon + 6.0, y + 5.0), t.small_size, false, t.muted, name_w);
            // One row only: a channel name is a label, not prose.
            let name = TextRun {
                rows: name.rows.into_iter().take(1).collect(),
                widths: name.widths.into_iter().take(1).collect(),
                ..name
            };
            channel = Some((ch.clone(), icon_rect, name));
        }
        y += face + 6.0;
    }
    let title_size = if plain { t.body_size } else { t.body_size + 0.5 };
    let title = m.run(&card.title, pos2(left, y), title_size, !plain || !card.body.is_empty(), t.text, inner);
    y += title.height();
    let body = if card.body.is_empty() {
        m.run("", pos2(left, y), t.body_size - 1.0, false, t.muted, inner)
    } else {
        y += 3.0;
        let b = m.run(&card.body, pos2(left, y), t.body_size - 1.0, false, if plain { t.text } else { t.muted }, inner);
        y += b.height();
        b
    };
    // Value types first, as small named tags, then the card's own #tags.
    let finnish = words.finnish();
    let values = card.values.iter().map(|v| format!("◆\u{a0}{}", v.name(finnish)));
    let tags_text: String = values.chain(card.tags.iter().map(|tag| format!("#{tag}"))).collect::<Vec<_>>().join("  ");
    let tags = if tags_text.is_empty() {
        m.run("", pos2(left, y), t.small_size, false, t.muted, inner)
    } else {
        y += 4.0;
        let r = m.run(&tags_text, pos2(left, y), t.small_size, false, t.muted, inner);
        y += r.height();
        r
    };
    // Right-aligned, so that vote dots along the bottom-left edge never hide it.
    let badge = card.improvement.as_ref().filter(|_| t.plan_badges).map(|item| {
        let b = PlanBadge::of(item, t, words, m, inner);
        y += 6.0;
        let dx = pos.x + width - pad - b.rect.width();
        let b = b.translated(vec2(dx, y));
        y += b.rect.height();
        b
    });
    let rect = Rect::from_min_max(pos, pos2(pos.x + width, y + pad));
    CardLayout {
        id: card.id.clone(),
        rect,
        lane_kind,
        plain,
        title,
        body,
        tags,
        channel,
        faces,
        chips,
        marker,
        badge,
        accent: if t.evidence_colours {
            t.evidence_colour(card.evidence.as_ref().map(|e| e.level))
        } else {
            t.lane_accent(lane_kind)
        },
    }
}
