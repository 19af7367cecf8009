//! The Rust side of the peers harness: throughput of `vietfacts` and of the `duckling`
//! crate's Vietnamese locale on the same corpus, and what each finds on one sample report.
//!
//! Usage: `peers <tool> <corpus> <sample> [min-seconds]`, tool one of `vietfacts-extract`,
//! `vietfacts-normalize`, `duckling-vi`. The corpus holds reports separated by form feeds
//! (`\x0c`); each report is processed on its own, the way a pipeline meets them. Passes over
//! the corpus repeat until `min-seconds` (default 3) have elapsed, at least once. Prints one
//! JSON object on stdout: bytes, seconds, passes, and the facts found on the sample.

use std::time::Instant;

use chrono::{FixedOffset, TimeZone};
use serde_json::{Value, json};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!(
            "usage: peers <vietfacts-extract|vietfacts-normalize|duckling-vi> <corpus> <sample> [min-seconds]"
        );
        std::process::exit(2);
    }
    let tool = args[1].as_str();
    let corpus = std::fs::read_to_string(&args[2]).expect("corpus");
    let sample = std::fs::read_to_string(&args[3]).expect("sample");
    let min_secs: f64 = args.get(4).map_or(3.0, |s| s.parse().expect("min-seconds"));
    let reports: Vec<&str> = corpus
        .split('\x0c')
        .filter(|r| !r.trim().is_empty())
        .collect();
    let bytes: usize = reports.iter().map(|r| r.len()).sum();

    let run: Box<dyn Fn(&str) -> usize> = match tool {
        "vietfacts-extract" => {
            let extractor = vietfacts::Extractor::new();
            Box::new(move |text| {
                let facts = extractor.extract(text);
                facts.dates.len() + facts.officials.len() + facts.counts.len()
            })
        }
        "vietfacts-normalize" => Box::new(|text| vietfacts::normalize(text).text().len()),
        "duckling-vi" => Box::new(|text| duckling_vi(text).len()),
        other => {
            eprintln!("unknown tool {other}");
            std::process::exit(2);
        }
    };

    // One untimed pass first: duckling compiles its rules and vietfacts its tables lazily.
    let mut sink = run(reports[0]);
    let start = Instant::now();
    let mut passes = 0;
    while passes == 0 || start.elapsed().as_secs_f64() < min_secs {
        for report in &reports {
            sink = sink.wrapping_add(run(std::hint::black_box(report)));
        }
        passes += 1;
    }
    let seconds = start.elapsed().as_secs_f64();

    let (dates, other) = match tool {
        "vietfacts-extract" => vietfacts_sample(&sample),
        "vietfacts-normalize" => (vec![], vec![]),
        _ => duckling_sample(&sample),
    };
    let out = json!({
        "tool": tool,
        "bytes": bytes * passes,
        "seconds": seconds,
        "passes": passes,
        "sink": sink,
        "dates": dates,
        "other": other,
    });
    println!("{out}");
}

/// The sample's dateline, so that relative expressions ("hôm qua") resolve the same way
/// for every tool that needs a reference time.
fn reference() -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(2024, 12, 10, 16, 45, 0)
        .unwrap()
}

fn duckling_vi(text: &str) -> Vec<duckling::Entity> {
    let locale = duckling::Locale::new(duckling::Lang::VI, None);
    let context = duckling::Context::new(reference(), locale);
    // The locale's own list (what `&[]` selects) leaves out Time, though the crate has
    // Vietnamese time rules; name every dimension with Vietnamese rules.
    use duckling::DimensionKind::{AmountOfMoney, Numeral, Ordinal, Time};
    let dims = [Time, Numeral, Ordinal, AmountOfMoney];
    duckling::parse(
        text,
        &locale,
        &dims,
        &context,
        &duckling::Options::default(),
    )
}

/// Dates as "text = value"; every other entity as "kind: text = value".
fn duckling_sample(sample: &str) -> (Vec<String>, Vec<String>) {
    let mut dates = vec![];
    let mut other = vec![];
    for entity in duckling_vi(sample) {
        let value = serde_json::to_value(&entity.value).unwrap_or(Value::Null);
        // Serialized externally tagged: `{"Numeral": 3.0}`, `{"Time": {...}}`.
        let (kind, inner) = match &value {
            Value::Object(map) if map.len() == 1 => {
                let (k, v) = map.iter().next().unwrap();
                (k.clone(), v.clone())
            }
            other => ("?".to_string(), other.clone()),
        };
        let shown = compact(&inner);
        if kind == "Time" {
            dates.push(format!("{} = {shown}", entity.body));
        } else {
            other.push(format!("{kind}: {} = {shown}", entity.body));
        }
    }
    (dates, other)
}

/// The value of a serialized duckling entity in a few characters: a time point as its
/// wall-clock value and grain, an interval as `from/to`, money as `value unit`.
fn compact(value: &Value) -> String {
    fn point(p: &Value) -> String {
        let inner = match p {
            Value::Object(map) if map.len() == 1 => map.values().next().unwrap(),
            other => other,
        };
        let when = inner.get("value").and_then(Value::as_str).unwrap_or("");
        let grain = inner.get("grain").and_then(Value::as_str).unwrap_or("");
        format!("{} ({grain})", when.trim_end_matches("T00:00:00"))
    }
    if let Some(single) = value.get("Single") {
        return point(&single["value"]);
    }
    if let Some(interval) = value.get("Interval") {
        let end = |k: &str| {
            interval
                .get(k)
                .filter(|v| !v.is_null())
                .map_or(String::new(), point)
        };
        return format!("{}/{}", end("from"), end("to"));
    }
    if let Some(money) = value.get("Value") {
        return format!(
            "{} {}",
            money["value"],
            money["unit"].as_str().unwrap_or("")
        );
    }
    value.to_string()
}

fn vietfacts_sample(sample: &str) -> (Vec<String>, Vec<String>) {
    let facts = vietfacts::extract(sample);
    let dates = facts
        .dates
        .iter()
        .map(|d| {
            let value = serde_json::to_value(d.value).unwrap_or(Value::Null);
            format!("{} = {}", d.text, value.as_str().unwrap_or("(vague)"))
        })
        .collect();
    let all = serde_json::to_value(&facts).unwrap_or(Value::Null);
    let mut other = vec![];
    if let Value::Object(map) = all {
        for (kind, items) in map {
            if kind == "dates" || kind == "warnings" {
                continue;
            }
            match items {
                Value::Array(list) => {
                    for item in list {
                        let text = item
                            .get("name")
                            .or_else(|| item.get("text"))
                            .map_or_else(|| item.to_string(), |t| t.to_string());
                        other.push(format!("{kind}: {}", text.trim_matches('"')));
                    }
                }
                Value::Null => {}
                single => other.push(format!("{kind}: {}", compact_meeting(&single))),
            }
        }
    }
    (dates, other)
}

fn compact_meeting(meeting: &Value) -> String {
    meeting
        .get("kind")
        .or_else(|| meeting.get("name"))
        .map_or_else(
            || "yes".to_string(),
            |k| k.to_string().trim_matches('"').to_string(),
        )
}
