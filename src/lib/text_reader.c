/* text_reader.c - lines, blank runs and hard-wrapped paragraphs.
 *
 * A line continues the paragraph above it when the line above was cut by
 * wrapping: the next line's first word would not have fitted on it, the
 * indentation agrees and the line does not start a list item.  The wrap
 * width is the longest line seen so far in the document, believed only
 * once another line ends near it (wrapped text is ragged just below its
 * width; in unwrapped text the longest line stands alone), and only between WRAP_MIN and WRAP_MAX
 * columns: narrower, a title followed by a line looks wrapped; wider, no
 * terminal or mail reader wraps.  Where the document is shown to be hard
 * wrapped -- no line of it so far is longer than WRAP_MAX, and most of the
 * long lines of the paragraph's own indentation, WRAP_EVIDENCE of them at
 * least, end near that indentation's width -- that width is used instead
 * (and the line about to join counts towards the document's width): a
 * dump's headings and preformatted lines run wider than its paragraphs.
 * Without that evidence (unwrapped text, whose similar short lines at one
 * indentation are no paragraph) the document's width decides alone.  A
 * line of another indentation continues a centred paragraph when the two
 * lines share a centre with the box the paragraphs wrap in
 * (centred_join). */
#include <stdint.h>
#include <string.h>
#include "bullet.h"
#include "encoding.h"
#include "span.h"
#include "text_reader.h"

#define MIN_WRAP 40      /* lines shorter than this were not wrapped */
#define WRAP_MAX 200     /* lines longer than this were not wrapped */
#define WRAP_RAGGED 12   /* wrapped lines end this close to the width */
#define WRAP_LINES 2     /* lines that must end near a width to believe it */
#define WRAP_MIN 60      /* narrower than this, short lines (titles) look wrapped */
/* Lines of each indentation up to WRAP_INDENTS - 1 have their own width:
 * lynx -width=80 wraps paragraphs indented 3 at 74 columns, while its
 * headings at indentation 0 reach 77 and <pre> lines 80, so the longest
 * line of the document is wider than the paragraphs' edge and a line
 * whose next word would have fitted by it was cut all the same (on the
 * dev set's 80-column dumps, 2,644 of 2,881 such missed joins, by a
 * line-by-line alignment with the unwrapped dumps; README, "width of
 * each indentation"). */
#define WRAP_INDENTS 16
_Static_assert(WRAP_INDENTS <= 32, "text_reader.irows holds a bit per indentation");
/* Long lines (MIN_WRAP columns or more) of an indentation that must end
 * within WRAP_RAGGED of its width, and be most of its long lines, before
 * that width is used.  With 2 the paragraphs' own width changed 15 of the
 * dev set's 1,998 unwrapped dumps (short menu, date and JSON lines of one
 * indentation ending near one another), with 7 one; with 8 none, and
 * 80-column text F1 reads 0.890 against 0.892 without the test and 0.886
 * before (README, "width of each indentation"). */
#define WRAP_EVIDENCE 8
/* A centred paragraph's lines: the centres (indentation plus end column,
 * twice the centre) of two lines agree within CENTRE_SLACK, and lie within
 * CENTRE_BOX of the box's (its indentation plus its width).  Of the
 * 80-column dumps' pairs of lines of different indentation that the
 * unwrapped dumps hold in one paragraph, 4,987 have centres within 1 (most
 * of them on cleaneval's centred pages); with the box and the cut asked
 * for too, joins rise by 4,658 and false joins by 150 (README, "centred
 * paragraphs"). */
#define CENTRE_SLACK 1
#define CENTRE_BOX 2
/* A paragraph's indentation without WRAP_EVIDENCE lines of its own is
 * judged by its own width when another indentation shows hard wrapping at
 * a width within EDGE_SLACK of it (lynx wraps its boxes to one right
 * edge; an RFC's JSON in a <pre>, indented 14 under prose wrapped at 72,
 * ends near 66).  On the dev set's 80-column dumps joins rise by 98, 230
 * and 270 with 0, 2 and 4, false joins by 1, 17 and 38; with any
 * indentation's evidence instead (no edge asked for) by 263 and 123, and
 * the RFC's JSON lines join in the unwrapped dumps (README, "edge of
 * another indentation"). */
