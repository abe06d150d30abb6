#!/usr/bin/env python3
"""Expected gold figures of the tiny trust, worked out independently of the pipeline.

Reads trust.yaml, framework.yaml, the staff CSV drops and the diagnostics JSON lines beside
this file, applies the definitions in schemas/gold/*.yaml plainly, and prints every expected
row of the twelve diagnostics, CPD and succession gold tables: one table after another, a
header line naming the table, then the columns in contract order, tab-separated. Numbers of type double are rounded
to 4 decimals, nulls print as "null". Person keys are keyed hashes in gold, so a leader is
shown by the staff id of their first spell (Cara Cole is "A03" at both schools), and a
sitting or cycle by its platform id. Python 3 standard library only:

    python3 jobs/testdata/tiny-trust/expected.py
"""
import csv
import datetime as dt
import glob
import gzip
import json
import math
import os
import re
import statistics

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = dt.date(2025, 6, 30)
LEVELS = ["middle_leader", "assistant_head", "deputy_head", "headteacher", "executive_head"]
GROUPS = ["line_manager", "peer", "direct_report"]


# ---------------------------------------------------------------------------------------------
# Configuration: the few values needed, read line by line (no YAML library in the stdlib).
# ---------------------------------------------------------------------------------------------

def read_trust():
    settings = {
        "min_group_size": 3, "min_raters": 3,
        "agreement_margin": 0.5, "benchmark_margin": 0.25, "blind_spot_share": 0.4,
        "hidden_strength_share": 0.4, "reliable_change_threshold": 1.96,
        "length_days": 90, "grace_days": 14, "movement_margin": 0.1, "candidate_count": 3,
        "need_margin": 0.5, "target_share": 0.3, "cluster_min_schools": 2,
        "first_academic_year": None,
    }
    priorities, schools = {}, []
    section, school = None, None
    with open(os.path.join(HERE, "trust.yaml")) as lines:
        for raw in lines:
            line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
            if not line.strip():
                continue
            if not line.startswith(" "):
                section = line.split(":")[0]
                continue
            text = line.strip()
            if section == "priorities":
                year, codes = re.match(r'"?([0-9/]+)"?:\s*\[(.*)\]', text).groups()
                priorities[year] = [code.strip() for code in codes.split(",") if code.strip()]
            elif section == "schools":
                if text.startswith("- "):
                    school = {"sources": {}}
                    schools.append(school)
                    text = text[2:]
                key, _, value = text.partition(":")
                value = value.strip()
                if key in ("mis", "diagnostics", "cpd", "mentoring"):
                    location = re.search(r"location:\s*([^,}]+)", value)
                    school["sources"][key] = location.group(1).strip() if location else None
                elif key in ("urn", "name", "phase", "region", "joined_on"):
                    school[key] = value.strip('"')
            else:
                key, _, value = text.partition(":")
                if key in settings and value.strip():
                    value = value.strip().strip('"')
                    settings[key] = value if key == "first_academic_year" else float(value)
    # TINY_TRUST_SETTINGS="min_group_size=2 need_margin=0.25" works out the figures under other
    # settings, as a test that changes them in trust.yaml expects.
    for override in os.environ.get("TINY_TRUST_SETTINGS", "").split():
        key, _, value = override.partition("=")
        settings[key] = float(value)
    for school in schools:
        school["urn"] = int(school["urn"])
        school["joined_on"] = dt.date.fromisoformat(school["joined_on"])
    for key in ("min_group_size", "min_raters", "length_days", "grace_days", "candidate_count",
                "cluster_min_schools"):
        settings[key] = int(settings[key])
    return settings, priorities, sorted(schools, key=lambda s: s["urn"])


def read_framework():
    """Behaviours in display order: code -> (name, domain code); domains: code -> name; items -> behaviour."""
    behaviours, domains, items = {}, {}, {}
    domain = behaviour = None
    with open(os.path.join(HERE, "framework.yaml")) as lines:
        for line in lines:
            indent = len(line) - len(line.lstrip())
            text = line.strip()
            if text.startswith("- code:") and indent == 2:
                domain = text.split(":", 1)[1].strip()
                domains[domain] = None
            elif text.startswith("name:") and indent == 4:
                domains[domain] = text.split(":", 1)[1].strip()
            elif text.startswith("- code:") and indent == 6:
                behaviour = text.split(":", 1)[1].strip()
                behaviours[behaviour] = [None, domain]
            elif text.startswith("name:") and indent == 8:
                behaviours[behaviour][0] = text.split(":", 1)[1].strip()
            elif text.startswith("- {id:"):
                items[re.search(r"id:\s*([^,}]+)", text).group(1).strip()] = behaviour
    return {code: tuple(value) for code, value in behaviours.items()}, domains, items


SETTINGS, PRIORITIES, SCHOOLS = read_trust()
BEHAVIOURS, DOMAINS, ITEM_BEHAVIOUR = read_framework()
ORDER = list(BEHAVIOURS)
MIN_GROUP, MIN_RATERS = SETTINGS["min_group_size"], SETTINGS["min_raters"]
SCHOOL = {school["urn"]: school for school in SCHOOLS}


def academic_year(date):
    start = date.year if date.month >= 9 else date.year - 1
    return f"{start}/{(start + 1) % 100:02d}"


def year_start(year):
    return dt.date(int(year[:4]), 9, 1)


def year_end(year):
    return dt.date(int(year[:4]) + 1, 8, 31)


def previous_year(year):
    return academic_year(year_start(year) - dt.timedelta(days=1))


def in_trust(urn, year):
    """The school was in the trust for at least part of the year."""
    return SCHOOL[urn]["joined_on"] <= year_end(year)


def years_to_date():
    years, year = [], SETTINGS["first_academic_year"]
    while year_start(year) <= AS_OF:
        years.append(year)
        year = academic_year(year_end(year) + dt.timedelta(days=1))
    return years


YEARS = years_to_date()


# ---------------------------------------------------------------------------------------------
# Leaders: staff drops, matched to one person on trn, then e-mail, then school staff id.
# ---------------------------------------------------------------------------------------------

def is_date(text):
    try:
        dt.date.fromisoformat(text)
        return True
    except ValueError:
        return False


class People:
    def __init__(self):
        self.by_trn, self.by_email, self.by_staff = {}, {}, {}

    def match(self, urn, staff_id, trn, email):
        if trn and trn in self.by_trn:
            return self.by_trn[trn]
        if email and email.lower() in self.by_email:
            return self.by_email[email.lower()]
        return self.by_staff.get((urn, staff_id))

    def remember(self, person, urn, staff_id, trn, email):
        if trn:
            self.by_trn.setdefault(trn, person)
        if email:
            self.by_email.setdefault(email.lower(), person)
        self.by_staff.setdefault((urn, staff_id), person)


