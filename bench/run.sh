#!/usr/bin/env bash
# The benchmarks of docs/SCALING.md: one build at 1x, 10x, 100x (median of
# BUILD_RUNS), and a batch of 1.000 entities at 1x with -j1 and -j2 (median
# of BATCH_RUNS). Prints a table; writes nothing in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_RUNS=${BUILD_RUNS:-7}
BATCH_RUNS=${BATCH_RUNS:-3}
ENTITIES=${ENTITIES:-1000}
WORK=$(mktemp -d /tmp/relazione-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build-bench -j "$(nproc)" >/dev/null
BIN=build-bench/relazione
PY=/usr/bin/python3

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
$PY bench/generate.py scale 10 "$WORK/x10"
$PY bench/generate.py scale 100 "$WORK/x100"
for dir in input "$WORK/x10" "$WORK/x100"; do
  $PY bench/bench_build.py --runs "$BUILD_RUNS" "$BIN" "$dir"
done

$PY bench/generate.py entities "$ENTITIES" "$WORK/entities"
for jobs in 1 2; do
  walls=()
  for run in $(seq "$BATCH_RUNS"); do
    rm -rf "$WORK/out"
    start=$(date +%s.%N)
    "$BIN" batch "$WORK/entities" -o "$WORK/out" -j "$jobs" 2>/dev/null
    end=$(date +%s.%N)
    walls+=("$($PY -c "print(round($end - $start, 2))")")
  done
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "batch $ENTITIES entities -j$jobs: median wall ${median} s (runs: ${walls[*]})"
done
