/* check_model.c - the block model's score against the plain statement of
 * it: the bias plus each weight times its entry of the vector (model_own,
 * the neighbours' entries, the window's), in the order of the entries,
 * without the other mode's group.  model_score sums its terms as it
 * makes them; the bits must be the same, as the learned outputs rest on
 * them. */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "suites.h"
#include "model.h"
#include "model_weights.h"
#include "unit.h"

/* Each entry's group, by index; neighbours' and the window's: "". */
static const char *const own_group[MODEL_OWN_FEATURES] = {
#define UB_FEATURE(name, group, source, scale, what) #group,
#include "features.def"
};

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static unsigned next_u(unsigned n)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(rng >> 33) % n;
}

static double next_d(void)
{
    return (double)next_u(1000000) / 7919.0;
}

static void random_nb(model_nb *n)
{
    n->log_chars = next_d();
    n->stop_density = next_d();
    n->end_punct = next_u(2);
    n->rule_bad = next_u(2);
    n->chars = next_u(5000);
    n->link_density = next_d();
    n->hint_strong = next_u(2);
    n->hint_positive = next_u(2);
    n->prose = (int)next_u(2);
}

static void random_unit(unit *u)
{
    memset(u, 0, sizeof *u);
    features *f = &u->f;
    f->chars = next_u(3) ? next_u(4000) : 0;
    f->words = next_u(3) ? next_u(600) : 0;
    f->caps = next_u(100);
    f->digits = next_u(100);
    f->symbols = next_u(50);
    f->separators = next_u(3);
    f->sentences = next_u(10);
    f->commas = next_u(30);
    f->end_punct = (uint8_t)next_u(2);
    f->bullet = (uint8_t)next_u(2);
    f->indent = next_u(20);
    features_update_density(f);
    u->hints = next_u(1u << 16);
    u->flags = next_u(1u << 8);
    u->heading = next_u(3);
    u->lead = next_u(3);
    u->box_share = next_d();
    u->box_chars = next_u(10000);
    for (size_t i = 0; i < sizeof u->page / sizeof *u->page; i++)
        u->page[i] = next_d();
    for (size_t i = 0; i < sizeof u->region / sizeof *u->region; i++)
        u->region[i] = next_d();
    double *run[] = { &u->run.items, &u->run.log_chars, &u->run.end_punct,
                      &u->run.short_lines, &u->run.stop_density };
    for (size_t i = 0; i < sizeof run / sizeof *run; i++)
        *run[i] = next_d();
    random_nb(&u->nb);
}

/* The score as the sum over the whole vector, in index order. */
static double score_ref(model_mode mode, const unit *u, const model_nb *const before[MODEL_SPAN],
                        const model_nb *const after[MODEL_SPAN])
{
    double x[MODEL_FEATURES];
    model_own(x, u);
    size_t k = MODEL_OWN_FEATURES;
    /* _m2, _m1, _p1, _p2; a missing one (the document's edge) is the
     * block itself */
    const model_nb *const around[] = { before[1], before[0], after[0], after[1] };
    for (size_t j = 0; j < sizeof around / sizeof *around; j++) {
        const model_nb *n = around[j] ? around[j] : &u->nb;
#define UB_NEIGHBOUR(name, source, what) x[k++] = (source);
#include "features.def"
    }
    for (size_t i = 0; i < MODEL_WINDOW_FEATURES; i++)
        x[k++] = u->window[i];
    ck_assert_uint_eq(k, MODEL_FEATURES);
    int text = mode == MODEL_TEXT || mode == MODEL_TEXT_PAGE;
    const char *skip = text ? "MARKUP" : "RUN";
    const double *wt = mode == MODEL_TEXT ? model_weights_text
                       : mode == MODEL_HTML ? model_weights_html
                       : mode == MODEL_PAGE ? model_weights_page : model_weights_textpage;
    double z = mode == MODEL_TEXT ? model_bias_text
               : mode == MODEL_HTML ? model_bias_html
               : mode == MODEL_PAGE ? model_bias_page : model_bias_textpage;
    for (size_t i = 0; i < MODEL_FEATURES; i++)
        if (i >= MODEL_OWN_FEATURES || strcmp(own_group[i], skip) != 0)
            z += wt[i] * x[i];
    return 1.0 / (1.0 + exp(-z));
}

START_TEST(test_score_is_the_vector_sum)
{
    static const model_mode modes[] = { MODEL_TEXT, MODEL_HTML, MODEL_PAGE, MODEL_TEXT_PAGE };
    static unit u;
    model_nb nbs[2 * MODEL_SPAN];
    for (int trial = 0; trial < 2000; trial++) {
        random_unit(&u);
        const model_nb *before[MODEL_SPAN], *after[MODEL_SPAN];
        for (int i = 0; i < MODEL_SPAN; i++) {
            random_nb(&nbs[i]);
            random_nb(&nbs[MODEL_SPAN + i]);
            before[i] = next_u(4) ? &nbs[i] : NULL;   /* NULL: the document's edge */
            after[i] = next_u(4) ? &nbs[MODEL_SPAN + i] : NULL;
        }
        model_window(u.window, before, after, next_u(600));
        for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
            double got = model_score(modes[m], &u, before, after);
            double want = score_ref(modes[m], &u, before, after);
            ck_assert_msg(memcmp(&got, &want, sizeof got) == 0,
                          "trial %d, mode %zu: %.17g, not %.17g", trial, m, got, want);
        }
    }
}
END_TEST

/* model_window sums the neighbours' characters as integers: the share of
 * prose around must be what summing the doubles in order gives, to the
 * bit, with counts up to the largest a block has (UINT32_MAX). */
START_TEST(test_window_share_is_the_double_sum)
{
    model_nb nbs[2 * MODEL_SPAN];
    double w[MODEL_WINDOW_FEATURES];
    for (int trial = 0; trial < 2000; trial++) {
        const model_nb *before[MODEL_SPAN], *after[MODEL_SPAN];
        for (int i = 0; i < 2 * MODEL_SPAN; i++) {
            random_nb(&nbs[i]);
            if (trial % 3 == 0)
                nbs[i].chars = next_u(2) ? UINT32_MAX - next_u(1000) : next_u(7);
        }
        for (int i = 0; i < MODEL_SPAN; i++) {
            before[i] = next_u(4) ? &nbs[i] : NULL;
            after[i] = next_u(4) ? &nbs[MODEL_SPAN + i] : NULL;
        }
        double total = 0, prose = 0;
        for (int i = 0; i < MODEL_SPAN; i++) {
            const model_nb *sides[2] = { before[i], after[i] };
            for (int s = 0; s < 2; s++)
                if (sides[s]) {
                    total += sides[s]->chars;
                    prose += sides[s]->prose ? sides[s]->chars : 0;
                }
        }
        double want = total > 0 ? prose / total : 0;
        model_window(w, before, after, next_u(600));
        double got = w[MODEL_F_prose_share_around - MODEL_F_WINDOW];
        ck_assert_msg(memcmp(&got, &want, sizeof got) == 0,
                      "trial %d: %.17g, not %.17g", trial, got, want);
    }
}
END_TEST

Suite *model_suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("score");
    tcase_add_test(tc, test_score_is_the_vector_sum);
    tcase_add_test(tc, test_window_share_is_the_double_sum);
    suite_add_tcase(s, tc);
    return s;
}
