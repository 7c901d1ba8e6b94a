/*
 * prospetto.h - the "Prospetto delle verifiche": every check of the
 * reconciliation stage as a table for the auditor.
 */
#ifndef REL_TEMPLATE_PROSPETTO_H
#define REL_TEMPLATE_PROSPETTO_H

#include <stdbool.h>

#include "document/document.h"
#include "reconcile/finding.h"

/* Appends a heading, a sentence with the counts, and a table with one row
 * per check: what, where, declared, expected, difference, outcome. The
 * checks that failed come first, highlighted, then the rounding
 * differences, then the checks that hold. */
bool rel_report_checks(rel_document *doc, const rel_findings *findings, const char *heading);

#endif
