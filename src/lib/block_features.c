/* block_features.c - one pass over a block's bytes gives every measurement. */
#include <string.h>
#include "block_features.h"
#include "bullet.h"
#include "span.h"
#include "utf8.h"

/* A line whose runs of non-spaces average more characters than this has
 * its words run together by machine (an ad's slot names joined by commas,
 * a script's query string): its commas and dots join tokens, they are no
 * sign of prose.  Prose averages 5 to 7, a CJK sentence is taken apart
 * before this test; set by hand (README, "joined tokens"). */
#define FEATURES_JOINED_CHARS 30

#define COPYRIGHT_WORDS 3   /* the word "copyright" within these opens a notice */

static int is_separator(uint32_t cp)
{
    return cp == '|' || cp == 0xBB || cp == 0xAB || cp == 0xB7 ||
           cp == 0x2022 || cp == 0x203A || cp == 0x2039 || cp == 0x22C5 ||
           cp == 0x25E6 || cp == 0x25AA || cp == 0x25B8 || cp == 0x25BA ||
           cp == 0x2192 || cp == 0x2023;
}

static inline int is_sentence_end(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
           cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x61F ||
           cp == 0x964;
}

static int is_closing(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == 0x201D ||
           cp == 0x2019 || cp == 0xBB || cp == 0x300D || cp == 0x300F ||
           cp == ']';
}

static int is_common_punct(uint32_t cp)
{
    return cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == '!' ||
           cp == '?' || cp == '\'' || cp == '"' || cp == '(' || cp == ')' ||
           cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2019 ||
           cp == 0x2018 || cp == 0x201C || cp == 0x201D || cp == 0x2026 ||
           cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xAB ||
           cp == 0xBB || cp == '%' || cp == '$' || cp == '&';
}

/* A token (run of non-spaces) that is a URL or address counts as link text
 * in text mode, where the markup that made it a link is gone. */
static int token_is_url(const char *t, size_t n)
{
    if ((n > 7 && memcmp(t, "http://", 7) == 0) ||
        (n > 8 && memcmp(t, "https://", 8) == 0) ||
        (n > 4 && memcmp(t, "www.", 4) == 0))
        return 1;
    const char *at = memchr(t, '@', n);
    return at && at > t && memchr(at, '.', n - (size_t)(at - t)) != NULL &&
           t[n - 1] != '.';
}

/* A stopword's languages are counted a byte per language, eight to a
 * 64-bit word: a few adds, where a loop over the mask's bits took a
 * branch per language whose count of steps the processor could not
 * foresee.  A byte holds 255 hits, so the lanes go to the counts every
 * LANE_MAX words with hits, and at the block's end. */
#define LANE_WORDS FEATURES_LANE_WORDS
#define LANE_MAX 255

/* byte k of lane_spread[b] is bit k of b */
#define SPREAD(b) ((uint64_t)((b) & 1) | (uint64_t)((b) >> 1 & 1) << 8 | \
                   (uint64_t)((b) >> 2 & 1) << 16 | (uint64_t)((b) >> 3 & 1) << 24 | \
                   (uint64_t)((b) >> 4 & 1) << 32 | (uint64_t)((b) >> 5 & 1) << 40 | \
                   (uint64_t)((b) >> 6 & 1) << 48 | (uint64_t)((b) >> 7 & 1) << 56)
#define SPREAD4(b) SPREAD(b), SPREAD((b) + 1), SPREAD((b) + 2), SPREAD((b) + 3)
#define SPREAD16(b) SPREAD4(b), SPREAD4((b) + 4), SPREAD4((b) + 8), SPREAD4((b) + 12)
#define SPREAD64(b) SPREAD16(b), SPREAD16((b) + 16), SPREAD16((b) + 32), SPREAD16((b) + 48)
static const uint64_t lane_spread[256] = {
    SPREAD64(0), SPREAD64(64), SPREAD64(128), SPREAD64(192)
};

/* The running state of one pass over a block.  Counters live here rather
 * than in the features until the end: stores through `f` could alias the
 * text, and the compiler would keep every one of them in memory. */
