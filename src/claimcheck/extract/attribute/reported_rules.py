"""Rules for reported speech with a verb cue: "Das noted that …", "…, Das said."."""

from __future__ import annotations

import re

from claimcheck.extract.attribute.base import (
    MAX_CUES,
    MAX_REPORTED_CHARS,
    RawClaim,
    SentenceCtx,
    _cues,
    _finished,
    _is_adjunct,
    _lead_ok,
    _reported,
    _starts_clause,
    _strip_end,
    _strip_final_stop,
    _words,
)
from claimcheck.extract.attribute.quote_rules import _THAT
from claimcheck.extract.cues import CueHit, content_after, find_cues
from claimcheck.extract.patterns import WEEKDAY
from claimcheck.extract.subjects import Subject, speaker_after, subject_at, subject_before
from claimcheck.lexicon.cues import FORMS, SPEECH, VERBS
from claimcheck.lexicon.names import SPEAKER_NOUNS


def subject_cue_content(s: SentenceCtx) -> list[RawClaim] | None:
    """Das noted that …  /  Dr. Arnab Dasgupta, a research analyst at …, noted …"""
    found: list[RawClaim] = []
    for cue in _cues(s):
        if cue.lemma == "according to":
            continue
        if cue.manner_only and _THAT_NEXT.match(s.text, cue.end) is None:
            continue  # "Scott joked that …" reports; a bare "he joked" only frames a quote
        if cue.clause_only and cue.lemma not in _NP_TOO:
            # Cheap test first: a clause-only cue needs "that", a quotation or a clause.
            a0 = content_after(s.text, cue, s.end)
            if not (
                _THAT.search(s.text[cue.end : a0])
                or _WH.match(s.text, a0)
                or any(a0 <= q.start for q in s.quotes)
                or _starts_clause(s.text, a0, s.end)
            ):
                continue
        if _COMMA_ING.match(s.text, max(s.start, cue.start - 2)) and _speaker_of_cue_before(s, cue):
            continue  # "…, the company said, adding that …": participle_cue's, with that speaker
        subj = subject_before(s.text, s.start, cue.start, loose=cue.speech)
        weak = False
        if subj is None and not cue.speech:
            # Any determiner phrase may hold a belief or make a call ("the group wants …"),
            # but such a weak speaker never takes a quotation.
            subj = subject_before(s.text, s.start, cue.start, loose=True)
            if subj is not None and not _weak_speaker_ok(s, subj, cue):
                subj = None
            weak = subj is not None
        rule = "subject-cue-content"
        if subj is not None and cue.speech:
            rel = _RELATIVE_LEAD.search(s.text, max(s.start, subj.start - 12), subj.start)
            if rel is not None:
                # "a list which the campaign says includes 2.7 million names"
                a, b = _strip_end(s.text, rel.start(1), s.end)
                m_end = re.search(r"[,;]", s.text[cue.end : b])
                if m_end is not None:
                    b = cue.end + m_end.start()
                b = _strip_final_stop(s.text, a, b)
                if _words(s.text, cue.end, b) >= 2:
                    found.append(_reported(s, a, b, subj, cue, "relative-clause-cue"))
                continue
        if (cue.speech or cue.lemma in _EVIDENCE) and (subj is None or subj.kind != "pronoun"):
            mod = _modified_subject(s, cue)
            if mod is not None and (subj is None or mod.start < subj.start):
                subj = mod
        if subj is None or not (subj.kind == "relative" or _lead_ok(s.text[s.start : subj.start])):
            subj = _coordinated_subject(s, cue)
            rule = "coordinated-cue"
            if subj is None:
                continue
        lead = s.text[s.start : subj.start].rstrip()
        if (
            lead.endswith(",")
            and s.text[cue.end : cue.end + 2].lstrip().startswith(",")
            and (len(lead.split()) >= 3 or _VERB_NEXT.match(s.text, cue.end))
            and not _ADVERBIAL_OPENER.match(lead[:-1])
        ):
            # "Riding alone, they said, can be hazardous"; "The museum, Mr. Obama said,
            # would …": a parenthetical cue, and the short lead is the content's subject.
            continue
        a = content_after(s.text, cue, s.end)
        if s.text.startswith("by ", a) or _CONJ_START.match(s.text, a):
            # "numbers reported by the agency": a passive, the agent follows;
            # "5 percent support of the black vote, but has …": a noun, then a new clause.
            continue
        if lead.rstrip('”"').endswith(",") and _TRAILING_ADJUNCT.match(s.text, cue.end, s.end):
            continue  # "…, Mr. Obama said in his interview.": the content came first
        has_that = bool(_THAT.search(s.text[cue.end : a]))
        end = s.end
        if subj.kind == "relative":
            # "Clinton, who called Sanders …, told her supporters": the clause ends at a comma.
            comma = re.search(r"[,;—–]|\s-\s", s.text[a : s.end])
            if comma is not None:
                end = a + comma.start()
        a, b = _strip_end(s.text, a, end)
        b = _strip_final_stop(s.text, a, b)
        if _words(s.text, a, b) < 3:
            continue
        has_quote = any(a <= q.start and q.end <= b for q in s.quotes)
        if weak and has_quote:
            continue
        evidence = (cue.lemma in _EVIDENCE and _noun_head(subj) in _DOCUMENTS) or (
            cue.lemma in ("call", "describe") and _NAMING.match(s.text, a, b) is not None
        )
        if cue.clause_only and not (
            has_that
            or has_quote
            or evidence
            or _starts_clause(s.text, a, b)
            or (cue.stance == "ask" and _WH.match(s.text, a))
        ):
            continue
        for c in _split_adding(s, a, b, subj, cue, rule):
            c = _trimmed(s, c)
            found.append(_named(s, c) if c.cue is not None and c.cue.lemma in _NAMING_CUES else c)
    return found or None