PEOPLE = People()
SPELLS = []  # dicts: person, urn, staff_id, level, start, end (None while open)
for school in SCHOOLS:
    for path in sorted(glob.glob(os.path.join(HERE, school["sources"]["mis"], "staff", "*.csv"))):
        with open(path, newline="") as handle:
            rows = list(csv.reader(handle))
        header = rows[0]
        for row in rows[1:]:
            if len(row) != len(header):
                continue  # lands in bronze.rejects
            record = dict(zip(header, row))
            if not is_date(record["role_start_date"]) or (record["role_end_date"]
                                                          and not is_date(record["role_end_date"])):
                continue  # lands in bronze.rejects
            person = PEOPLE.match(school["urn"], record["staff_id"], record["trn"], record["email"])
            person = person or record["staff_id"]
            PEOPLE.remember(person, school["urn"], record["staff_id"], record["trn"], record["email"])
            SPELLS.append({"person": person, "urn": school["urn"], "staff_id": record["staff_id"],
                           "level": record["role_level"], "title": record["role_title"],
                           "npq": record["npq"] or None,
                           "start": dt.date.fromisoformat(record["role_start_date"]),
                           "end": dt.date.fromisoformat(record["role_end_date"]) if record["role_end_date"]
                           else None})


def role_level(person, urn, date):
    for spell in SPELLS:
        if spell["person"] == person and spell["urn"] == urn and spell["start"] <= date \
                and (spell["end"] is None or spell["end"] >= date):
            return spell["level"]
    return None


def in_post(year, urn=None):
    """Leaders with a role spell during the year at the school (or at any school in the trust)."""
    first, last = year_start(year), year_end(year)
    return {spell["person"] for spell in SPELLS
            if (urn is None or spell["urn"] == urn) and in_trust(spell["urn"], year)
            and spell["start"] <= last and (spell["end"] is None or spell["end"] >= first)}


# ---------------------------------------------------------------------------------------------
# Diagnostics drops: JSON lines (optionally gzipped), newest version of each record.
# ---------------------------------------------------------------------------------------------

def read_entity(school, entity, key):
    newest = {}
    folder = os.path.join(HERE, school["sources"]["diagnostics"], entity)
    for path in sorted(glob.glob(os.path.join(folder, "*.jsonl")) + glob.glob(os.path.join(folder, "*.jsonl.gz"))):
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt") as lines:
            for line in lines:
                if line.strip():
                    record = json.loads(line)
                    record_key = tuple(record[name] for name in key)
                    if record_key not in newest or record["updated_at"] >= newest[record_key]["updated_at"]:
                        newest[record_key] = record
    return list(newest.values())


SITTINGS = {}     # sitting id -> dict
RESPONSES = {}    # sitting id -> list of (rater, role, item, score)
CYCLES = {}       # cycle id -> dict
for school in SCHOOLS:
    if "diagnostics" not in school["sources"]:
        continue
    urn = school["urn"]
    for record in read_entity(school, "sittings", ["sitting_id"]):
        person = PEOPLE.match(urn, record["staff_id"], record.get("trn"), record.get("email"))
        if person is None:
            continue
        date = dt.date.fromisoformat(record["sitting_date"])
        SITTINGS[record["sitting_id"]] = {"id": record["sitting_id"], "person": person, "urn": urn, "date": date,
                                         "year": academic_year(date), "status": record["status"]}
    for record in read_entity(school, "responses", ["sitting_id", "rater_id", "item_id"]):
        if record["item_id"] in ITEM_BEHAVIOUR and not record.get("is_deleted", False):
            RESPONSES.setdefault(record["sitting_id"], []).append(
                (record["rater_id"], record["rater_role"], record["item_id"], record["score"]))
    checkins = {}
    for record in read_entity(school, "checkins", ["checkin_id"]):
        checkins.setdefault(record["cycle_id"], []).append(dt.date.fromisoformat(record["checkin_date"]))
    for record in read_entity(school, "cycles", ["cycle_id"]):
        person = PEOPLE.match(urn, record["staff_id"], None, None)
        if person is None:
            continue
        start = dt.date.fromisoformat(record["start_date"])
        CYCLES[record["cycle_id"]] = {
            "id": record["cycle_id"], "person": person, "urn": urn, "start": start, "year": academic_year(start),
            "completed": dt.date.fromisoformat(record["completed_date"]) if record.get("completed_date") else None,
            "status": record["status"], "focus": record["focus_behaviours"].split("|"),
            "checkins": sorted(checkins.get(record["cycle_id"], []))}

COMPLETED = sorted((s for s in SITTINGS.values() if s["status"] == "completed"), key=lambda s: (s["date"], s["id"]))


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else None


def sd(values):
    values = list(values)
    return statistics.stdev(values) if len(values) >= 2 else None


def items_of(behaviour):
    return [item for item, owner in ITEM_BEHAVIOUR.items() if owner == behaviour]


def asked(sitting_id):
    """Items asked at a sitting: those anyone answered."""
    return {item for _, _, item, _ in RESPONSES.get(sitting_id, [])}


def rater_scores(sitting_id, items):
    """Non-self raters' means over the given items they answered: rater -> (role, mean)."""
    answers = {}
    for rater, role, item, score in RESPONSES.get(sitting_id, []):
        if role != "self" and item in items:
            answers.setdefault(rater, (role, []))[1].append(score)
    return {rater: (role, mean(scores)) for rater, (role, scores) in answers.items()}


def self_score(sitting_id, items):
    return mean(score for _, role, item, score in RESPONSES.get(sitting_id, []) if role == "self" and item in items)


def shown_others(sitting_id, items):
    """Others score over the items when at least min_raters raters answered one of them, else None."""
    raters = rater_scores(sitting_id, items)
    return mean(score for _, score in raters.values()) if len(raters) >= MIN_RATERS else None


def category(gap, others, benchmark):
    if gap is None:
        return None
    if gap > SETTINGS["agreement_margin"]:
        return "over_estimator"
    if gap < -SETTINGS["agreement_margin"]:
        return "under_estimator"
    if benchmark is None:
        return None
    return "in_agreement_high" if others >= benchmark else "in_agreement_low"


def primary_secondary(counts):
    """counts: label -> count (None for no row). Rows of 1..min_group_size-1 are primary; when exactly
    one is, the shown row with the next smallest non-zero count is secondary (ties: first label)."""
    reasons = {label: "fewer_than_min_group_size" for label, count in counts.items()
               if count is not None and 0 < count < MIN_GROUP}
    if len(reasons) == 1:
        shown = [(count, position, label) for position, (label, count) in enumerate(counts.items())
                 if label not in reasons and count]
        if shown:
            reasons[min(shown)[2]] = "secondary_suppression"
    return reasons


# ---------------------------------------------------------------------------------------------
# gold.leader_behaviour_profile (first pass without benchmark-dependent and change figures)
# ---------------------------------------------------------------------------------------------

def group_scores(raters):
    """Shown group means: a group needs min_raters raters, and the raters outside the shown groups
    must number none or at least min_raters; otherwise the smallest shown group is hidden too."""
    sizes = {group: sum(1 for role, _ in raters.values() if role == group) for group in GROUPS}
    shown = [group for group in GROUPS if sizes[group] >= MIN_RATERS]
    while shown:
        outside = len(raters) - sum(sizes[group] for group in shown)
        if outside == 0 or outside >= MIN_RATERS:
            break
        shown.remove(min(shown, key=lambda group: (sizes[group], GROUPS.index(group))))
    return {group: mean(score for role, score in raters.values() if role == group) if group in shown else None
            for group in GROUPS}


