"""Rules for reported speech whose cue follows its content or hangs on a participle.

"The figures were provisional, Das said on Monday." (content then cue) and
"On Tuesday, Governor Tony Evers postponed …, citing …" (a participle cue
taking the subject of its clause).
"""

from __future__ import annotations

import re

from claimcheck.extract.attribute.base import (
    INVERTIBLE,
    TOLD_WHOM,
    TRAILING_ADJUNCT,
    WH,
    RawClaim,
    SentenceCtx,
    clause_subject,
    cues,
    finished,
    is_participle,
    reported,
    speaker_of_cue_before,
    starts_clause,
    strip_end,
    strip_final_stop,
    words,
)
from claimcheck.extract.attribute.quote_rules import THAT
from claimcheck.extract.cues import CueHit, content_after, find_cues
from claimcheck.extract.patterns import WEEKDAY
from claimcheck.extract.subjects import Subject, speaker_after, subject_before
from claimcheck.lexicon.cues import FORMS, OBJECT_ONLY, SPEECH, VERBS


def participle_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """Das spoke at length about the budget, saying it was fair to all."""
    for cue in cues(s):
        perfect = s.text.endswith("having ", max(s.start, cue.start - 7), cue.start)
        if not (s.text[cue.start : cue.end].split()[0].endswith("ing") or perfect):
            continue
        if cue.stance == "believe" and not cue.speech:
            continue  # "…, seeking documents": an action, not speech

        if perfect and not s.text[s.start : cue.start - 7].rstrip().endswith(","):
            found = _with_speaker(s, cue, cue.start - 7)
            if found is not None:
                return [found]
            continue
        if not s.text[s.start : cue.start].rstrip().endswith((",", " by")):
            found = _with_speaker(s, cue)
            if found is not None:
                return [found]
            continue
        subj = speaker_of_cue_before(s, cue)
        a = content_after(s.text, cue, s.end)
        if subj is not None and not (
            THAT.search(s.text, cue.end, a)
            or (starts_clause(s.text, a, s.end) and not WH.match(s.text, a))
        ):
            # "…,” he said, referring to the country's official name: no claim, and
            # the quotation may go on after it.
            continue
        subj = subj or _passive_agent(s, cue.start) or clause_subject(s, cue.start)
        if subj is None:
            continue
        a, b = strip_end(s.text, a, s.end)
        b = strip_final_stop(s.text, a, b)
        if words(s.text, a, b) >= 3:
            return [reported(s, a, b, subj, cue, "participle-cue")]
    return None


# "The result was described by Johnson as a “historic mandate”, saying …": the agent
# of the passive is who goes on speaking, not the sentence's grammatical subject.
_PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+by\s+")


def _passive_agent(s: SentenceCtx, at: int) -> Subject | None:
    found = None
    for m in _PASSIVE_BY.finditer(s.text, s.start, at):
        found = m
    if found is None:
        return None
    agent = speaker_after(s.text, found.end(), at)
    if agent is None or agent.kind not in ("name", "noun"):
        return None
    return agent


# "…, with Senator Ana Ruiz saying …": the absolute "with" names who speaks.
_WITH = re.compile(r"(?:^|,\s*)[Ww]ith\s+(?=[A-Za-z])")
# No speaker of its own: "the latter yesterday", "the former" would need the pair before.
_NOT_WITH_SPEAKER = re.compile(
    rf"\b(?:latter|former|yesterday|today|tonight|{WEEKDAY})\b", re.IGNORECASE
)


def _with_speaker(s: SentenceCtx, cue: CueHit, before: int | None = None) -> RawClaim | None:
    """Critics were angry, with Senator Ana Ruiz saying the plan was “a disgrace”.

    ``before``: where the speaker phrase ends, if not at the cue ("having declared")."""
    stop = cue.start if before is None else before
    lo = max(s.start, stop - 80)
    starts = [m.end() for m in _WITH.finditer(s.text, lo, stop)]
    if not starts:
        return None
    at = starts[-1]
    subj = subject_before(s.text, at, stop, loose=cue.speech)
    if subj is None or subj.kind not in ("name", "noun") or "," in s.text[at : subj.start]:
        return None
    if _NOT_WITH_SPEAKER.search(subj.text):
        return None
    if len(s.text[at : subj.start].split()) > 3:
        return None
    a = content_after(s.text, cue, s.end)
    if not (THAT.search(s.text, cue.end, a) or starts_clause(s.text, a, s.end)):
        return None
    a, b = strip_end(s.text, a, s.end)
    b = strip_final_stop(s.text, a, b)
    if words(s.text, a, b) < 3:
        return None
    return reported(s, a, b, subj, cue, "participle-cue")