_THAT_NEXT = re.compile(r"\s+that\b")
_VERB_NEXT = re.compile(
    r",\s*(?:would|will|could|can|should|may|might|must|is|was|are|were|has|have|had)\s"
)
_COMMA_ING = re.compile(r",\s(?-i:[a-z]+ing)\b")
_CONJ_START = re.compile(r"(?:but|and|or|which|who)\b")


# A cue's own circumstances ending the sentence: "in his interview", "on Monday".
_TRAILING_ADJUNCT = re.compile(
    r"\s+(?:(?:in|at|during|after|before)\s+(?:an?|the|his|her|their|its)\b[^,;:“”\"]{0,60}"
    rf"|(?:on\s+)?{WEEKDAY}\b[^,;:“”\"]{{0,30}}"
    r"|(?:last|this)\s+(?:week|month|year|weekend|morning|afternoon|evening)"
    r"|earlier|later|yesterday|today|tonight)\s*[.!?]?\s*$"
)


_NAMING_CUES = frozenset("call describe label brand characterize characterise".split())
_AFTER_NAME = re.compile(
    rf",|\s+(?:during|on|at|while|when|after|before|in|but|and|as|last|this|{WEEKDAY})\b"
)


def _named(s: SentenceCtx, c: RawClaim) -> RawClaim:
    """ "called Clinton a “disgrace” Wednesday on the radio": the naming ends with its quotes."""
    closes = [q.close_at for q in s.quotes if c.start <= q.start and q.end <= c.end]
    if not closes or c.subject is None or c.cue is None:
        return c
    # After the last quotation: "a “bully,” a “narcissist”" is one list of names.
    m = _AFTER_NAME.search(s.text, max(closes), c.end)
    if m is None:
        return c
    end = _strip_end(s.text, c.start, m.start())[1]
    return _reported(s, c.start, end, c.subject, c.cue, c.rule)


