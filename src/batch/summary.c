#include "batch/summary.h"

#include <csv.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/number.h"

/* Quoted by libcsv only when it must be, as init.c writes its CSV. */
static void field(FILE *file, const char *text, bool first)
{
    if (!first)
        fputc(';', file);
    if (strpbrk(text, ";\"\r\n") != NULL)
        csv_fwrite(file, text, strlen(text));
    else
        fputs(text, file);
}

static void number_field(FILE *file, size_t value)
{
    char text[32];
    snprintf(text, sizeof text, "%zu", value);
    field(file, text, false);
}

static int64_t hundredths(double seconds)
{
    return (int64_t)(seconds * 100.0 + 0.5);
}

bool rel_batch_summary_csv(const char *path, const rel_batch_entity *list, size_t count)
{
    FILE *file = fopen(path, "w");
    if (file == NULL)
        return false;
    fputs("\xEF\xBB\xBF", file);   /* BOM: Excel reads the accents right */
    static const char *const header[] = {"ente", "esito", "codice_uscita", "errori", "avvisi",
                                         "verifiche", "da_correggere", "pagine", "secondi"};
    for (size_t i = 0; i < sizeof header / sizeof header[0]; i++)
        field(file, header[i], i == 0);
    fputs("\r\n", file);
    for (size_t i = 0; i < count; i++) {
        const rel_batch_entity *e = &list[i];
        char status[16], seconds[REL_NUMBER_FORMAT_MAX];
        snprintf(status, sizeof status, "%d", e->status);
        field(file, e->name, true);
        field(file, rel_batch_outcome(e), false);
        field(file, status, false);
        number_field(file, e->errors);
        number_field(file, e->warnings);
        number_field(file, e->result.checks);
        number_field(file, e->result.findings);
        if (e->result.published)
            number_field(file, e->result.pages);
        else
            field(file, "", false);
        field(file, rel_number_format(hundredths(e->seconds), 2, 2, 0, seconds), false);
        fputs("\r\n", file);
    }
    bool ok = !ferror(file);
    return fclose(file) == 0 && ok;
}

static json_t *entity_json(const rel_batch_entity *e)
{
    json_t *pages = e->result.published ? json_integer((json_int_t)e->result.pages) : json_null();
    return json_pack("{s:s,s:s,s:i,s:I,s:I,s:I,s:I,s:o,s:f}", "ente", e->name, "esito",
                     rel_batch_outcome(e), "codice_uscita", e->status, "errori",
                     (json_int_t)e->errors, "avvisi", (json_int_t)e->warnings, "verifiche",
                     (json_int_t)e->result.checks, "da_correggere",
                     (json_int_t)e->result.findings, "pagine", pages, "secondi",
                     (double)hundredths(e->seconds) / 100.0);
}

bool rel_batch_summary_json(const char *path, const rel_batch_entity *list, size_t count)
{
    json_t *entities = json_array();
    for (size_t i = 0; entities && i < count; i++) {
        if (json_array_append_new(entities, entity_json(&list[i])) != 0) {
            json_decref(entities);
            return false;
        }
    }
    json_t *root = entities ? json_pack("{s:I,s:o}", "enti", (json_int_t)count, "risultati",
                                        entities) : NULL;
    bool ok = root && json_dump_file(root, path, JSON_INDENT(2) | JSON_PRESERVE_ORDER
                                                     | JSON_REAL_PRECISION(6)) == 0;
    json_decref(root);
    return ok;
}
