"""Evaluation: alignment, statement P/R/F1, label accuracy, tone shares and gaps."""
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


def _st(start, end, side="union", stance="support", sentiment="negative", type_="direct", speaker="A B"):
    from pipeline.schema import Statement

    return Statement(quote="x" * (end - start), start=start, end=end, type=type_, speaker=speaker,
                     speaker_org=None, side=side, stance=stance, sentiment=sentiment)


def test_tone_gap_on_a_hand_made_case():
    from pipeline.schema import Article

    # union: 3 statements, 2 negative 1 positive -> net -1/3; council: 4, 1 negative 3 positive -> +1/2
    union = [_st(0, 10, sentiment="negative"), _st(10, 20, sentiment="negative"),
             _st(20, 30, sentiment="positive", stance="neutral")]
    council = [_st(30 + 10 * i, 40 + 10 * i, side="council", stance="oppose",
                   sentiment="negative" if i == 0 else "positive") for i in range(4)]
    arts = [Article(id="d1", text="x" * 80, dispute="d", statements=union + council[:2]),
            Article(id="d2", text="x" * 80, dispute="d", statements=council[2:])]
    sh = dispute_shares(arts)["d"]
    assert sh["union"]["n"] == 3 and sh["council"]["n"] == 4
    assert sh["union"]["stance"] == {"support": 2 / 3, "oppose": 0.0, "neutral": 1 / 3}
    assert abs(sh["union"]["net_tone"] - (-1 / 3)) < 1e-12
    assert abs(sh["council"]["net_tone"] - 0.5) < 1e-12
    assert abs(sh["gap"] - (-1 / 3 - 0.5)) < 1e-12
    assert dispute_shares(arts[1:])["d"]["gap"] is None  # no union voice -> no gap


def test_predictions_are_grouped_by_the_gold_dispute(examples_dir):
    gold = _gold(examples_dir)
    pred = copy.deepcopy(gold)
    for a in pred:
        a.dispute = None  # an extract-only run infers no slug
    m = evaluate(gold, pred)
    assert m["dispute_accuracy"] == 0.0
    for d in m["disputes"].values():
        assert d["pred"] == d["gold"]


def test_per_type_scores_use_gold_type_for_recall_and_pred_type_for_precision():
    from pipeline.schema import Article

    gold = [Article(id="t", text="x" * 100, statements=[_st(0, 20, type_="direct"),
                                                       _st(40, 60, type_="indirect")])]
    pred = [Article(id="t", text="x" * 100, statements=[_st(0, 20, type_="indirect"),
                                                       _st(41, 60, type_="indirect"),
                                                       _st(80, 90, type_="direct")])]
    m = evaluate(gold, pred)
    assert m["statements_overlap"]["tp"] == 2 and m["statements_exact"]["tp"] == 1
    assert m["per_type"]["direct"]["recall"] == 1.0 and m["per_type"]["direct"]["precision"] == 0.0
    assert m["per_type"]["indirect"]["precision"] == 1.0 and m["per_type"]["indirect"]["recall"] == 1.0
    assert m["type"]["accuracy"] == 0.5
    assert m["type"]["confusion"]["direct"]["indirect"] == 1


def test_alignment_is_one_to_one_and_needs_half_overlap():
    from pipeline.evaluate import align, span_overlap

    g = [_st(0, 100)]
    p = [_st(0, 60), _st(0, 100), _st(40, 100)]
    assert align(g, p) == [(0, 1)]  # the best overlap wins, the others stay unmatched
    assert span_overlap(_st(0, 100), _st(0, 49)) == 0.49
    assert align([_st(0, 100)], [_st(0, 49)]) == []


def test_lenient_speaker_and_unscored_predictions(examples_dir):
    gold = _gold(examples_dir)
    pred = copy.deepcopy(gold)
    named = next(s for a in pred for s in a.statements if s.speaker == "Dana Whitfield")
    named.speaker = "Ms Whitfield"
    from pipeline.schema import Article

    pred.append(Article(id="not-in-gold", text="x"))
    m = evaluate(gold, pred)
    assert m["speaker_accuracy"] < 1.0 and m["speaker_accuracy_lenient"] == 1.0
    assert m["n_pred_articles_unscored"] == 1 and "unscored: 1" in format_report(m)


