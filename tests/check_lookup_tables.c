/* check_lookup_tables.c - the stopword and phrase tables a process starts
 * with are the ones the code builds from its lists. */
#include <stdint.h>
#include <string.h>
#include "suites.h"
#include "phrases.h"
#include "stoplist.h"

START_TEST(test_stoplist_current)
{
    stoplist *built = stoplist_build(&mem_stdlib);
    stoplist *made = stoplist_new(&mem_stdlib);
    ck_assert_ptr_nonnull(built);
    ck_assert_ptr_nonnull(made);
    ck_assert_msg(built->mask == made->mask &&
                      memcmp(built->keys, made->keys, (built->mask + 1) * sizeof *built->keys) == 0 &&
                      memcmp(built->langs, made->langs, (built->mask + 1) * sizeof *built->langs) == 0 &&
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
    const uint64_t *bk, *mk;
    const uint16_t *bv, *mv;
    size_t bn = phrases_table(built, &bk, &bv), mn = phrases_table(made, &mk, &mv);
    ck_assert_msg(bn == mn && memcmp(bk, mk, bn * sizeof *bk) == 0 &&
                      memcmp(bv, mv, bn * sizeof *bv) == 0,
                  "src/lib/lookup_tables.c is stale: run make regen");
    ck_assert_int_eq(phrases_match(made, "Share this", 10), phrases_match(built, "Share this", 10));
    phrases_free(built, &mem_stdlib);
    phrases_free(made, &mem_stdlib);
}
END_TEST

Suite *lookup_tables_suite(void)
{
    Suite *s = suite_create("lookup_tables");
    TCase *tc = tcase_create("lookup_tables");
    tcase_add_test(tc, test_stoplist_current);
    tcase_add_test(tc, test_phrases_current);
    suite_add_tcase(s, tc);
    return s;
}
