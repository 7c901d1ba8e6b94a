/* Diagnostics: the compiler-style line, sorting, counting, and the promise
 * that every stable code is documented in docs/ERRORS.md. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/diag.h"

/* Writes the list as text into a string owned by the caller. */
static char *render(const rel_diags *diags)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    assert_true(rel_diags_write_text(diags, out));
    fclose(out);
    return text;
}

static void test_line_format(void **state)
{
    (void)state;
    rel_arena arena;
    rel_arena_init(&arena);
    rel_diags diags;
    rel_diags_init(&diags, &arena);
    rel_diag_add(&diags, REL_SEV_ERROR, REL_E_VALUE_MONEY, (rel_origin){"in/schede.csv", 12, 5},
                 "importo non valido «%s»", "12.34");
    rel_diag_add(&diags, REL_SEV_WARNING, REL_W_CONVERTED, (rel_origin){"in/a.csv", 0, 0},
                 "convertito");
    rel_diag_add(&diags, REL_SEV_ERROR, REL_E_META_SYNTAX, (rel_origin){"in/m.ini", 3, 0},
                 "riga non valida");
    char *text = render(&diags);
    assert_string_equal(text,
                        "in/schede.csv:12:5: errore: importo non valido «12.34» [E101]\n"
                        "in/a.csv: avviso: convertito [W011]\n"
                        "in/m.ini:3: errore: riga non valida [E040]\n");
    assert_int_equal(diags.errors, 2);
    assert_int_equal(diags.warnings, 1);
    free(text);
    rel_diags_free(&diags);
    rel_arena_free(&arena);
}

static void test_sorted_by_file_line_column_then_arrival(void **state)
{
    (void)state;
    rel_arena arena;
    rel_arena_init(&arena);
    rel_diags diags;
    rel_diags_init(&diags, &arena);
    rel_diag_add(&diags, REL_SEV_ERROR, "E101", (rel_origin){"b.csv", 2, 1}, "b2");
    rel_diag_add(&diags, REL_SEV_ERROR, "E101", (rel_origin){"a.csv", 10, 3}, "a10-3");
    rel_diag_add(&diags, REL_SEV_ERROR, "E101", (rel_origin){"a.csv", 9, 7}, "a9");
    rel_diag_add(&diags, REL_SEV_ERROR, "E101", (rel_origin){"a.csv", 10, 1}, "a10-1 first");
    rel_diag_add(&diags, REL_SEV_ERROR, "E102", (rel_origin){"a.csv", 10, 1}, "a10-1 second");
    rel_diags_sort(&diags);
    const char *expected[] = {"a9", "a10-1 first", "a10-1 second", "a10-3", "b2"};
    assert_int_equal(diags.count, 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(diags.items[i].message, expected[i]);
    rel_diags_free(&diags);
    rel_arena_free(&arena);
}

static void test_long_message_is_cut_not_overflowed(void **state)
{
    (void)state;
    rel_arena arena;
    rel_arena_init(&arena);
    rel_diags diags;
    rel_diags_init(&diags, &arena);
    char big[4000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    rel_diag_add(&diags, REL_SEV_ERROR, "E022", (rel_origin){"f", 1, 1}, "%s", big);
    assert_int_equal(strlen(diags.items[0].message), 1023);
    rel_diags_free(&diags);
    rel_arena_free(&arena);
}

/* A message cut at the limit inside a character loses the partial one. */
static void test_cut_never_splits_a_character(void **state)
{
    (void)state;
    rel_arena arena;
    rel_arena_init(&arena);
    rel_diags diags;
    rel_diags_init(&diags, &arena);
    char big[1100];
    memset(big, 'x', 1022);
    strcpy(big + 1022, "€€");   /* the first € starts at byte 1022: cut inside it */
    rel_diag_add(&diags, REL_SEV_ERROR, "E022", (rel_origin){"f", 1, 1}, "%s", big);
    assert_int_equal(strlen(diags.items[0].message), 1022);
    memset(big, 'x', 1021);
    strcpy(big + 1021, "à€");   /* à fits whole (1021-1022), € is cut */
    rel_diag_add(&diags, REL_SEV_ERROR, "E022", (rel_origin){"f", 1, 1}, "%s", big);
    assert_int_equal(strlen(diags.items[1].message), 1023);
    assert_string_equal(diags.items[1].message + 1021, "à");
    rel_diags_free(&diags);
    rel_arena_free(&arena);
}

/* Every code defined in core/codes.h must have its section in ERRORS.md. */
static void test_every_code_is_documented(void **state)
{
    (void)state;
    FILE *codes = fopen(REL_SOURCE_DIR "/src/core/codes.h", "r");
    FILE *docs = fopen(REL_SOURCE_DIR "/docs/ERRORS.md", "r");
    assert_non_null(codes);
    assert_non_null(docs);
    static char doc_text[256 * 1024];
    size_t doc_len = fread(doc_text, 1, sizeof doc_text - 1, docs);
    doc_text[doc_len] = '\0';
    fclose(docs);
    char line[512];
    int found = 0;
    while (fgets(line, sizeof line, codes)) {
        char *quote = strstr(line, "#define REL_") ? strchr(line, '"') : NULL;
        if (quote == NULL)
            continue;
        char code[8] = {0};
        memcpy(code, quote + 1, 4);
        char heading[32];
        snprintf(heading, sizeof heading, "## %s", code);
        if (strstr(doc_text, heading) == NULL)
            fail_msg("code %s is not documented in docs/ERRORS.md", code);
        found++;
    }
    fclose(codes);
    assert_true(found >= 30);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_line_format),
        cmocka_unit_test(test_sorted_by_file_line_column_then_arrival),
        cmocka_unit_test(test_long_message_is_cut_not_overflowed),
        cmocka_unit_test(test_cut_never_splits_a_character),
        cmocka_unit_test(test_every_code_is_documented),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
