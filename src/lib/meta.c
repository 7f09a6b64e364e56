/* meta.c - what a document says about itself, from its most trusted source.
 *
 * Values are whitespace-collapsed and bounded (META_VALUE_MAX bytes, cut
 * at a character boundary); a source never overrides one of more trust,
 * and of equal trust the first stated wins, as the page's head states the
 * article's own data before any widget does. */
#include <string.h>
#include <strings.h>
#include <jansson.h>
#include "block.h"
#include "byline.h"
#include "html_attrs.h"
#include "meta.h"
#include "meta_date.h"
#include "span.h"
#include "title.h"

#define META_VALUE_MAX 1024
#define META_TAGS_MAX 16
#define META_TAG_MAX 128
#define CAPTURE_MAX (1024u * 1024u)  /* a JSON-LD script, at most */
#define CAPTURE_TEXT_MAX 4096u       /* the text of any other element */
#define BLOCKS_LOOK 60               /* blocks at the top a byline is looked for in */
#define TEXT_BYLINE_AFTER 3          /* lines from a text dump's headline to its byline */
#define LD_DEPTH 8                   /* nesting of JSON-LD objects walked */

/* Trust, least to most; 0 is "nothing yet".  Even steps: a <meta
 * property> outranks a <meta name> of the same key by one. */
enum {
    R_NONE = 0,
    R_GUESS = 2,    /* measured, not stated: the language of the stopwords */
    R_PAGE = 4,     /* the page shows it: <title>, h1, a "By" line, <time> */
    R_ITEMPROP = 6, /* microdata */
    R_NAME = 8,     /* <meta name=author|description|keywords> */
    R_TWITTER = 10, /* twitter:*, parsely-* */
    R_OG = 12,      /* OpenGraph, article:* */
    R_DC = 14,      /* Dublin Core: a catalogue's record of the article */
    R_LD = 16,      /* JSON-LD of the article */
    R_LINK = 18     /* <link rel=canonical>, <html lang>: the page's own word */
};

/* What a captured element's text is for. */
enum { CAP_NONE, CAP_LD, CAP_TITLE, CAP_ITEMPROP, CAP_BYLINE };

typedef struct value {
    char s[META_VALUE_MAX];
    unsigned char rank;
} value;

struct meta {
    const mem *m;
    value f[UB_META_COUNT];
    char tags[META_TAGS_MAX][META_TAG_MAX];
    size_t ntags;
    unsigned char tags_rank;
    char title_tag[META_VALUE_MAX];   /* <title>, whole */
    char h1[META_VALUE_MAX];          /* the page's first h1 */
    char base[META_VALUE_MAX];
    char time_attr[META_DATE_MAX];    /* the first <time datetime> */
    char ld_name[META_VALUE_MAX];     /* JSON-LD: the article's name, beside its headline */
    int cap;                          /* CAP_* */
    ub_meta_field cap_field;          /* CAP_ITEMPROP: which */
    buf text;                         /* the captured text */
    int titled;                       /* <title> seen (the first counts) */
    unsigned long blocks;             /* decided blocks seen */
    char cand[META_VALUE_MAX];        /* text: the last line that may be a headline */
    unsigned long cand_at;            /* ... its block, from 1; 0: none */
};

meta *meta_new(const mem *m)
{
    meta *mt = mem_calloc(m, 1, sizeof *mt);
    if (mt)
        mt->m = m;
    return mt;
}

void meta_free(meta *mt)
{
    if (!mt)
        return;
    buf_free(&mt->text, mt->m);
    mem_free(mt->m, mt);
}

/* Every value is a string read up to its NUL (and the tags up to ntags):
 * emptying them is as good as clearing the whole store, about 16 KiB,
 * once per document of a stream. */
void meta_reset(meta *mt)
{
    for (size_t i = 0; i < UB_META_COUNT; i++) {
        mt->f[i].s[0] = 0;
        mt->f[i].rank = R_NONE;
    }
    mt->ntags = 0;
    mt->tags_rank = R_NONE;
    mt->title_tag[0] = mt->h1[0] = mt->base[0] = mt->time_attr[0] = 0;
    mt->ld_name[0] = mt->cand[0] = 0;
    mt->cap = CAP_NONE;
    mt->cap_field = (ub_meta_field)0;
    mt->titled = 0;
    mt->blocks = 0;
    mt->cand_at = 0;
    mt->text.len = 0;
    buf_shrink(&mt->text, mt->m, CAPTURE_TEXT_MAX);
}

static int ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* s[0..n) whitespace-collapsed and trimmed into out[0..cap), cut at a
 * character boundary; returns the length. */
