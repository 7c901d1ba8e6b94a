/* {% obbligo CODICE "descrizione" %}: the items the law requires, and the
 * guard on non_applicabile.csv. */
#include <string.h>

#include "core/codes.h"
#include "core/suggest.h"
#include "pipeline/load_model.h"
#include "template/engine.h"
#include "validate/labels.h"
#include "validate/schema.h"

/* Items no entity may declare not applicable: the law asks every company
 * for them (for a cooperative, the cooperative ones too). The others
 * (research, group relations, own shares, financial instruments,
 * secondary offices) may not apply, with a reason the report prints. */
static const struct {
    const char *code;
    bool cooperative;
    const char *why;
} mandatory[] = {
    {"art2428_c1_analisi", false, "l'analisi della situazione e dell'andamento della gestione "
                                  "è dovuta da ogni società (art. 2428, comma 1)"},
    {"art2428_c1_rischi", false, "ogni società deve descrivere i principali rischi e incertezze "
                                 "cui è esposta (art. 2428, comma 1)"},
    {"art2428_c3_n6", false, "l'evoluzione prevedibile della gestione va sempre indicata "
                             "(art. 2428, comma 3, n. 6)"},
    {"art2545", true, "una cooperativa indica sempre i criteri seguiti per il conseguimento "
                      "dello scopo mutualistico (art. 2545 c.c.)"},
    {"art2528", true, "una cooperativa illustra sempre le ragioni delle decisioni sull'ammissione "
                      "di nuovi soci, anche per dire che non vi sono state domande (art. 2528, "
                      "ultimo comma, c.c.)"},
};

const char *rel_template_mandatory(const char *code, bool cooperative)
{
    for (size_t i = 0; i < sizeof mandatory / sizeof mandatory[0]; i++)
        if (strcmp(mandatory[i].code, code) == 0 && (!mandatory[i].cooperative || cooperative))
            return mandatory[i].why;
    return NULL;
}

/* Reasons that give no reason: the law asks why an item does not apply. */
static bool says_nothing(const char *reason)
{
    static const char *const empty[] = {
        "", "n_a", "na", "n_d", "nd", "no", "nessuno", "nessuna", "niente", "non_applicabile",
        "non_si_applica", "non_pertinente", "non_ricorre", "non_presente", "nulla",
    };
    char normal[64];
    char kept[64];
    size_t n = 0;
    rel_label_normalize(reason, normal, sizeof normal);
    for (const char *c = normal; *c && n + 1 < sizeof kept; c++)
        if (*c != '.' && *c != '/' && *c != '-')
            kept[n++] = *c;
    kept[n] = '\0';
    while (n > 0 && kept[n - 1] == '_')
        kept[--n] = '\0';
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++)
        if (strcmp(kept, empty[i]) == 0)
            return true;
    return false;
}

typedef struct reasons {
    const rel_dataset *data;
    int voce, motivo;
} reasons;

static reasons reasons_of(const engine *e)
{
    const rel_dataset *d = rel_model_dataset(e->ctx->model, "non_applicabile");
    return (reasons){d, d ? rel_dataset_column(d, "voce") : -1,
                     d ? rel_dataset_column(d, "motivo") : -1};
}

/* The line of non_applicabile.csv for `code`, or -1. */
static long reason_row(const reasons *r, const char *code)
{
    for (size_t i = 0; r->voce >= 0 && r->motivo >= 0 && i < r->data->row_count; i++)
        if (strcmp(rel_row_text(&r->data->rows[i], r->voce), code) == 0)
            return (long)i;
    return -1;
}

/* What supplies an item: the narratives, section and tables its body names. */
typedef struct supplier {
    const char *text;
    const char *section;
    const char *tables[4];
    size_t table_count;
} supplier;

static void add_table(supplier *s, const char *name)
{
    if (rel_schema_find(name) == NULL || s->table_count == 4)
        return;
    for (size_t i = 0; i < s->table_count; i++)
        if (strcmp(s->tables[i], name) == 0)
            return;
    s->tables[s->table_count++] = name;
}

