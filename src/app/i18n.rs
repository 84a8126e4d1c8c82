//! The user interface's words in English and Finnish.

use serde::{Deserialize, Serialize};

/// The language of menus and dialogs (a preference; the map has its own language).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UiLanguage {
    #[default]
    English,
    Finnish,
}

impl UiLanguage {
    /// The language a first start picks: Finnish on a Finnish desktop (`LC_ALL`,
    /// `LC_MESSAGES` or `LANG` as `fi_FI.UTF-8`, `fi`…), English elsewhere.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> UiLanguage {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(var).find(|v| !v.is_empty());
        match locale {
            Some(l) if l == "fi" || l.starts_with("fi_") || l.starts_with("fi.") || l.starts_with("fi@") => {
                UiLanguage::Finnish
            }
            _ => UiLanguage::English,
        }
    }

    /// The same language as the document layer names it (for messages worded there).
    pub fn as_language(self) -> crate::model::Language {
        match self {
            UiLanguage::English => crate::model::Language::English,
            UiLanguage::Finnish => crate::model::Language::Finnish,
        }
    }
}

/// Every string the user interface shows.
pub struct Tr {
    pub file: &'static str,
    pub new_map: &'static str,
    pub preset_english: &'static str,
    pub preset_finnish: &'static str,
    pub open: &'static str,
    pub open_recent: &'static str,
    pub no_recent: &'static str,
    pub clear_recent: &'static str,
    pub save: &'static str,
    pub save_as: &'static str,
    pub export_png: &'static str,
    pub quit: &'static str,
    pub view: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub fit: &'static str,
    pub actual_size: &'static str,
    pub theme: &'static str,
    pub light: &'static str,
    pub dark: &'static str,
    pub projector: &'static str,
    pub language: &'static str,
    pub saved: &'static str,
    pub opened: &'static str,
    pub read_only: &'static str,
    pub drop_to_open: &'static str,
    pub not_a_map_file: &'static str,
    pub opened_from_image: &'static str,
    pub export_title: &'static str,
    pub resolution: &'static str,
    pub scale: &'static str,
    pub dpi: &'static str,
    pub background: &'static str,
    pub white: &'static str,
    pub transparent: &'static str,
    pub margin: &'static str,
    pub vote_dots: &'static str,
    pub map_inside: &'static str,
    pub map_inside_hint: &'static str,
    pub plan_badges: &'static str,
    pub not_opened: &'static str,
    pub plan_badges_hint: &'static str,
    pub image_size: &'static str,
    pub export_button: &'static str,
    pub cancel: &'static str,
    pub exporting: &'static str,
    pub exported: &'static str,
    pub export_failed: &'static str,
    pub cards: &'static str,
    pub unsaved_sample: &'static str,
    pub map_canvas: &'static str,
}

const EN: Tr = Tr {
    file: "File",
    new_map: "New",
    preset_english: "English",
    preset_finnish: "Finnish",
    open: "Open…",
    open_recent: "Open Recent",
    no_recent: "No recent maps",
    clear_recent: "Clear list",
    save: "Save",
    save_as: "Save As…",
    export_png: "Export Map…",
    quit: "Quit",
    view: "View",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    fit: "Fit to window",
    actual_size: "Actual size (100 %)",
    theme: "Theme",
    light: "Light",
    dark: "Dark",
    projector: "Projector",
    language: "Language",
    saved: "Saved",
    opened: "Opened",
    read_only: "Read-only",
    drop_to_open: "Drop a .ron map, or an image exported by Polku, to open it",
    not_a_map_file: "Only Polku maps (.ron) and images exported by Polku (.png) can be opened",
    opened_from_image: "Opened the map kept inside the image; Save makes it a .ron map of its own",
    export_title: "Export the map (PNG, SVG, PDF)",
    resolution: "Resolution",
    scale: "Scale",
    dpi: "DPI",
    background: "Background",
    white: "White",
    transparent: "Transparent",
    margin: "Margin",
    vote_dots: "Vote dots",
    map_inside: "Map inside",
    map_inside_hint: "Keep the map in the image, so it opens again in Polku",
    plan_badges: "Plan badges",
    not_opened: "could not be opened",
    plan_badges_hint: "Priority and status on the cards and arrows of the action plan",
    image_size: "Image size",
    export_button: "Export…",
    cancel: "Cancel",
    exporting: "Exporting…",
    exported: "Exported",
    export_failed: "Export failed",
    cards: "cards",
    unsaved_sample: "not saved yet",
    map_canvas: "Journey map canvas",
};

const FI: Tr = Tr {
    file: "Tiedosto",
    new_map: "Uusi",
    preset_english: "Englanniksi",
    preset_finnish: "Suomeksi",
    open: "Avaa…",
    open_recent: "Avaa viimeisimpiä",
    no_recent: "Ei viimeisimpiä karttoja",
    clear_recent: "Tyhjennä lista",
    save: "Tallenna",
    save_as: "Tallenna nimellä…",
    export_png: "Vie kartta…",
    quit: "Lopeta",
    view: "Näytä",
    zoom_in: "Lähennä",
    zoom_out: "Loitonna",
    fit: "Sovita ikkunaan",
    actual_size: "Todellinen koko (100 %)",
    theme: "Teema",
    light: "Vaalea",
    dark: "Tumma",
    projector: "Projektori",
    language: "Kieli",
    saved: "Tallennettu",
    opened: "Avattu",
    read_only: "Vain luku",
    drop_to_open: "Pudota .ron-kartta tai Polusta viety kuva avataksesi sen",
    not_a_map_file: "Vain Polku-karttoja (.ron) ja Polusta vietyjä kuvia (.png) voi avata",
    opened_from_image: "Avattiin kuvaan tallennettu kartta; Tallenna tekee siitä oman .ron-kartan",
    export_title: "Vie kartta (PNG, SVG, PDF)",
    resolution: "Tarkkuus",
    scale: "Skaala",
    dpi: "DPI",
    background: "Tausta",
    white: "Valkoinen",
    transparent: "Läpinäkyvä",
    margin: "Reunus",
    vote_dots: "Äänestyspisteet",
    map_inside: "Kartta mukana",
    map_inside_hint: "Säilytä kartta kuvassa, jotta se aukeaa taas Polussa",
    plan_badges: "Toimenpidemerkit",
    not_opened: "ei auennut",
    plan_badges_hint: "Prioriteetti ja tila toimenpidesuunnitelman korteissa ja nuolissa",
    image_size: "Kuvan koko",
    export_button: "Vie…",
    cancel: "Peruuta",
    exporting: "Viedään…",
    exported: "Viety",
    export_failed: "Vienti epäonnistui",
    cards: "korttia",
    unsaved_sample: "ei vielä tallennettu",
    map_canvas: "Asiakaspolkukartta",
};

