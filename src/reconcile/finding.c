#include "reconcile/finding.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/number.h"

void rel_findings_init(rel_findings *findings, rel_arena *arena)
{
    memset(findings, 0, sizeof *findings);
    findings->arena = arena;
}

static rel_check_status classify(int64_t difference, int64_t tolerance, int64_t rounding)
{
    uint64_t magnitude = difference < 0 ? -(uint64_t)difference : (uint64_t)difference;
    if (magnitude == 0)
        return REL_CHECK_MATCH;
    if (magnitude <= (uint64_t)tolerance || magnitude <= (uint64_t)rounding)
        return REL_CHECK_ROUNDING;
    return REL_CHECK_ERROR;
}

static bool grow(rel_findings *findings)
{
    size_t capacity = findings->capacity ? findings->capacity * 2 : 32;
    rel_finding *items = realloc(findings->items, capacity * sizeof *items);
    if (items == NULL)
        return false;
    findings->items = items;
    findings->capacity = capacity;
    return true;
}

static rel_check_status check_va(rel_findings *findings, const char *code, int scale,
                                 rel_unit unit, rel_figure declared, rel_figure expected,
                                 int64_t tolerance, int64_t rounding, const char *format,
                                 va_list args) __attribute__((format(printf, 9, 0)));

static rel_check_status check_va(rel_findings *findings, const char *code, int scale,
                                 rel_unit unit, rel_figure declared, rel_figure expected,
                                 int64_t tolerance, int64_t rounding, const char *format,
                                 va_list args)
{
    int64_t difference;
    rel_check_status status = REL_CHECK_ERROR;
    if (!__builtin_sub_overflow(declared.value, expected.value, &difference))
        status = classify(difference, tolerance, rounding);
    else
        difference = INT64_MAX;

    char name[512];
    vsnprintf(name, sizeof name, format, args);
    char *check = rel_arena_strdup(findings->arena, name);
    findings->last = 0;
    if (check == NULL || (findings->count == findings->capacity && !grow(findings))) {
        findings->out_of_memory = true;
        return status;
    }
    findings->items[findings->count++] = (rel_finding){
        .code = code, .check = check, .status = status, .numeric = true, .scale = scale,
        .money = unit == REL_UNIT_MONEY, .unit = unit, .declared = declared,
        .expected = expected, .difference = difference, .tolerance = tolerance,
        .rounding = rounding,
    };
    findings->last = findings->count;
    findings->errors += status == REL_CHECK_ERROR;
    findings->roundings += status == REL_CHECK_ROUNDING;
    return status;
}

rel_check_status rel_findings_check(rel_findings *findings, const char *code, int scale,
                                    bool money, rel_figure declared, rel_figure expected,
                                    int64_t tolerance, int64_t rounding, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    rel_check_status status = check_va(findings, code, scale,
                                       money ? REL_UNIT_MONEY : REL_UNIT_NUMBER, declared,
                                       expected, tolerance, rounding, format, args);
    va_end(args);
    return status;
}

rel_check_status rel_findings_check_unit(rel_findings *findings, const char *code, int scale,
                                         rel_unit unit, rel_figure declared, rel_figure expected,
                                         int64_t tolerance, int64_t rounding,
                                         const char *format, ...)
{
    va_list args;
    va_start(args, format);
    rel_check_status status = check_va(findings, code, scale, unit, declared, expected,
                                       tolerance, rounding, format, args);
    va_end(args);
    return status;
}

void rel_findings_describe(rel_findings *findings, const rel_figure_source *declared,
                           const rel_figure_source *expected)
{
    if (findings->last == 0)
        return;
    findings->items[findings->last - 1].declared_source = declared;
    findings->items[findings->last - 1].expected_source = expected;
}

void rel_findings_flag(rel_findings *findings, const char *code, rel_origin at,
                       const char *format, ...)
{
    char text[512];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    char *check = rel_arena_strdup(findings->arena, text);
    findings->last = 0;
    if (check == NULL || (findings->count == findings->capacity && !grow(findings))) {
        findings->out_of_memory = true;
        return;
    }
    findings->items[findings->count++] = (rel_finding){
        .code = code, .check = check, .status = REL_CHECK_ERROR, .numeric = false,
        .declared = {.at = at},
    };
    findings->errors++;
}

