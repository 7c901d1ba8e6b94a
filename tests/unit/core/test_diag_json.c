/* Diagnostics as JSON: read back with jansson, every field checked, text
 * that needs escaping, what is left out, the exact bytes of the empty case,
 * and failures (a full disk, memory running out) reported, not hidden. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codes.h"
#include "core/diag.h"
#include "core/diag_json.h"

/* Every byte a message can hold that JSON must escape or carry as UTF-8. */
static const char tricky[] =
    "importo «1,234.56» in città: \"virgolette\", barra \\ e campanello \a fine";

typedef struct fixture {
    rel_arena arena;
    rel_diags diags;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (f == NULL)
        return -1;
    rel_arena_init(&f->arena);
    rel_diags_init(&f->diags, &f->arena);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    rel_diags_free(&f->diags);
    rel_arena_free(&f->arena);
    free(f);
    return 0;
}

/* Writes the list as JSON into a string owned by the caller. */
static char *render(const rel_diags *diags)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    assert_true(rel_diags_write_json(diags, out));
    assert_int_equal(fclose(out), 0);
    return text;
}

/* The output is one line: no raw control byte before the final newline. */
static void assert_one_line(const char *text)
{
    size_t len = strlen(text);
    assert_true(len > 0);
    assert_int_equal(text[len - 1], '\n');
    for (size_t i = 0; i + 1 < len; i++)
        if ((unsigned char)text[i] < 0x20)
            fail_msg("raw control byte 0x%02x at offset %zu", (unsigned)text[i], i);
}

static json_t *parse(const char *text)
{
    json_error_t error;
    json_t *root = json_loads(text, 0, &error);
    if (root == NULL)
        fail_msg("not JSON (%s at %d): %s", error.text, error.position, text);
    assert_true(json_is_object(root));
    return root;
}

static json_t *entry(json_t *root, size_t index)
{
    json_t *list = json_object_get(root, "diagnostics");
    assert_true(json_is_array(list));
    json_t *item = json_array_get(list, index);
    assert_true(json_is_object(item));
    return item;
}

static void assert_text_field(json_t *object, const char *key, const char *expected)
{
    json_t *value = json_object_get(object, key);
    if (!json_is_string(value))
        fail_msg("\"%s\" is missing or not a string", key);
    assert_string_equal(json_string_value(value), expected);
}

static void assert_integer_field(json_t *object, const char *key, json_int_t expected)
{
    json_t *value = json_object_get(object, key);
    if (!json_is_integer(value))
        fail_msg("\"%s\" is missing or not an integer", key);
    assert_int_equal(json_integer_value(value), expected);
}

static void test_every_field_read_back(void **state)
{
    fixture *f = *state;
    rel_diag_add(&f->diags, REL_SEV_ERROR, REL_E_VALUE_MONEY,
                 (rel_origin){"input/schede.csv", 12, 5}, "%s", tricky);
    rel_diag_add(&f->diags, REL_SEV_WARNING, REL_W_CONVERTED, (rel_origin){"input/àè.csv", 0, 0},
                 "convertito da Windows-1252");
    rel_diag_add(&f->diags, REL_SEV_NOTE, REL_R_TOTAL, (rel_origin){NULL, 0, 0}, "nota");
    rel_diag_add(&f->diags, REL_SEV_ERROR, REL_E_META_SYNTAX,
                 (rel_origin){"input/metadati.ini", 3, 0}, "riga non valida");
    char *text = render(&f->diags);
    assert_one_line(text);
    json_t *root = parse(text);

    assert_int_equal(json_object_size(root), 3);
    assert_int_equal(json_array_size(json_object_get(root, "diagnostics")), 4);
    assert_integer_field(root, "errors", 2);
    assert_integer_field(root, "warnings", 1);

    json_t *money = entry(root, 0);
    assert_int_equal(json_object_size(money), 6);
    assert_text_field(money, "severity", "error");
    assert_text_field(money, "code", "E101");
    assert_text_field(money, "file", "input/schede.csv");
    assert_integer_field(money, "line", 12);
    assert_integer_field(money, "column", 5);
    assert_text_field(money, "message", tricky);

    json_t *converted = entry(root, 1);
    assert_int_equal(json_object_size(converted), 4);
    assert_text_field(converted, "severity", "warning");
    assert_text_field(converted, "code", "W011");
    assert_text_field(converted, "file", "input/àè.csv");
    assert_null(json_object_get(converted, "line"));
    assert_null(json_object_get(converted, "column"));
    assert_text_field(converted, "message", "convertito da Windows-1252");

    json_t *note = entry(root, 2);
    assert_int_equal(json_object_size(note), 3);
    assert_text_field(note, "severity", "note");
    assert_text_field(note, "code", "R001");
    assert_null(json_object_get(note, "file"));
    assert_text_field(note, "message", "nota");

    json_t *syntax = entry(root, 3);
    assert_int_equal(json_object_size(syntax), 5);
    assert_text_field(syntax, "file", "input/metadati.ini");
    assert_integer_field(syntax, "line", 3);
    assert_null(json_object_get(syntax, "column"));

    json_decref(root);
    free(text);
}

