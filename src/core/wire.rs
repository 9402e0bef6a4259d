//! Encoding and decoding of the byte format described in `WIRE.md`.
//!
//! Only marshalling lives here; every answer is computed on the OCaml side.

use crate::darcs::prim::{Path, Prim};

/// Builds a request.
#[derive(Default)]
pub struct Enc {
    /// The bytes encoded so far, sent as is once complete.
    pub buf: Vec<u8>,
}

/// A length (of a list or a string) does not fit the format's `u32`: the request is
/// refused, never truncated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge;

type W = Result<(), TooLarge>;

impl Enc {
    /// A request for operation `op` (an `OP_*` number of the table in `WIRE.md`), its payload to follow.
    pub fn new(op: u32) -> Self {
        let mut e = Enc { buf: Vec::with_capacity(256) };
        e.u32(op);
        e
    }
    /// One byte (tags, kinds, flags).
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// A `u32`, little-endian.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// A length; fails (writing nothing) if it does not fit in a `u32`.
    pub fn len(&mut self, n: usize) -> W {
        let n = u32::try_from(n).map_err(|_| TooLarge)?;
        self.u32(n);
        Ok(())
    }
    /// `list<u32>`.
    pub fn u32s(&mut self, v: &[u32]) -> W {
        self.len(v.len())?;
        for x in v {
            self.u32(*x);
        }
        Ok(())
    }
    /// A `str` (or a `content`): length, then the raw bytes.
    pub fn bytes(&mut self, b: &[u8]) -> W {
        self.len(b.len())?;
        self.buf.extend_from_slice(b);
        Ok(())
    }
    /// `list<str>`, e.g. the lines of a hunk.
    pub fn strs(&mut self, v: &[Vec<u8>]) -> W {
        self.len(v.len())?;
        for s in v {
            self.bytes(s)?;
        }
        Ok(())
    }
    /// A `path`: the list of its components.
    pub fn path(&mut self, p: &Path) -> W {
        self.strs(p)
    }
    /// A `prim`: its tag (0 hunk … 8 changepref), then its fields.
    pub fn prim(&mut self, p: &Prim) -> W {
        match p {
            Prim::Hunk { path, line, old, new } => {
                self.u8(0);
                self.path(path)?;
                self.u32(*line);
                self.strs(old)?;
                self.strs(new)?;
            }
            Prim::AddFile(path) => {
                self.u8(1);
                self.path(path)?;
            }
            Prim::RmFile(path) => {
                self.u8(2);
                self.path(path)?;
            }
            Prim::AddDir(path) => {
                self.u8(3);
                self.path(path)?;
            }
            Prim::RmDir(path) => {
                self.u8(4);
                self.path(path)?;
            }
            Prim::Move { from, to } => {
                self.u8(5);
                self.path(from)?;
                self.path(to)?;
            }
            Prim::Replace { path, tokchars, old, new } => {
                self.u8(6);
                self.path(path)?;
                self.bytes(tokchars)?;
                self.bytes(old)?;
                self.bytes(new)?;
            }
            Prim::Binary { path, old, new } => {
                self.u8(7);
                self.path(path)?;
                self.bytes(old)?;
                self.bytes(new)?;
            }
            Prim::ChangePref { name, old, new } => {
                self.u8(8);
                self.bytes(name)?;
                self.bytes(old)?;
                self.bytes(new)?;
            }
        }
        Ok(())
    }
    /// `list<prim>`, a sequence applied in order.
    pub fn prims(&mut self, ps: &[Prim]) -> W {
        self.len(ps.len())?;
        for p in ps {
            self.prim(p)?;
        }
        Ok(())
    }
}

/// Reads a response; every read checks bounds and reports malformed data.
pub struct Dec<'a> {
    buf: &'a [u8],
    pos: usize,
}

/// The response did not follow WIRE.md (a glue bug, never user input).
#[derive(Debug)]
pub struct Malformed(pub &'static str);

type R<T> = Result<T, Malformed>;

impl<'a> Dec<'a> {
    /// A reader at the start of `buf`, a whole response.
    pub fn new(buf: &'a [u8]) -> Self {
        Dec { buf, pos: 0 }
    }
    fn take(&mut self, n: usize) -> R<&'a [u8]> {
        let end = self.pos.checked_add(n).ok_or(Malformed("length overflow"))?;
        let s = self.buf.get(self.pos..end).ok_or(Malformed("truncated response"))?;
        self.pos = end;
        Ok(s)
    }
    /// The next byte.
    pub fn u8(&mut self) -> R<u8> {
        Ok(self.take(1)?[0])
    }
    /// The next `u32`, little-endian.
    pub fn u32(&mut self) -> R<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn count(&mut self) -> R<usize> {
        let n = self.u32()? as usize;
        // every item takes at least one byte: a count larger than what is left is corrupt
        if n > self.buf.len() - self.pos {
            return Err(Malformed("count larger than the response"));
        }
        Ok(n)
    }
    /// The next `str` (or `content`), copied out.
    pub fn bytes(&mut self) -> R<Vec<u8>> {
        let n = self.u32()? as usize;
        Ok(self.take(n)?.to_vec())
    }
    /// The next `list<str>`.
    pub fn strs(&mut self) -> R<Vec<Vec<u8>>> {
        let n = self.count()?;
        (0..n).map(|_| self.bytes()).collect()
    }
    /// The next `path`, as its components.
    pub fn path(&mut self) -> R<Path> {
        self.strs()
    }
    /// The next `list<u32>`.
    pub fn u32s(&mut self) -> R<Vec<u32>> {
        let n = self.count()?;
        (0..n).map(|_| self.u32()).collect()
    }
    /// The next `prim`; an unknown tag is [`Malformed`].
    pub fn prim(&mut self) -> R<Prim> {
        Ok(match self.u8()? {
            0 => Prim::Hunk { path: self.path()?, line: self.u32()?, old: self.strs()?, new: self.strs()? },
            1 => Prim::AddFile(self.path()?),
            2 => Prim::RmFile(self.path()?),
            3 => Prim::AddDir(self.path()?),
            4 => Prim::RmDir(self.path()?),
            5 => Prim::Move { from: self.path()?, to: self.path()? },
            6 => Prim::Replace { path: self.path()?, tokchars: self.bytes()?, old: self.bytes()?, new: self.bytes()? },
            7 => Prim::Binary { path: self.path()?, old: self.bytes()?, new: self.bytes()? },
            8 => Prim::ChangePref { name: self.bytes()?, old: self.bytes()?, new: self.bytes()? },
            _ => return Err(Malformed("unknown prim tag")),
        })
    }
    /// The next `list<prim>`.
    pub fn prims(&mut self) -> R<Vec<Prim>> {
        let n = self.count()?;
        (0..n).map(|_| self.prim()).collect()
    }
    /// Check that the whole response was read: trailing bytes mean the two sides disagree.
    pub fn done(&self) -> R<()> {
        if self.pos == self.buf.len() {
            Ok(())
        } else {
            Err(Malformed("trailing bytes in response"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_length_that_does_not_fit_in_u32_is_refused_not_truncated() {
        let mut e = Enc::new(1);
        let before = e.buf.clone();
        assert_eq!(e.len(u32::MAX as usize), Ok(()));
        assert_eq!(&e.buf[before.len()..], &u32::MAX.to_le_bytes());
        if let Some(n) = (u32::MAX as usize).checked_add(1) {
            let mut e = Enc::new(1);
            assert_eq!(e.len(n), Err(TooLarge));
            assert_eq!(e.buf, before, "nothing is written for a refused length");
        }
    }
}