static unsigned unit_flags(const rel_finding *f)
{
    return f->unit == REL_UNIT_MONEY ? REL_FMT_EURO
           : f->unit == REL_UNIT_PERCENT ? REL_FMT_PERCENT : 0;
}

static const char *figure_text(const rel_finding *f, int64_t value, char *buffer)
{
    return rel_number_format(value, f->scale, f->scale, unit_flags(f), buffer);
}

/* "(input/schede.csv:9:6)" or "(somma di 4 righe)". */
static const char *figure_source(rel_arena *arena, const rel_figure *figure)
{
    if (figure->at.file == NULL)
        return rel_arena_printf(arena, "%s", figure->how ? figure->how : "ricalcolato");
    if (figure->at.line == 0)
        return figure->at.file;
    if (figure->at.col == 0)
        return rel_arena_printf(arena, "%s:%u", figure->at.file, (unsigned)figure->at.line);
    return rel_arena_printf(arena, "%s:%u:%u", figure->at.file, (unsigned)figure->at.line,
                            (unsigned)figure->at.col);
}

void rel_findings_report(const rel_findings *findings, rel_diags *diags)
{
    for (size_t i = 0; i < findings->count; i++) {
        const rel_finding *f = &findings->items[i];
        if (f->status == REL_CHECK_MATCH || f->cause != 0)
            continue;   /* a consequence is told with its cause, as «vedi anche» */
        if (!f->numeric) {
            rel_diag_add(diags, REL_SEV_ERROR, f->code, f->declared.at, "%s", f->check);
            continue;
        }
        char a[REL_NUMBER_FORMAT_MAX], b[REL_NUMBER_FORMAT_MAX], d[REL_NUMBER_FORMAT_MAX];
        unsigned flags = unit_flags(f) | REL_FMT_PLUS;
        rel_diag_add(diags, f->status == REL_CHECK_ERROR ? REL_SEV_ERROR : REL_SEV_WARNING,
                     f->code, f->declared.at,
                     "%s: %s %s, atteso %s (%s): %s %s%s%s%s", f->check,
                     f->declared.how ? f->declared.how : "valore", figure_text(f, f->declared.value, a),
                     figure_text(f, f->expected.value, b),
                     figure_source(diags->arena, &f->expected),
                     f->status == REL_CHECK_ROUNDING ? "differenza di arrotondamento"
                                                     : "differenza",
                     rel_number_format(f->difference, f->scale, f->scale, flags, d),
                     f->see_also ? "; la stessa differenza si ripete in " : "",
                     f->see_also ? f->see_also : "", f->see_also ? " (vedi anche)" : "");
    }
    if (findings->out_of_memory)
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){NULL, 0, 0},
                     "memoria esaurita durante le verifiche");
}

const char *rel_check_status_text(rel_check_status status)
{
    switch (status) {
    case REL_CHECK_MATCH:
        return "verificato";
    case REL_CHECK_ROUNDING:
        return "arrotondamento";
    case REL_CHECK_ERROR:
        break;
    }
    return "da correggere";
}

const char *rel_figure_place(rel_arena *arena, const rel_figure *figure)
{
    if (figure->at.file == NULL)
        return figure->how ? figure->how : "";
    const char *slash = strrchr(figure->at.file, '/');
    const char *name = slash ? slash + 1 : figure->at.file;
    if (figure->at.line == 0)
        return name;
    if (figure->at.col == 0)
        return rel_arena_printf(arena, "%s:%u", name, (unsigned)figure->at.line);
    return rel_arena_printf(arena, "%s:%u:%u", name, (unsigned)figure->at.line,
                            (unsigned)figure->at.col);
}

void rel_findings_free(rel_findings *findings)
{
    free(findings->items);
    findings->items = NULL;
    findings->count = findings->capacity = 0;
}
