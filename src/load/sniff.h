/*
 * sniff.h - is this file what its name says? Spreadsheets, documents and
 * archives saved under a text name (an .xlsx renamed schede.csv, an
 * Excel workbook "saved" with a .csv extension) are named as such, by
 * libmagic, instead of failing later as a text with NUL bytes.
 */
#ifndef REL_SNIFF_H
#define REL_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

/* What a binary file is, as the user knows it: "un file Excel", "un foglio
 * di calcolo di LibreOffice (.ods)", "un documento Word", "un PDF", "un
 * archivio compresso"…; NULL when `bytes` may be text (the encoding rules
 * then decide). Only files that start with a binary signature or hold a
 * NUL byte early on are looked at (UTF-16 with its BOM is text). */
const char *rel_sniff_binary(const char *bytes, size_t len);

/* What to do about it, for a file named `name`: "esportarlo come CSV (…)"
 * for a .csv, "salvarlo come testo semplice" otherwise. */
const char *rel_sniff_advice(const char *name);

#endif
