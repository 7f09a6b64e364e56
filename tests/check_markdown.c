/* check_markdown.c - --markdown read back by a real CommonMark parser.
 *
 * For every HTML fixture, the program's Markdown is parsed by cmark(1)
 * (its XML form, read with libxml2) and must give back what the plain
 * output holds: the same texts in the same order (so escapes hold and no
 * paragraph was merged or split), no inline markup the page did not have,
 * as many headings as --explain says were kept, and as many list items
 * as the page has items (li, dt, dd) with kept text of their own; its
 * emphasis, strong emphasis and code spans are, in order and with their
 * texts, the page's own <em>/<i>, <strong>/<b> and <code> in kept blocks.
 * cmark knows no tables: a pipe table comes back as a paragraph of lines,
 * which are read as its rows.
 * Without cmark the test says so and passes. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include "md_inline.h"
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
    tbuf spans;       /* "emph\ttext\n" per inline span, in order */
    char stray[64];   /* the first node that should not be there, or "" */
} tree;

/* White space collapsed and trimmed, as the program writes a block's text. */
static void collapsed(const char *s, tbuf *out)
{
    int space = 0;
    size_t start = out->len;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r' ||
            ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)) {
            space = 1;
            s += (unsigned char)*s == 0xC2;
            continue;
        }
        if (space && out->len > start)
            tbuf_add(out, " ", 1);
        space = 0;
        tbuf_add(out, s, 1);
    }
    tbuf_add(out, "", 0);
}

static void span_line(tbuf *spans, const char *kind, const char *text)
{
    tbuf_addf(spans, "%s\t", kind);
    collapsed(text, spans);
    tbuf_add(spans, "\n", 1);
}

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
            if (k[0] == 'c')
                span_line(&t->spans, "code", (const char *)s);
            xmlFree(s);
        } else if (strcmp(k, "emph") == 0 || strcmp(k, "strong") == 0) {
            xmlChar *s = xmlNodeGetContent(c);
            span_line(&t->spans, k, (const char *)s);
            xmlFree(s);
            breaks += inline_text(c, out, t);
        } else if (strcmp(k, "softbreak") == 0) {
            tbuf_addf(out, "\n");
            breaks++;
        } else if (!t->stray[0]) {
            /* a link, raw HTML, a soft break inside a paragraph */
            snprintf(t->stray, sizeof t->stray, "%s", k);
        }
    }
    return breaks;
}

/* Elements inside a block's text; any other holds blocks. */
static int inline_element(const char *n)
{
    static const char *const inline_names[] = {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
        "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
        "sup", "time", "tt", "u", "var"};
    for (size_t i = 0; i < sizeof inline_names / sizeof *inline_names; i++)
        if (strcmp(n, inline_names[i]) == 0)
            return 1;
    return 0;
}

static const char *span_kind(const char *n)
{
    if (strcmp(n, "em") == 0 || strcmp(n, "i") == 0)
        return "emph";
    if (strcmp(n, "strong") == 0 || strcmp(n, "b") == 0)
        return "strong";
    return strcmp(n, "code") == 0 ? "code" : NULL;
}

/* A list item's own text, without the lists inside it, collapsed. */
static void item_text(xmlNode *n, tbuf *out)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            tbuf_addf(out, " %s ", (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            const char *k = (const char *)c->name;
            if (strcmp(k, "ul") != 0 && strcmp(k, "ol") != 0 && strcmp(k, "dl") != 0)
                item_text(c, out);
        }
    }
}

/* The page's list items that hold a kept line of the plain output. */
static unsigned page_items(xmlNode *n, const char *plain)
{
    unsigned count = 0;
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *k = (const char *)c->name;
        if (strcmp(k, "li") == 0 || strcmp(k, "dt") == 0 || strcmp(k, "dd") == 0) {
            tbuf raw = {0}, own = {0};
            tbuf_add(&raw, "", 0);
            item_text(c, &raw);
            collapsed(raw.data, &own);
            int kept = 0;
            for (const char *l = plain; !kept && l && *l;) {
                const char *nl = strchr(l, '\n');
                size_t len = nl ? (size_t)(nl - l) : strlen(l);
                tbuf line = {0};
                tbuf_add(&line, l, len);
                tbuf_add(&line, "", 0);
                tbuf flat = {0};
                collapsed(line.data, &flat);
                kept = flat.len > 0 && strstr(own.data, flat.data) != NULL;
                tbuf_free(&line);
                tbuf_free(&flat);
                l = nl ? nl + 1 : NULL;
            }
            count += (unsigned)kept;
            tbuf_free(&raw);
            tbuf_free(&own);
        }
        count += page_items(c, plain);
    }
    return count;
}

