"""Rules for reported speech whose subject comes first: "Das noted that …", "Das said the …"."""

from __future__ import annotations

import re

from claimcheck.extract.attribute.base import (
    MAX_CUES,
    MAX_REPORTED_CHARS,
    TOLD_WHOM,
    TRAILING_ADJUNCT,
    WH,
    RawClaim,
    SentenceCtx,
    cues,
    lead_ok,
    reported,
    speaker_before,
    speaker_of_cue_before,
    starts_clause,
    strip_end,
    strip_final_stop,
    words,
)
from claimcheck.extract.attribute.inverted_rules import ADVERBIAL_OPENER, split_adding
from claimcheck.extract.attribute.quote_rules import THAT
from claimcheck.extract.cues import CueHit, content_after
from claimcheck.extract.patterns import WEEKDAY
from claimcheck.extract.phrases import PREP_SPLIT
from claimcheck.extract.subjects import Subject, subject_at, subject_before
from claimcheck.lexicon.cues import FORMS, OBJECT_ONLY
from claimcheck.lexicon.names import SPEAKER_NOUNS

_RELATIVE_LEAD = re.compile(r"\b(which|that|what)\s+$")

_MODIFIED = re.compile(
    r"(?<![\w’'-])(?P<np>(?:(?:[Tt]he|[Aa]n?|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[A-Z][\w’'-]*)\s+)?"
    r"(?:[\w’'-]+\s+){0,3}?(?P<head>[A-Za-z][a-z]+))\s+(?P<mod>who|whose|that|which|[a-z]+ing|"
    r"released|published|conducted|issued|familiar\s+with|close\s+to|briefed\s+on|involved\s+in|"
    r"knowledgeable\s+about|with\s+(?:direct\s+|first-?hand\s+|detailed\s+)?knowledge\s+of)\b"
    r"[^,;:“”\"]{3,120}$"
)

# "Those surveyed said", "most voters polled say": a survey's respondents, no complement.
_RESPONDENTS = re.compile(
    r"(?<![\w’'-])(?P<np>(?:[Tt]hose|(?:(?:[Mm]ost|[Mm]any|[Ss]ome|[Aa]ll|[Tt]he)\s+)?"
    r"(?:[a-z]+\s+)?(?:people|voters|respondents|residents|adults|Americans|Canadians|members|"
    r"women|men|workers|parents|students|experts|economists|businesses))"
    r"\s+(?:surveyed|polled|interviewed|questioned))$"
)


# What follows a cue when it says only when: "reported Friday morning, local time."
_TIME_ONLY = re.compile(
    rf"\s*(?:on\s+|late\s+|early\s+)?(?:{WEEKDAY}|yesterday|today|tonight|last\s+night)"
    r"(?:\s+(?:morning|afternoon|evening|night))?(?:\s*,?\s*local\s+time(?:\s*\([^()]{1,20}\))?)?[\s.,;!?]*"
)


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s,]*$")


def _cue_before(s: SentenceCtx, pos: int) -> bool:
    """Whether the word before ``pos`` is a cue ("said that", "showed that")."""
    m = _WORD_BEFORE.search(s.text, max(s.start, pos - 24), pos)
    return m is not None and m.group(1).lower() in FORMS


