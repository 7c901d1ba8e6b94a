#!/usr/bin/python3
"""Generates the golden reconciliation cases from the example in input/.

Each case is input/ with one planted error (or none); expected.txt lists
the findings `relazione check` must report, exactly: one line per finding,
"CODE SEVERITY FILE:LINE:COL" (FILE relative to the case's input dir).
Run it again after changing input/; the generated directories are kept in
git so that a reviewer can open them.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "input")


def copy_case(name):
    target = os.path.join(HERE, name, "input")
    shutil.rmtree(os.path.join(HERE, name), ignore_errors=True)
    shutil.copytree(SOURCE, target)
    return target


def edit(path, old, new, count=1):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    assert text.count(old) >= count, (path, old)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write(text.replace(old, new, count))


def append(path, text):
    with open(path, "a", encoding="utf-8", newline="") as f:
        f.write(text)


def expect(name, *lines):
    with open(os.path.join(HERE, name, "expected.txt"), "w") as f:
        f.write("".join(line + "\n" for line in lines))


def main():
    # The example itself: consistent, so no finding at all (no false positive).
    copy_case("consistent")
    expect("consistent")

    # A digit changed in a declared TOTALE row: 674.920,00 -> 674.930,00.
    d = copy_case("total_digit_changed")
    edit(os.path.join(d, "schede.csv"), "TOTALE TUTELA MINORI;;€ 674.920,00",
         "TOTALE TUTELA MINORI;;€ 674.930,00")
    expect("total_digit_changed", "R001 errore schede.csv:6:70")

    # The N-1 column of the funds pasted from N (the group totals follow, so
    # only the pasted column betrays it).
    d = copy_case("prior_year_pasted")
    path = os.path.join(d, "fondi.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = [line.split(";") for line in f.read().split("\r\n") if line]
    for row in rows[1:]:
        row[4] = row[3]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write("\r\n".join(";".join(row) for row in rows) + "\r\n")
    expect("prior_year_pasted", "R007 errore fondi.csv:1:24")

    # A line moved from one area to another: Telesoccorso (Area Anziani) typed
    # under Area Inclusione Sociale. Its azione's TOTALE no longer adds up, and
    # both areas disagree with their cost centres. Area Anziani's cost centre
    # differs by the same amount over lines that contain the azione's: one
    # cause, told once at the TOTALE with the cost centre as «vedi anche»
    # (the Prospetto still lists both checks); Area Inclusione Sociale's is
    # another place of the mistake and is reported on its own.
    d = copy_case("line_moved")
    edit(os.path.join(d, "schede.csv"),
         "Area Anziani;Azione 1: Servizio di assistenza domiciliare;Telesoccorso",
         "Area Inclusione Sociale;Azione 1: Servizio di assistenza domiciliare;Telesoccorso")
    expect("line_moved",
           "R001 errore schede.csv:26:102",
           "R001 errore schede.csv:26:115",
           "R002 errore centri_di_costo.csv:4:58",
           "R002 errore centri_di_costo.csv:4:71")

    # A table in whole euros whose TOTALE is 1 € off: a rounding difference.
    d = copy_case("rounding_one_euro")
    append(os.path.join(d, "tabelle", "spesa_per_comune.csv"), "")
    with open(os.path.join(d, "tabelle", "spesa_per_comune.csv"), "w", encoding="utf-8") as f:
        f.write("comune;abitanti;spesa\r\nVimercate;26.012;€ 623.417\r\nArcore;17.903;€ 429.120\r\n"
                "Usmate Velate;10.418;€ 249.806\r\nTOTALE;54.333;€ 1.302.344\r\n")
    expect("rounding_one_euro", "R001 avviso tabelle/spesa_per_comune.csv:5:15")

    # A declared objectives summary that disagrees with the objectives: 9 in
    # all, typed as 10 (which the areas above it do not add up to either);
    # the shares typed by another rounding rule (33,34 and 44,45, forced to
    # add up to 100, where each share half up gives 33,33 and 44,44) are only
    # rounding differences.
    d = copy_case("objectives_summary")
    edit(os.path.join(d, "riepilogo_obiettivi.csv"), "Area Minori e Famiglia;3;33,33%",
         "Area Minori e Famiglia;3;33,34%")
    edit(os.path.join(d, "riepilogo_obiettivi.csv"), "TOTALE;9;44,44%", "TOTALE;10;44,45%")
    expect("objectives_summary",
           "R006 avviso riepilogo_obiettivi.csv:2:26",
           "R001 errore riepilogo_obiettivi.csv:7:8",
           "R006 errore riepilogo_obiettivi.csv:7:8",
           "R006 avviso riepilogo_obiettivi.csv:7:11")

    # Stricter thresholds (5.000 €, 5%): the case manager line (-7.587,75 €,
    # -7,90%) now needs words and has none; the other material variances
    # are explained by their own motivazione or by one of their lines.
    d = copy_case("variance_without_words")
    edit(os.path.join(d, "metadati.ini"), "soglia_scostamento = € 10.000,00",
         "soglia_scostamento = € 5.000,00")
    edit(os.path.join(d, "metadati.ini"), "soglia_scostamento_percentuale = 10%",
         "soglia_scostamento_percentuale = 5%")
    expect("variance_without_words", "R005 errore schede.csv:19:58")

    # A user identity between two tables that fails: the minors in charge at
    # 31/12 differ between the indicators (412) and the service table (413).
    d = copy_case("user_identity")
    edit(os.path.join(d, "tabelle", "tutela_minori.csv"),
         "Minori in carico al 31/12;398;405;412", "Minori in carico al 31/12;398;405;413")
    expect("user_identity", "R004 errore verifiche.csv:3:69")


if __name__ == "__main__":
    main()
