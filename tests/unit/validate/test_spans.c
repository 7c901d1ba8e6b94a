/* What each declared total closes, as printed tables and schedules read,
 * and the marks accountants write in a figure's place. */
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
#include "validate/marks.h"
#include "validate/spans.h"

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

static void load(fixture *f, const char *schema, const char *csv)
{
    rel_text text = {csv, strlen(csv)};
    rel_csv_table table;
    assert_true(rel_csv_parse(&text, "t.csv", 0, &rel_csv_default_limits, &f->arena, &f->diags,
                              &table));
    if (schema)
        rel_dataset_validate(&table, rel_schema_find(schema), 2024, &f->arena, &f->diags,
                             &f->data);
    else
        assert_true(rel_dataset_infer(&table, "t", &f->arena, &f->diags, &f->data));
}

/* The lines (as 1-based data row numbers) the total on data row `row` closes. */
static void assert_parts(const fixture *f, size_t row, const char *expected)
{
    const rel_span *span = rel_span_of(&f->data, row - 1);
    assert_non_null(span);
    char got[128] = "";
    for (size_t i = 0; i < span->part_count; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%zu", i ? "," : "",
                 span->parts[i] + 1);
    assert_string_equal(got, expected);
}

static void test_total_words(void **state)
{
    (void)state;
    assert_int_equal(rel_label_total("TOTALE"), REL_TOTAL_PART);
    assert_int_equal(rel_label_total("Totali servizi"), REL_TOTAL_PART);
    assert_int_equal(rel_label_total("Tot."), REL_TOTAL_PART);
    assert_int_equal(rel_label_total("Tot. area"), REL_TOTAL_PART);
    assert_int_equal(rel_label_total("totale: minori"), REL_TOTAL_PART);
    assert_int_equal(rel_label_total("TOTALE GENERALE"), REL_TOTAL_GRAND);
    assert_int_equal(rel_label_total("Totale complessivo"), REL_TOTAL_GRAND);
    assert_int_equal(rel_label_total("VALORE MEDIO"), REL_TOTAL_MEAN);
    assert_int_equal(rel_label_total("Totalmente a carico"), REL_TOTAL_NONE);
    assert_int_equal(rel_label_total("Totem"), REL_TOTAL_NONE);
    assert_int_equal(rel_label_total("Costo totale"), REL_TOTAL_NONE);
}

static void test_change_labels(void **state)
{
    (void)state;
    int later, earlier;
    assert_true(rel_label_change("2023/ 2019", &later, &earlier));
    assert_int_equal(later, 2023);
    assert_int_equal(earlier, 2019);
    assert_true(rel_label_change("2024 vs 2023 %", &later, &earlier));
    assert_int_equal(earlier, 2023);
    assert_true(rel_label_change("Andamento", &later, &earlier));
    assert_int_equal(later, 0);
    assert_true(rel_label_change("Var. %", &later, &earlier));
    assert_false(rel_label_change("2023", &later, &earlier));
    assert_false(rel_label_change("Valore", &later, &earlier));
}

static void test_marks(void **state)
{
    (void)state;
    assert_true(rel_mark_missing("n.d."));
    assert_true(rel_mark_missing("/"));
    assert_true(rel_mark_missing("\xE2\x80\x94"));
    assert_false(rel_mark_missing("0"));
    assert_string_equal(rel_mark_excel_error("#div/0!"), "#DIV/0!");
    assert_string_equal(rel_mark_excel_error("######"), "#####");
    assert_null(rel_mark_excel_error("#1"));
    const char *mark;
    assert_int_equal(rel_mark_footnote("1.168*", 6, &mark), 5);
    assert_string_equal(mark, "*");
    assert_int_equal(rel_mark_footnote("1.168 (2)", 9, &mark), 5);
    assert_string_equal(mark, "2");
    assert_int_equal(rel_mark_footnote("1.168\xC2\xB9", 7, &mark), 5);
    assert_string_equal(mark, "1");
    assert_int_equal(rel_mark_footnote("*", 1, &mark), 1);
    assert_null(mark);
    assert_true(rel_mark_words("in continuità"));
    assert_true(rel_mark_words("circa 30"));
    assert_false(rel_mark_words("3O"));
}

/* A printed table: group totals close the lines since the last total; a
 * TOTALE GENERALE and a total right after another close everything. */
static void test_printed_table_groups(void **state)
{
    fixture *f = *state;
    load(f, NULL,
         "Servizio;Utenti\n"
         "Minori;12\n"          /* 1 */
         "Adulti;8\n"           /* 2 */
         "Totale area 1;20\n"   /* 3 */
         "Anziani;5\n"          /* 4 */
         "Totale;5\n"           /* 5 */
         "Totale complessivo;25\n"   /* 6 */
         "Provincia;300\n");    /* 7: after the grand total, part of nothing */
    assert_int_equal(f->data.span_count, 3);
    assert_parts(f, 3, "1,2");
    assert_parts(f, 5, "4");
    assert_parts(f, 6, "1,2,4");
    assert_true(rel_span_of(&f->data, 5)->grand);
    assert_null(rel_span_of(&f->data, 6));
}

