"""Records made from the repository's fixtures, for the Dask test and the
benchmark: every fixture that needs no options and is UTF-8, whole and cut
short after a varying number of lines, so that no two records in a row are
the same document."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.environ.get("FIXTURES") or os.path.join(HERE, "..", "..", "tests", "fixtures")


def fixture_names():
    """NAME of every NAME.in, sorted."""
    return sorted(f[:-3] for f in os.listdir(FIXTURES) if f.endswith(".in") and f[0] != ".")


def plain_documents():
    """The fixtures' documents that stand alone: no .args, UTF-8, no NUL."""
    docs = []
    for name in fixture_names():
        if os.path.exists(os.path.join(FIXTURES, name + ".args")):
            continue
        with open(os.path.join(FIXTURES, name + ".in"), "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if "\0" not in text:
            docs.append(text)
    return docs


def documents(n):
    """n documents: the plain fixtures in turn, the k-th round cut after
    (k * 7) % lines + 1 lines, the first round whole."""
    docs = plain_documents()
    out = []
    for i in range(n):
        doc = docs[i % len(docs)]
        k = i // len(docs)
        if k:
            lines = doc.splitlines(keepends=True)
            doc = "".join(lines[:(k * 7) % len(lines) + 1])
        out.append(doc)
    return out


def jsonl(docs, field="text"):
    """JSON Lines text: one record per document, with other fields around
    the document's so that the rest of a line has to be kept."""
    return "".join(json.dumps({"id": i, field: d, "source": "fixture"}, ensure_ascii=False) + "\n"
                   for i, d in enumerate(docs))
