"""The pipeline over one article and over a stream: read -> extract -> attribute -> classify.

``Pipeline`` holds what is expensive to build (knowledge lists, the classifier) and is created
once per process. Every failure inside one article is recorded on that article (``status`` /
``error``) so a batch never loses the rest of its articles.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from pipeline.config import Config, load_config
from pipeline.schema import STATUS_ERROR, STATUS_OK, Article

log = logging.getLogger(__name__)


class Pipeline:
    """Annotates articles with statements, speakers, sides, stance and sentiment."""

    def __init__(self, config: Config | None = None, classifier: object | None = None) -> None:
        from pipeline.attribute import load_knowledge

        self.config = config or load_config()
        self.knowledge = load_knowledge(self.config.attribute.knowledge_dir)
        self._classifier = classifier

    @property
    def classifier(self):
        """The stance/sentiment classifier, loaded on first use (once per process)."""
        if self._classifier is False:  # explicitly disabled (worker processes)
            return None
        if self._classifier is None and self.config.classify.enabled:
            from pipeline.classify import StanceSentimentClassifier

            c = self.config.classify
            if c.threads:
                import torch

                torch.set_num_threads(c.threads)
            self._classifier = StanceSentimentClassifier.from_pretrained(
                self.config.resolve_path(c.model), backbone=c.backbone, bf16=c.bf16,
                batch_size=c.batch_size, max_length=c.max_length)
        return self._classifier

    def annotate(self, article: Article) -> Article:
        """Extract and attribute statements and infer article metadata (no classification)."""
        from pipeline.attribute import attribute_statements, infer_article_meta
        from pipeline.extract import extract_statements
        from pipeline.io import check_article

        article = check_article(article, self.config.extract.max_text_chars)
        if article.status != STATUS_OK:
            return article
        try:
            statements = extract_statements(article.text, self.config.extract)
            if self.config.attribute.infer_article_meta:
                infer_article_meta(article, self.knowledge)
            article.statements = attribute_statements(article, statements, self.knowledge)
        except Exception as exc:  # one bad article must not sink the batch
            log.exception("article %s failed", article.id)
            article.status, article.error = STATUS_ERROR, f"{type(exc).__name__}: {exc}"
            article.statements = []
        return article

    def classify(self, articles: list[Article]) -> list[Article]:
        """Set stance/sentiment (+ probabilities) on every statement, batching across articles."""
        clf = self.classifier
        if clf is None:
            return articles
        from pipeline.classify.features import classifier_input

        pairs = [(a, s) for a in articles if a.status == STATUS_OK for s in a.statements]
        if not pairs:
            return articles
        try:
            preds = clf.predict([classifier_input(a, s) for a, s in pairs])
        except Exception as exc:  # record on the affected articles rather than crash the run
            affected = list({id(a): a for a, _ in pairs}.values())
            if len(affected) > 1:  # one bad article must not sink its chunk: find it alone
                for a in affected:
                    self.classify([a])
                return articles
            log.exception("classification failed")
            for a in affected:
                a.status, a.error = STATUS_ERROR, f"classification failed: {type(exc).__name__}: {exc}"
            return articles
        for (_, s), p in zip(pairs, preds):
            s.stance, s.stance_scores = p.stance, p.stance_scores
            s.sentiment, s.sentiment_scores = p.sentiment, p.sentiment_scores
        return articles

    def process(self, articles: list[Article]) -> list[Article]:
        """Annotate and classify one chunk of articles."""
        return self.classify([self.annotate(a) for a in articles])

    def run(self, articles: Iterable[Article], chunk_size: int | None = None) -> Iterator[Article]:
        """Stream articles through the pipeline in chunks, in input order."""
        size = chunk_size or self.config.batch.chunk_size
        it = iter(articles)
        while chunk := list(islice(it, size)):
            yield from self.process(chunk)
