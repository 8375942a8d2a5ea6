"""dlib's face-recognition ResNet (``dlib_face_recognition_resnet_model_v1.dat``) in Keras 3.

The weights come from the PyPI package ``face-recognition-models`` (Davis King,
public domain): the network ``anet_type`` of dlib's
``examples/dnn_face_recognition_ex.cpp`` maps a 150x150 RGB chip to a 128-d
descriptor (99.38% on LFW with dlib's own alignment).

* :func:`read_dat` parses dlib's binary serialisation with numpy alone and checks
  every layer's kind, version and shape against the hard-coded topology
  (:data:`TOPOLOGY`); a wrong or truncated file raises :class:`DlibModelError`.
* :func:`build` makes the equivalent Keras network (affine layers folded into the
  convolutions; dlib's padding and its zero-padded ``add_prev`` reproduced).
* :func:`convert` writes a model directory (:mod:`recognition.models.model_dir`);
  :func:`ensure_default_model` does it once, on first use.

The file format is described in ``shared/docs/dlib-resnet-format.md``.
"""
from __future__ import annotations

import dataclasses
import logging
import math
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

import keras
from keras import layers

from recognition.models import model_dir as model_dirs

log = logging.getLogger(__name__)

ARCHITECTURE = "dlib_resnet"
MODEL_NAME = "dlib_resnet_v1"
INPUT_SIZE = 150
EMBEDDING_SIZE = 128
#: Threshold on L2-normalised (flip-averaged) embeddings, calibrated on LFW View 2 by
#:     python -m recognition.run.evaluate --lfw-dir ../shared/data/lfw/images \
#:         --pairs ../shared/data/lfw/pairs.txt --json bench/results/lfw_ours.json --calibrate
#: (the accuracy-maximising threshold over all 6,000 pairs), with the figures below.
CALIBRATED_THRESHOLD = 0.4153
LFW_EVALUATION = {
    "calibrated": True, "protocol": "LFW View 2 (pairs.txt), 10-fold, raw deep-funneled images",
    "pipeline": "MTCNN (min face 20) + DLIB_MTCNN_TEMPLATE similarity alignment + flip average",
    "accuracy": 0.9905, "accuracy_std": 0.0034, "val_at_far_1e-3": 0.9723, "auc": 0.9995,
    "eer": 0.0087, "threshold": 0.4153, "pairs": 6000, "no_face": 0,
}
#: The prior of the desk's operating point (recognition.stream.operating_point): the lower tail of
#: the distance between a face and the templates of the 5 other people nearest to it, over the
#: shared CelebA (the first 3 photos with a face of each identity: 241 of the 249; not LFW), as a
#: normal fitted to its 1 % and 10 % quantiles. It stands for a desk whose people all look alike, until the desk has enough people
#: of its own to measure. Measured by
#:     python -m recognition.run.evaluate --open-set-prior ../shared/data/celeba --calibrate
OPEN_SET_PRIOR = {"mean": 0.4028, "std": 0.0384, "neighbours": 5,
                  "measured_on": "celeba, 241 identities x 3 photos"}

#: The five MTCNN landmarks (left eye, right eye, nose, mouth left, mouth right;
#: x, y in pixels) in dlib's 150x150 face-chip frame (``get_face_chip(img, shape,
#: 150, padding=0.25)``): per-coordinate median over 1,947 CelebA faces (2,000
#: evenly spaced images of ../shared/data/celeba) of the landmarks found by
#: recognition.align.detector.FaceDetector, mapped into the chip by dlib's own
#: chip transform (HOG detector + 5-point shape predictor). Robust std (1.4826 MAD)
#: in px: eyes 1.4-1.7, nose 5.1/3.7, mouth corners 4.5-5.5 (x/y). Derived by
#:     python -m recognition.models.derive_dlib_template --data-dir ../shared/data/celeba --limit 2000
#: (recognition/models/derive_dlib_template.py).
DLIB_MTCNN_TEMPLATE = [
    [46.27, 43.82],
    [99.38, 43.70],
    [72.52, 77.13],
    [49.34, 100.19],
    [96.39, 100.12],
]


class DlibModelError(ValueError):
    """The file is not dlib's face-recognition ResNet, or it is truncated/corrupt."""