#define EDGE_SLACK 2
#define GAP_KEEP 4096    /* bytes of a blank run kept as they were */
#define DETECT_MAX (16u * 1024u) /* bytes from the first non-ASCII one that
                                    decide an undeclared charset */

struct text_reader {
    const mem *m;
    text_sink sink;
    buf line;            /* the line being read */
    unit *u;             /* the paragraph being built, or NULL */
    int in_tail;         /* inside the tail of a line too long to hold */
    int has_text;        /* u holds lines */
    unsigned width;      /* longest line seen up to WRAP_MAX columns */
    unsigned lengths[WRAP_MAX + 1];  /* lines seen of each length */
    /* per indentation: the two longest lines up to WRAP_MAX columns */
    unsigned iwidth[WRAP_INDENTS][2];
    /* per indentation: its lines of MIN_WRAP columns or more, and how many
     * of them are of each length up to WRAP_MAX */
    unsigned ilong[WRAP_INDENTS];
    unsigned ilengths[WRAP_INDENTS][WRAP_MAX + 1];
    /* the rows of ilengths in use: a document clears only those (13 KB
     * cleared whole for every document of a -z stream cost text mode
     * 1.5% of its instructions) */
    unsigned irows;
    int overlong;        /* a line longer than WRAP_MAX was seen */
    unsigned prev_cols, prev_indent, prev_body;  /* the last line of u */
    int any;             /* any byte in this document */
    int past_first;      /* the document's first line is done */
    /* Charset: lines are classified as UTF-8; in another charset each is
     * decoded into the unit's text and kept as it came in its raw (the
     * bytes written), unless utf8_out.  Undeclared and all ASCII so far
     * (tentative), the bytes from the first other one are held, up to
     * DETECT_MAX, to decide on. */
    encoding_decoder *dec;   /* NULL: UTF-8, lines taken as they are */
    encoding_decoder *tdec;  /* utf8_out: the tail of a line too long to hold */
    int tentative, utf8_out;
    buf hold;
    buf tbuf;                /* a decoded tail */
    buf dline;               /* a decoded line */
    char charset[ENCODING_NAME_MAX];
    /* UTF-16: a newline is two bytes and a byte 0x0A can be half of any
     * character, so the stream is decoded to UTF-8 before lines are cut
     * (and kept lines are written in UTF-8: UTF-16 lines are of no use to
     * the next program of a pipeline). */
    encoding_decoder *sdec;
    size_t sskip;            /* bytes of its BOM still to drop */
    buf sbuf;                /* decoded bytes */
};

/* input bytes decoded at a time from UTF-16 */
#define UTF16_PIECE (64u * 1024u)

text_reader *text_reader_new(const mem *m, const text_sink *sink)
{
    text_reader *r = mem_calloc(m, 1, sizeof *r);
    if (!r)
        return NULL;
    r->m = m;
    r->sink = *sink;
    return r;
}

void text_reader_free(text_reader *r)
{
    if (!r)
        return;
    encoding_decoder_free(r->dec);
    encoding_decoder_free(r->tdec);
    encoding_decoder_free(r->sdec);
    buf_free(&r->sbuf, r->m);
    buf_free(&r->hold, r->m);
    buf_free(&r->tbuf, r->m);
    buf_free(&r->dline, r->m);
    buf_free(&r->line, r->m);
    mem_free(r->m, r);
}

void text_reader_begin(text_reader *r)
{
    r->line.len = 0;
    buf_shrink(&r->line, r->m, 64 * 1024);
    r->u = NULL;
    r->in_tail = 0;
    r->has_text = 0;
    r->width = 0;
    memset(r->lengths, 0, sizeof r->lengths);
    memset(r->iwidth, 0, sizeof r->iwidth);
    memset(r->ilong, 0, sizeof r->ilong);
    for (unsigned rows = r->irows, i = 0; rows; rows >>= 1, i++)
        if (rows & 1)
            memset(r->ilengths[i], 0, sizeof r->ilengths[i]);
    r->irows = 0;
    r->overlong = 0;
    r->any = 0;
    r->past_first = 0;
    encoding_decoder_free(r->dec);
    encoding_decoder_free(r->tdec);
    r->dec = r->tdec = NULL;
    encoding_decoder_free(r->sdec);
    r->sdec = NULL;
    r->sskip = 0;
    buf_shrink(&r->sbuf, r->m, 2 * UTF16_PIECE);
    r->tentative = 1;
    r->utf8_out = 0;
    r->hold.len = 0;
    buf_shrink(&r->hold, r->m, DETECT_MAX);
    strcpy(r->charset, "UTF-8");
}