PROFILE = []
for sitting in COMPLETED:
    for behaviour in ORDER:
        items = set(items_of(behaviour)) & asked(sitting["id"])
        if not items:
            continue
        raters = rater_scores(sitting["id"], items)
        shown = len(raters) >= MIN_RATERS
        others = mean(score for _, score in raters.values()) if shown else None
        own = self_score(sitting["id"], items)
        groups = group_scores(raters) if shown else dict.fromkeys(GROUPS)
        PROFILE.append({
            "sitting": sitting, "person": sitting["person"], "year": sitting["year"], "urn": sitting["urn"],
            "behaviour": behaviour, "level": role_level(sitting["person"], sitting["urn"], sitting["date"]),
            "self": own, "others": others, "count_raters": len(raters), "groups": groups,
            "gap": own - others if own is not None and others is not None else None,
            "raters": [score for _, score in raters.values()], "suppressed": not shown})


def counted(year, behaviour):
    """Each leader once: their latest completed sitting in the year with a shown others score,
    at a school in the trust that year (and on or after the day it joined)."""
    latest = {}
    for row in PROFILE:
        if row["year"] == year and row["behaviour"] == behaviour and not row["suppressed"] \
                and in_trust(row["urn"], year) and row["sitting"]["date"] >= SCHOOL[row["urn"]]["joined_on"]:
            latest[row["person"]] = row  # PROFILE is in sitting order, so the last one wins
    return latest


def benchmark(year, behaviour):
    rows = counted(year, behaviour).values()
    return mean(row["others"] for row in rows) if len(rows) >= MIN_GROUP else None


for row in PROFILE:
    row["benchmark"] = benchmark(row["year"], row["behaviour"])
    row["category"] = category(row["gap"], row["others"], row["benchmark"])


# Reliable change: SD and r of the behaviour's baseline year.
BASELINE = {}
for behaviour in ORDER:
    for year in sorted({row["year"] for row in PROFILE}):
        rows = list(counted(year, behaviour).values())
        if len(rows) >= MIN_GROUP:
            groups = [row["raters"] for row in rows]
            k, n = len(groups), sum(len(group) for group in groups)
            grand = sum(sum(group) for group in groups) / n
            ss_between = sum(len(group) * (mean(group) - grand) ** 2 for group in groups)
            ss_within = sum((score - mean(group)) ** 2 for group in groups for score in group)
            ms_between = ss_between / (k - 1)
            ms_within = ss_within / (n - k) if n > k else None
            r = (ms_between - ms_within) / ms_between if ms_between and ms_within is not None else None
            BASELINE[behaviour] = {"year": year, "sd": sd(row["others"] for row in rows), "r": r,
                                   "k": k, "n": n, "ms_between": ms_between, "ms_within": ms_within}
            break


def rci(behaviour, change):
    base = BASELINE.get(behaviour)
    if change is None or base is None or base["r"] is None or not 0 < base["r"] < 1 or not base["sd"]:
        return None
    return change / (math.sqrt(2) * base["sd"] * math.sqrt(1 - base["r"]))


def change_between(before, after, behaviour):
    """(before score, after score, change, items compared) over the behaviour's items asked at both;
    each score only over at least min_raters raters."""
    common = set(items_of(behaviour)) & asked(before["id"]) & asked(after["id"])
    x1 = shown_others(before["id"], common) if common else None
    x2 = shown_others(after["id"], common) if common else None
    return x1, x2, (x2 - x1 if x1 is not None and x2 is not None else None), len(common)


for row in PROFILE:
    earlier = [s for s in COMPLETED if s["person"] == row["person"]
               and (s["date"], s["id"]) < (row["sitting"]["date"], row["sitting"]["id"])]
    row["previous"] = earlier[-1] if earlier else None
    row.update(previous_others=None, change=None, rci=None, items_compared=None)
    if row["previous"]:
        x1, x2, change, compared = change_between(row["previous"], row["sitting"], row["behaviour"])
        row["previous_others"], row["items_compared"] = x1, compared
        row["change"] = None if row["suppressed"] else change
        row["rci"] = rci(row["behaviour"], row["change"])


# ---------------------------------------------------------------------------------------------
# gold.school_behaviour_summary
# ---------------------------------------------------------------------------------------------

def shares(rows):
    rows = list(rows)
    return (sum(1 for row in rows if row["category"] == "over_estimator") / len(rows),
            sum(1 for row in rows if row["category"] == "under_estimator") / len(rows))


SUMMARY = []
for year in YEARS:
    for behaviour in ORDER:
        everyone = counted(year, behaviour)
        trust_benchmark = benchmark(year, behaviour)
        by_school = {school["urn"]: [row for row in everyone.values() if row["urn"] == school["urn"]]
                     for school in SCHOOLS if in_trust(school["urn"], year)}
        by_school = {urn: rows for urn, rows in by_school.items() if rows}
        reasons = primary_secondary({urn: len(rows) for urn, rows in by_school.items()})
        for urn, rows in by_school.items():
            name, domain = BEHAVIOURS[behaviour]
            line = {"academic_year": year, "school_urn": urn, "school_name": SCHOOL[urn]["name"],
                    "phase": SCHOOL[urn]["phase"], "behaviour_code": behaviour, "behaviour_name": name,
                    "domain_code": domain, "trust_benchmark": trust_benchmark}
            if urn in reasons:
                line.update(is_suppressed=True, suppression_reason=reasons[urn])
            else:
                others = mean(row["others"] for row in rows)
                over, under = shares(rows)
                difference = others - trust_benchmark if trust_benchmark is not None else None
                line.update(
                    count_leaders=len(rows), mean_others_score=others, sd_others_score=sd(r["others"] for r in rows),
                    mean_self_score=mean(r["self"] for r in rows if r["self"] is not None),
                    mean_gap=mean(r["gap"] for r in rows if r["gap"] is not None),
                    benchmark_difference=difference, share_over_estimators=over, share_under_estimators=under,
                    is_strength=difference >= SETTINGS["benchmark_margin"] if difference is not None else None,
                    is_blind_spot=over >= SETTINGS["blind_spot_share"],
                    is_hidden_strength=under >= SETTINGS["hidden_strength_share"],
                    is_suppressed=False, suppression_reason=None)
            SUMMARY.append(line)


# ---------------------------------------------------------------------------------------------
# gold.trust_behaviour_trends
# ---------------------------------------------------------------------------------------------

def leader_scores(year, code):
    """person -> (self, others, level, schools) for a behaviour, or for a domain ("D:<code>"): the
    leader's mean over the domain's behaviours they have others scores in."""
    if not code.startswith("D:"):
        return {person: (row["self"], row["others"], row["level"], {row["urn"]})
                for person, row in counted(year, code).items()}
    result = {}
    behaviours = [b for b in ORDER if BEHAVIOURS[b][1] == code[2:]]
    rows_by_person = {}
    for behaviour in behaviours:
        for person, row in counted(year, behaviour).items():
            rows_by_person.setdefault(person, []).append(row)
    for person, rows in rows_by_person.items():
        latest = max(rows, key=lambda row: (row["sitting"]["date"], row["sitting"]["id"]))
        selves = [row["self"] for row in rows if row["self"] is not None]
        result[person] = (mean(selves) if selves else None, mean(row["others"] for row in rows), latest["level"],
                          {row["urn"] for row in rows})
    return result


def trend_cells(year, code, level):
    scores = leader_scores(year, code)
    return {person: value for person, value in scores.items() if level == "all" or value[2] == level}


