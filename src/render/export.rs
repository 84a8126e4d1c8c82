//! Export to PNG: an offscreen egui context at `pixels_per_point` = scale, the same paint
//! function as the canvas, tessellation, the CPU rasteriser, and a PNG with its DPI.

use super::raster::{self, Pixels, Textures};

use crate::layout::{self, Layout};
use crate::model::{EmotionDisplay, JourneyMap};
use crate::theme::Theme;
use egui::{Pos2, RawInput, Rect, ViewportId};
use std::path::Path;
use std::time::{Duration, Instant};

/// Points per inch at scale 1: egui's points are CSS-like pixels.
pub const BASE_DPI: f32 = 96.0;
/// Largest image side, in pixels.
pub const MAX_SIDE: usize = 32_000;
/// Largest image, in pixels (≈ 1 GiB of RGBA while it is drawn).
pub const MAX_PIXELS: usize = 250_000_000;

/// What is behind the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Background {
    /// The theme's paper (white in the light theme).
    #[default]
    White,
    /// Nothing: the map floats on the page of the report.
    Transparent,
}

/// How to export.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ExportOptions {
    /// Pixels per map unit, 1–8.
    pub scale: f32,
    pub background: Background,
    /// Space around the map, in map units.
    pub margin: f32,
    /// Draw the dots of the map's latest vote round on the cards.
    pub votes: bool,
    /// Keep the map inside the image, so the picture opens again as the map.
    pub embed: bool,
    /// The kind of file the editor's export dialog writes.
    pub format: ImageFormat,
    /// In an SVG, glyph outlines instead of text with embedded fonts.
    pub text_as_paths: bool,
    /// The resolution the PNG declares, when not `scale` × 96 (a picture sized for a page).
    #[serde(skip)]
    pub declared_dpi: Option<f32>,
    /// What the editor's export dialog sizes a PNG for.
    pub fit: FitTo,
    /// Only these stages (layout indices, first and last) beside the lane titles, without the
    /// header; `None`: the whole map.
    #[serde(skip)]
    pub stages: Option<[usize; 2]>,
    /// The export dialog's "only the selected stages" (used when stages are selected).
    pub only_selected_stages: bool,
    /// Leave the header (title, goal, facts, persona) out.
    pub no_header: bool,
    /// Leave out the lanes that show nothing (the map kept inside stays whole).
    pub hide_empty_lanes: bool,
    /// A PDF's page size.
    pub paper: super::pdf::Paper,
    /// A PDF page's orientation; `None`: each page follows its picture's shape.
    pub landscape: Option<bool>,
    /// A PDF: an overview page, then a page per stage.
    pub per_stage: bool,
}

/// What a PNG is sized for in the export dialog.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FitTo {
    /// The map's own size at the chosen scale.
    #[default]
    Natural,
    A4,
    A3,
    /// A 16:9 slide.
    Slide,
}

impl ExportOptions {
    /// What of the map the export shows.
    pub fn part(&self) -> super::picture::Part {
        super::picture::Part::of(self.stages, !self.no_header)
    }

    /// The options with the scale and declared resolution that fit `fit`, for a picture of
    /// `size` points (the chosen resolution is the page's print resolution).
    pub fn fitted(self, size: egui::Vec2) -> ExportOptions {
        use super::page::{A3, A4, Destination};
        let dpi = self.scale * BASE_DPI;
        let destination = match self.fit {
            FitTo::Natural => return self,
            FitTo::A4 => Destination::Page { size_mm: A4, landscape: None, dpi },
            FitTo::A3 => Destination::Page { size_mm: A3, landscape: None, dpi },
            FitTo::Slide => Destination::Slide,
        };
        let (scale, dpi) = destination.scale_and_dpi(size);
        ExportOptions { scale, declared_dpi: Some(dpi), ..self }
    }
}

/// What kind of image an export makes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ImageFormat {
    #[default]
    Png,
    Svg,
    Pdf,
}

impl ImageFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
            ImageFormat::Pdf => "pdf",
        }
    }

    /// The format a file name asks for, by its extension.
    pub fn of_path(path: &Path) -> ImageFormat {
        match path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).as_deref() {
            Some("svg") => ImageFormat::Svg,
            Some("pdf") => ImageFormat::Pdf,
            _ => ImageFormat::Png,
        }
    }
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            scale: 2.0,
            background: Background::White,
            margin: 0.0,
            votes: false,
            embed: true,
            format: ImageFormat::Png,
            text_as_paths: false,
            declared_dpi: None,
            fit: FitTo::Natural,
            stages: None,
            only_selected_stages: false,
            no_header: false,
            hide_empty_lanes: false,
            paper: super::pdf::Paper::Fit,
            landscape: None,
            per_stage: false,
        }
    }
}

