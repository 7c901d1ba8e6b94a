/*
 * encoding.h - turn the bytes of an input file into UTF-8 text.
 *
 * Accountants' files come from Excel and LibreOffice in several encodings.
 * The rule, documented in docs/INPUT.md:
 *   - UTF-8, with or without BOM: used as is (the BOM is dropped);
 *   - UTF-16 with a BOM (Excel's "Testo Unicode"): converted, with a warning;
 *   - bytes that are not UTF-8 and no valid multi-byte UTF-8 anywhere:
 *     Windows-1252 (Excel's "CSV (delimitato dal separatore di elenco)"),
 *     converted with iconv, with a warning naming the first such byte;
 *   - valid UTF-8 mixed with invalid bytes: an error at the first invalid
 *     byte. We never guess per line.
 */
#ifndef REL_ENCODING_H
#define REL_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/diag.h"

typedef struct rel_text {
    const char *data;   /* UTF-8, NUL-terminated, in the arena */
    size_t len;
} rel_text;

/* Decodes `len` bytes read from `display_path`. On success fills *text and
 * returns true (a conversion adds a W011 warning); on failure adds an E010
 * error at the offending line and column and returns false. */
bool rel_encoding_decode(const char *bytes, size_t len, const char *display_path,
                         rel_arena *arena, rel_diags *diags, rel_text *text);

/* Offset of the first byte that does not start or continue a valid UTF-8
 * sequence (overlong forms and surrogates are invalid), or `len` if none.
 * *multibyte is set when a valid multi-byte sequence precedes that point. */
size_t rel_utf8_first_invalid(const char *bytes, size_t len, bool *multibyte);

/* Physical line (from 1) and character column (from 1) of byte `offset`.
 * Lines end with LF, CRLF or a lone CR (old Mac exports); characters are
 * UTF-8 sequences, or single bytes when `single_byte` (Windows-1252). */
void rel_text_position(const char *bytes, size_t offset, bool single_byte, unsigned *line,
                       unsigned *col);

#endif
