#include "render/xlsx/xlsx_text.h"

#include <stddef.h>

/* Helvetica's (= Arial's) advance widths of the printable ASCII characters,
 * 32 to 126, in thousandths of an em. */
static const short ascii_widths[95] = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, /*  !"#$%&'()*+,-./ */
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556,                               /* 0-9 */
    278, 278, 584, 584, 584, 556, 1015,                                             /* :;<=>?@ */
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,                /* A-M */
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,                /* N-Z */
    278, 278, 278, 469, 556, 333,                                                   /* [\]^_` */
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,                /* a-m */
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,                /* n-z */
    334, 260, 334, 584,                                                             /* {|}~ */
};

/* Letters beyond ASCII (à, È, €, –, «): as wide as a wide lowercase letter. */
#define OTHER_WIDTH 611
/* Bold Helvetica is wider by about this much. */
#define BOLD_FACTOR 1.08
/* Excel and LibreOffice keep a few pixels free on each side of a cell;
 * and the estimate keeps a margin for the renderers' rounding. */
#define CELL_PADDING_PIXELS 8.0
#define SAFETY 0.93

double rel_xlsx_column_pixels(double width)
{
    return width * 7.0 + 5.0;
}

/* Width of one character starting at *p, in em thousandths; advances *p
 * over its UTF-8 bytes. */
static int char_width(const char **p)
{
    unsigned char c = (unsigned char)**p;
    (*p)++;
    if (c < 0x80)
        return c >= 32 && c <= 126 ? ascii_widths[c - 32] : 0;
    while ((**p & 0xC0) == 0x80)
        (*p)++;
    return OTHER_WIDTH;
}

double rel_xlsx_text_lines(const char *text, double width, double points, bool bold)
{
    double em_pixels = points * 96.0 / 72.0;
    double room = (rel_xlsx_column_pixels(width) - CELL_PADDING_PIXELS) * SAFETY * 1000.0
                  / (em_pixels * (bold ? BOLD_FACTOR : 1.0));
    if (room < 1000.0)
        room = 1000.0;
    double lines = 1, line = 0, word = 0;
    for (const char *p = text; *p;) {
        if (*p == '\n') {
            p++;
            lines++;
            line = word = 0;
            continue;
        }
        bool space = *p == ' ';
        double w = char_width(&p);
        if (space) {
            line += w;
            word = 0;
            continue;
        }
        if (line + w > room) {
            /* wrap before the word, or inside it when it fills a line */
            lines++;
            line = word < room && word > 0 ? word : 0;
            if (word >= room)
                word = 0;
        }
        line += w;
        word += w;
    }
    return lines;
}
