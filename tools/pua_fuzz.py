#!/usr/bin/env python3
"""pua_fuzz.py SEED PAGES OUT [DIR]: writes OUT, PAGES pages of DIR (default
/work/shared/eval/dev/html) picked with SEED, each with 1 to 12 of the
private-use characters the HTML shield writes as its mark (U+E000, U+E001,
the pair, references to them with and without ';' and leading zeros, the
pair after '<', '</', '<!', '<?') put in at random, a NUL after each page,
for `unboil -z --format=html`.  A SEED of 100 or more puts them after the
first 70,000 bytes, in a later piece than the runs queued first.  The
shield stops its queue at the page's first such character: the output must
equal the build's without the queue (README, "text handed to the reader")."""
import glob
import random
import sys

INSERTS = ['\ue000', '\ue001', '\ue000\ue001', '&#57344;', '&#xE000;', '&#57345;',
           '&#xe001', '&#0057344;', '&#x0000E001;', '<\ue000\ue001', '< \ue000\ue001',
           '\ue000\ue001\ue000\ue001', '&#57344;&#57345;', '\ue000&#57345;',
           '<!\ue000\ue001', '</\ue000\ue001 x', '<?\ue000\ue001']


def main():
    seed, npages, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    pages = sorted(glob.glob((sys.argv[4] if len(sys.argv) > 4 else
                              '/work/shared/eval/dev/html') + '/*'))
    rng = random.Random(seed)
    with open(out, 'wb') as f:
        for name in rng.sample(pages, min(npages, len(pages))):
            b = open(name, 'rb').read()
            lo = min(len(b), 70000) if seed >= 100 else 0
            parts, last = [], 0
            for p in sorted(rng.randint(lo, len(b)) for _ in range(rng.randint(1, 12))):
                while p < len(b) and 0x80 <= b[p] < 0xC0:   # not inside a character
                    p += 1
                parts += [b[last:p], rng.choice(INSERTS).encode()]
                last = p
            f.write(b''.join(parts) + b[last:] + b'\0')


main()
