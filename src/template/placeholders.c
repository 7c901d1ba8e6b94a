/* {{ placeholder | filter }}: texts of the metadata and loop variables, or
 * figures computed by the formula language and formatted by one filter. */
#include <stdarg.h>
#include <string.h>

#include "compute/indicators.h"
#include "core/codes.h"
#include "core/number.h"
#include "core/suggest.h"
#include "template/engine.h"

void rel_engine_error(engine *e, const char *code, rel_origin at, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    rel_diag_vadd(e->diags, REL_SEV_ERROR, code, at, format, args);
    va_end(args);
    e->ok = false;
}

void rel_engine_limit(engine *e, rel_origin at, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    rel_diag_vadd(e->diags, REL_SEV_ERROR, REL_T_LIMIT, at, format, args);
    va_end(args);
    e->ok = false;
    e->halted = true;
}

const char *rel_engine_var(const engine *e, const char *name)
{
    for (size_t i = e->var_count; i-- > 0;)
        if (strcmp(e->vars[i].name, name) == 0)
            return e->vars[i].value;
    return NULL;
}

static const char *lookup_text(void *context, const char *name)
{
    return rel_engine_var(context, name);
}

static bool lookup_number(void *context, const char *name, rel_rational *value, bool *known)
{
    engine *e = context;
    rel_formula_names indicators = rel_indicators_names(e->ctx->indicators);
    return indicators.lookup(indicators.context, name, value, known);
}

rel_formula_names rel_engine_names(engine *e)
{
    return (rel_formula_names){lookup_number, e, NULL, lookup_text};
}

