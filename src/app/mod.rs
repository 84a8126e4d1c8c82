//! The eframe application: the editor window, its menus, canvas, dialogs and notifications.
//!
//! State lives in three places: the `Document` (the map, saved), the session (`Camera`, open
//! dialogs, toasts; never saved), and `Prefs` (language, theme, recent files, export options;
//! saved by eframe between runs, never in the map).

pub mod actions;
mod arrow_tool;
mod autosave;
pub mod canvas;
mod date_field;
mod document;
mod edit_actions;
mod export_dialog;
mod export_job;
pub mod i18n;
mod inline_edit;
mod inspector;
mod interact;
mod menus;
mod palette;
mod plan_matrix;
mod plan_panel;
mod selection;
mod toasts;
mod unsaved;

pub use actions::{ACTIONS, Action};
pub use canvas::Camera;
pub use document::Document;
pub use i18n::UiLanguage;
pub use interact::Gesture;
pub use palette::PaletteItem;
pub use plan_panel::{PlanTab, PlanView};
pub use selection::{Sel, Selection};

use crate::model::Language;
use crate::presets::Preset;
use crate::render::export::ExportOptions;
use crate::theme::{Theme, ThemeKind};
use export_job::ExportJob;
use i18n::tr;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use toasts::Toasts;

/// How many files Open Recent remembers.
const RECENT_LIMIT: usize = 10;
const PREFS_KEY: &str = "polku-prefs";

/// The user's preferences, kept between runs.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub language: UiLanguage,
    pub theme: ThemeKind,
    pub recent: Vec<PathBuf>,
    pub export: ExportOptions,
    /// The action plan panel is open.
    pub show_plan: bool,
}

impl Prefs {
    fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_LIMIT);
    }
}

/// The editor window.
pub struct PolkuApp {
    pub doc: Document,
    pub camera: Camera,
    pub prefs: Prefs,
    toasts: Toasts,
    export_dialog: bool,
    export_job: Option<ExportJob>,
    /// The window title last sent, so it is sent only when it changes.
    shown_title: Option<String>,
    pub selection: Selection,
    pub gesture: Gesture,
    /// Put the keyboard into the selection's title field on the next frame.
    focus_title: bool,
    /// Counts focus changes, so typing in a newly focused field starts a new undo step.
    typing_epoch: u64,
    help_open: bool,
    /// The cell keyboard actions work on when no card is selected (session state).
    cursor_cell: Option<(crate::model::StageId, crate::model::LaneId)>,
    pending_delete: Option<edit_actions::PendingDelete>,
    /// An action waiting for Save / Don't save / Cancel.
    asking: Option<unsaved::Discarding>,
    /// Set once the user agreed to close without saving (or saved).
    allow_close: bool,
    /// Autosave target; `None` when the app runs without storage (tests).
    recovery: Option<crate::io::recovery::RecoveryStore>,
    autosave: autosave::AutosaveClock,
    /// Work left by crashed instances, offered at start.
    orphans: Vec<crate::io::recovery::Recovery>,
    /// Save found the file changed on disk: asking Reload / Save as / Overwrite.
    external_change: bool,
    /// A title being edited in place on the canvas.
    inline: Option<inline_edit::InlineEdit>,
    /// The cell slot the dragged card is previewed in (session state of a drag).
    drag_slot: Option<(crate::model::StageId, crate::model::LaneId, usize)>,
    /// Filters, sort and tab of the action plan panel (session state).
    pub plan_view: plan_panel::PlanView,
    /// Where the canvas was last drawn, for actions that move the camera.
    last_canvas: egui::Rect,
}

