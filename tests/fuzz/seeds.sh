#!/bin/sh
# seeds.sh OUTDIR - seed corpora for the fuzz targets:
#   OUTDIR/text, OUTDIR/html, OUTDIR/filter, OUTDIR/jsonl
# With FUZZ_LARGE=1, also seeds over 64 KiB (the readers' windows).
# built from tests/fixtures/*.in and a few generated pages.  Each seed gets
# the option / cut-spec bytes its target reads first (see fuzz_common.h and
# fuzz_filter.c).
set -eu
out=${1:?usage: seeds.sh OUTDIR}
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$here/../fixtures
gen=$(mktemp -d)
trap 'rm -rf "$gen"' EXIT
mkdir -p "$out/text" "$out/html" "$out/filter" "$out/jsonl"

# ---- generated documents -------------------------------------------------
para='The committee met on Tuesday to discuss the new budget, and after a long debate it decided that the money would go to schools and hospitals in the north of the country, where the need is greatest.'

cat > "$gen/article.html" <<HTML
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Budget goes north | Daily News</title>
<meta property="og:title" content="Budget goes north">
<script>var x = "<p>not text</p>"; if (a < b && c > d) {}</script>
<style>p { color: red }</style></head>
<body><header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article itemprop="articleBody"><h1>Budget goes north</h1>
<p class="byline">By <a href="/a">A. Writer</a> &middot; 3 May 2024</p>
<p>$para</p><p>$para &amp; more: caf&eacute; &#233; &#x20AC; &nbsp; &lt;tag&gt;</p>
<h2>What it means</h2><ul><li>Schools get more.</li><li>Hospitals too.</li></ul>
<blockquote><p>"It is a good day," the minister said.</p></blockquote>
<pre>  code   keeps
   its spaces</pre><table><tr><td>cell one</td><td>cell two</td></tr></table>
<p>First line<br><br>after a double break<br>and a single one.</p>
<figure><img src="x.png" alt="a picture"><figcaption>A caption here.</figcaption></figure>
</article></main>
<aside class="related"><h3>Related</h3><a href="/1">See also: other things</a></aside>
<div class="share social"><a href="#">Share on Facebook</a> | <a href="#">Tweet</a></div>
<section id="comments"><h3>3 Comments</h3><p>Leave a Reply</p><p>Great article, thanks!</p></section>
<footer><p>&copy; 2024 Daily News. All rights reserved.</p></footer>
<!-- a comment --><![CDATA[ cdata ]]></body></html>
HTML

printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body><p>Caf\351 cr\350me br\373l\351e, \244 \200 \377.</p><p>%s</p></body></html>\n' "$para" > "$gen/latin1.html"
printf 'HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<html><body><p>\223quoted\224 \226 dash %s</p></body></html>\n' "$para" > "$gen/http.html"
printf 'HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\nsecond line\n' "$para" > "$gen/http.txt"
printf '\377\376<\000h\000t\000m\000l\000>\000<\000p\000>\000h\000i\000 \000t\000h\000e\000r\000e\000<\000/\000p\000>\000' > "$gen/utf16le.html"
printf '\376\377\000<\000p\000>\000h\000i\000<\000/\000p\000>' > "$gen/utf16be.html"
printf '\357\273\277<p>bom \342\202\254 \360\237\230\200 \355\240\200 \300\257 \377 end</p>' > "$gen/bad-utf8.html"
printf '<p>unclosed <!-- comment <p>%s</p>' "$para" > "$gen/unclosed-comment.html"
printf '<p>before</p><script>while (1) { "</scr" + "ipt>"; }' > "$gen/unclosed-script.html"
printf '<div title="%s>never closed <p>%s</p>' "$para" "$para" > "$gen/unclosed-attr.html"
printf '<textarea>a<b>c</textarea><xmp><p>x</xmp><plaintext><p>rest' > "$gen/rawtext.html"
printf '<svg><p>in svg</p></svg><template><p>t</p></template><noscript><p>n</p></noscript><p>%s</p>' "$para" > "$gen/skip.html"
deep=$(printf '%0200d' 0 | sed 's/0/<div>/g')
printf '<html><body>%s<p>%s</p></body></html>' "$deep" "$para" > "$gen/deep.html"
printf '<p>%s</p>\000<p>second doc</p>\000\000%s\n\000' "$para" "$para" > "$gen/z-mixed.in"
printf '<p>one</p>\000\037\213\010\000gzip\000%%PDF-1.4\n\000<p>four</p>' > "$gen/z-binary.in"

