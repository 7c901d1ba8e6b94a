#include "template/units.h"

#include <string.h>
#include <strings.h>

#include "core/number.h"

rel_row_unit rel_unit_of_row(const rel_dataset *dataset, const rel_row *row)
{
    int column = rel_dataset_column(dataset, "unita");
    if (column < 0)
        return REL_ROW_UNIT_COLUMN;
    const char *unit = rel_row_text(row, column);
    if (strcmp(unit, "€") == 0 || strcasecmp(unit, "euro") == 0)
        return REL_ROW_UNIT_EURO;
    if (strcmp(unit, "%") == 0)
        return REL_ROW_UNIT_PERCENT;
    if (strcasecmp(unit, "n.") == 0 || strcasecmp(unit, "n") == 0
        || strcasecmp(unit, "numero") == 0)
        return REL_ROW_UNIT_COUNT;
    return REL_ROW_UNIT_COLUMN;
}

/* Only decimal columns hold figures of several units; money, counts and
 * percentages say theirs by their type. */
static bool by_row(const rel_column *column, rel_row_unit unit)
{
    return unit != REL_ROW_UNIT_COLUMN && column->type == REL_TYPE_DECIMAL;
}

/* Decimals shown: the column's written ones, none for a whole count. */
static int shown(int64_t number, const rel_column *column, rel_row_unit unit)
{
    int scale = rel_type_scale(column->type);
    int decimals = column->decimals > scale ? scale : column->decimals;
    if (unit == REL_ROW_UNIT_COUNT) {
        int64_t one = 1;
        for (int i = 0; i < scale; i++)
            one *= 10;
        return number % one == 0 ? 0 : decimals;
    }
    return unit == REL_ROW_UNIT_EURO ? 2 : decimals;
}

static unsigned unit_flags(rel_row_unit unit)
{
    return unit == REL_ROW_UNIT_EURO ? REL_FMT_EURO : unit == REL_ROW_UNIT_PERCENT ? REL_FMT_PERCENT : 0;
}

const char *rel_unit_figure(rel_arena *arena, const rel_value *value, const rel_column *column,
                            rel_row_unit unit)
{
    if (!by_row(column, unit) || !value->present || value->missing || value->is_text)
        return NULL;
    char buffer[REL_NUMBER_FORMAT_MAX];
    const char *figure = rel_number_format(value->number, rel_type_scale(column->type),
                                           shown(value->number, column, unit), unit_flags(unit),
                                           buffer);
    if (value->note == NULL)
        return rel_arena_strdup(arena, figure);
    bool star = value->note[0] == '*';
    return rel_arena_printf(arena, "%s%s%s%s", figure, star ? "" : " (", value->note,
                            star ? "" : ")");
}

bool rel_unit_is_rate(const rel_column *column, rel_row_unit unit)
{
    return column->type == REL_TYPE_PERCENT || (by_row(column, unit) && unit == REL_ROW_UNIT_PERCENT);
}

const char *rel_unit_points(rel_arena *arena, int64_t difference, const rel_column *column)
{
    char buffer[REL_NUMBER_FORMAT_MAX];
    int scale = rel_type_scale(column->type);
    int decimals = column->decimals < 1 ? 1 : column->decimals > 2 ? 2 : column->decimals;
    return rel_arena_printf(arena, "%s p.p.", rel_number_format(difference, scale,
                                                                decimals > scale ? scale : decimals,
                                                                REL_FMT_PLUS, buffer));
}

const char *rel_unit_change(rel_arena *arena, int64_t difference, const rel_column *column,
                            rel_row_unit unit)
{
    if (!by_row(column, unit))
        return NULL;
    char buffer[REL_NUMBER_FORMAT_MAX];
    return rel_arena_strdup(arena, rel_number_format(difference, rel_type_scale(column->type),
                                                     shown(difference, column, unit),
                                                     unit_flags(unit) | REL_FMT_PLUS, buffer));
}
