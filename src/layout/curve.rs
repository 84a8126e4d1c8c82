//! The emotion curves: for each persona in view, a smooth line through every card it rated,
//! in timeline order, and, dashed, its target (to-be) curve.
//!
//! Rated cards are spread evenly across their stage's column, so a curve reads left to right
//! like the journey; a card keeps its place on every persona's curve. Unrated cards are
//! skipped (not drawn as neutral). A curve is a monotone cubic (Fritsch–Carlson): it never
//! overshoots past −2 or +2 between two points.

use super::{Cast, LaneLayout, Measure, StageLayout, TextRun, Words};
use crate::model::{CardId, Emotion, JourneyMap, LaneKind};
use crate::theme::Theme;
use egui::{Pos2, Rect, pos2, vec2};

/// One rated card on a curve.
#[derive(Clone, Debug, PartialEq)]
pub struct CurvePoint {
    pub pos: Pos2,
    pub emotion: Emotion,
    pub card: CardId,
    /// A dip: lower than its neighbours and below neutral, called out as a pain point.
    pub dip: bool,
}

/// One persona's curves.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveSeries {
    /// The persona's place in the map: its colour and marker shape.
    pub persona: usize,
    pub points: Vec<CurvePoint>,
    /// The smooth line, as a polyline.
    pub path: Vec<Pos2>,
    /// The target (to-be) ratings and the dashed line through them.
    pub target: Vec<CurvePoint>,
    pub target_path: Vec<Pos2>,
    pub dip_labels: Vec<TextRun>,
}

/// What a key of the legend shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendKey {
    /// The persona at this place: its marker and colour.
    Persona(usize),
    /// The dashed target (to-be) line.
    Target,
    /// The ring around a dip.
    Dip,
}

/// A key of the legend: a persona's marker and name, the target line's sample or the dip ring.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub key: LegendKey,
    /// Where the marker (or a short dashed line) is drawn.
    pub mark: Rect,
    pub label: TextRun,
}

/// The laid-out curves of one emotion-curve lane.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveLayout {
    pub area: Rect,
    /// The y of each step of the scale, −2 … +2.
    pub level_y: [f32; 5],
    pub series: Vec<CurveSeries>,
    /// Points are drawn as smiley faces (one persona in view) or as the personas' markers.
    pub faces: bool,
    /// Lines are drawn in the personas' colours (the map has several), else in the curve colour.
    pub coloured: bool,
    /// Shown with several personas or any target curve.
    pub legend: Vec<LegendEntry>,
    pub face_radius: f32,
}

impl CurveLayout {
    pub(super) fn shift_y(&mut self, dy: f32) {
        let d = egui::vec2(0.0, dy);
        self.area = self.area.translate(d);
        for y in &mut self.level_y {
            *y += dy;
        }
        for s in &mut self.series {
            for p in s.points.iter_mut().chain(&mut s.target) {
                p.pos += d;
            }
            for p in s.path.iter_mut().chain(&mut s.target_path) {
                *p += d;
            }
            for label in &mut s.dip_labels {
                label.pos += d;
            }
        }
        for e in &mut self.legend {
            e.mark = e.mark.translate(d);
            e.label.pos += d;
        }
    }

    /// Every point of every persona's current curve, for hit tests and framing.
    pub fn points(&self) -> impl Iterator<Item = &CurvePoint> {
        self.series.iter().flat_map(|s| &s.points)
    }
}

/// The extra height of an emotion-curve lane drawing several personas: two more rows for the
/// dips' names under the scale.
pub(super) fn dip_rows(cast: &Cast, t: &Theme) -> f32 {
    if cast.marks() { 2.0 * ((t.small_size * 1.32).round() + 2.0) } else { 0.0 }
}

/// How far apart, across, the markers of several personas at one card are drawn.
const SPREAD: f32 = 7.0;

