/* R016: the two breakdowns of the staff (by contract, by hours) count the
 * same people, on every role and on its TOTALE: each equals the `totale`
 * column when there is one, else each other; the cross split adds up to
 * the contract it splits. Head counts are exact. */
#include <string.h>

#include "core/codes.h"
#include "reconcile/checks.h"

typedef struct sum {
    int64_t value;
    size_t parts;        /* columns typed (not derived) that it adds */
    rel_origin at;       /* the first of them */
} sum;

static sum add(const rel_dataset *d, const rel_row *row, const char *const *names)
{
    sum s = {0, 0, {NULL, 0, 0}};
    for (size_t i = 0; names[i]; i++) {
        int c = rel_dataset_column(d, names[i]);
        if (c < 0 || d->columns[c].computed)
            continue;
        const rel_value *v = &row->values[c];
        s.value += v->present ? v->number : 0;
        if (s.parts++ == 0)
            s.at = v->at;
    }
    return s;
}

static const char *row_name(const rel_dataset *d, const rel_row *row)
{
    int c = rel_dataset_column(d, "ruolo");
    return c >= 0 ? row->values[c].text : "";
}

static void compare(rel_findings *findings, const rel_dataset *d, const rel_row *row, sum a,
                    const char *a_name, sum b, const char *b_name)
{
    if (a.parts == 0 || b.parts == 0)
        return;
    rel_figure declared = {a.value, a.at, rel_arena_printf(findings->arena, "%s", a_name)};
    rel_figure expected = {b.value, b.at, rel_arena_printf(findings->arena, "%s", b_name)};
    rel_findings_check(findings, REL_R_STAFF, 0, false, declared, expected, 0, 0,
                       "Personale «%s»: %s = %s", row_name(d, row), a_name, b_name);
}

static void check_row(const rel_dataset *d, const rel_row *row, rel_findings *findings)
{
    static const char *const contract[] = {"indeterminato", "determinato", "collaboratori",
                                           "comando", NULL};
    static const char *const hours[] = {"tempo_pieno", "part_time", NULL};
    static const char *const total[] = {"totale", NULL};
    static const char *const open_ended[] = {"indeterminato", NULL};
    static const char *const open_split[] = {"indeterminato_tempo_pieno",
                                             "indeterminato_part_time", NULL};
    static const char *const fixed[] = {"determinato", NULL};
    static const char *const fixed_split[] = {"determinato_tempo_pieno", "determinato_part_time",
                                              NULL};
    sum by_contract = add(d, row, contract), by_hours = add(d, row, hours);
    sum typed_total = add(d, row, total);
    if (typed_total.parts) {
        compare(findings, d, row, by_contract, "per contratto", typed_total, "totale");
        compare(findings, d, row, by_hours, "per orario", typed_total, "totale");
    } else {
        compare(findings, d, row, by_contract, "per contratto", by_hours, "per orario");
    }
    sum split = add(d, row, open_split), whole = add(d, row, open_ended);
    if (split.parts == 2)
        compare(findings, d, row, split, "indeterminato a tempo pieno e part time", whole,
                "indeterminato");
    split = add(d, row, fixed_split);
    whole = add(d, row, fixed);
    if (split.parts == 2)
        compare(findings, d, row, split, "determinato a tempo pieno e part time", whole,
                "determinato");
}

void rel_check_staff(const rel_model *model, rel_findings *findings)
{
    const rel_dataset *d = rel_model_dataset(model, "personale");
    for (size_t r = 0; d && r < d->row_count; r++)
        if (d->rows[r].kind == REL_ROW_ITEM || d->rows[r].kind == REL_ROW_TOTAL)
            check_row(d, &d->rows[r], findings);
}
