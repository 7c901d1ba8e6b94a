/* The formula language on the shapes of real reports (tests/fixtures/
 * formula/): quoted headers with '.', '/', '%', '°' and leading digits;
 * table names in any case and with accents; a label two rows share;
 * CONTA, CONTA.VALORI, CONTA.SE, MEDIA, RIGHE; dates and their order; and
 * the cells an evaluation read. Every expected figure is worked out by hand
 * from the fixture's CSV files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "compute/formula/formula.h"
#include "core/codes.h"
#include "pipeline/load_model.h"

#define FIXTURE REL_SOURCE_DIR "/tests/fixtures/formula"

static rel_arena arena;
static rel_diags diags;
static rel_model model;

static int load_fixture(void **state)
{
    (void)state;
    rel_arena_init(&arena);
    rel_diags_init(&diags, &arena);
    return rel_model_load(FIXTURE, &arena, &diags, &model) && diags.errors == 0 ? 0 : -1;
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

static rel_formula *parse(const char *text)
{
    rel_formula *formula = rel_formula_parse(text, (rel_origin){"f.csv", 7, 3}, &arena, &diags);
    if (formula == NULL)
        fail_msg("«%s» does not parse: %s", text, diags.count ? diags.items[0].message : "?");
    return formula;
}

/* The value of `text` at `scale` decimals; fails the test on any error. */
static int64_t must_eval(const char *text, int scale)
{
    rel_rational value;
    int64_t fixed = 0;
    if (!rel_formula_eval(parse(text), &model, NULL, &arena, &diags, &value)
        || !rel_rational_fixed(value, scale, &fixed))
        fail_msg("«%s» failed: %s", text, diags.count ? diags.items[0].message : "?");
    return fixed;
}

/* A date-valued formula, through the entry point that allows dates. */
static rel_date must_date(const char *text)
{
    rel_formula_value value;
    if (!rel_formula_evaluate(parse(text), &model, NULL, NULL, &arena, &diags, &value))
        fail_msg("«%s» failed: %s", text, diags.count ? diags.items[0].message : "?");
    if (!value.is_date)
        fail_msg("«%s» is not a date", text);
    return value.date;
}

/* `text` fails with exactly one error, `code`, whose message has every
 * one of the NULL-terminated needles; returns that message. */
static const char *expect_error(const char *text, const char *code, ...)
{
    rel_rational value;
    reset(NULL);
    rel_formula *formula = parse(text);
    assert_false(rel_formula_eval(formula, &model, NULL, &arena, &diags, &value));
    assert_int_equal(diags.errors, 1);
    if (strcmp(diags.items[0].code, code) != 0)
        fail_msg("«%s»: %s, not %s: %s", text, diags.items[0].code, code, diags.items[0].message);
    assert_int_equal(diags.items[0].where.line, 7);
    va_list needles;
    va_start(needles, code);
    for (const char *needle = va_arg(needles, const char *); needle;
         needle = va_arg(needles, const char *))
        if (strstr(diags.items[0].message, needle) == NULL)
            fail_msg("«%s» not in «%s»", needle, diags.items[0].message);
    va_end(needles);
    const char *message = diags.items[0].message;
    reset(NULL);
    return message;
}

static void test_quoted_headers_name_any_column(void **state)
{
    (void)state;
    assert_int_equal(must_eval("Tutela_Minori[\"Minori in carico\"; \"n. minori 2019\"]", 0), 380);
    assert_int_equal(must_eval("Tutela_Minori[\"Minori in carico\"; \"% adesione\"]", 1), 455);
    assert_int_equal(must_eval("Tutela_Minori[\"Minori in affido\"; \"N° interventi\"]", 0), 3);
    assert_int_equal(must_eval("Tutela_Minori[\"Minori in carico\"; \"2023/2019\"]", 2), 842);
    assert_int_equal(must_eval("Tutela_Minori[\"Minori in carico\"; \"1° semestre\"]", 0), 200);
    /* one quoted header alone: the column's lines, the TOTALE row aside */
    assert_int_equal(must_eval("Tutela_Minori[\"n. minori 2019\"]", 0), 400);
    assert_int_equal(must_eval("Tutela_Minori[\"1° semestre\"]", 0), 212);
    /* headers are compared as labels: case, blanks */
    assert_int_equal(must_eval("Tutela_Minori[\"minori in carico\"; \"N. MINORI  2019\"]", 0), 380);
    /* a quoted year names the header literally: for a year column, the same column */
    assert_int_equal(must_eval("Tutela_Minori[\"Minori in carico\"; \"2023\"]", 0), 412);
    assert_int_equal(must_eval("Tutela_Minori[\"Minori in carico\"; 2023]", 0), 412);
    assert_int_equal(must_eval("Tutela_Minori[\"Minori in carico\"; N-1]", 0), 412);
    assert_int_equal(must_eval("schede[\"Educatori\"; Consuntivo]", 2), 500000);
    expect_error("Tutela_Minori[\"Minori in carico\"; \"n. minori 2018\"]", REL_E_FORMULA_COLUMN,
                 "forse «n. minori 2019»", NULL);
    expect_error("Tutela_Minori[\"Minori in carico\"]", REL_E_FORMULA_COLUMN,
                 "è una riga", "Tutela_Minori[\"Minori in carico\"; N]", NULL);
    expect_error("Tutela_Minori[\"Minori in carico\"; 2019]", REL_E_FORMULA_COLUMN, "2019", NULL);
}

