-- Face attendance schema, version 4, SQLite variant of sql/mysql/004_work_schedules.sql (see there for
-- what each table is). Applied by backend/schema.py on top of version 3. Days are TEXT 'YYYY-MM-DD'.

CREATE TABLE shifts (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    name                 TEXT    NOT NULL UNIQUE,
    start_minute         INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute           INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1439),
    late_grace_minutes   INTEGER NOT NULL DEFAULT 0 CHECK (late_grace_minutes >= 0),
    early_grace_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (early_grace_minutes >= 0),
    break_minutes        INTEGER NOT NULL DEFAULT 0 CHECK (break_minutes >= 0),
    updated_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')),
    CHECK (start_minute <> end_minute)
);

CREATE TABLE department_schedules (
    department  TEXT    NOT NULL PRIMARY KEY,
    shift_id    INTEGER NOT NULL REFERENCES shifts (id),
    work_days   TEXT    NOT NULL DEFAULT '1111100'
                CHECK (length(work_days) = 7 AND work_days NOT GLOB '*[^01]*')
);
CREATE INDEX idx_department_schedules_shift ON department_schedules (shift_id);

CREATE TABLE person_schedules (
    person_id   INTEGER NOT NULL PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    shift_id    INTEGER NULL REFERENCES shifts (id),
    work_days   TEXT    NOT NULL DEFAULT '1111100'
                CHECK (length(work_days) = 7 AND work_days NOT GLOB '*[^01]*')
);
CREATE INDEX idx_person_schedules_shift ON person_schedules (shift_id);

CREATE TABLE calendar_days (
    day         TEXT    NOT NULL PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name        TEXT    NOT NULL DEFAULT ''
);

CREATE TABLE person_inactive_periods (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    inactive_from   TEXT    NOT NULL,
    inactive_until  TEXT    NULL
);
CREATE INDEX idx_person_inactive_periods_person ON person_inactive_periods (person_id, inactive_from);

INSERT INTO person_inactive_periods (person_id, inactive_from)
    SELECT id, updated_at FROM people WHERE active = 0;
