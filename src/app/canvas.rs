//! The zoomable, pannable view of the map.
//!
//! The camera is session state (never saved, never in the undo history). Painting goes
//! through `render::paint`, the same function the PNG export uses.

use crate::layout::Layout;
use crate::model::EmotionDisplay;
use crate::render::{self, View};
use crate::theme::Theme;
use egui::emath::TSTransform;
use egui::{Pos2, Rect, Role, Sense, Ui, Vec2, WidgetInfo};

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
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            zoom: 1.0,
            offset: Vec2::splat(16.0),
            text_zoom: 1.0,
            last_zoom_at: f64::NEG_INFINITY,
            fit_pending: true,
        }
    }
}

impl Camera {
    /// A camera at `zoom` with the map's origin at `offset` from the canvas corner.
    pub fn at(zoom: f32, offset: Vec2) -> Camera {
        Camera { zoom, offset, text_zoom: zoom, fit_pending: false, ..Camera::default() }
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
    fn text_zoom(&mut self, ui: &Ui) -> f32 {
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

/// Shows the canvas filling `ui`, handles wheel/pinch zoom, scrolling and middle-button
/// panning, and paints the map. Primary-button gestures are left to the caller.
pub fn show(
    ui: &mut Ui,
    camera: &mut Camera,
    layout: &Layout,
    theme: &Theme,
    display: EmotionDisplay,
    label: &str,
) -> (egui::Response, Rect, TSTransform) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, label));
    if camera.fit_pending && rect.width() > 1.0 {
        camera.fit(layout.size, rect);
    }

    if response.dragged_by(egui::PointerButton::Middle) {
        camera.offset += response.drag_delta();
    }
    if response.hovered() || response.dragged() {
        let (scroll, mut zoom, pinch, pointer, now) = ui.input(|i| {
            (i.smooth_scroll_delta(), i.zoom_delta(), i.multi_touch().is_some(), i.pointer.hover_pos(), i.time)
        });
        if !pinch {
            // egui turns one wheel notch into ~×1.5; a map editor wants finer steps (~×1.25).
            zoom = zoom.powf(0.55);
        }
        if scroll != Vec2::ZERO {
            camera.offset += scroll;
        }
        if (zoom - 1.0).abs() > 1e-4 {
            camera.zoom_gesture(zoom, pointer.unwrap_or(rect.center()), rect, now);
        }
    }

    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, theme.lane_title_fill);
    let view = View {
        to_screen: camera.to_screen(rect),
        text_scale: camera.text_zoom(ui),
        clip: rect,
        background: true,
        emotion_display: display,
    };
    render::paint(&painter, layout, theme, &view);
    expose_to_accessibility(ui, layout, &view);
    (response, rect, view.to_screen)
}

/// Gives the visible stages, lanes and cards accessible names, so screen readers (and UI
/// tests) can find what the canvas paints as plain shapes.
fn expose_to_accessibility(ui: &mut Ui, layout: &Layout, view: &View) {
    let visible = view.to_screen.inverse() * view.clip;
    let label = |ui: &mut Ui, id: egui::Id, rect: Rect, text: String| {
        if visible.intersects(rect) {
            let screen = (view.to_screen * rect).intersect(view.clip);
            let r = ui.interact(screen, id, Sense::hover());
            r.widget_info(|| WidgetInfo::labeled(Role::Label, true, &text));
        }
    };
    for s in &layout.stages {
        label(ui, egui::Id::unique(("stage", s.id.as_str())), s.header, s.name.rows.join(" "));
    }
    for l in &layout.lanes {
        label(ui, egui::Id::unique(("lane", l.id.as_str())), l.title_cell, l.title.rows.join(" "));
    }
    for c in &layout.cards {
        label(ui, egui::Id::unique(("card", c.id.as_str())), c.rect, c.title.rows.join(" "));
    }
}
