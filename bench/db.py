"""Attendance database figures: history search over a large table, and check-in throughput.

For each backend (SQLite file in a temp folder; MySQL/MariaDB in a throw-away database that is
dropped afterwards) it creates the schema through the backend, bulk-loads ``--people`` people and
``--rows`` attendance rows (one year, working hours, inserted in time order), runs ANALYZE, then:

* times ``Backend.attendance.search`` (first page of 50 + total count) for name-substring +
  date-range queries and a few others: median and p90 over ``--repeats`` runs after a warm-up;
* measures check-ins per second through ``Backend.attendance.check_in`` (cooldown rule on, each
  check-in its own transaction), and for MySQL also the rate while the server is unreachable
  (check-ins going to the local outbox).

    python bench/db.py [--backend sqlite mysql] [--people 10000] [--rows 1000000]
                       [--repeats 15] [--checkins 2000] [--mysql-url mysql://root@127.0.0.1:3306]
                       [--json bench/results/db.json]

Use e.g. ``--rows 20000`` for a quick check. The MySQL admin account (it creates and drops the
throw-away database) comes from --mysql-url, else $FACE_TEST_MYSQL_URL, else root@127.0.0.1:3306
with an empty password.
"""
from __future__ import annotations

import argparse
import logging
import os
import platform
import random
import secrets
import shutil
import socket
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.report import write_json  # noqa: E402

from tqdm import tqdm  # noqa: E402

from backend import HistoryQuery, open_backend  # noqa: E402

# common Chinese surnames with rough weights (王/李/张 ~7% each), and given-name characters
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
            "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔")
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国志文斌宇浩然欣怡子轩梓涵一诺雨桐"
DEPARTMENTS = ("研发部", "销售部", "市场部", "财务部", "人事部", "行政部", "客服部", "生产部", "质检部", "采购部",
               "物流部", "法务部", "信息部", "设计部", "运营部", "培训部", "安全部", "后勤部", "总经办", "审计部")
DESKS = ("正门", "东门", "西门", "车库")
END_DAY = date(2024, 12, 31)          # the data covers the year before this day
BATCH = 10_000


def make_people(n: int, rng: random.Random) -> list[tuple]:
    weights = [7.0, 7.0, 7.0, 5.0, 4.5] + [1.0] * (len(SURNAMES) - 5)
    people = []
    for i in range(n):
        name = rng.choices(SURNAMES, weights)[0] + "".join(rng.choices(GIVEN, k=rng.choice((1, 2, 2))))
        people.append((f"P{i + 1:06d}", name, rng.choice(("男", "女")), f"1{rng.randrange(10**9, 10**10)}",
                       rng.choice(DEPARTMENTS)))
    return people


def make_attendance(n: int, n_people: int, rng: random.Random) -> list[tuple]:
    """(event_id, person_id, checked_in_at, desk, distance), in time order."""
    start = datetime.combine(END_DAY - timedelta(days=364), datetime.min.time())
    offsets = sorted(rng.randrange(365) * 86400_000 + rng.randrange(7 * 3600_000, 19 * 3600_000)
                     for _ in range(n))
    return [(str(uuid.UUID(int=rng.getrandbits(128), version=4)), rng.randrange(1, n_people + 1),
             start + timedelta(milliseconds=ms), rng.choice(DESKS), round(rng.uniform(0.2, 0.6), 4))
            for ms in offsets]


