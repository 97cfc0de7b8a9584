//! Every error class of `igo import cow`, each with its own small bad
//! file in `tests/data/cow/bad/`, its message pinned: the file, line and
//! column, what is wrong (naming the value) and what to do. Nothing is
//! ever written.

use crate::common::root;

/// `igo import cow` of a bad file: exit 2 and the located message.
fn refused(file: &str, expected: &str) {
    let stderr = refused_with(&[&format!("tests/data/cow/bad/{file}")]);
    let path = format!("tests/data/cow/bad/{file}");
    assert!(stderr.starts_with(&format!("{path}:{expected}")), "{stderr}");
    assert!(stderr.contains("= help: "), "{stderr}");
}

/// `igo import cow ARGS -o DIR` from the repository's root: exit 2,
/// nothing written; what it printed on stderr.
fn refused_with(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::igo()
        .current_dir(root())
        .args(["import", "cow"])
        .args(args)
        .arg("-o")
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!dir.path().join("out").exists(), "nothing is written");
    stderr
}

/// The whole of what `igo import cow` prints for a bad file.
fn pinned(file: &str, expected: &str) {
    let stderr = refused_with(&[&format!("tests/data/cow/bad/{file}")]);
    assert_eq!(stderr, expected);
}

/// The whole of what `igo import cow` prints for a bad IGO-year file
/// given with the fixture.
fn pinned_igos(file: &str, expected: &str) {
    let igos = format!("tests/data/cow/bad/{file}");
    let stderr =
        refused_with(&["tests/data/cow/state_year.csv", "--igos", &igos]);
    assert_eq!(stderr, expected);
}

#[test]
fn a_missing_column_is_located() {
    refused(
        "missing-column.csv",
        "1:1: error[missing-field]: `tests/data/cow/bad/missing-column.csv` \
         has no `year` column",
    );
}

#[test]
fn a_code_outside_cows_is_located() {
    refused(
        "code-outside-cow.csv",
        "3:16: error[invalid-value]: `4` in column `sco` is not a COW code",
    );
}

#[test]
fn a_ccode_that_is_not_a_cow_state_is_located() {
    refused(
        "ccode-not-a-state.csv",
        "3:1: error[unknown-state]: ccode `999` is not a COW state",
    );
}

#[test]
fn a_truncated_file_is_located() {
    refused(
        "truncated.csv",
        "4:14: error[syntax]: line 4 has 3 fields, the header 5",
    );
}

#[test]
fn a_second_row_for_a_state_and_year_is_located() {
    refused(
        "second-row.csv",
        "3:1: error[duplicate-key]: a second row for ccode 710 in 2001",
    );
}

#[test]
fn an_igo_year_file_without_ioname_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::igo()
        .current_dir(root())
        .args([
            "import",
            "cow",
            "tests/data/cow/state_year.csv",
            "--igos",
            "tests/data/cow/bad/igos-without-ioname.csv",
            "-o",
        ])
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.starts_with(
            "tests/data/cow/bad/igos-without-ioname.csv:1:1: \
         error[missing-field]: `tests/data/cow/bad/igos-without-ioname.csv` \
         has no `ioname` column"
        ),
        "{stderr}"
    );
}

#[test]
fn reading_stops_after_fifty_problems() {
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::igo()
        .current_dir(root())
        .args(["import", "cow", "tests/data/cow/bad/many-bad-codes.csv", "-o"])
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr.matches("is not a COW code").count(), 49);
    assert!(stderr.contains(
        "igo: error[limit]: stopped after 49 problems: the rest of the \
         file was not read"
    ));
    assert!(stderr.ends_with("igo: 50 problems found\n"), "{stderr}");
}

