"""Typed configuration loaded from ``configs/*.yaml``, validated on load, overridable by key.

Every section is a dataclass; unknown keys, wrong types and out-of-range values raise
``ConfigError`` naming the offending key, so a typo in a YAML file never passes silently.
Overrides use dotted keys: ``classify.batch_size=64``.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
DEFAULT_CONFIG = REPO_DIR / "configs" / "default.yaml"


class ConfigError(ValueError):
    """A configuration file or override that does not fit the schema."""


@dataclass
class ExtractConfig:
    """Statement extraction (quotes, reported speech)."""

    direct: bool = True
    indirect: bool = True
    min_quote_words: int = 2  # shorter quoted strings are scare quotes, not statements
    max_text_chars: int = 1_000_000  # longer texts are recorded as per-article errors


@dataclass
class AttributeConfig:
    """Speaker resolution, sides and article-level metadata."""

    knowledge_dir: str | None = None  # None: the package's bundled knowledge/ folder
    infer_article_meta: bool = True  # infer employer/unions/dispute when the input gives none


@dataclass
class ClassifyConfig:
    """Stance and sentiment classifiers."""

    enabled: bool = True
    model: str = "models/stance-sentiment"  # a model directory (relative to the repo) or hub name
    backbone: str | None = None  # override the encoder named in the model directory
    batch_size: int = 64
    max_length: int = 128
    bf16: bool = True  # bf16 autocast on CPUs that support it
    threads: int | None = None  # torch intra-op threads; None: torch's default
    # oneDNN's per-shape kernel cache: ~1.5x faster, but a worker's memory then creeps up over
    # long runs (benchmarks/README.md); off keeps memory flat
    kernel_cache: bool = False


@dataclass
class CompareConfig:
    """Per-dispute comparison of the sides."""

    min_statements: int = 5  # fewer statements for a side: shown as insufficient evidence
    n_bootstrap: int = 1000
    confidence: float = 0.95
    seed: int = 0
    use_probabilities: bool = True
    examples_per_label: int = 2
    min_articles: int = 3  # fewer articles: no interval and no test (resampling 1-2 says nothing)
    n_permutations: int = 2000  # sampled sign flips when a dispute has more than 12 articles
    max_charts: int = 60  # per-dispute charts only for the largest disputes with enough evidence


@dataclass
class BatchConfig:
    """Streaming batch runs."""

    workers: int = 2
    chunk_size: int = 64  # articles per unit of work
    progress: bool = True
    resume: bool = True


@dataclass
class Config:
    """The whole pipeline configuration."""

    extract: ExtractConfig = field(default_factory=ExtractConfig)
    attribute: AttributeConfig = field(default_factory=AttributeConfig)
    classify: ClassifyConfig = field(default_factory=ClassifyConfig)
    compare: CompareConfig = field(default_factory=CompareConfig)
    batch: BatchConfig = field(default_factory=BatchConfig)
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def resolve_path(self, value: str) -> str:
        """A relative path in the config is relative to the repository root if it exists there."""
        p = Path(value)
        if not p.is_absolute() and (REPO_DIR / p).exists() and not p.exists():
            return str(REPO_DIR / p)
        return value


_RANGES: dict[str, tuple[float | None, float | None]] = {
    "extract.min_quote_words": (1, None),
    "extract.max_text_chars": (1, None),
    "classify.batch_size": (1, None),
    "classify.max_length": (8, 512),
    "classify.threads": (1, None),
    "compare.min_statements": (0, None),
    "compare.n_bootstrap": (0, None),
    "compare.confidence": (0.5, 0.999),
    "compare.examples_per_label": (0, None),
    "compare.min_articles": (1, None),
    "compare.n_permutations": (1, None),
    "compare.max_charts": (0, None),
    "batch.workers": (0, None),
    "batch.chunk_size": (1, None),
}


def _coerce(value: Any, tp: Any, key: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        if value is None and type(None) in args:
            return None
        for a in args:
            if a is type(None):
                continue
            return _coerce(value, a, key)
    if tp is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no", "1", "0"):
            return value.lower() in ("true", "yes", "1")
        raise ConfigError(f"{key}: expected true/false, got {value!r}")
    if tp is int:
        if isinstance(value, bool):
            raise ConfigError(f"{key}: expected an integer, got {value!r}")
        try:
            if isinstance(value, float) and not value.is_integer():
                raise ValueError
            return int(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{key}: expected an integer, got {value!r}") from None
    if tp is float:
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ConfigError(f"{key}: expected a number, got {value!r}") from None
    if tp is str:
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise ConfigError(f"{key}: expected a string, got {value!r}")
        return str(value)
    return value


def _build(cls: type, data: dict[str, Any], prefix: str) -> Any:
    if not isinstance(data, dict):
        raise ConfigError(f"{prefix or 'config'}: expected a mapping, got {data!r}")
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - names)
    if unknown:
        raise ConfigError(f"unknown config key(s): {', '.join(prefix + k for k in unknown)}; "
                          f"known: {', '.join(sorted(prefix + n for n in names))}")
    kwargs = {}
    for name, value in data.items():
        tp = hints[name]
        key = prefix + name
        if dataclasses.is_dataclass(tp):
            kwargs[name] = _build(tp, value or {}, key + ".")
        else:
            v = _coerce(value, tp, key)
            lo, hi = _RANGES.get(key, (None, None))
            if v is not None and ((lo is not None and v < lo) or (hi is not None and v > hi)):
                raise ConfigError(f"{key}: {v!r} out of range [{lo}, {hi if hi is not None else '∞'}]")
            kwargs[name] = v
    return cls(**kwargs)


def _parse_scalar(text: str) -> Any:
    return yaml.safe_load(text) if text != "" else ""


def apply_overrides(data: dict[str, Any], overrides: list[str] | None) -> dict[str, Any]:
    """Apply ``a.b=value`` overrides (values parsed as YAML scalars) to a raw config mapping."""
    for item in overrides or []:
        if "=" not in item:
            raise ConfigError(f"override {item!r} is not of the form key=value")
        key, raw = item.split("=", 1)
        parts = key.strip().split(".")
        node = data
        for p in parts[:-1]:
            node = node.setdefault(p, {})
            if not isinstance(node, dict):
                raise ConfigError(f"override {item!r}: {p} is not a section")
        node[parts[-1]] = _parse_scalar(raw)
    return data


def load_config(path: str | Path | None = None, overrides: list[str] | None = None) -> Config:
    """Load and validate a config file (default: configs/default.yaml) with dotted overrides."""
    data: dict[str, Any] = {}
    p = Path(path) if path else DEFAULT_CONFIG
    if path or p.exists():
        if not p.exists():
            raise ConfigError(f"config file not found: {p}")
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise ConfigError(f"{p}: not valid YAML ({exc})") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{p}: top level must be a mapping")
    data = apply_overrides(data, overrides)
    return _build(Config, data, "")
