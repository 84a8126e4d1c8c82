//! The small badge a card or arrow carries when it is an action-plan item: its priority as
//! the badge's colour and in words, and its status, so the plan can be read off the map.

use super::{Measure, TextRun, Words};
use crate::model::Improvement;
use crate::theme::Theme;
use egui::{Color32, Pos2, Rect, Vec2, pos2, vec2};

/// Padding inside the badge, in map units.
const PAD: Vec2 = vec2(7.0, 2.0);

/// A laid-out plan badge.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanBadge {
    pub rect: Rect,
    pub fill: Color32,
    pub text: TextRun,
}

impl PlanBadge {
    /// The badge for `item`, its top-left at the origin; no wider than `max_width`.
    pub(super) fn of(item: &Improvement, t: &Theme, words: &Words, m: &mut Measure<'_, '_>, max_width: f32) -> Self {
        let language = words.language;
        let text = format!(
            "{} · {}",
            crate::plan::priority(item.priority, language),
            crate::plan::status(item.status, language)
        );
        let run = m.run(&text, pos2(PAD.x, PAD.y), t.small_size, true, Color32::WHITE, max_width - 2.0 * PAD.x);
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(run.width(), run.height()) + PAD * 2.0);
        PlanBadge { rect, fill: t.priority_colour(item.priority), text: run }
    }

    /// The same badge moved by `delta`.
    pub fn translated(mut self, delta: Vec2) -> Self {
        self.rect = self.rect.translate(delta);
        self.text = self.text.translated(delta);
        self
    }
}
