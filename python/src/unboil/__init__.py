"""unboil: strip boilerplate from web articles, over libunboil.

    >>> import unboil
    >>> unboil.clean("<html><body><nav>Home</nav><p>...</p></body></html>")

Each call cleans one whole document: a str (read as Unicode, whatever the
page's <meta charset> says) or bytes (HTML charset from the BOM, HTTP header
or <meta>, as the command line reads files).  The result is what
``unboil FILE`` prints for that document: UTF-8 for HTML; for text, the kept
lines byte for byte, decoded as UTF-8 with undecodable bytes kept as lone
surrogates (``.encode("utf-8", "surrogateescape")`` gives the bytes back).

The C code runs without the GIL: threads clean documents in parallel.
"""
import threading
from codecs import utf_8_decode as _utf8   # the fastest from a buffer

from ._unboil import ffi, lib
from ._explain import parse_explain, parse_tsv

__all__ = ["clean", "explain", "extract", "Cleaner", "HAS_META", "Error", "InvalidOptionError",
           "NotTextError", "OutOfMemoryError", "library_version"]
__version__ = "0.1.0"

_STATUS_NAMES = {
    lib.UB_OK: "UB_OK", lib.UB_ENOMEM: "UB_ENOMEM", lib.UB_EINVAL: "UB_EINVAL",
    lib.UB_EWRITE: "UB_EWRITE", lib.UB_EBINARY: "UB_EBINARY",
    lib.UB_EENCODING: "UB_EENCODING", lib.UB_EPARSE: "UB_EPARSE",
}


class Error(Exception):
    """libunboil returned a status other than UB_OK.

    ``status`` is the library's ub_status as an int, ``status_name`` its
    name ("UB_EBINARY"), ``str(error)`` the library's description."""

    def __init__(self, status, message=None):
        self.status = int(status)
        self.status_name = _STATUS_NAMES.get(self.status, "UB_%d" % self.status)
        if message is None:
            message = ffi.string(lib.ub_strerror(status)).decode()
        super().__init__(message)


class InvalidOptionError(Error, ValueError):
    """An option the library refused: an unknown language or encoding."""


