"""What the classifiers see for one statement: the quote, its context and what the pipeline knows."""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.schema import Article, Statement

CONTEXT_CHARS = 240  # each side of the quote; enough for the attribution frame


@dataclass
class ClassifierInput:
    quote: str
    context: str
    type: str
    side: str | None
    speaker: str | None = None
    speaker_org: str | None = None


def context_window(text: str, start: int, end: int, chars: int = CONTEXT_CHARS) -> str:
    """The paragraph around a span, clipped to ``chars`` either side, quote replaced by a marker.

    The quote itself is already the first segment; the context carries the frame
    ("..., the union's regional secretary said") without repeating it.
    """
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 < 0 else p1
    left = text[max(p0, start - chars):start]
    right = text[end:min(p1, end + chars)]
    return f"{left} [Q] {right}".strip()


def classifier_input(article: Article, statement: Statement) -> ClassifierInput:
    text = article.text
    ctx = context_window(text, statement.start, statement.end) if 0 <= statement.start <= len(text) else ""
    return ClassifierInput(quote=statement.quote, context=ctx, type=statement.type,
                           side=statement.side, speaker=statement.speaker,
                           speaker_org=statement.speaker_org)


INPUT_FORMATS = ("words", "markers", "markers_org")


def clip_context(context: str, chars: int | None) -> str:
    """Keep ``chars`` either side of the ``[Q]`` marker (the frame sits next to the quote)."""
    if chars is None or "[Q]" not in context:
        return context
    left, _, right = context.partition("[Q]")
    return f"{left[max(0, len(left) - chars):]}[Q]{right[:chars]}".strip()


def model_text(inp: ClassifierInput, use_context: bool = True, fmt: str = "words",
               context_chars: int | None = None) -> tuple[str, str | None]:
    """The (text, text_pair) fed to the encoder: side and type (and organisation), then the quote.

    ``words``: "union direct: ..."; ``markers``: "[union] [direct] ..."; ``markers_org`` adds
    "[<speaker_org>]". The pair is the context with the quote replaced by ``[Q]``.
    """
    if fmt == "words":
        first = f"{inp.side or 'unknown'} {inp.type}: {inp.quote}"
    elif fmt == "markers":
        first = f"[{inp.side or 'unknown'}] [{inp.type}] {inp.quote}"
    elif fmt == "markers_org":
        first = f"[{inp.side or 'unknown'}] [{inp.type}] [{inp.speaker_org or 'none'}] {inp.quote}"
    else:
        raise ValueError(f"unknown input_format {fmt!r}; expected one of {INPUT_FORMATS}")
    return first, (clip_context(inp.context, context_chars) if use_context else None)
