//! The SCO's family on a day, by category, as the library sees it.
//!
//! cargo run --example family -- 2024-02-22

use igo_graph::{Basis, Date, KnowledgeGraph, Status};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let day: Date = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "2024-02-22".to_string())
        .parse()?;
    let kg = KnowledgeGraph::bundled();
    let snap = kg.snapshot("SCO", day, Basis::Effective)?;
    println!("SCO on {day}: a family of {}", snap.family_size);
    for status in Status::HELD {
        let ids = snap.with_status(status);
        if !ids.is_empty() {
            let names: Vec<&str> = ids
                .iter()
                .filter_map(|id| kg.state(id.as_str()))
                .map(|s| s.name.as_str())
                .collect();
            println!(
                "{} ({}): {}",
                status.plural(),
                ids.len(),
                names.join(", ")
            );
        }
    }
    for u in &snap.uncertain {
        println!("uncertain: {} ({:?})", u.state, u.possible);
    }
    Ok(())
}
