"""FaceNet's Inception-ResNet-v1 (Szegedy et al. 2016, as in davidsandberg/facenet) in Keras 3.

The layout follows facenet's ``src/models/inception_resnet_v1.py``: stem, 5 x
Block35 (scale 0.17), Reduction-A, 10 x Block17 (scale 0.10), Reduction-B,
5 x Block8 (scale 0.20), one Block8 without activation, global average pool,
the ``Bottleneck`` dense layer (no bias) + batch norm -> the embedding
(pre-logits; L2-normalised by the embedder). Every convolution except the
residual "up" projections is conv (no bias) -> batch norm (no scale, beta only,
decay 0.995, epsilon 1e-3) -> ReLU, exactly as slim builds it there.

Layer names are facenet's variable scopes below ``InceptionResnetV1/`` with
``/`` replaced by ``__`` (Keras 3 refuses ``/`` in names), e.g. facenet's
``InceptionResnetV1/Repeat_1/block17_3/Branch_1/Conv2d_0b_1x7/weights`` is the
kernel of the Conv2D ``Repeat_1__block17_3__Branch_1__Conv2d_0b_1x7`` and its
``.../BatchNorm/moving_mean`` the moving mean of the BatchNormalization
``Repeat_1__block17_3__Branch_1__Conv2d_0b_1x7__BatchNorm``
(see :func:`facenet_variable_names`, used by ``import_facenet``).

Dropout (facenet's ``keep_probability``) sits in front of the Bottleneck during
training only; the inference network built here has none and the trainer adds
it (``recognition.train.backbones``). Any input size >= 75 px works; 160 is
FaceNet's.

This module also defines FaceNet's chip convention (:func:`facenet_template`).
"""
from __future__ import annotations

import numpy as np

import keras
from keras import layers

ARCHITECTURE = "inception_resnet_v1"
SCOPE = "InceptionResnetV1"
BN_MOMENTUM = 0.995     # slim's batch-norm "decay"
BN_EPSILON = 1e-3
MIN_INPUT_SIZE = 75

#: Mean MTCNN landmarks in units of the MTCNN box (x, y relative to the box's
#: top-left corner, divided by its width / height), in MTCNN order: left eye,
#: right eye, nose, left and right mouth corner. Measured with
#: recognition.align.detector.FaceDetector on the first image of each of the first
#: 500 people of LFW (sorted names; 500 faces; std about 0.08 in x from head yaw,
#: 0.03 in y), then made left-right symmetric (the raw means sat 0.01 right of centre).
MTCNN_BOX_LANDMARKS = np.array([
    [0.2746, 0.3827],
    [0.7254, 0.3827],
    [0.5000, 0.5788],
    [0.3010, 0.7529],
    [0.6990, 0.7529],
], np.float64)


def facenet_template(image_size: int, margin: float) -> np.ndarray:
    """5-point template (MTCNN order, chip pixels) of FaceNet's crop convention.

    facenet's ``align_dataset_mtcnn.py`` crops the MTCNN box widened by
    ``margin`` pixels in all (``margin / 2`` per side) and resizes it to
    ``image_size`` (``--image_size 182 --margin 44`` for training, then random
    160 crops; ``160 / 32`` for evaluation). Here the margin is in chip pixels:
    the mean MTCNN box covers ``image_size - margin`` pixels centred in the chip,
    and the template is where the mean landmarks fall in it. A similarity
    alignment to this template gives chips like facenet's crops, but upright and
    with the eyes at a fixed place.
    """
    side = float(image_size) - float(margin)
    if side <= 0:
        raise ValueError(f"margin {margin} leaves no face in a {image_size}-px chip")
    return (margin / 2.0 + MTCNN_BOX_LANDMARKS * side).astype(np.float32)


class ScaledResidual(layers.Layer):
    """``inputs[0] + scale * inputs[1]`` (the Inception-ResNet shortcut)."""

    def __init__(self, scale: float, **kwargs):
        super().__init__(**kwargs)
        self.scale = float(scale)

    def call(self, inputs):
        shortcut, residual = inputs
        return shortcut + self.scale * residual

    def get_config(self):
        return {**super().get_config(), "scale": self.scale}


def _name(scope: str) -> str:
    return scope.replace("/", "__")


