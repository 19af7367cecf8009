#!/usr/bin/env python3
"""Checks the DOM headless Chromium built from vietfacts' HTML pages (scripts/browser-test.sh).

1. The fixture page: every fact of the expected JSON that the program also extracted (same
   kind, same span) is a highlighted element whose data-value is the program's value (from its
   JSON output for the same file), whose title and aria-label show that value in Vietnamese
   notation, and whose text is the fact's text in the report. Every span of the program's
   output is drawn; every in-page link leads somewhere.
2. The injection page: no element and no attribute came from the report's text, and the
   text reads back exactly.

Exits 1 with the list of failures, 0 with a short tally.
"""

import argparse
import json
import sys
from html.parser import HTMLParser

# The elements and attributes the renderer writes; anything else came from somewhere else.
OWN_ELEMENTS = {"html", "head", "meta", "title", "style", "body", "div", "section", "h1", "h2",
                "p", "strong", "dl", "dt", "dd", "ol", "ul", "li", "a", "span", "mark"}
OWN_ATTRIBUTES = {"lang", "charset", "http-equiv", "content", "name", "class", "id", "href",
                  "role", "aria-label", "title", "data-kind", "data-fact", "data-value",
                  "data-cont"}
VOID = {"meta", "br", "img", "input", "link", "hr", "source", "embed", "area", "base", "col",
        "param", "track", "wbr"}


class Dom(HTMLParser):
    """Every element with its attributes, the text of each <mark>, the text of div.vf-text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs dict)
        self.marks = []  # dicts: attrs + "text"
        self.open_marks = []
        self.stack = []
        self.text_depth = None  # depth of div.vf-text while inside it
        self.report_text = []
        self.nested = 0  # marks opened inside another mark

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "div" and "vf-text" in (attrs.get("class") or "").split():
            self.text_depth = len(self.stack)
        if tag == "mark":
            mark = dict(attrs)
            mark["text"] = ""
            self.nested += bool(self.open_marks)
            self.marks.append(mark)
            self.open_marks.append(mark)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.stack:
            if self.text_depth == len(self.stack):
                self.text_depth = None
            self.stack.pop()
        if tag == "mark" and self.open_marks:
            self.open_marks.pop()

    def handle_data(self, data):
        for mark in self.open_marks:
            mark["text"] += data
        if self.text_depth is not None:
            self.report_text.append(data)


def parse(path):
    dom = Dom()
    with open(path, encoding="utf-8") as f:
        dom.feed(f.read())
    dom.close()
    return dom


def vietnamese(x):
    """A number as Vietnamese writes it: 17.279, 97,6."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    if isinstance(x, int):
        return f"{x:,}".replace(",", ".")
    whole, _, fraction = repr(abs(x)).partition(".")
    return ("-" if x < 0 else "") + f"{int(whole):,}".replace(",", ".") + "," + fraction


def spanned(facts):
    """(kind, start, end) -> fact, for the facts with one span, as the page draws them."""
    out = {}
    for date in facts.get("dates", []):
        out[("date", date["span"]["start"], date["span"]["end"])] = date
    for s in facts.get("statistics", []):
        out[(s["kind"], s["span"]["start"], s["span"]["end"])] = s
    for kind, key in (("count", "counts"), ("money", "money"), ("duration", "durations"),
                      ("document", "documents")):
        for fact in facts.get(key, []):
            out[(kind, fact["span"]["start"], fact["span"]["end"])] = fact
    return out


def expected_value(kind, fact):
    """(data-value, the Vietnamese text the label must hold)."""
    if kind == "date":
        value = fact["value"] or ""
        return value, value
    if kind == "ratio":
        n, d = fact["numerator"], fact["denominator"]
        return f"{json.dumps(n)}/{json.dumps(d)}", f"{vietnamese(n)}/{vietnamese(d)}"
    if kind == "percent":
        return json.dumps(fact["value"]), f"{vietnamese(fact['value'])} %"
    if kind == "document":
        return fact.get("number") or "", fact["type"]
    return json.dumps(fact["value"]), vietnamese(fact["value"])