typedef struct scan {
    features *f;
    const stoplist *sl;
    const unsigned char *s;
    size_t len;
    uint32_t *counts;        /* stopword hits per language, up to the last flush */
    uint64_t langs_seen;     /* languages with hits */
    uint64_t *lane;          /* hits since the flush: a byte per language */
    unsigned pending;        /* words with hits since the flush */
    int flushed;             /* the lanes went to the counts before the end */
    uint32_t *keys;          /* FEATURES_KEYWORDS + 1: the last takes the rest */
    unsigned nkeys;
    uint32_t words, numbers, chars, digits, caps, commas, separators, sentences, tokens;
    uint32_t kana, thai;     /* unspaced characters of Japanese, of Thai */
    uint64_t h, nh;
    uint64_t nwh;            /* the word hashed with utf8_norm_fold, once it differs */
    size_t word_cps, tok_start, tok_cps, url_cps, paren_c;
    size_t first_at;         /* where the first character that is no space is */
    size_t run_start;        /* where the last run of ASCII word characters began */
    uint32_t prev_nonspace;  /* the last character that is no space */
    int first;               /* no character but spaces yet */
    int in_word, word_cap, word_alpha, after_end, in_tok, tok_at;
    int word_accents;        /* the word has a letter utf8_norm_fold changes */
} scan;

/* Adds the hits in the lanes to the counts of the languages seen and
 * empties the lanes.  Not given the scan, whose state would then have to
 * live in memory. */
static void lanes_flush(uint32_t *counts, uint64_t *lane, uint64_t seen)
{
    for (; seen; seen &= seen - 1) {
        unsigned l = (unsigned)__builtin_ctzll(seen);
        counts[l] += (uint32_t)(lane[l / 8] >> (8 * (l % 8)) & 0xff);
    }
    for (unsigned g = 0; g < LANE_WORDS; g++)
        lane[g] = 0;
}

unsigned features_lanes_best_portable(const uint64_t *lane)
{
    unsigned best = 0, most = 0;
    for (unsigned l = 0; l < LANE_WORDS * 8; l++) {
        unsigned c = (unsigned)(lane[l / 8] >> (8 * (l % 8)) & 0xff);
        if (c > most) {
            most = c;
            best = l;
        }
    }
    return best;
}

#ifdef __SSE2__
/* Lane word k into the low half of a vector, 0 past the lanes: eight
 * bytes a load, as they were stored (a sixteen-byte load of two words
 * just written waits for the stores to reach the cache). */
static inline __m128i lane_word(const uint64_t *lane, unsigned k)
{
    return k < LANE_WORDS ? _mm_loadl_epi64((const __m128i *)(const void *)(lane + k))
                          : _mm_setzero_si128();
}

/* The lanes' largest byte by halving maxima, then the first byte equal
 * to it.  Five words: two vectors and a half. */
unsigned features_lanes_best_sse2(const uint64_t *lane)
{
    _Static_assert(LANE_WORDS <= 6, "the lanes fit three vectors");
    __m128i a = _mm_unpacklo_epi64(lane_word(lane, 0), lane_word(lane, 1));
    __m128i b = _mm_unpacklo_epi64(lane_word(lane, 2), lane_word(lane, 3));
    __m128i c = _mm_unpacklo_epi64(lane_word(lane, 4), lane_word(lane, 5));
    __m128i m = _mm_max_epu8(_mm_max_epu8(a, b), c);
    m = _mm_max_epu8(m, _mm_srli_si128(m, 8));
    m = _mm_max_epu8(m, _mm_srli_si128(m, 4));
    m = _mm_max_epu8(m, _mm_srli_si128(m, 2));
    m = _mm_max_epu8(m, _mm_srli_si128(m, 1));
    __m128i most = _mm_set1_epi8((char)_mm_cvtsi128_si32(m));
    uint64_t eq = (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a, most)) |
                  (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(b, most)) << 16 |
                  (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, most)) << 32;
    return (unsigned)__builtin_ctzll(eq);   /* a byte equals the largest */
}
#define lanes_best features_lanes_best_sse2
#else
unsigned features_lanes_best_sse2(const uint64_t *lane)
{
    return features_lanes_best_portable(lane);
}
#define lanes_best features_lanes_best_portable
#endif

