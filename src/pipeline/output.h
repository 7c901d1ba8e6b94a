/*
 * output.h - atomic publication of a run's output files.
 *
 * Every output is written to a temporary file beside its target and renamed
 * over it only when all of them were written: a failed run leaves the
 * previous outputs intact and no stray file, and a reader of the directory
 * never sees half a PDF.
 */
#ifndef REL_OUTPUT_H
#define REL_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"

#define REL_OUTPUT_MAX_FILES 8

typedef struct rel_output_file {
    const char *final_path;
    char *temp_path;          /* NULL once renamed or removed */
} rel_output_file;

typedef struct rel_output_set {
    const char *dir;
    rel_output_file files[REL_OUTPUT_MAX_FILES];
    size_t count;
} rel_output_set;

/* Checks, creating nothing, that `out_dir` can be used: not `in_dir` nor
 * inside it, and either a writable directory or creatable in one. Adds
 * E200/E201 and returns false otherwise. Done before any input is read. */
bool rel_output_check(const char *out_dir, const char *in_dir, rel_arena *arena,
                      rel_diags *diags);

/* mkdir -p: creates every missing directory of `path`; false (errno set)
 * when one cannot be created. */
bool rel_output_make_dirs(const char *path, rel_arena *arena);

/* Makes sure `out_dir` exists (creating it and its parents) and is
 * writable, and that it is neither `in_dir` nor inside it. Adds E200/E201
 * and returns false otherwise. Nothing is written inside `in_dir`. The
 * temporaries a killed build left for `names` (NULL-terminated: the files
 * this run publishes) are removed. */
bool rel_output_prepare(rel_output_set *set, const char *out_dir, const char *in_dir,
                        const char *const *names, rel_arena *arena, rel_diags *diags);

/* Creates an empty temporary file for `name` in the output directory and
 * returns its path (to hand to a writer), or NULL after adding E200. */
const char *rel_output_stage(rel_output_set *set, const char *name, rel_arena *arena,
                             rel_diags *diags);

/* The path the staged file `temp_path` will be published at, for messages. */
const char *rel_output_final_path(const rel_output_set *set, const char *temp_path);

/* Flushes every staged file to disk and renames each over its target.
 * On failure adds E202, removes what is still temporary and returns false. */
bool rel_output_commit(rel_output_set *set, rel_diags *diags);

/* Removes every staged file that was not published. Safe to call twice. */
void rel_output_abort(rel_output_set *set);

#endif
