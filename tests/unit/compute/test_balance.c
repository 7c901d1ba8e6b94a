/* The reclassified balance sheet and its ratios: recomputed by hand from
 * the example input and from the published report of seeds/003, and
 * checked against what each declares. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "compute/balance.h"
#include "core/codes.h"
#include "pipeline/load_model.h"
#include "validate/schema.h"

#define EURO(x) ((int64_t)(x) * 100)

static rel_arena arena;
static rel_diags diags;
static rel_model model;
static rel_findings findings;

static int load(const char *dir)
{
    rel_arena_init(&arena);
    rel_diags_init(&diags, &arena);
    rel_findings_init(&findings, &arena);
    if (!rel_model_load(dir, &arena, &diags, &model) || diags.errors != 0)
        return -1;
    return 0;
}

static int load_example(void **state)
{
    (void)state;
    return load(REL_SOURCE_DIR "/input");
}

static int load_seed(void **state)
{
    (void)state;
    return load(REL_SOURCE_DIR "/tests/golden/seed003");
}

static int load_transcription(void **state)
{
    (void)state;
    return load(REL_SOURCE_DIR "/examples/asc2023");
}

static int release(void **state)
{
    (void)state;
    rel_findings_free(&findings);
    rel_diags_free(&diags);
    rel_arena_free(&arena);
    return 0;
}

/* The check named `name`, or NULL. */
static const rel_finding *find(const char *name)
{
    for (size_t i = 0; i < findings.count; i++)
        if (strcmp(findings.items[i].check, name) == 0)
            return &findings.items[i];
    return NULL;
}

static const rel_finding *must_find(const char *name)
{
    const rel_finding *f = find(name);
    if (f == NULL)
        fail_msg("no check «%s»", name);
    return f;
}

static void expect_status(const char *name, rel_check_status status)
{
    const rel_finding *f = must_find(name);
    if (f->status != status)
        fail_msg("«%s»: status %d, expected %d", name, (int)f->status, (int)status);
}

static size_t count_code(const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < findings.count; i++)
        n += strcmp(findings.items[i].code, code) == 0;
    return n;
}

/* The cell of `dataset` in the row of `code`, year column `year`. */
static rel_value *cell(const char *dataset, const char *code, int year)
{
    rel_dataset *d = (rel_dataset *)rel_model_dataset(&model, dataset);
    assert_non_null(d);
    int codice = rel_dataset_column(d, "codice"), col = rel_dataset_year_column(d, year);
    assert_true(codice >= 0 && col >= 0);
    for (size_t r = 0; r < d->row_count; r++)
        if (strcmp(d->rows[r].values[codice].text, code) == 0)
            return &d->rows[r].values[col];
    fail_msg("no row «%s» in %s", code, dataset);
    return NULL;
}

static void test_divide_rounds_half_away_from_zero(void **state)
{
    (void)state;
    int64_t q = 7;
    assert_true(rel_balance_divide(691878000, 653750600, 4, &q));
    assert_int_equal(q, 10583);
    assert_true(rel_balance_divide(-5, 200, 2, &q));     /* -0,025 */
    assert_int_equal(q, -3);
    assert_true(rel_balance_divide(5, -200, 2, &q));
    assert_int_equal(q, -3);
    assert_true(rel_balance_divide(4, 200, 2, &q));      /* 0,02 */
    assert_int_equal(q, 2);
    assert_true(rel_balance_divide(1, 3, 4, &q));
    assert_int_equal(q, 3333);
    assert_true(rel_balance_divide(2, 3, 4, &q));
    assert_int_equal(q, 6667);
    q = 7;
    assert_false(rel_balance_divide(1, 0, 4, &q));
    assert_false(rel_balance_divide(INT64_MAX, 1, 1, &q));
    assert_int_equal(q, 7);
    assert_true(rel_balance_divide(INT64_MIN, 1, 0, &q));
    assert_true(q == INT64_MIN);
}

static void test_names_follow_the_vocabulary(void **state)
{
    (void)state;
    assert_string_equal(rel_balance_item_code(REL_BALANCE_DISPONIBILITA_LIQUIDE),
                        "disponibilita_liquide");
    assert_string_equal(rel_balance_item_code(REL_BALANCE_DEBITI_LEASING_NON_CORRENTI),
                        "debiti_leasing_non_correnti");
    assert_string_equal(rel_balance_subtotal_code(REL_BALANCE_MARGINE_TESORERIA),
                        "margine_tesoreria");
    assert_null(rel_balance_subtotal_code(REL_BALANCE_TOTALE_ATTIVO));
    assert_string_equal(rel_balance_subtotal_name(REL_BALANCE_CAPITALE_ESERCIZIO_NETTO),
                        "Capitale d'esercizio netto");
    assert_string_equal(rel_balance_ratio_code(REL_BALANCE_INDICE_PREVIDENZIALE_TRIBUTARIO),
                        "indice_indebitamento_previdenziale_tributario");
    assert_null(rel_balance_ratio_name(REL_BALANCE_RATIO_COUNT));
}

