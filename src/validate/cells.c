#include "validate/cells.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "core/codes.h"
#include "core/number.h"
#include "core/suggest.h"
#include "validate/marks.h"
#include "validate/schema.h"

static rel_num_spec number_spec(rel_type type)
{
    switch (type) {
    case REL_TYPE_MONEY:
        return (rel_num_spec){2, REL_NUM_CURRENCY | REL_NUM_DASH_ZERO};
    case REL_TYPE_DECIMAL:
        /* indicators: "€ 45,32", "12,5%" or "4,63"; the unit says which */
        return (rel_num_spec){rel_type_scale(type), REL_NUM_CURRENCY | REL_NUM_PERCENT};
    case REL_TYPE_PERCENT:
        return (rel_num_spec){2, REL_NUM_PERCENT};
    default:
        return (rel_num_spec){0, 0};
    }
}

static bool has_digit(const char *text)
{
    return strpbrk(text, "0123456789") != NULL;
}

/* A letter typed for a digit beside digits: "3O", "1l5", "2.O00". */
static bool letter_for_digit(const char *text)
{
    for (const char *p = text; *p; p++) {
        bool letter = *p == 'O' || *p == 'o' || *p == 'l' || *p == 'I';
        bool beside = (p > text && (isdigit((unsigned char)p[-1]) || p[-1] == '.'))
                      || isdigit((unsigned char)p[1]);
        if (letter && beside)
            return true;
    }
    return false;
}

static bool parse_number(const rel_cell *cell, const rel_cell_rule *rule, rel_diags *diags,
                         rel_value *value)
{
    rel_num_spec spec = number_spec(rule->type);
    rel_num_error error;
    bool money = rule->type == REL_TYPE_MONEY;
    bool accounting_zero = money && (strcmp(cell->text, "-") == 0);
    if (!accounting_zero && rel_mark_missing(cell->text)) {
        value->present = false;
        value->missing = true;
        return true;
    }
    const char *mark;
    size_t len = rel_mark_footnote(cell->text, cell->len, &mark);
    if (rel_number_parse(cell->text, len, &spec, &value->number, &error)) {
        value->note = mark;
        return true;
    }
    if ((rule->flags & REL_COL_WORDS_AMOUNT) && rel_mark_words(cell->text)) {
        value->present = false;   /* "Partner senza portafoglio": kept, printed, not a figure */
        value->is_text = true;
        return true;
    }
    rel_diag_add(diags, REL_SEV_ERROR, money ? REL_E_VALUE_MONEY : REL_E_VALUE_NUMBER, value->at,
                 "%s non valido «%s» nella colonna «%s»: %s%s", money ? "importo" : "numero",
                 cell->text, rule->column, rel_number_status_text(error.status),
                 letter_for_digit(cell->text) ? " (una lettera al posto di una cifra?)" : "");
    return false;
}

static bool parse_date(const rel_cell *cell, const rel_cell_rule *rule, rel_diags *diags,
                       rel_value *value)
{
    unsigned flags = (rule->flags & REL_COL_MONTH) ? REL_DATE_ALLOW_MONTH : 0;
    rel_date_error error;
    if (!rel_date_parse(cell->text, cell->len, flags, &value->date, &error)) {
        if ((rule->flags & REL_COL_WORDS) && !has_digit(cell->text)) {
            value->present = false;
            value->is_text = !rel_mark_missing(cell->text);   /* "in continuità" */
            value->missing = !value->is_text;                  /* "-", "n.d." */
            return true;
        }
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_VALUE_DATE, value->at,
                     "data non valida «%s» nella colonna «%s»: %s", cell->text, rule->column,
                     rel_date_status_text(error.status));
        return false;
    }
    if ((rule->flags & REL_COL_IN_YEAR) && rule->fiscal_year > 0
        && value->date.year != rule->fiscal_year) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_DATE_OUTSIDE, value->at,
                     "la data %s nella colonna «%s» è fuori dall'esercizio %d", cell->text,
                     rule->column, rule->fiscal_year);
        return false;
    }
    return true;
}

