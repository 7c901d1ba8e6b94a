#include "compute/balance.h"

#include <assert.h>
#include <string.h>

#include "core/codes.h"
#include "core/number.h"
#include "validate/schema.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))
#define SHEET "stato_patrimoniale"
#define RATIOS "indici"
#define RECOMPUTED "ricalcolato dallo stato patrimoniale"

/* Ratios are compared at the decimals reports print. */
#define COMPARE_DECIMALS 2

/* A quantity is an item (index below REL_BALANCE_ITEM_COUNT) or a subtotal
 * (REL_BALANCE_ITEM_COUNT + its index); a term adds or subtracts one. */
#define I(x) REL_BALANCE_##x
#define S(x) (REL_BALANCE_ITEM_COUNT + REL_BALANCE_##x)
#define MAX_TERMS 6
_Static_assert(MAX_TERMS == REL_BALANCE_MAX_TERMS, "balance.h exports the terms");

typedef struct term {
    int sign;          /* +1, -1; 0 ends the list */
    int quantity;
} term;

typedef struct definition {
    const char *code;  /* in the sheet's vocabulary, NULL if not declarable */
    const char *name;
    term terms[MAX_TERMS];
} definition;

/* Each subtotal uses only items and the subtotals before it. */
static const definition subtotals[REL_BALANCE_SUBTOTAL_COUNT] = {
    [REL_BALANCE_CAPITALE_IMMOBILIZZATO] = {"capitale_immobilizzato", "Capitale immobilizzato",
        {{+1, I(IMMOBILIZZAZIONI_IMMATERIALI)}, {+1, I(IMMOBILIZZAZIONI_MATERIALI)},
         {+1, I(IMMOBILIZZAZIONI_FINANZIARIE)}}},
    [REL_BALANCE_ATTIVITA_BREVE] = {"attivita_breve", "Attività d'esercizio a breve termine",
        {{+1, I(RIMANENZE)}, {+1, I(CREDITI_CLIENTI)}, {+1, I(ALTRI_CREDITI)},
         {+1, I(RATEI_RISCONTI_ATTIVI)}}},
    [REL_BALANCE_PASSIVITA_BREVE] = {"passivita_breve", "Passività d'esercizio a breve termine",
        {{+1, I(DEBITI_FORNITORI)}, {+1, I(ACCONTI)}, {+1, I(DEBITI_TRIBUTARI_PREVIDENZIALI)},
         {+1, I(ALTRI_DEBITI)}, {+1, I(RATEI_RISCONTI_PASSIVI)}}},
    [REL_BALANCE_CAPITALE_ESERCIZIO_NETTO] = {"capitale_esercizio_netto",
        "Capitale d'esercizio netto", {{+1, S(ATTIVITA_BREVE)}, {-1, S(PASSIVITA_BREVE)}}},
    [REL_BALANCE_PASSIVITA_MEDIO_LUNGO] = {"passivita_medio_lungo",
        "Passività a medio lungo termine",
        {{+1, I(TFR)}, {+1, I(DEBITI_TRIBUTARI_PREVIDENZIALI_OLTRE)},
         {+1, I(ALTRE_PASSIVITA_MEDIO_LUNGO)}}},
    [REL_BALANCE_CAPITALE_INVESTITO] = {"capitale_investito", "Capitale investito",
        {{+1, S(CAPITALE_IMMOBILIZZATO)}, {+1, S(CAPITALE_ESERCIZIO_NETTO)},
         {-1, S(PASSIVITA_MEDIO_LUNGO)}}},
    [REL_BALANCE_ATTIVITA_FINANZIARIE_CORRENTI] = {NULL, "Attività finanziarie correnti",
        {{+1, I(DISPONIBILITA_LIQUIDE)}, {+1, I(ALTRE_ATTIVITA_FINANZIARIE_CORRENTI)},
         {+1, I(CREDITI_FINANZIARI_CORRENTI)}}},
    [REL_BALANCE_DEBITI_FINANZIARI_CORRENTI] = {NULL, "Debiti finanziari correnti",
        {{+1, I(DEBITI_FINANZIARI_BREVE)}, {+1, I(DEBITI_BANCARI_CORRENTI)},
         {+1, I(ALTRE_PASSIVITA_FINANZIARIE_CORRENTI)}, {+1, I(DEBITI_LEASING_CORRENTI)}}},
    [REL_BALANCE_DEBITI_FINANZIARI_NON_CORRENTI] = {NULL, "Debiti finanziari non correnti",
        {{+1, I(DEBITI_FINANZIARI_LUNGO)}, {+1, I(OBBLIGAZIONI)},
         {+1, I(DEBITI_BANCARI_NON_CORRENTI)}, {+1, I(ALTRE_PASSIVITA_FINANZIARIE_NON_CORRENTI)},
         {+1, I(DEBITI_LEASING_NON_CORRENTI)}}},
    [REL_BALANCE_INDEBITAMENTO_FINANZIARIO_CORRENTE] = {"indebitamento_finanziario_corrente",
        "Indebitamento finanziario corrente netto",
        {{+1, S(ATTIVITA_FINANZIARIE_CORRENTI)}, {-1, S(DEBITI_FINANZIARI_CORRENTI)}}},
    [REL_BALANCE_INDEBITAMENTO_FINANZIARIO_NON_CORRENTE] = {
        "indebitamento_finanziario_non_corrente", "Indebitamento finanziario non corrente",
        {{-1, S(DEBITI_FINANZIARI_NON_CORRENTI)}}},
    [REL_BALANCE_POSIZIONE_FINANZIARIA_NETTA] = {"posizione_finanziaria_netta",
        "Posizione finanziaria netta",
        {{+1, S(INDEBITAMENTO_FINANZIARIO_CORRENTE)},
         {+1, S(INDEBITAMENTO_FINANZIARIO_NON_CORRENTE)}}},
    [REL_BALANCE_MEZZI_PROPRI_INDEBITAMENTO] = {"mezzi_propri_indebitamento",
        "Mezzi propri e indebitamento finanziario netto",
        {{+1, I(PATRIMONIO_NETTO)}, {-1, S(POSIZIONE_FINANZIARIA_NETTA)}}},
    [REL_BALANCE_LIQUIDITA_IMMEDIATE] = {NULL, "Liquidità immediate",
        {{+1, I(DISPONIBILITA_LIQUIDE)}, {+1, I(ALTRE_ATTIVITA_FINANZIARIE_CORRENTI)}}},
    [REL_BALANCE_LIQUIDITA_DIFFERITE] = {NULL, "Liquidità differite",
        {{+1, I(CREDITI_CLIENTI)}, {+1, I(ALTRI_CREDITI)}, {+1, I(RATEI_RISCONTI_ATTIVI)},
         {+1, I(CREDITI_FINANZIARI_CORRENTI)}}},
    [REL_BALANCE_PASSIVITA_CORRENTI] = {NULL, "Passività correnti",
        {{+1, S(PASSIVITA_BREVE)}, {+1, S(DEBITI_FINANZIARI_CORRENTI)}}},
    [REL_BALANCE_MARGINE_TESORERIA] = {"margine_tesoreria", "Margine di tesoreria",
        {{+1, S(LIQUIDITA_IMMEDIATE)}, {+1, S(LIQUIDITA_DIFFERITE)},
         {-1, S(PASSIVITA_CORRENTI)}}},
    [REL_BALANCE_PASSIVITA_CONSOLIDATE] = {NULL, "Passività consolidate",
        {{+1, S(PASSIVITA_MEDIO_LUNGO)}, {+1, S(DEBITI_FINANZIARI_NON_CORRENTI)}}},
    [REL_BALANCE_ATTIVO_CIRCOLANTE] = {NULL, "Attivo circolante",
        {{+1, S(LIQUIDITA_IMMEDIATE)}, {+1, S(LIQUIDITA_DIFFERITE)}, {+1, I(RIMANENZE)}}},
    [REL_BALANCE_DEBITI_TRIBUTARI_PREVIDENZIALI_TOTALI] = {NULL,
        "Debiti tributari e previdenziali",
        {{+1, I(DEBITI_TRIBUTARI_PREVIDENZIALI)}, {+1, I(DEBITI_TRIBUTARI_PREVIDENZIALI_OLTRE)}}},
    [REL_BALANCE_TOTALE_ATTIVO] = {NULL, "Totale attivo",
        {{+1, S(CAPITALE_IMMOBILIZZATO)}, {+1, S(ATTIVITA_BREVE)},
         {+1, S(ATTIVITA_FINANZIARIE_CORRENTI)}}},
    [REL_BALANCE_TOTALE_PASSIVO] = {NULL, "Patrimonio netto e passività",
        {{+1, I(PATRIMONIO_NETTO)}, {+1, S(PASSIVITA_BREVE)}, {+1, S(PASSIVITA_MEDIO_LUNGO)},
         {+1, S(DEBITI_FINANZIARI_CORRENTI)}, {+1, S(DEBITI_FINANZIARI_NON_CORRENTI)}}},
    /* Reports that print the sources block (patrimonio netto, debiti
     * finanziari, mezzi propri) list the short-term financial debts net of
     * the liquidity: a debt when positive, the cash when negative. */
    [REL_BALANCE_DEBITI_FINANZIARI_BREVE_NETTI] = {"debiti_finanziari_breve_netti",
        "Debiti finanziari a breve termine al netto delle liquidità",
        {{+1, S(DEBITI_FINANZIARI_CORRENTI)}, {-1, S(ATTIVITA_FINANZIARIE_CORRENTI)}}},
};

