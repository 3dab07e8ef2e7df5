"""Reporting cues by lemma, each tagged with what it means.

Word forms are generated from the lemma (plus a short table of irregular
forms) so that a new lemma brings all its inflections: a hand-written list of
forms is how other extractors silently lost "found" and "spoke".
"""

from __future__ import annotations

from typing import Literal

Stance = Literal["assert", "deny", "ask", "believe"]

# lemma -> stance. Multi-word lemmas are verb + particle ("point out").
VERBS: dict[str, Stance] = {
    **dict.fromkeys(
        """say tell add note explain emphasize emphasise highlight stress warn argue insist
        acknowledge write tweet state claim declare announce report confirm observe remark
        comment reply respond answer continue conclude suggest recall admit contend maintain
        assert allege reveal predict promise pledge vow testify caution complain concede agree
        repeat reiterate estimate indicate disclose mention post boast joke quip sigh shout yell
        scream whisper murmur exclaim retort counter recount underline underscore urge advise
        accuse charge blast slam criticize criticise praise lament concede assure announce
        inform brief show find conclude describe call demand propose threaten vow guarantee
        proclaim confide explain elaborate clarify specify confess""".split(),
        "assert",
    ),
    **dict.fromkeys(
        """accuse condemn denounce cite blame defend endorse recommend
        applaud hail slam mock ridicule acknowledge agree offer express attack echo request
        encourage tout portray decry assail challenge scoff snap chuckle laugh gush muse mutter
        grumble marvel rave plead laud commend label brand characterize characterise
        liken lambaste castigate rebuke scold fault excoriate berate chant compliment""".split(),
        "assert",
    ),
    # "dismissed the inquiry as “Witch Hunt garbage”": a judgement naming its object.
    "dismiss": "assert",
    # "a statement which read, in part, “…”": only after a written thing (extract.cues).
    "read": "assert",
    "call for": "assert",
    "weigh in": "assert",
    "lay out": "assert",
    "make clear": "assert",
    "go after": "assert",
    "call on": "assert",
    "refer to": "assert",
    "talk about": "assert",
    "speak about": "assert",
    "point out": "assert",
    "point to": "assert",
    "go on": "assert",
    "write in": "assert",
    "deny": "deny",
    "reject": "deny",
    "dispute": "deny",
    "refute": "deny",
    "rebut": "deny",
    "ask": "ask",
    "question": "ask",
    "wonder": "ask",
    "inquire": "ask",
    "enquire": "ask",
    **dict.fromkeys(
        """believe think feel hope fear expect suspect doubt worry reckon want plan intend
        seek consider prefer know support oppose favor favour see view decide refuse""".split(),
        "believe",
    ),
}

# Cues that need a content clause after them; on their own they are ordinary verbs
# ("show", "find", "call") and would otherwise turn narration into reported speech.
CLAUSE_ONLY = frozenset(
    "show find describe call demand propose threaten guarantee continue charge answer "
    "maintain post count inform brief expect hope fear feel think believe doubt "
    "worry suspect reckon question wonder add dismiss recount".split()
)

# Cues of judgement or stance whose bare object reports nothing ("Erdogan also
# attacked the proclamation", "He favored European integration"): they report only
# with a clause, a quotation, "to" or "as" ("attacked the plan as “a giveaway”").
# Not "criticize" (PolNeAR annotates "criticized the decision", all F1@0.3 fell
# 0.0003) nor "seek" ("sought a second opinion" is a request, tests/cases/cues.txt).
OBJECT_ONLY = frozenset("attack favor favour".split())

# Verbs of saying proper: their subject is a speaker whatever its head noun
# ("the ad’s narrator says"); other cues need a recognised speaker phrase.
SPEECH = frozenset(
    """say tell add note explain write tweet state claim declare announce report confirm
    insist argue warn stress emphasize emphasise acknowledge reply respond ask deny recall
    conclude admit suggest comment remark observe reiterate repeat testify quip joke sigh
    shout yell whisper murmur exclaim retort scoff snap chuckle laugh gush muse mutter grumble
    marvel rave confess""".split()
) | {"point out"}

# Verbs of saying whose subject is a written thing ("a statement which read, “…”",
# extract.cues keeps no other "read"). Kept out of SPEECH: a "read" elsewhere in a
# phrase ("his message … read out on Friday") is not a clause of saying.
SAID_BY_WRITING = frozenset({"read"})

