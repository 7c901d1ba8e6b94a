#include "pipeline/load_model.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/codes.h"
#include "load/csv_reader.h"
#include "load/ini.h"
#include "load/source.h"
#include "validate/metadata.h"
#include "validate/schedule.h"

/* "input" + "schede.csv" => "input/schede.csv" (no doubled slash). */
static const char *join(rel_arena *arena, const char *dir, const char *name)
{
    size_t len = strlen(dir);
    bool slash = len > 0 && dir[len - 1] == '/';
    return rel_arena_printf(arena, "%s%s%s", dir, slash ? "" : "/", name);
}

/* When `name` is absent, looks for a file whose name differs only in letter
 * case ("Schede.CSV"), which works on Windows and not here. */
static void report_missing(const char *dir, const char *name, const char *path,
                           rel_arena *arena, rel_diags *diags)
{
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    const char *folder = slash ? rel_arena_strndup(arena, name, (size_t)(slash - name)) : "";
    DIR *listing = opendir(folder && folder[0] ? join(arena, dir, folder) : dir);
    const char *found = NULL;
    for (struct dirent *e; listing && (e = readdir(listing)) != NULL;)
        if (strcasecmp(e->d_name, base) == 0) {
            found = rel_arena_strdup(arena, e->d_name);
            break;
        }
    if (listing)
        closedir(listing);
    if (found)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_FILE_CASE, (rel_origin){path, 0, 0},
                     "file non trovato; c'è «%s», che differisce solo per maiuscole e "
                     "minuscole: rinominarlo «%s»", found, base);
    else
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_FILE_MISSING, (rel_origin){path, 0, 0},
                     "file obbligatorio mancante (vedi docs/INPUT.md)");
}

static bool exists(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0;
}

/* Reads `name` if present; a required file that is absent is an error. */
static bool read_input(const char *dir, const char *name, bool required, rel_arena *arena,
                       rel_diags *diags, const char **path, rel_text *text)
{
    *path = join(arena, dir, name);
    text->data = NULL;
    text->len = 0;
    if (!exists(*path)) {
        if (required)
            report_missing(dir, name, *path, arena, diags);
        return !required;
    }
    return rel_source_read(*path, *path, REL_MAX_FILE_BYTES, arena, diags, text);
}

static bool load_metadata(const char *dir, rel_arena *arena, rel_diags *diags, rel_model *model)
{
    const char *path;
    rel_text text;
    rel_ini ini;
    if (!read_input(dir, REL_FILE_METADATA, true, arena, diags, &path, &text))
        return false;
    bool ok = rel_ini_parse(&text, path, arena, diags, &ini);
    return rel_metadata_validate(&ini, arena, diags, &model->entity) && ok;
}

static bool load_schedule(const char *dir, rel_arena *arena, rel_diags *diags, rel_model *model)
{
    const char *path;
    rel_text text;
    rel_csv_table table;
    if (!read_input(dir, REL_FILE_SCHEDULE, true, arena, diags, &path, &text))
        return false;
    if (!rel_csv_parse(&text, path, 0, &rel_csv_default_limits, arena, diags, &table))
        return false;
    return rel_schedule_validate(&table, arena, diags, &model->schedule);
}

static bool load_premessa(const char *dir, rel_arena *arena, rel_diags *diags, rel_model *model)
{
    rel_text text;
    bool ok = read_input(dir, REL_FILE_PREMESSA, false, arena, diags, &model->premessa.path,
                         &text);
    model->premessa.text = text.data;
    return ok;
}

bool rel_model_load(const char *dir, rel_arena *arena, rel_diags *diags, rel_model *model)
{
    memset(model, 0, sizeof *model);
    struct stat info;
    if (stat(dir, &info) != 0 || !S_ISDIR(info.st_mode)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_INPUT_DIR, (rel_origin){dir, 0, 0},
                     "la cartella di input non esiste o non è una cartella");
        return false;
    }
    bool ok = load_metadata(dir, arena, diags, model);
    ok = load_schedule(dir, arena, diags, model) && ok;
    ok = load_premessa(dir, arena, diags, model) && ok;
    return ok && diags->errors == 0;
}
