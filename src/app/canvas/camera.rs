//! Where the map sits in a view: zoom and offset, fit, zoom steps and gestures, bringing an
//! element into view. Session state: never saved, never in the undo history.

use egui::emath::TSTransform;
use egui::{Pos2, Rect, Ui, Vec2};

/// Zoom limits: 3 % shows a 5,000-card map whole; 800 % reads the smallest text on a projector.
pub const MIN_ZOOM: f32 = 0.03;
pub const MAX_ZOOM: f32 = 8.0;
/// How long after the last wheel or pinch step text is laid out again at the new size.
const SETTLE_SECONDS: f64 = 0.2;

/// Where the map sits in the canvas.
#[derive(Clone, Debug, PartialEq)]
pub struct Camera {
    /// Map units → points.
    pub zoom: f32,
    /// The map's origin relative to the canvas's top-left corner, in points.
    pub offset: Vec2,
    /// The zoom text is laid out at; lags `zoom` while a zoom gesture goes on.
    text_zoom: f32,
    last_zoom_at: f64,
    /// Fit the map to the canvas on the next frame (after opening a map, Ctrl+0).
    pub fit_pending: bool,
    /// A map has just opened and has not been shown yet.
    opening: bool,
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            zoom: 1.0,
            offset: Vec2::splat(16.0),
            text_zoom: 1.0,
            last_zoom_at: f64::NEG_INFINITY,
            fit_pending: true,
            opening: true,
        }
    }
}

impl Camera {
    /// A camera at `zoom` with the map's origin at `offset` from the canvas corner.
    pub fn at(zoom: f32, offset: Vec2) -> Camera {
        Camera { zoom, offset, text_zoom: zoom, fit_pending: false, opening: false, ..Camera::default() }
    }

    /// The view a map opens in: fitted, or for a `large` map 100 % on its start (the title,
    /// the first stages and lanes), where its text can be read (fitted, a map of a thousand
    /// cards shows them a fifth of their size or less) and only what is in view need be laid
    /// out before the window shows it. Fit (Ctrl+0) shows the whole.
    pub fn open(&mut self, large: bool) {
        if std::mem::take(&mut self.opening) && large {
            *self = Camera::at(1.0, Vec2::ZERO);
        }
    }

    /// Map → screen for a canvas at `canvas`.
    pub fn to_screen(&self, canvas: Rect) -> TSTransform {
        TSTransform::new(canvas.min.to_vec2() + self.offset, self.zoom)
    }

    /// Zooms by `factor` keeping the map point under `anchor` (screen) in place. A gesture
    /// step: text keeps its layout until the gesture settles.
    pub fn zoom_gesture(&mut self, factor: f32, anchor: Pos2, canvas: Rect, now: f64) {
        self.zoom_about(factor, anchor, canvas);
        self.last_zoom_at = now;
    }

    /// Zooms by `factor` about `anchor` in one step (keyboard): text is laid out at once.
    pub fn zoom_step(&mut self, factor: f32, anchor: Pos2, canvas: Rect) {
        self.zoom_about(factor, anchor, canvas);
        self.text_zoom = self.zoom;
    }

    fn zoom_about(&mut self, factor: f32, anchor: Pos2, canvas: Rect) {
        let new = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let map_point = (anchor - canvas.min - self.offset) / self.zoom;
        self.offset = anchor - canvas.min - map_point * new;
        self.zoom = new;
    }

    /// Shows the whole map, centred, with a little room around it.
    pub fn fit(&mut self, map_size: Vec2, canvas: Rect) {
        let pad = 24.0;
        let avail = (canvas.size() - Vec2::splat(2.0 * pad)).max(Vec2::splat(1.0));
        let zoom = (avail.x / map_size.x.max(1.0)).min(avail.y / map_size.y.max(1.0)).clamp(MIN_ZOOM, MAX_ZOOM);
        self.zoom = zoom;
        self.text_zoom = zoom;
        self.offset = (canvas.size() - map_size * zoom) / 2.0;
        self.fit_pending = false;
    }

    /// 100 %, keeping the map point at the canvas centre in place.
    pub fn actual_size(&mut self, canvas: Rect) {
        let factor = 1.0 / self.zoom;
        self.zoom_step(factor, canvas.center(), canvas);
    }

    /// Brings `target` (map units) into view: centred when any of it is off screen, and zoomed
    /// in to a readable size when the map is zoomed far out.
    pub fn reveal(&mut self, target: Rect, canvas: Rect) {
        const READABLE: f32 = 0.6;
        if self.zoom < READABLE {
            self.zoom = READABLE;
            self.text_zoom = READABLE;
        }
        let on_screen = Rect::from_min_max(
            (target.min.to_vec2() * self.zoom + self.offset).to_pos2(),
            (target.max.to_vec2() * self.zoom + self.offset).to_pos2(),
        );
        let visible = Rect::from_min_size(Pos2::ZERO, canvas.size()).shrink(24.0);
        if !visible.contains_rect(on_screen) {
            self.offset = canvas.size() / 2.0 - target.center().to_vec2() * self.zoom;
        }
        self.fit_pending = false;
    }

    /// The zoom text is laid out at this frame; asks for a repaint when a gesture settles.
    pub(crate) fn text_zoom(&mut self, ui: &Ui) -> f32 {
        let now = ui.input(|i| i.time);
        if (self.text_zoom - self.zoom).abs() > f32::EPSILON {
            let since = now - self.last_zoom_at;
            if since >= SETTLE_SECONDS {
                self.text_zoom = self.zoom;
            } else {
                ui.ctx().request_repaint_after(std::time::Duration::from_secs_f64(SETTLE_SECONDS - since));
            }
        }
        self.text_zoom
    }
}
