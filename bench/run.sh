#!/usr/bin/env bash
# The benchmarks of docs/SCALING.md:
#   one build at 1x, 10x, 100x (bench/generate.py scale K), BUILD_RUNS runs each;
#   a batch of ENTITIES entities at 1x (bench/generate.py entities N) with -j1
#   and -j2, BATCH_RUNS runs each;
# then the table of medians (wall, CPU, peak RSS), the ratios and the targets.
#
# Usage: bench/run.sh [WORKDIR]    (default: a new directory under /tmp, removed
#                                   at the end; a given WORKDIR is kept)
# Builds a Release binary in build-bench/; writes nothing else in the tree.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_RUNS=${BUILD_RUNS:-7}
BATCH_RUNS=${BATCH_RUNS:-3}
ENTITIES=${ENTITIES:-1000}
PY=/usr/bin/python3
if [ $# -ge 1 ]; then
  WORK=$1
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d /tmp/relazione-bench-XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
fi

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build-bench -j "$(nproc)" >/dev/null
BIN=$PWD/build-bench/relazione

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
     "$(free -g | awk '/^Mem:/ {print $2}') GiB, Linux $(uname -r)"
echo "date: $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
     "$(git diff --quiet HEAD -- 2>/dev/null || echo '(with uncommitted changes)')"

# Inputs: every one must pass `relazione check` (generate.py --check).
for k in 1 10 100; do
  [ -d "$WORK/x$k" ] || $PY bench/generate.py scale $k "$WORK/x$k" --check "$BIN"
done
[ -d "$WORK/enti" ] || $PY bench/generate.py entities "$ENTITIES" "$WORK/enti"

RESULTS=$WORK/results.jsonl
rm -f "$RESULTS"
for k in 1 10 100; do
  $PY bench/measure.py run "$RESULTS" "build ${k}x" --runs "$BUILD_RUNS" \
    -- "$BIN" build "$WORK/x$k" -o "$WORK/out-x$k"
done
for jobs in 1 2; do
  $PY bench/measure.py run "$RESULTS" "batch $ENTITIES x 1x -j$jobs" --runs "$BATCH_RUNS" \
    --fresh "$WORK/out-enti" -- "$BIN" batch "$WORK/enti" -o "$WORK/out-enti" -j "$jobs"
done
echo
$PY bench/measure.py table "$RESULTS"
