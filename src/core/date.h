/*
 * date.h - Italian calendar dates, as users type them in tables.
 *
 * A date is a day of a month (31/12/2021) or, where a column allows it, a
 * whole month (the "mag-20" of a project table), kept as day 0. Parsing
 * trims blanks (space, tab, NO-BREAK SPACE, NARROW NBSP), reads UTF-8 text,
 * uses no locale and refuses what it would have to guess:
 *
 *     "31/12/2021" "31.12.2021" "31-12-2021" "1/2/2021"  -> that day
 *     "2021-12-31"                                       -> ISO 8601, same day
 *     "01/05/20"     -> REL_DATE_TWO_DIGIT_YEAR: a day needs a four-digit year
 *     "31/02/2020"   -> REL_DATE_NO_SUCH_DAY       "29/02/2024" -> ok (leap)
 *
 * With REL_DATE_ALLOW_MONTH, whole months are accepted too:
 *
 *     "mag-20" "lug.2020" "set-2020" "Gen 2021" "dic. 21" "settembre 2021"
 *     "06/2021" "06-2021" "06.2021"
 *
 * The month word is an Italian name (gennaio ... dicembre) or its three-letter
 * abbreviation (gen feb mar apr mag giu lug ago set ott nov dic, also "sett"),
 * in any letter case, followed by "-", "/", ".", blanks, or "." and blanks.
 * A two-digit year after a month word means 20yy: "mag-20" is May 2020. This
 * is how the users write months (Excel's "mmm-yy" in Italian) and no report
 * refers to the 1900s that way. A numeric month ("06/2021") still needs four
 * digits: "06/21" could be the 6th of January, so it is REL_DATE_TWO_DIGIT_YEAR.
 */
#ifndef REL_DATE_H
#define REL_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* year 1900..2199, month 1..12, day 1..31, or day 0 for a whole month. */
typedef struct rel_date {
    int16_t year;
    int8_t month;
    int8_t day;
} rel_date;

typedef enum rel_date_status {
    REL_DATE_OK,
    REL_DATE_EMPTY,           /* nothing but blanks */
    REL_DATE_SYNTAX,          /* not a date form we read; a month where a day is required */
    REL_DATE_NO_SUCH_DAY,     /* "31/02/2020", "29/02/2023", "0/1/2021" */
    REL_DATE_NO_SUCH_MONTH,   /* "1/13/2021", "mgg-20" */
    REL_DATE_TWO_DIGIT_YEAR,  /* "01/05/20", "06/21": which century is a guess */
    REL_DATE_YEAR_RANGE       /* outside 1900..2199 */
} rel_date_status;

typedef struct rel_date_error {
    rel_date_status status;
    size_t offset;      /* byte offset in the text where the problem starts */
} rel_date_error;

enum {
    REL_DATE_ALLOW_MONTH = 1u << 0,   /* accept month-only forms ("mag-20", "06/2021") */
};

/* Parses `len` bytes of `text` (no NUL needed) as a date. On success stores
 * it in *out and returns true; on failure leaves *out untouched, fills *error
 * and returns false. Offsets point at the faulty field: the day for
 * NO_SUCH_DAY, the month number or word for NO_SUCH_MONTH, the year for the
 * year statuses, the first unexpected byte for SYNTAX (0 for EMPTY). A
 * month-only form without REL_DATE_ALLOW_MONTH is SYNTAX at its first byte.
 *     rel_date_parse("  1/2/2021", 10, 0, &d, &e)    => true, {2021, 2, 1}
 *     rel_date_parse("mag-20", 6, REL_DATE_ALLOW_MONTH, &d, &e) => true, {2020, 5, 0}
 *     rel_date_parse("31/04/2021", 10, 0, &d, &e)    => false, {NO_SUCH_DAY, 0}
 *     rel_date_parse("01/05/20", 8, 0, &d, &e)       => false, {TWO_DIGIT_YEAR, 6} */
bool rel_date_parse(const char *text, size_t len, unsigned flags, rel_date *out,
                    rel_date_error *error);

/* What a status means, in Italian, for a diagnostic: "il giorno non esiste in
 * quel mese (es. 31/02)". Never NULL. */
const char *rel_date_status_text(rel_date_status status);

/* True if `date` is one that rel_date_parse can produce (see rel_date). The
 * functions below require it (checked by assert). */
bool rel_date_check(rel_date date);

/* Longest text rel_date_format writes, NUL included ("settembre 2021"). */
#define REL_DATE_FORMAT_MAX 16

/* Writes `date` as "31/12/2021" (day and month on two digits), or a whole
 * month as "maggio 2020", into `out` of `size` bytes, like snprintf: at most
 * size - 1 characters and a NUL (nothing if size is 0, when out may be NULL).
 * Returns the length of the whole text; a result >= size means it was cut.
 * The text parses back to the same date (with REL_DATE_ALLOW_MONTH for months). */
size_t rel_date_format(rel_date date, char *out, size_t size);

/* The Excel serial number of `date` (1900 date system), for XLSX cells: the
 * days since 1899-12-30, so 31/12/2021 => 44561. Excel counts a 29/02/1900
 * that never existed, so before 01/03/1900 it is one less than the count
 * (01/01/1900 => 1, 28/02/1900 => 59, 01/03/1900 => 61). A whole month is
 * taken as its first day. */
int32_t rel_date_serial(rel_date date);

/* Orders dates in time: negative, zero or positive as a is before, the same
 * as, or after b. A whole month sorts just before its first day, so only
 * equal dates compare equal: "mag-20" < 01/05/2020 < 02/05/2020. */
int rel_date_compare(rel_date a, rel_date b);

#endif