#[allow(clippy::too_many_arguments)]
pub(super) fn layout_curve(
    map: &JourneyMap,
    cells: &super::cells::Cells<'_>,
    cast: &Cast,
    stages: &[StageLayout],
    lane: &LaneLayout,
    t: &Theme,
    w: &Words,
    m: &mut Measure<'_, '_>,
) -> (CurveLayout, Vec<TextRun>) {
    let face_radius = 12.0;
    let top = lane.row.top() + lane.title.height() + 26.0;
    let bottom = lane.row.bottom() - 36.0 - dip_rows(cast, t);
    let step = (bottom - top) / 4.0;
    let level_y = [bottom, bottom - step, bottom - 2.0 * step, bottom - 3.0 * step, top];
    let area = Rect::from_min_max(
        pos2(stages.first().map_or(lane.row.left(), |s| s.column.left()), lane.row.top()),
        lane.row.max,
    );
    let shown: Vec<_> = cast.shown().cloned().collect();

    // Where each card sits across: spread over its stage among the cards anyone in view rated.
    // The grid lays out the cards of every lane but curves and SWOT lanes; `cards` are those.
    let laid = |lane: &crate::model::Lane| !matches!(lane.kind, LaneKind::EmotionCurve | LaneKind::Swot);
    let mut slots: Vec<(&crate::model::Card, f32)> = Vec::new();
    for si in 0..map.stages.len() {
        let Some(column) = stages.get(si) else { continue };
        // Timeline order within a stage: lane order, then position in the cell.
        let rated: Vec<&crate::model::Card> = map
            .lanes
            .iter()
            .enumerate()
            .filter(|(_, l)| laid(l))
            .flat_map(|(li, _)| cells.get(si, li).iter().copied())
            .filter(|c| shown.iter().any(|p| c.emotion_of(p).is_some() || c.target_of(p).is_some()))
            .collect();
        let n = rated.len() as f32;
        let span = column.column.width() - 2.0 * t.cell_pad;
        for (k, card) in rated.into_iter().enumerate() {
            slots.push((card, column.column.left() + t.cell_pad + (k as f32 + 0.5) * span / n));
        }
    }

    let several = shown.len() > 1;
    let mut series = Vec::new();
    let mut placed_labels: Vec<Rect> = Vec::new();
    for (k, persona) in shown.iter().enumerate() {
        let place = cast.place(persona);
        let dx = if several { (k as f32 - (shown.len() - 1) as f32 / 2.0) * SPREAD } else { 0.0 };
        let at = |e: Emotion, x: f32, card: &CardId| CurvePoint {
            pos: pos2(x + dx, level_y[e.index()]),
            emotion: e,
            card: card.clone(),
            dip: false,
        };
        let mut points: Vec<CurvePoint> =
            slots.iter().filter_map(|(c, x)| c.emotion_of(persona).map(|e| at(e, *x, &c.id))).collect();
        let target: Vec<CurvePoint> =
            slots.iter().filter_map(|(c, x)| c.target_of(persona).map(|e| at(e, *x, &c.id))).collect();
        if points.is_empty() && target.is_empty() {
            continue;
        }
        mark_dips(&mut points);
        let path = monotone_path(&points.iter().map(|p| p.pos).collect::<Vec<_>>(), 12);
        let target_path = monotone_path(&target.iter().map(|p| p.pos).collect::<Vec<_>>(), 12);
        // With several personas a dip is called out by the persona's short name, in a row below
        // the scale (the ring and the legend say it is a dip): under the point, it would sit
        // on the other personas' curves.
        let short = map.persona(persona).map(|p| p.short_name(place, w.finnish())).unwrap_or_default();
        let text = if several { format!("▼ {short}") } else { format!("▼ {}", w.dip) };
        let colour = if several { t.persona_colour(place) } else { t.dip };
        let mut dip_labels = Vec::new();
        // One persona's dips all say the same: measured once.
        let dip_label = m.run(&text, Pos2::ZERO, t.small_size, true, colour, 200.0);
        for p in points.iter().filter(|p| p.dip) {
            let label = dip_label.clone();
            let below = if several { level_y[0] + face_radius * 0.6 + 7.0 } else { p.pos.y + face_radius + 5.0 };
            let size = label.rect().size();
            let centred = pos2(p.pos.x - size.x / 2.0, below);
            // Several personas dipping at one card: their labels sit side by side, then in a
            // second row, instead of overprinting.
            let step = size.x + 6.0;
            let free = |at: Pos2| !placed_labels.iter().any(|r: &Rect| r.intersects(Rect::from_min_size(at, size)));
            let pos = (0..3)
                .flat_map(|row| {
                    [0.0, 1.0, -1.0, 2.0, -2.0]
                        .map(|k| pos2(centred.x + k * step, centred.y + row as f32 * (size.y + 2.0)))
                })
                .find(|at| free(*at))
                .unwrap_or(centred);
            placed_labels.push(Rect::from_min_size(pos, size));
            dip_labels.push(label.translated(pos.to_vec2()));
        }
        series.push(CurveSeries { persona: place, points, path, target, target_path, dip_labels });
    }

    let legend = legend(map, &series, several, area, t, w, m);

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

    (
        CurveLayout { area, level_y, series, faces: !several, coloured: cast.several(), legend, face_radius },
        scale_labels,
    )
}

/// The legend along the top of the lane: each persona's marker and name when several are
/// drawn, and the dashed target line's key when any persona has a target curve.
fn legend(
    map: &JourneyMap,
    series: &[CurveSeries],
    several: bool,
    area: Rect,
    t: &Theme,
    w: &Words,
    m: &mut Measure<'_, '_>,
) -> Vec<LegendEntry> {
    let any_target = series.iter().any(|s| !s.target.is_empty());
    if !several && !any_target {
        return Vec::new();
    }
    let any_dip = several && series.iter().any(|s| s.points.iter().any(|p| p.dip));
    let mut x = area.left() + t.cell_pad;
    let y = area.top() + 8.0;
    let mut out = Vec::new();
    let mut entry = |key: LegendKey, mark_w: f32, text: &str, m: &mut Measure<'_, '_>| {
        let mark = Rect::from_min_size(pos2(x, y + 1.0), vec2(mark_w, t.small_size));
        let label = m.run(text, pos2(x + mark_w + 6.0, y), t.small_size, false, t.text, 400.0);
        x = label.rect().right() + 18.0;
        out.push(LegendEntry { key, mark, label });
    };
    if several {
        for s in series {
            let name = map.personas.get(s.persona).map(|p| p.display_name(s.persona, w.finnish())).unwrap_or_default();
            entry(LegendKey::Persona(s.persona), t.small_size, &name, m);
        }
    }
    if any_target {
        entry(LegendKey::Target, 28.0, w.target_curve, m);
    }
    if any_dip {
        entry(LegendKey::Dip, t.small_size, w.dip, m);
    }
    out
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
