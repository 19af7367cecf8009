#!/usr/bin/env bash
# Runs vietfacts as a map step the way a cluster would (Spark's RDD.pipe, Hadoop Streaming),
# here with GNU parallel --pipe on one machine: JSON Lines in, JSON Lines out, each chunk of
# records handled by its own vietfacts process. Checks that every record came out once, with
# its id, and that the output matches a single-process run.
#
#   scripts/pipe-demo.sh [N_RECORDS]      (needs GNU parallel: apt-get install parallel)
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-5000}
command -v parallel >/dev/null || { echo "pipe-demo: GNU parallel is not installed (apt-get install parallel)" >&2; exit 1; }
cargo build --release --quiet
bin=target/release/vietfacts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Records: the fixture reports, one per line, with ids, repeated.
python3 - "$records" > "$work/in.jsonl" <<'PY'
import glob, json, sys
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob("fixtures/reports/*.txt")) if p.count(".") == 1]
for i in range(int(sys.argv[1])):
    print(json.dumps({"id": f"doc-{i}", "text": texts[i % len(texts)]}, ensure_ascii=False))
PY

# The map step: chunks of about 1 MB to separate processes, outputs kept in input order (-k).
parallel --pipe --block 1M -k "$bin" extract --input jsonl --format jsonl --quiet < "$work/in.jsonl" > "$work/parallel.jsonl"
# The same, in one process.
"$bin" extract --input jsonl --format jsonl --quiet < "$work/in.jsonl" > "$work/single.jsonl"

python3 - "$work/in.jsonl" "$work/parallel.jsonl" "$work/single.jsonl" <<'PY'
import json, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8")]
out = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
single = [json.loads(l) for l in open(sys.argv[3], encoding="utf-8")]
assert [d["id"] for d in out] == ids, "every record once, in order, with its id"
assert all("facts" in d for d in out), "no record failed"
assert out == single, "the parallel pipe gives what one process gives"
facts = sum(sum(len(v) for k, v in d["facts"].items() if isinstance(v, list)) for d in out)
print(f"pipe-demo: {len(out)} records through parallel --pipe, {facts} facts, identical to one process")
PY
