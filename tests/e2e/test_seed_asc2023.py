#!/usr/bin/python3
"""Seed 003 end to end: examples/asc2023 is the published *Relazione sulla
gestione 2023* of the Azienda Sociale del Cremonese, transcribed as printed.

- `build --bozza` prints every number of the seed's tables and every row of
  them; the numbers are parsed from the seed text itself (its tab-separated
  lines), never typed here;
- `check` reports exactly the seed's genuine inconsistencies, each at its
  place, and nothing else (no false finding);
- the narratives keep the seed's words: every line of testi/*.md is a line
  of the seed, it is printed, and the seed lines left out are exactly those
  listed (and explained) here.

The seed is tests/fixtures/seeds/003_93ecee81d2518818.txt, a byte copy of
../shared/seeds/ (checked against it when that directory is there), so that
the test runs on a fresh clone.

Usage: test_seed_asc2023.py RELAZIONE SRCDIR
"""
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pdftext import typed

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
EXAMPLE = os.path.join(SOURCE, "examples", "asc2023")
SEED_NAME = "003_93ecee81d2518818.txt"
SEED = os.path.join(SOURCE, "tests", "fixtures", "seeds", SEED_NAME)
SHARED_SEED = os.path.join(SOURCE, os.pardir, "shared", "seeds", SEED_NAME)

# A figure as the seed prints it: 14.819, (9.186), -338, -2,3%, 1,06, 2019.
FIGURE = re.compile(r"^[(+\-−]?(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?%?\)?$")
# A date in a header: 31/12/2023, 1-1-2023.
DATE = re.compile(r"^\d{1,2}([/-])\d{1,2}\1\d{4}$")


def digits(piece):
    """The figure of `piece` compared by its digits: grouping and decimal
    comma kept, sign, parentheses, % and € dropped. "(9.186)" and "-€ 9.186"
    are both "9.186": the report may print a negative either way (and prints
    the sources block with its own sign, docs/INDICATORS.md), so only the
    digits are what must survive. A date stays as written."""
    if DATE.match(piece):
        return piece
    match = FIGURE.match(piece)
    return match.group(1) + (match.group(2) or "") if match else None


def cell_figures(cell):
    """The figures of a cell that holds figures only ("-338 -2,3%" holds
    two), else [] (a label, a header word)."""
    pieces = cell.split()
    found = [digits(p) for p in pieces]
    return found if pieces and all(found) else []


def read_seed_tables():
    """The seed's tables: runs of tab-separated lines, blank lines allowed
    inside (the demographic table and the PFN have one). Each table is a
    list of (line number, cells); its first line is the header."""
    with open(SEED, encoding="utf-8") as f:
        lines = f.read().split("\n")
    tables, current = [], None
    for number, line in enumerate(lines, 1):
        if "\t" in line:
            if current is None:
                current = []
                tables.append(current)
            current.append((number, line.split("\t")))
        elif line.strip():
            current = None
    return tables


def row_label(cells):
    """The printed label of a row. The text extraction splits "5 SOSPIRO"
    into "5" and "SOSPIRO" and leaves a first empty cell before
    "A.T.S. CR.SE"; the report prints one label. A row of the value of
    production is labelled by its year."""
    cells = [c.strip() for c in cells]
    while cells and not cells[0]:
        cells.pop(0)
    if len(cells) > 1 and re.fullmatch(r"\d", cells[0]) and not cell_figures(cells[1]):
        return f"{cells[0]} {cells[1]}", cells[2:]
    return (cells[0], cells[1:]) if cells else ("", [])


def page_furniture_removed(lines):
    """The lines of the PDF's text without what every page repeats: the
    running head, "pag. N di M" and the BOZZA watermark (one letter a
    line), which the text extraction puts between the lines of a paragraph
    that crosses a page."""
    kept, i = [], 0
    while i < len(lines):
        if lines[i:i + 5] == list("BOZZA"):
            i += 5
            continue
        line = lines[i]
        if not (re.fullmatch(r"pag\. \d+ di \d+", line)
                or line == "Azienda Sociale del Cremonese Relazione sulla gestione – Esercizio 2023"):
            kept.append(line)
        i += 1
    return kept


def pdf_figures(token):
    """The digits of a token of the PDF's text, as digits() compares them;
    None for a word."""
    token = token.replace("€", "").strip("+-−")
    if not token:
        return []
    value = digits(token)
    return [value] if value else None


