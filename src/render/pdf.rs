//! PDF export (`krilla`): the same picture as the PNG and the SVG — the shapes `render::paint`
//! produces, read by `render::vector` — as vector pages with the fonts subset and embedded, so
//! the text is selectable and searchable. A page fits the map, or the map is scaled into an
//! A4, A3 or Letter page or a 16:9 slide; with `per_stage` an overview page comes first and
//! then a page per stage, for a report chapter each. The outline has a bookmark per stage; the
//! map itself rides along as an embedded file, so the PDF opens again as the map.

use super::export::{ExportError, ExportOptions, input, offscreen_context};
use super::faces::Faces;
use super::page::PAGE_MARGIN_MM;
use super::picture::{Part, paint_page, panes};
use super::vector::{Run, Seg, Sink, walk};
use crate::layout::Layout;
use crate::model::{EmotionDisplay, JourneyMap, Language};
use crate::theme::Theme;
use egui::{Color32, Pos2, Rect, Vec2, vec2};
use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Transform};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use std::collections::HashMap;

/// The name of the map file inside the PDF; opening looks for it.
pub const EMBEDDED_NAME: &str = "map.polku.ron";
/// PDF points per map point: a map point is 1/96 inch, a PDF point 1/72.
const PT_PER_POINT: f32 = 72.0 / 96.0;
/// PDF points per millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;
/// A page never shows the map larger than this many PDF points per map point, so that one
/// narrow stage does not fill an A4 page with giant letters.
const MAX_ZOOM: f32 = 1.0;

/// The size of the PDF's pages.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum PdfPage {
    /// Each page is as large as what it shows, at the map's natural size.
    #[default]
    Fit,
    /// A paper size (portrait millimetres); `landscape: None` follows each page's picture.
    Paper { size_mm: [f32; 2], landscape: Option<bool> },
    /// A 16:9 slide (13.33 × 7.5 inches, as PowerPoint's).
    Slide,
}

/// The page sizes offered (remembered by the export dialog).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Paper {
    /// As large as the map.
    #[default]
    Fit,
    A4,
    A3,
    Letter,
    Slide,
}

impl Paper {
    /// The page, in `landscape` or (`None`) the orientation each picture's shape suggests.
    pub fn page(self, landscape: Option<bool>) -> PdfPage {
        use super::page::{A3, A4, LETTER};
        match self {
            Paper::Fit => PdfPage::Fit,
            Paper::A4 => PdfPage::Paper { size_mm: A4, landscape },
            Paper::A3 => PdfPage::Paper { size_mm: A3, landscape },
            Paper::Letter => PdfPage::Paper { size_mm: LETTER, landscape },
            Paper::Slide => PdfPage::Slide,
        }
    }
}

/// What goes into the PDF beside the picture.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PdfOptions {
    pub page: PdfPage,
    /// An overview page and then one page per stage.
    pub per_stage: bool,
    /// The author named in the document's properties.
    pub author: Option<String>,
}

/// What the PDF was: its size and page count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PdfStats {
    pub bytes: usize,
    pub pages: usize,
}

/// One page: what of the map it shows and its bookmark.
struct PageJob {
    part: Part,
    bookmark: String,
}

/// The pages `options` ask for, with their bookmarks.
fn jobs(map: &JourneyMap, layout: &Layout, options: &ExportOptions, pdf: &PdfOptions) -> Vec<PageJob> {
    let overview = if map.language == Language::Finnish { "Yleiskuva" } else { "Overview" };
    let title = if map.title.trim().is_empty() { overview.to_owned() } else { map.title.clone() };
    if !pdf.per_stage {
        return vec![PageJob { part: options.part(), bookmark: title }];
    }
    let mut jobs = vec![PageJob { part: Part::of(None, !options.no_header), bookmark: overview.to_owned() }];
    jobs.extend(
        (0..layout.stages.len()).map(|i| PageJob { part: Part::Stages(i..=i), bookmark: stage_name(map, layout, i) }),
    );
    jobs
}

fn stage_name(map: &JourneyMap, layout: &Layout, i: usize) -> String {
    let name = layout.stages.get(i).and_then(|s| map.stage(&s.id)).map(|s| s.name.trim().to_owned());
    match name {
        Some(n) if !n.is_empty() => format!("{}. {n}", i + 1),
        _ => format!("{}.", i + 1),
    }
}

