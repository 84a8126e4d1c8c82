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
        label: ["Export PNG…", "Vie PNG-kuvaksi…"],
        help: ["Export the map as an image", "Vie kartta kuvana"],
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
        help: ["Save the improvement items as CSV or Markdown", "Tallenna parannuskohteet CSV- tai Markdown-muodossa"],
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
        action: Action::Help,
        label: ["Keyboard shortcuts", "Pikanäppäimet"],
        help: ["Show this help", "Näytä tämä ohje"],
        shortcuts: &[plain(Key::F1), shift(Key::Questionmark), plain(Key::Questionmark)],
    },
];

/// The table row of an action.
pub fn def(action: Action) -> Option<&'static ActionDef> {
    ACTIONS.iter().find(|d| d.action == action)
}

impl ActionDef {
    /// Whether a shortcut of this action must not fire while a text field has the keyboard
    /// (plain keys like N, Delete or arrows are typing there).
    pub fn is_plain_key(shortcut: &KeyboardShortcut) -> bool {
        !shortcut.logical_key.eq(&Key::F1)
            && !shortcut.modifiers.command
            && !shortcut.modifiers.ctrl
            && !shortcut.modifiers.alt
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
