#include "load/ini.h"

#include <ctype.h>
#include <string.h>

#include "core/codes.h"

/* One physical line being parsed. */
typedef struct ini_line {
    const char *start;
    size_t len;
    unsigned number;
} ini_line;

/* Character column (from 1) of byte `at` within the line. */
static unsigned column_of(const ini_line *line, size_t at)
{
    unsigned col = 1;
    for (size_t i = 0; i < at; i++)
        if (((unsigned char)line->start[i] & 0xC0) != 0x80)
            col++;
    return col;
}

static size_t skip_blanks(const ini_line *line, size_t at)
{
    while (at < line->len && (line->start[at] == ' ' || line->start[at] == '\t'))
        at++;
    return at;
}

static size_t trim_end(const ini_line *line, size_t from, size_t end)
{
    while (end > from && (line->start[end - 1] == ' ' || line->start[end - 1] == '\t'))
        end--;
    return end;
}

static bool is_key_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.';
}

static char *lower_copy(rel_arena *arena, const char *text, size_t len)
{
    char *copy = rel_arena_strndup(arena, text, len);
    if (copy != NULL)
        for (char *p = copy; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    return copy;
}

typedef struct ini_parser {
    const char *path;
    rel_arena *arena;
    rel_diags *diags;
    const char *section;
    rel_ini_entry *entries;   /* arena array, doubled when full */
    size_t count, capacity;
    bool ok;
} ini_parser;

static void syntax_error(ini_parser *p, const ini_line *line, size_t at, const char *message)
{
    rel_diag_add(p->diags, REL_SEV_ERROR, REL_E_META_SYNTAX,
                 (rel_origin){p->path, line->number, column_of(line, at)}, "%s", message);
    p->ok = false;
}

static void parse_section(ini_parser *p, const ini_line *line, size_t at)
{
    size_t close = at + 1;
    while (close < line->len && line->start[close] != ']')
        close++;
    if (close == line->len || skip_blanks(line, close + 1) != line->len) {
        syntax_error(p, line, at, "intestazione di sezione non valida: atteso «[nome]»");
        return;
    }
    size_t name = skip_blanks(line, at + 1);
    p->section = lower_copy(p->arena, line->start + name,
                            trim_end(line, name, close) - name);
}

static bool push_entry(ini_parser *p, rel_ini_entry entry)
{
    if (p->count == p->capacity) {
        size_t capacity = p->capacity ? p->capacity * 2 : 32;
        rel_ini_entry *bigger = rel_arena_array(p->arena, capacity, sizeof *bigger);
        if (bigger == NULL)
            return false;
        if (p->count)
            memcpy(bigger, p->entries, p->count * sizeof *bigger);
        p->entries = bigger;
        p->capacity = capacity;
    }
    p->entries[p->count++] = entry;
    return true;
}

static void parse_entry(ini_parser *p, const ini_line *line, size_t at)
{
    size_t key_end = at;
    while (key_end < line->len && is_key_char(line->start[key_end]))
        key_end++;
    size_t equals = skip_blanks(line, key_end);
    if (key_end == at || equals == line->len || line->start[equals] != '=') {
        syntax_error(p, line, key_end == at ? at : equals,
                     "riga non valida: atteso «chiave = valore» (la chiave con sole lettere, "
                     "cifre e _)");
        return;
    }
    size_t value = skip_blanks(line, equals + 1);
    size_t value_end = trim_end(line, value, line->len);
    if (value_end - value >= 2 && line->start[value] == '"' && line->start[value_end - 1] == '"') {
        value++;
        value_end--;
    }
    rel_ini_entry entry = {
        .section = p->section,
        .key = lower_copy(p->arena, line->start + at, key_end - at),
        .value = rel_arena_strndup(p->arena, line->start + value, value_end - value),
        .key_at = {p->path, line->number, column_of(line, at)},
        .value_at = {p->path, line->number, column_of(line, value)},
    };
    if (entry.key == NULL || entry.value == NULL || !push_entry(p, entry)) {
        rel_diag_add(p->diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, entry.key_at,
                     "memoria esaurita");
        p->ok = false;
    }
}

static void parse_line(ini_parser *p, const ini_line *line)
{
    size_t at = skip_blanks(line, 0);
    if (at == line->len || line->start[at] == '#' || line->start[at] == ';')
        return;
    if (line->start[at] == '[')
        parse_section(p, line, at);
    else
        parse_entry(p, line, at);
}

bool rel_ini_parse(const rel_text *text, const char *path, rel_arena *arena,
                   rel_diags *diags, rel_ini *ini)
{
    ini_parser p = {.path = path, .arena = arena, .diags = diags, .section = "", .ok = true};
    const char *cursor = text->data;
    const char *end = text->data + text->len;
    for (unsigned number = 1; cursor < end; number++) {
        /* a line ends at LF, CRLF or a lone CR */
        const char *newline = cursor;
        while (newline < end && *newline != '\n' && *newline != '\r')
            newline++;
        if (newline == end)
            newline = NULL;
        const char *line_end = newline ? newline : end;
        ini_line line = {cursor, (size_t)(line_end - cursor), number};
        parse_line(&p, &line);
        cursor = newline ? newline + 1 + (newline[0] == '\r' && newline + 1 < end
                                          && newline[1] == '\n') : end;
    }
    *ini = (rel_ini){path, p.entries, p.count};
    return p.ok;
}
