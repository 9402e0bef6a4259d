//! Patch metadata ("patch info", section 3): raw bytes, the SHA-1 patch id, tags, dates.

use std::path::Path;

use sha1::{Digest, Sha1};

use super::error::{Error, Result};
use super::parse::Cursor;

/// The metadata of a named patch, exactly as stored (never decoded).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PatchInfo {
    /// The patch name (first line, without the `[`).
    pub name: Vec<u8>,
    /// The author (up to the first `*`).
    pub author: Vec<u8>,
    /// The date as stored, normally `YYYYMMDDHHMMSS` (UTC).
    pub date: Vec<u8>,
    /// Log lines without their leading space, `Ignore-this:` included.
    pub log: Vec<Vec<u8>>,
    /// Legacy inverted patch (`*-`), displayed as `UNDO: name`.
    pub inverted: bool,
}

/// Prefix of the random junk line darcs adds to every log.
pub const IGNORE_THIS: &[u8] = b"Ignore-this:";

impl PatchInfo {
    /// Parse one stored info block starting at `pos` (leading whitespace allowed);
    /// returns it and the offset just after the closing `]`.
    pub fn parse_at(data: &[u8], pos: usize, file: &Path) -> Result<(PatchInfo, usize)> {
        let mut c = Cursor::at(data, file, pos);
        let info = parse_info(&mut c)?;
        Ok((info, c.pos))
    }

    /// Parse bytes that consist of exactly one info block (optionally followed by whitespace).
    pub fn parse(data: &[u8]) -> Result<PatchInfo> {
        let file = Path::new("<patch info>");
        let mut c = Cursor::new(data, file);
        let info = parse_info(&mut c)?;
        if !c.at_end() {
            return Err(c.err("trailing data after patch info"));
        }
        Ok(info)
    }

    /// The patch id: lowercase hex SHA-1 of name‖author‖date‖log lines‖`t`/`f` (section 2.5).
    pub fn id(&self) -> String {
        hex::encode(self.id_bytes())
    }

    /// The patch id as 20 raw bytes.
    pub fn id_bytes(&self) -> [u8; 20] {
        let mut h = Sha1::new();
        h.update(&self.name);
        h.update(&self.author);
        h.update(&self.date);
        for l in &self.log {
            h.update(l);
        }
        h.update(if self.inverted { b"t" } else { b"f" });
        h.finalize().into()
    }

    /// Whether the name starts with `TAG ` (the patch is a tag).
    pub fn is_tag(&self) -> bool {
        self.name.starts_with(b"TAG ")
    }

    /// The tag name (after `TAG `), if this is a tag.
    pub fn tag_name(&self) -> Option<&[u8]> {
        self.name.strip_prefix(b"TAG ")
    }

    /// The log lines a user should see: without `Ignore-this:` lines.
    pub fn comment_for_display(&self) -> Vec<&[u8]> {
        self.log.iter().filter(|l| !l.starts_with(IGNORE_THIS)).map(|l| l.as_slice()).collect()
    }

    /// The log as darcs' XML `<comment>` shows it: all lines joined with `\n` (None without log).
    pub fn comment_raw(&self) -> Option<Vec<u8>> {
        if self.log.is_empty() {
            None
        } else {
            Some(self.log.join(&b'\n'))
        }
    }

    /// Name for display: UTF-8 if valid, else Latin-1 (as darcs falls back to the locale).
    pub fn name_str(&self) -> String {
        text_for_display(&self.name)
    }

    /// Author for display (UTF-8, else Latin-1).
    pub fn author_str(&self) -> String {
        text_for_display(&self.author)
    }

    /// The date as UTC, if it is the usual 14-digit form or an old textual date.
    pub fn date_time(&self) -> Option<time::OffsetDateTime> {
        parse_date(&self.date)
    }

    /// The date as RFC 3339 (`2024-01-01T00:26:00Z`), if it can be parsed.
    pub fn date_rfc3339(&self) -> Option<String> {
        let t = self.date_time()?;
        t.format(&time::format_description::well_known::Rfc3339).ok()
    }

    /// The date as `darcs log` shows it with `TZ=UTC` (`Mon Jan  1 00:26:00 UTC 2024`);
    /// the raw text when it cannot be parsed.
    pub fn date_display(&self) -> String {
        match self.date_time() {
            Some(t) => {
                let f = time::macros::format_description!(
                    "[weekday repr:short] [month repr:short] [day padding:space] [hour]:[minute]:[second] UTC [year]"
                );
                t.format(&f).unwrap_or_else(|_| text_for_display(&self.date))
            }
            None => text_for_display(&self.date),
        }
    }

