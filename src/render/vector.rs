//! The vector exports' one reading of the picture: the epaint shapes `render::paint` produces,
//! before tessellation, turned into filled and stroked outlines and runs of glyphs for a
//! [`Sink`] — the SVG writer or the PDF writer. Neither paints the map itself
//! (ARCHITECTURE-GUIDE: one renderer).

use super::faces::Faces;
use egui::epaint::{ClippedShape, ColorMode, PathStroke, RectShape, TextShape};
use egui::{Color32, Pos2, Rect, Shape, StrokeKind, Vec2, pos2};

/// One step of an outline, in the picture's points (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Seg {
    Move(Pos2),
    Line(Pos2),
    Quad(Pos2, Pos2),
    Cubic(Pos2, Pos2, Pos2),
    Close,
}

/// A character at its baseline position: (x, y, char).
pub type PlacedGlyph = (f32, f32, char);

/// Glyphs of one face, at their baseline positions.
pub struct Run<'a> {
    pub face: usize,
    pub glyphs: &'a [PlacedGlyph],
    /// The font size egui laid the text out at (before the face's own scale).
    pub size: f32,
    pub colour: Color32,
}

/// Where the outlines and glyphs go.
pub trait Sink {
    fn fill(&mut self, outline: &[Seg], colour: Color32);
    /// `round`: round caps (curves); joins are always round.
    fn stroke(&mut self, outline: &[Seg], width: f32, colour: Color32, round: bool);
    fn text(&mut self, faces: &mut Faces, run: Run<'_>);
    /// Everything until the matching `pop_clip` is clipped to `clip`.
    fn push_clip(&mut self, clip: Rect);
    fn pop_clip(&mut self);
}

/// Hands every shape inside `page` to `sink`. `spaces`: runs keep their spaces (text that
/// stays text: a program ignoring glyph positions still separates the words).
pub fn walk(shapes: &[ClippedShape], page: Rect, faces: &mut Faces, spaces: bool, sink: &mut impl Sink) {
    let mut walker = Walker { faces, spaces, sink };
    for clipped in shapes {
        let bounds = clipped.shape.visual_bounding_rect();
        if !bounds.is_finite() {
            continue;
        }
        let clip = clipped.clip_rect.intersect(page);
        if !clip.intersects(bounds.expand(1.0)) {
            continue;
        }
        if clip.contains_rect(bounds) {
            walker.shape(&clipped.shape);
        } else {
            walker.sink.push_clip(clip);
            walker.shape(&clipped.shape);
            walker.sink.pop_clip();
        }
    }
}

struct Walker<'a, S> {
    faces: &'a mut Faces,
    spaces: bool,
    sink: &'a mut S,
}

impl<S: Sink> Walker<'_, S> {
    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Noop | Shape::Callback(_) | Shape::Band(_) => {}
            Shape::Vec(shapes) => {
                for s in shapes {
                    self.shape(s);
                }
            }
            Shape::Circle(c) => self.filled_and_stroked(
                &ellipse(c.center, Vec2::splat(c.radius)),
                c.fill,
                c.stroke.width,
                c.stroke.color,
                false,
            ),
            Shape::Ellipse(e) => {
                self.filled_and_stroked(&ellipse(e.center, e.radius), e.fill, e.stroke.width, e.stroke.color, false)
            }
            Shape::LineSegment { points: [a, b], stroke } => self.filled_and_stroked(
                &[Seg::Move(*a), Seg::Line(*b)],
                Color32::TRANSPARENT,
                stroke.width,
                stroke.color,
                false,
            ),
            Shape::Path(p) => {
                if p.points.len() < 2 {
                    return;
                }
                let mut outline: Vec<Seg> = Vec::with_capacity(p.points.len() + 1);
                outline.push(Seg::Move(p.points[0]));
                outline.extend(p.points[1..].iter().map(|q| Seg::Line(*q)));
                let fill = if p.closed {
                    outline.push(Seg::Close);
                    p.fill
                } else {
                    Color32::TRANSPARENT
                };
                self.filled_and_stroked(&outline, fill, p.stroke.width, path_colour(&p.stroke), false);
            }
            Shape::Rect(r) => self.rect(r),
            Shape::QuadraticBezier(q) => {
                let [a, b, c] = q.points;
                self.curve(vec![Seg::Move(a), Seg::Quad(b, c)], q.closed, q.fill, &q.stroke);
            }
            Shape::CubicBezier(q) => {
                let [a, b, c, d] = q.points;
                self.curve(vec![Seg::Move(a), Seg::Cubic(b, c, d)], q.closed, q.fill, &q.stroke);
            }
            Shape::Mesh(mesh) => {
                // Flat-coloured triangles (tiny cards and dots when zoomed far out).
                for tri in mesh.indices.chunks_exact(3) {
                    let v: Vec<_> = tri.iter().filter_map(|i| mesh.vertices.get(*i as usize)).collect();
                    if v.len() == 3 && v[0].color.a() > 0 {
                        let outline = [Seg::Move(v[0].pos), Seg::Line(v[1].pos), Seg::Line(v[2].pos), Seg::Close];
                        self.sink.fill(&outline, v[0].color);
                    }
                }
            }
            Shape::Text(t) => self.text(t),
        }
    }

    fn filled_and_stroked(&mut self, outline: &[Seg], fill: Color32, width: f32, colour: Color32, round: bool) {
        if fill.a() > 0 {
            self.sink.fill(outline, fill);
        }
        if width > 0.0 && colour.a() > 0 {
            self.sink.stroke(outline, width, colour, round);
        }
    }

    fn curve(&mut self, mut outline: Vec<Seg>, closed: bool, fill: Color32, stroke: &PathStroke) {
        let fill = if closed {
            outline.push(Seg::Close);
            fill
        } else {
            Color32::TRANSPARENT
        };
        self.filled_and_stroked(&outline, fill, stroke.width, path_colour(stroke), true);
    }

    fn rect(&mut self, r: &RectShape) {
        let cr = r.corner_radius;
        let radii = [cr.nw, cr.ne, cr.se, cr.sw].map(f32::from);
        if r.fill.a() > 0 {
            self.sink.fill(&rounded(r.rect, radii), r.fill);
        }
        // The stroke is drawn inside, outside or on the edge, as egui draws it.
        let w = r.stroke.width;
        if w > 0.0 && r.stroke.color.a() > 0 {
            let outline = match r.stroke_kind {
                StrokeKind::Inside => r.rect.shrink(w / 2.0),
                StrokeKind::Middle => r.rect,
                StrokeKind::Outside => r.rect.expand(w / 2.0),
            };
            let inset = (outline.width() - r.rect.width()) / 2.0;
            self.sink.stroke(&rounded(outline, radii.map(|c| (c + inset).max(0.0))), w, r.stroke.color, false);
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
                if g.chr.is_whitespace() && (!self.spaces || g.chr != ' ') {
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
                        if let Some((face, glyphs)) = run.take() {
                            self.sink.text(self.faces, Run { face, glyphs: &glyphs, size, colour });
                        }
                        run = Some((face, vec![at]));
                    }
                }
            }
            if let Some((face, glyphs)) = run {
                self.sink.text(self.faces, Run { face, glyphs: &glyphs, size, colour });
            }
        }
    }
}

