#include "render/pdf/pdf_typo.h"

#include <stdbool.h>
#include <string.h>

#define APOSTROPHE "\xE2\x80\x99"   /* ’ */
#define OPEN_QUOTE "\xE2\x80\x9C"   /* “ */
#define CLOSE_QUOTE "\xE2\x80\x9D"  /* ” */

/* Whether the double quote at `at` opens: at the start, or after a blank,
 * an opening bracket or «, style markers ('*') looked through. */
static bool opens(const char *start, const char *at)
{
    while (at > start && at[-1] == '*')
        at--;
    if (at == start)
        return true;
    char prev = at[-1];
    return prev == ' ' || prev == '\n' || prev == '\t' || prev == '(' || prev == '['
           || (at - start >= 2 && (unsigned char)at[-2] == 0xC2 && (unsigned char)prev == 0xAB);
}

const char *rel_pdf_typeset(rel_arena *arena, const char *utf8)
{
    if (utf8 == NULL)
        utf8 = "";
    size_t quotes = 0, len = 0;
    for (const char *p = utf8; *p; p++, len++)
        quotes += *p == '\'' || *p == '"';
    if (quotes == 0 && strchr(utf8, '(') == NULL)
        return utf8;
    char *out = rel_arena_alloc(arena, len + 2 * quotes + 1);
    if (out == NULL)
        return NULL;
    char *w = out;
    int depth = 0;
    for (const char *p = utf8; *p; p++) {
        if (*p == '\'' || *p == '"') {
            memcpy(w, *p == '\'' ? APOSTROPHE : opens(utf8, p) ? OPEN_QUOTE : CLOSE_QUOTE, 3);
            w += 3;
        } else if (*p == '(') {
            *w++ = depth++ > 0 ? '[' : '(';
        } else if (*p == ')' && depth > 0) {
            *w++ = --depth > 0 ? ']' : ')';
        } else {
            *w++ = *p;
        }
    }
    *w = '\0';
    return out;
}
