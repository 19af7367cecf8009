//! The cost per MB stays flat from 1 MB to 32 MB on hostile inputs: no quadratic step in
//! normalization, coreference, consistency checks or anywhere else. Compare the throughput
//! of each input across its sizes.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use vietfacts::Extractor;

const MB: usize = 1024 * 1024;

/// Hostile inputs, each built by repeating a unit to `size` bytes.
fn inputs() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "single_line_report",
            "Năm 2023, toàn thành phố có 117/120 khu dân cư đạt văn hóa, đạt 97,5%; đồng chí Phan Văn An, Phó Bí thư Thành ủy phát biểu. ",
        ),
        ("digits", "1234567890"),
        ("dong_chi", "đồng chí "),
        ("combining_marks", "a\u{301}\u{302}\u{323}"),
        ("slashes", "/"),
        (
            "title_only_mentions",
            "Phó Chủ tịch HĐND tỉnh Trần Văn Hải; Phó Chủ tịch HĐND tỉnh phát biểu. ",
        ),
    ]
}

fn build(unit: &str, size: usize) -> String {
    let mut text = String::with_capacity(size + unit.len());
    while text.len() < size {
        text.push_str(unit);
    }
    text
}

fn benchmarks(c: &mut Criterion) {
    let extractor = Extractor::new();
    let sizes: Vec<usize> = match std::env::var("VIETFACTS_LINEAR_MAX_MB") {
        Ok(max) => {
            let max: usize = max.parse().unwrap_or(32);
            [1, 4, 16, 32].into_iter().filter(|&mb| mb <= max).collect()
        }
        Err(_) => vec![1, 4, 16, 32],
    };
    for (name, unit) in inputs() {
        let mut group = c.benchmark_group(format!("linear/{name}"));
        group.sample_size(10);
        for &mb in &sizes {
            let text = build(unit, mb * MB);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{mb}MB")),
                &text,
                |b, text| b.iter(|| extractor.extract(black_box(text)).dates.len()),
            );
        }
        group.finish();
    }
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
