#include "core/number.h"

#include <stdio.h>
#include <string.h>

static const int64_t powers_of_ten[] = {
    1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
    10000000000, 100000000000, 1000000000000, 10000000000000, 100000000000000,
    1000000000000000, 10000000000000000, 100000000000000000, 1000000000000000000,
};

int64_t rel_number_rescale(int64_t value, int scale, int decimals)
{
    if (decimals >= scale)
        return value;
    uint64_t divisor = (uint64_t)powers_of_ten[scale - decimals];
    uint64_t magnitude = value < 0 ? -(uint64_t)value : (uint64_t)value;
    uint64_t quotient = magnitude / divisor;
    if (magnitude % divisor >= (divisor + 1) / 2)
        quotient++;
    /* INT64_MIN rounded to fewer decimals always fits: the quotient shrank. */
    return value < 0 ? -(int64_t)quotient : (int64_t)quotient;
}

/* Writes the digits of `magnitude` with "." every three, into `out`. */
static size_t write_grouped(uint64_t magnitude, char *out)
{
    char digits[24];
    int count = snprintf(digits, sizeof digits, "%llu", (unsigned long long)magnitude);
    size_t pos = 0;
    for (int i = 0; i < count; i++) {
        if (i > 0 && (count - i) % 3 == 0)
            out[pos++] = '.';
        out[pos++] = digits[i];
    }
    out[pos] = '\0';
    return pos;
}

static void append(char *out, size_t *pos, const char *text)
{
    size_t len = strlen(text);
    memcpy(out + *pos, text, len);
    *pos += len;
    out[*pos] = '\0';
}

char *rel_number_format(int64_t value, int scale, int decimals, unsigned flags, char *out)
{
    int64_t shown = rel_number_rescale(value, scale, decimals);
    size_t pos = 0;
    out[0] = '\0';
    const char *euro = (flags & REL_FMT_EURO) ? "€ " : "";

    if (shown == 0 && (flags & REL_FMT_DASH_ZERO)) {
        append(out, &pos, euro);
        append(out, &pos, "-");
        return out;
    }

    bool negative = shown < 0;
    bool parens = negative && (flags & REL_FMT_PARENS);
    if (parens)
        append(out, &pos, "(");
    else if (negative)
        append(out, &pos, "-");
    else if (shown > 0 && (flags & REL_FMT_PLUS))
        append(out, &pos, "+");
    append(out, &pos, euro);

    uint64_t magnitude = negative ? -(uint64_t)shown : (uint64_t)shown;
    if (decimals > scale)
        decimals = scale;
    if (decimals < 0)
        decimals = 0;
    uint64_t unit = (uint64_t)powers_of_ten[decimals];
    pos += write_grouped(magnitude / unit, out + pos);
    if (decimals > 0) {
        uint64_t fraction = magnitude % unit;
        out[pos++] = ',';
        for (int d = decimals - 1; d >= 0; d--) {
            out[pos + (size_t)d] = (char)('0' + fraction % 10);
            fraction /= 10;
        }
        pos += (size_t)decimals;
        out[pos] = '\0';
    }
    if (flags & REL_FMT_PERCENT)
        append(out, &pos, "%");
    if (parens)
        append(out, &pos, ")");
    return out;
}
