/* The contents sheet (Indice): every sheet of the annex with its Allegato
 * letter, what it holds and a link to it. */
#include <string.h>

#include "render/xlsx/xlsx_sheets.h"

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

bool rel_xlsx_contents(const rel_xlsx_context *ctx, rel_xlsx_sheet *s,
                       const rel_xlsx_entry *entries, size_t count)
{
    bool ok = true;
    for (size_t i = 0; ok && i < count; i++) {
        const rel_xlsx_entry *e = &entries[i];
        const char *what = e->dataset ? rel_arena_printf(&ctx->book->scratch, "%s (da %s)", e->title,
                                                         base_name(e->dataset->path))
                                      : e->title;
        const char *ref = rel_xlsx_quoted(&ctx->book->scratch, e->name);
        ok = what && ref && rel_xlsx_text(s, 0, e->annex, REL_XLSX_PLAIN, (rel_origin){NULL, 0, 0})
             && rel_xlsx_link(s, 1, ref, e->name)
             && rel_xlsx_text(s, 2, what, REL_XLSX_PLAIN, (rel_origin){NULL, 0, 0})
             && rel_xlsx_number(s, 3, (double)e->rows, REL_XLSX_COUNT, REL_XLSX_PLAIN)
             && rel_xlsx_row_end(s, REL_XLSX_ROW_OTHER, 0);
    }
    return ok && rel_xlsx_sheet_end(s, false);
}
