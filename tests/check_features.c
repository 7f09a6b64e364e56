/* check_features.c - per-block measurements, the stoplists and the phrase
 * table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "suites.h"
#include "testutil.h"
#include "block_features.h"
#include "features_ref.h"
#include "phrases.h"
#include "stoplist.h"

static counting_alloc ca;
static mem cm = { counting_realloc, &ca };
static stoplist *sl;

static void setup(void)
{
    memset(&ca, 0, sizeof ca);
    sl = stoplist_new(&cm);
    ck_assert_ptr_nonnull(sl);
}

static void teardown(void)
{
    stoplist_free(sl, &cm);
    sl = NULL;
    ck_assert_uint_eq(ca.current, 0);
}

static features feat(const char *s)
{
    features f;
    features_compute(&f, sl, s, strlen(s));
    return f;
}

/* ---- the fast paths against the plain reference -------------------------- */

/* Every field of a (from the path named `which`) equals the reference's
 * b on text[0..len); one assertion a call, which the generated tests make
 * by the hundred thousand. */
static void same_fields(const features *a, const features *b, const char *which,
                        const char *text, size_t len)
{
    const char *bad = NULL;
    unsigned long long got = 0, want = 0;
#define SAME(fld) \
    if (!bad && a->fld != b->fld) { \
        bad = #fld; \
        got = (unsigned long long)a->fld; \
        want = (unsigned long long)b->fld; \
    }
    SAME(chars); SAME(words); SAME(numbers); SAME(stops); SAME(link_chars);
    SAME(caps); SAME(digits); SAME(symbols); SAME(separators); SAME(sentences);
    SAME(commas); SAME(tokens); SAME(unspaced); SAME(wide); SAME(indent); SAME(lang);
    SAME(end_punct); SAME(end_colon); SAME(bullet); SAME(bracketed); SAME(url);
    SAME(copyright); SAME(nkeys); SAME(norm_hash); SAME(first_word);
    SAME(first_digits);
    for (unsigned k = 0; k < a->nkeys; k++)
        SAME(keys[k]);
#undef SAME
    if (bad)
        ck_abort_msg("%s: %s %llu, reference %llu on \"%.*s\"", bad, which, got, want,
                     (int)len, text);
}

/* Every field of features_compute equals the reference's on
 * text[0..len), held in a buffer of exactly len bytes so a read past the
 * end shows. */
static void same_as_ref(const char *text, size_t len)
{
    char *copy = malloc(len ? len : 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, text, len);
    features a, b;
    features_compute(&a, sl, copy, len);
    features_ref(&b, sl, copy, len);
    same_fields(&a, &b, "fast", text, len);
    /* the density kept with the counts is the one they give, as measured
     * and after each text-mode mark (the callers read only the kept one) */
    const char *stale = a.stop_density != features_stop_density(&a) ? "features_compute" : NULL;
    features_mark_joined(&a);
    if (!stale && a.stop_density != features_stop_density(&a))
        stale = "features_mark_joined";
    features_mark_pauses(&a, copy, len);
    if (!stale && a.stop_density != features_stop_density(&a))
        stale = "features_mark_pauses";
    free(copy);
    if (stale)
        ck_abort_msg("stop_density stale after %s on \"%.*s\"", stale, (int)len, text);
}

static const char *const ref_cases[] = {
    "", " ", "a", "ab", "a b", "a  b", "ab  cd", "a,  b", "ab,  cd", "ab.  cd",
    "ab:  cd", "ab;  cd", "ab?  cd", "ab!  cd", "ab  \r\n", "ab  \ncd", "ab  ",
    "  ab  cd", "\tab", " \t o item", "o item", "* item", "- item", "+ item",
    "# Heading", "#tag", "\xe2\x80\xa2 bullet", "\xe2\x97\xa6 x", "\xe2\x96\xaa x", "1. First",
    "12 345", "Page 2 of 10", "x1 y22 333z", "It's John's car, isn't it?",
    "C'est l\xe2\x80\x99\xc3\xa9t\xc3\xa9" ".", "STRASSE stra\xc3\x9f" "e Stra\xc3\x9f" "e",
    "\xc3\x89t\xc3\xa9  caf\xc3\xa9" "  na\xc3\xaf" "ve", "caf\xc3\xa9" "a  next",
    "Home | News | Sport", "Home \xc2\xbb News \xc2\xbb Sport", "Home / News / Sport",
    "a/b / c", "http://example.com/x y", "see https://example.org/a, now",
    "www.example.com", "www.x", "mail me: joe@example.com.", "joe@example.com",
    "Copyright 2012 Foo", "Home copyright 2012", "(c) 2020 Foo", "(C) Foo", "\xc2\xa9 2020",
    "a law about copyright and its reach", "[image]", "[link] more", "[a]b]",
    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87\xe3\x80\x82\xe7\xb6\x9a\xe3\x81\x8f",
    "\xe0\xb8\xa0\xe0\xb8\xb2\xe0\xb8\xa9\xe0\xb8\xb2\xe0\xb9\x84\xe0\xb8\x97\xe0\xb8\xa2",
    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xbc\xd0\xb8\xd1\x80!",
    "bad \xff byte \xc3 here", "\xc3", "end with colon:", "quote \"end\"", "(paren)",
    "The cat sat on the mat. Then it left, and the dog came in.",
    "under_score words_here and_more", "a\xe2\x80\x94" "b \xe2\x80\x93 c", "100% of $5 & more",
    "tail word", "x  y  z  w", "one. two. three", "What? Yes! No\xe2\x80\xa6 maybe",
    /* the one scanner's steps: blank runs past a vector or two, indents of
     * spaces and tabs, runs that go on a word or a token begun before */
    "                    indented", "\t                  \t  deep", "Home                    News",
    "Home,                                   News", "end                    ", "a                  b",
    "caf\xc3\xa9" "au lait", "\xc3\xa9t\xc3\xa9s ete", "joe@example.com  next", "x@yz abc",
    "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14", "it's  done", "(c)  2020", "a / b  c",
    "\xc2\xa0\xc2\xa0lead", "tab\tsep\tword", "crlf\r\nline  two",
    /* a run of word characters ended by a mark and a blank or the end,
     * which word_run ends at once (WORD_END_PUNCT) */
    "one, two. three; four: five! six? \"seven\" eight.", "Copyright, 2012", "word.",
    "word.\nnext", "word!\tx", "word?\r\n", "word,\vx", "ab,cd", "ab.cd", "ab..", "ab.,",
    "httpexample. wwwexample, hxxxxxxxx: wwwww;", "It's. done", "x.  Next", "Home,  News",
    "(c). 2020", "see (this) then) c) x", "(c) 2020)", "x (c)", "caf\xc3\xa9" "s, na\xc3\xaf" "ve. x", "a, b, c, d, e, f, g, h, i, j, k, l, m, n.",
    /* blocks that end in a run of word characters as long as a vector or
     * longer (span_word_back), or all one run */
    "x abcdefghijklmnop", "x abcdefghijklmnopq", "abcdefghijklmnop", "abcdefghijklmnopq",
    "Read more Supercalifragilistic_expialidocious2", "caf\xc3\xa9Supercalifragilistic",
    "a.bcdefghijklmnopqrstuvwxyz0123456789ABCDEF", "a b c d e f g h i j k l m n o p q r",
};

