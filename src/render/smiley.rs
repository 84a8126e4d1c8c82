//! Vector smiley faces for the five emotion steps.
//!
//! Each step differs in shape, not only in colour: the mouth curves from a deep frown to an
//! open laugh, and −2 has furrowed brows. In the colour-code display the face gives way to the
//! number, so colour is never the only cue.

use crate::model::{Emotion, EmotionDisplay};
use crate::theme::Theme;
use egui::epaint::{CubicBezierShape, QuadraticBezierShape};
use egui::{Color32, FontId, Painter, Pos2, Stroke, pos2, vec2};

/// Draws the face of `emotion` centred at `c` with radius `r` (screen units).
pub fn face(painter: &Painter, c: Pos2, r: f32, emotion: Emotion, display: EmotionDisplay, theme: &Theme) {
    let colour = theme.emotion_colour(emotion);
    let (fill, ink) = match display {
        EmotionDisplay::Smileys => (theme.card_fill, theme.text),
        EmotionDisplay::Colours | EmotionDisplay::Both => (colour, ink_on(colour)),
    };
    painter.circle_filled(c, r, fill);
    let outline = if display == EmotionDisplay::Smileys { theme.text } else { darker(colour) };
    painter.circle_stroke(c, r, Stroke::new((r * 0.09).max(0.6), outline));

    if display == EmotionDisplay::Colours {
        let v = emotion.value();
        let text = if v > 0 {
            format!("+{v}")
        } else if v < 0 {
            format!("−{}", -v)
        } else {
            "0".to_owned()
        };
        painter.text(c, egui::Align2::CENTER_CENTER, text, FontId::new(r * 1.05, crate::fonts::bold()), ink);
        return;
    }

    let stroke = Stroke::new((r * 0.12).max(0.8), ink);
    let eye_r = r * 0.11;
    for sx in [-1.0, 1.0] {
        painter.circle_filled(c + vec2(sx * r * 0.34, -r * 0.22), eye_r, ink);
    }
    let v = emotion.value();
    if v == -2 {
        // Brows slanting down to the middle: unmistakably unhappy even in greyscale.
        for sx in [-1.0f32, 1.0] {
            let outer = c + vec2(sx * r * 0.55, -r * 0.50);
            let inner = c + vec2(sx * r * 0.15, -r * 0.38);
            painter.line_segment([outer, inner], stroke);
        }
    }
    let left = c + vec2(-r * 0.45, r * 0.33);
    let right = c + vec2(r * 0.45, r * 0.33);
    match v {
        2 => {
            // An open laugh: a filled half-moon.
            let top_l = c + vec2(-r * 0.5, r * 0.12);
            let top_r = c + vec2(r * 0.5, r * 0.12);
            let bezier = CubicBezierShape::from_points_stroke(
                [top_l, c + vec2(-r * 0.45, r * 0.75), c + vec2(r * 0.45, r * 0.75), top_r],
                true,
                ink,
                Stroke::NONE,
            );
            painter.add(bezier);
        }
        0 => {
            painter.line_segment([left + vec2(0.0, r * 0.05), right + vec2(0.0, r * 0.05)], stroke);
        }
        _ => {
            let bend = match v {
                1 => r * 0.32,
                -1 => -r * 0.22,
                _ => -r * 0.38,
            };
            let lift = if v < 0 { r * 0.16 } else { 0.0 };
            let (l, rr) = (left + vec2(0.0, lift), right + vec2(0.0, lift));
            let ctrl = pos2(c.x, l.y + bend);
            painter.add(QuadraticBezierShape::from_points_stroke([l, ctrl, rr], false, Color32::TRANSPARENT, stroke));
        }
    }
}

/// Legible ink on a fill: white on dark colours, near-black on light ones.
pub fn ink_on(fill: Color32) -> Color32 {
    let [r, g, b, _] = fill.to_array();
    let luminance = 0.2126 * f32::from(r) + 0.7152 * f32::from(g) + 0.0722 * f32::from(b);
    if luminance < 140.0 { Color32::WHITE } else { Color32::from_rgb(0x1F, 0x26, 0x33) }
}

fn darker(c: Color32) -> Color32 {
    let [r, g, b, a] = c.to_array();
    Color32::from_rgba_premultiplied((r as f32 * 0.7) as u8, (g as f32 * 0.7) as u8, (b as f32 * 0.7) as u8, a)
}
