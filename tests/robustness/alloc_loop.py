"""The allocation-failure loop: `relazione check` and `relazione build` of the
example, each run with its N-th allocation refused (allocfail.c), for every N
or every STRIDE-th N.

    alloc_loop.py RELAZIONE SRCDIR [--stride S] [--check-stride S] [--jobs J]

Each run is one of:
  clean      exit 70 with E001 (memoria esaurita) or E233 (a writer process
             crashed on it, contained: docs/OUTPUT.md), the previous outputs in
             OUT byte-identical, no staging directory left;
  identical  exit and messages of the good run, and (build) OUT holds exactly
             the good build's files: the refused allocation was handled;
  crash      ended by a signal;
  silent     exit 0 but OUT differs from the good build (nothing written,
             something missing) or the messages differ;
  wrong      any other outcome: another exit status or message (out of memory
             reported as something else), or a failure that touched OUT.
The loop fails unless crash, silent and wrong are all 0. `make test-alloc`
runs every point; ctest runs a stride (tests/CMakeLists.txt).
"""
import argparse
import collections
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile

import harness

CLEAN_CODES = ("[E001]", "[E233]")
BAD = ("crash", "silent", "wrong")


def count_points(shim, command, work):
    """How many allocations the run makes (the shim's count, every process)."""
    count = os.path.join(work, "count-" + command[0])
    run = subprocess.run([harness.RELAZIONE] + command, capture_output=True, text=True,
                         env=harness.base_env(LD_PRELOAD=shim, ALLOCFAIL_COUNT=count))
    if run.returncode != 0:
        sys.exit("alloc_loop: the run without failures ended with %d:\n%s"
                 % (run.returncode, run.stderr))
    with open(count) as f:
        return int(f.read())


def classify(run, good, out=None, previous=None, good_files=None):
    """(class, detail) of one run against the good run."""
    if run.returncode < 0:
        return "crash", "signal %d" % -run.returncode
    touched = out is not None and (harness.snapshot(out) != previous
                                   or harness.temp_files(out))
    if run.returncode == 0:
        # The good build's messages name its own OUT, this run's another.
        if out is not None:
            run.stderr = run.stderr.replace(out, "OUT")
        if run.stderr != good.stderr:
            return "silent", "messages differ: " + run.stderr[-300:]
        if out is not None and harness.snapshot(out) != good_files:
            return "silent", "outputs differ from the good build"
        return "identical", ""
    if run.returncode == 70 and any(c in run.stderr for c in CLEAN_CODES) and not touched:
        return "clean", ""
    return "wrong", "exit %d%s: %s" % (run.returncode, ", OUT touched" if touched else "",
                                       run.stderr.strip()[-400:])


def run_check(shim, n, good):
    run = subprocess.run([harness.RELAZIONE, "check", harness.INPUT], capture_output=True,
                         text=True, timeout=60,
                         env=harness.base_env(LD_PRELOAD=shim, ALLOCFAIL_AT=str(n)))
    return classify(run, good)


def run_build(shim, n, good, work, previous_dir, previous, good_files):
    out = os.path.join(work, "out-%d" % n)
    shutil.copytree(previous_dir, out)
    try:
        run = subprocess.run([harness.RELAZIONE, "build", harness.INPUT, "-o", out],
                             capture_output=True, text=True, timeout=120,
                             env=harness.base_env(LD_PRELOAD=shim, ALLOCFAIL_AT=str(n)))
        return classify(run, good, out, previous, good_files)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def previous_set(work):
    """A published set that differs from the good build's (a word more in a
    narrative), standing in OUT before every run: a failed run must leave it
    exactly as it was, a successful one must replace it."""
    changed = os.path.join(work, "changed-input")
    shutil.copytree(harness.INPUT, changed)
    with open(os.path.join(changed, "testi", "premessa.md"), "a", encoding="utf-8") as f:
        f.write("\nVersione precedente.\n")
    out = os.path.join(work, "previous")
    run = harness.build(changed, out)
    if run.returncode != 0:
        sys.exit("alloc_loop: the previous set could not be built:\n" + run.stderr)
    return out


def loop(label, points, stride, job, jobs, show):
    """Runs job(n) for n = 1, 1 + stride, ... <= points; prints and returns the counts."""
    counts = collections.Counter()
    examples = {}
    tried = list(range(1, points + 1, stride))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for n, (kind, detail) in zip(tried, pool.map(job, tried)):
            counts[kind] += 1
            if kind in BAD and len(examples.setdefault(kind, [])) < show:
                examples[kind].append("  N=%d: %s" % (n, detail))
    print("%s: %d allocations, %d points tried (stride %d): %d clean, %d identical, "
          "%d crash, %d silent, %d wrong" % (label, points, len(tried), stride, counts["clean"],
                                              counts["identical"], counts["crash"],
                                              counts["silent"], counts["wrong"]))
    for kind in BAD:
        for line in examples.get(kind, []):
            print("  %s%s" % (kind, line))
    sys.stdout.flush()
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("relazione")
    parser.add_argument("source")
    parser.add_argument("--stride", type=int, default=1, help="build: every S-th point")
    parser.add_argument("--check-stride", type=int, default=1, help="check: every S-th point")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=5, help="runs shown of each bad kind")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="alloc-loop-") as work:
        shim = harness.compile_shim("allocfail", work)
        if shim is None:
            print("alloc_loop: no gcc to build the shim: skipped")
            return 0
        good_check = subprocess.run([harness.RELAZIONE, "check", harness.INPUT],
                                    capture_output=True, text=True, env=harness.base_env())
        good_out = os.path.join(work, "good")
        good_build = harness.build(harness.INPUT, good_out)
        if good_build.returncode != 0:
            sys.exit("alloc_loop: the good build failed:\n" + good_build.stderr)
        good_build.stderr = good_build.stderr.replace(good_out, "OUT")
        good_files = harness.snapshot(good_out)
        previous_dir = previous_set(work)
        previous = harness.snapshot(previous_dir)

        check_points = count_points(shim, ["check", harness.INPUT], work)
        build_points = count_points(shim, ["build", harness.INPUT, "-o",
                                           os.path.join(work, "counted")], work)

        counts = loop("check", check_points, args.check_stride,
                      lambda n: run_check(shim, n, good_check), args.jobs, args.show)
        counts += loop("build", build_points, args.stride,
                       lambda n: run_build(shim, n, good_build, work, previous_dir,
                                           previous, good_files), args.jobs, args.show)
    return 1 if any(counts[k] for k in BAD) else 0


if __name__ == "__main__":
    sys.exit(main())
