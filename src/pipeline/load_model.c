#include "pipeline/load_model.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/codes.h"
#include "core/suggest.h"
#include "load/csv_reader.h"
#include "load/input_tree.h"
#include "load/ini.h"
#include "load/source.h"
#include "validate/dataset.h"
#include "validate/infer.h"
#include "validate/metadata.h"
#include "validate/schema.h"
#include "validate/sidecar.h"

typedef struct loader {
    const char *dir;
    rel_input_tree tree;       /* what the directory holds (load/input_tree.h) */
    rel_arena *arena;
    rel_diags *diags;
    rel_model *model;
    size_t dataset_capacity;
    size_t narrative_capacity;
    bool memory_ok;
} loader;

/* "input" + "schede.csv" => "input/schede.csv" (no doubled slash). */
static const char *join(rel_arena *arena, const char *dir, const char *name)
{
    size_t len = strlen(dir);
    bool slash = len > 0 && dir[len - 1] == '/';
    return rel_arena_printf(arena, "%s%s%s", dir, slash ? "" : "/", name);
}

/* The files directly in `dir` of the input ("" for its root) ending in
 * `suffix`, sorted; *count of them. NULL when out of memory. */
static const char **list_files(loader *l, const char *dir, const char *suffix, size_t *count)
{
    const char **names;
    *count = rel_input_files(&l->tree, dir, suffix, l->arena, &names);
    if (*count == SIZE_MAX) {
        *count = 0;
        l->memory_ok = false;
        return NULL;
    }
    return names;
}

/* The kind of the entry `name` of the input directory, -1 when absent. */
static int entry_kind(const loader *l, const char *name)
{
    const rel_input_entry *entry = rel_input_find(&l->tree, name);
    return entry ? (int)entry->kind : -1;
}

static rel_dataset *new_dataset(loader *l)
{
    rel_model *m = l->model;
    if (m->dataset_count == l->dataset_capacity) {
        size_t capacity = l->dataset_capacity ? l->dataset_capacity * 2 : 16;
        rel_dataset *bigger = rel_arena_array(l->arena, capacity, sizeof *bigger);
        if (bigger == NULL) {
            l->memory_ok = false;
            return NULL;
        }
        if (m->dataset_count)
            memcpy(bigger, m->datasets, m->dataset_count * sizeof *bigger);
        m->datasets = bigger;
        l->dataset_capacity = capacity;
    }
    return &m->datasets[m->dataset_count];
}

/* Reads and parses one CSV file; false after reporting why not. */
static bool read_table(loader *l, const char *path, rel_csv_table *table)
{
    rel_text text;
    if (!rel_source_read(path, path, REL_MAX_FILE_BYTES, l->arena, l->diags, &text))
        return false;
    return rel_csv_parse(&text, path, l->model->entity.separator, &rel_csv_default_limits,
                         l->arena, l->diags, table);
}

/* A file named like `name` but for letter case: reported by
 * check_root_files (E006), so not reported missing too. */
static bool exists_in_other_case(loader *l, const char *name)
{
    size_t count;
    const char **names = list_files(l, "", ".csv", &count);
    for (size_t i = 0; names && i < count; i++)
        if (strcasecmp(names[i], name) == 0 && strcmp(names[i], name) != 0)
            return true;
    return false;
}

/* "schede.xlsx" beside a missing "schede.csv": what the user exported
 * from, named in the message (NULL when there is none). */
static const char *spreadsheet_instead(loader *l, const char *dir, const char *csv_name)
{
    static const char *const kinds[] = {".xlsx", ".xls", ".xlsm", ".ods"};
    size_t stem = strlen(csv_name) - 4;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        const char *name = rel_arena_printf(l->arena, "%.*s%s", (int)stem, csv_name, kinds[i]);
        const char *path = name && dir[0] ? rel_arena_printf(l->arena, "%s/%s", dir, name) : name;
        if (path && entry_kind(l, path) == REL_INPUT_FILE)
            return name;
    }
    return NULL;
}

/* Whether the input must have `schema`'s file: the schedules are the body
 * of a relazione consuntivo, and a relazione sulla gestione may have none. */
