//! Review reminders (both seeds end the same way: revisit the map regularly). The status bar
//! tells when the map was last reviewed; when that is longer ago than the map's interval it
//! turns into an amber "Review due" notice, which opens the articles' short checklist and Mark
//! reviewed today (one undoable step). The notice never blocks and never covers the map: the
//! checklist opens only when asked for.

use crate::app::PolkuApp;
use crate::app::i18n::UiLanguage;
use crate::edit::{Command, MapInfo};
use crate::model::{Date, Language};
use egui::RichText;

/// The checklist, from the articles: personas, channels, emotions, the action plan.
const CHECKLIST: [[&str; 2]; 4] = [
    ["Are the personas still the same people?", "Ovatko persoonat yhä samat?"],
    ["Are the channels still the right ones?", "Ovatko kanavat yhä oikeat?"],
    ["Do the emotions still hold?", "Pitävätkö tunteet yhä paikkansa?"],
    ["Which action-plan items are done?", "Mitkä toimenpiteet on tehty?"],
];

/// The session's state of the reminder.
#[derive(Clone, Debug, Default)]
pub struct ReviewReminder {
    /// The checklist is showing.
    pub open: bool,
    /// The checklist's ticks (a help for the review, not saved).
    pub checks: [bool; 4],
    /// Today, for tests; `None`: the system's date.
    pub today: Option<Date>,
}

impl PolkuApp {
    /// Today, as the reminder sees it.
    fn review_today(&self) -> Date {
        self.review.today.unwrap_or_else(Date::today)
    }

    /// Whether the map is due for a review today.
    pub fn review_due(&self) -> bool {
        self.doc.map.review_due_on().is_some_and(|due| due <= self.review_today())
    }

    /// The status bar's part: when the map was reviewed, marked when a review is due; a click
    /// brings the notice back.
    pub(crate) fn review_status(&mut self, ui: &mut egui::Ui) {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let language = if fi { Language::Finnish } else { Language::English };
        let Some(last) = self.doc.map.last_reviewed else { return };
        let date = last.in_language(language);
        if self.review_due() {
            let text = if fi {
                format!("⚠ Tarkistus erääntynyt (tarkistettu {date})")
            } else {
                format!("⚠ Review due (reviewed {date})")
            };
            let r = ui.selectable_label(self.review.open, RichText::new(text).color(ui.visuals().warn_fg_color));
            if r.clicked() {
                self.review.open = !self.review.open;
            }
            r.on_hover_text(if fi { "Avaa tarkistuslista" } else { "Open the review checklist" });
        } else {
            ui.label(if fi { format!("Tarkistettu {date}") } else { format!("Reviewed {date}") });
        }
        ui.separator();
    }

    /// The checklist, when opened from the status bar.
    pub(crate) fn review_window(&mut self, ctx: &egui::Context) {
        if !self.review.open {
            return;
        }
        let fi = self.prefs.language == UiLanguage::Finnish;
        let language = if fi { Language::Finnish } else { Language::English };
        let months = self.doc.map.review_interval();
        let last = self.doc.map.last_reviewed.map(|d| d.in_language(language)).unwrap_or_default();
        let mut mark = false;
        let mut open = true;
        egui::Window::new(if fi { "Kartan tarkistuksen aika" } else { "Time to review the map" })
            .id(egui::Id::unique("review-window"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::RIGHT_BOTTOM, [-16.0, -40.0])
            .show(ctx, |ui| {
                ui.label(if fi {
                    format!("Kartta tarkistettiin viimeksi {last}; tarkistusväli on {months} kk.")
                } else {
                    format!("The map was last reviewed on {last}; it is to be reviewed every {months} months.")
                });
                ui.add_space(4.0);
                for (i, item) in CHECKLIST.iter().enumerate() {
                    ui.checkbox(&mut self.review.checks[i], item[usize::from(fi)]);
                }
                ui.add_space(6.0);
                mark = ui.button(if fi { "Merkitse tarkistetuksi tänään" } else { "Mark reviewed today" }).clicked();
            });
        if mark {
            let info = MapInfo { last_reviewed: Some(self.review_today()), ..MapInfo::of(&self.doc.map) };
            if let Err(e) = self.doc.apply(Command::SetInfo(info)) {
                self.toasts.error(e.to_string_in(language));
            }
            self.review.checks = [false; 4];
            open = false;
        }
        self.review.open &= open;
    }
}
