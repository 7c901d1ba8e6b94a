/* Fuzz target: rel_encoding_decode, the bytes of any input file to UTF-8.
 *
 * Properties: success gives NUL-terminated, well-formed UTF-8 and at most
 * warnings; failure adds an error pointing inside the file. */
#include <stdbool.h>

#include "fuzz.h"
#include "load/encoding.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rel_arena arena;
    rel_diags diags;
    rel_arena_init(&arena);
    rel_diags_init(&diags, &arena);

    rel_text text = {NULL, 0};
    bool ok = rel_encoding_decode((const char *)data, size, "fuzz.csv", &arena, &diags, &text);
    if (ok) {
        REL_FUZZ_CHECK(text.data != NULL);
        REL_FUZZ_CHECK(text.data[text.len] == '\0');
        bool multibyte;
        REL_FUZZ_CHECK(rel_utf8_first_invalid(text.data, text.len, &multibyte) == text.len);
        REL_FUZZ_CHECK(diags.errors == 0);
    } else {
        REL_FUZZ_CHECK(diags.errors > 0);
    }
    /* Bytes for characters: an upper bound under either rule (UTF-8 or 1252). */
    rel_fuzz_check_origins(&diags, 0, "fuzz.csv", (const char *)data, size, true);

    /* The position helper on every offset the decoder could report. */
    unsigned line, col;
    rel_text_position((const char *)data, size, size % 2 == 0, &line, &col);
    REL_FUZZ_CHECK(line >= 1 && col >= 1);

    rel_diags_free(&diags);
    rel_arena_free(&arena);
    return 0;
}
