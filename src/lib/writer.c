/* writer.c - output in the three forms. */
#include <stdio.h>
#include <string.h>
#include "writer.h"
#include "markdown.h"
#include "explain.h"
#include "utf8.h"

struct writer {
    const mem *m;
    ub_write_fn write;
    void *ctx;
    ub_output output;
    int markdown;
    unsigned long long bytes;
    /* per document */
    int html;
    int any;             /* something of this document was written */
    int tail_on;         /* the open line's tail is written */
    buf gap;             /* text mode: widest blank run since the last written line */
    unsigned gap_lines, gap_kept;
    int gap_set;
    unsigned last_flags; /* HTML: the previous written block's flags */
    unsigned long units; /* blocks of this document so far */
    int header_done;     /* --explain=tsv: the header row is written */
    unsigned long document; /* the document's number in the stream, from 1 */
    buf scratch;         /* --markdown: a block's text escaped */
    unsigned marker[17]; /* --markdown: the width of the last item's marker per list depth */
    unsigned last_list, last_quote; /* --markdown: the previous written block's */
    /* --markdown: the code block still open, so that the later pieces of
     * a <pre> longer than BLOCK_MAX stay inside it; closed by the next
     * block written or at the document's end */
    char fence[64];
    char fence_cont[128];
    explain *explain;    /* the readable --explain forms' renderer, or NULL */
    int explain_begun;   /* ... and it has begun this document */
    /* text mode, --utf8: kept lines are made valid UTF-8 (writer_utf8);
     * a long line's sequence cut between two pieces of its tail waits in
     * pend, and the pieces then meet in joined */
    int utf8;
    unsigned char pend[4];
    size_t pend_n;
    buf joined;
};

static ub_status explain_put(void *ctx, const char *s, size_t n)
{
    return writer_raw(ctx, s, n);
}

/* The renderer's document begins with the first thing it writes (an HTML
 * page's head can fail to be written; writer_begin cannot fail). */
static ub_status explain_start(writer *w)
{
    if (w->explain_begun)
        return UB_OK;
    w->explain_begun = 1;
    return explain_begin(w->explain, w->html);
}

writer *writer_new(const mem *m, ub_write_fn write, void *ctx,
                   ub_output output, int markdown, int color)
{
    writer *w = mem_calloc(m, 1, sizeof *w);
    if (!w)
        return NULL;
    w->m = m;
    w->write = write;
    w->ctx = ctx;
    w->output = output;
    w->markdown = markdown;
    if (output == UB_OUTPUT_EXPLAIN_HTML)
        w->explain = explain_html_new(m, explain_put, w);
    else if (output == UB_OUTPUT_EXPLAIN_TEXT || output == UB_OUTPUT_EXPLAIN_FEATURES)
        w->explain = explain_term_new(m, explain_put, w, output == UB_OUTPUT_EXPLAIN_FEATURES,
                                      color);
    if (output >= UB_OUTPUT_EXPLAIN_TEXT && !w->explain) {
        writer_free(w);
        return NULL;
    }
    if (output >= UB_OUTPUT_EXPLAIN_TEXT)
        w->output = UB_OUTPUT_EXPLAIN;
    return w;
}

void writer_free(writer *w)
{
    if (!w)
        return;
    buf_free(&w->gap, w->m);
    buf_free(&w->scratch, w->m);
    buf_free(&w->joined, w->m);
    explain_free(w->explain);
    mem_free(w->m, w);
}

unsigned long long writer_bytes(const writer *w)
{
    return w->bytes;
}

ub_status writer_raw(writer *w, const char *s, size_t n)
{
    if (n == 0)
        return UB_OK;
    if (w->write(w->ctx, s, n) != 0)
        return UB_EWRITE;
    w->bytes += n;
    return UB_OK;
}

static ub_status put(writer *w, const char *s)
{
    return writer_raw(w, s, strlen(s));
}

