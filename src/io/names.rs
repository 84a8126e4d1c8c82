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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_titles_keeping_finnish_letters() {
        assert_eq!(file_stem("Myyntijohtajan polku: CRM!"), "myyntijohtajan-polku-crm");
        assert_eq!(file_stem("Äiti öljyää"), "äiti-öljyää");
        assert_eq!(file_stem("  "), "journey-map");
    }
}