    /// The stored form, byte-identical to what darcs writes (ends with `]`, without the space).
    pub fn to_stored_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            self.name.len()
                + self.author.len()
                + self.date.len()
                + 8
                + self.log.iter().map(|l| l.len() + 2).sum::<usize>(),
        );
        self.write_stored(&mut out);
        out
    }

    /// Append the stored form to `out`.
    pub fn write_stored(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        out.extend_from_slice(&self.name);
        out.push(b'\n');
        out.extend_from_slice(&self.author);
        out.extend_from_slice(if self.inverted { b"*-" } else { b"**" });
        out.extend_from_slice(&self.date);
        for l in &self.log {
            out.extend_from_slice(b"\n ");
            out.extend_from_slice(l);
        }
        if !self.log.is_empty() {
            out.push(b'\n');
        }
        out.push(b']');
    }
}

/// UTF-8 if valid, otherwise each byte as a Latin-1 character.
pub fn text_for_display(b: &[u8]) -> String {
    match std::str::from_utf8(b) {
        Ok(s) => s.to_string(),
        Err(_) => b.iter().map(|&c| c as char).collect(),
    }
}

/// Parse an info block at the cursor (darcs `readPatchInfo`).
pub(crate) fn parse_info(c: &mut Cursor<'_>) -> Result<PatchInfo> {
    c.skip_space();
    let start = c.pos;
    if c.peek() != Some(b'[') {
        return Err(c.err("patch info: expected '['"));
    }
    c.pos += 1;
    let name = c.take_till(b'\n');
    if !c.newline() {
        return Err(c.err("patch info: unterminated name line"));
    }
    let rest = c.rest();
    let star = rest
        .iter()
        .position(|&b| b == b'*' || b == b'\n')
        .filter(|&i| rest.get(i) == Some(&b'*'))
        .ok_or_else(|| c.err("patch info: author line without '*'"))?;
    let author = rest.get(..star).unwrap_or(&[]);
    let inverted = match rest.get(star + 1) {
        Some(b'*') => false,
        Some(b'-') => true,
        _ => return Err(c.err_at(c.pos + star, "patch info: expected '**' or '*-' after the author")),
    };
    c.pos += star + 2;
    let date = {
        let rest = c.rest();
        let n = rest.iter().position(|&b| b == b']' || b == b'\n').unwrap_or(rest.len());
        c.pos += n;
        rest.get(..n).unwrap_or(&[])
    };
    c.newline();
    let mut log = Vec::new();
    loop {
        match c.peek() {
            Some(b' ') => {
                c.pos += 1;
                let l = c.take_till(b'\n');
                c.newline();
                log.push(l.to_vec());
            }
            Some(b']') => {
                c.pos += 1;
                break;
            }
            _ => {
                return Err(Error::malformed(
                    c.file,
                    c.data,
                    c.pos,
                    format!("patch info starting at byte {start}: expected a log line or ']'"),
                ))
            }
        }
    }
    // darcs writes "] " after every info; include the space in the content.
    c.content_end = if c.peek() == Some(b' ') { c.pos + 1 } else { c.pos };
    Ok(PatchInfo { name: name.to_vec(), author: author.to_vec(), date: date.to_vec(), log, inverted })
}

fn parse_date(d: &[u8]) -> Option<time::OffsetDateTime> {
    if d.len() == 14 && d.iter().all(u8::is_ascii_digit) {
        let n = |r: std::ops::Range<usize>| -> Option<u32> { std::str::from_utf8(d.get(r)?).ok()?.parse().ok() };
        let month = time::Month::try_from(n(4..6)? as u8).ok()?;
        let date = time::Date::from_calendar_date(n(0..4)? as i32, month, n(6..8)? as u8).ok()?;
        let t = time::Time::from_hms(n(8..10)? as u8, n(10..12)? as u8, n(12..14)? as u8).ok()?;
        return Some(time::PrimitiveDateTime::new(date, t).assume_utc());
    }
    parse_old_date(std::str::from_utf8(d).ok()?)
}