/// The strings of a language.
pub fn tr(language: UiLanguage) -> &'static Tr {
    match language {
        UiLanguage::English => &EN,
        UiLanguage::Finnish => &FI,
    }
}

/// An undo step's name, as the Edit menu shows it after "Undo" / "Kumoa".
pub fn step_name(step: crate::edit::StepName, language: UiLanguage) -> &'static str {
    use crate::edit::StepName::*;
    let (en, fi) = match step {
        EditMapDetails => ("Map Details", "kartan tietojen muokkaus"),
        EditPersona => ("Persona", "persoonan muokkaus"),
        EditEmotionScale => ("Emotion Scale", "tunneasteikon muokkaus"),
        AddStage => ("Add Stage", "vaiheen lisäys"),
        DeleteStage => ("Delete Stage", "vaiheen poisto"),
        EditStage => ("Edit Stage", "vaiheen muokkaus"),
        MoveStage => ("Move Stage", "vaiheen siirto"),
        ResizeStage => ("Stage Width", "vaiheen leveys"),
        AddLane => ("Add Lane", "kaistan lisäys"),
        DeleteLane => ("Delete Lane", "kaistan poisto"),
        EditLane => ("Edit Lane", "kaistan muokkaus"),
        MoveLane => ("Move Lane", "kaistan siirto"),
        AddCard => ("Add Card", "kortin lisäys"),
        AddCards => ("Add Cards", "korttien lisäys"),
        DeleteCard => ("Delete Card", "kortin poisto"),
        DeleteCards => ("Delete Cards", "korttien poisto"),
        EditCard => ("Edit Card", "kortin muokkaus"),
        MoveCard => ("Move Card", "kortin siirto"),
        Rename => ("Rename", "nimen muutos"),
        SetEmotion => ("Emotion", "tunteen asetus"),
        Duplicate => ("Duplicate", "monistus"),
        Paste => ("Paste", "liitä"),
        PasteCards => ("Paste Cards", "korttien liittäminen"),
        Delete => ("Delete", "poisto"),
        AddArrow => ("Add Arrow", "nuolen lisäys"),
        DeleteArrow => ("Delete Arrow", "nuolen poisto"),
        EditArrow => ("Edit Arrow", "nuolen muokkaus"),
        AddToPlan => ("Add to Action Plan", "lisäys toimenpidesuunnitelmaan"),
        RemoveFromPlan => ("Remove from Action Plan", "poisto toimenpidesuunnitelmasta"),
        StartVote => ("Start Vote", "äänestyksen aloitus"),
        DeleteVoteRound => ("Delete Vote", "äänestyksen poisto"),
        Vote => ("Vote", "äänestys"),
        VoteResultsToPlan => ("Vote Results to Action Plan", "äänestyksen tulokset suunnitelmaan"),
        PresentationOptions => ("Presentation Options", "esitysasetukset"),
        AddTemplate => ("Stages from a Template", "vaiheiden lisäys pohjasta"),
        ChannelPriority => ("Channel Priority", "kanavan prioriteetti"),
        AddPersona => ("Add Persona", "persoonan lisäys"),
        DuplicatePersona => ("Duplicate Persona", "persoonan monistus"),
        DeletePersona => ("Delete Persona", "persoonan poisto"),
        MovePersona => ("Move Persona", "persoonan siirto"),
        SetTarget => ("Target Emotion", "tavoitetunteen asetus"),
        SetCardPersonas => ("Card's Personas", "kortin persoonat"),
        KeepVersion => ("Save Version", "version tallennus"),
        DeleteVersion => ("Delete Version", "version poisto"),
        RestoreVersion => ("Restore Version", "version palautus"),
    };
    if language == UiLanguage::Finnish { fi } else { en }
}

#[cfg(test)]
mod tests {
    use super::UiLanguage;

    #[test]
    fn a_finnish_locale_starts_in_finnish_and_lc_all_wins_over_lang() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(UiLanguage::from_locale(env(&[("LANG", "fi_FI.UTF-8")])), UiLanguage::Finnish);
        assert_eq!(UiLanguage::from_locale(env(&[("LANG", "fi_FI.UTF-8"), ("LC_ALL", "C")])), UiLanguage::English);
        assert_eq!(UiLanguage::from_locale(env(&[("LC_ALL", ""), ("LANG", "fi")])), UiLanguage::Finnish);
        assert_eq!(UiLanguage::from_locale(env(&[("LANG", "fil_PH.UTF-8")])), UiLanguage::English);
        assert_eq!(UiLanguage::from_locale(env(&[])), UiLanguage::English);
    }
}
