/* R004: the identities of verifiche.csv, `sinistra` = `destra`. A failing
 * one names the cells each side read, so that the auditor goes from the
 * finding straight to the figures. */
#include <string.h>

#include "compute/formula/formula.h"
#include "core/codes.h"
#include "reconcile/checks.h"

/* Bytes of the check's name the lists of cells may take: the name is cut
 * at 511 bytes (finding.c), and the description comes first. */
#define CHECK_TEXT_BUDGET 440
#define MIN_CELLS_TEXT 40

typedef struct side {
    const rel_value *cell;        /* the formula's cell in verifiche.csv */
    rel_formula_value value;
    rel_formula_cells cells;      /* the data cells it read */
} side;

static bool evaluate(const rel_model *model, const rel_formula_names *names, const rel_value *cell,
                     rel_arena *arena, rel_diags *diags, side *s)
{
    *s = (side){.cell = cell};
    rel_formula *formula = rel_formula_parse(cell->text, cell->at, arena, diags);
    return formula
           && rel_formula_evaluate(formula, model, names, &s->cells, arena, diags, &s->value);
}

/* The fewest decimals (0, 2 or 4) at which both sides are exact: 412 = 413
 * reads as such, not as 412,0000. Four when neither is exact at all. */
static int check_scale(rel_rational a, rel_rational b)
{
    static const int scales[] = {0, 2, 4};
    static const __int128 units[] = {1, 100, 10000};
    for (size_t i = 0; i < 3; i++)
        if (units[i] % a.den == 0 && units[i] % b.den == 0)
            return scales[i];
    return 4;
}

/* The figures of the check, at its scale: numbers as they are (at least
 * cents when either is money), dates as the days from `destra` to
 * `sinistra` against zero. false, reported, when they cannot be compared. */
typedef struct comparison {
    int scale;
    bool money;
    int64_t left, right;
    const char *dates;            /* "sinistra 01/05/2020, destra 02/05/2020", or NULL */
} comparison;

static bool compare_dates(const side *a, const side *b, rel_arena *arena, rel_diags *diags,
                          comparison *c)
{
    char x[REL_DATE_FORMAT_MAX], y[REL_DATE_FORMAT_MAX];
    rel_date_format(a->value.date, x, sizeof x);
    rel_date_format(b->value.date, y, sizeof y);
    *c = (comparison){.dates = rel_arena_printf(arena, "sinistra %s, destra %s", x, y)};
    if (rel_date_compare(a->value.date, b->value.date) == 0)
        return true;
    if (rel_formula_days_between(a->value.date, b->value.date, &c->left))
        return true;
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_FORMULA_DATE_ORDER, a->cell->at,
                 "verifica non eseguibile: «%s» e «%s» sono date diverse ma una è un mese intero, "
                 "e i giorni tra l'una e l'altra non sono un numero; confrontarle con <= (es. "
                 "sinistra a <= b, destra 1) o scrivere il giorno",
                 x, y);
    return false;
}

static bool compare(const side *a, const side *b, rel_arena *arena, rel_diags *diags,
                    comparison *c)
{
    if (a->value.is_date != b->value.is_date) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_FORMULA_DATE_MIX, a->cell->at,
                     "verifica non eseguibile: la %s è una data e la %s un numero; si "
                     "confrontano due date o due numeri",
                     a->value.is_date ? "sinistra" : "destra",
                     a->value.is_date ? "destra" : "sinistra");
        return false;
    }
    if (a->value.is_date)
        return compare_dates(a, b, arena, diags, c);
    rel_rational x = a->value.number, y = b->value.number;
    *c = (comparison){.scale = check_scale(x, y), .money = x.money || y.money};
    if (c->money && c->scale < 2)
        c->scale = 2;
    if (rel_rational_fixed(x, c->scale, &c->left) && rel_rational_fixed(y, c->scale, &c->right))
        return true;
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_FORMULA_OVERFLOW, a->cell->at,
                 "valore troppo grande per il confronto");
    return false;
}

/* "Verifica «…»", and when the sides differ beyond the tolerance the cells
 * each side read: "(celle lette: a sinistra …; a destra …)". */
static const char *check_name(const char *description, const comparison *c, int64_t allowed,
                              const side *a, const side *b, rel_arena *arena)
{
    const char *name = rel_arena_printf(arena, "Verifica «%s»%s%s%s", description,
                                        c->dates ? " (date: " : "", c->dates ? c->dates : "",
                                        c->dates ? "; giorni tra l'una e l'altra)" : "");
    int64_t difference;
    bool within = !__builtin_sub_overflow(c->left, c->right, &difference)
                  && difference <= allowed && difference >= -allowed;
    if (name == NULL || within)
        return name;
    size_t used = strlen(name);
    size_t each = used + 2 * MIN_CELLS_TEXT < CHECK_TEXT_BUDGET
                      ? (CHECK_TEXT_BUDGET - used) / 2 : MIN_CELLS_TEXT;
    const char *left = rel_formula_cells_text(&a->cells, arena, each);
    const char *right = rel_formula_cells_text(&b->cells, arena, each);
    if (left == NULL || right == NULL)
        return name;
    return rel_arena_printf(arena, "%s (celle lette: a sinistra %s; a destra %s)", name, left,
                            right);
}

static void check_row(const rel_model *model, const rel_dataset *d, const rel_row *row,
                      const rel_formula_names *names, rel_diags *diags, rel_findings *findings)
{
    rel_arena *arena = findings->arena;
    int left = rel_dataset_column(d, "sinistra"), right = rel_dataset_column(d, "destra");
    int tolerance = rel_dataset_column(d, "tolleranza");
    side a, b;
    comparison c;
    bool left_ok = evaluate(model, names, &row->values[left], arena, diags, &a);
    bool right_ok = evaluate(model, names, &row->values[right], arena, diags, &b);
    if (!left_ok || !right_ok || !compare(&a, &b, arena, diags, &c))
        return;
    int64_t allowed = 0;
    if (tolerance >= 0 && row->values[tolerance].present) {
        rel_rational t = rel_rational_from_fixed(row->values[tolerance].number,
                                                 rel_type_scale(REL_TYPE_DECIMAL), false);
        rel_rational_fixed(t, c.scale, &allowed);
    }
    allowed = allowed < 0 ? -allowed : allowed;
    const char *name = check_name(rel_row_text(row, rel_dataset_column(d, "descrizione")), &c,
                                  allowed, &a, &b, arena);
    rel_figure declared = {c.left, row->values[left].at, c.dates ? "giorni" : "sinistra"};
    rel_figure expected = {c.right, row->values[right].at, "la destra"};
    rel_findings_check(findings, REL_R_USER_CHECK, c.scale, c.money, declared, expected, allowed,
                       0, "%s", name ? name : "Verifica");
    const rel_figure_source *formula = rel_source_formula(arena);
    rel_findings_describe(findings, formula, formula);
}

void rel_check_user_identities(const rel_model *model, const rel_indicators *indicators,
                               rel_diags *diags, rel_findings *findings)
{
    const rel_dataset *d = rel_model_dataset(model, "verifiche");
    if (d == NULL)
        return;
    rel_formula_names names = rel_indicators_names(indicators);
    for (size_t r = 0; r < d->row_count; r++)
        if (d->rows[r].kind == REL_ROW_ITEM)
            check_row(model, d, &d->rows[r], &names, diags, findings);
}
