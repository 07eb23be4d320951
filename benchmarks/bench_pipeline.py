"""Pipeline throughput and memory on N articles drawn from ../shared/data/raw_articles.jsonl.

usage: python benchmarks/bench_pipeline.py --n 5000 [--workers 2] [--skip-extract-only]
       python benchmarks/bench_pipeline.py --memory 1000 20000   # peak RSS of full runs at each N

Prints articles/s and statements/s for extraction alone and for the full pipeline (run_batch, the
code path of `dispute-stance extract`), peak RSS, and the "encoder floor": the time of the bare
MiniLM forward passes (same tokenizer, max_length, batch size and bf16 setting as the classifier)
over the same statements, measured in the same process, so the overhead is a ratio.
Each measurement runs in a fresh subprocess so that its peak RSS is its own.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT.parent / "shared" / "data" / "raw_articles.jsonl"


def make_input(n: int, path: Path) -> None:
    src = RAW if RAW.exists() else ROOT / "examples" / "articles.jsonl"
    lines = [json.loads(x) for x in open(src, encoding="utf-8") if x.strip()]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(lines[i % len(lines)], id=f"bench-{i:06d}")
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, kids) / 1024, 1)


def run_full(inp: Path, workers: int) -> dict:
    from pipeline.batch import run_batch
    from pipeline.config import load_config

    cfg = load_config(overrides=[f"batch.workers={workers}", "batch.progress=false", "batch.resume=false"])
    out = inp.with_suffix(".out.jsonl")
    t = time.perf_counter()
    s = run_batch(inp, out, cfg)
    dt = time.perf_counter() - t
    return {"articles": s["articles"], "statements": s["statements"], "seconds": round(dt, 2),
            "articles_per_s": round(s["articles"] / dt, 1), "statements_per_s": round(s["statements"] / dt, 1),
            "peak_rss_mb": peak_rss_mb(), "output": str(out)}


def run_extract_only(inp: Path) -> dict:
    from pipeline.annotate import Pipeline
    from pipeline.config import load_config
    from pipeline.io import read_articles

    pipe = Pipeline(load_config(overrides=["classify.enabled=false"]))
    t = time.perf_counter()
    n = n_st = 0
    for a in read_articles(inp):
        n += 1
        n_st += len(pipe.annotate(a).statements)
    dt = time.perf_counter() - t
    return {"articles": n, "statements": n_st, "seconds": round(dt, 2), "articles_per_s": round(n / dt, 1),
            "statements_per_s": round(n_st / dt, 1), "peak_rss_mb": peak_rss_mb()}


def run_encoder_floor(pred_path: Path) -> dict:
    """Bare encoder forward passes over the classifier inputs of the full run's statements."""
    import torch

    from pipeline.classify import StanceSentimentClassifier, classifier_input
    from pipeline.classify.model import encode
    from pipeline.config import load_config
    from pipeline.io import read_articles

    cfg = load_config().classify
    clf = StanceSentimentClassifier.from_pretrained(load_config().resolve_path(cfg.model), bf16=cfg.bf16,
                                                    batch_size=cfg.batch_size, max_length=cfg.max_length)
    items = [classifier_input(a, s) for a in read_articles(pred_path) for s in a.statements]
    order = sorted(items, key=lambda i: len(i.quote) + len(i.context))
    encoder = clf.model.encoder
    t = time.perf_counter()
    with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=clf.bf16):
        for b in range(0, len(order), cfg.batch_size):
            enc = encode(clf.tokenizer, order[b:b + cfg.batch_size], clf.max_length, clf.use_context)
            encoder(**enc)
    dt = time.perf_counter() - t
    return {"statements": len(items), "seconds": round(dt, 2), "statements_per_s": round(len(items) / dt, 1)}


def sub(kind: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--_child", kind, *args], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-extract-only", action="store_true")
    ap.add_argument("--memory", type=int, nargs="*", help="only peak RSS of full runs at these N")
    ap.add_argument("--_child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._child:
        kind, *rest = args._child
        fn = {"full": lambda: run_full(Path(rest[0]), int(rest[1])),
              "extract": lambda: run_extract_only(Path(rest[0])),
              "floor": lambda: run_encoder_floor(Path(rest[0]))}[kind]
        print(json.dumps(fn()))
        return
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    if args.memory:
        res = {}
        for n in args.memory:
            make_input(n, tmp / f"in{n}.jsonl")
            r = sub("full", str(tmp / f"in{n}.jsonl"), str(args.workers))
            res[n] = {"peak_rss_mb": r["peak_rss_mb"], "articles_per_s": r["articles_per_s"]}
        print(json.dumps({"memory_by_n": res}, indent=2))
        return
    inp = tmp / "in.jsonl"
    make_input(args.n, inp)
    res = {"n": args.n, "workers": args.workers, "source": str(RAW if RAW.exists() else "examples")}
    if not args.skip_extract_only:
        res["extract_only"] = sub("extract", str(inp))
    res["full_pipeline"] = sub("full", str(inp), str(args.workers))
    res["encoder_floor"] = sub("floor", res["full_pipeline"].pop("output"))
    res["full_over_floor"] = round(res["full_pipeline"]["seconds"] / res["encoder_floor"]["seconds"], 2)
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
