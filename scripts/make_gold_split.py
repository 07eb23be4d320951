"""Write configs/gold_split.yaml: the gold's disputes split once into dev and test halves.

usage: python scripts/make_gold_split.py [../shared/data]   (seeded; rerunning gives the same file)
"""
import json
import random
import sys
from pathlib import Path

data = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
disputes = sorted({json.loads(line)["dispute"] for f in ("train_gold.jsonl", "sample_gold.jsonl")
                   for line in open(data / f, encoding="utf-8") if line.strip()})
random.Random(20261123).shuffle(disputes)
half = len(disputes) // 2
out = Path(__file__).resolve().parent.parent / "configs" / "gold_split.yaml"
lines = ["# The gold's disputes split once into a development half (rules are written and tuned",
         "# looking only at these) and an untouched test half (the honest figure).",
         "# Made by scripts/make_gold_split.py: sorted slugs of train_gold + sample_gold,",
         "# shuffled with random.Random(20261123), first half dev.", "dev:"]
lines += [f"  - {d}" for d in sorted(disputes[:half])] + ["test:"]
lines += [f"  - {d}" for d in sorted(disputes[half:])]
out.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{half} dev, {len(disputes) - half} test disputes -> {out}")
