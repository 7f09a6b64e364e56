/* check_streaming.c - the streaming contract (issue 3):
 *   - output identical whatever the chunking, over every fixture and over
 *     generated documents;
 *   - memory bounded by the window, not the input: 200 MB through the
 *     library with the counting allocator;
 *   - a kept line reaches the write callback before the reader is more than
 *     the window past it;
 * and allocation failures (issue 5): each allocation failing in turn gives
 * UB_ENOMEM (or a correct run) and leaks nothing.
 *
 * UNBOIL_TEST_SCALE=N divides the heavy sizes by N: use 20 or more under
 * valgrind, where the 200 MB run would take an hour. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "suites.h"
#include "testutil.h"
#include "block.h"
#include "sniff.h"

#define MiB (1024u * 1024u)
/* The bound the filter's own allocations must stay under, whatever the
 * input: the window of BLOCK_MAX-sized units and the tables, with room,
 * and the default look-ahead's held text and slots. */
#define MEMORY_BOUND (8u * MiB + 2u * UB_LOOKAHEAD_DEFAULT)

/* ---- a generator of realistic text ---------------------------------------
 * Deterministic from its seed, so a failure can be replayed. */

static const char *const stop_words[] = { "the", "of", "and", "to", "in", "that",
    "is", "was", "for", "on", "with", "as", "by", "at", "from", "it", "be", "are",
    "have", "not", "but", "had", "they", "which", "or", "an", "were", "their",
    "has", "would", "will", "there", "about", "if", "when", "who", "more", "into" };
static const char *const content_words[] = { "council", "school", "government",
    "minister", "river", "market", "village", "doctor", "company", "court",
    "police", "report", "city", "water", "budget", "teacher", "election", "worker",
    "energy", "storm", "caf\xc3\xa9", "Z\xc3\xbcrich", "na\xc3\xafve", "bridge",
    "harbour", "library", "hospital", "farmers", "prices", "summer", "railway" };
static const char *const menu_items[] = { "Home", "News", "Sport", "Business",
    "Culture", "Weather", "Video", "Opinion", "Travel", "Science" };

#define PICK(arr, rs) (arr)[tu_rand(rs) % (sizeof(arr) / sizeof *(arr))]

static void gen_paragraph(tbuf *b, unsigned *rs, const char *eol, int wrap)
{
    tbuf p = {0};
    unsigned words = 25 + tu_rand(rs) % 70;
    for (unsigned i = 0; i < words; i++) {
        const char *w = tu_rand(rs) % 100 < 48 ? PICK(stop_words, rs) : PICK(content_words, rs);
        if (i > 0)
            tbuf_add(&p, " ", 1);
        if (i == 0)
            tbuf_addf(&p, "%c%s", w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0], w + 1);
        else
            tbuf_add(&p, w, strlen(w));
        if (i + 1 < words && tu_rand(rs) % 12 == 0)
            tbuf_add(&p, ",", 1);
    }
    if (tu_rand(rs) % 8)
        tbuf_add(&p, ".", 1);
    else
        tbuf_add(&p, ".\xe2\x80\x9d", 4);   /* a closing quote */
    if (!wrap) {
        tbuf_add(b, p.data, p.len);
        tbuf_add(b, eol, strlen(eol));
    } else {
        /* hard-wrap at 72 columns at spaces */
        size_t start = 0;
        while (start < p.len) {
            size_t end = start + 72 < p.len ? start + 72 : p.len;
            if (end < p.len) {
                size_t sp = end;
                while (sp > start && p.data[sp] != ' ')
                    sp--;
                if (sp > start)
                    end = sp;
            }
            tbuf_add(b, p.data + start, end - start);
            tbuf_add(b, eol, strlen(eol));
            start = end < p.len && p.data[end] == ' ' ? end + 1 : end;
        }
    }
    tbuf_free(&p);
}

static void gen_menu(tbuf *b, unsigned *rs, const char *eol)
{
    unsigned n = 3 + tu_rand(rs) % 6;
    int bar = tu_rand(rs) % 2;
    for (unsigned i = 0; i < n; i++) {
        const char *item = PICK(menu_items, rs);
        tbuf_add(b, item, strlen(item));
        tbuf_add(b, bar ? (i + 1 < n ? " | " : "") : eol,
                 bar ? (i + 1 < n ? 3 : 0) : strlen(eol));
    }
    if (bar)
        tbuf_add(b, eol, strlen(eol));
}

