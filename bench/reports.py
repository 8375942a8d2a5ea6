"""Attendance report figures: a month's report and its .xlsx export, on SQLite and MySQL/MariaDB.

For each backend (SQLite file in a temp folder; MySQL/MariaDB in a throw-away database dropped
afterwards, both from bench/db.py) it loads ``--people`` people in 20 departments (day shift 09:00-18:00,
an early shift, a night shift 22:00-06:00 for one department), the October 2026 holiday calendar
(国庆 1-8 October, make-up work days 28 September and 10 October) and 2-4 check-ins a person a day over the
month, as the issue sets it: every day, weekends too (arrivals around the shift's start, some late, a few
days without any check-in or with one only), then times:

* ``Backend.reports.build`` for the month (the one streaming query + per person-day rules): median of
  ``--repeats`` runs after a warm-up;
* the .xlsx export of that report (XlsxWriter, constant_memory; four sheets) and the CSV exports;
* the peak memory (tracemalloc) of a report + .xlsx export, with ``--people`` and with ``--scale-people``
  (default 10,000): it grows with the people (a few hundred bytes each), not with the check-ins.

What HR adds (issue 23): ``--leave-share`` of the person-days (default 0.1) are on leave (whole days, half
days and errands of every seeded type), and mid-month (the 15th) half of the day-shift departments move
to the early shift and the night shift gets a new version of its times (``--no-schedule-change``: none),
so the report evaluates leave and cuts each affected person's month in two.

    python bench/reports.py [--backend sqlite mysql] [--people 1000] [--scale-people 10000]
                            [--repeats 5] [--leave-share 0.1] [--no-schedule-change]
                            [--mysql-url mysql://root@127.0.0.1:3306] [--json PATH]
"""
from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tqdm import tqdm  # noqa: E402

from backend import open_backend, report_export  # noqa: E402
from backend.reports import ReportQuery  # noqa: E402
from bench.db import DEPARTMENTS, MySQLTarget, SQLiteTarget, make_people  # noqa: E402
from bench.report import write_json  # noqa: E402

YEAR, MONTH = 2026, 10
CALENDAR = [(date(2026, 9, 28), "workday", "国庆调休"), (date(2026, 10, 10), "workday", "国庆调休")] + \
    [(date(2026, 10, d), "holiday", "国庆节") for d in range(1, 9)]
BATCH = 20_000
#: the clock the reports are judged by: the month is over (reports do not judge days not over yet)
AFTER = datetime(YEAR, MONTH + 1, 15)


def stamp(value: datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3]


def setup_rules(backend) -> dict[str, tuple[int, int]]:
    """Shifts and department schedules; returns department -> (shift start, end) in minutes."""
    s = backend.schedules
    day = s.save_shift("白班", "09:00", "18:00", late_grace=5, early_grace=5, break_minutes=60)
    early = s.save_shift("早班", "07:00", "16:00", late_grace=5, early_grace=5, break_minutes=60)
    night = s.save_shift("夜班", "22:00", "06:00", late_grace=0, early_grace=0, break_minutes=30)
    shifts = {}
    for department in DEPARTMENTS:
        shift, pattern = ((night, "1111111") if department == "安全部" else (early, "1111110")
                          if department == "生产部" else (day, "1111100"))
        s.set_department_schedule(department, shift.id, pattern)
        shifts[department] = (shift.start, shift.start + shift.length)
    for day_, kind, name in CALENDAR:
        s.set_calendar_day(day_, kind, name)
    return shifts


CHANGE_DAY = date(YEAR, MONTH, 15)


def change_schedules(backend) -> int:
    """Mid-month: every other day-shift department moves to the early shift, the night shift starts 30
    minutes later (a new version); returns the departments whose schedule changed."""
    s = backend.schedules
    shifts = {shift.name: shift for shift in s.shifts()}
    day_departments = [d for d in DEPARTMENTS if d not in ("安全部", "生产部")]
    for department in day_departments[::2]:
        s.set_department_schedule(department, shifts["早班"].id, "1111100", valid_from=CHANGE_DAY)
    night = shifts["夜班"]
    s.save_shift(night.name, "22:30", "06:30", 0, 0, 30, shift_id=night.id, valid_from=CHANGE_DAY)
    return len(day_departments[::2]) + 1


