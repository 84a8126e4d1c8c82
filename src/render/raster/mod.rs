//! A CPU rasteriser for egui's tessellated meshes: the export needs no GPU.
//!
//! Triangles are filled span by span at pixel centres with a top-left fill rule; shared edges
//! are evaluated in one canonical vertex order, so two triangles meeting on a diagonal cover
//! each pixel exactly once and leave no seam under translucency. Colours are premultiplied
//! u8 in gamma space and blended `src + dst·(1−src.a)`, as egui's own GL painter does;
//! egui's feathering supplies the anti-aliasing. The image is drawn in bands of rows, shared
//! out over the cores.

mod cover;
mod fill;
mod glyph;

use egui::epaint::{ClippedPrimitive, Primitive, TextureId, Vertex};
use egui::{ImageData, TexturesDelta};
use fill::Band;
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

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
        // Both are clamped to ≥ 0, so truncation is the floor (and needs no call into libm).
        let (x0, y0) = (x as usize, y as usize);
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

/// Rows per band. A band of a 4000-pixel-wide image (0.5 MB) stays in a core's cache while
/// every triangle over it is drawn, so overdraw (page, lanes, cards, text) costs cache rather
/// than memory bandwidth; and many bands share out evenly over the cores.
const BAND_ROWS: usize = 32;

/// A mesh with what its triangles need: its texture and its clip rectangle in pixels.
struct Target<'a> {
    vertices: &'a [Vertex],
    indices: &'a [u32],
    texture: Option<&'a Texture>,
    clip: [f32; 4],
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
    rasterize_with(primitives, textures, pixels_per_point, width, height, clear, Paths { glyphs: true })
}

/// Which fast paths may be taken; tests turn them off to compare with the general path.
#[derive(Clone, Copy)]
struct Paths {
    glyphs: bool,
}

fn rasterize_with(
    primitives: &[ClippedPrimitive],
    textures: &Textures,
    pixels_per_point: f32,
    width: usize,
    height: usize,
    clear: [u8; 4],
    paths: Paths,
) -> Pixels {
    // Zeroed memory comes lazily from the system; each band is cleared by the thread that
    // draws it, while it is in that core's cache.
    let mut data = vec![[0; 4]; width * height];
    if width == 0 || height == 0 {
        return Pixels { width, height, data };
    }
    let meshes: Vec<Target> = primitives
        .iter()
        .filter_map(|prim| match &prim.primitive {
            Primitive::Mesh(mesh) => {
                let clip = prim.clip_rect;
                Some(Target {
                    vertices: &mesh.vertices,
                    indices: &mesh.indices,
                    texture: textures.textures.get(&mesh.texture_id),
                    clip: [
                        (clip.min.x * pixels_per_point).round().max(0.0),
                        (clip.min.y * pixels_per_point).round().max(0.0),
                        (clip.max.x * pixels_per_point).round().min(width as f32),
                        (clip.max.y * pixels_per_point).round().min(height as f32),
                    ],
                })
            }
            Primitive::Callback(_) => None,
        })
        .collect();
    let bins = bin(&meshes, pixels_per_point, height);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    // Threads take the next band when done with one, so a band dense with text does not hold
    // up the others.
    let bands = Mutex::new(data.chunks_mut(BAND_ROWS * width).zip(&bins).enumerate());
    let meshes = &meshes;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let next = bands.lock().unwrap_or_else(PoisonError::into_inner).next();
                    let Some((band, (chunk, triangles))) = next else { break };
                    if clear != [0; 4] {
                        chunk.fill(clear);
                    }
                    let y0 = band * BAND_ROWS;
                    let mut target =
                        Band { width, y0, y1: y0 + chunk.len() / width, data: chunk, glyphs: paths.glyphs };
                    for &(m, t) in triangles {
                        let mesh = &meshes[m as usize];
                        let i = t as usize * 3;
                        let v =
                            |k: usize| mesh.indices.get(i + k).and_then(|&j| mesh.vertices.get(j as usize)).copied();
                        if let (Some(a), Some(b), Some(c)) = (v(0), v(1), v(2)) {
                            target.triangle([a, b, c], pixels_per_point, mesh.clip, mesh.texture);
                        }
                    }
                }
            });
        }
    });
    Pixels { width, height, data }
}

/// For each band of rows, the triangles (mesh, triangle) that may cover it, in painting order.
/// Conservative by a row either side: the fill decides the exact pixels.
fn bin(meshes: &[Target], ppp: f32, height: usize) -> Vec<Vec<(u32, u32)>> {
    let mut bins = vec![Vec::new(); height.div_ceil(BAND_ROWS)];
    let last_row = (height - 1) as f32;
    for (m, mesh) in meshes.iter().enumerate() {
        let clip = mesh.clip;
        if clip[0] >= clip[2] || clip[1] >= clip[3] {
            continue;
        }
        for (t, tri) in mesh.indices.chunks_exact(3).enumerate() {
            let (mut lo, mut hi) = ([f32::INFINITY; 2], [f32::NEG_INFINITY; 2]);
            for &i in tri {
                let Some(v) = mesh.vertices.get(i as usize) else { continue };
                let p = [v.pos.x * ppp, v.pos.y * ppp];
                for k in 0..2 {
                    lo[k] = lo[k].min(p[k]);
                    hi[k] = hi[k].max(p[k]);
                }
            }
            if hi[0] < clip[0] || lo[0] > clip[2] || hi[1] < clip[1] || lo[1] > clip[3] {
                continue;
            }
            // `as` saturates (and takes NaN to 0), so any input gives bands in range.
            let first = (lo[1].max(clip[1]) - 1.0).clamp(0.0, last_row) as usize / BAND_ROWS;
            let last = (hi[1].min(clip[3]) + 1.0).clamp(0.0, last_row) as usize / BAND_ROWS;
            for band in &mut bins[first..=last] {
                band.push((m as u32, t as u32));
            }
        }
    }
    bins
}

#[cfg(test)]
mod tests;
