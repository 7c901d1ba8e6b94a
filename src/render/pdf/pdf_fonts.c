#include "render/pdf/pdf_fonts.h"

#include <hpdf_fontdef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/codes.h"
#include "core/utf8.h"

static const char *const face_files[REL_PDF_FACE_COUNT] = {
    "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf",  "LiberationSerif-BoldItalic.ttf",
    "LiberationSans-Regular.ttf",  "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
};

/* The reverse of libharu's own WinAnsi table, so that what we encode is
 * exactly what its /Encoding says. */
static void build_winansi(rel_pdf_fonts *fonts)
{
    memset(fonts->to_winansi, 0, sizeof fonts->to_winansi);
    for (unsigned code = 32; code < 256; code++) {
        HPDF_UNICODE u = HPDF_Encoder_GetUnicode(fonts->winansi, (HPDF_UINT16)code);
        if (u != 0 && u < sizeof fonts->to_winansi && fonts->to_winansi[u] == 0)
            fonts->to_winansi[u] = (uint8_t)code;
    }
}

static bool load_face(HPDF_Doc pdf, rel_pdf_face *face, const char *dir, rel_arena *arena,
                      rel_diags *diags)
{
    const char *path = rel_arena_printf(arena, "%s/%s", dir, face->file);
    if (path == NULL || access(path, R_OK) != 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_FONT, (rel_origin){path ? path : face->file, 0, 0},
                     "carattere tipografico non trovato: installare il pacchetto Debian "
                     "«fonts-liberation2» o indicare la cartella in RELAZIONE_FONT_DIR");
        return false;
    }
    face->name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
    face->def = face->name ? HPDF_GetFontDef(pdf, face->name) : NULL;
    if (face->def == NULL) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_FONT, (rel_origin){path, 0, 0},
                     "carattere tipografico illeggibile: il file non è un TrueType valido");
        return false;
    }
    return true;
}

bool rel_pdf_fonts_init(HPDF_Doc pdf, rel_pdf_fonts *fonts)
{
    memset(fonts, 0, sizeof *fonts);
    fonts->pdf = pdf;
    rel_pdf_font *named[REL_PDF_FACE_COUNT] = {
        &fonts->serif, &fonts->serif_bold, &fonts->serif_italic, &fonts->serif_bold_italic,
        &fonts->sans,  &fonts->sans_bold,  &fonts->sans_italic,
    };
    for (size_t i = 0; i < REL_PDF_FACE_COUNT; i++) {
        fonts->faces[i].fonts = fonts;
        fonts->faces[i].file = face_files[i];
        memset(fonts->faces[i].widths, 0xff, sizeof fonts->faces[i].widths);
        *named[i] = &fonts->faces[i];
    }
    fonts->winansi = HPDF_GetEncoder(pdf, "WinAnsiEncoding");
    if (fonts->winansi == NULL || HPDF_UseUTFEncodings(pdf) != HPDF_OK)
        return false;
    build_winansi(fonts);
    return true;
}

bool rel_pdf_fonts_load_faces(rel_pdf_fonts *fonts, rel_diags *diags)
{
    const char *dir = getenv("RELAZIONE_FONT_DIR");
    if (dir == NULL || dir[0] == '\0')
        dir = REL_FONT_DIR;
    bool ok = true;
    for (size_t i = 0; i < REL_PDF_FACE_COUNT; i++)
        ok = load_face(fonts->pdf, &fonts->faces[i], dir, diags->arena, diags) && ok;
    return ok;
}

bool rel_pdf_fonts_load(HPDF_Doc pdf, rel_pdf_fonts *fonts, rel_diags *diags)
{
    return rel_pdf_fonts_init(pdf, fonts) && rel_pdf_fonts_load_faces(fonts, diags);
}

void rel_pdf_fonts_close(rel_pdf_fonts *fonts)
{
    for (size_t i = 0; i < REL_PDF_FACE_COUNT; i++) {
        free(fonts->faces[i].wide_used);
        fonts->faces[i].wide_used = NULL;
    }
}

size_t rel_pdf_decode(const char *s, size_t left, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len = rel_utf8_sequence(u, left);
    switch (len) {
    case 1:
        *cp = u[0];
        break;
    case 2:
        *cp = (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
        break;
    case 3:
        *cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
        break;
    case 4:
        *cp = (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3F) << 12
              | (uint32_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
        break;
    default:
        *cp = 0xFFFD;
    }
    return len;
}

unsigned rel_pdf_winansi(rel_pdf_font font, uint32_t cp)
{
    return cp < sizeof font->fonts->to_winansi ? font->fonts->to_winansi[cp] : 0;
}

bool rel_pdf_printable(rel_pdf_font font, uint32_t cp)
{
    if (rel_pdf_winansi(font, cp) != 0)
        return true;
    return cp >= 0xA0 && cp <= 0xFFFF && (cp < 0xD800 || cp > 0xDFFF)
           && HPDF_TTFontDef_GetGlyphid(font->def, (HPDF_UINT16)cp) != 0;
}

/* Width of one character in 1/1000 em. Asking libharu marks the glyph as
 * used, so only measured characters are embedded: hence the lazy cache. */
static int char_width(rel_pdf_font font, uint32_t cp)
{
    unsigned code = rel_pdf_winansi(font, cp);
    if (code != 0) {
        if (font->widths[code] < 0)
            font->widths[code] = HPDF_TTFontDef_GetCharWidth(font->def, (HPDF_UINT16)cp);
        return font->widths[code];
    }
    return rel_pdf_printable(font, cp)
               ? HPDF_TTFontDef_GetCharWidth(font->def, (HPDF_UINT16)cp) : 0;
}

double rel_pdf_width(rel_pdf_font font, double size, const char *text, size_t len)
{
    long total = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t step = rel_pdf_decode(text + i, len - i, &cp);
        total += char_width(font, cp);
        i += step ? step : 1;
    }
    return (double)total * size / 1000.0;
}

HPDF_Font rel_pdf_face_font(rel_pdf_font font, bool wide)
{
    HPDF_Font *slot = wide ? &font->wide : &font->simple;
    if (*slot == NULL)
        *slot = HPDF_GetFont(font->fonts->pdf, font->name, wide ? "UTF-8" : "WinAnsiEncoding");
    if (wide && *slot != NULL && font->wide_used == NULL)
        font->wide_used = calloc(0x10000 / 8, 1);
    return wide && font->wide_used == NULL ? NULL : *slot;
}
