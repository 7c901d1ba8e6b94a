#!/usr/bin/python3
"""Writes the seed corpora of tests/fuzz/corpus/<harness>/ from the project's inputs.

    /usr/bin/python3 tests/fuzz/make_corpus.py        # from the source tree's root

Sources: input/, tests/golden/*/input/, tests/fixtures/libreoffice/*/ (small files only)
and the formulas of tests/unit/compute/test_formula*.c. Each harness gets what it reads:
csv       every CSV file, plus UTF-16 and CRLF variants of a few
encoding  every text file (CSV, INI, Markdown), plus UTF-16 LE/BE and BOM variants
ini_metadata  every metadati.ini
number    every distinct cell that looks like a number, plus the examples of number.h
date      every distinct cell that looks like a date, plus the examples of date.h
formula   the formulas of the indicatori_calcolati and verifiche tables and of the unit tests

Files are named <source>-<sha1 prefix>; running it again rewrites the same files. The
libFuzzer campaign (make fuzz) grows its own copy in build-fuzz/, not these directories.
"""
import csv
import hashlib
import io
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus")
MAX_BYTES = 8192


def source_dirs():
    yield "input", os.path.join(ROOT, "input")
    golden = os.path.join(ROOT, "tests", "golden")
    for case in sorted(os.listdir(golden)):
        if os.path.isdir(os.path.join(golden, case, "input")):
            yield "golden_" + case, os.path.join(golden, case, "input")
    lo = os.path.join(ROOT, "tests", "fixtures", "libreoffice")
    for case in sorted(os.listdir(lo)):
        if case != "sorgenti" and os.path.isdir(os.path.join(lo, case)):
            yield "libreoffice_" + case, os.path.join(lo, case)


def files():
    """(label, path, bytes) of every small text input file."""
    for label, top in source_dirs():
        for dirpath, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                if not name.endswith((".csv", ".ini", ".md")):
                    continue
                path = os.path.join(dirpath, name)
                data = open(path, "rb").read()
                if len(data) <= MAX_BYTES:
                    yield label + "_" + name.replace(".", "_"), path, data


class Corpus:
    """One harness's seeds. With by_shape, values that differ only in their digits
    ("1.234,56" and "9.876,54") count as one: the parser takes the same path."""

    def __init__(self, harness, by_shape=False):
        self.dir = os.path.join(OUT, harness)
        self.seen = set()
        self.by_shape = by_shape
        os.makedirs(self.dir, exist_ok=True)

    def add(self, label, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        digest = hashlib.sha1(data).hexdigest()
        key = re.sub(rb"[0-9]", b"9", data) if self.by_shape else digest
        if key in self.seen:
            return
        self.seen.add(key)
        slug = re.sub(r"[^A-Za-z0-9_]+", "_", label)[:60]
        with open(os.path.join(self.dir, "%s-%s" % (slug, digest[:10])), "wb") as f:
            f.write(data)


def text_of(data):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return None


def cells(data):
    text = text_of(data)
    if text is None:
        return []
    first = text.split("\n", 1)[0]
    sep = max(";,\t", key=first.count)
    try:
        return list(csv.reader(io.StringIO(text), delimiter=sep))
    except csv.Error:
        return []


NUMBER = re.compile(r"^[\s€(+-]*(EUR)?\s*[\d.,]+\s*%?\s*(€|EUR)?\)?$|^€\s*-$|^-$")
DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}([/.-]\d{2,4})?|^[A-Za-z]{3,9}[-./ ]+\d{2,4}$")

NUMBER_EXAMPLES = ["€ 1.234,56", "(1.234)", "€ -", "-", "12.34", "1.234.56", "12,345",
                   "44,44%", "-€ 1.234,56", "+27", "-4,9%", "9.223.372.036.854.775.807",
                   "1\u00a0234,56", "1.234,56\u202f€", "EUR 10", "10 EUR", "0,000001"]
