"""The module's own behaviour: streaming, reuse, errors, threads."""
import gzip
import sys
import threading
import time

import pytest

import unboil
from corpus import plain_documents

DOCS = plain_documents()
HTML = next(d for d in DOCS if d.lstrip().startswith("<"))
TEXT = next(d for d in DOCS if not d.lstrip().startswith("<"))


@pytest.mark.parametrize("size", [1, 7, 100, 4096])
def test_feed_any_chunking(size):
    """Fed in chunks of any size, str or bytes, a document gives what
    clean() gives."""
    c = unboil.Cleaner()
    for doc in (HTML, TEXT):
        for whole in (doc, doc.encode()):
            for i in range(0, len(whole), size):
                c.feed(whole[i:i + size])
            assert c.finish() == unboil.clean(whole)


def test_finish_without_feed():
    assert unboil.Cleaner().finish() == ""


def test_feed_mixed_types():
    c = unboil.Cleaner()
    c.feed("<p>")
    with pytest.raises(TypeError):
        c.feed(b"x")
    c.finish()


def test_clean_while_feeding():
    c = unboil.Cleaner()
    c.feed(TEXT[:10])
    with pytest.raises(RuntimeError):
        c.clean(TEXT)
    c.feed(TEXT[10:])
    assert c.finish() == unboil.clean(TEXT)


def test_cleaner_reused():
    """A Cleaner remembers nothing of one document in the next."""
    c = unboil.Cleaner()
    first = [c.clean(d) for d in DOCS]
    again = [c.clean(d) for d in reversed(DOCS)]
    assert again[::-1] == first
    assert first == [unboil.Cleaner().clean(d) for d in DOCS]


def test_clean_many():
    """A list in one call gives what clean() gives each."""
    c = unboil.Cleaner()
    want = [unboil.clean(d) for d in DOCS]
    assert c.clean_many(DOCS) == want
    assert c.clean_many([d.encode() for d in DOCS]) == want
    assert c.clean_many(DOCS[:3] + [DOCS[3].encode()]) == want[:4]    # one at a time
    assert c.clean_many([]) == []
    assert unboil.Cleaner(markdown=True).clean_many(DOCS) == \
        [unboil.clean(d, markdown=True) for d in DOCS]


def test_clean_many_not_text():
    c = unboil.Cleaner()
    docs = [d.encode() for d in DOCS[:4]]
    docs[2] = gzip.compress(docs[2])
    with pytest.raises(unboil.NotTextError) as e:
        c.clean_many(docs)
    assert e.value.document == 2
    got = c.clean_many(docs, errors="empty")
    assert got[2] == "" and got[:2] + got[3:] == [unboil.clean(d) for d in docs[:2] + docs[3:]]
    with pytest.raises(ValueError):
        c.clean_many(docs, errors="ignore")


def test_buffers():
    data = TEXT.encode()
    assert unboil.clean(bytearray(data)) == unboil.clean(memoryview(data)) == unboil.clean(data)
    with pytest.raises(TypeError):
        unboil.clean(12)


def test_not_text():
    """A compressed page raises NotTextError with the library's status and
    message; the Cleaner goes on with the next document."""
    c = unboil.Cleaner()
    page = gzip.compress(HTML.encode())
    with pytest.raises(unboil.NotTextError) as e:
        c.clean(page)
    assert e.value.status == unboil.lib.UB_EBINARY
    assert e.value.status_name == "UB_EBINARY"
    assert "gzip" in str(e.value)
    assert isinstance(e.value, unboil.Error) and isinstance(e.value, ValueError)
    assert c.clean(HTML) == unboil.clean(HTML)
    with pytest.raises(unboil.NotTextError):
        c.feed(page[:50])
    assert c.clean(HTML) == unboil.clean(HTML)
    c.feed(page[:2])        # too short to tell yet
    with pytest.raises(unboil.NotTextError):
        c.finish()
    assert c.clean(TEXT) == unboil.clean(TEXT)


