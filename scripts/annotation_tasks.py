"""The stand-off annotation procedure of annotations/README.md, as three steps.

usage:
  python scripts/annotation_tasks.py make ARTICLES TASK_DIR [--chunks 8] [--exclude GOLD.jsonl ...]
      task chunks (article texts + the extractor's proposed spans) for the annotators; TASK_DIR
      must lie outside the repository: it holds article texts
  python scripts/annotation_tasks.py check TASK_DIR K
      validate an annotator's TASK_DIR/out_K.jsonl (exact quotes, valid labels, every article done)
  python scripts/annotation_tasks.py merge ARTICLES TASK_DIR OUT.jsonl
      every checked chunk as one stand-off file (offsets + labels, no text)

Annotators follow annotations/ANNOTATOR_INSTRUCTIONS.md (K and TASK_DIR filled in).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from pipeline.io import read_articles
from pipeline.io.standoff import write_standoff
from pipeline.schema import SENTIMENTS, SIDES, STANCES, TYPES, Article, Statement

LABELS = {"type": TYPES, "side": SIDES, "stance": STANCES, "sentiment": SENTIMENTS}


def make(articles: str, task_dir: Path, chunks: int, exclude: list[str], seed: int = 0) -> None:
    from pipeline.annotate import Pipeline
    from pipeline.config import load_config

    skip = {a.id for f in exclude for a in read_articles(f)}
    cfg = load_config()
    cfg.classify.enabled = False
    pipe = Pipeline(cfg, classifier=False)
    tasks = []
    for a in read_articles(articles):
        if a.id in skip or a.status != "ok":
            continue
        text = a.text
        found = pipe.annotate(a).statements
        tasks.append({"id": a.id, "title": a.title, "date": a.date, "text": text,
                      "candidates": [{"start": s.start, "end": s.end, "type": s.type, "quote": s.quote}
                                     for s in found]})
    random.Random(seed).shuffle(tasks)
    task_dir.mkdir(parents=True, exist_ok=True)
    for k in range(chunks):
        with open(task_dir / f"chunk_{k}.jsonl", "w", encoding="utf-8") as fh:
            for t in tasks[k::chunks]:
                fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    print(f"{len(tasks)} articles in {chunks} chunks under {task_dir}")


def check(task_dir: Path, k: str) -> tuple[dict[str, list[dict]], list[str]]:
    """The chunk's annotated statements with offsets resolved, and every problem found."""
    chunk = {r["id"]: r for r in map(json.loads, open(task_dir / f"chunk_{k}.jsonl", encoding="utf-8"))}
    out: dict[str, list[dict]] = {}
    errors: list[str] = []
    for n, line in enumerate(open(task_dir / f"out_{k}.jsonl", encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: bad JSON ({exc})")
            continue
        if rec.get("id") not in chunk:
            errors.append(f"line {n}: id {rec.get('id')!r} is not in chunk {k}")
            continue
        text = chunk[rec["id"]]["text"]
        done = []
        for i, s in enumerate(rec.get("statements", [])):
            q, where = s.get("quote") or "", f"{rec['id']} statement {i}"
            if not q or q not in text:
                errors.append(f"{where}: quote is not an exact substring of the text")
                continue
            hint = s["start"] if isinstance(s.get("start"), int) else 0
            starts = [p for p in range(len(text)) if text.startswith(q, p)]
            start = min(starts, key=lambda p: abs(p - hint))  # the occurrence nearest the hint
            bad = [f for f, ok in LABELS.items() if s.get(f) not in ok]
            if bad or not isinstance(s.get("speaker"), str) or not s["speaker"].strip():
                errors.append(f"{where}: invalid {bad or ['speaker']}")
                continue
            done.append({"start": start, "end": start + len(q), "quote": q, "speaker": s["speaker"].strip(),
                         **{f: s.get(f) for f in ("type", "speaker_org", "side", "stance", "sentiment")}})
        out[rec["id"]] = sorted(done, key=lambda d: d["start"])  # a later line for an id replaces it
    errors += [f"not annotated: {a}" for a in chunk if a not in out]
    return out, errors


def merge(articles: str, task_dir: Path, out_path: str) -> None:
    texts = {a.id: a for a in read_articles(articles)}
    done: dict[str, list[dict]] = {}
    for f in sorted(task_dir.glob("out_*.jsonl")):
        k = f.stem.split("_", 1)[1]
        got, errors = check(task_dir, k)
        if errors:
            sys.exit(f"chunk {k}: {len(errors)} problems, first: {errors[0]}")
        done.update(got)
    arts = []
    for aid, a in texts.items():
        if aid in done:
            seen, sts = set(), []
            for s in done[aid]:
                if (s["start"], s["end"]) not in seen:  # one statement per span
                    seen.add((s["start"], s["end"]))
                    sts.append(Statement(**s))
            arts.append(Article(id=aid, text=a.text, statements=sts))
    write_standoff(arts, out_path)
    print(f"{len(arts)} articles, {sum(len(a.statements) for a in arts)} statements -> {out_path}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("make")
    p.add_argument("articles")
    p.add_argument("task_dir", type=Path)
    p.add_argument("--chunks", type=int, default=8)
    p.add_argument("--exclude", nargs="*", default=[])
    p = sub.add_parser("check")
    p.add_argument("task_dir", type=Path)
    p.add_argument("k")
    p = sub.add_parser("merge")
    p.add_argument("articles")
    p.add_argument("task_dir", type=Path)
    p.add_argument("out")
    args = ap.parse_args()
    if args.cmd == "make":
        make(args.articles, args.task_dir, args.chunks, args.exclude)
    elif args.cmd == "check":
        got, errs = check(args.task_dir, args.k)
        print(f"chunk {args.k}: {len(got)} articles, {sum(map(len, got.values()))} statements; {len(errs)} problems")
        for e in errs[:50]:
            print("  ", e)
    else:
        merge(args.articles, args.task_dir, args.out)