# Where reported content gives way to the writer: a contrasting clause ("…, but
# he said witnesses saw a gun"), a new clause after "and", or a participle
# phrase describing the consequences.
_CLAUSE_BREAK = re.compile(
    r",\s+(?:but|though|although|yet|whereas|even though|even as)\b"
    r"|\s+(?:while|whereas)\s+(?=[a-z\d]*\s*\d|[A-Z]|he\b|she\b|they\b|it\b|the\b)"
    r"|,\s+and\s+(?=(?:he|she|they|it|we|I|the|[A-Z][\w’'-]+)\s)"
    r"|,\s+(?:sending|forcing|prompting|leaving|making|causing)\b"
)


def _trimmed(s: SentenceCtx, c: RawClaim) -> RawClaim:
    end = _clause_end(s, c.start, c.end)
    if end == c.end or c.subject is None or c.cue is None:
        return c
    return _reported(s, c.start, end, c.subject, c.cue, c.rule)


def _clause_end(s: SentenceCtx, a: int, b: int) -> int:
    for m in _CLAUSE_BREAK.finditer(s.text, a, b):
        if any(x <= m.start() < y for x, y in s.blocked):
            continue
        if _words(s.text, a, m.start()) < 3:
            continue
        if m.group().lstrip(", ").startswith("and") and not _starts_clause(s.text, m.end(), b):
            continue  # "…, the Quad, and the Free and Open Indo-Pacific": a list, not a clause
        return _strip_end(s.text, a, m.start())[1]
    return b


# "questioned whether …", "wondered why …": a question's content is a wh-clause.
_WH = re.compile(r"(?:whether|if|how|why|what|who|when|where)\b")


_RELATIVE_LEAD = re.compile(r"\b(which|that|what)\s+$")


_MODIFIED = re.compile(
    r"(?<![\w’'-])(?P<np>(?:(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[A-Z][\w’'-]*)\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?(?P<head>[A-Za-z][a-z]+))\s+(?:who|whose|that|which|[a-z]+ing|"
    r"released|published|conducted|issued)\b"
    r"[^,;:“”\"]{3,120}$"
)


_MODIFIED_STOPS = ',;:“”"'
_MODIFIER_HINTS = ("who", "ing", "that", "which", "released", "published", "conducted", "issued")


def _modified_subject(s: SentenceCtx, cue: CueHit) -> Subject | None:
    """ "executives who have worked with him say", "activists clamoring for a change say"."""
    lo = max(s.start, cue.start - 160)
    left = s.text[lo : cue.start].rstrip()
    # Cheap necessary condition first: the "who"/"-ing" word and everything after
    # it up to the cue contain none of the pattern's stop characters.
    tail = left[max(left.rfind(c) for c in _MODIFIED_STOPS) + 1 :]
    if not any(w in tail for w in _MODIFIER_HINTS):
        return None
    m = _MODIFIED.search(left)
    if m is None:
        return None
    head = m.group("head").lower()
    # "a 2014 study that appeared in the journal found …": documents find and show.
    if not (head in SPEAKER_NOUNS or (cue.lemma in _EVIDENCE and head in _DOCUMENTS)):
        return None
    if not _lead_ok(s.text[s.start : lo + m.start("np")]):
        return None
    a = lo + m.start("np")
    return Subject(a, lo + m.end("np"), m.group("np"), "noun", None)


# "The poll showed Clinton taking a lead": documents show a noun phrase too.
_EVIDENCE = frozenset({"show", "find", "suggest", "indicate", "reveal", "estimate"})


_NP_TOO = _EVIDENCE | {"call", "describe"}


_DOCUMENTS = frozenset(
    """poll polls survey surveys study studies report reports data research analysis
    results figures numbers records footage video videos document documents filing
    review audit estimate estimates census average averages tally slide slides chart
    charts memo""".split()
)


def _noun_head(subj: Subject) -> str:
    words = re.split(r"\s+(?:of|for|by|from|in|on|at)\s+", subj.text)[0].split()
    return words[-1].lower().strip("’'s") if words else ""


