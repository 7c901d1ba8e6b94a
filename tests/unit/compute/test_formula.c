/* The formula language: syntax errors at their column, references into
 * the example input, exact money, rounding, and the hints on typos. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "compute/formula/formula.h"
#include "compute/totals.h"
#include "core/codes.h"
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

static int reset(void **state)
{
    (void)state;
    diags.count = diags.errors = diags.warnings = 0;
    return 0;
}

/* Evaluates `text` (as if in a cell at line 7, column 3) into fixed point. */
static bool eval_fixed(const char *text, int scale, int64_t *out)
{
    rel_formula *formula = rel_formula_parse(text, (rel_origin){"f.csv", 7, 3}, &arena, &diags);
    rel_rational value;
    return formula && rel_formula_eval(formula, &model, NULL, &arena, &diags, &value)
           && rel_rational_fixed(value, scale, out);
}

static int64_t must_eval(const char *text, int scale)
{
    int64_t value = 0;
    if (!eval_fixed(text, scale, &value))
        fail_msg("«%s» failed: %s", text, diags.count ? diags.items[0].message : "?");
    return value;
}

static void expect_error(const char *text, const char *code, unsigned col, const char *needle)
{
    int64_t value;
    assert_false(eval_fixed(text, 2, &value));
    assert_int_equal(diags.errors, 1);
    assert_string_equal(diags.items[0].code, code);
    assert_int_equal(diags.items[0].where.line, 7);
    assert_int_equal(diags.items[0].where.col, col);
    if (needle && strstr(diags.items[0].message, needle) == NULL)
        fail_msg("«%s» not in «%s»", needle, diags.items[0].message);
    reset(NULL);
}

static void test_sums_and_references_are_exact(void **state)
{
    (void)state;
    const rel_dataset *schede = rel_model_dataset(&model, "schede");
    int64_t sum;
    assert_true(rel_dataset_sum(schede, rel_dataset_column(schede, "consuntivo"), &sum));
    assert_int_equal(must_eval("SOMMA(schede[consuntivo])", 2), sum);
    assert_int_equal(must_eval("schede[consuntivo]", 2), sum);
    assert_int_equal(must_eval("costi[\"TOTALE USCITE\"; N]", 2), sum);
    /* 271.462,80 + 52.306,40 + 6.118,00 (Area Anziani, by hand) */
    assert_int_equal(must_eval("SOMMA.SE(schede[consuntivo]; area; \"area anziani\")", 2),
                     32988720);
    /* Entrate - Uscite = Avanzo: 2.401.919,50 - 2.353.704,17 */
    assert_int_equal(must_eval("entrate[\"TOTALE ENTRATE\"; 2024] - costi[\"totale uscite\"; N]", 2),
                     4821533);
    assert_int_equal(must_eval("fondi[\"Fondo Nazionale Politiche Sociali\"; N-1]", 2), 27941000);
    assert_int_equal(must_eval("(costi[\"TOTALE USCITE\"; N] / 7) * 7", 2), sum);
    assert_int_equal(must_eval("tutela_minori[\"Minori in carico al 31/12\"; N]", 0), 412);
    /* a column in MIN, MAX, MEDIA, CONTA is its cells, not their sum; RIGHE its lines */
    assert_int_equal(must_eval("MAX(schede[consuntivo])", 2), 70211540);   /* schede.csv:16 */
    assert_int_equal(must_eval("MEDIA(schede[consuntivo]) * CONTA(schede[consuntivo])", 2), sum);
    assert_int_equal(must_eval("CONTA(schede[consuntivo]) = RIGHE(schede)", 0), 1);
}

static void test_arithmetic_and_rounding(void **state)
{
    (void)state;
    assert_int_equal(must_eval("1/3", 4), 3333);
    assert_int_equal(must_eval("2/3", 4), 6667);
    assert_int_equal(must_eval("-5/2", 0), -3);          /* half away from zero */
    assert_int_equal(must_eval("ARROTONDA(2,675; 2) * 100", 0), 268);
    assert_int_equal(must_eval("1 + 2 * 3 - 4 / 2", 0), 5);
    assert_int_equal(must_eval("-(1 - 3) * 2", 0), 4);
    assert_int_equal(must_eval("SE(2 > 1; 10; 20)", 0), 10);
    assert_int_equal(must_eval("SE(1 <> 1; 10; 20)", 0), 20);
    assert_int_equal(must_eval("MAX(3; 9; 4) - MIN(3; 9; 4)", 0), 6);
    assert_int_equal(must_eval("ABS(0 - 7,5)", 1), 75);
    assert_int_equal(must_eval("0,1 + 0,2 = 0,3", 0), 1);   /* exact, unlike binary floats */
    /* comparisons chain as on paper; parentheses compare the 1 or 0, as Excel */
    assert_int_equal(must_eval("1 < 2 < 3", 0), 1);
    assert_int_equal(must_eval("1 < 3 < 2", 0), 0);
    assert_int_equal(must_eval("3 > 1 < 2 <> 5", 0), 1);
    assert_int_equal(must_eval("(1 < 3) < 2", 0), 1);
    assert_int_equal(must_eval("2 = 2 = 2", 0), 1);
    /* comparisons whose cross products would overflow __int128 stay exact */
    assert_int_equal(must_eval("1/3000000000000000000000 = 1/3000000000000000000000", 0), 1);
    assert_int_equal(must_eval("1/3000000000000000000000 < 2/3000000000000000000000", 0), 1);
    assert_int_equal(must_eval("MIN(7/3000000000000000000001; 7/3000000000000000000000) * "
                               "3000000000000000000001", 0), 7);
}

