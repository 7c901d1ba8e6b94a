/*
 * batch.h - many entities in one command: `relazione batch ROOT -o OUT`.
 *
 * One entity per sub-directory of ROOT, each built exactly as a single
 * `relazione build` would build it, into OUT/<entity>/, by worker
 * processes (one failure stops no other: a crash is that entity's
 * outcome). A summary (entity, outcome, findings, pages, time) goes to
 * OUT/riepilogo.csv and OUT/riepilogo.json, and each entity's diagnostics
 * to OUT/_registro/<entity>.txt. --shard I/N takes a stable 1/N of the
 * entities (docs/SCALING.md), so N machines split the work without talking.
 */
#ifndef REL_BATCH_H
#define REL_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/arena.h"
#include "core/diag.h"
#include "pipeline/build.h"

typedef struct rel_batch_options {
    const char *root;
    const char *out;
    int jobs;                  /* worker processes, 1 or more */
    int shard;                 /* this shard, 1..shards */
    int shards;                /* 1: every entity */
    FILE *progress;            /* where progress goes (stderr); NULL for none */
    bool terminal;             /* progress as one updating bar, not one line an entity */
} rel_batch_options;

/* Whether entity `name` belongs to shard `shard` of `shards`: its FNV-1a
 * hash modulo shards is shard - 1. Depends on the name only. */
bool rel_batch_in_shard(const char *name, int shard, int shards);

/* Parses "I/N" (1 <= I <= N); false if it is not that. */
bool rel_batch_parse_shard(const char *text, int *shard, int *shards);

/* Builds every entity of the shard. Problems of the batch itself (ROOT
 * unreadable, OUT inside ROOT, the summary unwritable) go to `diags`. The
 * status is 0 when every entity built cleanly, else the most serious of
 * the entities' statuses (input/data errors before findings). */
rel_exit rel_batch_run(const rel_batch_options *options, rel_arena *arena, rel_diags *diags);

#endif
