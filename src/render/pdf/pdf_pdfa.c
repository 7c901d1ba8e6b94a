#include "render/pdf/pdf_pdfa.h"

#include <hpdf.h>
#include <hpdf_encrypt.h>
#include <hpdf_pdfa.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/codes.h"

/* ---- The file identifier --------------------------------------------- */

static void digest_text(HPDF_MD5_CTX *md5, const char *text)
{
    if (text != NULL)
        HPDF_MD5Update(md5, (const HPDF_BYTE *)text, (HPDF_UINT32)strlen(text) + 1);
    else
        HPDF_MD5Update(md5, (const HPDF_BYTE *)"", 1);
}

static void digest_table(HPDF_MD5_CTX *md5, const rel_doc_table *table)
{
    digest_text(md5, table->caption);
    for (size_t c = 0; c < table->columns; c++)
        digest_text(md5, table->header[c]);
    for (size_t r = 0; r < table->row_count; r++)
        for (size_t c = 0; c < table->columns; c++)
            digest_text(md5, table->rows[r].cells[c]);
}

static void digest_chart(HPDF_MD5_CTX *md5, const rel_doc_chart *chart)
{
    digest_text(md5, chart->caption);
    for (size_t c = 0; c < chart->category_count; c++)
        digest_text(md5, chart->categories[c]);
    for (size_t s = 0; s < chart->series_count; s++) {
        digest_text(md5, chart->series[s].name);
        HPDF_MD5Update(md5, (const HPDF_BYTE *)chart->series[s].values,
                       (HPDF_UINT32)(chart->category_count * sizeof(double)));
    }
}

/* PDF/A wants an /ID; libharu would hash the clock. An MD5 of everything
 * the document says is the same for the same inputs and differs otherwise. */
static void document_digest(const rel_document *doc, HPDF_BYTE id[HPDF_MD5_KEY_LEN])
{
    HPDF_MD5_CTX md5;
    HPDF_MD5Init(&md5);
    const char *head[] = {doc->title, doc->subtitle, doc->entity, doc->entity_detail,
                          doc->author, doc->draft ? "bozza" : "definitivo"};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        digest_text(&md5, head[i]);
    HPDF_MD5Update(&md5, (const HPDF_BYTE *)&doc->created, sizeof doc->created);
    for (const rel_block *b = doc->first; b; b = b->next) {
        HPDF_BYTE kind[2] = {(HPDF_BYTE)b->kind, (HPDF_BYTE)b->level};
        HPDF_MD5Update(&md5, kind, 2);
        digest_text(&md5, b->text);
        if (b->table)
            digest_table(&md5, b->table);
        if (b->chart)
            digest_chart(&md5, b->chart);
        for (size_t k = 0; k < b->kpi_count; k++) {
            digest_text(&md5, b->kpis[k].label);
            digest_text(&md5, b->kpis[k].value);
            digest_text(&md5, b->kpis[k].change);
        }
    }
    HPDF_MD5Final(id, &md5);
}

static bool set_file_id(HPDF_Doc pdf, const rel_document *doc)
{
    HPDF_BYTE id[HPDF_MD5_KEY_LEN];
    document_digest(doc, id);
    HPDF_Array pair = HPDF_Array_New(pdf->mmgr);
    return pair != NULL && HPDF_Dict_Add(pdf->trailer, "ID", pair) == HPDF_OK
           && HPDF_Array_Add(pair, HPDF_Binary_New(pdf->mmgr, id, sizeof id)) == HPDF_OK
           && HPDF_Array_Add(pair, HPDF_Binary_New(pdf->mmgr, id, sizeof id)) == HPDF_OK;
}

/* ---- The XMP packet ---------------------------------------------------- */

static bool put(HPDF_Stream out, const char *text)
{
    return HPDF_Stream_WriteStr(out, text) == HPDF_OK;
}

/* `text` with &, <, >, " and ' as XML entities. */
static bool put_escaped(HPDF_Stream out, const char *text)
{
    bool ok = true;
    for (const char *p = text; *p && ok; p++) {
        const char *entity = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;"
                             : *p == '"' ? "&quot;" : *p == '\'' ? "&apos;" : NULL;
        ok = entity ? put(out, entity) : HPDF_Stream_Write(out, (const HPDF_BYTE *)p, 1) == HPDF_OK;
    }
    return ok;
}

/* <open>value</close> for an Info entry that is set. */
static bool put_property(HPDF_Stream out, HPDF_Doc pdf, HPDF_InfoType key, const char *open,
                         const char *close)
{
    const char *value = HPDF_GetInfoAttr(pdf, key);
    return value == NULL || (put(out, open) && put_escaped(out, value) && put(out, close));
}

/* Replaces libharu's packet (raw values) by one with the same properties,
 * escaped: the values are read back from the Info dictionary, so the two
 * agree by construction (PDF/A-1 6.7.3). */
