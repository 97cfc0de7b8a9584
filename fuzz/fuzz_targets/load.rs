//! Arbitrary bytes as one file of an otherwise valid data folder: the
//! loader must answer with diagnostics or a graph, never panic or hang.
#![no_main]

use igo_graph::{Basis, KnowledgeGraph};
use libfuzzer_sys::fuzz_target;

const GOOD: [(&str, &str); 8] = [
    ("states.yaml", include_str!("../../tests/data/good/states.yaml")),
    ("sources.yaml", include_str!("../../tests/data/good/sources.yaml")),
    ("org/organization.yaml", include_str!("../../tests/data/good/org/organization.yaml")),
    ("org/statuses.yaml", include_str!("../../tests/data/good/org/statuses.yaml")),
    ("org/summits.yaml", include_str!("../../tests/data/good/org/summits.yaml")),
    ("org/chairs.yaml", include_str!("../../tests/data/good/org/chairs.yaml")),
    ("org/officials.yaml", include_str!("../../tests/data/good/org/officials.yaml")),
    ("org/events.yaml", include_str!("../../tests/data/good/org/events.yaml")),
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let which = usize::from(which) % GOOD.len();
    let text = String::from_utf8_lossy(rest).into_owned();
    let files = GOOD.iter().enumerate().map(|(i, (path, good))| {
        (path.to_string(), if i == which { text.clone() } else { good.to_string() })
    });
    match KnowledgeGraph::from_texts(files) {
        Ok(kg) => {
            // A graph that loaded answers questions without panicking.
            let day = "2018-06-10".parse().unwrap();
            for org in kg.organizations() {
                let _ = kg.snapshot(org.id.as_str(), day, Basis::Effective).unwrap();
                let _ = kg.timeline(org.id.as_str(), Basis::Decided).unwrap();
            }
        }
        Err(e) => {
            // Every problem is reported, with a message.
            assert!(!e.diagnostics().is_empty());
            assert!(e.diagnostics().iter().all(|d| !d.message.is_empty()));
        }
    }
});