impl PolkuApp {
    /// An app showing `doc`, with `prefs`.
    pub fn new(doc: Document, prefs: Prefs) -> PolkuApp {
        PolkuApp {
            doc,
            camera: Camera::default(),
            prefs,
            toasts: Toasts::default(),
            export_dialog: false,
            export_job: None,
            shown_title: None,
            selection: Selection::default(),
            gesture: Gesture::None,
            focus_title: false,
            typing_epoch: 0,
            help_open: false,
            cursor_cell: None,
            pending_delete: None,
            asking: None,
            allow_close: false,
            recovery: None,
            autosave: autosave::AutosaveClock::default(),
            orphans: Vec::new(),
            external_change: false,
            inline: None,
            drag_slot: None,
            plan_view: plan_panel::PlanView::default(),
            last_canvas: egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0)),
        }
    }

    /// Opens the map at `path`, or the bundled sample; a bad file becomes an error toast over
    /// the sample, never a crash.
    pub fn starting_with(file: Option<PathBuf>, prefs: Prefs) -> PolkuApp {
        let sample = || Document::new(crate::samples::default_sample(), None, None);
        let mut app = PolkuApp::new(sample(), prefs);
        if let Some(path) = file {
            app.open_path(path);
        }
        app
    }

    fn theme(&self) -> Theme {
        Theme::of(self.prefs.theme)
    }

    /// Replaces the document with the map at `path`; on error the current map stays.
    pub fn open_path(&mut self, path: PathBuf) {
        match Document::open(path.clone()) {
            Ok(doc) => {
                if let Some(reason) = &doc.read_only {
                    self.toasts.error(reason.clone());
                }
                self.prefs.remember(&path);
                self.doc = doc;
                self.camera = Camera::default();
                self.selection.clear();
                self.reset_autosave();
            }
            Err(e) => {
                self.prefs.recent.retain(|p| p != &path);
                self.toasts.error(e.to_string());
            }
        }
    }

    fn new_map(&mut self, preset: Preset, language: Language) {
        self.doc = Document::new(preset.new_map(language), None, None);
        self.camera = Camera::default();
        self.selection.clear();
        self.reset_autosave();
    }

    fn open_dialog(&mut self) {
        if let Some(path) = rfd::FileDialog::new().add_filter("Polku map", &["ron"]).pick_file() {
            self.open_path(path);
        }
    }

    fn save(&mut self) {
        match self.doc.path.clone() {
            Some(_) if self.doc.changed_on_disk() => self.external_change = true,
            Some(path) => self.save_to(path),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) {
        let name = format!("{}.ron", file_stem_for(&self.doc.map.title));
        if let Some(path) = rfd::FileDialog::new().add_filter("Polku map", &["ron"]).set_file_name(name).save_file() {
            self.save_to(path);
        }
    }

    /// Saves to `path`, unless the map came from a newer Polku.
    pub fn save_to(&mut self, path: PathBuf) {
        if let Some(reason) = &self.doc.read_only {
            self.toasts.error(reason.clone());
            return;
        }
        match crate::io::save(&self.doc.map, &path) {
            Ok(()) => {
                self.toasts.info(format!("{}: {}", tr(self.prefs.language).saved, path.display()));
                self.prefs.remember(&path);
                self.doc.path = Some(path);
                self.doc.history.mark_saved();
                self.doc.recovered = false;
                self.doc.disk_stamp = self.doc.stamp_on_disk();
            }
            Err(e) => self.toasts.error(e.to_string()),
        }
    }

    fn window_title(&self) -> String {
        let t = tr(self.prefs.language);
        let mut title = self.doc.display_name();
        if self.doc.path.is_none() {
            title = format!("{title} ({})", t.unsaved_sample);
        }
        if self.doc.read_only.is_some() {
            title = format!("{title} [{}]", t.read_only);
        }
        if self.doc.is_dirty() {
            title = format!("• {title}");
        }
        format!("{title} — Polku")
    }

    fn shortcuts(&mut self, ctx: &egui::Context, canvas: egui::Rect) {
        let typing = ctx.egui_wants_keyboard_input();
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            for def in ACTIONS {
                for s in def.shortcuts {
                    // A focused text field keeps its own keys (typing, Ctrl+A, Ctrl+Z within the
                    // field); only the window-level actions pass through.
                    let window_level = matches!(
                        def.action,
                        Action::Save
                            | Action::SaveAs
                            | Action::Open
                            | Action::Export
                            | Action::Quit
                            | Action::Help
                            | Action::Fit
                            | Action::ActualSize
                            | Action::ZoomIn
                            | Action::ZoomOut
                            | Action::ActionPlan
                    );
                    if typing && (actions::ActionDef::is_plain_key(s) || !window_level) {
                        continue;
                    }
                    if i.consume_shortcut(s) {
                        fired.push(def.action);
                    }
                }
            }
        });
        for action in fired {
            self.run_action(ctx, action, canvas);
        }
        // Copy, cut and paste arrive as events (the platform's own keys), unless a text field
        // is taking them.
        if !typing {
            let events = ctx.input(|i| i.events.clone());
            for e in events {
                match e {
                    egui::Event::Copy => self.run_action(ctx, Action::Copy, canvas),
                    egui::Event::Cut => self.run_action(ctx, Action::Cut, canvas),
                    egui::Event::Paste(text) => self.paste_text(&text),
                    _ => {}
                }
            }
        }
    }

    /// Tab and Shift+Tab walk the map's cells unless a text field has the keyboard; egui would
    /// otherwise move keyboard focus to the menu bar.
    fn take_tab(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() || self.asking.is_some() || self.pending_delete.is_some() {
            return;
        }
        let (back, forward) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::SHIFT, egui::Key::Tab),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Tab),
            )
        });
        if back || forward {
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
            self.step_cell(if back { -1 } else { 1 });
        }
    }

    /// Whether an action can run now (greys out menu entries).
    pub fn enabled(&self, action: Action) -> bool {
        let cards = !self.selection.cards().is_empty();
        match action {
            Action::Save | Action::SaveAs => self.doc.read_only.is_none(),
            Action::Undo => self.doc.history.undo_label().is_some(),
            Action::Redo => self.doc.history.redo_label().is_some(),
            Action::Delete => !self.selection.items.is_empty(),
            Action::Duplicate | Action::Copy | Action::Cut | Action::Emotion(_) => cards,
            Action::ToggleImprovement => self.selection.items.iter().any(|s| matches!(s, Sel::Card(_) | Sel::Arrow(_))),
            _ => true,
        }
    }

    /// Runs an action from a menu or a shortcut.
    pub fn run_action(&mut self, ctx: &egui::Context, action: Action, canvas: egui::Rect) {
        if !self.enabled(action) {
            return;
        }
        match action {
            Action::Open => self.guard(ctx, unsaved::Discarding::OpenDialog),
            Action::Save => self.save(),
            Action::SaveAs => self.save_as(),
            Action::Export => self.export_dialog = true,
            Action::Quit => self.guard(ctx, unsaved::Discarding::CloseWindow),
            Action::Undo => {
                self.doc.undo();
                self.selection.retain_existing(&self.doc.map);
            }
            Action::Redo => {
                self.doc.redo();
                self.selection.retain_existing(&self.doc.map);
            }
            Action::Delete => self.delete_selection(),
            Action::Duplicate => {
                let (cmd, ids) = crate::edit::ops::duplicate_cards(&self.doc.map, &self.selection.cards());
                if self.doc.apply(cmd).is_ok() {
                    self.selection.items = ids.into_iter().map(Sel::Card).collect();
                }
            }
            Action::Copy => self.copy(ctx),
            Action::Cut => {
                self.copy(ctx);
                self.delete_selection();
            }
            Action::Paste => {}
            Action::SelectAll => {
                self.selection.items = self.doc.map.cards.iter().map(|c| Sel::Card(c.id.clone())).collect()
            }
            Action::AddCard => {
                if let Some((stage, lane)) = self.current_cell() {
                    let index = self.doc.map.cards_in(&stage, &lane).len();
                    self.add_card(stage, lane, index, None);
                }
            }
            Action::Edit => match self.selection.single().cloned() {
                Some(sel) => self.start_inline_edit(sel),
                None => self.focus_title = true,
            },
            Action::NextCell => self.step_cell(1),
            Action::PreviousCell => self.step_cell(-1),
            Action::SelectLeft => self.step_card(-1, 0),
            Action::SelectRight => self.step_card(1, 0),
            Action::SelectUp => self.step_card(0, -1),
            Action::SelectDown => self.step_card(0, 1),
            Action::ZoomIn => self.camera.zoom_step(1.25, canvas.center(), canvas),
            Action::ZoomOut => self.camera.zoom_step(0.8, canvas.center(), canvas),
            Action::Fit => self.camera.fit_pending = true,
            Action::ActualSize => self.camera.actual_size(canvas),
            Action::Help => self.help_open = !self.help_open,
            Action::ExportPlan => self.export_plan(),
            Action::Emotion(v) => {
                let ids = self.selection.cards();
                let commands: Vec<crate::edit::Command> = self
                    .doc
                    .map
                    .cards
                    .iter()
                    .filter(|c| ids.contains(&c.id))
                    .map(|c| {
                        let mut c = c.clone();
                        c.emotion = crate::model::Emotion::new(v);
                        crate::edit::Command::UpdateCard(c)
                    })
                    .collect();
                if let Err(e) = self.doc.apply(crate::edit::Command::Batch("Set emotion", commands)) {
                    self.toasts.error(e.to_string());
                }
            }
            Action::ActionPlan => self.prefs.show_plan = !self.prefs.show_plan,
            Action::ToggleImprovement => self.toggle_improvement(),
            Action::Deselect => {
                self.selection.clear();
                self.cursor_cell = None;
            }
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        for path in dropped {
            if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
                self.guard(ctx, unsaved::Discarding::OpenPath(path));
            } else {
                self.toasts.error(format!("{}: {}", tr(self.prefs.language).not_a_map_file, path.display()));
            }
        }
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop")));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(140));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                tr(self.prefs.language).drop_to_open,
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }
}