_WEAK_DETS = frozenset("the a an some many most several other both these those".split())


def _weak_speaker_ok(s: SentenceCtx, subj: Subject, cue: CueHit) -> bool:
    """ "The group wants …" yes; "their mutual support for …" (a noun, not a verb) no."""
    words = subj.text.split()
    if not 2 <= len(words) <= 5 or words[0].lower() not in _WEAK_DETS:
        return False
    form = s.text[cue.start : cue.end].split()[0].lower()
    return form != cue.lemma.split()[0] or words[-1].lower().endswith("s")


# "called Trump a fascist", "described the plan as a failure": naming someone something.
_NAMING = re.compile(
    r"(?:him|her|it|them|himself|herself|themselves|[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}|"
    r"(?:the|his|her|their|its)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+(?:as\s+)?(?:a|an|the)\b"
)


_AND_BEFORE = re.compile(r"(?:,\s*|\s+)(?:and|but)(?:\s+(?:also|then|later|now|still))?\s*$")


def _coordinated_subject(s: SentenceCtx, cue: CueHit) -> Subject | None:
    """He visited the plant and said the jobs would stay: the sentence's subject speaks."""
    if not cue.speech or not _AND_BEFORE.search(s.text, max(s.start, cue.start - 20), cue.start):
        return None
    subj = subject_at(s.text, s.start, cue.start)
    if subj is None or subj.kind not in ("name", "pronoun", "noun") or subj.end >= cue.start - 5:
        return None
    return subj


def participle_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """Das spoke at length about the budget, saying it was fair to all."""
    for cue in _cues(s):
        if not s.text[cue.start : cue.end].split()[0].endswith("ing"):
            continue
        if cue.stance == "believe" and not cue.speech:
            continue  # "…, seeking documents": an action, not speech
        if not s.text[s.start : cue.start].rstrip().endswith((",", " by")):
            continue
        subj = _speaker_of_cue_before(s, cue)
        a = content_after(s.text, cue, s.end)
        if subj is not None and not (
            _THAT.search(s.text, cue.end, a)
            or (_starts_clause(s.text, a, s.end) and not _WH.match(s.text, a))
        ):
            # "…,” he said, referring to the country's official name: no claim, and
            # the quotation may go on after it.
            continue
        subj = subj or _clause_subject(s, cue.start)
        if subj is None:
            continue
        a, b = _strip_end(s.text, a, s.end)
        b = _strip_final_stop(s.text, a, b)
        if _words(s.text, a, b) >= 3:
            return [_reported(s, a, b, subj, cue, "participle-cue")]
    return None


def _clause_subject(s: SentenceCtx, end: int) -> Subject | None:
    """The subject that opens the sentence, after an opening phrase ("In August, …")."""
    subj = subject_at(s.text, s.start, end)
    if subj is not None:
        return subj
    comma = s.text.find(",", s.start, end)
    if comma < 0 or not _is_adjunct(s.text[s.start : comma + 1]):
        return None
    pos = comma + 1
    while pos < end and s.text[pos] == " ":
        pos += 1
    return subject_at(s.text, pos, end)


_JUST_BEFORE = re.compile(r"[^,;:“”\"]{0,40},\s*$")


def _speaker_of_cue_before(s: SentenceCtx, cue: CueHit) -> Subject | None:
    """ "…, the company said, adding that …": the participle's speaker is that cue's."""
    prev = None
    for c in _cues(s):
        if c.end > cue.start:
            break
        prev = c
    if prev is None or not prev.speech:
        return None
    if _JUST_BEFORE.fullmatch(s.text, prev.end, cue.start) is not None:
        subj = subject_before(s.text, s.start, prev.start, loose=True)
        if subj is not None and subj.kind != "relative":
            return subj
    if _INVERTIBLE.match(s.text[prev.start : prev.end]) and _INVERTED_GAP.fullmatch(
        s.text, prev.end, cue.start
    ):
        # "…,” said Don Ytterberg, the party's county chairman, explaining that …"
        return speaker_after(s.text, prev.end, cue.start)
    return None


