/*
 * utf8.h - UTF-8 well-formedness, shared by the input decoder and the
 * writers that must never emit a broken sequence.
 */
#ifndef REL_UTF8_H
#define REL_UTF8_H

#include <stddef.h>

/* Length (1 to 4) of the well-formed UTF-8 sequence at `s`, of which
 * `left` bytes are readable; 0 when it is not well formed (overlong forms,
 * surrogates and code points above U+10FFFF are not). */
size_t rel_utf8_sequence(const unsigned char *s, size_t left);

/* The characters in the first `bytes` bytes of well-formed UTF-8 `s`:
 * rel_utf8_length("€ 1", 5) == 3. */
size_t rel_utf8_length(const char *s, size_t bytes);

#endif