# ---------------------------------------------------------------------------------------
# Topology of anet_type, in forward order (input first).
#
#   block(N, s)  = con(N,3x3,s) affine relu con(N,3x3,1) affine
#   ares(N)      = relu(add_prev1(block(N,1)(tag1(x))))
#   ares_down(N) = relu(add_prev2(avg_pool2x2/2(skip1(tag2(block(N,2)(tag1(x)))))))
#   anet = loss_metric(fc_no_bias(128, avg_pool_everything(alevel0(...alevel4(
#          max_pool3x3/2(relu(affine(con(32,7x7,2)(input_rgb_image_sized<150>)))))))))
# ---------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Op:
    kind: str            # input con affine relu max_pool avg_pool avg_pool_all tag skip add_prev fc
    size: int = 0        # filters / outputs / channels, window, or tag id
    kernel: int = 0
    stride: int = 0


def _block(n: int, stride: int) -> list[Op]:
    return [Op("con", n, 3, stride), Op("affine", n), Op("relu"), Op("con", n, 3, 1), Op("affine", n)]


def _ares(n: int) -> list[Op]:
    return [Op("tag", 1), *_block(n, 1), Op("add_prev", 1), Op("relu")]


def _ares_down(n: int) -> list[Op]:
    return [Op("tag", 1), *_block(n, 2), Op("tag", 2), Op("skip", 1), Op("avg_pool", 0, 2, 2),
            Op("add_prev", 2), Op("relu")]


TOPOLOGY: tuple[Op, ...] = tuple(
    [Op("input", INPUT_SIZE), Op("con", 32, 7, 2), Op("affine", 32), Op("relu"), Op("max_pool", 0, 3, 2)]
    + _ares(32) * 3
    + _ares_down(64) + _ares(64) * 3
    + _ares_down(128) + _ares(128) * 2
    + _ares_down(256) + _ares(256) * 2
    + _ares_down(256)
    + [Op("avg_pool_all"), Op("fc", EMBEDDING_SIZE)]
)

#: the layer-details string dlib writes for each kind (its serialisation version)
_DETAIL_NAMES = {"input": "input_rgb_image_sized", "con": "con_4", "affine": "affine_", "relu": "relu_",
                 "max_pool": "max_pool_2", "avg_pool": "avg_pool_2", "avg_pool_all": "avg_pool_2",
                 "add_prev": "add_prev_", "fc": "fc_2"}


def _padding(kernel: int, stride: int) -> int:
    """dlib's default padding: kernel // 2 for stride 1, none otherwise."""
    return kernel // 2 if stride == 1 else 0


# ---------------------------------------------------------------------------------------
# Reader
# ---------------------------------------------------------------------------------------

class _Stream:
    """dlib's primitive encodings over a bytes buffer (see the format doc)."""

    def __init__(self, data: bytes, name: str):
        self.data = memoryview(data)
        self.pos = 0
        self.name = name

    def error(self, message: str) -> DlibModelError:
        return DlibModelError(f"{self.name}: {message} (at byte {self.pos} of {len(self.data)}); "
                              f"not dlib's face-recognition ResNet v1 or a damaged copy")

    def take(self, n: int) -> memoryview:
        if self.pos + n > len(self.data):
            raise DlibModelError(f"{self.name}: file truncated: needed {n} bytes at byte {self.pos}, "
                                 f"the file has {len(self.data)}; download/reinstall face-recognition-models")
        out = self.data[self.pos:self.pos + n]
        self.pos += n
        return out

    def int(self) -> int:
        control = self.take(1)[0]
        size = control & 0x0F
        if control & 0x70 or size > 8:
            self.pos -= 1
            raise self.error(f"invalid integer control byte 0x{control:02x}")
        value = int.from_bytes(self.take(size), "little")
        return -value if control & 0x80 else value

    def float(self) -> float:
        mantissa, exponent = self.int(), self.int()
        specials = {32000: math.inf, 32001: -math.inf, 32002: math.nan}
        if exponent in specials:
            return specials[exponent]
        return math.ldexp(mantissa, exponent)

    def bool(self) -> bool:
        value = bytes(self.take(1))
        if value not in (b"0", b"1"):
            self.pos -= 1
            raise self.error(f"expected a bool ('0'/'1'), got {value!r}")
        return value == b"1"

    def string(self, limit: int = 256) -> str:
        length = self.int()
        if not 0 <= length <= limit:
            raise self.error(f"implausible string length {length}")
        return bytes(self.take(length)).decode("latin-1")

    def expect(self, what: str, actual, expected):
        if actual != expected:
            raise self.error(f"{what}: expected {expected!r}, found {actual!r}")

    def tensor(self) -> np.ndarray:
        """resizable_tensor: version 2, (n, k, nr, nc), little-endian float32 data."""
        self.expect("tensor version", self.int(), 2)
        shape = tuple(self.int() for _ in range(4))
        if any(d < 0 for d in shape):
            raise self.error(f"negative tensor shape {shape}")
        count = math.prod(shape)
        return np.frombuffer(self.take(4 * count), "<f4").reshape(shape).copy()

    def alias_tensor(self) -> tuple[int, int, int, int]:
        self.expect("alias_tensor version", self.int(), 1)
        return tuple(self.int() for _ in range(4))


