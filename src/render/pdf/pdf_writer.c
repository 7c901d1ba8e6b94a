#include "render/pdf/pdf_writer.h"

#include <errno.h>
#include <hpdf.h>
#include <string.h>

#include "core/codes.h"
#include "core/syserr.h"
#include "render/pdf/pdf_flow.h"
#include "render/pdf/pdf_hyphen.h"
#include "render/pdf/pdf_layout.h"
#include "render/pdf/pdf_nav.h"
#include "render/pdf/pdf_pdfa.h"
#include "render/pdf/pdf_trace.h"

/* libharu's errors are sticky; the handler only remembers the first. */
typedef struct pdf_errors {
    HPDF_STATUS code;
    HPDF_STATUS detail;
    int system;        /* errno when the error happened: the reason of a file error */
} pdf_errors;

static void on_pdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *data)
{
    pdf_errors *errors = data;
    if (errors->code == 0) {
        errors->code = code;
        errors->detail = detail;
        errors->system = errno;
    }
}

static void centered(rel_pdf_ctx *ctx, rel_pdf_font font, double size, double y, const char *utf8)
{
    const char *text = rel_pdf_text(ctx, utf8);
    rel_pdf_line *lines;
    size_t count = text ? rel_pdf_wrap(ctx, font, size, text, REL_PDF_TEXT_WIDTH, &lines) : 0;
    for (size_t i = 0; i < count; i++, y -= size * 1.25)
        rel_pdf_draw_line(ctx, font, size, (REL_PDF_PAGE_WIDTH - lines[i].width) / 2, y,
                          &lines[i], 0.0);
}

static bool draw_cover(rel_pdf_ctx *ctx, const rel_document *doc)
{
    if (!rel_pdf_new_page(ctx))
        return false;
    HPDF_Page page = ctx->page;
    HPDF_Page_SetRGBFill(page, 0.11, 0.23, 0.40);
    HPDF_Page_Rectangle(page, 0, REL_PDF_PAGE_HEIGHT - 190, REL_PDF_PAGE_WIDTH, 190);
    HPDF_Page_Fill(page);
    HPDF_Page_SetRGBFill(page, 1.0, 1.0, 1.0);
    centered(ctx, ctx->fonts.sans_bold, 20, REL_PDF_PAGE_HEIGHT - 95, doc->entity);
    HPDF_Page_SetRGBFill(page, 0.0, 0.0, 0.0);
    centered(ctx, ctx->fonts.serif, 30, 470, doc->title);
    centered(ctx, ctx->fonts.serif_italic, 17, 430, doc->subtitle);
    HPDF_Page_SetRGBStroke(page, 0.11, 0.23, 0.40);
    HPDF_Page_SetLineWidth(page, 1.2);
    HPDF_Page_MoveTo(page, REL_PDF_PAGE_WIDTH / 2 - 60, 405);
    HPDF_Page_LineTo(page, REL_PDF_PAGE_WIDTH / 2 + 60, 405);
    HPDF_Page_Stroke(page);
    HPDF_Page_SetRGBStroke(page, 0.0, 0.0, 0.0);
    centered(ctx, ctx->fonts.sans, 9.5, 110, doc->entity_detail);
    return true;
}

/* Running header and "pag. X di Y" footer on every page but the cover;
 * drawn last, when Y is known. */
static bool draw_running_parts(rel_pdf_ctx *ctx, const rel_document *doc)
{
    const char *left = rel_pdf_text(ctx, doc->entity);
    const char *right = rel_arena_printf(ctx->arena, "%s – %s", doc->title, doc->subtitle);
    right = right ? rel_pdf_text(ctx, right) : NULL;
    if (left == NULL || right == NULL)
        return false;
    double right_width = rel_pdf_width(ctx->fonts.sans, 8, right, strlen(right));
    for (size_t i = 1; i < ctx->page_count; i++) {
        ctx->page = ctx->pages[i];
        double page_width = rel_pdf_page_width(ctx, i);
        double header = rel_pdf_page_height(ctx, i) - 41.89;
        HPDF_Page_SetGrayFill(ctx->page, 0.35);
        rel_pdf_draw_text(ctx, ctx->fonts.sans, 8, REL_PDF_MARGIN_X, header, left);
        rel_pdf_draw_text(ctx, ctx->fonts.sans, 8, page_width - REL_PDF_MARGIN_X - right_width,
                          header, right);
        HPDF_Page_SetGrayStroke(ctx->page, 0.6);
        HPDF_Page_SetLineWidth(ctx->page, 0.4);
        HPDF_Page_MoveTo(ctx->page, REL_PDF_MARGIN_X, header - 6);
        HPDF_Page_LineTo(ctx->page, page_width - REL_PDF_MARGIN_X, header - 6);
        HPDF_Page_Stroke(ctx->page);
        char footer[64];
        snprintf(footer, sizeof footer, "pag. %zu di %zu", i + 1, ctx->page_count);
        double width = rel_pdf_width(ctx->fonts.sans, 8.5, footer, strlen(footer));
        rel_pdf_draw_text(ctx, ctx->fonts.sans, 8.5, (page_width - width) / 2, 40, footer);
        HPDF_Page_SetGrayFill(ctx->page, 0.0);
    }
    return true;
}

