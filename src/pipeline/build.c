#include "pipeline/build.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/codes.h"
#include "core/syserr.h"
#include "model/model.h"
#include "pipeline/interrupt.h"
#include "pipeline/load_model.h"
#include "pipeline/manifest.h"
#include "pipeline/output.h"
#include "pipeline/writers.h"
#include "render/pdf/pdf_check.h"
#include "render/pdf/pdf_writer.h"
#include "reconcile/reconcile.h"
#include "render/xlsx/xlsx_writer.h"
#include "template/template.h"

/* Everything the middle of the compiler knows about one input directory. */
typedef struct rel_analysis {
    rel_input_tree inputs;   /* what the input directory holds */
    rel_model model;
    rel_indicators indicators;
    rel_findings findings;
    rel_document doc;
} rel_analysis;

/* The exit status a diagnostic code calls for, and its rank: when several
 * kinds of error occurred, the lowest rank wins (a missing input explains
 * more than the findings computed without it). */
static int exit_rank(const char *code, rel_exit *status)
{
    static const struct {
        char letter;
        int first, last;
        rel_exit status;
    } ranges[] = {
        {'E', 1, 1, REL_EXIT_SOFTWARE},       /* out of memory */
        {'E', 2, 9, REL_EXIT_NOINPUT},        /* input directory and files */
        {'E', 14, 14, REL_EXIT_NOINPUT},      /* a directory that cannot be listed */
        {'E', 10, 199, REL_EXIT_DATA},        /* encoding, CSV, columns, metadata, values */
        {'E', 300, 399, REL_EXIT_DATA},       /* formulas */
        {'E', 200, 201, REL_EXIT_CANTCREAT},  /* output directory */
        {'E', 207, 207, REL_EXIT_CANTCREAT},
        {'E', 230, 230, REL_EXIT_CANTCREAT},  /* output directory in use */
        {'E', 232, 232, REL_EXIT_CANTCREAT},  /* a directory at an output's name */
        {'E', 210, 210, REL_EXIT_DATA},       /* a character the PDF cannot print */
        {'E', 202, 204, REL_EXIT_IOERR},      /* writing */
        {'E', 222, 223, REL_EXIT_DATA},       /* input an Excel sheet cannot hold */
        {'T', 0, 999, REL_EXIT_DATA},         /* templates (the user's overrides) */
        {'R', 0, 999, REL_EXIT_FINDINGS},     /* figures that do not reconcile */
    };
    int number = atoi(code + 1);
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (code[0] == ranges[i].letter && number >= ranges[i].first && number <= ranges[i].last) {
            *status = ranges[i].status;
            return (int)i;
        }
    *status = REL_EXIT_SOFTWARE;   /* fonts, PDF library: the installation */
    return 99;
}

rel_exit rel_exit_for(const rel_diags *diags)
{
    if (diags->out_of_memory)
        return REL_EXIT_SOFTWARE;
    rel_exit best = REL_EXIT_OK;
    int best_rank = 100;
    for (size_t i = 0; i < diags->count; i++) {
        if (diags->items[i].severity != REL_SEV_ERROR)
            continue;
        rel_exit status;
        int rank = exit_rank(diags->items[i].code, &status);
        if (rank < best_rank) {
            best_rank = rank;
            best = status;
        }
    }
    if (best == REL_EXIT_OK && diags->errors > 0)
        return REL_EXIT_SOFTWARE;
    return best;
}

rel_doc_stamp rel_build_stamp(int fiscal_year)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end;
    long long seconds = epoch ? strtoll(epoch, &end, 10) : -1;
    if (epoch && *epoch && *end == '\0' && seconds >= 0) {
        time_t t = (time_t)seconds;
        struct tm tm;
        gmtime_r(&t, &tm);
        return (rel_doc_stamp){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                               tm.tm_hour, tm.tm_min, tm.tm_sec};
    }
    return (rel_doc_stamp){fiscal_year, 12, 31, 0, 0, 0};
}

/* Everything but writing: load and validate, compute the user's
 * indicators, reconcile, evaluate the template into the document tree
 * (which checks the statutory items too). Findings become diagnostics.
 * `mode` is CHECK, or FINAL for a build (a draft when the metadata or
 * `force_draft` ask for one). false when the data could not be loaded
 * (nothing was computed). */
static bool analyse(const char *in_dir, rel_template_mode mode, bool force_draft,
                    rel_arena *arena, rel_diags *diags, rel_analysis *out)
{
    if (!rel_model_scan(in_dir, arena, diags, &out->inputs)
        || !rel_model_load_tree(&out->inputs, arena, diags, &out->model))
        return false;
    assert(rel_model_check(&out->model));
    rel_pdf_check_model(&out->model, diags);
    out->model.entity.draft = out->model.entity.draft || force_draft;
    if (mode == REL_TEMPLATE_FINAL && out->model.entity.draft)
        mode = REL_TEMPLATE_DRAFT;
    rel_indicators_compute(&out->model, arena, diags, &out->indicators);
    rel_findings_init(&out->findings, arena);
    rel_reconcile(&out->model, &out->indicators, arena, diags, &out->findings);
    rel_template_ctx ctx = {&out->model, &out->indicators, &out->findings, in_dir,
                            rel_template_dir(), mode};
    rel_doc_init(&out->doc, arena);
    rel_template_render(&ctx, &out->doc, arena, diags);
    out->doc.created = rel_build_stamp(out->model.entity.year);
    rel_findings_report(&out->findings, diags);
    return true;
}