def test_main_writes_json(tmp_path, examples_dir, capsys):
    from pipeline.evaluate import main

    g = str(examples_dir / "gold.jsonl")
    assert main(["--gold", g, "--pred", g, "--json", str(tmp_path / "m.json")]) == 0
    import json

    assert json.loads((tmp_path / "m.json").read_text())["statements_exact"]["f1"] == 1.0
    assert "overlap>=0.5" in capsys.readouterr().out


def _perturbed(gold):
    """Predictions with wrong speakers in the first dispute only, a wrong stance and sentiment here
    and there, and one statement lost."""
    pred = copy.deepcopy(gold)
    for k, a in enumerate(pred):
        for i, s in enumerate(a.statements):
            if i % 3 == 0 and a.dispute == gold[0].dispute:
                s.speaker = "Somebody Else"
            if (k + i) % 4 == 1:
                s.stance = "oppose" if s.stance != "oppose" else "neutral"
            if (k + i) % 5 == 2:
                s.sentiment = "positive" if s.sentiment != "positive" else "negative"
    del pred[0].statements[-1]
    return pred


def test_macro_f1_from_confusion_matches_label_metrics():
    import numpy as np

    from pipeline.evaluate import label_metrics, macro_f1_from_confusion

    labels = ("support", "oppose", "neutral")
    rng = np.random.default_rng(3)
    for drop in (None, "neutral"):  # a class never used is left out, as label_metrics does
        pool = [x for x in labels if x != drop]
        gold = [pool[i] for i in rng.integers(0, len(pool), 60)]
        pred = [pool[i] for i in rng.integers(0, len(pool), 60)] + [None]
        gold.append("support")
        conf = label_metrics(gold, pred, labels)["confusion"]
        matrix = np.array([[conf[g].get(c, 0) for c in (*labels, "<none>")] for g in labels])
        assert abs(macro_f1_from_confusion(matrix) - label_metrics(gold, pred, labels)["macro_f1"]) < 1e-12


def test_bootstrap_intervals_centre_on_the_figures_and_resample_disputes(examples_dir):
    from pipeline.evaluate import bootstrap_intervals, format_intervals

    gold = _gold(examples_dir)
    pred = _perturbed(gold)
    m = evaluate(gold, pred)
    ci = bootstrap_intervals(gold, pred, n_boot=300)
    assert ci["n_clusters"] == len({g.dispute for g in gold})
    got = ci["metrics"]
    assert abs(got["statements_overlap_f1"]["value"] - m["statements_overlap"]["f1"]) < 1e-12
    assert abs(got["statements_exact_f1"]["value"] - m["statements_exact"]["f1"]) < 1e-12
    assert abs(got["speaker_accuracy"]["value"] - m["speaker_accuracy"]) < 1e-12
    assert abs(got["side_accuracy"]["value"] - m["side"]["accuracy"]) < 1e-12
    assert abs(got["stance_macro_f1"]["value"] - m["stance"]["macro_f1"]) < 1e-12
    assert abs(got["sentiment_macro_f1"]["value"] - m["sentiment"]["macro_f1"]) < 1e-12
    assert got["speaker_accuracy"]["low"] < got["speaker_accuracy"]["value"] < got["speaker_accuracy"]["high"]
    assert got["side_accuracy"]["low"] == got["side_accuracy"]["high"] == 1.0  # no side error to resample
    assert ci == bootstrap_intervals(gold, pred, n_boot=300)  # seeded
    assert "speaker_accuracy" in format_intervals(ci)


def test_bootstrap_intervals_leave_out_labels_nobody_predicted(examples_dir):
    from pipeline.evaluate import bootstrap_intervals

    gold = _gold(examples_dir)
    pred = copy.deepcopy(gold)
    for a in pred:
        for s in a.statements:
            s.stance = s.sentiment = None  # an extraction-only run
    got = bootstrap_intervals(gold, pred, n_boot=50)["metrics"]
    assert "stance_macro_f1" not in got and "sentiment_macro_f1" not in got
    assert got["speaker_accuracy"]["value"] == 1.0


def test_main_prints_intervals(tmp_path, examples_dir, capsys):
    import json

    from pipeline.evaluate import main

    out = tmp_path / "m.json"
    assert main(["--gold", str(examples_dir / "gold.jsonl"), "--pred", str(examples_dir / "gold.jsonl"),
                 "--json", str(out), "--ci"]) == 0
    assert "95% intervals" in capsys.readouterr().out
    assert json.loads(out.read_text())["intervals"]["metrics"]["speaker_accuracy"]["low"] == 1.0
