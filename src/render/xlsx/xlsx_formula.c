#include "render/xlsx/xlsx_formula.h"

bool rel_xlsx_formula_of(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                         const rel_figure *f, int scale, rel_xlsx_figure *out)
{
    (void)ctx;
    (void)from;
    (void)f;
    (void)scale;
    out->why = "formula non ancora tradotta";
    return true;
}

bool rel_xlsx_indicator_formula(const rel_xlsx_context *ctx, const rel_xlsx_sheet *from,
                                const rel_indicator *indicator, rel_xlsx_figure *out)
{
    (void)ctx;
    (void)from;
    int64_t den = 1;
    for (int i = 0; i < indicator->decimals; i++)
        den *= 10;
    *out = (rel_xlsx_figure){NULL, "formula non ancora tradotta", indicator->rounded, den,
                             indicator->rounded, den};
    return true;
}