impl ExportOptions {
    /// The scale range offered.
    pub const SCALES: std::ops::RangeInclusive<f32> = 1.0..=8.0;
    /// The scales a picture sized for a destination may take (a large map on an A4 page is
    /// drawn smaller than its natural size).
    pub const FITTED_SCALES: std::ops::RangeInclusive<f32> = 0.1..=16.0;

    /// The DPI the PNG declares: a 300-DPI export prints at the same size as a 96-DPI one.
    pub fn dpi(&self) -> f32 {
        self.declared_dpi.unwrap_or(self.scale * BASE_DPI)
    }

    /// What a PDF export makes of these options.
    pub fn pdf(&self, author: Option<String>) -> super::pdf::PdfOptions {
        super::pdf::PdfOptions { page: self.paper.page(self.landscape), per_stage: self.per_stage, author }
    }

    /// The scale that gives `dpi`.
    pub fn scale_for_dpi(dpi: f32) -> f32 {
        dpi / BASE_DPI
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the image would be {width}×{height} pixels, too large to export; lower the scale or DPI")]
    TooLarge { width: usize, height: usize },
    #[error("scale {0} is outside 1–8 (DPI 96–768)")]
    BadScale(f32),
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
    #[error(transparent)]
    Save(#[from] crate::io::SaveError),
}

impl ExportError {
    /// The message in `language`.
    pub fn to_string_in(&self, language: crate::model::Language) -> String {
        if language == crate::model::Language::English {
            return self.to_string();
        }
        match self {
            ExportError::TooLarge { width, height } => {
                format!(
                    "kuvasta tulisi {width}×{height} pikseliä, liian suuri vietäväksi; pienennä mittakaavaa tai DPI:tä"
                )
            }
            ExportError::BadScale(scale) => format!("mittakaava {scale} ei ole väliltä 1–8 (DPI 96–768)"),
            ExportError::Encode(e) => format!("PNG-kuvaa ei voi koodata: {e}"),
            ExportError::Pdf(e) => format!("PDF-tiedostoa ei voi kirjoittaa: {e}"),
            ExportError::Save(e) => e.to_string_in(language),
        }
    }
}

/// A rendered image with timings.
pub struct Rendered {
    pub pixels: Pixels,
    pub dpi: f32,
    /// Painting and tessellation in the offscreen context.
    pub prepare: Duration,
    /// The CPU rasteriser alone.
    pub raster: Duration,
}

/// Timings of a whole export.
#[derive(Clone, Copy, Debug)]
pub struct ExportStats {
    pub width: usize,
    pub height: usize,
    pub prepare: Duration,
    pub raster: Duration,
    pub encode: Duration,
    pub bytes: usize,
}

/// A context with Polku's fonts, as the exporter and the headless layout use.
pub fn offscreen_context() -> egui::Context {
    let ctx = egui::Context::default();
    crate::fonts::install(&ctx);
    ctx
}

pub(super) fn input(size: egui::Vec2, pixels_per_point: f32) -> RawInput {
    let mut input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
        max_texture_side: Some(16_384),
        ..RawInput::default()
    };
    input.viewports.entry(ViewportId::ROOT).or_default().native_pixels_per_point = Some(pixels_per_point);
    input
}

/// Lays out `map` without a window (for the command line and tests).
pub fn layout_headless(map: &JourneyMap, theme: &Theme) -> Layout {
    layout_headless_at(map, theme, 1.0)
}

/// Lays out `map` without a window, measuring text at `pixels_per_point` as a window of that
/// density does (glyph advances are rounded to its pixels).
pub fn layout_headless_at(map: &JourneyMap, theme: &Theme, pixels_per_point: f32) -> Layout {
    layout::layout_own(map, theme, &mut layout::OwnFonts::new(pixels_per_point))
}

/// Patches `laid` (made by [`layout_headless`]) for cards whose content alone changed, as the
/// window does after such an edit; `false` when it must be laid out in full instead.
pub fn relayout_headless(laid: &mut Layout, map: &JourneyMap, ids: &[crate::model::CardId], theme: &Theme) -> bool {
    let ctx = offscreen_context();
    let mut ok = false;
    let mut full = ctx.run_ui(input(egui::vec2(1024.0, 768.0), 1.0), |ui| {
        ok = ui.ctx().fonts_mut(|fonts| layout::relayout_cards(laid, map, ids, theme, fonts));
    });
    full.textures_delta.clear();
    ok
}

/// Lays `map` out again after card edits, taking unchanged cards from `earlier` (made by
/// [`layout_headless`]), as the window does after a card is moved, added or grown.
pub fn relayout_reusing_headless(
    earlier: Layout,
    map: &JourneyMap,
    changed: &[crate::model::CardId],
    theme: &Theme,
) -> Layout {
    let ctx = offscreen_context();
    let mut earlier = Some(earlier);
    let mut out = None;
    let mut full = ctx.run_ui(input(egui::vec2(1024.0, 768.0), 1.0), |ui| {
        if let Some(earlier) = earlier.take() {
            out = Some(ui.ctx().fonts_mut(|fonts| layout::relayout(earlier, map, changed, theme, fonts)));
        }
    });
    full.textures_delta.clear();
    out.unwrap_or_else(|| unreachable_layout(map, theme))
}

/// `run_ui` always calls its closure; this is only here to avoid a panic path.
fn unreachable_layout(map: &JourneyMap, theme: &Theme) -> Layout {
    let ctx = offscreen_context();
    let mut full = ctx.run_ui(input(egui::vec2(1.0, 1.0), 1.0), |_| {});
    full.textures_delta.clear();
    ctx.fonts_mut(|fonts| layout::layout(map, theme, fonts))
}

/// Paints `layout` offscreen at `options.scale` and rasterises it, with the dots of `dots`.
pub fn render(
    layout: &Layout,
    theme: &Theme,
    display: EmotionDisplay,
    options: &ExportOptions,
    dots: super::picture::Overlay<'_>,
) -> Result<Rendered, ExportError> {
    if !ExportOptions::FITTED_SCALES.contains(&options.scale) || !options.scale.is_finite() {
        return Err(ExportError::BadScale(options.scale));
    }
    let part = options.part();
    let size = super::picture::panes(layout, &part, options.margin).1;
    let width = (size.x * options.scale).round() as usize;
    let height = (size.y * options.scale).round() as usize;
    if width > MAX_SIDE || height > MAX_SIDE || width.saturating_mul(height) > MAX_PIXELS {
        return Err(ExportError::TooLarge { width, height });
    }
    let background = options.background == Background::White;
    let clear = if background { theme.background.to_array() } else { [0; 4] };
    let mut rendered = render_with(size, options.scale, clear, |painter| {
        super::picture::paint_page(painter, layout, theme, display, &part, options.margin, background, dots);
    });
    rendered.dpi = options.dpi();
    Ok(rendered)
}

/// Paints with `draw` offscreen on a page of `size` points at `scale` pixels per point,
/// and rasterises it over `clear` (premultiplied RGBA). The painter is clipped to the page.
pub fn render_with(size: egui::Vec2, scale: f32, clear: [u8; 4], draw: impl Fn(&egui::Painter)) -> Rendered {
    let start = Instant::now();
    let ctx = offscreen_context();
    let page = Rect::from_min_size(Pos2::ZERO, size);
    let mut full = ctx.run_ui(input(size, scale), |ui| draw(&ui.painter().with_clip_rect(page)));
    let primitives = ctx.tessellate(std::mem::take(&mut full.shapes), full.pixels_per_point);
    let mut textures = Textures::default();
    textures.apply(&mut full.textures_delta);
    let prepare = start.elapsed();
    let start = Instant::now();
    let width = (size.x * scale).round() as usize;
    let height = (size.y * scale).round() as usize;
    let pixels = raster::rasterize(&primitives, &textures, full.pixels_per_point, width, height, clear);
    Rendered { pixels, dpi: scale * BASE_DPI, prepare, raster: start.elapsed() }
}

/// Lays out, renders and writes `map` as a PNG at `path` (atomically).
pub fn export_png(
    map: &JourneyMap,
    theme: &Theme,
    options: &ExportOptions,
    path: &Path,
) -> Result<ExportStats, ExportError> {
    let layout = layout_headless(map, theme);
    let dots = if options.votes { map.votes.last() } else { None };
    let text = if options.embed { Some(crate::io::to_embedded_text(map)?) } else { None };
    export_layout_png(&layout, theme, map.emotions.display, options, dots.into(), text.as_deref(), path)
}

/// Renders an already laid-out map and writes it as a PNG at `path` (atomically).
pub fn export_layout_png(
    layout: &Layout,
    theme: &Theme,
    display: EmotionDisplay,
    options: &ExportOptions,
    dots: super::picture::Overlay<'_>,
    map_text: Option<&str>,
    path: &Path,
) -> Result<ExportStats, ExportError> {
    let rendered = render(layout, theme, display, options, dots)?;
    let start = Instant::now();
    let bytes = super::png::encode_with_map(&rendered.pixels, rendered.dpi, map_text).map_err(ExportError::Encode)?;
    let encode = start.elapsed();
    crate::io::write_atomic(path, &bytes, false)?;
    Ok(ExportStats {
        width: rendered.pixels.width,
        height: rendered.pixels.height,
        prepare: rendered.prepare,
        raster: rendered.raster,
        encode,
        bytes: bytes.len(),
    })
}