/* The codes of balance.c are exactly the vocabularies of the schemas: the
 * items then the declarable subtotals of stato_patrimoniale, and the ratios
 * of indici but `indebitamento`. */
static void test_codes_match_the_schemas(void **state)
{
    (void)state;
    const char *const *sheet = rel_schema_find("stato_patrimoniale")->columns[0].codes;
    size_t n = 0;
    for (int i = 0; i < REL_BALANCE_ITEM_COUNT; i++)
        assert_string_equal(sheet[n++], rel_balance_item_code((rel_balance_item)i));
    for (int s = 0; s < REL_BALANCE_SUBTOTAL_COUNT; s++) {
        const char *code = rel_balance_subtotal_code((rel_balance_subtotal)s);
        bool found = code == NULL;
        for (size_t k = REL_BALANCE_ITEM_COUNT; code && sheet[k]; k++)
            found = found || strcmp(sheet[k], code) == 0;
        n += code != NULL;
        if (!found)
            fail_msg("subtotal «%s» not in the vocabulary", code);
    }
    assert_null(sheet[n]);
    const char *const *ratios = rel_schema_find("indici")->columns[0].codes;
    size_t m = 0;
    for (; ratios[m]; m++) {
        bool known = strcmp(ratios[m], "indebitamento") == 0;
        for (int r = 0; r < REL_BALANCE_RATIO_COUNT; r++)
            known = known || strcmp(ratios[m], rel_balance_ratio_code((rel_balance_ratio)r)) == 0;
        if (!known)
            fail_msg("ratio «%s» has no formula", ratios[m]);
    }
    assert_int_equal(m, REL_BALANCE_RATIO_COUNT + 1);
}

/* input/stato_patrimoniale.csv, column 31/12/2024, by hand:
 *   capitale immobilizzato = 28.806 + 50.504 + 1.400               = 80.710
 *   attività breve   = altri crediti 1.113.377 + ratei attivi 25.257 = 1.138.634
 *   passività breve  = 492.250 + 124.759 + 114.817 + 405.680       = 1.137.506
 *   capitale d'esercizio netto = 1.138.634 - 1.137.506              = 1.128
 *   passività m/l    = TFR                                          = 233.974
 *   capitale investito = 80.710 + 1.128 - 233.974                   = -152.136
 *   indebitamento fin. corrente = liquidità 728.227 - debiti 0      = 728.227
 *   indebitamento fin. non corrente = -(debiti oltre 0)              = 0
 *   posizione finanziaria netta = 728.227 + 0                       = 728.227
 *   mezzi propri e indeb. fin. netto = PN 576.091 - PFN 728.227     = -152.136
 *   liquidità immediate 728.227; differite 1.113.377 + 25.257       = 1.138.634
 *   margine di tesoreria = 728.227 + 1.138.634 - 1.137.506          = 729.355
 *   totale attivo  = 80.710 + 1.138.634 + 728.227                   = 1.947.571
 *   PN e passività = 576.091 + 1.137.506 + 233.974                  = 1.947.571
 *   liquidità primaria = 1.866.861 / 1.137.506 = 1,64118...         => 1,6412
 *   liquidità secondaria = (1.866.861 + rimanenze 0) / 1.137.506    => 1,6412
 *   copertura immobilizzi = (576.091 + 233.974) / 80.710
 *                         = 810.065 / 80.710 = 10,03673...          => 10,0367
 *   prev. e tributario = 124.759 / 1.947.571 = 6,40587...%          => 6,4059% */
