/* check_main.c - the test runner: every module's suite in one run.
 * CK_RUN_SUITE / CK_RUN_CASE pick tests; CK_FORK=no for gdb and valgrind. */
#include <stdlib.h>
#include "suites.h"

int main(void)
{
    SRunner *sr = srunner_create(utf8_suite());
    srunner_add_suite(sr, utf8_ucd_suite());
    srunner_add_suite(sr, sniff_suite());
    srunner_add_suite(sr, features_suite());
    srunner_add_suite(sr, classify_suite());
    srunner_add_suite(sr, model_suite());
    srunner_add_suite(sr, rescue_suite());
    srunner_add_suite(sr, title_suite());
    srunner_add_suite(sr, byline_suite());
    srunner_add_suite(sr, keyset_suite());
    srunner_add_suite(sr, lookup_tables_suite());
    srunner_add_suite(sr, meta_suite());
    srunner_add_suite(sr, markdown_suite());
    srunner_add_suite(sr, text_reader_suite());
    srunner_add_suite(sr, html_reader_suite());
    srunner_add_suite(sr, shield_suite());
    srunner_add_suite(sr, page_suite());
    srunner_add_suite(sr, text_region_suite());
    srunner_add_suite(sr, filter_suite());
    srunner_add_suite(sr, streaming_suite());
    srunner_add_suite(sr, fixtures_suite());
    srunner_add_suite(sr, cli_suite());
    srunner_add_suite(sr, jsonl_suite());
    srunner_add_suite(sr, jsonl_scan_suite());
    srunner_add_suite(sr, explain_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
