//! What changed between two versions of a map: added, removed, changed (which fields, old →
//! new), moved (from which cell to which), re-rated (per persona, current and target) and the
//! action plan's items whose status, owner, due date or other plan fields changed; personas,
//! stages and lanes too.
//!
//! Elements match by id. A hand-edited file may have given a card a new id: a card left
//! unmatched on both sides with the same title in the same cell is taken to be the same card.
//! A card's order within its cell is not a change (it follows from the others).

pub mod report;

pub use report::{to_markdown, to_text};

use crate::model::{Card, Emotion, Improvement, JourneyMap, Persona, Stage};

/// What kind of element a change is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Element {
    Map,
    Persona,
    Stage,
    Lane,
    Card,
    Arrow,
}

/// What happened to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum What {
    Added,
    Removed,
    /// Fields changed; see [`Change::fields`].
    Changed,
    /// A card moved to another cell: (stage, lane) names, before and after.
    Moved {
        from: (String, String),
        to: (String, String),
    },
    /// A card's ratings changed; see [`Change::fields`] (one per persona and kind).
    Rerated,
    /// An action-plan item's plan fields changed, or it entered or left the plan.
    Plan,
}

/// One field, before and after, as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub old: String,
    pub new: String,
}

/// One change to one element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub element: Element,
    /// The element's id in the newer map (in the older for a removed element).
    pub id: String,
    /// Its name as the user knows it: a card's title, a stage's name.
    pub name: String,
    pub what: What,
    pub fields: Vec<Field>,
}

/// Every change from `old` to `new`, in the map's order: the map itself, personas, stages,
/// lanes, cards (removed, added, moved, changed, re-rated, plan) and arrows.
pub fn diff(old: &JourneyMap, new: &JourneyMap) -> Vec<Change> {
    let mut out = Vec::new();
    map_fields(old, new, &mut out);
    personas(old, new, &mut out);
    stages(old, new, &mut out);
    lanes(old, new, &mut out);
    cards(old, new, &mut out);
    arrows(old, new, &mut out);
    out
}

fn field(name: &str, old: impl Into<String>, new: impl Into<String>) -> Field {
    Field { name: name.to_owned(), old: old.into(), new: new.into() }
}

fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// Pushes a field when its two texts differ.
fn compare(fields: &mut Vec<Field>, name: &str, old: String, new: String) {
    if old != new {
        fields.push(field(name, old, new));
    }
}

fn opt<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map_or_else(|| "—".to_owned(), |v| v.to_string())
}

fn list(items: &[String]) -> String {
    items.iter().map(|s| quoted(s)).collect::<Vec<_>>().join(", ")
}

fn map_fields(old: &JourneyMap, new: &JourneyMap, out: &mut Vec<Change>) {
    let mut fields = Vec::new();
    compare(&mut fields, "title", quoted(&old.title), quoted(&new.title));
    compare(&mut fields, "goal", quoted(&old.goal), quoted(&new.goal));
    compare(&mut fields, "segment", quoted(&old.segment), quoted(&new.segment));
    compare(&mut fields, "description", quoted(&old.description), quoted(&new.description));
    compare(&mut fields, "last reviewed", opt(old.last_reviewed), opt(new.last_reviewed));
    compare(&mut fields, "review interval", old.review_interval().to_string(), new.review_interval().to_string());
    compare(&mut fields, "language", format!("{:?}", old.language), format!("{:?}", new.language));
    compare(&mut fields, "emotion scale", format!("{:?}", old.emotions), format!("{:?}", new.emotions));
    let priorities = |m: &JourneyMap| {
        m.channels.iter().map(|p| format!("{} {}", p.channel.name_en(), p.priority.name(false))).collect::<Vec<_>>()
    };
    compare(&mut fields, "channel priorities", priorities(old).join(", "), priorities(new).join(", "));
    if !fields.is_empty() {
        out.push(Change {
            element: Element::Map,
            id: String::new(),
            name: new.title.clone(),
            what: What::Changed,
            fields,
        });
    }
}

/// Added and removed elements of one kind, and the changed fields of those on both sides.
fn by_id<T>(
    element: Element,
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &str,
    name: impl Fn(&T) -> String,
    fields: impl Fn(&T, &T) -> Vec<Field>,
    out: &mut Vec<Change>,
) {
    for o in old.iter().filter(|o| !new.iter().any(|n| id(n) == id(o))) {
        out.push(Change { element, id: id(o).to_owned(), name: name(o), what: What::Removed, fields: Vec::new() });
    }
    for n in new {
        match old.iter().find(|o| id(o) == id(n)) {
            None => {
                out.push(Change { element, id: id(n).to_owned(), name: name(n), what: What::Added, fields: Vec::new() })
            }
            Some(o) => {
                let fields = fields(o, n);
                if !fields.is_empty() {
                    out.push(Change { element, id: id(n).to_owned(), name: name(n), what: What::Changed, fields });
                }
            }
        }
    }
}

