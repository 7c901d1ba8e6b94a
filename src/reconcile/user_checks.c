#include "compute/formula/formula.h"
#include "core/codes.h"
#include "reconcile/checks.h"

static bool evaluate(const rel_model *model, const rel_formula_names *names, const rel_value *cell,
                     rel_arena *arena, rel_diags *diags, rel_rational *value)
{
    rel_formula *formula = rel_formula_parse(cell->text, cell->at, arena, diags);
    return formula && rel_formula_eval(formula, model, names, arena, diags, value);
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

/* Both sides at the check's scale (at least cents when either is money);
 * the tolerance, in the same unit as the sides, likewise. */
static void check_row(const rel_model *model, const rel_dataset *d, const rel_row *row,
                      const rel_formula_names *names, rel_diags *diags, rel_findings *findings)
{
    int left = rel_dataset_column(d, "sinistra"), right = rel_dataset_column(d, "destra");
    int tolerance = rel_dataset_column(d, "tolleranza");
    rel_rational a, b;
    if (!evaluate(model, names, &row->values[left], findings->arena, diags, &a)
        | !evaluate(model, names, &row->values[right], findings->arena, diags, &b))
        return;
    bool money = a.money || b.money;
    int scale = check_scale(a, b);
    if (money && scale < 2)
        scale = 2;
    int64_t x, y, allowed = 0;
    if (tolerance >= 0 && row->values[tolerance].present) {
        rel_rational t = rel_rational_from_fixed(row->values[tolerance].number,
                                                 rel_type_scale(REL_TYPE_DECIMAL), false);
        rel_rational_fixed(t, scale, &allowed);
    }
    if (!rel_rational_fixed(a, scale, &x) || !rel_rational_fixed(b, scale, &y)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_FORMULA_OVERFLOW, row->values[left].at,
                     "valore troppo grande per il confronto");
        return;
    }
    rel_figure declared = {x, row->values[left].at, "sinistra"};
    rel_figure expected = {y, row->values[right].at, "la destra"};
    rel_findings_check(findings, REL_R_USER_CHECK, scale, money, declared, expected,
                       allowed < 0 ? -allowed : allowed, 0, "Verifica «%s»",
                       rel_row_text(row, rel_dataset_column(d, "descrizione")));
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
