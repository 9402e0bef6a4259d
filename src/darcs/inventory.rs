//! Inventories (section 4): `_darcs/hashed_inventory` and the chain of `inventories/*`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::error::{Error, Result};
use super::hash::{read_maybe_gzipped, Kind, SizeHash, Store, EMPTY_SHA256};
use super::info::{parse_info, PatchInfo};
use super::parse::Cursor;

/// One patch of an inventory: its metadata and the name of its file in `patches/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The patch metadata, as repeated in the inventory.
    pub info: PatchInfo,
    /// The `size-sha256` name of the patch file (validated).
    pub patch_file: String,
}

/// One parsed inventory file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InventoryFile {
    /// The `pristine:` hash (head inventory only).
    pub pristine: Option<String>,
    /// The `Starting with inventory:` parent, if any.
    pub parent: Option<String>,
    /// The entries, oldest first.
    pub entries: Vec<Entry>,
}

/// The whole patch sequence of a repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inventory {
    /// Root hash of the pristine tree (the empty tree when the head has no `pristine:` line).
    pub pristine: String,
    /// All patches in application order, oldest first.
    pub entries: Vec<Entry>,
    /// Names of the chained inventory files, oldest first (`hashed_inventory` not included).
    pub files: Vec<String>,
}

fn check_hash(h: &[u8], c: &Cursor<'_>) -> Result<String> {
    let s = std::str::from_utf8(h).ok().filter(|s| SizeHash::parse(s).is_some());
    match s {
        Some(s) => Ok(s.to_string()),
        None => Err(Error::BadHash { file: c.file.to_path_buf(), hash: String::from_utf8_lossy(h).into_owned() }),
    }
}

/// Read a hash that follows a keyword: optional whitespace, then the rest of the line.
fn hash_line(c: &mut Cursor<'_>) -> Result<String> {
    c.skip_space();
    let h = c.take_till(b'\n');
    c.newline();
    let h = h.strip_suffix(b"\r").unwrap_or(h);
    check_hash(h.trim_ascii_end(), c)
}

/// Parse an inventory file (head or not); `file` is used in error messages.
pub fn parse_inventory(data: &[u8], file: &Path) -> Result<InventoryFile> {
    let mut c = Cursor::new(data, file);
    let mut pristine = None;
    if c.rest().starts_with(b"pristine:") {
        c.pos += b"pristine:".len();
        pristine = Some(hash_line(&mut c)?);
    }
    let mut parent = None;
    if c.lex_str(b"Starting with inventory:") {
        parent = Some(hash_line(&mut c)?);
    }
    let mut entries = Vec::new();
    while !c.at_end() {
        let info = parse_info(&mut c)?;
        if !c.lex_str(b"hash:") {
            return Err(c.err("inventory: expected 'hash:' after a patch info"));
        }
        let patch_file = hash_line(&mut c)?;
        entries.push(Entry { info, patch_file });
    }
    Ok(InventoryFile { pristine, parent, entries })
}

/// Follow the chain from a head inventory, loading parents with `load(name)` (which returns
/// the path for messages and the verified, uncompressed bytes). Refuses what darcs
/// refuses: a cycle, an inventory that continues another but holds no entry (darcs'
/// "bad inventory (no tag)"), and a patch listed twice ("Duplicate patches found").
pub fn read_chain_with(
    head: &[u8],
    head_file: &Path,
    mut load: impl FnMut(&str) -> Result<(PathBuf, Vec<u8>)>,
) -> Result<Inventory> {
    let head_inv = parse_inventory(head, head_file)?;
    let pristine = head_inv.pristine.clone().unwrap_or_else(|| EMPTY_SHA256.to_string());
    let no_tag = |inv: &InventoryFile, file: &Path| match &inv.parent {
        Some(parent) if inv.entries.is_empty() => {
            Err(Error::MissingTag { file: file.to_path_buf(), parent: parent.clone() })
        }
        _ => Ok(()),
    };
    no_tag(&head_inv, head_file)?;
    let mut segments = vec![(head_file.to_path_buf(), head_inv.entries)];
    let mut files = Vec::new();
    let mut seen = HashSet::new();
    let mut next = head_inv.parent;
    let mut referrer = head_file.to_path_buf();
    while let Some(name) = next {
        let key = SizeHash::parse(&name).map(|h| h.sha256);
        if !seen.insert(key) {
            return Err(Error::InventoryCycle { file: referrer, hash: name });
        }
        let (path, data) = load(&name)?;
        let inv = parse_inventory(&data, &path)?;
        no_tag(&inv, &path)?;
        segments.push((path.clone(), inv.entries));
        files.push(name);
        next = inv.parent;
        referrer = path;
    }
    files.reverse();
    let total = segments.iter().map(|s| s.1.len()).sum();
    let mut entries = Vec::with_capacity(total);
    let mut ids: HashMap<String, usize> = HashMap::with_capacity(total);
    for (k, (file, seg)) in segments.into_iter().rev().enumerate() {
        for e in seg {
            if let Some(&first) = ids.get(&e.info.id()) {
                let first = segment_files(head_file, &files, first);
                return Err(Error::DuplicatePatch { file, first, id: e.info.id() });
            }
            ids.insert(e.info.id(), k);
            entries.push(e);
        }
    }
    Ok(Inventory { pristine, entries, files })
}

