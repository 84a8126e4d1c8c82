//! Filling one triangle into a band of rows: spans at pixel centres, shading and blending.

use super::Texture;
use super::glyph::Glyph;
use egui::epaint::Vertex;

/// The rows `y0..y1` of the image, owned by one thread.
pub(super) struct Band<'a> {
    pub(super) width: usize,
    pub(super) y0: usize,
    pub(super) y1: usize,
    pub(super) data: &'a mut [[u8; 4]],
    /// Whether glyph quads may take their fast path.
    pub(super) glyphs: bool,
}

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

impl Band<'_> {
    pub(super) fn triangle(&mut self, mut v: [Vertex; 3], ppp: f32, clip: [f32; 4], texture: Option<&Texture>) {
        let mut p = v.map(|v| [v.pos.x * ppp, v.pos.y * ppp]);
        let area = (p[1][0] - p[0][0]) * (p[2][1] - p[0][1]) - (p[1][1] - p[0][1]) * (p[2][0] - p[0][0]);
        if area.abs() < 1e-12 || !area.is_finite() {
            return;
        }
        if area < 0.0 {
            p.swap(1, 2);
            v.swap(1, 2);
        }
        let min_y = p.iter().map(|q| q[1]).fold(f32::INFINITY, f32::min).max(clip[1]).max(self.y0 as f32);
        let max_y = p.iter().map(|q| q[1]).fold(f32::NEG_INFINITY, f32::max).min(clip[3]).min(self.y1 as f32);
        let min_x = p.iter().map(|q| q[0]).fold(f32::INFINITY, f32::min).max(clip[0]);
        let max_x = p.iter().map(|q| q[0]).fold(f32::NEG_INFINITY, f32::max).min(clip[2]);
        if min_y >= max_y || min_x >= max_x {
            return;
        }
        let edges = [edge(p[1], p[2]), edge(p[2], p[0]), edge(p[0], p[1])];
        let top_left = [is_top_left(p[1], p[2]), is_top_left(p[2], p[0]), is_top_left(p[0], p[1])];
        // Barycentric weights are the edge functions over the doubled area.
        let total = area.abs();

        // How the pixels get their colour: decided once per triangle, not per pixel.
        let same_colour = v[0].color == v[1].color && v[1].color == v[2].color;
        let same_uv = v[0].uv == v[1].uv && v[1].uv == v[2].uv;
        let colours = v.map(|v| v.color.to_array().map(f32::from));
        let paint = if same_uv {
            // One texel: sampled once, exactly as each pixel would sample it.
            let texel = texture.map(|t| t.sample(v[0].uv.x, v[0].uv.y));
            if same_colour { Paint::Solid(shade(colours[0], texel)) } else { Paint::Gradient(texel) }
        } else {
            match texture.filter(|_| same_colour && self.glyphs).and_then(|t| Glyph::new(&p, &v, t)) {
                Some(glyph) => Paint::Glyph(glyph),
                None => Paint::General,
            }
        };

        let first_row = ceil(min_y - 0.5).max(self.y0 as f32) as usize;
        let last_row = (floor(max_y - 0.5) as isize).min(self.y1 as isize - 1);
        if last_row < first_row as isize {
            return;
        }
        for py in first_row..=(last_row as usize) {
            let y = py as f32 + 0.5;
            let mut lo = ceil(min_x - 0.5).max(0.0);
            let mut hi = floor(max_x - 0.5).min(self.width as f32 - 1.0);
            for (e, tl) in edges.iter().zip(top_left) {
                let c = e[1] * y + e[2];
                if e[0] == 0.0 {
                    if c < 0.0 || (c == 0.0 && !tl) {
                        lo = 1.0;
                        hi = 0.0;
                    }
                    continue;
                }
                let t = -c / e[0];
                if e[0] > 0.0 {
                    // x ≥ t (strictly when the edge is not top-left)
                    let b = if tl { ceil(t - 0.5) } else { floor(t - 0.5) + 1.0 };
                    lo = lo.max(b);
                } else {
                    let b = if tl { floor(t - 0.5) } else { ceil(t - 0.5) - 1.0 };
                    hi = hi.min(b);
                }
            }
            if lo > hi {
                continue;
            }
            let (lo, hi) = (lo as usize, hi as usize);
            let row = &mut self.data[(py - self.y0) * self.width..(py - self.y0 + 1) * self.width];
            let span = &mut row[lo..=hi];
            match &paint {
                Paint::Solid(src) => blend_span(span, *src),
                Paint::Glyph(glyph) => glyph.span(span, lo, py),
                Paint::Gradient(_) | Paint::General => {
                    // Barycentric weights step linearly along the row.
                    let x0 = lo as f32 + 0.5;
                    let mut w: [f32; 3] = [0, 1, 2].map(|i| (edges[i][0] * x0 + edges[i][1] * y + edges[i][2]) / total);
                    let dw: [f32; 3] = [0, 1, 2].map(|i| edges[i][0] / total);
                    for dst in span {
                        let colour = if same_colour {
                            colours[0]
                        } else {
                            [0, 1, 2, 3].map(|k| w[0] * colours[0][k] + w[1] * colours[1][k] + w[2] * colours[2][k])
                        };
                        let src = match &paint {
                            Paint::Gradient(texel) => shade(colour, *texel),
                            _ => {
                                let u = w[0] * v[0].uv.x + w[1] * v[1].uv.x + w[2] * v[2].uv.x;
                                let vv = w[0] * v[0].uv.y + w[1] * v[1].uv.y + w[2] * v[2].uv.y;
                                shade(colour, texture.map(|t| t.sample(u, vv)))
                            }
                        };
                        if src[3] != 0 || src != [0; 4] {
                            *dst = blend(*dst, src);
                        }
                        for i in 0..3 {
                            w[i] += dw[i];
                        }
                    }
                }
            }
        }
    }
}

