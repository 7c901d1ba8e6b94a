/*
 * writers.h - each document written by a process of its own, all at once.
 *
 * The libraries that write our documents (libharu, libxlsxwriter and its
 * minizip) dereference their own failed allocations, so a document is
 * written in a child process forked from the build: a crash there ends
 * that child, not the build, and is reported (E233) with nothing
 * published. The children run concurrently (the machine has more than one
 * core) and each writes only its own staged file, so the outputs are the
 * same bytes as when written one after the other. Each child also flushes
 * its file to disk and computes its SHA-256 while the file is still in the
 * page cache, so the manifest never reads it again.
 *
 * A child reports back through a shared anonymous mapping: its
 * diagnostics, the page count, the hash. Waiting for the children also
 * waits for SIGINT/SIGTERM/SIGHUP (pipeline/interrupt.h must be holding):
 * then every child is killed and reaped before returning.
 */
#ifndef REL_WRITERS_H
#define REL_WRITERS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"
#include "pipeline/output.h"

/* Writes one document of `input` at `path` (diagnostics name it `shown`);
 * sets *pages where that means something. false after adding an error. */
typedef bool (*rel_writer_fn)(const void *input, const char *path, const char *shown,
                              rel_diags *diags, size_t *pages);

typedef struct rel_writer {
    const char *name;        /* the output's file name, "relazione.pdf" */
    rel_writer_fn render;
} rel_writer;

/* Stages one file of `set` per writer (in order) and runs every writer in
 * its own process. On return the children are gone; their diagnostics are
 * in `diags`, in writer order; each written file has its sha256 set and is
 * on disk; pages[i] is writer i's page count. true when every document was
 * written. When a held signal arrived, *interrupted is its number and the
 * return is false (no error added: the caller aborts and lets it through);
 * otherwise *interrupted is 0. */
bool rel_writers_run(const rel_writer *writers, size_t count, const void *input,
                     rel_output_set *set, size_t *pages, int *interrupted, rel_arena *arena,
                     rel_diags *diags);

#endif
