"""Quotation-mark scanning: “double”, "straight", ‘single’ and 'straight single' quotes.

Single closing quotes share a character with the apostrophe ("It’s", "Lancashire's",
"members' pay"), so a closer is only accepted where an apostrophe is unlikely; a quote left
open at the end of a paragraph runs to the paragraph's end (the next paragraph reopens it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.text.segment import paragraphs

_OPEN_BEFORE = set(" \t([{—–-/“\"") | {""}
_PUNCT_BEFORE_CLOSE = set(".,!?;:…—–-)")
_AFTER_CLOSE = re.compile(r"""$|[\s,.;:!?)\]—–-]""")


@dataclass(frozen=True)
class QuoteRegion:
    """A quoted stretch: ``start``/``end`` delimit the words inside the marks."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: unclosed, runs to the paragraph end
    kind: str  # "double" or "single"
    para: tuple[int, int]


def _double_regions(text: str, ps: int, pe: int) -> list[QuoteRegion]:
    out: list[QuoteRegion] = []
    open_at: int | None = None
    for i in range(ps, pe):
        ch = text[i]
        if ch == "“":
            if open_at is None:
                open_at = i
        elif ch == "”":
            if open_at is not None:
                out.append(QuoteRegion(open_at + 1, i, open_at, i, "double", (ps, pe)))
                open_at = None
        elif ch == '"':
            if open_at is None:
                open_at = i
            else:
                out.append(QuoteRegion(open_at + 1, i, open_at, i, "double", (ps, pe)))
                open_at = None
    if open_at is not None and open_at + 1 < pe:
        out.append(QuoteRegion(open_at + 1, pe, open_at, None, "double", (ps, pe)))
    return out


def _is_single_opener(text: str, i: int, ps: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > ps else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if not after or after.isspace():
        return False
    if ch == "‘":
        return not before.isalnum()
    # straight ' : an opener only at a word start, and not an elision like '90s
    return before in _OPEN_BEFORE and not after.isdigit()


def _single_closer_strength(text: str, i: int, pe: int) -> int:
    """2: almost surely a closing quote; 1: possibly (plural possessive); 0: not a closer."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1:i + 2]
    if not before or before.isspace():
        return 0
    if after.isalnum():  # It’s, don’t, Lancashire's
        return 0
    if not _AFTER_CLOSE.match(text, i + 1) and i + 1 < pe:
        return 0
    if before in _PUNCT_BEFORE_CLOSE or i + 1 >= pe or after in ",.;:!?)":
        return 2
    return 1 if before in "sS" else 2


def _single_regions(text: str, ps: int, pe: int) -> list[QuoteRegion]:
    out: list[QuoteRegion] = []
    i = ps
    while i < pe:
        ch = text[i]
        if ch in "‘'" and _is_single_opener(text, i, ps):
            weak = None
            j = i + 1
            close = None
            while j < pe:
                if text[j] in "’'":
                    st = _single_closer_strength(text, j, pe)
                    if st == 2:
                        close = j
                        break
                    if st == 1 and weak is None:
                        weak = j
                elif text[j] == "‘" and _is_single_opener(text, j, ps) and j > i + 1:
                    break  # a new quote opens: the previous one was never closed here
                j += 1
            if close is None and weak is not None:
                close = weak
            if close is not None:
                out.append(QuoteRegion(i + 1, close, i, close, "single", (ps, pe)))
                i = close + 1
                continue
            out.append(QuoteRegion(i + 1, j if j < pe else pe, i, None, "single", (ps, pe)))
            i = j
            continue
        i += 1
    return out


def _inside(a: QuoteRegion, b: QuoteRegion) -> bool:
    return b.open_at <= a.open_at and (a.end <= b.end) and a is not b


def quote_regions(text: str) -> list[QuoteRegion]:
    """Outermost quote regions of every paragraph, in text order."""
    regions: list[QuoteRegion] = []
    for ps, pe in paragraphs(text):
        doubles = _double_regions(text, ps, pe)
        singles = _single_regions(text, ps, pe)
        # a single quote crossing a double one is an apostrophe misread: drop it
        singles = [s for s in singles if not any(
            (d.open_at < s.open_at < d.end < s.end) or (s.open_at < d.open_at < s.end < d.end)
            for d in doubles)]
        both = doubles + singles
        regions += [r for r in both if not any(_inside(r, o) for o in both)]
    regions.sort(key=lambda r: r.open_at)
    return [r for r in regions if r.end > r.start]
