//! The eframe application: the editor window and its modes.
//!
//! State lives in four places: the `Document` (the map, saved), the `Editor` (camera,
//! selection, gesture; session only), the window's `Mode` (editing or presenting, each with
//! its own session state) and its one open `Modal`, and `Prefs` (language, theme, recent files,
//! export options; saved by eframe between runs, never in the map).
//!
//! The folders say what a file may touch: `canvas/` the editing canvas, `panels/` the panels
//! around it, `dialogs/` the modal questions, `present/` the presentation mode.

pub mod actions;
mod autosave;
pub mod canvas;
pub mod compare;
mod copy_image;
pub mod dialogs;
mod dispatch;
mod document;
mod edit_actions;
mod editor;
pub mod failed_open;
mod files;
pub mod i18n;
mod mode;
pub mod panels;
mod prefs;
pub mod preload;
pub mod present;
mod present_actions;
pub mod timer;
mod toasts;
pub mod version_view;
pub mod versions;
pub mod workshop;

pub use actions::{ACTIONS, Action};
pub use canvas::Camera;
pub use canvas::interact::Gesture;
pub use canvas::selection::{Sel, Selection};
pub use dialogs::Modal;
pub use document::{Document, OPENING_VIEW, WARM_FROM_CARDS};
pub use editor::Editor;
pub use i18n::UiLanguage;
pub use mode::Mode;
pub use panels::palette::PaletteItem;
pub use panels::plan_panel::{PlanTab, PlanView};
pub use prefs::Prefs;

use crate::theme::{Theme, ThemeKind};
use dialogs::export_job::ExportJob;
use i18n::tr;
use std::path::PathBuf;
use toasts::Toasts;

/// A change of the window's mode, asked for by an action and made at the end of the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModeRequest {
    /// Present: on the other screen when there are two, else full screen here.
    Present { from_here: bool },
    /// Present in a window of its own, with the presenter's view here.
    PresentInWindow,
    /// Back to editing.
    Edit,
}

/// The editor window.
pub struct PolkuApp {
    pub doc: Document,
    pub prefs: Prefs,
    /// The editing mode's session state; kept while another mode shows.
    pub editor: Editor,
    /// Editing or presenting.
    pub mode: Mode,
    /// A change of mode asked for this frame, made at its end.
    mode_request: Option<ModeRequest>,
    /// The open dialog, if any.
    pub modal: Option<Modal>,
    /// The timer and the view of the dot votes.
    pub workshop: workshop::Workshop,
    toasts: Toasts,
    export_job: Option<ExportJob>,
    /// The window title last sent, so it is sent only when it changes.
    shown_title: Option<String>,
    /// Set once the user agreed to close without saving (or saved).
    allow_close: bool,
    /// Autosave target; `None` when the app runs without storage (tests).
    recovery: Option<crate::io::recovery::RecoveryStore>,
    autosave: autosave::AutosaveClock,
    /// Work left by crashed instances, offered at start.
    orphans: Vec<crate::io::recovery::Recovery>,
    /// The system's file dialog, or Polku's own where the system's cannot be shown.
    pub file_dialogs: dialogs::file_picker::FileDialogs,
    /// The SWOT view is open (View → SWOT analysis).
    pub swot_open: bool,
    /// The review reminder's session state.
    pub review: panels::review::ReviewReminder,
}

impl PolkuApp {
    /// An app showing `doc`, with `prefs`.
    pub fn new(doc: Document, prefs: Prefs) -> PolkuApp {
        PolkuApp {
            doc,
            prefs,
            editor: Editor::default(),
            mode: Mode::Editing,
            mode_request: None,
            modal: None,
            workshop: workshop::Workshop::default(),
            toasts: Toasts::default(),
            export_job: None,
            shown_title: None,
            allow_close: false,
            recovery: None,
            autosave: autosave::AutosaveClock::default(),
            orphans: Vec::new(),
            file_dialogs: dialogs::file_picker::FileDialogs::from_env(),
            swot_open: false,
            review: panels::review::ReviewReminder::default(),
        }
    }

