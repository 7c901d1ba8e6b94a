/*
 * balance.h - the reclassified balance sheet (stato patrimoniale
 * riclassificato, financial criterion) and its standard ratios, recomputed
 * for one year from the items of stato_patrimoniale.csv, and checked
 * against the subtotals and ratios the user declared.
 *
 * Every amount is exact int64_t cents; every ratio a fixed-point integer of
 * scale 4 (1,0583 => 10583; a percentage in points: 1,7824% => 17824),
 * rounded once, half away from zero. docs/INDICATORS.md gives each formula
 * in words and symbols, the sign conventions and a worked example.
 *
 * Sign conventions, in short: items carry their natural sign (assets,
 * liabilities and equity positive; a deficit is a negative patrimonio
 * netto). The financial position is positive when the company holds more
 * liquidity than financial debt, as in art. 2428 reports:
 *
 *     posizione finanziaria netta = indebitamento finanziario corrente
 *                                 + indebitamento finanziario non corrente
 *     liquidità 2.780.146, no debts          => posizione finanziaria netta 2.780.146
 *     capitale investito = patrimonio netto - posizione finanziaria netta
 */
#ifndef REL_COMPUTE_BALANCE_H
#define REL_COMPUTE_BALANCE_H

#include <stdbool.h>
#include <stdint.h>

#include "model/model.h"
#include "reconcile/finding.h"

/* The items of the sheet, in the order of rel_balance_sheet_codes
 * (validate/schema.h); rel_balance_item_code gives the code. They are the only inputs of the computation. */
typedef enum rel_balance_item {
    REL_BALANCE_IMMOBILIZZAZIONI_IMMATERIALI,
    REL_BALANCE_IMMOBILIZZAZIONI_MATERIALI,
    REL_BALANCE_IMMOBILIZZAZIONI_FINANZIARIE,
    REL_BALANCE_RIMANENZE,
    REL_BALANCE_CREDITI_CLIENTI,
    REL_BALANCE_ALTRI_CREDITI,
    REL_BALANCE_RATEI_RISCONTI_ATTIVI,
    REL_BALANCE_DEBITI_FORNITORI,
    REL_BALANCE_ACCONTI,
    REL_BALANCE_DEBITI_TRIBUTARI_PREVIDENZIALI,
    REL_BALANCE_ALTRI_DEBITI,
    REL_BALANCE_RATEI_RISCONTI_PASSIVI,
    REL_BALANCE_TFR,
    REL_BALANCE_DEBITI_TRIBUTARI_PREVIDENZIALI_OLTRE,
    REL_BALANCE_ALTRE_PASSIVITA_MEDIO_LUNGO,
    REL_BALANCE_PATRIMONIO_NETTO,
    REL_BALANCE_DEBITI_FINANZIARI_LUNGO,     /* financial debts not detailed below */
    REL_BALANCE_DEBITI_FINANZIARI_BREVE,     /* likewise, due within 12 months */
    REL_BALANCE_DISPONIBILITA_LIQUIDE,
    REL_BALANCE_ALTRE_ATTIVITA_FINANZIARIE_CORRENTI,
    REL_BALANCE_CREDITI_FINANZIARI_CORRENTI,
    REL_BALANCE_DEBITI_BANCARI_CORRENTI,
    REL_BALANCE_ALTRE_PASSIVITA_FINANZIARIE_CORRENTI,
    REL_BALANCE_DEBITI_LEASING_CORRENTI,
    REL_BALANCE_OBBLIGAZIONI,
    REL_BALANCE_DEBITI_BANCARI_NON_CORRENTI,
    REL_BALANCE_ALTRE_PASSIVITA_FINANZIARIE_NON_CORRENTI,
    REL_BALANCE_DEBITI_LEASING_NON_CORRENTI,
    REL_BALANCE_ITEM_COUNT
} rel_balance_item;

