#include "pipeline/init.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/codes.h"
#include "core/syserr.h"
#include "load/source.h"
#include "pipeline/init_texts.h"
#include "pipeline/load_model.h"
#include "template/template.h"
#include "validate/metadata.h"
#include "validate/schema.h"

/* The sample tables: one file per dataset, with "{anno}", "{anno-1}" and
 * "{anno+1}" for the years, figures that reconcile, "[DA COMPILARE]" in a
 * text of every sample line. */
#define SKELETON_DIR "scheletro"
#define MAX_SAMPLE_BYTES ((size_t)1024 * 1024)

/* "{anno}", "{anno-1}", "{anno+1}" in `text` become the years. */
static const char *expand_years(rel_init_ctx *s, const char *text)
{
    static const struct {
        const char *token;
        int offset;
    } tokens[] = {{"{anno}", 0}, {"{anno-1}", -1}, {"{anno+1}", 1}};
    const char *result = text;
    for (size_t t = 0; t < sizeof tokens / sizeof tokens[0] && result; t++) {
        const char *at;
        size_t len = strlen(tokens[t].token);
        while (result && (at = strstr(result, tokens[t].token)) != NULL)
            result = rel_arena_printf(s->arena, "%.*s%d%s", (int)(at - result), result,
                                      s->year + tokens[t].offset, at + len);
    }
    if (result == NULL)
        rel_init_failed(s, REL_E_OUT_OF_MEMORY, s->dir, "memoria esaurita");
    return result;
}

FILE *rel_init_create(rel_init_ctx *s, const char *name)
{
    const char *path = rel_arena_printf(s->arena, "%s/%s", s->dir, name);
    FILE *file = path ? fopen(path, "wx") : NULL;
    if (file == NULL)
        rel_init_failed(s, REL_E_OUTPUT_DIR, path, rel_arena_printf(s->arena, "impossibile "
                        "creare il file: %s", rel_syserr(errno)));
    return file;
}

void rel_init_finish(rel_init_ctx *s, FILE *file, const char *name)
{
    if (ferror(file) | fclose(file))
        rel_init_failed(s, REL_E_OUTPUT_WRITE, name, "scrittura non riuscita");
}

void rel_init_failed(rel_init_ctx *s, const char *code, const char *where, const char *message)
{
    rel_diag_add(s->diags, REL_SEV_ERROR, code, (rel_origin){where, 0, 0}, "%s",
                 message ? message : "memoria esaurita");
    s->ok = false;
}

/* metadati.ini from the keys the validator knows, each with its help as a
 * comment; the entity's own words carry the marker. */
static void write_metadata(rel_init_ctx *s)
{
    FILE *file = rel_init_create(s, REL_FILE_METADATA);
    if (file == NULL)
        return;
    fputs("# Metadati della relazione: vedi docs/INPUT.md.\n"
          "# Righe «chiave = valore»; le righe che iniziano con # sono commenti.\n"
          "# Sostituire ogni valore che inizia con [DA COMPILARE] (segnaposto compreso).\n",
          file);
    const char *section = "";
    for (size_t i = 0; i < rel_metadata_key_count; i++) {
        const rel_metadata_key *key = &rel_metadata_keys[i];
        const char *dot = strchr(key->name, '.');
        if (strncmp(section, key->name, (size_t)(dot - key->name)) != 0
            || section[dot - key->name] != '\0') {
            section = rel_arena_strndup(s->arena, key->name, (size_t)(dot - key->name));
            fprintf(file, "\n[%s]\n", section ? section : "");
        }
        const char *example = expand_years(s, key->example);
        /* the entity's own names and addresses, not the technical keys */
        bool own_words = key->type == REL_META_TEXT && example && example[0]
                         && (strncmp(key->name, "ente.", 5) == 0
                             || strncmp(key->name, "firmatari.", 10) == 0);
        fprintf(file, "# %s%s\n%s%s = %s%s\n", key->help, key->required ? " (obbligatorio)" : "",
                example && example[0] ? "" : "# ", dot + 1, own_words ? REL_MARKER " " : "",
                example ? example : "");
    }
    rel_init_finish(s, file, REL_FILE_METADATA);
}