static size_t collapse(char *out, size_t cap, const char *s, size_t n)
{
    size_t len = 0;
    int space = 0;
    for (size_t i = 0; i < n && s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ws(c) || (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)) {
            i += c == 0xC2;
            space = len > 0;
            continue;
        }
        if (len + 1 + (size_t)space >= cap)
            break;
        if (space)
            out[len++] = ' ';
        space = 0;
        out[len++] = (char)c;
    }
    /* a character cut at the end is dropped */
    size_t k = len;
    while (k > 0 && ((unsigned char)out[k - 1] & 0xC0) == 0x80)
        k--;
    if (k > 0 && (unsigned char)out[k - 1] >= 0xC0) {
        unsigned char lead = (unsigned char)out[k - 1];
        size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        if (len - (k - 1) < want)
            len = k - 1;
    }
    out[len] = 0;
    return len;
}

/* A value stated in the markup with its entities written twice
 * ("That&#039;s", "&quot;"): the ones of plain text, decoded in place. */
static size_t decode_entities(char *s, size_t n)
{
    static const struct {
        const char *name;
        char c;
    } named[] = {{"amp;", '&'}, {"quot;", '"'}, {"apos;", '\''}, {"lt;", '<'}, {"gt;", '>'}};
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] != '&') {
            s[o++] = s[i++];
            continue;
        }
        size_t k;
        for (k = 0; k < sizeof named / sizeof *named; k++) {
            size_t l = strlen(named[k].name);
            if (i + 1 + l <= n && memcmp(s + i + 1, named[k].name, l) == 0) {
                s[o++] = named[k].c;
                i += 1 + l;
                break;
            }
        }
        if (k < sizeof named / sizeof *named)
            continue;
        /* &#39; &#x27; of ASCII only: the rest stays as written */
        unsigned v = 0;
        size_t j = i + 2;
        int hex = j < n && (s[j] == 'x' || s[j] == 'X');
        j += (size_t)hex;
        size_t d = j;
        while (j < n && j - d < 4 &&
               ((s[j] >= '0' && s[j] <= '9') ||
                (hex && ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'f')))) {
            unsigned c = (unsigned char)(s[j] | (hex && s[j] > '9' ? 0x20 : 0));
            v = v * (hex ? 16u : 10u) + (c <= '9' ? c - '0' : c - 'a' + 10);
            j++;
        }
        if (i + 1 < n && s[i + 1] == '#' && j > d && j < n && s[j] == ';' && v >= 0x20 &&
            v < 0x7f) {
            s[o++] = (char)v;
            i = j + 1;
            continue;
        }
        s[o++] = s[i++];
    }
    s[o] = 0;
    return o;
}

/* "Dan Goodin - Apr 16, 2015" or "Ann Lee —": the name alone, cut at a
 * separator or a digit, without the punctuation left at its end. */
static size_t name_only(char *s, size_t n)
{
    static const char *const seps[] = {" - ", " | ", " \xE2\x80\x94", " \xE2\x80\x93",
                                       " \xC2\xB7", " / ", " \xE2\x80\xA2"};
    for (size_t i = 0; i < n; i++) {
        if ((unsigned)s[i] - '0' < 10u) {
            n = i;
            break;
        }
        for (size_t k = 0; k < sizeof seps / sizeof *seps; k++) {
            size_t l = strlen(seps[k]);
            if (i + l <= n && memcmp(s + i, seps[k], l) == 0)
                n = i;
        }
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '-' || s[n - 1] == '|' ||
                     s[n - 1] == '(' || s[n - 1] == ':'))
        n--;
    s[n] = 0;
    return n;
}

static int is_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
           strncmp(s, "//", 2) == 0;
}

/* Offers a value for a field; kept if no more trusted one is known. */
static void set(meta *mt, ub_meta_field field, int rank, const char *s, size_t n)
{
    value *v = &mt->f[field];
    if (rank <= v->rank || !s)
        return;
    char tmp[META_VALUE_MAX];
    size_t len = collapse(tmp, sizeof tmp, s, n);
    if (len == 0)
        return;
    if (memchr(tmp, '&', len))
        len = decode_entities(tmp, len);
    if (field == UB_META_DATE) {
        char iso[META_DATE_MAX];
        if (meta_date_iso(tmp, len, iso) == 0)
            return;
        strcpy(tmp, iso);
    } else if (field == UB_META_AUTHOR && is_url(tmp)) {
        return;     /* article:author is often a profile's address */
    } else if (field == UB_META_AUTHOR && rank <= R_ITEMPROP && name_only(tmp, len) == 0) {
        return;
    } else if (field == UB_META_LANG) {
        for (size_t i = 0; tmp[i]; i++)
            if (tmp[i] == '_')
                tmp[i] = '-';  /* og:locale writes en_US */
    }
    memcpy(v->s, tmp, strlen(tmp) + 1);
    v->rank = (unsigned char)rank;
}

