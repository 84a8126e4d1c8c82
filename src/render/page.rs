//! Sizing a picture for where it goes: a page of a report (A4, A3, Letter) at a print
//! resolution, a 16:9 slide, or a width in pixels. The map keeps its shape and is scaled to fit.

use crate::render::export::BASE_DPI;

/// Where an exported picture goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Destination {
    /// A page (width × height in millimetres, portrait) with 15 mm margins, at `dpi`.
    Page { size_mm: [f32; 2], landscape: Option<bool>, dpi: f32 },
    /// A 16:9 slide of 1920×1080 pixels.
    Slide,
    /// This many pixels wide.
    Width(u32),
}

/// Paper sizes, portrait, in millimetres.
pub const A4: [f32; 2] = [210.0, 297.0];
pub const A3: [f32; 2] = [297.0, 420.0];
pub const LETTER: [f32; 2] = [215.9, 279.4];
/// The margin on every side of a page, in millimetres.
pub const PAGE_MARGIN_MM: f32 = 15.0;

impl Destination {
    /// The scale (pixels per map point) and the resolution the PNG declares, for a picture of
    /// `size` points; the page's orientation, when not given, follows the picture's shape.
    pub fn scale_and_dpi(&self, size: egui::Vec2) -> (f32, f32) {
        let size = size.max(egui::Vec2::splat(1.0));
        match *self {
            Destination::Page { size_mm, landscape, dpi } => {
                let landscape = landscape.unwrap_or(size.x > size.y);
                let [w, h] = if landscape { [size_mm[1], size_mm[0]] } else { size_mm };
                let px = |mm: f32| (mm - 2.0 * PAGE_MARGIN_MM) / 25.4 * dpi;
                ((px(w) / size.x).min(px(h) / size.y), dpi)
            }
            Destination::Slide => ((1920.0 / size.x).min(1080.0 / size.y), BASE_DPI),
            Destination::Width(px) => (px as f32 / size.x, BASE_DPI),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_map_on_a4_fills_the_landscape_page_inside_its_margins_at_300_dpi() {
        let page = Destination::Page { size_mm: A4, landscape: None, dpi: 300.0 };
        let (scale, dpi) = page.scale_and_dpi(egui::vec2(1870.0, 1000.0));
        assert_eq!(dpi, 300.0);
        let width_mm = 1870.0 * scale / 300.0 * 25.4;
        assert!((width_mm - 267.0).abs() < 0.5, "{width_mm} mm: 297 mm less two 15 mm margins");
        let (scale, _) = Destination::Width(1200).scale_and_dpi(egui::vec2(600.0, 900.0));
        assert_eq!(scale, 2.0);
        let (scale, _) = Destination::Slide.scale_and_dpi(egui::vec2(1000.0, 1000.0));
        assert_eq!(scale, 1.08);
    }
}
