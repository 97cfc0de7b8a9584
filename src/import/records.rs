//! A CSV file as records, read as it streams, within limits: the bytes
//! are checked (not compressed, no NUL, UTF-8) and split into fields as
//! the `csv` crate splits them (a comma or line break inside quotes is
//! text, `""` inside quotes is one quote, `\r`, `\n` and `\r\n` end a
//! record, blank lines are skipped), each field with the line and column
//! where it begins. Memory is one record, at most [`MAX_LINE_BYTES`];
//! a limit passed, a NUL byte or bytes that are not UTF-8 stop the
//! reading at once, so that a file of any shape costs little.

use std::io::Read;

use super::signature;
use crate::error::{Diagnostic, DiagnosticKind};

/// The largest file an importer reads, in bytes (256 MiB). COW's
/// state-year file is 22 MB; reading stops at the limit, so that an
/// endless stream (`yes | igo import cow /dev/stdin`) ends.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The longest line (record) an importer reads, in bytes (1 MiB). COW's
/// longest is under 3,000 bytes (a row of the IGO-year file).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// The longest field, in bytes (16 KiB). COW's longest is 621 bytes (a
/// note of the IGO-year file); its codes, years and names are a few
/// characters.
pub const MAX_FIELD_BYTES: usize = 16 * 1024;

/// The most fields a line may have (2,000). COW's state-year file has
/// 537 columns, its IGO-year file 235.
pub const MAX_COLUMNS: usize = 2_000;

/// UTF-8's byte order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// How much is read at a time.
const CHUNK: usize = 64 * 1024;

/// One record: the text of its fields, and where each begins.
#[derive(Debug, Default)]
pub(crate) struct Record {
    /// The fields' bytes while the record is read, then its text.
    bytes: Vec<u8>,
    text: String,
    /// Where each field's text ends in `bytes`.
    ends: Vec<usize>,
    /// (line, column) where each field begins; columns count characters.
    starts: Vec<(u32, u32)>,
    /// Where one more field would begin, or, when the record ends inside
    /// a quote never closed, where that field begins.
    end: (u32, u32),
}

impl Record {
    /// How many fields.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `i`'s text ("" beyond the last).
    pub(crate) fn get(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else { return "" };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..end).unwrap_or("")
    }

    /// The record's bytes become its text, checked once. They are UTF-8:
    /// the reader checked the file's bytes, and fields are cut, and
    /// quotes taken out, at ASCII bytes.
    fn seal(&mut self) {
        let bytes = std::mem::take(&mut self.bytes);
        self.text = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into());
    }

    /// Every field's text.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }

    /// The line the record begins on.
    pub(crate) fn line(&self) -> u32 {
        self.starts.first().map_or(self.end.0, |s| s.0)
    }

    /// (line, column) where field `i` begins; beyond the last field, where
    /// one more would begin.
    pub(crate) fn place(&self, i: usize) -> (u32, u32) {
        self.starts.get(i).copied().unwrap_or(self.end)
    }

    /// Whether the record is one field of spaces only (a blank line).
    pub(crate) fn is_blank(&self) -> bool {
        self.len() == 1 && self.get(0).trim().is_empty()
    }

    fn clear(&mut self) {
        // The text's buffer is kept for the next record's bytes.
        self.bytes = std::mem::take(&mut self.text).into_bytes();
        self.bytes.clear();
        self.ends.clear();
        self.starts.clear();
    }
}

/// Where the reader is inside a record.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Before a record: line ends here are blank lines.
    StartRecord,
    StartField,
    InField,
    InQuotes,
    /// A quote inside quotes: a doubled quote or the closing one.
    QuoteInQuotes,
}

/// What stops the reading once the bytes before it are read.
#[derive(Clone, Copy)]
enum Stop {
    Nul,
    NotUtf8,
    /// The file passes its limit.
    TooLarge,
}

