"""Companies the knowledge lists do not know, found in one article: contractors and council-owned
companies introduced as such ("employed by Mercia Property Care", "contractor Renvale
Environmental", "X, the council-owned company", "Lymbridge Resource Ltd"), and names shaped like
a company's ("Carrickmoor Homecare"). Invented disputes name firms no list can hold."""
from __future__ import annotations

import re

from pipeline.attribute.knowledge import Knowledge

NOT_COMPANY = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
               "Sunday", "The", "This", "That", "It", "Its", "A", "An", "He", "She", "They", "We"}
_CO = r"(?P<c>[A-Z][\w’'&-]*(?:[^\S\n]+[A-Z][\w’'&-]*){0,3})"
_INTROS = [re.compile(p) for p in (
    rf"\b(?:employed|run|operated|managed)\s+by\s+(?:the\s+)?(?:(?:private|council-owned)\s+)?"
    rf"(?:(?:company|firm|contractor|provider)\s+)?{_CO}",
    rf"\b(?:contractor|company|firm|provider|operator)\s+{_CO}",
    rf"{_CO},?\s+(?:which\s+is\s+|is\s+)?(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?:company|firm|contractor|provider|operator)\b",
    r"\b(?P<c>[A-Z][\w’'&-]*(?:[^\S\n]+[A-Z][\w’'&-]*){0,3}[^\S\n]+(?:Ltd|Limited|plc|PLC))\b",
    # "Circulo Recycling, which runs the sites on behalf of Halverton Council": the council's contractor
    rf"{_CO},\s+which\s+(?:runs|operates|manages|provides|delivers|collects)\s+[^.,;\n]{{0,60}}?\s+"
    rf"(?:on\s+behalf\s+of|under\s+contract\s+to|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){{1,4}}Council\b")]
_SHAPED = re.compile(r"(?<![\w’'-])[A-Z][\w’'&-]*(?:[^\S\n]+[A-Z][\w’'&-]*){0,2}[^\S\n]+(?:Services|Homecare|"
                     r"Care|Catering|Environmental|Facilities|Solutions|Leisure|Maintenance|Waste|"
                     r"Resources?|Enterprises|Company|Recycling)(?:[^\S\n]+(?:Ltd|Limited|plc|PLC))?(?![\w’'-])")
_SUFFIX = re.compile(r"[^\S\n]+(?:Ltd|Limited|plc|PLC)$")
_PUBLIC = re.compile(r"\b(?:Council|Authority|Government|Department|Party)\b")
# ... and a council's own departments ("Adult Social Care", "Children's Services")
_DEPARTMENT = re.compile(r"\b(?:Social|Adult|Children['’]s)\b")


def article_companies(text: str, kn: Knowledge) -> list[tuple[int, str]]:
    """(first position, name) of each company introduced as such; a name's fullest form wins
    ("Brightclean" -> "Brightclean Services"), without "Ltd" where the text also drops it."""
    found: dict[str, int] = {}
    for m in (m for p in _INTROS for m in p.finditer(text)):
        name = re.sub(r"[’']s$", "", m.group("c"))
        if _PUBLIC.search(name) or name.split()[0] in NOT_COMPANY or kn.find_orgs(name) or name in kn.councils:
            continue
        found.setdefault(name, m.start("c"))
    for name in list(found):
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?:[^\S\n]+[A-Z][\w’'&-]*)*", text):
            full = _SUFFIX.sub("", m.group(0))
            if full.split()[-1] not in NOT_COMPANY and not kn.find_orgs(full):
                found[full] = min(found.get(full, m.start()), m.start(), found[name])
    for name in [n for n in found if _SUFFIX.search(n)]:
        bare = _SUFFIX.sub("", name)
        if bare in found:  # "Hollinsgate Building Services (Ltd)": the form the text mostly uses
            found[bare] = min(found[bare], found.pop(name))
    names = sorted(found, key=len, reverse=True)
    keep = {n: found[n] for n in names if not any(o != n and o.startswith(n) for o in names)}
    for n in list(keep):
        keep[n] = min([found[o] for o in found if n.startswith(o)])
    return sorted((pos, n) for n, pos in keep.items())


def company_shaped(text: str, kn: Knowledge) -> list[tuple[int, str]]:
    """(position, name) of each name ending in a company word ("Carrickmoor Homecare")."""
    out = []
    for m in _SHAPED.finditer(text):
        name = _SUFFIX.sub("", m.group(0))
        if name.split()[0] in NOT_COMPANY or kn.find_orgs(name) or _PUBLIC.search(name) or _DEPARTMENT.search(name):
            continue
        out.append((m.start(), name))
    return out


def strip_suffix(name: str) -> str:
    """"Lymbridge Resource Ltd" -> "Lymbridge Resource"."""
    return _SUFFIX.sub("", name)

