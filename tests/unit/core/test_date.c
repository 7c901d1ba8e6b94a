#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/date.h"

#define MONTH REL_DATE_ALLOW_MONTH

typedef struct good_case {
    const char *text;
    unsigned flags;
    int year, month, day;
} good_case;

typedef struct bad_case {
    const char *text;
    unsigned flags;
    rel_date_status status;
    size_t offset;
} bad_case;

static const rel_date sentinel = {.year = 1234, .month = 56, .day = 78};

static rel_date date(int year, int month, int day)
{
    return (rel_date){.year = (int16_t)year, .month = (int8_t)month, .day = (int8_t)day};
}

static void check_good(const good_case *c)
{
    rel_date d = sentinel;
    rel_date_error e = {REL_DATE_OK, 0};
    if (!rel_date_parse(c->text, strlen(c->text), c->flags, &d, &e))
        fail_msg("\"%s\": refused (status %d at %zu)", c->text, (int)e.status, e.offset);
    if (d.year != c->year || d.month != c->month || d.day != c->day)
        fail_msg("\"%s\": got %d-%d-%d, want %d-%d-%d", c->text, d.year, d.month, d.day,
                 c->year, c->month, c->day);
}

static void check_bad(const bad_case *c)
{
    rel_date d = sentinel;
    rel_date_error e = {REL_DATE_OK, 999};
    if (rel_date_parse(c->text, strlen(c->text), c->flags, &d, &e))
        fail_msg("\"%s\": accepted as %d-%d-%d", c->text, d.year, d.month, d.day);
    if (e.status != c->status || e.offset != c->offset)
        fail_msg("\"%s\": got status %d at %zu, want %d at %zu", c->text, (int)e.status,
                 e.offset, (int)c->status, c->offset);
    if (d.year != sentinel.year || d.month != sentinel.month || d.day != sentinel.day)
        fail_msg("\"%s\": the output was written on failure", c->text);
}

#define CHECK_ALL(cases, check)                                         \
    for (size_t i = 0; i < sizeof(cases) / sizeof((cases)[0]); i++)     \
        check(&(cases)[i])

/* ---- Accepted forms ------------------------------------------------------------ */

static void test_full_dates(void **state)
{
    (void)state;
    static const good_case cases[] = {
        {"31/12/2021", 0, 2021, 12, 31},
        {"1/2/2021", 0, 2021, 2, 1},
        {"01/02/2021", 0, 2021, 2, 1},
        {"9/11/2021", 0, 2021, 11, 9},
        {"31.12.2021", 0, 2021, 12, 31},
        {"31-12-2021", 0, 2021, 12, 31},
        {"2021-12-31", 0, 2021, 12, 31},
        {"2021-1-5", 0, 2021, 1, 5},
        {"02/08/2021", 0, 2021, 8, 2},
        {"31/12/2021", MONTH, 2021, 12, 31},
        {"01/01/1900", 0, 1900, 1, 1},
        {"31/12/2199", 0, 2199, 12, 31},
    };
    CHECK_ALL(cases, check_good);
}

static void test_blanks_are_trimmed(void **state)
{
    (void)state;
    static const good_case cases[] = {
        {"  31/12/2021\t ", 0, 2021, 12, 31},
        {"\xC2\xA0" "1/2/2021" "\xE2\x80\xAF", 0, 2021, 2, 1},
        {" 2021-12-31\xC2\xA0", 0, 2021, 12, 31},
        {"\tmag-20 ", MONTH, 2020, 5, 0},
    };
    CHECK_ALL(cases, check_good);
}

static void test_length_is_respected(void **state)
{
    (void)state;
    rel_date d = sentinel;
    rel_date_error e;
    assert_true(rel_date_parse("31/12/2021999", 10, 0, &d, &e));
    assert_int_equal(d.year, 2021);
    assert_int_equal(d.month, 12);
    assert_int_equal(d.day, 31);
    assert_true(rel_date_parse("1/2/2021", 7, 0, &d, &e) == false);
    assert_int_equal(e.status, REL_DATE_SYNTAX);    /* "1/2/202": three-digit year */
    assert_int_equal(e.offset, 4);
}

