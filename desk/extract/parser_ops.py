"""How the spaCy model does its arithmetic: numpy's BLAS on one thread, where that can be arranged.

The small English model spends most of its time in matrix products (its
token-to-vector network and the entity recogniser's).  By default thinc does
them with the ``blis`` package, whose kernels on this project's x86-64 machines
ran at about a third of the speed of the OpenBLAS that numpy ships (a
4,000x288 by 288x288 float32 product: 27.6 against 89.8 GFLOP/s on one core).
thinc can hand its products to numpy instead (``NumpyOps(use_blis=False)``);
the parses were the same (tags, dependencies and entities of 1,544 news
sentences identical).

numpy's OpenBLAS starts a thread per core, and its idle threads spin: with one
extraction worker per core that doubled the CPU time of a parse.  So numpy's
products are used only once its BLAS has been set to one thread in this
process; where that cannot be done (a numpy without the bundled OpenBLAS, an
unknown platform) thinc keeps ``blis`` as before.
"""

from __future__ import annotations

import ctypes
import glob
import os
import sys
from typing import Any

#: the setter of the OpenBLAS numpy's wheels bundle (symbols carry the ``scipy_`` prefix)
_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads_64_", "openblas_set_num_threads")

_PINNED: bool | None = None


def _openblas_paths() -> list[str]:
    import numpy

    root = os.path.dirname(os.path.dirname(numpy.__file__))
    names = ("libscipy_openblas*.so*", "libscipy_openblas*.dll", "libscipy_openblas*.dylib", "libopenblas*")
    out: list[str] = []
    for folder in (os.path.join(root, "numpy.libs"), os.path.join(os.path.dirname(numpy.__file__), ".dylibs")):
        for name in names:
            out.extend(sorted(glob.glob(os.path.join(folder, name))))
    return out


def single_threaded_blas() -> bool:
    """Set numpy's bundled OpenBLAS to one thread in this process; whether that was done.

    Loading the library numpy already loaded returns the same handle, so the
    setting reaches numpy's own calls.
    """
    global _PINNED
    if _PINNED is not None:
        return _PINNED
    _PINNED = False
    if not sys.platform.startswith("linux"):
        return False  # measured on Linux only; elsewhere blis stays
    try:
        paths = _openblas_paths()
    except ImportError:
        return False
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SETTERS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter.argtypes = [ctypes.c_int]
                setter.restype = None
                setter(1)
                _PINNED = True
                return True
    return False


def load_pipeline(package: Any, **kwargs: Any) -> Any:
    """``package.load(**kwargs)``, its layers multiplying with numpy when its BLAS is on one thread."""
    if not single_threaded_blas():
        return package.load(**kwargs)
    from thinc.api import NumpyOps, use_ops

    ops = NumpyOps(use_blis=False)
    with use_ops("numpy", use_blis=False):
        nlp = package.load(**kwargs)
    # a few layers are built with their own ops (the parser's input projection): all the same
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        for node in model.walk() if model is not None else ():
            node.ops = ops
    return nlp
