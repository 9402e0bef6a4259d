//! Patch bundles (`darcs send -o`, `.dpatch`) and context files (section 12).

use std::ops::Range;
use std::path::Path;

use sha1::{Digest, Sha1};

use super::error::{Error, Result};
use super::format::RepoFormat;
use super::info::{parse_info, PatchInfo};
use super::parse::Cursor;
use super::patch::{parse_named_at, NamedPatch};

/// A parsed bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// The new patches, in bundle order (oldest first).
    pub patches: Vec<NamedPatch>,
    /// Byte ranges of each patch's storage text in the (unwrapped) bundle.
    pub patch_texts: Vec<Range<usize>>,
    /// The context: patches the receiver must have, newest first.
    pub context: Vec<PatchInfo>,
    /// The `Patch bundle hash:` value, if present (already checked).
    pub hash: Option<String>,
    /// The bundle bytes the ranges refer to (PGP wrapper removed).
    pub text: Vec<u8>,
}

fn line_starts(data: &[u8]) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(data.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| i + 1))
}

/// Remove a PGP clear-signature wrapper (undoing `- ` dash escapes), if any.
fn strip_pgp(data: &[u8]) -> Vec<u8> {
    const BEGIN: &[u8] = b"-----BEGIN PGP SIGNED MESSAGE-----";
    const SIG: &[u8] = b"-----BEGIN PGP SIGNATURE-----";
    let lines: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    let Some(b) = lines.iter().position(|l| l.strip_suffix(b"\r").unwrap_or(l) == BEGIN) else {
        return data.to_vec();
    };
    let mut i = b + 1;
    while lines.get(i).is_some_and(|l| !l.is_empty()) {
        i += 1; // armor headers (Hash: ...)
    }
    let mut out = Vec::with_capacity(data.len());
    for l in lines.iter().skip(i + 1) {
        if l.starts_with(SIG) {
            break;
        }
        out.extend_from_slice(l.strip_prefix(b"- ").unwrap_or(l));
        out.push(b'\n');
    }
    out
}

/// Parse a bundle whose patches are in `format`; a present but wrong bundle hash is a
/// `HashMismatch` ("Patch bundle failed hash!").
pub fn parse_bundle(data: &[u8], format: RepoFormat, file: &Path) -> Result<Bundle> {
    let text = strip_pgp(data);
    let t: &[u8] = &text;
    let first = line_starts(t)
        .find(|&s| t.get(s..).is_some_and(|r| r.starts_with(b"New patches:") || r.starts_with(b"Context:")))
        .ok_or_else(|| Error::malformed(file, t, 0, "bundle: no 'New patches:' or 'Context:' line"))?;
    let mut c = Cursor::at(t, file, first);
    let mut patches = Vec::new();
    let mut patch_texts = Vec::new();
    let mut context = Vec::new();
    let mut hash = None;
    let (mut seen_new, mut seen_ctx) = (false, false);
    loop {
        if c.at_end() {
            break;
        }
        if !seen_new && c.lex_str(b"New patches:") {
            seen_new = true;
            loop {
                c.skip_space();
                if c.peek() != Some(b'[') {
                    break;
                }
                let start = c.pos;
                let (np, end, pos) = parse_named_at(t, start, format, file)?;
                patches.push(np);
                patch_texts.push(start..end);
                c.pos = pos;
            }
        } else if !seen_ctx && c.lex_str(b"Context:") {
            seen_ctx = true;
            loop {
                c.skip_space();
                if c.peek() != Some(b'[') {
                    break;
                }
                context.push(parse_info(&mut c)?);
            }
        } else if hash.is_none() && c.lex_str(b"Patch bundle hash:") {
            let h = c.word("bundle hash")?;
            if h.len() != 40 || !h.iter().all(u8::is_ascii_hexdigit) {
                return Err(c.err("bundle: invalid bundle hash"));
            }
            hash = Some(String::from_utf8_lossy(h).to_ascii_lowercase());
        } else {
            return Err(c.err("bundle: expected 'New patches:', 'Context:' or 'Patch bundle hash:'"));
        }
    }
    if let Some(expected) = &hash {
        let actual = bundle_hash(t, &patch_texts);
        if *expected != actual {
            return Err(Error::HashMismatch { file: file.to_path_buf(), expected: expected.clone(), actual });
        }
    }
    Ok(Bundle { patches, patch_texts, context, hash, text })
}

/// SHA-1 of the patches' storage texts joined by `\n`, plus a final `\n` (section 12.1).
pub fn bundle_hash(text: &[u8], ranges: &[Range<usize>]) -> String {
    let mut h = Sha1::new();
    for (i, r) in ranges.iter().enumerate() {
        if i > 0 {
            h.update(b"\n");
        }
        h.update(text.get(r.clone()).unwrap_or(&[]));
    }
    h.update(b"\n");
    hex::encode(h.finalize())
}

/// Parse a context file (`darcs log --context`): the patch infos after `Context:`.
pub fn parse_context(data: &[u8], file: &Path) -> Result<Vec<PatchInfo>> {
    let start = line_starts(data)
        .find(|&s| data.get(s..).is_some_and(|r| r.starts_with(b"Context:")))
        .ok_or_else(|| Error::malformed(file, data, 0, "context: no 'Context:' line"))?;
    let mut c = Cursor::at(data, file, start + b"Context:".len());
    let mut out = Vec::new();
    loop {
        c.skip_space();
        if c.peek() != Some(b'[') {
            break;
        }
        out.push(parse_info(&mut c)?);
    }
    if !c.at_end() {
        return Err(c.err("context: unexpected text"));
    }
    Ok(out)
}
