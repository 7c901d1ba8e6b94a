#include "load/csv_reader.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/codes.h"
#include "core/number.h"

const rel_csv_limits rel_csv_default_limits = {
    .max_field_bytes = 64 * 1024,
    .max_rows = 1000000,
    .max_columns = 256,
};

/* State shared with libcsv's callbacks while one file is fed to it. */
typedef struct reader {
    const char *path;
    const rel_csv_limits *limits;
    rel_arena *arena;
    rel_diags *diags;
    char separator;
    /* position of the byte being fed */
    size_t offset;
    uint32_t line, col;
    /* the field being read */
    bool field_open, field_has_content, field_quoted;
    size_t field_offset;
    uint32_t field_line, field_col;
    /* the record being read, and the records so far (malloc'd) */
    rel_cell *cells;
    size_t cell_count, cell_capacity;
    rel_csv_row *rows;
    size_t row_count, row_capacity;
    bool stopped;   /* an error ended the parse of this file */
    bool out_of_memory;
} reader;

static bool grow(void **items, size_t *capacity, size_t item_size)
{
    size_t wanted = *capacity ? *capacity * 2 : 16;
    void *bigger = realloc(*items, wanted * item_size);
    if (bigger == NULL)
        return false;
    *items = bigger;
    *capacity = wanted;
    return true;
}

static void stop_with(reader *r, const char *code, uint32_t line, uint32_t col,
                      const char *message)
{
    if (!r->stopped)
        rel_diag_add(r->diags, REL_SEV_ERROR, code, (rel_origin){r->path, line, col}, "%s",
                     message);
    r->stopped = true;
}

static void on_field(void *data, size_t len, void *context)
{
    reader *r = context;
    if (r->stopped)
        return;
    if (r->cell_count == r->limits->max_columns) {
        stop_with(r, REL_E_CSV_EXTRA_CELL, r->field_line, r->field_col,
                  "troppe colonne in questa riga: oltre il limite ammesso");
        return;
    }
    if (r->cell_count == r->cell_capacity
        && !grow((void **)&r->cells, &r->cell_capacity, sizeof *r->cells)) {
        r->out_of_memory = r->stopped = true;
        return;
    }
    char *text = rel_arena_strndup(r->arena, data ? data : "", data ? len : 0);
    if (text == NULL) {
        r->out_of_memory = r->stopped = true;
        return;
    }
    r->cells[r->cell_count++] = (rel_cell){text, (uint32_t)len, r->field_line, r->field_col};
    r->field_open = false;
}

static void on_record(int terminator, void *context)
{
    (void)terminator;
    reader *r = context;
    if (r->stopped || r->cell_count == 0)
        return;
    if (r->row_count == r->limits->max_rows + 1) {
        stop_with(r, REL_E_CSV_TOO_MANY_ROWS, r->cells[0].line, 0,
                  "troppe righe: il file supera il limite di righe ammesso");
        return;
    }
    rel_cell *cells = rel_arena_array(r->arena, r->cell_count, sizeof *cells);
    if (cells == NULL || (r->row_count == r->row_capacity
                          && !grow((void **)&r->rows, &r->row_capacity, sizeof *r->rows))) {
        r->out_of_memory = r->stopped = true;
        return;
    }
    memcpy(cells, r->cells, r->cell_count * sizeof *cells);
    r->rows[r->row_count++] = (rel_csv_row){cells, (uint32_t)r->cell_count, cells[0].line};
    r->cell_count = 0;
}

/* Keeps the start of the current field on its first non-blank byte, so a
 * diagnostic points at the value and not at the blanks before it. */
static void track_field_start(reader *r, unsigned char byte)
{
    if (!r->field_open) {
        if (byte == '\r' || byte == '\n')
            return;
        r->field_open = true;
        r->field_has_content = false;
        r->field_quoted = false;
        r->field_offset = r->offset;
        r->field_line = r->line;
        r->field_col = r->col;
    }
    if (!r->field_has_content && byte != ' ' && byte != '\t' && byte != (unsigned char)r->separator) {
        r->field_has_content = true;
        r->field_quoted = byte == '"';
        r->field_offset = r->offset;
        r->field_line = r->line;
        r->field_col = r->col;
    }
}

/* Lines end with LF, CRLF or a lone CR (Excel's "CSV Macintosh"). */
static void advance_position(reader *r, unsigned char byte, unsigned char next)
{
    r->offset++;
    if (byte == '\n' || (byte == '\r' && next != '\n')) {
        r->line++;
        r->col = 1;
    } else if (byte != '\r' && (byte & 0xC0) != 0x80) {
        r->col++;
    }
}

