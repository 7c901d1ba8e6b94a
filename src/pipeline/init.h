/*
 * init.h - `relazione init DIR`: a ready-to-fill input directory.
 *
 * Every file of docs/INPUT.md: metadati.ini from the keys the validator
 * knows, the tables from the samples of templates/scheletro/ (figures that
 * reconcile, years from `year`), a narrative for every {% testo %} of the
 * default templates and LEGGIMI.txt. Wherever the entity's own words go,
 * "[DA COMPILARE]": the skeleton passes `relazione check` with warnings
 * only, builds as a draft that shows each gap, and refuses a final build
 * until every one is replaced.
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
