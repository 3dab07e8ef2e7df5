"""Titles, particles and nouns that help recognise speakers."""

from __future__ import annotations

import re

# Written before a name as a form of address ("Senator Kelly", "Dr Das"); never part
# of the canonical name. "Gen" without a full stop is deliberately absent: "Gen
# Nakatani" is a given name.
HONORIFICS = frozenset(
    """dr dr. doctor mr mr. mrs mrs. ms ms. miss mx prof prof. professor sir dame lord lady
    rev rev. reverend fr fr. father sen sen. senator rep rep. representative gov gov.
    governor pres pres. president gen. general lt lt. lieutenant col col. colonel capt capt.
    captain maj maj. major sgt sgt. sergeant adm adm. admiral cmdr commander judge justice
    mayor minister secretary ambassador chancellor premier king queen prince princess pope
    sheikh chairman chairwoman chair commissioner inspector detective officer director dean
    speaker superintendent constable sheriff cardinal bishop archbishop mufti imam rabbi
    pastor assemblyman assemblywoman assemblymember councilman councilwoman councillor
    councilor coach monsignor msgr msgr. coun coun. monsenor monseñor const const. cst cst. cpl cpl.
    corporal insp insp. supt supt. det det. staff-sgt""".split()
)

# Police ranks: whoever holds one is "the officer" too ("Const. Jason Doan … the officer").
POLICE_RANKS = frozenset(
    """const constable cst cpl corporal sgt sergeant insp inspector supt superintendent det
    detective staff-sgt officer chief""".split()
)

# Written before a name as a description ("Actor Brendan Fraser", "NASA administrator Jim
# Bridenstine"): a role, never part of the name, and nobody's form of address.
ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson leader nominee candidate manager adviser advisor
    aide analyst editor correspondent chief head ceo founder executive strategist economist
    attorney lawyer prosecutor whip administrator secretary-general envoy actor actress
    scientist immunologist epidemiologist virologist physician surgeon broadcaster
    businessman businesswoman entrepreneur legislator lawmaker co-author author co-developer
    developer mp mep mla mpp mha mna singer comedian novelist historian researcher journalist columnist
    podcaster commentator filmmaker astronaut physicist scholar activist billionaire owner
    magnate mogul tycoon""".split()
)

TITLES = HONORIFICS | ROLE_WORDS

# What a title's holder is called again once named: "Sen. Marco Rubio … the senator",
# "Rep. Nancy Pelosi … the congresswoman", "MLA Jane Doe … the lawmaker". Keys are
# title words lower-cased without their full stop; each holder also keeps the word itself.
_TITLE_FORMS = """
sen senator: senator lawmaker legislator
rep representative congressman congresswoman congressmember: representative congressman
    congresswoman lawmaker legislator
mp mla mpp mha mna mep assemblyman assemblywoman assemblymember legislator: lawmaker
    legislator
coun councillor councilor councilman councilwoman councilmember alderman alderwoman:
    councillor councilor councilman councilwoman councilmember
