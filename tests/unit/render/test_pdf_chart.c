/* Charts in the PDF: the scale and number helpers on their own, then one
 * document with a chart of every kind (realistic figures of a consorzio
 * socio-assistenziale) read back with poppler and qpdf: captions, legends,
 * ticks and data labels in Italian format, a valid file, the expected
 * pages, the same bytes twice. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/pdf/pdf_chart.h"
#include "render/pdf/pdf_writer.h"

/* ---- Scales ------------------------------------------------------------- */

static void test_scale_money(void **state)
{
    (void)state;
    rel_chart_scale s;
    assert_true(rel_pdf_chart_scale(0, 2401920, 6, 0, &s));
    assert_true(s.lo == 0 && s.hi == 2500000 && s.step == 500000);
    assert_int_equal(s.intervals, 5);
    assert_int_equal(s.decimals, 0);
}

static void test_scale_negative_and_offset(void **state)
{
    (void)state;
    rel_chart_scale s;
    assert_true(rel_pdf_chart_scale(-12480, 48300, 7, 0, &s));
    assert_true(s.lo == -20000 && s.hi == 50000 && s.step == 10000);
    /* A line far from zero: the scale hugs the data. */
    assert_true(rel_pdf_chart_scale(1912400, 2401920, 7, 0, &s));
    assert_true(s.lo == 1900000 && s.hi == 2500000 && s.step == 100000);
}

static void test_scale_steps_are_nice(void **state)
{
    (void)state;
    rel_chart_scale s;
    /* 2,5 × 10^k where it stays a whole number ... */
    assert_true(rel_pdf_chart_scale(0, 230, 7, 0, &s));
    assert_true(s.step == 50 && s.hi == 250);
    assert_true(rel_pdf_chart_scale(0, 170, 7, 0, &s));
    assert_true(s.step == 25 && s.hi == 175);
    /* ... but never 2,5 people: counts step by whole numbers. */
    assert_true(rel_pdf_chart_scale(0, 13, 6, 0, &s));
    assert_true(s.step == 5 && s.hi == 15);
    assert_true(rel_pdf_chart_scale(0, 3, 7, 0, &s));
    assert_true(s.step == 1 && s.hi == 3);
    /* Percentages with one decimal may step by 2,5. */
    assert_true(rel_pdf_chart_scale(0, 8.5, 4, 1, &s));
    assert_true(s.step == 2.5 && s.hi == 10 && s.decimals == 1);
}

static void test_scale_refuses_bad_ranges(void **state)
{
    (void)state;
    rel_chart_scale s;
    assert_false(rel_pdf_chart_scale(0, 0, 6, 0, &s));
    assert_false(rel_pdf_chart_scale(5, 1, 6, 0, &s));
    assert_false(rel_pdf_chart_scale(NAN, 1, 6, 0, &s));
    assert_false(rel_pdf_chart_scale(0, INFINITY, 6, 0, &s));
}

/* ---- Numbers ------------------------------------------------------------- */

static void test_numbers_italian(void **state)
{
    (void)state;
    rel_arena arena;
    rel_arena_init(&arena);
    /* No face needed: numbers are formatted, not drawn. */
    rel_pdf_ctx ctx = {.arena = &arena};
    rel_doc_chart money = {.money = true};
    rel_doc_chart percent = {.percent = true};
    rel_doc_chart count = {0};
    /* UTF-8 all the way to the fonts (pdf_fonts.h). */
    assert_string_equal(rel_pdf_chart_number(&ctx, &money, 2401920.0, 0), "€ 2.401.920");
    assert_string_equal(rel_pdf_chart_number(&ctx, &money, -12480.0, 0), "-€ 12.480");
    assert_string_equal(rel_pdf_chart_number(&ctx, &money, 1234.565, 0), "€ 1.235");
    assert_string_equal(rel_pdf_chart_number(&ctx, &percent, 12.5, 1), "12,5%");
    assert_string_equal(rel_pdf_chart_number(&ctx, &count, 2.5, 0), "3");
    assert_string_equal(rel_pdf_chart_number(&ctx, &count, -2.5, 0), "-3");
    assert_string_equal(rel_pdf_chart_number(&ctx, &count, -0.4, 0), "0");
    assert_string_equal(rel_pdf_chart_number(&ctx, &count, 1e300, 0), "n.d.");
    assert_string_equal(rel_pdf_chart_share(&ctx, 864691.0 / 2401920.0), "36,0%");
    assert_string_equal(rel_pdf_chart_share(&ctx, 9600.0 / 2401920.0), "0,4%");
    rel_pdf_fonts_close(&ctx.fonts);
    rel_arena_free(&arena);
}

