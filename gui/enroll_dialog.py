"""Enroll a new person from the live camera: the stream collects the samples, the operator types
the person's fields, the backend stores both in one transaction.

The samples come from one tracked face (recognition.stream enrollment: good frames only, frontal
and slightly turned, at least a quarter second apart); this dialog shows the live picture with that
face marked (the dialog may cover the main window's video), how far the samples are, what to ask
of the person next in the operator's words (also "face lost" while the face is away: collecting
resumes when the same person is back), and warns when the face is too close to someone already
enrolled. Saving does not check the person in: enrolling at 14:00 is not arriving at 14:00. Saving
runs ``desk.enrolment.enroll`` on the database thread: the person row, the face
samples (crops with their embeddings) and the change other desks read are written together.
"""
from __future__ import annotations

import logging
from datetime import datetime

import cv2

from PyQt5.QtCore import Qt, pyqtSignal
from PyQt5.QtGui import QPixmap
from PyQt5.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                             QLineEdit, QMessageBox, QProgressBar, QPushButton, QVBoxLayout)

from backend.validation import MAX_LENGTH
from recognition.samples import crop_face
from recognition.stream import EnrollmentSession, enrollment, quality
from gui.camera import to_qimage
from gui.hints import hint_text
from gui.people_fields import fill_gender_combo, gender_of

log = logging.getLogger(__name__)

LIVE_WIDTH = 240              # px of the live picture in the dialog


