"""Sphinx configuration for the framing documentation.

Build (both must pass with no warning):

    sphinx-build -n -W -b html docs docs/_build/html
    sphinx-build -n -W -b doctest docs docs/_build/doctest

Nothing here touches the network: there is no intersphinx mapping, and the theme is the
built-in alabaster.
"""

from __future__ import annotations

import dataclasses
import doctest
import re
from importlib import metadata
from typing import Any

import framing
import framing.scorers

# -- Project -------------------------------------------------------------------------------

project = "framing"
author = "framing developers"
copyright = "2026, framing developers"
release = metadata.version("framing")  # one source for the version: the installed package
version = ".".join(release.split(".")[:2])

# -- General -------------------------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
]
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
source_suffix = {".rst": "restructuredtext"}
root_doc = "index"
language = "en"
nitpicky = True
pygments_style = "sphinx"

# -- autodoc / napoleon --------------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_default_options: dict[str, Any] = {"members": True, "show-inheritance": True}
autodoc_typehints = "signature"
autodoc_preserve_defaults = False
napoleon_google_docstring = False
napoleon_numpy_docstring = True
# Result classes list their fields under "Attributes"; render them as a field list
# (":ivar:") so they do not create a second object description beside autodoc's.
napoleon_use_ivar = True
napoleon_use_rtype = False
# Types come from the signatures; the Attributes sections say the rest in words.
napoleon_attr_annotations = False

# References that cannot resolve offline. Without intersphinx (no network, by rule) Sphinx has
# no inventory for the standard library or numpy, so every stdlib type named in a signature
# would be a broken reference; the names below are those types. Each other entry says why.
nitpick_ignore: list[tuple[str, str]] = [
    # A private type variable in a generic signature (Document.memo).
    ("py:class", "_T"),
    # Standard library types in signatures (no intersphinx inventory offline).
    ("py:class", "Path"),
    ("py:class", "pathlib.Path"),
    ("py:class", "Mapping"),
    ("py:class", "collections.abc.Mapping"),
    ("py:class", "Sequence"),
    ("py:class", "collections.abc.Sequence"),
    ("py:class", "Iterable"),
    ("py:class", "collections.abc.Iterable"),
    ("py:class", "Iterator"),
    ("py:class", "collections.abc.Iterator"),
    ("py:class", "Any"),
    ("py:class", "typing.Any"),
    ("py:class", "Literal"),
    ("py:class", "typing.Literal"),
    ("py:class", "Exception"),
    ("py:class", "ValueError"),
    ("py:class", "TypeError"),
    ("py:class", "LookupError"),
    ("py:class", "KeyError"),
    ("py:class", "Protocol"),
    ("py:class", "typing.Protocol"),
    ("py:exc", "TypeError"),
    ("py:exc", "LookupError"),
    ("py:exc", "KeyError"),
    ("py:exc", "ValueError"),
    ("py:func", "textstat.syllable_count"),
    # framing.document.Voice is the alias Literal["authorial", "quoted"]; framing.matching imports
    # it only under TYPE_CHECKING, so Match's signature names it as a bare string. It is not a
    # public name (the concepts page defines the two voices).
    ("py:class", "Voice"),
    ("py:class", "framing.document.Voice"),
    ("py:mod", "importlib.resources"),
    ("py:class", "collections.abc.Callable"),
    ("py:class", "collections.Counter"),
    # Third-party types in the comparison's signatures (numpy, scipy and pandas have no
    # inventory offline either).
    ("py:class", "numpy.ndarray"),
    ("py:class", "numpy.float64"),
    ("py:class", "numpy.int64"),
    ("py:class", "numpy.dtype"),
    ("py:class", "numpy.random._generator.Generator"),
    ("py:class", "pandas.DataFrame"),
    ("py:func", "scipy.stats.bootstrap"),
    ("py:class", "dask.bag.core.Bag"),
    ("py:class", "dask.dataframe.DataFrame"),
]

# -- doctest -------------------------------------------------------------------------------

# The same flags as pytest's doctest run (pyproject.toml), so a docstring example that passes
# under pytest passes here too.
doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL
# Docstring examples (pulled in by autodoc) use the names of their own module unqualified, as
# pytest's --doctest-modules allows; give them the public names. The pages import explicitly.
doctest_global_setup = """
from framing import *
from framing.scorers import *
from framing.compare.features import *
from framing.compare.stats import *
from framing.compare.report import *
import numpy as np
from collections import Counter
"""

# -- HTML ----------------------------------------------------------------------------------

html_theme = "alabaster"
html_title = f"framing {release}"
html_static_path: list[str] = []
html_theme_options = {
    "description": "Media-bias and framing analysis of news text, with evidence spans.",
    "fixed_sidebar": True,
}

# -- Check: every public name is documented ------------------------------------------------


