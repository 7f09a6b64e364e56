#!/usr/bin/python3
"""What --learn adds: score unboil -z on the dev set as one stream.

usage: tools/learn-eval.py [-m text|text80|html] [-o site|plain] [-K N] UNBOIL [EVAL_DIR]

Builds one NUL-separated stream of the dev set's pages, runs UNBOIL -z on it
with and without --learn, splits the outputs back into one file per page and
scores both with EVAL_DIR/score.py (default ../shared/eval).  Real crawls
bring the pages of a site together; the dev ids do not name the site, so
with -o site (the default) pages that share a short line with few other
pages (a menu item, a footer) are grouped, largest group first; -o plain
keeps the order of the ids files.  Standard library only.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

WORD = re.compile(r"\w+")


def norm(line):
    return " ".join(w.lower() for w in WORD.findall(line))


def site_order(ids, pages):
    """Union pages sharing a short line found in 2..40 pages."""
    where = {}
    for i, text in enumerate(pages):
        seen = set()
        for line in text.splitlines():
            n = norm(line)
            if 3 <= len(n.split()) <= 12 and n not in seen:
                seen.add(n)
                where.setdefault(n, []).append(i)
    parent = list(range(len(ids)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for docs in where.values():
        if 2 <= len(docs) <= 8:
            for d in docs[1:]:
                parent[find(d)] = find(docs[0])
    groups = {}
    for i in range(len(ids)):
        groups.setdefault(find(i), []).append(i)
    ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    sizes = [len(g) for g in ordered if len(g) > 1]
    print(f"site groups: {len(sizes)} groups of 2+ pages holding {sum(sizes)} of "
          f"{len(ids)} pages (largest {sizes[:8]})", file=sys.stderr)
    return [i for g in ordered for i in g]


def score(unboil, args, stream, ids, ev, outdir):
    res = subprocess.run([unboil, "-z", *args], input=stream, stdout=subprocess.PIPE, check=True)
    docs = res.stdout.split(b"\0")
    assert len(docs) >= len(ids), (len(docs), len(ids))
    os.makedirs(outdir, exist_ok=True)
    for i, d in zip(ids, docs):
        with open(os.path.join(outdir, i + ".txt"), "wb") as f:
            f.write(d)
    lines = []
    for subset in ("dragnet", "readability", None):
        cmd = [sys.executable, os.path.join(ev, "score.py"), "--quiet"]
        if subset:
            cmd += ["--ids", os.path.join(ev, "dev", subset + ".ids")]
        out = subprocess.run(cmd + [os.path.join(ev, "dev"), outdir],
                             stdout=subprocess.PIPE, text=True, check=True).stdout
        shingle = [l for l in out.splitlines() if l.startswith("shingle")]
        lines.append(f"  {subset or 'all':12} {shingle[0] if shingle else out.strip()}")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-m", default="text", choices=["text", "text80", "html"])
    ap.add_argument("-o", default="site", choices=["site", "plain"])
    ap.add_argument("-K", default=None)
    ap.add_argument("unboil")
    ap.add_argument("eval", nargs="?", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
    a = ap.parse_args()
    ev = a.eval
    ids = []
    for s in ("dragnet", "readability"):
        with open(os.path.join(ev, "dev", s + ".ids")) as f:
            ids += [l.strip() for l in f if l.strip()]
    ext = "html" if a.m == "html" else "txt"
    raw = []
    for i in ids:
        with open(os.path.join(ev, "dev", a.m, f"{i}.{ext}"), "rb") as f:
            raw.append(f.read().replace(b"\0", b""))
    if a.o == "site":
        text_dir = os.path.join(ev, "dev", "text")
        pages = []
        for i in ids:
            with open(os.path.join(text_dir, i + ".txt"), encoding="utf-8", errors="replace") as f:
                pages.append(f.read())
        order = site_order(ids, pages)
    else:
        order = list(range(len(ids)))
    stream = b"".join(raw[i] + b"\0" for i in order)
    oids = [ids[i] for i in order]
    learn = ["--learn"] + ([f"--learn-min-docs={a.K}"] if a.K else [])
    with tempfile.TemporaryDirectory() as tmp:
        print(f"mode {a.m}, order {a.o}, {len(ids)} pages, {len(stream) / 1e6:.1f} MB")
        print("without --learn:")
        print(score(a.unboil, [], stream, oids, ev, os.path.join(tmp, "base")))
        print(f"with {' '.join(learn)}:")
        print(score(a.unboil, learn, stream, oids, ev, os.path.join(tmp, "learn")))


if __name__ == "__main__":
    main()