/* Sets the decoders for r->charset. */
static ub_status set_decoders(text_reader *r)
{
    encoding_decoder_free(r->dec);
    encoding_decoder_free(r->tdec);
    r->dec = r->tdec = NULL;
    if (strcmp(r->charset, "UTF-8") == 0)
        return UB_OK;
    int unknown;
    r->dec = encoding_decoder_new(r->m, r->charset, &unknown);
    if (r->dec && r->utf8_out)
        r->tdec = encoding_decoder_new(r->m, r->charset, &unknown);
    if (!r->dec || (r->utf8_out && !r->tdec)) {
        encoding_decoder_free(r->dec);
        r->dec = NULL;
        if (!unknown)
            return UB_ENOMEM;
        strcpy(r->charset, "UTF-8");   /* iconv cannot: lines as they are */
    }
    return UB_OK;
}

ub_status text_reader_charset(text_reader *r, const char *head, size_t len,
                              const char *override, const char *http_charset,
                              int utf8_out)
{
    encoding_choice ch;
    char over[ENCODING_NAME_MAX];
    const char *bom;
    r->utf8_out = utf8_out;
    if (!override && !http_charset && !encoding_bom(head, len, &bom)) {
        /* nothing declares it: the bytes decide (text_reader_feed), and
         * encoding_detect would only guess on the head to be overruled */
        r->tentative = 1;
        return UB_OK;
    }
    if (override && !encoding_canonical(override, strlen(override), over))
        override = NULL;   /* ub_filter_new refused unknown names already */
    encoding_detect(head, len, override ? over : NULL, http_charset, 0, &ch);
    r->tentative = ch.tentative || ch.source == ENCODING_FROM_GUESS ||
                   ch.source == ENCODING_FROM_DETECTOR;
    if (r->tentative)
        return UB_OK;
    if (strncmp(ch.name, "UTF-16", 6) == 0) {
        int unknown;
        r->sdec = encoding_decoder_new(r->m, ch.name, &unknown);
        if (!r->sdec)
            return UB_ENOMEM;   /* UTF-16 is decoded here, never unknown */
        r->sskip = ch.skip;
        strcpy(r->charset, ch.name);
        return UB_OK;
    }
    /* a UTF-8 BOM's bytes stay on the line, as they came */
    strcpy(r->charset, ch.name);
    return set_decoders(r);
}

const char *text_reader_charset_name(const text_reader *r)
{
    return r->tentative ? "" : r->charset;
}

typedef struct shape {
    unsigned cols;     /* code points, without the trailing spaces (past
                          WRAP_MAX: some number past WRAP_MAX) */
    unsigned indent;   /* leading spaces */
    unsigned body;     /* where the text starts after a bullet */
    unsigned word;     /* code points of the first word */
    int bullet;
    int blank;
} shape;

