-- Create the attendance database and a least-privilege application user (run once, as an admin).
--
-- The password is never stored in this file. From the repository root, as the admin:
--
--   mysql -u root -p
--   SET @app_password = 'a-long-random-password';
--   -- optional: SET @app_user = 'face_app', @app_host = '192.168.1.%', @app_db = 'face_attendance';
--   SOURCE sql/mysql/create_user.sql;
--
-- Then point the app at  mysql://face_app@<server>:3306/face_attendance  and give it the password
-- in the environment variable FACE_DB_PASSWORD (or the untracked data/config.toml).
--
-- The user gets data access plus the DDL the app needs to create/upgrade its own schema
-- (CREATE, ALTER, INDEX, REFERENCES) on this one database only: no DROP, no other databases,
-- no global privileges. Defaults: user 'face_app', host '%' (narrow it to the desks' subnet),
-- database 'face_attendance'. Running it again is harmless (IF NOT EXISTS; the password is reset).

SET @app_user = COALESCE(NULLIF(@app_user, ''), 'face_app');
SET @app_host = COALESCE(NULLIF(@app_host, ''), '%');
SET @app_db   = COALESCE(NULLIF(@app_db, ''), 'face_attendance');
SET @app_ok   = (@app_password IS NOT NULL AND @app_password <> '');
-- Without a password every statement below fails with this column name as its message.
SET @app_fail = 'SELECT `ERROR: run SET @app_password = ''...''; before SOURCE sql/mysql/create_user.sql`';
SET @app_account = CONCAT(QUOTE(@app_user), '@', QUOTE(@app_host));
SET @app_schema  = CONCAT('`', REPLACE(@app_db, '`', '``'), '`');

SET @stmt = IF(@app_ok, CONCAT('CREATE DATABASE IF NOT EXISTS ', @app_schema,
                               ' CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci'), @app_fail);
PREPARE app_stmt FROM @stmt;
EXECUTE app_stmt;
DEALLOCATE PREPARE app_stmt;

SET @stmt = IF(@app_ok, CONCAT('CREATE USER IF NOT EXISTS ', @app_account,
                               ' IDENTIFIED BY ', QUOTE(@app_password)), @app_fail);
PREPARE app_stmt FROM @stmt;
EXECUTE app_stmt;
DEALLOCATE PREPARE app_stmt;

SET @stmt = IF(@app_ok, CONCAT('ALTER USER ', @app_account, ' IDENTIFIED BY ', QUOTE(@app_password)),
               @app_fail);
PREPARE app_stmt FROM @stmt;
EXECUTE app_stmt;
DEALLOCATE PREPARE app_stmt;

SET @stmt = IF(@app_ok, CONCAT('GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, REFERENCES ON ',
                               @app_schema, '.* TO ', @app_account), @app_fail);
PREPARE app_stmt FROM @stmt;
EXECUTE app_stmt;
DEALLOCATE PREPARE app_stmt;

SET @app_password = NULL;
