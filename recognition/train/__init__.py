"""Training and evaluation tools for the embedding networks.

* ``train`` - the CLI (``python -m recognition.train.train``); ``config`` - its options;
* ``trainer`` - the loop: softmax + center loss or semi-hard triplet loss, checkpoints, export;
* ``backbones`` - Inception-ResNet-v1 from scratch or the dlib port to fine-tune, split for dropout;
* ``data`` - folder-per-person datasets, split, deterministic tf.data pipelines;
* ``losses`` - center loss (Wen et al. update), triplet loss, L2;
* ``verification`` - LFW / validation-pair checks during training;
* ``create_pairs`` - LFW-format pairs from any dataset (CLI).
"""
