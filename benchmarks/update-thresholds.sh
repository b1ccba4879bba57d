#!/usr/bin/env bash
# Records the committed thresholds (Thresholds/*.p90.json) from a fresh run
# of the whole suite: allocation counts, and instruction counts where this
# machine has a hardware counter. Never wall clock, never the time-limited
# SolveBounded.* (how far GLPK gets depends on the machine).
#
# Run it after a change that moves allocation counts on purpose, look at
# `git diff Thresholds/`, and commit the files with the change.
set -euo pipefail
cd "$(dirname "$0")"
unset SRO_BENCH_QUICK SRO_BENCH_MEMORY

metrics=(--metric mallocCountTotal)
# The suite's own test (SolveTime.swift, `instructionsAvailable`).
case "${SRO_BENCH_INSTRUCTIONS:-}" in
  1) metrics+=(--metric instructions) ;;
  0) ;;
  *) if compgen -G '/sys/bus/event_source/devices/cpu*' >/dev/null \
       || compgen -G '/sys/bus/event_source/devices/armv8*' >/dev/null; then
       metrics+=(--metric instructions)
     fi ;;
esac

rm -f Thresholds/*.p90.json
swift package --allow-writing-to-package-directory benchmark thresholds update \
  "${metrics[@]}" --skip 'SolveBounded\..*' --no-progress
swift package benchmark thresholds read
