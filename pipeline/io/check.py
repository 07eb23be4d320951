"""Per-article input checks: empty, oversized, binary or HTML text become recorded outcomes."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from pipeline.schema import STATUS_ERROR, STATUS_OK, Article

_HTML_HINT = re.compile(r"<\s*(html|body|p|div|br|span|a\s|script|style|h[1-6]|article|li)\b",
                        re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
               "blockquote", "tr", "header", "footer", "ul", "ol", "figcaption", "title"}
_SKIP_TAGS = {"script", "style", "noscript", "head", "template", "svg"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def _clean(text: str) -> str:
    # Non-breaking spaces become plain spaces: offsets are computed on the plain text anyway.
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", ln).strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


def html_page(html: str) -> tuple[str, str | None]:
    """(plain text, <title>) of an HTML page: scripts/styles dropped, blocks as paragraphs,
    entities decoded."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    title = _clean(" ".join(parser.title)).replace("\n", " ")
    return _clean("".join(parser.parts)), title or None


def html_to_text(html: str) -> str:
    """Plain text of an HTML page (see ``html_page``)."""
    return html_page(html)[0]


def looks_like_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text[:20000])) >= 2


def _binary_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t") or ch == "\ufffd")
    return bad / max(1, len(sample))


def check_article(article: Article, max_chars: int = 1_000_000) -> Article:
    """Validate an article's text in place; sets ``status``/``error`` and returns the article."""
    if article.status != STATUS_OK:
        return article
    text = article.text
    if not isinstance(text, str) or not text.strip():
        article.status, article.error = STATUS_ERROR, "empty text"
        return article
    if len(text) > max_chars:
        article.status = STATUS_ERROR
        article.error = f"text too long: {len(text):,} characters (limit extract.max_text_chars={max_chars:,})"
        article.text = ""  # a multi-MB text is not echoed back into the output
        return article
    if "\x00" in text or _binary_share(text) > 0.05:
        article.status, article.error = STATUS_ERROR, "binary or non-text content"
        article.text = ""
        return article
    if looks_like_html(text):
        plain, title = html_page(text)
        if not plain.strip():
            article.status, article.error = STATUS_ERROR, "HTML with no text content"
            return article
        article.text = plain
        article.title = article.title or title
        article.extra["converted_from"] = "html"
    return article
