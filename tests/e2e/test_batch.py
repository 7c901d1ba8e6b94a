#!/usr/bin/python3
"""relazione batch: one entity per sub-directory, each built as a single
build would build it, one failure stopping no other; the summary in CSV
and JSON in entity order; shards that partition the entities.

Usage: test_batch.py RELAZIONE SRCDIR
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
INPUT = os.path.join(SOURCE, "input")
GOOD = ["alfa", "beta", "delta", "epsilon"]


def run(*args):
    return subprocess.run([RELAZIONE, *args], capture_output=True, text=True)


def edit(path, old, new):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    assert old in text
    with open(path, "w", encoding="utf-8-sig") as f:
        f.write(text.replace(old, new, 1))


class Batch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-batch-")
        cls.root = os.path.join(cls.tmp, "enti")
        for name in GOOD + ["dati_errati", "totale_errato"]:
            shutil.copytree(INPUT, os.path.join(cls.root, name))
        edit(os.path.join(cls.root, "dati_errati", "schede.csv"), ";€ 148.520,00;", ";12.34;")
        edit(os.path.join(cls.root, "totale_errato", "schede.csv"),
             "TOTALE TUTELA MINORI;;€ 674.920,00", "TOTALE TUTELA MINORI;;€ 674.930,00")
        # not entities: a plain file, and directories beginning with '.' or '_'
        with open(os.path.join(cls.root, "leggimi.txt"), "w", encoding="utf-8") as f:
            f.write("non è un ente\n")
        os.makedirs(os.path.join(cls.root, "_modelli"))
        os.makedirs(os.path.join(cls.root, ".nascosta"))
        cls.out = os.path.join(cls.tmp, "out")
        cls.result = run("batch", cls.root, "-o", cls.out, "-j", "2")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_exit_status_is_the_most_serious(self):
        self.assertEqual(self.result.returncode, 65, self.result.stderr)

    def test_exit_status_findings_only_and_clean(self):
        for names, status in ((["alfa", "totale_errato"], 1), (["alfa", "beta"], 0)):
            root = os.path.join(self.tmp, "radice-" + str(status))
            for name in names:
                shutil.copytree(os.path.join(self.root, name), os.path.join(root, name))
            result = run("batch", root, "-o", os.path.join(self.tmp, "uscita-" + str(status)))
            self.assertEqual(result.returncode, status, result.stderr)

    def test_a_failure_to_write_stops_no_other_entity(self):
        root = os.path.join(self.tmp, "radice-scrittura")
        for name in ("alfa", "beta"):
            shutil.copytree(os.path.join(self.root, name), os.path.join(root, name))
        out = os.path.join(self.tmp, "uscita-scrittura")
        os.makedirs(out)
        with open(os.path.join(out, "alfa"), "w", encoding="utf-8") as f:
            f.write("un file dove andrebbe la cartella dell'ente\n")
        result = run("batch", root, "-o", out, "-j", "2")
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertTrue(os.path.exists(os.path.join(out, "beta", "relazione.pdf")))
        with open(os.path.join(out, "riepilogo.csv"), encoding="utf-8-sig") as f:
            rows = {r["ente"]: r for r in csv.DictReader(f, delimiter=";")}
        self.assertEqual((rows["alfa"]["esito"], rows["alfa"]["codice_uscita"]),
                         ("errore di scrittura", "73"))
        self.assertEqual(rows["beta"]["esito"], "ok")

    def test_progress_is_one_line_per_entity_when_not_a_terminal(self):
        lines = self.result.stderr.splitlines()
        entities = sorted(GOOD + ["dati_errati", "totale_errato"])
        self.assertEqual(sorted(line.split(":")[0] for line in lines[:-1]), entities)
        self.assertRegex(self.result.stderr, r"(?m)^alfa: ok, \d\d pagine, ")
        self.assertIn("totale_errato: da correggere, 1 verifica non quadra, ", self.result.stderr)
        self.assertTrue(lines[-1].startswith("relazione: 6 enti: 4 senza rilievi, 1 da correggere, "
                                             "1 con errori"), lines[-1])

    def test_each_good_entity_is_exactly_a_single_build(self):
        for name in GOOD:
            single = os.path.join(self.tmp, "single-" + name)
            self.assertEqual(run("build", os.path.join(self.root, name), "-o", single).returncode, 0)
            for output in ("relazione.pdf", "allegati.xlsx", "manifesto.json"):
                with open(os.path.join(self.out, name, output), "rb") as a, \
                     open(os.path.join(single, output), "rb") as b:
                    self.assertEqual(a.read(), b.read(), f"{name}/{output}")

    def test_failed_entities_have_no_outputs_and_a_log(self):
        for name in ("dati_errati", "totale_errato"):
            self.assertFalse(os.path.exists(os.path.join(self.out, name, "relazione.pdf")))
        with open(os.path.join(self.out, "_registro", "dati_errati.txt"), encoding="utf-8") as f:
            self.assertIn("[E101]", f.read())
        with open(os.path.join(self.out, "_registro", "totale_errato.txt"), encoding="utf-8") as f:
            self.assertIn("[R001]", f.read())

    def test_summary_in_entity_order(self):
        expected = sorted(GOOD + ["dati_errati", "totale_errato"])
        with open(os.path.join(self.out, "riepilogo.csv"), encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f, delimiter=";"))
        self.assertEqual([r["ente"] for r in rows], expected)
        outcome = {r["ente"]: (r["esito"], r["codice_uscita"], r["da_correggere"]) for r in rows}
        self.assertEqual(outcome["alfa"], ("ok", "0", "0"))
        self.assertEqual(outcome["dati_errati"], ("dati non validi", "65", "0"))
        self.assertEqual(outcome["totale_errato"], ("da correggere", "1", "1"))
        self.assertEqual(next(r for r in rows if r["ente"] == "dati_errati")["pagine"], "")
        self.assertEqual(next(r for r in rows if r["ente"] == "alfa")["pagine"],
                         subprocess.run(["pdfinfo", os.path.join(self.out, "alfa", "relazione.pdf")],
                                        capture_output=True, text=True).stdout
                         .split("Pages:")[1].split()[0])
        with open(os.path.join(self.out, "riepilogo.json"), encoding="utf-8") as f:
            summary = json.load(f)
        self.assertEqual(summary["enti"], len(expected))
        self.assertEqual([r["ente"] for r in summary["risultati"]], expected)
        self.assertEqual([r["codice_uscita"] for r in summary["risultati"]],
                         [int(r["codice_uscita"]) for r in rows])
        self.assertEqual([r["da_correggere"] for r in summary["risultati"]],
                         [int(r["da_correggere"]) for r in rows])
        self.assertEqual([r["esito"] for r in summary["risultati"]], [r["esito"] for r in rows])
        self.assertIsNone(summary["risultati"][expected.index("dati_errati")]["pagine"])

    def test_shards_partition_the_entities_stably(self):
        seen = []
        for shard in ("1/3", "2/3", "3/3"):
            names = []
            for attempt in range(2):
                out = os.path.join(self.tmp, f"shard-{shard.replace('/', '-')}-{attempt}")
                run("batch", self.root, "-o", out, "--shard", shard)
                with open(os.path.join(out, "riepilogo.csv"), encoding="utf-8-sig") as f:
                    names.append([r["ente"] for r in csv.DictReader(f, delimiter=";")])
            self.assertEqual(names[0], names[1], shard)
            seen.extend(names[0])
        self.assertEqual(sorted(seen), sorted(GOOD + ["dati_errati", "totale_errato"]))

    def test_bad_shard_and_jobs_are_usage_errors(self):
        for args in (["--shard", "0/3"], ["--shard", "4/3"], ["--shard", "tre"], ["--shard", "1/"],
                     ["--shard", "+1/3"], ["--shard", "1/3x"], ["--shard", "2/0"], ["--shard"],
                     ["-j", "0"]):
            result = run("batch", self.root, "-o", os.path.join(self.tmp, "x"), *args)
            self.assertEqual(result.returncode, 64, args)

    def test_an_entity_directory_as_root_is_refused(self):
        result = run("batch", os.path.join(self.root, "alfa"), "-o", os.path.join(self.tmp, "y"))
        self.assertEqual(result.returncode, 64, result.stderr)
        self.assertIn("metadati.ini", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "y")))

    def test_output_inside_the_root_is_refused(self):
        result = run("batch", self.root, "-o", os.path.join(self.root, "uscita"))
        self.assertEqual(result.returncode, 73)
        self.assertFalse(os.path.exists(os.path.join(self.root, "uscita", "riepilogo.csv")))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
