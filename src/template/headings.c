/* Headings as the reader gets them: a chapter or section with nothing
 * under it (its data absent, its tables printed elsewhere by a narrative)
 * is left out, and the numbering closes up over it, so that the Indice
 * never lists an empty chapter and no page ends on a lone heading. */
#include <stdint.h>

#include "template/engine.h"

/* Content a heading can head: anything but another heading, a page break
 * or the Indice. */
static bool is_content(const rel_block *block)
{
    return block->kind != REL_BLOCK_HEADING && block->kind != REL_BLOCK_PAGE_BREAK
           && block->kind != REL_BLOCK_TOC;
}

/* In one pass: the headings, in order, that have no content before the
 * next heading of their level or above. open[l] is the heading of level
 * l + 1 still waiting for content (SIZE_MAX: none). */
static void mark_empty(const rel_document *doc, bool *empty)
{
    size_t open[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX}, index = 0;
    for (const rel_block *b = doc->first; b; b = b->next) {
        if (is_content(b)) {
            for (int l = 0; l < 3; l++)
                if (open[l] != SIZE_MAX)
                    empty[open[l]] = false;
            open[0] = open[1] = open[2] = SIZE_MAX;
        } else if (b->kind == REL_BLOCK_HEADING) {
            int level = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
            for (int l = level - 1; l < 3; l++)
                open[l] = SIZE_MAX;   /* closed without content: stays empty */
            empty[index] = true;
            open[level - 1] = index++;
        }
    }
}

/* "2.1 Andamento della gestione": the kept headings numbered by level. */
static bool number(engine *e, rel_block *heading, int numbers[3])
{
    int level = heading->level < 1 ? 1 : heading->level > 3 ? 3 : heading->level;
    numbers[level - 1]++;
    for (int i = level; i < 3; i++)
        numbers[i] = 0;
    const char *text = heading->text;
    heading->text = level == 1   ? rel_arena_printf(e->arena, "%d. %s", numbers[0], text)
                    : level == 2 ? rel_arena_printf(e->arena, "%d.%d %s", numbers[0], numbers[1],
                                                    text)
                                 : rel_arena_printf(e->arena, "%d.%d.%d %s", numbers[0],
                                                    numbers[1], numbers[2], text);
    return heading->text != NULL;
}

bool rel_engine_close_headings(engine *e)
{
    rel_document *doc = e->doc;
    size_t heading_count = 0;
    for (const rel_block *b = doc->first; b; b = b->next)
        heading_count += b->kind == REL_BLOCK_HEADING;
    bool *empty = rel_arena_array(e->arena, heading_count + 1, sizeof *empty);
    if (empty == NULL)
        return false;
    mark_empty(doc, empty);
    int numbers[3] = {0, 0, 0};
    size_t index = 0;
    rel_block *kept = NULL;
    for (rel_block *b = doc->first; b; b = b->next) {
        if (b->kind == REL_BLOCK_HEADING && empty[index++])
            continue;
        if (b->kind == REL_BLOCK_HEADING && b->numbered && !number(e, b, numbers))
            return false;
        if (kept)
            kept->next = b;
        else
            doc->first = b;
        kept = b;
    }
    if (kept)
        kept->next = NULL;
    else
        doc->first = NULL;
    doc->last = kept;
    return true;
}
