//! Painting: Layout → egui shapes. The one painter behind both the canvas and the PNG export,
//! so the exported image is exactly what the screen shows.
//!
//! Selection, hover and drop previews are not drawn here: they are overlays the canvas adds on
//! top, on screen only.

pub mod compare;
pub mod export;
mod faces;
mod icons;
pub mod page;
pub mod pdf;
mod personas;
pub mod picture;
pub mod png;
pub mod raster;
mod smiley;
pub mod svg;
mod vector;
pub mod votes;

pub use smiley::{face as draw_face, ink_on};

use crate::layout::{ArrowLayout, CardLayout, Layout, PlanBadge, TextRun};
use crate::model::{ArrowKind, EmotionDisplay};
use crate::theme::Theme;
use egui::emath::TSTransform;
use egui::epaint::{Mesh, PathShape, Vertex};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, CornerRadius, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

/// Below this on-screen font size text is drawn as grey bars: unreadable text is slow to lay
/// out and tessellate, and a bar shows the shape of the content just as well.
pub const MIN_TEXT_PX: f32 = 5.5;

/// How the map is placed on the painter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    /// Map units → painter points.
    pub to_screen: TSTransform,
    /// The zoom text is laid out at. Equal to `to_screen.scaling` at rest (sharp text); while a
    /// zoom animates it stays at the last settled zoom, and text is scaled as a mesh instead
    /// of being laid out again every frame.
    pub text_scale: f32,
    /// The visible part of the painter, in points; everything outside is culled.
    pub clip: Rect,
    /// Whether to paint the map's background (off for a transparent PNG).
    pub background: bool,
    pub emotion_display: EmotionDisplay,
}

impl View {
    /// A view at 100 % with the map's origin at `origin`.
    pub fn at(origin: Pos2, clip: Rect, emotion_display: EmotionDisplay) -> View {
        View {
            to_screen: TSTransform::from_translation(origin.to_vec2()),
            text_scale: 1.0,
            clip,
            background: true,
            emotion_display,
        }
    }
}

/// Paints `layout` onto `painter` as `view` places it.
pub fn paint(painter: &Painter, layout: &Layout, theme: &Theme, view: &View) {
    let visible = view.to_screen.inverse() * view.clip;
    let p = MapPainter { painter, view, theme, s: view.to_screen.scaling, visible };
    p.background(layout);
    p.header(layout);
    p.grid(layout);
    // Zoomed out so far that card text is unreadable, cards become flat quads in one mesh:
    // thousands of cards then cost one shape instead of tens of thousands.
    let simple = p.s * theme.body_size < MIN_TEXT_PX;
    let mut quads = Mesh::default();
    for card in &layout.cards {
        if visible.intersects(card.rect) {
            if simple {
                p.card_quads(card, &mut quads);
            } else {
                p.card(card);
            }
        }
    }
    if !quads.is_empty() {
        painter.add(Shape::mesh(quads));
    }
    for curve in &layout.curves {
        if visible.intersects(curve.area) {
            p.curve(curve);
        }
    }
    for arrow in &layout.arrows {
        p.arrow(arrow);
    }
    // Labels after every line, so that no line runs across a label.
    for arrow in &layout.arrows {
        p.arrow_label(arrow);
    }
}

struct MapPainter<'a> {
    painter: &'a Painter,
    view: &'a View,
    theme: &'a Theme,
    /// Map units → points.
    s: f32,
    /// The visible part of the map, in map units.
    visible: Rect,
}

