#!/usr/bin/python3
"""Times `relazione build` (or check) on an input directory: median wall
time, CPU time and peak RSS over several runs, each run measured on its
own process with wait4().

Usage: bench_build.py [--runs N] [--check] RELAZIONE INPUT_DIR
Example: bench/bench_build.py build/relazione input
"""
import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time


def measure(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--check", action="store_true", help="time check instead of build")
    parser.add_argument("relazione")
    parser.add_argument("input")
    args = parser.parse_args()
    out = tempfile.mkdtemp(prefix="relazione-bench-")
    try:
        command = ([args.relazione, "check", args.input] if args.check else
                   [args.relazione, "build", args.input, "-o", out])
        measure(command)   # warm the page cache
        runs = [measure(command) for _ in range(args.runs)]
    finally:
        shutil.rmtree(out)
    wall = statistics.median(r[0] for r in runs) * 1000
    cpu = statistics.median(r[1] for r in runs) * 1000
    rss = max(r[2] for r in runs)
    print(f"{'check' if args.check else 'build'} {args.input}: median wall {wall:.1f} ms, "
          f"median CPU {cpu:.1f} ms, peak RSS {rss:.1f} MiB ({args.runs} runs)")


if __name__ == "__main__":
    main()