static void test_example_2024(void **state)
{
    (void)state;
    rel_balance b;
    assert_true(rel_balance_compute(&model, 2024, &b));
    assert_true(b.present);
    assert_false(b.overflow);
    assert_int_equal(b.item[REL_BALANCE_PATRIMONIO_NETTO], EURO(576091));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_IMMOBILIZZATO], EURO(80710));
    assert_int_equal(b.subtotal[REL_BALANCE_ATTIVITA_BREVE], EURO(1138634));
    assert_int_equal(b.subtotal[REL_BALANCE_PASSIVITA_BREVE], EURO(1137506));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_ESERCIZIO_NETTO], EURO(1128));
    assert_int_equal(b.subtotal[REL_BALANCE_PASSIVITA_MEDIO_LUNGO], EURO(233974));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_INVESTITO], EURO(-152136));
    assert_int_equal(b.subtotal[REL_BALANCE_INDEBITAMENTO_FINANZIARIO_CORRENTE], EURO(728227));
    assert_int_equal(b.subtotal[REL_BALANCE_INDEBITAMENTO_FINANZIARIO_NON_CORRENTE], 0);
    assert_int_equal(b.subtotal[REL_BALANCE_POSIZIONE_FINANZIARIA_NETTA], EURO(728227));
    assert_int_equal(b.subtotal[REL_BALANCE_MEZZI_PROPRI_INDEBITAMENTO], EURO(-152136));
    assert_int_equal(b.subtotal[REL_BALANCE_LIQUIDITA_IMMEDIATE], EURO(728227));
    assert_int_equal(b.subtotal[REL_BALANCE_LIQUIDITA_DIFFERITE], EURO(1138634));
    assert_int_equal(b.subtotal[REL_BALANCE_MARGINE_TESORERIA], EURO(729355));
    assert_int_equal(b.subtotal[REL_BALANCE_TOTALE_ATTIVO], EURO(1947571));
    assert_int_equal(b.subtotal[REL_BALANCE_TOTALE_PASSIVO], EURO(1947571));
    for (int r = 0; r < REL_BALANCE_RATIO_COUNT; r++)
        assert_true(b.ratio_defined[r]);
    assert_int_equal(b.ratio[REL_BALANCE_LIQUIDITA_PRIMARIA], 16412);
    assert_int_equal(b.ratio[REL_BALANCE_LIQUIDITA_SECONDARIA], 16412);
    assert_int_equal(b.ratio[REL_BALANCE_TASSO_COPERTURA_IMMOBILIZZI], 100367);
    assert_int_equal(b.ratio[REL_BALANCE_INDICE_PREVIDENZIALE_TRIBUTARIO], 64059);
}

/* Column 31/12/2023, by hand:
 *   capitale immobilizzato = 37.992 + 33.635 + 1.400                = 73.027
 *   attività breve   = 962.152 + 12.844                             = 974.996
 *   passività breve  = 403.237 + 102.704 + 97.067 + 363.268         = 966.276
 *   capitale d'esercizio netto = 974.996 - 966.276                  = 8.720
 *   passività m/l = TFR                                             = 201.633
 *   capitale investito = 73.027 + 8.720 - 201.633                   = -119.886
 *   posizione finanziaria netta = liquidità 647.762                 = 647.762
 *   mezzi propri e indeb. fin. netto = 527.876 - 647.762            = -119.886
 *   margine di tesoreria = 647.762 + 974.996 - 966.276              = 656.482
 *   totale attivo = 73.027 + 974.996 + 647.762                      = 1.695.785
 *   PN e passività = 527.876 + 966.276 + 201.633                    = 1.695.785
 *   liquidità primaria = 1.622.758 / 966.276 = 1,67939...           => 1,6794
 *   copertura immobilizzi = 729.509 / 73.027 = 9,98957...           => 9,9896
 *   prev. e tributario = 102.704 / 1.695.785 = 6,05642...%          => 6,0564% */
static void test_example_2023(void **state)
{
    (void)state;
    rel_balance b;
    assert_true(rel_balance_compute(&model, 2023, &b));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_IMMOBILIZZATO], EURO(73027));
    assert_int_equal(b.subtotal[REL_BALANCE_ATTIVITA_BREVE], EURO(974996));
    assert_int_equal(b.subtotal[REL_BALANCE_PASSIVITA_BREVE], EURO(966276));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_ESERCIZIO_NETTO], EURO(8720));
    assert_int_equal(b.subtotal[REL_BALANCE_PASSIVITA_MEDIO_LUNGO], EURO(201633));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_INVESTITO], EURO(-119886));
    assert_int_equal(b.subtotal[REL_BALANCE_INDEBITAMENTO_FINANZIARIO_CORRENTE], EURO(647762));
    assert_int_equal(b.subtotal[REL_BALANCE_INDEBITAMENTO_FINANZIARIO_NON_CORRENTE], 0);
    assert_int_equal(b.subtotal[REL_BALANCE_POSIZIONE_FINANZIARIA_NETTA], EURO(647762));
    assert_int_equal(b.subtotal[REL_BALANCE_MEZZI_PROPRI_INDEBITAMENTO], EURO(-119886));
    assert_int_equal(b.subtotal[REL_BALANCE_MARGINE_TESORERIA], EURO(656482));
    assert_int_equal(b.subtotal[REL_BALANCE_TOTALE_ATTIVO], EURO(1695785));
    assert_int_equal(b.subtotal[REL_BALANCE_TOTALE_PASSIVO], EURO(1695785));
    assert_int_equal(b.ratio[REL_BALANCE_LIQUIDITA_PRIMARIA], 16794);
    assert_int_equal(b.ratio[REL_BALANCE_LIQUIDITA_SECONDARIA], 16794);
    assert_int_equal(b.ratio[REL_BALANCE_TASSO_COPERTURA_IMMOBILIZZI], 99896);
    assert_int_equal(b.ratio[REL_BALANCE_INDICE_PREVIDENZIALE_TRIBUTARIO], 60564);
}

