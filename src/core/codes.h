/*
 * codes.h - the stable diagnostic codes, one place for all of them.
 *
 * A code never changes meaning once released; docs/ERRORS.md explains each
 * one with an example and the fix (a unit test checks that every code here
 * is documented there). E = error, W = warning. Ranges:
 *   E00x run and files   E01x encoding   E02x CSV structure   E03x columns
 *   E04x metadata        E1xx values     E2xx output     E3xx formulas
 *   R0xx reconciliation findings (figures that do not agree)
 *   T0xx templates
 */
#ifndef REL_CODES_H
#define REL_CODES_H

#define REL_E_OUT_OF_MEMORY      "E001" /* memory exhausted */
#define REL_E_INPUT_DIR          "E002" /* input directory missing or unreadable */
#define REL_E_FILE_MISSING       "E003" /* a required file is missing */
#define REL_E_FILE_READ          "E004" /* a file cannot be read */
#define REL_E_FILE_TOO_LARGE     "E005" /* a file is over the size limit */
#define REL_E_FILE_CASE          "E006" /* a file exists with the wrong letter case */
#define REL_W_FILE_UNKNOWN       "W007" /* a file the input format does not know (ignored) */
#define REL_E_FILE_SPECIAL       "E008" /* a named pipe, device or socket among the inputs */
#define REL_E_FILE_LINK          "E009" /* a symbolic link that is broken, loops or leads outside */

#define REL_E_ENCODING           "E010" /* invalid or mixed encoding */
#define REL_W_CONVERTED          "W011" /* converted from Windows-1252 or UTF-16 */
#define REL_E_FILE_NOT_TEXT      "E012" /* a spreadsheet, document or archive under a text name */
#define REL_W_FILE_LOCK          "W013" /* an Excel or LibreOffice lock file: a file is open */
#define REL_E_DIR_LIST           "E014" /* a directory of the input cannot be listed */
#define REL_W_SPREADSHEET        "W015" /* a spreadsheet where a CSV is read (not read) */

#define REL_E_CSV_QUOTE_OPEN     "E020" /* quote opened and never closed */
#define REL_E_CSV_QUOTE_STRAY    "E021" /* quote inside an unquoted field or after a closing quote */
#define REL_E_CSV_FIELD_TOO_LONG "E022" /* a field is over the length limit */
#define REL_E_CSV_EXTRA_CELL     "E023" /* more cells than the header has columns */
#define REL_E_CSV_MISSING_CELL   "E024" /* fewer cells than the header has columns */
#define REL_E_CSV_EMPTY          "E025" /* the file has no header or no data rows */
#define REL_E_CSV_TOO_MANY_ROWS  "E026" /* over the row limit */
#define REL_E_CSV_SEPARATOR      "E027" /* the forced separator is not the file's */
#define REL_W_CSV_NO_ROWS        "W028" /* an optional file with its header and no row */

#define REL_E_COL_BLANK          "E030" /* a column label is blank */
#define REL_E_COL_DUPLICATE      "E031" /* a column label appears twice */
#define REL_E_COL_MISSING        "E032" /* a required column is missing */
#define REL_W_COL_UNKNOWN        "W033" /* a column the dataset does not know (ignored) */
#define REL_E_COL_YEAR_MISSING   "E034" /* the column of year N (or N-1) is missing */
#define REL_E_COL_YEAR_FUTURE    "E035" /* a year column after the fiscal year */

#define REL_E_META_SYNTAX        "E040" /* a metadata line is not "chiave = valore" or "[sezione]" */
#define REL_E_META_UNKNOWN       "E041" /* unknown section or key */
#define REL_E_META_MISSING       "E042" /* a required key is missing */
#define REL_E_META_VALUE         "E043" /* a key's value is invalid */
#define REL_E_META_DUPLICATE     "E044" /* a key is given twice */
#define REL_E_NA_FORBIDDEN       "E045" /* non_applicabile.csv: an item no entity may omit */
#define REL_E_NA_REASON          "E046" /* non_applicabile.csv: a reason that says no reason */
#define REL_W_NA_WITH_TEXT       "W047" /* declared not applicable, but its text is there */
#define REL_W_NA_UNUSED          "W048" /* a voce no item of the template asks for */