static void test_table_names_ignore_case_and_accents(void **state)
{
    (void)state;
    assert_int_equal(must_eval("attività[ore]", 0), 200);
    assert_int_equal(must_eval("Attivita[ore]", 0), 200);
    assert_int_equal(must_eval("ATTIVITÀ[ore]", 0), 200);
    assert_int_equal(must_eval("ATTIVITÀ[\"Laboratori\"; costo]", 2), 30000);
    /* "Tutela_Minori.csv" and "Tutela Minori.csv" are one name once normalised:
     * the exact name picks one, the other is ambiguous */
    assert_int_equal(must_eval("Tutela_Minori[\"TOTALE\"; 2023]", 0), 437);
    expect_error("tutela_minori[\"TOTALE\"; 2023]", REL_E_FORMULA_AMBIGUOUS, "Tutela_Minori.csv",
                 "Tutela Minori.csv", "nome esatto", NULL);
    /* a file name with blanks is reached by its normalised name */
    assert_int_equal(must_eval("centri_diurni[\"Vimercate\"; ore]", 0), 2150);
    assert_int_equal(must_eval("Centri_Diurni[utenti]", 0), 32);
    expect_error("atività[ore]", REL_E_FORMULA_DATASET, "forse «attività»", NULL);
}

static void test_a_label_of_two_rows_is_an_error_naming_both(void **state)
{
    (void)state;
    const char *message = expect_error("schede[\"Consulenze\"; consuntivo]", REL_E_FORMULA_AMBIGUOUS,
                                       "«Consulenze»", "2 righe",
                                       "schede.csv:2:", "schede.csv:4:",
                                       "schede[\"Consulenze\"; \"Area Minori\"; colonna]", NULL);
    assert_non_null(strstr(message, FIXTURE "/schede.csv:2:30 e " FIXTURE "/schede.csv:4:36"));
    expect_error("attività[\"sportello\"; ore]", REL_E_FORMULA_AMBIGUOUS, "attività.csv:2:1",
                 "attività.csv:3:1", NULL);
    /* a second text of the row picks one, in either order */
    assert_int_equal(must_eval("schede[\"Consulenze\"; \"Area Anziani\"; consuntivo]", 2), 180000);
    assert_int_equal(must_eval("schede[\"Area Minori\"; \"Consulenze\"; consuntivo]", 2), 120000);
    assert_int_equal(must_eval("schede[\"Consulenze\"; \"Incarichi legali\"; preventivo]", 2),
                     100000);
    expect_error("schede[\"Consulenze\"; \"Area Nord\"; consuntivo]", REL_E_FORMULA_ROW,
                 "insieme", "schede.csv:2", NULL);
    expect_error("schede[\"Consulenza\"; consuntivo]", REL_E_FORMULA_ROW, "forse «Consulenze»",
                 NULL);
}

