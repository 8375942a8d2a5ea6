-- Face attendance schema, version 1, SQLite variant of sql/mysql/001_initial.sql.
-- Applied by backend/schema.py (files NNN_*.sql in this folder, in order; the number is the version).
--
-- Times are TEXT 'YYYY-MM-DD HH:MM:SS.fff' in the desk's LOCAL time (sorts like the time it is).
-- Field lengths are enforced by the application (backend/validation.py), as for MySQL.
-- The connection enables foreign keys (PRAGMA foreign_keys = ON) and WAL.

CREATE TABLE people (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    person_number  TEXT    NOT NULL UNIQUE,
    name           TEXT    NOT NULL,
    gender         TEXT    NULL,
    phone          TEXT    NULL,
    department     TEXT    NULL,
    note           TEXT    NULL,
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')),
    updated_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime'))
);
CREATE INDEX idx_people_name ON people (name);
CREATE INDEX idx_people_phone ON people (phone);
CREATE INDEX idx_people_department ON people (department);

CREATE TABLE attendance (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id       TEXT    NOT NULL UNIQUE,               -- client-generated UUID
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    checked_in_at  TEXT    NOT NULL,                      -- desk local time
    desk           TEXT    NOT NULL DEFAULT '',
    distance       REAL    NULL,
    recorded_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime'))
);
CREATE INDEX idx_attendance_time ON attendance (checked_in_at);
CREATE INDEX idx_attendance_person_time ON attendance (person_id, checked_in_at);

CREATE TABLE schema_version (
    version        INTEGER NOT NULL PRIMARY KEY,
    description    TEXT    NOT NULL,
    applied_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime'))
);