/* Zeroes p[0..n) for a small constant n in parts of 64 bytes, which GCC
 * clears with a few vector stores each, where the whole would take a
 * string instruction (rep stos), slow to start for so few bytes: it ran
 * twice for every block. */
__attribute__((always_inline))
static inline void clear_small(void *p, size_t n)
{
    for (size_t o = 0; o < n; o += 64)
        memset((char *)p + o, 0, n - o < 64 ? n - o : 64);
}

/* the scan's state stays in registers only if every helper that takes it
 * is inlined: hence always_inline on the ones the compiler might not */
__attribute__((always_inline))
static inline void word_begin(scan *sc, int cap)
{
    sc->in_word = 1;
    sc->word_accents = 0;
    sc->h = WORD_HASH_INIT;
    sc->word_cps = 0;
    sc->word_alpha = 0;
    sc->word_cap = cap;
    if (sc->after_end)
        sc->sentences++;
    sc->after_end = 0;
}

/* Hash a non-ASCII word character cp, whose plain fold is fc, into the
 * word hash and, once they part, into the headline hash's word (nwh),
 * which is blind to accents and marks (utf8_norm_fold; sharp s as "ss"). */
__attribute__((always_inline))
static inline void word_step_nonascii(scan *sc, uint32_t cp, uint32_t fc)
{
    uint32_t nc = utf8_norm_fold(cp);
    if (!sc->word_accents && (nc != fc || fc == 0xDF)) {
        /* up to here the two hashes took the same steps */
        sc->word_accents = 1;
        sc->nwh = sc->h;
    }
    char enc[4];
    size_t m = utf8_encode(fc, enc);
    for (size_t j = 0; j < m; j++)
        sc->h = word_hash_step(sc->h, (unsigned char)enc[j]);
    if (!sc->word_accents || nc == 0)
        return;
    if (nc == 0xDF) {        /* sharp s: "STRASSE" is "straße" */
        sc->nwh = word_hash_step(word_hash_step(sc->nwh, 's'), 's');
        return;
    }
    m = utf8_encode(nc, enc);
    for (size_t j = 0; j < m; j++)
        sc->nwh = word_hash_step(sc->nwh, (unsigned char)enc[j]);
}

/* A word ends: h and nw are its word hash and the headline hash's word
 * (word_hash_final both), cps its characters, alpha whether it has a
 * letter, cap whether it starts with a capital. */
__attribute__((always_inline))
static inline void word_done(scan *sc, uint64_t h, uint64_t nw, size_t cps, int alpha, int cap)
{
    features *f = sc->f;
    sc->numbers += !alpha;
    if (++sc->words == 1) {
        f->first_word = h;
        f->first_digits = !alpha;
    }
    uint64_t langs = stoplist_lookup(sc->sl, h);
    if (langs & STOPLIST_COPYRIGHT) {
        /* "Copyright 2012 ..." and "Home copyright ..." are notices; a
         * sentence about copyright law is prose */
        f->copyright |= sc->words <= COPYRIGHT_WORDS;
        langs = 0;
    }
    sc->caps += (uint32_t)cap;
    /* a key is written every time and kept by the count: no branch on
     * whether the word is a stopword, which half the words of prose are in
     * no order the processor can learn */
    sc->keys[sc->nkeys] = (uint32_t)(h >> 16);
    unsigned nk = sc->nkeys + ((unsigned)(cps >= 4) & (langs == 0) & (unsigned)alpha);
    sc->nkeys = nk < FEATURES_KEYWORDS ? nk : FEATURES_KEYWORDS;
    sc->nh = (sc->nh ^ nw) * 0x9E3779B97F4A7C15ull + 1;
    if (langs) {
        sc->langs_seen |= langs;
#pragma GCC unroll 8
        for (unsigned g = 0; g < LANE_WORDS; g++)
            sc->lane[g] += lane_spread[langs >> (8 * g) & 0xff];
        if (++sc->pending == LANE_MAX) {
            if (!sc->flushed)   /* the counts' first use: see features_compute */
                clear_small(sc->counts, LANG_COUNT * sizeof *sc->counts);
            lanes_flush(sc->counts, sc->lane, sc->langs_seen);
            sc->pending = 0;
            sc->flushed = 1;
        }
    }
}