static void test_count_average_and_rows(void **state)
{
    (void)state;
    assert_int_equal(must_eval("CONTA(attività[ore])", 0), 2);          /* one empty */
    assert_int_equal(must_eval("CONTA(1; 2; attività[ore])", 0), 4);
    assert_int_equal(must_eval("CONTA(attività[\"Laboratori\"; ore])", 0), 0);
    assert_int_equal(must_eval("CONTA(progetti[data_avvio])", 0), 3);   /* one empty */
    assert_int_equal(must_eval("CONTA(progetti[data_fine])", 0), 2);    /* words, "-" */
    assert_int_equal(must_eval("CONTA.VALORI(progetti[data_fine])", 0), 3);   /* "-": none */
    assert_int_equal(must_eval("CONTA.VALORI(attività[attività])", 0), 3);
    expect_error("CONTA(attività[attività])", REL_E_FORMULA_FUNCTION, "CONTA.VALORI", NULL);

    assert_int_equal(must_eval("MEDIA(attività[ore])", 0), 100);        /* (120 + 80) / 2 */
    /* (1.200 + 5.000 + 1.800 + 3.100,50) / 4 = 2.775,125: exact, rounded once */
    assert_int_equal(must_eval("MEDIA(schede[consuntivo])", 2), 277513);
    assert_int_equal(must_eval("MEDIA(schede[consuntivo]) * 4", 2), 1110050);
    assert_int_equal(must_eval("MEDIA(1; 2)", 1), 15);
    assert_int_equal(must_eval("MIN(attività[ore])", 0), 80);
    assert_int_equal(must_eval("MAX(schede[consuntivo]; 6000)", 0), 6000);
    assert_int_equal(must_eval("SOMMA(schede[consuntivo])", 2), 1110050);
    expect_error("MEDIA(attività[\"Laboratori\"; ore])", REL_E_FORMULA_NO_VALUES, "MEDIA", NULL);
    expect_error("MEDIA(progetti[data_avvio])", REL_E_FORMULA_DATE_MIX, "MEDIA", NULL);

    assert_int_equal(must_eval("RIGHE(attività)", 0), 3);    /* TOTALE is no line */
    assert_int_equal(must_eval("RIGHE(Tutela_Minori)", 0), 2);
    assert_int_equal(must_eval("RIGHE(schede)", 0), 4);
    expect_error("RIGHE(attività[ore])", REL_E_FORMULA_FUNCTION, "RIGHE(tabella)", NULL);
    expect_error("RIGHE(attivo)", REL_E_FORMULA_DATASET, "attivo", NULL);
}

/* "n.d." is no figure: skipped where a range is read, an error where the
 * one cell is, never a zero. */
static void test_a_figure_not_available_is_not_zero(void **state)
{
    (void)state;
    assert_int_equal(must_eval("centri_diurni[utenti]", 0), 32);
    assert_int_equal(must_eval("SOMMA(centri_diurni[ore])", 0), 3350);
    assert_int_equal(must_eval("CONTA(centri_diurni[utenti])", 0), 2);
    assert_int_equal(must_eval("CONTA.VALORI(centri_diurni[utenti])", 0), 2);
    assert_int_equal(must_eval("MEDIA(centri_diurni[utenti])", 0), 16);
    assert_int_equal(must_eval("MIN(centri_diurni[ore])", 0), 1200);
    assert_int_equal(must_eval("CONTA.SE(centri_diurni[utenti]; \"\")", 0), 1);
    assert_int_equal(must_eval("CONTA.SE(centri_diurni[utenti]; \">0\")", 0), 2);
    assert_int_equal(must_eval("SOMMA.SE(centri_diurni[ore]; utenti; \"<>\")", 0), 3350);
    expect_error("centri_diurni[\"Usmate\"; utenti] + 1", REL_E_FORMULA_NOT_NUMBER,
                 "Centri Diurni.csv:4:8", "non è disponibile", "«n.d.»", NULL);
    expect_error("progetti[\"Inclusione attiva\"; data_fine] > DATA(2020; 1; 1)",
                 REL_E_FORMULA_NOT_DATE, "non è disponibile", "«-»", NULL);
}

