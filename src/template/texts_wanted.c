/* The narratives a template asks for, found by walking it without
 * evaluating it: what `relazione init` writes a stub for. */
#include <string.h>

#include "template/template.h"
#include "template/tpl.h"
#include "validate/labels.h"

#define MAX_TEXTS 256
#define MAX_LOOPS 8

typedef struct walk {
    const rel_model *model;
    rel_arena *arena;
    const char *heading;          /* the last heading seen */
    const char *item, *item_what; /* the {% obbligo %} we are in */
    const tpl_node *loops[MAX_LOOPS];
    size_t loop_count;
    rel_template_text *texts;
    size_t count;
    bool ok;
} walk;

static void add(walk *w, const char *name, const char *purpose)
{
    for (size_t i = 0; i < w->count; i++)
        if (strcmp(w->texts[i].name, name) == 0)
            return;
    if (name == NULL || purpose == NULL || w->count == MAX_TEXTS) {
        w->ok = w->ok && name && purpose;
        return;
    }
    w->texts[w->count++] = (rel_template_text){name, purpose, w->item};
}

static const char *purpose_of(walk *w, const char *section)
{
    if (w->item_what != NULL)
        return w->item_what;
    return section ? rel_arena_printf(w->arena, "il testo della sezione «%s»", section)
                   : "il testo di questa parte della relazione";
}

/* The loop that binds `var`, or NULL. */
static const tpl_node *loop_of(const walk *w, const char *var)
{
    for (size_t i = w->loop_count; i-- > 0;)
        if (strcmp(rel_tpl_arg(w->loops[i], NULL, 0)->value, var) == 0)
            return w->loops[i];
    return NULL;
}

/* {% testo VAR %} in {% per VAR in TABELLA.COLONNA %}: one per value. */
static void add_per_value(walk *w, const tpl_node *loop)
{
    const tpl_arg *source = rel_tpl_arg(loop, NULL, 2);
    const char *dot = source ? strchr(source->value, '.') : NULL;
    const char *name = dot ? rel_arena_strndup(w->arena, source->value,
                                               (size_t)(dot - source->value)) : NULL;
    const rel_dataset *d = name ? rel_model_dataset(w->model, name) : NULL;
    int column = d ? rel_dataset_column(d, dot + 1) : -1;
    for (size_t r = 0; column >= 0 && r < d->row_count; r++) {
        const char *value = rel_row_text(&d->rows[r], column);
        char slug[256];
        if (d->rows[r].kind != REL_ROW_ITEM || !value[0])
            continue;
        rel_label_normalize(value, slug, sizeof slug);
        add(w, rel_arena_strdup(w->arena, slug), purpose_of(w, value));
    }
}

static void visit(walk *w, const tpl_node *node);

static void directive(walk *w, const tpl_node *node)
{
    const tpl_arg *first = rel_tpl_arg(node, NULL, 0);
    if (strcmp(node->name, "testo") == 0 && first) {
        const tpl_node *loop = loop_of(w, first->value);
        if (loop)
            add_per_value(w, loop);
        else
            add(w, first->value, purpose_of(w, w->heading));
        return;
    }
    const char *item = w->item, *item_what = w->item_what;
    bool loop = strcmp(node->name, "per") == 0 && first && rel_tpl_arg(node, NULL, 2)
                && w->loop_count < MAX_LOOPS;
    if (strcmp(node->name, "obbligo") == 0 && first && rel_tpl_arg(node, NULL, 1)) {
        w->item = first->value;
        w->item_what = rel_tpl_arg(node, NULL, 1)->value;
    }
    if (loop)
        w->loops[w->loop_count++] = node;
    visit(w, node->body);
    visit(w, node->otherwise);
    if (loop)
        w->loop_count--;
    w->item = item;
    w->item_what = item_what;
}

static void visit(walk *w, const tpl_node *node)
{
    for (; node != NULL; node = node->next) {
        if (node->kind == TPL_HEADING)
            w->heading = node->text;
        else if (node->kind == TPL_DIRECTIVE)
            directive(w, node);
    }
}

bool rel_template_texts(const char *path, const rel_model *model, rel_arena *arena,
                        rel_diags *diags, rel_template_text **texts, size_t *count)
{
    walk w = {.model = model, .arena = arena, .ok = true};
    w.texts = rel_arena_array(arena, MAX_TEXTS, sizeof *w.texts);
    tpl_node *nodes = w.texts ? rel_tpl_parse(path, arena, diags) : NULL;
    if (nodes == NULL)
        return false;
    visit(&w, nodes);
    *texts = w.texts;
    *count = w.count;
    return w.ok;
}
