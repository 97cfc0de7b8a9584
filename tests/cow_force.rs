//! `igo import cow --force` cannot break a data folder (issue 20, round
//! three): into an organisation's folder, inside a data folder, or over a
//! data folder whose data it would replace only in part, it is refused
//! before anything is written; over an import it replaces the folder's
//! data whole, and the folder loads. Symbolic links are never written
//! through.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{good_copy, root, run};

/// A COW file with one column, `org`: its import writes `org/`, as
/// `tests/data/good` has.
const ORG: &str = "ccode,year,state,org\n710,2000,chn,1\n710,2001,chn,1\n";

/// Every file under `dir` and its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() && !p.is_symlink() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap_or_default());
            }
        }
    }
    out
}

/// `igo import cow FILE -o DIR --force` with `csv` as FILE (written in
/// a folder of its own): (exit code, stderr).
fn import(csv: &str, dir: &Path) -> (i32, String) {
    let here = tempfile::tempdir().unwrap();
    let file = here.path().join("state_year.csv");
    std::fs::write(&file, csv).unwrap();
    let (code, _, err) = run(&[
        "import",
        "cow",
        file.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
        "--force",
    ]);
    (code, err)
}

/// Refused, naming `dir` as `DIR`, with nothing written anywhere under
/// `watch`: the first line of stderr.
fn refused(csv: &str, dir: &Path, watch: &Path) -> String {
    let before = snapshot(watch);
    let (code, err) = import(csv, dir);
    assert_eq!(code, 2, "{err}");
    assert!(snapshot(watch) == before, "nothing is written: {err}");
    let shown = dir.display().to_string();
    err.lines().next().unwrap().replace(&shown, "DIR")
}

fn loads(dir: &Path) {
    let (code, _, err) = run(&["validate", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn an_organisations_folder_is_refused() {
    let data = good_copy();
    let org = data.path().join("org");
    assert_eq!(
        refused(ORG, &org, data.path()),
        "igo: error[io]: `DIR` is an organisation's folder (it holds \
         organization.yaml): a data folder written into it would break the \
         data folder around it"
    );
    loads(data.path());
}

/// A folder inside a data folder would be read as one of its
/// organisation folders: refused, new or not, with `--force` or not.
#[test]
fn a_folder_inside_a_data_folder_is_refused() {
    let data = good_copy();
    let inside = data.path().join("cow");
    let line = refused(ORG, &inside, data.path());
    let parent = data.path().canonicalize().unwrap().display().to_string();
    assert_eq!(
        line.replace(&parent, "DATA"),
        "igo: error[io]: `DIR` is inside the data folder `DATA`: that data \
         folder would read the import as one of its own folders, and no \
         longer load"
    );
    // Deeper, through a folder that does not exist yet, or inside an
    // organisation's folder.
    for deeper in ["new/cow", "new/er/cow"] {
        let line = refused(ORG, &data.path().join(deeper), data.path());
        assert!(line.contains("inside the data folder"), "{line}");
    }
    let in_org = data.path().join("org/cow");
    let line = refused(ORG, &in_org, data.path());
    assert!(line.contains("inside the organisation's folder"), "{line}");
    // Through a symbolic link to the data folder.
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("link");
    std::os::unix::fs::symlink(data.path(), &link).unwrap();
    let line = refused(ORG, &link.join("cow"), data.path());
    assert!(line.contains("inside the data folder"), "{line}");
    loads(data.path());
}

/// Over a data folder whose organisation the import writes only in part
/// (`org/chairs.yaml` and the others would stay, citing states and
/// sources the import replaces): refused, each leftover named.
#[test]
fn a_data_folder_rewritten_in_part_is_refused() {
    let data = good_copy();
    assert_eq!(
        refused(ORG, data.path(), data.path()),
        "igo: error[io]: `DIR` holds data this import does not write \
         (org/chairs.yaml, org/events.yaml, org/officials.yaml, \
         org/summits.yaml): with it the folder would not load; nothing was \
         written"
    );
    loads(data.path());
}

/// Anything else the loader would refuse stays refused: a folder that is
/// no organisation's, a YAML file it does not know, a symbolic link to a
/// folder (writing into it would write elsewhere).
#[test]
fn leftovers_that_would_break_the_load_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cow");
    let (code, err) = import(ORG, &out);
    assert_eq!(code, 0, "{err}");
    let other = good_copy();
    std::fs::create_dir(out.join("notes")).unwrap();
    std::fs::write(out.join("extra.yaml"), "[]\n").unwrap();
    std::fs::rename(out.join("org"), dir.path().join("org-away")).unwrap();
    std::os::unix::fs::symlink(other.path().join("org"), out.join("org"))
        .unwrap();
    assert_eq!(
        refused(ORG, &out, other.path()),
        "igo: error[io]: `DIR` holds data this import does not write \
         (extra.yaml, notes/, org/): with it the folder would not load; \
         nothing was written"
    );
}

/// Over an earlier import the folder's data is replaced whole and loads;
/// a file that is not data stays, and a symbolic link to a file is
/// replaced, never written through.
#[test]
fn an_import_is_replaced_whole_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cow");
    let (code, err) = import(ORG, &out);
    assert_eq!(code, 0, "{err}");
    std::fs::write(out.join("README.md"), "ours\n").unwrap();
    let theirs = good_copy();
    let states = theirs.path().join("states.yaml");
    std::fs::remove_file(out.join("states.yaml")).unwrap();
    std::os::unix::fs::symlink(&states, out.join("states.yaml")).unwrap();
    let before = snapshot(theirs.path());
    let (code, err) =
        import(&ORG.replace("710,2001,chn,1", "710,2001,chn,0"), &out);
    assert_eq!(code, 0, "{err}");
    assert!(snapshot(theirs.path()) == before, "the link's file is theirs");
    assert!(!out.join("states.yaml").is_symlink());
    assert_eq!(
        std::fs::read_to_string(out.join("README.md")).unwrap(),
        "ours\n"
    );
    let statuses = std::fs::read_to_string(out.join("org/statuses.yaml"));
    assert!(statuses.unwrap().contains("- status: none"));
    loads(&out);
    let left: Vec<_> = snapshot(dir.path())
        .into_keys()
        .filter(|p| p.to_string_lossy().contains("igo-import"))
        .collect();
    assert!(left.is_empty(), "no staging left: {left:?}");
}

/// A file given as the folder, and an empty folder, which is filled.
#[test]
fn a_file_is_no_folder_and_an_empty_folder_is_filled() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("states.yaml");
    std::fs::write(&file, "[]\n").unwrap();
    let line = refused(ORG, &file, dir.path());
    assert_eq!(line, "igo: error[io]: `DIR` is a file, not a folder");
    // (Not beside states.yaml: that folder would be a data folder.)
    let other = tempfile::tempdir().unwrap();
    let empty = other.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let (code, _, err) = run(&[
        "import",
        "cow",
        root().join("tests/data/cow/state_year.csv").to_str().unwrap(),
        "-o",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    loads(&empty);
}
