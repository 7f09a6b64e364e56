"""Reads the library's explain output (``unboil --explain``) back into
one dict per block.

A line is "KEEP|DROP reason class #N name=value ... [doc=...] lang | text";
in text mode each input line of a block gets such a line (blank ones are
"     |"), in HTML a block's text is prefixed with its tag ("title ", "h2 ",
"li ") and may go on over lines of its own.
"""

_BLANK = "     |"
# the flags column's bits that give an HTML block its tag
_FLAG_TITLE, _FLAG_LIST_ITEM = 0x1, 0x2


def _number(name, value):
    if name in ("hint", "fl"):      # printed in hex
        return int(value, 16)
    try:
        return int(value)
    except ValueError:
        return float(value)


def _block(head, text):
    words = head.split()
    features = {}
    info = {"kept": words[0] == "KEEP", "reason": words[1], "cls": words[2],
            "number": int(words[3][1:]), "lang": None, "document_lang": None}
    for w in words[4:]:
        name, eq, value = w.partition("=")
        if not eq:
            info["lang"] = w
        elif name == "doc":
            info["document_lang"] = value
        else:
            features[name] = _number(name, value)
    tag = None
    h, fl = features.get("h", 0), features.get("fl", 0)
    if fl & _FLAG_TITLE:
        tag = "title"
    elif h:
        tag = "h%d" % h
    elif fl & _FLAG_LIST_ITEM:
        tag = "li"
    if tag and text.startswith(tag + " "):
        text = text[len(tag) + 1:]
    info["tag"] = tag
    info["features"] = features
    info["text"] = text
    return info


_UNESCAPE = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
_NOT_FEATURES = ("document", "n", "keep", "why", "cls", "lang", "text")


def _unescape(s):
    if "\\" not in s:
        return s
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s) and s[i + 1] in _UNESCAPE:
            out.append(_UNESCAPE[s[i + 1]])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def parse_tsv(out, columns=None):
    """The blocks of one document's --explain=tsv output, and the columns
    of its header row (the library writes it once per filter: pass the
    columns of an earlier document for the next)."""
    rows = out.split("\n")
    # the header row: "document\tn\tkeep\t..." ("n\tkeep\t..." before the
    # document column)
    if rows and rows[0].startswith(("document\tn\tkeep\t", "n\tkeep\t")):
        columns = rows.pop(0).split("\t")
    blocks, by_number = [], {}
    for row in rows:
        if not row:
            continue
        cells = dict(zip(columns, row.split("\t")))
        number = int(cells["n"])
        b = {"kept": cells["keep"] == "KEEP", "reason": cells["why"], "cls": cells["cls"],
             "number": number, "lang": cells.get("lang"), "document_lang": None,
             "features": {k: _number(k, v) for k, v in cells.items() if k not in _NOT_FEATURES},
             "text": _unescape(cells.get("text", ""))}
        h, fl = b["features"].get("h", 0), b["features"].get("fl", 0)
        b["tag"] = ("title" if fl & _FLAG_TITLE else "h%d" % h if h
                    else "li" if fl & _FLAG_LIST_ITEM else None)
        first = by_number.get(number)
        if first is not None and b["reason"] == "rescued":
            first["dropped_as"] = first["reason"]
            first["kept"], first["reason"] = True, "rescued"
            continue
        by_number[number] = b
        blocks.append(b)
    return blocks, columns


def parse_explain(out):
    """The blocks of one document's explain output, in input order."""
    blocks, by_number = [], {}
    last = None                 # (number, head) of the line before
    for line in out.split("\n"):
        if line == _BLANK or line == "":
            last = None if line == _BLANK else last
            continue
        head, sep, text = line.partition(" | ")
        words = head.split()
        if not sep or len(words) < 4 or words[0] not in ("KEEP", "DROP") \
                or not words[3].startswith("#"):
            # an HTML block's text going on over lines of its own
            if blocks:
                blocks[-1]["text"] += "\n" + line
            continue
        number = int(words[3][1:])
        if last is not None and last == (number, head):
            blocks[-1]["text"] += "\n" + text     # the block's next line
            continue
        last = (number, head)
        b = _block(head, text)
        first = by_number.get(number)
        if first is not None and b["reason"] == "rescued":
            # the short-page rescue lists the block again at the end
            first["dropped_as"] = first["reason"]
            first["kept"], first["reason"] = True, "rescued"
            continue
        by_number[number] = b
        blocks.append(b)
    return blocks