def subject_cue_content(s: SentenceCtx) -> list[RawClaim] | None:
    """Das noted that …  /  Dr. Arnab Dasgupta, a research analyst at …, noted …"""
    found: list[RawClaim] = []
    for cue in cues(s):
        if cue.lemma == "according to":
            continue
        if cue.manner_only and _THAT_NEXT.match(s.text, cue.end) is None:
            continue  # "Scott joked that …" reports; a bare "he joked" only frames a quote
        if cue.clause_only and cue.lemma not in _NP_TOO:
            # Cheap test first: a clause-only cue needs "that", a quotation or a clause.
            a0 = content_after(s.text, cue, s.end)
            if not (
                THAT.search(s.text[cue.end : a0])
                or WH.match(s.text, a0)
                or any(a0 <= q.start for q in s.quotes)
                or starts_clause(s.text, a0, s.end)
            ):
                continue
        if _COMMA_ING.match(s.text, max(s.start, cue.start - 2)) and speaker_of_cue_before(s, cue):
            continue  # "…, the company said, adding that …": participle_cue's, with that speaker
        subj = speaker_before(s.text, s.start, cue.start, loose=cue.speech)
        weak = False
        if subj is None and not cue.speech:
            # Any determiner phrase may hold a belief or make a call ("the group wants …"),
            # but such a weak speaker never takes a quotation.
            subj = subject_before(s.text, s.start, cue.start, loose=True)
            if subj is not None and not _weak_speaker_ok(s, subj, cue):
                subj = None
            weak = subj is not None
        rule = "subject-cue-content"
        opened = False  # the subject follows a cue's "that": "CNN reported that Jane Roe …"
        if subj is not None and (cue.speech or cue.lemma in _EVIDENCE):
            rel = _RELATIVE_LEAD.search(s.text, max(s.start, subj.start - 12), subj.start)
            if rel is not None and not cue.speech and rel.group(1) != "what":
                rel = None  # only "what organizers estimated at …" is a clause of its own
            if rel is not None and rel.group(1) == "that" and _cue_before(s, rel.start(1)):
                rel, opened = None, True  # the content of the cue before, no relative clause
            if rel is not None:
                # "a list which the campaign says includes 2.7 million names"
                a, b = strip_end(s.text, rel.start(1), s.end)
                # The clause ends at a comma, or at the dash closing an aside
                # ("— which the BBC noted as unusual — “…”").
                m_end = _RELATIVE_END.search(s.text[cue.end : b])
                if m_end is not None:
                    b = cue.end + m_end.start()
                b = strip_final_stop(s.text, a, b)
                if words(s.text, cue.end, b) >= 2:
                    found.append(reported(s, a, b, subj, cue, "relative-clause-cue"))
                continue
        if (
            (cue.speech or cue.lemma in _EVIDENCE)
            and (subj is None or subj.kind != "pronoun")
            and not opened
        ):
            mod = _modified_subject(s, cue)
            if mod is not None and (subj is None or mod.start < subj.start):
                subj = mod
        if subj is None or not (subj.kind == "relative" or lead_ok(s.text[s.start : subj.start])):
            subj = _coordinated_subject(s, cue)
            rule = "coordinated-cue"
            if subj is None:
                continue
        lead = s.text[s.start : subj.start].rstrip()
        if subj.role and lead[:-1].rstrip().endswith(subj.role) and lead.endswith(","):
            # "The mayor, Ana Ruiz, said Sunday that …": the role before the name is the
            # speaker's, not a lead-in of content before a parenthetical cue.
            lead = lead[:-1].rstrip()[: -len(subj.role)].rstrip()
        if (
            lead.endswith(",")
            and s.text[cue.end : cue.end + 2].lstrip().startswith(",")
            and (len(lead.split()) >= 3 or _VERB_NEXT.match(s.text, cue.end))
            and not ADVERBIAL_OPENER.match(lead[:-1])
        ):
            # "Riding alone, they said, can be hazardous"; "The museum, Mr. Obama said,
            # would …": a parenthetical cue, and the short lead is the content's subject.
            continue
        if (
            cue.tell_like
            and lead.endswith(",")
            and len(lead.split()) >= 4
            and not ADVERBIAL_OPENER.match(lead[:-1])
            and _WHOM_THEN_END.match(s.text, cue.end, s.end)
        ):
            # "A total of 39 are dead, officials told state media, adding that …": whom
            # they told is no content; the clause before is (content_then_cue's).
            continue
        if cue.lemma == "go on" and _COMMA_CLAUSE.match(s.text, cue.end):
            continue  # "As the funeral went on, Trump tweeted …": time passing, no words
        then = _TO_VERB.match(s.text, cue.end) if cue.lemma == "go on" else None
        if then is not None and then.group(1).lower() not in FORMS and then.group(1) not in _TALK:
            continue  # "He went on to serve in the House": a career, not more words
        if (
            _PASSIVE_TO.match(s.text, cue.end)
            and cue.lemma in _PASSIVE_ONLY
            and s.text[cue.start : cue.end].endswith("ed")
        ):
            continue  # "A man suspected to have supplied the gun": a passive, no source
        a = content_after(s.text, cue, s.end)
        if (
            cue.lemma in ("call", "describe")
            and s.text[cue.end : a].strip() == "that"
            and s.text.startswith(("“", '"', "''", "as "), a)
        ):
            a = cue.end + 1  # "called that “beyond preposterous”": "that" is what was called so
        if _TIME_ONLY.fullmatch(s.text, a, s.end):
            continue  # "…, police reported Friday morning, local time.": when, not what
        if s.text.startswith("by ", a) or _CONJ_START.match(s.text, a):
            # "numbers reported by the agency": a passive, the agent follows;
            # "5 percent support of the black vote, but has …": a noun, then a new clause.
            continue
        if lead.rstrip('”"').endswith(",") and TRAILING_ADJUNCT.match(s.text, cue.end, s.end):
            continue  # "…, Mr. Obama said in his interview.": the content came first
        if (
            lead.rstrip('”"').endswith(",")
            and cue.lemma == "tell"
            and len(lead.split()) >= 3
            and not ADVERBIAL_OPENER.match(lead[:-1])
            and not any(q.open_at > cue.end for q in s.quotes)
            and TOLD_WHOM.match(s.text, cue.end)
            and not THAT.search(s.text, cue.end, s.end)
        ):
            continue  # "…, President Obama told his advisers as he labored": content first
        if (
            cue.lemma in _WRITE_ON
            and _TOPIC.match(s.text, a)
            and not starts_clause(s.text, a, s.end)
        ):
            # "She writes about style", "Trump tweeted about delaying the election": a
            # subject written on, not what was written.
            continue
        has_that = bool(THAT.search(s.text[cue.end : a]))
        end = s.end
        for w in _WITH_SPEAKING.finditer(s.text, a, end):
            if any(c.start == w.start("cue") and c.speech for c in cues(s)):
                # "Critics said the plan was bad, with Senator Ana Ruiz saying …", "…, with
                # analyst Kevin Bonham having declared it …": the absolute "with" clause
                # is another speaker's (participle_cue's), not this content.
                end = w.start()
                break
        however = _HOWEVER_CLAUSE.search(s.text, a, end)
        if however is not None:
            end = however.start()  # "…, however Bonham noted …": a new clause, a new speaker
        if subj.kind == "relative" or _IN_RELATIVE.search(lead):
            # "Clinton, who called Sanders …, told her supporters": the clause ends at a comma.
            comma = re.search(r"[,;—–]|\s-\s", s.text[a : s.end])
            if comma is not None:
                end = a + comma.start()
        a, b = strip_end(s.text, a, end)
        b = strip_final_stop(s.text, a, b)
        if words(s.text, a, b) < 3:
            continue
        has_quote = any(a <= q.start and q.end <= b for q in s.quotes)
        if cue.lemma == "dismiss" and not _AS_QUOTE.search(s.text, a, b):
            continue  # "dismissed the lawsuit", "dismissed the claims as false": no words reported
        if weak and has_quote:
            continue
        if cue.lemma in OBJECT_ONLY and not (
            has_that
            or has_quote
            or s.text.startswith("to ", a)
            or _AS_WORD.search(s.text, a, b)
            or starts_clause(s.text, a, b)
        ):
            continue  # "Erdogan also attacked the proclamation": an object, nothing reported
        evidence = (cue.lemma in _EVIDENCE and _noun_head(subj) in _DOCUMENTS) or (
            cue.lemma in ("call", "describe", "dismiss") and _NAMING.match(s.text, a, b) is not None
        )
        if cue.clause_only and not (
            has_that
            or has_quote
            or evidence
            or starts_clause(s.text, a, b)
            or (cue.stance == "ask" and WH.match(s.text, a))
        ):
            continue
        parts = split_adding(s, a, b, subj, cue, rule)
        if (
            cue.clause_only
            and len(parts) == 2
            and parts[0].kind == "indirect"
            and parts[1].kind == "quote"
            and parts[1].form == "direct"
            and not (
                has_that
                or evidence
                or starts_clause(s.text, parts[0].start, parts[0].end)
                or s.text.startswith("to ", parts[0].start)
                or (cue.stance == "ask" and WH.match(s.text, parts[0].start))
            )
        ):
            # "recounted the night of the fire, saying: “…”": the quotation is the
            # participle's; what is left of the clause-only cue is only its object.
            parts = parts[1:]
        for c in parts:
            c = _trimmed(s, c)
            found.append(_named(s, c) if c.cue is not None and c.cue.lemma in _NAMING_CUES else c)
    return found or None