class _Builder:
    def __init__(self, weight_decay: float):
        self.regularizer = keras.regularizers.L2(weight_decay / 2) if weight_decay else None

    def conv(self, x, filters, kernel, scope, strides=1, padding="same"):
        """slim.conv2d with the batch-norm normaliser: conv (no bias) -> BN (beta only) -> ReLU."""
        x = layers.Conv2D(filters, kernel, strides=strides, padding=padding, use_bias=False,
                          kernel_regularizer=self.regularizer, name=_name(scope))(x)
        x = layers.BatchNormalization(momentum=BN_MOMENTUM, epsilon=BN_EPSILON, scale=False,
                                      name=_name(scope + "/BatchNorm"))(x)
        return layers.ReLU(name=_name(scope + "/Relu"))(x)

    def up(self, x, filters, scope):
        """The residual projection: 1x1 conv with bias, no normaliser, no activation."""
        return layers.Conv2D(filters, 1, padding="same", use_bias=True,
                             kernel_regularizer=self.regularizer, name=_name(scope))(x)

    def residual(self, x, branches, scale, scope, activation=True):
        mixed = layers.Concatenate(axis=-1, name=_name(scope + "/concat"))(branches)
        up = self.up(mixed, x.shape[-1], scope + "/Conv2d_1x1")
        x = ScaledResidual(scale, name=_name(scope + "/add"))([x, up])
        return layers.ReLU(name=_name(scope + "/Relu"))(x) if activation else x

    def block35(self, x, scope, scale=0.17, activation=True):
        b0 = self.conv(x, 32, 1, scope + "/Branch_0/Conv2d_1x1")
        b1 = self.conv(x, 32, 1, scope + "/Branch_1/Conv2d_0a_1x1")
        b1 = self.conv(b1, 32, 3, scope + "/Branch_1/Conv2d_0b_3x3")
        b2 = self.conv(x, 32, 1, scope + "/Branch_2/Conv2d_0a_1x1")
        b2 = self.conv(b2, 32, 3, scope + "/Branch_2/Conv2d_0b_3x3")
        b2 = self.conv(b2, 32, 3, scope + "/Branch_2/Conv2d_0c_3x3")
        return self.residual(x, [b0, b1, b2], scale, scope, activation)

    def block17(self, x, scope, scale=0.10, activation=True):
        b0 = self.conv(x, 128, 1, scope + "/Branch_0/Conv2d_1x1")
        b1 = self.conv(x, 128, 1, scope + "/Branch_1/Conv2d_0a_1x1")
        b1 = self.conv(b1, 128, (1, 7), scope + "/Branch_1/Conv2d_0b_1x7")
        b1 = self.conv(b1, 128, (7, 1), scope + "/Branch_1/Conv2d_0c_7x1")
        return self.residual(x, [b0, b1], scale, scope, activation)

    def block8(self, x, scope, scale=0.20, activation=True):
        b0 = self.conv(x, 192, 1, scope + "/Branch_0/Conv2d_1x1")
        b1 = self.conv(x, 192, 1, scope + "/Branch_1/Conv2d_0a_1x1")
        b1 = self.conv(b1, 192, (1, 3), scope + "/Branch_1/Conv2d_0b_1x3")
        b1 = self.conv(b1, 192, (3, 1), scope + "/Branch_1/Conv2d_0c_3x1")
        return self.residual(x, [b0, b1], scale, scope, activation)

    def reduction_a(self, x, scope, k=192, l=192, m=256, n=384):
        b0 = self.conv(x, n, 3, scope + "/Branch_0/Conv2d_1a_3x3", strides=2, padding="valid")
        b1 = self.conv(x, k, 1, scope + "/Branch_1/Conv2d_0a_1x1")
        b1 = self.conv(b1, l, 3, scope + "/Branch_1/Conv2d_0b_3x3")
        b1 = self.conv(b1, m, 3, scope + "/Branch_1/Conv2d_1a_3x3", strides=2, padding="valid")
        b2 = layers.MaxPooling2D(3, strides=2, padding="valid",
                                 name=_name(scope + "/Branch_2/MaxPool_1a_3x3"))(x)
        return layers.Concatenate(axis=-1, name=_name(scope + "/concat"))([b0, b1, b2])

    def reduction_b(self, x, scope):
        b0 = self.conv(x, 256, 1, scope + "/Branch_0/Conv2d_0a_1x1")
        b0 = self.conv(b0, 384, 3, scope + "/Branch_0/Conv2d_1a_3x3", strides=2, padding="valid")
        b1 = self.conv(x, 256, 1, scope + "/Branch_1/Conv2d_0a_1x1")
        b1 = self.conv(b1, 256, 3, scope + "/Branch_1/Conv2d_1a_3x3", strides=2, padding="valid")
        b2 = self.conv(x, 256, 1, scope + "/Branch_2/Conv2d_0a_1x1")
        b2 = self.conv(b2, 256, 3, scope + "/Branch_2/Conv2d_0b_3x3")
        b2 = self.conv(b2, 256, 3, scope + "/Branch_2/Conv2d_1a_3x3", strides=2, padding="valid")
        b3 = layers.MaxPooling2D(3, strides=2, padding="valid",
                                 name=_name(scope + "/Branch_3/MaxPool_1a_3x3"))(x)
        return layers.Concatenate(axis=-1, name=_name(scope + "/concat"))([b0, b1, b2, b3])


