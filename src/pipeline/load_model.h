/*
 * load_model.h - an input directory into the typed model.
 *
 * The front end of the compiler: finds the files docs/INPUT.md describes,
 * reads them (load/) and types them (validate/). Nothing is written
 * anywhere, and the input files are opened read-only.
 */
#ifndef REL_LOAD_MODEL_H
#define REL_LOAD_MODEL_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/diag.h"
#include "model/model.h"

#define REL_FILE_METADATA "metadati.ini"
#define REL_DIR_TABLES "tabelle"   /* generic tables, typed by inference */
#define REL_DIR_TEXTS "testi"      /* narrative texts, *.md */

/* Largest input file read, in bytes. */
#define REL_MAX_FILE_BYTES ((size_t)64 * 1024 * 1024)

/* Loads and validates every file of `dir`, reporting every problem found
 * (not only the first). Returns false if an error was added. */
bool rel_model_load(const char *dir, rel_arena *arena, rel_diags *diags, rel_model *model);

#endif
