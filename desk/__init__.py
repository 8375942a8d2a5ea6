"""The desk's use cases, shared by the screens (gui/) and the commands (main.py): settings and the data
folder, wiring (backend, recognizer, face cache and sync, camera source), check-ins, enrolment samples and
the face model's tools. No Qt here; it may use recognition/ and backend/."""
