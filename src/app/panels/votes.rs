//! The dot-vote panel: the question, the live tally sorted by dots, End vote, and "Add the top
//! N to the action plan"; earlier rounds to look back at. Every change is a command.

use crate::app::dialogs::vote_setup::{VoteDraft, scope_name};
use crate::app::{Modal, PolkuApp, UiLanguage};
use crate::edit::{Command, ops};
use crate::model::{VoteId, VoteRound};
use egui::{RichText, Ui};

/// What the panel asked for this frame.
enum Request {
    End,
    Reopen,
    ToPlan(VoteId),
    Delete(VoteId),
    Show(Option<VoteId>),
    Select(crate::model::CardId),
    New,
}

impl PolkuApp {
    /// Opens the Start a vote dialog.
    pub(crate) fn ask_start_vote(&mut self) {
        self.open_modal(Modal::StartVote(VoteDraft::new(self.doc.map.language)));
    }

    /// The vote panel as a window beside the map (View → Dot vote).
    pub(crate) fn votes_window(&mut self, ctx: &egui::Context, large: bool) {
        // For the room, sized to its screen: legible on a 1080-line projector, not covering
        // half of a 720-line one.
        let k = if large { (ctx.content_rect().height() / 1080.0).clamp(0.7, 1.5) } else { 1.0 };
        if !self.workshop.votes_open {
            return;
        }
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut open = true;
        let width = if large { 620.0 * k } else { 380.0 };
        // Anchored by its top, at a fixed width: a tally that grows must not move the buttons
        // under the facilitator's pointer.
        let (anchor, offset) = if large {
            (egui::Align2::RIGHT_TOP, [-24.0 * k, 120.0 * k])
        } else {
            (egui::Align2::RIGHT_TOP, [-16.0, 40.0])
        };
        egui::Window::new(if fi { "Pisteäänestys" } else { "Dot vote" })
            .id(egui::Id::unique("votes-window"))
            .open(&mut open)
            .collapsible(true)
            .resizable(false)
            .min_width(width)
            .max_width(width)
            .anchor(anchor, offset)
            .show(ctx, |ui| {
                ui.set_width(width);
                self.votes_panel(ui, if large { 22.0 * k } else { 14.0 })
            });
        self.workshop.votes_open &= open;
    }