START_TEST(test_fast_paths_hand)
{
    for (size_t i = 0; i < sizeof ref_cases / sizeof *ref_cases; i++)
        same_as_ref(ref_cases[i], strlen(ref_cases[i]));
}
END_TEST

/* Pieces whose joins exercise where one path hands over to another. */
static const char *const ref_pieces[] = {
    "the", "and", "of", "The", "Word", "ab", "a", "o", "x", "CamelCase", "42", "2023",
    "b4", "_", "le", "der", "und", "copyright", "it's", "l'eau", "Hello",
    " ", " ", " ", "  ", "   ", "\t", "\n", "\r\n", ",", ".", ":", ";", "?", "!", "'",
    "\"", "(", ")", "[", "]", "-", "*", "+", "#", "/", " / ", "|", "@", "%", "(c)",
    "\xc3\xa9", "\xc3\x89", "\xc3\x9f", "\xe1\xba\x9e", "e\xcc\x81", "\xe2\x80\x99", "\xc2\xbb",
    "\xc2\xab", "\xc2\xb7", "\xe2\x80\xa2", "\xe2\x80\xa6", "\xc2\xa9", "\xe2\x80\x94",
    "\xe6\x97\xa5", "\xe3\x81\x82", "\xe3\x80\x82", "\xef\xbc\x8c", "\xe0\xb8\x81",
    "\xd9\xa3", "\xd8\x8c", "\xe0\xa5\xa4", "\xd0\x96", "\xe2\x98\x85", "\xf0\x9f\x98\x80",
    "\xff", "\xc3", "\xe2\x82", "http://a.b/c", "https://x.org", "www.site.net", "a@b.cd",
    "x@y.", "\xc2\xa0", "                 ", "                                   ",
};

START_TEST(test_fast_paths_generated)
{
    uint64_t seed = 88172645463325252ull;
    char line[400];
    const size_t npieces = sizeof ref_pieces / sizeof *ref_pieces;
    for (int n = 0; n < 20000; n++) {
        size_t want = 1 + n % 61;
        if (n % 97 == 0)
            want = 300;   /* long lines, over FEATURES_KEYWORDS words */
        size_t len = tu_join_pieces(&seed, ref_pieces, npieces, want, line, sizeof line);
        same_as_ref(line, len);
        for (size_t cut = 1; cut < 4 && cut < len; cut++)
            same_as_ref(line + cut, len - cut);   /* starts mid-word or mid-character */
    }
}
END_TEST

/* Runs of word characters of 1 to 40 bytes, ending at every distance up
 * to nine bytes from the block's end (where the scanner's run loops need
 * no bounds check, and where they do), ended by each kind of byte, with
 * multibyte and broken characters after them: as the reference. */
START_TEST(test_runs_near_block_end)
{
    static const char *const ends[] = { "", " ", ",", ". ", "\xc3\xa9", "\xe2\x80\x99s",
                                        "'s", "\xff", "\xc3", "@x.y", "\t", "-", "_x", "9" };
    static const char *const heads[] = { "", " ", "x ", "Ab", "\xc3\xa9", "http://", "  " };
    char line[128];
    for (size_t h = 0; h < sizeof heads / sizeof *heads; h++)
        for (size_t runlen = 1; runlen <= 40; runlen++)
            for (size_t e = 0; e < sizeof ends / sizeof *ends; e++)
                for (size_t pad = 0; pad <= 9; pad++) {
                    size_t len = (size_t)snprintf(line, sizeof line, "%s", heads[h]);
                    for (size_t k = 0; k < runlen; k++)   /* letters, a capital, digits */
                        line[len++] = "TheQuick_brown4fox2Jumps"[k % 24];
                    len += (size_t)snprintf(line + len, sizeof line - len, "%s", ends[e]);
                    for (size_t k = 0; k < pad; k++)
                        line[len++] = "a b\xc3\xa9" "cd e"[k];
                    same_as_ref(line, len);
                }
}
END_TEST

/* Random bytes, every value, and random bytes weighted toward word
 * characters and spaces so that runs of every length meet bytes of
 * every kind: as the reference. */
START_TEST(test_random_bytes)
{
    uint64_t seed = 0x853c49e6748fea9bull;
    char line[200];
    for (int n = 0; n < 20000; n++) {
        size_t len = (size_t)n % 150;
        int weighted = n % 2;
        for (size_t k = 0; k < len; k++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            unsigned r = (unsigned)(seed >> 33);
            if (weighted && r % 8 < 5)
                line[k] = "etaoinsrhdlu ETAO _0123456789  "[r / 8 % 31];
            else
                line[k] = (char)(unsigned char)(r >> 16);
        }
        same_as_ref(line, len);
    }
}
END_TEST

/* The best language of the lanes, both paths against a loop over the
 * counts as features_compute ran it before the lanes: random lanes with
 * few values (many ties), each byte alone at its largest, none, 255. */
static unsigned lanes_best_ref(const uint64_t *lane)
{
    uint32_t counts[FEATURES_LANE_WORDS * 8];
    for (unsigned l = 0; l < FEATURES_LANE_WORDS * 8; l++)
        counts[l] = (uint32_t)(lane[l / 8] >> (8 * (l % 8)) & 0xff);
    unsigned best = 0;
    for (unsigned l = 0; l < FEATURES_LANE_WORDS * 8; l++)
        if (counts[l] > counts[best])
            best = l;
    return best;
}

START_TEST(test_lanes_best)
{
    uint64_t seed = 0x9E3779B97F4A7C15ull, lane[FEATURES_LANE_WORDS];
    unsigned bad = 0;
    for (int n = 0; n < 20000; n++) {
        unsigned top = n % 4 == 0 ? 256 : 1u + (unsigned)n % 5;
        for (unsigned g = 0; g < FEATURES_LANE_WORDS; g++) {
            lane[g] = 0;
            for (unsigned k = 0; k < 8; k++) {
                seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                lane[g] |= (uint64_t)((seed >> 33) % top) << (8 * k);
            }
        }
        unsigned want = lanes_best_ref(lane);
        bad += features_lanes_best_portable(lane) != want;
        bad += features_lanes_best_sse2(lane) != want;
    }
    ck_assert_uint_eq(bad, 0);
    for (unsigned l = 0; l < FEATURES_LANE_WORDS * 8; l++)
        for (unsigned v = 0; v < 256; v += 85) {
            memset(lane, 0, sizeof lane);
            lane[l / 8] = (uint64_t)(v ? v : 1) << (8 * (l % 8));
            lane[0] |= v == 255 ? 0xfe : 0;   /* a smaller count before it */
            ck_assert_uint_eq(features_lanes_best_portable(lane), l);
            ck_assert_uint_eq(features_lanes_best_sse2(lane), l);
        }
    memset(lane, 0, sizeof lane);
    ck_assert_uint_eq(features_lanes_best_portable(lane), 0);
    ck_assert_uint_eq(features_lanes_best_sse2(lane), 0);
}
END_TEST

