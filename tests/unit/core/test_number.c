/* Italian number parsing and formatting: every form of DOMAIN.md's
 * "Conventions", the ambiguous forms that must be refused, overflow, and
 * the one rounding rule. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/number.h"

static const rel_num_spec money = {2, REL_NUM_CURRENCY | REL_NUM_DASH_ZERO};
static const rel_num_spec count = {0, 0};
static const rel_num_spec percent = {2, REL_NUM_PERCENT};

static int64_t parse_ok(const char *text, const rel_num_spec *spec)
{
    int64_t value = -777;
    rel_num_error error = {REL_NUM_OK, 0};
    bool ok = rel_number_parse(text, strlen(text), spec, &value, &error);
    if (!ok)
        fail_msg("«%s» refused with status %d at %zu", text, error.status, error.offset);
    return value;
}

static rel_num_error parse_fail(const char *text, const rel_num_spec *spec)
{
    int64_t value = -777;
    rel_num_error error = {REL_NUM_OK, 0};
    assert_false(rel_number_parse(text, strlen(text), spec, &value, &error));
    assert_int_equal(value, -777);   /* untouched on failure */
    return error;
}

static void test_money_forms(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("1.234,56", &money), 123456);
    assert_int_equal(parse_ok("1234,56", &money), 123456);
    assert_int_equal(parse_ok("€ 1.234,56", &money), 123456);
    assert_int_equal(parse_ok("€1.234,56", &money), 123456);
    assert_int_equal(parse_ok("1.234,56 €", &money), 123456);
    assert_int_equal(parse_ok("EUR 1.234,56", &money), 123456);
    assert_int_equal(parse_ok("-1.234", &money), -123400);
    assert_int_equal(parse_ok("(49.866)", &money), -4986600);
    assert_int_equal(parse_ok("( 49.866,10 )", &money), -4986610);
    assert_int_equal(parse_ok("-€ 1.234,56", &money), -123456);
    assert_int_equal(parse_ok("€ -1.234,56", &money), -123456);
    assert_int_equal(parse_ok("+27", &money), 2700);
    assert_int_equal(parse_ok("1.234.567,89", &money), 123456789);
    assert_int_equal(parse_ok("0,5", &money), 50);
    assert_int_equal(parse_ok("12,3", &money), 1230);
    assert_int_equal(parse_ok("1.234", &money), 123400);   /* Italian: thousands */
    assert_int_equal(parse_ok("  7  ", &money), 700);
    assert_int_equal(parse_ok("\xC2\xA0" "1.000,00\xC2\xA0", &money), 100000); /* NBSP */
}

static void test_dash_is_zero_in_money_only(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("€ -", &money), 0);
    assert_int_equal(parse_ok("-", &money), 0);
    assert_int_equal(parse_ok(" - ", &money), 0);
    assert_int_equal(parse_fail("-", &count).status, REL_NUM_DASH_NOT_ZERO);
    assert_int_equal(parse_fail("€", &money).status, REL_NUM_SYNTAX);
}

static void test_refuses_dot_decimal(void **state)
{
    (void)state;
    rel_num_error e = parse_fail("12.34", &money);
    assert_int_equal(e.status, REL_NUM_DOT_DECIMAL);
    assert_int_equal(e.offset, 2);
    e = parse_fail("1,234.56", &money);
    assert_int_equal(e.status, REL_NUM_DOT_DECIMAL);
    assert_int_equal(e.offset, 5);
    assert_int_equal(parse_fail("1234.5", &money).status, REL_NUM_DOT_DECIMAL);
    assert_int_equal(parse_fail("1,234,567", &money).status, REL_NUM_DOT_DECIMAL);
}

static void test_refuses_bad_grouping(void **state)
{
    (void)state;
    rel_num_error e = parse_fail("1.234.56", &money);
    assert_int_equal(e.status, REL_NUM_BAD_GROUPING);
    assert_int_equal(e.offset, 1);
    assert_int_equal(parse_fail("12.34,00", &money).status, REL_NUM_BAD_GROUPING);
    assert_int_equal(parse_fail("1.2345,00", &money).status, REL_NUM_BAD_GROUPING);
    assert_int_equal(parse_fail("1..234", &money).status, REL_NUM_SYNTAX);
}

static void test_never_rounds_silently(void **state)
{
    (void)state;
    rel_num_error e = parse_fail("12,345", &money);
    assert_int_equal(e.status, REL_NUM_TOO_MANY_DECIMALS);
    assert_int_equal(e.offset, 2);
    assert_int_equal(parse_fail("3,5", &count).status, REL_NUM_TOO_MANY_DECIMALS);
}

static void test_syntax_errors_point_at_the_character(void **state)
{
    (void)state;
    rel_num_error e = parse_fail("12a4", &money);
    assert_int_equal(e.status, REL_NUM_SYNTAX);
    assert_int_equal(e.offset, 2);
    assert_int_equal(parse_fail("", &money).status, REL_NUM_EMPTY);
    assert_int_equal(parse_fail("   ", &money).status, REL_NUM_EMPTY);
    assert_int_equal(parse_fail("1 234,56", &money).status, REL_NUM_SYNTAX);
    assert_int_equal(parse_fail(",5", &money).status, REL_NUM_SYNTAX);
    assert_int_equal(parse_fail("5,", &money).status, REL_NUM_SYNTAX);
    assert_int_equal(parse_fail("--5", &money).status, REL_NUM_SYNTAX);
    assert_int_equal(parse_fail("=1+1", &money).status, REL_NUM_SYNTAX);
}

