"""import_facenet against a TF1 graph built like davidsandberg/facenet's, with random weights.

The reference graph below is written independently of our Keras model, with
tf.compat.v1 variable scopes named as slim names them in facenet's
src/models/inception_resnet_v1.py (slim.repeat -> Repeat, Repeat_1, Repeat_2;
conv -> weights + BatchNorm/{beta,moving_mean,moving_variance}; residual
projections -> weights + biases), evaluated in inference mode.
"""
from __future__ import annotations

import numpy as np
import pytest
import tensorflow as tf

from recognition.models import model_dir as model_dirs
from recognition.models.embedder import Embedder
from recognition.models.import_facenet import (FacenetImportError, find_source, guess_normalisation, import_facenet,
                                                 read_variables)

v1 = tf.compat.v1
EMBEDDING = 128
SIZE = 96


class Facenet1:
    """facenet's inference graph with random variables (numpy RNG, fixed seed)."""

    def __init__(self, seed=0):
        self.rng = np.random.default_rng(seed)

    def var(self, name, value):
        return v1.get_variable(name, initializer=value.astype(np.float32), use_resource=False)

    def conv(self, x, filters, kernel, scope, stride=1, padding="SAME", bn=True, relu=True):
        kh, kw = (kernel, kernel) if isinstance(kernel, int) else kernel
        cin = int(x.shape[-1])
        with v1.variable_scope(scope):
            w = self.var("weights", self.rng.normal(0, np.sqrt(2.0 / (kh * kw * cin)), (kh, kw, cin, filters)))
            x = tf.nn.conv2d(x, w, [1, stride, stride, 1], padding)
            if bn:
                with v1.variable_scope("BatchNorm"):
                    beta = self.var("beta", self.rng.normal(0, 0.1, filters))
                    mean = self.var("moving_mean", self.rng.normal(0, 0.1, filters))
                    variance = self.var("moving_variance", self.rng.uniform(0.5, 1.5, filters))
                x = tf.nn.batch_normalization(x, mean, variance, beta, None, 0.001)
            else:
                x = x + self.var("biases", self.rng.normal(0, 0.1, filters))
        return tf.nn.relu(x) if relu else x

    def block(self, x, scope, branches, scale, relu=True):
        with v1.variable_scope(scope):
            outs = []
            for i, layers in enumerate(branches):
                with v1.variable_scope(f"Branch_{i}"):
                    y = x
                    for filters, kernel, name in layers:
                        y = self.conv(y, filters, kernel, name)
                    outs.append(y)
            up = self.conv(tf.concat(outs, 3), int(x.shape[-1]), 1, "Conv2d_1x1", bn=False, relu=False)
            x = x + scale * up
        return tf.nn.relu(x) if relu else x

    def __call__(self, images):
        b35 = [[(32, 1, "Conv2d_1x1")], [(32, 1, "Conv2d_0a_1x1"), (32, 3, "Conv2d_0b_3x3")],
               [(32, 1, "Conv2d_0a_1x1"), (32, 3, "Conv2d_0b_3x3"), (32, 3, "Conv2d_0c_3x3")]]
        b17 = [[(128, 1, "Conv2d_1x1")],
               [(128, 1, "Conv2d_0a_1x1"), (128, (1, 7), "Conv2d_0b_1x7"), (128, (7, 1), "Conv2d_0c_7x1")]]
        b8 = [[(192, 1, "Conv2d_1x1")],
              [(192, 1, "Conv2d_0a_1x1"), (192, (1, 3), "Conv2d_0b_1x3"), (192, (3, 1), "Conv2d_0c_3x1")]]
        pool = lambda x: tf.nn.max_pool2d(x, 3, 2, "VALID")  # noqa: E731
        with v1.variable_scope("InceptionResnetV1"):
            x = self.conv(images, 32, 3, "Conv2d_1a_3x3", stride=2, padding="VALID")
            x = self.conv(x, 32, 3, "Conv2d_2a_3x3", padding="VALID")
            x = self.conv(x, 64, 3, "Conv2d_2b_3x3")
            x = pool(x)
            x = self.conv(x, 80, 1, "Conv2d_3b_1x1", padding="VALID")
            x = self.conv(x, 192, 3, "Conv2d_4a_3x3", padding="VALID")
            x = self.conv(x, 256, 3, "Conv2d_4b_3x3", stride=2, padding="VALID")
            with v1.variable_scope("Repeat"):
                for i in range(5):
                    x = self.block(x, f"block35_{i + 1}", b35, 0.17)
            with v1.variable_scope("Mixed_6a"):
                with v1.variable_scope("Branch_0"):
                    a = self.conv(x, 384, 3, "Conv2d_1a_3x3", stride=2, padding="VALID")
                with v1.variable_scope("Branch_1"):
                    b = self.conv(x, 192, 1, "Conv2d_0a_1x1")
                    b = self.conv(b, 192, 3, "Conv2d_0b_3x3")
                    b = self.conv(b, 256, 3, "Conv2d_1a_3x3", stride=2, padding="VALID")
                x = tf.concat([a, b, pool(x)], 3)
            with v1.variable_scope("Repeat_1"):
                for i in range(10):
                    x = self.block(x, f"block17_{i + 1}", b17, 0.10)
            with v1.variable_scope("Mixed_7a"):
                with v1.variable_scope("Branch_0"):
                    a = self.conv(self.conv(x, 256, 1, "Conv2d_0a_1x1"), 384, 3, "Conv2d_1a_3x3", 2, "VALID")
                with v1.variable_scope("Branch_1"):
                    b = self.conv(self.conv(x, 256, 1, "Conv2d_0a_1x1"), 256, 3, "Conv2d_1a_3x3", 2, "VALID")
                with v1.variable_scope("Branch_2"):
                    c = self.conv(self.conv(x, 256, 1, "Conv2d_0a_1x1"), 256, 3, "Conv2d_0b_3x3")
                    c = self.conv(c, 256, 3, "Conv2d_1a_3x3", 2, "VALID")
                x = tf.concat([a, b, c, pool(x)], 3)
            with v1.variable_scope("Repeat_2"):
                for i in range(5):
                    x = self.block(x, f"block8_{i + 1}", b8, 0.20)
            x = self.block(x, "Block8", b8, 1.0, relu=False)
            x = tf.reduce_mean(x, axis=[1, 2])
            with v1.variable_scope("Bottleneck"):
                w = self.var("weights", self.rng.normal(0, np.sqrt(1.0 / 1792), (1792, EMBEDDING)))
                x = tf.matmul(x, w)
                with v1.variable_scope("BatchNorm"):
                    beta = self.var("beta", self.rng.normal(0, 0.1, EMBEDDING))
                    mean = self.var("moving_mean", self.rng.normal(0, 0.1, EMBEDDING))
                    variance = self.var("moving_variance", self.rng.uniform(0.5, 1.5, EMBEDDING))
                x = tf.nn.batch_normalization(x, mean, variance, beta, None, 0.001)
        # What the training scripts add around the network (ignored by the importer).
        self.var("Logits/weights", self.rng.normal(0, 0.1, (EMBEDDING, 7)))
        self.var("centers", np.zeros((7, EMBEDDING)))
        return tf.math.l2_normalize(x, 1, 1e-10, name="embeddings")