fn personas(old: &JourneyMap, new: &JourneyMap, out: &mut Vec<Change>) {
    let persona_fields = |o: &Persona, n: &Persona| {
        let mut f = Vec::new();
        compare(&mut f, "name", quoted(&o.name), quoted(&n.name));
        compare(&mut f, "role", quoted(&o.role), quoted(&n.role));
        compare(&mut f, "quote", quoted(&o.quote), quoted(&n.quote));
        compare(&mut f, "background", quoted(&o.background), quoted(&n.background));
        compare(&mut f, "goals", list(&o.goals), list(&n.goals));
        compare(&mut f, "motivations", list(&o.motivations), list(&n.motivations));
        compare(&mut f, "challenges", list(&o.challenges), list(&n.challenges));
        compare(&mut f, "preferences", list(&o.preferences), list(&n.preferences));
        f
    };
    let name = |p: &Persona| p.name.clone();
    by_id(Element::Persona, &old.personas, &new.personas, |p| p.id.as_str(), name, persona_fields, out);
}

fn stages(old: &JourneyMap, new: &JourneyMap, out: &mut Vec<Change>) {
    let stage_fields = |o: &Stage, n: &Stage| {
        let mut f = Vec::new();
        compare(&mut f, "name", quoted(&o.name), quoted(&n.name));
        compare(&mut f, "description", quoted(&o.description), quoted(&n.description));
        compare(&mut f, "width", o.width.to_string(), n.width.to_string());
        compare(&mut f, "colour", opt(o.colour.map(|c| c.to_string())), opt(n.colour.map(|c| c.to_string())));
        for q in crate::model::Quadrant::ALL {
            let name = q.name(false).to_lowercase();
            compare(&mut f, &format!("SWOT {name}"), list(o.swot.items(q)), list(n.swot.items(q)));
        }
        f
    };
    by_id(Element::Stage, &old.stages, &new.stages, |s| s.id.as_str(), |s| s.name.clone(), stage_fields, out);
    let order = |m: &JourneyMap| m.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    if order(old) != order(new) && old.stages.len() == new.stages.len() {
        let fields = vec![field("order", order(old).join(" → "), order(new).join(" → "))];
        out.push(Change {
            element: Element::Stage,
            id: String::new(),
            name: String::new(),
            what: What::Changed,
            fields,
        });
    }
}

fn lanes(old: &JourneyMap, new: &JourneyMap, out: &mut Vec<Change>) {
    let lane_fields = |o: &crate::model::Lane, n: &crate::model::Lane| {
        let mut f = Vec::new();
        compare(&mut f, "title", quoted(&o.title), quoted(&n.title));
        compare(&mut f, "kind", format!("{:?}", o.kind), format!("{:?}", n.kind));
        f
    };
    by_id(Element::Lane, &old.lanes, &new.lanes, |l| l.id.as_str(), |l| l.title.clone(), lane_fields, out);
}

/// Where a card sits, by the names the user sees: (stage, lane). A name that two stages (or
/// lanes) share, or none, gets the place in the map after it, so the two stay apart.
fn cell(map: &JourneyMap, card: &Card) -> (String, String) {
    fn named<'a>(names: impl Iterator<Item = &'a str> + Clone, i: usize) -> String {
        let name = names.clone().nth(i).unwrap_or_default();
        let shared = names.filter(|n| *n == name).count() > 1;
        match (name.trim().is_empty(), shared) {
            (true, _) => format!("#{}", i + 1),
            (false, true) => format!("{name} #{}", i + 1),
            (false, false) => name.to_owned(),
        }
    }
    let stages = map.stages.iter().map(|s| s.name.as_str());
    let lanes = map.lanes.iter().map(|l| l.title.as_str());
    (
        map.stages.iter().position(|s| s.id == card.stage).map_or_else(|| card.stage.to_string(), |i| named(stages, i)),
        map.lanes.iter().position(|l| l.id == card.lane).map_or_else(|| card.lane.to_string(), |i| named(lanes, i)),
    )
}

/// The pairs of cards that are the same card: by id, then by title within one cell.
fn card_pairs<'a>(old: &'a JourneyMap, new: &'a JourneyMap) -> Vec<(Option<&'a Card>, Option<&'a Card>)> {
    let mut pairs: Vec<(Option<&Card>, Option<&Card>)> = Vec::new();
    let mut old_left: Vec<&Card> = Vec::new();
    for o in &old.cards {
        match new.card(&o.id) {
            Some(n) => pairs.push((Some(o), Some(n))),
            None => old_left.push(o),
        }
    }
    let mut new_left: Vec<&Card> = new.cards.iter().filter(|n| old.card(&n.id).is_none()).collect();
    for o in old_left {
        let same = new_left.iter().position(|n| n.title == o.title && cell(new, n) == cell(old, o));
        match same {
            Some(i) => pairs.push((Some(o), Some(new_left.remove(i)))),
            None => pairs.push((Some(o), None)),
        }
    }
    pairs.extend(new_left.into_iter().map(|n| (None, Some(n))));
    pairs
}

