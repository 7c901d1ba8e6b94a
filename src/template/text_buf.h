/*
 * text_buf.h - a growing text in the arena (private to template/).
 *
 * A paragraph is collected line by line, and a line of a template or a
 * narrative is expanded placeholder by placeholder. Re-printing the text
 * collected so far at every step would copy it again each time (a 5 MB
 * paragraph of 1.500 lines: 4 GB copied and kept); the buffer grows by
 * doubling instead, so appending n bytes in all costs O(n) time and at
 * most about 3n bytes of arena.
 */
#ifndef REL_TEXT_BUF_H
#define REL_TEXT_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"

typedef struct rel_text_buf {
    rel_arena *arena;
    char *data;           /* NUL-terminated; NULL while empty */
    size_t len;
    size_t cap;           /* bytes of data, the NUL included */
} rel_text_buf;

/* An empty buffer whose text will live in `arena`. */
void rel_text_buf_init(rel_text_buf *buf, rel_arena *arena);

/* Appends `len` bytes of `text`. false when out of memory: the buffer is
 * then unchanged. */
bool rel_text_buf_append(rel_text_buf *buf, const char *text, size_t len);

/* Appends `sep` and then `text` when the buffer holds something, `text`
 * alone when it is empty (lines joining into a paragraph). */
bool rel_text_buf_join(rel_text_buf *buf, const char *sep, const char *text, size_t len);

/* True when nothing has been appended since init or the last take. */
bool rel_text_buf_empty(const rel_text_buf *buf);

/* The text collected (it stays valid as long as the arena) and an empty
 * buffer again; "" when nothing was appended. Never fails. */
const char *rel_text_buf_take(rel_text_buf *buf);

#endif
