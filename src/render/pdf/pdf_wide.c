/*
 * pdf_wide.c - the Identity-H fonts put right before saving.
 *
 * libharu 2.3.0 makes a composite font from a TrueType face and its "UTF-8"
 * encoder, where a character code is the character's Unicode value (CID =
 * code point) and a CIDToGIDMap gives its glyph. What it writes wrong, and
 * what is done here through its object and stream API:
 *   - the ToUnicode stream is an encoding CMap (begincidrange), which
 *     poppler rejects: it becomes a ToUnicode CMap of the characters shown;
 *   - the CIDFont's CIDSystemInfo says Ordering "Identity-H" where the
 *     Identity-H CMap is Adobe-Identity-0 (PDF/A-1 6.3.3.1);
 *   - the font is a subset without a CIDSet (PDF/A-1 6.3.5): one is added;
 *   - the widths (W) and the CIDToGIDMap cover every character of the face
 *     (≈ 16 KB a face): they are cut to the characters shown.
 */
#include "render/pdf/pdf_fonts.h"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <string.h>

static bool used(const rel_pdf_face *face, unsigned cp)
{
    return (face->wide_used[cp >> 3] >> (cp & 7)) & 1;
}

static bool write_str(HPDF_Stream stream, const char *text)
{
    return HPDF_Stream_WriteStr(stream, text) == HPDF_OK;
}

/* A ToUnicode CMap: every code shown maps to itself (codes are BMP code
 * points), in blocks of at most 100 entries as the CMap format asks. */
static bool write_to_unicode(const rel_pdf_face *face, HPDF_Stream stream)
{
    HPDF_MemStream_FreeData(stream);
    bool ok = write_str(stream, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
                                "/Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
                                "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
                                "endcodespacerange\n");
    unsigned block[100];
    size_t count = 0;
    for (unsigned cp = 0; cp <= 0xFFFF && ok; cp++) {
        if (used(face, cp))
            block[count++] = cp;
        if (count == 100 || (cp == 0xFFFF && count > 0)) {
            char line[48];
            snprintf(line, sizeof line, "%zu beginbfchar\n", count);
            ok = write_str(stream, line);
            for (size_t i = 0; i < count && ok; i++) {
                snprintf(line, sizeof line, "<%04X> <%04X>\n", block[i], block[i]);
                ok = write_str(stream, line);
            }
            ok = ok && write_str(stream, "endbfchar\n");
            count = 0;
        }
    }
    return ok && write_str(stream, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
                                   "end\nend\n");
}

static unsigned highest_used(const rel_pdf_face *face)
{
    for (unsigned cp = 0xFFFF; cp > 0; cp--)
        if (used(face, cp))
            return cp;
    return 0;
}

/* W: [cid [width]] for each character shown; CIDToGIDMap up to the last. */
static bool write_metrics(rel_pdf_face *face, HPDF_Dict cid_font, HPDF_Dict map)
{
    HPDF_Array widths = HPDF_Array_New(cid_font->mmgr);
    if (widths == NULL || HPDF_Dict_Add(cid_font, "W", widths) != HPDF_OK)
        return false;
    unsigned last = highest_used(face);
    HPDF_MemStream_FreeData(map->stream);
    for (unsigned cp = 0; cp <= last; cp++) {
        HPDF_UINT16 gid = used(face, cp) ? HPDF_TTFontDef_GetGlyphid(face->def, (HPDF_UINT16)cp)
                                         : 0;
        HPDF_BYTE pair[2] = {(HPDF_BYTE)(gid >> 8), (HPDF_BYTE)gid};
        if (HPDF_Stream_Write(map->stream, pair, 2) != HPDF_OK)
            return false;
        if (!used(face, cp))
            continue;
        HPDF_Array one = HPDF_Array_New(cid_font->mmgr);
        if (one == NULL || HPDF_Array_AddNumber(widths, cp) != HPDF_OK
            || HPDF_Array_Add(widths, one) != HPDF_OK
            || HPDF_Array_AddNumber(one, HPDF_TTFontDef_GetCharWidth(face->def,
                                                                     (HPDF_UINT16)cp)) != HPDF_OK)
            return false;
    }
    return true;
}

static bool fix_system_info(HPDF_Dict cid_font)
{
    HPDF_MMgr mmgr = cid_font->mmgr;
    HPDF_Dict info = HPDF_Dict_New(mmgr);
    return info != NULL && HPDF_Dict_Add(cid_font, "CIDSystemInfo", info) == HPDF_OK
           && HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", NULL)) == HPDF_OK
           && HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", NULL)) == HPDF_OK
           && HPDF_Dict_AddNumber(info, "Supplement", 0) == HPDF_OK;
}

/* CIDSet: one bit per CID (high bit first) whose glyph is in the subset.
 * The face's glyphs are shared with its simple font, so the descriptor
 * (and the font program) must exist with every glyph flagged: it is made
 * here, after all drawing, by libharu's own before-write step. */
static bool add_cid_set(rel_pdf_face *face, HPDF_Xref xref)
{
    if (face->simple != NULL && face->simple->before_write_fn(face->simple) != HPDF_OK)
        return false;
    if (face->wide->before_write_fn(face->wide) != HPDF_OK || face->def->descriptor == NULL)
        return false;
    HPDF_Dict set = HPDF_DictStream_New(face->wide->mmgr, xref);
    if (set == NULL || HPDF_Dict_Add(face->def->descriptor, "CIDSet", set) != HPDF_OK)
        return false;
    set->filter = face->wide->filter;
    HPDF_TTFontDefAttr attr = face->def->attr;
    unsigned last = highest_used(face);
    for (unsigned base = 0; base <= last; base += 8) {
        HPDF_BYTE bits = base == 0 ? 0x80 : 0;   /* CID 0: .notdef, always there */
        for (unsigned k = 0; k < 8; k++) {
            HPDF_UINT16 gid = base + k <= last && used(face, base + k)
                                  ? HPDF_TTFontDef_GetGlyphid(face->def, (HPDF_UINT16)(base + k))
                                  : 0;
            if (gid != 0 && attr->glyph_tbl.flgs[gid])
                bits |= (HPDF_BYTE)(0x80 >> k);
        }
        if (HPDF_Stream_Write(set->stream, &bits, 1) != HPDF_OK)
            return false;
    }
    return true;
}

bool rel_pdf_fonts_finish(rel_pdf_fonts *fonts)
{
    for (size_t i = 0; i < REL_PDF_FACE_COUNT; i++) {
        rel_pdf_face *face = &fonts->faces[i];
        if (face->wide == NULL)
            continue;
        HPDF_FontAttr attr = face->wide->attr;
        HPDF_Dict cid_font = attr->descendant_font;
        if (attr->cmap_stream == NULL || attr->map_stream == NULL
            || !write_to_unicode(face, attr->cmap_stream->stream)
            || !write_metrics(face, cid_font, attr->map_stream) || !fix_system_info(cid_font)
            || !add_cid_set(face, attr->xref))
            return false;
    }
    return true;
}
