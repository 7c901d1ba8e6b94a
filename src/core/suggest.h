/*
 * suggest.h - "did you mean" hints for names the user mistyped.
 */
#ifndef REL_SUGGEST_H
#define REL_SUGGEST_H

#include <stddef.h>

/* The candidate closest to `word` by edit distance (ASCII case ignored), if
 * it is close enough to be a plausible typo (at most a third of the word's
 * length, and at most 3 edits); NULL otherwise.
 *     rel_suggest("forma_giuridca", {"nome", "forma_giuridica"}, 2) => "forma_giuridica" */
const char *rel_suggest(const char *word, const char *const *candidates, size_t count);

#endif
