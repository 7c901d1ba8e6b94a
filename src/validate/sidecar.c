#include "validate/sidecar.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/codes.h"
#include "core/suggest.h"
#include "validate/labels.h"

#define MAX_TOTALS 32
#define MAX_FOOTNOTES 16

typedef struct reader {
    const rel_csv_table *table;
    rel_arena *arena;
    rel_diags *diags;
    rel_sidecar *out;
    const char *totals[MAX_TOTALS];
    rel_footnote footnotes[MAX_FOOTNOTES];
    bool ok;
} reader;

static void invalid(reader *r, const rel_ini_entry *e, const char *expected)
{
    rel_diag_add(r->diags, REL_SEV_ERROR, REL_E_SIDECAR_VALUE, e->value_at,
                 "valore «%s» non valido per «%s»: atteso %s", e->value, e->key, expected);
    r->ok = false;
}

static int choose(reader *r, const rel_ini_entry *e, const char *const *choices,
                  const char *expected)
{
    for (int i = 0; choices[i]; i++)
        if (strcasecmp(e->value, choices[i]) == 0)
            return i;
    invalid(r, e, expected);
    return -1;
}

/* The header column labelled `label` (case, accents, blanks aside), or -1
 * after an error with the nearest label. */
static int column_named(reader *r, const char *label, rel_origin at)
{
    char wanted[128], candidate[128];
    rel_label_normalize(label, wanted, sizeof wanted);
    const char *labels[256];
    size_t n = 0;
    for (uint32_t c = 0; c < r->table->header.count; c++) {
        rel_label_normalize(r->table->header.cells[c].text, candidate, sizeof candidate);
        if (strcmp(wanted, candidate) == 0)
            return (int)c;
        if (n < 256)
            labels[n++] = r->table->header.cells[c].text;
    }
    const char *hint = rel_suggest(label, labels, n);
    rel_diag_add(r->diags, REL_SEV_ERROR, REL_E_SIDECAR_COLUMN, at,
                 "la tabella non ha la colonna «%s»%s%s%s", label,
                 hint ? ": forse «" : "", hint ? hint : "", hint ? "»?" : "");
    r->ok = false;
    return -1;
}

static bool number_value(reader *r, const rel_ini_entry *e, int low, int high, int *out)
{
    char *end;
    long value = strtol(e->value, &end, 10);
    if (end == e->value || *end != '\0' || value < low || value > high) {
        invalid(r, e, "un numero intero");
        return false;
    }
    *out = (int)value;
    return true;
}

/* "A.T.S. CR.SE; PROVINCIA" => two labels. */
static void read_totals(reader *r, const rel_ini_entry *e)
{
    const char *p = e->value;
    while (*p && r->out->total_count < MAX_TOTALS) {
        size_t len = strcspn(p, ";");
        const char *label = rel_arena_strndup(r->arena, p, len);
        char *trimmed = label ? (char *)label : NULL;
        while (trimmed && *trimmed == ' ')
            trimmed++;
        for (size_t n = trimmed ? strlen(trimmed) : 0; n > 0 && trimmed[n - 1] == ' '; n--)
            trimmed[n - 1] = '\0';
        if (trimmed && trimmed[0])
            r->totals[r->out->total_count++] = trimmed;
        p += len + (p[len] == ';');
    }
}

static void read_rounding(reader *r, const rel_ini_entry *e)
{
    if (strcasecmp(e->value, "esatto") == 0 || strcasecmp(e->value, "esatta") == 0)
        r->out->rounding = 0;
    else if (strcasecmp(e->value, "normale") == 0)
        r->out->rounding = -1;
    else if (!number_value(r, e, 1, 1000000, &r->out->rounding))
        r->out->rounding = -1;
}

static void unknown_key(reader *r, const rel_ini_entry *e, const char *const *keys)
{
    size_t n = 0;
    while (keys[n])
        n++;
    const char *hint = rel_suggest(e->key, keys, n);
    rel_diag_add(r->diags, REL_SEV_ERROR, REL_E_SIDECAR_KEY, e->key_at,
                 "chiave sconosciuta «%s» nella sezione [%s]%s%s%s (le chiavi sono in "
                 "docs/INPUT.md)", e->key, e->section, hint ? ": forse «" : "",
                 hint ? hint : "", hint ? "»?" : "");
    r->ok = false;
}

static void read_table_key(reader *r, const rel_ini_entry *e)
{
    static const char *const keys[] = {"titolo", "dopo", "ordine", "chiave", "gruppo", "anni",
                                       "totali", "totale", "arrotondamento", "grafico", "nota",
                                       "andamento", "variazione", NULL};
    static const char *const years[] = {"riconosciuti", "colonne", "righe", NULL};
    static const char *const charts[] = {"barre", "gruppi", "pile", "linee", "torta",
                                         "ciambella", "nessuno", NULL};
    static const char *const last[] = {"ultima riga", "ultima", NULL};
    static const char *const yes_no[] = {"sì", "si", "no", NULL};
    rel_sidecar *s = r->out;
    int k = 0;
    while (keys[k] && strcmp(keys[k], e->key) != 0)
        k++;
    int choice;
    switch (k) {
    case 0: s->title = e->value; break;
    case 1: s->meta.after = e->value; break;
    case 2: number_value(r, e, 0, 100000, &s->meta.order); break;
    case 3: s->key = column_named(r, e->value, e->value_at); break;
    case 4: s->group = column_named(r, e->value, e->value_at); break;
    case 5:
        choice = choose(r, e, years, "«colonne» o «righe»");
        s->years = choice < 0 ? 0 : choice;
        break;
    case 6: read_totals(r, e); break;
    case 7: s->last_row_total = choose(r, e, last, "«ultima riga»") >= 0; break;
    case 8: read_rounding(r, e); break;
    case 9:
        choice = choose(r, e, charts, "barre, gruppi, pile, linee, torta, ciambella o nessuno");
        s->meta.chart = choice < 0 ? NULL : charts[choice];
        break;
    case 10: s->meta.note = e->value; break;
    case 11:
        choice = choose(r, e, yes_no, "«sì» o «no»");
        s->change_row = choice >= 0 && choice < 2;
        s->change_row_at = e->value_at;
        break;
    case 12:
        if (number_value(r, e, 1900, 2200, &s->meta.change_from))
            s->meta.change_from_at = e->value_at;
        break;
    default: unknown_key(r, e, keys); break;
    }
}