static void report_parse_error(reader *r)
{
    if (r->field_quoted)
        stop_with(r, REL_E_CSV_QUOTE_STRAY, r->line, r->col,
                  "dopo le virgolette che chiudono il campo è atteso il separatore o la fine "
                  "della riga; virgolette dentro un campo si scrivono raddoppiate (\"\")");
    else
        stop_with(r, REL_E_CSV_QUOTE_STRAY, r->line, r->col,
                  "virgolette dentro un campo non racchiuso tra virgolette: racchiudere "
                  "l'intero campo tra virgolette e raddoppiare quelle interne (\"\")");
}

/* Feeds libcsv one byte at a time: it reports fields but not where they
 * are, and this is the simplest exact way to know the line and column at
 * which each field starts (libcsv still does all of the parsing). */
static void feed(reader *r, struct csv_parser *parser, const rel_text *text)
{
    for (size_t i = 0; i < text->len && !r->stopped; i++) {
        unsigned char byte = (unsigned char)text->data[i];
        track_field_start(r, byte);
        if (r->field_open && r->offset - r->field_offset > r->limits->max_field_bytes) {
            char limit[REL_NUMBER_FORMAT_MAX], message[200];
            snprintf(message, sizeof message, "campo troppo lungo: supera il limite di %s byte "
                     "(forse virgolette aperte e mai chiuse)",
                     rel_number_format((int64_t)r->limits->max_field_bytes, 0, 0, 0, limit));
            stop_with(r, REL_E_CSV_FIELD_TOO_LONG, r->field_line, r->field_col, message);
            break;
        }
        if (csv_parse(parser, text->data + i, 1, on_field, on_record, r) != 1) {
            report_parse_error(r);
            break;
        }
        advance_position(r, byte, i + 1 < text->len ? (unsigned char)text->data[i + 1] : 0);
    }
    if (!r->stopped && csv_fini(parser, on_field, on_record, r) != 0)
        stop_with(r, REL_E_CSV_QUOTE_OPEN, r->field_line, r->field_col,
                  "virgolette aperte qui e mai chiuse fino alla fine del file");
}

char rel_csv_detect_separator(const rel_text *text)
{
    size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (size_t i = 0; i < text->len; i++) {
        char c = text->data[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ';')
            semicolons++;
        else if (!quoted && c == ',')
            commas++;
        else if (!quoted && c == '\t')
            tabs++;
    }
    if (tabs > semicolons && tabs >= commas)
        return '\t';
    if (commas > semicolons && commas > tabs)
        return ',';
    return ';';
}

static bool cell_is_blank(const rel_cell *cell)
{
    return cell->len == 0;
}

/* Drops the empty labels Excel leaves after the last column (";;;"), then
 * checks that every remaining label is present and unique. */
static bool check_header(reader *r, rel_csv_row *header)
{
    while (header->count > 0 && cell_is_blank(&header->cells[header->count - 1]))
        header->count--;
    if (header->count == 0) {
        rel_diag_add(r->diags, REL_SEV_ERROR, REL_E_CSV_EMPTY, (rel_origin){r->path, header->line, 0},
                     "la riga di intestazione è vuota: attesi i nomi delle colonne");
        return false;
    }
    bool ok = true;
    for (uint32_t i = 0; i < header->count; i++) {
        const rel_cell *label = &header->cells[i];
        if (cell_is_blank(label)) {
            rel_diag_add(r->diags, REL_SEV_ERROR, REL_E_COL_BLANK,
                         (rel_origin){r->path, label->line, label->col},
                         "la colonna %u non ha un'intestazione", i + 1);
            ok = false;
            continue;
        }
        for (uint32_t j = 0; j < i; j++) {
            if (strcasecmp(header->cells[j].text, label->text) == 0) {
                rel_diag_add(r->diags, REL_SEV_ERROR, REL_E_COL_DUPLICATE,
                             (rel_origin){r->path, label->line, label->col},
                             "l'intestazione «%s» compare due volte: è la colonna %u, e lo è "
                             "già la colonna %u", label->text, i + 1, j + 1);
                ok = false;
                break;
            }
        }
    }
    return ok;
}

static bool row_is_blank(const rel_csv_row *row)
{
    for (uint32_t i = 0; i < row->count; i++)
        if (!cell_is_blank(&row->cells[i]))
            return false;
    return true;
}

