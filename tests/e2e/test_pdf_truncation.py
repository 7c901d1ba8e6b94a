#!/usr/bin/python3
"""Nothing of a table is cut off in the PDF, and a font that fails is said.

- a motivazione of 2,000 words (a schede row taller than a page) prints
  every word, over the pages it needs, the header repeated on each;
- a free table of 30 columns (wider than a landscape page) prints every
  column, in parts that repeat the row's name and say "(segue, colonne …)";
- a font file that is not a TrueType font, and a missing ICC profile, are
  errors (E205, E211) with a non-zero exit and no PDF published.

Usage: test_pdf_truncation.py RELAZIONE SRCDIR
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
FONT_DIR = "/usr/share/fonts/truetype/liberation2"


def build(input_dir, out_dir, env=None):
    return subprocess.run([RELAZIONE, "build", input_dir, "-o", out_dir], capture_output=True,
                          text=True, env=env)


def pdf_text(pdf, layout=False):
    return subprocess.run(["pdftotext"] + (["-layout"] if layout else []) + [pdf, "-"],
                          capture_output=True, text=True, check=True).stdout


class Truncation(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="relazione-trunc-")
        self.input = os.path.join(self.tmp, "input")
        shutil.copytree(os.path.join(SOURCE, "input"), self.input)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_a_row_taller_than_a_page_prints_every_word(self):
        path = os.path.join(self.input, "schede.csv")
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        words = " ".join("parola%04d" % i for i in range(1, 2001))
        index = next(i for i, line in enumerate(lines)
                     if i > 0 and line.count(";") == 6 and line.split(";")[6].strip())
        cells = lines[index].split(";")
        cells[6] = words
        lines[index] = ";".join(cells)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        result = build(self.input, os.path.join(self.tmp, "out"))
        self.assertEqual(result.returncode, 0, result.stderr)
        pdf = os.path.join(self.tmp, "out", "relazione.pdf")
        found = re.findall(r"parola(\d{4})", pdf_text(pdf))
        self.assertEqual(sorted(set(found)), ["%04d" % i for i in range(1, 2001)])
        pages = [n for n in range(1, 60)
                 if "parola" in subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"],
                                               capture_output=True, text=True).stdout]
        self.assertGreaterEqual(len(pages), 2)
        for n in pages[1:]:   # the header repeated on each page the row goes on to
            text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"],
                                  capture_output=True, text=True).stdout
            self.assertIn("Preventivo", text)

    def test_a_table_wider_than_a_page_prints_every_column(self):
        header = "comune;" + ";".join(str(1990 + i) for i in range(1, 30))
        rows = ["Comune %d;" % r + ";".join(str(70000 + 100 * r + i) for i in range(1, 30))
                for r in range(1, 4)]
        with open(os.path.join(self.input, "tabelle", "larga.csv"), "w", encoding="utf-8") as f:
            f.write("\n".join([header] + rows) + "\n")
        result = build(self.input, os.path.join(self.tmp, "out"))
        self.assertEqual(result.returncode, 0, result.stderr)
        text = pdf_text(os.path.join(self.tmp, "out", "relazione.pdf"), layout=True)
        parts = re.findall(r"Tab\. (\d+): Larga \((segue, )?colonne (\d+)-(\d+) di 30\)", text)
        self.assertGreaterEqual(len(parts), 2)
        self.assertEqual(len({number for number, _, _, _ in parts}), 1, "one table, one number")
        self.assertEqual(int(parts[0][2]), 2)
        self.assertEqual(int(parts[-1][3]), 30)
        for (_, _, _, end), (_, segue, start, _) in zip(parts, parts[1:]):
            self.assertEqual(int(start), int(end) + 1)
            self.assertTrue(segue)
        for r in range(1, 4):
            for i in range(1, 30):
                self.assertIn("70.%03d" % (100 * r + i), text)   # Italian thousands
            self.assertEqual(text.count("Comune %d " % r), len(parts))

    def test_a_font_that_does_not_load_is_an_error(self):
        fonts = os.path.join(self.tmp, "fonts")
        os.mkdir(fonts)
        for path in glob.glob(os.path.join(FONT_DIR, "Liberation*.ttf")):
            shutil.copy(path, fonts)
        with open(os.path.join(fonts, "LiberationSans-Bold.ttf"), "wb") as f:
            f.write(b"not a font at all")
        env = dict(os.environ, RELAZIONE_FONT_DIR=fonts)
        result = build(self.input, os.path.join(self.tmp, "out"), env)
        self.assertNotEqual(result.returncode, 0)
        self.assertRegex(result.stderr, r"LiberationSans-Bold\.ttf.*\[E205\]")
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out", "relazione.pdf")))

    def test_a_missing_colour_profile_is_an_error(self):
        env = dict(os.environ, RELAZIONE_ICC_PROFILE=os.path.join(self.tmp, "none.icc"))
        result = build(self.input, os.path.join(self.tmp, "out"), env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("[E211]", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out", "relazione.pdf")))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
