/* check_utf8.c - decoding never fails, classes and case folding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "encoding.h"
#include "span.h"
#include "suites.h"
#include "testutil.h"
#include "utf8.h"

/* Decode s (length n) and expect code point `cp` from `used` bytes. */
static void expect_decode(const char *s, size_t n, uint32_t cp, size_t used)
{
    uint32_t got = 0;
    size_t k = utf8_decode((const unsigned char *)s, n, &got);
    ck_assert_msg(got == cp && k == used,
                  "decode of %zu bytes starting 0x%02x: U+%04X from %zu bytes, "
                  "want U+%04X from %zu", n, (unsigned char)s[0], (unsigned)got,
                  k, (unsigned)cp, used);
}

START_TEST(test_decode_valid)
{
    expect_decode("A", 1, 'A', 1);
    expect_decode("\x7f", 1, 0x7f, 1);
    expect_decode("\xc2\xa0", 2, 0xA0, 2);
    expect_decode("\xc3\xa9xyz", 5, 0xE9, 2);
    expect_decode("\xe2\x80\x99", 3, 0x2019, 3);
    expect_decode("\xef\xbf\xbd", 3, 0xFFFD, 3);     /* a real U+FFFD */
    expect_decode("\xf0\x9f\x98\x80", 4, 0x1F600, 4);
    expect_decode("\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4);
}
END_TEST

/* Every kind of bad input costs exactly one byte and gives U+FFFD, so a
 * scanner always makes progress and never skips a good character. */
START_TEST(test_decode_invalid_consumes_one_byte)
{
    static const struct { const char *s; size_t n; } bad[] = {
        { "\x80", 1 }, { "\xbf", 1 },             /* lone continuation */
        { "\xc0\xaf", 2 }, { "\xc1\xbf", 2 },     /* overlong 2-byte leads */
        { "\xe0\x80\xaf", 3 },                    /* overlong 3-byte */
        { "\xf0\x80\x80\xaf", 4 },                /* overlong 4-byte */
        { "\xed\xa0\x80", 3 }, { "\xed\xbf\xbf", 3 }, /* surrogates */
        { "\xf4\x90\x80\x80", 4 },                /* above U+10FFFF */
        { "\xf5\x80\x80\x80", 4 }, { "\xff", 1 }, { "\xfe", 1 },
        { "\xe2\x82", 2 }, { "\xf0\x9f\x98", 3 }, /* truncated */
        { "\xc3", 1 },
        { "\xc3\x41", 2 }, { "\xe2\x28\xa1", 3 },  /* bad continuation */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        expect_decode(bad[i].s, bad[i].n, UTF8_REPLACEMENT, 1);
}
END_TEST

/* The loops over all code points test with plain ifs: a ck_assert per
 * iteration costs a message to the runner and makes them time out. */
START_TEST(test_encode_roundtrip_all_scalars)
{
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char enc[4];
        size_t n = utf8_encode(cp, enc);
        size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        uint32_t back = 0;
        size_t used = n == want ? utf8_decode((unsigned char *)enc, n, &back) : 0;
        if (n != want || used != n || back != cp ||
            utf8_valid_prefix((unsigned char *)enc, n) != n)
            ck_abort_msg("U+%04X: %zu bytes (want %zu), back U+%04X from %zu",
                         (unsigned)cp, n, want, (unsigned)back, used);
    }
}
END_TEST

START_TEST(test_valid_prefix)
{
#define VP(s) utf8_valid_prefix((const unsigned char *)(s), sizeof(s) - 1)
    ck_assert_uint_eq(VP(""), 0);
    ck_assert_uint_eq(VP("plain ascii"), 11);
    ck_assert_uint_eq(VP("caf\xc3\xa9"), 5);
    ck_assert_uint_eq(VP("abc\xe2\x82"), 3);          /* cut character */
    ck_assert_uint_eq(VP("ab\xffzz"), 2);
    ck_assert_uint_eq(VP("\xed\xa0\x80"), 0);
    ck_assert_uint_eq(VP("x\xef\xbf\xbdy"), 5);       /* U+FFFD itself is valid */
#undef VP
}
END_TEST

START_TEST(test_spaces)
{
    static const uint32_t yes[] = { ' ', '\t', '\n', '\r', '\v', '\f', 0xA0,
        0x85, 0x1680, 0x2000, 0x2009, 0x200A, 0x200B, 0x2028, 0x2029, 0x202F,
        0x205F, 0x3000, 0xFEFF };
    static const uint32_t no[] = { 'a', '0', '_', '-', 0, 0x2010, 0x2013,
        0x200C, 0xFFFD, 0x3001 };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        ck_assert_msg(utf8_is_space(yes[i]), "U+%04X is a space", (unsigned)yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        ck_assert_msg(!utf8_is_space(no[i]), "U+%04X is no space", (unsigned)no[i]);
}
END_TEST

START_TEST(test_word_characters)
{
    static const uint32_t yes[] = { 'a', 'Z', '7', '_', 0xE9, 0xDF, 0x416,
        0x3C9, 0x5D0, 0x627, 0x4E2D, 0x3042, 0xAC00, 0x0301, 0xAA, 0xB2 };
    static const uint32_t no[] = { ' ', '.', ',', '-', '|', '/', 0xD7, 0xF7,
        0xA0, 0xAB, 0xBB, 0x2014, 0x2019, 0x20AC, 0x2022, 0x3002, 0xFF0C,
        0xFFFD, 0xFEFF, 0x1F600, 0x61F, 0x964, 0xE000 };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        ck_assert_msg(utf8_is_word(yes[i]), "U+%04X is a word char", (unsigned)yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        ck_assert_msg(!utf8_is_word(no[i]), "U+%04X is no word char", (unsigned)no[i]);
}
END_TEST

START_TEST(test_digits_and_unspaced)
{
    ck_assert(utf8_is_digit('0') && utf8_is_digit('9'));
    ck_assert(utf8_is_digit(0xFF15) && utf8_is_digit(0x663));
    ck_assert(!utf8_is_digit('a') && !utf8_is_digit(0xB2));
    ck_assert(utf8_is_unspaced(0x4E2D));    /* Han */
    ck_assert(utf8_is_unspaced(0x3042));    /* hiragana */
    ck_assert(utf8_is_unspaced(0x30AB));    /* katakana */
    ck_assert(utf8_is_unspaced(0x0E01));    /* Thai */
    ck_assert(utf8_is_unspaced(0x20000));   /* Han ext B */
    ck_assert(!utf8_is_unspaced('a'));
    ck_assert(!utf8_is_unspaced(0x416));
    ck_assert(!utf8_is_unspaced(0xAC00));   /* Hangul is written with spaces */
}
END_TEST

START_TEST(test_fold_and_upper)
{
    static const uint32_t pairs[][2] = {
        { 'A', 'a' }, { 'Z', 'z' }, { 'a', 'a' }, { '1', '1' },
        { 0xC9, 0xE9 }, { 0xDE, 0xFE }, { 0xD7, 0xD7 }, { 0xDF, 0xDF },
        { 0x100, 0x101 }, { 0x141, 0x142 }, { 0x152, 0x153 }, { 0x178, 0xFF },
        { 0x17D, 0x17E }, { 0x391, 0x3B1 }, { 0x3A3, 0x3C3 }, { 0x3C2, 0x3C3 },
        { 0x386, 0x3AC }, { 0x38F, 0x3CE }, { 0x410, 0x430 }, { 0x42F, 0x44F },
        { 0x401, 0x451 }, { 0x404, 0x454 }, { 0x462, 0x463 }, { 0x531, 0x561 },
        { 0xFF21, 0xFF41 }, { 0x4E2D, 0x4E2D },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        ck_assert_msg(utf8_fold(pairs[i][0]) == pairs[i][1], "fold U+%04X = U+%04X",
                      (unsigned)pairs[i][0], (unsigned)utf8_fold(pairs[i][0]));
    ck_assert(utf8_is_upper('Q') && !utf8_is_upper('q'));
    ck_assert(utf8_is_upper(0xC9) && !utf8_is_upper(0xE9) && !utf8_is_upper(0xD7));
    ck_assert(utf8_is_upper(0x141) && !utf8_is_upper(0x142));
    ck_assert(utf8_is_upper(0x416) && !utf8_is_upper(0x436));
    ck_assert(utf8_is_upper(0x3A3) && !utf8_is_upper(0x3C3));
}
END_TEST

/* The folding is the UCD's simple one: every C and S line of the
 * CaseFolding.txt that Debian's unicode-data installs (skipped without
 * it); and Turkish İ and ı fold to i for matching. */
START_TEST(test_fold_against_ucd)
{
    ck_assert_uint_eq(utf8_fold(0x130), 'i');
    ck_assert_uint_eq(utf8_fold(0x131), 'i');
    ck_assert(utf8_is_upper(0x130) && !utf8_is_upper(0x131) && !utf8_is_upper(0x17F));
    /* beyond the hand-written ranges of before: Latin Extended-B, Georgian,
     * Cherokee, Glagolitic, Deseret */
    ck_assert_uint_eq(utf8_fold(0x1F1), 0x1F3);
    ck_assert_uint_eq(utf8_fold(0x10A0), 0x2D00);
    ck_assert_uint_eq(utf8_fold(0x13F8), 0x13F0);
    ck_assert_uint_eq(utf8_fold(0x2C00), 0x2C30);
    ck_assert_uint_eq(utf8_fold(0x10400), 0x10428);

    const char *dir = getenv("UNBOIL_UCD");
    char path[512];
    snprintf(path, sizeof path, "%s/CaseFolding.txt", dir ? dir : "/usr/share/unicode");
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "test_fold_against_ucd: %s not found (apt-get install unicode-data): "
                        "the comparison with the UCD is skipped\n", path);
        return;
    }
    char line[512];
    unsigned long checked = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned cp, to;
        char status;
        if (sscanf(line, "%x; %c; %x;", &cp, &status, &to) != 3 ||
            (status != 'C' && status != 'S'))
            continue;
        ck_assert_msg(utf8_fold(cp) == to, "U+%04X folds to U+%04X, the UCD says U+%04X", cp,
                      (unsigned)utf8_fold(cp), to);
        checked++;
    }
    fclose(f);
    ck_assert_uint_ge(checked, 1000);
}
END_TEST

/* Folding twice changes nothing (that a capital folds as its lower case
 * does is test_case_pairs_fold_alike, against the UCD). */
START_TEST(test_fold_properties_bmp)
{
    for (uint32_t cp = 0; cp < 0x10000; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        uint32_t f = utf8_fold(cp);
        if (utf8_fold(f) != f)
            ck_abort_msg("fold not idempotent at U+%04X", (unsigned)cp);
    }
}
END_TEST

/* The table of two-byte characters is generated from the functions; it
 * must say what they say (else run tools/gen_utf8_table.c again). */
START_TEST(test_table_matches_functions)
{
    for (uint32_t cp = UTF8_TABLE_MIN; cp < UTF8_TABLE_END; cp++) {
        if (utf8_is_space(cp) != utf8_is_space_nonascii(cp) ||
            utf8_is_word(cp) != utf8_is_word_nonascii(cp) ||
            utf8_is_upper(cp) != utf8_is_upper_nonascii(cp) ||
            utf8_is_digit(cp) != utf8_is_digit_nonascii(cp) ||
            utf8_is_unspaced(cp) != utf8_is_unspaced_nonascii(cp) ||
            utf8_fold(cp) != utf8_fold_nonascii(cp) ||
            utf8_norm_fold(cp) != utf8_norm_fold_nonascii(cp))
            ck_abort_msg("utf8_table.c is stale at U+%04X", (unsigned)cp);
    }
}
END_TEST

START_TEST(test_ascii_prefix)
{
    ck_assert(utf8_ascii_prefix("HeLLo", 5, "hello"));
    ck_assert(utf8_ascii_prefix("Hello world", 3, "hel"));
    ck_assert(utf8_ascii_prefix("", 0, "anything"));
    ck_assert(!utf8_ascii_prefix("hello!", 6, "hello"));  /* longer than lit */
    ck_assert(!utf8_ascii_prefix("help", 4, "hell"));
    ck_assert(!utf8_ascii_prefix("\xc3\x89t\xc3\xa9", 5, "\xc3\xa9t\xc3\xa9")); /* ASCII case only */
}
END_TEST

/* encoding_utf8_stats, whose ASCII is skipped a word at a time and whose
 * common sequences are taken inline, against the counts made one byte at
 * a time: the second bytes each lead byte allows (Unicode's table of
 * well-formed sequences), a maximal invalid subpart counted once, an
 * incomplete sequence at the end not at all. */
static void stats_ref(const unsigned char *p, size_t n, size_t *mb, size_t *bad)
{
    *mb = *bad = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        size_t need = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                    : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (need == 1) {
            i++;
            continue;
        }
        if (need == 0) {
            ++*bad;
            i++;
            continue;
        }
        unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        size_t k = 1;
        while (k < need && i + k < n && p[i + k] >= (k == 1 ? lo : 0x80) &&
               p[i + k] <= (k == 1 ? hi : 0xBF))
            k++;
        if (k == need)
            ++*mb;
        else if (i + k == n)
            return;   /* cut at the end */
        else
            ++*bad;
        i += k;
    }
}

