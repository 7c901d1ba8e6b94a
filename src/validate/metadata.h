/*
 * metadata.h - the metadata file (metadati.ini) into rel_entity.
 *
 * Knows which sections and keys exist, which are required and what type
 * each value has; docs/INPUT.md documents the same list for the user.
 */
#ifndef REL_VALIDATE_METADATA_H
#define REL_VALIDATE_METADATA_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/ini.h"
#include "model/model.h"

/* Fills *entity from `ini`. Unknown keys (with a "forse" hint), duplicates,
 * missing required keys and invalid values are all reported; returns false
 * if any error was added. Absent optional texts become "". */
bool rel_metadata_validate(const rel_ini *ini, rel_arena *arena, rel_diags *diags,
                           rel_entity *entity);

#endif
