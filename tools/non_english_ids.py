#!/usr/bin/env python3
"""Print the ids of the dev pages whose language is not English, with it.

usage: tools/non_english_ids.py EVAL_DIR [--all]

The language is the page's <html lang> if it has one, else the one whose
stoplist (src/lib/stoplists/, all words) covers most of the gold text's words;
text mostly in kana, Han or Thai is ja, zh or th; a page where no list
covers a fifth of the words (lorem ipsum) is '?' and left out.  --all
prints every page.
"""
import re, sys
from pathlib import Path

here = Path(__file__).resolve().parent.parent / 'src' / 'lib' / 'stoplists'

def lists():
    out = {}
    for name in ('hand.txt', 'select.txt'):
        code = None
        for line in (here / name).read_text(encoding='utf-8').split('\n'):
            s = line.strip()
            if not s or s.startswith('#'):
                code = None if not s else code
                continue
            if code is None:
                code = s
                out[code] = set()
            else:
                out[code] |= {w.lstrip('+') for w in s.split()}
    return out

LANG = re.compile(rb'<html[^>]*?\blang\s*=\s*["\']?([A-Za-z]{2,3})', re.I)

def detect(text, sl):
    han = len(re.findall(r'[\u4e00-\u9fff]', text))
    kana = len(re.findall(r'[\u3040-\u30ff]', text))
    thai = len(re.findall(r'[\u0e00-\u0e7f]', text))
    words = re.findall(r'\w+', text.lower())
    if han + kana + thai > len(words):
        return 'ja' if kana * 8 >= han + kana else 'th' if thai > han else 'zh'
    hits = {c: sum(w in sl[c] for w in words) for c in sl}
    best = max(hits, key=hits.get)
    # lorem ipsum and word lists are no language: too few hits
    return best if words and hits[best] >= 0.2 * len(words) else '?'


def main():
    ev = Path(sys.argv[1]) / 'dev'
    sl = lists()
    ids = [l.strip() for s in ('dragnet', 'readability') for l in open(ev / f'{s}.ids') if l.strip()]
    for i in ids:
        m = LANG.search((ev / 'html' / f'{i}.html').read_bytes()[:20000])
        lang = m.group(1).decode().lower() if m else detect(
            (ev / 'gold' / f'{i}.txt').read_text(errors='replace'), sl)
        if lang not in ('en', '?') or '--all' in sys.argv:
            print(i, lang)

main()
