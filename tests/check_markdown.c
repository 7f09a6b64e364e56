/* check_markdown.c - --markdown read back by a real CommonMark parser.
 *
 * For every HTML fixture, the program's Markdown is parsed by cmark(1)
 * (its XML form, read with libxml2) and must give back what the plain
 * output holds: the same texts in the same order (so escapes hold and no
 * paragraph was merged or split), no inline markup the page did not have,
 * and as many headings and list items as --explain says were kept.
 * cmark knows no tables: a pipe table comes back as a paragraph of lines,
 * which are read as its rows.
 * Without cmark the test says so and passes. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "suites.h"
#include "testutil.h"

#define MAX_FIXTURES 512

static char *names[MAX_FIXTURES];
static int nnames;

/* HTML fixtures run with no option that changes the output's form (the
 * suite is built outside any test: no ck_assert, so no fixture_path) */
static int wanted(const char *dir, const char *name)
{
    char file[1024];
    size_t len;
    snprintf(file, sizeof file, "%s/%s.args", dir, name);
    char *args = read_file(file, &len);
    int ok = 1;
    for (char *p = args, *nl; ok && p && *p; p = nl ? nl + 1 : NULL) {
        nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        ok = strcmp(p, "-z") != 0 && strcmp(p, "-i") != 0 && strcmp(p, "--invert") != 0 &&
             !strstr(p, "json") && strncmp(p, "--format", 8) != 0 && strncmp(p, "-f", 2) != 0 &&
             strncmp(p, "--explain", 9) != 0 && strcmp(p, "-x") != 0;
    }
    free(args);
    snprintf(file, sizeof file, "%s/%s.in", dir, name);
    char *in = read_file(file, &len);
    size_t i = 0;
    while (in && i < len && (in[i] == ' ' || in[i] == '\n' || in[i] == '\r' || in[i] == '\t'))
        i++;
    ok = ok && in && i < len && in[i] == '<';
    free(in);
    return ok;
}

static void list_fixtures(void)
{
    nnames = tu_fixture_names(names, MAX_FIXTURES, wanted);
}

static int have_cmark(void)
{
    return system("cmark --version >/dev/null 2>&1") == 0;
}

/* What cmark made of the Markdown, flattened. */
typedef struct tree {
    tbuf texts;       /* leaf blocks' texts, each ending in "\n" */
    unsigned headings, items;
    char stray[64];   /* the first node that should not be there, or "" */
} tree;

/* Returns the soft breaks met, written as "\n". */
static unsigned inline_text(xmlNode *n, tbuf *out, tree *t)
{
    unsigned breaks = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *k = (const char *)c->name;
        if (strcmp(k, "text") == 0 || strcmp(k, "code") == 0) {
            xmlChar *s = xmlNodeGetContent(c);
            tbuf_addf(out, "%s", (const char *)s);
            xmlFree(s);
        } else if (strcmp(k, "softbreak") == 0) {
            tbuf_addf(out, "\n");
            breaks++;
        } else if (!t->stray[0]) {
            /* emphasis, a link, raw HTML, a soft break inside a paragraph */
            snprintf(t->stray, sizeof t->stray, "%s", k);
        }
    }
    return breaks;
}

/* cmark knows no tables: a pipe table is a paragraph of "| a | b |" lines
 * under a "| --- |" one.  Its rows as the plain output writes them. */
static void table_rows(const char *p, tbuf *out, tree *t)
{
    const char *second = strchr(p, '\n');
    if (!second || strncmp(second + 1, "| --- |", 7) != 0) {
        /* a paragraph broken in two: not what was written */
        if (!t->stray[0])
            snprintf(t->stray, sizeof t->stray, "softbreak");
        return;
    }
    for (const char *l = p; l && *l;) {
        const char *nl = strchr(l, '\n');
        size_t n = nl ? (size_t)(nl - l) : strlen(l);
        if (l != second + 1 && n >= 4 && strncmp(l, "| ", 2) == 0 &&
            strncmp(l + n - 2, " |", 2) == 0)
            tbuf_addf(out, "%.*s\n", (int)(n - 4), l + 2);
        l = nl ? nl + 1 : NULL;
    }
}

static void walk(xmlNode *n, tree *t)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *k = (const char *)c->name;
        if (strcmp(k, "paragraph") == 0 || strcmp(k, "heading") == 0) {
            t->headings += k[0] == 'h';
            tbuf p = {0};
            tbuf_add(&p, "", 0);
            if (inline_text(c, &p, t) > 0)
                table_rows(p.data, &t->texts, t);
            else
                tbuf_addf(&t->texts, "%s\n", p.data);
            tbuf_free(&p);
        } else if (strcmp(k, "code_block") == 0) {
            xmlChar *s = xmlNodeGetContent(c);
            tbuf_addf(&t->texts, "%s", (const char *)s);
            xmlFree(s);
        } else if (strcmp(k, "item") == 0) {
            t->items++;
            walk(c, t);
        } else if (strcmp(k, "list") == 0 || strcmp(k, "block_quote") == 0) {
            walk(c, t);
        } else if (!t->stray[0]) {
            snprintf(t->stray, sizeof t->stray, "%s", k);
        }
    }
}