/* Stopword hits are counted a byte per language and carried over to the
 * counts every 255 words: blocks of many more words, with hits in several
 * languages and in the same one, count as the reference does. */
START_TEST(test_stop_counts_past_a_byte)
{
    /* several languages' hits, and hits of one language alone */
    static const char *const mixed[] = { "the ", "and ", "der ", "le ", "Word ", "of ", NULL };
    static const char *const same[] = { "the ", NULL };
    const char *const *lists[] = { mixed, same };
    const uint32_t stops_per_rep[] = { 3, 1 };   /* the, and, of */
    char *text = malloc(1000 * 32);   /* the most reps below, each under 32 bytes */
    ck_assert_ptr_nonnull(text);
    for (size_t k = 0; k < 2; k++)
        for (size_t reps = 40; reps <= 1000; reps += 107) {
            size_t len = 0;
            for (size_t r = 0; r < reps; r++)
                for (const char *const *w = lists[k]; *w; w++) {
                    memcpy(text + len, *w, strlen(*w));
                    len += strlen(*w);
                }
            same_as_ref(text, len);
            features f;
            features_compute(&f, sl, text, len);
            ck_assert_uint_eq(f.lang, LANG_EN);
            ck_assert_uint_eq(f.stops, stops_per_rep[k] * reps);
            ck_assert_uint_eq(f.nkeys, k == 0 ? FEATURES_KEYWORDS : 0);   /* "word" */
        }
    free(text);
}
END_TEST

/* ---- features ----------------------------------------------------------- */

START_TEST(test_counts_simple)
{
    features f = feat("Hello, world!");
    ck_assert_uint_eq(f.chars, 12);
    ck_assert_uint_eq(f.words, 2);
    ck_assert_uint_eq(f.caps, 1);
    ck_assert_uint_eq(f.commas, 1);
    ck_assert_uint_eq(f.end_punct, 1);
    ck_assert_uint_eq(f.end_colon, 0);
    ck_assert_uint_eq(f.sentences, 0);
    ck_assert_uint_eq(f.digits, 0);

    f = feat("One went. Two came! Three stayed? Four");
    ck_assert_uint_eq(f.sentences, 3);
    ck_assert_uint_eq(f.end_punct, 0);
    ck_assert_uint_eq(f.caps, 4);

    f = feat("");
    ck_assert_uint_eq(f.chars, 0);
    ck_assert_uint_eq(f.words, 0);
    ck_assert(features_stop_density(&f) == 0.0);
    ck_assert(features_link_density(&f) == 0.0);

    f = feat("   \t  ");
    ck_assert_uint_eq(f.chars, 0);
    ck_assert_uint_eq(f.words, 0);
}
END_TEST

/* Runs of non-spaces, whichever path of the scan ends them: a whole
 * ASCII word, a token with punctuation or a URL, one with a non-ASCII
 * letter, and a token that ends the block. */
START_TEST(test_tokens_counted)
{
    static const struct { const char *text; unsigned tokens; } c[] = {
        { "one two  three", 3 },
        { "  see http://example.com/a?b=c, then caf\xc3\xa9 au lait.", 6 },
        { "a,b,c", 1 },
        { "", 0 },
        { "   ", 0 },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        ck_assert_msg(feat(c[i].text).tokens == c[i].tokens, "\"%s\": tokens %u, want %u",
                      c[i].text, feat(c[i].text).tokens, c[i].tokens);
}
END_TEST

/* Words run together by commas (an ad's slot names) read as prose by
 * their commas, to a line no stoplist knows; marked joined, only their
 * stopwords count.  A line of ordinary words is not marked. */
START_TEST(test_joined_tokens)
{
    const char *ad = "slot_top_banner_leaderboard,slot_right_rail_medium_rect,"
                     "slot_footer_sticky_mobile,slot_inline_native_one "
                     "slot_inline_native_two,slot_inline_native_three,slot_below_fold_wide";
    features f = feat(ad);
    ck_assert_uint_eq(f.tokens, 2);
    ck_assert_uint_ge(f.words, 6);
    ck_assert_uint_eq(f.joined, 0);   /* features_compute leaves it to the caller */
    ck_assert(features_stop_density(&f) > 0.3);
    features_mark_joined(&f);
    ck_assert_uint_eq(f.joined, 1);
    ck_assert(features_stop_density(&f) == 0.0);

    f = feat("Zorba, Yanni, Xeno, Wolt, Vex, Umber and Tully ran.");
    features_mark_joined(&f);
    ck_assert_uint_eq(f.joined, 0);

    f = feat("");
    features_mark_joined(&f);
    ck_assert_uint_eq(f.joined, 0);
}
END_TEST

/* A line of Chinese with spaces where its commas would be reads as no
 * prose by its punctuation alone; counted in text mode, each space between
 * two of its characters is a comma.  Spaces at its margins, between a
 * character and a Latin word, or a line break (a wrapped line's) are not,
 * and a line of a spaced script is left alone. */
START_TEST(test_pauses)
{
    const char *zh = "  \u4eca\u5929\u5929\u6c23\u5f88\u597d \u6211\u5011\u53bb\u6d77\u908a"
                     "\u3000\u5b69\u5b50\u5011\u73a9\u5f97\u5f88\u958b\u5fc3  ";
    features f = feat(zh);
    ck_assert_uint_eq(f.pauses, 0);   /* features_compute leaves it to the caller */
    ck_assert(features_stop_density(&f) == 0.0);
    features_mark_pauses(&f, zh, strlen(zh));
    ck_assert_uint_eq(f.pauses, 2);   /* an ASCII space and an ideographic one */
    ck_assert(features_stop_density(&f) > 0.3);

    const char *mixed = "\u6211\u5011\u5728\u5bb6 cool \u4e0b\u5348\u4e0b\u96e8\n"
                        "\u6211\u5011\u56de\u5bb6";
    f = feat(mixed);
    features_mark_pauses(&f, mixed, strlen(mixed));
    ck_assert_uint_eq(f.pauses, 0);

    const char *en = "the cat and the dog sat on a mat";
    f = feat(en);
    features_mark_pauses(&f, en, strlen(en));
    ck_assert_uint_eq(f.pauses, 0);
}
END_TEST

/* The density kept with a block's counts follows the marks that change
 * it: the joined line's falls to its stopwords', the Chinese line's rises
 * with its pauses; counts set by hand take it from
 * features_update_density. */
START_TEST(test_density_kept)
{
    const char *ad = "slot_top_banner_leaderboard,slot_right_rail_medium_rect,"
                     "slot_footer_sticky_mobile,slot_inline_native_one "
                     "slot_inline_native_two,slot_inline_native_three,slot_below_fold_wide";
    features f = feat(ad);
    ck_assert(f.stop_density > 0.3);
    features_mark_joined(&f);
    ck_assert(f.stop_density == 0.0);

    const char *zh = "\u4eca\u5929\u5929\u6c23\u5f88\u597d \u6211\u5011\u53bb\u6d77\u908a";
    f = feat(zh);
    ck_assert(f.stop_density == 0.0);
    features_mark_pauses(&f, zh, strlen(zh));
    ck_assert(f.stop_density > 0.3);

    f = feat("the cat and the dog sat on a mat");
    ck_assert(f.stop_density > 0.55 && f.stop_density < 0.56);
    f.numbers = 4;
    features_update_density(&f);
    ck_assert(f.stop_density == features_stop_density(&f));
    ck_assert(f.stop_density == 1.0);
}
END_TEST

START_TEST(test_stopwords_and_language)
{
    features f = feat("the cat and the dog sat on a mat");
    ck_assert_uint_eq(f.words, 9);
    ck_assert_uint_eq(f.stops, 5);   /* the and the on a */
    ck_assert_str_eq(stoplist_lang_code(f.lang), "en");
    ck_assert(features_stop_density(&f) > 0.55 && features_stop_density(&f) < 0.56);

    /* numbers are words but no language's: they leave the density alone,
     * whichever path (whole ASCII runs, or a word the general path ends)
     * measures them */
    f = feat("the cat and the dog sat on a mat 2023 4,5 17");
    ck_assert_uint_eq(f.words, 13);
    ck_assert_uint_eq(f.numbers, 4);
    ck_assert(features_stop_density(&f) > 0.55 && features_stop_density(&f) < 0.56);
    f = feat("1999 2000 2001");
    ck_assert_uint_eq(f.numbers, 3);
    ck_assert(features_stop_density(&f) == 0.0);
    f = feat("trade,^[217] is 12% 3rd");   /* "3rd" is a word */
    ck_assert_uint_eq(f.numbers, 2);

    f = feat("Der Hund und die Katze sind nicht im Haus, weil es regnet.");
    ck_assert_str_eq(stoplist_lang_code(f.lang), "de");

    f = feat("Le chat et le chien sont dans la maison avec nous.");
    ck_assert_str_eq(stoplist_lang_code(f.lang), "fr");

    /* case does not matter, and an apostrophe keeps a word whole, typed
     * straight or curly */
    f = feat("THE And tHe");
    ck_assert_uint_eq(f.stops, 3);
    f = feat("it's");
    ck_assert_uint_eq(f.words, 1);
    ck_assert_uint_eq(f.stops, 1);
    f = feat("it\xe2\x80\x99s");
    ck_assert_uint_eq(f.words, 1);
    ck_assert_uint_eq(f.stops, 1);
}
END_TEST

/* Marks between words, which the prose fast path takes as the general
 * path does: '?' and '!' end sentences, ':' and ';' do not, and a wide
 * gap is a menu's only after a word or a comma. */
START_TEST(test_clause_marks)
{
    static const struct {
        const char *text;
        unsigned chars, words, sentences, separators;
    } c[] = {
        { "Why? Because it rained! Then: sun; wind", 33, 7, 2, 0 },
        { "Note:  the gap?  Yes", 15, 4, 1, 0 },
        { "Done.  Next", 9, 2, 1, 0 },
        { "News  Sport,  Weather", 17, 3, 0, 2 },
    };
    for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
        features f = feat(c[i].text);
        ck_assert_msg(f.chars == c[i].chars && f.words == c[i].words &&
                      f.sentences == c[i].sentences && f.separators == c[i].separators,
                      "%s: chars %u words %u sentences %u separators %u", c[i].text,
                      f.chars, f.words, f.sentences, f.separators);
    }
}
END_TEST

