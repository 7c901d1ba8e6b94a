/*
 * tpl.h - the parsed form of a template (private to template/).
 *
 * A template is read line by line (docs/TEMPLATES.md):
 *   # Titolo / ## Sottotitolo    headings (numbered by the engine)
 *   - voce                       a bullet
 *   {% direttiva argomenti %}    on a line of its own; se / per / sezione /
 *                                obbligo open a block closed by {% fine %}
 *   (blank line)                 ends a paragraph
 *   anything else                paragraph text, with {{ segnaposto | filtro }}
 */
#ifndef REL_TPL_H
#define REL_TPL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"

typedef enum tpl_kind {
    TPL_TEXT,
    TPL_HEADING,
    TPL_BULLET,
    TPL_BLANK,
    TPL_DIRECTIVE,
} tpl_kind;

typedef struct tpl_arg {
    const char *key;          /* NULL for a positional argument */
    const char *value;
    rel_origin at;
} tpl_arg;

typedef struct tpl_node tpl_node;

struct tpl_node {
    tpl_kind kind;
    rel_origin at;            /* the line, and the column of the text or directive */
    int level;                /* headings: 1 to 3 */
    const char *text;         /* text, heading or bullet, placeholders not yet replaced */
    const char *name;         /* directive: "tabella", "se", ... */
    tpl_arg *args;
    size_t arg_count;
    tpl_node *body;           /* block directives */
    tpl_node *otherwise;      /* {% altrimenti %} of a {% se %} */
    tpl_node *next;
};

/* Reads the template `path` into a list of nodes. Syntax errors (T001,
 * T002, T005) are reported with their place; NULL is returned then, or
 * when the file cannot be read (T008). */
tpl_node *rel_tpl_parse(const char *path, rel_arena *arena, rel_diags *diags);

/* Parses one line of `len` bytes found at `at` (its line; columns from 1)
 * as a template line: what a narrative uses to read a directive such as
 * {% tabella NOME %} among its paragraphs. NULL after an error. */
tpl_node *rel_tpl_parse_line(const char *line, size_t len, rel_origin at, rel_arena *arena,
                             rel_diags *diags);

/* The value of argument `key` (or of positional argument number `index`
 * when key is NULL), or NULL. */
const tpl_arg *rel_tpl_arg(const tpl_node *node, const char *key, size_t index);

#endif
