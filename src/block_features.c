/* features.c - one pass over a block's bytes gives every measurement. */
#include <string.h>
#include "block_features.h"
#include "utf8.h"

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

/* For each byte: 0 if it is not an ASCII word character, else the folded
 * character, with 0x80 set for digits. */
#define L(c) (c)
#define U(c) ((c) + 32)
#define D(c) ((c) | 0x80)
static const unsigned char ascii_fold[256] = {
    ['0'] = D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'), D('9'),
    ['A'] = U('A'), U('B'), U('C'), U('D'), U('E'), U('F'), U('G'), U('H'), U('I'),
    U('J'), U('K'), U('L'), U('M'), U('N'), U('O'), U('P'), U('Q'), U('R'), U('S'),
    U('T'), U('U'), U('V'), U('W'), U('X'), U('Y'), U('Z'),
    ['_'] = '_',
    ['a'] = L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'),
    L('j'), L('k'), L('l'), L('m'), L('n'), L('o'), L('p'), L('q'), L('r'), L('s'),
    L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'),
};
#undef L
#undef U
#undef D

/* The running state of one pass over a block. */
typedef struct scan {
    features *f;
    const stoplist *sl;
    const unsigned char *s;
    uint32_t counts[LANG_COUNT];
    unsigned best;           /* the language with most hits so far (lowest on ties) */
    uint32_t kana, thai;     /* unspaced characters of Japanese, of Thai */
    uint64_t h, nh;
    size_t word_cps, word_start, tok_start, tok_cps, url_cps, paren_c;
    int in_word, word_cap, word_alpha, after_end, in_tok, tok_at;
    int word_accents;        /* the word has a letter utf8_norm_fold changes */
} scan;

static inline void word_begin(scan *sc, int cap, size_t i)
{
    sc->in_word = 1;
    sc->word_start = i;
    sc->word_accents = 0;
    sc->h = WORD_HASH_INIT;
    sc->word_cps = 0;
    sc->word_alpha = 0;
    sc->word_cap = cap;
    if (sc->after_end)
        sc->f->sentences++;
    sc->after_end = 0;
}

/* The word s[start..end) hashed as word_hash does, with utf8_norm_fold for
 * utf8_fold: the headline hash's word, blind to accents and marks. */
__attribute__((noinline, cold))   /* rare: keep word_end small and inlined */
static uint64_t norm_word_hash(const unsigned char *s, size_t start, size_t end)
{
    uint64_t h = WORD_HASH_INIT;
    for (size_t i = start; i < end;) {
        uint32_t cp;
        i += utf8_decode(s + i, end - i, &cp);
        if (cp == 0x2019)
            cp = '\'';
        else if (!(cp = utf8_norm_fold(cp)))
            continue;
        if (cp == 0xDF) {        /* sharp s: "STRASSE" is "straße" */
            h = word_hash_step(word_hash_step(h, 's'), 's');
            continue;
        }
        char enc[4];
        size_t m = utf8_encode(cp, enc);
        for (size_t j = 0; j < m; j++)
            h = word_hash_step(h, (unsigned char)enc[j]);
    }
    return word_hash_final(h);
}

/* once per word: inlined in the hot loops, whatever its size */
__attribute__((always_inline))
static inline void word_end(scan *sc, size_t i)
{
    features *f = sc->f;
    sc->in_word = 0;
    f->words++;
    uint64_t h = word_hash_final(sc->h);
    if (f->words == 1) {
        f->first_word = h;
        f->first_digits = !sc->word_alpha;
    }
    uint64_t langs = stoplist_lookup(sc->sl, h);
    if (langs & STOPLIST_COPYRIGHT) {
        f->copyright = 1;
        langs = 0;
    }
    f->caps += (uint32_t)sc->word_cap;
    if (!langs && sc->word_cps >= 4 && sc->word_alpha && f->nkeys < FEATURES_KEYWORDS)
        f->keys[f->nkeys++] = (uint32_t)(h >> 16);
    uint64_t nw = sc->word_accents ? norm_word_hash(sc->s, sc->word_start, i) : h;
    sc->nh = (sc->nh ^ nw) * 0x9E3779B97F4A7C15ull + 1;
    for (; langs; langs &= langs - 1) {
        unsigned l = (unsigned)__builtin_ctzll(langs);
        uint32_t n = ++sc->counts[l], top = sc->counts[sc->best];
        if (n > top || (n == top && l < sc->best))
            sc->best = l;
    }
}

static inline void token_begin(scan *sc, size_t i)
{
    sc->in_tok = 1;
    sc->tok_at = 0;
    sc->tok_start = i;
    sc->tok_cps = 0;
}