# -- backends -------------------------------------------------------------------------------------
class SQLiteTarget:
    kind = "sqlite"

    def __init__(self, _args):
        self.dir = Path(tempfile.mkdtemp(prefix="facebench-"))
        self.url = f"sqlite:///{self.dir}/attendance.db"
        self.password = None

    def load(self, people, rows) -> None:
        import sqlite3

        conn = sqlite3.connect(self.url.removeprefix("sqlite:///"), isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO people (person_number, name, gender, phone, department) "
                         "VALUES (?, ?, ?, ?, ?)", people)
        for i in tqdm(range(0, len(rows), BATCH), desc="sqlite: attendance", unit="batch"):
            conn.executemany("INSERT INTO attendance (event_id, person_id, checked_in_at, desk, distance) "
                             "VALUES (?, ?, ?, ?, ?)",
                             [(e, p, t.strftime("%Y-%m-%d %H:%M:%S.%f")[:-3], d, x)
                              for e, p, t, d, x in rows[i:i + BATCH]])
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.close()

    def size_mb(self) -> float:
        return sum(f.stat().st_size for f in self.dir.iterdir()) / 2**20

    def cleanup(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


class MySQLTarget:
    kind = "mysql"

    def __init__(self, args):
        parts = urlsplit(args.mysql_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 3306
        self.user, self.password = unquote(parts.username or "root"), unquote(parts.password or "")
        self.database = f"facebench_{secrets.token_hex(4)}"
        self._admin(f"CREATE DATABASE `{self.database}` CHARACTER SET utf8mb4 "
                    "COLLATE utf8mb4_unicode_520_ci")
        self.url = f"mysql://{self.user}@{self.host}:{self.port}/{self.database}"

    def _connect(self, database=None):
        import pymysql

        return pymysql.connect(host=self.host, port=self.port, user=self.user, password=self.password,
                               database=database, charset="utf8mb4", autocommit=True)

    def _admin(self, sql, database=None):
        conn = self._connect(database)
        try:
            with conn.cursor() as cur:
                cur.execute(sql)
                return cur.fetchall()
        finally:
            conn.close()

    def load(self, people, rows) -> None:
        conn = self._connect(self.database)
        conn.autocommit(False)
        with conn.cursor() as cur:
            cur.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0")
            cur.executemany("INSERT INTO people (person_number, name, gender, phone, department) "
                            "VALUES (%s, %s, %s, %s, %s)", people)
            for i in tqdm(range(0, len(rows), BATCH), desc="mysql: attendance", unit="batch"):
                cur.executemany("INSERT INTO attendance (event_id, person_id, checked_in_at, desk, distance) "
                                "VALUES (%s, %s, %s, %s, %s)", rows[i:i + BATCH])
                conn.commit()
            cur.execute("SET SESSION unique_checks = 1, foreign_key_checks = 1")
            cur.execute("ANALYZE TABLE people, attendance")
            cur.fetchall()
        conn.commit()
        conn.close()

    def info(self) -> dict:
        version, pool, flush = self._admin("SELECT VERSION(), @@innodb_buffer_pool_size, "
                                           "@@innodb_flush_log_at_trx_commit")[0]
        return {"version": version, "innodb_buffer_pool_mb": int(pool) // 2**20,
                "innodb_flush_log_at_trx_commit": int(flush)}

    def size_mb(self) -> float:
        rows = self._admin("SELECT SUM(data_length + index_length) FROM information_schema.tables "
                           f"WHERE table_schema = '{self.database}'")
        return float(rows[0][0] or 0) / 2**20

    def cleanup(self) -> None:
        self._admin(f"DROP DATABASE IF EXISTS `{self.database}`")


# -- measurements ---------------------------------------------------------------------------------
def search_cases(people) -> dict[str, HistoryQuery]:
    month = dict(start=date(2024, 6, 1), end=date(2024, 6, 30))
    counts: dict[str, int] = {}
    for _, name, *_ in people:
        for k in range(len(name) - 1):
            counts[name[k:k + 2]] = counts.get(name[k:k + 2], 0) + 1
    # a two-character fragment found in about 0.5% of the names
    fragment = min(counts, key=lambda s: abs(counts[s] - len(people) * 0.005))
    one = people[len(people) // 2][1]
    return {
        "name '王' (common surname) + June": HistoryQuery(text="王", field="name", **month),
        f"name '{fragment}' (~0.5% of people) + June": HistoryQuery(text=fragment, field="name", **month),
        f"name '{one}' (one person's full name) + June": HistoryQuery(text=one, field="name", **month),
        "name '王' + whole year": HistoryQuery(text="王", field="name", start=date(2024, 1, 1),
                                             end=date(2024, 12, 31)),
        "any field '王' + June (GUI default field)": HistoryQuery(text="王", **month),
        "department '研发' + June": HistoryQuery(text="研发", field="department", **month),
        "June, no text": HistoryQuery(**month),
        "all rows, no filter": HistoryQuery(preset="all"),
        "name '王' + June, page 20": HistoryQuery(text="王", field="name", page=20, **month),
    }


def time_searches(backend, cases, repeats: int) -> dict:
    out = {}
    for label, query in tqdm(cases.items(), desc="searches", unit="query"):
        page = backend.attendance.search(query)          # warm-up (and the result size)
        runs = []
        for _ in range(repeats):
            start = time.perf_counter()
            backend.attendance.search(query)
            runs.append((time.perf_counter() - start) * 1000)
        runs.sort()
        out[label] = {"median_ms": round(statistics.median(runs), 2),
                      "p90_ms": round(runs[min(len(runs) - 1, int(len(runs) * 0.9))], 2),
                      "total": page.total, "rows": len(page.rows)}
    return out


def checkin_rate(backend, n: int, n_people: int, rng: random.Random) -> float:
    when = datetime(2025, 1, 1, 8, 0)
    start = time.perf_counter()
    recorded = 0
    for _ in tqdm(range(n), desc="check-ins", unit="check-in", leave=False):
        when += timedelta(seconds=1)
        recorded += backend.attendance.check_in(rng.randrange(1, n_people + 1), when, desk="bench",
                                                distance=0.3).status in ("recorded", "cooldown")
    elapsed = time.perf_counter() - start
    assert recorded == n
    return n / elapsed


def offline_rate(n: int, tmp: Path) -> float:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    backend = open_backend(f"mysql://nobody@127.0.0.1:{port}/nothing", password="",
                           outbox_path=tmp / "outbox.db")
    try:
        when = datetime(2025, 1, 1, 8, 0)
        start = time.perf_counter()
        for i in range(n):
            when += timedelta(seconds=1)
            assert backend.attendance.check_in(1 + i % 1000, when).status in ("queued", "cooldown")
        return n / (time.perf_counter() - start)
    finally:
        backend.close()


def run_backend(target_cls, args, people, rows) -> dict:
    target = target_cls(args)
    result = {"url": target.url}
    try:
        start = time.perf_counter()
        open_backend(target.url, password=target.password, outbox_path=Path(tempfile.gettempdir())
                     / f"facebench-outbox-{os.getpid()}.db").close()
        target.load(people, rows)
        result["load_s"] = round(time.perf_counter() - start, 1)
        result["size_mb"] = round(target.size_mb(), 1)
        if hasattr(target, "info"):
            result["server"] = target.info()
        with tempfile.TemporaryDirectory() as tmp:
            backend = open_backend(target.url, password=target.password, outbox_path=Path(tmp) / "outbox.db")
            try:
                result["search"] = time_searches(backend, search_cases(people), args.repeats)
                result["checkins_per_s"] = round(checkin_rate(backend, args.checkins, len(people),
                                                              random.Random(7)), 1)
            finally:
                backend.close()
            if target.kind == "mysql":
                result["offline_checkins_per_s"] = round(offline_rate(min(args.checkins, 1000), Path(tmp)), 1)
    finally:
        target.cleanup()
        Path(tempfile.gettempdir(), f"facebench-outbox-{os.getpid()}.db").unlink(missing_ok=True)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", nargs="+", choices=("sqlite", "mysql"), default=["sqlite", "mysql"])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=1_000_000, help="attendance rows to load")
    parser.add_argument("--repeats", type=int, default=15, help="timed runs per search (median reported)")
    parser.add_argument("--checkins", type=int, default=2000, help="check-ins for the throughput figure")
    parser.add_argument("--mysql-url", default=os.environ.get("FACE_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306"),
                        help="admin account that may create/drop the throw-away database")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    logging.getLogger("backend").setLevel(logging.ERROR)   # the offline figure logs "cannot connect"

    wall = time.perf_counter()
    rng = random.Random(args.seed)
    print(f"generating {args.people:,} people and {args.rows:,} attendance rows ...", flush=True)
    people = make_people(args.people, rng)
    rows = make_attendance(args.rows, args.people, rng)
    report = {"people": args.people, "rows": args.rows, "repeats": args.repeats, "page_size": 50,
              "machine": {"platform": platform.platform(), "python": platform.python_version(),
                          "cpus": os.cpu_count()},
              "backends": {}}
    targets = {"sqlite": SQLiteTarget, "mysql": MySQLTarget}
    for kind in args.backend:
        print(f"\n== {kind} ==", flush=True)
        res = run_backend(targets[kind], args, people, rows)
        report["backends"][kind] = res
        print(f"load {res['load_s']} s, {res['size_mb']} MB on disk")
        print(f"{'history search (first page of 50 + total)':58s} {'median':>9s} {'p90':>9s} {'matches':>9s}")
        for label, fig in res["search"].items():
            print(f"  {label:56s} {fig['median_ms']:7.1f}ms {fig['p90_ms']:7.1f}ms {fig['total']:9,d}")
        print(f"check-ins through the repository API: {res['checkins_per_s']:.0f}/s")
        if "offline_checkins_per_s" in res:
            print(f"check-ins while the server is unreachable (outbox): {res['offline_checkins_per_s']:.0f}/s")
    report["wall_s"] = round(time.perf_counter() - wall, 1)
    print(f"\nwall time {report['wall_s']} s")
    write_json(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