def leave_rows(people_ids, share: float, types: list[tuple[int, str]], rng: random.Random):
    """leave_records rows covering about ``share`` of the person-days: whole days mostly, some half days
    (09:00-13:30) and errands (14:00-16:00 外出)."""
    first = date(YEAR, MONTH, 1)
    day_types = [t for t, unit in types if unit == "day"]
    hour_types = [t for t, unit in types if unit == "hour"]
    for person_id in people_ids:
        taken = set()
        for _ in range(round(31 * share)):
            d = rng.randrange(31)
            if d in taken:
                continue
            taken.add(d)
            day = first + timedelta(days=d)
            roll = rng.random()
            if roll < 0.7:
                start, end, whole, kind = datetime.combine(day, datetime.min.time()), \
                    datetime.combine(day + timedelta(days=1), datetime.min.time()), 1, rng.choice(day_types)
            elif roll < 0.9:
                start, end, whole, kind = datetime.combine(day, datetime.min.time()) + timedelta(hours=9), \
                    datetime.combine(day, datetime.min.time()) + timedelta(hours=13, minutes=30), 0, rng.choice(day_types)
            else:
                start, end, whole, kind = datetime.combine(day, datetime.min.time()) + timedelta(hours=14), \
                    datetime.combine(day, datetime.min.time()) + timedelta(hours=16), 0, rng.choice(hour_types)
            yield person_id, kind, stamp(start), stamp(end), whole, "bench", "基准", "2026-09-30 12:00:00.000"


