#!/usr/bin/python3
"""The bad-input corpus: every case of expected.tsv is checked and built.

Usage: test_bad_inputs.py RELAZIONE BAD_DIR   (BAD_DIR = tests/bad)

For each case, `relazione check CASE` runs with cwd = BAD_DIR/cases, so paths in
messages are `CASE/file`. It must exit with the expected status, never die by a
signal, never speak of an internal error or a sanitizer finding, and print a line

    CASE/LOCATION: errore: … [CODE]      (avviso: for a W code)

(code "-": no errore/avviso line at all; status 0: no errore line at all). Then
`relazione build CASE -o TMP/out` must exit with the same status; a failing case
writes no file in out, an accepted one writes the PDF and the XLSX. Neither run may
change a byte of the case directory.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

RELAZIONE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
BAD = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(BAD, "cases")
TIMEOUT = 120
FORBIDDEN = re.compile(r"\binternal\b|\binterno\b|Sanitizer|runtime error:|LeakSanitizer", re.I)


def expectations():
    rows = []
    with open(os.path.join(BAD, "expected.tsv"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) not in (5, 6):
                raise ValueError(f"expected.tsv:{number}: 5 or 6 tab-separated fields, got {len(fields)}")
            name, status, code, location, description = fields[:5]
            contains = fields[5] if len(fields) == 6 else ""
            rows.append((name, int(status), code, location, description, contains))
    return rows


def snapshot(path):
    """{relative path: sha256} of every file under path (or of path itself)."""
    if os.path.isfile(path):
        with open(path, "rb") as f:
            return {".": hashlib.sha256(f.read()).hexdigest()}
    result = {}
    for root, dirs, files in os.walk(path):
        dirs.sort()
        for name in sorted(files + [d for d in dirs if os.path.islink(os.path.join(root, d))]):
            full = os.path.join(root, name)
            with open(full, "rb") as f:
                result[os.path.relpath(full, path)] = hashlib.sha256(f.read()).hexdigest()
    return result


def files_under(path):
    found = []
    for root, _dirs, files in os.walk(path):
        found += [os.path.relpath(os.path.join(root, f), path) for f in files]
    return sorted(found)


def run(*args):
    return subprocess.run([RELAZIONE, *args], cwd=CASES, capture_output=True, timeout=TIMEOUT)


def describe(result):
    return (f"exit {result.returncode}\n--- stderr ---\n"
            + result.stderr.decode("utf-8", "replace")
            + "--- stdout ---\n" + result.stdout.decode("utf-8", "replace"))


class BadInputs(unittest.TestCase):
    def assert_sane(self, result, what):
        text = result.stderr.decode("utf-8", "replace") + result.stdout.decode("utf-8", "replace")
        self.assertGreaterEqual(result.returncode, 0, f"{what}: killed by a signal\n{describe(result)}")
        self.assertNotIn(result.returncode, (70,), f"{what}: internal error\n{describe(result)}")
        bad = [line for line in text.splitlines() if FORBIDDEN.search(line)]
        self.assertEqual(bad, [], f"{what}: internal error or sanitizer report\n{describe(result)}")

    def assert_diagnostic(self, result, name, code, location, contains):
        lines = result.stderr.decode("utf-8", "replace").splitlines()
        if code == "-":
            noisy = [l for l in lines if re.search(r": (errore|avviso): ", l)]
            self.assertEqual(noisy, [], f"expected no diagnostic\n{describe(result)}")
            return
        where = name if location == "." else f"{name}/{location}"
        severity = "avviso" if code.startswith("W") else "errore"
        prefix = f"{where}: {severity}: "
        suffix = f"[{code}]"
        matching = [l for l in lines if l.startswith(prefix) and l.endswith(suffix)]
        self.assertTrue(matching, f"no line «{prefix}… {suffix}»\n{describe(result)}")
        if contains:
            self.assertTrue(any(contains in l for l in matching),
                            f"«{contains}» not in the {code} line\n{describe(result)}")

    def test_corpus_size(self):
        self.assertGreaterEqual(len(expectations()), 45)

    def test_every_case_has_a_line_and_every_line_a_case(self):
        names = {row[0] for row in expectations()}
        on_disk = set(os.listdir(CASES))
        self.assertEqual(sorted(on_disk - names), [], "case directories without expected.tsv line")
        missing = sorted(n for n in names - on_disk if n != "90-input-dir-missing")
        self.assertEqual(missing, [], "expected.tsv lines without a case directory")

    def test_file_over_the_size_limit(self):
        """E005: too big to commit, so made here, sparse (no disk used, nothing read)."""
        with tempfile.TemporaryDirectory() as tmp:
            case = os.path.join(tmp, "96-file-over-64mib")
            shutil.copytree(os.path.join(CASES, "00-valid-baseline"), case)
            with open(os.path.join(case, "schede.csv"), "wb") as f:
                f.truncate(64 * 1024 * 1024 + 1)
            for args in (["check", case], ["build", case, "-o", os.path.join(tmp, "out")]):
                with self.subTest(command=args[0]):
                    result = subprocess.run([RELAZIONE, *args], capture_output=True, timeout=TIMEOUT)
                    self.assert_sane(result, args[0])
                    self.assertEqual(result.returncode, 66, describe(result))
                    lines = result.stderr.decode("utf-8", "replace").splitlines()
                    self.assertTrue(any(l.startswith(f"{case}/schede.csv: errore: ")
                                        and l.endswith("[E005]") for l in lines), describe(result))
            out = os.path.join(tmp, "out")
            self.assertEqual(files_under(out) if os.path.isdir(out) else [], [])

    def test_cases(self):
        for name, status, code, location, description, contains in expectations():
            with self.subTest(case=name, description=description):
                path = os.path.join(CASES, name)
                before = snapshot(path) if os.path.exists(path) else None

                result = run("check", name)
                self.assert_sane(result, "check")
                self.assertEqual(result.returncode, status, f"check: exit status\n{describe(result)}")
                self.assert_diagnostic(result, name, code, location, contains)
                if status == 0:
                    errors = [l for l in result.stderr.decode("utf-8", "replace").splitlines()
                              if ": errore: " in l]
                    self.assertEqual(errors, [], f"accepted case with errors\n{describe(result)}")

                with tempfile.TemporaryDirectory() as tmp:
                    out = os.path.join(tmp, "out")
                    built = run("build", name, "-o", out)
                    self.assert_sane(built, "build")
                    self.assertEqual(built.returncode, status, f"build: exit status\n{describe(built)}")
                    written = files_under(out) if os.path.isdir(out) else []
                    if status == 0:
                        self.assertEqual(written, ["allegati.xlsx", "manifesto.json", "relazione.pdf"], describe(built))
                    else:
                        self.assertEqual(written, [], f"build wrote files on error\n{describe(built)}")

                after = snapshot(path) if os.path.exists(path) else None
                self.assertEqual(before, after, "the case directory changed")


if __name__ == "__main__":
    if RELAZIONE is None:
        sys.exit(__doc__)
    unittest.main(argv=[sys.argv[0], "-v"])
