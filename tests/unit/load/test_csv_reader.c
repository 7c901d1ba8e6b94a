/* CSV reading: positions of every field, dialects, shape checks, and the
 * structural errors with the place they are reported at. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/codes.h"
#include "load/csv_reader.h"

typedef struct fixture {
    rel_arena arena;
    rel_diags diags;
    rel_csv_table table;
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

static bool parse(fixture *f, const char *text)
{
    rel_text t = {text, strlen(text)};
    return rel_csv_parse(&t, "t.csv", 0, &rel_csv_default_limits, &f->arena, &f->diags,
                         &f->table);
}

static void assert_cell(const rel_cell *cell, const char *text, unsigned line, unsigned col)
{
    assert_string_equal(cell->text, text);
    assert_int_equal(cell->line, line);
    assert_int_equal(cell->col, col);
}

static void assert_only_error(fixture *f, const char *code, unsigned line, unsigned col)
{
    assert_int_equal(f->diags.errors, 1);
    assert_string_equal(f->diags.items[0].code, code);
    assert_int_equal(f->diags.items[0].where.line, line);
    assert_int_equal(f->diags.items[0].where.col, col);
}

static void test_positions_crlf_quotes_and_multiline_fields(void **state)
{
    fixture *f = *state;
    assert_true(parse(f, "a;b;c\r\n1;\"x;y\";3\r\n\"due\nrighe\";é;  z\r\n4;5;6"));
    assert_int_equal(f->table.separator, ';');
    assert_int_equal(f->table.row_count, 3);
    assert_cell(&f->table.header.cells[2], "c", 1, 5);
    assert_cell(&f->table.rows[0].cells[1], "x;y", 2, 3);
    assert_cell(&f->table.rows[1].cells[0], "due\nrighe", 3, 1);
    assert_cell(&f->table.rows[1].cells[1], "é", 4, 8);
    assert_cell(&f->table.rows[1].cells[2], "z", 4, 12);   /* columns count characters */
    assert_int_equal(f->table.rows[1].line, 3);
    assert_cell(&f->table.rows[2].cells[2], "6", 5, 5);    /* last line without newline */
}

static void test_detects_comma_and_tab(void **state)
{
    fixture *f = *state;
    assert_true(parse(f, "a,b\n\"1,5\",2\n"));
    assert_int_equal(f->table.separator, ',');
    assert_string_equal(f->table.rows[0].cells[0].text, "1,5");
    rel_text t = {"a\tb;c\n1\t2;3\n", 12};
    assert_int_equal(rel_csv_detect_separator(&t), ';');   /* tie: ';' wins */
    rel_text tabs = {"a\tb\tc;d\n", 8};
    assert_int_equal(rel_csv_detect_separator(&tabs), '\t');
}

static void test_trailing_empty_columns_and_blank_rows_are_ignored(void **state)
{
    fixture *f = *state;
    assert_true(parse(f, "a;b;;;\n1;2;;;\n;;;;\n\n3;4\n"));
    assert_int_equal(f->table.header.count, 2);
    assert_int_equal(f->table.row_count, 2);
    assert_string_equal(f->table.rows[1].cells[0].text, "3");
}

static void test_unterminated_quote_is_reported_where_it_opens(void **state)
{
    fixture *f = *state;
    assert_false(parse(f, "a;b\n1;2\n3;\"aperta\n4;5\n6;7\n"));
    assert_only_error(f, REL_E_CSV_QUOTE_OPEN, 3, 3);
}

static void test_stray_quotes(void **state)
{
    fixture *f = *state;
    assert_false(parse(f, "a;b\n1;Servizio \"Mare\"\n"));
    assert_only_error(f, REL_E_CSV_QUOTE_STRAY, 2, 12);
}

static void test_text_after_closing_quote(void **state)
{
    fixture *f = *state;
    assert_false(parse(f, "a;b\n\"abc\"x;d\n"));
    assert_only_error(f, REL_E_CSV_QUOTE_STRAY, 2, 6);
}

static void test_missing_and_extra_cells(void **state)
{
    fixture *f = *state;
    assert_false(parse(f, "a;b;c\n1;2\n1;2;3;4\n1;2;3\n"));
    assert_int_equal(f->diags.errors, 2);
    rel_diags_sort(&f->diags);
    assert_string_equal(f->diags.items[0].code, REL_E_CSV_MISSING_CELL);
    assert_int_equal(f->diags.items[0].where.line, 2);
    assert_non_null(strstr(f->diags.items[0].message, "«c»"));
    assert_string_equal(f->diags.items[1].code, REL_E_CSV_EXTRA_CELL);
    assert_int_equal(f->diags.items[1].where.line, 3);
    assert_int_equal(f->diags.items[1].where.col, 7);
    assert_int_equal(f->table.row_count, 1);
}

static void test_blank_and_duplicate_labels(void **state)
{
    fixture *f = *state;
    assert_false(parse(f, "a;;B;b\n1;2;3;4\n"));
    rel_diags_sort(&f->diags);
    assert_int_equal(f->diags.errors, 2);
    assert_string_equal(f->diags.items[0].code, REL_E_COL_BLANK);
    assert_int_equal(f->diags.items[0].where.col, 3);
    assert_string_equal(f->diags.items[1].code, REL_E_COL_DUPLICATE);
    assert_int_equal(f->diags.items[1].where.col, 6);
}

static void test_empty_file(void **state)
{
    fixture *f = *state;
    assert_false(parse(f, ""));
    assert_only_error(f, REL_E_CSV_EMPTY, 0, 0);
}

static void test_field_limit_at_and_past(void **state)
{
    fixture *f = *state;
    rel_csv_limits limits = {8, 100, 10};
    rel_text at = {"a\n12345678\n", 11};
    assert_true(rel_csv_parse(&at, "t.csv", 0, &limits, &f->arena, &f->diags, &f->table));
    rel_text past = {"a\n123456789\n", 12};
    assert_false(rel_csv_parse(&past, "t.csv", 0, &limits, &f->arena, &f->diags, &f->table));
    assert_only_error(f, REL_E_CSV_FIELD_TOO_LONG, 2, 1);
}

static void test_row_limit_at_and_past(void **state)
{
    fixture *f = *state;
    rel_csv_limits limits = {100, 2, 10};
    rel_text at = {"a\n1\n2\n", 6};
    assert_true(rel_csv_parse(&at, "t.csv", 0, &limits, &f->arena, &f->diags, &f->table));
    assert_int_equal(f->table.row_count, 2);
    rel_text past = {"a\n1\n2\n3\n", 8};
    assert_false(rel_csv_parse(&past, "t.csv", 0, &limits, &f->arena, &f->diags, &f->table));
    assert_only_error(f, REL_E_CSV_TOO_MANY_ROWS, 4, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_positions_crlf_quotes_and_multiline_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_detects_comma_and_tab, setup, teardown),
        cmocka_unit_test_setup_teardown(test_trailing_empty_columns_and_blank_rows_are_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unterminated_quote_is_reported_where_it_opens, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stray_quotes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_after_closing_quote, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_and_extra_cells, setup, teardown),
        cmocka_unit_test_setup_teardown(test_blank_and_duplicate_labels, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_field_limit_at_and_past, setup, teardown),
        cmocka_unit_test_setup_teardown(test_row_limit_at_and_past, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
