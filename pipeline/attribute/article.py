"""Article metadata: the employer, the unions, a dispute slug, and grouping across a batch."""
from __future__ import annotations

import datetime
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from pipeline.attribute.knowledge import COUNCIL_KIND, DEFAULT_DIR, Knowledge
from pipeline.schema import Article

_PLACE_TOKEN = r"[A-Z][\w’'&-]*"
COUNCIL_RE = re.compile(
    rf"\b(?:(?:The[^\S\n]+)?(?:City[^\S\n]+of|London[^\S\n]+Borough[^\S\n]+of|Royal[^\S\n]+Borough[^\S\n]+of)[^\S\n]+)?"
    # a council's name stays on its line ("Advertisement\nHide Ad\nArdmorrow Council": page furniture above)
    rf"((?:{_PLACE_TOKEN},?[^\S\n]+(?:and[^\S\n]+|&[^\S\n]+)?){{1,5}}?)"
    rf"({COUNCIL_KIND}[^\S\n]+)?"
    r"([Cc]ouncil)\b")
# "the London Borough of Hackney", "the Royal Borough of Greenwich": a council without "Council"
BOROUGH_OF_RE = re.compile(rf"\b(?:London|Royal)\s+Borough\s+of\s+((?:{_PLACE_TOKEN}\s+(?:and\s+)?){{0,3}}{_PLACE_TOKEN})")
_NOT_PLACE = {"The", "A", "An", "Labour", "Conservative", "Tory", "Liberal", "Green", "Independent",
              "Our", "Their", "Its", "This", "That", "City", "County", "Borough", "District",
              "Town", "Parish", "Community", "Scottish", "Welsh", "British", "National", "Local",
              "Unison", "Unite", "GMB", "Cabinet", "Full", "Metropolitan", "Every", "Each", "Many",
              "Some", "Other", "Most", "All", "Both", "While", "When", "But", "And", "If", "As",
              "Meanwhile", "However", "Despite", "Although", "Though", "Joint", "Yesterday",
              "Today", "Last", "In", "On", "At", "For", "By",
              "Image", "Caption", "Read", "More", "Lib", "Dem", "Democrat", "SNP", "Plaid",
              "Reform", "Councillors", "Councillor", "Cllr", "Leader", "Council",
              "January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
              "Friday", "Saturday", "Sunday", "Public", "Sector", "Strike", "Strikes", "Workers"}
_PERSON_WORDS = {"Mayor", "Leader", "Chief", "Director", "Head", "Deputy", "Spokesperson", "Spokesman",
                 "Spokeswoman", "Said", "Says"}
_YEAR = re.compile(r"(?<![\d£$€,.])(19[89]\d|20[0-4]\d)(?![\d%,.]\d|\s*(?:%|per\s+cent|workers|staff|"
                   r"members|people|jobs|employees|homes|tonnes|a\s+year|pounds))")
_WORD = re.compile(r"[a-z][a-z’'-]{3,}")
# pay offers ("£1,925", "3.5%", "5 per cent") name one round of one dispute better than any word
_AMOUNT = re.compile(r"£\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:m|bn|k)\b)?|\b\d+(?:\.\d+)?(?=\s?(?:%|per\s?cent))")


def _council_mentions(s: str) -> list[tuple[str, str]]:
    """(place, canonical full name) for each '... Council' or 'London / Royal Borough of ...' mention."""
    out = []
    for m in BOROUGH_OF_RE.finditer(s):
        tokens = m.group(1).split()
        cut = next((i for i, t in enumerate(tokens) if t in _NOT_PLACE or t in _PERSON_WORDS), len(tokens))
        if cut and tokens[cut - 1] != "and" and not COUNCIL_RE.match(s, m.start(1)):
            out.append((m.start(), " ".join(tokens[:cut]), " ".join(tokens[:cut]) + " Council"))
    for m in COUNCIL_RE.finditer(s):
        raw = m.group(1)
        if "," in raw and not re.search(r",[^,]*\s(?:and|&)\s", raw):
            raw = raw[raw.rindex(",") + 1:]  # "Jo Marsh, Dunmore Council": a list needs its "and"
        tokens = [t.strip(",") for t in raw.split()]
        tokens = [t for t in tokens if t]
        while tokens and (tokens[0] in _NOT_PLACE or tokens[0] in ("and", "&")):
            tokens = tokens[1:]  # "the GMB and Northmoor Borough Council": the place follows
        if not tokens or any(t in _NOT_PLACE or re.search(r"-(?:led|run|controlled)$", t)
                             for t in tokens if t not in ("and", "&")):
            continue
        tokens[-1] = re.sub(r"[’']s$", "", tokens[-1])  # "Dunmore's Council"; "King's Lynn" stays
        place = " ".join(tokens)
        kind = (m.group(2) or "").strip()
        prefix = "City of " if re.match(r"(?:The\s+)?City\s+of", m.group(0)) else ""
        full = f"{prefix}{place} {kind + ' ' if kind else ''}Council"
        out.append((m.start(), place, re.sub(r"\s+", " ", full)))
    return [(place, full) for _, place, full in sorted(out)]