def add_leave(backend, share: float, seed: int) -> int:
    rng = random.Random(seed + 1)
    with backend.transaction() as cur:
        ids = [int(r[0]) for r in cur.execute("SELECT id FROM people ORDER BY id").fetchall()]
        types = [(int(r[0]), r[1]) for r in cur.execute("SELECT id, unit FROM leave_types").fetchall()]
        rows = list(leave_rows(ids, share, types, rng))
        cur.executemany("INSERT INTO leave_records (person_id, type_id, starts_at, ends_at, whole_days, reason, "
                        "operator, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def check_ins(people_ids, departments, shifts, rng: random.Random):
    """(event_id, person_id, checked_in_at, desk, distance, method) rows, 2-4 a person a day."""
    first = date(YEAR, MONTH, 1)
    for person_id, department in zip(people_ids, departments):
        start, end = shifts[department]
        for d in range(31):
            if rng.random() < 0.03:                       # a day without any check-in
                continue
            midnight = datetime.combine(first + timedelta(days=d), datetime.min.time())
            arrive = start + rng.gauss(-8, 6) + (rng.expovariate(1 / 20) if rng.random() < 0.08 else 0)
            leave = end + rng.gauss(10, 15) - (rng.expovariate(1 / 30) if rng.random() < 0.05 else 0)
            minutes = [arrive, leave] + [rng.uniform(arrive, leave) for _ in range(rng.choice((0, 0, 1, 2)))]
            if rng.random() < 0.02:                       # a missed punch
                minutes = [rng.choice((arrive, leave))]
            for minute in sorted(minutes):
                yield (str(uuid.UUID(int=rng.getrandbits(128), version=4)), person_id,
                       stamp(midnight + timedelta(minutes=minute)), "正门", 0.3, "face")


def load(backend, n_people: int, seed: int) -> int:
    """People, rules and check-ins; returns the number of check-ins."""
    rng = random.Random(seed)
    people = make_people(n_people, rng)
    shifts = setup_rules(backend)
    with backend.transaction() as cur:
        cur.executemany("INSERT INTO people (person_number, name, gender, phone, department, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [(*p, "2026-01-05 09:00:00.000", "2026-01-05 09:00:00.000") for p in people])
        ids = [int(r[0]) for r in cur.execute("SELECT id FROM people ORDER BY id").fetchall()]
    rows, batch = 0, []
    with tqdm(total=n_people * 31 * 3, desc="check-ins", unit="row", leave=False) as bar:
        for row in check_ins(ids, [p[4] for p in people], shifts, rng):
            batch.append(row)
            if len(batch) == BATCH:
                rows += _insert(backend, batch)
                bar.update(len(batch))
                batch = []
        rows += _insert(backend, batch)
    return rows


def _insert(backend, batch) -> int:
    with backend.transaction() as cur:
        cur.executemany("INSERT INTO attendance (event_id, person_id, checked_in_at, desk, distance, method) "
                        "VALUES (?, ?, ?, ?, ?, ?)", batch)
    return len(batch)


def timed(fn, repeats: int) -> tuple[list[float], object]:
    result = fn()                                   # warm-up
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - start)
    return runs, result


def summary(runs: list[float]) -> dict:
    return {"median_s": round(statistics.median(runs), 3), "max_s": round(max(runs), 3),
            "runs_s": [round(r, 3) for r in runs]}


def peak_memory(backend, folder: Path) -> dict:
    """Peak Python memory of one report + .xlsx export (tracemalloc; timings are not taken here)."""
    gc.collect()
    tracemalloc.start()
    report = backend.reports.build(ReportQuery.month(YEAR, MONTH, now=AFTER))
    built = tracemalloc.get_traced_memory()[1]
    report_export.export_xlsx(report, folder / "memory.xlsx", "zh_CN",
                              backend.corrections.between(report.query.start, report.query.end))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    people = len(report.people)
    return {"people": people, "report_peak_mb": round(built / 2**20, 1), "with_xlsx_peak_mb": round(peak / 2**20, 1),
            "bytes_per_person": round(peak / max(1, people))}


def run_backend(target_cls, args) -> dict:
    result = {}
    for n_people, timing in ((args.people, True), (args.scale_people, False)):
        if not n_people:
            continue
        target = target_cls(args)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            backend = open_backend(target.url, password=target.password, outbox_path=folder / "outbox.db")
            try:
                start = time.perf_counter()
                rows = load(backend, n_people, args.seed)
                entry = {"people": n_people, "check_ins": rows, "load_s": round(time.perf_counter() - start, 1)}
                if args.leave_share:
                    entry["leave_records"] = add_leave(backend, args.leave_share, args.seed)
                if args.schedule_change:
                    entry["schedules_changed"] = change_schedules(backend)
                query = ReportQuery.month(YEAR, MONTH, now=AFTER)
                if timing:
                    runs, report = timed(lambda: backend.reports.build(query), args.repeats)
                    entry["report"] = summary(runs)
                    corrections = backend.corrections.between(query.start, query.end)
                    runs, _ = timed(lambda: report_export.export_xlsx(report, folder / "report.xlsx", "zh_CN",
                                                                      corrections), args.repeats)
                    entry["xlsx"] = summary(runs)
                    entry["xlsx_mb"] = round((folder / "report.xlsx").stat().st_size / 2**20, 2)
                    for view in report_export.CSV_VIEWS:
                        runs, _ = timed(lambda: report_export.export_csv(report, folder / f"{view}.csv", view),
                                        args.repeats)
                        entry[f"csv_{view}"] = summary(runs)
                    total = report.total()
                    entry["figures"] = {"people": len(report.people), "work_days": total.work_days,
                                        "late": total.late, "absent": total.absent,
                                        "missing_punches": total.missing_punches,
                                        "overtime_hours": round(total.overtime_minutes / 60, 1),
                                        "leave_days": total.leave_days}
                else:
                    start = time.perf_counter()
                    report = backend.reports.build(query)
                    entry["report_once_s"] = round(time.perf_counter() - start, 2)
                    start = time.perf_counter()
                    report_export.export_xlsx(report, folder / "report.xlsx")
                    entry["xlsx_once_s"] = round(time.perf_counter() - start, 2)
                    del report
                entry["memory"] = peak_memory(backend, folder)
                result[f"people_{n_people}"] = entry
            finally:
                backend.close()
                target.cleanup()
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", nargs="+", choices=("sqlite", "mysql"), default=["sqlite", "mysql"])
    parser.add_argument("--people", type=int, default=1000, help="people of the timed month report")
    parser.add_argument("--scale-people", type=int, default=10_000,
                        help="people of the memory figure (0: skip it)")
    parser.add_argument("--repeats", type=int, default=5, help="timed runs (median reported)")
    parser.add_argument("--mysql-url", default=os.environ.get("FACE_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306"),
                        help="admin account that may create/drop the throw-away database")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--leave-share", type=float, default=0.1,
                        help="share of the person-days on leave (0: none)")
    parser.add_argument("--no-schedule-change", dest="schedule_change", action="store_false",
                        help="keep every schedule as it is all month")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)

    wall = time.perf_counter()
    figures = {"month": f"{YEAR}-{MONTH:02d}", "repeats": args.repeats, "leave_share": args.leave_share,
               "schedule_change": args.schedule_change,
               "machine": {"platform": platform.platform(), "python": platform.python_version(),
                           "cpus": os.cpu_count(), "load_average": os.getloadavg()},
               "backends": {}}
    targets = {"sqlite": SQLiteTarget, "mysql": MySQLTarget}
    for kind in args.backend:
        print(f"\n== {kind} ==", flush=True)
        res = figures["backends"][kind] = run_backend(targets[kind], args)
        for key, entry in res.items():
            print(f"{entry['people']:,} people, {entry['check_ins']:,} check-ins (loaded in {entry['load_s']} s), "
                  f"{entry.get('leave_records', 0):,} leave records, "
                  f"{entry.get('schedules_changed', 0)} schedules changed mid-month")
            if "report" in entry:
                print(f"  month report   median {entry['report']['median_s']:.3f} s (max {entry['report']['max_s']:.3f})")
                print(f"  .xlsx export   median {entry['xlsx']['median_s']:.3f} s ({entry['xlsx_mb']} MB)")
                print(f"  CSV totals / days  {entry['csv_totals']['median_s']:.3f} / {entry['csv_days']['median_s']:.3f} s")
                print(f"  {entry['figures']}")
            else:
                print(f"  month report {entry['report_once_s']} s, .xlsx {entry['xlsx_once_s']} s (one run)")
            m = entry["memory"]
            print(f"  peak memory: report {m['report_peak_mb']} MB, with .xlsx {m['with_xlsx_peak_mb']} MB "
                  f"({m['bytes_per_person']} bytes a person)")
    figures["wall_s"] = round(time.perf_counter() - wall, 1)
    figures["machine"]["load_average_after"] = os.getloadavg()
    print(f"\nwall time {figures['wall_s']} s")
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
