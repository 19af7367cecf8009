#!/usr/bin/env bash
# The peers, side by side, in one run: builds vietfacts (release) and the peers, measures each
# on the same corpus, and prints one table. Usage: benches/peers/run.sh [min-seconds-per-tool]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
min_secs="${1:-3}"
sample="$root/fixtures/reports/tin-ngan-tiep-xuc-cu-tri.txt"
out="$here/target/run"
mkdir -p "$out"

# The corpus: every fixture report in plain UTF-8 (`<stem>.txt`, one dot in the name; the
# legacy-encoding variants are left out), form-feed separated, each processed on its own.
corpus="$out/corpus.txt"
: > "$corpus"
for f in "$root"/fixtures/reports/*.txt; do
  name="$(basename "$f")"
  [[ "$name" == *.*.* ]] && continue
  cat "$f" >> "$corpus"
  printf '\n\f\n' >> "$corpus"
done

echo "building vietfacts and the Rust peers (release)..." >&2
cargo build --quiet --release --manifest-path "$root/Cargo.toml"
cargo build --quiet --release --manifest-path "$here/Cargo.toml"

if [[ ! -x "$here/.venv/bin/python" ]]; then
  echo "creating the Python virtualenv for the peers..." >&2
  python3 -m venv "$here/.venv"
  "$here/.venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi

# Nothing may be fetched during the run: underthesea's ner must use the model in its wheel.
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1

rust="$here/target/release/vietfacts-peers"
py="$here/.venv/bin/python"
results="$out/results.jsonl"
: > "$results"
for tool in vietfacts-extract vietfacts-normalize duckling-vi; do
  echo "measuring $tool..." >&2
  "$rust" "$tool" "$corpus" "$sample" "$min_secs" >> "$results"
done
for tool in dateparser underthesea-normalize underthesea-ner; do
  echo "measuring $tool..." >&2
  "$py" "$here/src/peers.py" "$tool" "$corpus" "$sample" "$min_secs" >> "$results"
done

vietfacts_version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1) ($(git -C "$root" rev-parse --short HEAD))"
duckling_version="$(grep -A1 '^name = "duckling"' "$here/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')"
"$py" "$here/src/table.py" "$results" "$corpus" "$sample" "$vietfacts_version" "$duckling_version"
