"""desk.corpus loads its reading and cutting modules when one of their names is first asked for:
a read command of an unchanged folder (the change check) needs only the scan and the manifest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import desk.corpus as corpus

ROOT = Path(__file__).resolve().parents[2]


def test_every_public_name_is_its_modules_own() -> None:
    import importlib

    for name in corpus.__all__:
        value = getattr(corpus, name)
        home = corpus._HOME.get(name)
        if home is not None:
            assert value is getattr(importlib.import_module(f"desk.corpus.{home}"), name), name
    assert set(corpus.__all__) <= set(dir(corpus))
    from desk.corpus import reader

    assert reader.UNKNOWN_OUTLET == corpus.UNKNOWN_OUTLET == "Unknown outlet"


def test_scan_stays_the_function_after_its_module_is_imported() -> None:
    import importlib

    scan_module = importlib.import_module("desk.corpus.scan")  # the module (``import ... as`` gives the name)
    assert callable(corpus.scan)
    assert corpus.scan is scan_module.scan
    assert corpus.scan_stat is scan_module.scan_stat


def test_the_change_check_names_load_no_reader() -> None:
    code = (
        "import sys\n"
        "from desk.corpus import UNKNOWN_OUTLET, FolderContext, scan_stat\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('desk.corpus.'))\n"
        "print(' '.join(loaded))\n"
        "from desk.corpus import read_article\n"
        "print('desk.corpus.reader' in sys.modules, 'desk.corpus.boilerplate' in sys.modules)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.strip().splitlines()
    assert "desk.corpus.reader" not in first.split()
    assert "desk.corpus.boilerplate" not in first.split()
    assert "desk.corpus.scan" in first.split()
    assert second == "True True"


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_reader"):
        corpus.no_such_reader  # noqa: B018 - the lookup is the test
