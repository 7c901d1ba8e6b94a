/*
 * output.h - all-or-nothing publication of a run's output files.
 *
 * A run writes its whole set of outputs (the documents, then the manifest)
 * into a private staging directory inside the output directory,
 * OUT/.relazione-XXXXXX/, and publishes them only when every one of them
 * was written: then each is renamed over its target in the order staged,
 * after a hard link to the previous file was kept in the staging directory
 * and a journal of the set written there (pipeline/publish.h). If any
 * rename fails, the ones done are undone from those links: the previous
 * set comes back complete. A run killed mid-publication (SIGKILL, power
 * loss) is undone the same way by the next build into the directory.
 *
 * One run at a time per output directory: the directory is locked (flock)
 * from rel_output_prepare (or _begin, if it did not exist yet) to
 * rel_output_commit or rel_output_abort.
 * docs/OUTPUT.md tells the user the same.
 */
#ifndef REL_OUTPUT_H
#define REL_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"

#define REL_OUTPUT_MAX_FILES 8

/* The staging directory's name: this prefix and six random characters. */
#define REL_OUTPUT_STAGING_PREFIX ".relazione-"

typedef struct rel_output_file {
    const char *name;          /* "relazione.pdf" */
    const char *final_path;    /* OUT/relazione.pdf */
    const char *staged_path;   /* OUT/.relazione-XXXXXX/relazione.pdf */
    char sha256[65];           /* set by whoever wrote it; "" until then */
    bool synced;               /* already flushed to disk by its writer */
} rel_output_file;

typedef struct rel_output_set {
    const char *dir;
    const char *staging;       /* NULL outside prepare .. commit/abort */
    int dir_fd;                /* OUT, locked; -1 when not held */
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

/* Before any input is read: rel_output_check, then, if `out_dir` exists,
 * locks it (E230 when another run holds it) and undoes what a killed run
 * left there (a publication cut short is rolled back, with W231; staging
 * directories removed), so that even a run that fails on its data leaves
 * the previous set whole. Creates nothing. false after adding an error,
 * holding nothing. */
bool rel_output_prepare(rel_output_set *set, const char *out_dir, const char *in_dir,
                        rel_arena *arena, rel_diags *diags);

/* Once there is something to write: creates the output directory and its
 * parents where missing, checks it is writable, locks it (if prepare did
 * not), and creates this run's staging directory. false after adding an
 * error; rel_output_abort then releases what is held. */
bool rel_output_begin(rel_output_set *set, rel_arena *arena, rel_diags *diags);

/* Adds `name` to the set and returns its entry, whose staged_path is where
 * a writer creates it. NULL (E001 added) when out of memory or the set is
 * full. Staging order is publication order: stage the manifest last. */
rel_output_file *rel_output_add(rel_output_set *set, const char *name, rel_arena *arena,
                                rel_diags *diags);

/* The same, for callers that want only the staged path. */
const char *rel_output_stage(rel_output_set *set, const char *name, rel_arena *arena,
                             rel_diags *diags);

/* The path the staged file `staged_path` will be published at, for messages. */
const char *rel_output_final_path(const rel_output_set *set, const char *staged_path);

/* Publishes every staged file (pipeline/publish.h), then removes the
 * staging directory and releases the lock. On failure adds an error (E202,
 * E232), leaves the previous outputs as they were, removes the staged
 * files and returns false. */
bool rel_output_commit(rel_output_set *set, rel_diags *diags);

/* Removes every staged file and the staging directory, and releases the
 * lock; the previous outputs are untouched. Safe to call twice, and after
 * a failed prepare or a commit. */
void rel_output_abort(rel_output_set *set);

#endif
