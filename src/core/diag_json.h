/*
 * diag_json.h - diagnostics as JSON, for programs that read `--format json`.
 *
 * The same list that rel_diags_write_text() prints for people, as one JSON
 * object on one line (libjansson does the escaping), keys always in this
 * order:
 *
 *     {"diagnostics":[{"severity":"error","code":"E101",
 *       "file":"input/schede.csv","line":12,"column":5,
 *       "message":"importo non valido «12.34»: ..."}],"errors":1,"warnings":0}
 *
 * "severity" is "error", "warning" or "note" (English: a value for programs,
 * not a word for people); "message" stays Italian.
 */
#ifndef REL_DIAG_JSON_H
#define REL_DIAG_JSON_H

#include <stdbool.h>
#include <stdio.h>

#include "core/diag.h"

/* Writes every diagnostic of `diags`, in list order, as one JSON object
 * followed by a newline, then flushes `out`. "file" is left out when the
 * origin has none, "line" and "column" when they are 0. When
 * diags->out_of_memory is set, a last entry with code E001 says that some
 * diagnostics were lost. "errors" and "warnings" are diags->errors and
 * diags->warnings: they count lost diagnostics too, not the E001 entry.
 * Bytes that are not UTF-8 (a path from the command line, a message cut
 * inside a character) become U+FFFD, so a diagnostic is never dropped.
 *
 *     empty list => {"diagnostics":[],"errors":0,"warnings":0}
 *
 * Returns false when memory runs out (nothing is written) or the stream
 * reports a write error (part of the object may have been written). */
bool rel_diags_write_json(const rel_diags *diags, FILE *out);

#endif
