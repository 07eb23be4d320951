"""Variants of the lexical (TF-IDF + LR) model in the stance mix, from a directory's out-of-fold logits.

usage: python scripts/lexical_variants.py MODEL_DIR [--set K=V ..]

Runs `lexical_mix_from_oof.py` once per variant of the lexical model (regularisation, n-grams,
character n-grams, speaker-role words, no class balancing) and prints the mixed stance macro-F1
(each fold's weight and temperature chosen on the other folds, as in training). A check of
whether the lexical second opinion is worth tuning; the shipped one is `base`.
"""
import contextlib
import io
import re
import sys
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

import pipeline.classify.lexical as lexical

sys.path.insert(0, str(Path(__file__).parent))
import lexical_mix_from_oof  # noqa: E402

_ROLES = {"spokesperson", "spokesman", "spokeswoman", "leader", "cabinet", "member", "director", "chief",
          "executive", "secretary", "organiser", "convenor", "officer", "chair", "councillor", "cllr",
          "branch", "regional", "general", "workers", "staff", "members", "union", "council", "employers",
          "mp", "minister"}


def _with_roles(x) -> str:
    roles = " ".join("__sp_" + w for w in re.findall(r"[a-z]+", (x.speaker or "").lower()) if w in _ROLES)
    return f"__side_{x.side} __type_{x.type} {roles} {x.quote}"


def _words(n: int = 2) -> TfidfVectorizer:
    return TfidfVectorizer(ngram_range=(1, n), min_df=2, sublinear_tf=True)


VARIANTS = {
    "base": {},
    "C=1": {"C": 1.0},
    "C=16": {"C": 16.0},
    "words 1-3": {"vectorizer": lambda: _words(3)},
    "+char 2-5": {"vectorizer": lambda: FeatureUnion([("w", _words()), ("c", TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True))])},
    "+speaker role words": {"text": _with_roles},
    "unbalanced": {"logreg": lambda C: LogisticRegression(C=C, max_iter=2000)},
}


def main() -> None:
    args = sys.argv[1:]
    shipped = (lexical.tfidf_vectorizer, lexical.balanced_logreg, lexical.lexical_text)
    for name, v in VARIANTS.items():
        lexical.tfidf_vectorizer = v.get("vectorizer", shipped[0])
        lexical.lexical_text = v.get("text", shipped[2])
        make, C = v.get("logreg", shipped[1]), v.get("C", 4.0)
        lexical.balanced_logreg = lambda _C, make=make, C=C: make(C)
        sys.argv = ["lexical_mix_from_oof.py", *args]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            lexical_mix_from_oof.main()
        print(f"{name:22s}", next(line for line in out.getvalue().splitlines() if line.startswith("stance")),
              flush=True)


if __name__ == "__main__":
    main()