/* One document of about `target` bytes: a menu, a headline twice, article
 * paragraphs (some hard-wrapped) with short lines, a related link, list
 * items, a share row, maybe a comment section and a footer.  Some
 * documents use CRLF.  long_line: also one line of that many bytes. */
static void gen_doc(tbuf *b, unsigned *rs, size_t target, int comments, size_t long_line)
{
    const char *eol = tu_rand(rs) % 4 == 0 ? "\r\n" : "\n";
    size_t start = b->len;
    gen_menu(b, rs, eol);
    tbuf_add(b, eol, strlen(eol));
    char title[200];
    snprintf(title, sizeof title, "The %s and the %s: what the %s said", PICK(content_words, rs),
             PICK(content_words, rs), PICK(content_words, rs));
    tbuf_addf(b, "%s%s%s%s%s", title, eol, eol, title, eol);
    int wrap = tu_rand(rs) % 3 == 0;
    while (b->len - start < target) {
        tbuf_add(b, eol, strlen(eol));
        unsigned what = tu_rand(rs) % 20;
        if (what == 0) {
            tbuf_addf(b, "See also: The %s of the %s%s", PICK(content_words, rs),
                      PICK(content_words, rs), eol);
        } else if (what == 1) {
            tbuf_addf(b, "The %s said so on Monday.%s", PICK(content_words, rs), eol);
        } else if (what == 2) {
            for (int i = 0; i < 3; i++)
                tbuf_addf(b, "- the %s and the %s%s", PICK(content_words, rs),
                          PICK(content_words, rs), eol);
        } else if (what == 3) {
            tbuf_addf(b, "%s%s%s", eol, eol, eol);    /* a longer blank run */
        } else if (what == 4 && long_line) {
            for (size_t i = 0; i < long_line; i += 5)
                tbuf_add(b, "word ", long_line - i < 5 ? long_line - i : 5);
            tbuf_add(b, eol, strlen(eol));
            long_line = 0;
        } else {
            gen_paragraph(b, rs, eol, wrap);
        }
    }
    tbuf_addf(b, "%sShare 0 Tweet 0 Email%s%s", eol, eol, eol);
    if (comments) {
        tbuf_addf(b, "12 Comments%s%s", eol, eol);
        gen_paragraph(b, rs, eol, 0);
        tbuf_add(b, eol, strlen(eol));
        gen_paragraph(b, rs, eol, 0);
    }
    tbuf_addf(b, "%s\xc2\xa9 2024 Example Media. All rights reserved.", eol);
    if (tu_rand(rs) % 2)
        tbuf_add(b, eol, strlen(eol));    /* sometimes no final newline */
}

/* An HTML page of about `target` bytes: a menu, then the article's
 * paragraphs in one container, and every few paragraphs a rail of teasers
 * (a linked headline and a summary each) beside it. */
static void gen_html(tbuf *b, unsigned *rs, size_t target)
{
    size_t start = b->len;
    tbuf_add(b, "<html><body><ul class=nav>", 26);
    for (unsigned i = 0; i < 6; i++)
        tbuf_addf(b, "<li><a href=/%u>%s</a></li>", i, PICK(menu_items, rs));
    tbuf_add(b, "</ul><div class=story>", 22);
    while (b->len - start < target) {
        tbuf_add(b, "<p>", 3);
        gen_paragraph(b, rs, "", 0);
        tbuf_add(b, "</p>", 4);
        if (tu_rand(rs) % 8 == 0) {
            tbuf_add(b, "<div class=more>", 16);
            for (unsigned i = 0; i < 3; i++) {
                tbuf_addf(b, "<div class=item><h3><a href=/s%u>%s %s</a></h3><p>", i,
                          PICK(content_words, rs), PICK(content_words, rs));
                gen_paragraph(b, rs, "", 0);
                tbuf_add(b, "</p></div>", 10);
            }
            tbuf_add(b, "</div>", 6);
        }
    }
    tbuf_add(b, "</div></body></html>\n", 21);
}

/* ---- chunking ----------------------------------------------------------- */