typedef struct ratio_definition {
    const char *code;
    const char *name;
    term numerator[MAX_TERMS];
    int denominator;   /* a quantity */
    bool percent;      /* multiplied by 100: points */
} ratio_definition;

static const ratio_definition ratios[REL_BALANCE_RATIO_COUNT] = {
    [REL_BALANCE_LIQUIDITA_PRIMARIA] = {"liquidita_primaria", "Liquidità primaria",
        {{+1, S(LIQUIDITA_IMMEDIATE)}, {+1, S(LIQUIDITA_DIFFERITE)}},
        S(PASSIVITA_CORRENTI), false},
    [REL_BALANCE_LIQUIDITA_SECONDARIA] = {"liquidita_secondaria", "Liquidità secondaria",
        {{+1, S(ATTIVO_CIRCOLANTE)}}, S(PASSIVITA_CORRENTI), false},
    [REL_BALANCE_TASSO_COPERTURA_IMMOBILIZZI] = {"tasso_copertura_immobilizzi",
        "Tasso di copertura degli immobilizzi",
        {{+1, I(PATRIMONIO_NETTO)}, {+1, S(PASSIVITA_CONSOLIDATE)}},
        S(CAPITALE_IMMOBILIZZATO), false},
    [REL_BALANCE_INDICE_PREVIDENZIALE_TRIBUTARIO] = {
        "indice_indebitamento_previdenziale_tributario",
        "Indice di indebitamento previdenziale e tributario",
        {{+1, S(DEBITI_TRIBUTARI_PREVIDENZIALI_TOTALI)}}, S(TOTALE_ATTIVO), true},
};

