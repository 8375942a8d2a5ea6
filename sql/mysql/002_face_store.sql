-- Face attendance schema, version 2: the face store shared by every desk.
-- Applied by backend/schema.py on top of 001_initial.sql (a version-1 database is upgraded in place;
-- its people keep their rows and simply have no face samples yet).
--
-- face_samples     one face of a person: the crop it came from (JPEG with a margin, so that any
--                  model can re-detect and re-align it), the 5 landmarks found in it (re-alignment
--                  without detecting again) and its quality figures;
-- face_embeddings  the embedding of a sample for one model (model_fingerprint = sha256 of the
--                  model's weights), float32 little-endian;
-- face_changes     the change feed desks follow: "person P changed" (a person-level change re-read
--                  by every desk) or "person P got embeddings for model F" (re-read by desks on F).
--                  No foreign key: the change of a deletion outlives the person.
-- face_change_counter  one row; every transaction that writes changes increments it while holding
--                  its row lock until commit, so change ids become visible in commit order (a desk
--                  reading "change_id > last" cannot skip a change that commits late).

CREATE TABLE face_samples (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    person_id       INT UNSIGNED  NOT NULL,
    image           MEDIUMBLOB    NULL,                 -- JPEG; NULL: imported embedding without a photo
    image_sha256    CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NULL,
    width           SMALLINT UNSIGNED NULL,             -- of the image
    height          SMALLINT UNSIGNED NULL,
    detector_score  FLOAT         NULL,                 -- MTCNN confidence of the face
    face_size       FLOAT         NULL,                 -- shorter side of the detected box, px
    sharpness       FLOAT         NULL,                 -- variance of the Laplacian of the grey crop
    yaw             FLOAT         NULL,                 -- nose offset from the eyes' midpoint / eye distance
    landmarks       VARBINARY(40) NULL,                 -- MTCNN's 5 points in the image, 10 x float32 LE
    source          VARCHAR(8)    CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    desk            VARCHAR(128)  NOT NULL DEFAULT '',
    created_at      DATETIME(3)   NOT NULL,             -- desk local time
    PRIMARY KEY (id),
    KEY idx_face_samples_person_image (person_id, image_sha256),
    CONSTRAINT fk_face_samples_person FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE CASCADE,
    CONSTRAINT ck_face_samples_source CHECK (source IN ('live', 'photo', 'import'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE face_embeddings (
    sample_id          BIGINT UNSIGNED NOT NULL,
    model_fingerprint  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    dim                SMALLINT UNSIGNED NOT NULL,
    embedding          VARBINARY(8192) NOT NULL,        -- dim x float32, little-endian
    PRIMARY KEY (sample_id, model_fingerprint),
    KEY idx_face_embeddings_model (model_fingerprint, sample_id),
    CONSTRAINT fk_face_embeddings_sample FOREIGN KEY (sample_id) REFERENCES face_samples (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

-- samples a model could not embed (unreadable image, no face found): reported, not retried
CREATE TABLE face_embed_failures (
    sample_id          BIGINT UNSIGNED NOT NULL,
    model_fingerprint  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    reason             VARCHAR(255) NOT NULL,
    failed_at          DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (sample_id, model_fingerprint),
    CONSTRAINT fk_face_embed_failures_sample FOREIGN KEY (sample_id) REFERENCES face_samples (id)
        ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE face_models (
    fingerprint   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    name          VARCHAR(128) NOT NULL DEFAULT '',
    dim           SMALLINT UNSIGNED NOT NULL,
    first_seen    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (fingerprint)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE face_changes (
    change_id          BIGINT UNSIGNED NOT NULL,
    person_id          INT UNSIGNED NOT NULL,
    model_fingerprint  VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NULL,  -- NULL: every model
    created_at         DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (change_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

CREATE TABLE face_change_counter (
    id              TINYINT UNSIGNED NOT NULL,
    last_change_id  BIGINT UNSIGNED  NOT NULL,
    store_id        CHAR(32)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,  -- tells databases apart
    PRIMARY KEY (id),
    CONSTRAINT ck_face_change_counter_one_row CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

INSERT INTO face_change_counter (id, last_change_id, store_id) VALUES (1, 0, REPLACE(UUID(), '-', ''));
