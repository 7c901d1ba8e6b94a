#!/usr/bin/python3
"""All or nothing, under every limit of the process (issue #15, items 4 and 5).

- a name of the output set taken by a directory: refused before anything moves;
- a rename that fails midway (a shim: EIO at the N-th rename), with and without
  hard links: the renames already done are undone, the previous set stays whole;
- a build killed midway through publication: the next build into the directory
  rolls it back (W231), even when that build fails on its data;
- two builds into one directory at once: the second is refused (E230);
- SIGTERM, SIGINT, SIGHUP while files are staged: the process ends by the signal
  and nothing is left behind, no writer process either;
- RLIMIT_FSIZE (`ulimit -f`): a write error naming the limit, not SIGXFSZ.

Usage: test_publication.py RELAZIONE SRCDIR [TEST...]  (ctest passes both)
"""
import fcntl
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

from harness import (EXIT_CANTCREAT, EXIT_DATA, EXIT_IOERR, INPUT, JOURNAL, RELAZIONE,
                     base_env, big_input, build, compile_shim, published, snapshot,
                     temp_files)


class Publication(unittest.TestCase):
    """OUT holds the set built from input/; the run under test builds a changed
    entity (another name: every output differs) into it."""

    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="relazione-publication-")
        self.out = os.path.join(self.work, "out")
        run = build(INPUT, self.out)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.outputs = published(self.out)
        self.old = snapshot(self.out)
        self.changed = os.path.join(self.work, "changed")
        shutil.copytree(INPUT, self.changed)
        path = os.path.join(self.changed, "metadati.ini")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(re.sub(r"(?m)^nome = (.*)$", r"nome = \1 (nuova sede)", text, count=1))
        self.new_out = os.path.join(self.work, "new")
        run = build(self.changed, self.new_out)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.new = snapshot(self.new_out)
        for name in self.outputs:
            self.assertNotEqual(self.old[name], self.new[name], name)

    def tearDown(self):
        shutil.rmtree(self.work, ignore_errors=True)

    def shim_env(self, **faults):
        shim = compile_shim("renamefault", self.work)
        if shim is None:
            self.skipTest("gcc missing: cannot build the rename shim")
        return base_env(LD_PRELOAD=shim, **faults)

    def assert_unchanged(self, run, status, code, names=None):
        self.assertEqual(run.returncode, status, run.stderr)
        self.assertIn("[%s]" % code, run.stderr)
        if names:
            self.assertTrue(any(os.path.join(self.out, n) in run.stderr for n in names),
                            run.stderr)
        self.assertEqual(snapshot(self.out), self.old, "the previous set changed")
        self.assertEqual(temp_files(self.out), [])

    def test_name_taken_by_a_directory_publishes_nothing(self):
        """The case of the issue: the XLSX's name is a directory. Before, the new
        PDF was published beside the old manifest."""
        xlsx = os.path.join(self.out, "allegati.xlsx")
        os.remove(xlsx)
        os.makedirs(os.path.join(xlsx, "dentro"))
        self.old = snapshot(self.out)
        run = build(self.changed, self.out)
        self.assert_unchanged(run, EXIT_CANTCREAT, "E232", ["allegati.xlsx"])
        self.assertIn("cartella", run.stderr)

    def test_failed_rename_is_undone(self):
        for at in range(2, len(self.outputs) + 1):
            with self.subTest(rename=at):
                run = build(self.changed, self.out,
                            env=self.shim_env(RENAME_FAULT_AT=str(at), RENAME_FAULT="eio"))
                self.assert_unchanged(run, EXIT_IOERR, "E202", [self.outputs[at - 1]])
                self.assertIn("lasciati come erano", run.stderr)

    def test_without_hard_links(self):
        """Where linkat fails (vfat), the previous file is moved aside instead:
        a failure is still undone, a success still publishes the whole set."""
        # Renames: aside 1, new 1, aside 2, new 2, ...: the 4th is the second file.
        run = build(self.changed, self.out,
                    env=self.shim_env(LINK_FAULT="eperm", RENAME_FAULT_AT="4",
                                      RENAME_FAULT="eio"))
        self.assert_unchanged(run, EXIT_IOERR, "E202", [self.outputs[1]])
        run = build(self.changed, self.out, env=self.shim_env(LINK_FAULT="eperm"))
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(snapshot(self.out), self.new)

    def test_killed_during_publication_is_rolled_back_by_the_next_build(self):
        run = build(self.changed, self.out,
                    env=self.shim_env(RENAME_FAULT_AT="2", RENAME_FAULT="kill"))
        self.assertEqual(run.returncode, -signal.SIGKILL, run.stderr)
        after = snapshot(self.out)
        self.assertEqual(after[self.outputs[0]], self.new[self.outputs[0]])
        for name in self.outputs[1:]:
            self.assertEqual(after[name], self.old[name], name)
        staging = temp_files(self.out)
        self.assertEqual(len(staging), 1)
        self.assertTrue(os.path.exists(os.path.join(self.out, staging[0], JOURNAL)))
        # The next build fails on its data, and still puts the previous set back.
        bad = os.path.join(self.work, "bad")
        shutil.copytree(INPUT, bad)
        with open(os.path.join(bad, "schede.csv"), "a", encoding="utf-8") as f:
            f.write("Area Anziani;Azione 9;Voce;Descrizione;12.34;€ 1,00;\n")
        run = build(bad, self.out)
        self.assert_unchanged(run, EXIT_DATA, "W231")
        run = build(self.changed, self.out)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(snapshot(self.out), self.new)

    def test_second_build_into_the_same_directory_is_refused(self):
        fd = os.open(self.out, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            run = build(self.changed, self.out)
        finally:
            os.close(fd)
        self.assert_unchanged(run, EXIT_CANTCREAT, "E230")
        self.assertIn("un'altra esecuzione", run.stderr)


def writers_of(in_dir):
    """Pids of processes still running relazione on `in_dir`."""
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        if os.fsencode(RELAZIONE) in argv and os.fsencode(in_dir) in argv:
            pids.append(int(pid))
    return pids


class Limits(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="relazione-limits-")
        self.out = os.path.join(self.work, "out")
        run = build(INPUT, self.out)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.old = snapshot(self.out)

    def tearDown(self):
        shutil.rmtree(self.work, ignore_errors=True)

    def test_termination_signals_leave_nothing_behind(self):
        big = big_input(self.work)
        for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            with self.subTest(signal=number.name):
                process = subprocess.Popen([RELAZIONE, "build", big, "-o", self.out],
                                           env=base_env(), stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL)
                deadline = time.monotonic() + 60
                while not temp_files(self.out) and process.poll() is None \
                        and time.monotonic() < deadline:
                    time.sleep(0.002)
                self.assertIsNone(process.poll(), "the build ended before files were staged")
                process.send_signal(number)
                self.assertEqual(process.wait(timeout=60), -number)
                self.assertEqual(snapshot(self.out), self.old)
                self.assertEqual(temp_files(self.out), [])
                self.assertEqual(writers_of(big), [], "a writer process outlived the build")

    def test_file_size_limit_is_a_write_error(self):
        """RLIMIT_FSIZE below the PDF's size: SIGXFSZ would kill the process and
        leave its temporaries; instead the write fails and says why."""
        limit = 100 * 1024

        def limited():
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        changed = os.path.join(self.work, "changed")
        shutil.copytree(INPUT, changed)
        with open(os.path.join(changed, "testi", "premessa.md"), "a", encoding="utf-8") as f:
            f.write("\nUn paragrafo in più.\n")
        run = subprocess.run([RELAZIONE, "build", changed, "-o", self.out], env=base_env(),
                             capture_output=True, text=True, preexec_fn=limited, timeout=300)
        self.assertEqual(run.returncode, EXIT_IOERR, run.stderr)
        self.assertIn(os.path.join(self.out, "relazione.pdf"), run.stderr)
        self.assertIn("ulimit -f", run.stderr)
        self.assertIn("[E202]", run.stderr)
        self.assertEqual(snapshot(self.out), self.old)
        self.assertEqual(temp_files(self.out), [])


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1] + sys.argv[3:], verbosity=2)
