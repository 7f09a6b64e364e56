/* textgen.c - a deterministic stream of web-page text dumps, for text-bench.sh.
 *
 *     textgen [MEGABYTES] > stream        (default 500; 10^6 bytes each)
 *
 * Each page is what a browser's text dump (lynx -dump, w3m -dump) of a news
 * or blog page looks like: a menu of short capitalised lines or a "|" row, a
 * breadcrumb, the headline, a byline and dateline, article paragraphs of
 * varied length (in about one page in three hard-wrapped at 72-80 columns),
 * a repeated headline, "See also" and related links, share and follow rows,
 * tags, a comment section, a footer with a copyright line.  Some words are
 * not ASCII (accents, curly quotes, dashes, U+00A0).  Pages end with a NUL,
 * as in a crawl fed to unboil -z.  The same arguments give the same bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint32_t next(void)
{
    /* xorshift64* */
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 2685821657736338717u) >> 32);
}

static unsigned pick(unsigned n)
{
    return (unsigned)(((uint64_t)next() * n) >> 32);
}

#define N(a) (sizeof (a) / sizeof (a)[0])
#define ANY(a) ((a)[pick((unsigned)N(a))])

static const char *stop[] = {
    "the", "the", "the", "of", "of", "and", "and", "to", "to", "a", "a", "in",
    "in", "is", "that", "for", "it", "was", "on", "with", "as", "he", "she",
    "they", "be", "at", "by", "this", "had", "not", "are", "but", "from",
    "or", "have", "an", "which", "one", "were", "all", "their", "there",
    "been", "has", "more", "if", "will", "would", "about", "into", "than",
    "its", "after", "over", "when", "who", "also", "some", "could", "what",
};

static const char *content[] = {
    "government", "minister", "officials", "report", "meeting", "talks",
    "security", "economy", "market", "prices", "energy", "council", "city",
    "residents", "police", "court", "decision", "election", "campaign",
    "voters", "study", "researchers", "university", "data", "results",
    "company", "shares", "investors", "growth", "inflation", "budget",
    "hospital", "patients", "doctors", "climate", "weather", "storm",
    "flooding", "region", "border", "troops", "agreement", "negotiations",
    "statement", "spokesman", "president", "parliament", "committee", "law",
    "schools", "teachers", "students", "workers", "union", "strike", "rail",
    "airport", "flights", "tourism", "festival", "museum", "exhibition",
    "season", "team", "coach", "players", "match", "league", "record",
    "said", "told", "announced", "expected", "warned", "reported", "added",
    "increased", "fell", "rose", "planned", "agreed", "rejected", "visited",
    "week", "month", "year", "Monday", "Tuesday", "Friday", "morning",
    "evening", "local", "national", "foreign", "public", "private", "new",
    "former", "senior", "major", "significant", "recent", "likely", "early",
    "café", "Zürich", "München", "résumé", "naïve", "São", "Paulo", "Kraków",
    "Gdańsk", "façade", "rôle", "Ærø", "Dvořák", "Ελλάδα", "Київ", "東京",
};

static const char *names[] = {
    "Anna Kowalski", "James O'Neill", "María García", "Li Wei", "Olga Petrenko",
    "David Smith", "Sophie Müller", "Ahmed Hassan", "Emma Johansson", "Luca Rossi",
};

static const char *menu[] = {
    "Home", "News", "World", "Europe", "Politics", "Business", "Markets",
    "Tech", "Science", "Health", "Sport", "Football", "Culture", "Travel",
    "Opinion", "Video", "Podcasts", "Weather", "Local", "Lifestyle", "Food",
    "Subscribe", "Sign in", "Search", "Newsletters", "Contact us", "About us",
};

static const char *share[] = {
    "Share on Facebook", "Share on Twitter", "Share via Email", "Share 0 Tweet 0 Pin 0",
    "Follow us on Twitter", "Like us on Facebook", "Print this article",
    "Subscribe to our newsletter", "Sign up for our daily briefing",
    "Facebook Twitter LinkedIn WhatsApp Email",
};