impl MapPainter<'_> {
    // Dashes never get shorter than 3 px on screen: zoomed out, a sub-pixel dash pattern would
    // be invisible and cost thousands of shapes.
    fn pt(&self, p: Pos2) -> Pos2 {
        self.view.to_screen * p
    }

    fn rect(&self, r: Rect) -> Rect {
        self.view.to_screen * r
    }

    fn radius(&self, r: f32) -> CornerRadius {
        CornerRadius::same((r * self.s).round().clamp(0.0, 255.0) as u8)
    }

    fn stroke(&self, width: f32, colour: Color32) -> Stroke {
        Stroke::new(width * self.theme.line_width * self.s, colour)
    }

    fn background(&self, layout: &Layout) {
        if self.view.background {
            self.painter.rect_filled(self.rect(layout.bounds()), CornerRadius::ZERO, self.theme.background);
        }
    }

    fn header(&self, layout: &Layout) {
        let h = &layout.header;
        let t = self.theme;
        let band = Rect::from_min_max(Pos2::ZERO, pos2(layout.size.x, h.rect.bottom() + 14.0));
        if self.visible.intersects(band) {
            self.painter.rect_filled(self.rect(band), CornerRadius::ZERO, t.header_fill);
        }
        for run in [&h.title, &h.goal, &h.meta, &h.description] {
            self.text(run);
        }
        for p in &h.personas {
            self.persona_card(p);
        }
    }

    fn grid(&self, layout: &Layout) {
        let t = self.theme;
        for (i, stage) in layout.stages.iter().enumerate() {
            if !self.visible.intersects(stage.column) {
                continue;
            }
            self.painter.rect_filled(self.rect(stage.column), self.radius(8.0), t.column_fill[i % 2]);
            let tint = t.stage_header_fill(stage.colour);
            self.painter.rect_filled(self.rect(stage.header), self.radius(8.0), tint);
            let band = Rect::from_min_size(stage.header.min, vec2(stage.header.width(), 6.0));
            let r = self.radius(8.0);
            self.painter.rect_filled(self.rect(band), CornerRadius { nw: r.nw, ne: r.ne, sw: 0, se: 0 }, stage.colour);
            self.text(&stage.name);
            self.text(&stage.description);
        }
        for (i, lane) in layout.lanes.iter().enumerate() {
            if !self.visible.intersects(lane.row.expand(t.row_gap)) {
                continue;
            }
            if i > 0 {
                let y = lane.row.top() - t.row_gap / 2.0;
                self.painter.line_segment(
                    [self.pt(pos2(lane.row.left(), y)), self.pt(pos2(lane.row.right(), y))],
                    self.stroke(1.0, t.grid_line),
                );
            }
            self.painter.rect_filled(self.rect(lane.title_cell), self.radius(8.0), t.lane_title_fill);
            let bar =
                Rect::from_min_size(lane.title_cell.min + vec2(0.0, 10.0), vec2(4.0, lane.title.height().max(18.0)));
            self.painter.rect_filled(
                self.rect(bar.translate(vec2(t.cell_pad - 2.0, 0.0))),
                self.radius(2.0),
                t.lane_accent(lane.kind),
            );
            self.text(&lane.title);
            for label in &lane.scale_labels {
                self.text(label);
            }
            for b in &lane.swot {
                let r = self.rect(b.rect);
                let fill = t.card_fill.lerp_to_gamma(b.colour, 0.07);
                self.painter.rect(
                    r,
                    self.radius(6.0),
                    fill,
                    self.stroke(1.0, b.colour.gamma_multiply(0.45)),
                    StrokeKind::Inside,
                );
                self.text(&b.name);
                self.text(&b.items);
            }
        }
    }

    fn card(&self, card: &CardLayout) {
        let t = self.theme;
        let r = self.rect(card.rect);
        if !card.plain {
            self.painter.rect_filled(r.translate(vec2(0.0, 1.5 * self.s)), self.radius(7.0), t.card_shadow);
            self.painter.rect(r, self.radius(7.0), t.card_fill, self.stroke(1.0, t.card_border), StrokeKind::Inside);
            let bar = Rect::from_min_size(card.rect.min, vec2(4.0, card.rect.height()));
            let rad = self.radius(7.0);
            self.painter.rect_filled(
                self.rect(bar),
                CornerRadius { nw: rad.nw, sw: rad.sw, ne: 0, se: 0 },
                card.accent,
            );
        }
        if let Some((channel, icon, name)) = &card.channel {
            if self.s * icon.width() >= 4.0 {
                icons::channel(
                    self.painter,
                    self.rect(*icon),
                    channel,
                    t.lane_accent(crate::model::LaneKind::Touchpoints),
                );
            }
            self.text(name);
        }
        if let Some((marker, rect)) = &card.marker {
            icons::marker(self.painter, self.rect(*rect), *marker, t);
        }
        self.card_faces(card);
        self.text(&card.title);
        self.text(&card.body);
        self.text(&card.tags);
        if let Some(badge) = &card.badge {
            self.badge(badge);
        }
    }

    /// A plan badge: a pill in the priority's colour with its words in white.
    fn badge(&self, badge: &PlanBadge) {
        let r = self.rect(badge.rect);
        self.painter.rect_filled(r, CornerRadius::same((r.height() / 2.0).round().clamp(0.0, 255.0) as u8), badge.fill);
        self.text(&badge.text);
    }

    /// A card as flat quads: frame, accent, one bar per text row, the emotion's colour.
    fn card_quads(&self, card: &CardLayout, mesh: &mut Mesh) {
        let t = self.theme;
        let r = self.rect(card.rect);
        if !card.plain {
            mesh.add_colored_rect(r, t.card_border);
            mesh.add_colored_rect(r.shrink(self.s.max(0.5)), t.card_fill);
            mesh.add_colored_rect(Rect::from_min_size(r.min, vec2((4.0 * self.s).max(1.0), r.height())), card.accent);
        }
        if let Some(badge) = &card.badge {
            mesh.add_colored_rect(self.rect(badge.rect), badge.fill);
        }
        if r.height() < 8.0 {
            return;
        }
        for run in [&card.title, &card.body] {
            let colour = run.colour.gamma_multiply(0.35);
            for (i, w) in run.widths.iter().enumerate() {
                let top = run.pos + vec2(0.0, i as f32 * run.line_height + run.line_height * 0.3);
                mesh.add_colored_rect(self.rect(Rect::from_min_size(top, vec2(*w, run.line_height * 0.4))), colour);
            }
        }
        for face in &card.faces {
            mesh.add_colored_rect(self.rect(face.on(card).shrink(4.0)), t.emotion_colour(face.emotion));
        }
    }

    /// An arrow's line, head and start mark, and the leader to a label off its route.
    fn arrow(&self, arrow: &ArrowLayout) {
        if arrow.path.len() < 2 || !self.visible.intersects(arrow_bounds(arrow)) {
            return;
        }
        let pts: Vec<Pos2> = arrow.path.iter().map(|p| self.pt(*p)).collect();
        let (colour, width) = (self.arrow_colour(arrow), if arrow.kind == ArrowKind::Improvement { 2.6 } else { 1.6 });
        let head = 10.0 * self.s;
        let n = pts.len();
        let dir = (pts[n - 1] - pts[n - 2]).normalized();
        // Stop the line at the arrowhead's base so its end does not poke through the tip.
        let mut line = pts.clone();
        line[n - 1] = pts[n - 1] - dir * head * 0.8;
        match arrow.kind {
            ArrowKind::Improvement => {
                self.painter.add(PathShape::line(line, self.stroke(width, colour)));
            }
            ArrowKind::Flow => {
                self.painter.extend(Shape::dashed_line(
                    &line,
                    self.stroke(width, colour),
                    (6.0 * self.s).max(3.0),
                    (4.0 * self.s).max(3.0),
                ));
            }
        }
        let tip = pts[n - 1];
        let normal = vec2(-dir.y, dir.x);
        let base = tip - dir * head;
        self.painter.add(Shape::convex_polygon(
            vec![tip, base + normal * head * 0.5, base - normal * head * 0.5],
            colour,
            Stroke::NONE,
        ));
        self.painter.circle_filled(pts[0], 3.2 * self.s, colour);
        if arrow.kind == ArrowKind::Improvement {
            // A plus in a circle at the start marks the arrow as an improvement even in greyscale.
            let c = pts[0];
            self.painter.circle_filled(c, 7.0 * self.s, colour);
            let k = 3.8 * self.s;
            let st = self.stroke(1.8, Color32::WHITE);
            self.painter.line_segment([c - vec2(k, 0.0), c + vec2(k, 0.0)], st);
            self.painter.line_segment([c - vec2(0.0, k), c + vec2(0.0, k)], st);
        }
        if arrow.leader.len() >= 2 {
            let pts: Vec<Pos2> = arrow.leader.iter().map(|p| self.pt(*p)).collect();
            self.painter.extend(Shape::dotted_line(&pts, colour, (5.0 * self.s).max(3.0), (1.2 * self.s).max(0.6)));
        }
    }

    fn arrow_colour(&self, arrow: &ArrowLayout) -> Color32 {
        match arrow.kind {
            ArrowKind::Improvement => self.theme.improvement_arrow,
            ArrowKind::Flow => self.theme.flow_arrow,
        }
    }

    /// An arrow's label and plan badge.
    fn arrow_label(&self, arrow: &ArrowLayout) {
        if arrow.path.len() < 2 || !self.visible.intersects(arrow_bounds(arrow)) {
            return;
        }
        if let Some((rect, run)) = &arrow.label {
            let colour = self.arrow_colour(arrow);
            self.painter.rect(
                self.rect(*rect),
                self.radius(9.0),
                self.theme.label_fill,
                self.stroke(1.2, colour),
                StrokeKind::Inside,
            );
            self.text(run);
        }
        if let Some(badge) = &arrow.badge {
            self.badge(badge);
        }
    }

    /// Draws the rows of a text run: as text when legible, as bars when tiny.
    fn text(&self, run: &TextRun) {
        if run.rows.is_empty() || !self.visible.intersects(run.rect()) {
            return;
        }
        let s = self.s;
        if run.size * s < MIN_TEXT_PX {
            let colour = run.colour.gamma_multiply(0.35);
            for (i, w) in run.widths.iter().enumerate() {
                let top = run.pos + vec2(0.0, i as f32 * run.line_height + run.line_height * 0.3);
                let bar = Rect::from_min_size(top, vec2(*w, run.line_height * 0.4));
                self.painter.rect_filled(self.rect(bar), CornerRadius::ZERO, colour);
            }
            return;
        }
        let ts = self.view.text_scale;
        let mut job = LayoutJob::default();
        job.append(
            &run.rows.join("\n"),
            0.0,
            TextFormat {
                font_id: FontId::new(run.size * ts, run.family()),
                color: run.colour,
                line_height: Some(run.line_height * ts),
                ..TextFormat::default()
            },
        );
        let galley = self.painter.layout_job(job);
        let pos = self.pt(run.pos);
        let k = s / ts;
        if (k - 1.0).abs() < 1e-4 {
            self.painter.galley(pos, galley, run.colour);
        } else {
            self.painter.add(scaled_text_mesh(self.painter, &galley, pos, k));
        }
    }
}

