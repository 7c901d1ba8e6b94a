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

/* Checks the diagnostics added since `first`: each has a message, names
 * `path`, and points inside `text` (the `len` bytes the positions were
 * counted in): an existing line, and a column at most one past its last
 * character. Line 0 (the whole file) must have column 0. */
static inline void rel_fuzz_check_origins(const rel_diags *diags, size_t first, const char *path,
                                          const char *text, size_t len)
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
        size_t line = 1, start = 0;
        for (size_t k = 0; k < len && line < at.line; k++)
            if (text[k] == '\n') {
                line++;
                start = k + 1;
            }
        REL_FUZZ_CHECK(line == at.line);
        size_t chars = 0;
        for (size_t k = start; k < len && text[k] != '\n'; k++)
            if (((unsigned char)text[k] & 0xC0) != 0x80)
                chars++;
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
