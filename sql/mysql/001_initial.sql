-- Face attendance schema, version 1, for MySQL 5.7+/8.x and MariaDB 10.3+.
-- InnoDB, utf8mb4. Applied by backend/schema.py when the database has no schema_version table
-- (files NNN_*.sql in this folder are applied in order; the number is the schema version).
--
-- Times are the desk's LOCAL wall-clock time (naive, no time zone) with milliseconds.
-- Text columns use utf8mb4_unicode_520_ci (case-insensitive search; unlike utf8mb4_unicode_ci it
-- tells emoji apart); person_number is utf8mb4_bin: exact, like the gallery key it is.
-- Field lengths are also enforced by the application (backend/validation.py) so that MySQL and
-- SQLite reject the same input with the same clear error.

CREATE TABLE people (
    id             INT UNSIGNED  NOT NULL AUTO_INCREMENT,
    person_number  VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name           VARCHAR(128)  NOT NULL,
    gender         VARCHAR(16)   NULL,
    phone          VARCHAR(32)   NULL,
    department     VARCHAR(128)  NULL,
    note           TEXT          NULL,
    active         TINYINT(1)    NOT NULL DEFAULT 1,
    created_at     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    UNIQUE KEY uq_people_person_number (person_number),
    KEY idx_people_name (name),
    KEY idx_people_phone (phone),
    KEY idx_people_department (department)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE attendance (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    event_id       CHAR(36)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,  -- client-generated UUID
    person_id      INT UNSIGNED  NOT NULL,
    checked_in_at  DATETIME(3)   NOT NULL,                 -- desk local time
    desk           VARCHAR(128)  NOT NULL DEFAULT '',
    distance       DOUBLE        NULL,                     -- embedding distance of the match
    recorded_at    DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),  -- server time the row arrived
    PRIMARY KEY (id),
    UNIQUE KEY uq_attendance_event_id (event_id),
    KEY idx_attendance_time (checked_in_at),
    KEY idx_attendance_person_time (person_id, checked_in_at),
    CONSTRAINT fk_attendance_person FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE schema_version (
    version        INT           NOT NULL,
    description    VARCHAR(255)  NOT NULL,
    applied_at     DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
