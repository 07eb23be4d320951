"""Article metadata: the employer, the unions, a dispute slug, and grouping across a batch."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from pipeline.attribute.knowledge import Knowledge
from pipeline.schema import Article

_PLACE_TOKEN = r"[A-Z][\w’'&-]*"
COUNCIL_RE = re.compile(
    rf"\b(?:(?:The\s+)?(?:City\s+of|London\s+Borough\s+of|Royal\s+Borough\s+of)\s+)?"
    rf"((?:{_PLACE_TOKEN},?\s+(?:and\s+|&\s+)?){{1,5}}?)"
    r"((?:City|County|Borough|District|Metropolitan\s+Borough|Town|County\s+Borough)\s+)?"
    r"([Cc]ouncil)\b")
_NOT_PLACE = {"The", "A", "An", "Labour", "Conservative", "Tory", "Liberal", "Green", "Independent",
              "Our", "Their", "Its", "This", "That", "City", "County", "Borough", "District",
              "Town", "Parish", "Community", "Scottish", "Welsh", "British", "National", "Local",
              "Unison", "Unite", "GMB", "Cabinet", "Full", "Metropolitan", "Every", "Each", "Many",
              "Some", "Other", "Most", "All", "Both", "While", "When", "But", "And", "If", "As",
              "Meanwhile", "However", "Yesterday", "Today", "Last", "In", "On", "At", "For", "By",
              "Image", "Caption", "Read", "More", "Lib", "Dem", "Democrat", "SNP", "Plaid",
              "Reform", "Councillors", "Councillor", "Cllr", "Leader", "Council"}
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")


def _council_mentions(s: str) -> list[tuple[str, str]]:
    """(place, canonical full name) for each '... Council' mention."""
    out = []
    for m in COUNCIL_RE.finditer(s):
        tokens = [t.strip(",") for t in m.group(1).split()]
        while tokens and tokens[0] in _NOT_PLACE:
            tokens = tokens[1:]
        tokens = [t for t in tokens if t]
        if not tokens or any(t in _NOT_PLACE for t in tokens if t not in ("and", "&")):
            continue
        tokens = [re.sub(r"[’']s$", "", t) for t in tokens]
        place = " ".join(tokens)
        kind = (m.group(2) or "").strip()
        prefix = "City of " if re.match(r"(?:The\s+)?City\s+of", m.group(0)) else ""
        full = f"{prefix}{place} {kind + ' ' if kind else ''}Council"
        out.append((place, re.sub(r"\s+", " ", full)))
    return out


def infer_employer(article: Article, kn: Knowledge) -> str | None:
    """The workers' employer: a council, an employers' body or a contractor, by weighted mentions."""
    title = article.title or ""
    text = article.text or ""
    head = text[:300]
    scores: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    for src, w in ((title, 3.0), (head, 1.5), (text, 1.0)):
        for place, full in _council_mentions(src):
            scores[("council", place)] += w
            forms[place][full] += w
        for _, _, org in kn.find_orgs(src):
            if org.kind in ("employer_bodies", "contractors"):
                scores[(org.kind, org.name)] += w * (1.2 if org.kind == "contractors" else 1.0)
    if not scores:
        return None
    (kind, name), best = scores.most_common(1)[0]
    if kind == "council":
        # the most specific form seen for this place ("Birmingham City Council" over "Birmingham Council")
        cands = forms[name]
        return max(cands, key=lambda f: (len(f.split()) > len(name.split()) + 1, cands[f], len(f)))
    return name


def infer_unions(article: Article, kn: Knowledge) -> list[str]:
    c: Counter = Counter()
    for _, _, org in kn.find_orgs((article.title or "") + "\n" + (article.text or "")):
        if org.kind == "unions" and org.name not in ("TUC", "ICTU"):
            c[org.name] += 1
    return [u for u, _ in sorted(c.items(), key=lambda x: (-x[1], x[0]))]


def infer_workforce(article: Article, kn: Knowledge) -> str:
    title, text = (article.title or "").lower(), (article.text or "").lower()
    best, score = "workers", 0.0
    for slug, rx in kn.workforces.items():
        s = 3 * len(rx.findall(title)) + len(rx.findall(text[:1500]))
        if s > score:
            best, score = slug, s
    return best


def infer_year(article: Article) -> int | None:
    for src in (article.date or "", article.url or ""):
        m = _YEAR.search(src)
        if m:
            return int(m.group(1))
    years = Counter(int(y) for y in _YEAR.findall(article.text or ""))
    return years.most_common(1)[0][0] if years else None


def slugify(s: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", s.lower())).strip("-")


def employer_slug(employer: str | None) -> str:
    if not employer:
        return "unknown"
    special = {"Local Government Association": "lga-njc", "COSLA": "cosla"}
    if employer in special:
        return special[employer]
    s = re.sub(r"\b(?:City of|London Borough of|Royal Borough of)\b", "", employer)
    s = re.sub(r"\b(?:(?:City|County|Borough|District|Metropolitan Borough|Town)\s+)?Council\b", "", s)
    s = re.sub(r"\band\b|&", " ", s)
    return slugify(s) or slugify(employer)


def dispute_slug(employer: str | None, workforce: str, years: tuple[int, int] | None) -> str:
    parts = [employer_slug(employer), workforce]
    if years:
        parts.append(str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}")
    return "-".join(parts)


def infer_article_meta(article: Article, kn: Knowledge) -> None:
    """Fill employer, unions and dispute unless the input gave them (``article.hints``)."""
    if "employer" not in article.hints:
        article.employer = infer_employer(article, kn)
    if "unions" not in article.hints:
        article.unions = infer_unions(article, kn)
    wf = infer_workforce(article, kn)
    y = infer_year(article)
    article.extra.setdefault("_workforce", wf)
    article.extra.setdefault("_year", y)
    if "dispute" not in article.hints:
        article.dispute = dispute_slug(article.employer, wf, (y, y) if y else None)


def group_disputes(articles: Iterable[Article], max_gap_years: int = 1) -> dict[str, str]:
    """Article id -> one slug per dispute: same employer and workforce, years chained within
    ``max_gap_years``; the slug spans the group's years. Input-given slugs are kept."""
    meta = []
    for a in articles:
        if "dispute" in a.hints:
            continue
        wf = a.extra.get("_workforce") or (a.dispute or "").split("-")[-2:-1] or "workers"
        meta.append((a.id, a.employer, a.extra.get("_workforce", "workers"), a.extra.get("_year")))
    by_key: dict[tuple, list] = defaultdict(list)
    for aid, emp, wf, year in meta:
        by_key[(emp, wf)].append((year, aid))
    out: dict[str, str] = {}
    for (emp, wf), items in by_key.items():
        dated = sorted((y, aid) for y, aid in items if y is not None)
        groups: list[list] = []
        for y, aid in dated:
            if groups and y - groups[-1][-1][0] <= max_gap_years:
                groups[-1].append((y, aid))
            else:
                groups.append([(y, aid)])
        undated = [aid for y, aid in items if y is None]
        if undated:
            if groups:
                biggest = max(groups, key=len)
                biggest += [(biggest[-1][0], aid) for aid in undated]
            else:
                groups.append([(None, aid) for aid in undated])
        for g in groups:
            years = [y for y, _ in g if y is not None]
            slug = dispute_slug(emp, wf, (min(years), max(years)) if years else None)
            for _, aid in g:
                out[aid] = slug
    return out