TRENDS = []
for year in YEARS:
    for domain in DOMAINS:
        codes = [b for b in ORDER if BEHAVIOURS[b][1] == domain] + ["D:" + domain]
        for code in codes:
            levels = ["all"] + [level for level in LEVELS if trend_cells(year, code, level)]
            cells = {level: trend_cells(year, code, level) for level in levels}
            if not cells["all"]:
                continue
            reasons = {level: "fewer_than_min_group_size" for level in levels if 0 < len(cells[level]) < MIN_GROUP}
            if "all" not in reasons:
                reasons.update({level: reason for level, reason in primary_secondary(
                    {level: len(cells[level]) for level in levels if level != "all"}).items()})
            for level in levels:
                rows = cells[level]
                behaviour = None if code.startswith("D:") else code
                line = {"academic_year": year, "role_level": level, "domain_code": domain,
                        "domain_name": DOMAINS[domain], "behaviour_code": behaviour or "all",
                        "behaviour_name": BEHAVIOURS[behaviour][0] if behaviour else None,
                        "count_schools": len(set().union(*(value[3] for value in rows.values())))}
                if level in reasons:
                    line.update(is_suppressed=True, suppression_reason=reasons[level])
                else:
                    gaps = {p: v[0] - v[1] for p, v in rows.items() if v[0] is not None}
                    margin = SETTINGS["agreement_margin"]
                    before = trend_cells(previous_year(year), code, level)
                    both = [p for p in rows if p in before]
                    line.update(
                        count_leaders=len(rows), mean_self_score=mean(v[0] for v in rows.values() if v[0] is not None),
                        mean_others_score=mean(v[1] for v in rows.values()), sd_others_score=sd(
                            v[1] for v in rows.values()), mean_gap=mean(gaps.values()),
                        share_over_estimators=sum(1 for g in gaps.values() if g > margin) / len(rows),
                        share_under_estimators=sum(1 for g in gaps.values() if g < -margin) / len(rows),
                        is_suppressed=False, suppression_reason=None)
                    if len(both) >= MIN_GROUP:
                        line.update(count_leaders_both_years=len(both), mean_change_same_leaders=mean(
                            rows[p][1] - before[p][1] for p in both))
                TRENDS.append(line)


# ---------------------------------------------------------------------------------------------
# gold.priority_progress
# ---------------------------------------------------------------------------------------------

def started(year, urn=None):
    return [c for c in CYCLES.values() if c["year"] == year and (urn is None or c["urn"] == urn)
            and in_trust(c["urn"], year)]


PROGRESS = []
for year in YEARS:
    schools = [s["urn"] for s in SCHOOLS if in_trust(s["urn"], year)]
    priorities = PRIORITIES.get(year, [])
    for rank, behaviour in enumerate(priorities, start=1):
        now, before = counted(year, behaviour), counted(previous_year(year), behaviour)
        compared = {urn: [p for p, row in now.items() if row["urn"] == urn and p in before] for urn in schools}
        everyone = [p for people in compared.values() for p in people]
        trust_change = mean(now[p]["others"] - before[p]["others"] for p in everyone)
        reasons = primary_secondary({urn: len(compared[urn]) for urn in schools})
        cycle_leaders = {urn: len({c["person"] for c in started(year, urn)}) for urn in schools}
        alignment_reasons = primary_secondary(cycle_leaders)
        for urn in schools:
            name, _ = BEHAVIOURS[behaviour]
            line = {"academic_year": year, "school_urn": urn, "school_name": SCHOOL[urn]["name"],
                    "phase": SCHOOL[urn]["phase"], "behaviour_code": behaviour, "behaviour_name": name,
                    "priority_rank": rank,
                    "has_previous_year": SCHOOL[urn]["joined_on"] <= year_start(previous_year(year)),
                    "trust_mean_change": trust_change}
            people = compared[urn]
            if urn in reasons:
                line.update(is_suppressed=True, suppression_reason=reasons[urn])
            else:
                previous_mean = mean(before[p]["others"] for p in people)
                current_mean = mean(now[p]["others"] for p in people)
                line.update(count_leaders_compared=len(people), previous_mean_others_score=previous_mean,
                            current_mean_others_score=current_mean,
                            mean_change=current_mean - previous_mean if people else None,
                            is_suppressed=False, suppression_reason=None)
            cycles = started(year, urn)
            if urn in alignment_reasons:
                line.update(is_alignment_suppressed=True, alignment_suppression_reason=alignment_reasons[urn])
            else:
                line.update(
                    count_cycles=len(cycles),
                    share_cycles_aligned=mean(1.0 if set(c["focus"]) & set(priorities) else 0.0 for c in cycles),
                    share_cycles_on_behaviour=mean(1.0 if behaviour in c["focus"] else 0.0 for c in cycles),
                    is_alignment_suppressed=False, alignment_suppression_reason=None)
            PROGRESS.append(line)


# ---------------------------------------------------------------------------------------------
# gold.cycle_engagement
# ---------------------------------------------------------------------------------------------

WINDOW = dt.timedelta(days=SETTINGS["length_days"] + SETTINGS["grace_days"])


def state(cycle):
    window_end = cycle["start"] + WINDOW
    if cycle["status"] == "completed":
        return "completed_on_time" if cycle["completed"] <= window_end else "completed_late"
    if cycle["status"] == "abandoned":
        return "abandoned"
    return "overdue" if window_end < AS_OF else "in_progress"


STATES = ["completed_on_time", "completed_late", "abandoned", "overdue", "in_progress"]
ENGAGEMENT = []
for year in YEARS:
    schools = [s["urn"] for s in SCHOOLS if in_trust(s["urn"], year)]
    leaders = {urn: {c["person"] for c in started(year, urn)} for urn in schools}
    reasons = primary_secondary({urn: len(leaders[urn]) for urn in schools})
    for urn in schools:
        line = {"academic_year": year, "school_urn": urn, "school_name": SCHOOL[urn]["name"],
                "phase": SCHOOL[urn]["phase"], "as_of_date": AS_OF.isoformat()}
        if urn in reasons:
            line.update(is_suppressed=True, suppression_reason=reasons[urn])
        else:
            cycles = started(year, urn)
            states = [state(c) for c in cycles]
            ended = [c for c in cycles if c["start"] + WINDOW < AS_OF]
            gaps = []
            for c in cycles:
                dates = [c["start"]] + c["checkins"]
                gaps += [(later - earlier).days for earlier, later in zip(dates, dates[1:])]
            line.update(count_leaders=len(leaders[urn]),
                        share_leaders_with_cycle=len(leaders[urn] & in_post(year, urn)) / len(in_post(year, urn)),
                        count_cycles_started=len(cycles),
                        **{"count_" + name: states.count(name) for name in STATES},
                        share_completed_on_time=mean(1.0 if state(c) == "completed_on_time" else 0.0 for c in ended),
                        mean_checkins_per_cycle=mean(len(c["checkins"]) for c in cycles),
                        mean_days_between_checkins=mean(gaps), is_suppressed=False, suppression_reason=None)
        ENGAGEMENT.append(line)


# ---------------------------------------------------------------------------------------------
# gold.cycle_effectiveness
# ---------------------------------------------------------------------------------------------