void writer_begin(writer *w, int html, unsigned long document)
{
    w->html = html;
    w->document = document;
    w->utf8 = 0;
    w->pend_n = 0;
    w->any = 0;
    w->tail_on = 0;
    w->gap.len = 0;
    w->gap_lines = w->gap_kept = 0;
    w->gap_set = 0;
    w->last_flags = 0;
    w->last_list = w->last_quote = 0;
    w->units = 0;
    memset(w->marker, 0, sizeof w->marker);
    w->fence[0] = 0;
    w->explain_begun = 0;
}

/* Remember the widest blank run among those a removed stretch leaves. */
static ub_status note_gap(writer *w, const unit *u)
{
    if (w->gap_set && u->gap_lines <= w->gap_lines)
        return UB_OK;
    w->gap.len = 0;
    w->gap_lines = u->gap_lines;
    w->gap_kept = u->gap_kept;
    w->gap_set = 1;
    return buf_append(&w->gap, w->m, u->gap.data, u->gap.len);
}

void writer_utf8(writer *w, int on)
{
    w->utf8 = on;
}

static const char writer_fffd[3] = { '\xEF', '\xBF', '\xBD' };

/* s[0..n) of a kept line as valid UTF-8: a byte that begins no valid
 * sequence is U+FFFD, one for each byte, as the JSON escaper and the
 * decoders make it.  more: the line goes on in the next piece, so a
 * sequence cut at the end waits for it. */
static ub_status utf8_line_out(writer *w, const char *s, size_t n, int more)
{
    ub_status st;
    if (w->pend_n > 0) {
        w->joined.len = 0;
        if ((st = buf_append(&w->joined, w->m, (const char *)w->pend, w->pend_n)) != UB_OK ||
            (st = buf_append(&w->joined, w->m, s, n)) != UB_OK)
            return st;
        w->pend_n = 0;
        s = w->joined.data;
        n = w->joined.len;
    }
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, start = 0;
    while ((i += utf8_valid_prefix(p + i, n - i)) < n) {
        if (more && utf8_lead_len(p[i]) > n - i) {
            memcpy(w->pend, p + i, n - i);
            w->pend_n = n - i;
            break;
        }
        if ((st = writer_raw(w, s + start, i - start)) != UB_OK ||
            (st = writer_raw(w, writer_fffd, sizeof writer_fffd)) != UB_OK)
            return st;
        start = ++i;
    }
    return writer_raw(w, s + start, (i < n ? i : n) - start);
}

/* A document's end within a long line's sequence: one U+FFFD a byte. */
static ub_status utf8_pend_out(writer *w)
{
    ub_status st = UB_OK;
    for (; w->pend_n > 0 && st == UB_OK; w->pend_n--)
        st = writer_raw(w, writer_fffd, sizeof writer_fffd);
    return st;
}

static ub_status text_line_out(writer *w, const unit *u)
{
    ub_status st = note_gap(w, u);
    if (st != UB_OK)
        return st;
    if (w->any && w->gap_lines > 0) {
        /* the blank lines as they were, "\n"-joined in w->gap, and bare
         * newlines for those too many to keep */
        if (w->gap_kept > 0 &&
            ((st = writer_raw(w, w->gap.data, w->gap.len)) != UB_OK ||
             (st = writer_raw(w, "\n", 1)) != UB_OK))
            return st;
        for (unsigned i = w->gap_kept; i < w->gap_lines; i++)
            if ((st = writer_raw(w, "\n", 1)) != UB_OK)
                return st;
    }
    w->gap_set = 0;
    w->gap_lines = 0;
    w->any = 1;
    const buf *b = unit_bytes(u);
    if ((st = w->utf8 ? utf8_line_out(w, b->data, b->len, u->open)
                      : writer_raw(w, b->data, b->len)) != UB_OK)
        return st;
    /* each line keeps its own terminator: an open line's comes with its
     * tail, and the input's last line may have none */
    return u->open || u->unterminated ? UB_OK : writer_raw(w, "\n", 1);
}

/* The measurement columns of features.def as --explain prints them,
 * "key=value " each, appended at out[n]; returns the new length. */