static inline void token_end(scan *sc, size_t i)
{
    sc->in_tok = 0;
    /* only tokens that start like a URL or hold an '@' */
    unsigned char c = sc->s[sc->tok_start];
    if ((c == 'h' || c == 'w' || sc->tok_at) &&
        token_is_url((const char *)sc->s + sc->tok_start, i - sc->tok_start))
        sc->url_cps += sc->tok_cps;
}

void features_compute(features *f, const stoplist *sl, const char *text, size_t len)
{
    memset(f, 0, sizeof *f);
    scan st = { .f = f, .sl = sl, .s = (const unsigned char *)text,
                .paren_c = (size_t)-1 };
    scan *sc = &st;
    const unsigned char *s = sc->s;
    uint32_t last = 0, prev_nonspace = 0;
    int first = 1;

    size_t i = 0;
    while (i <= len) {
        /* fast path for the bulk of the bytes: a run of ASCII word
         * characters, and the spaces after it, with the same effect as the
         * general path below */
        if (i < len && !first && ascii_fold[s[i]]) {
            if (!sc->in_word)
                word_begin(sc, (unsigned)s[i] - 'A' < 26u, i);
            if (!sc->in_tok)
                token_begin(sc, i);
            size_t j = i, digits = 0;
            unsigned v;
            uint64_t h = sc->h;
            while (j < len && (v = ascii_fold[s[j]]) != 0) {
                digits += v >> 7;
                h = word_hash_step(h, (unsigned char)(v & 0x7f));
                j++;
            }
            sc->h = h;
            size_t n = j - i;
            f->digits += (uint32_t)digits;
            sc->word_alpha |= digits < n;
            sc->word_cps += n;
            f->chars += (uint32_t)n;
            sc->tok_cps += n;
            last = prev_nonspace = s[j - 1];
            i = j;
            if (i + 1 < len && (s[i] == ',' || s[i] == '.') && s[i + 1] == ' ') {
                /* "word, " and "word. " */
                word_end(sc, i);
                if (s[i] == ',')
                    f->commas++;
                else
                    sc->after_end = 1;
                f->chars++;
                sc->tok_cps++;
                last = prev_nonspace = s[i];
                i++;
            }
            if (i < len && s[i] == ' ') {
                if (sc->in_word)
                    word_end(sc, i);
                token_end(sc, i);
                size_t run = i;
                while (i < len && s[i] == ' ')
                    i++;
                /* items of a menu flattened to text sit apart by a wide
                 * gap ("News  Sport  Business"); prose does not, except
                 * after a full stop */
                if (i - run >= 2 && i < len && s[i] != '\r' && s[i] != '\n' &&
                    !is_sentence_end(prev_nonspace))
                    f->separators++;
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
            i += k;
            continue;
        }
        if (word) {
            if (!sc->in_word)
                word_begin(sc, utf8_is_upper(cp), i);
            uint32_t fc = utf8_fold(cp);
            if (fc < 0x80) {
                sc->h = word_hash_step(sc->h, (unsigned char)fc);
            } else {
                sc->word_accents |= utf8_norm_fold(cp) != fc || fc == 0xDF;
                char enc[4];
                size_t m = utf8_encode(fc, enc);
                for (size_t j = 0; j < m; j++)
                    sc->h = word_hash_step(sc->h, (unsigned char)enc[j]);
            }
            sc->word_cps++;
            if (utf8_is_digit(cp))
                f->digits++;
            else
                sc->word_alpha = 1;
        } else if (sc->in_word) {
            word_end(sc, i);
        }
        if (!word && !space) {
            if (utf8_is_unspaced(cp)) {
                f->unspaced++;
                sc->kana += cp >= 0x3040 && cp <= 0x30FF;
                f->wide += cp >= 0x3040;
                sc->thai += cp >= 0x0E00 && cp <= 0x0E7F;
                sc->nh = (sc->nh ^ cp) * 0x9E3779B97F4A7C15ull + 1;
                if (sc->after_end)
                    f->sentences++;
                sc->after_end = 0;
            } else if (utf8_is_digit(cp)) {
                f->digits++;
            } else if (cp == ',' || cp == 0x3001 || cp == 0xFF0C || cp == 0x60C) {
                f->commas++;
            } else if (is_sentence_end(cp)) {
                sc->after_end = 1;
            } else if (is_separator(cp) ||
                       (cp == '/' && last == ' ' && i + 1 < len && s[i + 1] == ' ')) {
                f->separators++;
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
            f->chars++;
            if (first) {
                first = 0;
                if ((cp == '*' || cp == '+' || cp == '-' || cp == 0x2022 ||
                     cp == 'o' || cp == '#' || cp == 0x25E6 || cp == 0x25AA) &&
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
        best = sc->best;
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
    return (double)f->stops / (double)f->words;
}

double features_link_density(const features *f)
{
    return f->chars ? (double)f->link_chars / (double)f->chars : 0.0;
}