static const char *footer[] = {
    "Privacy Policy", "Terms of Use", "Cookie Settings", "Advertise with us",
    "Careers", "Accessibility", "Sitemap", "RSS",
    "We use cookies to improve your experience. By continuing you accept our use of cookies.",
    "Skip to content", "Back to top",
};

typedef struct out {
    char buf[1 << 16];
    size_t len;
    unsigned long long total;
} out;

static out o;

static void flush(void)
{
    if (o.len && fwrite(o.buf, 1, o.len, stdout) != o.len) {
        perror("textgen");
        exit(1);
    }
    o.len = 0;
}

static void put(const char *s, size_t n)
{
    if (o.len + n > sizeof o.buf)
        flush();
    memcpy(o.buf + o.len, s, n);
    o.len += n;
    o.total += n;
}

static void puts_(const char *s)
{
    put(s, strlen(s));
}

static void nl(void)
{
    put("\n", 1);
}

/* A line of prose in `line`, `words` words, about 45% stopwords. */
static size_t sentence(char *line, size_t cap, unsigned words, int cap_first)
{
    size_t n = 0;
    for (unsigned i = 0; i < words; i++) {
        const char *w = pick(100) < 45 ? ANY(stop) : ANY(content);
        size_t l = strlen(w);
        if (n + l + 8 >= cap)
            break;
        if (i)
            line[n++] = ' ';
        memcpy(line + n, w, l);
        if (i == 0 && cap_first && line[n] >= 'a' && line[n] <= 'z')
            line[n] = (char)(line[n] - 32);
        n += l;
        if (i + 1 < words && pick(100) < 7)
            line[n++] = ',';
    }
    static const char *ends[] = { ".", ".", ".", ".", ".", "?", "!", ".\xe2\x80\x9d", ":" };
    const char *e = ANY(ends);
    memcpy(line + n, e, strlen(e));
    return n + strlen(e);
}

static unsigned wrap;   /* this page's wrap width in characters, or 0 */

static size_t chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

/* One line of the page, wrapped at spaces to `wrap` characters when the
 * page is wrapped, as lynx -dump and fmt do. */
static void line_out(const char *s, size_t n)
{
    while (wrap && chars(s, n) > wrap) {
        size_t cut = 0, c = 0, last_space = 0;
        for (; cut < n; cut++) {
            int start = ((unsigned char)s[cut] & 0xc0) != 0x80;
            if (start && c == wrap) {
                if (s[cut] == ' ')
                    last_space = cut;
                break;
            }
            c += (size_t)start;
            if (s[cut] == ' ')
                last_space = cut;
        }
        if (last_space == 0)
            break;          /* one long word: leave it long */
        put(s, last_space);
        nl();
        s += last_space + 1;
        n -= last_space + 1;
    }
    put(s, n);
    nl();
}

static void line(const char *s)
{
    line_out(s, strlen(s));
}

static char para[64 * 1024];

/* A paragraph of 1-8 sentences. */
static void paragraph(void)
{
    size_t n = 0;
    unsigned sentences = 1 + pick(8);
    if (pick(10) == 0) {                  /* a quote or a dateline */
        static const char *open[] = { "\xe2\x80\x9c", "\xe2\x80\x93 ", "KYIV, Ukraine \xe2\x80\x94 ", "" };
        const char *s = ANY(open);
        memcpy(para, s, strlen(s));
        n = strlen(s);
    }
    for (unsigned i = 0; i < sentences; i++) {
        if (i)
            para[n++] = ' ';
        n += sentence(para + n, sizeof para - n, 6 + pick(26), 1);
    }
    line_out(para, n);
}

