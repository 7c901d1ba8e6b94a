/*
 * diag.h - diagnostics: errors and warnings about the user's files.
 *
 * Every stage reports through a rel_diags list; nothing in the library
 * prints. Diagnostics are collected (a run reports every error, not only the
 * first), sorted by file and position, and written by the CLI as
 *
 *     input/schede.csv:12:5: errore: importo non valido «12.34»: ... [E101]
 *
 * Codes are stable and listed in core/codes.h and docs/ERRORS.md.
 */
#ifndef REL_DIAG_H
#define REL_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/arena.h"

/* Where a value or a problem comes from. line 0 means the file as a whole;
 * col 0 means the line as a whole. Columns count characters, from 1. */
typedef struct rel_origin {
    const char *file;
    uint32_t line;
    uint32_t col;
} rel_origin;

typedef enum rel_severity {
    REL_SEV_ERROR,
    REL_SEV_WARNING,
    REL_SEV_NOTE,
} rel_severity;

typedef struct rel_diag {
    rel_severity severity;
    const char *code;      /* "E101": a constant from core/codes.h */
    rel_origin where;
    const char *message;   /* Italian, for the user; owned by the arena */
    size_t sequence;       /* order of arrival, keeps the sort stable */
} rel_diag;

typedef struct rel_diags {
    rel_arena *arena;      /* messages are allocated here */
    rel_diag *items;       /* malloc'd, grows as needed */
    size_t count;
    size_t capacity;
    size_t errors;
    size_t warnings;
    bool out_of_memory;    /* a diagnostic could not be stored */
} rel_diags;

/* Prepares an empty list whose messages live in `arena`. */
void rel_diags_init(rel_diags *diags, rel_arena *arena);

/* Adds a diagnostic with a printf-style message. Never fails visibly: when
 * memory runs out the diagnostic is counted and out_of_memory is set, so an
 * error is never lost silently. */
void rel_diag_add(rel_diags *diags, rel_severity severity, const char *code,
                  rel_origin where, const char *format, ...)
    __attribute__((format(printf, 5, 6)));

/* The same, with a va_list, for helpers that add context and forward. */
void rel_diag_vadd(rel_diags *diags, rel_severity severity, const char *code, rel_origin where,
                   const char *format, va_list args) __attribute__((format(printf, 5, 0)));

/* Sorts by file, line, column, then order of arrival. */
void rel_diags_sort(rel_diags *diags);

/* Writes every diagnostic as "file:line:col: errore: message [code]", one a
 * line, omitting ":line" or ":col" when they are 0. Returns false when the
 * stream reports a write error. */
bool rel_diags_write_text(const rel_diags *diags, FILE *out);

/* Italian label of a severity: "errore", "avviso", "nota". */
const char *rel_severity_label(rel_severity severity);

/* Releases the item array (messages go with the arena). A no-op when empty. */
void rel_diags_free(rel_diags *diags);

#endif
