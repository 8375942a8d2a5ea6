"""The face store's commands, run as ``python main.py <command>`` (main.py supplies the model):

    python main.py faces-status [--model-dir DIR]      # samples, and how far each model covers them
    python main.py reembed --model-dir DIR             # embed every stored sample with that model
    python main.py import-faces [--pictures-dir DIR]   # a desk's photos + embeddings.h5 -> the store

Each takes ``--db-url`` (default: the desk's configured database; password from FACE_DB_PASSWORD)
and ``--json PATH`` for the report. Thin shells over backend.face_migration; the model comes from desk.models, the settings from
desk.wiring.face_context.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from pathlib import Path
from typing import Callable

from backend.errors import BackendError
from backend.face_migration import REEMBED_BATCH, import_faces, reembed
from backend.face_store import FaceModel
from desk.models import ModelTools, model_state

COMMANDS = ("faces-status", "reembed", "import-faces")


@dataclasses.dataclass
class Context:
    """What the commands are given: the desk's settings and how to load a model (desk.wiring.face_context)."""
    db_url: str
    password: str | None
    desk: str
    pictures_dir: Path
    legacy_gallery: Path                 # a pre-store desk's embeddings.h5
    outbox_file: Path                    # the desk's outbox (a MySQL store's check-ins while it is away)
    load_model: Callable[[str | None], ModelTools]
    read_pictures: Callable[[Path], dict]            # pictures folder -> {person number: [files]}
    read_gallery: Callable[[Path], tuple[str, dict]]  # gallery file -> (fingerprint, {key: embeddings})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", help="the desk's data folder (default: as main.py: $FACE_DATA_DIR, "
                                           "else data/ beside main.py)")
    common.add_argument("--config", help="desk settings (default: DATA_DIR/config.toml)")
    common.add_argument("--db-url", help="database URL (default: the desk's configured one)")
    common.add_argument("--json", help="write the report to this JSON file")
    status = sub.add_parser("faces-status", parents=[common], help="samples in the store and each "
                                                                   "model's coverage")
    status.add_argument("--model-dir", help="also say where this model stands (default: none)")
    re = sub.add_parser("reembed", parents=[common], help="embed every stored sample with a model "
                                                          "(resumable)")
    re.add_argument("--model-dir", required=False, help="the model directory (default: the default "
                                                        "model)")
    re.add_argument("--batch", type=int, default=REEMBED_BATCH, help="samples per committed batch "
                                                                     "(default: %(default)s)")
    re.add_argument("--retry-failed", action="store_true", help="try again the samples this model "
                                                                "failed on before")
    re.add_argument("--redetect", action="store_true", help="find the faces in the stored crops again "
                                                            "instead of using their stored landmarks")
    imp = sub.add_parser("import-faces", parents=[common], help="move this desk's photos and "
                                                                "embeddings.h5 into the store")
    imp.add_argument("--pictures-dir", help="folder of person folders (default: beside the gallery)")
    imp.add_argument("--gallery", help="the desk's gallery file (default: the configured one)")
    imp.add_argument("--model-dir", help="model directory (default: the default model)")
    imp.add_argument("--create-missing", action="store_true",
                     help="create people the database does not have (number and name = the folder name)")
    return parser


def run(argv, make_context: Callable[[argparse.Namespace], Context]) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    context = make_context(args)
    from backend import open_backend

    try:
        backend = open_backend(args.db_url or context.db_url, password=context.password,
                               outbox_path=context.outbox_file)
    except BackendError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if not backend.status().online:
            print(f"error: {backend.status().message}", file=sys.stderr)
            return 2
        if args.command == "faces-status":
            return _status(backend, args, context)
        if args.command == "reembed":
            return _reembed(backend, args, context)
        return _import(backend, args, context)
    except BackendError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        backend.close()


def _write_json(path, data) -> None:
    if path:
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")


def _status(backend, args, context: Context) -> int:
    coverage = backend.faces.coverage()
    print(f"{coverage.samples} face samples ({coverage.with_image} with a photo)")
    for m in sorted(coverage.models.values(), key=lambda m: -m.embedded):
        print(f"  model {FaceModel(m.fingerprint, m.name).label}: {m.embedded} embedded, {m.failed} failed, "
              f"{coverage.missing(m.fingerprint)} to do")
    data = {"samples": coverage.samples, "with_image": coverage.with_image,
            "models": [dataclasses.asdict(m) for m in coverage.models.values()]}
    if args.model_dir:
        tools = context.load_model(args.model_dir)
        state = model_state(coverage, tools.model)
        print(state.message(tools.model_dir))
        data["model_state"] = {"fingerprint": tools.model.fingerprint, "complete": state.complete,
                               "message": state.message(tools.model_dir)}
    _write_json(args.json, data)
    return 0


def _reembed(backend, args, context: Context) -> int:
    tools = context.load_model(args.model_dir)
    report = reembed(backend, tools.model, tools.embed_images, batch_size=args.batch,
                     retry_failed=args.retry_failed, redetect=args.redetect)
    for sample_id, person_id, reason in report.failed:
        print(f"skipped sample {sample_id} (person {person_id}): {reason}")
    print(f"{report.embedded} samples embedded with {report.model}, {len(report.failed)} skipped, "
          f"{report.remaining} remaining ({report.samples_per_second:.1f} samples/s)")
    state = model_state(backend.faces.coverage(), tools.model) if not report.interrupted else None
    if report.interrupted:
        print(f"interrupted: {report.interrupted}\nRun the same command again to continue.", file=sys.stderr)
    elif state.complete:
        print(f"Every sample is covered: desks can switch to {tools.model.label} "
              f"(model_dir = {tools.model_dir!r} in their settings).")
    data = dataclasses.asdict(report) | {"samples_per_second": report.samples_per_second}
    _write_json(args.json, data)
    return 1 if report.interrupted else 0


def _import(backend, args, context: Context) -> int:
    tools = context.load_model(args.model_dir)
    pictures = Path(args.pictures_dir) if args.pictures_dir else context.pictures_dir
    gallery = Path(args.gallery) if args.gallery else context.legacy_gallery
    photos = context.read_pictures(pictures) if pictures.is_dir() else {}
    legacy: dict = {}
    if gallery.exists():
        fingerprint, legacy = context.read_gallery(gallery)
        if fingerprint and fingerprint != tools.model.fingerprint:
            print(f"{gallery} was embedded with another model ({fingerprint[:12]}); its embeddings are "
                  "not imported, the photos are embedded again")
            legacy = {}
    if not photos and not legacy:
        print(f"nothing to import: no photos in {pictures} and no gallery at {gallery}")
        return 0
    report = import_faces(backend, tools.model, photos, legacy, tools.analyse, desk=context.desk,
                          create_missing=args.create_missing)
    for path, why in report.problems:
        print(f"skipped {path}: {why}")
    if report.unknown:
        print(f"not in the database (skipped; --create-missing adds them): {', '.join(report.unknown)}")
    if report.already:
        print(f"already in the store (skipped): {', '.join(report.already)}")
    print(f"imported {len(report.people)} people ({len(report.created)} new), {report.samples} samples: "
          f"{report.kept_embeddings} embeddings kept from {gallery.name}, {report.new_embeddings} embedded "
          f"again, {report.without_photo} kept without a photo")
    _write_json(args.json, dataclasses.asdict(report))
    return 0
