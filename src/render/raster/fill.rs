//! Filling one triangle into a band of rows: spans at pixel centres, shading and blending.

use super::Texture;
use super::cover::Cover;
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
        let Some(cover) = Cover::new(&p, clip, [self.y0, self.y1], self.width) else { return };
        let edges = cover.edges;
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

        for py in cover.rows() {
            let Some((lo, hi)) = cover.row(py) else { continue };
            let y = py as f32 + 0.5;
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

/// `src + dst·(1−src.a)` per channel, with `dst·(255−a)/255` rounded to nearest.
#[inline]
pub(super) fn blend(dst: [u8; 4], src: [u8; 4]) -> [u8; 4] {
    let inv = 255 - u16::from(src[3]);
    let ch = |k: usize| (u16::from(src[k]) + scale(dst[k], inv)).min(255) as u8;
    [ch(0), ch(1), ch(2), ch(3)]
}

/// `d·f/255` rounded to nearest, in 16 bits (exact for every pair; tested): 16-bit lanes are
/// what the vector units of every x86-64 multiply eight at a time, where dividing 32-bit
/// products by 255 is done one channel at a time.
#[inline]
pub(super) fn scale(d: u8, f: u16) -> u16 {
    let t = u16::from(d) * f + 128;
    (t + (t >> 8)) >> 8
}

fn blend_span(span: &mut [[u8; 4]], src: [u8; 4]) {
    match src[3] {
        255 => span.fill(src),
        0 if src == [0; 4] => {}
        _ => {
            // Four pixels at a time as sixteen channels, which the compiler turns into
            // vector multiplies (shadows and tints are millions of translucent pixels).
            let inv = 255 - u16::from(src[3]);
            let channels: [u16; 16] = std::array::from_fn(|k| u16::from(src[k % 4]));
            let (quads, rest) = span.as_chunks_mut::<4>();
            for quad in quads {
                for (d, s) in quad.as_flattened_mut().iter_mut().zip(&channels) {
                    *d = (s + scale(*d, inv)).min(255) as u8;
                }
            }
            for d in rest {
                *d = blend(*d, src);
            }
        }
    }
}
