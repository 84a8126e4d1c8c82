//! The presentation's own actions and their keys (a clicker's Page Down, B for a black
//! screen, …), for the presentation mode and its help.

use egui::{Key, KeyboardShortcut, Modifiers};

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// Something the keyboard does while presenting. A presenter's clicker sends Page Up, Page
/// Down, B or "." and F5 / Esc; all of them are here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentAction {
    Next,
    Previous,
    First,
    Last,
    Black,
    White,
    Exit,
    AddCard,
    Timer,
    VotePanel,
    RevealLanes,
    Theme,
}

/// One row of the presentation's key table.
pub struct PresentDef {
    pub action: PresentAction,
    /// English and Finnish.
    pub help: [&'static str; 2],
    pub shortcuts: &'static [KeyboardShortcut],
}

/// The presentation's keys; the handler and the help read this table.
pub const PRESENT_ACTIONS: &[PresentDef] = &[
    PresentDef {
        action: PresentAction::Next,
        help: ["Next step", "Seuraava vaihe"],
        shortcuts: &[
            plain(Key::PageDown),
            plain(Key::ArrowRight),
            plain(Key::ArrowDown),
            plain(Key::Space),
            plain(Key::Enter),
        ],
    },
    PresentDef {
        action: PresentAction::Previous,
        help: ["Previous step", "Edellinen vaihe"],
        shortcuts: &[plain(Key::PageUp), plain(Key::ArrowLeft), plain(Key::ArrowUp), plain(Key::Backspace)],
    },
    PresentDef {
        action: PresentAction::First,
        help: ["First step", "Ensimmäinen vaihe"],
        shortcuts: &[plain(Key::Home)],
    },
    PresentDef { action: PresentAction::Last, help: ["Last step", "Viimeinen vaihe"], shortcuts: &[plain(Key::End)] },
    PresentDef {
        action: PresentAction::Black,
        help: ["Black screen (any key returns)", "Musta ruutu (mikä tahansa näppäin palaa)"],
        shortcuts: &[plain(Key::B), plain(Key::Period)],
    },
    PresentDef {
        action: PresentAction::White,
        help: ["White screen (any key returns)", "Valkoinen ruutu (mikä tahansa näppäin palaa)"],
        shortcuts: &[plain(Key::W), plain(Key::Comma)],
    },
    PresentDef {
        action: PresentAction::Exit,
        help: ["End the presentation", "Lopeta esitys"],
        shortcuts: &[plain(Key::Escape), plain(Key::F5)],
    },
    PresentDef {
        action: PresentAction::AddCard,
        help: ["Add a card in this stage and type it", "Lisää kortti tähän vaiheeseen ja kirjoita"],
        shortcuts: &[plain(Key::N)],
    },
    PresentDef { action: PresentAction::Timer, help: ["Timer", "Ajastin"], shortcuts: &[plain(Key::T)] },
    PresentDef {
        action: PresentAction::VotePanel,
        help: ["Dot vote: start one, or show the tally", "Pisteäänestys: aloita tai näytä tulokset"],
        shortcuts: &[plain(Key::V)],
    },
    PresentDef {
        action: PresentAction::RevealLanes,
        help: ["Reveal lanes one by one, on or off", "Kaistat yksi kerrallaan, päälle tai pois"],
        shortcuts: &[plain(Key::L)],
    },
    PresentDef {
        action: PresentAction::Theme,
        help: ["Next theme (projector, light, dark)", "Seuraava teema (projektori, vaalea, tumma)"],
        shortcuts: &[plain(Key::P)],
    },
];

/// Presentation help lines that are not single keys (mouse, numbers): what to press, in
/// English and Finnish, then what it does, in English and Finnish.
pub const PRESENT_EXTRA: &[[&str; 4]] = &[
    ["Number, then Enter", "Numero ja Enter", "Go to that step", "Siirry siihen vaiheeseen"],
    ["1 … 5", "1 … 5", "Rate the selected card −2 … +2", "Arvioi valittu kortti −2 … +2"],
    [
        "Click a card or lane",
        "Napsauta korttia tai kaistaa",
        "Spotlight it (click again to clear)",
        "Korosta se (uusi napsautus poistaa)",
    ],
    ["Double-click a cell", "Kaksoisnapsauta solua", "Add a card there", "Lisää kortti siihen"],
    [
        "Click a card in a vote",
        "Napsauta korttia äänestyksessä",
        "+1 dot (Shift+click or right click: −1)",
        "+1 piste (Vaihto+napsautus tai oikea painike: −1)",
    ],
    ["Ctrl+Z / Ctrl+Shift+Z", "Ctrl+Z / Ctrl+Vaihto+Z", "Undo / redo", "Kumoa / tee uudelleen"],
    [
        "F11 or double-click (own window)",
        "F11 tai kaksoisnapsautus (oma ikkuna)",
        "Full screen on/off",
        "Koko näyttö päälle/pois",
    ],
];
