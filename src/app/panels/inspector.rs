//! The inspector: every field of the selection (or of the map and its persona when nothing is
//! selected), each change applied as a command. Typing into one field is one undo step.

use crate::app::PolkuApp;
use crate::app::canvas::selection::Sel;
use crate::app::i18n::UiLanguage;
use crate::app::panels::date_field::date_field;
use crate::app::panels::palette::lane_kind_name;
use crate::edit::{Command, MapInfo};
use crate::model::{
    Channel, Colour, EmotionDisplay, Improvement, LaneKind, Language, Marker, Priority, Quadrant, Stage, Status,
};
use egui::{RichText, TextEdit, Ui};

/// What one frame of the inspector changed.
#[derive(Default)]
pub(super) struct Changes {
    /// Text typed: merged into the current typing step.
    pub typed: bool,
    /// A choice made (combo, radio, checkbox): a step of its own.
    pub chosen: bool,
    gained_focus: bool,
}

impl Changes {
    pub fn text(&mut self, r: &egui::Response) {
        self.typed |= r.changed();
        self.gained_focus |= r.gained_focus();
    }
    pub fn choice(&mut self, r: &egui::Response) {
        self.chosen |= r.changed();
    }
}

pub(super) fn field(ui: &mut Ui, ch: &mut Changes, label: &str, text: &mut String, multiline: bool) -> egui::Response {
    ui.label(RichText::new(label).small().strong());
    let edit = if multiline { TextEdit::multiline(text).desired_rows(2) } else { TextEdit::singleline(text) };
    let r = ui.add(edit.desired_width(f32::INFINITY)).on_hover_text(label);
    // The field's accessible name is its label, so tests and screen readers find it.
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    ch.text(&r);
    r
}

/// A card's title: Enter keeps it (the field lets go of the keyboard), Shift+Enter starts a
/// new line — as typing a title in place on the canvas does.
fn title_field(ui: &mut Ui, ch: &mut Changes, label: &str, text: &mut String) -> egui::Response {
    ui.label(RichText::new(label).small().strong());
    let edit = TextEdit::multiline(text)
        .desired_rows(1)
        .return_key(egui::KeyboardShortcut::new(egui::Modifiers::SHIFT, egui::Key::Enter));
    let r = ui.add(edit.desired_width(f32::INFINITY)).on_hover_text(label);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    // The Enter that keeps the title is used up here, so it does not also open the title for
    // editing on the canvas (the window's Enter).
    if r.has_focus() && ui.input_mut(|i| !i.modifiers.shift && i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)) {
        r.surrender_focus();
    }
    ch.text(&r);
    r
}

pub(super) fn lines_field(ui: &mut Ui, ch: &mut Changes, label: &str, items: &mut Vec<String>) {
    let mut text = items.join("\n");
    field(ui, ch, label, &mut text, true);
    let new: Vec<String> = text.split('\n').map(str::to_owned).collect();
    if text.is_empty() {
        items.clear();
    } else if &new != items {
        *items = new;
    }
}

