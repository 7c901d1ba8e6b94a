/* {% testo NOME %}: a narrative of testi/ in the document. */
#include <string.h>

#include "template/engine.h"
#include "validate/labels.h"

/* "3. testo": an item of a numbered list (the number as written). */
static bool numbered_item(const char *line, size_t len, int *number, size_t *skip)
{
    int value = 0;
    size_t i = 0;
    while (i < len && line[i] >= '0' && line[i] <= '9' && value < 1000)
        value = value * 10 + (line[i++] - '0');
    if (i == 0 || i + 1 >= len || line[i] != '.' || line[i + 1] != ' ' || value == 0)
        return false;
    *number = value;
    *skip = i + 2;
    return true;
}

/* A list item of the narrative: its text from `skip` on. */
static void add_item(engine *e, rel_block_kind kind, int number, const char *line, size_t len,
                     rel_origin at)
{
    const char *text = rel_arena_strndup(e->arena, line, len);
    if (!rel_engine_emitted(e, text && rel_doc_block(e->doc, kind, text), at))
        return;
    if (kind == REL_BLOCK_NUMBERED)
        e->doc->last->level = number;
}

/* Paragraphs separated by blank lines, "- " bullets and "1. " numbered
 * items (a Markdown subset; **bold** and *italic* stay marked for the
 * renderer). Lines of a paragraph are joined with one blank, in time
 * linear in the text. */
void rel_engine_narrative(engine *e, const rel_narrative *narrative)
{
    rel_engine_flush(e);
    rel_origin at = {narrative->path, 1, 1};
    for (const char *cursor = narrative->text; *cursor && e->ok; at.line++) {
        const char *end = strchr(cursor, '\n');
        size_t len = end ? (size_t)(end - cursor) : strlen(cursor);
        const char *next = end ? end + 1 : cursor + len;
        while (len > 0 && (*cursor == ' ' || *cursor == '\t')) {
            cursor++;
            len--;
        }
        while (len > 0 && (cursor[len - 1] == '\r' || cursor[len - 1] == ' '))
            len--;
        int number;
        size_t skip;
        if (len == 0) {
            rel_engine_flush(e);
        } else if (len >= 2 && cursor[0] == '-' && cursor[1] == ' ') {
            rel_engine_flush(e);
            add_item(e, REL_BLOCK_BULLET, 0, cursor + 2, len - 2, at);
        } else if (numbered_item(cursor, len, &number, &skip)) {
            rel_engine_flush(e);
            add_item(e, REL_BLOCK_NUMBERED, number, cursor + skip, len - skip, at);
        } else {
            rel_engine_add_words(e, cursor, len, at);
        }
        cursor = next;
    }
    rel_engine_flush(e);
}

/* {% testo premessa %}, or {% testo area %} in a loop: the variable's value
 * as a file name ("Area Minori e Famiglia" => testi/area_minori_e_famiglia.md). */
void rel_engine_text(engine *e, const tpl_node *node)
{
    const char *name = rel_engine_required_name(e, node, "il nome del testo");
    const char *var = name ? rel_engine_var(e, name) : NULL;
    if (var != NULL) {
        char slug[256];
        rel_label_normalize(var, slug, sizeof slug);
        name = rel_arena_strdup(e->arena, slug);
        if (name == NULL) {
            rel_engine_oom(e, node->at);
            return;
        }
    }
    const rel_narrative *narrative = name ? rel_model_narrative(e->ctx->model, name) : NULL;
    if (narrative != NULL) {
        rel_engine_narrative(e, narrative);
        rel_engine_tables_after(e, narrative->name, node->at);
    }
}
