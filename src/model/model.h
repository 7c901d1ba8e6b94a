/*
 * model.h - the typed model between the front end and the back ends.
 *
 * Built by validate/, read by compute/, reconcile/, template/ and render/.
 * Every value keeps the rel_origin of the cell it came from, so a finding
 * about a figure can name the figure's file:line:column. Money is int64_t
 * cents; nothing here is a binary float. All memory belongs to the run's
 * arena.
 */
#ifndef REL_MODEL_H
#define REL_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/diag.h"

/* A piece of text from the input and where it was. */
typedef struct rel_string {
    const char *text;     /* "" when absent, never NULL once validated */
    rel_origin at;
} rel_string;

/* An amount in cents and where it was; `present` is false for an empty cell. */
typedef struct rel_amount {
    int64_t cents;
    bool present;
    rel_origin at;
} rel_amount;

/* The entity and the options, from the metadata file. */
typedef struct rel_entity {
    rel_string name;          /* "Azienda Speciale Consortile ..." */
    rel_string legal_form;    /* "azienda speciale consortile" */
    rel_string seat;          /* "Via Roma 1, 20900 Monza (MB)" */
    rel_string tax_code;      /* codice fiscale / partita IVA */
    int year;                 /* fiscal year N */
    rel_origin year_at;
    rel_string president;
    rel_string director;
    bool draft;               /* print "BOZZA" and go on despite findings */
} rel_entity;

/* What a row of the schedules is: a line, or a total the user typed. */
typedef enum rel_line_kind {
    REL_LINE_ITEM,            /* a voce: its amounts add into the totals */
    REL_LINE_TOTAL_AZIONE,    /* TOTALE of one azione: declared, never added */
    REL_LINE_TOTAL_AREA,      /* TOTALE of one area: declared, never added */
} rel_line_kind;

/* One row of the preventivo/consuntivo schedules (schede.csv). */
typedef struct rel_schedule_line {
    rel_line_kind kind;
    rel_string area;
    rel_string azione;
    rel_string voce;
    rel_string descrizione;
    rel_amount preventivo;
    rel_amount consuntivo;
} rel_schedule_line;

typedef struct rel_schedule {
    const char *path;
    rel_schedule_line *lines;   /* in file order */
    size_t count;
} rel_schedule;

/* A narrative text (a .md file in testi/): paragraphs separated by blank lines. */
typedef struct rel_narrative {
    const char *path;
    const char *text;         /* NULL when the file is absent */
} rel_narrative;

typedef struct rel_model {
    rel_entity entity;
    rel_schedule schedule;
    rel_narrative premessa;
} rel_model;

/* Invariant check for assert() between stages: every string is non-NULL,
 * every line's kind is known. Never used to reject input. */
bool rel_model_check(const rel_model *model);

#endif
