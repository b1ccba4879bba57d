#!/usr/bin/env bash
# What CI runs of the variety suite: five weeks of different shapes at a 2 s
# limit, sro and HiGHS (when highspy is installed) side by side. Checks only
# that every roster passes the validator, that none lies below a proven bound,
# and that sro returns a roster with a sane status, objective and bound on
# every week; never a time. About 30 seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build --product sro 2>&1 | tail -1
sro="$(swift build --product sro --show-bin-path)/sro"
weeks=(w02-penalize-even w03-forbid-under w11-forbid-over w17-penalize-even w21-forbid-under)
files=()
for week in "${weeks[@]}"; do files+=("benchmarks/variety/weeks/$week.yaml"); done
json=$(mktemp)
trap 'rm -f "$json"' EXIT
"$sro" bench --suite "${files[@]}" --time-limit 2 --json "$json" >/dev/null
python3 - "$json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
bad = []
for case in report["cases"]:
    run = case["sroLimit"]
    if run["status"] not in ("optimal", "feasible"):
        bad.append("%s: sro status %s" % (case["name"], run["status"]))
    elif not (0 <= run["bound"] <= run["objective"] + 1e-6):
        bad.append("%s: sro bound %s, objective %s" % (case["name"], run["bound"], run["objective"]))
for line in bad:
    print("variety ci-quick: " + line, file=sys.stderr)
print("variety ci-quick: %d weeks, every roster valid" % len(report["cases"]))
sys.exit(1 if bad else 0)
PY
