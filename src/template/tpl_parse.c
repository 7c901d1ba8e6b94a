#include <string.h>

#include "core/codes.h"
#include "core/suggest.h"
#include "load/source.h"
#include "template/tpl.h"

/* Directives that open a block closed by {% fine %}. */
static const char *const blocks[] = {"se", "per", "sezione", "obbligo", "cifre_chiave"};
/* Directives that stand alone. */
static const char *const singles[] = {"testo",  "tabella",   "grafico", "nuova_pagina",
                                      "includi", "firme",    "indice",  "prospetto_verifiche"};

#define MAX_NESTING 16
#define MAX_ARGS 12

typedef struct parser {
    const char *path;
    rel_arena *arena;
    rel_diags *diags;
    tpl_node *open[MAX_NESTING];   /* open block directives */
    tpl_node **tail[MAX_NESTING + 1];  /* where the next node goes, per depth */
    int depth;
    bool ok;
} parser;

static void error(parser *p, const char *code, unsigned line, unsigned col, const char *message,
                  const char *name, const char *hint)
{
    rel_diag_add(p->diags, REL_SEV_ERROR, code, (rel_origin){p->path, line, col},
                 "%s%s%s%s%s%s%s", message, name ? " «" : "", name ? name : "", name ? "»" : "",
                 hint ? " (forse «" : "", hint ? hint : "", hint ? "»?)" : "");
    p->ok = false;
}

static bool is_one_of(const char *name, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(name, list[i]) == 0)
            return true;
    return false;
}

static tpl_node *append(parser *p, tpl_kind kind, unsigned line, unsigned col)
{
    tpl_node *node = rel_arena_alloc(p->arena, sizeof *node);
    if (node == NULL) {
        error(p, REL_E_OUT_OF_MEMORY, line, 0, "memoria esaurita", NULL, NULL);
        return NULL;
    }
    node->kind = kind;
    node->at = (rel_origin){p->path, line, col};
    *p->tail[p->depth] = node;
    p->tail[p->depth] = &node->next;
    return node;
}

/* Splits "tabella fondi titolo=\"Fondi 2024\" variazione" into words;
 * quotes keep blanks. Returns the number of words, -1 on an open quote. */
static int split_words(parser *p, char *text, unsigned line, unsigned col, char **words,
                       unsigned *cols, int max)
{
    int count = 0;
    char *s = text;
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        if (count == max) {
            error(p, REL_T_SYNTAX, line, col, "troppi argomenti nella direttiva", NULL, NULL);
            return -1;
        }
        cols[count] = col + (unsigned)(s - text);
        words[count++] = s;
        bool quoted = false;
        char *out = s;
        for (; *s && (quoted || (*s != ' ' && *s != '\t')); s++) {
            if (*s == '"')
                quoted = !quoted;
            else
                *out++ = *s;
        }
        if (quoted) {
            error(p, REL_T_SYNTAX, line, cols[count - 1], "virgolette aperte e mai chiuse",
                  NULL, NULL);
            return -1;
        }
        bool end = *s == '\0';
        *out = '\0';
        if (!end)
            s++;
    }
    return count;
}

static void set_args(parser *p, tpl_node *node, char **words, unsigned *cols, int count)
{
    node->args = rel_arena_array(p->arena, (size_t)count + 1, sizeof *node->args);
    if (node->args == NULL)
        return;
    for (int i = 1; i < count; i++) {
        char *equals = strchr(words[i], '=');
        tpl_arg *arg = &node->args[node->arg_count++];
        arg->at = (rel_origin){p->path, node->at.line, cols[i]};
        if (equals != NULL) {
            *equals = '\0';
            arg->key = words[i];
            arg->value = equals + 1;
        } else {
            arg->value = words[i];
        }
    }
}

static void close_block(parser *p, unsigned line, unsigned col, bool otherwise)
{
    if (p->depth == 0) {
        error(p, REL_T_BLOCK, line, col,
              otherwise ? "{% altrimenti %} fuori da un {% se %}" : "{% fine %} senza un blocco aperto",
              NULL, NULL);
        return;
    }
    tpl_node *open = p->open[p->depth - 1];
    if (otherwise) {
        if (strcmp(open->name, "se") != 0 || open->otherwise != NULL) {
            error(p, REL_T_BLOCK, line, col, "{% altrimenti %} fuori posto", NULL, NULL);
            return;
        }
        p->tail[p->depth] = &open->otherwise;
        return;
    }
    p->depth--;
}

