/* Fuzz target: the CSV loader, as load_model.c drives it.
 *
 * The bytes are decoded (load/encoding.h) and parsed by rel_csv_parse with
 * separator detection and the default limits, then typed: against the known
 * schema whose columns the header names most (rel_dataset_validate) and by
 * inference (rel_dataset_infer, the tabelle/ path). The same text is parsed
 * again with each forced separator and tiny limits, to reach the limit
 * errors with small inputs.
 *
 * Properties: false if and only if an error was added; every kept row has
 * the header's width; every diagnostic points inside the text; a validated
 * dataset passes rel_dataset_check. */
#include <stdbool.h>

#include "fuzz.h"
#include "load/csv_reader.h"
#include "load/encoding.h"
#include "model/dataset.h"
#include "validate/dataset.h"
#include "validate/infer.h"
#include "validate/schema.h"

#define PATH "fuzz.csv"
#define FISCAL_YEAR 2024

static void check_table(const rel_csv_table *table, bool ok, const rel_diags *diags,
                        size_t first)
{
    REL_FUZZ_CHECK(ok == (rel_fuzz_errors_since(diags, first) == 0));
    if (!ok)
        return;
    REL_FUZZ_CHECK(table->separator == ';' || table->separator == ',' || table->separator == '\t');
    for (size_t r = 0; r < table->row_count; r++) {
        const rel_csv_row *row = &table->rows[r];
        REL_FUZZ_CHECK(row->count == table->header.count);
        for (uint32_t c = 0; c < row->count; c++) {
            const rel_cell *cell = &row->cells[c];
            REL_FUZZ_CHECK(cell->text != NULL && strlen(cell->text) <= cell->len);
            REL_FUZZ_CHECK(cell->line >= 1 && cell->col >= 1);
        }
    }
}

/* The known schema most of whose columns the header names, or NULL. */
static const rel_schema *likely_schema(const rel_csv_table *table)
{
    const rel_schema *best = NULL;
    size_t best_hits = 0;
    for (size_t s = 0; s < rel_schema_count; s++) {
        size_t hits = 0;
        for (size_t c = 0; c < rel_schemas[s]->column_count; c++)
            hits += rel_csv_column(table, rel_schemas[s]->columns[c].name) >= 0;
        if (hits > best_hits) {
            best = rel_schemas[s];
            best_hits = hits;
        }
    }
    return best;
}

static void check_dataset(const rel_dataset *dataset, bool ok, const rel_diags *diags,
                          size_t first)
{
    if (ok) {
        REL_FUZZ_CHECK(rel_fuzz_errors_since(diags, first) == 0);
        REL_FUZZ_CHECK(rel_dataset_check(dataset));
    } else {
        REL_FUZZ_CHECK(rel_fuzz_errors_since(diags, first) > 0);
    }
}

static void type_table(const rel_csv_table *table, const rel_text *text, rel_arena *arena,
                       rel_diags *diags)
{
    const rel_schema *schema = likely_schema(table);
    if (schema != NULL) {
        size_t first = diags->count;
        rel_dataset dataset;
        bool ok = rel_dataset_validate(table, schema, FISCAL_YEAR, arena, diags, &dataset);
        check_dataset(&dataset, ok, diags, first);
        rel_fuzz_check_origins(diags, first, PATH, text->data, text->len, false);
    }
    size_t first = diags->count;
    rel_dataset dataset;
    bool ok = rel_dataset_infer(table, "tabella", arena, diags, &dataset);
    check_dataset(&dataset, ok, diags, first);
    rel_fuzz_check_origins(diags, first, PATH, text->data, text->len, false);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rel_arena arena;
    rel_diags diags;
    rel_arena_init(&arena);
    rel_diags_init(&diags, &arena);

    rel_text text;
    if (rel_encoding_decode((const char *)data, size, PATH, &arena, &diags, &text)) {
        size_t first = diags.count;
        rel_csv_table table;
        bool ok = rel_csv_parse(&text, PATH, 0, &rel_csv_default_limits, &arena, &diags, &table);
        check_table(&table, ok, &diags, first);
        rel_fuzz_check_origins(&diags, first, PATH, text.data, text.len, false);
        if (ok)
            type_table(&table, &text, &arena, &diags);

        static const rel_csv_limits tiny = {.max_field_bytes = 8, .max_rows = 4,
                                            .max_columns = 3};
        static const char separators[] = {';', ',', '\t'};
        for (size_t i = 0; i < sizeof separators; i++) {
            first = diags.count;
            ok = rel_csv_parse(&text, PATH, separators[i], &tiny, &arena, &diags, &table);
            check_table(&table, ok, &diags, first);
            rel_fuzz_check_origins(&diags, first, PATH, text.data, text.len, false);
            if (ok)
                REL_FUZZ_CHECK(table.row_count <= tiny.max_rows && table.header.count <= 3);
        }
    }
    rel_diags_free(&diags);
    rel_arena_free(&arena);
    return 0;
}