static void test_heading_rows_are_no_lines(void **state)
{
    fixture *f = *state;
    load(f, NULL,
         "Voce;2023;2024\n"
         "Area minori;;\n"      /* 1: a heading */
         "Affidi;3;4\n"         /* 2 */
         "Comunità;2;1\n"       /* 3 */
         "Totale;5;5\n"         /* 4 */
         "Area anziani;;\n"     /* 5: a heading */
         "SAD;10;n.d.\n"        /* 6: not available */
         "Totale;10;\n"         /* 7 */
         "TOTALE GENERALE;15;5\n");
    assert_int_equal(f->data.rows[0].kind, REL_ROW_HEADING);
    assert_int_equal(f->data.rows[4].kind, REL_ROW_HEADING);
    assert_parts(f, 4, "2,3");
    assert_parts(f, 7, "6");
    assert_parts(f, 8, "2,3,6");
    assert_true(f->data.rows[5].values[2].missing);
    assert_false(f->data.rows[5].values[2].present);
    assert_int_equal(f->data.columns[2].type, REL_TYPE_COUNT);
}

/* Schedules close by their group columns wherever the lines are. */
static void test_schedule_totals_by_area_and_azione(void **state)
{
    fixture *f = *state;
    load(f, "schede",
         "area;azione;voce;descrizione;preventivo;consuntivo\n"
         "Anziani;SAD;Operatori;Personale;10;10\n"       /* 1 */
         "Minori;Affidi;Contributi;;5;5\n"               /* 2 */
         "Anziani;SAD;Pasti;Servizi;2;2\n"               /* 3 */
         "Anziani;SAD;TOTALE SAD;;12;12\n"               /* 4 */
         "Anziani;;TOTALE AREA ANZIANI;;12;12\n"         /* 5 */
         ";;TOTALE;;17;17\n");                           /* 6 */
    assert_int_equal(f->diags.errors, 0);
    assert_parts(f, 4, "1,3");
    assert_parts(f, 5, "1,3");
    assert_parts(f, 6, "1,2,3");
}

static void test_same_voce_under_two_descriptions_is_two_voci(void **state)
{
    fixture *f = *state;
    load(f, "schede",
         "area;azione;voce;descrizione;preventivo;consuntivo\n"
         "Anziani;SAD;Consulenze;Psicologo;10;10\n"
         "Anziani;SAD;Consulenze;Legale;2;2\n");
    assert_int_equal(f->diags.errors, 0);
}

/* Types never change silently: a typo or an Excel error is a diagnostic at
 * its cell and the column stays numeric; leading zeros stay text. */
static void test_columns_keep_their_type(void **state)
{
    fixture *f = *state;
    load(f, NULL,
         "Comune;ISTAT;Abitanti;Quota\n"
         "Acquanegra;019001;1.168*;€ 1.200,00\n"
         "Bonemerse;019005;1.5O3;#N/D\n"
         "Cappella;019017;567;€ 800,00\n"
         "Casalbuttano;019018;4.000;non rilevato\n");
    assert_int_equal(f->data.columns[1].type, REL_TYPE_TEXT);
    assert_string_equal(f->data.rows[0].values[1].text, "019001");
    assert_int_equal(f->data.columns[2].type, REL_TYPE_COUNT);
    assert_int_equal(f->data.rows[0].values[2].number, 1168);
    assert_string_equal(f->data.rows[0].values[2].note, "*");
    assert_int_equal(f->data.columns[3].type, REL_TYPE_MONEY);
    assert_true(f->data.rows[3].values[3].is_text);
    size_t e102 = 0, e110 = 0, w112 = 0;
    for (size_t i = 0; i < f->diags.count; i++) {
        e102 += strcmp(f->diags.items[i].code, REL_E_VALUE_NUMBER) == 0;
        e110 += strcmp(f->diags.items[i].code, REL_E_VALUE_EXCEL) == 0;
        w112 += strcmp(f->diags.items[i].code, REL_W_VALUE_WORDS) == 0;
    }
    assert_int_equal(e102, 1);
    assert_int_equal(e110, 1);
    assert_int_equal(w112, 1);
}

static void test_repeated_header_is_an_error_not_a_row(void **state)
{
    fixture *f = *state;
    load(f, NULL, "Servizio;Utenti\nMinori;12\nServizio;Utenti\nAdulti;8\n");
    assert_int_equal(f->data.row_count, 2);
    assert_int_equal(f->diags.errors, 1);
    assert_string_equal(f->diags.items[0].code, REL_E_HEADER_REPEATED);
    assert_int_equal(f->diags.items[0].where.line, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_total_words),
        cmocka_unit_test(test_change_labels),
        cmocka_unit_test(test_marks),
        cmocka_unit_test_setup_teardown(test_printed_table_groups, setup, teardown),
        cmocka_unit_test_setup_teardown(test_heading_rows_are_no_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schedule_totals_by_area_and_azione, setup, teardown),
        cmocka_unit_test_setup_teardown(test_same_voce_under_two_descriptions_is_two_voci, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_columns_keep_their_type, setup, teardown),
        cmocka_unit_test_setup_teardown(test_repeated_header_is_an_error_not_a_row, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