# Documents an issuer puts out to speak ("Acme issued a statement"): such a document
# speaks for its issuer (extract.documents, extract.subjects).
ISSUED_WRITINGS = frozenset(
    "statement release letter memo email notice announcement communique communiqué".split()
)

# Written things whose words a "read" can report ("a banner reading “…”").
READ_WRITINGS = ISSUED_WRITINGS | frozenset(
    """post tweet message note sign banner placard caption e-mail text headline plaque
    inscription card poster sticker t-shirt shirt""".split()
)

# Cues that may only stand after a quote or in an inverted cue ("…," he sighed).
MANNER_ONLY = frozenset(
    """sigh shout yell scream whisper murmur exclaim quip joke laugh scoff snap chuckle gush
    muse mutter grumble marvel rave""".split()
)

IRREGULAR: dict[str, tuple[str, ...]] = {
    "read": ("read",),
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "feel": ("felt",),
    "find": ("found",),
    "go": ("went", "gone"),
    "show": ("showed", "shown"),
    "see": ("saw", "seen"),
    "make": ("made",),
    "lay": ("laid",),
    "speak": ("spoke", "spoken"),
    "put": ("put",),
    "quip": ("quipped", "quipping"),
    "seek": ("sought",),
    "know": ("knew", "known"),
}


def inflections(verb: str) -> set[str]:
    """Regular English inflections of a verb, plus the irregular table.

    >>> sorted(inflections("deny"))
    ['denied', 'denies', 'deny', 'denying']
    >>> sorted(inflections("say"))
    ['said', 'say', 'saying', 'says']
    >>> sorted(inflections("agree"))
    ['agree', 'agreed', 'agreeing', 'agrees']
    >>> sorted(inflections("admit"))
    ['admit', 'admits', 'admitted', 'admitting']
    """
    forms = {verb}
    if verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith("ee"):
        forms |= {verb + "s", verb + "d", verb + "ing"}  # agreed, agreeing
    elif verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
        if _doubles_final(verb):
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
            forms.discard(verb + "ed")
            forms.discard(verb + "ing")
    if verb in IRREGULAR:
        forms.discard(verb + "ed")
        forms.discard(verb + "d")
        forms |= set(IRREGULAR[verb])
    return forms


# Two-syllable verbs stressed on the last syllable double like one-syllable ones;
# spelling cannot tell them from "answer" or "counter", so they are listed.
_STRESSED_FINAL = frozenset(
    "admit commit submit permit omit refer prefer infer confer defer deter rebut regret "
    "compel expel propel repel control patrol equip occur".split()
)


def _doubles_final(verb: str) -> bool:
    # CVC one-syllable verbs double their last consonant: "quip" -> "quipped".
    if verb in _STRESSED_FINAL:
        return True
    v = "aeiou"
    return (
        len(verb) <= 4
        and len(verb) >= 3
        and verb[-1] not in v + "wxy"
        and verb[-2] in v
        and verb[-3] not in v
    )


def _build() -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma in VERBS:
        head, _, particle = lemma.partition(" ")
        for form in sorted(inflections(head)):  # one order in every process
            key = f"{form} {particle}" if particle else form
            table.setdefault(key, lemma)
    return table


# word form (lower case, particle included) -> lemma
FORMS: dict[str, str] = _build()
MULTIWORD = sorted((f for f in FORMS if " " in f), key=len, reverse=True)

# Phrases that introduce a source without a verb.
ACCORDING_TO = ("according to",)
STATEMENT_FRAMES = ("in a statement", "in an interview", "in a post", "in a tweet", "in a letter")

# What a cue reports (``cue.act``), by lemma; every other lemma reports speech.
# A document as the subject makes it writing or evidence (``extract.acts``).
ACTS: dict[str, str] = {
    **dict.fromkeys("write tweet post publish blog text email read".split(), "writing"),
    "write in": "writing",
    **dict.fromkeys("show find".split(), "evidence"),
    **dict.fromkeys("ask question wonder inquire enquire".split(), "question"),
    **dict.fromkeys(
        """believe think feel hope fear expect suspect doubt worry reckon want consider prefer
        know support oppose favor favour see view""".split(),
        "belief",
    ),
    **dict.fromkeys("plan intend seek decide refuse".split(), "intent"),
}

# Said of the future with "to": "vowed to appeal" is an intention, "vowed that" speech.
INTENT_WITH_TO = frozenset("vow pledge promise threaten agree offer".split())
