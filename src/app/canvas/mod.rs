//! The editing canvas: the zoomable, pannable view of the map and what the pointer does on it
//! (gestures, arrow handles, in-place editing, the selection).
//!
//! Painting goes through `render::paint`, the same function the PNG export uses.

pub mod arrow_tool;
mod camera;
mod first_steps;
pub mod inline_edit;
pub mod interact;
mod overlays;
pub mod selection;

pub use camera::{Camera, MAX_ZOOM, MIN_ZOOM};

use crate::layout::Layout;
use crate::model::EmotionDisplay;
use crate::render::{self, View};
use crate::theme::Theme;
use egui::emath::TSTransform;
use egui::{Rect, Role, Sense, Ui, Vec2, WidgetInfo};

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
pub(crate) fn expose_to_accessibility(ui: &mut Ui, layout: &Layout, view: &View) {
    for s in &layout.stages {
        expose(ui, view, ("stage", s.id.as_str()), s.header, s.name.rows.join(" "));
    }
    expose_lane_titles(ui, layout, view, "lane");
    for c in &layout.cards {
        expose(ui, view, ("card", c.id.as_str()), c.rect, c.title.rows.join(" "));
    }
}

/// Accessible names for the lane titles `view` shows; `kind` tells apart a presentation's
/// frozen title pane from the map beside it.
pub(crate) fn expose_lane_titles(ui: &mut Ui, layout: &Layout, view: &View, kind: &'static str) {
    for l in &layout.lanes {
        expose(ui, view, (kind, l.id.as_str()), l.title_cell, l.title.rows.join(" "));
    }
}

/// One accessible label for `rect` (map units), when some of it is on screen.
fn expose(ui: &mut Ui, view: &View, id: (&'static str, &str), rect: Rect, text: String) {
    let screen = (view.to_screen * rect).intersect(view.clip);
    if screen.is_positive() {
        let r = ui.interact(screen, egui::Id::unique(id), Sense::hover());
        r.widget_info(|| WidgetInfo::labeled(Role::Label, true, &text));
    }
}
