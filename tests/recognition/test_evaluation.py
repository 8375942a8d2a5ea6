import numpy as np
import pytest

from recognition.evaluation import read_pairs, roc_curve, verification_metrics


def test_reads_lfw_view2_pairs(shared_data):
    pairs = read_pairs(shared_data / "lfw" / "pairs.txt", shared_data / "lfw" / "images")
    assert len(pairs) == 6000
    assert sum(p.same for p in pairs) == 3000
    assert sorted({p.fold for p in pairs}) == list(range(10))
    assert all(p.first.is_file() and p.second.is_file() for p in pairs[:50])
    assert pairs[0].first.name == "Abel_Pacheco_0001.jpg" and pairs[0].second.name == "Abel_Pacheco_0004.jpg"


def test_malformed_pairs_file_is_refused(tmp_path):
    path = tmp_path / "pairs.txt"
    path.write_text("1 1\nA 1 2\nB\n")
    with pytest.raises(ValueError, match="3 or 4 fields"):
        read_pairs(path, tmp_path)


def test_perfectly_separated_distances():
    same = np.tile([True, False], 100)
    distances = np.where(same, 0.3, 0.9) + np.linspace(0, 0.01, 200)
    figures = verification_metrics(distances, same, np.arange(200) // 20)
    assert figures["accuracy"] == 1.0 and figures["auc"] == pytest.approx(1.0)
    assert figures["eer"] == 0.0 and figures["val_at_far_1e-3"] == 1.0
    assert 0.31 <= figures["threshold"] < 0.9


def test_random_distances_are_chance():
    rng = np.random.default_rng(0)
    same = rng.random(4000) < 0.5
    figures = verification_metrics(rng.random(4000), same, np.arange(4000) // 400)
    assert 0.45 < figures["accuracy"] < 0.56 and 0.45 < figures["auc"] < 0.55
    assert 0.4 < figures["eer"] < 0.6


def test_roc_is_monotonic():
    rng = np.random.default_rng(1)
    fpr, tpr, _ = roc_curve(rng.random(500), rng.random(500) < 0.5)
    assert fpr[0] == 0 and tpr[0] == 0 and fpr[-1] == 1 and tpr[-1] == 1
    assert np.all(np.diff(fpr) >= 0) and np.all(np.diff(tpr) >= 0)
