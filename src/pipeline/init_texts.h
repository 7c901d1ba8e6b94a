/*
 * init_texts.h - the parts of `relazione init` (private to pipeline/):
 * files, and the narratives and the guide the skeleton gets.
 */
#ifndef REL_INIT_TEXTS_H
#define REL_INIT_TEXTS_H

#include <stdbool.h>
#include <stdio.h>

#include "core/arena.h"
#include "core/diag.h"

typedef struct rel_init_ctx {
    const char *dir;              /* the skeleton being written */
    int year;
    const char *template_dir;     /* the default templates and their samples */
    rel_arena *arena;
    rel_diags *diags;
    bool ok;                      /* false after any error: stop writing */
} rel_init_ctx;

/* Creates DIR/`name` (never over an existing file), or reports why not. */
FILE *rel_init_create(rel_init_ctx *s, const char *name);

/* Closes `file`, reporting a write error. */
void rel_init_finish(rel_init_ctx *s, FILE *file, const char *name);

/* Reports an error at `where` (a file) and stops the skeleton. */
void rel_init_failed(rel_init_ctx *s, const char *code, const char *where, const char *message);

/* Writes testi/NAME.md for every narrative either default template asks
 * for (the per-area ones for the sample's areas), each a paragraph with
 * "[DA COMPILARE]" saying what to write, except the items the sample
 * declares not applicable; then LEGGIMI.txt, the guide to the skeleton.
 * Reads the sample tables already written. */
void rel_init_texts(rel_init_ctx *s);

#endif
