-- Face attendance schema, version 4: work rules (shifts, schedules, the holiday calendar) and the
-- periods a person was deactivated, for attendance reports (backend/reports.py).
-- Applied by backend/schema.py on top of version 3.
--
-- shifts               one working time: start and end in minutes after midnight (an end before the
--                      start ends the next day: a night shift; equal start and end is refused), grace
--                      minutes for late arrival and early departure, the unpaid break
-- department_schedules the shift and weekly pattern of work days of everyone whose people.department is
--                      exactly this text (utf8mb4_bin: the same exact match as on SQLite); work_days is
--                      seven '0'/'1' characters, Monday first
-- person_schedules     a person's own shift and pattern, instead of the department's; shift_id NULL:
--                      no schedule at all (never late or absent)
-- calendar_days        public holidays ('holiday': a day off whatever the pattern) and make-up work days
--                      ('workday', 调休: worked whatever the pattern)
-- person_inactive_periods  when a person was deactivated (inactive_until NULL: still inactive); written by
--                      backend/people.py whenever people.active changes. People inactive before this
--                      version get a period from their last change (updated_at), the best date there is.

CREATE TABLE shifts (
    id                   INT UNSIGNED NOT NULL AUTO_INCREMENT,
    name                 VARCHAR(64)  NOT NULL,
    start_minute         SMALLINT UNSIGNED NOT NULL,    -- minutes after midnight, 0..1439
    end_minute           SMALLINT UNSIGNED NOT NULL,    -- before start_minute: the shift ends the next day
    late_grace_minutes   SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    early_grace_minutes  SMALLINT UNSIGNED NOT NULL DEFAULT 0,
    break_minutes        SMALLINT UNSIGNED NOT NULL DEFAULT 0,   -- unpaid
    updated_at           DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uq_shifts_name (name),
    CONSTRAINT ck_shifts_times CHECK (start_minute < 1440 AND end_minute < 1440 AND start_minute <> end_minute)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE department_schedules (
    department  VARCHAR(128) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    shift_id    INT UNSIGNED NOT NULL,
    work_days   CHAR(7) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '1111100',
    PRIMARY KEY (department),
    KEY idx_department_schedules_shift (shift_id),
    CONSTRAINT fk_department_schedules_shift FOREIGN KEY (shift_id) REFERENCES shifts (id),
    CONSTRAINT ck_department_schedules_days CHECK (work_days REGEXP '^[01]{7}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE person_schedules (
    person_id   INT UNSIGNED NOT NULL,
    shift_id    INT UNSIGNED NULL,
    work_days   CHAR(7) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT '1111100',
    PRIMARY KEY (person_id),
    KEY idx_person_schedules_shift (shift_id),
    CONSTRAINT fk_person_schedules_person FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE,
    CONSTRAINT fk_person_schedules_shift FOREIGN KEY (shift_id) REFERENCES shifts (id),
    CONSTRAINT ck_person_schedules_days CHECK (work_days REGEXP '^[01]{7}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE calendar_days (
    day         DATE         NOT NULL,
    kind        VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name        VARCHAR(64)  NOT NULL DEFAULT '',
    PRIMARY KEY (day),
    CONSTRAINT ck_calendar_days_kind CHECK (kind IN ('holiday', 'workday'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE person_inactive_periods (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    person_id       INT UNSIGNED NOT NULL,
    inactive_from   DATETIME(3)  NOT NULL,              -- desk local time
    inactive_until  DATETIME(3)  NULL,                  -- NULL: still inactive
    PRIMARY KEY (id),
    KEY idx_person_inactive_periods_person (person_id, inactive_from),
    CONSTRAINT fk_person_inactive_periods_person FOREIGN KEY (person_id) REFERENCES people (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

INSERT INTO person_inactive_periods (person_id, inactive_from)
    SELECT id, updated_at FROM people WHERE active = 0;
