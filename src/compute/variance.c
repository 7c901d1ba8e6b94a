#include "compute/variance.h"

#include <stdlib.h>
#include <string.h>

#include "compute/totals.h"
#include "validate/labels.h"

bool rel_percent_of(int64_t a, int64_t b, int64_t *out)
{
    if (b == 0)
        return false;
    __int128 scaled = (__int128)a * 10000;
    __int128 magnitude = scaled < 0 ? -scaled : scaled;
    __int128 divisor = b < 0 ? -(__int128)b : b;
    __int128 quotient = magnitude / divisor;
    if ((magnitude % divisor) * 2 >= divisor)
        quotient++;
    bool negative = (scaled < 0) != (b < 0);
    *out = (int64_t)(negative ? -quotient : quotient);
    return true;
}

static void finish(rel_variance *v, const rel_entity *entity)
{
    v->difference = v->consuntivo - v->preventivo;
    v->percent_defined = rel_percent_of(v->difference, v->preventivo, &v->percent);
    rel_percent_of(v->consuntivo, v->preventivo, &v->execution);
    bool by_amount = entity->variance_threshold.present;
    bool by_percent = entity->variance_threshold_pct > 0;
    int64_t amount = v->difference < 0 ? -v->difference : v->difference;
    int64_t percent = v->percent < 0 ? -v->percent : v->percent;
    bool over_amount = amount > entity->variance_threshold.cents;
    bool over_percent = !v->percent_defined ? v->difference != 0
                                            : percent > entity->variance_threshold_pct;
    v->needs_words = (by_amount || by_percent) && (!by_amount || over_amount)
                     && (!by_percent || over_percent);
}

/* A group of lines sharing their first `depth` levels. */
typedef struct group {
    const char *key;        /* the normalised level values joined */
    size_t depth;
    size_t first;           /* its first voce (index among the voci) */
    size_t variance;        /* its slot in the output */
    struct group *parent;
    struct group *child, *last_child, *sibling;   /* sub-groups in order of first voce */
} group;

typedef struct builder {
    const rel_schedule *s;
    rel_arena *arena;
    rel_variances *out;
    size_t voci;                 /* out->items[0 .. voci) are the voci */
    const rel_row **rows;        /* the line of each voce */
    const char **keys;           /* voce * levels + depth - 1: its key at each depth, or NULL */
    group **by_depth[REL_MAX_LEVELS + 1];   /* sorted by key */
    size_t counts[REL_MAX_LEVELS + 1];
} builder;

static const char *level_text(const rel_schedule *s, const rel_row *row, size_t level)
{
    return rel_row_text(row, s->levels[level]);
}

/* The voci, in file order, at the start of the list. */
static bool add_voci(builder *b)
{
    const rel_schedule *s = b->s;
    b->rows = rel_arena_array(b->arena, s->data->row_count + 1, sizeof *b->rows);
    if (b->rows == NULL)
        return false;
    for (size_t r = 0; r < s->data->row_count; r++) {
        const rel_row *row = &s->data->rows[r];
        if (row->kind != REL_ROW_ITEM)
            continue;
        const char *voce = rel_row_text(row, s->voce);
        b->rows[b->out->count] = row;
        b->out->items[b->out->count++] = (rel_variance){
            .level = REL_LEVEL_VOCE, .depth = (int)s->level_count + 1, .level_name = "voce",
            .name = voce, .area = rel_row_text(row, s->area),
            .azione = rel_row_text(row, s->azione), .voce = voce,
            .preventivo = row->values[s->preventivo].number,
            .consuntivo = row->values[s->consuntivo].number,
            .motivazione = rel_row_text(row, s->motivazione), .at = row->values[s->voce].at,
        };
    }
    b->voci = b->out->count;
    return true;
}

/* The keys of `row` at each depth (its first 1, 2, … levels), into keys[]:
 * NULL from the first empty level on (an empty azione: a voce right under
 * its area). false when out of memory. */