/* Output of every chunking equals the whole-input output (and explain
 * output too, so decisions and not only kept bytes are compared). */
static void check_chunkings(const char *what, const ub_options *base, const char *in,
                            size_t len, int byte_at_a_time)
{
    for (int explain = 0; explain < 2; explain++) {
        ub_options o = *base;
        if (explain)
            o.output = UB_OUTPUT_EXPLAIN;
        run_result whole;
        run_filter(&o, in, len, (chunks){ CHUNK_WHOLE, 0, 0 }, &whole);
        ck_assert_msg(whole.status == UB_OK, "%s: %s", what, ub_strerror(whole.status));
        chunks cs[] = {
            { CHUNK_BYTE, 0, 0 }, { CHUNK_FIXED, 2, 0 }, { CHUNK_FIXED, 3, 0 },
            { CHUNK_FIXED, 1023, 0 }, { CHUNK_FIXED, 1024, 0 }, { CHUNK_FIXED, 65537, 0 },
            { CHUNK_RANDOM, 16, 1 }, { CHUNK_RANDOM, 300, 2 }, { CHUNK_RANDOM, 5000, 3 },
            { CHUNK_RANDOM, 100000, 4 },
        };
        for (size_t i = byte_at_a_time ? 0 : 1; i < sizeof cs / sizeof *cs; i++) {
            run_result r;
            run_filter(&o, in, len, cs[i], &r);
            ck_assert_msg(r.status == UB_OK, "%s: %s", what, ub_strerror(r.status));
            if (r.out_len != whole.out_len || memcmp(r.out, whole.out, r.out_len) != 0)
                ck_abort_msg("%s%s: chunking %d/%zu/%u differs from whole input at "
                             "line %zu", what, explain ? " (explain)" : "", (int)cs[i].how,
                             cs[i].size, cs[i].seed,
                             first_diff_line(r.out, r.out_len, whole.out, whole.out_len));
            run_result_free(&r);
        }
        run_result_free(&whole);
    }
}

/* The options a fixture's .args file asks for, as far as the library
 * sees them (--encoding's name into enc). */
static void fixture_options(const char *name, ub_options *o, char enc[64])
{
    ub_options_init(o);
    char file[1100];
    snprintf(file, sizeof file, "%s.args", name);
    char *args = read_file(fixture_path(file), NULL);
    if (!args)
        return;
    for (char *p = strtok(args, "\n"); p; p = strtok(NULL, "\n")) {
        if (!strcmp(p, "-z") || !strcmp(p, "--null-data"))
            o->null_data = 1;
        else if (!strcmp(p, "-i") || !strcmp(p, "--invert"))
            o->output = UB_OUTPUT_INVERT;
        else if (!strcmp(p, "-x") || !strcmp(p, "--explain"))
            o->output = UB_OUTPUT_EXPLAIN;
        else if (!strcmp(p, "-c") || !strcmp(p, "--keep-comments"))
            o->keep_comments = 1;
        else if (!strcmp(p, "--format=text"))
            o->format = UB_FORMAT_TEXT;
        else if (!strcmp(p, "--lookahead=0"))
            o->lookahead = 0;
        else if (!strncmp(p, "--encoding=", 11) && snprintf(enc, 64, "%s", p + 11) < 64)
            o->encoding = enc;
    }
    free(args);
}

START_TEST(test_chunking_fixtures)
{
    DIR *d = opendir(fixtures_dir());
    ck_assert_ptr_nonnull(d);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 4 || strcmp(e->d_name + l - 3, ".in") != 0)
            continue;
        char name[1024];
        snprintf(name, sizeof name, "%.*s", (int)(l - 3), e->d_name);
        size_t len;
        char *in = read_file(fixture_path(e->d_name), &len);
        ck_assert_ptr_nonnull(in);
        ub_options o;
        char enc[64];
        fixture_options(name, &o, enc);
        check_chunkings(name, &o, in, len, 1);
        free(in);
        n++;
    }
    closedir(d);
    ck_assert_int_gt(n, 0);
}
END_TEST

