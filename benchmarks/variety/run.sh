#!/usr/bin/env bash
# The variety suite in one command: builds sro (release), then runs
# `sro bench --suite` on the 40 weeks (10 s limit) and the 6 districts (30 s),
# sro and HiGHS (plain model) each at 2 s and at the limit, every roster
# checked by the validator. Prints both tables and writes the raw figures of
# both to one JSON file.
#
#   benchmarks/variety/run.sh [OUT.json]    default: benchmarks/variety/results.json
#
# WEEK_LIMIT and DISTRICT_LIMIT (seconds) override the limits. Exits non-zero
# when a roster breaks a rule or lies below a proven bound (the JSON is
# written all the same). About 20 minutes on 2 shared cores; with the limits of
# the issue (WEEK_LIMIT=20 DISTRICT_LIMIT=60) about 45.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=${1:-benchmarks/variety/results.json}
swift build -c release --product sro 2>&1 | tail -1
sro=.build/release/sro
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
"$sro" bench --suite benchmarks/variety/weeks --time-limit "${WEEK_LIMIT:-10}" \
  --json "$work/weeks.json" || status=$?
"$sro" bench --suite benchmarks/variety/districts --time-limit "${DISTRICT_LIMIT:-30}" \
  --json "$work/districts.json" || status=$?
python3 - "$work/weeks.json" "$work/districts.json" "$out" <<'PY' || status=1
import json, sys
weeks, districts, out = sys.argv[1:]
with open(weeks) as w, open(districts) as d:
    both = {"weeks": json.load(w), "districts": json.load(d)}
with open(out + ".tmp", "w") as f:
    json.dump(both, f, indent=2, sort_keys=True)
    f.write("\n")
import os
os.replace(out + ".tmp", out)
print("run.sh: wrote " + out)
PY
exit "$status"