fn cards(old: &JourneyMap, new: &JourneyMap, out: &mut Vec<Change>) {
    let mut removed = Vec::new();
    let mut added = Vec::new();
    let mut rest = Vec::new();
    for pair in card_pairs(old, new) {
        match pair {
            (Some(o), None) => removed.push(Change {
                element: Element::Card,
                id: o.id.to_string(),
                name: o.title.clone(),
                what: What::Removed,
                fields: place(old, o),
            }),
            (None, Some(n)) => added.push(Change {
                element: Element::Card,
                id: n.id.to_string(),
                name: n.title.clone(),
                what: What::Added,
                fields: place(new, n),
            }),
            (Some(o), Some(n)) => rest.extend(card_changes(old, new, o, n)),
            (None, None) => {}
        }
    }
    out.extend(removed);
    out.extend(added);
    out.extend(rest);
}

/// A card's place, as the one field of an added or removed card.
fn place(map: &JourneyMap, card: &Card) -> Vec<Field> {
    let (stage, lane) = cell(map, card);
    vec![field("cell", String::new(), format!("{stage} / {lane}"))]
}

fn card_changes(old: &JourneyMap, new: &JourneyMap, o: &Card, n: &Card) -> Vec<Change> {
    let change = |what: What, fields: Vec<Field>| Change {
        element: Element::Card,
        id: n.id.to_string(),
        name: n.title.clone(),
        what,
        fields,
    };
    let mut out = Vec::new();
    let (from, to) = (cell(old, o), cell(new, n));
    // Stage and lane ids that both maps know tell a move even between cells of the same names.
    let moved =
        (o.stage != n.stage && new.stage(&o.stage).is_some()) || (o.lane != n.lane && new.lane(&o.lane).is_some());
    if from != to || moved {
        out.push(change(What::Moved { from, to }, Vec::new()));
    }
    let mut f = Vec::new();
    if o.id != n.id {
        f.push(field("id", o.id.to_string(), n.id.to_string()));
    }
    compare(&mut f, "title", quoted(&o.title), quoted(&n.title));
    compare(&mut f, "body", quoted(&o.body), quoted(&n.body));
    compare(
        &mut f,
        "channel",
        opt(o.channel.as_ref().map(|c| c.name_en())),
        opt(n.channel.as_ref().map(|c| c.name_en())),
    );
    compare(&mut f, "marker", opt(o.marker.map(|m| format!("{m:?}"))), opt(n.marker.map(|m| format!("{m:?}"))));
    compare(&mut f, "tags", list(&o.tags), list(&n.tags));
    let evidence = |c: &Card| {
        c.evidence.as_ref().map_or_else(
            || "—".to_owned(),
            |e| {
                let sources: Vec<String> =
                    e.sources.iter().map(|s| format!("{} {:?}", s.kind.name(false), s.note)).collect();
                format!(
                    "{}{}",
                    e.level.name(false),
                    if sources.is_empty() { String::new() } else { format!(" ({})", sources.join("; ")) }
                )
            },
        )
    };
    compare(&mut f, "evidence", evidence(o), evidence(n));
    let values = |c: &Card| c.values.iter().map(|v| v.name(false)).collect::<Vec<_>>().join(", ");
    compare(&mut f, "values", values(o), values(n));
    let whose = |m: &JourneyMap, c: &Card| {
        if c.personas.is_empty() {
            "everyone".to_owned()
        } else {
            c.personas
                .iter()
                .map(|p| m.persona(p).map_or_else(|| p.to_string(), |p| p.name.clone()))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    compare(&mut f, "personas", whose(old, o), whose(new, n));
    if !f.is_empty() {
        out.push(change(What::Changed, f));
    }
    let rerated = ratings(old, new, o, n);
    if !rerated.is_empty() {
        out.push(change(What::Rerated, rerated));
    }
    let plan = plan_fields(o.improvement.as_ref(), n.improvement.as_ref());
    if !plan.is_empty() {
        out.push(change(What::Plan, plan));
    }
    out
}

/// An emotion as the scale names it: "−1 Unhappy".
fn rating(map: &JourneyMap, e: Option<Emotion>) -> String {
    e.map_or_else(|| "—".to_owned(), |e| format!("{:+} {}", e.value(), map.emotions.labels[e.index()]))
}

/// Each persona's rating and target that changed; a field is named by the persona (with
/// "target" for the to-be rating), or "emotion" on a map of one persona.
fn ratings(old: &JourneyMap, new: &JourneyMap, o: &Card, n: &Card) -> Vec<Field> {
    let mut ids: Vec<&crate::model::PersonaId> =
        o.emotions.keys().chain(n.emotions.keys()).chain(o.targets.keys()).chain(n.targets.keys()).collect();
    ids.sort_by_key(|id| new.persona_index(id).or_else(|| old.persona_index(id).map(|i| i + 1000)));
    ids.dedup();
    let single = old.personas.len() <= 1 && new.personas.len() <= 1;
    let mut out = Vec::new();
    for id in ids {
        let who = new.persona(id).or(old.persona(id)).map_or_else(|| id.to_string(), |p| p.name.clone());
        for (target, before, after) in
            [(false, o.emotion_of(id), n.emotion_of(id)), (true, o.target_of(id), n.target_of(id))]
        {
            if before != after {
                let name = match (single, target) {
                    (true, false) => "emotion".to_owned(),
                    (true, true) => "target".to_owned(),
                    (false, false) => who.clone(),
                    (false, true) => format!("{who} (target)"),
                };
                out.push(field(&name, rating(old, before), rating(new, after)));
            }
        }
    }
    out
}

/// The plan fields that changed, or the item entering or leaving the plan.
fn plan_fields(o: Option<&Improvement>, n: Option<&Improvement>) -> Vec<Field> {
    match (o, n) {
        (None, None) => Vec::new(),
        (None, Some(_)) => vec![field("action plan", "not in the plan", "added to the plan")],
        (Some(_), None) => vec![field("action plan", "in the plan", "removed from the plan")],
        (Some(o), Some(n)) => {
            let mut f = Vec::new();
            let en = crate::model::Language::English;
            let status = |i: &Improvement| crate::plan::status(i.status, en).to_owned();
            let priority = |i: &Improvement| crate::plan::priority(i.priority, en).to_owned();
            compare(&mut f, "status", status(o), status(n));
            compare(&mut f, "owner", quoted(&o.owner), quoted(&n.owner));
            compare(&mut f, "due", opt(o.due), opt(n.due));
            compare(&mut f, "priority", priority(o), priority(n));
            compare(&mut f, "value", opt(o.value), opt(n.value));
            compare(&mut f, "effort", opt(o.effort), opt(n.effort));
            compare(&mut f, "KPI", quoted(&o.kpi), quoted(&n.kpi));
            compare(&mut f, "type", opt(o.kind.map(|k| k.name(false))), opt(n.kind.map(|k| k.name(false))));
            f
        }
    }
}

fn arrows(old: &JourneyMap, new: &JourneyMap, out: &mut Vec<Change>) {
    let title =
        |m: &JourneyMap, id: &crate::model::CardId| m.card(id).map_or_else(|| id.to_string(), |c| c.title.clone());
    let name_in = |m: &JourneyMap, a: &crate::model::Arrow| {
        if a.label.trim().is_empty() {
            format!("{} → {}", title(m, &a.from), title(m, &a.to))
        } else {
            a.label.clone()
        }
    };
    for o in old.arrows.iter().filter(|o| new.arrow(&o.id).is_none()) {
        out.push(Change {
            element: Element::Arrow,
            id: o.id.to_string(),
            name: name_in(old, o),
            what: What::Removed,
            fields: Vec::new(),
        });
    }
    for n in &new.arrows {
        let Some(o) = old.arrow(&n.id) else {
            out.push(Change {
                element: Element::Arrow,
                id: n.id.to_string(),
                name: name_in(new, n),
                what: What::Added,
                fields: Vec::new(),
            });
            continue;
        };
        let mut f = Vec::new();
        compare(&mut f, "label", quoted(&o.label), quoted(&n.label));
        compare(&mut f, "kind", format!("{:?}", o.kind), format!("{:?}", n.kind));
        // An end that moved to another card; a renamed card is the card's change, not the arrow's.
        if o.from != n.from {
            f.push(field("from", title(old, &o.from), title(new, &n.from)));
        }
        if o.to != n.to {
            f.push(field("to", title(old, &o.to), title(new, &n.to)));
        }
        let name = name_in(new, n);
        if !f.is_empty() {
            out.push(Change {
                element: Element::Arrow,
                id: n.id.to_string(),
                name: name.clone(),
                what: What::Changed,
                fields: f,
            });
        }
        let plan = plan_fields(o.improvement.as_ref(), n.improvement.as_ref());
        if !plan.is_empty() {
            out.push(Change { element: Element::Arrow, id: n.id.to_string(), name, what: What::Plan, fields: plan });
        }
    }
}
