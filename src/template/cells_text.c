#include "template/cells_text.h"

#include "core/date.h"
#include "core/number.h"

bool rel_column_whole_euros(const rel_dataset *dataset, int column)
{
    if (dataset->columns[column].type != REL_TYPE_MONEY)
        return false;
    for (size_t r = 0; r < dataset->row_count; r++)
        if (dataset->rows[r].values[column].number % 100 != 0)
            return false;
    return true;
}

const char *rel_value_text(rel_arena *arena, const rel_value *value, rel_type type, bool whole)
{
    if (!value->present)
        return type == REL_TYPE_MONEY ? "€ -" : "";
    char buffer[REL_NUMBER_FORMAT_MAX];
    switch (type) {
    case REL_TYPE_MONEY:
        return rel_arena_strdup(arena, rel_number_format(value->number, 2, whole ? 0 : 2,
                                                         REL_FMT_EURO | REL_FMT_DASH_ZERO, buffer));
    case REL_TYPE_COUNT:
    case REL_TYPE_YEAR:
        return rel_arena_strdup(arena, rel_number_format(value->number, 0, 0, 0, buffer));
    case REL_TYPE_DECIMAL:
        return rel_arena_strdup(arena, rel_number_format(value->number, rel_type_scale(type), 2,
                                                         0, buffer));
    case REL_TYPE_PERCENT:
        return rel_arena_strdup(arena, rel_number_format(value->number, 2, 2, REL_FMT_PERCENT,
                                                         buffer));
    case REL_TYPE_DATE: {
        if (value->is_text)
            return value->text;
        char date[REL_DATE_FORMAT_MAX];
        rel_date_format(value->date, date, sizeof date);
        return rel_arena_strdup(arena, date);
    }
    case REL_TYPE_OUTCOME:
        return value->number == REL_OUTCOME_SI ? "SI"
               : value->number == REL_OUTCOME_NO ? "NO" : "PARZIALMENTE";
    case REL_TYPE_TEXT:
    case REL_TYPE_CODE:
        break;
    }
    return value->text;
}

const char *rel_label_heading(rel_arena *arena, const char *label)
{
    char *heading = rel_arena_strdup(arena, label);
    if (heading == NULL)
        return label;
    for (char *c = heading; *c; c++)
        if (*c == '_')
            *c = ' ';
    if (heading[0] >= 'a' && heading[0] <= 'z')
        heading[0] = (char)(heading[0] - 'a' + 'A');
    return heading;
}
