/* html_hints.c - the element table and the class and id words, read into
 * the flags and hints of the text inside (see html_hints.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html_attrs.h"
#include "html_hints.h"

/* ---- elements ------------------------------------------------------------ */

/* Sorted by name (strcmp) for the binary search; html_hints_tables_sorted
 * checks. */
static const element_info html_elements[] = {
#define UB_ELEMENT(name, kind, flags, heading, hints) {name, kind, flags, heading, hints},
#include "html_elements.def"
#undef UB_ELEMENT
};

/* strcmp, with most steps of a search decided by the first byte inline */
static int html_hints_tokcmp(const char *a, const char *b)
{
    if (a[0] != b[0])
        return (int)(unsigned char)a[0] - (int)(unsigned char)b[0];
    return strcmp(a, b);
}

const element_info *html_hints_element(const char *name)
{
    /* a binary search without bsearch's call per step: each page's reader
     * looks up every element name it meets once (html_reader.c) */
    size_t lo = 0, hi = sizeof html_elements / sizeof *html_elements;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = html_hints_tokcmp(html_elements[mid].name, name);
        if (c == 0)
            return &html_elements[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* ---- class and id tokens ------------------------------------------------- */

enum { TOK_WHOLE, TOK_PREFIX, TOK_LAST };

/* A class or id is cut into tokens at non-alphanumerics and at camelCase
 * humps, lower-cased: "post-content" and "postContent" both give "post",
 * "content".  TOK_WHOLE matches the token (or two neighbours joined, so
 * "more-stories" matches "morestories"); TOK_PREFIX matches tokens that
 * start with it ("comment" matches "comments", "commentlist"); TOK_LAST
 * only the last token of a class, since WordPress puts "category-news
 * tag-politics" on the article itself while "post-tags" is the tag list.
 * Short words are whole tokens only: "ad" must not match "header", "read",
 * "shadow" or "address".  A post "commented" (or "discussed") is in a
 * state, not a comment: the past participle of a comment word says nothing,
 * unless joined as "most-commented", a list of other posts.
 * Sorted by token (strcmp). */
static const struct hint_token {
    const char *tok;
    unsigned char mode;
    unsigned hint;
} hint_tokens[] = {
#define UB_HINT_TOKEN(token, mode, hints) {token, mode, hints},
#include "html_hint_tokens.def"
#undef UB_HINT_TOKEN
};

#define N_HINT_TOKENS (sizeof hint_tokens / sizeof *hint_tokens)

/* Classes that describe a page state, not a part ("has-sidebar",
 * "no-comments", "is-style-wide"): their tokens say nothing. */
static const char *const hint_state_words[] = {"has", "is", "no", "with",
                                               "without"};

/* A comment word made into one about the article: it has comments
 * ("commented", "discussed"), takes them ("commentable"), is an opinion
 * piece ("commentary").  Such a class names the post, not a part of the
 * page.  `rest` is what follows the prefix token. */
static int html_hints_describes(unsigned hint, const char *rest)
{
    return hint == HINT_COMMENT &&
           (strcmp(rest, "ed") == 0 || strcmp(rest, "able") == 0 || strcmp(rest, "ary") == 0);
}

static unsigned html_hints_token(const char *t, size_t n, int last)
{
    size_t lo = 0, hi = N_HINT_TOKENS;
    unsigned hints = 0;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (html_hints_tokcmp(hint_tokens[mid].tok, t) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < N_HINT_TOKENS && strcmp(hint_tokens[lo].tok, t) == 0 &&
        (hint_tokens[lo].mode != TOK_LAST || last))
        hints |= hint_tokens[lo].hint;
    /* prefixes of t sort just before it, among entries of its first letter */
    for (size_t j = lo; j-- > 0 && hint_tokens[j].tok[0] == t[0];) {
        size_t k = strlen(hint_tokens[j].tok);
        if (hint_tokens[j].mode == TOK_PREFIX && k < n &&
            memcmp(hint_tokens[j].tok, t, k) == 0 &&
            !html_hints_describes(hint_tokens[j].hint, t + k))
            hints |= hint_tokens[j].hint;
    }
    return hints;
}

#define TOKS_MAX 12
#define TOK_LEN 24

/* The hints of one class word (or id). */
static unsigned html_hints_word(const unsigned char *w, size_t n)
{
    char toks[TOKS_MAX][TOK_LEN];
    size_t lens[TOKS_MAX];
    size_t ntok = 0, i = 0;
    unsigned hints = 0;

    while (i < n && ntok < TOKS_MAX) {
        while (i < n && !html_hints_alnum(w[i]))
            i++;
        if (i >= n)
            break;
        size_t len = 0;
        do {
            unsigned char c = w[i];
            if (c >= 'A' && c <= 'Z')
                c = (unsigned char)(c + 32);
            if (len < TOK_LEN - 1)
                toks[ntok][len++] = (char)c;
            i++;
        } while (i < n && html_hints_alnum(w[i]) &&
                 !(w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' &&
                   w[i - 1] <= 'z'));
        toks[ntok][len] = '\0';
        lens[ntok++] = len;
    }
    if (ntok == 0)
        return 0;
    for (size_t s = 0; s < sizeof hint_state_words / sizeof *hint_state_words;
         s++)
        if (ntok > 1 && strcmp(toks[0], hint_state_words[s]) == 0)
            return 0;
    for (size_t t = 0; t < ntok; t++) {
        hints |= html_hints_token(toks[t], lens[t], t + 1 == ntok);
        if (t + 1 < ntok && lens[t] + lens[t + 1] < TOK_LEN) {
            char pair[TOK_LEN];
            memcpy(pair, toks[t], lens[t]);
            memcpy(pair + lens[t], toks[t + 1], lens[t + 1] + 1);
            hints |= html_hints_token(pair, lens[t] + lens[t + 1], 0);
        }
    }
    return hints;
}

/* Whether the space-separated list v holds tok (lower case), in any case. */
static int html_hints_has_token(const char *v, const char *tok)
{
    size_t k = strlen(tok), n = strlen(v);
    if (n > ATTR_SCAN_MAX)
        n = ATTR_SCAN_MAX;
    for (size_t i = 0; i + k <= n; i++) {
        if ((i == 0 || html_hints_ws((unsigned char)v[i - 1])) &&
            (i + k == n || html_hints_ws((unsigned char)v[i + k]))) {
            size_t m = 0;
            while (m < k && (v[i + m] | 0x20) == tok[m])
                m++;
            if (m == k)
                return 1;
        }
    }
    return 0;
}

/* A blog engine lists a post's categories and tags in the post's own class
 * ("hentry category-for-discussion tag-promotion"): those slugs are the
 * article's topics, not a part of the page, and give no hints.  Elsewhere
 * "tag-links" or "category-list" still name the tag and category rows. */
static int html_hints_term_word(const unsigned char *w, size_t n)
{
    return (n > 9 && memcmp(w, "category-", 9) == 0) ||
           (n > 4 && memcmp(w, "tag-", 4) == 0);
}

/* The hints of a class (several words) or id (one word) value. */
static unsigned html_hints_class_n(const char *value, int split_words)
{
    const unsigned char *p = (const unsigned char *)value;
    size_t n = strlen(value);
    unsigned hints = 0;

    if (n > ATTR_SCAN_MAX)
        n = ATTR_SCAN_MAX;
    if (!split_words)
        return html_hints_word(p, n);
    int post = html_hints_has_token(value, "hentry") ||
               html_hints_has_token(value, "type-post");
    for (size_t i = 0; i < n;) {
        while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
                         p[i] == '\r' || p[i] == '\f'))
            i++;
        size_t s = i;
        while (i < n && !(p[i] == ' ' || p[i] == '\t' || p[i] == '\n' ||
                          p[i] == '\r' || p[i] == '\f'))
            i++;
        if (i > s && !(post && html_hints_term_word(p + s, i - s)))
            hints |= html_hints_word(p + s, i - s);
    }
    return hints;
}

