"""The networks the trainer trains: FaceNet's Inception-ResNet-v1 from scratch, or the
pretrained dlib ResNet port to fine-tune.

Either way the trainer holds the *inference* network of the architecture (what
``build(spec)`` makes and the model directory stores) and trains it through two
views of it: the trunk (chips -> pooled features, the input of the last Dense
layer) and the head (that Dense layer and what follows, e.g. facenet's
Bottleneck + batch norm). Dropout (keep probability) goes between the two, as in
facenet, with a stateless seed per step so that a resumed run repeats it exactly.
"""
from __future__ import annotations

import dataclasses
import logging
import re

import keras
import tensorflow as tf
from keras import layers

from recognition.models import model_dir as model_dirs

log = logging.getLogger(__name__)


@dataclasses.dataclass
class Backbone:
    spec: model_dirs.ModelSpec     # the exported model's spec (template set by the trainer)
    network: keras.Model           # inference network: normalised chips -> raw embeddings
    trunk: keras.Model             # chips -> features in front of the embedding layer
    head: list                     # layers from the embedding layer to the output
    pretrained: bool

    def prelogits(self, images, training: bool, keep_probability: float = 1.0, seed=None):
        """Raw embeddings; in training, dropout with ``seed`` (shape [2]) before the head."""
        x = self.trunk(images, training=training)
        if training and keep_probability < 1.0:
            x = tf.nn.experimental.stateless_dropout(x, rate=1.0 - keep_probability, seed=seed)
        for layer in self.head:
            x = layer(x, training=training)
        return x

    def kernels(self) -> list:
        """Trainable conv / dense kernels (what weight decay applies to)."""
        return [layer.kernel for layer in self.network.layers
                if isinstance(layer, (layers.Conv2D, layers.Dense)) and layer.trainable]


def split_network(network: keras.Model):
    """(trunk, head layers): cut in front of the last Dense layer; the tail must be a chain."""
    index = max((i for i, layer in enumerate(network.layers) if isinstance(layer, layers.Dense)), default=None)
    if index is None:
        raise ValueError(f"{network.name}: no Dense embedding layer to put the dropout in front of")
    head = network.layers[index:]
    for before, after in zip(head, head[1:]):
        if after.input is not before.output:
            raise ValueError(f"{network.name}: the layers after {head[0].name} are not a simple chain")
    if head[-1].output is not network.outputs[0]:
        raise ValueError(f"{network.name}: {head[-1].name} is not the network's output")
    trunk = keras.Model(network.inputs, head[0].input, name=f"{network.name}_trunk")
    return trunk, head


# --- stages (for freezing) -----------------------------------------------------------
def _irv1_stage(name: str) -> int:
    for prefix, stage in (("Repeat_2__", 5), ("Block8", 5), ("Mixed_7a", 4), ("Repeat_1__", 3),
                          ("Mixed_6a", 2), ("Repeat__", 1), ("Bottleneck", 6), ("Logits", 6)):
        if name.startswith(prefix):
            return stage
    return 0


#: dlib's anet_type: convolutions 1 (stem), 2-7 (32 ch), 8-15 (64), 16-21 (128), 22-27 (256), 28-29 (256).
_DLIB_STAGE_ENDS = (1, 7, 15, 21, 27, 29)


def _dlib_stage(name: str) -> int:
    match = re.match(r"(con|relu|pool|add)(\d+)$", name)
    if name == "fc" or not match:
        return len(_DLIB_STAGE_ENDS)
    if match.group(1) != "con":
        return -1          # weightless; not frozen or trained
    number = int(match.group(2))
    return next(i for i, end in enumerate(_DLIB_STAGE_ENDS) if number <= end)


STAGES = {"inception_resnet_v1": _irv1_stage, "dlib_resnet": _dlib_stage}


def freeze_stages(network: keras.Model, architecture: str, stages: int) -> list[str]:
    """Make the weights of the first ``stages`` stages (the stem is stage 1) untrainable."""
    if stages <= 0:
        return []
    stage_of = STAGES[architecture]
    frozen = []
    for layer in network.layers:
        if layer.weights and 0 <= stage_of(layer.name) < stages:
            layer.trainable = False
            frozen.append(layer.name)
    log.info("froze %d layers (%d stages) of %s", len(frozen), stages, architecture)
    return frozen


# --- construction --------------------------------------------------------------------
def seed_kernels(layer_list, seed: int) -> None:
    """Re-draw the Glorot-uniform kernels of fresh layers from ``seed`` (a reproducible start
    without seeding TensorFlow globally); biases and batch-norm start at constants anyway."""
    for i, layer in enumerate(layer_list):
        if isinstance(layer, (layers.Conv2D, layers.Dense)):
            init = keras.initializers.GlorotUniform(seed=seed * 100003 + i)
            layer.kernel.assign(init(tuple(layer.kernel.shape)))


def create_backbone(config) -> Backbone:
    """The network ``config`` asks for (the trainer sets the spec's template from the data)."""
    if config.backbone == "inception_resnet_v1":
        from recognition.models import inception_resnet_v1 as irv1

        spec = model_dirs.ModelSpec(
            name="facenet-inception-resnet-v1",
            architecture=irv1.ARCHITECTURE, input_size=config.image_size,
            embedding_size=config.embedding_size, normalisation="fixed_standardization",
            landmark_template=irv1.facenet_template(config.image_size, 32).tolist(),
            flip_average=True,    # trained on random flips: embed chip + mirror (facenet's --use_flipped_images)
            architecture_params={"repeats": [int(r) for r in config.block_repeats]})
        network = irv1.build(spec)
        seed_kernels(network.layers, config.seed)
        pretrained = False
    elif config.backbone == "dlib_resnet":
        from recognition.models.dlib_resnet import ensure_default_model
        from recognition.recognizer import DEFAULT_MODEL_DIR

        source = ensure_default_model(config.pretrained_dir or DEFAULT_MODEL_DIR)
        spec, network = model_dirs.load(source)
        if config.image_size != spec.input_size:
            log.info("dlib_resnet takes %d-px chips; --image-size %d ignored", spec.input_size, config.image_size)
        spec = dataclasses.replace(spec, name=spec.name + "-finetuned", fingerprint="", evaluation={})
        pretrained = True
    else:
        raise ValueError(f"unknown backbone {config.backbone!r}")
    freeze_stages(network, spec.architecture, config.freeze_stages)
    trunk, head = split_network(network)
    return Backbone(spec, network, trunk, head, pretrained)