def cycle_changes(cycle):
    """The sittings either side of a completed cycle and each behaviour's change between them."""
    mine = [s for s in COMPLETED if s["person"] == cycle["person"]]
    before = [s for s in mine if s["date"] <= cycle["start"]]
    after = [s for s in mine if s["date"] > cycle["completed"]]
    if not before or not after:
        return None, None, {}
    changes = {}
    for behaviour in ORDER:
        change = change_between(before[-1], after[0], behaviour)[2]
        if change is not None:
            changes[behaviour] = change
    return before[-1], after[0], changes


EFFECT_CYCLES = []
for cycle in sorted(CYCLES.values(), key=lambda c: c["id"]):
    if cycle["status"] != "completed":
        continue
    before, after, changes = cycle_changes(cycle)
    non_focus = mean(change for behaviour, change in changes.items() if behaviour not in cycle["focus"])
    EFFECT_CYCLES.append({"cycle": cycle, "before": before, "after": after, "changes": changes,
                          "non_focus": non_focus})

EFFECTIVENESS = []
threshold = SETTINGS["reliable_change_threshold"]
for year in sorted({e["cycle"]["year"] for e in EFFECT_CYCLES}):
    mine = [e for e in EFFECT_CYCLES if e["cycle"]["year"] == year]
    rows = {}
    for behaviour in ORDER:
        with_focus = [e for e in mine if behaviour in e["cycle"]["focus"]]
        if not with_focus:
            continue
        kept = [(e, e["changes"][behaviour]) for e in with_focus
                if behaviour in e["changes"] and e["non_focus"] is not None]
        rows[behaviour] = (with_focus, [(e, focus, (rci(behaviour, focus) or 0) > threshold) for e, focus in kept])
    kept_all = []
    for e in mine:
        focus = [e["changes"][b] for b in e["cycle"]["focus"] if b in e["changes"]]
        if focus and e["non_focus"] is not None:
            reliable = any((rci(b, e["changes"][b]) or 0) > threshold for b in e["cycle"]["focus"] if b in e["changes"])
            kept_all.append((e, mean(focus), reliable))
    reasons = primary_secondary({b: len({e["cycle"]["person"] for e, _, _ in kept}) for b, (_, kept) in rows.items()})
    all_leaders = len({e["cycle"]["person"] for e, _, _ in kept_all})
    if 0 < all_leaders < MIN_GROUP:
        reasons["all"] = "fewer_than_min_group_size"
    for code, (with_focus, kept) in list(rows.items()) + [("all", (mine, kept_all))]:
        line = {"academic_year": year, "behaviour_code": code,
                "behaviour_name": BEHAVIOURS[code][0] if code != "all" else None}
        if code in reasons:
            line.update(is_suppressed=True, suppression_reason=reasons[code])
        else:
            line.update(
                count_cycles_completed=len(with_focus), count_cycles=len(kept),
                count_leaders=len({e["cycle"]["person"] for e, _, _ in kept}),
                mean_focus_change=mean(focus for _, focus, _ in kept),
                mean_non_focus_change=mean(e["non_focus"] for e, _, _ in kept),
                mean_difference=mean(focus - e["non_focus"] for e, focus, _ in kept),
                share_focus_ahead=mean(1.0 if focus > e["non_focus"] else 0.0 for e, focus, _ in kept),
                share_reliable_improvement=mean(1.0 if reliable else 0.0 for _, _, reliable in kept),
                is_suppressed=False, suppression_reason=None)
        EFFECTIVENESS.append(line)


# ---------------------------------------------------------------------------------------------
# gold.annual_review
# ---------------------------------------------------------------------------------------------

def ordinal(n):
    return {1: "", 2: "2nd ", 3: "3rd "}.get(n, f"{n}th ")


REVIEW = []
margin = SETTINGS["movement_margin"]
for year in YEARS:
    trust_rows = {t["behaviour_code"]: t for t in TRENDS
                  if t["academic_year"] == year and t["role_level"] == "all" and t["behaviour_code"] != "all"}
    leaders_counted = {p for b in ORDER for p in counted(year, b)}
    year_suppressed = len(leaders_counted) < MIN_GROUP
    shown = {b: t for b, t in trust_rows.items() if not t["is_suppressed"]}
    weakness = sorted(shown, key=lambda b: (shown[b]["mean_others_score"], ORDER.index(b)))
    blind = sorted(shown, key=lambda b: (-shown[b]["share_over_estimators"], ORDER.index(b)))
    schools = [s["urn"] for s in SCHOOLS if in_trust(s["urn"], year)]
    posts = in_post(year)
    sat = {s["person"] for s in COMPLETED if s["year"] == year and in_trust(s["urn"], year)}
    cycles = started(year)
    participation = {
        "count_schools": len(schools),
        "count_schools_joined": sum(1 for urn in schools
                                    if year_start(year) <= SCHOOL[urn]["joined_on"] <= year_end(year)),
        "count_leaders_in_post": len(posts), "count_leaders_sat": len(sat),
        "share_leaders_sat": len(sat) / len(posts) if posts else None,
        "count_cycles_started": len(cycles),
        "share_leaders_with_cycle": len({c["person"] for c in cycles} & posts) / len(posts) if posts else None}
    priorities = PRIORITIES.get(year, [])
    for behaviour in ORDER:
        name, domain = BEHAVIOURS[behaviour]
        is_priority = behaviour in priorities
        line = {"academic_year": year, "behaviour_code": behaviour, "behaviour_name": name, "domain_code": domain,
                "is_priority": is_priority, "priority_rank": priorities.index(behaviour) + 1 if is_priority else None}
        if year_suppressed:
            line.update(participation, is_suppressed=True, suppression_reason="fewer_than_min_group_size")
            REVIEW.append(line)
            continue
        trend = trust_rows.get(behaviour, {})
        change = trend.get("mean_change_same_leaders")
        movement = None if change is None else (
            "improved" if change >= margin else "declined" if change <= -margin else "unchanged")
        line.update(count_leaders=trend.get("count_leaders"), mean_others_score=trend.get("mean_others_score"),
                    share_over_estimators=trend.get("share_over_estimators"),
                    count_leaders_both_years=trend.get("count_leaders_both_years"),
                    mean_change_same_leaders=change, movement=movement)
        if is_priority:
            reported = [p for p in PROGRESS if p["academic_year"] == year and p["behaviour_code"] == behaviour
                        and not p["is_suppressed"] and p.get("mean_change") is not None]
            improved = sorted(p["school_urn"] for p in reported if p["mean_change"] >= margin)
            declined = sorted(p["school_urn"] for p in reported if p["mean_change"] <= -margin)
            line.update(count_schools_reported=len(reported), count_schools_improved=len(improved),
                        count_schools_declined=len(declined),
                        improved_school_urns="|".join(map(str, improved)) or None,
                        declined_school_urns="|".join(map(str, declined)) or None)
        blind_schools = sum(1 for s in SUMMARY if s["academic_year"] == year and s["behaviour_code"] == behaviour
                            and s.get("is_blind_spot"))
        weakness_rank = weakness.index(behaviour) + 1 if behaviour in weakness else None
        blind_rank = blind.index(behaviour) + 1 if behaviour in blind else None
        candidate = any(rank is not None and rank <= SETTINGS["candidate_count"]
                        for rank in (weakness_rank, blind_rank))
        evidence = []
        if candidate:
            evidence.append(f"Mean others score {trend['mean_others_score']:.2f}, {ordinal(weakness_rank)}lowest of "
                            f"{len(weakness)}; over-estimators {round(100 * trend['share_over_estimators'])}% of "
                            f"{trend['count_leaders']} leaders; a blind spot in {blind_schools} of "
                            f"{len(schools)} school{'' if len(schools) == 1 else 's'}")
        if movement:
            evidence.append(f"{movement}: {change:+.2f} among the {trend['count_leaders_both_years']} leaders "
                            f"seen in both years")
        line.update(count_schools_blind_spot=blind_schools, weakness_rank=weakness_rank, blind_spot_rank=blind_rank,
                    is_candidate_priority=candidate, evidence="; ".join(evidence) or None, **participation,
                    is_suppressed=False, suppression_reason=None)
        REVIEW.append(line)


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------

