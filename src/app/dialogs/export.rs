//! Exports: the PNG dialog (resolution as scale or DPI, background, margin, then a file), the
//! export running on a worker thread, and the action plan as CSV or Markdown.

use super::Outcome;
use crate::app::PolkuApp;
use crate::app::dialogs::export_job::ExportJob;
use crate::app::dialogs::file_picker::{FilePurpose, Picked};
use crate::app::i18n::tr;
use crate::render::export::{Background, ExportOptions, FitTo, ImageFormat, export_layout_png};
use std::path::PathBuf;

impl PolkuApp {
    /// Asks where to save the action plan, as CSV or Markdown.
    pub(crate) fn export_plan(&mut self, ctx: &egui::Context) {
        let stem = self.report_stem();
        // A workbook: Excel in a Finnish locale opens a comma-separated CSV as one column.
        self.pick_file(ctx, FilePurpose::ExportPlan, &format!("{stem}-plan.xlsx"));
    }

    /// The name a report of the map starts with: the map file's, or one made from its title.
    pub(crate) fn report_stem(&self) -> String {
        match self.doc.path.as_ref().and_then(|p| p.file_stem()) {
            Some(stem) => stem.to_string_lossy().into_owned(),
            None => crate::io::file_stem(&self.doc.map.title),
        }
    }

    /// Writes the action plan to `path`: Excel for `.xlsx`, Markdown for `.md`, else CSV.
    pub(crate) fn write_plan(&mut self, path: &std::path::Path) {
        let bytes = crate::plan::file_bytes(&self.doc.map, path);
        self.write_report(path, bytes);
    }

    /// Writes a report's `bytes` to `path` (atomically) and says so, or why not, in a toast.
    pub(crate) fn write_report(&mut self, path: &std::path::Path, bytes: Result<Vec<u8>, String>) {
        let language = self.prefs.language.as_language();
        let written =
            bytes.and_then(|bytes| crate::io::write_atomic(path, &bytes, false).map_err(|e| e.to_string_in(language)));
        match written {
            Ok(()) => self.toasts.info(format!("{}: {}", tr(self.prefs.language).exported, path.display())),
            Err(e) => self.toasts.error(e),
        }
    }