START_TEST(test_utf8_stats)
{
    static const char *const pieces[] = {
        "a", "ab", "abcdefgh", "abcdefghijklmnop", " ", "\xc3\xa9", "\xd0\x96", "\xe2\x80\x99",
        "\xe0\xa4\x85", "\xe0\x80\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbd",
        "\xf0\x9f\x98\x80", "\xf0\x80\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80",
        "\x80", "\xbf", "\xc0\xaf", "\xc2", "\xe2\x80", "\xf0\x9f\x98", "\xff", "\xe9t\xe9",
    };
    const size_t np = sizeof pieces / sizeof *pieces;
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    unsigned char bytes[300];
    for (int n = 0; n < 20000; n++) {
        size_t len = tu_join_pieces(&seed, pieces, np, 1 + (size_t)n % 40, (char *)bytes,
                                    sizeof bytes);
        for (size_t cut = 0; cut < 3 && cut <= len; cut++) {
            size_t mb, bad, rmb, rbad;
            encoding_utf8_stats((const char *)bytes, len - cut, &mb, &bad);
            stats_ref(bytes, len - cut, &rmb, &rbad);
            ck_assert_msg(mb == rmb && bad == rbad, "%zu bytes: %zu and %zu, want %zu and %zu",
                          len - cut, mb, bad, rmb, rbad);
        }
    }
}
END_TEST

