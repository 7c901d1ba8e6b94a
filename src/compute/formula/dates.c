/* What dates do in a formula. A date is a day, or a whole month ("mag-20"
 * of a project table), which stands for all of its days: a comparison holds
 * or fails when it does so for every one of them ("mag-20" < 01/06/2020,
 * "gen-22" >= 01/01/2022), and is an error (E317) when it depends on the
 * day ("mag-20" against 15/05/2020); a month has no difference in days. Days are counted
 * with the C library's calendar (timegm/gmtime_r, UTC: no time zone). */
#include <time.h>

#include "compute/formula/evaluator.h"
#include "core/codes.h"

#define SECONDS_PER_DAY 86400

/* Days since 1970-01-01 of a day (not a whole month). */
static int64_t day_number(rel_date date)
{
    struct tm tm = {.tm_year = date.year - 1900, .tm_mon = date.month - 1,
                    .tm_mday = date.day ? date.day : 1};
    return (int64_t)timegm(&tm) / SECONDS_PER_DAY;
}

/* The first and last day of `date`. */
static void span(rel_date date, int64_t *first, int64_t *last)
{
    *first = day_number(date);
    *last = *first;
    if (date.day != 0)
        return;
    rel_date next = date.month == 12 ? (rel_date){(int16_t)(date.year + 1), 1, 1}
                                     : (rel_date){date.year, (int8_t)(date.month + 1), 1};
    *last = day_number(next) - 1;   /* timegm takes year 2200 too */
}

static const char *date_text(evaluator *e, rel_date date)
{
    char text[REL_DATE_FORMAT_MAX];
    rel_date_format(date, text, sizeof text);
    return rel_arena_strdup(e->arena, text);
}

/* Whether `a op b` is the same for every day of a and every day of b
 * (spans [a1, a2] and [b1, b2]); then its truth in *truth. */
static bool decided(binary_op op, int64_t a1, int64_t a2, int64_t b1, int64_t b2, bool *truth)
{
    switch (op) {
    case OP_LT:
        *truth = a2 < b1;
        return a2 < b1 || a1 >= b2;
    case OP_LE:
        *truth = a2 <= b1;
        return a2 <= b1 || a1 > b2;
    case OP_GT:
        *truth = a1 > b2;
        return a1 > b2 || a2 <= b1;
    case OP_GE:
        *truth = a1 >= b2;
        return a1 >= b2 || a2 < b1;
    default:   /* = and <>: disjoint spans differ */
        *truth = op == OP_NE;
        return a2 < b1 || b2 < a1;
    }
}

bool date_compare(evaluator *e, binary_op op, rel_date a, rel_date b, rel_origin at, bool *truth)
{
    int64_t a1, a2, b1, b2;
    span(a, &a1, &a2);
    span(b, &b1, &b2);
    if (a1 == b1 && a2 == b2) {   /* the same day, or the same month */
        *truth = order_holds(op, 0);
        return true;
    }
    if (decided(op, a1, a2, b1, b2, truth))
        return true;
    return eval_fail(e, REL_E_FORMULA_DATE_ORDER, at,
                     rel_arena_printf(e->arena, "«%s» e «%s» non si possono confrontare: un mese "
                                                "intero comprende l'altra data; scrivere il "
                                                "giorno (es. 15/05/2020)",
                                      date_text(e, a), date_text(e, b)),
                     NULL, NULL);
}

/* E317 if `date` is a whole month: `what` needs a day. */
static bool need_day(evaluator *e, rel_date date, rel_origin at, const char *what)
{
    if (date.day != 0)
        return true;
    return eval_fail(e, REL_E_FORMULA_DATE_ORDER, at,
                     rel_arena_printf(e->arena, "«%s» è un mese intero: %s vuole una data con il "
                                                "giorno",
                                      date_text(e, date), what),
                     NULL, NULL);
}

/* The day `days` after `date` (before, if negative). */
static bool shift(evaluator *e, rel_date date, rel_rational days, rel_origin at, value *out)
{
    /* 300 years of the calendar are fewer than 110.000 days */
    if (days.den != 1 || days.num > 200000 || days.num < -200000)
        return eval_fail(e, REL_E_FORMULA_BAD_DATE, at,
                         "a una data si aggiunge un numero intero di giorni", NULL, NULL);
    if (!need_day(e, date, at, "aggiungere o togliere giorni"))
        return false;
    time_t t = (time_t)(day_number(date) + (int64_t)days.num) * SECONDS_PER_DAY;
    struct tm tm;
    gmtime_r(&t, &tm);
    rel_date result = {(int16_t)(tm.tm_year + 1900), (int8_t)(tm.tm_mon + 1), (int8_t)tm.tm_mday};
    if (tm.tm_year + 1900 < 1900 || tm.tm_year + 1900 > 2199)
        return eval_fail(e, REL_E_FORMULA_BAD_DATE, at,
                         "la data risultante è fuori dagli anni 1900-2199", NULL, NULL);
    *out = (value){.is_date = true, .date = result};
    return true;
}

bool rel_formula_days_between(rel_date a, rel_date b, int64_t *days)
{
    if (a.day == 0 || b.day == 0)
        return false;
    *days = day_number(a) - day_number(b);
    return true;
}

bool date_arithmetic(evaluator *e, binary_op op, const value *a, const value *b, rel_origin at,
                     value *out)
{
    if (a->is_date && b->is_date) {
        if (op == OP_ADD)
            return eval_fail(e, REL_E_FORMULA_DATE_MIX, at,
                             "due date non si sommano (si sottraggono: i giorni tra l'una e "
                             "l'altra)",
                             NULL, NULL);
        int64_t days;
        if (!need_day(e, a->date, at, "la differenza in giorni")
            || !need_day(e, b->date, at, "la differenza in giorni"))
            return false;
        rel_formula_days_between(a->date, b->date, &days);
        *out = number_value((rel_rational){days, 1, false});
        return true;
    }
    if (a->is_date) {
        rel_rational days = b->number;
        if (op == OP_SUB)
            days.num = -days.num;
        return shift(e, a->date, days, at, out);
    }
    if (op == OP_SUB)
        return eval_fail(e, REL_E_FORMULA_DATE_MIX, at,
                         "un numero meno una data non ha senso (una data meno un numero di giorni "
                         "sì)",
                         NULL, NULL);
    return shift(e, b->date, a->number, at, out);
}

bool date_make(evaluator *e, const node *n, rel_rational year, rel_rational month,
               rel_rational day, value *out)
{
    bool whole = year.den == 1 && month.den == 1 && day.den == 1;
    rel_date date = {0, 0, 0};
    if (whole && year.num >= 1900 && year.num <= 2199 && month.num >= 1 && month.num <= 12
        && day.num >= 1 && day.num <= 31)
        date = (rel_date){(int16_t)year.num, (int8_t)month.num, (int8_t)day.num};
    if (date.year == 0 || !rel_date_check(date))
        return eval_fail(e, REL_E_FORMULA_BAD_DATE, n->at,
                         "DATA(anno; mese; giorno) vuole un giorno che esiste, negli anni "
                         "1900-2199 (es. DATA(2024; 12; 31))",
                         NULL, NULL);
    *out = (value){.is_date = true, .date = date};
    return true;
}
