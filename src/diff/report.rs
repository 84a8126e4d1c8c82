//! A list of changes as plain text (one line per change, for a terminal or a commit message)
//! or as Markdown (a report section "what changed since the last review").

use super::{Change, Element, What};

fn element_name(e: Element) -> &'static str {
    match e {
        Element::Map => "map",
        Element::Persona => "persona",
        Element::Stage => "stage",
        Element::Lane => "lane",
        Element::Card => "card",
        Element::Arrow => "arrow",
    }
}

/// "card "Checkout on mobile"", or "stages" for the stages' order.
fn subject(c: &Change) -> String {
    match (c.element, c.name.is_empty()) {
        (Element::Map, _) => "map".to_owned(),
        (Element::Stage, true) => "stages".to_owned(),
        (e, _) => format!("{} {:?}", element_name(e), c.name),
    }
}

/// The fields as "title "A" → "B"; owner "" → "Aino"".
fn fields(c: &Change) -> String {
    c.fields.iter().map(|f| format!("{} {} → {}", f.name, f.old, f.new)).collect::<Vec<_>>().join("; ")
}

/// One change as one line.
pub fn line(c: &Change) -> String {
    let s = subject(c);
    match &c.what {
        What::Added | What::Removed => {
            let verb = if c.what == What::Added { "Added" } else { "Removed" };
            match c.fields.first() {
                Some(cell) if c.element == Element::Card => format!("{verb} {s} ({})", cell.new),
                _ => format!("{verb} {s}"),
            }
        }
        What::Changed => format!("Changed {s}: {}", fields(c)),
        What::Moved { from, to } => format!("Moved {s} from {} / {} to {} / {}", from.0, from.1, to.0, to.1),
        What::Rerated => format!("Re-rated {s}: {}", fields(c)),
        What::Plan => format!("Action plan, {s}: {}", fields(c)),
    }
}

/// The changes as text, one line each; "No changes." when there are none.
pub fn to_text(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "No changes.\n".to_owned();
    }
    changes.iter().map(|c| format!("{}\n", line(c))).collect()
}

/// Whether a change belongs to a group of the report.
type Keep = fn(&What) -> bool;

/// The changes as a Markdown section, grouped: added, removed, moved, changed, re-rated, and
/// the action plan; with a one-line summary of the counts first.
pub fn to_markdown(changes: &[Change], old_name: &str, new_name: &str) -> String {
    let md = |s: &str| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    let mut out = format!("# What changed: {} → {}\n\n", md(old_name), md(new_name));
    if changes.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    let groups: [(&str, Keep); 6] = [
        ("Added", |w| *w == What::Added),
        ("Removed", |w| *w == What::Removed),
        ("Moved", |w| matches!(w, What::Moved { .. })),
        ("Changed", |w| *w == What::Changed),
        ("Re-rated", |w| *w == What::Rerated),
        ("Action plan", |w| *w == What::Plan),
    ];
    let counts: Vec<String> = groups
        .iter()
        .filter_map(|(title, keep)| {
            let n = changes.iter().filter(|c| keep(&c.what)).count();
            (n > 0).then(|| format!("{n} {}", title.to_lowercase()))
        })
        .collect();
    out.push_str(&format!("{}.\n", counts.join(", ")));
    for (title, keep) in groups {
        let items: Vec<&Change> = changes.iter().filter(|c| keep(&c.what)).collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {title}\n\n"));
        for c in items {
            let text = match &c.what {
                What::Moved { from, to } => {
                    format!(
                        "{}: {} / {} → **{} / {}**",
                        md(&subject(c)),
                        md(&from.0),
                        md(&from.1),
                        md(&to.0),
                        md(&to.1)
                    )
                }
                What::Added | What::Removed => match c.fields.first() {
                    Some(cell) if c.element == Element::Card => format!("{} ({})", md(&subject(c)), md(&cell.new)),
                    _ => md(&subject(c)),
                },
                _ => {
                    let f: Vec<String> = c
                        .fields
                        .iter()
                        .map(|f| format!("{}: {} → **{}**", md(&f.name), md(&f.old), md(&f.new)))
                        .collect();
                    format!("{} — {}", md(&subject(c)), f.join("; "))
                }
            };
            out.push_str(&format!("- {text}\n"));
        }
    }
    out
}