    /// Opens the map at `path`, or the bundled sample; a bad file becomes an error toast over
    /// the sample, never a crash.
    pub fn starting_with(file: Option<PathBuf>, prefs: Prefs) -> PolkuApp {
        PolkuApp::starting_with_preload(file.map(preload::Preload::start), prefs)
    }

    /// Like [`PolkuApp::starting_with`], with the file already being opened on a thread.
    pub fn starting_with_preload(file: Option<preload::Preload>, prefs: Prefs) -> PolkuApp {
        let Some(preload) = file else {
            let sample = crate::samples::default_sample_in(prefs.language.as_language());
            return PolkuApp::new(Document::new(sample, None, None), prefs);
        };
        // An empty map stands behind the failure page; nothing of it shows until one is opened.
        let mut app = PolkuApp::new(Document::new(crate::model::JourneyMap::default(), None, None), prefs);
        let (path, (opened, laid)) = preload.finish();
        match app.adopt(path.clone(), opened) {
            Ok(()) => {
                if let Some((first, rest, go)) = laid {
                    app.doc.adopt_view_first(&Theme::light(), 1.0, first, rest, go);
                }
            }
            Err(e) => app.mode = Mode::FailedOpen(Box::new(failed_open::FailedOpen::new(path, &e))),
        }
        app
    }

    /// The theme the window paints and exports with: the chosen colours and the View options.
    pub fn theme(&self) -> Theme {
        Theme {
            plan_badges: !self.prefs.hide_plan_badges,
            evidence_colours: self.prefs.colour_by_evidence,
            journey_of: self.persona_in_view().cloned(),
            ..Theme::of(self.prefs.theme)
        }
    }

    /// The theme a presentation shows the map in: `kind`, with the persona bar's choice.
    pub fn presenting_theme(&self, kind: ThemeKind) -> Theme {
        Theme { journey_of: self.persona_in_view().cloned(), ..Theme::of(kind) }
    }

    /// The persona whose journey is shown (the persona bar's choice, while it is on the map).
    pub fn persona_in_view(&self) -> Option<&crate::model::PersonaId> {
        self.editor.persona.as_ref().filter(|p| self.doc.map.persona(p).is_some())
    }

    /// Rates cards `ids` for the persona in view (or each card's own, or the first), one step.
    pub(crate) fn rate_cards(&mut self, ids: &[crate::model::CardId], emotion: Option<crate::model::Emotion>) {
        let in_view = self.persona_in_view().cloned();
        let mut map = self.doc.map.clone();
        let mut commands = Vec::new();
        for id in ids {
            let persona = map.card(id).and_then(|c| map.rating_persona(c, in_view.as_ref()));
            if let Some(command) = crate::edit::persona_ops::rate(&map, id, persona.as_ref(), emotion, false)
                && command.apply(&mut map).is_ok()
            {
                commands.push(command);
            }
        }
        if commands.is_empty() {
            return;
        }
        if let Err(e) = self.doc.apply(crate::edit::Command::Batch(crate::edit::StepName::SetEmotion, commands)) {
            self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
        }
    }

