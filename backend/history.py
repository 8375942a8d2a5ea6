"""Attendance history: filters (text, date range, presets), paginated search, daily summary."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

from backend import times, validation
from backend.db import Database
from backend.likes import LIKE_ESCAPE, contains_pattern
from backend.records import AttendanceRow, DailySummary, HistoryPage, HistoryQuery

#: HistoryQuery.field -> column
FIELDS = {"name": "p.name", "person_number": "p.person_number", "phone": "p.phone",
          "gender": "p.gender", "department": "p.department"}
#: HistoryQuery.sort -> column
SORTS = {"time": "a.checked_in_at", "name": "p.name", "person_number": "p.person_number",
         "department": "p.department", "desk": "a.desk", "distance": "a.distance", "method": "a.method",
         "operator": "a.operator", "liveness": "a.liveness"}
PRESETS = ("day", "week", "month", "all")
MAX_PAGE_SIZE = 1000

ROW_COLUMNS = ("a.id, a.event_id, a.person_id, p.person_number, p.name, p.department, "
               "a.checked_in_at, a.desk, a.distance, a.method, a.operator, a.reason, "
               "w.withdrawn_at, w.operator, w.reason, a.liveness")
#: a withdrawn correction stays in the history (the audit) with who withdrew it and why
WITHDRAWALS = " LEFT JOIN correction_withdrawals w ON w.attendance_id = a.id"
JOIN = "attendance a JOIN people p ON p.id = a.person_id" + WITHDRAWALS
#: a condition on attendance (alias a): the check-ins that count (not a withdrawn correction)
COUNTED = ("(a.method <> 'manual' OR NOT EXISTS (SELECT 1 FROM correction_withdrawals cw "
           "WHERE cw.attendance_id = a.id))")


def _bound(value, what: str, is_end: bool) -> datetime | None:
    """A start/end value as a datetime bound of the half-open range [start, end)."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            value = datetime.fromisoformat(text) if len(text) > 10 else date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"invalid {what} date {value!r}: use YYYY-MM-DD or "
                             "YYYY-MM-DD HH:MM[:SS]") from None
    if isinstance(value, datetime):
        value = times.truncate_ms(times.local_naive(value))
        bound = value + timedelta(milliseconds=1) if is_end else value   # a datetime end is inclusive
    elif isinstance(value, date):
        bound = times.day_start(value) + (timedelta(days=1) if is_end else timedelta())  # whole day
    else:
        raise ValueError(f"invalid {what} date {value!r}: give a date, a datetime or an ISO string")
    if not times.MIN_YEAR <= bound.year <= times.MAX_YEAR:
        raise ValueError(f"invalid {what} date {value}: years {times.MIN_YEAR}..{times.MAX_YEAR} only")
    return bound


def resolve_range(query: HistoryQuery) -> tuple[datetime | None, datetime | None]:
    """The half-open time range [lo, hi) a query covers (None = unbounded)."""
    preset = query.preset
    if preset is not None:
        if preset not in PRESETS:
            raise ValueError(f"unknown preset {preset!r}; use one of {', '.join(PRESETS)} or None")
        if query.start is not None or query.end is not None:
            raise ValueError("give either a preset or a start/end range, not both")
        if preset == "all":
            return None, None
        now = times.local_naive(query.now) if query.now is not None else datetime.now()
        today = times.day_start(now.date())
        if preset == "day":
            return today, today + timedelta(days=1)
        if preset == "week":
            monday = today - timedelta(days=today.weekday())
            return monday, monday + timedelta(days=7)
        first = today.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following
    lo = _bound(query.start, "start", is_end=False)
    hi = _bound(query.end, "end", is_end=True)
    if lo is not None and hi is not None and lo >= hi:
        raise ValueError(f"invalid date range: start {query.start} is after end {query.end}")
    return lo, hi


