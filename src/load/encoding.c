#include "load/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "core/codes.h"
#include "core/utf8.h"

size_t rel_utf8_first_invalid(const char *bytes, size_t len, bool *multibyte)
{
    const unsigned char *p = (const unsigned char *)bytes;
    *multibyte = false;
    size_t i = 0;
    while (i < len) {
        size_t n = rel_utf8_sequence(p + i, len - i);
        if (n == 0)
            return i;
        if (n > 1)
            *multibyte = true;
        i += n;
    }
    return len;
}

void rel_text_position(const char *bytes, size_t offset, bool single_byte, unsigned *line,
                       unsigned *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)bytes[i];
        bool lone_cr = c == '\r' && (i + 1 >= offset || bytes[i + 1] != '\n');
        if (c == '\n' || lone_cr) {
            (*line)++;
            *col = 1;
        } else if (c != '\r' && (single_byte || (c & 0xC0) != 0x80)) {
            (*col)++;
        }
    }
}

/* Converts with iconv into a NUL-terminated arena buffer. Returns false on an
 * invalid input sequence, storing its input offset in *bad_offset. */
static bool convert(const char *from, const char *bytes, size_t len, rel_arena *arena,
                    rel_text *text, size_t *bad_offset)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        *bad_offset = 0;
        return false;
    }
    /* At most 3 output bytes for each input byte (UTF-16 too, per 2 bytes). */
    size_t capacity = len * 3 + 1;
    char *out = rel_arena_alloc(arena, capacity);
    bool ok = out != NULL;
    if (ok) {
        char *in_ptr = (char *)bytes;
        size_t in_left = len;
        char *out_ptr = out;
        size_t out_left = capacity - 1;
        ok = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) != (size_t)-1;
        *bad_offset = (size_t)(in_ptr - bytes);
        *out_ptr = '\0';
        text->data = out;
        text->len = (size_t)(out_ptr - out);
    } else {
        *bad_offset = 0;
    }
    iconv_close(cd);
    return ok;
}

static bool decode_utf16(const char *bytes, size_t len, const char *path, rel_arena *arena,
                         rel_diags *diags, rel_text *text)
{
    bool little = (unsigned char)bytes[0] == 0xFF;
    size_t bad;
    if (!convert(little ? "UTF-16LE" : "UTF-16BE", bytes + 2, len - 2, arena, text, &bad)) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_ENCODING, (rel_origin){path, 0, 0},
                     "il file dichiara la codifica UTF-16 ma al byte %zu contiene una "
                     "sequenza non valida; salvarlo come «CSV UTF-8»", bad + 2);
        return false;
    }
    const char *nul = memchr(text->data, '\0', text->len);
    if (nul != NULL) {
        unsigned line, col;
        rel_text_position(text->data, (size_t)(nul - text->data), false, &line, &col);
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_ENCODING, (rel_origin){path, line, col},
                     "il file contiene un carattere nullo: non è un file di testo");
        return false;
    }
    rel_diag_add(diags, REL_SEV_WARNING, REL_W_CONVERTED, (rel_origin){path, 0, 0},
                 "file in codifica UTF-16 (Testo Unicode), convertito in UTF-8");
    return true;
}

static bool decode_windows1252(const char *bytes, size_t len, size_t first_bad,
                               const char *path, rel_arena *arena, rel_diags *diags,
                               rel_text *text)
{
    unsigned line, col;
    size_t bad;
    const char *nul = memchr(bytes, '\0', len);
    if (nul != NULL) {
        rel_text_position(bytes, (size_t)(nul - bytes), true, &line, &col);
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_ENCODING, (rel_origin){path, line, col},
                     "il file contiene un byte nullo: non è un file di testo");
        return false;
    }
    if (!convert("WINDOWS-1252", bytes, len, arena, text, &bad)) {
        rel_text_position(bytes, bad, true, &line, &col);
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_ENCODING, (rel_origin){path, line, col},
                     "byte 0x%02X non valido né in UTF-8 né in Windows-1252; salvare il "
                     "file come «CSV UTF-8»", (unsigned char)bytes[bad]);
        return false;
    }
    rel_text_position(bytes, first_bad, true, &line, &col);
    rel_diag_add(diags, REL_SEV_WARNING, REL_W_CONVERTED, (rel_origin){path, line, col},
                 "il file non è in UTF-8 (primo byte 0x%02X): letto come Windows-1252 e "
                 "convertito; per evitare questo avviso salvarlo come «CSV UTF-8»",
                 (unsigned char)bytes[first_bad]);
    return true;
}

bool rel_encoding_decode(const char *bytes, size_t len, const char *path, rel_arena *arena,
                         rel_diags *diags, rel_text *text)
{
    const unsigned char *u = (const unsigned char *)bytes;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return decode_utf16(bytes, len, path, arena, diags, text);
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        bytes += 3;
        len -= 3;
    }

    bool multibyte;
    size_t bad = rel_utf8_first_invalid(bytes, len, &multibyte);
    if (bad == len && memchr(bytes, '\0', len) == NULL) {
        char *copy = rel_arena_strndup(arena, bytes, len);
        if (copy == NULL) {
            rel_diag_add(diags, REL_SEV_ERROR, REL_E_OUT_OF_MEMORY, (rel_origin){path, 0, 0},
                         "memoria esaurita leggendo il file");
            return false;
        }
        *text = (rel_text){copy, len};
        return true;
    }

    unsigned line, col;
    if (bad == len || multibyte) {
        if (bad == len)
            bad = (size_t)((const char *)memchr(bytes, '\0', len) - bytes);
        rel_text_position(bytes, bad, false, &line, &col);
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_ENCODING, (rel_origin){path, line, col},
                     bytes[bad] == '\0'
                         ? "il file contiene un byte nullo: non è un file di testo"
                         : "sequenza UTF-8 non valida: il file mescola codifiche diverse; "
                           "salvarlo di nuovo come «CSV UTF-8»");
        return false;
    }
    return decode_windows1252(bytes, len, bad, path, arena, diags, text);
}
