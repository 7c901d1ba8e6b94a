#include "batch/progress.h"

#include <stdint.h>

#include "core/number.h"

#define BAR_WIDTH 30

void rel_batch_progress_init(rel_batch_progress *p, FILE *out, bool terminal, const char *out_dir,
                             size_t total)
{
    *p = (rel_batch_progress){.out = out, .terminal = terminal, .out_dir = out_dir,
                              .total = total};
}

static bool is_clean(const rel_batch_entity *e)
{
    return !e->crashed && e->status == REL_EXIT_OK;
}

/* "ente_0012: da correggere, 1 verifica non quadra, 0,02 s (registro: …)" */
static void entity_line(const rel_batch_progress *p, const rel_batch_entity *e)
{
    char seconds[REL_NUMBER_FORMAT_MAX];
    rel_number_format((int64_t)(e->seconds * 100.0 + 0.5), 2, 2, 0, seconds);
    fprintf(p->out, "%s: %s", e->name, rel_batch_outcome(e));
    if (e->result.published)
        fprintf(p->out, ", %zu pagine", e->result.pages);
    if (e->result.findings > 0)
        fprintf(p->out, ", %zu %s", e->result.findings,
                e->result.findings == 1 ? "verifica non quadra" : "verifiche non quadrano");
    else if (e->errors > 0)
        fprintf(p->out, ", %zu %s", e->errors, e->errors == 1 ? "errore" : "errori");
    fprintf(p->out, ", %s s", seconds);
    if (!is_clean(e) || e->warnings > 0)
        fprintf(p->out, " (registro: %s/%s/%s.txt)", p->out_dir, REL_BATCH_LOGS, e->name);
    fputc('\n', p->out);
}

static void draw_bar(const rel_batch_progress *p)
{
    char bar[BAR_WIDTH + 1];
    size_t filled = p->total ? p->done * BAR_WIDTH / p->total : BAR_WIDTH;
    for (size_t i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[BAR_WIDTH] = '\0';
    fprintf(p->out, "\r[%s] %zu/%zu  ok %zu  da correggere %zu  errori %zu", bar, p->done,
            p->total, p->clean, p->findings, p->failed);
    fflush(p->out);
}

void rel_batch_progress_step(rel_batch_progress *p, const rel_batch_entity *e)
{
    p->done++;
    if (is_clean(e))
        p->clean++;
    else if (!e->crashed && e->status == REL_EXIT_FINDINGS)
        p->findings++;
    else
        p->failed++;
    if (p->out == NULL)
        return;
    if (p->terminal)
        draw_bar(p);
    else
        entity_line(p, e);
}

void rel_batch_progress_end(rel_batch_progress *p, const rel_batch_entity *list, size_t count,
                            bool summary_written)
{
    if (p->out == NULL)
        return;
    if (p->terminal) {
        if (p->done > 0)
            fputc('\n', p->out);
        for (size_t i = 0; i < count; i++)
            if (!is_clean(&list[i]))
                entity_line(p, &list[i]);
    }
    fprintf(p->out, "relazione: %zu enti: %zu senza rilievi, %zu da correggere, %zu con errori",
            p->total, p->clean, p->findings, p->failed);
    if (summary_written)
        fprintf(p->out, "; riepilogo in %s/%s e %s/%s", p->out_dir, REL_BATCH_SUMMARY_CSV,
                p->out_dir, REL_BATCH_SUMMARY_JSON);
    fputc('\n', p->out);
    fflush(p->out);
}
