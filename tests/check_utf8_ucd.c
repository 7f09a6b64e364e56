/* check_utf8_ucd.c - the character classes against the Unicode Character
 * Database that Debian's unicode-data installs (UNBOIL_UCD= another
 * directory): every code point, each class read again from the UCD's own
 * files, as tools/gen_ucd_class.py defines them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "suites.h"
#include "utf8.h"

enum { N_CP = 0x110000 };
enum { P_WHITE = 1, P_JOIN = 2, P_SCRIPT = 4, P_SCX = 8 };

typedef struct ucd {
    char (*gc)[3];          /* General_Category, "Cn" where unlisted */
    uint32_t *lower;        /* simple lowercase mapping, 0 for none */
    unsigned char *prop;    /* P_* bits */
} ucd;

static FILE *ucd_open(const char *name)
{
    const char *dir = getenv("UNBOIL_UCD");
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir ? dir : "/usr/share/unicode", name);
    FILE *f = fopen(path, "r");
    if (!f)
        fprintf(stderr, "check_utf8_ucd: %s not found (apt-get install unicode-data): "
                        "the comparison with the UCD is skipped\n", path);
    return f;
}

/* UnicodeData.txt: code;name;category;...;lowercase (field 13);... with
 * "<..., First>" and "<..., Last>" lines around a range. */
static int read_unicode_data(ucd *u)
{
    FILE *f = ucd_open("UnicodeData.txt");
    if (!f)
        return 0;
    for (uint32_t c = 0; c < N_CP; c++)
        memcpy(u->gc[c], "Cn", 3);
    char line[1024];
    uint32_t first = 0;
    int in_range = 0;
    while (fgets(line, sizeof line, f)) {
        char *field[15] = { 0 };
        char *p = line;
        for (int i = 0; i < 15 && p; i++) {
            field[i] = p;
            p = strchr(p, ';');
            if (p)
                *p++ = 0;
        }
        ck_assert_ptr_nonnull(field[13]);
        uint32_t cp = (uint32_t)strtoul(field[0], NULL, 16);
        size_t nl = strlen(field[1]);
        if (nl > 8 && strcmp(field[1] + nl - 8, ", First>") == 0) {
            first = cp;
            in_range = 1;
            continue;
        }
        uint32_t lo = in_range ? first : cp;
        in_range = 0;
        for (uint32_t c = lo; c <= cp; c++) {
            snprintf(u->gc[c], 3, "%s", field[2]);
            u->lower[c] = (uint32_t)strtoul(field[13], NULL, 16);
        }
    }
    fclose(f);
    return 1;
}

/* A property file: "XXXX[..YYYY] ; value # comment"; `bit` is set on the
 * code points whose value `want` accepts. */
static int read_property(ucd *u, const char *name, int (*want)(const char *value), int bit)
{
    FILE *f = ucd_open(name);
    if (!f)
        return 0;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        char *hash = strchr(line, '#');
        if (hash)
            *hash = 0;
        char *semi = strchr(line, ';');
        if (!semi)
            continue;
        char *end;
        uint32_t lo = (uint32_t)strtoul(line, &end, 16), hi = lo;
        if (end[0] == '.' && end[1] == '.')
            hi = (uint32_t)strtoul(end + 2, NULL, 16);
        char *v = semi + 1;
        v += strspn(v, " \t");
        v[strcspn(v, "\r\n")] = 0;
        for (size_t n = strlen(v); n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'); n--)
            v[n - 1] = 0;
        if (want(v))
            for (uint32_t c = lo; c <= hi && c < N_CP; c++)
                u->prop[c] |= (unsigned char)bit;
    }
    fclose(f);
    return 1;
}

static int want_white(const char *v) { return strcmp(v, "White_Space") == 0; }
static int want_join(const char *v) { return strcmp(v, "Join_Control") == 0; }

/* the scripts written without spaces, by long name and by short */
static int want_script(const char *v)
{
    static const char *const names[] = { "Thai", "Lao", "Myanmar", "Khmer", "Hiragana",
                                          "Katakana", "Han" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(v, names[i]) == 0)
            return 1;
    return 0;
}

/* every script of the list is one of them */
static int want_scx(const char *v)
{
    static const char *const names[] = { "Thai", "Laoo", "Mymr", "Khmr", "Hira", "Kana",
                                         "Hani" };
    char buf[256];
    snprintf(buf, sizeof buf, "%s", v);
    for (char *save = NULL, *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        int found = 0;
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
            found |= strcmp(t, names[i]) == 0;
        if (!found)
            return 0;
    }
    return 1;
}

static int ucd_load(ucd *u)
{
    u->gc = calloc(N_CP, sizeof *u->gc);
    u->lower = calloc(N_CP, sizeof *u->lower);
    u->prop = calloc(N_CP, 1);
    ck_assert(u->gc && u->lower && u->prop);
    return read_unicode_data(u) && read_property(u, "PropList.txt", want_white, P_WHITE) &&
           read_property(u, "PropList.txt", want_join, P_JOIN) &&
           read_property(u, "Scripts.txt", want_script, P_SCRIPT) &&
           read_property(u, "ScriptExtensions.txt", want_scx, P_SCX);
}