static void test_count_if_reads_excel_criteria(void **state)
{
    (void)state;
    assert_int_equal(must_eval("CONTA.SE(attività[attività]; \"sportello\")", 0), 2);
    assert_int_equal(must_eval("CONTA.SE(attività[attività]; \"Sport*\")", 0), 2);
    assert_int_equal(must_eval("CONTA.SE(attività[attività]; \"?aboratori\")", 0), 1);
    assert_int_equal(must_eval("CONTA.SE(attività[attività]; \"<>Sportello\")", 0), 1);
    assert_int_equal(must_eval("CONTA.SE(attività[ore]; \">100\")", 0), 1);
    assert_int_equal(must_eval("CONTA.SE(attività[ore]; \"<>0\")", 0), 3);   /* empty too */
    assert_int_equal(must_eval("CONTA.SE(attività[ore]; \"\")", 0), 1);
    assert_int_equal(must_eval("CONTA.SE(attività[ore]; \"<>\")", 0), 2);
    assert_int_equal(must_eval("CONTA.SE(attività[ore]; 80)", 0), 1);
    assert_int_equal(must_eval("CONTA.SE(attività[ore]; \"<=80\")", 0), 1);
    assert_int_equal(must_eval("CONTA.SE(schede[consuntivo]; \">=1.800,00\")", 0), 3);
    assert_int_equal(must_eval("CONTA.SE(schede[consuntivo]; \">€ 3.100,49\")", 0), 2);
    assert_int_equal(must_eval("CONTA.SE(Tutela_Minori[\"% adesione\"]; \">=10%\")", 0), 2);
    assert_int_equal(must_eval("CONTA.SE(progetti[data_avvio]; \">=01/01/2022\")", 0), 2);
    assert_int_equal(must_eval("CONTA.SE(progetti[data_presentazione]; \"<01/01/2022\")", 0), 2);
    assert_int_equal(must_eval("CONTA.SE(progetti[data_avvio]; DATA(2023; 6; 1))", 0), 1);
    expect_error("CONTA.SE(attività[ore]; \">dieci\")", REL_E_FORMULA_CRITERION, "«dieci»",
                 "non è un numero", NULL);
    expect_error("CONTA.SE(attività[attività]; \">A\")", REL_E_FORMULA_CRITERION, "= o <>", NULL);
    expect_error("CONTA.SE(attività[attività]; 3)", REL_E_FORMULA_CRITERION, "virgolette", NULL);
    expect_error("CONTA.SE(attività[ore]; \">\")", REL_E_FORMULA_CRITERION, "senza un valore",
                 NULL);
    expect_error("CONTA.SE(progetti[data_avvio]; \"<15/01/2022\")", REL_E_FORMULA_DATE_ORDER,
                 "gennaio 2022", "15/01/2022", NULL);
    expect_error("CONTA.SE(attività[\"Sportello\"; ore]; 1)", REL_E_FORMULA_FUNCTION,
                 "CONTA.SE(tabella[colonna]", NULL);

    /* SOMMA.SE takes the same criteria, and a quoted header for its column */
    assert_int_equal(must_eval("SOMMA.SE(schede[consuntivo]; area; \"Area Anziani\")", 2), 490050);
    assert_int_equal(must_eval("SOMMA.SE(schede[consuntivo]; voce; \"<>Consulenze\")", 2), 810050);
    assert_int_equal(must_eval("SOMMA.SE(schede[consuntivo]; \"Descrizione\"; \"incarichi*\")", 2),
                     300000);
    assert_int_equal(must_eval("SOMMA.SE(attività[costo]; ore; \">=100\")", 2), 150000);
}

