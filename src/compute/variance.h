/*
 * variance.h - budget variances of the schedules, by voce, azione, area.
 *
 * scostamento = consuntivo - preventivo; scostamento % = scostamento /
 * preventivo; tasso di esecuzione = consuntivo / preventivo. Percentages
 * are hundredths of a point (8,83% => 883), rounded half away from zero;
 * undefined when the preventivo is zero.
 *
 * The groups follow the levels of the schedules (metadati.ini,
 * schede.livelli: area, servizio, azione, … — area and azione by default),
 * summed in one pass over lines sorted by their levels, so the work is
 * O(lines log lines) at any depth.
 *
 * A variance "needs words" (art. 231 TUEL: the causes of the main
 * variances) when it exceeds the thresholds of metadati.ini: both of them
 * when both are set, a variance being material only if it is large in
 * euros and in proportion; the one that is set otherwise; never when none
 * is. A variance with an undefined percentage exceeds any percentage.
 */
#ifndef REL_COMPUTE_VARIANCE_H
#define REL_COMPUTE_VARIANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "model/model.h"

typedef enum rel_level {
    REL_LEVEL_VOCE,
    REL_LEVEL_AZIONE,            /* a group below the area: servizio, azione, … */
    REL_LEVEL_AREA,              /* the first level */
    REL_LEVEL_TOTAL,
} rel_level;

typedef struct rel_variance {
    rel_level level;
    int depth;                   /* 0: the total; 1..n: the n-th level of the schedule
                                    (1 = area); a voce is one below its deepest level */
    const char *level_name;      /* "area", "servizio", "azione"; "voce"; "" for the total */
    const char *name;            /* the group's own value, or the voce; "TOTALE" */
    const char *area;
    const char *azione;          /* the group's own value below the area; "" otherwise */
    const char *voce;            /* "" above the voce level */
    int64_t preventivo;          /* cents */
    int64_t consuntivo;
    int64_t difference;          /* consuntivo - preventivo */
    bool percent_defined;
    int64_t percent;             /* difference / preventivo, hundredths of a point */
    int64_t execution;           /* consuntivo / preventivo, hundredths of a point */
    bool needs_words;
    const char *motivazione;     /* the explanation found, "" if none */
    rel_origin at;               /* the line, or the TOTALE row, or the first line */
} rel_variance;

typedef struct rel_variances {
    rel_variance *items;         /* voci in file order; then the groups, each area after the
                                    groups below it (depth first, in order of first line);
                                    then the total */
    size_t count;
} rel_variances;

/* Computes every variance of the schedules. false when out of memory or on
 * an overflow (a sum beyond int64 cents). */
bool rel_variances_compute(const rel_model *model, rel_arena *arena, rel_variances *out);

/* a / b as hundredths of a point, half away from zero; false if b is 0. */
bool rel_percent_of(int64_t a, int64_t b, int64_t *out);

#endif
