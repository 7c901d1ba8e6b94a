#include "core/diag.h"

#include "core/utf8.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void rel_diags_init(rel_diags *diags, rel_arena *arena)
{
    memset(diags, 0, sizeof *diags);
    diags->arena = arena;
}

static bool diags_grow(rel_diags *diags)
{
    size_t capacity = diags->capacity ? diags->capacity * 2 : 16;
    rel_diag *items = realloc(diags->items, capacity * sizeof *items);
    if (items == NULL)
        return false;
    diags->items = items;
    diags->capacity = capacity;
    return true;
}

/* A message cut at the buffer's end may end inside a UTF-8 character:
 * drop the partial character, so no writer ever sees a broken sequence. */
static void cut_at_character(char *text)
{
    size_t len = strlen(text), lead = len;
    while (lead > 0 && ((unsigned char)text[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead > 0
        && rel_utf8_sequence((const unsigned char *)text + lead - 1, len - lead + 1) == 0)
        text[lead - 1] = '\0';
}

void rel_diag_add(rel_diags *diags, rel_severity severity, const char *code,
                  rel_origin where, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    rel_diag_vadd(diags, severity, code, where, format, args);
    va_end(args);
}

void rel_diag_vadd(rel_diags *diags, rel_severity severity, const char *code, rel_origin where,
                   const char *format, va_list args)
{
    if (severity == REL_SEV_ERROR)
        diags->errors++;
    else if (severity == REL_SEV_WARNING)
        diags->warnings++;

    char buffer[1024];
    vsnprintf(buffer, sizeof buffer, format, args);
    cut_at_character(buffer);

    char *message = rel_arena_strdup(diags->arena, buffer);
    if (message == NULL || (diags->count == diags->capacity && !diags_grow(diags))) {
        diags->out_of_memory = true;
        return;
    }
    diags->items[diags->count] = (rel_diag){
        .severity = severity,
        .code = code,
        .where = where,
        .message = message,
        .sequence = diags->count,
    };
    diags->count++;
}

static int compare_diags(const void *left, const void *right)
{
    const rel_diag *a = left;
    const rel_diag *b = right;
    int by_file = strcmp(a->where.file ? a->where.file : "", b->where.file ? b->where.file : "");
    if (by_file != 0)
        return by_file;
    if (a->where.line != b->where.line)
        return a->where.line < b->where.line ? -1 : 1;
    if (a->where.col != b->where.col)
        return a->where.col < b->where.col ? -1 : 1;
    return a->sequence < b->sequence ? -1 : (a->sequence > b->sequence);
}

void rel_diags_sort(rel_diags *diags)
{
    if (diags->count > 1)
        qsort(diags->items, diags->count, sizeof *diags->items, compare_diags);
}

const char *rel_severity_label(rel_severity severity)
{
    switch (severity) {
    case REL_SEV_ERROR:
        return "errore";
    case REL_SEV_WARNING:
        return "avviso";
    case REL_SEV_NOTE:
        return "nota";
    }
    return "errore";
}

static void write_location(const rel_origin *where, FILE *out)
{
    if (where->file == NULL)
        return;
    fputs(where->file, out);
    if (where->line > 0) {
        fprintf(out, ":%u", (unsigned)where->line);
        if (where->col > 0)
            fprintf(out, ":%u", (unsigned)where->col);
    }
    fputs(": ", out);
}

bool rel_diags_write_text(const rel_diags *diags, FILE *out)
{
    for (size_t i = 0; i < diags->count; i++) {
        const rel_diag *diag = &diags->items[i];
        write_location(&diag->where, out);
        fprintf(out, "%s: %s [%s]\n", rel_severity_label(diag->severity), diag->message,
                diag->code);
    }
    if (diags->out_of_memory)
        fputs("relazione: errore: memoria esaurita, alcuni messaggi sono andati persi [E001]\n",
              out);
    return !ferror(out);
}

void rel_diags_free(rel_diags *diags)
{
    free(diags->items);
    diags->items = NULL;
    diags->count = diags->capacity = 0;
}
