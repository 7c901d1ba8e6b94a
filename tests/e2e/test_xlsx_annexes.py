#!/usr/bin/python3
"""The Excel annexes read back with openpyxl (not libxlsxwriter), as an
auditor would audit them: totals are formulas whose cached values equal
the figures recomputed here from the CSV, to the cent; re-adding the
cells gives the totals; dates are dates; text that looks like a formula
stays text; and, where LibreOffice is installed, its recalculation gives
the cached values.

Usage: test_xlsx_annexes.py RELAZIONE SRCDIR
"""
import csv
import datetime
import decimal
import os
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
CENT = D("0.01")


def amount(text):
    text = (text or "").replace("€", "").strip()
    if text in ("", "-"):
        return D(0)
    negative = text.startswith("-") or text.startswith("(")
    value = D(text.strip("()-").strip().replace(".", "").replace(",", "."))
    return -value if negative else value


def rows(name):
    with open(os.path.join(INPUT, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def cents(value):
    return D(repr(value)).quantize(CENT)


def build(directory, out):
    result = subprocess.run([RELAZIONE, "build", directory, "-o", out], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    path = os.path.join(out, "allegati.xlsx")
    return openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True), path


class Annexes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-xlsx-")
        cls.formulas, cls.values, cls.path = build(INPUT, os.path.join(cls.tmp, "out"))
        cls.lines = [r for r in rows("schede.csv") if not r["voce"].upper().startswith("TOTALE")]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def sheet_rows(self, name):
        f, v = self.formulas[name], self.values[name]
        return [([f.cell(r, c).value for c in range(1, f.max_column + 1)],
                 [v.cell(r, c).value for c in range(1, f.max_column + 1)])
                for r in range(4, f.max_row + 1)]

    def test_schede_subtotals_are_formulas_caching_the_sums(self):
        by_area, by_azione = {}, {}
        for line in self.lines:
            for key, table in ((line["area"], by_area), ((line["area"], line["azione"]), by_azione)):
                sums = table.setdefault(key, [D(0), D(0)])
                sums[0] += amount(line["preventivo"])
                sums[1] += amount(line["consuntivo"])
        seen = 0
        for formulas, values in self.sheet_rows("Schede"):
            label = str(formulas[2] or "")
            if label.startswith("Totale Azione"):
                expected = by_azione[(formulas[0], formulas[1])]
            elif label.startswith("Totale "):
                expected = by_area[formulas[0]]
            elif formulas[0] == "TOTALE GENERALE":
                expected = [sum(s[0] for s in by_area.values()), sum(s[1] for s in by_area.values())]
            else:
                self.assertIsInstance(values[4], (int, float))   # a line: a plain number
                continue
            seen += 1
            for k in (0, 1):
                self.assertTrue(str(formulas[4 + k]).startswith("=SUBTOTAL(9,"), formulas)
                self.assertEqual(cents(values[4 + k]), expected[k], label)
            self.assertEqual(cents(values[6]), expected[1] - expected[0])   # scostamento
        self.assertEqual(seen, len(by_area) + len(by_azione) + 1)

    def test_schede_declared_totals_equal_the_re_added_cells(self):
        sheet_lines = [(f, v) for f, v in self.sheet_rows("Schede")
                       if f[0] != "TOTALE GENERALE" and not str(f[2]).startswith("Totale ")]
        for declared in (r for r in rows("schede.csv") if r["voce"].upper().startswith("TOTALE")):
            readded = sum(cents(v[5]) for f, v in sheet_lines
                          if f[0] == declared["area"] and f[1] == declared["azione"])
            self.assertEqual(readded, amount(declared["consuntivo"]), declared["voce"])

    def test_cost_centres_reference_the_schedule_areas(self):
        check = [(f, v) for f, v in self.sheet_rows("Centri di costo")
                 if f[0] == "Uscite dell'esercizio (costi per natura)"]
        self.assertEqual(len(check), 1)
        formulas, values = check[0]
        target = int(formulas[5].split("!F")[1])
        self.assertEqual(self.formulas["Schede"].cell(target, 1).value, "TOTALE GENERALE")
        uscite = next(amount(r["2024"]) for r in rows("costi.csv") if r["natura"] == "TOTALE USCITE")
        self.assertEqual(cents(values[3]), uscite)
        self.assertEqual(cents(values[5]), sum(amount(l["consuntivo"]) for l in self.lines))
        self.assertEqual(cents(values[7]), D(0))
        for formulas, values in self.sheet_rows("Centri di costo"):
            if formulas[0] is None or formulas[0].startswith("Uscite"):
                continue
            self.assertRegex(str(formulas[4]), r"^=Schede!E\d+$")
            self.assertRegex(str(formulas[5]), r"^=Schede!F\d+$")
            area_total = sum(amount(l["consuntivo"]) for l in self.lines if l["area"] == formulas[1])
            self.assertEqual(cents(values[5]), area_total, formulas[0])
            self.assertRegex(str(formulas[7]), r"^=D(\d+)-F\1$")
            self.assertEqual(cents(values[7]), cents(values[3]) - cents(values[5]))

    def test_projects_table_dates_and_shares(self):
        sheet = self.formulas["Progetti"]
        self.assertIn("Progetti", sheet.tables)
        source = rows("progetti.csv")
        body = self.sheet_rows("Progetti")
        for (formulas, values), project in zip(body, source):
            self.assertEqual(formulas[0], project["titolo"])
            self.assertRegex(str(formulas[8]), r"^=IF\(D(\d+)=0,\"\",E\1/D\1\)$")
            total, financed = amount(project["importo_totale"]), amount(project["importo_finanziato"])
            self.assertAlmostEqual(values[8], float(financed / total), places=12)
            for k, column in enumerate(("data_presentazione", "data_avvio", "data_fine")):
                cell = values[10 + k]
                if any(ch.isdigit() for ch in project[column]):
                    self.assertIsInstance(cell, datetime.datetime, project[column])
                else:
                    self.assertEqual(cell, project[column])
        totals_f, totals_v = body[len(source)]
        self.assertEqual(totals_f[0], "Totale")
        self.assertEqual(totals_f[3], "=SUBTOTAL(109,Progetti[Importo totale])")
        self.assertEqual(cents(totals_v[3]), sum(amount(p["importo_totale"]) for p in source))

    def test_indicators_change_formulas(self):
        for formulas, values in self.sheet_rows("Indicatori"):
            self.assertRegex(str(formulas[6]), r"^=F(\d+)-E\1$")
            self.assertAlmostEqual(values[6], values[5] - values[4], places=9)

    def test_checks_sheet_differences(self):
        count = 0
        for formulas, values in self.sheet_rows("Verifiche"):
            if values[2] is None:
                continue
            count += 1
            self.assertTrue(str(formulas[5]).startswith("=C"))
            self.assertAlmostEqual(values[5], values[2] - values[4], places=6)
            self.assertEqual(values[6], "verificato")
        self.assertGreater(count, 50)

    def test_text_that_looks_like_a_formula_stays_text(self):
        directory = os.path.join(self.tmp, "injected")
        shutil.copytree(INPUT, directory)
        path = os.path.join(directory, "schede.csv")
        with open(path, encoding="utf-8-sig", newline="") as f:
            text = f.read()
        text = text.replace(";Telesoccorso;Acquisto di servizi;", ";=SUM(A1:A9);+39 02 1234;", 1)
        text = text.replace("TOTALE SERVIZIO DI ASSISTENZA DOMICILIARE;;", "TOTALE SERVIZIO DI ASSISTENZA DOMICILIARE;@cmd;", 1)
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            f.write(text)
        formulas, _, _ = build(directory, os.path.join(self.tmp, "injected-out"))
        sheet = formulas["Schede"]
        cells = {sheet.cell(r, c).value: sheet.cell(r, c)
                 for r in range(1, sheet.max_row + 1) for c in (3, 4)}
        for needle in ("=SUM(A1:A9)", "+39 02 1234"):
            self.assertIn(needle, cells)
            self.assertEqual(cells[needle].data_type, "s", needle)

    def test_libreoffice_recalculation_gives_the_cached_values(self):
        soffice = shutil.which("soffice")
        if soffice is None:
            self.skipTest("LibreOffice is not installed (optional; see docs/ANNEXES.md)")
        profile = os.path.join(self.tmp, "lo-profile")
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?><oor:items '
                    'xmlns:oor="http://openoffice.org/2001/registry" '
                    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                    '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
                    '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop>'
                    '</item></oor:items>')
        out = os.path.join(self.tmp, "recalculated")
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "xlsx", "--outdir", out, self.path],
                       capture_output=True, check=True, timeout=240)
        recalculated = openpyxl.load_workbook(os.path.join(out, "allegati.xlsx"), data_only=True)
        compared = 0
        for name in ("Schede", "Centri di costo", "Progetti", "Indicatori", "Verifiche"):
            ours, theirs = self.values[name], recalculated[name]
            for row in self.formulas[name].iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        mine = ours.cell(cell.row, cell.column).value
                        lo = theirs.cell(cell.row, cell.column).value
                        if isinstance(mine, (int, float)):
                            self.assertAlmostEqual(lo, mine, places=6,
                                                   msg=f"{name}!{cell.coordinate} {cell.value}")
                            compared += 1
        self.assertGreater(compared, 100)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