def check_fixture(args, failures):
    dom = parse(args.dom)
    with open(args.json, encoding="utf-8") as f:
        actual = json.load(f)[0]["facts"]
    with open(args.expected, encoding="utf-8") as f:
        expected = json.load(f)["facts"]
    with open(args.text, encoding="utf-8") as f:
        text = f.read()
    raw = text.encode("utf-8")

    firsts = {}
    for mark in dom.marks:
        if "data-cont" not in mark:
            firsts.setdefault((mark.get("data-kind"), mark.get("data-fact")), []).append(mark)

    def element(kind, fact_id, value, shown, start, end, what):
        found = firsts.get((kind, fact_id), [])
        if kind in ("official", "organization"):
            found = [m for m in found if m["text"] and raw[start:end].decode().startswith(m["text"])]
        if len(found) != 1 and kind not in ("official", "organization"):
            failures.append(f"{what}: {len(found)} elements for {kind} {fact_id}")
            return False
        if not found:
            failures.append(f"{what}: no element for {kind} {fact_id}")
            return False
        mark = found[0]
        surface = raw[start:end].decode("utf-8")
        if not surface.startswith(mark["text"]) or not mark["text"]:
            failures.append(f"{what}: element text {mark['text']!r}, report has {surface!r}")
        if mark.get("data-value") != value:
            failures.append(f"{what}: data-value {mark.get('data-value')!r}, program says {value!r}")
        title = mark.get("title") or ""
        if mark.get("aria-label") != title:
            failures.append(f"{what}: aria-label differs from title")
        if shown not in title:
            failures.append(f"{what}: title {title!r} does not show {shown!r}")
        return True

    actual_spans = spanned(actual)
    checked = missing = 0
    for key, fact in spanned(expected).items():
        ours = actual_spans.get(key)
        if ours is None:
            missing += 1
            continue
        kind = key[0]
        value, shown = expected_value(kind, ours)
        checked += element(kind, ours["id"], value, shown, key[1], key[2], f"{kind} {fact['text']!r}")

    for key, element_kind, value_of in (("officials", "official", lambda o: o["name"]),
                                        ("organizations", "organization", lambda g: g["canonical"])):
        ours = {(m["start"], m["end"]): fact for fact in actual.get(key, []) for m in fact["mentions"]}
        for fact in expected.get(key, []):
            for m in fact["mentions"]:
                mine = ours.get((m["start"], m["end"]))
                if mine is None:
                    missing += 1
                    continue
                name = value_of(mine)
                checked += element(element_kind, mine["id"], name, name, m["start"], m["end"],
                                   f"{element_kind} mention {raw[m['start']:m['end']].decode()!r}")

    # Every span of the program's output is drawn (a split fact counts once).
    spans = (len(actual_spans) + sum(len(o["mentions"]) for o in actual.get("officials", []))
             + sum(len(g["mentions"]) for g in actual.get("organizations", []))
             + len(actual.get("authors", []))
             + len((actual.get("meeting") or {}).get("directives", [])))
    drawn = sum(1 for m in dom.marks if "data-cont" not in m)
    if drawn != spans:
        failures.append(f"{drawn} highlighted elements for {spans} spans in the program's output")

    ids = {attrs["id"] for _, attrs in dom.elements if "id" in attrs}
    for tag, attrs in dom.elements:
        href = attrs.get("href")
        if href is not None and (not href.startswith("#") or href[1:] not in ids):
            failures.append(f"a link that leads nowhere in the page: {href!r}")
    if "".join(dom.report_text) != text:
        failures.append("the highlighted text does not read back as the report")
    split = sum(1 for m in dom.marks if "data-cont" in m)
    print(f"browser-check: {args.dom}: {drawn} highlights, {dom.nested} of them nested in another; "
          f"{split} continuation pieces of split facts; {checked} expected facts found with their values; {missing} expected facts "
          f"the program does not extract (not the page's concern)")
    if checked == 0:
        failures.append("no expected fact was checked")


def check_injection(args, failures):
    dom = parse(args.injection_dom)
    with open(args.injection_text, encoding="utf-8") as f:
        text = f.read()
    for tag, attrs in dom.elements:
        if tag not in OWN_ELEMENTS:
            failures.append(f"injection: an element <{tag}> came from the text")
        for name in attrs:
            if name not in OWN_ATTRIBUTES:
                failures.append(f"injection: an attribute {name}= on <{tag}> came from the text")
        href = attrs.get("href")
        if href is not None and not href.startswith("#"):
            failures.append(f"injection: a link to {href!r}")
    shown = "".join(dom.report_text)
    if shown != text:
        failures.append("injection: the text does not read back exactly")
    for needle in ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</style>",
                   "&amp;", "'><svg onload=alert(2)>"):
        if needle not in shown:
            failures.append(f"injection: {needle!r} is not shown as text")
    print(f"browser-check: {args.injection_dom}: {len(dom.elements)} elements checked; "
          f"{len(dom.marks)} highlights; the text reads back exactly: {shown == text}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("dom", "json", "expected", "text", "injection-dom", "injection-text"):
        parser.add_argument(f"--{name}", required=True)
    args = parser.parse_args()
    failures = []
    check_fixture(args, failures)
    check_injection(args, failures)
    for failure in failures:
        print(f"browser-check: FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
