"""Dispute grouping across a batch from article metadata only (employer, year, workforce and the
keyword signature that infer_article_meta leaves in ``extra``): one slug per dispute."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.attribute.article import (dispute_slug, employer_slug, infer_workforce, infer_year,
                                        dated_year, signature, slug_within, weekday_years)
from pipeline.attribute.knowledge import Knowledge, load_knowledge
from pipeline.schema import Article

MERGE_SIM = 0.45  # clusters of one employer and period with different workforces: same dispute
ATTACH_BONUS = 0.1  # an undated article prefers a cluster of its own workforce family
ATTACH_MIN = 0.25
CONTRACTOR_SIM = 0.2  # a contractor's dispute and its client council's reports of the same period  # below this similarity (bonus included) an undated article starts a dispute


@dataclass
class _Item:
    id: str
    year: int | None
    text_year: int | None  # an undated article's latest year in its text: a hint, not a date
    weekday_years: list[int]  # an undated article's years that fit its weekday-dates
    workforce: str
    family: str
    words: Counter


@dataclass
class _Cluster:
    items: list[_Item] = field(default_factory=list)
    lo: int | None = None
    hi: int | None = None
    words: Counter = field(default_factory=Counter)

    def add(self, it: _Item) -> None:
        self.items.append(it)
        self.words.update(it.words)
        if it.year is not None:
            self.lo = it.year if self.lo is None else min(self.lo, it.year)
            self.hi = it.year if self.hi is None else max(self.hi, it.year)

    def absorb(self, other: "_Cluster") -> None:
        for it in other.items:
            self.add(it)


def _cosine(a: Counter, b: Counter, idf: dict[str, float]) -> float:
    dot = sum(a[t] * b[t] * idf.get(t, 0.0) ** 2 for t in a.keys() & b.keys())
    if not dot:
        return 0.0
    na = math.sqrt(sum((v * idf.get(t, 0.0)) ** 2 for t, v in a.items()))
    nb = math.sqrt(sum((v * idf.get(t, 0.0)) ** 2 for t, v in b.items()))
    return dot / (na * nb) if na and nb else 0.0


def _item(a: Article, kn: Knowledge) -> _Item:
    """Metadata of one article; computed here when infer_article_meta did not leave it."""
    wf = a.extra.get("_workforce") or (infer_workforce(a, kn) if a.text else "workers")
    year = a.extra["_year"] if "_year" in a.extra else dated_year(a)
    text_year = a.extra["_text_year"] if "_text_year" in a.extra else (
        None if year is not None else infer_year(a))
    wd = a.extra["_weekday_years"] if "_weekday_years" in a.extra else (
        weekday_years(a.text or "") if year is None else [])
    sig = a.extra.get("_sig")
    if sig is None:
        sig = signature(a, directory=kn.directory)
    return _Item(a.id, year, text_year, wd, wf, kn.families.get(wf, "generic"), Counter(sig.split()))


def _chain(items: list[_Item], gap: int) -> list[_Cluster]:
    """Dated items of one family chained by year (a gap over ``gap`` years starts a new one)."""
    clusters: list[_Cluster] = []
    for it in sorted(items, key=lambda i: (i.year, i.id)):
        if not clusters or it.year - clusters[-1].hi > gap:
            clusters.append(_Cluster())
        clusters[-1].add(it)
    return clusters


def _cluster(items: list[_Item], national: bool, idf: dict[str, float]) -> list[_Cluster]:
    gap = 0 if national else 1
    fam = (lambda it: "generic") if national else (lambda it: it.family)
    dated = [it for it in items if it.year is not None]
    clusters: list[_Cluster] = []
    for f in sorted({fam(it) for it in dated} - {"generic"}):
        clusters += _chain([it for it in dated if fam(it) == f], gap)
    loose = []
    for it in (it for it in dated if fam(it) == "generic"):
        near = [c for c in clusters if c.lo - gap <= it.year <= c.hi + gap]
        if near:  # generic wording ("pay deal") joins the employer's dispute of that period
            max(near, key=lambda c: (_cosine(it.words, c.words, idf), len(c.items))).add(it)
        else:
            loose.append(it)
    clusters += _chain(loose, gap)
    _merge_workforces(clusters, gap, idf)
    fresh: list[_Cluster] = []
    for it in sorted((it for it in items if it.year is None), key=lambda i: i.text_year is None):
        # an undated article joins the most similar dispute, unless none is similar enough; the
        # latest year its text names keeps it out of the employer's earlier disputes (texts mention
        # past years as history, so it is only a lower bound)
        named = [int(w[1:]) for w in it.words if w[:1] == "y" and w[1:].isdigit()]
        pool = [c for c in clusters + fresh
                if it.text_year is None or c.hi is None or it.text_year <= c.hi + gap + 1]
        # its weekday-dates ("Tuesday 6 September") fit only some years: the strongest evidence;
        # next, of the national rounds the one of the latest year named, else a dispute of a
        # year the text names (a pay round's year)
        on_day = [c for c in pool if c.lo is not None and any(c.lo <= y <= c.hi for y in it.weekday_years)]
        latest = [c for c in pool if national and it.text_year and c.lo is not None and
                  c.lo - gap <= it.text_year <= c.hi + gap]
        pool = on_day or latest or [c for c in pool if c.lo is not None and
                                    any(c.lo - gap <= y <= c.hi + gap for y in named)] or pool
        best, best_sim = None, -1.0
        for c in pool:
            sim = _cosine(it.words, c.words, idf) + ATTACH_BONUS * any(fam(x) == fam(it) for x in c.items)
            if sim > best_sim:
                best, best_sim = c, sim
        if best is None or best_sim < ATTACH_MIN:
            best = _Cluster()
            fresh.append(best)
        best.add(it)
    # the undated reports fill in each dispute's picture: two workforces' clusters may now match
    _merge_workforces(clusters, gap, idf)
    _merge_undated(fresh, idf)
    return clusters + fresh


UNDATED_SIM = 0.15  # undated reports of one employer alike enough to be one dispute


def _merge_undated(fresh: list[_Cluster], idf: dict[str, float]) -> None:
    """Merge (in place) disputes started by undated reports whose keywords are alike."""
    merged = True
    while merged:
        merged = False
        for i, c in enumerate(fresh):
            for d in fresh[i + 1:]:
                if _cosine(c.words, d.words, idf) >= UNDATED_SIM:
                    c.absorb(d)
                    fresh.remove(d)
                    merged = True
                    break
            if merged:
                break


def _merge_workforces(clusters: list[_Cluster], gap: int, idf: dict[str, float]) -> None:
    """Merge (in place) dated clusters of overlapping periods whose keywords are alike: one
    dispute reported under two workforces ("refuse" and "social workers")."""
    merged = True
    while merged:
        merged = False
        for i, c in enumerate(clusters):
            for d in clusters[i + 1:]:
                if c.lo is not None and d.lo is not None and c.lo <= d.hi + gap and \
                        d.lo <= c.hi + gap and _cosine(c.words, d.words, idf) >= MERGE_SIM:
                    c.absorb(d)
                    clusters.remove(d)
                    merged = True
                    break
            if merged:
                break


def _slug(c: _Cluster, employer: str | None, national: bool, client: str | None) -> str:
    wfs = Counter(it.workforce for it in c.items if it.family != "generic")
    if national:
        wf = "council-workers"
    else:
        wf = wfs.most_common(1)[0][0] if wfs else Counter(it.workforce for it in c.items).most_common(1)[0][0]
    slug = dispute_slug(employer, wf, (c.lo, c.hi) if c.lo is not None else None)
    if client:
        emp = employer_slug(employer)
        slug = slug.replace(emp + "-", f"{emp}-{client}-", 1)
    return slug


def group_disputes(articles: Iterable[Article], knowledge: Knowledge | None = None) -> dict[str, str]:
    """Article id -> one slug per dispute across a batch. Articles of one employer (spelling
    variants of its name together; client council too, for contractors) are chained by year
    within a workforce family; families of one period with similar keywords merge; undated
    articles join the most similar dispute of a year their text allows (a year it names first);
    a contractor's dispute absorbs its client council's reports of the same period.
    Slugs given in the input are kept."""
    kn = knowledge or load_knowledge()
    out: dict[str, str] = {}
    by_key: dict[tuple, list[_Item]] = defaultdict(list)
    names: dict[str, Counter] = defaultdict(Counter)
    df: Counter = Counter()
    for a in articles:
        if "dispute" in a.hints and a.dispute:
            out[a.id] = a.dispute
            continue
        it = _item(a, kn)
        df.update(it.words.keys())
        by_key[(employer_slug(a.employer), a.extra.get("_client"))].append(it)
        names[employer_slug(a.employer)][a.employer] += 1
    same = _name_variants(list(names))
    if same:
        merged: dict[tuple, list[_Item]] = defaultdict(list)
        for (emp, client), items in by_key.items():
            merged[(same.get(emp, emp), client)] += items
        for emp, to in same.items():
            names[to].update(names.pop(emp))
        by_key = merged
    n = sum(len(v) for v in by_key.values()) or 1
    idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
    found: list[tuple[_Cluster, str | None, bool, str | None]] = []
    for (emp_slug, client), items in by_key.items():
        employer = names[emp_slug].most_common(1)[0][0]
        org = kn.orgs.get(employer or "")
        national = org is not None and org.kind == "employer_bodies"
        found += [(c, employer, national, client) for c in _cluster(items, national, idf)]
    for c, employer, national, client in _join_contractors(found, idf):
        slug = _slug(c, employer, national, client)
        for it in c.items:
            out[it.id] = slug
    return out


def _name_variants(slugs: list[str]) -> dict[str, str]:
    """Employer slug -> the one fuller slug it is a variant of (``slug_within``)."""
    out = {}
    for a in slugs:
        fuller = [b for b in slugs if slug_within(a, b)]
        if len(fuller) == 1:
            out[a] = fuller[0]
    return out


def _family(c: _Cluster) -> str:
    fams = Counter(it.family for it in c.items if it.family != "generic")
    return fams.most_common(1)[0][0] if fams else "generic"


def _join_contractors(found: list[tuple], idf: dict[str, float]) -> list[tuple]:
    """A contractor's dispute at a client council and that council's own reports of it (same
    workforce family, overlapping years or undated) are one dispute, named for the contractor."""
    by_council = defaultdict(list)
    for i, (c, employer, _, client) in enumerate(found):
        if client is None:
            by_council[employer_slug(employer)].append(i)
    gone: set[int] = set()
    for c, employer, _, client in found:
        if client is None:
            continue
        for j in by_council.get(client, []):
            d = found[j][0]
            if j in gone or _family(d) != _family(c):
                continue
            if c.lo is not None and d.lo is not None and not (c.lo <= d.hi + 1 and d.lo <= c.hi + 1):
                continue
            if _cosine(c.words, d.words, idf) >= CONTRACTOR_SIM:
                c.absorb(d)
                gone.add(j)
    return [f for i, f in enumerate(found) if i not in gone]
