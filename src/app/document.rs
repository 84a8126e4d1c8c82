//! The open document and the derived layout cache.
//!
//! The map is saved; the path and read-only reason are session state; the layout is a cache,
//! rebuilt only when the map, the theme or the screen's pixel density changes.

use crate::edit::{Command, EditError, History};
use crate::io;
use crate::layout::{self, Layout};
use crate::model::{CardId, JourneyMap};
use crate::theme::{Theme, ThemeKind};
use std::path::PathBuf;

/// A map open in the window.
pub struct Document {
    pub map: JourneyMap,
    /// The file it was read from or saved to; `None` for a sample or a new map.
    pub path: Option<PathBuf>,
    /// Set when saving over `path` must be refused, with the reason.
    pub read_only: Option<crate::io::LoadError>,
    /// Bumped on every change of `map`, so caches know when to rebuild.
    pub generation: u64,
    /// Undo and redo; the one door through which the map changes.
    pub history: History,
    /// Restored from a recovery file: unsaved until saved, whatever the history says.
    pub recovered: bool,
    /// The exported image this map was read out of (it has no map file yet).
    pub from_image: Option<PathBuf>,
    /// Modification time and size of `path` when it was opened or last saved, to notice
    /// another program (or another Polku) changing the file meanwhile.
    pub disk_stamp: Option<(std::time::SystemTime, u64)>,
    /// Layouts by map generation, theme and pixel density; two are kept, because presenting
    /// shows the map in the projector theme while the editor keeps its own.
    cache: Vec<(u64, Look, u32, Layout)>,
    /// A layout being made on a worker thread before it is needed.
    warming: Option<Warming>,
    /// What a view at the map's top-left corner shows, laid out first when a large map opens;
    /// shown until the whole layout for the same key, being made meanwhile (`warming`),
    /// arrives.
    view_first: Option<((u64, Look, u32), Layout)>,
    /// The frame the opening view was first shown in.
    view_first_shown: Option<u64>,
    /// What each recent change did, by the generation it made (`None`: anything but cards
    /// changed), so that a cached layout of an earlier generation can be brought up to date
    /// instead of made anew. Kept back to the oldest cached layout.
    edits: Vec<(u64, Option<Edit>)>,
    /// How many layouts were made from scratch (not patched, no card taken from an earlier
    /// layout): for tests and measurements.
    pub full_layouts: u64,
}

/// What a change did to the map, as far as its layout is concerned.
#[derive(Clone, Debug)]
enum Edit {
    /// Only what these cards say changed (see [`layout::only_content_changed`]): an earlier
    /// layout is patched for them where they stand.
    Content(Vec<CardId>),
    /// Cards moved, came, went or changed otherwise, and nothing else did; these are the ones
    /// whose content changed, or that are new. The map is laid out again taking every other
    /// card from an earlier layout ([`layout::relayout`]).
    Cards(Vec<CardId>),
}

/// How a layout of an earlier generation is brought up to date.
enum Since {
    Patch(Vec<CardId>),
    Reuse(Vec<CardId>),
}

/// What applying `commands` in order to `map` does, as an [`Edit`]; `None` when it changes
/// anything but cards.
fn classify<'a>(map: &JourneyMap, commands: impl Iterator<Item = &'a Command>) -> Option<Edit> {
    fn flatten<'a>(c: &'a Command, out: &mut Vec<&'a Command>) {
        match c {
            Command::Batch(_, commands) => commands.iter().for_each(|c| flatten(c, out)),
            other => out.push(other),
        }
    }
    let mut flat = Vec::new();
    commands.for_each(|c| flatten(c, &mut flat));
    // A drop renumbers a whole cell, twice per frame of a drag (the preview undone, the next
    // applied): the cards are found in one pass, not searched for one by one.
    let updated =
        flat.iter().filter_map(|c| if let Command::UpdateCard(card) = c { Some(card.id.as_str()) } else { None });
    let places = crate::edit::card_places(map, updated);
    let (mut ids, mut only_content) = (Vec::new(), true);
    for c in flat {
        match c {
            Command::UpdateCard(new) => {
                let Some(old) = places.get(new.id.as_str()).and_then(|i| map.cards.get(*i)) else {
                    // Not in the map before: added earlier in the sequence, and laid out anew.
                    if ids.contains(&new.id) {
                        continue;
                    }
                    return None;
                };
                // Compared with the map before the whole sequence: a card changed and changed
                // back is counted as changed, which only costs its layout.
                if layout::only_content_changed(old, new) {
                    ids.push(new.id.clone());
                } else {
                    only_content = false;
                    if !layout::same_but_placed(old, new) {
                        ids.push(new.id.clone());
                    }
                }
            }
            Command::InsertCard { card, .. } => {
                only_content = false;
                ids.push(card.id.clone());
            }
            Command::RemoveCard(_) => only_content = false,
            _ => return None,
        }
    }
    Some(if only_content { Edit::Content(ids) } else { Edit::Cards(ids) })
}

