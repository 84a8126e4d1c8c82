//! The channel × action matrix (seed 004): channels as rows, stages as columns, each cell the
//! touchpoints and improvement actions there. A channel's row carries its priority; an
//! action its kind (continuous strategic or short-term tactical) and effort. With several
//! personas, each entry names whose journey it is on, and a cell where two or more personas
//! meet the same channel in the same stage is a **synergy** (seed 004: "löydetäänkö
//! synergioita?"): one piece of work serves them all.

use crate::model::{ActionKind, CardId, Channel, ChannelPriority, JourneyMap, Language, PersonaId};
use crate::plan::ItemRef;
use std::fmt::Write as _;

/// One touchpoint or action in a cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub item: ItemRef,
    pub title: String,
    /// An improvement item of the action plan (else a touchpoint).
    pub action: bool,
    pub kind: Option<ActionKind>,
    pub effort: Option<u8>,
    /// The personas whose journey the entry is on, in the map's order.
    pub personas: Vec<PersonaId>,
}

/// A channel's row: its priority and a cell per stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// `None`: the actions that belong to no channel.
    pub channel: Option<Channel>,
    pub priority: Option<ChannelPriority>,
    pub cells: Vec<Vec<Entry>>,
    /// Per stage: the personas whose touchpoints meet this channel there, when two or more
    /// do (a synergy); else empty. Never set for the row of actions without a channel.
    pub synergies: Vec<Vec<PersonaId>>,
}

/// The personas, in the map's order, whose journey card `id` is on.
fn journey_personas(map: &JourneyMap, id: &CardId) -> Vec<PersonaId> {
    map.card(id).map(|c| map.personas_of(c).map(|(_, p)| p.id.clone()).collect()).unwrap_or_default()
}

/// The matrix of one persona's journey (`Some`): only the entries on it, and no synergies (one
/// persona meets no one); or of every persona's.
pub fn rows_for(map: &JourneyMap, persona: Option<&PersonaId>) -> Vec<Row> {
    let mut rows = rows(map);
    if let Some(p) = persona.filter(|p| map.persona(p).is_some()) {
        for row in &mut rows {
            for cell in &mut row.cells {
                cell.retain(|e| e.personas.contains(p));
            }
            row.synergies.iter_mut().for_each(Vec::clear);
        }
    }
    rows
}

/// The channel an improvement arrow works on: its target's, else its source's.
fn arrow_channel(map: &JourneyMap, from: &CardId, to: &CardId) -> Option<Channel> {
    [to, from].into_iter().find_map(|id| map.card(id).and_then(|c| c.channel.clone()))
}

/// The matrix of `map`: rows ordered by priority (now, later, not yet said, not used), then
/// by the channels' order in the palette; the row of actions without a channel last.
pub fn rows(map: &JourneyMap) -> Vec<Row> {
    let stage_of = |id: &crate::model::StageId| map.stages.iter().position(|s| &s.id == id);
    let mut rows: Vec<Row> = Vec::new();
    let mut put = |channel: Option<Channel>, stage: usize, entry: Entry| {
        let i = match rows.iter().position(|r| r.channel == channel) {
            Some(i) => i,
            None => {
                let priority = channel.as_ref().and_then(|c| map.channel_priority(c));
                let (cells, synergies) = (vec![Vec::new(); map.stages.len()], vec![Vec::new(); map.stages.len()]);
                rows.push(Row { channel, priority, cells, synergies });
                rows.len() - 1
            }
        };
        rows[i].cells[stage].push(entry);
    };
    for card in &map.cards {
        let Some(stage) = stage_of(&card.stage) else { continue };
        let improvement = card.improvement.as_ref();
        if card.channel.is_none() && improvement.is_none() {
            continue;
        }
        put(
            card.channel.clone(),
            stage,
            Entry {
                item: ItemRef::Card(card.id.clone()),
                title: card.title.clone(),
                action: improvement.is_some(),
                kind: improvement.and_then(|i| i.kind),
                effort: improvement.and_then(|i| i.effort),
                personas: journey_personas(map, &card.id),
            },
        );
    }
    for arrow in &map.arrows {
        let Some(improvement) = &arrow.improvement else { continue };
        let Some(stage) = map.card(&arrow.to).and_then(|c| stage_of(&c.stage)) else { continue };
        let title = if arrow.label.trim().is_empty() {
            map.card(&arrow.to).map_or_else(String::new, |c| c.title.clone())
        } else {
            arrow.label.clone()
        };
        put(
            arrow_channel(map, &arrow.from, &arrow.to),
            stage,
            Entry {
                item: ItemRef::Arrow(arrow.id.clone()),
                title,
                action: true,
                kind: improvement.kind,
                effort: improvement.effort,
                personas: journey_personas(map, &arrow.to),
            },
        );
    }
    // Channels given a priority but not used on the map yet still get their row.
    for plan in &map.channels {
        if !rows.iter().any(|r| r.channel.as_ref() == Some(&plan.channel)) {
            rows.push(Row {
                channel: Some(plan.channel.clone()),
                priority: Some(plan.priority),
                cells: vec![Vec::new(); map.stages.len()],
                synergies: vec![Vec::new(); map.stages.len()],
            });
        }
    }
    if map.personas.len() > 1 {
        for row in rows.iter_mut().filter(|r| r.channel.is_some()) {
            for (cell, synergy) in row.cells.iter().zip(row.synergies.iter_mut()) {
                let met: Vec<PersonaId> = map
                    .personas
                    .iter()
                    .map(|p| &p.id)
                    .filter(|p| cell.iter().any(|e| !e.action && e.personas.contains(p)))
                    .cloned()
                    .collect();
                if met.len() > 1 {
                    *synergy = met;
                }
            }
        }
    }
    let rank = |r: &Row| {
        let priority = match r.priority {
            Some(ChannelPriority::Now) => 0,
            Some(ChannelPriority::Later) => 1,
            None => 2,
            Some(ChannelPriority::NotUsed) => 3,
        };
        let order = r
            .channel
            .as_ref()
            .map_or(usize::MAX, |c| Channel::FIXED.iter().position(|f| f == c).unwrap_or(usize::MAX - 1));
        (r.channel.is_none(), priority, order, r.channel.as_ref().map(|c| c.name_en().to_owned()))
    };
    rows.sort_by_key(rank);
    rows
}

