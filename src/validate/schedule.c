#include "validate/schedule.h"

#include <string.h>
#include <strings.h>

#include "core/codes.h"
#include "validate/cells.h"
#include "validate/columns.h"

enum { COL_AREA, COL_AZIONE, COL_VOCE, COL_DESCRIZIONE, COL_PREVENTIVO, COL_CONSUNTIVO, COL_COUNT };

static const rel_column_spec columns[COL_COUNT] = {
    [COL_AREA] = {"area", true},
    [COL_AZIONE] = {"azione", false},
    [COL_VOCE] = {"voce", true},
    [COL_DESCRIZIONE] = {"descrizione", false},
    [COL_PREVENTIVO] = {"preventivo", true},
    [COL_CONSUNTIVO] = {"consuntivo", true},
};

static const rel_cell empty_cell = {"", 0, 0, 0};

static const rel_cell *cell_at(const rel_csv_row *row, int index)
{
    return index >= 0 ? &row->cells[index] : &empty_cell;
}

static bool is_total_label(const char *voce)
{
    return strncasecmp(voce, "totale", 6) == 0
           && (voce[6] == '\0' || voce[6] == ' ' || voce[6] == ':');
}

static bool type_row(const rel_csv_table *table, const rel_csv_row *row, const int *index,
                     rel_diags *diags, rel_schedule_line *line)
{
    const char *path = table->path;
    line->area = rel_cell_string(cell_at(row, index[COL_AREA]), path);
    line->azione = rel_cell_string(cell_at(row, index[COL_AZIONE]), path);
    line->voce = rel_cell_string(cell_at(row, index[COL_VOCE]), path);
    line->descrizione = rel_cell_string(cell_at(row, index[COL_DESCRIZIONE]), path);

    bool ok = rel_cell_amount(cell_at(row, index[COL_PREVENTIVO]), path, "preventivo", diags,
                              &line->preventivo);
    ok = rel_cell_amount(cell_at(row, index[COL_CONSUNTIVO]), path, "consuntivo", diags,
                         &line->consuntivo) && ok;

    if (is_total_label(line->voce.text))
        line->kind = line->azione.text[0] ? REL_LINE_TOTAL_AZIONE : REL_LINE_TOTAL_AREA;
    else
        line->kind = REL_LINE_ITEM;

    const char *missing = line->area.text[0] == '\0' ? "area"
                          : line->voce.text[0] == '\0' ? "voce" : NULL;
    if (missing != NULL) {
        const rel_cell *cell = cell_at(row, index[missing[0] == 'a' ? COL_AREA : COL_VOCE]);
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_VALUE_REQUIRED,
                     (rel_origin){path, cell->line, cell->col},
                     "la colonna «%s» è vuota: ogni riga delle schede appartiene a un'area "
                     "e ha una voce", missing);
        ok = false;
    }
    return ok;
}

bool rel_schedule_validate(const rel_csv_table *table, rel_arena *arena, rel_diags *diags,
                           rel_schedule *schedule)
{
    memset(schedule, 0, sizeof *schedule);
    schedule->path = table->path;
    int index[COL_COUNT];
    if (!rel_columns_bind(table, columns, COL_COUNT, diags, index))
        return false;
    if (table->row_count == 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_CSV_EMPTY, (rel_origin){table->path, 0, 0},
                     "le schede non hanno righe: attesa almeno una voce dopo l'intestazione");
        return false;
    }
    schedule->lines = rel_arena_array(arena, table->row_count, sizeof *schedule->lines);
    if (schedule->lines == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){table->path, 0, 0},
                     "memoria esaurita");
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < table->row_count; i++)
        ok = type_row(table, &table->rows[i], index, diags, &schedule->lines[i]) && ok;
    schedule->count = table->row_count;
    return ok;
}
