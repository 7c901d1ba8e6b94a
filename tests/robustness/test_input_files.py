#!/usr/bin/python3
"""Input directories whose files are not what they claim, or not files at all
(issue #15 items 2 and 3, #19 item 2): made at run time, since git cannot hold a
named pipe, a socket or a device, and a real Excel file is best made by a real
program.

- an .xlsx (libxlsxwriter's own annex), an .xls and an .ods (LibreOffice, when
  installed), a PDF, each under a text name: E012 naming what it is;
- a spreadsheet where a CSV is read: the message says so (E003 hint, W015);
- Excel and LibreOffice lock files: W013 naming the open file, never read;
- symbolic links: to itself, in a loop, dangling, leading outside, to a folder
  that contains them: E009 naming the link, in bounded time (a loop used to hang
  the manifest); a link inside to a file is read, and in the manifest;
- a named pipe, a socket, a device: E008, never opened (a pipe would block);
- a folder that cannot be listed: E014, never an empty folder.
Each run must also leave the input directory unchanged.

Usage: test_input_files.py RELAZIONE SRCDIR [TEST...]  (ctest passes both)
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest

from harness import (EXIT_DATA, INPUT, RELAZIONE, SOURCE, base_env, build, other_user_prefix,
                     snapshot)

EXIT_NOINPUT = 66
BASELINE = os.path.join(SOURCE, "tests", "bad", "cases", "00-valid-baseline")


def check(in_dir, prefix=(), timeout=30):
    return subprocess.run(list(prefix) + [RELAZIONE, "check", in_dir], env=base_env(),
                          capture_output=True, text=True, timeout=timeout)


class InputFiles(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="relazione-inputs-")
        os.chmod(self.work, 0o755)
        self.dir = os.path.join(self.work, "in")
        shutil.copytree(BASELINE, self.dir)

    def tearDown(self):
        shutil.rmtree(self.work, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def assert_diagnostic(self, run, status, code, path, *words):
        """Exit `status`, and a line `path: errore|avviso: … [code]` holding `words`."""
        self.assertEqual(run.returncode, status, run.stderr)
        lines = [l for l in run.stderr.splitlines()
                 if l.startswith(path + ": ") and l.endswith("[%s]" % code)]
        self.assertTrue(lines, "no %s at %s in:\n%s" % (code, path, run.stderr))
        for word in words:
            self.assertIn(word, lines[0])

    def run_both(self, status, code, path, *words):
        """check and build give the same diagnostic; neither changes the input;
        a failing build writes nothing."""
        before = snapshot(self.dir)
        run = check(self.dir)
        self.assert_diagnostic(run, status, code, path, *words)
        out = os.path.join(self.work, "out")
        run = build(self.dir, out, timeout=60)
        self.assert_diagnostic(run, status, code, path, *words)
        if status != 0:
            self.assertFalse(os.path.exists(out) and os.listdir(out), "something was written")
        self.assertEqual(snapshot(self.dir), before, "the input directory changed")
        return run

    # ---- files that are not what they claim (item 2) -----------------------------

    def annex(self):
        """A real .xlsx: the annex a build of the example writes."""
        out = os.path.join(self.work, "annex")
        run = build(INPUT, out)
        self.assertEqual(run.returncode, 0, run.stderr)
        return os.path.join(out, "allegati.xlsx")

    def test_xlsx_under_a_csv_name(self):
        shutil.copy(self.annex(), self.path("schede.csv"))
        self.run_both(EXIT_DATA, "E012", self.path("schede.csv"),
                      "è un file Excel", "esportarlo come CSV")

    def test_xls_and_ods_under_csv_names(self):
        soffice = shutil.which("soffice")
        if soffice is None:
            self.skipTest("LibreOffice missing: no .xls or .ods to make")
        made = os.path.join(self.work, "made")
        os.makedirs(made)
        profile = "file://" + os.path.join(self.work, "lo-profile")
        for kind in ("xls", "ods"):
            subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless",
                            "--convert-to", kind, "--outdir", made,
                            os.path.join(BASELINE, "schede.csv")],
                           capture_output=True, timeout=180, check=True)
        os.makedirs(self.path("tabelle"))
        shutil.copy(os.path.join(made, "schede.xls"), self.path("tabelle", "vecchio.csv"))
        shutil.copy(os.path.join(made, "schede.ods"), self.path("fondi.csv"))
        run = self.run_both(EXIT_DATA, "E012", self.path("tabelle", "vecchio.csv"),
                            "è un file Excel", "esportarlo come CSV")
        self.assert_diagnostic(run, EXIT_DATA, "E012", self.path("fondi.csv"),
                               "LibreOffice (.ods)", "esportarlo come CSV")

    def test_pdf_under_a_text_name(self):
        out = os.path.join(self.work, "pdf")
        self.assertEqual(build(INPUT, out).returncode, 0)
        os.makedirs(self.path("testi"))
        shutil.copy(os.path.join(out, "relazione.pdf"), self.path("testi", "premessa.md"))
        self.run_both(EXIT_DATA, "E012", self.path("testi", "premessa.md"), "è un PDF",
                      "testo semplice")

    def test_spreadsheet_where_a_csv_is_read(self):
        annex = self.annex()
        os.remove(self.path("schede.csv"))
        shutil.copy(annex, self.path("schede.xlsx"))
        self.run_both(EXIT_NOINPUT, "E003", self.path("schede.csv"), "schede.xlsx",
                      "esportarlo come CSV")
        shutil.copy(os.path.join(BASELINE, "schede.csv"), self.path("schede.csv"))
        os.makedirs(self.path("tabelle"))
        shutil.copy(annex, self.path("tabelle", "fondi_pnrr.xlsx"))
        self.run_both(0, "W015", self.path("tabelle", "fondi_pnrr.xlsx"), "fondi_pnrr.csv")

    def test_lock_files_are_named_and_never_read(self):
        os.makedirs(self.path("tabelle"))
        locks = {".~lock.schede.csv#": "«schede.csv» è aperto in LibreOffice",
                 "~$schede.xlsx": "«schede.xlsx»",
                 os.path.join("tabelle", "~$fondi.csv"): "«fondi.csv»"}
        for name in locks:
            with open(self.path(name), "wb") as f:
                f.write(b"\x0bMario Rossi\x00" + b" " * 40)   # what Excel writes: not a table
        run = self.run_both(0, "W013", self.path(".~lock.schede.csv#"), locks[".~lock.schede.csv#"])
        for name, words in locks.items():
            self.assert_diagnostic(run, 0, "W013", self.path(name), words, "chiuderlo")
        with open(os.path.join(self.work, "out", "manifesto.json"), encoding="utf-8") as f:
            listed = [e["file"] for e in json.load(f)["input"]]
        self.assertEqual(listed, ["metadati.ini", "schede.csv"])

    # ---- the file system (item 3) ------------------------------------------------

    def test_symbolic_links_that_cannot_be_followed(self):
        os.makedirs(self.path("sub"))
        links = {
            "se_stesso.csv": ("se_stesso.csv", "a se stesso"),
            "giro_a": ("giro_b", "ciclo"),
            "giro_b": ("giro_a", "ciclo"),
            "interrotto.csv": ("non_esiste.csv", "interrotto"),
            "fuori.csv": ("/etc/hostname", "fuori dalla cartella di input"),
            "cartella_fuori": (self.work, "fuori dalla cartella di input"),
            "qui": (".", "che lo contiene"),
            os.path.join("sub", "su"): ("..", "che lo contiene"),
        }
        for name, (target, _) in links.items():
            os.symlink(target, self.path(name))
        before = snapshot(self.dir)
        for command in ("check", "build"):
            run = (check(self.dir) if command == "check"
                   else build(self.dir, os.path.join(self.work, "out"), timeout=30))
            for name, (_, words) in links.items():
                self.assert_diagnostic(run, EXIT_NOINPUT, "E009", self.path(name), words)
        self.assertFalse(os.path.exists(os.path.join(self.work, "out")))
        self.assertEqual(snapshot(self.dir), before)

    def test_links_inside_the_directory_are_read(self):
        os.makedirs(self.path("archivio"))
        shutil.move(self.path("schede.csv"), self.path("archivio", "schede-2024.csv"))
        os.symlink(os.path.join("archivio", "schede-2024.csv"), self.path("schede.csv"))
        run = build(self.dir, os.path.join(self.work, "out"))
        self.assertEqual(run.returncode, 0, run.stderr)
        with open(os.path.join(self.work, "out", "manifesto.json"), encoding="utf-8") as f:
            listed = [e["file"] for e in json.load(f)["input"]]
        self.assertEqual(listed, ["archivio/schede-2024.csv", "metadati.ini", "schede.csv"])

    def test_special_files_are_never_opened(self):
        os.makedirs(self.path("testi"))
        os.mkfifo(self.path("fondi.csv"))
        os.mkfifo(self.path("testi", "premessa.md"))
        server = socket.socket(socket.AF_UNIX)
        server.bind(self.path("presa"))
        kinds = {"fondi.csv": "pipe con nome", os.path.join("testi", "premessa.md"):
                 "pipe con nome", "presa": "socket"}
        if os.geteuid() == 0:
            os.mknod(self.path("dispositivo.csv"), 0o600 | 0o020000, os.makedev(1, 3))
            kinds["dispositivo.csv"] = "dispositivo"
        else:
            print("not root: no device node made (mknod)")
        try:
            run = self.run_both(EXIT_NOINPUT, "E008", self.path("fondi.csv"), "pipe con nome")
            for name, words in kinds.items():
                self.assert_diagnostic(run, EXIT_NOINPUT, "E008", self.path(name), words)
        finally:
            server.close()

    def test_folder_that_cannot_be_listed(self):
        prefix = other_user_prefix()
        os.makedirs(self.path("testi"))
        with open(self.path("testi", "premessa.md"), "w", encoding="utf-8") as f:
            f.write("Premessa.\n")
        os.chmod(self.path("testi"), 0o300)   # writable, not readable: cannot be listed
        try:
            run = check(self.dir, prefix=prefix)
        finally:
            os.chmod(self.path("testi"), 0o755)
        self.assert_diagnostic(run, EXIT_NOINPUT, "E014", self.path("testi"),
                               "impossibile leggere la cartella", "permesso negato")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1] + sys.argv[3:], verbosity=2)
