-- Face attendance schema, version 5, SQLite variant of sql/mysql/005_withdrawals_and_leave.sql (see there
-- for what each table is). Applied by backend/schema.py on top of version 4.

CREATE TABLE correction_withdrawals (
    attendance_id  INTEGER NOT NULL PRIMARY KEY REFERENCES attendance (id) ON DELETE CASCADE,
    withdrawn_at   TEXT    NOT NULL,
    operator       TEXT    NOT NULL,
    reason         TEXT    NOT NULL
);

CREATE TABLE leave_types (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    code         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    name_zh      TEXT    NOT NULL,
    name_en      TEXT    NOT NULL,
    paid         INTEGER NOT NULL DEFAULT 1 CHECK (paid IN (0, 1)),
    unit         TEXT    NOT NULL DEFAULT 'day' CHECK (unit IN ('day', 'hour')),
    sort_order   INTEGER NOT NULL DEFAULT 0
);

INSERT INTO leave_types (code, name_zh, name_en, paid, unit, sort_order) VALUES
    ('annual', '年假', 'Annual leave', 1, 'day', 1),
    ('sick', '病假', 'Sick leave', 1, 'day', 2),
    ('personal', '事假', 'Personal leave', 0, 'day', 3),
    ('comp', '调休', 'Time off in lieu', 1, 'day', 4),
    ('trip', '出差', 'Business trip', 1, 'day', 5),
    ('out', '外出', 'Out on business', 1, 'hour', 6);

CREATE TABLE leave_records (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id         INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    type_id           INTEGER NOT NULL REFERENCES leave_types (id),
    starts_at         TEXT    NOT NULL,
    ends_at           TEXT    NOT NULL,
    whole_days        INTEGER NOT NULL DEFAULT 1 CHECK (whole_days IN (0, 1)),
    reason            TEXT    NOT NULL DEFAULT '',
    operator          TEXT    NOT NULL,
    created_at        TEXT    NOT NULL,
    withdrawn_at      TEXT    NULL,
    withdrawn_by      TEXT    NULL,
    withdrawn_reason  TEXT    NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX idx_leave_records_person ON leave_records (person_id, starts_at);
CREATE INDEX idx_leave_records_time ON leave_records (starts_at);

CREATE TABLE leave_audit (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    leave_id     INTEGER NOT NULL REFERENCES leave_records (id) ON DELETE CASCADE,
    at           TEXT    NOT NULL,
    operator     TEXT    NOT NULL,
    action       TEXT    NOT NULL CHECK (action IN ('created', 'withdrawn')),
    detail       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX idx_leave_audit_leave ON leave_audit (leave_id);

-- a schedule applies from valid_from (a new primary key: the tables are rebuilt, their rows kept)
CREATE TABLE department_schedules_5 (
    department  TEXT    NOT NULL,
    valid_from  TEXT    NOT NULL DEFAULT '1000-01-01',
    shift_id    INTEGER NOT NULL REFERENCES shifts (id),
    work_days   TEXT    NOT NULL DEFAULT '1111100'
                CHECK (length(work_days) = 7 AND work_days NOT GLOB '*[^01]*'),
    PRIMARY KEY (department, valid_from)
);
INSERT INTO department_schedules_5 (department, shift_id, work_days)
    SELECT department, shift_id, work_days FROM department_schedules;
DROP TABLE department_schedules;
ALTER TABLE department_schedules_5 RENAME TO department_schedules;
CREATE INDEX idx_department_schedules_shift ON department_schedules (shift_id);

CREATE TABLE person_schedules_5 (
    person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    valid_from  TEXT    NOT NULL DEFAULT '1000-01-01',
    shift_id    INTEGER NULL REFERENCES shifts (id),
    work_days   TEXT    NOT NULL DEFAULT '1111100'
                CHECK (length(work_days) = 7 AND work_days NOT GLOB '*[^01]*'),
    PRIMARY KEY (person_id, valid_from)
);
INSERT INTO person_schedules_5 (person_id, shift_id, work_days)
    SELECT person_id, shift_id, work_days FROM person_schedules;
DROP TABLE person_schedules;
ALTER TABLE person_schedules_5 RENAME TO person_schedules;
CREATE INDEX idx_person_schedules_shift ON person_schedules (shift_id);

CREATE TABLE shift_versions (
    shift_id             INTEGER NOT NULL REFERENCES shifts (id) ON DELETE CASCADE,
    valid_from           TEXT    NOT NULL,
    start_minute         INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute           INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1439),
    late_grace_minutes   INTEGER NOT NULL DEFAULT 0 CHECK (late_grace_minutes >= 0),
    early_grace_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (early_grace_minutes >= 0),
    break_minutes        INTEGER NOT NULL DEFAULT 0 CHECK (break_minutes >= 0),
    PRIMARY KEY (shift_id, valid_from),
    CHECK (start_minute <> end_minute)
);
