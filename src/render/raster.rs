//! A CPU rasteriser for egui's tessellated meshes: the export needs no GPU.
//!
//! Triangles are filled span by span at pixel centres with a top-left fill rule; shared edges
//! are evaluated in one canonical vertex order, so two triangles meeting on a diagonal cover
//! each pixel exactly once and leave no seam under translucency. Colours are premultiplied
//! u8 in gamma space and blended `src + dst·(1−src.a)`, as egui's own GL painter does;
//! egui's feathering supplies the anti-aliasing. Rows are split across the cores.

use egui::epaint::{ClippedPrimitive, Primitive, TextureId, Vertex};
use egui::{ImageData, TexturesDelta};
use std::collections::HashMap;

/// A texture as premultiplied RGBA8 texels.
#[derive(Clone, Debug)]
struct Texture {
    size: [usize; 2],
    texels: Vec<[u8; 4]>,
}

/// The textures egui asked for (the font atlas, and any images).
#[derive(Clone, Debug, Default)]
pub struct Textures {
    textures: HashMap<TextureId, Texture>,
}

impl Textures {
    /// Applies egui's texture changes, whole and partial, and empties `delta`.
    pub fn apply(&mut self, delta: &mut TexturesDelta) {
        for (id, d) in delta.set.drain().flat_map(|(id, ds)| ds.into_iter().map(move |d| (id, d))) {
            let ImageData::Color(image) = &d.image;
            let texels: Vec<[u8; 4]> = image.pixels.iter().map(|c| c.to_array()).collect();
            let [w, h] = image.size;
            match d.pos {
                None => {
                    self.textures.insert(id, Texture { size: [w, h], texels });
                }
                Some([x0, y0]) => {
                    let Some(tex) = self.textures.get_mut(&id) else { continue };
                    for y in 0..h {
                        for x in 0..w {
                            let (tx, ty) = (x0 + x, y0 + y);
                            if tx < tex.size[0] && ty < tex.size[1] {
                                tex.texels[ty * tex.size[0] + tx] = texels[y * w + x];
                            }
                        }
                    }
                }
            }
        }
        for id in delta.free.drain() {
            self.textures.remove(&id);
        }
    }
}

impl Texture {
    /// Bilinear sample at normalised `(u, v)`, clamped to the edge.
    fn sample(&self, u: f32, v: f32) -> [f32; 4] {
        let [w, h] = self.size;
        if w == 0 || h == 0 {
            return [255.0; 4];
        }
        let x = (u * w as f32 - 0.5).clamp(0.0, (w - 1) as f32);
        let y = (v * h as f32 - 0.5).clamp(0.0, (h - 1) as f32);
        let (x0, y0) = (x.floor() as usize, y.floor() as usize);
        let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
        let (fx, fy) = (x - x0 as f32, y - y0 as f32);
        let t = |xx: usize, yy: usize| self.texels[yy * w + xx];
        let (a, b, c, d) = (t(x0, y0), t(x1, y0), t(x0, y1), t(x1, y1));
        let mut out = [0.0; 4];
        for (i, o) in out.iter_mut().enumerate() {
            let top = f32::from(a[i]) + (f32::from(b[i]) - f32::from(a[i])) * fx;
            let bottom = f32::from(c[i]) + (f32::from(d[i]) - f32::from(c[i])) * fx;
            *o = top + (bottom - top) * fy;
        }
        out
    }
}

/// A premultiplied RGBA8 image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pixels {
    pub width: usize,
    pub height: usize,
    /// Premultiplied RGBA, row by row.
    pub data: Vec<[u8; 4]>,
}

impl Pixels {
    /// Straight (non-premultiplied) RGBA bytes, as PNG wants them.
    pub fn to_straight_rgba(&self) -> Vec<u8> {
        // One copy, then only the translucent pixels (edges, shadows) are touched.
        let mut out = self.data.as_flattened().to_vec();
        for px in out.chunks_exact_mut(4) {
            let a = px[3];
            if a != 255 && a != 0 {
                for c in &mut px[..3] {
                    *c = ((u32::from(*c) * 255 + u32::from(a) / 2) / u32::from(a)).min(255) as u8;
                }
            }
        }
        out
    }
}

