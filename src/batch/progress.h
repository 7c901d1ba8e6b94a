/*
 * progress.h - what a batch tells while it runs and when it ends (private
 * to batch/), on the FILE* the caller chose (the CLI gives stderr).
 *
 * On a terminal, one line redrawn as entities finish:
 *     [#########.....................] 312/1000  ok 305  da correggere 4  errori 3
 * and at the end, in entity order, one line for each entity that is not ok.
 * Elsewhere (a log file, CI), one line per entity as it finishes:
 *     ente_0007: ok, 30 pagine, 0,05 s
 *     ente_0012: da correggere, 1 verifica non quadra, 0,02 s (registro: OUT/_registro/ente_0012.txt)
 * Both end with the count of entities by outcome.
 */
#ifndef REL_BATCH_PROGRESS_H
#define REL_BATCH_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "batch/entity.h"

typedef struct rel_batch_progress {
    FILE *out;                /* NULL: tell nothing */
    bool terminal;
    const char *out_dir;      /* OUT, to name the logs */
    size_t total, done, clean, findings, failed;
} rel_batch_progress;

/* Nothing is written until the first entity finishes. */
void rel_batch_progress_init(rel_batch_progress *progress, FILE *out, bool terminal,
                             const char *out_dir, size_t total);

/* `entity` has finished: its line, or the bar redrawn. */
void rel_batch_progress_step(rel_batch_progress *progress, const rel_batch_entity *entity);

/* Every entity has finished: the lines of those not ok (terminal only, in
 * the order of `list`), then the counts, and where the summary is when
 * `summary_written`. */
void rel_batch_progress_end(rel_batch_progress *progress, const rel_batch_entity *list,
                            size_t count, bool summary_written);

#endif