static void test_dates_compare_and_count_days(void **state)
{
    (void)state;
    const char *p = "progetti[\"Spazio Famiglia\"; data_presentazione]";
    const char *a = "progetti[\"Spazio Famiglia\"; data_avvio]";
    const char *f = "progetti[\"Spazio Famiglia\"; data_fine]";
    char text[256];
    snprintf(text, sizeof text, "%s <= %s", p, a);
    assert_int_equal(must_eval(text, 0), 1);
    snprintf(text, sizeof text, "%s <= %s <= %s", p, a, f);       /* a chain, as on paper */
    assert_int_equal(must_eval(text, 0), 1);
    snprintf(text, sizeof text, "%s <= %s <= %s", a, p, f);
    assert_int_equal(must_eval(text, 0), 0);
    snprintf(text, sizeof text, "%s < %s", a, p);
    assert_int_equal(must_eval(text, 0), 0);
    snprintf(text, sizeof text, "%s = %s", a, a);
    assert_int_equal(must_eval(text, 0), 1);
    snprintf(text, sizeof text, "%s <> %s", a, p);
    assert_int_equal(must_eval(text, 0), 1);
    /* 15/03/2023 -> 01/06/2023: 16 + 30 + 31 + 1 days */
    snprintf(text, sizeof text, "%s - %s", a, p);
    assert_int_equal(must_eval(text, 0), 78);
    assert_int_equal(must_eval("DATA(2024; 12; 31) - DATA(2024; 1; 1)", 0), 365);
    assert_int_equal(must_eval("DATA(2024; 3; 1) - DATA(2024; 2; 28)", 0), 2);   /* leap */
    assert_int_equal(must_eval("DATA(2024; 12; 31) + 1 = DATA(2025; 1; 1)", 0), 1);
    assert_int_equal(must_eval("(DATA(2024; 3; 1) - DATA(2023; 3; 1)) / 7", 4), 522857);
    /* whole months have an order when they do not overlap */
    assert_int_equal(must_eval("progetti[\"Dopo di Noi\"; data_presentazione] < "
                               "progetti[\"Dopo di Noi\"; data_avvio]", 0), 1);
    assert_int_equal(must_eval("MIN(progetti[data_presentazione]) < DATA(2021; 1; 1)", 0), 1);
    assert_int_equal(must_eval("progetti[\"Dopo di Noi\"; data_fine] > DATA(2025; 11; 30)", 0), 1);

    rel_date d = must_date(a);
    assert_true(d.year == 2023 && d.month == 6 && d.day == 1);
    snprintf(text, sizeof text, "%s + 30", a);
    d = must_date(text);
    assert_true(d.year == 2023 && d.month == 7 && d.day == 1);
    d = must_date("10 + DATA(2024; 2; 25)");
    assert_true(d.year == 2024 && d.month == 3 && d.day == 6);
    d = must_date("MAX(progetti[data_avvio])");
    assert_true(d.year == 2023 && d.month == 6 && d.day == 1);
    d = must_date("progetti[\"Dopo di Noi\"; data_avvio]");
    assert_true(d.year == 2022 && d.month == 1 && d.day == 0);
    d = must_date("SE(1; DATA(2024; 2; 29); 0)");
    assert_true(d.year == 2024 && d.month == 2 && d.day == 29);
}

static void test_dates_and_numbers_do_not_mix(void **state)
{
    (void)state;
    expect_error("progetti[\"Lavoro di comunità\"; data_presentazione] <= "
                 "progetti[\"Lavoro di comunità\"; data_avvio]",
                 REL_E_FORMULA_DATE_ORDER, "«maggio 2020» e «15/05/2020»", NULL);
    expect_error("progetti[\"Dopo di Noi\"; data_avvio] - DATA(2022; 1; 1)",
                 REL_E_FORMULA_DATE_ORDER, "mese intero", NULL);
    expect_error("progetti[\"Dopo di Noi\"; data_avvio] + 1", REL_E_FORMULA_DATE_ORDER,
                 "mese intero", NULL);
    expect_error("progetti[\"Inclusione attiva\"; data_avvio] > DATA(2022; 1; 1)",
                 REL_E_FORMULA_NOT_DATE, "progetti.csv:5:", "vuota", NULL);
    expect_error("progetti[\"Lavoro di comunità\"; data_fine] > DATA(2020; 1; 1)",
                 REL_E_FORMULA_NOT_DATE, "«in continuità»", NULL);
    expect_error("MAX(progetti[data_fine])", REL_E_FORMULA_NOT_DATE, "«in continuità»", NULL);
    expect_error("progetti[\"Spazio Famiglia\"; data_avvio] > 5", REL_E_FORMULA_DATE_MIX,
                 "una data e un numero", NULL);
    expect_error("progetti[\"Spazio Famiglia\"; data_avvio] * 2", REL_E_FORMULA_DATE_MIX,
                 "moltiplicazione", NULL);
    expect_error("progetti[\"Spazio Famiglia\"; data_avvio]", REL_E_FORMULA_DATE_MIX,
                 "risultato", NULL);
    expect_error("DATA(2024; 1; 1) + DATA(2024; 1; 2)", REL_E_FORMULA_DATE_MIX, "non si sommano",
                 NULL);
    expect_error("5 - DATA(2024; 1; 1)", REL_E_FORMULA_DATE_MIX, "un numero meno una data", NULL);
    expect_error("-DATA(2024; 1; 1)", REL_E_FORMULA_DATE_MIX, "meno", NULL);
    expect_error("ABS(DATA(2024; 1; 1))", REL_E_FORMULA_DATE_MIX, "ABS", NULL);
    expect_error("SE(DATA(2024; 1; 1); 1; 2)", REL_E_FORMULA_DATE_MIX, "condizione", NULL);
    expect_error("progetti[data_avvio]", REL_E_FORMULA_DATE_MIX, "MAX", NULL);
    expect_error("SOMMA(progetti[data_avvio])", REL_E_FORMULA_DATE_MIX, "SOMMA", NULL);
    expect_error("MIN(DATA(2024; 1; 1); 3)", REL_E_FORMULA_DATE_MIX, "MIN", NULL);
    expect_error("DATA(2023; 2; 29)", REL_E_FORMULA_BAD_DATE, "DATA(anno; mese; giorno)", NULL);
    expect_error("DATA(2024; 13; 1) - DATA(2024; 1; 1)", REL_E_FORMULA_BAD_DATE, NULL);
    expect_error("DATA(2024; 1; 1) + 0,5 - DATA(2024; 1; 1)", REL_E_FORMULA_BAD_DATE,
                 "numero intero di giorni", NULL);
    expect_error("DATA(2199; 12; 31) + 1 - DATA(2024; 1; 1)", REL_E_FORMULA_BAD_DATE, "1900-2199",
                 NULL);
}