static void test_month_forms(void **state)
{
    (void)state;
    static const good_case cases[] = {
        {"mag-20", MONTH, 2020, 5, 0},
        {"set-19", MONTH, 2019, 9, 0},
        {"lug.2020", MONTH, 2020, 7, 0},
        {"set-2020", MONTH, 2020, 9, 0},
        {"Gen 2021", MONTH, 2021, 1, 0},
        {"settembre 2021", MONTH, 2021, 9, 0},
        {"dic.21", MONTH, 2021, 12, 0},
        {"dic. 21", MONTH, 2021, 12, 0},
        {"DIC/2021", MONTH, 2021, 12, 0},
        {"sett-19", MONTH, 2019, 9, 0},
        {"Sett. 2019", MONTH, 2019, 9, 0},
        {"MaGgIo 2020", MONTH, 2020, 5, 0},
        {"marzo  2021", MONTH, 2021, 3, 0},
        {"gennaio\xC2\xA0" "2021", MONTH, 2021, 1, 0},
        {"ott-00", MONTH, 2000, 10, 0},
        {"nov-99", MONTH, 2099, 11, 0},
        {"feb 1900", MONTH, 1900, 2, 0},
        {"06/2021", MONTH, 2021, 6, 0},
        {"6-2021", MONTH, 2021, 6, 0},
        {"12.2021", MONTH, 2021, 12, 0},
    };
    CHECK_ALL(cases, check_good);
}

static void test_every_month_word(void **state)
{
    (void)state;
    static const char *const full[12] = {
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno",
        "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
    };
    static const char *const abbreviated[12] = {
        "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
    };
    for (int m = 0; m < 12; m++) {
        char text[32];
        snprintf(text, sizeof text, "%s 2021", full[m]);
        check_good(&(good_case){text, MONTH, 2021, m + 1, 0});
        snprintf(text, sizeof text, "%s-21", abbreviated[m]);
        check_good(&(good_case){text, MONTH, 2021, m + 1, 0});
    }
}

/* ---- Errors -------------------------------------------------------------------- */

static void test_empty(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"", 0, REL_DATE_EMPTY, 0},
        {"   \t", 0, REL_DATE_EMPTY, 0},
        {"\xC2\xA0", MONTH, REL_DATE_EMPTY, 0},
    };
    CHECK_ALL(cases, check_bad);
}

static void test_syntax(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"31/12/2021x", 0, REL_DATE_SYNTAX, 10},
        {"31/12-2021", 0, REL_DATE_SYNTAX, 5},
        {"31/12/", 0, REL_DATE_SYNTAX, 6},
        {"31//2021", 0, REL_DATE_SYNTAX, 3},
        {"2021", 0, REL_DATE_SYNTAX, 4},
        {"31 /12/2021", 0, REL_DATE_SYNTAX, 2},
        {"31 12 2021", 0, REL_DATE_SYNTAX, 2},
        {"#1/1/2021", 0, REL_DATE_SYNTAX, 0},
        {"2021/12/31", 0, REL_DATE_SYNTAX, 4},
        {"2021.12.31", 0, REL_DATE_SYNTAX, 4},
        {"123/12/2021", 0, REL_DATE_SYNTAX, 0},
        {"31/123/2021", 0, REL_DATE_SYNTAX, 3},
        {"2021-12-311", 0, REL_DATE_SYNTAX, 8},
        {"1/1/202", 0, REL_DATE_SYNTAX, 4},
        {"1/1/5", 0, REL_DATE_SYNTAX, 4},
        {"-", 0, REL_DATE_SYNTAX, 0},
        {"mag20", MONTH, REL_DATE_SYNTAX, 3},
        {"mag", MONTH, REL_DATE_SYNTAX, 3},
        {"mag.", MONTH, REL_DATE_SYNTAX, 4},
        {"mag- 20", MONTH, REL_DATE_SYNTAX, 4},
        {"mag-2", MONTH, REL_DATE_SYNTAX, 4},
        {"mag-202", MONTH, REL_DATE_SYNTAX, 4},
        {"mag-20x", MONTH, REL_DATE_SYNTAX, 6},
        {"2021-06", MONTH, REL_DATE_SYNTAX, 0},
        {"06/2021/", MONTH, REL_DATE_SYNTAX, 8},
    };
    CHECK_ALL(cases, check_bad);
}

