/* text_reader.c - lines, blank runs and hard-wrapped paragraphs.
 *
 * A line continues the paragraph above it when the line above was cut by
 * wrapping: the next line's first word would not have fitted on it, the
 * indentation agrees and the line does not start a list item.  The wrap
 * width is the longest line seen so far in the document, believed only
 * once another line ends near it (wrapped text is ragged just below its
 * width; in unwrapped text the longest line stands alone), and only
 * between WRAP_MIN and WRAP_MAX columns: narrower, a title followed by a
 * line looks wrapped; wider, no terminal or mail reader wraps. */
#include <stdint.h>
#include <string.h>
#include "text_reader.h"

#define MIN_WRAP 40      /* lines shorter than this were not wrapped */
#define WRAP_MAX 200     /* lines longer than this were not wrapped */
#define WRAP_RAGGED 12   /* wrapped lines end this close to the width */
#define WRAP_LINES 2     /* lines that must end near a width to believe it */
#define WRAP_MIN 60      /* narrower than this, short lines (titles) look wrapped */
#define GAP_KEEP 4096    /* bytes of a blank run kept as they were */

struct text_reader {
    const mem *m;
    text_sink sink;
    buf line;            /* the line being read */
    unit *u;             /* the paragraph being built, or NULL */
    int in_tail;         /* inside the tail of a line too long to hold */
    int has_text;        /* u holds lines */
    unsigned width;      /* longest line seen up to WRAP_MAX columns */
    unsigned lengths[WRAP_MAX + 1];  /* lines seen of each length */
    unsigned prev_cols, prev_indent, prev_body;  /* the last line of u */
    int any;             /* any byte in this document */
};

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
    r->any = 0;
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

/* Bytes of the form 10xxxxxx among s[0..8). */
static inline size_t continuation_bytes8(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    uint64_t m = (x & ~(x << 1) & 0x8080808080808080ull) >> 7;
    return (size_t)((m * 0x0101010101010101ull) >> 56);   /* sum of the bytes */
}

