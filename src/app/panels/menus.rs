//! The menu bar, the status bar and the keyboard-shortcut overlay, all fed by the actions table.

use crate::app::i18n::tr;
use crate::app::{Action, PolkuApp, UiLanguage, actions, dialogs::unsaved};
use crate::model::Language;
use crate::presets::Preset;
use crate::theme::ThemeKind;

impl PolkuApp {
    /// A menu entry for an action, with its label, shortcut and enabled state from the table.
    fn action_button(&mut self, ui: &mut egui::Ui, action: Action, canvas: egui::Rect, label: Option<String>) {
        let Some(def) = actions::def(action) else { return };
        let lang = usize::from(self.prefs.language == UiLanguage::Finnish);
        let text = label.unwrap_or_else(|| def.label[lang].to_owned());
        let mut button = egui::Button::new(text);
        if let Some(s) = actions::keys_of(def).next() {
            button = button.shortcut_text(ui.ctx().format_shortcut(s));
        }
        let r = ui.add_enabled(self.enabled(action), button).on_hover_text(def.help[lang]);
        if r.clicked() {
            ui.close();
            let ctx = ui.ctx().clone();
            self.run_action(&ctx, action, canvas);
        }
    }

    pub(crate) fn menu_bar(&mut self, ui: &mut egui::Ui, canvas: egui::Rect) {
        let t = tr(self.prefs.language);
        let fi = self.prefs.language == UiLanguage::Finnish;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(t.file, |ui| {
                ui.menu_button(t.new_map, |ui| {
                    for (language, name) in
                        [(Language::English, t.preset_english), (Language::Finnish, t.preset_finnish)]
                    {
                        ui.label(egui::RichText::new(name).strong());
                        for preset in Preset::ALL {
                            if ui.button(preset.summary(language)).clicked() {
                                let ctx = ui.ctx().clone();
                                self.guard(&ctx, unsaved::Discarding::New(preset, language));
                                ui.close();
                            }
                        }
                        ui.separator();
                    }
                });
                self.action_button(ui, Action::Open, canvas, None);
                ui.menu_button(t.open_recent, |ui| {
                    if self.prefs.recent.is_empty() {
                        ui.label(t.no_recent);
                    }
                    let mut chosen = None;
                    for path in &self.prefs.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            chosen = Some(path.clone());
                        }
                    }
                    if !self.prefs.recent.is_empty() {
                        ui.separator();
                        if ui.button(t.clear_recent).clicked() {
                            self.prefs.recent.clear();
                        }
                    }
                    if let Some(path) = chosen {
                        ui.close();
                        let ctx = ui.ctx().clone();
                        self.guard(&ctx, unsaved::Discarding::OpenPath(path));
                    }
                });
                ui.separator();
                self.action_button(ui, Action::Save, canvas, None);
                self.action_button(ui, Action::SaveAs, canvas, None);
                ui.separator();
                self.action_button(ui, Action::Export, canvas, None);
                self.action_button(ui, Action::ExportSlides, canvas, None);
                self.action_button(ui, Action::ExportPlan, canvas, None);
                self.action_button(ui, Action::ExportSwot, canvas, None);
                ui.separator();
                self.action_button(ui, Action::SaveVersion, canvas, None);
                let count = self.doc.map.versions.len();
                let versions = (count > 0)
                    .then(|| if fi { format!("Versiot ({count})…") } else { format!("Versions ({count})…") });
                self.action_button(ui, Action::Versions, canvas, versions);
                self.action_button(ui, Action::CompareWith, canvas, None);
                ui.separator();
                self.action_button(ui, Action::Quit, canvas, None);
            });
            ui.menu_button(if fi { "Muokkaa" } else { "Edit" }, |ui| {
                let lang = self.prefs.language;
                let named = |verb: &str, step| format!("{verb} {}", crate::app::i18n::step_name(step, lang));
                let undo = self.doc.history.undo_label().map(|l| named(if fi { "Kumoa" } else { "Undo" }, l));
                self.action_button(ui, Action::Undo, canvas, undo);
                let redo = self.doc.history.redo_label().map(|l| named(if fi { "Tee uudelleen:" } else { "Redo" }, l));
                self.action_button(ui, Action::Redo, canvas, redo);
                ui.separator();
                for a in [Action::Copy, Action::CopyImage, Action::Cut, Action::Duplicate, Action::Delete] {
                    self.action_button(ui, a, canvas, None);
                }
                ui.separator();
                self.action_button(ui, Action::ToggleImprovement, canvas, None);
                ui.separator();
                for a in [Action::AddCard, Action::SelectAll] {
                    self.action_button(ui, a, canvas, None);
                }
            });
            ui.menu_button(t.view, |ui| {
                for a in [Action::ZoomIn, Action::ZoomOut, Action::Fit, Action::ActualSize] {
                    self.action_button(ui, a, canvas, None);
                }
                ui.separator();
                let mut open = self.prefs.show_plan;
                let def = actions::def(Action::ActionPlan);
                let lang = usize::from(fi);
                let mut item = egui::Button::new(def.map_or("", |d| d.label[lang]));
                if let Some(s) = def.and_then(|d| d.shortcuts.first()) {
                    item = item.shortcut_text(ui.ctx().format_shortcut(s));
                }
                if ui.add(item.selected(open)).clicked() {
                    open = !open;
                    ui.close();
                }
                self.prefs.show_plan = open;
                let def = actions::def(Action::SwotView);
                let item = egui::Button::new(def.map_or("", |d| d.label[lang])).selected(self.swot_open);
                if ui.add(item).clicked() {
                    self.swot_open = !self.swot_open;
                    ui.close();
                }
                ui.checkbox(
                    &mut self.prefs.colour_by_evidence,
                    if fi { "Väritä kortit näytön mukaan" } else { "Colour cards by evidence" },
                )
                .on_hover_text(if fi {
                    "Punainen oletus, oranssi osin perusteltu, vihreä tutkittu, harmaa ei merkitty"
                } else {
                    "Red assumption, amber partly backed, green researched, grey not said"
                });
                let mut badges = !self.prefs.hide_plan_badges;
                if ui.checkbox(&mut badges, t.plan_badges).on_hover_text(t.plan_badges_hint).changed() {
                    self.prefs.hide_plan_badges = !badges;
                }
                ui.separator();
                for a in [Action::Present, Action::PresentFromHere, Action::PresentInWindow] {
                    self.action_button(ui, a, canvas, None);
                }
                let mut reveal = self.doc.map.presentation.reveal_lanes;
                if ui
                    .checkbox(
                        &mut reveal,
                        if fi { "Esitä kaistat yksi kerrallaan" } else { "Present lanes one by one" },
                    )
                    .on_hover_text(if fi { "Tallennetaan karttaan" } else { "Saved with the map" })
                    .changed()
                {
                    let settings = crate::model::PresentationSettings { reveal_lanes: reveal };
                    if let Err(e) = self.doc.apply(crate::edit::Command::SetPresentation(settings)) {
                        self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
                    }
                }
                ui.separator();
                for a in [Action::Timer, Action::StartVote, Action::VotePanel] {
                    self.action_button(ui, a, canvas, None);
                }
                ui.separator();
                ui.label(t.theme);
                ui.radio_value(&mut self.prefs.theme, ThemeKind::Light, t.light);
                ui.radio_value(&mut self.prefs.theme, ThemeKind::Dark, t.dark);
                ui.radio_value(&mut self.prefs.theme, ThemeKind::Projector, t.projector);
                ui.separator();
                ui.label(t.language);
                ui.radio_value(&mut self.prefs.language, UiLanguage::English, "English");
                ui.radio_value(&mut self.prefs.language, UiLanguage::Finnish, "Suomi");
            });
            ui.menu_button(if fi { "Ohje" } else { "Help" }, |ui| self.action_button(ui, Action::Help, canvas, None));
        });
    }

    pub(crate) fn status_bar(&mut self, ui: &mut egui::Ui) {
        let t = tr(self.prefs.language);
        ui.horizontal(|ui| {
            ui.label(format!("{:.0} %", self.editor.camera.zoom * 100.0));
            ui.separator();
            // With one persona's journey in view, how much of the map that is.
            match self.persona_in_view() {
                Some(p) => {
                    let shown = self.doc.map.cards.iter().filter(|c| c.is_on_journey_of(p)).count();
                    let of = if self.prefs.language == crate::app::UiLanguage::Finnish { "/" } else { "of" };
                    ui.label(format!("{shown} {of} {} {}", self.doc.map.cards.len(), t.cards));
                }
                None => {
                    ui.label(format!("{} {}", self.doc.map.cards.len(), t.cards));
                }
            }
            ui.separator();
            let items = crate::plan::count(&self.doc.map);
            let fi = self.prefs.language == UiLanguage::Finnish;
            let text = if fi { format!("Toimenpidesuunnitelma ({items})") } else { format!("Action plan ({items})") };
            let r = ui.selectable_label(self.prefs.show_plan, text);
            if r.clicked() {
                self.prefs.show_plan = !self.prefs.show_plan;
            }
            r.on_hover_text(if fi { "Näytä tai piilota (Ctrl+J)" } else { "Show or hide (Ctrl+J)" });
            ui.separator();
            let evidence = self.doc.map.evidence_summary();
            if evidence.any() {
                // A click colours the cards by their evidence (or stops).
                let r = ui.selectable_label(self.prefs.colour_by_evidence, evidence.sentence(fi));
                if r.clicked() {
                    self.prefs.colour_by_evidence = !self.prefs.colour_by_evidence;
                }
                r.on_hover_text(if fi {
                    "Väritä kortit näytön mukaan: punainen oletus, oranssi osin perusteltu, vihreä tutkittu"
                } else {
                    "Colour the cards by evidence: red assumption, amber partly backed, green researched"
                });
                ui.separator();
            }
            self.review_status(ui);
            match &self.doc.path {
                Some(p) => ui.label(p.display().to_string()),
                None => ui.label(t.unsaved_sample),
            };
            if self.export_job.is_some() {
                ui.separator();
                ui.spinner();
                ui.label(t.exporting);
            }
            if let Some(round) = self.open_vote() {
                let text = if fi {
                    format!("🗳 Äänestys käynnissä: {} pistettä", round.total())
                } else {
                    format!("🗳 Vote open: {} dots", round.total())
                };
                ui.separator();
                if ui.selectable_label(self.workshop.votes_open, text).clicked() {
                    self.workshop.votes_open = !self.workshop.votes_open;
                }
            }
            self.timer_status(ui);
        });
    }
}
