"""Small JSON files that desk keeps in its data directory (aliases, row notes).

They are written whole to a temporary file beside the target and renamed over
it, so a crash or a kill leaves either the old file or the new one, never half
of either.  The temporary name starts with ``prefix`` so that a later run can
find and remove what a killed run left behind.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_json_atomic(path: Path, data: Any, *, prefix: str) -> None:
    """Write ``data`` as indented UTF-8 JSON to ``path`` in one rename; raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