_NATIONAL = re.compile(
    r"\b(?:NJC|National Joint Council|local government (?:pay|workers|staff|employers|services)|"
    r"national (?:pay|employers)|council (?:workers|staff) (?:across|in) (?:England|Wales|Scotland|"
    r"the UK|Northern Ireland)|\d[\d,.]* (?:council|local government) (?:workers|staff)|"
    r"national (?:council )?strike|(?:council|local government) workers across|"
    r"councils['’]\s+(?:£[\d,]+\s+)?(?:pay\s+)?offer)\b", re.IGNORECASE)
_SCOTLAND = re.compile(r"\b(?:Scotland|Scottish|COSLA|Cosla|Holyrood)\b")
_ENGLAND = re.compile(r"\b(?:England|Wales|English|Welsh|LGA|NJC|Local Government Association|"
                      r"National Employers|Westminster)\b")
CONTRACTOR_MENTIONS = 4
_OFFER = re.compile(r"\b(?:pay\s+)?(?:offer|deal|award|talks|negotiat\w+)\b", re.IGNORECASE)
OFFER_WEIGHT = 2.0
COUNCIL_LIST, COUNCIL_LIST_WEIGHT = 8, 3.0  # this many councils named in the text: a national story
_OWN_SITE = re.compile(r"unison|unite|gmb|\.gov\.uk$")
OWN_SITE_WEIGHT = 9.0  # above one national mention ("all NJC unions"), below a national story
_TITLE_CASE = re.compile(r"^(?:[A-Z][\w’'-]*\W+){4,}")


def _council_scores(src: str, w: float, kn: Knowledge, scores: Counter, forms: dict) -> None:
    for m in kn.council_place_re.finditer(src):
        place = m.group(1)
        near = src[m.end():m.end() + 40]
        strong = re.match(rf"(?:['’]s)?\s+(?:{COUNCIL_KIND}\s+)?(?:[Cc]ouncil|Corporation)\b", near) \
            or re.search(r"\b(?:of|for|at|from)\s+$", src[max(0, m.start() - 25):m.start()]) and \
            re.search(r"[Cc]ouncil", src[max(0, m.start() - 25):m.start()]) \
            or re.search(r"\bBorough\s+of\s+$", src[max(0, m.start() - 25):m.start()])
        if not strong and place in kn.district_places:
            continue  # "Paul Hart", "Boston": a district's place alone is no evidence
        name = kn.councils[place]
        scores[("council", name)] += w * (2.0 if strong else 0.5)
        forms[name][name] += 1
    title_case = bool(_TITLE_CASE.match(src)) and w > 2
    for place, full in _council_mentions(src):
        if place in kn.councils or title_case:
            continue
        scores[("council", full)] += w * 0.8
        forms[full][full] += 1


def infer_employer(article: Article, kn: Knowledge) -> str | None:
    """The workers' employer: a council, an employers' body or a contractor, by weighted mentions."""
    title = article.title or ""
    text = article.text or ""
    scores: Counter = Counter()
    forms: dict[str, Counter] = defaultdict(Counter)
    # strikes at many councils at once ("mandates at Chesterfield, Coventry, Cumberland, ..") are a
    # national dispute, even where the text names the first as "Chesterfield council"
    many = len({m.group(1) for m in kn.council_place_re.finditer(text)}) >= COUNCIL_LIST
    if many:
        scores[("employer_bodies", _national_body(title + "\n" + text[:3000]))] += COUNCIL_LIST_WEIGHT
    for src, w in ((title, 3.0), (text[:300], 1.5), (text, 1.0)):
        if not (many and src is not title):
            _council_scores(src, w, kn, scores, forms)
        for s0, e0, org in kn.find_orgs(src):
            if org.kind in ("employer_bodies", "contractors"):
                scores[(org.kind, org.name)] += w * (1.2 if org.kind == "contractors" else 1.0)
                near = re.split(r"[.!?]\s", src[max(0, s0 - 50):s0])[-1] + " " + \
                    re.split(r"[.!?]\s", src[e0:e0 + 50])[0]  # the same sentence only
                if org.kind == "employer_bodies" and _OFFER.search(near):
                    # the body whose pay offer the workers reject employs them: a local strike
                    # against a national offer is the national dispute
                    scores[(org.kind, org.name)] += w * OFFER_WEIGHT
            elif org.kind == "council_services" and org.council:
                scores[("council", org.council)] += w * 1.2
        national = len(_NATIONAL.findall(src))
        if national:
            scores[("employer_bodies", _national_body(title + "\n" + text[:3000]))] += w * 1.5 * national
    own_site = _outlet_council(article, kn) if _OWN_SITE.search(_host(article)) else None
    if own_site:  # a union branch's or the council's own site speaks of its own council
        scores[("council", own_site)] += OWN_SITE_WEIGHT
    contractors = Counter(o.name for _, _, o in kn.find_orgs(title + "\n" + text) if o.kind == "contractors")
    if contractors and contractors.most_common(1)[0][1] >= CONTRACTOR_MENTIONS:
        return contractors.most_common(1)[0][0]  # a firm named this often is the one in dispute
    if not scores:
        return _place_council(title, text, kn) or _outlet_council(article, kn)
    (kind, name), _ = scores.most_common(1)[0]
    return name


