//! The emotion curve: a smooth line through every rated card, in timeline order.
//!
//! Rated cards are spread evenly across their stage's column, so the curve reads left to
//! right like the journey. Unrated cards are skipped (not drawn as neutral). The curve is a
//! monotone cubic (Fritsch–Carlson): it never overshoots past −2 or +2 between two points.

use super::{CardLayout, LaneLayout, Measure, StageLayout, TextRun, Words};
use crate::model::{CardId, Emotion, JourneyMap};
use crate::theme::Theme;
use egui::{Pos2, Rect, pos2};

/// One rated card on the curve.
#[derive(Clone, Debug, PartialEq)]
pub struct CurvePoint {
    pub pos: Pos2,
    pub emotion: Emotion,
    pub card: CardId,
    /// A dip: lower than its neighbours and below neutral, called out as a pain point.
    pub dip: bool,
}

/// The laid-out curve of one emotion-curve lane.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveLayout {
    pub area: Rect,
    /// The y of each step of the scale, −2 … +2.
    pub level_y: [f32; 5],
    pub points: Vec<CurvePoint>,
    /// The smooth line, as a polyline.
    pub path: Vec<Pos2>,
    pub dip_labels: Vec<TextRun>,
    pub face_radius: f32,
}

impl CurveLayout {
    pub(super) fn shift_y(&mut self, dy: f32) {
        let d = egui::vec2(0.0, dy);
        self.area = self.area.translate(d);
        for y in &mut self.level_y {
            *y += dy;
        }
        for p in &mut self.points {
            p.pos += d;
        }
        for p in &mut self.path {
            *p += d;
        }
        for label in &mut self.dip_labels {
            label.pos += d;
        }
    }
}

pub(super) fn layout_curve(
    map: &JourneyMap,
    stages: &[StageLayout],
    cards: &[CardLayout],
    lane: &LaneLayout,
    t: &Theme,
    w: &Words,
    m: &mut Measure<'_, '_>,
) -> (CurveLayout, Vec<TextRun>) {
    let face_radius = 12.0;
    let top = lane.row.top() + lane.title.height() + 26.0;
    let bottom = lane.row.bottom() - 36.0;
    let step = (bottom - top) / 4.0;
    let level_y = [bottom, bottom - step, bottom - 2.0 * step, bottom - 3.0 * step, top];
    let area = Rect::from_min_max(
        pos2(stages.first().map_or(lane.row.left(), |s| s.column.left()), lane.row.top()),
        lane.row.max,
    );

    let mut points = Vec::new();
    for (si, stage) in map.stages.iter().enumerate() {
        let Some(column) = stages.get(si) else { continue };
        // Timeline order within a stage: lane order, then position in the cell.
        let mut rated: Vec<(usize, &CardLayout)> = Vec::new();
        for (li, l) in map.lanes.iter().enumerate() {
            for card in map.cards_in(&stage.id, &l.id) {
                if card.emotion.is_some()
                    && let Some(laid) = cards.iter().find(|c| c.id == card.id)
                {
                    rated.push((li, laid));
                }
            }
        }
        let n = rated.len() as f32;
        let span = column.column.width() - 2.0 * t.cell_pad;
        for (k, (_, laid)) in rated.iter().enumerate() {
            let Some((emotion, _)) = laid.emotion else { continue };
            let x = column.column.left() + t.cell_pad + (k as f32 + 0.5) * span / n;
            points.push(CurvePoint {
                pos: pos2(x, level_y[emotion.index()]),
                emotion,
                card: laid.id.clone(),
                dip: false,
            });
        }
    }

    mark_dips(&mut points);
    let path = monotone_path(&points.iter().map(|p| p.pos).collect::<Vec<_>>(), 12);

    let mut dip_labels = Vec::new();
    for p in points.iter().filter(|p| p.dip) {
        let label = m.run(&format!("▼ {}", w.dip), Pos2::ZERO, t.small_size, true, t.dip, 200.0);
        let x = p.pos.x - label.width() / 2.0;
        dip_labels.push(label.translated(egui::vec2(x, p.pos.y + face_radius + 5.0)));
    }

    let mut scale_labels = Vec::new();
    let right = lane.title_cell.right() - t.cell_pad;
    for (i, y) in level_y.iter().enumerate() {
        let text = &map.emotions.labels[i];
        let r = m.run(text, Pos2::ZERO, t.small_size - 0.5, false, t.muted, lane.title_cell.width() - 2.0 * t.cell_pad);
        let r =
            TextRun { rows: r.rows.into_iter().take(1).collect(), widths: r.widths.into_iter().take(1).collect(), ..r };
        let x = right - r.width();
        scale_labels.push(r.translated(egui::vec2(x, y - (t.small_size - 0.5) * 0.66)));
    }

    (CurveLayout { area, level_y, points, path, dip_labels, face_radius }, scale_labels)
}

