//! Presenting on a second screen: the audience view in a window of its own (full screen on the
//! projector, or a normal window to drag there), while this window keeps the editor and adds
//! the presenter's panel: the current and the next step, the stage's description as notes,
//! the timer and the vote tally.

use super::{Audience, Presentation};
use crate::app::timer::format_secs;
use crate::app::{PolkuApp, UiLanguage};
use crate::present::frame::{self, Frame};
use crate::present::{Step, StepKind};
use crate::theme::Theme;
use egui::emath::TSTransform;
use egui::{Rect, Ui, Vec2, ViewportBuilder, ViewportCommand, ViewportId};

/// The audience window's id.
fn audience_id() -> ViewportId {
    ViewportId::from_hash_of("polku-audience")
}

impl PolkuApp {
    /// Shows the audience window (a second native window; embedded where the platform has
    /// only one).
    pub(crate) fn audience_window(&mut self, ctx: &egui::Context, p: &mut Presentation) {
        let Audience::OtherWindow { monitor } = p.audience else { return };
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut builder = ViewportBuilder::default()
            .with_title(format!("{} — {}", self.doc.map.title, if fi { "esitys" } else { "presentation" }))
            .with_inner_size([1280.0, 720.0])
            .with_min_inner_size([480.0, 270.0]);
        if let Some(index) = monitor {
            builder = builder.with_monitor(index).with_fullscreen(true);
        }
        if let Some(icon) = crate::app::app_icon() {
            builder = builder.with_icon(icon);
        }
        ctx.show_viewport_immediate(audience_id(), builder, |ui, _class| {
            let vctx = ui.ctx().clone();
            if vctx.input(|i| i.viewport().close_requested()) {
                p.ended = true;
            }
            // F11, or a double-click away from the map's cells, toggles full screen, as video
            // players do.
            let f11 = vctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F11));
            if f11 {
                p.window_fullscreen = !p.window_fullscreen;
                vctx.send_viewport_cmd(ViewportCommand::Fullscreen(p.window_fullscreen));
            }
            egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| self.audience_ui(ui, p));
            if std::mem::take(&mut p.toggle_fullscreen) {
                p.window_fullscreen = !p.window_fullscreen;
                vctx.send_viewport_cmd(ViewportCommand::Fullscreen(p.window_fullscreen));
            }
        });
    }

    /// The presenter's panel beside the editor.
    pub(crate) fn presenter_panel(&mut self, ui: &mut Ui, p: &mut Presentation) {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let ctx = ui.ctx().clone();
        let now = ui.input(|i| i.time);
        self.clicker_keys(&ctx, p, now);
        let total = p.steps().len();
        ui.horizontal(|ui| {
            ui.heading(if fi { "Esitys" } else { "Presenting" });
            ui.label(format!("{} / {total}", p.index + 1));
        });
        ui.horizontal(|ui| {
            if ui.button("◀").on_hover_text("Page Up").clicked() {
                p.previous(now);
            }
            if ui.button("▶").on_hover_text("Page Down").clicked() {
                p.next(now);
            }
            let blank = p.blank.is_some();
            if ui.selectable_label(blank, if fi { "Musta ruutu" } else { "Black screen" }).on_hover_text("B").clicked()
            {
                p.blank = if blank { None } else { Some(super::Blank::Black) };
            }
            if ui.button(if fi { "Lopeta" } else { "End" }).clicked() {
                p.ended = true;
            }
        });
        ui.separator();
        let theme = self.presenting_theme(p.theme);
        let current = p.step().cloned();
        let next = p.next_step().cloned();
        let screen = p.steps().first().map(|_| self.audience_size(p)).unwrap_or(Vec2::new(1920.0, 1080.0));
        if let Some(step) = &current {
            ui.label(egui::RichText::new(self.step_title(step, fi)).strong());
            self.thumbnail(ui, &theme, step, screen, "current");
        }
        if let Some(step) = &next {
            ui.label(format!("{}: {}", if fi { "Seuraavaksi" } else { "Next" }, self.step_title(step, fi)));
            self.thumbnail(ui, &theme, step, screen, "next");
        }
        ui.separator();
        ui.label(egui::RichText::new(if fi { "Muistiinpanot" } else { "Notes" }).small().strong());
        let notes = current.as_ref().map(|s| self.step_notes(s)).unwrap_or_default();
        ui.label(if notes.is_empty() { "—".to_owned() } else { notes });
        ui.separator();
        let reading = self.workshop.timer.read(self.workshop.clock.now());
        ui.collapsing(
            format!(
                "{} {}",
                if fi { "Ajastin" } else { "Timer" },
                if self.workshop.timer.is_active() { format_secs(reading.left_secs) } else { String::new() }
            ),
            |ui| self.timer_controls(ui, 14.0),
        );
        ui.collapsing(if fi { "Pisteäänestys" } else { "Dot vote" }, |ui| self.votes_panel(ui, 14.0));
    }

    /// The audience screen's size, as its steps were worked out for.
    fn audience_size(&self, p: &Presentation) -> Vec2 {
        p.key.map_or(Vec2::new(1920.0, 1080.0), |k| k.screen)
    }

    /// A small picture of `step` as the room sees it, painted by the same frame painter in a
    /// layer scaled down to the panel's width.
    fn thumbnail(&mut self, ui: &mut Ui, theme: &Theme, step: &Step, screen: Vec2, salt: &str) {
        let width = ui.available_width().min(360.0);
        let k = width / screen.x.max(1.0);
        let (rect, _) = ui.allocate_exact_size(screen * k, egui::Sense::hover());
        let ctx = ui.ctx().clone();
        let layer = egui::LayerId::new(egui::Order::Middle, egui::Id::unique(("presenter-thumb", salt)));
        ctx.set_transform_layer(layer, TSTransform::new(rect.min.to_vec2(), k));
        let screen_rect = Rect::from_min_size(egui::Pos2::ZERO, screen);
        let painter = ctx.layer_painter(layer).with_clip_rect(screen_rect);
        let dots = self.shown_vote().cloned();
        let (layout, map) = self.doc.layout_and_map(&ctx, theme);
        let f = Frame::of_step(layout, theme, map.emotions.display, step, dots.as_ref());
        frame::paint(&painter, screen_rect, &f);
        ui.painter().rect_stroke(rect, 2.0, ui.visuals().widgets.noninteractive.bg_stroke, egui::StrokeKind::Outside);
    }

    /// The `index`-th persona card of the presented map (blank personas have none).
    fn shown_persona(&self, index: usize) -> Option<&crate::model::Persona> {
        let in_view = self.persona_in_view();
        self.doc.map.personas.iter().filter(|p| !p.is_blank() && in_view.is_none_or(|v| v == &p.id)).nth(index)
    }

    /// A step's name: "Tiedonkeruu (2/3)".
    pub(crate) fn step_title(&self, step: &Step, fi: bool) -> String {
        match &step.kind {
            StepKind::Title { .. } => self.doc.map.title.clone(),
            StepKind::Persona { index } => self.shown_persona(*index).map(|p| p.name.clone()).unwrap_or_default(),
            StepKind::Overview => if fi { "Koko kartta" } else { "The whole map" }.to_owned(),
            StepKind::Stage { index, part, parts, revealed } => {
                let name = self.doc.map.stages.get(*index).map_or_else(String::new, |s| s.name.clone());
                let mut t = name;
                if *parts > 1 {
                    t.push_str(&format!(" ({}/{parts})", part + 1));
                }
                if let Some(n) = revealed {
                    t.push_str(&format!(" · {} {n}/{}", if fi { "kaista" } else { "lane" }, step.lanes.len()));
                }
                t
            }
        }
    }

    /// What the presenter reads: the stage's description, or the map's goal.
    fn step_notes(&self, step: &Step) -> String {
        let map = &self.doc.map;
        match &step.kind {
            StepKind::Stage { index, .. } => map.stages.get(*index).map(|s| s.description.clone()).unwrap_or_default(),
            StepKind::Title { .. } | StepKind::Overview => map.goal.clone(),
            StepKind::Persona { index } => self.shown_persona(*index).map(|p| p.quote.clone()).unwrap_or_default(),
        }
    }
}