/// The page size in PDF points and where the picture of `size` map points goes on it (the
/// transform from map points).
fn place(page: PdfPage, size: Vec2) -> (Vec2, Transform) {
    let size = size.max(Vec2::splat(1.0));
    let fitted = |page: Vec2, margin: f32, centre_vertically: bool| {
        let inner = page - Vec2::splat(2.0 * margin);
        let zoom = (inner.x / size.x).min(inner.y / size.y).min(MAX_ZOOM);
        let drawn = size * zoom;
        let x = (page.x - drawn.x) / 2.0;
        let y = if centre_vertically { (page.y - drawn.y) / 2.0 } else { margin };
        (page, Transform::from_row(zoom, 0.0, 0.0, zoom, x, y))
    };
    match page {
        PdfPage::Fit => (size * PT_PER_POINT, Transform::from_scale(PT_PER_POINT, PT_PER_POINT)),
        PdfPage::Paper { size_mm, landscape } => {
            let landscape = landscape.unwrap_or(size.x > size.y);
            let [w, h] = if landscape { [size_mm[1], size_mm[0]] } else { size_mm };
            fitted(vec2(w, h) * PT_PER_MM, PAGE_MARGIN_MM * PT_PER_MM, false)
        }
        PdfPage::Slide => fitted(vec2(960.0, 540.0), 24.0, true),
    }
}

/// The size in PDF points of a `page` for a picture of `size` map points.
pub fn page_size(page: PdfPage, size: Vec2) -> Vec2 {
    place(page, size).0
}

/// The PDF of `layout` (laid out from `map`, perhaps without its empty lanes), with `map_text`
/// embedded when given.
#[allow(clippy::too_many_arguments)]
pub fn to_pdf(
    map: &JourneyMap,
    layout: &Layout,
    theme: &Theme,
    display: EmotionDisplay,
    options: &ExportOptions,
    pdf: &PdfOptions,
    dots: super::picture::Overlay<'_>,
    map_text: Option<&str>,
) -> Result<(Vec<u8>, usize), ExportError> {
    let mut document = krilla::Document::new();
    let mut faces = Faces::polku();
    let mut fonts = HashMap::new();
    let mut outline = krilla::outline::Outline::new();
    let jobs = jobs(map, layout, options, pdf);
    let mut stage_marks = Vec::new();
    for (index, job) in jobs.iter().enumerate() {
        let (panes, size) = panes(layout, &job.part, options.margin);
        if !(size.x.is_finite() && size.y.is_finite()) || size.x * size.y > 1.0e9 {
            return Err(ExportError::TooLarge { width: size.x as usize, height: size.y as usize });
        }
        let (page_size, transform) = place(pdf.page, size);
        let settings = krilla::page::PageSettings::from_wh(page_size.x, page_size.y)
            .ok_or(ExportError::TooLarge { width: page_size.x as usize, height: page_size.y as usize })?;
        let picture = Rect::from_min_size(Pos2::ZERO, size);
        let ctx = offscreen_context();
        let mut full = ctx.run_ui(input(size, 1.0), |ui| {
            let painter = ui.painter().with_clip_rect(picture);
            let background = options.background == super::export::Background::White;
            paint_page(&painter, layout, theme, display, &job.part, options.margin, background, dots);
        });
        full.textures_delta.clear();
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface.push_transform(&transform);
        let mut sink = PdfSink { surface: &mut surface, fonts: &mut fonts };
        walk(&full.shapes, picture, &mut faces, true, &mut sink);
        surface.pop();
        surface.finish();
        page.finish();
        let t = transform;
        let to_page = |p: Pos2| Point::from_xy(t.sx() * p.x + t.tx(), t.sy() * p.y + t.ty());
        let top = to_page(Pos2::ZERO);
        let mut node = krilla::outline::OutlineNode::new(
            job.bookmark.clone(),
            krilla::destination::XyzDestination::new(index, top),
        );
        // On a single page, the stages are bookmarked where their columns are.
        if jobs.len() == 1 {
            for (i, stage) in layout.stages.iter().enumerate() {
                let Some((map_rect, at)) = panes.iter().find(|(r, _)| r.intersects(stage.header)) else { continue };
                let p = *at + (stage.header.left_top() - map_rect.min);
                node.push_child(krilla::outline::OutlineNode::new(
                    stage_name(map, layout, i),
                    krilla::destination::XyzDestination::new(index, to_page(p)),
                ));
            }
            node = node.with_open(true);
        }
        stage_marks.push(node);
    }
    let mut marks = stage_marks.into_iter();
    if let Some(mut first) = marks.next() {
        // Per stage: the stage pages are the overview's children.
        for node in marks {
            first.push_child(node);
        }
        outline.push_child(first.with_open(true));
    }
    document.set_outline(outline);
    document.set_metadata(metadata(map, pdf));
    if let Some(text) = map_text {
        document.embed_file(krilla::embed::EmbeddedFile {
            path: EMBEDDED_NAME.to_owned(),
            mime_type: krilla::embed::MimeType::new("text/plain"),
            description: Some("The journey map this PDF shows; open the PDF in Polku to edit it.".to_owned()),
            association_kind: krilla::embed::AssociationKind::Source,
            data: text.as_bytes().to_vec().into(),
            modification_date: Some(now()),
            compress: Some(true),
            location: None,
        });
    }
    let bytes = document.finish().map_err(|e| ExportError::Pdf(format!("{e:?}")))?;
    Ok((bytes, jobs.len()))
}

