//! Vector icons: one per touchpoint channel and one per improvement marker.
//!
//! Drawn from plain shapes so they stay sharp at every zoom and export scale, and look the
//! same on every machine (no icon font to go missing).

use crate::model::{Channel, Marker};
use crate::theme::Theme;
use egui::epaint::{PathShape, PathStroke};
use egui::{Align2, Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, vec2};

/// Draws the icon of `channel` inside `rect` in `colour`.
pub fn channel(painter: &Painter, rect: Rect, channel: &Channel, colour: Color32) {
    let c = rect.center();
    let s = rect.width().min(rect.height());
    let u = s / 16.0; // the icons are designed on a 16-unit grid
    let p = |x: f32, y: f32| c + vec2((x - 8.0) * u, (y - 8.0) * u);
    let stroke = Stroke::new((1.4 * u).max(0.7), colour);
    let line = |pts: Vec<Pos2>, closed: bool| {
        let shape = if closed { PathShape::closed_line(pts, stroke) } else { PathShape::line(pts, stroke) };
        painter.add(shape);
    };
    match channel {
        Channel::Web => {
            painter.circle_stroke(c, 6.5 * u, stroke);
            painter.line_segment([p(1.5, 8.0), p(14.5, 8.0)], stroke);
            painter.add(Shape::ellipse_stroke(c, vec2(3.0 * u, 6.5 * u), stroke));
        }
        Channel::Search => {
            painter.circle_stroke(p(6.5, 6.5), 4.5 * u, stroke);
            painter.line_segment([p(10.0, 10.0), p(14.5, 14.5)], Stroke::new(stroke.width * 1.5, colour));
        }
        Channel::SocialMedia => {
            // Three connected nodes: sharing.
            let (a, b, d) = (p(4.0, 8.0), p(12.0, 3.5), p(12.0, 12.5));
            painter.line_segment([a, b], stroke);
            painter.line_segment([a, d], stroke);
            for q in [a, b, d] {
                painter.circle_filled(q, 2.2 * u, colour);
            }
        }
        Channel::Email => {
            painter.rect_stroke(
                Rect::from_min_max(p(1.5, 3.5), p(14.5, 12.5)),
                CornerRadius::same(1),
                stroke,
                StrokeKind::Middle,
            );
            line(vec![p(1.5, 3.8), p(8.0, 8.8), p(14.5, 3.8)], false);
        }
        Channel::Phone => {
            painter.rect_stroke(
                Rect::from_min_max(p(4.5, 1.0), p(11.5, 15.0)),
                CornerRadius::same((1.5 * u) as u8),
                stroke,
                StrokeKind::Middle,
            );
            painter.line_segment([p(7.0, 12.8), p(9.0, 12.8)], stroke);
        }
        Channel::Chat => {
            line(
                vec![p(1.5, 2.5), p(14.5, 2.5), p(14.5, 10.5), p(7.0, 10.5), p(3.5, 14.0), p(3.5, 10.5), p(1.5, 10.5)],
                true,
            );
            for x in [5.0, 8.0, 11.0] {
                painter.circle_filled(p(x, 6.5), 1.0 * u, colour);
            }
        }
        Channel::Store => {
            line(vec![p(2.0, 7.0), p(2.0, 14.5), p(14.0, 14.5), p(14.0, 7.0)], false);
            line(vec![p(1.0, 7.0), p(3.0, 2.0), p(13.0, 2.0), p(15.0, 7.0), p(1.0, 7.0)], true);
            painter.rect_stroke(
                Rect::from_min_max(p(6.5, 10.0), p(9.5, 14.5)),
                CornerRadius::ZERO,
                stroke,
                StrokeKind::Middle,
            );
        }
        Channel::Event => {
            painter.rect_stroke(
                Rect::from_min_max(p(1.5, 3.0), p(14.5, 14.5)),
                CornerRadius::same(1),
                stroke,
                StrokeKind::Middle,
            );
            painter.rect_filled(Rect::from_min_max(p(1.5, 3.0), p(14.5, 6.5)), CornerRadius::same(1), colour);
            for x in [5.0, 11.0] {
                painter.line_segment([p(x, 1.0), p(x, 4.0)], stroke);
            }
            painter.circle_filled(p(10.5, 10.5), 1.6 * u, colour);
        }
        Channel::Ad => {
            // A megaphone.
            line(vec![p(2.0, 6.0), p(5.0, 6.0), p(13.0, 2.0), p(13.0, 14.0), p(5.0, 10.0), p(2.0, 10.0)], true);
            line(vec![p(5.0, 10.0), p(6.5, 14.5)], false);
        }
        Channel::ReviewSite => {
            let pts: Vec<Pos2> = (0..10)
                .map(|i| {
                    let a = std::f32::consts::PI * (i as f32) / 5.0 - std::f32::consts::FRAC_PI_2;
                    let rr = if i % 2 == 0 { 7.0 } else { 3.0 } * u;
                    c + vec2(a.cos() * rr, a.sin() * rr + 0.5 * u)
                })
                .collect();
            line(pts, true);
        }
        Channel::SalesRep => {
            painter.circle_stroke(p(8.0, 5.0), 3.2 * u, stroke);
            line(vec![p(2.0, 15.0), p(2.5, 12.0), p(5.0, 10.0), p(11.0, 10.0), p(13.5, 12.0), p(14.0, 15.0)], false);
        }
        Channel::Product => {
            line(vec![p(8.0, 1.5), p(14.5, 4.8), p(14.5, 11.5), p(8.0, 14.8), p(1.5, 11.5), p(1.5, 4.8)], true);
            line(vec![p(1.5, 4.8), p(8.0, 8.0), p(14.5, 4.8)], false);
            painter.line_segment([p(8.0, 8.0), p(8.0, 14.8)], stroke);
        }
        Channel::FrontDesk => {
            // A service bell on a counter.
            line(
                vec![
                    p(3.5, 11.0),
                    p(3.5, 10.0),
                    p(4.2, 7.2),
                    p(6.0, 5.4),
                    p(8.0, 4.8),
                    p(10.0, 5.4),
                    p(11.8, 7.2),
                    p(12.5, 10.0),
                    p(12.5, 11.0),
                ],
                false,
            );
            painter.line_segment([p(8.0, 4.8), p(8.0, 2.8)], stroke);
            painter.circle_filled(p(8.0, 2.4), 1.2 * u, colour);
            painter.line_segment([p(1.0, 13.5), p(15.0, 13.5)], Stroke::new(stroke.width * 1.3, colour));
        }
        Channel::TextMessage => {
            // A phone with a speech bubble on its screen.
            painter.rect_stroke(
                Rect::from_min_max(p(3.0, 1.0), p(10.5, 15.0)),
                CornerRadius::same((1.5 * u) as u8),
                stroke,
                StrokeKind::Middle,
            );
            painter.rect_filled(Rect::from_min_max(p(6.5, 3.5), p(15.0, 9.0)), CornerRadius::same(1), colour);
            painter.add(PathShape::convex_polygon(
                vec![p(8.5, 8.5), p(11.0, 8.5), p(8.0, 11.5)],
                colour,
                PathStroke::NONE,
            ));
        }
        Channel::App => {
            // App tiles, the last one an outline: the "apps" sign phones show.
            for (x, y) in [(1.5, 1.5), (9.0, 1.5), (1.5, 9.0)] {
                painter.rect_filled(
                    Rect::from_min_size(p(x, y), vec2(5.5 * u, 5.5 * u)),
                    CornerRadius::same((1.5 * u) as u8),
                    colour,
                );
            }
            painter.rect_stroke(
                Rect::from_min_size(p(9.5, 9.5), vec2(4.5 * u, 4.5 * u)),
                CornerRadius::same((1.5 * u) as u8),
                stroke,
                StrokeKind::Middle,
            );
        }
        Channel::Letter => {
            // Paper mail: an envelope's front with a stamp and the address lines.
            painter.rect_stroke(
                Rect::from_min_max(p(1.0, 3.0), p(15.0, 13.0)),
                CornerRadius::ZERO,
                stroke,
                StrokeKind::Middle,
            );
            painter.rect_filled(Rect::from_min_max(p(11.0, 4.6), p(13.4, 7.0)), CornerRadius::ZERO, colour);
            for (x1, y) in [(10.0, 8.8), (8.5, 11.0)] {
                painter.line_segment([p(4.0, y), p(x1, y)], stroke);
            }
        }
        Channel::Other(_) => {
            painter.circle_stroke(c, 6.5 * u, stroke);
            for x in [5.0, 8.0, 11.0] {
                painter.circle_filled(p(x, 8.0), 1.1 * u, colour);
            }
        }
    }
}

