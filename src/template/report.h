/*
 * report.h - the model into the document tree of the Relazione.
 *
 * For now the structure is fixed here: cover, Premessa (the narrative text),
 * the preventivo/consuntivo schedules. Issue 7 moves structure and words
 * into templates/; the document tree stays the interface.
 */
#ifndef REL_TEMPLATE_REPORT_H
#define REL_TEMPLATE_REPORT_H

#include <stdbool.h>

#include "document/document.h"
#include "model/model.h"
#include "reconcile/finding.h"

/* Builds the whole document for `model` into `doc` (initialised by the
 * caller), with the checks of `findings` in an appendix. false when out of
 * memory or when a total overflows. */
bool rel_report_build(const rel_model *model, const rel_findings *findings, rel_document *doc);

/* Splits a narrative text into paragraphs (blank-line separated, inner line
 * breaks joined by a space) and appends each one. */
bool rel_report_paragraphs(rel_document *doc, const char *text);

#endif
