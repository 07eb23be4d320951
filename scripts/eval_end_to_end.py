"""End-to-end figures on the gold: the pipeline sees only id/url/title/date/text.

usage: python scripts/eval_end_to_end.py [dev|test|all|silver|silver-read|silver-unread|invented] [--no-classify]
       [--json OUT.json] [--show] [--ci] [--by-attribution]
(--show lists the matched statements whose speaker or side differs; read it for dev, silver-read and
invented only, never for the test half or silver-unread.)
Prints dispute-stance evaluate's report for the chosen half of configs/gold_split.yaml.
(--by-attribution adds speaker and side accuracy of the matched statements by how the pipeline found
the speaker: the statement's `cue.attribution`, aggregates only.)
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_extraction import HALVES, load_half  # noqa: E402

from pipeline.annotate import Pipeline  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.attribute.names import normalise_speaker  # noqa: E402
from pipeline.evaluate import align, bootstrap_intervals, evaluate, format_intervals, format_report  # noqa: E402
from pipeline.schema import Article  # noqa: E402

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("half", nargs="?", default="test", choices=HALVES)
    ap.add_argument("--ci", action="store_true", help="95%% intervals of the headline figures, resampling disputes")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--by-attribution", action="store_true")
    ap.add_argument("--no-classify", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    gold = load_half(args.half)
    cfg = load_config(overrides=["batch.progress=false"] + (["classify.enabled=false"] if args.no_classify else []))
    raw = [Article(id=g.id, text=g.text, url=g.url, title=g.title, date=g.date) for g in gold]
    pred = list(Pipeline(cfg).run(raw))
    m = evaluate(gold, pred)
    print(format_report(m).split("\n\nunion-minus-council")[0])
    if args.ci:
        m["intervals"] = bootstrap_intervals(gold, pred)
        print(format_intervals(m["intervals"]))
    if args.by_attribution:
        paths: dict[str, list[int]] = {}
        for g, p in zip(gold, pred):
            for i, j in align(g.statements, p.statements):
                gs, ps = g.statements[i], p.statements[j]
                c = paths.setdefault((ps.cue or {}).get("attribution") or "?", [0, 0, 0])
                c[0] += 1
                c[1] += normalise_speaker(gs.speaker) == normalise_speaker(ps.speaker)
                c[2] += gs.side == ps.side
        total = sum(c[0] for c in paths.values())
        print("\nby attribution path   matched  share  speaker  side")
        for path, (n, spk, side) in sorted(paths.items(), key=lambda x: -x[1][0]):
            print(f"  {path:<20} {n:7d}  {n / total:5.3f}  {spk / n:7.3f}  {side / n:5.3f}")
    if args.show:
        for g, p in zip(gold, pred):
            for i, j in align(g.statements, p.statements):
                gs, ps = g.statements[i], p.statements[j]
                if normalise_speaker(gs.speaker) != normalise_speaker(ps.speaker) or gs.side != ps.side:
                    print(f"{g.id} gold={gs.speaker!r}/{gs.side} pred={ps.speaker!r}/{ps.side} :: {gs.quote[:50]!r}")
    if args.json:
        Path(args.json).write_text(json.dumps(m, indent=2))
