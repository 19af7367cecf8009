//! Decoding and normalization throughput over at least 5 MB of report text.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vietfacts::normalize;
use vietfacts::text::decode::{DecodeOptions, decode};

mod corpus;

const SIZE: usize = 5 * 1024 * 1024;

fn benchmarks(c: &mut Criterion) {
    let normal = corpus::reports(SIZE);
    let needing_work = corpus::needing_work(&normal);
    let decomposed = corpus::fully_decomposed(&normal);
    let modern_style = corpus::modern_tone_style(&normal);

    let mut group = c.benchmark_group("normalize");
    group.sample_size(20);
    for (name, text) in [
        ("already_normal", &normal),
        ("needing_work", &needing_work),
        ("fully_decomposed", &decomposed),
        ("modern_tone_style", &modern_style),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| normalize(black_box(text)).text().len()));
    }
    group.finish();

    let mut group = c.benchmark_group("decode+normalize");
    group.sample_size(20);
    for (name, text) in [("already_normal", &normal), ("needing_work", &needing_work)] {
        let bytes = text.as_bytes();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let decoded = decode(black_box(bytes), DecodeOptions::new()).expect("UTF-8");
                normalize(&decoded.text).text().len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
