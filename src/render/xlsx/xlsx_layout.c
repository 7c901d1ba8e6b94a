#include "render/xlsx/xlsx_layout.h"

#include <stdio.h>
#include <string.h>

#include "core/codes.h"
#include "template/cells_text.h"
#include "render/xlsx/xlsx_value.h"

#define KIND_WIDTH 11.0

bool rel_xlsx_layout_numeric(rel_type type)
{
    return type == REL_TYPE_MONEY || type == REL_TYPE_COUNT || type == REL_TYPE_DECIMAL
           || type == REL_TYPE_PERCENT;
}

/* Characters of UTF-8 `text` (continuation bytes do not count). */
static size_t characters(const char *text)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return n;
}

static size_t longest_word(const char *text)
{
    size_t best = 0, word = 0;
    for (const unsigned char *p = (const unsigned char *)text;; p++) {
        if (*p == '\0' || *p == ' ' || *p == '\n') {
            best = word > best ? word : best;
            word = 0;
            if (*p == '\0')
                return best;
        } else {
            word += (*p & 0xC0) != 0x80;
        }
    }
}

double rel_xlsx_text_width(const rel_dataset *d, int column, const char *heading, double least,
                           double most)
{
    size_t longest = 0;
    for (size_t r = 0; d && column >= 0 && r < d->row_count; r++) {
        size_t n = characters(d->rows[r].values[column].text);
        longest = n > longest ? n : longest;
    }
    double width = (double)longest * 1.05 + 2.0;
    width = width < least ? least : width > most ? most : width;
    double word = (double)longest_word(heading) * 1.15 + 2.0;
    return width > word ? width : word;
}

double rel_xlsx_number_width(rel_type type, int64_t max_abs, bool whole, const char *heading)
{
    double width;
    switch (type) {
    case REL_TYPE_MONEY:
        width = rel_xlsx_money_width(max_abs, whole, 12.0);
        break;
    case REL_TYPE_DATE:
        width = 11.0;
        break;
    case REL_TYPE_PERCENT:
        width = 10.0;
        break;
    default: {
        int digits = 1;
        for (int64_t v = max_abs; v >= 10; v /= 10)
            digits++;
        width = digits + (digits - 1) / 3 + (type == REL_TYPE_DECIMAL ? 1 : 3) + 2;
        width = width < 8.0 ? 8.0 : width;
    }
    }
    double word = (double)longest_word(heading) * 1.15 + 2.0;
    return width > word ? width : word;
}

static int64_t column_max(const rel_dataset *d, int column)
{
    int64_t best = 0;
    for (size_t r = 0; r < d->row_count; r++) {
        int64_t v = d->rows[r].values[column].number;
        v = v < 0 ? -v : v;
        best = v > best ? v : best;
    }
    return best;
}

/* A cell whose text the figure or date in its cell does not show: words in
 * its place ("in continuità", "Partner senza portafoglio"), a mark of "not
 * available" ("n.d.", "-"), a footnote mark ("1.168*"). */
static bool says_more(const rel_dataset *d, int column, const rel_value *v)
{
    rel_type type = d->columns[column].type;
    if (type == REL_TYPE_TEXT || type == REL_TYPE_CODE || type == REL_TYPE_OUTCOME)
        return false;
    return v->is_text || v->missing || v->note != NULL;
}

static bool has_words(const rel_dataset *d, int column)
{
    for (size_t r = 0; r < d->row_count; r++)
        if (says_more(d, column, &d->rows[r].values[column]))
            return true;
    return false;
}

static void add_column(rel_xlsx_layout *l, const char *label, double width, bool fixed)
{
    l->columns[l->count++] = (rel_xlsx_column){label, width, fixed};
}