/// A layout made ahead of need on a worker thread, for (generation, theme, pixel density).
struct Warming {
    key: (u64, Look, u32),
    rx: std::sync::mpsc::Receiver<Layout>,
    /// Tells the thread making a large map's whole layout to begin, once the window has shown
    /// the opening view: on two cores it would otherwise slow the first frame's painting.
    go: Option<std::sync::mpsc::Sender<()>>,
}

/// How long a thread waits to be told to begin making a whole layout before it begins anyway.
pub const GO_AT_LATEST: std::time::Duration = std::time::Duration::from_millis(500);

/// What of a theme a layout depends on besides its sizes: which theme, whether plan badges
/// take room on the cards, whether cards are coloured by their evidence, and whose journey
/// is shown.
type Look = (ThemeKind, bool, bool, Option<crate::model::PersonaId>);

fn look(theme: &Theme) -> Look {
    (theme.kind, theme.plan_badges, theme.evidence_colours, theme.journey_of.clone())
}

/// From this many cards, a layout takes long enough (≈ 30 ms and more) to make ahead of need,
/// and a map opens at 100 % on its start, laid out view first.
pub const WARM_FROM_CARDS: usize = 1000;

/// What a large map's opening view (100 %, the map's top-left corner) may show, in map units:
/// a maximised window on a large screen.
pub const OPENING_VIEW: layout::ViewFirst = layout::ViewFirst { right: 2560.0, bottom: 1600.0 };

/// How many layouts the cache keeps.
const CACHED_LAYOUTS: usize = 2;

impl Document {
    /// A document for `map`.
    pub fn new(map: JourneyMap, path: Option<PathBuf>, read_only: Option<crate::io::LoadError>) -> Document {
        Document {
            map,
            path,
            read_only,
            generation: 0,
            history: History::default(),
            recovered: false,
            from_image: None,
            disk_stamp: None,
            cache: Vec::new(),
            warming: None,
            view_first: None,
            view_first_shown: None,
            edits: Vec::new(),
            full_layouts: 0,
        }
    }

    /// Opens `path`; newer files open read-only.
    /// Opens `path`; newer files open read-only. A map inside an exported image opens with no
    /// file of its own (`from_image` is its image): saving asks for a new `.ron` file rather than
    /// write text over the picture.
    pub fn open(path: PathBuf) -> Result<Document, io::LoadError> {
        let opened = io::load_for_viewing(&path)?;
        if opened.from_image {
            let mut doc = Document::new(opened.map, None, opened.read_only);
            doc.from_image = Some(path);
            return Ok(doc);
        }
        let mut doc = Document::new(opened.map, Some(path), opened.read_only);
        doc.disk_stamp = doc.stamp_on_disk();
        Ok(doc)
    }

    /// The current modification time and size of the document's file.
    pub fn stamp_on_disk(&self) -> Option<(std::time::SystemTime, u64)> {
        let meta = std::fs::metadata(self.path.as_ref()?).ok()?;
        Some((meta.modified().ok()?, meta.len()))
    }

    /// Whether the file on disk is no longer the one this document was opened from or saved to.
    pub fn changed_on_disk(&self) -> bool {
        self.path.is_some() && self.disk_stamp.is_some() && self.stamp_on_disk() != self.disk_stamp
    }

    /// Applies an edit as its own undo step (or into the open transaction).
    pub fn apply(&mut self, command: Command) -> Result<(), EditError> {
        let touched = classify(&self.map, std::iter::once(&command));
        self.history.apply(&mut self.map, command)?;
        self.changed(touched);
        Ok(())
    }

