"""Import a model released by davidsandberg/facenet into our Keras Inception-ResNet-v1.

    python -m recognition.models.import_facenet CHECKPOINT_DIR_OR_PB OUT_MODEL_DIR

The source is a facenet model directory (e.g. ``20180402-114759/`` with
``model-*.ckpt-*.index/.data-*`` and ``*.meta``, and/or the frozen
``20180402-114759.pb``), a checkpoint prefix, or a frozen ``.pb`` file. Weights
are copied by variable name (``InceptionResnetV1/...``; see
``inception_resnet_v1.facenet_variable_names``); the Bottleneck's size gives the
embedding size. Variables outside the network (``Logits``, ``centers``,
optimizer slots) are ignored. Every network weight must be found with the right
shape, or the import fails without writing anything.

FaceNet models differ in their input normalisation: those of 2018 were trained
with fixed standardisation ``(x - 127.5) / 128``, older ones (2017) with
per-image prewhitening. Known releases are recognised by name; for any other
model pass ``--normalisation``. The model JSON records it, with FaceNet's chip
convention (``--image-size 160 --margin 32``, facenet's LFW setting) as the
alignment template. The threshold written is a placeholder until
``python -m recognition.run.evaluate --model-dir OUT --calibrate`` measures one.
"""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import numpy as np

from recognition import cli
from recognition.models import model_dir as model_dirs

log = logging.getLogger(__name__)

#: facenet's released models and the normalisation they were trained with.
KNOWN_RELEASES = {
    "20180402-114759": "fixed_standardization",   # VGGFace2, 512-d
    "20180408-102900": "fixed_standardization",   # CASIA-WebFace, 512-d
    "20170512-110547": "prewhiten",               # MS-Celeb-1M, 128-d
    "20170511-185253": "prewhiten",               # CASIA-WebFace, 128-d
}
SCOPE = "InceptionResnetV1/"
#: Placeholder threshold (Euclidean, unit vectors) until the evaluate CLI calibrates one.
DEFAULT_THRESHOLD = 1.1


class FacenetImportError(RuntimeError):
    """The source is not a facenet Inception-ResNet-v1 model we can import."""


def _read_checkpoint(prefix: str) -> dict[str, np.ndarray]:
    import tensorflow as tf

    reader = tf.train.load_checkpoint(prefix)
    return {name: reader.get_tensor(name) for name in reader.get_variable_to_shape_map()}


def _read_frozen_graph(path: Path) -> dict[str, np.ndarray]:
    """Constants of a frozen GraphDef (freezing turns each variable into a Const of its name)."""
    import tensorflow as tf

    graph_def = tf.compat.v1.GraphDef()
    try:
        graph_def.ParseFromString(path.read_bytes())
    except Exception as exc:  # protobuf's DecodeError and friends
        raise FacenetImportError(f"{path}: not a TensorFlow GraphDef ({exc})") from exc
    return {node.name: tf.make_ndarray(node.attr["value"].tensor)
            for node in graph_def.node if node.op == "Const" and node.name.startswith(SCOPE)}


def find_source(source: str | Path) -> tuple[str, str]:
    """``(kind, path)``: ``("checkpoint", prefix)`` or ``("frozen", pb_path)``.

    In a directory holding both (as facenet's downloads do) the checkpoint wins:
    it holds the variables themselves.
    """
    source = Path(source)
    if source.is_file() and source.suffix == ".pb":
        return "frozen", str(source)
    if source.is_dir():
        indexes = sorted(source.glob("*.index"))
        if indexes:
            def step(p):
                match = re.search(r"-(\d+)\.index$", p.name)
                return int(match.group(1)) if match else -1
            return "checkpoint", str(max(indexes, key=step).with_suffix(""))
        pbs = sorted(source.glob("*.pb"))
        if len(pbs) == 1:
            return "frozen", str(pbs[0])
        if len(pbs) > 1:
            raise FacenetImportError(f"{source}: several .pb files ({', '.join(p.name for p in pbs)}); "
                                     "pass the one to import")
        raise FacenetImportError(f"{source}: no checkpoint (*.index) and no frozen graph (*.pb) in it")
    if Path(str(source) + ".index").is_file():
        return "checkpoint", str(source)
    raise FacenetImportError(f"{source}: not a facenet model directory, checkpoint prefix or .pb file")


def read_variables(source: str | Path) -> dict[str, np.ndarray]:
    kind, path = find_source(source)
    variables = _read_checkpoint(path) if kind == "checkpoint" else _read_frozen_graph(Path(path))
    log.info("read %d tensors from the %s %s", len(variables), kind, path)
    return variables


def guess_normalisation(source: str | Path) -> str | None:
    for part in Path(source).resolve().parts[::-1]:
        for release, normalisation in KNOWN_RELEASES.items():
            if release in part:
                return normalisation
    return None


