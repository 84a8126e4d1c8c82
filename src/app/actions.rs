//! Actions as data: label, shortcut(s) and whether it needs a selection. The menus, the
//! shortcut handler and the help overlay all read this one table.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Something the user can do from a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Open,
    Save,
    SaveAs,
    Export,
    Quit,
    Undo,
    Redo,
    Delete,
    Duplicate,
    Copy,
    /// Puts a picture of the map (or of the selected stages) on the clipboard.
    CopyImage,
    Cut,
    Paste,
    SelectAll,
    AddCard,
    Edit,
    NextCell,
    PreviousCell,
    SelectLeft,
    SelectRight,
    SelectUp,
    SelectDown,
    ZoomIn,
    ZoomOut,
    Fit,
    ActualSize,
    Help,
    Deselect,
    ExportPlan,
    /// Shows or hides the action plan panel.
    ActionPlan,
    /// Puts the selected cards and arrows into the action plan, or takes them out.
    ToggleImprovement,
    /// Sets the emotion (−2…+2) of the selected cards.
    Emotion(i8),
    /// Presents the map from its title (on the other screen when there are two).
    Present,
    /// Presents from the stage of the selection.
    PresentFromHere,
    /// Presents in a second window that can be dragged to a projector.
    PresentInWindow,
    /// Shows the timer's controls.
    Timer,
    /// Starts a dot vote.
    StartVote,
    /// Shows the dot-vote panel.
    VotePanel,
    /// Writes one PNG per presentation step.
    ExportSlides,
    /// Shows or hides the SWOT analyses of the stages.
    SwotView,
    /// Writes the stages' SWOT analyses as Markdown.
    ExportSwot,
    /// Compares the map with another version of it (compare mode).
    CompareWith,
    /// Keeps a named, dated copy of the map in its file.
    SaveVersion,
    /// Lists the versions kept in the map's file.
    Versions,
}

/// One row of the table.
pub struct ActionDef {
    pub action: Action,
    /// English and Finnish.
    pub label: [&'static str; 2],
    pub help: [&'static str; 2],
    pub shortcuts: &'static [KeyboardShortcut],
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}
const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}
const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}
const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

