//! What `darcs push` writes to `darcs apply`'s standard input: the bundle, wrapped in a
//! MIME e-mail (`makeEmail`: the bundle is the `application/x-darcs-patch` part, quoted-
//! printable) and gzip-compressed unless `--no-compress`. darcs' `apply` accepts all of
//! these, and so does this module, within a size cap.

use std::io::Read;

/// Why the input could not be turned into a bundle text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// More bytes than the configured maximum, before or after decompression.
    #[error("the bundle is larger than {0} bytes")]
    TooLarge(u64),
    /// Nothing on standard input.
    #[error("no bundle on standard input")]
    Empty,
    /// Broken gzip data.
    #[error("the bundle is not valid gzip data: {0}")]
    Gzip(String),
    /// Reading standard input failed.
    #[error("cannot read the bundle: {0}")]
    Io(String),
}

/// Read at most `limit` bytes from `input`; more is [`InputError::TooLarge`] (the rest is
/// not read).
pub fn read_limited(input: &mut impl Read, limit: u64) -> Result<Vec<u8>, InputError> {
    let mut buf = Vec::new();
    input.take(limit + 1).read_to_end(&mut buf).map_err(|e| InputError::Io(e.to_string()))?;
    if buf.len() as u64 > limit {
        return Err(InputError::TooLarge(limit));
    }
    if buf.is_empty() {
        return Err(InputError::Empty);
    }
    Ok(buf)
}

/// Gunzip when the data starts with the gzip magic (as darcs' `gzReadStdin`), refusing
/// more than `limit` bytes of output.
pub fn gunzip(raw: Vec<u8>, limit: u64) -> Result<Vec<u8>, InputError> {
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(raw);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&raw[..])
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| InputError::Gzip(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(InputError::TooLarge(limit));
    }
    Ok(out)
}

/// The bundle inside an e-mail made by `darcs push`/`send` (the `application/x-darcs-patch`
/// part, transfer encoding undone), or the input itself when it is not such an e-mail.
pub fn unwrap_email(data: Vec<u8>) -> Vec<u8> {
    // cheap test first: every darcs e-mail names the part's type
    let marker = b"application/x-darcs-patch";
    if !data.windows(marker.len()).any(|w| w.eq_ignore_ascii_case(marker)) {
        return data;
    }
    let Ok(mail) = mailparse::parse_mail(&data) else { return data };
    let found = find_part(&mail);
    found.unwrap_or(data)
}

fn find_part(m: &mailparse::ParsedMail<'_>) -> Option<Vec<u8>> {
    if m.ctype.mimetype.eq_ignore_ascii_case("application/x-darcs-patch") {
        use mailparse::body::Body;
        // the mail library's quoted-printable decoder turns line ends into CRLF, which
        // would change the patches: undo the transfer encoding here, as darcs does
        return match m.get_body_encoded() {
            Body::QuotedPrintable(b) => Some(qp_decode(b.get_raw())),
            Body::Base64(b) => b.get_decoded().ok(),
            Body::SevenBit(b) | Body::EightBit(b) => Some(b.get_raw().to_vec()),
            Body::Binary(b) => Some(b.get_raw().to_vec()),
        };
    }
    m.subparts.iter().find_map(find_part)
}

/// Quoted-printable decoding that keeps line ends as they are: `=` at the end of a line
/// joins it to the next, `=XX` is the byte XX, anything else is itself.
pub fn qp_decode(data: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while let Some(&b) = data.get(i) {
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        match (data.get(i + 1), data.get(i + 2)) {
            (Some(b'\n'), _) => i += 2,
            (Some(b'\r'), Some(b'\n')) => i += 3,
            (Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push(hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Standard input to bundle text: bounded read, gunzip, e-mail unwrapping.
pub fn bundle_text(input: &mut impl Read, limit: u64) -> Result<Vec<u8>, InputError> {
    let raw = read_limited(input, limit)?;
    Ok(unwrap_email(gunzip(raw, limit)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const EMAIL: &str = "DarcsURL: u@h:hello\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"=_\"\n\n\
--=_\nContent-Type: text/x-darcs-patch; name=\"patch-preview.txt\"\nContent-Disposition: inline\n\
Content-Transfer-Encoding: quoted-printable\nContent-Description: Patch preview\n\n\npreview =2E/a\n\n\
--=_\nContent-Type: application/x-darcs-patch\nContent-Transfer-Encoding: quoted-printable\n\
Content-Disposition: attachment\nContent-Description: A darcs patch for your repository!\n\n\n\
New patches:\n\n[x\nt@t**20261207142730\n Ignore-this: 8f0c=\n69f\n] hunk =2E/a 2\n+more\n\n--=_--\n\n.\n";

    #[test]
    fn email_part_decoded() {
        let b = unwrap_email(EMAIL.as_bytes().to_vec());
        let s = String::from_utf8(b).unwrap();
        assert!(s.contains("New patches:"), "{s}");
        assert!(s.contains("Ignore-this: 8f0c69f\n] hunk ./a 2\n+more"), "{s}");
        assert!(!s.contains("preview"));
    }

    #[test]
    fn quoted_printable_keeps_line_ends() {
        assert_eq!(qp_decode(b"a=2Eb=\nc\n\nd=\r\ne=3d=ZZ="), b"a.bc\n\nde==ZZ=".to_vec());
    }

    #[test]
    fn plain_bundles_pass_through() {
        let b = b"\nNew patches:\n\n[x\n".to_vec();
        assert_eq!(unwrap_email(b.clone()), b);
    }

    #[test]
    fn gzip_and_limits() {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(&vec![b'a'; 10_000]).unwrap();
        let gz = e.finish().unwrap();
        assert_eq!(gunzip(gz.clone(), 10_000).unwrap().len(), 10_000);
        assert_eq!(gunzip(gz.clone(), 9_999), Err(InputError::TooLarge(9_999)));
        assert!(matches!(gunzip(vec![0x1f, 0x8b, 1, 2, 3], 100), Err(InputError::Gzip(_))));
        assert_eq!(read_limited(&mut &b"abc"[..], 2), Err(InputError::TooLarge(2)));
        assert_eq!(read_limited(&mut &b""[..], 2), Err(InputError::Empty));
        assert_eq!(bundle_text(&mut &gz[..], 20_000).unwrap().len(), 10_000);
    }
}
