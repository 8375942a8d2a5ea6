-- Face attendance schema, version 5: corrections that can be withdrawn; leave and business trips;
-- schedules that apply from a date.
-- Applied by backend/schema.py on top of version 4.
--
-- correction_withdrawals  a correction (attendance.method 'manual') withdrawn: when, by which operator and
--                      why. The correction's row stays as it was (the audit: who added it and why, then who
--                      withdrew it and why); from then on it no longer counts (reports, the daily summary,
--                      the cooldown rule). One withdrawal a correction (the key). Face check-ins are never
--                      withdrawn (backend/corrections.py refuses them).
-- leave_types          a kind of leave or trip: a code (what a CSV file may name), its Chinese and English
--                      name, paid or not, counted in days or hours; seeded with 年假, 病假, 事假, 调休, 出差, 外出
-- leave_records        a person's leave: [starts_at, ends_at) in desk local time; whole_days 1: the days
--                      starts_at.date() to the day before ends_at, each covered whatever its shift; 0: the
--                      hours between (a half day, an errand). Reason and operator; withdrawn (never deleted):
--                      when, by whom, why (backend/leave.py)
-- leave_audit          every change of a leave record: what (created / withdrawn), when, by whom, the details
-- department_schedules, person_schedules: valid_from, the first day a version applies (until the next
--                      version's); '1000-01-01': from the beginning (every schedule of version 4)
-- shift_versions       a shift's times and graces from valid_from on (a shift changed without rewriting the
--                      days before: those keep the shifts row's values, or the version in force then)

CREATE TABLE correction_withdrawals (
    attendance_id  BIGINT UNSIGNED NOT NULL,
    withdrawn_at   DATETIME(3)   NOT NULL,                  -- desk local time
    operator       VARCHAR(128)  NOT NULL,
    reason         VARCHAR(255)  NOT NULL,
    PRIMARY KEY (attendance_id),
    CONSTRAINT fk_correction_withdrawals_attendance FOREIGN KEY (attendance_id) REFERENCES attendance (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE leave_types (
    id           INT UNSIGNED NOT NULL AUTO_INCREMENT,
    code         VARCHAR(32)  CHARACTER SET ascii COLLATE ascii_general_ci NOT NULL,
    name_zh      VARCHAR(64)  NOT NULL,
    name_en      VARCHAR(64)  NOT NULL,
    paid         TINYINT(1)   NOT NULL DEFAULT 1,
    unit         VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'day',
    sort_order   SMALLINT     NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_leave_types_code (code),
    CONSTRAINT ck_leave_types_unit CHECK (unit IN ('day', 'hour'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

INSERT INTO leave_types (code, name_zh, name_en, paid, unit, sort_order) VALUES
    ('annual', '年假', 'Annual leave', 1, 'day', 1),
    ('sick', '病假', 'Sick leave', 1, 'day', 2),
    ('personal', '事假', 'Personal leave', 0, 'day', 3),
    ('comp', '调休', 'Time off in lieu', 1, 'day', 4),
    ('trip', '出差', 'Business trip', 1, 'day', 5),
    ('out', '外出', 'Out on business', 1, 'hour', 6);

CREATE TABLE leave_records (
    id                BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    person_id         INT UNSIGNED NOT NULL,
    type_id           INT UNSIGNED NOT NULL,
    starts_at         DATETIME(3)  NOT NULL,
    ends_at           DATETIME(3)  NOT NULL,
    whole_days        TINYINT(1)   NOT NULL DEFAULT 1,
    reason            VARCHAR(255) NOT NULL DEFAULT '',
    operator          VARCHAR(128) NOT NULL,
    created_at        DATETIME(3)  NOT NULL,
    withdrawn_at      DATETIME(3)  NULL,
    withdrawn_by      VARCHAR(128) NULL,
    withdrawn_reason  VARCHAR(255) NULL,
    PRIMARY KEY (id),
    KEY idx_leave_records_person (person_id, starts_at),
    KEY idx_leave_records_time (starts_at),
    CONSTRAINT fk_leave_records_person FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE,
    CONSTRAINT fk_leave_records_type FOREIGN KEY (type_id) REFERENCES leave_types (id),
    CONSTRAINT ck_leave_records_span CHECK (ends_at > starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE leave_audit (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    leave_id     BIGINT UNSIGNED NOT NULL,
    at           DATETIME(3)  NOT NULL,
    operator     VARCHAR(128) NOT NULL,
    action       VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    detail       VARCHAR(512) NOT NULL DEFAULT '',
    PRIMARY KEY (id),
    KEY idx_leave_audit_leave (leave_id),
    CONSTRAINT fk_leave_audit_leave FOREIGN KEY (leave_id) REFERENCES leave_records (id) ON DELETE CASCADE,
    CONSTRAINT ck_leave_audit_action CHECK (action IN ('created', 'withdrawn'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

ALTER TABLE department_schedules
    ADD COLUMN valid_from DATE NOT NULL DEFAULT '1000-01-01' AFTER department,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (department, valid_from);

ALTER TABLE person_schedules
    ADD COLUMN valid_from DATE NOT NULL DEFAULT '1000-01-01' AFTER person_id,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (person_id, valid_from);

CREATE TABLE shift_versions (
    shift_id             INT UNSIGNED NOT NULL,
    valid_from           DATE         NOT NULL,
    start_minute         SMALLINT UNSIGNED NOT NULL,
    end_minute           SMALLINT UNSIGNED NOT NULL,
    late_grace_minutes   SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    early_grace_minutes  SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    break_minutes        SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    PRIMARY KEY (shift_id, valid_from),
    CONSTRAINT fk_shift_versions_shift FOREIGN KEY (shift_id) REFERENCES shifts (id) ON DELETE CASCADE,
    CONSTRAINT ck_shift_versions_times CHECK (start_minute < 1440 AND end_minute < 1440 AND start_minute <> end_minute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
