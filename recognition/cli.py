"""What every command-line tool does with a user's mistake: one line on stderr and an exit code.

    def main(argv=None) -> int:
        parser = cli.argument_parser(__doc__)
        parser.add_argument(...)
        return cli.run(_main, parser.parse_args(argv))

A user error (a missing folder or file, an unreadable gallery or one of another model, a camera
that does not open, a bad model directory, or :class:`UserError`) prints ``error: <message>``
and exits with 2 (:data:`EXIT_USER_ERROR`), or with the :class:`UserError`'s own code (1,
:data:`EXIT_NOTHING_DONE`, when the input was read but gave nothing usable). Its traceback is
shown with ``--verbose`` only. Anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import traceback
from typing import Callable

EXIT_NOTHING_DONE = 1
EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130


class UserError(Exception):
    """A problem of the input that the user can fix; the message says what and how."""

    def __init__(self, message: str, exit_code: int = EXIT_USER_ERROR):
        super().__init__(message)
        self.exit_code = exit_code


def argument_parser(doc: str | None) -> argparse.ArgumentParser:
    """An ArgumentParser with the module docstring as description and ``--verbose``."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--verbose", action="store_true",
                        help="debug messages, and the traceback of an error")
    return parser


@contextlib.contextmanager
def user_errors(*types: type[BaseException], exit_code: int = EXIT_USER_ERROR):
    """Within the block, these exception types are the user's input problems, not bugs (e.g.
    the ValueError of a malformed pairs file)."""
    try:
        yield
    except types as exc:
        raise UserError(str(exc), exit_code) from exc


def _user_error_types() -> tuple[type[BaseException], ...]:
    # imported when an error is handled: --help and argument errors stay free of h5py and OpenCV
    from recognition.gallery import GalleryError
    from recognition.imageio import ImageReadError
    from recognition.models.model_dir import ModelDirError
    from recognition.video import SourceError

    return UserError, OSError, GalleryError, ImageReadError, ModelDirError, SourceError


def run(body: Callable[[argparse.Namespace], int], args: argparse.Namespace,
        log_format: str = "%(levelname)s %(message)s") -> int:
    """Run a tool's ``body(args)`` and return its exit code, user errors as one line."""
    verbose = bool(getattr(args, "verbose", False))
    logging.basicConfig(level=logging.INFO, format=log_format)
    if verbose:
        logging.getLogger("recognition").setLevel(logging.DEBUG)
    try:
        return body(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        if not isinstance(exc, _user_error_types()):
            raise
        if verbose:
            traceback.print_exc()
        print(f"error: {_one_line(exc)}", file=sys.stderr)
        return exc.exit_code if isinstance(exc, UserError) else EXIT_USER_ERROR


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror}"          # not "[Errno 2] No such file ...: '...'"
    return " ".join(str(exc).split()) or type(exc).__name__
