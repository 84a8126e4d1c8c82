//! Opening the map while the window is being made: the file is read, checked and — when the map
//! is large — laid out on a thread of its own, started before the window, so the seconds a large
//! map takes overlap the window's own start (its GL context and fonts) on the second core.

use super::Document;
use crate::io::LoadError;
use crate::layout::Layout;
use crate::theme::Theme;
use std::path::PathBuf;
use std::thread::JoinHandle;

/// What the thread made: the document, and its layout in the light theme at 100 % when the
/// map is large enough for that to matter.
type Loaded = (Result<Document, LoadError>, Option<Layout>);

/// A map file being opened ahead of the window.
pub struct Preload {
    path: PathBuf,
    thread: Option<JoinHandle<Loaded>>,
}

impl Preload {
    /// Starts opening `path`. (If no thread can be started, [`Preload::finish`] opens it.)
    pub fn start(path: PathBuf) -> Preload {
        let p = path.clone();
        let thread = std::thread::Builder::new().name("polku-open".into()).spawn(move || open(p)).ok();
        Preload { path, thread }
    }

    /// The path, the document (or why it cannot be opened) and the layout made ahead.
    pub fn finish(self) -> (PathBuf, Loaded) {
        let loaded = match self.thread.map(JoinHandle::join) {
            Some(Ok(loaded)) => loaded,
            // The thread could not start, or failed: open here, as without a thread.
            Some(Err(_)) | None => (Document::open(self.path.clone()), None),
        };
        (self.path, loaded)
    }
}

fn open(path: PathBuf) -> Loaded {
    let doc = Document::open(path);
    // Most windows show the light theme at 100 % with the default view options; a layout made
    // in any other look is not used (the window lays out its own), so nothing is wrong, only
    // no time is saved.
    let laid = doc
        .as_ref()
        .ok()
        .filter(|d| d.map.cards.len() >= super::document::WARM_FROM_CARDS)
        .map(|d| crate::render::export::layout_headless_at(&d.map, &Theme::light(), 1.0));
    (doc, laid)
}
