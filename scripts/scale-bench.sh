#!/usr/bin/env bash
# The batch figures of docs/scale.md: `--jobs 2` against `--jobs 1` over about 20 MB of
# reports, the end-to-end JSON Lines run over 50 MB (throughput and peak memory, one core and
# every core), and the JSON Lines filter's peak memory for 10 MB and 200 MB of input.
#
#   scripts/scale-bench.sh            (a few minutes; needs /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/vietfacts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# JSON Lines records of the fixture reports, repeated to the size asked (bytes).
records() {
  python3 - "$1" <<'PY'
import glob, json, sys
size = int(sys.argv[1])
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("fixtures/reports/*.txt")) if p.count(".") == 1]
written, i = 0, 0
while written < size:
    line = json.dumps({"id": f"doc-{i}", "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n"
    sys.stdout.write(line)
    written += len(line.encode("utf-8"))
    i += 1
PY
}

records 20000000 > "$work/20mb.jsonl"
records 50000000 > "$work/50mb.jsonl"
records 10000000 > "$work/10mb.jsonl"
records 200000000 > "$work/200mb.jsonl"

seconds() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }
one=$(seconds "$bin" extract --input jsonl --format jsonl --quiet --jobs 1 < "$work/20mb.jsonl")
two=$(seconds "$bin" extract --input jsonl --format jsonl --quiet --jobs 2 < "$work/20mb.jsonl")
echo "20 MB: --jobs 1 ${one} s, --jobs 2 ${two} s, speed-up $(python3 -c "print(round($one/$two, 2))")x"

# Seconds and peak resident memory (KB) of one end-to-end run over the 50 MB file.
for jobs in 1 2; do
  read -r secs kb < <(/usr/bin/time -f "%e %M" "$bin" extract --input jsonl --format jsonl --quiet \
    --jobs "$jobs" < "$work/50mb.jsonl" 2>&1 >/dev/null | tail -1)
  echo "50 MB JSON Lines, --jobs $jobs: ${secs} s ($(python3 -c "print(round(50/$secs, 1))") MB/s), peak memory ${kb} KB"
done

rss() { /usr/bin/time -f "%M" "$bin" extract --input jsonl --format jsonl --quiet --jobs 2 < "$1" 2>&1 >/dev/null | tail -1; }
echo "peak memory of the JSON Lines filter: 10 MB in → $(rss "$work/10mb.jsonl") KB, 200 MB in → $(rss "$work/200mb.jsonl") KB"