    /// Applies an edit that extends the previous step when `key` matches (typing).
    pub fn apply_merging(&mut self, command: Command, key: String) -> Result<(), EditError> {
        let touched = classify(&self.map, std::iter::once(&command));
        self.history.apply_merging(&mut self.map, command, key)?;
        self.changed(touched);
        Ok(())
    }

    /// Records a change of the map: a new generation, and what the change did.
    fn changed(&mut self, touched: Option<Edit>) {
        self.generation += 1;
        self.edits.push((self.generation, touched));
        let oldest = self.cache.iter().map(|(g, _, _, _)| *g).min().unwrap_or(self.generation);
        self.edits.retain(|(g, _)| *g > oldest);
    }

    /// Whether a layout of generation `g` is current or can be brought up to date.
    fn patchable(&self, g: u64) -> bool {
        g == self.generation || self.since(g).is_some()
    }

    /// How a layout of generation `since` is brought up to date, if only cards changed since.
    fn since(&self, since: u64) -> Option<Since> {
        let mut ids: Vec<CardId> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut logged = 0;
        let mut only_content = true;
        // The log is in generation order and has one entry per generation since the oldest
        // cached layout, so a gap means the change is not known: lay out in full.
        for (_, edit) in self.edits.iter().filter(|(g, _)| *g > since) {
            logged += 1;
            let touched = match edit.as_ref()? {
                Edit::Content(ids) => ids,
                Edit::Cards(ids) => {
                    only_content = false;
                    ids
                }
            };
            for id in touched {
                if seen.insert(id) {
                    ids.push(id.clone());
                }
            }
        }
        (logged == self.generation - since).then_some(if only_content { Since::Patch(ids) } else { Since::Reuse(ids) })
    }

    /// Undoes the open transaction (a gesture cancelled with Escape).
    pub fn abort(&mut self) {
        if self.history.in_transaction() {
            let edit = classify(&self.map, self.history.abort_commands());
            self.history.abort(&mut self.map);
            self.changed(edit);
        }
    }

    /// Undo; returns the step's label.
    pub fn undo(&mut self) -> Option<crate::edit::StepName> {
        let edit = classify(&self.map, self.history.undo_commands());
        let label = self.history.undo(&mut self.map);
        self.changed(edit);
        label
    }

    /// Redo; returns the step's label.
    pub fn redo(&mut self) -> Option<crate::edit::StepName> {
        let edit = classify(&self.map, self.history.redo_commands());
        let label = self.history.redo(&mut self.map);
        self.changed(edit);
        label
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.recovered || self.history.is_dirty()
    }

