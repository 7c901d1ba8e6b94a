#include "render/xlsx/xlsx_value.h"

#include "core/date.h"

rel_xlsx_style rel_xlsx_style_of(rel_type type, bool whole)
{
    switch (type) {
    case REL_TYPE_MONEY:
        return whole ? REL_XLSX_MONEY_WHOLE : REL_XLSX_MONEY;
    case REL_TYPE_COUNT:
        return REL_XLSX_COUNT;
    case REL_TYPE_DECIMAL:
        return REL_XLSX_DECIMAL;
    case REL_TYPE_PERCENT:
        return REL_XLSX_PERCENT;
    case REL_TYPE_DATE:
        return REL_XLSX_DATE;
    case REL_TYPE_YEAR:
        return REL_XLSX_COUNT;
    case REL_TYPE_TEXT:
    case REL_TYPE_OUTCOME:
    case REL_TYPE_CODE:
        break;
    }
    return REL_XLSX_TEXT;
}

double rel_xlsx_cell_number(int64_t number, rel_type type)
{
    double unit = 1.0;
    for (int i = 0; i < rel_type_scale(type); i++)
        unit *= 10.0;
    /* a percentage counts hundredths of a point; the cell holds the fraction */
    if (type == REL_TYPE_PERCENT)
        unit *= 100.0;
    return (double)number / unit;
}

static const char *outcome_text(int64_t outcome)
{
    return outcome == REL_OUTCOME_SI ? "SI" : outcome == REL_OUTCOME_NO ? "NO" : "PARZIALMENTE";
}

bool rel_xlsx_value(rel_xlsx_sheet *s, lxw_col_t col, const rel_value *value, rel_type type,
                    bool whole, rel_xlsx_emphasis emphasis)
{
    bool words_fit = type == REL_TYPE_TEXT || type == REL_TYPE_CODE || type == REL_TYPE_OUTCOME;
    if (!value->present || (value->is_text && !words_fit))
        return rel_xlsx_text(s, col, "", emphasis, value->at);
    switch (type) {
    case REL_TYPE_TEXT:
    case REL_TYPE_CODE:
        return rel_xlsx_text(s, col, value->text, emphasis, value->at);
    case REL_TYPE_OUTCOME:
        return rel_xlsx_text(s, col, outcome_text(value->number), emphasis, value->at);
    case REL_TYPE_DATE:
        return rel_xlsx_number(s, col, rel_date_serial(value->date),
                               value->date.day == 0 ? REL_XLSX_MONTH : REL_XLSX_DATE, emphasis);
    case REL_TYPE_MONEY:
    case REL_TYPE_COUNT:
    case REL_TYPE_DECIMAL:
    case REL_TYPE_PERCENT:
    case REL_TYPE_YEAR:
        break;
    }
    return rel_xlsx_number(s, col, rel_xlsx_cell_number(value->number, type),
                           rel_xlsx_style_of(type, whole), emphasis);
}
