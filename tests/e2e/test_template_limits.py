#!/usr/bin/python3
"""The template stage never drops a part in silence and does bounded,
linear work (issue 19): every free table is laid out, however many; an
empty template is an error; nested loops have a bound on their product; a
paragraph of 5 MB costs memory in proportion to its size.

Usage: test_template_limits.py RELAZIONE SRCDIR
"""
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import unittest

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
INPUT = os.path.join(SOURCE, "input")


def pdf_text(path):
    return subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True,
                          check=True).stdout


class TemplateLimits(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="relazione-tpl-limits-")
        self.dir = os.path.join(self.tmp, "in")
        self.out = os.path.join(self.tmp, "out")
        shutil.copytree(INPUT, self.dir)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def run_cli(self, *args):
        return subprocess.run([RELAZIONE, *args], capture_output=True, text=True)

    def build(self):
        return self.run_cli("build", self.dir, "-o", self.out)

    def test_more_than_1000_free_tables_are_all_laid_out(self):
        for i in range(1001):
            self.write(f"tabelle/t{i:04d}.csv", f"voce;2023;2024\nutenti;{i};{i + 1}\n")
        result = self.build()
        self.assertEqual(result.returncode, 0, result.stderr[-2000:])
        text = pdf_text(os.path.join(self.out, "relazione.pdf"))
        for i in (0, 999, 1000):
            self.assertTrue(re.search(rf"Tab\. \d+: T{i:04d}\n", text), f"table t{i:04d}")
        captions = [line for line in text.splitlines()
                    if line.startswith("Tab. ") and line[-5] == "T" and line[-4:].isdigit()]
        self.assertEqual(len(captions), 1001)

    def test_an_empty_template_is_an_error(self):
        for content in ("", "\n\n   \n"):
            path = self.write("modello.tpl", content)
            result = self.build()
            self.assertEqual(result.returncode, 65, result.stderr)
            self.assertIn(f"{path}: errore: modello vuoto", result.stderr)
            self.assertIn("[T009]", result.stderr)
            self.assertFalse(os.path.exists(self.out))

    def test_an_empty_section_override_removes_only_that_section(self):
        self.write("sezioni/attivita.tpl", "")
        result = self.build()
        self.assertEqual(result.returncode, 0, result.stderr)
        text = " ".join(pdf_text(os.path.join(self.out, "relazione.pdf")).split())
        self.assertNotIn("gestisce per conto dei soci", text)
        self.assertIn("Andamento della gestione", text)

    def nested_loops(self, depth, values):
        self.write("tabelle/valori.csv", "voce;2024\n" +
                   "".join(f"v{i};{i}\n" for i in range(values)))
        opening = "".join(f"{{% per x{d} in valori.voce %}}\n" for d in range(depth))
        self.write("modello.tpl", "# Cicli\n" + opening + "- {{ x0 }}\n" +
                   "{% fine %}\n" * depth)

    def test_nested_loops_have_a_bound_on_their_product(self):
        self.nested_loops(2, 100)             # 10.000 repetitions: the limit
        result = self.run_cli("check", self.dir)
        self.assertEqual(result.returncode, 0, result.stderr[-500:])
        self.nested_loops(8, 4)               # 65.536: the 7th loop passes 10.000
        result = self.build()
        self.assertEqual(result.returncode, 65, result.stderr[-500:])
        model = os.path.join(self.dir, "modello.tpl")
        self.assertIn(f"{model}:8:4: errore: cicli annidati: il contenuto si ripeterebbe "
                      "4096 × 4 volte, oltre il limite di 10000 [T006]", result.stderr)
        self.assertEqual(result.stderr.count("[T006]"), 1)
        self.assertFalse(os.path.exists(self.out))

    def test_a_chart_of_a_column_the_table_lacks_is_an_error(self):
        self.write("sezioni/attivita.tpl",
                   "{% grafico costi tipo=barre colonne=2024,2042 %}\n")
        result = self.build()
        self.assertEqual(result.returncode, 65, result.stderr)
        self.assertIn("attivita.tpl:1:4: errore: la tabella «costi» non ha la colonna «2042» "
                      "[T003]", result.stderr)

    def test_an_indice_entry_too_long_for_one_line_is_printed_whole(self):
        """It printed its first line only; now every line, the page number
        on the last, the whole entry one link."""
        title = ("Rapporti con le imprese controllate, collegate, controllanti e sottoposte al "
                 "controllo di queste ultime, e con gli enti pubblici soci che esercitano il "
                 "controllo analogo ULTIMAPAROLA")
        headings = [f"Capitolo {i}" for i in range(1, 60)] + [title]
        self.write("modello.tpl", "{% indice %}\n" +
                   "".join(f"# {h}\nTesto.\n\n" for h in headings))
        result = self.build()
        self.assertEqual(result.returncode, 0, result.stderr)
        pdf = os.path.join(self.out, "relazione.pdf")
        indice = subprocess.run(["pdftotext", "-raw", "-f", "2", "-l", "3", pdf, "-"],
                                capture_output=True, text=True, check=True).stdout
        self.assertIn(" ".join(title.split()[-6:]), " ".join(indice.split()))
        self.assertRegex(" ".join(indice.split()), r"ULTIMAPAROLA[ .]+\d+ ")
        qdf = os.path.join(self.tmp, "qdf.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=True)
        with open(qdf, "rb") as f:
            links = len(re.findall(rb"/Subtype /Link", f.read()))
        self.assertEqual(links, len(headings))

    def test_a_paragraph_of_5_mb_costs_memory_in_proportion(self):
        """1.524 lines of 3,5 kB, one paragraph: 4 GB and 26 s before (each
        line re-copied the paragraph so far), now about 130 MB."""
        random.seed(7)
        words = ["gestione", "servizio", "assistenza", "comune", "famiglia", "minori",
                 "sociale", "attività", "progetto", "risorse"]
        lines, size = [], 0
        while size < 5 * 1024 * 1024:
            line = " ".join(random.choice(words) for _ in range(400))
            lines.append(line)
            size += len(line) + 1
        lines[0] = "PRIMAPAROLA " + lines[0]
        lines[-1] += " ULTIMAPAROLA"
        self.write("testi/premessa.md", "\n".join(lines) + "\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result = self.build()
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        self.assertEqual(result.returncode, 0, result.stderr[-500:])
        self.assertGreater(peak_kib, before)   # this child set the peak
        self.assertLess(peak_kib, 600 * 1024, "peak RSS of the build")
        text = pdf_text(os.path.join(self.out, "relazione.pdf"))
        self.assertIn("PRIMAPAROLA", text)
        self.assertIn("ULTIMAPAROLA", text)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
