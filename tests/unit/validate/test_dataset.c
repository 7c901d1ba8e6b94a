/* Typing a CSV table by its schema or by inference: columns, years,
 * declared totals, keys, codes, and the diagnostics with their places. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/codes.h"
#include "validate/dataset.h"
#include "validate/infer.h"
#include "validate/labels.h"

typedef struct fixture {
    rel_arena arena;
    rel_diags diags;
    rel_dataset data;
} fixture;

static int setup(void **state)
{
    static fixture f;
    rel_arena_init(&f.arena);
    rel_diags_init(&f.diags, &f.arena);
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    rel_diags_free(&f->diags);
    rel_arena_free(&f->arena);
    return 0;
}

static bool validate(fixture *f, const char *schema, const char *csv)
{
    rel_text text = {csv, strlen(csv)};
    rel_csv_table table;
    assert_true(rel_csv_parse(&text, "d.csv", 0, &rel_csv_default_limits, &f->arena, &f->diags,
                              &table));
    bool ok = rel_dataset_validate(&table, rel_schema_find(schema), 2024, &f->arena, &f->diags,
                                   &f->data);
    rel_diags_sort(&f->diags);
    return ok;
}

static const rel_diag *find_code(const fixture *f, const char *code)
{
    for (size_t i = 0; i < f->diags.count; i++)
        if (strcmp(f->diags.items[i].code, code) == 0)
            return &f->diags.items[i];
    fail_msg("no diagnostic %s", code);
    return NULL;
}

static void test_schedule_typed_with_columns_in_any_order(void **state)
{
    fixture *f = *state;
    assert_true(validate(f, "schede",
                         "Consuntivo;VOCE;Area;preventivo\n"
                         "€ 1.234,56;Referente;Area A;(10,00)\n"
                         "€ 100,00;TOTALE AREA A;Area A;€ -\n"));
    int cons = rel_dataset_column(&f->data, "consuntivo");
    int prev = rel_dataset_column(&f->data, "preventivo");
    assert_int_equal(f->data.rows[0].values[cons].number, 123456);
    assert_int_equal(f->data.rows[0].values[prev].number, -1000);
    assert_int_equal(f->data.rows[0].values[cons].at.col, 1);
    assert_int_equal(f->data.rows[0].kind, REL_ROW_ITEM);
    assert_int_equal(f->data.rows[1].kind, REL_ROW_TOTAL);
    assert_int_equal(rel_dataset_column(&f->data, "azione"), -1);
    assert_int_equal(f->diags.count, 0);
}

static void test_bad_amount_reported_at_cell_with_column(void **state)
{
    fixture *f = *state;
    assert_false(validate(f, "schede", "area;voce;preventivo;consuntivo\nA;v;12.34;1\n"));
    const rel_diag *d = find_code(f, REL_E_VALUE_MONEY);
    assert_int_equal(d->where.line, 2);
    assert_int_equal(d->where.col, 5);
    assert_non_null(strstr(d->message, "«12.34»"));
    assert_non_null(strstr(d->message, "«preventivo»"));
}

static void test_missing_required_column_with_hint(void **state)
{
    fixture *f = *state;
    assert_false(validate(f, "schede", "area;voce;preventivo;consutivo\nA;v;1;1\n"));
    const rel_diag *d = find_code(f, REL_E_COL_MISSING);
    assert_non_null(strstr(d->message, "«consuntivo»"));
    assert_non_null(strstr(d->message, "«consutivo»"));
    find_code(f, REL_W_COL_UNKNOWN);
}

static void test_required_value_and_total_rows_exempt(void **state)
{
    fixture *f = *state;
    assert_false(validate(f, "schede", "area;voce;preventivo;consuntivo\n;v;1;1\nTOTALE;;2;2\n"));
    assert_int_equal(f->diags.errors, 1);
    const rel_diag *d = find_code(f, REL_E_VALUE_REQUIRED);
    assert_int_equal(d->where.line, 2);
    assert_int_equal(f->data.rows[1].kind, REL_ROW_TOTAL);
}

static void test_years_recognised_and_required(void **state)
{
    fixture *f = *state;
    assert_true(validate(f, "fondi", "gruppo;fondo;Anno 2024;31/12/2023;importo_2022\n"
                                     "G;F;€ 10,00;€ 9,00;8\n"));
    assert_int_equal(f->data.rows[0].values[rel_dataset_year_column(&f->data, 2023)].number, 900);
    assert_int_equal(f->data.rows[0].values[rel_dataset_year_column(&f->data, 2022)].number, 800);
    assert_false(validate(f, "fondi", "gruppo;fondo;2024;2025\nG;F;1;2\n"));
    assert_int_equal(find_code(f, REL_E_COL_YEAR_MISSING)->where.line, 1);
    assert_int_equal(find_code(f, REL_E_COL_YEAR_FUTURE)->where.col, 19);
}

static void test_duplicate_key_names_first_line(void **state)
{
    fixture *f = *state;
    assert_false(validate(f, "fondi", "gruppo;fondo;2024;2023\nG;Fondo A;1;1\nG;Fondo B;1;1\n"
                                      "g;fondo  a;2;2\n"));
    const rel_diag *d = find_code(f, REL_E_KEY_DUPLICATE);
    assert_int_equal(d->where.line, 4);
    assert_non_null(strstr(d->message, "riga 2"));
    assert_int_equal(f->diags.errors, 1);
}

static void test_codes_outcomes_dates(void **state)
{
    fixture *f = *state;
    assert_false(validate(f, "stato_patrimoniale",
                          "codice;voce;2024;2023\ndisponibilita_liquid;Cassa;1;1\n"));
    assert_non_null(strstr(find_code(f, REL_E_VALUE_CODE)->message, "disponibilita_liquide"));
    assert_false(validate(f, "obiettivi", "area;obiettivo;esito\nA;O1;In corso\nA;O2;forse\n"));
    assert_int_equal(find_code(f, REL_E_VALUE_OUTCOME)->where.line, 3);
    assert_int_equal(f->data.rows[0].values[rel_dataset_column(&f->data, "esito")].number,
                     REL_OUTCOME_PARZIALE);
    assert_false(validate(f, "sedute", "organo;data\nCdA;12/12/2024\nCdA;10/01/2023\n"));
    assert_int_equal(find_code(f, REL_E_DATE_OUTSIDE)->where.line, 3);
}

static void test_project_dates_accept_months_and_words(void **state)
{
    fixture *f = *state;
    assert_true(validate(f, "progetti", "titolo;importo_totale;importo_finanziato;data_avvio;data_fine\n"
                                        "P;1;1;mag-20;in continuità\n"));
    const rel_value *start = &f->data.rows[0].values[rel_dataset_column(&f->data, "data_avvio")];
    const rel_value *end = &f->data.rows[0].values[rel_dataset_column(&f->data, "data_fine")];
    assert_int_equal(start->date.year, 2020);
    assert_int_equal(start->date.month, 5);
    assert_int_equal(start->date.day, 0);
    assert_true(end->is_text);
    assert_false(validate(f, "progetti", "titolo;importo_totale;importo_finanziato;data_avvio\n"
                                         "P;1;1;31/02/2021\n"));
    find_code(f, REL_E_VALUE_DATE);
}

static void test_inference_of_generic_tables(void **state)
{
    fixture *f = *state;
    const char *csv = "dato;2023;quota;costo;data;nota\n"
                      "Utenti;1.482;44,44%;€ 1.234,56;31/12/2024;a\n"
                      "TOTALE;1.500;50%;-;mag-20;b\n";
    rel_text text = {csv, strlen(csv)};
    rel_csv_table table;
    assert_true(rel_csv_parse(&text, "t.csv", 0, &rel_csv_default_limits, &f->arena, &f->diags,
                              &table));
    assert_true(rel_dataset_infer(&table, "t", &f->arena, &f->diags, &f->data));
    const rel_type expected[] = {REL_TYPE_TEXT, REL_TYPE_COUNT, REL_TYPE_PERCENT, REL_TYPE_MONEY,
                                 REL_TYPE_DATE, REL_TYPE_TEXT};
    for (size_t c = 0; c < 6; c++)
        assert_int_equal(f->data.columns[c].type, expected[c]);
    assert_int_equal(f->data.columns[1].year, 2023);
    assert_int_equal(f->data.rows[0].values[1].number, 1482);
    assert_int_equal(f->data.rows[0].values[2].number, 4444);
    assert_int_equal(f->data.rows[0].values[3].number, 123456);
    assert_int_equal(f->data.rows[1].kind, REL_ROW_TOTAL);
    assert_int_equal(f->diags.count, 0);
}

static void test_labels(void **state)
{
    (void)state;
    char out[64];
    rel_label_normalize("  Non  Vincolato ", out, sizeof out);
    assert_string_equal(out, "non_vincolato");
    rel_label_normalize("Unità-di misura", out, sizeof out);
    assert_string_equal(out, "unita_di_misura");
    assert_int_equal(rel_label_year("2024"), 2024);
    assert_int_equal(rel_label_year("Anno 2023"), 2023);
    assert_int_equal(rel_label_year("31/12/2022"), 2022);
    assert_int_equal(rel_label_year("importo_2021"), 2021);
    assert_int_equal(rel_label_year("Consuntivo 2020"), 2020);
    assert_int_equal(rel_label_year("preventivo"), 0);
    assert_int_equal(rel_label_year("1850"), 0);
    assert_int_equal(rel_label_year("20245"), 0);
    assert_int_equal(rel_label_year("ore 2024"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_schedule_typed_with_columns_in_any_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_amount_reported_at_cell_with_column, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_required_column_with_hint, setup, teardown),
        cmocka_unit_test_setup_teardown(test_required_value_and_total_rows_exempt, setup, teardown),
        cmocka_unit_test_setup_teardown(test_years_recognised_and_required, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_key_names_first_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_codes_outcomes_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_project_dates_accept_months_and_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_inference_of_generic_tables, setup, teardown),
        cmocka_unit_test(test_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
