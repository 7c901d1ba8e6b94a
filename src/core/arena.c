#include "core/arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Large enough that a typical report needs a handful of blocks, small enough
 * that an empty run stays light. */
#define REL_ARENA_BLOCK_SIZE ((size_t)64 * 1024)
#define REL_ARENA_ALIGN ((size_t)_Alignof(max_align_t))

struct rel_arena_block {
    rel_arena_block *next;
    size_t used;
    size_t capacity;
    _Alignas(max_align_t) unsigned char data[];
};

void rel_arena_init(rel_arena *arena)
{
    arena->head = NULL;
    arena->total = 0;
}

static rel_arena_block *arena_new_block(rel_arena *arena, size_t min_size)
{
    size_t capacity = min_size > REL_ARENA_BLOCK_SIZE ? min_size : REL_ARENA_BLOCK_SIZE;
    rel_arena_block *block = malloc(sizeof *block + capacity);
    if (block == NULL)
        return NULL;
    block->next = arena->head;
    block->used = 0;
    block->capacity = capacity;
    arena->head = block;
    arena->total += sizeof *block + capacity;
    return block;
}

void *rel_arena_alloc(rel_arena *arena, size_t size)
{
    if (size > SIZE_MAX - REL_ARENA_ALIGN)
        return NULL;
    size_t rounded = (size + REL_ARENA_ALIGN - 1) & ~(REL_ARENA_ALIGN - 1);
    rel_arena_block *block = arena->head;
    if (block == NULL || block->capacity - block->used < rounded) {
        block = arena_new_block(arena, rounded);
        if (block == NULL)
            return NULL;
    }
    void *result = block->data + block->used;
    block->used += rounded;
    memset(result, 0, size);
    return result;
}

void *rel_arena_array(rel_arena *arena, size_t count, size_t size)
{
    size_t bytes;
    if (__builtin_mul_overflow(count, size, &bytes))
        return NULL;
    return rel_arena_alloc(arena, bytes);
}

char *rel_arena_strndup(rel_arena *arena, const char *text, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *copy = rel_arena_alloc(arena, len + 1);
    if (copy == NULL)
        return NULL;
    memcpy(copy, text, len);
    copy[len] = '\0';
    return copy;
}

char *rel_arena_strdup(rel_arena *arena, const char *text)
{
    return rel_arena_strndup(arena, text, strlen(text));
}

char *rel_arena_printf(rel_arena *arena, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    int len = vsnprintf(NULL, 0, format, args);
    va_end(args);
    if (len < 0)
        return NULL;
    char *text = rel_arena_alloc(arena, (size_t)len + 1);
    if (text == NULL)
        return NULL;
    va_start(args, format);
    vsnprintf(text, (size_t)len + 1, format, args);
    va_end(args);
    return text;
}

void rel_arena_free(rel_arena *arena)
{
    rel_arena_block *block = arena->head;
    while (block != NULL) {
        rel_arena_block *next = block->next;
        free(block);
        block = next;
    }
    rel_arena_init(arena);
}
