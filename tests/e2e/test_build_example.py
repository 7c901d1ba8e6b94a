#!/usr/bin/python3
"""End-to-end: `relazione build` on the example in input/.

The figures are recomputed here, independently of the C code (Python's csv
and Decimal), from input/schede.csv; the PDF is read back with poppler and
qpdf, the XLSX with openpyxl. Usage: test_build_example.py RELAZIONE SRCDIR
"""
import csv
import hashlib
import decimal
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import openpyxl

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
INPUT = os.path.join(SOURCE, "input")
D = decimal.Decimal


def italian(amount):
    """Decimal euros as '€ 1.234,56' ('€ -' for zero), the report's format."""
    if amount == 0:
        return "€ -"
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}€ {'.'.join(groups)},{cents}"


def parse_amount(text):
    text = text.replace("€", "").strip()
    if text in ("", "-"):
        return D(0)
    negative = text.startswith("(") or text.startswith("-")
    digits = text.strip("()-").strip().replace(".", "").replace(",", ".")
    return -D(digits) if negative else D(digits)


def schedule_rows():
    with open(os.path.join(INPUT, "schede.csv"), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def entity_name():
    with open(os.path.join(INPUT, "metadati.ini"), encoding="utf-8") as f:
        for line in f:
            if line.strip().startswith("nome"):
                return line.split("=", 1)[1].strip()
    raise AssertionError("no ente.nome in metadati.ini")


def run(*args, cwd=None):
    return subprocess.run([RELAZIONE, *args], cwd=cwd, capture_output=True, text=True)


class BuildExample(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-e2e-")
        cls.out = os.path.join(cls.tmp, "out")
        cls.result = run("build", INPUT, "-o", cls.out)
        cls.pdf = os.path.join(cls.out, "relazione.pdf")
        cls.xlsx = os.path.join(cls.out, "allegati.xlsx")
        rows = schedule_rows()
        cls.items = [r for r in rows if not r["voce"].upper().startswith("TOTALE")]
        cls.preventivo = sum(parse_amount(r["preventivo"]) for r in cls.items)
        cls.consuntivo = sum(parse_amount(r["consuntivo"]) for r in cls.items)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def pdftotext(self, *extra):
        return subprocess.run(["pdftotext", "-raw", *extra, self.pdf, "-"],
                              capture_output=True, text=True, check=True).stdout

    def test_build_succeeds_and_leaves_no_temporary_file(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertEqual(sorted(os.listdir(self.out)),
                         ["allegati.xlsx", "manifesto.json", "relazione.pdf"])

    def test_pdf_shows_entity_with_accents_and_italian_amounts(self):
        text = self.pdftotext()
        flat = " ".join(text.split())
        self.assertIn(entity_name(), flat)
        self.assertIn("Solidarietà", text)
        self.assertIn(italian(self.consuntivo), text)
        self.assertIn(italian(self.preventivo), text)
        for row in self.items:
            self.assertIn(italian(parse_amount(row["consuntivo"])), text, row["voce"])
        self.assertRegex(text, r"€ \d{1,3}(\.\d{3})*,\d{2}")

    def test_pdf_fonts_all_embedded(self):
        fonts = subprocess.run(["pdffonts", self.pdf], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        self.assertGreaterEqual(len(fonts), 3)
        for line in fonts:
            # columns: name type encoding emb sub uni id; name has no spaces here
            self.assertEqual(line.split()[-5], "yes", line)

    def test_pdf_is_valid_and_footer_counts_pages(self):
        subprocess.run(["qpdf", "--check", self.pdf], capture_output=True, check=True)
        info = subprocess.run(["pdfinfo", self.pdf], capture_output=True, text=True,
                              check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        last = self.pdftotext("-f", str(pages), "-l", str(pages))
        self.assertIn(f"pag. {pages} di {pages}", last)

    def test_xlsx_total_is_a_formula_with_the_right_cached_value(self):
        formulas = openpyxl.load_workbook(self.xlsx)["Schede"]
        values = openpyxl.load_workbook(self.xlsx, data_only=True)["Schede"]
        total_row = next(r for r in range(1, formulas.max_row + 1)
                         if formulas.cell(r, 1).value == "TOTALE COMPLESSIVO (ricalcolato)")
        # the "Riga" column (K) tells the lines from the totals
        lines = [r for r in range(4, total_row) if formulas.cell(r, 11).value == "voce"]
        self.assertEqual(len(lines), len(self.items))
        for column, expected in (("E", self.preventivo), ("F", self.consuntivo)):
            formula = formulas[f"{column}{total_row}"].value
            self.assertTrue(formula.startswith("=SUBTOTAL(9,"), formula)
            cached = D(str(values[f"{column}{total_row}"].value)).quantize(D("0.01"))
            self.assertEqual(cached, expected)
            readded = sum(D(str(values[f"{column}{r}"].value)).quantize(D("0.01"))
                          for r in lines)
            self.assertEqual(readded, expected)

    def test_two_builds_are_byte_identical(self):
        again = os.path.join(self.tmp, "again")
        self.assertEqual(run("build", INPUT, "-o", again).returncode, 0)
        for name in ("relazione.pdf", "allegati.xlsx", "manifesto.json"):
            with open(os.path.join(self.out, name), "rb") as a, \
                 open(os.path.join(again, name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)

    def test_manifest_ties_the_documents_to_their_data(self):
        with open(os.path.join(self.out, "manifesto.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        self.assertEqual(manifest["esercizio"], 2024)
        self.assertEqual(manifest["verifiche"]["da_correggere"], 0)
        self.assertGreater(manifest["verifiche"]["totale"], 50)
        inputs = {entry["file"]: entry["sha256"] for entry in manifest["input"]}
        expected = set()
        for root, _, files in os.walk(INPUT):
            for name in files:
                path = os.path.join(root, name)
                relative = os.path.relpath(path, INPUT)
                expected.add(relative)
                with open(path, "rb") as f:
                    self.assertEqual(inputs[relative], hashlib.sha256(f.read()).hexdigest())
        self.assertEqual(set(inputs), expected)
        outputs = {entry["file"]: entry["sha256"] for entry in manifest["output"]}
        self.assertEqual(set(outputs), {"relazione.pdf", "allegati.xlsx"})
        for name, digest in outputs.items():
            with open(os.path.join(self.out, name), "rb") as f:
                self.assertEqual(digest, hashlib.sha256(f.read()).hexdigest(), name)
        with open(os.path.join(SOURCE, manifest["modello_usato"]["file"]), "rb") as f:
            self.assertEqual(manifest["modello_usato"]["sha256"],
                             hashlib.sha256(f.read()).hexdigest())

    def test_check_is_silent_on_the_example(self):
        result = run("check", INPUT)
        self.assertEqual((result.returncode, result.stdout, result.stderr), (0, "", ""))

    def test_bad_cell_fails_at_its_place_and_keeps_previous_outputs(self):
        bad_input = os.path.join(self.tmp, "bad")
        shutil.copytree(INPUT, bad_input)
        path = os.path.join(bad_input, "schede.csv")
        with open(path, encoding="utf-8-sig", newline="") as f:
            lines = f.read().split("\r\n")
        fields = lines[2].split(";")
        column = len(";".join(fields[:4])) + 2          # 1-based start of preventivo
        fields[4] = "12.34"
        lines[2] = ";".join(fields)
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            f.write("\r\n".join(lines))
        out = os.path.join(self.tmp, "kept")
        self.assertEqual(run("build", INPUT, "-o", out).returncode, 0)
        before = {n: open(os.path.join(out, n), "rb").read() for n in os.listdir(out)}
        result = run("build", bad_input, "-o", out)
        self.assertEqual(result.returncode, 65)
        self.assertIn(f"{bad_input}/schede.csv:3:{column}: errore: importo non valido «12.34»",
                      result.stderr)
        self.assertIn("[E101]", result.stderr)
        after = {n: open(os.path.join(out, n), "rb").read() for n in os.listdir(out)}
        self.assertEqual(before, after)

    def test_check_json_reports_a_bad_cell(self):
        bad_input = os.path.join(self.tmp, "bad-json")
        shutil.copytree(INPUT, bad_input)
        path = os.path.join(bad_input, "schede.csv")
        with open(path, encoding="utf-8-sig", newline="") as f:
            lines = f.read().split("\r\n")
        fields = lines[2].split(";")
        column = len(";".join(fields[:4])) + 2          # 1-based start of preventivo
        fields[4] = "1,234.56"
        lines[2] = ";".join(fields)
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            f.write("\r\n".join(lines))
        result = run("check", bad_input, "--format", "json")
        self.assertEqual((result.returncode, result.stderr), (65, ""))
        report = json.loads(result.stdout)
        errors = [d for d in report["diagnostics"] if d["severity"] == "error"]
        self.assertEqual(report["errors"], 1)
        self.assertEqual(len(errors), 1, errors)
        self.assertEqual({k: errors[0][k] for k in ("code", "file", "line", "column")},
                         {"code": "E101", "file": f"{bad_input}/schede.csv", "line": 3,
                          "column": column})
        self.assertIn("«1,234.56»", errors[0]["message"])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
