//! Routes arrows between cards through the empty gutters between columns and rows, so an
//! arrow never runs across a card's text.
//!
//! A route leaves the source card's side, runs along the column gutter next to it, crosses
//! other columns only inside a row gutter, and comes down the gutter next to the target.
//! Arrows sharing a gutter are offset a little so they stay apart.
//!
//! Labels (and plan badges) never cover a card: each goes to the first free spot along its
//! route; when the route has none, it goes into the band between two lanes next to the route,
//! tied to it by a dotted leader, and the band is asked to grow until it holds it.

use super::cell_index::CellIndex;
use super::earlier_arrows::Changes;
use super::{ArrowLayout, CardLayout, CurveLayout, LaneLayout, Measure, PlanBadge, StageLayout, TextRun, Words};
use crate::model::JourneyMap;
use crate::theme::Theme;
use egui::{Pos2, Rect, Vec2, pos2, vec2};
use std::collections::HashMap;

/// Room kept between a label and a card or another label.
const CLEARANCE: f32 = 3.0;
/// Space between an arrow's label and its plan badge.
const BADGE_GAP: f32 = 4.0;
/// Labels placed again after a small change with only the obstacles near each filed; past
/// this many, all obstacles are filed once.
const FEW_LABELS: usize = 16;

/// The arrows, and how much taller each band below a lane must be to hold the labels that
/// found no free spot (zero where it is tall enough).
pub(super) struct Routed {
    pub arrows: Vec<ArrowLayout>,
    pub band_demand: Vec<f32>,
}

/// The fixed parts of the map a label must keep clear of.
pub(super) struct Obstacles<'a> {
    pub stages: &'a [StageLayout],
    pub lanes: &'a [LaneLayout],
    pub cards: &'a [CardLayout],
    /// Emotion curves: a label over one would hide its faces and line.
    pub curves: &'a [CurveLayout],
    /// The grid's bottom: the band below the last lane ends there.
    pub grid_bottom: f32,
    /// The map's left edge inside its margin: no label reaches past it.
    pub left: f32,
}

/// Each arrow's label text and plan badge, measured once however often the arrows are routed.
pub(super) type Labels = Vec<(Option<TextRun>, Option<PlanBadge>)>;

/// Measures the labels and badges of `map`'s arrows.
pub(super) fn measure(map: &JourneyMap, t: &Theme, words: &Words, m: &mut Measure<'_, '_>) -> Labels {
    // Labels repeat ("Fix", "Korjaa"): each text is measured once.
    let mut runs: HashMap<&str, TextRun> = HashMap::new();
    map.arrows
        .iter()
        .map(|arrow| {
            let run = (!arrow.label.is_empty()).then(|| {
                let run = runs
                    .entry(arrow.label.as_str())
                    .or_insert_with(|| m.run(&arrow.label, Pos2::ZERO, t.small_size, false, t.text, 180.0));
                run.clone()
            });
            let badge = arrow
                .improvement
                .as_ref()
                .filter(|_| t.plan_badges)
                .map(|item| PlanBadge::of(item, t, words, m, 220.0));
            (run, badge)
        })
        .collect()
}

/// Where each arrow's two cards are: (stage index, lane index, index in the laid-out cards).
/// Found once per layout, however often the arrows are routed; `None` for a card not laid out.
pub(super) type Ends = Vec<(Option<(usize, usize, usize)>, Option<(usize, usize, usize)>)>;

/// The [`Ends`] of `map`'s arrows among `cards`. Only the cards arrows name are looked up: a
/// large map has thousands of cards and a few dozen arrows.
pub(super) fn ends(map: &JourneyMap, cards: &[CardLayout]) -> Ends {
    let named: foldhash::HashSet<&str> = map.arrows.iter().flat_map(|a| [a.from.as_str(), a.to.as_str()]).collect();
    if named.is_empty() {
        return Vec::new();
    }
    let stage_index: HashMap<&str, usize> = map.stages.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let lane_index: HashMap<&str, usize> = map.lanes.iter().enumerate().map(|(i, l)| (l.id.as_str(), i)).collect();
    let laid: foldhash::HashMap<&str, usize> = cards
        .iter()
        .enumerate()
        .filter(|(_, c)| named.contains(c.id.as_str()))
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let cells: foldhash::HashMap<&str, (&str, &str)> = (map.cards.iter())
        .filter(|c| named.contains(c.id.as_str()))
        .map(|c| (c.id.as_str(), (c.stage.as_str(), c.lane.as_str())))
        .collect();
    let place = |id: &crate::model::CardId| -> Option<(usize, usize, usize)> {
        let (stage, lane) = cells.get(id.as_str())?;
        Some((*stage_index.get(stage)?, *lane_index.get(lane)?, *laid.get(id.as_str())?))
    };
    map.arrows.iter().map(|a| (place(&a.from), place(&a.to))).collect()
}

