#!/usr/bin/python3
"""Italian typography in the PDF of the example:

- justified text is hyphenated (libhyphen, Debian's hyphen-it): lines end
  in a hyphen, each split word is a word of the narratives, and the word
  gaps of justified lines are tighter than in the same build without
  hyphenation (an empty pattern file) — measured on pdftotext's word boxes;
- apostrophes and quotes are typographic (dell’esercizio), parentheses
  inside parentheses become brackets, no line starts with a dash;
- missing patterns are the error E212, and nothing is published.

Run as `test_pdf_typography.py --gaps FILE.pdf` it prints the word-gap
figures of a PDF.

Usage: test_pdf_typography.py RELAZIONE SRCDIR
"""
import glob
import html
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import unittest

RIGHT_MARGIN = 595.276 - 70.87
LEFT_MARGIN = 70.87


def build(relazione, input_dir, out, env=None):
    return subprocess.run([relazione, "build", input_dir, "-o", out], capture_output=True,
                          text=True, env=env)


def body_gaps(pdf):
    """The gaps between words (points) of every justified line of body text
    (from the left margin to the right one, 11-point type), and the number
    of such lines."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    gaps, lines = [], 0
    for line in re.findall(r"<line[^>]*>(.*?)</line>", xml, re.S):
        words = [tuple(float(v) for v in w) for w in
                 re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                            r'yMax="([\d.]+)"', line)]
        if len(words) < 4 or abs(words[0][0] - LEFT_MARGIN) > 1.0 \
                or abs(words[-1][2] - RIGHT_MARGIN) > 1.0 or ">.</word>" in line:
            continue                           # not justified, or the Indice's dot leaders
        height = words[0][3] - words[0][1]
        if not 10.0 < height < 14.0:          # body text, not a table or a caption
            continue
        lines += 1
        gaps += [b[0] - a[2] for a, b in zip(words, words[1:])]
    return gaps, lines


def gap_figures(pdf):
    gaps, lines = body_gaps(pdf)
    gaps.sort()
    return {"lines": lines, "median": statistics.median(gaps),
            "p95": gaps[int(0.95 * (len(gaps) - 1))], "max": gaps[-1]}


def raw_lines(pdf):
    text = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    return [html.unescape(line) for line in text.split("\n")]


class Typography(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-typo-")
        cls.input = os.path.join(SOURCE, "input")
        result = build(RELAZIONE, cls.input, os.path.join(cls.tmp, "out"))
        assert result.returncode == 0, result.stderr
        cls.pdf = os.path.join(cls.tmp, "out", "relazione.pdf")
        cls.lines = raw_lines(cls.pdf)
        narratives = ""
        for path in glob.glob(os.path.join(cls.input, "testi", "*.md")) \
                + glob.glob(os.path.join(SOURCE, "templates", "*.tpl")):
            with open(path, encoding="utf-8") as f:
                narratives += f.read() + "\n"
        cls.narratives = narratives

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_line_ends_are_hyphenated_inside_words(self):
        split = []
        for line, after in zip(self.lines, self.lines[1:]):
            head = re.search(r"([A-Za-zÀ-ÿ]+)-$", line)
            tail = re.match(r"([a-zàèéìòù]+)", after)
            if head and tail:
                split.append((head[1] + tail[1]).lower())
        self.assertGreaterEqual(len(split), 5, split)
        words = set(re.findall(r"[a-zàèéìòù]+", self.narratives.lower()))
        for word in split:
            self.assertIn(word, words)

    def test_word_gaps_are_tighter_than_without_hyphenation(self):
        empty = os.path.join(self.tmp, "nessuna.dic")
        with open(empty, "w", encoding="utf-8") as f:
            f.write("UTF-8\n")
        out = os.path.join(self.tmp, "senza")
        env = dict(os.environ, RELAZIONE_HYPHEN_DICT=empty)
        result = build(RELAZIONE, self.input, out, env)
        self.assertEqual(result.returncode, 0, result.stderr)
        without = gap_figures(os.path.join(out, "relazione.pdf"))
        self.assertFalse(any(re.search(r"[a-zàèéìòù]-$", line)
                             for line in raw_lines(os.path.join(out, "relazione.pdf"))))
        with_hyphens = gap_figures(self.pdf)
        print("word gaps without hyphenation %s, with %s" % (without, with_hyphens))
        self.assertGreater(with_hyphens["lines"], 50)
        self.assertLess(with_hyphens["p95"], without["p95"])
        self.assertLess(with_hyphens["max"], without["max"])
        self.assertLess(with_hyphens["max"], 2.5 * with_hyphens["median"])

    def test_apostrophes_and_quotes(self):
        text = "\n".join(self.lines)
        self.assertIn("dell’esercizio", text)
        body = [line for line in self.lines if "dell'" in line or "all'" in line]
        self.assertEqual(body, [])

    def test_no_nested_parentheses_and_no_line_opening_with_a_dash(self):
        text = " ".join(self.lines)
        self.assertIn("(Azienda speciale consortile [art. 114 D.Lgs. 267/2000])", text)
        self.assertFalse(re.search(r"\([^()]*\(", text), "nested parentheses")
        self.assertEqual([line for line in self.lines if re.match(r"[–—-] ", line)], [])

    def test_missing_patterns_are_an_error(self):
        out = os.path.join(self.tmp, "e212")
        env = dict(os.environ, RELAZIONE_HYPHEN_DICT=os.path.join(self.tmp, "manca.dic"))
        result = build(RELAZIONE, self.input, out, env)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("[E212]", result.stderr)
        self.assertIn("hyphen-it", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(out, "relazione.pdf")))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--gaps":
        print(gap_figures(sys.argv[2]))
        sys.exit(0)
    RELAZIONE = os.path.abspath(sys.argv[1])
    SOURCE = os.path.abspath(sys.argv[2])
    unittest.main(argv=sys.argv[:1], verbosity=2)
