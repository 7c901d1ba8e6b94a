#include "core/number.h"

#include <string.h>

/* A cursor over the text being parsed; offsets are reported to the caller. */
typedef struct scanner {
    const char *text;
    size_t begin;   /* first unread byte */
    size_t end;     /* one past the last byte still to read */
} scanner;

static bool is_blank_at(const scanner *s, size_t at, size_t *width)
{
    const unsigned char *p = (const unsigned char *)s->text + at;
    size_t left = s->end - at;
    if (p[0] == ' ' || p[0] == '\t') {
        *width = 1;
        return true;
    }
    if (left >= 2 && p[0] == 0xC2 && p[1] == 0xA0) {               /* NO-BREAK SPACE */
        *width = 2;
        return true;
    }
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF) { /* NARROW NBSP */
        *width = 3;
        return true;
    }
    return false;
}

static void skip_leading_blanks(scanner *s)
{
    size_t width;
    while (s->begin < s->end && is_blank_at(s, s->begin, &width))
        s->begin += width;
}

static void skip_trailing_blanks(scanner *s)
{
    for (;;) {
        size_t width;
        if (s->end > s->begin && is_blank_at(s, s->end - 1, &width) && width == 1)
            s->end--;
        else if (s->end >= s->begin + 2 && is_blank_at(s, s->end - 2, &width) && width == 2)
            s->end -= 2;
        else if (s->end >= s->begin + 3 && is_blank_at(s, s->end - 3, &width) && width == 3)
            s->end -= 3;
        else
            return;
    }
}

static bool eat_prefix(scanner *s, const char *token)
{
    size_t len = strlen(token);
    if (s->end - s->begin >= len && memcmp(s->text + s->begin, token, len) == 0) {
        s->begin += len;
        skip_leading_blanks(s);
        return true;
    }
    return false;
}

static bool eat_suffix(scanner *s, const char *token)
{
    size_t len = strlen(token);
    if (s->end - s->begin >= len && memcmp(s->text + s->end - len, token, len) == 0) {
        s->end -= len;
        skip_trailing_blanks(s);
        return true;
    }
    return false;
}

/* The decorations around the digits: sign, parentheses, currency, percent. */
typedef struct decorations {
    bool negative;
    bool sign_seen;
    bool currency_at;      /* a currency sign was found at currency_offset */
    size_t currency_offset;
    bool percent;
    size_t percent_offset;
} decorations;

static bool eat_currency_prefix(scanner *s, decorations *d)
{
    size_t at = s->begin;
    if (!d->currency_at && (eat_prefix(s, "€") || eat_prefix(s, "EUR"))) {
        d->currency_at = true;
        d->currency_offset = at;
        return true;
    }
    return false;
}

static bool eat_sign_prefix(scanner *s, decorations *d)
{
    if (d->sign_seen)
        return false;
    if (eat_prefix(s, "-")) {
        d->sign_seen = d->negative = true;
        return true;
    }
    if (eat_prefix(s, "+")) {
        d->sign_seen = true;
        return true;
    }
    return false;
}

static void strip_decorations(scanner *s, decorations *d)
{
    skip_leading_blanks(s);
    skip_trailing_blanks(s);
    if (s->end - s->begin >= 2 && s->text[s->begin] == '(' && s->text[s->end - 1] == ')') {
        d->negative = d->sign_seen = true;
        s->begin++;
        s->end--;
        skip_leading_blanks(s);
        skip_trailing_blanks(s);
    }
    while (eat_currency_prefix(s, d) || eat_sign_prefix(s, d))
        ;
    size_t before = s->end;
    if (eat_suffix(s, "%")) {
        d->percent = true;
        d->percent_offset = before - 1;
    }
    if (!d->currency_at && (eat_suffix(s, "€") || eat_suffix(s, "EUR"))) {
        d->currency_at = true;
        d->currency_offset = s->end;
    }
}

static bool fail(rel_num_error *error, rel_num_status status, size_t offset)
{
    error->status = status;
    error->offset = offset;
    return false;
}

/* Checks the shape of the integer part "1.234.567" and the position of a
 * dot used as a decimal point, before any digit is accumulated. */
static bool check_grouping(const scanner *s, size_t int_end, bool has_comma, rel_num_error *error)
{
    size_t dots = 0;
    size_t group = 0;
    size_t first_group = 0;
    for (size_t i = s->begin; i < int_end; i++) {
        if (s->text[i] == '.') {
            if (group == 0)
                return fail(error, REL_NUM_SYNTAX, i);
            if (dots == 0)
                first_group = group;
            else if (group != 3)
                return fail(error, REL_NUM_BAD_GROUPING, i);
            dots++;
            group = 0;
        } else {
            group++;
        }
    }
    if (dots == 0)
        return true;
    if (group != 3 || first_group > 3) {
        /* "12.34" or "1234.5": a lone dot where the comma belongs. */
        bool dot_decimal = dots == 1 && !has_comma;
        size_t at = s->begin;
        while (s->text[at] != '.')
            at++;
        return fail(error, dot_decimal ? REL_NUM_DOT_DECIMAL : REL_NUM_BAD_GROUPING, at);
    }
    return true;
}

