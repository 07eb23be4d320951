"""Comparison maths: gold as predictions reproduces gold shares; the bootstrap resamples articles;
the permutation test respects articles; thin evidence is flagged; time series, speakers, quotes."""
import numpy as np
import pandas as pd
import pytest

from pipeline.compare import compare, comparison_table, sign_flip_pvalue
from pipeline.config import CompareConfig
from pipeline.evaluate import dispute_shares
from pipeline.io import read_articles, statements_frame
from pipeline.io.writers import TABLE_COLUMNS

def frame(rows: list[dict]) -> pd.DataFrame:
    """A statements table from short fictional rows (missing columns are empty)."""
    base = {"dispute": "d", "speaker": "S", "speaker_org": None, "date": None, "url": None, "title": None,
            "start": 0, "type": "direct", "stance": "neutral", "sentiment": "neutral"}
    out = []
    for i, r in enumerate(rows):
        r = base | {"quote": f"statement {i}", "start": i} | r
        if "p_neg" in r:  # sentiment probabilities given as (negative, neutral, positive)
            for lab, p in zip(("negative", "neutral", "positive"), r.pop("p_neg")):
                r[f"p_sentiment_{lab}"] = p
        out.append(r)
    return pd.DataFrame(out).reindex(columns=TABLE_COLUMNS)


def _check_reproduces(articles):
    c = compare(statements_frame(articles), CompareConfig(n_bootstrap=50))
    ref = dispute_shares(articles)
    assert len(c.sides) == sum(1 for d in ref.values() for k in d if k != "gap")
    for _, r in c.sides.iterrows():
        g = ref[r["dispute"]][r["side"]]
        assert r["n_statements"] == g["n"]
        for field in ("stance", "sentiment"):
            for lab, share in g[field].items():
                # gold has no scores: soft shares fall back to the labels, all three agree exactly
                for col in (f"{field}_{lab}", f"{field}_{lab}_hard", f"{field}_{lab}_soft"):
                    assert r[col] == pytest.approx(share, abs=1e-12)
    for _, r in c.gaps.iterrows():
        if not np.isnan(r["gap"]):
            assert r["gap"] == pytest.approx(ref[r["dispute"]]["gap"], abs=1e-12)


def test_gold_as_predictions_reproduces_gold_shares_examples(examples_dir):
    _check_reproduces(list(read_articles(examples_dir / "gold.jsonl")))


def test_gold_as_predictions_reproduces_gold_shares_train_gold(shared_dir):
    _check_reproduces(list(read_articles(shared_dir / "train_gold.jsonl")))


def test_bootstrap_is_deterministic_and_brackets_estimates(examples_dir):
    df = statements_frame(read_articles(examples_dir / "gold.jsonl"))
    cfg = CompareConfig(n_bootstrap=200, min_statements=2)
    a, b = compare(df, cfg), compare(df, cfg)
    pd.testing.assert_frame_equal(a.sides, b.sides)
    pd.testing.assert_frame_equal(a.gaps, b.gaps)
    rows = a.sides[a.sides["n_articles"] >= cfg.min_articles]
    assert len(rows) >= 2
    for _, r in rows.iterrows():
        assert r["stance_support_lo"] - 1e-9 <= r["stance_support"] <= r["stance_support_hi"] + 1e-9
        assert r["net_tone_lo"] - 1e-9 <= r["net_tone"] <= r["net_tone_hi"] + 1e-9


def test_probabilities_are_used_when_present_and_labels_otherwise():
    df = frame([{"article_id": "a", "side": "union", "stance": "support", "sentiment": "negative",
                 "p_stance_support": 0.6, "p_stance_oppose": 0.1, "p_stance_neutral": 0.3, "p_neg": (0.7, 0.2, 0.1)}])
    r = compare(df, CompareConfig(n_bootstrap=10)).sides.iloc[0]
    assert r["stance_support"] == pytest.approx(0.6) and r["stance_support_hard"] == 1.0
    assert r["net_tone"] == pytest.approx(-0.6) and r["net_tone_hard"] == -1.0
    assert bool(r["insufficient"])
    r = compare(df, CompareConfig(n_bootstrap=10, use_probabilities=False)).sides.iloc[0]
    assert r["stance_support"] == 1.0 and r["stance_support_soft"] == pytest.approx(0.6)


def test_intervals_resample_articles_not_statements():
    # two articles, 50 statements each: all negative in one, all positive in the other. Resampling
    # statements would give a narrow interval around 0.5; resampling articles must reach 0 and 1.
    rows = [{"article_id": a, "side": "union", "sentiment": s} for a, s in (("a1", "negative"), ("a2", "positive"))
            for _ in range(50)]
    rows += [{"article_id": "a3", "side": "union", "sentiment": "neutral"}]
    r = compare(frame(rows), CompareConfig(n_bootstrap=2000, min_articles=2)).sides.iloc[0]
    assert r["sentiment_negative"] == pytest.approx(50 / 101)
    assert r["sentiment_negative_lo"] == pytest.approx(0.0) and r["sentiment_negative_hi"] == pytest.approx(1.0)