impl eframe::App for PolkuApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let title = self.window_title();
        if self.shown_title.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = Some(title);
        }
        let ui_theme = match self.prefs.theme {
            ThemeKind::Light => egui::Theme::Light,
            ThemeKind::Dark => egui::Theme::Dark,
        };
        if ctx.theme() != ui_theme {
            ctx.set_theme(ui_theme);
        }
        self.poll_export();
        self.take_tab(&ctx);
        self.intercept_close(&ctx);
        self.dropped_files(&ctx);
        let canvas_guess = ctx.content_rect();

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, canvas_guess));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        // Full width under the palette and the inspector: the plan's table has many columns.
        if self.prefs.show_plan {
            egui::Panel::bottom("action-plan")
                .resizable(true)
                .default_size(330.0)
                .min_size(140.0)
                .show(ui, |ui| self.plan_panel(ui));
        }
        let language = self.prefs.language;
        egui::Panel::left("palette").resizable(false).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| palette::show(ui, language));
        });
        egui::Panel::right("inspector").default_size(300.0).show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| self.inspector(ui));
        });
        let theme = self.theme();
        let display = self.doc.map.emotions.display;
        let label = tr(self.prefs.language).map_canvas;
        let mut canvas_rect = canvas_guess;
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            let layout = self.doc.layout(&ctx, &theme);
            let (response, rect, to_screen) = canvas::show(ui, &mut self.camera, layout, &theme, display, label);
            canvas_rect = rect;
            self.last_canvas = rect;
            self.canvas_interaction(ui, &interact::CanvasFrame { response, rect, to_screen });
            self.inline_edit_ui(&ctx, to_screen, rect);
        });
        if self.pending_delete.is_none() && self.asking.is_none() && !self.external_change {
            self.shortcuts(&ctx, canvas_rect);
        }
        self.selection.retain_existing(&self.doc.map);
        if self.export_dialog {
            self.export_dialog_ui(&ctx);
        }
        if self.help_open {
            self.help_ui(&ctx);
        }
        self.confirm_delete_ui(&ctx);
        self.unsaved_dialog(&ctx);
        self.external_change_dialog(&ctx);
        self.recovery_dialog(&ctx);
        self.autosave(&ctx);
        self.toasts.show(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit (the user saved or chose not to): no recovery file is left to offer.
        if let Some(store) = &self.recovery {
            store.release();
        }
    }
}