/* Tags from one source: a list "a, b, c" or one value per call. */
static void add_tags(meta *mt, int rank, const char *s, size_t n, int split)
{
    if (rank < mt->tags_rank || !s)
        return;
    if (rank > mt->tags_rank) {
        mt->ntags = 0;
        mt->tags_rank = (unsigned char)rank;
    }
    size_t i = 0;
    while (i < n && s[i]) {
        size_t b = i;
        while (i < n && s[i] && !(split && (s[i] == ',' || s[i] == ';')))
            i++;
        char t[META_TAG_MAX];
        size_t len = collapse(t, sizeof t, s + b, i - b);
        if (i < n && s[i])
            i++;
        if (len == 0 || mt->ntags >= META_TAGS_MAX)
            continue;
        int dup = 0;
        for (size_t k = 0; k < mt->ntags && !dup; k++)
            dup = strcasecmp(mt->tags[k], t) == 0;   /* "Qatar", "QATAR" */
        if (!dup)
            memcpy(mt->tags[mt->ntags++], t, len + 1);
    }
}

/* ---- JSON-LD ------------------------------------------------------------ */

static int ld_type_is(const json_t *type, int (*pred)(const char *))
{
    if (json_is_string(type))
        return pred(json_string_value(type));
    for (size_t i = 0; json_is_array(type) && i < json_array_size(type); i++) {
        const json_t *t = json_array_get(type, i);
        if (json_is_string(t) && pred(json_string_value(t)))
            return 1;
    }
    return 0;
}

/* Article, NewsArticle, BlogPosting, ReportageNewsArticle, TechArticle ... */
static int article_type(const char *t)
{
    size_t n = strlen(t);
    return (n >= 7 && strcmp(t + n - 7, "Article") == 0) ||
           (n >= 7 && strcmp(t + n - 7, "Posting") == 0) || strcmp(t, "Report") == 0;
}

static int site_type(const char *t)
{
    return strcmp(t, "WebSite") == 0;
}

static void ld_string(meta *mt, ub_meta_field field, const json_t *v)
{
    if (json_is_string(v))
        set(mt, field, R_LD, json_string_value(v), json_string_length(v));
}

/* A person or organisation: a name, {"name": ...}, or a list of them,
 * written "Ann Smith, Bob Lee". */
static void ld_names(meta *mt, ub_meta_field field, const json_t *v)
{
    char names[META_VALUE_MAX];
    size_t len = 0;
    const json_t *one = v;
    size_t count = json_is_array(v) ? json_array_size(v) : 1;
    for (size_t i = 0; i < count; i++) {
        if (json_is_array(v))
            one = json_array_get(v, i);
        if (json_is_object(one))
            one = json_object_get(one, "name");
        if (!json_is_string(one) || json_string_length(one) == 0)
            continue;
        size_t k = json_string_length(one);
        if (len + k + 3 >= sizeof names)
            break;
        if (len) {
            names[len++] = ',';
            names[len++] = ' ';
        }
        memcpy(names + len, json_string_value(one), k);
        len += k;
    }
    if (len)
        set(mt, field, R_LD, names, len);
}

static void ld_image(meta *mt, const json_t *v)
{
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v))
        v = json_object_get(v, "url");
    ld_string(mt, UB_META_IMAGE, v);
}

static void ld_walk(meta *mt, const json_t *v, int depth);

static void ld_article(meta *mt, const json_t *o)
{
    const json_t *head = json_object_get(o, "headline"), *name = json_object_get(o, "name");
    /* which of the two is the headline is settled beside <title> */
    if (json_is_string(name) && !mt->ld_name[0])
        collapse(mt->ld_name, sizeof mt->ld_name, json_string_value(name),
                 json_string_length(name));
    ld_string(mt, UB_META_TITLE, json_is_string(head) ? head : name);
    ld_names(mt, UB_META_AUTHOR, json_object_get(o, "author"));
    ld_string(mt, UB_META_DATE, json_object_get(o, "datePublished"));
    ld_string(mt, UB_META_DESCRIPTION, json_object_get(o, "description"));
    ld_string(mt, UB_META_LANG, json_object_get(o, "inLanguage"));
    ld_image(mt, json_object_get(o, "image"));
    const json_t *pub = json_object_get(o, "publisher");
    if (json_is_object(pub))
        ld_string(mt, UB_META_SITENAME, json_object_get(pub, "name"));
    const json_t *kw = json_object_get(o, "keywords");
    if (json_is_string(kw)) {
        add_tags(mt, R_LD, json_string_value(kw), json_string_length(kw), 1);
    } else {
        for (size_t i = 0; json_is_array(kw) && i < json_array_size(kw); i++) {
            const json_t *k = json_array_get(kw, i);
            if (json_is_string(k))
                add_tags(mt, R_LD, json_string_value(k), json_string_length(k), 0);
        }
    }
}

