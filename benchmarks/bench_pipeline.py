"""Pipeline throughput and memory on N articles drawn from ../shared/data/raw_articles.jsonl.

usage: python benchmarks/bench_pipeline.py --n 5000 [--workers 2] [--set key=value ...]
       python benchmarks/bench_pipeline.py --memory 1000 20000    # full runs at each N: memory

Prints JSON with, for the same N articles (the raw file replicated with fresh ids to reach N):
- ``extract_only``: run_batch with classification off (extraction + attribution + grouping);
- ``full_pipeline``: run_batch with the shipped classifier (the code path of `dispute-stance
  extract`), wall time from start to final file, including worker start-up and model loading;
- ``encoder_floor``: the bare MiniLM forward passes over the full run's statements (same
  tokenizer, max_length, batch size, length-sorted batches and bf16 setting as the classifier,
  model already loaded), measured both as one process with all cores and as one single-threaded
  process per core; the floor is the faster of the two, and ``full_over_floor`` the ratio;
- memory of each run's whole process tree (parent, fork server, workers), sampled every 0.2 s:
  ``peak_tree_rss_mb`` (largest sum of RSS at one moment; shared library pages counted once per
  process), ``peak_tree_pss_mb`` (the same with shared pages split: memory really used) and
  ``max_process_hwm_mb`` (the largest single-process peak, as getrusage reports it);
- the load average before and after each run, since the machine may be shared.
Without ../shared the fictional examples/articles.jsonl are replicated instead.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
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


# ---------------------------------------------------------------- memory of a process tree
def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = open(f"/proc/{d}/stat").read()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            kids.setdefault(ppid, []).append(int(d))
    return kids


def _tree(pid: int) -> list[int]:
    kids, out, todo = _children(), [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += kids.get(p, [])
    return out


def _kb(path: str, keys: tuple[str, ...]) -> dict[str, int]:
    res = {}
    try:
        for line in open(path):
            k = line.split(":", 1)[0]
            if k in keys:
                res[k] = int(line.split()[1])
    except OSError:
        pass
    return res


class TreeMemory(threading.Thread):
    """Samples RSS, PSS and peak RSS (VmHWM) of a process and all its descendants."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.stop = pid, every, threading.Event()
        self.rss = self.pss = 0
        self.hwm: dict[int, int] = {}

    def run(self) -> None:
        while not self.stop.is_set():
            rss = pss = 0
            for p in _tree(self.pid):
                st = _kb(f"/proc/{p}/status", ("VmRSS", "VmHWM"))
                rss += st.get("VmRSS", 0)
                self.hwm[p] = max(self.hwm.get(p, 0), st.get("VmHWM", 0))
                pss += _kb(f"/proc/{p}/smaps_rollup", ("Pss",)).get("Pss", 0)
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.stop.wait(self.every)

    def result(self) -> dict:
        return {"peak_tree_rss_mb": round(self.rss / 1024), "peak_tree_pss_mb": round(self.pss / 1024),
                "max_process_hwm_mb": round(max(self.hwm.values(), default=0) / 1024),
                "sum_process_hwm_mb": round(sum(self.hwm.values()) / 1024)}


