"""Shared fixtures: paths to examples and to ../shared (skipped cleanly when absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture
def examples_dir() -> Path:
    return ROOT / "examples"


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "train_gold.jsonl").exists():
        pytest.skip("../shared/data is not present (fresh clone)")
    return SHARED


@pytest.fixture
def in_ci() -> bool:
    return bool(os.environ.get("CI"))
