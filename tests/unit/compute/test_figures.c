/* The computed figures of the example's report, each against a hand
 * calculation from the CSV values written in the comment beside it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "compute/change.h"
#include "compute/indicators.h"
#include "compute/objectives.h"
#include "compute/variance.h"
#include "pipeline/load_model.h"

static rel_arena arena;
static rel_diags diags;
static rel_model model;

static int load_example(void **state)
{
    (void)state;
    rel_arena_init(&arena);
    rel_diags_init(&diags, &arena);
    return rel_model_load(REL_SOURCE_DIR "/input", &arena, &diags, &model) ? 0 : -1;
}

static int release(void **state)
{
    (void)state;
    rel_diags_free(&diags);
    rel_arena_free(&arena);
    return 0;
}

static const rel_variance *find(const rel_variances *list, rel_level level, const char *name)
{
    for (size_t i = 0; i < list->count; i++) {
        const rel_variance *v = &list->items[i];
        const char *key = level == REL_LEVEL_VOCE ? v->voce : level == REL_LEVEL_AZIONE
                                                                  ? v->azione : v->area;
        if (v->level == level && strcmp(key, name) == 0)
            return v;
    }
    fail_msg("no variance for %s", name);
    return NULL;
}

static void expect_variance(const rel_variance *v, int64_t prev, int64_t cons, int64_t percent,
                            bool needs_words)
{
    assert_int_equal(v->preventivo, prev);
    assert_int_equal(v->consuntivo, cons);
    assert_int_equal(v->difference, cons - prev);
    assert_true(v->percent_defined);
    assert_int_equal(v->percent, percent);
    assert_int_equal(v->needs_words, needs_words);
}

static void test_variances_by_hand(void **state)
{
    (void)state;
    rel_variances list;
    assert_true(rel_variances_compute(&model, &arena, &list));
    /* 446.218,37 - 410.000,00 = 36.218,37; / 410.000 = 8,8337% */
    expect_variance(find(&list, REL_LEVEL_VOCE, "Inserimenti in comunità educative"),
                    41000000, 44621837, 883, false);
    /* 0 - 9.000 = -9.000: -100,00% */
    expect_variance(find(&list, REL_LEVEL_VOCE, "Gruppi di sostegno alla genitorialità"),
                    900000, 0, -10000, false);
    /* SIL: 26.734,15 + 18.019,50 + 6.110,00 + 7.444,68 = 58.308,33;
     *      28.734,97 + 18.803,01 + 14.690,00 + 7.587,76 = 69.815,74;
     *      +11.507,41 / 58.308,33 = +19,7355%: over both thresholds (10.000 €,
     *      10%), explained by the motivazione of its Psicologo line */
    const rel_variance *sil = find(&list, REL_LEVEL_AZIONE,
                                   "Azione 1: Servizio Inserimento Lavorativo");
    expect_variance(sil, 5830833, 6981574, 1974, true);
    assert_non_null(strstr(sil->motivazione, "tirocini"));
    /* Area Minori e Famiglia: 674.920,00 + 58.700,00 = 733.620,00;
     * 706.302,79 + 48.782,66 = 755.085,45; +21.465,45 / 733.620 = +2,9260% */
    expect_variance(find(&list, REL_LEVEL_AREA, "Area Minori e Famiglia"), 73362000, 75508545,
                    293, false);
    /* total: 2.288.328,33 -> 2.353.704,17: +65.375,84 = +2,8569%; execution 102,86% */
    const rel_variance *total = &list.items[0];
    for (size_t i = 0; i < list.count; i++)
        if (list.items[i].level == REL_LEVEL_TOTAL)
            total = &list.items[i];
    expect_variance(total, 228832833, 235370417, 286, false);
    assert_int_equal(total->execution, 10286);
}

static void test_variance_thresholds(void **state)
{
    (void)state;
    rel_model strict = model;
    strict.entity.variance_threshold = (rel_amount){500000, true, {NULL, 0, 0}};
    strict.entity.variance_threshold_pct = 500;
    rel_variances list;
    assert_true(rel_variances_compute(&strict, &arena, &list));
    /* Case manager: 88.412,25 - 96.000 = -7.587,75 (> 5.000 €) = -7,90% (> 5%) */
    const rel_variance *v = find(&list, REL_LEVEL_VOCE, "Case manager Assegno di inclusione");
    assert_true(v->needs_words);
    assert_string_equal(v->motivazione, "");
    /* Educatori scolastici: +18.115,40 but only +2,65%: not material */
    assert_false(find(&list, REL_LEVEL_VOCE, "Educatori scolastici")->needs_words);
    /* Pasti a domicilio: +8,97% but only +4.306,40 €: not material */
    assert_false(find(&list, REL_LEVEL_VOCE, "Pasti a domicilio")->needs_words);
    /* Centro per la famiglia: 58.700 -> 48.782,66 = -9.917,34, -16,89%, explained
     * by the motivazione of one of its lines */
    v = find(&list, REL_LEVEL_AZIONE, "Azione 2: Centro per la famiglia");
    assert_true(v->needs_words);
    assert_int_equal(v->percent, -1689);
    assert_non_null(strstr(v->motivazione, "Gara andata deserta"));
}

