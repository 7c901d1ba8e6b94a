/* Lexer and recursive-descent parser of the formula language. */
#include <ctype.h>
#include <string.h>

#include "compute/formula/ast.h"
#include "core/codes.h"

typedef enum token_kind {
    TOK_END, TOK_NUMBER, TOK_STRING, TOK_NAME, TOK_PUNCT, TOK_BAD,
} token_kind;

typedef struct token {
    token_kind kind;
    size_t start, len;        /* bytes in the text */
    char punct[3];            /* "(", "<=", ... */
} token;

typedef struct parser {
    const char *text;
    size_t pos;
    rel_origin at;            /* of the text's first character */
    rel_arena *arena;
    rel_diags *diags;
    token current;
    int depth;
    bool failed;
} parser;

/* The file position of byte `offset` of the formula. */
static rel_origin origin_of(const parser *p, size_t offset)
{
    rel_origin at = p->at;
    for (size_t i = 0; i < offset; i++)
        if (((unsigned char)p->text[i] & 0xC0) != 0x80)
            at.col++;
    return at;
}

static void syntax_error(parser *p, size_t offset, const char *message)
{
    if (!p->failed)
        rel_diag_add(p->diags, REL_SEV_ERROR, REL_E_FORMULA_SYNTAX, origin_of(p, offset),
                     "formula non valida: %s", message);
    p->failed = true;
}

/* Names are ASCII letters, '_' and any UTF-8 sequence (the accented
 * letters of a table's file name, "attività"); digits and '.' after the
 * first character ("SOMMA.SE", "quota_2024"). */
static bool is_name_start(char c)
{
    return isalpha((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80;
}

/* Longest number literal, in digits: beyond, the exact value would not
 * fit the rational arithmetic (and no report needs it). */
#define MAX_LITERAL_DIGITS 24

static void lex_number(parser *p, token *t)
{
    const char *s = p->text;
    while (isdigit((unsigned char)s[p->pos]))
        p->pos++;
    if (s[p->pos] == ',' && isdigit((unsigned char)s[p->pos + 1])) {
        p->pos++;
        while (isdigit((unsigned char)s[p->pos]))
            p->pos++;
    }
    t->kind = TOK_NUMBER;
    if (p->pos - t->start > MAX_LITERAL_DIGITS + 1) {
        syntax_error(p, t->start, "numero troppo lungo (al massimo 24 cifre)");
        t->kind = TOK_BAD;
    }
}

static void lex_string(parser *p, token *t)
{
    p->pos++;
    while (p->text[p->pos] && !(p->text[p->pos] == '"' && p->text[p->pos + 1] != '"'))
        p->pos += p->text[p->pos] == '"' ? 2 : 1;
    if (p->text[p->pos] != '"') {
        syntax_error(p, t->start, "virgolette aperte e mai chiuse");
        t->kind = TOK_BAD;
        return;
    }
    p->pos++;
    t->kind = TOK_STRING;
}

static void lex_punct(parser *p, token *t)
{
    static const char *const two[] = {"<=", ">=", "<>"};
    for (size_t i = 0; i < 3; i++)
        if (strncmp(p->text + p->pos, two[i], 2) == 0) {
            memcpy(t->punct, two[i], 3);
            p->pos += 2;
            t->kind = TOK_PUNCT;
            return;
        }
    if (strchr("()[];+-*/=<>", p->text[p->pos]) != NULL) {
        t->punct[0] = p->text[p->pos++];
        t->punct[1] = '\0';
        t->kind = TOK_PUNCT;
        return;
    }
    syntax_error(p, p->pos, "carattere non ammesso in una formula");
    t->kind = TOK_BAD;
}

static void next(parser *p)
{
    const char *s = p->text;
    while (s[p->pos] == ' ' || s[p->pos] == '\t' || s[p->pos] == '\n' || s[p->pos] == '\r')
        p->pos++;
    token t = {TOK_END, p->pos, 0, ""};
    if (s[p->pos] == '\0')
        t.kind = TOK_END;
    else if (isdigit((unsigned char)s[p->pos]))
        lex_number(p, &t);
    else if (s[p->pos] == '"')
        lex_string(p, &t);
    else if (is_name_start(s[p->pos])) {
        while (is_name_start(s[p->pos]) || isdigit((unsigned char)s[p->pos]) || s[p->pos] == '.')
            p->pos++;
        t.kind = TOK_NAME;
    } else
        lex_punct(p, &t);
    t.len = p->pos - t.start;
    p->current = t;
}

static bool is_punct(const parser *p, const char *punct)
{
    return p->current.kind == TOK_PUNCT && strcmp(p->current.punct, punct) == 0;
}

static bool expect(parser *p, const char *punct, const char *message)
{
    if (!is_punct(p, punct)) {
        syntax_error(p, p->current.start, message);
        return false;
    }
    next(p);
    return true;
}

static node *new_node(parser *p, node_kind kind, size_t offset)
{
    node *n = rel_arena_alloc(p->arena, sizeof *n);
    if (n == NULL) {
        if (!p->failed)
            rel_diag_add(p->diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, origin_of(p, offset),
                         "memoria esaurita leggendo la formula");
        p->failed = true;
        return NULL;
    }
    n->kind = kind;
    n->at = origin_of(p, offset);
    return n;
}

static const char *token_text(parser *p, const token *t)
{
    return rel_arena_strndup(p->arena, p->text + t->start, t->len);
}

/* "1,05" => 105/100 */
static rel_rational number_value(const char *text, size_t len)
{
    rel_rational r = {0, 1, false};
    bool fraction = false;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == ',') {
            fraction = true;
            continue;
        }
        r.num = r.num * 10 + (text[i] - '0');
        if (fraction)
            r.den *= 10;
    }
    return r;
}

