//! Maps carried inside exported images, so that a picture in a report opens again as the map
//! it shows: PNG keeps the map's canonical text in a compressed iTXt chunk named `polku-map`
//! (as Excalidraw and draw.io keep their scenes); SVG keeps it, escaped, in a `<polku:map>`
//! element of its `<metadata>`; PDF keeps it as an embedded file named `map.polku.ron`.

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

/// Whether `text` is an SVG document (an XML declaration, comments or a DOCTYPE may come first).
pub fn is_svg(text: &str) -> bool {
    let head: String = text.trim_start_matches('\u{feff}').chars().take(4096).collect();
    let head = head.trim_start();
    (head.starts_with("<?xml") || head.starts_with("<svg") || head.starts_with("<!")) && head.contains("<svg")
}

/// The map text inside an SVG exported by Polku.
pub fn map_in_svg(text: &str, path: &Path) -> Result<String, LoadError> {
    let damaged = |why: &str| LoadError::DamagedImage { path: path.to_owned(), why: why.to_owned() };
    let Some(start) = text.find("<polku:map") else {
        return Err(LoadError::NoMapInImage { path: path.to_owned() });
    };
    let rest = &text[start..];
    let open_end = rest.find('>').ok_or_else(|| damaged("its map element never closes"))?;
    let body = &rest[open_end + 1..];
    let end = body.find("</polku:map>").ok_or_else(|| damaged("its map element never ends"))?;
    unescape(&body[..end]).ok_or_else(|| damaged("its map text has a broken `&…;` escape"))
}

/// Undoes XML escaping: the five named entities and numeric character references.
fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|i| *i <= 10)?;
        let entity = &after[..semi];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            e => {
                let code = match e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                    None => e.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Whether `bytes` are a PDF document.
pub fn is_pdf(bytes: &[u8]) -> bool {
    // Some writers put a few bytes of junk before the header; readers accept it in the first KiB.
    bytes.get(..1024.min(bytes.len())).is_some_and(|head| head.windows(5).any(|w| w == b"%PDF-"))
}

/// The map text inside a PDF exported by Polku: the embedded file of that name.
pub fn map_in_pdf(bytes: Vec<u8>, path: &Path) -> Result<String, LoadError> {
    use hayro_syntax::object::{Array, Dict, Stream};
    let damaged = |why: &str| LoadError::DamagedImage { path: path.to_owned(), why: why.to_owned() };
    let no_map = || LoadError::NoMapInImage { path: path.to_owned() };
    // Whether the document ever had a map: the file's name is written uncompressed.
    let mentioned = bytes
        .windows(crate::render::pdf::EMBEDDED_NAME.len())
        .any(|w| w == crate::render::pdf::EMBEDDED_NAME.as_bytes());
    let pdf = match hayro_syntax::Pdf::new(bytes) {
        Ok(pdf) => pdf,
        Err(hayro_syntax::LoadPdfError::Decryption(_)) => return Err(damaged("it is encrypted")),
        Err(_) => return Err(damaged("the PDF's structure cannot be read")),
    };
    let xref = pdf.xref();
    let files = xref
        .get::<Dict<'_>>(xref.root_id())
        .and_then(|root| root.get::<Dict<'_>>("Names"))
        .and_then(|names| names.get::<Dict<'_>>("EmbeddedFiles"))
        .and_then(|tree| tree.get::<Array<'_>>("Names"));
    let Some(files) = files else {
        return Err(if mentioned { damaged("its embedded map cannot be found") } else { no_map() });
    };
    // The name tree's array holds name, file specification, name, file specification, …
    let mut entries = files.flex_iter();
    let mut stream: Option<Stream<'_>> = None;
    while let Some(name) = entries.next::<hayro_syntax::object::String<'_>>() {
        let spec = entries.next::<Dict<'_>>();
        if name.as_bytes() == crate::render::pdf::EMBEDDED_NAME.as_bytes() {
            stream = spec.and_then(|s| s.get::<Dict<'_>>("EF")).and_then(|ef| ef.get::<Stream<'_>>("F"));
            break;
        }
    }
    let Some(stream) = stream else {
        return Err(if mentioned { damaged("its embedded map cannot be read") } else { no_map() });
    };
    let data = stream.decoded().map_err(|_| damaged("its embedded map does not decompress"))?;
    // The file's recorded size tells a whole map from what a lenient decoder made of a broken one.
    let size = stream.dict().get::<Dict<'_>>("Params").and_then(|p| p.get::<i64>("Size"));
    if size.is_some_and(|size| usize::try_from(size).ok() != Some(data.len())) || data.is_empty() {
        return Err(damaged("its embedded map is cut short or corrupted"));
    }
    if data.len() as u64 > super::MAX_FILE_SIZE {
        return Err(damaged("its embedded map is too large"));
    }
    String::from_utf8(data.into_owned()).map_err(|_| damaged("its embedded map is not text"))
}

/// The chunk that carries `map_text` inside a PNG, compressed.
pub fn png_chunk(map_text: &str) -> Result<png::text_metadata::ITXtChunk, String> {
    let mut chunk = png::text_metadata::ITXtChunk::new(PNG_KEYWORD, map_text);
    // The flag decides how the chunk is written; compressing first keeps the work here.
    chunk.compressed = true;
    chunk.compress_text().map_err(|e| e.to_string())?;
    Ok(chunk)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_map_text_comes_back_as_it_was_escaped() {
        let svg = "<?xml version=\"1.0\"?>\n<svg><metadata><polku:map xmlns:polku=\"x\">(a: &quot;&lt;b&gt; &amp; &#228;&#x1F600;&apos;&quot;)</polku:map></metadata></svg>";
        assert!(is_svg(svg));
        assert_eq!(map_in_svg(svg, Path::new("k.svg")).unwrap(), "(a: \"<b> & ä😀'\")");
        assert!(matches!(map_in_svg("<svg></svg>", Path::new("k.svg")), Err(LoadError::NoMapInImage { .. })));
        let broken = "<svg><polku:map>(a: &bogus</polku:map></svg>";
        assert!(matches!(map_in_svg(broken, Path::new("k.svg")), Err(LoadError::DamagedImage { .. })));
        assert!(!is_svg("(format_version: 3, map: ())"));
    }
}
