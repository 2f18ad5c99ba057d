"""Every module lists its public surface in __all__, and __all__ names only real things."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import digest

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(digest.__path__, "digest.")
    if ".sample._" not in info.name and not info.name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_all_is_complete_and_true(name: str) -> None:
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert exported is not None, f"{name} has no __all__"
    for item in exported:
        if name == "digest":
            continue  # the package loads the pipeline lazily (see digest.__getattr__)
        assert hasattr(module, item), f"{name}.__all__ names {item}, which does not exist"
    defined_here = {
        attribute
        for attribute, value in vars(module).items()
        if not attribute.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and getattr(value, "__module__", None) == name
    }
    missing = sorted(defined_here - set(exported))
    assert missing == [], f"{name} defines public {missing} but leaves them out of __all__"
