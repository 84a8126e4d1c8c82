//! What a map without stages says to a newcomer: where stages come from, and templates that
//! put a whole journey's stages on the map in one undoable step.

use crate::app::PolkuApp;
use crate::app::UiLanguage;
use crate::app::panels::palette::PaletteItem;
use crate::edit::ops;
use crate::model::Language;
use crate::presets::Preset;
use egui::text::{LayoutJob, TextFormat};
use egui::{CornerRadius, FontId, Frame, Margin, Rect, RichText, Stroke, UiBuilder, vec2};

/// Widest the hint grows on a large screen, in points.
const HINT_WIDTH: f32 = 560.0;
/// Narrowest the hint gets beside the lane titles before it lies over them instead.
const MIN_WIDTH: f32 = 420.0;

impl PolkuApp {
    /// Over a map without stages: what to do first, and a button per template.
    /// `titles_right` is where the lane titles end on screen.
    pub(crate) fn first_steps_ui(&mut self, ui: &mut egui::Ui, canvas: Rect, titles_right: f32) {
        if !self.doc.map.stages.is_empty() || self.editor.inline.is_some() {
            return;
        }
        let fi = self.prefs.language == UiLanguage::Finnish;
        let map_language = self.doc.map.language;
        // Right of the lane titles when there is room for both, so the lanes stay readable;
        // over them on a small window rather than not at all.
        let beside = (titles_right + 24.0).max(canvas.left() + 16.0);
        let room_beside = canvas.right() - 16.0 - beside;
        let (left, width) = if room_beside >= MIN_WIDTH {
            let width = HINT_WIDTH.min(room_beside);
            ((canvas.center().x - width / 2.0).max(beside), width)
        } else {
            let width = HINT_WIDTH.min(canvas.width() - 32.0);
            (canvas.center().x - width / 2.0, width)
        };
        if width < 200.0 {
            return;
        }
        let top = canvas.top() + (canvas.height() * 0.18).min(160.0);
        let area = Rect::from_min_size(egui::pos2(left, top), vec2(width, canvas.bottom() - top - 16.0));
        let mut chosen = None;
        let visuals = ui.visuals().clone();
        let frame = Frame::new()
            .fill(visuals.window_fill)
            .stroke(Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color))
            .corner_radius(CornerRadius::same(10))
            .inner_margin(Margin::same(20))
            .shadow(visuals.window_shadow);
        let shown = ui.scope_builder(UiBuilder::new().max_rect(area), |ui| {
            frame.show(ui, |ui| {
                ui.set_width(width - 40.0);
                ui.label(
                    RichText::new(if fi { "Kartassa ei ole vielä vaiheita" } else { "This map has no stages yet" })
                        .size(20.0)
                        .strong(),
                );
                ui.add_space(6.0);
                ui.label(if fi {
                    "Vedä paletista Vaihe kartalle – tai aloita pohjasta, jossa vaiheet ovat valmiina. \
                    Sen jälkeen kortit menevät vaiheiden ja kaistojen soluihin: napsauta solua ja paina N."
                } else {
                    "Drag a Stage from the palette onto the map – or start from a template that has the \
                    stages ready. Then cards go into the cells of stages and lanes: click a cell and press N."
                });
                ui.add_space(10.0);
                for preset in Preset::TEMPLATES {
                    let name = preset.name(if fi { Language::Finnish } else { Language::English });
                    let stages: Vec<&str> = preset
                        .stages()
                        .iter()
                        .map(|(_, en, f)| if map_language == Language::Finnish { *f } else { *en })
                        .collect();
                    let mut text = LayoutJob::default();
                    let format = |size: f32, color| TextFormat {
                        font_id: FontId::proportional(size),
                        color,
                        ..TextFormat::default()
                    };
                    text.append(name, 0.0, format(16.0, visuals.strong_text_color()));
                    text.append(&format!("\n{}", stages.join(" → ")), 0.0, format(14.0, visuals.text_color()));
                    let button = egui::Button::new(text).min_size(vec2(width - 40.0, 48.0));
                    if ui.add(button).clicked() {
                        chosen = Some(preset);
                    }
                    ui.add_space(2.0);
                }
                ui.add_space(6.0);
                ui.label(
                    RichText::new(if fi {
                        "Pohjan voi kumota (Ctrl+Z). F1 näyttää kaikki näppäimet."
                    } else {
                        "A template can be undone (Ctrl+Z). F1 shows every key."
                    })
                    .color(visuals.weak_text_color()),
                );
            })
        });
        let hint = shown.inner.response.rect;
        // The hint lies over the map: a Stage dropped on it still lands, as the first stage.
        let released_here =
            ui.input(|i| i.pointer.any_released() && i.pointer.hover_pos().is_some_and(|p| hint.contains(p)));
        if released_here
            && let Some(item) = egui::DragAndDrop::take_payload::<PaletteItem>(ui.ctx())
            && *item == PaletteItem::Stage
        {
            self.add_stage_at(0);
        }
        if let Some(preset) = chosen {
            self.add_template(preset);
        }
    }

    /// A template's stages (and its touchpoints) onto the map, as one undo step, in view.
    pub(crate) fn add_template(&mut self, preset: Preset) {
        let Some(command) = ops::add_template(&self.doc.map, preset) else { return };
        match self.doc.apply(command) {
            Ok(()) => self.editor.camera.fit_pending = true,
            Err(e) => self.toasts.error(e.to_string_in(self.prefs.language.as_language())),
        }
    }
}
