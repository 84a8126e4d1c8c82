//! Where the presentation's camera points, and the frozen panes of a stage step: the lane
//! titles stay at the left edge and the stage headers at the top, as frozen rows and columns
//! do in a spreadsheet, so the room always knows which row and stage it is reading.

use crate::layout::Layout;
use egui::emath::TSTransform;
use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// Room kept free at the screen's edges, in points.
pub const PAD: f32 = 16.0;

/// A camera position: map units → screen points, relative to the screen's top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shot {
    pub zoom: f32,
    pub offset: Vec2,
    /// Whether the lane titles and stage headers are frozen at the screen's edges.
    pub panes: bool,
}

impl Shot {
    /// `region` (map units) as large as fits `screen`, centred, at most `max_zoom`.
    pub fn fit(region: Rect, screen: Vec2, max_zoom: f32) -> Shot {
        let avail = (screen - Vec2::splat(2.0 * PAD)).max(Vec2::splat(1.0));
        let zoom = (avail.x / region.width().max(1.0)).min(avail.y / region.height().max(1.0)).min(max_zoom);
        let offset = screen / 2.0 - region.center().to_vec2() * zoom;
        Shot { zoom, offset, panes: false }
    }

    /// Map → screen for a screen whose top-left corner is at `origin`.
    pub fn transform(&self, origin: Pos2) -> TSTransform {
        TSTransform::new(origin.to_vec2() + self.offset, self.zoom)
    }

    /// The map point at the middle of a screen of `size`.
    fn centre(&self, size: Vec2) -> Pos2 {
        ((size / 2.0 - self.offset) / self.zoom).to_pos2()
    }

    /// The shot `t` (0…1) of the way from `self` to `to`: zoom changes geometrically and the
    /// point at the screen's middle moves in a straight line, so a glide never swings sideways.
    pub fn towards(&self, to: &Shot, t: f32, size: Vec2) -> Shot {
        let t = t.clamp(0.0, 1.0);
        let zoom = self.zoom * (to.zoom / self.zoom).powf(t);
        let (a, b) = (self.centre(size), to.centre(size));
        let centre = a + (b - a) * t;
        Shot { zoom, offset: size / 2.0 - centre.to_vec2() * zoom, panes: to.panes }
    }
}

/// Eases a glide in and out (smoothstep).
pub fn ease(t: f32) -> f32 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// The frozen panes' geometry, read off the layout (map units).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Panes {
    /// The lane titles' column, left to right.
    pub titles: (f32, f32),
    /// The gap between the titles' column and the first stage.
    pub gap_x: f32,
    /// The stage headers' row, top to bottom.
    pub headers: (f32, f32),
    /// The gap between the headers and the first lane.
    pub gap_y: f32,
}

/// Where each part of a presentation frame goes on the screen, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PaneRects {
    /// The map itself.
    pub main: Rect,
    /// The frozen lane titles (left), if any.
    pub titles: Option<Rect>,
    /// The frozen stage headers (top), if any.
    pub headers: Option<Rect>,
    /// Where the two frozen panes meet.
    pub corner: Option<Rect>,
}

impl Panes {
    /// The panes of `layout`.
    pub fn of(layout: &Layout) -> Panes {
        let titles = layout
            .lanes
            .first()
            .map_or((layout.grid.left(), layout.grid.left()), |l| (l.title_cell.left(), l.title_cell.right()));
        let gap_x = layout.stages.first().map_or(0.0, |s| s.column.left() - titles.1).max(0.0);
        let headers = layout
            .stages
            .first()
            .map_or((layout.grid.top(), layout.grid.top()), |s| (s.header.top(), s.header.bottom()));
        let gap_y = layout.lanes.first().map_or(0.0, |l| l.row.top() - headers.1).max(0.0);
        Panes { titles, gap_x, headers, gap_y }
    }

    fn title_w(&self) -> f32 {
        self.titles.1 - self.titles.0 + self.gap_x
    }

    fn header_h(&self) -> f32 {
        self.headers.1 - self.headers.0 + self.gap_y
    }

    /// The largest zoom at which a column `width` wide and lanes `height` tall fit `screen`
    /// beside the frozen titles and below the frozen headers.
    pub fn fit_zoom(&self, width: f32, height: f32, screen: Vec2) -> f32 {
        let w = (screen.x - 2.0 * PAD) / (width + self.title_w()).max(1.0);
        let h = (screen.y - 2.0 * PAD) / (height + self.header_h()).max(1.0);
        w.min(h)
    }

