#include "validate/metadata.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "core/codes.h"
#include "core/suggest.h"
#include "validate/cells.h"

typedef enum field_type {
    FIELD_TEXT, FIELD_YEAR, FIELD_BOOL, FIELD_DATE, FIELD_MONEY, FIELD_PERCENT, FIELD_TEMPLATE,
    FIELD_SEPARATOR,
} field_type;

typedef struct field_spec {
    const char *name;       /* "sezione.chiave" */
    field_type type;
    bool required;
    size_t offset;          /* of the rel_string, int or bool in rel_entity */
} field_spec;

#define TEXT(name, required, member) {name, FIELD_TEXT, required, offsetof(rel_entity, member)}

static const field_spec fields[] = {
    TEXT("ente.nome", true, name),
    TEXT("ente.forma_giuridica", true, legal_form),
    TEXT("ente.sede", false, seat),
    TEXT("ente.codice_fiscale", false, tax_code),
    {"ente.cooperativa", FIELD_BOOL, false, offsetof(rel_entity, cooperative)},
    {"esercizio.anno", FIELD_YEAR, true, offsetof(rel_entity, year)},
    {"esercizio.data_approvazione", FIELD_DATE, false, offsetof(rel_entity, approval)},
    TEXT("firmatari.presidente", false, president),
    TEXT("firmatari.direttore", false, director),
    {"opzioni.bozza", FIELD_BOOL, false, offsetof(rel_entity, draft)},
    {"opzioni.modello", FIELD_TEMPLATE, false, offsetof(rel_entity, template_kind)},
    {"opzioni.soglia_scostamento", FIELD_MONEY, false, offsetof(rel_entity, variance_threshold)},
    {"opzioni.soglia_scostamento_percentuale", FIELD_PERCENT, false,
     offsetof(rel_entity, variance_threshold_pct)},
    {"opzioni.separatore", FIELD_SEPARATOR, false, offsetof(rel_entity, separator)},
};

#define FIELD_COUNT (sizeof fields / sizeof fields[0])

static const field_spec *find_field(const char *name)
{
    for (size_t i = 0; i < FIELD_COUNT; i++)
        if (strcmp(fields[i].name, name) == 0)
            return &fields[i];
    return NULL;
}

static void report_unknown(const rel_ini_entry *entry, const char *name, rel_diags *diags)
{
    const char *names[FIELD_COUNT];
    for (size_t i = 0; i < FIELD_COUNT; i++)
        names[i] = fields[i].name;
    const char *hint = rel_suggest(name, names, FIELD_COUNT);
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_UNKNOWN, entry->key_at,
                 "chiave sconosciuta «%s»%s%s%s", name, hint ? " (forse «" : "",
                 hint ? hint : "", hint ? "»?)" : "");
}

static bool parse_year(const rel_ini_entry *entry, int *year, rel_diags *diags)
{
    const char *v = entry->value;
    bool digits = strlen(v) == 4;
    for (size_t i = 0; digits && i < 4; i++)
        digits = v[i] >= '0' && v[i] <= '9';
    int value = digits ? (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0') : 0;
    if (value < 1900 || value > 2199) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_VALUE, entry->value_at,
                     "anno non valido «%s»: atteso un anno di quattro cifre (es. 2024)", v);
        return false;
    }
    *year = value;
    return true;
}

static bool parse_bool(const rel_ini_entry *entry, bool *flag, rel_diags *diags)
{
    static const char *const yes[] = {"sì", "si", "vero", "1", "true"};
    static const char *const no[] = {"no", "falso", "0", "false"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (strcasecmp(entry->value, yes[i]) == 0 || strcmp(entry->value, "Sì") == 0) {
            *flag = true;
            return true;
        }
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (strcasecmp(entry->value, no[i]) == 0) {
            *flag = false;
            return true;
        }
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_VALUE, entry->value_at,
                 "valore «%s» non valido: atteso «sì» oppure «no»", entry->value);
    return false;
}

/* Types the value with the same rules as a CSV cell, so a date or an
 * amount is written the same way everywhere. */
static bool typed_value(const rel_ini_entry *entry, const char *name, rel_type type,
                        rel_diags *diags, rel_value *value)
{
    rel_cell cell = {entry->value, (uint32_t)strlen(entry->value), entry->value_at.line,
                     entry->value_at.col};
    rel_cell_rule rule = {name, type, 0, NULL, 0};
    if (!rel_cell_value(&cell, entry->value_at.file, &rule, diags, value))
        return false;
    if (!value->present) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_VALUE, entry->value_at,
                     "«%s» è vuoto: atteso un valore (%s)", name, rel_type_name(type));
        return false;
    }
    return true;
}

