-- Face attendance schema, version 6, SQLite variant of sql/mysql/006_liveness_and_rejected_attempts.sql (see
-- there for what each column is). Applied by backend/schema.py on top of version 5.

ALTER TABLE attendance ADD COLUMN liveness TEXT NULL CHECK (liveness IN ('passive', 'challenge', 'off'));

CREATE TABLE rejected_attempts (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id      TEXT    NOT NULL UNIQUE,
    attempted_at  TEXT    NOT NULL,                       -- desk local time
    desk          TEXT    NOT NULL DEFAULT '',
    person_id     INTEGER NULL REFERENCES people (id) ON DELETE CASCADE,
    method        TEXT    NOT NULL CHECK (method IN ('face', 'confirmed', 'number+face')),
    reason        TEXT    NOT NULL CHECK (length(reason) BETWEEN 1 AND 32),
    distance      REAL    NULL,
    thumbnail     BLOB    NULL CHECK (length(thumbnail) <= 65535),
    detail        TEXT    NULL,
    recorded_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime'))
);
CREATE INDEX idx_rejected_attempts_time ON rejected_attempts (attempted_at);
CREATE INDEX idx_rejected_attempts_person_time ON rejected_attempts (person_id, attempted_at);
