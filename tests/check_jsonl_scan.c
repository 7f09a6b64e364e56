/* check_jsonl_scan.c - the JSON reader of --jsonl (src/cli/jsonl_scan.c): what
 * it accepts and rejects, the field's span, decoding and encoding; and,
 * when jansson is there, the same answers as jansson on generated lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "suites.h"
#include "testutil.h"
#include "json_escape.h"
#include "jsonl_scan.h"
#ifdef HAVE_JANSSON
#include <jansson.h>
#endif

static jscan scan_of(const char *s, size_t n, const char *field)
{
    jscan r;
    jscan_line(s, n, field, strlen(field), &r);
    return r;
}

static int valid(const char *s)
{
    return scan_of(s, strlen(s), "text").why == NULL;
}

START_TEST(test_scan_accepts_and_rejects)
{
    static const char *const good[] = {
        "{}", " { } ", "{\"a\":1}", "{\"a\":-0.5e+10,\"b\":[true,false,null,{}]}",
        "[1,2,3]", "\"x\"", "0", "-0", "1E5", "{\"a\":\"\\u0000\\ud83d\\ude00\\/\"}",
        "{\"a\":\"caf\xC3\xA9 \xF0\x9F\x98\x80\"}", "{\"a\" : [ ] , \"b\" : { \"c\" : [ [ ] ] } }\r",
        "{\"a\":1,\"a\":2}",
    };
    static const char *const bad[] = {
        "", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[1 2]",
        "{\"a\":1}x", "{\"a\":1} {}", "{a:1}", "{'a':1}", "01", "1.", ".5", "-", "1e",
        "+1", "tru", "nulll", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud83d\"}",
        "{\"a\":\"\\ude00\"}", "{\"a\":\"\\ud83d\\u0041\"}", "{\"a\":\"tab\there\"}",
        "{\"a\":\"\xff\"}", "{\"a\":\"\xC0\xAF\"}", "{\"a\":\"\xED\xA0\x80\"}",
        "{\"a\":\"\xF4\x90\x80\x80\"}", "{\"a\":\"open}", "[}", "{]", "\xEF\xBB\xBF{}",
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        ck_assert_msg(valid(good[i]), "rejected: %s (%s)", good[i],
                      scan_of(good[i], strlen(good[i]), "text").why);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        ck_assert_msg(!valid(bad[i]), "accepted: %s", bad[i]);
    /* a NUL byte outside a string is not JSON either */
    ck_assert(scan_of("{\"a\":1}\0", 8, "a").why != NULL);
}
END_TEST

START_TEST(test_scan_depth_bound)
{
    tbuf b = {0};
    for (int i = 0; i < JSCAN_MAX_DEPTH; i++)
        tbuf_add(&b, "[", 1);
    for (int i = 0; i < JSCAN_MAX_DEPTH; i++)
        tbuf_add(&b, "]", 1);
    ck_assert(scan_of(b.data, b.len, "text").why == NULL);
    tbuf c = {0};
    tbuf_add(&c, "[", 1);
    tbuf_add(&c, b.data, b.len);
    tbuf_add(&c, "]", 1);
    jscan r = scan_of(c.data, c.len, "text");
    ck_assert_str_eq(r.why, "nested too deep");
    tbuf_free(&b);
    tbuf_free(&c);
}
END_TEST

/* The last top-level member of that name, its name decoded; nested members
 * of the same name do not count. */
START_TEST(test_scan_field_span)
{
    static const char line[] =
        "{\"text\":1, \"x\":{\"text\":\"inner\"}, \"t\\u0065xt\" : \"last\" ,\"z\":[]}";
    jscan r = scan_of(line, sizeof line - 1, "text");
    ck_assert_ptr_null(r.why);
    ck_assert(r.object && r.found);
    ck_assert_uint_eq(r.to - r.from, 6);
    ck_assert_mem_eq(line + r.from, "\"last\"", 6);
    r = scan_of(line, sizeof line - 1, "x");
    ck_assert_mem_eq(line + r.from, "{\"text\":\"inner\"}", r.to - r.from);
    r = scan_of(line, sizeof line - 1, "z");
    ck_assert_mem_eq(line + r.from, "[]", 2);
    ck_assert_uint_eq(r.to - r.from, 2);
    r = scan_of(line, sizeof line - 1, "inner");
    ck_assert(r.object && !r.found);
    r = scan_of("[{\"text\":\"a\"}]", 14, "text");
    ck_assert(!r.object && !r.found);
    r = scan_of("{\"te\":1}", 8, "text");
    ck_assert(!r.found);
    r = scan_of("{\"textx\":1}", 11, "text");
    ck_assert(!r.found);
}
END_TEST

