/*
 * engine.h - state of one template evaluation (private to template/).
 */
#ifndef REL_TEMPLATE_ENGINE_H
#define REL_TEMPLATE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "compute/formula/formula.h"
#include "template/template.h"
#include "template/text_buf.h"
#include "template/tpl.h"

#define REL_TPL_MAX_VARS 8
#define REL_TPL_MAX_INCLUDES 8
#define REL_TPL_MAX_LOOP 1000
/* Nested loops multiply: 8 loops of 4 values run their body 65.536 times
 * (18.603 pages). Their product, the times the innermost body runs, is
 * bounded too. */
#define REL_TPL_MAX_REPEATS 10000

typedef struct tpl_var {
    const char *name;
    const char *value;
} tpl_var;

/* A schedule line and its area, normalised. */
typedef struct rel_area_line {
    const char *key;
    size_t row;
} rel_area_line;

typedef struct engine {
    const rel_template_ctx *ctx;
    rel_document *doc;
    rel_arena *arena;
    rel_diags *diags;
    tpl_var vars[REL_TPL_MAX_VARS];    /* loop variables in scope */
    size_t var_count;
    int includes;                      /* depth of {% includi %} */
    int numbers[3];                    /* heading numbers so far: the depth */
    rel_text_buf paragraph;            /* text collected for the current paragraph */
    rel_origin paragraph_at;           /* where its first line comes from */
    size_t repeats;                    /* product of the values of the loops we are in */
    bool halted;                       /* a limit was hit: nothing more is evaluated */
    bool out_of_memory;                /* reported once */
    const char *heading;               /* the last heading, unnumbered, for messages */
    int obligations;                   /* depth of {% obbligo %} bodies being run */
    size_t gaps;                       /* [DA COMPILARE] gaps printed (drafts) */
    bool *reasons_used;                /* per row of non_applicabile: an item took it */
    bool missing;                      /* the last formula lacked its data: part left out */
    const char *omitting;              /* that part, for the warning: "la frase" */
    size_t blocks;                     /* blocks emitted so far */
    rel_doc_kpi *kpis;                 /* inside {% cifre_chiave %}: bullets become tiles */
    size_t kpi_count;
    int narrating;                     /* depth of narratives being run */
    bool **narrated;                   /* per dataset, per row: a narrative printed it */
    bool *named_tables;                /* per dataset: a narrative's {% tabella %} names it */
    bool **printed;                    /* per dataset, per row: printed anywhere */
    rel_area_line *area_lines;         /* schedule lines by area (NULL until asked) */
    bool ok;
} engine;

#define REL_TPL_MAX_KPIS 24

/* A bullet of a {% cifre_chiave %} block: "Etichetta | FORMULA | filtro |
 * FORMULA DELL'ANNO PRECEDENTE". In kpis.c. */
void rel_engine_kpi(engine *e, const tpl_node *node);

/* {% cifre_chiave %} ... {% fine %}: collects the tiles of its body. */
void rel_engine_kpis(engine *e, const tpl_node *node);

/* Counts a block appended to the document (ok) or reports that memory ran
 * out appending it (!ok); returns ok. */
bool rel_engine_emitted(engine *e, bool ok, rel_origin at);

/* Appends words to the paragraph being collected, joined by a blank. false
 * (reported) when out of memory. */
bool rel_engine_add_words(engine *e, const char *text, size_t len, rel_origin at);

/* The first positional argument of a directive, or a T001 naming `what`. */
const char *rel_engine_required_name(engine *e, const tpl_node *node, const char *what);

/* A limit of the template language was passed (T006): reported, and the
 * evaluation stops there, so one runaway loop gives one error. */