/// Draws the symbol of an improvement marker inside `rect`.
pub fn marker(painter: &Painter, rect: Rect, marker: Marker, theme: &Theme) {
    let c = rect.center();
    let r = rect.width().min(rect.height()) / 2.0;
    let u = r / 8.0;
    match marker {
        Marker::Idea => {
            // A light bulb.
            painter.circle_filled(c - vec2(0.0, 1.5 * u), 5.2 * u, theme.idea);
            painter.rect_filled(
                Rect::from_center_size(c + vec2(0.0, 5.2 * u), vec2(4.4 * u, 3.0 * u)),
                CornerRadius::same((u) as u8),
                theme.muted,
            );
        }
        Marker::PainPoint => {
            let tri = vec![c + vec2(0.0, -7.5 * u), c + vec2(7.5 * u, 6.5 * u), c + vec2(-7.5 * u, 6.5 * u)];
            painter.add(Shape::convex_polygon(tri, theme.pain, Stroke::NONE));
            painter.text(
                c + vec2(0.0, 1.2 * u),
                Align2::CENTER_CENTER,
                "!",
                FontId::new(10.0 * u, crate::fonts::bold()),
                Color32::WHITE,
            );
        }
        Marker::MomentOfTruth => {
            let diamond =
                vec![c + vec2(0.0, -8.0 * u), c + vec2(8.0 * u, 0.0), c + vec2(0.0, 8.0 * u), c + vec2(-8.0 * u, 0.0)];
            painter.add(Shape::convex_polygon(diamond, theme.truth, Stroke::NONE));
            painter.circle_filled(c, 2.4 * u, Color32::WHITE);
        }
        Marker::QuickWin => {
            painter.circle_filled(c, 7.5 * u, theme.quick_win);
            // A lightning bolt as two convex halves (egui fills convex polygons only).
            let upper = vec![c + vec2(1.8 * u, -6.0 * u), c + vec2(-3.2 * u, 1.0 * u), c + vec2(0.9 * u, 1.0 * u)];
            let lower = vec![c + vec2(-0.9 * u, -u), c + vec2(3.2 * u, -u), c + vec2(-1.8 * u, 6.0 * u)];
            painter.add(PathShape { points: upper, closed: true, fill: Color32::WHITE, stroke: PathStroke::NONE });
            painter.add(PathShape { points: lower, closed: true, fill: Color32::WHITE, stroke: PathStroke::NONE });
        }
    }
}