static void test_objectives_by_hand(void **state)
{
    (void)state;
    rel_objectives summary;
    assert_true(rel_objectives_compute(&model, &arena, &summary));
    const rel_objective_summary *overall = &summary.items[summary.count - 1];
    /* 9 objectives: SI 4 (44,444… -> 44,44, each share rounded half up as reports
     * print them), NO 2 (22,22), PARZ 3 (33,33): 99,99% in all, not forced to 100 */
    assert_string_equal(overall->area, "");
    assert_int_equal(overall->count, 9);
    assert_int_equal(overall->reached, 4);
    assert_int_equal(overall->share[0], 4444);
    assert_int_equal(overall->share[1], 2222);
    assert_int_equal(overall->share[2], 3333);
    /* Area Minori e Famiglia: SI, NO, PARZ: 33,33 each (33,333… half up) */
    assert_string_equal(summary.items[0].area, "Area Minori e Famiglia");
    assert_int_equal(summary.items[0].share[0], 3333);
    assert_int_equal(summary.items[0].share[1] + summary.items[0].share[2], 6666);
    /* each share within half a hundredth of its exact value: 3 shares, at most
     * one hundredth and a half from 100,00 in all */
    for (size_t i = 0; i < summary.count; i++) {
        int64_t sum = summary.items[i].share[0] + summary.items[i].share[1]
                      + summary.items[i].share[2];
        assert_true(sum >= 9999 && sum <= 10001);
    }
}

static void test_year_over_year_and_projects(void **state)
{
    (void)state;
    const rel_dataset *fondi = rel_model_dataset(&model, "fondi");
    rel_change change;
    /* FNPS: 288.230,34 - 279.410,00 = +8.820,34 = +3,1568% */
    assert_true(rel_change_of(fondi, &fondi->rows[0], 2024, &change));
    assert_int_equal(change.difference, 882034);
    assert_int_equal(change.percent, 316);
    /* Reddito di autonomia: 23.700 against 0: the percentage is undefined */
    assert_true(rel_change_of(fondi, &fondi->rows[6], 2024, &change));
    assert_false(change.percent_defined);
    assert_false(rel_change_of(fondi, &fondi->rows[0], 2020, &change));

    const rel_dataset *progetti = rel_model_dataset(&model, "progetti");
    /* Lavoro di comunità: 120.000 / 180.000 = 66,67%; 15.000 / 180.000 = 8,33% */
    rel_project_figures figures = rel_project_figures_of(progetti, &progetti->rows[0]);
    assert_int_equal(figures.financed_share, 6667);
    assert_int_equal(figures.cofinancing_share, 833);
    /* Spazio Famiglia: 43.800 / 54.750 = 80,00%; 3.650 / 54.750 = 6,67% */
    figures = rel_project_figures_of(progetti, &progetti->rows[1]);
    assert_int_equal(figures.financed_share, 8000);
    assert_int_equal(figures.cofinancing_share, 667);
}

static void test_user_indicators_by_hand(void **state)
{
    (void)state;
    rel_indicators list;
    assert_true(rel_indicators_compute(&model, &arena, &diags, &list));
    /* 2.353.704,17 / 129.592 inhabitants (tabelle/comuni_soci.csv) = 18,1624 -> 18,16 */
    assert_int_equal(rel_indicators_find(&list, "spesa_pro_capite")->rounded, 1816);
    /* 241.349,45 / 2.353.704,17 * 100 = 10,2540 -> 10,25 */
    assert_int_equal(rel_indicators_find(&list, "incidenza_gestione")->rounded, 1025);
    /* 2.353.704,17 / 2.288.328,33 * 100 = 102,8569 -> 102,86 */
    assert_int_equal(rel_indicators_find(&list, "tasso_esecuzione")->rounded, 10286);
    /* 864.691,03 / 2.401.919,50 * 100 = 36,0000... -> 36,0 */
    assert_int_equal(rel_indicators_find(&list, "peso_fondi_istituzionali")->rounded, 360);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_variances_by_hand),
        cmocka_unit_test(test_variance_thresholds),
        cmocka_unit_test(test_objectives_by_hand),
        cmocka_unit_test(test_year_over_year_and_projects),
        cmocka_unit_test(test_user_indicators_by_hand),
    };
    return cmocka_run_group_tests(tests, load_example, release);
}
