"""Streaming readers: JSONL, CSV, Parquet, a directory of .txt files, a ``datasets.Dataset``.

Readers never raise on a bad record: it becomes an Article with ``status="error"`` so every input
id reaches the output in input order. Only a bad *source* (missing file, unknown format) raises.
"""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.schema import STATUS_ERROR, Article

FORMATS = ("jsonl", "csv", "parquet", "txt")


class InputError(ValueError):
    """An input source that cannot be read at all."""


def _article_from_record(rec: Any, n: int) -> Article:
    try:
        art = Article.from_dict(rec)
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        rid = rec.get("id") if isinstance(rec, dict) else None
        return Article(id=str(rid) if rid is not None else f"line-{n}", text="",
                       status=STATUS_ERROR, error=f"bad record: {exc}")
    if not art.id:
        art.id = f"line-{n}"
    if not isinstance(rec.get("text"), str):
        art.status, art.error = STATUS_ERROR, "record has no text field" if "text" not in rec \
            else f"text is {type(rec.get('text')).__name__}, not a string"
    return art


def read_jsonl(path: Path) -> Iterator[Article]:
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                what = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else "not valid JSON"
                yield Article(id=f"line-{n}", text="", status=STATUS_ERROR,
                              error=f"line {n}: {what} ({exc})")
                continue
            if not isinstance(rec, dict):
                yield Article(id=f"line-{n}", text="", status=STATUS_ERROR,
                              error=f"line {n}: expected a JSON object, got {type(rec).__name__}")
                continue
            yield _article_from_record(rec, n)


def read_csv(path: Path) -> Iterator[Article]:
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh), 1):
            rec = {k: (v if v != "" else None) for k, v in row.items() if k is not None}
            if rec.get("text") is None and "text" in row:
                rec["text"] = ""
            bad = _decode_json_columns(rec)
            if bad:
                yield Article(id=str(rec.get("id") or f"line-{n}"), text="", status=STATUS_ERROR,
                              error=f"row {n}: column {bad} is not valid JSON")
                continue
            yield _article_from_record(rec, n)


def _decode_json_columns(rec: dict) -> str | None:
    """CSV cells holding JSON lists (statements, unions as written by a JSONL-to-CSV export).

    Returns the name of a column that looks like JSON but does not parse, else None.
    """
    for col in ("statements", "unions"):
        v = rec.get(col)
        if isinstance(v, str) and v.lstrip().startswith("["):
            try:
                rec[col] = json.loads(v)
            except json.JSONDecodeError:
                return col
    return None


def read_parquet(path: Path, batch_size: int = 256) -> Iterator[Article]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    n = 0
    for batch in pf.iter_batches(batch_size=batch_size):
        for rec in batch.to_pylist():
            n += 1
            yield _article_from_record(rec, n)


def read_txt_dir(path: Path) -> Iterator[Article]:
    files = sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
    if not files:
        raise InputError(f"{path}: directory holds no .txt files")
    for p in files:
        raw = p.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield Article(id=p.stem, text="", status=STATUS_ERROR,
                          error=f"{p.name}: not UTF-8 text")
            continue
        yield Article(id=p.stem, text=text, extra={"source_file": p.name})


def read_dataset(ds: Any) -> Iterator[Article]:
    """A ``datasets.Dataset`` or ``IterableDataset`` (streaming), row by row."""
    for n, rec in enumerate(ds, 1):
        yield _article_from_record(dict(rec), n)


def detect_format(path: Path) -> str:
    if path.is_dir():
        return "txt"
    suffix = "".join(path.suffixes[-2:]) if path.suffix == ".gz" else path.suffix
    mapping = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
               ".parquet": "parquet", ".pq": "parquet"}
    if suffix.lower() not in mapping:
        raise InputError(f"{path}: unknown input format {suffix!r}; use one of "
                         f".jsonl, .csv, .parquet or a directory of .txt files (or --format)")
    return mapping[suffix.lower()]


def read_articles(source: Any, fmt: str | None = None) -> Iterator[Article]:
    """Stream Articles from a path (``.jsonl``/``.csv``/``.parquet``/txt dir) or a Dataset."""
    if not isinstance(source, (str, Path)):
        if hasattr(source, "__iter__") and hasattr(source, "features"):
            return read_dataset(source)
        raise InputError(f"cannot read articles from a {type(source).__name__}")
    path = Path(source)
    if not path.exists():
        raise InputError(f"input not found: {path}")
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "txt" and not path.is_dir():
        raise InputError(f"{path}: format txt needs a directory of .txt files")
    if fmt != "txt" and path.is_dir():
        raise InputError(f"{path} is a directory; format {fmt} needs a file")
    reader = {"jsonl": read_jsonl, "csv": read_csv, "parquet": read_parquet,
              "txt": read_txt_dir}[fmt]
    return reader(path)
