//! The process's logger: errors to stderr, and a count of failed system file dialogs.
//!
//! rfd answers "no file" both when the user cancels and when no dialog could be shown (no
//! desktop portal and no zenity, as on many minimal Linux desktops); only its log tells the
//! two apart. Counting its errors lets the window fall back to its own file dialog instead of
//! silently doing nothing.

use std::sync::atomic::{AtomicUsize, Ordering};

static DIALOG_FAILURES: AtomicUsize = AtomicUsize::new(0);
static LOGGER: Logger = Logger;

struct Logger;

impl log::Log for Logger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Warn
    }

    fn log(&self, record: &log::Record<'_>) {
        // The portal failing is not the end: rfd then tries zenity, and only when that fails
        // too ("Failed to pick file with zenity: …") was no dialog shown.
        if record.target().starts_with("rfd")
            && record.level() == log::Level::Error
            && record.args().to_string().contains("zenity")
        {
            DIALOG_FAILURES.fetch_add(1, Ordering::Relaxed);
        }
        if record.level() == log::Level::Error {
            eprintln!("{}: {}", record.target(), record.args());
        }
    }

    fn flush(&self) {}
}

/// Installs the logger (once; later calls, and a logger set by someone else, are left be).
pub fn install() {
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(log::LevelFilter::Warn);
    }
}

/// How many times a system file dialog has failed to show, so far.
pub fn dialog_failures() -> usize {
    DIALOG_FAILURES.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rfd_giving_up_on_zenity_too_counts_as_a_failed_dialog() {
        install();
        let before = dialog_failures();
        log::error!(target: "rfd::backend::xdg_desktop_portal", "Failed to pick file with zenity: not found");
        assert_eq!(dialog_failures(), before + 1);
        log::warn!(target: "rfd::backend::xdg_desktop_portal", "Using zenity fallback");
        log::error!(target: "rfd::backend::xdg_desktop_portal::portal", "OpenFile failed: no portal");
        log::error!(target: "eframe", "something else");
        assert_eq!(dialog_failures(), before + 1);
    }
}
