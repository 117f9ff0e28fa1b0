"""desk: compare how news outlets report the same facts, offline."""

import os as _os

__version__ = "0.1.0"

#: BLAS worker threads for numpy's matrix products, unless the user set their own.  desk's products
#: are small (a comparison's units x hits, a few thousand rows): OpenBLAS's second thread halved no
#: wait but doubled their CPU time, and its threads spin on the cores the window, the search and the
#: other comparisons need.  Set here, before any module of desk imports numpy (read when it loads).
BLAS_THREADS = "1"
_os.environ.setdefault("OPENBLAS_NUM_THREADS", BLAS_THREADS)
