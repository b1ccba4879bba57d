#!/usr/bin/env python3
"""Prints a Markdown table of two runs of the variety suite side by side
(the JSON files of run.sh, or of one `sro bench --suite --json` each), for
RESULTS.md. The best known objective of a scenario is the least over every
valid roster of both runs (sro before, sro after, HiGHS), so that the gaps
of both runs are measured against the same number.

Usage: compare.py BEFORE.json AFTER.json [weeks|districts]
"""
import json
import math
import sys


def valid(run):
    return run["objective"] if run and run.get("violations") == 0 and run.get("objective") is not None else None


def median(values):
    values = sorted(values)
    n = len(values)
    if n == 0:
        return None
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def p90(values):
    values = sorted(values)
    return values[max(0, math.ceil(0.9 * len(values)) - 1)] if values else None


def spread(values, show):
    values = [math.inf if v is None else v for v in values]
    return " / ".join(show(None if f(values) in (None, math.inf) else f(values)) for f in (median, p90, max))


def pct(value):
    return "none" if value is None else ("0" if value == 0 else "%.2f%%" % (value * 100))


def order(ours, theirs):
    if ours is None and theirs is None:
        return 1
    if theirs is None:
        return 0
    if ours is None:
        return 2
    if abs(ours - theirs) <= 1e-6 * max(1, abs(theirs)):
        return 1
    return 0 if ours < theirs else 2


def column(cases, best, quick, limit, time_limit, highs):
    n = len(cases)
    gap = lambda run, b: None if valid(run) is None else abs(valid(run) - b) / max(1, abs(b))
    gq = [gap(quick(c), b) for c, b in zip(cases, best)]
    gl = [gap(limit(c), b) for c, b in zip(cases, best)]
    proofs = [limit(c)["seconds"] if limit(c) and limit(c)["status"] == "optimal" and valid(limit(c)) is not None
              else None for c in cases]
    out = ["%d of %d" % (sum(p is not None for p in proofs), n),
           spread(proofs, lambda v: ">%g s" % time_limit if v is None else "%.2f" % v),
           "%d of %d" % (sum(g is not None and g <= 0.01 + 1e-12 for g in gq), n),
           spread(gq, pct), spread(gl, pct)]
    for pick in (quick, limit):
        if highs is None:
            out.append("")
            continue
        counts = [0, 0, 0]
        for c in cases:
            counts[order(valid(pick(c)), valid(highs(pick)(c)))] += 1
        out.append("%d / %d / %d" % tuple(counts))
    return out


def table(before, after):
    bc, ac = before["cases"], after["cases"]
    assert [c["name"] for c in bc] == [c["name"] for c in ac], "the runs are of other scenarios"
    runs = lambda c: [c["sroQuick"], c["sroLimit"], c.get("highsQuick"), c.get("highsLimit")]
    best = [min(v for v in map(valid, runs(b) + runs(a)) if v is not None) for b, a in zip(bc, ac)]
    limit, quick = before["timeLimit"], before["quickLimit"]
    with_highs = any(c.get("highsLimit") for c in bc)
    highs_of = (lambda pick: (lambda c: c.get("highsQuick") if pick is sro_quick else c.get("highsLimit"))) \
        if with_highs else None
    labels = ["proven optimal within %g s" % limit, "time to proof, s (median / p90 / max)",
              "within 1%% of best known at %g s" % quick, "gap to best known at %g s (median / p90 / max)" % quick,
              "gap to best known at %g s" % limit, "sro vs HiGHS at %g s: better / equal / worse" % quick,
              "sro vs HiGHS at %g s: better / equal / worse" % limit]
    cols = [column(bc, best, sro_quick, sro_limit, limit, highs_of), column(ac, best, sro_quick, sro_limit, limit, highs_of)]
    if with_highs:
        cols.append(column(bc, best, lambda c: c.get("highsQuick"), lambda c: c.get("highsLimit"), limit, None))
    header = "| %d scenarios | sro before | sro after |%s" % (len(bc), " HiGHS (plain model) |" if with_highs else "")
    print(header)
    print("|---" * (len(cols) + 1) + "|")
    for i, label in enumerate(labels):
        if not with_highs and i >= 5:
            continue
        print("| %s | %s |" % (label, " | ".join(col[i] for col in cols)))


sro_quick = lambda c: c["sroQuick"]
sro_limit = lambda c: c["sroLimit"]


def main():
    before, after = (json.load(open(path)) for path in sys.argv[1:3])
    table(before, after)


if __name__ == "__main__":
    main()