static void plan_columns(rel_arena *arena, const rel_dataset *d, int year, rel_xlsx_layout *l)
{
    bool notes = false;
    for (size_t c = 0; c < d->column_count; c++) {
        const rel_column *column = &d->columns[c];
        l->sheet_col[c] = -1;
        if (column->type == REL_TYPE_CODE || column->computed)
            continue;       /* codes are for the machine, derived columns for formulas */
        const char *heading = rel_label_heading(arena, column->label);
        l->sheet_col[c] = (int)l->count;
        if (column->is_label && l->label < 0)
            l->label = (int)c;
        bool text = column->type == REL_TYPE_TEXT || column->type == REL_TYPE_OUTCOME;
        if (text)
            add_column(l, heading, rel_xlsx_text_width(d, (int)c, heading, 8.0,
                                                       column->is_label ? 40.0 : 28.0), false);
        else
            add_column(l, heading, rel_xlsx_number_width(column->type, column_max(d, (int)c),
                                                         l->whole, heading), true);
        notes = notes || has_words(d, (int)c);
    }
    l->now = rel_dataset_year_column(d, year);
    l->before = rel_dataset_year_column(d, year - 1);
    /* a table that prints its own changes ("2023/2019", "Variazione") shows those */
    bool typed = false;
    for (size_t c = 0; c < d->column_count; c++)
        typed = typed || d->columns[c].change_later >= 0;
    bool change = !typed && l->now >= 0 && l->before >= 0
                  && rel_xlsx_layout_numeric(d->columns[l->now].type)
                  && d->columns[l->now].type == d->columns[l->before].type;
    if (change) {
        l->change_col = (int)l->count;
        add_column(l, "Variazione", l->columns[l->sheet_col[l->now]].width, true);
        add_column(l, "Var. %", 10.0, true);
    }
    if (notes) {
        l->note_col = (int)l->count;
        add_column(l, "Note", 24.0, false);
    }
    /* the kind of each row, for sums that must skip the totals: only where
     * there are totals */
    bool totals = false;
    for (size_t r = 0; r < d->row_count && !totals; r++)
        totals = d->rows[r].kind != REL_ROW_ITEM;
    l->kind_col = -1;
    if (totals) {
        l->kind_col = (int)l->count;
        add_column(l, "Riga", KIND_WIDTH, true);
    }
}

/* A recomputed row follows each TOTALE one of whose figures a check adds. */
static void plan_rows(const rel_xlsx_context *ctx, const rel_dataset *d, rel_xlsx_layout *l)
{
    lxw_row_t row = REL_XLSX_FIRST_ROW;
    for (size_t r = 0; r < d->row_count; r++) {
        const rel_row *line = &d->rows[r];
        l->sheet_row[r] = row++;
        for (size_t c = 0; line->kind == REL_ROW_TOTAL && c < d->column_count; c++)
            l->recompute[r] = l->recompute[r] || (l->sheet_col[c] >= 0
                                                  && rel_xlsx_layout_numeric(d->columns[c].type)
                                                  && rel_xlsx_checks_total(ctx->checks,
                                                                           line->values[c].at, d));
        row += l->recompute[r];
    }
}

bool rel_xlsx_layout_plan(const rel_xlsx_context *ctx, const rel_dataset *d,
                          rel_xlsx_layout *out)
{
    rel_arena *arena = ctx->book->arena;
    memset(out, 0, sizeof *out);
    out->dataset = d;
    out->label = out->change_col = out->note_col = -1;
    out->columns = rel_arena_array(arena, d->column_count + 8, sizeof *out->columns);
    out->sheet_col = rel_arena_array(arena, d->column_count + 1, sizeof *out->sheet_col);
    out->sheet_row = rel_arena_array(arena, d->row_count + 1, sizeof *out->sheet_row);
    out->recompute = rel_arena_array(arena, d->row_count + 1, sizeof *out->recompute);
    if (!out->columns || !out->sheet_col || !out->sheet_row || !out->recompute) {
        ctx->book->ok = false;
        rel_diag_add(ctx->book->diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY,
                     (rel_origin){ctx->book->shown, 0, 0}, "memoria esaurita scrivendo l'allegato");
        return false;
    }
    out->whole = true;
    for (size_t c = 0; c < d->column_count; c++)
        if (d->columns[c].type == REL_TYPE_MONEY)
            out->whole = out->whole && rel_column_whole_euros(d, (int)c);
    plan_columns(arena, d, ctx->book->model->entity.year, out);
    plan_rows(ctx, d, out);
    out->key_columns = out->label >= 0 && out->sheet_col[out->label] < 3
                           ? (lxw_col_t)out->sheet_col[out->label] + 1 : 1;
    return true;
}

bool rel_xlsx_layout_sum(rel_xlsx_sheet *s, const rel_xlsx_layout *l,
                         const rel_figure_source *source, lxw_col_t col, bool display,
                         bool *subtotal, int64_t *sum)
{
    const rel_dataset *d = l->dataset;
    rel_xlsx_book *book = s->book;
    rel_type type = d->columns[source->column].type;
    rel_xlsx_place *places = rel_arena_array(&book->scratch, source->row_count + 1, sizeof *places);
    if (places == NULL)
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, (int)col, (rel_origin){NULL, 0, 0},
                             "totale");
    *sum = 0;
    for (size_t i = 0; i < source->row_count; i++) {
        size_t r = source->rows[i];
        places[i] = (rel_xlsx_place){s->index, l->sheet_row[r], col, type == REL_TYPE_PERCENT,
                                      false};
        *sum += d->rows[r].values[source->column].number;
    }
    const char *formula = rel_xlsx_cells_sum(&book->cells, &book->scratch, places,
                                             source->row_count, &s->index, display, subtotal);
    rel_xlsx_style style = rel_xlsx_style_of(type, l->whole);
    double cached = rel_xlsx_cell_number(*sum, type);
    if (formula == NULL) {
        rel_diag_add(book->diags, REL_SEV_WARNING, REL_W_XLSX_NOT_LIVE,
                     (rel_origin){d->path, 0, 0}, "totale ricalcolato di %zu righe scritto come "
                     "valore nel foglio «%s», cella %s: troppe righe sparse per una formula",
                     source->row_count, s->name, rel_xlsx_here(s, col));
        return rel_xlsx_number(s, col, cached, style, REL_XLSX_SUBTOTAL);
    }
    return rel_xlsx_formula(s, col, rel_arena_printf(&book->scratch, "=%s", formula), cached, style,
                            REL_XLSX_SUBTOTAL);
}

