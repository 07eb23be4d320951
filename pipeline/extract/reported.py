"""Indirect (reported) and mixed speech: "X said (that) [..]", "[..], X said", "according to X,
[..]", "X accused [Y of ..]", "X urged/called on [Y to ..]", "X is demanding [a 10% rise]"."""
from __future__ import annotations

import re

from pipeline.extract.frames import clean_speaker
from pipeline.extract.verbs import verb_class, verb_regex
from pipeline.text.segment import trim, word_count

_BE_BEFORE = re.compile(r"(?:\b(?:was|were|been|be|being|is|are|am)\s+)$", re.IGNORECASE)
_BAD_BEFORE = re.compile(r"(?:\b(?:to|not|never|the|a|an|of|this|these|those|its|their|his|her|"
                         r"our|your|my|widely|reportedly|allegedly|so-called|what)\s*)$", re.IGNORECASE)
_SKIP_AFTER = re.compile(
    r"^(?:\s*(?:,|today|yesterday|tonight|also|previously|repeatedly|earlier|later|again|"
    r"recently|(?:last|this|next)\s+(?:week|month|year|night|morning|afternoon|evening|weekend|"
    r"summer|spring|autumn|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"on\s+\w+day(?:\s+\w+)?|in\s+(?:a|its|their|his|her)\s+"
    r"(?:statement|letter|report|email|post|tweet|interview|response)(?:\s+(?:to|on)\s+[^,]{1,40})?|"
    r"in\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|\d{4})|at\s+the\s+time|on\s+(?:twitter|x|facebook|social\s+media)|"
    r"to\s+(?:the\s+)?(?:bbc|press|media|reporters|journalists|[A-Z][\w’']+(?:\s+[A-Z][\w’']+)*)|"
    r"(?:via|through)\s+[A-Z][\w]+|publicly|privately|openly|however|though|now))+", re.IGNORECASE)
_TOLD_OBJECT = re.compile(
    r"^\s*(?:him|her|them|us|me|reporters|journalists|members|staff|councillors|the\s+"
    r"[\w’'-]+(?:\s+[A-Z][\w’'-]+)*|[A-Z][\w’'&.-]*(?:\s+(?:of\s+)?[A-Z][\w’'&.-]*)*)\s*")
_THAT = re.compile(r"^\s*that\s+(?!(?:was|is|were|would|will|had|has|could|should|might|may|"
                   r"meant|means|seemed|seems|sounds|sounded)\b)", re.IGNORECASE)
_BAD_START = re.compile(r"^(?:to|of|for|in|on|at|by|with|from|about|into|over|as|and|or|but|so|"
                        r"up|out|off|down|nothing|no\s+more|goodbye|sorry|hello|thanks|"
                        r"thank|it\s+all|everything|something|anything|otherwise|more|less|"
                        r"this\s*\.|what|which|how|why|when|where|whether|if)\b", re.IGNORECASE)
_CONTINUATION = re.compile(r"(?:,?\s+(?:but|and|while|adding|saying|as\s+it|as\s+they)\s+"
                           r"(?:(?:it|he|she|they|also|has|have|had|that)\s+)*)$", re.IGNORECASE)
_CONJ = re.compile(r"(?:,\s*|\s+)(?:but|and|while|whereas|although|though|yet|as)\s+", re.IGNORECASE)
_OUTLET = re.compile(r"\b(?:BBC|ITV|Sky News|the Guardian|the Times|the Independent|this paper|"
                     r"this newspaper|the paper|we)\s*$", re.IGNORECASE)