/* The Info strings are UTF-8 for libharu's "UTF-8" encoder, which writes
 * them as UTF-16BE text strings: any name reads right in a viewer. */
static void set_info(rel_pdf_ctx *ctx, const rel_document *doc)
{
    HPDF_SetCurrentEncoder(ctx->pdf, "UTF-8");
    HPDF_SetInfoAttr(ctx->pdf, HPDF_INFO_TITLE, rel_pdf_text(ctx, doc->title));
    HPDF_SetInfoAttr(ctx->pdf, HPDF_INFO_AUTHOR, rel_pdf_text(ctx, doc->author));
    HPDF_SetInfoAttr(ctx->pdf, HPDF_INFO_SUBJECT, rel_pdf_text(ctx, doc->subtitle));
    HPDF_SetInfoAttr(ctx->pdf, HPDF_INFO_CREATOR, "relazione " REL_VERSION);
    const char *keywords = rel_arena_printf(ctx->arena, "relazione sulla gestione; bilancio; %s; "
                                            "%s", doc->subtitle, doc->entity);
    if (keywords)
        HPDF_SetInfoAttr(ctx->pdf, HPDF_INFO_KEYWORDS, rel_pdf_text(ctx, keywords));
    /* The document's language, for screen readers and search: libharu has
     * no call for the catalog's /Lang, so it is set on the dictionary. */
    HPDF_Dict_Add(ctx->pdf->catalog, "Lang", HPDF_String_New(ctx->pdf->mmgr, "it-IT", NULL));
    HPDF_Date date = {doc->created.year, doc->created.month, doc->created.day,
                      doc->created.hour, doc->created.minute, doc->created.second, '+', 0, 0};
    HPDF_SetInfoDateAttr(ctx->pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(ctx->pdf, HPDF_INFO_MOD_DATE, date);
}

/* The data were checked at their cells (pdf_check.h); a character left
 * that no face has is in the template's own text: an error, never a '?'. */
static bool all_printable(const rel_pdf_ctx *ctx, const char *shown, rel_diags *diags)
{
    if (ctx->unprintable == 0)
        return true;
    rel_diag_add(diags, REL_SEV_ERROR, REL_E_PDF_CHAR, (rel_origin){shown, 0, 0},
                 "%zu caratteri del testo del modello non si possono stampare: i caratteri "
                 "tipografici del PDF non li contengono", ctx->unprintable);
    return false;
}

bool rel_pdf_write(const rel_document *doc, const char *path, const char *shown,
                   rel_diags *diags, size_t *pages)
{
    *pages = 0;
    pdf_errors errors = {0, 0, 0};
    HPDF_Doc pdf = HPDF_New(on_pdf_error, &errors);
    if (pdf == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){shown, 0, 0},
                     "memoria esaurita creando il PDF");
        return false;
    }
    rel_pdf_ctx ctx = {.pdf = pdf, .arena = doc->arena, .draft = doc->draft};
    size_t errors_before = diags->errors;   /* a failure already explained is not repeated */
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    rel_pdf_hyphens *hyphens = NULL;
    bool ok = rel_pdf_fonts_load(pdf, &ctx.fonts, diags)
              && (hyphens = rel_pdf_hyphens_load(shown, diags)) != NULL;
    ctx.hyphens = hyphens;
    rel_pdf_trace_open(&ctx);
    if (ok) {
        set_info(&ctx, doc);
        ok = draw_cover(&ctx, doc) && rel_pdf_flow(&ctx, doc) && rel_pdf_toc_fill(&ctx)
             && rel_pdf_bookmarks(&ctx) && draw_running_parts(&ctx, doc)
             && rel_pdf_fonts_finish(&ctx.fonts) && all_printable(&ctx, shown, diags)
             && rel_pdf_pdfa(&ctx, doc, shown, diags);
        if (ok && errors.code == 0)
            HPDF_SaveToFile(pdf, path);
    }
    if (errors.code == HPDF_FILE_IO_ERROR || errors.code == HPDF_FILE_OPEN_ERROR) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUTPUT_WRITE, (rel_origin){shown, 0, 0},
                     "scrittura del PDF non riuscita: %s",
                     errors.system ? rel_syserr(errors.system) : "errore di scrittura");
        ok = false;
    } else if (errors.code != 0 || (!ok && diags->errors == errors_before)) {
        /* every libharu failure, and any failure not yet explained */
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_PDF, (rel_origin){shown, 0, 0},
                     "errore nella scrittura del PDF (libharu 0x%04X, dettaglio %u)",
                     (unsigned)errors.code, (unsigned)errors.detail);
        ok = false;
    }
    if (ok)
        *pages = ctx.page_count;
    rel_pdf_trace_close(&ctx);
    rel_pdf_hyphens_free(hyphens);
    rel_pdf_fonts_close(&ctx.fonts);
    HPDF_Free(pdf);
    return ok;
}