/* The span tests below compare some millions of answers: Check's asserts
 * each report their place to the parent process, which under the
 * sanitizers on a loaded machine took past the test's timeout; this one
 * only reports a difference. */
#define SPAN_EQ(got, want) \
    do { \
        size_t span_got_ = (got), span_want_ = (want); \
        if (span_got_ != span_want_) \
            ck_abort_msg("%s is %zu, not %zu", #got, span_got_, span_want_); \
    } while (0)

/* span.h: both paths (SSE2 where it is built), and span_blank, against a
 * byte loop, on runs of every length up to past two vectors, at every
 * alignment, with and without a byte that differs on either side. */
START_TEST(test_span_byte)
{
    unsigned char b[80];
    for (size_t n = 0; n <= 40; n++)
        for (size_t at = 0; at < 8; at++)
            for (int edge = 0; edge < 4; edge++) {
                memset(b, 'x', sizeof b);
                memset(b + at, ' ', n);
                size_t len = at + n + (size_t)(edge & 1);   /* a differing byte after */
                if (edge & 2)
                    b[at + n / 2] = '\t';                    /* one inside */
                const unsigned char *p = b + at;
                size_t m = len - at, fwd = 0, back = 0;
                while (fwd < m && p[fwd] == ' ')
                    fwd++;
                while (back < m && p[m - back - 1] == ' ')
                    back++;
                size_t blank = 0;
                while (blank < m && (p[blank] == ' ' || p[blank] == '\t'))
                    blank++;
                SPAN_EQ(span_blank(p, m), blank);
                SPAN_EQ(span_byte_portable(p, m, ' '), fwd);
                SPAN_EQ(span_byte_back_portable(p, m, ' '), back);
                SPAN_EQ(span_byte(p, m, ' '), fwd);
                SPAN_EQ(span_byte_back(p, m, ' '), back);
#ifdef __SSE2__
                SPAN_EQ(span_byte_sse2(p, m, ' '), fwd);
                SPAN_EQ(span_byte_back_sse2(p, m, ' '), back);
#endif
            }
}
END_TEST

/* span_json_plain: both paths against a byte loop, with one byte that
 * stops it (or none) at every place of runs up to past two vectors. */
START_TEST(test_span_json_plain)
{
    static const unsigned char stops[] = { 0x00, 0x1F, '"', '\\', 0x80, 0xC3, 0xFF };
    static const unsigned char plain[] = { 0x20, 0x21, '#', '[', ']', 'a', 0x7E, 0x7F };
    unsigned char b[48];
    for (size_t n = 0; n <= sizeof b; n++)
        for (size_t at = 0; at <= n; at++)
            for (size_t k = 0; k < sizeof stops; k++) {
                for (size_t j = 0; j < n; j++)
                    b[j] = plain[(j + k) % sizeof plain];
                if (at < n)
                    b[at] = stops[k];
                SPAN_EQ(span_json_plain_portable(b, n), at);
                SPAN_EQ(span_json_plain(b, n), at);
#ifdef __SSE2__
                SPAN_EQ(span_json_plain_sse2(b, n), at);
#endif
            }
}
END_TEST

/* span_words: both paths against a byte loop, on runs of words and single
 * spaces up to past two vectors, with each byte that may stop them (and
 * '\v' and 0xA0, which do not) put at every place, alone or after a
 * space. */
START_TEST(test_span_words)
{
    static const unsigned char odd[] = { ' ', '\t', '\n', '\r', '\f', 0xC2, '\v', 0xA0, 'z' };
    unsigned char b[48];
    for (size_t n = 0; n <= sizeof b; n++)
        for (size_t at = 0; at <= n; at++)
            for (size_t k = 0; k < sizeof odd; k++)
                for (int after_space = 0; after_space < 2; after_space++) {
                    for (size_t j = 0; j < n; j++)
                        b[j] = j % 5 == 4 ? ' ' : (unsigned char)('a' + j % 7);
                    if (at < n)
                        b[at] = odd[k];
                    if (after_space && at > 0 && at <= n)
                        b[at - 1] = ' ';
                    size_t want = 0;
                    for (; want < n; want++) {
                        unsigned char c = b[want];
                        int ends = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                                   c == '\f' || c == 0xC2;
                        if (!ends)
                            continue;
                        if (c != ' ' || want + 1 == n)
                            break;
                        unsigned char d = b[want + 1];
                        if (d == ' ' || d == '\t' || d == '\n' || d == '\r' || d == '\f' ||
                            d == 0xC2)
                            break;
                    }
                    size_t got[] = {
                        span_words_portable(b, n), span_words(b, n),
#ifdef __SSE2__
                        span_words_sse2(b, n),
#endif
                    };
                    for (size_t g = 0; g < sizeof got / sizeof *got; g++)
                        SPAN_EQ(got[g], want);
                }
}
END_TEST

/* span_text_run's paths on b[0..n) (b[-1] read too), each against a
 * byte loop. */
static void text_run_agrees(const unsigned char *b, size_t n)
{
    size_t want = 0;
    for (; want < n; want++) {
        unsigned char c = b[want], d = b[(ptrdiff_t)want - 1];
        int fc = c == ' ' || c == '\t' || c == '\n';
        int fd = d == ' ' || d == '\t' || d == '\n';
        if (c == '<' || c == '&' || (fc && fd))
            break;
    }
    size_t got = span_text_run_portable(b, n), dispatched = span_text_run(b, n);
#ifdef __SSE2__
    SPAN_EQ(span_text_run_sse2(b, n), want);
#endif
    SPAN_EQ(got, want);
    SPAN_EQ(dispatched, want);
}

/* span_text_run: both paths against a byte loop, on text of words and
 * single spaces up to past two vectors, the byte before it a blank or
 * not, with each byte that may stop it (and '\r' and '\f', which do not
 * fold) put at every place, alone or after a blank. */
START_TEST(test_span_text_run)
{
    static const unsigned char odd[] = { ' ', '\t', '\n', '\r', '\f', '<', '&', 'z' };
    static const unsigned char before[] = { 'q', ' ', '\n', '\r' };
    unsigned char bytes[49];
    unsigned char *b = bytes + 1;
    for (size_t n = 0; n < sizeof bytes; n++)
        for (size_t at = 0; at <= n; at++)
            for (size_t k = 0; k < sizeof odd; k++)
                for (size_t e = 0; e < sizeof before; e++)
                    for (int after_blank = 0; after_blank < 3; after_blank++) {
                        bytes[0] = before[e];
                        for (size_t j = 0; j < n; j++)
                            b[j] = j % 5 == 4 ? ' ' : (unsigned char)('a' + j % 7);
                        if (at < n)
                            b[at] = odd[k];
                        if (after_blank && at > 0 && at <= n)
                            b[at - 1] = after_blank == 1 ? ' ' : '\t';
                        text_run_agrees(b, n);
                    }
}
END_TEST

/* span_text: both paths against a byte loop, with every byte value at
 * every place of runs of every length up to past two vectors, among
 * newlines and text (the SSE2 path looks at the bytes past its last whole
 * vector in an overlapping one). */
START_TEST(test_span_text)
{
    unsigned char b[40];
    for (unsigned c = 0; c < 256; c++)
        for (size_t n = 1; n <= sizeof b; n++)
            for (size_t at = 0; at < n; at++) {
                for (size_t j = 0; j < n; j++)
                    b[j] = j % 5 == 4 ? '\n' : (unsigned char)('a' + j % 26);
                b[at] = (unsigned char)c;
                size_t want = 0;
                while (want < n && span_text_byte(b[want]))
                    want++;
                SPAN_EQ(span_text_portable(b, n), want);
                SPAN_EQ(span_text(b, n), want);
#ifdef __SSE2__
                SPAN_EQ(span_text_sse2(b, n), want);
#endif
            }
    ck_assert(span_text_byte('\t') && span_text_byte('\r') && span_text_byte(0x1B) &&
              span_text_byte(0x80) && !span_text_byte(0) && !span_text_byte(0x08) &&
              !span_text_byte(0x0E) && !span_text_byte(0x7F));
}
END_TEST

/* span_word_back and span_ascii: both paths against a byte loop, with
 * every byte value at every place of runs of word characters up to past
 * two vectors. */
static size_t word_back_ref(const unsigned char *s, size_t n)
{
    size_t k = 0;
    while (k < n && utf8_ascii_word[s[n - k - 1]])
        k++;
    return k;
}

static size_t ascii_ref(const unsigned char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] < 0x80)
        k++;
    return k;
}

