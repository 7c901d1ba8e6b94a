/* docs/INPUT.md is the accountants' reference: every file, column, code
 * and metadata key the validator knows must be documented there. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "validate/metadata.h"
#include "validate/schema.h"

static char doc[128 * 1024];

static int load_doc(void **state)
{
    (void)state;
    FILE *file = fopen(REL_SOURCE_DIR "/docs/INPUT.md", "r");
    if (file == NULL)
        return -1;
    size_t len = fread(doc, 1, sizeof doc - 1, file);
    doc[len] = '\0';
    fclose(file);
    return len > 1000 ? 0 : -1;
}

static void expect_documented(const char *what, const char *where)
{
    if (strstr(doc, what) == NULL)
        fail_msg("docs/INPUT.md does not mention «%s» (%s)", what, where);
}

static void test_every_dataset_column_and_code(void **state)
{
    (void)state;
    size_t checked = 0;
    for (size_t s = 0; s < rel_schema_count; s++) {
        const rel_schema *schema = rel_schemas[s];
        expect_documented(schema->file, "dataset");
        for (size_t c = 0; c < schema->column_count; c++) {
            expect_documented(schema->columns[c].name, schema->file);
            checked++;
            for (const char *const *code = schema->columns[c].codes; code && *code; code++)
                expect_documented(*code, schema->file);
        }
    }
    assert_true(checked > 50);
}

static void test_every_metadata_key(void **state)
{
    (void)state;
    for (size_t i = 0; i < rel_metadata_key_count; i++) {
        const char *name = rel_metadata_keys[i].name;
        const char *dot = strchr(name, '.');
        char section[64];
        snprintf(section, sizeof section, "[%.*s]", (int)(dot - name), name);
        expect_documented(section, name);
        expect_documented(dot + 1, name);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_dataset_column_and_code),
        cmocka_unit_test(test_every_metadata_key),
    };
    return cmocka_run_group_tests(tests, load_doc, NULL);
}
