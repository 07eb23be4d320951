import pytest

from pipeline.config import ConfigError, load_config


def test_default_config_loads_and_overrides_apply():
    cfg = load_config(overrides=["classify.batch_size=8", "compare.min_statements=3", "batch.progress=false"])
    assert cfg.classify.batch_size == 8
    assert cfg.compare.min_statements == 3
    assert cfg.batch.progress is False


@pytest.mark.parametrize("override, message", [
    ("classify.batchsize=8", "unknown config key"),
    ("classify.batch_size=zero", "expected an integer"),
    ("classify.batch_size=0", "out of range"),
    ("compare.confidence=2", "out of range"),
    ("batch.progress=maybe", "true/false"),
    ("nokeyvalue", "key=value"),
])
def test_bad_overrides_give_clear_errors(override, message):
    with pytest.raises(ConfigError, match=message):
        load_config(overrides=[override])


def test_bad_yaml_file(tmp_path):
    p = tmp_path / "c.yaml"
    p.write_text("extract: [1, 2\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(p)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "missing.yaml")
