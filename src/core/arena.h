/*
 * arena.h - region allocator for everything a run builds.
 *
 * The model, the document tree and the diagnostics live as long as one run,
 * so they are allocated from one arena and released together: an error path
 * never has to free a half-built structure piece by piece.
 */
#ifndef REL_ARENA_H
#define REL_ARENA_H

#include <stddef.h>

typedef struct rel_arena_block rel_arena_block;

typedef struct rel_arena {
    rel_arena_block *head;   /* newest block; allocations come from here */
    size_t total;            /* bytes obtained from malloc, for limits and benchmarks */
} rel_arena;

/* Prepares an empty arena; allocates nothing yet. */
void rel_arena_init(rel_arena *arena);

/* Returns `size` bytes aligned for any type, zero-filled, or NULL when out of
 * memory (the arena is then unchanged). */
void *rel_arena_alloc(rel_arena *arena, size_t size);

/* Returns an array of `count` elements of `size` bytes, zero-filled, or NULL on
 * overflow of count * size or when out of memory. */
void *rel_arena_array(rel_arena *arena, size_t count, size_t size);

/* Copies `len` bytes of `text` into the arena and appends a NUL.
 * rel_arena_strndup(a, "abcdef", 3) => "abc". NULL when out of memory. */
char *rel_arena_strndup(rel_arena *arena, const char *text, size_t len);

/* Same as rel_arena_strndup(arena, text, strlen(text)). */
char *rel_arena_strdup(rel_arena *arena, const char *text);

/* printf into the arena; NULL when out of memory. */
char *rel_arena_printf(rel_arena *arena, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* Releases every block; the arena is empty and may be reused. A no-op on an
 * arena that allocated nothing. */
void rel_arena_free(rel_arena *arena);

#endif