impl PolkuApp {
    /// Draws the inspector for the current selection.
    pub(crate) fn inspector(&mut self, ui: &mut Ui) {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut ch = Changes::default();
        let command = match self.editor.selection.single().cloned() {
            Some(Sel::Card(id)) => self.card_fields(ui, &mut ch, &id),
            Some(Sel::Stage(id)) => self.doc.map.stage(&id).cloned().and_then(|mut s| {
                ui.heading(if fi { "Vaihe" } else { "Stage" });
                let r = field(ui, &mut ch, if fi { "Nimi" } else { "Name" }, &mut s.name, false);
                self.take_focus(&r);
                field(ui, &mut ch, if fi { "Kuvaus" } else { "Description" }, &mut s.description, true);
                ui.label(RichText::new(if fi { "Leveys" } else { "Width" }).small().strong());
                ch.choice(&ui.add(egui::Slider::new(&mut s.width, Stage::WIDTH_RANGE).step_by(0.05)));
                let mut has_colour = s.colour.is_some();
                ch.choice(&ui.checkbox(&mut has_colour, if fi { "Oma väri" } else { "Own colour" }));
                if has_colour {
                    let c = s.colour.unwrap_or(Colour { r: 0x4E, g: 0x79, b: 0xA7 });
                    let mut rgb = [c.r, c.g, c.b];
                    ch.choice(&ui.color_edit_button_srgb(&mut rgb));
                    s.colour = Some(Colour { r: rgb[0], g: rgb[1], b: rgb[2] });
                } else {
                    s.colour = None;
                }
                ui.add_space(8.0);
                ui.heading(if fi { "SWOT-analyysi" } else { "SWOT analysis" });
                ui.label(RichText::new(if fi { "Yksi asia riville" } else { "One item per line" }).small().weak());
                for quadrant in Quadrant::ALL {
                    lines_field(ui, &mut ch, quadrant.name(fi), s.swot.items_mut(quadrant));
                }
                (self.doc.map.stage(&id) != Some(&s)).then_some(Command::UpdateStage(s))
            }),
            Some(Sel::Lane(id)) => self.doc.map.lane(&id).cloned().and_then(|mut l| {
                ui.heading(if fi { "Kaista" } else { "Lane" });
                let r = field(ui, &mut ch, if fi { "Otsikko" } else { "Title" }, &mut l.title, false);
                self.take_focus(&r);
                ui.label(RichText::new(if fi { "Laji" } else { "Kind" }).small().strong());
                let empty = !self.doc.map.cards.iter().any(|c| c.lane == id);
                egui::ComboBox::from_id_salt("lane-kind")
                    .selected_text(lane_kind_name(l.kind, self.prefs.language))
                    .show_ui(ui, |ui| {
                        for kind in LaneKind::ALL {
                            if kind.holds_cards() || empty {
                                ch.choice(&ui.selectable_value(
                                    &mut l.kind,
                                    kind,
                                    lane_kind_name(kind, self.prefs.language),
                                ));
                            }
                        }
                    });
                (self.doc.map.lane(&id) != Some(&l)).then_some(Command::UpdateLane(l))
            }),
            Some(Sel::Arrow(id)) => self.doc.map.arrow(&id).cloned().and_then(|mut a| {
                ui.heading(if fi { "Nuoli" } else { "Arrow" });
                field(ui, &mut ch, if fi { "Teksti" } else { "Label" }, &mut a.label, false);
                ui.horizontal(|ui| {
                    ch.choice(&ui.radio_value(
                        &mut a.kind,
                        crate::model::ArrowKind::Improvement,
                        if fi { "Parannus" } else { "Improvement" },
                    ));
                    ch.choice(&ui.radio_value(
                        &mut a.kind,
                        crate::model::ArrowKind::Flow,
                        if fi { "Kulku" } else { "Flow" },
                    ));
                });
                improvement_fields(ui, &mut ch, &mut a.improvement, fi);
                (self.doc.map.arrow(&id) != Some(&a)).then_some(Command::UpdateArrow(a))
            }),
            None if self.editor.selection.items.len() > 1 => {
                ui.heading(format!(
                    "{} {}",
                    self.editor.selection.items.len(),
                    if fi { "valittu" } else { "selected" }
                ));
                None
            }
            None => self.map_fields(ui, &mut ch),
        };
        if ch.gained_focus {
            self.editor.typing_epoch += 1;
        }
        if let Some(cmd) = command {
            let result = if ch.typed && !ch.chosen {
                let key = format!("{:?}/{}", self.editor.selection.items, self.editor.typing_epoch);
                self.doc.apply_merging(cmd, key)
            } else {
                self.doc.apply(cmd)
            };
            if let Err(e) = result {
                self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
            }
        }
    }

    fn take_focus(&mut self, r: &egui::Response) {
        if self.editor.focus_title {
            r.request_focus();
            self.editor.focus_title = false;
        }
    }

