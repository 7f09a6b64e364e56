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

Suite *keyset_suite(void)
{
    Suite *s = suite_create("keyset");
    TCase *tc = tcase_create("keyset");
    tcase_add_test(tc, test_add_find);
    tcase_add_test(tc, test_forgets_when_full);
    suite_add_tcase(s, tc);
    return s;
}
