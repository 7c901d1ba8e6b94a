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

bool rel_same_label(const char *a, const char *b)
{
    char x[256], y[256];
    rel_label_normalize(a, x, sizeof x);
    rel_label_normalize(b, y, sizeof y);
    return strcmp(x, y) == 0;
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

/* The first word of a normalised label, without a trailing '.' or ':'. */
static size_t first_word(const char *normalized, char *word, size_t size)
{
    size_t n = strcspn(normalized, "_:");
    size_t len = n;
    while (len > 0 && (normalized[len - 1] == '.' || normalized[len - 1] == ':'))
        len--;
    if (len >= size)
        len = size - 1;
    memcpy(word, normalized, len);
    word[len] = '\0';
    return n;
}

rel_total_word rel_label_total(const char *label)
{
    char text[256], word[32];
    rel_label_normalize(label, text, sizeof text);
    size_t end = first_word(text, word, sizeof word);
    if (strcmp(text, "media") == 0 || strcmp(text, "valore_medio") == 0
        || strncmp(text, "media_complessiv", 16) == 0 || strcmp(text, "media_generale") == 0)
        return REL_TOTAL_MEAN;
    if (strcmp(word, "totale") != 0 && strcmp(word, "totali") != 0 && strcmp(word, "tot") != 0)
        return REL_TOTAL_NONE;
    const char *rest = text + end;
    if (strstr(rest, "generale") || strstr(rest, "complessiv"))
        return REL_TOTAL_GRAND;
    return REL_TOTAL_PART;
}

bool rel_is_total_label(const char *label)
{
    return rel_label_total(label) != REL_TOTAL_NONE;
}

/* Four digits at *p, a year of the 1900s-2100s; advances *p past them. */
static int year_at(const char **p)
{
    const char *s = *p;
    for (int i = 0; i < 4; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    if (isdigit((unsigned char)s[4]))
        return 0;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *p = s + 4;
    return year >= 1900 && year <= 2199 ? year : 0;
}

static const char *skip_spaces(const char *p)
{
    while (*p == ' ')
        p++;
    return p;
}

/* Two years written "2023/2019", "2023 / 2019" or "2023 vs 2019" (lower case). */
static bool year_pair(const char *text, int *later, int *earlier)
{
    const char *p = skip_spaces(text);
    int a = year_at(&p);
    p = skip_spaces(p);
    if (*p == '/')
        p++;
    else if (strncmp(p, "vs", 2) == 0)
        p += 2 + (p[2] == '.');
    else
        return false;
    p = skip_spaces(p);
    int b = year_at(&p);
    if (!a || !b || a == b || *skip_spaces(p) != '\0')
        return false;
    *later = a;
    *earlier = b;
    return true;
}

bool rel_label_change(const char *label, int *later, int *earlier)
{
    *later = *earlier = 0;
    while (*label == ' ')
        label++;
    if (strncmp(label, "\xCE\x94", 2) == 0)   /* Δ */
        return true;
    char lower[128];
    size_t n = 0;
    for (const char *p = label; *p && n + 1 < sizeof lower; p++)
        lower[n++] = (char)tolower((unsigned char)*p);
    lower[n] = '\0';
    while (n > 0 && (lower[n - 1] == ' ' || lower[n - 1] == '%'))
        lower[--n] = '\0';
    if (year_pair(lower, later, earlier))
        return true;
    char text[128], word[32];
    rel_label_normalize(label, text, sizeof text);
    first_word(text, word, sizeof word);
    return strcmp(word, "andamento") == 0 || strcmp(word, "variazione") == 0
           || strcmp(word, "var") == 0 || strcmp(word, "variaz") == 0
           || strcmp(word, "differenza") == 0 || strcmp(word, "diff") == 0;
}