START_TEST(test_digits_symbols_separators)
{
    features f = feat("In 2024 there were 15 cases");
    ck_assert_uint_eq(f.digits, 6);
    ck_assert_uint_eq(f.words, 6);    /* numbers are words */

    f = feat("Home | News \xc2\xbb Sport \xc2\xb7 Weather \xe2\x80\xa2 More");
    ck_assert_uint_eq(f.separators, 4);
    ck_assert_uint_eq(f.words, 5);
    ck_assert_uint_eq(f.caps, 5);

    f = feat("News / Sport / Weather");
    ck_assert_uint_eq(f.separators, 2);
    f = feat("and/or either/or");
    ck_assert_uint_eq(f.separators, 0);

    f = feat("\xe2\x98\x85\xe2\x98\x85\xe2\x98\x85 ###");
    ck_assert_uint_eq(f.words, 0);
    ck_assert_uint_eq(f.symbols, 6);
}
END_TEST

START_TEST(test_urls)
{
    features f = feat("https://example.com/news/2024/story.html");
    ck_assert_uint_eq(f.url, 1);
    ck_assert_uint_eq(f.link_chars, f.chars);
    ck_assert(features_link_density(&f) == 1.0);

    f = feat("www.example.org");
    ck_assert_uint_eq(f.url, 1);

    f = feat("Write to bob@example.com for details about it");
    ck_assert_uint_eq(f.link_chars, 15);
    ck_assert_uint_eq(f.url, 0);

    f = feat("The site http: is not a link, nor is www alone.");
    ck_assert_uint_eq(f.link_chars, 0);
}
END_TEST

START_TEST(test_shape_flags)
{
    ck_assert_uint_eq(feat("* item").bullet, 1);
    ck_assert_uint_eq(feat("- item").bullet, 1);
    ck_assert_uint_eq(feat("+ item").bullet, 1);
    ck_assert_uint_eq(feat("\xe2\x80\xa2 item").bullet, 1);
    ck_assert_uint_eq(feat("# Heading").bullet, 1);
    ck_assert_uint_eq(feat("-item").bullet, 0);
    ck_assert_uint_eq(feat("Item").bullet, 0);

    ck_assert_uint_eq(feat("[Image: a photo of the coast]").bracketed, 1);
    ck_assert_uint_eq(feat("[x] done and dusted").bracketed, 0);

    ck_assert_uint_eq(feat("\xc2\xa9 2024 Example Media").copyright, 1);
    ck_assert_uint_eq(feat("(c) 2024 Example Media").copyright, 1);
    ck_assert_uint_eq(feat("Copyright 2024 Example Media").copyright, 1);
    ck_assert_uint_eq(feat("A cop, right there").copyright, 0);
    ck_assert_uint_eq(feat("All content copyright Example Media").copyright, 1);
    /* a sentence about copyright is no notice */
    ck_assert_uint_eq(feat("You need to watch out for copyright when you post a video.").copyright, 0);

    ck_assert_uint_eq(feat("Note:").end_colon, 1);
    ck_assert_uint_eq(feat("Note:").end_punct, 1);
    ck_assert_uint_eq(feat("He said \xe2\x80\x9cno.\xe2\x80\x9d").end_punct, 1);
    ck_assert_uint_eq(feat("Storm hits coast").end_punct, 0);

    ck_assert_uint_eq(feat("    indented").indent, 4);
    ck_assert_uint_eq(feat("\tindented").indent, 8);
    ck_assert_uint_eq(feat("flush").indent, 0);
}
END_TEST

