/* title.c - the part of a page's title that names its article. */
#include <string.h>
#include "title.h"

static size_t title_words(const char *s, size_t n)
{
    size_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') {
            in = 0;
        } else if (!in) {
            in = 1;
            w++;
        }
    }
    return w;
}

/* The length of the separator at t[i..n), 0 if none: " | ", " - ", " :: ",
 * dashes, guillemets, bullets, slashes, and a colon after a word. */
static size_t title_sep(const char *t, size_t i, size_t n)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                       " \xE2\x80\x94 ", " :: ", " \xC2\xAB ",
                                       " \xC2\xBB ", " \xC2\xB7 ", " // ",
                                       " / ", " \xE2\x80\xA2 ", " ~ "};
    if (t[i] == ':' && i > 0 && t[i - 1] != ' ' && i + 1 < n && t[i + 1] == ' ')
        return 2;
    if (t[i] != ' ')
        return 0;
    for (size_t s = 0; s < sizeof seps / sizeof *seps; s++) {
        size_t k = strlen(seps[s]);
        if (i + k <= n && memcmp(t + i, seps[s], k) == 0)
            return k;
    }
    return 0;
}

size_t title_split(const char *t, size_t n, title_span *out, size_t max)
{
    size_t start = 0, k = 0;
    for (size_t i = 0; i <= n && k < max; i++) {
        size_t sep = i < n ? title_sep(t, i, n) : 1;
        if (sep == 0)
            continue;
        size_t b = start, e = i;
        while (b < e && t[b] == ' ')
            b++;
        while (e > b && t[e - 1] == ' ')
            e--;
        size_t w = title_words(t + b, e - b);
        if (w > 0)
            out[k++] = (title_span){b, e - b, w};
        start = i + sep;
        i += sep - 1;
    }
    return k;
}

/* "Site: Article title" or "Article title | Site" -> "Article title": a
 * title made of segments stands for its article by the segment of most
 * words, when it has at least three and strictly more than any other (the
 * site's name, the section's, "Home").  On the dev set the whole <title>
 * cost more precision than any other kind of block. */
size_t title_pick(const title_span *s, size_t k)
{
    size_t best = k, best_words = 0, second = 0;
    for (size_t i = 0; i < k; i++) {
        if (s[i].words > best_words) {
            second = best_words;
            best_words = s[i].words;
            best = i;
        } else if (s[i].words > second) {
            second = s[i].words;
        }
    }
    return k < 2 || best_words < 3 || best_words == second ? k : best;
}