/// Routes `map`'s arrows among `fixed` and places their labels. With `changes` (what moved
/// since an earlier layout), a label whose route and surroundings are as they were keeps the
/// earlier spot instead of being placed again (see `earlier_arrows`).
pub(super) fn route(
    map: &JourneyMap,
    fixed: &Obstacles<'_>,
    t: &Theme,
    labels: &Labels,
    ends: &Ends,
    mut changes: Option<Changes<'_>>,
) -> Routed {
    let Obstacles { stages, lanes, cards, .. } = *fixed;
    let at = |end: Option<(usize, usize, usize)>| -> Option<(usize, usize, Rect)> {
        let (s, l, i) = end?;
        Some((s, l, cards.get(i)?.rect))
    };
    if let Some(c) = changes.as_mut() {
        let arrows = map.arrows.iter().zip(labels).zip(ends);
        let labelled = arrows.filter(|((_, (run, badge)), (from, to))| {
            (run.is_some() || badge.is_some()) && at(*from).is_some() && at(*to).is_some()
        });
        c.not_labelled(labelled.map(|((a, _), _)| a.id.clone()));
    }

    let mut placer = Placer::new(fixed);
    if changes.is_some() {
        placer.few_to_place(FEW_LABELS);
    }
    let mut out = Vec::with_capacity(map.arrows.len());
    for (k, ((arrow, (run, badge)), (from, to))) in map.arrows.iter().zip(labels).zip(ends).enumerate() {
        let (Some(a), Some(b)) = (at(*from), at(*to)) else { continue };
        let off = ((k % 5) as f32 - 2.0) * 3.0;
        let path = orthogonal(a, b, stages, lanes, t, off);
        let label_size = run.as_ref().map(|r| vec2(r.width(), r.height()) + vec2(12.0, 6.0));
        let badge_size = badge.as_ref().map(|b| b.rect.size());
        let whole = match (label_size, badge_size) {
            (Some(l), Some(b)) => vec2(l.x + BADGE_GAP + b.x, l.y.max(b.y)),
            (Some(s), None) | (None, Some(s)) => s,
            (None, None) => {
                out.push(ArrowLayout {
                    id: arrow.id.clone(),
                    kind: arrow.kind,
                    path,
                    label: None,
                    badge: None,
                    leader: Vec::new(),
                    spot: None,
                });
                continue;
            }
        };
        let mut before = None;
        if let Some(c) = changes.as_mut() {
            before = c.earlier_spot(&arrow.id);
            if let Some(old) = c.same_route(&arrow.id, arrow.kind, &path, run, badge) {
                let searched = placer.searched(&path, whole, !old.leader.is_empty());
                if let Some(spot) = old.spot.filter(|_| !c.touch(&searched)) {
                    let old = old.clone();
                    placer.keep(spot, &path, whole, !old.leader.is_empty());
                    out.push(old);
                    continue;
                }
            }
        }
        let (spot, leader) = placer.place(&path, whole);
        if let Some(c) = changes.as_mut() {
            c.placed(spot, before);
        }
        let (run, badge) = (run.clone(), badge.clone());
        let mut x = spot.left();
        let label = run.zip(label_size).map(|(run, size)| {
            let rect = Rect::from_min_size(pos2(x, spot.center().y - size.y / 2.0), size);
            x = rect.right() + BADGE_GAP;
            let text = vec2(run.width(), run.height());
            (rect, run.translated(rect.center().to_vec2() - text * 0.5))
        });
        let badge = badge.map(|b| {
            let top_left = pos2(x, spot.center().y - b.rect.height() / 2.0);
            b.translated(top_left.to_vec2())
        });
        out.push(ArrowLayout { id: arrow.id.clone(), kind: arrow.kind, path, label, badge, leader, spot: Some(spot) });
    }
    Routed { arrows: out, band_demand: placer.demand }
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

/// Finds free spots for labels, remembering the ones already placed.
struct Placer<'a> {
    fixed: &'a Obstacles<'a>,
    /// Every obstacle ([`Placer::obstacles`]) filed for finding those near, when the first
    /// label is placed.
    filed: std::cell::OnceCell<super::buckets::Buckets>,
    /// The cards by cell, for finding those near one label ([`Placer::few_to_place`]).
    cells: std::cell::OnceCell<Option<CellIndex>>,
    /// While placing one label again after a small change: only the obstacles in the area it
    /// searches ([`Placer::meeting`]), filed for it alone. Filing every card costs more than a
    /// few such labels.
    near: Option<super::buckets::Buckets>,
    /// How many labels may still be placed with `near` before filing everything pays.
    near_left: usize,
    /// The bands below each lane: (top, bottom).
    bands: Vec<(f32, f32)>,
    placed: Vec<Rect>,
    demand: Vec<f32>,
}