/// Old textual dates like `Tue Jan 26 17:39:43 CET 2008` or `Sat Oct  4 18:51:23 EDT 2003`.
fn parse_old_date(s: &str) -> Option<time::OffsetDateTime> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let (mon, day, hms, zone, year) = match parts.as_slice() {
        [_, mon, day, hms, zone, year] => (*mon, *day, *hms, Some(*zone), *year),
        [_, mon, day, hms, year] => (*mon, *day, *hms, None, *year),
        _ => return None,
    };
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let m = MONTHS.iter().position(|x| x.eq_ignore_ascii_case(mon))? as u8 + 1;
    let mut hms_it = hms.split(':').map(|x| x.parse::<u8>().ok());
    let (h, mi, se) = (hms_it.next()??, hms_it.next()??, hms_it.next().flatten().unwrap_or(0));
    let date =
        time::Date::from_calendar_date(year.parse().ok()?, time::Month::try_from(m).ok()?, day.parse().ok()?).ok()?;
    let t = time::PrimitiveDateTime::new(date, time::Time::from_hms(h, mi, se).ok()?);
    let offset_hours: i8 = match zone.map(|z| z.to_ascii_uppercase()) {
        None => 0,
        Some(z) => match z.as_str() {
            "UTC" | "GMT" | "Z" | "UT" => 0,
            "CET" | "BST" | "WAT" => 1,
            "CEST" | "EET" => 2,
            "EEST" | "MSK" => 3,
            "EST" => -5,
            "EDT" => -4,
            "CST" => -6,
            "CDT" => -5,
            "MST" => -7,
            "MDT" => -6,
            "PST" => -8,
            "PDT" => -7,
            "JST" => 9,
            other => {
                // numeric offsets like +0200
                let (sign, digits) = match other.as_bytes().first() {
                    Some(b'+') => (1i32, other.get(1..)?),
                    Some(b'-') => (-1i32, other.get(1..)?),
                    _ => return None,
                };
                if digits.len() != 4 {
                    return None;
                }
                let hh: i32 = digits.get(..2)?.parse().ok()?;
                let mm: i32 = digits.get(2..)?.parse().ok()?;
                let off = time::UtcOffset::from_whole_seconds(sign * (hh * 3600 + mm * 60)).ok()?;
                return Some(t.assume_offset(off).to_offset(time::UtcOffset::UTC));
            }
        },
    };
    let off = time::UtcOffset::from_hms(offset_hours, 0, 0).ok()?;
    Some(t.assume_offset(off).to_offset(time::UtcOffset::UTC))
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEIRD: &[u8] = "[weird [name] * with ] chars\nJörg Ünicode <jorg@example.com>**20240101002000\n Ignore-this: ab7cee9b38eb9bbdd166bf1c1f18d9b7e0b75022570e77bac1bffd8b9889a60f1d5cbd599034baf3\n]".as_bytes();

    #[test]
    fn round_trip_and_id() {
        let i = PatchInfo::parse(WEIRD).unwrap();
        assert_eq!(i.name, b"weird [name] * with ] chars");
        assert_eq!(i.author, "Jörg Ünicode <jorg@example.com>".as_bytes());
        assert_eq!(i.date, b"20240101002000");
        assert_eq!(i.log.len(), 1);
        assert!(!i.inverted);
        assert_eq!(i.to_stored_bytes(), WEIRD);
        assert_eq!(i.id(), "940f1a5899d118e1063bce5b87d8e87aafd06ac1");
        assert!(i.comment_for_display().is_empty());
        assert_eq!(i.date_rfc3339().unwrap(), "2024-01-01T00:20:00Z");
        assert_eq!(i.date_display(), "Mon Jan  1 00:20:00 UTC 2024");
    }

    #[test]
    fn no_log_inverted_and_bracket_lines() {
        let raw = b"[adding foo\ntester*-20080126173943]";
        let i = PatchInfo::parse(raw).unwrap();
        assert!(i.inverted && i.log.is_empty());
        assert_eq!(i.to_stored_bytes(), raw);
        // a log line consisting of "]" and an empty log line
        let raw2 = b"[n\na**20240101000000\n Ignore-this: 1\n \n ]\n x\n]";
        let j = PatchInfo::parse(raw2).unwrap();
        assert_eq!(j.log, vec![b"Ignore-this: 1".to_vec(), b"".to_vec(), b"]".to_vec(), b"x".to_vec()]);
        assert_eq!(j.to_stored_bytes(), raw2);
        assert_eq!(j.comment_for_display(), vec![&b""[..], b"]", b"x"]);
        assert_eq!(j.comment_raw().unwrap(), b"Ignore-this: 1\n\n]\nx");
        let tag = PatchInfo::parse(b"[TAG v1.0\na**20240101000000]").unwrap();
        assert!(tag.is_tag());
        assert_eq!(tag.tag_name(), Some(&b"v1.0"[..]));
    }

    #[test]
    fn malformed() {
        for bad in [
            &b""[..],
            b"x",
            b"[name",
            b"[name\nauthor no star]",
            b"[n\na*x2024]",
            b"[n\na**2024\nno space]",
            b"[n\na**2024\n x",
        ] {
            assert!(
                matches!(PatchInfo::parse(bad), Err(Error::Malformed { .. })),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn old_dates() {
        let i = PatchInfo {
            name: vec![],
            author: vec![],
            date: b"Tue Jan 26 17:39:43 CET 2008".to_vec(),
            log: vec![],
            inverted: false,
        };
        assert_eq!(i.date_rfc3339().unwrap(), "2008-01-26T16:39:43Z");
        let bad = PatchInfo { date: b"whenever".to_vec(), ..i.clone() };
        assert!(bad.date_rfc3339().is_none());
        assert_eq!(bad.date_display(), "whenever");
    }

    #[test]
    fn latin1_display() {
        assert_eq!(text_for_display(b"J\xe9rome"), "Jérome");
        assert_eq!(text_for_display("Jérome".as_bytes()), "Jérome");
    }
}