/* The word being read ends. */
__attribute__((always_inline))
static inline void word_end(scan *sc)
{
    sc->in_word = 0;
    uint64_t h = word_hash_final(sc->h);
    word_done(sc, h, sc->word_accents ? word_hash_final(sc->nwh) : h, sc->word_cps,
              sc->word_alpha, sc->word_cap);
}

__attribute__((always_inline))
static inline void token_begin(scan *sc, size_t i)
{
    sc->in_tok = 1;
    sc->tok_at = 0;
    sc->tok_start = i;
    sc->tok_cps = 0;
}

/* The token s[start..start + n) of cps characters ends; `at`: it holds
 * an '@'. */
__attribute__((always_inline))
static inline void token_done(scan *sc, size_t start, size_t n, size_t cps, int at)
{
    sc->tokens++;
    /* only tokens that hold an '@' or are long enough to start with
     * "http://" or "www." and do: the others are no URL */
    unsigned char c = sc->s[start];
    if ((at || (c == 'h' && n > 7) || (c == 'w' && n > 4)) &&
        token_is_url((const char *)sc->s + start, n))
        sc->url_cps += cps;
}

__attribute__((always_inline))
static inline void token_end(scan *sc, size_t i)
{
    sc->in_tok = 0;
    token_done(sc, sc->tok_start, i - sc->tok_start, sc->tok_cps, sc->tok_at);
}

/* The block's first character that is no space, cp of k bytes at s[i]
 * of s[0..len).  Out of line, and not given the scan, whose state would
 * then have to live in memory. */
static void first_char(features *f, const unsigned char *s, size_t len, uint32_t cp,
                       size_t i, size_t k)
{
    /* the marks the model was fitted with (bullet.h) */
    if ((bullet_ascii(cp) || cp == 0x2022 || cp == 0x25E6 || cp == 0x25AA) &&
        i + k < len && (s[i + k] == ' ' || cp == '#'))
        f->bullet = 1;
    if (cp == '[')
        f->bracketed = 1;
}

static uint32_t count_digits(const unsigned char *s, size_t n)
{
    uint32_t d = 0;
    for (size_t i = 0; i < n; i++)
        d += (unsigned)s[i] - '0' < 10u;
    return d;
}

/* Hashes the run of ASCII word characters at s[i] into *h; returns where
 * it ends.  *all is the AND of the table's values, which has 0x40 clear
 * if the run holds a digit.  A run that starts before `tail` (where the
 * block's last run starts) ends at a byte of the block, so its loop needs
 * no bounds check. */
__attribute__((always_inline))
static inline size_t hash_run(const unsigned char *s, size_t i, size_t tail, size_t len,
                              uint64_t *h, unsigned *all)
{
    /* 64-bit v and a pointer: GCC then keeps no copy of the index and
     * widens no byte in the loop, which runs for most bytes of a block */
    uint64_t x = *h, a = 0xff;
    const unsigned char *p = s + i;
    if (i < tail) {
        uint64_t v = utf8_ascii_word[*p];
        for (;;) {   /* two bytes a step: one add for both */
            a &= v;
            x = word_hash_step(x, (unsigned char)v);
            v = utf8_ascii_word[p[1]];
            if (v == 0) {
                p++;
                break;
            }
            a &= v;
            x = word_hash_step(x, (unsigned char)v);
            v = utf8_ascii_word[p[2]];
            p += 2;
            if (v == 0)
                break;
        }
    } else {
        for (const unsigned char *end = s + len; p < end; p++) {
            uint64_t v = utf8_ascii_word[*p];
            a &= v;
            x = word_hash_step(x, (unsigned char)v);
        }
    }
    *h = x;
    *all = (unsigned)a;
    return (size_t)(p - s);
}

