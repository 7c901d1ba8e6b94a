"""What the annex tests share: building an input directory, reading the
annex back with openpyxl, reading Italian figures, LibreOffice headless.

Not a test by itself; test_xlsx_annexes.py and test_xlsx_libreoffice.py
import it.
"""
import datetime
import decimal
import glob
import os
import re
import shutil
import subprocess

import openpyxl

D = decimal.Decimal
CENT = D("0.01")

MONTHS = {"gen": 1, "feb": 2, "mar": 3, "apr": 4, "mag": 5, "giu": 6, "lug": 7, "ago": 8,
          "set": 9, "ott": 10, "nov": 11, "dic": 12}

# The input files that are datasets the report prints as tables (docs/INPUT.md);
# verifiche.csv is shown as the checks, non_applicabile.csv as sentences.
PRINTED = ("schede.csv", "centri_di_costo.csv", "stato_patrimoniale.csv", "indici.csv",
           "valore_produzione.csv", "entrate.csv", "costi.csv", "avanzo.csv", "fondi.csv",
           "personale.csv", "obiettivi.csv", "riepilogo_obiettivi.csv", "progetti.csv",
           "indicatori.csv", "indicatori_calcolati.csv", "organi.csv", "sedute.csv")

# The Allegato letters are fixed (docs/ANNEXES.md): an auditor finds the funds
# under the same letter in every entity's annex.
LETTERS = {"schede.csv": "A", "centri_di_costo.csv": "B", "stato_patrimoniale.csv": "C",
           "indici.csv": "D", "valore_produzione.csv": "E", "entrate.csv": "F",
           "costi.csv": "G", "avanzo.csv": "H", "fondi.csv": "I", "personale.csv": "J",
           "obiettivi.csv": "K", "riepilogo_obiettivi.csv": "M", "progetti.csv": "N",
           "indicatori.csv": "O", "indicatori_calcolati.csv": "P", "organi.csv": "Q",
           "sedute.csv": "R"}


def input_directories(source):
    """The worked example and every examples/*/ directory there is."""
    found = [os.path.join(source, "input")]
    found += sorted(d for d in glob.glob(os.path.join(source, "examples", "*"))
                    if os.path.isfile(os.path.join(d, "metadati.ini")))
    return found


def build(relazione, directory, out, draft=False):
    """Builds `directory` into `out`; returns (formulas, values, path, result)."""
    command = [relazione, "build", directory, "-o", out] + (["--bozza"] if draft else [])
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode in ((0, 1) if draft else (0,)), result.stderr
    path = os.path.join(out, "allegati.xlsx")
    return (openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True), path,
            result)


def printed_files(directory):
    """The dataset files of `directory` the report prints, with their names
    relative to it ("fondi.csv", "tabelle/tutela_minori.csv")."""
    files = [n for n in PRINTED if os.path.isfile(os.path.join(directory, n))]
    files += sorted("tabelle/" + os.path.basename(p)
                    for p in glob.glob(os.path.join(directory, "tabelle", "*.csv")))
    return files


def contents(formulas):
    """The Indice: {file name: (letter, sheet)} and the list of its rows."""
    sheet = formulas["Indice"]
    rows = []
    for r in range(4, sheet.max_row + 1):
        annex, name, what = (sheet.cell(r, c).value for c in (1, 2, 3))
        if annex:
            rows.append((annex, name, what))
    by_file = {}
    for annex, name, what in rows:
        match = re.search(r"\(da ([^)]+)\)$", what or "")
        if match:
            by_file.setdefault(match.group(1), []).append((annex, name))
    return rows, by_file


def italian_number(text):
    """A figure as written in the inputs, or None when it is no figure:
    "€ 1.234,56" -> 1234.56, "(49.866)" -> -49866, "€ -" -> 0, "44,44%" ->
    (44.44, True), "1.912" -> 1912."""
    text = (text or "").strip()
    percent = text.endswith("%")
    core = text.replace("€", "").replace("%", "").strip()
    if core in ("-", "–"):
        return D(0), percent
    negative = core.startswith("(") and core.endswith(")") or core.startswith("-")
    core = core.strip("()-").strip()
    if not re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?|\d+(,\d+)?", core):
        return None, percent
    value = D(core.replace(".", "").replace(",", "."))
    return (-value if negative else value), percent


def italian_date(text):
    """15/03/2023 -> datetime; mag-20, lug.2020 -> the month's first day; else None."""
    text = (text or "").strip()
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        day, month, year = map(int, match.groups())
        return datetime.datetime(year, month, day)
    match = re.fullmatch(r"([a-z]{3})[-.](\d{2}|\d{4})", text.lower())
    if match and match.group(1) in MONTHS:
        year = int(match.group(2))
        return datetime.datetime(year + 2000 if year < 100 else year, MONTHS[match.group(1)], 1)
    return None


def figure(value):
    """A cached number as an exact decimal, to the cent-and-beyond."""
    return D(repr(value))


# --- LibreOffice --------------------------------------------------------------

RECALCULATE = ('<?xml version="1.0" encoding="UTF-8"?><oor:items '
               'xmlns:oor="http://openoffice.org/2001/registry" '
               'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
               '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
               '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>'
               '</item></oor:items>')


def libreoffice_profile(directory):
    """A LibreOffice profile that recalculates every .xlsx it opens."""
    os.makedirs(os.path.join(directory, "user"), exist_ok=True)
    with open(os.path.join(directory, "user", "registrymodifications.xcu"), "w") as f:
        f.write(RECALCULATE)
    return directory


def soffice():
    found = shutil.which("soffice")
    assert found, ("LibreOffice is not installed: scripts/install-deps.sh installs "
                   "libreoffice-calc-nogui")
    return found


def convert(profile, path, to, out):
    """soffice --headless --convert-to `to` of `path` into `out`; the result's path."""
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", to, "--outdir", out, path],
                   capture_output=True, check=True, timeout=300)
    converted = os.path.join(out, os.path.splitext(os.path.basename(path))[0] + "."
                             + to.split(":")[0])
    assert os.path.isfile(converted), converted
    return converted
