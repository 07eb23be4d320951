"""The lexical (TF-IDF + LR) second opinion: fit, safetensors round trip, mixing, training."""
import json
import re

import numpy as np
import pytest

from pipeline.classify import ClassifierInput, ModelLoadError, StanceSentimentClassifier
from pipeline.classify.lexical import LEXICAL_CONFIG, LEXICAL_WEIGHTS, LexicalModel, choose_mix_weight, mix
from pipeline.classify.model import HEADS
from pipeline.classify.train import run_training

SUPPORT = ["We deserve a fair wage for this work", "Members are angry and ready to strike",
           "Staff are exhausted and underpaid", "The strike will go ahead unless pay improves"]
OPPOSE = ["The offer is fair and affordable", "The union claims are simply wrong",
          "This action is unnecessary and harms residents", "Our offer is the best in the region"]


def _items():
    items = [ClassifierInput(q, "", "direct", "union") for q in SUPPORT] + \
            [ClassifierInput(q, "", "direct", "council") for q in OPPOSE]
    labels = {"stance": ["support"] * 4 + ["oppose"] * 4,
              "sentiment": ["negative"] * 4 + ["positive"] * 3 + ["neutral"]}
    return items, labels


def test_lexical_model_round_trips_through_safetensors(tmp_path):
    items, labels = _items()
    m = LexicalModel(HEADS).fit(items, labels)
    p = m.predict_proba(items)
    m.save_pretrained(tmp_path)
    assert {LEXICAL_WEIGHTS, LEXICAL_CONFIG} <= {f.name for f in tmp_path.iterdir()}
    q = LexicalModel.from_pretrained(tmp_path).predict_proba(items)
    for h in HEADS:
        assert p[h].shape == (8, 3)
        np.testing.assert_allclose(p[h].sum(1), 1, atol=1e-9)
        np.testing.assert_allclose(q[h], p[h], atol=1e-5)
    # two stance labels seen: 'neutral' (never in training) never wins; columns follow HEADS
    assert p["stance"][:, 2].max() < 1e-6
    assert [HEADS["stance"][j] for j in p["stance"].argmax(1)] == labels["stance"]


def test_a_head_with_one_label_always_predicts_it():
    items, labels = _items()
    labels["sentiment"] = ["neutral"] * 8
    p = LexicalModel(HEADS).fit(items, labels).predict_proba(items)
    assert (p["sentiment"].argmax(1) == 1).all()


def test_mix_weight_is_chosen_where_the_lexical_model_fixes_errors():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 300)
    p_model = np.full((300, 3), 0.2)
    p_model[np.arange(300), y] = 0.6
    p_model[:60] = [0.5, 0.3, 0.2]  # a block the model gets wrong unless it is class 0
    right = np.full((300, 3), 0.1)
    right[np.arange(300), y] = 0.8
    assert choose_mix_weight(p_model, right, y) > 0
    noise = rng.dirichlet([1, 1, 1], 300)
    assert choose_mix_weight(p_model[60:], noise[60:], y[60:]) == 0.0
    np.testing.assert_allclose(mix(p_model, right, 0.0), np.log(p_model))