/// Rasterises `primitives` (positions in points) into a `width`×`height` image at
/// `pixels_per_point`, starting from `clear`.
pub fn rasterize(
    primitives: &[ClippedPrimitive],
    textures: &Textures,
    pixels_per_point: f32,
    width: usize,
    height: usize,
    clear: [u8; 4],
) -> Pixels {
    let mut data = vec![clear; width * height];
    if width == 0 || height == 0 {
        return Pixels { width, height, data };
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let rows_per_band = height.div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for (band, chunk) in data.chunks_mut(rows_per_band * width).enumerate() {
            let y0 = band * rows_per_band;
            scope.spawn(move || {
                let mut target = Band { width, y0, y1: y0 + chunk.len() / width, data: chunk };
                for prim in primitives {
                    if let Primitive::Mesh(mesh) = &prim.primitive {
                        let texture = textures.textures.get(&mesh.texture_id);
                        let clip = prim.clip_rect;
                        let clip = [
                            (clip.min.x * pixels_per_point).round().max(0.0),
                            (clip.min.y * pixels_per_point).round().max(0.0),
                            (clip.max.x * pixels_per_point).round().min(width as f32),
                            (clip.max.y * pixels_per_point).round().min(height as f32),
                        ];
                        for tri in mesh.indices.chunks_exact(3) {
                            let v = |i: u32| mesh.vertices.get(i as usize).copied();
                            if let (Some(a), Some(b), Some(c)) = (v(tri[0]), v(tri[1]), v(tri[2])) {
                                target.triangle([a, b, c], pixels_per_point, clip, texture);
                            }
                        }
                    }
                }
            });
        }
    });
    Pixels { width, height, data }
}

