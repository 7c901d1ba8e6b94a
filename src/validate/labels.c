#include "validate/labels.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

/* Unaccented ASCII letter for the two-byte UTF-8 Italian vowels, or 0. */
static char unaccent(unsigned char lead, unsigned char next)
{
    if (lead != 0xC3)
        return 0;
    switch (next) {
    case 0xA0: case 0xA1: case 0x80: case 0x81: return 'a';   /* à á À Á */
    case 0xA8: case 0xA9: case 0x88: case 0x89: return 'e';   /* è é È É */
    case 0xAC: case 0xAD: case 0x8C: case 0x8D: return 'i';   /* ì í Ì Í */
    case 0xB2: case 0xB3: case 0x92: case 0x93: return 'o';   /* ò ó Ò Ó */
    case 0xB9: case 0xBA: case 0x99: case 0x9A: return 'u';   /* ù ú Ù Ú */
    default: return 0;
    }
}

void rel_label_normalize(const char *label, char *out, size_t size)
{
    size_t n = 0;
    bool pending_separator = false;
    for (const unsigned char *p = (const unsigned char *)label; *p && n + 2 < size; p++) {
        char c = (char)*p;
        char plain = p[1] ? unaccent(p[0], p[1]) : 0;
        if (plain) {
            c = plain;
            p++;
        } else if (*p == ' ' || *p == '\t' || *p == '-' || *p == '_') {
            pending_separator = n > 0;
            continue;
        }
        if (pending_separator)
            out[n++] = '_';
        pending_separator = false;
        out[n++] = (char)tolower((unsigned char)c);
    }
    out[n] = '\0';
}

/* Removes every occurrence of `word` from `text`, in place. */
static void remove_word(char *text, const char *word)
{
    size_t len = strlen(word);
    for (char *hit = strstr(text, word); hit; hit = strstr(text, word))
        memmove(hit, hit + len, strlen(hit + len) + 1);
}

int rel_label_year(const char *label)
{
    char text[128];
    rel_label_normalize(label, text, sizeof text);
    static const char *const noise[] = {"31/12/", "31.12.", "esercizio", "consuntivo",
                                        "importo", "valore", "anno", "al", "_", ".", "€"};
    for (size_t i = 0; i < sizeof noise / sizeof noise[0]; i++)
        remove_word(text, noise[i]);
    if (strlen(text) != 4)
        return 0;
    for (size_t i = 0; i < 4; i++)
        if (!isdigit((unsigned char)text[i]))
            return 0;
    int year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    return year >= 1900 && year <= 2199 ? year : 0;
}
