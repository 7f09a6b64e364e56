"""The module against the command line, byte for byte, on every fixture of
tests/fixtures, with the fixture's own options and with each other option
the module takes."""
import os
import subprocess

import pytest

import unboil
from corpus import FIXTURES, fixture_names


def read(name, ext):
    path = os.path.join(FIXTURES, name + ext)
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return f.read()


def options(args):
    """Cleaner keyword arguments for a fixture's .args, and whether its
    documents are NUL-separated; None for a fixture with an option the
    module has no counterpart for (--explain's forms, --jsonl)."""
    kwargs, nul = {}, False
    for a in args:
        if a in ("-z", "--null-data"):
            nul = True
        elif a in ("-i", "--invert"):
            kwargs["invert"] = True
        elif a in ("-m", "--markdown", "--to=markdown"):
            kwargs["markdown"] = True
        elif a == "--to=text":
            pass
        elif a == "--utf8" and unboil._HAS_UTF8:
            kwargs["utf8"] = True
        elif unboil.HAS_META and a in ("--links", "--images"):
            kwargs[a[2:]] = True
        elif unboil.HAS_META and a.startswith("--url="):
            kwargs["url"] = a.split("=", 1)[1]
        elif a in ("-c", "--keep-comments"):
            kwargs["keep_comments"] = True
        elif a.startswith("--lookahead=") and unboil._HAS_LOOKAHEAD:
            value = a.split("=", 1)[1]
            scale = {"K": 1 << 10, "M": 1 << 20}.get(value[-1:], 1)
            kwargs["lookahead"] = int(value.rstrip("KM")) * scale
        elif a.startswith(("--format=", "--lang=", "--window=", "--encoding=")):
            name, value = a[2:].split("=", 1)
            kwargs[name] = int(value) if name == "window" else value
        else:
            return None
    return kwargs, nul


def module_output(data, kwargs, nul):
    """What the module gives, as the command line's bytes: with -z each
    NUL-separated document alone, and its NUL, if it had one, after it."""
    c = unboil.Cleaner(**kwargs)
    if not nul:
        return c.clean(data).encode("utf-8", "surrogateescape")
    docs = data.split(b"\0")
    out = b"".join(c.clean(d).encode("utf-8", "surrogateescape") + b"\0" for d in docs[:-1])
    return out + (c.clean(docs[-1]).encode("utf-8", "surrogateescape") if docs[-1] else b"")


def args_of(name):
    return (read(name, ".args") or b"").decode().split()


NAMES = fixture_names()
COVERED = [n for n in NAMES if options(args_of(n)) is not None]


# Options the module has no counterpart for: --explain's forms (explain()
# gives the text form).  Fixtures that use them are out of its reach.
NOT_IN_MODULE = ("--explain",)
REACHABLE = [n for n in NAMES if not any(a.startswith(NOT_IN_MODULE) for a in args_of(n))]


def test_fixtures_found():
    """Most fixtures are within the module's reach."""
    assert len(NAMES) >= 10, "no fixtures in %s" % FIXTURES
    assert len(COVERED) >= 0.8 * len(REACHABLE), sorted(set(REACHABLE) - set(COVERED))


@pytest.mark.parametrize("name", COVERED)
def test_fixture_as_cli(name, run_cli):
    data = read(name, ".in")
    args = args_of(name)
    kwargs, nul = options(args)
    want = run_cli(args, data)
    assert want == read(name, ".expected")
    assert module_output(data, kwargs, nul) == want


# the other options, each on every fixture that has no options of its own
PLAIN = [n for n in NAMES if read(n, ".args") is None]


def is_utf8(data):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# a document in another charset has no str that is its bytes
PLAIN_UTF8 = [n for n in PLAIN if is_utf8(read(n, ".in"))]
VARIANTS = [
    ({"markdown": True}, ["--markdown"]),
    ({"keep_comments": True}, ["--keep-comments"]),
    ({"invert": True}, ["--invert"]),
    ({"format": "text"}, ["--format=text"]),
    ({"lang": "de"}, ["--lang=de"]),
    ({"window": 4}, ["--window=4"]),
    ({"lookahead": 0}, ["--lookahead=0"]),
    ({"lookahead": 4096}, ["--lookahead=4K"]),
]