/// One byte `b` of a record, at `place`, in `state`: the state after it,
/// or `None` when it ends the record.
fn step(
    state: State,
    b: u8,
    rec: &mut Record,
    (line, col): (u32, u32),
) -> Option<State> {
    let end_field = |rec: &mut Record| rec.ends.push(rec.bytes.len());
    match (state, b) {
        (State::StartRecord | State::StartField, _) => {
            rec.starts.push((line, col));
            match b {
                b'"' => return Some(State::InQuotes),
                b',' | b'\n' | b'\r' => {}
                _ => {
                    rec.bytes.push(b);
                    return Some(State::InField);
                }
            }
        }
        (State::InQuotes, b'"') => return Some(State::QuoteInQuotes),
        (State::InQuotes, _) | (State::QuoteInQuotes, b'"') => {
            rec.bytes.push(b);
            return Some(State::InQuotes);
        }
        (_, b',' | b'\n' | b'\r') => {}
        // After a closing quote, the rest of the field is text.
        _ => {
            rec.bytes.push(b);
            return Some(State::InField);
        }
    }
    end_field(rec);
    if b == b',' {
        return Some(State::StartField);
    }
    rec.end = (line, col + 1);
    None
}

/// The records of one file.
pub(crate) struct Records<'a> {
    name: &'a str,
    src: &'a mut dyn Read,
    buf: Vec<u8>,
    /// The checked bytes not yet split: `buf[at..ok]`.
    at: usize,
    ok: usize,
    /// Bytes after `ok` kept for the next read (a character cut in two).
    carry: usize,
    /// What stops the reading after `buf[..ok]`, when something does,
    /// and its offset in the file.
    stop: Option<(Stop, u64)>,
    eof: bool,
    /// Bytes read from the file so far, and the most it may hold
    /// ([`MAX_FILE_BYTES`]).
    read: u64,
    max_file: u64,
    /// The place of the next byte.
    line: u32,
    col: u32,
    /// The file's first bytes were checked for a known binary format.
    sniffed: bool,
    /// Its first bytes are ASCII and NUL by turns: UTF-16 text without
    /// a byte order mark.
    utf16: bool,
}

impl<'a> Records<'a> {
    pub(crate) fn new(name: &'a str, src: &'a mut dyn Read) -> Self {
        Records {
            name,
            src,
            buf: vec![0; CHUNK],
            at: 0,
            ok: 0,
            carry: 0,
            stop: None,
            eof: false,
            read: 0,
            max_file: MAX_FILE_BYTES,
            line: 1,
            col: 1,
            sniffed: false,
            utf16: false,
        }
    }

