//! COW files of any shape cost little (issue 20, round three): each size
//! case runs the real `igo` under a cap of 64 MiB of address space, so
//! that a reader that holds a line, a field or the file whole fails here
//! instead of eating the machine. The files are made in a temporary
//! folder: a 200 MB line, a header of 20,000 columns, a 200 MB field, a
//! quote never closed that runs on for 200 MB, `/dev/zero`, and an
//! endless stream of blank lines. Timed in `benches/cow_hostile.sh`.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// The address space `igo` may use here, in KiB: the import of COW's
/// real file needs about 200 MB (`benches/cow_hostile.sh`), a refusal
/// needs a few.
const CAP_KIB: u64 = 64 * 1024;

/// `igo import cow FILE -o DIR` under the cap, with `stdin` as its
/// standard input: (exit code, stderr).
fn capped(file: &str, stdin: Stdio) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {CAP_KIB}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_igo"))
        .args(["import", "cow", file, "-o"])
        .arg(dir.path().join("out"))
        .stdin(stdin)
        .output()
        .unwrap();
    assert!(!dir.path().join("out").exists(), "nothing is written");
    let stderr = String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap_or(-1), stderr)
}

/// Writes `head`, then `piece` until the file holds `bytes`, then `tail`.
fn write(path: &Path, head: &str, piece: &str, bytes: usize, tail: &str) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(head.as_bytes()).unwrap();
    let block = piece.repeat((1 << 20) / piece.len());
    let mut n = head.len();
    while n < bytes {
        f.write_all(block.as_bytes()).unwrap();
        n += block.len();
    }
    f.write_all(tail.as_bytes()).unwrap();
    f.flush().unwrap();
}

/// The first two lines `igo` printed, with the file's path as `FILE`.
fn refused(path: &Path, stdin: Stdio) -> String {
    let shown = path.display().to_string();
    let (code, stderr) = capped(&shown, stdin);
    assert_eq!(code, 2, "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    let help = lines.iter().find(|l| l.starts_with("  = help"));
    format!("{}\n{}", lines[0], help.unwrap()).replace(&shown, "FILE")
}

const HEADER: &str = "ccode,year,state,sco\n";

#[test]
fn a_200_mb_line_is_refused_at_its_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("line.csv");
    let field = format!("{},", "x".repeat(999));
    let head = format!("{HEADER}710,1996,chn,");
    write(&file, &head, &field, 200_000_000, "1\n");
    assert_eq!(
        refused(&file, Stdio::null()),
        "FILE:2:1: error[limit]: line 2 is over the limit of 1048576 bytes \
         (1 MiB): reading stopped there\n  = help: a line of COW's files is \
         under 3,000 bytes: is this the right file, with its line ends?"
    );
}

#[test]
fn a_header_of_20000_columns_is_refused_at_the_2001st() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wide.csv");
    let names: Vec<String> = (0..20_000).map(|i| format!("igo{i}")).collect();
    let row = vec!["1"; 20_000].join(",");
    let text =
        format!("ccode,year,state,{}\n710,1996,chn,{row}\n", names.join(","));
    std::fs::write(&file, text).unwrap();
    // Column 2001 starts after `ccode,year,state,` and 1,997 names.
    let before: usize =
        17 + names[..1997].iter().map(|n| n.len() + 1).sum::<usize>();
    assert_eq!(
        refused(&file, Stdio::null()),
        format!(
            "FILE:1:{}: error[limit]: line 1 has more than 2000 fields, the \
             limit: reading stopped there\n  = help: COW's state-year file \
             has 537 columns and its IGO-year file 235: is this the right \
             file?",
            before + 1
        )
    );
}

#[test]
fn a_200_mb_field_is_refused_where_it_begins() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("field.csv");
    let head = format!("{HEADER}710,1996,");
    write(&file, &head, "chn", 200_000_000, ",1\n");
    assert_eq!(
        refused(&file, Stdio::null()),
        "FILE:2:10: error[limit]: field 3 of line 2 is over the limit of \
         16384 bytes (16 KiB): reading stopped there\n  = help: a field of \
         COW's files is a code, a year or a name, under 1,000 bytes: is \
         this the right file?"
    );
}

/// A quote never closed makes one field of the rest of the file, over
/// many short lines: the field's limit holds, and the quote is named.
#[test]
fn a_quote_never_closed_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("quote.csv");
    let head = format!("{HEADER}710,1996,chn,1\n710,1997,\"chn,1\n");
    write(&file, &head, "710,1998,chn,1\n", 200_000_000, "");
    assert_eq!(
        refused(&file, Stdio::null()),
        "FILE:3:10: error[limit]: field 3 of line 3 is over the limit of \
         16384 bytes (16 KiB): reading stopped there\n  = help: the quote \
         that opens this field is never closed: close it, or remove it"
    );
}

#[test]
fn dev_zero_is_refused_at_its_first_byte() {
    assert_eq!(
        refused(Path::new("/dev/zero"), Stdio::null()),
        "FILE:1:1: error[syntax]: a NUL byte (byte 0 of the file): this is \
         not CSV text\n  = help: a NUL byte is never in text: give COW's \
         CSV file as distributed, not a binary file"
    );
}

/// An endless stream of blank lines ends at the limit of a file's size.
#[test]
fn an_endless_stream_ends_at_the_file_limit() {
    let mut yes = Command::new("yes")
        .arg("")
        .stdout(Stdio::piped())
        .spawn()
        .expect("yes runs");
    let stdin = Stdio::from(yes.stdout.take().unwrap());
    let got = refused(Path::new("/dev/stdin"), stdin);
    let _ = yes.kill();
    let _ = yes.wait();
    assert_eq!(
        got,
        "FILE: error[limit]: `FILE` is over the limit of 268435456 bytes \
         (256 MiB): reading stopped at line 268435457\n  = help: COW's \
         state-year file is 22 MB: is this the right file?"
    );
}
