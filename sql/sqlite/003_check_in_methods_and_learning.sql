-- Face attendance schema, version 3, SQLite variant of sql/mysql/003_check_in_methods_and_learning.sql
-- (see there for what each column is). Applied by backend/schema.py on top of version 2.

ALTER TABLE attendance ADD COLUMN method TEXT NOT NULL DEFAULT 'face'
    CHECK (method IN ('face', 'confirmed', 'number+face', 'manual'));
ALTER TABLE attendance ADD COLUMN operator TEXT NULL;
ALTER TABLE attendance ADD COLUMN reason TEXT NULL;

ALTER TABLE face_samples ADD COLUMN learned INTEGER NOT NULL DEFAULT 0;