static void measure(const char *s, size_t n, shape *sh)
{
    memset(sh, 0, sizeof *sh);
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    /* indentation and padding run long in some dumps: spaces a span at a
     * time, the other blanks one by one */
    for (;;) {
        size_t k = i < n && s[i] == ' ' ? span_byte(u + i, n - i, ' ') : 0;
        sh->indent += (unsigned)k;
        i += k;
        if (i >= n || s[i] != '\t')
            break;
        sh->indent += 8;
        i++;
    }
    size_t end = n;
    for (;;) {
        if (end > i && s[end - 1] == ' ')
            end -= span_byte_back(u + i, end - i, ' ');
        if (end <= i || !(s[end - 1] == '\t' || s[end - 1] == '\r' || s[end - 1] == '\f' ||
                          s[end - 1] == '\v'))
            break;
        end--;
    }
    if (i == end) {
        sh->blank = 1;
        return;
    }
    sh->body = sh->indent;
    unsigned char c = (unsigned char)s[i];
    if (bullet_ascii(c) && i + 1 < end &&
        s[i + 1] == ' ') {
        sh->bullet = 1;
        sh->body = sh->indent + 2;
    } else if (c == 0xE2 && i + 3 < end && (unsigned char)s[i + 1] == 0x80 &&
               (unsigned char)s[i + 2] == 0xA2) {       /* U+2022 bullet */
        sh->bullet = 1;
        sh->body = sh->indent + 2;
    } else if (c >= '0' && c <= '9') {
        size_t j = i;
        while (j < end && s[j] >= '0' && s[j] <= '9')
            j++;
        if (j + 1 < end && (s[j] == '.' || s[j] == ')') && s[j + 1] == ' ') {
            sh->bullet = 1;
            sh->body = sh->indent + (unsigned)(j - i) + 2;
        }
    }
    /* the first word's code points: its bytes, less continuation bytes,
     * looked for only if a byte is not ASCII */
    size_t w = i;
    unsigned char high = 0;
    /* eight bytes a step while they hold no space, whatever their bytes: a
     * line of Chinese has no space to stop at */
    uint64_t seen = 0;
    int found = 0;
    while (w + 8 <= end) {
        uint64_t v = span_load8(u + w), sp = span_has_equal(v, ' ');
        if (sp) {
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* the lowest flag is exact: the first space, byte k */
            unsigned k = (unsigned)__builtin_ctzll(sp) / 8;
            seen |= v & (((uint64_t)1 << (8 * k)) - 1);
            w += k;
            found = 1;
#endif
            break;
        }
        seen |= v;
        w += 8;
    }
    if (!found)
        for (; w < end && s[w] != ' '; w++)
            high |= (unsigned char)s[w];
    if (seen & SPAN_HIGH)
        high |= 0x80;
    sh->word = (unsigned)(w - i);
    if (high & 0x80)
        for (size_t j = i; j < w; j++)
            sh->word -= ((unsigned char)s[j] & 0xC0) == 0x80;
    if (end - i > 4 * WRAP_MAX) {
        /* too long to be a wrapped line, whatever its characters */
        sh->cols = sh->indent + (unsigned)(end - i > UINT32_MAX / 2 ? UINT32_MAX / 2 : end - i);
        return;
    }
    /* code points: bytes less continuation bytes (span.h), counted no
     * further than needed to know the line is wider than WRAP_MAX, which
     * is all the width of so wide a line is used for */
    size_t cont = 0, j = i;
    if (end - i > WRAP_MAX)   /* else the whole line in one call */
        for (; j + 64 <= end && j - i - cont <= WRAP_MAX; j += 64)
            cont += span_cont(u + j, 64);
    if (j - i - cont <= WRAP_MAX) {
        cont += span_cont(u + j, end - j);
        j = end;
    }
    unsigned cols = sh->indent + (unsigned)(j - i - cont);
    sh->cols = cols;
}

/* measure() of a line of the document; a first line that is its BOM and
 * blanks shows nothing and is blank (a U+FEFF later on is a character, as
 * lynx writes one for a page's stray BOM: not changed here) */
static void line_shape(const text_reader *r, const char *s, size_t n, shape *sh)
{
    measure(s, n, sh);
    if (!r->past_first && !sh->blank && sh->indent == 0 && n >= 3 &&
        memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        shape rest;
        measure(s + 3, n - 3, &rest);
        sh->blank = rest.blank;
    }
}

static ub_status start_unit(text_reader *r)
{
    if (!r->u)
        r->u = r->sink.slot(r->sink.ctx);
    return UB_OK;
}

static ub_status push_unit(text_reader *r)
{
    if (!r->u || !r->has_text)
        return UB_OK;
    r->u = NULL;
    r->has_text = 0;
    return r->sink.push(r->sink.ctx);
}

/* The document's width, counting the line of `cols` about to join too: the
 * first paragraph's second line may be its longest. */
