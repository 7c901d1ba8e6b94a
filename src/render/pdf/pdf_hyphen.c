#include "render/pdf/pdf_hyphen.h"

#include <hyphen.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/codes.h"

#define MIN_WORD 5       /* letters: shorter words are never split */
#define MIN_SIDE 2       /* letters at least before and after the hyphen */
#define MAX_WORD 96      /* bytes of the part looked up; longer is not a word */

struct rel_pdf_hyphens {
    HyphenDict *dict;
};

rel_pdf_hyphens *rel_pdf_hyphens_load(const char *shown, rel_diags *diags)
{
    const char *path = getenv("RELAZIONE_HYPHEN_DICT");
    if (path == NULL || path[0] == '\0')
        path = REL_PDF_HYPHEN_DICT;
    rel_pdf_hyphens *hyphens = malloc(sizeof *hyphens);
    if (hyphens == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){shown, 0, 0},
                     "memoria esaurita caricando la sillabazione");
        return NULL;
    }
    hyphens->dict = access(path, R_OK) == 0 ? hnj_hyphen_load(path) : NULL;
    if (hyphens->dict == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_PDF_HYPHEN, (rel_origin){shown, 0, 0},
                     "regole di sillabazione italiane non trovate in %s: installare il pacchetto "
                     "Debian «hyphen-it» o indicarle in RELAZIONE_HYPHEN_DICT", path);
        free(hyphens);
        return NULL;
    }
    return hyphens;
}

void rel_pdf_hyphens_free(rel_pdf_hyphens *hyphens)
{
    if (hyphens == NULL)
        return;
    hnj_hyphen_free(hyphens->dict);
    free(hyphens);
}

/* Whether `cp` is a letter of a word the patterns know. */
static bool is_letter(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')
           || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

static bool is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

/* The letters to look up: after leading punctuation and any elision
 * ("dell’esercizio" => "esercizio"), before trailing punctuation ("zione,").
 * false when the word is no word to split: digits, a hyphen, a slash,
 * letters on both sides of other punctuation, capitals only, too short. */
static bool core_of(const char *word, size_t len, size_t *from, size_t *to)
{
    size_t start = SIZE_MAX, end = SIZE_MAX, letters = 0;
    bool lower = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t step = rel_pdf_decode(word + i, len - i, &cp);
        if (step == 0 || (cp >= '0' && cp <= '9') || cp == '-' || cp == '/' || cp == '@')
            return false;
        if (is_letter(cp)) {
            if (end != SIZE_MAX && end != i)
                return false;   /* letters again after punctuation: "a.b.c" */
            start = start == SIZE_MAX ? i : start;
            end = i + step;
            letters++;
            lower = lower || (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp != 0xF7);
        } else if (is_apostrophe(cp) && start != SIZE_MAX && end == i) {
            start = end = SIZE_MAX;   /* an elision: the word starts again after it */
            letters = 0;
        }
        i += step;
    }
    *from = start;
    *to = end;
    return start != SIZE_MAX && letters >= MIN_WORD && lower && end - start <= MAX_WORD;
}

/* `text` in lower case, for the patterns: ASCII and Latin-1 capitals
 * (À-Þ) keep their byte length, so positions stay the same. */
static void lower_case(const char *text, size_t len, char *out)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        else if (i > 0 && (unsigned char)text[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E
                 && c != 0x97)
            c = (unsigned char)(c + 0x20);
        out[i] = (char)c;
    }
    out[len] = '\0';
}

size_t rel_pdf_hyphenate(const rel_pdf_hyphens *hyphens, rel_pdf_font font, double size,
                         const char *word, size_t len, double room)
{
    size_t from, to;
    if (hyphens == NULL || !core_of(word, len, &from, &to))
        return 0;
    char lower[MAX_WORD + 1], points[MAX_WORD + 5];
    lower_case(word + from, to - from, lower);
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    memset(points, 0, sizeof points);
    if (hnj_hyphen_hyphenate3(hyphens->dict, lower, (int)(to - from), points, NULL, &rep, &pos,
                              &cut, MIN_SIDE, MIN_SIDE, MIN_SIDE, MIN_SIDE) != 0)
        return 0;
    size_t best = 0;
    double hyphen = rel_pdf_width(font, size, REL_PDF_HYPHEN, 1);
    /* points[k] odd: a break after byte k of the core (the Italian
     * patterns have no replacements, so rep stays NULL) */
    for (size_t k = 0; rep == NULL && k + 1 < to - from; k++) {
        if (!(points[k] & 1))
            continue;
        size_t head = from + k + 1;
        if (rel_pdf_width(font, size, word, head) + hyphen > room)
            break;
        best = head;
    }
    if (rep != NULL) {
        for (size_t k = 0; k < to - from; k++)
            free(rep[k]);
        free(rep);
        free(pos);
        free(cut);
    }
    return best;
}