/* ---- The document ------------------------------------------------------- */

static const char *channels[] = {
    "Trasferimenti dei Comuni soci", "Fondo Nazionale Politiche Sociali",
    "Fondo Sociale Regionale", "Fondo Non Autosufficienza",
    "Compartecipazione degli utenti", "Progetti PNRR", "Contributi ATS e ASST",
    "Altre entrate",
};
/* 2.401.920 in all; the first is 36,0%, the last 0,4%. */
static const double revenue[] = {864691, 412130, 356200, 298400, 201760, 180000, 79139, 9600};
static const rel_chart_series revenue_series[] = {{"2024", revenue}};

static const char *natures[] = {
    "Personale dipendente", "Servizi affidati a terzi",
    "Trasferimenti e contributi alle famiglie", "Acquisti di beni",
    "Godimento beni di terzi", "Oneri diversi di gestione",
};
static const double costs_2023[] = {1126400, 684300, 312500, 41200, 58900, 23400};
static const double costs_2024[] = {1198750, 731980, 298100, 38760, 61200, 25130};
static const rel_chart_series costs_series[] = {{"2023", costs_2023}, {"2024", costs_2024}};

static const char *balance_items[] = {"Entrate", "Uscite", "Avanzo"};
static const double balance_2023[] = {2318900, 2246700, 72200};
static const double balance_2024[] = {2401920, 2319150, 82770};
static const rel_chart_series balance_series[] = {{"2023", balance_2023},
                                                  {"2024", balance_2024}};

static const char *years[] = {"2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"};
static const double production[] = {1912400, 1987650, 2045300, 1968120,
                                    2134870, 2256410, 2318900, 2401920};
static const rel_chart_series production_series[] = {{"Valore della produzione", production}};

static const double planned[] = {8.2, 7.9, 8.5, 7.4, 7.1, 6.8};
static const double actual[] = {8.0, 8.1, 8.3, 7.6, 6.9, 6.5};
static const rel_chart_series incidence_series[] = {{"Preventivo", planned},
                                                    {"Consuntivo", actual}};

static const char *roles[] = {
    "Assistenti sociali", "Educatori professionali", "Operatori socio-sanitari",
    "Amministrativi", "Psicologi", "Coordinatori",
};
static const double permanent[] = {14, 9, 22, 8, 2, 3};
static const double fixed_term[] = {4, 6, 7, 2, 1, 0};
static const double freelance[] = {1, 3, 0, 0, 4, 0};
static const double seconded[] = {2, 0, 0, 1, 0, 1};
static const rel_chart_series staff_series[] = {
    {"Tempo indeterminato", permanent}, {"Tempo determinato", fixed_term},
    {"Collaboratori", freelance}, {"Comando", seconded},
};

static const char *areas[] = {
    "Area minori e famiglia", "Area anziani", "Area disabilità", "Area inclusione sociale",
    "Servizi generali",
};
static const double surplus[] = {48300, 21750, -12480, 9200, -3150};
static const rel_chart_series surplus_series[] = {{"Avanzo 2024", surplus}};

static const char *spending_areas[] = {
    "Minori e famiglia", "Anziani", "Disabilità", "Inclusione sociale", "Servizi generali",
};
static const double spending[] = {941200, 512300, 468900, 227400, 143250};
static const rel_chart_series spending_series[] = {{"2024", spending}};

static const double nothing[] = {0, 0, 0};
static const rel_chart_series nothing_series[] = {{"2024", nothing}};

static const rel_doc_chart charts[] = {
    {REL_CHART_PIE, "Composizione delle entrate 2024", channels, 8, revenue_series, 1,
     true, false, 0},
    {REL_CHART_GROUPED, "Costi per natura 2023-2024", natures, 6, costs_series, 2,
     true, false, 0},
    {REL_CHART_GROUPED, "Entrate, uscite e avanzo 2023-2024", balance_items, 3,
     balance_series, 2, true, false, 0},
    {REL_CHART_LINE, "Valore della produzione 2017-2024", years, 8, production_series, 1,
     true, false, 0},
    {REL_CHART_LINE, "Incidenza dei costi di struttura sulla spesa", years + 2, 6,
     incidence_series, 2, false, true, 1},
    {REL_CHART_STACKED, "Personale al 31/12/2024 per tipo di contratto", roles, 6,
     staff_series, 4, false, false, 0},
    {REL_CHART_BAR, "Avanzo di gestione per area 2024", areas, 5, surplus_series, 1,
     true, false, 0},
    {REL_CHART_DONUT, "Spesa per area di intervento 2024", spending_areas, 5,
     spending_series, 1, true, false, 0},
    {REL_CHART_BAR, "Interventi finanziati dal PNRR", years, 3, nothing_series, 1,
     true, false, 0},
};

