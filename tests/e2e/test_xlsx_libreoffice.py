#!/usr/bin/python3
"""The Excel annex opened by the real LibreOffice, headless (Debian's
libreoffice-calc-nogui, installed by scripts/install-deps.sh): recalculated,
every formula of every sheet gives its cached value; a schedule figure
changed by hand makes its check "da correggere"; printed to PDF, no two lines
of text overprint and no text is smaller than 7 points.

Usage: test_xlsx_libreoffice.py RELAZIONE SRCDIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from annex import build, convert, input_directories, libreoffice_profile  # noqa: E402

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
INPUT = os.path.join(SOURCE, "input")
SMALLEST_POINTS = 7.0


def same(cached, recalculated):
    if isinstance(cached, (int, float)) and isinstance(recalculated, (int, float)):
        return abs(cached - recalculated) <= 1e-9 * max(1.0, abs(cached))
    return (cached or None) == (recalculated or None)


def text_lines(pdf):
    """Per page, the boxes (x0, y0, x1, y1) of pdftotext's lines of text."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        pages.append([tuple(float(x) for x in m.groups()) for m in re.finditer(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page)])
    return pages


def overprinted(lines):
    """Pairs of lines drawn over each other: overlapping across and down by
    more than 40 % of the lower one's height (consecutive lines of a wrapped
    cell touch; overprinted ones cover each other)."""
    found = []
    ordered = sorted(lines, key=lambda b: b[1])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b[1] >= a[3]:
                break
            across = min(a[2], b[2]) - max(a[0], b[0])
            down = min(a[3], b[3]) - max(a[1], b[1])
            if across > 1.0 and down > 0.4 * min(a[3] - a[1], b[3] - b[1]):
                found.append((a, b))
    return found


def font_points(pdf):
    """The size in points of every font as printed (scaled to the page), by
    pdftohtml at zoom 3, its largest: sizes in thirds of a point."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-zoom", "3", "-stdout", pdf],
                         capture_output=True, text=True, check=True).stdout
    return sorted({int(s) / 3.0 for s in re.findall(r'<fontspec[^>]* size="(\d+)"', xml)})


class LibreOffice(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-lo-")
        cls.profile = libreoffice_profile(os.path.join(cls.tmp, "profile"))
        cls.formulas, cls.values, cls.path, _ = build(RELAZIONE, INPUT, os.path.join(cls.tmp, "out"))
        cls.recalculated = openpyxl.load_workbook(
            convert(cls.profile, cls.path, "xlsx", os.path.join(cls.tmp, "recalculated")),
            data_only=True)
        cls.pdf = convert(cls.profile, cls.path, "pdf", os.path.join(cls.tmp, "print"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    @staticmethod
    def differences(formulas, values, recalculated):
        """(formulas compared, those whose recalculation differs from the cache)."""
        compared, differ = 0, []
        for sheet in formulas.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                        continue
                    compared += 1
                    mine = values[sheet.title][cell.coordinate].value
                    theirs = recalculated[sheet.title][cell.coordinate].value
                    if not same(mine, theirs):
                        differ.append(f"{sheet.title}!{cell.coordinate} {cell.value}: "
                                      f"{mine!r} != {theirs!r}")
        return compared, differ

    def test_recalculation_of_every_sheet_gives_the_cached_values(self):
        compared, differ = self.differences(self.formulas, self.values, self.recalculated)
        self.assertEqual(differ, [])
        self.assertGreater(compared, 500)

    def test_recalculation_of_every_example(self):
        for i, directory in enumerate(input_directories(SOURCE)[1:]):
            with self.subTest(directory=directory):
                formulas, values, path, _ = build(RELAZIONE, directory,
                                                  os.path.join(self.tmp, "example%d" % i), True)
                recalculated = openpyxl.load_workbook(
                    convert(self.profile, path, "xlsx", os.path.join(self.tmp, "rexample%d" % i)),
                    data_only=True)
                compared, differ = self.differences(formulas, values, recalculated)
                self.assertEqual(differ, [])
                self.assertGreater(compared, 0)

    def test_a_schedule_figure_changed_makes_its_check_da_correggere(self):
        book = openpyxl.load_workbook(self.path)
        schede = book["Schede"]
        row = next(r for r in range(4, schede.max_row + 1)
                   if schede.cell(r, 3).value == "Affidi familiari")
        schede.cell(row, 6).value = schede.cell(row, 6).value + 1000   # its consuntivo
        edited = os.path.join(self.tmp, "edited.xlsx")
        book.save(edited)
        outcome = {}
        recalculated = openpyxl.load_workbook(
            convert(self.profile, edited, "xlsx", os.path.join(self.tmp, "edited-out")),
            data_only=True)["Verifiche"]
        for r in range(4, recalculated.max_row + 1):
            outcome[recalculated.cell(r, 2).value] = recalculated.cell(r, 11).value
        total = "TOTALE TUTELA MINORI – consuntivo (Schede preventivo/consuntivo)"
        self.assertEqual(outcome[total], "da correggere")
        self.assertEqual(outcome[total.replace("consuntivo (", "preventivo (", 1)], "verificato")
        centre = next(k for k in outcome if k and k.startswith("Centro di costo «CdC 01")
                      and k.endswith("consuntivo"))
        self.assertEqual(outcome[centre], "da correggere")
        untouched = [k for k, v in outcome.items() if k and k.startswith("TOTALE FONDI")]
        self.assertTrue(untouched)
        self.assertTrue(all(outcome[k] == "verificato" for k in untouched))

    def test_the_print_has_no_overprinted_line(self):
        pages = text_lines(self.pdf)
        self.assertGreater(len(pages), len(self.formulas.sheetnames))
        for number, lines in enumerate(pages, 1):
            self.assertEqual(overprinted(lines), [], f"page {number} of {self.pdf}")

    def test_the_print_is_at_least_7_points(self):
        sizes = font_points(self.pdf)
        self.assertTrue(sizes)
        self.assertGreaterEqual(min(sizes), SMALLEST_POINTS, sizes)

    def test_the_print_renders(self):
        out = os.path.join(self.tmp, "png")
        os.makedirs(out)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "3", self.pdf,
                        os.path.join(out, "p")], check=True)
        self.assertEqual(len(os.listdir(out)), 3)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