static void ld_walk(meta *mt, const json_t *v, int depth)
{
    if (depth > LD_DEPTH)
        return;
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++)
            ld_walk(mt, json_array_get(v, i), depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    const json_t *type = json_object_get(v, "@type");
    if (ld_type_is(type, article_type))
        ld_article(mt, v);
    else if (ld_type_is(type, site_type))
        /* the site's own name, trusted below a publisher's */
        set(mt, UB_META_SITENAME, R_ITEMPROP,
            json_string_value(json_object_get(v, "name")),
            json_string_length(json_object_get(v, "name")));
    const json_t *graph = json_object_get(v, "@graph");
    if (graph)
        ld_walk(mt, graph, depth + 1);
    const json_t *main = json_object_get(v, "mainEntity");
    if (json_is_object(main))
        ld_walk(mt, main, depth + 1);
}

static void ld_parse(meta *mt, const char *s, size_t n)
{
    /* a script may wrap its JSON in an HTML comment or CDATA, and jansson
     * stops where the value ends */
    size_t b = 0;
    for (;;) {
        while (b < n && ws((unsigned char)s[b]))
            b++;
        if (n - b >= 4 && memcmp(s + b, "<!--", 4) == 0)
            b += 4;
        else if (n - b >= 9 && memcmp(s + b, "<![CDATA[", 9) == 0)
            b += 9;
        else if (n - b >= 2 && memcmp(s + b, "//", 2) == 0)
            while (b < n && s[b] != '\n')
                b++;
        else
            break;
    }
    json_t *root = json_loadb(s + b, n - b, JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK, NULL);
    if (root)
        ld_walk(mt, root, 0);
    json_decref(root);
}

/* ---- <meta>, <link> and friends ---------------------------------------- */

static int ci_eq(const char *a, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    if (n != k)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != lit[i])
            return 0;
    }
    return 1;
}

/* What a <meta name|property> key means. */
static const struct meta_key {
    const char *key;
    signed char field;  /* ub_meta_field, or -1 for tags */
    unsigned char rank;
} meta_keys[] = {
    {"og:title", UB_META_TITLE, R_OG},
    {"twitter:title", UB_META_TITLE, R_TWITTER},
    {"parsely-title", UB_META_TITLE, R_TWITTER},
    {"dc.title", UB_META_TITLE, R_DC},
    {"dcterms.title", UB_META_TITLE, R_DC},
    {"article:author", UB_META_AUTHOR, R_OG},
    {"parsely-author", UB_META_AUTHOR, R_TWITTER},
    {"author", UB_META_AUTHOR, R_NAME},
    {"dc.creator", UB_META_AUTHOR, R_DC},
    {"dcterms.creator", UB_META_AUTHOR, R_DC},
    {"article:published_time", UB_META_DATE, R_OG},
    {"og:article:published_time", UB_META_DATE, R_OG},
    {"parsely-pub-date", UB_META_DATE, R_TWITTER},
    {"dc.date", UB_META_DATE, R_DC},
    {"dc.date.issued", UB_META_DATE, R_DC},
    {"dcterms.created", UB_META_DATE, R_DC},
    {"dcterms.issued", UB_META_DATE, R_DC},
    {"date", UB_META_DATE, R_NAME},
    {"pubdate", UB_META_DATE, R_NAME},
    {"publish-date", UB_META_DATE, R_NAME},
    {"og:site_name", UB_META_SITENAME, R_OG},
    {"og:url", UB_META_URL, R_OG},
    {"og:description", UB_META_DESCRIPTION, R_OG},
    {"twitter:description", UB_META_DESCRIPTION, R_TWITTER},
    {"description", UB_META_DESCRIPTION, R_NAME},
    {"dc.description", UB_META_DESCRIPTION, R_DC},
    {"dcterms.description", UB_META_DESCRIPTION, R_DC},
    {"og:image", UB_META_IMAGE, R_OG},
    {"og:image:url", UB_META_IMAGE, R_OG},
    {"twitter:image", UB_META_IMAGE, R_TWITTER},
    {"twitter:image:src", UB_META_IMAGE, R_TWITTER},
    {"og:locale", UB_META_LANG, R_OG},
    {"dc.language", UB_META_LANG, R_DC},
    {"content-language", UB_META_LANG, R_NAME},
    {"article:tag", -1, R_OG},
    {"news_keywords", -1, R_NAME},
    {"keywords", -1, R_NAME},
};

