#include "load/sniff.h"

#include <magic.h>
#include <string.h>
#include <strings.h>

/* Signatures that no text file starts with, and how far to look for NUL. */
#define NUL_WINDOW 4096

static bool looks_binary(const unsigned char *b, size_t len)
{
    if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return false;   /* UTF-16 with a BOM: text, encoding.c converts it */
    static const char *const signatures[] = {
        "PK\x03\x04",                           /* ZIP: xlsx, ods, docx, odt */
        "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",     /* OLE2: xls, doc */
        "%PDF-", "\x1F\x8B", "7z\xBC\xAF", "Rar!",
    };
    for (size_t i = 0; i < sizeof signatures / sizeof signatures[0]; i++) {
        size_t n = strlen(signatures[i]);
        if (len >= n && memcmp(b, signatures[i], n) == 0)
            return true;
    }
    return memchr(b, '\0', len < NUL_WINDOW ? len : NUL_WINDOW) != NULL;
}

/* The user's name for a MIME type libmagic gave, or NULL for one we do
 * not name (left to the encoding rules). */
static const char *describe(const char *mime)
{
    static const struct {
        const char *prefix, *words;
    } kinds[] = {
        {"application/vnd.openxmlformats-officedocument.spreadsheetml", "un file Excel"},
        {"application/vnd.ms-excel", "un file Excel"},
        {"application/vnd.oasis.opendocument.spreadsheet",
         "un foglio di calcolo di LibreOffice (.ods)"},
        {"application/vnd.openxmlformats-officedocument.wordprocessingml", "un documento Word"},
        {"application/msword", "un documento Word"},
        {"application/vnd.oasis.opendocument.text", "un documento di LibreOffice Writer (.odt)"},
        {"application/vnd.openxmlformats-officedocument", "un file di Microsoft Office"},
        {"application/vnd.oasis.opendocument", "un file di LibreOffice"},
        {"application/CDFV2", "un file di Microsoft Office (formato binario)"},
        {"application/x-ole-storage", "un file di Microsoft Office (formato binario)"},
        {"application/pdf", "un PDF"},
        {"application/zip", "un archivio compresso (ZIP)"},
        {"application/gzip", "un archivio compresso"},
        {"application/x-7z-compressed", "un archivio compresso"},
        {"application/x-rar", "un archivio compresso"},
        {"application/vnd.rar", "un archivio compresso"},
        {"image/", "un'immagine"},
    };
    for (size_t i = 0; mime && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strncmp(mime, kinds[i].prefix, strlen(kinds[i].prefix)) == 0)
            return kinds[i].words;
    return NULL;
}

/* When libmagic cannot run (no database, no memory): the signature alone. */
static const char *by_signature(const unsigned char *b, size_t len)
{
    if (len >= 4 && memcmp(b, "PK\x03\x04", 4) == 0)
        return "un file compresso (Excel, Word o LibreOffice)";
    if (len >= 4 && memcmp(b, "\xD0\xCF\x11\xE0", 4) == 0)
        return "un file di Microsoft Office (formato binario)";
    if (len >= 5 && memcmp(b, "%PDF-", 5) == 0)
        return "un PDF";
    return NULL;
}

const char *rel_sniff_binary(const char *bytes, size_t len)
{
    const unsigned char *b = (const unsigned char *)bytes;
    if (!looks_binary(b, len))
        return NULL;
    const char *words = NULL;
    magic_t cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR);
    if (cookie != NULL && magic_load(cookie, NULL) == 0)
        words = describe(magic_buffer(cookie, bytes, len));
    if (cookie != NULL)
        magic_close(cookie);
    return words ? words : by_signature(b, len);
}

const char *rel_sniff_advice(const char *name)
{
    size_t n = strlen(name);
    if (n >= 4 && strcasecmp(name + n - 4, ".csv") == 0)
        return "esportarlo come CSV (in Excel: File › Salva con nome › «CSV UTF-8 (delimitato "
               "da virgole)»; in LibreOffice: Salva con nome › «Testo CSV»)";
    return "salvarlo come testo semplice (UTF-8)";
}