    pub(crate) fn start_export(&mut self, ctx: &egui::Context, path: PathBuf) {
        let theme = self.theme();
        let on_screen = self.doc.whole_layout(ctx, &theme).clone();
        let map = self.doc.map.clone();
        let dots = if self.prefs.export.votes { map.votes.last().cloned() } else { None };
        // In compare mode the picture carries the comparison's marks.
        let comparison = match &self.mode {
            crate::app::Mode::Comparing(c) => Some((c.old.clone(), c.changes.clone(), c.against.clone())),
            _ => None,
        };
        let author = Some(self.prefs.author.clone());
        let exported = tr(self.prefs.language).exported;
        let text = if self.prefs.export.embed { crate::io::to_embedded_text(&map).ok() } else { None };
        let language = self.prefs.language.as_language();
        let hide_empty_lanes = self.prefs.export.hide_empty_lanes;
        let pixels_per_point = ctx.pixels_per_point();
        let fi = self.prefs.language == crate::app::UiLanguage::Finnish;
        let mut options = self.prefs.export;
        options.stages =
            if options.only_selected_stages { selected_stage_span(&self.editor.selection, &on_screen) } else { None };
        self.export_job = Some(ExportJob::start(ctx, move || {
            // The picture may leave lanes out; the map kept inside is always the whole map.
            let shown = if hide_empty_lanes { map.without_empty_lanes() } else { map };
            let layout = if hide_empty_lanes {
                crate::render::export::layout_headless_at(&shown, &theme, pixels_per_point)
            } else {
                on_screen
            };
            let display = shown.emotions.display;
            let marks = comparison.as_ref().map(|(old, changes, against)| {
                crate::render::compare::Marks::of(&layout, old, &shown, changes, against)
            });
            let overlay = crate::render::picture::Overlay { dots: dots.as_ref(), changes: marks.as_ref() };
            let message = |e: crate::render::export::ExportError| e.to_string_in(language);
            let format = ImageFormat::of_path(&path);
            // Pictures per stage are files of their own; a PDF's are its pages.
            let jobs: Vec<(PathBuf, Option<[usize; 2]>)> = if options.per_stage && format != ImageFormat::Pdf {
                let name = |id| shown.stage(id).map_or("", |s| s.name.as_str());
                let stages = layout.stages.iter().enumerate();
                stages.map(|(i, s)| (crate::io::per_stage_path(&path, i, name(&s.id)), Some([i, i]))).collect()
            } else {
                vec![(path.clone(), options.stages)]
            };
            let write = |path: &std::path::Path, stages: Option<[usize; 2]>| -> Result<String, String> {
                let options = ExportOptions { stages, ..options };
                let options = options.fitted(crate::render::picture::panes(&layout, &options.part(), options.margin).1);
                match format {
                    ImageFormat::Svg => {
                        let bytes = crate::render::svg::export_layout_svg(
                            &layout,
                            &theme,
                            display,
                            &options,
                            options.text_as_paths,
                            overlay,
                            text.as_deref(),
                            path,
                        )
                        .map_err(message)?;
                        Ok(format!("{exported}: {} (SVG, {} KiB)", path.display(), bytes / 1024))
                    }
                    ImageFormat::Pdf => {
                        let pdf = options.pdf(author.clone());
                        let stats = crate::render::pdf::export_layout_pdf(
                            &shown,
                            &layout,
                            &theme,
                            &options,
                            &pdf,
                            overlay,
                            text.as_deref(),
                            path,
                        )
                        .map_err(message)?;
                        let pages = pages(stats.pages, fi);
                        Ok(format!("{exported}: {} (PDF, {pages}, {} KiB)", path.display(), stats.bytes / 1024))
                    }
                    ImageFormat::Png => {
                        let stats =
                            export_layout_png(&layout, &theme, display, &options, overlay, text.as_deref(), path)
                                .map_err(message)?;
                        Ok(format!(
                            "{exported}: {} ({}×{} px, {:.0} DPI, {} ms)",
                            path.display(),
                            stats.width,
                            stats.height,
                            options.dpi(),
                            (stats.prepare + stats.raster + stats.encode).as_millis()
                        ))
                    }
                }
            };
            let mut said = Vec::new();
            for (path, stages) in &jobs {
                said.push(write(path, *stages)?);
            }
            match (said.len(), jobs.first()) {
                (1, _) | (_, None) => Ok(said.concat()),
                (n, Some((first, _))) => {
                    let files = if fi { "tiedostoa, vaihe kerrallaan" } else { "files, one per stage" };
                    Ok(format!("{exported}: {n} {files} ({} …)", first.display()))
                }
            }
        }));
    }

    pub(crate) fn poll_export(&mut self) {
        let t = tr(self.prefs.language);
        if let Some(job) = &self.export_job
            && let Some(result) = job.poll()
        {
            match result {
                Ok(message) => self.toasts.info(message),
                Err(e) => self.toasts.error(format!("{}: {e}", t.export_failed)),
            }
            self.export_job = None;
        }
    }