@dataclasses.dataclass
class DlibWeights:
    """The parameters of the network, in forward order."""
    mean_rgb: tuple[float, float, float]           # input means (R, G, B), pixel units
    convs: list[tuple[np.ndarray, np.ndarray]]     # (filters (F, K, kh, kw), biases (F,))
    affines: list[tuple[np.ndarray, np.ndarray]]   # (gamma (F,), beta (F,))
    fc: np.ndarray                                 # (num_inputs, num_outputs), no bias

    @property
    def parameter_count(self) -> int:
        tensors = [t for pair in self.convs + self.affines for t in pair] + [self.fc]
        return sum(t.size for t in tensors)


def _read_trailer(s: _Stream, innermost: bool) -> None:
    """add_layer's trailer: 3 bools and the (empty) x_grad, cached_output, params_grad

    (grad_final for the innermost layer, followed by its sample expansion factor).
    """
    for _ in range(3):
        s.bool()
    for _ in range(3):
        s.tensor()
    if innermost:
        s.expect("sample expansion factor", s.int(), 1)


def _read_details(s: _Stream, op: Op, channels: int, weights: DlibWeights) -> None:
    s.expect("layer kind", s.string(), _DETAIL_NAMES[op.kind])
    if op.kind == "input":
        weights.mean_rgb = (s.float(), s.float(), s.float())
        s.expect("input rows", s.int(), op.size)
        s.expect("input columns", s.int(), op.size)
    elif op.kind == "con":
        f, k = op.size, op.kernel
        params = s.tensor()
        s.expect("conv parameter count", params.size, f * channels * k * k + f)
        s.expect("conv num_filters", s.int(), f)
        pad = _padding(k, op.stride)
        s.expect("conv (nr, nc, stride_y, stride_x, padding_y, padding_x)",
                 tuple(s.int() for _ in range(6)), (k, k, op.stride, op.stride, pad, pad))
        s.expect("conv filters shape", s.alias_tensor(), (f, channels, k, k))
        s.expect("conv biases shape", s.alias_tensor(), (1, f, 1, 1))
        for _ in range(4):
            s.float()   # learning-rate / weight-decay multipliers
        flat = params.reshape(-1)
        weights.convs.append((flat[:-f].reshape(f, channels, k, k), flat[-f:].copy()))
    elif op.kind == "affine":
        params = s.tensor()
        s.expect("affine parameter count", params.size, 2 * channels)
        s.expect("affine gamma shape", s.alias_tensor(), (1, channels, 1, 1))
        s.expect("affine beta shape", s.alias_tensor(), (1, channels, 1, 1))
        s.expect("affine mode (0 = per channel)", s.int(), 0)
        flat = params.reshape(-1)
        weights.affines.append((flat[:channels].copy(), flat[channels:].copy()))
    elif op.kind in ("max_pool", "avg_pool", "avg_pool_all"):
        window = (op.kernel, op.kernel, op.stride, op.stride, 0, 0) if op.kind != "avg_pool_all" \
            else (0, 0, 1, 1, 0, 0)
        s.expect(f"{op.kind} (nr, nc, stride_y, stride_x, padding_y, padding_x)",
                 tuple(s.int() for _ in range(6)), window)
    elif op.kind == "fc":
        s.expect("fc num_outputs", s.int(), op.size)
        s.expect("fc num_inputs", s.int(), channels)
        params = s.tensor()
        s.expect("fc parameter count", params.size, channels * op.size)
        s.expect("fc weights shape", s.alias_tensor(), (channels, op.size, 1, 1))
        s.expect("fc biases shape", s.alias_tensor(), (0, 0, 0, 0))
        s.expect("fc bias mode (1 = no bias)", s.int(), 1)
        for _ in range(4):
            s.float()
        weights.fc = params.reshape(channels, op.size).copy()
    # relu, add_prev: nothing but the name


def _channels_after(ops) -> list[int]:
    """Number of channels after each op of the topology (add_prev takes the larger)."""
    channels, tags, out = 3, {}, []
    for op in ops:
        if op.kind in ("con", "fc"):
            channels = op.size
        elif op.kind == "tag":
            tags[op.size] = channels
        elif op.kind == "skip":
            channels = tags[op.size]
        elif op.kind == "add_prev":
            channels = max(channels, tags[op.size])
        out.append(channels)
    return out


