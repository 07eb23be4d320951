"""Stance + sentiment: one MiniLM forward pass, two heads, LoRA adapters merged at load time.

A model directory holds ``classifier_config.json`` (backbone, adapter settings, label maps,
temperatures, training provenance) and ``model.safetensors`` with only the trained weights
(LoRA matrices + heads: a few MB); the backbone comes from its own directory or hub name.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import torch
from torch import nn

from pipeline.backbone import resolve_backbone
from pipeline.classify.errors import ModelLoadError
from pipeline.classify.features import ClassifierInput, model_text
from pipeline.schema import SENTIMENTS, STANCES

log = logging.getLogger(__name__)
HEADS: dict[str, tuple[str, ...]] = {"stance": STANCES, "sentiment": SENTIMENTS}
CONFIG_NAME = "classifier_config.json"
WEIGHTS_NAME = "model.safetensors"


@dataclass
class Prediction:
    stance: str
    stance_scores: dict[str, float]
    sentiment: str
    sentiment_scores: dict[str, float]


@lru_cache(maxsize=1)
def cpu_supports_bf16() -> bool:
    """AMX or AVX512-BF16: where bf16 autocast is a real speed-up rather than emulation."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return "amx_bf16" in flags or "avx512_bf16" in flags


class MultiHeadEncoder(nn.Module):
    """Encoder + mean pooling + one linear head per task."""

    def __init__(self, encoder: nn.Module, hidden_size: int, dropout: float = 0.1,
                 pooling: str = "mean") -> None:
        super().__init__()
        if pooling not in ("mean", "cls"):
            raise ValueError(f"unknown pooling {pooling!r}; expected 'mean' or 'cls'")
        self.encoder = encoder
        self.pooling = pooling
        self.dropout = nn.Dropout(dropout)
        self.heads = nn.ModuleDict({k: nn.Linear(hidden_size, len(v)) for k, v in HEADS.items()})

    def forward(self, input_ids, attention_mask, token_type_ids=None) -> dict[str, torch.Tensor]:
        kw = {"token_type_ids": token_type_ids} if token_type_ids is not None else {}
        # pooled and classified in fp32 whatever the encoder's dtype (a bf16 sum over 128 tokens is coarse)
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask, **kw).last_hidden_state.float()
        if self.pooling == "cls":
            pooled = hidden[:, 0]
        else:
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        pooled = self.dropout(pooled)
        return {k: head(pooled) for k, head in self.heads.items()}


def build_model(backbone: str, lora: dict | None, dropout: float = 0.1, pooling: str = "mean"):
    """A fresh MultiHeadEncoder on ``backbone`` with LoRA adapters (``lora=None``: full model)."""
    from transformers import AutoModel, AutoTokenizer

    path = resolve_backbone(backbone)
    # safetensors only, never remote code: a hub model that ships only pickles is refused.
    encoder = AutoModel.from_pretrained(path, use_safetensors=True, trust_remote_code=False)
    tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=False)
    if lora:
        from peft import LoraConfig, get_peft_model

        encoder = get_peft_model(encoder, LoraConfig(
            r=lora["r"], lora_alpha=lora["alpha"], lora_dropout=lora.get("dropout", 0.0),
            target_modules=list(lora["target_modules"]), bias="none"))
    model = MultiHeadEncoder(encoder, encoder.config.hidden_size, dropout, pooling)
    if lora:
        for name, p in model.named_parameters():
            p.requires_grad = "lora_" in name or name.startswith("heads.")
    return model, tokenizer


def encode(tokenizer, items: list[ClassifierInput], max_length: int, use_context: bool,
           fmt: str = "words", context_chars: int | None = None):
    """Tokenised batch, padded to a multiple of 16: few distinct shapes keep oneDNN's compiled
    bf16 kernels cached (every new shape costs a kernel build)."""
    firsts, pairs = zip(*(model_text(i, use_context, fmt, context_chars) for i in items))
    if use_context:
        return tokenizer(list(firsts), list(pairs), truncation="longest_first",
                         max_length=max_length, padding=True, pad_to_multiple_of=16,
                         return_tensors="pt")
    return tokenizer(list(firsts), truncation=True, max_length=max_length, padding=True,
                     pad_to_multiple_of=16, return_tensors="pt")


