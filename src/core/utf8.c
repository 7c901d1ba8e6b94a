#include "core/utf8.h"

size_t rel_utf8_sequence(const unsigned char *s, size_t left)
{
    unsigned char low = 0x80, high = 0xBF;
    size_t len;
    if (s[0] < 0x80)
        return 1;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        len = 2;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        len = 3;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        len = 4;
    else
        return 0;
    if (s[0] == 0xE0)
        low = 0xA0;           /* overlong */
    else if (s[0] == 0xED)
        high = 0x9F;          /* surrogates */
    else if (s[0] == 0xF0)
        low = 0x90;           /* overlong */
    else if (s[0] == 0xF4)
        high = 0x8F;          /* above U+10FFFF */
    if (left < len || s[1] < low || s[1] > high)
        return 0;
    for (size_t i = 2; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return len;
}

size_t rel_utf8_length(const char *s, size_t bytes)
{
    size_t characters = 0;
    for (size_t i = 0; i < bytes; i++)
        characters += ((unsigned char)s[i] & 0xC0) != 0x80;
    return characters;
}
