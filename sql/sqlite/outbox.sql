-- Local outbox of a MySQL desk (data/outbox.db by default): check-ins made while the server was
-- unreachable, replayed in seq order when it returns. The event_id makes the replay idempotent.
-- target = "host:port/database" the events belong to, so a changed URL never replays them elsewhere.
-- An outbox of an older version gets the columns it lacks when it is opened (backend/outbox.py).

CREATE TABLE IF NOT EXISTS outbox (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    target         TEXT    NOT NULL,
    event_id       TEXT    NOT NULL UNIQUE,
    person_id      INTEGER NOT NULL,
    checked_in_at  TEXT    NOT NULL,
    desk           TEXT    NOT NULL,
    distance       REAL    NULL,
    method         TEXT    NOT NULL DEFAULT 'face',     -- as attendance.method (schema 3)
    operator       TEXT    NULL,
    reason_given   TEXT    NULL,
    liveness       TEXT    NULL,                        -- as attendance.liveness (schema 6)
    queued_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime'))
);
CREATE INDEX IF NOT EXISTS idx_outbox_target_person ON outbox (target, person_id, checked_in_at);

-- Events the server refused on replay (their person was deleted meanwhile): kept, not lost.
CREATE TABLE IF NOT EXISTS outbox_rejected (
    seq            INTEGER PRIMARY KEY,
    target         TEXT    NOT NULL,
    event_id       TEXT    NOT NULL,
    person_id      INTEGER NOT NULL,
    checked_in_at  TEXT    NOT NULL,
    desk           TEXT    NOT NULL,
    distance       REAL    NULL,
    method         TEXT    NOT NULL DEFAULT 'face',
    operator       TEXT    NULL,
    reason_given   TEXT    NULL,
    liveness       TEXT    NULL,
    reason         TEXT    NOT NULL,
    rejected_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime'))
);

-- Rejected attempts (schema 6's rejected_attempts) made while the server was unreachable: written to it, in
-- seq order, with the check-ins' replay; never check-ins. One whose person was deleted meanwhile is written
-- without the person.
CREATE TABLE IF NOT EXISTS outbox_attempts (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    target         TEXT    NOT NULL,
    event_id       TEXT    NOT NULL UNIQUE,
    attempted_at   TEXT    NOT NULL,
    desk           TEXT    NOT NULL,
    person_id      INTEGER NULL,
    method         TEXT    NOT NULL,
    reason         TEXT    NOT NULL,
    distance       REAL    NULL,
    thumbnail      BLOB    NULL,
    detail         TEXT    NULL,
    queued_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime'))
);