static unsigned doc_width(const text_reader *r, unsigned cols)
{
    return cols <= WRAP_MAX && cols > r->width ? cols : r->width;
}

/* Whether the document's width `w` is believed, counting the line of `cols`
 * about to join too. */
static int wrap_believed(const text_reader *r, unsigned w, unsigned cols)
{
    if (w < WRAP_MIN)
        return 0;
    unsigned near = cols + WRAP_RAGGED >= w && cols <= w;
    for (unsigned c = w - WRAP_RAGGED; c <= w; c++)
        near += r->lengths[c];
    return near >= WRAP_LINES;
}

/* The width of the lines at `indent`, counting the line of `cols` about to
 * join too, if two of them end near it (as the document's width is
 * believed); 0 if not. */
static unsigned indent_width(const text_reader *r, unsigned indent, unsigned cols)
{
    if (indent >= WRAP_INDENTS)
        return 0;
    unsigned w1 = r->iwidth[indent][0], w2 = r->iwidth[indent][1];
    if (cols <= WRAP_MAX && cols > w2) {
        w2 = cols > w1 ? w1 : cols;
        w1 = cols > w1 ? cols : w1;
    }
    return w1 >= WRAP_MIN && w2 + WRAP_RAGGED >= w1 ? w1 : 0;
}

/* Whether the document shows hard wrapping at `w`, the width of the lines
 * at `indent` (nonzero): no line so far, the one of `cols` about to join
 * included, is longer than WRAP_MAX, and of the indentation's lines of
 * MIN_WRAP columns or more (that line counted too if `same`, of the same
 * indentation), WRAP_EVIDENCE and most end within WRAP_RAGGED of w. */
static int indent_wrapped(const text_reader *r, unsigned indent, unsigned w,
                          unsigned cols, int same)
{
    if (r->overlong || cols > WRAP_MAX)
        return 0;
    unsigned near = same && cols + WRAP_RAGGED >= w && cols <= w;
    unsigned lines = r->ilong[indent] + (same && cols >= MIN_WRAP);
    for (unsigned c = w - WRAP_RAGGED; c <= w; c++)
        near += r->ilengths[indent][c];
    return near >= WRAP_EVIDENCE && 2 * near > lines;
}

/* Whether another indentation of the document shows hard wrapping
 * (indent_wrapped) at a width within EDGE_SLACK of `w`. */
static int edge_wrapped(const text_reader *r, unsigned indent, unsigned w, unsigned cols)
{
    for (unsigned rows = r->irows, l = 0; rows; rows >>= 1, l++) {
        if (!(rows & 1) || l == indent)
            continue;
        unsigned lw = indent_width(r, l, 0);
        if (lw && lw + EDGE_SLACK >= w && w + EDGE_SLACK >= lw &&
            indent_wrapped(r, l, lw, cols, 0))
            return 1;
    }
    return 0;
}

/* Whether a line of `indent` and `cols` continues a centred paragraph whose
 * last line so far is r->prev_*: lynx centres each wrapped line of a
 * centred paragraph in the box its paragraphs wrap in (3 to 74 columns at
 * -width=80), so the two lines' indentations differ while their centres
 * agree with each other and with the box's.  The line above was cut when,
 * moved to the box's left edge, the first word of this one would still not
 * have fitted.  The box is the shallowest indentation, no deeper than
 * either line, whose width is believed (indent_width) and centres there,
 * in a document with no line over WRAP_MAX.  The WRAP_EVIDENCE lines
 * indent_wrapped asks for come too late on a page whose paragraphs are all
 * centred (its first paragraphs left in pieces): with them 80-column
 * cleaneval reads 0.8859, without 0.8877 (README, "centred paragraphs").
 * A list item's first line is not taken for a centred one: an RFC's
 * hanging indent ("   *  GET a folder: ..." over a line indented 10) has
 * two centres that agree by chance, and was the only unwrapped dump of
 * the dev set that this moved. */