static char *run(const char *name, const char *extra)
{
    char file[1024];
    size_t in_len, args_len = 0;
    snprintf(file, sizeof file, "%s.in", name);
    char *in = read_file(fixture_path(file), &in_len);
    snprintf(file, sizeof file, "%s.args", name);
    char *args = read_file(fixture_path(file), &args_len);
    const char *argv[40];
    int argc = 0;
    for (char *p = args, *nl; p && *p && argc < 36; p = nl + 1) {
        nl = strchr(p, '\n');
        if (!nl)
            nl = p + strlen(p) - 1;
        else
            *nl = 0;
        /* the fixture's own form and link options give way to the test's */
        if (*p && strcmp(p, "-m") != 0 && strncmp(p, "--to", 4) != 0 &&
            strcmp(p, "--markdown") != 0 && strcmp(p, "--links") != 0 &&
            strcmp(p, "--images") != 0)
            argv[argc++] = p;
    }
    if (extra)
        argv[argc++] = extra;
    argv[argc] = NULL;
    cli_result r;
    cli_run(argv, in, in_len, NULL, &r);
    ck_assert_msg(r.exited && r.status == 0, "%s %s: exit %d: %s", name, extra ? extra : "",
                  r.status, r.err);
    char *out = r.out;
    r.out = NULL;
    cli_result_free(&r);
    free(in);
    free(args);
    return out;
}

/* KEEP lines of --explain tagged "title ", "hN " or "li " */
static void kept_tags(const char *explain, unsigned *headings, unsigned *items)
{
    *headings = *items = 0;
    for (const char *l = explain; l && *l;) {
        const char *nl = strchr(l, '\n');
        size_t n = nl ? (size_t)(nl - l) : strlen(l);
        const char *bar = strstr(l, " | ");
        if (strncmp(l, "KEEP", 4) == 0 && bar && bar < l + n) {
            const char *t = bar + 3;
            if (strncmp(t, "title ", 6) == 0 ||
                (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == ' '))
                ++*headings;
            else if (strncmp(t, "li ", 3) == 0)
                ++*items;
        }
        l = nl ? nl + 1 : NULL;
    }
}

START_TEST(test_markdown_round_trip)
{
    if (!have_cmark()) {
        if (_i == 0)
            fprintf(stderr, "check_markdown: cmark not found, Markdown round trip not tested\n");
        return;
    }
    const char *name = names[_i];
    char *plain = run(name, NULL), *md = run(name, "--markdown"), *ex = run(name, "--explain=line");

    char tmp[] = "/tmp/unboil-md-XXXXXX";
    int fd = mkstemp(tmp);
    ck_assert_int_ge(fd, 0);
    size_t mlen = strlen(md);
    ck_assert_int_eq(write(fd, md, mlen), (ssize_t)mlen);
    close(fd);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "cmark --to xml %s", tmp);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    tbuf xml = {0};
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, p)) > 0)
        tbuf_add(&xml, chunk, got);
    ck_assert_int_eq(pclose(p), 0);
    unlink(tmp);

    xmlDoc *doc = xmlReadMemory(xml.data, (int)xml.len, "cmark.xml", NULL, XML_PARSE_NONET);
    ck_assert_ptr_nonnull(doc);
    tree t = {{0}, 0, 0, ""};
    walk(xmlDocGetRootElement(doc), &t);

    /* the plain output's blocks, one line each (code keeps its lines) */
    tbuf want = {0};
    for (const char *s = plain; *s; s++)
        if (!(s[0] == '\n' && s[1] == '\n'))
            tbuf_add(&want, s, 1);
    unsigned headings, items;
    kept_tags(ex, &headings, &items);

    ck_assert_msg(!t.stray[0], "%s: cmark read a <%s> in:\n%s", name, t.stray, md);
    ck_assert_msg(t.texts.len == want.len && memcmp(t.texts.data, want.data, want.len) == 0,
                  "%s: texts differ\ncmark:\n%.*s\nplain:\n%.*s", name, (int)t.texts.len,
                  t.texts.data, (int)want.len, want.data);
    ck_assert_msg(t.headings == headings, "%s: %u headings, %u kept", name, t.headings, headings);
    ck_assert_msg(t.items == items, "%s: %u items, %u kept", name, t.items, items);
    xmlFreeDoc(doc);
    tbuf_free(&xml);
    tbuf_free(&want);
    tbuf_free(&t.texts);
    free(plain);
    free(md);
    free(ex);
}
END_TEST

Suite *markdown_suite(void)
{
    Suite *s = suite_create("markdown");
    TCase *tc = tcase_create("cmark");
    tcase_set_timeout(tc, 60);
    if (nnames == 0)
        list_fixtures();
    tcase_add_loop_test(tc, test_markdown_round_trip, 0, nnames);
    suite_add_tcase(s, tc);
    return s;
}