static void parse_directive(parser *p, char *inner, unsigned line, unsigned col)
{
    char *words[MAX_ARGS];
    unsigned cols[MAX_ARGS];
    int count = split_words(p, inner, line, col, words, cols, MAX_ARGS);
    if (count <= 0) {
        if (count == 0)
            error(p, REL_T_SYNTAX, line, col, "direttiva vuota", NULL, NULL);
        return;
    }
    const char *name = words[0];
    if (strcmp(name, "fine") == 0 || strcmp(name, "altrimenti") == 0) {
        close_block(p, line, cols[0], name[0] == 'a');
        return;
    }
    bool block = is_one_of(name, blocks, sizeof blocks / sizeof blocks[0]);
    if (!block && !is_one_of(name, singles, sizeof singles / sizeof singles[0])) {
        const char *all[] = {"se", "per", "sezione", "obbligo", "cifre_chiave", "fine",
                             "altrimenti", "testo",
                             "tabella", "grafico", "nuova_pagina", "includi", "firme", "indice",
                             "prospetto_verifiche"};
        error(p, REL_T_DIRECTIVE, line, cols[0], "direttiva sconosciuta", name,
              rel_suggest(name, all, sizeof all / sizeof all[0]));
        return;
    }
    tpl_node *node = append(p, TPL_DIRECTIVE, line, cols[0]);
    if (node == NULL)
        return;
    node->name = name;
    set_args(p, node, words, cols, count);
    if (block) {
        if (p->depth == MAX_NESTING) {
            error(p, REL_T_LIMIT, line, cols[0], "blocchi annidati troppo in profondità", NULL,
                  NULL);
            return;
        }
        p->open[p->depth++] = node;
        p->tail[p->depth] = &node->body;
    }
}

static size_t leading_blanks(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    return i;
}

static void parse_line(parser *p, const char *start, size_t len, unsigned number)
{
    while (len > 0 && (start[len - 1] == ' ' || start[len - 1] == '\t' || start[len - 1] == '\r'))
        len--;
    size_t skip = leading_blanks(start, len);
    const char *text = start + skip;
    size_t rest = len - skip;
    unsigned col = (unsigned)skip + 1;
    if (rest == 0) {
        append(p, TPL_BLANK, number, 1);
        return;
    }
    if (rest >= 4 && strncmp(text, "{%", 2) == 0) {
        if (strncmp(text + rest - 2, "%}", 2) != 0) {
            error(p, REL_T_SYNTAX, number, col, "una direttiva occupa una riga intera e finisce "
                                                "con «%}»", NULL, NULL);
            return;
        }
        char *inner = rel_arena_strndup(p->arena, text + 2, rest - 4);
        if (inner)
            parse_directive(p, inner, number, col + 2);
        return;
    }
    tpl_kind kind = TPL_TEXT;
    int level = 0;
    while (level < (int)rest && text[level] == '#')
        level++;
    if (level > 0 && level <= 3 && level < (int)rest && text[level] == ' ')
        kind = TPL_HEADING;
    else if (rest >= 2 && text[0] == '-' && text[1] == ' ')
        kind = TPL_BULLET;
    else
        level = 0;
    size_t cut = kind == TPL_HEADING ? (size_t)level + 1 : kind == TPL_BULLET ? 2 : 0;
    cut += leading_blanks(text + cut, rest - cut);
    tpl_node *node = append(p, kind, number, col + (unsigned)cut);
    if (node != NULL) {
        node->level = level;
        node->text = rel_arena_strndup(p->arena, text + cut, rest - cut);
    }
}

tpl_node *rel_tpl_parse(const char *path, rel_arena *arena, rel_diags *diags)
{
    rel_text text;
    if (!rel_source_read(path, path, (size_t)4 * 1024 * 1024, arena, diags, &text))
        return NULL;
    tpl_node *first = NULL;
    parser p = {.path = path, .arena = arena, .diags = diags, .ok = true};
    p.tail[0] = &first;
    unsigned number = 1;
    for (const char *cursor = text.data; *cursor; number++) {
        const char *newline = strchr(cursor, '\n');
        size_t len = newline ? (size_t)(newline - cursor) : strlen(cursor);
        parse_line(&p, cursor, len, number);
        cursor += len + (newline != NULL);
    }
    if (p.depth > 0) {
        tpl_node *open = p.open[p.depth - 1];
        error(&p, REL_T_BLOCK, open->at.line, open->at.col, "blocco mai chiuso da {% fine %}:",
              open->name, NULL);
    }
    return p.ok ? first : NULL;
}

const tpl_arg *rel_tpl_arg(const tpl_node *node, const char *key, size_t index)
{
    size_t positional = 0;
    for (size_t i = 0; i < node->arg_count; i++) {
        const tpl_arg *arg = &node->args[i];
        if (key != NULL && arg->key != NULL && strcmp(arg->key, key) == 0)
            return arg;
        if (key == NULL && arg->key == NULL && positional++ == index)
            return arg;
    }
    return NULL;
}

tpl_node *rel_tpl_parse_line(const char *line, size_t len, rel_origin at, rel_arena *arena,
                             rel_diags *diags)
{
    tpl_node *first = NULL;
    parser p = {.path = at.file, .arena = arena, .diags = diags, .ok = true};
    p.tail[0] = &first;
    parse_line(&p, line, len, at.line);
    if (p.depth > 0) {
        error(&p, REL_T_SYNTAX, at.line, at.col, "in un testo non si aprono blocchi:",
              p.open[0]->name, NULL);
        return NULL;
    }
    return p.ok ? first : NULL;
}
