/* features_ref.c - features_compute written the slow, obvious way: every
 * byte is decoded to a code point and goes through the same steps.  The
 * library's scanner, which takes runs of ASCII word characters and of
 * spaces a run at a time, must give the same result; check_features.c
 * compares them. */
#include <string.h>
#include "features_ref.h"
#include "utf8.h"

static int one_of(uint32_t cp, const uint32_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}
#define ONE_OF(cp, ...) \
    one_of((cp), (const uint32_t[]){ __VA_ARGS__ }, \
           sizeof (const uint32_t[]){ __VA_ARGS__ } / sizeof (uint32_t))

static int sentence_end(uint32_t cp)
{
    return ONE_OF(cp, '.', '!', '?', 0x2026, 0x3002, 0xFF01, 0xFF1F, 0x61F, 0x964);
}

static int ascii_word(uint32_t cp)
{
    return cp < 0x80 && utf8_ascii_word[cp] != 0;
}

typedef struct ref {
    features *f;
    const stoplist *sl;
    uint32_t counts[LANG_COUNT];
    uint32_t kana, thai;
    int in_word, word_alpha, word_cap, after_end;
    size_t word_cps;
    uint64_t h, nwh, nh;
} ref;

static void ref_word_end(ref *r)
{
    features *f = r->f;
    r->in_word = 0;
    uint64_t h = word_hash_final(r->h);
    f->numbers += !r->word_alpha;
    if (++f->words == 1) {
        f->first_word = h;
        f->first_digits = !r->word_alpha;
    }
    uint64_t langs = stoplist_lookup(r->sl, h);
    if (langs & STOPLIST_COPYRIGHT) {
        f->copyright |= f->words <= 3;
        langs = 0;
    }
    f->caps += (uint32_t)r->word_cap;
    if (r->word_cps >= 4 && !langs && r->word_alpha && f->nkeys < FEATURES_KEYWORDS)
        f->keys[f->nkeys++] = (uint32_t)(h >> 16);
    r->nh = (r->nh ^ word_hash_final(r->nwh)) * 0x9E3779B97F4A7C15ull + 1;
    for (unsigned l = 0; l < LANG_COUNT; l++)
        r->counts[l] += (langs >> l) & 1;
}

static void hash_cp(uint64_t *h, uint32_t cp)
{
    char enc[4];
    size_t m = utf8_encode(cp, enc);
    for (size_t j = 0; j < m; j++)
        *h = word_hash_step(*h, (unsigned char)enc[j]);
}

/* a token that starts a web address and goes on after the prefix, or
 * whose first '@' is not its first byte and has a '.' after it, and
 * which does not end in '.' */
static int is_url(const char *t, size_t n)
{
    static const char *const prefixes[] = { "http://", "https://", "www." };
    for (size_t p = 0; p < 3; p++) {
        size_t m = strlen(prefixes[p]);
        if (n > m && strncmp(t, prefixes[p], m) == 0)
            return 1;
    }
    if (n == 0 || t[0] == '@' || t[n - 1] == '.')
        return 0;
    size_t at = 1;
    while (at < n && t[at] != '@')
        at++;
    for (size_t d = at; d < n; d++)
        if (t[d] == '.')
            return 1;
    return 0;
}

