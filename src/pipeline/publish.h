/*
 * publish.h - rename a staged set of outputs over the previous one, all or
 * nothing (the design is in pipeline/output.h and docs/OUTPUT.md).
 *
 * The staging directory OUT/.relazione-XXXXXX/ holds the new files under
 * their final names. Publication:
 *   1. flushes every staged file to disk;
 *   2. checks every target name: absent, a file or a link (a directory at
 *      an output's name is E232, before anything moves);
 *   3. writes the journal "pubblicazione" in the staging directory: one
 *      line per file, "1 NAME" when a previous NAME existed, "0 NAME" when
 *      not, and flushes it;
 *   4. for each file in order: keeps the previous one as a hard link
 *      NAME.precedente in the staging directory (moved there where the file
 *      system has no hard links), then renames the new one over it;
 *   5. flushes the output directory, removes the journal (from then on the
 *      new set stands), then the staging directory.
 * Undoing, from the journal alone, so that a killed run is undone by the
 * next one exactly as a failed rename is undone at once: a "1" file whose
 * NAME.precedente exists is renamed back; a "0" file no longer staged
 * (hence renamed in) is removed. Nothing here allocates memory.
 */
#ifndef REL_PUBLISH_H
#define REL_PUBLISH_H

#include <stdbool.h>

#include "core/diag.h"
#include "pipeline/output.h"

/* Publishes the staged files of `set` (locked by the caller). true when
 * every one is published and the staging directory removed. On failure
 * adds an error (E202, E232), restores the previous files and removes the
 * staging directory; if restoring fails too, the staging directory stays
 * for the next build to finish the job, and the error says so. */
bool rel_publish(rel_output_set *set, rel_diags *diags);

/* Undoes what runs killed in `out_dir` (open as `dir_fd`, locked) left:
 * a publication cut short is rolled back (W231), every staging directory
 * removed. false after adding an error when that fails. */
bool rel_publish_recover(int dir_fd, const char *out_dir, rel_diags *diags);

/* Removes the staging directory at `staging` and every file in it. */
void rel_publish_discard(const char *staging);

#endif
