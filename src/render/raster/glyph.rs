//! Text: egui places glyphs on whole pixels and its font atlas is drawn at the export's
//! pixels per point, so a glyph quad maps texel for pixel. Such a triangle copies texels
//! instead of interpolating texture coordinates and sampling bilinearly at every pixel.

use super::Texture;
use super::fill::{blend, scale};
use egui::epaint::Vertex;

/// How far (in texels) a corner's texture coordinate may sit from a texel-for-pixel mapping.
/// Positions carry f32 rounding (about 1/2000 pixel on a large export), far below this; a
/// general bilinear sample this close to a texel centre differs from the texel by at most
/// one level before rounding.
const TOLERANCE: f32 = 1.0 / 256.0;

/// A triangle whose texel under pixel `(x, y)` is `(x, y) + offset`, in one colour.
pub(super) struct Glyph<'a> {
    texels: &'a [[u8; 4]],
    size: [usize; 2],
    offset: [i64; 2],
    colour: [u16; 4],
}

impl<'a> Glyph<'a> {
    /// The texel-for-pixel mapping of a triangle with corners `p` (pixels) and `v`, if it
    /// has one. The mapping is affine, so being within [`TOLERANCE`] of it at the three
    /// corners bounds the error everywhere inside.
    pub(super) fn new(p: &[[f32; 2]; 3], v: &[Vertex; 3], texture: &'a Texture) -> Option<Self> {
        let [w, h] = texture.size;
        if w == 0 || h == 0 {
            return None;
        }
        // Texel minus pixel coordinates at a corner; texel and pixel centres are both at +½.
        let shift = |i: usize| [v[i].uv.x * w as f32 - p[i][0], v[i].uv.y * h as f32 - p[i][1]];
        let offset = shift(0).map(f32::round);
        // Also rejects NaN and offsets too large to be a texel.
        let near = |d: [f32; 2]| (0..2).all(|k| (d[k] - offset[k]).abs() <= TOLERANCE);
        if !(near(shift(0)) && near(shift(1)) && near(shift(2))) || offset.iter().any(|o| o.abs() > 1e9) {
            return None;
        }
        Some(Glyph {
            texels: &texture.texels,
            size: [w, h],
            offset: offset.map(|o| o as i64),
            colour: v[0].color.to_array().map(u16::from),
        })
    }

    /// Draws the pixels `x..x + span.len()` of row `y`. Texels are clamped to the edge, as
    /// the bilinear sample is.
    pub(super) fn span(&self, span: &mut [[u8; 4]], x: usize, y: usize) {
        let [w, h] = self.size;
        let ty = (y as i64 + self.offset[1]).clamp(0, h as i64 - 1) as usize;
        let Some(row) = self.texels.get(ty * w..(ty + 1) * w) else { return };
        let tx0 = x as i64 + self.offset[0];
        // The pixels whose texels are inside the row, and those clamped to its ends.
        let len = span.len() as i64;
        let (a, b) = ((-tx0).clamp(0, len) as usize, (w as i64 - tx0).clamp(0, len) as usize);
        let (left, rest) = span.split_at_mut(a);
        let (middle, right) = rest.split_at_mut(b.max(a) - a);
        for dst in left {
            self.pixel(dst, row[0]);
        }
        if let Some(texels) = row.get((tx0 + a as i64).max(0) as usize..).and_then(|t| t.get(..middle.len())) {
            self.run(middle, texels);
        }
        for dst in right {
            self.pixel(dst, row[w - 1]);
        }
    }

    #[inline]
    fn pixel(&self, dst: &mut [u8; 4], texel: [u8; 4]) {
        let src = [0, 1, 2, 3].map(|k| modulate(self.colour[k], texel[k]));
        *dst = blend(*dst, src);
    }

    /// Texel for pixel; four pixels at a time as sixteen channels, for the vector units.
    fn run(&self, span: &mut [[u8; 4]], texels: &[[u8; 4]]) {
        let colour: [u16; 16] = std::array::from_fn(|k| self.colour[k % 4]);
        let (quads, rest) = span.as_chunks_mut::<4>();
        let (texel_quads, texel_rest) = texels.as_chunks::<4>();
        for (quad, texel_quad) in quads.iter_mut().zip(texel_quads) {
            let (dst, texel) = (quad.as_flattened_mut(), texel_quad.as_flattened());
            let mut src = [0u16; 16];
            for ((s, &t), &c) in src.iter_mut().zip(texel).zip(&colour) {
                *s = scale(t, c);
            }
            for (k, d) in dst.iter_mut().enumerate() {
                let inv = 255 - src[k | 3];
                *d = (src[k] + scale(*d, inv)).min(255) as u8;
            }
        }
        for (dst, &texel) in rest.iter_mut().zip(texel_rest) {
            self.pixel(dst, texel);
        }
    }
}

/// `colour × texel / 255` rounded half up: what the general path's `f32` shading gives for
/// whole-number inputs (tested for every pair), in integers.
#[inline]
pub(super) fn modulate(colour: u16, texel: u8) -> u8 {
    scale(texel, colour) as u8
}