static bool write_xmp(HPDF_Doc pdf, HPDF_Stream out, const rel_doc_stamp *when)
{
    char date[48];
    snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", when->year, when->month,
             when->day, when->hour, when->minute, when->second);
    HPDF_MemStream_FreeData(out);
    const char *about = " rdf:about=''";
    char open[160];
    bool ok = put(out, "<?xpacket begin='\xEF\xBB\xBF' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
                       "<x:xmpmeta xmlns:x='adobe:ns:meta/'>\n"
                       "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>\n");
    snprintf(open, sizeof open, "<rdf:Description%s xmlns:dc='http://purl.org/dc/elements/1.1/'>\n",
             about);
    ok = ok && put(out, open)
         && put_property(out, pdf, HPDF_INFO_TITLE,
                         "<dc:title><rdf:Alt><rdf:li xml:lang='x-default'>",
                         "</rdf:li></rdf:Alt></dc:title>\n")
         && put_property(out, pdf, HPDF_INFO_AUTHOR, "<dc:creator><rdf:Seq><rdf:li>",
                         "</rdf:li></rdf:Seq></dc:creator>\n")
         && put_property(out, pdf, HPDF_INFO_SUBJECT,
                         "<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>",
                         "</rdf:li></rdf:Alt></dc:description>\n")
         && put(out, "</rdf:Description>\n");
    snprintf(open, sizeof open, "<rdf:Description%s xmlns:xmp='http://ns.adobe.com/xap/1.0/'>\n",
             about);
    ok = ok && put(out, open)
         && put_property(out, pdf, HPDF_INFO_CREATOR, "<xmp:CreatorTool>", "</xmp:CreatorTool>\n")
         && put(out, "<xmp:CreateDate>") && put(out, date) && put(out, "</xmp:CreateDate>\n")
         && put(out, "<xmp:ModifyDate>") && put(out, date) && put(out, "</xmp:ModifyDate>\n")
         && put(out, "</rdf:Description>\n");
    snprintf(open, sizeof open, "<rdf:Description%s xmlns:pdf='http://ns.adobe.com/pdf/1.3/'>\n",
             about);
    ok = ok && put(out, open)
         && put_property(out, pdf, HPDF_INFO_KEYWORDS, "<pdf:Keywords>", "</pdf:Keywords>\n")
         && put_property(out, pdf, HPDF_INFO_PRODUCER, "<pdf:Producer>", "</pdf:Producer>\n")
         && put(out, "</rdf:Description>\n");
    snprintf(open, sizeof open, "<rdf:Description%s xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/'>"
                                "\n", about);
    return ok && put(out, open)
           && put(out, "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n"
                       "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end='r'?>");
}

static bool fix_metadata(HPDF_Doc pdf, const rel_doc_stamp *when)
{
    HPDF_Dict xmp = HPDF_Dict_GetItem(pdf->catalog, "Metadata", HPDF_OCLASS_DICT);
    if (xmp == NULL)
        return false;
    HPDF_Dict_RemoveElement(xmp, "SubType");
    return HPDF_Dict_AddName(xmp, "Subtype", "XML") == HPDF_OK && write_xmp(pdf, xmp->stream, when);
}

/* ---- The output intent --------------------------------------------------- */

static bool add_output_intent(rel_pdf_ctx *ctx, const char *shown, rel_diags *diags)
{
    const char *path = getenv("RELAZIONE_ICC_PROFILE");
    if (path == NULL || path[0] == '\0')
        path = REL_ICC_PROFILE;
    if (access(path, R_OK) != 0) {
        rel_diag_add(diags, REL_SEV_ERROR, REL_E_PDF_ICC, (rel_origin){shown, 0, 0},
                     "profilo colore sRGB non trovato in %s: installare il pacchetto Debian "
                     "«icc-profiles-free» o indicarlo in RELAZIONE_ICC_PROFILE", path);
        return false;
    }
    HPDF_Doc pdf = ctx->pdf;
    HPDF_OutputIntent icc = HPDF_LoadIccProfileFromFile(pdf, path, 3);
    HPDF_Dict intent = icc ? HPDF_Dict_New(pdf->mmgr) : NULL;
    if (intent == NULL || HPDF_Xref_Add(pdf->xref, intent) != HPDF_OK)
        return false;
    icc->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    const char *name = "sRGB IEC61966-2.1";
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);   /* the only one: HPDF_AddIntent is not public */
    return intents != NULL && HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents) == HPDF_OK
           && HPDF_Array_Add(intents, intent) == HPDF_OK
           && HPDF_Dict_AddName(intent, "Type", "OutputIntent") == HPDF_OK
           && HPDF_Dict_AddName(intent, "S", "GTS_PDFA1") == HPDF_OK
           && HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                            HPDF_String_New(pdf->mmgr, name, NULL)) == HPDF_OK
           && HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, name, NULL)) == HPDF_OK
           && HPDF_Dict_Add(intent, "DestOutputProfile", icc) == HPDF_OK;
}

bool rel_pdf_pdfa(rel_pdf_ctx *ctx, const rel_document *doc, const char *shown,
                  rel_diags *diags)
{
    return add_output_intent(ctx, shown, diags) && set_file_id(ctx->pdf, doc)
           && HPDF_PDFA_SetPDFAConformance(ctx->pdf, HPDF_PDFA_1B) == HPDF_OK
           && fix_metadata(ctx->pdf, &doc->created);
}