DATE_EXAMPLES = ["31/12/2021", "31.12.2021", "31-12-2021", "1/2/2021", "2021-12-31",
                 "01/05/20", "31/02/2020", "29/02/2024", "mag-20", "lug.2020", "set-2020",
                 "Gen 2021", "dic. 21", "settembre 2021", "06/2021", "06-2021", "06.2021",
                 "sett-21", "\u00a031/12/2021\u202f", "0/1/2021", "1/13/2021", "mgg-20"]
INI_EXAMPLES = [
    "[ente]\nnome = \"  Ente  \"\nforma_giuridica = cooperativa sociale\ncooperativa = sì\n"
    "[esercizio]\nanno = 2023\ndata_approvazione = 30/04/2024\n"
    "[opzioni]\nbozza = vero\nmodello = consuntivo\nseparatore = tab\n"
    "soglia_scostamento = (1.000)\nsoglia_scostamento_percentuale = 5,5%\n",
    "; commento\r\n[ ENTE ]\r\nNOME=x\r\nforma_giuridica=y\r\n[esercizio]\r\nanno=1899\r\n"
    "anno=2024\r\nchiave sbagliata\r\n[sezione\r\nnoem = z\r\n",
    "nome = fuori sezione\n[opzioni]\nseparatore = ;\nsoglia_scostamento = € -\n"
    "data_approvazione = 31/02/2024\n[firmatari]\npresidente =\ndirettore = \"\"\n",
]


def unit_test_formulas():
    for name in ("test_formula.c", "test_formula_reach.c"):
        source = open(os.path.join(ROOT, "tests", "unit", "compute", name)).read()
        for m in re.finditer(r'(?:must_eval|must_date|cells_of|expect_error|eval_fixed)\(\s*'
                             r'"((?:[^"\\]|\\.)*)"', source):
            yield bytes(m.group(1), "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def main():
    corpora = {h: Corpus(h, by_shape=h in ("number", "date"))
               for h in ("csv", "encoding", "ini_metadata", "number", "date", "formula")}
    for label, path, data in files():
        corpora["encoding"].add(label, data)
        if path.endswith(".ini"):
            corpora["ini_metadata"].add(label, data)
            continue
        if not path.endswith(".csv"):
            continue
        corpora["csv"].add(label, data)
        rows = cells(data)
        header = [h.strip().lower() for h in rows[0]] if rows else []
        for row in rows[1:]:
            for i, cell in enumerate(row):
                value = cell.strip()
                if NUMBER.match(value):
                    corpora["number"].add("cell", value)
                if DATE.search(value):
                    corpora["date"].add("cell", value)
                column = header[i] if i < len(header) else ""
                if column in ("formula", "sinistra", "destra") and value:
                    corpora["formula"].add(os.path.basename(path) + "_" + column, value)
    # Variants the files above do not have: other encodings and line ends.
    for name in ("schede.csv", "metadati.ini", "fondi.csv"):
        data = open(os.path.join(ROOT, "input", name), "rb").read()
        text = text_of(data)
        for corpus in (corpora["encoding"], corpora["csv"] if name.endswith(".csv") else None):
            if corpus is None:
                continue
            corpus.add("utf16le_" + name, b"\xff\xfe" + text.encode("utf-16-le"))
            corpus.add("utf16be_" + name, b"\xfe\xff" + text.encode("utf-16-be"))
            corpus.add("crlf_" + name, text.replace("\n", "\r\n").encode("utf-8"))
            corpus.add("bom_" + name, b"\xef\xbb\xbf" + text.encode("utf-8"))
            corpus.add("cp1252_" + name, text.encode("cp1252", errors="replace"))
    for value in INI_EXAMPLES:
        corpora["ini_metadata"].add("example", value)
    for value in NUMBER_EXAMPLES:
        corpora["number"].by_shape = False
        corpora["number"].add("example", value)
    for value in DATE_EXAMPLES:
        corpora["date"].by_shape = False
        corpora["date"].add("example", value)
    for formula in unit_test_formulas():
        corpora["formula"].add("unit_test", formula)
    for harness, corpus in sorted(corpora.items()):
        print("%-13s %4d seeds in %s" % (harness, len(corpus.seen), os.path.relpath(corpus.dir, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
