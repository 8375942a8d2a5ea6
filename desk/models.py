"""The face model as the face store's commands and the Settings' model switch use it: its tools (embed stored
crops, read a photo's largest face) and where it stands in the store (ModelState). No Qt."""
from __future__ import annotations

import dataclasses

from backend.face_migration import AnalysePhoto, EmbedImages
from backend.face_store import Coverage, FaceModel, ModelCoverage

REEMBED_COMMAND = "python main.py reembed --model-dir {model_dir}"
IMPORT_COMMAND = "python main.py import-faces"


@dataclasses.dataclass(frozen=True)
class ModelState:
    """Where the desk's model stands in the store (Settings shows ``message``)."""
    model: FaceModel
    samples: int                         # samples in the store
    embedded: int                        # of which have an embedding for the desk's model
    failed: int                          # of which the model could not embed (reported)
    others: tuple[ModelCoverage, ...]    # other models with embeddings, most complete first

    @property
    def missing(self) -> int:
        return max(0, self.samples - self.embedded - self.failed)

    @property
    def complete(self) -> bool:
        return self.missing == 0

    def message(self, model_dir: str = "<this desk's model directory>") -> str:
        me = self.model.label
        if self.samples == 0:
            return (f"Model {me}. The face store has no samples yet: enroll people, or move a desk's "
                    f"photos into it with: {IMPORT_COMMAND}")
        failed = f"; {self.failed} could not be embedded (see the reembed report)" if self.failed else ""
        if self.complete:
            return f"Model {me}: all {self.samples} face samples embedded{failed}."
        command = REEMBED_COMMAND.format(model_dir=model_dir)
        best = self.others[0] if self.others else None
        if best is not None and best.embedded > self.embedded:
            return (f"This desk's model {me} has embeddings for {self.embedded} of the {self.samples} "
                    f"face samples; the store's faces are embedded with model "
                    f"{FaceModel(best.fingerprint, best.name).label} ({best.embedded}). Only people with "
                    f"embeddings for {me} are recognized here. Migrate the store with: {command}")
        return (f"Model {me}: {self.embedded} of {self.samples} face samples embedded, {self.missing} "
                f"still to do{failed}. Run: {command}")


def model_state(coverage: Coverage, model: FaceModel) -> ModelState:
    mine = coverage.of(model.fingerprint)
    others = sorted((m for fp, m in coverage.models.items() if fp != model.fingerprint and m.embedded),
                    key=lambda m: -m.embedded)
    return ModelState(model, coverage.samples, mine.embedded if mine else 0, mine.failed if mine else 0,
                      tuple(others))


@dataclasses.dataclass
class ModelTools:
    model: FaceModel
    model_dir: str
    embed_images: EmbedImages           # stored crops (+ their landmarks) -> embeddings
    analyse: AnalysePhoto               # a photo -> its largest face




def migrate(model_dir, load_tools, open_backend, on_batch=None):
    """Re-embed the face store's samples for the model in ``model_dir`` (Settings' model switch; what
    ``python main.py reembed`` does) on a connection of its own, whose outbox is a temporary one (never the
    desk's); returns backend.face_migration's report. ``load_tools(model_dir)`` -> ModelTools,
    ``open_backend(outbox_path)`` opens the desk's database, ``on_batch(done, total)`` follows the work."""
    import shutil
    import tempfile
    from pathlib import Path

    from backend.face_migration import reembed

    tools = load_tools(model_dir)
    folder = Path(tempfile.mkdtemp(prefix="face-migration-"))
    backend = open_backend(folder / "outbox.db")
    try:
        return reembed(backend, tools.model, tools.embed_images, progress=False, on_batch=on_batch)
    finally:
        backend.close()
        shutil.rmtree(folder, ignore_errors=True)


def face_model_tools(recognizer) -> ModelTools:
    """The model-side functions the face store's commands are given: embed stored crops, read photos."""
    from recognition import photos, samples
    from recognition.imageio import ImageReadError, read_image

    def analyse(path):
        try:
            image = read_image(path)
        except ImageReadError:
            return "not a readable picture"
        face = photos.largest_face(recognizer, image)
        if face is None:
            return "no face found"
        sample = samples.photo_sample(recognizer, image, face.box, face.landmarks, face.score, face.chip)
        return sample, face.embedding

    def embed_stored(images, landmarks=None):
        decoded = [samples.decode_image(data) for data in images]
        readable = [i for i, image in enumerate(decoded) if image is not None]
        points = landmarks or [None] * len(images)
        vectors = photos.embed_crops(recognizer, [decoded[i] for i in readable], [points[i] for i in readable])
        out = ["the stored image is not a readable picture"] * len(images)
        for i, vector in zip(readable, vectors):
            out[i] = "no face found in the stored image" if vector is None else vector
        return out

    return ModelTools(FaceModel(recognizer.spec.fingerprint, recognizer.spec.name), str(recognizer.model_path),
                      embed_stored, analyse)


def load_face_model_tools(model_dir) -> ModelTools:
    """The face store's tools for the model in ``model_dir`` (None: the default), as for enrolment photos."""
    from recognition import FaceRecognizer
    from recognition.photos import PHOTO_MIN_FACE_SIZE

    return face_model_tools(FaceRecognizer.load(model_dir, min_face_size=PHOTO_MIN_FACE_SIZE))