    fn card_fields(&mut self, ui: &mut Ui, ch: &mut Changes, id: &crate::model::CardId) -> Option<Command> {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut c = self.doc.map.card(id)?.clone();
        ui.heading(if fi { "Kortti" } else { "Card" });
        let r = title_field(ui, ch, if fi { "Otsikko" } else { "Title" }, &mut c.title);
        self.take_focus(&r);
        field(ui, ch, if fi { "Teksti" } else { "Body" }, &mut c.body, true);

        ui.label(RichText::new(if fi { "Kanava" } else { "Channel" }).small().strong());
        let name = |chan: &Channel| if fi { chan.name_fi().to_owned() } else { chan.name_en().to_owned() };
        let current = c.channel.as_ref().map_or_else(
            || "—".to_owned(),
            |c| if matches!(c, Channel::Other(_)) { (if fi { "Muu" } else { "Other" }).to_owned() } else { name(c) },
        );
        egui::ComboBox::from_id_salt("card-channel").selected_text(current).show_ui(ui, |ui| {
            ch.choice(&ui.selectable_value(&mut c.channel, None, "—"));
            for chan in Channel::FIXED {
                let label = name(&chan);
                ch.choice(&ui.selectable_value(&mut c.channel, Some(chan), label));
            }
            if ui
                .selectable_label(matches!(c.channel, Some(Channel::Other(_))), if fi { "Muu…" } else { "Other…" })
                .clicked()
                && !matches!(c.channel, Some(Channel::Other(_)))
            {
                c.channel = Some(Channel::Other(String::new()));
                ch.chosen = true;
            }
        });
        if let Some(Channel::Other(text)) = &mut c.channel {
            field(ui, ch, if fi { "Kanavan nimi" } else { "Channel name" }, text, false);
        }

        super::persona_fields::card_persona_fields(ui, ch, &mut c, &self.doc.map, self.persona_in_view(), fi);

        ui.label(RichText::new(if fi { "Merkki" } else { "Marker" }).small().strong());
        ui.horizontal_wrapped(|ui| {
            ch.choice(&ui.selectable_value(&mut c.marker, None, "—"));
            for (m, en, f) in [
                (Marker::Idea, "Idea", "Idea"),
                (Marker::PainPoint, "Pain point", "Kipupiste"),
                (Marker::MomentOfTruth, "Moment of truth", "Totuuden hetki"),
                (Marker::QuickWin, "Quick win", "Nopea voitto"),
            ] {
                ch.choice(&ui.selectable_value(&mut c.marker, Some(m), if fi { f } else { en }));
            }
        });

        let mut tags = c.tags.join(", ");
        field(ui, ch, if fi { "Tunnisteet (pilkuin eroteltuina)" } else { "Tags (comma separated)" }, &mut tags, false);
        let new_tags: Vec<String> = tags.split(',').map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()).collect();
        if new_tags != c.tags {
            c.tags = new_tags;
        }
        evidence_fields(ui, ch, &mut c, fi);
        improvement_fields(ui, ch, &mut c.improvement, fi);
        (self.doc.map.card(id) != Some(&c)).then_some(Command::UpdateCard(c))
    }

    fn map_fields(&mut self, ui: &mut Ui, ch: &mut Changes) -> Option<Command> {
        let fi = self.prefs.language == UiLanguage::Finnish;
        ui.heading(if fi { "Kartta" } else { "Map" });
        let mut info = MapInfo::of(&self.doc.map);
        field(ui, ch, if fi { "Otsikko" } else { "Title" }, &mut info.title, false);
        field(ui, ch, if fi { "Tavoite" } else { "Goal" }, &mut info.goal, true);
        field(ui, ch, if fi { "Segmentti" } else { "Segment" }, &mut info.segment, false);
        field(ui, ch, if fi { "Kuvaus" } else { "Description" }, &mut info.description, true);
        let label = if fi { "Tarkistettu" } else { "Last reviewed" };
        ui.label(RichText::new(label).small().strong());
        let language = if fi { Language::Finnish } else { Language::English };
        ch.text(&date_field(ui, "map-reviewed", label, f32::INFINITY, &mut info.last_reviewed, language));
        ui.horizontal(|ui| {
            ui.label(RichText::new(if fi { "Tarkista joka" } else { "Review every" }).small().strong());
            let mut months = info.review_interval_months.unwrap_or(crate::model::JourneyMap::DEFAULT_REVIEW_INTERVAL);
            let r = ui.add(
                egui::DragValue::new(&mut months).range(crate::model::JourneyMap::REVIEW_INTERVALS).suffix(if fi {
                    " kk"
                } else {
                    " months"
                }),
            );
            ch.choice(&r);
            // The default is left out of the file.
            info.review_interval_months =
                (months != crate::model::JourneyMap::DEFAULT_REVIEW_INTERVAL).then_some(months);
        });
        ui.horizontal(|ui| {
            ui.label(RichText::new(if fi { "Kartan kieli" } else { "Map language" }).small().strong());
            ch.choice(&ui.radio_value(&mut info.language, Language::English, "English"));
            ch.choice(&ui.radio_value(&mut info.language, Language::Finnish, "Suomi"));
        });
        if info != MapInfo::of(&self.doc.map) {
            return Some(Command::SetInfo(info));
        }

        ui.separator();
        let shown = self.persona_in_view().or(self.doc.map.first_persona()).cloned();
        if let Some(command) =
            shown.and_then(|id| super::persona_fields::persona_fields(ui, ch, &self.doc.map, &id, fi))
        {
            return Some(command);
        }

        ui.separator();
        ui.heading(if fi { "Tunneasteikko" } else { "Emotion scale" });
        let mut e = self.doc.map.emotions.clone();
        ui.horizontal(|ui| {
            ch.choice(&ui.radio_value(&mut e.display, EmotionDisplay::Smileys, if fi { "Hymiöt" } else { "Smileys" }));
            ch.choice(&ui.radio_value(&mut e.display, EmotionDisplay::Colours, if fi { "Värit" } else { "Colours" }));
            ch.choice(&ui.radio_value(&mut e.display, EmotionDisplay::Both, if fi { "Molemmat" } else { "Both" }));
        });
        for (i, label) in e.labels.iter_mut().enumerate() {
            field(ui, ch, &format!("{:+}", i as i32 - 2), label, false);
        }
        (e != self.doc.map.emotions).then_some(Command::SetEmotions(e))
    }
}

