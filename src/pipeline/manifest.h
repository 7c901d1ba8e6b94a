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
#include "model/model.h"
#include "pipeline/output.h"
#include "reconcile/finding.h"

/* The SHA-256 of the file at `path` as 64 lowercase hex digits in `hex`
 * (65 bytes). false when the file cannot be read. */
bool rel_sha256_file(const char *path, char *hex);

/* Writes the manifest into the staged file `path`, hashing the files
 * already staged in `outputs` (by their temporary paths, named by their
 * final names). false after adding an error. */
bool rel_manifest_write(const char *path, const char *shown, const char *in_dir,
                        const char *template_path,
                        const rel_model *model, const rel_findings *findings,
                        const rel_doc_stamp *stamp, const rel_output_set *outputs,
                        rel_arena *arena, rel_diags *diags);

#endif