#define REL_E_VALUE_REQUIRED     "E100" /* a required cell is empty */
#define REL_E_VALUE_MONEY        "E101" /* not a valid amount */
#define REL_E_VALUE_NUMBER       "E102" /* not a valid number, count or percentage */
#define REL_E_VALUE_DATE         "E103" /* not a valid date */
#define REL_E_KEY_DUPLICATE      "E105" /* two lines with the same key */
#define REL_E_DATE_OUTSIDE       "E106" /* a date outside the fiscal year where it must be inside */
#define REL_E_VALUE_OUTCOME      "E107" /* not SI / NO / PARZIALMENTE */
#define REL_E_VALUE_CODE         "E108" /* a code outside the column's vocabulary */
#define REL_E_VALUE_EXCEL        "E110" /* an Excel error value (#DIV/0!, #N/D) in a cell */
#define REL_E_HEADER_REPEATED    "E111" /* the header row repeated inside the data */
#define REL_W_VALUE_WORDS        "W112" /* words where the column holds figures: kept, not counted */
#define REL_E_SIDECAR_KEY        "E113" /* a free table's sidecar: unknown key or section */
#define REL_E_SIDECAR_VALUE      "E114" /* a free table's sidecar: invalid value */
#define REL_E_SIDECAR_COLUMN     "E115" /* a free table's sidecar names a column the table lacks */
#define REL_W_SIDECAR_TOTAL      "W116" /* a row the sidecar declares a total is not in the table */
#define REL_W_CHANGE_YEARS       "W117" /* a change column whose years cannot be told: not checked */
#define REL_W_TOTAL_COLUMN       "W118" /* a total column right after another: no sum to check */
#define REL_E_STAFF_COLUMNS      "E116" /* personale.csv has no breakdown column */
#define REL_E_TABLE_NAME_TAKEN   "E117" /* a free table named like a known dataset */
#define REL_W_CHANGE_UNCHECKED   "W119" /* a typed change whose compared figure is blank */
#define REL_W_RATIO_UNCHECKED    "W120" /* a declared ratio no rule recomputes */
#define REL_W_NOT_SUMMED         "W121" /* a total cell of a column declared no sum: unchecked */
#define REL_W_NOT_PRINTED        "W122" /* a free table, or rows of it, the report never prints */

#define REL_E_OUTPUT_DIR         "E200" /* output directory cannot be created or written */
#define REL_E_OUTPUT_INSIDE      "E201" /* output directory inside the input directory */
#define REL_E_OUTPUT_WRITE       "E202" /* writing an output failed */
#define REL_E_PDF                "E203" /* the PDF library reported an error */
#define REL_E_XLSX               "E204" /* the XLSX library reported an error */
#define REL_E_FONT               "E205" /* a font file is missing */
#define REL_E_INIT_NOT_EMPTY     "E207" /* init into a directory that is not empty */
#define REL_E_OUTPUT_BUSY        "E230" /* another run is writing into the output directory */
#define REL_W_OUTPUT_RESTORED    "W231" /* an interrupted publication was rolled back */
#define REL_E_OUTPUT_TARGET      "E232" /* a directory or special file stands at an output's name */
#define REL_E_WRITER_CRASHED     "E233" /* the process writing a document ended abnormally */
#define REL_E_INTERNAL           "E234" /* an internal error with no other diagnostic */
#define REL_E_PDF_CHAR           "E210" /* a character the PDF fonts cannot show */
#define REL_E_PDF_ICC            "E211" /* the sRGB profile of the PDF/A output intent is missing */
#define REL_E_PDF_HYPHEN         "E212" /* the Italian hyphenation patterns are missing */

#define REL_E_XLSX_RESOURCE      "E220" /* the XLSX library could not create a sheet or a format */
#define REL_E_XLSX_CELL          "E221" /* a cell, row or setting of the annex could not be written */
#define REL_E_XLSX_TEXT_LONG     "E222" /* a text longer than an Excel cell holds */
#define REL_E_XLSX_SHEET_FULL    "E223" /* more rows or columns than an Excel sheet holds */
#define REL_W_XLSX_NOT_LIVE      "W224" /* a check's figure written as a value, not as a formula */
#define REL_E_XLSX_MISMATCH      "E225" /* the annex computes a figure unlike the reconciliation */
#define REL_W_XLSX_ROW_TALL      "W226" /* a text taller than an Excel row: its print is cut */

