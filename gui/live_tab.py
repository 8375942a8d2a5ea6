"""The live tab around the video: face boxes and their states, the card of the person just checked
in, a missed visit's candidate to confirm ("Zhang San? Confirm / Not them", Enter / Esc), the person
number field (number + face), today's check-ins, and the enroll dialog fed from the stream.

Nothing here decides who anybody is: the faces, their states, candidates and claim verdicts come
from recognition.stream (through gui.camera_panel), the check-ins from the backend.

Every prompt belongs to a face (a track of the stream): the candidate is shown on that face's box
and in the panel only while that face is in front, a claim's messages only while the face it was
made for is there. The moment the face leaves, or another face takes its place (a new track), the
prompt goes; a confirmation is checked once more on the recognition thread, so Enter pressed just
after a swap records nobody.
"""
from __future__ import annotations

import logging
import time

from PyQt5.QtCore import QObject, Qt, QTimer, pyqtSignal
from PyQt5.QtGui import QImage, QPixmap
from PyQt5.QtWidgets import QHeaderView, QPushButton, QTableWidgetItem

from gui.camera import to_qimage
from gui.enroll_dialog import EnrollDialog
from gui.hints import challenge_text, hint_text, refusal_text
from gui.rejected_attempts import RejectedAttemptsDialog
from gui.video_widget import Overlay
from recognition.stream import TrackState

log = logging.getLogger(__name__)


def liveness_figures(evidence) -> str:
    """A check-in's liveness evidence in the engineer's figures (eye distances), e.g. "passive p0.14 n0.12"."""
    text = f"{evidence.kind} p{evidence.parallax:.2f} n{evidence.landmark:.2f}"
    return text + (f" turn{evidence.turn:+.2f}" if evidence.kind == "challenge" else "")

RESULT_TTL = 1.0        # seconds the boxes stay without a newer recognition result
TODAY_LIMIT = 500
CANDIDATE_TTL_MS = 30_000   # a candidate not answered by then has left the desk: the question goes


