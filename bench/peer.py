#!/usr/bin/python3
"""Side by side with the Python peer (ReportLab + XlsxWriter) on the peer's own
document: for each scale, generates it with the peer's gen_input.py, converts it
with to_relazione.py, then runs `peer_python.py` and `relazione build`
alternately, each run in its own process measured with wait4(), and prints the
medians and their ratios, all taken in this one run.

Usage: bench/peer.py [--runs N] [--runs-100 M] [--scales 1,10,100] [--callgrind]
                     [--peer DIR] [--work DIR] RELAZIONE
Example: nice -n 10 bench/peer.py --scales 1,10 build-bench/relazione

The peer lives outside the repository (../shared/bench next to the checkout, or
--peer): it is called there, never copied. Its synthetic data do not reconcile,
so the converted input is a draft and `relazione build` exits 1 with both
documents written; any other status stops the bench.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PYTHON = "/usr/bin/python3"   # Debian's: it sees python3-reportlab and python3-xlsxwriter
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_peer():
    for up in ("..", os.path.join("..", "..")):
        candidate = os.path.normpath(os.path.join(REPO, up, "shared", "bench"))
        if os.path.exists(os.path.join(candidate, "peer_python.py")):
            return candidate
    return None


def measure(command, cwd, ok_statuses):
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok_statuses:
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def generate(peer, work, scale):
    gen, rel = os.path.join(work, f"g{scale}"), os.path.join(work, f"r{scale}")
    for path in (gen, rel):
        shutil.rmtree(path, ignore_errors=True)
    subprocess.run([PYTHON, "gen_input.py", gen, "--scale", str(scale)], cwd=peer, check=True)
    subprocess.run([PYTHON, "to_relazione.py", gen, rel], cwd=peer, check=True,
                   stdout=subprocess.DEVNULL)
    return gen, rel


def instructions(command):
    """Instructions counted by callgrind for one run of command. The PDF and
    XLSX writers are forked: each child reports a count that includes what the
    parent did before the fork, so the total is the children's counts plus
    the parent's, less the parent's once per child (a lower bound: the
    parent's work after the fork, publishing and the manifest, is dropped)."""
    with tempfile.TemporaryDirectory(prefix="relazione-cg-") as tmp:
        process = subprocess.Popen(["valgrind", "--tool=callgrind",
                                    f"--callgrind-out-file={tmp}/cg.%p"] + command,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        _, err = process.communicate()
    counts = {int(pid): int(n) for pid, n in re.findall(r"==(\d+)== Collected : (\d+)", err)}
    if process.pid not in counts:
        raise SystemExit(f"callgrind gave no count:\n{err}")
    parent = counts.pop(process.pid)
    return parent + sum(counts.values()) - parent * len(counts)


def summary(runs):
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs),
            max(r[2] for r in runs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="runs of each, per scale")
    parser.add_argument("--runs-100", type=int, default=None,
                        help="runs at 100x (the peer takes minutes there)")
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--callgrind", action="store_true",
                        help="also count relazione's instructions at 1x")
    parser.add_argument("--peer", default=find_peer())
    parser.add_argument("--work", help="where inputs and outputs go (default: a temporary dir)")
    parser.add_argument("relazione")
    args = parser.parse_args()
    if not args.peer:
        raise SystemExit("peer not found: give --peer DIR (the one holding peer_python.py)")
    relazione = os.path.abspath(args.relazione)
    work = args.work or tempfile.mkdtemp(prefix="relazione-peer-")
    os.makedirs(work, exist_ok=True)
    rows = []
    for scale in (int(s) for s in args.scales.split(",")):
        gen, rel = generate(args.peer, work, scale)
        peer_cmd = [PYTHON, "peer_python.py", gen, os.path.join(work, f"outP{scale}"), "all"]
        rel_cmd = [relazione, "build", rel, "-o", os.path.join(work, f"outR{scale}")]
        runs = args.runs_100 if scale == 100 and args.runs_100 else args.runs
        measure(rel_cmd, None, (0, 1))   # warm the page cache; the peer warms with its first run
        peer_runs, rel_runs = [], []
        for i in range(runs):
            peer_runs.append(measure(peer_cmd, args.peer, (0,)))
            rel_runs.append(measure(rel_cmd, None, (0, 1)))
            print(f"{scale}x run {i + 1}/{runs}: peer {peer_runs[-1][0]:.3f} s, "
                  f"relazione {rel_runs[-1][0]:.3f} s", file=sys.stderr)
        rows.append((scale, runs, summary(rel_runs), summary(peer_runs)))
    if not args.work:
        shutil.rmtree(work)
    print("| scale | runs | relazione wall | CPU | peak RSS | peer wall | CPU | peak RSS | ratio (wall) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for scale, runs, r, p in rows:
        print(f"| {scale}x | {runs} | {r[0]:.3f} s | {r[1]:.3f} s | {r[2]:.1f} MiB "
              f"| {p[0]:.2f} s | {p[1]:.2f} s | {p[2]:.1f} MiB | {p[0] / r[0]:.1f}x |")
    if rows and rows[0][0] == 1 and len(rows) > 1:
        for scale, _, r, _ in rows[1:]:
            print(f"relazione {scale}x / 1x wall: {r[0] / rows[0][2][0]:.1f}")
    if args.callgrind:
        with tempfile.TemporaryDirectory(prefix="relazione-peer-cg-") as tmp:
            gen, rel = generate(args.peer, tmp, 1)
            count = instructions([relazione, "build", rel, "-o", os.path.join(tmp, "out")])
        print(f"callgrind, relazione build at 1x: {count / 1e9:.3f} G instructions "
              f"(the peer: 14.3 G, {14.3e9 / count:.1f}x more)")


if __name__ == "__main__":
    main()