/* The code of indici.csv that has no standard formula (see balance.h). */
#define UNCHECKED_RATIO "indebitamento"

bool rel_balance_divide(int64_t num, int64_t den, int decimals, int64_t *out)
{
    assert(decimals >= 0 && decimals <= 6);
    if (den == 0)
        return false;
    __int128 scaled = num;
    for (int i = 0; i < decimals; i++)
        scaled *= 10;
    __int128 magnitude = scaled < 0 ? -scaled : scaled;
    __int128 divisor = den < 0 ? -(__int128)den : den;
    __int128 quotient = magnitude / divisor;
    if ((magnitude % divisor) * 2 >= divisor)
        quotient++;
    if ((scaled < 0) != (den < 0))
        quotient = -quotient;
    if (quotient > INT64_MAX || quotient < INT64_MIN)
        return false;
    *out = (int64_t)quotient;
    return true;
}

static int64_t quantity_value(const rel_balance *b, int quantity)
{
    return quantity < REL_BALANCE_ITEM_COUNT ? b->item[quantity]
                                             : b->subtotal[quantity - REL_BALANCE_ITEM_COUNT];
}

/* Sums `terms` into *sum and counts the written items in them; false on
 * overflow. */
static bool sum_terms(const rel_balance *b, const bool *written, const term *terms,
                      int64_t *sum, unsigned *parts)
{
    *sum = 0;
    *parts = 0;
    for (size_t t = 0; t < MAX_TERMS && terms[t].sign != 0; t++) {
        int q = terms[t].quantity;
        int64_t value = quantity_value(b, q);
        if (terms[t].sign < 0 && __builtin_sub_overflow(*sum, value, sum))
            return false;
        if (terms[t].sign > 0 && __builtin_add_overflow(*sum, value, sum))
            return false;
        *parts += q < REL_BALANCE_ITEM_COUNT ? written[q]
                                             : b->parts[q - REL_BALANCE_ITEM_COUNT];
    }
    return true;
}