/* The subtotals, in the order they are computed: each from items and the
 * subtotals before it. Those rel_balance_subtotal_code names (twelve) can
 * be declared in the sheet; the others exist for the ratios and the
 * identity. */
typedef enum rel_balance_subtotal {
    REL_BALANCE_CAPITALE_IMMOBILIZZATO,
    REL_BALANCE_ATTIVITA_BREVE,
    REL_BALANCE_PASSIVITA_BREVE,
    REL_BALANCE_CAPITALE_ESERCIZIO_NETTO,
    REL_BALANCE_PASSIVITA_MEDIO_LUNGO,
    REL_BALANCE_CAPITALE_INVESTITO,
    REL_BALANCE_ATTIVITA_FINANZIARIE_CORRENTI,        /* not declarable */
    REL_BALANCE_DEBITI_FINANZIARI_CORRENTI,           /* not declarable */
    REL_BALANCE_DEBITI_FINANZIARI_NON_CORRENTI,       /* not declarable */
    REL_BALANCE_INDEBITAMENTO_FINANZIARIO_CORRENTE,
    REL_BALANCE_INDEBITAMENTO_FINANZIARIO_NON_CORRENTE,
    REL_BALANCE_POSIZIONE_FINANZIARIA_NETTA,
    REL_BALANCE_MEZZI_PROPRI_INDEBITAMENTO,
    REL_BALANCE_LIQUIDITA_IMMEDIATE,                  /* not declarable */
    REL_BALANCE_LIQUIDITA_DIFFERITE,                  /* not declarable */
    REL_BALANCE_PASSIVITA_CORRENTI,                   /* not declarable */
    REL_BALANCE_MARGINE_TESORERIA,
    REL_BALANCE_PASSIVITA_CONSOLIDATE,                /* not declarable */
    REL_BALANCE_ATTIVO_CIRCOLANTE,                    /* not declarable */
    REL_BALANCE_DEBITI_TRIBUTARI_PREVIDENZIALI_TOTALI, /* not declarable */
    REL_BALANCE_TOTALE_ATTIVO,                        /* not declarable */
    REL_BALANCE_TOTALE_PASSIVO,    /* patrimonio netto and passività; not declarable */
    REL_BALANCE_DEBITI_FINANZIARI_BREVE_NETTI,   /* = -IFC, as a sources block prints it */
    REL_BALANCE_SUBTOTAL_COUNT
} rel_balance_subtotal;

/* The ratios of indici.csv that have a standard formula. `indebitamento`
 * has none (reports compute it in different ways): it is not recomputed,
 * and a declared one is left unchecked here; its formula is to be declared
 * by the user elsewhere. */
typedef enum rel_balance_ratio {
    REL_BALANCE_LIQUIDITA_PRIMARIA,
    REL_BALANCE_LIQUIDITA_SECONDARIA,
    REL_BALANCE_TASSO_COPERTURA_IMMOBILIZZI,
    REL_BALANCE_INDICE_PREVIDENZIALE_TRIBUTARIO,   /* a percentage */
    REL_BALANCE_RATIO_COUNT
} rel_balance_ratio;

/* Decimals of rel_balance.ratio. */
#define REL_BALANCE_RATIO_SCALE 4

typedef struct rel_balance {
    int year;
    bool present;      /* the sheet has a column for `year` */
    bool overflow;     /* a sum left int64: nothing below is meaningful */
    int64_t item[REL_BALANCE_ITEM_COUNT];           /* cents; an absent item is 0 */
    int64_t subtotal[REL_BALANCE_SUBTOTAL_COUNT];   /* cents */
    /* items written in the sheet that enter each subtotal: sizes the
     * rounding allowance of a sheet in whole euros */
    uint8_t parts[REL_BALANCE_SUBTOTAL_COUNT];
    int64_t ratio[REL_BALANCE_RATIO_COUNT];         /* scale 4; percentages in points */
    bool ratio_defined[REL_BALANCE_RATIO_COUNT];    /* false: division by zero */
} rel_balance;

