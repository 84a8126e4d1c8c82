//! Saving: canonical text written atomically, the previous file kept as `NAME.ron.bak`.
//!
//! The order matters for never losing work: the new text is complete and synced in a temp
//! file before anything is touched; the old file becomes the backup through a hard link (no
//! copy, no moment without a file); the rename over the target is atomic; the folder is
//! synced so the rename itself survives a power cut.

use super::error::SaveError;
use super::format::{CURRENT_VERSION, to_text};
use crate::model::JourneyMap;
use std::ffi::OsString;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Saves `map` to `path` in canonical form, keeping the previous file as its backup.
///
/// Refuses to overwrite a file written by a newer Polku, whose fields this version would drop.
pub fn save(map: &JourneyMap, path: &Path) -> Result<(), SaveError> {
    if is_image_on_disk(path) {
        return Err(SaveError::OverImage { path: path.to_owned() });
    }
    if let Some(found) = version_on_disk(path).filter(|v| *v > CURRENT_VERSION) {
        return Err(SaveError::NewerOnDisk { path: path.to_owned(), found });
    }
    let text = to_text(map)?;
    write_atomic(path, text.as_bytes(), true)
}

/// `map.ron` → `map.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name: OsString = path.file_name().map(ToOwned::to_owned).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically; with `keep_backup`, the replaced file becomes
/// `path.bak`. On any error the file at `path` is unchanged.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    let io_err = |source| SaveError::Io { path: path.to_owned(), source };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let existing = fs::metadata(path).ok();

    let mut tmp =
        tempfile::Builder::new().prefix(&format!(".{name}.")).suffix(".tmp").tempfile_in(&dir).map_err(io_err)?;
    tmp.write_all(bytes).map_err(io_err)?;
    if let Some(meta) = &existing {
        // Keep the user's permissions rather than the temp file's private 0600.
        tmp.as_file().set_permissions(meta.permissions()).map_err(io_err)?;
    } else {
        set_default_permissions(tmp.as_file()).map_err(io_err)?;
    }
    tmp.as_file().sync_all().map_err(io_err)?;

    if keep_backup && existing.as_ref().is_some_and(fs::Metadata::is_file) {
        make_backup(path, &dir).map_err(io_err)?;
    }
    tmp.persist(path).map_err(|e| io_err(e.error))?;
    sync_dir(&dir).map_err(io_err)?;
    Ok(())
}

/// Replaces `path.bak` with the current `path`, atomically.
fn make_backup(path: &Path, dir: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    let staging = tempfile::Builder::new().prefix(".polku-bak.").tempfile_in(dir)?.into_temp_path();
    // The staging name is ours; replace the empty file with a link to (or copy of) the original.
    fs::remove_file(&staging)?;
    if fs::hard_link(path, &staging).is_err() {
        // File systems without hard links (FAT, some network shares) get a synced copy.
        fs::copy(path, &staging)?;
        fs::File::open(&staging)?.sync_all()?;
    }
    fs::rename(&staging, &backup)?;
    // The TempPath no longer exists under its name; forget it instead of deleting.
    let _ = staging.keep();
    Ok(())
}

#[cfg(unix)]
fn set_default_permissions(file: &fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_file: &fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    // Windows cannot open a directory as a file; its rename is already durable enough.
    Ok(())
}

/// Whether the file at `path` is an image (a map is never saved as text over a picture).
fn is_image_on_disk(path: &Path) -> bool {
    let mut head = Vec::new();
    fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head)).is_ok()
        && (super::image::is_png(&head)
            || super::image::is_pdf(&head)
            || super::image::is_svg(&String::from_utf8_lossy(&head)))
}

/// The `format_version` of the file at `path`, read from its first few kilobytes.
fn version_on_disk(path: &Path) -> Option<u32> {
    let mut head = Vec::new();
    fs::File::open(path).ok()?.take(4096).read_to_end(&mut head).ok()?;
    let head = String::from_utf8_lossy(&head);
    let rest = &head[head.find("format_version")? + "format_version".len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_path_appends_bak_to_the_whole_name() {
        assert_eq!(backup_path(Path::new("/a/kartta.ron")), PathBuf::from("/a/kartta.ron.bak"));
    }

    #[test]
    fn saving_twice_keeps_the_previous_file_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        write_atomic(&path, b"one", true).unwrap();
        assert!(!backup_path(&path).exists());
        write_atomic(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        // Only the file and its backup remain: no temp files left behind.
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_file_from_a_newer_polku_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        fs::write(&path, "(\n    format_version: 99,\n    map: (title: \"x\", future: 1))").unwrap();
        let err = save(&JourneyMap::new("x"), &path).unwrap_err();
        assert!(matches!(err, SaveError::NewerOnDisk { found: 99, .. }));
        assert!(fs::read_to_string(&path).unwrap().contains("future"));
    }
}
