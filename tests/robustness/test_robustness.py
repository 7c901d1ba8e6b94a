#!/usr/bin/python3
"""Robustness of `relazione build` seen from outside: what a user or an operating
system can do to a run.

- determinism: the same input gives byte-identical files under any locale, time zone
  and clock (SOURCE_DATE_EPOCH unset);
- a build killed with SIGKILL leaves the published outputs as they were;
- a full disk (a small tmpfs, or an LD_PRELOAD shim that fails writes with ENOSPC)
  ends with exit 74, an Italian message naming the file, and nothing lost or left;
- an output directory that cannot be written, or that lies inside the input, ends
  with exit 73 and nothing written.

Usage: test_robustness.py RELAZIONE SRCDIR [TEST...]  (ctest passes both, as for tests/e2e)
The input directory is copied before anything could touch it; nothing is written
outside a temporary directory.
"""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

from harness import (DOCUMENTS, EXIT_CANTCREAT, EXIT_IOERR, INPUT, JOURNAL, RELAZIONE,
                     STAGING, base_env, big_input, build, compile_shim, other_user_prefix,
                     published, snapshot, temp_files, written_with)


def italian_locale(work):
    """Environment entries that make LC_ALL=it_IT.UTF-8 a real locale: the system's
    if installed, else one compiled by localedef into `work` (LOCPATH), else none:
    the run must then still work with the name of a missing locale."""
    installed = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout
    if re.search(r"^it_IT\.utf-?8$", installed, re.I | re.M):
        return {"LC_ALL": "it_IT.UTF-8"}, "installed"
    localedef = shutil.which("localedef")
    if localedef and os.path.exists("/usr/share/i18n/locales/it_IT"):
        path = os.path.join(work, "locale")
        os.makedirs(path, exist_ok=True)
        made = subprocess.run([localedef, "-i", "it_IT", "-f", "UTF-8",
                               os.path.join(path, "it_IT.UTF-8")],
                              capture_output=True, text=True)
        if os.path.isdir(os.path.join(path, "it_IT.UTF-8")):
            return {"LC_ALL": "it_IT.UTF-8", "LOCPATH": path}, "compiled by localedef"
        print("localedef failed (%s): it_IT.UTF-8 stays missing" % made.stderr.strip())
    return {"LC_ALL": "it_IT.UTF-8"}, "not installed"


