"""Align a face dataset: one folder per person in, one folder per person of aligned chips out.

    python -m recognition.align.align_dataset IN_DIR OUT_DIR --image-size 182 --margin 44

Each image goes through MTCNN; the face nearest the image centre is warped by a
similarity transform onto a 5-point template and written as
``OUT_DIR/<person>/<stem>.png``. The template is FaceNet's crop convention
(``--image-size`` / ``--margin``, see
:func:`recognition.models.inception_resnet_v1.facenet_template`) or a model's own
(``--model-dir``, optionally with ``--pad`` pixels of border for random crops).

Images without a face, unreadable files and non-images are listed in
``OUT_DIR/align_report.tsv`` (path, reason) and skipped. A second run skips the
chips already written and the files already reported (``--retry-failed`` tries
those again), so an interrupted run can be resumed. ``OUT_DIR/alignment.json``
records the convention (size, template) for the trainer. Work is spread over
``--workers`` processes (default: one per CPU core).
"""
from __future__ import annotations

import concurrent.futures
import dataclasses
import json
import logging
import multiprocessing
import os
import sys
from pathlib import Path

import numpy as np
from tqdm import tqdm

from recognition import cli

log = logging.getLogger(__name__)

REPORT_FILE = "align_report.tsv"
ALIGNMENT_FILE = "alignment.json"


class AlignmentMismatch(ValueError):
    """OUT_DIR holds chips aligned with other settings."""


@dataclasses.dataclass
class Summary:
    aligned: int = 0
    already_done: int = 0
    no_face: int = 0
    unreadable: int = 0
    previously_failed: int = 0

    @property
    def failed(self) -> int:
        return self.no_face + self.unreadable


def alignment_settings(image_size: int = 182, margin: float = 44, model_dir=None, pad: int = 0) -> dict:
    """The convention written to alignment.json: chip size and template (MTCNN order, pixels)."""
    if model_dir is not None:
        from recognition.models.model_dir import read_spec

        spec = read_spec(model_dir)
        template = np.asarray(spec.landmark_template, np.float64) + pad
        return {"image_size": spec.input_size + 2 * pad, "template": template.round(3).tolist(),
                "template_weights": spec.landmark_weights,
                "convention": f"model:{spec.name}", "pad": pad, "margin": None}
    from recognition.models.inception_resnet_v1 import facenet_template

    if image_size < 16:
        raise ValueError(f"--image-size must be at least 16 px, got {image_size}")
    return {"image_size": int(image_size), "template": facenet_template(image_size, margin).round(3).tolist(),
            "convention": "facenet", "margin": margin, "pad": 0}


def read_alignment(data_dir) -> dict | None:
    path = Path(data_dir) / ALIGNMENT_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def nearest_to_centre(detections, shape):
    centre = np.array([shape[1], shape[0]], np.float64) / 2
    return min(detections, key=lambda d: (
        np.hypot((d.box[0] + d.box[2]) / 2 - centre[0], (d.box[1] + d.box[3]) / 2 - centre[1]), -d.size))