_THAT_NEXT = re.compile(r"\s+that\b")

# A reason inside a relative clause: "The woman, who requested anonymity because she
# feared reprisals, said …" (what she feared ends with the clause, at its comma).
_IN_RELATIVE = re.compile(r",\s+(?:who|whose|which)\s[^,;]*\bbecause$")


_RELATIVE_END = re.compile(r"[,;]|\s(?:--|[—–])")

_TOPIC = re.compile(r"(?:about|on)\s")
_HOWEVER_CLAUSE = re.compile(r",\s+however\s+(?=[A-Z])")
# ", with Senator Ana Ruiz saying", ", with analyst Kevin Bonham having declared".
_WITH_SPEAKING = re.compile(
    r",\s+with\s+(?:[\w’'.-]+\s+){1,5}?(?:having\s+)?(?P<cue>[a-z]+(?:ing|ed))\b"
)
_TO_VERB = re.compile(r"\s+to\s+([a-z]+)\b")
# Verbs of talk that are no cues themselves: "went on to discuss recent polls".
_TALK = frozenset("discuss talk speak mention address thank praise".split())
# "suspected to have", "believed to be", "alleged of": in -ed with no object, a passive.
_PASSIVE_TO = re.compile(r"\s+(?:to\s+(?:have|be)|of)\b")
_PASSIVE_ONLY = frozenset("suspect believe allege report think know say consider expect".split())

