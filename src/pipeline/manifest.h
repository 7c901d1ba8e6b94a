/*
 * manifest.h - the auditor's manifest: which data gave which documents.
 *
 * manifesto.json, published with the outputs, lists the SHA-256 of every
 * file of the input directory and of the template used, the SHA-256 of
 * every output, the version of relazione, the options and the count of
 * checks by outcome, so that a PDF on the board's table can be tied to the
 * exact data it came from (`sha256sum` recomputes any of them).
 */
#ifndef REL_MANIFEST_H
#define REL_MANIFEST_H

#include <stdbool.h>

#include "core/arena.h"
#include "core/diag.h"
#include "document/document.h"
#include "load/input_tree.h"
#include "model/model.h"
#include "pipeline/output.h"
#include "reconcile/finding.h"

/* Writes the manifest into the staged file `path` (named `shown` in
 * messages): the hashes of the inputs and the template (read now), of the
 * documents staged before it in `outputs` (computed by their writers), and
 * the checks summary. Every part is required: false after adding an error
 * naming the one that is missing, and then nothing is published. The
 * inputs are the files of `inputs`, as the loader saw them. */
bool rel_manifest_write(const char *path, const char *shown, const rel_input_tree *inputs,
                        const char *template_path,
                        const rel_model *model, const rel_findings *findings,
                        const rel_doc_stamp *stamp, const rel_output_set *outputs,
                        rel_arena *arena, rel_diags *diags);

#endif