/// The areas placing a label searches (see [`Placer::searched`]), and a box around them all.
pub(super) struct Searched {
    areas: Vec<Rect>,
    bounds: Rect,
}

impl Searched {
    fn new(areas: Vec<Rect>) -> Searched {
        let bounds = areas.iter().fold(Rect::NOTHING, |b, a| b.union(*a));
        Searched { areas, bounds }
    }

    /// Whether `r` meets any of the areas.
    pub(super) fn meets(&self, r: &Rect) -> bool {
        r.intersects(self.bounds) && self.areas.iter().any(|a| a.intersects(*r))
    }
}

/// Where a label that found no room on its route goes: the band below a lane.
struct InBand {
    band: usize,
    top: f32,
    bottom: f32,
    anchor: Pos2,
    /// The height the band must have to hold the label.
    need: f32,
    /// The area searched for a free spot in the band.
    row: Rect,
}

impl<'a> Placer<'a> {
    fn new(fixed: &'a Obstacles<'a>) -> Self {
        let lanes = fixed.lanes;
        let bands: Vec<(f32, f32)> = lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (l.row.bottom(), lanes.get(i + 1).map_or(fixed.grid_bottom, |n| n.row.top())))
            .collect();
        let demand = vec![0.0; bands.len()];
        let (filed, cells, near) = (std::cell::OnceCell::new(), std::cell::OnceCell::new(), None);
        Placer { fixed, filed, cells, near, near_left: 0, bands, placed: Vec::new(), demand }
    }

    /// What no label may cover but the cards: stage headers, lane titles and emotion curves.
    fn fixtures(&self) -> impl Iterator<Item = Rect> + 'a {
        let f = self.fixed;
        (f.stages.iter().map(|s| s.header))
            .chain(f.lanes.iter().map(|l| l.title_cell))
            .chain(f.curves.iter().map(|c| c.area))
    }

    /// Every obstacle that meets `searched`: the cards found through their cells when they
    /// can be, else by looking at each.
    fn meeting(&self, searched: &Searched) -> Vec<Rect> {
        let f = self.fixed;
        let cells = self.cells.get_or_init(|| CellIndex::of(f.stages, f.lanes, f.cards));
        let cards: Vec<Rect> = match cells {
            Some(cells) => cells
                .cards_in_cells(|cell| searched.meets(cell))
                .flat_map(|range| f.cards.get(range).unwrap_or_default())
                .map(|c| c.rect)
                .filter(|r| searched.meets(r))
                .collect(),
            None => f.cards.iter().map(|c| c.rect).filter(|r| searched.meets(r)).collect(),
        };
        cards.into_iter().chain(self.fixtures().filter(|r| searched.meets(r))).collect()
    }

    /// Labels are placed again only where something changed (see `earlier_arrows`): file
    /// the obstacles for each such label alone, up to `labels` of them.
    fn few_to_place(&mut self, labels: usize) {
        self.near_left = labels;
    }

    /// The obstacles to look at: those near the label being placed, or all of them.
    fn obstacles(&self) -> &super::buckets::Buckets {
        match &self.near {
            Some(near) => near,
            None => self.filed.get_or_init(|| {
                let cards = self.fixed.cards.iter().map(|c| c.rect);
                super::buckets::Buckets::new(cards.chain(self.fixtures()).collect())
            }),
        }
    }

    /// Whether `r` is inside the map and keeps clear of every obstacle and placed label that
    /// touches `near` (the area searched for this label; what lies beyond it is not looked at).
    fn fits(&self, r: Rect, near: Rect) -> bool {
        let clear = r.expand(CLEARANCE);
        let meets = |o: &Rect| o.intersects(near) && o.intersects(clear);
        // Cards first: on a crowded map they turn most spots down, and are found by square.
        r.left() >= self.fixed.left
            && !self.obstacles().any_meeting(clear, |o| o.intersects(near))
            && !self.placed.iter().any(meets)
    }

    /// The area searched along `path` for a label of `size`.
    fn reach(path: &[Pos2], size: Vec2) -> Rect {
        Rect::from_points(path).expand2(size + Vec2::splat(CLEARANCE))
    }

    /// Everything placing a label of `size` on `path` may find in its way: what lies along
    /// each run of the route and, when the label found no room there (`in_band`), in the band
    /// it went to. Every spot tried, with its clearance, lies inside one of these areas (see
    /// [`candidates`]), and an obstacle turns a spot down only by meeting it.
    fn searched(&self, path: &[Pos2], size: Vec2, in_band: bool) -> Searched {
        let margin = size + Vec2::splat(CLEARANCE + 5.0);
        let mut areas: Vec<Rect> = path.windows(2).map(|w| Rect::from_two_pos(w[0], w[1]).expand2(margin)).collect();
        if path.len() < 2 {
            areas.extend(path.first().map(|p| Rect::from_center_size(*p, Vec2::ZERO).expand2(margin)));
        }
        areas.extend(self.band_for(path, size).filter(|_| in_band).map(|b| b.row));
        Searched::new(areas)
    }

    /// A spot for a label of `size` on `path`, and the leader tying it to the path when it
    /// does not sit on it.
    fn place(&mut self, path: &[Pos2], size: Vec2) -> (Rect, Vec<Pos2>) {
        if self.near_left > 0 && self.filed.get().is_none() {
            // Everything placing this label may look at: along the route and in its band.
            self.near_left -= 1;
            let searched = self.searched(path, size, true);
            self.near = Some(super::buckets::Buckets::new(self.meeting(&searched)));
        }
        let reach = Self::reach(path, size);
        let spot = candidates(path, size, &self.bands).into_iter().find(|r| self.fits(*r, reach));
        let (rect, leader) = match spot {
            Some(r) => (r, Vec::new()),
            None => self.in_band(path, size),
        };
        self.near = None;
        self.placed.push(rect);
        (rect, leader)
    }

    /// A label kept at `spot`, where placing it again would put it: it is placed, and when it
    /// went to a band, that band is asked to grow as [`Placer::in_band`] would ask.
    fn keep(&mut self, spot: Rect, path: &[Pos2], size: Vec2, in_band: bool) {
        if let Some(b) = self.band_for(path, size).filter(|_| in_band) {
            self.demand[b.band] = self.demand[b.band].max(b.need - (b.bottom - b.top));
        }
        self.placed.push(spot);
    }

    /// The band a label that found no room on its route goes to; `None` without bands.
    fn band_for(&self, path: &[Pos2], size: Vec2) -> Option<InBand> {
        let anchor = anchor(path);
        let band = self
            .bands
            .iter()
            .position(|(top, bottom)| anchor.y <= *bottom && anchor.y >= *top)
            .or_else(|| self.fixed.lanes.iter().position(|l| anchor.y >= l.row.top() && anchor.y <= l.row.bottom()))
            .or_else(|| self.bands.iter().position(|(top, _)| *top >= anchor.y))
            .unwrap_or(self.bands.len().saturating_sub(1));
        let &(top, bottom) = self.bands.get(band)?;
        let need = size.y + 2.0 * CLEARANCE + 2.0;
        let step = size.x / 2.0 + 6.0;
        let row = Rect::from_x_y_ranges(anchor.x - 21.0 * step..=anchor.x + 21.0 * step, top - need..=bottom + need);
        Some(InBand { band, top, bottom, anchor, need, row })
    }

    /// The fallback: the band below the lane where the route runs down its gutter, which is
    /// asked to grow to the label's height.
    fn in_band(&mut self, path: &[Pos2], size: Vec2) -> (Rect, Vec<Pos2>) {
        let Some(InBand { band, top, bottom, anchor, need, row }) = self.band_for(path, size) else {
            return (Rect::from_center_size(anchor(path), size), Vec::new());
        };
        self.demand[band] = self.demand[band].max(need - (bottom - top));
        let cy = (top + bottom) / 2.0;
        // Beside the anchor if taken, alternately right and left, further each time.
        let step = size.x / 2.0 + 6.0;
        let rect = (0..40)
            .map(|i| {
                let k = ((i + 1) / 2) as f32 * if i % 2 == 1 { 1.0 } else { -1.0 };
                Rect::from_center_size(pos2(anchor.x + k * step, cy), size)
            })
            .find(|r| self.fits(*r, row))
            .unwrap_or_else(|| Rect::from_center_size(pos2(anchor.x, cy), size));
        let mut leader = vec![anchor, pos2(anchor.x, cy)];
        if !rect.x_range().contains(anchor.x) {
            let edge = if rect.center().x > anchor.x { rect.left() } else { rect.right() };
            leader.push(pos2(edge, cy));
        } else {
            leader[1] = pos2(anchor.x, if anchor.y < rect.top() { rect.top() } else { rect.bottom() });
        }
        (rect, leader)
    }
}

