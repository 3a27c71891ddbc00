"""A package's names loaded from its modules on first use (PEP 562), so that importing one module of the
package does not load the others.

Contract: :func:`lazy_names` ``(package, homes, namespace)`` returns the module-level ``__getattr__`` for
``package``: a name in ``homes`` (name → module under the package) is imported from that module, kept in the
package's ``namespace`` (later uses find it there without calling ``__getattr__``) and returned; any other name
is an :class:`AttributeError` worded as Python words it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str], namespace: dict[str, Any]) -> Callable[[str], Any]:
    """The ``__getattr__`` of ``package`` (see the module contract)."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        namespace[name] = value
        return value

    return __getattr__
