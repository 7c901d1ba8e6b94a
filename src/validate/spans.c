#include "validate/spans.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "validate/labels.h"

#define MAX_GROUPS 16

/* A line's group values, normalised and joined, for one set of group
 * columns (a mask over the dataset's group columns). */
typedef struct keyed_line {
    const char *key;
    size_t row;
} keyed_line;

typedef struct key_index {
    unsigned mask;
    keyed_line *lines;
    size_t count;
} key_index;

typedef struct builder {
    rel_dataset *d;
    rel_arena *arena;
    int groups[MAX_GROUPS];
    size_t group_count;
    const char **normalized;      /* row * group_count + g: the normalised text */
    key_index indexes[MAX_GROUPS + 1];
    size_t index_count;
} builder;

static const char *normalize(rel_arena *arena, const char *text)
{
    char buffer[256];
    rel_label_normalize(text, buffer, sizeof buffer);
    return rel_arena_strdup(arena, buffer);
}

static bool normalize_groups(builder *b)
{
    rel_dataset *d = b->d;
    for (size_t c = 0; c < d->column_count && b->group_count < MAX_GROUPS; c++)
        if (d->columns[c].is_group)
            b->groups[b->group_count++] = (int)c;
    if (b->group_count == 0)
        return true;
    b->normalized = rel_arena_array(b->arena, d->row_count * b->group_count + 1,
                                    sizeof *b->normalized);
    if (b->normalized == NULL)
        return false;
    for (size_t r = 0; r < d->row_count; r++)
        for (size_t g = 0; g < b->group_count; g++) {
            const char *text = normalize(b->arena, d->rows[r].values[b->groups[g]].text);
            if (text == NULL)
                return false;
            b->normalized[r * b->group_count + g] = text;
        }
    return true;
}

/* The key of row `row` over the group columns in `mask`. */
static const char *key_of(builder *b, size_t row, unsigned mask)
{
    const char *key = "";
    for (size_t g = 0; g < b->group_count && key; g++)
        if (mask & (1u << g))
            key = rel_arena_printf(b->arena, "%s\x1f%s", key,
                                   b->normalized[row * b->group_count + g]);
    return key;
}

static int by_key(const void *left, const void *right)
{
    const keyed_line *a = left, *c = right;
    int order = strcmp(a->key, c->key);
    return order ? order : (a->row > c->row) - (a->row < c->row);
}

/* The sorted lines for `mask`, built on first use. */
static key_index *index_for(builder *b, unsigned mask)
{
    for (size_t i = 0; i < b->index_count; i++)
        if (b->indexes[i].mask == mask)
            return &b->indexes[i];
    if (b->index_count == sizeof b->indexes / sizeof b->indexes[0])
        return NULL;
    const rel_dataset *d = b->d;
    key_index *x = &b->indexes[b->index_count];
    *x = (key_index){mask, rel_arena_array(b->arena, d->row_count + 1, sizeof *x->lines), 0};
    if (x->lines == NULL)
        return NULL;
    for (size_t r = 0; r < d->row_count; r++)
        if (d->rows[r].kind == REL_ROW_ITEM) {
            x->lines[x->count] = (keyed_line){key_of(b, r, mask), r};
            if (x->lines[x->count++].key == NULL)
                return NULL;
        }
    qsort(x->lines, x->count, sizeof *x->lines, by_key);
    b->index_count++;
    return x;
}

/* The group columns the total fills (its own "TOTALE ..." cell aside). */
static unsigned filled_groups(const builder *b, const rel_row *total)
{
    unsigned mask = 0;
    for (size_t g = 0; g < b->group_count; g++) {
        const char *text = total->values[b->groups[g]].text;
        if (text[0] && !rel_is_total_label(text))
            mask |= 1u << g;
    }
    return mask;
}