    /// How wide a part of a stage may be (map units) at `zoom` on `screen`.
    pub fn room_for_columns(&self, screen: Vec2, zoom: f32) -> f32 {
        ((screen.x - 2.0 * PAD) / zoom - self.title_w()).max(1.0)
    }

    /// How tall a part of the lanes may be (map units) at `zoom` on `screen`.
    pub fn room_for_lanes(&self, screen: Vec2, zoom: f32) -> f32 {
        ((screen.y - 2.0 * PAD) / zoom - self.header_h()).max(1.0)
    }

    /// The shot of the stretch `xs` of a stage with its lanes from `top` down, at `zoom`: the
    /// stretch (the whole column, or some of a crowded stage's card columns) centred right of
    /// the frozen titles, `top` just below the frozen headers.
    pub fn stage_shot(&self, layout: &Layout, xs: egui::Rangef, top: f32, zoom: f32, screen: Vec2) -> Shot {
        let left = PAD + self.title_w() * zoom;
        let right = screen.x - PAD;
        let main_top = PAD + self.header_h() * zoom;
        let mut x = (left + right) / 2.0 - xs.center() * zoom;
        // Never scroll past the last stage, nor show the lane titles a second time beside the
        // frozen ones: the first stage starts at the frozen titles, the last ends at the edge.
        if let (Some(first), Some(last)) = (layout.stages.first(), layout.stages.last()) {
            x = x.max(right - (last.column.right() + self.gap_x / 2.0) * zoom);
            x = x.min(left - (first.column.left() - self.gap_x / 2.0) * zoom);
        }
        Shot { zoom, offset: vec2(x, main_top - top * zoom), panes: true }
    }

    /// Where the parts of a frame go on a screen at `screen` for `shot`, and the transform of
    /// each frozen pane.
    pub fn rects(&self, shot: &Shot, screen: Rect) -> PaneRects {
        if !shot.panes {
            return PaneRects { main: screen, titles: None, headers: None, corner: None };
        }
        let z = shot.zoom;
        let right = screen.left() + PAD + (self.titles.1 - self.titles.0 + self.gap_x / 2.0) * z;
        let bottom = screen.top() + PAD + (self.headers.1 - self.headers.0 + self.gap_y / 2.0) * z;
        PaneRects {
            main: Rect::from_min_max(pos2(right, bottom), screen.max),
            titles: Some(Rect::from_min_max(pos2(screen.left(), bottom), pos2(right, screen.bottom()))),
            headers: Some(Rect::from_min_max(pos2(right, screen.top()), pos2(screen.right(), bottom))),
            corner: Some(Rect::from_min_max(screen.min, pos2(right, bottom))),
        }
    }

    /// The transform of the frozen lane titles: the main view's rows, the titles' column at
    /// the screen's left edge.
    pub fn titles_transform(&self, shot: &Shot, screen: Rect) -> TSTransform {
        let main = shot.transform(screen.min);
        TSTransform::new(vec2(screen.left() + PAD - self.titles.0 * shot.zoom, main.translation.y), shot.zoom)
    }

    /// The transform of the frozen stage headers: the main view's columns, the headers' row at
    /// the screen's top edge.
    pub fn headers_transform(&self, shot: &Shot, screen: Rect) -> TSTransform {
        let main = shot.transform(screen.min);
        TSTransform::new(vec2(main.translation.x, screen.top() + PAD - self.headers.0 * shot.zoom), shot.zoom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fitted_region_is_centred_and_fills_the_screen_one_way() {
        let shot = Shot::fit(Rect::from_min_size(pos2(100.0, 0.0), vec2(400.0, 100.0)), vec2(832.0, 832.0), 10.0);
        assert!((shot.zoom - 2.0).abs() < 1e-4);
        let t = shot.transform(Pos2::ZERO);
        assert!(((t * pos2(300.0, 50.0)) - pos2(416.0, 416.0)).length() < 1e-3);
    }

    #[test]
    fn a_glide_starts_and_ends_exactly_at_its_shots_and_halves_the_zoom_geometrically() {
        let size = vec2(1000.0, 600.0);
        let a = Shot { zoom: 1.0, offset: vec2(10.0, 20.0), panes: false };
        let b = Shot { zoom: 4.0, offset: vec2(-300.0, -90.0), panes: true };
        assert_eq!(a.towards(&b, 0.0, size).zoom, 1.0);
        let end = a.towards(&b, 1.0, size);
        assert!((end.zoom - 4.0).abs() < 1e-4 && (end.offset - b.offset).length() < 1e-2);
        assert!((a.towards(&b, 0.5, size).zoom - 2.0).abs() < 1e-4);
    }
}
