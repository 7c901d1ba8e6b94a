#!/usr/bin/python3
"""Golden reconciliation cases: every planted error found, located and
classified; a consistent directory gives no finding at all.

Usage: test_golden.py RELAZIONE GOLDEN_DIR
"""
import collections
import os
import re
import subprocess
import sys
import tempfile
import unittest

RELAZIONE = os.path.abspath(sys.argv[1])
GOLDEN = os.path.abspath(sys.argv[2])
LINE = re.compile(r"^\./(?P<where>[^:]+:\d+:\d+): (?P<severity>errore|avviso): .*\[(?P<code>[A-Z]\d+)\]$")


def cases():
    return sorted(d for d in os.listdir(GOLDEN)
                  if os.path.isfile(os.path.join(GOLDEN, d, "expected.txt")))


def run(case, *args):
    return subprocess.run([RELAZIONE, *args], cwd=os.path.join(GOLDEN, case, "input"),
                          capture_output=True, text=True)


def findings(stderr):
    found = []
    for line in stderr.splitlines():
        match = LINE.match(line)
        if match is None:
            raise AssertionError(f"unexpected output line: {line}")
        found.append(f"{match['code']} {match['severity']} {match['where']}")
    return found


class Golden(unittest.TestCase):
    def test_every_case_reports_exactly_its_findings(self):
        self.assertGreaterEqual(len(cases()), 7)
        for case in cases():
            with self.subTest(case=case):
                with open(os.path.join(GOLDEN, case, "expected.txt")) as f:
                    expected = [line.strip() for line in f if line.strip()]
                result = run(case, "check", ".")
                self.assertGreaterEqual(result.returncode, 0, result.stderr)
                got = findings(result.stderr)
                self.assertEqual(collections.Counter(got), collections.Counter(expected),
                                 result.stderr)
                errors = any(" errore " in line for line in expected)
                self.assertEqual(result.returncode, 1 if errors else 0, result.stderr)

    def test_messages_name_both_figures_and_the_difference(self):
        result = run("total_digit_changed", "check", ".")
        self.assertIn("dichiarato € 674.930,00, atteso € 674.920,00 (somma di 4 righe): "
                      "differenza +€ 10,00", result.stderr)
        result = run("line_moved", "check", ".")
        self.assertIn("differenza +€ 6.500,00; la stessa differenza si ripete in "
                      "centri_di_costo.csv:5:36 (vedi anche)", result.stderr)
        result = run("rounding_one_euro", "check", ".")
        self.assertIn("differenza di arrotondamento +€ 1,00", result.stderr)

    def test_findings_stop_a_final_build_and_a_draft_goes_on(self):
        with tempfile.TemporaryDirectory() as tmp:
            final = os.path.join(tmp, "final")
            result = run("total_digit_changed", "build", ".", "-o", final)
            self.assertEqual(result.returncode, 1)
            self.assertEqual(os.listdir(final) if os.path.isdir(final) else [], [])
            draft = os.path.join(tmp, "draft")
            result = run("total_digit_changed", "build", ".", "-o", draft, "--bozza")
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertEqual(sorted(os.listdir(draft)),
                             ["allegati.xlsx", "manifesto.json", "relazione.pdf"])
            pdf = os.path.join(draft, "relazione.pdf")
            pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
                ["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout)[1])
            for page in range(1, pages + 1):
                text = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), pdf, "-"],
                                      capture_output=True, text=True, check=True).stdout
                # the mark is diagonal: its letters come out one a line
                self.assertIn("BOZZA", "".join(text.split()), f"page {page}")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