/* Repeated headlines are found by norm_hash: it must ignore case,
 * punctuation and the kind of space, and nothing else. */
START_TEST(test_norm_hash)
{
    uint64_t h = feat("Storm Hits the Coast: Thousands Evacuated").norm_hash;
    ck_assert(h != 0);
    ck_assert(feat("storm hits the coast thousands evacuated").norm_hash == h);
    ck_assert(feat("STORM HITS THE COAST - THOUSANDS EVACUATED!").norm_hash == h);
    ck_assert(feat("  Storm\xc2\xa0hits the\xe2\x80\x89" "coast:   thousands evacuated.")
                  .norm_hash == h);
    ck_assert(feat("Storm hits the coast thousands evacuated\r").norm_hash == h);
    ck_assert(feat("Storm hits the coast thousands returned").norm_hash != h);
    ck_assert(feat("Hits storm the coast thousands evacuated").norm_hash != h);
    ck_assert(feat("Storm hits the coast").norm_hash != h);
    /* folded beyond ASCII */
    ck_assert(feat("\xc3\x89T\xc3\x89 CHAUD").norm_hash == feat("\xc3\xa9t\xc3\xa9 chaud").norm_hash);
    ck_assert(feat("\xd0\x9c\xd0\x98\xd0\xa0").norm_hash == feat("\xd0\xbc\xd0\xb8\xd1\x80").norm_hash);
}
END_TEST

START_TEST(test_keywords)
{
    features f = feat("The storm hits the coast of the region");
    ck_assert_uint_eq(f.nkeys, 4);   /* storm hits coast region */
}
END_TEST

START_TEST(test_keywords_shared)
{
    /* content words (4+ letters, not stopwords) are what off-topic
     * detection compares */
    features a = feat("Council closes library");
    features b = feat("The library will close next year, said the council.");
    ck_assert_uint_ge(a.nkeys, 2);
    int shared = 0;
    for (unsigned i = 0; i < a.nkeys; i++)
        for (unsigned j = 0; j < b.nkeys; j++)
            shared += a.keys[i] == b.keys[j];
    ck_assert_int_eq(shared, 2);     /* council, library */
    features n = feat("2024 1999 the and of");
    ck_assert_uint_eq(n.nkeys, 0);
    features many = feat("alpha bravo charlie delta echoes foxtrot golf hotel "
                         "india juliet kilo lima mike november oscar papa");
    ck_assert_uint_eq(many.nkeys, FEATURES_KEYWORDS);
}
END_TEST

START_TEST(test_unspaced_scripts)
{
    /* 東京は晴れです。 */
    features f = feat("\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xaf\xe6\x99\xb4\xe3\x82\x8c"
                      "\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82");
    ck_assert_uint_eq(f.unspaced, 7);
    ck_assert_uint_eq(f.words, 4);
    ck_assert_uint_eq(f.chars, 8);
    ck_assert_uint_eq(f.lang, LANG_JA);   /* kana: Japanese */
    ck_assert_uint_eq(f.end_punct, 1);
}
END_TEST

START_TEST(test_invalid_bytes)
{
    static const char s[] = "ab\xff\xfe cd\xc3";
    features f;
    features_compute(&f, sl, s, sizeof s - 1);
    ck_assert_uint_eq(f.words, 2);
    ck_assert_uint_eq(f.chars, 7);
    ck_assert_uint_eq(f.symbols, 3);
    /* a NUL byte inside the text is just a character */
    static const char z[] = "one\0two";
    features_compute(&f, sl, z, sizeof z - 1);
    ck_assert_uint_eq(f.words, 2);
}
END_TEST

/* ---- stoplist ----------------------------------------------------------- */

/* Lookups through features_compute, so the test does not depend on how
 * the table hashes its words. */
static uint32_t stops_in(const char *word, unsigned *lang)
{
    features f = feat(word);
    *lang = f.lang;
    return f.stops;
}

START_TEST(test_stoplist_lookup)
{
    unsigned lang;
    ck_assert_uint_eq(stops_in("the", &lang), 1);
    ck_assert_uint_eq(lang, LANG_EN);
    ck_assert_uint_eq(stops_in("und", &lang), 1);
    ck_assert_uint_eq(lang, LANG_DE);
    ck_assert_uint_eq(stops_in("les", &lang), 1);
    ck_assert_uint_eq(lang, LANG_FR);
    ck_assert_uint_eq(stops_in("\xd0\xb8", &lang), 1);   /* Russian "and" */
    ck_assert(lang == LANG_RU || lang == LANG_UK);
    ck_assert_uint_eq(stops_in("zebra", &lang), 0);
    ck_assert_uint_eq(stops_in("thesaurus", &lang), 0);
    /* stopwords are matched whole and folded */
    ck_assert_uint_eq(stops_in("THE", &lang), 1);
    ck_assert_uint_eq(stops_in("them", &lang), 1);
    ck_assert_uint_eq(stops_in("th", &lang), 0);
}
END_TEST

START_TEST(test_stoplist_codes)
{
    ck_assert_str_eq(stoplist_lang_code(LANG_EN), "en");
    ck_assert_str_eq(stoplist_lang_code(LANG_ID), "id");
    ck_assert_str_eq(stoplist_lang_code(LANG_COUNT), "");
    for (unsigned l = 0; l < LANG_COUNT; l++)
        ck_assert_uint_eq(strlen(stoplist_lang_code(l)), 2);
}
END_TEST

START_TEST(test_stoplist_enomem)
{
    /* fail each allocation of stoplist_new in turn until it succeeds */
    for (unsigned long n = 1;; n++) {
        counting_alloc a = { .fail_at = n };
        mem m = { counting_realloc, &a };
        stoplist *s = stoplist_new(&m);
        if (s) {
            ck_assert_int_eq(a.failed, 0);
            stoplist_free(s, &m);
            stoplist_free(NULL, &m);
            ck_assert_uint_eq(a.current, 0);
            break;
        }
        ck_assert_int_eq(a.failed, 1);
        ck_assert_uint_eq(a.current, 0);
        ck_assert_uint_lt(n, 1000);
    }
}
END_TEST

/* ---- phrases ------------------------------------------------------------ */

typedef struct phrase_case {
    const char *text;
    phrase_kind want;
} phrase_case;

static void check_phrases(const phrase_case *c, size_t n)
{
    counting_alloc a = {0};
    mem m = { counting_realloc, &a };
    phrases *ph = phrases_new(&m);
    ck_assert_ptr_nonnull(ph);
    for (size_t i = 0; i < n; i++) {
        phrase_kind got = phrases_match(ph, c[i].text, strlen(c[i].text));
        ck_assert_msg(got == c[i].want, "\"%s\": kind %d, want %d", c[i].text,
                      (int)got, (int)c[i].want);
    }
    phrases_free(ph, &m);
    ck_assert_uint_eq(a.current, 0);
}

