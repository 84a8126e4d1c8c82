//! File → Export slides…: one PNG per presentation step, for a venue PC without Polku. The
//! same steps and painter as the presentation, rendered on a worker thread.

use super::Outcome;
use super::export_job::ExportJob;
use super::file_picker::{FilePurpose, Picked};
use crate::app::{PolkuApp, UiLanguage};
use crate::present::slides::{SlideOptions, export_slides};
use crate::theme::{Theme, ThemeKind};

/// The slide sizes offered: a 1080p projector, a 720p one, 4K.
pub const SIZES: [[u32; 2]; 3] = [[1920, 1080], [1280, 720], [3840, 2160]];

/// The options being chosen.
#[derive(Clone, Debug, PartialEq)]
pub struct SlideDraft {
    pub size: [u32; 2],
    pub theme: ThemeKind,
    pub votes: bool,
}

impl Default for SlideDraft {
    fn default() -> Self {
        SlideDraft { size: SIZES[0], theme: ThemeKind::Projector, votes: false }
    }
}

impl PolkuApp {
    pub(super) fn slides_dialog(&mut self, ctx: &egui::Context, draft: &mut SlideDraft) -> Outcome {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("slides-dialog")).show(ctx, |ui| {
            ui.set_width(440.0);
            ui.heading(if fi { "Vie diat" } else { "Export slides" });
            ui.label(if fi {
                "Yksi PNG-kuva jokaisesta esityksen vaiheesta, juuri kuten esitys ne näyttää: tilan koneelle, jolla ei ole Polkua."
            } else {
                "One PNG per presentation step, exactly as the presentation shows it: for a venue PC without Polku."
            });
            ui.add_space(8.0);
            egui::Grid::new("slides-grid").num_columns(2).spacing([14.0, 8.0]).show(ui, |ui| {
                ui.label(if fi { "Koko" } else { "Size" });
                ui.horizontal(|ui| {
                    for size in SIZES {
                        ui.radio_value(&mut draft.size, size, format!("{}×{}", size[0], size[1]));
                    }
                });
                ui.end_row();
                ui.label(if fi { "Teema" } else { "Theme" });
                ui.horizontal(|ui| {
                    for (kind, en, fi_name) in [
                        (ThemeKind::Projector, "Projector", "Projektori"),
                        (ThemeKind::Light, "Light", "Vaalea"),
                        (ThemeKind::Dark, "Dark", "Tumma"),
                    ] {
                        ui.radio_value(&mut draft.theme, kind, if fi { fi_name } else { en });
                    }
                });
                ui.end_row();
                if let Some(round) = self.doc.map.votes.last() {
                    ui.label(if fi { "Äänestyspisteet" } else { "Vote dots" });
                    ui.checkbox(&mut draft.votes, format!("“{}”", round.question));
                    ui.end_row();
                }
            });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let busy = self.export_job.is_some();
                if ui.add_enabled(!busy, egui::Button::new(if fi { "Valitse kansio ja vie…" } else { "Choose a folder and export…" })).clicked() {
                    answer = Some(true);
                }
                if ui.button(if fi { "Peruuta" } else { "Cancel" }).clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => match self.pick_file(ctx, FilePurpose::Slides(Box::new(draft.clone())), "") {
                Picked::Cancelled => Outcome::Open,
                Picked::Now | Picked::Later => Outcome::Closed,
            },
            Some(false) => Outcome::Closed,
            None => Outcome::Open,
        }
    }

    /// Renders the slides into `dir` on a worker thread.
    pub(crate) fn start_slides(&mut self, ctx: &egui::Context, draft: &SlideDraft, dir: std::path::PathBuf) {
        let theme = Theme::of(draft.theme);
        let layout = self.doc.whole_layout(ctx, &theme).clone();
        let map = self.doc.map.clone();
        let options = SlideOptions { size: draft.size, votes: draft.votes };
        let fi = self.prefs.language == UiLanguage::Finnish;
        self.export_job = Some(ExportJob::start(ctx, move || {
            let files = export_slides(&map, &layout, &theme, &options, &dir).map_err(|e| e.to_string())?;
            Ok(if fi {
                format!("{} diaa kansioon {}", files.len(), dir.display())
            } else {
                format!("{} slides in {}", files.len(), dir.display())
            })
        }));
    }
}
