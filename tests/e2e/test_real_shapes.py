#!/usr/bin/python3
"""Real reports fit as they are printed (issue «real reports fit»): each case
writes a small input directory shaped like a table of a published report or
of the seeds, runs `relazione check` (and `build` where the PDF matters) and
asserts the exact findings, by code and place, or their absence.

Usage: test_real_shapes.py RELAZIONE SRCDIR
"""
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
BASE = os.path.join(SOURCE, "tests", "bad", "cases", "00-valid-baseline")
LINE = re.compile(r"^(?P<where>\S+?)(?::(?P<line>\d+))?(?::(?P<col>\d+))?: "
                  r"(?P<severity>errore|avviso|nota): (?P<message>.*) \[(?P<code>[A-Z]\d+)\]$")


def run(*args):
    return subprocess.run([RELAZIONE, *args], capture_output=True, text=True)


class Case:
    """An input directory made from the minimal valid one, with files replaced."""

    def __init__(self, root, name, files, year=None):
        self.dir = os.path.join(root, name)
        shutil.copytree(BASE, self.dir)
        for path, text in files.items():
            full = os.path.join(self.dir, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)
        if year:
            meta = os.path.join(self.dir, "metadati.ini")
            with open(meta, encoding="utf-8") as f:
                text = f.read().replace("anno = 2024", f"anno = {year}")
            with open(meta, "w", encoding="utf-8") as f:
                f.write(text)

    def check(self):
        result = run("check", self.dir)
        found = []
        for line in result.stderr.splitlines():
            match = LINE.match(line)
            if match is None:
                raise AssertionError(f"unexpected output: {line}")
            where = os.path.relpath(match["where"], self.dir)
            place = ":".join(p for p in (where, match["line"], match["col"]) if p)
            found.append((match["code"], place, match["message"]))
        return result.returncode, found

    def pdf_text(self, out):
        result = run("build", self.dir, "-o", out, "--bozza")
        assert os.path.exists(os.path.join(out, "relazione.pdf")), result.stderr
        return typed(subprocess.run(["pdftotext", "-layout", os.path.join(out, "relazione.pdf"),
                                     "-"], capture_output=True, text=True, check=True).stdout)


def codes(found):
    return sorted((code, place) for code, place, _ in found)


# Seed 003, Tab 2: the change over five years printed in one cell, and the
# A.T.S. row that is the total of the sub-ambiti though not labelled TOTALE;
# the province after it is part of no total.
DEMOGRAPHY = """ABITANTI;2019;2020;2021;2022;2023;2023/ 2019
1 CASTELVERDE;14.819;14.741;14.545;14.517;14.481;-338 -2,3%
2 SORESINA;15.876;15.824;15.707;15.805;15.966;90 0,6%
3 PERSICOD;9.586;9.577;9.495;9.405;9.379;-207 -2,2%
4 VESCOVATO;13.050;13.343;13.107;13.121;13.168;118 0,9%
5 SOSPIRO;15.436;15.377;15.163;15.180;15.180;-256 -1,7%
6 PIZZIGHETTONE;17.200;17.091;16.873;16.816;16.767;-433 -2,5%
7 CR città;72.274;72.399;71.223;70.841;70.845;-1.429 -2,0%
A.T.S. CR.SE;158.241;158.352;156.113;155.685;155.786;-2.455 -1,6%
PROVINCIA;356.150;355.908;352.242;351.654;352.189;-3.961 -1,1%
"""
DEMOGRAPHY_SIDECAR = """[tabella]
titolo = Andamento demografico per subambito
totali = A.T.S. CR.SE
"""

# Seed 001: years as rows, an Andamento row, a total column and a column of
# households after it.
INTAKE = """PRESE IN CARICO (al 31.10.2022);Minori non disabili;Minori disabili;Adulti non disabili;Adulti disabili;Anziani;Anziani non autosuff.;Totale UTENTI;Totale NUCLEI
2020;411;108;1.190;324;249;273;2.555;1.681
2021;452;115;1.375;368;276;450;3.036;2.266
2022;479;131;1.432;401;288;652;3.383;2.332
Andamento;+ 27;+ 16;+ 57;+ 33;+ 12;+ 202;+ 347;+ 66
"""

