"""A desk's face cache following the face store's change feed.

The desk matches against an in-memory gallery (``recognition.gallery.Gallery``, which other threads
may read while this one changes it) that is a cache of the store's embeddings for the desk's model,
saved in one HDF5 file per model fingerprint together with the sync state (in ``gallery.meta``):
the store it came from, the last change id applied and which database person each gallery key
(the person number) belongs to. (What it needs of the gallery: :class:`FaceCache`.) One atomic save keeps all of it consistent.

* Start: open the cache file (fast; works with the server down), then ``poll``.
* ``poll(backend)``: one query when nothing changed (the change counter); otherwise the new
  changes and, in the same transaction, the current state of each person they name: number,
  active, embeddings for this model. The person is then replaced in the gallery: one mechanism
  for enroll, added or deleted samples, rename, deactivation and deletion.
* A cache of another database (or none, or far behind) is rebuilt from the whole store, page by
  page (``reload``); the gallery is swapped in one step when the load is done.

Reads happen before the gallery is touched, and the gallery changes in one call (one swap of its
contents): matching never waits for the network. Saving the cache is not part of any
database transaction: a failed save is logged, the file keeps its previous (consistent) state and
the next start catches up from its change id.
"""
from __future__ import annotations

import dataclasses
import logging
import time
from pathlib import Path
from typing import Protocol

import numpy as np

from backend.face_store import FaceModel

log = logging.getLogger(__name__)

#: seconds between two polls of the change feed by a desk (the config's default; AppConfig)
DEFAULT_POLL_SECONDS = 2.0
#: changes read per query while catching up
CHANGE_BATCH = 1000
#: embeddings per page of a full reload
RELOAD_PAGE = 5000
#: further behind than this many changes, a full reload is cheaper than replaying them
RELOAD_AFTER_CHANGES = 20000
META_KEY = "face_sync"


@dataclasses.dataclass(frozen=True)
class SyncReport:
    changes: int = 0                     # changes read from the feed
    updated: tuple[str, ...] = ()        # gallery keys (person numbers) added or replaced
    removed: tuple[str, ...] = ()        # gallery keys removed
    reloaded: bool = False               # the whole cache was rebuilt from the store
    last_change_id: int = 0
    seconds: float = 0.0
    save_error: str | None = None        # the cache file could not be written (repaired later)
    skipped: str | None = None           # why nothing was asked (e.g. the database is offline)

    @property
    def changed(self) -> bool:
        return bool(self.updated or self.removed or self.reloaded)


class FaceCache(Protocol):
    """What FaceSync needs of a desk's gallery (``recognition.gallery.Gallery`` is one)."""
    path: Path
    fingerprint: str
    meta: dict

    def __len__(self) -> int: ...

    def replace_people(self, updates: dict, meta: dict | None = None) -> None: ...

    def reset(self, keys, embeddings, meta: dict | None = None, learned=None, sample_ids=None) -> None: ...

    def snapshot(self) -> "FaceCache": ...

    def save(self) -> None: ...


