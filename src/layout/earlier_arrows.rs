//! The arrows of an earlier layout, kept where nothing their labels were placed among changed.
//!
//! Routing an arrow is cheap; placing its label is not: each spot along the route is tried
//! against the cards and labels near it until one is free. A label's spot depends only on its
//! route, its size, the bands between lanes, and the obstacles and labels placed before it that
//! meet the area searched (`Placer::fits` looks at nothing else). So when a card moves, an
//! arrow whose route is the same and whose searched area no moved card and no label placed
//! differently touches gets the spot it had: the same result as placing it again, at no cost.
//! On a 5,000-card map a drag moves a few hundred cards and leaves most arrows alone.

use super::arrows::Searched;
use super::{ArrowLayout, ArrowPass, CardLayout, CurveLayout, LaneLayout, Layout, PlanBadge, StageLayout, TextRun};
use crate::model::{ArrowId, ArrowKind};
use egui::Rect;

/// The arrows of a layout, each routing of them (see `Layout::earlier_passes`), and the parts
/// of the map other than cards their labels kept clear of.
pub(super) struct EarlierArrows {
    passes: Vec<Pass>,
    headers: Vec<Rect>,
    /// The lanes' rows as finally laid out: which lane an earlier card was in.
    rows: Vec<Rect>,
}

/// The arrows of one routing, and the map as it was then.
struct Pass {
    arrows: Vec<ArrowLayout>,
    by_id: foldhash::HashMap<ArrowId, usize>,
    /// Each lane's row and title cell: the rows make the bands labels may sit in.
    lanes: Vec<(Rect, Rect)>,
    curves: Vec<Rect>,
    grid_bottom: f32,
    /// How far each lane moved down after this routing (then the grid's bottom).
    shift: Vec<f32>,
}

impl EarlierArrows {
    /// Takes the arrows out of `earlier` (its cards are taken one by one by `Reuse`).
    pub(super) fn of(earlier: &mut Layout) -> EarlierArrows {
        let last = ArrowPass { arrows: std::mem::take(&mut earlier.arrows), shift: vec![0.0; earlier.lanes.len() + 1] };
        let routings = std::mem::take(&mut earlier.earlier_passes).into_iter().chain([last]);
        let rows: Vec<Rect> = earlier.lanes.iter().map(|l| l.row).collect();
        let passes = routings
            .map(|ArrowPass { arrows, shift }| {
                // Shifts are whole points and coordinates whole or half points: moving back
                // is exact.
                let up = |r: Rect, li: usize| r.translate(egui::vec2(0.0, -shift.get(li).copied().unwrap_or(0.0)));
                let lanes = earlier.lanes.iter().enumerate().map(|(li, l)| (up(l.row, li), up(l.title_cell, li)));
                let curves = earlier.curves.iter().map(|c| up(c.area, lane_of(&rows, c.area.center().y)));
                let by_id = arrows.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
                Pass {
                    arrows,
                    by_id,
                    lanes: lanes.collect(),
                    curves: curves.collect(),
                    grid_bottom: earlier.grid.bottom() - shift.last().copied().unwrap_or(0.0),
                    shift,
                }
            })
            .collect();
        EarlierArrows { passes, headers: earlier.stages.iter().map(|s| s.header).collect(), rows }
    }

    /// What changed for the labels of routing `pass` since the earlier layout's routing of
    /// that number, when the map around the cards is where it was then; `None` when stages,
    /// lanes or curves moved (every label is then placed again). `was` holds, for each of
    /// `cards`, where it stood in the earlier layout (none: laid out afresh); `gone` the
    /// earlier places of cards not laid out now.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn changes<'a>(
        &'a self,
        pass: usize,
        stages: &[StageLayout],
        lanes: &[LaneLayout],
        curves: &[CurveLayout],
        grid_bottom: f32,
        cards: &[CardLayout],
        was: &[Option<Rect>],
        gone: &[Rect],
    ) -> Option<Changes<'a>> {
        let then = self.passes.get(pass)?;
        let same = self.headers.iter().copied().eq(stages.iter().map(|s| s.header))
            && then.lanes.iter().copied().eq(lanes.iter().map(|l| (l.row, l.title_cell)))
            && then.curves.iter().copied().eq(curves.iter().map(|c| c.area))
            && then.grid_bottom == grid_bottom
            && was.len() == cards.len();
        if !same {
            return None;
        }
        // Where an earlier card stood when this routing was made.
        let mut rows = Rows { rows: &self.rows, guess: 0 };
        let mut then_at = |r: Rect| r.translate(egui::vec2(0.0, -then.shift.get(rows.of(&r)).copied().unwrap_or(0.0)));
        let mut moved: Vec<Rect> = gone.iter().map(|r| then_at(*r)).collect();
        for (card, was) in cards.iter().zip(was) {
            let was = was.map(&mut then_at);
            if was != Some(card.rect) {
                moved.push(card.rect);
                moved.extend(was);
            }
        }
        Some(Changes { earlier: then, moved, relabelled: Vec::new(), last: None, in_order: true })
    }
}