def test_training_with_lexical_mix_ships_and_applies_it(tiny_backbone, tmp_path):
    out = run_training("configs/train_tiny.yaml", [f"backbone={tiny_backbone}", "data=[examples/gold.jsonl]",
                                                   "baselines=false", "diagnostics=false",
                                                   "lexical_mix=[stance]"], str(tmp_path / "m"))
    res = json.loads((out / "cv_results.json").read_text())
    assert "minilm-lora-finetuned+tfidf" in res["methods"]
    assert set(res["calibration"]["stance"]["lexical_mix"]) >= {"weight", "temperature", "fold_weights", "ece"}
    assert "lexical_mix" not in res["calibration"]["sentiment"]
    conf = json.loads((out / "classifier_config.json").read_text())
    assert set(conf["lexical_mix"]) == {"stance"}
    assert (out / LEXICAL_WEIGHTS).is_file() and "TF-IDF" in (out / "README.md").read_text()
    # at a non-zero weight the stance probabilities are the mix, the sentiment ones untouched
    items = [ClassifierInput("We will not accept this insulting offer.", "[Q], the union said.", "direct", "union"),
             ClassifierInput("The council remains open to talks.", "[Q], a spokesman said.", "indirect", "council")]
    conf["lexical_mix"] = {"stance": {"weight": 0.0, "temperature": 1.0}}
    (out / "classifier_config.json").write_text(json.dumps(conf))
    plain = StanceSentimentClassifier.from_pretrained(str(out), bf16=False).predict_proba(items)
    conf["lexical_mix"] = {"stance": {"weight": 0.4, "temperature": 1.5}}
    (out / "classifier_config.json").write_text(json.dumps(conf))
    mixed = StanceSentimentClassifier.from_pretrained(str(out), bf16=False).predict_proba(items)
    lex = LexicalModel.from_pretrained(out).predict_proba(items)
    z = mix(plain["stance"].double().numpy(), lex["stance"], 0.4) / 1.5
    want = np.exp(z - z.max(1, keepdims=True))
    np.testing.assert_allclose(mixed["stance"].numpy(), want / want.sum(1, keepdims=True), atol=1e-5)
    np.testing.assert_allclose(mixed["sentiment"].numpy(), plain["sentiment"].numpy(), atol=1e-6)
    (out / LEXICAL_WEIGHTS).unlink()
    with pytest.raises(ModelLoadError, match="lexical"):
        StanceSentimentClassifier.from_pretrained(str(out), bf16=False)


def test_lexical_mix_of_an_unknown_head_is_a_config_error():
    from pipeline.classify.train import load_train_config
    from pipeline.config import ConfigError

    with pytest.raises(ConfigError, match="lexical_mix"):
        load_train_config("configs/train_tiny.yaml", ["lexical_mix=[tone]"])


def test_the_mix_from_stored_oof_logits_equals_the_training_runs(tiny_backbone, tmp_path):
    import subprocess
    import sys

    args = [f"backbone={tiny_backbone}", "data=[examples/gold.jsonl]", "baselines=false", "diagnostics=false"]
    with_mix = run_training("configs/train_tiny.yaml", args + ["lexical_mix=[stance]"], str(tmp_path / "a"))
    without = run_training("configs/train_tiny.yaml", args, str(tmp_path / "b"))
    assert "minilm-lora-finetuned+tfidf" not in json.loads((without / "cv_results.json").read_text())["methods"]
    done = subprocess.run([sys.executable, "scripts/lexical_mix_from_oof.py", str(without), "--config",
                           "configs/train_tiny.yaml", "--write", "--ci"], check=True, capture_output=True, text=True)
    assert re.search(r"mixed: 95% interval \[[01]\.\d{3}, [01]\.\d{3}\] \(1000 resamples of 2 disputes\)", done.stdout)
    a, b = (json.loads((d / "cv_results.json").read_text()) for d in (with_mix, without))
    assert a["methods"]["minilm-lora-finetuned+tfidf"] == b["methods"]["minilm-lora-finetuned+tfidf"]
    # cv_oof.jsonl rounds the logits: temperatures and ECE agree to that rounding
    ma, mb = a["calibration"]["stance"]["lexical_mix"], b["calibration"]["stance"]["lexical_mix"]
    assert ma["weight"] == mb["weight"] and ma["fold_weights"] == mb["fold_weights"]
    assert ma["temperature"] == pytest.approx(mb["temperature"], rel=1e-2)
    assert ma["ece"] == pytest.approx(mb["ece"], abs=1e-2)
    ca, cb = (json.loads((d / "classifier_config.json").read_text()) for d in (with_mix, without))
    assert ca["lexical_mix"]["stance"]["weight"] == cb["lexical_mix"]["stance"]["weight"]
    assert cb["train_config"]["lexical_mix"] == ["stance"]
    assert (with_mix / "lexical.json").read_text() == (without / "lexical.json").read_text()