def test_few_articles_get_no_interval_and_no_test():
    rows = [{"article_id": a, "side": side, "sentiment": s} for a in ("a1", "a2")
            for side, s in (("union", "negative"), ("council", "positive")) for _ in range(6)]
    c = compare(frame(rows), CompareConfig(n_bootstrap=100, min_articles=3))
    assert c.sides["stance_support_lo"].isna().all() and c.sides["net_tone_lo"].isna().all()
    g = c.gaps.iloc[0]
    assert g["gap"] == pytest.approx(-2.0) and not g["insufficient"]
    assert np.isnan(g["gap_lo"]) and np.isnan(g["p_value"])


def test_thin_sides_are_flagged_insufficient():
    rows = [{"article_id": f"a{i}", "side": "union"} for i in range(6)]
    rows += [{"article_id": f"a{i}", "side": "council"} for i in range(2)]
    c = compare(frame(rows), CompareConfig(n_bootstrap=50, min_statements=5))
    flags = c.sides.set_index("side")["insufficient"]
    assert not flags["union"] and flags["council"]
    assert bool(c.gaps.iloc[0]["insufficient"])


def test_sign_flip_test_cannot_beat_the_number_of_articles():
    # three articles where the sides differ completely: the smallest two-sided p is 2/2**3
    u, c, n = np.array([-3.0, -3.0, -3.0]), np.array([3.0, 3.0, 3.0]), np.full(3, 3.0)
    assert sign_flip_pvalue(u, n, c, n, 100, np.random.default_rng(0)) == pytest.approx(0.25)
    # identical sides: every flip is as extreme as the observed zero gap
    assert sign_flip_pvalue(u, n, u, n, 100, np.random.default_rng(0)) == 1.0


def test_gap_test_separates_real_differences_from_noise():
    rng = np.random.default_rng(1)
    rows = []
    for i in range(20):  # sampled flips (more than 12 articles)
        for side, shift in (("union", -0.3), ("council", 0.3)):
            for _ in range(3):
                neg = float(np.clip(0.5 - shift + rng.normal(0, 0.1), 0, 1))
                rows.append({"article_id": f"a{i}", "side": side, "p_neg": (neg, 0.0, 1 - neg)})
    cfg = CompareConfig(n_bootstrap=300, n_permutations=500)
    g = compare(frame(rows), cfg).gaps.iloc[0]
    assert g["gap"] < -0.8 and g["gap_hi"] < 0 and g["p_value"] < 0.01
    for r in rows:  # same distribution for both sides: no evidence of a difference
        neg = float(rng.uniform())
        r["p_neg"] = (neg, 0.0, 1 - neg)
    g = compare(frame(rows), cfg).gaps.iloc[0]
    assert g["gap_lo"] < 0 < g["gap_hi"] and g["p_value"] > 0.05


def test_monthly_timeline_speakers_and_examples():
    rows = [
        {"article_id": "a1", "date": "2030-01-05", "side": "union", "speaker": "Ann", "sentiment": "negative",
         "stance": "support", "p_stance_support": 0.9, "p_stance_oppose": 0.05, "p_stance_neutral": 0.05},
        {"article_id": "a1", "date": "2030-01-05", "side": "union", "speaker": "Ann", "sentiment": "negative",
         "stance": "support", "p_stance_support": 0.7, "p_stance_oppose": 0.1, "p_stance_neutral": 0.2},
        {"article_id": "a2", "date": "2030-02-20", "side": "union", "speaker": "Bob", "sentiment": "positive"},
        {"article_id": "a2", "date": "2030-02-20", "side": "council", "speaker": "Cy", "sentiment": "positive",
         "dispute": "e"},
        {"article_id": "a3", "date": None, "side": "council", "speaker": "Cy", "sentiment": "negative"},
    ]
    c = compare(frame(rows), CompareConfig(n_bootstrap=20, examples_per_label=1))
    m = c.monthly.set_index(["dispute", "side", "month"])
    assert m.loc[("d", "union", "2030-01"), "net_tone"] == -1.0
    assert m.loc[("d", "union", "2030-01"), "n_statements"] == 2
    assert m.loc[("d", "union", "2030-02"), "net_tone"] == 1.0
    assert len(c.monthly) == 3  # the undated statement has no month
    t = c.timeline.set_index(["side", "month"])
    assert t.loc[("union", "2030-02"), "n_statements"] == 1 and t.loc[("council", "2030-02"), "n_disputes"] == 1
    top = c.speakers[(c.speakers["dispute"] == "d") & (c.speakers["side"] == "union")]
    assert list(top["speaker"]) == ["Ann", "Bob"] and list(top["n_statements"]) == [2, 1]
    ex = c.examples[(c.examples["side"] == "union") & (c.examples["label"] == "support")]
    assert len(ex) == 1 and ex.iloc[0]["probability"] == pytest.approx(0.9)


def test_comparison_table_has_one_row_per_dispute_and_side_with_hard_and_soft(examples_dir):
    c = compare(statements_frame(read_articles(examples_dir / "gold.jsonl")), CompareConfig(n_bootstrap=20))
    t = comparison_table(c)
    assert len(t) == len(t[["dispute", "side"]].drop_duplicates()) == 6
    assert {"stance_support_hard", "stance_support_soft", "net_tone", "gap", "gap_lo", "gap_p_value"} <= set(t)


def test_empty_input_gives_empty_tables():
    c = compare(frame([]), CompareConfig(n_bootstrap=10))
    assert c.sides.empty and c.gaps.empty and c.monthly.empty and c.examples.empty
