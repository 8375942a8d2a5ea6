"""What every bench does with ``--json PATH``: write its figures there."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def _plain(value):
    if isinstance(value, np.generic):
        return value.item()
    return str(value)


def write_json(path, figures) -> None:
    """Write ``figures`` to ``path`` (nothing when ``path`` is None): UTF-8, indented, NumPy numbers
    as numbers, anything else JSON cannot hold (paths, dates) as text; says where it wrote."""
    if not path:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False, default=_plain), encoding="utf-8")
    print(f"wrote {path}")