/// Every action. Order matters: the first matching shortcut wins, so Ctrl+Shift+S comes
/// before Ctrl+S.
pub const ACTIONS: &[ActionDef] = &[
    ActionDef {
        action: Action::SaveAs,
        label: ["Save As…", "Tallenna nimellä…"],
        help: ["Save to a new file", "Tallenna uuteen tiedostoon"],
        shortcuts: &[cmd_shift(Key::S)],
    },
    ActionDef {
        action: Action::Save,
        label: ["Save", "Tallenna"],
        help: ["Save the map", "Tallenna kartta"],
        shortcuts: &[cmd(Key::S)],
    },
    ActionDef {
        action: Action::Open,
        label: ["Open…", "Avaa…"],
        help: ["Open a map file", "Avaa karttatiedosto"],
        shortcuts: &[cmd(Key::O)],
    },
    ActionDef {
        action: Action::Export,
        label: ["Export Map…", "Vie kartta…"],
        help: ["Export the map as a PNG or SVG picture or a PDF", "Vie kartta PNG- tai SVG-kuvana tai PDF:nä"],
        shortcuts: &[cmd(Key::E)],
    },
    ActionDef {
        action: Action::Quit,
        label: ["Quit", "Lopeta"],
        help: ["Close Polku", "Sulje Polku"],
        shortcuts: &[cmd(Key::Q)],
    },
    ActionDef {
        action: Action::Redo,
        label: ["Redo", "Tee uudelleen"],
        help: ["Redo the last undone step", "Tee kumottu vaihe uudelleen"],
        shortcuts: &[cmd_shift(Key::Z), cmd(Key::Y)],
    },
    ActionDef {
        action: Action::Undo,
        label: ["Undo", "Kumoa"],
        help: ["Undo the last step", "Kumoa viimeisin vaihe"],
        shortcuts: &[cmd(Key::Z)],
    },
    ActionDef {
        action: Action::Delete,
        label: ["Delete", "Poista"],
        help: ["Delete the selection", "Poista valinta"],
        shortcuts: &[plain(Key::Delete), plain(Key::Backspace)],
    },
    ActionDef {
        action: Action::Duplicate,
        label: ["Duplicate", "Monista"],
        help: ["Duplicate the selected cards", "Monista valitut kortit"],
        shortcuts: &[cmd(Key::D)],
    },
    ActionDef {
        action: Action::CopyImage,
        label: ["Copy as Image", "Kopioi kuvana"],
        help: [
            "Copy the map, or the selected stages, as a picture for a document or a chat",
            "Kopioi kartta tai valitut vaiheet kuvana asiakirjaan tai keskusteluun",
        ],
        shortcuts: &[cmd_shift(Key::C)],
    },
    ActionDef {
        action: Action::Copy,
        label: ["Copy", "Kopioi"],
        help: ["Copy cards (as RON text)", "Kopioi kortit (RON-tekstinä)"],
        shortcuts: &[],
    },
    ActionDef { action: Action::Cut, label: ["Cut", "Leikkaa"], help: ["Cut cards", "Leikkaa kortit"], shortcuts: &[] },
    ActionDef {
        action: Action::Paste,
        label: ["Paste", "Liitä"],
        help: ["Paste cards into the selected cell", "Liitä kortit valittuun soluun"],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::SelectAll,
        label: ["Select all cards", "Valitse kaikki kortit"],
        help: ["Select every card", "Valitse kaikki kortit"],
        shortcuts: &[cmd(Key::A)],
    },
    ActionDef {
        action: Action::AddCard,
        label: ["Add card", "Lisää kortti"],
        help: ["Add a card to the current cell", "Lisää kortti nykyiseen soluun"],
        shortcuts: &[plain(Key::N)],
    },
    ActionDef {
        action: Action::Edit,
        label: ["Edit", "Muokkaa"],
        help: ["Edit the selected card's title", "Muokkaa valitun kortin otsikkoa"],
        shortcuts: &[plain(Key::Enter), plain(Key::F2)],
    },
    ActionDef {
        action: Action::PreviousCell,
        label: ["Previous cell", "Edellinen solu"],
        help: ["Go to the previous cell", "Siirry edelliseen soluun"],
        shortcuts: &[shift(Key::Tab)],
    },
    ActionDef {
        action: Action::NextCell,
        label: ["Next cell", "Seuraava solu"],
        help: ["Go to the next cell", "Siirry seuraavaan soluun"],
        shortcuts: &[plain(Key::Tab)],
    },
    ActionDef {
        action: Action::SelectLeft,
        label: ["Select left", "Valitse vasemmalta"],
        help: ["Select the card to the left", "Valitse kortti vasemmalta"],
        shortcuts: &[plain(Key::ArrowLeft)],
    },
    ActionDef {
        action: Action::SelectRight,
        label: ["Select right", "Valitse oikealta"],
        help: ["Select the card to the right", "Valitse kortti oikealta"],
        shortcuts: &[plain(Key::ArrowRight)],
    },
    ActionDef {
        action: Action::SelectUp,
        label: ["Select up", "Valitse ylhäältä"],
        help: ["Select the card above", "Valitse kortti yläpuolelta"],
        shortcuts: &[plain(Key::ArrowUp)],
    },
    ActionDef {
        action: Action::SelectDown,
        label: ["Select down", "Valitse alhaalta"],
        help: ["Select the card below", "Valitse kortti alapuolelta"],
        shortcuts: &[plain(Key::ArrowDown)],
    },
    ActionDef {
        action: Action::ZoomIn,
        label: ["Zoom in", "Lähennä"],
        help: ["Zoom in", "Lähennä"],
        shortcuts: &[cmd(Key::Plus), cmd(Key::Equals)],
    },
    ActionDef {
        action: Action::ZoomOut,
        label: ["Zoom out", "Loitonna"],
        help: ["Zoom out", "Loitonna"],
        shortcuts: &[cmd(Key::Minus)],
    },
    ActionDef {
        action: Action::Fit,
        label: ["Fit to window", "Sovita ikkunaan"],
        help: ["Show the whole map", "Näytä koko kartta"],
        shortcuts: &[cmd(Key::Num0)],
    },
    ActionDef {
        action: Action::ActualSize,
        label: ["Actual size (100 %)", "Todellinen koko (100 %)"],
        help: ["Zoom to 100 %", "Zoomaa 100 %:iin"],
        shortcuts: &[cmd(Key::Num1)],
    },
    ActionDef {
        action: Action::ExportPlan,
        label: ["Export action plan…", "Vie toimenpidesuunnitelma…"],
        help: [
            "Save the improvement items as an Excel workbook, CSV or Markdown",
            "Tallenna parannuskohteet Excel-, CSV- tai Markdown-muodossa",
        ],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::CompareWith,
        label: ["Compare with…", "Vertaa…"],
        help: [
            "Show what changed since another version of this map (a map file, or an image or PDF of it)",
            "Näytä, mikä on muuttunut kartan toisesta versiosta (karttatiedosto tai sen kuva tai PDF)",
        ],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::SaveVersion,
        label: ["Save version…", "Tallenna versio…"],
        help: [
            "Keep the map as it is now, named and dated, inside its file (before a review or a workshop)",
            "Tallenna kartta sellaisena kuin se nyt on, nimettynä ja päivättynä, sen omaan tiedostoon",
        ],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::Versions,
        label: ["Versions…", "Versiot…"],
        help: [
            "The versions kept in the map's file: open one, compare it with the map, restore or delete it",
            "Karttatiedostoon tallennetut versiot: avaa, vertaa nykyiseen, palauta tai poista",
        ],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::ExportSwot,
        label: ["Export SWOT analysis…", "Vie SWOT-analyysi…"],
        help: [
            "Save the stages' SWOT analyses as Markdown, a 2×2 table per stage",
            "Tallenna vaiheiden SWOT-analyysit Markdown-muodossa, 2×2-taulukko vaihetta kohden",
        ],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::SwotView,
        label: ["SWOT analysis", "SWOT-analyysi"],
        help: [
            "Show the strengths, weaknesses, opportunities and threats of every stage",
            "Näytä jokaisen vaiheen vahvuudet, heikkoudet, mahdollisuudet ja uhat",
        ],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::ActionPlan,
        label: ["Action plan", "Toimenpidesuunnitelma"],
        help: [
            "Show or hide the action plan: a table and a value × effort matrix",
            "Näytä tai piilota toimenpidesuunnitelma: taulukko ja arvo × työmäärä -nelikenttä",
        ],
        shortcuts: &[cmd(Key::J)],
    },
    ActionDef {
        action: Action::ToggleImprovement,
        label: ["Improvement item", "Parannuskohde"],
        help: [
            "Put the selected cards and arrows into the action plan, or take them out",
            "Lisää valitut kortit ja nuolet toimenpidesuunnitelmaan tai poista ne siitä",
        ],
        shortcuts: &[plain(Key::I)],
    },
    ActionDef {
        action: Action::Emotion(-2),
        label: ["Emotion −2", "Tunne −2"],
        help: ["Rate the selected cards −2 (very negative)", "Arvioi valitut kortit −2 (erittäin kielteinen)"],
        shortcuts: &[plain(Key::Num1)],
    },
    ActionDef {
        action: Action::Emotion(-1),
        label: ["Emotion −1", "Tunne −1"],
        help: ["Rate the selected cards −1", "Arvioi valitut kortit −1"],
        shortcuts: &[plain(Key::Num2)],
    },
    ActionDef {
        action: Action::Emotion(0),
        label: ["Emotion 0", "Tunne 0"],
        help: ["Rate the selected cards 0 (neutral)", "Arvioi valitut kortit 0 (neutraali)"],
        shortcuts: &[plain(Key::Num3)],
    },
    ActionDef {
        action: Action::Emotion(1),
        label: ["Emotion +1", "Tunne +1"],
        help: ["Rate the selected cards +1", "Arvioi valitut kortit +1"],
        shortcuts: &[plain(Key::Num4)],
    },
    ActionDef {
        action: Action::Emotion(2),
        label: ["Emotion +2", "Tunne +2"],
        help: ["Rate the selected cards +2 (very positive)", "Arvioi valitut kortit +2 (erittäin myönteinen)"],
        shortcuts: &[plain(Key::Num5)],
    },
    ActionDef {
        action: Action::Deselect,
        label: ["Select nothing", "Poista valinta"],
        help: ["Clear the selection (or cancel a drag)", "Tyhjennä valinta (tai peru veto)"],
        shortcuts: &[plain(Key::Escape)],
    },
    ActionDef {
        action: Action::PresentFromHere,
        label: ["Present from this stage", "Esitä tästä vaiheesta"],
        help: ["Present, starting at the selected stage", "Esitä valitusta vaiheesta alkaen"],
        shortcuts: &[shift(Key::F5)],
    },
    ActionDef {
        action: Action::Present,
        label: ["Present", "Esitä"],
        help: [
            "Present the map full screen, stage by stage (on the other screen when there are two)",
            "Esitä kartta koko näytöllä vaihe kerrallaan (toisella näytöllä, jos niitä on kaksi)",
        ],
        shortcuts: &[plain(Key::F5)],
    },
    ActionDef {
        action: Action::PresentInWindow,
        label: ["Present in a window", "Esitä ikkunassa"],
        help: [
            "Open the presentation in its own window to drag to a projector (F11: full screen)",
            "Avaa esitys omaan ikkunaansa vedettäväksi projektorille (F11: koko näyttö)",
        ],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::Timer,
        label: ["Timer…", "Ajastin…"],
        help: ["A countdown for an exercise", "Ajastin harjoitukselle"],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::StartVote,
        label: ["Start a dot vote…", "Aloita pisteäänestys…"],
        help: ["Let the room put dots on the cards", "Anna ryhmän jakaa pisteitä korteille"],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::VotePanel,
        label: ["Dot vote", "Pisteäänestys"],
        help: ["Show the tally of the dot votes", "Näytä pisteäänestyksen tulokset"],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::ExportSlides,
        label: ["Export slides…", "Vie diat…"],
        help: [
            "One PNG per presentation step, for a PC without Polku",
            "Yksi PNG-kuva esityksen vaihetta kohden koneelle, jolla ei ole Polkua",
        ],
        shortcuts: &[],
    },
    ActionDef {
        action: Action::Help,
        label: ["Keyboard shortcuts", "Pikanäppäimet"],
        help: ["Show this help", "Näytä tämä ohje"],
        shortcuts: &[plain(Key::F1), shift(Key::Questionmark), plain(Key::Questionmark)],
    },
];

