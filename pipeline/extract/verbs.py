"""Reporting verbs from knowledge/reporting_verbs.txt, compiled once into one regex."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"


@lru_cache(maxsize=None)
def verb_classes(path: str | None = None) -> dict[str, str]:
    """Surface form (spaces for multi-word forms) -> class (speech/accuse/urge/demand)."""
    classes: dict[str, str] = {}
    p = Path(path) if path else KNOWLEDGE / "reporting_verbs.txt"
    for line in p.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cls, forms = line.split(":", 1)
        for f in forms.split():
            classes[f.replace("_", " ")] = cls.strip()
    return classes


@lru_cache(maxsize=None)
def verb_regex(path: str | None = None) -> re.Pattern:
    forms = sorted(verb_classes(path), key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])")


def verb_class(form: str) -> str:
    return verb_classes().get(re.sub(r"\s+", " ", form.lower()), "speech")
