"""FaceNet's Inception-ResNet-v1 in Keras: shape, size, naming and the chip template."""
from __future__ import annotations

import numpy as np
import pytest

from recognition.models import build_network
from recognition.models import inception_resnet_v1 as irv1
from recognition.models.model_dir import ModelSpec


@pytest.fixture(scope="module")
def network():
    spec = ModelSpec(name="t", architecture="inception_resnet_v1", input_size=80, embedding_size=512,
                     normalisation="fixed_standardization",
                     landmark_template=irv1.facenet_template(80, 16).tolist())
    return build_network(spec)


def test_facenet_sizes(network):
    # 512-d Inception-ResNet-v1: 23.5 M parameters (pinned, so that a change of the layout shows).
    assert network.count_params() == 23_497_424
    out = network(np.zeros((2, 80, 80, 3), np.float32), training=False)
    assert tuple(out.shape) == (2, 512)


def test_every_weight_has_a_facenet_name(network):
    names = irv1.facenet_variable_names(network)
    assert len(names) == sum(len(layer.weights) for layer in network.layers)
    assert len(set(names.values())) == len(names)
    for name in ("InceptionResnetV1/Conv2d_1a_3x3/weights",
                 "InceptionResnetV1/Conv2d_1a_3x3/BatchNorm/moving_variance",
                 "InceptionResnetV1/Repeat/block35_5/Branch_2/Conv2d_0c_3x3/BatchNorm/beta",
                 "InceptionResnetV1/Repeat_1/block17_10/Conv2d_1x1/biases",
                 "InceptionResnetV1/Mixed_7a/Branch_2/Conv2d_0b_3x3/weights",
                 "InceptionResnetV1/Block8/Branch_1/Conv2d_0c_3x1/weights",
                 "InceptionResnetV1/Bottleneck/weights",
                 "InceptionResnetV1/Bottleneck/BatchNorm/moving_mean"):
        assert name in names, name
    layer, index = names["InceptionResnetV1/Repeat_2/block8_3/Branch_1/Conv2d_0b_1x3/weights"]
    assert tuple(network.get_layer(layer).weights[index].shape) == (1, 3, 192, 192)


def test_small_inputs_are_refused():
    with pytest.raises(ValueError, match="at least 75"):
        irv1.inception_resnet_v1(64)


def test_facenet_template():
    template = irv1.facenet_template(160, 32)
    assert template.shape == (5, 2)
    # Eyes level and mirror-symmetric about the chip's centre line, mouth below the nose.
    assert template[0, 1] == pytest.approx(template[1, 1])
    assert template[0, 0] + template[1, 0] == pytest.approx(160)
    assert template[3, 1] > template[2, 1] > template[0, 1]
    # A 182/44 chip centre-cropped to 160 is the 160 chip with a margin of 22.
    np.testing.assert_allclose(irv1.facenet_template(182, 44) - 11, irv1.facenet_template(160, 22), atol=1e-4)
    with pytest.raises(ValueError):
        irv1.facenet_template(100, 100)


def test_a_model_json_of_an_earlier_version_still_reads(tmp_path):
    """model.json files written before the alignment template was called landmark_template."""
    import json

    from recognition.models.model_dir import read_spec, write_spec

    spec = ModelSpec(name="t", architecture="inception_resnet_v1", input_size=80, embedding_size=512,
                     normalisation="fixed_standardization", landmark_template=irv1.facenet_template(80, 16).tolist(),
                     landmark_weights=[2, 2, 1, 0.5, 0.5])
    write_spec(tmp_path, spec)
    data = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))
    data["template"], data["template_weights"] = data.pop("landmark_template"), data.pop("landmark_weights")
    (tmp_path / "model.json").write_text(json.dumps(data), encoding="utf-8")
    assert read_spec(tmp_path) == spec
