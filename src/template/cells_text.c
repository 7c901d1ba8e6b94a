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

/* The figure's text with its footnote mark: "1.168*", "1.168 (1)". */
static const char *with_note(rel_arena *arena, const rel_value *value, const char *figure)
{
    if (value->note == NULL)
        return rel_arena_strdup(arena, figure);
    bool star = value->note[0] == '*';
    return rel_arena_printf(arena, "%s%s%s%s", figure, star ? "" : " (", value->note,
                            star ? "" : ")");
}

static const char *figure_text(rel_arena *arena, const rel_value *value, const rel_column *column,
                               bool whole)
{
    char buffer[REL_NUMBER_FORMAT_MAX];
    int scale = rel_type_scale(column->type);
    int decimals = column->decimals > scale ? scale : column->decimals;
    switch (column->type) {
    case REL_TYPE_MONEY:
        return with_note(arena, value, rel_number_format(value->number, 2, whole ? 0 : 2,
                                                         REL_FMT_EURO | REL_FMT_DASH_ZERO,
                                                         buffer));
    case REL_TYPE_DECIMAL:
        return with_note(arena, value, rel_number_format(value->number, scale, decimals, 0,
                                                         buffer));
    case REL_TYPE_PERCENT:
        return with_note(arena, value, rel_number_format(value->number, scale, decimals,
                                                         REL_FMT_PERCENT, buffer));
    default:
        return with_note(arena, value, rel_number_format(value->number, 0, 0, 0, buffer));
    }
}

const char *rel_value_text(rel_arena *arena, const rel_value *value, const rel_column *column,
                           bool whole)
{
    rel_type type = column->type;
    if (value->missing || value->is_text)
        return value->text;
    if (!value->present)
        return type == REL_TYPE_MONEY ? "€ -" : "";
    switch (type) {
    case REL_TYPE_YEAR:
        return rel_arena_printf(arena, "%lld", (long long)value->number);
    case REL_TYPE_MONEY:
    case REL_TYPE_COUNT:
    case REL_TYPE_DECIMAL:
    case REL_TYPE_PERCENT:
        return figure_text(arena, value, column, whole);
    case REL_TYPE_DATE: {
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