typedef size_t (*span_fn)(const unsigned char *, size_t);

START_TEST(test_span_word_back_and_ascii)
{
    static const span_fn paths[][3] = {
        { word_back_ref, span_word_back_portable,
#ifdef __SSE2__
          span_word_back_sse2 },
#else
          span_word_back_portable },
#endif
        { ascii_ref, span_ascii_portable,
#ifdef __SSE2__
          span_ascii_sse2 },
#else
          span_ascii_portable },
#endif
    };
    static const unsigned char word[] = "aZ09_qM";
    unsigned char b[40];
    for (unsigned c = 0; c < 256; c++) {
        ck_assert_int_eq(span_word_byte((unsigned char)c), utf8_ascii_word[c] != 0);
        for (size_t n = 0; n <= sizeof b; n += n < 20 ? 1 : 3)
            for (size_t at = 0; at <= n; at++) {
                for (size_t j = 0; j < n; j++)
                    b[j] = at == j ? (unsigned char)c : word[j % (sizeof word - 1)];
                for (size_t f = 0; f < sizeof paths / sizeof *paths; f++) {
                    size_t want = paths[f][0](b, n);
                    SPAN_EQ(paths[f][1](b, n), want);
                    SPAN_EQ(paths[f][2](b, n), want);
                }
            }
    }
    SPAN_EQ(span_word_back((const unsigned char *)"a b_c", 5), 3);
    SPAN_EQ(span_ascii((const unsigned char *)"ab\xc3\xa9", 4), 2);
}
END_TEST