# A comma, then no quotation: the clause after it is the sentence's main one.
_COMMA_CLAUSE = re.compile(r",\s*(?![“\"'‘])")
_WRITE_ON = frozenset("write tweet post blog".split())
_AS_QUOTE = re.compile(r"\bas\s+[“\"]")
_AS_WORD = re.compile(r"\bas\s")
_ON_TOPIC = frozenset("comment write speak remark".split())

_VERB_NEXT = re.compile(
    r",\s*(?:would|will|could|can|should|may|might|must|is|was|are|were|has|have|had)\s"
)

# Whom a "told" names, then the sentence's end or a participle of its own ("…, adding").
_WHOM_THEN_END = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|[A-Z][\w’'.&-]*|[a-z]+)\s+){0,3}?[\w’'.&-]+"
    r"(?:\s*,\s*(?-i:[a-z]+ing)\b|\s*[.!?]?\s*$)"
)

_COMMA_ING = re.compile(r",\s(?-i:[a-z]+ing)\b")

_CONJ_START = re.compile(r"(?:but|and|or|which|who)\b")


_NAMING_CUES = frozenset("call describe label brand characterize characterise dismiss".split())

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
    end = strip_end(s.text, c.start, m.start())[1]
    return reported(s, c.start, end, c.subject, c.cue, c.rule)


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
    return reported(s, c.start, end, c.subject, c.cue, c.rule)


def _clause_end(s: SentenceCtx, a: int, b: int) -> int:
    for m in _CLAUSE_BREAK.finditer(s.text, a, b):
        if any(x <= m.start() < y for x, y in s.blocked):
            continue
        if words(s.text, a, m.start()) < 3:
            continue
        if m.group().lstrip(", ").startswith("and") and not starts_clause(s.text, m.end(), b):
            continue  # "…, the Quad, and the Free and Open Indo-Pacific": a list, not a clause
        return strip_end(s.text, a, m.start())[1]
    return b


_MODIFIED_STOPS = ',;:“”"'

_POLLED = ("surveyed", "polled", "interviewed", "questioned")

_MODIFIER_HINTS = (
    "who",
    "ing",
    "that",
    "which",
    "released",
    "published",
    "conducted",
    "issued",
    "familiar",
    "close to",
    "briefed",
    "involved",
    "knowledgeable",
    "knowledge of",
)


# The stop characters as commas: one rfind finds the last of them. The hints as one
# pattern: a search for any of them, without a generator of substring tests.
_STOPS_AS_COMMA = str.maketrans(dict.fromkeys(_MODIFIED_STOPS, ","))
_MODIFIER_HINT = re.compile("|".join(re.escape(h) for h in _MODIFIER_HINTS))