static void meta_tag(meta *mt, const char *key, size_t n, const char *content, int property)
{
    for (size_t i = 0; i < sizeof meta_keys / sizeof *meta_keys; i++) {
        const struct meta_key *k = &meta_keys[i];
        if (!ci_eq(key, n, k->key))
            continue;
        if (k->field < 0)
            /* article:tag comes once per tag, keywords as a list */
            add_tags(mt, k->rank, content, strlen(content), k->rank != R_OG);
        else
            set(mt, (ub_meta_field)k->field, k->rank + property, content, strlen(content));
        return;
    }
}

/* <meta property="og:title dc:title" content=...>: each key of the list. */
static void meta_element(meta *mt, const char *const *atts)
{
    const char *content = html_attr_value(atts, HTML_ATTR_CONTENT);
    if (!content)
        return;
    const char *keys[3] = {html_attr_value(atts, HTML_ATTR_PROPERTY),
                           html_attr_value(atts, HTML_ATTR_NAME),
                           html_attr_value(atts, HTML_ATTR_HTTP_EQUIV)};
    for (int k = 0; k < 3; k++) {
        const char *p = keys[k];
        while (p && *p) {
            while (ws((unsigned char)*p))
                p++;
            size_t n = 0;
            while (p[n] && !ws((unsigned char)p[n]))
                n++;
            /* dc:title and DC.title are one key */
            char key[40];
            if (n > 0 && n < sizeof key) {
                memcpy(key, p, n);
                key[n] = 0;
                if (n > 3 && (key[0] | 0x20) == 'd' && (key[1] | 0x20) == 'c' && key[2] == ':')
                    key[2] = '.';
                if (n > 8 && strncmp(key, "dcterms:", 8) == 0)
                    key[7] = '.';
                meta_tag(mt, key, n, content, k == 0);
            }
            p += n;
        }
    }
}

/* itemprop values this reads, and where they go. */
static int itemprop_field(const char *v, ub_meta_field *field)
{
    static const struct {
        const char *name;
        ub_meta_field field;
    } props[] = {
        {"headline", UB_META_TITLE}, {"author", UB_META_AUTHOR},
        {"datepublished", UB_META_DATE}, {"description", UB_META_DESCRIPTION},
        {"inlanguage", UB_META_LANG},
    };
    for (const char *p = v; *p;) {
        while (ws((unsigned char)*p))
            p++;
        size_t n = 0;
        while (p[n] && !ws((unsigned char)p[n]))
            n++;
        for (size_t i = 0; i < sizeof props / sizeof *props; i++)
            if (ci_eq(p, n, props[i].name)) {
                *field = props[i].field;
                return 1;
            }
        p += n;
    }
    return 0;
}

static int has_token(const char *v, const char *tok)
{
    for (const char *p = v; p && *p;) {
        while (ws((unsigned char)*p))
            p++;
        size_t n = 0;
        while (p[n] && !ws((unsigned char)p[n]))
            n++;
        if (ci_eq(p, n, tok))
            return 1;
        p += n;
    }
    return 0;
}

/* One element's text at a time, but a byline box's inner byline takes
 * over from it: the innermost is the name, the box may hold a biography. */
static int begin_capture(meta *mt, int what, ub_meta_field field)
{
    int author = what == CAP_BYLINE || (what == CAP_ITEMPROP && field == UB_META_AUTHOR);
    int in_author = mt->cap == CAP_BYLINE ||
                    (mt->cap == CAP_ITEMPROP && mt->cap_field == UB_META_AUTHOR);
    if (mt->cap != CAP_NONE && !(author && in_author))
        return 0;
    mt->cap = what;
    mt->cap_field = field;
    mt->text.len = 0;
    return 1;
}

/* Where a page shows its byline: rel=author, or a class or id that says
 * "author" or "byline". */