#define CHART_COUNT (sizeof charts / sizeof charts[0])

static void build_document(rel_document *doc, rel_arena *arena)
{
    rel_doc_init(doc, arena);
    doc->title = "Relazione sulla gestione";
    doc->subtitle = "Esercizio 2024";
    doc->entity = "Consorzio Socio-Assistenziale del Pinerolese";
    doc->entity_detail = "Consorzio di Comuni – Pinerolo (TO)";
    doc->author = doc->entity;
    doc->created = (rel_doc_stamp){2025, 4, 15, 9, 0, 0};
    assert_true(rel_doc_heading(doc, 1, "Analisi della gestione"));
    assert_true(rel_doc_paragraph(doc, "I grafici che seguono riassumono le entrate, i costi "
                                       "e il personale dell'esercizio."));
    for (size_t i = 0; i < CHART_COUNT; i++)
        assert_true(rel_doc_chart_add(doc, &charts[i]));
}

/* Runs `command` and returns its standard output (malloc'd) with every run
 * of white space made one space; *status gets the exit status. */
static char *run(const char *command, int *status)
{
    FILE *pipe = popen(command, "r");
    assert_non_null(pipe);
    size_t capacity = 4096, len = 0;
    char *out = malloc(capacity);
    assert_non_null(out);
    int ch;
    bool space = false;
    while ((ch = fgetc(pipe)) != EOF) {
        if (isspace(ch)) {
            space = len > 0;
            continue;
        }
        if (len + 3 >= capacity) {
            capacity *= 2;
            out = realloc(out, capacity);
            assert_non_null(out);
        }
        if (space)
            out[len++] = ' ';
        space = false;
        out[len++] = (char)ch;
    }
    out[len] = '\0';
    *status = pclose(pipe);
    return out;
}

typedef void (*document_builder)(rel_document *doc, rel_arena *arena);

static void write_pdf(document_builder build, const char *path)
{
    rel_arena arena;
    rel_arena_init(&arena);
    rel_diags diags;
    rel_diags_init(&diags, &arena);
    rel_document doc;
    build(&doc, &arena);
    size_t pages = 0;
    bool ok = rel_pdf_write(&doc, path, "relazione.pdf", &diags, &pages);
    if (!ok)
        rel_diags_write_text(&diags, stderr);
    assert_true(ok);
    assert_true(pages > 0);
    assert_int_equal(diags.count, 0);
    rel_diags_free(&diags);
    rel_arena_free(&arena);
}

/* To look at the pages: REL_CHART_KEEP=/tmp (a directory) keeps a copy
 * of each document there; then pdftoppm -png -r 60 /tmp/charts.pdf /tmp/charts */
static void keep_copy(document_builder build, const char *name)
{
    const char *dir = getenv("REL_CHART_KEEP");
    char path[512];
    if (dir == NULL || dir[0] == '\0')
        return;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_pdf(build, path);
}

static void make_path(char *path, size_t size, const char *name)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, size, "%s/%s-%ld.pdf", dir && dir[0] ? dir : "/tmp", name, (long)getpid());
}

static void assert_contains(const char *text, const char *wanted)
{
    if (strstr(text, wanted) == NULL)
        fail_msg("«%s» not in the extracted text", wanted);
}