def text(value, double=False):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if double:
        return f"{value:.4f}"
    return str(value)


def table(name, columns, rows):
    print(f"== {name} ({len(rows)} rows)")
    print("\t".join(column for column, _ in columns))
    for row in rows:
        print("\t".join(text(row.get(column), kind == "d") for column, kind in columns))
    print()


def columns(spec):
    return [(part.split(":")[0], "d" if part.endswith(":d") else "") for part in spec.split()]


profile_rows = []
for row in sorted(PROFILE, key=lambda r: (r["year"], r["person"], r["sitting"]["date"], ORDER.index(r["behaviour"]))):
    profile_rows.append({
        "leader_key": row["person"], "sitting_key": row["sitting"]["id"],
        "sitting_date": row["sitting"]["date"].isoformat(), "academic_year": row["year"],
        "school_urn": row["urn"], "role_level": row["level"], "behaviour_code": row["behaviour"],
        "domain_code": BEHAVIOURS[row["behaviour"]][1], "self_score": row["self"],
        "others_score": row["others"], "count_raters": row["count_raters"],
        "line_manager_score": row["groups"]["line_manager"], "peer_score": row["groups"]["peer"],
        "direct_report_score": row["groups"]["direct_report"], "gap": row["gap"],
        "trust_benchmark": row["benchmark"], "agreement_category": row["category"],
        "previous_sitting_key": row["previous"]["id"] if row["previous"] else None,
        "previous_others_score": row["previous_others"], "others_change": row["change"],
        "reliable_change_index": row["rci"],
        "is_reliable_change": abs(row["rci"]) > threshold if row["rci"] is not None else None,
        "count_items_compared": row["items_compared"], "is_suppressed": row["suppressed"],
        "suppression_reason": "fewer_than_min_raters" if row["suppressed"] else None})

table("gold.leader_behaviour_profile", columns(
    "leader_key sitting_key sitting_date academic_year school_urn role_level behaviour_code domain_code "
    "self_score:d others_score:d count_raters line_manager_score:d peer_score:d direct_report_score:d gap:d "
    "trust_benchmark:d agreement_category previous_sitting_key previous_others_score:d others_change:d "
    "reliable_change_index:d is_reliable_change count_items_compared is_suppressed suppression_reason"),
    profile_rows)
table("gold.school_behaviour_summary", columns(
    "academic_year school_urn school_name phase behaviour_code behaviour_name domain_code count_leaders "
    "mean_others_score:d sd_others_score:d mean_self_score:d mean_gap:d trust_benchmark:d "
    "benchmark_difference:d share_over_estimators:d share_under_estimators:d is_strength is_blind_spot "
    "is_hidden_strength is_suppressed suppression_reason"), SUMMARY)
table("gold.trust_behaviour_trends", columns(
    "academic_year role_level domain_code domain_name behaviour_code behaviour_name count_schools count_leaders "
    "mean_self_score:d mean_others_score:d sd_others_score:d mean_gap:d share_over_estimators:d "
    "share_under_estimators:d count_leaders_both_years mean_change_same_leaders:d is_suppressed "
    "suppression_reason"), TRENDS)
table("gold.priority_progress", columns(
    "academic_year school_urn school_name phase behaviour_code behaviour_name priority_rank has_previous_year "
    "count_leaders_compared previous_mean_others_score:d current_mean_others_score:d mean_change:d "
    "trust_mean_change:d is_suppressed suppression_reason count_cycles share_cycles_aligned:d "
    "share_cycles_on_behaviour:d is_alignment_suppressed alignment_suppression_reason"), PROGRESS)
table("gold.cycle_engagement", columns(
    "academic_year school_urn school_name phase as_of_date count_leaders share_leaders_with_cycle:d "
    "count_cycles_started count_completed_on_time count_completed_late count_abandoned count_overdue "
    "count_in_progress share_completed_on_time:d mean_checkins_per_cycle:d mean_days_between_checkins:d "
    "is_suppressed suppression_reason"), ENGAGEMENT)
table("gold.cycle_effectiveness", columns(
    "academic_year behaviour_code behaviour_name count_cycles_completed count_cycles count_leaders "
    "mean_focus_change:d mean_non_focus_change:d mean_difference:d share_focus_ahead:d "
    "share_reliable_improvement:d is_suppressed suppression_reason"), EFFECTIVENESS)
table("gold.annual_review", columns(
    "academic_year behaviour_code behaviour_name domain_code is_priority priority_rank count_leaders "
    "mean_others_score:d share_over_estimators:d count_leaders_both_years mean_change_same_leaders:d movement "
    "count_schools_reported count_schools_improved count_schools_declined improved_school_urns "
    "declined_school_urns count_schools_blind_spot weakness_rank blind_spot_rank is_candidate_priority evidence "
    "count_schools count_schools_joined count_leaders_in_post count_leaders_sat share_leaders_sat:d "
    "count_cycles_started share_leaders_with_cycle:d is_suppressed suppression_reason"), REVIEW)


# ---------------------------------------------------------------------------------------------
# gold.cpd_targets and gold.cpd_clusters
# ---------------------------------------------------------------------------------------------

CPD = []
for year in YEARS:
    for behaviour in ORDER:
        everyone = counted(year, behaviour)
        trust_benchmark = benchmark(year, behaviour)
        name, domain = BEHAVIOURS[behaviour]
        for school in SCHOOLS:
            urn = school["urn"]
            rows = [row for row in everyone.values() if row["urn"] == urn]
            by_level = {level: [row for row in rows if row["level"] == level] for level in LEVELS}
            by_level = {level: group for level, group in by_level.items() if group}
            reasons = primary_secondary({level: len(group) for level, group in by_level.items()})
            for level, group in by_level.items():
                line = {"academic_year": year, "school_urn": urn, "school_name": school["name"],
                        "phase": school["phase"], "region": school["region"], "role_level": level,
                        "behaviour_code": behaviour, "behaviour_name": name, "domain_code": domain,
                        "is_priority": behaviour in PRIORITIES.get(year, []), "trust_benchmark": trust_benchmark}
                if level in reasons:
                    line.update(is_suppressed=True, suppression_reason=reasons[level])
                else:
                    shortfalls = [trust_benchmark - row["others"] for row in group
                                  if trust_benchmark is not None
                                  and row["others"] < trust_benchmark - SETTINGS["need_margin"]]
                    share = len(shortfalls) / len(group)
                    line.update(count_leaders=len(group), count_leaders_in_need=len(shortfalls),
                                share_leaders_in_need=share,
                                mean_shortfall=mean(shortfalls) if shortfalls else None,
                                total_shortfall=sum(shortfalls), is_target=share >= SETTINGS["target_share"],
                                is_suppressed=False, suppression_reason=None)
                CPD.append(line)