static int byline_element(const hint_attrs *ha)
{
    if (ha->rel != NULL && has_token(ha->rel, "author"))
        return 1;
    const char *which[2] = {ha->cls, ha->id};
    for (int k = 0; k < 2; k++) {
        const char *v = which[k];
        for (size_t i = 0; v && v[i] && i < 512; i++) {
            char c = (char)(v[i] | 0x20);
            if ((c == 'a' && strncasecmp(v + i, "author", 6) == 0) ||
                (c == 'b' && strncasecmp(v + i, "byline", 6) == 0))
                return 1;
        }
    }
    return 0;
}

/* Whether the element's name is lit: a call to strcmp per start tag costs
 * more than these few bytes compared in place. */
static int name_is(const char *name, const char *lit)
{
    size_t i = 0;
    for (; lit[i]; i++)
        if (name[i] != lit[i])
            return 0;
    return name[i] == 0;
}

int meta_start(meta *mt, const char *name, const char *const *atts, const hint_attrs *ha,
               unsigned hints, int skipped)
{
    const char *v;
    int want = 0;
    /* what a script, an SVG or a template holds says nothing of the page
     * (an SVG has <title>s) */
    if (skipped)
        return 0;
    switch (name[0]) {
    case 'b':
        if (name_is(name, "base") && !mt->base[0] && (v = ha->href))
            collapse(mt->base, sizeof mt->base, v, strlen(v));
        break;
    case 'h':
        if (name_is(name, "html") && ((v = ha->lang) || (v = ha->xml_lang)))
            set(mt, UB_META_LANG, R_LINK, v, strlen(v));
        break;
    case 'l':
        if (name_is(name, "link") && (v = ha->rel) && has_token(v, "canonical") &&
            (v = ha->href))
            set(mt, UB_META_URL, R_LINK, v, strlen(v));
        break;
    case 'm':
        if (name_is(name, "meta"))
            meta_element(mt, atts);
        break;
    case 's':
        if (name_is(name, "script") && (v = ha->type) && strstr(v, "ld+json") != NULL)
            want = begin_capture(mt, CAP_LD, UB_META_TITLE);
        break;
    case 't':
        if (name_is(name, "title") && !mt->titled)
            want = begin_capture(mt, CAP_TITLE, UB_META_TITLE);
        else if (name_is(name, "time") && !mt->time_attr[0] && (v = ha->datetime))
            meta_date_iso(v, strlen(v), mt->time_attr);
        break;
    default:
        break;
    }
    ub_meta_field field;
    if ((v = ha->itemprop) && itemprop_field(v, &field)) {
        const char *c = ha->content;
        if (!c)
            c = ha->datetime;
        if (c)
            set(mt, field, R_ITEMPROP, c, strlen(c));
        else if (mt->f[field].rank < R_ITEMPROP && !want)
            want = begin_capture(mt, CAP_ITEMPROP, field);
    }
    /* not a sidebar's or a comment's byline */
    if (!want && ha->any && mt->f[UB_META_AUTHOR].rank < R_PAGE &&
        !(hints & HINT_NEGATIVE & ~(unsigned)(HINT_BYLINE | HINT_HEADER)) && byline_element(ha))
        want = begin_capture(mt, CAP_BYLINE, UB_META_AUTHOR);
    return want;
}

ub_status meta_text(meta *mt, const char *s, size_t n)
{
    size_t cap = mt->cap == CAP_LD ? CAPTURE_MAX : CAPTURE_TEXT_MAX;
    if (mt->cap == CAP_NONE || mt->text.len >= cap)
        return UB_OK;
    if (n > cap - mt->text.len)
        n = cap - mt->text.len;
    ub_status st = buf_append(&mt->text, mt->m, s, n);
    if (st != UB_OK)
        mt->cap = CAP_NONE;
    return st;
}

static void byline_text(meta *mt, const char *s, size_t n);

void meta_end(meta *mt)
{
    const char *s = mt->text.data;
    size_t n = mt->text.len;
    switch (mt->cap) {
    case CAP_LD:
        if (n < CAPTURE_MAX)
            ld_parse(mt, s, n);
        break;
    case CAP_TITLE:
        mt->titled = 1;
        collapse(mt->title_tag, sizeof mt->title_tag, s, n);
        break;
    case CAP_ITEMPROP:
        set(mt, mt->cap_field, R_ITEMPROP, s, n);
        break;
    case CAP_BYLINE:
        byline_text(mt, s, n);
        break;
    default:
        break;
    }
    mt->cap = CAP_NONE;
    mt->text.len = 0;
}

/* ---- what the page shows ------------------------------------------------ */

#define BYLINE_TEXT_MAX 100   /* bytes of a byline box's text: more is a biography */
#define BYLINE_WORDS 6        /* words of a byline without "By" */