static size_t explain_columns(char *out, size_t n, size_t size, const unit *u)
{
    const features *f = &u->f;
#define UB_COLUMN(key, format, value, what) \
    if (n < size) \
        n += (size_t)snprintf(out + n, size - n, #key "=" format " ", value);
#include "features.def"
    return n < size ? n : size - 1;
}

/* Every feature of u as "name=value" tokens (and the document's language
 * on its first block), each followed by a space. */
static void explain_features(const unit *u, char *out, size_t size)
{
    char doc[64] = "";
    /* the first block of a document says the document's language and why */
    if (u->doc_why == CONTEXT_LANG_OPTION)
        snprintf(doc, sizeof doc, "doc=%s(--lang) ", stoplist_lang_code(u->doc_lang));
    else if (u->doc_why == CONTEXT_LANG_PAGE)
        snprintf(doc, sizeof doc, "doc=%s(html-lang) ", stoplist_lang_code(u->doc_lang));
    else if (u->doc_why == CONTEXT_LANG_HITS)
        snprintf(doc, sizeof doc, "doc=%s(hits:%u,%s:%u) ", stoplist_lang_code(u->doc_lang),
                 (unsigned)u->doc_hits[0], stoplist_lang_code(u->doc_next),
                 (unsigned)u->doc_hits[1]);
    size_t n = (size_t)snprintf(out, size, "p=%.2f ", u->score);
    n = explain_columns(out, n, size, u);
    snprintf(out + n, size - n, "%s", doc);
}

/* HTML: what kind of element the block was, as --explain names it. */
static const char *explain_kind(const unit *u, char *tag, size_t size)
{
    if (u->flags & BLOCK_TITLE)
        return "title";
    if (u->heading) {
        snprintf(tag, size, "h%u", u->heading);
        return tag;
    }
    return u->flags & BLOCK_LIST_ITEM ? "li" : "";
}

/* The readable forms (--explain=text, features, html): one record. */
static ub_status explain_record(writer *w, const unit *u, unsigned long number)
{
    char feats[1024], tag[16];
    explain_features(u, feats, sizeof feats);
    const char *kind = "";
    if (w->html)
        kind = (u->flags & BLOCK_PRE) ? "pre" : explain_kind(u, tag, sizeof tag);
    explain_block b = {
        .keep = u->keep, .reason = classify_reason_name(u->why),
        .cls = classify_class_name(u->v.cls), .lang = stoplist_lang_code(u->f.lang),
        .number = number, .kind = kind, .text = u->text.data, .len = u->text.len,
        .gap_lines = w->html ? 0 : u->gap_lines, .open = u->open, .features = feats
    };
    return explain_block_out(w->explain, &b);
}

static ub_status explain_unit(writer *w, const unit *u, unsigned long number)
{
    if (w->explain) {
        ub_status st = explain_start(w);
        return st == UB_OK ? explain_record(w, u, number) : st;
    }
    char head[1200], feats[1024];
    explain_features(u, feats, sizeof feats);
    snprintf(head, sizeof head, "%s %-17s %-9s #%lu %s%s | ",
             u->keep ? "KEEP" : "DROP", classify_reason_name(u->why),
             classify_class_name(u->v.cls), number, feats, stoplist_lang_code(u->f.lang));
    ub_status st;
    if (!w->html) {
        /* one output line per input line */
        for (unsigned i = 0; i < u->gap_lines; i++)
            if ((st = put(w, "     |\n")) != UB_OK)
                return st;
        const char *s = u->text.data, *end = s + u->text.len;
        for (;;) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
            if ((st = put(w, head)) != UB_OK || (st = writer_raw(w, s, n)) != UB_OK)
                return st;
            if (!nl)
                break;
            if ((st = put(w, "\n")) != UB_OK)
                return st;
            s = nl + 1;
        }
        return u->open ? UB_OK : put(w, "\n");
    }
    char tag[16];
    const char *kind = explain_kind(u, tag, sizeof tag);
    if ((st = put(w, head)) != UB_OK || (st = put(w, kind)) != UB_OK ||
        (*kind && (st = put(w, " ")) != UB_OK) ||
        (st = writer_raw(w, u->text.data, u->text.len)) != UB_OK)
        return st;
    return put(w, "\n");
}

