"""Distance matrix of the largest face in 2+ images, and a same/different verdict.

    python -m recognition.run.compare a.jpg b.jpg [c.jpg ...] [--threshold T] [--json out.json]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from recognition import cli
from recognition.photos import embed_photos


def main(argv=None) -> int:
    parser = cli.argument_parser(__doc__)
    parser.add_argument("images", nargs="+", help="two or more image files")
    parser.add_argument("--model-dir", help="model directory (default: the pretrained dlib port)")
    parser.add_argument("--threshold", type=float, help="same person at or below this distance "
                        "(default: the model's calibrated threshold)")
    parser.add_argument("--json", help="write the matrix and verdicts to this JSON file")
    args = parser.parse_args(argv)
    if len(args.images) < 2:
        parser.error("give at least two images")
    return cli.run(_main, args)


def _main(args) -> int:
    from recognition.recognizer import FaceRecognizer

    recognizer = FaceRecognizer.load(args.model_dir)
    threshold = recognizer.threshold if args.threshold is None else args.threshold
    results = embed_photos(recognizer, args.images)
    for r in results:
        if r.error:
            print(f"skipped: {r.error}", file=sys.stderr)
    used = [r for r in results if r.embedding is not None]
    if len(used) < 2:
        raise cli.UserError("fewer than two images with a face: nothing to compare", cli.EXIT_NOTHING_DONE)
    embeddings = np.stack([r.embedding for r in used])
    matrix = np.linalg.norm(embeddings[:, None] - embeddings[None], axis=-1)
    names = [r.path.name for r in used]
    print(f"distance matrix ({recognizer.spec.name}, threshold {threshold:.3f}):")
    print(" " * 4 + "".join(f"{i:>8d}" for i in range(len(used))))
    for i, row in enumerate(matrix):
        print(f"{i:>4d}" + "".join(f"{d:8.4f}" for d in row) + f"   {names[i]}")
    verdicts = []
    for i in range(len(used)):
        for j in range(i + 1, len(used)):
            same = bool(matrix[i, j] <= threshold)
            verdicts.append({"a": str(used[i].path), "b": str(used[j].path),
                             "distance": float(matrix[i, j]), "same": same})
            print(f"{names[i]} vs {names[j]}: {matrix[i, j]:.4f} -> {'same' if same else 'different'}")
    if args.json:
        Path(args.json).write_text(json.dumps({
            "threshold": threshold, "images": [str(r.path) for r in used], "matrix": matrix.tolist(),
            "verdicts": verdicts, "skipped": [r.error for r in results if r.error]},
            indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
