/*
 * worker.h - one process per entity (private to batch/).
 *
 * A worker is a fork of the batch: it builds its entity with rel_build, into
 * OUT/<entity>/ exactly as `relazione build ROOT/<entity> -o OUT/<entity>`
 * would, with its own arena and diagnostics, writes the diagnostics to
 * OUT/_registro/<entity>.txt and reports its outcome to the parent through a
 * pipe. Whatever happens to it (a data error, running out of memory, a
 * crash) happens to that entity only.
 */
#ifndef REL_BATCH_WORKER_H
#define REL_BATCH_WORKER_H

#include <stdbool.h>
#include <stddef.h>

#include "batch/batch.h"
#include "batch/entity.h"

/* Starts the worker of `entity`: sets its pid, pipe and start time. Returns
 * false (errno set, nothing left open) when no pipe or process could be
 * made. */
bool rel_batch_worker_start(const rel_batch_options *options, rel_batch_entity *entity);

/* Waits for any running worker among list[0..count) to end, fills its
 * entity from the report (a worker that ended without one is `crashed`,
 * status 70) and returns it; NULL when no worker is running. */
rel_batch_entity *rel_batch_worker_collect(rel_batch_entity *list, size_t count);

#endif
