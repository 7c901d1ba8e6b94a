#include "validate/metadata.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "core/codes.h"
#include "core/suggest.h"
#include "validate/cells.h"

#define TEXT(name, required, member, example, help) \
    {name, REL_META_TEXT, required, offsetof(rel_entity, member), example, help}
#define TYPED(name, type, member, example, help) \
    {name, REL_META_##type, false, offsetof(rel_entity, member), example, help}

const rel_metadata_key rel_metadata_keys[] = {
    TEXT("ente.nome", true, name, "Azienda Speciale Consortile «Nome dell'ente»",
         "denominazione completa, come nello statuto"),
    TEXT("ente.forma_giuridica", true, legal_form, "Azienda speciale consortile",
         "forma giuridica"),
    TEXT("ente.sede", false, seat, "Via Roma 1, 20900 Monza (MB)", "sede legale"),
    TEXT("ente.codice_fiscale", false, tax_code, "01234567890", "codice fiscale o partita IVA"),
    TYPED("ente.cooperativa", BOOL, cooperative, "no",
          "sì per una cooperativa: la relazione tratta anche l'art. 2545 c.c."),
    {"esercizio.anno", REL_META_YEAR, true, offsetof(rel_entity, year), "{anno}",
     "l'esercizio della relazione"},
    TYPED("esercizio.primo_esercizio", BOOL, first_year, "no",
          "sì se è il primo esercizio dell'ente: nessuna colonna dell'anno precedente, nessun "
          "confronto"),
    TYPED("esercizio.data_approvazione", DATE, approval, "31/03/{anno+1}",
          "data di approvazione del progetto di bilancio da parte del CdA (gg/mm/aaaa)"),
    TEXT("firmatari.presidente", false, president, "Nome Cognome", "nome del Presidente"),
    TEXT("firmatari.direttore", false, director, "Nome Cognome", "nome del Direttore"),
    TYPED("opzioni.bozza", BOOL, draft, "no",
          "sì: compila anche con dati che non quadrano e stampa BOZZA su ogni pagina"),
    TYPED("opzioni.modello", TEMPLATE, template_kind, "gestione",
          "«gestione» (art. 2428 c.c.) oppure «consuntivo» (relazione consuntivo)"),
    TYPED("opzioni.soglia_scostamento", MONEY, variance_threshold, "€ 10.000,00",
          "uno scostamento va motivato nelle schede se supera questa cifra e insieme la "
          "percentuale qui sotto (una sola soglia indicata: quella sola)"),
    TYPED("opzioni.soglia_scostamento_percentuale", PERCENT, variance_threshold_pct, "10%",
          "percentuale dello scostamento sul preventivo oltre la quale, insieme alla cifra, "
          "va motivato"),
    TYPED("opzioni.separatore", SEPARATOR, separator, "",
          "separatore dei CSV: «;», «,» oppure «tab»; vuoto = riconosciuto da sé"),
    TEXT("schede.livelli", false, schedule_levels, "area, azione",
         "i livelli delle schede sopra la voce, dall'alto, come colonne di schede.csv "
         "(es. area, servizio, azione)"),
};

const size_t rel_metadata_key_count = sizeof rel_metadata_keys / sizeof rel_metadata_keys[0];

#define KEY_COUNT (sizeof rel_metadata_keys / sizeof rel_metadata_keys[0])

static const rel_metadata_key *find_field(const char *name)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (strcmp(rel_metadata_keys[i].name, name) == 0)
            return &rel_metadata_keys[i];
    return NULL;
}

