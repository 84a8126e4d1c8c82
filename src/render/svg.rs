//! SVG export: the shapes `render::paint` produces, before tessellation, written as SVG 1.1.
//!
//! Never a second painter (ARCHITECTURE-GUIDE): the map is painted into an offscreen egui
//! context exactly as for the PNG, and each epaint shape becomes one SVG element. Text is
//! `<text>` with every glyph placed where egui placed it and the fonts used embedded, so it
//! stays selectable and searchable; with `text_as_paths` each glyph is its outline instead,
//! for programs that ignore embedded fonts (PowerPoint, Word, librsvg).

use super::export::{ExportError, input, offscreen_context};
use super::svg_fonts::Faces;

use crate::layout::Layout;
use crate::model::{EmotionDisplay, VoteRound};
use crate::theme::Theme;
use egui::epaint::{ClippedShape, ColorMode, PathStroke, RectShape, TextShape};
use egui::{Color32, Pos2, Rect, Shape, Stroke, StrokeKind};
use std::fmt::Write as _;

/// The XML namespace of the map kept inside an SVG.
pub const MAP_NAMESPACE: &str = "urn:x-polku:map";

/// How the SVG is written.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SvgOptions {
    /// Glyph outlines instead of `<text>`.
    pub text_as_paths: bool,
    /// Space around the map, in points.
    pub margin: f32,
    /// Paint the theme's background (off: transparent).
    pub background: bool,
    /// Only these stages (first and last layout index) beside the lane titles; `None`: all.
    pub stages: Option<[usize; 2]>,
    /// Leave the header (title, goal, facts, persona) out.
    pub no_header: bool,
}

/// The SVG document of `layout`, with `map_text` (the map's file text) inside when given.
pub fn to_svg(
    layout: &Layout,
    theme: &Theme,
    display: EmotionDisplay,
    options: &SvgOptions,
    dots: Option<&VoteRound>,
    map_text: Option<&str>,
) -> Result<String, ExportError> {
    let part = super::picture::Part::of(options.stages, !options.no_header);
    let size = super::picture::panes(layout, &part, options.margin).1;
    if !(size.x.is_finite() && size.y.is_finite()) || size.x * size.y > 1.0e9 {
        return Err(ExportError::TooLarge { width: size.x as usize, height: size.y as usize });
    }
    let page = Rect::from_min_size(Pos2::ZERO, size);
    let ctx = offscreen_context();
    let mut full = ctx.run_ui(input(size, 1.0), |ui| {
        let painter = ui.painter().with_clip_rect(page);
        super::picture::paint_page(&painter, layout, theme, display, &part, options.margin, options.background, dots);
    });
    // Glyphs are never drawn from the atlas here: its updates are not needed.
    full.textures_delta.clear();
    let mut writer =
        Writer { body: String::new(), defs: String::new(), faces: Faces::polku(), clips: Vec::new(), options };
    for clipped in &full.shapes {
        writer.clipped(clipped, page);
    }
    Ok(writer.finish(size, map_text))
}

/// Lays out `map`, writes it as SVG at `path` (atomically) and returns the file's size.
pub fn export_svg(
    map: &crate::model::JourneyMap,
    theme: &Theme,
    options: &super::export::ExportOptions,
    text_as_paths: bool,
    path: &std::path::Path,
) -> Result<usize, ExportError> {
    let layout = super::export::layout_headless(map, theme);
    let dots = if options.votes { map.votes.last() } else { None };
    let text = if options.embed { Some(crate::io::to_text(map)?) } else { None };
    export_layout_svg(&layout, theme, map.emotions.display, options, text_as_paths, dots, text.as_deref(), path)
}

/// Writes an already laid-out map as SVG at `path` (atomically); returns the file's size.
#[allow(clippy::too_many_arguments)]
pub fn export_layout_svg(
    layout: &Layout,
    theme: &Theme,
    display: EmotionDisplay,
    options: &super::export::ExportOptions,
    text_as_paths: bool,
    dots: Option<&VoteRound>,
    map_text: Option<&str>,
    path: &std::path::Path,
) -> Result<usize, ExportError> {
    let svg_options = SvgOptions {
        text_as_paths,
        margin: options.margin,
        background: options.background == super::export::Background::White,
        stages: options.stages,
        no_header: options.no_header,
    };
    let svg = to_svg(layout, theme, display, &svg_options, dots, map_text)?;
    crate::io::write_atomic(path, svg.as_bytes(), false)?;
    Ok(svg.len())
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 cannot hold other control characters, even escaped.
            c if c.is_control() && !matches!(c, '\n' | '\r' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// A number as SVG wants it: short, and never `NaN`.
fn n(v: f32) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_owned() }
}