static int item_of(const char *code)
{
    for (size_t i = 0; i < REL_BALANCE_ITEM_COUNT; i++)
        if (strcmp(rel_balance_sheet_codes[i], code) == 0)
            return (int)i;
    return -1;
}

/* Copies the items of column `col` into b->item; false on overflow. */
static bool read_items(const rel_dataset *sheet, int code, int col, rel_balance *b,
                       bool written[REL_BALANCE_ITEM_COUNT])
{
    for (size_t r = 0; r < sheet->row_count; r++) {
        const rel_row *row = &sheet->rows[r];
        int item = item_of(row->values[code].text);
        const rel_value *cell = &row->values[col];
        if (row->kind != REL_ROW_ITEM || item < 0 || !cell->present)
            continue;
        if (__builtin_add_overflow(b->item[item], cell->number, &b->item[item]))
            return false;
        written[item] = true;
    }
    return true;
}

static bool sum_subtotals(rel_balance *b, const bool written[REL_BALANCE_ITEM_COUNT])
{
    for (size_t s = 0; s < REL_BALANCE_SUBTOTAL_COUNT; s++) {
        unsigned parts;
        if (!sum_terms(b, written, subtotals[s].terms, &b->subtotal[s], &parts))
            return false;
        b->parts[s] = (uint8_t)(parts > UINT8_MAX ? UINT8_MAX : parts);
    }
    return true;
}

/* The ratio at `decimals` (points for a percentage), rounded once from the
 * exact quotient; false when undefined. */
static bool ratio_value(const rel_balance *b, rel_balance_ratio r, int decimals, int64_t *out)
{
    static const bool none[REL_BALANCE_ITEM_COUNT];
    const ratio_definition *def = &ratios[r];
    int64_t numerator;
    unsigned parts;
    if (!sum_terms(b, none, def->numerator, &numerator, &parts))
        return false;
    return rel_balance_divide(numerator, quantity_value(b, def->denominator),
                              decimals + (def->percent ? 2 : 0), out);
}

#ifndef NDEBUG
/* Invariant for assert(): every definition uses only items and earlier
 * subtotals, so one pass in order computes them all. */
static bool definitions_check(void)
{
    for (size_t s = 0; s < REL_BALANCE_SUBTOTAL_COUNT; s++)
        for (size_t t = 0; t < MAX_TERMS && subtotals[s].terms[t].sign; t++)
            if (subtotals[s].terms[t].quantity >= (int)(REL_BALANCE_ITEM_COUNT + s))
                return false;
    return true;
}
#endif