    pub(super) fn export_dialog_ui(&mut self, ctx: &egui::Context) -> Outcome {
        let t = tr(self.prefs.language);
        let theme = self.theme();
        let map = &self.doc.map;
        let empty_ids: Vec<_> =
            map.lanes.iter().filter(|l| !map.lane_shows_something(l)).map(|l| l.id.clone()).collect();
        let layout = self.doc.whole_layout(ctx, &theme);
        let selected = selected_stage_span(&self.editor.selection, layout);
        // The sizes without margins: the whole map, and the selected stages beside the titles.
        let whole = crate::render::picture::panes(layout, &crate::render::picture::Part::Whole, 0.0).1;
        let grid = crate::render::picture::panes(layout, &crate::render::picture::Part::Grid, 0.0).1;
        let part = selected
            .map(|[a, b]| crate::render::picture::panes(layout, &crate::render::picture::Part::Stages(a..=b), 0.0).1);
        // The lanes an export may leave out, and the height they take.
        let empty: Vec<&crate::layout::LaneLayout> =
            layout.lanes.iter().filter(|l| empty_ids.contains(&l.id)).collect();
        let (empty_lanes, empty_height) = (empty.len(), empty.iter().map(|l| l.row.height()).sum::<f32>());
        let stage_sizes: Vec<egui::Vec2> = (0..layout.stages.len())
            .map(|i| {
                let margin = egui::Vec2::splat(2.0 * self.prefs.export.margin);
                crate::render::picture::panes(layout, &crate::render::picture::Part::Stages(i..=i), 0.0).1 + margin
                    - egui::vec2(0.0, if self.prefs.export.hide_empty_lanes { empty_height } else { 0.0 })
            })
            .collect();
        let mut open = true;
        let mut start = false;
        let persona = self.persona_in_view().and_then(|id| {
            let i = self.doc.map.persona_index(id)?;
            Some(self.doc.map.personas[i].display_name(i, self.prefs.language == crate::app::UiLanguage::Finnish))
        });
        egui::Window::new(t.export_title).collapsible(false).resizable(false).open(&mut open).show(ctx, |ui| {
            let opts = &mut self.prefs.export;
            let fi = self.prefs.language == crate::app::UiLanguage::Finnish;
            // The picture follows the persona bar: say so, since the map has more in it.
            if let Some(name) = &persona {
                ui.label(if fi {
                    format!("Viedään persoonan {name} polku (valittu kartan yläpuolelta).")
                } else {
                    format!("Exports {name}'s journey (chosen above the map).")
                });
            }
            egui::Grid::new("export-grid").num_columns(2).spacing([16.0, 10.0]).show(ui, |ui| {
                ui.label(if fi { "Muoto" } else { "Format" });
                ui.horizontal(|ui| {
                    ui.radio_value(&mut opts.format, ImageFormat::Png, if fi { "PNG (kuva)" } else { "PNG (picture)" });
                    ui.radio_value(
                        &mut opts.format,
                        ImageFormat::Svg,
                        if fi { "SVG (vektori, valittava teksti)" } else { "SVG (vector, selectable text)" },
                    );
                    ui.radio_value(
                        &mut opts.format,
                        ImageFormat::Pdf,
                        if fi { "PDF (sivuja raporttiin)" } else { "PDF (pages for a report)" },
                    );
                });
                ui.end_row();
                if opts.format == ImageFormat::Pdf {
                    pdf_rows(ui, opts, &mut self.prefs.author, fi);
                }
                if opts.format == ImageFormat::Svg {
                    ui.label(if fi { "Teksti" } else { "Text" });
                    ui.checkbox(
                        &mut opts.text_as_paths,
                        if fi {
                            "Ääriviivoina (PowerPointiin ja Wordiin; ei valittavissa)"
                        } else {
                            "As outlines (for PowerPoint and Word; not selectable)"
                        },
                    );
                    ui.end_row();
                }
                // Vector formats have no resolution.
                let svg = opts.format != ImageFormat::Png;
                ui.add_enabled_ui(!svg, |ui| ui.label(t.resolution));
                ui.horizontal(|ui| {
                    if svg {
                        ui.disable();
                    }
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
                ui.add_enabled_ui(!svg, |ui| ui.label(t.scale));
                ui.add_enabled(
                    !svg,
                    egui::Slider::new(&mut opts.scale, ExportOptions::SCALES).max_decimals(4).suffix("×"),
                );
                ui.end_row();
                if !svg {
                    ui.label(if fi { "Koko" } else { "Size" });
                    let sizes = [
                        (FitTo::Natural, "Natural", "Luonnollinen"),
                        (FitTo::A4, "A4 page", "A4-sivu"),
                        (FitTo::A3, "A3 page", "A3-sivu"),
                        (FitTo::Slide, "Slide 16:9", "Dia 16:9"),
                    ];
                    radios(ui, &mut opts.fit, &sizes, fi);
                    ui.end_row();
                }
                ui.label(if fi { "Otsikko" } else { "Header" });
                let mut header = !opts.no_header;
                let hint = if fi {
                    "Otsikko, tavoite ja persoona kartan yllä"
                } else {
                    "Title, goal and persona above the map"
                };
                if ui.checkbox(&mut header, hint).changed() {
                    opts.no_header = !header;
                }
                ui.end_row();
                ui.label(if fi { "Vaiheittain" } else { "Per stage" });
                let per_stage = match (opts.format == ImageFormat::Pdf, fi) {
                    (true, false) => "An overview, then a page per stage (with bookmarks)",
                    (true, true) => "Yleiskuva ja sitten sivu kullekin vaiheelle (kirjanmerkein)",
                    (false, false) => "One file per stage (NAME-1-stage.png, …)",
                    (false, true) => "Tiedosto kullekin vaiheelle (NIMI-1-vaihe.png, …)",
                };
                ui.checkbox(&mut opts.per_stage, per_stage);
                ui.end_row();
                ui.label(if fi { "Kaistat" } else { "Lanes" });
                // Nothing to leave out: the choice stays as it was, greyed.
                ui.add_enabled(
                    empty_lanes > 0,
                    egui::Checkbox::new(
                        &mut opts.hide_empty_lanes,
                        if fi {
                            format!("Jätä pois tyhjät kaistat ({empty_lanes})")
                        } else {
                            format!("Leave out the empty lanes ({empty_lanes})")
                        },
                    ),
                );
                ui.end_row();
                if let Some([first, last]) = selected.filter(|_| !opts.per_stage) {
                    ui.label(if fi { "Vaiheet" } else { "Stages" });
                    let span =
                        if first == last { format!("{}", first + 1) } else { format!("{}–{}", first + 1, last + 1) };
                    ui.checkbox(
                        &mut opts.only_selected_stages,
                        if fi {
                            format!("Vain valitut vaiheet ({span}) kaistojen nimien vieressä")
                        } else {
                            format!("Only the selected stages ({span}) beside the lane titles")
                        },
                    );
                    ui.end_row();
                }
                ui.label(t.background);
                ui.horizontal(|ui| {
                    ui.radio_value(&mut opts.background, Background::White, t.white);
                    ui.radio_value(&mut opts.background, Background::Transparent, t.transparent);
                });
                ui.end_row();
                ui.label(t.margin);
                ui.add(egui::DragValue::new(&mut opts.margin).range(0.0..=200.0).suffix(" pt"));
                ui.end_row();
                ui.label(t.map_inside);
                ui.checkbox(&mut opts.embed, t.map_inside_hint);
                ui.end_row();
                // The export draws the layout on screen, so this is the View menu's option.
                ui.label(t.plan_badges);
                let mut badges = !self.prefs.hide_plan_badges;
                if ui.checkbox(&mut badges, t.plan_badges_hint).changed() {
                    self.prefs.hide_plan_badges = !badges;
                }
                ui.end_row();
                if let Some(round) = self.doc.map.votes.last() {
                    ui.label(t.vote_dots);
                    ui.checkbox(&mut opts.votes, format!("“{}”", round.question));
                    ui.end_row();
                }
                ui.label(t.image_size);
                let content = match (opts.only_selected_stages, part) {
                    (true, Some(part)) => part,
                    _ if opts.no_header => grid,
                    _ => whole,
                };
                let hidden = if opts.hide_empty_lanes { empty_height } else { 0.0 };
                let page = content + egui::Vec2::splat(2.0 * opts.margin) - egui::vec2(0.0, hidden);
                let files = opts.per_stage && opts.format != ImageFormat::Pdf;
                // One file per stage: the size shown is the widest stage's.
                let page = if files {
                    stage_sizes.iter().copied().fold(egui::Vec2::ZERO, |a, b| if b.x > a.x { b } else { a })
                } else {
                    page
                };
                if files {
                    let n = stage_sizes.len();
                    ui.label(if fi { format!("{n} tiedostoa, suurin:") } else { format!("{n} files, the largest:") });
                    ui.end_row();
                    ui.label("");
                }
                if opts.format == ImageFormat::Pdf {
                    let per_stage = opts.per_stage.then_some(stage_sizes.as_slice());
                    ui.label(pdf_preview(page, per_stage, opts, fi));
                } else if svg {
                    let (w, h) = (page.x, page.y);
                    ui.label(format!(
                        "{w:.0} × {h:.0} pt ({})",
                        if fi { "vektori, mikä tahansa koko" } else { "vector, any size" }
                    ));
                } else {
                    let fitted = opts.fitted(page);
                    let (w, h) = ((page.x * fitted.scale).round(), (page.y * fitted.scale).round());
                    let dpi = fitted.dpi();
                    let (w_cm, h_cm) = (w / dpi * 2.54, h / dpi * 2.54);
                    ui.label(format!("{w:.0} × {h:.0} px, {dpi:.0} {} ({w_cm:.1} × {h_cm:.1} cm)", t.dpi));
                }
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
                // `.polku.png` when the map goes inside: the desktop then offers Polku to open it
                // (packaging/linux/polku.xml) without claiming every PNG.
                "{}{}.{}",
                self.doc
                    .path
                    .as_ref()
                    .and_then(|p| p.file_stem())
                    .map_or_else(|| "journey-map".to_owned(), |s| s.to_string_lossy().into_owned()),
                if self.prefs.export.embed { ".polku" } else { "" },
                self.prefs.export.format.extension()
            );
            // A cancelled system dialog leaves the options open, to change and try again.
            if self.pick_file(ctx, FilePurpose::ExportPng, &name) != Picked::Cancelled {
                open = false;
            }
        }
        if open { Outcome::Open } else { Outcome::Closed }
    }
}

/// A row of radio buttons, one per (value, English, Finnish) choice.
fn radios<T: PartialEq + Copy>(ui: &mut egui::Ui, current: &mut T, choices: &[(T, &str, &str)], fi: bool) {
    ui.horizontal(|ui| {
        for &(value, en, fi_name) in choices {
            ui.radio_value(current, value, if fi { fi_name } else { en });
        }
    });
}

/// "1 page", "6 pages" / "1 sivu", "6 sivua".
fn pages(n: usize, fi: bool) -> String {
    match (n, fi) {
        (1, false) => "1 page".to_owned(),
        (1, true) => "1 sivu".to_owned(),
        (n, false) => format!("{n} pages"),
        (n, true) => format!("{n} sivua"),
    }
}

/// The PDF's own rows of the export dialog: pages, orientation, a page per stage, author.
fn pdf_rows(ui: &mut egui::Ui, opts: &mut ExportOptions, author: &mut String, fi: bool) {
    use crate::render::pdf::Paper;
    ui.label(if fi { "Sivut" } else { "Pages" });
    let papers = [
        (Paper::Fit, "Fit to the map", "Kartan kokoiset"),
        (Paper::A4, "A4", "A4"),
        (Paper::A3, "A3", "A3"),
        (Paper::Letter, "Letter", "Letter"),
        (Paper::Slide, "Slide 16:9", "Dia 16:9"),
    ];
    radios(ui, &mut opts.paper, &papers, fi);
    ui.end_row();
    if matches!(opts.paper, Paper::A4 | Paper::A3 | Paper::Letter) {
        ui.label(if fi { "Suunta" } else { "Orientation" });
        let orientations = [
            (None, "As the picture", "Kuvan mukaan"),
            (Some(false), "Portrait", "Pysty"),
            (Some(true), "Landscape", "Vaaka"),
        ];
        radios(ui, &mut opts.landscape, &orientations, fi);
        ui.end_row();
    }
    let label = ui.label(if fi { "Tekijä" } else { "Author" });
    ui.add(
        egui::TextEdit::singleline(author)
            .hint_text(if fi { "Nimesi PDF:n tietoihin" } else { "Your name, for the PDF's properties" })
            .desired_width(260.0),
    )
    .labelled_by(label.id);
    ui.end_row();
}

/// "3 pages, A4 landscape (297 × 210 mm)": what the PDF will be, for a picture of `page`
/// points (and, per stage, the stages' pictures).
fn pdf_preview(page: egui::Vec2, per_stage: Option<&[egui::Vec2]>, opts: &ExportOptions, fi: bool) -> String {
    use crate::render::pdf::Paper;
    let count = per_stage.map_or(1, |s| s.len() + 1);
    let pages = pages(count, fi);
    let mm = |pt: f32| pt / 72.0 * 25.4;
    let size = |v: egui::Vec2| {
        let s = crate::render::pdf::page_size(opts.paper.page(opts.landscape), v);
        format!("{:.0} × {:.0} mm", mm(s.x), mm(s.y))
    };
    match opts.paper {
        Paper::Fit => format!("{pages}, {} ({})", size(page), if fi { "vektori" } else { "vector" }),
        paper => {
            let name = match paper {
                Paper::A3 => "A3",
                Paper::Letter => "Letter",
                Paper::Slide => {
                    if fi {
                        "dia 16:9"
                    } else {
                        "slide 16:9"
                    }
                }
                _ => "A4",
            };
            format!("{pages}, {name} ({})", size(page))
        }
    }
}

/// The first and last selected stage (layout indices), when stages are selected.
fn selected_stage_span(selection: &crate::app::Selection, layout: &crate::layout::Layout) -> Option<[usize; 2]> {
    let selected: Vec<usize> = layout
        .stages
        .iter()
        .enumerate()
        .filter(|(_, s)| selection.items.contains(&crate::app::Sel::Stage(s.id.clone())))
        .map(|(i, _)| i)
        .collect();
    Some([*selected.first()?, *selected.last()?])
}