/// The rows `y0..y1` of the image, owned by one thread.
struct Band<'a> {
    width: usize,
    y0: usize,
    y1: usize,
    data: &'a mut [[u8; 4]],
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
    fn triangle(&mut self, mut v: [Vertex; 3], ppp: f32, clip: [f32; 4], texture: Option<&Texture>) {
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

        // A constant colour and texel over the whole triangle: one blend colour for all pixels.
        let same_colour = v[0].color == v[1].color && v[1].color == v[2].color;
        let same_uv = v[0].uv == v[1].uv && v[1].uv == v[2].uv;
        let solid = same_colour && same_uv;
        let solid_src =
            if solid { shade(v[0].color.to_array().map(f32::from), texture, v[0].uv.x, v[0].uv.y) } else { [0; 4] };

        let first_row = (min_y - 0.5).ceil().max(self.y0 as f32) as usize;
        let last_row = ((max_y - 0.5).floor() as isize).min(self.y1 as isize - 1);
        if last_row < first_row as isize {
            return;
        }
        for py in first_row..=(last_row as usize) {
            let y = py as f32 + 0.5;
            let mut lo = (min_x - 0.5).ceil().max(0.0);
            let mut hi = (max_x - 0.5).floor().min(self.width as f32 - 1.0);
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
                    let b = if tl { (t - 0.5).ceil() } else { (t - 0.5).floor() + 1.0 };
                    lo = lo.max(b);
                } else {
                    let b = if tl { (t - 0.5).floor() } else { (t - 0.5).ceil() - 1.0 };
                    hi = hi.min(b);
                }
            }
            if lo > hi {
                continue;
            }
            let (lo, hi) = (lo as usize, hi as usize);
            let row = &mut self.data[(py - self.y0) * self.width..(py - self.y0 + 1) * self.width];
            if solid {
                blend_span(&mut row[lo..=hi], solid_src);
                continue;
            }
            // Barycentric weights step linearly along the row.
            let x0 = lo as f32 + 0.5;
            let mut w: [f32; 3] = [0, 1, 2].map(|i| (edges[i][0] * x0 + edges[i][1] * y + edges[i][2]) / total);
            let dw: [f32; 3] = [0, 1, 2].map(|i| edges[i][0] / total);
            let colours = v.map(|v| v.color.to_array().map(f32::from));
            for dst in &mut row[lo..=hi] {
                let colour = if same_colour {
                    colours[0]
                } else {
                    [0, 1, 2, 3].map(|k| w[0] * colours[0][k] + w[1] * colours[1][k] + w[2] * colours[2][k])
                };
                let src = if same_uv {
                    shade(colour, texture, v[0].uv.x, v[0].uv.y)
                } else {
                    let u = w[0] * v[0].uv.x + w[1] * v[1].uv.x + w[2] * v[2].uv.x;
                    let vv = w[0] * v[0].uv.y + w[1] * v[1].uv.y + w[2] * v[2].uv.y;
                    shade(colour, texture, u, vv)
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

/// Vertex colour × texel, both premultiplied.
#[inline]
fn shade(colour: [f32; 4], texture: Option<&Texture>, u: f32, v: f32) -> [u8; 4] {
    const K: f32 = 1.0 / 255.0;
    match texture {
        None => [colour[0] as u8, colour[1] as u8, colour[2] as u8, colour[3] as u8],
        Some(t) => {
            let texel = t.sample(u, v);
            // `as u8` saturates, so no clamp is needed; +0.5 rounds.
            [
                (colour[0] * texel[0] * K + 0.5) as u8,
                (colour[1] * texel[1] * K + 0.5) as u8,
                (colour[2] * texel[2] * K + 0.5) as u8,
                (colour[3] * texel[3] * K + 0.5) as u8,
            ]
        }
    }
}

#[inline]
fn blend(dst: [u8; 4], src: [u8; 4]) -> [u8; 4] {
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

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{Mesh, WHITE_UV};
    use egui::{Color32, Rect, pos2};

    fn prim(mesh: Mesh, clip: Rect) -> ClippedPrimitive {
        ClippedPrimitive { clip_rect: clip, primitive: Primitive::Mesh(mesh) }
    }

    fn quad(rect: Rect, colour: Color32) -> Mesh {
        let mut m = Mesh::default();
        m.add_colored_rect(rect, colour);
        m
    }

    const WHITE: [u8; 4] = [255; 4];
    const EVERYWHERE: Rect = Rect { min: pos2(-1e4, -1e4), max: pos2(1e4, 1e4) };

    #[test]
    fn a_translucent_quad_split_on_its_diagonal_blends_every_pixel_exactly_once() {
        let half_black = Color32::from_rgba_premultiplied(0, 0, 0, 128);
        // Odd, fractional corners put pixel centres right on the shared diagonal.
        let mesh = quad(Rect::from_min_max(pos2(0.5, 0.5), pos2(13.5, 13.5)), half_black);
        let img = rasterize(&[prim(mesh, EVERYWHERE)], &Textures::default(), 1.0, 16, 16, WHITE);
        let inside: Vec<[u8; 4]> =
            (1..13).flat_map(|y| (1..13).map(move |x| (x, y))).map(|(x, y)| img.data[y * 16 + x]).collect();
        let first = inside[0];
        assert_eq!(first, [127, 127, 127, 255]);
        assert!(inside.iter().all(|p| *p == first), "a seam or a double blend: {inside:?}");
    }

    #[test]
    fn adjacent_quads_leave_no_gap_and_no_overlap() {
        let c = Color32::from_rgba_premultiplied(0, 0, 100, 100);
        let mut mesh = quad(Rect::from_min_max(pos2(0.0, 0.0), pos2(5.3, 8.0)), c);
        mesh.append(quad(Rect::from_min_max(pos2(5.3, 0.0), pos2(10.0, 8.0)), c));
        let img = rasterize(&[prim(mesh, EVERYWHERE)], &Textures::default(), 1.0, 10, 8, [0; 4]);
        assert!(img.data.iter().all(|p| *p == [0, 0, 100, 100]), "{:?}", img.data);
    }

    #[test]
    fn clipping_keeps_pixels_outside_the_clip_rect_untouched() {
        let mesh = quad(Rect::from_min_max(pos2(0.0, 0.0), pos2(10.0, 10.0)), Color32::RED);
        let clip = Rect::from_min_max(pos2(2.0, 3.0), pos2(6.0, 7.0));
        let img = rasterize(&[prim(mesh, clip)], &Textures::default(), 1.0, 10, 10, WHITE);
        for y in 0..10 {
            for x in 0..10 {
                let inside = (2..6).contains(&x) && (3..7).contains(&y);
                let expected = if inside { [255, 0, 0, 255] } else { WHITE };
                assert_eq!(img.data[y * 10 + x], expected, "({x},{y})");
            }
        }
    }

    #[test]
    fn pixels_per_point_scales_geometry_and_clip() {
        let mesh = quad(Rect::from_min_max(pos2(1.0, 1.0), pos2(3.0, 3.0)), Color32::BLACK);
        let img = rasterize(&[prim(mesh, EVERYWHERE)], &Textures::default(), 2.0, 8, 8, WHITE);
        let black = img.data.iter().filter(|p| **p == [0, 0, 0, 255]).count();
        assert_eq!(black, 16);
        assert_eq!(img.data[2 * 8 + 2], [0, 0, 0, 255]);
        assert_eq!(img.data[8 + 1], WHITE);
    }

    #[test]
    fn textures_are_sampled_and_multiplied_by_the_vertex_colour() {
        let mut textures = Textures::default();
        // A 2×1 texture: opaque white, then transparent.
        let image = egui::ColorImage::new([2, 1], vec![Color32::WHITE, Color32::TRANSPARENT]);
        let mut delta = TexturesDelta::default();
        delta.push(TextureId::Managed(7), egui::epaint::ImageDelta::full(image, egui::TextureOptions::NEAREST));
        textures.apply(&mut delta);

        let mut mesh = Mesh::with_texture(TextureId::Managed(7));
        let blue = Color32::from_rgb(0, 0, 255);
        // Left half maps to texel 0 (white), right half to texel 1 (transparent).
        mesh.add_rect_with_uv(
            Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 1.0)),
            Rect::from_min_max(pos2(0.25, 0.5), pos2(0.25, 0.5)),
            blue,
        );
        mesh.add_rect_with_uv(
            Rect::from_min_max(pos2(2.0, 0.0), pos2(4.0, 1.0)),
            Rect::from_min_max(pos2(0.75, 0.5), pos2(0.75, 0.5)),
            blue,
        );
        let img = rasterize(&[prim(mesh, EVERYWHERE)], &textures, 1.0, 4, 1, WHITE);
        assert_eq!(img.data[0], [0, 0, 255, 255]);
        assert_eq!(img.data[3], WHITE);
    }

    #[test]
    fn partial_texture_updates_patch_the_texture_in_place() {
        let mut textures = Textures::default();
        let mut delta = TexturesDelta::default();
        let id = TextureId::Managed(0);
        delta.push(
            id,
            egui::epaint::ImageDelta::full(
                egui::ColorImage::new([2, 2], vec![Color32::BLACK; 4]),
                egui::TextureOptions::NEAREST,
            ),
        );
        delta.push(
            id,
            egui::epaint::ImageDelta::partial(
                [1, 1],
                egui::ColorImage::new([1, 1], vec![Color32::WHITE]),
                egui::TextureOptions::NEAREST,
            ),
        );
        textures.apply(&mut delta);
        assert!(delta.set.is_empty());
        let tex = &textures.textures[&id];
        assert_eq!(tex.texels[3], [255; 4]);
        assert_eq!(tex.texels[0], [0, 0, 0, 255]);
    }

    #[test]
    fn the_white_uv_of_the_font_atlas_leaves_vertex_colours_unchanged() {
        let mut textures = Textures::default();
        let mut pixels = vec![Color32::TRANSPARENT; 4];
        pixels[0] = Color32::WHITE;
        let mut delta = TexturesDelta::default();
        delta.push(
            TextureId::default(),
            egui::epaint::ImageDelta::full(egui::ColorImage::new([2, 2], pixels), egui::TextureOptions::NEAREST),
        );
        textures.apply(&mut delta);
        let mut mesh = Mesh::default();
        mesh.add_colored_rect(Rect::from_min_max(pos2(0.0, 0.0), pos2(2.0, 2.0)), Color32::from_rgb(10, 20, 30));
        assert_eq!(mesh.vertices[0].uv, WHITE_UV);
        let img = rasterize(&[prim(mesh, EVERYWHERE)], &textures, 1.0, 2, 2, WHITE);
        assert!(img.data.iter().all(|p| *p == [10, 20, 30, 255]));
    }

    #[test]
    fn straight_alpha_conversion_undoes_premultiplication() {
        let p = Pixels { width: 1, height: 1, data: vec![[64, 0, 0, 128]] };
        assert_eq!(p.to_straight_rgba(), vec![128, 0, 0, 128]);
    }
}