    /// The next record into `rec`: `Ok(false)` at the end of the file;
    /// an error (the file is not CSV text, or passes a limit) ends the
    /// reading.
    pub(crate) fn next(
        &mut self,
        rec: &mut Record,
    ) -> Result<bool, Diagnostic> {
        rec.clear();
        let mut state = State::StartRecord;
        // Where the record and the current field begin, in raw bytes.
        let (mut raw, mut field_raw) = (0usize, 0usize);
        loop {
            if self.at == self.ok {
                if let Some((stop, at)) = self.stop {
                    return Err(match stop {
                        Stop::TooLarge => self.too_large(),
                        _ => self.not_text(matches!(stop, Stop::Nul), at),
                    });
                }
                if self.eof || !self.fill()? {
                    break;
                }
                continue;
            }
            // A field that is not quoted starts here.
            if state == State::StartField
                && !matches!(self.buf[self.at], b'"' | b',' | b'\n' | b'\r')
            {
                if rec.starts.len() >= MAX_COLUMNS {
                    let place = (self.line, self.col);
                    return Err(self.too_many_columns(rec, place));
                }
                rec.starts.push((self.line, self.col));
                (field_raw, state) = (0, State::InField);
            }
            // Inside a field, the bytes up to the next that may end it
            // are taken at once.
            if matches!(state, State::InField | State::InQuotes) {
                let n = self.run(state == State::InQuotes, &mut rec.bytes);
                (raw, field_raw) = (raw + n, field_raw + n);
                if field_raw > MAX_FIELD_BYTES {
                    return Err(self.field_too_long(rec, state));
                }
                if raw > MAX_LINE_BYTES {
                    return Err(self.line_too_long(rec));
                }
                if self.at == self.ok {
                    continue;
                }
                // The comma after it, the commonest byte of COW's files.
                if state == State::InField && self.buf[self.at] == b',' {
                    (self.at, self.col, raw) =
                        (self.at + 1, self.col + 1, raw + 1);
                    rec.ends.push(rec.bytes.len());
                    state = State::StartField;
                    continue;
                }
            }
            let b = self.buf[self.at];
            self.at += 1;
            if state != State::StartRecord {
                raw += 1;
                field_raw += 1;
            }
            let (line, col) = (self.line, self.col);
            if b == b'\n' {
                (self.line, self.col) = (self.line + 1, 1);
            } else if b & 0xC0 != 0x80 {
                self.col += 1;
            }
            if matches!(state, State::StartRecord | State::StartField) {
                if state == State::StartRecord {
                    if b == b'\n' || b == b'\r' {
                        continue;
                    }
                    raw = 1;
                }
                if rec.starts.len() >= MAX_COLUMNS {
                    return Err(self.too_many_columns(rec, (line, col)));
                }
                field_raw = 1;
            }
            match step(state, b, rec, (line, col)) {
                Some(next) => state = next,
                None => {
                    rec.seal();
                    return Ok(true);
                }
            }
            if field_raw > MAX_FIELD_BYTES {
                return Err(self.field_too_long(rec, state));
            }
            if raw > MAX_LINE_BYTES {
                return Err(self.line_too_long(rec));
            }
        }
        if state == State::StartRecord {
            return Ok(false);
        }
        rec.ends.push(rec.bytes.len());
        rec.end = match state {
            State::InQuotes => rec.place(rec.len() - 1),
            _ => (self.line, self.col + 1),
        };
        rec.seal();
        Ok(true)
    }

    /// Moves the bytes of a field up to the next one that may end it (or
    /// that starts a line, inside quotes) from the buffer to `out`: how
    /// many.
    fn run(&mut self, quoted: bool, out: &mut Vec<u8>) -> usize {
        let rest = &self.buf[self.at..self.ok];
        let end = if quoted {
            rest.iter().position(|&b| b == b'"' || b == b'\n')
        } else {
            rest.iter().position(|&b| matches!(b, b',' | b'\n' | b'\r' | b'"'))
        };
        let n = end.unwrap_or(rest.len());
        let text = &rest[..n];
        out.extend_from_slice(text);
        self.col += text.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32;
        self.at += n;
        n
    }

