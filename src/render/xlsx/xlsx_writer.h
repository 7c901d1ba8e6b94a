/*
 * xlsx_writer.h - the Excel annex for the auditor, with libxlsxwriter.
 *
 * Written from the model (not from the document tree): an auditor wants the
 * figures as numbers and the totals as live formulas, each carrying the
 * value the compiler computed, so that viewers that do not recalculate show
 * the right figure and a recalculation can be compared with it. One sheet
 * per dataset the report prints, each with a stable Allegato letter, the
 * free tables, a live Verifiche sheet and a contents sheet first
 * (docs/ANNEXES.md). User text is always written as a string, never as a
 * formula, so a voce beginning with "=" cannot inject one.
 */
#ifndef REL_XLSX_WRITER_H
#define REL_XLSX_WRITER_H

#include <stdbool.h>

#include "compute/indicators.h"
#include "core/diag.h"
#include "document/document.h"
#include "model/model.h"
#include "reconcile/finding.h"

/* Writes the annex workbook at `path` (a temporary file the caller later
 * renames; diagnostics name it `shown`; libxlsxwriter keeps the rows of
 * each sheet in unlinked temporary files in $TMPDIR, /tmp by default):
 * every dataset, the computed `indicators`, the
 * checks of `findings`; `created` dates the document properties. On
 * failure adds a diagnostic (E204, E220-E225) and returns false: no cell or
 * row is ever left out in silence. */
bool rel_xlsx_write(const rel_model *model, const rel_indicators *indicators,
                    const rel_findings *findings, const rel_doc_stamp *created, const char *path,
                    const char *shown, rel_diags *diags);

#endif
