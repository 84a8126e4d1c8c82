//! The fonts of a vector export (SVG, PDF): which of Polku's font faces draws each character
//! (Inter, then egui's fallbacks for symbols and emoji, as on screen); for the SVG, the faces to
//! embed for `<text>` —
//! subset to the glyphs the map uses, with their character map, so a browser can draw the text
//! (`allsorts`; subsetters made for PDF drop the character map) — and glyph outlines for text
//! drawn as paths.

use base64::Engine as _;
use egui::{FontData, FontFamily};
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, MetadataProvider};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::Arc;

struct Face {
    name: String,
    data: Arc<FontData>,
    units_per_em: f32,
}

impl Face {
    fn font(&self) -> Option<FontRef<'_>> {
        FontRef::from_index((*self.data.font).as_ref(), self.data.index).ok()
    }
}

/// Polku's font faces and what an export has used of them.
pub struct Faces {
    faces: Vec<Face>,
    families: HashMap<FontFamily, Vec<usize>>,
    chosen: HashMap<(FontFamily, char), Option<usize>>,
    /// The glyphs `<text>` draws from each face.
    used: BTreeMap<usize, BTreeSet<u16>>,
    /// Glyph ids looked up: (face, char) → glyph.
    glyph_ids: HashMap<(usize, char), Option<u16>>,
    /// Outlines already in `<defs>`: (face, glyph id) → element id.
    outlines: HashMap<(usize, u32), Option<String>>,
}

impl Faces {
    /// The faces and families `crate::fonts` installs.
    pub fn polku() -> Faces {
        let defs = crate::fonts::definitions();
        let mut faces = Vec::new();
        let mut index = HashMap::new();
        for (name, data) in &defs.font_data {
            let units_per_em = FontRef::from_index((*data.font).as_ref(), data.index)
                .map(|f| f.metrics(Size::unscaled(), LocationRef::default()).units_per_em)
                .unwrap_or(1000);
            index.insert(name.clone(), faces.len());
            faces.push(Face { name: name.clone(), data: data.clone(), units_per_em: f32::from(units_per_em.max(1)) });
        }
        let families = defs
            .families
            .iter()
            .map(|(family, names)| (family.clone(), names.iter().filter_map(|n| index.get(n).copied()).collect()))
            .collect();
        Faces {
            faces,
            families,
            chosen: HashMap::new(),
            used: BTreeMap::new(),
            glyph_ids: HashMap::new(),
            outlines: HashMap::new(),
        }
    }

    /// The first face of `family` that has `c`, as egui picks it.
    pub fn face_for(&mut self, family: &FontFamily, c: char) -> Option<usize> {
        if let Some(found) = self.chosen.get(&(family.clone(), c)) {
            return *found;
        }
        let chain = self.families.get(family).or_else(|| self.families.get(&FontFamily::Proportional));
        let found = chain.and_then(|chain| {
            chain.iter().copied().find(|&i| self.faces[i].font().is_some_and(|f| f.charmap().map(c).is_some()))
        });
        self.chosen.insert((family.clone(), c), found);
        found
    }

    /// Points per font unit at `size`, and how far below the baseline egui draws this face.
    pub fn scale_and_offset(&self, face: usize, size: f32) -> (f32, f32) {
        let f = &self.faces[face];
        let tweak = &f.data.tweak;
        let scaled = size * tweak.scale;
        (scaled / f.units_per_em, scaled * tweak.y_offset_factor + tweak.y_offset)
    }

    /// egui's size factor for this face (fallback fonts are drawn a little smaller).
    pub fn tweak_scale(&self, face: usize) -> f32 {
        self.faces[face].data.tweak.scale
    }

    /// The CSS font family the embedded face goes by.
    pub fn css_family(&self, face: usize) -> String {
        format!("polku-{}", css_name(&self.faces[face].name))
    }

    /// The `font-family` and `font-weight` of text in this face: the embedded face first, then
    /// the font by its own name and a generic family, for programs that ignore embedded fonts.
    pub fn text_attrs(&self, face: usize) -> String {
        let name = &self.faces[face].name;
        let (own, weight) = match name.as_str() {
            "inter" => ("Inter", 400),
            "inter-semibold" => ("Inter", 600),
            other => (other, 400),
        };
        format!("font-family=\"{}, {own}, sans-serif\" font-weight=\"{weight}\"", self.css_family(face))
    }

    /// The glyph that draws `c` in `face`.
    pub fn glyph_id(&mut self, face: usize, c: char) -> Option<u16> {
        let faces = &self.faces;
        *self.glyph_ids.entry((face, c)).or_insert_with(|| {
            faces[face].font().and_then(|f| f.charmap().map(c)).and_then(|g| u16::try_from(g.to_u32()).ok())
        })
    }