/* The texts a placeholder can name without a formula. */
static const char *metadata_text(const engine *e, const char *name)
{
    const rel_entity *entity = &e->ctx->model->entity;
    const char *year[2] = {rel_arena_printf(e->arena, "%d", entity->year),
                           rel_arena_printf(e->arena, "%d", entity->year - 1)};
    const struct { const char *name; const char *value; } texts[] = {
        {"ente.nome", entity->name.text},
        {"ente.forma_giuridica", entity->legal_form.text},
        {"ente.sede", entity->seat.text},
        {"ente.codice_fiscale", entity->tax_code.text},
        {"firmatari.presidente", entity->president.text},
        {"firmatari.direttore", entity->director.text},
        {"esercizio.anno", year[0]},
        {"esercizio.precedente", year[1]},
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (strcmp(texts[i].name, name) == 0)
            return texts[i].value;
    return NULL;
}

typedef struct filter {
    const char *name;
    int decimals;
    unsigned flags;
    bool points;          /* the value is in points already: 10,25 => "10,25%" */
} filter;

static const filter filters[] = {
    {"euro", 2, REL_FMT_EURO, false},
    {"euro0", 0, REL_FMT_EURO, false},
    {"num", 0, 0, false},
    {"num1", 1, 0, false},
    {"num2", 2, 0, false},
    {"perc", 2, REL_FMT_PERCENT, true},
    {"perc1", 1, REL_FMT_PERCENT, true},
    {"var_euro", 2, REL_FMT_EURO | REL_FMT_PLUS, false},
    {"var_perc", 1, REL_FMT_PERCENT | REL_FMT_PLUS, true},
};

static const filter *find_filter(engine *e, const char *name, rel_origin at)
{
    const char *names[sizeof filters / sizeof filters[0]];
    for (size_t i = 0; i < sizeof filters / sizeof filters[0]; i++) {
        if (strcmp(filters[i].name, name) == 0)
            return &filters[i];
        names[i] = filters[i].name;
    }
    const char *hint = rel_suggest(name, names, sizeof names / sizeof names[0]);
    rel_engine_error(e, REL_T_FILTER, at, "filtro sconosciuto «%s»%s%s%s", name,
                     hint ? " (forse «" : "", hint ? hint : "", hint ? "»?)" : "");
    return NULL;
}

static const char *trimmed(rel_arena *arena, const char *start, size_t len, size_t *skipped)
{
    size_t from = 0;
    while (from < len && (start[from] == ' ' || start[from] == '\t'))
        from++;
    while (len > from && (start[len - 1] == ' ' || start[len - 1] == '\t'))
        len--;
    *skipped = from;
    return rel_arena_strndup(arena, start + from, len - from);
}

/* Columns of the placeholder's parts, for messages. */
static rel_origin shifted(rel_origin at, const char *text, size_t bytes)
{
    for (size_t i = 0; i < bytes; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80)
            at.col++;
    return at;
}

static const char *format_value(engine *e, rel_rational value, const char *filter_name,
                                rel_origin at)
{
    const filter *f = filter_name ? find_filter(e, filter_name, at)
                                  : &filters[value.money ? 0 : 2];
    if (f == NULL)
        return NULL;
    int64_t fixed;
    if (!rel_rational_fixed(value, f->decimals, &fixed)) {
        rel_engine_error(e, REL_E_FORMULA_OVERFLOW, at, "valore troppo grande da stampare");
        return NULL;
    }
    char buffer[REL_NUMBER_FORMAT_MAX];
    return rel_arena_strdup(e->arena, rel_number_format(fixed, f->decimals, f->decimals,
                                                        f->flags, buffer));
}

static bool is_plain_name(const char *text)
{
    if (!((*text >= 'a' && *text <= 'z') || (*text >= 'A' && *text <= 'Z')))
        return false;
    for (const char *p = text; *p; p++)
        if (!(*p == '_' || *p == '.' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
              || (*p >= '0' && *p <= '9')))
            return false;
    return true;
}

/* T003 with the nearest known name: metadata, loop variables, indicators. */
static const char *unknown_name(engine *e, const char *name, rel_origin at)
{
    const char *names[64] = {"ente.nome", "ente.forma_giuridica", "ente.sede",
                             "ente.codice_fiscale", "firmatari.presidente", "firmatari.direttore",
                             "esercizio.anno", "esercizio.precedente"};
    size_t count = 8;
    for (size_t i = 0; i < e->var_count && count < 64; i++)
        names[count++] = e->vars[i].name;
    for (size_t i = 0; i < e->ctx->indicators->count && count < 64; i++)
        names[count++] = e->ctx->indicators->items[i].name;
    const char *hint = rel_suggest(name, names, count);
    rel_engine_error(e, REL_T_NAME, at, "segnaposto sconosciuto «%s»%s%s%s", name,
                     hint ? " (forse «" : "", hint ? hint : "", hint ? "»?)" : "");
    return NULL;
}

/* One placeholder's content "expr | filter", found at `at`. */
static const char *placeholder(engine *e, const char *inner, size_t len, rel_origin at)
{
    const char *bar = memchr(inner, '|', len);
    size_t expr_len = bar ? (size_t)(bar - inner) : len, skip;
    const char *expr = trimmed(e->arena, inner, expr_len, &skip);
    const char *filter_name = NULL;
    rel_origin filter_at = at;
    if (bar) {
        size_t filter_skip;
        filter_name = trimmed(e->arena, bar + 1, len - expr_len - 1, &filter_skip);
        filter_at = shifted(at, inner, expr_len + 1 + filter_skip);
    }
    if (expr == NULL || (bar && filter_name == NULL))
        return NULL;
    const char *text = rel_engine_var(e, expr);
    if (text == NULL)
        text = metadata_text(e, expr);
    if (text != NULL)
        return text;
    if (is_plain_name(expr) && rel_indicators_find(e->ctx->indicators, expr) == NULL)
        return unknown_name(e, expr, shifted(at, inner, skip));
    return rel_engine_format(e, expr, shifted(at, inner, skip), filter_name, filter_at);
}

const char *rel_engine_format(engine *e, const char *formula, rel_origin at,
                              const char *filter_name, rel_origin filter_at)
{
    rel_rational value;
    if (!rel_engine_eval(e, formula, at, &value))
        return NULL;
    return format_value(e, value, filter_name, filter_at);
}

const char *rel_engine_expand(engine *e, const char *text, rel_origin at)
{
    if (strstr(text, "{{") == NULL)
        return text;
    rel_text_buf result;
    rel_text_buf_init(&result, e->arena);
    rel_origin where = at;            /* the column of `counted`, kept as we go: linear */
    const char *counted = text;
    for (const char *cursor = text;;) {
        const char *open = strstr(cursor, "{{");
        if (open == NULL) {
            if (!rel_text_buf_append(&result, cursor, strlen(cursor)))
                break;
            return rel_text_buf_take(&result);
        }
        const char *close = strstr(open + 2, "}}");
        where = shifted(where, counted, (size_t)(open - counted));
        counted = open;
        if (close == NULL) {
            rel_engine_error(e, REL_T_SYNTAX, where, "segnaposto aperto con «{{» e mai chiuso");
            return NULL;
        }
        const char *value = placeholder(e, open + 2, (size_t)(close - open - 2),
                                        shifted(where, open, 2));
        if (value == NULL)
            return NULL;
        if (!rel_text_buf_append(&result, cursor, (size_t)(open - cursor))
            || !rel_text_buf_append(&result, value, strlen(value)))
            break;
        cursor = close + 2;
    }
    rel_engine_oom(e, at);
    return NULL;
}