START_TEST(test_phrases_enomem)
{
    /* fail each allocation of phrases_new in turn until it succeeds */
    for (unsigned long n = 1;; n++) {
        counting_alloc a = { .fail_at = n };
        mem m = { counting_realloc, &a };
        phrases *ph = phrases_new(&m);
        if (ph) {
            ck_assert_int_eq(a.failed, 0);
            phrases_free(ph, &m);
            ck_assert_uint_eq(a.current, 0);
            break;
        }
        ck_assert_int_eq(a.failed, 1);
        ck_assert_uint_eq(a.current, 0);
        ck_assert_uint_lt(n, 1000);
    }
}
END_TEST

START_TEST(test_phrases_comments)
{
    static const phrase_case c[] = {
        { "Leave a Reply", PHRASE_COMMENTS },
        { "LEAVE A REPLY", PHRASE_COMMENTS },
        { "leave a reply:", PHRASE_COMMENTS },
        { "Leave\xc2\xa0" "a\xe2\x80\x89reply", PHRASE_COMMENTS },
        { "  Leave a Reply  \r", PHRASE_COMMENTS },
        { "- Leave a comment", PHRASE_COMMENTS },
        { "Leave a Reply to Jane Doe Cancel reply", PHRASE_COMMENTS },
        { "Your email address will not be published.", PHRASE_COMMENTS },
        { "Your email address will not be published. Required fields are marked *",
          PHRASE_COMMENTS },
        { "Required fields are marked *", PHRASE_COMMENTS },
        { "12 Comments", PHRASE_COMMENTS },
        { "1 comment", PHRASE_COMMENTS },
        { "3 thoughts on \xe2\x80\x9cStorm hits the coast\xe2\x80\x9d", PHRASE_COMMENTS },
        { "Comments", PHRASE_COMMENTS },
        { "Post a comment", PHRASE_COMMENTS },
        { "Add your comment", PHRASE_COMMENTS },
        { "Comments are closed.", PHRASE_COMMENTS },
        { "Comments on the bill were sharp", PHRASE_NONE },
        { "Leaves are replying", PHRASE_NONE },
        { "12 commentators agreed", PHRASE_NONE },
    };
    check_phrases(c, sizeof c / sizeof *c);
}
END_TEST

START_TEST(test_phrases_related)
{
    static const phrase_case c[] = {
        { "See also", PHRASE_RELATED },
        { "See also: Storm hits the coast", PHRASE_RELATED },
        { "See also\xc2\xa0 The new moon brings a drastic change in these three "
          "signs of the zodiac", PHRASE_RELATED },
        { "SEE ALSO \xe2\x80\x94 Storm", PHRASE_RELATED },
        { "Read more \xc2\xbb", PHRASE_RELATED },
        { "Read also: the council decides", PHRASE_RELATED },
        { "Also read", PHRASE_RELATED },
        { "Related: Storm hits the coast", PHRASE_RELATED },
        { "Recommended for you", PHRASE_RELATED },
        { "You may also like", PHRASE_RELATED },
        { "More from Example News", PHRASE_RELATED },
        { "Don't miss", PHRASE_RELATED },
        { "Don\xe2\x80\x99t miss: the best of the week", PHRASE_RELATED },
        { "Sponsored", PHRASE_RELATED },
        { "Advertisement", PHRASE_RELATED },
        /* a long title after the marker is still a link */
        { "Read more: The council has decided to close the old library on the hill "
          "after a long debate about money, schools and the future of the town",
          PHRASE_RELATED },
        { "Seeing also matters", PHRASE_NONE },
        /* the first words of an entry, then others */
        { "You may not like it", PHRASE_NONE },
        { "See the storm hit the coast", PHRASE_NONE },
        { "Relatedness of languages", PHRASE_NONE },
        { "We read more books in winter.", PHRASE_NONE },
    };
    check_phrases(c, sizeof c / sizeof *c);
}
END_TEST

START_TEST(test_phrases_boilerplate)
{
    static const phrase_case c[] = {
        { "Share", PHRASE_BOILER },
        { "Share 0 Tweet 0", PHRASE_BOILER },
        { "Facebook Twitter LinkedIn Email", PHRASE_BOILER },
        { "Share on Facebook", PHRASE_BOILER },
        { "Follow us on Twitter", PHRASE_BOILER },
        { "Subscribe to our newsletter", PHRASE_BOILER },
        { "We use cookies to improve your experience.", PHRASE_BOILER },
        { "All rights reserved.", PHRASE_BOILER },
        { "Privacy Policy", PHRASE_BOILER },
        { "Skip to content", PHRASE_BOILER },
        { "Tags: politics, economy", PHRASE_BOILER },
        { "Filed under: World", PHRASE_BOILER },
        { "Previous article", PHRASE_BOILER },
        { "Next post \xc2\xbb", PHRASE_BOILER },
        { "Log in", PHRASE_BOILER },
        { "Search", PHRASE_BOILER },
        { "Home", PHRASE_BOILER },
        /* a post footer's template, however long it runs */
        { "You can follow any responses to this entry through the RSS 2.0 feed. "
          "You can leave a response, or trackback from your own site.", PHRASE_BOILER },
        { "This entry was posted on Monday, May 6th, 2013 at 9:12 am and is filed "
          "under Harbour News. You can follow any responses to this entry.", PHRASE_BOILER },
        { "You can follow the river all the way down to the old mill, where the "
          "path turns back along the fields to the village green.", PHRASE_NONE },
        { "Share prices rose sharply today", PHRASE_NONE },
        { "Home is where the heart is", PHRASE_NONE },
        { "Searchers found the hikers", PHRASE_NONE },
        { "", PHRASE_NONE },
        { "...", PHRASE_NONE },
    };
    check_phrases(c, sizeof c / sizeof *c);
}
END_TEST

/* A phrase at the start of a long paragraph is prose, not an opener. */
START_TEST(test_phrases_long_text_is_prose)
{
    static const phrase_case c[] = {
        { "Leave a reply to the mayor, the residents said, and they wrote letters "
          "to every paper in the county about the closing of the library.",
          PHRASE_NONE },
        { "Share prices of the company fell after the report said that the "
          "factory would close before the end of the year, costing many jobs.",
          PHRASE_NONE },
    };
    check_phrases(c, sizeof c / sizeof *c);
}
END_TEST

/* phrases_match stops folding once the words seen rule out every entry:
 * each way a later word can still matter, against the same text cut where
 * no entry can follow (the answers are those of folding it all). */