bool rel_balance_compute(const rel_model *model, int year, rel_balance *out)
{
    assert(definitions_check());
    memset(out, 0, sizeof *out);
    out->year = year;
    const rel_dataset *sheet = rel_model_dataset(model, SHEET);
    int code = sheet ? rel_dataset_column(sheet, "codice") : -1;
    int col = sheet ? rel_dataset_year_column(sheet, year) : -1;
    if (code < 0 || col < 0)
        return false;
    out->present = true;
    bool written[REL_BALANCE_ITEM_COUNT] = {false};
    if (!read_items(sheet, code, col, out, written) || !sum_subtotals(out, written)) {
        out->overflow = true;
        return false;
    }
    for (size_t r = 0; r < REL_BALANCE_RATIO_COUNT; r++)
        out->ratio_defined[r] = ratio_value(out, (rel_balance_ratio)r, REL_BALANCE_RATIO_SCALE,
                                            &out->ratio[r]);
    return true;
}

/* ---- Reconciliation ------------------------------------------------------ */

static const rel_origin computed = {NULL, 0, 0};

/* True when every written cell of column `col` is a whole euro: the sheet
 * was then rounded to the euro (art. 2423 c.c.) for that year. */
static bool whole_euros(const rel_dataset *sheet, int col)
{
    for (size_t r = 0; r < sheet->row_count; r++) {
        const rel_value *cell = &sheet->rows[r].values[col];
        if (cell->present && cell->number % 100 != 0)
            return false;
    }
    return true;
}

/* Half a euro per item added, at least one euro; nothing to the cent. */
static int64_t allowance(bool whole, unsigned parts)
{
    if (!whole)
        return 0;
    int64_t euros = parts / 2;
    return (euros < 1 ? 1 : euros) * 100;
}

static int subtotal_of(const char *code)
{
    for (size_t s = 0; s < REL_BALANCE_SUBTOTAL_COUNT; s++)
        if (subtotals[s].code && strcmp(subtotals[s].code, code) == 0)
            return (int)s;
    return -1;
}

static void check_subtotals(const rel_dataset *sheet, int code, int col, const rel_balance *b,
                            rel_findings *findings)
{
    bool whole = whole_euros(sheet, col);
    for (size_t r = 0; r < sheet->row_count; r++) {
        const rel_value *cell = &sheet->rows[r].values[col];
        int s = subtotal_of(sheet->rows[r].values[code].text);
        if (s < 0 || !cell->present)
            continue;
        rel_figure declared = {cell->number, cell->at, "dichiarato"};
        rel_figure expected = {b->subtotal[s], computed, RECOMPUTED};
        rel_findings_check(findings, REL_R_BALANCE_SUBTOTAL, 2, true, declared, expected, 0,
                           allowance(whole, b->parts[s]), "%s al 31/12/%d",
                           subtotals[s].name, b->year);
        rel_findings_describe(findings, NULL, rel_source_derived(findings->arena, "bilancio",
                                                                 b->year, subtotals[s].code));
    }
}

/* Assets against equity and liabilities; the same identity as capitale
 * investito = patrimonio netto - posizione finanziaria netta, since both
 * differences equal the same sum of items. */
static void check_identity(const rel_dataset *sheet, int col, const rel_balance *b,
                           rel_findings *findings)
{
    unsigned parts = b->parts[REL_BALANCE_TOTALE_ATTIVO] + b->parts[REL_BALANCE_TOTALE_PASSIVO];
    rel_figure assets = {b->subtotal[REL_BALANCE_TOTALE_ATTIVO], sheet->columns[col].at,
                         "totale attivo ricalcolato"};
    rel_figure sources = {b->subtotal[REL_BALANCE_TOTALE_PASSIVO], computed,
                          "patrimonio netto e passività ricalcolati"};
    rel_findings_check(findings, REL_R_BALANCE, 2, true, assets, sources, 0,
                       allowance(whole_euros(sheet, col), parts),
                       "Totale attivo uguale a patrimonio netto e passività al 31/12/%d",
                       b->year);
    rel_findings_describe(findings,
                          rel_source_derived(findings->arena, "bilancio", b->year,
                                             rel_balance_subtotal_key(REL_BALANCE_TOTALE_ATTIVO)),
                          rel_source_derived(findings->arena, "bilancio", b->year,
                                             rel_balance_subtotal_key(REL_BALANCE_TOTALE_PASSIVO)));
}