static void measure(const char *s, size_t n, shape *sh)
{
    memset(sh, 0, sizeof *sh);
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) {
        sh->indent += s[i] == '\t' ? 8 : 1;
        i++;
    }
    size_t end = n;
    while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r' ||
                       s[end - 1] == '\f' || s[end - 1] == '\v'))
        end--;
    if (i == end) {
        sh->blank = 1;
        return;
    }
    sh->body = sh->indent;
    unsigned char c = (unsigned char)s[i];
    if ((c == '*' || c == '+' || c == '-' || c == 'o' || c == '#') && i + 1 < end &&
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
    for (; w < end && s[w] != ' '; w++)
        high |= (unsigned char)s[w];
    sh->word = (unsigned)(w - i);
    if (high & 0x80)
        for (size_t j = i; j < w; j++)
            sh->word -= ((unsigned char)s[j] & 0xC0) == 0x80;
    if (end - i > 4 * WRAP_MAX) {
        /* too long to be a wrapped line, whatever its characters */
        sh->cols = sh->indent + (unsigned)(end - i > UINT32_MAX / 2 ? UINT32_MAX / 2 : end - i);
        return;
    }
    /* code points: bytes less continuation bytes, counted eight at a
     * time, and no further than needed to know the line is wider than
     * WRAP_MAX, which is all the width of so wide a line is used for */
    size_t cont = 0, j = i;
    while (j + 64 <= end && j - i - cont <= WRAP_MAX)
        for (size_t stop = j + 64; j < stop; j += 8)
            cont += continuation_bytes8(s + j);
    if (j - i - cont <= WRAP_MAX) {
        for (; j + 8 <= end; j += 8)
            cont += continuation_bytes8(s + j);
        for (; j < end; j++)
            cont += ((unsigned char)s[j] & 0xC0) == 0x80;
    }
    unsigned cols = sh->indent + (unsigned)(j - i - cont);
    sh->cols = cols;
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

/* Whether the width is believed, counting the line about to join too. */
static int wrap_believed(const text_reader *r, unsigned cols)
{
    if (r->width < WRAP_MIN)
        return 0;
    unsigned near = cols + WRAP_RAGGED >= r->width && cols <= r->width;
    for (unsigned c = r->width - WRAP_RAGGED; c <= r->width; c++)
        near += r->lengths[c];
    return near >= WRAP_LINES;
}

/* One complete line (without its '\n'). */
static ub_status line_done(text_reader *r, const char *s, size_t n)
{
    shape sh;
    measure(s, n, &sh);
    ub_status st;
    if (sh.blank) {
        if ((st = push_unit(r)) != UB_OK || (st = start_unit(r)) != UB_OK)
            return st;
        unit *u = r->u;
        /* a blank run's bytes are kept only while short: whitespace beyond
         * that carries nothing and must not cost memory; the lines past
         * what is kept are counted and written as bare newlines */
        if (u->gap_lines == u->gap_kept && u->gap.len + n + 1 < GAP_KEEP) {
            if (u->gap_lines > 0 && (st = buf_append(&u->gap, r->m, "\n", 1)) != UB_OK)
                return st;
            if ((st = buf_append(&u->gap, r->m, s, n)) != UB_OK)
                return st;
            u->gap_kept++;
        }
        u->gap_lines++;
        return UB_OK;
    }
    /* whether the first word would have fitted on the line before comes
     * before wrap_believed, which sums a stretch of the histogram */
    int joins = r->has_text && !sh.bullet && r->prev_cols >= MIN_WRAP &&
                r->prev_cols <= r->width &&
                r->prev_cols + 1 + sh.word > r->width - 1 &&
                wrap_believed(r, sh.cols) &&
                (sh.indent == r->prev_indent || sh.indent == r->prev_body) &&
                r->u->text.len + n + 1 <= BLOCK_MAX;
    if (sh.cols <= WRAP_MAX) {
        r->lengths[sh.cols]++;
        if (sh.cols > r->width)
            r->width = sh.cols;
    }
    if (!joins) {
        if ((st = push_unit(r)) != UB_OK || (st = start_unit(r)) != UB_OK)
            return st;
    } else if ((st = buf_append(&r->u->text, r->m, "\n", 1)) != UB_OK) {
        return st;
    }
    if ((st = buf_append(&r->u->text, r->m, s, n)) != UB_OK)
        return st;
    r->has_text = 1;
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
    if ((st = buf_append(&u->text, r->m, r->line.data, keep)) != UB_OK)
        return st;
    u->open = 1;
    r->u = NULL;
    r->has_text = 0;
    r->in_tail = 1;
    if ((st = r->sink.open(r->sink.ctx)) == UB_OK)
        st = r->sink.tail(r->sink.ctx, r->line.data + keep, r->line.len - keep);
    r->line.len = 0;
    return st;
}

ub_status text_reader_feed(text_reader *r, const char *s, size_t n)
{
    ub_status st;
    if (n)
        r->any = 1;
    while (n > 0) {
        const char *nl = memchr(s, '\n', n);
        size_t take = nl ? (size_t)(nl - s) : n;
        if (r->in_tail) {
            if ((st = r->sink.tail(r->sink.ctx, s, take)) != UB_OK)
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
                st = line_done(r, s, take);
            } else {
                st = buf_append(&r->line, r->m, s, take);
                if (st == UB_OK && nl) {
                    st = line_done(r, r->line.data, r->line.len);
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

ub_status text_reader_end(text_reader *r)
{
    ub_status st = UB_OK;
    if (!r->in_tail && r->line.len > 0) {
        shape sh;
        measure(r->line.data, r->line.len, &sh);
        st = line_done(r, r->line.data, r->line.len);
        r->line.len = 0;
        /* a blank last line goes with the trailing blank run */
        if (st == UB_OK && !sh.blank)
            r->u->unterminated = 1;
    }
    if (st == UB_OK)
        st = push_unit(r);
    r->in_tail = 0;
    r->u = NULL;
    return st;
}