static void find_supplier(const engine *e, const tpl_node *node, supplier *s)
{
    for (; node != NULL; node = node->next) {
        if (node->kind != TPL_DIRECTIVE)
            continue;
        const tpl_arg *first = rel_tpl_arg(node, NULL, 0), *second = rel_tpl_arg(node, NULL, 1);
        if (strcmp(node->name, "testo") == 0 && first && !s->text
            && !rel_engine_var(e, first->value))
            s->text = first->value;
        else if (strcmp(node->name, "sezione") == 0 && first && !s->section)
            s->section = first->value;
        else if (strcmp(node->name, "tabella") == 0 && first)
            add_table(s, first->value);
        else if (strcmp(node->name, "se") == 0 && first && second
                 && strcmp(first->value, "dati") == 0)
            add_table(s, second->value);
        find_supplier(e, node->body, s);
        find_supplier(e, node->otherwise, s);
    }
}

/* "scrivere testi/rischi.md (o sezioni/x.tpl)", and the file to point at. */
static const char *where_to_write(engine *e, const tpl_node *node, rel_origin *at)
{
    supplier s = {0};
    find_supplier(e, node->body, &s);
    const char *dir = e->ctx->input_dir;
    const char *where = NULL;
    *at = node->at;
    if (s.text) {
        where = rel_arena_printf(e->arena, "scrivere %s/%s.md", REL_DIR_TEXTS, s.text);
        *at = (rel_origin){rel_arena_printf(e->arena, "%s/%s/%s.md", dir, REL_DIR_TEXTS, s.text),
                           0, 0};
    } else if (s.table_count > 0) {
        where = rel_arena_printf(e->arena, "aggiungere %s.csv", s.tables[0]);
        for (size_t i = 1; where && i < s.table_count; i++)
            where = rel_arena_printf(e->arena, "%s o %s.csv", where, s.tables[i]);
        *at = (rel_origin){rel_arena_printf(e->arena, "%s/%s.csv", dir, s.tables[0]), 0, 0};
    }
    if (s.section && where)
        where = rel_arena_printf(e->arena, "%s (o sostituire la sezione con sezioni/%s.tpl)",
                                 where, s.section);
    else if (s.section)
        where = rel_arena_printf(e->arena, "scrivere sezioni/%s.tpl", s.section);
    if (at->file == NULL)
        *at = node->at;
    return where ? where : "completare il modello";
}

/* An item declared not applicable: refused if the law allows no such
 * thing; otherwise its reason, which must be one, is printed. */
static void state_not_applicable(engine *e, const tpl_node *node, const reasons *r, long row)
{
    const rel_row *line = &r->data->rows[row];
    const rel_value *reason = &line->values[r->motivo];
    if (says_nothing(reason->text)) {
        rel_diag_add(e->diags, REL_SEV_ERROR, REL_E_NA_REASON, reason->at,
                     "«%s» non è un motivo: scrivere perché la voce non si applica all'ente "
                     "(es. «l'ente non svolge attività di ricerca e sviluppo»)", reason->text);
        e->ok = false;
        return;
    }
    rel_engine_marker(e, reason->text, reason->at, "motivo d'esempio: scrivere perché la voce "
                      "non si applica all'ente");
    const char *text = rel_arena_printf(e->arena, "Non applicabile: %s", reason->text);
    rel_engine_emitted(e, text && rel_doc_paragraph(e->doc, text), node->at);
}

