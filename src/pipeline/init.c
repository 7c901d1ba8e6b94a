#include "pipeline/init.h"

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/codes.h"
#include "core/syserr.h"
#include "pipeline/load_model.h"
#include "validate/metadata.h"
#include "validate/schema.h"

typedef struct skeleton {
    const char *dir;
    int year;
    rel_arena *arena;
    rel_diags *diags;
    bool ok;
} skeleton;

/* "{anno}" and "{anno+1}" in an example become the year. */
static const char *expand(skeleton *s, const char *example)
{
    const char *at = strchr(example, '{');
    if (at == NULL)
        return example;
    bool next = strncmp(at, "{anno+1}", 8) == 0;
    size_t skip = next ? 8 : 6;
    return rel_arena_printf(s->arena, "%.*s%d%s", (int)(at - example), example,
                            s->year + (next ? 1 : 0), at + skip);
}

static FILE *create(skeleton *s, const char *name)
{
    const char *path = rel_arena_printf(s->arena, "%s/%s", s->dir, name);
    FILE *file = path ? fopen(path, "wx") : NULL;
    if (file == NULL) {
        rel_diag_add(s->diags, REL_SEV_ERROR, REL_E_OUTPUT_DIR, (rel_origin){path, 0, 0},
                     "impossibile creare il file: %s", rel_syserr(errno));
        s->ok = false;
    }
    return file;
}

static void finish(skeleton *s, FILE *file, const char *name)
{
    if (ferror(file) | fclose(file)) {
        rel_diag_add(s->diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, (rel_origin){name, 0, 0},
                     "scrittura non riuscita");
        s->ok = false;
    }
}

static void write_metadata(skeleton *s)
{
    FILE *file = create(s, REL_FILE_METADATA);
    if (file == NULL)
        return;
    fputs("# Metadati della relazione: vedi docs/INPUT.md.\n"
          "# Righe «chiave = valore»; le righe che iniziano con # sono commenti.\n", file);
    const char *section = "";
    for (size_t i = 0; i < rel_metadata_key_count; i++) {
        const rel_metadata_key *key = &rel_metadata_keys[i];
        const char *dot = strchr(key->name, '.');
        if (strncmp(section, key->name, (size_t)(dot - key->name)) != 0
            || section[dot - key->name] != '\0') {
            section = rel_arena_strndup(s->arena, key->name, (size_t)(dot - key->name));
            fprintf(file, "\n[%s]\n", section ? section : "");
        }
        const char *example = expand(s, key->example);
        fprintf(file, "# %s%s\n%s%s = %s\n", key->help, key->required ? " (obbligatorio)" : "",
                example[0] ? "" : "# ", dot + 1, example);
    }
    finish(s, file, REL_FILE_METADATA);
}

/* Writes one CSV field: quoted by libcsv only when it has to be. */
static void write_field(FILE *file, const char *text, bool first)
{
    if (!first)
        fputc(';', file);
    if (strpbrk(text, ";\"\r\n") != NULL)
        csv_fwrite(file, text, strlen(text));
    else
        fputs(text, file);
}

static void write_dataset(skeleton *s, const rel_schema *schema)
{
    FILE *file = create(s, schema->file);
    if (file == NULL)
        return;
    fputs("\xEF\xBB\xBF", file);   /* BOM: Excel then opens the accents right */
    for (size_t c = 0; c < schema->column_count; c++)
        write_field(file, schema->columns[c].name, c == 0);
    for (int back = 0; back < schema->years_required; back++)
        fprintf(file, ";%d", s->year - back);
    fputs("\r\n", file);
    for (size_t c = 0; c < schema->column_count; c++)
        write_field(file, expand(s, schema->columns[c].example), c == 0);
    for (int back = 0; back < schema->years_required; back++)
        write_field(file, schema->year_example, false);
    fputs("\r\n", file);
    finish(s, file, schema->file);
}

static void write_narrative(skeleton *s)
{
    FILE *file = create(s, REL_DIR_TEXTS "/premessa.md");
    if (file == NULL)
        return;
    fprintf(file, "Signori Soci,\n\nla presente relazione accompagna il bilancio dell'esercizio "
                  "chiuso al 31/12/%d.\n\nSostituire questo testo con la premessa della "
                  "relazione. Un paragrafo per ogni blocco di righe separato da una riga "
                  "vuota.\n", s->year);
    finish(s, file, "premessa.md");
}

static bool is_empty_dir(const char *dir)
{
    DIR *listing = opendir(dir);
    if (listing == NULL)
        return false;
    bool empty = true;
    for (struct dirent *e; empty && (e = readdir(listing)) != NULL;)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(listing);
    return empty;
}

static bool make_dir(skeleton *s, const char *path)
{
    if (mkdir(path, 0777) == 0 || (errno == EEXIST && is_empty_dir(path)))
        return true;
    rel_diag_add(s->diags, REL_SEV_ERROR, errno == EEXIST ? REL_E_INIT_NOT_EMPTY : REL_E_OUTPUT_DIR,
                 (rel_origin){path, 0, 0},
                 errno == EEXIST ? "la cartella esiste e non è vuota: init non sovrascrive nulla"
                                 : "impossibile creare la cartella");
    return false;
}

rel_exit rel_init(const char *dir, int year, rel_arena *arena, rel_diags *diags)
{
    skeleton s = {dir, year, arena, diags, true};
    const char *texts = rel_arena_printf(arena, "%s/%s", dir, REL_DIR_TEXTS);
    const char *tables = rel_arena_printf(arena, "%s/%s", dir, REL_DIR_TABLES);
    if (!make_dir(&s, dir) || !texts || !tables || !make_dir(&s, texts) || !make_dir(&s, tables))
        return rel_exit_for(diags);
    write_metadata(&s);
    for (size_t i = 0; i < rel_schema_count && s.ok; i++)
        write_dataset(&s, rel_schemas[i]);
    if (s.ok)
        write_narrative(&s);
    return rel_exit_for(diags);
}
