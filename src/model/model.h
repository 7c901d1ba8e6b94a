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

#include "core/date.h"
#include "core/diag.h"
#include "model/dataset.h"

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

/* Which default template the report follows (issue: templates). */
typedef enum rel_template_kind {
    REL_TEMPLATE_GESTIONE,     /* Relazione sulla gestione, art. 2428 c.c. */
    REL_TEMPLATE_CONSUNTIVO,   /* Relazione consuntivo: the accountability report */
} rel_template_kind;

/* The entity and the options, from the metadata file. */
typedef struct rel_entity {
    rel_string name;          /* "Azienda Speciale Consortile ..." */
    rel_string legal_form;    /* "azienda speciale consortile" */
    rel_string seat;          /* "Via Roma 1, 20900 Monza (MB)" */
    rel_string tax_code;      /* codice fiscale / partita IVA */
    bool cooperative;         /* art. 2545 c.c. applies */
    int year;                 /* fiscal year N */
    rel_origin year_at;
    bool first_year;          /* the entity's first year: no N-1 to compare with */
    rel_date approval;        /* date of approval by the board; year 0 if not given */
    rel_string president;
    rel_string director;
    bool draft;               /* print "BOZZA" and go on despite findings */
    rel_template_kind template_kind;
    rel_amount variance_threshold;      /* a variance above it needs a motivazione */
    int64_t variance_threshold_pct;     /* hundredths of a point; 0: none */
    char separator;           /* CSV separator forced by the user, 0 to detect */
    rel_string schedule_levels;   /* "area, servizio, azione": the levels of schede.csv above
                                     the voce, from the top; "" for area and azione */
} rel_entity;

/* A narrative text (a .md file in testi/): paragraphs separated by blank lines. */
typedef struct rel_narrative {
    const char *name;         /* file name without .md: "premessa" */
    const char *path;
    const char *text;
} rel_narrative;

/* The levels of the schedules above the voce, from the top (schede.livelli
 * in metadati.ini: "area, servizio, azione"; area and azione by default). */
#define REL_MAX_LEVELS 8
typedef struct rel_levels {
    const char *names[REL_MAX_LEVELS];
    size_t count;
} rel_levels;

typedef struct rel_model {
    rel_entity entity;
    rel_dataset *datasets;    /* known datasets in schema order, then generic tables */
    size_t dataset_count;
    rel_narrative *narratives;
    size_t narrative_count;
    rel_levels schedule_levels;   /* count 0 until the schedules are loaded */
} rel_model;

/* The dataset named `name` ("schede", or a generic table's name), or NULL. */
const rel_dataset *rel_model_dataset(const rel_model *model, const char *name);

/* The narrative named `name` ("premessa"), or NULL. */
const rel_narrative *rel_model_narrative(const rel_model *model, const char *name);

/* Invariant check for assert() between stages: every string is non-NULL,
 * every dataset passes rel_dataset_check. Never used to reject input. */
bool rel_model_check(const rel_model *model);

#endif
