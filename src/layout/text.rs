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
    fonts: Source<'a, 'b>,
}

enum Source<'a, 'b> {
    Window(&'a mut egui::epaint::FontsView<'b>),
    Own(&'a mut OwnFonts),
}

impl<'a, 'b> Measure<'a, 'b> {
    /// Measuring with a window's fonts: the galleys stay in its cache (for a frame), so the
    /// next layout finds the texts it shares with this one already measured.
    pub fn new(fonts: &'a mut egui::epaint::FontsView<'b>) -> Self {
        Measure { fonts: Source::Window(fonts) }
    }
}

impl<'a> Measure<'a, 'static> {
    /// Measuring with fonts of the layout's own (see [`OwnFonts`]).
    pub fn own(fonts: &'a mut OwnFonts) -> Self {
        Measure { fonts: Source::Own(fonts) }
    }
}

/// Fonts of a layout's own, for a layout made away from a window (opening a map, the
/// presentation's layout made ahead, exports): the text is measured exactly as a window
/// measures it, but each text's galley — egui's whole laid-out text, with the mesh to paint
/// it, about 4 KB for a card's title — is dropped soon after. A window's galley cache would
/// hold every galley of the layout until the frame ends: about 32 MB for 5,000 cards, in a
/// layout that keeps only the rows and their widths.
pub struct OwnFonts {
    fonts: egui::epaint::text::Fonts,
    pixels_per_point: f32,
    since_flush: usize,
}

/// Galleys measured before the cache is emptied; enough that texts repeated close together
/// (a lane's labels, a card's channel name) are measured once.
const FLUSH_EVERY: usize = 256;

impl OwnFonts {
    /// Polku's fonts, measuring as a window of `pixels_per_point` does.
    pub fn new(pixels_per_point: f32) -> OwnFonts {
        let options = egui::epaint::text::TextOptions { max_texture_side: 16_384, ..Default::default() };
        OwnFonts {
            fonts: egui::epaint::text::Fonts::new(options, crate::fonts::definitions()),
            pixels_per_point,
            since_flush: 0,
        }
    }

    fn layout_job(&mut self, job: LayoutJob) -> std::sync::Arc<egui::Galley> {
        self.since_flush += 1;
        if self.since_flush > FLUSH_EVERY {
            // Twice: the first pass keeps what was used since the last one.
            let options = *self.fonts.options();
            for _ in 0..2 {
                self.fonts.begin_pass(options, Default::default());
            }
            self.since_flush = 0;
        }
        self.fonts.with_pixels_per_point(self.pixels_per_point).layout_job(job)
    }
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
        let galley = match &mut self.fonts {
            Source::Window(fonts) => fonts.layout_job(job),
            Source::Own(fonts) => fonts.layout_job(job),
        };
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
