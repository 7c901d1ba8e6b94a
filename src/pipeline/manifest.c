#include "pipeline/manifest.h"

#include <dirent.h>
#include <jansson.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/codes.h"

bool rel_sha256_file(const char *path, char *hex)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return false;
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    unsigned char buffer[65536];
    size_t got;
    while ((got = fread(buffer, 1, sizeof buffer, file)) > 0)
        sha256_update(&ctx, got, buffer);
    bool ok = !ferror(file);
    fclose(file);
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    return ok;
}

static json_t *file_entry(const char *name, const char *path)
{
    char hex[65];
    if (!rel_sha256_file(path, hex))
        return NULL;
    json_t *entry = json_object();
    if (entry && (json_object_set_new(entry, "file", json_string(name)) != 0
                  || json_object_set_new(entry, "sha256", json_string(hex)) != 0)) {
        json_decref(entry);
        return NULL;
    }
    return entry;
}

/* Every regular file below `dir` (named relative to `root`), in byte order. */
static bool add_tree(json_t *list, const char *root, const char *relative, rel_arena *arena)
{
    const char *dir = relative[0] ? rel_arena_printf(arena, "%s/%s", root, relative) : root;
    struct dirent **entries;
    int n = dir ? scandir(dir, &entries, NULL, alphasort) : -1;
    if (n < 0)
        return false;
    bool ok = true;
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        const char *child = relative[0] ? rel_arena_printf(arena, "%s/%s", relative, name)
                                        : rel_arena_strdup(arena, name);
        const char *path = child ? rel_arena_printf(arena, "%s/%s", root, child) : NULL;
        struct stat info;
        if (name[0] != '.' && path && stat(path, &info) == 0) {
            if (S_ISDIR(info.st_mode))
                ok = add_tree(list, root, child, arena) && ok;
            else if (S_ISREG(info.st_mode))
                ok = json_array_append_new(list, file_entry(child, path)) == 0 && ok;
        }
        free(entries[i]);
    }
    free(entries);
    return ok;
}

static json_t *checks_summary(const rel_findings *findings)
{
    size_t matches = findings->count - findings->errors - findings->roundings;
    return json_pack("{s:I,s:I,s:I,s:I}", "totale", (json_int_t)findings->count, "verificate",
                     (json_int_t)matches, "arrotondamenti", (json_int_t)findings->roundings,
                     "da_correggere", (json_int_t)findings->errors);
}

static json_t *outputs_list(const rel_output_set *outputs, const char *skip)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < outputs->count; i++) {
        const rel_output_file *file = &outputs->files[i];
        if (file->temp_path == NULL || strcmp(file->temp_path, skip) == 0)
            continue;
        const char *slash = strrchr(file->final_path, '/');
        if (json_array_append_new(list, file_entry(slash ? slash + 1 : file->final_path,
                                                   file->temp_path)) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

/* How the manifest names the template: relative to the input directory for
 * the input's own, "templates/NAME" for a default one, so that the
 * manifest does not depend on where relazione is installed. */
static const char *template_name(const char *in_dir, const char *template_path,
                                 rel_arena *arena)
{
    size_t len = strlen(in_dir);
    if (strncmp(template_path, in_dir, len) == 0 && template_path[len] == '/')
        return template_path + len + 1;
    const char *slash = strrchr(template_path, '/');
    return rel_arena_printf(arena, "templates/%s", slash ? slash + 1 : template_path);
}

bool rel_manifest_write(const char *path, const char *shown, const char *in_dir,
                        const char *template_path,
                        const rel_model *model, const rel_findings *findings,
                        const rel_doc_stamp *stamp, const rel_output_set *outputs,
                        rel_arena *arena, rel_diags *diags)
{
    json_t *inputs = json_array();
    bool ok = inputs && add_tree(inputs, in_dir, "", arena);
    char date[32];
    snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", stamp->year, stamp->month,
             stamp->day, stamp->hour, stamp->minute, stamp->second);
    json_t *root = json_pack(
        "{s:s,s:s,s:i,s:s,s:{s:b,s:s},s:o*,s:o*,s:o*,s:o*}", "programma", "relazione " REL_VERSION,
        "ente", model->entity.name.text, "esercizio", model->entity.year, "data", date,
        "opzioni", "bozza", model->entity.draft, "modello",
        model->entity.template_kind == REL_TEMPLATE_CONSUNTIVO ? "consuntivo" : "gestione",
        "verifiche", checks_summary(findings), "modello_usato",
        file_entry(template_name(in_dir, template_path, arena), template_path),
        "input", inputs, "output", outputs_list(outputs, path));
    ok = ok && root != NULL
         && json_dump_file(root, path, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0;
    json_decref(root);
    if (!ok)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, (rel_origin){shown, 0, 0},
                     "impossibile scrivere il manifesto (lettura degli input o scrittura fallita)");
    return ok;
}
