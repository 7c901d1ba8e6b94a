#!/usr/bin/python3
"""Every character of a name prints and comes back from pdftotext exactly;
a character the fonts lack is an error at its cell, and nothing is written.

The example is built with two board members and the director renamed to
names outside Windows-1252 (Romanian, Polish, Hungarian, Turkish); every
font of the PDF must then carry what text extraction needs (the WinAnsi
encoding with no /Differences, or a ToUnicode map poppler accepts).

Usage: test_pdf_characters.py RELAZIONE SRCDIR
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
NAMES = ["Ionuț Wałęsa", "Ödön Şahin"]


def replace_in(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))


def build(input_dir, out_dir):
    return subprocess.run([RELAZIONE, "build", input_dir, "-o", out_dir],
                          capture_output=True, text=True)


def fonts_of(pdf):
    """pdffonts rows as (name, type, encoding, uni)."""
    lines = subprocess.run(["pdffonts", pdf], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    rows = []
    for line in lines:
        match = re.match(r"(\S+)\s+(TrueType|CID TrueType)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+"
                         r"(yes|no)", line)
        assert match, line
        rows.append((match[1], match[2], match[3], match[6]))
    return rows


class Characters(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-chars-")
        cls.input = os.path.join(cls.tmp, "input")
        shutil.copytree(os.path.join(SOURCE, "input"), cls.input)
        organi = os.path.join(cls.input, "organi.csv")
        replace_in(organi, "Giovanni Brambilla", NAMES[0])
        replace_in(organi, "Elena Sala", NAMES[1])
        replace_in(os.path.join(cls.input, "metadati.ini"), "direttore = Luca Ferrario",
                   "direttore = " + NAMES[0])
        cls.out = os.path.join(cls.tmp, "out")
        cls.result = build(cls.input, cls.out)
        cls.pdf = os.path.join(cls.out, "relazione.pdf")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_names_come_back_exactly(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        extracted = subprocess.run(["pdftotext", self.pdf, "-"], capture_output=True,
                                   text=True, check=True)
        lines = [line.strip() for line in extracted.stdout.splitlines()]
        for name in NAMES:
            self.assertIn(name, lines)
        self.assertEqual(extracted.stderr, "", "poppler warned about a font map")

    def test_every_font_carries_what_extraction_needs(self):
        rows = fonts_of(self.pdf)
        self.assertTrue(any(kind == "CID TrueType" for _, kind, _, _ in rows))
        for name, kind, encoding, uni in rows:
            with self.subTest(font=name, kind=kind):
                if kind == "TrueType":
                    self.assertEqual(encoding, "WinAnsi")
                else:
                    self.assertEqual((encoding, uni), ("Identity-H", "yes"))
        with open(self.pdf, "rb") as f:
            self.assertNotIn(b"/Differences", f.read())

    def test_wide_fonts_only_when_needed(self):
        out = os.path.join(self.tmp, "plain")
        result = build(os.path.join(SOURCE, "input"), out)
        self.assertEqual(result.returncode, 0, result.stderr)
        kinds = {kind for _, kind, _, _ in fonts_of(os.path.join(out, "relazione.pdf"))}
        self.assertEqual(kinds, {"TrueType"})

    def test_unprintable_character_is_an_error_at_its_cell(self):
        bad = os.path.join(self.tmp, "bad")
        shutil.copytree(self.input, bad)
        replace_in(os.path.join(bad, "organi.csv"), "Dott. Paolo Villa", "Dott. Paolo Villa 😀")
        with open(os.path.join(bad, "testi", "premessa.md"), "a", encoding="utf-8") as f:
            f.write("\nFine ☃ del testo.\n")
        with open(os.path.join(bad, "testi", "premessa.md"), encoding="utf-8") as f:
            snow_line = f.read().splitlines().index("Fine ☃ del testo.") + 1
        out = os.path.join(self.tmp, "bad-out")
        result = build(bad, out)
        self.assertEqual(result.returncode, 65, result.stderr)
        self.assertRegex(result.stderr, r"organi\.csv:6:\d+: errore: il carattere «😀» "
                                        r"\(U\+1F600\).*\[E210\]")
        self.assertRegex(result.stderr, r"premessa\.md:%d:6: errore: il carattere «☃» "
                                        r"\(U\+2603\).*\[E210\]" % snow_line)
        self.assertFalse(os.path.exists(os.path.join(out, "relazione.pdf")))
        checked = subprocess.run([RELAZIONE, "check", bad], capture_output=True, text=True)
        self.assertEqual(checked.returncode, 65)
        self.assertIn("[E210]", checked.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