bool rel_xlsx_layout_change(rel_xlsx_sheet *s, const rel_xlsx_layout *l, bool present,
                            int64_t now, int64_t before, rel_xlsx_emphasis emphasis)
{
    if (l->change_col < 0)
        return true;
    lxw_col_t col = (lxw_col_t)l->change_col;
    if (!present)
        return rel_xlsx_text(s, col, "", emphasis, (rel_origin){NULL, 0, 0})
               && rel_xlsx_text(s, col + 1, "", emphasis, (rel_origin){NULL, 0, 0});
    rel_type type = l->dataset->columns[l->now].type;
    const char *a = rel_xlsx_here(s, (lxw_col_t)l->sheet_col[l->now]);
    const char *b = rel_xlsx_here(s, (lxw_col_t)l->sheet_col[l->before]);
    rel_arena *arena = &s->book->scratch;
    bool ok = rel_xlsx_formula(s, col, rel_arena_printf(arena, "=%s-%s", a, b),
                               rel_xlsx_cell_number(now - before, type),
                               rel_xlsx_style_of(type, l->whole), emphasis);
    const char *percent = rel_arena_printf(arena, "=IF(%s=0,\"\",(%s-%s)/%s)", b, a, b, b);
    if (before == 0)
        return ok && rel_xlsx_formula_text(s, col + 1, percent, "", REL_XLSX_PERCENT, emphasis);
    return ok && rel_xlsx_formula(s, col + 1, percent, (double)(now - before) / (double)before,
                                  REL_XLSX_PERCENT, emphasis);
}

bool rel_xlsx_layout_note(rel_xlsx_sheet *s, const rel_xlsx_layout *l, const rel_row *row)
{
    if (l->note_col < 0)
        return true;
    const rel_dataset *d = l->dataset;
    char *note = rel_arena_strdup(&s->book->scratch, "");
    for (size_t c = 0; note && c < d->column_count; c++) {
        const rel_value *v = &row->values[c];
        if (says_more(d, (int)c, v))
            note = rel_arena_printf(&s->book->scratch, "%s%s%s: %s", note, note[0] ? "; " : "",
                                    rel_label_heading(&s->book->scratch, d->columns[c].label),
                                    v->text);
    }
    if (note == NULL)
        return rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, l->note_col,
                             (rel_origin){NULL, 0, 0}, "nota");
    return rel_xlsx_text(s, (lxw_col_t)l->note_col, note, REL_XLSX_NOTE, (rel_origin){NULL, 0, 0});
}

bool rel_xlsx_layout_kind(rel_xlsx_sheet *s, const rel_xlsx_layout *l, rel_xlsx_row_kind kind)
{
    if (l->kind_col < 0)
        return true;
    return rel_xlsx_text(s, (lxw_col_t)l->kind_col, rel_xlsx_row_kind_word(kind), REL_XLSX_NOTE,
                         (rel_origin){NULL, 0, 0});
}

bool rel_xlsx_layout_insert(rel_xlsx_layout *l, lxw_col_t at, const rel_xlsx_column *columns,
                            lxw_col_t count)
{
    if (l->count + count > l->dataset->column_count + 8)
        return false;
    memmove(&l->columns[at + count], &l->columns[at], (l->count - at) * sizeof *l->columns);
    memcpy(&l->columns[at], columns, count * sizeof *columns);
    l->count += count;
    for (size_t c = 0; c < l->dataset->column_count; c++)
        if (l->sheet_col[c] >= (int)at)
            l->sheet_col[c] += (int)count;
    int *extra[] = {&l->change_col, &l->note_col, &l->kind_col};
    for (size_t i = 0; i < 3; i++)
        if (*extra[i] >= (int)at)
            *extra[i] += (int)count;
    return true;
}

bool rel_xlsx_layout_place(rel_xlsx_sheet *s, const rel_xlsx_layout *l)
{
    return rel_xlsx_cells_place(&s->book->cells, l->dataset, s->index, l->sheet_row, l->sheet_col)
           || rel_xlsx_fail(s, LXW_ERROR_MEMORY_MALLOC_FAILED, -1, (rel_origin){NULL, 0, 0},
                            "registro");
}
