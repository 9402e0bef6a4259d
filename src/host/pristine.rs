//! The recorded tree as darcs stores it (darcs-format.md section 9): one object per
//! file (its bytes) and per directory (its listing), each named by the SHA-256 of its
//! uncompressed content.

use std::collections::{BTreeMap, HashSet};

use sha2::{Digest, Sha256};

use crate::core::{Node, Tree};
use crate::darcs::escape::encode_white;
use crate::darcs::prim::Path;

/// The root hash of `tree` and every object it is made of: `(sha256 hex, content)`,
/// children before their directory, each object once.
pub fn objects(tree: &Tree) -> (String, Vec<(String, Vec<u8>)>) {
    // children of each directory (the root is the empty path)
    let mut children: BTreeMap<Path, Vec<Path>> = BTreeMap::new();
    children.insert(Vec::new(), Vec::new());
    for (path, node) in tree {
        if let Some((_, parent)) = path.split_last() {
            children.entry(parent.to_vec()).or_default().push(path.clone());
        }
        if matches!(node, Node::Dir) {
            children.entry(path.clone()).or_default();
        }
    }
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |out: &mut Vec<(String, Vec<u8>)>, data: Vec<u8>| -> String {
        let h = hex::encode(Sha256::digest(&data));
        if seen.insert(h.clone()) {
            out.push((h.clone(), data));
        }
        h
    };
    let mut hashes: BTreeMap<Path, String> = BTreeMap::new();
    // deepest directories first, so every child's hash is known before its listing
    let mut dirs: Vec<Path> = children.keys().cloned().collect();
    dirs.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for dir in dirs {
        let mut kids = children.remove(&dir).unwrap_or_default();
        kids.sort_by(|a, b| a.last().cmp(&b.last()));
        let mut listing = Vec::new();
        for kid in kids {
            let name = kid.last().map(Vec::as_slice).unwrap_or(b"");
            let (kind, h) = match tree.get(&kid) {
                Some(Node::File(c)) => ("file:\n", push(&mut out, c.clone())),
                _ => ("directory:\n", hashes.get(&kid).cloned().unwrap_or_default()),
            };
            listing.extend_from_slice(kind.as_bytes());
            listing.extend_from_slice(&encode_white(name));
            listing.push(b'\n');
            listing.extend_from_slice(h.as_bytes());
            listing.push(b'\n');
        }
        let h = push(&mut out, listing);
        hashes.insert(dir, h);
    }
    (hashes.remove(&Vec::new()).unwrap_or_default(), out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Path {
        s.split('/').map(|c| c.as_bytes().to_vec()).collect()
    }

    #[test]
    fn empty_tree_is_the_empty_hash() {
        let (root, objs) = objects(&Tree::new());
        assert_eq!(root, crate::darcs::hash::EMPTY_SHA256);
        assert_eq!(objs.len(), 1);
    }

    #[test]
    fn listing_as_darcs_writes_it() {
        // the example of darcs-format.md section 9, raw-name order with escaped names
        let mut t = Tree::new();
        t.insert(p("b"), Node::File(b"x\n".to_vec()));
        t.insert(p("a b"), Node::File(Vec::new()));
        t.insert(p("d"), Node::Dir);
        t.insert(p("d/e"), Node::File(b"x\n".to_vec()));
        let (root, objs) = objects(&t);
        let find = |h: &str| objs.iter().find(|(n, _)| n == h).map(|(_, d)| d.clone()).unwrap();
        let listing = String::from_utf8(find(&root)).unwrap();
        let x = hex::encode(Sha256::digest(b"x\n"));
        let e = crate::darcs::hash::EMPTY_SHA256;
        let d = hex::encode(Sha256::digest(format!("file:\ne\n{x}\n")));
        assert_eq!(listing, format!("file:\na\\32\\b\n{e}\nfile:\nb\n{x}\ndirectory:\nd\n{d}\n"));
        // "x\n" is stored once although two files hold it
        assert_eq!(objs.iter().filter(|(n, _)| *n == x).count(), 1);
    }
}
