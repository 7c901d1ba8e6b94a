#include "render/pdf/pdf_fonts.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/codes.h"

static HPDF_Font load_font(HPDF_Doc pdf, const char *dir, const char *file, rel_arena *arena,
                           rel_diags *diags)
{
    const char *path = rel_arena_printf(arena, "%s/%s", dir, file);
    if (path == NULL || access(path, R_OK) != 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_FONT, (rel_origin){path ? path : file, 0, 0},
                     "carattere tipografico non trovato: installare il pacchetto Debian "
                     "«fonts-liberation2» o indicare la cartella in RELAZIONE_FONT_DIR");
        return NULL;
    }
    const char *name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
    return name ? HPDF_GetFont(pdf, name, "CP1252") : NULL;
}

bool rel_pdf_fonts_load(HPDF_Doc pdf, rel_pdf_fonts *fonts, rel_diags *diags)
{
    const char *dir = getenv("RELAZIONE_FONT_DIR");
    if (dir == NULL || dir[0] == '\0')
        dir = REL_FONT_DIR;
    rel_arena *arena = diags->arena;
    fonts->to_cp1252 = iconv_open("WINDOWS-1252//TRANSLIT", "UTF-8");
    if (fonts->to_cp1252 == (iconv_t)-1) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_PDF, (rel_origin){"relazione.pdf", 0, 0},
                     "conversione in Windows-1252 non disponibile: installare i moduli "
                     "gconv della libreria C (pacchetto Debian «libc6»)");
        return false;
    }
    fonts->serif = load_font(pdf, dir, "LiberationSerif-Regular.ttf", arena, diags);
    fonts->serif_bold = load_font(pdf, dir, "LiberationSerif-Bold.ttf", arena, diags);
    fonts->serif_italic = load_font(pdf, dir, "LiberationSerif-Italic.ttf", arena, diags);
    fonts->serif_bold_italic = load_font(pdf, dir, "LiberationSerif-BoldItalic.ttf", arena, diags);
    fonts->sans = load_font(pdf, dir, "LiberationSans-Regular.ttf", arena, diags);
    fonts->sans_bold = load_font(pdf, dir, "LiberationSans-Bold.ttf", arena, diags);
    fonts->sans_italic = load_font(pdf, dir, "LiberationSans-Italic.ttf", arena, diags);
    return fonts->serif && fonts->serif_bold && fonts->serif_italic && fonts->serif_bold_italic
           && fonts->sans
           && fonts->sans_bold && fonts->sans_italic;
}

void rel_pdf_fonts_close(rel_pdf_fonts *fonts)
{
    if (fonts->to_cp1252 != (iconv_t)-1)
        iconv_close(fonts->to_cp1252);
    fonts->to_cp1252 = (iconv_t)-1;
}

char *rel_pdf_encode(const rel_pdf_fonts *fonts, rel_arena *arena, const char *text,
                     size_t *replaced)
{
    size_t len = strlen(text);
    char *out = rel_arena_alloc(arena, len * 2 + 1);
    if (out == NULL)
        return NULL;
    iconv_t cd = fonts->to_cp1252;
    iconv(cd, NULL, NULL, NULL, NULL);   /* back to the initial state */
    char *in_ptr = (char *)text;
    size_t in_left = len;
    char *out_ptr = out;
    size_t out_left = len * 2;
    while (in_left > 0) {
        size_t result = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
        if (result != (size_t)-1) {
            *replaced += result;   /* irreversible conversions: transliterated */
            break;
        }
        /* Not representable even by transliteration: one '?' per character. */
        if (out_left == 0)
            break;
        *out_ptr++ = '?';
        out_left--;
        (*replaced)++;
        do {
            in_ptr++;
            in_left--;
        } while (in_left > 0 && ((unsigned char)*in_ptr & 0xC0) == 0x80);
    }
    *out_ptr = '\0';
    return out;
}

double rel_pdf_width(HPDF_Font font, double size, const char *text, size_t len)
{
    if (len == 0)
        return 0.0;
    HPDF_TextWidth width = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)text, (HPDF_UINT)len);
    return width.width * size / 1000.0;
}
