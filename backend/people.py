"""People repository: create / update / delete / get / search.

Every change of ``active`` is also written to ``person_inactive_periods`` (schema 4) in the same
transaction: attendance reports count a person only while they were active."""
from __future__ import annotations

from backend import times, validation
from backend.db import Database
from backend.errors import DuplicatePersonNumber, IntegrityViolation, PersonNotFound
from backend.likes import contains_pattern, LIKE_ESCAPE
from backend.records import Person

_COLUMNS = ("id, person_number, name, gender, phone, department, note, active, created_at, "
            "updated_at")
_OPTIONAL = ("gender", "phone", "department", "note")
UPDATABLE = ("person_number", "name", "gender", "phone", "department", "note", "active")
#: columns a people search looks in
SEARCHED = ("person_number", "name", "phone", "gender", "department")


def _clean(field: str, value):
    if field == "person_number":
        return validation.text(field, value, required=True, strip=True)
    if field == "name":
        return validation.text(field, value, required=True, strip=True)
    if field == "active":
        if value not in (True, False, 0, 1):
            raise ValueError(f"active must be True or False, got {value!r}")
        return bool(value)
    return validation.text(field, value)


class PeopleRepository:
    def __init__(self, db: Database):
        self._db = db

    def _person(self, row) -> Person:
        db = self._db
        return Person(id=int(row[0]), person_number=row[1], name=row[2], gender=row[3], phone=row[4],
                      department=row[5], note=row[6], active=bool(row[7]),
                      created_at=db.read_dt(row[8]), updated_at=db.read_dt(row[9]))

    def _holder(self, cur, person_number: str, exclude_id: int | None = None):
        row = cur.execute("SELECT id, name FROM people WHERE person_number = ?", (person_number,)).fetchone()
        if row is not None and row[0] != exclude_id:
            return row
        return None

    def _duplicate(self, person_number: str, holder=None) -> DuplicatePersonNumber:
        who = f" by {holder[1]} (id {holder[0]})" if holder else ""
        return DuplicatePersonNumber(f"person number {person_number!r} is already used{who}")

    def create(self, person_number: str, name: str, gender: str | None = None, phone: str | None = None,
               department: str | None = None, note: str | None = None, active: bool = True) -> Person:
        """Add a person; raises DuplicatePersonNumber or ValueError (bad field) and stores nothing then."""
        values = {"person_number": person_number, "name": name, "gender": gender, "phone": phone,
                  "department": department, "note": note, "active": active}
        values = {k: _clean(k, v) for k, v in values.items()}
        now = self._db.dt(times.now_local())
        with self._db.transaction(write=True) as cur:
            holder = self._holder(cur, values["person_number"])
            if holder:
                raise self._duplicate(values["person_number"], holder)
            try:
                cur.execute("INSERT INTO people (person_number, name, gender, phone, department, note, "
                            "active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (*values.values(), now, now))
            except IntegrityViolation as exc:
                if exc.kind == "unique":
                    raise self._duplicate(values["person_number"]) from exc
                raise
            person_id = cur.lastrowid
            if not values["active"]:
                _active_changed(cur, person_id, False, now)
            return self._get(cur, person_id)

    def update(self, person_id: int, **fields) -> Person:
        """Change some fields (person_number, name, gender, phone, department, note, active)."""
        person_id = validation.row_id(person_id)
        unknown = set(fields) - set(UPDATABLE)
        if unknown:
            raise ValueError(f"cannot update {', '.join(sorted(unknown))}; "
                             f"updatable fields: {', '.join(UPDATABLE)}")
        values = {k: _clean(k, v) for k, v in fields.items()}
        with self._db.transaction(write=True) as cur:
            before = self._get(cur, person_id)
            if before is None:
                raise PersonNotFound(f"no person with id {person_id}")
            if not values:
                return before
            if "person_number" in values:
                holder = self._holder(cur, values["person_number"], exclude_id=person_id)
                if holder:
                    raise self._duplicate(values["person_number"], holder)
            assignments = ", ".join(f"{k} = ?" for k in values)
            now = self._db.dt(times.now_local())
            try:
                cur.execute(f"UPDATE people SET {assignments}, updated_at = ? WHERE id = ?",
                            (*values.values(), now, person_id))
            except IntegrityViolation as exc:
                if exc.kind == "unique":
                    raise self._duplicate(values["person_number"]) from exc
                raise
            if "active" in values and values["active"] != before.active:
                _active_changed(cur, person_id, values["active"], now)
            return self._get(cur, person_id)

    def delete(self, person_id: int) -> bool:
        """Delete a person and (ON DELETE CASCADE) their attendance; False if there was none."""
        person_id = validation.row_id(person_id)
        with self._db.transaction(write=True) as cur:
            return cur.execute("DELETE FROM people WHERE id = ?", (person_id,)).rowcount > 0

    def _get(self, cur, person_id: int) -> Person | None:
        row = cur.execute(f"SELECT {_COLUMNS} FROM people WHERE id = ?", (person_id,)).fetchone()
        return None if row is None else self._person(row)

    def get(self, person_id: int) -> Person | None:
        person_id = validation.row_id(person_id)
        with self._db.transaction() as cur:
            return self._get(cur, person_id)

    def lock_active(self, person_id: int) -> bool:
        """Whether the person exists and is active, holding their row until the enclosing
        transaction ends (MySQL: SELECT ... FOR UPDATE; SQLite: the write transaction)."""
        person_id = validation.row_id(person_id)
        with self._db.transaction(write=True) as cur:
            row = cur.execute(self._db.sql_lock_person, (person_id,)).fetchone()
            return row is not None and bool(row[0])

    def get_by_number(self, person_number: str) -> Person | None:
        if not isinstance(person_number, str):
            raise ValueError(f"person number must be text, got {person_number!r}")
        with self._db.transaction() as cur:
            row = cur.execute(f"SELECT {_COLUMNS} FROM people WHERE person_number = ?",
                              (person_number.strip(),)).fetchone()
            return None if row is None else self._person(row)

    def _where(self, text: str, include_inactive: bool) -> tuple[str, list, bool]:
        clauses, params = [], []
        if not include_inactive:
            clauses.append("active = 1")
        pattern = contains_pattern(text, max(validation.MAX_LENGTH[f] for f in SEARCHED))
        if pattern is False:
            return "", [], False        # longer than any searched column: cannot match
        if pattern:
            ors = [f"{self._db.ci(c) if c == 'person_number' else c} LIKE ? {LIKE_ESCAPE}"
                   for c in SEARCHED]
            clauses.append("(" + " OR ".join(ors) + ")")
            params += [pattern] * len(SEARCHED)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params, True

    def search(self, text: str = "", limit: int = 100, offset: int = 0,
               include_inactive: bool = True) -> list[Person]:
        """People whose number, name, phone, gender or department contains ``text`` (literally),
        ordered by person number."""
        limit, offset = _page_args(limit, offset)
        where, params, possible = self._where(text, include_inactive)
        if not possible:
            return []
        with self._db.transaction() as cur:
            rows = cur.execute(f"SELECT {_COLUMNS} FROM people{where} ORDER BY person_number, id "
                               "LIMIT ? OFFSET ?", (*params, limit, offset)).fetchall()
        return [self._person(r) for r in rows]

    def count(self, text: str = "", include_inactive: bool = True) -> int:
        where, params, possible = self._where(text, include_inactive)
        if not possible:
            return 0
        with self._db.transaction() as cur:
            return int(cur.execute(f"SELECT COUNT(*) FROM people{where}", params).scalar())

    def inactive_periods(self, person_id: int) -> list[tuple]:
        """When ``person_id`` was deactivated: [(inactive_from, inactive_until or None)], oldest first."""
        person_id = validation.row_id(person_id)
        with self._db.transaction() as cur:
            rows = cur.execute("SELECT inactive_from, inactive_until FROM person_inactive_periods "
                               "WHERE person_id = ? ORDER BY inactive_from, id", (person_id,)).fetchall()
        return [(self._db.read_dt(lo), self._db.read_dt(hi)) for lo, hi in rows]

    def numbers(self) -> list[str]:
        """Every person number (the gallery keys the database knows)."""
        with self._db.transaction() as cur:
            return [r[0] for r in cur.execute("SELECT person_number FROM people").fetchall()]


def _active_changed(cur, person_id: int, active: bool, now) -> None:
    """Open a period of inactivity (deactivated now) or close the open one (reactivated now)."""
    if active:
        cur.execute("UPDATE person_inactive_periods SET inactive_until = ? "
                    "WHERE person_id = ? AND inactive_until IS NULL", (now, person_id))
    else:
        cur.execute("INSERT INTO person_inactive_periods (person_id, inactive_from) VALUES (?, ?)",
                    (person_id, now))


def _page_args(limit, offset) -> tuple[int, int]:
    for name, value in (("limit", limit), ("offset", offset)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{name} must be an integer, got {value!r}")
    if not 1 <= limit <= 10_000:
        raise ValueError(f"limit must be between 1 and 10000, got {limit}")
    if offset < 0:
        raise ValueError(f"offset must be >= 0, got {offset}")
    return limit, offset
