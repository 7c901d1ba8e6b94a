#include "pipeline/manifest.h"

#include <errno.h>
#include <jansson.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/codes.h"
#include "core/syserr.h"
#include "pipeline/digest.h"

static json_t *hash_entry(const char *name, const char *hex)
{
    json_t *entry = json_object();
    if (entry && (json_object_set_new(entry, "file", json_string(name)) != 0
                  || json_object_set_new(entry, "sha256", json_string(hex)) != 0)) {
        json_decref(entry);
        return NULL;
    }
    return entry;
}

/* {"file": NAME, "sha256": …} of the file at `path`; NULL when it cannot
 * be read. */
static json_t *file_entry(const char *name, const char *path)
{
    char hex[REL_DIGEST_HEX];
    return rel_digest_file(path, hex) ? hash_entry(name, hex) : NULL;
}

/* Every file of the input directory, in the scan's order (depth first,
 * each directory in byte order): false when one cannot be read. */
static bool add_inputs(json_t *list, const rel_input_tree *inputs)
{
    for (size_t i = 0; i < inputs->count; i++) {
        const rel_input_entry *entry = &inputs->entries[i];
        if (entry->kind == REL_INPUT_FILE
            && json_array_append_new(list, file_entry(entry->path, entry->fs_path)) != 0)
            return false;
    }
    return true;
}

static json_t *checks_summary(const rel_findings *findings)
{
    size_t matches = findings->count - findings->errors - findings->roundings;
    return json_pack("{s:I,s:I,s:I,s:I}", "totale", (json_int_t)findings->count, "verificate",
                     (json_int_t)matches, "arrotondamenti", (json_int_t)findings->roundings,
                     "da_correggere", (json_int_t)findings->errors);
}

/* The documents staged before the manifest, with the hashes their writers
 * computed; NULL when one has none (it was not written). */
static json_t *outputs_list(const rel_output_set *outputs, const char *manifest)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < outputs->count; i++) {
        const rel_output_file *file = &outputs->files[i];
        if (strcmp(file->staged_path, manifest) == 0)
            continue;
        if (file->sha256[0] == '\0'
            || json_array_append_new(list, hash_entry(file->name, file->sha256)) != 0) {
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

/* The parts of the manifest that are read from files, each an error of
 * its own when missing: the manifest never goes out without one. */
static bool gather(const char *shown, const rel_input_tree *tree, const char *template_path,
                   const rel_output_set *outputs, const char *path, rel_arena *arena,
                   rel_diags *diags, json_t **inputs, json_t **template_entry, json_t **documents)
{
    rel_origin where = {shown, 0, 0};
    *inputs = json_array();
    if (*inputs == NULL || !add_inputs(*inputs, tree)) {
        rel_diag_add(diags, REL_SEV_ERROR, errno == ENOMEM ? REL_E_OUT_OF_MEMORY : REL_E_FILE_READ,
                     where, "manifesto non scritto: impossibile leggere i file di input per "
                     "calcolarne l'impronta: %s", rel_syserr(errno));
        return false;
    }
    *template_entry = file_entry(template_name(tree->root, template_path, arena), template_path);
    if (*template_entry == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, errno == ENOMEM ? REL_E_OUT_OF_MEMORY : REL_E_FILE_READ,
                     where, "manifesto non scritto: impossibile leggere il modello %s: %s",
                     template_path, rel_syserr(errno));
        return false;
    }
    *documents = outputs_list(outputs, path);
    if (*documents == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, where,
                     "manifesto non scritto: memoria esaurita elencando i documenti");
        return false;
    }
    return true;
}

bool rel_manifest_write(const char *path, const char *shown, const rel_input_tree *inputs,
                        const char *template_path,
                        const rel_model *model, const rel_findings *findings,
                        const rel_doc_stamp *stamp, const rel_output_set *outputs,
                        rel_arena *arena, rel_diags *diags)
{
    json_t *files = NULL, *template_entry = NULL, *documents = NULL;
    if (!gather(shown, inputs, template_path, outputs, path, arena, diags, &files,
                &template_entry, &documents)) {
        json_decref(files);
        json_decref(template_entry);
        return false;
    }
    char date[32];
    snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", stamp->year, stamp->month,
             stamp->day, stamp->hour, stamp->minute, stamp->second);
    /* "o" (not "o*"): a part that is NULL fails the whole manifest. */
    json_t *root = json_pack(
        "{s:s,s:s,s:i,s:s,s:{s:b,s:s},s:o,s:o,s:o,s:o}", "programma", "relazione " REL_VERSION,
        "ente", model->entity.name.text, "esercizio", model->entity.year, "data", date,
        "opzioni", "bozza", model->entity.draft, "modello",
        model->entity.template_kind == REL_TEMPLATE_CONSUNTIVO ? "consuntivo" : "gestione",
        "verifiche", checks_summary(findings), "modello_usato", template_entry,
        "input", files, "output", documents);
    if (root == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){shown, 0, 0},
                     "manifesto non scritto: memoria esaurita");
        return false;
    }
    errno = 0;
    bool ok = json_dump_file(root, path, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0;
    int error = errno;
    json_decref(root);
    if (!ok)
        rel_diag_add(diags, REL_SEV_ERROR, error == ENOMEM ? REL_E_OUT_OF_MEMORY : REL_E_OUTPUT_WRITE,
                     (rel_origin){shown, 0, 0}, "scrittura del manifesto non riuscita: %s",
                     error ? rel_syserr(error) : "errore di scrittura");
    return ok;
}
