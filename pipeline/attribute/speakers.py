"""Speaker resolution: a raw mention ("he", "Mr Garnsey", "the spokesman", "Unite's general
secretary, Sharon Graham") -> the most specific name the article gives, plus its organisation."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.attribute.article import _NOT_PLACE, _council_mentions, place_council_name
from pipeline.attribute.companies import article_companies, company_shaped, strip_suffix
from pipeline.attribute.knowledge import Knowledge, Org
from pipeline.attribute.mentions import clean_mention
from pipeline.attribute.persons import (GENDERED_TITLE, NAME_TOKEN, NON_NAME, ROLE_INTRO,
                                        SINGLE_INTRO, SURNAME_WORDS, TITLE_SURNAME_END, TITLE_SURNAME_LEAD,
                                        TITLE_SURNAME_RE, TITLED_SURNAME, person_names, single_name,
                                        surname_re)
from pipeline.attribute.parties import COUNCIL_LEADER_BEFORE, PARTY_MEMBER, PARTY_NAME, outside_politician
from pipeline.extract.reported import newspaper_words

_ITS = re.compile(r"[Ii]ts\s+(?:[\w’'-]+\s+){1,4}")  # "Its England director, X": the body named last
_DEFINED_ACRONYM = re.compile(r"((?:[A-Z][\w’'&-]*[^\S\n]+(?:(?:of|and|for|the|on)[^\S\n]+)?){1,6}"
                              r"[A-Z][\w’'&-]*)[^\S\n]+\(([A-Z]{2,6})\)")
_INSTITUTION = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w’'&-]*\s+(?:(?:of|for|and)\s+)?)*?(?:College|University|"
                          r"Association|Commission|Society|Institute|Federation|NHS\s+(?:Foundation\s+)?Trust|"
                          r"Hospitals?|Academy|Foundation|Charity|Network|Alliance|Forum)"
                          r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'&-]*)*)?")
# a newspaper by its title ("the Daily Record", "the Northmoor Evening Gazette"): an outside voice
_NEWSPAPER = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][\w’'&-]*\s+){1,3}(?:%s)"
                        % "|".join(map(re.escape, newspaper_words())))
PRONOUN_PERSON = {"he", "she", "him", "her"}
# the head of a description that names a body, not a person: "he" / "she" never refer to it
BODY_HEAD = re.compile(r"(?:council|authority|union|government|department|company|firm|trust|committee|board|"
                        r"party|organisation|organization|association|administration|cabinet|ministry|agency|"
                        r"body|charity|school|college|university|business|contractor|management|employer|"
                        r"inspectorate|regulator|watchdog)$", re.IGNORECASE)
PRONOUN_GROUP = {"they", "we", "them", "us"}
PRONOUN_BODY = {"it", "its"}
PRONOUNS = PRONOUN_PERSON | PRONOUN_GROUP | PRONOUN_BODY
_TITLE_ROLES = {"councillor", "chancellor", "minister", "governor", "officer", "leader", "member", "manager",
                "director", "president", "commissioner", "inspector", "lord", "chair", "mayor"}
# a post named in a relative clause after the name
_HOLDS_POST = re.compile(r",\s+who\s+(?:has\s+been|had\s+been|is|was|became|has\s+become|took\s+over\s+as|"
                         r"serves\s+as|works\s+as)\s+(?:the\s+|a\s+|an\s+)?(?P<post>[^,.;“”\"]{3,60})")
_QUANTIFIERS = {"many", "some", "others", "most", "several", "all", "both", "many of them", "some of them"}
# groups that are the union's own body, not just workers ("union leaders", "members", "shop stewards")
_UNION_BODY_GROUP = re.compile(r"\b(?:union|members|stewards|reps|representatives|officials|leaders|convenors)\b",
                               re.IGNORECASE)
_DEF_DESC = re.compile(r"^(?:the|this|that)\s+(.*\b(?:spokes\w+|official|representative|rep|"
                       r"organiser|secretary|leader|director|officer|member|chair\w*|mayor|"
                       r"boss|chief|supremo|manager|source|worker|convenor|steward|man|woman|councillor|politician|mp))$",
                       re.IGNORECASE)
_WORKER_CONTEXT = re.compile(r"strik|picket|walk(?:ed|ing)?[ -]out|\b(?:member|worker|staff|carer|"
                             r"colleague|employee|driver|loader|nurse|steward|assistant|librarian|cleaner|"
                             r"collector|caretaker|cook|porter|crew)s?\b|"
                             r"\bwork(?:s|ed|ing)?\s+(?:for|at|in)\s+the\s+(?:council|authority|service|depot)|"
                             r"\bjoined\s+the\s+(?:council|authority|service|team|depot|workforce)\b",
                             re.IGNORECASE)
_STRIKE_CONTEXT = re.compile(r"\b(?:strik(?:e|es|ing|ers?)|picket\w*|walk(?:ed|ing)?[ -]out)\b", re.IGNORECASE)
WORKER_WINDOW = 200  # characters each side of a person's first mention
_COMPANY_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'&-]*){0,3}\s+(?:Trust|Services|Ltd|Limited|Homes|"
                           r"Leisure|Life|Company|Enterprises)")
# a sentence's subject that may be an organisation: "the council", "Cumberland Council", "Unite"
_ORG_SUBJECT = re.compile(r"(?:^|[.!?]\s+|\n)(?:(?:However|But|Meanwhile|And|Now),?\s+)?((?:[Tt]he\s+)?(?:"
                          r"(?:city|county|borough|district)\s+council|council|"
                          r"authority|local authority|union|company|firm|[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,4}))"
                          r"\s+(?:has|have|had|is|was|says|said|disputes?|denie[sd]|rejects?|rejected|"
                          r"insists?|insisted|released|issued|responded|claims?|claimed|hopes|plans|wants|expects|"
                          r"believes|maintains|[a-z]+ed)\b")
_FAMILY_CARER = re.compile(r"\bcar(?:er|es|ing)\s+(?:for|to)\s+(?:her|his|their|my|an?)\s+(?:\w+\s+)?"
                           r"(?:sister|brother|mother|father|mum|dad|son|daughter|husband|wife|partner|"
                           r"relative|parent|child|grandmother|grandfather|aunt|uncle)\b", re.IGNORECASE)
_KIN = (r"(?:sister|brother|mother|father|mum|dad|son|daughter|husband|wife|partner|parents?|"
        r"grandmother|grandfather|gran|grandad|nan|aunt|uncle|children|child|kids|grandchildren)")
# a relative of someone cared for, named by the kin: "Janet Rowe’s father, Arthur, is 88",
# "Jo Bell, whose mother receives four visits a day"
_KIN_AFTER_NAME = re.compile(rf"^(?:['’]s|,\s+whose)\s+(?:[\w-]+\s+){{0,2}}{_KIN}\b", re.IGNORECASE)
_ROLE_OF = re.compile(r"^(?:its|their|the\s+(?:union|council|authority|company)['’]s)\s+((?:[\w-]+\s+){0,3}"
                      r"(?:secretary|leader|organiser|officer|director|executive|chair\w*|"
                      r"president|convenor|spokes\w+))$", re.IGNORECASE)
_UNION_VOICE = re.compile(r"\b(?:our|my)\s+(?:members|union|branch|colleagues|strike)\b|\bwe\s+(?:are|will|have)\s+"
                          r"(?:be\s+)?(?:striking|balloting|on strike|walking out)|\bwe\s+(?:will|won['’]t|are going to|"
                          r"shall)\s+(?:not\s+)?(?:keep\s+)?(?:fight|win|back down|give up|stop)", re.IGNORECASE)
# a union's branch or region, named as written ("GMB Scotland", "Unison North West")
_REGION = re.compile(r"\b(?:Scotland|Wales|Cymru|Northern\s+Ireland|North(?:\s+West|\s+East)?|South(?:\s+West|"
                     r"\s+East)?|East|West|London|Midlands|Yorkshire|branch|region)\b")
_PERSON_HEADS = {"man", "woman", "councillor", "politician", "mp"}
_EPITHET_HEADS = {"boss", "chief", "supremo"}
_NATIONS = {"England", "Scotland", "Wales", "Britain", "Great Britain", "Northern Ireland", "UK", "Parliament"}
_COUNCIL_ANAPHOR = re.compile(r"^(?:the\s+|a\s+(?=local\s+authority$))?"  # "a local authority" too
                              r"(?:[\w-]+-(?:run|led|controlled)\s+)?(?:local\s+)?"
                              r"(?:council|authority|local authority|city council|county council|"
                              r"borough council|district council|metropolitan borough council|county borough council|"
                              r"unitary authority|town hall|council administration)$", re.IGNORECASE)
_BARE_SPOKES = re.compile(r"^(?:a|the)\s+(?:council\s+|authority\s+)?spokes(?:man|woman|person)$",
                          re.IGNORECASE)
_STATEMENT = re.compile(r"^(?:a|an|the|its|their|in\s+a)\s+(?P<mod>[\w’'& -]*?)\s*(?:joint\s+)?"
                        r"(?:statement|press release|letter|email|report|notice|update)"
                        r"(?:\s+(?:from|by|issued by|on behalf of)\s+(?P<src>.+))?$", re.IGNORECASE)
_BRANCH_ANAPHOR = re.compile(r"^the\s+(?:union['’]s\s+|local\s+)?branch$", re.IGNORECASE)
# a body named before by its kind alone, or its document: "the institute", "the association's analysis"
_BODY_ANAPHOR = re.compile(r"^the\s+(institute|association|commission|society|foundation|federation|network|alliance|"
                           r"forum|charity)(?:['’]s\s+(?:[\w-]+\s+)?(?:analysis|report|research|figures|survey|study|"
                           r"review|data|findings|modelling|briefing))?$", re.IGNORECASE)
_REPORT_TO_MEETING = re.compile(r"^(?:a|an|the)\s+(?:[\w’'-]+\s+)?(?:report|paper)\s+(?:to|for|before)\s+(?:the\s+)?"
                                r"(?:[\w’'-]+\s+){0,5}(?:meeting|committee|cabinet|board|panel)$", re.IGNORECASE)
_DOCUMENT_ANAPHOR = re.compile(r"^(?:the|this)\s+(survey|study|poll|research|analysis|review|petition|motion)$",
                               re.IGNORECASE)
_COUNTS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                             "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
                                             .split()) if i >= 2}
_COUNT_WORDS = {d: w for w, d in _COUNTS.items()}
_DOC_ANAPHOR = re.compile(r"^the\s+(?:open\s+|joint\s+)?(?P<doc>letter|motion|petition)$", re.IGNORECASE)
_DOC_VERBS = r"signed|written|wrote|sent|issued|penned|published|delivered|handed\s+in|presented|submitted|" \
             r"tabled|proposed|put\s+forward|brought|started|launched|organised|set\s+up"
# "<authors> (- aside -) have signed an open letter / tabled a motion / launched a petition": the subject;
# "wrote to" for letters; "a petition started by <authors>": the agent
_DOC_SENT = re.compile(rf"(?:^|[.!?]\s+|\n)(?P<who>[A-Z][^.!?\n]{{0,150}}?)\s+(?:have|has|had)?\s*(?:now\s+|also\s+)?"
                       rf"(?:(?:{_DOC_VERBS})\s+(?:an?\s+|their\s+|its\s+)?(?:open\s+|joint\s+)?(?P<doc>letter|motion|"
                       rf"petition)\b|(?:wrote|written)\s+to\b)|\b(?:an?\s+)?(?:open\s+|joint\s+)?(?P<doc2>letter|"
                       rf"motion|petition)\s+(?:{_DOC_VERBS})\s+by\s+(?P<by>[^,.;:\n]{{2,80}}?)(?=\s+(?:has|have|had|"
                       rf"was|is|calls|says|states|reads|urges|which|and)\b|[,.;:\n])")
_OF_THE_UNION = re.compile(r"\b(?:for|from|of|at|by|with)\s+(?:the|their|its)\s+(?:trade\s+)?union\b(?!\s+\w)",
                           re.IGNORECASE)
_UNION_ANAPHOR = re.compile(r"^(?:the\s+|their\s+|its\s+)?(?:trade\s+)?union$", re.IGNORECASE)
_GROUP_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+|\n|,\s+(?=[A-Z\d]))(?!(?:But|And|When|While|As|After|Before|If|Although|Because|Since|Though|"
    r"Yet|So|Then|However|Meanwhile)\b)((?:(?:[A-Z][\w’'&-]*|\d[\d,]*)(?:[^\S\n]+[\w’'&-]+){0,5}?[^\S\n]+(?:members|workers|staff|carers|"
    r"employees|crews|collectors|drivers|assistants|practitioners|strikers|nurses|teachers|residents|"
    r"parents|families|unions|officials|reps|representatives)|Residents|Parents|Families|Management|Managers|Bosses)"
    r"(?:\s+(?:in|at|from|of)\s+(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?|the\s+(?:authority|council)))?)"  # "Care staff in Glasgow"
    r"(?=(?:,?\s+who\b[^.]*?,?|\s+[–—-]\s[^.–—]*?\s[–—-])?\s+(?:are|were|have|had|will|walked|staged|voted|took|began|went|"
    r"held|met|marched|protested|demonstrated|gathered|registered|launched|lodged|rejected|outlined|"
    r"decided|agreed|left|returned|[a-z]{3,}ed)\b)")
_SENTENCE_GROUP = re.compile(r"\b((?:[A-Z][\w’'&-]*[^\S\n]+){1,3}(?:union[^\S\n]+)?(?:members|workers|staff|strikers|"
                             r"employees|carers|collectors|drivers))\b")
_UNION_EPITHET = re.compile(
    r"^(?:the|britain['’]s|the\s+uk['’]s)\s+(?:(?:biggest|largest|main|leading|public[\s-]+sector|"
    r"public\s+service|general|local\s+government|country['’]s\s+biggest)\s+)+(?:trade\s+)?union\b",
    re.IGNORECASE)
_UNIONS_NAMED = re.compile(r"^(?:the\s+)?(?:two\s+|three\s+|both\s+)?(?:trade\s+)?unions,?\s+", re.IGNORECASE)
# ("Unions" with no determiner are unions in general, as written)
_UNIONS_ANAPHOR = re.compile(r"^(?:(?:the|their)\s+(?:two\s+|both\s+)?|(?:two|both)\s+)(?:trade\s+)?unions$", re.IGNORECASE)
# a role one person holds: "The leader of Birmingham City Council", "Unison's head of local
# government", "the council's chief executive" -> the person the article gives that title
_UNIQUE_ROLE = re.compile(r"^(?:the\s+)?(?:[\w’'& -]+?['’]s?\s+)?(?:council\s+|union\s+)?(?P<role>leader|mayor|"
                          r"chief\s+executive|general\s+secretary|head\s+of\s+[\w ]+?|director\s+of\s+[\w ]+?|"
                          r"cabinet\s+member\s+for\s+[\w ]+?)(?:\s+(?:of|at)\s+[\w’'&, -]+)?$", re.IGNORECASE)
_SPOKES_OF = re.compile(r"^(?:[Aa]n?|[Tt]he)\s+(?:spokes(?:person|man|woman)\s+(?:for|from|at)\s+(?:the\s+)?"
                        r"(?P<after>[A-Z][\w’'&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'&.-]*)*)|"
                        r"(?P<before>[A-Z][\w’'&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'&.-]*)*)\s+"
                        r"spokes(?:person|man|woman))$")
# a role word (lower case, or an MP-style title) just before a subject phrase's last name: the name
# is the head and the capitalised words before it the role's organisation or place
_ROLE_BEFORE_NAME = re.compile(
    r"(?:(?<![\w’'-])(?!(?:and|or|with|by|for|of|to|from|at|in|on|the|a|an|said|says|told|as|than)\b)"
    r"[a-z][\w’'-]*|\bMP|\bMSP|\bMS|\bAM|\bMEP|\bCEO|\b(?:MP|MSP|MS|AM|councillor|member)\s+(?:for|of)\s+"
    r"(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*),?\s+$")
# an outside body no list knows, named beside a person: "of the Museums Association", "from
# Healthwatch Calverstone", "Eastholme Carers' Network coordinator"
_OUTSIDE_BODY = re.compile(r"(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*\s+(?:Association|Society|Network|Forum|Federation|University|Foundation|"
                           r"Institute)(?:\s+of(?:\s+[A-Z][\w’'-]*)+)?\b|\bHealthwatch(?:\s+[A-Z][\w’'-]*)*")
_ADDRESS = re.compile(r"\bof\s+(?:\d+\s+)?(?:[A-Z][\w’'-]*\s+)+(?:Avenue|Road|Street|Lane|Close|Drive|Crescent|"
                      r"Gardens|Terrace|Grove|Parade|Court|Place|Way)\b")
# "X, whose seven-year-old daughter's lessons ..", "X, 79, who receives three visits a day": a resident
_RESIDENT = re.compile(r"\bwhose\s+(?:[\w’'-]+\s+){0,3}(?:daughter|son|mother|father|child|children|husband|wife|"
                       r"partner|parents?|grand\w+|bins?|street|road|home|house)\b|\bwho\s+(?:receives|uses|relies|"
                       r"lives|attends)\b|\bwho\s+(?:has\s+|had\s+)?lived\b|"
                       # a trader: "X, who has run a convenience store on the street for 19 years"
                       r"\bwho\s+(?:has\s+|had\s+)?(?:runs?|ran|owns?|owned|manages|managed)\s+(?:a|an|the)\s+"
                       r"(?:[\w’'-]+\s+){0,2}(?:shop|store|caf[eé]|business|pub|restaurant|takeaway|salon|"
                       r"newsagent|bakery|garage)s?\b")
_JOINT_STATEMENT = re.compile(r"\bjoint\s+statement\s+(?:(?:has|had)\s+been\s+|was\s+)?(?:released|issued|published|"
                              r"made|agreed)?\s*(?:by|from|between)\s+(?P<who>[^.\n(]{3,120}?)\s*(?:\(|\bwas\b|"
                              r"\bhas\b|\bis\b|[.:,]|$)")
_COMPANY_ANAPHOR = re.compile(r"^(?:the\s+)?(?:company|firm|contractor|operator)$", re.IGNORECASE)


# one who receives the service, in the clause after their name: "Arthur Lennox, who has relied on daily visits",
# "Frank Hollis, 79, who has had daily visits since a stroke"
_SERVICE_USER = re.compile(r"\b(?:relie[sd]|rely|relying|depends?|depended|depending)\s+on\b|\breceiv(?:es|ed|ing)\s+"
                           r"(?:care|visits|support|help)\b|\b(?:(?:has|have|had)\s+had|gets?)\s+(?:(?:daily|weekly|"
                           r"regular|twice-daily|home)\s+)?(?:care|visits)\b|\bservice\s+users?\b|\bwhose\s+bins?\b",
                           re.IGNORECASE)
def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines after a name, when the name's capitals spell them:
    "Wealden District Council (WDC)" -> {"WDC": "Wealden District Council"}."""
    found = {}
    for m in _DEFINED_ACRONYM.finditer(text):
        words = m.group(1).split()
        for i in range(len(words)):  # the longest tail whose capitals spell it
            caps = "".join(w[0] for w in words[i:] if w[0].isupper())
            if caps == m.group(2) and words[i][0].isupper():
                found.setdefault(m.group(2), " ".join(words[i:]))
                break
    return found