/* span_cont: both paths against a byte loop, on random bytes of every
 * length up to past several vectors (the SSE2 path counts the bytes past
 * its last whole vector in an overlapping one, less the lanes counted
 * already: every such tail is here), and on a run of continuation bytes
 * long enough that a lane of the SSE2 path would overflow unless its
 * sums are taken every 255 steps. */
static size_t cont_ref(const unsigned char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += s[i] >= 0x80 && s[i] < 0xC0;
    return c;
}

START_TEST(test_span_cont)
{
    static unsigned char b[5000];
    uint32_t x = 12345;
    for (int round = 0; round < 40; round++) {
        for (size_t j = 0; j < 200; j++) {
            x = x * 1103515245u + 12345u;
            b[j] = (unsigned char)(x >> 16);
        }
        for (size_t n = 0; n <= 200; n++)
            for (size_t at = 0; at < 3 && at <= n; at++) {
                size_t want = cont_ref(b + at, n - at);
                SPAN_EQ(span_cont_portable(b + at, n - at), want);
                SPAN_EQ(span_cont(b + at, n - at), want);
#ifdef __SSE2__
                SPAN_EQ(span_cont_sse2(b + at, n - at), want);
#endif
            }
    }
    memset(b, 0xBF, sizeof b);
    b[4321] = 0xC0;
    b[17] = 0x7F;
    SPAN_EQ(span_cont_portable(b, sizeof b), sizeof b - 2);
    SPAN_EQ(span_cont(b, sizeof b), sizeof b - 2);
    SPAN_EQ(span_cont((const unsigned char *)"caf\xc3\xa9 \xe2\x80\xa2", 9), 3);
}
END_TEST