gov governor: governor
pres president: president
gen general: general
lt lieutenant: lieutenant
col colonel: colonel
capt captain: captain
maj major: major
sgt sergeant: sergeant
adm admiral: admiral
cmdr commander: commander
prof professor: professor
rev reverend: reverend
insp inspector: inspector
supt superintendent: superintendent
det detective: detective
const cst constable: constable
cpl corporal: corporal
msgr monsignor: monsignor
dr doctor: doctor physician
chairman chairwoman chair chairperson: chair chairman chairwoman chairperson
spokesman spokeswoman spokesperson: spokesman spokeswoman spokesperson
"""
TITLE_FORMS: dict[str, frozenset[str]] = {
    key: frozenset(forms.split())
    for keys, forms in (
        line.split(":") for line in re.sub(r"\n\s+", " ", _TITLE_FORMS).strip().splitlines()
    )
    for key in keys.split()
}


def title_forms(word: str) -> frozenset[str]:
    """The words a holder of title ``word`` is called by ("Sen." -> senator, lawmaker)."""
    low = word.lower().rstrip(".")
    return TITLE_FORMS.get(low, frozenset()) | {low}


PARTICLES = frozenset(
    "de da del della der di du van von la le bin ibn al el st. st dos das".split()
)

PRONOUNS = {
    "he": "m",
    "she": "f",
    "they": "p",
    "it": "n",
    "we": "p",
    "i": "s",
}

# Head nouns of descriptive speaker phrases: "a spokesperson for the ministry".
SPEAKER_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman spokespeople official officials source sources
    minister ministry department agency police company firm group campaign party analyst
    analysts expert experts critic critics researcher researchers scientist scientists
    economist economists lawyer lawyers attorney attorneys prosecutor prosecutors judge
    witness witnesses resident residents lawmaker lawmakers senator senators president
    governor mayor chairman chairwoman chief director executive ceo leader leaders voter
    voters supporter supporters democrats republicans aide aides adviser advisers advisor
    advisors statement report reports study studies poll polls survey surveys court administration
    government committee council board union organization organisation association
    commission office team staff member members candidate nominee secretary ambassador
    professor doctor doctors author authors writer editor columnist host anchor network
    newspaper magazine website spokespersons officer officers investigators investigator
    authorities authority people person man woman men women activist activists manager
    managers employee employees worker workers student students teacher teachers parent
    parents organizers organisers observers observer diplomat diplomats commander
    military army navy data research article paper letter memo documents document filing
    complaint lawsuit release operator operators owner owners founder cofounder father
    mother son daughter wife husband friend friends neighbor neighbour neighbors
    neighbours family relatives colleague colleagues historian historians pollster
    pollsters strategist strategists commentator commentators observer insiders insider
    representative representatives delegate delegates nation country state states city
    agency sheriff coroner prosecutor's spokesperson's results footage video videos
    records analysis figures numbers estimates census opponents proponents advocates
    speakers veterans donors protesters demonstrators participants attendees respondents
    americans conservatives liberals progressives evangelicals scholars legislators
    congressmen fans users citizens many some others few executives activists
    republicans democrats leaders panel jury tribunal regulators regulator inspector
    auditors auditor watchdog average averages tally slide slides chart charts
    eyewitness eyewitnesses bystander bystanders onlooker onlookers passerby candidates
    nominees forecasters organizations organisations sides specialists engineers physicians
    pilots farmers soldiers rescuers firefighters survivors victims governors mayors
    ministers academics campaigners pundits""".split()
)

# Heads of a description that is one person: "a security guard", "the 57-year-old scientist".
ONE_PERSON_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman official source analyst expert critic
    researcher scientist economist lawyer attorney prosecutor witness eyewitness resident
    lawmaker aide adviser advisor professional officer investigator person man woman
    activist manager employee worker student teacher parent observer diplomat operator
    owner neighbour neighbor friend colleague insider representative bystander passerby
    onlooker survivor victim driver passenger customer executive engineer nurse
    paramedic firefighter organizer organiser volunteer guard""".split()
)

# Where words are posted, never who posts them: "took a shot on Twitter: “…”".
PLATFORMS = frozenset(
    "Twitter Facebook Instagram YouTube TikTok Reddit LinkedIn Telegram WhatsApp Weibo WeChat "
    "Snapchat Parler Mastodon".split()
)

# A capitalised word that starts a sentence but is not a name.
NOT_NAMES = frozenset(
    """the a an this that these those it its he she they we i you his her their our my
    your but and or so yet if when while after before as because although though since
    in on at by for from with without about into over under of to up down out off then
    there here what who whom whose which where why how all some many most much more both
    each every either neither no not one two three four five six seven eight nine ten
    also still even just only now today yesterday tomorrow monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december meanwhile however moreover according mr mrs ms
    dr prof last next first second third new other such should would could can might must
    shall do does did is are was were has have had within amid amidst among amongst
    despite during through throughout across against along around toward towards upon
    unlike via later earlier finally afterwards afterward subsequently previously
    separately additionally similarly likewise recently initially ultimately eventually
    currently instead""".split()
)

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen lt col capt maj sgt adm cmdr gov sen rep pres
    rev fr hon inc co corp ltd llc bros vs etc no nos vol jan feb mar apr jun jul aug sep
    sept oct nov dec est approx dept univ assn ave blvd rd e.g i.e a.m p.m u.s u.k u.n
    u.s.a d.c e.u al const cst coun insp supt det cpl msgr atty""".split()
)
