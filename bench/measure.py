#!/usr/bin/python3
"""Measures commands for bench/run.sh, and prints the table of the results.

  measure.py run RESULTS LABEL --runs N [--fresh DIR] [--expect S] -- COMMAND...
      runs COMMAND once to warm the caches, then N times, each in its own
      process measured with wait4() (what /usr/bin/time uses, at microsecond
      rather than 10 ms resolution): wall time, CPU time (user + system, the
      process and every child it waited for: a batch's workers too) and peak
      RSS (the largest of those processes). DIR is removed before each run
      (not timed); an exit status other than S (default 0) stops everything.
      Appends one JSON line to RESULTS.
  measure.py table RESULTS
      prints the medians as a Markdown table, the ratios and the targets of
      docs/SCALING.md.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time


def measure_once(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return (os.waitstatus_to_exitcode(status), wall, usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024.0)


def run(args):
    def once():
        if args.fresh:
            shutil.rmtree(args.fresh, ignore_errors=True)
        status, wall, cpu, rss = measure_once(args.command)
        if status != args.expect:
            raise SystemExit(f"{' '.join(args.command)}: exit status {status}, expected {args.expect}")
        return wall, cpu, rss

    once()
    runs = [once() for _ in range(args.runs)]
    result = {
        "label": args.label, "command": " ".join(args.command), "runs": args.runs,
        "wall": statistics.median(r[0] for r in runs), "cpu": statistics.median(r[1] for r in runs),
        "rss_mib": max(r[2] for r in runs), "walls": [round(r[0], 4) for r in runs],
    }
    with open(args.results, "a", encoding="utf-8") as f:
        f.write(json.dumps(result) + "\n")
    print(f"{args.label}: median wall {seconds(result['wall'])}, CPU {seconds(result['cpu'])}, "
          f"peak RSS {result['rss_mib']:.1f} MiB ({args.runs} runs)", file=sys.stderr)


def seconds(value):
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(args):
    with open(args.results, encoding="utf-8") as f:
        results = {r["label"]: r for r in map(json.loads, f)}
    print("| measurement | runs | median wall | median CPU | peak RSS |")
    print("|---|---|---|---|---|")
    for r in results.values():
        print(f"| {r['label']} | {r['runs']} | {seconds(r['wall'])} | {seconds(r['cpu'])} | "
              f"{r['rss_mib']:.1f} MiB |")
    print()
    checks = []
    if "build 1x" in results:
        one = results["build 1x"]["wall"]
        checks.append((f"build 1x ≤ 100 ms: {seconds(one)}", one <= 0.100))
        if "build 100x" in results:
            ratio = results["build 100x"]["wall"] / one
            checks.append((f"build 100x ≤ 20 × build 1x: {ratio:.1f} ×", ratio <= 20))
            rss = results["build 100x"]["rss_mib"]
            checks.append((f"peak RSS at 100x ≤ 128 MiB: {rss:.1f} MiB", rss <= 128))
        if "build 10x" in results:
            print(f"build 10x / build 1x: {results['build 10x']['wall'] / one:.1f} ×")
    j1 = next((r for label, r in results.items() if label.endswith("-j1")), None)
    j2 = next((r for label, r in results.items() if label.endswith("-j2")), None)
    if j1 and j2:
        speedup = j1["wall"] / j2["wall"]
        checks.append((f"batch -j2 ≥ 1,7 × faster than -j1: {speedup:.2f} ×", speedup >= 1.7))
    for text, ok in checks:
        print(f"{'met    ' if ok else 'MISSED '} {text}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("run")
    r.add_argument("results")
    r.add_argument("label")
    r.add_argument("--runs", type=int, default=7)
    r.add_argument("--fresh")
    r.add_argument("--expect", type=int, default=0)
    t = sub.add_parser("table")
    t.add_argument("results")
    argv = sys.argv[1:]
    command = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)
    if args.mode == "run":
        if not command:
            parser.error("no command to measure: put it after --")
        args.command = command
        run(args)
    else:
        table(args)


if __name__ == "__main__":
    main()
