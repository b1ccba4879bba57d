#!/usr/bin/env python3
"""Solves an MPS file with HiGHS (pip install highspy) and prints one JSON
line: status, objective, bound, seconds (wall time of the solve alone).

Usage: highs_solve.py MODEL.mps [--time-limit SECONDS] [--gap FRACTION] [--threads N]
                      [--solution FILE]
`sro bench` runs it on `sro export --plain` models for the side-by-side table.
With --solution, the column values of the solution found (in the model's
column order) are written to FILE as a JSON list, so that `sro bench --suite`
can check HiGHS's roster with the independent validator; no file without one.
A solve still running well past --time-limit is stopped hard: status
"killed", no roster.
"""
import argparse
import json
import math
import os
import sys
import threading
import time

import highspy


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("model")
    parser.add_argument("--time-limit", type=float, default=None)
    parser.add_argument("--gap", type=float, default=0.0)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--solution", default=None)
    args = parser.parse_args()

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    if h.readModel(args.model) != highspy.HighsStatus.kOk:
        print(json.dumps({"status": "error", "message": "cannot read " + args.model}))
        return 1
    # HiGHS's clock runs from the start, reading included: the limit is set
    # only now, so that it bounds the solve alone (as the seconds reported).
    h.setOptionValue("time_limit", h.getRunTime() + args.time_limit if args.time_limit is not None else float("inf"))
    h.setOptionValue("mip_rel_gap", args.gap)
    if args.threads is not None:
        h.setOptionValue("threads", args.threads)
    start = time.perf_counter()
    if args.time_limit is None:
        h.run()
    else:
        # HiGHS checks its limit only now and then: on large models its
        # presolve and probing run minutes past it. Past the limit and a
        # grace (half the limit, at least 5 s) the script stops it hard and
        # reports no roster.
        solve = threading.Thread(target=h.run, daemon=True)
        solve.start()
        solve.join(args.time_limit + max(5.0, args.time_limit / 2))
        if solve.is_alive():
            print(json.dumps({"status": "killed", "objective": None, "bound": None,
                              "seconds": time.perf_counter() - start, "version": h.version()}))
            sys.stdout.flush()
            os._exit(0)
    seconds = time.perf_counter() - start
    status = h.getModelStatus()
    info = h.getInfo()
    names = {
        highspy.HighsModelStatus.kOptimal: "optimal",
        highspy.HighsModelStatus.kTimeLimit: "time-limit",
        highspy.HighsModelStatus.kInfeasible: "infeasible",
    }
    has_solution = info.primal_solution_status == 2

    if args.solution is not None and has_solution:
        with open(args.solution, "w", encoding="utf-8") as f:
            json.dump(list(h.getSolution().col_value), f)

    def finite(value):
        return value if value is not None and math.isfinite(value) else None

    print(json.dumps({
        "status": names.get(status, h.modelStatusToString(status)),
        "objective": finite(info.objective_function_value) if has_solution else None,
        "bound": finite(info.mip_dual_bound),
        "seconds": seconds,
        "version": h.version(),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