/// A channel's name in `language`; "(no channel)" for the row of actions without one.
pub fn channel_name(channel: Option<&Channel>, language: Language) -> String {
    match (channel, language) {
        (Some(c), Language::Finnish) => c.name_fi().to_owned(),
        (Some(c), Language::English) => c.name_en().to_owned(),
        (None, Language::Finnish) => "(ei kanavaa)".to_owned(),
        (None, Language::English) => "(no channel)".to_owned(),
    }
}

/// The short names of `personas`, for a map with several: "Johanna, Antti".
pub fn persona_names(map: &JourneyMap, personas: &[PersonaId]) -> String {
    let fi = map.language == Language::Finnish;
    personas
        .iter()
        .filter_map(|id| {
            let i = map.persona_index(id)?;
            Some(map.personas[i].short_name(i, fi))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whose an entry is, for a map with several personas and an entry not on everyone's
/// journey: " [Johanna, Antti]"; else nothing.
pub fn whose(map: &JourneyMap, e: &Entry) -> String {
    if map.personas.len() < 2 || e.personas.len() == map.personas.len() {
        String::new()
    } else {
        format!(" [{}]", persona_names(map, &e.personas))
    }
}

/// The synergy line of a cell: "Synergy: Johanna, Antti"; empty when there is none.
pub fn synergy_text(map: &JourneyMap, personas: &[PersonaId]) -> String {
    if personas.is_empty() {
        return String::new();
    }
    let word = if map.language == Language::Finnish { "Synergia" } else { "Synergy" };
    format!("{word}: {}", persona_names(map, personas))
}

/// An entry as text: "→ Guest checkout (T, effort 2)" for an action, "• Checkout on mobile"
/// for a touchpoint.
pub fn entry_text(e: &Entry, language: Language) -> String {
    let fi = language == Language::Finnish;
    if !e.action {
        return format!("• {}", e.title.trim());
    }
    let mut facts = Vec::new();
    if let Some(kind) = e.kind {
        facts.push(kind.letter().to_owned());
    }
    if let Some(effort) = e.effort {
        facts.push(format!("{} {effort}", if fi { "työmäärä" } else { "effort" }));
    }
    if facts.is_empty() {
        format!("→ {}", e.title.trim())
    } else {
        format!("→ {} ({})", e.title.trim(), facts.join(", "))
    }
}

/// The matrix as a Markdown table: a row per channel (with its priority), a column per stage.
pub fn to_markdown(map: &JourneyMap) -> String {
    let fi = map.language == Language::Finnish;
    let cell = |s: &str| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    let mut out =
        format!("# {}: {}\n\n", if fi { "Kanavat × toimenpiteet" } else { "Channels × actions" }, cell(&map.title));
    let _ =
        write!(out, "| {} | {} |", if fi { "Kanava" } else { "Channel" }, if fi { "Prioriteetti" } else { "Priority" });
    for s in &map.stages {
        let _ = write!(out, " {} |", cell(&s.name));
    }
    out.push_str(&format!("\n|---|---|{}\n", "---|".repeat(map.stages.len())));
    for row in rows(map) {
        let priority = row.priority.map_or("—", |p| p.name(fi));
        let _ = write!(out, "| {} | {priority} |", cell(&channel_name(row.channel.as_ref(), map.language)));
        for (entries, synergy) in row.cells.iter().zip(&row.synergies) {
            let mut texts: Vec<String> =
                entries.iter().map(|e| cell(&format!("{}{}", entry_text(e, map.language), whose(map, e)))).collect();
            if !synergy.is_empty() {
                texts.insert(0, format!("**★ {}**", cell(&synergy_text(map, synergy))));
            }
            let _ = write!(out, " {} |", if texts.is_empty() { String::new() } else { texts.join("<br>") });
        }
        out.push('\n');
    }
    let legend = if fi {
        "\n→ toimenpide (S = jatkuva strateginen, T = lyhyen aikavälin taktinen) · • kosketuspiste"
    } else {
        "\n→ action (S = continuous strategic, T = short-term tactical) · • touchpoint"
    };
    out.push_str(legend);
    if map.personas.len() > 1 {
        out.push_str(if fi {
            " · [nimet] kenen persoonien polulla (ei nimiä: kaikkien) · ★ synergia: kaksi tai useampi persoona samassa kanavassa samassa vaiheessa"
        } else {
            " · [names] whose personas' journey (no names: everyone's) · ★ synergy: two or more personas meet the same channel in the same stage"
        });
    }
    out.push('\n');
    out
}

/// The list's column names: channel, priority, stage, kind of entry, title, action type,
/// effort, personas, synergy.
pub fn list_headers(language: Language) -> [&'static str; 9] {
    match language {
        Language::Finnish => [
            "Kanava",
            "Prioriteetti",
            "Vaihe",
            "Laji",
            "Otsikko",
            "Toimenpiteen tyyppi",
            "Työmäärä",
            "Persoonat",
            "Synergia",
        ],
        Language::English => {
            ["Channel", "Priority", "Stage", "Entry", "Title", "Action type", "Effort", "Personas", "Synergy"]
        }
    }
}

/// The matrix as a list, one row per entry, in the map's language.
pub fn list(map: &JourneyMap) -> Vec<[String; 9]> {
    let fi = map.language == Language::Finnish;
    let mut out = Vec::new();
    for row in rows(map) {
        let channel = channel_name(row.channel.as_ref(), map.language);
        let priority = row.priority.map_or("", |p| p.name(fi));
        for ((stage, entries), synergy) in map.stages.iter().zip(&row.cells).zip(&row.synergies) {
            for e in entries {
                let what = match (e.action, fi) {
                    (true, false) => "Action",
                    (true, true) => "Toimenpide",
                    (false, false) => "Touchpoint",
                    (false, true) => "Kosketuspiste",
                };
                out.push([
                    channel.clone(),
                    priority.to_owned(),
                    stage.name.clone(),
                    what.to_owned(),
                    e.title.clone(),
                    e.kind.map_or("", |k| k.name(fi)).to_owned(),
                    e.effort.map(|v| v.to_string()).unwrap_or_default(),
                    persona_names(map, &e.personas),
                    persona_names(map, synergy),
                ]);
            }
        }
    }
    out
}

/// The matrix as CSV (RFC 4180, a UTF-8 byte-order mark for Excel), one line per entry.
pub fn to_csv(map: &JourneyMap) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&list_headers(map.language).join(","));
    out.push_str("\r\n");
    for line in list(map) {
        out.push_str(&line.iter().map(|c| crate::plan::csv_field(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// The matrix file for `path`: an Excel workbook for `.xlsx`, Markdown for `.md`, else CSV.
pub fn file_bytes(map: &JourneyMap, path: &std::path::Path) -> Result<Vec<u8>, String> {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("xlsx") => super::matrix_xlsx::to_xlsx(map).map_err(|e| e.to_string()),
        Some("md" | "markdown") => Ok(to_markdown(map).into_bytes()),
        _ => Ok(to_csv(map).into_bytes()),
    }
}