class Robustness(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="relazione-robustness-")
        os.chmod(self.work, 0o755)   # a non-root user must reach it (read-only test)
        self.mounts = []

    def tearDown(self):
        for mount in reversed(self.mounts):
            subprocess.run(["umount", mount], capture_output=True)
        shutil.rmtree(self.work, ignore_errors=True)

    def input_copy(self, name="input"):
        path = os.path.join(self.work, name)
        shutil.copytree(INPUT, path)
        return path

    def reference(self, name="reference"):
        """A successful build of input/ into a fresh directory, and the files it
        published in the order it writes them."""
        out = os.path.join(self.work, name)
        run = build(INPUT, out)
        self.assertEqual(run.returncode, 0, run.stderr)
        outputs = published(out)
        for document in DOCUMENTS:
            self.assertIn(document, outputs)
        return out, outputs

    # ---- determinism -------------------------------------------------------------

    def test_identical_across_locales_time_zones_and_clocks(self):
        italian, how = italian_locale(self.work)
        print("it_IT.UTF-8: %s" % how)
        clock = compile_shim("fakeclock", self.work)
        clocks = [("real clock", {})]
        if clock:
            # 2037-06-15 and 1999-01-01: a run must not read the clock at all.
            clocks.append(("clock at 2037", {"LD_PRELOAD": clock,
                                              "FAKECLOCK_EPOCH": "2128723200"}))
            clocks.append(("clock at 1999", {"LD_PRELOAD": clock,
                                              "FAKECLOCK_EPOCH": "915148800"}))
        else:
            print("gcc missing: the clock is not moved")
        results = {}
        for locale_name, locale_env in (("C", {"LC_ALL": "C"}), ("it_IT.UTF-8", italian)):
            for tz in ("UTC", "Pacific/Kiritimati"):
                for clock_name, clock_env in clocks:
                    label = "LC_ALL=%s TZ=%s %s" % (locale_name, tz, clock_name)
                    out = os.path.join(self.work, "out-%d" % len(results))
                    env = base_env(TZ=tz, **locale_env, **clock_env)
                    run = build(INPUT, out, env=env)
                    self.assertEqual(run.returncode, 0, "%s: %s" % (label, run.stderr))
                    results[label] = snapshot(out)
        first_label, first = next(iter(results.items()))
        for name in DOCUMENTS:
            self.assertIn(name, first)
        for label, files in results.items():
            self.assertEqual(sorted(files), sorted(first))
            for name in first:
                self.assertEqual(files[name], first[name],
                                 "%s differs between «%s» and «%s»" % (name, first_label, label))
        print("%d builds, byte-identical: %s" % (len(results), ", ".join(results)))

    def test_source_date_epoch_is_read_in_utc(self):
        """With SOURCE_DATE_EPOCH set, the time zone still changes nothing (a
        stamp just before midnight UTC is the next day in Kiritimati, UTC+14)."""
        outputs = []
        for tz in ("UTC", "Pacific/Kiritimati", "America/Los_Angeles"):
            out = os.path.join(self.work, "epoch-" + tz.replace("/", "-"))
            run = build(INPUT, out, env=base_env(TZ=tz, SOURCE_DATE_EPOCH="1743119999"))
            self.assertEqual(run.returncode, 0, run.stderr)
            outputs.append(snapshot(out))
        self.assertTrue(all(o == outputs[0] for o in outputs))

    # ---- a killed build ----------------------------------------------------------

    def kill_build(self, in_dir, out_dir, when):
        """Starts a build and SIGKILLs it: `when` is a delay in seconds, or "staged"
        to kill as soon as a temporary output appears. Returns the exit status if it
        finished before the kill (None if it was killed running) and the temporary
        files seen in `out_dir` while it ran."""
        errors = tempfile.TemporaryFile()
        process = subprocess.Popen([RELAZIONE, "build", in_dir, "-o", out_dir],
                                   env=base_env(), stdout=subprocess.DEVNULL,
                                   stderr=errors)
        deadline = time.monotonic() + (when if when != "staged" else 120)
        earlier = set(temp_files(out_dir))
        seen = set()
        while time.monotonic() < deadline and process.poll() is None:
            seen.update(set(temp_files(out_dir)) - earlier)
            if when == "staged" and seen:
                break
            time.sleep(0.001)
        finished = process.poll()
        process.send_signal(signal.SIGKILL)
        process.wait()
        errors.seek(0)
        self.last_errors = errors.read().decode("utf-8", "replace")
        errors.close()
        return finished, sorted(seen)

    def test_killed_build_leaves_published_outputs_intact(self):
        out, outputs = self.reference("out")
        kept = outputs + ["nota.txt"]
        with open(os.path.join(out, "nota.txt"), "w") as f:
            f.write("un file dell'utente, da non toccare\n")
        original = snapshot(out)
        big = big_input(self.work)
        big_out = os.path.join(self.work, "big-output")
        started = time.monotonic()
        timing = build(big, big_out)
        duration = time.monotonic() - started
        self.assertEqual(timing.returncode, 0, timing.stderr)
        big_files = snapshot(big_out)

        caught = 0
        leftovers = set()
        reference_files = dict(original)
        for when in ["staged"] + [duration * f for f in (0.05, 0.2, 0.4, 0.6, 0.8, 0.95)]:
            finished, staged = self.kill_build(big, out, when)
            after = snapshot(out)
            stray = {n for n in set(after) - set(original)}
            self.assertTrue(all(STAGING.match(n.split("/")[0]) for n in stray),
                            "after a kill at %s: unexpected files %s" % (when, sorted(stray)))
            leftovers |= {n.split("/")[0] for n in stray}
            self.assertEqual(after["nota.txt"], original["nota.txt"])
            # Every output is the old or the new file, never a partial one; the
            # set is one build's unless a publication was cut short (a kill during
            # the renames, microseconds): then its journal is left for the next
            # build to roll back, and the new files are a prefix of the order.
            versions = []   # new or old, for the outputs that differ between the two
            for name in outputs:
                self.assertIn(after[name], (reference_files[name], big_files[name]),
                              "%s is neither the old nor the new file after a kill at %s"
                              % (name, when))
                if big_files[name] != reference_files[name]:
                    versions.append(after[name] == big_files[name])
            cut_short = any(n.endswith("/" + JOURNAL) for n in stray)
            if not cut_short:
                self.assertTrue(all(versions) or not any(versions),
                                "a mixed set with no journal after a kill at %s: %s"
                                % (when, versions))
            else:
                self.assertEqual(versions, sorted(versions, reverse=True))
            if finished is None:
                caught += 1
            else:
                # it finished first: published whole
                self.assertEqual(finished, 0, self.last_errors)
                self.assertTrue(all(versions))
            print("kill at %s: %s, staging seen %s, left behind %s%s" % (
                when if when == "staged" else "%.3fs of %.3fs" % (when, duration),
                "mid-run" if finished is None else "already finished (%d)" % finished,
                staged or "none", sorted({n.split("/")[0] for n in stray}) or "none",
                ", publication cut short" if cut_short else ""))
        self.assertGreater(caught, 0, "no kill caught the build running (%.2fs)" % duration)
        if leftovers:
            print("NOTE: SIGKILL left staging directories (no cleanup is possible then); "
                  "the next build into the directory removes them: %s" % sorted(leftovers))

        # The next good build publishes, keeps the user's file, stages nothing
        # that stays behind, and removes nothing but what it replaces.
        run = build(INPUT, out)
        self.assertEqual(run.returncode, 0, run.stderr)
        final = snapshot(out)
        for name in kept:
            self.assertEqual(final[name], original[name], name)
        self.assertEqual(set(temp_files(out)), set(),
                         "a successful build leaves no temporary file, its own or a killed one's")
        self.assertEqual(set(final) - set(original), set())

    # ---- a full disk -------------------------------------------------------------

    def check_failed_write(self, run, out, before, expect_files):
        """Exit 74, an error naming one of `expect_files` (the documents are
        written at once, so which of them meets the full disk first varies)
        that says why, and the output directory exactly as before."""
        self.assertEqual(run.returncode, EXIT_IOERR, run.stderr)
        lines = [l for l in run.stderr.splitlines() if ": errore: " in l]
        self.assertTrue(lines, "no diagnostic: %r" % run.stderr)
        self.assertTrue(any(f in l for l in lines for f in expect_files),
                        "no error names %s: %s" % (expect_files, lines))
        self.assertTrue(any("disco pieno" in l for l in lines),
                        "the message does not say «disco pieno»: %s" % lines)
        self.assertEqual(snapshot(out), before, "the output directory changed")
        self.assertEqual(temp_files(out), [])

    def tmpfs(self, size_bytes):
        """A tmpfs of `size_bytes` (a multiple of its 4 KiB pages), or SkipTest."""
        if os.geteuid() != 0:
            self.skipTest("not root: cannot mount a small tmpfs (the ENOSPC shim test "
                          "covers a full disk)")
        path = os.path.join(self.work, "tmpfs-%d" % len(self.mounts))
        os.makedirs(path)
        size = (size_bytes + 4095) // 4096 * 4096
        mount = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%d" % size, "tmpfs",
                                path], capture_output=True, text=True)
        if mount.returncode != 0:
            self.skipTest("cannot mount a tmpfs here: %s" % mount.stderr.strip())
        self.mounts.append(path)
        return path

    def test_full_disk_tmpfs(self):
        """Room for the old outputs and part of the new ones: in turn each output
        finds the disk full after the ones before it were staged; all must go."""
        reference, outputs = self.reference()
        pages = {n: -(-os.path.getsize(os.path.join(reference, n)) // 4096) for n in outputs}
        old = sum(pages.values())
        for i, failing in enumerate(outputs):
            with self.subTest(failing=failing):
                room = old + sum(pages[n] for n in outputs[:i]) + pages[failing] // 2
                out = self.tmpfs(room * 4096)
                for name in outputs:
                    shutil.copy(os.path.join(reference, name), out)
                before = snapshot(out)
                run = build(INPUT, out)
                self.check_failed_write(run, out, before, written_with(out, failing, outputs))

    def test_full_disk_enospc_shim(self):
        """The same with an LD_PRELOAD shim: ENOSPC after so many bytes."""
        shim = compile_shim("enospc", self.work)
        if shim is None:
            self.skipTest("gcc missing: cannot build the ENOSPC shim")
        reference, outputs = self.reference()
        sizes = {n: os.path.getsize(os.path.join(reference, n)) for n in outputs}
        cases = [(outputs[0], 0)]
        cases += [(n, sum(sizes[m] for m in outputs[:i]) + sizes[n] // 2)
                  for i, n in enumerate(outputs)]
        for failing, budget in cases:
            with self.subTest(failing=failing, budget=budget):
                out = os.path.join(self.work, "shim-%d" % budget)
                shutil.copytree(reference, out)
                before = snapshot(out)
                env = base_env(LD_PRELOAD=shim, ENOSPC_DIR=os.path.realpath(out),
                               ENOSPC_AFTER=str(budget))
                run = build(INPUT, out, env=env)
                self.check_failed_write(run, out, before, written_with(out, failing, outputs))

    # ---- an output directory that may not be written -------------------------------

    def as_other_user(self):
        return other_user_prefix()

    def test_read_only_output_directory(self):
        prefix = self.as_other_user()
        out = os.path.join(self.work, "read-only")
        os.makedirs(out)
        os.chmod(out, 0o555)
        run = build(INPUT, out, prefix=prefix)
        self.assertEqual(run.returncode, EXIT_CANTCREAT, run.stderr)
        self.assertIn(out, run.stderr)
        self.assertIn("errore", run.stderr)
        self.assertEqual(os.listdir(out), [])

    def test_read_only_output_directory_is_checked_before_computing(self):
        """The output directory is checked first: with it unwritable, even an
        input with a data error stops at 73, before the data is looked at."""
        prefix = self.as_other_user()
        bad = self.input_copy("bad-input")
        with open(os.path.join(bad, "schede.csv"), "a", encoding="utf-8") as f:
            f.write("Area Anziani;Azione 9;Voce;Descrizione;12.34;€ 1,00;\n")
        out = os.path.join(self.work, "read-only")
        os.makedirs(out)
        os.chmod(out, 0o555)
        run = build(bad, out, prefix=prefix)
        self.assertEqual(run.returncode, EXIT_CANTCREAT, run.stderr)
        self.assertEqual(os.listdir(out), [])

    def test_output_inside_the_input_directory(self):
        for n, inside in enumerate((".", "uscita", os.path.join("testi", "nuova", "uscita"),
                                    os.path.join("..", "input-%d" % 0, "uscita"))):
            with self.subTest(out=inside):
                source = self.input_copy("input-%d" % n)
                before = snapshot(source)
                out = os.path.normpath(os.path.join(source, inside)) if n < 3 else \
                    os.path.join(source, "..", os.path.basename(source), "uscita")
                run = build(source, out)
                self.assertEqual(run.returncode, EXIT_CANTCREAT, run.stderr)
                self.assertIn("errore", run.stderr)
                after = snapshot(source)
                changed = sorted(n for n in set(after) | set(before)
                                 if after.get(n) != before.get(n))
                self.assertEqual(changed, [], "written inside the input directory")

if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1] + sys.argv[3:], verbosity=2)
