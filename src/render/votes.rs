//! Dot-vote dots on the cards: drawn large, like the sticky dots of a workshop wall, by the
//! same code on the canvas, in the presentation and in exports.

use crate::layout::Layout;
use crate::model::VoteRound;
use crate::theme::Theme;
use egui::emath::TSTransform;
use egui::{Align2, Color32, FontId, Painter, Rect, Stroke, pos2, vec2};

/// Radius of one dot, in map units.
const DOT: f32 = 8.0;
/// Up to this many dots are drawn one by one; more become a dot with the number beside it.
const SINGLE_DOTS: u32 = 5;

/// Draws the dots `round` gave each card of `layout`, for cards inside `clip` (screen points).
pub fn paint_dots(
    painter: &Painter,
    layout: &Layout,
    to_screen: TSTransform,
    clip: Rect,
    round: &VoteRound,
    theme: &Theme,
) {
    let s = to_screen.scaling;
    let visible = to_screen.inverse() * clip;
    let outline = Stroke::new((1.5 * s).max(1.0), Color32::WHITE);
    for card in &layout.cards {
        let n = round.dots_of(&card.id);
        if n == 0 || !visible.intersects(card.rect) {
            continue;
        }
        let r = DOT * s;
        // The row of dots sits on the card's bottom edge, from its left, half outside it.
        let y = card.rect.bottom();
        let x0 = card.rect.left() + 12.0 + DOT;
        if n <= SINGLE_DOTS {
            for i in 0..n {
                let c = to_screen * pos2(x0 + i as f32 * (2.0 * DOT + 3.0), y);
                painter.circle(c, r, theme.vote, outline);
            }
        } else {
            let text = n.to_string();
            let w = DOT * 2.0 + 8.0 + 9.0 * text.chars().count() as f32;
            let pill = Rect::from_min_size(pos2(x0 - DOT - 2.0, y - DOT - 2.0), vec2(w, 2.0 * DOT + 4.0));
            let pill = to_screen * pill;
            painter.rect(pill, pill.height() / 2.0, theme.vote, outline, egui::StrokeKind::Outside);
            let dot = pos2(pill.left() + (DOT + 2.0) * s, pill.center().y);
            painter.circle_filled(dot, r * 0.55, Color32::WHITE);
            painter.text(
                pos2(dot.x + (DOT + 1.0) * s, pill.center().y),
                Align2::LEFT_CENTER,
                text,
                FontId::new(15.0 * s, crate::fonts::bold()),
                Color32::WHITE,
            );
        }
    }
}
