"""Who the desk knows: person numbers -> names (for the boxes and warnings), and the faces of every
desk, followed from the database's face store into this desk's gallery cache.

All database work runs on the database thread (gui.backend_client); matching never waits for it.
"""
from __future__ import annotations

import logging

from PyQt5.QtCore import QObject, QTimer, pyqtSignal

log = logging.getLogger(__name__)

DIRECTORY_PAGE = 5000


class FaceDirectory(QObject):
    refreshed = pyqtSignal()                # names reloaded
    facesChanged = pyqtSignal(object)       # backend.face_sync.SyncReport with changes
    modelState = pyqtSignal(object, str)    # desk.models.ModelState, its message

    def __init__(self, client, face_sync, check_ins, model_dir: str, interval_s: float, parent=None):
        super().__init__(parent)
        self.client, self.face_sync, self.check_ins = client, face_sync, check_ins
        self.model_dir = model_dir
        self.names: dict[str, str] = {}          # person_number -> name
        self.model_state = None                  # desk.models.ModelState once known
        self._busy = False
        self._error = ""
        self.timer = QTimer(self, interval=max(200, int(1000 * interval_s)), timeout=self.sync)

    def start(self) -> None:
        self.sync()                              # first: the people and faces other desks enrolled
        self.check_model()
        self.refresh()
        self.timer.start()

    def name_of(self, person_number: str | None) -> str:
        return self.names.get(person_number, person_number or "")

    def refresh(self) -> None:
        """Reload person_number -> name; also primes the check-in cache for offline check-ins."""
        check_ins = self.check_ins

        def job(backend):
            people, offset = [], 0
            while True:
                page = backend.people.search("", limit=DIRECTORY_PAGE, offset=offset)
                people += page
                if len(page) < DIRECTORY_PAGE:
                    break
                offset += DIRECTORY_PAGE
            check_ins.prime_cache(people)           # runs here, on the database thread
            return people

        def done(people):
            self.names.clear()
            self.names.update((p.person_number, p.name) for p in people)   # shared with the enroll dialog
            self.refreshed.emit()
        self.client.call(job, done, lambda e: log.warning("cannot load the people list: %s", e))

    def sync(self) -> None:
        """Apply the face store's changes to the gallery (on the database thread)."""
        if self._busy:
            return
        self._busy = True
        face_sync = self.face_sync
        self.client.call(lambda backend: face_sync.poll(backend), self._synced, self._sync_failed)

    def _synced(self, report) -> None:
        self._busy = False
        self._error = ""
        if report.changed:
            log.info("faces from the database: %d updated, %d removed%s", len(report.updated),
                     len(report.removed), " (full reload)" if report.reloaded else "")
            self.refresh()
            self.facesChanged.emit(report)

    def _sync_failed(self, error) -> None:
        self._busy = False
        if str(error) != self._error:          # once per kind of failure, not every poll
            self._error = str(error)
            log.warning("cannot read face changes from the database: %s", error)

    def check_model(self) -> None:
        """How far the face store is embedded with this desk's model (a clear message if not all)."""
        face_sync, model_dir = self.face_sync, self.model_dir

        def job(backend):
            from desk.models import model_state

            return model_state(backend.faces.coverage(), face_sync.model)

        def done(state):
            self.model_state = state
            message = state.message(model_dir)
            if not state.complete:
                log.warning("%s", message)
            self.modelState.emit(state, message)
        self.client.call(job, done,
                         lambda e: log.warning("cannot read the face store's model state: %s", e))