static int centred_join(const text_reader *r, unsigned indent, unsigned cols, unsigned word)
{
    unsigned c1 = r->prev_indent + r->prev_cols, c2 = indent + cols;
    if (r->overlong || cols > WRAP_MAX || r->prev_body != r->prev_indent ||
        c1 > c2 + CENTRE_SLACK || c2 > c1 + CENTRE_SLACK)
        return 0;
    unsigned len = r->prev_cols - r->prev_indent;
    unsigned top = indent < r->prev_indent ? indent : r->prev_indent;
    for (unsigned l = 0; l <= top && l < WRAP_INDENTS; l++) {
        if (!(r->irows & 1u << l))
            continue;
        unsigned w = indent_width(r, l, 0);
        if (w && l + w + CENTRE_BOX >= c1 && c1 + CENTRE_BOX >= l + w)
            return l + len + 1 + word > w - 1;
    }
    return 0;
}

/* Appends s[0..n) decoded by d to out; `final`: s ends where a character
 * must end. */
static ub_status decode_append(const mem *m, encoding_decoder *d, buf *out,
                               const char *s, size_t n, int final)
{
    for (;;) {
        ub_status st = buf_reserve(out, m, 4 * n + 2 * ENCODING_MIN_OUT);
        if (st != UB_OK)
            return st;
        out->len += encoding_decode(d, &s, &n, out->data + out->len, out->cap - out->len,
                                    final);
        if (n == 0)
            return UB_OK;
    }
}

/* More of the tail of a line too long to hold: as it came, or decoded
 * with utf8_out (`final` at its end). */
static ub_status tail_out(text_reader *r, const char *s, size_t n, int final)
{
    if (!r->tdec)
        return n ? r->sink.tail(r->sink.ctx, s, n) : UB_OK;
    r->tbuf.len = 0;
    ub_status st = decode_append(r->m, r->tdec, &r->tbuf, s, n, final);
    if (st == UB_OK && r->tbuf.len)
        st = r->sink.tail(r->sink.ctx, r->tbuf.data, r->tbuf.len);
    return st;
}

/* One complete line (without its '\n'), as it came in the input's charset;
 * last: the input's last line, which no '\n' ends (a blank one goes with
 * the trailing blank run, blank as its decoded text says). */
