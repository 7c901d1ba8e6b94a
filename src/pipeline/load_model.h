/*
 * load_model.h - an input directory into the typed model.
 *
 * The front end of the compiler: reads the files docs/INPUT.md describes,
 * and types them through validate/. Nothing is written anywhere.
 */
#ifndef REL_LOAD_MODEL_H
#define REL_LOAD_MODEL_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/diag.h"
#include "model/model.h"

/* The input files, relative to the input directory. */
#define REL_FILE_METADATA "metadati.ini"
#define REL_FILE_SCHEDULE "schede.csv"
#define REL_FILE_PREMESSA "testi/premessa.md"

/* Largest input file read, in bytes. */
#define REL_MAX_FILE_BYTES ((size_t)64 * 1024 * 1024)

/* Loads and validates every file of `dir`, reporting every problem found
 * (not only the first). Returns false if an error was added. */
bool rel_model_load(const char *dir, rel_arena *arena, rel_diags *diags, rel_model *model);

#endif
