//! Polku's CPU rasteriser as the renderer of `egui_kittest` snapshots: UI images need no GPU.

use egui_kittest::TestRenderer;
use polku::render::raster::{Textures, rasterize};

/// Renders a harness's frames with `polku::render::raster`.
#[derive(Default)]
pub struct CpuRenderer {
    textures: Textures,
}

impl TestRenderer for CpuRenderer {
    fn handle_delta(&mut self, delta: &mut egui::TexturesDelta) {
        self.textures.apply(delta);
    }

    fn render(&mut self, ctx: &egui::Context, output: &egui::FullOutput) -> Result<image::RgbaImage, String> {
        let ppp = output.pixels_per_point;
        let primitives = ctx.tessellate(output.shapes.clone(), ppp);
        let size = ctx.content_rect().size() * ppp;
        let (w, h) = (size.x.round() as usize, size.y.round() as usize);
        let pixels = rasterize(&primitives, &self.textures, ppp, w, h, [0, 0, 0, 255]);
        image::RgbaImage::from_raw(w as u32, h as u32, pixels.to_straight_rgba())
            .ok_or_else(|| "bad image size".to_owned())
    }
}
