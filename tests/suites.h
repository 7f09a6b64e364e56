/* suites.h - one Check suite per module; check_main.c runs them all. */
#ifndef SUITES_H
#define SUITES_H

#include <check.h>

Suite *utf8_suite(void);
Suite *utf8_ucd_suite(void);
Suite *sniff_suite(void);
Suite *features_suite(void);
Suite *classify_suite(void);
Suite *text_reader_suite(void);
Suite *html_reader_suite(void);
Suite *filter_suite(void);
Suite *streaming_suite(void);
Suite *fixtures_suite(void);
Suite *cli_suite(void);
Suite *jsonl_suite(void);
Suite *jsonl_scan_suite(void);
Suite *rescue_suite(void);
Suite *title_suite(void);
Suite *byline_suite(void);
Suite *shield_suite(void);
Suite *page_suite(void);
Suite *text_region_suite(void);
Suite *keyset_suite(void);
Suite *lookup_tables_suite(void);
Suite *meta_suite(void);
Suite *markdown_suite(void);
Suite *explain_suite(void);
Suite *model_suite(void);

#endif
