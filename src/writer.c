/* writer.c - output in the three forms. */
#include <stdio.h>
#include <string.h>
#include "writer.h"
#include "rescue.h"

struct writer {
    const mem *m;
    ub_write_fn write;
    void *ctx;
    ub_output output;
    int markdown;
    unsigned long long bytes;
    /* per document */
    int html;
    int any;             /* something of this document was written */
    int tail_on;         /* the open line's tail is written */
    buf gap;             /* text mode: widest blank run since the last written line */
    unsigned gap_lines, gap_kept;
    int gap_set;
    unsigned last_flags; /* HTML: the previous written block's flags */
    unsigned long units; /* blocks of this document so far */
    rescue *rescue;      /* clean output and --explain: the short page's fallback */
};

writer *writer_new(const mem *m, ub_write_fn write, void *ctx,
                   ub_output output, int markdown)
{
    writer *w = mem_calloc(m, 1, sizeof *w);
    if (!w)
        return NULL;
    w->m = m;
    w->write = write;
    w->ctx = ctx;
    w->output = output;
    w->markdown = markdown;
    if (output != UB_OUTPUT_INVERT && !(w->rescue = rescue_new(m))) {
        mem_free(m, w);
        return NULL;
    }
    return w;
}

void writer_free(writer *w)
{
    if (!w)
        return;
    buf_free(&w->gap, w->m);
    rescue_free(w->rescue);
    mem_free(w->m, w);
}

unsigned long long writer_bytes(const writer *w)
{
    return w->bytes;
}

ub_status writer_raw(writer *w, const char *s, size_t n)
{
    if (n == 0)
        return UB_OK;
    if (w->write(w->ctx, s, n) != 0)
        return UB_EWRITE;
    w->bytes += n;
    return UB_OK;
}

static ub_status put(writer *w, const char *s)
{
    return writer_raw(w, s, strlen(s));
}

void writer_begin(writer *w, int html)
{
    w->html = html;
    w->any = 0;
    w->tail_on = 0;
    w->gap.len = 0;
    w->gap_lines = w->gap_kept = 0;
    w->gap_set = 0;
    w->last_flags = 0;
    w->units = 0;
    if (w->rescue)
        rescue_begin(w->rescue);
}

/* Remember the widest blank run among those a removed stretch leaves. */
static ub_status note_gap(writer *w, const unit *u)
{
    if (w->gap_set && u->gap_lines <= w->gap_lines)
        return UB_OK;
    w->gap.len = 0;
    w->gap_lines = u->gap_lines;
    w->gap_kept = u->gap_kept;
    w->gap_set = 1;
    return buf_append(&w->gap, w->m, u->gap.data, u->gap.len);
}

static ub_status text_line_out(writer *w, const unit *u)
{
    ub_status st = note_gap(w, u);
    if (st != UB_OK)
        return st;
    if (w->any && w->gap_lines > 0) {
        /* the blank lines as they were, "\n"-joined in w->gap, and bare
         * newlines for those too many to keep */
        if (w->gap_kept > 0 &&
            ((st = writer_raw(w, w->gap.data, w->gap.len)) != UB_OK ||
             (st = writer_raw(w, "\n", 1)) != UB_OK))
            return st;
        for (unsigned i = w->gap_kept; i < w->gap_lines; i++)
            if ((st = writer_raw(w, "\n", 1)) != UB_OK)
                return st;
    }
    w->gap_set = 0;
    w->gap_lines = 0;
    w->any = 1;
    if ((st = writer_raw(w, u->text.data, u->text.len)) != UB_OK)
        return st;
    /* each line keeps its own terminator: an open line's comes with its
     * tail, and the input's last line may have none */
    return u->open || u->unterminated ? UB_OK : writer_raw(w, "\n", 1);
}