    /// The editing mode: menus, panels, the canvas; with the presenter's panel when the
    /// audience sees the presentation in another window.
    fn edit_ui(&mut self, ui: &mut egui::Ui, presenting: Option<&mut present::Presentation>) {
        let ctx = ui.ctx().clone();
        self.take_tab(&ctx);
        let typing_in_place = self.editor.inline.is_some();
        let canvas_guess = ctx.content_rect();
        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, canvas_guess));
        egui::Panel::top("persona-bar").show(ui, |ui| self.persona_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        if let Some(p) = presenting {
            egui::Panel::right("presenter").default_size(380.0).show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.presenter_panel(ui, p));
            });
        }
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
            egui::ScrollArea::vertical().show(ui, |ui| panels::palette::show(ui, language));
        });
        egui::Panel::right("inspector").default_size(300.0).min_size(240.0).show(ui, |ui| {
            // Keeps its width when what it shows is narrow ("5 selected"): a panel that shrank
            // would cut the next item's fields short.
            egui::ScrollArea::vertical().auto_shrink([false, true]).show(ui, |ui| self.inspector(ui));
        });
        let theme = self.theme();
        let display = self.doc.map.emotions.display;
        let label = tr(self.prefs.language).map_canvas;
        let mut canvas_rect = canvas_guess;
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            self.editor.camera.open(self.doc.map.cards.len() >= document::WARM_FROM_CARDS);
            let layout = self.doc.layout(&ctx, &theme);
            let (response, rect, to_screen) = canvas::show(ui, &mut self.editor.camera, layout, &theme, display, label);
            // A press on the map gives it the keyboard; a press anywhere else takes it away.
            if ctx.input(|i| i.pointer.any_pressed()) {
                self.editor.canvas_focus = response.contains_pointer();
            }
            if let Some(round) = self.shown_vote().cloned() {
                let layout = self.doc.layout(&ctx, &theme);
                crate::render::votes::paint_dots(&ui.painter_at(rect), layout, to_screen, rect, &round, &theme);
            }
            canvas_rect = rect;
            self.editor.last_canvas = rect;
            self.canvas_interaction(ui, &canvas::interact::CanvasFrame { response, rect, to_screen });
            self.inline_edit_ui(&ctx, to_screen, rect, &theme);
            let titles_right = (to_screen * egui::pos2(theme.margin + theme.lane_title_width, 0.0)).x;
            self.first_steps_ui(ui, rect, titles_right);
        });
        // A text field in a panel having the keyboard takes it from the map; the title typed in
        // place on the map does not (quick capture goes N, type, Enter, N, …).
        if ctx.egui_wants_keyboard_input() && !typing_in_place && self.editor.inline.is_none() {
            self.editor.canvas_focus = false;
        }
        if !self.modal.as_ref().is_some_and(Modal::blocks_shortcuts) {
            self.shortcuts(&ctx, canvas_rect);
        }
        self.editor.selection.retain_existing(&self.doc.map);
        self.votes_window(&ctx, false);
        self.timer_window(&ctx, false);
        self.swot_window(&ctx);
        self.review_window(&ctx);
    }

    /// Presenting: the audience view full screen here, or the editor with the presenter's
    /// panel here and the audience view in its own window.
    fn present_ui(&mut self, ui: &mut egui::Ui, p: &mut present::Presentation) {
        match p.audience {
            present::Audience::ThisWindow => {
                egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| self.audience_ui(ui, p));
            }
            present::Audience::OtherWindow { .. } => {
                self.edit_ui(ui, Some(p));
                let ctx = ui.ctx().clone();
                self.audience_window(&ctx, p);
            }
        }
        if p.ended {
            self.mode_request = Some(ModeRequest::Edit);
        }
    }
}

impl eframe::App for PolkuApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.cumulative_frame_nr() == 1 && std::env::var_os("POLKU_REPORT_FIRST_FRAME").is_some() {
            // The first frame, with the map on it, has been painted: for scripts/bench-window.sh,
            // which measures from process start to here.
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            eprintln!("polku: first frame shown at {:.3}", now.as_secs_f64());
        }
        let title = self.window_title();
        if self.shown_title.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = Some(title);
        }
        let ui_theme = match self.prefs.theme {
            ThemeKind::Light | ThemeKind::Projector => egui::Theme::Light,
            ThemeKind::Dark => egui::Theme::Dark,
        };
        if ctx.theme() != ui_theme {
            ctx.set_theme(ui_theme);
        }
        self.poll_export();
        self.intercept_close(&ctx);
        self.dropped_files(&ctx);
        let mode = std::mem::take(&mut self.mode);
        self.mode = match mode {
            Mode::Editing => {
                self.edit_ui(ui, None);
                Mode::Editing
            }
            Mode::Presenting(mut p) => {
                self.present_ui(ui, &mut p);
                Mode::Presenting(p)
            }
            Mode::FailedOpen(failed) => self.failed_open_ui(ui, &failed).unwrap_or(Mode::FailedOpen(failed)),
            Mode::Comparing(mut c) => {
                if self.compare_ui(ui, &mut c) {
                    Mode::Editing
                } else {
                    Mode::Comparing(c)
                }
            }
            Mode::Viewing(mut v) => self.version_view_ui(ui, &mut v).unwrap_or(Mode::Viewing(v)),
        };
        self.modal_ui(&ctx);
        if let Some(request) = self.mode_request.take() {
            self.switch_mode(&ctx, request, frame);
        }
        self.timer_tick(&ctx);
        self.autosave(&ctx);
        // A large map's projector layout is made while the editor is idle, so F5 shows at once.
        if !self.mode.is_presenting() && self.autosave.quiet_for(ctx.input(|i| i.time)) > 2.0 {
            self.doc.warm_layout(&ctx, &self.presenting_theme(ThemeKind::Projector));
        }
        self.toasts.show(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, prefs::PREFS_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit (the user saved or chose not to): no recovery file is left to offer.
        if let Some(store) = &self.recovery {
            store.release();
        }
    }
}