/// Marks the lowest points: below neutral and not higher than either neighbour, with at
/// least one neighbour strictly higher (so a long flat stretch is not all dips).
fn mark_dips(points: &mut [CurvePoint]) {
    let n = points.len();
    for i in 0..n {
        let v = points[i].emotion.value();
        if v >= 0 {
            continue;
        }
        let prev = if i > 0 { Some(points[i - 1].emotion.value()) } else { None };
        let next = points.get(i + 1).map(|p| p.emotion.value());
        let not_higher = prev.is_none_or(|p| v <= p) && next.is_none_or(|q| v <= q);
        let some_higher = prev.is_some_and(|p| p > v) || next.is_some_and(|q| q > v) || n == 1;
        points[i].dip = not_higher && some_higher;
    }
}

/// A monotone cubic through `pts` (x increasing), sampled `per_segment` times per segment.
pub fn monotone_path(pts: &[Pos2], per_segment: usize) -> Vec<Pos2> {
    let n = pts.len();
    if n < 2 {
        return pts.to_vec();
    }
    let secants: Vec<f32> = pts
        .windows(2)
        .map(|w| {
            let dx = w[1].x - w[0].x;
            if dx.abs() < f32::EPSILON { 0.0 } else { (w[1].y - w[0].y) / dx }
        })
        .collect();
    let mut tangents = vec![0.0f32; n];
    tangents[0] = secants[0];
    tangents[n - 1] = secants[n - 2];
    for i in 1..n - 1 {
        let (a, b) = (secants[i - 1], secants[i]);
        tangents[i] = if a * b <= 0.0 { 0.0 } else { (a + b) / 2.0 };
    }
    for i in 0..n - 1 {
        let s = secants[i];
        if s == 0.0 {
            tangents[i] = 0.0;
            tangents[i + 1] = 0.0;
            continue;
        }
        let (a, b) = (tangents[i] / s, tangents[i + 1] / s);
        let h = a.hypot(b);
        if h > 3.0 {
            let k = 3.0 / h;
            tangents[i] = k * a * s;
            tangents[i + 1] = k * b * s;
        }
    }
    let mut out = Vec::with_capacity((n - 1) * per_segment + 1);
    for i in 0..n - 1 {
        let (p0, p1) = (pts[i], pts[i + 1]);
        let dx = p1.x - p0.x;
        for k in 0..per_segment {
            let u = k as f32 / per_segment as f32;
            let (u2, u3) = (u * u, u * u * u);
            let h00 = 2.0 * u3 - 3.0 * u2 + 1.0;
            let h10 = u3 - 2.0 * u2 + u;
            let h01 = -2.0 * u3 + 3.0 * u2;
            let h11 = u3 - u2;
            let y = h00 * p0.y + h10 * dx * tangents[i] + h01 * p1.y + h11 * dx * tangents[i + 1];
            out.push(pos2(p0.x + u * dx, y));
        }
    }
    out.push(pts[n - 1]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(x: f32, e: i8) -> CurvePoint {
        CurvePoint {
            pos: pos2(x, -f32::from(e)),
            emotion: Emotion::new(e).unwrap(),
            card: CardId::new("c"),
            dip: false,
        }
    }

    #[test]
    fn the_curve_passes_through_every_point_and_never_overshoots_them() {
        let pts = [pos2(0.0, 0.0), pos2(10.0, 40.0), pos2(20.0, 40.0), pos2(30.0, 0.0)];
        let path = monotone_path(&pts, 8);
        for p in &pts {
            assert!(path.iter().any(|q| (q.x - p.x).abs() < 1e-3 && (q.y - p.y).abs() < 1e-3));
        }
        assert!(path.iter().all(|q| (0.0..=40.0).contains(&q.y)), "{path:?}");
    }

    #[test]
    fn dips_are_the_negative_local_minima() {
        let mut pts = vec![point(0.0, 1), point(1.0, -2), point(2.0, 0), point(3.0, -1), point(4.0, -1), point(5.0, 2)];
        mark_dips(&mut pts);
        let dips: Vec<bool> = pts.iter().map(|p| p.dip).collect();
        assert_eq!(dips, vec![false, true, false, true, true, false]);
    }

    #[test]
    fn a_flat_negative_curve_has_no_dip_but_a_single_negative_point_is_one() {
        let mut flat = vec![point(0.0, -1), point(1.0, -1)];
        mark_dips(&mut flat);
        assert!(flat.iter().all(|p| !p.dip));
        let mut one = vec![point(0.0, -1)];
        mark_dips(&mut one);
        assert!(one[0].dip);
    }
}