class NotTextError(Error, ValueError):
    """The document is not text or HTML (compressed, an image, a PDF ...)."""


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory."""


def _error(status, message=None):
    if status in (lib.UB_EINVAL, lib.UB_EENCODING):
        return InvalidOptionError(status, message)
    if status == lib.UB_EBINARY:
        return NotTextError(status, message)
    if status == lib.UB_ENOMEM:
        return OutOfMemoryError(status, message)
    return Error(status, message)


def _check_str(name, value):
    """A string option, which the library takes as a C string: a str (or
    None) without NUL, which would cut it short unseen ("en\\0x" read as
    "en")."""
    if value is not None and not isinstance(value, str):
        raise TypeError("unboil: %s is a str, not %s" % (name, type(value).__name__))
    if value is not None and "\0" in value:
        raise ValueError("unboil: %s has a NUL character: %r" % (name, value))


def library_version():
    """The version of the libunboil in use, e.g. "0.1.0"."""
    return ffi.string(lib.ub_version()).decode()


_FORMATS = {None: lib.UB_FORMAT_AUTO, "auto": lib.UB_FORMAT_AUTO,
            "html": lib.UB_FORMAT_HTML, "text": lib.UB_FORMAT_TEXT}
_OUTPUTS = {"clean": lib.UB_OUTPUT_CLEAN, "invert": lib.UB_OUTPUT_INVERT,
            "explain": lib.UB_OUTPUT_EXPLAIN}
# explain() reads the columns' names from --explain=tsv's header where the
# library has it, the line form's name=value pairs where not
_TSV = hasattr(lib, "UB_OUTPUT_EXPLAIN_TSV")
if _TSV:
    _OUTPUTS["explain"] = lib.UB_OUTPUT_EXPLAIN_TSV
# A sink that grew past this for one document is given back to the system.
_SINK_KEEP = 1 << 20


class _Filter:
    """One ub_filter and the C buffer its output goes to."""

    def __init__(self, format, output, markdown, keep_comments, lang, encoding, window,
                 url=None, links=False, images=False, null_data=False, utf8=False,
                 lookahead=None):
        opt = ffi.new("ub_options *")
        lib.ub_options_init(opt)
        opt.format = _FORMATS[format]
        opt.output = _OUTPUTS[output]
        opt.markdown = bool(markdown)
        opt.keep_comments = bool(keep_comments)
        opt.null_data = bool(null_data)
        if utf8:
            opt.utf8 = 1
        if window is not None:
            opt.window = window
        if lookahead is not None:
            opt.lookahead = lookahead
        # the library keeps these pointers: they live as long as the filter
        self._strings = []
        if lang is not None:
            self._strings.append(ffi.new("char[]", lang.encode()))
            opt.lang = self._strings[-1]
        if encoding is not None:
            self._strings.append(ffi.new("char[]", encoding.encode()))
            opt.encoding = self._strings[-1]
        if url is not None:
            self._strings.append(ffi.new("char[]", url.encode()))
            opt.url = self._strings[-1]
        if links:
            opt.links = 1
        if images:
            opt.images = 1
        self.sink = ffi.new("upy_sink *")
        status = ffi.new("ub_status *")
        f = lib.upy_filter_new(opt, self.sink, status)
        if f == ffi.NULL:
            if status[0] == lib.UB_EINVAL and lang is not None:
                # the CLI's words (src/cli/main.c), the same hint
                raise InvalidOptionError(status[0], "unboil: unknown language '%s' (a code such as "
                                         "en, de, pt-BR, zh; see unboil(1))" % lang)
            if status[0] == lib.UB_EENCODING:
                raise InvalidOptionError(status[0], "unboil: unknown encoding '%s'" % encoding)
            raise _error(status[0])
        self.f = f
        self.broken = False
        self.columns = None     # --explain=tsv's, from the first document

    def __del__(self):
        f = getattr(self, "f", None)
        if f is not None:
            lib.ub_filter_free(f)
            lib.upy_sink_free(self.sink)

    def fail(self, status):
        """The exception for a status; a filter that failed is not used
        again (but for a document that was not text)."""
        sink = self.sink
        if status != lib.UB_EBINARY:
            self.broken = True
        message = None
        if sink.problem:
            message = ffi.string(sink.message).decode("utf-8", "replace")
            status, sink.problem = sink.problem, 0
        sink.len = 0
        if status == lib.UB_EWRITE:
            status = lib.UB_ENOMEM      # the sink is the only writer, and it only fails so
        return _error(status, message)

    def take(self):
        """The output in the sink, as str; the sink is emptied."""
        sink = self.sink
        n = sink.len
        if n == 0:
            return ""
        out = _utf8(ffi.buffer(sink.data, n), "surrogateescape", True)[0]
        sink.len = 0
        if n > _SINK_KEEP:
            lib.upy_sink_free(sink)
        return out


def _as_buffer(doc):
    """The bytes to feed for a str, bytes or other buffer."""
    if isinstance(doc, str):
        return doc.encode("utf-8", "surrogateescape")
    if isinstance(doc, bytes):
        return doc
    if isinstance(doc, (bytearray, memoryview)):
        return ffi.from_buffer(doc)
    raise TypeError("unboil: a document is str or bytes, not %s" % type(doc).__name__)


HAS_META = hasattr(lib, "ub_filter_meta")
_HAS_UTF8 = "utf8" in dir(ffi.new("ub_options *"))
_HAS_LOOKAHEAD = "lookahead" in dir(ffi.new("ub_options *"))


def _meta(f, out):
    """The metadata of the document f ended last, into the dict out: each
    field found, a str, but "tags", a list."""
    for field in range(lib.UB_META_COUNT):
        values = []
        while True:
            v = lib.ub_filter_meta(f, field, len(values))
            if v == ffi.NULL:
                break
            values.append(ffi.string(v).decode("utf-8", "replace"))
        if values:
            name = ffi.string(lib.ub_meta_name(field)).decode()
            out[name] = values if field == lib.UB_META_TAGS else values[0]


class Cleaner:
    """Options held once, for many documents, and a streaming form.

        c = Cleaner(markdown=True)
        for page in pages:
            article = c.clean(page)

        c.feed(chunk) ... c.feed(chunk); article = c.finish()

    ``format``: None or "auto" (HTML or text, decided from the first bytes),
    "html" or "text".  ``markdown``: HTML headings, list items and quotes in
    Markdown.  ``keep_comments``: keep comment sections.  ``lang``: measure
    stopwords in this language only ("de", "pt-BR").  ``encoding``: read
    bytes as this charset whatever the page declares.  ``window``: blocks in
    the window around each block (2-4096).  ``lookahead``: bytes of a
    document's text held so that it is decided with the whole page in view
    (the command line's --lookahead; 0: the window alone, for the lowest
    latency; None: the library's default, 256 KiB).  ``invert``: return
    only what would be removed.
    ``utf8``: text in another charset gives its kept lines in UTF-8 (by
    default they come as they were, as the command line writes them).
    With a libunboil that has metadata (``unboil.HAS_META``): ``url``, the
    document's address (the "url" field when the page names none, and the
    base of relative links); ``links`` and ``images``: in Markdown, links
    as [text](url) and images as ![alt](src) (ValueError without
    ``markdown``).

    A Cleaner may be shared by threads (calls take turns); each thread with
    its own Cleaner runs in parallel.
    """

    def __init__(self, *, format=None, markdown=False, keep_comments=False,
                 lang=None, encoding=None, window=None, invert=False,
                 url=None, links=False, images=False, utf8=False, lookahead=None):
        if (url is not None or links or images) and not HAS_META:
            raise TypeError("unboil: url, links and images need a libunboil with "
                            "metadata (ub_filter_meta); this one is %s" % library_version())
        if (links or images) and not markdown:
            # as the command line's "--links goes with --markdown": without
            # Markdown there is no place for an address and asking for one
            # would change nothing, silently
            raise ValueError("unboil: links and images go with markdown=True")
        if not (format is None or isinstance(format, str)) or format not in _FORMATS:
            raise ValueError("unboil: format is 'auto', 'html' or 'text', not %r" % (format,))
        if window is not None and (isinstance(window, bool) or not isinstance(window, int)
                                   or not lib.UB_WINDOW_MIN <= window <= lib.UB_WINDOW_MAX):
            raise ValueError("unboil: window is from %d to %d, not %r"
                             % (lib.UB_WINDOW_MIN, lib.UB_WINDOW_MAX, window))
        for name, value in (("lang", lang), ("encoding", encoding), ("url", url)):
            _check_str(name, value)
        self._args = dict(format=format, markdown=markdown, keep_comments=keep_comments,
                          lang=lang, window=window)
        if lookahead is not None:
            if not _HAS_LOOKAHEAD:
                raise TypeError("unboil: lookahead needs a libunboil with the whole-page "
                                "look-ahead; this one is %s" % library_version())
            if (isinstance(lookahead, bool) or not isinstance(lookahead, int)
                    or not 0 <= lookahead <= lib.UB_LOOKAHEAD_MAX):
                raise ValueError("unboil: lookahead is bytes from 0 to %d, not %r"
                                 % (lib.UB_LOOKAHEAD_MAX, lookahead))
            self._args["lookahead"] = lookahead
        if HAS_META:
            self._args.update(url=url, links=links, images=images)
        if utf8 and not _HAS_UTF8:
            raise TypeError("unboil: utf8 needs a libunboil that reads text in its "
                            "charset; this one is %s" % library_version())
        if utf8:
            self._args["utf8"] = True
        self._encoding = encoding
        self._output = "invert" if invert else "clean"
        self._filters = {}
        self._lock = threading.Lock()
        self._stream = None     # the filter of the document being fed
        self._kind = None       # ... and the type of its chunks
        # bad options fail here, not at the first document
        self._filter(bytes, self._output)

    def _filter(self, kind, output, many=False):
        """The filter for str or bytes documents (NUL-separated ones if
        many): a str is Unicode already, so its bytes are read as UTF-8
        whatever the page declares."""
        key = (kind, output, many)
        f = self._filters.get(key)
        if f is None or f.broken:
            encoding = self._encoding
            if kind is str and encoding is None:
                encoding = "UTF-8"
            f = self._filters[key] = _Filter(output=output, encoding=encoding,
                                             null_data=many, **self._args)
        return f

    def _run(self, doc, output, meta=None, tsv=False):
        """One whole document through the filter for its type and output;
        the output as str (and its metadata into the dict `meta`), or with
        tsv, the blocks of --explain=tsv."""
        if doc.__class__ is str:
            data = doc.encode("utf-8", "surrogateescape")
            kind = str
        else:
            data = _as_buffer(doc)
            kind = bytes
        with self._lock:
            if self._stream is not None:
                raise RuntimeError("unboil: a document is being fed; finish() it first")
            f = self._filters.get((kind, output, False))
            if f is None or f.broken:
                f = self._filter(kind, output)
            sink = f.sink
            n = lib.upy_clean(f.f, sink, data, len(data))
            if meta is not None and n >= 0:
                _meta(f.f, meta)
            if n <= 0:
                if n == 0:
                    return [] if tsv else ""
                raise f.fail(-n)
            out = _utf8(ffi.buffer(sink.data, n), "surrogateescape", True)[0]
            if n > _SINK_KEEP:
                lib.upy_sink_free(sink)
            if tsv:
                # the header row comes once per filter, with its first block
                blocks, f.columns = parse_tsv(out, f.columns)
                return blocks
            return out

    def clean(self, doc):
        """The article of one whole document (str or bytes), as str."""
        return self._run(doc, self._output)

    def clean_many(self, docs, *, errors="raise"):
        """The articles of a list of documents, as clean() gives each, in
        one call into C: for short records, where a call costs as much as
        the cleaning, and for threads, which then hand the GIL over once
        per list.  A document that is not text raises NotTextError (its
        ``document`` is its index), or gives "" with errors="empty"."""
        if errors not in ("raise", "empty"):
            raise ValueError("unboil: errors is 'raise' or 'empty', not %r" % (errors,))
        docs = list(docs)
        kinds = {str if d.__class__ is str else bytes for d in docs}
        joined = b"\0".join(d.encode("utf-8", "surrogateescape") if d.__class__ is str
                            else bytes(d) for d in docs) + b"\0"
        # a NUL inside a document would cut it in two: one at a time then
        if len(kinds) != 1 or joined.count(b"\0") != len(docs):
            return [self._one(i, d, errors) for i, d in enumerate(docs)]
        with self._lock:
            if self._stream is not None:
                raise RuntimeError("unboil: a document is being fed; finish() it first")
            f = self._filter(kinds.pop(), self._output, many=True)
            sink = f.sink
            n = lib.upy_clean(f.f, sink, joined, len(joined))
            if n < 0:
                if -n != lib.UB_EBINARY or errors == "raise":
                    error = f.fail(-n)
                    error.document = sink.problem_document - 1
                    raise error
                sink.problem = 0
            out = f.take().split("\0")
        if len(out) != len(docs) + 1:
            return [self._one(i, d, errors) for i, d in enumerate(docs)]
        out.pop()
        return out

    def _one(self, i, doc, errors):
        try:
            return self.clean(doc)
        except NotTextError as e:
            if errors == "raise":
                e.document = i
                raise
            return ""

    def explain(self, doc):
        """Every block of one document with its decision: a list of dicts,
        in input order (see unboil.explain)."""
        if not _TSV:
            return parse_explain(self._run(doc, "explain"))
        return self._run(doc, "explain", tsv=True)

    def extract(self, doc):
        """The article and what the document says about itself, as a dict:
        "text" (what clean() returns) and each metadata field found
        (see unboil.extract)."""
        if not HAS_META:
            raise NotImplementedError("unboil: this libunboil (%s) has no metadata "
                                      "(ub_filter_meta)" % library_version())
        meta = {}
        meta["text"] = self._run(doc, self._output, meta)
        return meta

    def feed(self, chunk):
        """Feed the next chunk of a document (str or bytes, cut anywhere;
        a str is cut between characters)."""
        data = _as_buffer(chunk)
        kind = str if isinstance(chunk, str) else bytes
        with self._lock:
            if self._stream is None:
                self._stream = self._filter(kind, self._output)
                self._stream.sink.len = 0
                self._kind = kind
            elif kind is not self._kind:
                raise TypeError("unboil: the chunks of one document are all str or all bytes")
            f = self._stream
            status = lib.upy_feed(f.f, data, len(data))
            if status or f.sink.problem:
                # the document is cut short: the next starts in a new filter
                self._stream = None
                error = f.fail(status)
                f.broken = True
                raise error

    def finish(self):
        """End the document fed so far and return its article, as str.
        The article is held until then (the input is not: memory is
        bounded by the output)."""
        with self._lock:
            f, self._stream = self._stream, None
            if f is None:
                return ""
            status = lib.upy_end(f.f)
            if status or f.sink.problem:
                error = f.fail(status)
                f.broken = True
                raise error
            return f.take()


# The module's functions keep a Cleaner per thread and options: making a
# filter costs more than cleaning a short page.
_local = threading.local()
_CACHE_MAX = 16
_DEFAULTS = (None, False, False, None, None, None, False, None, False, False, None)


def _cleaner(key):
    try:
        cache = _local.cleaners
    except AttributeError:
        cache = _local.cleaners = {}
    c = cache.get(key)
    if c is None:
        if len(cache) >= _CACHE_MAX:
            cache.clear()
        (format, markdown, keep_comments, lang, encoding, window, invert,
         url, links, images, lookahead) = key
        c = cache[key] = Cleaner(format=format, markdown=markdown,
                                 keep_comments=keep_comments, lang=lang,
                                 encoding=encoding, window=window, invert=invert,
                                 url=url, links=links, images=images, lookahead=lookahead)
        if key == _DEFAULTS:
            _local.default = c      # clean()'s shortcut
    return c


def clean(html_or_text, *, format=None, markdown=False, keep_comments=False,
          lang=None, url=None, encoding=None, window=None, invert=False,
          links=False, images=False, lookahead=None):
    """The article of one document (str or bytes), as str: what ``unboil``
    prints for it.  Options as for Cleaner."""
    if (format is None and not markdown and not keep_comments and lang is None
            and url is None and encoding is None and window is None and not invert
            and not links and not images and lookahead is None):
        try:
            return _local.default.clean(html_or_text)
        except AttributeError:
            pass
    return _cleaner((format, markdown, keep_comments, lang, encoding, window, invert,
                     url, links, images, lookahead)).clean(html_or_text)


def explain(html_or_text, *, format=None, markdown=False, keep_comments=False,
            lang=None, url=None, encoding=None, window=None, lookahead=None):
    """Every block of one document with its decision, in input order: a dict
    per block with ``kept`` (bool), ``reason`` (why: "prose", "boilerplate",
    "repeated-headline" ...), ``cls`` (the block's class), ``number`` (from
    1), ``text`` (the block as read), ``tag`` ("title", "h1".."h6", "li" or
    None), ``lang`` (the block's stopword language) and ``features`` (name to
    number, as ``unboil --explain=tsv`` names them; ``p`` is the model's
    score).
    A short page's rescued blocks have ``kept`` True, ``reason`` "rescued"
    and their first reason in ``dropped_as``."""
    return _cleaner((format, markdown, keep_comments, lang, encoding, window, False,
                     url, False, False, lookahead)).explain(html_or_text)


def extract(html_or_text, *, format=None, markdown=False, keep_comments=False,
            lang=None, url=None, encoding=None, window=None, links=False, images=False,
            lookahead=None):
    """The article and the metadata the document states, as a dict: what
    ``unboil --json`` writes for it.  "text" is what clean() returns; then
    each field found: "title", "author", "date" (ISO 8601), "lang",
    "sitename", "url" (the page's canonical address, else ``url``),
    "description", "image", and "tags" (a list).  A field the document does
    not state is absent.  Needs a libunboil with metadata (HAS_META)."""
    # JSON text is UTF-8: a text document in another charset comes out
    # decoded, as unboil --json writes it
    return Cleaner(format=format, markdown=markdown, keep_comments=keep_comments, lang=lang,
                   encoding=encoding, window=window, url=url, links=links, images=images,
                   utf8=_HAS_UTF8, lookahead=lookahead).extract(html_or_text)
