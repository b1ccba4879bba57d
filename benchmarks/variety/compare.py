#!/usr/bin/env python3
"""Prints Markdown tables of two runs of the variety suite side by side
(the JSON files of run.sh), for RESULTS.md.

Usage: compare.py BEFORE.json AFTER.json
"""
import json
import sys


def pct(value):
    return "none" if value is None else ("0" if value == 0 else "%.2f%%" % (value * 100))


def secs(limit):
    return lambda value: (">%g s" % limit) if value is None else "%.2f" % value


def spread(dist, show):
    return "%s / %s / %s" % (show(dist["median"]), show(dist["p90"]), show(dist["max"]))


def rows(report):
    s, n, limit = report["statistics"], report["statistics"]["cases"], report["timeLimit"]
    q = report["quickLimit"]

    def figure(summary):
        if summary is None:
            return ["-"] * 8
        return ["%d of %d" % (summary["proven"], n),
                spread(summary["timeToProof"], secs(limit)),
                "%d of %d" % (summary["withinOnePercentQuick"], n),
                spread(summary["gapToBestQuick"], pct),
                spread(summary["gapToBestLimit"], pct),
                spread(summary["ownGapQuick"], pct),
                spread(summary["ownGapLimit"], pct),
                "%d (%d)" % (summary["rostersChecked"], summary["rostersInvalid"])]

    labels = ["proven optimal within %g s" % limit, "time to proof, s (median / p90 / max)",
              "within 1%% of best known at %g s" % q, "gap to best known at %g s (median / p90 / max)" % q,
              "gap to best known at %g s" % limit, "gap to own bound at %g s" % q,
              "gap to own bound at %g s" % limit, "rosters validated (invalid)"]
    out = list(zip(labels, figure(s["sro"]), figure(s.get("highs"))))
    for key, at in [("versusQuick", q), ("versusLimit", limit)]:
        v = s.get(key)
        if v:
            out.append(("sro vs HiGHS at %g s: better / equal / worse" % at,
                        "%d / %d / %d" % (v["better"], v["equal"], v["worse"]), ""))
    return out


def table(title, before, after):
    print("### %s (%d scenarios)\n" % (title, before["statistics"]["cases"]))
    print("| | sro before | sro after | HiGHS before | HiGHS after |")
    print("|---|---|---|---|---|")
    for (label, sro0, highs0), (_, sro1, highs1) in zip(rows(before), rows(after)):
        if highs0 == "" and highs1 == "":
            print("| %s | %s | %s | | |" % (label, sro0, sro1))
        else:
            print("| %s | %s | %s | %s | %s |" % (label, sro0, sro1, highs0, highs1))
    print()


def main():
    before, after = (json.load(open(path)) for path in sys.argv[1:3])
    for key in ["weeks", "districts"]:
        table(key.capitalize(), before[key], after[key])


if __name__ == "__main__":
    main()