# A service table as printed: group headings, a Totale per group, a grand
# total; figures not available; a footnote mark; hours in halves.
SERVICES = """Servizio;Utenti 2024;Ore 2024
Area minori;;
Educativa domiciliare;12;1.168,5*
Affido;n.d.;/
Totale;12;1.168,5
Area anziani;;
SAD;40;2.400,0
Pasti;38;—
Totali;78;2.400,0
TOTALE GENERALE;90;3.568,5
"""
SERVICES_SIDECAR = """[tabella]
titolo = Servizi erogati nel 2024
[note]
1 = * Dato provvisorio al 31/10.
"""


class RealShapes(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="relazione-shapes-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    # ---- 1. schedules of any depth ------------------------------------------------
    def test_three_levels_and_a_total_per_servizio(self):
        header = "area;servizio;azione;voce;descrizione;preventivo;consuntivo;motivazione\n"
        lines = ("Area Minori;Tutela;Azione 1: Affidi;Consulenze;Psicologo;€ 1.000,00;€ 1.000,00;\n"
                 "Area Minori;Tutela;Azione 1: Affidi;Consulenze;Legale;€ 500,00;€ 500,00;\n"
                 "Area Minori;Tutela;Azione 2: Comunità;Rette;;€ 8.000,00;€ 8.000,00;\n"
                 "Area Minori;Tutela;;TOTALE SERVIZIO TUTELA;;€ 9.500,00;€ 9.600,00;\n"
                 "Area Minori;Prevenzione;Azione 3: Centri;Educatori;;€ 2.000,00;€ 2.000,00;\n"
                 "Area Minori;;;TOTALE AREA MINORI;;€ 11.500,00;€ 11.500,00;\n")
        with open(os.path.join(BASE, "metadati.ini"), encoding="utf-8") as f:
            meta = f.read()
        case = Case(self.tmp, "levels", {
            "schede.csv": header + lines,
            "metadati.ini": meta + "\n[schede]\nlivelli = area, servizio, azione\n"})
        status, found = case.check()
        # The servizio total closes its two azioni (9.500,00), not the area
        # (11.500,00): only its consuntivo, 100 € too many, is wrong.
        self.assertEqual(codes(found), [("R001", "schede.csv:5:56")], found)
        self.assertIn("atteso € 9.500,00 (somma di 3 righe)", found[0][2])
        self.assertEqual(status, 1)

    def test_a_level_named_but_missing_is_an_error(self):
        with open(os.path.join(BASE, "metadati.ini"), encoding="utf-8") as f:
            meta = f.read()
        case = Case(self.tmp, "level-missing", {
            "metadati.ini": meta + "\n[schede]\nlivelli = area, servizio, azione\n"})
        status, found = case.check()
        self.assertEqual(codes(found), [("E032", "schede.csv:1")], found)
        self.assertEqual(status, 65)

    # ---- 2. free tables with groups --------------------------------------------
    def test_printed_groups_totals_and_marks(self):
        case = Case(self.tmp, "services", {"tabelle/servizi.csv": SERVICES,
                                           "tabelle/servizi.ini": SERVICES_SIDECAR})
        status, found = case.check()
        # Totale 12 (the n.d. line has no figure), Totali 78, TOTALE GENERALE
        # 90 and 3.568,5: every total holds, the hours' footnote is a note.
        self.assertEqual(found, [])
        self.assertEqual(status, 0)
        text = case.pdf_text(os.path.join(self.tmp, "services-out"))
        self.assertIn("Servizi erogati nel 2024", text)
        self.assertIn("1.168,5*", text)
        self.assertIn("* Dato provvisorio al 31/10.", text)
        self.assertRegex(text, r"Affido\s+n\.d\.\s+/")

    def test_a_grand_total_off_by_one_user(self):
        case = Case(self.tmp, "services-wrong", {
            "tabelle/servizi.csv": SERVICES.replace("TOTALE GENERALE;90", "TOTALE GENERALE;91")})
        status, found = case.check()
        self.assertEqual(codes(found), [("R001", "tabelle/servizi.csv:10:17")], found)
        self.assertIn("atteso 90 (somma di 3 righe; 1 senza valore", found[0][2])

    # ---- 3. sidecar, changes, years as rows ----------------------------------------
    def test_seed_003_demography_as_printed(self):
        case = Case(self.tmp, "demography", {"tabelle/demografia.csv": DEMOGRAPHY,
                                             "tabelle/demografia.ini": DEMOGRAPHY_SIDECAR},
                    year=2023)
        status, found = case.check()
        self.assertEqual(found, [])
        self.assertEqual(status, 0)
        text = case.pdf_text(os.path.join(self.tmp, "demography-out"))
        for figure in ("158.241", "-338", "-2,3%", "-2.455", "-1,6%", "352.189"):
            self.assertIn(figure, text)

    def test_seed_003_change_over_four_years_computed(self):
        # the same table without its typed "2023/ 2019" column: the sidecar
        # asks the compiler for it
        untyped = "\n".join(line.rsplit(";", 1)[0] for line in DEMOGRAPHY.splitlines()) + "\n"
        sidecar = DEMOGRAPHY_SIDECAR + "variazione = 2019\n"
        case = Case(self.tmp, "demography-computed", {"tabelle/demografia.csv": untyped,
                                                      "tabelle/demografia.ini": sidecar},
                    year=2023)
        status, found = case.check()
        self.assertEqual((status, found), (0, []))
        text = case.pdf_text(os.path.join(self.tmp, "demography-computed-out"))
        self.assertIn("2023/2019", text)
        row = next(l for l in text.splitlines() if l.strip().startswith("1 CASTELVERDE"))
        self.assertRegex(row, r"14\.481\s+-338\s+-2,28\s?%")
        row = next(l for l in text.splitlines() if l.strip().startswith("A.T.S. CR.SE"))
        self.assertRegex(row, r"155\.786\s+-2\.455\s+-1,55\s?%")
        # a year the table does not have is an error at the sidecar's value
        case = Case(self.tmp, "demography-no-year", {
            "tabelle/demografia.csv": untyped,
            "tabelle/demografia.ini": DEMOGRAPHY_SIDECAR + "variazione = 2018\n"}, year=2023)
        status, found = case.check()
        self.assertEqual(status, 65)
        self.assertIn(("E114", "tabelle/demografia.ini:4:14"), codes(found))

    def test_seed_003_demography_with_a_wrong_change(self):
        wrong = DEMOGRAPHY.replace("-338 -2,3%", "-388 -2,6%")
        case = Case(self.tmp, "demography-wrong", {"tabelle/demografia.csv": wrong,
                                                   "tabelle/demografia.ini": DEMOGRAPHY_SIDECAR},
                    year=2023)
        status, found = case.check()
        # the difference and its percentage, each at its own figure; the
        # A.T.S. row's change no longer adds up
        self.assertIn(("R015", "tabelle/demografia.csv:2:50"), codes(found))
        self.assertIn(("R015", "tabelle/demografia.csv:2:55"), codes(found))
        self.assertIn(("R001", "tabelle/demografia.csv:9:54"), codes(found))

    def test_seed_001_years_as_rows_with_andamento(self):
        case = Case(self.tmp, "intake", {"tabelle/prese_in_carico.csv": INTAKE}, year=2022)
        status, found = case.check()
        # Totale NUCLEI after Totale UTENTI is said to be unchecked, nothing else
        self.assertEqual(codes(found), [("W118", "tabelle/prese_in_carico.csv:1:149")], found)
        self.assertEqual(status, 0)
        wrong = INTAKE.replace("Andamento;+ 27", "Andamento;+ 28")
        case = Case(self.tmp, "intake-wrong", {"tabelle/prese_in_carico.csv": wrong}, year=2022)
        status, found = case.check()
        self.assertIn(("R015", "tabelle/prese_in_carico.csv:5:11"), codes(found))
        self.assertIn(("R001", "tabelle/prese_in_carico.csv:5:42"), codes(found))

    def test_seed_001_andamento_computed_not_typed(self):
        typed_rows = INTAKE.splitlines()
        table = "\n".join(typed_rows[:-1]) + "\n"          # no Andamento row
        case = Case(self.tmp, "intake-computed", {
            "tabelle/prese_in_carico.csv": table,
            "tabelle/prese_in_carico.ini": "[tabella]\nandamento = sì\n"}, year=2022)
        status, found = case.check()
        self.assertEqual(codes(found), [("W118", "tabelle/prese_in_carico.csv:1:149")], found)
        text = case.pdf_text(os.path.join(self.tmp, "intake-computed-out"))
        # 2022 - 2021, column by column, as seed 001 prints it: +27 +16 +57 ...
        self.assertRegex(text, r"Andamento\s+\+27\s+\+16\s+\+57\s+\+33\s+\+12\s+\+202")

    def test_sidecar_mistakes_are_errors_with_hints(self):
        sidecar = "[tabella]\ntitolo = X\ngrafco = linee\n[colonna 2O23]\nunita = ore\n"
        case = Case(self.tmp, "sidecar", {"tabelle/demografia.csv": DEMOGRAPHY,
                                          "tabelle/demografia.ini": sidecar}, year=2023)
        status, found = case.check()
        self.assertEqual(codes(found), [("E113", "tabelle/demografia.ini:3:1"),
                                        ("E115", "tabelle/demografia.ini:5:1")], found)
        self.assertIn("forse «grafico»", found[0][2])
        self.assertIn("forse «2023»", found[1][2])

    # ---- 4. marks and types --------------------------------------------------------
    def test_a_rate_column_is_checked_line_by_line(self):
        table = ("1-1-2023;STRAN;RES;%\n1 CASTELVERDE;1.721;14.481;12%\n"
                 "2 SORESINA;2.856;15.966;22%\n3 PERSICOD;952;9.379;10%\n"
                 "4 VESCOVATO;1.548;13.168;12%\nA.T.S.;7.077;52.994;13%\n")
        case = Case(self.tmp, "rate", {"tabelle/stranieri.csv": table,
                                       "tabelle/stranieri.ini": "[tabella]\ntotali = A.T.S.\n"},
                    year=2023)
        status, found = case.check()
        # Soresina's 22% is 2.856 / 15.966 = 17,9%: a finding at its cell;
        # the total row's 13% is 7.077 / 52.994 = 13,35%: it holds.
        self.assertEqual(codes(found), [("R014", "tabelle/stranieri.csv:3:25")], found)

    # ---- 6. rounding is its own class ----------------------------------------------
    def test_cents_of_rounding_are_listed_not_hidden(self):
        table = "Voce;Importo\nA;€ 10,33\nB;€ 10,33\nC;€ 10,33\nTotale;€ 31,00\n"
        case = Case(self.tmp, "rounding", {"tabelle/quote.csv": table})
        status, found = case.check()
        self.assertEqual([(c, s) for c, s, m in found if "arrotondamento" in m],
                         [("R001", "tabelle/quote.csv:5:8")], found)
        self.assertEqual(status, 0)

    def test_a_table_declared_exact(self):
        table = "Voce;Importo\nA;€ 10,33\nB;€ 10,33\nC;€ 10,33\nTotale;€ 31,00\n"
        case = Case(self.tmp, "exact", {"tabelle/quote.csv": table,
                                        "tabelle/quote.ini": "[tabella]\narrotondamento = esatto\n"})
        status, found = case.check()
        self.assertEqual(codes(found), [("R001", "tabelle/quote.csv:5:8")], found)
        self.assertEqual(status, 1)

    # ---- 10. the objectives summary as reports print it ---------------------------
    def test_objectives_summary_half_up_mean_row_and_indicators(self):
        objectives = ("area;obiettivo;indicatore;target;esito;note\n"
                      "Minori;Ridurre i tempi di presa in carico;Giorni medi;Entro 30;SI;\n"
                      ";;Segnalazioni evase;90%;SI;\n"        # the same objective, 2nd indicator
                      "Minori;Gruppi genitorialità;Gruppi attivati;2;NO;\n"
                      "Minori;Regolamento affidi;Approvato;31/12;PARZIALMENTE;\n"
                      "Minori;Sportello;Aperture;12;SI;\n"
                      "Anziani;SAD accreditato;Bando;1;SI;\n"
                      "Anziani;Telesoccorso;Utenti;50;NO;\n"
                      "Anziani;Dimissioni protette;Percorsi;10;PARZIALMENTE;\n"
                      "Anziani;RSA aperta;Utenti;5;PARZIALMENTE;\n"
                      "Anziani;Cartella sociale;Moduli;3;SI;\n")
        # 9 objectives (not 10 lines): Minori 2 SI, 1 NO, 1 PARZ of 4; Anziani
        # 2 SI, 1 NO, 2 PARZ of 5; overall 4 / 2 / 3 of 9 = 44,44 / 22,22 /
        # 33,33 (each half up, 99,99 in all); VALORE MEDIO = mean of the areas:
        # (50,00 + 40,00) / 2 = 45,00; (25 + 20) / 2 = 22,50; (25 + 40) / 2 = 32,50
        summary = ("area;obiettivi;raggiunti;non_raggiunti;in_corso\n"
                   "Minori;4;50,00%;25,00%;25,00%\n"
                   "Anziani;5;40,00%;20,00%;40,00%\n"
                   "TOTALE;9;44,44%;22,22%;33,33%\n"
                   "VALORE MEDIO;;45,00%;22,50%;32,50%\n")
        case = Case(self.tmp, "objectives", {"obiettivi.csv": objectives,
                                              "riepilogo_obiettivi.csv": summary})
        status, found = case.check()
        self.assertEqual(found, [])
        self.assertEqual(status, 0)
        wrong = summary.replace("VALORE MEDIO;;45,00%", "VALORE MEDIO;;44,44%")
        case = Case(self.tmp, "objectives-mean", {"obiettivi.csv": objectives,
                                                   "riepilogo_obiettivi.csv": wrong})
        status, found = case.check()
        self.assertEqual(codes(found), [("R006", "riepilogo_obiettivi.csv:5:15")], found)
        self.assertIn("atteso 45,00% (media delle 2 aree)", found[0][2])

    # ---- 11. staff as reports publish it ------------------------------------------
    def test_staff_by_contract_and_by_hours(self):
        staff = ("ruolo;indeterminato;determinato;collaboratori;comando;tempo_pieno;part_time;totale\n"
                 "Assistenti sociali;9;2;0;1;10;2;12\n"
                 "Educatori;6;3;2;0;8;3;11\n"
                 "TOTALE;15;5;2;1;18;5;23\n")
        case = Case(self.tmp, "staff", {"personale.csv": staff})
        status, found = case.check()
        self.assertEqual(found, [])
        self.assertEqual(status, 0)
        # one educator more by hours than by contract: both breakdowns against totale
        case = Case(self.tmp, "staff-wrong", {"personale.csv": staff.replace(
            "Educatori;6;3;2;0;8;3;11", "Educatori;6;3;2;0;9;3;11")})
        status, found = case.check()
        self.assertIn(("R016", "personale.csv:3:19"), codes(found))
        self.assertEqual(status, 1)

    def test_staff_needs_a_breakdown(self):
        case = Case(self.tmp, "staff-none", {"personale.csv": "ruolo;fte\nEducatori;8,5\n"})
        status, found = case.check()
        self.assertEqual(codes(found), [("E116", "personale.csv:1")], found)

    # ---- 12. the consortium's result ----------------------------------------------
    def test_result_with_the_prior_surplus_applied(self):
        result = ("codice;voce;2024\n"
                  "entrate;Entrate dell'esercizio (A);€ 12.800,00\n"
                  "avanzo_applicato;Avanzo 2023 applicato (B);€ 100,00\n"
                  "uscite;Uscite dell'esercizio (C);€ 12.400,00\n"
                  "avanzo;Avanzo (A + B - C);€ 500,00\n")
        case = Case(self.tmp, "result", {"risultato.csv": result})
        status, found = case.check()
        # 12.800 + 100 - 12.400 = 500; C = the schedules' consuntivo (no costi.csv)
        self.assertEqual(found, [])
        self.assertEqual(status, 0)
        case = Case(self.tmp, "result-wrong", {"risultato.csv": result.replace(
            "€ 500,00", "€ 400,00").replace("€ 12.400,00", "€ 12.300,00")})
        status, found = case.check()
        self.assertEqual(codes(found), [("R002", "risultato.csv:4:34"),
                                        ("R017", "risultato.csv:5:27")], found)
        self.assertIn("consuntivo delle schede", dict(((c, p), m) for c, p, m in found)[
            ("R002", "risultato.csv:4:34")])

    # ---- 9. one cause, one finding -------------------------------------------------
    def test_a_wrong_line_is_told_once(self):
        example = os.path.join(self.tmp, "one-cause")
        shutil.copytree(os.path.join(SOURCE, "input"), example)
        path = os.path.join(example, "schede.csv")
        with open(path, encoding="utf-8-sig") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8-sig") as f:
            f.write(text.replace("€ 148.520,00;€ 151.309,42;", "€ 148.520,00;€ 151.319,42;", 1))
        result = run("check", example)
        lines = result.stderr.splitlines()
        # the line is 10 € too much: its azione's TOTALE, the area's cost
        # centre, the cost centres' total and the Uscite of costi.csv all
        # differ by 10 €; one finding, at the narrowest check, names the rest
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertRegex(lines[0], r"schede\.csv:6:83: errore: TOTALE TUTELA MINORI .*differenza "
                                   r"-€ 10,00; la stessa differenza si ripete in "
                                   r"centri_di_costo\.csv:2:69, centri_di_costo\.csv:7:24, "
                                   r"costi\.csv:10:15 \(vedi anche\) \[R001\]")
        self.assertEqual(result.returncode, 1)
        self.assertNotRegex(result.stderr, r":0:0")

    # ---- 8. narratives cite figures ------------------------------------------------
    def test_a_figure_in_the_prose_and_a_table_in_the_text(self):
        premessa = ("# Premessa\n\nGli abitanti dell'Ambito sono "
                    "{{ demografia[\"A.T.S. CR.SE\"; 2023] | num }}.\n\n"
                    "## Andamento demografico\n\n{% tabella demografia %}\n")
        case = Case(self.tmp, "narrative", {"tabelle/demografia.csv": DEMOGRAPHY,
                                             "testi/premessa.md": premessa}, year=2023)
        text = case.pdf_text(os.path.join(self.tmp, "narrative-out"))
        self.assertIn("Gli abitanti dell'Ambito sono 155.786.", text)
        self.assertRegex(text, r"\d\.\d Andamento demografico")
        broken = premessa.replace("demografia[", "demografie[")
        case = Case(self.tmp, "narrative-broken", {"tabelle/demografia.csv": DEMOGRAPHY,
                                                    "testi/premessa.md": broken}, year=2023)
        result = run("build", case.dir, "-o", os.path.join(self.tmp, "nb-out"))
        self.assertEqual(result.returncode, 65, result.stderr)
        self.assertRegex(result.stderr, r"testi/premessa\.md:3:\d+: errore: .*\[E302\]")

    # ---- a table in parts between the words, chapters left empty -----------------
    def transcription(self, name, patrimoniali):
        """examples/asc2023 with its testi/dati_patrimoniali.md replaced."""
        root = os.path.join(self.tmp, name)
        shutil.copytree(os.path.join(SOURCE, "examples", "asc2023"), root)
        with open(os.path.join(root, "testi", "dati_patrimoniali.md"), "w",
                  encoding="utf-8") as f:
            f.write(patrimoniali)
        out = os.path.join(self.tmp, name + "-out")
        result = run("build", root, "-o", out, "--bozza")
        pdf = os.path.join(out, "relazione.pdf")
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                              text=True).stdout if os.path.exists(pdf) else ""
        # the body: up to the appendix (the Indice names it first)
        text = typed(text)
        start = text.find("Principali dati patrimoniali", text.find("Principali dati patrimoniali") + 1)
        end = text.find("Prospetto delle verifiche", start)
        return result, text[:end] if end > 0 else text

    def test_a_balance_sheet_in_parts_each_row_once(self):
        result, body = self.transcription("parts", (
            "Lo stato patrimoniale:\n\n"
            "{% tabella stato_patrimoniale da=immobilizzazioni_immateriali a=capitale_investito %}\n\n"
            "La posizione finanziaria netta:\n\n"
            "{% tabella stato_patrimoniale da=\"Disponibilità liquide\" a=posizione_finanziaria_netta %}\n"))
        self.assertIn(result.returncode, (0, 1), result.stderr)
        lines = body[body.index("Lo stato patrimoniale:"):].split("\n")
        first = 0
        second = next(i for i, l in enumerate(lines) if l.strip().startswith("La posizione finanziaria"))
        row = lambda label: [i for i, l in enumerate(lines) if l.strip().startswith(label)]
        # each part where the words put it, each row once
        self.assertEqual(len(row("Capitale investito")), 1)
        self.assertTrue(first < row("Capitale investito")[0] < second)
        self.assertEqual(len(row("Posizione finanziaria netta")), 1)
        self.assertTrue(second < row("Posizione finanziaria netta")[0])
        # the rows no part named are printed by the template, after: none is lost
        for label in ("Patrimonio netto", "Mezzi propri e indebitamento", "Margine di tesoreria"):
            self.assertEqual(len(row(label)), 1, label)
            self.assertTrue(row(label)[0] > row("Posizione finanziaria netta")[0], label)
        # a typed Variazione is printed as typed, never beside a second one
        self.assertNotIn("Var. %", body[body.index("Lo stato patrimoniale:"):])

    def test_a_part_naming_no_row_is_an_error_at_its_line(self):
        result, _ = self.transcription("no-row", (
            "Testo.\n\n{% tabella stato_patrimoniale da=disponibilita a=posizione_finanziaria_netta %}\n"))
        self.assertEqual(result.returncode, 65, result.stderr)
        self.assertRegex(result.stderr, r"testi/dati_patrimoniali\.md:3:\d+: errore: la tabella "
                                        r"«stato_patrimoniale» non ha la riga «disponibilita» \[T003\]")

    def test_a_chapter_with_nothing_in_it_is_not_printed(self):
        # asc2023 has no fondi: the chapter «Fondi istituzionali e di ambito»
        # is left out, and the numbers close up over it
        _, body = self.transcription("empty", "Testo.\n")
        self.assertNotIn("Fondi istituzionali", body)
        chapters = [int(m) for m in re.findall(r"^(\d+)\. [A-Z]", body, re.M)]
        chapters = chapters[:len(chapters) // 2 * 2]
        self.assertTrue(chapters, body[:400])
        body_chapters = sorted(set(chapters))
        self.assertEqual(body_chapters, list(range(1, len(body_chapters) + 1)))

    # ---- a free table, or rows of it, the report never prints -------------------
    def test_a_free_table_never_printed_is_named(self):
        case = Case(self.tmp, "unprinted", {"tabelle/demografia.csv": DEMOGRAPHY,
                                             "modello.tpl": "# Relazione\n\nTesto.\n"},
                    year=2023)
        _, found = case.check()
        self.assertIn("W122", [f[0] for f in found], found)
        warning = next(f for f in found if f[0] == "W122")
        self.assertEqual(warning[1], "tabelle/demografia.csv:1:1")
        self.assertIn("«demografia» non è stampata", warning[2])

    def test_rows_no_part_prints_are_named_at_their_lines(self):
        premessa = ("# Premessa\n\nI primi comuni:\n\n"
                    "{% tabella demografia da=\"1 CASTELVERDE\" a=\"3 PERSICOD\" %}\n\n"
                    "L'ultimo:\n\n{% tabella demografia da=\"7 CR città\" a=\"7 CR città\" %}\n\n"
                    "La provincia:\n\n{% tabella demografia da=PROVINCIA a=PROVINCIA %}\n")
        case = Case(self.tmp, "rows-unprinted", {"tabelle/demografia.csv": DEMOGRAPHY,
                                                  "testi/premessa.md": premessa}, year=2023)
        _, found = case.check()
        unprinted = [(f[1], f[2]) for f in found if f[0] == "W122"]
        self.assertEqual([u[0] for u in unprinted],
                         ["tabelle/demografia.csv:5:1", "tabelle/demografia.csv:9:1"], found)
        self.assertIn("righe 5–7 non stampate", unprinted[0][1])
        self.assertIn("riga non stampata", unprinted[1][1])
        # printed whole: no word
        whole = premessa.replace(' da=\"1 CASTELVERDE\" a=\"3 PERSICOD\"', "")
        case = Case(self.tmp, "rows-printed", {"tabelle/demografia.csv": DEMOGRAPHY,
                                                "testi/premessa.md": whole}, year=2023)
        _, found = case.check()
        self.assertNotIn("W122", [f[0] for f in found], found)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