printf 'Home | News | Sport | About\n\n%s\n%s\r\n\r\n   \t \nShare this: Facebook Twitter\nRead more: http://example.com/x\n\n3 Comments\n\nLeave a Reply\nNice post.\n' "$para" "$para" > "$gen/text.txt"
printf 'no final newline %s' "$para" > "$gen/nofinal.txt"
printf 'a\000b\nline with NUL \000 inside\n%s\n' "$para" > "$gen/nul.txt"
printf '  * bullet one is quite a long item that wraps around the\n    margin of the text\n  1. numbered item\n\342\200\242 unicode bullet\n# heading\n' > "$gen/bullets.txt"
printf '%s\n\n\n\n\n\n%s\n' "$para" "$para" > "$gen/blanks.txt"
printf '\342\200\224\342\200\224 \320\237\321\200\320\270\320\262\320\265\321\202 \320\274\320\270\321\200, \321\215\321\202\320\276 \321\202\320\265\320\272\321\201\321\202 \320\275\320\260 \321\200\321\203\321\201\321\201\320\272\320\276\320\274 \321\217\320\267\321\213\320\272\320\265 \320\270 \320\276\320\275 \320\264\320\273\320\270\320\275\320\275\321\213\320\271.\n' > "$gen/utf8.txt"

# JSON Lines: a document made a JSON string (quotes, backslashes, tabs and
# CRs escaped, lines joined with \n)
json_string() {
    awk 'BEGIN { printf "\"" } { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t");
         gsub(/\r/, "\\r"); printf "%s\\n", $0 } END { printf "\"" }' "$1"
}
{
    printf '{"id": 1, "text": '; json_string "$gen/text.txt"; printf ', "lang": "en"}\n'
    printf '{"text": "one line", "n": [1, 2.5e3, null, true]}\n'
    printf 'not json at all\n{"id": 2}\n{"text": 7}\n[1, 2]\n'
    printf '{"html": '; json_string "$gen/article.html"; printf '}\n'
    printf '{"text": "caf\\u00e9 \\ud83d\\ude00 \\u0000 \\ud800", "text": "dup"}\r\n'
    printf '{"a":{"text":"nested"},"text":"%s"}' "$para"
} > "$gen/records.jsonl"

if [ "${FUZZ_LARGE:-0}" = 1 ]; then
    # past the 64 KiB prescan and the block size: a long comment before a
    # late meta, a huge paragraph, many documents' worth of text lines
    pad=$(printf '%070000d' 0)
    { printf '<html><head><!-- %s --><meta charset="koi8-r"></head><body><p>' "$pad"
      i=0; while [ $i -lt 300 ]; do printf '%s \320\322\311\327\305\324 ' "$para"; i=$((i + 1)); done
      printf '</p></body></html>\n'; } > "$gen/large-late-meta.html"
    i=0; while [ $i -lt 8 ]; do cat "$gen/article.html"; i=$((i + 1)); done > "$gen/large-article.html"
    cat "$fixtures"/*.in > "$gen/large-fixtures.txt"
    { i=0; while [ $i -lt 40 ]; do
        printf '{"id": %d, "html": ' $i; json_string "$gen/article.html"; printf '}\n'; i=$((i + 1)); done
      printf '{"text": '; json_string "$gen/large-fixtures.txt"; printf '}\n'; } > "$gen/large-records.jsonl"
fi

# ---- write the seeds ------------------------------------------------------
# cut specs: two cuts, pieces of 8, random pieces up to 32, one byte per feed
cuts='\000\200 \100\007 \200\037 \300\000'
n=0
add() {   # add DIR PREFIX_OCTAL FILE
    n=$((n + 1))
    { printf "$2"; cat "$3"; } > "$1/seed-$n"
}
texts=$(ls "$fixtures"/*.in "$gen"/*.txt "$gen"/z-*.in 2>/dev/null)
htmls=$(ls "$gen"/*.html "$gen"/z-*.in 2>/dev/null)
jsons=$(ls "$gen"/*.jsonl)
for f in $texts; do
    for c in $cuts; do add "$out/text" "$c" "$f"; done
done
for f in $htmls; do
    for c in $cuts; do add "$out/html" "$c" "$f"; done
done
# filter: byte 0 = format | output<<2 | markdown<<4 | null<<5 | comments<<6 | faults<<7
for f in $texts $htmls; do
    for o in '\000\056' '\001\056' '\002\056' '\045\006' '\046\020' '\051\001' '\122\075' '\221\056' '\241\003' '\302\057' '\226\010'; do
        add "$out/filter" "$o\200\037" "$f"
    done
done
# jsonl: byte 0 = policy | field<<1 | format<<2, then the cut spec
for f in $jsons; do
    for o in '\000\001\007' '\001\000\200' '\002\001\000' '\012\000\100' '\005\001\003'; do
        add "$out/jsonl" "$o" "$f"
    done
done
echo "seeds: $(ls "$out/text" | wc -l) text, $(ls "$out/html" | wc -l) html, $(ls "$out/filter" | wc -l) filter, $(ls "$out/jsonl" | wc -l) jsonl in $out"
