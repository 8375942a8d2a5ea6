"""Losses: center loss with Wen et al.'s centre update, semi-hard triplet loss, L2 weight decay."""
from __future__ import annotations

import tensorflow as tf


def center_loss(features, labels, centers: tf.Variable):
    """Center loss of ``features`` (the pre-logits) against the current centres.

    loss = mean over the batch and the dimensions of (x_i - c_{y_i})**2, as in
    facenet (Wen et al. 2016 sum half the squared distances; the factor lambda
    absorbs the difference).

    The update is Wen et al. (2016), eq. 4 and Algorithm 1: for every class j in
    the batch, delta_j = sum_{i: y_i = j} (c_j - x_i) / (1 + n_j) and
    c_j <- c_j - alpha * delta_j. (facenet's ``center_loss`` moves each centre by
    (1 - alfa) * (c_j - x_i) per sample instead, without the 1 / (1 + n_j).)
    The trainer applies it with :func:`update_centers` after the gradient step.
    """
    labels = tf.reshape(tf.cast(labels, tf.int32), [-1])
    features = tf.convert_to_tensor(features)
    batch_centers = tf.gather(centers, labels)
    return tf.reduce_mean(tf.square(features - batch_centers))


def update_centers(centers: tf.Variable, features, labels, alpha: float):
    """Apply Wen et al.'s update (see :func:`center_loss`) to ``centers``."""
    labels = tf.reshape(tf.cast(labels, tf.int32), [-1])
    features = tf.stop_gradient(tf.cast(features, centers.dtype))
    classes, index = tf.unique(labels)
    batch_centers = tf.gather(centers, labels)
    count = tf.math.unsorted_segment_sum(tf.ones_like(labels, centers.dtype), index, tf.size(classes))
    summed = tf.math.unsorted_segment_sum(batch_centers - features, index, tf.size(classes))
    delta = summed / (1.0 + count)[:, None]
    return centers.scatter_sub(tf.IndexedSlices(alpha * delta, classes))


def pairwise_squared_distances(embeddings):
    dot = tf.matmul(embeddings, embeddings, transpose_b=True)
    norms = tf.linalg.diag_part(dot)
    return tf.maximum(norms[:, None] - 2.0 * dot + norms[None, :], 0.0)


def semi_hard_triplet_loss(embeddings, labels, margin: float = 0.2):
    """FaceNet's triplet loss with online semi-hard negative mining over the batch.

    Distances are squared Euclidean between (L2-normalised) embeddings. Every
    anchor-positive pair of the batch is used; its negative is the closest one
    farther than the positive (semi-hard: d(a,p) < d(a,n)), or, if there is none,
    the farthest negative. Returns ``(loss, fraction of triplets with a positive loss)``.
    """
    labels = tf.reshape(labels, [-1])
    distances = pairwise_squared_distances(embeddings)
    same = tf.equal(labels[:, None], labels[None, :])
    n = tf.shape(labels)[0]
    positive_pair = tf.logical_and(same, tf.logical_not(tf.eye(n, dtype=tf.bool)))
    negative = tf.logical_not(same)

    # [a, p, k]: distance a-k for negative k farther than p
    d_ap = distances[:, :, None]
    d_an = distances[:, None, :]
    farther = tf.logical_and(negative[:, None, :], d_an > d_ap)
    big = tf.reduce_max(distances) + 1.0
    semi_hard = tf.reduce_min(tf.where(farther, d_an, big), axis=2)
    hardest_fallback = tf.reduce_max(tf.where(negative, distances, 0.0), axis=1)
    has_semi_hard = tf.reduce_any(farther, axis=2)
    d_neg = tf.where(has_semi_hard, semi_hard, hardest_fallback[:, None])

    losses = tf.maximum(distances - d_neg + margin, 0.0)
    mask = tf.cast(positive_pair, losses.dtype)
    pairs = tf.maximum(tf.reduce_sum(mask), 1.0)
    loss = tf.reduce_sum(losses * mask) / pairs
    active = tf.reduce_sum(tf.cast(losses > 0, losses.dtype) * mask) / pairs
    return loss, active


def l2_regularisation(variables, weight_decay: float):
    """facenet's slim.l2_regularizer: weight_decay * sum(w**2) / 2 over the given kernels."""
    if not weight_decay or not variables:
        return tf.constant(0.0)
    return weight_decay * tf.add_n([tf.nn.l2_loss(v) for v in variables])
