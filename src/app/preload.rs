//! Opening the map while the window is being made: the file is read and checked on a thread of
//! its own, started before the window, so that the time a large map takes overlaps the
//! window's own start (its GL context and fonts) on the second core. A large map is then laid
//! out view first: what the opening view shows is handed to the window at once, and the whole
//! layout follows from the same thread while the window already shows the map and takes input.

use super::Document;
use super::document::{OPENING_VIEW, WARM_FROM_CARDS};
use crate::io::LoadError;
use crate::layout::{self, Layout, Measure, OwnFonts};
use crate::theme::Theme;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What the window needs first: the document (or why it cannot be opened) and, for a large
/// map, the layout of its opening view in the light theme at 100 %, with the whole layout to
/// come.
type Loaded = (Result<Document, LoadError>, Option<ViewFirst>);

/// A large map's opening view laid out, the whole to come, and how to tell the thread to begin
/// it (see [`Document::adopt_view_first`]).
pub type ViewFirst = (Layout, Receiver<Layout>, Sender<()>);

/// A map file being opened ahead of the window.
pub struct Preload {
    path: PathBuf,
    first: Option<Receiver<Loaded>>,
}

impl Preload {
    /// Starts opening `path`. (If no thread can be started, [`Preload::finish`] opens it.)
    pub fn start(path: PathBuf) -> Preload {
        let (tx, rx) = channel();
        let p = path.clone();
        let spawned = std::thread::Builder::new().name("polku-open".into()).spawn(move || {
            open(p, |loaded| {
                let _ = tx.send(loaded);
            })
        });
        Preload { path, first: spawned.ok().map(|_| rx) }
    }

    /// The path, the document (or why it cannot be opened) and, for a large map, the layout of
    /// its opening view with the whole layout to come. Waits only for those first two.
    pub fn finish(self) -> (PathBuf, Loaded) {
        let loaded = match self.first.map(|rx| rx.recv()) {
            Some(Ok(loaded)) => loaded,
            // The thread could not start, or failed: open here, as without a thread.
            Some(Err(_)) | None => (Document::open(self.path.clone()), None),
        };
        (self.path, loaded)
    }
}

/// Opens `path`, hands what the window needs first to `first`, then makes the whole layout.
fn open(path: PathBuf, first: impl FnOnce(Loaded)) {
    let doc = match Document::open(path) {
        Ok(doc) if doc.map.cards.len() >= WARM_FROM_CARDS => doc,
        other => return first((other, None)),
    };
    // Most windows show the light theme at 100 % with the default view options; layouts made
    // in any other look are not used (the window lays out its own), so nothing is wrong, only
    // no time is saved.
    let theme = Theme::light();
    let mut fonts = OwnFonts::new(1.0);
    let view = layout::layout_view_first(&doc.map, &theme, Measure::own(&mut fonts), OPENING_VIEW);
    let map = doc.map.clone();
    let (tx, rest) = channel();
    let (go, told) = channel();
    first((Ok(doc), Some((view, rest, go))));
    if told.recv_timeout(super::document::GO_AT_LATEST) == Err(std::sync::mpsc::RecvTimeoutError::Disconnected) {
        return; // The window no longer wants it (the map was edited or another look chosen).
    }
    let _ = tx.send(layout::layout_own(&map, &theme, &mut fonts));
}
