/*
 * batch.h - many entities in one command: `relazione batch ROOT -o OUT`.
 *
 * One entity per sub-directory of ROOT (names beginning with '.' or '_'
 * excepted), in byte order of their names. Each is built by a worker
 * process exactly as `relazione build ROOT/<entity> -o OUT/<entity>` would
 * build it, at most `jobs` at a time, and what happens to one (a data
 * error, a finding, a crash) happens to no other. Each entity's
 * diagnostics go to OUT/_registro/<entity>.txt, and a summary of all
 * (entity, outcome, findings, pages, time) to OUT/riepilogo.csv and
 * OUT/riepilogo.json, in entity order. `--shard I/N` builds only a stable
 * 1/N of the entities (shard.h). Nothing here prints: progress goes to the
 * FILE* of the options, problems of the batch itself to `diags`.
 */
#ifndef REL_BATCH_H
#define REL_BATCH_H

#include <stdbool.h>
#include <stdio.h>

#include "batch/shard.h"
#include "core/arena.h"
#include "core/diag.h"
#include "pipeline/build.h"

typedef struct rel_batch_options {
    const char *root;          /* the directory of entities */
    const char *out;           /* OUT: neither ROOT nor inside it */
    int jobs;                  /* worker processes at once, 1 or more */
    int shard;                 /* this shard, 1..shards */
    int shards;                /* 1: every entity */
    FILE *progress;            /* where progress goes (the CLI: stderr); NULL for none */
    bool terminal;             /* progress as one redrawn bar, not one line per entity */
} rel_batch_options;

/* Builds every entity of the shard and writes the summary. The status is
 * that of the entities' statuses which ranks highest in 0 < 1 (findings)
 * < 65 < 66 < 73 < 74 < 70 (entity.h): 0 when every entity built cleanly,
 * 1 when the worst was a finding, 65 when one had invalid data, and so on;
 * 0 for a shard with no entity. Problems of the batch itself come first: 64
 * when ROOT is an entity's own input directory (it has metadati.ini), 66
 * when ROOT cannot be read, 73 when OUT cannot be made or lies inside ROOT
 * (nothing is built then), 74 when the summary cannot be written. */
rel_exit rel_batch_run(const rel_batch_options *options, rel_arena *arena, rel_diags *diags);

#endif
