//! The inspector's persona parts: a persona's own fields, and a card's personas with each
//! one's rating and target.

use super::inspector::{Changes, field, lines_field};
use crate::edit::Command;
use crate::model::{Card, Emotion, JourneyMap, PersonaId};
use egui::{RichText, Ui};

/// The fields of persona `id`; the command that changes it, if any.
pub(super) fn persona_fields(
    ui: &mut Ui,
    ch: &mut Changes,
    map: &JourneyMap,
    id: &PersonaId,
    fi: bool,
) -> Option<Command> {
    let index = map.persona_index(id)?;
    let mut p = map.personas[index].clone();
    let heading = if fi { "Persoona" } else { "Persona" };
    if map.personas.len() > 1 {
        ui.heading(format!("{heading} {} / {}", index + 1, map.personas.len()));
        let hint =
            if fi { "Valitse toinen persoona kartan yläpuolelta." } else { "Choose another persona above the map." };
        ui.label(RichText::new(hint).small().weak());
    } else {
        ui.heading(heading);
    }
    field(ui, ch, if fi { "Nimi" } else { "Name" }, &mut p.name, false);
    field(ui, ch, if fi { "Rooli" } else { "Role" }, &mut p.role, false);
    field(ui, ch, if fi { "Sitaatti" } else { "Quote" }, &mut p.quote, true);
    field(ui, ch, if fi { "Tausta" } else { "Background" }, &mut p.background, true);
    lines_field(ui, ch, if fi { "Tavoitteet (rivi kutakin)" } else { "Goals (one per line)" }, &mut p.goals);
    lines_field(ui, ch, if fi { "Motivaatiot" } else { "Motivations" }, &mut p.motivations);
    lines_field(ui, ch, if fi { "Haasteet" } else { "Challenges" }, &mut p.challenges);
    lines_field(ui, ch, if fi { "Mieltymykset" } else { "Preferences" }, &mut p.preferences);
    (p != map.personas[index]).then_some(Command::UpdatePersona(p))
}

/// One row of the five steps (and "—") for a rating.
fn rating_row(ui: &mut Ui, ch: &mut Changes, map: &JourneyMap, label: &str, rating: &mut Option<Emotion>) {
    ui.label(RichText::new(label).small().strong());
    ui.horizontal_wrapped(|ui| {
        let choices = std::iter::once((None, "—".to_owned())).chain(
            (Emotion::MIN..=Emotion::MAX)
                .filter_map(Emotion::new)
                .map(|e| (Some(e), format!("{:+} {}", e.value(), map.emotions.labels[e.index()]))),
        );
        for (value, name) in choices {
            let selected = *rating == value;
            let r = ui.selectable_value(rating, value, &name);
            // Named with its row, so each of the rows' same-looking buttons can be told apart.
            let full = format!("{label}: {name}");
            r.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &full));
            ch.choice(&r.on_hover_text(&full));
        }
    });
}

/// A card's personas (when the map has several) and, for each persona in view whose journey
/// the card is on, its emotion and target. Edits `c` in place.
pub(super) fn card_persona_fields(
    ui: &mut Ui,
    ch: &mut Changes,
    c: &mut Card,
    map: &JourneyMap,
    in_view: Option<&PersonaId>,
    fi: bool,
) {
    if map.personas.len() > 1 {
        ui.label(RichText::new(if fi { "Kenen polulla" } else { "On the journey of" }).small().strong());
        let mut ticked: Vec<PersonaId> =
            map.personas.iter().filter(|p| c.is_on_journey_of(&p.id)).map(|p| p.id.clone()).collect();
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            for (i, p) in map.personas.iter().enumerate() {
                let mut on = ticked.contains(&p.id);
                let r = ui.checkbox(&mut on, p.display_name(i, fi));
                // A card stays on at least one journey.
                if r.changed() && (on || ticked.len() > 1) {
                    if on {
                        ticked.push(p.id.clone());
                    } else {
                        ticked.retain(|t| t != &p.id);
                    }
                    changed = true;
                }
            }
        });
        if changed {
            *c = crate::edit::persona_ops::with_personas(map, c, &ticked);
            ch.chosen = true;
        }
    }
    let rated: Vec<(usize, PersonaId, String)> = map
        .personas
        .iter()
        .enumerate()
        .filter(|(_, p)| c.is_on_journey_of(&p.id) && in_view.is_none_or(|v| v == &p.id))
        .map(|(i, p)| (i, p.id.clone(), p.display_name(i, fi)))
        .collect();
    // Rows name their persona only when there is more than one to tell apart.
    let several = rated.len() > 1;
    for (_, id, name) in rated {
        let (emotion, target) = if fi { ("Tunne", "Tavoitetunne") } else { ("Emotion", "Target emotion") };
        let label = |what: &str| if several { format!("{what} — {name}") } else { what.to_owned() };
        for (what, target_row) in [(emotion, false), (target, true)] {
            let ratings = if target_row { &mut c.targets } else { &mut c.emotions };
            let mut rating = ratings.get(&id).copied();
            rating_row(ui, ch, map, &label(what), &mut rating);
            match rating {
                Some(e) => ratings.insert(id.clone(), e),
                None => ratings.remove(&id),
            };
        }
    }
}
