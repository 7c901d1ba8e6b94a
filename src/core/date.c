#include "core/date.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

enum { MIN_YEAR = 1900, MAX_YEAR = 2199 };

/* A cursor over the text being parsed; offsets are reported to the caller. */
typedef struct scanner {
    const char *text;
    size_t pos;     /* first unread byte */
    size_t end;     /* one past the last byte still to read */
} scanner;

/* A run of digits: where it starts, how many, and its value (only the first
 * five digits count; longer runs are rejected by length before use). */
typedef struct field {
    size_t offset;
    size_t len;
    int value;
} field;

static const char *const month_names[12] = {
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
    "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
};

static bool fail(rel_date_error *error, rel_date_status status, size_t offset)
{
    error->status = status;
    error->offset = offset;
    return false;
}

/* ---- Calendar ---------------------------------------------------------------- */

static bool is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool rel_date_check(rel_date date)
{
    return date.year >= MIN_YEAR && date.year <= MAX_YEAR && date.month >= 1 &&
           date.month <= 12 && date.day >= 0 && date.day <= days_in_month(date.year, date.month);
}

/* ---- Scanning ---------------------------------------------------------------- */

/* Width of the blank at `at` (space, tab, NO-BREAK SPACE, NARROW NBSP), or 0. */
static size_t blank_width(const scanner *s, size_t at)
{
    const unsigned char *p = (const unsigned char *)s->text + at;
    size_t left = s->end - at;
    if (left >= 1 && (p[0] == ' ' || p[0] == '\t'))
        return 1;
    if (left >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
        return 2;
    if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF)
        return 3;
    return 0;
}

/* Width of the blank that ends just before `at`, or 0. */
static size_t blank_width_before(const scanner *s, size_t at)
{
    for (size_t width = 1; width <= 3 && width <= at - s->pos; width++)
        if (blank_width(s, at - width) == width)
            return width;
    return 0;
}

/* Skips blanks at the cursor; returns true if there were any. */
static bool skip_blanks(scanner *s)
{
    size_t start = s->pos;
    size_t width;
    while ((width = blank_width(s, s->pos)) > 0)
        s->pos += width;
    return s->pos > start;
}

static void trim(scanner *s)
{
    skip_blanks(s);
    size_t width;
    while ((width = blank_width_before(s, s->end)) > 0)
        s->end -= width;
}