/// The lanes' rows, in order (so their bottoms never decrease), for finding the lane of card
/// after card.
struct Rows<'a> {
    rows: &'a [Rect],
    /// The lane found last: cards come lane by lane, so the next is most often in it.
    guess: usize,
}

impl Rows<'_> {
    /// The first lane whose row ends at or below `r`'s centre; the last lane when none does.
    fn of(&mut self, r: &Rect) -> usize {
        let y = r.center().y;
        let fits = |i: usize| {
            self.rows.get(i).is_some_and(|row| y <= row.bottom())
                && (i == 0 || self.rows.get(i - 1).is_some_and(|row| y > row.bottom()))
        };
        if !fits(self.guess) {
            let last = self.rows.len().saturating_sub(1);
            self.guess = self.rows.iter().position(|row| y <= row.bottom()).unwrap_or(last);
        }
        self.guess
    }
}

/// The lane whose row holds a curve at `y` (rows in order), as `Layout::grow_bands` finds it.
fn lane_of(rows: &[Rect], y: f32) -> usize {
    rows.iter().position(|r| y <= r.bottom()).unwrap_or(0)
}

/// What a label placed now may find different from when the earlier arrows were placed.
pub(super) struct Changes<'a> {
    earlier: &'a Pass,
    /// Places, before and after, of the cards that moved, came or went.
    moved: Vec<Rect>,
    /// Spots, before and after, of the labels placed so far that were placed differently.
    relabelled: Vec<Rect>,
    /// The earlier place of the last arrow asked about.
    last: Option<usize>,
    /// Whether the arrows asked about so far came in their earlier order: the labels placed
    /// before each one are then the earlier ones, save those counted in `relabelled`.
    in_order: bool,
}

impl<'a> Changes<'a> {
    /// Labels of earlier arrows that have no label placed now (not routed, or without label
    /// and badge) no longer stand in the way of those placed after them: counted as placed
    /// differently before anything is placed. `labelled`: the arrows whose labels are placed.
    pub(super) fn not_labelled(&mut self, labelled: impl Iterator<Item = ArrowId>) {
        let mut seen = vec![false; self.earlier.arrows.len()];
        for id in labelled {
            if let Some(i) = self.earlier.by_id.get(&id) {
                seen[*i] = true;
            }
        }
        let spots = self.earlier.arrows.iter().zip(&seen).filter(|(_, s)| !**s).filter_map(|(a, _)| a.spot);
        self.relabelled.extend(spots);
    }

    /// Where the earlier layout placed the label of the arrow `id`.
    pub(super) fn earlier_spot(&self, id: &ArrowId) -> Option<Rect> {
        self.earlier.arrows.get(*self.earlier.by_id.get(id)?)?.spot
    }

    /// The earlier layout of the arrow `id`, when it was of the same `kind`, routed along
    /// `path`, and carried the same label and badge: what it is now, if the areas searched
    /// for its label are untouched.
    pub(super) fn same_route(
        &mut self,
        id: &ArrowId,
        kind: ArrowKind,
        path: &[egui::Pos2],
        run: &Option<TextRun>,
        badge: &Option<PlanBadge>,
    ) -> Option<&'a ArrowLayout> {
        let earlier = self.earlier;
        let i = *earlier.by_id.get(id)?;
        if self.last.is_some_and(|last| i <= last) {
            self.in_order = false;
        }
        self.last = Some(i);
        let old = earlier.arrows.get(i).filter(|_| self.in_order)?;
        let same_text = |a: &TextRun, b: &TextRun| a.rows == b.rows && a.widths == b.widths && a.size == b.size;
        // A badge's size follows from its text (the earlier one stands where it was placed,
        // the new one at the origin, so their rectangles are not compared).
        let same_badge = |a: &PlanBadge, b: &PlanBadge| same_text(&a.text, &b.text) && a.fill == b.fill;
        let same = old.kind == kind
            && old.path == path
            && old.spot.is_some()
            && same_some(old.label.as_ref().map(|(_, r)| r), run.as_ref(), same_text)
            && same_some(old.badge.as_ref(), badge.as_ref(), same_badge);
        same.then_some(old)
    }

    /// Whether anything that changed meets the areas `searched`.
    pub(super) fn touch(&self, searched: &Searched) -> bool {
        self.moved.iter().chain(&self.relabelled).any(|r| searched.meets(r))
    }

    /// A label placed at `now`, where the earlier layout had it at `before`.
    pub(super) fn placed(&mut self, now: Rect, before: Option<Rect>) {
        if before != Some(now) {
            self.relabelled.push(now);
            self.relabelled.extend(before);
        }
    }
}

/// Whether `a` and `b` are both missing, or both there and `same`.
fn same_some<T>(a: Option<&T>, b: Option<&T>, same: impl Fn(&T, &T) -> bool) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same(a, b),
        _ => false,
    }
}