/// Writes an already laid-out map as PDF at `path` (atomically).
#[allow(clippy::too_many_arguments)]
pub fn export_layout_pdf(
    map: &JourneyMap,
    layout: &Layout,
    theme: &Theme,
    options: &ExportOptions,
    pdf: &PdfOptions,
    dots: super::picture::Overlay<'_>,
    map_text: Option<&str>,
    path: &std::path::Path,
) -> Result<PdfStats, ExportError> {
    let (bytes, pages) = to_pdf(map, layout, theme, map.emotions.display, options, pdf, dots, map_text)?;
    crate::io::write_atomic(path, &bytes, false)?;
    Ok(PdfStats { bytes: bytes.len(), pages })
}

fn metadata(map: &JourneyMap, pdf: &PdfOptions) -> krilla::metadata::Metadata {
    let mut meta = krilla::metadata::Metadata::new()
        .title(map.title.clone())
        .creator(format!("Polku {}", env!("CARGO_PKG_VERSION")))
        .language(if map.language == Language::Finnish { "fi" } else { "en" }.to_owned())
        .keywords(vec![
            if map.language == Language::Finnish { "asiakaspolku" } else { "customer journey map" }.to_owned(),
        ])
        .creation_date(now());
    if !map.goal.trim().is_empty() {
        meta = meta.description(map.goal.clone());
    }
    if let Some(author) = pdf.author.as_ref().map(|a| a.trim()).filter(|a| !a.is_empty()) {
        meta = meta.authors(vec![author.to_owned()]);
    }
    meta
}

/// Now, in UTC, as the PDF's dates want it.
fn now() -> krilla::metadata::DateTime {
    let t = jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::now());
    krilla::metadata::DateTime::new(u16::try_from(t.year()).unwrap_or(2026))
        .month(t.month().unsigned_abs())
        .day(t.day().unsigned_abs())
        .hour(t.hour().unsigned_abs())
        .minute(t.minute().unsigned_abs())
        .second(t.second().unsigned_abs())
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// Draws outlines and glyphs on a page's surface.
struct PdfSink<'s, 'p> {
    surface: &'s mut krilla::surface::Surface<'p>,
    /// krilla's font for each face used.
    fonts: &'s mut HashMap<usize, Option<Font>>,
}

fn path(outline: &[Seg]) -> Option<Path> {
    let mut b = PathBuilder::new();
    for seg in outline {
        match *seg {
            Seg::Move(p) => b.move_to(p.x, p.y),
            Seg::Line(p) => b.line_to(p.x, p.y),
            Seg::Quad(c, p) => b.quad_to(c.x, c.y, p.x, p.y),
            Seg::Cubic(a, c, p) => b.cubic_to(a.x, a.y, c.x, c.y, p.x, p.y),
            Seg::Close => b.close(),
        }
    }
    b.finish()
}

/// The colour and its opacity, as PDF paints want them.
fn paint(colour: Color32) -> (rgb::Color, NormalizedF32) {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    (rgb::Color::new(r, g, b), NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE))
}

