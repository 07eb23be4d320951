"""Paragraphs and sentences with character offsets (no model: rules tuned for news prose)."""
from __future__ import annotations

import re
from collections.abc import Iterator

# A sentence ends at . ! ? (optionally followed by a closing quote/bracket) before whitespace and
# an uppercase letter, digit or opening quote.
# Scraped pages also glue sentences together ('unions."Local', 'employees”.However'): a period
# after a lowercase word or closing quote directly followed by a capitalised word ends one too.
_SENT_END = re.compile(r"""(?<=[.!?])["”’']?(?=\s+["“‘'(]?[A-Z0-9£])|(?<=[a-z”"’)%0-9][.!?])(?=["“]?[A-Z][a-z])""")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, whitespace trimmed."""
    pos = 0
    for line in text.split("\n"):
        s = pos + (len(line) - len(line.lstrip()))
        e = pos + len(line.rstrip())
        if e > s:
            yield s, e
        pos += len(line) + 1


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph)."""
    out, s = [], start
    for m in _SENT_END.finditer(text, start, end):
        e = m.end()
        out.append((s, e))
        s = e
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out


def trim(text: str, start: int, end: int, chars: str = " \t\r\n") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def word_count(s: str) -> int:
    return len(re.findall(r"\w+(?:['’]\w+)?", s))
