"""Builds the desk's parts from its settings: the backend opener, the recognizer and its face cache, face sync,
the stream's policy and the camera source; and :class:`Desk`, the one context the screens are given.

main.py (the app and the face store's commands) and bench/desks.py use these; no Qt here.
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path

from desk import data_root
from desk import settings as settings_mod

log = logging.getLogger(__name__)


def load_settings(data_dir=None, config_file=None, db_url=None, platform_locale=None) -> settings_mod.AppConfig:
    """The settings file of the data folder (``--data-dir``, else FACE_DATA_DIR, else data/), or ``config_file``,
    with this run's database URL (``--db-url``) applied; never written back to the file."""
    config = settings_mod.load(Path(config_file).absolute() if config_file else None,
                               data_root=data_root.choose(data_dir), platform_locale=platform_locale)
    config.cli_db_url = db_url or None
    return config


def load_recognizer(settings, model_dir=None):
    """The desk's face recognizer: ``model_dir`` (this run's --model-dir), else the settings' model."""
    from recognition import FaceRecognizer

    return FaceRecognizer.load(model_dir or settings.model_path, min_face_size=settings.min_face_size)


def warm_up(recognizer) -> None:
    """Trace the embedding network and the detector's first stage before the camera starts."""
    import numpy as np

    size = recognizer.spec.input_size
    recognizer.embed_chips(np.zeros((1, size, size, 3), np.uint8))
    recognizer.detect(np.zeros((480, 640, 3), np.uint8))


def open_face_cache(settings, spec):
    """This desk's cache of the face store for its model (one file per model in the pictures folder);
    the gallery of a desk from before the face store is left for ``python main.py import-faces``."""
    from backend.face_sync import cache_path
    from recognition.gallery import Gallery

    path, legacy = cache_path(settings.pictures_dir, spec.fingerprint), settings.legacy_gallery_file
    if not path.exists() and legacy.exists():
        log.warning("%s holds faces enrolled at this desk before the shared face store; move them into "
                    "the database once with: python main.py import-faces", legacy)
    return Gallery.open(path, spec.fingerprint, spec.name)


def stream_policy(settings):
    """The stream's operating point as the settings ask (the shares of strangers and of wrong numbers) and
    its liveness mode."""
    from recognition.stream import StreamPolicy

    return StreamPolicy(false_checkin_rate=settings.false_checkin_rate,
                        claim_false_accept_rate=settings.claim_false_accept_rate, liveness=settings.liveness)


def camera_source(settings, override=None) -> str:
    """The source to open: this run's --source, else the settings' camera."""
    return str(override) if override is not None else settings.camera


def face_context(args):
    """The face store's commands' context (desk.face_commands) from their --data-dir / --config."""
    from desk import face_commands
    from desk.models import load_face_model_tools

    settings = load_settings(args.data_dir, args.config)

    def read_gallery(path):
        from recognition.gallery import Gallery

        gallery = Gallery.open(path)
        return gallery.fingerprint, {key: gallery.embeddings_of(key) for key in gallery.ids}

    def read_pictures(folder):
        from recognition.photos import pictures_by_person

        return pictures_by_person(folder)

    def load_model(model_dir):
        return load_face_model_tools(model_dir or settings.model_path)

    return face_commands.Context(settings.database_url, settings.effective_db_password, settings.desk,
                                 settings.pictures_dir, settings.legacy_gallery_file, settings.outbox_file,
                                 load_model, read_pictures, read_gallery)


def face_command(argv) -> int:
    """``python main.py faces-status | reembed | import-faces``."""
    from desk import face_commands

    return face_commands.run(argv, face_context)


class Desk:
    """What the screens share, given to each of them instead of the main window: the settings (replaced as a
    whole when Settings applies new ones), the recognizer and its gallery (this desk's face cache), the face
    sync that keeps it in step with the store, how to open the database, and the model tools of another
    model (Settings' model switch; None: not offered)."""

    def __init__(self, settings, recognizer, gallery, open_backend=None, model_tools=None):
        from backend.face_store import FaceModel
        from backend.face_sync import FaceSync

        self.settings = settings
        self.recognizer = recognizer
        self.gallery = gallery                   # shared by the recognition and database threads
        if open_backend is None:
            from backend import open_backend
            open_backend = functools.partial(open_backend, outbox_path=settings.outbox_file)
        self._open_backend = open_backend
        self.model_tools = model_tools
        # the gallery is this desk's cache of the face store; FaceSync keeps it in step
        self.face_sync = FaceSync(gallery, FaceModel(recognizer.spec.fingerprint, recognizer.spec.name))

    def backend_factory(self):
        """Opens the database of the settings as they are now (a reopen after Settings asks again)."""
        opener, url, password = self._open_backend, self.settings.database_url, self.settings.effective_db_password
        return lambda: opener(url, password=password)

    def open_backend(self, outbox_path):
        """A connection of its own to the desk's database (the model switch's migration)."""
        return self._open_backend(self.settings.database_url, password=self.settings.effective_db_password,
                                  outbox_path=outbox_path)

    def current_settings(self):
        """The settings as they are now (for parts that read them when they need them: reports, leave)."""
        return self.settings

    def policy(self):
        return stream_policy(self.settings)

    @property
    def model_dir(self) -> str:
        """The folder of the model this run loaded (what ``python main.py reembed --model-dir`` is told)."""
        return str(self.recognizer.model_path)