static void headline(char *h, size_t cap)
{
    size_t n = sentence(h, cap, 5 + pick(9), 1);
    h[n - 1] = 0;   /* headlines have no closing punctuation */
    if (n >= 2 && (unsigned char)h[n - 2] >= 0x80)
        h[n - 4] = 0;   /* drop a trailing curly quote whole */
}

static void page(unsigned long no)
{
    char title[512], h[512], l[1024];
    size_t n;
    wrap = pick(3) == 0 ? 72 + pick(9) : 0;
    headline(title, sizeof title);

    /* header and menu */
    if (pick(2)) {
        for (unsigned i = 0, k = 5 + pick(10); i < k; i++)
            line(ANY(menu));
    } else {
        n = 0;
        for (unsigned i = 0, k = 5 + pick(8); i < k; i++)
            n += (size_t)snprintf(l + n, sizeof l - n, "%s%s",
                                  i == 0 ? "" : pick(4) ? " | " : " \xc2\xb7 ", ANY(menu));
        line(l);
    }
    nl();
    snprintf(l, sizeof l, "Home \xc2\xbb %s \xc2\xbb %s", ANY(menu), ANY(menu));
    line(l);
    nl();

    /* the article */
    line(title);
    nl();
    if (pick(3) == 0) {   /* the headline again, as scraped text often has it */
        line(title);
        nl();
    }
    snprintf(l, sizeof l, "By %s\xc2\xa0| %u March 2024, %02u:%02u",
             ANY(names), 1 + pick(28), pick(24), pick(60));
    line(l);
    nl();
    unsigned paras = 4 + pick(14);
    for (unsigned i = 0; i < paras; i++) {
        if (i == paras / 2 && pick(2)) {
            headline(h, sizeof h);
            snprintf(l, sizeof l, "%s%s", pick(2) ? "See also\xc2\xa0" : "Read more: ", h);
            line(l);
            nl();
        }
        if (i && pick(8) == 0) {  /* a subheading */
            headline(h, sizeof h);
            line(h);
            nl();
        }
        paragraph();
        nl();
    }

    /* after the article */
    for (unsigned i = 0, k = 1 + pick(4); i < k; i++)
        line(ANY(share));
    nl();
    snprintf(l, sizeof l, "Tags: %s, %s, %s", ANY(content), ANY(content), ANY(menu));
    line(l);
    nl();
    line(pick(2) ? "Related articles" : "You may also like");
    for (unsigned i = 0, k = 2 + pick(5); i < k; i++) {
        headline(h, sizeof h);
        line(h);
    }
    nl();
    if (pick(3)) {
        unsigned c = 1 + pick(6);
        snprintf(l, sizeof l, "%u Comments", c);
        line(l);
        nl();
        for (unsigned i = 0; i < c; i++) {
            line(ANY(names));
            snprintf(l, sizeof l, "%u March 2024 at %u:%02u pm", 1 + pick(28), 1 + pick(12), pick(60));
            line(l);
            n = sentence(para, sizeof para, 4 + pick(30), 1);
            line_out(para, n);
            line("Reply");
            nl();
        }
        line("Leave a Reply");
        line("Your email address will not be published. Required fields are marked *");
        nl();
    }
    for (unsigned i = 0, k = 3 + pick(6); i < k; i++)
        line(ANY(footer));
    /* a last line without a newline, then the separator */
    snprintf(l, sizeof l, "\xc2\xa9 %u Example Media Group %lu. All rights reserved.",
             2000 + pick(25), no % 1000);
    puts_(l);
    put("\0", 1);
}

int main(int argc, char **argv)
{
    double mb = argc > 1 ? atof(argv[1]) : 500;
    if (mb <= 0) {
        fprintf(stderr, "usage: textgen [MEGABYTES]\n");
        return 2;
    }
    unsigned long long want = (unsigned long long)(mb * 1e6);
    for (unsigned long no = 0; o.total < want; no++)
        page(no);
    flush();
    return fflush(stdout) == 0 ? 0 : 1;
}
