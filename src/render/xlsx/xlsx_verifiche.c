/* Allegato V: every check of the reconciliation, live. Each check's two
 * figures refer to the cells where they live (=Fondi!D8, a SUMIF over the
 * lines of Schede, the cell where Stato patrimoniale recomputes a subtotal),
 * the difference is a formula rounded to the check's decimals, and the
 * outcome a formula over the difference and the check's bounds: an auditor
 * who corrects a figure sees the outcome change. A rule with no two figures
 * (a variance without its motivazione) is listed with its outcome as text. */
#include <stdio.h>
#include <stdlib.h>

#include "core/codes.h"
#include "render/xlsx/xlsx_figure.h"
#include "render/xlsx/xlsx_sheets.h"

enum {
    COL_N, COL_CHECK, COL_CODE, COL_DECLARED_PLACE, COL_DECLARED, COL_EXPECTED_PLACE,
    COL_EXPECTED, COL_DIFFERENCE, COL_TOLERANCE, COL_ROUNDING, COL_OUTCOME, COL_NOTE, COL_COUNT
};

static rel_xlsx_style style_of(const rel_finding *f)
{
    return f->money ? REL_XLSX_MONEY : f->scale == 0 ? REL_XLSX_COUNT
                                     : f->scale <= 2 ? REL_XLSX_DECIMAL : REL_XLSX_RATIO;
}

static double unit_of(int scale)
{
    double unit = 1.0;
    for (int i = 0; i < scale; i++)
        unit *= 10.0;
    return unit;
}

/* The cached figure must be the reconciliation's: one truth. */
static bool same_truth(const rel_xlsx_context *ctx, const rel_finding *f,
                       const rel_xlsx_figure *figure, const rel_figure *side, int64_t *fixed)
{
    if (!rel_xlsx_figure_fixed(figure, f->scale, fixed) || *fixed != side->value) {
        rel_diag_add(ctx->book->diags, REL_SEV_ERROR, REL_E_XLSX_MISMATCH,
                     side->at.file ? side->at : (rel_origin){ctx->book->shown, 0, 0},
                     "errore interno: l'allegato ricalcola «%s» diversamente dalle verifiche",
                     f->check);
        ctx->book->ok = false;
        return false;
    }
    return true;
}

static const char *status_of(int64_t difference, const rel_finding *f)
{
    uint64_t magnitude = difference < 0 ? -(uint64_t)difference : (uint64_t)difference;
    rel_check_status status = magnitude == 0 ? REL_CHECK_MATCH
                              : magnitude <= (uint64_t)f->tolerance
                                        || magnitude <= (uint64_t)f->rounding
                                    ? REL_CHECK_ROUNDING : REL_CHECK_ERROR;
    return rel_check_status_text(status);
}

static bool figures(const rel_xlsx_context *ctx, rel_xlsx_sheet *s, const rel_finding *f)
{
    rel_xlsx_figure declared, expected;
    if (!rel_xlsx_figure_of(ctx, s, &f->declared, f->declared_source, f->scale, &declared)
        || !rel_xlsx_figure_of(ctx, s, &f->expected, f->expected_source, f->scale, &expected))
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, COL_DECLARED,
                             (rel_origin){NULL, 0, 0}, "verifica");
    int64_t a, b;
    if (!same_truth(ctx, f, &declared, &f->declared, &a)
        || !same_truth(ctx, f, &expected, &f->expected, &b))
        return false;
    rel_arena *arena = &s->book->scratch;
    rel_xlsx_style style = style_of(f);
    double unit = unit_of(f->scale);
    const char *difference = rel_arena_printf(arena, "=ROUND(%s-%s,%d)",
                                              rel_xlsx_here(s, COL_DECLARED),
                                              rel_xlsx_here(s, COL_EXPECTED), f->scale);
    const char *h = rel_xlsx_here(s, COL_DIFFERENCE), *i = rel_xlsx_here(s, COL_TOLERANCE);
    const char *j = rel_xlsx_here(s, COL_ROUNDING);
    const char *outcome = rel_arena_printf(arena, "=IF(%s=0,\"verificato\",IF(ABS(%s)<=MAX(%s,%s),"
                                           "\"arrotondamento\",\"da correggere\"))", h, h, i, j);
    const char *why = declared.formula == NULL ? declared.why : expected.why;
    if (why != NULL)
        rel_diag_add(ctx->book->diags, REL_SEV_WARNING, REL_W_XLSX_NOT_LIVE,
                     f->declared.at.file ? f->declared.at : (rel_origin){ctx->book->shown, 0, 0},
                     "«%s» scritta nell'allegato con i valori, non con le formule: %s",
                     f->check, why);
    return rel_xlsx_figure_write(s, COL_DECLARED, &declared, style, REL_XLSX_PLAIN)
           && rel_xlsx_figure_write(s, COL_EXPECTED, &expected, style, REL_XLSX_PLAIN)
           && rel_xlsx_formula(s, COL_DIFFERENCE, difference, (double)(a - b) / unit, style,
                               REL_XLSX_PLAIN)
           && rel_xlsx_number(s, COL_TOLERANCE, (double)f->tolerance / unit, style, REL_XLSX_PLAIN)
           && rel_xlsx_number(s, COL_ROUNDING, (double)f->rounding / unit, style, REL_XLSX_PLAIN)
           && rel_xlsx_formula_text(s, COL_OUTCOME, outcome, status_of(a - b, f), REL_XLSX_TEXT,
                                    REL_XLSX_PLAIN)
           && rel_xlsx_text(s, COL_NOTE, why ? rel_arena_printf(arena, "Cifre come valori: %s",
                                                                 why)
                                             : "", REL_XLSX_NOTE, (rel_origin){NULL, 0, 0});
}

