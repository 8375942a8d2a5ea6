-- Face attendance schema, version 5, SQLite variant of sql/mysql/005_withdrawals_and_leave.sql (see there
-- for what each table is). Applied by backend/schema.py on top of version 4.

CREATE TABLE correction_withdrawals (
    attendance_id  INTEGER NOT NULL PRIMARY KEY REFERENCES attendance (id) ON DELETE CASCADE,
    withdrawn_at   TEXT    NOT NULL,
    operator       TEXT    NOT NULL,
    reason         TEXT    NOT NULL
);