START_TEST(test_phrases_stop_early)
{
    static const phrase_case c[] = {
        /* a prefix entry found words in, after words that only begin one */
        { "Leave a Reply Cancel reply", PHRASE_COMMENTS },
        /* a whole entry, then words none goes on with */
        { "One comment", PHRASE_BOILER },
        { "One comment on this story from a reader in the north of the county", PHRASE_NONE },
        { "Leave the city before dawn, the guide said, and walk north", PHRASE_NONE },
        /* a counter: its number first, its word second or third */
        { "12 comments on the story from readers in the north of the county", PHRASE_COMMENTS },
        { "12 thoughts on the story from readers in the north of the county", PHRASE_COMMENTS },
        { "5. Response codes and what each of them means for the client", PHRASE_NONE },
        { "12 comments", PHRASE_COMMENTS },
        { "12 Thoughts on", PHRASE_COMMENTS },
        { "12 thoughts", PHRASE_NONE },
        { "12 b\xc3\xacnh lu\xe1\xba\xadn", PHRASE_COMMENTS },
        /* a number not followed by a counter's words: no counter, whatever
         * comes after them */
        { "12 people were hurt, 3 comments said, in the crash on the road", PHRASE_NONE },
        { "12 thoughts about comments", PHRASE_NONE },
        { "2024 Share 3 Tweet Email", PHRASE_BOILER },
        { "2024 Share 3 Tweet Email and more", PHRASE_NONE },
        /* a share row: every word a share word or a number, to its end */
        { "Share 12 Tweet 3 Email Print Facebook Twitter", PHRASE_BOILER },
        { "Share 12 Tweet 3 Email Print Facebook Twitter and the rest", PHRASE_NONE },
        { "Facebook Twitter", PHRASE_BOILER },
        /* a word apart from its entry's only by an apostrophe or a letter
         * out of ASCII */
        { "Ελάτε σχόλια", PHRASE_NONE },
        { "σχόλια", PHRASE_COMMENTS },
    };
    check_phrases(c, sizeof c / sizeof *c);
}
END_TEST

/* ---- languages ---------------------------------------------------------- */

static unsigned lang_of(const char *s)
{
    return feat(s).lang;
}

/* Short texts and texts of the languages the generated lists added. */
START_TEST(test_lang_choice_short)
{
    ck_assert_uint_eq(lang_of("The cat and the dog"), LANG_EN);
    ck_assert_uint_eq(lang_of("Der Hund und die Katze"), LANG_DE);
    ck_assert_uint_eq(lang_of("El perro y el gato de la casa"), LANG_ES);
    ck_assert_uint_eq(lang_of("Kot i pies są w domu"), LANG_PL);
    ck_assert_uint_eq(lang_of("قال إن المدينة في هذه الحالة"), LANG_AR);
    ck_assert_uint_eq(lang_of("Това е книга, която той ще прочете"), LANG_BG);
    ck_assert_uint_eq(lang_of("Đây là một cuốn sách của tôi và của bạn"), LANG_VI);
    ck_assert_uint_eq(lang_of("Els nens i les nenes de la ciutat"), LANG_CA);
    ck_assert_uint_eq(lang_of("यह एक किताब है और वह भी"), LANG_HI);
    ck_assert_uint_eq(lang_of("היא אמרה כי הוא לא עם זה"), LANG_HE);
    ck_assert_uint_eq(lang_of("Ang bata ay nasa bahay at ang aso"), LANG_TL);
    /* no stopword at all: the first language, density from the fallback */
    ck_assert_uint_eq(feat("Zebra Quokka").stops, 0);
    /* scripts without spaces: by script, not by words */
    ck_assert_uint_eq(lang_of("\xe4\xbb\x8a\xe5\xa4\xa9\xe5\xa4\xa9\xe6\xb0\x94\xe5\xbe\x88"
                              "\xe5\xa5\xbd\xe3\x80\x82"), LANG_ZH);     /* 今天天气很好。 */
    ck_assert_uint_eq(lang_of("\xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf\xe6\x99\xb4\xe3\x82\x8c"
                              "\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82"), LANG_JA); /* 今日は晴れです。 */
    ck_assert_uint_eq(lang_of("\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\x99\xe0\xb8\x99\xe0\xb8\xb5"
                              "\xe0\xb9\x89\xe0\xb8\xad\xe0\xb8\xb2\xe0\xb8\x81\xe0\xb8\xb2"
                              "\xe0\xb8\xa8\xe0\xb8\x94\xe0\xb8\xb5"), LANG_TH); /* วันนี้อากาศดี */
}
END_TEST

/* A block that mixes languages is measured in the one with most hits,
 * counting only that language's words. */
START_TEST(test_lang_choice_mixed)
{
    features f = feat("He said that the answer was \"c'est la vie\" and left.");
    ck_assert_uint_eq(f.lang, LANG_EN);
    features g = feat("Il a dit que la réponse était \"the end\" et il est parti.");
    ck_assert_uint_eq(g.lang, LANG_FR);
    /* an English quote in a Russian sentence */
    features r = feat("Он сказал, что это было \"the end\" и что он не "
                      "вернётся в город до весны.");
    ck_assert(r.lang == LANG_RU);
    ck_assert_uint_ge(r.stops, 5);
}
END_TEST

START_TEST(test_lang_find)
{
    ck_assert_uint_eq(stoplist_lang_find("de"), LANG_DE);
    ck_assert_uint_eq(stoplist_lang_find("pt-BR"), LANG_PT);
    ck_assert_uint_eq(stoplist_lang_find("ZH_tw"), LANG_ZH);
    ck_assert_uint_eq(stoplist_lang_find("nb"), LANG_NO);
    ck_assert_uint_eq(stoplist_lang_find("sr-Latn"), LANG_HR);
    ck_assert_uint_eq(stoplist_lang_find("fil"), LANG_TL);
    ck_assert_uint_eq(stoplist_lang_find("xx"), LANG_COUNT);
    ck_assert_uint_eq(stoplist_lang_find(""), LANG_COUNT);
    ck_assert_uint_eq(stoplist_lang_find("e"), LANG_COUNT);
    ck_assert_uint_eq(stoplist_lang_find("english"), LANG_COUNT);
    ck_assert_uint_eq(stoplist_lang_find("d\xc3\xa9"), LANG_COUNT);
    ck_assert_uint_ge(LANG_COUNT, 30);
}
END_TEST

/* --lang: density in that language only, whatever fits best. */
START_TEST(test_lang_forced)
{
    const char *s = "The cat and the dog are in the house with the children.";
    features f = feat(s);
    ck_assert_uint_eq(f.lang, LANG_EN);
    uint32_t en = f.stops;
    stoplist_set_lang(sl, LANG_DE);
    f = feat(s);
    ck_assert_uint_eq(f.lang, LANG_DE);
    ck_assert_uint_lt(f.stops, en);
    stoplist_set_lang(sl, LANG_COUNT);
    ck_assert_uint_eq(feat(s).lang, LANG_EN);
}
END_TEST

/* The headline hash folds case, accents, marks, fullwidth forms, spaces
 * and punctuation, in every script. */