static void test_document_reads_back(void **state)
{
    (void)state;
    char path[512], command[1100];
    make_path(path, sizeof path, "rel-chart");
    write_pdf(build_document, path);
    keep_copy(build_document, "charts.pdf");

    int status;
    snprintf(command, sizeof command, "pdftotext -enc UTF-8 '%s' - 2>&1", path);
    char *text = run(command, &status);
    assert_int_equal(status, 0);
    /* Captions, numbered in the order of the document. */
    assert_contains(text, "Fig. 1: Composizione delle entrate 2024");
    assert_contains(text, "Fig. 2: Costi per natura 2023-2024");
    assert_contains(text, "Fig. 3: Entrate, uscite e avanzo 2023-2024");
    assert_contains(text, "Fig. 4: Valore della produzione 2017-2024");
    assert_contains(text, "Fig. 5: Incidenza dei costi di struttura sulla spesa");
    assert_contains(text, "Fig. 6: Personale al 31/12/2024 per tipo di contratto");
    assert_contains(text, "Fig. 7: Avanzo di gestione per area 2024");
    assert_contains(text, "Fig. 8: Spesa per area di intervento 2024");
    assert_contains(text, "Fig. 9: Interventi finanziati dal PNRR");
    /* Pie: shares inside and outside the slices and in the legend, amounts,
     * every channel, the total. */
    assert_contains(text, "36,0%");
    assert_contains(text, "0,4%");
    assert_contains(text, "Trasferimenti dei Comuni soci");
    assert_contains(text, "Altre entrate");
    assert_contains(text, "€ 864.691");
    assert_contains(text, "€ 2.401.920");
    /* Legends of several series. */
    assert_contains(text, "2023");
    assert_contains(text, "Tempo indeterminato");
    assert_contains(text, "Tempo determinato");
    assert_contains(text, "Collaboratori");
    assert_contains(text, "Comando");
    assert_contains(text, "Preventivo");
    assert_contains(text, "Consuntivo");
    /* Ticks: euros with thousands, percentages with a decimal comma. */
    assert_contains(text, "€ 500.000");
    assert_contains(text, "€ 1.250.000");
    assert_contains(text, "€ 1.800.000");
    assert_contains(text, "-€ 20.000");
    assert_contains(text, "6,5%");
    assert_contains(text, "8,5%");
    /* Data labels, a negative one included; stack totals. */
    assert_contains(text, "€ 2.319.150");
    assert_contains(text, "€ 72.200");
    assert_contains(text, "€ 48.300");
    assert_contains(text, "-€ 12.480");
    assert_contains(text, "€ 1.912.400");
    assert_contains(text, "€ 941.200");
    assert_contains(text, "€ 2.293.050");
    /* Category labels, wrapped or whole, and the empty chart's note. */
    assert_contains(text, "Area disabilità");
    assert_contains(text, "Operatori socio-sanitari");
    assert_contains(text, "nessun dato");
    /* No dot-decimal or unformatted number slipped through. */
    assert_null(strstr(text, "2401920"));
    assert_null(strstr(text, "2.401.920,0"));
    free(text);

    snprintf(command, sizeof command, "qpdf --check '%s' 2>&1", path);
    text = run(command, &status);
    if (status != 0)
        fail_msg("qpdf --check failed: %s", text);
    assert_contains(text, "No syntax or stream encoding errors found");
    free(text);

    /* Cover; then the heading, the paragraph, the pie and the grouped bars;
     * the two lines; stacked and single bars; donut and note. */
    snprintf(command, sizeof command, "pdfinfo '%s' 2>&1", path);
    text = run(command, &status);
    assert_int_equal(status, 0);
    assert_contains(text, "Pages: 5 ");
    free(text);
    unlink(path);
}

static void test_same_bytes_twice(void **state)
{
    (void)state;
    char first[512], second[512], command[1100];
    make_path(first, sizeof first, "rel-chart-a");
    make_path(second, sizeof second, "rel-chart-b");
    write_pdf(build_document, first);
    write_pdf(build_document, second);
    snprintf(command, sizeof command, "cmp -s '%s' '%s'", first, second);
    int status;
    free(run(command, &status));
    assert_int_equal(status, 0);
    unlink(first);
    unlink(second);
}

/* ---- Awkward data: nothing may overlap, crash or upset libharu -------- */

static const char *three[] = {"Primo", "Secondo", NULL};
static const double only_first[] = {1250, 0, 0};
static const rel_chart_series only_first_series[] = {{"2024", only_first}};
static const double holes[] = {NAN, INFINITY, NAN};
static const rel_chart_series holes_series[] = {{"2024", holes}};
static const double with_negative[] = {100, -20, 30};
static const rel_chart_series with_negative_series[] = {{"2024", with_negative}};
static const double huge[] = {1e300, 1, 2};
static const rel_chart_series huge_series[] = {{"2024", huge}};

static const char *months[] = {
    "Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto",
    "Settembre", "Ottobre", "Novembre", "Dicembre", "Gennaio", "Febbraio", "Marzo", "Aprile",
    "Maggio", "Giugno", "Luglio", "Agosto", "Settembre", "Ottobre", "Novembre", "Dicembre",
};
static double monthly[24];
static const rel_chart_series monthly_series[] = {{"Ore di assistenza domiciliare", monthly}};

