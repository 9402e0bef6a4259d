//! `darcs transfer-mode`, the server side: how darcs reads a repository over one SSH
//! connection (darcs' `Darcs.UI.Commands.TransferMode` and `Darcs.Util.Ssh`).
//!
//! The server greets with `Hello user, I am darcs transfer mode`, then answers each
//! `get FILE` line (FILE relative to `_darcs/`) with `got FILE`, the byte count and the
//! bytes, or with `error FILE` and a quoted message; it stops at end of input. Only the
//! files the HTTP clone route serves are answered ([`crate::repo::darcs_file_allowed`]).

use std::io::{BufRead, Write};

use crate::repo::{darcs_file_allowed, Repo};

/// The greeting darcs waits for before its first request.
pub const HEADER: &str = "Hello user, I am darcs transfer mode";

/// Longest request line accepted (a `get` of a hashed file is about 100 bytes).
pub const MAX_LINE: usize = 1024;

/// How a transfer-mode session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// Files sent.
    pub files: usize,
    /// Requests answered with `error` (missing or not served).
    pub refused: usize,
}

/// A string as Haskell's `show` writes it (what darcs reads back with `reads`).
pub fn haskell_show(s: &str) -> String {
    let mut out = String::from("\"");
    let mut after_number = false;
    for c in s.chars() {
        if after_number && c.is_ascii_digit() {
            out.push_str("\\&"); // Haskell's separator after a numeric escape
        }
        after_number = false;
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c => {
                out.push_str(&format!("\\{}", c as u32));
                after_number = true;
            }
        }
    }
    out.push('"');
    out
}

/// Serve `repo` to a darcs client on `input`/`output` until the client closes its side.
/// A malformed request line ends the session with an error.
pub fn serve(repo: &Repo, input: &mut impl BufRead, output: &mut impl Write) -> std::io::Result<Served> {
    writeln!(output, "{HEADER}")?;
    output.flush()?;
    let mut served = Served { files: 0, refused: 0 };
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = std::io::Read::take(&mut *input, MAX_LINE as u64 + 1).read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(served);
        }
        if line.last() != Some(&b'\n') {
            let what = if n > MAX_LINE { "request line too long" } else { "request line not terminated" };
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, what));
        }
        line.pop();
        let Some(file) = line.strip_prefix(b"get ") else {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "expected 'get FILE'"));
        };
        let file = match std::str::from_utf8(file) {
            Ok(f) if !f.chars().any(char::is_control) => f,
            _ => return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, "file name is not printable text")),
        };
        let content = if darcs_file_allowed(file) { repo.darcs_file(file).ok() } else { None };
        match content {
            Some(bytes) => {
                write!(output, "got {file}\n{}\n", bytes.len())?;
                output.write_all(&bytes)?;
                served.files += 1;
            }
            None => {
                writeln!(output, "error {file}\n{}", haskell_show(&format!("{file} does not exist")))?;
                served.refused += 1;
            }
        }
        output.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn show_like_haskell() {
        assert_eq!(haskell_show("prefs/sources does not exist"), "\"prefs/sources does not exist\"");
        assert_eq!(haskell_show("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(haskell_show("é"), "\"\\233\"");
        assert_eq!(haskell_show("é1"), "\"\\233\\&1\"");
    }
}
