#!/usr/bin/env python3
"""Writes the variety suite: weeks of many shapes, built apart from `sro generate`.

Usage: make_weeks.py [--out DIR]   (default: the folder of this script)

Writes DIR/weeks/wNN-*.yaml (40 weeks of about 24 schools), DIR/districts/
dNN-*.yaml (6 districts of 60-120 schools) and DIR/SHAPES.md (what each file's
shape is). Deterministic: the same script writes the same bytes. Python 3
standard library only.

Each file's shape is drawn from balanced lists, one per dimension, shuffled
apart, so that the dimensions mix: crossAgency (penalize, forbid), staffing
(under, even, over), absence rate (0-25 %, with partial-day court and
training), events (few, many evening and Saturday ones), hour caps (usual,
tight with part-time officers), rest (8-12 h), travel (slow or fast, compact
or spread out), schools without a location, and skills (none, some, scarce).
The towns, bell times, periods, agencies and names are this script's own.
"""
import argparse
import math
import os
import random
from datetime import date, timedelta

WEEKS = 40
DISTRICT_SIZES = [60, 75, 90, 100, 120, 120]
DAYS = ["mon", "tue", "wed", "thu", "fri"]

TREES = """aspen birch cedar cypress elm fir hawthorn hazel hemlock hickory holly juniper
larch laurel linden locust magnolia maple mulberry oak olive pecan pine poplar redbud
rowan sassafras spruce sumac sycamore tamarack walnut willow yew alder ash beech buckeye
catalpa chestnut cottonwood dogwood""".split()
PLACES = """brook creek ridge meadow prairie valley hollow bluff grove park heights crossing
springs lake mill station harbor point field glen""".split()
SURNAMES = """Abbott Acosta Baird Barela Castaneda Chavis Delacroix Dunmore Esparza Fairley
Gallardo Greer Halvorsen Ibarra Jessup Kealoha Lindgren Mabry Nakamura Ochoa Pruitt Quarles
Rasmussen Sandoval Thibodeaux Underhill Valdivia Whitfield Xiong Yates Zamora Alcala Bertrand
Coffey Dominguez Ellery Forsythe Gatlin Hargrove Iwamoto Janssen Kowal Leblanc Mercado Nygaard
Oyelaran Prentice Quintero Rios Stroud Tolliver Upshaw Voss Wendt Yazzie Zeller""".split()

# Period sets: cut points and priorities, unlike the bundled district's.
PERIOD_SETS = [
    [("open", "06:45", "08:15", 3), ("classes", "08:15", "14:45", 1), ("close", "14:45", "16:15", 3)],
    [("before", "07:00", "08:00", 2), ("am", "08:00", "11:00", 1), ("lunch", "11:00", "12:30", 2),
     ("pm", "12:30", "15:00", 1), ("after", "15:00", "16:30", 3)],
    [("arrive", "07:30", "08:45", 4), ("dismiss", "14:15", "15:45", 4)],
    [("zero", "06:30", "07:45", 2), ("day", "07:45", "15:15", 1), ("release", "15:15", "16:45", 2)],
]


def balanced(values, n, rng):
    """`n` values cycling through `values`, shuffled: balanced marginals."""
    out = [values[i % len(values)] for i in range(n)]
    rng.shuffle(out)
    return out


def shapes(n, seed):
    """One shape per file; each dimension balanced and shuffled apart."""
    rng = random.Random(seed)
    dims = {
        "cross": balanced(["penalize", "forbid"], n, rng),
        "staffing": balanced(["under", "even", "over"], n, rng),
        "absence": balanced([0.0, 0.05, 0.10, 0.15, 0.20, 0.25], n, rng),
        "events": balanced(["few", "many"], n, rng),
        "caps": balanced(["usual", "tight"], n, rng),
        "rest": balanced([8, 9, 10, 11, 12], n, rng),
        "travel": balanced(["slow", "fast"], n, rng),
        "spread": balanced(["compact", "spread"], n, rng),
        "unlocated": balanced([0.0, 0.0, 0.2, 0.5, 1.0], n, rng),
        "skills": balanced(["none", "some", "scarce"], n, rng),
    }
    return [{k: v[i] for k, v in dims.items()} for i in range(n)]