def slug_within(short: str, long: str) -> bool:
    """Whether employer slug ``short`` (two or more words) is a variant of the longer ``long``:
    all its words inside it, in order ("armagh-banbridge-craigavon" in
    "armagh-city-banbridge-craigavon")."""
    words = short.split("-")
    if len(words) < 2 or short == "unknown" or len(long.split("-")) <= len(words):
        return False
    return re.search(r"(?:^|-)" + r"-(?:.+-)?".join(map(re.escape, words)) + r"(?:-|$)", long) is not None


def known_council(name: str | None, kn: Knowledge) -> str | None:
    """A council named loosely ("Armagh Banbridge and Craigavon Council") as the council list
    spells it ("Armagh City, Banbridge and Craigavon Borough Council"), when exactly one listed
    council's name holds its words in order."""
    if not name or name in kn.orgs or name in kn.councils.values():
        return name
    short = employer_slug(name)
    # the same place words ("Newry Mourne and Down Council") or all of them inside a longer name
    hits = [c for c in kn.councils.values() if employer_slug(c) == short or slug_within(short, employer_slug(c))]
    return hits[0] if len(hits) == 1 else name


def _national_body(s: str) -> str:
    """COSLA when Scottish signals outnumber those of England and Wales, else the LGA."""
    return "COSLA" if len(_SCOTLAND.findall(s)) > len(_ENGLAND.findall(s)) else "Local Government Association"


def _place_council(title: str, text: str, kn: Knowledge) -> str | None:
    """'Bins pile up as Northmoor strike begins' + 'the council' -> 'Northmoor Council'."""
    if not re.search(r"\b[Cc]ouncil\b", text):
        return None
    cands = Counter()
    for m in re.finditer(r"\b([A-Z][a-z]{3,}(?:\s+[A-Z][a-z]{3,})?)\b(?!-)", title):
        w = m.group(1)
        # a place name never appears in lower case ("Long-running", "Biggest union")
        if w.split()[0] in _NOT_PLACE or kn.find_orgs(w) or \
                re.search(rf"\b{re.escape(w.split()[0].lower())}\b", text):  # "talks at Acas": no place
            continue
        n = len(re.findall(rf"\b{re.escape(w)}\b", text))
        if n:
            cands[w] = n
    if not cands:
        return None
    # "the county council" in the text: the place's council by its kind ("Ousebridge County Council")
    return place_council_name(cands.most_common(1)[0][0], text)


_KIND = re.compile(r"\b(city|county|borough|district)\s+council\b", re.IGNORECASE)


def place_council_name(place: str, text: str) -> str:
    """'Ousebridge' + the kind the text calls its council most ("the county council") ->
    'Ousebridge County Council'; no kind named -> 'Ousebridge Council'."""
    kinds = Counter(k.lower() for k in _KIND.findall(text))
    return f"{place} {kinds.most_common(1)[0][0].capitalize() + ' ' if kinds else ''}Council"


def _host(article: Article) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", article.url or "").split("/")[0].lower()


def _outlet_council(article: Article, kn: Knowledge) -> str | None:
    """A council's own site ('brighton-hove.gov.uk'), a union branch's ('barnetunison.me.uk',
    'towerhamlets.unison.site') or a local paper named for its place ('wigantoday.net'): the
    council of that place."""
    label = _host(article).split(".")[0].replace("-", "")
    if len(label) < 4:
        return None
    own_site = bool(_OWN_SITE.search(_host(article)))
    best = None
    for place, name in kn.councils.items():
        if place in kn.district_places and not own_site:
            continue  # 'hastings.gov.uk' is the district's, 'bostonglobe.com' no paper of Boston's
        key = employer_slug(name).replace("-", "")
        if len(key) >= 4 and label.startswith(key) and (best is None or len(key) > best[0]):
            best = (len(key), name)
    return best[1] if best else None


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


