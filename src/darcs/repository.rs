//! `Repository`: a read-only view of one darcs repository (format, inventory, patches on demand).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::error::{Error, Result};
use super::files::RepoDir;
use super::format::{read_format_in, FormatInfo, RepoFormat};
use super::hash::{Kind, Limits, Source, Store};
use super::inventory::{read_inventory, Entry, Inventory};
use super::patch::NamedPatch;
use super::pristine::Pristine;
use super::rebase::{read_rebase_in, Suspended};

/// How to open a repository.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Size caps.
    pub limits: Limits,
    /// Extra local sources tried after the repository and its `prefs/sources`
    /// (e.g. the global cache `~/.cache/darcs` as `Source::Cache`).
    pub extra_sources: Vec<Source>,
}

/// A darcs repository opened read-only. Nothing is ever written to it.
#[derive(Debug)]
pub struct Repository {
    format: FormatInfo,
    store: Store,
    inventory: Inventory,
    ids: OnceLock<(Vec<String>, HashMap<String, usize>)>,
}

impl Repository {
    /// Open the repository whose root (the directory containing `_darcs`) is `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Repository> {
        Repository::open_with(path, Options::default())
    }

    /// Open with explicit options.
    pub fn open_with(path: impl AsRef<Path>, opts: Options) -> Result<Repository> {
        let dir = RepoDir::open(path.as_ref());
        let format = read_format_in(&dir)?;
        let store = Store::open_in(dir, opts.limits, opts.extra_sources);
        let inventory = read_inventory(&store)?;
        Ok(Repository { format, store, inventory, ids: OnceLock::new() })
    }

    /// The repository root.
    pub fn root(&self) -> &Path {
        self.store.root()
    }

    /// `_darcs/format` as parsed.
    pub fn format_info(&self) -> &FormatInfo {
        &self.format
    }

    /// The patch format (darcs-1/2/3).
    pub fn format(&self) -> RepoFormat {
        self.format.format
    }

    /// The hashed-file store (repository plus local sources).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The full inventory (pristine root, entries oldest first, inventory files).
    pub fn inventory(&self) -> &Inventory {
        &self.inventory
    }

    /// The patches, oldest first.
    pub fn entries(&self) -> &[Entry] {
        &self.inventory.entries
    }

    /// Number of patches.
    pub fn len(&self) -> usize {
        self.inventory.entries.len()
    }

    /// Whether the repository has no patches.
    pub fn is_empty(&self) -> bool {
        self.inventory.entries.is_empty()
    }

    /// Root hash of the recorded tree.
    pub fn pristine_root(&self) -> &str {
        &self.inventory.pristine
    }

    /// Access to the recorded tree.
    pub fn pristine(&self) -> Pristine<'_> {
        Pristine::new(&self.store)
    }

    fn id_table(&self) -> &(Vec<String>, HashMap<String, usize>) {
        self.ids.get_or_init(|| {
            let ids: Vec<String> = self.inventory.entries.iter().map(|e| e.info.id()).collect();
            let map = ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
            (ids, map)
        })
    }

    /// Patch ids in repository order (computed once).
    pub fn ids(&self) -> &[String] {
        &self.id_table().0
    }

    /// Index of the patch with this id (40 hex), if present.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.id_table().1.get(id).copied()
    }

    /// Index of the only patch whose id starts with `prefix` (at least 4 hex digits).
    pub fn index_of_prefix(&self, prefix: &str) -> Option<usize> {
        if prefix.len() < 4 {
            return None;
        }
        let mut it = self.ids().iter().enumerate().filter(|(_, id)| id.starts_with(prefix));
        match (it.next(), it.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// Path of the patch file of entry `index` inside the repository.
    pub fn patch_path(&self, index: usize) -> Option<PathBuf> {
        let e = self.inventory.entries.get(index)?;
        Some(self.store.local_path(Kind::Patches, &e.patch_file))
    }

    /// Read, verify and parse the patch file of entry `index`; its info must equal the entry's.
    pub fn patch(&self, index: usize) -> Result<NamedPatch> {
        let e = self
            .inventory
            .entries
            .get(index)
            .ok_or_else(|| Error::NotFound(format!("patch number {index} (repository has {})", self.len())))?;
        let file = self.store.local_path(Kind::Patches, &e.patch_file);
        let data = self.store.read(Kind::Patches, &e.patch_file)?;
        let np = NamedPatch::parse(&data, self.format.format, &file)?;
        if np.info != e.info {
            return Err(Error::InfoMismatch { file, expected: e.info.id(), actual: np.info.id() });
        }
        Ok(np)
    }

    /// The raw (uncompressed, verified) bytes of the patch file of entry `index`.
    pub fn patch_bytes(&self, index: usize) -> Result<Vec<u8>> {
        let e = self.inventory.entries.get(index).ok_or_else(|| Error::NotFound(format!("patch number {index}")))?;
        self.store.read(Kind::Patches, &e.patch_file)
    }

    /// Patches suspended by a rebase in progress (empty when none).
    pub fn suspended(&self) -> Result<Vec<Suspended>> {
        read_rebase_in(self.store.dir(), self.format.format, self.store.limits().max_file_size)
    }

    /// Tags, newest first: (index, tag name), as `darcs show tags` lists them.
    pub fn tags(&self) -> Vec<(usize, &[u8])> {
        self.inventory.entries.iter().enumerate().rev().filter_map(|(i, e)| e.info.tag_name().map(|t| (i, t))).collect()
    }
}

#[cfg(test)]
mod tests {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn repository_is_send_and_sync() {
        assert_send_sync::<super::Repository>();
        assert_send_sync::<super::super::NamedPatch>();
        assert_send_sync::<super::super::Error>();
    }
}