CLUSTERS = []
for year in YEARS:
    found = []
    for behaviour in ORDER:
        for level in LEVELS:
            members = [row for row in CPD if row["academic_year"] == year and row["behaviour_code"] == behaviour
                       and row["role_level"] == level and row.get("is_target")]
            if len(members) < SETTINGS["cluster_min_schools"]:
                continue
            leaders = sum(row["count_leaders"] for row in members)
            in_need = sum(row["count_leaders_in_need"] for row in members)
            shortfall = sum(row["total_shortfall"] for row in members)
            shown = leaders >= MIN_GROUP
            found.append({
                "cluster_key": f"{year}|{behaviour}|{level}", "academic_year": year, "behaviour_code": behaviour,
                "behaviour_name": BEHAVIOURS[behaviour][0], "domain_code": BEHAVIOURS[behaviour][1],
                "role_level": level, "is_priority": behaviour in PRIORITIES.get(year, []),
                "count_schools": len(members),
                "school_urns": "|".join(str(urn) for urn in sorted(row["school_urn"] for row in members)),
                "regions": "|".join(sorted({row["region"] for row in members})),
                "count_leaders": leaders if shown else None, "count_leaders_in_need": in_need if shown else None,
                "share_leaders_in_need": in_need / leaders if shown else None,
                "total_shortfall": shortfall if shown else None, "is_suppressed": not shown,
                "suppression_reason": None if shown else "fewer_than_min_group_size",
                "order": (-shortfall, ORDER.index(behaviour), LEVELS.index(level))})
    for rank, cluster in enumerate(sorted(found, key=lambda c: c["order"]), start=1):
        cluster["cluster_rank"] = rank
        CLUSTERS.append(cluster)

table("gold.cpd_targets", columns(
    "academic_year school_urn school_name phase region role_level behaviour_code behaviour_name domain_code "
    "is_priority trust_benchmark:d count_leaders count_leaders_in_need share_leaders_in_need:d mean_shortfall:d "
    "total_shortfall:d is_target is_suppressed suppression_reason"), CPD)
table("gold.cpd_clusters", columns(
    "cluster_key academic_year behaviour_code behaviour_name domain_code role_level is_priority count_schools "
    "school_urns regions count_leaders count_leaders_in_need share_leaders_in_need:d total_shortfall:d "
    "cluster_rank is_suppressed suppression_reason"), CLUSTERS)


# ---------------------------------------------------------------------------------------------
# gold.succession_readiness, gold.succession_bench and gold.succession_bench_trust
# ---------------------------------------------------------------------------------------------

# The succession block of trust.yaml, kept in step with it by hand; other settings are defaults.
SUCCESSION = {
    "required": {"assistant_head": ["S2"], "deputy_head": ["S1", "C1"], "headteacher": ["S1", "S2", "C1"]},
    "npq": {"assistant_head": ["NPQSL"], "deputy_head": ["NPQSL", "NPQH"], "headteacher": ["NPQH"],
            "executive_head": ["NPQEL"]},
    "growth_target": 0.5, "cycles_target": 2, "lookback_months": 24, "months_in_role_target": 24,
    "weights": {"behaviours": 0.4, "growth": 0.15, "cycles": 0.15, "time_in_role": 0.15, "qualification": 0.15},
    "ready_now": 0.6, "ready_1_2_years": 0.05,
    "critical_roles": [("headteacher", "headteacher", ["Headteacher"]),
                       ("head_of_school", "headteacher", ["Head of School"]), ("deputy", "deputy_head", [])],
}


def judging_day(year):
    return min(year_end(year), AS_OF)


def school_open(urn, day):
    return SCHOOL[urn]["joined_on"] <= day


def open_spells(day):
    return [spell for spell in SPELLS if spell["start"] <= day and (spell["end"] is None or spell["end"] >= day)
            and school_open(spell["urn"], day)]


def posts(day):
    """One post per leader on the day: the highest level, then the lowest URN."""
    chosen = {}
    for spell in sorted(open_spells(day), key=lambda s: (-LEVELS.index(s["level"]), s["urn"])):
        chosen.setdefault(spell["person"], spell)
    return chosen


def latest_scores(day):
    """person -> behaviour -> latest shown others score on or before the day."""
    latest = {}
    for row in sorted(PROFILE, key=lambda r: (r["sitting"]["date"], r["sitting"]["id"])):
        if not row["suppressed"] and row["sitting"]["date"] <= day:
            latest.setdefault(row["person"], {})[row["behaviour"]] = row["others"]
    return latest


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def whole_months(later, earlier):
    def month_end(day):
        return (day + dt.timedelta(days=1)).day == 1
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day and not (month_end(later) and month_end(earlier)):
        months -= 1
    return months


READINESS = []
for year in YEARS:
    day = judging_day(year)
    posted = posts(day)
    scores = latest_scores(day)
    level_scores, everyone = {}, {}
    for person, post in posted.items():
        for behaviour, score in scores.get(person, {}).items():
            level_scores.setdefault((post["level"], behaviour), []).append(score)
            everyone.setdefault(behaviour, []).append(score)
    for person, post in sorted(posted.items()):
        level = post["level"]
        if level == LEVELS[-1]:
            continue
        following = LEVELS[LEVELS.index(level) + 1]
        required = SUCCESSION["required"].get(following, ORDER)
        met = 0
        for behaviour in required:
            group = level_scores.get((following, behaviour), [])
            bar = mean(group) if len(group) >= MIN_GROUP else (mean(everyone[behaviour]) if behaviour in everyone else None)
            score = scores.get(person, {}).get(behaviour)
            if score is not None and bar is not None and score >= bar:
                met += 1
        sittings = sorted((r for r in PROFILE if r["person"] == person and r["sitting"]["date"] <= day),
                          key=lambda r: (r["sitting"]["date"], r["sitting"]["id"]))
        changes = []
        if sittings:
            last = sittings[-1]["sitting"]["id"]
            changes = [r["change"] for r in sittings if r["sitting"]["id"] == last and r["behaviour"] in required
                       and r["change"] is not None]
        growth = mean(changes) if changes else None
        cycles = sum(1 for cycle in CYCLES.values() if cycle["person"] == person and cycle["status"] == "completed"
                     and cycle["completed"] is not None
                     and add_months(day, -SUCCESSION["lookback_months"]) < cycle["completed"] <= day)
        first = min(spell["start"] for spell in SPELLS if spell["person"] == person and spell["level"] == level
                    and spell["start"] <= day)
        months = whole_months(day, first)
        npq = None if post["npq"] is None else any(code in SUCCESSION["npq"].get(following, [])
                                                   for code in post["npq"].split("|"))
        parts = {"behaviours": met / len(required) if required else 0.0,
                 "growth": max(0.0, min(1.0, growth / SUCCESSION["growth_target"])) if growth is not None else 0.0,
                 "cycles": min(1.0, cycles / SUCCESSION["cycles_target"]),
                 "time_in_role": min(1.0, months / SUCCESSION["months_in_role_target"]),
                 "qualification": None if npq is None else float(npq)}
        weights = SUCCESSION["weights"]
        known = {name: part for name, part in parts.items() if part is not None}
        score = sum(weights[name] * part for name, part in known.items()) / sum(weights[name] for name in known)
        band = ("ready_now" if score >= SUCCESSION["ready_now"] else
                "ready_1_2_years" if score >= SUCCESSION["ready_1_2_years"] else "ready_3_plus_years")
        READINESS.append({
            "academic_year": year, "as_of_date": day.isoformat(), "leader_key": person, "school_urn": post["urn"],
            "phase": SCHOOL[post["urn"]]["phase"], "role_level": level, "next_role_level": following,
            "count_required_behaviours": len(required), "count_behaviours_met": met,
            "behaviour_part": parts["behaviours"], "mean_others_change": growth, "growth_part": parts["growth"],
            "count_cycles_completed": cycles, "cycles_part": parts["cycles"], "months_in_role": months,
            "time_in_role_part": parts["time_in_role"], "has_relevant_npq": npq,
            "qualification_part": parts["qualification"], "readiness_score": score, "readiness_band": band})