def dated_year(article: Article) -> int | None:
    """The year of the article's date or URL: reliable, unlike years its text mentions."""
    for src in (article.date or "", article.url or ""):
        m = _YEAR.search(src)
        if m:
            return int(m.group(1))
    return None


def text_years(article: Article) -> list[int]:
    return [int(y) for y in _YEAR.findall((article.title or "") + " " + (article.text or "")[:3000])]


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAY_DATE = re.compile(
    rf"\b({'|'.join(_DAYS)}),?\s*\(?\s*(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({'|'.join(_MONTHS)})|"
    rf"({'|'.join(_MONTHS)})\s+(\d{{1,2}})(?:st|nd|rd|th)?)\b")
FIRST_YEAR = 1990


def weekday_years(text: str, last: int | None = None) -> list[int]:
    """Years in which every 'Tuesday 6 September' / 'Thursday (August 18)' of ``text`` falls on
    its weekday: an undated report's calendar gives its year away, up to a 5-11 year cycle.
    Empty when the text has no such date or no year fits them all."""
    last = last or datetime.date.today().year + 1
    years: set[int] | None = None
    for m in _WEEKDAY_DATE.finditer(text):
        day = int(m.group(2) or m.group(5))
        month = _MONTHS.index(m.group(3) or m.group(4)) + 1
        fits = set()
        for y in range(FIRST_YEAR, last + 1):
            try:
                if _DAYS[datetime.date(y, month, day).weekday()] == m.group(1):
                    fits.add(y)
            except ValueError:  # 30 February
                continue
        years = fits if years is None else years & fits
    return sorted(years or ())


def infer_year(article: Article) -> int | None:
    """The dated year, else the latest year the text mentions (earlier ones are usually history)."""
    y = dated_year(article)
    if y is None:
        years = text_years(article)
        y = max(years) if years else None
    return y


@lru_cache(maxsize=4)
def _stopwords(directory: str) -> frozenset[str]:
    lines = (Path(directory) / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def signature(article: Article, size: int = 15, directory: str | Path = DEFAULT_DIR) -> str:
    """The article's most frequent content words (title counted thrice): a compact trace of what
    it is about, kept in the metadata so grouping never needs the text."""
    stop = _stopwords(str(directory))
    words = Counter()
    for src, w in ((article.title or "", 3), ((article.text or "")[:2500], 1)):
        for t in _WORD.findall(src.lower().replace("’", "'")):
            t = re.sub(r"'s$", "", t.strip("'-"))  # "rugby's" is "rugby"
            if t not in stop and len(t) > 3:
                words[t] += w
    top = [t for t, _ in words.most_common(size)]
    amounts = Counter(re.sub(r"[\s,]", "", m) for m in _AMOUNT.findall(
        (article.title or "") + " " + (article.text or "")[:2500]))
    top += [f"n{a}" for a, _ in amounts.most_common(3)]
    # an undated article's two most named years are evidence, not a date: kept beside the
    # keywords ("y2014") whatever their count, for grouping to weigh
    if dated_year(article) is None:
        top += [f"y{y}" for y, _ in Counter(text_years(article)).most_common(2)]
    return " ".join(top)


def slugify(s: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", s.lower())).strip("-")


def employer_slug(employer: str | None) -> str:
    if not employer:
        return "unknown"
    special = {"Local Government Association": "lga-njc", "COSLA": "cosla"}
    if employer in special:
        return special[employer]
    s = re.sub(r"\b(?:City of|London Borough of|Royal Borough of)\b", "", employer)
    s = re.sub(rf"\b(?:{COUNCIL_KIND}\s+)?Council\b", "", s)
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
        article.employer = known_council(infer_employer(article, kn), kn)
    if "unions" not in article.hints:
        article.unions = infer_unions(article, kn)
    wf = infer_workforce(article, kn)
    org = kn.orgs.get(article.employer or "")
    if org is not None and org.kind == "contractors":
        # a contractor runs services for many councils: the client council names the dispute
        scores: Counter = Counter()
        _council_scores((article.title or "") + "\n" + article.text[:2000], 1.0, kn, scores, defaultdict(Counter))
        if scores:
            article.extra.setdefault("_client", employer_slug(scores.most_common(1)[0][0][1]))
    y = infer_year(article)
    article.extra.setdefault("_sig", signature(article, directory=kn.directory))
    article.extra.setdefault("_workforce", wf)
    article.extra.setdefault("_year", dated_year(article))
    # undated: the latest year the text names, a lower bound on which dispute it can belong to
    article.extra.setdefault("_text_year", y if article.extra["_year"] is None else None)
    article.extra.setdefault("_weekday_years", weekday_years(article.text or "")
                             if article.extra["_year"] is None else [])
    if "dispute" not in article.hints:
        article.dispute = dispute_slug(article.employer, wf, (y, y) if y else None)
