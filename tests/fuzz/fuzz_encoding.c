/* Fuzz target: rel_encoding_decode, the bytes of any input file to UTF-8.
 *
 * Properties: success gives NUL-terminated, well-formed UTF-8 and at most
 * warnings; failure adds an error pointing inside the file. A UTF-16 file's
 * positions are counted in its decoded text (what the user's editor shows),
 * so the harness decodes it itself, with iconv, and checks them there. */
#include <iconv.h>
#include <stdbool.h>

#include "fuzz.h"
#include "load/encoding.h"

/* `size` bytes after a UTF-16 BOM decoded to UTF-8 into a malloc'd buffer
 * (*out, *out_len); false when they are not valid UTF-16 (then *out is NULL:
 * the decoder may only report a file-wide position). */
static bool utf16_oracle(const uint8_t *data, size_t size, char **out, size_t *out_len)
{
    *out = NULL;
    iconv_t cd = iconv_open("UTF-8", data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE");
    REL_FUZZ_CHECK(cd != (iconv_t)-1);
    size_t room = (size - 2) / 2 * 4 + 4;
    char *buf = malloc(room);
    REL_FUZZ_CHECK(buf != NULL);
    char *in = (char *)data + 2, *o = buf;
    size_t in_left = size - 2, out_left = room;
    bool ok = iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1 && in_left == 0;
    iconv_close(cd);
    if (!ok) {
        free(buf);
        return false;
    }
    *out = buf;
    *out_len = (size_t)(o - buf);
    return true;
}

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

    bool utf16 = size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                               (data[0] == 0xFE && data[1] == 0xFF));
    if (utf16) {
        char *decoded;
        size_t decoded_len = 0;
        if (utf16_oracle(data, size, &decoded, &decoded_len)) {
            rel_fuzz_check_origins(&diags, 0, "fuzz.csv", decoded, decoded_len, false);
        } else {
            REL_FUZZ_CHECK(!ok);
            rel_fuzz_check_origins(&diags, 0, "fuzz.csv", "", 0, false);
        }
        free(decoded);
    } else {
        /* Bytes for characters: an upper bound under either rule (UTF-8 or 1252). */
        rel_fuzz_check_origins(&diags, 0, "fuzz.csv", (const char *)data, size, true);
    }

    /* The position helper on every offset the decoder could report. */
    unsigned line, col;
    rel_text_position((const char *)data, size, size % 2 == 0, &line, &col);
    REL_FUZZ_CHECK(line >= 1 && col >= 1);

    rel_diags_free(&diags);
    rel_arena_free(&arena);
    return 0;
}
