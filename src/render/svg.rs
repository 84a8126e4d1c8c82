//! SVG export: the shapes `render::paint` produces, before tessellation, written as SVG 1.1.
//!
//! Never a second painter (ARCHITECTURE-GUIDE): the map is painted into an offscreen egui
//! context exactly as for the PNG, and each epaint shape becomes one SVG element. Text is
//! `<text>` with every glyph placed where egui placed it and the fonts used embedded, so it
//! stays selectable and searchable; with `text_as_paths` each glyph is its outline instead,
//! for programs that ignore embedded fonts (PowerPoint, Word, librsvg).

use super::export::{ExportError, input, offscreen_context};
use super::faces::Faces;
use super::vector::{Run, Seg, Sink, walk};

use crate::layout::Layout;
use crate::model::EmotionDisplay;
use crate::theme::Theme;
use egui::{Color32, Pos2, Rect};
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
    dots: super::picture::Overlay<'_>,
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
    let mut writer = Writer { body: String::new(), defs: String::new(), clips: Vec::new(), options };
    let mut faces = Faces::polku();
    walk(&full.shapes, page, &mut faces, !options.text_as_paths, &mut writer);
    Ok(writer.finish(&faces, size, map_text))
}

/// Writes an already laid-out map as SVG at `path` (atomically); returns the file's size.
#[allow(clippy::too_many_arguments)]
pub fn export_layout_svg(
    layout: &Layout,
    theme: &Theme,
    display: EmotionDisplay,
    options: &super::export::ExportOptions,
    text_as_paths: bool,
    dots: super::picture::Overlay<'_>,
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

struct Writer<'a> {
    body: String,
    defs: String,
    clips: Vec<Rect>,
    options: &'a SvgOptions,
}

impl Sink for Writer<'_> {
    fn fill(&mut self, outline: &[Seg], colour: Color32) {
        let _ = writeln!(self.body, "<path d=\"{}\"{}/>", d(outline), paint_attr("fill", colour));
    }

    fn stroke(&mut self, outline: &[Seg], width: f32, colour: Color32, round: bool) {
        let cap = if round { " stroke-linecap=\"round\"" } else { "" };
        let _ = writeln!(
            self.body,
            "<path d=\"{}\" fill=\"none\"{} stroke-linejoin=\"round\"{cap}/>",
            d(outline),
            stroke_attr(width, colour)
        );
    }

    fn push_clip(&mut self, clip: Rect) {
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
    }

    fn pop_clip(&mut self) {
        self.body.push_str("</g>\n");
    }

    fn text(&mut self, faces: &mut Faces, run: Run<'_>) {
        let Run { face, glyphs, size, colour } = run;
        let (scale, dy) = faces.scale_and_offset(face, size);
        if self.options.text_as_paths {
            for &(x, y, c) in glyphs {
                if let Some(id) = faces.outline_id(face, c, &mut self.defs) {
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
            faces.mark_used(face, c);
        }
        let xs: Vec<String> = glyphs.iter().map(|(x, _, _)| n(*x)).collect();
        let text: String = glyphs.iter().map(|(_, _, c)| *c).collect();
        let y = glyphs.first().map_or(0.0, |g| g.1) + dy;
        let _ = writeln!(
            self.body,
            "<text x=\"{}\" y=\"{}\" {} font-size=\"{}\"{} xml:space=\"preserve\">{}</text>",
            xs.join(" "),
            n(y),
            faces.text_attrs(face),
            n_fine(size * faces.tweak_scale(face)),
            paint_attr("fill", colour),
            escape(&text)
        );
    }
}

impl Writer<'_> {
    fn finish(self, faces: &Faces, size: egui::Vec2, map_text: Option<&str>) -> String {
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
        out.push_str(&faces.font_faces_css());
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

/// An outline as SVG path data.
fn d(outline: &[Seg]) -> String {
    let mut d = String::new();
    for seg in outline {
        if !d.is_empty() {
            d.push(' ');
        }
        let _ = match *seg {
            Seg::Move(p) => write!(d, "M{} {}", n(p.x), n(p.y)),
            Seg::Line(p) => write!(d, "L{} {}", n(p.x), n(p.y)),
            Seg::Quad(c, p) => write!(d, "Q{} {} {} {}", n(c.x), n(c.y), n(p.x), n(p.y)),
            Seg::Cubic(a, b, p) => write!(d, "C{} {} {} {} {} {}", n(a.x), n(a.y), n(b.x), n(b.y), n(p.x), n(p.y)),
            Seg::Close => write!(d, "Z"),
        };
    }
    d
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