static bool keyed_parts(builder *b, size_t row, unsigned mask, rel_span *span)
{
    key_index *x = index_for(b, mask);
    const char *key = x ? key_of(b, row, mask) : NULL;
    if (key == NULL)
        return false;
    size_t low = 0, high = x->count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (strcmp(x->lines[mid].key, key) < 0)
            low = mid + 1;
        else
            high = mid;
    }
    size_t end = low;
    while (end < x->count && strcmp(x->lines[end].key, key) == 0)
        end++;
    size_t *parts = rel_arena_array(b->arena, end - low + 1, sizeof *parts);
    if (parts == NULL)
        return false;
    for (size_t i = low; i < end; i++)
        parts[i - low] = x->lines[i].row;   /* sorted by row within a key */
    span->parts = parts;
    span->part_count = end - low;
    return true;
}

/* The lines of rows [from, to), in order. */
static bool range_parts(builder *b, size_t from, size_t to, rel_span *span)
{
    size_t *parts = rel_arena_array(b->arena, to - from + 1, sizeof *parts);
    if (parts == NULL)
        return false;
    size_t n = 0;
    for (size_t r = from; r < to; r++)
        if (b->d->rows[r].kind == REL_ROW_ITEM)
            parts[n++] = r;
    span->parts = parts;
    span->part_count = n;
    return true;
}

/* How the total row names itself: the strongest word in its text cells. */
static rel_total_word total_word(const rel_dataset *d, const rel_row *row)
{
    rel_total_word word = REL_TOTAL_NONE;
    for (size_t c = 0; c < d->column_count; c++)
        if (d->columns[c].type == REL_TYPE_TEXT) {
            rel_total_word w = rel_label_total(row->values[c].text);
            if (w > word)
                word = w;
        }
    return word;
}

static bool has_lines(const rel_dataset *d, size_t from, size_t to)
{
    for (size_t r = from; r < to; r++)
        if (d->rows[r].kind == REL_ROW_ITEM)
            return true;
    return false;
}

bool rel_spans_compute(rel_dataset *d, rel_arena *arena)
{
    d->spans = NULL;
    d->span_count = 0;
    builder b = {.d = d, .arena = arena};
    size_t totals = 0;
    for (size_t r = 0; r < d->row_count; r++)
        totals += d->rows[r].kind == REL_ROW_TOTAL;
    rel_span *spans = rel_arena_array(arena, totals + 1, sizeof *spans);
    if (spans == NULL || !normalize_groups(&b))
        return false;
    size_t previous = 0, previous_grand = 0, n = 0;
    for (size_t r = 0; r < d->row_count; r++) {
        if (d->rows[r].kind != REL_ROW_TOTAL)
            continue;
        rel_span *span = &spans[n];
        *span = (rel_span){.total = r};
        rel_total_word word = total_word(d, &d->rows[r]);
        span->mean = word == REL_TOTAL_MEAN;
        unsigned mask = filled_groups(&b, &d->rows[r]);
        bool ok;
        if (mask != 0) {
            ok = keyed_parts(&b, r, mask, span);
        } else if (b.group_count > 0) {
            span->grand = true;
            ok = range_parts(&b, 0, d->row_count, span);
        } else {
            span->grand = word == REL_TOTAL_GRAND || !has_lines(d, previous, r);
            ok = range_parts(&b, span->grand ? previous_grand : previous, r, span);
            if (span->grand && !span->mean)
                previous_grand = r + 1;
        }
        if (!ok)
            return false;
        previous = r + 1;
        n++;
    }
    size_t lines = 0;
    for (size_t r = 0; r < d->row_count; r++)
        lines += d->rows[r].kind == REL_ROW_ITEM;
    for (size_t i = 0; i < n; i++)
        spans[i].grand = spans[i].grand || (lines > 0 && spans[i].part_count == lines);
    d->spans = spans;
    d->span_count = n;
    return true;
}

const rel_span *rel_span_of(const rel_dataset *d, size_t row)
{
    size_t low = 0, high = d->span_count;
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        if (d->spans[mid].total < row)
            low = mid + 1;
        else
            high = mid;
    }
    return low < d->span_count && d->spans[low].total == row ? &d->spans[low] : NULL;
}