static void test_example_has_no_other_year(void **state)
{
    (void)state;
    rel_balance b;
    assert_false(rel_balance_compute(&model, 2022, &b));
    assert_false(b.present);
    assert_false(b.overflow);
}

/* The example declares 3 subtotals and 4 ratios per year; with the identity
 * that is 16 checks, and every one holds. */
static void test_example_reconciles(void **state)
{
    (void)state;
    rel_balance_reconcile(&model, &findings);
    assert_false(findings.out_of_memory);
    assert_int_equal(findings.count, 16);
    assert_int_equal(findings.errors, 0);
    assert_int_equal(findings.roundings, 0);
    assert_int_equal(count_code(REL_R_BALANCE_SUBTOTAL), 6);
    assert_int_equal(count_code(REL_R_RATIO), 8);
    assert_int_equal(count_code(REL_R_BALANCE), 2);
    const rel_finding *f = must_find("Posizione finanziaria netta al 31/12/2023");
    assert_int_equal(f->declared.value, EURO(647762));
    assert_int_equal(f->declared.at.line, 16);   /* the cell after "…;728.227;" */
    assert_int_equal(f->declared.at.col, 65);
    assert_string_equal(f->declared.how, "dichiarato");
    assert_null(f->expected.at.file);
    assert_string_equal(f->expected.how, "ricalcolato dallo stato patrimoniale");
    f = must_find("Indice di indebitamento previdenziale e tributario al 31/12/2024");
    assert_int_equal(f->scale, 2);
    assert_false(f->money);
    assert_int_equal(f->declared.value, 641);
    assert_int_equal(f->expected.value, 641);
    expect_status("Totale attivo uguale a patrimonio netto e passività al 31/12/2024",
                  REL_CHECK_MATCH);
}

/* A sheet in whole euros may be off by 1 € per two items (at least 1 €) as
 * a rounding difference; one cent anywhere in the column means the sheet is
 * to the cent, and then nothing is rounding. */
static void test_whole_euros_allow_rounding(void **state)
{
    (void)state;
    rel_value *declared = cell("stato_patrimoniale", "capitale_immobilizzato", 2024);
    declared->number = EURO(80711);   /* 3 items: allowance 1 € */
    rel_balance_reconcile(&model, &findings);
    expect_status("Capitale immobilizzato al 31/12/2024", REL_CHECK_ROUNDING);
    assert_int_equal(findings.errors, 0);
    assert_int_equal(findings.roundings, 1);

    rel_findings_free(&findings);
    rel_findings_init(&findings, &arena);
    declared->number = EURO(80712);
    rel_balance_reconcile(&model, &findings);
    expect_status("Capitale immobilizzato al 31/12/2024", REL_CHECK_ERROR);

    rel_findings_free(&findings);
    rel_findings_init(&findings, &arena);
    declared->number = EURO(80710) + 1;   /* 80.710,01: the column is to the cent */
    rel_balance_reconcile(&model, &findings);
    expect_status("Capitale immobilizzato al 31/12/2024", REL_CHECK_ERROR);
    assert_int_equal(findings.errors, 1);
}

/* Without immobilizzazioni the coverage ratio has no denominator: the
 * declared 10,04 is flagged, not compared. */