/* The cells read by `text`, as rel_formula_cells_text writes them. */
static const char *cells_of(const char *text, const rel_formula_names *names, size_t max)
{
    rel_formula_cells cells = {0};
    rel_formula_value value;
    if (!rel_formula_evaluate(parse(text), &model, names, &cells, &arena, &diags, &value))
        fail_msg("«%s» failed: %s", text, diags.count ? diags.items[0].message : "?");
    const char *description = rel_formula_cells_text(&cells, &arena, max);
    assert_non_null(description);
    return description;
}

static bool lookup(void *context, const char *name, rel_rational *value, bool *known)
{
    (void)context;
    *known = strcmp(name, "abitanti") == 0;
    if (*known)
        *value = (rel_rational){98231, 1, false};
    return *known;
}

static void test_an_evaluation_names_the_cells_it_read(void **state)
{
    (void)state;
    assert_string_equal(cells_of("Tutela_Minori[\"Minori in carico\"; 2023] - attività[ore]",
                                 NULL, 300),
                        "tabelle/Tutela_Minori.csv:2:22, tabelle/attività.csv:2:11, "
                        "tabelle/attività.csv:3:11, tabelle/attività.csv:4:12");
    /* a cell read twice is named once */
    assert_string_equal(cells_of("attività[\"Laboratori\"; costo] * 2 - attività[\"Laboratori\"; "
                                 "costo]", NULL, 300),
                        "tabelle/attività.csv:4:13");
    /* four cells or more of one column: the first and the last */
    assert_string_equal(cells_of("SOMMA(schede[consuntivo]) / 2", NULL, 300),
                        "schede.csv:2:69 … schede.csv:5:54 (4 celle)");
    static const char *const all[] = {"abitanti", NULL};
    rel_formula_names names = {lookup, NULL, all, NULL};
    assert_string_equal(cells_of("abitanti / progetti[\"Spazio Famiglia\"; importo_totale]",
                                 &names, 300),
                        "progetti.csv:2:17, indicatore «abitanti»");
    assert_string_equal(cells_of("DATA(2024; 1; 1) < DATA(2024; 1; 2)", NULL, 300),
                        "nessuna cella");
    /* SE reads only the branch it takes */
    assert_string_equal(cells_of("SE(1 > 2; schede[preventivo]; attività[\"Laboratori\"; costo])",
                                 NULL, 300),
                        "tabelle/attività.csv:4:13");
    /* what does not fit is counted */
    assert_string_equal(cells_of("Tutela_Minori[\"Minori in carico\"; 2023] - attività[ore]",
                                 NULL, 40),
                        "tabelle/Tutela_Minori.csv:2:22 e altre 3 celle");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_quoted_headers_name_any_column, reset),
        cmocka_unit_test_setup(test_table_names_ignore_case_and_accents, reset),
        cmocka_unit_test_setup(test_a_label_of_two_rows_is_an_error_naming_both, reset),
        cmocka_unit_test_setup(test_count_average_and_rows, reset),
        cmocka_unit_test_setup(test_a_figure_not_available_is_not_zero, reset),
        cmocka_unit_test_setup(test_count_if_reads_excel_criteria, reset),
        cmocka_unit_test_setup(test_dates_compare_and_count_days, reset),
        cmocka_unit_test_setup(test_dates_and_numbers_do_not_mix, reset),
        cmocka_unit_test_setup(test_an_evaluation_names_the_cells_it_read, reset),
    };
    return cmocka_run_group_tests(tests, load_fixture, release);
}