def _modified_subject(s: SentenceCtx, cue: CueHit) -> Subject | None:
    """ "executives who have worked with him say", "activists clamoring for a change say"."""
    lo = max(s.start, cue.start - 160)
    left = s.text[lo : cue.start].rstrip()
    # Cheap necessary condition first: the "who"/"-ing" word and everything after
    # it up to the cue contain none of the pattern's stop characters.
    tail = left[left.translate(_STOPS_AS_COMMA).rfind(",") + 1 :]
    # Neither pattern matches a stop character, and both end at the end: a match lies
    # in the tail, so the searches start there (the lookbehinds still see before it).
    tail_at = len(left) - len(tail)
    polled = _RESPONDENTS.search(left, tail_at) if any(w in tail for w in _POLLED) else None
    if polled is not None and lead_ok(s.text[s.start : lo + polled.start("np")]):
        a = lo + polled.start("np")
        return Subject(a, lo + polled.end("np"), polled.group("np"), "noun", None)
    if not _MODIFIER_HINT.search(tail):
        return None
    m = _MODIFIED.search(left, tail_at)
    if m is None:
        return None
    head = m.group("head").lower()
    # "a 2014 study that appeared in the journal found …": documents find and show.
    if not (head in SPEAKER_NOUNS or (cue.lemma in _EVIDENCE and head in _DOCUMENTS)):
        return None
    if not lead_ok(s.text[s.start : lo + m.start("np")]):
        return None
    a = lo + m.start("np")
    np_text = m.group("np")
    lead = _NP_OPENER.match(np_text)
    if lead is not None:
        # "But executives who run news organizations say": the conjunction is no part of it.
        a += lead.end()
        np_text = np_text[lead.end() :]
    if m.group("mod").split()[0] in _ADJECTIVE_MODIFIERS:
        # "people familiar with the talks": the phrase says who they are, all of it, when
        # it is short and holds no verb ("people familiar with her thinking say she now").
        phrase = left[a - lo :]
        rest = phrase[phrase.find(m.group("mod")) :].split()
        if len(rest) > 9 or any(w.lower() in FORMS for w in rest):
            return None
        return Subject(a, lo + len(left), phrase, "noun", None)
    return Subject(a, lo + m.end("np"), np_text, "noun", None)


_NP_OPENER = re.compile(r"(?:(?:But|And|and|So|Yet|Still|Now|Also|Meanwhile)\b,?\s+)+")

_ADJECTIVE_MODIFIERS = frozenset(
    ["familiar", "close", "briefed", "involved", "knowledgeable", "with"]
)


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


# Times and events hold no belief: "The following election in 2013 saw a victory",
# "The Netflix show sees three strangers move in", "The weekend saw …". A work that
# is written stays a source ("The book alleges that …").
_NO_MIND = frozenset(
    """election elections year years week weeks month months day days weekend season decade
    century period era game match race show section event festival tournament night
    morning afternoon evening quarter""".split()
)


def _weak_speaker_ok(s: SentenceCtx, subj: Subject, cue: CueHit) -> bool:
    """ "The group wants …" yes; "their mutual support for …" (a noun, not a verb) no."""
    words = subj.text.split()
    if not 2 <= len(words) <= 5 or words[0].lower() not in _WEAK_DETS:
        return False
    chunk = PREP_SPLIT.split(subj.text)[0].split() or words
    # "the Supreme Court this month rejected": a time adjunct, not the head.
    adjunct = len(chunk) >= 2 and chunk[-2].lower() in ("this", "last", "next", "that", "every")
    if chunk[-1].lower() in _NO_MIND and not adjunct:
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
        if subj.kind != "relative" and not lead_ok(s.text[s.start : subj.start]):
            continue
        a, b = strip_end(s.text, m.end(), s.end)
        b = strip_final_stop(s.text, a, b)
        if words(s.text, a, b) < 3:
            continue
        cue = CueHit(m.start("verb"), m.end("verb"), verb, "assert")
        return [reported(s, a, b, subj, cue, "verb-that")]
    return None
