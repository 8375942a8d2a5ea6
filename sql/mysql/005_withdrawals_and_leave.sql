-- Face attendance schema, version 5: corrections that can be withdrawn.
-- Applied by backend/schema.py on top of version 4.
--
-- correction_withdrawals  a correction (attendance.method 'manual') withdrawn: when, by which operator and
--                      why. The correction's row stays as it was (the audit: who added it and why, then who
--                      withdrew it and why); from then on it no longer counts (reports, the daily summary,
--                      the cooldown rule). One withdrawal a correction (the key). Face check-ins are never
--                      withdrawn (backend/corrections.py refuses them).

CREATE TABLE correction_withdrawals (
    attendance_id  BIGINT UNSIGNED NOT NULL,
    withdrawn_at   DATETIME(3)   NOT NULL,                  -- desk local time
    operator       VARCHAR(128)  NOT NULL,
    reason         VARCHAR(255)  NOT NULL,
    PRIMARY KEY (attendance_id),
    CONSTRAINT fk_correction_withdrawals_attendance FOREIGN KEY (attendance_id) REFERENCES attendance (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
