"""Typed records passed between stages, and their JSON form (the gold schema plus extras).

The gold schema is defined by ../shared/annotation/GUIDELINES.md. Output records carry every
gold key, plus character offsets and per-label probabilities on statements and a per-article
``status``/``error`` so one bad article never sinks a batch.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

TYPES = ("direct", "indirect", "mixed")
SIDES = ("union", "council", "other")
STANCES = ("support", "oppose", "neutral")
SENTIMENTS = ("negative", "neutral", "positive")

ARTICLE_KEYS = ("id", "url", "title", "date", "dispute", "employer", "unions", "text", "statements")
STATEMENT_KEYS = ("quote", "type", "speaker", "speaker_org", "side", "stance", "sentiment")

STATUS_OK = "ok"
STATUS_ERROR = "error"


@dataclass
class Statement:
    """One thing a source is reported as saying; ``text[start:end] == quote``."""

    quote: str
    start: int
    end: int
    type: str
    speaker: str | None = None
    speaker_org: str | None = None
    side: str | None = None
    stance: str | None = None
    sentiment: str | None = None
    stance_scores: dict[str, float] | None = None
    sentiment_scores: dict[str, float] | None = None
    # Free-form evidence from the extractor/attributor (cue verb, mention offsets); not gold.
    cue: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if d["cue"] is None:
            del d["cue"]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str | None = None) -> "Statement":
        """Build from a gold/pred record; offsets are recovered from ``text`` when absent."""
        start, end = d.get("start"), d.get("end")
        quote = d["quote"]
        if (start is None or end is None) and text is not None:
            start = text.find(quote)
            end = start + len(quote) if start >= 0 else -1
        known = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in known}
        kw.update(start=-1 if start is None else int(start), end=-1 if end is None else int(end))
        return cls(**kw)


@dataclass
class Article:
    """An article and everything the pipeline learns about it."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    date: str | None = None
    dispute: str | None = None
    employer: str | None = None
    unions: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    status: str = STATUS_OK
    error: str | None = None
    # Input fields outside the schema (outlet, ...) are kept and written back unchanged.
    extra: dict[str, Any] = field(default_factory=dict)
    # Which of dispute/employer/unions came from the input (hints) rather than inference.
    hints: tuple[str, ...] = ()

    def to_dict(self, internal: bool = False) -> dict[str, Any]:
        """The gold-schema record plus ``status``/``error`` and any extra input fields.

        Stage-internal metadata (extra keys starting with ``_``) is left out unless ``internal``.
        """
        rec: dict[str, Any] = {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "date": self.date,
            "dispute": self.dispute,
            "employer": self.employer,
            "unions": list(self.unions),
            "text": self.text,
            "statements": [s.to_dict() for s in self.statements],
            "status": self.status,
            "error": self.error,
        }
        for k, v in self.extra.items():
            if internal or not k.startswith("_"):
                rec.setdefault(k, v)
        return rec

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        """Build from an input/gold/pred record. Raises ValueError on a record without usable id."""
        if not isinstance(d, dict):
            raise ValueError(f"record is a {type(d).__name__}, not an object")
        text = d.get("text")
        hints = tuple(k for k in ("dispute", "employer", "unions") if d.get(k))
        unions = d.get("unions") or []
        if isinstance(unions, str):
            unions = [u.strip() for u in unions.replace(";", ",").split(",") if u.strip()]
        known = set(ARTICLE_KEYS) | {"status", "error"}
        art = cls(
            id=str(d.get("id")) if d.get("id") is not None else "",
            text=text if isinstance(text, str) else "",
            url=d.get("url"),
            title=d.get("title"),
            date=_iso_date(d.get("date")),
            dispute=d.get("dispute") or None,
            employer=d.get("employer") or None,
            unions=list(unions),
            status=d.get("status") or STATUS_OK,
            error=d.get("error"),
            extra={k: v for k, v in d.items() if k not in known},
            hints=hints,
        )
        if isinstance(text, str):
            art.statements = [Statement.from_dict(s, text) for s in d.get("statements") or []]
        return art


def _iso_date(value: Any) -> str | None:
    """Dates as ISO strings (readers may hand us datetime/date/Timestamp objects)."""
    if value is None or value == "":
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value)