static rel_sidecar_column *column_settings(reader *r, const char *label, rel_origin at)
{
    int column = column_named(r, label, at);
    if (column < 0)
        return NULL;
    for (size_t i = 0; i < r->out->column_count; i++)
        if (r->out->columns[i].column == (uint32_t)column)
            return &r->out->columns[i];
    rel_sidecar_column *c = &r->out->columns[r->out->column_count++];
    *c = (rel_sidecar_column){.column = (uint32_t)column};
    return c;
}

static void read_column_key(reader *r, const rel_ini_entry *e, const char *label)
{
    static const char *const keys[] = {"unita", "totale", NULL};
    static const char *const units[] = {"", "n.", "ore", "€", "%", "decimale", "testo",
                                        "data", "n", "euro", "indice", "rapporto", NULL};
    static const rel_sidecar_unit unit_of[] = {
        REL_UNIT_AS_WRITTEN, REL_UNIT_COUNT, REL_UNIT_HOURS, REL_UNIT_EURO, REL_UNIT_RATE,
        REL_UNIT_DECIMAL, REL_UNIT_TEXT, REL_UNIT_DATE, REL_UNIT_COUNT, REL_UNIT_EURO,
        REL_UNIT_DECIMAL, REL_UNIT_DECIMAL,
    };
    static const char *const sums[] = {"sì", "si", "no", NULL};
    rel_sidecar_column *c = column_settings(r, label, e->key_at);
    if (c == NULL)
        return;
    int choice;
    if (strcmp(e->key, "unita") == 0) {
        choice = choose(r, e, units, "n., ore, €, %, decimale, testo o data");
        c->unit = choice < 0 ? REL_UNIT_AS_WRITTEN : unit_of[choice];
    } else if (strcmp(e->key, "totale") == 0) {
        choice = choose(r, e, sums, "«sì» (è una somma) o «no»");
        c->not_summed = choice == 2;
    } else {
        unknown_key(r, e, keys);
    }
}

/* "1 = * Dato provvisorio": the mark is the value's first word. */
static void read_footnote(reader *r, const rel_ini_entry *e)
{
    const char *text = e->value;
    size_t len = strcspn(text, " ");
    if (len == 0 || text[len] == '\0' || r->out->meta.footnote_count == MAX_FOOTNOTES) {
        invalid(r, e, "il segno di richiamo seguito dal testo della nota (es. «* dato "
                      "provvisorio»)");
        return;
    }
    const char *mark = rel_arena_strndup(r->arena, text, len);
    if (mark && mark[0] == '(' && len == 3)
        mark = rel_arena_strndup(r->arena, text + 1, 1);   /* "(1)" is the mark "1" */
    r->footnotes[r->out->meta.footnote_count++] = (rel_footnote){mark, text + len + 1};
}

static void read_entry(reader *r, const rel_ini_entry *e)
{
    if (strcmp(e->section, "tabella") == 0) {
        read_table_key(r, e);
    } else if (strncmp(e->section, "colonna ", 8) == 0) {
        read_column_key(r, e, e->section + 8);
    } else if (strcmp(e->section, "note") == 0) {
        read_footnote(r, e);
    } else {
        rel_diag_add(r->diags, REL_SEV_ERROR, REL_E_SIDECAR_KEY, e->key_at,
                     "sezione sconosciuta [%s]: le sezioni sono [tabella], [colonna NOME] e "
                     "[note]", e->section);
        r->ok = false;
    }
}

void rel_sidecar_default(rel_sidecar *sidecar)
{
    *sidecar = (rel_sidecar){.key = -1, .group = -1, .rounding = -1};
}

bool rel_sidecar_read(const rel_ini *ini, const rel_csv_table *table, rel_arena *arena,
                      rel_diags *diags, rel_sidecar *sidecar)
{
    rel_sidecar_default(sidecar);
    sidecar->meta.path = ini->path;
    reader r = {.table = table, .arena = arena, .diags = diags, .out = sidecar, .ok = true};
    sidecar->columns = rel_arena_array(arena, table->header.count + 1, sizeof *sidecar->columns);
    if (sidecar->columns == NULL)
        return false;
    for (size_t i = 0; i < ini->count; i++)
        read_entry(&r, &ini->entries[i]);
    const char **totals = rel_arena_array(arena, sidecar->total_count + 1, sizeof *totals);
    rel_footnote *notes = rel_arena_array(arena, sidecar->meta.footnote_count + 1,
                                          sizeof *notes);
    if (totals == NULL || notes == NULL)
        return false;
    memcpy(totals, r.totals, sidecar->total_count * sizeof *totals);
    memcpy(notes, r.footnotes, sidecar->meta.footnote_count * sizeof *notes);
    sidecar->totals = totals;
    sidecar->meta.footnotes = notes;
    return r.ok;
}

const rel_sidecar_column *rel_sidecar_column_of(const rel_sidecar *sidecar, uint32_t column)
{
    for (size_t i = 0; i < sidecar->column_count; i++)
        if (sidecar->columns[i].column == column)
            return &sidecar->columns[i];
    return NULL;
}