# What may follow an inverted cue's speaker: the sentence's end, a comma, or a circumstance.
_INVERTED_TAIL = re.compile(
    r"\s*(?:[,.;:!?—–)]|--|$|(?:on|in|at|during|after|before|of|from|for|with|to|last|this|"
    rf"earlier|later|yesterday|today|tonight|who|whose|{WEEKDAY})\b)"
)

# "…, said an American official who spoke on condition of anonymity.": the relative
# clause describes the speaker to the sentence's end, however long.
_WHO_TAIL = re.compile(r"\s+(?:who|whose)\s[^,;:“”\"]*$")

_ROLE_AFTER = re.compile(r",\s*[^,;:“”\"]{2,160}?(?=[,.;]|$)")


def _is_own_role(between: str, subj: Subject) -> bool:
    """ "…, UMWA Director of Government Affairs Phil Smith told POLITICO": the words
    before the name are its role, not the end of a clause."""
    return subj.role is not None and set(between.split()) <= set(subj.role.split())


def content_then_cue(s: SentenceCtx) -> list[RawClaim] | None:
    """The figures were provisional, Das said.  /  The figures, Das said, were provisional."""
    for cue in cues(s):
        if cue.lemma == "according to" or is_participle(s, cue):
            continue
        before = s.text[s.start : cue.start]
        comma = before.rstrip().rfind(",")
        if comma < 0:
            continue
        subj = subject_before(s.text, s.start + comma + 1, cue.start, loose=cue.speech)
        if subj is not None and subj.kind == "relative":
            continue  # "Cho, who endorsed Lee, …": the relative clause is not content
        lead_in = s.text[s.start + comma + 1 : subj.start] if subj is not None else ""
        if subj is not None and len(lead_in.split()) > 2 and not _is_own_role(lead_in, subj):
            continue  # "…, although brief, opportunity to ask the president he could answer"
        if _LINKED.match(before, comma + 1):
            continue  # "…, but witnesses saw one", "…, which critics dispute": a new clause
        rule = "content-then-cue"
        if subj is None:
            if before[comma + 1 :].strip():
                continue
            if not INVERTIBLE.match(s.text[cue.start : cue.end]):
                continue
            subj = speaker_after(s.text, cue.end, s.end) or _role_then_name(s, cue.end)
            rule = "content-then-inverted-cue"
            if subj is None or _INVERTED_TAIL.match(s.text, subj.end) is None:
                continue  # "…, said parents still want …": the noun is the content's subject
        a, b = strip_end(s.text, s.start, s.start + comma)
        if ADVERBIAL_OPENER.match(s.text[a:b]):
            continue
        after = max(cue.end, subj.end)
        if rule == "content-then-inverted-cue" and subj.role:
            role = _ROLE_AFTER.match(s.text, after, s.end)
            after = role.end() if role is not None else after
        tail = s.text[after : s.end]
        if rule == "content-then-cue" and _MODAL.search(s.text, subj.end, cue.start):
            continue  # "…, neither the EU nor the US would endorse the result": its own verb
        if tail[:1] in (" ", ",") and tail.lstrip(" ,").split(" ")[0] in ("who", "whose"):
            if _WHO_TAIL.match(" " + tail.lstrip(" ,").rstrip(" .!?")):
                tail = ""  # the relative clause runs to the end: it only describes
            elif tail[:1] == " ":
                continue  # "…, said officials who were angry, and they left": no aside
        if cue.lemma in OBJECT_ONLY and re.match(r"\s+[\w“\"]", tail):
            continue  # "…, over 220 members favored some form of impeachment": its own object
        paren = re.match(r"[^,.;]{0,60},\s*(?=\S)", tail)
        if paren and _speech_participle(tail, paren.end()):
            pass  # "…, the company said, adding that …": the participle is a claim of its own
        elif paren and TRAILING_ADJUNCT.match(s.text, after + paren.end() - 1, s.end):
            pass  # "…, said Das, the party's leader, on Monday.": a circumstance, no content
        elif paren and _CONTRAST.match(s.text, after + paren.end()):
            pass  # "… hid under tables, he said, but one man ran": the writer's clause follows
        elif paren and _MODAL.search(s.text, subj.end, cue.start):
            continue  # "Somehow, the family will find a way, adds Al Basha": no aside
        elif paren and words(s.text, after + paren.end(), s.end) >= 2:
            rule = "parenthetical-cue"
            b = s.end
        elif len(tail.split()) > 8 and not (
            cue.lemma == "tell" and TOLD_WHOM.match(s.text, cue.end)
        ):
            continue  # a long tail is content of its own, unless "told" names whom
        found = finished(s, a, b, subj, cue, rule)
        if found:
            return found
    return None


