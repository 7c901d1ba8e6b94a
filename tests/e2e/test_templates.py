#!/usr/bin/python3
"""Templates end to end: both defaults compile on the example; a section
and the whole template can be overridden from the input directory; a loop
makes one section per area with the right table; every figure quoted in
the narrative is the figure of its table; a wrong placeholder fails at
its place; a statutory item is stated or is a finding.

Usage: test_templates.py RELAZIONE SRCDIR
"""
import csv
import decimal
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
INPUT = os.path.join(SOURCE, "input")
D = decimal.Decimal


def italian(amount):
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{'-' if amount < 0 else ''}€ {'.'.join(groups)},{cents}"


def amount(text):
    text = text.replace("€", "").strip()
    if text in ("", "-"):
        return D(0)
    return D(text.replace(".", "").replace(",", "."))


class Templates(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="relazione-tpl-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def copy_input(self):
        target = os.path.join(self.tmp, "in")
        shutil.copytree(INPUT, target)
        return target

    def build(self, directory):
        out = os.path.join(self.tmp, "out")
        result = subprocess.run([RELAZIONE, "build", directory, "-o", out], capture_output=True,
                                text=True)
        pdf = os.path.join(out, "relazione.pdf")
        text = typed(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True,
                                    text=True).stdout) if result.returncode == 0 else ""
        return result, text

    def set_option(self, directory, key, value):
        path = os.path.join(directory, "metadati.ini")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(rf"^{key} = .*$", f"{key} = {value}", text, flags=re.M)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def test_both_default_templates_compile_the_example(self):
        directory = self.copy_input()
        result, text = self.build(directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        for heading in ("Premessa", "Andamento della gestione", "Rischi e incertezze",
                        "Evoluzione prevedibile della gestione", "Prospetto delle verifiche",
                        "Indice"):
            self.assertIn(heading, text)
        self.set_option(directory, "modello", "consuntivo")
        result, text = self.build(directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        for heading in ("Fondi istituzionali e di ambito", "Quadro istituzionale",
                        "Quadro operativo e personale", "Analisi della gestione",
                        "Schede preventivo/consuntivo", "Area progettazione"):
            self.assertIn(heading, text)
        self.assertNotIn("Rischi e incertezze", text)

    def test_a_section_overridden_from_the_input_replaces_the_default(self):
        directory = self.copy_input()
        os.mkdir(os.path.join(directory, "sezioni"))
        with open(os.path.join(directory, "sezioni", "attivita.tpl"), "w", encoding="utf-8") as f:
            f.write("Testo scritto dall'ente per l'esercizio {{ esercizio.anno }}.\n")
        result, text = self.build(directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Testo scritto dall'ente per l'esercizio 2024.", " ".join(text.split()))
        self.assertNotIn("gestisce per conto dei soci", text)
        self.assertIn("Andamento della gestione", text)   # the rest stays

    def test_the_whole_template_can_be_the_input_own(self):
        directory = self.copy_input()
        with open(os.path.join(directory, "modello.tpl"), "w", encoding="utf-8") as f:
            f.write("# Sintesi\nUscite {{ schede[consuntivo] | euro }}.\n")
        result, text = self.build(directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("1. Sintesi", text)
        self.assertNotIn("Premessa", text)

    def schedule_by_area(self):
        with open(os.path.join(INPUT, "schede.csv"), encoding="utf-8-sig") as f:
            rows = [r for r in csv.DictReader(f, delimiter=";")
                    if not r["voce"].upper().startswith("TOTALE")]
        areas = {}
        for row in rows:
            areas.setdefault(row["area"], []).append(row)
        return areas

    def test_the_loop_makes_one_section_per_area_with_its_own_table(self):
        directory = self.copy_input()
        result, text = self.build(directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        areas = self.schedule_by_area()
        # a table's first caption; "(segue)" repeats it atop a continuation page
        first = r"Tab\. \d+: Scheda preventivo/consuntivo – (?![^\n]*\(segue\))"
        captions = re.findall(first + r"(.+)", text)
        self.assertEqual(captions, list(areas))
        parts = re.split(first, text)[1:]
        for (area, rows), part in zip(areas.items(), parts):
            part = part.split("(ricalcolato)")[0]
            for row in rows:
                self.assertIn(row["voce"], " ".join(part.split()), area)
            mine = [r["voce"] for r in rows]
            others = [r["voce"] for a, rs in areas.items() if a != area for r in rs
                      if not any(v.startswith(r["voce"]) for v in mine)]
            for voce in others:
                self.assertNotIn(voce + " ", part.replace("\n", " "), area)
            total = sum(amount(r["consuntivo"]) for r in rows)
            self.assertIn(f"TOTALE {area} (ricalcolato)", " ".join(part.split()) + " " +
                          " ".join(text.split()))
            self.assertIn(italian(total), text)

    def test_every_figure_in_the_narrative_is_the_figure_of_its_table(self):
        directory = self.copy_input()
        result, text = self.build(directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        flat = " ".join(text.split())
        areas = self.schedule_by_area()
        spent = sum(amount(r["consuntivo"]) for rows in areas.values() for r in rows)
        said = re.search(r"le uscite sono state pari a (€ [\d.]+,\d\d)", flat)
        self.assertIsNotNone(said)
        self.assertEqual(amount(said[1]), spent)
        table_total = re.search(r"TOTALE Servizi generali \(ricalcolato\) € [\d.]+,\d\d "
                                r"(€ [\d.]+,\d\d)", flat)
        self.assertIsNotNone(table_total)
        sentences = re.findall(r"Le uscite dell'area sono state pari a (€ [\d.]+,\d\d)", flat)
        self.assertEqual(len(sentences), len(areas))
        for (area, rows), said_area in zip(areas.items(), sentences):
            table = re.search(rf"TOTALE {re.escape(area)} \(ricalcolato\) € [\d.]+,\d\d "
                              r"(€ [\d.]+,\d\d)", flat)
            self.assertEqual(said_area, table[1], area)
            self.assertEqual(amount(said_area), sum(amount(r["consuntivo"]) for r in rows), area)
        income = re.search(r"Le entrate dell'esercizio ammontano a (€ [\d.]+,\d\d)", flat)
        row = re.search(r"TOTALE ENTRATE (€ [\d.]+,\d\d)", flat)
        self.assertEqual(income[1], row[1])

    def test_an_unknown_placeholder_fails_at_its_place(self):
        directory = self.copy_input()
        os.mkdir(os.path.join(directory, "sezioni"))
        path = os.path.join(directory, "sezioni", "attivita.tpl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("Riga uno.\nL'ente {{ ente.nme }} opera.\n")
        result, _ = self.build(directory)
        self.assertEqual(result.returncode, 65)
        self.assertIn(f"{path}:2:11: errore: segnaposto sconosciuto «ente.nme» "
                      "(forse «ente.nome»?) [T003]", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out", "relazione.pdf")))

    def test_a_statutory_item_is_stated_or_is_a_finding(self):
        directory = self.copy_input()
        result, text = self.build(directory)
        self.assertIn("Non applicabile: l'Azienda non svolge attività di ricerca e sviluppo.",
                      " ".join(text.split()))
        os.remove(os.path.join(directory, "testi", "rischi.md"))
        result, _ = self.build(directory)
        self.assertEqual(result.returncode, 1)
        # at the file to write, never at a line of the shipped template
        self.assertIn(os.path.join(directory, "testi", "rischi.md") + ": errore: manca "
                      "un'informazione richiesta dalla legge: principali rischi", result.stderr)
        self.assertIn("scrivere testi/rischi.md: questa voce non può essere dichiarata non "
                      "applicabile [R013]", result.stderr)
        self.assertNotIn("gestione.tpl", result.stderr)

    def write_rischi(self, directory, text):
        with open(os.path.join(directory, "testi", "rischi.md"), "w", encoding="utf-8") as f:
            f.write(text)

    def test_the_sub_headings_of_a_narrative_are_siblings(self):
        # "##" is one level below the section the text is printed in, every
        # time: not below the narrative's own previous "##" (seed 003's
        # Andamento della gestione has four sub-sections in a row).
        directory = self.copy_input()
        self.write_rischi(directory, "## Primo\n\nUno.\n\n## Secondo\n\nDue.\n\n### Terzo\n\n"
                                     "Tre.\n\n## Quarto\n\nQuattro.\n")
        result, text = self.build(directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        chapter = re.findall(r"^(\d+)\. Rischi e incertezze$", text, re.M)[-1]
        for number, title in (("1", "Primo"), ("2", "Secondo"), ("2.1", "Terzo"),
                              ("3", "Quarto")):
            heading = f"{chapter}.{number} {title}"
            self.assertIn(heading, text.replace("\f", "").splitlines())

    def test_a_table_placed_by_its_narrative_and_its_sidecar_prints_once(self):
        # The narrative's {% tabella %} line places the table; the sidecar's
        # `dopo` naming the same narrative must not print it a second time.
        directory = self.copy_input()
        tables = os.path.join(directory, "tabelle")
        with open(os.path.join(tables, "prova.csv"), "w", encoding="utf-8") as f:
            f.write("Voce;Utenti\nUno;3\nDue;4\n")
        with open(os.path.join(tables, "prova.ini"), "w", encoding="utf-8") as f:
            f.write("[tabella]\ntitolo = Tabella di prova\ndopo = rischi\ngrafico = nessuno\n")
        self.write_rischi(directory, "Prima della tabella.\n\n{% tabella prova %}\n\nDopo.\n")
        result, text = self.build(directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(len(re.findall(r"Tab\. \d+: Tabella di prova", text)), 1)
        flat = " ".join(text.split())
        self.assertIsNotNone(re.search(r"Prima della tabella\. Tab\. \d+: Tabella di prova "
                                       r"Voce Utenti Uno 3 Due 4 Dopo\.", flat))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