static bool keys_of(builder *b, const rel_row *row, const char **keys)
{
    const char *key = "";
    for (size_t level = 0; level < b->s->level_count; level++) {
        const char *text = level_text(b->s, row, level);
        if (key == NULL || !text[0] || rel_is_total_label(text)) {
            key = NULL;
        } else {
            char normalized[256];
            rel_label_normalize(text, normalized, sizeof normalized);
            key = rel_arena_printf(b->arena, "%s\x1f%s", key, normalized);
            if (key == NULL)
                return false;
        }
        keys[level] = key;
    }
    return true;
}

typedef struct keyed {
    const char *key;
    size_t voce;
} keyed;

static int by_key(const void *left, const void *right)
{
    const keyed *a = left, *c = right;
    int order = strcmp(a->key, c->key);
    return order ? order : (a->voce > c->voce) - (a->voce < c->voce);
}

/* The groups at `depth`, from the voci sorted by their key there. */
static bool groups_at(builder *b, size_t depth)
{
    size_t levels = b->s->level_count;
    keyed *lines = malloc((b->voci + 1) * sizeof *lines);
    group **groups = rel_arena_array(b->arena, b->voci + 1, sizeof *groups);
    if (lines == NULL || groups == NULL) {
        free(lines);
        return false;
    }
    size_t n = 0;
    for (size_t v = 0; v < b->voci; v++)
        if (b->keys[v * levels + depth - 1] != NULL)
            lines[n++] = (keyed){b->keys[v * levels + depth - 1], v};
    qsort(lines, n, sizeof *lines, by_key);
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (count > 0 && strcmp(groups[count - 1]->key, lines[i].key) == 0)
            continue;
        group *g = rel_arena_alloc(b->arena, sizeof *g);
        if (g == NULL) {
            free(lines);
            return false;
        }
        *g = (group){.key = lines[i].key, .depth = depth, .first = lines[i].voce};
        groups[count++] = g;
    }
    free(lines);
    b->by_depth[depth] = groups;
    b->counts[depth] = count;
    return true;
}

static group *find_group(const builder *b, size_t depth, const char *key)
{
    size_t low = 0, high = b->counts[depth];
    while (low < high) {
        size_t mid = low + (high - low) / 2;
        int order = strcmp(b->by_depth[depth][mid]->key, key);
        if (order == 0)
            return b->by_depth[depth][mid];
        if (order < 0)
            low = mid + 1;
        else
            high = mid;
    }
    return NULL;
}

static int by_first(const void *left, const void *right)
{
    const group *a = *(const group *const *)left, *c = *(const group *const *)right;
    if (a->first != c->first)
        return (a->first > c->first) - (a->first < c->first);
    return (a->depth > c->depth) - (a->depth < c->depth);
}

/* Every group, by first voce; each linked under its parent (one level up,
 * the group of the same first levels), children in the same order. */
static group **link_tree(builder *b, size_t *count)
{
    size_t levels = b->s->level_count, n = 0;
    for (size_t depth = 1; depth <= levels; depth++)
        n += b->counts[depth];
    group **all = rel_arena_array(b->arena, n + 1, sizeof *all);
    if (all == NULL)
        return NULL;
    *count = 0;
    for (size_t depth = 1; depth <= levels; depth++)
        for (size_t i = 0; i < b->counts[depth]; i++)
            all[(*count)++] = b->by_depth[depth][i];
    qsort(all, *count, sizeof *all, by_first);
    for (size_t i = 0; i < *count; i++) {
        group *g = all[i];
        if (g->depth == 1)
            continue;
        g->parent = find_group(b, g->depth - 1, b->keys[g->first * levels + g->depth - 2]);
        if (g->parent == NULL)
            continue;
        if (g->parent->last_child)
            g->parent->last_child->sibling = g;
        else
            g->parent->child = g;
        g->parent->last_child = g;
    }
    return all;
}

/* Emits `g`'s sub-groups, then `g` itself: the order of the list. */
static void emit(builder *b, group *g)
{
    for (group *c = g->child; c; c = c->sibling)
        emit(b, c);
    const rel_row *row = b->rows[g->first];
    const char *name = level_text(b->s, row, g->depth - 1);
    g->variance = b->out->count;
    b->out->items[b->out->count++] = (rel_variance){
        .level = g->depth == 1 ? REL_LEVEL_AREA : REL_LEVEL_AZIONE, .depth = (int)g->depth,
        .level_name = b->s->level_names[g->depth - 1], .name = name,
        .area = level_text(b->s, row, 0), .azione = g->depth == 1 ? "" : name, .voce = "",
        .motivazione = "",
    };
}

