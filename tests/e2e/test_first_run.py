#!/usr/bin/python3
"""The first run works (issue 17): `init` writes a skeleton that `check`
passes with warnings only and `build --bozza` builds, for either default
template and any year; a final build refuses it until every [DA COMPILARE]
is replaced; a first-year entity builds with no prior-year column; the
default templates degrade when optional data are absent, and say where;
the statutory guard holds; a draft shows what is missing and lists the
failed checks first.

Usage: test_first_run.py RELAZIONE SRCDIR
"""
import csv
import io
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pdftext import typed

import openpyxl

RELAZIONE = os.path.abspath(sys.argv[1])
SOURCE = os.path.abspath(sys.argv[2])
INPUT = os.path.join(SOURCE, "input")
TEMPLATES = os.path.join(SOURCE, "templates")
MARKER = "[DA COMPILARE]"


def run(*args):
    return subprocess.run([RELAZIONE, *args], capture_output=True, text=True)


def diagnostics(result):
    return [line for line in result.stderr.splitlines()
            if re.search(r": (errore|avviso|nota): ", line)]


def errors(result):
    return [line for line in diagnostics(result) if ": errore: " in line]


def pdf_text(path):
    text = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(typed(text).split())


def set_key(directory, key, value):
    path = os.path.join(directory, "metadati.ini")
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    text, count = re.subn(rf"^{key} = .*$", f"{key} = {value}", text, flags=re.M)
    if count == 0:
        section = {"primo_esercizio": "esercizio", "cooperativa": "ente"}.get(key, "opzioni")
        text = text.replace(f"[{section}]\n", f"[{section}]\n{key} = {value}\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


class Skeleton(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="relazione-first-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def init(self, *year):
        directory = tempfile.mkdtemp(dir=self.tmp)
        result = run("init", directory, *year)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("LEGGIMI.txt", result.stderr)
        return directory

    def year_of(self, directory):
        with open(os.path.join(directory, "metadati.ini"), encoding="utf-8") as f:
            return int(re.search(r"^anno = (\d{4})$", f.read(), re.M)[1])

    def check_and_draft(self, directory, year):
        result = run("check", directory)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(errors(result), [])
        self.assertTrue(any("[R030]" in line for line in diagnostics(result)))
        out = os.path.join(self.tmp, "bozza")
        result = run("build", directory, "-o", out, "--bozza")
        self.assertEqual(result.returncode, 0, result.stderr)
        text = pdf_text(os.path.join(out, "relazione.pdf"))
        self.assertIn("BOZZA", text.replace(" ", ""))   # the watermark, letter by letter
        self.assertIn(MARKER, text)
        self.assertIn(f"Esercizio {year}", text)
        book = openpyxl.load_workbook(os.path.join(out, "allegati.xlsx"))
        self.assertGreater(len(book.sheetnames), 1)
        shutil.rmtree(out)
        return text

    def assert_final_build_refused(self, directory):
        out = os.path.join(self.tmp, "definitiva")
        result = run("build", directory, "-o", out)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertTrue(all("[R030]" in line for line in errors(result)), result.stderr)
        self.assertIn("testi/premessa.md:1:2: errore:", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_both_templates_with_and_without_a_year(self):
        for year in ([], ["--anno", "2024"], ["--anno", "2031"]):
            for model in ("gestione", "consuntivo"):
                with self.subTest(year=year, model=model):
                    directory = self.init(*year)
                    expected = int(year[1]) if year else self.year_of(directory)
                    self.assertEqual(self.year_of(directory), expected)
                    set_key(directory, "modello", model)
                    text = self.check_and_draft(directory, expected)
                    if model == "gestione":
                        self.assertIn(f"sul {expected - 1}", text)   # comparisons are there
                        self.assertIn("Rischi e incertezze", text)
                    else:
                        self.assertIn("Quadro operativo e personale", text)
                    self.assert_final_build_refused(directory)

    def test_every_narrative_the_templates_ask_for_is_stubbed(self):
        directory = self.init("--anno", "2024")
        asked = set()
        for name in ("gestione.tpl", "consuntivo.tpl"):
            with open(os.path.join(TEMPLATES, name), encoding="utf-8") as f:
                asked |= set(re.findall(r"\{% testo (\w+) %\}", f.read()))
        asked.discard("area")   # one per area of the sample schedules
        asked |= {"area_minori_e_famiglia", "area_disabilita"}
        with open(os.path.join(directory, "non_applicabile.csv"), encoding="utf-8-sig") as f:
            declared = {row["voce"] for row in csv.DictReader(f, delimiter=";")}
        self.assertEqual(declared, {"art2428_c3_n1", "art2428_c3_n2", "art2428_c3_n3_n4",
                                    "art2428_c4"})
        asked -= {"ricerca_sviluppo", "rapporti_gruppo", "azioni_proprie", "sedi_secondarie"}
        written = {os.path.basename(p)[:-3] for p in glob.glob(os.path.join(directory, "testi",
                                                                            "*.md"))}
        self.assertEqual(written, asked)
        for name in written:
            with open(os.path.join(directory, "testi", name + ".md"), encoding="utf-8") as f:
                self.assertTrue(f.read().startswith(f"*{MARKER}* Scrivere qui"), name)
        with open(os.path.join(directory, "testi", "rischi.md"), encoding="utf-8") as f:
            self.assertIn("principali rischi e incertezze (art. 2428, comma 1)", f.read())
        with open(os.path.join(directory, "LEGGIMI.txt"), encoding="utf-8") as f:
            guide = f.read()
        self.assertIn("schede.csv", guide)
        self.assertIn("testi/rischi.md: principali rischi", guide)

    def test_the_skeleton_once_written_builds_as_a_final_report(self):
        """Replacing every marker is all a final build needs: nothing else
        in the skeleton is a finding."""
        directory = self.init("--anno", "2024")
        for path in glob.glob(os.path.join(directory, "**", "*.*"), recursive=True):
            with open(path, encoding="utf-8-sig") as f:
                text = f.read()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text.replace(MARKER + " ", "").replace("*" + MARKER + "* ", ""))
        out = os.path.join(self.tmp, "out")
        result = run("build", directory, "-o", out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(errors(result), [])
        self.assertNotIn(MARKER, pdf_text(os.path.join(out, "relazione.pdf")))

    def test_a_cooperative_skeleton_asks_for_articles_2545_and_2528(self):
        directory = self.init("--anno", "2024")
        set_key(directory, "cooperativa", "sì")
        text = self.check_and_draft(directory, 2024)
        self.assertIn("Ammissione di nuovi soci", text)
        self.assertIn("Criteri seguiti per il conseguimento dello scopo mutualistico", text)


class FirstYear(unittest.TestCase):
    """The example with every prior-year column deleted."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="relazione-first-year-")
        self.dir = os.path.join(self.tmp, "in")
        shutil.copytree(INPUT, self.dir)
        for path in glob.glob(os.path.join(self.dir, "*.csv")) + \
                glob.glob(os.path.join(self.dir, "tabelle", "*.csv")):
            with open(path, encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f, delimiter=";"))
            keep = [i for i, label in enumerate(rows[0])
                    if not re.search(r"(19|20)\d\d", label) or "2024" in label]
            with open(path, "w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
                for row in rows:
                    writer.writerow([row[i] for i in keep if i < len(row)])

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_without_saying_so_the_missing_columns_are_errors_that_say_what_to_do(self):
        result = run("check", self.dir)
        self.assertEqual(result.returncode, 65, result.stderr)
        self.assertIn(os.path.join(self.dir, "fondi.csv") + ":1: errore: manca la colonna "
                      "dell'anno 2023", result.stderr)
        self.assertIn("primo_esercizio = sì", result.stderr)

    def test_a_first_year_entity_checks_and_builds(self):
        set_key(self.dir, "primo_esercizio", "sì")
        result = run("check", self.dir)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(diagnostics(result), [])
        for draft in (["--bozza"], []):
            out = os.path.join(self.tmp, "out")
            result = run("build", self.dir, "-o", out, *draft)
            self.assertEqual(result.returncode, 0, result.stderr)
            text = pdf_text(os.path.join(out, "relazione.pdf"))
            self.assertIn("Principali dati patrimoniali e finanziari", text)
            self.assertNotIn("sul 2023", text)            # no comparison in the key figures
            self.assertNotIn("Var. %", text)              # nor in the tables
            self.assertNotIn("Nell'esercizio precedente erano state", text)
            book = openpyxl.load_workbook(os.path.join(out, "allegati.xlsx"))
            self.assertGreater(len(book.sheetnames), 1)
            shutil.rmtree(out)


class Degrade(unittest.TestCase):
    """Optional data absent: the default templates leave the part out and
    name the user's file, never a line of their own."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="relazione-degrade-")
        self.dir = os.path.join(self.tmp, "in")
        shutil.copytree(INPUT, self.dir)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def rewrite(self, name, change):
        path = os.path.join(self.dir, name)
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(change(text))

    def assert_no_template_line(self, result):
        self.assertNotRegex(result.stderr, r"templates/\w+\.tpl")

    def test_no_totale_row(self):
        self.rewrite("entrate.csv", lambda t: re.sub(r"^TOTALE ENTRATE.*\n", "", t, flags=re.M))
        # the user's own formula named the row too: theirs to change
        self.rewrite("indicatori_calcolati.csv",
                     lambda t: t.replace('entrate[""TOTALE ENTRATE""; N]', "entrate[N]"))
        result = run("check", self.dir)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assert_no_template_line(result)

    def test_no_prior_year_in_a_table_that_may_lack_it(self):
        self.rewrite("costi.csv", lambda t: re.sub(r";[^;\n]*$", "", t, flags=re.M))
        result = run("check", self.dir)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assert_no_template_line(result)
        warning = [line for line in result.stderr.splitlines() if line.startswith(
            os.path.join(self.dir, "costi.csv") + ": avviso: la tabella «costi» non ha la "
            "colonna")]
        self.assertEqual(len(warning), 1, result.stderr)
        self.assertIn("«2023»: la relazione omette il confronto con l'esercizio precedente "
                      "della cifra chiave «Uscite»", warning[0])
        self.assertTrue(warning[0].endswith("aggiungere la colonna per mostrarlo [R032]"))

    def test_no_row_a_key_figure_names(self):
        self.rewrite("stato_patrimoniale.csv",
                     lambda t: t.replace("disponibilita_liquide;Disponibilità liquide;",
                                         "altre_attivita_finanziarie_correnti;Liquidità;"))
        result = run("check", self.dir)
        self.assert_no_template_line(result)
        self.assertIn("stato_patrimoniale.csv: avviso: la tabella «stato_patrimoniale» non ha la "
                      "riga «disponibilita_liquide»: la relazione omette la cifra chiave "
                      "«Disponibilità liquide»", result.stderr)

    def test_no_balance_sheet(self):
        os.remove(os.path.join(self.dir, "stato_patrimoniale.csv"))
        os.remove(os.path.join(self.dir, "indici.csv"))
        result = run("build", self.dir, "-o", os.path.join(self.tmp, "out"))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(diagnostics(result), [])
        text = pdf_text(os.path.join(self.tmp, "out", "relazione.pdf"))
        self.assertIn("Gli indicatori di risultato dell'esercizio sono riportati nel capitolo "
                      "«Indicatori»", text)

    def test_the_same_reference_in_the_users_own_template_is_an_error_at_its_line(self):
        os.mkdir(os.path.join(self.dir, "sezioni"))
        own = write(self.dir, "sezioni/attivita.tpl", "Uscite: {{ costi[\"Spese varie\"; N] }}.\n")
        result = run("check", self.dir)
        self.assertEqual(result.returncode, 65, result.stderr)
        self.assertIn(f"{own}:1:", result.stderr)
        self.assertIn("[E304]", result.stderr)


class Guard(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="relazione-guard-")
        self.dir = os.path.join(self.tmp, "in")
        shutil.copytree(INPUT, self.dir)
        self.out = os.path.join(self.tmp, "out")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def declare(self, line):
        path = os.path.join(self.dir, "non_applicabile.csv")
        with open(path, "a", encoding="utf-8") as f:
            f.write(line + "\n")
        with open(path, encoding="utf-8-sig") as f:
            return path, len(f.read().splitlines())

    def test_principal_risks_cannot_be_declared_not_applicable(self):
        os.remove(os.path.join(self.dir, "testi", "rischi.md"))
        path, line = self.declare("art2428_c1_rischi;nessun rischio")
        for command in (["check", self.dir], ["build", self.dir, "-o", self.out, "--bozza"]):
            result = run(*command)
            self.assertEqual(result.returncode, 65, result.stderr)
            self.assertIn(f"{path}:{line}:1: errore: «art2428_c1_rischi» non può essere "
                          "dichiarata non applicabile: ogni società deve descrivere i principali "
                          "rischi e incertezze cui è esposta (art. 2428, comma 1); togliere la "
                          "riga e scrivere testi/rischi.md [E045]", result.stderr)
            self.assertFalse(os.path.exists(self.out))
        self.assertNotIn("Non applicabile: nessun rischio", result.stdout)

    def test_the_other_items_that_may_never_be_omitted(self):
        for code in ("art2428_c1_analisi", "art2428_c3_n6"):
            with self.subTest(code=code):
                shutil.rmtree(self.dir)
                shutil.copytree(INPUT, self.dir)
                self.declare(f"{code};non pertinente per l'ente")
                result = run("check", self.dir)
                self.assertEqual(result.returncode, 65, result.stderr)
                self.assertIn(f"«{code}» non può essere dichiarata non applicabile", result.stderr)

    def test_an_item_that_may_not_apply_needs_a_reason_which_is_printed(self):
        with open(os.path.join(self.dir, "non_applicabile.csv"), encoding="utf-8-sig") as f:
            text = f.read()
        write(self.dir, "non_applicabile.csv",
              text.replace("art2428_c4;l'Azienda non ha sedi secondarie.", "art2428_c4;n.a."))
        result = run("check", self.dir)
        self.assertEqual(result.returncode, 65, result.stderr)
        self.assertIn("non_applicabile.csv:5:12: errore: «n.a.» non è un motivo", result.stderr)
        self.assertIn("[E046]", result.stderr)
        shutil.rmtree(self.dir)
        shutil.copytree(INPUT, self.dir)
        result = run("build", self.dir, "-o", self.out)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("Non applicabile: l'Azienda non ha sedi secondarie.",
                      pdf_text(os.path.join(self.out, "relazione.pdf")))

    def test_r013_names_the_file_that_supplies_the_item(self):
        os.remove(os.path.join(self.dir, "testi", "strumenti_finanziari.md"))
        result = run("check", self.dir)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn(os.path.join(self.dir, "testi", "strumenti_finanziari.md") + ": errore: "
                      "manca un'informazione richiesta dalla legge: uso di strumenti finanziari",
                      result.stderr)
        self.assertIn("scrivere testi/strumenti_finanziari.md, oppure dichiarare in "
                      "non_applicabile.csv perché non si applica [R013]", result.stderr)

    def test_a_cooperative_without_the_art_2528_text_gets_r013(self):
        set_key(self.dir, "cooperativa", "sì")
        write(self.dir, "testi/scopo_mutualistico.md", "La cooperativa persegue lo scopo "
              "mutualistico offrendo ai soci continuità di lavoro.\n")
        result = run("check", self.dir)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(len(errors(result)), 1, result.stderr)
        self.assertIn(os.path.join(self.dir, "testi", "ammissione_soci.md") + ": errore: manca "
                      "un'informazione richiesta dalla legge: ragioni delle determinazioni "
                      "assunte sull'ammissione di nuovi soci (art. 2528, ultimo comma, c.c.)",
                      result.stderr)
        self.assertIn("[R013]", result.stderr)
        path, line = self.declare("art2528;nessuna domanda di ammissione")
        result = run("check", self.dir)
        self.assertIn(f"{path}:{line}:1: errore: «art2528» non può essere dichiarata non "
                      "applicabile", result.stderr)
        write(self.dir, "testi/ammissione_soci.md", "Nell'esercizio sono pervenute tre "
              "domande di ammissione, tutte accolte.\n")
        os.remove(path)
        shutil.copy(os.path.join(INPUT, "non_applicabile.csv"), path)
        result = run("build", self.dir, "-o", self.out)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = pdf_text(os.path.join(self.out, "relazione.pdf"))
        self.assertIn("Ammissione di nuovi soci", text)
        self.assertIn("tre domande di ammissione, tutte accolte", text)

    def test_a_declaration_no_item_asks_for_is_a_warning_with_a_hint(self):
        path, line = self.declare("art2428_c3_n6bs;l'ente non usa strumenti finanziari derivati")
        result = run("check", self.dir)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(f"{path}:{line}:1: avviso: nessuna voce della relazione di questo ente ha "
                      "il codice «art2428_c3_n6bs»: la riga è ignorata (forse «art2428_c3_n6bis»?) "
                      "[W048]", result.stderr)


class Thresholds(unittest.TestCase):
    """The two variance thresholds combine with AND (docs/RECONCILIATION.md):
    +€ 12.000 (+15%) on a line of the skeleton, without its motivazione."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="relazione-thresholds-")
        self.dir = os.path.join(self.tmp, "ente")
        self.assertEqual(run("init", self.dir, "--anno", "2024").returncode, 0)
        path = os.path.join(self.dir, "schede.csv")
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
        text = re.sub(r";\[DA COMPILARE\] perché[^\r\n]*", ";", text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def variances(self, amount, percent):
        set_key(self.dir, "soglia_scostamento", amount)
        set_key(self.dir, "soglia_scostamento_percentuale", percent)
        return [l for l in errors(run("check", self.dir)) if l.endswith("[R005]")]

    def test_a_variance_needs_words_when_it_passes_both(self):
        found = self.variances("€ 10.000,00", "10%")
        self.assertEqual(len(found), 1, found)
        self.assertIn("schede.csv:3:", found[0])
        self.assertEqual(self.variances("€ 10.000,00", "20%"), [])    # over the amount only
        self.assertEqual(self.variances("€ 15.000,00", "10%"), [])    # over the percentage only


class Draft(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="relazione-draft-")
        self.dir = os.path.join(self.tmp, "in")
        shutil.copytree(os.path.join(SOURCE, "tests", "golden", "total_digit_changed", "input"),
                        self.dir)
        self.out = os.path.join(self.tmp, "out")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_a_draft_shows_what_is_missing_and_the_failed_checks_first(self):
        os.remove(os.path.join(self.dir, "testi", "clima_sociale.md"))
        os.remove(os.path.join(self.dir, "testi", "evoluzione.md"))
        result = run("build", self.dir, "-o", self.out)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertFalse(os.path.exists(self.out))          # a final build writes nothing
        result = run("build", self.dir, "-o", self.out, "--bozza")
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("testi/clima_sociale.md: nota: testo assente", result.stderr)
        text = pdf_text(os.path.join(self.out, "relazione.pdf"))
        self.assertIn(f"Clima sociale, politico e sindacale {MARKER} (testi/clima_sociale.md)",
                      text)
        self.assertIn(f"{MARKER} evoluzione prevedibile della gestione (art. 2428, comma 3, "
                      "n. 6): scrivere testi/evoluzione.md", text)
        prospetto = text[re.search(r"Tab\. \d+: Prospetto delle verifiche", text).end():]
        outcomes = re.findall(r"(da correggere|arrotondamento|verificato)", prospetto)
        failed = outcomes.count("da correggere")
        self.assertGreaterEqual(failed, 2)
        self.assertEqual(outcomes[:failed], ["da correggere"] * failed)
        self.assertNotIn("da correggere", outcomes[failed:])

    def test_failed_checks_are_highlighted(self):
        """The tint of a failed row (1 0.89 0.87 rg) is in the page that
        holds the Prospetto, and in no page of a report whose checks hold."""
        def tinted(directory):
            out = os.path.join(self.tmp, os.path.basename(directory) + "-out")
            result = run("build", directory, "-o", out, "--bozza")
            self.assertIn(result.returncode, (0, 1), result.stderr)
            qdf = os.path.join(self.tmp, "qdf.pdf")
            subprocess.run(["qpdf", "--qdf", "--object-streams=disable",
                            os.path.join(out, "relazione.pdf"), qdf], check=True)
            with open(qdf, "rb") as f:
                return len(re.findall(rb"\n1 0\.89 0\.87 rg\n", f.read()))
        failed = [l for l in errors(run("check", self.dir)) if re.search(r"\[R\d+\]$", l)]
        self.assertEqual(len(failed), 1)
        self.assertEqual(tinted(self.dir), len(failed))
        self.assertEqual(tinted(INPUT), 0)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
