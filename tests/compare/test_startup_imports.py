"""``desk compare`` starts without the extraction rules: they load only when something extracts."""

from __future__ import annotations

import subprocess
import sys


def _which_loaded(code: str, names: tuple[str, ...]) -> list[str]:
    """Which of the modules ``names`` a fresh interpreter holds after running ``code``."""
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint(' '.join(m for m in {names!r} if m in sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return out.split()


def _loaded_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint(' '.join(m for m in sys.modules if m.startswith('desk.')))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return set(out.split())


HEAVY = {"desk.extract.claimants", "desk.extract.cues", "desk.extract.figures"}


def test_the_compare_path_does_not_import_the_extraction_rules() -> None:
    loaded = _loaded_after("import desk.cli, desk.library, desk.compare, desk.extract.sentences, desk.extract.store")
    assert "desk.compare" in loaded
    assert not (HEAVY & loaded)


def test_the_package_names_still_reach_their_functions() -> None:
    loaded = _loaded_after(
        "from desk.extract import find_figures, same_claimant\n"
        "assert find_figures('The ferry carried 412 passengers.')[0].value == 412\n"
        "assert same_claimant('Mayor Ilse Varn', 'Ilse Varn')\n"
        "import desk.extract as x\n"
        "assert callable(x.load_model)"
    )
    assert loaded >= HEAVY


def test_the_compare_path_does_not_import_the_process_pools() -> None:
    code = "import desk.cli, desk.library, desk.compare, desk.index.build"
    assert _which_loaded(code, ("multiprocessing", "concurrent.futures")) == []
    # ... and the pools still start when something indexes
    from desk.index import pools

    assert pools.mp_context().get_start_method() in {"fork", "spawn"}


def test_the_compare_path_does_not_import_yaml() -> None:
    assert _which_loaded("import desk.cli, desk.library, desk.compare, desk.corpus.meta", ("yaml",)) == []
    # ... and front matter that needs the YAML parser is still read
    from desk.corpus.meta import front_matter

    fields, body = front_matter("---\ntitle: The ferry\ntags: [harbour, storm]\ndate: 2021-02-29\n---\nBody text.\n")
    assert fields.values["title"] == "The ferry"
    assert any("date" in n for n in fields.notes)
    assert body > 0


def test_the_compare_path_does_not_import_the_url_opener_or_the_date_parser() -> None:
    """Whoosh's compatibility module names ``urlretrieve`` (http.client, email, ssl come with it) and the
    query's date bounds python-dateutil's parser: a compare without a date bound uses neither."""
    code = "import desk.cli, desk.library, desk.compare, desk.index.whoosh, desk.index.bounds"
    assert _which_loaded(code, ("urllib.request", "http.client", "email", "dateutil.parser")) == []
    # ... and both still work when asked for
    check = (
        "import desk.index.whoosh\n"
        "import whoosh.compat, urllib.request\n"
        "assert callable(urllib.request.urlopen) and callable(whoosh.compat.urlretrieve)\n"
        "from desk.index.bounds import parse_date\n"
        "assert parse_date('3 March 2031').day == 3\n"
    )
    assert _which_loaded(check, ("urllib.request", "dateutil.parser")) == ["urllib.request", "dateutil.parser"]
