/* block_features.c - one pass over a block's bytes gives every measurement. */
#include <string.h>
#include "block_features.h"
#include "bullet.h"
#include "utf8.h"

#define COPYRIGHT_WORDS 3   /* the word "copyright" within these opens a notice */

static int is_separator(uint32_t cp)
{
    return cp == '|' || cp == 0xBB || cp == 0xAB || cp == 0xB7 ||
           cp == 0x2022 || cp == 0x203A || cp == 0x2039 || cp == 0x22C5 ||
           cp == 0x25E6 || cp == 0x25AA || cp == 0x25B8 || cp == 0x25BA ||
           cp == 0x2192 || cp == 0x2023;
}

static int is_sentence_end(uint32_t cp)
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

/* The running state of one pass over a block.  Counters live here rather
 * than in the features until the end: stores through `f` could alias the
 * text, and the compiler would keep every one of them in memory. */
typedef struct scan {
    features *f;
    const stoplist *sl;
    const unsigned char *s;
    uint32_t *counts;        /* stopword hits per language */
    uint64_t langs_seen;     /* languages with hits */
    uint32_t words, numbers, chars, digits, caps, commas, separators, sentences;
    uint32_t kana, thai;     /* unspaced characters of Japanese, of Thai */
    uint64_t h, nh;
    uint64_t nwh;            /* the word hashed with utf8_norm_fold, once it differs */
    size_t word_cps, tok_start, tok_cps, url_cps, paren_c;
    int in_word, word_cap, word_alpha, after_end, in_tok, tok_at;
    int word_accents;        /* the word has a letter utf8_norm_fold changes */
} scan;

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

/* A word of `cps` characters ends: h and nw are its word hash and the
 * headline hash's word (word_hash_final both).  A word with no letter
 * (alpha 0) is counted in `numbers` by the caller, on the path that
 * found its digits: most words have none. */
__attribute__((always_inline))
static inline void word_done(scan *sc, uint64_t h, uint64_t nw, size_t cps, int alpha, int cap)
{
    features *f = sc->f;
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
    /* the length first: most words are too short to be keys */
    if (cps >= 4 && !langs && alpha && f->nkeys < FEATURES_KEYWORDS)
        f->keys[f->nkeys++] = (uint32_t)(h >> 16);
    sc->nh = (sc->nh ^ nw) * 0x9E3779B97F4A7C15ull + 1;
    sc->langs_seen |= langs;
    for (; langs; langs &= langs - 1)
        sc->counts[(unsigned)__builtin_ctzll(langs)]++;
}

/* the scan's state stays in registers only if every helper that takes it
 * is inlined */
__attribute__((always_inline))
static inline void word_end(scan *sc)
{
    sc->in_word = 0;
    sc->numbers += !sc->word_alpha;
    uint64_t h = word_hash_final(sc->h);
    word_done(sc, h, sc->word_accents ? word_hash_final(sc->nwh) : h,
              sc->word_cps, sc->word_alpha, sc->word_cap);
}

static inline void token_begin(scan *sc, size_t i)
{
    sc->in_tok = 1;
    sc->tok_at = 0;
    sc->tok_start = i;
    sc->tok_cps = 0;
}

__attribute__((always_inline))
static inline void token_end(scan *sc, size_t i)
{
    sc->in_tok = 0;
    /* only tokens that hold an '@' or are long enough to start with
     * "http://" or "www." and do: the others are no URL */
    unsigned char c = sc->s[sc->tok_start];
    size_t n = i - sc->tok_start;
    if ((sc->tok_at || (c == 'h' && n > 7) || (c == 'w' && n > 4)) &&
        token_is_url((const char *)sc->s + sc->tok_start, n))
        sc->url_cps += sc->tok_cps;
}

static uint32_t count_digits(const unsigned char *s, size_t n)
{
    uint32_t d = 0;
    for (size_t i = 0; i < n; i++)
        d += (unsigned)s[i] - '0' < 10u;
    return d;
}

/* Adds the digits of a run of n ASCII word characters to the count and
 * says whether it holds a letter; `all` is the AND of their
 * utf8_ascii_word values, which have bit 0x40 unless they are digits.
 * A run that is a whole word (`whole`) and has no letter is counted in
 * `numbers` here, out of the way of the words that have no digit. */