START_TEST(test_chunking_generated)
{
    for (unsigned seed = 1; seed <= 6; seed++) {
        unsigned rs = seed * 7919;
        tbuf doc = {0};
        gen_doc(&doc, &rs, 20000 + seed * 5000, seed % 2, seed == 3 ? 3 * BLOCK_MAX + 17 : 0);
        char what[64];
        snprintf(what, sizeof what, "generated document %u", seed);
        ub_options o;
        ub_options_init(&o);
        if (seed == 5)
            o.window = UB_WINDOW_MIN;
        check_chunkings(what, &o, doc.data, doc.len, 1);
        tbuf_free(&doc);
    }
}
END_TEST

/* A page longer than the look-ahead: its first part is decided when the
 * cap is reached and the rest in the window that follows, and the output
 * still does not depend on the chunking, nor does a cap at a block's
 * edge; with a cap past its end it is decided whole. */
/* One document of `format` past look-aheads from one byte to the default:
 * at each cap the output does not depend on the chunking, and the article
 * is there (more than 1/min_part of the input comes out). */
static void check_past_caps(const char *kind, ub_format format, const tbuf *doc,
                            int byte_at_a_time, size_t min_part)
{
    static const size_t caps[] = { 1, 4096, 32768, UB_LOOKAHEAD_DEFAULT };
    for (size_t i = 0; i < sizeof caps / sizeof *caps; i++) {
        ub_options o;
        ub_options_init(&o);
        o.format = format;
        o.lookahead = caps[i];
        char what[64];
        snprintf(what, sizeof what, "%s past a look-ahead of %zu", kind, caps[i]);
        check_chunkings(what, &o, doc->data, doc->len, byte_at_a_time);
        run_result r;
        run_filter(&o, doc->data, doc->len, (chunks){ CHUNK_WHOLE, 0, 0 }, &r);
        ck_assert_msg(r.out_len > doc->len / min_part, "%s: %zu bytes out of %zu", what,
                      r.out_len, doc->len);
        run_result_free(&r);
    }
}

START_TEST(test_chunking_lookahead_cap)
{
    unsigned rs = 5150;
    tbuf page = {0};
    gen_html(&page, &rs, 120000);
    check_past_caps("page", UB_FORMAT_HTML, &page, 0, 3);
    tbuf_free(&page);
}
END_TEST

/* A text dump longer than the look-ahead: its article region is decided
 * from the part held when the cap is reached, and goes on growing as the
 * rest streams past; the output does not depend on the chunking. */
START_TEST(test_chunking_text_lookahead_cap)
{
    unsigned rs = 6161;
    tbuf doc = {0};
    gen_doc(&doc, &rs, 150000, 0, 0);
    check_past_caps("text", UB_FORMAT_TEXT, &doc, 1, 10);
    tbuf_free(&doc);
}
END_TEST

/* Documents that end and begin inside chunks, with -z. */
START_TEST(test_chunking_generated_stream)
{
    unsigned rs = 424242;
    tbuf s = {0};
    for (int i = 0; i < 8; i++) {
        gen_doc(&s, &rs, 3000 + (size_t)i * 1500, i % 3 == 0, 0);
        tbuf_add(&s, "", 1);
        if (i == 4)
            tbuf_add(&s, "\0\0", 2);          /* empty documents */
    }
    ub_options o;
    ub_options_init(&o);
    o.null_data = 1;
    check_chunkings("generated -z stream", &o, s.data, s.len, 1);
    tbuf_free(&s);
}
END_TEST

/* curl -i output: headers, then a text body.  Whether the headers end at a
 * chunk boundary must not change what the body is taken for. */
START_TEST(test_chunking_http_headers)
{
    unsigned rs = 99;
    tbuf s = {0};
    tbuf_addf(&s, "HTTP/1.1 301 Moved Permanently\r\nLocation: /a\r\n\r\n"
                  "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n");
    gen_doc(&s, &rs, 6000, 0, 0);
    ub_options o;
    ub_options_init(&o);
    check_chunkings("curl -i text", &o, s.data, s.len, 1);
    tbuf_free(&s);
}
END_TEST

/* ---- memory ------------------------------------------------------------- */

typedef struct counter {
    unsigned long long bytes;
} counter;

static int count_write(void *ctx, const char *s, size_t n)
{
    (void)s;
    ((counter *)ctx)->bytes += n;
    return 0;
}

