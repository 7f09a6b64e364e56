"""unboil.extract() against `unboil --json`, where the library has the
metadata API (HAS_META); without it, extract() and the options that need
it refuse.  One test either way: neither is skipped."""
import json
import os

import pytest

import unboil
from corpus import FIXTURES, fixture_names



def args_of(name):
    path = os.path.join(FIXTURES, name + ".args")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return f.read().split()


# the fixtures with no options, and those made for --json alone
NAMES = [n for n in fixture_names() if args_of(n) in ([], ["--json"])]
VARIANTS = [
    ([], {}),
    (["--url=https://example.com/news/"], {"url": "https://example.com/news/"}),
]


def read(name):
    with open(os.path.join(FIXTURES, name + ".in"), "rb") as f:
        return f.read()


def test_extract_as_cli(run_cli):
    if not unboil.HAS_META:
        with pytest.raises(NotImplementedError):
            unboil.extract(read(NAMES[0]))
        with pytest.raises(TypeError):
            unboil.Cleaner(url="https://example.com/")
        return
    for args, kwargs in VARIANTS:
        seen = set()
        for name in NAMES:
            data = read(name)
            want = json.loads(run_cli(["--json", *args], data))
            got = unboil.extract(data, **kwargs)
            assert got == want, (name, args)
            # JSON text is UTF-8: the same as the article in UTF-8
            assert got["text"] == unboil.Cleaner(utf8=True, **kwargs).clean(data)
            seen.update(got)
        assert {"text", "title"} <= seen
        if kwargs.get("url"):
            assert "url" in seen
    # the command line's --json text is never Markdown; the module's may be
    md = {"markdown": True, "links": True, "images": True, "url": "https://example.com/"}
    for name in NAMES:
        data = read(name)
        got = unboil.extract(data, **md)
        assert got["text"] == unboil.Cleaner(utf8=True, **md).clean(data)
        assert got == dict(unboil.extract(data, url=md["url"]), text=got["text"]), name