class FaceSync:
    """Keeps ``gallery`` (this desk's cache for ``model``) in step with the face store.

    Not thread-safe by itself: call it from one thread (the GUI's database thread). The gallery is
    read by other threads meanwhile.
    """

    def __init__(self, gallery: FaceCache, model: FaceModel, *, change_batch: int = CHANGE_BATCH,
                 reload_page: int = RELOAD_PAGE, reload_after: int = RELOAD_AFTER_CHANGES):
        if gallery.fingerprint and gallery.fingerprint != model.fingerprint:
            raise ValueError(f"the face cache {gallery.path} belongs to model {gallery.fingerprint[:12]}, "
                             f"not to {model.label}")
        self.gallery = gallery
        self.model = model
        self.change_batch = change_batch
        self.reload_page = reload_page
        self.reload_after = reload_after
        state = (gallery.meta or {}).get(META_KEY) or {}
        self.store_id: str | None = state.get("store_id")
        self.last_change_id: int = int(state.get("last_change_id", 0))
        self._keys: dict[int, str] = {int(pid): key for pid, key in (state.get("people") or {}).items()}
        self._owner: dict[str, int] = {key: pid for pid, key in self._keys.items()}
        self.last_report: SyncReport | None = None
        if self.store_id is None and len(gallery):
            log.warning("the face cache %s holds %d people but no sync state: it is rebuilt from the "
                        "database on the first sync", gallery.path, len(gallery))

    # -- public ------------------------------------------------------------------------
    @property
    def synced(self) -> bool:
        """True once the cache has been loaded from a store (now or in an earlier run)."""
        return self.store_id is not None

    def person_key(self, person_id: int) -> str | None:
        """The gallery key of a database person (None: not in this desk's gallery)."""
        return self._keys.get(person_id)

    def poll(self, backend) -> SyncReport:
        """Apply what changed in the store since the last poll; reload everything if the cache is
        of another store or too far behind. Raises BackendOffline/BackendError with the gallery
        and the cache file as they were (or with the batches applied so far, consistently)."""
        started = time.perf_counter()
        status = backend.status()
        if not status.online:
            report = SyncReport(last_change_id=self.last_change_id, skipped=status.message or "offline")
            self.last_report = report
            return report
        store = backend.faces
        head = store.head()
        if (self.store_id != head.store_id or head.last_change_id < self.last_change_id
                or head.last_change_id - self.last_change_id > self.reload_after):
            if self.store_id is not None:
                log.info("face cache %s: %s; reloading it from the database", self.gallery.path,
                         "another database" if self.store_id != head.store_id else
                         "the database went back in time" if head.last_change_id < self.last_change_id
                         else f"{head.last_change_id - self.last_change_id} changes behind")
            return self.reload(backend)
        if head.last_change_id == self.last_change_id:
            report = SyncReport(last_change_id=self.last_change_id,
                                seconds=time.perf_counter() - started)
            self.last_report = report
            return report
        return self._catch_up(store, started, head.last_change_id)

    def reload(self, backend) -> SyncReport:
        """Rebuild the whole cache from the store (page by page), then catch up with the feed."""
        started = time.perf_counter()
        store = backend.faces
        head = store.head()            # before the pages: changes during the load are replayed
        numbers, blocks, sample_ids, learned, keys = [], [], [], [], {}
        for page in store.iter_model(self.model.fingerprint, self.reload_page):
            numbers += page.person_numbers
            blocks.append(page.embeddings)
            sample_ids.append(page.sample_ids)
            learned.append(page.learned)
            keys.update(zip(page.person_ids.tolist(), page.person_numbers))
        embeddings = np.concatenate(blocks) if blocks else np.empty((0, 0), np.float32)
        if self.store_id is None and len(self.gallery):
            self._keep_unsynced()
        owner: dict[str, int] = {}
        for pid, key in keys.items():
            owner[key] = pid           # two people with one key (renamed mid-load): the feed fixes it
        keys = {pid: key for key, pid in owner.items()}
        self.store_id, self.last_change_id = head.store_id, head.last_change_id
        self._keys, self._owner = keys, owner
        self.gallery.reset(numbers, embeddings, self._meta(),
                           learned=np.concatenate(learned) if learned else None,
                           sample_ids=np.concatenate(sample_ids) if sample_ids else None)
        log.info("face cache %s loaded from the database: %d people, %d embeddings in %.2f s",
                 self.gallery.path, len(owner), len(numbers), time.perf_counter() - started)
        caught = self._catch_up(store, started, None, save=False)
        error = self._save()
        report = dataclasses.replace(caught, reloaded=True, updated=tuple(sorted(owner)),
                                     seconds=time.perf_counter() - started, save_error=error)
        self.last_report = report
        return report

    # -- internals -----------------------------------------------------------------------
    def _meta(self) -> dict:
        meta = dict(self.gallery.meta or {})
        meta[META_KEY] = {"store_id": self.store_id, "last_change_id": self.last_change_id,
                          "fingerprint": self.model.fingerprint,
                          "people": {str(pid): key for pid, key in self._keys.items()}}
        return meta

    def _catch_up(self, store, started: float, target: int | None, save: bool = True) -> SyncReport:
        changes_read, updated, removed = 0, set(), set()
        error = None
        try:
            while target is None or self.last_change_id < target:
                changes, faces = store.read_changes(self.last_change_id, self.model.fingerprint,
                                                    self.change_batch)
                if not changes:
                    break
                changes_read += len(changes)
                up, rm = self._apply(changes, faces)
                updated |= up
                removed = (removed | rm) - up
                updated -= rm
                if len(changes) < self.change_batch and target is None:
                    break
        finally:
            if save and changes_read:
                error = self._save()
        report = SyncReport(changes_read, tuple(sorted(updated)), tuple(sorted(removed)), False,
                            self.last_change_id, time.perf_counter() - started, error)
        self.last_report = report
        return report

    def _apply(self, changes, faces) -> tuple[set[str], set[str]]:
        keys, owner = dict(self._keys), dict(self._owner)
        updates: dict[str, object] = {}       # key -> PersonFaces (embeddings, learned, sample ids) or None
        seen = set()
        for change in changes:
            pid = change.person_id
            if pid in seen or (change.model_fingerprint not in (None, self.model.fingerprint)):
                continue
            seen.add(pid)
            old = keys.pop(pid, None)
            if old is not None and owner.get(old) == pid:
                del owner[old]
                updates.setdefault(old, None)
            state = faces.get(pid)
            if state is not None and state.active and len(state.embeddings):
                key = state.person_number
                holder = owner.get(key)
                if holder is not None and holder != pid:
                    keys.pop(holder, None)   # its own change (later in the feed) puts it back
                owner[key] = pid
                keys[pid] = key
                updates[key] = state
        last = changes[-1].change_id
        self._keys, self._owner, self.last_change_id = keys, owner, last
        self.gallery.replace_people(updates, self._meta())
        return ({k for k, v in updates.items() if v is not None},
                {k for k, v in updates.items() if v is None})

    def _keep_unsynced(self) -> None:
        """Faces that did not come from a store (a desk-local gallery) are not dropped unseen: they
        go to a file beside the cache (``python main.py import-faces --gallery FILE`` takes them)."""
        twin = self.gallery.snapshot()
        path = Path(twin.path)
        twin.path = path.with_name(f"{path.stem}.unsynced-{time.strftime('%Y%m%d-%H%M%S')}{path.suffix}")
        try:
            twin.save()
        except Exception:
            log.exception("could not keep the %d faces of %s that are not from the database", len(twin), path)
            return
        log.warning("%s held %d people that did not come from the database; they are replaced by the "
                    "database's faces and kept in %s", path, len(twin), twin.path)

    def _save(self) -> str | None:
        try:
            self.gallery.save()
        except Exception as exc:       # the cache is a convenience: the next sync repairs it
            log.warning("could not save the face cache %s (%s); it is caught up on the next start",
                        self.gallery.path, exc)
            return str(exc)
        return None


def cache_path(folder, fingerprint: str) -> Path:
    """The cache file of one model in ``folder`` (beside the desk's pictures)."""
    return Path(folder) / f"faces-{fingerprint[:16]}.h5"
