/*
 * document.h - the document tree between the template stage and the
 * renderers: headings, paragraphs and tables of already formatted text.
 *
 * The PDF writer sees only this tree (and never the model or a CSV row), so
 * every figure it prints was formatted once, here upstream, by the same
 * functions that format it everywhere else. All nodes live in the arena.
 */
#ifndef REL_DOCUMENT_H
#define REL_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

typedef enum rel_align { REL_ALIGN_LEFT, REL_ALIGN_RIGHT } rel_align;

typedef enum rel_row_style {
    REL_STYLE_NORMAL,
    REL_STYLE_GROUP,     /* an area or azione heading row, spanning the table */
    REL_STYLE_TOTAL,     /* bold, between rules */
    REL_STYLE_NOTE,      /* an explanation under the row above, spanning, in italics */
} rel_row_style;

typedef struct rel_doc_row {
    rel_row_style style;
    const char **cells;        /* `columns` strings; GROUP and NOTE rows use cells[0] */
    bool highlight;            /* to be seen first, whatever its style: a failed check */
} rel_doc_row;

typedef struct rel_doc_table {
    const char *caption;       /* "Schede preventivo/consuntivo 2024" */
    size_t columns;
    const char **header;
    const rel_align *align;
    const double *widths;      /* relative column widths, summing to anything */
    rel_doc_row *rows;
    size_t row_count;
    size_t row_capacity;
} rel_doc_table;

typedef enum rel_chart_kind {
    REL_CHART_BAR,         /* one series, one bar per category */
    REL_CHART_GROUPED,     /* several series (e.g. years) side by side per category */
    REL_CHART_STACKED,     /* several series stacked per category */
    REL_CHART_LINE,        /* one line per series over the categories (e.g. years) */
    REL_CHART_PIE,         /* one series: shares of the whole */
    REL_CHART_DONUT,       /* the same, with a hole */
} rel_chart_kind;

typedef struct rel_chart_series {
    const char *name;          /* legend: "2024", "Preventivo" */
    const double *values;      /* one per category; charts may use doubles (drawing only) */
} rel_chart_series;

typedef struct rel_doc_chart {
    rel_chart_kind kind;
    const char *caption;       /* "Composizione delle entrate 2024" (the renderer numbers it) */
    const char **categories;   /* x-axis labels or pie slices, UTF-8 */
    size_t category_count;
    const rel_chart_series *series;
    size_t series_count;
    bool money;                /* values are euros: ticks and labels as "€ 1.234" */
    bool percent;              /* values are percentages: "12,5%" */
    int decimals;              /* shown in data labels */
} rel_doc_chart;

/* A key figure: "Uscite € 2.353.704 +5,8% sul 2023" (the change optional). */
typedef struct rel_doc_kpi {
    const char *label;
    const char *value;
    const char *change;        /* "" when there is no year to compare */
} rel_doc_kpi;

typedef enum rel_block_kind {
    REL_BLOCK_HEADING,
    REL_BLOCK_PARAGRAPH,
    REL_BLOCK_TABLE,
    REL_BLOCK_CHART,
    REL_BLOCK_BULLET,      /* one item of a bulleted list */
    REL_BLOCK_NUMBERED,    /* one item of a numbered list; level holds its number */
    REL_BLOCK_PAGE_BREAK,
    REL_BLOCK_TOC,         /* the Indice: headings with their pages, filled in at the end */
    REL_BLOCK_SIGNATURES,  /* text: "role\nname" pairs separated by "\n\n" */
    REL_BLOCK_KPIS,        /* key figures, as tiles */
} rel_block_kind;

typedef struct rel_block {
    rel_block_kind kind;
    int level;                 /* headings: 1 = chapter */
    bool numbered;             /* headings: numbered by level (2.1), as the template's are */
    const char *text;          /* UTF-8 */
    rel_doc_table *table;
    const rel_doc_chart *chart;
    const rel_doc_kpi *kpis;
    size_t kpi_count;
    struct rel_block *next;
} rel_block;

/* When the document is dated: from the data or SOURCE_DATE_EPOCH, never the
 * clock, so that the same inputs give the same bytes. UTC. */
typedef struct rel_doc_stamp {
    int year, month, day, hour, minute, second;
} rel_doc_stamp;

typedef struct rel_document {
    rel_arena *arena;
    const char *title;         /* "Relazione sulla gestione" */
    const char *subtitle;      /* "Esercizio 2024" */
    const char *entity;        /* the entity's name */
    const char *entity_detail; /* legal form, seat, tax code, one line */
    const char *author;        /* document information: the entity */
    bool draft;
    rel_doc_stamp created;
    rel_block *first;
    rel_block *last;
} rel_document;

/* Prepares an empty document whose nodes go into `arena`. */
void rel_doc_init(rel_document *doc, rel_arena *arena);

/* Appends a heading / a paragraph; the text is not copied and must outlive
 * the document (arena or static). false when out of memory. */
bool rel_doc_heading(rel_document *doc, int level, const char *text);
bool rel_doc_paragraph(rel_document *doc, const char *text);

/* Appends a table with `columns` columns; header, align and widths are not
 * copied. NULL when out of memory. */
rel_doc_table *rel_doc_table_add(rel_document *doc, const char *caption, size_t columns,
                                 const char **header, const rel_align *align,
                                 const double *widths);

/* Appends a block of `kind` with `text` (bullets, signatures; NULL for a
 * page break or the Indice). false when out of memory. */
bool rel_doc_block(rel_document *doc, rel_block_kind kind, const char *text);

/* Appends key figures; the array is not copied. */
bool rel_doc_kpis(rel_document *doc, const rel_doc_kpi *kpis, size_t count);

/* Appends a chart; `chart` and what it points to are not copied. */
bool rel_doc_chart_add(rel_document *doc, const rel_doc_chart *chart);

/* Appends a row; `cells` (table->columns strings) is not copied. */
bool rel_doc_table_row(rel_document *doc, rel_doc_table *table, rel_row_style style,
                       const char **cells);

/* Marks the last row appended as one to be seen first (a renderer tints
 * it). A no-op on a table without rows. */
void rel_doc_table_highlight(rel_doc_table *table);

#endif
