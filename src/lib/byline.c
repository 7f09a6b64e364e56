/* byline.c - lines that say who wrote a comment or the article, and when.
 *
 * Pure tests on a line's bytes, for the comment-section cut in comment_cut.c:
 * a thread's bylines ("Ann says:", "Re: ... (Score:4)", "Ann Lee on July
 * 7, 2012 at 12:27 am") open or confirm it, the article's own ("By Ann
 * Smith") does not.  The caller has already ruled out long lines. */
#include <string.h>
#include <strings.h>
#include "block.h"
#include "byline.h"
#include "span.h"
#include "utf8.h"

/* "6:29" or "18:45": the time a comment was posted. */
int byline_has_clock(const char *s, size_t n)
{
    if (n < 4)
        return 0;
    /* the colons found by memchr: most blocks have none, and the page
     * model asks for every dated-looking block (a byte loop took 2.6
     * million instructions on the bench's generated 5 MB page; issue 20) */
    const char *end = s + n - 2;   /* a colon needs two bytes after it */
    for (const char *c = memchr(s + 1, ':', n - 3); c != NULL;
         c = memchr(c + 1, ':', (size_t)(end - c - 1))) {
        size_t i = (size_t)(c - s);
        if ((unsigned)s[i - 1] - '0' < 10u && (unsigned)s[i + 1] - '0' < 10u &&
            (unsigned)s[i + 2] - '0' < 10u && (i + 3 == n || (unsigned)s[i + 3] - '0' >= 10u))
            return 1;
    }
    return 0;
}

/* "By Ann Smith" under an opener is the article's own byline, with the
 * comment link of its toolbar above it: a thread names its commenters
 * without a "By". */
int byline_author(const char *s, size_t n)
{
    /* dumps indent their lines far: the blanks a span at a time */
    size_t i = span_byte((const unsigned char *)s, n, ' ');
    return n - i > 4 && (s[i] | 0x20) == 'b' && s[i + 1] == 'y' && s[i + 2] == ' ' &&
           (unsigned)s[i + 3] - 'A' < 26u;
}

/* "Ann Smith says:", "Bob said,", "Bob said..." or "Re: Cheap power
 * (Score:4, Insightful)": the byline of one comment in a thread that no
 * opener announced.  An article quotes with "X said," as well, but seldom twice
 * in a few lines with nothing longer between. */
int byline_commenter(const char *s, size_t n)
{
    n = block_trim_end(s, n);
    if (n < 7)
        return 0;
    char last = s[n - 1];
    if (last == '.' && n >= 9 && s[n - 2] == '.' && s[n - 3] == '.') {
        n -= 2;   /* "Ann said...", as Blogger writes it */
        last = ':';
    }
    if (last == ':' || last == ',')
        return s[n - 6] == ' ' && (s[n - 5] | 0x20) == 's' &&
               (strncmp(s + n - 4, "ays", 3) == 0 || strncmp(s + n - 4, "aid", 3) == 0);
    if (last != ')')
        return 0;
    for (size_t i = 0; i + 8 < n; i++)
        if (s[i] == '(' && memcmp(s + i + 1, "Score:", 6) == 0)
            return 1;
    return 0;
}

/* The words of a short line, as (start, length) pairs with the commas
 * after them left off; 0 if it has more than `max`. */
static unsigned line_words(const char *s, size_t n, size_t (*w)[2], unsigned max)
{
    unsigned k = 0;
    size_t i = 0;
    while (i < n) {
        for (;;) {   /* the gaps of a dump's columns: spaces a span at a time */
            if (i < n && s[i] == ' ')
                i += span_byte((const unsigned char *)s + i, n - i, ' ');
            if (i >= n || (s[i] != '\t' && s[i] != '\r'))
                break;
            i++;
        }
        size_t b = i;
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            i++;
        size_t e = i;
        while (e > b && s[e - 1] == ',')
            e--;
        if (e == b)
            continue;
        if (k == max)
            return 0;
        w[k][0] = b;
        w[k++][1] = e - b;
    }
    return k;
}