static ub_status explain_unit(writer *w, const unit *u, unsigned long number)
{
    char head[512], doc[64] = "";
    const features *f = &u->f;
    /* the first block of a document says the document's language and why */
    if (u->doc_why == CONTEXT_LANG_OPTION)
        snprintf(doc, sizeof doc, "doc=%s(--lang) ", stoplist_lang_code(u->doc_lang));
    else if (u->doc_why == CONTEXT_LANG_PAGE)
        snprintf(doc, sizeof doc, "doc=%s(html-lang) ", stoplist_lang_code(u->doc_lang));
    else if (u->doc_why == CONTEXT_LANG_HITS)
        snprintf(doc, sizeof doc, "doc=%s(hits:%u,%s:%u) ", stoplist_lang_code(u->doc_lang),
                 (unsigned)u->doc_hits[0], stoplist_lang_code(u->doc_next),
                 (unsigned)u->doc_hits[1]);
    snprintf(head, sizeof head,
             "%s %-17s %-9s #%lu p=%.2f c=%u w=%u sd=%.2f ld=%.2f cap=%u dig=%u sym=%u sep=%u "
             "sent=%u com=%u end=%u bul=%u ind=%u hint=%x h=%u fl=%x bs=%.2f bc=%.0f lb=%u r=%d "
             "rn=%.4f rc=%.4f re=%.4f rs=%.4f rd=%.4f rb=%.0f ra=%.0f ri=%.4f "
             "pn=%.4f pc=%.4f pe=%.4f pd=%.4f pi=%.4f pb=%.0f %s%s | ",
             u->keep ? "KEEP" : "DROP", classify_reason_name(u->why),
             classify_class_name(u->v.cls), number, u->score, (unsigned)f->chars,
             (unsigned)f->words, features_stop_density(f), features_link_density(f),
             (unsigned)f->caps, (unsigned)f->digits, (unsigned)f->symbols,
             (unsigned)f->separators, (unsigned)f->sentences, (unsigned)f->commas,
             (unsigned)f->end_punct, (unsigned)f->bullet, (unsigned)f->indent,
             u->hints, u->heading, u->flags, u->box_share, u->box_chars,
             u->lead, u->v.rule,
             u->run.items, u->run.log_chars, u->run.end_punct, u->run.short_lines,
             u->run.stop_density, u->run.prose_before, u->run.prose_after, u->run.rel_indent,
             u->run.prev_items, u->run.prev_log_chars, u->run.prev_end_punct,
             u->run.prev_stop_density, u->run.prev_indent, u->run.prev_bullet, doc,
             stoplist_lang_code(f->lang));
    ub_status st;
    if (!w->html) {
        /* one output line per input line */
        for (unsigned i = 0; i < u->gap_lines; i++)
            if ((st = put(w, "     |\n")) != UB_OK)
                return st;
        const char *s = u->text.data, *end = s + u->text.len;
        for (;;) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
            if ((st = put(w, head)) != UB_OK || (st = writer_raw(w, s, n)) != UB_OK)
                return st;
            if (!nl)
                break;
            if ((st = put(w, "\n")) != UB_OK)
                return st;
            s = nl + 1;
        }
        return u->open ? UB_OK : put(w, "\n");
    }
    char tag[24] = "";
    if (u->flags & BLOCK_TITLE)
        strcpy(tag, "title ");
    else if (u->heading)
        snprintf(tag, sizeof tag, "h%u ", u->heading);
    else if (u->flags & BLOCK_LIST_ITEM)
        strcpy(tag, "li ");
    if ((st = put(w, head)) != UB_OK || (st = put(w, tag)) != UB_OK ||
        (st = writer_raw(w, u->text.data, u->text.len)) != UB_OK)
        return st;
    return put(w, "\n");
}

static ub_status html_block_out(writer *w, const unit *u)
{
    ub_status st;
    if (u->flags & BLOCK_CONTINUED && w->any) {
        if (u->text.len && u->text.data[0] != ' ' && (st = put(w, " ")) != UB_OK)
            return st;
        return writer_raw(w, u->text.data, u->text.len);
    }
    if (w->any) {
        int tight = (u->flags & w->last_flags & (BLOCK_LIST_ITEM | BLOCK_CELL)) != 0;
        if ((st = put(w, tight ? "\n" : "\n\n")) != UB_OK)
            return st;
    }
    w->any = 1;
    w->last_flags = u->flags;
    if (w->markdown) {
        unsigned level = (u->flags & BLOCK_TITLE) ? 1 : u->heading;
        if (level) {
            static const char hashes[] = "###### ";
            st = put(w, hashes + 6 - (level > 6 ? 6 : level));
        } else if (u->flags & BLOCK_LIST_ITEM) {
            st = put(w, "- ");
        } else if (u->flags & BLOCK_QUOTE) {
            st = put(w, "> ");
        } else {
            st = UB_OK;
        }
        if (st != UB_OK)
            return st;
    }
    return writer_raw(w, u->text.data, u->text.len);
}

ub_status writer_unit(writer *w, const unit *u)
{
    w->units++;
    int show = w->output == UB_OUTPUT_INVERT ? !u->keep : u->keep;
    if (w->rescue) {
        ub_status st = rescue_see(w->rescue, u, w->units, u->keep);
        if (st != UB_OK)
            return st;
    }
    if (w->output == UB_OUTPUT_EXPLAIN) {
        w->tail_on = 1;
        return explain_unit(w, u, w->units);
    }
    w->tail_on = show;
    if (!show)
        return w->html ? UB_OK : note_gap(w, u);
    return w->html ? html_block_out(w, u) : text_line_out(w, u);
}

ub_status writer_tail(writer *w, const char *s, size_t n)
{
    return w->tail_on ? writer_raw(w, s, n) : UB_OK;
}

/* The short page's rescued run, after what was kept; --explain lists it
 * again, with its numbers, as kept. */
static ub_status rescued_out(writer *w)
{
    size_t n = 0;
    const unsigned long *numbers = NULL;
    const unit *run = w->rescue ? rescue_take(w->rescue, &n, &numbers) : NULL;
    ub_status st = UB_OK;
    /* the blank lines noted since the last written line lie partly after
     * the run; only its own come before it */
    w->gap_set = 0;
    w->gap_lines = 0;
    for (size_t i = 0; i < n && st == UB_OK; i++) {
        if (w->output == UB_OUTPUT_EXPLAIN)
            st = explain_unit(w, &run[i], numbers[i]);
        else
            st = w->html ? html_block_out(w, &run[i]) : text_line_out(w, &run[i]);
    }
    return st;
}

ub_status writer_end(writer *w, int nul)
{
    ub_status st = rescued_out(w);
    if (st == UB_OK && w->output != UB_OUTPUT_EXPLAIN && w->any && w->html)
        st = put(w, "\n");
    if (st == UB_OK && nul)
        st = writer_raw(w, "", 1);
    return st;
}