static const double losses[] = {-1200.5, -350.25, NAN, -80.75, -15.0};
static const double gains[] = {300.0, NAN, 410.0, 520.0, 260.0};
static const rel_chart_series mixed_series[] = {{"Perdite", losses}, {"Utili", gains}};

static const char *long_names[] = {
    "Servizio di assistenza domiciliare integrata per anziani non autosufficienti",
    "Centro diurno", "Supercalifragilistichespiralidoso", "",
};
static const double four[] = {0.012, 0.034, 0.051, 0.0};
static const double four_b[] = {0.02, 0.01, 0.04, 0.03};
static const double four_c[] = {0.015, 0.025, 0.035, 0.045};
static const double four_d[] = {0.03, 0.03, 0.03, 0.03};
static const double four_e[] = {0.01, 0.02, 0.01, 0.02};
static const rel_chart_series five_series[] = {
    {"Comune di San Secondo di Pinerolo", four}, {"Comune di Bricherasio", four_b},
    {"Comune di Luserna San Giovanni", four_c}, {"Comune di Torre Pellice", four_d},
    {"Comune di Villar Pellice", four_e},
};

static const char *many_slices[20] = {
    "Comune 1", "Comune 2", "Comune 3", "Comune 4", "Comune 5", "Comune 6", "Comune 7",
    "Comune 8", "Comune 9", "Comune 10", "Comune 11", "Comune 12", "Comune 13", "Comune 14",
    "Comune 15", "Comune 16", "Comune 17", "Comune 18", "Comune 19", "Comune 20",
};
static const double many_values[20] = {
    500, 20, 10, 5, 300, 3, 2, 1, 250, 200, 4, 4, 150, 100, 2, 1, 80, 60, 40, 1,
};
static const rel_chart_series many_series[] = {{"2024", many_values}};

static const rel_doc_chart awkward[] = {
    {REL_CHART_PIE, "Un solo canale di entrata", three, 3, only_first_series, 1, true, false, 0},
    {REL_CHART_DONUT, "", three, 1, only_first_series, 1, true, false, 0},
    {REL_CHART_BAR, "Valori mancanti", three, 3, holes_series, 1, true, false, 0},
    {REL_CHART_PIE, "Quote negative", three, 3, with_negative_series, 1, true, false, 0},
    {REL_CHART_BAR, "Valori fuori scala", three, 3, huge_series, 1, true, false, 0},
    {REL_CHART_LINE, "Ore mensili di assistenza domiciliare nel biennio 2023-2024, con una "
                     "didascalia così lunga da andare a capo sotto il prefisso della figura",
     months, 24, monthly_series, 1, false, false, 0},
    {REL_CHART_STACKED, "Utili e perdite", three, 3, mixed_series, 2, true, false, 2},
    {REL_CHART_BAR, "Utili e perdite con buchi", long_names, 4, mixed_series + 1, 1, true,
     false, 2},
    {REL_CHART_GROUPED, "Quote di adesione per comune", long_names, 4, five_series, 5, false,
     true, 3},
    {REL_CHART_LINE, "Quote di adesione per comune", long_names, 4, five_series, 5, false,
     true, 3},
    {REL_CHART_LINE, "Perdite", three, 3, mixed_series, 1, true, false, 2},
    {REL_CHART_PIE, "Venti comuni", many_slices, 20, many_series, 1, false, false, 0},
    {REL_CHART_DONUT, "Nessuna serie", three, 3, NULL, 0, false, false, 0},
};

static void build_awkward(rel_document *doc, rel_arena *arena)
{
    rel_doc_init(doc, arena);
    doc->title = "Prove";
    doc->subtitle = "Grafici difficili";
    doc->entity = "Ente di prova";
    doc->entity_detail = "";
    doc->author = doc->entity;
    doc->draft = true;
    doc->created = (rel_doc_stamp){2025, 1, 1, 0, 0, 0};
    for (size_t i = 0; i < 24; i++)
        monthly[i] = 1800.0 + 40.0 * (double)(i % 12) - (i % 5 == 0 ? 120.0 : 0.0);
    for (size_t i = 0; i < sizeof awkward / sizeof awkward[0]; i++)
        assert_true(rel_doc_chart_add(doc, &awkward[i]));
}