static void report_unknown(const rel_ini_entry *entry, const char *name, rel_diags *diags)
{
    const char *names[KEY_COUNT];
    for (size_t i = 0; i < KEY_COUNT; i++)
        names[i] = rel_metadata_keys[i].name;
    const char *hint = rel_suggest(name, names, KEY_COUNT);
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

static bool assign_typed(const rel_metadata_key *field, const rel_ini_entry *entry, void *target,
                         rel_diags *diags)
{
    static const char *const templates[] = {"gestione", "consuntivo", NULL};
    static const char *const separators[] = {";", ",", "tab", NULL};
    static const char separator_chars[] = {';', ',', '\t'};
    rel_value value;
    int index;
    switch (field->type) {
    case REL_META_DATE:
        if (!typed_value(entry, field->name, REL_TYPE_DATE, diags, &value))
            return false;
        *(rel_date *)target = value.date;
        return true;
    case REL_META_MONEY:
        if (!typed_value(entry, field->name, REL_TYPE_MONEY, diags, &value))
            return false;
        *(rel_amount *)target = (rel_amount){value.number, true, entry->value_at};
        return true;
    case REL_META_PERCENT:
        if (!typed_value(entry, field->name, REL_TYPE_PERCENT, diags, &value))
            return false;
        *(int64_t *)target = value.number;
        return true;
    case REL_META_TEMPLATE:
        if (!choose(entry, field->name, templates, "«gestione» o «consuntivo»", diags, &index))
            return false;
        *(rel_template_kind *)target = (rel_template_kind)index;
        return true;
    case REL_META_SEPARATOR:
        if (!choose(entry, field->name, separators, "«;», «,» oppure «tab»", diags, &index))
            return false;
        *(char *)target = separator_chars[index];
        return true;
    default:
        return false;
    }
}

static bool assign(const rel_metadata_key *field, const rel_ini_entry *entry, rel_entity *entity,
                   rel_diags *diags)
{
    char *target = (char *)entity + field->offset;
    switch (field->type) {
    case REL_META_TEXT:
        *(rel_string *)target = (rel_string){entry->value, entry->value_at};
        if (field->required && entry->value[0] == '\0') {
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_VALUE, entry->value_at,
                         "«%s» non può essere vuoto", field->name);
            return false;
        }
        return true;
    case REL_META_YEAR:
        entity->year_at = entry->value_at;
        return parse_year(entry, (int *)target, diags);
    case REL_META_BOOL:
        return parse_bool(entry, (bool *)target, diags);
    default:
        return assign_typed(field, entry, target, diags);
    }
}

static void set_defaults(const rel_ini *ini, rel_entity *entity)
{
    memset(entity, 0, sizeof *entity);
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (rel_metadata_keys[i].type == REL_META_TEXT)
            *(rel_string *)((char *)entity + rel_metadata_keys[i].offset) =
                (rel_string){"", (rel_origin){ini->path, 0, 0}};
}

bool rel_metadata_validate(const rel_ini *ini, rel_arena *arena, rel_diags *diags,
                           rel_entity *entity)
{
    set_defaults(ini, entity);
    const rel_ini_entry *seen[KEY_COUNT] = {0};
    bool ok = true;
    for (size_t i = 0; i < ini->count; i++) {
        const rel_ini_entry *entry = &ini->entries[i];
        const char *name = rel_arena_printf(arena, "%s.%s", entry->section, entry->key);
        const rel_metadata_key *field = name ? find_field(name) : NULL;
        if (field == NULL) {
            report_unknown(entry, name ? name : entry->key, diags);
            ok = false;
            continue;
        }
        size_t index = (size_t)(field - rel_metadata_keys);
        if (seen[index] != NULL) {
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_DUPLICATE, entry->key_at,
                         "«%s» è già indicato alla riga %u", name, seen[index]->key_at.line);
            ok = false;
            continue;
        }
        seen[index] = entry;
        ok = assign(field, entry, entity, diags) && ok;
    }
    for (size_t i = 0; i < KEY_COUNT; i++) {
        if (rel_metadata_keys[i].required && seen[i] == NULL) {
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_META_MISSING, (rel_origin){ini->path, 0, 0},
                         "manca la chiave obbligatoria «%s»", rel_metadata_keys[i].name);
            ok = false;
        }
    }
    return ok;
}