/// Everything an arrow draws, in map units.
fn arrow_bounds(arrow: &ArrowLayout) -> Rect {
    let mut bounds = Rect::from_points(&arrow.path).union(Rect::from_points(&arrow.leader)).expand(10.0);
    for r in arrow.label.iter().map(|(r, _)| r).chain(arrow.badge.iter().map(|b| &b.rect)) {
        bounds = bounds.union(*r);
    }
    bounds
}

/// The galley's glyphs as one mesh, scaled by `k` about `pos`: slightly soft, but no new
/// layout while a zoom animates.
fn scaled_text_mesh(painter: &Painter, galley: &egui::Galley, pos: Pos2, k: f32) -> Shape {
    let [w, h] = painter.fonts(|f| f.font_image_size());
    let uv = vec2(1.0 / w as f32, 1.0 / h as f32);
    let mut mesh = Mesh::default();
    for row in &galley.rows {
        let base = mesh.vertices.len() as u32;
        mesh.indices.extend(row.visuals.mesh.indices.iter().map(|i| i + base));
        mesh.vertices.extend(row.visuals.mesh.vertices.iter().map(|v| Vertex {
            pos: pos + (row.pos.to_vec2() + v.pos.to_vec2()) * k,
            uv: pos2(v.uv.x * uv.x, v.uv.y * uv.y),
            color: v.color,
        }));
    }
    Shape::mesh(mesh)
}
