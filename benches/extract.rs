//! Extraction throughput over at least 5 MB of report text: each extractor alone (on top of
//! normalization and sentence splitting, which `none` measures), and all of them together.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vietfacts::{Extractor, Kinds};

mod corpus;

const SIZE: usize = 5 * 1024 * 1024;

fn benchmarks(c: &mut Criterion) {
    // Documents the size of real reports, each extracted on its own, repeated to 5 MB.
    let reports = corpus::report_texts();

    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(
        reports.iter().map(|r| r.len() as u64).sum::<u64>()
            * corpus::repeats(SIZE, &reports) as u64,
    ));
    for (name, kinds) in [
        ("none", Kinds::NONE),
        ("dates", Kinds::NONE.dates(true)),
        ("people", Kinds::NONE.people(true)),
        ("figures", Kinds::NONE.figures(true)),
        ("all", Kinds::ALL),
    ] {
        let extractor = Extractor::new().kinds(kinds);
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut facts = 0;
                for _ in 0..corpus::repeats(SIZE, &reports) {
                    for report in &reports {
                        let found = extractor.extract(black_box(report));
                        facts += found.dates.len() + found.counts.len() + found.officials.len();
                    }
                }
                facts
            })
        });
    }
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
