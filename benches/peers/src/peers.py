"""The Python side of the peers harness: same protocol as the Rust binary.

Usage: peers.py <tool> <corpus> <sample> [min-seconds], tool one of
`dateparser`, `underthesea-normalize`, `underthesea-ner`. Reports in the corpus are
separated by form feeds and processed one by one; passes repeat until min-seconds have
elapsed (at least one). Prints one JSON object: bytes, seconds, passes, and what the tool
finds on the sample.
"""

import datetime
import json
import sys
import time
from importlib.metadata import version

# The sample's dateline, so relative expressions resolve as for the other tools.
REFERENCE = datetime.datetime(2024, 12, 10, 16, 45)


def make(tool):
    if tool == "dateparser":
        from dateparser.search import search_dates

        settings = {"RELATIVE_BASE": REFERENCE}
        return lambda text: search_dates(text, languages=["vi"], settings=settings) or []
    if tool == "underthesea-normalize":
        from underthesea import text_normalize

        return text_normalize
    if tool == "underthesea-ner":
        from underthesea import ner

        return ner
    sys.exit(f"unknown tool {tool}")


def sample_facts(tool, run, sample):
    dates, other = [], []
    if tool == "dateparser":
        for text, when in run(sample):
            shown = when.isoformat().removesuffix("T00:00:00")
            dates.append(f"{text} = {shown}")
    elif tool == "underthesea-ner":
        # Group B-/I- tags into entities: "PER: Bàn Văn Thiện".
        current = None
        for word, _pos, _chunk, tag in run(sample):
            if tag.startswith("B-"):
                if current:
                    other.append(current)
                current = f"{tag[2:]}: {word}"
            elif tag.startswith("I-") and current:
                current += f" {word}"
            else:
                if current:
                    other.append(current)
                current = None
        if current:
            other.append(current)
    return dates, other


def main():
    tool, corpus_path, sample_path = sys.argv[1:4]
    min_secs = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
    corpus = open(corpus_path, encoding="utf-8").read()
    sample = open(sample_path, encoding="utf-8").read()
    reports = [r for r in corpus.split("\x0c") if r.strip()]
    size = sum(len(r.encode("utf-8")) for r in reports)
    run = make(tool)
    run(reports[0])  # untimed: models and tables load lazily
    passes, start = 0, time.perf_counter()
    while passes == 0 or time.perf_counter() - start < min_secs:
        for report in reports:
            run(report)
        passes += 1
    seconds = time.perf_counter() - start
    dates, other = sample_facts(tool, run, sample)
    package = "dateparser" if tool == "dateparser" else "underthesea"
    print(json.dumps({
        "tool": tool,
        "version": version(package),
        "bytes": size * passes,
        "seconds": seconds,
        "passes": passes,
        "dates": dates,
        "other": other,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
