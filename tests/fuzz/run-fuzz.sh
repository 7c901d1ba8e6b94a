#!/usr/bin/env bash
# Runs the libFuzzer harnesses of tests/fuzz for a bounded time each and fails
# if any of them crashed (a sanitizer report, a failed property, a timeout).
#
#   tests/fuzz/run-fuzz.sh BUILD_DIR SECONDS [HARNESS...]    (make fuzz calls it)
#
# Each harness starts from its seeds (tests/fuzz/corpus/<name>/, read only)
# and from what earlier runs found (BUILD_DIR/fuzz-corpus/<name>/, where new
# inputs go); a crash is written to BUILD_DIR/fuzz-artifacts/<name>/,
# minimised, and named with the command that reproduces it. A crash input,
# once fixed, belongs in tests/fuzz/regressions/<name>/ (see README.md).
set -uo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_DIR SECONDS [HARNESS...]" >&2
  exit 64
fi
build=$(cd "$1" && pwd)
seconds=$2
shift 2
src=$(cd "$(dirname "$0")" && pwd)
if [ $# -gt 0 ]; then
  harnesses=("$@")
else
  harnesses=(csv encoding number date ini_metadata formula)
fi

# Longest input worth generating: a cell for numbers and dates, a formula,
# a metadata file, a small CSV.
max_len() {
  case $1 in
    number|date) echo 128 ;;
    formula) echo 1024 ;;
    ini_metadata) echo 4096 ;;
    *) echo 8192 ;;
  esac
}

failed=()
summary=()
total_runs=0
started=$(date +%s)
for h in "${harnesses[@]}"; do
  binary=$build/fuzz_$h
  if [ ! -x "$binary" ]; then
    echo "fuzz: $binary missing (configure with -DREL_FUZZ=ON and build it)" >&2
    exit 70
  fi
  work=$build/fuzz-corpus/$h
  artifacts=$build/fuzz-artifacts/$h
  log=$build/fuzz-logs/$h.log
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  echo "fuzz: $h for ${seconds}s (max_len $(max_len "$h")), log $log"
  "$binary" -max_total_time="$seconds" -max_len="$(max_len "$h")" -dict="$src/$h.dict" \
    -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" \
    "$work" "$src/corpus/$h" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  total_runs=$((total_runs + ${runs:-0}))
  if [ $status -eq 0 ]; then
    summary+=("$(printf '%-13s %10s executions  %6s/s  %s  ok' "$h" "${runs:-?}" "${rate:-?}" "$cov")")
    continue
  fi
  failed+=("$h")
  crash=$(ls -t "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* \
            "$artifacts"/leak-* 2>/dev/null | head -1)
  summary+=("$(printf '%-13s %10s executions  %6s/s  %s  CRASH %s' "$h" "${runs:-?}" "${rate:-?}" "$cov" "$crash")")
  grep -m1 -A40 -E '^==[0-9]+==ERROR|runtime error|property failed|deadly signal|timeout' "$log" >&2
  if [ -n "$crash" ]; then
    "$binary" -minimize_crash=1 -max_total_time=60 -exact_artifact_path="$crash.min" \
      "$crash" >"$log.minimize" 2>&1
    [ -f "$crash.min" ] || cp "$crash" "$crash.min"
    echo "fuzz: $h crashed; minimised input $crash.min ($(wc -c <"$crash.min") bytes)" >&2
    echo "fuzz: reproduce with: $binary $crash.min" >&2
    echo "fuzz: once fixed, keep it: cp $crash.min $src/regressions/$h/" >&2
  fi
done

echo
echo "fuzz: $(( $(date +%s) - started ))s in all, $total_runs executions"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes in: ${failed[*]}" >&2
  exit 1
fi