/* Counts the characters of the run s[i..j) of ASCII word characters
 * (`all` from hash_run); returns whether it has a letter. */
__attribute__((always_inline))
static inline int run_counts(scan *sc, size_t i, size_t j, unsigned all)
{
    size_t n = j - i;
    int alpha = 1;   /* no digit: most runs */
    if (!(all & 0x40)) {
        uint32_t digits = count_digits(sc->s + i, n);
        sc->digits += digits;
        alpha = digits < n;
    }
    sc->run_start = i;
    sc->chars += (uint32_t)n;
    sc->prev_nonspace = sc->s[j - 1];
    return alpha;
}

/* A run of ASCII word characters that goes on a word or a token begun
 * before it ("caf" after "é", "example" after "joe@"). */
static inline size_t word_more(scan *sc, size_t i, size_t tail)
{
    const unsigned char *s = sc->s;
    if (!sc->in_word)
        word_begin(sc, (unsigned)s[i] - 'A' < 26u);
    uint64_t h = sc->h;
    unsigned all;
    size_t j = hash_run(s, i, tail, sc->len, &h, &all);
    sc->h = h;
    if (sc->word_accents)
        for (size_t k = i; k < j; k++)
            sc->nwh = word_hash_step(sc->nwh, utf8_ascii_word[s[k]]);
    sc->word_alpha |= run_counts(sc, i, j, all);
    if (!sc->in_tok)
        token_begin(sc, i);
    sc->word_cps += j - i;
    sc->tok_cps += j - i;
    return j;
}

/* The ASCII marks that may end a word and its token ("word," "word.")
 * with nothing more to them than other_char gives them: bit c - 0x20 for
 * each of ! " ) , . : ; ?  (a ')' closes "(c)" only in a token that
 * began with '(', which no such run does) */
#define WORD_END_PUNCT ((1u << ('!' - 0x20)) | (1u << ('"' - 0x20)) | (1u << (')' - 0x20)) | \
                        (1u << (',' - 0x20)) | (1u << ('.' - 0x20)) | \
                        (1u << (':' - 0x20)) | (1u << (';' - 0x20)) | (1u << ('?' - 0x20)))

/* Runs of ASCII word characters from s[i], the bulk of most blocks,
 * hashed and counted a byte at a time with no other state: which is what
 * makes the scan fast.  A run that is a whole token (a space or the end
 * after it) is a whole word and no URL, and ends here, as does the single
 * space after it when another such run follows.  Returns where the scan
 * goes on. */
__attribute__((always_inline))
static inline size_t word_run(scan *sc, size_t i, size_t tail)
{
    const unsigned char *s = sc->s;
    size_t len = sc->len;
    if (sc->first) {
        sc->first = 0;
        sc->first_at = i;
        first_char(sc->f, s, len, s[i], i, 1);
    }
    if (sc->in_word || sc->in_tok)
        return word_more(sc, i, tail);
    /* a sentence starts with the first word; the loop's later words
     * follow a word */
    if (sc->after_end)
        sc->sentences++;
    sc->after_end = 0;
    for (;;) {
        /* a word and a token start here */
        int cap = (unsigned)s[i] - 'A' < 26u;
        uint64_t h = WORD_HASH_INIT;
        unsigned all;
        size_t j = hash_run(s, i, tail, len, &h, &all);
        int alpha = run_counts(sc, i, j, all);
        if (j < len && s[j] != ' ') {
            unsigned char p = s[j];
            if (p - 0x20u < 32u && (WORD_END_PUNCT >> (p - 0x20u) & 1) &&
                (j + 1 == len || s[j + 1] == ' ' || (unsigned)s[j + 1] - '\t' < 5u)) {
                /* "word," "word." and the like, then a space or the end:
                 * the word, the mark and the token all end here, as the
                 * mark's own step (other_char) and the space's would end
                 * them, without the state that the two steps share */
                h = word_hash_final(h);
                word_done(sc, h, h, j - i, alpha, cap);
                sc->commas += p == ',';
                sc->after_end |= p == '.' || p == '!' || p == '?';
                sc->chars++;
                sc->prev_nonspace = p;
                token_done(sc, i, j + 1 - i, j + 1 - i, 0);
                return j + 1;
            }
            /* the word or the token goes on */
            sc->in_word = 1;
            sc->word_accents = 0;
            sc->h = h;
            sc->word_cps = j - i;
            sc->word_alpha = alpha;
            sc->word_cap = cap;
            token_begin(sc, i);
            sc->tok_cps = j - i;
            return j;
        }
        h = word_hash_final(h);
        word_done(sc, h, h, j - i, alpha, cap);
        sc->tokens++;   /* a whole token */
        /* s[j] is a space if j < len */
        if (j + 1 >= len || !utf8_ascii_word[s[j + 1]])
            return j;
        i = j + 1;   /* a single space, which does nothing more */
    }
}