def inception_resnet_v1(input_size: int = 160, embedding_size: int = 512, weight_decay: float = 0.0,
                        repeats=(5, 10, 5), name: str = SCOPE) -> keras.Model:
    """The network: normalised float32 RGB chips (N, S, S, 3) -> raw embeddings (N, embedding_size).

    ``weight_decay`` adds facenet's L2 regulariser (``wd * sum(w**2) / 2`` per
    kernel) to ``model.losses``. ``repeats`` are the numbers of Block35/17/8
    (facenet: 5, 10, 5; smaller only for quick tests).
    """
    if input_size < MIN_INPUT_SIZE:
        raise ValueError(f"Inception-ResNet-v1 needs inputs of at least {MIN_INPUT_SIZE} px, got {input_size}")
    b = _Builder(weight_decay)
    inputs = keras.Input((input_size, input_size, 3), name="chips")
    x = b.conv(inputs, 32, 3, "Conv2d_1a_3x3", strides=2, padding="valid")
    x = b.conv(x, 32, 3, "Conv2d_2a_3x3", padding="valid")
    x = b.conv(x, 64, 3, "Conv2d_2b_3x3")
    x = layers.MaxPooling2D(3, strides=2, padding="valid", name="MaxPool_3a_3x3")(x)
    x = b.conv(x, 80, 1, "Conv2d_3b_1x1", padding="valid")
    x = b.conv(x, 192, 3, "Conv2d_4a_3x3", padding="valid")
    x = b.conv(x, 256, 3, "Conv2d_4b_3x3", strides=2, padding="valid")
    # slim.repeat opens the scopes Repeat, Repeat_1, Repeat_2 and names the blocks <fn>_<i>.
    for i in range(repeats[0]):
        x = b.block35(x, f"Repeat/block35_{i + 1}")
    x = b.reduction_a(x, "Mixed_6a")
    for i in range(repeats[1]):
        x = b.block17(x, f"Repeat_1/block17_{i + 1}")
    x = b.reduction_b(x, "Mixed_7a")
    for i in range(repeats[2]):
        x = b.block8(x, f"Repeat_2/block8_{i + 1}")
    x = b.block8(x, "Block8", scale=1.0, activation=False)
    x = layers.GlobalAveragePooling2D(name="Logits__AvgPool_1a_8x8")(x)
    x = layers.Dense(embedding_size, use_bias=False, kernel_regularizer=b.regularizer, name="Bottleneck")(x)
    x = layers.BatchNormalization(momentum=BN_MOMENTUM, epsilon=BN_EPSILON, scale=False,
                                  name="Bottleneck__BatchNorm")(x)
    return keras.Model(inputs, x, name=name)


def build(spec) -> keras.Model:
    """``ARCHITECTURES`` entry point: the inference network a ModelSpec describes."""
    params = spec.architecture_params or {}
    return inception_resnet_v1(spec.input_size, spec.embedding_size,
                               repeats=tuple(params.get("repeats", (5, 10, 5))))


def facenet_variable_names(model: keras.Model) -> dict[str, tuple[str, int]]:
    """facenet variable name -> (Keras layer name, index in ``layer.weights``).

    Keras keeps Conv2D weights as [kernel, bias], Dense as [kernel] and
    BatchNormalization (scale=False) as [beta, moving_mean, moving_variance].
    """
    names = {}
    for layer in model.layers:
        scope = f"{SCOPE}/" + layer.name.replace("__", "/")
        if isinstance(layer, (layers.Conv2D, layers.Dense)):
            names[scope + "/weights"] = (layer.name, 0)
            if getattr(layer, "use_bias", False):
                names[scope + "/biases"] = (layer.name, 1)
        elif isinstance(layer, layers.BatchNormalization):
            if layer.scale:
                raise ValueError(f"{layer.name}: facenet's batch norms have no scale (gamma)")
            for i, kind in enumerate(("beta", "moving_mean", "moving_variance")):
                names[f"{scope}/{kind}"] = (layer.name, i)
    return names