static bool check_row(const rel_xlsx_context *ctx, rel_xlsx_sheet *s, size_t n,
                      const rel_finding *f)
{
    rel_arena *arena = &s->book->scratch;
    bool ok = rel_xlsx_number(s, COL_N, (double)n, REL_XLSX_COUNT, REL_XLSX_PLAIN)
              && rel_xlsx_text(s, COL_CHECK, f->check, REL_XLSX_PLAIN, (rel_origin){NULL, 0, 0})
              && rel_xlsx_text(s, COL_CODE, f->code, REL_XLSX_PLAIN, (rel_origin){NULL, 0, 0})
              && rel_xlsx_text(s, COL_DECLARED_PLACE, rel_figure_place(arena, &f->declared),
                               REL_XLSX_PLAIN, (rel_origin){NULL, 0, 0});
    if (ok && !f->numeric)
        return rel_xlsx_text(s, COL_OUTCOME, rel_check_status_text(f->status), REL_XLSX_PLAIN,
                             (rel_origin){NULL, 0, 0})
               && rel_xlsx_text(s, COL_NOTE, "Regola senza due cifre da confrontare: l'esito "
                                "è quello delle verifiche", REL_XLSX_NOTE, (rel_origin){NULL, 0, 0})
               && rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0);
    return ok && rel_xlsx_text(s, COL_EXPECTED_PLACE, rel_figure_place(arena, &f->expected),
                               REL_XLSX_PLAIN, (rel_origin){NULL, 0, 0})
           && figures(ctx, s, f) && rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0);
}

/* Below the checks: how many have each outcome, counted by COUNTIF. */
static bool summary(rel_xlsx_sheet *s, lxw_row_t first, lxw_row_t last, const rel_findings *fs)
{
    static const rel_check_status statuses[] = {REL_CHECK_MATCH, REL_CHECK_ROUNDING,
                                                REL_CHECK_ERROR};
    size_t counts[3] = {fs->count - fs->errors - fs->roundings, fs->roundings, fs->errors};
    char range[48];
    lxw_rowcol_to_range_abs(range, first, COL_OUTCOME, last > first ? last : first, COL_OUTCOME);
    bool ok = rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0);
    for (size_t k = 0; ok && k < 3; k++) {
        const char *word = rel_check_status_text(statuses[k]);
        const char *formula = rel_arena_printf(&s->book->scratch, "=COUNTIF(%s,\"%s\")", range, word);
        ok = rel_xlsx_text(s, COL_CHECK, rel_arena_printf(&s->book->scratch, "Verifiche con esito "
                                                          "«%s»", word), REL_XLSX_SUBTOTAL,
                           (rel_origin){NULL, 0, 0})
             && rel_xlsx_formula(s, COL_OUTCOME, formula, (double)counts[k], REL_XLSX_COUNT,
                                 REL_XLSX_SUBTOTAL)
             && rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0);
    }
    return ok;
}

bool rel_xlsx_verifiche(const rel_xlsx_context *ctx, rel_xlsx_entry *entry)
{
    static const rel_xlsx_column columns[COL_COUNT] = {
        {"N.", 5, true}, {"Verifica", 36, false}, {"Codice", 7, true},
        {"Fonte del dichiarato", 16, true}, {"Dichiarato", 14, true},
        {"Fonte dell'atteso", 17, false}, {"Atteso", 14, true}, {"Differenza", 12, true},
        {"Tolleranza", 10, true}, {"Arrotond.", 10, true}, {"Esito", 13, true},
        {"Nota", 15, false},
    };
    rel_xlsx_sheet s;
    if (!rel_xlsx_sheet_begin(ctx->book, &s, entry->name, entry->annex, entry->title, columns,
                              COL_COUNT, COL_CHECK + 1, -1))
        return false;
    const rel_findings *findings = ctx->findings;
    bool ok = true;
    for (size_t i = 0; ok && i < findings->count; i++)
        ok = check_row(ctx, &s, i + 1, &findings->items[i]);
    lxw_row_t last = s.row - 1;
    ok = ok && summary(&s, REL_XLSX_FIRST_ROW, last, findings);
    entry->rows = s.row - REL_XLSX_FIRST_ROW;
    return ok && rel_xlsx_sheet_end(&s, false);
}