fn fill(colour: Color32) -> Fill {
    let (c, opacity) = paint(colour);
    Fill { paint: c.into(), opacity, rule: FillRule::NonZero }
}

impl Sink for PdfSink<'_, '_> {
    fn fill(&mut self, outline: &[Seg], colour: Color32) {
        if let Some(p) = path(outline) {
            self.surface.set_stroke(None);
            self.surface.set_fill(Some(fill(colour)));
            self.surface.draw_path(&p);
        }
    }

    fn stroke(&mut self, outline: &[Seg], width: f32, colour: Color32, round: bool) {
        if let Some(p) = path(outline) {
            let (c, opacity) = paint(colour);
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(Stroke {
                paint: c.into(),
                width,
                line_cap: if round { LineCap::Round } else { LineCap::Butt },
                line_join: LineJoin::Round,
                opacity,
                ..Stroke::default()
            }));
            self.surface.draw_path(&p);
        }
    }

    fn text(&mut self, faces: &mut Faces, run: Run<'_>) {
        let Run { face, glyphs, size, colour } = run;
        let font = self
            .fonts
            .entry(face)
            .or_insert_with(|| {
                let (bytes, index) = faces.font_file(face);
                Font::new(bytes.to_vec().into(), index)
            })
            .clone();
        let Some(font) = font else { return };
        let (_, dy) = faces.scale_and_offset(face, size);
        let font_size = size * faces.tweak_scale(face);
        let mut text = String::new();
        let mut placed = Vec::with_capacity(glyphs.len());
        for (i, &(x, _, c)) in glyphs.iter().enumerate() {
            let Some(gid) = faces.glyph_id(face, c) else { continue };
            // Each glyph advances to where egui put the next one, so the PDF shows the text
            // exactly as the canvas lays it out.
            let advance = match glyphs.get(i + 1) {
                Some(&(next, _, _)) => next - x,
                None => faces.advance(face, gid, size),
            };
            let start = text.len();
            text.push(c);
            placed.push(KrillaGlyph {
                glyph_id: GlyphId::new(u32::from(gid)),
                text_range: start..text.len(),
                x_advance: advance / font_size.max(f32::EPSILON),
                x_offset: 0.0,
                y_offset: 0.0,
                y_advance: 0.0,
                location: None,
            });
        }
        let Some(&(x, y, _)) = glyphs.first() else { return };
        self.surface.set_stroke(None);
        self.surface.set_fill(Some(fill(colour)));
        self.surface.draw_glyphs(Point::from_xy(x, y + dy), &placed, font, &text, font_size, false);
    }

    fn push_clip(&mut self, clip: Rect) {
        let mut b = PathBuilder::new();
        if let Some(r) = krilla::geom::Rect::from_ltrb(clip.left(), clip.top(), clip.right(), clip.bottom()) {
            b.push_rect(r);
        }
        match b.finish() {
            Some(p) => self.surface.push_clip_path(&p, &FillRule::NonZero),
            // An empty clip shows nothing (and `pop_clip` still has something to pop).
            None => self.surface.push_opacity(NormalizedF32::ZERO),
        }
    }

    fn pop_clip(&mut self) {
        self.surface.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_picture_on_a4_turns_the_page_and_fits_inside_the_margins() {
        let (page, t) =
            place(PdfPage::Paper { size_mm: super::super::page::A4, landscape: None }, vec2(2000.0, 1000.0));
        assert!((page.x - 841.9).abs() < 0.5 && (page.y - 595.3).abs() < 0.5, "{page:?}");
        let margin = PAGE_MARGIN_MM * PT_PER_MM;
        assert!((t.sx() * 2000.0 - (page.x - 2.0 * margin)).abs() < 0.5);
        assert!((t.ty() - margin).abs() < 0.01);
        // A small picture is not blown up.
        let (_, t) =
            place(PdfPage::Paper { size_mm: super::super::page::A4, landscape: Some(false) }, vec2(100.0, 100.0));
        assert_eq!(t.sx(), MAX_ZOOM);
        let (page, t) = place(PdfPage::Fit, vec2(960.0, 480.0));
        assert_eq!((page, t.sx()), (vec2(720.0, 360.0), 0.75));
    }
}