START_TEST(test_norm_hash_scripts)
{
    static const char *const same[][2] = {
        { "Résumé du jour", "RESUME DU JOUR!" },
        { "Ελλάδα: νέα μέτρα", "ΕΛΛΑΔΑ ΝΕΑ ΜΕΤΡΑ" },             /* no tonos in capitals */
        { "Всё о ёлке", "ВСЕ О ЕЛКЕ" },                            /* ё as е */
        { "Die Straße", "DIE STRASSE" },
        { "Vi\xcc\x81 du\xcc\x80", "Vi du" },                     /* combining marks */
        { "كتابٌ جديـد", "كتاب جديد" },                            /* harakat, tatweel */
        { "אֲנִי כּוֹתֵב", "אני כותב" },                              /* Hebrew points */
        { "ＡＢＣ ニュース", "abc ニュース" },                       /* fullwidth Latin */
        { "東京 の 天気。", "東京の天気" },                           /* CJK: spaces, punctuation */
        { "HỘI ĐỒNG THÀNH PHỐ", "Hội đồng thành phố" },            /* Vietnamese */
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        ck_assert_msg(feat(same[i][0]).norm_hash == feat(same[i][1]).norm_hash,
                      "%s / %s", same[i][0], same[i][1]);
    ck_assert(feat("Всё о ёлке").norm_hash != feat("Всё о белке").norm_hash);
    ck_assert(feat("東京の天気").norm_hash != feat("京都の天気").norm_hash);
    ck_assert(feat("كتاب جديد").norm_hash != feat("كتاب قديم").norm_hash);
    /* the stoplist still sees the accented word as written */
    ck_assert_uint_eq(feat("été").stops, 1);
}
END_TEST

/* Phrases of the added languages, and table keys folded like texts (a
 * final sigma in the table matches). */
START_TEST(test_phrases_languages)
{
    phrases *p = phrases_new(&cm);
    ck_assert_ptr_nonnull(p);
    static const struct { const char *s; phrase_kind k; } cases[] = {
        { "Διαβάστε επίσης: Νέα μέτρα", PHRASE_RELATED },
        { "اقرأ أيضا: خبر آخر", PHRASE_RELATED },
        { "Xem thêm: Tin khác", PHRASE_RELATED },
        { "関連記事：冬の話", PHRASE_RELATED },
        { "Baca juga: Berita lain", PHRASE_RELATED },
        { "Laisser un commentaire", PHRASE_COMMENTS },
        { "Để lại một bình luận", PHRASE_COMMENTS },
        { "コメントを残す", PHRASE_COMMENTS },
        { "12 komentarzy", PHRASE_COMMENTS },
        { "Tous droits réservés", PHRASE_BOILER },
        { "Wir verwenden Cookies, um", PHRASE_BOILER },
        { "Chia sẻ", PHRASE_BOILER },
        { "版权所有", PHRASE_BOILER },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        ck_assert_msg(phrases_match(p, cases[i].s, strlen(cases[i].s)) == cases[i].k,
                      "%s", cases[i].s);
    phrases_free(p, &cm);
}
END_TEST

static int discard(void *ctx, const char *s, size_t n)
{
    (void)ctx, (void)s, (void)n;
    return 0;
}

/* The document's language: --lang, else <html lang>, else hits; shown on
 * the first --explain line; an unknown --lang is EINVAL. */
START_TEST(test_doc_lang)
{
    ub_options o;
    ub_options_init(&o);
    o.output = UB_OUTPUT_EXPLAIN;
    run_result r;
    const char *de = "Der Rat der Stadt hat am Montag beschlossen, dass die Bibliothek "
                     "auf dem Hügel bis zum Frühjahr geöffnet bleibt.\n";
    run_filter(&o, de, strlen(de), (chunks){ CHUNK_WHOLE, 0, 0 }, &r);
    ck_assert_ptr_nonnull(strstr(r.out, " doc=de(hits:"));
    run_result_free(&r);
    const char *page = "<html lang=\"pt-BR\"><body><p>The cat and the dog are here, "
                       "and they will stay in the house with the children.</p></body></html>";
    run_filter(&o, page, strlen(page), (chunks){ CHUNK_WHOLE, 0, 0 }, &r);
    ck_assert_ptr_nonnull(strstr(r.out, " doc=pt(html-lang) en | "));
    run_result_free(&r);
    o.lang = "fr";
    run_filter(&o, de, strlen(de), (chunks){ CHUNK_WHOLE, 0, 0 }, &r);
    ck_assert_ptr_nonnull(strstr(r.out, " doc=fr(--lang) fr | "));
    run_result_free(&r);
    o.lang = "klingon";
    ub_status st;
    ck_assert_ptr_null(ub_filter_new(&o, discard, NULL, &st));
    ck_assert_int_eq(st, UB_EINVAL);
}
END_TEST

Suite *features_suite(void)
{
    Suite *s = suite_create("features");
    TCase *tc = tcase_create("features");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_counts_simple);
    tcase_add_test(tc, test_tokens_counted);
    tcase_add_test(tc, test_joined_tokens);
    tcase_add_test(tc, test_pauses);
    tcase_add_test(tc, test_density_kept);
    tcase_add_test(tc, test_stopwords_and_language);
    tcase_add_test(tc, test_digits_symbols_separators);
    tcase_add_test(tc, test_clause_marks);
    tcase_add_test(tc, test_urls);
    tcase_add_test(tc, test_shape_flags);
    tcase_add_test(tc, test_norm_hash);
    tcase_add_test(tc, test_keywords);
    tcase_add_test(tc, test_keywords_shared);
    tcase_add_test(tc, test_unspaced_scripts);
    tcase_add_test(tc, test_invalid_bytes);
    suite_add_tcase(s, tc);

    tc = tcase_create("stoplist");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_stoplist_lookup);
    tcase_add_test(tc, test_stoplist_codes);
    tcase_add_test(tc, test_stoplist_enomem);
    suite_add_tcase(s, tc);

    tc = tcase_create("fast paths");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_fast_paths_hand);
    tcase_add_test(tc, test_fast_paths_generated);
    tcase_add_test(tc, test_stop_counts_past_a_byte);
    tcase_add_test(tc, test_lanes_best);
    tcase_add_test(tc, test_runs_near_block_end);
    tcase_add_test(tc, test_random_bytes);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);

    tc = tcase_create("languages");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_lang_choice_short);
    tcase_add_test(tc, test_lang_choice_mixed);
    tcase_add_test(tc, test_lang_find);
    tcase_add_test(tc, test_lang_forced);
    tcase_add_test(tc, test_norm_hash_scripts);
    tcase_add_test(tc, test_phrases_languages);
    tcase_add_test(tc, test_doc_lang);
    suite_add_tcase(s, tc);

    tc = tcase_create("phrases");
    tcase_add_test(tc, test_phrases_comments);
    tcase_add_test(tc, test_phrases_related);
    tcase_add_test(tc, test_phrases_boilerplate);
    tcase_add_test(tc, test_phrases_long_text_is_prose);
    tcase_add_test(tc, test_phrases_stop_early);
    tcase_add_test(tc, test_phrases_enomem);
    suite_add_tcase(s, tc);
    return s;
}
