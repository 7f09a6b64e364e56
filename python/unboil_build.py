"""Builds unboil._unboil, the cffi extension over the installed libunboil.

Out-of-line API mode: the C below is compiled against <unboil.h> as
pkg-config finds it (set PKG_CONFIG_PATH for a library installed under a
prefix), so struct layouts and enum values come from the header itself.
Output and diagnostics are gathered in C, never through a Python callback:
one call into C cleans a whole document without the GIL.
"""
import shlex
import subprocess

from cffi import FFI

CDEF = """
typedef enum ub_status {
    UB_OK, UB_ENOMEM, UB_EINVAL, UB_EWRITE, UB_EBINARY, UB_EENCODING, UB_EPARSE, ...
} ub_status;
typedef enum ub_format { UB_FORMAT_AUTO, UB_FORMAT_TEXT, UB_FORMAT_HTML, ... } ub_format;
typedef enum ub_output { UB_OUTPUT_CLEAN, UB_OUTPUT_INVERT, UB_OUTPUT_EXPLAIN, ... } ub_output;
typedef struct ub_options {
    ub_format format;
    ub_output output;
    int keep_comments;
    int markdown;
    int null_data;
    unsigned window;
    const char *encoding;
    const char *lang;
    %(utf8_option)s
    %(lookahead_option)s
    %(meta_options)s
    ...;
} ub_options;
%(tsv)s
#define UB_WINDOW_DEFAULT ...
#define UB_WINDOW_MIN ...
#define UB_WINDOW_MAX ...
%(lookahead_max)s
typedef struct ub_filter ub_filter;

const char *ub_strerror(ub_status status);
const char *ub_version(void);
void ub_options_init(ub_options *opt);
void ub_filter_free(ub_filter *f);

typedef struct upy_sink {
    char *data;
    size_t len;
    int problem;          /* a document's status from the diag callback */
    unsigned long problem_document; /* ... the document's number, from 1 */
    char message[256];    /* ... and its message */
    ...;
} upy_sink;
%(meta_functions)s
ub_filter *upy_filter_new(ub_options *opt, upy_sink *sink, ub_status *status);
ub_status upy_feed(ub_filter *f, const char *buf, size_t len);
ub_status upy_end(ub_filter *f);
ptrdiff_t upy_clean(ub_filter *f, upy_sink *sink, const char *buf, size_t len);
void upy_sink_free(upy_sink *sink);
"""

SOURCE = r"""
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unboil.h>

/* Where a filter's output and its last per-document problem go. */
typedef struct upy_sink {
    char *data;
    size_t len, cap;
    int problem;
    unsigned long problem_document;
    char message[256];
} upy_sink;

static int upy_write(void *ctx, const char *buf, size_t len)
{
    upy_sink *s = ctx;
    if (len > s->cap - s->len) {
        size_t cap = s->cap ? s->cap : 4096;
        while (len > cap - s->len) {
            if (cap > (size_t)-1 / 2)
                return -1;
            cap *= 2;
        }
        char *data = realloc(s->data, cap);
        if (!data)
            return -1;
        s->data = data;
        s->cap = cap;
    }
    memcpy(s->data + s->len, buf, len);
    s->len += len;
    return 0;
}

static void upy_diag(void *ctx, unsigned long document, ub_status status, const char *message)
{
    upy_sink *s = ctx;
    (void)document;
    if (s->problem)
        return;     /* the first problem is the one to report */
    s->problem = (int)status;
    s->problem_document = document;
    strncpy(s->message, message, sizeof s->message - 1);
    s->message[sizeof s->message - 1] = 0;
}

static ub_filter *upy_filter_new(ub_options *opt, upy_sink *sink, ub_status *status)
{
    opt->diag = upy_diag;
    opt->diag_ctx = sink;
    return ub_filter_new(opt, upy_write, sink, status);
}

static ub_status upy_feed(ub_filter *f, const char *buf, size_t len)
{
    return ub_filter_feed(f, buf, len);
}

static ub_status upy_end(ub_filter *f)
{
    return ub_filter_end_document(f);
}

/* One whole document, in one call: returns the length of its output,
 * alone in the sink, or minus the status of a failure (also one the diag
 * callback noted).  One call and one number: this runs per record. */
static ptrdiff_t upy_clean(ub_filter *f, upy_sink *sink, const char *buf, size_t len)
{
    sink->len = 0;
    ub_status st = ub_filter_feed(f, buf, len);
    if (st == UB_OK)
        st = ub_filter_end_document(f);
    if (st == UB_OK)
        st = (ub_status)sink->problem;
    if (st == UB_OK && sink->len > PTRDIFF_MAX)
        st = UB_ENOMEM;
    return st == UB_OK ? (ptrdiff_t)sink->len : -(ptrdiff_t)st;
}

static void upy_sink_free(upy_sink *s)
{
    free(s->data);
    s->data = NULL;
    s->len = s->cap = 0;
}
"""


def pkg_config(*args):
    try:
        out = subprocess.run(["pkg-config", *args, "libunboil"], check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        raise SystemExit(
            "unboil: pkg-config cannot find libunboil (%s). Install the C library "
            "first (./configure && make && make install), or point PKG_CONFIG_PATH "
            "at its lib/pkgconfig directory." % e) from None
    return shlex.split(out)


def strip(flags, prefix):
    return [f[len(prefix):] for f in flags if f.startswith(prefix)]


cflags = pkg_config("--cflags")
libs = pkg_config("--libs")
libdir = pkg_config("--variable=libdir")

# The metadata API (ub_filter_meta, the url and links options) came with
# libunboil's --json; against an older header the module is built without
# it, and unboil.extract() says so.
META_OPTIONS = """
    const char *url;
    int links;
    int images;
"""
META_FUNCTIONS = """
typedef enum ub_meta_field { UB_META_TAGS, UB_META_COUNT, ... } ub_meta_field;
const char *ub_meta_name(ub_meta_field field);
const char *ub_filter_meta(const ub_filter *f, ub_meta_field field, size_t i);
"""


def header_has(name):
    for d in strip(cflags, "-I") + pkg_config("--variable=includedir"):
        try:
            with open(d + "/unboil.h", encoding="utf-8") as f:
                return name in f.read()
        except OSError:
            continue
    return False


meta = header_has("ub_filter_meta")
# --explain=tsv: a header row naming the columns, which explain() prefers
tsv = header_has("UB_OUTPUT_EXPLAIN_TSV")
# text read in its own charset, kept lines written in UTF-8 on request
utf8 = header_has("int utf8;")
# the whole-page look-ahead, and its cap
lookahead = header_has("size_t lookahead;")
ffibuilder = FFI()
ffibuilder.cdef(CDEF % {"meta_options": META_OPTIONS if meta else "",
                        "meta_functions": META_FUNCTIONS if meta else "",
                        "tsv": "static const int UB_OUTPUT_EXPLAIN_TSV;" if tsv else "",
                        "utf8_option": "int utf8;" if utf8 else "",
                        "lookahead_option": "size_t lookahead;" if lookahead else "",
                        "lookahead_max": "#define UB_LOOKAHEAD_MAX ..." if lookahead else ""})
ffibuilder.set_source(
    "unboil._unboil", SOURCE,
    include_dirs=strip(cflags, "-I"),
    library_dirs=strip(libs, "-L"),
    libraries=strip(libs, "-l"),
    # a library under a private prefix is found without LD_LIBRARY_PATH
    runtime_library_dirs=libdir,
    extra_compile_args=[f for f in cflags if not f.startswith("-I")],
)

if __name__ == "__main__":
    ffibuilder.compile(verbose=True)