static void test_ratio_without_denominator_is_flagged(void **state)
{
    (void)state;
    cell("stato_patrimoniale", "immobilizzazioni_immateriali", 2024)->present = false;
    cell("stato_patrimoniale", "immobilizzazioni_materiali", 2024)->present = false;
    cell("stato_patrimoniale", "immobilizzazioni_finanziarie", 2024)->present = false;
    rel_balance b;
    assert_true(rel_balance_compute(&model, 2024, &b));
    assert_false(b.ratio_defined[REL_BALANCE_TASSO_COPERTURA_IMMOBILIZZI]);
    assert_true(b.ratio_defined[REL_BALANCE_LIQUIDITA_PRIMARIA]);
    rel_balance_reconcile(&model, &findings);
    const rel_value *declared = cell("indici", "tasso_copertura_immobilizzi", 2024);
    bool flagged = false;
    for (size_t i = 0; i < findings.count; i++) {
        const rel_finding *f = &findings.items[i];
        if (!f->numeric && strcmp(f->code, REL_R_RATIO) == 0
            && f->declared.at.line == declared->at.line)
            flagged = strstr(f->check, "«Capitale immobilizzato» pari a zero") != NULL;
    }
    assert_true(flagged);
}

static void test_overflow_is_flagged(void **state)
{
    (void)state;
    cell("stato_patrimoniale", "altri_crediti", 2024)->number = INT64_MAX;
    rel_balance b;
    assert_false(rel_balance_compute(&model, 2024, &b));
    assert_true(b.present);
    assert_true(b.overflow);
    rel_balance_reconcile(&model, &findings);
    assert_int_equal(count_code(REL_R_BALANCE), 2);   /* the flag, and 2023's identity */
    assert_int_equal(findings.errors, 1);
}

/* tests/golden/seed003 transcribes the "Principali dati patrimoniali" and
 * "finanziari" of seeds/003 (lines 398-456), figures copied as printed, with
 * three choices:
 *  - the report prints the sources block (patrimonio netto, debiti
 *    finanziari, mezzi propri e indebitamento) with the opposite sign, so
 *    that it offsets capitale investito: "Patrimonio netto (28.010)". The
 *    equity is +28.010 (the capitale sociale 77.876 less the year's loss
 *    49.866, both stated in the report), and only that sign gives the
 *    printed coverage ratios 5,72 and 6,29; so patrimonio_netto is 28.010 /
 *    77.876 and mezzi_propri_indebitamento (2.752.136), each with its own
 *    sign;
 *  - "Debiti di natura finanziaria a breve termine 2.780.146 / 2.147.762" is
 *    not transcribed: it equals the disponibilità liquide, i.e. it is the
 *    net short-term financial position of the sources block, not a debt
 *    (the report states there are no bank debts and no financial charges).
 *    Entered as debiti_finanziari_breve it would invent 2,78 M€ of debt;
 *  - the 2022 cell of "Mezzi propri e indebitamento finanziario netto" is
 *    blank in the report, and stays blank: a blank declared subtotal is not
 *    declared, so it is not checked (as a blank TOTALE cell). The report's
 *    variazione 2.752.136 shows its author took it as 0; the right figure is
 *    -2.069.886 (77.876 - 2.147.762), asserted below as recomputed.
 * The other files (a placeholder schede.csv, excerpts of the report in
 * testi/, non_applicabile.csv) only make `relazione check` pass. */
static void test_seed_2023_recomputed(void **state)
{
    (void)state;
    rel_balance b;
    assert_true(rel_balance_compute(&model, 2023, &b));
    /* 28.806 + 50.504 + 1.400 = 80.710; 4.113.377 + 25.257 = 4.138.634;
     * 2.092.250 + 124.759 + 114.817 + 4.205.680 = 6.537.506; 4.138.634 -
     * 6.537.506 = -2.398.872; 80.710 - 2.398.872 - 433.974 = -2.752.136 */
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_IMMOBILIZZATO], EURO(80710));
    assert_int_equal(b.subtotal[REL_BALANCE_ATTIVITA_BREVE], EURO(4138634));
    assert_int_equal(b.subtotal[REL_BALANCE_PASSIVITA_BREVE], EURO(6537506));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_ESERCIZIO_NETTO], EURO(-2398872));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_INVESTITO], EURO(-2752136));
    /* 28.010 - 2.780.146 = -2.752.136 = capitale investito */
    assert_int_equal(b.subtotal[REL_BALANCE_MEZZI_PROPRI_INDEBITAMENTO], EURO(-2752136));
    /* no financial debt: 0 - 2.780.146, the cash */
    assert_int_equal(b.subtotal[REL_BALANCE_DEBITI_FINANZIARI_BREVE_NETTI], EURO(-2780146));
    /* (2.780.146 + 4.138.634) - 6.537.506 = 6.918.780 - 6.537.506 = 381.274 */
    assert_int_equal(b.subtotal[REL_BALANCE_MARGINE_TESORERIA], EURO(381274));
    /* 80.710 + 4.138.634 + 2.780.146 = 6.999.490 = 28.010 + 6.537.506 + 433.974 */
    assert_int_equal(b.subtotal[REL_BALANCE_TOTALE_ATTIVO], EURO(6999490));
    assert_int_equal(b.subtotal[REL_BALANCE_TOTALE_PASSIVO], EURO(6999490));
    /* 6.918.780 / 6.537.506 = 1,05832; 461.984 / 80.710 = 5,72400;
     * 124.759 / 6.999.490 = 1,78240% */
    assert_int_equal(b.ratio[REL_BALANCE_LIQUIDITA_PRIMARIA], 10583);
    assert_int_equal(b.ratio[REL_BALANCE_LIQUIDITA_SECONDARIA], 10583);
    assert_int_equal(b.ratio[REL_BALANCE_TASSO_COPERTURA_IMMOBILIZZI], 57240);
    assert_int_equal(b.ratio[REL_BALANCE_INDICE_PREVIDENZIALE_TRIBUTARIO], 17824);
}

