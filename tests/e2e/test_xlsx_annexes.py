#!/usr/bin/python3
"""The Excel annex read back with openpyxl (not libxlsxwriter), as an auditor
would audit it: a sheet for every table of the report under a stable
Allegato letter; every figure of the inputs a cell with the same value; every
total a formula caching the sum; every check of Verifiche live, its outcome a
formula over cells; dates as dates, empty cells empty, text that looks like a
formula kept as text; frozen headings and a print set up to read.
LibreOffice's side (recalculation, print) is test_xlsx_libreoffice.py.

Usage: test_xlsx_annexes.py RELAZIONE SRCDIR
"""
import csv
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from annex import (CENT, D, LETTERS, build, contents, figure, input_directories,  # noqa: E402
                   italian_date, italian_number, printed_files)

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
INPUT = os.path.join(SOURCE, "input")

# Headings of the sheets that name a column otherwise than its label.
HEADINGS = {"centri_di_costo.csv": {"centro": "Centro di costo", "area": "Area delle schede"}}
OUTCOMES = {"si": "SI", "no": "NO", "parzialmente": "PARZIALMENTE", "in corso": "PARZIALMENTE"}
CELL_REFERENCE = re.compile(r"(?:'[^']+'|[A-Za-z_][\w.]*)?!?\$?[A-Z]{1,3}\$?\d+")
CONSTANT = re.compile(r"^=ROUND\(-?\(?-?[\d.]+\)?,\d\)$")
COMPOUND = re.compile(r"^(\S+)\s+(\S+%)$")   # "-338 -2,3%": a change and its per cent


