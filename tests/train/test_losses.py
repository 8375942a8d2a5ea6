"""Center loss (Wen et al. update) and semi-hard triplet loss against small hand-computed cases."""
from __future__ import annotations

import numpy as np
import pytest
import tensorflow as tf

from recognition.train.losses import (center_loss, l2_regularisation, semi_hard_triplet_loss,
                                      update_centers)


def test_center_update_follows_wen_et_al():
    centers = tf.Variable(np.array([[0.0, 0.0], [1.0, 1.0], [5.0, 5.0]], np.float32))
    features = np.array([[1.0, 0.0], [3.0, 0.0], [1.0, 3.0]], np.float32)
    labels = np.array([0, 0, 1], np.int32)
    loss = center_loss(features, labels, centers)
    # mean over batch and dimensions of (x - c_y)^2: (1 + 9 + 0 + 0 + 0 + 4) / 6
    assert float(loss) == pytest.approx(14 / 6)
    update_centers(centers, features, labels, alpha=0.5)
    # class 0: delta = ((0-1) + (0-3), 0) / (1 + 2) = (-4/3, 0); c -= 0.5 * delta
    # class 1: delta = ((1-1), (1-3)) / 2 = (0, -1);             c -= 0.5 * delta
    np.testing.assert_allclose(centers.numpy(), [[2 / 3, 0.0], [1.0, 1.5], [5.0, 5.0]], rtol=1e-6)


def test_semi_hard_triplet_loss():
    # 1-D embeddings (distances are squared): anchors 0 and 1 of class 0, negatives of class 1.
    embeddings = tf.constant([[0.0], [0.5], [0.8], [2.0]])
    labels = tf.constant([0, 0, 1, 1])
    loss, active = semi_hard_triplet_loss(embeddings, labels, margin=0.2)
    # pair (0,1): d_ap .25; negatives 2 (.64), 3 (4.0): semi-hard = .64 -> max(.25 - .64 + .2, 0) = 0
    # pair (1,0): d_ap .25; d(1,2) = .09 (not farther), d(1,3) = 2.25 -> .25 - 2.25 + .2 < 0 -> 0
    # pair (2,3): d_ap 1.44; negatives 0 (.64), 1 (.09): none farther -> farthest .64 -> 1.0
    # pair (3,2): d_ap 1.44; negatives 0 (4.0), 1 (2.25): semi-hard 2.25 -> max(1.44 - 2.25 + .2, 0) = 0
    assert float(loss) == pytest.approx(1.0 / 4, abs=1e-6)
    assert float(active) == pytest.approx(0.25)


def test_l2_regularisation_is_slims():
    w = tf.Variable([[1.0, 2.0], [3.0, 4.0]])
    assert float(l2_regularisation([w], 0.1)) == pytest.approx(0.1 * 30 / 2)
    assert float(l2_regularisation([w], 0.0)) == 0.0
