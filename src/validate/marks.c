#include "validate/marks.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

bool rel_mark_missing(const char *text)
{
    static const char *const marks[] = {
        "/", "n.d.", "n.d", "nd", "n/d", "n.a.", "n/a", "na", "n.p.", "np", "-", "--",
        "\xE2\x80\x94" /* — */, "\xE2\x80\x93" /* – */, "\xE2\x80\xA6" /* … */, "..", "...",
        "non disponibile", "dato non disponibile", NULL,
    };
    for (size_t i = 0; marks[i]; i++)
        if (strcasecmp(text, marks[i]) == 0)
            return true;
    return false;
}

bool rel_mark_words(const char *text)
{
    size_t letters = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        letters += isalpha(*p) || *p >= 0xC0;   /* a UTF-8 lead byte: an accented letter */
    return letters >= 3;
}

const char *rel_mark_excel_error(const char *text)
{
    static const char *const errors[] = {
        "#N/D", "#N/A", "#DIV/0!", "#VALORE!", "#VALUE!", "#RIF!", "#REF!", "#NOME?",
        "#NAME?", "#NUM!", "#NULLO!", "#NULL!", "#ESPANSIONE!", "#SPILL!", "#CALC!",
        "#CAMPO!", "#FIELD!", "#BLOCCATO!", "#BLOCKED!", "Err:502", "Err:504", "Err:507",
        "Err:508", "Err:522", NULL,
    };
    if (text[0] == '#' && strspn(text, "#") == strlen(text) && strlen(text) >= 3)
        return "#####";   /* a column too narrow when it was printed or exported */
    for (size_t i = 0; errors[i]; i++)
        if (strcasecmp(text, errors[i]) == 0)
            return errors[i];
    return NULL;
}

/* "¹" "²" "³" (C2 B9/B2/B3) and "⁴"…"⁹" (E2 81 B4…B9) as a digit, or 0. */
static char superscript_before(const char *text, size_t len, size_t *width)
{
    const unsigned char *end = (const unsigned char *)text + len;
    if (len >= 2 && end[-2] == 0xC2) {
        *width = 2;
        return end[-1] == 0xB9 ? '1' : end[-1] == 0xB2 ? '2' : end[-1] == 0xB3 ? '3' : 0;
    }
    if (len >= 3 && end[-3] == 0xE2 && end[-2] == 0x81 && end[-1] >= 0xB4 && end[-1] <= 0xB9) {
        *width = 3;
        return (char)('4' + (end[-1] - 0xB4));
    }
    return 0;
}

static const char *const superscripts[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9"};

size_t rel_mark_footnote(const char *text, size_t len, const char **mark)
{
    *mark = NULL;
    size_t stars = 0, width = 0;
    while (stars < len && text[len - 1 - stars] == '*')
        stars++;
    size_t body = len;
    if (stars > 0 && stars <= 3) {
        body = len - stars;
        *mark = stars == 1 ? "*" : stars == 2 ? "**" : "***";
    } else if (len >= 3 && text[len - 1] == ')' && text[len - 2] >= '1' && text[len - 2] <= '9'
               && text[len - 3] == '(') {
        body = len - 3;
        *mark = superscripts[text[len - 2] - '1'];
    } else {
        char digit = superscript_before(text, len, &width);
        if (digit) {
            body = len - width;
            *mark = superscripts[digit - '1'];
        }
    }
    while (body > 0 && text[body - 1] == ' ')
        body--;
    if (*mark == NULL || body == 0 || !isdigit((unsigned char)text[body - 1])) {
        /* "*" alone, "(1)" alone, or a mark after words: not a figure's footnote;
         * "12%*" keeps its mark after the percent sign */
        if (*mark != NULL && body > 0 && (text[body - 1] == '%'))
            return body;
        *mark = NULL;
        return len;
    }
    return body;
}
