/*
 * entity.h - one entity of a batch: what its worker reported, what that
 * outcome is called, and how outcomes rank for the batch's exit status
 * (private to batch/).
 */
#ifndef REL_BATCH_ENTITY_H
#define REL_BATCH_ENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "pipeline/build.h"

#define REL_BATCH_LOGS "_registro"   /* OUT/_registro/<entity>.txt: its diagnostics */
#define REL_BATCH_SUMMARY_CSV "riepilogo.csv"
#define REL_BATCH_SUMMARY_JSON "riepilogo.json"

typedef struct rel_batch_entity {
    const char *name;         /* the sub-directory of ROOT, and of OUT */
    pid_t pid;                /* of its worker while it runs, else 0 */
    int pipe;                 /* read end of the worker's report, or -1 */
    double started;           /* CLOCK_MONOTONIC seconds at the fork */
    double seconds;           /* wall time of its build */
    bool done;
    bool crashed;             /* no report: killed by a signal, or could not start */
    int status;               /* the exit status a single `build` would have had */
    rel_build_result result;  /* pages, checks and findings, as rel_build gives them */
    size_t errors, warnings;  /* diagnostics, as in its log */
} rel_batch_entity;

/* The outcome in words, as the summary writes it: "ok", "da correggere"
 * (findings), "dati non validi" (65), "input mancante" (66), "errore di
 * scrittura" (73, 74), "errore interno" (70), "interrotto" (crashed). */
const char *rel_batch_outcome(const rel_batch_entity *entity);

/* Rank of an exit status for the batch's own: 0 < 1 < 65 < 66 < 73 < 74 <
 * 70 (an unknown status ranks with 70). The batch exits with the status of
 * highest rank among its entities. */
int rel_batch_rank(int status);

#endif
