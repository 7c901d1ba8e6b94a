/*
 * metadata.h - the metadata file (metadati.ini) into rel_entity.
 *
 * Knows which sections and keys exist, which are required and what type
 * each value has; docs/INPUT.md documents the same list for the user.
 */
#ifndef REL_VALIDATE_METADATA_H
#define REL_VALIDATE_METADATA_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/ini.h"
#include "model/model.h"

typedef enum rel_meta_type {
    REL_META_TEXT, REL_META_YEAR, REL_META_BOOL, REL_META_DATE, REL_META_MONEY,
    REL_META_PERCENT, REL_META_TEMPLATE, REL_META_SEPARATOR,
} rel_meta_type;

/* One key of the metadata file. `type` and `offset` (into rel_entity) are
 * for the validator; `example` and `help` for `relazione init` and docs. */
typedef struct rel_metadata_key {
    const char *name;         /* "sezione.chiave" */
    rel_meta_type type;
    bool required;
    size_t offset;
    const char *example;      /* "{anno}" / "{anno+1}": the year; "": left commented out */
    const char *help;         /* Italian, one line */
} rel_metadata_key;

extern const rel_metadata_key rel_metadata_keys[];
extern const size_t rel_metadata_key_count;

/* Fills *entity from `ini`. Unknown keys (with a "forse" hint), duplicates,
 * missing required keys and invalid values are all reported; returns false
 * if any error was added. Absent optional texts become "". */
bool rel_metadata_validate(const rel_ini *ini, rel_arena *arena, rel_diags *diags,
                           rel_entity *entity);

#endif