void rel_engine_obligation(engine *e, const tpl_node *node)
{
    const tpl_arg *code = rel_tpl_arg(node, NULL, 0), *what = rel_tpl_arg(node, NULL, 1);
    if (code == NULL || what == NULL) {
        rel_engine_error(e, REL_T_SYNTAX, node->at, "scrivere «obbligo CODICE \"descrizione\"»");
        return;
    }
    reasons r = reasons_of(e);
    long row = reason_row(&r, code->value);
    const char *why = rel_template_mandatory(code->value, e->ctx->model->entity.cooperative);
    rel_origin at;
    const char *where = where_to_write(e, node, &at);
    if (row >= 0) {
        if (e->reasons_used != NULL)
            e->reasons_used[row] = true;
        if (why != NULL) {
            rel_diag_add(e->diags, REL_SEV_ERROR, REL_E_NA_FORBIDDEN,
                         r.data->rows[row].values[r.voce].at,
                         "«%s» non può essere dichiarata non applicabile: %s; togliere la riga "
                         "e %s", code->value, why, where);
            e->ok = false;
        }
    }
    size_t before = e->blocks;
    e->obligations++;
    rel_engine_run(e, node->body);
    rel_engine_flush(e);
    e->obligations--;
    if (e->blocks > before) {
        if (row >= 0 && why == NULL)
            rel_diag_add(e->diags, REL_SEV_WARNING, REL_W_NA_WITH_TEXT,
                         r.data->rows[row].values[r.voce].at,
                         "«%s» è dichiarata non applicabile ma la relazione ne ha il testo: la "
                         "dichiarazione è ignorata (togliere la riga o il testo)", code->value);
        return;
    }
    if (row >= 0 && why == NULL) {
        state_not_applicable(e, node, &r, row);
        return;
    }
    rel_engine_gap(e, rel_arena_printf(e->arena, "%s: %s", what->value, where), node->at);
    rel_findings_flag(e->ctx->findings, REL_R_STATUTORY, at,
                      "manca un'informazione richiesta dalla legge: %s (voce %s); %s%s",
                      what->value, code->value, where,
                      why ? ": questa voce non può essere dichiarata non applicabile"
                          : ", oppure dichiarare in non_applicabile.csv perché non si applica");
}

static void collect_codes(const tpl_node *node, const char **codes, size_t *count, size_t max)
{
    for (; node != NULL; node = node->next) {
        const tpl_arg *code = node->kind == TPL_DIRECTIVE && strcmp(node->name, "obbligo") == 0
                                  ? rel_tpl_arg(node, NULL, 0) : NULL;
        if (code != NULL && *count < max)
            codes[(*count)++] = code->value;
        if (node->kind == TPL_DIRECTIVE) {
            collect_codes(node->body, codes, count, max);
            collect_codes(node->otherwise, codes, count, max);
        }
    }
}

bool rel_engine_reasons_begin(engine *e)
{
    reasons r = reasons_of(e);
    if (r.data == NULL)
        return true;
    e->reasons_used = rel_arena_array(e->arena, r.data->row_count + 1, sizeof *e->reasons_used);
    return e->reasons_used != NULL;
}

void rel_engine_reasons_end(engine *e, const tpl_node *template)
{
    reasons r = reasons_of(e);
    const char *codes[64];
    size_t count = 0;
    collect_codes(template, codes, &count, 64);
    if (r.data && r.data->row_count > 0 && count == 0) {
        rel_diag_add(e->diags, REL_SEV_WARNING, REL_W_NA_UNUSED, (rel_origin){r.data->path, 0, 0},
                     "il modello in uso non ha voci richieste dalla legge (le ha la relazione "
                     "sulla gestione, modello = gestione): il file è ignorato");
        return;
    }
    for (size_t i = 0; r.data && r.voce >= 0 && i < r.data->row_count; i++) {
        if (e->reasons_used[i])
            continue;
        const rel_value *voce = &r.data->rows[i].values[r.voce];
        const char *hint = rel_suggest(voce->text, codes, count);
        rel_diag_add(e->diags, REL_SEV_WARNING, REL_W_NA_UNUSED, voce->at,
                     "nessuna voce della relazione di questo ente ha il codice «%s»: la riga è "
                     "ignorata%s%s%s", voce->text, hint ? " (forse «" : "", hint ? hint : "",
                     hint ? "»?)" : "");
    }
}