class LiveTab(QObject):
    resultReceived = pyqtSignal(object)      # every RecognitionResult shown
    enrollDialogOpened = pyqtSignal(object)
    enrolled = pyqtSignal(object)            # backend Person
    # the operator confirmed a candidate: StreamRecognizer.confirm's check-in (or refusal) Decision; a face
    # asked to turn first gives its outcome out of process() like any decision
    candidateConfirmed = pyqtSignal(object)
    _claimReply = pyqtSignal(str, str, object)   # from the recognition thread: outcome kind, number, track id / Decision
    _confirmReply = pyqtSignal(object, bool, object)   # from the recognition thread: the Decision asked about,
    #                                                    its face still in front, StreamRecognizer.confirm's outcome

    def __init__(self, ui, camera, client, directory, desk, parent=None):
        """``desk``: the desk's context (desk.wiring.Desk): an enrollment is saved through its face sync,
        with its desk name."""
        super().__init__(parent)
        self.ui, self.camera, self.client, self.directory = ui, camera, client, directory
        self.desk = desk
        self.last_result = None
        self._last_result_at = 0.0
        self.today_rows: list = []
        self.enroll_dialog: EnrollDialog | None = None
        self._card = None                    # the CheckInEvent on the card
        self.candidate = None                # the Decision whose candidate is asked about
        self._number_note = None             # (kind, number, seconds, track id or None): the number field's message
        self._liveness: dict = {}            # track id -> its check-in's LivenessEvidence (diagnostics' figures)
        self._candidate_timer = QTimer(self, singleShot=True, interval=CANDIDATE_TTL_MS,
                                       timeout=self.clear_candidate)
        header = ui.todayTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        ui.enrollButton.clicked.connect(lambda: self.open_enroll_dialog())
        # the check-ins refused for liveness (a photo, a phone...), for the operator to look at
        self.rejectedButton = QPushButton(ui.enrollButton.parentWidget())
        self.rejectedButton.setObjectName("rejectedButton")
        ui.liveControls.insertWidget(ui.liveControls.indexOf(ui.enrollButton) + 1, self.rejectedButton)
        self.rejectedButton.clicked.connect(lambda: self.open_rejected_attempts())
        self.rejected_dialog: RejectedAttemptsDialog | None = None
        self._name_rejected_button()
        ui.videoView.faceClicked.connect(self._face_clicked)
        ui.recognitionCheck.toggled.connect(lambda on: None if on else self.clear_faces())
        ui.candidateConfirm.clicked.connect(self.confirm_candidate)
        ui.candidateReject.clicked.connect(self.clear_candidate)
        ui.numberEdit.returnPressed.connect(self.submit_number)
        ui.numberButton.clicked.connect(self.submit_number)
        self._claimReply.connect(self._claim_replied)
        self._confirmReply.connect(self._confirm_replied)
        camera.resultReady.connect(self.show_result)
        # a new session (or the camera lost) starts its track ids afresh: no prompt of the last one may stay
        camera.stateChanged.connect(lambda state, _d: self.clear_faces()
                                    if state in ("ended", "failed", "opening", "retrying") else None)

    # -- the video's faces ----------------------------------------------------------------------
    def show_result(self, result) -> None:
        self.last_result = result
        self._last_result_at = time.monotonic()
        enrolling = result.enrollment.track_id if result.enrollment is not None else None
        self._forget_prompts_of_gone_faces(result.visits | {face.track_id for face in result.faces})
        asked = self.candidate.track_id if self.candidate is not None else None
        overlays = []
        for face in result.faces:
            if face.track_id == enrolling:
                label, state = self.tr("Enrolling"), "enrolling"
            elif face.track_id == asked:
                label, state = self._candidate_label(self.candidate.candidate_key), "candidate"
            elif getattr(face, "challenge", None) is not None:      # asked to turn: the check-in waits
                label, state = challenge_text(face.challenge), "challenge"
            elif getattr(face, "refused", None):                    # not shown live: nobody checked in
                label, state = refusal_text(face.refused), "refused"
            elif face.state == TrackState.KNOWN:
                label, state = self.directory.name_of(face.key), "known"
            elif face.state == TrackState.UNKNOWN:
                label, state = self.tr("Unknown"), "unknown"
            else:
                label, state = hint_text(face.hint) or "…", "deciding"
            detail = "" if face.distance is None or face.distance == float("inf") else f"{face.distance:.2f}"
            evidence = self._liveness.get(face.track_id)
            if evidence is not None:        # the engineer's figures (painted with diagnostics on only)
                detail = f"{detail} {liveness_figures(evidence)}".strip()
            overlays.append(Overlay(tuple(face.box), label, detail, state))
        self.ui.videoView.set_overlays(overlays)
        self.ui.enrollButton.setEnabled(any(f.state != TrackState.KNOWN for f in result.faces))
        if self.enroll_dialog is not None:
            box = next((tuple(f.box) for f in result.faces if f.track_id == enrolling), None)
            self.enroll_dialog.show_enrollment(result.enrollment, result.frame, box)
        self.resultReceived.emit(result)
        self.show_decisions(result.decisions)      # the prompts ask from the next frame's drawing on

    def clear_faces(self) -> None:
        self.last_result = None
        self.ui.videoView.set_overlays([])
        self.ui.enrollButton.setEnabled(False)
        self._forget_prompts_of_gone_faces(set())        # no video, nobody in front

    def in_front(self, track_id) -> bool:
        """Whether the face of ``track_id`` is in the newest result shown."""
        result = self.last_result
        return result is not None and any(face.track_id == track_id for face in result.faces)

    def visiting(self, track_id) -> bool:
        """Whether the visit of ``track_id`` goes on (its face in front, perhaps missed in a frame or two)."""
        result = self.last_result
        return result is not None and (track_id in result.visits or self.in_front(track_id))

    def _forget_prompts_of_gone_faces(self, front: set) -> None:
        """A candidate or a claim's message whose face is no longer in front goes with it."""
        self._liveness = {k: v for k, v in self._liveness.items() if k in front}
        if self.candidate is not None and self.candidate.track_id not in front:
            self.clear_candidate()
        note = self._number_note
        if note is not None and note[3] is not None and note[3] not in front:
            self._set_number_note(None)

    def expire(self) -> None:
        """Called every second: boxes of a recognition that stopped answering go away."""
        if self.last_result is not None and time.monotonic() - self._last_result_at > RESULT_TTL:
            self.clear_faces()

    def recognition_fps(self) -> float:
        recent = self.last_result is not None and time.monotonic() - self._last_result_at < 2.0
        return self.last_result.fps if recent else 0.0

    def _face_clicked(self, index: int) -> None:
        result = self.last_result
        if result is not None and index < len(result.faces) and result.faces[index].state != TrackState.KNOWN:
            self.open_enroll_dialog(result.faces[index].track_id)

    # -- enrollment -------------------------------------------------------------------------------
    def open_enroll_dialog(self, track_id: int | None = None) -> EnrollDialog:
        """Enroll a face of the video: ``track_id``, or the one the stream picks (complete, central)."""
        if self.enroll_dialog is not None:
            self.enroll_dialog.raise_()
            return self.enroll_dialog
        dialog = EnrollDialog(self.client, self.desk.face_sync, self.desk.settings.desk, self.directory.names,
                              parent=self.ui)
        self.enroll_dialog = dialog
        dialog.retakeRequested.connect(lambda: self.camera.request(lambda s: s.start_enrollment(None)))
        dialog.enrolled.connect(self.enrolled)
        dialog.finished.connect(lambda _code, d=dialog: self._enroll_closed(d))
        self.camera.request(lambda stream: stream.start_enrollment(track_id))
        dialog.show()
        self.enrollDialogOpened.emit(dialog)
        return dialog

    def _enroll_closed(self, dialog) -> None:
        self.camera.request(lambda stream: stream.stop_enrollment())
        if self.enroll_dialog is dialog:
            self.enroll_dialog = None
        dialog.deleteLater()

    # -- decisions that need the desk: candidates and number + face ----------------------------------
    def show_decisions(self, decisions) -> None:
        """Claim verdicts and candidates of this result, for faces still in front (a visit that ended
        because its face left asks nothing: nobody is there to confirm)."""
        for decision in decisions:
            if getattr(decision, "liveness", None) is not None and decision.key is not None:
                self._liveness[decision.track_id] = decision.liveness
            if not self.visiting(decision.track_id):
                continue
            if decision.method == "number+face" and getattr(decision, "refused", None):
                self._set_number_note("not_live", decision.claimed_key, track_id=decision.track_id)
            elif decision.method == "number+face" and decision.key is None:
                self._set_number_note("refused", decision.claimed_key, track_id=decision.track_id)
            elif decision.key is None and decision.candidate_key is not None:
                self.show_candidate(decision)

    def _candidate_label(self, number: str) -> str:
        return self.tr("{name} ({number})?").format(name=self.directory.name_of(number), number=number)

    def show_candidate(self, decision) -> None:
        """Ask the operator whether a missed visit was ``decision.candidate_key`` (with their photo)."""
        self.candidate = decision
        number = decision.candidate_key
        ui = self.ui
        ui.candidateName.setText(self._candidate_label(number))
        ui.candidatePhoto.setPixmap(QPixmap())
        ui.candidateGroup.setVisible(True)
        self._candidate_timer.start()

        def job(backend):
            person = backend.people.get_by_number(number)
            return None if person is None else (person.name, backend.faces.first_image(person.id))

        def done(found):
            if self.candidate is not decision or found is None:
                return
            name, jpeg = found
            ui.candidateName.setText(self.tr("{name} ({number})?").format(name=name, number=number))
            image = QImage.fromData(jpeg) if jpeg else QImage()
            if not image.isNull():
                ui.candidatePhoto.setPixmap(QPixmap.fromImage(image).scaled(
                    ui.candidatePhoto.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))
        self.client.call(job, done, lambda e: log.warning("cannot load the photo of %s: %s", number, e))

    def confirm_candidate(self) -> None:
        """Confirm (Enter): the candidate is checked in if their face is still the one in front; the
        recognition thread checks that once more (its newest frame may be newer than the last shown)."""
        decision = self.candidate
        if decision is None or not self.in_front(decision.track_id):
            return                   # (a face missed in a frame: the question stays, Enter again)
        reply = self._confirmReply

        def job(stream):
            from recognition.stream import NobodyInFront

            if not stream.in_front(decision.track_id):
                reply.emit(decision, False, None)
                return
            try:         # a check-in now (the face shown live), a refusal, or None: the face is asked to turn
                reply.emit(decision, True, stream.confirm(decision.candidate_key, decision.track_id))
            except NobodyInFront:
                reply.emit(decision, False, None)
        if not self.camera.request(job):
            self.clear_candidate()   # the camera stopped: nobody is in front

    def _confirm_replied(self, decision, in_front: bool, outcome) -> None:
        if self.candidate is not decision:
            return                   # answered meanwhile (Esc, a second Enter), or its face left
        if not in_front:
            log.info("candidate %s not confirmed: the face was not in the newest frame", decision.candidate_key)
            return
        self.clear_candidate()
        log.info("operator confirmed %s for a missed visit (distance %.3f)%s", decision.candidate_key,
                 decision.candidate_distance, "" if outcome is not None else ": the face is asked to turn first")
        if outcome is not None:
            self.candidateConfirmed.emit(outcome)

    def clear_candidate(self) -> None:
        """Not them (Esc), unanswered, or the face left: nothing is recorded."""
        self.candidate = None
        self._candidate_timer.stop()
        self.ui.candidateGroup.setVisible(False)
        self.ui.candidatePhoto.setPixmap(QPixmap())
        note = self._number_note
        if note is not None and note[0] == "operator":
            self._set_number_note(None)

    def submit_number(self) -> None:
        """The visitor typed their person number: their face is checked against that person (1:1)."""
        number = self.ui.numberEdit.text().strip()
        if not number:
            self._set_number_note("empty", "")
            return
        reply = self._claimReply

        def job(stream):
            from recognition.stream import ClaimNeedsOperator, ClaimRefused, NobodyInFront, NotEnrolled

            try:
                track_id = stream.claim(number)
            except ClaimNeedsOperator as asked:
                reply.emit("operator", number, asked.decision)
            except ClaimRefused as refused:
                reply.emit("locked", f"{number}\t{refused.retry_after_s:.0f}", None)
            except NobodyInFront:
                reply.emit("nobody", number, None)
            except NotEnrolled:
                reply.emit("unknown", number, None)
            else:
                reply.emit("checking", number, track_id)
        self.ui.numberEdit.clear()
        if not self.camera.request(job):
            self._set_number_note("off", number)

    def _claim_replied(self, kind: str, detail: str, about) -> None:
        number, _tab, seconds = detail.partition("\t")
        if kind == "operator":
            # the number typed is the candidate shown for this face: the operator's look decides
            # (recognition.stream.ClaimNeedsOperator), the panel is shown again if it was answered
            if not self.visiting(about.track_id):
                return
            if self.candidate is None or self.candidate.track_id != about.track_id:
                self.show_candidate(about)
            self._set_number_note("operator", number, track_id=about.track_id)
            return
        self._set_number_note(kind, number, seconds, track_id=about if kind == "checking" else None)

    def _set_number_note(self, kind, number: str = "", seconds: str = "", track_id=None) -> None:
        """The number field's message (kept as what it says, to be said again in another language);
        one about a face (``track_id``) goes when that face leaves."""
        self._number_note = None if kind is None else (kind, number, seconds, track_id)
        self.ui.numberMessage.setText(self._number_text())

    def _number_text(self) -> str:
        if self._number_note is None:
            return ""
        kind, number, seconds, _track = self._number_note
        text = {
            "empty": self.tr("Type your person number, then press Enter."),
            "off": self.tr("The camera is off."),
            "checking": self.tr("Checking your face against number {number}…"),
            "unknown": self.tr("Nobody with number {number} is enrolled here."),
            "nobody": self.tr("Please stand in front of the camera, then type your number again."),
            "locked": self.tr("Too many failed attempts for number {number}: try again in {seconds} s."),
            "refused": self.tr("The face does not match number {number}. Try again, or ask at the desk."),
            "operator": self.tr("Number {number} is the person shown: the operator checks the photo and "
                                "confirms (Enter)."),
            "verified": self.tr("Number {number}: face verified."),
            "not_live": self.tr("Number {number}: not checked in, the face was not shown live. The person "
                                "must be here in person."),
        }[kind]
        return text.format(number=number, seconds=seconds)

    # -- check-ins ----------------------------------------------------------------------------------
    def show_check_in(self, event) -> None:
        person, checkin = event.person, event.checkin
        self.show_card(event)
        if checkin.method == "number+face":
            self._set_number_note("verified", person.person_number, track_id=event.decision.track_id)
        if checkin.status == "recorded":
            self.refresh_today()
        elif checkin.status == "queued":
            self._add_today_row(checkin.checked_in_at, person.name + " " + self.tr("(pending)"),
                                person.person_number, top=True)

    def show_card(self, event) -> None:
        """The person just recognized on the card."""
        ui = self.ui
        self._card = event
        person, checkin = event.person, event.checkin
        ui.cardName.setText(person.name)
        ui.cardNumber.setText(self.tr("No. {number}").format(number=person.person_number))
        ui.cardDepartment.setText(person.department or "")
        ui.cardTime.setText(checkin.checked_in_at.strftime("%H:%M:%S"))
        status = {
            "recorded": self.tr("Checked in"),
            "cooldown": self.tr("Already checked in"),
            "queued": self.tr("Saved offline; it will be sent when the database is back"),
        }.get(checkin.status, checkin.status)
        how = {"confirmed": self.tr("confirmed by the operator"), "number+face": self.tr("by number + face")}
        if checkin.method in how:
            status = f"{status} ({how[checkin.method]})"
        ui.cardStatus.setText(status)
        chip = getattr(event.decision, "chip", None)
        if chip is not None:
            ui.cardPhoto.setPixmap(QPixmap.fromImage(to_qimage(chip)).scaled(
                ui.cardPhoto.size(), Qt.KeepAspectRatio, Qt.SmoothTransformation))

    def clear_card(self) -> None:
        self._card = None
        for label in (self.ui.cardName, self.ui.cardNumber, self.ui.cardDepartment, self.ui.cardTime,
                      self.ui.cardStatus):
            label.setText("")
        self.ui.cardPhoto.setPixmap(QPixmap())

    def people_changed(self) -> None:
        """People were edited, deactivated or deleted: today's list and the card show what is true now."""
        if self._card is not None and self._card.person.person_number not in self.directory.names:
            self.clear_card()
        if self.candidate is not None and self.candidate.candidate_key not in self.directory.names:
            self.clear_candidate()
        self.refresh_today()

    def refresh_today(self) -> None:
        from backend import HistoryQuery

        query = HistoryQuery(preset="day", page_size=TODAY_LIMIT)
        self.client.call(lambda b: b.attendance.search(query), self._fill_today,
                         lambda e: log.warning("cannot load today's check-ins: %s", e))

    def _fill_today(self, page) -> None:
        self.today_rows = list(page.rows)
        self.ui.todayTable.setRowCount(0)
        for row in self.today_rows:
            self._add_today_row(row.checked_in_at, row.name, row.person_number)
        self.ui.todayCount.setText(self.tr("Check-ins today: {n}").format(n=page.total))

    def _add_today_row(self, when, name, number, top=False) -> None:
        table = self.ui.todayTable
        row = 0 if top else table.rowCount()
        table.insertRow(row)
        for column, text in enumerate((when.strftime("%H:%M:%S"), name, number)):
            table.setItem(row, column, QTableWidgetItem(text))

    # -- rejected attempts ---------------------------------------------------------------------------
    def open_rejected_attempts(self) -> RejectedAttemptsDialog:
        """The list of check-ins refused because the face was not shown live (every desk's)."""
        if self.rejected_dialog is None:
            self.rejected_dialog = RejectedAttemptsDialog(self.client, self.desk.settings.desk, parent=self.ui)
        self.rejected_dialog.show()
        self.rejected_dialog.raise_()
        self.rejected_dialog.refresh()
        return self.rejected_dialog

    def attempt_rejected(self, attempt) -> None:
        """The desk logged a rejected attempt (gui.check_ins): an open list shows it."""
        if self.rejected_dialog is not None and self.rejected_dialog.isVisible():
            self.rejected_dialog.refresh()

    def _name_rejected_button(self) -> None:
        self.rejectedButton.setText(self.tr("Rejected attempts…"))
        self.rejectedButton.setToolTip(self.tr("Check-ins refused because the face was not shown live"))

    def retranslate(self) -> None:
        self._name_rejected_button()
        if self.rejected_dialog is not None:
            self.rejected_dialog.retranslate()
        self.ui.todayCount.setText(self.tr("Check-ins today: {n}").format(n=len(self.today_rows)))
        self.ui.numberMessage.setText(self._number_text())
        if self.candidate is not None:
            self.ui.candidateName.setText(self._candidate_label(self.candidate.candidate_key))
        if self._card is not None:
            self.show_card(self._card)
