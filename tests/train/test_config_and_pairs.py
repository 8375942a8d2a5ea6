"""Training configuration (flags, TOML file, --help) and LFW-format pairs from any dataset."""
from __future__ import annotations

import dataclasses

import pytest

from recognition.evaluation import read_pairs
from recognition.train.config import TrainConfig, build_parser, parse_args
from recognition.train.create_pairs import PairsError, create_pairs, main as create_pairs_main


def test_defaults_are_facenets_recipe():
    c = TrainConfig()
    assert (c.image_size, c.embedding_size, c.batch_size, c.keep_probability, c.weight_decay) == \
        (160, 512, 90, 0.8, 5e-4)
    assert (c.center_loss_alpha, c.center_loss_factor, c.learning_rate, c.lr_schedule) == \
        (0.6, 1e-2, 0.01, "piecewise")
    assert (c.backbone, c.loss, c.optimizer) == ("inception_resnet_v1", "center", "adam")


def test_help_lists_every_option():
    text = build_parser().format_help()
    for field in dataclasses.fields(TrainConfig):
        assert "--" + field.name.replace("_", "-") in text


def test_config_file_then_flags(tmp_path):
    recipe = tmp_path / "recipe.toml"
    recipe.write_text('data_dir = "chips"\nbatch_size = 30\nlr_decay_epochs = [5, 8]\nrandom_flip = false\n'
                      'loss = "triplet"\n', encoding="utf-8")
    config = parse_args(["--config", str(recipe), "--batch-size", "12", "--learning-rate", "0.05"])
    assert config.data_dir == "chips" and config.loss == "triplet" and config.random_flip is False
    assert config.batch_size == 12 and config.learning_rate == 0.05 and config.lr_decay_epochs == (5, 8)
    recipe.write_text('data_dir = "chips"\nbatch_sise = 30\n', encoding="utf-8")
    with pytest.raises(SystemExit):
        parse_args(["--config", str(recipe)])           # unknown key
    with pytest.raises(SystemExit):
        parse_args([])                                   # no data directory
    with pytest.raises(SystemExit):
        parse_args(["--data-dir", "x", "--lfw-dir", "lfw"])   # --lfw-pairs missing


def test_pairs_from_a_dataset_not_named_like_lfw(celeba, tmp_path):
    out = tmp_path / "pairs.txt"
    assert create_pairs_main([str(celeba), str(out), "--pairs-per-fold", "50"]) == 0
    pairs = read_pairs(out, tmp_path / "pairs_images")
    assert len(pairs) == 10 * 2 * 50
    assert all(p.first.is_file() and p.second.is_file() for p in pairs)
    people_of_fold = {}
    for p in pairs:
        people_of_fold.setdefault(p.fold, set()).update({p.first.parent.name, p.second.parent.name})
    folds = list(people_of_fold.values())
    assert all(not (a & b) for i, a in enumerate(folds) for b in folds[i + 1:])      # people disjoint
    for fold in range(10):
        same = [p.same for p in pairs if p.fold == fold]
        assert sum(same) == 50 and len(same) == 100
    assert len({(p.first, p.second) for p in pairs}) == len(pairs)                   # no duplicates


def test_pairs_of_an_lfw_named_dataset_use_it_directly(shared_data, tmp_path):
    lfw = shared_data / "lfw" / "images"
    summary = create_pairs(lfw, tmp_path / "pairs.txt", pairs_per_fold=20, seed=3)
    assert summary["images_dir"] == str(lfw) and not (tmp_path / "pairs_images").exists()
    assert all(p.first.is_file() and p.second.is_file() for p in read_pairs(tmp_path / "pairs.txt", lfw))


def test_too_few_people(celeba, tmp_path):
    few = tmp_path / "few"
    for person in sorted(celeba.iterdir())[:5]:
        (few / person.name).mkdir(parents=True)
        for image in sorted(person.iterdir())[:3]:
            (few / person.name / image.name).symlink_to(image)
    with pytest.raises(PairsError, match="at least 20"):
        create_pairs(few, tmp_path / "p.txt")
    summary = create_pairs(few, tmp_path / "p.txt", folds=2, pairs_per_fold=100)
    assert summary["pairs_per_fold"] < 100          # as many as the people allow
