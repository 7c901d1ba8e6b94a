/*
 * summary.h - the summary of a batch, one row per entity in entity order
 * (private to batch/): OUT/riepilogo.csv for Italian Excel and
 * OUT/riepilogo.json for programs. Columns (docs/SCALING.md):
 *
 *     ente;esito;codice_uscita;errori;avvisi;verifiche;da_correggere;pagine;secondi
 *     alfa;ok;0;0;0;112;0;30;0,05
 *     dati_errati;dati non validi;65;1;0;0;0;;0,01
 *
 * `pagine` is empty (null in JSON) when no PDF was written.
 */
#ifndef REL_BATCH_SUMMARY_H
#define REL_BATCH_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "batch/entity.h"

/* Writes the CSV (UTF-8 with BOM, ';', decimal comma, CRLF; fields quoted
 * by libcsv where needed) to `path`. false on any write error; the caller
 * owns the file and removes it then. */
bool rel_batch_summary_csv(const char *path, const rel_batch_entity *list, size_t count);

/* Writes the JSON ({"enti": N, "risultati": [...]}) to `path`; false on
 * any error. */
bool rel_batch_summary_json(const char *path, const rel_batch_entity *list, size_t count);

#endif