static int to_tbuf(void *ctx, const char *s, size_t n)
{
    tbuf_add(ctx, s, n);
    return 0;
}

START_TEST(test_decode_and_encode)
{
    static const char tok[] = "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\\u0000e\"";
    tbuf d = {0};
    ck_assert_int_eq(jscan_decode(tok, sizeof tok - 1, to_tbuf, &d), 0);
    static const char want[] = "a\"b\\c/d\b\f\n\r\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\0e";
    ck_assert_uint_eq(d.len, sizeof want - 1);
    ck_assert_mem_eq(d.data, want, d.len);
    tbuf e = {0};
    ck_assert_int_eq(jscan_encode(d.data, d.len, to_tbuf, &e), 0);
    ck_assert_str_eq(e.data, "\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
                             "\\u0000e\"");
    /* invalid UTF-8: each byte that starts no sequence is U+FFFD */
    tbuf f = {0};
    ck_assert_int_eq(jscan_encode("a\xff\xC3(\x7f", 5, to_tbuf, &f), 0);
    ck_assert_str_eq(f.data, "\"a\xEF\xBF\xBD\xEF\xBF\xBD(\x7f\"");
    /* pieces: a string longer than one piece comes whole */
    tbuf big = {0};
    tbuf_add(&big, "\"", 1);
    for (int i = 0; i < 50000; i++)
        tbuf_add(&big, "ab\\n", 4);
    tbuf_add(&big, "\"", 1);
    tbuf g = {0};
    ck_assert_int_eq(jscan_decode(big.data, big.len, to_tbuf, &g), 0);
    ck_assert_uint_eq(g.len, 150000);
    ck_assert_mem_eq(g.data + 149997, "ab\n", 3);
    tbuf_free(&d);
    tbuf_free(&e);
    tbuf_free(&f);
    tbuf_free(&big);
    tbuf_free(&g);
}
END_TEST

/* The reference: a code point at a time, as RFC 3629 reads UTF-8 (the
 * shortest form, no surrogates, nothing past U+10FFFF). */