def list_tasks(in_dir: Path) -> list[tuple[str, str]]:
    """(source, relative output) for every file in a person folder, sorted."""
    tasks = []
    for person in sorted(p for p in in_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = sorted(f for f in person.iterdir() if f.is_file() and not f.name.startswith("."))
        stems = [f.stem for f in files]
        for f in files:
            name = f.stem if stems.count(f.stem) == 1 else f.name.replace(".", "_")
            tasks.append((str(f), f"{person.name}/{name}.png"))
    return tasks


# --- worker side ---------------------------------------------------------------------
_worker = {}


def _init_worker(min_face_size: int, settings: dict, out_dir: str, single_thread: bool):
    if single_thread:
        import tensorflow as tf

        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    from recognition.align.detector import FaceDetector

    _worker.update(detector=FaceDetector(min_face_size=min_face_size), out_dir=Path(out_dir),
                   template=np.asarray(settings["template"], np.float32), size=int(settings["image_size"]),
                   weights=settings.get("template_weights"))


def _align_one(task) -> tuple[str, str, str]:
    """-> (source, status, detail); status is "aligned", "no_face" or "unreadable"."""
    from recognition.align.warp import align_face
    from recognition.imageio import ImageReadError, read_image, write_image

    source, relative = task
    try:
        image = read_image(source)
    except ImageReadError as exc:
        return source, "unreadable", str(exc).replace(source + ": ", "")
    detections = _worker["detector"].detect(image)
    if not detections:
        return source, "no_face", "MTCNN found no face"
    face = nearest_to_centre(detections, image.shape)
    chip = align_face(image, face.landmarks, _worker["template"], _worker["size"], _worker["weights"])
    target = _worker["out_dir"] / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(".tmp-" + target.name)
    write_image(tmp, chip)
    os.replace(tmp, target)
    return source, "aligned", f"{len(detections)} face(s), score {face.score:.3f}"


# --- driver --------------------------------------------------------------------------
def _read_report(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return {line.split("\t", 1)[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def align_dataset(in_dir, out_dir, *, image_size: int = 182, margin: float = 44, model_dir=None, pad: int = 0,
                  min_face_size: int = 20, workers: int | None = None, retry_failed: bool = False,
                  progress: bool = True) -> Summary:
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    if not in_dir.is_dir():
        raise FileNotFoundError(f"{in_dir}: no such directory")
    settings = alignment_settings(image_size, margin, model_dir, pad)
    previous = read_alignment(out_dir)
    if previous is not None and (previous["image_size"] != settings["image_size"] or
                                 not np.allclose(previous["template"], settings["template"], atol=1e-3) or
                                 previous.get("template_weights") != settings.get("template_weights")):
        raise AlignmentMismatch(f"{out_dir} holds chips aligned with other settings ({previous['convention']}, "
                                f"{previous['image_size']} px); use another output directory")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / ALIGNMENT_FILE).write_text(json.dumps({**settings, "detector": {
        "min_face_size": min_face_size, "choice": "nearest the image centre"}}, indent=2), encoding="utf-8")

    report_path = out_dir / REPORT_FILE
    reported = set() if retry_failed else _read_report(report_path)
    if retry_failed and report_path.exists():
        report_path.unlink()
    summary = Summary()
    todo = []
    for source, relative in list_tasks(in_dir):
        key = str(Path(source).relative_to(in_dir))
        if (out_dir / relative).is_file():
            summary.already_done += 1
        elif key in reported:
            summary.previously_failed += 1
        else:
            todo.append((source, relative))
    log.info("%d images to align, %d already done, %d failed before", len(todo), summary.already_done,
             summary.previously_failed)
    if not todo:
        return summary

    workers = max(1, min(workers or len(os.sched_getaffinity(0)), len(todo)))
    init_args = (min_face_size, settings, str(out_dir), workers > 1)
    with open(report_path, "a", encoding="utf-8") as report, \
            tqdm(total=len(todo), desc="align", unit="img", disable=not progress) as bar:
        def record(result):
            source, status, detail = result
            if status == "aligned":
                summary.aligned += 1
            else:
                setattr(summary, status, getattr(summary, status) + 1)
                report.write(f"{Path(source).relative_to(in_dir)}\t{status}: {detail}\n")
                report.flush()
            bar.update()

        if workers == 1:
            _init_worker(*init_args[:3], False)
            for task in todo:
                record(_align_one(task))
        else:
            context = multiprocessing.get_context("spawn")   # TensorFlow does not survive fork
            with concurrent.futures.ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                                                        initargs=init_args) as pool:
                for result in pool.map(_align_one, todo, chunksize=max(1, min(16, len(todo) // (4 * workers)))):
                    record(result)
    return summary


def main(argv=None) -> int:
    parser = cli.argument_parser(__doc__)
    parser.add_argument("in_dir", help="input: one folder of images per person")
    parser.add_argument("out_dir", help="output: one folder of aligned PNG chips per person")
    parser.add_argument("--image-size", type=int, default=182, help="chip side in pixels (default 182)")
    parser.add_argument("--margin", type=float, default=44,
                        help="FaceNet margin in chip pixels around the face box (default 44)")
    parser.add_argument("--model-dir", help="use this model's template and input size instead of FaceNet's")
    parser.add_argument("--pad", type=int, default=0,
                        help="with --model-dir: border added around the model's chip (for random crops)")
    parser.add_argument("--min-face-size", type=int, default=20, help="MTCNN minimum face size in px (default 20)")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: one per CPU core)")
    parser.add_argument("--retry-failed", action="store_true", help="try the files in the report again")
    parser.add_argument("--json", help="write the counts (aligned, already done, no face, ...) to this JSON file")
    return cli.run(_main, parser.parse_args(argv))


def _main(args) -> int:
    with cli.user_errors(AlignmentMismatch, ValueError):
        summary = align_dataset(args.in_dir, args.out_dir, image_size=args.image_size, margin=args.margin,
                                model_dir=args.model_dir, pad=args.pad, min_face_size=args.min_face_size,
                                workers=args.workers, retry_failed=args.retry_failed)
    print(f"aligned {summary.aligned}, already done {summary.already_done}, no face {summary.no_face}, "
          f"unreadable {summary.unreadable}, failed before {summary.previously_failed} "
          f"(report: {Path(args.out_dir) / REPORT_FILE})")
    if args.json:
        Path(args.json).write_text(json.dumps(dataclasses.asdict(summary), indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
