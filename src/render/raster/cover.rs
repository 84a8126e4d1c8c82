//! Which pixels of each row a triangle covers: pixel centres inside it, with a top-left rule
//! for centres exactly on an edge.

/// Edge `a→b` as `A·x + B·y + C`, positive on the inside of a counter-clockwise triangle
/// (y down). Computed in one canonical order of the two points and negated if needed, so the
/// two triangles sharing an edge get exactly opposite coefficients.
fn edge(a: [f32; 2], b: [f32; 2]) -> [f32; 3] {
    let flip = (a[0], a[1]) > (b[0], b[1]);
    let (p, q) = if flip { (b, a) } else { (a, b) };
    let (dx, dy) = (q[0] - p[0], q[1] - p[1]);
    let coeffs = [-dy, dx, dy * p[0] - dx * p[1]];
    if flip { coeffs.map(|c| -c) } else { coeffs }
}

/// Whether a pixel centre exactly on edge `a→b` belongs to this triangle (top-left rule).
fn is_top_left(a: [f32; 2], b: [f32; 2]) -> bool {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    dy < 0.0 || (dy == 0.0 && dx > 0.0)
}

/// A counter-clockwise triangle's coverage within a band of rows and a clip rectangle.
pub(super) struct Cover {
    /// The edge functions, opposite each corner in turn (for barycentric weights).
    pub(super) edges: [[f32; 3]; 3],
    first_row: usize,
    last_row: usize,
    /// Bounds on the pixel columns that hold in every row: the bounding box, the clip, the
    /// image, and the vertical edges. Most triangles of a map (rectangles, glyph quads and
    /// their feathering) have one, so their row loop divides once, not twice.
    lo: f32,
    hi: f32,
    /// The edges whose bound changes from row to row, and their top-left flags.
    by_row: [([f32; 3], bool); 3],
    by_rows: usize,
}

impl Cover {
    /// `p` in pixels, counter-clockwise; `band` is the rows `band[0]..band[1]` being drawn.
    /// `None` when no pixel can be covered.
    pub(super) fn new(p: &[[f32; 2]; 3], clip: [f32; 4], band: [usize; 2], width: usize) -> Option<Cover> {
        let min_y = p.iter().map(|q| q[1]).fold(f32::INFINITY, f32::min).max(clip[1]).max(band[0] as f32);
        let max_y = p.iter().map(|q| q[1]).fold(f32::NEG_INFINITY, f32::max).min(clip[3]).min(band[1] as f32);
        let min_x = p.iter().map(|q| q[0]).fold(f32::INFINITY, f32::min).max(clip[0]);
        let max_x = p.iter().map(|q| q[0]).fold(f32::NEG_INFINITY, f32::max).min(clip[2]);
        if min_y >= max_y || min_x >= max_x {
            return None;
        }
        let first_row = ceil(min_y - 0.5).max(band[0] as f32) as usize;
        let last_row = (floor(max_y - 0.5) as isize).min(band[1] as isize - 1);
        if last_row < first_row as isize {
            return None;
        }
        let edges = [edge(p[1], p[2]), edge(p[2], p[0]), edge(p[0], p[1])];
        let top_left = [is_top_left(p[1], p[2]), is_top_left(p[2], p[0]), is_top_left(p[0], p[1])];
        let mut cover = Cover {
            edges,
            first_row,
            last_row: last_row as usize,
            lo: ceil(min_x - 0.5).max(0.0),
            hi: floor(max_x - 0.5).min(width as f32 - 1.0),
            by_row: [([0.0; 3], false); 3],
            by_rows: 0,
        };
        for (e, tl) in edges.into_iter().zip(top_left) {
            if e[1] == 0.0 && e[0] != 0.0 {
                // A vertical edge: `B·y` is a zero of either sign, so `B·y + C` is `C` in
                // every row, and so is the bound the row loop would find.
                (cover.lo, cover.hi) = narrow((cover.lo, cover.hi), e, tl, -e[2] / e[0]);
            } else {
                cover.by_row[cover.by_rows] = (e, tl);
                cover.by_rows += 1;
            }
        }
        Some(cover)
    }

    /// The rows that may have covered pixels.
    pub(super) fn rows(&self) -> std::ops::RangeInclusive<usize> {
        self.first_row..=self.last_row
    }

    /// The covered columns `lo..=hi` of row `py`, if any.
    #[inline]
    pub(super) fn row(&self, py: usize) -> Option<(usize, usize)> {
        let y = py as f32 + 0.5;
        let mut span = (self.lo, self.hi);
        for &(e, tl) in &self.by_row[..self.by_rows] {
            let c = e[1] * y + e[2];
            if e[0] == 0.0 {
                if c < 0.0 || (c == 0.0 && !tl) {
                    return None;
                }
                continue;
            }
            span = narrow(span, e, tl, -c / e[0]);
        }
        (span.0 <= span.1).then_some((span.0 as usize, span.1 as usize))
    }
}

/// Narrows the columns `lo..=hi` by edge `e`, which crosses the row at `x = t`.
#[inline]
fn narrow((lo, hi): (f32, f32), e: [f32; 3], tl: bool, t: f32) -> (f32, f32) {
    if e[0] > 0.0 {
        // x ≥ t (strictly when the edge is not top-left)
        (lo.max(if tl { ceil(t - 0.5) } else { floor(t - 0.5) + 1.0 }), hi)
    } else {
        (lo, hi.min(if tl { floor(t - 0.5) } else { ceil(t - 0.5) - 1.0 }))
    }
}

/// `floor` without a call into libm (the target has no rounding instruction); exact for
/// every finite `x` below 2^63 in magnitude, and beyond that saturating, which the callers
/// clamp anyway.
#[inline]
fn floor(x: f32) -> f32 {
    let t = x as i64 as f32;
    if t > x { t - 1.0 } else { t }
}

#[inline]
fn ceil(x: f32) -> f32 {
    -floor(-x)
}