def _repeats(variables) -> tuple[int, int, int]:
    counts = []
    for scope, block in (("Repeat", "block35"), ("Repeat_1", "block17"), ("Repeat_2", "block8")):
        found = {int(m.group(1)) for name in variables
                 if (m := re.match(rf"{SCOPE}{scope}/{block}_(\d+)/", name))}
        counts.append(max(found) if found else 0)
    return tuple(counts)


def import_facenet(source, out_dir, *, normalisation: str | None = None, image_size: int = 160,
                   margin: float = 32, name: str | None = None, use_moving_averages: bool = False):
    """Convert ``source`` into a model directory at ``out_dir``; returns the saved ModelSpec."""
    from recognition.models import inception_resnet_v1 as irv1

    normalisation = normalisation or guess_normalisation(source)
    if normalisation is None:
        raise FacenetImportError(
            f"{source}: unknown facenet release; pass --normalisation fixed_standardization "
            "(models trained with --use_fixed_image_standardization, 2018) or prewhiten (2017)")
    if normalisation not in ("fixed_standardization", "prewhiten"):
        raise FacenetImportError(f"facenet models use fixed_standardization or prewhiten, not {normalisation!r}")
    variables = read_variables(source)
    bottleneck = variables.get(SCOPE + "Bottleneck/weights")
    if bottleneck is None:
        raise FacenetImportError(f"{source}: no {SCOPE}Bottleneck/weights; not a facenet "
                                 "Inception-ResNet-v1 model")
    repeats = _repeats(variables)
    network = irv1.inception_resnet_v1(image_size, int(bottleneck.shape[-1]), repeats=repeats)
    mapping = irv1.facenet_variable_names(network)

    missing = [v for v in mapping if v not in variables]
    if missing:
        raise FacenetImportError(f"{source}: {len(missing)} network variables are missing, e.g. {missing[:3]}")
    unexpected = sorted(v for v in variables if v.startswith(SCOPE) and v not in mapping
                        and re.search(r"/(weights|biases|beta|gamma|moving_mean|moving_variance)$", v))
    if unexpected:
        raise FacenetImportError(f"{source}: {len(unexpected)} variables of the network have no place in "
                                 f"ours (a different architecture?), e.g. {unexpected[:3]}")
    for variable, (layer_name, index) in mapping.items():
        value = variables[variable]
        if use_moving_averages and variable + "/ExponentialMovingAverage" in variables:
            value = variables[variable + "/ExponentialMovingAverage"]
        weight = network.get_layer(layer_name).weights[index]
        if tuple(weight.shape) != value.shape:
            raise FacenetImportError(f"{variable}: shape {value.shape} in the source, "
                                     f"{tuple(weight.shape)} in our network ({weight.path})")
        weight.assign(np.asarray(value, np.float32))
    ignored = sorted(v for v in variables if v not in mapping)
    log.info("imported %d variables; ignored %d others (e.g. %s)", len(mapping), len(ignored), ignored[:3])

    release = next((r for r in KNOWN_RELEASES if r in str(Path(source).resolve())), None)
    spec = model_dirs.ModelSpec(
        name=name or f"facenet-{release or Path(source).stem}",
        architecture=irv1.ARCHITECTURE,
        input_size=image_size,
        embedding_size=int(bottleneck.shape[-1]),
        normalisation=normalisation,
        landmark_template=irv1.facenet_template(image_size, margin).round(3).tolist(),
        threshold=DEFAULT_THRESHOLD,
        architecture_params={"repeats": list(repeats)},
        evaluation={"calibrated": False, "source": str(source),
                    "note": "threshold is a placeholder; run recognition.run.evaluate --calibrate"},
    )
    return model_dirs.save(out_dir, spec, network)


def main(argv=None) -> int:
    parser = cli.argument_parser(__doc__)
    parser.add_argument("source", help="facenet model directory, checkpoint prefix or frozen .pb")
    parser.add_argument("out_dir", help="model directory to write")
    parser.add_argument("--normalisation", choices=("fixed_standardization", "prewhiten"),
                        help="input normalisation the model was trained with (default: by release name)")
    parser.add_argument("--image-size", type=int, default=160, help="chip size (default 160, facenet's)")
    parser.add_argument("--margin", type=float, default=32,
                        help="margin of FaceNet's crop convention in chip pixels (default 32)")
    parser.add_argument("--name", help="model name in model.json (default facenet-<release>)")
    parser.add_argument("--use-moving-averages", action="store_true",
                        help="take the ExponentialMovingAverage shadow variables where the checkpoint has them")
    return cli.run(_main, parser.parse_args(argv))


def _main(args) -> int:
    with cli.user_errors(FacenetImportError):
        spec = import_facenet(args.source, args.out_dir, normalisation=args.normalisation,
                              image_size=args.image_size, margin=args.margin, name=args.name,
                              use_moving_averages=args.use_moving_averages)
    print(f"wrote {spec.name} ({spec.embedding_size}-d, {spec.normalisation}) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
