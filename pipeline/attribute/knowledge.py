"""Knowledge lists (pipeline/knowledge/*.yaml) compiled once into lookups and regexes."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "knowledge"
# the kind of council a name says, longest first ("Caerphilly County Borough Council")
COUNCIL_KIND = r"(?:City\s+and\s+District|Metropolitan\s+Borough|County\s+Borough|City|County|Borough|District|Town)"
KIND_SIDE = {"unions": "union", "employer_bodies": "council", "contractors": "council",
             "council_services": "council", "other": "other"}


@dataclass
class Org:
    name: str
    kind: str  # unions | employer_bodies | contractors | council_services | other | council
    council: str | None = None  # a council service's council (its workers' employer)

    @property
    def side(self) -> str:
        return KIND_SIDE.get(self.kind, "council")


@dataclass
class Knowledge:
    orgs: dict[str, Org]
    alias_re: re.Pattern
    alias_to_org: dict[str, str]
    roles: dict[str, list[str]]
    role_res: dict[str, re.Pattern]
    workforces: dict[str, re.Pattern]
    families: dict[str, str] = field(default_factory=dict)  # workforce slug -> family
    councils: dict[str, str] = field(default_factory=dict)  # place -> canonical council name
    # places of district_councils.txt: often surnames or words ("Hart", "Boston"), so read as a
    # council only next to "council", and never taken for part of a person's name
    district_places: frozenset = frozenset()
    council_place_re: re.Pattern | None = None
    directory: Path = field(default=DEFAULT_DIR)
    role_words: frozenset = frozenset()  # single role words ("parent", "striker") that open no name
    public_figures: dict[str, str] = field(default_factory=dict)  # national politician -> party
    given_names: dict[str, str] = field(default_factory=dict)  # given name -> 'he' | 'she'

    def pronoun_of(self, name: str) -> str | None:
        """'he' / 'she' where a person's given name says it, else None."""
        first = name.split()[0] if name.split() else ""
        return self.given_names.get(first)

    def find_orgs(self, s: str) -> list[tuple[int, int, Org]]:
        """Known organisations mentioned in ``s`` (position, end, org)."""
        return [(m.start(), m.end(), self.orgs[self.alias_to_org[m.group(0)]])
                for m in self.alias_re.finditer(s)]

    def role_side_near(self, phrase: str, end: bool) -> str | None:
        """Side of the role word nearest the end (``end``) or the start of ``phrase``: in
        "Unison reps met council leader" the words next to the name tell its role."""
        low = _blank(self.role_res["neutral"], phrase)
        best: tuple | None = None
        for key, side in _ORDER:
            for m in self.role_res[key].finditer(low) if key in self.role_res else ():
                if low[:m.start()].endswith("for "):
                    continue  # a portfolio, not a role: "assistant chief executive for workforce"
                score = (m.end(), len(m.group(0))) if end else (-m.start(), len(m.group(0)))
                if best is None or score > best[0]:
                    best = (score, side)
        return best[1] if best else None

    def role_side_first(self, phrase: str) -> str | None:
        """'council' where ``phrase`` holds one of the administration's posts (roles.yaml's
        council_first), else None."""
        return "council" if self.role_res["council_first"].search(_blank(self.role_res["neutral"], phrase)) else None

    def role_side(self, phrase: str) -> str | None:
        low = _blank(self.role_res["neutral"], phrase)
        for key, side in _ORDER:
            if key in self.role_res and self.role_res[key].search(low):
                return side
        return None


# a council post's portfolio names what it is for, not who speaks ("Cabinet Member for Children and
# Families" is no family member)
_PORTFOLIO = re.compile(r"\b((?:cabinet|lead|executive)\s+member|portfolio\s+holder|cabinet\s+lead)\s+for\s+[^,;.()]+")


def _blank(neutral: re.Pattern, phrase: str) -> str:
    """``phrase`` in lower case, its side-less phrases and portfolios blanked out."""
    return _PORTFOLIO.sub(r"\1", neutral.sub(" ", phrase.lower()))


# roles.yaml's lists in the order they are checked: the first that matches decides
_ORDER = (("council_first", "council"), ("other_markers", "other"), ("union_groups", "union"),
          ("council", "council"), ("union", "union"))