static int ratio_of(const char *code)
{
    for (size_t r = 0; r < REL_BALANCE_RATIO_COUNT; r++)
        if (strcmp(ratios[r].code, code) == 0)
            return (int)r;
    return -1;
}

/* A declared ratio the sheet cannot give: its denominator is zero, or (in
 * theory) its numerator leaves int64. */
static void flag_undefined(const rel_value *cell, rel_balance_ratio r, const rel_balance *b,
                           rel_findings *findings)
{
    int denominator = ratios[r].denominator;
    const char *name = subtotals[denominator - REL_BALANCE_ITEM_COUNT].name;
    if (quantity_value(b, denominator) == 0)
        rel_findings_flag(findings, REL_R_RATIO, cell->at,
                          "%s al 31/12/%d: dichiarato %s, ma non si può ricalcolare "
                          "(denominatore «%s» pari a zero)", ratios[r].name, b->year,
                          cell->text, name);
    else
        rel_findings_flag(findings, REL_R_RATIO, cell->at,
                          "%s al 31/12/%d: dichiarato %s, ma non si può ricalcolare "
                          "(importi fuori scala)", ratios[r].name, b->year, cell->text);
}

static void check_ratio(const rel_value *cell, int scale, rel_balance_ratio r,
                        const rel_balance *b, rel_findings *findings)
{
    int64_t expected;
    if (!ratio_value(b, r, COMPARE_DECIMALS, &expected)) {
        flag_undefined(cell, r, b, findings);
        return;
    }
    rel_figure declared = {rel_number_rescale(cell->number, scale, COMPARE_DECIMALS), cell->at,
                           "dichiarato"};
    rel_figure recomputed = {expected, computed, RECOMPUTED};
    rel_findings_check(findings, REL_R_RATIO, COMPARE_DECIMALS, false, declared, recomputed, 0,
                       0, "%s al 31/12/%d", ratios[r].name, b->year);
    rel_findings_describe(findings, NULL,
                          rel_source_derived(findings->arena, "indici", b->year, ratios[r].code));
}

static void check_ratios(const rel_model *model, const rel_balance *b, rel_findings *findings)
{
    const rel_dataset *table = rel_model_dataset(model, RATIOS);
    int code = table ? rel_dataset_column(table, "codice") : -1;
    int col = table ? rel_dataset_year_column(table, b->year) : -1;
    if (code < 0 || col < 0)
        return;
    int scale = rel_type_scale(table->columns[col].type);
    assert(scale >= COMPARE_DECIMALS);
    for (size_t i = 0; i < table->row_count; i++) {
        const rel_value *cell = &table->rows[i].values[col];
        /* UNCHECKED_RATIO and unknown codes find no ratio */
        int r = ratio_of(table->rows[i].values[code].text);
        if (r >= 0 && cell->present)
            check_ratio(cell, scale, (rel_balance_ratio)r, b, findings);
    }
}

static void reconcile_year(const rel_model *model, int year, rel_findings *findings)
{
    rel_balance b;
    bool ok = rel_balance_compute(model, year, &b);
    if (!b.present)
        return;
    const rel_dataset *sheet = rel_model_dataset(model, SHEET);
    int col = rel_dataset_year_column(sheet, year);
    if (!ok) {
        rel_findings_flag(findings, REL_R_BALANCE, sheet->columns[col].at,
                          "stato patrimoniale al 31/12/%d: importi troppo grandi per essere "
                          "sommati", year);
        return;
    }
    check_subtotals(sheet, rel_dataset_column(sheet, "codice"), col, &b, findings);
    check_identity(sheet, col, &b, findings);
    check_ratios(model, &b, findings);
}

