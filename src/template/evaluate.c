/* Formulas of a template, evaluated; in the default templates, a figure
 * whose data the input lacks is left out with a warning at the user's
 * file, never an error at a line of a template the user never wrote. */
#include <string.h>

#include "core/codes.h"
#include "template/engine.h"
#include "validate/schema.h"

/* True when `file` is one of the default templates (of template_dir). */
static bool is_default_template(const engine *e, const char *file)
{
    size_t len = strlen(e->ctx->template_dir);
    return file != NULL && strncmp(file, e->ctx->template_dir, len) == 0 && file[len] == '/';
}

/* Byte offset in `formula` of the character at `where`, found in a formula
 * whose first character is at `at`; SIZE_MAX when elsewhere. */
static size_t offset_of(const char *formula, rel_origin at, rel_origin where)
{
    if (where.file != at.file || where.line != at.line || where.col < at.col)
        return SIZE_MAX;
    size_t offset = 0;
    for (uint32_t chars = where.col - at.col; formula[offset] && chars > 0; chars--)
        do
            offset++;
        while (((unsigned char)formula[offset] & 0xC0) == 0x80);
    return offset;
}

static bool is_name_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The table a failed reference names: the word at `offset` when the table
 * itself is unknown (it is reported there), else the word before the '['
 * that opens the selector at `offset`. Copied into `name`; false when
 * there is none. */
static bool table_at(const char *formula, size_t offset, bool table, char *name, size_t size)
{
    size_t end = offset, start;
    if (table) {
        while (is_name_char(formula[end]))
            end++;
        start = offset;
    } else {
        while (end > 0 && formula[end] != '[')
            end--;
        if (formula[end] != '[')
            return false;
        start = end;
        while (start > 0 && is_name_char(formula[start - 1]))
            start--;
    }
    if (end == start || end - start >= size)
        return false;
    memcpy(name, formula + start, end - start);
    name[end - start] = '\0';
    return true;
}

/* The input file a missing-data error is about, or NULL when the error is
 * of another kind (a mistake in the template, a division by zero ...). */
static const char *missing_file(engine *e, const char *formula, rel_origin at,
                                const rel_diag *d)
{
    bool table = strcmp(d->code, REL_E_FORMULA_DATASET) == 0;
    if (!table && strcmp(d->code, REL_E_FORMULA_COLUMN) != 0
        && strcmp(d->code, REL_E_FORMULA_ROW) != 0)
        return NULL;
    char name[128];
    size_t offset = offset_of(formula, at, d->where);
    if (offset == SIZE_MAX || !table_at(formula, offset, table, name, sizeof name))
        return NULL;
    const rel_dataset *dataset = rel_model_dataset(e->ctx->model, name);
    if (dataset != NULL && !table)
        return dataset->path;
    const rel_schema *schema = table ? rel_schema_find(name) : NULL;
    return schema ? rel_arena_printf(e->arena, "%s/%s", e->ctx->input_dir, schema->file) : NULL;
}

/* Once per file and message: a first-year entity's tables lack N-1 in
 * every comparison. */
static bool already_said(engine *e, const char *file, const char *message)
{
    for (size_t i = 0; i < e->diags->count; i++) {
        const rel_diag *d = &e->diags->items[i];
        if (strcmp(d->code, REL_R_DATA_ABSENT) == 0 && d->where.file
            && strcmp(d->where.file, file) == 0 && strncmp(d->message, message,
                                                           strlen(message)) == 0)
            return true;
    }
    return false;
}

/* Replays the errors of `scratch` into the run's diagnostics: as they
 * are, or, when every one is missing data of a default template, as
 * warnings at the input files (then e->missing is set). */
static void replay(engine *e, const char *formula, rel_origin at, const rel_diags *scratch)
{
    const char *files[8];
    bool missing = is_default_template(e, at.file) && scratch->count > 0
                   && scratch->count <= 8 && !scratch->out_of_memory;
    for (size_t i = 0; missing && i < scratch->count; i++)
        missing = (files[i] = missing_file(e, formula, at, &scratch->items[i])) != NULL;
    for (size_t i = 0; i < scratch->count; i++) {
        const rel_diag *d = &scratch->items[i];
        if (!missing) {
            rel_diag_add(e->diags, d->severity, d->code, d->where, "%s", d->message);
        } else if (!already_said(e, files[i], d->message)) {
            bool table = strcmp(d->code, REL_E_FORMULA_DATASET) == 0;
            rel_diag_add(e->diags, REL_SEV_WARNING, REL_R_DATA_ABSENT,
                         (rel_origin){files[i], 0, 0},
                         "%s: la relazione omette %s che ne ha bisogno; %s per mostrarlo",
                         table ? "il file manca" : d->message, e->omitting,
                         table ? "aggiungere il file"
                         : strcmp(d->code, REL_E_FORMULA_ROW) == 0 ? "aggiungere la riga"
                                                                   : "aggiungere la colonna");
        }
    }
    if (scratch->out_of_memory)
        rel_engine_oom(e, at);
    if (missing)
        e->missing = true;
    else
        e->ok = false;
}

/* A first-year entity has no N-1: a default template's comparison with it
 * is left out without a word (there is nothing to add). */
static bool needs_prior_year(const engine *e, const char *formula, rel_origin at)
{
    return e->ctx->model->entity.first_year && is_default_template(e, at.file)
           && strstr(formula, "N-1") != NULL;
}

bool rel_engine_eval(engine *e, const char *formula, rel_origin at, rel_rational *value)
{
    if (needs_prior_year(e, formula, at)) {
        e->missing = true;
        return false;
    }
    rel_diags scratch;
    rel_diags_init(&scratch, e->arena);
    rel_formula *parsed = rel_formula_parse(formula, at, e->arena, &scratch);
    rel_formula_names names = rel_engine_names(e);
    bool ok = parsed != NULL
              && rel_formula_eval(parsed, e->ctx->model, &names, e->arena, &scratch, value);
    if (!ok)
        replay(e, formula, at, &scratch);
    rel_diags_free(&scratch);
    return ok;
}