    /// Reads more of the file: `Ok(false)` at its end. Checks the first
    /// bytes for a binary format, then that every byte is UTF-8 text
    /// without NUL, and that the file stays within its limit (its bytes
    /// up to the limit are read, then it stops, wherever the reads end).
    fn fill(&mut self) -> Result<bool, Diagnostic> {
        // The bytes of a character cut by the last read move to the front.
        self.buf.copy_within(self.ok..self.ok + self.carry, 0);
        let mut len = self.carry;
        (self.at, self.ok, self.carry) = (0, 0, 0);
        // The first read gathers enough to recognise a format.
        let want = if self.sniffed { len + 1 } else { signature::LONGEST };
        // One byte past the limit is read, to know that it is passed.
        let room = (self.max_file + 1 - self.read).min(CHUNK as u64) as usize;
        let end = self.buf.len().min(len + room);
        while len < want.min(end) {
            let n = match self.src.read(&mut self.buf[len..end]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                    continue;
                }
                Err(e) => return Err(self.unreadable(&e)),
            };
            len += n;
            self.read += n as u64;
        }
        // Past the limit, the bytes before it are read, then it stops.
        let over = self.read > self.max_file;
        if over {
            len -= 1;
        }
        if !self.sniffed {
            self.sniffed = true;
            self.utf16 = signature::utf16(&self.buf[..len]);
            if let Some(d) = signature::binary(self.name, &self.buf[..len]) {
                return Err(d);
            }
        }
        if len == 0 && !over {
            return Ok(false);
        }
        // A byte order mark is no column's character (the csv crate drops
        // it too).
        if self.read == len as u64 && self.buf[..len].starts_with(BOM) {
            self.at = BOM.len();
        }
        let bytes = &self.buf[..len];
        let nul = bytes.iter().position(|&b| b == 0).unwrap_or(len);
        let (ok, stop) = match std::str::from_utf8(&bytes[..nul]) {
            Err(e) if e.error_len().is_none() && over && nul == len => {
                (e.valid_up_to(), Some(Stop::TooLarge))
            }
            Err(e) if e.error_len().is_none() && nul == len && !self.eof => {
                // A character cut by the end of this read: kept.
                self.carry = len - e.valid_up_to();
                (e.valid_up_to(), None)
            }
            Err(e) => (e.valid_up_to(), Some(Stop::NotUtf8)),
            Ok(_) if nul < len => (nul, Some(Stop::Nul)),
            Ok(_) if over => (len, Some(Stop::TooLarge)),
            Ok(_) => (len, None),
        };
        self.ok = ok;
        // Reported once the bytes before it are read, at its place.
        let first = self.read - (len + usize::from(over)) as u64;
        self.stop = stop.map(|s| (s, first + ok as u64));
        Ok(true)
    }
}

