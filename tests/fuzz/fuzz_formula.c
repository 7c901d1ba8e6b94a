/* Fuzz target: the formula language, rel_formula_parse + rel_formula_eval.
 *
 * Formulas are evaluated against the model of the worked example (input/,
 * or the directory in REL_FUZZ_INPUT), loaded once. Input that no CSV cell
 * could hold (a NUL byte, broken UTF-8) is skipped: a cell always comes out
 * of the decoder as UTF-8 text.
 *
 * Properties: parse and eval return false if and only if they added an
 * error; every diagnostic points at the formula's line and inside its
 * columns; a value has a positive denominator and can be rounded at any
 * scale without a crash. rel_formula_evaluate agrees with rel_formula_eval
 * on every number, gives only valid dates, and every cell it collects is a
 * cell of its dataset (their text never fails). */
#include <stdbool.h>

#include "compute/formula/formula.h"
#include "fuzz.h"
#include "load/encoding.h"
#include "pipeline/load_model.h"

#ifndef REL_SOURCE_DIR
#define REL_SOURCE_DIR "."
#endif

#define PATH "indicatori_calcolati.csv"
#define LINE 7
#define COL 3

static rel_arena model_arena;
static rel_diags model_diags;
static rel_model model;
static bool model_loaded;

static void load_model_once(void)
{
    if (model_loaded)
        return;
    const char *dir = getenv("REL_FUZZ_INPUT");
    if (dir == NULL)
        dir = REL_SOURCE_DIR "/input";
    rel_arena_init(&model_arena);
    rel_diags_init(&model_diags, &model_arena);
    if (!rel_model_load(dir, &model_arena, &model_diags, &model)) {
        rel_diags_write_text(&model_diags, stderr);
        fprintf(stderr, "fuzz_formula: cannot load the model from %s\n", dir);
        abort();
    }
    model_loaded = true;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    load_model_once();
    return 0;
}

/* Indicators a formula may name: two with a value, one whose own
 * evaluation failed (known, no value, and its error already reported, as
 * compute/indicators.c does; `context` is the rel_diags). */
static const char *const indicator_names[] = {"spesa_pro_capite", "incidenza_gestione",
                                              "tasso_esecuzione", NULL};

static bool lookup(void *context, const char *name, rel_rational *value, bool *known)
{
    *known = false;
    if (strcmp(name, "spesa_pro_capite") == 0) {
        *known = true;
        *value = rel_rational_from_fixed(123456, 2, true);
        return true;
    }
    if (strcmp(name, "incidenza_gestione") == 0) {
        *known = true;
        *value = (rel_rational){1, 3, false};
        return true;
    }
    if (strcmp(name, "tasso_esecuzione") == 0) {
        *known = true;
        rel_diag_add(context, REL_SEV_ERROR, "E399", (rel_origin){PATH, LINE, COL},
                     "indicatore non calcolabile");
    }
    return false;
}

static void check_origins(const rel_diags *diags, size_t first, const char *text)
{
    uint32_t chars = 0;
    for (const char *p = text; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    for (size_t i = first; i < diags->count; i++) {
        rel_origin at = diags->items[i].where;
        REL_FUZZ_CHECK(diags->items[i].message != NULL);
        REL_FUZZ_CHECK(at.file != NULL && strcmp(at.file, PATH) == 0);
        REL_FUZZ_CHECK(at.line == LINE);
        REL_FUZZ_CHECK(at.col >= COL && at.col <= COL + chars);
    }
}

/* rel_formula_evaluate with a collector, after rel_formula_eval gave
 * `number_ok` (and `number`) with the same names. */
static void check_evaluate(const rel_formula *formula, const rel_formula_names *names,
                           bool number_ok, rel_rational number, rel_arena *arena,
                           rel_diags *diags, const char *text)
{
    rel_formula_cells cells = {0};
    rel_formula_value result;
    size_t first = diags->count;
    bool ok = rel_formula_evaluate(formula, &model, names, &cells, arena, diags, &result);
    REL_FUZZ_CHECK(ok == (rel_fuzz_errors_since(diags, first) == 0));
    check_origins(diags, first, text);
    if (number_ok)
        REL_FUZZ_CHECK(ok && !result.is_date && result.number.num == number.num
                       && result.number.den == number.den);
    if (ok && result.is_date)
        REL_FUZZ_CHECK(rel_date_check(result.date));
    for (size_t i = 0; i < cells.count; i++) {
        const rel_formula_cell *cell = &cells.items[i];
        REL_FUZZ_CHECK(cell->indicator != NULL
                       || (cell->dataset != NULL && cell->column < cell->dataset->column_count
                           && cell->value != NULL && cell->value->text != NULL));
    }
    REL_FUZZ_CHECK(rel_formula_cells_text(&cells, arena, 200) != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    load_model_once();
    bool multibyte;
    if (memchr(data, '\0', size) != NULL
        || rel_utf8_first_invalid((const char *)data, size, &multibyte) != size)
        return 0;

    rel_arena arena;
    rel_diags diags;
    rel_arena_init(&arena);
    rel_diags_init(&diags, &arena);
    char *text = rel_arena_strndup(&arena, (const char *)data, size);
    REL_FUZZ_CHECK(text != NULL);

    rel_formula *formula = rel_formula_parse(text, (rel_origin){PATH, LINE, COL}, &arena, &diags);
    REL_FUZZ_CHECK((formula == NULL) == (diags.errors > 0));
    check_origins(&diags, 0, text);

    if (formula != NULL) {
        rel_formula_names names = {.lookup = lookup, .context = &diags, .all = indicator_names};
        for (int with_names = 0; with_names <= 1; with_names++) {
            size_t first = diags.count;
            rel_rational value = {0, 1, false};
            bool ok = rel_formula_eval(formula, &model, with_names ? &names : NULL, &arena,
                                       &diags, &value);
            REL_FUZZ_CHECK(ok == (rel_fuzz_errors_since(&diags, first) == 0));
            check_origins(&diags, first, text);
            if (ok) {
                REL_FUZZ_CHECK(value.den > 0);
                for (int scale = 0; scale <= 6; scale++) {
                    int64_t fixed;
                    (void)rel_rational_fixed(value, scale, &fixed);
                }
            }
            check_evaluate(formula, with_names ? &names : NULL, ok, value, &arena, &diags, text);
        }
    }
    rel_diags_free(&diags);
    rel_arena_free(&arena);
    return 0;
}
