//! Maps carried inside exported images, so that a picture in a report opens again as the map
//! it shows: PNG keeps the map's canonical text in a compressed iTXt chunk named `polku-map`
//! (as Excalidraw and draw.io keep their scenes).

use super::error::LoadError;
use std::path::Path;

/// The iTXt keyword of the map inside a PNG.
pub const PNG_KEYWORD: &str = "polku-map";

/// The first bytes of every PNG file.
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Whether `bytes` are a PNG image.
pub fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(PNG_SIGNATURE)
}

/// The map text inside a PNG exported by Polku.
pub fn map_in_png(bytes: &[u8], path: &Path) -> Result<String, LoadError> {
    let damaged = |why: String| LoadError::DamagedImage { path: path.to_owned(), why };
    let no_map = || LoadError::NoMapInImage { path: path.to_owned() };
    // Whether the image ever had a map: a failure to read it is then a damaged map, otherwise
    // simply an image without one.
    let mentioned =
        bytes.windows(4 + PNG_KEYWORD.len()).any(|w| w.starts_with(b"iTXt") && &w[4..] == PNG_KEYWORD.as_bytes());
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    // The chunk is written before the pixels, so reading the header finds it; the pixels are
    // never decoded.
    decoder.set_ignore_text_chunk(false);
    let reader = match decoder.read_info() {
        Ok(reader) => reader,
        Err(e) if mentioned => return Err(damaged(e.to_string())),
        Err(_) => return Err(no_map()),
    };
    let found = reader.info().utf8_text.iter().find(|c| c.keyword == PNG_KEYWORD).cloned();
    let Some(mut chunk) = found else {
        // The decoder skips a text chunk whose checksum fails.
        return Err(if mentioned { damaged("its checksum does not match".to_owned()) } else { no_map() });
    };
    let limit = usize::try_from(super::MAX_FILE_SIZE).unwrap_or(usize::MAX);
    chunk.decompress_text_with_limit(limit).map_err(|e| damaged(e.to_string()))?;
    chunk.get_text().map_err(|e| damaged(e.to_string()))
}

/// The chunk that carries `map_text` inside a PNG, compressed.
pub fn png_chunk(map_text: &str) -> Result<png::text_metadata::ITXtChunk, String> {
    let mut chunk = png::text_metadata::ITXtChunk::new(PNG_KEYWORD, map_text);
    // The flag decides how the chunk is written; compressing first keeps the work here.
    chunk.compressed = true;
    chunk.compress_text().map_err(|e| e.to_string())?;
    Ok(chunk)
}