def sub(kind: str, *args: str) -> dict:
    """Run one measurement in a fresh interpreter, sampling its process tree's memory."""
    load0 = os.getloadavg()[0]
    proc = subprocess.Popen([sys.executable, __file__, "--_child", kind, *args], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    mem = TreeMemory(proc.pid)
    mem.start()
    out, _ = proc.communicate()
    mem.stop.set()
    mem.join()
    if proc.returncode:
        raise SystemExit(f"{kind} run failed ({proc.returncode})")
    res = json.loads(out.strip().splitlines()[-1])
    res.update(mem.result(), load_before=round(load0, 2), load_after=round(os.getloadavg()[0], 2))
    return res


# ---------------------------------------------------------------- the measured children
def _config(overrides: list[str]):
    from pipeline.config import load_config

    return load_config(overrides=["batch.progress=false", "batch.resume=false", *overrides])


def child_run(inp: Path, out: Path, overrides: list[str]) -> dict:
    from pipeline.batch import run_batch

    t = time.perf_counter()
    s = run_batch(inp, out, _config(overrides))
    dt = time.perf_counter() - t
    return {"articles": s["articles"], "statements": s["statements"], "workers": s["workers"],
            "seconds": round(dt, 2), "articles_per_s": round(s["articles"] / dt, 1),
            "statements_per_s": round(s["statements"] / dt, 1)}


def child_floor(pred: Path, overrides: list[str], threads: int, part: int, parts: int) -> dict:
    """Bare encoder forward passes over batches ``part::parts`` of the statements' inputs."""
    from pipeline.workers import set_kernel_cache

    cfg = _config([*overrides, f"classify.threads={threads}"])
    set_kernel_cache(cfg)  # the same oneDNN setting as the pipeline's classifier
    import torch

    from pipeline.annotate import Pipeline
    from pipeline.classify import classifier_input
    from pipeline.io import read_articles

    torch.set_num_threads(threads)
    clf = Pipeline(cfg).classifier  # loaded exactly as the pipeline loads it
    items = [classifier_input(a, s) for a in read_articles(pred) for s in a.statements]
    order = sorted(items, key=lambda i: len(i.quote) + len(i.context))  # as the classifier does
    bs = clf.batch_size
    batches = [order[b:b + bs] for b in range(0, len(order), bs)][part::parts]
    if parts > 1:  # start together with the sibling processes
        print("ready", flush=True)
        sys.stdin.readline()
    t = time.perf_counter()
    with torch.inference_mode():  # the loaded encoder already holds bf16 weights, as in predict()
        for batch in batches:
            clf.model.encoder(**clf.encode(batch))
    return {"statements": sum(len(b) for b in batches), "seconds": time.perf_counter() - t,
            "bf16": clf.bf16, "batch_size": bs, "max_length": clf.max_length}


def floor(pred: Path, overrides: list[str], cores: int) -> dict:
    """The faster of: one process with ``cores`` threads; ``cores`` single-threaded processes."""
    one = sub("floor", str(pred), str(cores), "0", "1", *overrides)
    cmd = [sys.executable, __file__, "--_child", "floor", str(pred), "1"]
    procs = [subprocess.Popen([*cmd, str(k), str(cores), *overrides], cwd=ROOT, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE) for k in range(cores)]
    for p in procs:
        while p.stdout.readline().strip() != "ready":
            pass
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    parts = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
    split = max(r["seconds"] for r in parts)
    n = one["statements"]
    best = min(one["seconds"], split)
    return {"statements": n, "seconds": round(best, 2), "statements_per_s": round(n / best, 1),
            "one_process_seconds": round(one["seconds"], 2),
            f"{cores}_processes_seconds": round(split, 2),
            "bf16": one["bf16"], "batch_size": one["batch_size"], "max_length": one["max_length"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=None, help="batch.workers (default: config)")
    ap.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE")
    ap.add_argument("--skip-extract-only", action="store_true")
    ap.add_argument("--skip-floor", action="store_true")
    ap.add_argument("--memory", type=int, nargs="*", help="only full runs at these N (memory)")
    ap.add_argument("--_child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._child:
        kind, *rest = args._child
        if kind == "run":
            res = child_run(Path(rest[0]), Path(rest[1]), rest[2:])
        else:
            res = child_floor(Path(rest[0]), rest[4:], int(rest[1]), int(rest[2]), int(rest[3]))
        print(json.dumps(res))
        return
    ov = list(args.overrides) + ([f"batch.workers={args.workers}"] if args.workers is not None else [])
    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    cores = os.cpu_count() or 1
    res: dict = {"cpus": cores, "overrides": ov, "source": str(RAW if RAW.exists() else "examples")}
    if args.memory:
        for n in args.memory:
            make_input(n, tmp / f"in{n}.jsonl")
            r = sub("run", str(tmp / f"in{n}.jsonl"), str(tmp / f"out{n}.jsonl"), *ov)
            res[f"n={n}"] = r
            print(json.dumps({f"n={n}": r}), file=sys.stderr, flush=True)
        print(json.dumps(res, indent=2))
        return
    inp = tmp / "in.jsonl"
    make_input(args.n, inp)
    res["n"] = args.n
    if not args.skip_extract_only:
        res["extract_only"] = sub("run", str(inp), str(tmp / "extract.jsonl"), *ov,
                                  "classify.enabled=false")
    res["full_pipeline"] = sub("run", str(inp), str(tmp / "full.jsonl"), *ov)
    if not args.skip_floor:
        res["encoder_floor"] = floor(tmp / "full.jsonl", ov, cores)
        res["full_over_floor"] = round(res["full_pipeline"]["seconds"] / res["encoder_floor"]["seconds"], 2)
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
