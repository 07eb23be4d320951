"""Safe model loading, end to end through the CLI and the batch runner: weights only from
safetensors, never remote code, and a missing or corrupt model directory is a clear error that
names the path (exit code 2, no traceback, no output written)."""
import json
import pickle
import re
import shutil
from pathlib import Path

import pytest

from pipeline.classify import ModelLoadError
from pipeline.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = {"id": "s1", "text": '"We will strike again," said Jo Example of Unison.'}


class Trap:
    """Unpickling this writes the marker file: proof that a pickle was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "unpickled"))


@pytest.fixture
def inp(tmp_path) -> Path:
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps(ARTICLE) + "\n")
    return p


def extract(inp: Path, out: Path, *sets: str) -> int:
    args = ["extract", str(inp), "-o", str(out), "-q"]
    for s in sets:
        args += ["--set", s]
    return main(args)


def assert_clear_error(capsys, out: Path, path: Path) -> str:
    err = capsys.readouterr().err
    assert str(path) in err and "Traceback" not in err
    assert not out.exists() and not out.with_name(out.name + ".partial").exists()
    return err


@pytest.mark.parametrize("workers", [1, 2])
def test_missing_model_directory(tmp_path, inp, capsys, workers):
    missing = tmp_path / "no-such-model"
    assert extract(inp, tmp_path / "o.jsonl", f"classify.model={missing}", f"batch.workers={workers}") == 2
    assert_clear_error(capsys, tmp_path / "o.jsonl", missing)


@pytest.mark.parametrize("workers", [1, 2])
def test_corrupt_weights(tmp_path, inp, capsys, tiny_model, workers):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model, broken)
    (broken / "model.safetensors").write_bytes(b"\x00garbage, not a safetensors header")
    assert extract(inp, tmp_path / "o.jsonl", f"classify.model={broken}", f"batch.workers={workers}") == 2
    assert_clear_error(capsys, tmp_path / "o.jsonl", broken)


def test_pickled_classifier_weights_are_never_loaded(tmp_path, inp, capsys, tiny_model):
    model = tmp_path / "pickled"
    shutil.copytree(tiny_model, model)
    (model / "model.safetensors").unlink()
    marker = tmp_path / "marker"
    for name in ("pytorch_model.bin", "model.bin", "model.pt"):
        (model / name).write_bytes(pickle.dumps(Trap(marker)))
    assert extract(inp, tmp_path / "o.jsonl", f"classify.model={model}") == 2
    assert_clear_error(capsys, tmp_path / "o.jsonl", model)
    assert not marker.exists()


def test_pickled_backbone_is_refused(tmp_path, inp, capsys, tiny_model, tiny_backbone):
    backbone = tmp_path / "pickled-backbone"
    shutil.copytree(tiny_backbone, backbone)
    (backbone / "model.safetensors").unlink()
    marker = tmp_path / "marker"
    (backbone / "pytorch_model.bin").write_bytes(pickle.dumps(Trap(marker)))
    code = extract(inp, tmp_path / "o.jsonl", f"classify.model={tiny_model}",
                   f"classify.backbone={backbone}")
    assert code == 2
    assert_clear_error(capsys, tmp_path / "o.jsonl", backbone)
    assert not marker.exists()


def test_remote_code_in_a_backbone_is_never_run(tmp_path, inp, tiny_model, tiny_backbone):
    backbone = tmp_path / "remote-code-backbone"
    shutil.copytree(tiny_backbone, backbone)
    marker = tmp_path / "marker"
    (backbone / "evil.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n"
                                      "from transformers import BertModel as EvilModel\n")
    cfg = json.loads((backbone / "config.json").read_text())
    cfg["auto_map"] = {"AutoModel": "evil.EvilModel", "AutoConfig": "evil.EvilModel"}
    (backbone / "config.json").write_text(json.dumps(cfg))
    code = extract(inp, tmp_path / "o.jsonl", f"classify.model={tiny_model}",
                   f"classify.backbone={backbone}")
    assert not marker.exists()
    assert code in (0, 2)  # loads the built-in BERT class, or refuses: never runs evil.py


def test_the_package_never_enables_remote_code_or_unpickles_weights():
    pattern = re.compile(r"trust_remote_code\s*=\s*True|torch\.load\(|pickle\.loads?\(|"
                         r"use_safetensors\s*=\s*False")
    hits = [f"{p.relative_to(ROOT)}:{i}" for p in (ROOT / "pipeline").rglob("*.py")
            for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if pattern.search(line)]
    assert hits == []


def test_pipeline_api_raises_model_load_error(tmp_path):
    from pipeline.annotate import Pipeline
    from pipeline.config import load_config

    cfg = load_config(overrides=[f"classify.model={tmp_path / 'gone'}"])
    with pytest.raises(ModelLoadError, match=re.escape(str(tmp_path / "gone"))):
        _ = Pipeline(cfg).classifier
