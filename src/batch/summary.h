/*
 * summary.h - what a batch tells: progress while it runs, and the summary
 * of every entity in OUT/riepilogo.csv and OUT/riepilogo.json (private to
 * batch/).
 */
#ifndef REL_BATCH_SUMMARY_H
#define REL_BATCH_SUMMARY_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "batch/batch.h"

#define REL_BATCH_LOGS "_registro"   /* OUT/_registro/<entity>.txt: its diagnostics */

typedef struct rel_batch_entity {
    const char *name;
    pid_t pid;
    int pipe;
    double started;
    double seconds;
    bool done;
    bool crashed;             /* killed by a signal, or never reported */
    int status;               /* the exit status a single build would have */
    rel_build_result result;
    size_t errors, warnings;
} rel_batch_entity;

typedef struct rel_batch_progress {
    FILE *out;
    bool terminal;
    size_t total, done, clean, findings, failed;
} rel_batch_progress;

/* The outcome in words: "ok", "da correggere" (findings), "dati non validi"… */
const char *rel_batch_outcome(const rel_batch_entity *entity);

/* One entity finished: a line, or the bar redrawn on a terminal. */
void rel_batch_progress_step(rel_batch_progress *progress, const rel_batch_entity *entity);
void rel_batch_progress_end(rel_batch_progress *progress);

/* riepilogo.csv (';' and decimal comma, for Italian Excel) and
 * riepilogo.json, in entity order. false after adding an error. */
bool rel_batch_write_summary(const rel_batch_options *options, const rel_batch_entity *list,
                             size_t count, rel_arena *arena, rel_diags *diags);

#endif