def read_dat(path: str | os.PathLike | None = None) -> DlibWeights:
    """Parse ``dlib_face_recognition_resnet_model_v1.dat`` (default: face-recognition-models' copy)."""
    if path is None:
        path = default_dat_path()
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DlibModelError(f"cannot read dlib model {path}: {exc}") from exc
    return parse_dat(data, name=str(path))


def parse_dat(data: bytes, name: str = "<bytes>") -> DlibWeights:
    s = _Stream(data, name)
    s.expect("add_loss_layer version", s.int(), 1)
    s.expect("loss layer", s.string(), "loss_metric_2")
    s.float(), s.float()   # margin, distance threshold
    layers_ = TOPOLOGY[1:]   # the input is written inline by the innermost add_layer
    # versions, outermost first: add_layer 2 (innermost 3), tag/skip layers 1
    for i, op in enumerate(reversed(layers_)):
        expected = 1 if op.kind in ("tag", "skip") else 3 if i == len(layers_) - 1 else 2
        s.expect(f"version of the {op.kind} layer #{len(layers_) - i}", s.int(), expected)
    weights = DlibWeights(mean_rgb=(0.0, 0.0, 0.0), convs=[], affines=[], fc=np.empty((0, 0), np.float32))
    channels_before = [3] + _channels_after(TOPOLOGY)[:-1]
    _read_details(s, TOPOLOGY[0], 3, weights)
    for i, op in enumerate(TOPOLOGY[1:], start=1):
        if op.kind in ("tag", "skip"):
            continue
        _read_details(s, op, channels_before[i], weights)
        _read_trailer(s, innermost=(i == 1))
    if s.pos != len(s.data):
        raise s.error(f"{len(s.data) - s.pos} unexpected bytes after the network")
    return weights


def default_dat_path() -> Path:
    import face_recognition_models

    return Path(face_recognition_models.face_recognition_model_location())


# ---------------------------------------------------------------------------------------
# Keras network
# ---------------------------------------------------------------------------------------

@keras.saving.register_keras_serializable(package="dlib_resnet")
class ZeroPadAdd(layers.Layer):
    """dlib's ``add_prev``, which also adds tensors of different shapes.

    The sum has the larger size in every dimension; the missing rows, columns and
    channels of the smaller input count as zero (aligned top-left / first channels).
    Equal shapes: a plain add.
    """

    def compute_output_shape(self, input_shapes):
        a, b = input_shapes
        return tuple(None if x is None or y is None else max(x, y) for x, y in zip(a, b))

    def call(self, inputs):
        a, b = inputs
        target = [max(x, y) for x, y in zip(a.shape[1:], b.shape[1:])]

        def pad(x):
            widths = [[0, 0]] + [[0, t - d] for t, d in zip(target, x.shape[1:])]
            return x if not any(w for _, w in widths) else keras.ops.pad(x, widths)

        return pad(a) + pad(b)


def build(spec=None) -> keras.Model:
    """anet_type as a Keras model: normalised RGB (N, S, S, 3) -> raw (N, 128) descriptors.

    The input is ``(pixel - mean[c]) / 256`` (spec.normalisation ``mean_scale``); the output
    is not L2-normalised. Each conv+affine pair of dlib is one Conv2D with bias here.
    """
    size = INPUT_SIZE if spec is None else int(spec.input_size)
    embedding = EMBEDDING_SIZE if spec is None else int(spec.embedding_size)
    if embedding != EMBEDDING_SIZE:
        raise ValueError(f"dlib_resnet has {EMBEDDING_SIZE}-d embeddings, spec says {embedding}")
    if size < INPUT_SIZE:
        raise ValueError(f"dlib_resnet needs {INPUT_SIZE}x{INPUT_SIZE} chips, spec says {size}")
    inputs = keras.Input((size, size, 3), name="chips")
    x, tags, n = inputs, {}, {"con": 0, "relu": 0, "pool": 0, "add": 0}

    def name(kind):
        n[kind] += 1
        return f"{kind}{n[kind]:02d}"

    for op in TOPOLOGY[1:]:
        if op.kind == "con":
            # dlib pads kernel // 2 at stride 1 (odd kernels: TF's "same"), nothing at stride 2
            padding = "same" if _padding(op.kernel, op.stride) else "valid"
            x = layers.Conv2D(op.size, op.kernel, strides=op.stride, padding=padding, name=name("con"))(x)
        elif op.kind == "affine":
            pass   # folded into the preceding convolution
        elif op.kind == "relu":
            x = layers.ReLU(name=name("relu"))(x)
        elif op.kind == "max_pool":
            x = layers.MaxPooling2D(op.kernel, op.stride, padding="valid", name=name("pool"))(x)
        elif op.kind == "avg_pool":
            x = layers.AveragePooling2D(op.kernel, op.stride, padding="valid", name=name("pool"))(x)
        elif op.kind == "avg_pool_all":
            x = layers.GlobalAveragePooling2D(name=name("pool"))(x)
        elif op.kind == "tag":
            tags[op.size] = x
        elif op.kind == "skip":
            x = tags[op.size]
        elif op.kind == "add_prev":
            x = ZeroPadAdd(name=name("add"))([x, tags[op.size]])
        elif op.kind == "fc":
            x = layers.Dense(op.size, use_bias=False, name="fc")(x)
        else:  # pragma: no cover - TOPOLOGY is fixed
            raise AssertionError(op)
    return keras.Model(inputs, x, name=ARCHITECTURE)


