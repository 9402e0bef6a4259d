//! File-name escaping (section 6.1): `\N\` decimal code-point escapes for white space and
//! backslash, darcs-1 double encoding, validation, and encoding back for storage/display.

use std::path::Path as FsPath;

use super::error::{quote_word, Error, Result};
use super::prim::Path;

/// How paths are written inside patches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PathEncoding {
    /// darcs-2/3 (and pristine listings): escaped bytes as they are.
    Plain,
    /// darcs-1: every byte of the escaped path written as the UTF-8 of that code point.
    DoubleEncoded,
}

/// Whether `c` is white space for Haskell's `isSpace` (what darcs escapes).
pub fn is_haskell_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// Undo `\N\` escapes: N < 128 gives that byte, larger N the UTF-8 encoding of code point N.
/// Errors (a `what` message) on a lone backslash or a bad number.
pub fn decode_white(s: &[u8]) -> std::result::Result<Vec<u8>, String> {
    if !s.contains(&b'\\') {
        return Ok(s.to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let rest = s.get(i + 1..).unwrap_or(&[]);
        let end = rest.iter().position(|&x| x == b'\\').ok_or("path: backslash without closing backslash")?;
        let digits = rest.get(..end).unwrap_or(&[]);
        if digits.is_empty() || digits.len() > 7 || !digits.iter().all(u8::is_ascii_digit) {
            return Err(format!("path: bad escape \\{}\\", String::from_utf8_lossy(digits)));
        }
        let n: u32 = std::str::from_utf8(digits).ok().and_then(|d| d.parse().ok()).ok_or("path: bad escape")?;
        if n < 128 {
            out.push(n as u8);
        } else {
            let ch = char::from_u32(n).ok_or_else(|| format!("path: escape \\{n}\\ is not a character"))?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
        }
        i += end + 2;
    }
    Ok(out)
}

/// Escape white space (Haskell `isSpace`, decoded as UTF-8 where valid) and backslashes as
/// `\N\`; other bytes, including invalid UTF-8, stay as they are.
pub fn encode_white(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() + 8);
    for chunk in s.utf8_chunks() {
        for ch in chunk.valid().chars() {
            if ch == '\\' || is_haskell_space(ch) {
                out.extend_from_slice(format!("\\{}\\", ch as u32).as_bytes());
            } else {
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
        }
        out.extend_from_slice(chunk.invalid());
    }
    out
}

/// darcs-1 reading: UTF-8-decode the word and map every character back to one byte
/// (truncated to 8 bits, as darcs does); invalid UTF-8 bytes are kept as they are.
pub fn undo_double_encoding(s: &[u8]) -> Vec<u8> {
    if s.is_ascii() {
        return s.to_vec();
    }
    let mut out = Vec::with_capacity(s.len());
    for chunk in s.utf8_chunks() {
        out.extend(chunk.valid().chars().map(|c| (c as u32 & 0xff) as u8));
        out.extend_from_slice(chunk.invalid());
    }
    out
}

/// darcs-1 writing: every byte as the UTF-8 encoding of the code point with that value.
pub fn double_encode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 2);
    for &b in s {
        let mut buf = [0u8; 4];
        out.extend_from_slice((b as char).encode_utf8(&mut buf).as_bytes());
    }
    out
}

/// Check one path component: not empty, not `.`/`..`, no `/` or NUL.
pub fn valid_component(c: &[u8]) -> bool {
    !(c.is_empty() || c == b"." || c == b".." || c.contains(&b'/') || c.contains(&0))
}

/// Decode a path word as written in a patch (`./a\32\b/c`) into validated components.
pub fn decode_path(word: &[u8], enc: PathEncoding) -> std::result::Result<Path, String> {
    let rest = word.strip_prefix(b"./").ok_or_else(|| format!("path {} does not start with ./", quote_word(word)))?;
    let raw = match enc {
        PathEncoding::Plain => decode_white(rest)?,
        PathEncoding::DoubleEncoded => decode_white(&undo_double_encoding(rest))?,
    };
    let comps: Path = raw.split(|&b| b == b'/').map(<[u8]>::to_vec).collect();
    if raw.is_empty() || comps.iter().any(|c| !valid_component(c)) {
        return Err(format!("invalid path {}", quote_word(word)));
    }
    Ok(comps)
}

/// Like `decode_path`, with a `Malformed` error naming `file`/`offset`.
pub fn decode_path_in(word: &[u8], enc: PathEncoding, file: &FsPath, data: &[u8], offset: usize) -> Result<Path> {
    decode_path(word, enc).map_err(|what| Error::malformed(file, data, offset, what))
}