@pytest.mark.parametrize("kwargs,args", VARIANTS, ids=[" ".join(v[1]) for v in VARIANTS])
def test_options_as_cli(kwargs, args, run_cli):
    for name in PLAIN:
        data = read(name, ".in")
        assert module_output(data, kwargs, False) == run_cli(args, data), name


def test_whole_fixtures_in_one_cleaner(run_cli):
    """One Cleaner through all fixtures, as one unboil -z through all."""
    # UTF-16 holds NUL bytes, so it cannot go through -z (documented)
    docs = [d for d in (read(n, ".in") for n in PLAIN) if b"\0" not in d]
    c = unboil.Cleaner()
    got = b"".join(c.clean(d).encode("utf-8", "surrogateescape") + b"\0" for d in docs)
    assert got == run_cli(["-z"], b"".join(d + b"\0" for d in docs))


@pytest.mark.parametrize("name", PLAIN_UTF8)
def test_str_as_bytes(name):
    """A UTF-8 page read as str gives what its bytes give."""
    data = read(name, ".in")
    assert unboil.clean(data.decode("utf-8")) == unboil.clean(data)


@pytest.fixture(scope="module")
def explain_args(unboil_cli):
    """The command line's explain form that explain() reads: --explain=tsv,
    where the library has it; else the line form, --explain=line where
    --explain has several forms, or --explain."""
    for args in (["--explain=tsv"], ["--explain=line"]):
        if subprocess.run([unboil_cli, *args], input=b"", capture_output=True).returncode == 0:
            return args
    return ["--explain"]


def cli_blocks(out, tsv):
    """(kept, reason, score) by block number from the command line's
    explain output, read apart from the module's reader; a rescued block
    (listed again at the end) as rescued."""
    want = {}
    lines = out.decode("utf-8", "surrogateescape").split("\n")
    if tsv:
        columns = lines.pop(0).split("\t")
        for line in filter(None, lines):
            cells = dict(zip(columns, line.split("\t")))
            want[int(cells["n"])] = (cells["keep"] == "KEEP", cells["why"], float(cells["p"]))
        return want
    for line in lines:
        w = line.split()
        if w and w[0] in ("KEEP", "DROP"):
            p = next(float(t[2:]) for t in w if t.startswith("p="))
            want[int(w[3][1:])] = (w[0] == "KEEP", w[1], p)
    return want


def test_explain_as_cli(run_cli, explain_args):
    """explain() has a block for each block the command line explains,
    with its decision, reason and score, in input order; one Cleaner for
    all the fixtures, as the library writes the TSV header once."""
    c = unboil.Cleaner()
    for name in PLAIN:
        data = read(name, ".in")
        want = cli_blocks(run_cli(explain_args, data), explain_args == ["--explain=tsv"])
        blocks = c.explain(data)
        got = {b["number"]: (b["kept"], b["reason"], b["features"]["p"]) for b in blocks}
        assert got == want, name
        assert [b["number"] for b in blocks] == sorted(got), name
        assert blocks == unboil.explain(data), name


def test_explain_features_are_the_tsv_columns(run_cli, explain_args):
    """A block's features are the --explain=tsv header's columns less the
    block's own fields and the document's number (its first column), for
    the first document of a Cleaner, whose output holds the header, and
    for the next, whose output does not."""
    if explain_args != ["--explain=tsv"]:
        pytest.skip("this libunboil has no --explain=tsv")
    data = read(PLAIN[0], ".in")
    header = run_cli(explain_args, data).decode("utf-8").split("\n", 1)[0].split("\t")
    want = set(header) - {"document", "n", "keep", "why", "cls", "lang", "text"}
    c = unboil.Cleaner()
    for doc in (data, data):
        blocks = c.explain(doc)
        assert blocks, PLAIN[0]
        for b in blocks:
            assert set(b["features"]) == want, PLAIN[0]


@pytest.mark.parametrize("name", PLAIN_UTF8)
def test_explain_text_is_output(name):
    """In text, the lines of the kept blocks are the lines written (the
    short page's rescued blocks come last in the output; explain gives a
    block's text in UTF-8, the output as it came)."""
    data = read(name, ".in")
    kept = [line for b in unboil.explain(data, format="text") if b["kept"]
            for line in b["text"].split("\n")]
    written = [line for line in unboil.clean(data, format="text").split("\n") if line.strip()]
    assert sorted(line for line in kept if line.strip()) == sorted(written)
