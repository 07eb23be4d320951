"""Property tests: the extractor never raises and its spans are always exact and disjoint."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.attribute import attribute_statements, load_knowledge
from pipeline.extract import extract_statements
from pipeline.schema import Article

QUOTEY = st.sampled_from(list("“”‘’\"'.,:;!?\n ") + ["said", "says", "that", "according to", "Unison",
                                                     "the council", "he said", "accused", "of", "Mr Smith"])
TEXTS = st.one_of(st.text(max_size=400), st.lists(st.one_of(QUOTEY, st.text(max_size=8)), max_size=80).map(" ".join))


def _check(text):
    sts = extract_statements(text)
    last_end = -1
    for s in sts:
        assert text[s.start:s.end] == s.quote
        assert s.start >= last_end, "statements overlap or are out of order"
        assert s.type in ("direct", "indirect", "mixed")
        last_end = s.end
    return sts


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extractor_never_raises_and_spans_are_exact(text):
    first = _check(text)
    assert [(s.start, s.end) for s in first] == [(s.start, s.end) for s in extract_statements(text)]


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_attribution_never_raises(text):
    art = Article(id="f", text=text)
    sts = attribute_statements(art, extract_statements(text), load_knowledge())
    assert all(s.speaker and s.side in ("union", "council", "other") for s in sts)