/* A string token's text without its quotes, "" unescaped. */
static const char *string_text(parser *p, const token *t)
{
    char *out = rel_arena_alloc(p->arena, t->len);
    if (out == NULL)
        return "";
    size_t n = 0;
    for (size_t i = t->start + 1; i + 1 < t->start + t->len; i++) {
        out[n++] = p->text[i];
        if (p->text[i] == '"')
            i++;
    }
    out[n] = '\0';
    return out;
}

static node *parse_expression(parser *p);

static bool parse_selector(parser *p, selector *sel)
{
    token t = p->current;
    sel->at = origin_of(p, t.start);
    if (t.kind == TOK_STRING) {
        *sel = (selector){SEL_TEXT, string_text(p, &t), 0, sel->at};
    } else if (t.kind == TOK_NUMBER && t.len == 4) {
        *sel = (selector){SEL_YEAR, NULL, (int)number_value(p->text + t.start, 4).num, sel->at};
    } else if (t.kind == TOK_NAME && t.len == 1 && (p->text[t.start] == 'N' || p->text[t.start] == 'n')) {
        next(p);
        int offset = 0;
        if (is_punct(p, "-")) {
            next(p);
            if (p->current.kind != TOK_NUMBER || p->current.len > 2) {
                syntax_error(p, p->current.start, "dopo «N-» è atteso un numero di anni (es. N-1)");
                return false;
            }
            offset = -(int)number_value(p->text + p->current.start, p->current.len).num;
            next(p);
        }
        *sel = (selector){SEL_YEAR_N, NULL, offset, sel->at};
        return true;
    } else if (t.kind == TOK_NAME) {
        *sel = (selector){SEL_COLUMN, token_text(p, &t), 0, sel->at};
    } else {
        syntax_error(p, t.start, "atteso il nome di una riga tra virgolette, una colonna o un anno");
        return false;
    }
    next(p);
    return true;
}

/* dataset[sel; ...; sel] after the name, current token "[": up to three
 * texts of the row, then the column. */
static node *parse_reference(parser *p, const token *name)
{
    node *n = new_node(p, NODE_REF, name->start);
    if (n == NULL)
        return NULL;
    n->text = token_text(p, name);
    next(p);
    while (!p->failed && n->selector_count < MAX_SELECTORS) {
        if (!parse_selector(p, &n->selectors[n->selector_count++]))
            return NULL;
        if (!is_punct(p, ";"))
            break;
        next(p);
    }
    return expect(p, "]", "attesa «]» (al massimo quattro indici: tre testi della riga e la "
                          "colonna)") ? n : NULL;
}

static node *parse_call(parser *p, const token *name)
{
    node *n = new_node(p, NODE_CALL, name->start);
    if (n == NULL)
        return NULL;
    n->text = token_text(p, name);
    next(p);
    node *args[16];
    while (!is_punct(p, ")") && !p->failed) {
        if (n->arg_count == 16) {
            syntax_error(p, p->current.start, "troppi argomenti (al massimo 16)");
            return NULL;
        }
        args[n->arg_count++] = parse_expression(p);
        if (!is_punct(p, ";"))
            break;
        next(p);
    }
    if (!expect(p, ")", "attesa «)» o «;» tra gli argomenti"))
        return NULL;
    n->args = rel_arena_array(p->arena, n->arg_count ? n->arg_count : 1, sizeof *n->args);
    if (n->args)
        memcpy(n->args, args, n->arg_count * sizeof *args);
    return n->args ? n : NULL;
}