/// How well research backs the card and by what, and the kinds of value it carries.
fn evidence_fields(ui: &mut Ui, ch: &mut Changes, c: &mut crate::model::Card, fi: bool) {
    use crate::model::{Evidence, EvidenceLevel, Source, SourceKind, ValueType};
    ui.label(RichText::new(if fi { "Näyttö" } else { "Evidence" }).small().strong());
    let mut level = c.evidence.as_ref().map(|e| e.level);
    ui.horizontal_wrapped(|ui| {
        ch.choice(&ui.selectable_value(&mut level, None, "—"));
        for l in EvidenceLevel::ALL {
            ch.choice(&ui.selectable_value(&mut level, Some(l), l.name(fi)));
        }
    });
    c.evidence = match (level, c.evidence.take()) {
        (None, _) => None,
        (Some(level), Some(e)) => Some(Evidence { level, ..e }),
        (Some(level), None) => Some(Evidence { level, sources: Vec::new() }),
    };
    if let Some(evidence) = &mut c.evidence {
        let mut remove = None;
        for (i, source) in evidence.sources.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                egui::ComboBox::from_id_salt(("source-kind", i)).selected_text(source.kind.name(fi)).show_ui(
                    ui,
                    |ui| {
                        for kind in SourceKind::ALL {
                            ch.choice(&ui.selectable_value(&mut source.kind, kind, kind.name(fi)));
                        }
                    },
                );
                if ui.small_button("×").on_hover_text(if fi { "Poista lähde" } else { "Remove the source" }).clicked()
                {
                    remove = Some(i);
                }
            });
            let label = if fi { "Muistiinpano tai lainaus" } else { "Note or quote" };
            field(ui, ch, label, &mut source.note, true);
        }
        if let Some(i) = remove {
            evidence.sources.remove(i);
            ch.chosen = true;
        }
        if ui.button(if fi { "+ Lähde" } else { "+ Source" }).clicked() {
            evidence.sources.push(Source { kind: SourceKind::Interview, note: String::new() });
            ch.chosen = true;
        }
    }
    ui.label(RichText::new(if fi { "Arvon lajit" } else { "Value types" }).small().strong());
    ui.horizontal_wrapped(|ui| {
        for v in ValueType::ALL {
            let mut on = c.values.contains(&v);
            if ui.checkbox(&mut on, v.name(fi)).changed() {
                ch.chosen = true;
                if on {
                    c.values.push(v);
                    c.values.sort();
                } else {
                    c.values.retain(|x| *x != v);
                }
            }
        }
    });
}

