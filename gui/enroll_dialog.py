"""Enroll an unknown face: collect several good live samples, ask for the person's fields, save.

The dialog is fed the camera's recognition results (``add_result``), follows the
chosen face from frame to frame (box overlap), and keeps a sample when the face is
large and sharp enough and at least ``min_interval`` seconds after the previous one
(5 samples over ~2 s by default). It warns when the samples already match an
enrolled person or do not look like one person. Saving runs
``backend.people_service.enroll_person`` on the database thread: the person row, the
face crops and their embeddings are written in one transaction, then the desk's face
cache (``faces``, a backend.face_sync.FaceSync) follows.
"""
from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from datetime import datetime

import numpy as np
from PyQt5.QtCore import Qt, pyqtSignal
from PyQt5.QtGui import QPixmap
from PyQt5.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                             QLineEdit, QMessageBox, QProgressBar, QPushButton, QVBoxLayout)

from gui import photos
from gui.camera import to_qimage
from gui.people_fields import fill_gender_combo, gender_of

log = logging.getLogger(__name__)


@dataclasses.dataclass
class Sample:
    embedding: np.ndarray
    crop: np.ndarray          # BGR face crop with a margin (saved as an enrollment photo)
    person_id: str | None     # who the sample already matches, if anyone
    distance: float | None
    timestamp: float
    seq: int                  # frame number it came from
    box: tuple | None = None  # the face in the frame, its detector score and 5 landmarks
    score: float | None = None
    landmarks: np.ndarray | None = None


def iou(a, b) -> float:
    ax1, ay1, ax2, ay2 = a
    bx1, by1, bx2, by2 = b
    iw, ih = max(0.0, min(ax2, bx2) - max(ax1, bx1)), max(0.0, min(ay2, by2) - max(ay1, by1))
    inter = iw * ih
    union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
    return inter / union if union > 0 else 0.0


class EnrollDialog(QDialog):
    enrolled = pyqtSignal(object)        # backend Person
    samplesChanged = pyqtSignal(int)

    def __init__(self, client, faces, pictures_dir, names: dict, threshold: float,
                 initial_box=None, samples: int = 5, min_interval: float = 0.3,
                 min_face: int = 60, min_score: float = 0.9, desk: str = "", parent=None):
        super().__init__(parent)
        self.client = client
        self.faces = faces
        self.desk = desk
        self.pictures_dir = pictures_dir
        self.names = names                 # person_number -> name (for the "already enrolled" warning)
        self.threshold = threshold
        self.wanted = samples
        self.min_interval = min_interval
        self.min_face = min_face
        self.min_score = min_score
        self.samples: list[Sample] = []
        self._box = initial_box
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
        self.faceLabel.setText(self.tr("Look at the camera"))
        self.faceLabel.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, self.wanted)
        self.progress.setFormat(self.tr("%v of %m samples"))
        self.retakeButton = QPushButton(self.tr("Retake samples"))
        self.retakeButton.clicked.connect(self.retake)
        left = QVBoxLayout()
        left.addWidget(self.faceLabel)
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
        for edit, length in ((self.numberEdit, 64), (self.nameEdit, 128), (self.phoneEdit, 32),
                             (self.departmentEdit, 128)):
            edit.setMaxLength(length)             # the database's column sizes
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
        self.resize(560, 300)

    # -- samples -----------------------------------------------------------------------
    def _pick(self, faces):
        candidates = [f for f in faces if f.embedding is not None]
        if not candidates:
            return None
        if self._box is None:
            unknown = [f for f in candidates if f.person_id is None]
            return max(unknown or candidates, key=lambda f: (f.box[2] - f.box[0]) * (f.box[3] - f.box[1]))
        best = max(candidates, key=lambda f: iou(f.box, self._box))
        return best if iou(best.box, self._box) >= 0.2 else None

    def add_result(self, result) -> None:
        """A recognition result from the camera: maybe take a sample from it."""
        if self.complete() or self._saving:
            return
        face = self._pick(result.faces)
        if face is None:
            return
        self._box = face.box
        w, h = face.box[2] - face.box[0], face.box[3] - face.box[1]
        if min(w, h) < self.min_face or face.score < self.min_score:
            return
        if self.samples and result.timestamp - self.samples[-1].timestamp < self.min_interval:
            return
        try:
            crop = photos.face_crop(result.frame, face.box)
        except ValueError:
            return
        self.samples.append(Sample(np.asarray(face.embedding, np.float32), crop, face.person_id,
                                   face.distance, result.timestamp, result.seq, tuple(face.box),
                                   face.score, getattr(face, "landmarks", None)))
        self.faceLabel.setPixmap(QPixmap.fromImage(to_qimage(crop)).scaled(
            self.faceLabel.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))
        self.samplesChanged.emit(len(self.samples))
        self._update_state()

    def complete(self) -> bool:
        return len(self.samples) >= self.wanted

    def retake(self) -> None:
        self.samples.clear()
        self._box = None
        self.faceLabel.setPixmap(QPixmap())
        self.faceLabel.setText(self.tr("Look at the camera"))
        self.samplesChanged.emit(0)
        self._update_state()

    def existing_match(self):
        """(person_number, name) that most samples already match, or None."""
        matched = [s.person_id for s in self.samples if s.person_id]
        if not matched:
            return None
        number, _ = Counter(matched).most_common(1)[0]
        return number, self.names.get(number, number)

    def consistent(self) -> bool:
        """All samples within the match threshold of each other (one person, not a swap)."""
        if len(self.samples) < 2:
            return True
        e = np.stack([s.embedding for s in self.samples])
        d = np.sqrt(np.maximum(0.0, 2.0 - 2.0 * e @ e.T))
        return float(d.max()) <= self.threshold * 1.25

    def _update_state(self) -> None:
        self.progress.setValue(min(len(self.samples), self.wanted))
        warnings = []
        match = self.existing_match()
        if match:
            warnings.append(self.tr("This face already matches {name} ({number}).").format(
                name=match[1], number=match[0]))
        if self.complete() and not self.consistent():
            warnings.append(self.tr("The samples do not look like one person; retake them."))
        self.warningLabel.setText("\n".join(warnings))
        ok = (self.complete() and self.consistent() and bool(self.nameEdit.text().strip())
              and bool(self.numberEdit.text().strip()) and not self._saving)
        self.saveButton.setEnabled(ok)

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
        match = self.existing_match()
        if match and QMessageBox.question(
                self, self.tr("Already enrolled?"),
                self.tr("This face already matches {name} ({number}). Enroll it as a new person anyway?")
                .format(name=match[1], number=match[0])) != QMessageBox.Yes:
            return
        taken = list(self.samples)
        crops = [s.crop for s in taken]
        faces, pictures_dir, desk = self.faces, self.pictures_dir, self.desk

        def job(backend):
            from backend import people_service
            from backend.face_store import sample_from_crop

            samples = [sample_from_crop(s.crop, s.embedding, source="live", score=s.score, box=s.box,
                                        landmarks=s.landmarks) for s in taken]
            person = people_service.enroll_person(backend, faces, samples, desk=desk, **fields)
            try:
                photos.save_samples(pictures_dir, person.person_number, crops)
            except Exception:  # the photos are a convenience; the enrollment stands
                log.exception("could not save the enrollment photos of %s", person.person_number)
            return person

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
