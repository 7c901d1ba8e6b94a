/* Fuzz target: rel_date_parse, Italian dates and whole months.
 *
 * Properties (date.h): a parsed date passes rel_date_check; it formats and
 * parses back to itself; what parses without REL_DATE_ALLOW_MONTH parses
 * the same with it; an error offset lies inside the text; *out is left
 * untouched on failure. */
#include <stdbool.h>

#include "core/date.h"
#include "fuzz.h"

static bool same(rel_date a, rel_date b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

static void check_date(rel_date date)
{
    REL_FUZZ_CHECK(rel_date_check(date));
    char text[REL_DATE_FORMAT_MAX];
    size_t len = rel_date_format(date, text, sizeof text);
    REL_FUZZ_CHECK(len < sizeof text);
    REL_FUZZ_CHECK(rel_date_format(date, NULL, 0) == len);

    rel_date back = {0, 0, 0};
    rel_date_error error;
    REL_FUZZ_CHECK(rel_date_parse(text, len, REL_DATE_ALLOW_MONTH, &back, &error));
    REL_FUZZ_CHECK(same(back, date));
    REL_FUZZ_CHECK(rel_date_compare(date, date) == 0);

    int32_t serial = rel_date_serial(date);
    REL_FUZZ_CHECK(serial >= 1);
    rel_date first = {date.year, 1, 0};   /* January: before every date of the year */
    REL_FUZZ_CHECK(rel_date_compare(first, date) <= 0);
    REL_FUZZ_CHECK(rel_date_serial(first) <= serial);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256)
        return 0;
    const char *text = (const char *)data;
    static const rel_date untouched = {1, 1, 1};

    rel_date day = untouched, month = untouched;
    rel_date_error day_error = {REL_DATE_OK, 0}, month_error = {REL_DATE_OK, 0};
    bool day_ok = rel_date_parse(text, size, 0, &day, &day_error);
    bool month_ok = rel_date_parse(text, size, REL_DATE_ALLOW_MONTH, &month, &month_error);

    if (day_ok) {
        check_date(day);
        REL_FUZZ_CHECK(day.day != 0);
        REL_FUZZ_CHECK(month_ok && same(day, month));
    } else {
        REL_FUZZ_CHECK(same(day, untouched));
        REL_FUZZ_CHECK(day_error.status != REL_DATE_OK && day_error.offset <= size);
        REL_FUZZ_CHECK(rel_date_status_text(day_error.status) != NULL);
    }
    if (month_ok) {
        check_date(month);
    } else {
        REL_FUZZ_CHECK(same(month, untouched));
        REL_FUZZ_CHECK(month_error.status != REL_DATE_OK && month_error.offset <= size);
    }
    return 0;
}