/* A run of ' ' from s[i]: it ends the word and the token before it.  Two
 * spaces or more after a run of ASCII word characters (and a comma) are a
 * menu's gap ("News  Sport  Business"), unless the line or block ends
 * there or the run is the block's first character alone; prose has no
 * such gaps, except after a full stop. */
__attribute__((always_inline))
static inline size_t blank_run(scan *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t len = sc->len, e = i + 1;
    if (sc->in_word)
        word_end(sc);
    if (sc->in_tok)
        token_end(sc, i);
    if (e < len && s[e] == ' ')
        e += span_byte(s + e, len - e, ' ');
    if (sc->first) {
        sc->f->indent += (uint32_t)(e - i);
    } else if (e - i >= 2 && e < len && s[e] != '\r' && s[e] != '\n') {
        size_t w = i >= 2 && s[i - 1] == ',' ? i - 1 : i;
        if (w > 0 && utf8_ascii_word[s[w - 1]] &&
            !(sc->run_start == sc->first_at && w - sc->run_start == 1))
            sc->separators++;
    }
    return e;
}

/* Any other character: cp, k bytes at s[i].  Returns where the next one
 * starts. */
__attribute__((always_inline))
static inline size_t other_char(scan *sc, uint32_t cp, size_t i, size_t k)
{
    const unsigned char *s = sc->s;
    size_t len = sc->len;
    features *f = sc->f;
    int space = utf8_is_space(cp);
    int word = !space && (utf8_is_word(cp) && !utf8_is_unspaced(cp));
    /* an apostrophe inside a word keeps it one word (it's, c'est) */
    if (!word && sc->in_word && (cp == '\'' || cp == 0x2019) && i + k < len &&
        s[i + k] < 0x80 && utf8_is_word(s[i + k])) {
        sc->h = word_hash_step(sc->h, '\'');
        if (sc->word_accents)
            sc->nwh = word_hash_step(sc->nwh, '\'');
        return i + k;
    }
    if (word) {
        if (!sc->in_word)
            word_begin(sc, utf8_is_upper(cp));
        uint32_t fc = utf8_fold(cp);
        if (fc < 0x80) {
            /* ASCII, which both folds lower-case alike */
            sc->h = word_hash_step(sc->h, (unsigned char)fc);
            if (sc->word_accents)
                sc->nwh = word_hash_step(sc->nwh, (unsigned char)fc);
        } else {
            word_step_nonascii(sc, cp, fc);
        }
        sc->word_cps++;
        if (utf8_is_digit(cp))
            sc->digits++;
        else
            sc->word_alpha = 1;
    } else if (sc->in_word) {
        word_end(sc);
    }
    if (!word && !space) {
        if (utf8_is_unspaced(cp)) {
            f->unspaced++;
            sc->kana += cp >= 0x3040 && cp <= 0x30FF;
            f->wide += cp >= 0x3040;
            sc->thai += cp >= 0x0E00 && cp <= 0x0E7F;
            sc->nh = (sc->nh ^ cp) * 0x9E3779B97F4A7C15ull + 1;
            if (sc->after_end)
                sc->sentences++;
            sc->after_end = 0;
        } else if (utf8_is_digit(cp)) {
            sc->digits++;
        } else if (cp == ',' || cp == 0x3001 || cp == 0xFF0C || cp == 0x60C) {
            sc->commas++;
        } else if (is_sentence_end(cp)) {
            sc->after_end = 1;
        } else if (is_separator(cp) ||
                   /* " / ": the byte before is the character before */
                   (cp == '/' && i > 0 && s[i - 1] == ' ' && i + 1 < len && s[i + 1] == ' ')) {
            sc->separators++;
        } else if (!is_common_punct(cp) && !utf8_is_word(cp)) {
            f->symbols++;
        }
        if (cp == '@')
            sc->tok_at = 1;
        if (cp == 0xA9 || (cp == ')' && sc->paren_c == i))
            f->copyright = 1;
        if (cp == '(' && i + 2 < len && (s[i + 1] | 32) == 'c')
            sc->paren_c = i + 2;   /* "(c)" */
    }
    if (!space) {
        sc->chars++;
        if (sc->first) {
            sc->first = 0;
            sc->first_at = i;
            first_char(f, s, len, cp, i, k);
        }
        if (!sc->in_tok)
            token_begin(sc, i);
        sc->tok_cps++;
        sc->prev_nonspace = cp;
    } else {
        if (sc->in_tok)
            token_end(sc, i);
        if (sc->first && cp == '\t')
            f->indent += 8;
    }
    return i + k;
}

