//! The pristine Merkle tree (section 9): directory listings, file objects, and a walk
//! listing every recorded path like `darcs show files`.

use std::collections::{HashMap, HashSet};
use std::path::Path as FsPath;

use super::error::{quote_word, Error, Result};
use super::escape::decode_name;
use super::hash::{Kind, SizeHash, Store};
use super::prim::Path;

/// File or directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    /// A regular file.
    File,
    /// A directory.
    Directory,
}

/// One entry of a directory listing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TreeEntry {
    /// The name, unescaped raw bytes.
    pub name: Vec<u8>,
    /// File or directory.
    pub kind: EntryKind,
    /// The object's hash as written (bare sha256, or `size-sha256` in old pristines).
    pub hash: String,
}

/// A directory listing.
pub type Tree = Vec<TreeEntry>;

/// One path of a walk over the tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WalkEntry {
    /// Components from the root.
    pub path: Path,
    /// File or directory.
    pub kind: EntryKind,
    /// The object's hash.
    pub hash: String,
}

/// Parse a directory listing (`file:`/`directory:`, escaped name, hash; three lines each).
pub fn parse_dir(data: &[u8], file: &FsPath) -> Result<Tree> {
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    let mut pos = 0usize;
    let next_line = |pos: &mut usize| -> Option<(usize, &[u8])> {
        let rest = data.get(*pos..)?;
        if rest.is_empty() {
            return None;
        }
        let start = *pos;
        let n = rest.iter().position(|&b| b == b'\n');
        match n {
            Some(n) => {
                *pos += n + 1;
                Some((start, rest.get(..n).unwrap_or(&[])))
            }
            None => {
                *pos = data.len();
                Some((start, rest))
            }
        }
    };
    while let Some((at, kind_line)) = next_line(&mut pos) {
        let kind = match kind_line {
            b"file:" => EntryKind::File,
            b"directory:" => EntryKind::Directory,
            _ => return Err(Error::malformed(file, data, at, "directory listing: expected 'file:' or 'directory:'")),
        };
        let (nat, name) = next_line(&mut pos)
            .ok_or_else(|| Error::malformed(file, data, data.len(), "directory listing: missing name"))?;
        let name = decode_name(name).map_err(|what| Error::malformed(file, data, nat, what))?;
        let (hat, hash) = next_line(&mut pos)
            .ok_or_else(|| Error::malformed(file, data, data.len(), "directory listing: missing hash"))?;
        let hash = std::str::from_utf8(hash)
            .ok()
            .filter(|h| SizeHash::parse(h).is_some())
            .ok_or_else(|| Error::malformed(file, data, hat, "directory listing: invalid hash"))?
            .to_string();
        if !seen.insert(name.clone()) {
            return Err(Error::malformed(
                file,
                data,
                nat,
                format!("directory listing: duplicate name {}", quote_word(&name)),
            ));
        }
        entries.push(TreeEntry { name, kind, hash });
    }
    Ok(entries)
}

/// Read access to a repository's pristine tree.
pub struct Pristine<'s> {
    store: &'s Store,
}

impl<'s> Pristine<'s> {
    /// The pristine objects of the repository behind `store`.
    pub fn new(store: &'s Store) -> Pristine<'s> {
        Pristine { store }
    }

    /// Read and verify a directory object.
    pub fn read_dir(&self, hash: &str) -> Result<Tree> {
        let data = self.store.read(Kind::Pristine, hash)?;
        parse_dir(&data, &self.store.local_path(Kind::Pristine, hash))
    }

    /// Read and verify a file object (size-capped by the store's limits).
    pub fn read_file(&self, hash: &str) -> Result<Vec<u8>> {
        self.store.read(Kind::Pristine, hash)
    }

    /// Look up a path from the root; `None` when absent.
    pub fn lookup(&self, root: &str, path: &Path) -> Result<Option<(EntryKind, String)>> {
        let mut cur = (EntryKind::Directory, root.to_string());
        for comp in path {
            if cur.0 != EntryKind::Directory {
                return Ok(None);
            }
            let entries = self.read_dir(&cur.1)?;
            match entries.into_iter().find(|e| &e.name == comp) {
                Some(e) => cur = (e.kind, e.hash),
                None => return Ok(None),
            }
        }
        Ok(Some(cur))
    }

    /// Every file and directory below `root` (root itself excluded), in `darcs show files`
    /// order: a directory's entries, then the contents of its subdirectories.
    pub fn walk(&self, root: &str) -> Result<Vec<WalkEntry>> {
        let limit = self.store.limits().max_tree_entries;
        let mut cache: HashMap<String, std::rc::Rc<Vec<TreeEntry>>> = HashMap::new();
        let mut out = Vec::new();
        let mut stack: Vec<(Path, String, usize)> = vec![(Vec::new(), root.to_string(), 0)];
        let mut queue = std::collections::VecDeque::new();
        // breadth of one directory, then recurse: emulate with an explicit work list
        while let Some((prefix, hash, depth)) = stack.pop() {
            if depth > 4096 {
                return Err(Error::malformed(
                    &self.store.local_path(Kind::Pristine, &hash),
                    &[],
                    0,
                    "pristine tree too deep",
                ));
            }
            let entries = match cache.get(&hash) {
                Some(e) => e.clone(),
                None => {
                    let e = std::rc::Rc::new(self.read_dir(&hash)?);
                    cache.insert(hash.clone(), e.clone());
                    e
                }
            };
            for e in entries.iter() {
                let mut p = prefix.clone();
                p.push(e.name.clone());
                if out.len() >= limit {
                    return Err(Error::TooLarge {
                        file: self.store.local_path(Kind::Pristine, root),
                        limit: limit as u64,
                    });
                }
                out.push(WalkEntry { path: p.clone(), kind: e.kind, hash: e.hash.clone() });
                if e.kind == EntryKind::Directory {
                    queue.push_back((p, e.hash.clone(), depth + 1));
                }
            }
            // subdirectories are expanded after all their siblings, in order
            while let Some(item) = queue.pop_back() {
                stack.push(item);
            }
        }
        Ok(out)
    }
}
