/* meta_date.c - a publication date, as pages write it, in ISO 8601. */
#include <string.h>
#include "meta_date.h"

static int digit(char c)
{
    return (unsigned)c - '0' < 10u;
}

/* The number of k digits at s[i..), or -1. */
static int digits(const char *s, size_t n, size_t i, size_t k)
{
    int v = 0;
    if (i + k > n)
        return -1;
    for (size_t j = 0; j < k; j++) {
        if (!digit(s[i + j]))
            return -1;
        v = v * 10 + (s[i + j] - '0');
    }
    return v;
}

static int valid_day(int y, int mo, int d)
{
    return y >= 1900 && y <= 2199 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/* v (0 to 99) as two digits at out.  Every number a date is written with
 * is in a range its reader checked (valid_day, the hour, minute and zone
 * tests), so it takes two digits, or four for a year: written here where
 * snprintf took about 1,700 instructions a date, a line of the generated
 * text stream in 30 (issue 20). */
static void put2(char *out, int v)
{
    out[0] = (char)('0' + v / 10);
    out[1] = (char)('0' + v % 10);
}

/* "T16:27", "+05:30": `lead`, then h and m as "%02d:%02d", at out,
 * NUL-terminated.  Returns 6. */
static int put_hm(char *out, char lead, int h, int m)
{
    out[0] = lead;
    put2(out + 1, h);
    out[3] = ':';
    put2(out + 4, m);
    out[6] = 0;
    return 6;
}

/* "2015-03-17" at out, NUL-terminated: what "%04d-%02d-%02d" writes for
 * a day valid_day takes.  Returns 10. */
static int put_day(char *out, int y, int mo, int d)
{
    put2(out, y / 100);
    put2(out + 2, y % 100);
    out[4] = '-';
    put2(out + 5, mo);
    out[7] = '-';
    put2(out + 8, d);
    out[10] = 0;
    return 10;
}

/* "2015-03-17", then "T16:27" or " 16:27", ":40", ".294", and a zone:
 * at most 10 + 6 + 3 + 10 + 6 bytes, within META_DATE_MAX. */
static size_t iso(const char *s, size_t n, char *out)
{
    size_t i = 0;
    while (i < n && s[i] == ' ')
        i++;
    int y = digits(s, n, i, 4), mo = digits(s, n, i + 5, 2), d = digits(s, n, i + 8, 2);
    if (y < 0 || mo < 0 || d < 0 || s[i + 4] != '-' || s[i + 7] != '-' || !valid_day(y, mo, d) ||
        (i + 10 < n && digit(s[i + 10])))
        return 0;
    int len = put_day(out, y, mo, d);
    i += 10;
    if (i + 5 >= n || (s[i] != 'T' && s[i] != ' '))
        return (size_t)len;
    int h = digits(s, n, i + 1, 2), mi = digits(s, n, i + 4, 2);
    if (h < 0 || mi < 0 || s[i + 3] != ':' || h > 24 || mi > 59)
        return (size_t)len;
    len += put_hm(out + len, 'T', h, mi);
    i += 6;
    if (i + 2 < n + 0 && s[i] == ':' && digits(s, n, i + 1, 2) >= 0) {
        out[len] = ':';
        memcpy(out + len + 1, s + i + 1, 2);   /* two digits: tested above */
        len += 3;
        out[len] = 0;
        i += 3;
        if (i < n && (s[i] == '.' || s[i] == ',') && i + 1 < n && digit(s[i + 1])) {
            size_t k = i + 1;
            while (k < n && digit(s[k]) && k - i <= 9)
                k++;
            out[len] = '.';
            memcpy(out + len + 1, s + i + 1, k - i - 1);   /* at most 9 digits */
            len += 1 + (int)(k - i - 1);
            out[len] = 0;
            i = k;
            while (i < n && digit(s[i]))
                i++;
        }
    }
    if (i < n && s[i] == ' ' && i + 1 < n && (s[i + 1] == '+' || s[i + 1] == '-' || s[i + 1] == 'Z'))
        i++;
    if (i < n && s[i] == 'Z') {
        out[len++] = 'Z';
        out[len] = 0;
    } else if (i < n && (s[i] == '+' || s[i] == '-')) {
        int zh = digits(s, n, i + 1, 2), zm = 0;
        if (zh >= 0 && i + 3 < n && s[i + 3] == ':')
            zm = digits(s, n, i + 4, 2);
        else if (zh >= 0 && i + 3 < n && digit(s[i + 3]))
            zm = digits(s, n, i + 3, 2);
        if (zh >= 0 && zh <= 14 && zm >= 0 && zm < 60)
            len += put_hm(out + len, s[i], zh, zm);
    }
    return (size_t)len;
}

/* "Mar", "Mar." or "March": its number, or 0. */
static int month(const char *s, size_t n)
{
    static const char *const names[] = {"january", "february", "march", "april", "may", "june",
                                        "july", "august", "september", "october", "november",
                                        "december"};
    if (n && s[n - 1] == '.')
        n--;
    if (n < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t k = strlen(names[m]);
        if (n > k || (n != 3 && n != k && !(m == 8 && n == 4)))
            continue;
        size_t j = 0;
        while (j < n && (s[j] | 0x20) == names[m][j])
            j++;
        if (j == n)
            return m + 1;
    }
    return 0;
}

/* "25", "25th", "25," : the day, or -1 */
static int day(const char *s, size_t n)
{
    while (n && (s[n - 1] == ',' || s[n - 1] == '.'))
        n--;
    if (n > 2 && ((s[n - 1] | 0x20) >= 'a') && ((s[n - 2] | 0x20) >= 'a'))
        n -= 2;
    if (n < 1 || n > 2 || !digit(s[0]) || (n == 2 && !digit(s[1])))
        return -1;
    return n == 1 ? s[0] - '0' : (s[0] - '0') * 10 + s[1] - '0';
}

static int year(const char *s, size_t n)
{
    while (n && (s[n - 1] == ',' || s[n - 1] == '.'))
        n--;
    return n == 4 ? digits(s, n, 0, 4) : -1;
}

#define WORDS 48

/* "March 25, 2015" or "25 March 2015" among the first WORDS words. */
static size_t english(const char *s, size_t n, char *out)
{
    size_t w[WORDS][2], k = 0, i = 0;
    while (i < n && k < WORDS) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '|'))
            i++;
        size_t b = i;
        while (i < n && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '|'))
            i++;
        if (i > b) {
            w[k][0] = b;
            w[k++][1] = i - b;
        }
    }