static bool required(const loader *l, const rel_schema *schema)
{
    return schema->required || (strcmp(schema->name, "schede") == 0
                                && l->model->entity.template_kind == REL_TEMPLATE_CONSUNTIVO);
}

static void load_known(loader *l, const rel_schema *schema)
{
    const char *path = join(l->arena, l->dir, schema->file);
    int kind = entry_kind(l, schema->file);
    if (kind == REL_INPUT_DIR) {
        rel_diag_add(l->diags, REL_SEV_ERROR, REL_E_FILE_READ, (rel_origin){path, 0, 0},
                     "impossibile leggere il file: è una cartella, non un file");
        return;
    }
    if (kind == REL_INPUT_REFUSED)
        return;   /* a link or a special file, reported by the scan */
    if (path == NULL || kind != REL_INPUT_FILE) {
        const char *excel = spreadsheet_instead(l, "", schema->file);
        if (required(l, schema) && !exists_in_other_case(l, schema->file))
            rel_diag_add(l->diags, REL_SEV_ERROR, REL_E_FILE_MISSING, (rel_origin){path, 0, 0},
                         "file obbligatorio mancante: %s (vedi docs/INPUT.md)%s%s%s",
                         schema->title, excel ? "; c'è «" : "", excel ? excel : "",
                         excel ? "», che è un file Excel: esportarlo come CSV" : "");
        else if (excel != NULL)
            rel_diag_add(l->diags, REL_SEV_WARNING, REL_W_SPREADSHEET, (rel_origin){path, 0, 0},
                         "manca %s ma c'è «%s», un file Excel che non viene letto: esportarlo "
                         "come CSV", schema->file, excel);
        return;
    }
    rel_csv_table table;
    rel_dataset *dataset = new_dataset(l);
    if (dataset == NULL || !read_table(l, path, &table))
        return;
    rel_schema effective = *schema;   /* required as this report needs it */
    effective.required = required(l, schema);
    /* a first year has no N-1: the schema then asks for year N alone */
    if (l->model->entity.first_year && effective.years_required > 1)
        effective.years_required = 1;
    rel_levels levels;
    bool schedules = strcmp(schema->name, "schede") == 0;
    const rel_string *named = &l->model->entity.schedule_levels;
    if (schedules && !rel_levels_parse(named->text, named->at, l->arena, l->diags, &levels))
        return;
    if (schedules)
        l->model->schedule_levels = levels;
    if (rel_dataset_validate_levels(&table, &effective, l->model->entity.year,
                                    schedules ? &levels : NULL, l->arena, l->diags, dataset))
        l->model->dataset_count++;
}

/* A CSV beside the known ones: the wrong letter case of a known file is an
 * error (it would be silently missing on Linux), anything else a warning
 * with the nearest known name. */
static void report_unknown_csv(loader *l, const char *name)
{
    const char *files[32];
    size_t n = 0;
    for (size_t i = 0; i < rel_schema_count && n < 32; i++) {
        if (strcasecmp(rel_schemas[i]->file, name) == 0) {
            rel_diag_add(l->diags, REL_SEV_ERROR, REL_E_FILE_CASE,
                         (rel_origin){join(l->arena, l->dir, name), 0, 0},
                         "il file va chiamato «%s»: maiuscole e minuscole contano",
                         rel_schemas[i]->file);
            return;
        }
        files[n++] = rel_schemas[i]->file;
    }
    const char *hint = rel_suggest(name, files, n);
    rel_diag_add(l->diags, REL_SEV_WARNING, REL_W_FILE_UNKNOWN,
                 (rel_origin){join(l->arena, l->dir, name), 0, 0},
                 "file non riconosciuto, ignorato%s%s%s (le tabelle libere vanno in %s/)",
                 hint ? ": forse «" : "", hint ? hint : "", hint ? "»?" : "", REL_DIR_TABLES);
}

static void check_root_files(loader *l)
{
    size_t count;
    const char **names = list_files(l, "", ".csv", &count);
    for (size_t i = 0; names && i < count; i++) {
        bool known = false;
        for (size_t s = 0; s < rel_schema_count && !known; s++)
            known = strcmp(rel_schemas[s]->file, names[i]) == 0;
        if (!known)
            report_unknown_csv(l, names[i]);
    }
}

