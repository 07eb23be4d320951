"""How many speaker errors a re-ranker over the speakers the rules already know could fix.

usage: python scripts/speaker_coverage.py [dev|silver-read]

For every gold span (attributed from the text alone, as in eval_attribution.py) it asks whether
the gold speaker (normalised) is among the candidates the article already offers: the person
names the resolver finds, any speaker the rules give to any statement of the article, its unions
and its employer. Errors whose gold speaker is outside that set need a surface form the rules do
not produce ("around 30 workers", "Union sources"): no choice among existing candidates fixes
them. 'silver-read' = silver articles of disputes outside the gold test half (the test half's
errors stay unread).
"""
import sys
from collections import Counter


from pipeline.attribute import load_knowledge
from pipeline.attribute.names import normalise_speaker
from pipeline.attribute.speakers import SpeakerResolver

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from eval_extraction import attribute_gold_spans, load_half  # noqa: E402

if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "dev"
    if which not in ("dev", "silver-read"):
        sys.exit("usage: python scripts/speaker_coverage.py [dev|silver-read]")
    gold = load_half(which)
    kn = load_knowledge()
    counts: Counter = Counter()
    for g in gold:
        a = attribute_gold_spans(g, kn)
        pred = a.statements
        people = SpeakerResolver(a.text, kn, a.employer, a.unions).people
        cands = {normalise_speaker(x) for x in [*people, *a.unions, a.employer or "", *(p.speaker for p in pred)]}
        for gs, ps in zip(g.statements, pred):
            right = normalise_speaker(gs.speaker) == normalise_speaker(ps.speaker)
            counts["right" if right else "wrong, gold among candidates"
                   if normalise_speaker(gs.speaker) in cands else "wrong, gold not among candidates"] += 1
    n = sum(counts.values())
    print(f"{which}: {n} statements")
    for k in ("right", "wrong, gold among candidates", "wrong, gold not among candidates"):
        print(f"  {k:34s} {counts[k]:5d}  {counts[k] / n:.3f}")