/* html_hints_class_n through the memo: a value short enough to be kept
 * is looked for in the slot its hash picks, and put there when missing. */
static unsigned html_hints_value(hints_memo *memo, const char *value, int split_words)
{
    if (memo == NULL)
        return html_hints_class_n(value, split_words);
    uint32_t h = 2166136261u ^ (uint32_t)split_words;
    size_t n = 0;
    for (; n < HINTS_MEMO_KEY && value[n] != '\0'; n++)
        h = (h ^ (unsigned char)value[n]) * 16777619u;
    if (n == HINTS_MEMO_KEY)
        return html_hints_class_n(value, split_words);
    hints_memo_slot *slot = &memo->slot[(h ^ (h >> 16)) % HINTS_MEMO_SLOTS];
    if (slot->len == n + 1 && slot->split == split_words && memcmp(slot->s, value, n) == 0)
        return slot->hints;
    slot->hints = html_hints_class_n(value, split_words);
    slot->len = (unsigned char)(n + 1);
    slot->split = (unsigned char)split_words;
    memcpy(slot->s, value, n);
    return slot->hints;
}

/* What one element's class and id tokens add up to. */
static unsigned html_hints_token_rules(unsigned tok)
{
    /* "entry-header" is the article's own header; "sidebar-content" and
     * "post-comments" are not article content */
    if (tok & HINT_CONTENT)
        tok &= ~(unsigned)HINT_HEADER;
    if (tok & HINT_NEGATIVE & ~(unsigned)HINT_HEADER)
        tok &= ~(unsigned)HINT_CONTENT;
    return tok;
}