/* 31/12/2022 by hand, from the 2022 column the report prints:
 *   capitale immobilizzato = 37.992 + 33.635 + 1.400 = 73.027 (printed 73.027)
 *   attività breve = 4.662.152 + 12.844 = 4.674.996 (printed 4.674.996)
 *   passività breve = 1.103.237 + 202.704 + 167.067 + 4.963.268 = 6.436.276
 *   capitale d'esercizio netto = 4.674.996 - 6.436.276 = -1.761.280
 *   capitale investito = 73.027 - 1.761.280 - 381.633 = -2.069.886
 *   posizione finanziaria netta = liquidità 2.147.762 (printed 2.780.146,
 *     the 2023 figure pasted: the "Variazione" column of the same table is
 *     blank, and the balance sheet above prints 2.147.762)
 *   indebitamento finanziario corrente netto = 2.147.762 (printed 2.780.146)
 *   mezzi propri e indeb. fin. netto = 77.876 - 2.147.762 = -2.069.886
 *   margine di tesoreria = (2.147.762 + 4.674.996) - 6.436.276
 *                        = 6.822.758 - 6.436.276 = 386.482 (printed 5.336.906)
 *   liquidità primaria = secondaria = 6.822.758 / 6.436.276 = 1,06005
 *     => 1,06 (printed 4,63)
 *   copertura = (77.876 + 381.633) / 73.027 = 459.509 / 73.027 = 6,29232
 *     => 6,29 (printed 6,29: holds)
 *   totale attivo = 73.027 + 4.674.996 + 2.147.762 = 6.895.785
 *                 = 77.876 + 6.436.276 + 381.633 (holds)
 *   prev. e tributario = 202.704 / 6.895.785 = 2,93953% => 2,94% (holds)
 * Where the printed figures come from: 5.336.906 leaves out the ratei e
 * risconti on both sides, (2.147.762 + 4.662.152) - (1.103.237 + 202.704 +
 * 167.067) = 6.809.914 - 1.473.008; 4,63 leaves out only the passivi,
 * 6.822.758 / 1.473.008 = 4,6319 (without the attivi too: 4,62). The 2023
 * column includes them all (381.274, 1,06): the two columns, and even two
 * figures of the 2022 column, were computed by different methods; 2022 is
 * flagged. */
