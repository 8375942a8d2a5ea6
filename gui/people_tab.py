"""People tab: search, edit, add photos, forget learned samples, deactivate / reactivate, delete. The tab
shows and asks; what is done, and whether a form may be saved, is desk.people_actions' (through
backend.people_service; the desk's face cache follows each change through ``face_sync``, its
backend.face_sync.FaceSync), run on the database thread by the BackendClient.

Deactivating is the way to take someone off the desks: they are no longer recognized or checked
in anywhere, and their details, face samples and check-in history are kept (and shown). Deleting
removes all of it for good (the database cascades) and is meant for mistakes; its confirmation
says what is lost and offers to deactivate instead.
"""
from __future__ import annotations

import dataclasses
import logging
from functools import partial

from PyQt5.QtCore import QObject, Qt, QTimer, pyqtSignal
from PyQt5.QtGui import QBrush, QPalette, QStandardItem, QStandardItemModel
from PyQt5.QtWidgets import QFileDialog, QHeaderView, QLabel, QMessageBox

from desk import people_actions
from desk.people_actions import SEARCH_LIMIT
from gui import folders
from gui.people_fields import fill_gender_combo, gender_label, gender_of
from gui.sort_arrows import point_up_for_ascending
from gui.tasks import run_in_pool

log = logging.getLogger(__name__)

#: the table's columns (gender and note are in the form): few enough that none is cut on a desk's screen
COLUMNS = ("number", "name", "department", "phone", "enrolled", "learned", "status")
STATUS_COLUMN = COLUMNS.index("status")
NAME_COLUMN = COLUMNS.index("name")       # takes the table's spare width; the others fit their contents
#: form field -> its line edit in the main window's ui
FIELDS = {"person_number": "personNumber", "name": "personName", "phone": "personPhone",
          "department": "personDepartment", "note": "personNote"}
ERROR_COLOUR, OK_COLOUR = "#c0392b", "#1e8449"
PHOTO_FILTER = "*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff"


