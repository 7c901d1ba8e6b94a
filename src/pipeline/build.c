#include "pipeline/build.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/codes.h"
#include "model/model.h"
#include "pipeline/load_model.h"
#include "pipeline/manifest.h"
#include "pipeline/output.h"
#include "render/pdf/pdf_writer.h"
#include "reconcile/reconcile.h"
#include "render/xlsx/xlsx_writer.h"
#include "template/template.h"

/* Everything the middle of the compiler knows about one input directory. */
typedef struct rel_analysis {
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
        {'E', 10, 199, REL_EXIT_DATA},        /* encoding, CSV, columns, metadata, values */
        {'E', 300, 399, REL_EXIT_DATA},       /* formulas */
        {'E', 200, 201, REL_EXIT_CANTCREAT},  /* output directory */
        {'E', 207, 207, REL_EXIT_CANTCREAT},
        {'E', 202, 204, REL_EXIT_IOERR},      /* writing */
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
 * false when the data could not be loaded (nothing was computed). */
static bool analyse(const char *in_dir, rel_arena *arena, rel_diags *diags, rel_analysis *out)
{
    if (!rel_model_load(in_dir, arena, diags, &out->model))
        return false;
    assert(rel_model_check(&out->model));
    rel_indicators_compute(&out->model, arena, diags, &out->indicators);
    rel_findings_init(&out->findings, arena);
    rel_reconcile(&out->model, &out->indicators, arena, diags, &out->findings);
    rel_template_ctx ctx = {&out->model, &out->indicators, &out->findings, in_dir,
                            rel_template_dir()};
    rel_doc_init(&out->doc, arena);
    rel_template_render(&ctx, &out->doc, arena, diags);
    out->doc.created = rel_build_stamp(out->model.entity.year);
    rel_findings_report(&out->findings, diags);
    return true;
}

rel_exit rel_check(const char *in_dir, rel_arena *arena, rel_diags *diags)
{
    rel_analysis analysis = {0};
    analyse(in_dir, arena, diags, &analysis);
    rel_findings_free(&analysis.findings);
    return rel_exit_for(diags);
}

/* Renders both outputs into staged temporary files; false if either fails. */
/* The manifest last: it hashes the two documents already staged. */
static bool write_manifest(rel_output_set *outputs, const char *in_dir, const char *template_path,
                           const rel_analysis *analysis, rel_arena *arena, rel_diags *diags)
{
    const char *path = rel_output_stage(outputs, REL_OUTPUT_MANIFEST, arena, diags);
    return path && template_path
           && rel_manifest_write(path, rel_output_final_path(outputs, path), in_dir,
                                 template_path, &analysis->model,
                                 &analysis->findings, &analysis->doc.created, outputs, arena,
                                 diags);
}

static bool render_outputs(const rel_analysis *analysis, const char *in_dir,
                           rel_output_set *outputs, rel_arena *arena, rel_diags *diags,
                           size_t *pages)
{
    const rel_model *model = &analysis->model;
    const rel_document *doc = &analysis->doc;
    rel_template_ctx ctx = {model, &analysis->indicators, NULL, in_dir, rel_template_dir()};
    const char *template_path = rel_template_path(&ctx, arena);
    const char *pdf_path = rel_output_stage(outputs, REL_OUTPUT_PDF, arena, diags);
    const char *xlsx_path = rel_output_stage(outputs, REL_OUTPUT_XLSX, arena, diags);
    return pdf_path && xlsx_path
           && rel_pdf_write(doc, pdf_path, rel_output_final_path(outputs, pdf_path), diags,
                            pages)
           && rel_xlsx_write(model, &analysis->findings, &doc->created, xlsx_path,
                             rel_output_final_path(outputs, xlsx_path), diags)
           && write_manifest(outputs, in_dir, template_path, analysis, arena, diags);
}

static const char *const published_names[] = {REL_OUTPUT_PDF, REL_OUTPUT_XLSX,
                                               REL_OUTPUT_MANIFEST, NULL};

/* Findings stop a final build; a draft goes on and says BOZZA on every page. */
static bool may_render(rel_exit status, bool draft)
{
    return status == REL_EXIT_OK || (status == REL_EXIT_FINDINGS && draft);
}

rel_exit rel_build(const char *in_dir, const char *out_dir, bool force_draft, rel_arena *arena,
                   rel_diags *diags, rel_build_result *result)
{
    *result = (rel_build_result){false, 0, 0, 0};
    if (!rel_output_check(out_dir, in_dir, arena, diags))
        return rel_exit_for(diags);   /* before computing anything */
    rel_analysis analysis = {0};
    bool loaded = analyse(in_dir, arena, diags, &analysis);
    analysis.model.entity.draft = analysis.model.entity.draft || force_draft;
    analysis.doc.draft = analysis.model.entity.draft;
    rel_output_set outputs;
    if (loaded && may_render(rel_exit_for(diags), analysis.model.entity.draft)
        && rel_output_prepare(&outputs, out_dir, in_dir, published_names, arena, diags)) {
        result->published = render_outputs(&analysis, in_dir, &outputs, arena, diags,
                                           &result->pages)
                            && rel_output_commit(&outputs, diags);
        if (!result->published)
            rel_output_abort(&outputs);
    }
    result->checks = analysis.findings.count;
    result->findings = analysis.findings.errors;
    rel_findings_free(&analysis.findings);
    return rel_exit_for(diags);
}
