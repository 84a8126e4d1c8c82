//! Starting a dot vote: the question, which cards may get dots, dots per person and,
//! optionally, how many people vote (then the room sees how many dots are left).

use super::Outcome;
use crate::app::{PolkuApp, UiLanguage};
use crate::edit::Command;
use crate::edit::StepName;
use crate::model::{Date, Language, VoteId, VoteRound, VoteScope, fresh_id};

/// A vote being set up.
#[derive(Clone, Debug, PartialEq)]
pub struct VoteDraft {
    pub question: String,
    pub scope: VoteScope,
    pub dots_per_person: u8,
    /// Typed text, so the field can be empty (number of voters unknown).
    pub voters: String,
    /// The question is still the one suggested for the scope (so changing the scope changes it).
    suggested: bool,
}

impl VoteDraft {
    /// A draft for `map`'s language: pain points, three dots each.
    pub fn new(language: Language) -> VoteDraft {
        let scope = VoteScope::PainPoints;
        VoteDraft {
            question: suggested_question(scope, language).to_owned(),
            scope,
            dots_per_person: 3,
            voters: String::new(),
            suggested: true,
        }
    }

    /// The number of voters typed, if it is a valid one.
    fn voters(&self) -> Result<Option<u16>, ()> {
        let t = self.voters.trim();
        if t.is_empty() {
            return Ok(None);
        }
        t.parse::<u16>().ok().filter(|n| (1..=VoteRound::MAX_VOTERS).contains(n)).map(Some).ok_or(())
    }
}

/// A question to start from, in the map's language.
pub fn suggested_question(scope: VoteScope, language: Language) -> &'static str {
    match (scope, language) {
        (VoteScope::PainPoints, Language::Finnish) => "Mitkä kipupisteet haittaavat asiakasta eniten?",
        (VoteScope::PainPoints, Language::English) => "Which pain points hurt the customer most?",
        (VoteScope::Opportunities, Language::Finnish) => "Mitkä parannukset tehdään ensin?",
        (VoteScope::Opportunities, Language::English) => "Which improvements should we make first?",
        (VoteScope::Touchpoints, Language::Finnish) => "Mitkä kosketuspisteet ovat tärkeimpiä?",
        (VoteScope::Touchpoints, Language::English) => "Which touchpoints matter most?",
        (VoteScope::AllCards, Language::Finnish) => "Mikä tällä polulla on tärkeintä?",
        (VoteScope::AllCards, Language::English) => "What matters most on this journey?",
    }
}

/// The name of a scope in the user interface.
pub fn scope_name(scope: VoteScope, fi: bool) -> &'static str {
    match (scope, fi) {
        (VoteScope::PainPoints, false) => "Pain points",
        (VoteScope::PainPoints, true) => "Kipupisteet",
        (VoteScope::Opportunities, false) => "Opportunities and ideas",
        (VoteScope::Opportunities, true) => "Mahdollisuudet ja ideat",
        (VoteScope::Touchpoints, false) => "Touchpoints",
        (VoteScope::Touchpoints, true) => "Kosketuspisteet",
        (VoteScope::AllCards, false) => "All cards",
        (VoteScope::AllCards, true) => "Kaikki kortit",
    }
}

impl PolkuApp {
    /// Starts a vote round from `draft`: ends an open one first, shows the new one's dots and
    /// the vote panel. One undo step.
    pub(crate) fn start_vote(&mut self, draft: &VoteDraft) {
        let Ok(voters) = draft.voters() else { return };
        let id = VoteId::new(fresh_id("v", self.doc.map.votes.iter().map(|v| v.id.as_str())));
        let round = VoteRound {
            id: id.clone(),
            question: draft.question.trim().to_owned(),
            date: Date::today(),
            scope: draft.scope,
            dots_per_person: draft.dots_per_person.clamp(1, VoteRound::MAX_DOTS_PER_PERSON),
            voters,
            dots: Default::default(),
            closed: false,
        };
        let mut commands = Vec::new();
        if let Some(open) = self.open_vote() {
            commands.push(Command::UpdateVoteRound(VoteRound { closed: true, ..open.clone() }));
        }
        commands.push(Command::InsertVoteRound { index: self.doc.map.votes.len(), round });
        match self.doc.apply(Command::Batch(StepName::StartVote, commands)) {
            Ok(()) => {
                self.workshop.shown_round = Some(id);
                self.workshop.votes_open = true;
            }
            Err(e) => self.toasts.error(e.to_string_in(self.prefs.language.as_language())),
        }
    }