/// Spots for a label of `size` along `path`, best first: where the path crosses the band
/// between two lanes, then the middle and thirds of each segment, then beside the path.
fn candidates(path: &[Pos2], size: Vec2, bands: &[(f32, f32)]) -> Vec<Rect> {
    let mut centres = Vec::new();
    for w in path.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (lo, hi) = (a.y.min(b.y), a.y.max(b.y));
        if (a.x - b.x).abs() < 0.5 {
            for (top, bottom) in bands {
                let y = (top + bottom) / 2.0;
                if y > lo && y < hi {
                    centres.push(pos2(a.x, y));
                }
            }
        } else if (a.y - b.y).abs() < 0.5 {
            // A run along a band: the label sits on it.
            centres.push(a + (b - a) * 0.5);
        }
    }
    for w in path.windows(2) {
        for f in [0.5, 0.3, 0.7] {
            centres.push(w[0] + (w[1] - w[0]) * f);
        }
    }
    let mut out: Vec<Rect> = centres.iter().map(|c| Rect::from_center_size(*c, size)).collect();
    // Beside the path, touching it, at small steps along each segment.
    for w in path.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = (b - a).length();
        let steps = (len / 12.0).ceil().clamp(1.0, 24.0) as usize;
        let vertical = (a.x - b.x).abs() < 0.5;
        for i in 0..=steps {
            let p = a + (b - a) * (i as f32 / steps as f32);
            let sides = if vertical {
                [vec2(size.x / 2.0 + 2.0, 0.0), vec2(-size.x / 2.0 - 2.0, 0.0)]
            } else {
                [vec2(0.0, size.y / 2.0 + 2.0), vec2(0.0, -size.y / 2.0 - 2.0)]
            };
            out.push(Rect::from_center_size(p, size));
            out.extend(sides.iter().map(|d| Rect::from_center_size(p + *d, size)));
        }
    }
    out
}

/// Where a label that found no room on its route hangs from: the middle of the route's
/// longest run down a gutter, or the corner where it turns into one. Gutters hold no cards,
/// so a leader from here down to the band crosses none.
fn anchor(path: &[Pos2]) -> Pos2 {
    let vertical = path
        .windows(2)
        .filter(|w| (w[0].x - w[1].x).abs() < 0.5 && (w[0].y - w[1].y).abs() > 0.5)
        .max_by(|a, b| (a[1].y - a[0].y).abs().total_cmp(&(b[1].y - b[0].y).abs()));
    match vertical {
        Some(w) => pos2(w[0].x, w[0].y.max(w[1].y)),
        None => path.get(1).or(path.first()).copied().unwrap_or(Pos2::ZERO),
    }
}