#define REL_E_FORMULA_SYNTAX     "E300" /* a formula that cannot be read */
#define REL_E_FORMULA_DEPTH      "E301" /* a formula nested too deep */
#define REL_E_FORMULA_DATASET    "E302" /* a formula names an unknown dataset */
#define REL_E_FORMULA_COLUMN     "E303" /* a formula names an unknown column or year */
#define REL_E_FORMULA_ROW        "E304" /* a formula names an unknown row */
#define REL_E_FORMULA_FUNCTION   "E305" /* unknown function, or wrong arguments */
#define REL_E_FORMULA_DIVISION   "E306" /* division by zero */
#define REL_E_FORMULA_OVERFLOW   "E307" /* a value too large */
#define REL_E_FORMULA_NAME       "E308" /* a name that is no indicator */
#define REL_E_FORMULA_CYCLE      "E309" /* indicators defined in terms of each other */
#define REL_E_FORMULA_NOT_NUMBER "E310" /* a reference to a cell that holds no number */
#define REL_E_FORMULA_AMBIGUOUS  "E311" /* a row label (or table, column) that matches two */
#define REL_E_FORMULA_DATE_MIX   "E312" /* a date where a number is needed, or the reverse */
#define REL_E_FORMULA_NOT_DATE   "E313" /* a reference to a date cell that holds no date */
#define REL_E_FORMULA_BAD_DATE   "E314" /* DATA() of no such day; a date out of range */
#define REL_E_FORMULA_CRITERION  "E315" /* a CONTA.SE / SOMMA.SE criterion that does not fit */
#define REL_E_FORMULA_NO_VALUES  "E316" /* MEDIA, MIN or MAX of no value at all */
#define REL_E_FORMULA_DATE_ORDER "E317" /* a whole month against a day in it: no order */

#define REL_T_SYNTAX             "T001" /* a template line that cannot be read */
#define REL_T_DIRECTIVE          "T002" /* an unknown {% directive %} */
#define REL_T_NAME               "T003" /* an unknown name in {{ }} or in a directive */
#define REL_T_FILTER             "T004" /* an unknown filter after | */
#define REL_T_BLOCK              "T005" /* a block never closed, or a {% fine %} too many */
#define REL_T_LIMIT              "T006" /* includes nested too deep, or a loop too long */
#define REL_T_TABLE              "T007" /* {% tabella %} or {% grafico %} of an unknown table */
#define REL_T_NARRATIVE          "T020" /* a directive a narrative may not hold */
#define REL_T_MISSING            "T008" /* the template file is missing */
#define REL_T_EMPTY              "T009" /* the template has no content */

#define REL_R_TOTAL              "R001" /* a declared TOTALE differs from the sum of its lines */
#define REL_R_IDENTITY           "R002" /* the same quantity differs between two tables */
#define REL_R_RESULT             "R003" /* Entrate - Uscite differs from the Avanzo */
#define REL_R_USER_CHECK         "R004" /* a check declared by the user does not hold */
#define REL_R_VARIANCE_WORDS     "R005" /* a variance above the thresholds has no motivazione */
#define REL_R_OBJECTIVES         "R006" /* a declared objectives summary differs from the rows */
#define REL_R_PRIOR_YEAR         "R007" /* the N-1 column repeats the N column */
#define REL_R_BALANCE_SUBTOTAL   "R010" /* a declared balance-sheet subtotal differs */
#define REL_R_RATIO              "R011" /* a declared ratio differs from the recomputed one */
#define REL_R_BALANCE            "R012" /* assets differ from liabilities and equity */
#define REL_R_STATUTORY          "R013" /* an item required by law is missing from the report */
#define REL_R_RATIO_ROW          "R014" /* a line's ratio cell differs from its two columns */
#define REL_R_CHANGE             "R015" /* a typed change differs from the figures it compares */
#define REL_R_STAFF              "R016" /* the staff's breakdowns of a role disagree */
#define REL_R_CONSORTIUM         "R017" /* entrate + avanzo applicato - uscite differs from the avanzo */
#define REL_R_TO_WRITE           "R030" /* "[DA COMPILARE]" left in a text or a cell */
#define REL_R_TEXT_ABSENT        "R031" /* a narrative the template asks for is absent */
#define REL_R_DATA_ABSENT        "R032" /* a figure of a default template lacks its data: left out */

#endif