static size_t ref_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t k = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (k == 0 || k > n)
        return 0;
    unsigned long cp = c & (0x7F >> k);
    for (size_t t = 1; t < k; t++) {
        if ((s[t] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[t] & 0x3F);
    }
    static const unsigned long least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (cp < least[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return k;
}

static void ref_encode(const unsigned char *s, size_t n, tbuf *out)
{
    tbuf_add(out, "\"", 1);
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        char e[8];
        size_t k = ref_seq(s + i, n - i);
        if (c >= 0x80) {
            if (k)
                tbuf_add(out, (const char *)s + i, k);
            else
                tbuf_add(out, "\xEF\xBF\xBD", 3);
            i += k ? k : 1;
            continue;
        }
        char named = c == '"' ? '"' : c == '\\' ? '\\' : c == '\b' ? 'b' : c == '\f' ? 'f'
                   : c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : 0;
        if (named) {
            e[0] = '\\';
            e[1] = named;
            tbuf_add(out, e, 2);
        } else if (c < 0x20) {
            snprintf(e, sizeof e, "\\u%04X", c);
            tbuf_add(out, e, 6);
        } else {
            tbuf_add(out, (const char *)s + i, 1);
        }
        i++;
    }
    tbuf_add(out, "\"", 1);
}

/* Text made to hit every case: ASCII runs, named and other controls,
 * valid sequences of each length, bytes that begin none, sequences cut
 * short, overlong forms and surrogates. */
/* Text made to hit every case: ASCII runs, named and other controls,
 * valid sequences of each length, bytes that begin none, sequences cut
 * short, overlong forms and surrogates. */
static const char *const text_bits[] = {
    "plain words and more plain words ", "\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f",
    "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xff", "\x80", "\xC3", "\xE2\x82",
    "\xF0\x9F\x98", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE0\x9F\xBF", "x",
};

START_TEST(test_encode_against_reference)
{
    uint64_t seed64 = 7;
    unsigned seed = 7;
    size_t cap = 200000;
    unsigned char *s = malloc(cap);
    char *out = malloc(JSON_ESCAPE_MAX * cap + 2);
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_nonnull(out);
    for (int round = 0; round < 60; round++) {
        /* short texts, and some past the encoder's 64 KiB pieces */
        size_t n = tu_join_pieces(&seed64, text_bits, sizeof text_bits / sizeof *text_bits,
                                  round % 10 == 0 ? cap : tu_rand(&seed) % 40, (char *)s, cap);
        tbuf want = {0}, got = {0};
        ref_encode(s, n, &want);
        ck_assert_int_eq(jscan_encode((const char *)s, n, to_tbuf, &got), 0);
        ck_assert_uint_eq(got.len, want.len);
        ck_assert_mem_eq(got.data, want.data, want.len);
        /* json_escape over the text cut anywhere, as the filter's output
         * comes: what a call leaves goes again with the next piece */
        size_t o = 0, i = 0, from = 0;
        out[o++] = '"';
        while (i < n || from < n) {
            size_t cut = i + tu_rand(&seed) % 9;
            i = cut < n ? cut : n;
            size_t used;
            o += json_escape(out + o, (const char *)s + from, i - from, i == n, &used);
            ck_assert_uint_le(i - from - used, 3);
            ck_assert(i == n ? used == i - from : 1);
            from += used;
        }
        out[o++] = '"';
        ck_assert_uint_eq(o, want.len);
        ck_assert_mem_eq(out, want.data, o);
        tbuf_free(&want);
        tbuf_free(&got);
    }
    free(s);
    free(out);
}
END_TEST

/* Escapes that decode across the decoder's 64 KiB pieces, at every
 * offset: the bytes come whole and in order. */
START_TEST(test_decode_across_pieces)
{
    static const char *const esc[] = { "\\n", "\\u00e9", "\\u20AC", "\\ud83d\\ude00", "\\\"" };
    static const char *const dec[] = { "\n", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\"" };
    for (size_t e = 0; e < sizeof esc / sizeof *esc; e++)
        for (size_t lead = 65530; lead < 65540; lead++) {
            tbuf tok = {0}, want = {0}, got = {0};
            tbuf_add(&tok, "\"", 1);
            for (size_t i = 0; i < lead; i++) {
                tbuf_add(&tok, "a", 1);
                tbuf_add(&want, "a", 1);
            }
            for (int r = 0; r < 3; r++) {
                tbuf_add(&tok, esc[e], strlen(esc[e]));
                tbuf_add(&want, dec[e], strlen(dec[e]));
            }
            tbuf_add(&tok, "b\"", 2);
            tbuf_add(&want, "b", 1);
            ck_assert_int_eq(jscan_decode(tok.data, tok.len, to_tbuf, &got), 0);
            ck_assert_uint_eq(got.len, want.len);
            ck_assert_mem_eq(got.data, want.data, want.len);
            tbuf_free(&tok);
            tbuf_free(&want);
            tbuf_free(&got);
        }
}
END_TEST

#ifdef HAVE_JANSSON
/* A random JSON-like value: valid most of the time, then mutated. */
static void gen_value(tbuf *b, unsigned *seed, int depth)
{
    static const char *const atoms[] = {
        "0", "-1", "12.5e-3", "1E2", "true", "false", "null", "\"\"", "\"text\"",
        "\"a\\u00e9\\n\"", "\"\\ud83d\\ude00\"", "\"caf\xC3\xA9\"", "\"\\\"q\\\\\"", "\"\\/\"",
    };
    unsigned k = tu_rand(seed) % (depth > 3 ? 14 : 17);
    if (k < 14) {
        tbuf_add(b, atoms[k], strlen(atoms[k]));
        return;
    }
    int obj = k != 16;
    tbuf_add(b, obj ? "{" : "[", 1);
    unsigned n = tu_rand(seed) % 4;
    for (unsigned i = 0; i < n; i++) {
        if (i) {
            const char *comma = tu_rand(seed) % 4 ? "," : " , ";
            tbuf_add(b, comma, strlen(comma));
        }
        if (obj) {
            static const char *const keys[] = { "\"text\"", "\"id\"", "\"t\\u0065xt\"", "\"\"" };
            const char *key = keys[tu_rand(seed) % 4];
            tbuf_add(b, key, strlen(key));
            tbuf_add(b, ":", 1);
        }
        gen_value(b, seed, depth + 1);
    }
    tbuf_add(b, obj ? "}" : "]", 1);
}

static void mutate(tbuf *b, unsigned *seed)
{
    static const char bytes[] = "{}[]\",:\\ u0123456789abcdefe.-+tn\x01\xff\xc3\xa9\xed\xa0\x80";
    if (b->len == 0)
        return;
    size_t at = tu_rand(seed) % b->len;
    char c = bytes[tu_rand(seed) % (sizeof bytes - 1)];
    switch (tu_rand(seed) % 3) {
    case 0: b->data[at] = c; break;
    case 1: memmove(b->data + at, b->data + at + 1, b->len - at - 1); b->len--; break;
    default:
        tbuf_add(b, "", 1);     /* room for one more */
        memmove(b->data + at + 1, b->data + at, b->len - at - 1);
        b->data[at] = c;
        break;
    }
    b->data[b->len] = 0;
}

/* The same verdicts as jansson, the same field and the same decoded value. */
START_TEST(test_scan_agrees_with_jansson)
{
    unsigned seed = 12345;
    unsigned long valid_lines = 0, found = 0;
    for (int i = 0; i < 20000; i++) {
        tbuf b = {0};
        gen_value(&b, &seed, 0);
        unsigned m = tu_rand(&seed) % 3;
        for (unsigned k = 0; k < m; k++)
            mutate(&b, &seed);
        json_error_t err;
        json_t *j = json_loadb(b.data, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL |
                               JSON_DECODE_INT_AS_REAL, &err);
        jscan r = scan_of(b.data, b.len, "text");
        if (!j && strstr(err.text, "overflow")) {
            /* a number past a double's range: left as written, by design */
            ck_assert_ptr_null(r.why);
            tbuf_free(&b);
            continue;
        }
        ck_assert_msg((j != NULL) == (r.why == NULL), "line %s: jansson %s, scan %s",
                      b.data, j ? "accepts" : err.text, r.why ? r.why : "accepts");
        if (j) {
            valid_lines++;
            ck_assert_int_eq(r.object, json_is_object(j));
            json_t *v = json_is_object(j) ? json_object_get(j, "text") : NULL;
            ck_assert_msg((v != NULL) == r.found, "line %s", b.data);
            if (v && json_is_string(v)) {
                found++;
                ck_assert_int_eq(b.data[r.from], '"');
                tbuf d = {0};
                tbuf_add(&d, "", 0);    /* a buffer even for "" */
                jscan_decode(b.data + r.from, r.to - r.from, to_tbuf, &d);
                ck_assert_uint_eq(d.len, json_string_length(v));
                ck_assert_mem_eq(d.data, json_string_value(v), d.len);
                tbuf e = {0};
                jscan_encode(d.data, d.len, to_tbuf, &e);
                char *dumped = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
                ck_assert_str_eq(e.data, dumped);
                free(dumped);
                tbuf_free(&d);
                tbuf_free(&e);
            }
            json_decref(j);
        }
        tbuf_free(&b);
    }
    /* the generator makes enough of each kind for the comparison to mean much */
    ck_assert_uint_gt(valid_lines, 5000);
    ck_assert_uint_gt(found, 100);
}
END_TEST
#endif

Suite *jsonl_scan_suite(void)
{
    Suite *s = suite_create("jsonl_scan");
    TCase *tc = tcase_create("jsonl_scan");
    /* every cut of every record: 0.6 s here, past Check's 4 s default
     * under the sanitizers on a loaded machine */
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_scan_accepts_and_rejects);
    tcase_add_test(tc, test_scan_depth_bound);
    tcase_add_test(tc, test_scan_field_span);
    tcase_add_test(tc, test_decode_and_encode);
    tcase_add_test(tc, test_encode_against_reference);
    tcase_add_test(tc, test_decode_across_pieces);
#ifdef HAVE_JANSSON
    tcase_add_test(tc, test_scan_agrees_with_jansson);
#endif
    suite_add_tcase(s, tc);
    return s;
}
