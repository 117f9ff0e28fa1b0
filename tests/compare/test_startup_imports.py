"""``desk compare`` starts without the extraction rules: they load only when something extracts."""

from __future__ import annotations

import subprocess
import sys


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
