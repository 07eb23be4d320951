import copy

from pipeline.evaluate import dispute_shares, evaluate, evaluate_files, format_report
from pipeline.io import read_articles


def _gold(examples_dir):
    return list(read_articles(examples_dir / "gold.jsonl"))


def _all_ones(m):
    for key in ("statements_overlap", "statements_exact", "full_statement"):
        assert m[key]["f1"] == 1.0
    for key in ("speaker_accuracy", "speaker_accuracy_lenient", "speaker_org_accuracy"):
        assert m[key] == 1.0
    for f in ("side", "stance", "sentiment", "type"):
        assert m[f]["accuracy"] == 1.0 and m[f]["macro_f1"] == 1.0


def test_gold_against_itself_is_perfect(examples_dir):
    _all_ones(evaluate_files(examples_dir / "gold.jsonl", examples_dir / "gold.jsonl"))


def test_sample_gold_against_itself_is_perfect(shared_dir):
    m = evaluate_files(shared_dir / "sample_gold.jsonl", shared_dir / "sample_gold.jsonl")
    _all_ones(m)
    assert "1.000" in format_report(m)


def test_shifted_span_breaks_exact_match_only(examples_dir):
    gold = _gold(examples_dir)
    pred = copy.deepcopy(gold)
    s = pred[0].statements[0]
    s.start, s.end = s.start + 3, s.end + 1
    s.quote = pred[0].text[s.start:s.end]
    m = evaluate(gold, pred)
    assert m["statements_overlap"]["f1"] == 1.0
    assert m["statements_exact"]["f1"] < 1.0
    assert m["statements_exact"]["tp"] == m["statements_exact"]["n_gold"] - 1


def test_wrong_speaker_lowers_speaker_and_full_statement(examples_dir):
    gold = _gold(examples_dir)
    pred = copy.deepcopy(gold)
    pred[1].statements[0].speaker = "Somebody Else"
    m = evaluate(gold, pred)
    n = m["matched"]
    assert m["speaker_accuracy"] == (n - 1) / n
    assert m["full_statement"]["tp"] == n - 1
    assert m["statements_overlap"]["f1"] == 1.0


def test_missing_statement_lowers_recall_not_precision(examples_dir):
    gold = _gold(examples_dir)
    pred = copy.deepcopy(gold)
    del pred[2].statements[1]
    m = evaluate(gold, pred)
    assert m["statements_overlap"]["precision"] == 1.0
    assert m["statements_overlap"]["recall"] == (m["statements_overlap"]["n_gold"] - 1) / m["statements_overlap"]["n_gold"]
    missing_article = evaluate(gold, pred[1:])
    assert missing_article["n_articles_missing"] == 1


def test_tone_gap_maths(examples_dir):
    gold = _gold(examples_dir)
    shares = dispute_shares(gold)["northmoor-refuse-workers-2031"]
    union = [s for a in gold[:3] for s in a.statements if s.side == "union"]
    council = [s for a in gold[:3] for s in a.statements if s.side == "council"]
    tone = lambda sts: (sum(s.sentiment == "positive" for s in sts) - sum(s.sentiment == "negative" for s in sts)) / len(sts)
    assert abs(shares["union"]["net_tone"] - tone(union)) < 1e-12
    assert abs(shares["gap"] - (tone(union) - tone(council))) < 1e-12
