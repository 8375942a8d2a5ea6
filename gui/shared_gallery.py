"""A thread-safe view of a recognition Gallery.

The recognition thread matches against the gallery while the backend thread
enrolls, renames and deletes people through ``backend.people_service``; every
gallery method runs under one lock so a match never sees a half-updated gallery.
"""
from __future__ import annotations

import threading


class LockedGallery:
    """Duck-types :class:`recognition.gallery.Gallery`; each call holds a shared lock."""

    def __init__(self, gallery):
        self._gallery = gallery
        self._lock = threading.RLock()
        self._save_lock = threading.Lock()

    @property
    def path(self):
        return self._gallery.path

    @property
    def fingerprint(self):
        return self._gallery.fingerprint

    @property
    def model_name(self):
        return self._gallery.model_name

    @property
    def meta(self) -> dict:
        with self._lock:
            return self._gallery.meta

    @property
    def ids(self) -> list[str]:
        with self._lock:
            return self._gallery.ids

    @property
    def size(self) -> int:
        with self._lock:
            return self._gallery.size

    def __len__(self) -> int:
        with self._lock:
            return len(self._gallery)

    def __contains__(self, person_id) -> bool:
        with self._lock:
            return self._gallery.count(person_id) > 0

    @property
    def version(self) -> int:
        return self._gallery.version

    def rows(self):
        with self._lock:
            return self._gallery.rows()

    def samples(self):
        with self._lock:
            return self._gallery.samples()

    def count(self, person_id):
        with self._lock:
            return self._gallery.count(person_id)

    def embeddings_of(self, person_id):
        with self._lock:
            return self._gallery.embeddings_of(person_id)

    def add(self, person_id, embeddings):
        with self._lock:
            return self._gallery.add(person_id, embeddings)

    def remove(self, person_id):
        with self._lock:
            return self._gallery.remove(person_id)

    def rename(self, old_id, new_id):
        with self._lock:
            return self._gallery.rename(old_id, new_id)

    def replace_people(self, updates, meta=None):
        with self._lock:
            return self._gallery.replace_people(updates, meta)

    def reset(self, person_ids, embeddings, meta=None, learned=None, sample_ids=None):
        with self._lock:
            return self._gallery.reset(person_ids, embeddings, meta, learned, sample_ids)

    def match(self, embeddings, threshold):
        with self._lock:
            return self._gallery.match(embeddings, threshold)

    def snapshot(self):
        with self._lock:
            return self._gallery.snapshot()

    def save(self):
        """Write a snapshot taken under the lock; matching goes on while the file is written."""
        with self._save_lock:
            self.snapshot().save()