def test_bad_options():
    with pytest.raises(unboil.InvalidOptionError) as e:
        unboil.Cleaner(lang="xx-nowhere")
    assert e.value.status_name == "UB_EINVAL"
    # the CLI's message, with its hint of what a code looks like
    assert str(e.value) == ("unboil: unknown language 'xx-nowhere' (a code such as en, de, "
                            "pt-BR, zh; see unboil(1))")
    with pytest.raises(unboil.InvalidOptionError) as e:
        unboil.clean(HTML, encoding="no-such-charset")
    assert e.value.status_name == "UB_EENCODING"
    assert str(e.value) == "unboil: unknown encoding 'no-such-charset'"
    with pytest.raises(ValueError):
        unboil.Cleaner(format="pdf")
    with pytest.raises(ValueError):
        unboil.Cleaner(window=1)
    if unboil.HAS_META:
        for kw in ({"links": True}, {"images": True}):
            with pytest.raises(ValueError, match="markdown"):
                unboil.Cleaner(**kw)
            with pytest.raises(ValueError, match="markdown"):
                unboil.clean(HTML, **kw)
    for bad in (-1, (256 << 20) + 1, 1.5, True):
        with pytest.raises(ValueError):
            unboil.Cleaner(lookahead=bad)
    # a wrong type says which option, not an AttributeError from inside
    for bad in ("3", 3.5, True):
        with pytest.raises(ValueError, match="window"):
            unboil.Cleaner(window=bad)
    with pytest.raises(ValueError, match="format"):
        unboil.Cleaner(format=["html"])
    keys = ("lang", "encoding") + (("url",) if unboil.HAS_META else ())
    for key in keys:
        with pytest.raises(TypeError, match=key):
            unboil.Cleaner(**{key: b"en"})
        # a NUL would end the C string: "en\0x" is not "en"
        with pytest.raises(ValueError, match=key):
            unboil.clean(HTML, **{key: "en\0x"})


def test_str_ignores_declared_charset():
    """A str is Unicode already: a page that declares another charset is
    not decoded again."""
    page = ('<html><head><meta charset="windows-1252"></head><body><p>%s</p></body></html>'
            % ("Caf\u00e9 au lait, and a long enough sentence of prose for the page. " * 3))
    assert "Caf\u00e9 au lait" in unboil.clean(page)


def test_explain_blocks():
    blocks = unboil.explain(HTML)
    assert blocks and all(set(b) >= {"kept", "reason", "features", "text", "number"}
                          for b in blocks)
    assert any(b["kept"] for b in blocks) and any(not b["kept"] for b in blocks)
    assert blocks[0]["tag"] == "title"
    assert isinstance(blocks[0]["features"]["w"], int)
    assert 0.0 <= blocks[0]["features"]["p"] <= 1.0


def test_version():
    assert unboil.library_version() == unboil.__version__


def test_threads_same_output():
    """Threads sharing one Cleaner, and each with its own, give what one
    thread gives."""
    want = [unboil.clean(d) for d in DOCS]
    shared = unboil.Cleaner()
    got = {}

    def work(k):
        got[k] = ([shared.clean(d) for d in DOCS], [unboil.clean(d) for d in DOCS])

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(g == (want, want) for g in got.values())


def test_gil_released():
    """While one thread is in a long clean(), another keeps running Python.
    Counted in CPU time, which the machine's load does not skew: the other
    thread, spinning, gets about as much as the cleaning one (0.71-0.76 of
    it on the 2-core machine under a load of 14), where with the GIL held
    (a thread in sorted() of a long list, tried the same way) it got 0.01."""
    big = "\n\n".join(TEXT for _ in range(12000))
    inside, done = threading.Event(), threading.Event()
    worker = {}

    def work():
        inside.set()
        start = time.thread_time()
        unboil.clean(big)
        worker["cpu"] = time.thread_time() - start
        done.set()

    old = sys.getswitchinterval()
    sys.setswitchinterval(0.001)
    try:
        t = threading.Thread(target=work)
        t.start()
        inside.wait()
        cpu = time.thread_time()
        while not done.is_set():
            pass
        cpu = time.thread_time() - cpu
        t.join()
    finally:
        sys.setswitchinterval(old)
    assert worker["cpu"] > 0.05, "the document is too short to tell (%.3f s)" % worker["cpu"]
    assert cpu > 0.3 * worker["cpu"], \
        "the other thread ran %.4f s of CPU during %.4f s of clean()" % (cpu, worker["cpu"])