static bool accumulate(int64_t *value, int digit, rel_num_error *error, size_t at)
{
    if (__builtin_mul_overflow(*value, 10, value) || __builtin_add_overflow(*value, digit, value))
        return fail(error, REL_NUM_OVERFLOW, at);
    return true;
}

/* Parses the bare digits "1.234,56" in [begin, end) into value * 10^scale. */
static bool parse_digits(const scanner *s, int scale, int64_t *result, rel_num_error *error)
{
    size_t comma = s->end;
    for (size_t i = s->begin; i < s->end; i++) {
        char c = s->text[i];
        if (c == ',') {
            if (comma != s->end)
                return fail(error, REL_NUM_DOT_DECIMAL, i);   /* "1,234,567" */
            comma = i;
        } else if (c == '.') {
            if (comma != s->end)
                return fail(error, REL_NUM_DOT_DECIMAL, i);   /* "1,234.56" */
        } else if (c < '0' || c > '9') {
            return fail(error, REL_NUM_SYNTAX, i);
        }
    }
    if (comma == s->begin || comma + 1 == s->end)
        return fail(error, REL_NUM_SYNTAX, comma);
    if (!check_grouping(s, comma, comma != s->end, error))
        return false;

    int64_t value = 0;
    for (size_t i = s->begin; i < comma; i++)
        if (s->text[i] != '.' && !accumulate(&value, s->text[i] - '0', error, s->begin))
            return false;
    int decimals = 0;
    for (size_t i = comma + 1; i < s->end; i++, decimals++) {
        if (decimals == scale)
            return fail(error, REL_NUM_TOO_MANY_DECIMALS, comma);
        if (!accumulate(&value, s->text[i] - '0', error, s->begin))
            return false;
    }
    for (; decimals < scale; decimals++)
        if (!accumulate(&value, 0, error, s->begin))
            return false;
    *result = value;
    return true;
}

bool rel_number_parse(const char *text, size_t len, const rel_num_spec *spec,
                      int64_t *value, rel_num_error *error)
{
    scanner s = {.text = text, .begin = 0, .end = len};
    decorations d = {0};
    strip_decorations(&s, &d);

    if (d.currency_at && !(spec->flags & REL_NUM_CURRENCY))
        return fail(error, REL_NUM_CURRENCY_NOT_ALLOWED, d.currency_offset);
    if (d.percent && !(spec->flags & REL_NUM_PERCENT))
        return fail(error, REL_NUM_PERCENT_NOT_ALLOWED, d.percent_offset);
    if (s.begin >= s.end) {
        if (!d.sign_seen && !d.currency_at && !d.percent)
            return fail(error, REL_NUM_EMPTY, 0);
        if (d.negative && !d.percent && (spec->flags & REL_NUM_DASH_ZERO)) {
            *value = 0;
            return true;
        }
        return fail(error, d.negative ? REL_NUM_DASH_NOT_ZERO : REL_NUM_SYNTAX, s.begin);
    }

    int64_t magnitude;
    if (!parse_digits(&s, spec->scale, &magnitude, error))
        return false;
    *value = d.negative ? -magnitude : magnitude;
    return true;
}

const char *rel_number_status_text(rel_num_status status)
{
    switch (status) {
    case REL_NUM_OK:
        return "nessun errore";
    case REL_NUM_EMPTY:
        return "la cella è vuota";
    case REL_NUM_SYNTAX:
        return "carattere non ammesso in un numero";
    case REL_NUM_DOT_DECIMAL:
        return "il separatore decimale è la virgola e le migliaia si separano col punto "
               "(es. 1.234,56)";
    case REL_NUM_BAD_GROUPING:
        return "le migliaia vanno separate col punto a gruppi di tre cifre (es. 1.234.567,89)";
    case REL_NUM_TOO_MANY_DECIMALS:
        return "troppe cifre decimali per questa colonna; il valore non viene arrotondato";
    case REL_NUM_OVERFLOW:
        return "numero troppo grande";
    case REL_NUM_DASH_NOT_ZERO:
        return "il trattino vale zero solo nelle colonne di importi";
    case REL_NUM_PERCENT_NOT_ALLOWED:
        return "il simbolo % è ammesso solo nelle colonne di percentuali";
    case REL_NUM_CURRENCY_NOT_ALLOWED:
        return "il simbolo € è ammesso solo nelle colonne di importi";
    }
    return "numero non valido";
}
