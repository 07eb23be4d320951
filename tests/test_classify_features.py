"""Classifier inputs (formats, context clipping), pooling, model-dir files and diagnostics."""
import json

import numpy as np
import pytest

from pipeline.classify import ClassifierInput, StanceSentimentClassifier
from pipeline.classify.features import clip_context, model_text
from pipeline.classify.train import TrainConfig, diagnostics, run_training

# Fictional statements.
INP = ClassifierInput("Staff at Thornbury have had enough", "In a long and carefully worded note on Friday [Q], said the Gribble Union rep.",
                      "indirect", "union", "Ada Finch", "Gribble Union")


def test_input_formats_carry_side_type_and_organisation():
    assert model_text(INP) == ("union indirect: Staff at Thornbury have had enough", INP.context)
    assert model_text(INP, fmt="markers")[0] == "[union] [indirect] Staff at Thornbury have had enough"
    first, pair = model_text(INP, use_context=False, fmt="markers_org")
    assert first == "[union] [indirect] [Gribble Union] Staff at Thornbury have had enough"
    assert pair is None
    nobody = ClassifierInput("x", "", "direct", None)
    assert model_text(nobody, fmt="markers_org")[0] == "[unknown] [direct] [none] x"
    with pytest.raises(ValueError, match="input_format"):
        model_text(INP, fmt="xml")


def test_context_is_clipped_around_the_quote_marker():
    ctx = "a" * 50 + " [Q] " + "b" * 50
    clipped = clip_context(ctx, 10)
    assert clipped == "aaaaaaaaa [Q] bbbbbbbbb"
    assert clip_context(ctx, None) == ctx
    assert clip_context("no marker here", 3) == "no marker here"


def test_model_options_round_trip_and_reach_the_encoder(tiny_backbone, tmp_path):
    out = run_training("configs/train_tiny.yaml",
                       [f"backbone={tiny_backbone}", "run_cv=false", "data=[examples/gold.jsonl]",
                        "input_format=markers_org", "context_chars=20", "pooling=cls"], str(tmp_path / "m"))
    conf = json.loads((out / "classifier_config.json").read_text())
    assert (conf["input_format"], conf["context_chars"], conf["pooling"]) == ("markers_org", 20, "cls")
    clf = StanceSentimentClassifier.from_pretrained(str(out), bf16=False)
    assert clf.model.pooling == "cls"
    ids = clf.encode([INP])["input_ids"][0].tolist()
    text = clf.tokenizer.decode(ids, skip_special_tokens=True)
    assert "[ union ] [ indirect ] [ gribble union ]" in text
    assert "carefully" not in text and "friday" in text  # clipped to 20 characters left of the quote
    (p,) = clf.predict([INP])
    assert abs(sum(p.stance_scores.values()) - 1) < 1e-4


def test_diagnostics_learning_curve_duplicates_and_sides():
    rng = np.random.default_rng(0)
    rows, emb = [], []
    base = rng.normal(size=(4, 8))
    for i in range(40):
        side = ("union", "council")[i % 2]
        k = i % 4
        rows.append({"side": side, "article_id": f"a{i}", "stance": ("support", "oppose")[i % 2],
                     "sentiment": ("negative", "neutral", "positive")[k % 3]})
        onehot = [float(side == s) for s in ("union", "council", "other")]
        emb.append(np.concatenate([base[k] + 0.001 * rng.normal(size=8), onehot]))
    emb = np.array(emb)
    folds = [np.arange(i, 40, 4) for i in range(4)]
    cfg = TrainConfig(learning_curve=[0.5])
    d = diagnostics(cfg, rows, emb, folds, {})
    assert set(d["learning_curve_frozen_minilm"]) == {"0.5"}
    assert set(d["learning_curve_frozen_minilm"]["0.5"]) == {"stance", "sentiment"}
    nd = d["near_duplicates"]
    # the same 4 base vectors repeat: rows with equal i % 4 are near-duplicates of the same side
    assert nd["pairs"] == 4 * (10 * 9 // 2)
    assert nd["stance_agreement"] == 1.0
    expected = np.mean([rows[i]["sentiment"] == rows[j]["sentiment"]
                        for i in range(40) for j in range(i + 1, 40) if i % 4 == j % 4])
    assert nd["sentiment_agreement"] == pytest.approx(expected)
    assert d["macro_f1_by_side"]["union"]["n"] == 20


def test_card_shows_confusions_diagnostics_and_notes(tmp_path):
    from pipeline.classify.train import write_card

    per = {"macro_f1": 0.5, "accuracy": 0.6, "per_class": {"support": {"recall": 0.7}},
           "confusion": {"support": {"support": 7, "oppose": 3}}}
    results = {"folds": 2, "n_examples": 10, "methods": {"m1": {"stance": per}},
               "calibration": {"stance": {"ece_before": 0.2, "ece_after": 0.05, "temperature": 1.5}}}
    diag = {"learning_curve_frozen_minilm": {"0.5": {"stance": 0.4, "sentiment": 0.3}},
            "near_duplicates": {"pairs": 3, "stance_agreement": 2 / 3, "sentiment_agreement": 1.0},
            "macro_f1_by_side": {"union": {"n": 4, "m1/stance": 0.25}}}
    (tmp_path / "NOTES.md").write_text("## Tried\n\nA fictional note.\n")
    write_card(tmp_path, TrainConfig(), results, "0" * 64, None, diag)
    card = (tmp_path / "README.md").read_text()
    assert "- m1 / stance: support -> support 7 oppose 3" in card
    assert "ECE 0.200 -> 0.050 (temperature 1.50)" in card
    assert "| 0.5 | 0.400 | 0.300 |" in card and "3 pairs" in card and "67%" in card
    assert "| union | 4 | 0.250 |" in card
    assert "A fictional note." in card
