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

fn rasterize_general(primitives: &[ClippedPrimitive], textures: &Textures, ppp: f32, w: usize, h: usize) -> Pixels {
    rasterize_with(primitives, textures, ppp, w, h, WHITE, Paths { glyphs: false })
}

/// A `w`×`h` font-atlas-like texture: white, with varied coverage in alpha.
fn atlas(w: usize, h: usize) -> Textures {
    let pixels = (0..w * h).map(|i| Color32::from_white_alpha(((i % w) * 37 + (i / w) * 91) as u8)).collect();
    let mut delta = TexturesDelta::default();
    delta.push(
        TextureId::default(),
        egui::epaint::ImageDelta::full(egui::ColorImage::new([w, h], pixels), egui::TextureOptions::LINEAR),
    );
    let mut textures = Textures::default();
    textures.apply(&mut delta);
    textures
}

/// A glyph as egui lays one out: `size` pixels at pixel `at`, from texel `texel`, at `ppp`.
fn glyph_quad(at: [f32; 2], size: [f32; 2], texel: [f32; 2], atlas_size: [f32; 2], ppp: f32) -> Mesh {
    let mut mesh = Mesh::with_texture(TextureId::default());
    let min = pos2(at[0] / ppp, at[1] / ppp);
    mesh.add_rect_with_uv(
        Rect::from_min_max(min, min + egui::vec2(size[0] / ppp, size[1] / ppp)),
        Rect::from_min_max(
            pos2(texel[0] / atlas_size[0], texel[1] / atlas_size[1]),
            pos2((texel[0] + size[0]) / atlas_size[0], (texel[1] + size[1]) / atlas_size[1]),
        ),
        Color32::from_rgba_premultiplied(30, 60, 90, 200),
    );
    mesh
}

#[test]
fn a_glyph_quad_takes_the_fast_path_and_paints_the_same_pixels() {
    let textures = atlas(64, 32);
    let ppp = 2.0;
    let mesh = glyph_quad([5.0, 3.0], [11.0, 17.0], [40.0, 9.0], [64.0, 32.0], ppp);
    let tex = &textures.textures[&TextureId::default()];
    for tri in mesh.indices.chunks_exact(3) {
        let v = [0, 1, 2].map(|k| mesh.vertices[tri[k] as usize]);
        let p = v.map(|v| [v.pos.x * ppp, v.pos.y * ppp]);
        assert!(glyph::Glyph::new(&p, &v, tex).is_some(), "{p:?} does not map texel for pixel");
    }
    let prims = [prim(mesh, EVERYWHERE)];
    let fast = rasterize(&prims, &textures, ppp, 24, 24, WHITE);
    let general = rasterize_general(&prims, &textures, ppp, 24, 24);
    assert_eq!(fast, general);
    assert!(fast.data.iter().filter(|p| **p != WHITE).count() > 150, "the glyph was not drawn");
}

#[test]
fn a_glyph_quad_over_the_atlas_edges_repeats_the_edge_texels_as_the_general_path_does() {
    let textures = atlas(64, 32);
    let ppp = 1.0;
    // Hanging over the left edge, the right edge, and the bottom, each wider than the four
    // pixels the fast path takes at a time.
    for texel in [[-3.0, 9.0], [58.0, 9.0], [20.0, 25.0], [-70.0, 0.0]] {
        let prims = [prim(glyph_quad([5.0, 3.0], [13.0, 17.0], texel, [64.0, 32.0], ppp), EVERYWHERE)];
        let fast = rasterize(&prims, &textures, ppp, 24, 24, WHITE);
        assert_eq!(fast, rasterize_general(&prims, &textures, ppp, 24, 24), "from texel {texel:?}");
        assert!(fast.data.iter().filter(|p| **p != WHITE).count() > 150, "the glyph was not drawn");
    }
}

#[test]
fn a_scaled_or_offset_textured_quad_is_not_taken_for_a_glyph() {
    let textures = atlas(64, 32);
    let tex = &textures.textures[&TextureId::default()];
    // Two pixels per texel, and half a texel off.
    for (size, texel) in [([11.0, 17.0], [40.0, 9.0]), ([11.0, 17.0], [40.5, 9.0])] {
        let mut mesh = glyph_quad([5.0, 3.0], size, texel, [64.0, 32.0], 1.0);
        if texel[0] == 40.0 {
            mesh.vertices.iter_mut().for_each(|v| v.pos = pos2(v.pos.x * 2.0, v.pos.y));
        }
        let v = [0, 1, 2].map(|k| mesh.vertices[mesh.indices[k] as usize]);
        let p = v.map(|v| [v.pos.x, v.pos.y]);
        assert!(glyph::Glyph::new(&p, &v, tex).is_none(), "{p:?} taken for a glyph");
    }
}

#[test]
fn far_from_the_origin_a_glyph_gets_its_own_texels_where_interpolation_drifts() {
    // Where the sample's 4000-pixel-wide export showed a stem of an "I" lighter in some rows:
    // this far out, the general path's interpolated texture coordinates drift off the texel
    // centres and blend in neighbours, while the fast path reads each texel exactly.
    let textures = atlas(16384, 64);
    let ppp = 4000.0 / 1872.0;
    let mesh = glyph_quad([3235.0, 1611.0], [5.0, 21.0], [11610.0, 0.0], [16384.0, 64.0], ppp);
    let img = rasterize(&[prim(mesh, EVERYWHERE)], &textures, ppp, 3250, 1640, WHITE);
    let tex = &textures.textures[&TextureId::default()];
    for y in 1611..1632 {
        for x in 3235..3240 {
            let texel = tex.texels[(y - 1611) * 16384 + x - 3235 + 11610];
            let src = [30, 60, 90, 200].map(|c| glyph::modulate(c, texel[3]));
            assert_eq!(img.data[y * 3250 + x], fill::blend(WHITE, src), "({x},{y})");
        }
    }
}

#[test]
fn integer_modulation_equals_the_float_shading_for_every_colour_and_texel() {
    const K: f32 = 1.0 / 255.0;
    for c in 0..=255u16 {
        for t in 0..=255u8 {
            let float = (f32::from(c) * f32::from(t) * K + 0.5) as u8;
            assert_eq!(glyph::modulate(c, t), float, "{c} × {t}");
        }
    }
}

#[test]
fn sixteen_bit_scaling_equals_the_rounded_quotient_for_every_pair() {
    for d in 0..=255u8 {
        for f in 0..=255u16 {
            let quotient = (u32::from(d) * u32::from(f) + 127) / 255;
            assert_eq!(u32::from(fill::scale(d, f)), quotient, "{d} × {f}");
        }
    }
}