/// A file name from a map title: letters and digits kept (ä and ö too), the rest dashes.
fn file_stem_for(title: &str) -> String {
    let stem: String = title
        .chars()
        .flat_map(|c| if c.is_alphanumeric() { c.to_lowercase().collect::<Vec<_>>() } else { vec!['-'] })
        .collect();
    let stem = stem.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    if stem.is_empty() { "journey-map".to_owned() } else { stem }
}

impl PolkuApp {
    /// Sets up the context (fonts, zoom keys) and restores preferences: what eframe (and the UI
    /// tests) call when the window is created.
    pub fn create(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> PolkuApp {
        crate::fonts::install(&cc.egui_ctx);
        // Ctrl +/− zoom the map, not the whole user interface.
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let prefs: Prefs = cc.storage.and_then(|s| eframe::get_value(s, PREFS_KEY)).unwrap_or_default();
        let app = PolkuApp::starting_with(file, prefs);
        // Recovery files live beside eframe's own storage; without storage (UI tests) there is
        // no autosave. POLKU_RECOVERY_DIR moves them (for demos and isolated runs).
        let dir = std::env::var_os("POLKU_RECOVERY_DIR")
            .map(PathBuf::from)
            .or_else(|| cc.storage.and_then(|_| eframe::storage_dir("Polku")).map(|d| d.join("recovery")));
        match dir.map(crate::io::recovery::RecoveryStore::open) {
            Some(Ok(store)) => app.with_recovery(store),
            Some(Err(e)) => {
                let mut app = app;
                app.toasts.error(format!("Autosave is off: cannot use the recovery folder: {e}"));
                app
            }
            None => app,
        }
    }
}

/// Opens the editor window on `file` (or a bundled sample) and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_title("Polku"),
        ..Default::default()
    };
    eframe::run_native("Polku", options, Box::new(move |cc| Ok(Box::new(PolkuApp::create(cc, file)))))
        .map_err(|e| anyhow::anyhow!("cannot open the editor window: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_titles_keeping_finnish_letters() {
        assert_eq!(file_stem_for("Myyntijohtajan polku: CRM!"), "myyntijohtajan-polku-crm");
        assert_eq!(file_stem_for("Äiti öljyää"), "äiti-öljyää");
        assert_eq!(file_stem_for("  "), "journey-map");
    }
}
