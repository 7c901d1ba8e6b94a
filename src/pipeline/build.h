/*
 * build.h - the whole pipeline: check an input directory, or build it.
 *
 * The CLI's two jobs, as library calls that never print: diagnostics go to
 * `diags`, and the result is the process exit status (README, docs/ERRORS.md).
 */
#ifndef REL_BUILD_H
#define REL_BUILD_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/diag.h"
#include "document/document.h"

/* Exit statuses, in the spirit of sysexits.h. */
typedef enum rel_exit {
    REL_EXIT_OK = 0,          /* done; outputs written (build) */
    REL_EXIT_FINDINGS = 1,    /* the data is readable but its figures do not reconcile */
    REL_EXIT_USAGE = 64,      /* wrong command line */
    REL_EXIT_DATA = 65,       /* invalid input data: nothing written */
    REL_EXIT_NOINPUT = 66,    /* input directory or a required file missing or unreadable */
    REL_EXIT_SOFTWARE = 70,   /* internal error, out of memory, fonts not installed */
    REL_EXIT_CANTCREAT = 73,  /* output directory cannot be created or is not allowed */
    REL_EXIT_IOERR = 74,      /* writing an output failed */
} rel_exit;

/* Output file names inside the output directory. */
#define REL_OUTPUT_PDF "relazione.pdf"
#define REL_OUTPUT_XLSX "allegati.xlsx"
#define REL_OUTPUT_MANIFEST "manifesto.json"

/* Every file a build publishes, in publication order (the manifest last),
 * NULL-terminated. */
extern const char *const rel_build_outputs[];

/* What a build produced, for the CLI's last line and the batch summary. */
typedef struct rel_build_result {
    bool published;           /* the outputs were written */
    size_t pages;             /* of the PDF */
    size_t checks;            /* reconciliation checks made */
    size_t findings;          /* of which did not hold (errors) */
} rel_build_result;

/* Loads, validates and reconciles `in_dir`; writes nothing anywhere. */
rel_exit rel_check(const char *in_dir, rel_arena *arena, rel_diags *diags);

/* Loads `in_dir`, reconciles it and, if it is valid and its figures agree,
 * writes the PDF, the XLSX annexes and the manifest into `out_dir`
 * atomically (pipeline/output.h): all are published or none is, and
 * earlier outputs stay as they were on any failure. A SIGINT, SIGTERM or
 * SIGHUP that arrives while files are staged ends the process only after
 * they are removed. A draft (metadata `bozza`, or `force_draft`) is written despite
 * findings, marked BOZZA, and still exits REL_EXIT_FINDINGS. *result
 * says what was written. */
rel_exit rel_build(const char *in_dir, const char *out_dir, bool force_draft, rel_arena *arena,
                   rel_diags *diags, rel_build_result *result);

/* The date stamped into the outputs: SOURCE_DATE_EPOCH when set (UTC),
 * otherwise 31 December of the fiscal year. Never the clock. */
rel_doc_stamp rel_build_stamp(int fiscal_year);

/* The exit status that the errors in `diags` call for (REL_EXIT_OK if none). */
rel_exit rel_exit_for(const rel_diags *diags);

#endif