/* One scanner: each step takes a run of ASCII word characters, a run of
 * spaces, or one other character, and all three keep the same state, so
 * a block measures alike however its bytes fall (tests/features_ref.c is
 * the plain statement of what it computes, one character at a time). */
void features_compute(features *f, const stoplist *sl, const char *text, size_t len)
{
    clear_small(f, sizeof *f);
    /* cleared only when the lanes first fill up (word_done): most blocks
     * never use them */
    uint32_t counts[LANG_COUNT];
    uint64_t lane[LANE_WORDS] = {0};
    uint32_t keys[FEATURES_KEYWORDS + 1] = { 0 };
    scan st = { .f = f, .sl = sl, .s = (const unsigned char *)text, .len = len,
                .counts = counts, .lane = lane, .keys = keys, .paren_c = (size_t)-1,
                .first_at = (size_t)-1, .run_start = (size_t)-1, .first = 1 };
    scan *sc = &st;
    const unsigned char *s = sc->s;
    size_t tail = len > 0 && utf8_ascii_word[s[len - 1]] ? len - span_word_back(s, len) : len;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (utf8_ascii_word[c]) {
            i = word_run(sc, i, tail);
        } else if (c == ' ') {
            i = blank_run(sc, i);
        } else {
            uint32_t cp = c;
            size_t k = c < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
            i = other_char(sc, cp, i, k);
        }
    }
    /* the block's end is a space */
    if (sc->in_word)
        word_end(sc);
    if (sc->in_tok)
        token_end(sc, len);
    /* the counts hold hits only if the lanes filled up on the way (a block
     * of 255 stopwords or more): else the lanes hold every hit, and the
     * best language is found in them without a loop over the languages */
    int flushed = sc->flushed;
    if (flushed)
        lanes_flush(counts, lane, sc->langs_seen);
    f->nkeys = (uint8_t)sc->nkeys;
    /* all of them, a fixed count the compiler copies with a few vector
     * moves, where a call to memcpy chose its path by the count block by
     * block: the keys past nkeys are 0 but the one the last word wrote */
    keys[sc->nkeys] = 0;
    memcpy(f->keys, keys, sizeof f->keys);
    uint32_t prev_nonspace = sc->prev_nonspace;
    f->words = sc->words;
    f->numbers = sc->numbers;
    f->chars = sc->chars;
    f->digits = sc->digits;
    f->caps = sc->caps;
    f->commas = sc->commas;
    f->separators = sc->separators;
    f->sentences = sc->sentences;
    f->tokens = sc->tokens;
    f->words += (f->unspaced + 1) / 2;
    unsigned best = 0;
    if (sl->only < LANG_COUNT) {
        best = sl->only;
    } else if (f->unspaced * 2 > f->chars) {
        /* the script tells: kana is Japanese, Thai letters Thai, Han alone
         * Chinese (or kanji-only Japanese, which reads alike) */
        best = sc->kana * 8 >= f->unspaced ? LANG_JA
             : sc->thai * 2 > f->unspaced ? LANG_TH : LANG_ZH;
    } else if (flushed) {
        /* most hits, the lowest on ties; no hits at all: the first */
        for (uint64_t m = sc->langs_seen; m; m &= m - 1) {
            unsigned l = (unsigned)__builtin_ctzll(m);
            if (counts[l] > counts[best])
                best = l;
        }
    } else {
        best = lanes_best(lane);
    }
    f->lang = (uint8_t)best;
    /* the lanes are 0 if flushed */
    f->stops = (flushed ? counts[best] : 0) + (uint32_t)(lane[best / 8] >> (8 * (best % 8)) & 0xff);
    f->link_chars = (uint32_t)sc->url_cps;
    f->url = f->chars > 0 && sc->url_cps * 2 >= f->chars;
    f->end_punct = is_sentence_end(prev_nonspace) || is_closing(prev_nonspace) ||
                   prev_nonspace == ':' || prev_nonspace == ';';
    f->end_colon = prev_nonspace == ':';
    f->bracketed = f->bracketed && prev_nonspace == ']';
    f->norm_hash = sc->nh;
    features_update_density(f);
}

