"""Streaming batch runs: resumable, atomic, deterministic, with a progress bar.

While running, ``OUT.partial`` holds one JSON line per finished article (appended and fsynced one
chunk at a time) and ``OUT.progress.json`` the checkpoint after the last whole chunk: the run's
fingerprint (input identity + every config key that can change the output), the number of
articles and the byte length of the partial file. Rerunning the same command cuts the partial
file back to the checkpoint (dropping any half-written chunk), skips that many input records and
goes on; chunks stay aligned with an uninterrupted run, so the result is byte-identical.
At the end one pass over the per-article metadata unifies the dispute slugs across the batch
(``group_disputes``) and a second rewrites the partial file to ``OUT`` atomically.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from pipeline.annotate import Pipeline
from pipeline.config import Config
from pipeline.io import atomic_open, read_articles
from pipeline.schema import STATUS_OK, Article
from pipeline.workers import ChunkRunner

log = logging.getLogger(__name__)
PROGRESS_ENV = "DISPUTE_STANCE_PROGRESS"  # "1": show the bar even when stderr is not a TTY
# batch keys that cannot change the output: a run may be resumed with other values
_NEUTRAL_KEYS = ("workers", "progress", "resume")


def fingerprint(source: Any, config: Config, fmt: str | None = None) -> str | None:
    """Identity of a run; ``None`` when the source cannot be identified (no resume then)."""
    from pipeline import __version__

    cfg = config.to_dict()
    cfg["batch"] = {k: v for k, v in cfg["batch"].items() if k not in _NEUTRAL_KEYS}
    h = hashlib.sha256(json.dumps([__version__, fmt, cfg], sort_keys=True).encode())
    if isinstance(source, (str, Path)):
        p = Path(source).resolve()
        files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
        for f in files:
            st = f.stat()
            h.update(f"{f}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    elif getattr(source, "_fingerprint", None):  # a datasets.Dataset
        h.update(str(source._fingerprint).encode())
    else:
        return None
    return h.hexdigest()


def count_input(source: Any, fmt: str | None = None) -> int | None:
    """Number of input records when cheap to know (for the progress bar's ETA), else None."""
    try:
        if isinstance(source, (str, Path)):
            p = Path(source)
            if p.is_dir():
                return sum(1 for f in p.glob("*.txt") if f.is_file())
            kind = fmt or p.suffix.lstrip(".").lower()
            if kind in ("jsonl", "json", "ndjson"):
                with open(p, "rb") as fh:
                    return sum(1 for line in fh if line.strip())
            if kind in ("parquet", "pq"):
                import pyarrow.parquet as pq

                return pq.ParquetFile(p).metadata.num_rows
            return None
        return len(source) if hasattr(source, "__len__") else None
    except (OSError, ValueError, TypeError):
        return None  # the reader reports a bad source with a proper message


def _chunks(it: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while chunk := list(islice(it, size)):
        yield chunk


class Checkpoint:
    """``OUT.partial`` + ``OUT.progress.json``: what an interrupted run has safely written."""

    def __init__(self, out: Path, fp: str | None) -> None:
        self.partial = out.with_name(out.name + ".partial")
        self.progress = out.with_name(out.name + ".progress.json")
        self.fp = fp
        self.done = 0
        self.bytes = 0

    def restore(self, enabled: bool) -> int:
        """Articles already done (0: start afresh); cuts the partial file back to the checkpoint."""
        self.done = self.bytes = 0
        if enabled and self.fp and self.partial.exists() and self.progress.exists():
            try:
                state = json.loads(self.progress.read_text(encoding="utf-8"))
                if state["fingerprint"] == self.fp and self.partial.stat().st_size >= state["bytes"]:
                    self.done, self.bytes = int(state["done"]), int(state["bytes"])
            except (ValueError, KeyError, TypeError, OSError):
                log.warning("%s is unreadable; starting afresh", self.progress)
        with open(self.partial, "ab") as fh:
            fh.truncate(self.bytes)
        self._save()
        return self.done

    def append(self, fh, data: bytes, n: int) -> None:
        """Write one chunk durably, then move the checkpoint past it."""
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
        self.done += n
        self.bytes += len(data)
        self._save()

    def _save(self) -> None:
        with atomic_open(self.progress) as pf:
            pf.write(json.dumps({"fingerprint": self.fp, "done": self.done, "bytes": self.bytes}))

    def remove(self) -> None:
        self.progress.unlink(missing_ok=True)
        self.partial.unlink(missing_ok=True)


def json_line(rec: dict) -> bytes:
    """One UTF-8 JSON line. A text holding a lone surrogate (possible in JSON input) cannot be
    encoded as UTF-8; that record is written with ASCII escapes instead (still valid JSON that
    reads back to the same string) rather than failing the whole run."""
    try:
        return (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(rec) + "\n").encode("ascii")


def _record_line(a: Article) -> bytes:
    rec = a.to_dict(internal=True)  # keeps stage metadata (_workforce, _year, ...) for grouping
    rec["_hints"] = list(a.hints)  # finalize needs to know which metadata came from the input
    return json_line(rec)


def _progress_bar(total: int | None, initial: int, enabled: bool, force: bool | None):
    if not enabled and not force:
        return None
    from tqdm import tqdm

    show = force or sys.stderr.isatty() or os.environ.get(PROGRESS_ENV) == "1"
    return tqdm(total=total, initial=initial, unit="art", file=sys.stderr, dynamic_ncols=True,
                smoothing=0.1, disable=not show, desc="articles")


def run_batch(source: Any, output: str | Path, config: Config, fmt: str | None = None,
              table: str | Path | None = None, pipeline: Pipeline | None = None,
              progress: bool | None = None) -> dict:
    """Run the pipeline over ``source`` into ``output`` (JSONL), resumably; returns a summary.

    ``pipeline`` injects a ready Pipeline (then everything runs in this process);
    ``progress=True`` forces the bar even without a TTY, ``False`` hides it.
    """
    t0 = time.perf_counter()
    out = Path(output)
    out.parent.mkdir(parents=True, exist_ok=True)
    articles = read_articles(source, fmt)  # raises InputError on a bad source, before any write
    ckpt = Checkpoint(out, fingerprint(source, config, fmt))
    resumed = ckpt.restore(config.batch.resume)
    if resumed:
        log.info("resuming %s after %d articles", out, resumed)
        for _ in islice(articles, resumed):  # written by the interrupted run
            pass
    bar = _progress_bar(count_input(source, fmt), resumed,
                        config.batch.progress if progress is None else progress, progress)
    n_new = n_st = 0
    runner = ChunkRunner(config, config.batch.workers, pipeline)
    try:
        with runner, open(ckpt.partial, "ab") as fh:
            if runner.pipeline is not None and config.classify.enabled:
                _ = runner.pipeline.classifier  # a bad model directory fails before any work
            for chunk in runner.map(_chunks(articles, config.batch.chunk_size)):
                ckpt.append(fh, b"".join(_record_line(a) for a in chunk), len(chunk))
                n_new += len(chunk)
                n_st += sum(len(a.statements) for a in chunk)
                if bar is not None:
                    bar.update(len(chunk))
                    bar.set_postfix(statements=n_st, refresh=False)
    except KeyboardInterrupt:
        log.warning("interrupted after %d articles; run the same command again to resume",
                    ckpt.done)
        raise
    except BaseException:
        if ckpt.done == 0:  # failed before writing anything (e.g. a bad model): leave no trace
            ckpt.remove()
        raise
    finally:
        if bar is not None:
            bar.close()
    summary = finalize(ckpt.partial, out, config)
    ckpt.remove()
    if table:
        write_table(out, table)
        summary["table"] = str(table)
    seconds = time.perf_counter() - t0
    summary.update(resumed_from=resumed, new_articles=n_new, workers=runner.workers,
                   seconds=round(seconds, 2),
                   articles_per_s=round(n_new / seconds, 2) if seconds > 0 else None,
                   output=str(out))
    return summary


def _meta_article(rec: dict) -> Article:
    """Only what dispute grouping reads: memory stays small however long the batch."""
    return Article(id=rec["id"], text="", title=rec.get("title"), date=rec.get("date"),
                   dispute=rec.get("dispute"), employer=rec.get("employer"),
                   unions=rec.get("unions") or [], hints=tuple(rec.get("_hints") or ()),
                   extra={k: v for k, v in rec.items() if k.startswith("_")})


def _records(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def finalize(partial: Path, out: Path, config: Config) -> dict:
    """Unify dispute slugs across the batch and write the final output atomically.

    Keys starting with ``_`` are the pipeline's internal per-article metadata and are dropped.
    """
    slugs: dict[str, str] = {}
    if config.attribute.infer_article_meta:
        from pipeline.attribute import group_disputes

        slugs = group_disputes(_meta_article(r) for r in _records(partial)
                               if r.get("status") == STATUS_OK)
    n_ok = n_err = n_st = 0
    with atomic_open(out, "wb") as fh:
        for rec in _records(partial):
            ok = rec.get("status") == STATUS_OK
            if ok and rec["id"] in slugs:
                rec["dispute"] = slugs[rec["id"]]
            for k in [k for k in rec if k.startswith("_")]:
                del rec[k]
            n_ok += ok
            n_err += not ok
            n_st += len(rec.get("statements") or [])
            fh.write(json_line(rec))
    return {"articles": n_ok + n_err, "ok": n_ok, "errors": n_err, "statements": n_st}


def write_table(predictions: str | Path, path: str | Path, rows_per_group: int = 20_000) -> int:
    """The flat statements table (.csv or .parquet) streamed from a predictions JSONL."""
    import pandas as pd

    from pipeline.io.writers import TABLE_COLUMNS, statement_rows

    path = Path(path)
    if path.suffix not in (".csv", ".parquet", ".pq"):
        raise ValueError(f"{path}: statements table must end in .csv or .parquet")
    rows = statement_rows(read_articles(predictions, "jsonl"))
    n, writer = 0, None
    with atomic_open(path, "w" if path.suffix == ".csv" else "wb") as fh:
        while True:  # one row group at a time; an empty table still gets its header
            part = list(islice(rows, rows_per_group))
            df = pd.DataFrame(part, columns=TABLE_COLUMNS)
            if path.suffix == ".csv":
                df.to_csv(fh, index=False, header=n == 0)
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                tbl = pa.Table.from_pandas(df, schema=_table_schema(), preserve_index=False)
                writer = writer or pq.ParquetWriter(fh, tbl.schema)
                writer.write_table(tbl)
            n += len(df)
            if len(part) < rows_per_group:
                break
        if writer is not None:
            writer.close()
    return n


def _table_schema():
    """Fixed column types, so row groups agree even when a group has only nulls in a column."""
    import pyarrow as pa

    from pipeline.io.writers import TABLE_COLUMNS

    ints = {"statement_index", "start", "end"}
    return pa.schema([(c, pa.int64() if c in ints else pa.float64() if c.startswith("p_")
                       else pa.string()) for c in TABLE_COLUMNS])
