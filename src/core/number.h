/*
 * number.h - Italian-formatted numbers as exact fixed-point integers.
 *
 * A value is an int64_t holding the number times 10^scale: money has scale 2
 * (cents), percentages scale 2 (hundredths of a point: 44,44% => 4444),
 * counts scale 0. Parsing goes straight from text to integer, never through
 * a binary float, and refuses what it would have to guess:
 *
 *     "€ 1.234,56" -> 123456      "(1.234)"  -> -123400
 *     "€ -"        -> 0 (money)   "12.34"    -> REL_NUM_DOT_DECIMAL
 *     "1.234.56"   -> REL_NUM_BAD_GROUPING    "12,345" -> REL_NUM_TOO_MANY_DECIMALS
 */
#ifndef REL_NUMBER_H
#define REL_NUMBER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    REL_NUM_CURRENCY = 1u << 0,     /* "€" or "EUR" before or after the number */
    REL_NUM_DASH_ZERO = 1u << 1,    /* "-" or "€ -" alone means zero (accounting) */
    REL_NUM_PERCENT = 1u << 2,      /* a trailing "%" is allowed */
};

typedef struct rel_num_spec {
    int scale;          /* decimals kept: 0 to 6 */
    unsigned flags;     /* REL_NUM_* above */
} rel_num_spec;

typedef enum rel_num_status {
    REL_NUM_OK,
    REL_NUM_EMPTY,               /* nothing but blanks */
    REL_NUM_SYNTAX,              /* a character that has no place in a number */
    REL_NUM_DOT_DECIMAL,         /* "12.34", "1,234.56": the decimal separator is the comma */
    REL_NUM_BAD_GROUPING,        /* "1.234.56", "12.3456": thousands come in groups of three */
    REL_NUM_TOO_MANY_DECIMALS,   /* more decimals than the scale; never rounded silently */
    REL_NUM_OVERFLOW,            /* beyond int64 at this scale */
    REL_NUM_DASH_NOT_ZERO,       /* "-" alone where only money may use it for zero */
    REL_NUM_PERCENT_NOT_ALLOWED, /* "%" in a column that is not a percentage */
    REL_NUM_CURRENCY_NOT_ALLOWED /* "€" in a column that is not money */
} rel_num_status;

typedef struct rel_num_error {
    rel_num_status status;
    size_t offset;      /* byte offset in the text where the problem starts */
} rel_num_error;

/* Parses `len` bytes of `text` as an Italian number at `spec`. On success
 * stores the fixed-point value in *value and returns true; on failure leaves
 * *value untouched, fills *error and returns false. */
bool rel_number_parse(const char *text, size_t len, const rel_num_spec *spec,
                      int64_t *value, rel_num_error *error);

/* What a status means, in Italian, for a diagnostic: "il separatore decimale
 * è la virgola (es. 1.234,56)". */
const char *rel_number_status_text(rel_num_status status);

enum {
    REL_FMT_EURO = 1u << 0,       /* "€ 1.234,56", "-€ 1.234,56" */
    REL_FMT_DASH_ZERO = 1u << 1,  /* zero printed "-" ("€ -" with REL_FMT_EURO) */
    REL_FMT_PARENS = 1u << 2,     /* negatives as "(1.234)" */
    REL_FMT_PLUS = 1u << 3,       /* positives with "+": changes, "+27", "+3,5%" */
    REL_FMT_PERCENT = 1u << 4,    /* a trailing "%" */
};

/* Longest text rel_number_format can write, NUL included. */
#define REL_NUMBER_FORMAT_MAX 48

/* Formats `value` (at `scale`) with `decimals` decimals, rounding half away
 * from zero when decimals < scale, thousands with ".", decimals with ",".
 * `out` must hold REL_NUMBER_FORMAT_MAX bytes; returns `out`.
 *     rel_number_format(123456, 2, 2, REL_FMT_EURO, b)   => "€ 1.234,56"
 *     rel_number_format(-4950, 2, 0, REL_FMT_PARENS, b)  => "(50)"
 *     rel_number_format(-490, 2, 1, REL_FMT_PLUS | REL_FMT_PERCENT, b) => "-4,9%" */
char *rel_number_format(int64_t value, int scale, int decimals, unsigned flags, char *out);

/* value / 10^(scale - decimals), rounded half away from zero: the one rounding
 * rule of the compiler. rel_number_rescale(123450, 2, 0) => 1235. Requires
 * 0 <= decimals <= scale <= 18. */
int64_t rel_number_rescale(int64_t value, int scale, int decimals);

#endif
