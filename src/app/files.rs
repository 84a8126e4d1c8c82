//! Files of the window: open, new, save, save as, the window title, files dropped on it.

use super::PolkuApp;
use super::dialogs::file_picker::FilePurpose;
use super::dialogs::unsaved;
use super::document::Document;
use super::i18n::tr;
use crate::model::Language;
use crate::presets::Preset;
use std::path::PathBuf;

impl PolkuApp {
    /// Replaces the document with the map at `path`; on error the current map stays.
    pub fn open_path(&mut self, path: PathBuf) {
        if let Err(e) = self.try_open(path) {
            self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
        }
    }

    /// Like [`Self::open_path`], but hands the error back instead of showing it.
    pub(crate) fn try_open(&mut self, path: PathBuf) -> Result<(), crate::io::LoadError> {
        let opened = Document::open(path.clone());
        self.adopt(path, opened)
    }

    /// Makes `opened` (the map at `path`, or why it could not be opened) the window's map.
    pub(crate) fn adopt(
        &mut self,
        path: PathBuf,
        opened: Result<Document, crate::io::LoadError>,
    ) -> Result<(), crate::io::LoadError> {
        match opened {
            Ok(doc) => {
                if let Some(reason) = &doc.read_only {
                    self.toasts.error(reason.to_string_in(self.prefs.language.as_language()));
                }
                if doc.from_image.is_some() {
                    self.toasts.info(tr(self.prefs.language).opened_from_image);
                }
                self.prefs.remember(&path);
                self.doc = doc;
                self.document_replaced();
                Ok(())
            }
            Err(e) => {
                self.prefs.recent.retain(|p| p != &path);
                Err(e)
            }
        }
    }

    /// After another map took the window's place: a fresh view of it, its own autosave, and
    /// its own review reminder.
    pub(crate) fn document_replaced(&mut self) {
        self.editor.reset();
        self.reset_autosave();
        self.review.open = false;
        self.review.checks = [false; 4];
    }

    pub(crate) fn new_map(&mut self, preset: Preset, language: Language) {
        self.doc = Document::new(preset.new_map(language), None, None);
        self.document_replaced();
    }

    pub(crate) fn open_dialog(&mut self, ctx: &egui::Context) {
        self.pick_file(ctx, FilePurpose::OpenMap, "");
    }

    pub(crate) fn save(&mut self, ctx: &egui::Context) {
        match self.doc.path.clone() {
            Some(_) if self.doc.changed_on_disk() => self.open_modal(super::Modal::ExternalChange),
            Some(path) => self.save_to(path),
            None => self.save_as(ctx, None),
        }
    }

    /// Asks where to save, saves, then goes on with `then` (what a Save in the unsaved-changes
    /// question was asked before).
    pub(crate) fn save_as(&mut self, ctx: &egui::Context, then: Option<unsaved::Discarding>) {
        // A map read out of an image is named after the image it came from.
        let stem = match self.doc.from_image.as_ref().and_then(|p| p.file_stem()) {
            Some(stem) => stem.to_string_lossy().into_owned(),
            None => crate::io::file_stem(&self.doc.map.title),
        };
        self.pick_file(ctx, FilePurpose::SaveMap { then }, &format!("{stem}.ron"));
    }

    /// Saves to `path`, unless the map came from a newer Polku.
    pub fn save_to(&mut self, path: PathBuf) {
        if let Some(reason) = &self.doc.read_only {
            self.toasts.error(reason.to_string_in(self.prefs.language.as_language()));
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
            Err(e) => self.toasts.error(e.to_string_in(self.prefs.language.as_language())),
        }
    }

    pub(super) fn window_title(&self) -> String {
        let t = tr(self.prefs.language);
        if let super::Mode::FailedOpen(failed) = &self.mode {
            let name = failed.path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            return format!("{name} ({}) — Polku", t.not_opened);
        }
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

    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect());
        for path in dropped {
            if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron") || e.eq_ignore_ascii_case("png")) {
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