static void test_overflow(void **state)
{
    (void)state;
    /* INT64_MAX cents = 92.233.720.368.547.758,07 */
    assert_int_equal(parse_ok("92.233.720.368.547.758,07", &money), INT64_MAX);
    assert_int_equal(parse_fail("92.233.720.368.547.758,08", &money).status, REL_NUM_OVERFLOW);
    assert_int_equal(parse_fail("99999999999999999999", &count).status, REL_NUM_OVERFLOW);
}

static void test_percent_and_symbols_by_column(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("44,44%", &percent), 4444);
    assert_int_equal(parse_ok("-4,9 %", &percent), -490);
    assert_int_equal(parse_ok("100", &percent), 10000);
    assert_int_equal(parse_fail("44,44%", &money).status, REL_NUM_PERCENT_NOT_ALLOWED);
    assert_int_equal(parse_fail("€ 5", &count).status, REL_NUM_CURRENCY_NOT_ALLOWED);
    assert_int_equal(parse_ok("1.482", &count), 1482);
}

static const char *fmt(int64_t value, int scale, int decimals, unsigned flags)
{
    static char buffer[REL_NUMBER_FORMAT_MAX];
    return rel_number_format(value, scale, decimals, flags, buffer);
}

static void test_format_money(void **state)
{
    (void)state;
    assert_string_equal(fmt(123456, 2, 2, REL_FMT_EURO), "€ 1.234,56");
    assert_string_equal(fmt(-123456, 2, 2, REL_FMT_EURO), "-€ 1.234,56");
    assert_string_equal(fmt(0, 2, 2, REL_FMT_EURO | REL_FMT_DASH_ZERO), "€ -");
    assert_string_equal(fmt(0, 2, 2, REL_FMT_DASH_ZERO), "-");
    assert_string_equal(fmt(0, 2, 2, REL_FMT_EURO), "€ 0,00");
    assert_string_equal(fmt(5, 2, 2, 0), "0,05");
    assert_string_equal(fmt(123456789, 2, 2, 0), "1.234.567,89");
    assert_string_equal(fmt(-4986600, 2, 0, REL_FMT_PARENS), "(49.866)");
    assert_string_equal(fmt(100000, 2, 2, 0), "1.000,00");
    assert_string_equal(fmt(99999, 2, 2, 0), "999,99");
    assert_string_equal(fmt(INT64_MAX, 2, 2, 0), "92.233.720.368.547.758,07");
    assert_string_equal(fmt(INT64_MIN, 2, 2, 0), "-92.233.720.368.547.758,08");
}

static void test_format_changes_and_percent(void **state)
{
    (void)state;
    assert_string_equal(fmt(27, 0, 0, REL_FMT_PLUS), "+27");
    assert_string_equal(fmt(-490, 2, 1, REL_FMT_PLUS | REL_FMT_PERCENT), "-4,9%");
    assert_string_equal(fmt(300, 2, 0, REL_FMT_PLUS | REL_FMT_PERCENT), "+3%");
    assert_string_equal(fmt(4444, 2, 2, REL_FMT_PERCENT), "44,44%");
    assert_string_equal(fmt(0, 2, 0, REL_FMT_PLUS), "0");
}

static void test_rounding_half_away_from_zero(void **state)
{
    (void)state;
    assert_int_equal(rel_number_rescale(123450, 2, 0), 1235);
    assert_int_equal(rel_number_rescale(123449, 2, 0), 1234);
    assert_int_equal(rel_number_rescale(-123450, 2, 0), -1235);
    assert_int_equal(rel_number_rescale(-123449, 2, 0), -1234);
    assert_int_equal(rel_number_rescale(50, 2, 0), 1);
    assert_int_equal(rel_number_rescale(-50, 2, 0), -1);
    assert_int_equal(rel_number_rescale(49, 2, 0), 0);
    assert_int_equal(rel_number_rescale(-445, 2, 1), -45);
    assert_int_equal(rel_number_rescale(777, 2, 2), 777);
    assert_int_equal(rel_number_rescale(INT64_MIN, 2, 0), -92233720368547758);
    assert_string_equal(fmt(4950, 2, 0, REL_FMT_EURO), "€ 50");
}

static void test_parse_format_round_trip(void **state)
{
    (void)state;
    const int64_t samples[] = {0, 1, -1, 99, 100, 123456, -987654321, 100000000000};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        const char *text = fmt(samples[i], 2, 2, REL_FMT_EURO);
        assert_int_equal(parse_ok(text, &money), samples[i]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_money_forms),
        cmocka_unit_test(test_dash_is_zero_in_money_only),
        cmocka_unit_test(test_refuses_dot_decimal),
        cmocka_unit_test(test_refuses_bad_grouping),
        cmocka_unit_test(test_never_rounds_silently),
        cmocka_unit_test(test_syntax_errors_point_at_the_character),
        cmocka_unit_test(test_overflow),
        cmocka_unit_test(test_percent_and_symbols_by_column),
        cmocka_unit_test(test_format_money),
        cmocka_unit_test(test_format_changes_and_percent),
        cmocka_unit_test(test_rounding_half_away_from_zero),
        cmocka_unit_test(test_parse_format_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