static void test_awkward_data(void **state)
{
    (void)state;
    char path[512], command[1100];
    make_path(path, sizeof path, "rel-chart-awkward");
    write_pdf(build_awkward, path);
    keep_copy(build_awkward, "awkward.pdf");
    int status;
    snprintf(command, sizeof command, "qpdf --check '%s' 2>&1", path);
    char *text = run(command, &status);
    if (status != 0)
        fail_msg("qpdf --check failed: %s", text);
    free(text);
    snprintf(command, sizeof command, "pdftotext -enc UTF-8 '%s' - 2>&1", path);
    text = run(command, &status);
    assert_int_equal(status, 0);
    assert_contains(text, "100,0%");
    assert_contains(text, "nessun dato rappresentabile: quote negative");
    assert_contains(text, "nessun dato rappresentabile: valori fuori scala");
    assert_contains(text, "-€ 1.200,50");
    assert_contains(text, "Gennaio");
    assert_contains(text, "Fig. 3: Valori mancanti");
    assert_contains(text, "Fig. 13: Nessuna serie");
    assert_contains(text, "0,04%");
    assert_contains(text, "Supercalifragilistich");
    free(text);
    unlink(path);
}

/* A chart alone: ctx->y moves down by the chart and its caption; a chart
 * that does not fit is drawn lower to finish the page, down to its least
 * height, and goes to a new page when not even that fits; it is drawn
 * lower to leave room for what follows when that then fits too. */
static void test_advances_and_breaks_pages(void **state)
{
    (void)state;
    rel_arena arena;
    rel_arena_init(&arena);
    rel_diags diags;
    rel_diags_init(&diags, &arena);
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    assert_non_null(pdf);
    rel_pdf_ctx ctx = {.pdf = pdf, .arena = &arena};
    assert_true(rel_pdf_fonts_load(pdf, &ctx.fonts, &diags));
    assert_true(rel_pdf_new_page(&ctx));
    assert_true(rel_pdf_chart(&ctx, &charts[1], 0.0));
    double used = REL_PDF_TOP - ctx.y;
    assert_true(used > 0.48 * REL_PDF_TEXT_WIDTH && used < 0.48 * REL_PDF_TEXT_WIDTH + 60);
    assert_true(rel_pdf_chart(&ctx, &charts[2], 0.0));
    assert_int_equal(ctx.page_count, 1);
    assert_true(rel_pdf_chart(&ctx, &charts[5], 0.0));
    assert_int_equal(ctx.page_count, 2);
    assert_int_equal(ctx.figures, 3);
    assert_true(ctx.y > REL_PDF_BOTTOM);

    double least = rel_pdf_chart_start(&ctx, &charts[1]);
    assert_true(least > 0.34 * REL_PDF_TEXT_WIDTH && least < used);
    ctx.y = REL_PDF_BOTTOM + least + 10.0;           /* between least and natural */
    assert_true(rel_pdf_chart(&ctx, &charts[1], 0.0));
    assert_int_equal(ctx.page_count, 2);
    assert_true(ctx.y >= REL_PDF_BOTTOM && ctx.y < REL_PDF_BOTTOM + 11.0);
    ctx.y = REL_PDF_BOTTOM + least - 10.0;           /* not even the least */
    assert_true(rel_pdf_chart(&ctx, &charts[1], 0.0));
    assert_int_equal(ctx.page_count, 3);
    assert_true(REL_PDF_TOP - ctx.y > used - 1.0);   /* as designed on the new page */
    ctx.y = REL_PDF_BOTTOM + used + 100.0;           /* room for it, but not for 150 more */
    assert_true(rel_pdf_chart(&ctx, &charts[1], 150.0));
    assert_int_equal(ctx.page_count, 3);
    assert_true(ctx.y >= REL_PDF_BOTTOM + 149.0 && ctx.y <= REL_PDF_BOTTOM + 151.0);
    assert_int_equal(HPDF_GetError(pdf), HPDF_OK);
    rel_pdf_fonts_close(&ctx.fonts);
    HPDF_Free(pdf);
    rel_diags_free(&diags);
    rel_arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scale_money),
        cmocka_unit_test(test_scale_negative_and_offset),
        cmocka_unit_test(test_scale_steps_are_nice),
        cmocka_unit_test(test_scale_refuses_bad_ranges),
        cmocka_unit_test(test_numbers_italian),
        cmocka_unit_test(test_document_reads_back),
        cmocka_unit_test(test_same_bytes_twice),
        cmocka_unit_test(test_awkward_data),
        cmocka_unit_test(test_advances_and_breaks_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
