//! The types of the core's API: trees, named patches (with darcs-2/3 conflictors), and
//! what the ops answer.

use super::*;

/// A state of the repository tree: every path with what is there.
pub type Tree = BTreeMap<Path, Node>;

/// What a path holds in a [`Tree`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A directory; its entries are the paths below it in the same tree.
    Dir,
    /// A file with its raw content.
    File(Vec<u8>),
}

/// What [`file_at`] finds at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Nothing is at the path after the patches.
    Absent,
    /// A file, with its raw content.
    File(Vec<u8>),
    /// A directory, with the names of its entries.
    Dir(Vec<Vec<u8>>),
}

/// A named patch as the core sees it: its effect and its explicit dependencies
/// (indices of earlier patches of the same sequence).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Named {
    /// The patch's effect, in order.
    pub prims: Vec<Prim>,
    /// Indices of earlier patches of the sequence it explicitly depends on (`--ask-deps`).
    pub deps: Vec<u32>,
}

/// A darcs-3 prim with its identity, as the core sees it: `inverse` for a negative
/// `hash -N ID`, `position` = N, `patch` = a number the caller gives each patch id
/// (equal ids, equal numbers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NPrim {
    /// Whether this is the inverse of the identified prim (`hash -N ID`).
    pub inverse: bool,
    /// N in `hash N ID`: the prim's position in its named patch.
    pub position: u32,
    /// The caller's number for the named patch id; equal ids must get equal numbers.
    pub patch: u32,
    /// The prim itself.
    pub prim: Prim,
}

/// A darcs-3 contexted prim: the prims it depends on, then the prim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contexted3 {
    /// The prims that must precede [`patch`](Self::patch), in order.
    pub context: Vec<NPrim>,
    /// The prim, seen after its context.
    pub patch: NPrim,
}

/// A darcs-3 repository patch: a prim, or a conflictor (effect, the set it conflicts
/// with, its own identity).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rp3 {
    /// A plain prim with its identity.
    Prim(NPrim),
    /// A conflictor: what it does to the tree, and what it conflicts with.
    Conflictor {
        /// Its effect on the tree, as stored in the patch.
        effect: Vec<NPrim>,
        /// The set of contexted prims it conflicts with.
        conflicts: Vec<Contexted3>,
        /// The prim this conflictor stands for, in its context.
        identity: Contexted3,
    },
}

/// A darcs-3 named patch with its repository patches (conflictors kept) and explicit
/// dependencies (indices of earlier patches of the same sequence).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Named3 {
    /// The repository patches, in order.
    pub patches: Vec<Rp3>,
    /// Indices of the earlier patches it explicitly depends on.
    pub deps: Vec<u32>,
}

/// A darcs-2 named patch with its repository patches as parsed (conflictors and
/// duplicates kept) and explicit dependencies (indices of earlier patches).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Named2 {
    /// The repository patches, in order: prims, (inverse) duplicates and (inverse) conflictors;
    /// any other kind makes [`dependencies2`] answer [`CoreError::Unsupported`].
    pub patches: Vec<crate::darcs::patch::RepoPatch>,
    /// Indices of the earlier patches it explicitly depends on.
    pub deps: Vec<u32>,
}

/// Line origins of a file: for each line, the index of the named patch that
/// introduced it (`None`: unknown), and the lines themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// For each line, the index of the named patch that introduced it (`None`: unknown).
    pub origins: Vec<Option<u32>>,
    /// The file's lines (its content split on `\n`), as many as `origins`.
    pub lines: Vec<Vec<u8>>,
}

/// The result of commuting `p;q`: `Some((q', p'))`, or `None` when they do not commute.
pub type Commuted = Option<(Vec<Prim>, Vec<Prim>)>;