void rel_balance_reconcile(const rel_model *model, rel_findings *findings)
{
    if (model->entity.year <= 0)
        return;
    reconcile_year(model, model->entity.year, findings);
    reconcile_year(model, model->entity.year - 1, findings);
}

const char *rel_balance_item_code(rel_balance_item item)
{
    return (unsigned)item < REL_BALANCE_ITEM_COUNT ? rel_balance_sheet_codes[item] : NULL;
}

const char *rel_balance_subtotal_code(rel_balance_subtotal subtotal)
{
    return (unsigned)subtotal < REL_BALANCE_SUBTOTAL_COUNT ? subtotals[subtotal].code : NULL;
}

/* The keys of the subtotals that cannot be declared (balance.h). */
static const char *const undeclarable_keys[REL_BALANCE_SUBTOTAL_COUNT] = {
    [REL_BALANCE_ATTIVITA_FINANZIARIE_CORRENTI] = "attivita_finanziarie_correnti",
    [REL_BALANCE_DEBITI_FINANZIARI_CORRENTI] = "debiti_finanziari_correnti",
    [REL_BALANCE_DEBITI_FINANZIARI_NON_CORRENTI] = "debiti_finanziari_non_correnti",
    [REL_BALANCE_LIQUIDITA_IMMEDIATE] = "liquidita_immediate",
    [REL_BALANCE_LIQUIDITA_DIFFERITE] = "liquidita_differite",
    [REL_BALANCE_PASSIVITA_CORRENTI] = "passivita_correnti",
    [REL_BALANCE_PASSIVITA_CONSOLIDATE] = "passivita_consolidate",
    [REL_BALANCE_ATTIVO_CIRCOLANTE] = "attivo_circolante",
    [REL_BALANCE_DEBITI_TRIBUTARI_PREVIDENZIALI_TOTALI] = "debiti_tributari_previdenziali_totali",
    [REL_BALANCE_TOTALE_ATTIVO] = "totale_attivo",
    [REL_BALANCE_TOTALE_PASSIVO] = "totale_passivo",
};

const char *rel_balance_subtotal_key(rel_balance_subtotal subtotal)
{
    if ((unsigned)subtotal >= REL_BALANCE_SUBTOTAL_COUNT)
        return NULL;
    return subtotals[subtotal].code ? subtotals[subtotal].code : undeclarable_keys[subtotal];
}

static size_t copy_terms(const term *terms, rel_balance_term *out)
{
    size_t n = 0;
    for (; n < MAX_TERMS && terms[n].sign != 0; n++)
        out[n] = (rel_balance_term){terms[n].sign, terms[n].quantity};
    return n;
}

size_t rel_balance_subtotal_terms(rel_balance_subtotal subtotal, rel_balance_term *out)
{
    return (unsigned)subtotal < REL_BALANCE_SUBTOTAL_COUNT
               ? copy_terms(subtotals[subtotal].terms, out) : 0;
}

size_t rel_balance_ratio_terms(rel_balance_ratio ratio, rel_balance_term *numerator,
                               int *denominator, bool *percent)
{
    if ((unsigned)ratio >= REL_BALANCE_RATIO_COUNT)
        return 0;
    *denominator = ratios[ratio].denominator;
    *percent = ratios[ratio].percent;
    return copy_terms(ratios[ratio].numerator, numerator);
}

const char *rel_balance_subtotal_name(rel_balance_subtotal subtotal)
{
    return (unsigned)subtotal < REL_BALANCE_SUBTOTAL_COUNT ? subtotals[subtotal].name : NULL;
}

const char *rel_balance_ratio_code(rel_balance_ratio ratio)
{
    return (unsigned)ratio < REL_BALANCE_RATIO_COUNT ? ratios[ratio].code : NULL;
}

const char *rel_balance_ratio_name(rel_balance_ratio ratio)
{
    return (unsigned)ratio < REL_BALANCE_RATIO_COUNT ? ratios[ratio].name : NULL;
}
