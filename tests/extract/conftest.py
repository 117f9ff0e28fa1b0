"""The extraction tests share one loaded spaCy pipeline (loaded once, before the first test that parses)."""

from __future__ import annotations

import pytest

from desk.extract import load_model


@pytest.fixture(scope="session", autouse=True)
def _model() -> None:
    load_model()
