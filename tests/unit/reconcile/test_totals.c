/* Declared totals checked as printed tables mean them: sums with their
 * rounding, ratios found from the data, means, and the lines that break a
 * ratio. The tables are real shapes: seed 003's foreigners table, a table
 * to the cent whose TOTALE sums unrounded values. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/codes.h"
#include "reconcile/checks.h"
#include "validate/infer.h"

typedef struct fixture {
    rel_arena arena;
    rel_diags diags;
    rel_dataset data;
    rel_model model;
    rel_findings findings;
} fixture;

static int setup(void **state)
{
    static fixture f;
    memset(&f, 0, sizeof f);
    rel_arena_init(&f.arena);
    rel_diags_init(&f.diags, &f.arena);
    rel_findings_init(&f.findings, &f.arena);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    rel_findings_free(&f->findings);
    rel_diags_free(&f->diags);
    rel_arena_free(&f->arena);
    return 0;
}

static void check(fixture *f, const char *csv)
{
    rel_text text = {csv, strlen(csv)};
    rel_csv_table table;
    assert_true(rel_csv_parse(&text, "t.csv", 0, &rel_csv_default_limits, &f->arena, &f->diags,
                              &table));
    assert_true(rel_dataset_infer(&table, "t", &f->arena, &f->diags, &f->data));
    assert_int_equal(f->diags.errors, 0);
    f->model = (rel_model){.datasets = &f->data, .dataset_count = 1};
    rel_check_declared_totals(&f->model, &f->diags, &f->findings);
}

static const rel_finding *finding_at(const fixture *f, uint32_t line, uint32_t col)
{
    for (size_t i = 0; i < f->findings.count; i++)
        if (f->findings.items[i].declared.at.line == line
            && f->findings.items[i].declared.at.col == col)
            return &f->findings.items[i];
    fail_msg("no check at %u:%u", line, col);
    return NULL;
}

/* Seed 003, Tab 3: % = STRAN / RES, rounded to the unit; the A.T.S. row is
 * the total of the lines above it (declared in the table as TOTALE here). */
static const char *foreigners =
    "1-1-2023;STRAN;RES;%\n"
    "1 CASTELVERDE;1.721;14.481;12%\n"
    "2 SORESINA;2.856;15.966;18%\n"
    "3 PERSICOD;952;9.379;10%\n"
    "4 VESCOVATO;1.548;13.168;12%\n"
    "5 SOSPIRO;1.444;15.180;10%\n"
    "6PIZZIGHETTONE;1.760;16.767;10%\n"
    "7 CITTA';10.995;70.845;16%\n"
    "TOTALE A.T.S.;21.276;155.786;14%\n";

static void test_a_rate_total_is_the_ratio_of_the_totals(void **state)
{
    fixture *f = *state;
    check(f, foreigners);
    assert_int_equal(f->findings.errors, 0);
    const rel_finding *rate = finding_at(f, 9, 30);
    assert_int_equal(rate->status, REL_CHECK_MATCH);
    assert_int_equal(rate->expected.value, 1400);
    assert_non_null(strstr(rate->expected.how, "«STRAN» / «RES»"));
    assert_int_equal(finding_at(f, 9, 15)->expected.value, 21276);
}

static void test_a_line_that_breaks_the_rate_is_a_finding(void **state)
{
    fixture *f = *state;
    char csv[1024];
    strcpy(csv, foreigners);
    memcpy(strstr(csv, "18%"), "22%", 3);   /* the narrative's «Soresina, con il suo 22%» */
    check(f, csv);
    assert_int_equal(f->findings.errors, 1);
    const rel_finding *line = finding_at(f, 3, 25);
    assert_string_equal(line->code, REL_R_RATIO_ROW);
    assert_int_equal(line->expected.value, 1800);
}

/* A spreadsheet's TOTALE sums unrounded values: 3 lines may be off by one
 * cent: a rounding difference, listed; five cents is an error. */
static void test_cent_rounding_of_a_total_to_the_cent(void **state)
{
    fixture *f = *state;
    check(f, "Voce;Importo\nA;€ 10,33\nB;€ 10,33\nC;€ 10,33\nTotale;€ 31,00\n");
    const rel_finding *total = finding_at(f, 5, 8);
    assert_int_equal(total->status, REL_CHECK_ROUNDING);
    assert_int_equal(total->difference, 1);
    teardown(state);
    setup(state);
    f = *state;
    check(f, "Voce;Importo\nA;€ 10,33\nB;€ 10,33\nC;€ 10,33\nTotale;€ 31,04\n");
    assert_int_equal(finding_at(f, 5, 8)->status, REL_CHECK_ERROR);
}

/* Head counts are exact: one person more in the total is an error. */
static void test_head_counts_have_no_rounding(void **state)
{
    fixture *f = *state;
    check(f, "Ruolo;Persone\nA;3\nB;4\nC;5\nTotale;13\n");
    assert_int_equal(finding_at(f, 5, 8)->status, REL_CHECK_ERROR);
}

/* Whole hours: a rounded measure, so a total of 4 lines may be off by 2. */
static void test_whole_hours_round(void **state)
{
    fixture *f = *state;
    check(f, "Servizio;Ore erogate\nA;1.200\nB;300\nC;45\nD;12\nTotale;1.559\n");
    assert_int_equal(finding_at(f, 6, 8)->status, REL_CHECK_ROUNDING);
}

/* A VALORE MEDIO row is the mean of the lines, not their sum. */
static void test_mean_row(void **state)
{
    fixture *f = *state;
    check(f, "Area;Raggiunti\nMinori;44,44%\nAnziani;50,00%\nDisabili;100,00%\n"
             "VALORE MEDIO;64,81%\n");
    const rel_finding *mean = finding_at(f, 5, 14);
    assert_int_equal(mean->status, REL_CHECK_MATCH);
    assert_non_null(strstr(mean->expected.how, "media"));
}

/* Decimals are totals too: hours in halves. */
static void test_decimal_totals_are_checked(void **state)
{
    fixture *f = *state;
    check(f, "Operatore;Ore\nA;12,5\nB;7,5\nTotale;21,0\n");
    const rel_finding *total = finding_at(f, 4, 8);
    assert_int_equal(total->status, REL_CHECK_ERROR);
    assert_int_equal(total->difference, 10000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_rate_total_is_the_ratio_of_the_totals, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_line_that_breaks_the_rate_is_a_finding, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_cent_rounding_of_a_total_to_the_cent, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_head_counts_have_no_rounding, setup, teardown),
        cmocka_unit_test_setup_teardown(test_whole_hours_round, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mean_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decimal_totals_are_checked, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