/* Recomputes the sheet of fiscal year `year` from the REL_ROW_ITEM rows of
 * stato_patrimoniale whose code is an item; declared subtotals are never
 * inputs. Always fills *out. Returns false when there is nothing to
 * compute (no stato_patrimoniale, or no column for `year`: out->present is
 * false) or a sum overflows int64 (out->overflow is true). */
bool rel_balance_compute(const rel_model *model, int year, rel_balance *out);

/* Checks the years N and N-1 whose column the sheet has, recording in
 * `findings`:
 *  - R010 every declared subtotal of stato_patrimoniale (a non-empty cell)
 *    against its recomputed value, exact to the cent; when every cell of
 *    the year's column is in whole euros, a difference up to half a euro
 *    per item entering the subtotal (at least 1 €) is a rounding difference;
 *  - R012 the identity totale attivo = patrimonio netto + passività (the
 *    same as capitale investito = mezzi propri + indebitamento finanziario
 *    netto), with the same allowance;
 *  - R011 every declared ratio of indici.csv but `indebitamento`, both
 *    sides at 2 decimals, the recomputed one rounded once from the exact
 *    quotient; tolerance 0. A declared ratio whose denominator is zero is
 *    flagged.
 * Nothing is checked without stato_patrimoniale. Never fails; memory
 * exhaustion is marked in findings->out_of_memory. */
void rel_balance_reconcile(const rel_model *model, rel_findings *findings);

/* num / den at `decimals` (0 to 6) decimals, rounded half away from zero
 * (the rule of rel_number_rescale), exactly. Returns false, leaving *out
 * untouched, when den is 0 or the quotient does not fit int64.
 *     rel_balance_divide(691878000, 653750600, 4, &q)  => q = 10583
 *     rel_balance_divide(-5, 200, 2, &q)               => q = -3 (-0,025) */
bool rel_balance_divide(int64_t num, int64_t den, int decimals, int64_t *out);

/* The code of an item in the sheet: "disponibilita_liquide". */
const char *rel_balance_item_code(rel_balance_item item);

/* The code of a subtotal in the sheet ("margine_tesoreria"), or NULL for
 * one that cannot be declared. */
const char *rel_balance_subtotal_code(rel_balance_subtotal subtotal);

/* A stable key for every subtotal: its code when declarable, else a name
 * in the same style ("totale_attivo"). For back ends that name them. */
const char *rel_balance_subtotal_key(rel_balance_subtotal subtotal);

/* A quantity of the sheet: an item (below REL_BALANCE_ITEM_COUNT) or a
 * subtotal (REL_BALANCE_ITEM_COUNT + its index), with its sign in a sum. */
typedef struct rel_balance_term {
    int sign;
    int quantity;
} rel_balance_term;

/* The definition of `subtotal` as terms over items and earlier subtotals
 * (at most REL_BALANCE_MAX_TERMS, into `out`); returns how many. For back
 * ends that write the sheet as formulas. */
#define REL_BALANCE_MAX_TERMS 6
size_t rel_balance_subtotal_terms(rel_balance_subtotal subtotal, rel_balance_term *out);

/* The definition of `ratio`: its numerator's terms (returns how many), its
 * denominator quantity, and whether it is a percentage (x 100). */
size_t rel_balance_ratio_terms(rel_balance_ratio ratio, rel_balance_term *numerator,
                               int *denominator, bool *percent);

/* The Italian name of a subtotal: "Capitale d'esercizio netto". */
const char *rel_balance_subtotal_name(rel_balance_subtotal subtotal);

/* The code of a ratio in indici.csv ("liquidita_primaria") and its Italian
 * name ("Liquidità primaria"). */
const char *rel_balance_ratio_code(rel_balance_ratio ratio);
const char *rel_balance_ratio_name(rel_balance_ratio ratio);

#endif