static void ucd_free(ucd *u)
{
    free(u->gc);
    free(u->lower);
    free(u->prop);
}

/* Every code point, through the inline functions (ASCII, the two-byte
 * table, the generated classes): plain ifs, as a ck_assert per code point
 * would time out. */
START_TEST(test_classes_against_ucd)
{
    ucd u;
    if (!ucd_load(&u)) {
        ucd_free(&u);
        return;
    }
    unsigned long upper = 0, digit = 0, unspaced = 0;
    for (uint32_t c = 0; c < N_CP; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;   /* never decoded */
        const char *g = u.gc[c];
        int space = (u.prop[c] & P_WHITE) || c == 0x200B || c == 0xFEFF;
        int word = strchr("LMN", g[0]) || strcmp(g, "Pc") == 0 || (u.prop[c] & P_JOIN);
        int up = strcmp(g, "Lu") == 0 || strcmp(g, "Lt") == 0;
        int dig = strcmp(g, "Nd") == 0;
        int uns = (u.prop[c] & P_SCRIPT) || (u.prop[c] & P_SCX) || c == 0x30FB || c == 0xFF65;
        if (utf8_is_space(c) != space || utf8_is_word(c) != word || utf8_is_upper(c) != up ||
            utf8_is_digit(c) != dig || utf8_is_unspaced(c) != uns)
            ck_abort_msg("U+%04X (%s): space %d word %d upper %d digit %d unspaced %d, "
                         "the UCD says %d %d %d %d %d", (unsigned)c, g, utf8_is_space(c),
                         utf8_is_word(c), utf8_is_upper(c), utf8_is_digit(c),
                         utf8_is_unspaced(c), space, word, up, dig, uns);
        upper += up;
        digit += dig;
        unspaced += uns;
    }
    ucd_free(&u);
    /* the files were read whole (Unicode 15: 1831 Lu, 680 Nd, 98k Han) */
    ck_assert_uint_ge(upper, 1500);
    ck_assert_uint_ge(digit, 600);
    ck_assert_uint_ge(unspaced, 90000);
}
END_TEST

/* A capital folds as its lower-case letter does, so "STORM" and "storm"
 * hash alike in every bicameral script (Cherokee folds to capitals). */
START_TEST(test_case_pairs_fold_alike)
{
    ucd u;
    if (!ucd_load(&u)) {
        ucd_free(&u);
        return;
    }
    unsigned long pairs = 0;
    for (uint32_t c = 0; c < N_CP; c++) {
        uint32_t l = u.lower[c];
        if (!l)
            continue;
        if (utf8_fold(c) != utf8_fold(l))
            ck_abort_msg("U+%04X folds to U+%04X, its lower case U+%04X to U+%04X",
                         (unsigned)c, (unsigned)utf8_fold(c), (unsigned)l,
                         (unsigned)utf8_fold(l));
        pairs++;
    }
    ucd_free(&u);
    ck_assert_uint_ge(pairs, 1000);
}
END_TEST

/* what changed with the UCD tables, by example */
START_TEST(test_classes_examples)
{
    ck_assert(utf8_is_upper(0x218) && !utf8_is_upper(0x219));   /* Romanian Ș ș */
    ck_assert(utf8_is_upper(0x388) && utf8_is_upper(0x1EA0));   /* Έ, Vietnamese Ạ */
    ck_assert(utf8_is_upper(0x490) && utf8_is_upper(0xFF21));   /* Ґ, fullwidth A */
    ck_assert(!utf8_is_upper(0x3A2));                           /* unassigned */
    ck_assert(utf8_is_digit(0x6F5) && utf8_is_digit(0x967));    /* Persian, Devanagari */
    ck_assert(utf8_is_word(0x200C) && !utf8_is_space(0x200C));  /* ZWNJ inside a word */
    ck_assert(utf8_is_word(0xBD) && utf8_is_word(0x2460));      /* ½, ① */
    ck_assert(!utf8_is_word(0x2E3A) && !utf8_is_word(0xFFE5));  /* ⸺, ￥ */
    ck_assert(!utf8_is_word(0x378) && !utf8_is_word(0xF0000));  /* unassigned, private */
    ck_assert(utf8_is_unspaced(0x30FC) && utf8_is_unspaced(0xFF76)); /* ー, halfwidth カ */
    ck_assert(!utf8_is_unspaced(0x3002) && utf8_is_unspaced(0x30FB)); /* 。 ・ */
    ck_assert(!utf8_is_space(0x110000) && !utf8_is_word(0xFFFFFFFFu));
}
END_TEST

Suite *utf8_ucd_suite(void)
{
    Suite *s = suite_create("utf8_ucd");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_classes_against_ucd);
    tcase_add_test(tc, test_case_pairs_fold_alike);
    tcase_add_test(tc, test_classes_examples);
    suite_add_tcase(s, tc);
    return s;
}