/* lo >= 1 at every call, so "no digits" never passes */
static int digits_of_len(const char *s, size_t n, size_t lo, size_t hi)
{
    return n >= lo && n <= hi && utf8_ascii_digits(s, n);
}

/* "7", "07" or "7th" */
static int day_word(const char *s, size_t n)
{
    if (n > 2 && ((unsigned)s[n - 1] | 0x20) - 'a' < 26u && ((unsigned)s[n - 2] | 0x20) - 'a' < 26u)
        n -= 2;
    return digits_of_len(s, n, 1, 2);
}

/* The first three letters of s, in any case, are one of the list's
 * three-letter names. */
static int abbrev_in(const char *s, const char *list)
{
    for (; *list; list += 3)
        if ((s[0] | 0x20) == list[0] && (s[1] | 0x20) == list[1] && (s[2] | 0x20) == list[2])
            return 1;
    return 0;
}

/* "Nov", "Nov." or "November": the first three letters name the month */
static int month_word(const char *s, size_t n)
{
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    if (n && s[n - 1] == '.')
        n--;
    if (n < 3 || n > 9)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned)s[i] | 0x20) - 'a' >= 26u)
            return 0;
    return abbrev_in(s, months);
}

/* "Fri", "Fri." or "Friday" */
static int weekday_word(const char *s, size_t n)
{
    static const char days[] = "montuewedthufrisatsun";
    if (n && s[n - 1] == '.')
        n--;
    if (n < 3 || (n > 3 && (n < 6 || strncasecmp(s + n - 3, "day", 3) != 0)))
        return 0;
    return abbrev_in(s, days);
}

/* "11/08/2012", "2012-11-08" or "08.11.12" */
static int numeric_date(const char *s, size_t n)
{
    unsigned seps = 0;
    if (n < 6 || n > 10 || (unsigned)s[0] - '0' >= 10u || (unsigned)s[n - 1] - '0' >= 10u)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '/' || s[i] == '-' || s[i] == '.')
            seps++;
        else if ((unsigned)s[i] - '0' >= 10u)
            return 0;
    return seps == 2;
}

/* "6:29", "18:45" or "6:29pm" */
static int clock_word(const char *s, size_t n)
{
    if (n > 2 && ((s[n - 1] | 0x20) == 'm') && ((s[n - 2] | 0x20) == 'a' || (s[n - 2] | 0x20) == 'p'))
        n -= 2;
    return n >= 4 && n <= 5 && s[n - 3] == ':' && digits_of_len(s, n - 3, 1, 2) &&
           digits_of_len(s + n - 2, 2, 2, 2);
}

/* A name's words start with a letter: "\xe2\x80\x94 Ann Lee (@annlee) May 2, 2012"
 * is a quoted tweet's byline.  Lead bytes 0xc3 on are letters of the
 * Latin supplements and of other scripts, except 0xe2, punctuation. */
static int name_start(unsigned char b)
{
    return (unsigned)(b | 0x20) - 'a' < 26u || (b >= 0xc3 && b != 0xe2);
}

#define NAME_WORDS 4          /* a commenter's name, at most */

/* "Jermaine 07 Nov 12", "Ann Lee on July 7, 2012 at 12:27 am" or "Bob
 * | 11/08/2012": a name and the date its comment was posted.  A headline
 * in a list of stories is longer than a name; a bare date is no byline. */