impl PolkuApp {
    /// Sets up the context (fonts, zoom keys) and restores preferences: what eframe (and the UI
    /// tests) call when the window is created.
    pub fn create(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> PolkuApp {
        PolkuApp::create_preloaded(cc, file.map(preload::Preload::start))
    }

    /// Like [`PolkuApp::create`], with the file already being opened on a thread.
    pub fn create_preloaded(cc: &eframe::CreationContext<'_>, file: Option<preload::Preload>) -> PolkuApp {
        crate::fonts::install(&cc.egui_ctx);
        // Ctrl +/− zoom the map, not the whole user interface.
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        // eframe restores the last window state; a run that ended while presenting (killed, or
        // quit with Ctrl+Q) saved it full screen, but the editor always starts in a window.
        cc.egui_ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        let prefs: Prefs = match cc.storage {
            Some(storage) => eframe::get_value(storage, prefs::PREFS_KEY).unwrap_or_else(|| Prefs {
                // A first start speaks the desktop's language; the View menu changes it later.
                language: UiLanguage::from_locale(|name| std::env::var(name).ok()),
                ..Prefs::default()
            }),
            None => Prefs::default(),
        };
        let app = PolkuApp::starting_with_preload(file, prefs);
        // Recovery files live beside eframe's own storage; without storage (UI tests) there is
        // no autosave. POLKU_RECOVERY_DIR moves them (for demos and isolated runs).
        let dir = std::env::var_os("POLKU_RECOVERY_DIR")
            .map(PathBuf::from)
            .or_else(|| cc.storage.and_then(|_| eframe::storage_dir("Polku")).map(|d| d.join("recovery")));
        match dir.map(crate::io::recovery::RecoveryStore::open) {
            Some(Ok(store)) => app.with_recovery(store),
            Some(Err(e)) => {
                let mut app = app;
                let lang = app.prefs.language.as_language();
                let why = crate::io::io_reason_in(&e, lang);
                app.toasts.error(match lang {
                    crate::model::Language::Finnish => {
                        format!("Automaattinen tallennus ei ole käytössä: palautuskansiota ei voi käyttää: {why}")
                    }
                    crate::model::Language::English => {
                        format!("Autosave is off: cannot use the recovery folder: {why}")
                    }
                });
                app
            }
            None => app,
        }
    }
}

/// The icon of the title bar and task switcher; a window without one is still a window.
pub(crate) fn app_icon() -> Option<std::sync::Arc<egui::IconData>> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/png/256.png")).ok().map(std::sync::Arc::new)
}

/// Opens the editor window on `file` (or a bundled sample) and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([640.0, 400.0])
        .with_title("Polku")
        // The desktop entry's StartupWMClass: the window manager pairs the window with it.
        .with_app_id("polku");
    if let Some(icon) = app_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, ..Default::default() };
    // The map is read (and a large one laid out) while the window is being made.
    let file = file.map(preload::Preload::start);
    eframe::run_native("Polku", options, Box::new(move |cc| Ok(Box::new(PolkuApp::create_preloaded(cc, file)))))
        .map_err(|e| anyhow::anyhow!("cannot open the editor window: {e}"))
}