void rel_engine_limit(engine *e, rel_origin at, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* {% testo %}, a narrative's paragraphs and lists, {% per %}, {% obbligo %}:
 * in narrative.c, loops.c, obligations.c. */
void rel_engine_text(engine *e, const tpl_node *node);
void rel_engine_narrative(engine *e, const rel_narrative *narrative);
void rel_engine_loop(engine *e, const tpl_node *node);

/* The level of the last heading emitted (0 before the first). */
int rel_engine_depth(const engine *e);

/* Emits a heading of `level` (1 to 3); numbered "2.1.3 text" at the end. */
void rel_engine_heading(engine *e, int level, const char *text, rel_origin at);

/* After the run: drops the headings with nothing under them and numbers
 * the others by level. false when out of memory. In headings.c. */
bool rel_engine_close_headings(engine *e);

/* Finds once, for every dataset, whether a narrative's "{% tabella NAME"
 * line names it (what rel_engine_table_placed asks for each table after each
 * narrative). false when out of memory: then no table counts as named. */
bool rel_engine_placed_begin(engine *e);

/* Free tables placed by their sidecar (placed_tables.c). */
bool rel_engine_table_placed(const engine *e, const rel_dataset *d);

/* The rows [first, end) a {% tabella %} of `d` covers: da= and a= name its
 * first and last row (code or label); all rows without them. false (T003
 * reported) when a named row is not there. In table_rows.c. */
bool rel_engine_row_span(engine *e, const tpl_node *node, const rel_dataset *d, size_t *first,
                         size_t *end);

/* Whether row `row` of `d` is to be printed: in a narrative always (and it
 * is noted as printed; false only when out of memory); in the template,
 * unless a narrative printed it already. */
bool rel_engine_row_wanted(engine *e, const rel_dataset *d, size_t row);

/* Row `row` of `d` is in the document; false when out of memory. */
bool rel_engine_row_printed(engine *e, const rel_dataset *d, size_t row);

/* After the run: a warning W122 for each free table, or run of its rows,
 * that the report never prints (their checks still run). */
void rel_engine_report_unprinted(engine *e);

/* A narrative printed rows of `d` (the template then leaves its chart out). */
bool rel_engine_narrated(const engine *e, const rel_dataset *d);

/* The chart kind a free table is drawn with: its sidecar's, else
 * `template_kind`, else lines for years as rows and grouped bars; NULL for
 * none ("grafico = nessuno"). */
const char *rel_engine_table_chart(const rel_dataset *d, const char *template_kind);

/* The free tables placed after narrative `after` (NULL: those the template's
 * loop places), by their sidecar's `ordine`, then name, into `out` (room for
 * every dataset); their count. */
size_t rel_engine_free_tables(const engine *e, const char *after, const rel_dataset **out);

/* Emits, with their charts, the free tables placed after `narrative`. */
void rel_engine_tables_after(engine *e, const char *narrative, rel_origin at);
void rel_engine_obligation(engine *e, const tpl_node *node);

/* Reports REL_MARKER in `text` (which starts at `at`), by mode: a warning
 * while checking and in drafts, an error in a final build (R030). `what`
 * names the text for the message. True when the marker is there. */
bool rel_engine_marker(engine *e, const char *text, rel_origin at, const char *what);

/* Reports REL_MARKER in the metadata and in every cell of the input's
 * tables (once per file): in markers.c. */
void rel_engine_scan_markers(engine *e);

/* In a draft, prints "[DA COMPILARE] detail" where something is missing;
 * the gap is not content (an {% obbligo %} stays unfulfilled). Nothing in
 * other modes. */
void rel_engine_gap(engine *e, const char *detail, rel_origin at);

/* non_applicabile.csv: before the run, room to note which lines an item
 * took (false when out of memory); after it, W048 for each line no item
 * took, with the nearest code of `template` as a hint. */
bool rel_engine_reasons_begin(engine *e);
void rel_engine_reasons_end(engine *e, const tpl_node *template);

/* Runs a list of nodes. */
void rel_engine_run(engine *e, const tpl_node *node);

/* Evaluates `formula` (found at `at`). Errors are reported and false
 * returned; in a default template, when the only errors are data the input
 * lacks (a table, column, year or row), each is a warning R032 at the
 * input's file saying e->omitting is left out, and e->missing is set
 * instead of the failure. A first-year entity's N-1 is missing without a
 * word. In evaluate.c. */
bool rel_engine_eval(engine *e, const char *formula, rel_origin at, rel_rational *value);

/* The value of `formula` (found at `at`) formatted by `filter` (found at
 * `filter_at`; NULL: by the value's kind), or NULL after an error. */
const char *rel_engine_format(engine *e, const char *formula, rel_origin at, const char *filter,
                              rel_origin filter_at);

/* `text` with every {{ placeholder | filter }} replaced; NULL after an
 * error, reported at its column. */
const char *rel_engine_expand(engine *e, const char *text, rel_origin at);

/* The text of loop variable `name`, or NULL. */
const char *rel_engine_var(const engine *e, const char *name);

/* Name resolution for formulas: indicators, and loop variables as texts. */
rel_formula_names rel_engine_names(engine *e);

/* Reports a template error (sets ok to false). */
void rel_engine_error(engine *e, const char *code, rel_origin at, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

/* Memory ran out building the document: reported once (E001), and the
 * evaluation fails; a part that cannot be built never drops out silently. */
void rel_engine_oom(engine *e, rel_origin at);

/* Closes the paragraph being collected, if any. */
bool rel_engine_flush(engine *e);

/* {% tabella NAME ... %} and {% grafico NAME ... %}: in tables.c, charts.c. */
void rel_engine_table(engine *e, const tpl_node *node);
void rel_engine_chart(engine *e, const tpl_node *node);

#endif