def rows_of(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8-sig", newline="") as f:
        sample = f.read(4096)
        f.seek(0)
        return list(csv.reader(f, delimiter=";" if sample.count(";") >= sample.count(",") else ","))


def heading(label):
    label = label.strip().replace("_", " ")
    return label[:1].upper() + label[1:]


def sheet_rows(formulas, values, name):
    f, v = formulas[name], values[name]
    width = f.max_column
    return [([f.cell(r, c).value for c in range(1, width + 1)],
             [v.cell(r, c).value for c in range(1, width + 1)], r)
            for r in range(4, f.max_row + 1)]


class Annexes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-xlsx-")
        cls.books = {}
        for i, directory in enumerate(input_directories(SOURCE)):
            draft = directory != INPUT
            cls.books[directory] = build(RELAZIONE, directory,
                                         os.path.join(cls.tmp, "out%d" % i), draft)
        cls.formulas, cls.values, cls.path, cls.result = cls.books[INPUT]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    # --- item 1: a sheet for every table, stable letters, a contents sheet --------

    def test_a_sheet_for_every_dataset_of_every_example(self):
        for directory, (formulas, _, _, _) in self.books.items():
            rows, by_file = contents(formulas)
            names = [name for _, name, _ in rows]
            letters = [annex for annex, _, _ in rows]
            self.assertEqual(len(set(n.lower() for n in names)), len(names), directory)
            self.assertEqual(len(set(letters)), len(letters), directory)
            self.assertEqual(sorted(names), sorted(n for n in formulas.sheetnames if n != "Indice"))
            for name in printed_files(directory):
                base = os.path.basename(name)
                self.assertIn(base, by_file, f"{directory}: no sheet for {name}")
                annex, sheet = by_file[base][0]
                self.assertIn(sheet, formulas.sheetnames)
                self.assertTrue(str(formulas[sheet]["A1"].value).startswith(annex + " – "),
                                (sheet, formulas[sheet]["A1"].value))
                if base in LETTERS:
                    self.assertEqual(annex, "Allegato " + LETTERS[base], name)
                else:
                    self.assertRegex(annex, r"^Allegato T\.\d+$", name)
            self.assertEqual(formulas.sheetnames[0], "Indice")
            self.assertIn("Verifiche", formulas.sheetnames)

    def test_every_input_figure_is_a_cell_with_the_same_value(self):
        for directory, (formulas, values, _, _) in self.books.items():
            _, by_file = contents(formulas)
            for name in printed_files(directory):
                with self.subTest(directory=directory, file=name):
                    self.compare_with_csv(directory, name, formulas, values,
                                          by_file[os.path.basename(name)][0][1])

    def compare_with_csv(self, directory, name, formulas, values, sheet):
        table = [r for r in rows_of(directory, name) if any(c.strip() for c in r)]
        header, lines = table[0], table[1:]
        aliases = HEADINGS.get(os.path.basename(name), {})
        headings = [formulas[sheet].cell(3, c).value for c in range(1, formulas[sheet].max_column + 1)]
        note = headings.index("Note") if "Note" in headings else None
        body = [(f, v, r) for f, v, r in sheet_rows(formulas, values, sheet)
                if "ricalcolato" not in [x for x in f if isinstance(x, str)]][:len(lines)]
        self.assertEqual(len(body), len(lines), sheet)
        for line, (f_row, v_row, row) in zip(lines, body):
            formats = [formulas[sheet].cell(row, c + 1).number_format for c in range(len(f_row))]
            for label, text in zip(header, line):
                wanted = aliases.get(label.strip(), heading(label))
                compound = COMPOUND.match(text.strip())
                if compound and wanted + " %" in headings:
                    # validation splits it into the change and its percentage
                    c = headings.index(wanted + " %")
                    self.compare_cell(sheet, label, compound.group(2), f_row[c], v_row[c],
                                      formats[c], None)
                    text = compound.group(1)
                if not label.strip() or wanted not in headings:
                    self.assertIsNone(italian_number(text)[0] if text.strip() not in ("-", "–") else None,
                                      f"{sheet}: column {label!r} with figures is missing")
                    continue
                c = headings.index(wanted)
                self.compare_cell(sheet, label, text, f_row[c], v_row[c], formats[c],
                                  v_row[note] if note is not None else None)

    def compare_cell(self, sheet, label, text, formula, value, number_format, note):
        text = text.strip()
        where = f"{sheet} {label}={text!r}"
        if isinstance(formula, str) and formula.startswith("="):
            self.fail(f"{where}: an input figure became a formula {formula}")
        if text == "":
            self.assertIsNone(value, where)   # empty stays empty, never 0
        elif isinstance(value, datetime.datetime):
            self.assertEqual(value, italian_date(text), where)
        elif isinstance(value, (int, float)):
            number, _ = italian_number(text)
            self.assertIsNotNone(number, where)
            shown = figure(value)
            if "%" in number_format:   # a percentage is its fraction in the cell
                shown *= 100
            self.assertEqual(shown.quantize(D("0.0001")), number.quantize(D("0.0001")), where)
        elif value is None:
            # words in a figure's or a date's place: in the note, not a 0
            self.assertTrue(note and text in note, f"{where}: neither a cell nor a note ({note!r})")
        else:
            self.assertEqual(value, OUTCOMES.get(text.lower(), text), where)

    # --- item 1: totals as formulas ----------------------------------------------

    def test_schedule_totals_are_subtotals_caching_the_sums(self):
        lines = [r for r in rows_of(INPUT, "schede.csv")[1:] if not r[2].upper().startswith("TOTALE")]
        for f, v, _ in sheet_rows(self.formulas, self.values, "Schede"):
            if f[10] != "ricalcolato":
                continue
            if f[0] == "TOTALE COMPLESSIVO (ricalcolato)":
                parts = lines
            elif f[1]:
                parts = [l for l in lines if l[0] == f[0] and l[1] == f[1]]
            else:
                parts = [l for l in lines if l[0] == f[0]]
            self.assertTrue(parts, f)
            for k, col in ((4, 4), (5, 5)):
                self.assertTrue(str(f[col]).startswith("=SUBTOTAL(9,"), f[col])
                self.assertEqual(figure(v[col]).quantize(CENT),
                                 sum(italian_number(l[k])[0] for l in parts), f)
            self.assertRegex(f[6], r"^=F(\d+)-E\1$")

    def test_cost_centres_re_add_the_schedules(self):
        for f, v, row in sheet_rows(self.formulas, self.values, "Centri di costo"):
            if f[0] is None or f[4] is None:
                continue
            self.assertRegex(str(f[4]), r"^=(SUMIF|SUBTOTAL|SUM)\(Schede!")
            self.assertRegex(str(f[6]), rf"^=C{row}-E{row}$")
            self.assertEqual(figure(v[6]).quantize(CENT), (figure(v[2]) - figure(v[4])).quantize(CENT))
        uscite = [f for f, _, _ in sheet_rows(self.formulas, self.values, "Centri di costo")
                  if f[0] == "Uscite dell'esercizio (costi per natura)"]
        self.assertEqual(len(uscite), 1)
        self.assertTrue(str(uscite[0][3]).startswith("=Costi!"), uscite[0])

    def test_balance_sheet_subtotals_and_ratios_are_formulas(self):
        rows = sheet_rows(self.formulas, self.values, "Stato patrimoniale")
        recomputed = {f[0]: (f, v) for f, v, _ in rows if f[-1] == "ricalcolato"}
        self.assertIn("capitale_immobilizzato", recomputed)
        self.assertIn("totale_attivo", recomputed)
        f, v = recomputed["capitale_immobilizzato"]
        self.assertRegex(f[2], r"^=[C]\d+(\+C\d+)*$")
        items = {r[0]: italian_number(r[2])[0] for r in rows_of(INPUT, "stato_patrimoniale.csv")[1:]}
        self.assertEqual(figure(v[2]), items["immobilizzazioni_immateriali"]
                         + items["immobilizzazioni_materiali"] + items["immobilizzazioni_finanziarie"])
        headings = [c.value for c in self.formulas["Indici"][3]]
        recomputed = headings.index("Ricalcolato al 31/12/2024")
        for f, v, _ in sheet_rows(self.formulas, self.values, "Indici"):
            if f[0] == "Liquidità primaria":
                self.assertIn("'Stato patrimoniale'!", f[recomputed])
                self.assertEqual(round(figure(v[recomputed]), 2), italian_number("1,64")[0])

    def test_surplus_rows_and_result_are_formulas(self):
        rows = sheet_rows(self.formulas, self.values, "Avanzo")
        for f, v, row in rows:
            if f[-2] == "voce":
                self.assertEqual(f[4], f"=B{row}+C{row}+D{row}")
        labels = {f[0]: (f, v) for f, v, _ in rows}
        f, v = labels["Entrate – Uscite"]
        self.assertRegex(f[4], r"^=E\d+-E\d+$")
        self.assertEqual(figure(v[4]).quantize(CENT), D("48215.33"))
        self.assertEqual(figure(labels["Differenza: avanzo – (Entrate – Uscite)"][1][4]), 0)

    def test_objectives_summary_counts_the_outcomes(self):
        objectives = rows_of(INPUT, "obiettivi.csv")[1:]
        for f, v, _ in sheet_rows(self.formulas, self.values, "Riepilogo obiettivi"):
            area = f[0]
            mine = objectives if area == "TOTALE" else [o for o in objectives if o[0] == area]
            self.assertEqual(v[1], len(mine), area)
            self.assertRegex(f[2], r"^=(SUMPRODUCT|COUNTIF)\(")
            self.assertEqual(v[2], sum(o[4] == "SI" for o in mine), area)
            # each share half up on its own: 3 shares within 1,5 hundredths of 100 %
            self.assertLessEqual(abs(v[5] + v[6] + v[7] - 1.0), 0.00015)

    def test_free_tables_totals_recomputed_under_the_declared_ones(self):
        rows = sheet_rows(self.formulas, self.values, "T3 Comuni soci")
        declared = [(f, v) for f, v, _ in rows if f[-1] == "totale dichiarato"]
        recomputed = [(f, v) for f, v, _ in rows if f[-1] == "ricalcolato"]
        self.assertEqual(len(declared), 1)
        self.assertEqual(len(recomputed), 1)
        self.assertEqual(recomputed[0][0][1], "=SUBTOTAL(9,B4:B15)")
        self.assertEqual(recomputed[0][1][1], declared[0][1][1])

    # --- item 2: live checks -----------------------------------------------------

    def test_every_outcome_of_verifiche_is_a_formula_over_cells(self):
        for directory, (formulas, values, _, _) in self.books.items():
            checks = 0
            for f, v, row in sheet_rows(formulas, values, "Verifiche"):
                if not re.fullmatch(r"R\d{3}", str(f[2])) or f[4] is None:
                    continue
                checks += 1
                where = f"{directory} Verifiche!K{row}: {f[1]}"
                for col in (4, 6):
                    self.assertTrue(str(f[col]).startswith("="), where)
                    if f[2] == "R004" and CONSTANT.match(f[col]):
                        continue   # a side of verifiche.csv that is a figure typed there
                    self.assertRegex(f[col], CELL_REFERENCE, where)
                self.assertEqual(f[7], f"=ROUND(E{row}-G{row},{f[7].rsplit(',', 1)[1][:-1]})")
                self.assertTrue(str(f[10]).startswith("=IF("), where)
                for col in "HIJ":
                    self.assertIn(f"{col}{row}", f[10], where)
                self.assertIn(v[10], ("verificato", "arrotondamento", "da correggere"))
                self.assertIsNone(f[11], where)   # no figure written as a bare value
                if directory == INPUT:
                    self.assertEqual(v[10], "verificato", where)
            self.assertGreater(checks, 50 if directory == INPUT else 0, directory)

    def test_a_wrong_total_is_da_correggere_in_its_cached_outcome(self):
        directory = os.path.join(SOURCE, "tests", "golden", "total_digit_changed", "input")
        formulas, values, _, _ = build(RELAZIONE, directory, os.path.join(self.tmp, "wrong"), True)
        outcomes = [v[10] for f, v, _ in sheet_rows(formulas, values, "Verifiche")
                    if re.fullmatch(r"R\d{3}", str(f[2]))]
        self.assertIn("da correggere", outcomes)

    # --- item 3: a print that reads ----------------------------------------------

    def test_headings_and_key_column_frozen_print_set_up(self):
        for name in self.formulas.sheetnames:
            sheet = self.formulas[name]
            self.assertRegex(sheet.freeze_panes or "", r"^[B-D]4$", name)
            self.assertEqual(sheet.page_setup.orientation, "landscape", name)
            self.assertTrue(sheet.sheet_properties.pageSetUpPr.fitToPage, name)
            self.assertEqual(sheet.print_title_rows, "$3:$3", name)

    def test_wrapped_texts_make_their_rows_taller(self):
        sheet = self.formulas["Schede"]
        for row in range(4, sheet.max_row + 1):
            text = sheet.cell(row, 10).value or ""
            if len(text) > 60:
                self.assertGreater(sheet.row_dimensions[row].height or 0, 30, text)

    def test_text_that_looks_like_a_formula_stays_text(self):
        directory = os.path.join(self.tmp, "injected")
        shutil.copytree(INPUT, directory)
        path = os.path.join(directory, "schede.csv")
        with open(path, encoding="utf-8-sig", newline="") as f:
            text = f.read()
        text = text.replace(";Telesoccorso;Acquisto di servizi;", ";=SUM(A1:A9);+39 02 1234;", 1)
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            f.write(text)
        formulas, _, _, _ = build(RELAZIONE, directory, os.path.join(self.tmp, "injected-out"))
        sheet = formulas["Schede"]
        cells = {sheet.cell(r, c).value: sheet.cell(r, c)
                 for r in range(1, sheet.max_row + 1) for c in (3, 4)}
        for needle in ("=SUM(A1:A9)", "+39 02 1234"):
            self.assertIn(needle, cells)
            self.assertEqual(cells[needle].data_type, "s", needle)
            self.assertEqual(cells[needle].number_format, "@", needle)

    def test_projects_dates_are_dates_and_words_go_to_the_note(self):
        rows = sheet_rows(self.formulas, self.values, "Progetti")
        headings = [c.value for c in self.formulas["Progetti"][3]]
        start, end, note = (headings.index(h) for h in ("Data avvio", "Data fine", "Note"))
        first = rows[0][1]
        self.assertIsInstance(first[start], datetime.datetime)
        self.assertIsNone(first[end])
        self.assertIn("in continuità", first[note])
        share = headings.index("% finanziata")
        self.assertRegex(rows[0][0][share], r'^=IF\(D4=0,"",E4/D4\)$')

    # --- item 4: one truth -------------------------------------------------------

    def test_every_figure_of_the_pdf_tables_is_a_cell_of_the_annex(self):
        """Each figure printed in a table of the report (Tab. N) is the cached
        value of some cell of the annex, to the precision printed."""
        text = subprocess.run(["pdftotext", "-layout", os.path.join(os.path.dirname(self.path),
                                                                    "relazione.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        cells = set()
        for sheet in self.values.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        cells.add(figure(value))
        token = re.compile(r"[+-]?€ ?[+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?|[+-]?\d{1,3}(?:\.\d{3})*,\d+%?"
                           r"|[+-]?\d+,\d+%?|[+-]?\d+%")
        missing, in_table = [], False
        for line in text.splitlines():
            stripped = line.strip()
            # the tables: from their caption to the next heading, figure or prose
            if stripped.startswith("Tab. "):
                in_table = True
                continue
            if re.match(r"^(\d+(\.\d+)* [A-Z]|Fig\. )", stripped) or (
                    len(stripped) > 70 and "   " not in stripped):
                in_table = False
            if not in_table or "   " not in stripped or stripped.startswith("pag."):
                continue
            for t in token.findall(line):
                if not self.found(t, cells):
                    missing.append((t, line.strip()[:80]))
        self.assertEqual(missing, [])

    @staticmethod
    def found(token, cells):
        number, percent = italian_number(token.replace("+", "").replace("€", "").strip())
        if number is None:
            return True
        if token.lstrip("+").startswith("-") or token.startswith("-€"):
            number = -abs(number)
        decimals = len(token.split(",")[1].rstrip("%")) if "," in token else 0
        unit = D(1).scaleb(-decimals)
        for value in cells:
            for candidate in ((value * 100, value) if percent else (value,)):
                if abs(candidate - number) <= unit / 2 + D("1e-9"):
                    return True
        return False


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
