"""Persistence: people and attendance on SQLite (default, embedded) or MySQL/MariaDB.

    backend = open_backend("sqlite:///data/attendance.db")      # or mysql://user@host:3306/db
    person = backend.people.create("E001", "张三", department="研发")
    backend.attendance.check_in(person.id, desk="front door", distance=0.31)

See docs/setup.md ("Database") for switching to MySQL. Times are the desk's local time, with ms.
"""
from backend.core import Backend, open_backend, test_connection
from backend.errors import (BackendError, BackendOffline, DuplicatePersonNumber, InactivePerson,
                            PersonNotFound, SchemaError)
from backend.records import (AttendanceRow, BackendStatus, CheckIn, DailySummary, HistoryPage,
                             HistoryQuery, Person, RejectedAttempt)
from backend.url import DEFAULT_URL, PASSWORD_ENV

__all__ = ["Backend", "open_backend", "test_connection", "BackendError", "BackendOffline",
           "DuplicatePersonNumber", "InactivePerson", "PersonNotFound", "SchemaError", "AttendanceRow",
           "BackendStatus", "CheckIn", "DailySummary", "HistoryPage", "HistoryQuery", "Person", "RejectedAttempt",
           "DEFAULT_URL", "PASSWORD_ENV"]