class EnrollDialog(QDialog):
    enrolled = pyqtSignal(object)        # backend Person
    samplesChanged = pyqtSignal(int)
    retakeRequested = pyqtSignal()       # start collecting again (on the face to enroll now)

    def __init__(self, client, face_sync, desk: str, names: dict, parent=None):
        """``face_sync``: the desk's face store cache (backend.face_sync.FaceSync); ``names``: person
        number -> name, for the warning about a look-alike."""
        super().__init__(parent)
        self.client, self.face_sync, self.desk, self.names = client, face_sync, desk, names
        self.state = None                 # the last recognition.stream.EnrollmentState
        self._saving = False
        self.saved_person = None
        self._build()
        self._update_state()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("Enroll a new person"))
        self.setModal(False)
        self.faceLabel = QLabel()
        self.faceLabel.setFixedSize(160, 160)
        self.faceLabel.setAlignment(Qt.AlignCenter)
        self.faceLabel.setFrameShape(QLabel.StyledPanel)
        self.faceLabel.setWordWrap(True)
        self.hintLabel = QLabel()
        self.hintLabel.setWordWrap(True)
        self.hintLabel.setAlignment(Qt.AlignCenter)
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("%v of %m samples"))
        self.retakeButton = QPushButton(self.tr("Retake samples"))
        self.retakeButton.clicked.connect(self.retake)
        self.liveLabel = QLabel()             # the camera's picture, the face being enrolled marked
        self.liveLabel.setFixedSize(LIVE_WIDTH, LIVE_WIDTH * 3 // 4)
        self.liveLabel.setAlignment(Qt.AlignCenter)
        self.liveLabel.setFrameShape(QLabel.StyledPanel)
        self.liveLabel.setStyleSheet("background: black; color: white;")
        self.liveLabel.setWordWrap(True)
        faces = QHBoxLayout()
        faces.addWidget(self.liveLabel)
        faces.addWidget(self.faceLabel)
        left = QVBoxLayout()
        left.addLayout(faces)
        left.addWidget(self.hintLabel)
        left.addWidget(self.progress)
        left.addWidget(self.retakeButton)
        left.addStretch(1)

        self.numberEdit = QLineEdit(datetime.now().strftime("P%y%m%d%H%M%S"))
        self.numberEdit.setToolTip(self.tr("Unique person number (employee or student number)"))
        self.nameEdit = QLineEdit()
        self.nameEdit.setPlaceholderText(self.tr("Required"))
        self.genderCombo = QComboBox()
        fill_gender_combo(self.genderCombo)
        self.phoneEdit = QLineEdit()
        self.departmentEdit = QLineEdit()
        for edit, field in ((self.numberEdit, "person_number"), (self.nameEdit, "name"), (self.phoneEdit, "phone"),
                            (self.departmentEdit, "department")):
            edit.setMaxLength(MAX_LENGTH[field])  # the database's column sizes
        form = QFormLayout()
        form.addRow(self.tr("Number"), self.numberEdit)
        form.addRow(self.tr("Name"), self.nameEdit)
        form.addRow(self.tr("Gender"), self.genderCombo)
        form.addRow(self.tr("Phone"), self.phoneEdit)
        form.addRow(self.tr("Department"), self.departmentEdit)
        self.warningLabel = QLabel()
        self.warningLabel.setWordWrap(True)
        self.warningLabel.setStyleSheet("color: #b35c00;")
        self.errorLabel = QLabel()
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet("color: #c0392b;")
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.warningLabel)
        right.addWidget(self.errorLabel)
        right.addStretch(1)

        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.saveButton = self.buttons.button(QDialogButtonBox.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        for edit in (self.numberEdit, self.nameEdit):
            edit.textChanged.connect(self._update_state)
        self.resize(760, 360)

    # -- samples, from the stream -------------------------------------------------------------
    @property
    def samples(self) -> tuple:
        return self.state.samples if self.state is not None else ()

    def complete(self) -> bool:
        return self.state is not None and self.state.complete

    def look_alike(self) -> tuple[str, str] | None:
        """(person number, name) of an enrolled person these samples could be taken for, or None."""
        if self.state is None or not self.state.too_close or self.state.nearest_key is None:
            return None
        return self.state.nearest_key, self.names.get(self.state.nearest_key, self.state.nearest_key)

    def show_enrollment(self, state, frame=None, box=None) -> None:
        """The stream's enrollment state at the latest frame (None: no face taken yet), that frame
        and the box of the face being enrolled in it (None: not in this frame)."""
        if frame is not None:
            self._show_live(frame, box)
        if self._saving or (self.complete() and state is None):
            return
        grew = state is not None and len(state.samples) != len(self.samples)
        self.state = state
        if grew and state.samples:
            last = state.samples[-1]
            crop = crop_face(last.frame, last.box)
            self.faceLabel.setPixmap(QPixmap.fromImage(to_qimage(crop)).scaled(
                self.faceLabel.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))
            self.samplesChanged.emit(len(state.samples))
        self._update_state()

    def _show_live(self, frame, box) -> None:
        """The camera's picture, small, with the face being enrolled boxed (blue as on the video)."""
        scale = LIVE_WIDTH / frame.shape[1]
        small = cv2.resize(frame, (LIVE_WIDTH, max(1, round(frame.shape[0] * scale))), interpolation=cv2.INTER_AREA)
        if box is not None:
            x1, y1, x2, y2 = (int(round(v * scale)) for v in box)
            cv2.rectangle(small, (x1, y1), (x2, y2), (235, 120, 40), 2)
        self.liveLabel.setPixmap(QPixmap.fromImage(to_qimage(small)))

    def retake(self) -> None:
        self.state = None
        self.faceLabel.setPixmap(QPixmap())
        self.samplesChanged.emit(0)
        self.retakeRequested.emit()
        self._update_state()

    def _update_state(self) -> None:
        state = self.state
        wanted = state.wanted if state is not None else EnrollmentSession.wanted_samples()
        self.progress.setRange(0, wanted)
        self.progress.setValue(min(len(self.samples), wanted))
        if state is None and (self.faceLabel.pixmap() is None or self.faceLabel.pixmap().isNull()):
            self.faceLabel.setText(self.tr("Look at the camera"))
        self.hintLabel.setText(self.guidance())
        warnings = []
        alike = self.look_alike()
        if alike:
            warnings.append(self.tr("This face looks like {name} ({number}): the two could be taken for "
                                    "each other.").format(name=alike[1], number=alike[0]))
        if state is not None and not state.consistent:
            warnings.append(self.tr("The samples do not look like one person; retake them."))
        self.warningLabel.setText("\n".join(warnings))
        ok = (self.complete() and state.consistent and bool(self.nameEdit.text().strip())
              and bool(self.numberEdit.text().strip()) and not self._saving)
        self.saveButton.setEnabled(ok)

    def guidance(self) -> str:
        """What the operator should do now, in their words (the hints of recognition.stream speak
        to the person in front; here the operator reads them)."""
        state = self.state
        if state is None:
            return self.tr("Looking for a face… ask the person to look at the camera.")
        if state.complete:
            return self.tr("All {n} samples taken. Type the name, then press Save.").format(n=state.wanted)
        if not state.present or state.hint == enrollment.FACE_LOST:
            return self.tr("Face lost: ask the person to step back in front of the camera. "
                           "Taking samples goes on when they are back.")
        texts = {
            enrollment.LOOK_STRAIGHT: self.tr("Ask the person to look straight at the camera."),
            enrollment.TURN_LEFT: self.tr("Ask the person to turn their head a little to the left."),
            enrollment.TURN_RIGHT: self.tr("Ask the person to turn their head a little to the right."),
            quality.TOO_SMALL: self.tr("Ask the person to come closer to the camera."),
            quality.TURNED: self.tr("Ask the person to face the camera."),
            quality.TILTED: self.tr("Ask the person to hold their head straight."),
            quality.BLURRED: self.tr("Ask the person to hold still."),
            quality.TOO_DARK: self.tr("The face is too dark: turn on more light."),
            quality.TOO_BRIGHT: self.tr("The face is too bright: avoid a lamp or window behind the camera."),
            quality.UNSURE: self.tr("The face is not clear: ask the person to look at the camera."),
        }
        return texts.get(state.hint) or hint_text(state.hint)

    # -- saving ------------------------------------------------------------------------
    def fields(self) -> dict:
        return {
            "person_number": self.numberEdit.text().strip(),
            "name": self.nameEdit.text().strip(),
            "gender": gender_of(self.genderCombo),
            "phone": self.phoneEdit.text().strip() or None,
            "department": self.departmentEdit.text().strip() or None,
        }

    def save(self) -> None:
        fields = self.fields()
        if not fields["name"]:
            self.errorLabel.setText(self.tr("The name is required."))
            return
        if not fields["person_number"]:
            self.errorLabel.setText(self.tr("The person number is required."))
            return
        if not self.complete():
            self.errorLabel.setText(self.tr("Still collecting face samples."))
            return
        alike = self.look_alike()
        if alike and QMessageBox.question(
                self, self.tr("Already enrolled?"),
                self.tr("This face looks like {name} ({number}). Enroll it as a new person anyway?")
                .format(name=alike[1], number=alike[0])) != QMessageBox.Yes:
            return
        taken, face_sync, desk = list(self.samples), self.face_sync, self.desk

        def job(backend):
            from desk.enrolment import enroll

            return enroll(backend, face_sync, taken, desk=desk, **fields)

        self._saving = True
        self.errorLabel.setText(self.tr("Saving…"))
        self._update_state()
        self.client.call(job, self._saved, self._save_failed)

    def _saved(self, person) -> None:
        self._saving = False
        self.saved_person = person
        log.info("enrolled %s (%s) with %d samples", person.name, person.person_number, len(self.samples))
        self.enrolled.emit(person)
        self.accept()

    def _save_failed(self, error) -> None:
        self._saving = False
        from backend import DuplicatePersonNumber

        if isinstance(error, DuplicatePersonNumber):
            self.errorLabel.setText(self.tr("The person number {number} is already used.").format(
                number=self.numberEdit.text().strip()))
            self.numberEdit.setFocus()
        else:
            self.errorLabel.setText(self.tr("Could not save: {error}").format(error=error))
        self._update_state()
