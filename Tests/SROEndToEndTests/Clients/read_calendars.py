#!/usr/bin/env python3
"""Reads a folder of sro calendars with Python's icalendar package.

Usage: read_calendars.py DIR

Prints one JSON object: {"calendars": [...], "problems": [...]}. Each
calendar lists its events as the parser reads them (uid, status, sequence,
summary, location, geo, school, event, date, start, end, in the calendar's
own time zone). "problems" holds every way a file breaks RFC 5545 as far as
these checks go: lines not ending in CR LF or longer than 75 octets, missing
or malformed properties, duplicate UIDs, and a VTIMEZONE whose offsets
disagree with the IANA time zone database (Python's zoneinfo) at any event.
Exits 2 when icalendar is not installed.
"""

import json
import os
import sys
from datetime import timedelta, timezone

try:
    import icalendar
except ImportError:
    print("icalendar is not installed (python3 -m pip install icalendar)", file=sys.stderr)
    sys.exit(2)
from zoneinfo import ZoneInfo


def physical_line_problems(name, data):
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append(f"{name}: does not end in CR LF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], start=1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"{name}:{number}: a line break that is not CR LF")
        if len(line) > 75:
            problems.append(f"{name}:{number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{name}:{number}: not whole UTF-8 (a character split by folding?)")
    return problems


def local_text(value, tz):
    """(date, HH:MM) of an aware datetime in tz; midnight after a day is 24:00 of that day."""
    local = value.astimezone(tz)
    return local.date(), local.strftime("%H:%M")


def read_event(name, event, zone, vtimezone_tz, problems):
    for key in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS", "SEQUENCE", "LOCATION"]:
        if key not in event:
            problems.append(f"{name}: an event without {key}")
            return None
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    stamp = event.decoded("DTSTAMP")
    if stamp.utcoffset() != timedelta(0):
        problems.append(f"{name}: DTSTAMP {stamp} is not in UTC")
    for label, value in [("DTSTART", start), ("DTEND", end)]:
        if event[label].params.get("TZID") != zone.key:
            problems.append(f"{name}: {label} {value} is not in {zone.key}")
        naive = value.replace(tzinfo=None)
        ours = naive.replace(tzinfo=vtimezone_tz).utcoffset()
        theirs = naive.replace(tzinfo=zone).utcoffset()
        if ours != theirs:
            problems.append(f"{name}: VTIMEZONE gives {ours} at {naive}, zoneinfo {theirs}")
    status = str(event["STATUS"])
    if status not in ("CONFIRMED", "CANCELLED"):
        problems.append(f"{name}: STATUS {status}")
    start_date, start_time = local_text(start, zone)
    end_date, end_time = local_text(end, zone)
    if end_date != start_date:
        if end_date - start_date == timedelta(days=1) and end_time == "00:00":
            end_time = "24:00"
        else:
            problems.append(f"{name}: event {event['UID']} spans days")
    geo = event.get("GEO")
    return {
        "uid": str(event["UID"]),
        "status": status,
        "sequence": int(event["SEQUENCE"]),
        "summary": str(event["SUMMARY"]),
        "location": str(event["LOCATION"]),
        "description": str(event.get("DESCRIPTION", "")),
        "geo": [geo.latitude, geo.longitude] if geo is not None else None,
        "school": str(event.get("X-SRO-SCHOOL", "")),
        "event": str(event["X-SRO-EVENT"]) if "X-SRO-EVENT" in event else None,
        "date": start_date.isoformat(),
        "start": start_time,
        "end": end_time,
    }


def read_calendar(folder, name, problems):
    data = open(os.path.join(folder, name), "rb").read()
    problems.extend(physical_line_problems(name, data))
    calendar = icalendar.Calendar.from_ical(data)
    for key, expected in [("VERSION", "2.0"), ("METHOD", "PUBLISH")]:
        if str(calendar.get(key)) != expected:
            problems.append(f"{name}: {key} is {calendar.get(key)}, expected {expected}")
    if "PRODID" not in calendar:
        problems.append(f"{name}: no PRODID")
    zones = calendar.walk("VTIMEZONE")
    if len(zones) != 1:
        problems.append(f"{name}: {len(zones)} VTIMEZONE components, expected 1")
        return None
    tzid = str(zones[0]["TZID"])
    if str(calendar.get("X-WR-TIMEZONE")) != tzid:
        problems.append(f"{name}: X-WR-TIMEZONE differs from the VTIMEZONE's TZID {tzid}")
    zone = ZoneInfo(tzid)
    vtimezone_tz = zones[0].to_tz(lookup_tzid=False)
    events = []
    for event in calendar.walk("VEVENT"):
        read = read_event(name, event, zone, vtimezone_tz, problems)
        if read is not None:
            events.append(read)
    uids = [e["uid"] for e in events]
    if len(set(uids)) != len(uids):
        problems.append(f"{name}: UIDs repeat")
    return {"file": name, "name": str(calendar.get("X-WR-CALNAME", "")), "timeZone": tzid, "events": events}


def main():
    folder = sys.argv[1]
    problems = []
    calendars = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ics"):
            problems.append(f"{name}: not a calendar file")
            continue
        try:
            calendar = read_calendar(folder, name, problems)
        except Exception as error:  # the parser's own complaint is the finding
            problems.append(f"{name}: icalendar cannot read it: {error}")
            continue
        if calendar is not None:
            calendars.append(calendar)
    json.dump({"calendars": calendars, "problems": problems}, sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
