//! The export dialog: resolution (scale or DPI), background and margin, then a file to write.

use super::PolkuApp;
use super::i18n::tr;
use crate::render::export::{Background, ExportOptions};

impl PolkuApp {
    pub(super) fn export_dialog_ui(&mut self, ctx: &egui::Context) {
        let t = tr(self.prefs.language);
        let theme = self.theme();
        let size = self.doc.layout(ctx, &theme).size;
        let mut open = true;
        let mut start = false;
        egui::Window::new(t.export_title).collapsible(false).resizable(false).open(&mut open).show(ctx, |ui| {
            let opts = &mut self.prefs.export;
            egui::Grid::new("export-grid").num_columns(2).spacing([16.0, 10.0]).show(ui, |ui| {
                ui.label(t.resolution);
                ui.horizontal(|ui| {
                    for dpi in [96.0, 150.0, 300.0, 600.0] {
                        let scale = ExportOptions::scale_for_dpi(dpi);
                        if ui
                            .selectable_label((opts.scale - scale).abs() < 1e-3, format!("{dpi:.0} {}", t.dpi))
                            .clicked()
                        {
                            opts.scale = scale;
                        }
                    }
                });
                ui.end_row();
                ui.label(t.scale);
                ui.add(egui::Slider::new(&mut opts.scale, ExportOptions::SCALES).step_by(0.25).suffix("×"));
                ui.end_row();
                ui.label(t.background);
                ui.horizontal(|ui| {
                    ui.radio_value(&mut opts.background, Background::White, t.white);
                    ui.radio_value(&mut opts.background, Background::Transparent, t.transparent);
                });
                ui.end_row();
                ui.label(t.margin);
                ui.add(egui::DragValue::new(&mut opts.margin).range(0.0..=200.0).suffix(" pt"));
                ui.end_row();
                ui.label(t.image_size);
                let w = ((size.x + 2.0 * opts.margin) * opts.scale).round();
                let h = ((size.y + 2.0 * opts.margin) * opts.scale).round();
                ui.label(format!("{w:.0} × {h:.0} px, {:.0} {}", opts.dpi(), t.dpi));
                ui.end_row();
            });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let busy = self.export_job.is_some();
                if ui.add_enabled(!busy, egui::Button::new(t.export_button)).clicked() {
                    start = true;
                }
                if busy {
                    ui.spinner();
                    ui.label(t.exporting);
                }
            });
        });
        if start {
            let name = format!(
                "{}.png",
                self.doc
                    .path
                    .as_ref()
                    .and_then(|p| p.file_stem())
                    .map_or_else(|| "journey-map".to_owned(), |s| s.to_string_lossy().into_owned())
            );
            if let Some(path) = rfd::FileDialog::new().add_filter("PNG", &["png"]).set_file_name(name).save_file() {
                self.start_export(ctx, path);
                open = false;
            }
        }
        self.export_dialog = open;
    }
}