@dataclasses.dataclass
class Filter:
    """WHERE parts of a history query: time range on attendance, text match on people."""
    time_sql: list[str]
    time_params: list
    text_sql: str | None = None      # condition on people columns (alias p), or None
    text_params: list = dataclasses.field(default_factory=list)
    person_ids: list[int] | None = None   # the text match resolved to people (see narrow)
    possible: bool = True             # False: nothing can match (skip the database)

    @property
    def uses_people(self) -> bool:
        return self.text_sql is not None and self.person_ids is None

    def where(self) -> tuple[str, list]:
        clauses, params = list(self.time_sql), list(self.time_params)
        if self.person_ids is not None:
            clauses.append(f"a.person_id IN ({', '.join('?' * len(self.person_ids))})")
            params += self.person_ids
        elif self.text_sql is not None:
            clauses.append(self.text_sql)
            params += self.text_params
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


#: a text filter matching at most this many people is applied as ``person_id IN (...)``
MAX_PEOPLE_IN = 5000


def build_filter(db: Database, query: HistoryQuery) -> Filter:
    if not isinstance(query, HistoryQuery):
        raise ValueError(f"expected a HistoryQuery, got {type(query).__name__}")
    if query.field != "any" and query.field not in FIELDS:
        raise ValueError(f"unknown search field {query.field!r}; use any, {', '.join(FIELDS)}")
    lo, hi = resolve_range(query)
    flt = Filter([], [])
    if lo is not None:
        flt.time_sql.append("a.checked_in_at >= ?")
        flt.time_params.append(db.dt(lo))
    if hi is not None:
        flt.time_sql.append("a.checked_in_at < ?")
        flt.time_params.append(db.dt(hi))
    fields = list(FIELDS) if query.field == "any" else [query.field]
    pattern = contains_pattern(query.text, max(validation.MAX_LENGTH[f] for f in fields))
    if pattern is False:
        flt.possible = False
    elif pattern:
        ors = [f"{db.ci(FIELDS[f]) if f == 'person_number' else FIELDS[f]} LIKE ? {LIKE_ESCAPE}"
               for f in fields]
        flt.text_sql = "(" + " OR ".join(ors) + ")" if len(ors) > 1 else ors[0]
        flt.text_params = [pattern] * len(fields)
    return flt


def narrow(cur, flt: Filter) -> Filter:
    """Resolve the text match to the (few) matching people first.

    The people table is small, so the match costs a scan of it; the attendance query then uses
    the (person_id, checked_in_at) index instead of scanning the date range and joining each row.
    """
    if flt.text_sql is None or not flt.possible:
        return flt
    rows = cur.execute(f"SELECT p.id FROM people p WHERE {flt.text_sql} LIMIT ?",
                       (*flt.text_params, MAX_PEOPLE_IN + 1)).fetchall()
    if len(rows) > MAX_PEOPLE_IN:
        return flt                     # a broad match: filter while joining instead
    if not rows:
        return dataclasses.replace(flt, possible=False)
    return dataclasses.replace(flt, person_ids=sorted(r[0] for r in rows))


def _order(query: HistoryQuery) -> str:
    if query.sort not in SORTS:
        raise ValueError(f"unknown sort {query.sort!r}; use one of {', '.join(SORTS)}")
    direction = "DESC" if query.descending else "ASC"
    return f" ORDER BY {SORTS[query.sort]} {direction}, a.id {direction}"


def _paging(query: HistoryQuery) -> tuple[int, int]:
    page, size = query.page, query.page_size
    for name, value in (("page", page), ("page_size", size)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{name} must be an integer, got {value!r}")
    if page < 0:
        raise ValueError(f"page must be >= 0, got {page}")
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}, got {size}")
    return size, page * size


def validate(db: Database, query: HistoryQuery) -> Filter:
    """Check every part of ``query`` (ValueError saying what is wrong); returns its filter."""
    flt = build_filter(db, query)
    _order(query)
    _paging(query)
    return flt


