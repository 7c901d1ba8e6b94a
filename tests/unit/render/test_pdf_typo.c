/* Italian typography of running text: typographic apostrophes and quotes,
 * brackets inside parentheses; hyphenation points from libhyphen with
 * Debian's Italian patterns, at measured widths. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <hpdf.h>
#include <string.h>

#include "render/pdf/pdf_hyphen.h"
#include "render/pdf/pdf_layout.h"
#include "render/pdf/pdf_typo.h"

static void test_typeset(void **state)
{
    (void)state;
    rel_arena arena;
    rel_arena_init(&arena);
    assert_string_equal(rel_pdf_typeset(&arena, "dell'esercizio, un po'"),
                        "dell’esercizio, un po’");
    assert_string_equal(rel_pdf_typeset(&arena, "il \"Fondo\" e **\"altro\"**"),
                        "il “Fondo” e **“altro”**");
    assert_string_equal(rel_pdf_typeset(&arena, "(Azienda (art. 114 (c. 1)) e (altro))"),
                        "(Azienda [art. 114 [c. 1]] e [altro])");
    assert_string_equal(rel_pdf_typeset(&arena, "1) voce; (a) e b)"), "1) voce; (a) e b)");
    const char *plain = "nessun segno da cambiare";
    assert_ptr_equal(rel_pdf_typeset(&arena, plain), plain);
    rel_arena_free(&arena);
}

/* Heads that end at a hyphenation point and fit the room, in bytes. */
static void test_hyphenate(void **state)
{
    (void)state;
    rel_arena arena;
    rel_arena_init(&arena);
    rel_diags diags;
    rel_diags_init(&diags, &arena);
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    assert_non_null(pdf);
    rel_pdf_fonts fonts;
    assert_true(rel_pdf_fonts_load(pdf, &fonts, &diags));
    rel_pdf_hyphens *h = rel_pdf_hyphens_load("relazione.pdf", &diags);
    assert_non_null(h);
    rel_pdf_font f = fonts.serif;
    const char *word = "amministrazione,";
    double all = rel_pdf_width(f, 11, word, strlen(word));
    /* am-mi-ni-stra-zio-ne: the longest head that fits */
    assert_int_equal(rel_pdf_hyphenate(h, f, 11, word, strlen(word), all), 13);   /* amministrazio */
    double ammini = rel_pdf_width(f, 11, "ammini-", 7);
    assert_int_equal(rel_pdf_hyphenate(h, f, 11, word, strlen(word), ammini + 0.1), 6);
    assert_int_equal(rel_pdf_hyphenate(h, f, 11, word, strlen(word), ammini - 0.1), 4);
    /* after an elision, capitals lowered, accents kept */
    const char *elided = "dell’esercizio";
    size_t head = rel_pdf_hyphenate(h, f, 11, elided, strlen(elided), 1000);
    assert_int_equal(head, strlen("dell’eserci"));
    assert_int_equal(rel_pdf_hyphenate(h, f, 11, "Contabilità", 12, 1000), strlen("Contabili"));
    /* never: short words, digits, acronyms, hyphens, slashes */
    assert_int_equal(rel_pdf_hyphenate(h, f, 11, "casa", 4, 1000), 0);
    assert_int_equal(rel_pdf_hyphenate(h, f, 11, "2.353.704,17", 12, 1000), 0);
    assert_int_equal(rel_pdf_hyphenate(h, f, 11, "INPS-INAIL", 10, 1000), 0);
    assert_int_equal(rel_pdf_hyphenate(h, f, 11, "AMMINISTRAZIONE", 15, 1000), 0);
    assert_int_equal(rel_pdf_hyphenate(h, f, 11, "socio-assistenziali", 19, 1000), 0);
    assert_int_equal(rel_pdf_hyphenate(h, f, 11, "entrate/uscite", 14, 1000), 0);
    rel_pdf_hyphens_free(h);
    rel_pdf_fonts_close(&fonts);
    HPDF_Free(pdf);
    rel_diags_free(&diags);
    rel_arena_free(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typeset),
        cmocka_unit_test(test_hyphenate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
