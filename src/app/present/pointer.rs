//! The presentation's pointer: a projector makes the normal cursor invisible from the back of
//! the room, so it becomes a large, high-contrast dot with a short fading trail, and hides
//! itself after two seconds without movement.

use egui::{Color32, Painter, Pos2, Stroke};
use std::collections::VecDeque;

/// Seconds without movement before the pointer hides.
pub const HIDE_AFTER: f64 = 2.0;
/// How long a point of the trail lasts.
const TRAIL: f64 = 0.3;
/// The dot's radius, in points.
const RADIUS: f32 = 13.0;

/// Recent pointer positions.
#[derive(Clone, Debug, Default)]
pub struct Trail {
    points: VecDeque<(Pos2, f64)>,
    last_move: Option<f64>,
}

impl Trail {
    /// Records the pointer at `pos` (if it is over the screen) at time `now`.
    pub fn update(&mut self, pos: Option<Pos2>, now: f64) {
        if let Some(p) = pos
            && self.points.back().is_none_or(|(last, _)| last.distance(p) > 0.5)
        {
            self.points.push_back((p, now));
            self.last_move = Some(now);
        }
        while self.points.front().is_some_and(|(_, t)| now - t > TRAIL) && self.points.len() > 1 {
            self.points.pop_front();
        }
    }

    /// Whether the dot shows at `now`.
    pub fn visible(&self, now: f64) -> bool {
        self.last_move.is_some_and(|t| now - t < HIDE_AFTER)
    }

    /// When the window must paint again for the trail to fade or the dot to hide.
    pub fn repaint_after(&self, now: f64) -> Option<f64> {
        let t = self.last_move?;
        let since = now - t;
        if since < TRAIL {
            Some(1.0 / 60.0)
        } else if since < HIDE_AFTER {
            Some(HIDE_AFTER - since)
        } else {
            None
        }
    }

    /// Draws the trail and the dot.
    pub fn paint(&self, painter: &Painter, now: f64) {
        if !self.visible(now) {
            return;
        }
        let core = Color32::from_rgb(0xE0, 0x10, 0x2A);
        for (p, t) in &self.points {
            let age = ((now - t) / TRAIL).clamp(0.0, 1.0) as f32;
            if age < 1.0 {
                painter.circle_filled(*p, RADIUS * (1.0 - 0.6 * age), core.gamma_multiply(0.45 * (1.0 - age)));
            }
        }
        if let Some((p, _)) = self.points.back() {
            // Dark outer ring and white inner ring: visible on white paper and on black alike.
            painter.circle(*p, RADIUS, core, Stroke::new(3.0, Color32::WHITE));
            painter.circle_stroke(*p, RADIUS + 2.5, Stroke::new(2.0, Color32::from_black_alpha(200)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pointer_hides_two_seconds_after_it_stops_moving() {
        let mut t = Trail::default();
        assert!(!t.visible(0.0));
        t.update(Some(Pos2::new(10.0, 10.0)), 1.0);
        assert!(t.visible(2.9));
        t.update(Some(Pos2::new(10.0, 10.0)), 2.9);
        assert!(!t.visible(3.01), "standing still is not moving");
        t.update(Some(Pos2::new(40.0, 10.0)), 5.0);
        assert!(t.visible(5.5));
        assert_eq!(t.repaint_after(10.0), None, "no repaints once hidden");
    }
}
