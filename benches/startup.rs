//! What starting costs: `KnowledgeGraph::bundled()`, and the same with a
//! bundle of the world's size (`Spec::world()`: 250 states, 25
//! organisations of 100 to 190 states each), lazily (as `bundled()` does:
//! each organisation's facts when first asked for) and with every
//! organisation decoded (what `bundled()` did at once before).
//!
//! cargo bench --bench startup

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use igo_graph::synth::{Bundle, Spec, generate};
use igo_graph::{Basis, Date, KnowledgeGraph};

fn bundled(c: &mut Criterion) {
    let mut g = c.benchmark_group("bundled");
    g.bench_function("bundled()", |b| {
        b.iter(|| black_box(KnowledgeGraph::bundled()))
    });
    let day: Date = "2024-01-01".parse().unwrap();
    g.bench_function("bundled(), then a snapshot of the SCO", |b| {
        b.iter(|| {
            let kg = KnowledgeGraph::bundled();
            black_box(kg.snapshot("SCO", day, Basis::Effective).unwrap());
            kg
        })
    });
    g.bench_function("bundled(), then every organisation", |b| {
        b.iter(|| {
            let kg = KnowledgeGraph::bundled();
            black_box(kg.transition_count());
            kg
        })
    });
    g.finish();
}

fn world(c: &mut Criterion) {
    let bundle = Bundle::new(generate(&Spec::world())).unwrap();
    let mut g = c.benchmark_group(format!(
        "world size ({} KB bundle)",
        bundle.len() / 1024
    ));
    g.bench_function("open", |b| b.iter(|| black_box(bundle.open())));
    let day: Date = "2024-01-01".parse().unwrap();
    g.bench_function("open, then a snapshot of one organisation", |b| {
        b.iter(|| {
            let kg = bundle.open();
            black_box(kg.snapshot("ORG0", day, Basis::Effective).unwrap());
            kg
        })
    });
    g.bench_function("open, then every organisation", |b| {
        b.iter(|| {
            let kg = bundle.open();
            black_box(kg.transition_count());
            kg
        })
    });
    g.finish();
}

criterion_group!(benches, bundled, world);
criterion_main!(benches);
