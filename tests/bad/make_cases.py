#!/usr/bin/python3
"""Generates the bad-input corpus: tests/bad/cases/<NN-name>/ and tests/bad/expected.tsv.

This script is the source of truth; its output is committed too, so that a reviewer
can open the cases and the test never has to regenerate them. Run it from anywhere:

    /usr/bin/python3 tests/bad/make_cases.py

It deletes tests/bad/cases/ and writes it again, byte for byte (every file is written
in binary mode: BOMs, Windows-1252, UTF-16, CRLF and NUL bytes are exact).

Each case is a complete input directory (metadati.ini + schede.csv + what the case
needs) with exactly one defect, or one class of defect. expected.tsv has one line per
case, tab-separated:

    case  exit-status  code  location  description  [message-substring]

- exit-status: 65 invalid data, 66 missing input, 0 accepted (possibly with a warning);
- code: the diagnostic that must appear (E… or W…), or "-" when the case must be
  accepted in silence (no errore/avviso line at all);
- location: file:line:col, file:line or file, relative to the case directory;
  "." is the case directory itself; "-" with code "-";
- message-substring (optional): text the diagnostic line must contain.

Not generated here: a file over the 64 MiB limit (E005) is too big to commit;
test_bad_inputs.py creates it at run time as a sparse file (test_file_over_the_size_limit).
An unreadable file (permissions) cannot be committed either, and root ignores
permissions; a directory in place of a file (case 64) covers E004.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")

# ---------------------------------------------------------------------------
# Minimal valid inputs. «consuntivo» avoids the statutory texts the «gestione»
# template requires, so that a case with no defect checks and builds clean.

META = """\
# Metadati minimi di un caso del corpus degli input errati (tests/bad)
[ente]
nome = Azienda Speciale Consortile «Prova»
forma_giuridica = Azienda speciale consortile

[esercizio]
anno = 2024

