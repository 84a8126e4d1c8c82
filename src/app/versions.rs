//! Kept versions in the window: File → Save version… names a copy of the map and keeps it in
//! the map's file; File → Versions… lists them, and each can be opened read-only, compared with
//! the map as it is now, restored (one undo step) or deleted.

use super::dialogs::Outcome;
use super::{PolkuApp, UiLanguage};
use crate::edit::{Command, StepName};
use crate::model::{JourneyMap, Stamp};
use egui::RichText;

/// The Save version dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionDraft {
    pub name: String,
    /// Focus the name field on the first frame only.
    focused: bool,
}

impl VersionDraft {
    /// A draft with a name to start from: what a review is usually called, dated.
    pub fn new(fi: bool) -> VersionDraft {
        let today = crate::model::Date::today();
        let name = if fi {
            format!("Katselmointi {}", today.in_language(crate::model::Language::Finnish))
        } else {
            format!("Review {today}")
        };
        VersionDraft { name, focused: false }
    }
}

impl PolkuApp {
    /// Keeps the map as it is now as a version named `name`, then saves the file so the version
    /// is on disk (asking where, for a map never saved). One undo step.
    pub fn keep_version(&mut self, ctx: &egui::Context, name: &str) {
        let lang = self.prefs.language.as_language();
        let version = match crate::io::keep_version(&self.doc.map, name, Stamp::now()) {
            Ok(v) => v,
            Err(e) => return self.toasts.error(e.to_string_in(lang)),
        };
        let index = self.doc.map.versions.len();
        if let Err(e) = self.doc.apply(Command::InsertVersion { index, version }) {
            return self.toasts.error(e.to_string_in(lang));
        }
        if self.doc.read_only.is_none() && self.doc.from_image.is_none() {
            self.save(ctx);
        } else {
            let fi = self.prefs.language == UiLanguage::Finnish;
            self.toasts.info(if fi {
                "Versio tallennettu karttaan; tallenna kartta tiedostoksi, niin versio säilyy"
            } else {
                "Version kept in the map; save the map as a file to keep it on disk"
            });
        }
    }

    /// The map kept as version `index`, or a toast saying why it cannot be read.
    fn kept_map(&mut self, index: usize) -> Option<JourneyMap> {
        let version = self.doc.map.versions.get(index)?;
        let path = self.doc.path.clone().unwrap_or_else(|| self.doc.display_name().into());
        match crate::io::open_version(version, &path) {
            Ok(map) => Some(map),
            Err(e) => {
                self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
                None
            }
        }
    }

    /// "version “Review 2026-06-01” (2026-06-01 10:00)", as a comparison names the other side.
    fn version_label(&self, index: usize) -> String {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let Some(v) = self.doc.map.versions.get(index) else { return String::new() };
        let when = v.saved.in_language(self.prefs.language.as_language());
        if fi { format!("versio ”{}” ({when})", v.name) } else { format!("version “{}” ({when})", v.name) }
    }

    /// Compares the map with kept version `index` (compare mode).
    pub fn compare_with_version(&mut self, index: usize) {
        if let Some(old) = self.kept_map(index) {
            let against = self.version_label(index);
            self.start_comparing_with(old, against);
        }
    }

    /// Shows kept version `index` read-only.
    pub fn view_version(&mut self, index: usize) {
        if let Some(map) = self.kept_map(index) {
            let label = self.version_label(index);
            self.mode = super::Mode::Viewing(Box::new(super::version_view::VersionView::new(index, label, map)));
        }
    }