def hhmm(minutes):
    return "%02d:%02d" % (minutes // 60, minutes % 60)


def q(text):
    """A YAML double-quoted scalar (the names are plain ASCII)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(pairs):
    """A YAML flow mapping from (key, rendered value) pairs."""
    return "{" + ", ".join("%s: %s" % (k, v) for k, v in pairs) + "}"


def window(days, start, end, officers):
    day_text = days if isinstance(days, str) else "[" + ", ".join(days) + "]"
    return flow([("days", day_text), ("start", q(start)), ("end", q(end)), ("officers", officers)])


CENTERS = [(44.95, -93.20), (33.45, -112.05), (39.70, -104.95), (47.60, -122.30),
           (36.15, -86.78), (42.33, -83.05), (29.95, -90.07), (40.77, -111.89)]
AGENCY_LAYOUTS = [
    # (id, name, levels served)
    [("MPD", "Metro Police", ["high", "middle", "alternative"]),
     ("CSO", "County Sheriff", ["elementary"])],
    [("CPD", "City Police", ["high"]),
     ("SHF", "Sheriff's Office", ["middle", "elementary"]),
     ("ISD", "School District Police", ["alternative"])],
    [("TPD", "Township Police", ["high", "alternative"]),
     ("PSO", "Parish Sheriff", ["middle", "elementary"])],
]
SKILL_KINDS = ["special-needs", "bilingual", "crisis-team"]


class Builder:
    """Draws one scenario of a given shape and renders it as YAML."""

    def __init__(self, index, shape, schools, week, label, seed):
        self.i, self.shape, self.size, self.week, self.label = index, shape, schools, week, label
        self.rng = random.Random(seed)
        self.layout = self.rng.choice(AGENCY_LAYOUTS)
        self.serving = {lvl: a for a, _, lvls in self.layout for lvl in lvls}
        self.schools, self.officers, self.absences, self.closures, self.events = [], [], [], [], []
        self.levels = {}
        self.skills = []

    # -- schools --------------------------------------------------------------

    def level_counts(self):
        n = self.size
        high = max(2, round(n * self.rng.uniform(0.10, 0.15)))
        middle = max(2, round(n * self.rng.uniform(0.15, 0.22)))
        alternative = 1 if n < 40 else max(1, n // 40)
        return [("high", high), ("middle", middle), ("alternative", alternative),
                ("elementary", n - high - middle - alternative)]

    def bells(self):
        r = self.rng
        step = lambda lo, hi: lo + 15 * r.randint(0, (hi - lo) // 15)
        self.levels = {
            "high": [(step(405, 450), step(915, 990), 2)],
            "middle": [(step(435, 480), step(900, 975), 1)],
            "elementary": [(step(450, 510), step(885, 945), 1)],
            "alternative": [(step(480, 510), step(750, 870), 1)],
        }

    def place(self, k):
        lat0, lon0 = self.center
        radius = self.radius * math.sqrt(self.rng.random())
        angle = self.rng.uniform(0, 2 * math.pi)
        lat = lat0 + radius / 111.0 * math.sin(angle)
        lon = lon0 + radius / (111.0 * math.cos(math.radians(lat0))) * math.cos(angle)
        return "{lat: %.4f, lon: %.4f}" % (lat, lon)

    def build_schools(self):
        r, s = self.rng, self.shape
        self.center = r.choice(CENTERS)
        base = r.uniform(4, 7) if s["spread"] == "compact" else r.uniform(20, 35)
        self.radius = base * math.sqrt(self.size / 24)
        self.bells()
        names = r.sample(TREES, len(TREES))
        places = r.sample(PLACES, len(PLACES))
        k = 0
        for level, count in self.level_counts():
            for _ in range(count):
                rounds = k // len(names)  # a tree's name again, with a place: still unique
                word = names[k % len(names)] + ("" if rounds == 0 else "-" + places[rounds - 1])
                self.schools.append(self.school(k, level, word))
                k += 1
        self.skill_schools()

    def school(self, k, level, word):
        r = self.rng
        suffix = {"high": "hs", "middle": "ms", "elementary": "es", "alternative": "academy"}[level]
        sid = "%s-%s" % (word, suffix)
        school = {"id": sid, "level": level, "agency": self.serving[level], "priority": 1,
                  "location": None if r.random() < self.shape["unlocated"] else self.place(k),
                  "coverage": None, "skills": [], "needed": self.levels[level][0][2]}
        if level == "high" and r.random() < 0.35:
            school["needed"] = 3
            school["coverage"] = self.own_coverage(level, 3, "full")
        elif r.random() < 0.2:
            school["coverage"] = self.own_coverage(level, school["needed"], None)
        if r.random() < 0.15:
            school["priority"] = r.choice([2, 2, 3])
        if level == "elementary" and r.random() < 0.08:
            school["agency"] = self.layout[0][0]  # a contract school of the city
        return school

    def own_coverage(self, level, officers, kind):
        r = self.rng
        start, end, _ = self.levels[level][0]
        kind = kind or r.choice(["early-wed", "split", "four-day", "late"])
        if kind == "full":
            return [window("weekdays", hhmm(start), hhmm(end), officers)]
        if kind == "early-wed":
            return [window(["mon", "tue", "thu", "fri"], hhmm(start), hhmm(end), officers),
                    window(["wed"], hhmm(start), hhmm(min(end, 780)), officers)]
        if kind == "split":
            return [window("weekdays", hhmm(start), hhmm(start + 90), officers),
                    window("weekdays", hhmm(end - 90), hhmm(end), officers)]
        if kind == "four-day":
            return [window(["mon", "tue", "wed", "thu"], hhmm(start), hhmm(end + 60), officers)]
        return [window("weekdays", hhmm(start + 60), hhmm(end + 120), officers)]

    def skill_schools(self):
        r, mode = self.rng, self.shape["skills"]
        if mode == "none":
            return
        kinds = SKILL_KINDS[:1] if mode == "some" else SKILL_KINDS
        count = max(1, round(self.size * (0.10 if mode == "some" else 0.12)))
        for school in r.sample(self.schools, count):
            school["skills"] = [r.choice(kinds)]
        self.skills = kinds

    # -- officers -------------------------------------------------------------

    def build_officers(self):
        factor = {"under": (0.85, 0.95), "even": (1.0, 1.1), "over": (1.15, 1.30)}
        lo, hi = factor[self.shape["staffing"]]
        names = self.rng.sample(SURNAMES, len(SURNAMES))
        for agency, _, _ in self.layout:
            mine = [s for s in self.schools if s["agency"] == agency]
            demand = sum(s["needed"] for s in mine)
            count = max(1, round(demand * self.rng.uniform(lo, hi)))
            homes = [s["id"] for s in mine for _ in range(s["needed"])]
            self.rng.shuffle(homes)
            for n in range(count):
                home = homes[n] if n < len(homes) and self.rng.random() < 0.9 else None
                oid = "%s-%02d" % (agency.lower(), n + 1)
                name = "%s. %s" % (chr(65 + self.rng.randrange(26)), names[len(self.officers) % len(names)])
                self.officers.append({"id": oid, "name": name, "agency": agency, "home": home,
                                      "skills": [], "hours": None, "overtime": None})
        self.hand_out_skills()
        self.caps()

    def hand_out_skills(self):
        """Each skill school's agency holds its skill once per officer the school
        needs, its own officers first: just enough (scarce), or a quarter of the
        officers more (some)."""
        r = self.rng
        for school in self.schools:
            if not school["skills"]:
                continue
            kind = school["skills"][0]
            mine = [o for o in self.officers if o["agency"] == school["agency"]]
            mine.sort(key=lambda o: o["home"] != school["id"])
            holders = sum(kind in o["skills"] for o in mine)
            for officer in mine:
                if holders >= school["needed"]:
                    break
                if kind not in officer["skills"]:
                    officer["skills"].append(kind)
                    holders += 1
        spare = 0.25 if self.shape["skills"] == "some" else 0.02
        for officer in self.officers:
            kind = r.choice(self.skills) if self.skills else None
            if kind and kind not in officer["skills"] and r.random() < spare:
                officer["skills"].append(kind)

    def caps(self):
        r = self.rng
        tight = self.shape["caps"] == "tight"
        for officer in self.officers:
            if r.random() < (0.2 if tight else 0.06):
                officer["hours"] = r.choice([16, 24, 30, 32] if tight else [30, 32])
                officer["overtime"] = r.choice([0, 0, 2])
            elif tight and r.random() < 0.3:
                officer["overtime"] = r.choice([0, 4])

    def policy(self):
        r, s = self.rng, self.shape
        tight = s["caps"] == "tight"
        speed = r.choice([15, 20, 25]) if s["travel"] == "slow" else r.choice([55, 65, 80])
        lines = ["policy:",
                 "  crossAgency: %s" % s["cross"],
                 "  maxHoursPerDay: %s" % (r.choice([10, 11]) if tight else r.choice([10, 12, 12])),
                 "  maxHoursPerWeek: %s" % (r.choice([38, 40]) if tight else 40),
                 "  maxOvertimePerWeek: %s" % (r.choice([2, 4, 5]) if tight else r.choice([8, 10, 12])),
                 "  minRestHours: %s" % s["rest"],
                 "  travelSpeedKmh: %s" % speed]
        self.speed = speed
        weights = r.choice([None, None, (100, 4, 1, 10), (150, 6, 2, 20), (60, 2, 0.5, 5), (200, 8, 1, 15)])
        self.weights = weights
        if weights:
            lines.append("  weights: {uncovered: %s, overtime: %s, awayFromHome: %s, crossAgency: %s}"
                         % weights)
        return lines

    # -- the week's changes -----------------------------------------------------

    def build_absences(self):
        r, rate = self.rng, self.shape["absence"]
        for officer in self.officers:
            whole = [d for d in DAYS if r.random() < rate * 0.6]
            if whole:
                reason = r.choice(["annual leave", "sick", "state training", "family leave"])
                self.absences.append(flow([("officer", officer["id"]), ("days", "[" + ", ".join(whole) + "]"),
                                           ("reason", q(reason))]))
            for day in DAYS:
                if day not in whole and r.random() < rate * 0.4:
                    self.absences.append(self.partial(officer["id"], day))

    def partial(self, oid, day):
        r = self.rng
        kind = r.choice(["court", "court", "training", "qualification"])
        if kind == "court":
            start = 8 * 60 + 30 * r.randint(0, 10)
            end = start + 60 * r.randint(2, 4)
        elif kind == "training":
            start, end = r.choice([(480, 720), (720, 960), (420, 660)])
        else:
            start, end = 780, 1020
        return flow([("officer", oid), ("day", day), ("start", q(hhmm(start))), ("end", q(hhmm(end))),
                     ("reason", q(kind))])

    def build_closures(self):
        r = self.rng
        roll = r.random()
        if roll < 0.12:
            day = r.choice(["mon", "fri"])
            self.closures.append(flow([("school", "all"), ("days", "[%s]" % day), ("reason", q("holiday"))]))
        elif roll < 0.35:
            for school in r.sample(self.schools, r.randint(1, 3)):
                days = "[%s]" % r.choice(DAYS)
                self.closures.append(flow([("school", school["id"]), ("days", days),
                                           ("reason", q("teacher work day"))]))

    EVENT_KINDS = [
        # (kind, levels, days, start, end, officers lo, hi, priority)
        ("football", ["high"], ["fri", "thu"], 1080, 1350, 3, 4, 2),
        ("basketball", ["high", "middle"], ["tue", "thu"], 1080, 1290, 2, 2, 1),
        ("tournament", ["high", "middle"], ["sat"], 480, 960, 1, 2, 1),
        ("dance", ["high"], ["sat", "fri"], 1140, 1410, 2, 3, 2),
        ("family-night", ["elementary"], ["mon", "tue", "wed", "thu"], 1050, 1170, 1, 1, 1),
        ("board-meeting", ["high", "middle", "elementary", "alternative"], ["mon", "tue"], 1110, 1260, 1, 1, 1),
        ("testing", ["high", "middle"], ["wed", "tue"], 420, 720, 1, 1, 2),
        ("carnival", ["elementary"], ["sat"], 600, 840, 1, 2, 1),
        ("graduation", ["high", "alternative"], ["sat"], 600, 780, 2, 4, 3),
    ]

    def build_events(self):
        r = self.rng
        scale = self.size / 24
        count = round(scale * (r.randint(10, 18) if self.shape["events"] == "many" else r.randint(0, 3)))
        for k in range(count):
            kind, levels, days, start, end, lo, hi, priority = r.choice(self.EVENT_KINDS)
            hosts = [s for s in self.schools if s["level"] in levels]
            school = r.choice(hosts)
            pairs = [("id", "ev%02d-%s" % (k + 1, kind)), ("school", school["id"]), ("day", r.choice(days)),
                     ("start", q(hhmm(start))), ("end", q(hhmm(end))), ("officers", r.randint(lo, hi))]
            if priority > 1:
                pairs.append(("priority", priority))
            if self.shape["skills"] == "scarce" and r.random() < 0.15:
                pairs.append(("skills", "[%s]" % r.choice(self.skills)))
            self.events.append(flow(pairs))

    # -- rendering ------------------------------------------------------------

    def build(self):
        self.build_schools()
        self.build_officers()
        self.build_absences()
        self.build_closures()
        self.build_events()
        return self

    def yaml(self):
        r = self.rng
        out = ["# %s: written by benchmarks/variety/make_weeks.py; do not edit by hand." % self.label,
               "name: %s" % q("Variety suite %s (%s)" % (self.label, describe(self.shape))),
               "week: %s" % self.week.isoformat(), "", "periods:"]
        for pid, start, end, priority in r.choice(PERIOD_SETS):
            out.append("  - " + flow([("id", pid), ("start", q(start)), ("end", q(end)), ("priority", priority)]))
        out += [""] + self.policy() + ["", "agencies:"]
        for aid, name, levels in self.layout:
            out.append("  - " + flow([("id", aid), ("name", q(name)), ("serves", "[" + ", ".join(levels) + "]")]))
        out += ["", "defaults:", "  coverage:"]
        for level, windows in self.levels.items():
            out.append("    %s: [%s]" % (level, ", ".join(window("weekdays", hhmm(s), hhmm(e), n)
                                                         for s, e, n in windows)))
        out += ["", "schools:"] + ["  - " + self.school_yaml(s) for s in self.schools]
        out += ["", "officers:"] + ["  - " + officer_yaml(o) for o in self.officers]
        for key, items in [("absences", self.absences), ("closures", self.closures), ("events", self.events)]:
            out += ["", key + ":" + ("" if items else " []")] + ["  - " + item for item in items]
        return "\n".join(out) + "\n"

    def school_yaml(self, s):
        pairs = [("id", s["id"]), ("level", s["level"])]
        if s["agency"] != self.serving[s["level"]]:
            pairs.append(("agency", s["agency"]))
        if s["priority"] != 1:
            pairs.append(("priority", s["priority"]))
        if s["location"]:
            pairs.append(("location", s["location"]))
        if s["skills"]:
            pairs.append(("skills", "[" + ", ".join(s["skills"]) + "]"))
        if s["coverage"]:
            pairs.append(("coverage", "[" + ", ".join(s["coverage"]) + "]"))
        return flow(pairs)

    def row(self, path):
        s = self.shape
        parts = (len(self.schools), len(self.officers), len(self.absences), len(self.events))
        return "| %s | %s | %s | %d | %d | %d%% (%d entries) | %s (%d) | %s | %s h | %s %d km/h, %s | %d%% | %s | %s |" % (
            path, s["cross"], s["staffing"], parts[0], parts[1], round(s["absence"] * 100), parts[2],
            s["events"], parts[3], s["caps"], s["rest"], s["travel"], self.speed, s["spread"],
            round(s["unlocated"] * 100), s["skills"], "default" if not self.weights else "%s/%s/%s/%s" % self.weights)


def officer_yaml(o):
    pairs = [("id", o["id"]), ("name", q(o["name"])), ("agency", o["agency"])]
    if o["home"]:
        pairs.append(("home", o["home"]))
    if o["skills"]:
        pairs.append(("skills", "[" + ", ".join(o["skills"]) + "]"))
    if o["hours"] is not None:
        pairs.append(("maxHoursPerWeek", o["hours"]))
    if o["overtime"] is not None:
        pairs.append(("maxOvertimePerWeek", o["overtime"]))
    return flow(pairs)


def describe(shape):
    return "%s, %s-staffed, %d%% away, %s events, %s caps, rest %d h, %s travel" % (
        shape["cross"], shape["staffing"], round(shape["absence"] * 100), shape["events"], shape["caps"],
        shape["rest"], shape["travel"])


def slug(shape):
    return "%s-%s" % (shape["cross"], shape["staffing"])


HEADER = ("| file | crossAgency | staffing | schools | officers | absent (entries) | events | caps | rest | travel "
          "| no location | skills | weights (uncovered/overtime/away/cross) |\n|" + "---|" * 13)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    rows = {"weeks": [], "districts": []}
    for i, shape in enumerate(shapes(WEEKS, 13)):
        label = "week %02d" % (i + 1)
        path = "weeks/w%02d-%s.yaml" % (i + 1, slug(shape))
        b = Builder(i, shape, random.Random(1000 + i).randint(22, 26),
                    date(2025, 8, 18) + timedelta(weeks=i), label, 5000 + i).build()
        write(os.path.join(args.out, path), b.yaml())
        rows["weeks"].append(b.row(path))
    district_shapes = shapes(len(DISTRICT_SIZES), 17)
    for i, (size, shape) in enumerate(zip(DISTRICT_SIZES, district_shapes)):
        shape["cross"] = "forbid" if i % 2 == 0 else "penalize"
        shape["unlocated"] = min(shape["unlocated"], 0.2)  # travel rows matter at this size
        label = "district %02d" % (i + 1)
        path = "districts/d%02d-%d-%s.yaml" % (i + 1, size, slug(shape))
        b = Builder(i, shape, size, date(2026, 1, 5) + timedelta(weeks=i), label, 9000 + i).build()
        write(os.path.join(args.out, path), b.yaml())
        rows["districts"].append(b.row(path))
    text = ["# Shapes of the variety suite", "",
            "Written by `make_weeks.py` with the files; absent is the chance per officer and day",
            "(whole days and partial-day court, training or qualification), caps `tight` means",
            "lower weekly and daily limits and many part-time officers.", ""]
    for key in ["weeks", "districts"]:
        text += ["## " + key.capitalize(), "", HEADER] + rows[key] + [""]
    write(os.path.join(args.out, "SHAPES.md"), "\n".join(text))


if __name__ == "__main__":
    main()
