#!/usr/bin/env bash
# The HTML view in a real browser: renders a fixture's page with the CLI, lets headless
# Chromium parse it, and checks the DOM it built (scripts/browser_check.py): every fact of the
# fixture's expected JSON that the program extracted is a highlighted element carrying the
# program's value, and the injection fixture produced no element from its text. Saves
# screenshots under target/browser-test/ for a person to look at.
#
# Never skips: Chromium is installed when missing (Debian's package; CI runs as root), and
# if it cannot be installed or started, the test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "browser-test: FAILED: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "browser-test: installing Debian's chromium"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
    || fail "chromium is not installed and cannot be installed (apt-get as root)"
fi
CHROMIUM=$(command -v chromium) || fail "no chromium after installing it"
"$CHROMIUM" --version || fail "chromium does not start"
command -v python3 >/dev/null || fail "python3 is needed for the DOM check"

cargo build --quiet --bin vietfacts
BIN=target/debug/vietfacts
OUT=target/browser-test
rm -rf "$OUT" && mkdir -p "$OUT"

# The flags the machine notes give for headless Chromium as root on a closed network.
chrome() {
  local profile
  profile=$(mktemp -d)
  local status=0
  timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" "$@" 2>"$OUT/chromium.log" || status=$?
  rm -rf "$profile"
  [ "$status" -eq 0 ] || { cat "$OUT/chromium.log" >&2; fail "chromium exited with $status"; }
}

REPORT=fixtures/reports/hoi-nghi-tong-ket-2024.txt
NAME=hoi-nghi-tong-ket-2024
INJECTION=fixtures/html/injection.txt

"$BIN" extract "$REPORT" --format html >"$OUT/$NAME.html"
"$BIN" extract "$REPORT" --format json >"$OUT/$NAME.json"
"$BIN" extract "$INJECTION" --format html >"$OUT/injection.html"

for page in "$NAME" injection; do
  chrome --dump-dom "file://$PWD/$OUT/$page.html" >"$OUT/$page.dom.html"
  [ -s "$OUT/$page.dom.html" ] || fail "chromium dumped no DOM for $page.html"
  chrome --screenshot="$PWD/$OUT/$page.png" --window-size=1280,2000 "file://$PWD/$OUT/$page.html"
  # A PNG, and not a blank one: a real page compresses to well over 20 kB at this size.
  head -c 8 "$OUT/$page.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' || fail "$page.png is not a PNG"
  [ "$(stat -c %s "$OUT/$page.png")" -gt 20000 ] || fail "$page.png looks blank"
done

python3 scripts/browser_check.py \
  --dom "$OUT/$NAME.dom.html" --json "$OUT/$NAME.json" --expected "fixtures/expected/$NAME.json" \
  --text "$REPORT" --injection-dom "$OUT/injection.dom.html" --injection-text "$INJECTION"

echo "browser-test: ok; screenshots: $OUT/$NAME.png $OUT/injection.png"