[opzioni]
modello = consuntivo
"""

HEADER = "area;azione;voce;descrizione;preventivo;consuntivo;motivazione"
ROW1 = "Area Anziani;Azione 1: Assistenza domiciliare;Operatori SAD;Costo del personale;€ 10.000,00;€ 10.500,00;"
ROW2 = "Area Anziani;Azione 1: Assistenza domiciliare;Pasti a domicilio;Acquisto di servizi;€ 2.000,00;€ 1.900,00;"
SCHEDE = f"{HEADER}\n{ROW1}\n{ROW2}\n"


def row(voce="Pasti a domicilio", prev="€ 2.000,00", cons="€ 1.900,00", area="Area Anziani",
        azione="Azione 1: Assistenza domiciliare", desc="Acquisto di servizi", motivazione=""):
    return ";".join([area, azione, voce, desc, prev, cons, motivazione])


def schede(*rows):
    return "\n".join([HEADER, ROW1, *rows]) + "\n"


PERSONALE_HEADER = ("ruolo;indeterminato_tempo_pieno;indeterminato_part_time;"
                    "determinato_tempo_pieno;determinato_part_time;collaboratori;comando")
SEDUTE_HEADER = "organo;data;argomenti"
SEDUTA1 = "Consiglio di Amministrazione;25/01/2024;Piano programma 2024"
FONDI_HEADER = "gruppo;fondo;atto;2024;2023"
FONDO1 = "Fondi istituzionali;Fondo Nazionale Politiche Sociali;DM 22/10/2024;€ 288.230,34;€ 279.410,00"
PROGETTI_HEADER = ("titolo;capofila;finanziatore;importo_totale;importo_finanziato;"
                   "assegnato_ambito;quota_azienda;cofinanziamento_azienda;"
                   "data_presentazione;data_avvio;data_fine")
VERIFICA = ("descrizione;sinistra;destra;tolleranza\n"
            "Consuntivo delle schede senza le righe TOTALE;SOMMA(schede[consuntivo]);12400;0\n")

# ---------------------------------------------------------------------------
cases = []   # (name, files, status, code, location, description, contains)


def case(name, status, code, location, description, files=None, contains="", base=True):
    """files: {relative path: str (UTF-8, written as is) | bytes | None (absent)}."""
    all_files = {"metadati.ini": META, "schede.csv": SCHEDE} if base else {}
    all_files.update(files or {})
    cases.append((name, {k: v for k, v in all_files.items() if v is not None},
                  status, code, location, description, contains))


def pos(text, needle, nth=1, shift=0, after=None):
    """'line:col' of the nth occurrence of needle in text (searching from the end of
    `after` if given), moved `shift` characters right: physical line (LF), column in
    characters from 1."""
    at = text.index(after) + len(after) - 1 if after else -1
    for _ in range(nth):
        at = text.index(needle, at + 1)
    at += shift
    before = text[:at]
    line = before.count("\n") + 1
    col = at - (before.rfind("\n") + 1) + 1
    return f"{line}:{col}"


def at(file, text, needle, nth=1, shift=0, after=None):
    return f"{file}:{pos(text, needle, nth, shift, after)}"


# ------------------------------------------------------------------ control
case("00-valid-baseline", 0, "-", "-",
     "the minimal valid input every case starts from: checks and builds in silence")

# ------------------------------------------------------------------ encoding
case("01-utf8-bom-accepted", 0, "-", "-",
     "UTF-8 BOM (Excel's «CSV UTF-8») is stripped and the file loads in silence",
     {"schede.csv": b"\xef\xbb\xbf" + SCHEDE.replace("Anziani", "Disabilità").encode()})

cp = schede(row(area="Area Disabilità", azione="Azione 2: Attività diurne"))
case("02-windows-1252-converted", 0, "W011", at("schede.csv", cp, "€"),
     "Windows-1252 (Excel's plain «CSV») is converted with a warning at the first non-UTF-8 byte",
     {"schede.csv": cp.encode("cp1252")})

case("03-utf16le-bom-converted", 0, "W011", "schede.csv",
     "UTF-16LE with BOM (Excel's «Testo Unicode») is converted with a warning",
     {"schede.csv": b"\xff\xfe" + cp.replace("\n", "\r\n").encode("utf-16-le")})

mixed_head = HEADER + "\n" + ROW1.replace("Anziani", "Disabilità") + "\n"
mixed_tail = "Area Disabilità;Azione 1: Assistenza domiciliare;Attività diurne;Acquisto di servizi;"
mixed_text = mixed_head + mixed_tail + "€ 2.000,00;€ 1.900,00;\n"
case("04-mixed-utf8-latin1", 65, "E010", at("schede.csv", mixed_text, "à", after=mixed_head),
     "UTF-8 (line 2) and Latin-1 (line 3) in one file: error at the first invalid byte",
     {"schede.csv": mixed_head.encode() + mixed_tail.encode("latin-1")
      + "€ 2.000,00;€ 1.900,00;\n".encode()})

nul_text = schede(row(desc="Acquisto\x00di servizi"))
case("05-nul-byte", 65, "E010", at("schede.csv", nul_text, "\x00"),
     "a NUL byte: not a text file; error at the byte",
     {"schede.csv": nul_text.encode()})

b81_text = schede(row(motivazione="Fornitore \x81 cambiato a maggio"))
case("06-byte-0x81-not-cp1252", 65, "E010", at("schede.csv", b81_text, "\x81"),
     "byte 0x81 is neither UTF-8 nor Windows-1252; error at the byte (the € before it on "
     "the same line counts as one character)",
     {"schede.csv": (HEADER + "\n" + ROW1 + "\n").encode("cp1252")
      + row(motivazione="Fornitore ").encode("cp1252") + b"\x81"
      + " cambiato a maggio\n".encode("cp1252")})

nul_cp = schede(row(area="Area Disabilità"), row(voce="Trasporti", desc="Acquisto\x00di servizi"))
case("07-nul-byte-in-windows-1252", 65, "E010", at("schede.csv", nul_cp, "\x00"),
     "a NUL byte in a Windows-1252 file is refused as in a UTF-8 one",
     {"schede.csv": nul_cp.encode("cp1252")})

meta_cp = META
case("08-metadati-windows-1252", 0, "W011", at("metadati.ini", meta_cp, "«"),
     "metadati.ini in Windows-1252 is converted with a warning at the first non-UTF-8 byte",
     {"metadati.ini": meta_cp.encode("cp1252")})

u16 = schede(row(area="Area Disabilità", cons="12.34"))
case("09-utf16le-error-position", 65, "E101", at("schede.csv", u16, "12.34"),
     "after converting UTF-16, an error is still placed by line and character",
     {"schede.csv": b"\xff\xfe" + u16.replace("\n", "\r\n").encode("utf-16-le")})

cp_err = schede(row(area="Area Disabilità", cons="12.34"))
case("0A-windows-1252-error-position", 65, "E101", at("schede.csv", cp_err, "12.34"),
     "after converting Windows-1252, an error is placed by character (each € is one)",
     {"schede.csv": cp_err.encode("cp1252")})

bad16 = b"\xff\xfe" + schede().encode("utf-16-le") + b"\x00\xdc" + "x\n".encode("utf-16-le")
case("0B-utf16-invalid-surrogate", 65, "E010", "schede.csv",
     "a UTF-16 file with a lone surrogate: refused, never guessed",
     {"schede.csv": bad16})

meta_bom = b"\xef\xbb\xbf" + META.replace("\n", "\r\n").encode()
case("0C-metadati-bom-crlf-accepted", 0, "-", "-",
     "metadati.ini saved by Notepad (BOM, CRLF) loads in silence",
     {"metadati.ini": meta_bom})

# ---------------------------------------------------------------- structure
unterminated = schede(row(desc='"Acquisto di servizi'), row(voce="Trasporti"))
case("10-quote-unterminated", 65, "E020", at("schede.csv", unterminated, '"'),
     "a quote opened and never closed: reported at the opening quote, not at end of file",
     {"schede.csv": unterminated})

stray = schede(row(voce='Soggiorno "Mare" anziani'))
case("11-quote-stray-in-unquoted-field", 65, "E021", at("schede.csv", stray, '"'),
     "a quote inside an unquoted field: error at the quote",
     {"schede.csv": stray})

after = schede(row(voce='"Pasti" a domicilio'))
case("12-text-after-closing-quote", 65, "E021", at("schede.csv", after, "a domicilio"),
     "text after a closing quote: error at the text that follows it",
     {"schede.csv": after})

few = HEADER + "\n" + ROW1 + "\n" + "Area Anziani;Azione 1: Assistenza domiciliare;Pasti a domicilio;Acquisto di servizi;€ 2.000,00\n"
case("13-too-few-cells", 65, "E024", at("schede.csv", few, "€ 2.000,00"),
     "a row with fewer cells than the header: names the first missing column",
     {"schede.csv": few}, contains="«consuntivo»")

many = schede(row(motivazione="Nuovo appalto;da settembre"))
case("14-too-many-cells", 65, "E023", at("schede.csv", many, "da settembre"),
     "a non-empty cell beyond the last labelled column (a stray ; in a text)",
     {"schede.csv": many})

trail = (HEADER + ";;;\n" + ROW1 + ";;;\n" + row() + ";;;\n" + ";;;;;;;;;\n")
case("15-trailing-semicolons-accepted", 0, "-", "-",
     "Excel's trailing ;;; (header cells empty too) and a row of only ; are ignored",
     {"schede.csv": trail})

case("16-last-record-without-newline", 0, "-", "-",
     "the last record has no newline at end of file: loaded and summed (verifiche.csv "
     "checks the sum 10.500 + 1.900 = 12.400)",
     {"schede.csv": SCHEDE.rstrip("\n"), "verifiche.csv": VERIFICA})

last_bad = schede(row(cons="1.900.00"))
case("17-last-record-without-newline-checked", 65, "E101",
     at("schede.csv", last_bad, "1.900.00"),
     "the last record, without newline, is parsed like any other (its bad amount is found)",
     {"schede.csv": last_bad.rstrip("\n")})

blank_header = HEADER.replace("voce;descrizione", "voce;;descrizione")
blank = "\n".join([blank_header, ROW1.replace("Operatori SAD;", "Operatori SAD;;"),
                   row().replace("Pasti a domicilio;", "Pasti a domicilio;;")]) + "\n"
case("18-header-label-blank", 65, "E030", at("schede.csv", blank, ";;", shift=1),
     "a blank column label between labelled columns",
     {"schede.csv": blank})

dup_header = HEADER + ";Consuntivo"
dup = "\n".join([dup_header, ROW1 + ";€ 1,00", row() + ";€ 2,00"]) + "\n"
case("19-header-label-duplicate", 65, "E031", at("schede.csv", dup, "Consuntivo"),
     "the same column label twice (letter case ignored): error at the second one, naming "
     "the first by its column number (6), as E030 does, not by its character offset",
     {"schede.csv": dup}, contains="colonna 6")

case("20-header-only", 65, "E025", "schede.csv",
     "schede.csv with the header and no row: there is nothing to report on",
     {"schede.csv": HEADER + "\n"})

case("21-empty-file", 65, "E025", "schede.csv",
     "an empty schede.csv (0 bytes)",
     {"schede.csv": b""})

comma = "\n".join([HEADER.replace(";", ","),
                   'Area Anziani,Azione 1: Assistenza domiciliare,Operatori SAD,Costo del personale,"€ 10.000,00","€ 10.500,00",',
                   'Area Anziani,Azione 1: Assistenza domiciliare,Pasti a domicilio,Acquisto di servizi,"€ 2.000,00","€ 1.900,00",']) + "\n"
case("22-comma-separated-accepted", 0, "-", "-",
     "a comma-separated file (amounts quoted) is detected and loaded",
     {"schede.csv": comma, "verifiche.csv": VERIFICA})

case("23-comma-file-with-forced-semicolon", 65, "E027", "schede.csv:1",
     "opzioni.separatore = ; but the file is comma-separated: the message says so",
     {"schede.csv": comma, "metadati.ini": META + "separatore = ;\n"}, contains="virgol")

total = schede(row(), "TOTALE AREA ANZIANI;;;;€ 12.000,00;€ 12.400,00;")
case("24-totale-row-never-summed", 0, "-", "-",
     "a TOTALE row is a declared total: never added into the sum (verifiche.csv checks "
     "SOMMA(schede[consuntivo]) = 12.400, not 24.800)",
     {"schede.csv": total, "verifiche.csv": VERIFICA})

# ---------------------------------------------------------- numbers, money
def money_case(name, value, description, contains=""):
    text = schede(row(cons=value))
    case(name, 65, "E101", at("schede.csv", text, value, after="Pasti a domicilio"),
         description, {"schede.csv": text}, contains=contains)


money_case("30-money-dot-decimal", "12.34",
           "12.34 in an Italian file: the decimal separator is the comma", contains="virgola")
money_case("31-money-us-format", "1,234.56",
           "1,234.56 (US format) is refused, never guessed", contains="virgola")
money_case("32-money-bad-grouping", "1.234.56",
           "1.234.56: the last group is not three digits")
money_case("33-money-three-decimals", "12,345",
           "12,345 in a money column: more than two decimals, never rounded silently")
money_case("34-money-overflow", "99999999999999999999",
           "an amount beyond int64 cents")
money_case("35-money-percent", "44,44%",
           "a percentage in a money column")

dash = schede(row(prev="€ -", cons="-"))
case("36-money-dash-zero-accepted", 0, "-", "-",
     "«€ -» and «-» are zero in money columns",
     {"schede.csv": dash})

paren = schede(row(prev="(1.234)", cons="1.234,56 €"), row(voce="Trasporti", prev="-1.234", cons="€ -1.234,00"))
case("37-money-negative-forms-accepted", 0, "-", "-",
     "(1.234), -1.234, € -1.234,00 and 1.234,56 € are accepted",
     {"schede.csv": paren})

nbsp = schede(row(prev="€\u00a02.000,00", cons="\u00a0€\u00a01.900,00\u00a0"))
case("38-money-nbsp-accepted", 0, "-", "-",
     "no-break spaces around € (as Excel's currency format writes them) are accepted",
     {"schede.csv": nbsp})


def personale(value):
    return "\n".join([PERSONALE_HEADER, "Direttore;1;0;0;0;0;0",
                      f"Assistenti sociali;9;{value};2;1;0;1"]) + "\n"


for name, value, desc in [("40-count-text", "tre", "text in a count column of personale.csv"),
                          ("41-count-decimals", "1,5", "decimals in a count column")]:
    text = personale(value)
    case(name, 65, "E102", at("personale.csv", text, value, after="Assistenti sociali;9;"), desc, {"personale.csv": text})

case("42-count-dash-not-available", 0, "-", "-",
     "«-» in a count column means «not available» (zero only in money columns): read as such, "
     "no figure and no error", {"personale.csv": personale("-")})

# ---------------------------------------------------------- no silent misread
text = personale("3O")
case("43-count-letter-for-digit", 65, "E102", at("personale.csv", text, "3O"),
     "a letter O typed for a zero in a count: an error at the cell that says so",
     {"personale.csv": text}, contains="una lettera al posto di una cifra")

excel = schede(row(prev="#DIV/0!"))
case("44-excel-error-value", 65, "E110", at("schede.csv", excel, "#DIV/0!"),
     "an Excel error value in an amount: an error at the cell naming it, never a number",
     {"schede.csv": excel}, contains="#DIV/0!")

repeated = schede(HEADER, row())
case("45-header-repeated", 65, "E111", "schede.csv:3",
     "two exports pasted together: the header repeated at line 3 is an error at that line, "
     "never a data row", {"schede.csv": repeated})

free_na = ("Servizio;2023;2024\nMinori;12;#N/D\nAdulti;8;10\nAnziani;5;7\nTOTALE;25;29\n")
case("46-free-table-excel-error-keeps-column", 65, "E110",
     at("tabelle/utenti.csv", free_na, "#N/D"),
     "an Excel error in a free table: an error at the cell; the column stays numeric "
     "(its TOTALE is still checked)", {"tabelle/utenti.csv": free_na})

free_typo = ("Servizio;2023;2024\nMinori;12;1O\nAdulti;8;10\nAnziani;5;7\nTOTALE;25;27\n")
case("47-free-table-typo-keeps-column", 65, "E102",
     at("tabelle/utenti.csv", free_typo, "1O"),
     "a letter typed for a digit in a free table: an error at the cell, the column not "
     "retyped as text", {"tabelle/utenti.csv": free_typo})

free_nd = ("Servizio;2023;2024\nMinori;12;n.d.\nAdulti;8;/\nAnziani;5;7\nTOTALE;25;7\n")
case("48-free-table-not-available-marks", 0, "-", "-",
     "«n.d.» and «/» in a free table are «not available», not text: the column stays "
     "numeric and its TOTALE (25; 7) is checked and holds", {"tabelle/utenti.csv": free_nd})

free_total = ("Servizio;2023;2024\nMinori;12;n.d.\nAdulti;8;/\nAnziani;5;7\nTOTALE;25;9\n")
case("49-free-table-total-checked-despite-marks", 1, "R001",
     at("tabelle/utenti.csv", free_total, "9", after="TOTALE;25;"),
     "with «n.d.» and «/» in a column, its TOTALE is still checked (9 declared, 7 summed)",
     {"tabelle/utenti.csv": free_total}, contains="2 senza valore")

# -------------------------------------------------------------------- dates
def sedute(value):
    return "\n".join([SEDUTE_HEADER, SEDUTA1,
                      f"Consiglio di Amministrazione;{value};Progetto di bilancio"]) + "\n"


for name, value, code, desc in [
        ("50-date-no-such-day", "31/02/2024", "E103", "31/02/2024: no such day"),
        ("51-date-two-digit-year", "01/05/20", "E103", "01/05/20: a two-digit year is refused"),
        ("52-date-outside-fiscal-year", "14/03/2023", "E106",
         "a board meeting of 2023 in the 2024 report"),
        ("53-date-month-where-day-needed", "mag-24", "E103",
         "a month (mag-24) where the column needs a day")]:
    text = sedute(value)
    case(name, 65, code, at("sedute.csv", text, value), desc, {"sedute.csv": text})

prog = "\n".join([PROGETTI_HEADER,
                  "Lavoro di comunità;Azienda Speciale Consortile;Fondazione Cariplo;€ 180.000,00;€ 120.000,00;€ 120.000,00;€ 60.000,00;€ 15.000,00;mag-20;set-20;in continuità",
                  "Inclusione attiva PNRR 1.1.3;Comune di Vimercate;PNRR – Missione 5;€ 210.000,00;€ 210.000,00;€ 210.000,00;€ -;€ -;15/03/2022;-;-"]) + "\n"
case("54-month-and-words-accepted", 0, "-", "-",
     "progetti.csv: «mag-20», «set-20», «in continuità» and «-» in the date columns",
     {"progetti.csv": prog})

prog2 = "\n".join([PROGETTI_HEADER,
                   "Dopo di Noi;Azienda Speciale Consortile;Regione Lombardia;€ 253.500,00;€ 253.500,00;€ 253.500,00;€ 84.500,00;€ -;mar.2020;lug.2020;dic.2025"]) + "\n"
case("55-month-lug-2020-accepted", 0, "-", "-",
     "progetti.csv: «lug.2020» (abbreviated month, four-digit year)",
     {"progetti.csv": prog2})

# ------------------------------------------------------ outcomes and codes
obiettivi = "\n".join(["area;obiettivo;indicatore;target;esito;note",
                       "Area Anziani;Ridurre le attese SAD;Giorni medi;≤ 30 giorni;SI;",
                       "Area Anziani;Aprire un centro diurno;Centro aperto;31/12/2024;Forse;"]) + "\n"
case("56-outcome-invalid", 65, "E107", at("obiettivi.csv", obiettivi, "Forse"),
     "esito «Forse»: outcomes are SI, NO, PARZIALMENTE",
     {"obiettivi.csv": obiettivi})

sp = "\n".join(["codice;voce;31/12/2024;31/12/2023",
                "immobilizzazioni_materiali;Immobilizzazioni materiali nette;50.504;33.635",
                "disponibilita_liquid;Disponibilità liquide;912.004;801.544"]) + "\n"
case("57-code-unknown", 65, "E108", at("stato_patrimoniale.csv", sp, "disponibilita_liquid"),
     "an unknown balance-sheet code, with the nearest one as a hint",
     {"stato_patrimoniale.csv": sp}, contains="disponibilita_liquide")

# --------------------------------------------------------------- references
dupkey = schede(row(), row(prev="€ 500,00", cons="€ 450,00"))
case("60-key-duplicate", 65, "E105", "schede.csv:4",
     "the same area/azione/voce twice: error at the second line, naming the first",
     {"schede.csv": dupkey}, contains="riga 3")

case("61-schede-missing", 66, "E003", "schede.csv",
     "the required schede.csv is missing",
     {"schede.csv": None})

case("62-schede-wrong-case", 66, "E006", "Schede.csv",
     "Schede.csv instead of schede.csv: named, not silently missing",
     {"schede.csv": None, "Schede.csv": SCHEDE}, contains="«schede.csv»")

case("63-unknown-file-fondo", 0, "W007", "fondo.csv",
     "fondo.csv is no known dataset: ignored with a warning suggesting fondi.csv",
     {"fondo.csv": FONDI_HEADER + "\n" + FONDO1 + "\n"}, contains="fondi.csv")

case("64-schede-is-a-directory", 66, "E004", "schede.csv",
     "a directory named schede.csv: the file cannot be read (not «missing»)",
     {"schede.csv": None, "schede.csv/LEGGIMI.txt": "schede.csv è una cartella\n"})

# ------------------------------------------------------------------ columns
typo = SCHEDE.replace(";consuntivo;", ";consutivo;")
case("70-column-missing-typo", 65, "E032", "schede.csv:1",
     "required column «consuntivo» missing, the typo «consutivo» named as a hint",
     {"schede.csv": typo}, contains="consutivo")

fondi_n1 = "gruppo;fondo;atto;2024\nFondi istituzionali;Fondo Nazionale Politiche Sociali;DM 22/10/2024;€ 288.230,34\n"
case("71-year-n1-missing", 65, "E034", "fondi.csv:1",
     "fondi.csv without the 2023 column (N-1, for the comparison)",
     {"fondi.csv": fondi_n1}, contains="2023")

future = "gruppo;fondo;atto;2025;2024;2023\nFondi istituzionali;Fondo Nazionale Politiche Sociali;DM 22/10/2024;€ 1,00;€ 288.230,34;€ 279.410,00\n"
case("72-year-column-future", 65, "E035", at("fondi.csv", future, "2025"),
     "a 2025 column in the 2024 report",
     {"fondi.csv": future})

unknown_col = "\n".join([HEADER + ";note", ROW1 + ";", row() + ";"]) + "\n"
case("73-column-unknown", 0, "W033", at("schede.csv", unknown_col, "note"),
     "a column schede.csv does not know: ignored with a warning",
     {"schede.csv": unknown_col})

# ----------------------------------------------------------------- metadata
syn = META.replace("forma_giuridica = Azienda speciale consortile\n",
                   "forma_giuridica = Azienda speciale consortile\nsede Via Roma 1, Monza\n")
case("80-meta-syntax", 65, "E040", at("metadati.ini", syn, "Via Roma"),
     "a metadata line without «=»: error where the «=» was expected",
     {"metadati.ini": syn})

unk = META.replace("\nnome =", "\nnom =")
case("81-meta-unknown-key", 65, "E041", at("metadati.ini", unk, "nom ="),
     "unknown key «nom», with the hint «ente.nome»",
     {"metadati.ini": unk}, contains="ente.nome")

noyear = META.replace("anno = 2024\n", "")
case("82-meta-year-missing", 65, "E042", "metadati.ini",
     "esercizio.anno missing",
     {"metadati.ini": noyear}, contains="esercizio.anno")

y24 = META.replace("anno = 2024", "anno = 24")
case("83-meta-year-two-digits", 65, "E043", at("metadati.ini", y24, "24"),
     "anno = 24: a year has four digits",
     {"metadati.ini": y24})

forse = META + "bozza = forse\n"
case("84-meta-bool-invalid", 65, "E043", at("metadati.ini", forse, "forse"),
     "bozza = forse: neither sì nor no",
     {"metadati.ini": forse})

dupmeta = META.replace("anno = 2024\n", "anno = 2024\nanno = 2024\n")
case("85-meta-key-duplicate", 65, "E044", at("metadati.ini", dupmeta, "anno", 2),
     "esercizio.anno given twice: error at the second, naming the line of the first",
     {"metadati.ini": dupmeta}, contains="riga " + pos(dupmeta, "anno").split(":")[0])

baddate = META.replace("anno = 2024\n", "anno = 2024\ndata_approvazione = 30/02/2025\n")
case("86-meta-date-invalid", 65, "E103", at("metadati.ini", baddate, "30/02/2025"),
     "data_approvazione = 30/02/2025: no such day",
     {"metadati.ini": baddate})

badsec = META.replace("[opzioni]", "[opzione]")
case("87-meta-unknown-section", 65, "E041", at("metadati.ini", badsec, "modello"),
     "a misspelt section [opzione]: its keys are unknown, with the hint «opzioni.modello»",
     {"metadati.ini": badsec}, contains="opzioni.modello")

# --------------------------------------------------------------- filesystem
cases.append(("90-input-dir-missing", None, 66, "E002", ".",
              "the input directory does not exist (this case has no directory on purpose)", ""))
cases.append(("91-input-is-a-file", b"metadati.ini e schede.csv dovrebbero stare in una cartella\n",
              66, "E002", ".", "the input path is a regular file, not a directory", ""))

case("92-metadati-missing", 66, "E003", "metadati.ini",
     "metadati.ini missing",
     {"metadati.ini": None})

# ------------------------------------------------------------------- limits
long_text = schede(row(motivazione="x" * (64 * 1024 + 10)))
case("95-field-over-64k", 65, "E022", at("schede.csv", long_text, "xxx"),
     "a field over 64 KiB: the error names the limit, at the field's start",
     {"schede.csv": long_text}, contains="65.536")
# A file over the 64 MiB limit (E005) is too big to commit: test_bad_inputs.py makes
# it at run time, sparse (test_file_over_the_size_limit).

# --------------------------------------------- positions and robustness
excel = "\ufeff" + (HEADER + ";;\r\n" + ROW1 + ";;\r\n" + row() + ";;\r\n")
case("A0-excel-export-accepted", 0, "-", "-",
     "a typical Excel export: BOM, CRLF line ends, trailing ;; — loads in silence",
     {"schede.csv": excel.encode()})

crlf = schede(row(), row(voce="Trasporti", cons="1.234.5")).replace("\n", "\r\n")
case("A1-crlf-error-position", 65, "E101", at("schede.csv", crlf.replace("\r\n", "\n"), "1.234.5"),
     "CRLF line ends: the error's line and column are exact",
     {"schede.csv": crlf})

ml = schede(row(motivazione='"Aumento dei pasti:\nnuovi utenti da marzo"'), row(voce="Trasporti", cons="12.34"))
case("A2-quoted-newline-then-error", 65, "E101", at("schede.csv", ml, "12.34"),
     "a quoted field spanning two lines: the next error is on the right physical line",
     {"schede.csv": ml})

bl = HEADER + "\n" + ROW1 + "\n\n" + row(cons="12.34") + "\n"
case("A3-blank-line-then-error", 65, "E101", at("schede.csv", bl, "12.34"),
     "a blank line is skipped but still counted in the line numbers",
     {"schede.csv": bl})

acc = schede(row(area="Area Disabilità", azione="Azione 2: Attività è più", cons="12.34"))
case("A4-accented-chars-before-error", 65, "E101", at("schede.csv", acc, "12.34"),
     "columns count characters, not bytes (à, è, ù, € before the cell)",
     {"schede.csv": acc})

lead = schede(row(cons="   12.34"))
case("A5-leading-blanks-before-value", 65, "E101", at("schede.csv", lead, "12.34"),
     "the column is the value's first non-blank character",
     {"schede.csv": lead})

cr_only = schede(row(), row(voce="Trasporti", cons="12.34"))
case("A6-cr-only-line-ends", 65, "E101", at("schede.csv", cr_only, "12.34"),
     "old Mac line ends (CR only, Excel «CSV Macintosh»): lines counted as an editor shows them",
     {"schede.csv": cr_only.replace("\n", "\r")})

empty_cell = schede(row(voce=""))
case("A7-required-cell-empty", 65, "E100", at("schede.csv", empty_cell, ";;Acquisto", shift=1),
     "a line without voce: the empty cell is named",
     {"schede.csv": empty_cell}, contains="voce")

formula = schede(row(voce="=SOMMA(A1:A3)", desc="+39 039 123456"), row(voce="@fornitore", desc="-sconto"))
case("A8-formula-like-text-accepted", 0, "-", "-",
     "text beginning with =, +, @, - stays text",
     {"schede.csv": formula})

under_blank = "\n".join([HEADER + ";;", ROW1 + ";;", row() + ";;fuori colonna"]) + "\n"
case("A9-cell-under-blank-trailing-header", 65, "E023", at("schede.csv", under_blank, "fuori colonna"),
     "a value under the empty trailing header cells is an extra cell, not ignored",
     {"schede.csv": under_blank})


# ---------------------------------------------------------------------------
def write():
    if os.path.isdir(CASES):
        shutil.rmtree(CASES)
    os.makedirs(CASES)
    names = set()
    lines = []
    for name, files, status, code, location, description, contains in cases:
        assert name not in names, name
        names.add(name)
        target = os.path.join(CASES, name)
        if isinstance(files, bytes):
            with open(target, "wb") as f:
                f.write(files)
        elif isinstance(files, dict):
            os.makedirs(target)
            for rel, content in sorted(files.items()):
                path = os.path.join(target, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
        fields = [name, str(status), code, location, description]
        if contains:
            fields.append(contains)
        assert all("\t" not in f and "\n" not in f for f in fields), name
        lines.append("\t".join(fields) + "\n")
    with open(os.path.join(HERE, "expected.tsv"), "wb") as f:
        f.write(("# case\texit\tcode\tlocation\tdescription\t[message contains]\n"
                 "# generated by make_cases.py: edit that, not this file\n").encode())
        f.write("".join(lines).encode())
    print(f"{len(cases)} cases written to {CASES}")


if __name__ == "__main__":
    write()
