"""Speaker-name normalisation shared by attribution and evaluation."""
from __future__ import annotations

import re

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "prof", "professor", "sir", "dame",
           "lord", "lady", "rev"}


def normalise_speaker(name: str | None) -> str:
    """Case-folded, whitespace-collapsed, '&' read as 'and', leading article and trailing
    punctuation dropped."""
    if not name:
        return ""
    s = re.sub(r"\s+", " ", name.replace("&", " and ")).strip().strip(" ,.;:'\"‘’“”").casefold()
    s = s.replace("’", "'")
    return _LEADING.sub("", s)


def _tokens(name: str) -> list[str]:
    return [t for t in re.findall(r"[\w'-]+", normalise_speaker(name)) if t not in _TITLES]


def speaker_match_lenient(gold: str | None, pred: str | None) -> bool:
    """Same speaker allowing short forms: one name contains the other, or they share a surname."""
    g, p = normalise_speaker(gold), normalise_speaker(pred)
    if not g or not p:
        return g == p
    if g == p or g in p or p in g:
        return True
    gt, pt = _tokens(g), _tokens(p)
    return bool(gt and pt and gt[-1] == pt[-1])
