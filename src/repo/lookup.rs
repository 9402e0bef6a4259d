//! Lookups in a repository's index beyond the full hash: short hash prefixes (the
//! 8-digit forms shown everywhere) and, for tree listings, the last patch that touched
//! each entry of a directory (from the index of touched paths).

use std::sync::Arc;

use super::{Index, PatchDetail, Repo, Result};
use crate::darcs::prim::Path;

impl Repo {
    /// The details of the patches at `ids` (one look at the repository's state for all
    /// of them: a log page asks for fifty).
    pub fn details(&self, ids: &[usize]) -> Result<Vec<Result<Arc<PatchDetail>>>> {
        let h = self.history()?;
        Ok(ids.iter().map(|&i| h.detail(i)).collect())
    }
}

/// Shortest hash prefix accepted in a URL.
pub const MIN_PREFIX: usize = 6;

/// What a hash prefix names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prefix {
    /// Exactly one patch, at this position.
    One(usize),
    /// Several patches (positions, newest first).
    Many(Vec<usize>),
    /// No patch.
    None,
}

/// Whether `s` can be a hash prefix: [`MIN_PREFIX`] to 39 hexadecimal digits.
pub fn is_prefix(s: &str) -> bool {
    (MIN_PREFIX..40).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Index {
    /// The patches whose hash starts with `prefix` (case-insensitive).
    pub fn by_prefix(&self, prefix: &str) -> Prefix {
        let prefix = prefix.to_ascii_lowercase();
        let mut found: Vec<usize> =
            self.patches.iter().rev().filter(|p| p.hash.starts_with(&prefix)).map(|p| p.index).collect();
        match found.len() {
            0 => Prefix::None,
            1 => Prefix::One(found.remove(0)),
            _ => Prefix::Many(found),
        }
    }

    /// For each name of the directory `dir` (at the version with the first `applied`
    /// patches), the position of the last of those patches that touched it or anything
    /// below it (its addition, an edit, a move to or from it). `None` where the index of
    /// touched paths cannot be built (a patch whose effect is not modelled).
    pub fn last_touching(&self, applied: usize, dir: &Path, names: &[Vec<u8>]) -> Option<Vec<Option<usize>>> {
        let touched = self.touched.get_or_init(|| self.touched_source.as_ref().and_then(|f| f())).as_ref()?;
        let mut out: Vec<Option<usize>> = vec![None; names.len()];
        let mut left = names.len();
        let slot = |p: &Path| -> Option<usize> {
            if p.len() > dir.len() && p.starts_with(dir) {
                names.iter().position(|n| *n == p[dir.len()])
            } else {
                None
            }
        };
        for i in (0..applied.min(touched.len())).rev() {
            if left == 0 {
                break;
            }
            for (from, to) in &touched[i] {
                for p in std::iter::once(from).chain(to.iter()) {
                    // a patch touching the directory itself (or above) touches every entry
                    let all = dir.starts_with(p);
                    let hit = slot(p);
                    for (k, o) in out.iter_mut().enumerate() {
                        if o.is_none() && (all || hit == Some(k)) {
                            *o = Some(i);
                            left -= 1;
                        }
                    }
                }
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::super::PatchMeta;
    use super::*;

    fn meta(i: usize, hash: String) -> PatchMeta {
        PatchMeta {
            index: i,
            hash,
            name: format!("p{i}"),
            author: "A".into(),
            date: "20240101000000".into(),
            comment: None,
            description: String::new(),
            inverted: false,
            tag: None,
        }
    }

    #[test]
    fn prefixes_are_unique_ambiguous_or_unknown() {
        let ix = Index::new(vec![
            meta(0, format!("abcdef{}", "0".repeat(34))),
            meta(1, format!("abcdef{}", "1".repeat(34))),
            meta(2, format!("123456{}", "2".repeat(34))),
        ]);
        assert_eq!(ix.by_prefix("123456"), Prefix::One(2));
        assert_eq!(ix.by_prefix("ABCDEF1"), Prefix::One(1));
        assert_eq!(ix.by_prefix("abcdef"), Prefix::Many(vec![1, 0]));
        assert_eq!(ix.by_prefix("fedcba"), Prefix::None);
        assert!(is_prefix("abcdef") && is_prefix("ABCDEF12") && !is_prefix("abcde") && !is_prefix("abcdeg"));
        assert!(!is_prefix(&"a".repeat(40)));
    }

    #[test]
    fn last_touching_follows_the_index_backwards() {
        let p = |s: &str| -> Path { s.split('/').filter(|c| !c.is_empty()).map(|c| c.as_bytes().to_vec()).collect() };
        let mut ix = Index::new((0..4).map(|i| meta(i, format!("{i:040x}"))).collect());
        let touched: Vec<Vec<super::super::history::Touch>> = vec![
            vec![(p("d"), None), (p("d/a"), None), (p("d/b"), None)],
            vec![(p("d/a"), None)],
            vec![(p("x"), None)],
            vec![(p("d/c"), Some(p("d/b")))],
        ];
        ix.touched_source = Some(std::sync::Arc::new(move || Some(touched.clone())));
        let names = vec![b"a".to_vec(), b"b".to_vec()];
        assert_eq!(ix.last_touching(4, &p("d"), &names), Some(vec![Some(1), Some(3)]));
        assert_eq!(ix.last_touching(3, &p("d"), &names), Some(vec![Some(1), Some(0)]));
        assert_eq!(ix.last_touching(4, &p(""), &[b"x".to_vec(), b"d".to_vec()]), Some(vec![Some(2), Some(3)]));
    }
}
