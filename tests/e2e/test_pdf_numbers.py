#!/usr/bin/python3
"""Numbers printed by what they are, read back from the PDF of the example:

- a table whose rows say their unit (indicatori.csv) prints each row in it:
  € 16,41, 398 (a count, no decimals), 10,85%;
- a rate changes by percentage points (-0,26 p.p.), never by a per cent
  of a per cent (-2,47%);
- a count changes by whole units (+7), a new item's change is n.d. (also
  in a key figure whose year before is zero), never +0,0%;
- a share of 4 objectives out of 9 is 44,44%, rounded once, not 44,45%;
- a free table of 40 columns prints every one of them.

Usage: test_pdf_numbers.py RELAZIONE SRCDIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])


def build(input_dir, out_dir):
    result = subprocess.run([RELAZIONE, "build", input_dir, "-o", out_dir], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    return subprocess.run(["pdftotext", "-layout", os.path.join(out_dir, "relazione.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout


def line_of(text, start):
    """The line of `text` that starts (after blanks) with `start`."""
    for line in text.splitlines():
        line = re.sub(r"\s{2,}", " | ", line.strip())
        if line.startswith(start):
            return line
    raise AssertionError("no line starting with %r" % start)


class Numbers(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-numbers-")
        cls.input = os.path.join(cls.tmp, "input")
        shutil.copytree(os.path.join(SOURCE, "input"), cls.input)
        columns = 40
        with open(os.path.join(cls.input, "tabelle", "quaranta.csv"), "w",
                  encoding="utf-8") as f:
            f.write(";".join(["voce"] + ["c%02d" % c for c in range(2, columns + 1)]) + "\n")
            for row in range(1, 4):
                f.write(";".join(["riga %d" % row]
                                 + [str(row * 1000 + c) for c in range(2, columns + 1)]) + "\n")
        cls.text = build(cls.input, os.path.join(cls.tmp, "out"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_each_row_in_its_unit(self):
        self.assertEqual(line_of(self.text, "Spesa sociale pro-capite | €"),
                         "Spesa sociale pro-capite | € | valore | € 16,41 | € 17,16 | € 18,16 | "
                         "+€ 1,00 | +5,83%")
        minors = line_of(self.text, "Minori in carico al 31/12 | n.")
        self.assertTrue(minors.endswith("398 | 405 | 412 | +7 | +1,73%"), minors)

    def test_a_rate_changes_by_points(self):
        rate = line_of(self.text, "Incidenza dei costi di gestione | %")
        self.assertTrue(rate.endswith("10,85% | 10,51% | 10,25% | -0,26 p.p."), rate)
        self.assertFalse("-2,47%" in self.text, "a rate's change as a per cent")

    def test_a_new_item_has_no_per_cent(self):
        fund = line_of(self.text, "Reddito di autonomia anziani e disabili")
        # pdftotext -layout closes up the "€ -" of a zero
        self.assertRegex(fund, r"€ 23\.700,00 \| € ?- \| \+€ 23\.700,00 \| n\.d\.$")

    def test_shares_rounded_once(self):
        total = [line for line in self.text.splitlines()
                 if re.match(r"\s*TOTALE\s+9\s", line)]
        self.assertEqual(len(total), 1, total)
        self.assertEqual(total[0].split()[1:], ["9", "44,44%", "22,22%", "33,33%"])
        self.assertFalse("44,45%" in self.text, "a share rounded twice")

    def test_every_column_of_a_wide_free_table(self):
        self.assertIn("Tab. 22: Quaranta (colonne 2-", self.text)
        for column in range(2, 41):
            self.assertTrue("C%02d" % column in self.text, "column %d missing" % column)
            self.assertTrue("3.%03d" % column in self.text, "cell 3.%03d missing" % column)

    def test_key_figure_from_zero(self):
        directory = os.path.join(self.tmp, "kpi")
        shutil.copytree(self.input, directory)
        with open(os.path.join(directory, "modello.tpl"), "w", encoding="utf-8") as f:
            f.write("# Cifre\n{% cifre_chiave %}\n- Sportelli nuovi | 5 | num | 0\n"
                    "- Sportelli | 6 | num | 4\n{% fine %}\n")
        text = build(directory, os.path.join(self.tmp, "kpi-out"))
        self.assertIn("n.d. sul 2023", text)
        self.assertIn("+50,0% sul 2023", text)
        self.assertFalse("+0,0%" in text, "a change from zero as +0,0%")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