/// Decode one escaped name of a pristine directory listing (no `./`, no `/`).
pub fn decode_name(name: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let n = decode_white(name)?;
    if !valid_component(&n) {
        return Err(format!("invalid file name {}", quote_word(name)));
    }
    Ok(n)
}

/// Encode a path for storage (`./a\32\b`), as darcs writes it in the given encoding.
pub fn encode_path(p: &Path, enc: PathEncoding) -> Vec<u8> {
    let mut raw = b".".to_vec();
    for c in p {
        raw.push(b'/');
        raw.extend_from_slice(c);
    }
    let esc = encode_white(&raw);
    match enc {
        PathEncoding::Plain => esc,
        PathEncoding::DoubleEncoded => double_encode(&esc),
    }
}

/// A path as `darcs log -v` displays it: `./` then the raw, unescaped components.
pub fn display_bytes(p: &Path) -> Vec<u8> {
    let mut out = b".".to_vec();
    for c in p {
        out.push(b'/');
        out.extend_from_slice(c);
    }
    out
}

/// `display_bytes` as a string (invalid UTF-8 replaced).
pub fn display(p: &Path) -> String {
    String::from_utf8_lossy(&display_bytes(p)).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comps(v: &[&[u8]]) -> Path {
        v.iter().map(|c| c.to_vec()).collect()
    }

    #[test]
    fn decode_examples() {
        assert_eq!(decode_path(br"./a\32\b/c", PathEncoding::Plain).unwrap(), comps(&[b"a b", b"c"]));
        assert_eq!(decode_path(br"./back\92\slash.txt", PathEncoding::Plain).unwrap(), comps(&[b"back\\slash.txt"]));
        assert_eq!(decode_path(br"./tab\9\here", PathEncoding::Plain).unwrap(), comps(&[b"tab\there"]));
        assert_eq!(decode_path(br"./nb\160\sp", PathEncoding::Plain).unwrap(), comps(&[b"nb\xc2\xa0sp"]));
        assert_eq!(decode_path(br"./ideo\12288\sp", PathEncoding::Plain).unwrap(), comps(&[b"ideo\xe3\x80\x80sp"]));
        assert_eq!(decode_path(b"./lat\xe9n", PathEncoding::Plain).unwrap(), comps(&[b"lat\xe9n"]));
        assert_eq!(decode_path(b"./br[ack]et*s", PathEncoding::Plain).unwrap(), comps(&[b"br[ack]et*s"]));
        // darcs-1: é (C3 A9) stored as C3 83 C2 A9
        assert_eq!(decode_path(b"./\xc3\x83\xc2\xa9", PathEncoding::DoubleEncoded).unwrap(), comps(&["é".as_bytes()]));
        assert_eq!(decode_path(br"./a\32\b", PathEncoding::DoubleEncoded).unwrap(), comps(&[b"a b"]));
    }

    #[test]
    fn invalid_paths() {
        for bad in [
            &b"a"[..],
            b"./",
            b"./a//b",
            b"./a/",
            b"./.",
            b"./a/..",
            br"./a\b",
            br"./a\\b",
            br"./a\x\b",
            br"./a\0\b",
            br"./a\55296\b",
            b"/abs",
        ] {
            assert!(decode_path(bad, PathEncoding::Plain).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn encode_round_trip() {
        let names: [&[u8]; 8] = [
            b"a b",
            b"back\\slash",
            b"tab\t",
            "nb\u{a0}sp".as_bytes(),
            "ideo\u{3000}".as_bytes(),
            b"lat\xe9n",
            "ünï ✓".as_bytes(),
            b"x\r\ny",
        ];
        for n in names {
            let p = comps(&[b"dir", n]);
            for enc in [PathEncoding::Plain, PathEncoding::DoubleEncoded] {
                let e = encode_path(&p, enc);
                assert!(!e.iter().any(|&b| b == b' ' || b == b'\t' || b == b'\n'));
                assert_eq!(decode_path(&e, enc).unwrap(), p, "{:?}", String::from_utf8_lossy(&e));
            }
        }
        assert_eq!(encode_path(&comps(&[b"a b"]), PathEncoding::Plain), br"./a\32\b");
        assert_eq!(encode_path(&comps(&["é".as_bytes()]), PathEncoding::DoubleEncoded), b"./\xc3\x83\xc2\xa9");
        assert_eq!(display(&comps(&[b"a b", b"c"])), "./a b/c");
    }

    #[test]
    fn names() {
        assert_eq!(decode_name(br"a\32\b").unwrap(), b"a b");
        assert!(decode_name(br"a\47\b").is_err());
        assert!(decode_name(b"..").is_err());
        assert!(decode_name(b"").is_err());
    }
}