fn path_colour(stroke: &PathStroke) -> Color32 {
    match &stroke.color {
        ColorMode::Solid(c) => *c,
        // Gradients along a path are not drawn by Polku; keep the line visible.
        ColorMode::UV(f) => f(Rect::ZERO, Pos2::ZERO),
    }
}

/// How far a cubic's control points sit along the tangents for a quarter circle.
const KAPPA: f32 = 0.552_284_8;

/// An ellipse as four cubic arcs.
fn ellipse(c: Pos2, r: Vec2) -> Vec<Seg> {
    let (k, (x, y)) = (r * KAPPA, (r.x, r.y));
    vec![
        Seg::Move(pos2(c.x + x, c.y)),
        Seg::Cubic(pos2(c.x + x, c.y + k.y), pos2(c.x + k.x, c.y + y), pos2(c.x, c.y + y)),
        Seg::Cubic(pos2(c.x - k.x, c.y + y), pos2(c.x - x, c.y + k.y), pos2(c.x - x, c.y)),
        Seg::Cubic(pos2(c.x - x, c.y - k.y), pos2(c.x - k.x, c.y - y), pos2(c.x, c.y - y)),
        Seg::Cubic(pos2(c.x + k.x, c.y - y), pos2(c.x + x, c.y - k.y), pos2(c.x + x, c.y)),
        Seg::Close,
    ]
}

/// A rectangle with corner radii (nw, ne, se, sw), its corners quarter-circle cubics.
pub fn rounded(r: Rect, radii: [f32; 4]) -> Vec<Seg> {
    let limit = (r.width().min(r.height()) / 2.0).max(0.0);
    let [nw, ne, se, sw] = radii.map(|v| v.clamp(0.0, limit));
    let (l, t, rr, b) = (r.left(), r.top(), r.right(), r.bottom());
    let mut out = vec![Seg::Move(pos2(l + nw, t)), Seg::Line(pos2(rr - ne, t))];
    let corner = |out: &mut Vec<Seg>, radius: f32, from: Pos2, corner: Pos2, to: Pos2| {
        if radius > 0.0 {
            out.push(Seg::Cubic(from + (corner - from) * KAPPA, to + (corner - to) * KAPPA, to));
        }
    };
    corner(&mut out, ne, pos2(rr - ne, t), pos2(rr, t), pos2(rr, t + ne));
    out.push(Seg::Line(pos2(rr, b - se)));
    corner(&mut out, se, pos2(rr, b - se), pos2(rr, b), pos2(rr - se, b));
    out.push(Seg::Line(pos2(l + sw, b)));
    corner(&mut out, sw, pos2(l + sw, b), pos2(l, b), pos2(l, b - sw));
    out.push(Seg::Line(pos2(l, t + nw)));
    corner(&mut out, nw, pos2(l, t + nw), pos2(l, t), pos2(l + nw, t));
    out.push(Seg::Close);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rounded_rectangle_closes_where_it_started_and_a_square_one_has_no_curves() {
        let r = Rect::from_min_size(pos2(10.0, 20.0), egui::vec2(100.0, 40.0));
        let square = rounded(r, [0.0; 4]);
        assert!(square.iter().all(|s| !matches!(s, Seg::Cubic(..))));
        let round = rounded(r, [8.0, 8.0, 50.0, 0.0]);
        assert_eq!(round.iter().filter(|s| matches!(s, Seg::Cubic(..))).count(), 3);
        // The 50-point radius is limited to half the height.
        assert!(round.contains(&Seg::Line(pos2(110.0, 40.0))));
        let Some(Seg::Cubic(_, _, end)) = round.iter().rev().nth(1) else { panic!("{round:?}") };
        assert_eq!(*end, pos2(18.0, 20.0));
    }
}