    /// Makes the map what version `index` holds. The map as it was is kept as a version first
    /// (unless a version already holds it), so restoring never loses work even after the undo
    /// history is gone; both are one undo step.
    pub fn restore_version(&mut self, index: usize) {
        let Some(old) = self.kept_map(index) else { return };
        let lang = self.prefs.language.as_language();
        let fi = self.prefs.language == UiLanguage::Finnish;
        let name = self.doc.map.versions.get(index).map(|v| v.name.clone()).unwrap_or_default();
        let mut commands = Vec::new();
        let before = if fi {
            format!("Ennen version ”{name}” palautusta")
        } else {
            format!("Before restoring “{name}”")
        };
        match crate::io::keep_version(&self.doc.map, &before, Stamp::now()) {
            Ok(now) => {
                if !self.doc.map.versions.iter().any(|v| v.map == now.map) {
                    commands.push(Command::InsertVersion { index: self.doc.map.versions.len(), version: now });
                }
            }
            Err(e) => return self.toasts.error(e.to_string_in(lang)),
        }
        commands.push(Command::ReplaceContent(Box::new(old)));
        match self.doc.apply(Command::Batch(StepName::RestoreVersion, commands)) {
            Ok(()) => {
                self.editor.selection.clear();
                self.editor.inline = None;
                self.editor.persona = None;
                self.editor.camera.fit_pending = true;
                self.toasts.info(if fi {
                    format!("Versio ”{name}” palautettu (Ctrl+Z kumoaa)")
                } else {
                    format!("Restored “{name}” (Ctrl+Z undoes it)")
                });
            }
            Err(e) => self.toasts.error(e.to_string_in(lang)),
        }
    }

    /// The Save version dialog.
    pub(super) fn save_version_ui(&mut self, ctx: &egui::Context, draft: &mut VersionDraft) -> Outcome {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut keep = false;
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("save-version")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.heading(if fi { "Tallenna versio" } else { "Save version" });
            ui.add_space(4.0);
            ui.label(if fi {
                "Kartta sellaisena kuin se nyt on tallentuu nimettynä ja päivättynä karttatiedoston sisään: \
                 versio kulkee tiedoston mukana toiselle koneelle tai yhteiselle levylle."
            } else {
                "The map as it is now is kept, named and dated, inside the map file: the version travels \
                 with the file to another machine or a shared drive."
            });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                ui.label(if fi { "Nimi" } else { "Name" });
                let id = egui::Id::unique("version-name");
                let r = ui.add(egui::TextEdit::singleline(&mut draft.name).id(id).desired_width(340.0));
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::TextInput,
                        true,
                        if fi { "Version nimi" } else { "Version name" },
                    )
                });
                if !draft.focused {
                    r.request_focus();
                    // The suggested name is selected, so typing replaces it.
                    if let Some(mut state) = egui::text_edit::TextEditState::load(ui.ctx(), id) {
                        state.cursor.set_char_range(Some(egui::text::CCursorRange::select_all_str(&draft.name)));
                        state.store(ui.ctx(), id);
                        draft.focused = true;
                    }
                }
                keep |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let ok = !draft.name.trim().is_empty();
                keep |= ui
                    .add_enabled(ok, egui::Button::new(if fi { "Tallenna versio" } else { "Save version" }))
                    .clicked();
                cancel |= ui.button(if fi { "Peruuta" } else { "Cancel" }).clicked();
            });
            cancel |= ui.input(|i| i.key_pressed(egui::Key::Escape));
        });
        if keep && !draft.name.trim().is_empty() {
            self.keep_version(ctx, &draft.name.clone());
            return Outcome::Closed;
        }
        if cancel { Outcome::Closed } else { Outcome::Open }
    }

    /// The versions list: newest first, each with Open, Compare, Restore and Delete.
    pub(super) fn versions_ui(&mut self, ctx: &egui::Context) -> Outcome {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let lang = self.prefs.language.as_language();
        let mut open = true;
        let mut chosen: Option<(usize, VersionDo)> = None;
        let mut save_new = false;
        egui::Window::new(if fi { "Versiot" } else { "Versions" })
            .id(egui::Id::unique("versions"))
            .pivot(egui::Align2::CENTER_TOP)
            .default_pos(ctx.content_rect().center_top() + egui::vec2(0.0, 120.0))
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(620.0)
            .show(ctx, |ui| {
                ui.label(if fi {
                    "Versiot tallentuvat karttatiedoston sisään ja kulkevat sen mukana."
                } else {
                    "Versions are kept inside the map file and travel with it."
                });
                let writable = self.doc.read_only.is_none();
                if ui
                    .add_enabled(writable, egui::Button::new(if fi { "Tallenna versio…" } else { "Save version…" }))
                    .clicked()
                {
                    save_new = true;
                }
                ui.separator();
                if self.doc.map.versions.is_empty() {
                    ui.label(if fi {
                        "Versioita ei ole vielä. Tallenna versio ennen katselmointia tai työpajaa, niin voit myöhemmin \
                         verrata, mikä muuttui."
                    } else {
                        "No versions yet. Save one before a review or a workshop, and later compare what changed."
                    });
                }
                egui::ScrollArea::vertical().max_height(420.0).show(ui, |ui| {
                    egui::Grid::new("versions-grid").num_columns(3).spacing([16.0, 8.0]).striped(true).show(ui, |ui| {
                        for (i, v) in self.doc.map.versions.iter().enumerate().rev() {
                            ui.label(RichText::new(&v.name).strong());
                            ui.label(v.saved.in_language(lang));
                            ui.horizontal(|ui| {
                                for what in VersionDo::ALL {
                                    if ui.button(what.label(fi)).on_hover_text(what.help(fi)).clicked() {
                                        chosen = Some((i, what));
                                    }
                                }
                            });
                            ui.end_row();
                        }
                    });
                });
            });
        if save_new {
            self.modal = Some(super::Modal::SaveVersion(VersionDraft::new(fi)));
            return Outcome::Closed;
        }
        match chosen {
            Some((i, VersionDo::Open)) => self.view_version(i),
            Some((i, VersionDo::Compare)) => self.compare_with_version(i),
            Some((i, VersionDo::Restore)) => self.restore_version(i),
            Some((i, VersionDo::Delete)) => {
                if let Err(e) = self.doc.apply(Command::RemoveVersion(i)) {
                    self.toasts.error(e.to_string_in(lang));
                }
                return Outcome::Open;
            }
            None => {}
        }
        if !open || chosen.is_some() { Outcome::Closed } else { Outcome::Open }
    }
}

