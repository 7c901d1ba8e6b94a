/*
 * init.h - `relazione init DIR`: a ready-to-fill input directory.
 *
 * Every file of docs/INPUT.md, written from the same schemas the validator
 * applies, each with its header and one example line, so that the
 * skeleton passes `relazione check` as it is and an accountant only has to
 * replace the examples.
 */
#ifndef REL_INIT_H
#define REL_INIT_H

#include "core/arena.h"
#include "core/diag.h"
#include "pipeline/build.h"

/* Creates `dir` (it must not exist, or be empty: nothing is ever
 * overwritten) and writes the skeleton for fiscal year `year`. */
rel_exit rel_init(const char *dir, int year, rel_arena *arena, rel_diags *diags);

#endif