/// How a triangle's pixels get their colour.
enum Paint<'a> {
    /// One colour for every pixel.
    Solid([u8; 4]),
    /// A texture mapped texel for pixel, in one colour: text.
    Glyph(Glyph<'a>),
    /// Interpolated colours over one texel (or none): feathered edges, shadows.
    Gradient(Option<[f32; 4]>),
    /// Interpolated colours and texture coordinates.
    General,
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

/// Vertex colour × texel (none: white), both premultiplied.
#[inline]
fn shade(colour: [f32; 4], texel: Option<[f32; 4]>) -> [u8; 4] {
    const K: f32 = 1.0 / 255.0;
    match texel {
        None => [colour[0] as u8, colour[1] as u8, colour[2] as u8, colour[3] as u8],
        // `as u8` saturates, so no clamp is needed; +0.5 rounds.
        Some(texel) => [
            (colour[0] * texel[0] * K + 0.5) as u8,
            (colour[1] * texel[1] * K + 0.5) as u8,
            (colour[2] * texel[2] * K + 0.5) as u8,
            (colour[3] * texel[3] * K + 0.5) as u8,
        ],
    }
}

#[inline]
pub(super) fn blend(dst: [u8; 4], src: [u8; 4]) -> [u8; 4] {
    let inv = 255 - u32::from(src[3]);
    let ch = |s: u8, d: u8| (u32::from(s) + (u32::from(d) * inv + 127) / 255).min(255) as u8;
    [ch(src[0], dst[0]), ch(src[1], dst[1]), ch(src[2], dst[2]), ch(src[3], dst[3])]
}

fn blend_span(span: &mut [[u8; 4]], src: [u8; 4]) {
    match src[3] {
        255 => span.fill(src),
        0 if src == [0; 4] => {}
        _ => {
            for d in span {
                *d = blend(*d, src);
            }
        }
    }
}
