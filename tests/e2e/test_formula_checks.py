#!/usr/bin/python3
"""verifiche.csv from the outside: a failing verifica names the data cells
each side read (file:line:col, relative to the input directory), stays at
its `sinistra` cell, and dates are checked (their order, their equality).

The input is the worked example with rows added to verifiche.csv; each
expected place is found in the example's own files, not typed here.

Usage: test_formula_checks.py RELAZIONE SRCDIR
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
LINE = re.compile(r"^\./(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>errore|avviso): "
                  r"(?P<message>.*) \[(?P<code>[A-Z]\d+)\]$")


def place(directory, name, label, field):
    """'name:line:col' of field number `field` (0-based) of the line of
    `name` whose first field is `label`: the line's fields hold no quotes."""
    with open(os.path.join(directory, name), encoding="utf-8-sig", newline="") as f:
        for number, line in enumerate(f.read().split("\r\n"), start=1):
            fields = line.split(";")
            if fields[0] == label:
                col = 1 + sum(len(text) + 1 for text in fields[:field])
                return f"{name}:{number}:{col}"
    raise AssertionError(f"no line {label!r} in {name}")


def column_places(directory, name, field):
    """The places of field `field` over the lines of `name` that are no
    declared TOTALE (no field of theirs starts with TOTALE)."""
    places = []
    with open(os.path.join(directory, name), encoding="utf-8-sig", newline="") as f:
        for number, line in enumerate(f.read().split("\r\n")[1:], start=2):
            fields = line.split(";")
            if line and not any(text.startswith("TOTALE") for text in fields):
                places.append(f"{name}:{number}:{1 + sum(len(t) + 1 for t in fields[:field])}")
    return places


class FailingChecksNameTheirCells(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-verifiche-")
        cls.dir = os.path.join(cls.tmp, "input")
        shutil.copytree(os.path.join(SOURCE, "input"), cls.dir)
        path = os.path.join(cls.dir, "tabelle", "tutela_minori.csv")
        with open(path, encoding="utf-8-sig", newline="") as f:
            text = f.read()
        assert "Minori in carico al 31/12;398;405;412" in text
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            f.write(text.replace("Minori in carico al 31/12;398;405;412",
                                 "Minori in carico al 31/12;398;405;413"))
        rows = [
            ("Uscite delle schede = totale dei costi più un euro",
             "SOMMA(schede[consuntivo])", 'costi[""TOTALE USCITE""; N] + 1'),
            ("Spazio Famiglia: avvio prima della presentazione",
             'progetti[""Spazio Famiglia""; data_avvio] <= '
             'progetti[""Spazio Famiglia""; data_presentazione]', "1"),
            ("Spazio Famiglia: presentazione, avvio, fine in ordine",
             'progetti[""Spazio Famiglia""; data_presentazione] <= '
             'progetti[""Spazio Famiglia""; data_avvio] <= '
             'progetti[""Spazio Famiglia""; data_fine]', "1"),
            ("Spazio Famiglia: avvio il 2 giugno",
             'progetti[""Spazio Famiglia""; data_avvio]', "DATA(2023; 6; 2)"),
            ("Spazio Famiglia: avvio il 1° giugno",
             'progetti[""Spazio Famiglia""; data_avvio]', "DATA(2023; 6; 1)"),
            ("Una data contro un numero",
             'progetti[""Spazio Famiglia""; data_avvio]', "45000"),
        ]
        verifiche = os.path.join(cls.dir, "verifiche.csv")
        with open(verifiche, encoding="utf-8-sig", newline="") as f:
            cls.first_added = f.read().count("\r\n") + 1
        with open(verifiche, "a", encoding="utf-8", newline="") as f:
            for description, left, right in rows:
                f.write(f'{description};"{left}";"{right}";0\r\n')
        result = subprocess.run([RELAZIONE, "check", "."], cwd=cls.dir, capture_output=True,
                                text=True)
        cls.returncode = result.returncode
        cls.stderr = result.stderr
        cls.lines = [LINE.match(line) for line in result.stderr.splitlines()]

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def at(self, line):
        """The diagnostics at line `line` of verifiche.csv."""
        self.assertTrue(all(self.lines), self.stderr)
        return [m for m in self.lines if m["file"] == "verifiche.csv" and int(m["line"]) == line]

    def only(self, line, code):
        found = self.at(line)
        self.assertEqual([m["code"] for m in found], [code], self.stderr)
        return found[0]

    def test_exactly_the_failing_checks_are_reported(self):
        # 65: the verifica that cannot be checked is an error in the data
        self.assertEqual(self.returncode, 65, self.stderr)
        reported = sorted((int(m["line"]), m["code"]) for m in self.lines if m)
        first = self.first_added
        self.assertEqual(reported, [(3, "R004"), (first, "R004"), (first + 1, "R004"),
                                    (first + 3, "R004"), (first + 5, "E312")], self.stderr)

    def test_a_cross_table_identity_names_the_cell_of_each_side(self):
        finding = self.only(3, "R004")
        left = place(self.dir, "indicatori.csv", "Minori in carico al 31/12", 5)
        right = place(self.dir, "tabelle/tutela_minori.csv", "Minori in carico al 31/12", 3)
        self.assertIn(f"(celle lette: a sinistra {left}; a destra {right})", finding["message"])
        self.assertIn("sinistra 412, atteso 413", finding["message"])

    def test_a_sum_names_its_column_by_the_first_and_last_cell(self):
        finding = self.only(self.first_added, "R004")
        cells = column_places(self.dir, "schede.csv", 5)
        right = place(self.dir, "costi.csv", "TOTALE USCITE", 1)
        self.assertIn(f"a sinistra {cells[0]} … {cells[-1]} ({len(cells)} celle); "
                      f"a destra {right})", finding["message"])
        self.assertIn("differenza -€ 1,00", finding["message"])

    def test_a_date_order_names_both_dates_and_stays_at_sinistra(self):
        finding = self.only(self.first_added + 1, "R004")
        start = place(self.dir, "progetti.csv", "Spazio Famiglia", 9)
        submitted = place(self.dir, "progetti.csv", "Spazio Famiglia", 8)
        self.assertIn(f"a sinistra {submitted}, {start}; a destra nessuna cella",
                      finding["message"])
        with open(os.path.join(self.dir, "verifiche.csv"), encoding="utf-8-sig") as f:
            line = f.read().splitlines()[self.first_added]   # line first_added + 1
        self.assertEqual(int(finding["col"]), line.index(";") + 2)

    def test_dates_in_order_and_equal_dates_hold(self):
        self.assertEqual(self.at(self.first_added + 2), [], self.stderr)
        self.assertEqual(self.at(self.first_added + 4), [], self.stderr)

    def test_two_dates_differ_by_their_days(self):
        finding = self.only(self.first_added + 3, "R004")
        self.assertIn("(date: sinistra 01/06/2023, destra 02/06/2023; giorni tra l'una e "
                      "l'altra)", finding["message"])
        self.assertIn("giorni -1, atteso 0", finding["message"])

    def test_a_date_against_a_number_says_why_it_is_not_checked(self):
        error = self.only(self.first_added + 5, "E312")
        self.assertIn("la sinistra è una data e la destra un numero", error["message"])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
