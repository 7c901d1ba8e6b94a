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
#include "load/input_tree.h"
#include "model/model.h"

#define REL_FILE_METADATA "metadati.ini"
#define REL_DIR_TABLES "tabelle"   /* generic tables, typed by inference */
#define REL_DIR_TEXTS "testi"      /* narrative texts, *.md */

/* Largest input file read, in bytes. */
#define REL_MAX_FILE_BYTES ((size_t)64 * 1024 * 1024)

/* Loads and validates every file of `dir`, reporting every problem found
 * (not only the first). Returns false if an error was added. The same as
 * rel_model_scan then rel_model_load_tree. */
bool rel_model_load(const char *dir, rel_arena *arena, rel_diags *diags, rel_model *model);

/* Looks at what `dir` holds (load/input_tree.h) into *tree. false, with
 * E002, when `dir` is not a directory; problems with its entries are
 * diagnostics, and the loading goes on to report every other one. */
bool rel_model_scan(const char *dir, rel_arena *arena, rel_diags *diags, rel_input_tree *tree);

/* Loads and validates the files of `tree`: the ones it lists as files are
 * read, the refused ones are not (they were reported). */
bool rel_model_load_tree(const rel_input_tree *tree, rel_arena *arena, rel_diags *diags,
                         rel_model *model);

#endif
