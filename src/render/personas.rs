//! Painting what tells personas apart: their cards in the header, the ratings and chips on
//! cards, and the emotion curves with their markers, target lines and legend.

use super::{MapPainter, smiley};
use crate::layout::{CardLayout, CurveLayout, CurveSeries, LegendKey, PersonaLayout, cast::Mark};
use egui::epaint::{Mesh, PathShape};
use egui::{Color32, CornerRadius, Pos2, Rect, Shape, Stroke, StrokeKind, pos2, vec2};

impl MapPainter<'_> {
    /// A persona card: a white card with a band of the persona's colour along its top, and
    /// the persona's marker before its label when the map has several.
    pub(super) fn persona_card(&self, p: &PersonaLayout) {
        let t = self.theme;
        if !self.visible.intersects(p.rect) {
            return;
        }
        let r = self.rect(p.rect);
        self.painter.rect_filled(r.translate(vec2(0.0, 2.0 * self.s)), self.radius(10.0), t.card_shadow);
        self.painter.rect(r, self.radius(10.0), t.persona_fill, self.stroke(1.0, t.card_border), StrokeKind::Inside);
        let colour = p.place.map_or(t.persona_accent, |i| t.persona_colour(i));
        let band = Rect::from_min_size(p.rect.min, vec2(p.rect.width(), if p.place.is_some() { 8.0 } else { 5.0 }));
        let rad = self.radius(10.0);
        self.painter.rect_filled(self.rect(band), CornerRadius { nw: rad.nw, ne: rad.ne, sw: 0, se: 0 }, colour);
        if let Some(place) = p.place {
            let size = p.label.line_height * 0.8;
            let c = pos2(p.rect.left() + 16.0 + size / 2.0, p.label.pos.y + p.label.line_height / 2.0);
            self.mark(Mark::of(place), c, size / 2.0, colour, None);
        }
        for run in [&p.label, &p.name, &p.role, &p.quote, &p.background] {
            self.text(run);
        }
        for (heading, body) in &p.lists {
            self.text(heading);
            self.text(body);
        }
    }

    /// A card's ratings (each ringed in its persona's colour when several are shown) and its
    /// persona chips.
    pub(super) fn card_faces(&self, card: &CardLayout) {
        let t = self.theme;
        for face in &card.faces {
            let rr = self.rect(face.on(card));
            smiley::face(self.painter, rr.center(), rr.width() / 2.0, face.emotion, self.view.emotion_display, t);
            if let Some(place) = face.persona {
                self.painter.circle_stroke(
                    rr.center(),
                    rr.width() / 2.0 + 1.5 * self.s,
                    self.stroke(2.0, t.persona_colour(place)),
                );
            }
        }
        for chip in &card.chips {
            let r = self.rect(chip.rect);
            self.painter.rect_filled(r, self.radius(5.0), t.persona_colour(chip.persona));
            self.text(&chip.initial);
        }
    }

    /// A persona's marker shape centred on `c`, filled, or hollow with `hollow`'s fill inside.
    pub(super) fn mark(&self, mark: Mark, c: Pos2, r: f32, colour: Color32, hollow: Option<Color32>) {
        let (c, r) = (self.pt(c), r * self.s);
        let polygon =
            |corners: &[(f32, f32)]| -> Vec<Pos2> { corners.iter().map(|(x, y)| c + vec2(x * r, y * r)).collect() };
        let points = match mark {
            Mark::Circle => None,
            Mark::Square => Some(polygon(&[(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)])),
            Mark::Triangle => Some(polygon(&[(0.0, -1.1), (1.0, 0.75), (-1.0, 0.75)])),
            Mark::Diamond => Some(polygon(&[(0.0, -1.15), (1.15, 0.0), (0.0, 1.15), (-1.15, 0.0)])),
            Mark::TriangleDown => Some(polygon(&[(-1.0, -0.75), (1.0, -0.75), (0.0, 1.1)])),
            Mark::Hexagon => Some(
                (0..6)
                    .map(|k| {
                        let a = std::f32::consts::FRAC_PI_3 * k as f32;
                        c + vec2(a.cos() * r, a.sin() * r)
                    })
                    .collect(),
            ),
        };
        let (fill, stroke) = match hollow {
            Some(inside) => (inside, Stroke::new((1.8 * self.s).max(1.0), colour)),
            None => (colour, Stroke::new((1.2 * self.s).max(0.6), self.theme.card_fill)),
        };
        match points {
            None => {
                self.painter.circle_filled(c, r, fill);
                self.painter.circle_stroke(c, r, stroke);
            }
            Some(points) => {
                self.painter.add(Shape::convex_polygon(points, fill, stroke));
            }
        }
    }

    /// An emotion-curve lane: the scale's lines, each persona's target (dashed) and current
    /// curve, their points (faces for one persona, markers for several), dips and the legend.
    pub(super) fn curve(&self, curve: &CurveLayout) {
        let t = self.theme;
        for (i, y) in curve.level_y.iter().enumerate() {
            let a = self.pt(pos2(curve.area.left(), *y));
            let b = self.pt(pos2(curve.area.right(), *y));
            let stroke = if i == 2 { self.stroke(1.2, t.card_border) } else { self.stroke(0.8, t.grid_line) };
            self.painter.extend(Shape::dashed_line(&[a, b], stroke, (5.0 * self.s).max(3.0), (4.0 * self.s).max(3.0)));
        }
        let several = !curve.faces;
        let colour_of = |s: &CurveSeries| if curve.coloured { t.persona_colour(s.persona) } else { t.curve };
        for s in &curve.series {
            if s.target_path.len() >= 2 {
                let pts: Vec<Pos2> = s.target_path.iter().map(|p| self.pt(*p)).collect();
                let dash = (9.0 * self.s).max(3.0);
                self.painter.extend(Shape::dashed_line(&pts, self.stroke(2.2, colour_of(s)), dash, dash * 0.7));
            }
        }
        for s in &curve.series {
            if s.path.len() >= 2 {
                let pts: Vec<Pos2> = s.path.iter().map(|p| self.pt(*p)).collect();
                self.painter.add(PathShape::line(pts, self.stroke(2.6, colour_of(s))));
            }
        }
        for s in &curve.series {
            for p in s.target.iter().filter(|p| self.visible.contains(p.pos)) {
                self.mark(Mark::of(s.persona), p.pos, 5.0, colour_of(s), Some(t.card_fill));
            }
        }
        let r = curve.face_radius * self.s;
        let mut dots = Mesh::default();
        for s in &curve.series {
            for point in s.points.iter().filter(|p| self.visible.contains(p.pos)) {
                let c = self.pt(point.pos);
                if r < 3.0 {
                    // Too small for a face: a coloured square reads the same and costs 2 triangles.
                    let side = (2.0 * r).max(1.5);
                    let colour = if point.dip { t.dip } else { t.emotion_colour(point.emotion) };
                    dots.add_colored_rect(Rect::from_center_size(c, egui::Vec2::splat(side)), colour);
                    continue;
                }
                if point.dip {
                    let ring = if several { r * 0.7 + 4.0 * self.s } else { r + 4.0 * self.s };
                    self.painter.circle_stroke(c, ring, self.stroke(2.4, t.dip));
                }
                if several {
                    self.mark(Mark::of(s.persona), point.pos, curve.face_radius * 0.6, colour_of(s), None);
                } else {
                    smiley::face(self.painter, c, r, point.emotion, self.view.emotion_display, t);
                }
            }
        }
        if !dots.is_empty() {
            self.painter.add(Shape::mesh(dots));
        }
        for s in &curve.series {
            for label in &s.dip_labels {
                self.text(label);
            }
        }
        for entry in &curve.legend {
            match entry.key {
                LegendKey::Persona(place) => {
                    let r = entry.mark.height() / 2.0;
                    self.mark(Mark::of(place), entry.mark.center(), r * 0.85, t.persona_colour(place), None);
                }
                LegendKey::Dip => {
                    let r = entry.mark.height() / 2.0;
                    self.painter.circle_stroke(self.pt(entry.mark.center()), r * self.s, self.stroke(2.0, t.dip));
                }
                LegendKey::Target => {
                    let y = entry.mark.center().y;
                    let line = [self.pt(pos2(entry.mark.left(), y)), self.pt(pos2(entry.mark.right(), y))];
                    let dash = (6.0 * self.s).max(3.0);
                    self.painter.extend(Shape::dashed_line(&line, self.stroke(2.2, t.text), dash, dash * 0.7));
                }
            }
            self.text(&entry.label);
        }
    }
}