static void test_month_forms_need_the_flag(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"mag-20", 0, REL_DATE_SYNTAX, 0},
        {"  settembre 2021", 0, REL_DATE_SYNTAX, 2},
        {"06/2021", 0, REL_DATE_SYNTAX, 0},
        {" 31/12", 0, REL_DATE_SYNTAX, 1},
        {"xyz 2020", 0, REL_DATE_SYNTAX, 0},
    };
    CHECK_ALL(cases, check_bad);
}

static void test_no_such_day(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"31/02/2020", 0, REL_DATE_NO_SUCH_DAY, 0},
        {"31/04/2021", 0, REL_DATE_NO_SUCH_DAY, 0},
        {"32/01/2021", 0, REL_DATE_NO_SUCH_DAY, 0},
        {"0/1/2021", 0, REL_DATE_NO_SUCH_DAY, 0},
        {"00.01.2021", 0, REL_DATE_NO_SUCH_DAY, 0},
        {" 31/06/2021", 0, REL_DATE_NO_SUCH_DAY, 1},
        {"2021-04-31", 0, REL_DATE_NO_SUCH_DAY, 8},
        {"2021-04-00", MONTH, REL_DATE_NO_SUCH_DAY, 8},
    };
    CHECK_ALL(cases, check_bad);
}

static void test_no_such_month(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"1/13/2021", 0, REL_DATE_NO_SUCH_MONTH, 2},
        {"1/0/2021", 0, REL_DATE_NO_SUCH_MONTH, 2},
        {"2021-13-01", 0, REL_DATE_NO_SUCH_MONTH, 5},
        {"13/2021", MONTH, REL_DATE_NO_SUCH_MONTH, 0},
        {"00/2021", MONTH, REL_DATE_NO_SUCH_MONTH, 0},
        {"mgg-20", MONTH, REL_DATE_NO_SUCH_MONTH, 0},
        {" xyz 2020", MONTH, REL_DATE_NO_SUCH_MONTH, 1},
        {"m\xC3\xA4g-20", MONTH, REL_DATE_NO_SUCH_MONTH, 0},
        {"\xC3\xA0go-20", MONTH, REL_DATE_NO_SUCH_MONTH, 0},
        {"giug-20", MONTH, REL_DATE_NO_SUCH_MONTH, 0},
        {"ma-20", MONTH, REL_DATE_NO_SUCH_MONTH, 0},
        {"may-20", MONTH, REL_DATE_NO_SUCH_MONTH, 0},
        {"settembree 2021", MONTH, REL_DATE_NO_SUCH_MONTH, 0},
        {"in continuità", MONTH, REL_DATE_NO_SUCH_MONTH, 0},
    };
    CHECK_ALL(cases, check_bad);
}

static void test_two_digit_year(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"01/05/20", 0, REL_DATE_TWO_DIGIT_YEAR, 6},
        {"1.5.20", MONTH, REL_DATE_TWO_DIGIT_YEAR, 4},
        {"31/02/21", 0, REL_DATE_TWO_DIGIT_YEAR, 6},   /* the year is judged first */
        {"06/21", MONTH, REL_DATE_TWO_DIGIT_YEAR, 3},
    };
    CHECK_ALL(cases, check_bad);
}

static void test_year_range(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"31/12/1899", 0, REL_DATE_YEAR_RANGE, 6},
        {"01/01/2200", 0, REL_DATE_YEAR_RANGE, 6},
        {"1/1/0999", 0, REL_DATE_YEAR_RANGE, 4},
        {"1/1/20210", 0, REL_DATE_YEAR_RANGE, 4},
        {"1/1/99999999999", 0, REL_DATE_YEAR_RANGE, 4},
        {"2200-01-01", 0, REL_DATE_YEAR_RANGE, 0},
        {"mag-1899", MONTH, REL_DATE_YEAR_RANGE, 4},
        {"12/2200", MONTH, REL_DATE_YEAR_RANGE, 3},
    };
    CHECK_ALL(cases, check_bad);
}

