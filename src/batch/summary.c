#include "batch/summary.h"

#include <csv.h>
#include <jansson.h>
#include <string.h>

#include "core/codes.h"
#include "core/number.h"

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

static const char *seconds_text(double seconds, char *buffer)
{
    return rel_number_format((int64_t)(seconds * 100.0 + 0.5), 2, 2, 0, buffer);
}

void rel_batch_progress_step(rel_batch_progress *p, const rel_batch_entity *e)
{
    p->done++;
    p->clean += e->status == REL_EXIT_OK && !e->crashed;
    p->findings += e->status == REL_EXIT_FINDINGS && !e->crashed;
    p->failed += e->crashed || (e->status != REL_EXIT_OK && e->status != REL_EXIT_FINDINGS);
    if (p->out == NULL)
        return;
    if (!p->terminal) {
        char seconds[REL_NUMBER_FORMAT_MAX];
        fprintf(p->out, "%s: %s (%zu errori, %zu pagine, %s s)\n", e->name, rel_batch_outcome(e),
                e->errors, e->result.pages, seconds_text(e->seconds, seconds));
        return;
    }
    char bar[31];
    size_t filled = p->total ? p->done * 30 / p->total : 30;
    for (size_t i = 0; i < 30; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[30] = '\0';
    fprintf(p->out, "\r[%s] %zu/%zu  ok %zu  da correggere %zu  errori %zu", bar, p->done,
            p->total, p->clean, p->findings, p->failed);
    fflush(p->out);
}

void rel_batch_progress_end(rel_batch_progress *p)
{
    if (p->out && p->terminal)
        fputc('\n', p->out);
    if (p->out)
        fprintf(p->out, "relazione: %zu enti, %zu senza rilievi, %zu da correggere, %zu con "
                        "errori\n", p->total, p->clean, p->findings, p->failed);
}

static void csv_field(FILE *file, const char *text, bool first)
{
    if (!first)
        fputc(';', file);
    csv_fwrite(file, text, strlen(text));
}

static bool write_csv(const char *path, const rel_batch_entity *list, size_t count)
{
    FILE *file = fopen(path, "w");
    if (file == NULL)
        return false;
    fputs("\xEF\xBB\xBF", file);   /* BOM: Excel opens the accents right */
    static const char *const header[] = {"ente", "esito", "codice_uscita", "errori", "avvisi",
                                         "verifiche", "da_correggere", "pagine", "secondi"};
    for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
        csv_field(file, header[i], i == 0);
    fputs("\r\n", file);
    for (size_t i = 0; i < count; i++) {
        const rel_batch_entity *e = &list[i];
        char numbers[6][32], seconds[REL_NUMBER_FORMAT_MAX];
        snprintf(numbers[0], 32, "%d", e->status);
        snprintf(numbers[1], 32, "%zu", e->errors);
        snprintf(numbers[2], 32, "%zu", e->warnings);
        snprintf(numbers[3], 32, "%zu", e->result.checks);
        snprintf(numbers[4], 32, "%zu", e->result.findings);
        snprintf(numbers[5], 32, "%zu", e->result.pages);
        csv_field(file, e->name, true);
        csv_field(file, rel_batch_outcome(e), false);
        for (int k = 0; k < 6; k++)
            csv_field(file, numbers[k], false);
        csv_field(file, seconds_text(e->seconds, seconds), false);
        fputs("\r\n", file);
    }
    bool ok = !ferror(file);
    return fclose(file) == 0 && ok;
}

static bool write_json(const char *path, const rel_batch_entity *list, size_t count)
{
    json_t *entities = json_array();
    for (size_t i = 0; entities && i < count; i++) {
        const rel_batch_entity *e = &list[i];
        json_t *item = json_pack("{s:s,s:s,s:i,s:I,s:I,s:I,s:I,s:I,s:f}", "ente", e->name,
                                 "esito", rel_batch_outcome(e), "codice_uscita", e->status,
                                 "errori", (json_int_t)e->errors, "avvisi", (json_int_t)e->warnings,
                                 "verifiche", (json_int_t)e->result.checks,
                                 "da_correggere", (json_int_t)e->result.findings,
                                 "pagine", (json_int_t)e->result.pages, "secondi", e->seconds);
        if (item == NULL || json_array_append_new(entities, item) != 0) {
            json_decref(entities);
            return false;
        }
    }
    json_t *root = entities ? json_pack("{s:I,s:o}", "enti", (json_int_t)count, "risultati",
                                        entities) : NULL;
    bool ok = root && json_dump_file(root, path, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0;
    json_decref(root);
    return ok;
}

bool rel_batch_write_summary(const rel_batch_options *o, const rel_batch_entity *list,
                             size_t count, rel_arena *arena, rel_diags *diags)
{
    const char *csv_path = rel_arena_printf(arena, "%s/riepilogo.csv", o->out);
    const char *json_path = rel_arena_printf(arena, "%s/riepilogo.json", o->out);
    if (csv_path && json_path && write_csv(csv_path, list, count)
        && write_json(json_path, list, count))
        return true;
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, (rel_origin){o->out, 0, 0},
                 "impossibile scrivere il riepilogo del lotto");
    return false;
}