    /// The Start a vote dialog.
    pub(super) fn vote_setup_ui(&mut self, ctx: &egui::Context, draft: &mut VoteDraft) -> Outcome {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let language = self.doc.map.language;
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("vote-setup")).show(ctx, |ui| {
            ui.set_width(480.0);
            ui.heading(if fi { "Pisteäänestys" } else { "Dot vote" });
            ui.add_space(6.0);
            egui::Grid::new("vote-grid").num_columns(2).spacing([14.0, 10.0]).show(ui, |ui| {
                ui.label(if fi { "Kysymys" } else { "Question" });
                let r = ui.add(egui::TextEdit::singleline(&mut draft.question).desired_width(320.0));
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::TextInput,
                        true,
                        if fi { "Äänestyksen kysymys" } else { "Vote question" },
                    )
                });
                if r.changed() {
                    draft.suggested = false;
                }
                ui.end_row();
                ui.label(if fi { "Kortit" } else { "Cards" });
                ui.vertical(|ui| {
                    for scope in VoteScope::ALL {
                        let n = self.doc.map.cards.iter().filter(|c| scope.admits(&self.doc.map, &c.id)).count();
                        let label = format!("{} ({n})", scope_name(scope, fi));
                        if ui.radio_value(&mut draft.scope, scope, label).changed() && draft.suggested {
                            draft.question = suggested_question(scope, language).to_owned();
                        }
                    }
                });
                ui.end_row();
                ui.label(if fi { "Pisteitä / hlö" } else { "Dots per person" });
                ui.add(egui::DragValue::new(&mut draft.dots_per_person).range(1..=VoteRound::MAX_DOTS_PER_PERSON));
                ui.end_row();
                ui.label(if fi { "Äänestäjiä" } else { "Voters" });
                ui.horizontal(|ui| {
                    let r =
                        ui.add(egui::TextEdit::singleline(&mut draft.voters).desired_width(100.0).hint_text(if fi {
                            "valinnainen"
                        } else {
                            "optional"
                        }));
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            if fi { "Äänestäjien määrä" } else { "Number of voters" },
                        )
                    });
                    match draft.voters() {
                        Ok(Some(n)) => ui.label(format!(
                            "= {} {}",
                            u32::from(n) * u32::from(draft.dots_per_person),
                            if fi { "pistettä" } else { "dots" }
                        )),
                        Ok(None) => ui.label(""),
                        Err(()) => {
                            ui.colored_label(ui.visuals().error_fg_color, format!("1–{}", VoteRound::MAX_VOTERS))
                        }
                    };
                });
                ui.end_row();
            });
            ui.add_space(8.0);
            ui.label(
                egui::RichText::new(if fi {
                    "Napsauta korttia: +1 piste. Vaihto+napsautus tai oikea painike: −1."
                } else {
                    "Click a card: +1 dot. Shift+click or right click: −1."
                })
                .small(),
            );
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let ok = !draft.question.trim().is_empty() && draft.voters().is_ok();
                if ui.add_enabled(ok, egui::Button::new(if fi { "Aloita äänestys" } else { "Start vote" })).clicked()
                {
                    answer = Some(true);
                }
                if ui.button(if fi { "Peruuta" } else { "Cancel" }).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                let draft = draft.clone();
                self.start_vote(&draft);
                Outcome::Closed
            }
            Some(false) => Outcome::Closed,
            None => Outcome::Open,
        }
    }
}
