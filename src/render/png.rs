//! PNG encoding with the resolution written into the file (`pHYs`), so Word, PowerPoint and
//! printers place a 300-DPI export at its intended physical size.

use super::raster::Pixels;

/// Encodes `pixels` as an RGBA PNG that declares `dpi` dots per inch.
pub fn encode(pixels: &Pixels, dpi: f32) -> Result<Vec<u8>, String> {
    encode_with_map(pixels, dpi, None)
}

/// Like [`encode`], keeping `map_text` (a map's canonical text) inside the image, so that the
/// picture opens again as the map.
pub fn encode_with_map(pixels: &Pixels, dpi: f32, map_text: Option<&str>) -> Result<Vec<u8>, String> {
    let width = u32::try_from(pixels.width).map_err(|e| e.to_string())?;
    let height = u32::try_from(pixels.height).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    // fdeflate's fast mode with adaptive filters: a 4000×4300 map encodes in ~70 ms instead of
    // ~420 ms, for a file about half again as large (2.4 MB instead of 1.6 MB; BENCHMARKS.md).
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::Filter::Adaptive);
    let per_metre = (dpi / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions { xppu: per_metre, yppu: per_metre, unit: png::Unit::Meter }));
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    if let Some(text) = map_text {
        // Before the pixels, so a reader finds it without decoding the image.
        writer.write_text_chunk(&crate::io::image::png_chunk(text)?).map_err(|e| e.to_string())?;
    }
    writer.write_image_data(&pixels.to_straight_rgba()).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// The DPI a PNG declares, if it has a `pHYs` chunk in metres.
pub fn read_dpi(bytes: &[u8]) -> Option<f32> {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().ok()?;
    let dims = reader.info().pixel_dims?;
    (dims.unit == png::Unit::Meter).then_some(dims.xppu as f32 * 0.0254)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_dpi_survives_encoding() {
        let pixels = Pixels { width: 2, height: 1, data: vec![[255, 0, 0, 255], [0, 0, 0, 0]] };
        let bytes = encode(&pixels, 300.0).unwrap();
        let dpi = read_dpi(&bytes).unwrap();
        assert!((dpi - 300.0).abs() < 0.05, "{dpi}");
    }
}
