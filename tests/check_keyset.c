/* check_keyset.c - the fixed-size key set behind a document's memories. */
#include <stdint.h>
#include "suites.h"
#include "keyset.h"

#define CAP 16

START_TEST(test_add_find)
{
    keyset_slot slots[CAP];
    keyset s;
    keyset_init(&s, slots, CAP);
    ck_assert_ptr_null(keyset_find(&s, 5));
    keyset_slot *k = keyset_add(&s, 5);
    ck_assert_uint_eq(k->a, 0);
    k->a = 7;
    ck_assert_ptr_eq(keyset_find(&s, 5), k);
    ck_assert_ptr_eq(keyset_add(&s, 5), k);      /* there already: same slot */
    ck_assert_uint_eq(keyset_add(&s, 5)->a, 7);
    /* keys that share a home slot probe on, past the end to the start */
    keyset_slot *x = keyset_add(&s, CAP - 1), *y = keyset_add(&s, 2 * CAP - 1);
    ck_assert_ptr_ne(x, y);
    ck_assert_ptr_eq(keyset_find(&s, 2 * CAP - 1), y);
    ck_assert_ptr_eq(y, &slots[0]);
    /* key 0 is a key like the others */
    ck_assert_ptr_null(keyset_find(&s, 0));
    ck_assert_ptr_nonnull(keyset_add(&s, 0));
    ck_assert_ptr_nonnull(keyset_find(&s, 0));
    keyset_clear(&s);
    ck_assert_ptr_null(keyset_find(&s, 5));
    ck_assert_ptr_null(keyset_find(&s, 0));
}
END_TEST

/* Three quarters full, a new key makes it forget the others; a key it
 * holds does not. */
START_TEST(test_forgets_when_full)
{
    keyset_slot slots[CAP];
    keyset s;
    keyset_init(&s, slots, CAP);
    for (uint64_t k = 1; k <= CAP / 4 * 3; k++) {
        ck_assert_int_eq(keyset_full(&s), 0);
        keyset_add(&s, k * 1000);
    }
    ck_assert_int_eq(keyset_full(&s), 1);
    keyset_add(&s, 1000);
    ck_assert_ptr_nonnull(keyset_find(&s, 2000));
    keyset_add(&s, 99);
    ck_assert_ptr_null(keyset_find(&s, 2000));
    ck_assert_ptr_nonnull(keyset_find(&s, 99));
    ck_assert_int_eq(keyset_full(&s), 0);
}
END_TEST

/* A clear leaves every slot zero, whether it zeroes the slots taken one
 * by one (few keys) or all of them, and the set works on after it. */
START_TEST(test_clear_zeroes_every_slot)
{
    static const size_t counts[] = { 0, 1, 5, KEYSET_LOG - 1, KEYSET_LOG, KEYSET_LOG + 1, 300 };
    enum { SLOTS = 512 };
    static keyset_slot slots[SLOTS];
    static const keyset_slot zero;
    keyset s;
    keyset_init(&s, slots, SLOTS);
    uint64_t key = 0x9E3779B97F4A7C15ull;
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
        for (int round = 0; round < 2; round++) {
            for (size_t k = 0; k < counts[c]; k++) {
                key = key * 6364136223846793005ull + 1442695040888963407ull;
                keyset_slot *slot = keyset_add(&s, key >> 8);
                slot->a = 1;
                slot->b = 2;
            }
            keyset_clear(&s);
            for (size_t i = 0; i < SLOTS; i++)
                ck_assert_mem_eq(&slots[i], &zero, sizeof zero);
            ck_assert_int_eq(keyset_full(&s), 0);
            ck_assert_ptr_null(keyset_find(&s, key >> 8));
        }
    }
}
END_TEST

Suite *keyset_suite(void)
{
    Suite *s = suite_create("keyset");
    TCase *tc = tcase_create("keyset");
    tcase_add_test(tc, test_add_find);
    tcase_add_test(tc, test_clear_zeroes_every_slot);
    tcase_add_test(tc, test_forgets_when_full);
    suite_add_tcase(s, tc);
    return s;
}
