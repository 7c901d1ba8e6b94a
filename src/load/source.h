/*
 * source.h - read one input file into memory as UTF-8 text.
 */
#ifndef REL_SOURCE_H
#define REL_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"
#include "load/encoding.h"

/* Reads the file at `fs_path` (named `display_path` in diagnostics) and
 * decodes it (load/encoding.h). Refused before it is read: a named pipe,
 * device or socket (E008: opened without blocking, never read), a
 * directory (E004), a file over `max_bytes` (E005). Refused after: a
 * spreadsheet, document or archive under a text name (E012, "è un file
 * Excel: esportarlo come CSV"). Returns false after adding an error; the
 * file is opened read-only and never modified. */
bool rel_source_read(const char *fs_path, const char *display_path, size_t max_bytes,
                     rel_arena *arena, rel_diags *diags, rel_text *text);

#endif