rel_exit rel_check(const char *in_dir, rel_arena *arena, rel_diags *diags)
{
    rel_analysis analysis = {0};
    analyse(in_dir, REL_TEMPLATE_CHECK, false, arena, diags, &analysis);
    rel_findings_free(&analysis.findings);
    return rel_exit_for(diags);
}

static bool write_pdf(const void *input, const char *path, const char *shown, rel_diags *diags,
                      size_t *pages)
{
    const rel_analysis *analysis = input;
    return rel_pdf_write(&analysis->doc, path, shown, diags, pages);
}

static bool write_xlsx(const void *input, const char *path, const char *shown, rel_diags *diags,
                       size_t *pages)
{
    const rel_analysis *analysis = input;
    *pages = 0;
    return rel_xlsx_write(&analysis->model, &analysis->indicators, &analysis->findings,
                          &analysis->doc.created, path, shown, diags);
}

/* The documents of a build, in publication order; the manifest follows
 * them. The first one's pages are the build's pages. */
static const rel_writer documents[] = {
    {REL_OUTPUT_PDF, write_pdf},
    {REL_OUTPUT_XLSX, write_xlsx},
};
#define DOCUMENT_COUNT (sizeof documents / sizeof documents[0])

const char *const rel_build_outputs[] = {REL_OUTPUT_PDF, REL_OUTPUT_XLSX, REL_OUTPUT_MANIFEST,
                                         NULL};

/* The manifest last: it lists the hashes of the documents already staged. */
static bool write_manifest(rel_output_set *outputs, const char *in_dir,
                           const rel_analysis *analysis, rel_arena *arena, rel_diags *diags)
{
    rel_template_ctx ctx = {&analysis->model, &analysis->indicators, NULL, in_dir,
                            rel_template_dir(), REL_TEMPLATE_FINAL};
    const char *template_path = rel_template_path(&ctx, arena);
    rel_output_file *file = rel_output_add(outputs, REL_OUTPUT_MANIFEST, arena, diags);
    if (file != NULL && template_path == NULL)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){file->final_path, 0, 0},
                     "memoria esaurita preparando il manifesto");
    return file && template_path
           && rel_manifest_write(file->staged_path, file->final_path, &analysis->inputs,
                                 template_path,
                                 &analysis->model, &analysis->findings, &analysis->doc.created,
                                 outputs, arena, diags);
}

/* Writes every document (each in its own process) and the manifest into a
 * staging directory of `out_dir` and publishes them all, or none; signals
 * that arrive meanwhile end the process only once nothing is left behind.
 * *pages: of the first document. */
static bool publish(const rel_analysis *analysis, const char *in_dir, rel_output_set *outputs,
                    rel_arena *arena, rel_diags *diags, size_t *pages)
{
    if (!rel_interrupt_hold()) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_INTERNAL, (rel_origin){outputs->dir, 0, 0},
                     "errore interno: impossibile gestire le interruzioni: %s", rel_syserr(errno));
        rel_output_abort(outputs);
        return false;
    }
    size_t document_pages[DOCUMENT_COUNT];
    int signal = 0;
    bool ok = rel_output_begin(outputs, arena, diags)
              && rel_writers_run(documents, DOCUMENT_COUNT, analysis, outputs, document_pages,
                                 &signal, arena, diags)
              && write_manifest(outputs, in_dir, analysis, arena, diags)
              && rel_interrupt_pending() == 0 && rel_output_commit(outputs, diags);
    if (!ok)
        rel_output_abort(outputs);
    else
        *pages = document_pages[0];
    rel_interrupt_release(signal);
    return ok;
}

/* Findings stop a final build; a draft goes on and says BOZZA on every page. */
static bool may_render(rel_exit status, bool draft)
{
    return status == REL_EXIT_OK || (status == REL_EXIT_FINDINGS && draft);
}

rel_exit rel_build(const char *in_dir, const char *out_dir, bool force_draft, rel_arena *arena,
                   rel_diags *diags, rel_build_result *result)
{
    *result = (rel_build_result){false, 0, 0, 0};
    rel_output_set outputs;
    if (!rel_output_prepare(&outputs, out_dir, in_dir, arena, diags))
        return rel_exit_for(diags);   /* before computing anything */
    rel_analysis analysis = {0};
    bool loaded = analyse(in_dir, REL_TEMPLATE_FINAL, force_draft, arena, diags, &analysis);
    analysis.doc.draft = analysis.model.entity.draft;
    bool render = loaded && may_render(rel_exit_for(diags), analysis.model.entity.draft);
    if (render)
        result->published = publish(&analysis, in_dir, &outputs, arena, diags, &result->pages);
    else
        rel_output_abort(&outputs);   /* releases the lock */
    if (render && !result->published && diags->errors == 0 && !diags->out_of_memory)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_INTERNAL, (rel_origin){out_dir, 0, 0},
                     "errore interno: nessun file è stato pubblicato e non si sa perché");
    result->checks = analysis.findings.count;
    result->findings = analysis.findings.errors;
    rel_findings_free(&analysis.findings);
    return rel_exit_for(diags);
}
