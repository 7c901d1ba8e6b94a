#!/usr/bin/python3
"""The invariant of the real-reports issue: every declared total and every
declared identity yields a check in the Prospetto, or a diagnostic that says
why it could not be checked. Never a figure dropped in silence.

Over every input directory of the repository (input/, examples/*/,
tests/golden/*/input/) this test finds the declared figures itself, by
reading the CSV files independently of the compiler:

- every figure in a row labelled as a total (TOTALE, Totale, Totali, Tot.,
  TOTALE GENERALE, VALORE MEDIO, Media — or named in the sidecar's
  `totali`), in any column;
- every figure in a column labelled Totale … of a free table;
- every line of verifiche.csv;

then builds a draft and requires, for each, either a check in the annex's
*Verifiche* sheet whose "Fonte del dichiarato" is that cell, or a
diagnostic of `check --format json` at that cell, its line or its column.

Usage: test_invariant_checked.py RELAZIONE SRCDIR
"""
import csv
import glob
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
TOTAL = re.compile(r"^\s*(totale|totali|tot\.|valore medio|media)(\b|\s|:|$)", re.IGNORECASE)
FIGURE = r"[(+\-\u2212]?\s*(€\s*)?\d[\d.]*(,\d+)?\s*%?\s*(€)?\)?\s*(\*+|\(\d\)|[¹²³])?"
NUMBER = re.compile(r"^\s*" + FIGURE + r"(\s+" + FIGURE + r")?\s*$")
DATE = re.compile(r"^\d{1,2}[/.]\d{1,2}[/.]\d{4}$|^\d{4}-\d{2}-\d{2}$")


def directories():
    dirs = [os.path.join(SOURCE, "input")]
    dirs += sorted(d for d in glob.glob(os.path.join(SOURCE, "examples", "*"))
                   if os.path.isfile(os.path.join(d, "metadati.ini")))
    dirs += sorted(d for d in glob.glob(os.path.join(SOURCE, "tests", "golden", "*", "input"))
                   if os.path.isfile(os.path.join(d, "metadati.ini")))
    return dirs


def read_text(path):
    data = open(path, "rb").read()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError(f"{path}: not UTF-8 nor Windows-1252")


def fields_with_columns(line, separator):
    """[(text, column)] of one physical line: column in characters from 1,
    where the field starts (its opening quote, if quoted)."""
    out, start, quoted, i, text = [], 0, False, 0, []
    while i <= len(line):
        c = line[i] if i < len(line) else separator
        if quoted:
            if c == '"' and i + 1 < len(line) and line[i + 1] == '"':
                text.append('"')
                i += 1
            elif c == '"':
                quoted = False
            else:
                text.append(c)
        elif c == '"':
            quoted = True
        elif c == separator:
            out.append(("".join(text).strip(), start + 1))
            start, text = i + 1, []
        else:
            text.append(c)
        i += 1
    return out


def separator_of(header):
    counts = {s: header.count(s) for s in ";,\t"}
    return max(";,\t", key=lambda s: (counts[s], s == ";"))


def sidecar_totals(csv_path):
    ini = csv_path[:-4] + ".ini"
    labels = []
    if os.path.isfile(ini):
        for line in read_text(ini).splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "totali":
                labels += [v.strip().lower() for v in value.split(";") if v.strip()]
    return labels


