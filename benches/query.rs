//! Loading the bundled data, and the main queries on it.
//!
//! cargo bench --bench query

use criterion::{Criterion, criterion_group, criterion_main};
use igo_graph::{Basis, Date, KnowledgeGraph};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    c.bench_function("load/bundled (parse, validate, build)", |b| {
        b.iter(|| black_box(KnowledgeGraph::bundled()))
    });
    // The sources are decoded when first asked for: what that costs.
    c.bench_function("load/bundled, then every source", |b| {
        b.iter(|| {
            let kg = KnowledgeGraph::bundled();
            black_box(kg.sources().count());
            kg
        })
    });
    c.bench_function("load/bundled, then the graph with its sources", |b| {
        b.iter(|| {
            let kg = KnowledgeGraph::bundled();
            black_box(kg.graph().node_count());
            kg
        })
    });
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    c.bench_function("load/data folder (read, parse, validate, build)", |b| {
        b.iter(|| black_box(KnowledgeGraph::load(dir).unwrap()))
    });
}

fn queries(c: &mut Criterion) {
    let kg = KnowledgeGraph::bundled();
    let day: Date = "2024-02-22".parse().unwrap();
    c.bench_function("query/snapshot 2024-02-22", |b| {
        b.iter(|| {
            black_box(
                kg.snapshot("SCO", black_box(day), Basis::Effective).unwrap(),
            )
        })
    });
    c.bench_function("query/timeline SCO", |b| {
        b.iter(|| black_box(kg.timeline("SCO", Basis::Effective).unwrap()))
    });
    c.bench_function("query/history IND", |b| {
        b.iter(|| black_box(kg.history("IND").unwrap()))
    });
    let day: Date = "2025-01-01".parse().unwrap();
    c.bench_function("query/memberships BLR 2025-01-01", |b| {
        b.iter(|| {
            black_box(kg.memberships("BLR", day, Basis::Effective).unwrap())
        })
    });
    c.bench_function("query/overlap SCO BRICS CSTO 2025-01-01", |b| {
        b.iter(|| {
            black_box(
                kg.overlap(&["SCO", "BRICS", "CSTO"], day, Basis::Effective)
                    .unwrap(),
            )
        })
    });
}

/// The explorer's data (`igo export html`): every organisation's picture
/// on each of its days of change, every state's page, the region, as
/// the files of the site (`data.js` alone is the first load only).
fn explorer(c: &mut Criterion) {
    let kg = KnowledgeGraph::bundled();
    c.bench_function("export/html files, bundled", |b| {
        b.iter(|| {
            black_box(igo_graph::export::html::files(&kg, None).unwrap())
        })
    });
}

criterion_group!(benches, load, queries, explorer);
criterion_main!(benches);