/* Copies a sample table, years expanded, as Excel saves a «CSV UTF-8»:
 * with a BOM (so that it opens the accents right) and CRLF line ends. */
static void copy_sample(rel_init_ctx *s, const char *from, const char *name)
{
    rel_text text;
    if (!rel_source_read(from, from, MAX_SAMPLE_BYTES, s->arena, s->diags, &text)) {
        s->ok = false;
        return;
    }
    const char *expanded = expand_years(s, text.data);
    FILE *file = expanded ? rel_init_create(s, name) : NULL;
    if (file == NULL)
        return;
    fputs("\xEF\xBB\xBF", file);
    for (const char *c = expanded; *c; c++) {
        if (*c == '\n' && (c == expanded || c[-1] != '\r'))
            fputc('\r', file);
        fputc(*c, file);
    }
    rel_init_finish(s, file, name);
}

static const char *sample_path(rel_init_ctx *s, const char *name)
{
    return rel_arena_printf(s->arena, "%s/%s/%s", s->template_dir, SKELETON_DIR, name);
}

/* A dataset with no sample file (one added to the schemas since): its
 * header, so that the file is there to fill. */
static void write_header(rel_init_ctx *s, const rel_schema *schema)
{
    FILE *file = rel_init_create(s, schema->file);
    if (file == NULL)
        return;
    fputs("\xEF\xBB\xBF", file);
    for (size_t c = 0; c < schema->column_count; c++)
        fprintf(file, "%s%s", c ? ";" : "", schema->columns[c].name);
    for (int back = 0; back < schema->years_required; back++)
        fprintf(file, ";%d", s->year - back);
    fputs("\r\n", file);
    rel_init_finish(s, file, schema->file);
}

static bool is_file(const char *path)
{
    struct stat info;
    return path != NULL && stat(path, &info) == 0 && S_ISREG(info.st_mode);
}

static void write_datasets(rel_init_ctx *s)
{
    for (size_t i = 0; i < rel_schema_count && s->ok; i++) {
        const char *from = sample_path(s, rel_schemas[i]->file);
        if (is_file(from))
            copy_sample(s, from, rel_schemas[i]->file);
        else
            write_header(s, rel_schemas[i]);
    }
}

/* The sample free tables of tabelle/. */
static void write_free_tables(rel_init_ctx *s)
{
    const char *dir = sample_path(s, REL_DIR_TABLES);
    DIR *listing = dir ? opendir(dir) : NULL;
    if (listing == NULL) {
        rel_init_failed(s, REL_E_FILE_READ, dir, "cartella degli esempi non leggibile");
        return;
    }
    for (struct dirent *e; s->ok && (e = readdir(listing)) != NULL;) {
        size_t len = strlen(e->d_name);
        const char *from = rel_arena_printf(s->arena, "%s/%s", dir, e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".csv") == 0 && is_file(from))
            copy_sample(s, from, rel_arena_printf(s->arena, "%s/%s", REL_DIR_TABLES, e->d_name));
    }
    closedir(listing);
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

static bool make_dir(rel_init_ctx *s, const char *path)
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
    rel_init_ctx s = {dir, year, rel_template_dir(), arena, diags, true};
    const char *texts = rel_arena_printf(arena, "%s/%s", dir, REL_DIR_TEXTS);
    const char *tables = rel_arena_printf(arena, "%s/%s", dir, REL_DIR_TABLES);
    if (!make_dir(&s, dir) || !texts || !tables || !make_dir(&s, texts) || !make_dir(&s, tables))
        return rel_exit_for(diags);
    write_metadata(&s);
    if (s.ok)
        write_datasets(&s);
    if (s.ok)
        write_free_tables(&s);
    if (s.ok)
        rel_init_texts(&s);
    return rel_exit_for(diags);
}