/// `fill="#rrggbb"` (and its opacity) or `fill="none"`.
fn paint_attr(name: &str, colour: Color32) -> String {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    match a {
        0 => format!(" {name}=\"none\""),
        255 => format!(" {name}=\"#{r:02x}{g:02x}{b:02x}\""),
        a => format!(" {name}=\"#{r:02x}{g:02x}{b:02x}\" {name}-opacity=\"{}\"", n(f32::from(a) / 255.0)),
    }
}

fn stroke_attr(width: f32, colour: Color32) -> String {
    if width <= 0.0 || colour.a() == 0 {
        return String::new();
    }
    format!("{} stroke-width=\"{}\"", paint_attr("stroke", colour), n(width))
}

fn path_colour(stroke: &PathStroke) -> Color32 {
    match &stroke.color {
        ColorMode::Solid(c) => *c,
        // Gradients along a path are not drawn by Polku; keep the line visible.
        ColorMode::UV(f) => f(Rect::ZERO, Pos2::ZERO),
    }
}

fn points_d(points: &[Pos2], closed: bool) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(d, "{}{} {}", if i == 0 { "M" } else { " L" }, n(p.x), n(p.y));
    }
    if closed {
        d.push_str(" Z");
    }
    d
}

/// A character at its baseline position: (x, y, char).
type PlacedGlyph = (f32, f32, char);

struct Writer<'a> {
    body: String,
    defs: String,
    faces: Faces,
    clips: Vec<Rect>,
    options: &'a SvgOptions,
}

