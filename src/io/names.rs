//! File names made from a map's title, for Save As and exports.

/// A file name from a map title: letters and digits kept (ä and ö too), the rest dashes.
pub fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .flat_map(|c| if c.is_alphanumeric() { c.to_lowercase().collect::<Vec<_>>() } else { vec!['-'] })
        .collect();
    let stem = stem.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    if stem.is_empty() { "journey-map".to_owned() } else { stem }
}

/// `kartta.png` → `kartta-2-tiedonkeruu.png` for the second stage; `kartta.polku.png` →
/// `kartta-2-tiedonkeruu.polku.png`, keeping the ending the desktop knows Polku's images by.
pub fn per_stage_path(output: &std::path::Path, index: usize, name: &str) -> std::path::PathBuf {
    let stem = output.file_stem().map_or_else(|| "map".into(), |s| s.to_string_lossy().into_owned());
    let (stem, polku) = match stem.strip_suffix(".polku") {
        Some(stem) => (stem.to_owned(), ".polku"),
        None => (stem, ""),
    };
    let extension = output.extension().map_or_else(|| "png".into(), |e| e.to_string_lossy().into_owned());
    output.with_file_name(format!("{stem}-{}-{}{polku}.{extension}", index + 1, file_stem(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_titles_keeping_finnish_letters() {
        assert_eq!(file_stem("Myyntijohtajan polku: CRM!"), "myyntijohtajan-polku-crm");
        assert_eq!(file_stem("Äiti öljyää"), "äiti-öljyää");
        assert_eq!(file_stem("  "), "journey-map");
    }

    #[test]
    fn a_file_per_stage_is_numbered_and_named_and_keeps_the_polku_ending() {
        let at = |p: &str, i, n| per_stage_path(std::path::Path::new(p), i, n).display().to_string();
        assert_eq!(at("out/kartta.png", 1, "Tiedonkeruu"), "out/kartta-2-tiedonkeruu.png");
        assert_eq!(at("kartta.polku.svg", 0, "Tarpeen tunnistaminen"), "kartta-1-tarpeen-tunnistaminen.polku.svg");
    }
}
