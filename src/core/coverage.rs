//! Op 22: darcs' replay of named patches from a tree, with each patch classified against
//! the hypotheses of the laws (strict apply, no empty hunk), `theories/Strict.v`.

use super::wire::{Dec, Enc, Malformed};
use super::{dec_tree, enc_named, enc_tree, run, CoreError, Named, Tree};

const OP_COVERAGE: u32 = 22;

/// Where one named patch stands with respect to the laws' hypotheses, from the tree the
/// replay reached before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Class {
    /// The first prim (index in the patch) strict apply fails on; `None` when the whole
    /// patch applies strictly. darcs' apply, more lenient, applied it.
    pub non_strict_at: Option<u32>,
    /// The patch holds an empty hunk (no old and no new line).
    pub empty_hunk: bool,
}

impl Class {
    /// Inside the hypotheses of the laws: strict apply succeeds and no hunk is empty.
    pub fn inside(&self) -> bool {
        self.non_strict_at.is_none() && !self.empty_hunk
    }
}

/// Replay `patches` from `base` with darcs' apply: one [`Class`] per patch and the tree
/// at the end. A patch that does not apply is [`CoreError::DoesNotApply`] with its index
/// in `patches` and the index of the failing prim inside it.
pub fn coverage(base: &Tree, patches: &[Named]) -> Result<(Vec<Class>, Tree), CoreError> {
    run(request(base, patches)?, dec_answer)
}

fn request(base: &Tree, patches: &[Named]) -> Result<Enc, CoreError> {
    let mut e = Enc::new(OP_COVERAGE);
    enc_tree(&mut e, base)?;
    enc_named(&mut e, patches)?;
    Ok(e)
}

fn dec_answer(d: &mut Dec) -> Result<(Vec<Class>, Tree), Malformed> {
    let classes = dec_classes(d)?;
    let tree = dec_tree(d)?;
    Ok((classes, tree))
}

fn dec_classes(d: &mut Dec) -> Result<Vec<Class>, Malformed> {
    let n = d.u32()?;
    (0..n)
        .map(|_| {
            let at = d.u32()?;
            let empty = d.u8()?;
            Ok(Class { non_strict_at: (at != u32::MAX).then_some(at), empty_hunk: empty != 0 })
        })
        .collect()
}
