"""Exceptions of the persistence layer. Every message is meant to be shown to the operator."""
from __future__ import annotations


class BackendError(Exception):
    """Base class: a database problem with a clear, user-facing message."""


class DuplicatePersonNumber(BackendError):
    """The person number is already used by another person."""


class PersonNotFound(BackendError, LookupError):
    """No person with that id (or number)."""


class InactivePerson(BackendError):
    """Check-in refused: the person is marked inactive."""


class BackendOffline(BackendError):
    """The MySQL server cannot be reached (or refused the login) right now."""


class SchemaError(BackendError):
    """The database schema cannot be created or upgraded by this version of the app."""


class IntegrityViolation(BackendError):
    """A constraint of the database refused a statement (internal; repositories translate it).

    ``kind`` is "unique", "foreign_key" or "other".
    """

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind
