//! Choosing files: the system's dialog when it can be shown, else Polku's own (built-in, from
//! `egui_file`), so Open, Save As and the exports never silently do nothing.
//!
//! The system dialog blocks until answered; the built-in one is a dialog of the window, shown
//! frame after frame, so what the chosen file is for travels with it as a [`FilePurpose`].

use super::Outcome;
use super::slides::SlideDraft;
use super::unsaved::Discarding;
use crate::app::{PolkuApp, UiLanguage};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// What a chosen file is for.
#[derive(Clone, Debug)]
pub enum FilePurpose {
    OpenMap,
    /// Save As; then go on with what the user asked for, if saving was asked first.
    SaveMap {
        then: Option<Discarding>,
    },
    ExportPng,
    ExportPlan,
    /// The stages' SWOT analyses, as Markdown.
    ExportSwot,
    /// The channel × action matrix, as CSV or Markdown.
    ExportMatrix,
    /// A folder for the presentation's slides.
    Slides(Box<SlideDraft>),
    /// Another version of the map, to compare the map with.
    CompareWith,
}

impl FilePurpose {
    /// The extension a file for this purpose must have, added when the name lacks it.
    fn extensions(&self) -> &'static [&'static str] {
        match self {
            FilePurpose::OpenMap | FilePurpose::CompareWith => &["ron", "png", "svg", "pdf"],
            FilePurpose::SaveMap { .. } => &["ron"],
            FilePurpose::ExportPng => &["png", "svg", "pdf"],
            FilePurpose::ExportPlan => &crate::plan::EXTENSIONS,
            FilePurpose::ExportSwot => &["md"],
            FilePurpose::ExportMatrix => &["xlsx", "csv", "md"],
            FilePurpose::Slides(_) => &[],
        }
    }

    fn saves(&self) -> bool {
        matches!(
            self,
            FilePurpose::SaveMap { .. }
                | FilePurpose::ExportPng
                | FilePurpose::ExportPlan
                | FilePurpose::ExportSwot
                | FilePurpose::ExportMatrix
        )
    }
}

/// What became of a request for a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picked {
    /// Chosen in the system dialog and acted on.
    Now,
    /// The built-in dialog is open; the file is acted on when chosen there.
    Later,
    /// The user cancelled the system dialog.
    Cancelled,
}

/// Which file dialog the window uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FileDialogs {
    /// The system's, until it fails to show.
    #[default]
    System,
    /// Polku's own: the system's failed, or `POLKU_FILE_DIALOG=builtin` asked for it.
    BuiltIn,
}

impl FileDialogs {
    /// The choice the environment makes at start.
    pub fn from_env() -> FileDialogs {
        match std::env::var("POLKU_FILE_DIALOG") {
            Ok(v) if v.eq_ignore_ascii_case("builtin") => FileDialogs::BuiltIn,
            _ => FileDialogs::System,
        }
    }
}

/// The built-in dialog and what its file is for.
pub struct BuiltInPicker {
    pub purpose: FilePurpose,
    dialog: egui_file::FileDialog,
}

impl std::fmt::Debug for BuiltInPicker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuiltInPicker").field("purpose", &self.purpose).finish_non_exhaustive()
    }
}