impl Writer<'_> {
    fn clipped(&mut self, clipped: &ClippedShape, page: Rect) {
        let bounds = clipped.shape.visual_bounding_rect();
        if !bounds.is_finite() {
            return;
        }
        let clip = clipped.clip_rect.intersect(page);
        if !clip.intersects(bounds.expand(1.0)) {
            return;
        }
        if clip.contains_rect(bounds) {
            self.shape(&clipped.shape);
            return;
        }
        let id = match self.clips.iter().position(|c| *c == clip) {
            Some(i) => i,
            None => {
                self.clips.push(clip);
                let i = self.clips.len() - 1;
                let _ = writeln!(
                    self.defs,
                    "<clipPath id=\"c{i}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
                    n(clip.left()),
                    n(clip.top()),
                    n(clip.width()),
                    n(clip.height())
                );
                i
            }
        };
        let _ = writeln!(self.body, "<g clip-path=\"url(#c{id})\">");
        self.shape(&clipped.shape);
        self.body.push_str("</g>\n");
    }

    fn shape(&mut self, shape: &Shape) {
        let out = &mut self.body;
        match shape {
            Shape::Noop | Shape::Callback(_) => {}
            Shape::Vec(shapes) => {
                for s in shapes {
                    self.shape(s);
                }
            }
            Shape::Circle(c) => {
                let _ = writeln!(
                    out,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}{}/>",
                    n(c.center.x),
                    n(c.center.y),
                    n(c.radius),
                    paint_attr("fill", c.fill),
                    stroke_attr(c.stroke.width, c.stroke.color)
                );
            }
            Shape::Ellipse(e) => {
                let _ = writeln!(
                    out,
                    "<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\"{}{}/>",
                    n(e.center.x),
                    n(e.center.y),
                    n(e.radius.x),
                    n(e.radius.y),
                    paint_attr("fill", e.fill),
                    stroke_attr(e.stroke.width, e.stroke.color)
                );
            }
            Shape::LineSegment { points, stroke } => line(out, points, *stroke),
            Shape::Path(p) => {
                if p.points.len() < 2 {
                    return;
                }
                let fill = if p.closed { p.fill } else { Color32::TRANSPARENT };
                let _ = writeln!(
                    out,
                    "<path d=\"{}\"{}{} stroke-linejoin=\"round\"/>",
                    points_d(&p.points, p.closed),
                    paint_attr("fill", fill),
                    stroke_attr(p.stroke.width, path_colour(&p.stroke))
                );
            }
            Shape::Rect(r) => rect(out, r),
            Shape::QuadraticBezier(q) => {
                let [a, b, c] = q.points;
                let d = format!("M{} {} Q{} {} {} {}", n(a.x), n(a.y), n(b.x), n(b.y), n(c.x), n(c.y));
                bezier(out, &d, q.closed, q.fill, &q.stroke);
            }
            Shape::CubicBezier(q) => {
                let [a, b, c, e] = q.points;
                let d = format!(
                    "M{} {} C{} {} {} {} {} {}",
                    n(a.x),
                    n(a.y),
                    n(b.x),
                    n(b.y),
                    n(c.x),
                    n(c.y),
                    n(e.x),
                    n(e.y)
                );
                bezier(out, &d, q.closed, q.fill, &q.stroke);
            }
            Shape::Mesh(mesh) => {
                // Flat-coloured triangles (tiny cards and dots when zoomed far out).
                for tri in mesh.indices.chunks_exact(3) {
                    let v: Vec<_> = tri.iter().filter_map(|i| mesh.vertices.get(*i as usize)).collect();
                    if v.len() == 3 && v[0].color.a() > 0 {
                        let pts = [v[0].pos, v[1].pos, v[2].pos];
                        let _ =
                            writeln!(out, "<path d=\"{}\"{}/>", points_d(&pts, true), paint_attr("fill", v[0].color));
                    }
                }
            }
            Shape::Band(_) => {}
            Shape::Text(t) => self.text(t),
        }
    }

    fn text(&mut self, t: &TextShape) {
        let Some(section) = t.galley.job.sections.first() else { return };
        let format = &section.format;
        let colour = t.override_text_color.unwrap_or(if format.color == Color32::PLACEHOLDER {
            t.fallback_color
        } else {
            format.color
        });
        let colour = colour.gamma_multiply(t.opacity_factor);
        let size = format.font_id.size;
        let family = format.font_id.family.clone();
        for row in &t.galley.rows {
            let origin = t.pos + row.pos.to_vec2();
            // Runs of glyphs drawn from one font face.
            let mut run: Option<(usize, Vec<PlacedGlyph>)> = None;
            for g in &row.glyphs {
                // Spaces stay in `<text>`, so that a program ignoring the glyph positions still
                // separates the words; outlines need none.
                if g.chr.is_whitespace() && (self.options.text_as_paths || g.chr != ' ') {
                    continue;
                }
                let face = match (self.faces.face_for(&family, g.chr), &run) {
                    (Some(face), _) => face,
                    (None, Some((face, _))) if g.chr == ' ' => *face,
                    (None, _) => continue,
                };
                let at = (origin.x + g.pos.x, origin.y + g.pos.y, g.chr);
                match &mut run {
                    Some((f, glyphs)) if *f == face => glyphs.push(at),
                    _ => {
                        if let Some((f, glyphs)) = run.take() {
                            self.glyph_run(f, &glyphs, size, colour);
                        }
                        run = Some((face, vec![at]));
                    }
                }
            }
            if let Some((f, glyphs)) = run {
                self.glyph_run(f, &glyphs, size, colour);
            }
        }
    }

    /// Glyphs of one face at their baseline positions.
    fn glyph_run(&mut self, face: usize, glyphs: &[PlacedGlyph], size: f32, colour: Color32) {
        let (scale, dy) = self.faces.scale_and_offset(face, size);
        if self.options.text_as_paths {
            for &(x, y, c) in glyphs {
                if let Some(id) = self.faces.outline_id(face, c, &mut self.defs) {
                    let _ = writeln!(
                        self.body,
                        "<use xlink:href=\"#{id}\" transform=\"matrix({} 0 0 {} {} {})\"{}/>",
                        n_fine(scale),
                        n_fine(-scale),
                        n(x),
                        n(y + dy),
                        paint_attr("fill", colour)
                    );
                }
            }
            return;
        }
        for &(_, _, c) in glyphs {
            self.faces.mark_used(face, c);
        }
        let xs: Vec<String> = glyphs.iter().map(|(x, _, _)| n(*x)).collect();
        let text: String = glyphs.iter().map(|(_, _, c)| *c).collect();
        let y = glyphs.first().map_or(0.0, |g| g.1) + dy;
        let _ = writeln!(
            self.body,
            "<text x=\"{}\" y=\"{}\" {} font-size=\"{}\"{} xml:space=\"preserve\">{}</text>",
            xs.join(" "),
            n(y),
            self.faces.text_attrs(face),
            n_fine(size * self.faces.tweak_scale(face)),
            paint_attr("fill", colour),
            escape(&text)
        );
    }

    fn finish(self, size: egui::Vec2, map_text: Option<&str>) -> String {
        let mut out = String::with_capacity(self.body.len() + self.defs.len() + 4096);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" \
             width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">",
            w = n(size.x),
            h = n(size.y)
        );
        if let Some(text) = map_text {
            let _ = writeln!(
                out,
                "<metadata><polku:map xmlns:polku=\"{MAP_NAMESPACE}\">{}</polku:map></metadata>",
                escape(text)
            );
        }
        out.push_str("<defs>\n");
        out.push_str(&self.faces.font_faces_css());
        out.push_str(&self.defs);
        out.push_str("</defs>\n");
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }
}