static bool at_end(const scanner *s)
{
    return s->pos >= s->end;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool at_digit(const scanner *s)
{
    return !at_end(s) && is_digit(s->text[s->pos]);
}

/* A byte of a month word: an ASCII letter, or any non-ASCII byte (so that
 * "mäg" is reported as an unknown month, not as a stray byte). Blanks are
 * looked for first, so NO-BREAK SPACE is not a letter. */
static bool at_word_byte(const scanner *s)
{
    if (at_end(s) || blank_width(s, s->pos) > 0)
        return false;
    unsigned char c = (unsigned char)s->text[s->pos];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Reads a run of digits into *f; false (SYNTAX at the cursor) if none. */
static bool read_field(scanner *s, field *f, rel_date_error *error)
{
    if (!at_digit(s))
        return fail(error, REL_DATE_SYNTAX, s->pos);
    f->offset = s->pos;
    f->len = 0;
    f->value = 0;
    for (; at_digit(s); s->pos++, f->len++)
        if (f->len < 5)
            f->value = f->value * 10 + (s->text[s->pos] - '0');
    return true;
}

/* Reads one of "/", ".", "-" into *sep; false (SYNTAX at the cursor) if none. */
static bool read_separator(scanner *s, char *sep, rel_date_error *error)
{
    if (at_end(s) || !strchr("/.-", s->text[s->pos]))
        return fail(error, REL_DATE_SYNTAX, s->pos);
    *sep = s->text[s->pos++];
    return true;
}

/* ---- Fields ------------------------------------------------------------------ */

/* A day or month number has one or two digits. */
static bool check_short(const field *f, rel_date_error *error)
{
    return f->len <= 2 || fail(error, REL_DATE_SYNTAX, f->offset);
}

/* A year: four digits in range. Two digits are 20yy when `two_digit_ok`
 * (after a month word), else REL_DATE_TWO_DIGIT_YEAR. */
static bool check_year(const field *f, bool two_digit_ok, int *year, rel_date_error *error)
{
    if (f->len == 2) {
        if (!two_digit_ok)
            return fail(error, REL_DATE_TWO_DIGIT_YEAR, f->offset);
        *year = 2000 + f->value;
        return true;
    }
    if (f->len < 4)
        return fail(error, REL_DATE_SYNTAX, f->offset);
    if (f->len > 4 || f->value < MIN_YEAR || f->value > MAX_YEAR)
        return fail(error, REL_DATE_YEAR_RANGE, f->offset);
    *year = f->value;
    return true;
}

static bool check_month(const field *f, rel_date_error *error)
{
    if (!check_short(f, error))
        return false;
    return (f->value >= 1 && f->value <= 12) || fail(error, REL_DATE_NO_SUCH_MONTH, f->offset);
}

static rel_date make_date(int year, int month, int day)
{
    return (rel_date){.year = (int16_t)year, .month = (int8_t)month, .day = (int8_t)day};
}

/* Checks the three fields of a full date and builds it, year first: the
 * length of a month depends on the year. */
static bool build_day(const field *day, const field *month, const field *year, rel_date *out,
                      rel_date_error *error)
{
    int y;
    if (!check_short(day, error) || !check_year(year, false, &y, error) ||
        !check_month(month, error))
        return false;
    if (day->value < 1 || day->value > days_in_month(y, month->value))
        return fail(error, REL_DATE_NO_SUCH_DAY, day->offset);
    *out = make_date(y, month->value, day->value);
    return true;
}

/* ---- Forms ------------------------------------------------------------------- */

/* "06/2021": a numeric month, the cursor past the year. `start` is the first
 * byte of the text, where a month refused by `flags` is reported. */
static bool finish_numeric_month(const field *month, const field *year, unsigned flags,
                                 size_t start, rel_date *out, rel_date_error *error)
{
    int y;
    if (!(flags & REL_DATE_ALLOW_MONTH) || month->len > 2)
        return fail(error, REL_DATE_SYNTAX, start);
    if (!check_year(year, false, &y, error) || !check_month(month, error))
        return false;
    *out = make_date(y, month->value, 0);
    return true;
}

/* "31/12/2021", "2021-12-31", "06/2021": the text starts with a digit. */
static bool parse_numeric(scanner *s, unsigned flags, rel_date *out, rel_date_error *error)
{
    size_t start = s->pos;
    field a, b, c;
    char sep1, sep2;
    if (!read_field(s, &a, error) || !read_separator(s, &sep1, error) ||
        !read_field(s, &b, error))
        return false;
    if (at_end(s))
        return finish_numeric_month(&a, &b, flags, start, out, error);
    size_t sep2_at = s->pos;
    if (!read_separator(s, &sep2, error))
        return false;
    if (sep2 != sep1)
        return fail(error, REL_DATE_SYNTAX, sep2_at);
    if (!read_field(s, &c, error))
        return false;
    if (!at_end(s))
        return fail(error, REL_DATE_SYNTAX, s->pos);
    if (a.len != 4)
        return build_day(&a, &b, &c, out, error);
    if (sep1 != '-')
        return fail(error, REL_DATE_SYNTAX, a.offset + a.len);  /* "2021/12/31" */
    return build_day(&c, &b, &a, out, error);
}

static char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The month (1..12) named by `len` bytes at `word`, ignoring ASCII case; 0 if
 * none: a full name, its first three letters, or "sett". */
static int month_from_word(const char *word, size_t len)
{
    char lower[10];
    if (len > sizeof lower - 1)
        return 0;
    for (size_t i = 0; i < len; i++)
        lower[i] = fold(word[i]);
    lower[len] = '\0';
    if (strcmp(lower, "sett") == 0)
        return 9;
    for (int m = 0; m < 12; m++)
        if (strcmp(lower, month_names[m]) == 0 || (len == 3 && memcmp(lower, month_names[m], 3) == 0))
            return m + 1;
    return 0;
}

/* Between month word and year: "-", "/", ".", blanks, or "." and blanks. */
static bool skip_word_separator(scanner *s, rel_date_error *error)
{
    if (!at_end(s) && s->text[s->pos] == '.') {
        s->pos++;
        skip_blanks(s);
        return true;
    }
    if (!at_end(s) && (s->text[s->pos] == '-' || s->text[s->pos] == '/')) {
        s->pos++;
        return true;
    }
    return skip_blanks(s) || fail(error, REL_DATE_SYNTAX, s->pos);
}

/* "mag-20", "settembre 2021": the text starts with a letter. */
static bool parse_word_month(scanner *s, unsigned flags, rel_date *out, rel_date_error *error)
{
    size_t word = s->pos;
    while (at_word_byte(s))
        s->pos++;
    if (!(flags & REL_DATE_ALLOW_MONTH))
        return fail(error, REL_DATE_SYNTAX, word);
    int month = month_from_word(s->text + word, s->pos - word);
    if (month == 0)
        return fail(error, REL_DATE_NO_SUCH_MONTH, word);
    field year;
    int y;
    if (!skip_word_separator(s, error) || !read_field(s, &year, error))
        return false;
    if (!at_end(s))
        return fail(error, REL_DATE_SYNTAX, s->pos);
    if (!check_year(&year, true, &y, error))
        return false;
    *out = make_date(y, month, 0);
    return true;
}

bool rel_date_parse(const char *text, size_t len, unsigned flags, rel_date *out,
                    rel_date_error *error)
{
    scanner s = {.text = text, .pos = 0, .end = len};
    trim(&s);
    if (at_end(&s))
        return fail(error, REL_DATE_EMPTY, 0);
    rel_date date;
    bool ok;
    if (at_digit(&s))
        ok = parse_numeric(&s, flags, &date, error);
    else if (at_word_byte(&s))
        ok = parse_word_month(&s, flags, &date, error);
    else
        ok = fail(error, REL_DATE_SYNTAX, s.pos);
    if (ok) {
        assert(rel_date_check(date));
        *out = date;
    }
    return ok;
}

const char *rel_date_status_text(rel_date_status status)
{
    switch (status) {
    case REL_DATE_OK:
        return "nessun errore";
    case REL_DATE_EMPTY:
        return "la cella è vuota";
    case REL_DATE_SYNTAX:
        return "non è una data: scrivere giorno/mese/anno (es. 31/12/2021)";
    case REL_DATE_NO_SUCH_DAY:
        return "il giorno non esiste in quel mese (es. 31/02)";
    case REL_DATE_NO_SUCH_MONTH:
        return "il mese non esiste: scrivere un numero da 1 a 12 o il nome "
               "(es. gen, mag, settembre)";
    case REL_DATE_TWO_DIGIT_YEAR:
        return "scrivere l'anno con quattro cifre (es. 31/12/2021, non 31/12/21)";
    case REL_DATE_YEAR_RANGE:
        return "l'anno deve essere compreso tra il 1900 e il 2199";
    }
    return "data non valida";
}

/* ---- Output ------------------------------------------------------------------ */

size_t rel_date_format(rel_date date, char *out, size_t size)
{
    assert(rel_date_check(date));
    int n;
    if (date.day == 0)
        n = snprintf(out, size, "%s %d", month_names[date.month - 1], date.year);
    else
        n = snprintf(out, size, "%02d/%02d/%04d", date.day, date.month, date.year);
    assert(n > 0 && n < REL_DATE_FORMAT_MAX);
    return (size_t)n;
}

/* Days from 1900-01-01 to the first of January of `year`. */
static int32_t days_before_year(int year)
{
    int y = year - 1;
    int leaps = (y / 4 - y / 100 + y / 400) - (1899 / 4 - 1899 / 100 + 1899 / 400);
    return (int32_t)(365 * (year - 1900) + leaps);
}

static int32_t days_before_month(int year, int month)
{
    int32_t days = 0;
    for (int m = 1; m < month; m++)
        days += days_in_month(year, m);
    return days;
}

int32_t rel_date_serial(rel_date date)
{
    assert(rel_date_check(date));
    int day = date.day == 0 ? 1 : date.day;
    int32_t since_1900 = days_before_year(date.year) +
                         days_before_month(date.year, date.month) + (day - 1);
    /* 1900-01-01 is day 2 after 1899-12-30, but Excel calls it 1 and makes it
     * up on its phantom 29/02/1900: from 01/03/1900 on, the count is exact. */
    bool before_phantom = date.year == 1900 && date.month <= 2;
    return since_1900 + (before_phantom ? 1 : 2);
}

int rel_date_compare(rel_date a, rel_date b)
{
    assert(rel_date_check(a) && rel_date_check(b));
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}