/* Picks `value` among `choices` (NULL-terminated); its index in *index. */
static bool choose(const rel_ini_entry *entry, const char *name, const char *const *choices,
                   const char *expected, rel_diags *diags, int *index)
{
    for (int i = 0; choices[i]; i++)
        if (strcasecmp(entry->value, choices[i]) == 0) {
            *index = i;
            return true;
        }
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_VALUE, entry->value_at,
                 "valore «%s» non valido per «%s»: atteso %s", entry->value, name, expected);
    return false;
}

static bool assign_typed(const field_spec *field, const rel_ini_entry *entry, void *target,
                         rel_diags *diags)
{
    static const char *const templates[] = {"gestione", "consuntivo", NULL};
    static const char *const separators[] = {";", ",", "tab", NULL};
    static const char separator_chars[] = {';', ',', '\t'};
    rel_value value;
    int index;
    switch (field->type) {
    case FIELD_DATE:
        if (!typed_value(entry, field->name, REL_TYPE_DATE, diags, &value))
            return false;
        *(rel_date *)target = value.date;
        return true;
    case FIELD_MONEY:
        if (!typed_value(entry, field->name, REL_TYPE_MONEY, diags, &value))
            return false;
        *(rel_amount *)target = (rel_amount){value.number, true, entry->value_at};
        return true;
    case FIELD_PERCENT:
        if (!typed_value(entry, field->name, REL_TYPE_PERCENT, diags, &value))
            return false;
        *(int64_t *)target = value.number;
        return true;
    case FIELD_TEMPLATE:
        if (!choose(entry, field->name, templates, "«gestione» o «consuntivo»", diags, &index))
            return false;
        *(rel_template_kind *)target = (rel_template_kind)index;
        return true;
    case FIELD_SEPARATOR:
        if (!choose(entry, field->name, separators, "«;», «,» oppure «tab»", diags, &index))
            return false;
        *(char *)target = separator_chars[index];
        return true;
    default:
        return false;
    }
}

static bool assign(const field_spec *field, const rel_ini_entry *entry, rel_entity *entity,
                   rel_diags *diags)
{
    char *target = (char *)entity + field->offset;
    switch (field->type) {
    case FIELD_TEXT:
        *(rel_string *)target = (rel_string){entry->value, entry->value_at};
        if (field->required && entry->value[0] == '\0') {
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_VALUE, entry->value_at,
                         "«%s» non può essere vuoto", field->name);
            return false;
        }
        return true;
    case FIELD_YEAR:
        entity->year_at = entry->value_at;
        return parse_year(entry, (int *)target, diags);
    case FIELD_BOOL:
        return parse_bool(entry, (bool *)target, diags);
    default:
        return assign_typed(field, entry, target, diags);
    }
}

static void set_defaults(const rel_ini *ini, rel_entity *entity)
{
    memset(entity, 0, sizeof *entity);
    for (size_t i = 0; i < FIELD_COUNT; i++)
        if (fields[i].type == FIELD_TEXT)
            *(rel_string *)((char *)entity + fields[i].offset) =
                (rel_string){"", (rel_origin){ini->path, 0, 0}};
}

bool rel_metadata_validate(const rel_ini *ini, rel_arena *arena, rel_diags *diags,
                           rel_entity *entity)
{
    set_defaults(ini, entity);
    const rel_ini_entry *seen[FIELD_COUNT] = {0};
    bool ok = true;
    for (size_t i = 0; i < ini->count; i++) {
        const rel_ini_entry *entry = &ini->entries[i];
        const char *name = rel_arena_printf(arena, "%s.%s", entry->section, entry->key);
        const field_spec *field = name ? find_field(name) : NULL;
        if (field == NULL) {
            report_unknown(entry, name ? name : entry->key, diags);
            ok = false;
            continue;
        }
        size_t index = (size_t)(field - fields);
        if (seen[index] != NULL) {
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_DUPLICATE, entry->key_at,
                         "«%s» è già indicato alla riga %u", name, seen[index]->key_at.line);
            ok = false;
            continue;
        }
        seen[index] = entry;
        ok = assign(field, entry, entity, diags) && ok;
    }
    for (size_t i = 0; i < FIELD_COUNT; i++) {
        if (fields[i].required && seen[i] == NULL) {
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_MISSING, (rel_origin){ini->path, 0, 0},
                         "manca la chiave obbligatoria «%s»", fields[i].name);
            ok = false;
        }
    }
    return ok;
}
