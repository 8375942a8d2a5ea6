-- Face attendance schema, version 6: liveness (a photo or a phone never checks anyone in).
-- Applied by backend/schema.py on top of version 5 (existing check-ins keep liveness NULL: made before the
-- desk proved faces live).
--
-- attendance.liveness  how the desk proved the face live when it checked the person in: 'passive' (the
--                      planar test over the visit's frames), 'challenge' (the person turned their head as
--                      asked), 'off' (the desk's liveness setting was off: recorded explicitly, so an audit can
--                      tell a desk that did not check from a row made before it could); NULL: a check-in of
--                      before version 6, or one with no face (a manual correction)
-- rejected_attempts    a check-in the desk refused because the face was not shown live (a print, a phone, no
--                      turn or the wrong one, the person left mid-challenge): nothing was checked in; listed
--                      for the operator ("rejected attempts"). event_id: made by the desk, so an attempt queued
--                      in the outbox while the server was down is written once however often it is replayed.
--                      person_id: the person claimed (number + face) or the enrolled face nearest to it; NULL
--                      when there was none. Deleting a person deletes their attempts (as their check-ins and
--                      face samples: the thumbnail is most likely their face, shown by someone else).
--                      method: the check-in that was refused ('face', 'confirmed' or 'number+face', as
--                      attendance.method); reason: a short code the desk words ('flat', 'no_turn', 'wrong_turn',
--                      'left', ...); thumbnail: a small JPEG of the face (BLOB: at most 65,535 bytes, also
--                      checked by backend/rejected_attempts.py); detail: free text for the operator or engineer

ALTER TABLE attendance
    ADD COLUMN liveness VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER method,
    ADD CONSTRAINT ck_attendance_liveness CHECK (liveness IN ('passive', 'challenge', 'off'));

CREATE TABLE rejected_attempts (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    event_id      CHAR(36)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    attempted_at  DATETIME(3)   NOT NULL,                  -- desk local time
    desk          VARCHAR(128)  NOT NULL DEFAULT '',
    person_id     INT UNSIGNED  NULL,
    method        VARCHAR(16)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reason        VARCHAR(32)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    distance      DOUBLE        NULL,                      -- embedding distance to person_id, when known
    thumbnail     BLOB          NULL,
    detail        VARCHAR(512)  NULL,
    recorded_at   DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),  -- server time the row arrived
    PRIMARY KEY (id),
    UNIQUE KEY uq_rejected_attempts_event_id (event_id),
    KEY idx_rejected_attempts_time (attempted_at),
    KEY idx_rejected_attempts_person_time (person_id, attempted_at),
    CONSTRAINT fk_rejected_attempts_person FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE,
    CONSTRAINT ck_rejected_attempts_method CHECK (method IN ('face', 'confirmed', 'number+face'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;
