#include "render/xlsx/xlsx_writer.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "core/codes.h"
#include "render/xlsx/xlsx_sheets.h"

/* The sheets of the annex in their order, each with its Allegato letter:
 * fixed, so that "Allegato I" is the funds in every entity's annex,
 * whatever else it has. The free tables follow as T.1, T.2, ..., the
 * checks close as V. A dataset the input does not have has no sheet. */
typedef struct catalogued {
    const char *dataset;
    const char *letter;
    const char *name;
    rel_xlsx_writer *write;
    int pass;              /* 1: refers to the cells of sheets written in pass 0 */
} catalogued;

static const catalogued catalogue[] = {
    {"schede", "A", "Schede", rel_xlsx_schede, 0},
    {"centri_di_costo", "B", "Centri di costo", rel_xlsx_centri, 1},
    {"stato_patrimoniale", "C", "Stato patrimoniale", rel_xlsx_bilancio, 0},
    {"indici", "D", "Indici", rel_xlsx_indici, 1},
    {"valore_produzione", "E", "Valore produzione", rel_xlsx_dataset, 0},
    {"entrate", "F", "Entrate", rel_xlsx_dataset, 0},
    {"costi", "G", "Costi", rel_xlsx_dataset, 0},
    {"avanzo", "H", "Avanzo", rel_xlsx_avanzo, 1},
    {"fondi", "I", "Fondi", rel_xlsx_dataset, 0},
    {"personale", "J", "Personale", rel_xlsx_dataset, 0},
    {"obiettivi", "K", "Obiettivi", rel_xlsx_dataset, 0},
    {"obiettivi", "L", "Riepilogo obiettivi", rel_xlsx_riepilogo, 0},
    {"riepilogo_obiettivi", "M", "Riepilogo dichiarato", rel_xlsx_dataset, 0},
    {"progetti", "N", "Progetti", rel_xlsx_progetti, 0},
    {"indicatori", "O", "Indicatori", rel_xlsx_dataset, 0},
    {"indicatori_calcolati", "P", "Indicatori calcolati", rel_xlsx_calcolati, 1},
    {"organi", "Q", "Organi", rel_xlsx_dataset, 0},
    {"sedute", "R", "Sedute", rel_xlsx_dataset, 0},
};
#define CATALOGUE_COUNT (sizeof catalogue / sizeof catalogue[0])

static time_t stamp_time(const rel_doc_stamp *s)
{
    struct tm tm = {.tm_year = s->year - 1900, .tm_mon = s->month - 1, .tm_mday = s->day,
                    .tm_hour = s->hour, .tm_min = s->minute, .tm_sec = s->second};
    return timegm(&tm);
}

/* "T3 Tutela minori": at most 31 characters, none of []:*?/\ , no
 * apostrophe at either end (Excel's rules for sheet names); the number
 * makes it distinct. */
static const char *free_table_name(rel_arena *arena, size_t n, const char *title)
{
    char name[4 * 31 + 1];
    int used = snprintf(name, sizeof name, "T%zu ", n);
    size_t characters = (size_t)used;
    for (const unsigned char *p = (const unsigned char *)title; *p && used < (int)sizeof name - 5;
         p++) {
        bool start = (*p & 0xC0) != 0x80;
        if (start && characters == 31)
            break;
        if (strchr("[]:*?/\\", *p))
            continue;
        name[used++] = (char)*p;
        characters += start;
    }
    while (used > 0 && (name[used - 1] == '\'' || name[used - 1] == ' '))
        used--;
    name[used] = '\0';
    return rel_arena_strdup(arena, name);
}

/* The entries of the annex for this model, in order. */
static size_t plan(const rel_model *model, rel_arena *arena, rel_xlsx_entry *entries,
                   rel_xlsx_writer **writers)
{
    int year = model->entity.year;
    size_t count = 0, free_tables = 0;
    for (size_t i = 0; i < CATALOGUE_COUNT; i++) {
        const rel_dataset *d = rel_model_dataset(model, catalogue[i].dataset);
        if (d == NULL)
            continue;
        const char *title = strcmp(catalogue[i].name, "Riepilogo obiettivi") == 0
                                ? "Riepilogo degli obiettivi" : d->title;
        entries[count] = (rel_xlsx_entry){
            catalogue[i].name, rel_arena_printf(arena, "Allegato %s", catalogue[i].letter),
            rel_arena_printf(arena, "%s %d", title, year), d, catalogue[i].pass, 0};
        writers[count++] = catalogue[i].write;
    }
    for (size_t i = 0; i < model->dataset_count; i++) {
        const rel_dataset *d = &model->datasets[i];
        if (!d->generic)
            continue;
        free_tables++;
        entries[count] = (rel_xlsx_entry){
            free_table_name(arena, free_tables, d->title),
            rel_arena_printf(arena, "Allegato T.%zu", free_tables), d->title, d, 0, 0};
        writers[count++] = rel_xlsx_dataset;
    }
    entries[count] = (rel_xlsx_entry){"Verifiche", "Allegato V",
                                      rel_arena_printf(arena, "Prospetto delle verifiche %d", year),
                                      NULL, 2, 0};
    writers[count++] = rel_xlsx_verifiche;
    return count;
}