/* The page's spans whose block is in the plain output, in order; one
 * inside code or inside one of its own kind is no span of its own. */
static void page_spans(xmlNode *n, const char *plain, const char *outer[3], tbuf *out)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name, *kind = span_kind(name);
        if (strcmp(name, "pre") == 0 || strcmp(name, "script") == 0 ||
            strcmp(name, "style") == 0 || strcmp(name, "head") == 0)
            continue;
        const char *saved[3] = {outer[0], outer[1], outer[2]};
        int own = kind && !outer[2] && !(kind[0] == 'e' ? outer[0] : kind[0] == 's' ? outer[1] : 0);
        if (own) {
            xmlNode *b = c->parent;
            while (b && b->type == XML_ELEMENT_NODE && inline_element((const char *)b->name))
                b = b->parent;
            xmlChar *bt = xmlNodeGetContent(b), *st = xmlNodeGetContent(c);
            tbuf block = {0};
            collapsed((const char *)bt, &block);
            /* "<em>a</em><em>b</em>" is one span: "*ab*" */
            xmlNode *prev = c->prev;
            int joined = prev && prev->type == XML_ELEMENT_NODE &&
                         span_kind((const char *)prev->name) == kind && out->len > 1;
            if (block.len > 0 && strstr(plain, block.data)) {
                if (joined) {
                    out->len--;
                    collapsed((const char *)st, out);
                    tbuf_add(out, "\n", 1);
                } else {
                    span_line(out, kind, (const char *)st);
                }
            }
            tbuf_free(&block);
            xmlFree(bt);
            xmlFree(st);
        }
        if (kind)
            outer[kind[0] == 'e' ? 0 : kind[0] == 's' ? 1 : 2] = kind;
        page_spans(c, plain, outer, out);
        memcpy(outer, saved, sizeof saved);
    }
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

/* KEEP lines of --explain tagged "title " or "hN " */
static void kept_tags(const char *explain, unsigned *headings)
{
    *headings = 0;
    for (const char *l = explain; l && *l;) {
        const char *nl = strchr(l, '\n');
        size_t n = nl ? (size_t)(nl - l) : strlen(l);
        const char *bar = strstr(l, " | ");
        if (strncmp(l, "KEEP", 4) == 0 && bar && bar < l + n) {
            const char *t = bar + 3;
            if (strncmp(t, "title ", 6) == 0 ||
                (t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == ' '))
                ++*headings;
        }
        l = nl ? nl + 1 : NULL;
    }
}

/* What cmark(1) reads in the Markdown md, as its XML. */
static xmlDoc *cmark_doc(const char *md)
{
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
    tbuf_free(&xml);
    return doc;
}

/* The blocks cmark read, nested: "block_quote(paragraph list(item(...)))" */
static void outline(xmlNode *n, tbuf *out)
{
    int first = 1;
    for (xmlNode *c = n->children; c; c = c->next) {
        const char *k = (const char *)c->name;
        if (c->type != XML_ELEMENT_NODE || (strcmp(k, "paragraph") != 0 &&
                                            strcmp(k, "heading") != 0 && strcmp(k, "list") != 0 &&
                                            strcmp(k, "item") != 0 && strcmp(k, "block_quote") != 0 &&
                                            strcmp(k, "code_block") != 0))
            continue;
        tbuf_addf(out, "%s%s", first ? "" : " ", k);
        first = 0;
        if (strcmp(k, "list") == 0 || strcmp(k, "item") == 0 || strcmp(k, "block_quote") == 0) {
            tbuf_add(out, "(", 1);
            outline(c, out);
            tbuf_add(out, ")", 1);
        }
    }
}

/* Lists in quotations, paragraphs and code in list items, quotations in
 * quotations: cmark reads the blocks nested as on the page. */
