//! The eframe application: the editor window.

use crate::io;
use crate::model::JourneyMap;
use anyhow::anyhow;
use std::path::PathBuf;

/// The document as opened in the window, with where it came from.
pub struct OpenDocument {
    pub map: JourneyMap,
    /// The file it was read from; `None` for a bundled sample or a new map.
    pub path: Option<PathBuf>,
    /// Set when saving over `path` must be refused, with the reason.
    pub read_only: Option<String>,
}

impl OpenDocument {
    /// Opens `path`, or the bundled sample map when there is none.
    ///
    /// A file that cannot be opened gives the sample map plus the error to show: the window
    /// still comes up, and the bad file is left untouched.
    pub fn open(path: Option<PathBuf>) -> (OpenDocument, Option<String>) {
        let sample = || OpenDocument { map: crate::samples::default_sample(), path: None, read_only: None };
        match path {
            None => (sample(), None),
            Some(path) => match io::load_for_viewing(&path) {
                Ok(opened) => (OpenDocument { map: opened.map, path: Some(path), read_only: opened.read_only }, None),
                Err(e) => (sample(), Some(e.to_string())),
            },
        }
    }
}

/// The editor window.
pub struct PolkuApp {
    doc: OpenDocument,
    error: Option<String>,
}

impl PolkuApp {
    /// An app showing `doc`, with an optional error to show at start.
    pub fn new(doc: OpenDocument, error: Option<String>) -> PolkuApp {
        PolkuApp { doc, error }
    }

    fn window_title(&self) -> String {
        let name = self
            .doc
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map_or_else(|| self.doc.map.title.clone(), |n| n.to_string_lossy().into_owned());
        format!("{name} — Polku")
    }
}

impl eframe::App for PolkuApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let title = self.window_title();
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Title(title));
        egui::Panel::top("header").show(ui, |ui| {
            ui.heading(&self.doc.map.title);
            if !self.doc.map.goal.is_empty() {
                ui.label(&self.doc.map.goal);
            }
            if let Some(reason) = &self.doc.read_only {
                ui.colored_label(ui.visuals().warn_fg_color, reason);
            }
            if let Some(err) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, err);
            }
        });
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::both().show(ui, |ui| grid(ui, &self.doc.map));
        });
    }
}

/// The map as a table: stages across, lanes down, card titles in the cells.
fn grid(ui: &mut egui::Ui, map: &JourneyMap) {
    egui::Grid::new("map-grid").striped(true).spacing([16.0, 8.0]).show(ui, |ui| {
        ui.label("");
        for stage in &map.stages {
            ui.strong(&stage.name);
        }
        ui.end_row();
        for lane in &map.lanes {
            ui.strong(&lane.title);
            for stage in &map.stages {
                ui.vertical(|ui| {
                    for card in map.cards_in(&stage.id, &lane.id) {
                        ui.label(&card.title);
                    }
                });
            }
            ui.end_row();
        }
    });
}

/// Opens the editor window on `file` (or a bundled sample) and runs until it is closed.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let (doc, error) = OpenDocument::open(file);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1400.0, 900.0]).with_title("Polku"),
        ..Default::default()
    };
    eframe::run_native("Polku", options, Box::new(move |_cc| Ok(Box::new(PolkuApp::new(doc, error)))))
        .map_err(|e| anyhow!("cannot open the editor window: {e}"))
}
