#include "core/diag_json.h"

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/utf8.h"

static const char *severity_name(rel_severity severity)
{
    switch (severity) {
    case REL_SEV_ERROR:
        return "error";
    case REL_SEV_WARNING:
        return "warning";
    case REL_SEV_NOTE:
        return "note";
    }
    return "error";
}

/* A JSON string for `text`, each byte that is not UTF-8 replaced by U+FFFD:
 * jansson refuses such strings, and a diagnostic must not be lost for it.
 * NULL when out of memory. */
static json_t *text_value(const char *text)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    size_t len = strlen(text);
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *copy = malloc(len * 3 + 1);
    if (copy == NULL)
        return NULL;
    size_t used = 0;
    for (size_t i = 0; i < len;) {
        size_t seq = rel_utf8_sequence((const unsigned char *)text + i, len - i);
        if (seq == 0) {
            memcpy(copy + used, replacement, 3);
            used += 3;
            i++;
        } else {
            memcpy(copy + used, text + i, seq);
            used += seq;
            i += seq;
        }
    }
    json_t *value = json_stringn_nocheck(copy, used);
    free(copy);
    return value;
}

/* One entry of "diagnostics", or NULL when out of memory. json_object_set_new
 * takes a NULL value as a failure, so a failed inner allocation ends the
 * chain and nothing leaks. */
static json_t *diag_object(rel_severity severity, const char *code, const rel_origin *where,
                           const char *message)
{
    json_t *object = json_object();
    bool ok = object != NULL &&
              json_object_set_new(object, "severity", json_string(severity_name(severity))) == 0 &&
              json_object_set_new(object, "code", json_string(code)) == 0 &&
              (where->file == NULL ||
               json_object_set_new(object, "file", text_value(where->file)) == 0) &&
              (where->line == 0 ||
               json_object_set_new(object, "line", json_integer(where->line)) == 0) &&
              (where->col == 0 ||
               json_object_set_new(object, "column", json_integer(where->col)) == 0) &&
              json_object_set_new(object, "message", text_value(message)) == 0;
    if (!ok) {
        json_decref(object);
        return NULL;
    }
    return object;
}

/* The whole document, or NULL when out of memory. */
static json_t *diags_document(const rel_diags *diags)
{
    json_t *root = json_object();
    json_t *list = json_array();
    bool ok = root != NULL && list != NULL && json_object_set(root, "diagnostics", list) == 0;
    for (size_t i = 0; ok && i < diags->count; i++) {
        const rel_diag *diag = &diags->items[i];
        ok = json_array_append_new(list, diag_object(diag->severity, diag->code, &diag->where,
                                                     diag->message)) == 0;
    }
    if (ok && diags->out_of_memory)
        ok = json_array_append_new(
                 list, diag_object(REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, &(rel_origin){0},
                                   "memoria esaurita, alcuni messaggi sono andati persi")) == 0;
    ok = ok && json_object_set_new(root, "errors", json_integer((json_int_t)diags->errors)) == 0 &&
         json_object_set_new(root, "warnings", json_integer((json_int_t)diags->warnings)) == 0;
    json_decref(list);
    if (!ok) {
        json_decref(root);
        return NULL;
    }
    return root;
}

bool rel_diags_write_json(const rel_diags *diags, FILE *out)
{
    json_t *root = diags_document(diags);
    /* Dumped to memory first, so that running out of memory writes nothing. */
    char *text = root ? json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(root);
    if (text == NULL)
        return false;
    fputs(text, out);
    fputc('\n', out);
    json_free_t free_text;
    json_get_alloc_funcs(NULL, &free_text);
    free_text(text);
    return fflush(out) == 0 && !ferror(out);
}