double features_stop_density(const features *f)
{
    if (f->words == 0)
        return 0.0;
    if (f->unspaced * 2 > f->chars) {
        /* no stoplist for these scripts: prose has commas and full stops,
         * menus and titles hardly any */
        double p = (double)(f->commas + f->sentences + f->pauses) * 12.0 / (double)f->chars;
        return p > 1.0 ? 1.0 : p;
    }
    if (f->words >= 6 && f->stops * 20 < f->words) {
        /* no stoplist knows this language (or it is a list of names):
         * prose still has commas and sentence ends, menus and titles not */
        double d = (double)f->stops / (double)f->words;
        if (f->joined)
            return d;   /* words run together: the marks join them, no prose */
        double p = (double)(f->commas + f->sentences + f->end_punct) * 6.0 / (double)f->words;
        p = p > 0.45 ? 0.45 : p;
        return p > d ? p : d;
    }
    /* numbers are no words of any language: "rose 4.2% in 2023" reads
     * as prose as much as "rose sharply last year" */
    uint32_t w = f->words - f->numbers;
    return w ? (double)f->stops / (double)w : 0.0;
}

void features_update_density(features *f)
{
    f->stop_density = features_stop_density(f);
}

void features_mark_joined(features *f)
{
    uint8_t joined = f->chars > (uint64_t)FEATURES_JOINED_CHARS * f->tokens;
    /* the density changes only with the mark: most lines keep theirs */
    if (joined != f->joined) {
        f->joined = joined;
        features_update_density(f);
    }
}

void features_mark_pauses(features *f, const char *text, size_t len)
{
    if (f->unspaced * 2 <= f->chars)
        return;
    const unsigned char *s = (const unsigned char *)text;
    uint32_t before = f->pauses;
    int after = 0;   /* an unspaced character, then spaces only */
    int gap = 0;     /* ... and at least one space, no line break: a
                      * wrapped line's break may fall anywhere */
    for (size_t i = 0; i < len;) {
        uint32_t cp = s[i];
        size_t k = cp < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
        i += k;
        if (utf8_is_space(cp)) {
            gap = cp == '\n' || cp == '\r' ? 0 : after;
            after = after && gap;
            continue;
        }
        int unspaced = utf8_is_unspaced(cp);
        f->pauses += gap && unspaced;
        after = unspaced;
        gap = 0;
    }
    if (f->pauses != before)
        features_update_density(f);
}

double features_link_density(const features *f)
{
    return f->chars ? (double)f->link_chars / (double)f->chars : 0.0;
}