def _check_public_names(app: Any, env: Any) -> None:  # noqa: ANN401, ARG001 - Sphinx passes its own objects; app is unused
    """Warn (an error under -W) for any name of ``framing.__all__`` or ``framing.scorers.__all__`` without a page."""
    from sphinx.util import logging  # noqa: PLC0415 - only needed during the build

    logger = logging.getLogger("framing.docs")
    documented = set(env.get_domain("py").objects)
    for module in (framing, framing.scorers):
        for name in module.__all__:
            obj = getattr(module, name)
            # A name re-exported from a submodule counts when its object is documented under
            # another public path (autodoc registers the defining module's path as canonical).
            canonical = f"{getattr(obj, '__module__', '')}.{getattr(obj, '__qualname__', '')}"
            if f"{module.__name__}.{name}" not in documented and canonical not in documented:
                logger.warning("public name %s.%s is not documented in the API reference", module.__name__, name)


# -- Docstring workarounds (run before napoleon) -------------------------------------------

_FIELD_GROUP = re.compile(r"^(\s*)([A-Za-z_]\w*(?:, [A-Za-z_]\w*)+)\s*$")
_CODE = re.compile(r"``.+?``|`.+?`")


def _split_attribute_groups(lines: list[str]) -> None:
    """Give each name of a grouped numpydoc attribute (``start, end``) its own field.

    numpydoc allows ``start, end`` as one entry of an *Attributes* section; napoleon turns it into
    ``:ivar start, end:``, which Sphinx reads as a type ``start,`` and a name ``end`` (a broken
    reference under ``-n``). Each name gets the shared description instead.
    """
    out: list[str] = []
    in_attrs = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() == "Attributes" and i + 1 < len(lines) and set(lines[i + 1].strip()) == {"-"}:
            in_attrs = True
            out.extend(lines[i : i + 2])
            i += 2
            continue
        if in_attrs and i + 1 < len(lines) and lines[i + 1].strip() and set(lines[i + 1].strip()) == {"-"}:
            in_attrs = False  # the next section header
        m = _FIELD_GROUP.match(line) if in_attrs else None
        if m is None:
            out.append(line)
            i += 1
            continue
        indent = m.group(1)
        j = i + 1
        while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > len(indent)):
            j += 1
        body = lines[i + 1 : j]
        while body and not body[-1].strip():
            body.pop()
        for name in m.group(2).split(", "):
            out.append(indent + name)
            out.extend(body)
        if j < len(lines) and lines[j - 1 : j] and not lines[j - 1].strip():
            out.append("")
        i = j
    lines[:] = out


def _guard_property_summary(what: str, obj: object, lines: list[str]) -> None:
    """Keep napoleon from reading ``summary: more`` on a property's first line as ``type: description``.

    napoleon treats the first line of a property docstring as an inline ``type: description``
    pair; a summary with a colon (``A digest of ...: two lexicons ...``) would become a bogus type.
    Prefixing the return annotation makes the pair what napoleon expects.
    """
    if what != "property" or not lines:
        return
    first = _CODE.sub("", lines[0])
    if ":" not in first:
        return
    fget = getattr(obj, "fget", None)
    ann = getattr(fget, "__annotations__", {}).get("return")
    if isinstance(ann, type):
        ann = ann.__name__
    if isinstance(ann, str) and ann.isidentifier():
        lines[0] = f"{ann}: {lines[0]}"


def _before_napoleon(app: Any, what: str, name: str, obj: object, options: Any, lines: list[str]) -> None:  # noqa: ANN401, ARG001 - the Sphinx event signature
    _split_attribute_groups(lines)
    _guard_property_summary(what, obj, lines)


def _factory_defaults(
    app: Any,  # noqa: ANN401, ARG001 - the Sphinx application, unused
    what: str,  # noqa: ARG001 - part of the event signature
    name: str,  # noqa: ARG001 - part of the event signature
    obj: object,
    options: Any,  # noqa: ANN401, ARG001 - part of the event signature
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str | None, str | None] | None:
    """Show a dataclass field's ``default_factory`` as a call (``dict()``) instead of ``<factory>``.

    ``<factory>`` is not Python, so Sphinx cannot parse the signature and falls back to splitting
    it on commas, which breaks annotations such as ``dict[str, ScorerResult]`` into bogus targets.
    """
    if signature is None or "<factory>" not in signature or not dataclasses.is_dataclass(obj):
        return None
    for f in dataclasses.fields(obj):
        if f.default_factory is not dataclasses.MISSING:
            call = f"{getattr(f.default_factory, '__name__', 'factory')}()"
            at = signature.find(f"{f.name}:")
            hole = signature.find("<factory>", max(at, 0))
            if at >= 0 and hole >= 0:
                signature = signature[:hole] + call + signature[hole + len("<factory>") :]
    return signature, return_annotation


def setup(app: Any) -> None:  # noqa: ANN401 - the Sphinx application
    """Register the public-name check and the docstring workarounds."""
    app.connect("autodoc-process-signature", _factory_defaults)
    app.connect("env-check-consistency", _check_public_names)
    app.connect("autodoc-process-docstring", _before_napoleon, priority=400)