START_TEST(test_markdown_nesting)
{
    if (!have_cmark())
        return;
    char *md = run("markdown-nesting", "--markdown");
    xmlDoc *doc = cmark_doc(md);
    tbuf got = {0};
    tbuf_add(&got, "", 0);
    outline(xmlDocGetRootElement(doc), &got);
    ck_assert_str_eq(got.data,
                     "heading paragraph "
                     "block_quote(paragraph list(item(paragraph) item(paragraph)) "
                     "block_quote(paragraph) paragraph) "
                     "list(item(paragraph paragraph code_block) "
                     "item(paragraph list(item(paragraph)) paragraph) item(heading paragraph)) "
                     "block_quote(code_block list(item(paragraph))) paragraph");
    xmlFreeDoc(doc);
    tbuf_free(&got);
    free(md);
}
END_TEST

START_TEST(test_markdown_round_trip)
{
    if (!have_cmark()) {
        if (_i == 0)
            fprintf(stderr, "check_markdown: cmark not found, Markdown round trip not tested\n");
        return;
    }
    const char *name = names[_i];
    char *plain = run(name, NULL), *md = run(name, "--markdown"), *ex = run(name, "--explain=line");
    char cmd[200];
    xmlDoc *doc = cmark_doc(md);
    tree t = {{0}, 0, 0, {0}, ""};
    walk(xmlDocGetRootElement(doc), &t);

    /* the plain output's blocks, one line each (code keeps its lines) */
    tbuf want = {0};
    for (const char *s = plain; *s; s++)
        if (!(s[0] == '\n' && s[1] == '\n'))
            tbuf_add(&want, s, 1);
    unsigned headings;
    kept_tags(ex, &headings);

    ck_assert_msg(!t.stray[0], "%s: cmark read a <%s> in:\n%s", name, t.stray, md);
    ck_assert_msg(t.texts.len == want.len && memcmp(t.texts.data, want.data, want.len) == 0,
                  "%s: texts differ\ncmark:\n%.*s\nplain:\n%.*s", name, (int)t.texts.len,
                  t.texts.data, (int)want.len, want.data);
    ck_assert_msg(t.headings == headings, "%s: %u headings, %u kept", name, t.headings, headings);

    size_t in_len;
    snprintf(cmd, sizeof cmd, "%s.in", name);
    char *in = read_file(fixture_path(cmd), &in_len);
    htmlDocPtr page = htmlReadMemory(in, (int)in_len, NULL, NULL,
                                     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    unsigned items = page ? page_items((xmlNode *)page, plain) : 0;
    ck_assert_msg(t.items == items, "%s: %u items, the page %u with kept text", name, t.items,
                  items);
    tbuf spans = {0};
    tbuf_add(&spans, "", 0);
    tbuf_add(&t.spans, "", 0);
    const char *outer[3] = {NULL, NULL, NULL};
    if (page)
        page_spans((xmlNode *)page, plain, outer, &spans);
    ck_assert_msg(strcmp(t.spans.data, spans.data) == 0, "%s: spans differ\ncmark:\n%s\npage:\n%s",
                  name, t.spans.data, spans.data);
    xmlFreeDoc(page);
    free(in);
    tbuf_free(&spans);
    tbuf_free(&t.spans);
    xmlFreeDoc(doc);
    tbuf_free(&want);
    tbuf_free(&t.texts);
    free(plain);
    free(md);
    free(ex);
}
END_TEST

/* md_inline_render on Markdown s with spans given as "kind start end"
 * triples (1 em, 2 strong, 3 code), in the order they closed */
static void check_render(const char *s, const size_t *spans, size_t k, int row, const char *want)
{
    md_inline mi = {.ndone = k};
    for (size_t i = 0; i < k; i++)
        mi.done[i] = (md_span){spans[3 * i + 1], spans[3 * i + 2], (unsigned)spans[3 * i]};
    buf out = {0};
    ck_assert_int_eq(md_inline_render(&mi, &out, &mem_stdlib, s, strlen(s), row), UB_OK);
    ck_assert_msg(out.len == strlen(want) && memcmp(out.data, want, out.len) == 0,
                  "%s: got \"%.*s\", want \"%s\"", s, (int)out.len, out.data, want);
    buf_free(&out, &mem_stdlib);
}

START_TEST(test_inline_spans)
{
    check_render("a b", (size_t[]){MD_EM, 0, 1}, 1, 0, "*a* b");
    check_render("a b", (size_t[]){MD_STRONG, 2, 3}, 1, 0, "a **b**");
    /* one within the other, the same bytes twice, across a link */
    check_render("a b c", (size_t[]){MD_EM, 2, 3, MD_STRONG, 0, 5}, 2, 0, "**a *b* c**");
    check_render("x", (size_t[]){MD_STRONG, 0, 1, MD_EM, 0, 1}, 2, 0, "***x***");
    check_render("[a b](u) c", (size_t[]){MD_EM, 1, 4}, 1, 0, "[*a b*](u) c");
    /* code is literal: its escapes go, its fence outgrows its backticks */
    check_render("x = \\`y\\` \\* \\&", (size_t[]){MD_CODE, 0, 15}, 1, 0, "``x = `y` * &``");
    check_render("a\\\\b", (size_t[]){MD_CODE, 0, 4}, 1, 0, "`a\\b`");
    check_render("\\`a", (size_t[]){MD_CODE, 0, 3}, 1, 0, "`` `a ``");
    /* no delimiter where it would not be read back: "a*\"q\"*b" is text */
    check_render("a\"q\"b", (size_t[]){MD_EM, 1, 4}, 1, 0, "a\"q\"b");
    check_render("x.y", (size_t[]){MD_EM, 0, 2}, 1, 0, "x.y");
    check_render("x. y", (size_t[]){MD_EM, 0, 2}, 1, 0, "*x.* y");
    /* nor inside code, nor inside its own kind, nor code holding a link */
    check_render("a b", (size_t[]){MD_EM, 2, 3, MD_CODE, 0, 3}, 2, 0, "`a b`");
    check_render("a b", (size_t[]){MD_EM, 2, 3, MD_EM, 0, 3}, 2, 0, "*a b*");
    check_render("[a](u)", (size_t[]){MD_CODE, 0, 6}, 1, 0, "[a](u)");
    /* a "|" in a row's code would part the cells; a span across cells */
    check_render("a\\|b", (size_t[]){MD_CODE, 0, 4}, 1, 1, "a\\|b");
    check_render("a\tb", (size_t[]){MD_EM, 0, 3}, 1, 1, "a\tb");
    /* two that touch are one; code after code would be read as one */
    check_render("ab", (size_t[]){MD_EM, 0, 1, MD_EM, 1, 2}, 2, 0, "*ab*");
    check_render("ab", (size_t[]){MD_CODE, 0, 1, MD_CODE, 1, 2}, 2, 0, "`ab`");
    /* a run that may close might close the span around it: text */
    check_render("x (\"a\") y", (size_t[]){MD_EM, 3, 6, MD_STRONG, 0, 9}, 2, 0,
                 "**x (\"a\") y**");
}
END_TEST

START_TEST(test_inline_bookkeeping)
{
    md_inline mi = {0};
    const char *md = " a b ";
    /* spaces at the edges go outside; an element left unclosed is none */
    md_inline_open(&mi, MD_EM, 3, 0);
    md_inline_open(&mi, MD_CODE, 4, 3);
    md_inline_close(&mi, 5, md, 4);
    ck_assert_uint_eq(mi.ndone, 0);
    md_inline_close(&mi, 4, md, 5);
    md_inline_close(&mi, 3, md, 5);
    ck_assert_uint_eq(mi.ndone, 2);
    ck_assert_uint_eq(mi.done[0].start, 3);
    ck_assert_uint_eq(mi.done[0].end, 4);
    ck_assert_uint_eq(mi.done[1].start, 1);
    ck_assert_uint_eq(mi.done[1].end, 4);
    /* a "[" opening a link at 3 holds the code that began there; an
     * escape at 1 belongs to the character there */
    md_inline_inserted(&mi, 3, 1);
    ck_assert_uint_eq(mi.done[0].start, 4);
    ck_assert_uint_eq(mi.done[1].start, 1);
    ck_assert_uint_eq(mi.done[1].end, 5);
    md_inline_inserted(&mi, 1, 0);
    ck_assert_uint_eq(mi.done[1].start, 1);
    ck_assert_uint_eq(mi.done[1].end, 6);
    /* a span open across blocks goes on from the next one's start */
    md_inline_open(&mi, MD_STRONG, 2, 7);
    md_inline_next_block(&mi);
    ck_assert_uint_eq(mi.ndone, 0);
    md_inline_close(&mi, 2, "x", 1);
    ck_assert_uint_eq(mi.ndone, 1);
    ck_assert_uint_eq(mi.done[0].start, 0);
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
    tcase_add_test(tc, test_markdown_nesting);
    suite_add_tcase(s, tc);
    TCase *in = tcase_create("inline");
    tcase_add_test(in, test_inline_spans);
    tcase_add_test(in, test_inline_bookkeeping);
    suite_add_tcase(s, in);
    return s;
}
