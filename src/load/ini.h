/*
 * ini.h - the metadata file: "[sezione]" and "chiave = valore" lines.
 *
 * A format a person edits by hand in Notepad (docs/INPUT.md):
 *
 *     # comments start with '#' or ';'
 *     [ente]
 *     nome = Azienda Speciale Consortile «Comuni Insieme»
 *
 * Values run to the end of the line, blanks trimmed; a value wrapped in
 * double quotes keeps its blanks. Every entry remembers the line and column
 * of its key and of its value. What the keys mean is validate/metadata.c's
 * business; this module only knows the syntax.
 */
#ifndef REL_INI_H
#define REL_INI_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/encoding.h"

typedef struct rel_ini_entry {
    const char *section;   /* "" before the first [section] */
    const char *key;       /* lower-cased */
    const char *value;
    rel_origin key_at;
    rel_origin value_at;
} rel_ini_entry;

typedef struct rel_ini {
    const char *path;
    rel_ini_entry *entries;
    size_t count;
} rel_ini;

/* Parses `text`. Malformed lines are reported (E040) and skipped, so every
 * one of them is reported in one run; returns false if there was any. */
bool rel_ini_parse(const rel_text *text, const char *path, rel_arena *arena,
                   rel_diags *diags, rel_ini *ini);

#endif