/* A spreadsheet in tabelle/ with no CSV of its name is a table the user
 * meant to add: W015, never silence. */
static void check_table_spreadsheets(loader *l)
{
    static const char *const kinds[] = {".xlsx", ".xls", ".xlsm", ".ods"};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t count;
        const char **names = list_files(l, REL_DIR_TABLES, kinds[k], &count);
        for (size_t i = 0; names && i < count; i++) {
            size_t stem = strlen(names[i]) - strlen(kinds[k]);
            const char *csv = rel_arena_printf(l->arena, REL_DIR_TABLES "/%.*s.csv", (int)stem,
                                               names[i]);
            const char *path = join(l->arena, l->dir, rel_arena_printf(l->arena, REL_DIR_TABLES
                                                                       "/%s", names[i]));
            if (csv && path && entry_kind(l, csv) != REL_INPUT_FILE)
                rel_diag_add(l->diags, REL_SEV_WARNING, REL_W_SPREADSHEET,
                             (rel_origin){path, 0, 0},
                             "è un file Excel e non viene letto: esportarlo come CSV (%s.csv) "
                             "perché la tabella entri nella relazione", csv + strlen(REL_DIR_TABLES) + 1);
        }
    }
}

/* tabelle/NOME.ini, the sidecar of tabelle/NOME.csv (validate/sidecar.h):
 * true when there is one and it was read (its errors are reported). */
static bool read_sidecar(loader *l, const char *dir, const char *name,
                         const rel_csv_table *table, rel_sidecar *sidecar)
{
    const char *file = rel_arena_printf(l->arena, REL_DIR_TABLES "/%s.ini", name);
    const char *path = join(l->arena, dir, rel_arena_printf(l->arena, "%s.ini", name));
    rel_text text;
    rel_ini ini;
    if (file == NULL || path == NULL || entry_kind(l, file) != REL_INPUT_FILE)
        return false;
    if (!rel_source_read(path, path, REL_MAX_FILE_BYTES, l->arena, l->diags, &text))
        return false;
    rel_ini_parse(&text, path, l->arena, l->diags, &ini);
    rel_sidecar_read(&ini, table, l->arena, l->diags, sidecar);
    return true;
}

/* A sidecar whose table is missing would be ignored: said. */
static void report_orphan_sidecars(loader *l, const char *dir)
{
    size_t count;
    const char **names = list_files(l, REL_DIR_TABLES, ".ini", &count);
    for (size_t i = 0; names && i < count; i++) {
        const char *csv = rel_arena_printf(l->arena, "%.*s.csv", (int)(strlen(names[i]) - 4),
                                           names[i]);
        const char *file = csv ? rel_arena_printf(l->arena, REL_DIR_TABLES "/%s", csv) : NULL;
        if (file && entry_kind(l, file) != REL_INPUT_FILE)
            rel_diag_add(l->diags, REL_SEV_WARNING, REL_W_FILE_UNKNOWN,
                         (rel_origin){join(l->arena, dir, names[i]), 0, 0},
                         "scheda di una tabella che non c'è: manca %s/%s, il file è ignorato",
                         REL_DIR_TABLES, csv);
    }
}

static void load_generic_tables(loader *l)
{
    const char *dir = join(l->arena, l->dir, REL_DIR_TABLES);
    size_t count;
    const char **names = dir ? list_files(l, REL_DIR_TABLES, ".csv", &count) : NULL;
    for (size_t i = 0; names && i < count; i++) {
        const char *path = join(l->arena, dir, names[i]);
        const char *name = rel_arena_strndup(l->arena, names[i], strlen(names[i]) - 4);
        if (name != NULL && rel_schema_find(name) != NULL) {
            rel_diag_add(l->diags, REL_SEV_ERROR, REL_E_TABLE_NAME_TAKEN, (rel_origin){path, 0, 0},
                         "una tabella libera non può chiamarsi come il file %s.csv, che ha un "
                         "significato proprio: rinominarla (es. %s_serie.csv), oppure spostarla "
                         "nella cartella dell'ente come %s.csv se è quel file", name, name, name);
            continue;
        }
        rel_csv_table table;
        rel_dataset *dataset = new_dataset(l);
        if (dataset == NULL || name == NULL || !read_table(l, path, &table))
            continue;
        rel_sidecar sidecar;
        bool with_sidecar = read_sidecar(l, dir, name, &table, &sidecar);
        if (rel_dataset_infer_with(&table, name, with_sidecar ? &sidecar : NULL, l->arena,
                                   l->diags, dataset))
            l->model->dataset_count++;
    }
    check_table_spreadsheets(l);
    report_orphan_sidecars(l, dir);
}