/// The file of segment `k` (0 = the oldest inventory) for messages.
fn segment_files(head_file: &Path, files: &[String], k: usize) -> PathBuf {
    match files.get(k) {
        Some(name) => head_file.with_file_name("inventories").join(name),
        None => head_file.to_path_buf(),
    }
}

/// Read the full patch sequence of the repository behind `store`.
pub fn read_inventory(store: &Store) -> Result<Inventory> {
    let rel = Path::new("_darcs/hashed_inventory");
    let head_file = store.dir().shown(rel);
    let limit = store.limits().max_file_size;
    // darcs never compresses it, but accept a gzipped one like every other file
    let (head, _grant) = read_maybe_gzipped(store.dir(), rel, limit)?;
    read_chain_with(&head, &head_file, |name| {
        let data = store.read(Kind::Inventories, name)?;
        Ok((store.local_path(Kind::Inventories, name), data))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const H1: &str = "0000000186-de75628e2311d5b517bf2d48f772752bd1aa97f5b545b4bb6dc0442ad4fd087d";
    const H2: &str = "0000003560-f46f8c43a4ab579760732e1f7eacaa36259913a1286faad56656c4f9766cd085";

    #[test]
    fn parse_head() {
        let text = format!(
            "pristine:{EMPTY_SHA256}\nStarting with inventory:\n{H2}\n[after tag\nT <t@e>**20261124000239\n Ignore-this: bd\n] \nhash: {H1}\n[x\nT**20261124000239] \nhash: {H1}\n"
        );
        let inv = parse_inventory(text.as_bytes(), Path::new("hi")).unwrap();
        assert_eq!(inv.pristine.as_deref(), Some(EMPTY_SHA256));
        assert_eq!(inv.parent.as_deref(), Some(H2));
        assert_eq!(inv.entries.len(), 2);
        assert_eq!(inv.entries[0].patch_file, H1);
        assert_eq!(inv.entries[1].info.name, b"x");
    }

    #[test]
    fn errors() {
        let bad_hash = format!("pristine:{EMPTY_SHA256}\n[x\nT**2026] \nhash: 123\n");
        assert!(matches!(parse_inventory(bad_hash.as_bytes(), Path::new("hi")), Err(Error::BadHash { .. })));
        let no_hash = format!("pristine:{EMPTY_SHA256}\n[x\nT**2026] \n");
        assert!(matches!(parse_inventory(no_hash.as_bytes(), Path::new("hi")), Err(Error::Malformed { .. })));
        assert!(matches!(parse_inventory(b"garbage", Path::new("hi")), Err(Error::Malformed { .. })));
    }

    #[test]
    fn duplicates_and_empty_continuations_are_refused() {
        let entry = |n: &str| format!("[{n}\nT <t@e>**20261124000239] \nhash: {H1}\n");
        let head = format!("pristine:{EMPTY_SHA256}\nStarting with inventory:\n{H2}\n{}", entry("b"));
        let parent = entry("a");
        let load = |_: &str| Ok((PathBuf::from("_darcs/inventories/p"), parent.clone().into_bytes()));
        let inv = read_chain_with(head.as_bytes(), Path::new("_darcs/hashed_inventory"), load).unwrap();
        assert_eq!(inv.entries.len(), 2);
        // the same patch in the head and in its parent
        let dup = format!("pristine:{EMPTY_SHA256}\nStarting with inventory:\n{H2}\n{}{}", entry("b"), entry("a"));
        let e = read_chain_with(dup.as_bytes(), Path::new("_darcs/hashed_inventory"), load).unwrap_err();
        assert!(matches!(&e, Error::DuplicatePatch { file, .. } if file.ends_with("hashed_inventory")), "{e}");
        assert!(e.to_string().contains("duplicate patch"), "{e}");
        // twice in one file
        let twice = format!("pristine:{EMPTY_SHA256}\n{}{}", entry("a"), entry("a"));
        assert!(matches!(read_chain_with(twice.as_bytes(), Path::new("h"), load), Err(Error::DuplicatePatch { .. })));
        // a head that continues an inventory but lists nothing (not even the tag)
        let empty = format!("pristine:{EMPTY_SHA256}\nStarting with inventory:\n{H2}\n");
        let e = read_chain_with(empty.as_bytes(), Path::new("h"), load).unwrap_err();
        assert!(matches!(&e, Error::MissingTag { parent, .. } if parent == H2), "{e}");
    }

    #[test]
    fn cycle() {
        let head = format!(
            "pristine:{EMPTY_SHA256}\nStarting with inventory:\n{H1}\n[TAG h\nT**20261124000239] \nhash: {H1}\n"
        );
        let a = format!("Starting with inventory:\n{H2}\n[TAG a\nT**20261124000239] \nhash: {H1}\n");
        let b = format!("Starting with inventory:\n{H1}\n[TAG b\nT**20261124000239] \nhash: {H1}\n");
        let r = read_chain_with(head.as_bytes(), Path::new("head"), |n| {
            Ok((PathBuf::from(n), if n == H1 { a.clone() } else { b.clone() }.into_bytes()))
        });
        match r {
            Err(Error::InventoryCycle { file, hash }) => {
                assert_eq!(file, PathBuf::from(H2));
                assert_eq!(hash, H1);
            }
            other => panic!("{other:?}"),
        }
    }
}