impl BuiltInPicker {
    fn new(purpose: FilePurpose, name: &str, folder: Option<PathBuf>, fi: bool) -> BuiltInPicker {
        let t = |en: &'static str, suomi: &'static str| Cow::Borrowed(if fi { suomi } else { en });
        let mut dialog = match &purpose {
            FilePurpose::OpenMap | FilePurpose::CompareWith => egui_file::FileDialog::open_file(),
            FilePurpose::Slides(_) => egui_file::FileDialog::select_folder(),
            _ => egui_file::FileDialog::save_file().default_filename(name),
        };
        let title = match &purpose {
            FilePurpose::OpenMap => t("Open a map", "Avaa kartta"),
            FilePurpose::CompareWith => t("Compare with another version", "Vertaa toiseen versioon"),
            FilePurpose::SaveMap { .. } => t("Save the map as", "Tallenna kartta nimellä"),
            FilePurpose::ExportPng => t("Export the map", "Vie kartta"),
            FilePurpose::ExportPlan => t("Export the action plan", "Vie toimenpidesuunnitelma"),
            FilePurpose::ExportSwot => t("Export the SWOT analysis", "Vie SWOT-analyysi"),
            FilePurpose::ExportMatrix => t("Export the channel × action matrix", "Vie kanava × toimenpide -matriisi"),
            FilePurpose::Slides(_) => t("A folder for the slides", "Kansio dioille"),
        };
        let extensions = purpose.extensions();
        if !extensions.is_empty() && !purpose.saves() {
            dialog = dialog.show_files_filter(Box::new(move |p: &Path| has_extension(p, extensions)));
        }
        dialog = dialog
            .title(&title)
            .open_button_text(t("Open", "Avaa"))
            .save_button_text(t("Save", "Tallenna"))
            .cancel_button_text(t("Cancel", "Peruuta"))
            .new_folder_button_text(t("New folder", "Uusi kansio"))
            .new_folder_name_text(t("New folder", "Uusi kansio"))
            .rename_button_text(t("Rename", "Nimeä uudelleen"))
            .refresh_button_hover_text(t("Refresh", "Päivitä"))
            .parent_folder_button_hover_text(t("Up one folder", "Ylempi kansio"))
            .file_label_text(t("File:", "Tiedosto:"))
            .show_hidden_checkbox_text(t("Show hidden", "Näytä piilotetut"))
            .default_size([640.0, 460.0])
            .id(egui::Id::unique("builtin-file-dialog"));
        if let Some(folder) = folder {
            dialog = dialog.initial_path(folder);
        }
        dialog.open();
        BuiltInPicker { purpose, dialog }
    }
}

fn has_extension(p: &Path, extensions: &[&str]) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// `path` with the purpose's first extension added when it has none of them.
fn with_extension(path: PathBuf, purpose: &FilePurpose) -> PathBuf {
    let extensions = purpose.extensions();
    match extensions.first() {
        Some(first) if purpose.saves() && !has_extension(&path, extensions) => {
            let mut name = path.into_os_string();
            name.push(".");
            name.push(first);
            PathBuf::from(name)
        }
        _ => path,
    }
}

impl PolkuApp {
    /// Asks for a file (or folder) for `purpose`, suggesting `name`, and acts on the answer:
    /// at once from the system dialog, or later from the built-in one when the system's
    /// cannot be shown.
    pub(crate) fn pick_file(&mut self, ctx: &egui::Context, purpose: FilePurpose, name: &str) -> Picked {
        let fi = self.prefs.language == UiLanguage::Finnish;
        if self.file_dialogs == FileDialogs::System {
            let failures = crate::logging::dialog_failures();
            match system_dialog(&purpose, name, self.start_folder()) {
                Some(path) => {
                    self.file_picked(ctx, purpose, path);
                    return Picked::Now;
                }
                None if crate::logging::dialog_failures() == failures => return Picked::Cancelled,
                None => {
                    self.file_dialogs = FileDialogs::BuiltIn;
                    self.toasts.info(if fi {
                        "Järjestelmän tiedostoikkuna ei aukea: käytetään Polun omaa."
                    } else {
                        "The system file dialog cannot be shown: using Polku's own."
                    });
                }
            }
        }
        let picker = BuiltInPicker::new(purpose, name, self.start_folder(), fi);
        self.open_modal(super::Modal::File(Box::new(picker)));
        Picked::Later
    }

    /// Where a file dialog starts: the open map's folder, else the last file's.
    fn start_folder(&self) -> Option<PathBuf> {
        let file = self.doc.path.as_ref().or(self.doc.from_image.as_ref()).or(self.prefs.recent.first())?;
        file.parent().filter(|p| p.is_dir()).map(Path::to_owned)
    }

