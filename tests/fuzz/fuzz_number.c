/* Fuzz target: rel_number_parse, Italian numbers to fixed point.
 *
 * Every scale (0..6) with every combination of flags, on the bytes as they
 * come (no NUL: the parser takes a length). Properties: an error offset lies
 * inside the text; a value parsed at scale s parses at scale s+1 as ten
 * times itself (or overflows); a parsed value formatted by
 * rel_number_format parses back to itself. */
#include <stdbool.h>

#include "core/number.h"
#include "fuzz.h"

/* The formats that rel_number_parse must read back under `spec`. */
static void check_round_trip(int64_t value, const rel_num_spec *spec)
{
    static const unsigned shapes[] = {0, REL_FMT_PARENS, REL_FMT_PLUS};
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        for (int euro = 0; euro <= 1; euro++) {
            if (euro && !(spec->flags & REL_NUM_CURRENCY))
                continue;
            unsigned flags = shapes[i] | (euro ? REL_FMT_EURO : 0u);
            if (spec->flags & REL_NUM_PERCENT)
                flags |= REL_FMT_PERCENT;
            if ((spec->flags & REL_NUM_DASH_ZERO) && !(flags & REL_FMT_PERCENT))
                flags |= REL_FMT_DASH_ZERO;
            char text[REL_NUMBER_FORMAT_MAX];
            rel_number_format(value, spec->scale, spec->scale, flags, text);
            REL_FUZZ_CHECK(strlen(text) < REL_NUMBER_FORMAT_MAX);
            int64_t back = value == 0 ? 1 : 0;   /* anything but value */
            rel_num_error error;
            bool ok = rel_number_parse(text, strlen(text), spec, &back, &error);
            if (!ok)
                fprintf(stderr, "«%s» (scale %d, flags %u) did not parse back: %s\n", text,
                        spec->scale, spec->flags, rel_number_status_text(error.status));
            REL_FUZZ_CHECK(ok);
            REL_FUZZ_CHECK(back == value);
        }
    }
    for (int decimals = 0; decimals <= spec->scale; decimals++) {
        int64_t rounded = rel_number_rescale(value, spec->scale, decimals);
        (void)rounded;
        char text[REL_NUMBER_FORMAT_MAX];
        rel_number_format(value, spec->scale, decimals,
                          REL_FMT_EURO | REL_FMT_PARENS | REL_FMT_PERCENT, text);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 256)
        return 0;
    const char *text = (const char *)data;
    for (unsigned flags = 0; flags < 8; flags++) {
        bool previous_ok = false;
        int64_t previous = 0;
        for (int scale = 0; scale <= 6; scale++) {
            rel_num_spec spec = {scale, flags};
            int64_t value = INT64_MIN;
            rel_num_error error = {REL_NUM_OK, 0};
            bool ok = rel_number_parse(text, size, &spec, &value, &error);
            if (ok) {
                check_round_trip(value, &spec);
            } else {
                REL_FUZZ_CHECK(value == INT64_MIN);   /* untouched on failure */
                REL_FUZZ_CHECK(error.status != REL_NUM_OK);
                REL_FUZZ_CHECK(error.offset <= size);
                REL_FUZZ_CHECK(rel_number_status_text(error.status) != NULL);
            }
            if (previous_ok) {
                if (ok)
                    REL_FUZZ_CHECK(value == previous * 10);
                else
                    REL_FUZZ_CHECK(error.status == REL_NUM_OVERFLOW);
            }
            previous_ok = ok;
            previous = value;
        }
    }
    return 0;
}