    /// The tally and the vote's controls.
    /// The panel's content, its text `size` points tall.
    pub(crate) fn votes_panel(&mut self, ui: &mut Ui, size: f32) {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut request = None;
        let Some(round) = self.shown_vote().or(self.doc.map.votes.last()).cloned() else {
            ui.label(if fi {
                "Kartalla ei ole vielä äänestyksiä."
            } else {
                "No vote has been held on this map yet."
            });
            if ui.button(if fi { "Aloita äänestys…" } else { "Start a vote…" }).clicked() {
                self.ask_start_vote();
            }
            return;
        };
        ui.label(RichText::new(&round.question).size(size * 1.2).strong());
        let used = round.total();
        let budget = round.budget().map_or_else(String::new, |b| format!(" / {b}"));
        ui.label(
            RichText::new(format!(
                "{} · {} · {} {used}{budget} · {}",
                round.date,
                scope_name(round.scope, fi),
                if fi { "pisteitä" } else { "dots" },
                if round.closed {
                    if fi { "päättynyt" } else { "ended" }
                } else if fi {
                    "käynnissä: napsauta kortteja"
                } else {
                    "open: click cards"
                }
            ))
            .size(size * 0.85),
        );
        let ranking: Vec<(crate::model::CardId, String, Option<String>, u32)> = round
            .ranking(&self.doc.map)
            .into_iter()
            .map(|(c, n)| {
                let stage = self.doc.map.stage(&c.stage).map(|s| s.name.clone());
                (c.id.clone(), c.title.clone(), stage, n)
            })
            .collect();
        // The buttons come before the tally, so a growing tally never moves them.
        ui.horizontal(|ui| {
            let text = |s: &str| RichText::new(s.to_owned()).size(size);
            if round.closed {
                ui.label(text(if fi { "Parhaat" } else { "Top" }));
                ui.add(egui::DragValue::new(&mut self.workshop.top_n).range(1..=20));
                let can = !ranking.is_empty();
                if ui
                    .add_enabled(
                        can,
                        egui::Button::new(text(if fi { "toimenpidesuunnitelmaan" } else { "to the action plan" })),
                    )
                    .on_hover_text(if fi {
                        "Lisää eniten pisteitä saaneet kortit toimenpidesuunnitelmaan; prioriteetti sijoituksen mukaan"
                    } else {
                        "Put the cards with the most dots into the action plan, with priority by rank"
                    })
                    .clicked()
                {
                    request = Some(Request::ToPlan(round.id.clone()));
                }
                if self.doc.map.votes.last().is_some_and(|v| v.id == round.id)
                    && ui.button(text(if fi { "Jatka äänestystä" } else { "Reopen" })).clicked()
                {
                    request = Some(Request::Reopen);
                }
            } else if ui.button(text(if fi { "Päätä äänestys" } else { "End vote" })).clicked() {
                request = Some(Request::End);
            }
            if ui.button(text(if fi { "Uusi äänestys…" } else { "New vote…" })).clicked() {
                request = Some(Request::New);
            }
        });
        ui.separator();
        let most = ranking.first().map_or(1, |r| r.3).max(1);
        egui::ScrollArea::vertical().max_height(size * 19.0).show(ui, |ui| {
            if ranking.is_empty() {
                ui.label(RichText::new(if fi { "Ei vielä pisteitä." } else { "No dots yet." }).size(size).italics());
            }
            for (rank, (id, title, stage, n)) in ranking.iter().enumerate() {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("{}.", rank + 1)).size(size).strong());
                    let (bar, _) = ui.allocate_exact_size(egui::vec2(size * 4.0, size * 0.9), egui::Sense::hover());
                    let w = bar.width() * (*n as f32 / most as f32);
                    ui.painter().rect_filled(
                        egui::Rect::from_min_size(bar.min, egui::vec2(w, bar.height())),
                        3.0,
                        crate::theme::Theme::light().vote,
                    );
                    ui.label(RichText::new(n.to_string()).size(size).strong());
                    let text = match stage {
                        Some(s) => format!("{title} — {s}"),
                        None => title.clone(),
                    };
                    let link = egui::Label::new(RichText::new(text).size(size).color(ui.visuals().hyperlink_color))
                        .truncate()
                        .sense(egui::Sense::click());
                    if ui.add(link).on_hover_text(if fi { "Näytä kartalla" } else { "Show on the map" }).clicked() {
                        request = Some(Request::Select(id.clone()));
                    }
                });
            }
        });
        if self.doc.map.votes.len() > 1 || round.closed {
            ui.separator();
            ui.horizontal_wrapped(|ui| {
                ui.label(if fi { "Näytä kartalla:" } else { "Show on the map:" });
                let shown = self.workshop.shown_round.clone();
                if ui.selectable_label(shown.is_none(), if fi { "ei mitään" } else { "none" }).clicked() {
                    request = Some(Request::Show(None));
                }
                for v in &self.doc.map.votes {
                    let label = format!("{} {}", v.date, shorten(&v.question, 28));
                    if ui.selectable_label(shown.as_ref() == Some(&v.id), label).on_hover_text(&v.question).clicked() {
                        request = Some(Request::Show(Some(v.id.clone())));
                    }
                }
            });
            if round.closed && ui.small_button(if fi { "Poista tämä kierros" } else { "Delete this round" }).clicked()
            {
                request = Some(Request::Delete(round.id.clone()));
            }
        }
        if let Some(r) = request {
            self.vote_request(ui.ctx(), r, &round);
        }
    }

    fn vote_request(&mut self, ctx: &egui::Context, request: Request, round: &VoteRound) {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let result = match request {
            Request::End => self.doc.apply(Command::UpdateVoteRound(VoteRound { closed: true, ..round.clone() })),
            Request::Reopen => self.doc.apply(Command::UpdateVoteRound(VoteRound { closed: false, ..round.clone() })),
            Request::Delete(id) => {
                if self.workshop.shown_round.as_ref() == Some(&id) {
                    self.workshop.shown_round = None;
                }
                self.doc.apply(Command::RemoveVoteRound(id))
            }
            Request::ToPlan(id) => match ops::vote_results_to_plan(&self.doc.map, &id, self.workshop.top_n) {
                Some(cmd) => {
                    let n = self.workshop.top_n.min(round.ranking(&self.doc.map).len());
                    let r = self.doc.apply(cmd);
                    if r.is_ok() {
                        self.toasts.info(if fi {
                            format!("{n} korttia lisättiin toimenpidesuunnitelmaan")
                        } else {
                            format!("{n} cards added to the action plan")
                        });
                    }
                    r
                }
                None => Ok(()),
            },
            Request::Show(id) => {
                self.workshop.shown_round = id;
                Ok(())
            }
            Request::Select(id) => {
                self.show_item(ctx, &crate::plan::ItemRef::Card(id));
                Ok(())
            }
            Request::New => {
                self.ask_start_vote();
                Ok(())
            }
        };
        if let Err(e) = result {
            self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
        }
    }
}

fn shorten(s: &str, max: usize) -> String {
    crate::app::canvas::arrow_tool::ellipsize(s, max)
}