/* --explain=tsv: one table for the whole stream, one row per block under
 * a header row, written once, that names the columns (features.def): the
 * document's number in the stream, the block's, the decision, the
 * measurements, the model's own
 * entries (x.NAME), the block's view as a neighbour (nb.NAME), the
 * window's entries (w.NAME), the language and the text, in which a tab,
 * newline, carriage return and backslash are written \t \n \r \\. */
static ub_status tsv_header(writer *w)
{
    static const char header[] = "document\tn\tkeep\twhy\tcls\tp"
#define UB_COLUMN(key, format, value, what) "\t" #key
#include "features.def"
#define UB_FEATURE(name, group, source, scale, what) "\tx." #name
#include "features.def"
#define UB_NEIGHBOUR(name, source, what) "\tnb." #name
#include "features.def"
        "\tnb.chars\tnb.prose"
#define UB_WINDOW(name, source, scale, what) "\tw." #name
#include "features.def"
        "\tlang\ttext\n";
    return writer_raw(w, header, sizeof header - 1);
}

static ub_status tsv_text(writer *w, const char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *esc = s[i] == '\t' ? "\\t" : s[i] == '\n' ? "\\n" :
                          s[i] == '\r' ? "\\r" : s[i] == '\\' ? "\\\\" : NULL;
        if (!esc)
            continue;
        ub_status st = writer_raw(w, s + from, i - from);
        if (st != UB_OK || (st = writer_raw(w, esc, 2)) != UB_OK)
            return st;
        from = i + 1;
    }
    return writer_raw(w, s + from, n - from);
}

static ub_status tsv_unit(writer *w, const unit *u, unsigned long number)
{
    char row[4096];
    const features *f = &u->f;
    const model_nb *nb = &u->nb;
    double x[MODEL_OWN_FEATURES];
    model_own(x, u);
    size_t n = (size_t)snprintf(row, sizeof row, "%lu\t%lu\t%s\t%s\t%s\t%.6f", w->document, number,
                                u->keep ? "KEEP" : "DROP", classify_reason_name(u->why),
                                classify_class_name(u->v.cls), u->score);
#define TSV_CELL(format, value) \
    if (n < sizeof row) \
        n += (size_t)snprintf(row + n, sizeof row - n, "\t" format, value);
#define UB_COLUMN(key, format, value, what) TSV_CELL(format, value)
#include "features.def"
    for (size_t i = 0; i < MODEL_OWN_FEATURES; i++)
        TSV_CELL("%.9g", x[i])
#define UB_NEIGHBOUR(name, source, what) TSV_CELL("%.9g", (double)nb->name)
#include "features.def"
    TSV_CELL("%.0f", nb->chars)
    TSV_CELL("%d", nb->prose)
    for (size_t i = 0; i < MODEL_WINDOW_FEATURES; i++)
        TSV_CELL("%.9g", u->window[i])
    TSV_CELL("%s", stoplist_lang_code(f->lang))
    TSV_CELL("%s", "")
#undef TSV_CELL
    if (n >= sizeof row)
        return UB_ENOMEM;
    ub_status st = writer_raw(w, row, n);
    if (st == UB_OK)
        st = tsv_text(w, u->text.data, u->text.len);
    return st == UB_OK ? writer_raw(w, "\n", 1) : st;
}

static ub_status explain_out(writer *w, const unit *u, unsigned long number)
{
    if (w->output == UB_OUTPUT_EXPLAIN)
        return explain_unit(w, u, number);
    if (!w->header_done) {
        w->header_done = 1;
        ub_status st = tsv_header(w);
        if (st != UB_OK)
            return st;
    }
    return tsv_unit(w, u, number);
}

/* The quotations a block is in. */
static unsigned md_quotes(const unit *u)
{
    if (!(u->flags & BLOCK_QUOTE))
        return 0;
    return u->quote ? u->quote : 1;
}

/* Lines of code: each after a newline and cont; the first joins the line
 * already written when the text continues one (a piece cut mid-line). */
static ub_status md_code_lines(writer *w, const char *s, size_t n, const char *cont, int join)
{
    const char *end = s + n;
    ub_status st = UB_OK;
    while (st == UB_OK && s <= end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        if (!join && (st = put(w, "\n")) == UB_OK)
            st = put(w, cont);
        join = 0;
        if (st == UB_OK)
            st = writer_raw(w, s, (size_t)(e - s));
        s = e + 1;
    }
    return st;
}

