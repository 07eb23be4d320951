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


@pytest.fixture(scope="session")
def tiny_backbone(tmp_path_factory) -> str:
    """A 2-layer random BERT with the real MiniLM tokenizer: a real model, trained in seconds."""
    from transformers import AutoTokenizer, BertConfig, BertModel

    from pipeline.backbone import default_backbone_path

    d = tmp_path_factory.mktemp("tiny-bert")
    tok = AutoTokenizer.from_pretrained(default_backbone_path())
    cfg = BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=2,
                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=256)
    import torch

    torch.manual_seed(0)
    BertModel(cfg).save_pretrained(d, safe_serialization=True)
    tok.save_pretrained(d)
    return str(d)


@pytest.fixture(scope="session")
def tiny_model(tiny_backbone, tmp_path_factory) -> str:
    """A tiny stance/sentiment model trained on the example gold (no CV)."""
    from pipeline.classify.train import run_training

    out = tmp_path_factory.mktemp("tiny-model")
    run_training(str(ROOT / "configs" / "train_tiny.yaml"),
                 [f"backbone={tiny_backbone}", "run_cv=false", "data=[examples/gold.jsonl]"], str(out))
    return str(out)