    /// The file name (or the image's it came out of), or the map's title when it has neither.
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .or(self.from_image.as_ref())
            .and_then(|p| p.file_name())
            .map_or_else(|| self.map.title.clone(), |n| n.to_string_lossy().into_owned())
    }

    /// The whole layout for `theme` (see [`Document::whole_layout`]) together with the map it
    /// shows, for code that reads both.
    pub fn layout_and_map(&mut self, ctx: &egui::Context, theme: &Theme) -> (&Layout, &JourneyMap) {
        self.whole_layout(ctx, theme);
        match self.cache.first() {
            Some((_, _, _, layout)) => (layout, &self.map),
            None => (unreachable_cache(), &self.map),
        }
    }

    /// Makes the layout for `theme` on a worker thread, so that a later switch to it (F5 to
    /// present in the projector theme) shows at once. Only for large maps, one at a time, and
    /// only when it is not cached already; the result is kept if the map has not changed.
    pub fn warm_layout(&mut self, ctx: &egui::Context, theme: &Theme) {
        if self.map.cards.len() < WARM_FROM_CARDS {
            return;
        }
        let ppp = ctx.pixels_per_point();
        let key = (self.generation, look(theme), (ppp * 100.0).round() as u32);
        // One at a time: a layout still being made (a large map's whole layout after it
        // opened) is not thrown away for another.
        if self.warming.is_some()
            || self.cache.iter().any(|(g, k, p, _)| self.patchable(*g) && *k == key.1 && *p == key.2)
        {
            return;
        }
        self.warm(ctx, theme, key, false);
    }

    /// Starts making the layout for `key` (of `theme`) on a worker thread; with `wait`, once
    /// told to (see [`Warming::go`]).
    fn warm(&mut self, ctx: &egui::Context, theme: &Theme, key: (u64, Look, u32), wait: bool) {
        let (tx, rx) = std::sync::mpsc::channel();
        let (go, told) = std::sync::mpsc::channel();
        let ppp = key.2 as f32 / 100.0;
        let (map, theme, waker) = (self.map.clone(), theme.clone(), ctx.clone());
        let spawned = std::thread::Builder::new().name("polku-layout".into()).spawn(move || {
            if wait && told.recv_timeout(GO_AT_LATEST) == Err(std::sync::mpsc::RecvTimeoutError::Disconnected) {
                return; // No longer wanted: the map changed before it was begun.
            }
            let _ = tx.send(crate::render::export::layout_headless_at(&map, &theme, ppp));
            waker.request_repaint();
        });
        if spawned.is_ok() {
            self.warming = Some(Warming { key, rx, go: wait.then_some(go) });
        }
    }

    /// Takes the layout of what the opening view shows (`first`) and the whole layout being
    /// made on another thread (`rest`, begun when told by `go`), both made for this map as it
    /// was opened in `theme` at `pixels_per_point`: the window shows `first` until the whole
    /// arrives.
    pub fn adopt_view_first(
        &mut self,
        theme: &Theme,
        pixels_per_point: f32,
        first: Layout,
        rest: std::sync::mpsc::Receiver<Layout>,
        go: std::sync::mpsc::Sender<()>,
    ) {
        if self.generation == 0 && self.cache.is_empty() && self.warming.is_none() {
            let key = (0, look(theme), (pixels_per_point * 100.0).round() as u32);
            self.warming = Some(Warming { key: key.clone(), rx: rest, go: Some(go) });
            self.view_first = Some((key, first));
        }
    }

    /// Whether the layout shown is the opening view's only, the whole still being made.
    pub fn showing_view_first(&self) -> bool {
        self.view_first.is_some()
    }

    /// Whether the opening view's layout is what to show for `theme` at `ppp_key`: the whole
    /// for the same key is still being made. A large map that has just opened without one (a
    /// map opened from the File menu, or a screen of another pixel density than the preload
    /// assumed) gets it here: its opening view laid out now, the whole on a worker thread.
    fn view_first_shows(&mut self, ctx: &egui::Context, theme: &Theme, ppp_key: u32) -> bool {
        let key = (self.generation, look(theme), ppp_key);
        let pending = |d: &Document| d.warming.as_ref().is_some_and(|w| w.key == key);
        if self.view_first.as_ref().is_some_and(|(k, _)| *k == key) && pending(self) {
            // Shown in an earlier frame, so painted: the whole may be made now.
            let frame = ctx.cumulative_frame_nr();
            if *self.view_first_shown.get_or_insert(frame) < frame
                && let Some(go) = self.warming.as_mut().and_then(|w| w.go.take())
            {
                let _ = go.send(());
            }
            return true;
        }
        // The map changed, or the look: the whole layout for the opening view's key is not
        // wanted any more, and is not begun if it has not been.
        if let Some((old, _)) = self.view_first.take()
            && self.warming.as_ref().is_some_and(|w| w.key == old)
        {
            self.warming = None;
        }
        self.view_first_shown = None;
        let fresh = self.generation == 0 && self.cache.is_empty() && self.map.cards.len() >= WARM_FROM_CARDS;
        if !fresh || self.warming.is_some() {
            return false;
        }
        self.warm(ctx, theme, key.clone(), true);
        if !pending(self) {
            return false;
        }
        let first = ctx
            .fonts_mut(|fonts| layout::layout_view_first(&self.map, theme, layout::Measure::new(fonts), OPENING_VIEW));
        self.view_first = Some((key, first));
        true
    }

    /// Takes a layout made ahead of need into the cache, if it is ready (or, with `wait`, once
    /// it is) and still current.
    fn take_warmed(&mut self, wait: bool) {
        let Some(w) = &self.warming else { return };
        let received =
            if wait { w.rx.recv().map_err(|_| std::sync::mpsc::TryRecvError::Disconnected) } else { w.rx.try_recv() };
        match received {
            Ok(layout) => {
                let (g, k, p) = w.key.clone();
                self.warming = None;
                self.view_first = None;
                if g == self.generation && !self.cache.iter().any(|(cg, ck, cp, _)| *cg == g && *ck == k && *cp == p) {
                    self.cache.retain(|(cg, _, _, _)| *cg == g);
                    // Second place: the layout in use stays the most recent.
                    self.cache.insert(self.cache.len().min(1), (g, k, p, layout));
                    self.cache.truncate(CACHED_LAYOUTS);
                }
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.warming = None;
                self.view_first = None;
            }
        }
    }

    /// The layout to show for `theme` at the current pixel density, from the cache when still
    /// valid. Just after a large map opened, it may hold only what the opening view shows
    /// (see [`Document::showing_view_first`]); what must show the whole map (exports, the
    /// presentation) asks for [`Document::whole_layout`].
    pub fn layout(&mut self, ctx: &egui::Context, theme: &Theme) -> &Layout {
        self.layout_of(ctx, theme, true)
    }

    /// [`Document::layout`], never the opening view's only: waits for the whole when it is
    /// still being made.
    pub fn whole_layout(&mut self, ctx: &egui::Context, theme: &Theme) -> &Layout {
        if self.view_first.is_some() {
            if let Some(go) = self.warming.as_mut().and_then(|w| w.go.take()) {
                let _ = go.send(());
            }
            self.take_warmed(true);
        }
        self.layout_of(ctx, theme, false)
    }

    fn layout_of(&mut self, ctx: &egui::Context, theme: &Theme, view_first: bool) -> &Layout {
        self.take_warmed(false);
        let ppp_key = (ctx.pixels_per_point() * 100.0).round() as u32;
        let found =
            self.cache.iter().position(|(g, k, p, _)| *g == self.generation && *k == look(theme) && *p == ppp_key);
        if view_first && found.is_none() && self.view_first_shows(ctx, theme, ppp_key) {
            // Until the whole layout arrives (the thread asks for a repaint; a preload's
            // thread, made before the window, cannot, so the window looks again soon).
            ctx.request_repaint_after(std::time::Duration::from_millis(25));
            return match &self.view_first {
                Some((_, first)) => first,
                None => unreachable_cache(),
            };
        }
        match found {
            Some(0) => {}
            Some(i) => {
                let entry = self.cache.remove(i);
                self.cache.insert(0, entry);
            }
            None => {
                // An earlier layout in this look, brought up to date when only cards changed
                // since: patched where it stands when only what cards say changed and no box
                // changes size, else laid out again taking the unchanged cards from it.
                let earlier = self.cache.iter().position(|(_, k, p, _)| *k == look(theme) && *p == ppp_key);
                let update = earlier.and_then(|i| Some((i, self.since(self.cache[i].0)?)));
                let laid = match update {
                    Some((i, Since::Patch(ids))) => {
                        let (_, _, _, laid) = &mut self.cache[i];
                        let patched =
                            ctx.fonts_mut(|fonts| layout::relayout_cards(laid, &self.map, &ids, theme, fonts));
                        let laid = self.cache.remove(i).3;
                        if patched {
                            laid
                        } else {
                            // Partly patched: the cards it failed on are among `ids`, laid anew.
                            ctx.fonts_mut(|fonts| layout::relayout(laid, &self.map, &ids, theme, fonts))
                        }
                    }
                    Some((i, Since::Reuse(ids))) => {
                        let laid = self.cache.remove(i).3;
                        ctx.fonts_mut(|fonts| layout::relayout(laid, &self.map, &ids, theme, fonts))
                    }
                    None => {
                        self.full_layouts += 1;
                        ctx.fonts_mut(|fonts| layout::layout(&self.map, theme, fonts))
                    }
                };
                // Layouts in other looks (the presentation's) stay while they can still be
                // patched up to this generation.
                let keep: Vec<bool> = self.cache.iter().map(|(g, _, _, _)| self.patchable(*g)).collect();
                let mut keep = keep.into_iter();
                self.cache.retain(|_| keep.next().unwrap_or(false));
                self.cache.insert(0, (self.generation, look(theme), ppp_key, laid));
                self.cache.truncate(CACHED_LAYOUTS);
            }
        }
        match self.cache.first() {
            Some((_, _, _, layout)) => layout,
            None => unreachable_cache(),
        }
    }
}

/// The cache was filled just above; this keeps the code free of a panic path.
fn unreachable_cache() -> &'static Layout {
    static EMPTY: std::sync::OnceLock<Layout> = std::sync::OnceLock::new();
    EMPTY.get_or_init(|| crate::render::export::layout_headless(&JourneyMap::default(), &Theme::light()))
}