# What may follow an inverted cue's speaker: the sentence's end, a comma, or a circumstance.
_INVERTED_TAIL = re.compile(
    r"\s*(?:[,.;:!?—–)]|--|$|(?:on|in|at|during|after|before|of|from|for|with|to|last|this|"
    rf"earlier|later|yesterday|today|tonight|{WEEKDAY})\b)"
)
_ROLE_AFTER = re.compile(r",\s*[^,;:“”\"]{2,160}?(?=[,.;]|$)")
_INVERTED_GAP = re.compile(r"[^;:“”\"()]{2,200},\s*")


# Verbs that stand before their speaker: "…, said Das", "…, says the report".
_INVERTIBLE = re.compile(
    r"(?:said|says|added|wrote|told|asked|explained|noted|continued|"
    r"recalled|argued|insisted|warned|replied|observed|stated|declared)$"
)


def content_then_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """The figures were provisional, Das said.  /  The figures, Das said, were provisional."""
    for cue in _cues(s):
        if cue.lemma == "according to" or s.text[cue.start : cue.end].split()[0].endswith("ing"):
            continue
        before = s.text[s.start : cue.start]
        comma = before.rstrip().rfind(",")
        if comma < 0:
            continue
        subj = subject_before(s.text, s.start + comma + 1, cue.start, loose=cue.speech)
        if subj is not None and subj.kind == "relative":
            continue  # "Cho, who endorsed Lee, …": the relative clause is not content
        if subj is not None and len(s.text[s.start + comma + 1 : subj.start].split()) > 2:
            continue  # "…, although brief, opportunity to ask the president he could answer"
        if _LINKED.match(before, comma + 1):
            continue  # "…, but witnesses saw one", "…, which critics dispute": a new clause
        rule = "content-then-cue"
        if subj is None:
            if before[comma + 1 :].strip():
                continue
            if not _INVERTIBLE.match(s.text[cue.start : cue.end]):
                continue
            subj = speaker_after(s.text, cue.end, s.end)
            rule = "content-then-inverted-cue"
            if subj is None or _INVERTED_TAIL.match(s.text, subj.end) is None:
                continue  # "…, said parents still want …": the noun is the content's subject
        a, b = _strip_end(s.text, s.start, s.start + comma)
        if _ADVERBIAL_OPENER.match(s.text[a:b]):
            continue
        after = max(cue.end, subj.end)
        if rule == "content-then-inverted-cue" and subj.role:
            role = _ROLE_AFTER.match(s.text, after, s.end)
            after = role.end() if role is not None else after
        tail = s.text[after : s.end]
        paren = re.match(r"[^,.;]{0,60},\s*(?=\S)", tail)
        if paren and _speech_participle(tail, paren.end()):
            pass  # "…, the company said, adding that …": the participle is a claim of its own
        elif paren and _TRAILING_ADJUNCT.match(s.text, after + paren.end() - 1, s.end):
            pass  # "…, said Das, the party's leader, on Monday.": a circumstance, no content
        elif paren and _words(s.text, after + paren.end(), s.end) >= 2:
            rule = "parenthetical-cue"
            b = s.end
        elif len(tail.split()) > 8:
            continue
        found = _finished(s, a, b, subj, cue, rule)
        if found:
            return found
    return None


def _speech_participle(text: str, pos: int) -> bool:
    """Whether a cue in "-ing" ("adding", "noting", "citing") starts at ``pos``.

    Not a belief or plan: "…, seeking to embrace …" is an action (see participle_cue).
    """
    m = _WORD.match(text, pos)
    if m is None or not m.group().endswith("ing"):
        return False
    lemma = FORMS.get(m.group())
    return lemma is not None and (VERBS[lemma] != "believe" or lemma in SPEECH)


