/*
 * enospc.c - an LD_PRELOAD shim that fills the disk, for test_robustness.py.
 *
 *     ENOSPC_DIR=/out ENOSPC_AFTER=100000 LD_PRELOAD=./enospc.so relazione build ...
 *
 * Writes to files under ENOSPC_DIR succeed until ENOSPC_AFTER bytes in all
 * have been written there; after that every write to such a file fails with
 * ENOSPC, like a full file system (a short write first, then nothing). Other
 * files (stderr, /tmp) are untouched. Covers write(2) and pwrite(2) and the
 * stdio calls our writers use (libharu and minizip write with fwrite); a
 * stream that failed reports the error again from ferror() and fclose().
 * Like a disk, the budget is shared by the processes a run forks (its
 * document writers): the count lives in a shared mapping.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static size_t *written;

__attribute__((constructor)) static void share_count(void)
{
    void *page = mmap(NULL, sizeof *written, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                      -1, 0);
    static size_t alone;
    written = page == MAP_FAILED ? &alone : page;
}

/* True when `fd` is a file under ENOSPC_DIR. */
static bool watched(int fd)
{
    const char *dir = getenv("ENOSPC_DIR");
    if (dir == NULL || fd < 0)
        return false;
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0)
        return false;
    path[n] = '\0';
    size_t len = strlen(dir);
    return strncmp(path, dir, len) == 0 && path[len] == '/';
}

/* How many of `count` bytes may still be written to `fd`; sets errno to
 * ENOSPC when that is fewer. */
static size_t allowed(int fd, size_t count)
{
    if (!watched(fd))
        return count;
    const char *after = getenv("ENOSPC_AFTER");
    size_t budget = after ? strtoull(after, NULL, 10) : 0;
    size_t before = __atomic_load_n(written, __ATOMIC_SEQ_CST), ok;
    do {
        size_t left = before < budget ? budget - before : 0;
        ok = count < left ? count : left;
    } while (!__atomic_compare_exchange_n(written, &before, before + ok, false, __ATOMIC_SEQ_CST,
                                          __ATOMIC_SEQ_CST));
    if (ok < count)
        errno = ENOSPC;
    return ok;
}

#define REAL(name) static __typeof__(name) *real_##name; \
    if (real_##name == NULL) real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void *buf, size_t count)
{
    REAL(write);
    size_t ok = allowed(fd, count);
    if (ok == 0 && count > 0)
        return -1;
    return real_write(fd, buf, ok);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
    REAL(pwrite);
    size_t ok = allowed(fd, count);
    if (ok == 0 && count > 0)
        return -1;
    return real_pwrite(fd, buf, ok, offset);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
    REAL(writev);
    size_t total = 0;
    for (int i = 0; i < iovcnt; i++)
        total += iov[i].iov_len;
    if (allowed(fd, total) < total)
        return -1;
    return real_writev(fd, iov, iovcnt);
}

/* Streams that failed: fclose reports them, as it would after a real ENOSPC. */
static FILE *failed[64];

static void mark_failed(FILE *stream)
{
    for (size_t i = 0; i < 64; i++)
        if (failed[i] == stream || failed[i] == NULL) {
            failed[i] = stream;
            break;
        }
    /* glibc's error flag (_IO_ERR_SEEN), so that ferror() sees it too. */
    stream->_flags |= 0x20;
}

size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *stream)
{
    REAL(fwrite);
    if (size == 0 || nmemb == 0)
        return real_fwrite(ptr, size, nmemb, stream);
    size_t ok = allowed(fileno(stream), size * nmemb);
    if (ok < size * nmemb) {
        size_t items = ok / size;
        size_t done = items ? real_fwrite(ptr, size, items, stream) : 0;
        mark_failed(stream);
        errno = ENOSPC;
        return done;
    }
    return real_fwrite(ptr, size, nmemb, stream);
}

int fputs(const char *s, FILE *stream)
{
    REAL(fputs);
    size_t len = strlen(s);
    if (allowed(fileno(stream), len) < len) {
        mark_failed(stream);
        errno = ENOSPC;
        return EOF;
    }
    return real_fputs(s, stream);
}

int fputc(int c, FILE *stream)
{
    REAL(fputc);
    if (allowed(fileno(stream), 1) < 1) {
        mark_failed(stream);
        errno = ENOSPC;
        return EOF;
    }
    return real_fputc(c, stream);
}

int fclose(FILE *stream)
{
    REAL(fclose);
    bool was_failed = false;
    for (size_t i = 0; i < 64; i++)
        if (failed[i] == stream) {
            failed[i] = (FILE *)-1;   /* a slot that matches no stream */
            was_failed = true;
        }
    int status = real_fclose(stream);
    if (was_failed) {
        errno = ENOSPC;
        return EOF;
    }
    return status;
}
