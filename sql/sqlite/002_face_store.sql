-- Face attendance schema, version 2, SQLite variant of sql/mysql/002_face_store.sql (see there for
-- what each table is). Applied by backend/schema.py; a version-1 database is upgraded in place.

CREATE TABLE face_samples (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    image           BLOB    NULL,                    -- JPEG; NULL: imported embedding without a photo
    image_sha256    TEXT    NULL,
    width           INTEGER NULL,
    height          INTEGER NULL,
    detector_score  REAL    NULL,
    face_size       REAL    NULL,
    sharpness       REAL    NULL,
    yaw             REAL    NULL,
    landmarks       BLOB    NULL,                    -- 5 points in the image, 10 x float32 LE
    source          TEXT    NOT NULL CHECK (source IN ('live', 'photo', 'import')),
    desk            TEXT    NOT NULL DEFAULT '',
    created_at      TEXT    NOT NULL                 -- desk local time
);
CREATE INDEX idx_face_samples_person_image ON face_samples (person_id, image_sha256);

CREATE TABLE face_embeddings (
    sample_id          INTEGER NOT NULL REFERENCES face_samples (id) ON DELETE CASCADE,
    model_fingerprint  TEXT    NOT NULL,
    dim                INTEGER NOT NULL,
    embedding          BLOB    NOT NULL,             -- dim x float32, little-endian
    PRIMARY KEY (sample_id, model_fingerprint)
) WITHOUT ROWID;
CREATE INDEX idx_face_embeddings_model ON face_embeddings (model_fingerprint, sample_id);

CREATE TABLE face_embed_failures (
    sample_id          INTEGER NOT NULL REFERENCES face_samples (id) ON DELETE CASCADE,
    model_fingerprint  TEXT    NOT NULL,
    reason             TEXT    NOT NULL,
    failed_at          TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime')),
    PRIMARY KEY (sample_id, model_fingerprint)
) WITHOUT ROWID;

CREATE TABLE face_models (
    fingerprint   TEXT    NOT NULL PRIMARY KEY,
    name          TEXT    NOT NULL DEFAULT '',
    dim           INTEGER NOT NULL,
    first_seen    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime'))
);

CREATE TABLE face_changes (
    change_id          INTEGER NOT NULL PRIMARY KEY,
    person_id          INTEGER NOT NULL,             -- no foreign key: outlives a deleted person
    model_fingerprint  TEXT    NULL,                 -- NULL: every model
    created_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now', 'localtime'))
);

CREATE TABLE face_change_counter (
    id              INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_change_id  INTEGER NOT NULL,
    store_id        TEXT    NOT NULL
);

INSERT INTO face_change_counter (id, last_change_id, store_id) VALUES (1, 0, lower(hex(randomblob(16))));