/* 200 MB (divided by UNBOIL_TEST_SCALE) of generated documents with one
 * 10 MB line, generated on the fly and fed in random chunks: the filter's
 * own allocations stay under MEMORY_BOUND. */
START_TEST(test_memory_bounded_200mb)
{
    size_t total = 200u * MiB / test_scale();
    size_t long_at = total / 2, long_len = 10u * MiB / test_scale();
    counting_alloc a = {0};
    counter c = {0};
    ub_options o;
    ub_options_init(&o);
    o.alloc = counting_realloc;
    o.alloc_ctx = &a;
    ub_filter *f = ub_filter_new(&o, count_write, &c, NULL);
    ck_assert_ptr_nonnull(f);
    unsigned rs = 2024, cs = 77;
    tbuf doc = {0};
    size_t fed = 0;
    int long_done = 0;
    while (fed < total) {
        doc.len = 0;
        /* one document, without comment sections so that everything keeps
         * being classified; the 10 MB line goes into the middle one */
        int with_long = !long_done && fed >= long_at;
        gen_doc(&doc, &rs, 64 * 1024, 0, with_long ? long_len : 0);
        long_done |= with_long && doc.len > long_len;
        for (size_t pos = 0; pos < doc.len;) {
            size_t n = 1 + tu_rand(&cs) % 20000;
            if (n > doc.len - pos)
                n = doc.len - pos;
            ub_status st = ub_filter_feed(f, doc.data + pos, n);
            if (st != UB_OK)
                ck_abort_msg("feed after %zu bytes: %s", fed + pos, ub_strerror(st));
            pos += n;
        }
        fed += doc.len;
    }
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ub_counts k;
    ub_filter_counts(f, &k);
    ub_filter_free(f);
    tbuf_free(&doc);
    ck_assert(long_done);
    ck_assert_uint_eq(k.bytes_in, fed);
    /* the stream was processed, not skipped: a good share of it is kept */
    ck_assert_msg(c.bytes > fed / 10, "only %llu of %zu bytes written", c.bytes, fed);
    ck_assert_msg(a.high < MEMORY_BOUND, "high-water mark %zu bytes after %zu bytes in",
                  a.high, fed);
    ck_assert_uint_eq(a.current, 0);
}
END_TEST

/* One HTML page of 40 MB (divided by UNBOIL_TEST_SCALE), far past the
 * look-ahead, fed in random chunks: the filter's own allocations stay under
 * MEMORY_BOUND, and the page is written as it goes. */
