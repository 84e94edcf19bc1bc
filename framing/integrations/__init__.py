"""Integrations: per-document feature vectors, a scikit-learn transformer and Dask helpers.

:mod:`framing.integrations.features` needs nothing beyond the core library. The other modules
import an optional dependency and say which extra installs it when it is missing:

* :mod:`framing.integrations.sklearn`: ``pip install framing[sklearn]``;
* :mod:`framing.integrations.dask`: ``pip install framing[dask]``.

Nothing optional is imported here, so ``import framing.integrations`` is always cheap.
"""

from framing.integrations.features import FeatureVector, extract_features, feature_names, provenance

__all__ = ["FeatureVector", "extract_features", "feature_names", "provenance"]