pub use super::present_actions::{PRESENT_ACTIONS, PRESENT_EXTRA, PresentAction, PresentDef};

/// Keys the platform turns into events rather than shortcuts (copy, cut, paste arrive as
/// `Event::Copy` and so on): shown in menus and the help, never matched by the handler.
pub fn platform_keys(action: Action) -> &'static [KeyboardShortcut] {
    const COPY: [KeyboardShortcut; 1] = [cmd(Key::C)];
    const CUT: [KeyboardShortcut; 1] = [cmd(Key::X)];
    const PASTE: [KeyboardShortcut; 1] = [cmd(Key::V)];
    match action {
        Action::Copy => &COPY,
        Action::Cut => &CUT,
        Action::Paste => &PASTE,
        _ => &[],
    }
}

/// Every key of an action, for menus and the help.
pub fn keys_of(def: &ActionDef) -> impl Iterator<Item = &'static KeyboardShortcut> {
    def.shortcuts.iter().chain(platform_keys(def.action))
}

/// The groups the help shows actions in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    File,
    Edit,
    Move,
    View,
    Workshop,
}

impl Group {
    /// In the help's order.
    pub const ALL: [Group; 5] = [Group::File, Group::Edit, Group::Move, Group::View, Group::Workshop];

    /// The group's heading, English and Finnish.
    pub fn name(self) -> [&'static str; 2] {
        match self {
            Group::File => ["File", "Tiedosto"],
            Group::Edit => ["Editing", "Muokkaus"],
            Group::Move => ["Moving around", "Liikkuminen"],
            Group::View => ["View", "Näkymä"],
            Group::Workshop => ["Workshop", "Työpaja"],
        }
    }

