/* {% testo NOME %}: a narrative of testi/ in the document. */
#include <string.h>

#include "core/codes.h"
#include "pipeline/load_model.h"
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

static rel_origin shifted(rel_origin at, size_t bytes)
{
    at.col += (uint32_t)bytes;
    return at;
}

/* `len` bytes of `line` with their {{ figures }} expanded; NULL after an
 * error (reported at the figure's own line and column). */
static const char *expanded(engine *e, const char *line, size_t len, rel_origin at)
{
    const char *copy = rel_arena_strndup(e->arena, line, len);
    if (copy == NULL) {
        rel_engine_oom(e, at);
        return NULL;
    }
    return rel_engine_expand(e, copy, at);
}

static void add_words(engine *e, const char *line, size_t len, rel_origin at)
{
    if (memchr(line, '{', len) == NULL) {
        rel_engine_add_words(e, line, len, at);
        return;
    }
    const char *text = expanded(e, line, len, at);
    if (text != NULL)
        rel_engine_add_words(e, text, strlen(text), at);
}

/* A list item of the narrative: its text from `skip` on. */
static void add_item(engine *e, rel_block_kind kind, int number, const char *line, size_t len,
                     rel_origin at)
{
    const char *text = expanded(e, line, len, at);
    if (text == NULL)
        return;
    if (!rel_engine_emitted(e, rel_doc_block(e->doc, kind, text), at))
        return;
    if (kind == REL_BLOCK_NUMBERED)
        e->doc->last->level = number;
}

/* "## Titolo": a sub-heading, one level below the section the narrative
 * is printed in (`section`, its depth when the narrative began: not the
 * depth of the narrative's own last sub-heading, or each "##" would nest
 * under the one before), "###" two levels below; numbered like the
 * template's headings; beyond the third level a bold paragraph. */
static void add_heading(engine *e, int section, const char *line, size_t len, rel_origin at)
{
    size_t hashes = 0;
    while (hashes < len && line[hashes] == '#')
        hashes++;
    const char *title = rel_arena_strndup(e->arena, line + hashes + 1, len - hashes - 1);
    const char *text = title ? rel_engine_expand(e, title, at) : NULL;
    if (text == NULL) {
        if (title == NULL)
            rel_engine_oom(e, at);
        return;
    }
    int level = section + (hashes > 1 ? (int)hashes - 1 : 1);
    if (level > 3) {
        rel_engine_add_words(e, rel_arena_printf(e->arena, "**%s**", text), strlen(text) + 4,
                             at);
        rel_engine_flush(e);
        return;
    }
    rel_engine_heading(e, level, text, at);
}

/* "{% tabella demografia %}" on a line of its own: a table (or a chart,
 * or a page break) where the narrative puts it. */
static void add_directive(engine *e, const char *line, size_t len, rel_origin at)
{
    static const char *const allowed[] = {"tabella", "grafico", "nuova_pagina"};
    tpl_node *node = rel_tpl_parse_line(line, len, at, e->arena, e->diags);
    if (node == NULL) {
        e->ok = false;
        return;
    }
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (node->kind == TPL_DIRECTIVE && strcmp(node->name, allowed[i]) == 0) {
            rel_engine_run(e, node);
            return;
        }
    rel_engine_error(e, REL_T_NARRATIVE, node->at, "in un testo sono ammesse solo le "
                     "direttive tabella, grafico e nuova_pagina, non «%s»",
                     node->name ? node->name : line);
}

static bool is_heading_line(const char *line, size_t len)
{
    size_t hashes = 0;
    while (hashes < len && line[hashes] == '#')
        hashes++;
    return hashes > 0 && hashes < len && line[hashes] == ' ';
}

/* Paragraphs separated by blank lines, "- " bullets, "1. " numbered items
 * and "## " sub-headings (a Markdown subset; **bold** and *italic* stay
 * marked for the renderer); {{ figures }} as in the templates, so that a
 * figure in the prose comes from the data; {% tabella %} and {% grafico %}
 * lines. Lines of a paragraph are joined with one blank, in time linear in
 * the text. */
void rel_engine_narrative(engine *e, const rel_narrative *narrative)
{
    rel_engine_flush(e);
    int section = rel_engine_depth(e);
    rel_origin at = {narrative->path, 1, 1};
    rel_engine_marker(e, narrative->text, at, "testo d'esempio: scrivere quello dell'ente");
    e->narrating++;
    for (const char *cursor = narrative->text; *cursor && e->ok; at.line++) {
        const char *line_start = cursor;
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
        at.col = (unsigned)(cursor - line_start) + 1;
        if (len == 0) {
            rel_engine_flush(e);
        } else if (len >= 4 && strncmp(cursor, "{%", 2) == 0) {
            rel_engine_flush(e);
            add_directive(e, cursor, len, at);
        } else if (is_heading_line(cursor, len)) {
            rel_engine_flush(e);
            add_heading(e, section, cursor, len, at);
        } else if (len >= 2 && cursor[0] == '-' && cursor[1] == ' ') {
            rel_engine_flush(e);
            add_item(e, REL_BLOCK_BULLET, 0, cursor + 2, len - 2, shifted(at, 2));
        } else if (numbered_item(cursor, len, &number, &skip)) {
            rel_engine_flush(e);
            add_item(e, REL_BLOCK_NUMBERED, number, cursor + skip, len - skip,
                     shifted(at, skip));
        } else {
            add_words(e, cursor, len, at);
        }
        cursor = next;
    }
    rel_engine_flush(e);
    e->narrating--;
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
        return;
    }
    if (name == NULL)
        return;
    const char *file = rel_arena_printf(e->arena, "%s/%s.md", REL_DIR_TEXTS, name);
    const char *path = rel_arena_printf(e->arena, "%s/%s", e->ctx->input_dir, file ? file : "");
    if (file == NULL || path == NULL) {
        rel_engine_oom(e, node->at);
        return;
    }
    /* inside an {% obbligo %} the item itself says what is missing (R013);
     * elsewhere a draft shows and lists what is still to write */
    if (e->obligations > 0 || e->ctx->mode != REL_TEMPLATE_DRAFT)
        return;
    rel_diag_add(e->diags, REL_SEV_NOTE, REL_R_TEXT_ABSENT, (rel_origin){path, 0, 0},
                 "testo assente: la relazione lo prevede%s%s%s; scrivere questo file",
                 e->heading ? " nella sezione «" : "", e->heading ? e->heading : "",
                 e->heading ? "»" : "");
    rel_engine_gap(e, rel_arena_printf(e->arena, "(%s)", file), node->at);
}
