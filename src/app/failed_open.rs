//! The page shown when the file Polku was started on cannot be opened: what went wrong and
//! where (line and column), the file's path, and the ways on — its backup when there is one,
//! another file, a new map. Never someone else's map in its place: a user who double-clicked
//! their own file must not mistake a sample for it.

use super::dialogs::file_picker::FilePurpose;
use super::document::Document;
use super::{Mode, PolkuApp, UiLanguage};
use crate::model::Language;
use crate::presets::Preset;
use egui::{RichText, Ui};
use std::path::{Path, PathBuf};

/// A file that could not be opened at start.
#[derive(Clone, Debug, PartialEq)]
pub struct FailedOpen {
    pub path: PathBuf,
    /// What is wrong, without the path and place: in English and in Finnish.
    pub reason: [String; 2],
    /// Where the file is broken: line and column.
    pub at: Option<crate::io::Located>,
    /// Every problem, as `path:line:col: message`, in English and in Finnish.
    pub lines: [Vec<String>; 2],
    /// `NAME.ron.bak`, when it exists.
    pub backup: Option<PathBuf>,
}

impl FailedOpen {
    /// The failure `error` to open `path`; finds the backup beside it.
    pub fn new(path: PathBuf, error: &crate::io::LoadError) -> FailedOpen {
        let backup = Some(crate::io::backup_path(&path)).filter(|b| b.is_file());
        let reason = [error.reason_in(Language::English), error.reason_in(Language::Finnish)];
        FailedOpen {
            path,
            reason,
            at: error.location(),
            lines: [error.lines_in(Language::English), error.lines_in(Language::Finnish)],
            backup,
        }
    }
}

/// What the user chose on the page.
enum Choice {
    Backup(PathBuf),
    Retry,
    OpenOther,
    New,
}

impl PolkuApp {
    /// The page, filling the window. Returns the next mode: the editor once a map is open
    /// (chosen here, in a file dialog or dropped on the window), or a page for a new failure.
    pub(crate) fn failed_open_ui(&mut self, ui: &mut Ui, failed: &FailedOpen) -> Option<Mode> {
        if self.doc.path.is_some() || self.doc.from_image.is_some() {
            return Some(Mode::Editing);
        }
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut choice = None;
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                // One readable column in the middle of the window.
                let width = ui.available_width().min(760.0);
                let side = ((ui.available_width() - width) / 2.0).max(0.0);
                ui.horizontal(|ui| {
                    ui.add_space(side);
                    ui.vertical(|ui| {
                        ui.set_width(width);
                        choice = page(ui, failed, fi);
                    });
                });
            });
        });
        let ctx = ui.ctx().clone();
        match choice? {
            Choice::Backup(backup) => Some(self.open_backup(&failed.path, backup)),
            Choice::Retry => Some(match self.try_open(failed.path.clone()) {
                Ok(()) => Mode::Editing,
                Err(e) => Mode::FailedOpen(Box::new(FailedOpen::new(failed.path.clone(), &e))),
            }),
            Choice::OpenOther => {
                // Acted on now (the system dialog) or when chosen (the built-in one); either
                // way the check above leaves the page once a map is open.
                self.pick_file(&ctx, FilePurpose::OpenMap, "");
                None
            }
            Choice::New => {
                let language = if fi { Language::Finnish } else { Language::English };
                self.new_map(Preset::ALL[0], language);
                Some(Mode::Editing)
            }
        }
    }

    /// Opens `backup` as the map of `original`: Save then writes it back there (the broken
    /// file becomes the new backup, so nothing is lost either way).
    fn open_backup(&mut self, original: &Path, backup: PathBuf) -> Mode {
        let fi = self.prefs.language == UiLanguage::Finnish;
        match Document::open(backup.clone()) {
            Ok(mut doc) => {
                doc.path = Some(original.to_owned());
                doc.disk_stamp = doc.stamp_on_disk();
                // Not what the file on disk holds: the title shows it unsaved until saved.
                doc.recovered = true;
                self.doc = doc;
                self.document_replaced();
                self.toasts.info(if fi {
                    format!("Varmuuskopio avattu. Tallenna kirjoittaa sen tiedostoon {}.", file_name(original))
                } else {
                    format!("The backup is open. Save writes it to {}.", file_name(original))
                });
                Mode::Editing
            }
            Err(e) => Mode::FailedOpen(Box::new(FailedOpen::new(backup, &e))),
        }
    }
}

/// The page's text and buttons; the button pressed, if any.
fn page(ui: &mut Ui, failed: &FailedOpen, fi: bool) -> Option<Choice> {
    let big = |text: RichText| egui::Button::new(text).min_size(egui::vec2(0.0, 34.0));
    let mut choice = None;
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.label(RichText::new("⚠").size(40.0).color(ui.visuals().error_fg_color));
        ui.heading(if fi { "Tiedostoa ei voitu avata" } else { "This file could not be opened" });
        ui.add_space(8.0);
        ui.label(RichText::new(failed.path.display().to_string()).monospace());
    });
    ui.add_space(16.0);
    egui::Frame::group(ui.style()).inner_margin(12.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(at) = failed.at {
            let place = if fi {
                format!("Rivi {}, sarake {}", at.line, at.col)
            } else {
                format!("Line {}, column {}", at.line, at.col)
            };
            ui.label(RichText::new(place).strong());
        }
        ui.label(&failed.reason[usize::from(fi)]);
        let lines = &failed.lines[usize::from(fi)];
        if lines.len() > 1 {
            ui.add_space(6.0);
            for line in lines {
                ui.label(RichText::new(line).monospace().small());
            }
        }
    });
    ui.add_space(16.0);
    ui.label(if fi {
        "Tiedostoon ei ole koskettu. Valitse, miten jatketaan:"
    } else {
        "The file has not been touched. Choose how to go on:"
    });
    ui.add_space(8.0);
    if let Some(backup) = &failed.backup {
        let name = file_name(backup);
        let text = if fi { format!("Avaa varmuuskopio ({name})") } else { format!("Open the backup ({name})") };
        let hint = if fi {
            "Edellinen tallennettu versio. Tallenna kirjoittaa sen takaisin alkuperäiseen tiedostoon."
        } else {
            "The version saved before. Save writes it back to the original file."
        };
        if ui.add(big(RichText::new(text).strong())).on_hover_text(hint).clicked() {
            choice = Some(Choice::Backup(backup.clone()));
        }
        ui.add_space(4.0);
    } else {
        ui.label(RichText::new(if fi { "Varmuuskopiota (.bak) ei ole." } else { "There is no backup (.bak)." }).weak());
    }
    ui.horizontal(|ui| {
        if ui.add(big(RichText::new(if fi { "Yritä uudelleen" } else { "Try again" }))).clicked() {
            choice = Some(Choice::Retry);
        }
        if ui.add(big(RichText::new(if fi { "Avaa toinen tiedosto…" } else { "Open another file…" }))).clicked() {
            choice = Some(Choice::OpenOther);
        }
        if ui.add(big(RichText::new(if fi { "Uusi kartta" } else { "New map" }))).clicked() {
            choice = Some(Choice::New);
        }
    });
    choice
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
}