_ACCORDING_FRONT = re.compile(r"^(?P<lead>.*?)\b[Aa]ccording to (?P<who>[^,]{2,80}),\s*(?P<rest>.+)$")
_ACCORDING_BACK = re.compile(r"^(?P<content>.+?),?\s+according to (?P<who>[^,.;]{2,80})[.!?]?$")
_SUBJECT_HINT = re.compile(
    r"\b(?:[A-Z][\w’'&-]+|he|she|they|it|we|union|unions|council|councils|spokes\w+|members?|"
    r"workers?|staff|leaders?|officials?|bosses|organisers?|secretary|representatives?|reps?|"
    r"officers?|employers?|authority|government|ministers?|statement|report|inspectors?|"
    r"residents?|parents?|carers?|strikers|colleagues|chiefs|managers?|management|director|"
    r"councillors?|mayor|chair\w*|convenor|steward|body|agency|company|firm|group|parties|sides)\b")


def _content_after(text: str, pos: int, send: int, verb: str, cls: str) -> int | None:
    """Where the reported content starts after a verb ending at ``pos`` (None: no content)."""
    rest = text[pos:send]
    if cls in ("accuse", "urge", "demand"):
        m = re.match(r"^\s*", rest)
        return pos + m.end() if rest.strip() else None
    i = 0
    m = _SKIP_AFTER.match(rest)
    if m:
        i = m.end()
    if verb.lower().startswith("told"):
        m = _TOLD_OBJECT.match(rest[i:])
        if m and not _THAT.match(rest[i:]):
            i += m.end()
            m2 = _SKIP_AFTER.match(rest[i:])
            if m2:
                i += m2.end()
    m = _THAT.match(rest[i:])
    after_that = bool(m)
    if m:
        i += m.end()
    while i < len(rest) and rest[i] in " ,\t":
        i += 1
    if i >= len(rest) or rest[i] == ":" or rest[i] in "“\"‘'" and _starts_direct(rest[i:]):
        return None
    if not after_that and _BAD_START.match(rest[i:]):
        return None
    return pos + i


def _starts_direct(rest: str) -> bool:
    """'said: "..."' or 'said "..."' where the quote runs to the sentence end is a direct quote."""
    r = rest.lstrip(": ")
    if not r or r[0] not in "“\"‘'":
        return False
    close = {"“": "”", '"': '"', "‘": "’", "'": "'"}[r[0]]
    j = r.find(close, 1)
    return j < 0 or not r[j + 1:].strip(" .,!?;…") or j > len(r) * 0.7