#[test]
fn a_file_that_is_not_utf8_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let path = "tests/data/cow/bad/not-utf8.csv";
    let out = crate::common::igo()
        .current_dir(root())
        .args(["import", "cow", path, "-o"])
        .arg(dir.path().join("out"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains(&format!(
            "{path}:3:12: error[syntax]: the file is not UTF-8"
        )),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

#[test]
fn a_second_ccode_column_is_located() {
    refused(
        "second-ccode.csv",
        "1:18: error[duplicate-id]: column `ccode` again (first as column 1)",
    );
}

/// A quoted field with a comma (a state's name as a spreadsheet writes
/// it) does not shift the columns after it, in the header or the row.
#[test]
fn a_quoted_comma_shifts_no_column() {
    refused(
        "quoted-comma.csv",
        "3:36: error[invalid-value]: `4` in column `sco` is not a COW code",
    );
}

/// A file saved with CRLF line ends (as spreadsheets save it) is located
/// on the right line, though the CSV reader places each record a line
/// early.
#[test]
fn a_crlf_file_is_located_on_the_right_line() {
    refused(
        "crlf.csv",
        "3:14: error[invalid-value]: `4` in column `sco` is not a COW code",
    );
}

/// A carriage return inside quotes is text, not a line end.
#[test]
fn a_carriage_return_in_quotes_ends_no_line() {
    refused(
        "carriage-return-in-quotes.csv",
        "2:18: error[invalid-value]: `4` in column `sco` is not a COW code",
    );
}

/// A quote never closed swallows the rest of the file: the problem is
/// placed where that field begins, on a line the file has.
#[test]
fn an_unclosed_quote_is_located_where_it_opens() {
    refused(
        "unclosed-quote.csv",
        "3:10: error[syntax]: line 3 has 3 fields, the header 4",
    );
}

/// A byte order mark before `ccode` does not shift the columns.
#[test]
fn a_byte_order_mark_shifts_no_column() {
    refused(
        "bom-duplicate-column.csv",
        "1:22: error[duplicate-id]: column `sco` names the same IGO",
    );
}

/// A compressed file is named as such, with how to unpack it; it is
/// not read as text.
#[test]
fn a_gzip_file_given_as_csv_says_how_to_unpack_it() {
    pinned(
        "gzip-given-as-csv.csv",
        "tests/data/cow/bad/gzip-given-as-csv.csv: error[syntax]: \
         `tests/data/cow/bad/gzip-given-as-csv.csv` is compressed with \
         gzip: it is not a CSV file\n  = help: unpack it first: `gunzip -k \
         tests/data/cow/bad/gzip-given-as-csv.csv` (or give `<(gunzip -c \
         tests/data/cow/bad/gzip-given-as-csv.csv)` as the file)\n",
    );
}

/// A zip archive (a spreadsheet's workbook is one), R's data and UTF-16
/// text are each named.
#[test]
fn archives_r_data_and_utf16_are_named() {
    let first = |file: &str| {
        let path = format!("tests/data/cow/bad/{file}");
        let stderr = refused_with(&[&path]);
        let line = stderr.lines().next().unwrap().to_string();
        let help = stderr.lines().nth(1).unwrap().to_string();
        (line.replace(&path, "FILE"), help.replace(&path, "FILE"))
    };
    assert_eq!(
        first("zip-given-as-csv.csv"),
        (
            "FILE: error[syntax]: `FILE` is a zip archive (or a workbook \
             saved by a spreadsheet, which is one): it is not a CSV file"
                .into(),
            "  = help: unpack it first: `unzip FILE`, and give the .csv file \
             inside; from a spreadsheet, save the sheet as CSV"
                .into()
        )
    );
    assert_eq!(
        first("state_year_format3.rda"),
        (
            "FILE: error[syntax]: `FILE` is R data (.rda), not CSV: it is \
             not a CSV file"
                .into(),
            "  = help: write it as CSV first: the README, \"Getting COW's \
             file\", shows how"
                .into()
        )
    );
    assert_eq!(
        first("utf16.csv"),
        (
            "FILE: error[syntax]: `FILE` is UTF-16 text: it is not a CSV file"
                .into(),
            "  = help: save it as UTF-8 (`iconv -f UTF-16 -t UTF-8 FILE > \
             out.csv`)"
                .into()
        )
    );
}

#[test]
fn a_nul_byte_is_refused_where_it_is() {
    pinned(
        "nul-byte.csv",
        "tests/data/cow/bad/nul-byte.csv:3:12: error[syntax]: a NUL byte \
         (byte 47 of the file): this is not CSV text\n   \
         | 710,1997,ch\\u{0}n,1\n   |            ^\n  = help: a NUL byte is \
         never in text: give COW's CSV file as distributed, not a binary \
         file\n",
    );
}

/// `710.0` is not read as 710: a whole number is asked for, and how to
/// write one.
#[test]
fn a_float_ccode_must_be_a_whole_number() {
    pinned(
        "float-ccode.csv",
        "tests/data/cow/bad/float-ccode.csv:3:1: error[invalid-value]: \
         ccode `710.0` is not a whole number\n   | 710.0,1997,chn,1\n   | \
         ^\n  = help: a ccode is a whole number: write `710` (a CSV written \
         by pandas from a column with a missing value has `.0`; the \
         README, \"Getting COW's file\", shows how to write whole \
         numbers)\n",
    );
    refused(
        "fraction-ccode.csv",
        "2:1: error[invalid-value]: ccode `710.5` is not a whole number\n",
    );
    let stderr =
        refused_with(&["tests/data/cow/bad/fraction-ccode.csv"]).to_string();
    assert!(
        stderr.contains("help: a ccode is a whole number, without a fraction"),
        "{stderr}"
    );
}

#[test]
fn a_float_year_or_code_must_be_a_whole_number() {
    refused(
        "float-year.csv",
        "3:5: error[invalid-date]: year `1997.0` is not a whole number\n",
    );
    refused(
        "float-code.csv",
        "3:14: error[invalid-value]: `1.0` in column `sco` is not a whole \
         number\n",
    );
    let stderr = refused_with(&["tests/data/cow/bad/float-code.csv"]);
    assert!(stderr.contains("help: a code is a whole number: write `1`"));
}

/// A number too large for a COW code is not "not a number".
#[test]
fn a_ccode_too_large_is_no_cow_state() {
    refused(
        "ccode-too-large.csv",
        "3:1: error[unknown-state]: ccode `99999` is not a COW state\n",
    );
}

/// Two rows of one IGO in the IGO-year file that disagree on what every
/// row repeats are refused where the second differs, naming the first.
#[test]
fn conflicting_igo_year_rows_are_refused_and_located() {
    pinned_igos(
        "igos-two-ionums.csv",
        "tests/data/cow/bad/igos-two-ionums.csv:3:50: error[duplicate-id]: \
         `SCO` has ionum `4116` here, `4115` on line 2\n   | SCO,Shanghai \
         Cooperation Organisation,2002,1996,,4116,Shanghai Pact\n   |       \
         \x20                                          ^\n  = help: \
         the rows of one IGO repeat its ioname, orgname, ionum, sdate and \
         deaddate: correct the row that differs (ionum)\n",
    );
    let first = |file: &str| {
        let igos = format!("tests/data/cow/bad/{file}");
        let stderr =
            refused_with(&["tests/data/cow/state_year.csv", "--igos", &igos]);
        stderr.lines().next().unwrap().replace(&igos, "FILE")
    };
    assert_eq!(
        first("igos-two-orgnames.csv"),
        "FILE:3:5: error[duplicate-id]: `CIS` has orgname `Commonwealth of \
         Indep. States` here, `Commonwealth of Independent States` on line 2"
    );
    assert_eq!(
        first("igos-two-deaddates.csv"),
        "FILE:3:45: error[duplicate-id]: `CENTO` has deaddate `1980` here, \
         `1979` on line 2"
    );
    assert_eq!(
        first("igos-two-ionames.csv"),
        "FILE:3:1: error[duplicate-id]: `ACP_EU` has ioname `ACP_EU` here, \
         `ACP-EU` on line 2"
    );
    assert_eq!(
        first("igos-one-ionum-two-igos.csv"),
        "FILE:3:51: error[duplicate-id]: ionum `4115` is `CIS`'s here, \
         `SCO`'s on line 2"
    );
}

#[test]
fn igo_year_numbers_must_be_whole() {
    let first = |file: &str| {
        let igos = format!("tests/data/cow/bad/{file}");
        let stderr =
            refused_with(&["tests/data/cow/state_year.csv", "--igos", &igos]);
        stderr.lines().next().unwrap().replace(&igos, "FILE")
    };
    assert_eq!(
        first("igos-float-ionum.csv"),
        "FILE:2:50: error[invalid-value]: ionum `4115.0` is not a whole number"
    );
    assert_eq!(
        first("igos-float-sdate.csv"),
        "FILE:2:44: error[invalid-value]: sdate `1996.0` is not a whole number"
    );
}

/// A column's name becomes the organisation's id and folder: one far
/// longer than COW's short names is refused in the header.
#[test]
fn a_long_column_name_is_refused_in_the_header() {
    refused(
        "long-column-name.csv",
        "1:22: error[limit]: column name \
         `aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa... (100 bytes)` is over \
         the limit of 64 bytes\n",
    );
}

/// UTF-16 text without a byte order mark is told by its NUL bytes.
#[test]
fn utf16_without_a_byte_order_mark_is_named() {
    pinned(
        "utf16-without-bom.csv",
        "tests/data/cow/bad/utf16-without-bom.csv:1:2: error[syntax]: a NUL \
         byte (byte 1 of the file): this is UTF-16 text, not UTF-8\n   | \
         c\\u{0}c\\u{0}o\\u{0}d\\u{0}e\\u{0},\\u{0}y\\u{0}e\\u{0}a\\u{0}\
         r\\u{0},\\u{0}s\\u{0}t\\u{0}a\\u{0}t\\u{0}e\\u{0},\\u{0}s\\u{0}\
         c\\u{0}o\\u{0}\n   |  ^\n  = help: save it as UTF-8 (`iconv -f UTF-16LE -t UTF-8 \
         tests/data/cow/bad/utf16-without-bom.csv > out.csv`)\n",
    );
}
