/*
 * tables.h - helpers shared by the table and chart directives (private).
 */
#ifndef REL_TEMPLATE_TABLES_H
#define REL_TEMPLATE_TABLES_H

#include <stdbool.h>
#include <stdint.h>

#include "template/engine.h"

/* The value of option `key=...` of a directive: a loop variable's text if
 * it names one, else the text with its placeholders expanded; NULL if the
 * option is absent. */
const char *rel_engine_option(engine *e, const tpl_node *node, const char *key);

/* True when the directive has the bare word `word` among its arguments. */
bool rel_engine_flag(const tpl_node *node, const char *word);

/* "€ 1.234,56" ("€ -" for zero); `extra` adds REL_FMT_* flags (e.g. PLUS). */
const char *rel_money_text(rel_arena *arena, int64_t cents, unsigned extra);

/* "8,8%" from hundredths of a point; "n.d." when undefined. */
const char *rel_percent_text(rel_arena *arena, bool defined, int64_t hundredths, unsigned extra);

/* `count` empty cells for a table row; NULL (and e->ok false) when out of memory. */
const char **rel_engine_cells(engine *e, size_t count);

/* The tables of computed figures: "scostamenti", "obiettivi_riepilogo",
 * "indicatori_calcolati". false when `name` is none of them. */
bool rel_engine_computed_table(engine *e, const tpl_node *node, const char *name);

#endif
