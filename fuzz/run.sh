#!/usr/bin/env bash
# Fuzzes the scenario loader (YAML and strict JSON), the quick-edit parser
# and the published-roster reader with libFuzzer, seeded with the bundled
# scenarios, overlays and rosters; what loads is also built into a model
# and, when small, solved. Exits non-zero when an input crashes, traps,
# leaks past libFuzzer's memory limit or runs longer than 20 s; the input
# is left in fuzz/findings/ (replay it with `FuzzInput FILE` from a normal
# `swift build --package-path fuzz`, then make it a regression test).
#
#   fuzz/run.sh            60 seconds (what CI runs)
#   fuzz/run.sh 3600       an hour (the longer run; see fuzz/README.md)
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
scratch=../.build-fuzz

echo "== fuzz: build (libFuzzer)"
swift build --scratch-path "$scratch" --product FuzzInput \
  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
binary="$scratch/debug/FuzzInput"

# The seed corpus: one file per seed, its first byte naming the target
# (0 YAML scenario, 1 JSON scenario, 2 quick edits, 3 published roster).
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
seed() { { printf "\\x$1"; cat "$2"; } > "$corpus/$1-$(basename "$2")"; }
for file in ../scenarios/norman/*.yaml ../scenarios/norman/whatif/*.yaml ../Tests/SROCoreTests/Fixtures/*.yaml; do
  seed 00 "$file"
done
seed 01 seeds/small.json
seed 02 seeds/quick-edits.txt
seed 03 ../Tests/SROCoreTests/Fixtures/small.golden.json

mkdir -p findings
echo "== fuzz: run for ${seconds}s"
"$binary" "$corpus" -dict=sro.dict -max_len=8192 -timeout=20 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix=findings/ 2>&1 \
  | grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse)' | sed '/Recommended dictionary/,/End of recommended dictionary/d'