START_TEST(test_memory_html_page_past_lookahead)
{
    size_t total = 40u * MiB / test_scale();
    counting_alloc a = {0};
    counter c = {0};
    ub_options o;
    ub_options_init(&o);
    o.format = UB_FORMAT_HTML;
    o.alloc = counting_realloc;
    o.alloc_ctx = &a;
    ub_filter *f = ub_filter_new(&o, count_write, &c, NULL);
    ck_assert_ptr_nonnull(f);
    unsigned rs = 99, cs = 7;
    tbuf page = {0};
    /* made in pieces of one page body, so the test holds no 40 MB copy */
    gen_html(&page, &rs, 256u * 1024u);
    const char *body = strstr(page.data, "<div class=story>");
    const char *tail = strstr(page.data, "</div></body>");
    ck_assert_ptr_nonnull(body);
    ck_assert_ptr_nonnull(tail);
    size_t fed = 0, head = (size_t)(body - page.data), mid = (size_t)(tail - body);
    ck_assert_int_eq(ub_filter_feed(f, page.data, head), UB_OK);
    fed += head;
    while (fed < total) {
        for (size_t pos = 0; pos < mid;) {
            size_t n = 1 + tu_rand(&cs) % 20000;
            if (n > mid - pos)
                n = mid - pos;
            ck_assert_int_eq(ub_filter_feed(f, body + pos, n), UB_OK);
            pos += n;
        }
        fed += mid;
    }
    ck_assert_msg(c.bytes > fed / 4, "only %llu of %zu bytes written before the end",
                  c.bytes, fed);
    ck_assert_int_eq(ub_filter_feed(f, tail, strlen(tail)), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ub_filter_free(f);
    tbuf_free(&page);
    ck_assert_msg(a.high < MEMORY_BOUND, "high-water mark %zu bytes after %zu bytes in",
                  a.high, fed);
}
END_TEST

/* A huge blank run (issue 5: "only whitespace") is no reason to hold it. */
START_TEST(test_memory_blank_run)
{
    size_t total = 100u * MiB / test_scale();
    counting_alloc a = {0};
    counter c = {0};
    ub_options o;
    ub_options_init(&o);
    o.alloc = counting_realloc;
    o.alloc_ctx = &a;
    ub_filter *f = ub_filter_new(&o, count_write, &c, NULL);
    unsigned rs = 5;
    tbuf doc = {0};
    gen_doc(&doc, &rs, 5000, 0, 0);
    ck_assert_int_eq(ub_filter_feed(f, doc.data, doc.len), UB_OK);
    ck_assert_int_eq(ub_filter_feed(f, "\n", 1), UB_OK);
    char blanks[65536];
    memset(blanks, '\n', sizeof blanks);
    for (size_t fed = 0; fed < total; fed += sizeof blanks)
        ck_assert_int_eq(ub_filter_feed(f, blanks, sizeof blanks), UB_OK);
    ck_assert_int_eq(ub_filter_feed(f, doc.data, doc.len), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ub_filter_free(f);
    tbuf_free(&doc);
    ck_assert_msg(a.high < MEMORY_BOUND, "high-water mark %zu bytes after %zu blank lines",
                  a.high, total);
}
END_TEST

/* A caller may hand over its whole input in one call: the filter must not
 * copy it (the sniffer needs its first bytes only). */
START_TEST(test_memory_large_first_chunk)
{
    size_t total = 32u * MiB / test_scale();
    unsigned rs = 6;
    tbuf doc = {0};
    while (doc.len < total)
        gen_doc(&doc, &rs, 64 * 1024, 0, 0);
    counting_alloc a = {0};
    counter c = {0};
    ub_options o;
    ub_options_init(&o);
    o.alloc = counting_realloc;
    o.alloc_ctx = &a;
    ub_filter *f = ub_filter_new(&o, count_write, &c, NULL);
    ck_assert_int_eq(ub_filter_feed(f, doc.data, doc.len), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ub_filter_free(f);
    tbuf_free(&doc);
    ck_assert_msg(a.high < MEMORY_BOUND, "high-water mark %zu bytes for one chunk of %zu",
                  a.high, total);
}
END_TEST

/* A million one-character lines. */
START_TEST(test_memory_short_lines)
{
    size_t lines = 1000000 / test_scale();
    counting_alloc a = {0};
    counter c = {0};
    ub_options o;
    ub_options_init(&o);
    o.alloc = counting_realloc;
    o.alloc_ctx = &a;
    ub_filter *f = ub_filter_new(&o, count_write, &c, NULL);
    char chunk[2 * 4096];
    for (size_t i = 0; i < sizeof chunk; i += 2) {
        chunk[i] = (char)('a' + i % 26);
        chunk[i + 1] = '\n';
    }
    for (size_t fed = 0; fed < lines; fed += sizeof chunk / 2)
        ck_assert_int_eq(ub_filter_feed(f, chunk, sizeof chunk), UB_OK);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ub_filter_free(f);
    ck_assert_msg(a.high < MEMORY_BOUND, "high-water mark %zu", a.high);
    ck_assert_uint_eq(a.current, 0);
}
END_TEST

/* ---- latency ------------------------------------------------------------ */

typedef struct watcher {
    size_t fed;            /* paragraphs fed so far */
    size_t window;
    size_t sniffed;        /* paragraphs within the first SNIFF_BYTES */
    size_t written;        /* paragraphs written */
    size_t late;           /* paragraphs written later than the window allows */
    size_t worst;          /* the worst lag seen */
} watcher;

/* Each paragraph is written in one call starting "Paragraph N ". */
static int watch_write(void *ctx, const char *s, size_t n)
{
    watcher *w = ctx;
    if (n > 10 && memcmp(s, "Paragraph ", 10) == 0) {
        size_t i = strtoul(s + 10, NULL, 10);
        size_t lag = w->fed - i;
        if (lag > w->worst)
            w->worst = lag;
        /* the filter holds the first SNIFF_BYTES to tell text from HTML:
         * the paragraphs in them may wait that much longer */
        if (lag > w->window + (i <= w->sniffed ? w->sniffed + 1 : 0))
            w->late++;
        w->written++;
    }
    return 0;
}

/* Feed a long article one paragraph (line and blank line) per call: each
 * paragraph must be written before more than `window` paragraphs came in
 * after it. */
static void check_latency(unsigned window, ub_output output)
{
    watcher w = { .window = window };
    ub_options o;
    ub_options_init(&o);
    o.window = window;
    o.lookahead = 0;   /* the window alone: the low-latency mode */
    o.output = output;
    ub_filter *f = ub_filter_new(&o, watch_write, &w, NULL);
    ck_assert_ptr_nonnull(f);
    size_t paras = 400;
    for (size_t i = 0; i < paras; i++) {
        char line[600];
        int n = snprintf(line, sizeof line,
                         "Paragraph %zu of the report said that the council and the "
                         "residents of the town would meet again in the spring, and that "
                         "the library on the hill would stay open until a decision was "
                         "made about the money for the new school and the roads.\n\n", i);
        w.fed = i;
        if ((size_t)n * i < SNIFF_BYTES)
            w.sniffed = i;
        ck_assert_int_eq(ub_filter_feed(f, line, (size_t)n), UB_OK);
        if (i >= window + w.sniffed + 2)
            ck_assert_msg(w.written > 0, "nothing written after %zu paragraphs", i + 1);
    }
    size_t before_end = w.written;
    w.fed = paras;
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ub_filter_free(f);
    ck_assert_msg(w.late == 0, "window %u: %zu paragraphs written late (worst lag %zu)",
                  window, w.late, w.worst);
    /* all but the last window's worth were out before the end */
    ck_assert_uint_ge(before_end + window, paras - 1);
}

START_TEST(test_latency_window)
{
    /* explain shows every decision, so the bound is checked for all */
    check_latency(UB_WINDOW_MIN, UB_OUTPUT_EXPLAIN);
    check_latency(8, UB_OUTPUT_EXPLAIN);
    check_latency(UB_WINDOW_DEFAULT, UB_OUTPUT_EXPLAIN);
    /* and the clean output is as prompt */
    check_latency(UB_WINDOW_DEFAULT, UB_OUTPUT_CLEAN);
}
END_TEST

/* A line too long to hold is written while it streams in (explain mode,
 * so that the test does not depend on the line being kept). */
START_TEST(test_latency_long_line)
{
    counter c = {0};
    ub_options o;
    ub_options_init(&o);
    o.output = UB_OUTPUT_EXPLAIN;
    ub_filter *f = ub_filter_new(&o, count_write, &c, NULL);
    ck_assert_ptr_nonnull(f);
    unsigned rs = 8;
    tbuf para = {0}, doc = {0};
    gen_paragraph(&para, &rs, "", 0);
    tbuf_add(&doc, para.data, para.len);
    while (doc.len < 8 * BLOCK_MAX) {
        tbuf_add(&doc, " ", 1);
        tbuf_add(&doc, para.data, para.len);
    }
    tbuf_free(&para);
    ck_assert_int_eq(ub_filter_feed(f, doc.data, doc.len), UB_OK);
    /* the line has not ended, yet most of it is out */
    ck_assert_msg(c.bytes >= doc.len - BLOCK_MAX, "%llu of %zu bytes out", c.bytes, doc.len);
    ck_assert_int_eq(ub_filter_end_document(f), UB_OK);
    ck_assert_uint_gt(c.bytes, doc.len);    /* the line and its explanation */
    ub_filter_free(f);
    tbuf_free(&doc);
}
END_TEST

/* ---- allocation failures ------------------------------------------------ */

/* Fail the 1st, 2nd, ... allocation in turn until a run completes without
 * a failure: each run returns UB_ENOMEM, or UB_OK with the right output;
 * nothing leaks. */
static void check_enomem(const char *what, const ub_options *base, const char *in,
                         size_t len, chunks ch)
{
    run_result good;
    run_filter(base, in, len, ch, &good);
    ck_assert_int_eq(good.status, UB_OK);
    for (unsigned long n = 1;; n++) {
        counting_alloc a = { .fail_at = n };
        ub_options o = *base;
        o.alloc = counting_realloc;
        o.alloc_ctx = &a;
        run_result r;
        run_filter(&o, in, len, ch, &r);
        ck_assert_msg(a.current == 0 && a.live == 0,
                      "%s: allocation %lu failed: %zu bytes in %lu blocks leaked", what,
                      n, a.current, a.live);
        if (!a.failed) {
            ck_assert_int_eq(r.status, UB_OK);
            run_result_free(&r);
            break;
        }
        ck_assert_msg(r.status == UB_ENOMEM ||
                      (r.status == UB_OK && r.out_len == good.out_len &&
                       memcmp(r.out, good.out, r.out_len) == 0),
                      "%s: allocation %lu failed: status %s", what, n,
                      ub_strerror(r.status));
        run_result_free(&r);
        ck_assert_uint_lt(n, 100000);
    }
    run_result_free(&good);
}

START_TEST(test_enomem_fixture)
{
    size_t len;
    char *in = read_file(fixture_path("ukraine-talks.in"), &len);
    ck_assert_ptr_nonnull(in);
    ub_options o;
    ub_options_init(&o);
    check_enomem("ukraine-talks", &o, in, len, (chunks){ CHUNK_FIXED, 100, 0 });
    o.output = UB_OUTPUT_EXPLAIN;
    check_enomem("ukraine-talks explain", &o, in, len, (chunks){ CHUNK_WHOLE, 0, 0 });
    free(in);
}
END_TEST

/* The HTML reader's own buffers come from the hook too (libxml2's do not):
 * each of them failing in turn gives UB_ENOMEM and leaks nothing. */
START_TEST(test_enomem_html)
{
    static const char page[] =
        "<html lang=\"en\"><head><meta charset=\"windows-1252\">"
        "<title>Harbour bridge reopens | Herald</title></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
        "<article><h1>Harbour bridge reopens</h1><p>The old harbour bridge opened "
        "to cars again on Monday morning, two years after engineers closed it when "
        "they found deep cracks in two of its steel supports.</p></article>"
        "<footer>\xa9 2024 Herald</footer></body></html>";
    ub_options o;
    ub_options_init(&o);
    check_enomem("html page", &o, page, sizeof page - 1, (chunks){ CHUNK_FIXED, 37, 0 });
}
END_TEST

START_TEST(test_enomem_generated)
{
    unsigned rs = 31337;
    tbuf s = {0};
    gen_doc(&s, &rs, 8000, 1, 2 * BLOCK_MAX + 5);
    tbuf_add(&s, "", 1);
    gen_doc(&s, &rs, 3000, 0, 0);
    ub_options o;
    ub_options_init(&o);
    o.null_data = 1;
    o.window = 4;
    check_enomem("generated -z", &o, s.data, s.len, (chunks){ CHUNK_RANDOM, 3000, 5 });
    tbuf_free(&s);
}
END_TEST

Suite *streaming_suite(void)
{
    Suite *s = suite_create("streaming");
    TCase *tc = tcase_create("chunking");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_chunking_fixtures);
    tcase_add_test(tc, test_chunking_generated);
    tcase_add_test(tc, test_chunking_generated_stream);
    tcase_add_test(tc, test_chunking_http_headers);
    tcase_add_test(tc, test_chunking_lookahead_cap);
    tcase_add_test(tc, test_chunking_text_lookahead_cap);
    suite_add_tcase(s, tc);

    tc = tcase_create("memory");
    /* 200 MB at tens of MB/s, slower with sanitizers */
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, test_memory_bounded_200mb);
    tcase_add_test(tc, test_memory_blank_run);
    tcase_add_test(tc, test_memory_short_lines);
    tcase_add_test(tc, test_memory_html_page_past_lookahead);
    tcase_add_test(tc, test_memory_large_first_chunk);
    suite_add_tcase(s, tc);

    tc = tcase_create("latency");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_latency_window);
    tcase_add_test(tc, test_latency_long_line);
    suite_add_tcase(s, tc);

    tc = tcase_create("enomem");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_enomem_fixture);
    tcase_add_test(tc, test_enomem_generated);
    tcase_add_test(tc, test_enomem_html);
    suite_add_tcase(s, tc);
    return s;
}