static node *parse_primary(parser *p)
{
    token t = p->current;
    if (t.kind == TOK_NUMBER || t.kind == TOK_STRING) {
        node *n = new_node(p, t.kind == TOK_NUMBER ? NODE_NUMBER : NODE_STRING, t.start);
        if (n && t.kind == TOK_NUMBER)
            n->number = number_value(p->text + t.start, t.len);
        else if (n)
            n->text = string_text(p, &t);
        next(p);
        return n;
    }
    if (t.kind == TOK_NAME) {
        next(p);
        if (is_punct(p, "["))
            return parse_reference(p, &t);
        if (is_punct(p, "("))
            return parse_call(p, &t);
        node *n = new_node(p, NODE_NAME, t.start);
        if (n)
            n->text = token_text(p, &t);
        return n;
    }
    if (is_punct(p, "(")) {
        next(p);
        node *inner = parse_expression(p);
        return expect(p, ")", "attesa «)»") ? inner : NULL;
    }
    syntax_error(p, t.start, t.kind == TOK_END ? "la formula finisce troppo presto"
                                               : "atteso un numero, un riferimento o una funzione");
    return NULL;
}

static node *parse_unary(parser *p)
{
    if (++p->depth > REL_FORMULA_MAX_DEPTH) {
        if (!p->failed)
            rel_diag_add(p->diags, REL_SEV_ERROR, REL_E_FORMULA_DEPTH,
                         origin_of(p, p->current.start),
                         "formula troppo annidata: al massimo %d livelli", REL_FORMULA_MAX_DEPTH);
        p->failed = true;
        return NULL;
    }
    node *result;
    if (is_punct(p, "-")) {
        size_t start = p->current.start;
        next(p);
        result = new_node(p, NODE_NEGATE, start);
        if (result)
            result->left = parse_unary(p);
    } else {
        result = parse_primary(p);
    }
    p->depth--;
    return p->failed ? NULL : result;
}

static node *binary(parser *p, binary_op op, node *left, node *right)
{
    node *n = left && right ? new_node(p, NODE_BINARY, 0) : NULL;
    if (n == NULL)
        return NULL;
    n->at = left->at;
    n->op = op;
    n->left = left;
    n->right = right;
    return n;
}

static node *parse_term(parser *p)
{
    node *left = parse_unary(p);
    while (left && (is_punct(p, "*") || is_punct(p, "/"))) {
        binary_op op = is_punct(p, "*") ? OP_MUL : OP_DIV;
        next(p);
        left = binary(p, op, left, parse_unary(p));
    }
    return left;
}

static node *parse_additive(parser *p)
{
    node *left = parse_term(p);
    while (left && (is_punct(p, "+") || is_punct(p, "-"))) {
        binary_op op = is_punct(p, "+") ? OP_ADD : OP_SUB;
        next(p);
        left = binary(p, op, left, parse_term(p));
    }
    return left;
}

/* The comparison operator at the current token, or false. */
static bool comparison_at(const parser *p, binary_op *op)
{
    static const struct { const char *punct; binary_op op; } comparisons[] = {
        {"=", OP_EQ}, {"<>", OP_NE}, {"<=", OP_LE}, {">=", OP_GE}, {"<", OP_LT}, {">", OP_GT},
    };
    for (size_t i = 0; i < sizeof comparisons / sizeof comparisons[0]; i++)
        if (is_punct(p, comparisons[i].punct)) {
            *op = comparisons[i].op;
            return true;
        }
    return false;
}

/* a < b, and a chain as on paper: a <= b <= c is (a <= b) AND (b <= c),
 * the middle operand shared (evaluated once per comparison). */
static node *parse_expression(parser *p)
{
    node *left = parse_additive(p), *chain = NULL;
    binary_op op;
    while (left && comparison_at(p, &op)) {
        next(p);
        node *right = parse_additive(p);
        node *comparison = binary(p, op, left, right);
        chain = chain ? binary(p, OP_AND, chain, comparison) : comparison;
        if (chain == NULL)
            return NULL;
        left = right;
    }
    return chain ? chain : left;
}

rel_formula *rel_formula_parse(const char *text, rel_origin at, rel_arena *arena,
                               rel_diags *diags)
{
    parser p = {.text = text, .at = at, .arena = arena, .diags = diags};
    next(&p);
    node *root = parse_expression(&p);
    if (!p.failed && p.current.kind != TOK_END)
        syntax_error(&p, p.current.start, "testo in più dopo la fine della formula");
    if (p.failed || root == NULL)
        return NULL;
    rel_formula *formula = rel_arena_alloc(arena, sizeof *formula);
    if (formula)
        formula->root = root;
    return formula;
}
