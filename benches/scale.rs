//! Load, queries and exports at three sizes: the bundled data, the size of
//! the Correlates of War IGO data (about 50,000 transitions) and, with
//! `IGO_BENCH_LARGE=1`, 1,000,000 transitions. Synthetic data comes from
//! `igo_graph::synth` (seed 1), written to a temporary folder first.
//!
//! cargo bench --bench scale
//! IGO_BENCH_LARGE=1 cargo bench --bench scale -- 1000000

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use igo_graph::export::{self, Options};
use igo_graph::synth::{Spec, generate};
use igo_graph::{Basis, Date, KnowledgeGraph};

fn write(files: &[(String, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn sizes() -> Vec<(String, tempfile::TempDir, &'static str, &'static str)> {
    let mut v = Vec::new();
    let bundled = write(&export::yaml::files(&KnowledgeGraph::bundled()));
    v.push(("bundled".to_string(), bundled, "SCO", "IND"));
    let mut counts = vec![50_000usize];
    if std::env::var_os("IGO_BENCH_LARGE").is_some() {
        counts.push(1_000_000);
    }
    for n in counts {
        let files = generate(&Spec { transitions: n, ..Spec::default() });
        v.push((n.to_string(), write(&files), "ORG0", "AAB"));
    }
    v
}

fn scale(c: &mut Criterion) {
    let day: Date = "2000-06-15".parse().unwrap();
    for (size, dir, org, state) in sizes() {
        let mut g = c.benchmark_group(format!("size {size}"));
        let large = size == "1000000";
        if large {
            g.sample_size(10);
            g.measurement_time(Duration::from_secs(60));
        }
        g.bench_function("load (read, parse, validate, build)", |b| {
            b.iter(|| black_box(KnowledgeGraph::load(dir.path()).unwrap()))
        });
        let kg = KnowledgeGraph::load(dir.path()).unwrap();
        let day = if size == "bundled" {
            "2024-02-22".parse().unwrap()
        } else {
            day
        };
        g.bench_function("snapshot", |b| {
            b.iter(|| {
                black_box(
                    kg.snapshot(org, black_box(day), Basis::Effective)
                        .unwrap(),
                )
            })
        });
        g.bench_function("history of a state", |b| {
            b.iter(|| black_box(kg.history(state).unwrap()))
        });
        g.bench_function("timeline of an organisation", |b| {
            b.iter(|| black_box(kg.timeline(org, Basis::Effective).unwrap()))
        });
        let later: Date = "2010-01-01".parse().unwrap();
        g.bench_function("diff", |b| {
            b.iter(|| {
                black_box(kg.diff(org, day, later, Basis::Effective).unwrap())
            })
        });
        let on = Options::new(org).at(day);
        let all = Options::new(org);
        type W = fn(
            &KnowledgeGraph,
            &Options,
            &mut Vec<u8>,
        ) -> Result<(), igo_graph::Error>;
        let writers: [(&str, W, &Options); 9] = [
            ("export dot", |k, o, w| export::dot::write(k, o, w), &on),
            ("export chart", |k, o, w| export::chart::write(k, o, w), &on),
            ("export gexf", |k, o, w| export::gexf::write(k, o, w), &all),
            (
                "export graphml",
                |k, o, w| export::graphml::write(k, o, w),
                &all,
            ),
            (
                "export json (a day)",
                |k, o, w| export::json::write(k, o, w),
                &on,
            ),
            ("export csv", |k, o, w| export::csv::write(k, o, w), &all),
            (
                "export panel",
                |k, o, w| {
                    export::panel::write(
                        k,
                        o,
                        export::panel::Rule::December31,
                        w,
                    )
                },
                &on,
            ),
            ("export ttl", |k, o, w| export::ttl::write(k, o, w), &all),
            (
                "export json (whole graph)",
                |k, o, w| export::json::write(k, o, w),
                &all,
            ),
        ];
        for (name, w, opts) in writers {
            g.bench_with_input(
                BenchmarkId::new(name, &size),
                opts,
                |b, opts| {
                    b.iter(|| {
                        let mut out = Vec::new();
                        w(&kg, opts, &mut out).unwrap();
                        black_box(out)
                    })
                },
            );
        }
        g.bench_function("export yaml (whole data set)", |b| {
            b.iter(|| black_box(export::yaml::files(&kg)))
        });
        g.finish();
    }
}

/// The Correlates of War IGO data's shape: 534 organisations, 200 states,
/// their histories over two centuries (about 50,000 transitions).
fn cow_scale(c: &mut Criterion) {
    let spec = Spec {
        transitions: 50_000,
        organizations: 534,
        states: 200,
        ..Spec::default()
    };
    let dir = write(&generate(&spec));
    let mut g = c.benchmark_group("cow scale (534 organisations, 200 states)");
    g.bench_function("load", |b| {
        b.iter(|| black_box(KnowledgeGraph::load(dir.path()).unwrap()))
    });
    let kg = KnowledgeGraph::load(dir.path()).unwrap();
    let day: Date = "2000-06-15".parse().unwrap();
    g.bench_function("snapshot", |b| {
        b.iter(|| {
            black_box(kg.snapshot("ORG7", day, Basis::Effective).unwrap())
        })
    });
    g.bench_function("memberships", |b| {
        b.iter(|| {
            black_box(kg.memberships("AAB", day, Basis::Effective).unwrap())
        })
    });
    g.bench_function("overlap of 3", |b| {
        b.iter(|| {
            black_box(
                kg.overlap(&["ORG1", "ORG2", "ORG3"], day, Basis::Effective)
                    .unwrap(),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, scale, cow_scale);
criterion_main!(benches);