def reported_in_sentence(text: str, ss: int, se: int, quoted: list[tuple[int, int]]) -> list[dict]:
    """Indirect/mixed statements found in one sentence ``text[ss:se]``."""
    out: list[dict] = []
    sent = text[ss:se]

    def in_quote(i: int) -> bool:
        return any(a <= i < b for a, b in quoted)

    m = _ACCORDING_FRONT.match(sent)
    if m and m.group("rest"):
        rs = ss + m.start("rest")
        out.append(_stmt(text, rs, _content_end(text, rs, se), m.group("who"), "according to"))
        return out
    m = _ACCORDING_BACK.match(sent)
    if m and word_count(m.group("content")) >= 3:
        lead = re.match(r"^(?:[A-Z][\w\s]{0,30}?,\s*)?", sent)
        out.append(_stmt(text, ss, ss + m.end("content"), m.group("who"), "according to"))
        return out

    matches = [vm for vm in verb_regex().finditer(text, ss, se) if not in_quote(vm.start())]
    clause_start = ss
    for vm in matches:
        vs, ve = vm.start(), vm.end()
        verb = vm.group(0)
        cls = verb_class(verb)
        left = text[clause_start:vs]
        if verb.lower() in ("understands", "understand") and _OUTLET.search(left):
            continue  # the outlet's own knowledge ("The BBC understands") is not a statement
        progressive = verb.lower().split()[0].endswith("ing")  # "is demanding", "are calling for"
        if (_BE_BEFORE.search(left) and not progressive) or _BAD_BEFORE.search(left):
            continue
        # "..., the council said." / "..., said the union." : content before the verb
        tail = text[ve:se].strip(" .!?”’\"'")
        back = re.search(r",\s*([^,]{0,80}?)\s*$", text[ss:vs])
        if back is not None and cls == "speech" and (word_count(tail) <= 8 and not re.search(
                r"\bthat\b", tail)) and word_count(text[ss:ss + back.start()]) >= 3 and (
                (tail == "" and back.group(1).strip()) or (_is_name_like(tail) and not
                                                            re.match(r"^[:“\"‘']", tail))):
            who = back.group(1).strip() or tail
            cs, ce = trim(text, ss, ss + back.start(), " \t,“”\"‘’'")
            if text[ss] in "“\"‘'" and (ss, ce) and _quoted_whole(text, ss, ss + back.start()):
                continue  # a direct quote with its attribution: handled as direct
            out.append(_stmt(text, cs, ce, who, verb))
            clause_start = ve
            continue
        cstart = _content_after(text, ve, se, verb, cls)
        if cstart is None:
            continue
        if text[cstart] in "“\"‘'" and any(a == cstart + 1 and b >= se - 3 for a, b in quoted):
            continue  # 'said "....".': a direct quote, not reported speech
        subj = text[clause_start:vs]
        cont = _CONTINUATION.search(subj)
        if out and cont and cont.start() <= len(subj) and word_count(subj[:cont.start()]) <= 0:
            pass
        if not subj.strip() or not _SUBJECT_HINT.search(subj[-80:]):
            if out and _CONTINUATION.search(text[ss:vs]):
                subj = ""
            else:
                continue
        if out and out[-1]["end"] > vs:
            # a second reporting verb inside the previous content: "said A but warned that B",
            # "says A, whereas the council says B"
            prev = out[-1]
            conj = None
            for conj in _CONJ.finditer(text, prev["start"], vs):
                pass
            if conj is None:
                continue
            own = clean_speaker(text[conj.end():vs].strip(" ,"))
            if own and (len(own.split()) > 8 or not _SUBJECT_HINT.search(own)):
                continue
            prev["end"] = trim(text, prev["start"], conj.start(), " ,;")[1]
            who = own or prev["cue"].get("speaker_text")
        else:
            who = clean_speaker(subj)
            if verb.lower().endswith("ing") and re.search(r",\s*$", subj):
                # "..., warning that": the main clause's subject speaks
                who = out[-1]["cue"].get("speaker_text") if out else clean_speaker(
                    re.split(r"\s+(?:is|are|was|were|has|have|had|will|would)\b", text[ss:vs])[0])
        ce = _content_end(text, cstart, se)
        if ce - cstart < 2 or word_count(text[cstart:ce]) < 2:
            continue
        out.append(_stmt(text, cstart, ce, who, verb))
        clause_start = ve
    return out


def _quoted_whole(text: str, s: int, e: int) -> bool:
    seg = text[s:e].strip(" ,")
    return len(seg) > 2 and seg[0] in "“\"‘'" and seg[-1] in "”\"’'"


def _is_name_like(s: str) -> bool:
    return bool(re.match(r"^(?:[A-Z][\w’'&.-]*|the|a|an|its|their|his|her|of|for|at|and|in|"
                         r"[a-z]+\s+(?:at|for|of)\b|spokes\w+|he|she|they|it|we)", s)) and word_count(s) <= 12


def _content_end(text: str, cs: int, se: int) -> int:
    seg = text[cs:se]
    m = re.search(r",?\s+according to\b", seg)
    end = cs + m.start() if m else se
    s, e = trim(text, cs, end, " \t")
    while e > s and text[e - 1] in ".;:,":
        e -= 1
    # a closing quote that belongs to a quoted fragment stays; a lone trailing one does not
    return e


def _stmt(text: str, s: int, e: int, who: str | None, verb: str) -> dict:
    s, e = trim(text, s, e, " \t,")
    return {"start": s, "end": e, "type": "indirect",
            "cue": {"kind": "reported", "verb": re.sub(r"\s+", " ", verb.lower()),
                    "speaker_text": clean_speaker(who) if who else None}}