static void test_status_texts(void **state)
{
    (void)state;
    assert_string_equal(rel_date_status_text(REL_DATE_NO_SUCH_DAY),
                        "il giorno non esiste in quel mese (es. 31/02)");
    assert_non_null(strstr(rel_date_status_text(REL_DATE_TWO_DIGIT_YEAR), "quattro cifre"));
    assert_non_null(strstr(rel_date_status_text(REL_DATE_YEAR_RANGE), "1900"));
    assert_non_null(strstr(rel_date_status_text(REL_DATE_YEAR_RANGE), "2199"));
    for (int a = REL_DATE_OK; a <= REL_DATE_YEAR_RANGE; a++) {
        const char *text = rel_date_status_text((rel_date_status)a);
        assert_true(strlen(text) > 5);
        for (int b = a + 1; b <= REL_DATE_YEAR_RANGE; b++)
            assert_string_not_equal(text, rel_date_status_text((rel_date_status)b));
    }
}

/* ---- Calendar ------------------------------------------------------------------ */

static void test_leap_years(void **state)
{
    (void)state;
    static const good_case good[] = {
        {"29/02/2024", 0, 2024, 2, 29},
        {"29/02/2020", 0, 2020, 2, 29},
        {"29/02/2000", 0, 2000, 2, 29},
        {"2096-02-29", 0, 2096, 2, 29},
        {"28/02/1900", 0, 1900, 2, 28},
    };
    static const bad_case bad[] = {
        {"29/02/2023", 0, REL_DATE_NO_SUCH_DAY, 0},
        {"29/02/1900", 0, REL_DATE_NO_SUCH_DAY, 0},
        {"29/02/2100", 0, REL_DATE_NO_SUCH_DAY, 0},
        {"30/02/2024", 0, REL_DATE_NO_SUCH_DAY, 0},
    };
    CHECK_ALL(good, check_good);
    CHECK_ALL(bad, check_bad);
}

static void test_month_lengths(void **state)
{
    (void)state;
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int m = 1; m <= 12; m++) {
        char text[32];
        snprintf(text, sizeof text, "%d/%d/2021", days[m - 1], m);
        check_good(&(good_case){text, 0, 2021, m, days[m - 1]});
        snprintf(text, sizeof text, "%d/%d/2021", days[m - 1] + 1, m);
        check_bad(&(bad_case){text, 0, REL_DATE_NO_SUCH_DAY, 0});
    }
}

static void test_check(void **state)
{
    (void)state;
    assert_true(rel_date_check(date(2021, 12, 31)));
    assert_true(rel_date_check(date(2020, 5, 0)));
    assert_true(rel_date_check(date(2000, 2, 29)));
    assert_false(rel_date_check(date(1900, 2, 29)));
    assert_false(rel_date_check(date(1899, 12, 31)));
    assert_false(rel_date_check(date(2200, 1, 1)));
    assert_false(rel_date_check(date(2021, 0, 1)));
    assert_false(rel_date_check(date(2021, 13, 1)));
    assert_false(rel_date_check(date(2021, 4, 31)));
    assert_false(rel_date_check(date(2021, 1, -1)));
}

/* Serial numbers were computed independently (Python: (date - date(1899, 12,
 * 30)).days) and, before 01/03/1900, from Excel's phantom 29/02/1900. */
static void test_serial_known_values(void **state)
{
    (void)state;
    assert_int_equal(rel_date_serial(date(1900, 3, 1)), 61);
    assert_int_equal(rel_date_serial(date(2021, 12, 31)), 44561);
    assert_int_equal(rel_date_serial(date(2024, 2, 29)), 45351);
    assert_int_equal(rel_date_serial(date(2000, 2, 29)), 36585);
    assert_int_equal(rel_date_serial(date(2021, 9, 1)), 44440);
    assert_int_equal(rel_date_serial(date(2199, 12, 31)), 109574);
    assert_int_equal(rel_date_serial(date(1900, 1, 1)), 1);
    assert_int_equal(rel_date_serial(date(1900, 2, 28)), 59);
    assert_int_equal(rel_date_serial(date(2020, 5, 0)), 43952);   /* mag-20 = 01/05/2020 */
    assert_int_equal(rel_date_serial(date(2020, 5, 1)), 43952);
}

/* Walks every day of the range: each is one more than the day before, but for
 * Excel's phantom 29/02/1900. */
