/*
 * renamefault.c - an LD_PRELOAD shim that breaks publication at a chosen
 * rename, for test_robustness.py.
 *
 *     RENAME_FAULT_AT=2 RENAME_FAULT=eio LD_PRELOAD=./renamefault.so relazione build ...
 *
 * The RENAME_FAULT_AT-th call of renameat(2) (or rename) in the process
 * fails with EIO (RENAME_FAULT=eio) or kills the process with SIGKILL
 * before doing anything (RENAME_FAULT=kill), as a power cut or the OOM
 * killer would. LINK_FAULT=eperm makes every linkat(2) fail with EPERM, as
 * on a file system without hard links (vfat).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned long renames;

/* True when this rename must not happen (errno set), after killing the
 * process if so asked. */
static int fault(void)
{
    const char *at = getenv("RENAME_FAULT_AT");
    const char *kind = getenv("RENAME_FAULT");
    if (at == NULL || ++renames != strtoul(at, NULL, 10))
        return 0;
    if (kind && strcmp(kind, "kill") == 0)
        raise(SIGKILL);
    errno = EIO;
    return 1;
}

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
    static __typeof__(renameat) *real;
    if (real == NULL)
        real = (__typeof__(renameat) *)dlsym(RTLD_NEXT, "renameat");
    return fault() ? -1 : real(olddirfd, oldpath, newdirfd, newpath);
}

int rename(const char *oldpath, const char *newpath)
{
    static __typeof__(rename) *real;
    if (real == NULL)
        real = (__typeof__(rename) *)dlsym(RTLD_NEXT, "rename");
    return fault() ? -1 : real(oldpath, newpath);
}

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)
{
    static __typeof__(linkat) *real;
    if (real == NULL)
        real = (__typeof__(linkat) *)dlsym(RTLD_NEXT, "linkat");
    const char *kind = getenv("LINK_FAULT");
    if (kind && strcmp(kind, "eperm") == 0) {
        errno = EPERM;
        return -1;
    }
    return real(olddirfd, oldpath, newdirfd, newpath, flags);
}