class PeopleTab(QObject):
    """Controller of the People tab widgets of the main window's ``ui``."""

    changed = pyqtSignal()            # a person was edited, deleted or got photos
    photosAdded = pyqtSignal(object)  # report dict of the last add_photos
    loaded = pyqtSignal(int)          # rows shown after a search

    @property
    def desk(self) -> str:
        """The desk's name as Settings has it now (recorded with the samples added here)."""
        return self.context.settings.desk

    def __init__(self, ui, client, desk, parent=None):
        """``desk``: the desk's context (desk.wiring.Desk): its recognizer (photos), face sync and settings."""
        super().__init__(parent)
        self.ui, self.client, self.context = ui, client, desk
        self.face_sync, self.recognizer = desk.face_sync, desk.recognizer
        self.people: list = []
        # person id -> (enrolled, learned) face samples stored (kept when inactive)
        self.sample_counts: dict[int, tuple[int, int]] = {}
        self.current = None
        self._shown_id = None                # the person whose form is shown
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        ui.peopleTable.setModel(self.model)
        # no column is cut and Status stays in view: each fits its contents, the name takes the rest
        header = ui.peopleTable.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.Stretch)
        self.errors: dict[str, QLabel] = {}        # field -> the error shown under it
        self._error_rows: dict[str, tuple] = {}
        self._build_field_errors()
        self._header_style = point_up_for_ascending(ui.peopleTable.horizontalHeader())
        ui.peopleTable.selectionModel().selectionChanged.connect(self._selection_changed)
        self._debounce = QTimer(self, singleShot=True, interval=300, timeout=self.refresh)
        ui.peopleSearch.textChanged.connect(lambda _t: self._debounce.start())
        ui.personSave.clicked.connect(self.save_current)
        ui.personAddPhotos.clicked.connect(self._choose_photos)
        ui.personActive.clicked.connect(self.toggle_active)
        ui.personForgetLearned.clicked.connect(self.forget_learned)
        ui.personDelete.clicked.connect(self.delete_current)
        fill_gender_combo(ui.personGender)
        self.retranslate()

    def _build_field_errors(self) -> None:
        """An error label under each field, in the error colour; and no silent cut at a length limit (the
        limit is checked on Save and said beside the field)."""
        form = self.ui.personForm
        for field, name in reversed(FIELDS.items()):
            edit = getattr(self.ui, name)
            edit.setMaxLength(32767)            # Qt's default: a pasted long text is kept, and refused on Save
            label = QLabel()
            label.setObjectName(f"{name}Error")
            label.setWordWrap(True)
            label.setStyleSheet(f"color: {ERROR_COLOUR};")
            spacer = QLabel()                  # the label column of the error's row
            for widget in (label, spacer):
                widget.hide()
            form.insertRow(form.getWidgetPosition(edit)[0] + 1, spacer, label)
            self.errors[field] = label
            self._error_rows[field] = (label, spacer)

    def field_error(self, field: str, text: str) -> None:
        self.errors[field].setText(text)
        for widget in self._error_rows[field]:
            widget.setVisible(bool(text))

    def _clear_errors(self) -> None:
        for field in self.errors:
            self.field_error(field, "")

    def retranslate(self) -> None:
        self.model.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Name"), self.tr("Department"),
                                              self.tr("Phone"), self.tr("Enrolled"), self.tr("Learned"),
                                              self.tr("Status")])
        for column, tip in ((COLUMNS.index("enrolled"), self.tr("Face samples taken at enrolment or from photos")),
                            (COLUMNS.index("learned"), self.tr("Face samples the desks learned from check-ins"))):
            self.model.horizontalHeaderItem(column).setToolTip(tip)
        fill_gender_combo(self.ui.personGender, gender_of(self.ui.personGender))
        for row in range(self.model.rowCount()):
            person = self._person_at(row)
            if person is not None:
                self.model.item(row, STATUS_COLUMN).setText(self._status_text(person))
        self._show_active_state(self.current)
        self._show_count()

    def _show_count(self) -> None:
        self.ui.peopleCount.setText(self.tr("%n people", "", len(self.people)))

    # -- listing -----------------------------------------------------------------------
    def refresh(self) -> None:
        text = self.ui.peopleSearch.text().strip()
        self.client.call(partial(people_actions.search, text=text, limit=SEARCH_LIMIT), self._fill, self._error)

    def _status_text(self, person) -> str:
        return self.tr("Active") if person.active else self.tr("Inactive")

    def _person_at(self, row: int):
        person_id = self.model.item(row, 0).data(Qt.UserRole)
        return next((p for p in self.people if p.id == person_id), None)

    def _fill(self, found: people_actions.PeopleList) -> None:
        people, self.sample_counts = found.people, found.sample_counts
        selected = self.current.id if self.current is not None else None
        self.people = list(people)
        table = self.ui.peopleTable
        table.setSortingEnabled(False)
        self.model.removeRows(0, self.model.rowCount())
        # inactive people stay listed (their history is kept), greyed and marked in the Status column
        grey = QBrush(table.palette().color(QPalette.Disabled, QPalette.Text))
        for person in self.people:
            items = [QStandardItem(str(v) if v is not None else "") for v in (
                person.person_number, person.name, person.department, person.phone)]
            for count in self.sample_counts.get(person.id, (0, 0)):
                item = QStandardItem()
                item.setData(count, Qt.DisplayRole)
                items.append(item)
            items.append(QStandardItem(self._status_text(person)))
            items[0].setData(person.id, Qt.UserRole)
            for column in (NAME_COLUMN, COLUMNS.index("department")):     # elided when the table is narrow
                items[column].setToolTip(items[column].text())
            if not person.active:
                for item in items:
                    item.setForeground(grey)
            self.model.appendRow(items)
        table.setSortingEnabled(True)
        self._show_count()
        row = next((r for r in range(self.model.rowCount())
                    if self.model.item(r, 0).data(Qt.UserRole) == selected), None)
        if row is not None:
            table.selectRow(row)
        else:
            self._show_person(None)
        self.loaded.emit(len(self.people))

    def select_number(self, person_number: str) -> bool:
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).text() == person_number:
                self.ui.peopleTable.selectRow(row)
                return True
        return False

    def _selection_changed(self, *_args) -> None:
        rows = self.ui.peopleTable.selectionModel().selectedRows()
        if not rows:
            self._show_person(None)
            return
        person_id = self.model.item(rows[0].row(), 0).data(Qt.UserRole)
        self._show_person(next((p for p in self.people if p.id == person_id), None))

    def _show_person(self, person) -> None:
        ui = self.ui
        self.current = person
        ui.personGroup.setEnabled(person is not None)
        ui.personNumber.setText(person.person_number if person else "")
        ui.personName.setText(person.name if person else "")
        fill_gender_combo(ui.personGender, person.gender if person else None)
        ui.personPhone.setText((person.phone or "") if person else "")
        ui.personDepartment.setText((person.department or "") if person else "")
        ui.personNote.setText((person.note or "") if person else "")
        enrolled, learned = self.sample_counts.get(person.id, (0, 0)) if person else (0, 0)
        ui.personSamples.setText(self.tr("{enrolled} enrolled, {learned} learned from check-ins").format(
            enrolled=enrolled, learned=learned) if person else "")
        ui.personForgetLearned.setEnabled(learned > 0)
        if person is None or self._shown_id != person.id:      # a refresh of the same person keeps its messages
            self._message("")
            self._clear_errors()
        self._shown_id = person.id if person is not None else None
        self._show_active_state(person)

    def _show_active_state(self, person) -> None:
        ui = self.ui
        inactive = person is not None and not person.active
        ui.personActive.setText(self.tr("Reactivate") if inactive else self.tr("Deactivate"))
        ui.personActive.setToolTip(
            self.tr("Recognize and check in this person again") if inactive else
            self.tr("Deactivate: no longer recognized or checked in at any desk; details, face samples and "
                    "check-in history are kept"))
        ui.personGroup.setTitle(self.tr("Person (inactive)") if inactive else self.tr("Person"))

    def _message(self, text: str, error: bool = False) -> None:
        self.ui.personMessage.setText(text)
        self.ui.personMessage.setStyleSheet(f"color: {ERROR_COLOUR if error else OK_COLOUR};")

    def _error(self, error) -> None:
        self._message(self.tr("Error: {error}").format(error=error), error=True)

    # -- editing -----------------------------------------------------------------------
    def save_current(self) -> None:
        person = self.current
        if person is None:
            return
        ui = self.ui
        fields = people_actions.form_fields(ui.personNumber.text(), ui.personName.text(), gender_of(ui.personGender),
                                            ui.personPhone.text(), ui.personDepartment.text(), ui.personNote.text())
        self._clear_errors()
        self._message("")
        problems = people_actions.check_fields(fields)
        for problem in problems:
            self.field_error(problem.field, self.tr("Required.") if problem.kind == "required" else
                             self.tr("Too long: {length} characters, at most {limit}.").format(
                                 length=problem.length, limit=problem.limit))
        if problems:
            return
        if not self.confirm_changes(person, fields):
            return

        def done(_updated):
            self._message(self.tr("Saved."))
            self.changed.emit()
            self.refresh()

        self.client.call(partial(people_actions.update_person, face_sync=self.face_sync, person_id=person.id,
                                 fields=fields),
                         done, lambda error: self._save_failed(error, fields["person_number"]))

    def field_names(self) -> dict:
        return {"person_number": self.tr("Number"), "name": self.tr("Name"), "gender": self.tr("Gender"),
                "phone": self.tr("Phone"), "department": self.tr("Department"), "note": self.tr("Note")}

    def confirm_changes(self, person, fields) -> bool:
        """Show what changes and ask before writing it (a changed number or name is seen at every desk)."""
        changes = people_actions.changes(person, fields)
        if not changes:
            self._message(self.tr("Nothing changed."))
            return False
        names = self.field_names()

        def shown(field, value):
            return (gender_label(value) if field == "gender" else value) or self.tr("(empty)")
        lines = [f"{names[c.field]}: {shown(c.field, c.before)} → {shown(c.field, c.after)}" for c in changes]
        box = QMessageBox(QMessageBox.Question, self.tr("Save changes"),
                          self.tr("Save these changes to {name}?").format(name=person.name),
                          QMessageBox.Save | QMessageBox.Cancel, self.ui.peopleTable.window())
        box.setInformativeText("\n".join(lines))
        box.setDefaultButton(QMessageBox.Save)
        answer = box.exec_()
        box.deleteLater()
        return answer == QMessageBox.Save

    def _save_failed(self, error, number: str) -> None:
        from backend import DuplicatePersonNumber

        if isinstance(error, DuplicatePersonNumber):
            self.field_error("person_number", self.tr("The person number {number} is already used.").format(
                number=number))
        else:
            self._error(error)

    # -- learned samples -----------------------------------------------------------------
    def forget_learned(self) -> None:
        """Remove the samples desks learned from the person's check-ins (after a yes); enrolled ones stay."""
        person = self.current
        learned = self.sample_counts.get(person.id, (0, 0))[1] if person is not None else 0
        if not learned or QMessageBox.question(
                self.ui.peopleTable.window(), self.tr("Forget learned samples"),
                self.tr("Forget the {samples} the desks learned from the check-ins of {name}? Their enrolled "
                        "samples stay.").format(samples=self.tr("%n face samples", "", learned), name=person.name)
        ) != QMessageBox.Yes:
            return

        def done(count):
            log.info("forgot %d learned samples of %s (%s)", count, person.name, person.person_number)
            self._message(self.tr("Forgot {samples} of {name}.").format(
                samples=self.tr("%n face samples", "", count), name=person.name))
            self.changed.emit()
            self.refresh()

        self.client.call(partial(people_actions.forget_learned, face_sync=self.face_sync, person_id=person.id),
                         done, self._error)

    # -- deactivating ------------------------------------------------------------------
    def toggle_active(self) -> None:
        person = self.current
        if person is not None:
            self.set_active(person, not person.active)

    def set_active(self, person, active: bool) -> None:
        """Deactivate (kept, with history and samples; recognized and checked in nowhere) or reactivate."""
        def done(updated):
            log.info("%s %s (%s)", "reactivated" if active else "deactivated", updated.name, updated.person_number)
            self.current = updated
            self._show_active_state(updated)
            if active:
                text = self.tr("Reactivated {name}: recognized and checked in again.")
            else:
                text = self.tr("Deactivated {name}: no longer recognized or checked in at any desk. Their "
                               "details, face samples and check-in history are kept; \"Reactivate\" undoes this.")
            self._message(text.format(name=updated.name))
            self.changed.emit()
            self.refresh()

        self.client.call(partial(people_actions.set_active, face_sync=self.face_sync, person_id=person.id,
                                 active=active), done, self._error)

    # -- deleting ----------------------------------------------------------------------
    def confirm_delete(self, person, cost: people_actions.DeletionCost) -> str:
        """Ask; "delete", "deactivate" (offered, and the default, when ``cost`` offers it) or ""."""
        box = QMessageBox(QMessageBox.Warning, self.tr("Delete person"),
                          self.tr("Delete {name} ({number}) for good?").format(name=person.name,
                                                                             number=person.person_number),
                          QMessageBox.NoButton, self.ui.peopleTable.window())
        lost = self.tr("Their {check_ins} and {samples} are removed for good and cannot be restored.").format(
            check_ins=self.tr("%n check-ins", "", cost.check_ins), samples=self.tr("%n face samples", "", cost.samples))
        delete = box.addButton(QMessageBox.Yes)
        delete.setText(self.tr("Delete for good"))
        cancel = box.addButton(QMessageBox.Cancel)
        cancel.setText(self.tr("Cancel"))
        deactivate = None
        if cost.offer_deactivate:
            deactivate = box.addButton(self.tr("Deactivate instead"), QMessageBox.AcceptRole)
            box.setDefaultButton(deactivate)
            lost += "\n\n" + self.tr("To keep their history, deactivate them instead: they are no longer "
                                       "recognized or checked in, and can be reactivated.")
        else:
            box.setDefaultButton(cancel)
        box.setInformativeText(lost)
        box.setEscapeButton(cancel)
        box.exec_()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is delete:
            return "delete"
        return "deactivate" if deactivate is not None and clicked is deactivate else ""

    def delete_current(self) -> None:
        """Count what would be lost, then ask (deactivating instead is the default)."""
        person = self.current
        if person is None:
            return
        self.client.call(partial(people_actions.deletion_cost, person=person),
                         lambda cost: self._delete_confirmed(person, cost), self._error)

    def _delete_confirmed(self, person, cost: people_actions.DeletionCost) -> None:
        choice = self.confirm_delete(person, cost)
        if choice == "deactivate":
            self.set_active(person, False)
        elif choice == "delete":
            self.delete(person)

    def delete(self, person) -> None:
        """Delete ``person`` with their check-ins and face samples, for good."""
        def done(_none):
            log.info("deleted %s (%s)", person.name, person.person_number)
            self.current = None
            self._message(self.tr("Deleted {name}.").format(name=person.name))
            self.changed.emit()
            self.refresh()

        self.client.call(partial(people_actions.delete_person, face_sync=self.face_sync, person_id=person.id),
                         done, self._error)

    # -- photos ------------------------------------------------------------------------
    def _choose_photos(self) -> None:
        if self.current is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self.ui.peopleTable.window(), self.tr("Add photos of {name}").format(name=self.current.name),
            folders.start_folder("photos"), self.tr("Images ({patterns})").format(patterns=PHOTO_FILTER))
        if paths:
            folders.remember("photos", paths[0])
            self.add_photos(paths)

    def add_photos(self, paths) -> None:
        """Embed the photos off the GUI thread, then add them to the current person's samples."""
        person = self.current
        if person is None:
            return
        self._message(self.tr("Reading %n photos…", "", len(paths)))
        self.ui.personAddPhotos.setEnabled(False)

        def embedded(reading: people_actions.PhotoReading):
            self.client.call(partial(people_actions.add_photos, face_sync=self.face_sync, person=person,
                                     reading=reading, desk=self.desk), stored, failed)

        def stored(added: people_actions.PhotosAdded):
            self.ui.personAddPhotos.setEnabled(True)
            lines = [self.tr("Added %n face samples.", "", added.added)]
            if added.problems:
                lines.append(self.tr("Not used:"))
                lines += [f"• {path}: {error}" for path, error in added.problems]
            self._message("\n".join(lines))
            self.photosAdded.emit(dataclasses.asdict(added))
            self.changed.emit()
            self.refresh()

        def failed(error):
            self.ui.personAddPhotos.setEnabled(True)
            self._error(error)

        run_in_pool(partial(people_actions.read_photos, self.recognizer, paths), embedded, failed)