def pad_rows(enc, batch_size: int):
    """Rows repeated up to the next power of two (at most ``batch_size``): with lengths padded to
    multiples of 16 too, a run sees at most 7 x 8 batch shapes, and memory stays flat however many
    articles it reads (with ever new shapes the allocator kept growing: benchmarks/README.md).
    Rows are independent, so the copies change nothing; their outputs are dropped."""
    n = enc["input_ids"].shape[0]
    target = min(batch_size, 1 << (n - 1).bit_length())
    if target <= n:
        return enc
    reps = torch.full((target - n,), n - 1, dtype=torch.long)
    for k in list(enc.keys()):
        enc[k] = torch.cat([enc[k], enc[k][reps]])
    return enc


def active_lexical_mix(config: dict) -> dict[str, dict]:
    """Heads whose probabilities mix in the lexical model's: {head: {weight, temperature}}."""
    return {k: v for k, v in (config.get("lexical_mix") or {}).items() if v["weight"] > 0}


class StanceSentimentClassifier:
    """Loads once, predicts calibrated stance and sentiment probabilities in batches."""

    def __init__(self, model: MultiHeadEncoder, tokenizer, config: dict, *, bf16: bool = True,
                 batch_size: int = 64, max_length: int | None = None, lexical=None) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.config = config
        self.batch_size = batch_size
        self.max_length = max_length or config.get("max_length", 128)
        self.use_context = config.get("use_context", True)
        self.input_format = config.get("input_format", "words")
        self.context_chars = config.get("context_chars")
        self.device = next(model.parameters()).device
        self.bf16 = bf16 and cpu_supports_bf16()
        # Autocast re-casts fp32 weights on every call (its cast cache skips frozen weights), which
        # cost more than the matmuls themselves: a loaded model holds its encoder in bf16 instead
        # and runs it natively (no autocast); a model still in training keeps autocast.
        self.bf16_weights = self.bf16 and not any(p.requires_grad for p in model.parameters())
        if self.bf16_weights:
            self.model.encoder.to(torch.bfloat16)
        self.temperatures = {k: float(config.get("temperatures", {}).get(k, 1.0)) for k in HEADS}
        # labels maximise log p + offset (fitted for macro-F1 on out-of-fold predictions); the
        # scores stay the calibrated probabilities
        offsets = config.get("decision_offsets") or {}
        self.offsets = {k: torch.tensor(offsets.get(k) or [0.0] * len(v), dtype=torch.float32)
                        for k, v in HEADS.items()}
        for k, v in HEADS.items():
            if self.offsets[k].shape != (len(v),):
                raise ModelLoadError(f"decision_offsets[{k!r}] needs {len(v)} values, "
                                     f"got {offsets.get(k)!r}")
        self.lexical_mix = active_lexical_mix(config)
        self.lexical = lexical
        if self.lexical_mix and (lexical is None or not set(self.lexical_mix) <= set(lexical.heads)):
            have = sorted(lexical.heads) if lexical is not None else []
            raise ModelLoadError(f"this model mixes a lexical model into {sorted(self.lexical_mix)} "
                                 f"(lexical_mix), but the lexical model given has heads {have}")

    @classmethod
    def from_pretrained(cls, path_or_name: str, *, backbone: str | None = None, bf16: bool = True,
                        batch_size: int = 64, max_length: int | None = None) -> "StanceSentimentClassifier":
        from safetensors.torch import load_file

        path = Path(path_or_name)
        cfg_file, weights = path / CONFIG_NAME, path / WEIGHTS_NAME
        if not path.is_dir():
            raise ModelLoadError(f"classifier model directory not found: {path} "
                                 f"(train one with `dispute-stance train`, or set classify.enabled=false)")
        for f in (cfg_file, weights):
            if not f.is_file():
                raise ModelLoadError(f"classifier model directory {path} is incomplete: missing {f.name}")
        try:
            config = json.loads(cfg_file.read_text(encoding="utf-8"))
            state = load_file(str(weights))
        except Exception as exc:
            raise ModelLoadError(f"classifier model in {path} is corrupt: {exc}") from None
        model, tokenizer = build_model(backbone or config["backbone"], config.get("lora"),
                                       config.get("dropout", 0.1), config.get("pooling", "mean"))
        missing = [k for k, p in model.named_parameters() if p.requires_grad and k not in state]
        unexpected = [k for k in state if k not in dict(model.named_parameters())]
        if missing or unexpected:
            raise ModelLoadError(f"classifier weights in {weights} do not fit the backbone: "
                                 f"{len(missing)} missing, {len(unexpected)} unexpected tensors")
        model.load_state_dict(state, strict=False)
        if config.get("lora"):
            model.encoder = model.encoder.merge_and_unload()  # plain encoder: no adapter overhead
        model.requires_grad_(False)
        lexical = None
        if active_lexical_mix(config):
            from pipeline.classify.lexical import LEXICAL_CONFIG, LEXICAL_WEIGHTS, LexicalModel

            for f in (LEXICAL_CONFIG, LEXICAL_WEIGHTS):
                if not (path / f).is_file():
                    raise ModelLoadError(f"classifier model directory {path} is incomplete: missing {f}")
            try:
                lexical = LexicalModel.from_pretrained(path)
            except Exception as exc:
                raise ModelLoadError(f"lexical model in {path} is corrupt: {exc}") from None
        return cls(model, tokenizer, config, bf16=bf16, batch_size=batch_size, max_length=max_length,
                   lexical=lexical)

    def encode(self, items: list[ClassifierInput]):
        """One tokenised batch exactly as this model's training saw its inputs."""
        return encode(self.tokenizer, items, self.max_length, self.use_context, self.input_format,
                      self.context_chars)

    def logits(self, items: list[ClassifierInput]) -> dict[str, torch.Tensor]:
        """Raw (uncalibrated) logits per head, in input order."""
        order = sorted(range(len(items)), key=lambda i: len(items[i].quote) + len(items[i].context))
        out = {k: torch.empty(len(items), len(v)) for k, v in HEADS.items()}
        dev = self.device.type
        bf16 = (self.bf16 if dev == "cpu" else dev == "cuda") and not self.bf16_weights
        with torch.inference_mode(), torch.autocast(dev, dtype=torch.bfloat16, enabled=bf16):
            for b in range(0, len(order), self.batch_size):
                idx = order[b:b + self.batch_size]
                enc = pad_rows(self.encode([items[i] for i in idx]), self.batch_size).to(self.device)
                res = {k: v[:len(idx)].cpu() for k, v in self.model(**enc).items()}
                for k in HEADS:
                    out[k][idx] = res[k].float()
        return out

    def predict_proba(self, items: list[ClassifierInput]) -> dict[str, torch.Tensor]:
        if not items:
            return {k: torch.empty(0, len(v)) for k, v in HEADS.items()}
        lg = self.logits(items)
        probs = {k: torch.softmax(lg[k] / self.temperatures[k], dim=-1) for k in HEADS}
        if self.lexical_mix:
            from pipeline.classify.calibration import softmax
            from pipeline.classify.lexical import mix

            lex = self.lexical.predict_proba(items)
            for k, m in self.lexical_mix.items():
                z = mix(probs[k].double().numpy(), lex[k], m["weight"])
                probs[k] = torch.from_numpy(softmax(z, m["temperature"])).float()
        return probs

    def decide(self, probs: dict[str, torch.Tensor]) -> dict[str, list[str]]:
        """Labels from calibrated probabilities: argmax of log p + the model's decision offsets."""
        return {k: [HEADS[k][j] for j in (torch.log(probs[k].clamp(min=1e-12)) + self.offsets[k])
                    .argmax(dim=-1).tolist()] for k in HEADS}

    def predict(self, items: list[ClassifierInput]) -> list[Prediction]:
        probs = self.predict_proba(items)
        labels = self.decide(probs)
        preds = []
        for i in range(len(items)):
            sc = {k: {lab: round(float(p), 6) for lab, p in zip(HEADS[k], probs[k][i])} for k in HEADS}
            preds.append(Prediction(stance=labels["stance"][i], stance_scores=sc["stance"],
                                    sentiment=labels["sentiment"][i], sentiment_scores=sc["sentiment"]))
        return preds