static ub_status line_done(text_reader *r, const char *raw, size_t raw_n, int last)
{
    const char *s = raw;
    size_t n = raw_n;
    ub_status st;
    if (r->dec) {
        r->dline.len = 0;
        if ((st = decode_append(r->m, r->dec, &r->dline, raw, raw_n, 1)) != UB_OK)
            return st;
        s = r->dline.data ? r->dline.data : "";
        n = r->dline.len;
    }
    int keep_raw = r->dec && !r->utf8_out;
    shape sh;
    line_shape(r, s, n, &sh);
    r->past_first = 1;
    if (sh.blank) {
        if ((st = push_unit(r)) != UB_OK || (st = start_unit(r)) != UB_OK)
            return st;
        unit *u = r->u;
        /* a blank run's bytes are kept only while short: whitespace beyond
         * that carries nothing and must not cost memory; the lines past
         * what is kept are counted and written as bare newlines.  Kept, they
         * are the bytes as they came (a decoder drops NULs: "\0\r\0" is
         * blank once decoded) */
        const char *g = keep_raw ? raw : s;
        size_t gn = keep_raw ? raw_n : n;
        if (u->gap_lines == u->gap_kept && u->gap.len + gn + 1 < GAP_KEEP) {
            if (u->gap_lines > 0 && (st = buf_append(&u->gap, r->m, "\n", 1)) != UB_OK)
                return st;
            if ((st = buf_append(&u->gap, r->m, g, gn)) != UB_OK)
                return st;
            u->gap_kept++;
        }
        u->gap_lines++;
        return UB_OK;
    }
    /* whether the first word would have fitted on the line before comes
     * before wrap_believed, which sums a stretch of the histogram */
    int joins = 0;
    int may = r->has_text && !sh.bullet && r->prev_cols >= MIN_WRAP &&
              r->u->text.len + n + 1 <= BLOCK_MAX;
    if (may && sh.indent != r->prev_indent && sh.indent != r->prev_body) {
        joins = centred_join(r, sh.indent, sh.cols, sh.word);
    } else if (may) {
        /* the width of the paragraph's indentation where the document
         * shows hard wrapping, else the document's */
        int same = sh.indent == r->prev_indent;
        unsigned w = indent_width(r, r->prev_indent, same ? sh.cols : 0);
        int wrapped = w && (indent_wrapped(r, r->prev_indent, w, sh.cols, same) ||
                            edge_wrapped(r, r->prev_indent, w, sh.cols));
        if (!wrapped)
            w = r->width;
        joins = r->prev_cols <= w && r->prev_cols + 1 + sh.word > w - 1 &&
                wrap_believed(r, wrapped ? doc_width(r, sh.cols) : r->width,
                              sh.cols);
    }
    if (sh.cols > WRAP_MAX)
        r->overlong = 1;
    if (sh.indent < WRAP_INDENTS && sh.cols >= MIN_WRAP) {
        r->ilong[sh.indent]++;
        if (sh.cols <= WRAP_MAX) {
            r->ilengths[sh.indent][sh.cols]++;
            r->irows |= 1u << sh.indent;
        }
    }
    if (sh.cols <= WRAP_MAX) {
        r->lengths[sh.cols]++;
        if (sh.cols > r->width)
            r->width = sh.cols;
        if (sh.indent < WRAP_INDENTS) {
            unsigned *iw = r->iwidth[sh.indent];
            if (sh.cols > iw[0]) {
                iw[1] = iw[0];
                iw[0] = sh.cols;
            } else if (sh.cols > iw[1]) {
                iw[1] = sh.cols;
            }
        }
    }
    if (!joins) {
        if ((st = push_unit(r)) != UB_OK || (st = start_unit(r)) != UB_OK)
            return st;
    } else if ((st = buf_append(&r->u->text, r->m, "\n", 1)) != UB_OK ||
               (keep_raw && (st = buf_append(&r->u->raw, r->m, "\n", 1)) != UB_OK)) {
        return st;
    }
    if ((st = buf_append(&r->u->text, r->m, s, n)) != UB_OK ||
        (keep_raw && (st = buf_append(&r->u->raw, r->m, raw, raw_n)) != UB_OK))
        return st;
    r->has_text = 1;
    r->u->unterminated = last;
    r->prev_cols = sh.cols;
    r->prev_indent = sh.indent;
    r->prev_body = sh.body;
    return UB_OK;
}

/* The line being read outgrew BLOCK_MAX: decide it on its first `keep`
 * bytes (a character boundary) and stream the rest of it. */
static ub_status line_open(text_reader *r, size_t keep)
{
    ub_status st;
    if ((st = push_unit(r)) != UB_OK || (st = start_unit(r)) != UB_OK)
        return st;
    unit *u = r->u;
    if (r->dec) {
        if ((st = decode_append(r->m, r->dec, &u->text, r->line.data, keep, 1)) != UB_OK ||
            (!r->utf8_out && (st = buf_append(&u->raw, r->m, r->line.data, keep)) != UB_OK))
            return st;
    } else if ((st = buf_append(&u->text, r->m, r->line.data, keep)) != UB_OK) {
        return st;
    }
    u->open = 1;
    r->past_first = 1;
    r->u = NULL;
    r->has_text = 0;
    r->in_tail = 1;
    if ((st = r->sink.open(r->sink.ctx)) == UB_OK)
        st = tail_out(r, r->line.data + keep, r->line.len - keep, 0);
    r->line.len = 0;
    return st;
}