unsigned html_hints_class(const char *value)
{
    return html_hints_token_rules(html_hints_class_n(value, 1));
}

int html_hints_tables_sorted(void)
{
    for (size_t i = 1; i < sizeof html_elements / sizeof *html_elements; i++)
        if (strcmp(html_elements[i - 1].name, html_elements[i].name) >= 0)
            return 0;
    for (size_t i = 1; i < N_HINT_TOKENS; i++)
        if (strcmp(hint_tokens[i - 1].tok, hint_tokens[i].tok) >= 0)
            return 0;
    return 1;
}

int html_hints_style_hides(const char *v, size_t len)
{
    char bytes[ATTR_SCAN_MAX];
    size_t n = 0;
    if (len > ATTR_SCAN_MAX)
        len = ATTR_SCAN_MAX;
    for (size_t i = 0; i < len && v[i] != '\0'; i++) {
        unsigned char c = (unsigned char)v[i];
        if (html_hints_ws(c))
            continue;
        bytes[n++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    if (n < 12)
        return 0;   /* shorter than either phrase */
    /* both hold their colon at a fixed place: only the colons are tried,
     * found with memchr, where each byte was compared with both */
    for (const char *k = memchr(bytes, ':', n); k != NULL;
         k = memchr(k + 1, ':', n - (size_t)(k + 1 - bytes))) {
        size_t at = (size_t)(k - bytes);
        if (at >= 7 && n - (at - 7) >= 12 && memcmp(k - 7, "display:none", 12) == 0)
            return 1;
        if (at >= 10 && n - (at - 10) >= 17 && memcmp(k - 10, "visibility:hidden", 17) == 0)
            return 1;
    }
    return 0;
}

/* Keeps the first value of each name. */
static void html_hints_first(const char **slot, const char *val)
{
    if (*slot == NULL)
        *slot = val;
}

void html_hints_attrs(const char *const *atts, hint_attrs *h)
{
    memset(h, 0, sizeof *h);
    if (atts == NULL)
        return;
    h->any = 1;
    for (size_t i = 0; atts[i] != NULL; i += 2) {
        const char *val = atts[i + 1] != NULL ? atts[i + 1] : "";
        switch (html_attr_find(atts[i], strlen(atts[i]))) {
        case HTML_ATTR_ARIA_HIDDEN:
            html_hints_first(&h->aria, val);
            break;
        case HTML_ATTR_CLASS:
            html_hints_first(&h->cls, val);
            break;
        case HTML_ATTR_HIDDEN:
            html_hints_first(&h->hidden, val);
            break;
        case HTML_ATTR_HREF:
            html_hints_first(&h->href, val);
            break;
        case HTML_ATTR_ID:
            html_hints_first(&h->id, val);
            break;
        case HTML_ATTR_ITEMPROP:
            html_hints_first(&h->itemprop, val);
            break;
        case HTML_ATTR_LANG:
            html_hints_first(&h->lang, val);
            break;
        case HTML_ATTR_XML_LANG:
            html_hints_first(&h->xml_lang, val);
            break;
        case HTML_ATTR_ROLE:
            html_hints_first(&h->role, val);
            break;
        case HTML_ATTR_STYLE:
            html_hints_first(&h->style, val);
            break;
        case HTML_ATTR_REL:
            html_hints_first(&h->rel, val);
            break;
        case HTML_ATTR_TYPE:
            html_hints_first(&h->type, val);
            break;
        case HTML_ATTR_CONTENT:
            html_hints_first(&h->content, val);
            break;
        case HTML_ATTR_DATETIME:
            html_hints_first(&h->datetime, val);
            break;
        case HTML_ATTR_OPEN:
            html_hints_first(&h->open, val);
            break;
        default:
            break;
        }
    }
}

/* ARIA landmark roles. */
static unsigned html_hints_role(const char *v)
{
    unsigned h = 0;
    if (html_hints_has_token(v, "navigation") || html_hints_has_token(v, "menu") ||
        html_hints_has_token(v, "menubar"))
        h |= HINT_NAV;
    if (html_hints_has_token(v, "banner"))
        h |= HINT_HEADER;
    if (html_hints_has_token(v, "contentinfo"))
        h |= HINT_FOOTER;
    if (html_hints_has_token(v, "complementary"))
        h |= HINT_ASIDE;
    if (html_hints_has_token(v, "main"))
        h |= HINT_MAIN;
    if (html_hints_has_token(v, "article"))
        h |= HINT_ARTICLE;
    return h;
}

/* hidden, aria-hidden="true", display:none or visibility:hidden */
static int html_hints_hidden(const hint_attrs *a)
{
    return a->hidden != NULL || (a->aria != NULL && html_hints_has_token(a->aria, "true")) ||
           (a->style != NULL && html_hints_style_hides(a->style, ATTR_SCAN_MAX));
}

unsigned html_hints_of_attrs(const element_info *e, const hint_attrs *a, unsigned inherited,
                             hints_memo *memo)
{
    unsigned h = e != NULL ? e->hints : 0;
    int in_article = (inherited & (HINT_ARTICLE | HINT_MAIN | HINT_BODY)) != 0;

    if (e != NULL && (e->kind & EL_HEADER) && !in_article)
        h |= HINT_HEADER;
    /* a browser shows a <dialog> only once it is open (a modal's
     * newsletter or cookie form waiting for a script) */
    if (e != NULL && (e->kind & EL_OPEN) && a->open == NULL)
        h |= HINT_HIDDEN;
    if (!a->any)
        return h;

    if (a->role != NULL)
        h |= html_hints_role(a->role);
    if (html_hints_hidden(a))
        h |= HINT_HIDDEN;
    if (a->itemprop != NULL && html_hints_has_token(a->itemprop, "articlebody"))
        h |= HINT_BODY;

    unsigned tok = 0;
    if (a->cls != NULL)
        tok |= html_hints_value(memo, a->cls, 1);
    if (a->id != NULL)
        tok |= html_hints_value(memo, a->id, 0);
    tok = html_hints_token_rules(tok);
    if (in_article)
        tok &= ~(unsigned)HINT_HEADER;
    return h | tok;
}

unsigned html_hints_of(const element_info *e, const char *const *atts, unsigned inherited,
                       hints_memo *memo)
{
    hint_attrs a;
    html_hints_attrs(atts, &a);
    return html_hints_of_attrs(e, &a, inherited, memo);
}
