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

void features_compute(features *f, const stoplist *sl, const char *text, size_t len)
{
    memset(f, 0, sizeof *f);
    const unsigned char *s = (const unsigned char *)text;
    uint32_t counts[LANG_COUNT] = {0};
    uint64_t h = WORD_HASH_INIT;
    uint64_t nh = 0;
    size_t word_cps = 0;
    int in_word = 0, word_cap = 0, after_end = 0, word_alpha = 0;
    size_t tok_start = 0, tok_cps = 0;
    int in_tok = 0;
    uint32_t last = 0, prev_nonspace = 0;
    int first = 1;
    size_t url_cps = 0;
    size_t paren_c = (size_t)-1;
    int tok_at = 0;

    size_t i = 0;
    while (i <= len) {
        /* fast paths for the bulk of the bytes: runs of ASCII word
         * characters and of spaces, with the same effect as the general
         * path below */
        if (i < len && !first && ascii_fold[s[i]]) {
            if (!in_word) {
                in_word = 1;
                h = WORD_HASH_INIT;
                word_cps = 0;
                word_alpha = 0;
                word_cap = (unsigned)s[i] - 'A' < 26u;
                if (after_end)
                    f->sentences++;
                after_end = 0;
            }
            if (!in_tok) {
                in_tok = 1;
                tok_at = 0;
                tok_start = i;
                tok_cps = 0;
            }
            size_t j = i, digits = 0;
            unsigned v;
            while (j < len && (v = ascii_fold[s[j]]) != 0) {
                digits += v >> 7;
                h = word_hash_step(h, (unsigned char)(v & 0x7f));
                j++;
            }
            size_t n = j - i;
            f->digits += (uint32_t)digits;
            word_alpha |= digits < n;
            word_cps += n;
            f->chars += (uint32_t)n;
            tok_cps += n;
            last = prev_nonspace = s[j - 1];
            i = j;
            continue;
        }
        if (i < len && s[i] == ' ' && !in_word && !in_tok && !first) {
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
        if (!word && in_word && (cp == '\'' || cp == 0x2019) && i + k < len &&
            s[i + k] < 0x80 && utf8_is_word(s[i + k])) {
            h = word_hash_step(h, '\'');
            i += k;
            continue;
        }
        if (word) {
            if (!in_word) {
                in_word = 1;
                h = WORD_HASH_INIT;
                word_cps = 0;
                word_alpha = 0;
                word_cap = utf8_is_upper(cp);
                if (after_end)
                    f->sentences++;
                after_end = 0;
            }
            uint32_t fc = utf8_fold(cp);
            if (fc < 0x80) {
                h = word_hash_step(h, (unsigned char)fc);
            } else {
                char enc[4];
                size_t m = utf8_encode(fc, enc);
                for (size_t j = 0; j < m; j++)
                    h = word_hash_step(h, (unsigned char)enc[j]);
            }
            word_cps++;
            if (utf8_is_digit(cp))
                f->digits++;
            else
                word_alpha = 1;
        } else if (in_word) {
            in_word = 0;
            f->words++;
            h = word_hash_final(h);
            if (f->words == 1) {
                f->first_word = h;
                f->first_digits = !word_alpha;
            }
            uint32_t langs = stoplist_lookup(sl, h);
            if (langs & STOPLIST_COPYRIGHT) {
                f->copyright = 1;
                langs = 0;
            }
            if (word_cap)
                f->caps++;
            if (!langs && word_cps >= 4 && word_alpha &&
                f->nkeys < FEATURES_KEYWORDS)
                f->keys[f->nkeys++] = (uint32_t)(h >> 16);
            nh = (nh ^ h) * 0x9E3779B97F4A7C15ull + 1;
            for (; langs; langs &= langs - 1)
                counts[__builtin_ctz(langs)]++;
        }
        if (!word && !space) {
            if (utf8_is_unspaced(cp)) {
                f->unspaced++;
                nh = (nh ^ cp) * 0x9E3779B97F4A7C15ull + 1;
                if (after_end)
                    f->sentences++;
                after_end = 0;
            } else if (utf8_is_digit(cp)) {
                f->digits++;
            } else if (cp == ',' || cp == 0x3001 || cp == 0xFF0C || cp == 0x60C) {
                f->commas++;
            } else if (is_sentence_end(cp)) {
                after_end = 1;
            } else if (is_separator(cp) ||
                       (cp == '/' && last == ' ' && i + 1 < len && s[i + 1] == ' ')) {
                f->separators++;
            } else if (!is_common_punct(cp) && !utf8_is_word(cp)) {
                f->symbols++;
            }
            if (cp == '@')
                tok_at = 1;
            if (cp == 0xA9 || (cp == ')' && paren_c == i))
                f->copyright = 1;
            if (cp == '(' && i + 2 < len && (s[i + 1] | 32) == 'c')
                paren_c = i + 2;   /* "(c)" */
        }
        if (!space) {
            f->chars++;
            if (first) {
                first = 0;
                if ((cp == '*' || cp == '+' || cp == '-' || cp == 0x2022 ||
                     cp == 'o' || cp == '#' || cp == 0x25E6 || cp == 0x25AA) &&
                    i + 1 < len && (s[i + 1] == ' ' || cp == '#'))
                    f->bullet = 1;
                if (cp == '[')
                    f->bracketed = 1;
            }
            if (!in_tok) {
                in_tok = 1;
                tok_at = 0;
                tok_start = i;
                tok_cps = 0;
            }
            tok_cps++;
            prev_nonspace = cp;
        } else {
            if (in_tok) {
                in_tok = 0;
                /* only tokens that start like a URL or hold an '@' */
                if ((s[tok_start] == 'h' || s[tok_start] == 'w' || tok_at) &&
                    token_is_url(text + tok_start, i - tok_start))
                    url_cps += tok_cps;
            }
            if (first && i < len && (cp == ' ' || cp == '\t'))
                f->indent += cp == '\t' ? 8 : 1;
        }
        last = cp;
        i += k;
    }
    f->words += (f->unspaced + 1) / 2;
    unsigned best = 0;
    for (unsigned l = 1; l < LANG_COUNT; l++)
        if (counts[l] > counts[best])
            best = l;
    f->lang = (uint8_t)best;
    f->stops = counts[best];
    f->link_chars = (uint32_t)url_cps;
    f->url = f->chars > 0 && url_cps * 2 >= f->chars;
    f->end_punct = is_sentence_end(prev_nonspace) || is_closing(prev_nonspace) ||
                   prev_nonspace == ':' || prev_nonspace == ';';
    f->end_colon = prev_nonspace == ':';
    f->bracketed = f->bracketed && prev_nonspace == ']';
    f->norm_hash = nh;
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
