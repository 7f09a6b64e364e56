/* classify.c - first labels (the FIRST rules of rules.def).
 *
 * The density thresholds (tuning.h) follow jusText's published defaults;
 * what is added here is the word rules and the HTML hints. */
#include <string.h>
#include <strings.h>
#include "classify.h"
#include "phrases.h"
#include "span.h"
#include "tuning.h"


static const ub_rule rules[REASON_COUNT + 1] = {
#define UB_RULE(id, word, stage, description) { word, #stage, description },
#include "rules.def"
    { NULL, NULL, NULL }
};

const ub_rule *ub_rule_get(size_t i)
{
    return i < REASON_COUNT ? &rules[i] : NULL;
}

const char *classify_reason_name(reason r)
{
    return r < REASON_COUNT ? rules[r].reason : "?";
}

const char *classify_class_name(klass c)
{
    static const char *const names[] = { "bad", "short", "near-good", "good" };
    return c <= CLASS_GOOD ? names[c] : "?";
}

static void set(verdict *v, klass c, reason r, int rule)
{
    v->cls = c;
    v->why = r;
    v->rule = rule;
}

/* "______" or "____ ____": a form field or a rule as a text dump draws
 * it; the underscore counts as a word character. */
static int only_underscores(const char *s, size_t n)
{
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        /* blanks, which pad a dump's lines, and the rule's underscores
         * a run at a time */
        if (s[i] == ' ' || s[i] == '_') {
            any |= s[i] == '_';
            i += span_byte((const unsigned char *)s + i, n - i, (unsigned char)s[i]) - 1;
        } else if (s[i] != '\t' && s[i] != '\r')
            return 0;
    }
    return any;
}

/* "____________ Name (required)", "[ ] Notify me of new posts by email.":
 * a text input or a check box as a text dump draws it, then its label;
 * "IFRAME: //example.com/plugins/like.php?..." is an embedded frame (a
 * like button, a video player) named by its address, "(BUTTON) Copy" a
 * button.  An article writes no such line; a poll's radio buttons,
 * "(*) Yes", are left alone, as its questions may be the article's. */

static int dump_widget(const char *s, size_t n)
{
    size_t i = span_blank((const unsigned char *)s, n);
    if (i + 3 < n && s[i] == '[' && (s[i + 1] == ' ' || s[i + 1] == 'X' || s[i + 1] == 'x') &&
        s[i + 2] == ']' && s[i + 3] == ' ')
        return 1;
    if ((n - i > 7 && memcmp(s + i, "IFRAME:", 7) == 0) ||
        (n - i >= 8 && memcmp(s + i, "(BUTTON)", 8) == 0))
        return 1;
    size_t u = i;
    while (u < n && s[u] == '_')
        u++;
    return u - i >= FIELD_UNDERSCORES && u < n && s[u] == ' ';
}

/* "July (27)", "Recipes (112)": an archive or category entry with its
 * count, which a blog's sidebar lists by the dozen.  Four digits are a
 * year more often than a count: "GDP (2014)".  Gives the label's length,
 * 0 if the block is no such entry. */
static size_t counted_entry(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    if (n < 4 || s[n - 1] != ')')
        return 0;
    size_t i = n - 1, digits = 0;
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') {
        i--;
        digits++;
    }
    return digits > 0 && digits < 4 && i >= 3 && s[i - 1] == '(' && s[i - 2] == ' ' ? i - 2 : 0;
}

/* A table's header cell ("Name | Status | Comment") names a column; a
 * heading or a sentence in a cell can still open a thread, as on pages
 * laid out in tables. */
static int column_header(const block *b, const features *f)
{
    return (b->flags & BLOCK_CELL) && !b->heading && f->words == 1;
}

/* "[Editor's note: the vote was moved to Friday.]" is an aside of the
 * article, "[photo.jpg] [Share]" a row of a text dump's image and link
 * markers: one bracket around a sentence, not several around names. */