    /// The group of an action.
    pub fn of(action: Action) -> Group {
        use Action::*;
        match action {
            Open | Save | SaveAs | Export | ExportPlan | ExportSwot | ExportSlides | CompareWith | SaveVersion
            | Versions | Quit => Group::File,
            NextCell | PreviousCell | SelectLeft | SelectRight | SelectUp | SelectDown | SelectAll | Deselect => {
                Group::Move
            }
            ZoomIn | ZoomOut | Fit | ActualSize | Help | ActionPlan | SwotView => Group::View,
            Present | PresentFromHere | PresentInWindow | Timer | StartVote | VotePanel => Group::Workshop,
            Undo | Redo | Delete | Duplicate | Copy | CopyImage | Cut | Paste | AddCard | Edit | ToggleImprovement
            | Emotion(_) => Group::Edit,
        }
    }
}

/// The table row of an action.
pub fn def(action: Action) -> Option<&'static ActionDef> {
    ACTIONS.iter().find(|d| d.action == action)
}

impl ActionDef {
    /// Whether a shortcut of this action must not fire while a text field has the keyboard
    /// (plain keys like N, Delete or arrows are typing there).
    pub fn is_plain_key(shortcut: &KeyboardShortcut) -> bool {
        // F1 (help) and F5 (present) act from anywhere, as in other programs.
        !matches!(shortcut.logical_key, Key::F1 | Key::F5)
            && !shortcut.modifiers.command
            && !shortcut.modifiers.ctrl
            && !shortcut.modifiers.alt
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_presentation_keys_are_the_same() {
        let mut seen = Vec::new();
        for d in PRESENT_ACTIONS {
            for s in d.shortcuts {
                assert!(!seen.contains(s), "{:?} is taken twice", s);
                seen.push(*s);
            }
        }
    }

    #[test]
    fn no_two_actions_share_a_shortcut() {
        let mut seen = Vec::new();
        for d in ACTIONS {
            for s in d.shortcuts {
                assert!(!seen.contains(s), "{:?} is taken twice", s);
                seen.push(*s);
            }
        }
    }
}
