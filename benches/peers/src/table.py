"""Prints the peers table from the JSON lines run.sh collected, then each tool's findings."""

import datetime
import os
import sys

import json

results_path, corpus, sample, vietfacts_version, duckling_version = sys.argv[1:6]
rows = [json.loads(line) for line in open(results_path, encoding="utf-8")]
versions = {
    "vietfacts-extract": vietfacts_version,
    "vietfacts-normalize": vietfacts_version,
    "duckling-vi": duckling_version,
}
what = {
    "vietfacts-extract": "vietfacts extract (all kinds)",
    "vietfacts-normalize": "vietfacts normalize",
    "duckling-vi": "duckling crate, vi (time, numeral, ordinal, money)",
    "dateparser": "dateparser search_dates vi",
    "underthesea-normalize": "underthesea text_normalize",
    "underthesea-ner": "underthesea ner",
}


def speed(row):
    per_sec = row["bytes"] / row["seconds"]
    return f"{per_sec / 1e6:.1f} MB/s" if per_sec >= 1e6 else f"{per_sec / 1e3:.1f} KB/s"


def other(row):
    if row["tool"] == "vietfacts-normalize" or row["tool"] == "underthesea-normalize":
        return "(normalizer)"
    kinds = {}
    for item in row["other"]:
        kind = item.split(":", 1)[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    return ", ".join(f"{n} {k}" for k, n in kinds.items()) or "-"


size = os.path.getsize(corpus)
print(f"peers, {datetime.date.today()}, {os.cpu_count()} cores, one thread per tool; "
      f"corpus {size / 1e3:.0f} KB ({os.path.basename(corpus)}), sample {os.path.basename(sample)}")
header = ("tool", "version", "throughput", "dates on sample", "other facts on sample")
table = [header] + [
    (what[r["tool"]], r.get("version") or versions[r["tool"]], speed(r),
     "-" if r["tool"].endswith("normalize") or r["tool"] == "underthesea-ner" else str(len(r["dates"])),
     other(r))
    for r in rows
]
widths = [max(len(row[i]) for row in table) for i in range(len(header))]
for n, row in enumerate(table):
    print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths)) + " |")
    if n == 0:
        print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
print()
for r in rows:
    if r["dates"] or r["other"]:
        print(f"{what[r['tool']]} on the sample:")
        for d in r["dates"]:
            print(f"  date  {d}")
        for o in r["other"]:
            print(f"  {o}")