static void test_seed_2022_recomputed(void **state)
{
    (void)state;
    rel_balance b;
    assert_true(rel_balance_compute(&model, 2022, &b));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_IMMOBILIZZATO], EURO(73027));
    assert_int_equal(b.subtotal[REL_BALANCE_ATTIVITA_BREVE], EURO(4674996));
    assert_int_equal(b.subtotal[REL_BALANCE_PASSIVITA_BREVE], EURO(6436276));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_ESERCIZIO_NETTO], EURO(-1761280));
    assert_int_equal(b.subtotal[REL_BALANCE_PASSIVITA_MEDIO_LUNGO], EURO(381633));
    assert_int_equal(b.subtotal[REL_BALANCE_CAPITALE_INVESTITO], EURO(-2069886));
    assert_int_equal(b.subtotal[REL_BALANCE_INDEBITAMENTO_FINANZIARIO_CORRENTE], EURO(2147762));
    assert_int_equal(b.subtotal[REL_BALANCE_POSIZIONE_FINANZIARIA_NETTA], EURO(2147762));
    assert_int_equal(b.subtotal[REL_BALANCE_MEZZI_PROPRI_INDEBITAMENTO], EURO(-2069886));
    assert_int_equal(b.subtotal[REL_BALANCE_DEBITI_FINANZIARI_BREVE_NETTI], EURO(-2147762));
    assert_int_equal(b.subtotal[REL_BALANCE_MARGINE_TESORERIA], EURO(386482));
    assert_int_equal(b.subtotal[REL_BALANCE_TOTALE_ATTIVO], EURO(6895785));
    assert_int_equal(b.subtotal[REL_BALANCE_TOTALE_PASSIVO], EURO(6895785));
    assert_int_equal(b.ratio[REL_BALANCE_LIQUIDITA_PRIMARIA], 10600);
    assert_int_equal(b.ratio[REL_BALANCE_LIQUIDITA_SECONDARIA], 10600);
    assert_int_equal(b.ratio[REL_BALANCE_TASSO_COPERTURA_IMMOBILIZZI], 62923);
    assert_int_equal(b.ratio[REL_BALANCE_INDICE_PREVIDENZIALE_TRIBUTARIO], 29395);
}

static void test_seed_2023_holds(void **state)
{
    (void)state;
    rel_balance_reconcile(&model, &findings);
    static const char *const holds[] = {
        "Capitale immobilizzato al 31/12/2023",
        "Attività d'esercizio a breve termine al 31/12/2023",
        "Passività d'esercizio a breve termine al 31/12/2023",
        "Capitale d'esercizio netto al 31/12/2023",
        "Passività a medio lungo termine al 31/12/2023",
        "Capitale investito al 31/12/2023",
        "Mezzi propri e indebitamento finanziario netto al 31/12/2023",
        "Indebitamento finanziario corrente netto al 31/12/2023",
        "Posizione finanziaria netta al 31/12/2023",
        "Margine di tesoreria al 31/12/2023",
        "Totale attivo uguale a patrimonio netto e passività al 31/12/2023",
        "Liquidità primaria al 31/12/2023",
        "Liquidità secondaria al 31/12/2023",
        "Tasso di copertura degli immobilizzi al 31/12/2023",
        "Indice di indebitamento previdenziale e tributario al 31/12/2023",
    };
    for (size_t i = 0; i < sizeof holds / sizeof holds[0]; i++)
        expect_status(holds[i], REL_CHECK_MATCH);
}

static void test_seed_2022_is_flagged(void **state)
{
    (void)state;
    rel_balance_reconcile(&model, &findings);
    static const char *const wrong[] = {
        "Posizione finanziaria netta al 31/12/2022",
        "Indebitamento finanziario corrente netto al 31/12/2022",
        "Margine di tesoreria al 31/12/2022",
        "Liquidità primaria al 31/12/2022",
        "Liquidità secondaria al 31/12/2022",
    };
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++)
        expect_status(wrong[i], REL_CHECK_ERROR);
    assert_int_equal(findings.errors, 5);
    assert_int_equal(findings.roundings, 0);

    const rel_finding *f = must_find("Posizione finanziaria netta al 31/12/2022");
    assert_int_equal(f->declared.value, EURO(2780146));
    assert_int_equal(f->expected.value, EURO(2147762));
    assert_int_equal(f->difference, EURO(632384));
    assert_non_null(strstr(f->declared.at.file, "seed003/stato_patrimoniale.csv"));
    assert_int_equal(f->declared.at.line, 38);   /* the cell after "…;2.780.146;" */
    assert_int_equal(f->declared.at.col, 67);
    f = must_find("Margine di tesoreria al 31/12/2022");
    assert_int_equal(f->expected.value, EURO(386482));
    f = must_find("Liquidità primaria al 31/12/2022");
    assert_int_equal(f->declared.value, 463);
    assert_int_equal(f->expected.value, 106);
    f = must_find("Liquidità secondaria al 31/12/2022");
    assert_int_equal(f->expected.value, 106);

    static const char *const holds[] = {
        "Capitale immobilizzato al 31/12/2022",
        "Attività d'esercizio a breve termine al 31/12/2022",
        "Passività d'esercizio a breve termine al 31/12/2022",
        "Capitale d'esercizio netto al 31/12/2022",
        "Passività a medio lungo termine al 31/12/2022",
        "Capitale investito al 31/12/2022",
        "Totale attivo uguale a patrimonio netto e passività al 31/12/2022",
        "Tasso di copertura degli immobilizzi al 31/12/2022",
        "Indice di indebitamento previdenziale e tributario al 31/12/2022",
    };
    for (size_t i = 0; i < sizeof holds / sizeof holds[0]; i++)
        expect_status(holds[i], REL_CHECK_MATCH);
    f = must_find("Tasso di copertura degli immobilizzi al 31/12/2022");
    assert_int_equal(f->expected.value, 629);
    /* blank in the report: not declared, not checked (see above) */
    assert_null(find("Mezzi propri e indebitamento finanziario netto al 31/12/2022"));
}