static void load_narratives(loader *l)
{
    const char *dir = join(l->arena, l->dir, REL_DIR_TEXTS);
    size_t count;
    const char **names = dir ? list_files(l, REL_DIR_TEXTS, ".md", &count) : NULL;
    if (names == NULL)
        return;
    l->model->narratives = rel_arena_array(l->arena, count + 1, sizeof *l->model->narratives);
    for (size_t i = 0; l->model->narratives && i < count; i++) {
        const char *path = join(l->arena, dir, names[i]);
        rel_text text;
        if (path == NULL || !rel_source_read(path, path, REL_MAX_FILE_BYTES, l->arena, l->diags,
                                             &text))
            continue;
        l->model->narratives[l->model->narrative_count++] = (rel_narrative){
            rel_arena_strndup(l->arena, names[i], strlen(names[i]) - 3), path, text.data};
    }
}

static void load_metadata(loader *l)
{
    const char *path = join(l->arena, l->dir, REL_FILE_METADATA);
    rel_text text;
    rel_ini ini;
    int kind = entry_kind(l, REL_FILE_METADATA);
    if (kind == REL_INPUT_REFUSED)
        return;   /* a link or a special file, reported by the scan */
    if (path == NULL || kind != REL_INPUT_FILE) {
        rel_diag_add(l->diags, REL_SEV_ERROR, REL_E_FILE_MISSING, (rel_origin){path, 0, 0},
                     "file obbligatorio mancante: i metadati dell'ente e dell'esercizio "
                     "(vedi docs/INPUT.md)");
        return;
    }
    if (!rel_source_read(path, path, REL_MAX_FILE_BYTES, l->arena, l->diags, &text))
        return;
    rel_ini_parse(&text, path, l->arena, l->diags, &ini);
    rel_metadata_validate(&ini, l->arena, l->diags, &l->model->entity);
}

bool rel_model_load_tree(const rel_input_tree *tree, rel_arena *arena, rel_diags *diags,
                         rel_model *model)
{
    memset(model, 0, sizeof *model);
    loader l = {.dir = tree->root, .tree = *tree, .arena = arena, .diags = diags, .model = model,
                .memory_ok = true};
    load_metadata(&l);
    for (size_t i = 0; i < rel_schema_count; i++)
        load_known(&l, rel_schemas[i]);
    check_root_files(&l);
    load_generic_tables(&l);
    load_narratives(&l);
    if (!l.memory_ok)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){tree->root, 0, 0},
                     "memoria esaurita caricando i dati");
    return diags->errors == 0;
}

bool rel_model_scan(const char *dir, rel_arena *arena, rel_diags *diags, rel_input_tree *tree)
{
    struct stat info;
    if (stat(dir, &info) != 0 || !S_ISDIR(info.st_mode)) {
        *tree = (rel_input_tree){dir, NULL, 0, 0};
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_INPUT_DIR, (rel_origin){dir, 0, 0},
                     "la cartella di input non esiste o non è una cartella");
        return false;
    }
    rel_input_scan(dir, arena, diags, tree);
    return true;
}

bool rel_model_load(const char *dir, rel_arena *arena, rel_diags *diags, rel_model *model)
{
    rel_input_tree tree;
    if (!rel_model_scan(dir, arena, diags, &tree)) {
        memset(model, 0, sizeof *model);
        return false;
    }
    return rel_model_load_tree(&tree, arena, diags, model);
}
