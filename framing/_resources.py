"""Finding the bundled ``lexicons/`` folder, in a wheel or in a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["bundled_lexicon_names", "bundled_lexicon_path", "lexicon_root"]


@cache
def lexicon_root() -> Traversable:
    """The folder of bundled lexicons.

    An installed wheel carries it as ``framing/_lexicons`` (read through :mod:`importlib.resources`);
    a source or editable checkout has it as ``lexicons/`` beside the ``framing`` package.
    """
    packaged = resources.files("framing") / "_lexicons"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "lexicons"
    if checkout.is_dir():
        return checkout
    msg = "the bundled lexicons are missing: reinstall framing"  # pragma: no cover - broken install
    raise LookupError(msg)  # pragma: no cover


def _walk(folder: Traversable, prefix: str = "") -> dict[str, Traversable]:
    found: dict[str, Traversable] = {}
    for child in folder.iterdir():
        if child.name.startswith(("_", ".")):
            continue
        if child.is_dir():
            found.update(_walk(child, f"{prefix}{child.name}/"))
        elif child.name.endswith(".toml"):
            found[child.name[: -len(".toml")]] = child
    return found


@cache
def _index() -> dict[str, Traversable]:
    return _walk(lexicon_root())


def bundled_lexicon_names() -> list[str]:
    """Names of the lexicons shipped with the library, sorted."""
    return sorted(_index())


def bundled_lexicon_path(name: str) -> Traversable | None:
    """The bundled lexicon file for ``name``, or ``None``."""
    return _index().get(name)
