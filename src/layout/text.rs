//! Text measured once at layout time and kept as explicit rows.
//!
//! Line breaks are decided here, with egui's font system, and never again: the canvas at any
//! zoom and the PNG at any scale draw the same rows, so text cannot re-wrap differently in
//! the export than on screen.

use egui::text::{LayoutJob, TextWrapping};
use egui::{Color32, FontFamily, FontId, Pos2, Rect, Vec2};

/// A block of wrapped text at a position in map units.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// Top-left of the first row.
    pub pos: Pos2,
    pub rows: Vec<String>,
    /// Width of each row, for alignment and for the bars drawn at tiny zoom.
    pub widths: Vec<f32>,
    pub size: f32,
    pub bold: bool,
    pub colour: Color32,
    pub line_height: f32,
}

impl TextRun {
    /// Height of all rows.
    pub fn height(&self) -> f32 {
        self.rows.len() as f32 * self.line_height
    }

    /// Width of the widest row.
    pub fn width(&self) -> f32 {
        self.widths.iter().copied().fold(0.0, f32::max)
    }

    /// The rectangle the rows cover.
    pub fn rect(&self) -> Rect {
        Rect::from_min_size(self.pos, Vec2::new(self.width(), self.height()))
    }

    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.rows.iter().all(|r| r.trim().is_empty())
    }

    /// The same text moved by `delta`.
    pub fn translated(mut self, delta: Vec2) -> TextRun {
        self.pos += delta;
        self
    }

    /// The font family of this run.
    pub fn family(&self) -> FontFamily {
        if self.bold { crate::fonts::bold() } else { FontFamily::Proportional }
    }
}

/// Measures text for layout; wraps egui's font system.
pub struct Measure<'a, 'b> {
    pub fonts: &'a mut egui::epaint::FontsView<'b>,
}

/// How much narrower than the available width text is wrapped: glyph advances differ by a
/// fraction of a pixel between pixel densities, and a row must never outgrow its box.
const WRAP_SLACK: f32 = 3.0;

impl Measure<'_, '_> {
    /// Wraps `text` to `width` (no wrap when `width` is infinite) at `pos`.
    pub fn run(&mut self, text: &str, pos: Pos2, size: f32, bold: bool, colour: Color32, width: f32) -> TextRun {
        let family = if bold { crate::fonts::bold() } else { FontFamily::Proportional };
        let line_height = (size * 1.32).round();
        // Emoji variation selectors (❤️ is a heart and U+FE0F) have no glyph of their own: the
        // fallback font would draw the heart twice.
        let selectors = ['\u{FE0E}', '\u{FE0F}'];
        let shown = if text.contains(selectors) { text.replace(selectors, "") } else { text.to_owned() };
        let mut job = LayoutJob::simple(shown, FontId::new(size, family), colour, f32::INFINITY);
        job.wrap = TextWrapping { max_width: (width - WRAP_SLACK).max(size), ..TextWrapping::default() };
        let galley = self.fonts.layout_job(job);
        let mut rows = Vec::with_capacity(galley.rows.len());
        let mut widths = Vec::with_capacity(galley.rows.len());
        for row in &galley.rows {
            let text = row.text();
            // Trailing spaces at a wrap point take room but show nothing.
            let trimmed = text.trim_end().to_owned();
            let width = if trimmed.len() == text.len() {
                row.size.x
            } else {
                row.glyphs.iter().filter(|g| !g.chr.is_whitespace()).map(|g| g.max_x()).fold(0.0, f32::max)
            };
            rows.push(trimmed);
            widths.push(width);
        }
        if text.is_empty() {
            rows.clear();
            widths.clear();
        }
        TextRun { pos, rows, widths, size, bold, colour, line_height }
    }
}