/* Open a fenced code block, its fence longer than any run of backticks
 * in text, with its language where the page gave one (w->fence_cont
 * starts each of its lines after the first). */
static ub_status md_fence_open(writer *w, const char *text, size_t n, const char *lang)
{
    size_t k = md_fence(text, n);
    if (k >= sizeof w->fence)
        k = sizeof w->fence - 1;
    memset(w->fence, '`', k);
    w->fence[k] = 0;
    ub_status st = put(w, w->fence);
    return st == UB_OK ? put(w, lang) : st;
}

static ub_status md_fence_close(writer *w)
{
    if (!w->fence[0])
        return UB_OK;
    ub_status st = put(w, "\n");
    if (st == UB_OK && (st = put(w, w->fence_cont)) == UB_OK)
        st = put(w, w->fence);
    w->fence[0] = 0;
    return st;
}

/* Code as a fenced block, left open for the block's later pieces; cont
 * starts each of its lines after the first (quotations, list items). */
static ub_status md_code_out(writer *w, const unit *u, const char *cont)
{
    snprintf(w->fence_cont, sizeof w->fence_cont, "%s", cont);
    ub_status st = md_fence_open(w, u->text.data, u->text.len, u->lang);
    return st == UB_OK ? md_code_lines(w, u->text.data, u->text.len, cont, 0) : st;
}

/* A later piece of a <pre> in its open code block, joined as the cut
 * parted it (a newline, a space, or nothing within a word).  In a block
 * of its own, with a longer fence, when it holds a run of backticks that
 * would close the open one (the first piece's fence was chosen without
 * seeing it); the line cut there is then parted too. */
static ub_status md_code_more(writer *w, const unit *u)
{
    ub_status st = UB_OK;
    int join = !(u->flags & BLOCK_LINE_CUT);
    if (md_fence(u->text.data, u->text.len) > strlen(w->fence)) {
        /* the close keeps fence_cont, the new block's too */
        if ((st = md_fence_close(w)) != UB_OK || (st = put(w, "\n")) != UB_OK ||
            (st = put(w, w->fence_cont)) != UB_OK ||
            (st = md_fence_open(w, u->text.data, u->text.len, u->lang)) != UB_OK)
            return st;
        join = 0;
    } else if (join && !(u->flags & BLOCK_MIDWORD) && (st = put(w, " ")) != UB_OK) {
        return st;
    }
    return md_code_lines(w, u->text.data, u->text.len, w->fence_cont, join);
}

/* A list item's indentation and marker: nested under the items written
 * last at each shallower depth, "1." numbered as on the page; more: the
 * item's later block, under its text.  *col: where the text begins. */
static ub_status md_item_out(writer *w, const unit *u, int more, unsigned *col)
{
    unsigned depth = u->list ? u->list : 1;
    if (depth > 16)
        depth = 16;
    unsigned indent = 0;
    for (unsigned d = 1; d < depth; d++)
        indent += w->marker[d] ? w->marker[d] : 2;
    char marker[24] = "";
    if (more) {
        indent += w->marker[depth] ? w->marker[depth] : 2;
    } else {
        int n = u->number ? snprintf(marker, sizeof marker, "%u. ", u->number)
                          : snprintf(marker, sizeof marker, "- ");
        w->marker[depth] = (unsigned)n;
        for (unsigned d = depth + 1; d <= 16; d++)
            w->marker[d] = 0;
    }
    *col = indent + (unsigned)strlen(marker);
    ub_status st = UB_OK;
    for (unsigned i = 0; i < indent && st == UB_OK; i++)
        st = put(w, " ");
    return st == UB_OK ? put(w, marker) : st;
}

/* A table row, its cells parted by tabs: "a | b" in text, "| a | b |" in
 * Markdown, where the table's first row is its header. */