static bool parse_outcome(const rel_cell *cell, const rel_cell_rule *rule, rel_diags *diags,
                          rel_value *value)
{
    static const struct { const char *word; rel_outcome outcome; } words[] = {
        {"si", REL_OUTCOME_SI}, {"sì", REL_OUTCOME_SI}, {"SÌ", REL_OUTCOME_SI},
        {"Sì", REL_OUTCOME_SI}, {"raggiunto", REL_OUTCOME_SI}, {"no", REL_OUTCOME_NO},
        {"non raggiunto", REL_OUTCOME_NO}, {"parzialmente", REL_OUTCOME_PARZIALE},
        {"parziale", REL_OUTCOME_PARZIALE}, {"in corso", REL_OUTCOME_PARZIALE},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strcasecmp(cell->text, words[i].word) == 0) {
            value->number = words[i].outcome;
            return true;
        }
    }
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_VALUE_OUTCOME, value->at,
                 "esito non valido «%s» nella colonna «%s»: atteso SI, NO, PARZIALMENTE "
                 "(o «In corso»)", cell->text, rule->column);
    return false;
}

static bool parse_year(const rel_cell *cell, const rel_cell_rule *rule, rel_diags *diags,
                       rel_value *value)
{
    rel_num_spec spec = {0, 0};
    rel_num_error error;
    if (cell->len == 4 && rel_number_parse(cell->text, cell->len, &spec, &value->number, &error)
        && value->number >= 1900 && value->number <= 2199)
        return true;
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_VALUE_NUMBER, value->at,
                 "anno non valido «%s» nella colonna «%s»: atteso un anno di quattro cifre",
                 cell->text, rule->column);
    return false;
}

static bool parse_code(const rel_cell *cell, const rel_cell_rule *rule, rel_diags *diags,
                       rel_value *value)
{
    size_t count = 0;
    for (; rule->codes[count]; count++)
        if (strcasecmp(cell->text, rule->codes[count]) == 0) {
            value->text = rule->codes[count];
            return true;
        }
    const char *hint = rel_suggest(cell->text, (const char *const *)rule->codes, count);
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_VALUE_CODE, value->at,
                 "codice sconosciuto «%s» nella colonna «%s»%s%s%s (l'elenco dei codici è in "
                 "docs/INPUT.md)", cell->text, rule->column, hint ? ": forse «" : "",
                 hint ? hint : "", hint ? "»?" : "");
    return false;
}

bool rel_cell_value(const rel_cell *cell, const char *path, const rel_cell_rule *rule,
                    rel_diags *diags, rel_value *value)
{
    *value = (rel_value){.at = {path, cell->line, cell->col}, .text = cell->text};
    if (cell->len == 0)
        return true;
    const char *excel = rel_mark_excel_error(cell->text);
    if (excel != NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_VALUE_EXCEL, value->at,
                     "errore di Excel «%s» nella colonna «%s»: la formula del foglio non ha "
                     "dato un valore; correggerla nel foglio ed esportare di nuovo il CSV",
                     cell->text, rule->column);
        return false;
    }
    value->present = true;
    switch (rule->type) {
    case REL_TYPE_TEXT:
        return true;
    case REL_TYPE_MONEY:
    case REL_TYPE_COUNT:
    case REL_TYPE_DECIMAL:
    case REL_TYPE_PERCENT:
        return parse_number(cell, rule, diags, value);
    case REL_TYPE_DATE:
        return parse_date(cell, rule, diags, value);
    case REL_TYPE_OUTCOME:
        return parse_outcome(cell, rule, diags, value);
    case REL_TYPE_YEAR:
        return parse_year(cell, rule, diags, value);
    case REL_TYPE_CODE:
        return parse_code(cell, rule, diags, value);
    }
    return false;
}

int rel_written_decimals(const char *text)
{
    const char *comma = strrchr(text, ',');
    if (comma == NULL)
        return 0;
    int n = 0;
    while (comma[1 + n] >= '0' && comma[1 + n] <= '9')
        n++;
    return n;
}
