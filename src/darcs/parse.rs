//! A byte cursor with darcs' lexical rules (attoparsec-style `skipSpace`, `lexWord`,
//! `linesStartingWith`), producing `Malformed` errors that name the file and line.

use std::path::Path;

use super::error::Error;

/// Whitespace as darcs' parser sees it (`isSpace_w8`): space, `\t`, `\n`, `\v`, `\f`, `\r`.
#[inline]
pub(crate) fn is_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// Cursor over one file's (uncompressed) bytes.
pub(crate) struct Cursor<'a> {
    pub data: &'a [u8],
    pub pos: usize,
    pub file: &'a Path,
    /// End of the last consumed *content* (excludes line terminators); used to cut
    /// the exact storage text of a patch out of a bundle.
    pub content_end: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(data: &'a [u8], file: &'a Path) -> Cursor<'a> {
        Cursor { data, pos: 0, file, content_end: 0 }
    }

    pub fn at(data: &'a [u8], file: &'a Path, pos: usize) -> Cursor<'a> {
        Cursor { data, pos, file, content_end: pos }
    }

    pub fn err(&self, what: impl Into<String>) -> Error {
        Error::malformed(self.file, self.data, self.pos, what)
    }

    pub fn err_at(&self, pos: usize, what: impl Into<String>) -> Error {
        Error::malformed(self.file, self.data, pos, what)
    }

    #[inline]
    pub fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    #[inline]
    pub fn rest(&self) -> &'a [u8] {
        self.data.get(self.pos..).unwrap_or(&[])
    }

    pub fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if !is_space(b) {
                break;
            }
            self.pos += 1;
        }
    }

    pub fn skip_spaces_only(&mut self) {
        while self.peek() == Some(b' ') {
            self.pos += 1;
        }
    }

    /// True when only whitespace remains.
    pub fn at_end(&mut self) -> bool {
        self.skip_space();
        self.pos >= self.data.len()
    }

    /// The next word (maximal run of non-space bytes) after whitespace, not consumed.
    pub fn peek_word(&mut self) -> Option<&'a [u8]> {
        self.skip_space();
        let rest = self.rest();
        let n = rest.iter().position(|&b| is_space(b)).unwrap_or(rest.len());
        if n == 0 {
            None
        } else {
            rest.get(..n)
        }
    }

    /// Consume and return the next word (`lexWord`).
    pub fn word(&mut self, what: &str) -> Result<&'a [u8], Error> {
        match self.peek_word() {
            Some(w) => {
                self.pos += w.len();
                self.content_end = self.pos;
                Ok(w)
            }
            None => Err(self.err(format!("{what}: unexpected end of data"))),
        }
    }

    /// After whitespace, consume the literal `s` if it is next (`lexString`/`peekfor`).
    pub fn lex_str(&mut self, s: &[u8]) -> bool {
        self.skip_space();
        if self.rest().starts_with(s) {
            self.pos += s.len();
            self.content_end = self.pos;
            true
        } else {
            false
        }
    }

    /// After whitespace, whether the literal `s` comes next (nothing consumed but whitespace).
    pub fn peek_str(&mut self, s: &[u8]) -> bool {
        self.skip_space();
        self.rest().starts_with(s)
    }

    /// Like `lex_str` but an error when absent.
    pub fn expect_str(&mut self, s: &[u8], what: &str) -> Result<(), Error> {
        if self.lex_str(s) {
            Ok(())
        } else {
            Err(self.err(format!("expected {:?} {what}", String::from_utf8_lossy(s))))
        }
    }

    /// A signed decimal integer after whitespace (`int`).
    pub fn int(&mut self, what: &str) -> Result<i64, Error> {
        self.skip_space();
        let start = self.pos;
        let mut i = self.pos;
        let neg = match self.data.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let digits_start = i;
        let mut v: i64 = 0;
        while let Some(&b) = self.data.get(i) {
            if !b.is_ascii_digit() {
                break;
            }
            v = v
                .checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(b - b'0')))
                .ok_or_else(|| self.err_at(start, format!("{what}: number too large")))?;
            i += 1;
        }
        if i == digits_start || self.data.get(i).is_some_and(|&b| !is_space(b)) {
            return Err(self.err_at(start, format!("{what}: expected a number")));
        }
        self.pos = i;
        self.content_end = i;
        Ok(if neg { -v } else { v })
    }

    /// Bytes up to (not including) the next `c` or the end; `c` is not consumed.
    pub fn take_till(&mut self, c: u8) -> &'a [u8] {
        let rest = self.rest();
        let n = rest.iter().position(|&b| b == c).unwrap_or(rest.len());
        self.pos += n;
        self.content_end = self.pos;
        rest.get(..n).unwrap_or(&[])
    }

    /// Consume one `\n` if it is next.
    pub fn newline(&mut self) -> bool {
        if self.peek() == Some(b'\n') {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// `linesStartingWith c`: lines whose first byte is `c`, without that byte and the `\n`.
    pub fn lines_starting_with(&mut self, c: u8) -> Vec<&'a [u8]> {
        let mut out = Vec::new();
        while self.peek() == Some(c) {
            self.pos += 1;
            let line = self.take_till(b'\n');
            self.newline();
            out.push(line);
        }
        out
    }
}