static ub_status lines_feed(text_reader *r, const char *s, size_t n)
{
    ub_status st;
    while (n > 0) {
        const char *nl = memchr(s, '\n', n);
        size_t take = nl ? (size_t)(nl - s) : n;
        if (r->in_tail) {
            if ((st = tail_out(r, s, take, nl != NULL)) != UB_OK)
                return st;
            if (nl) {
                if ((st = r->sink.tail(r->sink.ctx, "\n", 1)) != UB_OK)
                    return st;
                r->in_tail = 0;
            }
        } else {
            size_t room = BLOCK_MAX - r->line.len;
            if (take > room) {
                /* fill up to the limit, hold back a character cut in two
                 * (wherever the chunks were cut), then stream */
                if ((st = buf_append(&r->line, r->m, s, room)) != UB_OK)
                    return st;
                size_t keep = r->line.len;
                while (keep + 3 > r->line.len && keep > 0 &&
                       ((unsigned char)(keep < r->line.len ? r->line.data[keep]
                                                                       : s[room]) & 0xC0) == 0x80)
                    keep--;
                if ((st = line_open(r, keep)) != UB_OK)
                    return st;
                s += room;
                n -= room;
                continue;
            }
            if (nl && r->line.len == 0) {
                st = line_done(r, s, take, 0);
            } else {
                st = buf_append(&r->line, r->m, s, take);
                if (st == UB_OK && nl) {
                    st = line_done(r, r->line.data, r->line.len, 0);
                    r->line.len = 0;
                }
            }
            if (st != UB_OK)
                return st;
        }
        if (!nl)
            break;
        s = nl + 1;
        n -= take + 1;
    }
    return UB_OK;
}

/* The held bytes decide the charset (see text_reader.tentative), then go
 * through as lines. */
static ub_status decide_late(text_reader *r)
{
    r->tentative = 0;
    encoding_guess(r->hold.data, r->hold.len, r->charset);
    ub_status st = set_decoders(r);
    /* a paragraph begun in ASCII goes on in the held bytes: its raw
     * starts as its text */
    if (st == UB_OK && r->dec && !r->utf8_out && r->u && r->has_text && r->u->raw.len == 0)
        st = buf_append(&r->u->raw, r->m, r->u->text.data, r->u->text.len);
    if (st == UB_OK)
        st = lines_feed(r, r->hold.data, r->hold.len);
    r->hold.len = 0;
    buf_shrink(&r->hold, r->m, DETECT_MAX);
    return st;
}

/* UTF-16 input: decoded to UTF-8 a piece at a time, then cut into lines
 * (`final` at its end). */
static ub_status utf16_feed(text_reader *r, const char *s, size_t n, int final)
{
    size_t drop = r->sskip < n ? r->sskip : n;
    s += drop;
    n -= drop;
    r->sskip -= drop;
    do {
        size_t take = n < UTF16_PIECE ? n : UTF16_PIECE;
        r->sbuf.len = 0;
        ub_status st = decode_append(r->m, r->sdec, &r->sbuf, s, take, final && take == n);
        if (st == UB_OK && r->sbuf.len)
            st = lines_feed(r, r->sbuf.data, r->sbuf.len);
        if (st != UB_OK)
            return st;
        s += take;
        n -= take;
    } while (n > 0);
    return UB_OK;
}

ub_status text_reader_feed(text_reader *r, const char *s, size_t n)
{
    ub_status st;
    if (n)
        r->any = 1;
    if (r->sdec)
        return n ? utf16_feed(r, s, n, 0) : UB_OK;
    if (r->tentative && n > 0) {
        if (r->hold.len == 0) {
            /* ASCII reads alike in every charset this takes */
            size_t a = encoding_ascii_prefix(s, n);
            if ((st = lines_feed(r, s, a)) != UB_OK)
                return st;
            s += a;
            n -= a;
            if (n == 0)
                return UB_OK;
        }
        size_t take = DETECT_MAX - r->hold.len;
        if (take > n)
            take = n;
        if ((st = buf_append(&r->hold, r->m, s, take)) != UB_OK)
            return st;
        s += take;
        n -= take;
        if (r->hold.len < DETECT_MAX)
            return UB_OK;
        if ((st = decide_late(r)) != UB_OK)
            return st;
    }
    return lines_feed(r, s, n);
}

ub_status text_reader_end(text_reader *r)
{
    ub_status st = UB_OK;
    if (r->tentative && r->hold.len > 0 && (st = decide_late(r)) != UB_OK)
        return st;
    if (r->sdec && (st = utf16_feed(r, "", 0, 1)) != UB_OK)
        return st;
    if (!r->in_tail && r->line.len > 0) {
        st = line_done(r, r->line.data, r->line.len, 1);
        r->line.len = 0;
    }
    if (st == UB_OK)
        st = push_unit(r);
    r->in_tail = 0;
    r->u = NULL;
    return st;
}
