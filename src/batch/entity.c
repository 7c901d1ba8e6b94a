#include "batch/entity.h"

const char *rel_batch_outcome(const rel_batch_entity *e)
{
    if (e->crashed)
        return "interrotto";
    switch (e->status) {
    case REL_EXIT_OK:
        return "ok";
    case REL_EXIT_FINDINGS:
        return "da correggere";
    case REL_EXIT_DATA:
        return "dati non validi";
    case REL_EXIT_NOINPUT:
        return "input mancante";
    case REL_EXIT_CANTCREAT:
    case REL_EXIT_IOERR:
        return "errore di scrittura";
    default:
        return "errore interno";
    }
}

int rel_batch_rank(int status)
{
    static const int order[] = {REL_EXIT_OK, REL_EXIT_FINDINGS, REL_EXIT_DATA, REL_EXIT_NOINPUT,
                                REL_EXIT_CANTCREAT, REL_EXIT_IOERR, REL_EXIT_SOFTWARE};
    const int count = (int)(sizeof order / sizeof order[0]);
    for (int i = 0; i < count; i++)
        if (order[i] == status)
            return i;
    return count - 1;
}
