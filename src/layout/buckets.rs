//! Rectangles filed under the squares of a coarse grid they touch.
//!
//! Placing an arrow's label asks, for each spot tried, whether it keeps clear of every card;
//! on a map of thousands of cards, looking at all of them for every spot of every arrow was
//! most of a layout. Only the rectangles filed under the squares a spot touches can meet it.

use egui::{Pos2, Rect, pos2};

pub(super) struct Buckets {
    origin: Pos2,
    side: f32,
    cols: usize,
    rows: usize,
    /// Square `k` holds the rectangles `filed[starts[k]..starts[k + 1]]`: one allocation for
    /// all squares, since filing is done again for every layout that places labels.
    starts: Vec<u32>,
    filed: Vec<u32>,
    rects: Vec<Rect>,
    /// Rectangles with a non-finite corner, which no square holds: always looked at.
    loose: Vec<u32>,
}

/// Squares per rectangle filed, at most: enough that a square holds a few cards.
const SQUARES_PER_RECT: f32 = 2.0;

impl Buckets {
    pub(super) fn new(rects: Vec<Rect>) -> Buckets {
        let finite = |r: &Rect| r.min.is_finite() && r.max.is_finite() && r.min.x <= r.max.x && r.min.y <= r.max.y;
        let bounds = rects.iter().filter(|r| finite(r)).fold(Rect::NOTHING, |b, r| b.union(*r));
        let mut loose = Vec::new();
        if !bounds.is_finite() {
            // Nothing finite to file: every rectangle is looked at each time.
            loose.extend(0..rects.len() as u32);
            let (starts, filed) = (Vec::new(), Vec::new());
            return Buckets { origin: Pos2::ZERO, side: 1.0, cols: 0, rows: 0, starts, filed, rects, loose };
        }
        let area = bounds.width().max(1.0) * bounds.height().max(1.0);
        let side = (area / (rects.len() as f32 * SQUARES_PER_RECT).max(1.0)).sqrt().max(32.0);
        let cols = (bounds.width() / side).floor() as usize + 1;
        let rows = (bounds.height() / side).floor() as usize + 1;
        let mut b = Buckets {
            origin: bounds.min,
            side,
            cols,
            rows,
            starts: vec![0; cols * rows + 1],
            filed: Vec::new(),
            rects,
            loose,
        };
        // Counted first, then filed where the counts say.
        let spans: Vec<Option<(usize, usize, usize, usize)>> =
            b.rects.iter().map(|r| finite(r).then(|| b.span(*r))).collect();
        for (c0, r0, c1, r1) in spans.iter().flatten() {
            for row in *r0..=*r1 {
                for col in *c0..=*c1 {
                    b.starts[row * cols + col + 1] += 1;
                }
            }
        }
        for k in 1..b.starts.len() {
            b.starts[k] += b.starts[k - 1];
        }
        let mut next: Vec<u32> = b.starts[..cols * rows].to_vec();
        b.filed = vec![0; b.starts[cols * rows] as usize];
        for (i, span) in spans.iter().enumerate() {
            let Some((c0, r0, c1, r1)) = *span else {
                b.loose.push(i as u32);
                continue;
            };
            for row in r0..=r1 {
                for col in c0..=c1 {
                    let at = &mut next[row * cols + col];
                    b.filed[*at as usize] = i as u32;
                    *at += 1;
                }
            }
        }
        b
    }

    /// The rectangles filed under square (`col`, `row`).
    fn square(&self, col: usize, row: usize) -> &[u32] {
        let k = row * self.cols + col;
        let (Some(&from), Some(&to)) = (self.starts.get(k), self.starts.get(k + 1)) else { return &[] };
        self.filed.get(from as usize..to as usize).unwrap_or(&[])
    }

    /// The squares `r` touches, clamped to the grid: (first column, first row, last, last).
    fn span(&self, r: Rect) -> (usize, usize, usize, usize) {
        let at = |v: f32, o: f32, n: usize| (((v - o) / self.side).floor().max(0.0) as usize).min(n.saturating_sub(1));
        (
            at(r.min.x, self.origin.x, self.cols),
            at(r.min.y, self.origin.y, self.rows),
            at(r.max.x, self.origin.x, self.cols),
            at(r.max.y, self.origin.y, self.rows),
        )
    }

    /// Whether any rectangle filed that meets `area` satisfies `pred`.
    pub(super) fn any_meeting(&self, area: Rect, pred: impl Fn(&Rect) -> bool) -> bool {
        let hit = |i: &u32| self.rects.get(*i as usize).is_some_and(|r| r.intersects(area) && pred(r));
        if self.loose.iter().any(hit) {
            return true;
        }
        if self.starts.is_empty() || !area.is_finite() {
            // An area reaching past every square: look at everything.
            return !area.is_finite() && self.rects.iter().any(|r| r.intersects(area) && pred(r));
        }
        let far = pos2(self.origin.x + self.cols as f32 * self.side, self.origin.y + self.rows as f32 * self.side);
        if area.max.x < self.origin.x || area.max.y < self.origin.y || area.min.x > far.x || area.min.y > far.y {
            return false;
        }
        let (c0, r0, c1, r1) = self.span(area);
        (r0..=r1).any(|row| (c0..=c1).any(|col| self.square(col, row).iter().any(hit)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::vec2;

    #[test]
    fn a_query_finds_exactly_the_rectangles_a_scan_of_all_of_them_finds() {
        // A grid of card-like boxes and a few odd ones, queried all over and beyond.
        let mut rects: Vec<Rect> = (0..400)
            .map(|i| Rect::from_min_size(pos2((i % 20) as f32 * 130.0, (i / 20) as f32 * 95.0), vec2(120.0, 80.0)))
            .collect();
        rects.push(Rect::from_min_size(pos2(-500.0, 40.0), vec2(3000.0, 10.0)));
        rects.push(Rect::NOTHING);
        let buckets = Buckets::new(rects.clone());
        for k in 0..2000 {
            let (x, y) = ((k * 37 % 3100) as f32 - 300.0, (k * 53 % 2200) as f32 - 200.0);
            let area = Rect::from_min_size(pos2(x, y), vec2((k % 7) as f32 * 40.0, (k % 5) as f32 * 30.0));
            let scan = rects.iter().any(|r| r.intersects(area));
            assert_eq!(buckets.any_meeting(area, |_| true), scan, "{area:?}");
            let wide = area.expand(60.0);
            let both = rects.iter().any(|r| r.intersects(wide) && r.intersects(area.translate(vec2(30.0, 0.0))));
            assert_eq!(buckets.any_meeting(wide, |r| r.intersects(area.translate(vec2(30.0, 0.0)))), both);
        }
    }

    #[test]
    fn nothing_filed_meets_nothing() {
        let buckets = Buckets::new(Vec::new());
        assert!(!buckets.any_meeting(Rect::from_min_size(Pos2::ZERO, vec2(10.0, 10.0)), |_| true));
    }
}
