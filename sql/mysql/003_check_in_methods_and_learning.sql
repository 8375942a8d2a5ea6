-- Face attendance schema, version 3: how a check-in was made, and samples a desk learned.
-- Applied by backend/schema.py on top of version 2 (existing rows become face check-ins and
-- enrolled samples).
--
-- attendance.method    'face' (the stream recognized the visitor), 'confirmed' (the operator
--                      confirmed the desk's candidate for a missed visit), 'number+face' (the visitor
--                      typed their person number and the face was verified 1:1 against it), 'manual'
--                      (a check-in added by the operator, e.g. a missed punch; no face involved)
-- attendance.operator  who confirmed or added it (the desk's operator name from Settings)
-- attendance.reason    why (a manual check-in's reason)
-- face_samples.learned 1: a sample the desk added from a check-in of that person (capped per person,
--                      replaceable, "Forget learned samples" removes them); 0: enrolled by the operator
--
-- From this version on, the quality figures of new samples are the stream's quality gate's
-- (recognition.samples): face_size = the detected box's height, sharpness = Laplacian of Gaussian
-- over contrast on the aligned chip, yaw = nose offset from the face's midline over the eye distance.
-- Samples stored before keep theirs (the box's shorter side, variance of the crop's Laplacian, nose
-- offset from the eyes' midpoint); nothing decides on them.

ALTER TABLE attendance
    ADD COLUMN method   VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'face' AFTER distance,
    ADD COLUMN operator VARCHAR(128) NULL AFTER method,
    ADD COLUMN reason   VARCHAR(255) NULL AFTER operator,
    ADD CONSTRAINT ck_attendance_method CHECK (method IN ('face', 'confirmed', 'number+face', 'manual'));

ALTER TABLE face_samples
    ADD COLUMN learned  TINYINT(1) NOT NULL DEFAULT 0 AFTER source;