def _head(mention: str) -> str:
    """The head phrase of a description: "social workers" of "social workers at X Council"."""
    return re.split(r"\s(?:at|of|in|from|for|employed\s+by|working\s+for|across)\s", mention)[0]


# a person who gave no comment is nobody's voice: "Council leader Tom Hart did not respond to a
# request for comment. '..,' he said" is the voice before him
_NO_COMMENT = re.compile(r"[^.!?\n]{0,40}?\b(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|had\s+not|"
                         r"could\s+not|was\s+not|declined|refused|was\s+unavailable|has\s+been\s+(?:approached|"
                         r"contacted|asked))\b[^.!?\n]{0,40}?\bcomment", re.IGNORECASE)


@dataclass
class Resolved:
    speaker: str
    org: str | None
    kind: str  # person | org | group | description
    side_hint: str | None = None


# a resolution step's answer that the mention is its kind but names nobody ("In a statement, ..");
# a step answers None when the mention is not its kind, and the next step tries
_NOBODY = Resolved("", None, "nobody")


class SpeakerResolver:
    """Resolves mentions in one article, remembering who spoke before (for pronouns etc.)."""

    def __init__(self, text: str, kn: Knowledge, employer: str | None, unions: list[str]):
        self.text, self.kn, self.employer, self.unions = text, kn, employer, unions
        self.history: list[Resolved] = []
        self.quote = ""
        self.between = ""  # the text since the previous statement, up to this one's mention
        self.known: dict[str, Resolved] = {}  # people already resolved, for their short forms
        self.people: dict[str, tuple[int, str]] = {}  # full name -> (first position, context)
        self.role_noun: dict[str, str] = {}  # full name -> the role noun written before it ("Tenant")
        # ("Angus Robertson", "Dean Hart": a district's place words stay in a person's name)
        self.places = {t for p in kn.councils if p not in kn.district_places for t in p.split()} | \
            (set(kn.councils) - kn.district_places)
        # the employer's initials ("WDC" for Wealden District Council), three letters or more
        caps = [w[0] for w in re.findall(r"[A-Z][\w’'-]*", employer or "") if w not in ("And", "Of", "The")]
        self._initials = re.compile(rf"\b{''.join(caps)}\b") if len(caps) >= 3 else None
        self.acronyms = defined_acronyms(text)
        self.companies = article_companies(text, kn)
        for s, e, name in person_names(text, self.places):
            if any(c.find(name) >= 0 for _, c in self.companies):
                continue  # "Mercia Property" of "Mercia Property Care": a company, no person
            bare = self._drop_role(name)  # "Striker Janette Millar": the person is Janette Millar
            if bare != name:
                self.role_noun.setdefault(bare, name[:len(name) - len(bare)].strip())
            s, name = s + len(name) - len(bare), bare
            if name not in self.people:
                ps = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s), 0)
                pe = min([x for x in (text.find("\n", e), text.find(". ", e)) if x >= 0] or [len(text)])
                self.people[name] = (s, text[max(ps, s - 120):min(pe, e + 120)])

    # ------------------------------------------------------------- organisations
    def org_in(self, phrase: str) -> Org | None:
        found = self.kn.find_orgs(phrase)
        if found:
            return found[0][2]
        company = self._company_in(phrase)
        if company:
            return Org(company, "contractors")
        if self._initials is not None and self._initials.search(phrase):
            return Org(self.employer, self._employer_kind())  # "a WDC spokesperson"
        councils = _council_mentions(phrase)
        if councils:
            return Org(self._council_name(councils[0][1]), "council")
        listed = next((c for c in self.kn.councils.values() if c in phrase), None)
        if listed:  # a listed name without "Council": "City of London Corporation", "Comhairle nan Eilean Siar"
            return Org(listed, "council")
        if re.search(r"\b(?:council|local authority|authority|town hall)\b", phrase, re.IGNORECASE) \
                and self.employer:
            # in a contractor's dispute "a spokesman for the authority" speaks for its client council
            client = self._client_council(0) if self._employer_kind() == "contractors" else None
            return Org(client, "council") if client else Org(self.employer, self._employer_kind())
        return None

    def _company_near(self, pos: int) -> str | None:
        """The article's company named last before ``pos``, else its first; failing those, a name
        shaped like a company's ("Carrickmoor Homecare", "Calverstone Care Services")."""
        for cands in (self.companies, company_shaped(self.text, self.kn)):
            if cands:
                before = [n for p, n in cands if p < pos]
                return before[-1] if before else cands[0][1]
        return None

    def _company_in(self, phrase: str) -> str | None:
        for _, name in self.companies:
            if name in phrase or strip_suffix(name) in phrase:
                return name
        return None

    def _employer_kind(self) -> str:
        org = self.kn.orgs.get(self.employer or "")
        return org.kind if org else "council"

    def _council_name(self, full: str) -> str:
        """A council mention as the employer's name when it is a form of it ("Hove City Council",
        "CUMBERLAND Council" for "Brighton and Hove City Council", "Cumberland Council")."""
        if self.employer and self._employer_kind() == "council":  # not "Sandwell Leisure Trust"
            emp, low = self.employer.lower(), full.lower()
            if low.split()[0] == emp.split()[0] or emp.endswith(low):
                return self.employer
        return full

    def _last_union(self, pos: int) -> str | None:
        found = [o for _, _, o in self.kn.find_orgs(self.text[:pos]) if o.kind == "unions"]
        return found[-1].name if found else (self.unions[0] if self.unions else None)

    def _titled_person(self, role: str, pos: int) -> str | None:
        """The latest person named before ``pos`` whose introduction carries ``role``'s head
        word ("regional officer" for "the regional officer")."""
        words = [w for w in role.lower().split() if w not in ("union", "council", "union's", "council's")]
        if not words:
            return None
        head = words[-1]
        best = None
        for name, (first, _) in self.people.items():
            if not 0 <= first < pos:
                continue
            before, after = self._person_context(name)
            if re.search(r"\b(?:told|tells|telling)\s+$", before):
                continue  # the one told, often an outlet: "The union's organiser told Community Practice"
            if re.search(rf"\b{re.escape(head)}\b", (before[-40:] + " " + after).lower()) and \
                    (best is None or first > best[0]):
                best = (first, name)
        return best[1] if best else None

    def _union_as_written(self, union: str, pos: int) -> str:
        """The last mention of ``union`` before ``pos`` when it names a branch or region ("GMB
        Scotland"), else the union's name."""
        spans = [(s, e) for s, e, o in self.kn.find_orgs(self.text[:pos]) if o.name == union]
        if spans:
            s, e = spans[-1]
            m = re.match(r"[A-Z][\w’'-]*(?:\s+(?:Region|Branch|branch|region))?", self.text[e:e + 30].lstrip())
            surface = self.text[s:e] + (" " + m.group(0) if m and _REGION.fullmatch(m.group(0).split()[0])
                                        and self.text[e:e + 1] == " " else "")
            if _REGION.search(surface):
                return surface
        return union

    def _person_context(self, name: str, clauses: bool = False) -> tuple[str, str]:
        """Words before a person's first mention (same sentence) and its apposition after it
        (up to the verb or a quote: what follows is what they said, not who they are; with
        ``clauses``, through relative clauses up to the reporting verb: "X, whose party is in
        opposition, said")."""
        if name not in self.people:
            return "", ""
        ctx = self.people[name][1]
        at = ctx.find(name)
        if at < 0:
            return "", ""
        before = ctx[max(0, at - 80):at]
        before = re.split(r"[.!?]\s|[”\"]|[,.!?…][’']", before)[-1]  # a quote before the name is no role
        after = ctx[at + len(name):] if clauses else ctx[at + len(name):at + len(name) + 100]
        verbs = "" if clauses else r"|has|had|is|was|will|would|[a-z]{3,}ed"
        after = re.split(rf"\s(?:said|says|told|tells|added|warned|argued|claimed|explained|insisted|accused|urged|"
                         rf"questioned|described|criticised|blamed|called|wrote|writes{verbs})\b|"
                         rf"[“\"‘:{'' if clauses else '.;('}]", after)[0]
        return before, after

    def _role_side(self, name: str, mention: str) -> str | None:
        """Side told by role words of the mention, else of the words around the first mention;
        a councillor's title counts as the council unless an outside marker says otherwise."""
        if re.match(r"(?:Judge|Justice)\s", name):
            return "other"  # "Judge Fraser": the court
        clause = self._person_context(name, clauses=True)[1]
        if _KIN_AFTER_NAME.match(clause) or _SERVICE_USER.search(clause):
            return "other"  # "X, whose mother receives four visits a day from council carers": the public
        rest = mention.replace(name, " ")
        before, after = self._person_context(name)
        held = _HOLDS_POST.match(clause)
        if held and not after.strip(" ,").replace("who", "").strip():
            after = held.group("post")  # "X, who has been chief executive since 2021, told ..": the post
        # a body no list knows beside the name ("Eastholme Carers' Network coordinator X"): its own
        # words ("carers") are no role; an address after the name ("X, 71, of Hillcrest Avenue"): a resident
        body = _OUTSIDE_BODY.search(rest) or _OUTSIDE_BODY.search(after) or _OUTSIDE_BODY.search(before[-60:]) \
            or _ADDRESS.search(after) or _RESIDENT.search(self._person_context(name, clauses=True)[1])
        if body:
            before, after, rest = (x.replace(body.group(0), " ") for x in (before, after, rest))
        if re.search(r"(?:^|\s)(?:to|and|with|from|by|for|at|than|including)\s*$", before):
            before = ""  # "spoken to the council, to Jo Bell, Unite's ..": no premodifier of the name
        if COUNCIL_LEADER_BEFORE.search(before + rest.split(name)[0] if name in mention else before):
            return "council"  # "The council's Liberal Democrat leader, Cllr X": the party is the ruling one
        side = self.kn.role_side(rest) or self.kn.role_side_near(before, end=True) \
            or self.kn.role_side_near(after, end=False)
        titled = re.search(r"\b(?:Cllr|Councillor)\.?\s*$", rest.split(name)[0] if name in mention
                           else rest) or re.search(r"\b(?:Cllr|Councillor)\.?\s*$", before) or \
            self._titled_elsewhere(name)
        if (titled or PARTY_MEMBER.search(before + " " + rest)) and side != "other" and \
                self._outside_politician(name):
            return "other"
        if titled and side != "other":
            return "council"
        if body and (side is None or (_OUTSIDE_BODY.fullmatch(body.group(0)) and
                                      not self.org_in(before + " " + rest + " " + after))):
            return "other"  # "X, regional representative for the Museums Association": the body's voice
        if side is None and "other_fallback" in self.kn.role_res and not self.org_in(before + " " + rest + " " + after) \
                and self.kn.role_res["other_fallback"].search((before + " " + rest).lower()):
            return "other"  # "Retired postman X", no body named: a resident ("a retired Unison officer" is not)
        return side

    def _titled_elsewhere(self, name: str) -> bool:
        """Whether the text calls ``name`` "Cllr"/"Councillor" somewhere: with their given name, or with
        the surname alone where no other person has it ("Cllr Grace Okafor" is not Steve Okafor)."""
        first, surname = name.split()[0], name.split()[-1]
        others = [n for n in self.people if n != name and n.split()[-1] == surname and len(n.split()) > 1]
        for m in re.finditer(rf"\b(?:Cllr|Councillor)\.?\s+(?:([A-Z][\w’'-]+)\s+)?{re.escape(surname)}\b", self.text):
            if m.group(1) == first or m.group(1) is None and not others:
                return True
        return False

    def _outside_politician(self, name: str) -> bool:
        if name not in self.people:
            return False
        before, after = self._person_context(name, clauses=True)  # who they are, not what they said
        return outside_politician(f"{before} {name}{after}", self.text)

    def _person_org(self, name: str, mention: str) -> Org | None:
        org = self.org_in(mention.replace(name, " "))
        if org is None:
            before, after = self._person_context(name)
            # the apposition ("X, Unison branch secretary") or the nearest organisation before
            org = self.org_in(after) or next(
                (o for _, _, o in reversed(self.kn.find_orgs(before))), None)
            if org is None and _council_mentions(before):
                org = Org(self._council_name(_council_mentions(before)[-1][1]), "council")
            body = _OUTSIDE_BODY.search(after) or _OUTSIDE_BODY.search(before[-60:]) if org is None else None
            if body:  # "Felicity Caine, of the Museums Association": a body no list knows
                org = Org(body.group(0), "other")
        return org

    def _its_org(self, mention: str, pos: int) -> Org | None:
        """The body an opening 'Its' points back to ("BASW said .. Its England director, Leon
        Firth, said"): the subject of a sentence before the mention, else the organisation named
        last there. The 'Its' opens the mention or the sentence the mention ends."""
        at = self.text.rfind(mention, 0, pos + len(mention))
        at = pos if at < 0 else at
        if not _ITS.match(mention):
            start = max(self.text.rfind("\n", 0, at), self.text.rfind(". ", 0, at) + 1) + 1
            if not _ITS.match(self.text[start:at].lstrip()):
                return None
            at = start
        window = self.text[max(0, at - 300):at]
        found = self.kn.find_orgs(window)
        # the subject of a sentence in the window ("Unite, which represents staff who moved from
        # the NHS trust, said ..") before the organisation named last
        opening = [(s, o) for s, _, o in found if re.search(r"(?:^|[.!?]\s+|\n)(?:[Tt]he\s+)?$", window[:s])]
        if self.employer:
            # "Ardmorven Council said .. Its education convener, Cllr X": the employer opened a sentence
            # (by its name, its place's council or 'the council') after any body the lists know
            place = re.escape(self.employer.split()[0])
            emp = [x.start(1) for x in re.finditer(rf"(?:^|[.!?]\s+|\n)(?:[Tt]he\s+)?({place}\b[\w ]*?\s+[Cc]ouncil|"
                                                   rf"[Cc]ouncil|[Aa]uthority)\b", window)]
            if emp and (not opening or emp[-1] > opening[-1][0]):
                return Org(self.employer, self._employer_kind())
        return opening[-1][1] if opening else (found[-1][2] if found else None)

    def _union_post(self, name: str, mention: str) -> bool:
        """Whether the person holds a union post by the mention or their first mention's words
        ("regional organiser", "shop steward"): a worker named with none speaks for themselves."""
        before, after = self._person_context(name)
        words = " ".join((mention.replace(name, " ") if mention else "", before[-60:], after)).lower()
        return bool(self.kn.role_res["union_officials"].search(words))

    def _person(self, full: str, mention: str, pos: int) -> Resolved:
        """A named person with the organisation they speak for, reconciled with their role."""
        if full in self.kn.public_figures:  # a national politician, whatever the story's context
            return Resolved(full, self.kn.public_figures[full], "person", "other")
        known = self.known.get(full)
        own_org = self.org_in(mention.replace(full, " ")) if mention else None
        its_org = self._its_org(mention, pos) if mention and own_org is None else None
        own_org = own_org or its_org
        own_hint = self.kn.role_side(mention.replace(full, " ")) if mention else None
        if own_org is not None and own_org.kind != "council" and (own_hint is None or (
                own_hint == "council" and own_org.side != "council" and not PARTY_NAME.search(own_org.name))):
            # "Dana Whitfield of the GMB": an organisation in the mention beats the context, and its
            # titles are its own ("BASW England’s national director": BASW's, not the employer's)
            hint = own_org.side
        else:
            hint = self._role_side(full, mention) or (known.side_hint if known else None)
        org = self._person_org(full, mention) or its_org
        if org is None and known is not None and known.org:
            org = self.kn.orgs.get(known.org) or Org(known.org, "council")
        if org is not None and hint and org.side != hint:
            if hint == "union":
                org = self.kn.orgs.get(self._last_union(pos) or "") if self._union_post(full, mention) else None
            elif hint == "council":
                org = Org(self.employer, self._employer_kind()) if self.employer else None
            else:
                org = org if org.side == "other" else None
        elif org is None and hint == "union" and self._union_post(full, mention):
            org = self.kn.orgs.get(self._last_union(pos) or "")
        elif org is None and hint == "council" and self.employer:
            org = Org(self.employer, self._employer_kind())
        if org is None and hint is None and full in self.role_noun:
            # the role noun written before the name: "Striker X", "Tenant X", "Mother-of-three X" (the public)
            noun = self.role_noun[full]
            hint = self.kn.role_side(noun) or ("other" if "-of-" in noun else None)
        if org is None and hint is None:
            # nobody's official: a striker if the first mention says so, else an outside voice
            # (a lone given name is how strikers are quoted; officials get full names)
            ctx = self.people[full][1] if full in self.people else ""
            if not ctx:  # a lone given name the scan of full names does not hold ("Sam, whose two children ..")
                first = re.search(rf"(?<![\w’'-]){re.escape(full)}(?![\w’'-])", self.text)
                ctx = self.text[first.start():first.end() + 120] if first else ""
            at = ctx.find(full)
            # (a full name with kin or the service in its clause is the public already: _role_side)
            family = _FAMILY_CARER.search(ctx + " " + mention) or (  # "a carer for her sister": a relative
                at >= 0 and _KIN_AFTER_NAME.match(ctx[at + len(full):]))
            # the sentences around the first mention: "Ross Wilkie has worked with disabled people
            # for 20 years. He was on the picket line"
            first = self.people[full][0] if full in self.people else -1
            near = self.text[max(0, first - WORKER_WINDOW):first + len(full) + WORKER_WINDOW] if first >= 0 else ""
            # .. and the sentences a feature opens with the surname alone ("Aldridge, 54, has been a
            # home carer for the council for 19 years")
            again = " ".join(self._sentence_at(a) for a, _, n in self._bare_surnames(self.text)
                             if len(full.split()) > 1 and n == full.split()[-1] and a != first)
            hint = "union" if not family and (len(full.split()) == 1 or _WORKER_CONTEXT.search(
                ctx + " " + mention + " " + again) or _UNION_VOICE.search(self.quote) or
                _STRIKE_CONTEXT.search(near)) else "other"
        return Resolved(full, org.name if org else None, "person", hint or (org.side if org else None))

    # ------------------------------------------------------------- resolution
    def _longer_name(self, name: str) -> str:
        """The one full name already seen that ends with ``name`` ("Ms Van der Berg" after "Liz Van der
        Berg", "Mr Duncan Smith" after "Iain Duncan Smith"), else ``name``."""
        longer = [n for n in self.people if n.endswith(" " + name)]
        return longer[0] if len(longer) == 1 else name

    def _branch_named(self, pos: int) -> Resolved | None:
        """The last union branch named before ``pos``, as written: "Kirklees Unison (branch)",
        "Unison's Kirklees branch" (the unions are the knowledge lists')."""
        text, best = self.text[:pos], None
        for s, e, org in self.kn.find_orgs(text):
            if org.kind != "unions":
                continue
            poss = re.match(r"['’]s[^\S\n]+(?:[A-Z][\w’'&-]*[^\S\n]+){1,3}branch\b", text[e:])
            words = re.search(r"(?:[A-Z][\w’'&-]*[^\S\n]+){1,3}$", text[:s])
            words = words.group(0).split() if words else []
            while words and words[0] in NON_NAME:
                words = words[1:]  # "Meanwhile Kirklees Unison": the place starts after the sentence's lead
            if poss:
                best = (text[s:e + poss.end()], org)
            elif words:
                branch = re.match(r"[^\S\n]+branch\b", text[e:])
                best = (" ".join(words) + " " + text[s:e] + (branch.group(0) if branch else ""), org)
        if best is None:
            return None
        name, org = best[0].strip(), best[1]
        if not name.endswith("branch") and name + " branch" in self.text:
            name += " branch"  # the fuller form the text gives elsewhere ("Hartfield Unison branch")
        return Resolved(name, org.name, "org", "union")

    def _sentence_at(self, pos: int) -> str:
        """The sentence of the text that holds position ``pos``."""
        start = max(self.text.rfind("\n", 0, pos), *(self.text.rfind(p, 0, pos) for p in (". ", "! ", "? "))) + 1
        ends = [e for e in (self.text.find(p, pos) for p in (". ", "\n")) if e >= 0]
        return self.text[start:min(ends) if ends else len(self.text)]

    def _bare_surnames(self, s: str) -> list[tuple[int, int, str]]:
        """Surnames alone of people already named, as features write a second mention ("Back in
        her car, Aldridge checks her rota. She says"); not after a capitalised word (a full name
        or a title: those are found as such)."""
        surnames = frozenset({n.split()[-1] for n in self.people if len(n.split()) > 1} - NON_NAME - set(self.places))
        if not surnames:
            return []
        return [(m.start(1), m.end(1), m.group(1)) for m in surname_re(surnames).finditer(s)
                if not re.search(r"[A-Z][\w’'.-]*\s+$", s[:m.start(1)])]

    def _by_surname(self, token: str, pos: int, gender: str | None = None) -> str | None:
        """The full name of the person ``token`` (a surname, or a given name alone) stands for: the
        latest one named before ``pos``; of two with one surname, one whose given name agrees with
        ``gender`` ('he' for "Mr Doherty")."""
        for n in self.known:  # people resolved earlier count even if the scan missed them
            if n not in self.people and len(n.split()) > 1:
                self.people[n] = (-1, n)
        cands = [n for n, (p, _) in self.people.items() if n.split()[-1] == token.split()[-1]]
        if not cands and len(token.split()) == 1:  # "Mandy" for "Mandy Buckley"
            cands = [n for n in self.people if n.split()[0] == token]
        if gender and len(cands) > 1:  # "Mr Doherty" after Gerard and Siobhan Doherty
            cands = [n for n in cands if self.kn.pronoun_of(n) in (None, gender)] or cands
        before = [n for n in cands if self.people[n][0] < pos]
        pick = before or cands
        return max(pick, key=lambda n: self.people[n][0] if n in before else -self.people[n][0]) \
            if pick else None

    def _only_unions(self, s: str) -> bool:
        """Whether ``s`` lists two or more different unions and nothing else ("Unison, the GMB and Unite")."""
        found = self.kn.find_orgs(s)
        return len({o.name for _, _, o in found}) >= 2 and all(o.kind == "unions" for _, _, o in found) \
            and re.fullmatch(r"(?:\s|,|\band\b|&|\bthe\b)*", self.kn.alias_re.sub(" ", s)) is not None

    def _union_pair(self, pos: int, after: bool = False) -> str | None:
        """The latest list of different unions ("U1 and U2", "U1, U2 and U3") before ``pos`` (or,
        ``after``, the first one after it)."""
        lists, run = [], []
        for s0, e0, o in self.kn.find_orgs(self.text) + [(len(self.text), len(self.text), None)]:
            sep = self.text[run[-1][1]:s0] if run else ""
            if run and o is not None and o.kind == "unions" and o.name not in {x[2] for x in run} \
                    and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|(?:and|&)\s+)(?:the\s+)?", sep) and not run[-1][3]:
                run.append((s0, e0, o.name, re.search(r"\band\b|&", sep) is not None))
                continue
            if len(run) > 1 and run[-1][3]:  # a list ends with its "and"
                lists.append((run[0][0], self.text[run[0][0]:run[-1][1]]))
            run = [(s0, e0, o.name, False)] if o is not None and o.kind == "unions" else []
        before = [p for s1, p in lists if s1 < pos]
        if after and not before:  # "[..], their unions have announced" opening the article
            return next((p for s1, p in lists if s1 >= pos), None)
        return before[-1] if before else None

    def _last(self, kinds: set[str]) -> Resolved | None:
        return next((h for h in reversed(self.history) if h.kind in kinds), None)

    def resolve(self, mention: str | None, pos: int, quote: str = "") -> Resolved | None:
        """Resolve one mention at text position ``pos`` (``quote``: what was said, a clue to
        unlinked people); None if nothing can be said."""
        self.quote = quote
        m = clean_mention(mention or "", lambda x: self._canonical_org(x) is not None)
        if not m:
            return None
        low = m.lower()
        if low in PRONOUN_PERSON:
            return self._person_pronoun(low, pos)
        if low in PRONOUN_GROUP:
            return self._group_pronoun(low)
        if low in PRONOUN_BODY:
            return self._it_pronoun(pos)
        if low in _QUANTIFIERS and self.history and self.history[-1].kind == "group":
            return self.history[-1]  # "Residents said .. Many are complaining": some of that group
        for step in (self._by_acronym, self._body, self._named_person, self._document, self._anaphor):
            found = step(m, pos)
            if found is not None:
                return None if found is _NOBODY else found
        return self._description(m, pos)

    def _person_pronoun(self, low: str, pos: int) -> Resolved | None:
        """'he' / 'she': the person introduced since the last statement, else the latest single human voice."""
        # a person introduced since the last statement ("Jo Bell is one of those striking.
        # She said ..") comes before the voices already quoted
        named = person_names(self.between, self.places) + [
            (x.start(1), x.end(1), x.group(1)) for x in SINGLE_INTRO.finditer(self.between)
            if x.group(1) not in NON_NAME and x.group(1) not in self.places] + [
            (x.start(1), x.end(1), x.group(1)) for x in ROLE_INTRO.finditer(self.between)
            if x.group(1) not in NON_NAME and x.group(1) not in self.places] + [
            (x.start(2), x.end(2), x.group(2)) for x in TITLED_SURNAME.finditer(self.between)
            if x.group(2) not in NON_NAME and GENDERED_TITLE.get(x.group(1).rstrip(".")) == low] + \
            self._bare_surnames(self.between)
        # "Ms Vaughan rejected that. “..,” she said": a title that agrees with the pronoun; a given
        # name that disagrees rules its person out ("Tom Hart has been leader since May. '..,' she said")
        named = [n for n in named if self.kn.pronoun_of(n[2]) in (None, low)
                 and not _NO_COMMENT.match(self.between, n[1])]
        named.sort()
        # a name that opens its sentence is its subject ("Rita Moss, .., is a carer for her
        # sister Pat Moss. She said"): the latest such, else the latest name
        subjects = [n for n in named if re.search(r"(?:^|[.!?]\s+|\n)(?:[A-Z][\w’'-]*\s+){0,3}$",
                                                   self.between[:n[0]])]
        if named:
            name = self._drop_role((subjects or named)[-1][2])
            full = self._by_surname(name, pos) if len(name.split()) == 1 else name
            return self._person(full or name, name, pos)
        # the latest single human voice: a named person or "a council spokesman" (not "the council")
        return next((h for h in reversed(self.history) if h.kind == "person" and
                     self.kn.pronoun_of(h.speaker) in (None, low) or (
            h.kind == "description" and not re.search(r"s$", h.speaker.split()[-1])
            and not BODY_HEAD.search(_head(h.speaker)))), None)

    def _group_pronoun(self, low: str) -> Resolved | None:
        """'they' / 'we': workers introduced since the last statement, else the voice just quoted."""
        if low in ("they", "we"):
            # workers introduced as a sentence's subject since the last statement ("Unite
            # members, who run the depots, are staging the strike. They say ..")
            group = _GROUP_SUBJECT.findall(self.between)
            # .. or named in the pronoun's own sentence ("This follows GMB union members walking
            # out over what they described as ..")
            own = re.split(r"[.!?]\s+|\n", self.between)[-1]
            near = _SENTENCE_GROUP.findall(own)
            if near:
                group = near
            elif not re.search(r"\b(?:members|workers|staff|strikers|employees|carers|colleagues|people|residents)\b", own):
                # "The dispute arose when X Council cut their hours, which they said ..": the body the
                # pronoun's own sentence names
                bodies = [(a, o) for a, _, o in self.kn.find_orgs(own)] + \
                    [(own.rfind(full.split()[0]), Org(self._council_name(full), "council"))
                     for *_, full in _council_mentions(own)]
                if bodies:
                    o = max(bodies, key=lambda b: b[0])[1]
                    return Resolved(o.name, o.name, "org")
            if group:
                g = group[-1].strip()
                org = self.org_in(g)  # workers speak for their union, never for their employer
                if re.fullmatch(r"Management|Managers|Bosses", g):  # "Management left the room. .. they stated"
                    return Resolved(g, self.employer, "group", "council")
                return Resolved(g, org.name if org and org.kind == "unions" else None, "group",
                                "other" if self.kn.role_side(g) == "other" else "union")  # residents
        # the voice just quoted unless it was a named person ("a spokesperson ... they added")
        if self.history and self.history[-1].kind != "person":
            return self.history[-1]
        return self._last({"group", "org"}) or (self.history[-1] if self.history else None)

    def _it_pronoun(self, pos: int) -> Resolved | None:
        """'it': a joint statement's makers, an organisation that was a sentence's subject, else the last body."""
        joint = _JOINT_STATEMENT.search(self.between)
        if joint:  # "A joint statement was issued by the council and the unions. It said: .."
            return Resolved(joint.group("who"), None, "group", "other")
        # an organisation that was a sentence's subject since the last statement ("However,
        # the council disputes this. It says ..") comes before the voices already quoted
        for subj in reversed(_ORG_SUBJECT.findall(self.between)):
            org = self._canonical_org(subj) or (
                Org(self._client_council(pos) or self.employer, "council")
                if _COUNCIL_ANAPHOR.match(subj) and self.employer else None)
            if org is not None:
                return Resolved(org.name, org.name, "org")
        last = self._last({"org", "description"})
        if last is not None and last.kind == "description" and last.org and \
                re.match(r"(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}spokes\w+\b", last.speaker, re.IGNORECASE):
            # "A spokesperson for the council said ... It said ..": 'it' is the council
            return Resolved(last.org, last.org, "org")
        return last or (self.history[-1] if self.history else None)

    def _by_acronym(self, m: str, pos: int) -> Resolved | None:
        """An acronym the text defined ("WDC" after "Wealden District Council (WDC)"), read as its name."""
        short = [a for a in re.findall(r"\b[A-Z]{2,6}\b", m) if a in self.acronyms and self._canonical_org(a) is None]
        if short:  # "WDC said" after "Wealden District Council (WDC)": the name
            r = self.resolve(re.sub(rf"\b({'|'.join(short)})\b", lambda x: self.acronyms[x.group(1)], m), pos,
                             self.quote)
            # "A WDC spokesperson": the description as written, speaking for the named body
            return Resolved(m, r.org, r.kind, r.side_hint) if r and r.kind == "description" else r or _NOBODY
        return None

    def _body(self, m: str, pos: int) -> Resolved | None:
        """Bodies by name or kind: notices, joint voices, companies, institutions, newspapers, branches."""
        if self.employer and re.match(r"(?:a|the)\s+(?:notice|sign|poster|message)\s+(?:outside|at|on|in)\b", m,
                                      re.IGNORECASE):  # "a notice outside the library": the employer's
            return Resolved(m, self.employer, "description", "council")
        if self._joint(m):  # "the council, Unison and GMB announced": both parties together
            if self.employer and self._employer_kind() == "council":  # by name, the most specific
                m = re.sub(r"^(?:the\s+)?(?:city\s+|county\s+|borough\s+)?council\b", self.employer, m,
                           flags=re.IGNORECASE)
            return Resolved(m, None, "group", "other")
        if self.employer and _COMPANY_NAME.fullmatch(m) and not _INSTITUTION.fullmatch(m) and \
                m.split()[0] == re.sub(r"^(?:The\s+|City\s+of\s+)", "", self.employer).split()[0]:
            # "Falkirk Community Trust", "Redbridge Civic Services": a council-owned company
            return Resolved(m, m, "org", "council")
        if re.fullmatch(r"the\s+[A-Z][\w’'&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'&-]*)+", m) and \
                self.org_in(m) is None and self.kn.role_side(m) is None and not person_names(m, self.places):
            return Resolved(m, m[4:], "org", "other")  # "the Edinburgh Military Tattoo": an outside body
        if _NEWSPAPER.fullmatch(m) and self.org_in(m) is None:
            return Resolved(m, re.sub(r"^[Tt]he\s+", "", m), "org", "other")
        if _BRANCH_ANAPHOR.match(m):  # "the branch": the union branch the text named last, as written
            branch = self._branch_named(pos)
            if branch is not None:
                return branch
        kind = _BODY_ANAPHOR.match(m)
        if kind:  # "the institute", "the institute's analysis": the body of that kind named last
            named = [b.group(0) for b in _INSTITUTION.finditer(self.text[:pos])
                     if b.group(0).split()[-1].lower() == kind.group(1).lower()]
            listed = self.org_in(named[-1]) if named else None
            if listed is not None:  # "the association" after "the Local Government Association"
                return Resolved(listed.name, listed.name, "org")
            if named:
                name = re.sub(r"^[Tt]he\s+", "", named[-1])
                return Resolved(name, name, "org", self.kn.role_side(name) or "other")
        if _INSTITUTION.fullmatch(m) and self.org_in(m) is None and not self._company_in(m):
            # "The Royal College of Occupational Therapists", "Easthaven Hospitals NHS Trust": a body
            # no list knows, named by its kind - an outside voice unless its words say otherwise
            return Resolved(m, re.sub(r"^[Tt]he\s+", "", m), "org", self.kn.role_side(m) or "other")
        company = self._company_in(m)
        bare = re.sub(r"^the\s+", "", m, flags=re.IGNORECASE)
        named = next((c for _, c in self.companies if (c + " ").startswith(bare + " ")), None) \
            if bare[:1].isupper() else None
        if named:
            return Resolved(named, named, "org")  # the company by its name or first word ("Brightclean")
        if any(n == strip_suffix(m) for _, n in company_shaped(m, self.kn)):
            # "Allerdale Waste Services said": a service company in a council's dispute runs the service
            return Resolved(strip_suffix(m), strip_suffix(m), "org", "council")
        spokes = _SPOKES_OF.match(m)
        if spokes and (self.org_in(m) is None or company):
            # "a spokesperson for Mercia Property Care", "a Sparkwell Facilities spokesperson": an
            # organisation the lists do not know (a contractor, a council company, a forum), as written
            body = company or spokes.group("after") or spokes.group("before")
            return Resolved(m, body, "description", None if company else self.kn.role_side(body))
        return None

    def _named_person(self, m: str, pos: int) -> Resolved | None:
        """A person by full name, titled surname or lone given name."""
        # a listed organisation's whole name holds no person ("The Care Quality Commission")
        names = [] if self._canonical_org(m) else person_names(m, self.places)
        listed = [(s, e) for s, e, _ in self.kn.find_orgs(m)]  # "A Care Quality Commission assessment"
        names = [n for n in names if not any(s <= n[0] and n[1] <= e for s, e in listed)]
        if len(names) > 1 and _ROLE_BEFORE_NAME.search(m[:names[-1][0]]) and \
                "," not in m[:names[-1][0]].rstrip(", ") and not self._company_in(names[-1][2]):
            names = names[-1:]  # "Saltmarsh Leisure managing director Robert Callender": the last name heads
        if names:
            name = self._drop_role(names[0][2])
            full = self._by_surname(name, pos) if len(name.split()) == 1 else self._longer_name(name)
            full = name if not full or len(full) < len(name) else (full if full.endswith(name) else name)
            return self._person(full, m, pos)
        t = TITLE_SURNAME_RE.match(m) or TITLE_SURNAME_END.search(m) or TITLE_SURNAME_LEAD.match(m)
        if t and t.group(1).split()[-1] in NON_NAME - SURNAME_WORDS:
            t = None  # "The Lord Provost", "the Lord Mayor": a title and an office, no surname
        if t or re.fullmatch(NAME_TOKEN, m):
            token = t.group(1) if t else m
            title = re.match(r"(Mrs|Ms|Miss|Mr)\b", m)
            full = self._by_surname(token, pos, GENDERED_TITLE.get(title.group(1)) if title else None)
            if full:
                return self._person(full, m, pos)
            if t:
                return Resolved(m, None, "person")
        # a capitalised role word alone ("Parents", "Residents") is no given name
        single = None if self._canonical_org(m) or (len(m.split()) == 1 and self.kn.role_side(m)) \
            else single_name(m, self.places)
        if single:  # "Unison member Helen", "Claire": a first name only
            return self._person(single, m, pos)
        return None

    def _document(self, m: str, pos: int) -> Resolved | None:
        """Reports, surveys and statements: whose document it is."""
        own = re.fullmatch(r"(his|her|their)\s+(?:letter|statement|email|e-mail|message|post|tweet|memo|note|"
                           r"blog|column|speech)", m, re.IGNORECASE)
        if own:  # "Her letter said:": whose the pronoun is
            low = {"his": "he", "her": "she"}.get(own.group(1).lower())
            return self._person_pronoun(low, pos) if low else self._group_pronoun("they")
        if _REPORT_TO_MEETING.match(m) and self.employer and self._canonical_org(m) is None:
            # officers' reports go to the council's own meetings: the employer's voice
            return Resolved(m, self.employer, "description", "council")
        doc = _DOCUMENT_ANAPHOR.match(m)
        intro = self._introduced(doc.group(1), pos) if doc else None
        if intro:  # "The survey found" after "A survey of Unite members in local authorities, .."
            org = self.org_in(intro)
            return Resolved(intro, org.name if org else None, "description")
        doc = _DOC_ANAPHOR.match(m)
        if doc:
            author = self._doc_author(doc.group("doc").lower(), pos)
            if author is not None:  # "Ten councillors have signed an open letter .. The letter states:"
                return self.resolve(author[0], author[1], self.quote)
        st = _STATEMENT.match(m)
        if st and self.history and re.fullmatch(r"the\s+(?:statement|letter|email|report)", m, re.IGNORECASE):
            return self.history[-1]  # "The statement added": the one just quoted, whoever made it
        if st:
            r = self._statement_source(st.group("mod") or "", st.group("src") or "", pos)
            if r is not None or not (st.group("mod") or st.group("src") or "").strip():
                return r or _NOBODY  # "In a statement": a source the text does not give
            body = _INSTITUTION.search(st.group("src") or "")
            if body and self.org_in(body.group(0)) is None:
                # "A report by the Civic Finance Institute": the document as written, an outside body's
                name = re.sub(r"^[Tt]he\s+", "", body.group(0))
                return Resolved(m, name, "description", self.kn.role_side(name) or "other")
            # "A report by inspectors": an author no list knows; the description as written
        return None

    def _anaphor(self, m: str, pos: int) -> Resolved | None:
        """Short references back: initials, 'the council', 'the company', 'the union(s)', 'the spokesman', roles."""
        if self._initials is not None and self._initials.fullmatch(m) and self.employer:
            return Resolved(self.employer, self.employer, "org")  # "BCC said": the employer by name
        if _COUNCIL_ANAPHOR.match(m) and self.employer:
            council = self._the_council(pos, m)
            return Resolved(council, council, "org")
        for_council = re.match(r"^((?:a|the)\s+spokes(?:person|man|woman)\s+for\s+)(the\s+(?:city\s+|county\s+|"
                               r"borough\s+|local\s+)?(?:council|authority))$", m, re.IGNORECASE)
        if for_council and self.employer:
            # "a spokesperson for the council", as "for the company" below: the council by name
            council = self._the_council(pos, m)
            return Resolved(for_council.group(1) + council, council, "description", "council")
        if _COMPANY_ANAPHOR.match(m) or re.match(r"^(?:a|the)\s+spokes\w+\s+for\s+the\s+"
                                                 r"(?:company|firm|contractor)$", m, re.IGNORECASE):
            contractor = next((o for _, _, o in reversed(self.kn.find_orgs(self.text[:pos]))
                               if o.kind == "contractors"), None)
            if contractor is None and self._company_near(pos):
                contractor = Org(self._company_near(pos), "contractors")
            if contractor:
                if _COMPANY_ANAPHOR.match(m):
                    return Resolved(contractor.name, contractor.name, "org")
                return Resolved(re.sub(r"the\s+\w+$", contractor.name, m), contractor.name, "description")
        if re.fullmatch(r"(?:a|one)\s+(?:trade\s+)?union", m, re.IGNORECASE) or (
                _UNION_EPITHET.match(m) and self.org_in(m) is None):
            # "a union", "the biggest union for school staff": the union the text names next
            later = [o for _, _, o in self.kn.find_orgs(self.text[pos:]) if o.kind == "unions"]
            u = later[0].name if later else (self.unions[0] if self.unions else None)
            if u:
                return Resolved(u, u, "org")
        if re.fullmatch(r"the\s+group", m, re.IGNORECASE):
            # "The group also called on ..": the group that spoke last ("Ten councillors", "Parents")
            group = self._last({"group"})
            if group is not None:
                return group
        if _UNION_ANAPHOR.match(m):
            u = self._last_union(pos)
            if u:
                return Resolved(self._union_as_written(u, pos), u, "org")
        listed = _UNIONS_NAMED.match(m)
        if listed and self._only_unions(m[listed.end():]):
            # "Trade unions Unison and Unite": the list is the name (CONVENTIONS: "Unite and Unison")
            return Resolved(m[listed.end():], None, "group", "union")
        if _UNIONS_ANAPHOR.match(m):
            # "the unions" after "Unite and Unison ...": the most specific name the text gives
            both = self._union_pair(pos, after=m.lower().startswith("their"))
            if both:
                return Resolved(both, None, "group", "union")
        if _BARE_SPOKES.match(m):
            prev = next((h for h in reversed(self.history) if "spokes" in h.speaker.lower()), None)
            if prev is not None:
                return prev
            if self.employer:  # an unqualified spokesperson speaks for the employer
                local = self._place_council(pos, m) or self._client_council(pos) \
                    if self._employer_kind() == "employer_bodies" and \
                    re.search(r"council|authority", m, re.IGNORECASE) else None
                org = local or self.employer
                if len(m.split()) == 2 and m[0] in "Aa":
                    # "Wirral Council fought back. A spokesperson said": the guidelines' nominal
                    # description names whom the spokesperson speaks for
                    return Resolved(f"a {m.split()[1]} for {org}", org, "description", "council")
                return Resolved(m, org, "description", "council")
        d = _DEF_DESC.match(m)
        if d and d.group(1).split()[-1].lower() in _PERSON_HEADS:
            # "the Labour man", "the councillor": the latest named person
            prev = self._last({"person"}) or self._latest_named(pos)
            if prev is not None:
                return prev
        role = _ROLE_OF.match(m)
        if role:  # "its general secretary" -> the person the text gives that title
            holder = self._role_holder(role.group(1), pos)
            if holder:
                return self._person(holder, m, pos)
        u = _UNIQUE_ROLE.match(m)
        if u and not person_names(m, self.places):
            holder = self._role_holder(u.group("role"), pos) or self._titled_person(u.group("role"), pos) \
                or self._titled_person(u.group("role"), len(self.text))
            if holder:
                return self._person(holder, m, pos)
        if d:
            head = d.group(1).split()[-1].lower()
            prev = next((h for h in reversed(self.history)
                         if h.kind in ("description", "person") and head[:6] in h.speaker.lower()), None)
            if prev is None and "spokes" in head:
                prev = next((h for h in reversed(self.history) if "spokes" in h.speaker.lower()), None)
            if prev is None:
                # "the regional officer said" after "Jo Bell, Unite regional officer, ..": the
                # person introduced with that title
                holder = self._titled_person(d.group(1), pos)
                if holder:
                    return self._person(holder, "", pos)
                intro = self._introduced(head, pos)
                if intro:  # "the refuse worker" after "A refuse worker at X Council has spoken out"
                    return self.resolve(intro, pos, self.quote) or _NOBODY
                side = self.kn.role_side(d.group(1)) if head in _EPITHET_HEADS else None
                if side in ("union", "council"):
                    # "the union boss said": news' epithet for the side's last-named figure
                    prev = self._latest_of_side(side, pos)
            if prev:
                return prev
        return None

    def _description(self, m: str, pos: int) -> Resolved:
        """What is left: an organisation the lists know, else the description or group as written."""
        m = self._counted_earlier(m, pos)
        low = m.lower()
        org = self.org_in(m)
        canonical = self._canonical_org(m)
        if canonical:
            if canonical.kind == "unions" and _REGION.search(m) or canonical.kind == "employer_bodies":
                # "GMB Scotland", "Local Government Employers": as written, the body's name
                return Resolved(re.sub(r"^the\s+", "", m, flags=re.IGNORECASE), canonical.name, "org")
            return Resolved(canonical.name, canonical.name, "org")
        if org is None and _OF_THE_UNION.search(m):
            # "a spokesperson for the union", "a survey of staff by the union": the union named last
            org = self.kn.orgs.get(self._last_union(pos) or "")
        # the head decides: "social workers at X Council" are workers, "a spokesman for X" is X's
        head = _head(m)
        kind = "group" if re.search(r"(?:s|people|staff|workforce)$", head.lower()) else "description"
        if re.search(r"\bspokes\w+|statement\b", low):
            kind = "description"
        side = self.kn.role_side(head) or self.kn.role_side(m)
        if re.fullmatch(r"members?", head.split()[-1], re.IGNORECASE) and self.kn.role_side_first(m) == "council":
            side = "council"  # "A member of the cabinet": whose member decides, not "member"
        if org is not None and re.search(r"\band\b|&", m) and \
                len({o.name for _, _, o in self.kn.find_orgs(m)}) > 1:
            # "Unite and Unison" speak together for no single organisation
            side, org = side or org.side, None
        if side == "union" and org is not None and org.kind != "unions":
            org = None  # "a refuse worker employed by X Council": a worker, not the council's voice
        if side is None and org is not None and org.side == "other":
            side = "other"  # "Several Labour Party wards": members of an outside body speak for it
        if org is None and side == "council" and self.employer and \
                not re.search(r"\bunions?\b", m, re.IGNORECASE):
            # "Council bosses", "management", "a member of the cabinet": the employer's
            org = Org(self.employer, self._employer_kind())
        elif org is None and kind == "group" and side == "union" and _UNION_BODY_GROUP.search(m):
            org = self.kn.orgs.get(self._last_union(pos) or "")  # "union leaders", "members": their union's
        return Resolved(m, org.name if org and (kind == "description" or side == "council" or
                                                org.side in ("union", "other")) else None, kind, side)

    def _the_council(self, pos: int, mention: str) -> str:
        """Which council 'the council' is: in a contractor's or a national dispute the council the
        text names there, else the employer."""
        council = self._place_council(pos, mention) or self._client_council(pos) \
            if self._employer_kind() in ("contractors", "employer_bodies") else None
        return council or self.employer

    def _place_council(self, pos: int, mention: str) -> str | None:
        """'In Aldermoor, where crews walked out, the city council said': the council of the place
        that opens this sentence or the one before (a national story's round of local news)."""
        start = pos
        for _ in range(2):
            start = max(self.text.rfind(". ", 0, start - 2), self.text.rfind("\n", 0, start - 2)) + 1
        opened = re.findall(r"(?:^|(?<=[.!?]\s)|(?<=\n))In\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+),",
                            self.text[start:pos])
        if not opened:
            return None
        place = opened[-1]
        if place.split()[0] in _NOT_PLACE or place in _NATIONS or self.kn.find_orgs(place):
            return None
        if place in self.kn.councils:
            return self.kn.councils[place]
        return place_council_name(place, mention)

    def _client_council(self, pos: int) -> str | None:
        """The council a contractor works for: the last one named before ``pos``, else the first."""
        before = _council_mentions(self.text[:pos])
        found = before or _council_mentions(self.text[pos:])
        if not found:
            return None
        return self._council_name((before[-1] if before else found[0])[1])

    def _joint(self, m: str) -> bool:
        """Whether the mention coordinates the employer (or a council) with a union."""
        parts = [p for p in re.split(r",\s*|\s+and\s+|\s*&\s*", m) if p.strip()]
        if len(parts) < 2:
            return False
        sides = set()
        for p in parts:
            org = self._canonical_org(p)
            if org is not None:
                sides.add(org.side)
            elif _COUNCIL_ANAPHOR.match(p.strip()):
                sides.add("council")
        return {"union", "council"} <= sides

    def _drop_role(self, name: str) -> str:
        """"Parent Lucy Dean", "Striker Jo Bell" -> the name."""
        words = name.split()
        first = words[0].lower()
        # "Headteacher Jo Bell", "Pensioner Ann Lee": a role noun before a two-word name
        # ("Rajinder Kaur Bhamra", "Gurpreet Singh Dhillon": Kaur and Singh are middle names)
        drop = len(words) == 3 and words[1] not in ("Kaur", "Singh") and (
            first in self.kn.role_words or first + "s" in self.kn.role_words or
            re.search(r"(?:teacher|er|or|ist|ian|ant|ent)$|-of-", first) is not None)
        # "Carer Lisa", "Striker Dave": a worker's role noun before a given name alone (never a
        # title: "Councillor Hill", "Lord Smith")
        drop = drop or len(words) == 2 and (first in self.kn.role_words or first + "s" in self.kn.role_words) and \
            re.search(r"(?:er|ist|ian|ant|ent|nurse|parent|mother|father|daughter|son)$", first) is not None and \
            first not in _TITLE_ROLES
        return " ".join(words[1:]) if drop else name

    def _statement_source(self, mod: str, src: str, pos: int) -> Resolved | None:
        """'a council statement' / 'a statement from Unison' / 'the statement' -> its author."""
        who = re.sub(r"[’']s?$", "", (src or mod).strip())  # "the unions’ letter", "Unite's statement"
        if who:
            if _UNIONS_ANAPHOR.match(who) or _UNIONS_ANAPHOR.match(f"the {who}"):  # "the [unions’] letter"
                return Resolved(self._union_pair(pos) or "the unions", None, "group", "union")
            canonical = self._canonical_org(who)
            if canonical:
                return Resolved(canonical.name, canonical.name, "org")
            if _COUNCIL_ANAPHOR.match(who) and self.employer:
                return Resolved(self.employer, self.employer, "org")
            if _UNION_ANAPHOR.match(who):
                u = self._last_union(pos)
                return Resolved(u, u, "org") if u else None
            return None
        prev = self._last({"org"})
        if prev is not None:
            return prev
        found = self.kn.find_orgs(self.text[max(0, pos - 600):pos])
        if found:
            o = found[-1][2]
            return Resolved(o.name, o.name, "org")
        return Resolved(self.employer, self.employer, "org") if self.employer else None

    def _latest_named(self, pos: int) -> Resolved | None:
        before = [(p, n) for n, (p, _) in self.people.items() if 0 <= p < pos]
        return self._person(max(before)[1], "", pos) if before else None

    def _latest_of_side(self, side: str, pos: int) -> Resolved | None:
        """The person of ``side`` whose name (or last name) occurs last before ``pos``."""
        best = None
        for name in self.people:
            last = max(self.text.rfind(name, 0, pos), self.text.rfind(" " + name.split()[-1], 0, pos))
            if last >= 0 and (best is None or last > best[0]):
                r = self._person(name, "", pos)
                if r.side_hint == side:
                    best = (last, r)
        return best[1] if best else None

    def _counted_earlier(self, m: str, pos: int) -> str:
        """'10 councillors' after 'Ten Tower Hamlets councillors': the same count of the same
        people, named more specifically before."""
        c = re.fullmatch(r"(\w+)\s+([a-z][\w’'-]*s)", m)
        if not c or c.group(1).lower() not in _COUNTS and not c.group(1).isdigit():
            return m
        n = c.group(1).lower()
        count = rf"(?:{n}|{_COUNTS[n]})" if n in _COUNTS else rf"(?:{n}|{_COUNT_WORDS.get(n, n)})"
        found = [f.group(0) for f in re.finditer(rf"\b{count}\s+(?:[A-Z][\w’'&-]*\s+){{1,3}}{c.group(2)}\b",
                                                  self.text[:pos], re.IGNORECASE)]
        return found[-1] if found else m

    def _doc_author(self, doc: str, pos: int) -> tuple[str, int] | None:
        """Who signed, sent, tabled or started the ``doc`` ('letter', 'motion', 'petition') last
        introduced before ``pos``, and where they are named (a dashed or commaed aside dropped)."""
        found = None
        for m in _DOC_SENT.finditer(self.text, max(0, pos - 1500), pos):
            if (m.group("doc") or m.group("doc2") or "letter").lower() != doc:
                continue
            if m.group("by"):
                found = (m.group("by").strip(), m.start("by"))
                continue
            who = re.split(r"\s+[-–—]\s+|,\s+", m.group("who"))[0].strip()
            if who and not re.match(r"(?:It|This|That|There|The\s+(?:letter|motion|petition))\b", who):
                found = (who, m.start("who"))
        return found

    def _introduced(self, head: str, pos: int) -> str | None:
        """The indefinite description that introduced a '<head>' as a sentence's subject before
        ``pos`` ("A refuse worker at Dunmore Council has spoken out")."""
        found = None
        for m in re.finditer(rf"(?:^|[.!?]\s+|\n)((?:A|An|One)\s+(?:[\w’'-]+\s+){{0,3}}{re.escape(head)}"
                             rf"(?:\s+(?:at|in|for|from|with|of)\s+[^,.;:“”\"\n]{{1,60}}?)?)"
                             rf"(?=,|\s+(?:has|have|had|is|was|who|said|says|told)\b)", self.text[:pos]):
            found = m.group(1)
        return found

    def _role_holder(self, role: str, pos: int) -> str | None:
        """The name that follows ``role`` in the text ("general secretary Sharon Graham")."""
        found = [(m.start(), n) for m in re.finditer(rf"\b{re.escape(role)}\b,?\s+", self.text, re.IGNORECASE)
                 for s, _, n in person_names(self.text[m.end():m.end() + 40], self.places)[:1] if s == 0]
        if not found:
            return None
        before = [f for f in found if f[0] < pos]
        return (max(before) if before else min(found))[1]

    def _canonical_org(self, m: str) -> Org | None:
        """The mention is just an organisation's name ('The GMB union', 'Kirklees Council')."""
        core = re.sub(r"^(?:the|a)\s+", "", m, flags=re.IGNORECASE)
        whole = self.kn.find_orgs(core)
        if whole and whole[0][0] == 0 and whole[0][1] >= len(core) - 2:
            return whole[0][2]  # an alias as a whole: "Unite the Union"
        core = re.sub(r"^(?:[\w-]+\s+){0,2}(?:trade\s+)?union,?\s+(?:the\s+)?", "", core,
                      flags=re.IGNORECASE)  # "Fellow union the GMB", "union Unite"
        core = re.sub(r"\s+(?:union|trade union)$", "", core, flags=re.IGNORECASE) \
            if not core.lower().endswith("social workers union") else core
        found = self.kn.find_orgs(core)
        if found and found[0][0] == 0 and found[0][1] >= len(core.rstrip("’'s")) - 2:
            return found[0][2]
        councils = _council_mentions(core)
        if councils and len(councils[0][1]) >= len(core) - 2:
            return Org(self._council_name(councils[0][1]), "council")
        place = re.sub(r"\s*&\s*", " and ", core).strip()
        if place in self.kn.councils:  # "Brighton & Hove said": the council of that place
            return Org(self._council_name(self.kn.councils[place]), "council")
        return None

    def remember(self, r: Resolved) -> None:
        self.history.append(r)
        if r.kind == "person":
            self.known[r.speaker] = r
