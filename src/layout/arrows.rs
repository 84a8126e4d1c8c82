//! Routes arrows between cards through the empty gutters between columns and rows, so an
//! arrow never runs across a card's text.
//!
//! A route leaves the source card's side, runs along the column gutter next to it, crosses
//! other columns only inside a row gutter, and comes down the gutter next to the target.
//! Arrows sharing a gutter are offset a little so they stay apart.

use super::{ArrowLayout, CardLayout, LaneLayout, Measure, StageLayout};
use crate::model::JourneyMap;
use crate::theme::Theme;
use egui::{Pos2, Rect, pos2, vec2};
use std::collections::HashMap;

pub(super) fn route(
    map: &JourneyMap,
    stages: &[StageLayout],
    lanes: &[LaneLayout],
    cards: &[CardLayout],
    t: &Theme,
    m: &mut Measure<'_, '_>,
) -> Vec<ArrowLayout> {
    let stage_index: HashMap<&str, usize> = map.stages.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let lane_index: HashMap<&str, usize> = map.lanes.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let rects: HashMap<&str, Rect> = cards.iter().map(|c| (c.id.as_str(), c.rect)).collect();
    let place = |id: &crate::model::CardId| -> Option<(usize, usize, Rect)> {
        let card = map.card(id)?;
        Some((*stage_index.get(card.stage.as_str())?, *lane_index.get(card.lane.as_str())?, *rects.get(id.as_str())?))
    };

    let mut out = Vec::with_capacity(map.arrows.len());
    for (k, arrow) in map.arrows.iter().enumerate() {
        let (Some(a), Some(b)) = (place(&arrow.from), place(&arrow.to)) else { continue };
        let off = ((k % 5) as f32 - 2.0) * 3.0;
        let path = orthogonal(a, b, stages, lanes, t, off);
        let label = (!arrow.label.is_empty()).then(|| {
            let run = m.run(&arrow.label, Pos2::ZERO, t.small_size, false, t.text, 180.0);
            let size = vec2(run.width(), run.height()) + vec2(12.0, 6.0);
            let rect = place_label(&path, size, lanes, cards);
            let text_size = vec2(run.width(), run.height());
            let run = run.translated(rect.center().to_vec2() - text_size * 0.5);
            (rect, run)
        });
        out.push(ArrowLayout { id: arrow.id.clone(), kind: arrow.kind, path, label });
    }
    out
}

fn orthogonal(
    (sa, la, ra): (usize, usize, Rect),
    (sb, lb, rb): (usize, usize, Rect),
    stages: &[StageLayout],
    lanes: &[LaneLayout],
    t: &Theme,
    off: f32,
) -> Vec<Pos2> {
    let half_gap = t.column_gap / 2.0;
    let right_gutter = |s: usize| stages[s].header.right() + half_gap + off;
    let left_gutter = |s: usize| stages[s].header.left() - half_gap + off;
    let above = |l: usize| lanes[l].row.top() - t.row_gap / 2.0 + off;
    let (sy, ey) = (ra.center().y, rb.center().y);

    let mut path = if sa == sb {
        let gx = right_gutter(sa);
        vec![pos2(ra.right(), sy), pos2(gx, sy), pos2(gx, ey), pos2(rb.right(), ey)]
    } else {
        let forward = sa < sb;
        let (start, end, gx1, gx2) = if forward {
            (pos2(ra.right(), sy), pos2(rb.left(), ey), right_gutter(sa), left_gutter(sb))
        } else {
            (pos2(ra.left(), sy), pos2(rb.right(), ey), left_gutter(sa), right_gutter(sb))
        };
        if sa.abs_diff(sb) == 1 {
            // Neighbouring columns share one gutter: a single vertical run.
            let gx = (gx1 + gx2) / 2.0;
            vec![start, pos2(gx, sy), pos2(gx, ey), end]
        } else {
            let ry = above(la.max(lb));
            vec![start, pos2(gx1, sy), pos2(gx1, ry), pos2(gx2, ry), pos2(gx2, ey), end]
        }
    };
    path.dedup_by(|a, b| (*a - *b).length() < 0.5);
    path
}

/// Where a label of `size` goes on `path`: the first candidate spot that covers no card —
/// preferably where the path crosses the free band between two lanes — else the middle of the
/// longest segment.
fn place_label(path: &[Pos2], size: egui::Vec2, lanes: &[LaneLayout], cards: &[CardLayout]) -> Rect {
    let mut candidates = Vec::new();
    for w in path.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Crossings of the bands between lanes.
        for pair in lanes.windows(2) {
            let band_y = (pair[0].row.bottom() + pair[1].row.top()) / 2.0;
            let (lo, hi) = (a.y.min(b.y), a.y.max(b.y));
            if (a.x - b.x).abs() < 0.5 && band_y > lo && band_y < hi {
                candidates.push(pos2(a.x, band_y));
            }
        }
        for f in [0.5, 0.3, 0.7] {
            candidates.push(a + (b - a) * f);
        }
    }
    let overlap = |r: &Rect| -> f32 {
        cards.iter().map(|c| c.rect.intersect(*r)).filter(|i| i.is_positive()).map(|i| i.area()).sum()
    };
    let rects: Vec<Rect> = candidates.iter().map(|c| Rect::from_center_size(*c, size)).collect();
    if let Some(free) = rects.iter().find(|r| overlap(r) == 0.0) {
        return *free;
    }
    // Nowhere free: cover as little of the cards as possible.
    rects.into_iter().min_by(|a, b| overlap(a).total_cmp(&overlap(b))).unwrap_or_else(|| {
        let (p, q) = longest_segment(path);
        Rect::from_center_size(p + (q - p) * 0.5, size)
    })
}

fn longest_segment(path: &[Pos2]) -> (Pos2, Pos2) {
    path.windows(2)
        .map(|w| (w[0], w[1]))
        .max_by(|a, b| (a.1 - a.0).length().total_cmp(&(b.1 - b.0).length()))
        .unwrap_or((Pos2::ZERO, Pos2::ZERO))
}