def hide_counts(rows, label, total_label):
    """Counts of 1..min_group_size-1 are hidden; when exactly one non-total row's count is and the total's
    shows, the smallest other non-zero count goes too (ties: first row). Column by column."""
    for column in ("count_incumbents", "count_ready_now", "count_ready_1_2_years"):
        reasons = {}
        for row in rows:
            if 0 < row[column] < MIN_GROUP:
                reasons[row[label]] = "fewer_than_min_group_size"
        total = next(row for row in rows if row[label] == total_label)
        parts = [row for row in rows if row[label] != total_label]
        if sum(1 for row in parts if row[label] in reasons) == 1 and total[label] not in reasons:
            shown = [row for row in parts if row[label] not in reasons and row[column] > 0]
            if shown:
                reasons[min(shown, key=lambda row: (row[column], row["order"]))[label]] = "secondary_suppression"
        for row in rows:
            if row[label] in reasons:
                row[column] = None
                row.setdefault("reasons", set()).add(reasons[row[label]])
    for row in rows:
        found = row.pop("reasons", set())
        row["is_suppressed"] = bool(found)
        row["suppression_reason"] = ("fewer_than_min_group_size" if "fewer_than_min_group_size" in found
                                     else "secondary_suppression" if found else None)
        row.pop("order", None)


def holds(spell, role):
    _, level, titles = role
    return spell["level"] == level and (not titles or spell["title"] in titles)


BENCH, BENCH_TRUST = [], []
for year in YEARS:
    day = judging_day(year)
    spells = open_spells(day)
    ready = [row for row in READINESS if row["academic_year"] == year]
    roles = SUCCESSION["critical_roles"]
    per_school = {}
    for school in SCHOOLS:
        urn = school["urn"]
        if not school_open(urn, day):
            continue
        rows, everyone = [], {"incumbents": set(), "ready_now": set(), "ready_1_2_years": set()}
        for order, role in enumerate(roles, start=1):
            incumbents = {s["person"] for s in spells if s["urn"] == urn and holds(s, role)}
            successors = {band: {r["leader_key"] for r in ready if r["school_urn"] == urn
                                 and r["next_role_level"] == role[1] and r["readiness_band"] == band}
                          for band in ("ready_now", "ready_1_2_years")}
            everyone["incumbents"] |= incumbents
            everyone["ready_now"] |= successors["ready_now"]
            everyone["ready_1_2_years"] |= successors["ready_1_2_years"]
            rows.append({"critical_role": role[0], "role_level": role[1], "order": order,
                         "count_incumbents": len(incumbents), "count_ready_now": len(successors["ready_now"]),
                         "count_ready_1_2_years": len(successors["ready_1_2_years"]), "count_critical_roles": 1,
                         "count_roles_covered": 1 if successors["ready_now"] else 0})
        covered = sum(row["count_roles_covered"] for row in rows)
        rows.insert(0, {"critical_role": "all", "role_level": None, "order": 0,
                        "count_incumbents": len(everyone["incumbents"]), "count_ready_now": len(everyone["ready_now"]),
                        "count_ready_1_2_years": len(everyone["ready_1_2_years"]),
                        "count_critical_roles": len(roles), "count_roles_covered": covered})
        per_school[urn] = [dict(row) for row in rows]
        hide_counts(rows, "critical_role", "all")
        for row in rows:
            row.update(academic_year=year, as_of_date=day.isoformat(), school_urn=urn, school_name=school["name"],
                       phase=school["phase"], share_roles_covered=row["count_roles_covered"] / row["count_critical_roles"],
                       is_at_risk=row["count_roles_covered"] < row["count_critical_roles"])
            BENCH.append(row)
    for level in sorted({role[1] for role in roles}, key=LEVELS.index):
        phases = sorted({SCHOOL[urn]["phase"] for urn in per_school})
        rows = []
        for phase in ["all"] + phases:
            urns = [urn for urn in per_school if phase == "all" or SCHOOL[urn]["phase"] == phase]
            role_rows = [row for urn in urns for row in per_school[urn] if row["role_level"] == level]
            level_roles = [role for role in roles if role[1] == level]
            incumbents = {s["person"] for s in spells if s["urn"] in urns and any(holds(s, r) for r in level_roles)}
            successors = {band: {r["leader_key"] for r in ready if r["school_urn"] in urns
                                 and r["next_role_level"] == level and r["readiness_band"] == band}
                          for band in ("ready_now", "ready_1_2_years")}
            critical = len(role_rows)
            covered = sum(row["count_roles_covered"] for row in role_rows)
            rows.append({"phase": phase, "order": phase, "count_schools": len(urns) if critical else 0,
                         "count_critical_roles": critical, "count_roles_covered": covered,
                         "count_roles_at_risk": critical - covered,
                         "share_roles_covered": covered / critical if critical else None,
                         "count_incumbents": len(incumbents), "count_ready_now": len(successors["ready_now"]),
                         "count_ready_1_2_years": len(successors["ready_1_2_years"])})
        hide_counts(rows, "phase", "all")
        for row in rows:
            row.update(academic_year=year, role_level=level)
            BENCH_TRUST.append(row)

table("gold.succession_readiness", columns(
    "academic_year as_of_date leader_key school_urn phase role_level next_role_level count_required_behaviours "
    "count_behaviours_met behaviour_part:d mean_others_change:d growth_part:d count_cycles_completed cycles_part:d "
    "months_in_role time_in_role_part:d has_relevant_npq qualification_part:d readiness_score:d readiness_band"),
    READINESS)
table("gold.succession_bench", columns(
    "academic_year as_of_date school_urn school_name phase critical_role role_level count_incumbents "
    "count_ready_now count_ready_1_2_years count_critical_roles count_roles_covered share_roles_covered:d "
    "is_at_risk is_suppressed suppression_reason"), BENCH)
table("gold.succession_bench_trust", columns(
    "academic_year role_level phase count_schools count_critical_roles count_roles_covered count_roles_at_risk "
    "share_roles_covered:d count_incumbents count_ready_now count_ready_1_2_years is_suppressed "
    "suppression_reason"), BENCH_TRUST)

if os.environ.get("TINY_TRUST_DETAIL"):
    for behaviour, base in BASELINE.items():
        print(f"# baseline {behaviour}: {base}")