/// The messages of the reader, one function each.
impl Records<'_> {
    fn not_text(&self, nul: bool, at: u64) -> Diagnostic {
        let d = if nul && self.utf16 {
            Diagnostic::new(
                DiagnosticKind::Syntax,
                format!("a NUL byte (byte {at} of the file): this is UTF-16 text, not UTF-8"),
            )
            .help(format!("save it as UTF-8 (`iconv -f UTF-16LE -t UTF-8 {} > out.csv`)", self.name))
        } else if nul {
            Diagnostic::new(
                DiagnosticKind::Syntax,
                format!("a NUL byte (byte {at} of the file): this is not CSV text"),
            )
            .help("a NUL byte is never in text: give COW's CSV file as distributed, not a binary file")
        } else {
            Diagnostic::new(
                DiagnosticKind::Syntax,
                format!("the file is not UTF-8 text (byte {at})"),
            )
            .help("give COW's CSV file as distributed, or convert it to UTF-8")
        };
        d.at(self.name, self.line, self.col)
    }

    fn unreadable(&self, e: &std::io::Error) -> Diagnostic {
        Diagnostic::new(
            DiagnosticKind::Io,
            format!(
                "cannot read `{}` after byte {}: {e}",
                self.name, self.read
            ),
        )
        .at(self.name, self.line, self.col)
        .help("give a file that can be read to its end")
    }

    fn too_large(&self) -> Diagnostic {
        Diagnostic::new(
            DiagnosticKind::Limit,
            format!(
                "`{}` is over the limit of {MAX_FILE_BYTES} bytes (256 MiB): \
                 reading stopped at line {}",
                self.name, self.line
            ),
        )
        .at(self.name, 0, 0)
        .help("COW's state-year file is 22 MB: is this the right file?")
    }

    fn line_too_long(&self, rec: &Record) -> Diagnostic {
        let line = rec.line();
        Diagnostic::new(
            DiagnosticKind::Limit,
            format!(
                "line {line} is over the limit of {MAX_LINE_BYTES} bytes \
                 (1 MiB): reading stopped there"
            ),
        )
        .at(self.name, line, 1)
        .help("a line of COW's files is under 3,000 bytes: is this the right file, with its line ends?")
    }

    fn field_too_long(&self, rec: &Record, state: State) -> Diagnostic {
        let i = rec.starts.len();
        let (line, col) = rec.place(i - 1);
        let d = Diagnostic::new(
            DiagnosticKind::Limit,
            format!(
                "field {i} of line {} is over the limit of {MAX_FIELD_BYTES} \
                 bytes (16 KiB): reading stopped there",
                rec.line()
            ),
        )
        .at(self.name, line, col);
        if state == State::InQuotes {
            d.help("the quote that opens this field is never closed: close it, or remove it")
        } else {
            d.help("a field of COW's files is a code, a year or a name, under 1,000 bytes: is this the right file?")
        }
    }

    fn too_many_columns(
        &self,
        rec: &Record,
        (line, col): (u32, u32),
    ) -> Diagnostic {
        Diagnostic::new(
            DiagnosticKind::Limit,
            format!(
                "line {} has more than {MAX_COLUMNS} fields, the limit: \
                 reading stopped there",
                rec.line()
            ),
        )
        .at(self.name, line, col)
        .help("COW's state-year file has 537 columns and its IGO-year file 235: is this the right file?")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record of `text`: each field's text and place, and the
    /// place after the last.
    fn read(text: &[u8]) -> Result<Vec<Record>, Diagnostic> {
        let mut src = text;
        let mut records = Records::new("f.csv", &mut src);
        let mut out = Vec::new();
        loop {
            let mut rec = Record::default();
            if !records.next(&mut rec)? {
                return Ok(out);
            }
            out.push(rec);
        }
    }

    fn places(rec: &Record) -> Vec<(u32, u32)> {
        (0..=rec.len()).map(|i| rec.place(i)).collect()
    }

    #[test]
    fn columns_count_characters_from_the_line_start() {
        let recs = read(b"ccode,year\n710,1996,ab\n").unwrap();
        assert_eq!(places(&recs[0]), [(1, 1), (1, 7), (1, 12)]);
        // Beyond the last field: where one more would begin.
        assert_eq!(places(&recs[1]), [(2, 1), (2, 5), (2, 10), (2, 13)]);
        assert_eq!(recs[1].iter().collect::<Vec<_>>(), ["710", "1996", "ab"]);
    }

    #[test]
    fn quotes_are_read_as_the_csv_crate_reads_them() {
        // A quoted comma, a doubled quote and a quoted line break are
        // text, not field ends.
        let text = b"\"a,b\",\"say \"\"x\"\"\",c\n\"two\nlines\",d,e\n";
        let recs = read(text).unwrap();
        assert_eq!(
            recs[0].iter().collect::<Vec<_>>(),
            ["a,b", "say \"x\"", "c"]
        );
        assert_eq!(places(&recs[0]), [(1, 1), (1, 7), (1, 19), (1, 21)]);
        assert_eq!(recs[1].get(0), "two\nlines");
        assert_eq!(places(&recs[1]), [(2, 1), (3, 8), (3, 10), (3, 12)]);
        // A lone carriage return inside quotes is text; one outside ends
        // the record; a quote never closed is where its field begins.
        let recs = read(b"a,\"b\rc\",d\n1,\"open,2\n").unwrap();
        assert_eq!(recs[0].get(1), "b\rc");
        assert_eq!(recs[0].place(2), (1, 9));
        assert_eq!(recs[1].iter().collect::<Vec<_>>(), ["1", "open,2\n"]);
        assert_eq!(recs[1].place(5), (2, 3));
        // After a closing quote, the rest is text; a trailing comma is an
        // empty last field.
        let recs = read(b"\"ab\"c,d,\r\nx").unwrap();
        assert_eq!(recs[0].iter().collect::<Vec<_>>(), ["abc", "d", ""]);
        assert_eq!(recs[1].line(), 2);
    }

    #[test]
    fn blank_lines_and_a_byte_order_mark_are_skipped() {
        let recs = read(b"\xef\xbb\xbfa,b\n\n\r\n  \n").unwrap();
        assert_eq!(places(&recs[0]), [(1, 1), (1, 3), (1, 5)]);
        assert_eq!(recs.len(), 2);
        assert!(recs[1].is_blank());
        assert_eq!(recs[1].line(), 4);
    }

    #[test]
    fn text_that_is_not_text_is_located() {
        let err = read(b"ccode,year\n710,19\x0096\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.csv:2:7: error[syntax]: a NUL byte (byte 17 of the file): this is not CSV text\n  = help: a NUL byte is never in text: give COW's CSV file as distributed, not a binary file"
        );
        let err = read(b"ccode\n\xe9t\xc3\xa9\n").unwrap_err();
        assert!(err.to_string().starts_with(
            "f.csv:2:1: error[syntax]: the file is not UTF-8 text (byte 6)"
        ));
        // A character cut at the end of the file.
        let err = read(b"ccode\n\xc3").unwrap_err();
        assert!(err.to_string().starts_with("f.csv:2:1: error[syntax]"));
    }

    #[test]
    fn a_character_cut_between_two_reads_is_whole() {
        // Every read of a slow source gives one byte.
        struct Slow<'a>(&'a [u8]);
        impl Read for Slow<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let Some((&b, rest)) = self.0.split_first() else {
                    return Ok(0);
                };
                buf[0] = b;
                self.0 = rest;
                Ok(1)
            }
        }
        let mut src = Slow("ccode,année\n710,ü\n".as_bytes());
        let mut records = Records::new("f.csv", &mut src);
        let mut rec = Record::default();
        assert!(records.next(&mut rec).unwrap());
        assert_eq!(rec.get(1), "année");
        assert!(records.next(&mut rec).unwrap());
        assert_eq!((rec.get(1), rec.place(2)), ("ü", (2, 7)));
        assert!(!records.next(&mut rec).unwrap());
    }

    /// A source that gives its bytes `step` at a time.
    struct Steps<'a>(&'a [u8], usize);

    impl Read for Steps<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(self.0.len()).min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// However the reads fall against it, the file's limit stops the
    /// reading at the same place: after exactly its bytes.
    #[test]
    fn the_file_limit_stops_at_one_place() {
        let text = "\n".repeat(100);
        for (max, step) in [(10, 1), (10, 3), (10, 11), (20, 10), (64, 64)] {
            let mut src = Steps(text.as_bytes(), step);
            let mut records = Records::new("f.csv", &mut src);
            records.max_file = max;
            let err = records.next(&mut Record::default()).unwrap_err();
            assert!(
                err.message.ends_with(&format!(
                    "reading stopped at line {}",
                    max + 1
                )),
                "{max} {step}: {err}"
            );
        }
    }

    #[test]
    fn limits_stop_the_reading_where_they_are_passed() {
        let wide = format!("{}x\n", "a,".repeat(MAX_COLUMNS));
        let err = read(wide.as_bytes()).unwrap_err();
        assert_eq!(err.location.unwrap().column as usize, 2 * MAX_COLUMNS + 1);
        assert!(err.message.starts_with("line 1 has more than 2000 fields"));
        let long = format!("a,{}\n", "b".repeat(MAX_FIELD_BYTES + 1));
        let err = read(long.as_bytes()).unwrap_err();
        assert!(err.message.starts_with("field 2 of line 1 is over"));
        assert_eq!(err.location.unwrap().column, 3);
        let field = format!("{},", "x".repeat(999));
        let line = format!("{}\n", field.repeat(MAX_LINE_BYTES / 1000 + 1));
        let err = read(line.as_bytes()).unwrap_err();
        assert!(err.message.starts_with("line 1 is over the limit"), "{err}");
    }
}