@pytest.fixture(scope="module")
def facenet_release(tmp_path_factory):
    """A fake release directory (checkpoint + meta + frozen .pb) and the graph's embeddings of test images."""
    folder = tmp_path_factory.mktemp("facenet") / "20180402-114759"
    folder.mkdir()
    images = np.random.default_rng(1).integers(0, 256, (3, SIZE, SIZE, 3), dtype=np.uint8)
    graph = tf.Graph()
    with graph.as_default():
        pixels = v1.placeholder(tf.float32, (None, SIZE, SIZE, 3), name="input")
        embeddings = Facenet1()((pixels - 127.5) / 128.0)
        with v1.Session(graph=graph) as sess:
            sess.run(v1.global_variables_initializer())
            expected = sess.run(embeddings, {pixels: images.astype(np.float32)})
            v1.train.Saver().save(sess, str(folder / "model-20180402-114759.ckpt"), global_step=275)
            frozen = v1.graph_util.convert_variables_to_constants(sess, graph.as_graph_def(), ["embeddings"])
    pb = tmp_path_factory.mktemp("frozen") / "20180402-114759.pb"
    pb.write_bytes(frozen.SerializeToString())
    return folder, pb, images, expected


def _embed(out_dir, images):
    spec, network = model_dirs.load(out_dir)
    return spec, Embedder(spec, network).embed(images)


def test_checkpoint_import_reproduces_the_graph(facenet_release, tmp_path):
    folder, _, images, expected = facenet_release
    import_facenet(folder, tmp_path / "m", image_size=SIZE)
    spec, got = _embed(tmp_path / "m", images)
    assert spec.normalisation == "fixed_standardization"       # known release name
    assert spec.embedding_size == EMBEDDING and spec.input_size == SIZE
    assert spec.architecture_params["repeats"] == [5, 10, 5]
    assert np.abs(got - expected).max() <= 1e-4


def test_frozen_graph_gives_the_checkpoint_variables(facenet_release, tmp_path):
    # Reading is the only part that differs from the checkpoint import tested above.
    folder, pb, _, _ = facenet_release
    frozen, checkpoint = read_variables(pb), read_variables(folder)
    network_variables = [v for v in checkpoint if v.startswith("InceptionResnetV1/")]
    assert len(network_variables) > 400
    for name in network_variables:
        np.testing.assert_array_equal(frozen[name], checkpoint[name], err_msg=name)
    assert find_source(folder)[0] == "checkpoint" and find_source(pb)[0] == "frozen"


def test_normalisation_of_known_releases(tmp_path):
    assert guess_normalisation(tmp_path / "20170512-110547" / "20170512-110547.pb") == "prewhiten"
    assert guess_normalisation(tmp_path / "models" / "20180408-102900") == "fixed_standardization"
    assert guess_normalisation(tmp_path / "my-model") is None


def test_unknown_release_needs_the_normalisation(facenet_release, tmp_path):
    folder, _, _, _ = facenet_release
    other = tmp_path / "my-model"
    other.mkdir()
    for f in folder.iterdir():
        (other / f.name).symlink_to(f)
    with pytest.raises(FacenetImportError, match="normalisation"):
        import_facenet(other, tmp_path / "m")
    assert not (tmp_path / "m").exists()


def test_not_a_facenet_model(tmp_path):
    (tmp_path / "junk.pb").write_bytes(b"\x00not a graph")
    with pytest.raises(FacenetImportError):
        import_facenet(tmp_path / "junk.pb", tmp_path / "m", normalisation="prewhiten")
    (tmp_path / "empty").mkdir()
    with pytest.raises(FacenetImportError, match="no checkpoint"):
        import_facenet(tmp_path / "empty", tmp_path / "m", normalisation="prewhiten")
    assert not (tmp_path / "m").exists()