void features_ref(features *f, const stoplist *sl, const char *text, size_t len)
{
    memset(f, 0, sizeof *f);
    ref r = { .f = f, .sl = sl };
    const unsigned char *s = (const unsigned char *)text;
    uint32_t last = 0, prev_nonspace = 0, cp;
    int first = 1, in_tok = 0;
    size_t tok_start = 0, tok_cps = 0, url_cps = 0, paren_c = (size_t)-1;
    size_t first_at = (size_t)-1, run_start = (size_t)-1;
    for (size_t i = 0, k; i <= len; i += k) {
        if (i == len) {
            cp = ' ';
            k = 1;
        } else {
            k = utf8_decode(s + i, len - i, &cp);
        }
        /* a gap of two spaces or more after a word of ASCII letters and
         * digits, or after such a word and a comma, is a menu's gap; not
         * after the block's first character when that is a word of its
         * own, nor before a line end or the block's end */
        if (cp == ' ' && i > 0 && i < len && s[i - 1] != ' ') {
            size_t e = i;
            while (e < len && s[e] == ' ')
                e++;
            size_t w = s[i - 1] == ',' && i >= 2 ? i - 1 : i;
            int after_word = w > 0 && ascii_word(s[w - 1]) &&
                             !(run_start == first_at && w - run_start == 1);
            if (e - i >= 2 && e < len && s[e] != '\r' && s[e] != '\n' && after_word)
                f->separators++;
        }
        if (i < len && ascii_word(cp)) {
            if (i == 0 || !ascii_word(s[i - 1]))
                run_start = i;
        }
        int space = utf8_is_space(cp);
        int word = !space && utf8_is_word(cp) && !utf8_is_unspaced(cp);
        if (!word && r.in_word && (cp == '\'' || cp == 0x2019) && i + k < len &&
            s[i + k] < 0x80 && utf8_is_word(s[i + k])) {
            r.h = word_hash_step(r.h, '\'');
            r.nwh = word_hash_step(r.nwh, '\'');
            continue;
        }
        if (word) {
            if (!r.in_word) {
                r.in_word = 1;
                r.h = r.nwh = WORD_HASH_INIT;
                r.word_cps = 0;
                r.word_alpha = 0;
                r.word_cap = utf8_is_upper(cp);
                f->sentences += (uint32_t)r.after_end;
                r.after_end = 0;
            }
            uint32_t fc = utf8_fold(cp), nc = fc < 0x80 ? fc : utf8_norm_fold(cp);
            hash_cp(&r.h, fc);
            if (nc == 0xDF) {
                r.nwh = word_hash_step(word_hash_step(r.nwh, 's'), 's');
            } else if (nc != 0) {
                hash_cp(&r.nwh, nc);
            }
            r.word_cps++;
            if (utf8_is_digit(cp))
                f->digits++;
            else
                r.word_alpha = 1;
        } else if (r.in_word) {
            ref_word_end(&r);
        }
        if (!word && !space) {
            if (utf8_is_unspaced(cp)) {
                f->unspaced++;
                r.kana += cp >= 0x3040 && cp <= 0x30FF;
                f->wide += cp >= 0x3040;
                r.thai += cp >= 0x0E00 && cp <= 0x0E7F;
                r.nh = (r.nh ^ cp) * 0x9E3779B97F4A7C15ull + 1;
                f->sentences += (uint32_t)r.after_end;
                r.after_end = 0;
            } else if (utf8_is_digit(cp)) {
                f->digits++;
            } else if (ONE_OF(cp, ',', 0x3001, 0xFF0C, 0x60C)) {
                f->commas++;
            } else if (sentence_end(cp)) {
                r.after_end = 1;
            } else if (ONE_OF(cp, '|', 0xBB, 0xAB, 0xB7, 0x2022, 0x203A, 0x2039, 0x22C5,
                              0x25E6, 0x25AA, 0x25B8, 0x25BA, 0x2192, 0x2023) ||
                       (cp == '/' && last == ' ' && i + 1 < len && s[i + 1] == ' ')) {
                f->separators++;
            } else if (!ONE_OF(cp, '.', ',', ';', ':', '!', '?', '\'', '"', '(', ')', '-',
                               0x2013, 0x2014, 0x2019, 0x2018, 0x201C, 0x201D, 0x2026,
                               0x3001, 0x3002, 0xFF0C, 0xAB, 0xBB, '%', '$', '&') &&
                       !utf8_is_word(cp)) {
                f->symbols++;
            }
            if (cp == 0xA9 || (cp == ')' && paren_c == i))
                f->copyright = 1;
            if (cp == '(' && i + 2 < len && (s[i + 1] | 32) == 'c')
                paren_c = i + 2;
        }
        if (!space) {
            f->chars++;
            if (first) {
                first = 0;
                first_at = i;
                if (ONE_OF(cp, '*', '+', '-', 0x2022, 'o', '#', 0x25E6, 0x25AA) &&
                    i + k < len && (s[i + k] == ' ' || cp == '#'))
                    f->bullet = 1;
                f->bracketed = cp == '[';
            }
            if (!in_tok) {
                in_tok = 1;
                tok_start = i;
                tok_cps = 0;
            }
            tok_cps++;
            prev_nonspace = cp;
        } else {
            if (in_tok && is_url(text + tok_start, i - tok_start))
                url_cps += tok_cps;
            f->tokens += (uint32_t)in_tok;
            in_tok = 0;
            if (first && i < len && (cp == ' ' || cp == '\t'))
                f->indent += cp == '\t' ? 8 : 1;
        }
        last = cp;
    }
    f->words += (f->unspaced + 1) / 2;
    unsigned best = 0;
    if (sl->only < LANG_COUNT) {
        best = sl->only;
    } else if (f->unspaced * 2 > f->chars) {
        best = r.kana * 8 >= f->unspaced ? LANG_JA
             : r.thai * 2 > f->unspaced ? LANG_TH : LANG_ZH;
    } else {
        for (unsigned l = 1; l < LANG_COUNT; l++)
            if (r.counts[l] > r.counts[best])
                best = l;
    }
    f->lang = (uint8_t)best;
    f->stops = r.counts[best];
    f->link_chars = (uint32_t)url_cps;
    f->url = f->chars > 0 && url_cps * 2 >= f->chars;
    f->end_punct = sentence_end(prev_nonspace) || prev_nonspace == ':' ||
                   prev_nonspace == ';' ||
                   ONE_OF(prev_nonspace, '"', '\'', ')', 0x201D, 0x2019, 0xBB, 0x300D,
                          0x300F, ']');
    f->end_colon = prev_nonspace == ':';
    f->bracketed = f->bracketed && prev_nonspace == ']';
    f->norm_hash = r.nh;
}
