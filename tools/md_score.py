#!/usr/bin/env python3
"""md_score.py - how much of a page's structure `unboil -t markdown` keeps.

For every page, the Markdown is read back by cmark(1) and compared with
the page itself, in the part unboil kept:

- round trip: cmark's block texts, in order, equal the plain output's
  blocks (no paragraph merged, split or turned into markup);
- per kind of structure (headings, list items, quotations, code blocks,
  emphasis, strong emphasis, code spans): the page's elements whose text
  lies in the kept output, against the nodes cmark reads.  A heading counts
  as kept when its text is a line of the plain output, a list item when
  its text begins with one (the lists inside it follow), anything else when
  the text of the block it is in appears in the plain output.  The title, which unboil writes as the first heading, counts as
  a heading of the page when it is kept.

Usage: tools/md_score.py [-b UNBOIL] [-s SUBSET] [-v] [DIR]
DIR defaults to ../shared/eval/dev/html; SUBSET (a file-name prefix)
to readability.  Prints, per kind, the page's count, cmark's count and
the agreement sum(min)/sum(max) over pages, then the round-trip rate.
"""
import argparse
import html.parser
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
SKIP = {"script", "style", "head", "noscript", "template"}
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font",
          "i", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike",
          "strong", "sub", "sup", "time", "tt", "u", "var"}
KIND = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
        "h6": "heading", "li": "item", "dt": "item", "dd": "item", "blockquote": "quote",
        "pre": "code_block",
        "em": "emph", "i": "emph", "strong": "strong", "b": "strong", "code": "code"}
CMARK = {"heading": "heading", "item": "item", "block_quote": "quote",
         "code_block": "code_block", "emph": "emph", "strong": "strong", "code": "code"}
KINDS = ["heading", "item", "quote", "code_block", "emph", "strong", "code"]


def collapse(s):
    return re.sub(r"\s+", " ", s.replace("\xa0", " ")).strip()


class Page(html.parser.HTMLParser):
    """Elements with their text and the text of the block they are in."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []      # [tag, parts]
        self.found = []      # (kind, own text parts, block parts, inside pre)
        self.title = ""
        self.og_title = ""
        self.skip = 0
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("property") == "og:title":
            self.og_title = collapse(a.get("content") or "")
        if tag == "title":
            self.in_title = True
        if tag in VOID:
            return
        if tag in SKIP:
            self.skip += 1
        parts = []
        self.stack.append([tag, parts])
        kind = KIND.get(tag)
        if kind and not self.skip:
            block = next((p for t, p in reversed(self.stack[:-1]) if t not in INLINE), parts)
            inside_pre = any(t == "pre" for t, _ in self.stack[:-1])
            if not (kind == "code" and inside_pre):
                self.found.append((kind, parts, block if kind in ("emph", "strong", "code")
                                   else parts))

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, _ = self.stack.pop()
            if t in SKIP:
                self.skip -= 1
            if t == tag:
                break

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.skip:
            return
        for _, parts in self.stack:
            parts.append(data)


def run(cmd, data):
    return subprocess.run(cmd, input=data, capture_output=True).stdout


def cmark_counts(md):
    xml = run(["cmark", "--to", "xml"], md).decode("utf-8", "replace")
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    counts = dict.fromkeys(KINDS, 0)
    texts = []
    first_heading = None
    for n in root.iter():
        tag = n.tag.split("}")[-1]
        if tag in CMARK:
            counts[CMARK[tag]] += 1
        if tag in ("paragraph", "heading"):
            for line in inline_text(n).split("\n"):
                # a pipe table is a paragraph of rows for cmark
                if re.fullmatch(r"\|( --- \|)+", line):
                    continue
                m = re.fullmatch(r"\| (.*) \|", line)
                texts.append(collapse(m.group(1) if m else line))
            if tag == "heading" and first_heading is None and len(texts) == 1:
                first_heading = texts[0]
        elif tag == "code_block":
            texts.extend(collapse(l) for l in (n.text or "").split("\n") if l.strip())
    return counts, texts, first_heading


def inline_text(n):
    """A paragraph's text, its soft breaks as newlines."""
    out = []
    for c in n:
        tag = c.tag.split("}")[-1]
        if tag == "softbreak":
            out.append("\n")
        elif tag in ("text", "code"):
            out.append(c.text or "")
        else:
            out.append(inline_text(c))
    return "".join(out)


def score(path, unboil, verbose):
    raw = open(path, "rb").read()
    plain = run([unboil], raw).decode("utf-8", "replace")
    md = run([unboil, "-t", "markdown"], raw)
    kept = collapse(plain)
    blocks = [collapse(b) for b in plain.split("\n") if b.strip()]
    got, texts, first_heading = cmark_counts(md)
    page = Page()
    page.feed(raw.decode("utf-8", "replace"))
    want = dict.fromkeys(KINDS, 0)
    lines = set(blocks)
    for kind, own, block in page.found:
        text, where = collapse("".join(own)), collapse("".join(block))
        if not text or not where:
            continue
        if kind == "heading":
            ok = text in lines
        elif kind == "item":
            # its first line; the lists inside it follow
            ok = any(text.startswith(l) and text[len(l):len(l) + 1] in ("", " ")
                     for l in lines)
        else:
            ok = where in kept
        want[kind] += ok
    title = page.og_title or collapse(page.title)
    if first_heading and blocks and first_heading == blocks[0] and title and \
            first_heading == collapse(title):
        want["heading"] += 1 if want["heading"] < got["heading"] else 0
    # line for line: one line per block (code keeps its lines)
    round_trip = texts == blocks
    if verbose:
        print(os.path.basename(path), "round-trip" if round_trip else "DIFFERS",
              " ".join("%s=%d/%d" % (k, want[k], got[k]) for k in KINDS))
    return want, got, round_trip


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-b", "--unboil", default="./src/unboil")
    ap.add_argument("-s", "--subset", default="readability")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("dir", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                           "shared", "eval", "dev", "html"))
    args = ap.parse_args()
    files = sorted(f for f in os.listdir(args.dir) if f.startswith(args.subset))
    lo = dict.fromkeys(KINDS, 0)
    hi = dict.fromkeys(KINDS, 0)
    tw = dict.fromkeys(KINDS, 0)
    tg = dict.fromkeys(KINDS, 0)
    trips = 0
    for f in files:
        want, got, ok = score(os.path.join(args.dir, f), args.unboil, args.verbose)
        trips += ok
        for k in KINDS:
            lo[k] += min(want[k], got[k])
            hi[k] += max(want[k], got[k])
            tw[k] += want[k]
            tg[k] += got[k]
    print("%-11s %7s %7s %9s" % ("kind", "page", "cmark", "agreement"))
    for k in KINDS:
        print("%-11s %7d %7d %9.3f" % (k, tw[k], tg[k], lo[k] / hi[k] if hi[k] else 1.0))
    print("round trip: %d of %d pages (%.3f)" % (trips, len(files), trips / len(files)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
