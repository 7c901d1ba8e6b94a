/*
 * xlsx_writer.h - the Excel annexes, with libxlsxwriter.
 *
 * Written from the model (not from the document tree): an auditor wants the
 * figures as numbers and the totals as live formulas, each carrying the
 * value the compiler computed, so that viewers that do not recalculate show
 * the right figure and Excel's recalculation can be compared with it.
 * User text is always written as a string, never as a formula, so a voce
 * beginning with "=" cannot inject one.
 */
#ifndef REL_XLSX_WRITER_H
#define REL_XLSX_WRITER_H

#include <stdbool.h>

#include "core/diag.h"
#include "document/document.h"
#include "model/model.h"
#include "reconcile/finding.h"

/* Writes the annexes workbook at `path` (a temporary file the caller later
 * renames; diagnostics name it `shown`): the schedules, and the checks of
 * `findings`; `created` dates the document properties. On failure adds
 * E204 and returns false. */
bool rel_xlsx_write(const rel_model *model, const rel_findings *findings,
                    const rel_doc_stamp *created, const char *path, const char *shown,
                    rel_diags *diags);

#endif
