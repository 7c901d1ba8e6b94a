#include "render/pdf/pdf_check.h"

#include <hpdf.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "render/pdf/pdf_fonts.h"

typedef struct checker {
    rel_diags *diags;
    HPDF_Doc pdf;              /* a scratch document, only to read the faces */
    rel_pdf_fonts *fonts;      /* NULL until a character outside ASCII */
    bool faces;                /* loaded: at the first character outside WinAnsi */
    bool unavailable;          /* they could not be: the writer will say why */
    bool found;
} checker;

static void ignore_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
    (void)code, (void)detail, (void)data;
}

/* The WinAnsi table at the first character outside ASCII, the faces at
 * the first outside WinAnsi (reading them doubles the cost of a check). */
static bool ensure_fonts(checker *c, bool faces, rel_arena *arena)
{
    if (c->fonts == NULL && !c->unavailable) {
        c->pdf = HPDF_New(ignore_error, NULL);
        c->fonts = c->pdf ? malloc(sizeof *c->fonts) : NULL;
        c->unavailable = c->fonts == NULL || !rel_pdf_fonts_init(c->pdf, c->fonts);
    }
    if (faces && !c->faces && !c->unavailable) {
        rel_diags scratch;
        rel_diags_init(&scratch, arena);
        c->faces = rel_pdf_fonts_load_faces(c->fonts, &scratch);
        c->unavailable = !c->faces;
        rel_diags_free(&scratch);
    }
    return !c->unavailable;
}

/* Whether every face can show `cp`. */
static bool printable(checker *c, uint32_t cp, rel_arena *arena)
{
    if ((cp >= 0x20 && cp < 0x7F) || cp == '\n' || cp == '\r' || cp == '\t')
        return true;
    if (!ensure_fonts(c, false, arena))
        return true;   /* the writer will report why */
    if (rel_pdf_winansi(&c->fonts->faces[0], cp) != 0)
        return true;
    if (!ensure_fonts(c, true, arena))
        return true;
    for (size_t i = 0; i < REL_PDF_FACE_COUNT; i++)
        if (!rel_pdf_printable(&c->fonts->faces[i], cp))
            return false;
    return true;
}

static void report(checker *c, rel_origin at, const char *text, size_t len, uint32_t cp)
{
    c->found = true;
    rel_diag_add(c->diags, REL_SEV_ERROR, REL_E_PDF_CHAR, at,
                 "il carattere «%.*s» (U+%04X) non si può stampare nel PDF: i caratteri "
                 "tipografici Liberation non lo contengono; sostituirlo nel dato",
                 (int)len, text, (unsigned)cp);
}

/* Checks one text; the first unprintable character is reported at `at`. */
static void check_text(checker *c, const char *text, rel_origin at)
{
    size_t left = text ? strlen(text) : 0;
    for (size_t i = 0; i < left;) {
        uint32_t cp;
        size_t step = rel_pdf_decode(text + i, left - i, &cp);
        step = step ? step : 1;
        if (!printable(c, cp, c->diags->arena)) {
            report(c, at, text + i, step, cp);
            return;
        }
        i += step;
    }
}

/* A narrative: each unprintable character at its own line:column. */
static void check_narrative(checker *c, const rel_narrative *narrative)
{
    uint32_t line = 1, col = 1;
    size_t left = strlen(narrative->text);
    for (size_t i = 0; i < left; col++) {
        uint32_t cp;
        size_t step = rel_pdf_decode(narrative->text + i, left - i, &cp);
        step = step ? step : 1;
        if (!printable(c, cp, c->diags->arena))
            report(c, (rel_origin){narrative->path, line, col}, narrative->text + i, step, cp);
        if (cp == '\n') {
            line++;
            col = 0;
        }
        i += step;
    }
}

static void check_dataset(checker *c, const rel_dataset *dataset)
{
    for (size_t k = 0; k < dataset->column_count; k++)
        check_text(c, dataset->columns[k].label, dataset->columns[k].at);
    for (size_t r = 0; r < dataset->row_count; r++)
        for (size_t k = 0; k < dataset->column_count; k++)
            check_text(c, dataset->rows[r].values[k].text, dataset->rows[r].values[k].at);
}

bool rel_pdf_check_model(const rel_model *model, rel_diags *diags)
{
    checker c = {diags, NULL, NULL, false, false, false};
    const rel_entity *e = &model->entity;
    const rel_string *strings[] = {&e->name, &e->legal_form, &e->seat, &e->tax_code,
                                   &e->president, &e->director};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        check_text(&c, strings[i]->text, strings[i]->at);
    for (size_t i = 0; i < model->dataset_count; i++)
        check_dataset(&c, &model->datasets[i]);
    for (size_t i = 0; i < model->narrative_count; i++)
        check_narrative(&c, &model->narratives[i]);
    if (c.fonts != NULL)
        rel_pdf_fonts_close(c.fonts);
    free(c.fonts);
    if (c.pdf != NULL)
        HPDF_Free(c.pdf);
    return !c.found;
}