static ub_status row_out(writer *w, const char *cont, const char *s, size_t n, int first)
{
    ub_status st = w->markdown ? put(w, "| ") : UB_OK;
    unsigned cells = 1;
    for (size_t i = 0; st == UB_OK;) {
        size_t j = i;
        while (j < n && s[j] != '\t')
            j++;
        size_t b = i, e = j;
        while (b < e && s[b] == ' ')
            b++;
        while (e > b && s[e - 1] == ' ')
            e--;
        if ((st = writer_raw(w, s + b, e - b)) != UB_OK || j == n)
            break;
        st = put(w, " | ");
        cells++;
        i = j + 1;
    }
    if (st != UB_OK || !w->markdown)
        return st;
    if ((st = put(w, " |")) != UB_OK || !first)
        return st;
    if ((st = put(w, "\n")) == UB_OK && (st = put(w, cont)) == UB_OK)
        st = put(w, "|");
    for (unsigned c = 0; c < cells && st == UB_OK; c++)
        st = put(w, " --- |");
    return st;
}

/* A block as Markdown that a CommonMark parser reads back as the same
 * block: its text escaped (or the reader's rendering, with links). */
static ub_status md_block_out(writer *w, const unit *u, int first_row, int more)
{
    ub_status st = UB_OK;
    unsigned level = (u->flags & BLOCK_TITLE) ? 1 : u->heading;
    /* what starts each line: "> " per quotation, then (below) the spaces
     * under a list item's marker */
    char cont[128];
    size_t cl = 0;
    for (unsigned q = 0; q < md_quotes(u) && cl + 2 < 64; q++) {
        cont[cl++] = '>';
        cont[cl++] = ' ';
    }
    cont[cl] = 0;
    if ((st = put(w, cont)) != UB_OK)
        return st;
    /* a heading in a list item stays in it: "- ## Title" */
    if ((u->flags & BLOCK_LIST_ITEM) && !(u->flags & BLOCK_TITLE)) {
        unsigned col;
        st = md_item_out(w, u, more, &col);
        while (cl + 1 < sizeof cont && col-- > 0)
            cont[cl++] = ' ';
        cont[cl] = 0;
    }
    if (st == UB_OK && level) {
        static const char hashes[] = "###### ";
        st = put(w, hashes + 6 - (level > 6 ? 6 : level));
    }
    if (st != UB_OK)
        return st;
    if (!level && (u->flags & BLOCK_PRE))
        return md_code_out(w, u, cont);
    const char *s = u->md.data;
    size_t n = u->md.len;
    if (!n) {
        w->scratch.len = 0;
        /* a row's cells are not at a line's start: "| 1. |" opens no list */
        if ((st = md_escape(&w->scratch, w->m, u->text.data, u->text.len,
                            !(u->flags & BLOCK_ROW))) != UB_OK)
            return st;
        s = w->scratch.data;
        n = w->scratch.len;
    }
    if (u->flags & BLOCK_ROW)
        return row_out(w, cont, s, n, first_row);
    /* "# C #" would close the heading at " #": "# C \#" */
    size_t k = n;
    while (level && k > 0 && s[k - 1] == '#')
        k--;
    if (k < n && k > 0 && s[k - 1] == ' ') {
        if ((st = writer_raw(w, s, k)) != UB_OK || (st = put(w, "\\")) != UB_OK)
            return st;
        s += k;
        n -= k;
    }
    return writer_raw(w, s, n);
}