/* The text of a byline box: "By Ann Smith, May 2" gives the names; a few
 * words without digits are a name as they stand. */
static void byline_text(meta *mt, const char *s, size_t n)
{
    char t[META_VALUE_MAX];
    size_t len = collapse(t, sizeof t, s, n), start;
    if (len == 0 || len > BYLINE_TEXT_MAX)
        return;
    size_t name = byline_name(t, len, &start);
    if (name) {
        set(mt, UB_META_AUTHOR, R_PAGE, t + start, name);
        return;
    }
    if (len <= 3 && (t[0] | 0x20) == 'b' && (t[1] | 0x20) == 'y')
        return;     /* "By", with the name in the next box */
    size_t words = 1;
    for (size_t i = 0; i < len; i++) {
        words += t[i] == ' ';
        if ((unsigned)t[i] - '0' < 10u || t[i] == '|' || t[i] == ':')
            return;
    }
    if (words <= BYLINE_WORDS)
        set(mt, UB_META_AUTHOR, R_PAGE, t, len);
}

/* "By Ann Smith | May 2, 2015": the names, and the date if it gives one. */
static void byline_block(meta *mt, const char *s, size_t n)
{
    size_t start;
    size_t len = byline_name(s, n, &start);
    if (len == 0)
        return;
    set(mt, UB_META_AUTHOR, R_PAGE, s + start, len);
    set(mt, UB_META_DATE, R_PAGE, s, n);
}

#define TEXT_TITLE_MAX 200   /* bytes of a text dump's headline, at most */
#define DATELINE_MAX 100     /* bytes of a line that gives the date */

int meta_blocks_done(const meta *mt)
{
    return mt->blocks >= BLOCKS_LOOK;
}

void meta_block(meta *mt, int html, const char *s, size_t n, unsigned heading,
                unsigned hints, int keep)
{
    if (++mt->blocks > BLOCKS_LOOK)
        return;
    if (html) {
        if (heading == 1 && !mt->h1[0] && !(hints & HINT_NEGATIVE & ~(unsigned)HINT_HEADER))
            collapse(mt->h1, sizeof mt->h1, s, n);
        if (n < 200)
            byline_block(mt, s, n);
        if ((hints & HINT_BYLINE) && n < DATELINE_MAX)
            set(mt, UB_META_DATE, R_PAGE, s, n);
        return;
    }
    /* A text dump: a headline is told from any other short line only by
     * the byline or dateline under it ("Council saves the hall" / "By
     * Ann Lee | May 2, 2015"); a date, by the byline or headline above. */
    size_t start, name = n < 200 ? byline_name(s, n, &start) : 0;
    char iso[META_DATE_MAX];
    int dated = n < DATELINE_MAX && meta_date_iso(s, n, iso) > 0;
    int near = mt->cand_at && mt->blocks - mt->cand_at <= TEXT_BYLINE_AFTER;
    if (name || dated) {
        if (near && !mt->h1[0])
            memcpy(mt->h1, mt->cand, strlen(mt->cand) + 1);
        if (name)
            set(mt, UB_META_AUTHOR, R_PAGE, s + start, name);
        if (dated && (name || near))
            set(mt, UB_META_DATE, R_PAGE, iso, strlen(iso));
        return;
    }
    size_t t = block_trim_end(s, n), b = span_blank((const unsigned char *)s, t);
    /* not a list item ("7. Data model", "* Home"), nor a sentence */
    unsigned char c0 = b < t ? (unsigned char)s[b] : 0;
    int item = (c0 >= '0' && c0 <= '9') || c0 == '*' || c0 == '-' || c0 == '+' ||
               c0 == 0xE2;   /* bullets */
    if (keep && t > b && t < TEXT_TITLE_MAX && !item && s[t - 1] != '.' && s[t - 1] != ':' &&
        memchr(s + b, ' ', t - b) != NULL && memchr(s, '\n', t) == NULL) {
        collapse(mt->cand, sizeof mt->cand, s + b, t - b);
        mt->cand_at = mt->blocks;
    }
}

/* Letters alone, lower-cased, for comparing headlines. */
static size_t fold(const char *s, char *out, size_t cap)
{
    size_t k = 0;
    for (; *s && k + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out[k++] = (char)c;
        else if (c >= 'A' && c <= 'Z')
            out[k++] = (char)(c + 32);
    }
    out[k] = 0;
    return k;
}

#define TITLE_SEGMENTS 8

/* The <title>'s headline: the page's h1 where it repeats a run of the
 * title's segments ("Code sample: how to loop" and an h1 "How to loop"),
 * else the segment title_pick names, else the whole. */