static bool entries_valid(const rel_xlsx_entry *entries, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (entries[i].name == NULL || entries[i].annex == NULL || entries[i].title == NULL)
            return false;
    return true;
}

static void set_properties(rel_xlsx_book *book, const rel_model *model,
                           const rel_doc_stamp *created)
{
    char title[96];
    snprintf(title, sizeof title, "Allegati alla relazione sulla gestione %d", model->entity.year);
    lxw_doc_properties properties = {
        .title = title,
        .subject = "Ogni tabella della relazione, con i totali e le verifiche come formule",
        .author = (char *)model->entity.name.text,
        .company = (char *)model->entity.name.text,
        .created = stamp_time(created),
    };
    lxw_error error = workbook_set_properties(book->workbook, &properties);
    if (error != LXW_NO_ERROR) {
        book->ok = false;
        rel_diag_add(book->diags, REL_SEV_ERROR, REL_E_XLSX_CELL, (rel_origin){book->shown, 0, 0},
                     "proprietà del documento Excel non scritte: %s", lxw_strerror(error));
    }
}

/* Where libxlsxwriter keeps each sheet's rows until the file is zipped:
 * $TMPDIR as Unix programs do (libxlsxwriter alone would ignore it), so a
 * RAM-backed /tmp can be avoided; the files are unlinked as soon as made. */
static const char *temporary_directory(void)
{
    const char *dir = getenv("TMPDIR");
    return dir && dir[0] ? dir : "/tmp";
}

/* In constant_memory mode libxlsxwriter reserves, for every sheet, 128 KB
 * of row cells (one pointer per possible column) and keeps a temporary file
 * open. Taken from the heap, the reserve is zeroed and resident (glibc
 * serves it from the top of the heap, which it pads, and raises its mmap
 * threshold as large blocks are freed); with no padding and a fixed
 * threshold each reserve is mapped apart and costs only the page it uses:
 * 8 KB a sheet instead of 130, measured with 5.000 free tables. The file descriptors are raised to the hard limit when the
 * sheets need more than the soft one; when the system still refuses, E220. */
static void prepare_process(size_t sheets)
{
#if defined M_MMAP_THRESHOLD && defined M_TOP_PAD
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TOP_PAD, 0);
#endif
    struct rlimit files;
    rlim_t wanted = (rlim_t)sheets + 64;
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY
        && files.rlim_cur < wanted) {
        files.rlim_cur = files.rlim_max == RLIM_INFINITY || files.rlim_max > wanted
                             ? wanted : files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
}

bool rel_xlsx_write(const rel_model *model, const rel_indicators *indicators,
                    const rel_findings *findings, const rel_doc_stamp *created, const char *path,
                    const char *shown, rel_diags *diags)
{
    rel_arena *arena = findings->arena;
    rel_xlsx_book book;
    if (!rel_xlsx_book_open(&book, path, temporary_directory(), shown, model, arena, diags))
        return false;
    set_properties(&book, model, created);
    size_t capacity = CATALOGUE_COUNT + model->dataset_count + 1;
    rel_xlsx_entry *entries = rel_arena_array(arena, capacity, sizeof *entries);
    rel_xlsx_writer **writers = rel_arena_array(arena, capacity, sizeof *writers);
    rel_xlsx_checks checks;
    size_t count = entries && writers ? plan(model, arena, entries, writers) : 0;
    if (count == 0 || !entries_valid(entries, count)
        || !rel_xlsx_checks_index(&checks, findings, arena)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){shown, 0, 0},
                     "memoria esaurita preparando l'allegato Excel");
        rel_xlsx_book_close(&book);
        return false;
    }
    prepare_process(count + 1);
    rel_xlsx_context ctx = {&book, &checks, findings, indicators};
    static const rel_xlsx_column contents_columns[] = {
        {"Allegato", 12, true}, {"Foglio", 24, false}, {"Contenuto", 64, false},
        {"Righe", 8, true},
    };
    rel_xlsx_sheet contents;
    const char *title = rel_arena_printf(arena, "Allegati alla relazione sulla gestione %d",
                                         model->entity.year);
    bool ok = book.ok && title && rel_xlsx_sheet_add(&book, "Indice");
    for (size_t i = 0; ok && i < count; i++)
        ok = rel_xlsx_sheet_add(&book, entries[i].name);
    ok = ok && rel_xlsx_sheet_begin(&book, &contents, "Indice", "Indice", title,
                                    contents_columns, 4, 1, -1);
    for (int pass = 0; pass <= 2; pass++)
        for (size_t i = 0; ok && i < count; i++)
            ok = entries[i].pass != pass || writers[i](&ctx, &entries[i]);
    ok = ok && rel_xlsx_contents(&ctx, &contents, entries, count);
    return rel_xlsx_book_close(&book) && ok;
}