static bool add_line(rel_variance *v, const rel_variance *voce)
{
    if (v->at.file == NULL)
        v->at = voce->at;
    if (!v->motivazione[0] && voce->motivazione[0])
        v->motivazione = voce->motivazione;
    return !__builtin_add_overflow(v->preventivo, voce->preventivo, &v->preventivo)
           && !__builtin_add_overflow(v->consuntivo, voce->consuntivo, &v->consuntivo);
}

static bool sum_groups(builder *b)
{
    size_t levels = b->s->level_count;
    bool ok = true;
    for (size_t v = 0; v < b->voci; v++)
        for (size_t depth = 1; depth <= levels; depth++) {
            const char *key = b->keys[v * levels + depth - 1];
            group *g = key ? find_group(b, depth, key) : NULL;
            if (g != NULL)
                ok = add_line(&b->out->items[g->variance], &b->out->items[v]) && ok;
        }
    return ok;
}

/* A TOTALE row's place and motivazione explain the group whose levels it
 * fills (all of its leading ones). */
static bool attach_total_rows(builder *b)
{
    const rel_schedule *s = b->s;
    const char *keys[REL_MAX_LEVELS];
    for (size_t r = 0; r < s->data->row_count; r++) {
        const rel_row *row = &s->data->rows[r];
        if (row->kind != REL_ROW_TOTAL)
            continue;
        if (!keys_of(b, row, keys))
            return false;
        size_t depth = 0;
        while (depth < s->level_count && keys[depth] != NULL)
            depth++;
        group *g = depth ? find_group(b, depth, keys[depth - 1]) : NULL;
        if (g == NULL)
            continue;
        rel_variance *v = &b->out->items[g->variance];
        v->at = row->values[s->voce].at;
        if (rel_row_text(row, s->motivazione)[0])
            v->motivazione = rel_row_text(row, s->motivazione);
    }
    return true;
}

/* The groups, areas each after what is below them, then the total. */
static bool add_groups(builder *b)
{
    size_t levels = b->s->level_count, count;
    b->keys = rel_arena_array(b->arena, b->voci * levels + 1, sizeof *b->keys);
    if (b->keys == NULL)
        return false;
    for (size_t v = 0; v < b->voci; v++)
        if (!keys_of(b, b->rows[v], &b->keys[v * levels]))
            return false;
    for (size_t depth = 1; depth <= levels; depth++)
        if (!groups_at(b, depth))
            return false;
    group **all = link_tree(b, &count);
    if (all == NULL)
        return false;
    for (size_t i = 0; i < count; i++)
        if (all[i]->depth == 1)
            emit(b, all[i]);
    return true;
}

bool rel_variances_compute(const rel_model *model, rel_arena *arena, rel_variances *out)
{
    *out = (rel_variances){NULL, 0};
    rel_schedule s;
    if (!rel_schedule_get(model, &s))
        return true;
    size_t slots = (s.level_count + 1) * s.data->row_count + 1;
    out->items = rel_arena_array(arena, slots, sizeof *out->items);
    if (out->items == NULL)
        return false;
    builder b = {.s = &s, .arena = arena, .out = out};
    if (!add_voci(&b) || !add_groups(&b))
        return false;
    rel_variance *total = &out->items[out->count++];
    *total = (rel_variance){.level = REL_LEVEL_TOTAL, .level_name = "", .name = "TOTALE",
                            .area = "", .azione = "", .voce = "", .motivazione = ""};
    bool ok = sum_groups(&b);
    for (size_t v = 0; v < b.voci; v++)
        ok = add_line(total, &out->items[v]) && ok;
    total->motivazione = "";
    ok = attach_total_rows(&b) && ok;
    for (size_t i = 0; i < out->count; i++)
        finish(&out->items[i], &model->entity);
    return ok;
}