static void title_from_tag(meta *mt)
{
    const char *t = mt->title_tag;
    size_t n = strlen(t);
    title_span sp[TITLE_SEGMENTS];
    size_t k = title_split(t, n, sp, TITLE_SEGMENTS);
    if (mt->h1[0]) {
        char h[META_VALUE_MAX], r[META_VALUE_MAX], run[META_VALUE_MAX];
        if (fold(mt->h1, h, sizeof h) > 0) {
            for (size_t i = 0; i < k; i++)
                for (size_t j = i; j < k; j++) {
                    size_t len = sp[j].start + sp[j].len - sp[i].start;
                    memcpy(run, t + sp[i].start, len);
                    run[len] = 0;
                    fold(run, r, sizeof r);
                    if (strcmp(r, h) == 0) {
                        set(mt, UB_META_TITLE, R_PAGE, mt->h1, strlen(mt->h1));
                        return;
                    }
                }
        }
    }
    size_t pick = title_pick(sp, k);
    if (pick < k)
        set(mt, UB_META_TITLE, R_PAGE, t + sp[pick].start, sp[pick].len);
    else
        set(mt, UB_META_TITLE, R_PAGE, t, n);
}

/* JSON-LD gives a headline and a name, which some sites fill with other
 * things (Wikipedia's headline is a description): the one <title> repeats. */
static void title_from_ld(meta *mt)
{
    char t[META_VALUE_MAX], h[META_VALUE_MAX], nm[META_VALUE_MAX];
    value *v = &mt->f[UB_META_TITLE];
    const char *site = meta_get(mt, UB_META_SITENAME, 0);
    char st[META_VALUE_MAX] = "";
    if (v->rank != R_LD || !mt->ld_name[0] || !mt->title_tag[0])
        return;
    fold(mt->title_tag, t, sizeof t);
    fold(v->s, h, sizeof h);
    if (site)
        fold(site, st, sizeof st);
    if (fold(mt->ld_name, nm, sizeof nm) > 0 && strstr(t, nm) && !strstr(t, h) &&
        strcmp(nm, st) != 0)
        memcpy(v->s, mt->ld_name, strlen(mt->ld_name) + 1);
}

/* "Headline - Site" or "Site: Headline", where the site is the one named
 * as such: the headline. */
static void title_without_site(meta *mt)
{
    value *v = &mt->f[UB_META_TITLE];
    const char *site = meta_get(mt, UB_META_SITENAME, 0);
    char a[META_VALUE_MAX], b[META_VALUE_MAX], seg[META_VALUE_MAX];
    if (!v->rank || !site || fold(site, b, sizeof b) == 0)
        return;
    title_span sp[TITLE_SEGMENTS];
    size_t k = title_split(v->s, strlen(v->s), sp, TITLE_SEGMENTS);
    if (k < 2)
        return;
    for (int end = 0; end < 2; end++) {
        const title_span *x = &sp[end ? k - 1 : 0];
        memcpy(seg, v->s + x->start, x->len);
        seg[x->len] = 0;
        fold(seg, a, sizeof a);
        if (strcmp(a, b) != 0)
            continue;
        size_t from = end ? 0 : sp[1].start;
        size_t to = end ? sp[k - 2].start + sp[k - 2].len : strlen(v->s);
        memmove(v->s, v->s + from, to - from);
        v->s[to - from] = 0;
        return;
    }
}

void meta_finish(meta *mt, const char *url, const char *lang)
{
    if (mt->cap != CAP_NONE)
        meta_end(mt);
    title_from_ld(mt);
    if (mt->title_tag[0])
        title_from_tag(mt);
    else if (mt->h1[0])
        set(mt, UB_META_TITLE, R_PAGE, mt->h1, strlen(mt->h1));
    if (mt->time_attr[0])
        set(mt, UB_META_DATE, R_PAGE, mt->time_attr, strlen(mt->time_attr));
    title_without_site(mt);
    if (url)
        set(mt, UB_META_URL, R_GUESS, url, strlen(url));
    if (lang)
        set(mt, UB_META_LANG, R_GUESS, lang, strlen(lang));
}

const char *meta_get(const meta *mt, ub_meta_field field, size_t i)
{
    if (field == UB_META_TAGS)
        return i < mt->ntags ? mt->tags[i] : NULL;
    if ((unsigned)field >= UB_META_COUNT || i > 0 || !mt->f[field].rank)
        return NULL;
    return mt->f[field].s;
}

const char *meta_base(const meta *mt)
{
    return mt->base[0] ? mt->base : NULL;
}