static void test_serial_is_continuous(void **state)
{
    (void)state;
    int32_t previous = 0;
    for (int y = 1900; y <= 2199; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; rel_date_check(date(y, m, d)); d++) {
                int32_t serial = rel_date_serial(date(y, m, d));
                int32_t step = (y == 1900 && m == 3 && d == 1) ? 2 : 1;
                if (serial != previous + step)
                    fail_msg("%d-%d-%d: serial %d after %d", y, m, d, serial, previous);
                previous = serial;
            }
    assert_int_equal(previous, 109574);
}

/* ---- Output -------------------------------------------------------------------- */

static void test_format(void **state)
{
    (void)state;
    char buffer[REL_DATE_FORMAT_MAX];
    assert_int_equal(rel_date_format(date(2021, 12, 31), buffer, sizeof buffer), 10);
    assert_string_equal(buffer, "31/12/2021");
    assert_int_equal(rel_date_format(date(2021, 2, 1), buffer, sizeof buffer), 10);
    assert_string_equal(buffer, "01/02/2021");
    assert_int_equal(rel_date_format(date(2020, 5, 0), buffer, sizeof buffer), 11);
    assert_string_equal(buffer, "maggio 2020");
    assert_int_equal(rel_date_format(date(2021, 9, 0), buffer, sizeof buffer), 14);
    assert_string_equal(buffer, "settembre 2021");
}

static void test_format_truncates(void **state)
{
    (void)state;
    char buffer[5] = "xxxx";
    assert_int_equal(rel_date_format(date(2021, 12, 31), buffer, sizeof buffer), 10);
    assert_string_equal(buffer, "31/1");
    assert_int_equal(rel_date_format(date(2021, 12, 31), NULL, 0), 10);
}

static void round_trip(rel_date original)
{
    char buffer[REL_DATE_FORMAT_MAX];
    size_t len = rel_date_format(original, buffer, sizeof buffer);
    rel_date back = sentinel;
    rel_date_error e;
    if (!rel_date_parse(buffer, len, MONTH, &back, &e) || rel_date_compare(back, original) != 0)
        fail_msg("\"%s\" does not parse back to %d-%d-%d", buffer, original.year,
                 original.month, original.day);
}

static void test_format_round_trip(void **state)
{
    (void)state;
    for (int y = 1900; y <= 2199; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 0; rel_date_check(date(y, m, d)); d++)
                round_trip(date(y, m, d));
}

static void test_compare(void **state)
{
    (void)state;
    assert_int_equal(rel_date_compare(date(2021, 12, 31), date(2021, 12, 31)), 0);
    assert_int_equal(rel_date_compare(date(2020, 5, 0), date(2020, 5, 0)), 0);
    assert_true(rel_date_compare(date(2021, 12, 31), date(2022, 1, 1)) < 0);
    assert_true(rel_date_compare(date(2022, 1, 1), date(2021, 12, 31)) > 0);
    assert_true(rel_date_compare(date(2021, 2, 28), date(2021, 3, 1)) < 0);
    assert_true(rel_date_compare(date(2021, 3, 2), date(2021, 3, 1)) > 0);
    assert_true(rel_date_compare(date(2020, 5, 0), date(2020, 5, 1)) < 0);
    assert_true(rel_date_compare(date(2020, 5, 1), date(2020, 5, 0)) > 0);
    assert_true(rel_date_compare(date(2020, 4, 30), date(2020, 5, 0)) < 0);
    assert_true(rel_date_compare(date(2020, 5, 31), date(2020, 6, 0)) < 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_dates),
        cmocka_unit_test(test_blanks_are_trimmed),
        cmocka_unit_test(test_length_is_respected),
        cmocka_unit_test(test_month_forms),
        cmocka_unit_test(test_every_month_word),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_syntax),
        cmocka_unit_test(test_month_forms_need_the_flag),
        cmocka_unit_test(test_no_such_day),
        cmocka_unit_test(test_no_such_month),
        cmocka_unit_test(test_two_digit_year),
        cmocka_unit_test(test_year_range),
        cmocka_unit_test(test_status_texts),
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_month_lengths),
        cmocka_unit_test(test_check),
        cmocka_unit_test(test_serial_known_values),
        cmocka_unit_test(test_serial_is_continuous),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_format_truncates),
        cmocka_unit_test(test_format_round_trip),
        cmocka_unit_test(test_compare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