/* Keys come in a fixed order, so two runs give the same bytes. */
static void test_exact_bytes_and_key_order(void **state)
{
    fixture *f = *state;
    rel_diag_add(&f->diags, REL_SEV_ERROR, REL_E_VALUE_MONEY, (rel_origin){"a.csv", 2, 3},
                 "x \"y\" \\ «z»");
    char *text = render(&f->diags);
    assert_string_equal(text, "{\"diagnostics\":[{\"severity\":\"error\",\"code\":\"E101\","
                              "\"file\":\"a.csv\",\"line\":2,\"column\":3,"
                              "\"message\":\"x \\\"y\\\" \\\\ «z»\"}],"
                              "\"errors\":1,\"warnings\":0}\n");
    free(text);
}

static void test_empty_list(void **state)
{
    fixture *f = *state;
    char *text = render(&f->diags);
    assert_string_equal(text, "{\"diagnostics\":[],\"errors\":0,\"warnings\":0}\n");
    json_t *root = parse(text);
    assert_int_equal(json_array_size(json_object_get(root, "diagnostics")), 0);
    assert_integer_field(root, "errors", 0);
    assert_integer_field(root, "warnings", 0);
    json_decref(root);
    free(text);
}

/* Lost diagnostics are still counted, and a last E001 entry says so. */
static void test_out_of_memory_adds_e001(void **state)
{
    fixture *f = *state;
    rel_diag_add(&f->diags, REL_SEV_WARNING, REL_W_COL_UNKNOWN, (rel_origin){"b.csv", 1, 4},
                 "colonna ignorata");
    f->diags.errors = 3;
    f->diags.out_of_memory = true;
    char *text = render(&f->diags);
    json_t *root = parse(text);
    assert_int_equal(json_array_size(json_object_get(root, "diagnostics")), 2);
    assert_text_field(entry(root, 0), "code", "W033");
    json_t *lost = entry(root, 1);
    assert_int_equal(json_object_size(lost), 3);
    assert_text_field(lost, "severity", "error");
    assert_text_field(lost, "code", "E001");
    assert_text_field(lost, "message", "memoria esaurita, alcuni messaggi sono andati persi");
    assert_integer_field(root, "errors", 3);
    assert_integer_field(root, "warnings", 1);
    json_decref(root);
    free(text);
}

/* A path from the command line, or a message quoting a bad input byte, is
 * not UTF-8: the bad bytes become U+FFFD and the diagnostic is kept. */
static void test_bytes_not_utf8_are_replaced(void **state)
{
    fixture *f = *state;
    rel_diag_add(&f->diags, REL_SEV_ERROR, REL_E_FILE_READ, (rel_origin){"dir\xff/a.csv", 0, 0},
                 "rotto \xc3 qui à");
    rel_diag_add(&f->diags, REL_SEV_ERROR, REL_E_FILE_READ, (rel_origin){"b", 0, 0},
                 "surrogato \xed\xa0\x80 e lungo \xc0\xaf fine");
    char *text = render(&f->diags);
    json_t *root = parse(text);
    assert_text_field(entry(root, 0), "file", "dir\xef\xbf\xbd/a.csv");
    assert_text_field(entry(root, 0), "message", "rotto \xef\xbf\xbd qui à");
    assert_text_field(entry(root, 1), "message",
                      "surrogato \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd e lungo "
                      "\xef\xbf\xbd\xef\xbf\xbd fine");
    json_decref(root);
    free(text);
}

static void test_write_error_is_reported(void **state)
{
    fixture *f = *state;
    rel_diag_add(&f->diags, REL_SEV_ERROR, REL_E_VALUE_MONEY, (rel_origin){"a.csv", 1, 1}, "x");
    FILE *full = fopen("/dev/full", "w");
    assert_non_null(full);
    assert_false(rel_diags_write_json(&f->diags, full));
    fclose(full);
}

static long allocations_left;

static void *failing_malloc(size_t size)
{
    if (allocations_left-- <= 0)
        return NULL;
    return malloc(size);
}

/* Memory runs out at every allocation in turn: each time the call says so
 * and writes nothing (the sanitizer build also checks that nothing leaks). */
static void test_allocation_failure_writes_nothing(void **state)
{
    fixture *f = *state;
    rel_diag_add(&f->diags, REL_SEV_ERROR, REL_E_VALUE_MONEY, (rel_origin){"a.csv", 1, 2}, "x");
    rel_diag_add(&f->diags, REL_SEV_NOTE, REL_R_TOTAL, (rel_origin){"b.csv", 0, 0}, "y");
    f->diags.out_of_memory = true;
    long failures = 0;
    bool written = false;
    for (long budget = 0; budget < 1000 && !written; budget++) {
        char *text = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&text, &len);
        assert_non_null(out);
        allocations_left = budget;
        json_set_alloc_funcs(failing_malloc, free);
        written = rel_diags_write_json(&f->diags, out);
        json_set_alloc_funcs(malloc, free);
        assert_int_equal(fclose(out), 0);
        if (!written) {
            assert_int_equal(len, 0);
            failures++;
        }
        free(text);
    }
    assert_true(written);
    assert_true(failures >= 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_field_read_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exact_bytes_and_key_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_out_of_memory_adds_e001, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bytes_not_utf8_are_replaced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_error_is_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_failure_writes_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
