/* check_lookup_tables.c - the stopword and phrase tables a process starts
 * with are the ones the code builds from its lists, and the log tables
 * (log_tables.h) the values their scales give, to the bit. */
#include <stdint.h>
#include <string.h>
#include "suites.h"
#include "log_tables.h"
#include "phrases.h"
#include "stoplist.h"

START_TEST(test_stoplist_current)
{
    stoplist *built = stoplist_build(&mem_stdlib);
    stoplist *made = stoplist_new(&mem_stdlib);
    ck_assert_ptr_nonnull(built);
    ck_assert_ptr_nonnull(made);
    ck_assert_msg(built->mask == made->mask &&
                      memcmp(built->pairs, made->pairs,
                             2 * (built->mask + 1) * sizeof *built->pairs) == 0 &&
                      memcmp(built->filter, made->filter,
                             STOPLIST_FILTER_WORDS * sizeof *built->filter) == 0,
                  "src/lib/lookup_tables.c is stale: run make regen");
    /* a stopword and a word that is none, through the prebuilt table */
    uint64_t h = WORD_HASH_INIT;
    for (const char *p = "the"; *p; p++)
        h = word_hash_step(h, (unsigned char)*p);
    ck_assert(stoplist_lookup(made, word_hash_final(h)) & (1ull << LANG_EN));
    h = WORD_HASH_INIT;
    for (const char *p = "zyxwvut"; *p; p++)
        h = word_hash_step(h, (unsigned char)*p);
    ck_assert_uint_eq(stoplist_lookup(made, word_hash_final(h)), 0);
    /* stoplist_lookup takes a hash of 0 as it comes, which gives what
     * looking up 1 gave only while no key is 1 (no stopword hashes to 0
     * or 1) and an empty slot's languages are 0 */
    size_t ones = 0, stray = 0;
    for (size_t i = 0; i <= made->mask; i++) {
        ones += made->pairs[2 * i] == 1;
        stray += made->pairs[2 * i] == 0 && made->pairs[2 * i + 1] != 0;
    }
    ck_assert_msg(ones == 0, "a stopword hashes to 0 or 1");
    ck_assert_uint_eq(stray, 0);
    ck_assert_uint_eq(stoplist_lookup(made, 0), 0);
    stoplist_free(built, &mem_stdlib);
    stoplist_free(made, &mem_stdlib);
}
END_TEST

START_TEST(test_phrases_current)
{
    phrases *built = phrases_build(&mem_stdlib);
    phrases *made = phrases_new(&mem_stdlib);
    ck_assert_ptr_nonnull(built);
    ck_assert_ptr_nonnull(made);
    const uint64_t *bp, *mp, *bf, *mf;
    size_t bn = phrases_table(built, &bp, &bf), mn = phrases_table(made, &mp, &mf);
    ck_assert_msg(bn == mn && memcmp(bp, mp, 2 * bn * sizeof *bp) == 0 &&
                      memcmp(bf, mf, PHRASES_FILTER_WORDS * sizeof *bf) == 0,
                  "src/lib/lookup_tables.c is stale: run make regen");
    /* the filter turns away no key the table holds: a lookup that it
     * stops would have found nothing */
    size_t unset = 0, set = 0;
    for (size_t i = 0; i < mn; i++)
        if (mp[2 * i] != 0)
            unset += !(mf[(mp[2 * i] >> PHRASES_FILTER_SHIFT) / 64] >>
                       (mp[2 * i] >> PHRASES_FILTER_SHIFT) % 64 & 1);
    for (size_t w = 0; w < PHRASES_FILTER_WORDS; w++)
        set += (size_t)__builtin_popcountll(mf[w]);
    ck_assert_uint_eq(unset, 0);
    ck_assert_uint_gt(set, 0);
    ck_assert_int_eq(phrases_match(made, "Share this", 10), phrases_match(built, "Share this", 10));
    phrases_free(built, &mem_stdlib);
    phrases_free(made, &mem_stdlib);
}
END_TEST

/* Every entry, bit for bit, against the libm call (through a volatile so
 * that the compiler cannot fold it); the lookups beyond the tables fall
 * back to the same call. */
static void check_log_table(const char *name, const double *table, unsigned n,
                            double (*scale)(double), double (*lookup)(unsigned long))
{
    for (unsigned i = 0; i < n + 3; i++) {
        volatile double x = i;
        double want = scale(x), got = i < n ? table[i] : lookup(i);
        ck_assert_msg(memcmp(&want, &got, sizeof want) == 0,
                      "%s[%u] = %a, its scale gives %a: run make regen", name, i, got, want);
        if (i < n) {
            got = lookup(i);
            ck_assert_msg(memcmp(&want, &got, sizeof want) == 0, "%s(%u)", name, i);
        }
    }
}

static double chars_at(unsigned long n)
{
    return log_chars((uint32_t)n);
}

static double items_at(unsigned long n)
{
    return log_items((uint32_t)n);
}

START_TEST(test_log_tables_current)
{
    check_log_table("log_table_chars", log_table_chars, LOG_TABLE_CHARS, log_scale_chars,
                    chars_at);
    check_log_table("log_table_items", log_table_items, LOG_TABLE_ITEMS, log_scale_items,
                    items_at);
    check_log_table("log_table_region", log_table_region, LOG_TABLE_REGION, log_scale_region,
                    log_region);
    /* the scales themselves: log1p(e - 1) is 1 */
    ck_assert_double_eq_tol(log_scale_chars(expm1(1.0)), 1.0 / 7, 1e-12);
    ck_assert_double_eq_tol(log_scale_items(expm1(1.0)), 1.0 / 4, 1e-12);
    ck_assert_double_eq_tol(log_scale_region(expm1(1.0)), 1.0 / 8, 1e-12);
}
END_TEST

Suite *lookup_tables_suite(void)
{
    Suite *s = suite_create("lookup_tables");
    TCase *tc = tcase_create("lookup_tables");
    tcase_add_test(tc, test_stoplist_current);
    tcase_add_test(tc, test_phrases_current);
    tcase_add_test(tc, test_log_tables_current);
    suite_add_tcase(s, tc);
    return s;
}