_WORD = re.compile(r"[a-z]+")


_LINKED = re.compile(r"\s*(?:but|and|or|yet|so|which|whom|while|whereas|though|although)\b")


_ADVERBIAL_OPENER = re.compile(
    r"^(?:In|At|On|During|After|Before|Back|When|While|Since|Until|As|From|With|Without|"
    r"Speaking|Asked|Writing|Following|Last|Earlier|Later)\b[^,]{0,80}$"
)


_CONJ_BEFORE = re.compile(
    r"(?:,\s*|\s+)(?:and|but)(?:\s+(?:also|then|later|quickly|again|even))?\s+$"
)


_ING_BEFORE = re.compile(r"(?:,\s*(?:and\s+)?|\s+(?:before|after|while)\s+)$")


def _split_adding(
    s: SentenceCtx, a: int, b: int, subj: Subject, cue: CueHit, rule: str = "subject-cue-content"
) -> list[RawClaim]:
    """“…, adding that …”, “… but denied that …”, “… and called for …” start a second claim."""
    for c in find_cues(s.text, a, b, s.blocked):
        if c.manner_only or c.lemma == "according to":
            continue
        before = s.text[max(a, c.start - 30) : c.start]
        ing = s.text[c.start : c.end].split()[0].endswith("ing")
        if not (_ING_BEFORE.search(before) if ing else _CONJ_BEFORE.search(before)):
            continue
        second_a = content_after(s.text, c, b)
        if _words(s.text, second_a, b) < 2:
            continue
        first_end = _strip_end(s.text, a, c.start)[1]
        conj = re.search(
            r"(?:,\s*)?(?:\b(?:and|but|before|after|while)\b[\s\w]*)?$", s.text[a:first_end]
        )
        if conj is not None and conj.start() > 0:
            first_end = _strip_end(s.text, a, a + conj.start())[1]
        if _words(s.text, a, first_end) < 2:
            continue
        second_a, b2 = _strip_end(s.text, second_a, b)
        return [
            _reported(s, a, first_end, subj, cue, rule),
            *_split_adding(
                s, second_a, b2, subj, c, "participle-cue" if ing else "coordinated-cue"
            ),
        ]
    return [_reported(s, a, b, subj, cue, rule)]


_VERB_THAT = re.compile(r"\b(?P<verb>[a-z]{3,}(?:ed|es|s))\s+that\s+(?=[a-zA-Z])")


_NOT_SPEECH_VERBS = frozenset(
    """was has does is goes means seems appears becomes remains ensures requires needs
    makes takes gives proves helps shows causes includes allows""".split()
)


def verb_that(s: SentenceCtx) -> list[RawClaim] | None:
    """Lee conceded that …: any finite verb with a speaker subject and a that-clause."""
    if s.end - s.start > MAX_REPORTED_CHARS or s.text.find(" that ", s.start, s.end) < 0:
        return None
    for n, m in enumerate(_VERB_THAT.finditer(s.text, s.start, s.end)):
        if n >= MAX_CUES:
            break
        verb = m.group("verb")
        if verb in FORMS or verb in _NOT_SPEECH_VERBS or verb.endswith("ness"):
            continue
        if any(a <= m.start() < b for a, b in s.blocked):
            continue
        subj = subject_before(s.text, s.start, m.start("verb"))
        if subj is None or subj.kind not in ("name", "pronoun", "noun", "relative"):
            continue
        if subj.kind != "relative" and not _lead_ok(s.text[s.start : subj.start]):
            continue
        a, b = _strip_end(s.text, m.end(), s.end)
        b = _strip_final_stop(s.text, a, b)
        if _words(s.text, a, b) < 3:
            continue
        cue = CueHit(m.start("verb"), m.end("verb"), verb, "assert")
        return [_reported(s, a, b, subj, cue, "verb-that")]
    return None