def read_row(db: Database, r) -> AttendanceRow:
    """An AttendanceRow from the columns of ROW_COLUMNS."""
    return AttendanceRow(id=int(r[0]), event_id=r[1], person_id=int(r[2]), person_number=r[3], name=r[4],
                         department=r[5], checked_in_at=db.read_dt(r[6]), desk=r[7],
                         distance=None if r[8] is None else float(r[8]), method=r[9], operator=r[10],
                         reason=r[11], withdrawn_at=None if r[12] is None else db.read_dt(r[12]),
                         withdrawn_by=r[13], withdrawn_reason=r[14], liveness=r[15])


def _from(db: Database) -> str:
    """attendance joined to people, attendance as the outer loop (for the time index / IN ranges)."""
    return f"attendance a {db.forced_join} people p ON p.id = a.person_id"


def _rows_from(db: Database) -> str:
    return _from(db) + WITHDRAWALS


def search(db: Database, query: HistoryQuery) -> HistoryPage:
    """One page of matching check-ins and the total number of matches."""
    flt = validate(db, query)
    order = _order(query)
    limit, offset = _paging(query)
    if not flt.possible:
        return HistoryPage([], 0)
    with db.transaction() as cur:
        flt = narrow(cur, flt)
        if not flt.possible:
            return HistoryPage([], 0)
        where, params = flt.where()
        count_from = JOIN if flt.uses_people else "attendance a"
        total = int(cur.execute(f"SELECT COUNT(*) FROM {count_from}{where}", params).scalar())
        rows = []
        if total > offset:
            rows = cur.execute(f"SELECT {ROW_COLUMNS} FROM {_rows_from(db)}{where}{order} LIMIT ? OFFSET ?",
                               (*params, limit, offset)).fetchall()
    return HistoryPage([read_row(db, r) for r in rows], total)


def iter_rows(db: Database, query: HistoryQuery, cur):
    """Every matching row (all pages) in the query's order; ``cur`` is an open transaction's cursor."""
    flt = narrow(cur, validate(db, query))
    order = _order(query)
    if not flt.possible:
        return
    where, params = flt.where()
    for r in cur.stream(f"SELECT {ROW_COLUMNS} FROM {_rows_from(db)}{where}{order}", params):
        yield read_row(db, r)


def _summary_sql(db: Database, query: HistoryQuery, flt: Filter) -> tuple[str, list]:
    day = db.day_of("a.checked_in_at")
    direction = "DESC" if query.descending else "ASC"
    where, params = flt.where()
    where += (" AND " if where else " WHERE ") + COUNTED          # a withdrawn correction is not a check-in
    return (f"SELECT {day} AS day, a.person_id, p.person_number, p.name, MIN(a.checked_in_at), "
            f"MAX(a.checked_in_at), COUNT(*) FROM {_from(db)}{where} "
            f"GROUP BY {day}, a.person_id, p.person_number, p.name "
            f"ORDER BY day {direction}, p.name, a.person_id"), list(params)


def _read_summary(db: Database, r) -> DailySummary:
    count = int(r[6])
    return DailySummary(day=db.read_date(r[0]), person_id=int(r[1]), person_number=r[2], name=r[3],
                        first_in=db.read_dt(r[4]), last_out=db.read_dt(r[5]) if count > 1 else None, count=count)


def daily_summary(db: Database, query: HistoryQuery) -> list[DailySummary]:
    """First in / last out / count per person per day, for one page (query.page, query.page_size).

    Days are ordered newest first when ``query.descending`` (else oldest first), then by name.
    """
    flt = validate(db, query)
    limit, offset = _paging(query)
    if not flt.possible:
        return []
    with db.transaction() as cur:
        flt = narrow(cur, flt)
        if not flt.possible:
            return []
        sql, params = _summary_sql(db, query, flt)
        rows = cur.execute(sql + " LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
    return [_read_summary(db, r) for r in rows]


def iter_summary(db: Database, query: HistoryQuery, cur):
    """Every line of the daily summary (all pages), in daily_summary's order; ``cur``: an open transaction's."""
    flt = narrow(cur, validate(db, query))
    if not flt.possible:
        return
    sql, params = _summary_sql(db, query, flt)
    for r in cur.stream(sql, params):
        yield _read_summary(db, r)
