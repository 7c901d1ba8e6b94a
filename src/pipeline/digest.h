/*
 * digest.h - SHA-256 of a file, as sha256sum prints it (nettle computes it).
 */
#ifndef REL_DIGEST_H
#define REL_DIGEST_H

#include <stdbool.h>

/* 64 lowercase hex digits and a NUL. */
#define REL_DIGEST_HEX 65

/* The SHA-256 of the file at `path` in `hex`. false (errno set) when it
 * cannot be read; `hex` is then "". Reads through a buffer on the stack:
 * allocates nothing, so it works when memory has run out. */
bool rel_digest_file(const char *path, char *hex);

#endif