# A modal before the cue makes it the sentence's own verb, never an aside like "Das said".
_MODAL = re.compile(r"\b(?:will|would|can|could|may|might|must|should|shall)\b")

_CONTRAST = re.compile(r"(?:but|though|although|yet|whereas)\s")

# "…, said fire Chief John Smith.": lower-case role words, then a titled name.
_LOWER_ROLE = re.compile(r"\s+(?:[a-z][a-z-]+\s+){1,3}(?=[A-Z])")
_FUNCTION_WORD = re.compile(
    r"\b(?:the|a|an|in|on|at|of|to|for|from|by|with|into|across|elsewhere|there|here|"
    r"again|also|then|now|later|earlier|today|yesterday|that|which|who|and|or|but)\b"
)


def _inside_quote(s: SentenceCtx, pos: int) -> bool:
    return any(a <= pos < b for a, b in s.blocked)


def _role_then_name(s: SentenceCtx, pos: int) -> Subject | None:
    """The speaker after an inverted cue when lower-case role words come first."""
    m = _LOWER_ROLE.match(s.text, pos, s.end)
    if m is None:
        return None
    if _FUNCTION_WORD.search(m.group()):
        return None  # "…, continued elsewhere in the US.": circumstances, not a role
    subj = speaker_after(s.text, m.end(), s.end)
    if subj is None or subj.kind != "name" or len(subj.text.split()) < 2:
        return None
    role = s.text[m.start() : subj.start].strip()
    return Subject(subj.start, subj.end, subj.text, "name", subj.role or role)


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

_LINKED = re.compile(
    r"\s*(?:but|and|or|yet|so|which|whom|while|whereas|though|although|however\s+(?=[A-Z]))\b"
)

ADVERBIAL_OPENER = re.compile(
    r"^(?:In|At|On|During|After|Before|Back|When|While|Since|Until|As|From|With|Without|"
    r"Speaking|Asked|Writing|Following|Last|Earlier|Later)\b[^,]{0,80}$"
)

_CONJ_BEFORE = re.compile(
    r"(?:,\s*|\s+)(?:and|but)(?:\s+(?:also|then|later|quickly|again|even))?\s+$"
)

_ING_BEFORE = re.compile(r"(?:,\s*(?:and\s+)?|\s+(?:before|after|while)\s+)$")


def split_adding(
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
        if words(s.text, second_a, b) < 2:
            continue
        first_end = strip_end(s.text, a, c.start)[1]
        conj = re.search(
            r"(?:,\s*)?(?:\b(?:and|but|before|after|while)\b[\s\w]*)?$", s.text[a:first_end]
        )
        if conj is not None and conj.start() > 0:
            first_end = strip_end(s.text, a, a + conj.start())[1]
        if words(s.text, a, first_end) < 2:
            continue
        second_a, b2 = strip_end(s.text, second_a, b)
        return [
            reported(s, a, first_end, subj, cue, rule),
            *split_adding(s, second_a, b2, subj, c, "participle-cue" if ing else "coordinated-cue"),
        ]
    return [reported(s, a, b, subj, cue, rule)]