#define W(j) s + w[j][0], w[j][1]
    for (size_t j = 0; j + 2 < k; j++) {
        /* both forms end in a year: the cheapest test, and the one most
         * words fail, goes first (issue 20); the forms are tried in the
         * same order as ever */
        int m, d, y = year(W(j + 2));
        if (y <= 0)
            continue;
        if ((m = month(W(j))) && (d = day(W(j + 1))) > 0 && valid_day(y, m, d))
            return (size_t)put_day(out, y, m, d);
        if ((d = day(W(j))) > 0 && (m = month(W(j + 1))) && valid_day(y, m, d))
            return (size_t)put_day(out, y, m, d);
    }
#undef W
    return 0;
}

/* Whether s[0..n) holds four digits in a row, which both forms' year
 * needs: most lines have none, and are turned away at a glance. */
static int has_year(const char *s, size_t n)
{
    /* every run of four holds exactly one byte at an index 3 mod 4: only
     * those are looked at first, then the run around a digit among them */
    for (size_t i = 3; i < n; i += 4) {
        if (!digit(s[i]))
            continue;
        size_t b = i, e = i + 1;
        while (b > i - 3 && digit(s[b - 1]))
            b--;
        while (e < n && e < b + 4 && digit(s[e]))
            e++;
        if (e - b >= 4)
            return 1;
    }
    return 0;
}

size_t meta_date_iso(const char *s, size_t n, char out[META_DATE_MAX])
{
    if (!has_year(s, n)) {
        out[0] = 0;
        return 0;
    }
    size_t len = iso(s, n, out);
    if (len == 0)
        len = english(s, n, out);
    if (len == 0)
        out[0] = 0;
    return len;
}
