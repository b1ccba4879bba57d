#!/usr/bin/env bash
# What CI runs: five weeks of the variety suite at 2 s, rosters validated
# (variety/ci-quick.sh); then builds the benchmark suite, runs it in quick mode (Norman,
# 25 and 60 schools, a few iterations), prints the results and checks them
# against the committed thresholds (Thresholds/: allocation counts, never
# time). Exits non-zero on a build failure, a benchmark that fails, or a
# count beyond its tolerance (a regression); counts better than the
# thresholds pass, with a note to record them (update-thresholds.sh).
#
#   benchmarks/ci-quick.sh               build, run, check
#   benchmarks/ci-quick.sh --check-only  check the last run again
set -uo pipefail
cd "$(dirname "$0")"
export SRO_BENCH_QUICK=1
unset SRO_BENCH_MEMORY
baseline=ci-quick
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if [ "${1:-}" != "--check-only" ]; then
  echo "== variety suite (quick): five weeks at 2 s, rosters validated"
  variety/ci-quick.sh || { echo "ci-quick: the variety suite's quick run failed" >&2; exit 1; }
  echo "== benchmarks (quick): build and run"
  # One retry when the benchmark process itself died (exit code 6), said
  # aloud in the log. The crash seen until 2026-12-01 had a known cause, now
  # avoided: package-benchmark's malloc interposer corrupts the heap when a
  # thread ends while it counts, and `EndToEnd.*` started a thread per part
  # (see `concurrently` in Sources/SROSearch). A build error or a second
  # crash fails CI.
  run="$(mktemp)"
  trap 'rm -f "$log" "$run"' EXIT
  attempt() {
    swift package --allow-writing-to-package-directory benchmark baseline update "$baseline" \
      --no-progress --quiet 2>&1 | tee "$run"
    return "${PIPESTATUS[0]}"
  }
  if ! attempt; then
    grep -q "Failed to run" "$run" || { echo "ci-quick: benchmark build failed" >&2; exit 1; }
    echo "ci-quick: the benchmark process failed; retrying once" >&2
    attempt || { echo "ci-quick: benchmark run failed" >&2; exit 1; }
  fi
  swift package benchmark baseline read "$baseline" --no-progress \
    || { echo "ci-quick: cannot read the run's results" >&2; exit 1; }
fi

echo "== benchmarks (quick): thresholds check"
swift package benchmark thresholds check "$baseline" --no-progress 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -eq 0 ]; then
  echo "ci-quick: allocation counts within the thresholds"
elif grep -q "benchmarkThresholdImprovement" "$log" \
  && ! grep -q "benchmarkThresholdRegression" "$log"; then
  echo "ci-quick: allocation counts better than the thresholds (passing);" \
    "record them with benchmarks/update-thresholds.sh"
else
  echo "ci-quick: thresholds check failed (exit $status): a count regressed," \
    "or no thresholds were found; if the change is intended, run" \
    "benchmarks/update-thresholds.sh and commit Thresholds/" >&2
  exit 1
fi