int byline_dated(const char *s, size_t n)
{
    n = block_trim_end(s, n);
    /* a date or "pm" ends it: most lines are ruled out by their last byte */
    if (n == 0 || ((unsigned)s[n - 1] - '0' >= 10u && (s[n - 1] | 0x20) != 'm'))
        return 0;
    size_t w[NAME_WORDS + 8][2];
    unsigned k = line_words(s, n, w, NAME_WORDS + 8);
#define W(j) (s + w[j][0]), w[j][1]
#define IS(j, lit) (w[j][1] == sizeof(lit) - 1 && strncasecmp(s + w[j][0], lit, sizeof(lit) - 1) == 0)
    if (k && (IS(k - 1, "am") || IS(k - 1, "pm")))
        k--;
    if (k && clock_word(W(k - 1))) {
        k--;
        if (k && IS(k - 1, "at"))
            k--;
    }
    if (k && numeric_date(W(k - 1)))
        k--;
    else if (k >= 3 && (digits_of_len(W(k - 1), 4, 4) || digits_of_len(W(k - 1), 2, 2)) &&
             ((month_word(W(k - 2)) && day_word(W(k - 3))) ||
              (day_word(W(k - 2)) && month_word(W(k - 3)))))
        k -= 3;
    else
        return 0;
    /* "on", "at", "|", "-" between the name and the date */
    while (k && (IS(k - 1, "on") || IS(k - 1, "at") ||
                 (w[k - 1][1] <= 3 && ((unsigned)s[w[k - 1][0]] | 0x20) - 'a' >= 26u &&
                  (unsigned)s[w[k - 1][0]] - '0' >= 10u)))
        k--;
    if (k == 0 || k > NAME_WORDS)
        return 0;
    /* "Friday, Nov 9, 2012" is a date alone, "By Ann Lee March 25, 2015"
     * the article's byline, "Last updated: May 2, 2012" its dateline and
     * "Hamlet, National Theatre, until 9 February, 2013" a listing */
    if ((k == 1 && weekday_word(W(0))) || IS(0, "by"))
        return 0;
    for (unsigned j = 0; j < k; j++)
        if (!name_start((unsigned char)s[w[j][0]]) || s[w[j][0] + w[j][1] - 1] == ':' ||
            (j + 1 < k && s[w[j][0] + w[j][1]] == ','))
            return 0;
    for (unsigned j = 0; j < k; j++)
        for (size_t i = 0; i < w[j][1]; i++)
            if ((unsigned)s[w[j][0] + i] - '0' < 10u)
                return 0;
    return 1;
#undef W
#undef IS
}

/* Lower-case words inside a name: "Ann de la Cruz", "Ann Smith and Bob Lee" */
static int name_joiner(const char *s, size_t n)
{
    static const char *const words[] = {"and", "de", "del", "der", "di", "da", "du", "la",
                                        "le", "van", "von", "y", "&"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && memcmp(s, words[i], n) == 0)
            return 1;
    return 0;
}

#define BYLINE_NAME_WORDS 10

size_t byline_name(const char *s, size_t n, size_t *start)
{
    if (!byline_author(s, n))
        return 0;
    size_t i = span_byte((const unsigned char *)s, n, ' ') + 3;
    *start = i;
    size_t end = i, words = 0;
    while (i < n && words < BYLINE_NAME_WORDS) {
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        size_t e = i;
        int comma = e > b && s[e - 1] == ',';
        if (comma)
            e--;
        unsigned char c = (unsigned char)s[b];
        int upper = (unsigned)c - 'A' < 26u || (c >= 0xc3 && c != 0xe2);
        int tail_ok = 1;
        for (size_t j = b; j < e; j++)
            if ((unsigned)s[j] - '0' < 10u || s[j] == '|' || s[j] == ':')
                tail_ok = 0;
        /* "By Ann Smith March 25, 2015": the date is not a name */
        if (e == b || !tail_ok || (!upper && !name_joiner(s + b, e - b)) ||
            month_word(s + b, e - b) || weekday_word(s + b, e - b))
            break;
        if (upper)
            end = e;
        words++;
        while (i < n && s[i] == ' ')
            i++;
        if (comma && !(i + 3 < n && (unsigned)s[i] - 'A' < 26u))
            break;
    }
    return end > *start ? end - *start : 0;
}
