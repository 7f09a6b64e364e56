#!/usr/bin/python3
"""Readability's Python port (Debian's python3-readability) as a filter,
for tools/extractor-figure.sh: the page on standard input, the article's
text on standard output, one block per line.  With FILE arguments, each
file in turn (the speed run: one process, no start-up per page)."""
import sys

from lxml import html
from readability import Document

BLOCKS = {'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote',
          'tr', 'td', 'th', 'dd', 'dt', 'figcaption', 'br', 'article', 'section'}


def extract(data):
    try:
        summary = Document(data).summary(html_partial=True)
        tree = html.fromstring(summary)
    except Exception:  # an empty or unparsable page gives no article
        return ''
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in BLOCKS:
            el.tail = '\n' + (el.tail or '')
    lines = (' '.join(l.split()) for l in tree.text_content().split('\n'))
    return '\n'.join(l for l in lines if l) + '\n'


def main():
    out = sys.stdout
    if len(sys.argv) == 1:
        out.write(extract(sys.stdin.buffer.read()))
    for name in sys.argv[1:]:
        with open(name, 'rb') as f:
            out.write(extract(f.read()))


main()
