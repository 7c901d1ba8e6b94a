#include "compute/totals.h"

bool rel_schedule_sum(const rel_schedule *schedule, rel_pair *sum)
{
    *sum = (rel_pair){0, 0};
    for (size_t i = 0; i < schedule->count; i++) {
        const rel_schedule_line *line = &schedule->lines[i];
        if (line->kind != REL_LINE_ITEM)
            continue;
        if (__builtin_add_overflow(sum->preventivo, line->preventivo.cents, &sum->preventivo)
            || __builtin_add_overflow(sum->consuntivo, line->consuntivo.cents, &sum->consuntivo))
            return false;
    }
    return true;
}