def declared_cells(input_dir):
    """{(relative path, line, column): what it is} of every declared figure."""
    cells = {}
    paths = sorted(glob.glob(os.path.join(input_dir, "*.csv")))
    paths += sorted(glob.glob(os.path.join(input_dir, "tabelle", "*.csv")))
    for path in paths:
        rel = os.path.relpath(path, input_dir)
        lines = read_text(path).splitlines()
        if not lines:
            continue
        separator = separator_of(lines[0])
        header = fields_with_columns(lines[0], separator)
        named = sidecar_totals(path)
        free = rel.startswith("tabelle" + os.sep)
        total_columns = [i for i, (label, _) in enumerate(header)
                         if free and TOTAL.match(label)]
        for number, line in enumerate(lines[1:], start=2):
            if '"' in line and line.count('"') % 2:
                continue   # a quoted field over several lines: not a row of figures
            fields = fields_with_columns(line, separator)
            texts = [t for t, _ in fields]
            is_total = any(TOTAL.match(t) for t in texts[:3] if not NUMBER.match(t)) \
                or (texts and texts[0].lower() in named)
            for i, (text, col) in enumerate(fields):
                figure = NUMBER.match(text) and not DATE.match(text) and i < len(header)
                if not figure or TOTAL.match(text):
                    continue
                if is_total and not (rel == "verifiche.csv"):
                    cells[(rel, number, col)] = f"total row, column «{header[i][0]}»"
                elif i in total_columns:
                    cells[(rel, number, col)] = f"total column «{header[i][0]}»"
            if rel == "verifiche.csv" and fields:
                for i, (label, _) in enumerate(header):
                    if label.strip().lower() == "sinistra" and i < len(fields):
                        cells[(rel, number, fields[i][1])] = "a declared identity"
    return cells


def checked_places(workbook):
    """The «Fonte del dichiarato» of every check in the Verifiche sheet."""
    out = subprocess.run(["/usr/bin/python3", "-c", """
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Verifiche"]
rows = list(ws.iter_rows(values_only=True))
head = next(i for i, r in enumerate(rows) if r and "Fonte del dichiarato" in r)
col = rows[head].index("Fonte del dichiarato")
print(json.dumps([r[col] for r in rows[head + 1:] if r and r[col]]))
""", workbook], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout))


class Invariant(unittest.TestCase):
    def test_the_declared_figures_are_found_independently(self):
        # the finder itself, on the example: the TOTALE TUTELA MINORI cells,
        # the A.T.S.-like totals of the free tables, the verifiche lines
        cells = declared_cells(os.path.join(SOURCE, "input"))
        self.assertIn(("schede.csv", 6, 70), cells)
        self.assertIn(("schede.csv", 6, 83), cells)
        self.assertTrue(any(rel == "verifiche.csv" for rel, _, _ in cells))
        self.assertTrue(any(rel.startswith("tabelle") for rel, _, _ in cells))
        self.assertGreater(len(cells), 50)

    def test_every_declared_figure_is_checked_or_said_not_to_be(self):
        self.assertGreaterEqual(len(directories()), 3)
        for input_dir in directories():
            with self.subTest(directory=os.path.relpath(input_dir, SOURCE)):
                self.check_directory(input_dir)

    def check_directory(self, input_dir):
        tmp = tempfile.mkdtemp(prefix="relazione-invariant-")
        try:
            out = os.path.join(tmp, "out")
            build = subprocess.run([RELAZIONE, "build", input_dir, "-o", out, "--bozza"],
                                   capture_output=True, text=True)
            workbook = os.path.join(out, "allegati.xlsx")
            self.assertTrue(os.path.exists(workbook), build.stderr)
            checks = checked_places(workbook)
            result = subprocess.run([RELAZIONE, "check", input_dir, "--format", "json"],
                                    capture_output=True, text=True)
            said = set()
            for d in json.loads(result.stdout)["diagnostics"]:
                if "file" not in d:
                    continue
                rel = os.path.relpath(d["file"], input_dir)
                said.add((rel, d.get("line", 0), d.get("column", 0)))
            declared = declared_cells(input_dir)
            self.assertGreater(len(declared), 0)
            silent = []
            for (rel, line, col), what in sorted(declared.items()):
                place = f"{os.path.basename(rel)}:{line}:{col}"
                if place in checks or f"{rel}:{line}:{col}" in checks:
                    continue
                if (rel, line, col) in said or (rel, line, 0) in said or (rel, 1, col) in said:
                    continue
                silent.append(f"{rel}:{line}:{col} ({what})")
            self.assertEqual(silent, [], "declared figures neither checked nor said unchecked")
        finally:
            shutil.rmtree(tmp)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