def keras_weights(weights: DlibWeights) -> list[np.ndarray]:
    """dlib's parameters in the order of ``build().get_weights()`` (affines folded in)."""
    out = []
    for (filters, bias), (gamma, beta) in zip(weights.convs, weights.affines, strict=True):
        kernel = filters.transpose(2, 3, 1, 0) * gamma      # (kh, kw, K, F) scaled per filter
        out += [kernel.astype(np.float32), (bias * gamma + beta).astype(np.float32)]
    out.append(weights.fc.astype(np.float32))
    return out


def dlib_spec(weights: DlibWeights, landmark_template=None) -> model_dirs.ModelSpec:
    return model_dirs.ModelSpec(
        name=MODEL_NAME,
        architecture=ARCHITECTURE,
        input_size=INPUT_SIZE,
        embedding_size=EMBEDDING_SIZE,
        normalisation="mean_scale",
        normalisation_params={"mean": [float(m) for m in weights.mean_rgb], "scale": 1.0 / 256.0},
        landmark_template=[[float(v) for v in p] for p in (DLIB_MTCNN_TEMPLATE if landmark_template is None
                                                           else landmark_template)],
        metric="euclidean",
        threshold=CALIBRATED_THRESHOLD,
        flip_average=True,
        architecture_params={"source": "dlib_face_recognition_resnet_model_v1.dat (face-recognition-models)"},
        evaluation=dict(LFW_EVALUATION, open_set_prior=dict(OPEN_SET_PRIOR)),
    )


def convert(out_dir, dat_path=None, landmark_template=DLIB_MTCNN_TEMPLATE) -> model_dirs.ModelSpec:
    """Read dlib's weights, build the Keras network and save a model directory at ``out_dir``."""
    weights = read_dat(dat_path)
    spec = dlib_spec(weights, landmark_template)
    network = build(spec)
    network.set_weights(keras_weights(weights))
    return model_dirs.save(out_dir, spec, network)


def ensure_default_model(model_dir) -> Path:
    """Convert the default model into ``model_dir`` unless it is already there; returns the path.
    (No default here: the app's one home for it is recognition.recognizer.DEFAULT_MODEL_DIR.)

    Conversion happens in a temporary directory beside it that is then renamed, so a
    concurrent process sees either no model or a complete one. A directory that exists
    with other content but no model.json is left alone (ModelDirError).
    """
    model_dir = Path(model_dir)
    if (model_dir / model_dirs.SPEC_FILE).is_file():
        spec = model_dirs.read_spec(model_dir)
        if (spec.landmark_template != DLIB_MTCNN_TEMPLATE or not spec.flip_average
                or "open_set_prior" not in spec.evaluation):
            log.warning("%s was converted by an older version (other alignment template or no open-set "
                        "prior); updating its model.json", model_dir)
            model_dirs.write_spec(model_dir, dataclasses.replace(
                spec, landmark_template=DLIB_MTCNN_TEMPLATE, flip_average=True, threshold=CALIBRATED_THRESHOLD,
                evaluation=dict(LFW_EVALUATION, open_set_prior=dict(OPEN_SET_PRIOR))))
        return model_dir
    if model_dir.exists() and any(model_dir.iterdir()):
        raise model_dirs.ModelDirError(f"{model_dir} exists but holds no {model_dirs.SPEC_FILE}; "
                                       f"remove it to let the default model be converted there")
    model_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{model_dir.name}-", dir=model_dir.parent))
    try:
        log.info("converting dlib's face-recognition ResNet into %s", model_dir)
        convert(tmp)
        try:
            if model_dir.is_dir():
                model_dir.rmdir()          # empty: make room (fails if another process filled it)
            os.rename(tmp, model_dir)
        except OSError:
            if not (model_dir / model_dirs.SPEC_FILE).is_file():
                raise
            log.info("%s was converted by another process meanwhile", model_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return model_dir