/// What can be done with a kept version from the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum VersionDo {
    Open,
    Compare,
    Restore,
    Delete,
}

impl VersionDo {
    const ALL: [VersionDo; 4] = [VersionDo::Open, VersionDo::Compare, VersionDo::Restore, VersionDo::Delete];

    fn label(self, fi: bool) -> &'static str {
        match (self, fi) {
            (VersionDo::Open, false) => "Open",
            (VersionDo::Open, true) => "Avaa",
            (VersionDo::Compare, false) => "Compare",
            (VersionDo::Compare, true) => "Vertaa",
            (VersionDo::Restore, false) => "Restore",
            (VersionDo::Restore, true) => "Palauta",
            (VersionDo::Delete, false) => "Delete",
            (VersionDo::Delete, true) => "Poista",
        }
    }

    fn help(self, fi: bool) -> &'static str {
        match (self, fi) {
            (VersionDo::Open, false) => "Show this version, read-only",
            (VersionDo::Open, true) => "Näytä tämä versio, vain luku",
            (VersionDo::Compare, false) => "Show what changed since this version",
            (VersionDo::Compare, true) => "Näytä, mikä on muuttunut tämän version jälkeen",
            (VersionDo::Restore, false) => {
                "Make the map this version again; the map as it is now is kept as a version first (Ctrl+Z undoes)"
            }
            (VersionDo::Restore, true) => {
                "Palauta kartta tähän versioon; nykyinen kartta tallentuu ensin versioksi (Ctrl+Z kumoaa)"
            }
            (VersionDo::Delete, false) => "Delete this version from the file (Ctrl+Z undoes)",
            (VersionDo::Delete, true) => "Poista tämä versio tiedostosta (Ctrl+Z kumoaa)",
        }
    }
}
