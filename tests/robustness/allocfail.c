/*
 * allocfail.c - an LD_PRELOAD shim that refuses one allocation, for
 * alloc_loop.py (the allocation-failure loop).
 *
 *     ALLOCFAIL_AT=1234 LD_PRELOAD=./allocfail.so relazione build input -o out
 *     ALLOCFAIL_COUNT=/tmp/n LD_PRELOAD=./allocfail.so relazione build input -o out
 *
 * Counts every malloc, calloc, realloc (to a non-zero size), reallocarray,
 * strdup, strndup, posix_memalign, aligned_alloc and memalign of the process;
 * the ALLOCFAIL_AT-th one (from 1) returns NULL with errno ENOMEM, and every
 * other one succeeds, so the program's error path is exercised once and
 * whatever it does next is what we see. With ALLOCFAIL_COUNT, the highest
 * count reached is written to that file at exit: the number of points a loop
 * has to try.
 *
 * A child made by fork() inherits the count of its parent at that instant and
 * goes on counting for itself, so a run is deterministic even though the
 * document writers run at the same time: each process refuses its own
 * ALLOCFAIL_AT-th allocation, if it reaches it. The highest count is shared
 * (a MAP_SHARED page) so that the count file covers the writers too.
 *
 * glibc's __libc_* entry points do the real work: dlsym itself allocates.
 * Not for AddressSanitizer builds (their malloc is not glibc's).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

static unsigned long fail_at;      /* 0: never */
static unsigned long count;        /* this process's allocations so far */
static unsigned long *highest;     /* shared by the processes of the run */

__attribute__((constructor)) static void allocfail_start(void)
{
    const char *at = getenv("ALLOCFAIL_AT");
    fail_at = at ? strtoul(at, NULL, 10) : 0;
    void *page = mmap(NULL, sizeof *highest, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                      -1, 0);
    if (page != MAP_FAILED)
        highest = page;
}

__attribute__((destructor)) static void allocfail_report(void)
{
    const char *path = getenv("ALLOCFAIL_COUNT");
    if (path == NULL || highest == NULL)
        return;
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return;
    fprintf(f, "%lu\n", __atomic_load_n(highest, __ATOMIC_RELAXED));
    fclose(f);
}

/* Counts one allocation; true when it is the one to refuse. */
static int refuse(void)
{
    count++;
    if (highest != NULL) {
        unsigned long seen = __atomic_load_n(highest, __ATOMIC_RELAXED);
        while (count > seen && !__atomic_compare_exchange_n(highest, &seen, count, 0,
                                                            __ATOMIC_RELAXED, __ATOMIC_RELAXED))
            ;
    }
    if (count == fail_at) {
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *malloc(size_t size)
{
    return refuse() ? NULL : __libc_malloc(size);
}

void *calloc(size_t n, size_t size)
{
    return refuse() ? NULL : __libc_calloc(n, size);
}

/* realloc(p, 0) frees: not an allocation, never refused. */
void *realloc(void *ptr, size_t size)
{
    if (size != 0 && refuse())
        return NULL;
    return __libc_realloc(ptr, size);
}

void *reallocarray(void *ptr, size_t n, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(n, size, &total)) {
        errno = ENOMEM;
        return NULL;
    }
    return realloc(ptr, total);
}

char *strdup(const char *s)
{
    size_t len = strlen(s) + 1;
    char *copy = malloc(len);
    return copy ? memcpy(copy, s, len) : NULL;
}

char *strndup(const char *s, size_t max)
{
    size_t len = strnlen(s, max);
    char *copy = malloc(len + 1);
    if (copy == NULL)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

void *memalign(size_t alignment, size_t size)
{
    return refuse() ? NULL : __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size)
{
    return memalign(alignment, size);
}

int posix_memalign(void **out, size_t alignment, size_t size)
{
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0)
        return EINVAL;
    void *p = memalign(alignment, size);
    if (p == NULL)
        return ENOMEM;
    *out = p;
    return 0;
}