static void test_syntax_errors_at_their_column(void **state)
{
    (void)state;
    expect_error("1 +", REL_E_FORMULA_SYNTAX, 6, "finisce troppo presto");
    expect_error("SOMMA(1; 2", REL_E_FORMULA_SYNTAX, 13, "«)»");
    expect_error("costi[\"TOTALE USCITE\"; N", REL_E_FORMULA_SYNTAX, 27, "«]»");
    expect_error("1 $ 2", REL_E_FORMULA_SYNTAX, 5, "carattere");
    expect_error("1 2", REL_E_FORMULA_SYNTAX, 5, "in più");
    expect_error("fondi[\"x\"; N-]", REL_E_FORMULA_SYNTAX, 16, "N-1");
}

static void test_depth_limit_at_and_past(void **state)
{
    (void)state;
    char at[2 * REL_FORMULA_MAX_DEPTH + 8], past[2 * REL_FORMULA_MAX_DEPTH + 8];
    memset(at, '(', REL_FORMULA_MAX_DEPTH - 1);
    at[REL_FORMULA_MAX_DEPTH - 1] = '1';
    memset(at + REL_FORMULA_MAX_DEPTH, ')', REL_FORMULA_MAX_DEPTH - 1);
    at[2 * REL_FORMULA_MAX_DEPTH - 1] = '\0';
    assert_int_equal(must_eval(at, 0), 1);
    memset(past, '(', REL_FORMULA_MAX_DEPTH);
    past[REL_FORMULA_MAX_DEPTH] = '1';
    memset(past + REL_FORMULA_MAX_DEPTH + 1, ')', REL_FORMULA_MAX_DEPTH);
    past[2 * REL_FORMULA_MAX_DEPTH + 1] = '\0';
    expect_error(past, REL_E_FORMULA_DEPTH, 3 + REL_FORMULA_MAX_DEPTH, NULL);
}

static void test_unknown_names_with_hints(void **state)
{
    (void)state;
    expect_error("cosi[\"TOTALE USCITE\"; N]", REL_E_FORMULA_DATASET, 3, "forse «costi»");
    expect_error("schede[consuntvo]", REL_E_FORMULA_COLUMN, 10, "forse «consuntivo»");
    expect_error("costi[\"TOTALE USCITE\"; 2019]", REL_E_FORMULA_COLUMN, 26, "2019");
    expect_error("costi[\"Costo del personal\"; N]", REL_E_FORMULA_ROW, 9, "forse «Costo del personale»");
    expect_error("SOMA(1; 2)", REL_E_FORMULA_FUNCTION, 3, "forse «SOMMA»");
    expect_error("abitanti * 2", REL_E_FORMULA_NAME, 3, "abitanti");
    expect_error("1 / (2 - 2)", REL_E_FORMULA_DIVISION, 8, NULL);
    expect_error("schede[\"Referente servizio\"; descrizione]", REL_E_FORMULA_NOT_NUMBER, 3, NULL);
    expect_error("ARROTONDA(1)", REL_E_FORMULA_FUNCTION, 3, "argomenti");
}

static bool lookup(void *context, const char *name, rel_rational *value, bool *known)
{
    (void)context;
    *known = strcmp(name, "abitanti") == 0;
    if (*known)
        *value = (rel_rational){98231, 1, false};
    return *known;
}

static void test_names_resolve_through_the_caller(void **state)
{
    (void)state;
    static const char *const all[] = {"abitanti", NULL};
    rel_formula_names names = {lookup, NULL, all, NULL};
    rel_formula *formula = rel_formula_parse("costi[\"TOTALE USCITE\"; N] / abitanti",
                                             (rel_origin){"f.csv", 1, 1}, &arena, &diags);
    rel_rational value;
    assert_non_null(formula);
    assert_true(rel_formula_eval(formula, &model, &names, &arena, &diags, &value));
    int64_t per_capita;
    assert_true(rel_rational_fixed(value, 2, &per_capita));
    assert_int_equal(per_capita, 2396);   /* 2.353.704,17 / 98.231 = 23,9608... */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_sums_and_references_are_exact, reset),
        cmocka_unit_test_setup(test_arithmetic_and_rounding, reset),
        cmocka_unit_test_setup(test_syntax_errors_at_their_column, reset),
        cmocka_unit_test_setup(test_depth_limit_at_and_past, reset),
        cmocka_unit_test_setup(test_unknown_names_with_hints, reset),
        cmocka_unit_test_setup(test_names_resolve_through_the_caller, reset),
    };
    return cmocka_run_group_tests(tests, load_example, release);
}