/// A scale factor with enough digits for glyph outlines in font units.
fn n_fine(v: f32) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let s = format!("{:.6}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn line(out: &mut String, points: &[Pos2; 2], stroke: Stroke) {
    if stroke.width <= 0.0 || stroke.color.a() == 0 {
        return;
    }
    let [a, b] = points;
    let _ = writeln!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{}/>",
        n(a.x),
        n(a.y),
        n(b.x),
        n(b.y),
        stroke_attr(stroke.width, stroke.color)
    );
}

fn bezier(out: &mut String, d: &str, closed: bool, fill: Color32, stroke: &PathStroke) {
    let fill = if closed { fill } else { Color32::TRANSPARENT };
    let z = if closed { " Z" } else { "" };
    let _ = writeln!(
        out,
        "<path d=\"{d}{z}\"{}{} stroke-linecap=\"round\"/>",
        paint_attr("fill", fill),
        stroke_attr(stroke.width, path_colour(stroke))
    );
}

fn rect(out: &mut String, r: &RectShape) {
    // The stroke is drawn inside, outside or on the edge, as egui draws it.
    let w = r.stroke.width;
    let outline = match r.stroke_kind {
        StrokeKind::Inside => r.rect.shrink(w / 2.0),
        StrokeKind::Middle => r.rect,
        StrokeKind::Outside => r.rect.expand(w / 2.0),
    };
    let cr = r.corner_radius;
    let d = rounded_d(r.rect, [cr.nw, cr.ne, cr.se, cr.sw].map(f32::from));
    if r.fill.a() > 0 {
        let _ = writeln!(out, "<path d=\"{d}\"{}/>", paint_attr("fill", r.fill));
    }
    if w > 0.0 && r.stroke.color.a() > 0 {
        let inset = (outline.width() - r.rect.width()) / 2.0;
        let radii = [cr.nw, cr.ne, cr.se, cr.sw].map(|c| (f32::from(c) + inset).max(0.0));
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"none\"{}/>",
            rounded_d(outline, radii),
            stroke_attr(w, r.stroke.color)
        );
    }
}

/// A rectangle with corner radii (nw, ne, se, sw), as a path.
fn rounded_d(r: Rect, radii: [f32; 4]) -> String {
    let limit = (r.width().min(r.height()) / 2.0).max(0.0);
    let [nw, ne, se, sw] = radii.map(|v| v.min(limit));
    let (l, t, rr, b) = (r.left(), r.top(), r.right(), r.bottom());
    if nw == 0.0 && ne == 0.0 && se == 0.0 && sw == 0.0 {
        return format!("M{} {} H{} V{} H{} Z", n(l), n(t), n(rr), n(b), n(l));
    }
    format!(
        "M{} {} H{} A{} {} 0 0 1 {} {} V{} A{} {} 0 0 1 {} {} H{} A{} {} 0 0 1 {} {} V{} A{} {} 0 0 1 {} {} Z",
        n(l + nw),
        n(t),
        n(rr - ne),
        n(ne),
        n(ne),
        n(rr),
        n(t + ne),
        n(b - se),
        n(se),
        n(se),
        n(rr - se),
        n(b),
        n(l + sw),
        n(sw),
        n(sw),
        n(l),
        n(b - sw),
        n(t + nw),
        n(nw),
        n(nw),
        n(l + nw),
        n(t)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_text_is_escaped() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.256), "1.26");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(f32::NAN), "0");
        assert_eq!(escape("a<b & \"c\"\u{7}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
