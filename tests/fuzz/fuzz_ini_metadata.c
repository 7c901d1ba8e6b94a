/* Fuzz target: the metadata file, as load_model.c reads it.
 *
 * The bytes are decoded (load/encoding.h), parsed by rel_ini_parse and
 * checked by rel_metadata_validate.
 *
 * Properties: each parser returns false if and only if it added an error;
 * entries have a section, a lower-case key and a value; every diagnostic
 * points inside the text; a validated entity has a year in range, a real
 * approval date (or none), a known separator, and no NULL text. */
#include <ctype.h>
#include <stdbool.h>

#include "core/date.h"
#include "fuzz.h"
#include "load/encoding.h"
#include "load/ini.h"
#include "validate/metadata.h"

#define PATH "metadati.ini"

static void check_ini(const rel_ini *ini)
{
    for (size_t i = 0; i < ini->count; i++) {
        const rel_ini_entry *e = &ini->entries[i];
        REL_FUZZ_CHECK(e->section != NULL && e->key != NULL && e->value != NULL);
        REL_FUZZ_CHECK(e->key[0] != '\0');
        for (const char *p = e->key; *p; p++)
            REL_FUZZ_CHECK(!isupper((unsigned char)*p));
        REL_FUZZ_CHECK(e->key_at.line >= 1 && e->key_at.line == e->value_at.line);
        REL_FUZZ_CHECK(e->key_at.col < e->value_at.col);
    }
}

static void check_entity(const rel_entity *entity)
{
    const rel_string *texts[] = {&entity->name, &entity->legal_form, &entity->seat,
                                 &entity->tax_code, &entity->president, &entity->director};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        REL_FUZZ_CHECK(texts[i]->text != NULL);
    REL_FUZZ_CHECK(entity->name.text[0] != '\0' && entity->legal_form.text[0] != '\0');
    REL_FUZZ_CHECK(entity->year >= 1900 && entity->year <= 2199);
    REL_FUZZ_CHECK(entity->approval.year == 0 || rel_date_check(entity->approval));
    REL_FUZZ_CHECK(entity->separator == 0 || entity->separator == ';' ||
                   entity->separator == ',' || entity->separator == '\t');
    REL_FUZZ_CHECK(entity->template_kind == REL_TEMPLATE_GESTIONE ||
                   entity->template_kind == REL_TEMPLATE_CONSUNTIVO);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rel_arena arena;
    rel_diags diags;
    rel_arena_init(&arena);
    rel_diags_init(&diags, &arena);

    rel_text text;
    if (rel_encoding_decode((const char *)data, size, PATH, &arena, &diags, &text)) {
        size_t first = diags.count;
        rel_ini ini;
        bool ok = rel_ini_parse(&text, PATH, &arena, &diags, &ini);
        REL_FUZZ_CHECK(ok == (rel_fuzz_errors_since(&diags, first) == 0));
        check_ini(&ini);
        rel_fuzz_check_origins(&diags, first, PATH, text.data, text.len, false);

        /* load_model.c validates what parsed even after a syntax error. */
        first = diags.count;
        rel_entity entity;
        ok = rel_metadata_validate(&ini, &arena, &diags, &entity);
        REL_FUZZ_CHECK(ok == (rel_fuzz_errors_since(&diags, first) == 0));
        if (ok)
            check_entity(&entity);
        rel_fuzz_check_origins(&diags, first, PATH, text.data, text.len, false);
    }
    rel_diags_free(&diags);
    rel_arena_free(&arena);
    return 0;
}
