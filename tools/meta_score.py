#!/usr/bin/env python3
"""Score unboil --json metadata against Readability's expected metadata.

    tools/meta_score.py [--eval DIR] [--text] [-v] [-- ./src/unboil [OPTION]...]

For every DIR/meta/readability-ID.json (default DIR: ../shared/eval/dev),
runs the program with --json on DIR/html/readability-ID.html (with --text,
on the page's text dump DIR/text/readability-ID.txt) and compares
each field where the gold has a value:

  title          equal to the gold's whole title or to a run of its parts
                 cut at separators (Readability keeps " | Site" parts);
  byline         equal, a leading "By" set aside on both sides;
  lang           equal;
  siteName       equal;
  publishedTime  the same instant; a zone-less time is compared as written,
                 a date alone with the gold's own date;
  excerpt        equal to our description (reported, not a target).

Strings are compared after Unicode NFKC, case folding and collapsing white
space.  Prints per-field accuracy (right / gold values); -v lists misses.
"""
import argparse
import datetime
import glob
import json
import os
import re
import subprocess
import sys
import unicodedata

FIELDS = [("title", "title"), ("byline", "author"), ("lang", "lang"),
          ("siteName", "sitename"), ("publishedTime", "date"), ("excerpt", "description")]
TARGETS = {"title": 0.95, "byline": 0.80, "lang": 0.95, "siteName": 0.80, "publishedTime": 0.85}
SEPARATORS = re.compile(r"\s+(?:[|\-\u2013\u2014\u00ab\u00bb\u00b7\u2022~/]|::|//)\s+|(?<=\w):\s+|\s*_\s*")


def norm(s):
    s = unicodedata.normalize("NFKC", s).casefold()
    return " ".join(s.split())


def title_ok(got, gold):
    g = norm(gold)
    if norm(got) == g:
        return True
    parts = [p for p in SEPARATORS.split(g) if p.strip()]
    seps = SEPARATORS.findall(g)
    # every run of consecutive parts, with the separators between them
    for i in range(len(parts)):
        run = parts[i]
        if norm(got) == run.strip():
            return True
        for j in range(i + 1, len(parts)):
            run = run + seps[j - 1] + parts[j]
            if norm(got) == norm(run):
                return True
    return False


def strip_by(s):
    s = norm(s)
    return s[3:] if s.startswith("by ") else s


def parse_time(s):
    """(datetime, has_time, has_zone) or None."""
    s = s.strip()
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,]\d+)?)?)?\s*"
                 r"(Z|[+-]\d\d:?\d\d)?", s)
    if not m:
        return None
    y, mo, d, h, mi, sec, zone = m.groups()
    tz = None
    if zone == "Z":
        tz = datetime.timezone.utc
    elif zone:
        zone = zone.replace(":", "")
        off = datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
        tz = datetime.timezone(off if zone[0] == "+" else -off)
    dt = datetime.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(sec or 0),
                           tzinfo=tz)
    return dt, h is not None, tz is not None


def time_ok(got, gold):
    a, b = parse_time(got), parse_time(gold)
    if not a or not b:
        return False
    (da, ta, za), (db, tb, zb) = a, b
    if not ta or not tb:
        return da.date() == db.date()
    if za and zb:
        return da == db
    return da.replace(tzinfo=None) == db.replace(tzinfo=None)


def right(field, got, gold):
    if got is None:
        return False
    if field == "title":
        return title_ok(got, gold)
    if field == "byline":
        return strip_by(got) == strip_by(gold)
    if field == "publishedTime":
        return time_ok(got, gold)
    return norm(got) == norm(gold)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--eval", default=os.path.join("..", "shared", "eval", "dev"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--text", action="store_true", help="read the text dumps")
    ap.add_argument("cmd", nargs="*", default=[os.path.join(here, "..", "src", "unboil")])
    a = ap.parse_args()
    golds = sorted(glob.glob(os.path.join(a.eval, "meta", "readability-*.json")))
    if not golds:
        sys.exit("meta_score: no %s/meta/readability-*.json" % a.eval)
    tally = {f: [0, 0] for f, _ in FIELDS}
    misses = []
    for path in golds:
        page = os.path.basename(path)[:-5]
        gold = json.load(open(path, encoding="utf-8"))
        where = os.path.join(a.eval, "text", page + ".txt") if a.text else \
            os.path.join(a.eval, "html", page + ".html")
        with open(where, "rb") as f:
            out = subprocess.run(a.cmd + ["--json"], stdin=f, capture_output=True, check=True)
        got = json.loads(out.stdout.decode("utf-8") or "{}")
        for field, ours in FIELDS:
            g = gold.get(field)
            if not isinstance(g, str) or not g.strip():
                continue
            ok = right(field, got.get(ours), g)
            tally[field][0] += ok
            tally[field][1] += 1
            if not ok:
                misses.append((field, page, got.get(ours), g))
    if a.verbose:
        for field, page, got, g in misses:
            print("MISS %-13s %-45s got %r want %r" % (field, page, got, g))
    for field, _ in FIELDS:
        ok, n = tally[field]
        target = TARGETS.get(field)
        print("%-13s %.3f  (%d/%d)%s" % (field, ok / n if n else 0, ok, n,
                                        "  target %.2f" % target if target else ""))


if __name__ == "__main__":
    main()