/* span_copy_ascii: both paths against a byte loop, every byte value at
 * every place of runs up to past two vectors; the run comes out copied. */
START_TEST(test_span_copy_ascii)
{
    typedef size_t (*copy_fn)(const unsigned char *, size_t, unsigned char *);
    static const copy_fn paths[] = {
        span_copy_ascii_portable,
#ifdef __SSE2__
        span_copy_ascii_sse2,
#endif
    };
    static const unsigned char text[] = "a Z<0>\x7f\x01~";
    unsigned char b[40], out[40];
    for (unsigned c = 0; c < 256; c++)
        for (size_t n = 0; n <= sizeof b; n += n < 20 ? 1 : 3)
            for (size_t at = 0; at <= n; at++) {
                for (size_t j = 0; j < n; j++)
                    b[j] = at == j ? (unsigned char)c : text[j % (sizeof text - 1)];
                size_t want = 0;
                while (want < n && b[want] != 0 && b[want] < 0x80)
                    want++;
                for (size_t f = 0; f < sizeof paths / sizeof *paths; f++) {
                    memset(out, 0xAA, sizeof out);
                    SPAN_EQ(paths[f](b, n, out), want);
                    if (memcmp(out, b, want) != 0)
                        ck_abort_msg("copy %zu differs (byte %u at %zu)", f, c, at);
                }
            }
    SPAN_EQ(span_copy_ascii((const unsigned char *)"abc\0de", 6, out), 3);
}
END_TEST

Suite *utf8_suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_decode_valid);
    tcase_add_test(tc, test_decode_invalid_consumes_one_byte);
    tcase_add_test(tc, test_encode_roundtrip_all_scalars);
    tcase_add_test(tc, test_valid_prefix);
    tcase_add_test(tc, test_spaces);
    tcase_add_test(tc, test_word_characters);
    tcase_add_test(tc, test_digits_and_unspaced);
    tcase_add_test(tc, test_fold_and_upper);
    tcase_add_test(tc, test_fold_against_ucd);
    tcase_add_test(tc, test_fold_properties_bmp);
    tcase_add_test(tc, test_table_matches_functions);
    tcase_add_test(tc, test_ascii_prefix);
    tcase_add_test(tc, test_utf8_stats);
    tcase_add_test(tc, test_span_byte);
    tcase_add_test(tc, test_span_json_plain);
    tcase_add_test(tc, test_span_text);
    tcase_add_test(tc, test_span_word_back_and_ascii);
    tcase_add_test(tc, test_span_cont);
    tcase_add_test(tc, test_span_copy_ascii);
    tcase_add_test(tc, test_span_words);
    tcase_add_test(tc, test_span_text_run);
    suite_add_tcase(s, tc);
    return s;
}