    /// How far the pen moves after `glyph` of `face` at `size` points (the face's tweak
    /// included).
    pub fn advance(&self, face: usize, glyph: u16, size: f32) -> f32 {
        let f = &self.faces[face];
        f.font()
            .and_then(|font| {
                font.glyph_metrics(Size::new(size * f.data.tweak.scale), LocationRef::default())
                    .advance_width(skrifa::GlyphId::new(u32::from(glyph)))
            })
            .unwrap_or(0.0)
    }

    /// The face's font file and its index in a collection.
    pub fn font_file(&self, face: usize) -> (&[u8], u32) {
        let data = &self.faces[face].data;
        ((*data.font).as_ref(), data.index)
    }

    /// Notes that `<text>` draws `c` from `face`, so its glyph goes into the embedded subset.
    pub fn mark_used(&mut self, face: usize, c: char) {
        let gid = self.glyph_id(face, c);
        let glyphs = self.used.entry(face).or_default();
        if let Some(gid) = gid {
            glyphs.insert(gid);
        }
    }

    /// The id of `c`'s outline in `defs` (written there the first time), in font units with
    /// y up; `None` for a glyph without an outline.
    pub fn outline_id(&mut self, face: usize, c: char, defs: &mut String) -> Option<String> {
        let font = self.faces[face].font()?;
        let gid = font.charmap().map(c)?;
        let key = (face, gid.to_u32());
        if let Some(id) = self.outlines.get(&key) {
            return id.clone();
        }
        let mut pen = PathPen::default();
        let drawn = font
            .outline_glyphs()
            .get(gid)
            .and_then(|o| o.draw(DrawSettings::unhinted(Size::unscaled(), LocationRef::default()), &mut pen).ok());
        let id = (drawn.is_some() && !pen.d.is_empty()).then(|| format!("g{}-{}", face, key.1));
        if let Some(id) = &id {
            let _ = writeln!(defs, "<path id=\"{id}\" d=\"{}\"/>", pen.d.trim());
        }
        self.outlines.insert(key, id.clone());
        id
    }

    /// `@font-face` rules embedding every face `<text>` used.
    pub fn font_faces_css(&self) -> String {
        if self.used.is_empty() {
            return String::new();
        }
        let mut css = String::from("<style type=\"text/css\"><![CDATA[\n");
        for (&i, glyphs) in &self.used {
            let face = &self.faces[i];
            let whole: &[u8] = (*face.data.font).as_ref();
            // The whole face when subsetting fails: bigger, never wrong.
            let subset = subset(whole, face.data.index, glyphs);
            let bytes: &[u8] = subset.as_deref().unwrap_or(whole);
            let (mime, format) =
                if bytes.starts_with(b"OTTO") { ("font/otf", "opentype") } else { ("font/ttf", "truetype") };
            let _ = writeln!(
                css,
                "@font-face {{ font-family: '{}'; src: url(data:{mime};base64,{}) format('{format}'); }}",
                self.css_family(i),
                base64::engine::general_purpose::STANDARD.encode(bytes)
            );
        }
        css.push_str("]]></style>\n");
        css
    }
}

/// `font` cut down to `glyphs` (and .notdef), keeping the character map for them.
fn subset(font: &[u8], index: u32, glyphs: &BTreeSet<u16>) -> Option<Vec<u8>> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};
    // A Unicode character map: browsers reject fonts with only a Mac Roman one.
    let data = ReadScope::new(font).read::<FontData<'_>>().ok()?;
    let provider = data.table_provider(usize::try_from(index).ok()?).ok()?;
    let mut ids: Vec<u16> = std::iter::once(0).chain(glyphs.iter().copied().filter(|g| *g != 0)).collect();
    ids.dedup();
    allsorts::subset::subset(&provider, &ids, &SubsetProfile::Minimal, CmapTarget::Unicode).ok()
}

/// A font's name as a CSS identifier: letters, digits and hyphens.
fn css_name(name: &str) -> String {
    name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect()
}

/// Collects an outline as SVG path data.
#[derive(Default)]
struct PathPen {
    d: String,
}

impl OutlinePen for PathPen {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.d, "M{x} {y}");
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.d, "L{x} {y}");
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        let _ = write!(self.d, "Q{cx0} {cy0} {x} {y}");
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        let _ = write!(self.d, "C{cx0} {cy0} {cx1} {cy1} {x} {y}");
    }
    fn close(&mut self) {
        self.d.push('Z');
    }
}
