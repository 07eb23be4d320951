"""Speaker / speaker_org / side accuracy on GOLD spans (cue-free), per half of the gold split.

usage: python scripts/eval_attribution.py [dev|test|all|silver|silver-read|silver-unread|invented] [--show] [--ci]
"""
import sys

from pipeline.attribute import load_knowledge
from pipeline.attribute.names import normalise_speaker
from pipeline.evaluate import evaluate, format_report

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from eval_extraction import attribute_gold_spans, half_args, load_half, print_intervals  # noqa: E402

if __name__ == "__main__":
    args = half_args(__doc__, show="list the speaker / side errors (dev, silver-read, invented only)")
    kn = load_knowledge()
    gold = load_half(args.half)
    pred = []
    for g in gold:
        pred.append(attribute_gold_spans(g, kn))
    rep = format_report(evaluate(gold, pred))
    keep = ("speaker (", "side ", "employer accuracy")
    print("\n".join(line for line in rep.split("\n") if line.strip().startswith(keep)))
    if args.ci:
        print_intervals(gold, pred, ("speaker", "side"))
    if args.show:
        for g, p in zip(gold, pred):
            for gs, ps in zip(g.statements, p.statements):
                if normalise_speaker(gs.speaker) != normalise_speaker(ps.speaker) or gs.side != ps.side:
                    print(f"{g.id} gold={gs.speaker!r}/{gs.speaker_org}/{gs.side} "
                          f"pred={ps.speaker!r}/{ps.speaker_org}/{ps.side} :: {gs.quote[:50]!r}")