def trie_alternation(words) -> str:
    """A regex matching any of ``words``, longest first, built as a trie: the engine follows one
    branch per character instead of trying every word at every position (hundreds of council
    places and organisation aliases made the flat alternation the attribution stage's hot spot)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        if "" not in node and len(branches) == 1:
            return branches[0]
        # greedy: the longer word first, the shorter one where what follows does not fit
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return "(?:" + build(trie) + ")"


def _words_re(words: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + trie_alternation(words) + r"(?![\w-])")


@lru_cache(maxsize=8)
def load_knowledge(knowledge_dir: str | None = None) -> Knowledge:
    """Load and compile the knowledge lists (cached per directory)."""
    d = Path(knowledge_dir) if knowledge_dir else DEFAULT_DIR
    try:
        orgs_raw = yaml.safe_load((d / "organisations.yaml").read_text(encoding="utf-8"))
        roles = yaml.safe_load((d / "roles.yaml").read_text(encoding="utf-8"))
        wf = yaml.safe_load((d / "workforces.yaml").read_text(encoding="utf-8"))
        council_lines = (d / "councils.txt").read_text(encoding="utf-8").splitlines()
        # optional in a user's own knowledge directory
        districts, figures = d / "district_councils.txt", d / "public_figures.yaml"
        district_lines = districts.read_text(encoding="utf-8").splitlines() if districts.is_file() else []
        public_figures = yaml.safe_load(figures.read_text(encoding="utf-8")) if figures.is_file() else {}
        given = d / "given_names.yaml"
        given_names = yaml.safe_load(given.read_text(encoding="utf-8")) if given.is_file() else {}
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"knowledge file missing in {d}: {exc.filename}") from None
    orgs: dict[str, Org] = {}
    alias_to_org: dict[str, str] = {}
    for kind, entries in orgs_raw.items():
        for e in entries:
            orgs[e["name"]] = Org(e["name"], kind, e.get("council"))
            # an ambiguous name (the union "Community") only by its aliases ("Community union")
            for a in e.get("aliases", []) + ([e["name"]] if e.get("name_matches", True) else []):
                alias_to_org.setdefault(a, e["name"])
    # "Whitehall Parade" is an address and "X Community Trust" a trust, not the organisation
    alias_re = re.compile(r"(?<![\w@-])" + trie_alternation(alias_to_org) + r"(?![\w@-])"
                          r"(?!\s+(?:Parade|Road|Street|Avenue|Lane|Close|Drive|Way|Place|Court|Gardens|"
                          r"Crescent|Terrace|Square|Trust|Centre|Center|Hall)\b)")
    districts, councils = _council_list(district_lines), _council_list(council_lines)
    district_places = frozenset(districts) - set(councils)
    councils = {**districts, **councils}
    return Knowledge(
        orgs=orgs, alias_re=alias_re, alias_to_org=alias_to_org, roles=roles,
        role_res={k: _words_re(v) for k, v in roles.items()},
        workforces={k: re.compile("|".join(f"(?:{p})" for p in v), re.IGNORECASE)
                    for k, v in wf.items() if not k.startswith("_")},
        families={w: fam for fam, ws in (wf.get("_families") or {}).items() for w in ws},
        councils=councils,
        district_places=district_places,
        council_place_re=re.compile(r"(?<![\w-])(" + trie_alternation(councils) + r")(?:['’]s)?(?![\w-])"),
        directory=d,
        role_words=frozenset(w for ws in roles.values() for p in ws for w in p.split()),
        public_figures=dict(public_figures or {}),
        given_names={n: pronoun for pronoun, names in (given_names or {}).items() for n in names})


def _council_list(lines: list[str]) -> dict[str, str]:
    """place -> canonical name, from a list file's lines (comments after '#')."""
    out = {}
    for line in lines:
        name = line.split("#", 1)[0].strip()
        if name:
            out[council_place(name)] = name
    return out


def council_place(name: str) -> str:
    """'City of Edinburgh Council' -> 'Edinburgh'; 'Brighton and Hove City Council' -> 'Brighton and Hove'."""
    s = re.sub(r"^City of\s+", "", name)
    s = re.sub(rf"\s+(?:{COUNCIL_KIND}\s+)?(?:Council|Corporation)$", "", s)
    return s