class SeedAsc2023(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-asc2023-")
        out = os.path.join(cls.tmp, "out")
        cls.build = subprocess.run([RELAZIONE, "build", EXAMPLE, "-o", out, "--bozza"],
                                   capture_output=True, text=True)
        pdf = os.path.join(out, "relazione.pdf")
        raw = typed(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True,
                                   text=True).stdout) if os.path.exists(pdf) else ""
        # The body: the report before its appendix, the Prospetto delle
        # verifiche, which repeats declared figures and would find a figure
        # a table failed to print.
        lines = raw.replace("\f", "\n").split("\n")
        starts = [i for i, line in enumerate(lines) if line == "Prospetto delle verifiche"]
        cls.appendix = bool(starts)
        cls.body = page_furniture_removed(lines[:starts[-1]] if starts else lines)
        cls.words = " ".join(cls.body).split()
        cls.tables = read_seed_tables()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_the_fixture_is_the_seed(self):
        if os.path.exists(SHARED_SEED):
            with open(SEED, "rb") as a, open(SHARED_SEED, "rb") as b:
                self.assertEqual(a.read(), b.read(), "tests/fixtures/seeds differs from shared/")

    def test_the_seed_has_the_tables_of_its_report(self):
        # demographic, foreigners, value of production, balance sheet, PFN,
        # margine di tesoreria, ratios, investments: their first lines, and
        # the figures parsed from each (the demographic table: 5 years in
        # the header, 9 rows of 7, and the "5", "6", "7" the extraction split
        # from their names; the balance sheet: 2 dates, 17 rows of 3, 2 of 2)
        self.assertEqual([t[0][0] for t in self.tables], [58, 74, 361, 375, 408, 426, 431, 454])
        self.assertEqual([sum(len(cell_figures(c.strip())) for _, cells in t for c in cells)
                          for t in self.tables], [71, 25, 16, 57, 9, 4, 12, 3])

    def test_the_draft_is_written_with_findings(self):
        self.assertEqual(self.build.returncode, 1, self.build.stderr)
        self.assertIn("(BOZZA)", self.build.stderr)
        self.assertTrue(self.appendix, "no Prospetto delle verifiche")

    def test_every_number_of_the_seed_tables_is_printed(self):
        # Every figure of a row as many times as the seed prints it: a
        # figure printed in two tables of the seed must be in both. Counted
        # in the body only (see setUpClass). A header's years and dates need
        # only be printed: the seed's balance sheet, PFN and margine di
        # tesoreria are one file, stato_patrimoniale.csv, and one table with
        # one header in the report.
        wanted, headers = collections.Counter(), set()
        for table in self.tables:
            headers.update(f for c in table[0][1] for f in cell_figures(c.strip()))
            for _, cells in table[1:]:
                for cell in cells:
                    wanted.update(cell_figures(cell.strip()))
        printed = collections.Counter()
        for word in self.words:
            printed.update(pdf_figures(word) or [])
        self.assertEqual({f for f in headers if not printed[f]}, set())
        missing = {f: (n, printed[f]) for f, n in wanted.items() if printed[f] < n}
        self.assertEqual(missing, {}, "figure: (times in the seed, times printed)")

    def row_printed(self, label, figures):
        """The label's words, then figures only, among which the row's
        figures in their order (blank cells and typed variations aside)."""
        words = label.split()
        for start in range(len(self.words) - len(words) + 1):
            if self.words[start:start + len(words)] != words:
                continue
            found, i = [], start + len(words)
            while i < len(self.words) and pdf_figures(self.words[i]) is not None:
                found += pdf_figures(self.words[i])
                i += 1
            it = iter(found)
            if all(f in it for f in figures):
                return True
        return False

    def test_every_row_of_the_seed_tables_is_printed_with_its_figures(self):
        missing = []
        for table in self.tables:
            for number, cells in table[1:]:
                label, values = row_label(cells)
                figures = [f for c in values for f in cell_figures(c.strip())]
                if label and not self.row_printed(label, figures):
                    missing.append((number, label))
        # The sources block's "Debiti di natura finanziaria a breve termine"
        # is the declared subtotal debiti_finanziari_breve_netti (net of the
        # cash, docs/INDICATORS.md): printed like every other row.
        self.assertEqual(missing, [])

    def test_each_free_table_is_printed_once_where_the_seed_has_it(self):
        # Right after the sentence that leads into it in the seed, under the
        # caption its sidecar gives, and only there.
        body = " ".join(" ".join(self.body).split())
        with open(SEED, encoding="utf-8") as f:
            seed = typed(f.read()).split("\n")
        first_lines = {"demografia": 58, "stranieri": 74, "valore_della_produzione": 361,
                       "investimenti": 454}
        for name, first in first_lines.items():
            with open(os.path.join(EXAMPLE, "tabelle", name + ".ini"), encoding="utf-8") as f:
                title = re.search(r"^titolo = (.*)$", f.read(), re.M)[1]
            lead = first - 2
            while not seed[lead].strip() or seed[lead].startswith("Tab "):
                lead -= 1
            lead_words = " ".join(seed[lead].replace("*", "").split())
            captions = re.findall(rf"Tab\. \d+: {re.escape(title)} ", body)
            self.assertEqual(len(captions), 1, title)
            self.assertTrue(f"{lead_words} {captions[0]}" in body,
                            f"{title}: not right after «{lead_words[-40:]}»")

    def test_check_reports_the_seed_inconsistencies_and_nothing_else(self):
        result = subprocess.run([RELAZIONE, "check", EXAMPLE, "--format", "json"],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 1, result.stderr)
        found = {(d["code"], os.path.basename(d["file"]), d["line"], d["column"]): d["message"]
                 for d in json.loads(result.stdout)["diagnostics"]}
        expected = {
            # Posizione finanziaria netta, 31/12/2022 column: the seed prints
            # 2.780.146, the 2023 figure; its items give the cash alone,
            # 2.147.762 (no financial debt), as its balance sheet prints.
            ("R010", "stato_patrimoniale.csv", 33, 87):
                "Indebitamento finanziario corrente netto al 31/12/2022: dichiarato € 2.780.146,00, "
                "atteso € 2.147.762,00",
            ("R010", "stato_patrimoniale.csv", 39, 67):
                "Posizione finanziaria netta al 31/12/2022: dichiarato € 2.780.146,00, "
                "atteso € 2.147.762,00",
            # Margine di tesoreria 2022: (2.147.762 + 4.674.996) - 6.436.276
            # = 386.482, printed 5.336.906 (which leaves out the ratei e
            # risconti on both sides: 6.809.914 - 1.473.008).
            ("R010", "stato_patrimoniale.csv", 40, 48):
                "Margine di tesoreria al 31/12/2022: dichiarato € 5.336.906,00, "
                "atteso € 386.482,00",
            # Liquidità primaria and secondaria 2022 (no inventory, so equal):
            # (2.147.762 + 4.674.996) / 6.436.276 = 1,06, printed 4,63
            # (6.822.758 / 1.473.008: the ratei e risconti passivi left out).
            ("R011", "indici.csv", 2, 44): "Liquidità primaria al 31/12/2022: dichiarato 4,63, "
                                           "atteso 1,06",
            ("R011", "indici.csv", 3, 48): "Liquidità secondaria al 31/12/2022: dichiarato 4,63, "
                                           "atteso 1,06",
            # The narrative's "Soresina, con il suo 22%" against the 18% Tab 3
            # prints (its cell, named), which is 2.856 / 15.966 = 17,89%. The
            # prose is kept verbatim; verifiche.csv states the identity.
            ("R004", "verifiche.csv", 3, 61): "a destra tabelle/stranieri.csv:3:25): "
                                              "sinistra 22, atteso 18",
            # "Mezzi propri e indebitamento finanziario netto" has a blank 2022
            # cell and a Variazione of 2.752.136, i.e. 2023 minus the blank
            # taken as 0 (the right change would be 682.250 = 2.752.136 -
            # 2.069.886, its identity with the capitale investito): the change
            # cannot be checked, and the warning says so at its cell.
            ("W119", "stato_patrimoniale.csv", 26, 88): "la variazione non si può verificare",
        }
        self.assertEqual(set(found), set(expected), "\n".join(map(str, found.items())))
        for place, words in expected.items():
            self.assertIn(words, found[place])
        # What holds is checked too, not skipped: the 2023 column, the 2022
        # subtotals, both coverage and tax ratios, the identity, every total
        # and change of the free tables, the residents of Tab 3 = Tab 2, the
        # result (49.866) = the change in equity, indebitamento by its
        # formula (verifiche.csv).

    def narrative_lines(self):
        """(file, text) of every printed line of testi/*.md: headings
        without their #, list items and paragraphs as written."""
        for path in sorted(glob.glob(os.path.join(EXAMPLE, "testi", "*.md"))):
            with open(path, encoding="utf-8") as f:
                for line in f.read().split("\n"):
                    text = re.sub(r"^#+ ", "", line)
                    if text and not text.startswith("{%"):
                        yield os.path.basename(path), text

    def test_the_narratives_are_the_seed_words_and_are_printed(self):
        with open(SEED, encoding="utf-8") as f:
            seed = set(f.read().split("\n"))
        body = " ".join(" ".join(self.body).split())
        for name, text in self.narrative_lines():
            self.assertTrue(text in seed, f"{name}: not a line of the seed: {text[:80]}")
            words = re.sub(r"^(- |\d+\. )", "", text.strip())
            words = " ".join(words.replace("**", "").replace("*", "").split())
            self.assertTrue(typed(words) in body, f"{name}: not printed: {words[:80]}")

    def test_the_seed_lines_left_out_are_those_the_template_prints_itself(self):
        with open(SEED, encoding="utf-8") as f:
            seed = f.read().split("\n")
        written = {text for _, text in self.narrative_lines()}
        left_out = [n for n, line in enumerate(seed, 1)
                    if line.strip() and "\t" not in line and line not in written]
        self.assertEqual(sorted(left_out), sorted([
            3, 5, 7,        # name, seat, title: metadati.ini and the cover
            13, 17, 86,     # chapters of templates/gestione.tpl
            56, 72,         # "Tab 2 …", "Tab 3 …": the sidecars' titolo
            355, 371,       # "Principali dati economici", "… patrimoniali": its chapters
            438, 468,       # chapters of templates/gestione.tpl
        ]))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