/* `indebitamento` (98,74 / 23,82) has no standard formula: no check at
 * all, whatever its value. Four ratios a year are checked. */
static void test_seed_indebitamento_is_not_checked(void **state)
{
    (void)state;
    rel_balance_reconcile(&model, &findings);
    const rel_value *declared = cell("indici", "indebitamento", 2023);
    assert_int_equal(count_code(REL_R_RATIO), 8);
    for (size_t i = 0; i < findings.count; i++) {
        const rel_finding *f = &findings.items[i];
        if (f->declared.at.file && strstr(f->declared.at.file, "indici.csv"))
            assert_int_not_equal(f->declared.at.line, declared->at.line);
    }
    /* 10 declared subtotals in 2023, 9 in 2022; one identity a year */
    assert_int_equal(count_code(REL_R_BALANCE_SUBTOTAL), 19);
    assert_int_equal(count_code(REL_R_BALANCE), 2);
}

/* The messages the CLI will print: at the declared cell, both figures. */
static void test_seed_messages(void **state)
{
    (void)state;
    rel_balance_reconcile(&model, &findings);
    rel_diags report;
    rel_diags_init(&report, &arena);
    rel_findings_report(&findings, &report);
    assert_int_equal(report.errors, 5);
    bool seen = false;
    for (size_t i = 0; i < report.count; i++)
        seen = seen || strstr(report.items[i].message,
                              "Posizione finanziaria netta al 31/12/2022: dichiarato "
                              "€ 2.780.146,00, atteso € 2.147.762,00 (ricalcolato dallo "
                              "stato patrimoniale)") != NULL;
    rel_diags_free(&report);
    assert_true(seen);
}

/* The sources block's "Debiti di natura finanziaria a breve termine" as
 * seed 003 prints it, net of the cash: (2.780.146) and (2.147.762) with
 * their own sign hold; typed with the sign of the page they are an error
 * at their cell, not a silent 5,56 M€ swing. */
static void test_short_term_debts_net_of_cash(void **state)
{
    (void)state;
    rel_balance_reconcile(&model, &findings);
    expect_status("Debiti finanziari a breve termine al netto delle liquidità al 31/12/2023",
                  REL_CHECK_MATCH);
    expect_status("Debiti finanziari a breve termine al netto delle liquidità al 31/12/2022",
                  REL_CHECK_MATCH);

    rel_findings_free(&findings);
    rel_findings_init(&findings, &arena);
    rel_value *declared = cell("stato_patrimoniale", "debiti_finanziari_breve_netti", 2023);
    declared->number = EURO(2780146);
    rel_balance_reconcile(&model, &findings);
    const rel_finding *f =
        must_find("Debiti finanziari a breve termine al netto delle liquidità al 31/12/2023");
    assert_int_equal(f->status, REL_CHECK_ERROR);
    assert_int_equal(f->expected.value, EURO(-2780146));
    assert_int_equal(f->declared.at.line, 25);
}

#define EXAMPLE(t) cmocka_unit_test_setup_teardown(t, load_example, release)
#define SEED(t) cmocka_unit_test_setup_teardown(t, load_seed, release)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_divide_rounds_half_away_from_zero),
        cmocka_unit_test(test_names_follow_the_vocabulary),
        cmocka_unit_test(test_codes_match_the_schemas),
        EXAMPLE(test_example_2024),
        EXAMPLE(test_example_2023),
        EXAMPLE(test_example_has_no_other_year),
        EXAMPLE(test_example_reconciles),
        EXAMPLE(test_whole_euros_allow_rounding),
        EXAMPLE(test_ratio_without_denominator_is_flagged),
        EXAMPLE(test_overflow_is_flagged),
        SEED(test_seed_2023_recomputed),
        SEED(test_seed_2022_recomputed),
        SEED(test_seed_2023_holds),
        SEED(test_seed_2022_is_flagged),
        SEED(test_seed_indebitamento_is_not_checked),
        SEED(test_seed_messages),
        cmocka_unit_test_setup_teardown(test_short_term_debts_net_of_cash, load_transcription,
                                        release),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