fn improvement_fields(ui: &mut Ui, ch: &mut Changes, improvement: &mut Option<Improvement>, fi: bool) {
    ui.separator();
    let mut on = improvement.is_some();
    ch.choice(&ui.checkbox(
        &mut on,
        if fi { "Parannuskohde (toimenpidesuunnitelmaan)" } else { "Improvement item (action plan)" },
    ));
    if !on {
        *improvement = None;
        return;
    }
    let imp = improvement.get_or_insert_with(Improvement::default);
    let lang = if fi { Language::Finnish } else { Language::English };
    ui.horizontal(|ui| {
        for p in Priority::ALL {
            ch.choice(&ui.radio_value(&mut imp.priority, p, crate::plan::priority(p, lang)));
        }
    });
    egui::ComboBox::from_id_salt("status").selected_text(status_name(imp.status, fi)).show_ui(ui, |ui| {
        for s in Status::ALL {
            ch.choice(&ui.selectable_value(&mut imp.status, s, status_name(s, fi)));
        }
    });
    // Seed 004: continuous strategic work or a short-term tactical action.
    ui.horizontal_wrapped(|ui| {
        ch.choice(&ui.selectable_value(&mut imp.kind, None, "—"));
        for kind in crate::model::ActionKind::ALL {
            ch.choice(&ui.selectable_value(&mut imp.kind, Some(kind), kind.name(fi)));
        }
    });
    for (label, value) in [
        (if fi { "Arvo 1–5" } else { "Value 1–5" }, &mut imp.value),
        (if fi { "Työmäärä 1–5" } else { "Effort 1–5" }, &mut imp.effort),
    ] {
        // One button per step rather than a slider: every value is one click (or Tab and
        // Space) away, the ends included.
        ui.horizontal(|ui| {
            ui.label(label);
            let unrated = if fi { "ei arvioitu" } else { "not rated" };
            let none = ui.selectable_value(value, None, "—").on_hover_text(unrated);
            none.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::Button, true, value.is_none(), format!("{label}: {unrated}"))
            });
            ch.choice(&none);
            for n in 1..=5u8 {
                let r = ui.selectable_value(value, Some(n), n.to_string());
                r.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, *value == Some(n), format!("{label}: {n}"))
                });
                ch.choice(&r);
            }
        });
    }
    field(ui, ch, if fi { "Vastuuhenkilö" } else { "Owner" }, &mut imp.owner, false);
    let label = if fi { "Määräpäivä" } else { "Due" };
    ui.label(RichText::new(label).small().strong());
    ch.text(&date_field(ui, "inspector-due", label, f32::INFINITY, &mut imp.due, lang));
    field(ui, ch, "KPI", &mut imp.kpi, false);
}

/// A status's name in the user interface's language.
pub fn status_name(s: Status, fi: bool) -> &'static str {
    crate::plan::status(s, if fi { Language::Finnish } else { Language::English })
}
