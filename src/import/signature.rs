//! Files that are not CSV text, known by their first bytes: a compressed
//! file, an archive or workbook, R or Stata data, text in UTF-16. Each is
//! named, with how to get the CSV out of it.

use crate::error::{Diagnostic, DiagnosticKind};

/// The most first bytes a format is known by.
pub(crate) const LONGEST: usize = 16;

/// A format: its first bytes, what it is, and how to get text from it
/// (`{}` is the file's name).
struct Format {
    magic: &'static [u8],
    what: &'static str,
    todo: &'static str,
}

const FORMATS: [Format; 13] = [
    Format {
        magic: b"\x1f\x8b",
        what: "compressed with gzip",
        todo: "unpack it first: `gunzip -k {}` (or give `<(gunzip -c {})` as the file)",
    },
    Format {
        magic: b"BZh",
        what: "compressed with bzip2",
        todo: "unpack it first: `bunzip2 -k {}` (or give `<(bunzip2 -c {})` as the file)",
    },
    Format {
        magic: b"\xfd7zXZ\x00",
        what: "compressed with xz",
        todo: "unpack it first: `unxz -k {}` (or give `<(unxz -c {})` as the file)",
    },
    Format {
        magic: b"\x28\xb5\x2f\xfd",
        what: "compressed with zstd",
        todo: "unpack it first: `unzstd {}` (or give `<(unzstd -c {})` as the file)",
    },
    Format {
        magic: b"PK\x03\x04",
        what: "a zip archive (or a workbook saved by a spreadsheet, which is one)",
        todo: "unpack it first: `unzip {}`, and give the .csv file inside; from a spreadsheet, save the sheet as CSV",
    },
    Format {
        magic: b"PK\x05\x06",
        what: "an empty zip archive",
        todo: "give COW's CSV file itself",
    },
    Format {
        magic: b"7z\xbc\xaf\x27\x1c",
        what: "a 7-Zip archive",
        todo: "unpack it first: `7z x {}`, and give the .csv file inside",
    },
    Format {
        magic: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        what: "an Excel workbook (.xls)",
        todo: "save the sheet as CSV (UTF-8) and give that file",
    },
    Format {
        magic: b"RDX",
        what: "R data (.rda), not CSV",
        todo: "write it as CSV first: the README, \"Getting COW's file\", shows how",
    },
    Format {
        magic: b"<stata_dta>",
        what: "Stata data (.dta), not CSV",
        todo: "export it as CSV first (Stata: `export delimited`)",
    },
    Format {
        magic: b"PAR1",
        what: "Parquet data, not CSV",
        todo: "write it as CSV first (pandas: `pd.read_parquet(f).to_csv(out, index=False)`)",
    },
    Format {
        magic: b"\xff\xfe",
        what: "UTF-16 text",
        todo: "save it as UTF-8 (`iconv -f UTF-16 -t UTF-8 {} > out.csv`)",
    },
    Format {
        magic: b"\xfe\xff",
        what: "UTF-16 text",
        todo: "save it as UTF-8 (`iconv -f UTF-16 -t UTF-8 {} > out.csv`)",
    },
];

/// The diagnostic for a file that starts with `first` when that is a
/// known format other than text.
pub(crate) fn binary(name: &str, first: &[u8]) -> Option<Diagnostic> {
    let f = FORMATS.iter().find(|f| first.starts_with(f.magic))?;
    let lower = name.to_ascii_lowercase();
    // R's .rda files are compressed: their name says what is inside.
    let r_data = [".rda", ".rdata", ".rds"].iter().any(|e| lower.ends_with(e));
    let (what, todo) = if r_data {
        ("R data (.rda), not CSV", FORMATS[8].todo)
    } else {
        (f.what, f.todo)
    };
    Some(
        Diagnostic::new(
            DiagnosticKind::Syntax,
            format!("`{name}` is {what}: it is not a CSV file"),
        )
        .at(name, 0, 0)
        .help(todo.replace("{}", name)),
    )
}

/// Whether `first` looks like UTF-16 text without a byte order mark:
/// ASCII characters with a NUL after each (little-endian) or before.
pub(crate) fn utf16(first: &[u8]) -> bool {
    let pairs: Vec<&[u8]> = first.chunks_exact(2).take(4).collect();
    let ascii = |b: u8| b.is_ascii() && b != 0;
    pairs.len() == 4
        && (pairs.iter().all(|p| ascii(p[0]) && p[1] == 0)
            || pairs.iter().all(|p| p[0] == 0 && ascii(p[1])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_magic_fits_the_bytes_read_first() {
        assert!(FORMATS.iter().all(|f| f.magic.len() <= LONGEST));
        assert!(FORMATS[8].magic == b"RDX");
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_seen() {
        assert!(utf16(b"c\0c\0o\0d\0e\0"));
        assert!(utf16(b"\0c\0c\0o\0d"));
        assert!(!utf16(b"ccode,year"));
        assert!(!utf16(b"\0\0\0\0\0\0\0\0"));
    }

    #[test]
    fn text_is_no_format() {
        assert!(binary("f.csv", b"ccode,year,state\n").is_none());
        let d = binary("f.csv.gz", b"\x1f\x8b\x08\x00").unwrap();
        assert_eq!(
            d.message,
            "`f.csv.gz` is compressed with gzip: it is not a CSV file"
        );
        let d = binary("igoR/state_year.rda", b"\x1f\x8b\x08\x00").unwrap();
        assert!(d.message.contains("R data"), "{}", d.message);
    }
}