static inline int run_alpha(scan *sc, const unsigned char *w, size_t n, uint64_t all,
                            int whole)
{
    if (all & 0x40)
        return 1;   /* no digit: most words */
    uint32_t digits = count_digits(w, n);
    sc->digits += digits;
    sc->numbers += whole && digits == n;
    return digits < n;
}

/* The punctuation that prose() takes after a word when a space follows:
 * the commonest, and none that the general path looks at more closely
 * (no '@', no quote or bracket). */
static inline int clause_end(unsigned char c)
{
    return c == ',' || c == '.' || c == ':' || c == ';' || c == '?' || c == '!';
}

/* The bulk of most blocks: runs of ASCII word characters that are whole
 * words and whole tokens, each followed by ' ' or by a clause_end and a
 * space, then spaces.
 * Measured here with the same effect as the general path but with no
 * state kept between bytes; returns where the scan goes on.  Such a token
 * is never a URL (no '@', no "://", no "www." followed by more).  A run
 * followed by anything else is left begun for the general path.  Runs
 * start before `tail`, where the block's last run of word characters
 * starts, so each ends at a byte of the block: no bounds check per byte. */
static inline size_t prose(scan *sc, size_t i, size_t len, size_t tail,
                           uint32_t *last, uint32_t *prev_nonspace)
{
    const unsigned char *s = sc->s;
    size_t end;
    for (;;) {
        size_t start = i;
        uint64_t h = WORD_HASH_INIT;
        const unsigned char *p = s + i;
        uint64_t v = utf8_ascii_word[*p], all = v;
        do {
            all &= v;
            h = word_hash_step(h, (unsigned char)v);
            v = utf8_ascii_word[*++p];
        } while (v != 0);
        i = (size_t)(p - s);
        size_t n = i - start;
        if (sc->after_end)
            sc->sentences++;
        sc->after_end = 0;
        sc->chars += (uint32_t)n;
        end = i;
        unsigned char c = s[i];
        if (c == ' ') {
            ;
        } else if (clause_end(c) && i + 1 < len && s[i + 1] == ' ') {
            end = i + 1;
        } else {
            sc->in_word = 1;
            sc->word_accents = 0;
            sc->h = h;
            sc->word_cps = n;
            sc->word_alpha = run_alpha(sc, s + start, n, all, 0);
            sc->word_cap = (unsigned)s[start] - 'A' < 26u;
            sc->in_tok = 1;
            sc->tok_at = 0;
            sc->tok_start = start;
            sc->tok_cps = n;
            *last = *prev_nonspace = s[i - 1];
            return i;
        }
        int alpha = run_alpha(sc, s + start, n, all, 1);
        h = word_hash_final(h);
        word_done(sc, h, h, n, alpha, (unsigned)s[start] - 'A' < 26u);
        if (end > i) {
            if (c == ',')
                sc->commas++;
            else if (c == '.' || c == '?' || c == '!')
                sc->after_end = 1;
            sc->chars++;
        }
        /* s[end] is a space; the next word most often follows it */
        i = end + 1;
        if (i < tail && s[i] != ' ') {
            if (!utf8_ascii_word[s[i]])
                break;
            continue;
        }
        if (i < len && s[i] == ' ') {
            while (i < len && s[i] == ' ')
                i++;
            /* items of a menu flattened to text sit apart by a wide gap
             * ("News  Sport  Business"); prose does not, except after a
             * full stop (and the general path, which the other marks
             * went through before, counts none) */
            if (i < len && s[i] != '\r' && s[i] != '\n' && (c == ' ' || c == ','))
                sc->separators++;
        }
        if (i >= tail || !utf8_ascii_word[s[i]])
            break;
    }
    /* what the general path needs of the spaces it goes on after */
    *prev_nonspace = s[end - 1];
    *last = ' ';
    return i;
}

/* The block's last run of word characters, begun as a word and a token of
 * its own: it runs to the end, so it is one word and no URL. */