static ub_status html_block_out(writer *w, const unit *u)
{
    ub_status st;
    if (w->fence[0] && (u->flags & (BLOCK_CONTINUED | BLOCK_PRE)) ==
                            (BLOCK_CONTINUED | BLOCK_PRE))
        return md_code_more(w, u);
    if ((st = md_fence_close(w)) != UB_OK)
        return st;
    if (u->flags & BLOCK_CONTINUED && w->any) {
        /* the separator the cut took out: a newline of <pre>, a space, or
         * none within a word */
        const char *joint = u->flags & BLOCK_LINE_CUT ? "\n"
                            : u->flags & BLOCK_MIDWORD || !u->text.len || u->text.data[0] == ' '
                            ? "" : " ";
        if (*joint && (st = put(w, joint)) != UB_OK)
            return st;
        if (w->markdown && !(u->flags & BLOCK_PRE)) {
            w->scratch.len = 0;
            if ((st = md_escape(&w->scratch, w->m, u->text.data, u->text.len, 0)) != UB_OK)
                return st;
            return writer_raw(w, w->scratch.data, w->scratch.len);
        }
        return writer_raw(w, u->text.data, u->text.len);
    }
    /* a Markdown table starts and ends at a blank line */
    int first_row = (u->flags & BLOCK_ROW) && !(w->last_flags & BLOCK_ROW);
    /* an item's later block goes under it if the item was written last */
    int more = w->markdown && (u->flags & BLOCK_ITEM_MORE) && w->any &&
               (w->last_flags & BLOCK_LIST_ITEM) && w->last_list >= u->list;
    if (w->any) {
        int tight = (u->flags & w->last_flags & (BLOCK_LIST_ITEM | BLOCK_CELL)) != 0 &&
                    !(w->markdown && ((u->flags ^ w->last_flags) & BLOCK_ROW)) && !more;
        /* two paragraphs of one quotation stay in it */
        unsigned quoted = w->markdown && !tight ? md_quotes(u) : 0;
        if (quoted > w->last_quote)
            quoted = w->last_quote;
        if ((st = put(w, "\n")) != UB_OK)
            return st;
        for (unsigned q = 0; q < quoted && q < 32 && st == UB_OK; q++)
            st = put(w, ">");
        if (st != UB_OK || (!tight && (st = put(w, "\n")) != UB_OK))
            return st;
    }
    w->any = 1;
    w->last_flags = u->flags;
    w->last_list = u->list ? u->list : 1;
    w->last_quote = md_quotes(u);
    if (w->markdown)
        return md_block_out(w, u, first_row, more);
    if (u->flags & BLOCK_ROW)
        return row_out(w, "", u->text.data, u->text.len, first_row);
    return writer_raw(w, u->text.data, u->text.len);
}

ub_status writer_unit(writer *w, const unit *u)
{
    w->units++;
    int show = w->output == UB_OUTPUT_INVERT ? !u->keep : u->keep;
    if (w->output >= UB_OUTPUT_EXPLAIN) {
        /* a row of the table holds the block's first BLOCK_MAX bytes */
        w->tail_on = w->output == UB_OUTPUT_EXPLAIN;
        return explain_out(w, u, w->units);
    }
    w->tail_on = show;
    if (!show)
        return w->html ? UB_OK : note_gap(w, u);
    return w->html ? html_block_out(w, u) : text_line_out(w, u);
}

ub_status writer_tail(writer *w, const char *s, size_t n)
{
    if (w->explain)
        return explain_tail(w->explain, s, n);
    if (!w->tail_on)
        return UB_OK;
    return w->utf8 ? utf8_line_out(w, s, n, !(n == 1 && s[0] == '\n')) : writer_raw(w, s, n);
}

ub_status writer_rescued(writer *w, const unit *run, const unsigned long *numbers, size_t n)
{
    ub_status st = UB_OK;
    /* the blank lines noted since the last written line lie partly after
     * the run; only its own come before it */
    w->gap_set = 0;
    w->gap_lines = 0;
    for (size_t i = 0; i < n && st == UB_OK; i++) {
        if (w->output >= UB_OUTPUT_EXPLAIN)
            st = explain_out(w, &run[i], numbers[i]);
        else
            st = w->html ? html_block_out(w, &run[i]) : text_line_out(w, &run[i]);
    }
    return st;
}

ub_status writer_end(writer *w, int nul)
{
    ub_status st = utf8_pend_out(w);
    if (st == UB_OK && w->explain && (st = explain_start(w)) == UB_OK)
        st = explain_end(w->explain);
    if (st == UB_OK)
        st = md_fence_close(w);
    if (st == UB_OK && w->output < UB_OUTPUT_EXPLAIN && w->any && w->html)
        st = put(w, "\n");
    /* the rows of --explain=tsv are one table: no NUL between documents,
     * whose rows the document column tells apart */
    if (st == UB_OK && nul && w->output != UB_OUTPUT_EXPLAIN_TSV)
        st = writer_raw(w, "", 1);
    return st;
}