static int aside(const char *s, size_t n, const features *f)
{
    if (f->words <= ASIDE_WORDS || f->stop_density < STOP_LOW)
        return 0;
    while (n > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    const char *close = memchr(s, ']', n);
    return close == s + n - 1 && memchr(s, ' ', n) != NULL;
}

static inline int ends_with_n(const char *s, size_t n, const char *tail, size_t t)
{
    /* the last byte first: it rules out nearly every block */
    return n >= t && (s[n - 1] | 32) == (tail[t - 1] | 32) &&
           strncasecmp(s + n - t, tail, t) == 0;
}

#define ends_with(s, n, lit) ends_with_n((s), (n), (lit), sizeof(lit) - 1)

/* "The new model looks almost the same, but [...]" or "... launch event
 * Read more...": an excerpt cut short to send the reader to another
 * page, as teaser lists under headlines print them.  An elision after a
 * full sentence ("to take action. [...]") is a quotation's, and stays. */
static int cut_excerpt(const char *s, size_t n)
{
    static const char *const elisions[] = { "[...]", "[..]", "[\xe2\x80\xa6]" };
    n = block_trim_end(s, n);
    /* every block comes here: most are ruled out by their last byte */
    unsigned char last = n ? (unsigned char)s[n - 1] : 0;
    if (last != ']' && last != '.' && last != '>' && last != 0xa6 && last != 0xbb &&
        (last | 32) != 'e')
        return 0;
    for (size_t i = 0; last == ']' && i < sizeof elisions / sizeof *elisions; i++) {
        if (!ends_with_n(s, n, elisions[i], strlen(elisions[i])))
            continue;
        size_t k = block_trim_end(s, n - strlen(elisions[i]));
        if (k == 0)
            return 0;
        unsigned char c = (unsigned char)s[k - 1];
        return !(c == '.' || c == '!' || c == '?' || c == '"' || c == ':' ||
                 c == ')' || c >= 0x80);   /* past 0x80: mostly a closing quote */
    }
    /* "read more" ends sentences too: it is a link's label only with an
     * arrow or dots after it, or cut text before it */
    size_t m = n;
    while (m > 0 && (s[m - 1] == '.' || s[m - 1] == '>'))
        m--;
    if (ends_with(s, m, "\xe2\x80\xa6"))
        m -= 3;
    else if (ends_with(s, m, "\xc2\xbb"))
        m -= 2;
    int marked = m + 1 < n || (m + 1 == n && s[m] != '.');
    m = block_trim_end(s, m);
    if (m == 0 || (s[m - 1] | 32) != 'e' || !ends_with(s, m, " read more"))
        return 0;
    while (ends_with(s, m, " read more"))
        m = block_trim_end(s, m - strlen(" read more"));
    return marked || ends_with(s, m, "...") || ends_with(s, m, "\xe2\x80\xa6");
}


void classify_block(verdict *v, const phrases *ph, const block *b, const features *f,
                    int article_began)
{
    v->opens_comments = 0;
    v->heading_like = b->heading > 0 ||
        (f->chars <= HEADING_LIKE_CHARS && !f->end_punct && f->words >= 1 &&
         f->words <= HEADING_LIKE_WORDS &&
         !f->bullet && !(b->flags & BLOCK_LIST_ITEM));

    if (b->flags & BLOCK_TITLE) {
        set(v, CLASS_GOOD, REASON_TITLE, 1);
        return;
    }
    if (f->words == 0 || (f->words <= 2 && only_underscores(b->text, b->len))) {
        set(v, CLASS_BAD, REASON_EMPTY, 1);
        return;
    }
    if ((b->text[0] == ' ' || b->text[0] == '\t' || b->text[0] == '_' || b->text[0] == '[' ||
         b->text[0] == 'I' || b->text[0] == '(') &&
        dump_widget(b->text, b->len)) {
        set(v, CLASS_BAD, REASON_DUMP_WIDGET, 1);
        return;
    }
    if (cut_excerpt(b->text, b->len)) {
        set(v, CLASS_BAD, REASON_CUT_EXCERPT, 1);
        return;
    }
    size_t len = b->len;
    if (f->words <= COUNTED_WORDS + 1 && !b->heading) {
        size_t label = counted_entry(b->text, b->len);
        /* "Comments (28)" counts a thread, "Travel (28)" a menu's posts */
        if (label && phrases_match(ph, b->text, label) != PHRASE_COMMENTS) {
            set(v, CLASS_BAD, REASON_COUNTED_ENTRY, 1);
            return;
        }
        if (label)
            len = label;
    }
    if (f->chars >= PHRASE_MAX_CHARS) {
        /* a long block is boilerplate only as a post footer's template,
         * which runs on ("This entry was posted on ... and is filed under
         * ... You can follow any responses ..."): a related-link marker
         * opening a paragraph is the article's own "See also" */
        if (phrases_may_start_long(ph, f->first_word) &&
            phrases_match(ph, b->text, len) == PHRASE_BOILER) {
            set(v, CLASS_BAD, REASON_FOOTER_TEMPLATE, 1);
            return;
        }
    } else {
        /* most blocks are ruled out by their first word */
        int may = f->unspaced > 0 || f->first_digits ||
                  phrases_may_start(ph, f->first_word);
        switch (may ? phrases_match(ph, b->text, len) : PHRASE_NONE) {
        case PHRASE_COMMENTS:
            /* menus link to comment pages too: an opener is not a list
             * item nor inside the page's navigation */
            v->opens_comments = article_began && !f->bullet &&
                                !(b->flags & BLOCK_LIST_ITEM) &&
                                !(b->hints & (HINT_NAV | HINT_MENU | HINT_HEADER)) &&
                                !column_header(b, f);
            set(v, CLASS_BAD, REASON_COMMENT_OPENER, 1);
            return;
        case PHRASE_RELATED:
            set(v, CLASS_BAD, REASON_RELATED, 1);
            return;
        case PHRASE_BOILER:
            set(v, CLASS_BAD, REASON_BOILER, 1);
            return;
        case PHRASE_NONE:
            break;
        }
        if (f->copyright) {
            set(v, CLASS_BAD, REASON_COPYRIGHT, 1);
            return;
        }
        if (f->separators > 0 && !f->end_punct && f->chars <= NAV_ROW_CHARS &&
            f->words <= NAV_ITEM_WORDS * (f->separators + 1) && !b->heading &&
            !(b->flags & BLOCK_TITLE)) {
            /* a row of short items: "Home | News | Sport", a breadcrumb */
            set(v, CLASS_BAD, REASON_NAVIGATION, 1);
            return;
        }
        if (f->url || (f->bracketed && !aside(b->text, b->len, f))) {
            set(v, CLASS_BAD, REASON_LINK_MARKER, 1);
            return;
        }
    }

    double ld = features_link_density(f);
    double sd = f->stop_density;
    /* a Han or kana character holds about as much text as three letters:
     * the length thresholds, set for alphabets, count it so */
    uint32_t length = f->chars + 2 * f->wide;
    if (ld >= LINK_LIST_DENSITY && f->words >= LINK_LIST_WORDS)
        set(v, CLASS_BAD, REASON_LINK_LIST, 1);
    else if (ld > LINK_MAX)
        set(v, CLASS_BAD, REASON_LINKS, 0);
    else if (length < LENGTH_LOW)
        set(v, ld > 0 ? CLASS_BAD : CLASS_SHORT, ld > 0 ? REASON_SHORT_LINK : REASON_CONTEXT, 0);
    else if (sd >= STOP_HIGH)
        set(v, length > LENGTH_HIGH ? CLASS_GOOD : CLASS_NEAR_GOOD, REASON_PROSE, 0);
    else if (sd >= STOP_LOW)
        set(v, CLASS_NEAR_GOOD, REASON_PROSE, 0);
    else
        set(v, CLASS_BAD, REASON_LOW_DENSITY, 0);

    unsigned neg = b->hints & HINT_NEGATIVE, pos = b->hints & HINT_POSITIVE;
    if (neg & HINT_STRONG) {
        /* furniture: only plainly good prose survives, and then only as
         * near-good, so its neighbours must agree */
        if (v->cls == CLASS_GOOD && !(neg & (HINT_HIDDEN | HINT_COMMENT)) &&
            (pos || f->chars > FURNITURE_PROSE_CHARS))
            v->cls = CLASS_NEAR_GOOD;
        else
            set(v, CLASS_BAD, REASON_FURNITURE_HINT, 0);
    } else if (neg & HINT_WEAK && !pos) {
        if (v->cls == CLASS_GOOD)
            v->cls = CLASS_NEAR_GOOD;
        else if (v->cls != CLASS_BAD)
            set(v, CLASS_BAD, REASON_WEAK_HINT, 0);
    } else if (pos && v->cls == CLASS_NEAR_GOOD) {
        v->cls = CLASS_GOOD;
    }
}
