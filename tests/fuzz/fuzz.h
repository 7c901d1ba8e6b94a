/*
 * fuzz.h - what every harness in tests/fuzz/ shares.
 *
 * Each fuzz_<name>.c defines LLVMFuzzerTestOneInput and compiles two ways:
 * with clang -fsanitize=fuzzer (make fuzz, CMake option REL_FUZZ) it is a
 * libFuzzer target; with the ordinary compiler it is linked with
 * test_regressions.c, whose main() replays the saved corpus and every
 * regression input through the same function (ctest, ASan in CI).
 *
 * A harness checks more than "does not crash": where a header promises a
 * property (an error offset inside the text, a date that formats and parses
 * back to itself), REL_FUZZ_CHECK aborts when it does not hold, so libFuzzer
 * records the input as a crash and the replay runner fails.
 */
#ifndef REL_FUZZ_H
#define REL_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"

/* libFuzzer's entry points. Every input goes through TestOneInput, which
 * must return 0; Initialize (optional) runs once before the first input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static inline void rel_fuzz_fail(const char *what, const char *file, int line)
{
    fprintf(stderr, "%s:%d: property failed: %s\n", file, line, what);
    abort();
}

/* Aborts when `cond` is false: a property of the API under test failed. */
#define REL_FUZZ_CHECK(cond) ((cond) ? (void)0 : rel_fuzz_fail(#cond, __FILE__, __LINE__))

/* Checks the diagnostics added since `first`: each has a message and a
 * code, names `path`, and points inside `text` (the `len` bytes its
 * positions were counted in): an existing line, and a column at most one
 * past its last character. Lines end with LF, CRLF or a lone CR, as in
 * rel_text_position; characters are UTF-8 sequences, or bytes when
 * `single_byte` (Windows-1252). Line 0 (the whole file) has column 0. */
static inline void rel_fuzz_check_origins(const rel_diags *diags, size_t first, const char *path,
                                          const char *text, size_t len, bool single_byte)
{
    for (size_t i = first; i < diags->count; i++) {
        rel_origin at = diags->items[i].where;
        REL_FUZZ_CHECK(diags->items[i].message != NULL);
        REL_FUZZ_CHECK(diags->items[i].code != NULL);
        REL_FUZZ_CHECK(at.file != NULL && strcmp(at.file, path) == 0);
        if (at.line == 0) {
            REL_FUZZ_CHECK(at.col == 0);
            continue;
        }
        size_t line = 1, k = 0, chars = 0;
        for (; k < len; k++) {
            bool end = text[k] == '\n' || (text[k] == '\r' && (k + 1 == len || text[k + 1] != '\n'));
            if (end && line == at.line)
                break;
            if (end) {
                line++;
                chars = 0;
            } else if (text[k] != '\r' && (single_byte || ((unsigned char)text[k] & 0xC0) != 0x80)) {
                chars++;
            }
        }
        REL_FUZZ_CHECK(line == at.line);
        REL_FUZZ_CHECK(at.col <= chars + 1);
    }
}

/* Errors among the diagnostics added since `first`. */
static inline size_t rel_fuzz_errors_since(const rel_diags *diags, size_t first)
{
    size_t errors = 0;
    for (size_t i = first; i < diags->count; i++)
        errors += diags->items[i].severity == REL_SEV_ERROR;
    return errors;
}

#endif