static inline void last_word(scan *sc, size_t i, size_t len,
                             uint32_t *last, uint32_t *prev_nonspace)
{
    const unsigned char *s = sc->s;
    size_t start = i;
    uint64_t h = WORD_HASH_INIT, all = 0xff;
    for (; i < len; i++) {
        uint64_t v = utf8_ascii_word[s[i]];
        all &= v;
        h = word_hash_step(h, (unsigned char)v);
    }
    size_t n = len - start;
    int alpha = run_alpha(sc, s + start, n, all, 1);
    if (sc->after_end)
        sc->sentences++;
    sc->after_end = 0;
    sc->chars += (uint32_t)n;
    h = word_hash_final(h);
    word_done(sc, h, h, n, alpha, (unsigned)s[start] - 'A' < 26u);
    *last = *prev_nonspace = s[len - 1];
}

void features_compute(features *f, const stoplist *sl, const char *text, size_t len)
{
    memset(f, 0, sizeof *f);
    uint32_t counts[LANG_COUNT] = { 0 };
    scan st = { .f = f, .sl = sl, .s = (const unsigned char *)text, .counts = counts,
                .paren_c = (size_t)-1 };
    scan *sc = &st;
    const unsigned char *s = sc->s;
    uint32_t last = 0, prev_nonspace = 0;
    int first = 1;
    size_t tail = len;
    while (tail > 0 && utf8_ascii_word[s[tail - 1]])
        tail--;

    size_t i = 0;
    while (i <= len) {
        /* fast path for the bulk of the bytes: a run of ASCII word
         * characters, and the spaces after it, with the same effect as the
         * general path below; a block's first word too, when it is two
         * characters or more (no bullet, and the spaces after it counted
         * as after any other word) */
        if (i < len && utf8_ascii_word[s[i]] &&
            (!first || (i + 1 < len && utf8_ascii_word[s[i + 1]]))) {
            first = 0;
            if (!sc->in_word && !sc->in_tok) {
                if (i < tail) {
                    i = prose(sc, i, len, tail, &last, &prev_nonspace);
                } else {
                    last_word(sc, i, len, &last, &prev_nonspace);
                    i = len;
                }
                continue;
            }
            if (!sc->in_word)
                word_begin(sc, (unsigned)s[i] - 'A' < 26u);
            if (!sc->in_tok)
                token_begin(sc, i);
            size_t j = i, digits = 0;
            unsigned v;
            uint64_t h = sc->h;
            while (j < len && (v = utf8_ascii_word[s[j]]) != 0) {
                digits += v < 0x40;
                h = word_hash_step(h, (unsigned char)v);
                j++;
            }
            sc->h = h;
            if (sc->word_accents)
                for (size_t k = i; k < j; k++)
                    sc->nwh = word_hash_step(sc->nwh, utf8_ascii_word[s[k]]);
            size_t n = j - i;
            sc->digits += (uint32_t)digits;
            sc->word_alpha |= digits < n;
            sc->word_cps += n;
            sc->chars += (uint32_t)n;
            sc->tok_cps += n;
            last = prev_nonspace = s[j - 1];
            i = j;
            if (i + 1 < len && (s[i] == ',' || s[i] == '.') && s[i + 1] == ' ') {
                /* "word, " and "word. " */
                word_end(sc);
                if (s[i] == ',')
                    sc->commas++;
                else
                    sc->after_end = 1;
                sc->chars++;
                sc->tok_cps++;
                last = prev_nonspace = s[i];
                i++;
            }
            if (i < len && s[i] == ' ') {
                if (sc->in_word)
                    word_end(sc);
                token_end(sc, i);
                size_t run = i;
                while (i < len && s[i] == ' ')
                    i++;
                if (i - run >= 2 && i < len && s[i] != '\r' && s[i] != '\n' &&
                    !is_sentence_end(prev_nonspace))
                    sc->separators++;
                last = ' ';
            }
            continue;
        }
        if (i < len && s[i] == ' ' && !sc->in_word && !sc->in_tok && !first) {
            while (i < len && s[i] == ' ')
                i++;
            last = ' ';
            continue;
        }
        uint32_t cp;
        size_t k;
        if (i == len) {
            cp = ' ';
            k = 1;
        } else if (s[i] < 0x80) {
            cp = s[i];
            k = 1;
        } else {
            k = utf8_decode(s + i, len - i, &cp);
        }
        int space = utf8_is_space(cp);
        int word = !space && (utf8_is_word(cp) && !utf8_is_unspaced(cp));
        /* an apostrophe inside a word keeps it one word (it's, c'est) */
        if (!word && sc->in_word && (cp == '\'' || cp == 0x2019) && i + k < len &&
            s[i + k] < 0x80 && utf8_is_word(s[i + k])) {
            sc->h = word_hash_step(sc->h, '\'');
            if (sc->word_accents)
                sc->nwh = word_hash_step(sc->nwh, '\'');
            i += k;
            continue;
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
                       (cp == '/' && last == ' ' && i + 1 < len && s[i + 1] == ' ')) {
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
            if (first) {
                first = 0;
                /* the marks the model was fitted with (bullet.h) */
                if ((bullet_ascii(cp) || cp == 0x2022 || cp == 0x25E6 || cp == 0x25AA) &&
                    i + k < len && (s[i + k] == ' ' || cp == '#'))
                    f->bullet = 1;
                if (cp == '[')
                    f->bracketed = 1;
            }
            if (!sc->in_tok)
                token_begin(sc, i);
            sc->tok_cps++;
            prev_nonspace = cp;
        } else {
            if (sc->in_tok)
                token_end(sc, i);
            if (first && i < len && (cp == ' ' || cp == '\t'))
                f->indent += cp == '\t' ? 8 : 1;
        }
        last = cp;
        i += k;
    }
    f->words = sc->words;
    f->numbers = sc->numbers;
    f->chars = sc->chars;
    f->digits = sc->digits;
    f->caps = sc->caps;
    f->commas = sc->commas;
    f->separators = sc->separators;
    f->sentences = sc->sentences;
    f->words += (f->unspaced + 1) / 2;
    unsigned best = 0;
    if (sl->only < LANG_COUNT) {
        best = sl->only;
    } else if (f->unspaced * 2 > f->chars) {
        /* the script tells: kana is Japanese, Thai letters Thai, Han alone
         * Chinese (or kanji-only Japanese, which reads alike) */
        best = sc->kana * 8 >= f->unspaced ? LANG_JA
             : sc->thai * 2 > f->unspaced ? LANG_TH : LANG_ZH;
    } else {
        /* most hits, the lowest on ties; no hits at all: the first */
        for (uint64_t m = sc->langs_seen; m; m &= m - 1) {
            unsigned l = (unsigned)__builtin_ctzll(m);
            if (counts[l] > counts[best])
                best = l;
        }
    }
    f->lang = (uint8_t)best;
    f->stops = sc->counts[best];
    f->link_chars = (uint32_t)sc->url_cps;
    f->url = f->chars > 0 && sc->url_cps * 2 >= f->chars;
    f->end_punct = is_sentence_end(prev_nonspace) || is_closing(prev_nonspace) ||
                   prev_nonspace == ':' || prev_nonspace == ';';
    f->end_colon = prev_nonspace == ':';
    f->bracketed = f->bracketed && prev_nonspace == ']';
    f->norm_hash = sc->nh;
}

double features_stop_density(const features *f)
{
    if (f->words == 0)
        return 0.0;
    if (f->unspaced * 2 > f->chars) {
        /* no stoplist for these scripts: prose has commas and full stops,
         * menus and titles hardly any */
        double p = (double)(f->commas + f->sentences) * 12.0 / (double)f->chars;
        return p > 1.0 ? 1.0 : p;
    }
    if (f->words >= 6 && f->stops * 20 < f->words) {
        /* no stoplist knows this language (or it is a list of names):
         * prose still has commas and sentence ends, menus and titles not */
        double p = (double)(f->commas + f->sentences + f->end_punct) * 6.0 / (double)f->words;
        double d = (double)f->stops / (double)f->words;
        p = p > 0.45 ? 0.45 : p;
        return p > d ? p : d;
    }
    /* numbers are no words of any language: "rose 4.2% in 2023" reads
     * as prose as much as "rose sharply last year" */
    uint32_t w = f->words - f->numbers;
    return w ? (double)f->stops / (double)w : 0.0;
}

double features_link_density(const features *f)
{
    return f->chars ? (double)f->link_chars / (double)f->chars : 0.0;
}
