#!/bin/sh
# browser.sh - --explain=html in a real browser (run by make check).
#
# Headless Chromium opens the page unboil writes for a few fixtures (HTML
# and text input, a short page with rescued blocks, a hostile page) and:
#   - logs nothing to the console: the page has no script, and its
#     Content-Security-Policy makes the browser log anything that would
#     run or load (a control page with an error proves the log is read);
#   - has, in the DOM it built, as many elements marked dropped (and kept)
#     as `unboil --explain` has DROP (and KEEP) blocks, and no script;
#   - renders to a PNG.
# Skipped (exit 77) when no Chromium is installed: apt-get install chromium.
#
#   UNBOIL     the CLI (make check sets it; default ./src/unboil)
#   FIXTURES   tests/fixtures (make check sets it)
#   CHROMIUM   the browser (default: chromium or chromium-browser on PATH)
#   SHOT_DIR   keep the screenshots there (default: removed with the rest)
set -u
UNBOIL=${UNBOIL:-./src/unboil}
FIXTURES=${FIXTURES:-tests/fixtures}
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
    for b in chromium chromium-browser; do
        if command -v "$b" >/dev/null 2>&1; then
            browser=$b
            break
        fi
    done
fi
if [ -z "$browser" ]; then
    echo "SKIP: browser.sh: no Chromium to open --explain=html in (apt-get install chromium)"
    exit 77
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/unboil-browser.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
fail() {
    echo "FAIL: $*"
    failed=$((failed + 1))
}

# chromium OUT ERR ARGS...: one run with a fresh profile, no network
# services, its log on ERR
chromium() {
    out=$1 err=$2
    shift 2
    profile=$(mktemp -d "$work/profile.XXXXXX")
    HOME=$profile timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --disable-extensions --hide-scrollbars --user-data-dir="$profile" \
        --enable-logging=stderr --v=0 "$@" > "$out" 2> "$err"
    status=$?
    rm -rf "$profile"
    return $status
}

# console LOG: the page's console messages in a Chromium log
console() {
    grep -F ':CONSOLE' "$1"
}

# The control: a page that logs an error must be seen to do so.
printf '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>control</p><script>console.error("control-error")</script></body></html>\n' > "$work/control.html"
if chromium "$work/control.dom" "$work/control.log" --dump-dom "file://$work/control.html" &&
   console "$work/control.log" | grep -q control-error; then
    passed=$((passed + 1))
else
    fail "control: Chromium's log does not show a console error (so it cannot show one of ours)"
    tail -5 "$work/control.log"
fi

# A hostile page, made here: markup and script as the page's text.
{
    printf '<html><head><title>"><script>alert(1)</script></title></head><body>\n'
    printf '<nav><ul><li><a href=/>Home</a></li><li><a href=/n>News &lt;script&gt;</a></li></ul></nav>\n'
    printf '<p>&lt;/span&gt;&lt;/div&gt;&lt;script&gt;console.error(2)&lt;/script&gt; and &quot;&#39; onmouseover=&quot;alert(3) in a paragraph of the article that the committee met to discuss, said the mayor.</p>\n'
    printf '<p>&lt;img src=x onerror=console.error(4)&gt; &lt;link rel=stylesheet href=http://127.0.0.1:9/x.css&gt; &lt;style&gt;body{display:none}&lt;/style&gt; as text, then a real one: <img src=x onerror=console.error(5)></p>\n'
    printf '<pre>&lt;/pre&gt;&lt;iframe src=http://127.0.0.1:9/&gt;\n\ttwo</pre>\n'
    printf '<footer><p>Copyright 2026. All rights reserved. &lt;/div&gt;&lt;script&gt;console.error(6)&lt;/script&gt;</p></footer></body></html>\n'
} > "$work/hostile.in"

for input in "$FIXTURES/explain-page.in" "$FIXTURES/ukraine-talks.in" "$FIXTURES/short-post.in" \
             "$FIXTURES/wrapped-72.in" "$work/hostile.in"; do
    name=$(basename "$input" .in)
    page=$work/$name.html
    if ! "$UNBOIL" --explain=html "$input" > "$page" || ! "$UNBOIL" --explain "$input" > "$work/$name.x"; then
        fail "$name: unboil failed"
        continue
    fi
    # blocks by their numbers: a multi-line block has a line each, and a
    # short page's rescued block comes again, kept, at the end
    blocks() {
        grep "^$1 " "$work/$name.x" |
            awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^#[0-9]+$/) { print $i; break } }' |
            sort -u | wc -l
    }
    drops=$(blocks DROP)
    keeps=$(blocks KEEP)
    if ! chromium "$work/$name.dom" "$work/$name.log" --dump-dom "file://$page"; then
        fail "$name: Chromium could not load the page"
        tail -5 "$work/$name.log"
        continue
    fi
    dom_drops=$(grep -o '<div class="b drop[ "]' "$work/$name.dom" | wc -l)
    dom_keeps=$(grep -o '<div class="b keep[ "]' "$work/$name.dom" | wc -l)
    ok=1
    if [ "$dom_drops" -ne "$drops" ] || [ "$dom_keeps" -ne "$keeps" ]; then
        fail "$name: the DOM has $dom_drops dropped and $dom_keeps kept blocks, --explain $drops DROP and $keeps KEEP"
        ok=0
    fi
    if [ "$drops" -eq 0 ] || [ "$keeps" -eq 0 ]; then
        fail "$name: the fixture should have blocks of both kinds ($drops DROP, $keeps KEEP)"
        ok=0
    fi
    if grep -qi '<script\|<iframe\|<img\|<link' "$work/$name.dom"; then
        fail "$name: the DOM has an element the page's text should have been: $(grep -oi '<script[^>]*>\|<iframe[^>]*>\|<img[^>]*>\|<link[^>]*>' "$work/$name.dom" | head -1)"
        ok=0
    fi
    if console "$work/$name.log" > "$work/$name.console"; then
        fail "$name: console messages: $(head -3 "$work/$name.console")"
        ok=0
    fi
    if ! chromium "$work/$name.out" "$work/$name.shot.log" --window-size=1000,1400 \
            --screenshot="$work/$name.png" "file://$page"; then
        fail "$name: Chromium could not take a screenshot"
        ok=0
    elif [ "$(head -c 8 "$work/$name.png" | od -An -tx1 | tr -d ' \n')" != 89504e470d0a1a0a ] ||
         [ "$(wc -c < "$work/$name.png")" -lt 10000 ]; then
        fail "$name: the screenshot is not a PNG of a page ($(wc -c < "$work/$name.png") bytes)"
        ok=0
    elif console "$work/$name.shot.log" > "$work/$name.console"; then
        fail "$name: console messages while rendering: $(head -3 "$work/$name.console")"
        ok=0
    fi
    if [ -n "${SHOT_DIR:-}" ] && [ -f "$work/$name.png" ]; then
        mkdir -p "$SHOT_DIR" && cp "$work/$name.png" "$SHOT_DIR/"
    fi
    if [ $ok = 1 ]; then
        echo "ok: $name: $drops dropped, $keeps kept, in the DOM as in --explain; no console message; $(wc -c < "$work/$name.png") bytes of PNG"
        passed=$((passed + 1))
    fi
done
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