    /// Acts on the file chosen for `purpose`.
    pub(crate) fn file_picked(&mut self, ctx: &egui::Context, purpose: FilePurpose, path: PathBuf) {
        let path = with_extension(path, &purpose);
        match purpose {
            FilePurpose::OpenMap => self.open_path(path),
            FilePurpose::CompareWith => self.start_comparing(&path),
            FilePurpose::SaveMap { then } => {
                self.save_to(path);
                // Only go on if the save really happened (no error).
                if let Some(what) = then
                    && !self.doc.is_dirty()
                {
                    self.proceed(ctx, what);
                }
            }
            FilePurpose::ExportPng => self.start_export(ctx, path),
            FilePurpose::ExportPlan => self.write_plan(&path),
            FilePurpose::ExportSwot => self.write_swot(&path),
            FilePurpose::ExportMatrix => self.write_matrix(&path),
            FilePurpose::Slides(draft) => self.start_slides(ctx, &draft, path),
        }
    }

    /// The built-in dialog, frame by frame.
    pub(super) fn file_picker_ui(&mut self, ctx: &egui::Context, picker: &mut BuiltInPicker) -> Outcome {
        picker.dialog.show(ctx);
        match picker.dialog.state() {
            egui_file::State::Open => Outcome::Open,
            egui_file::State::Selected => {
                let chosen = match picker.dialog.dialog_type() {
                    egui_file::DialogType::SelectFolder => {
                        Some(picker.dialog.path().map_or_else(|| picker.dialog.directory().to_owned(), Path::to_owned))
                    }
                    _ => picker.dialog.path().map(Path::to_owned),
                };
                if let Some(path) = chosen {
                    self.file_picked(ctx, picker.purpose.clone(), path);
                }
                Outcome::Closed
            }
            egui_file::State::Cancelled | egui_file::State::Closed => Outcome::Closed,
        }
    }
}

/// The system's dialog for `purpose`; `None` when cancelled or when it could not be shown.
fn system_dialog(purpose: &FilePurpose, name: &str, folder: Option<PathBuf>) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new();
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    match purpose {
        FilePurpose::OpenMap | FilePurpose::CompareWith => dialog
            .add_filter("Polku map", &["ron", "png", "svg", "pdf"])
            .add_filter("Polku map file", &["ron"])
            .add_filter("Image or PDF exported by Polku", &["png", "svg", "pdf"])
            .pick_file(),
        FilePurpose::SaveMap { .. } => dialog.add_filter("Polku map", &["ron"]).set_file_name(name).save_file(),
        FilePurpose::ExportPng => {
            // The format chosen in the export dialog is the first filter.
            let mut formats = [("PNG", "png"), ("SVG", "svg"), ("PDF", "pdf")];
            if let Some(i) = formats.iter().position(|(_, e)| name.ends_with(&format!(".{e}"))) {
                formats[..=i].rotate_right(1);
            }
            let dialog = formats.iter().fold(dialog, |d, (label, e)| d.add_filter(*label, &[*e]));
            dialog.set_file_name(name).save_file()
        }
        FilePurpose::ExportPlan => dialog
            .add_filter("Excel", &["xlsx"])
            .add_filter("CSV", &["csv"])
            .add_filter("Markdown", &["md"])
            .set_file_name(name)
            .save_file(),
        FilePurpose::ExportSwot => dialog.add_filter("Markdown", &["md"]).set_file_name(name).save_file(),
        FilePurpose::ExportMatrix => {
            let dialog = dialog.add_filter("Excel", &["xlsx"]).add_filter("CSV", &["csv"]);
            dialog.add_filter("Markdown", &["md"]).set_file_name(name).save_file()
        }
        FilePurpose::Slides(_) => dialog.pick_folder(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_name_gets_its_extension_when_typed_without_it() {
        let save = FilePurpose::SaveMap { then: None };
        assert_eq!(with_extension(PathBuf::from("/a/kartta"), &save), PathBuf::from("/a/kartta.ron"));
        assert_eq!(with_extension(PathBuf::from("/a/kartta.RON"), &save), PathBuf::from("/a/kartta.RON"));
        assert_eq!(with_extension(PathBuf::from("/a/plan.md"), &FilePurpose::ExportPlan), PathBuf::from("/a/plan.md"));
        assert_eq!(with_extension(PathBuf::from("/a/plan"), &FilePurpose::ExportPlan), PathBuf::from("/a/plan.xlsx"));
        assert_eq!(with_extension(PathBuf::from("/a/x.txt"), &FilePurpose::OpenMap), PathBuf::from("/a/x.txt"));
    }
}