/* Brings a data row to the header's width; false after reporting why not. */
static bool fit_row(reader *r, rel_csv_row *row, const rel_csv_row *header)
{
    uint32_t width = header->count;
    for (uint32_t i = width; i < row->count; i++) {
        const rel_cell *extra = &row->cells[i];
        if (!cell_is_blank(extra)) {
            rel_diag_add(r->diags, REL_SEV_ERROR, REL_E_CSV_EXTRA_CELL,
                         (rel_origin){r->path, extra->line, extra->col},
                         "cella in più «%s»: l'intestazione ha %u colonne, questa riga ne "
                         "ha %u", extra->text, width, row->count);
            return false;
        }
    }
    if (row->count < width) {
        const rel_cell *last = &row->cells[row->count - 1];
        rel_diag_add(r->diags, REL_SEV_ERROR, REL_E_CSV_MISSING_CELL,
                     (rel_origin){r->path, last->line, last->col},
                     "mancano celle: l'intestazione ha %u colonne, questa riga ne ha %u "
                     "(manca «%s»)", width, row->count, header->cells[row->count].text);
        return false;
    }
    row->count = width;
    return true;
}

static bool build_table(reader *r, rel_csv_table *table)
{
    if (r->row_count == 0) {
        rel_diag_add(r->diags, REL_SEV_ERROR, REL_E_CSV_EMPTY, (rel_origin){r->path, 0, 0},
                     "il file è vuoto: attesa almeno la riga di intestazione");
        return false;
    }
    table->header = r->rows[0];
    bool ok = check_header(r, &table->header);
    size_t kept = 0;
    for (size_t i = 1; i < r->row_count; i++) {
        rel_csv_row row = r->rows[i];
        if (row_is_blank(&row))
            continue;
        if (fit_row(r, &row, &table->header))
            r->rows[1 + kept++] = row;
        else
            ok = false;
    }
    table->row_count = kept;
    table->rows = rel_arena_array(r->arena, kept ? kept : 1, sizeof *table->rows);
    if (table->rows == NULL) {
        r->out_of_memory = true;
        return false;
    }
    memcpy(table->rows, r->rows + 1, kept * sizeof *table->rows);
    return ok;
}

/* With a separator forced by the user, a header line that has none of it
 * but another one means the file is not what the setting says: better said
 * plainly than reported as the stray quotes and cells it would cause. */
static bool separator_agrees(const rel_text *text, const char *path, char forced,
                             rel_diags *diags)
{
    char detected = rel_csv_detect_separator(text);
    size_t header = strcspn(text->data, "\r\n");
    bool has_forced = memchr(text->data, forced, header) != NULL;
    bool has_detected = memchr(text->data, detected, header) != NULL;
    if (has_forced || !has_detected || detected == forced)
        return true;
    static const char *const names[] = {"virgole", "punti e virgola", "tabulazioni"};
    const char *seems = names[detected == ',' ? 0 : detected == ';' ? 1 : 2];
    const char *set = forced == ',' ? "«,»" : forced == ';' ? "«;»" : "«tab»";
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_CSV_SEPARATOR, (rel_origin){path, 1, 0},
                 "il file sembra separato da %s, ma in metadati.ini opzioni.separatore è %s: "
                 "togliere l'opzione (il separatore si riconosce da sé) o esportare di nuovo "
                 "il file", seems, set);
    return false;
}

bool rel_csv_parse(const rel_text *text, const char *path, char separator,
                   const rel_csv_limits *limits, rel_arena *arena, rel_diags *diags,
                   rel_csv_table *table)
{
    memset(table, 0, sizeof *table);
    table->path = path;
    if (separator && !separator_agrees(text, path, separator, diags))
        return false;
    table->separator = separator ? separator : rel_csv_detect_separator(text);
    reader r = {
        .path = path, .limits = limits, .arena = arena, .diags = diags,
        .separator = table->separator, .line = 1, .col = 1,
    };
    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){path, 0, 0},
                     "memoria esaurita");
        return false;
    }
    csv_set_delim(&parser, (unsigned char)table->separator);
    feed(&r, &parser, text);
    csv_free(&parser);

    bool ok = !r.stopped && build_table(&r, table);
    if (r.out_of_memory)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){path, 0, 0},
                     "memoria esaurita leggendo il file");
    free(r.cells);
    free(r.rows);
    return ok && !r.out_of_memory;
}

int rel_csv_column(const rel_csv_table *table, const char *label)
{
    for (uint32_t i = 0; i < table->header.count; i++)
        if (strcasecmp(table->header.cells[i].text, label) == 0)
            return (int)i;
    return -1;
}
