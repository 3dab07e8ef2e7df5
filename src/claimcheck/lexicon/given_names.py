"""Given names that news almost always writes of one gender: the last resort for he/she.

The document's own words come first (``extract.gender``: a title, a kin word, the
pronoun the article uses right after the name). Only when the article says
nothing does a person's given name count, and only a name in these lists: common
in English- and French-language news and borne overwhelmingly by one gender.
Names borne by many of both ("Jordan", "Taylor", "Alex", "Jean", "Robin",
"Kelly", "Casey", "Morgan", "Dominique", "Claude") are left out on purpose.
The lists were written for this project (no name data set is copied).
"""

from __future__ import annotations

import unicodedata

FEMALE = frozenset(
    """
    sylvie ginette karine manon lucie josee francoise jocelyne johanne lise patty
    abigail ada adriana agnes aileen aisha alexandra alice alicia alina alison
    allison amanda amber amelia amy ana anastasia angela angelina anita ann anna
    anne annette annie antoinette april ariana audrey barbara beatrice becky
    belinda bernadette beth bethany betty beverly bianca bonnie brenda brianna bridget
    brittany brooke camila candace carla carmen carol caroline carolyn catherine cathy
    cecilia celine charlene charlotte chantal cheryl chloe christina christine
    cindy claire clara claudia colleen crystal cynthia daisy danielle daphne
    dawn deborah debbie debra denise diana diane dolores donna doris dorothy eileen
    elaine eleanor eleanore elena elisabeth elise eliza elizabeth ella ellen eloise
    emilie emily emma erica erin esther eva evelyn fatima fiona florence frances
    francine gabrielle genevieve georgia geraldine gina gisele giselle gloria grace
    gretchen gwen hannah harriet hayley heather heidi helen helene hillary holly hope
     ingrid irene iris isabel isabella isabelle  jacqueline jane janet janice
    jasmine jeanne jeannette jennifer jenny jessica jill joan joanna joanne jocelyn
    josephine joy joyce judith judy julia julie juliet justine  karen karin
    katharine katherine kathleen kathryn kathy katie katrina kayla kellie kimberly
    kirsten kristen kristin kristina laura lauren laurie leah leila lena lillian
    lily linda lisa liz lois lori lorraine louise lucia lucy lydia
    madeleine madison mallory mara marcia margaret margarita maria marianne marie
    marilyn marjorie marlene martha martine mary maryam maureen megan melanie
     melissa meredith mia michaela michele michelle mildred miranda miriam
    molly monica monique nadia nancy naomi natalie natasha nathalie nicole nikki nina
    nora norma olga olivia pamela patricia paula pauline peggy penelope penny phyllis
    priscilla rachel rebecca regina renee rita roberta rosa rosalind rose rosemary
    ruth sabrina sally samantha sandra sara sarah serena sharon sheila shelley sherry
    shirley simone sofia sonia sophia sophie stacey stephanie susan suzanne sylvia
    tamara tammy tanya teresa theresa tiffany tina ursula valerie vanessa
    vera veronica victoria violet virginia vivian wanda wendy whitney yolanda yvonne
    zoe
    """.split()
)

MALE = frozenset(
    """
    francois stephane sebastien frederic mathieu olivier denis benoit alain gilles
    rejean etienne nicolas
    aaron abdul abraham adam adrian ahmed alan albert alberto alejandro alexander
    alfonso alfred ali allen alvin amir andre andrew andy angelo anthony antonio arnold
    arthur barry ben benjamin bernard bernie bill billy bob bobby boris brad
    bradley brandon brendan brett brian bruce bryan byron calvin carl carlos cecil
    chad charles charlie christian christopher chuck clarence clark clifford
    clint colin conrad craig curtis dale dan daniel danny darrell darren darrin dave
    david dean dennis derek desmond dick don donald doug douglas duncan dustin dwight
    earl eddie edgar eduardo edward edwin elijah elliott emmanuel eric erik ernest
    ethan eugene evan felix fernando francis francisco frank franklin fred frederick
    gabriel garry gary gavin gene geoffrey george gerald gerard gilbert glen glenn
    gordon graham greg gregory guillaume gustavo guy  harold harry harvey hector
    henry herbert howard hugh hugo ian isaac ivan jack jacob jacques jake james jared
    jason javier jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny
    jon jonathan jorge jose joseph josh joshua juan julian justin keith ken kenneth
    kevin kurt kyle lance larry lawrence leo leon leonard leroy lewis liam lloyd louis
    lucas luis luke malcolm marc marcel marco marcus mario mark martin marvin matt
    matthew maurice max maxime melvin michael miguel mike mitch mitchell mohammad
    mohammed muhammad nathan neil nelson nicholas nick nigel noah norman oliver omar
    oscar otto owen pablo patrick paul pedro peter phil philip philippe pierre rafael
    ralph randall randy raul ray raymond reginald rex ricardo richard rick ricky rob
    robert roberto rodney roger roland ron ronald ross roy rudy russell ryan samuel
    scott sean sergei sergio seth shane shawn simon stanley stephen steve steven stuart
    ted terrence theodore thomas tim timothy todd tom tommy tony travis trevor
    troy tyler victor vincent vladimir walter warren wayne wesley william willie xavier
    yves zachary
    """.split()
)


def gender_of(given: str) -> str | None:
    """ "m", "f" or None for a given name as written ("Michelle" -> "f").

    Accents do not change the name ("Mélanie", "Valérie", "Stéphane" are in the lists
    without them); a French double given name has the gender of its first part, and
    "Jean-" opens men's names ("Jean-Yves", "Marie-Claude").
    """
    low = given.lower()
    if low in FEMALE:
        return "f"
    if low in MALE:
        return "m"
    folded = _fold(low)
    if folded != low:
        return gender_of(folded)
    first, dash, rest = low.partition("-")
    if dash and rest.isalpha() and first.isalpha():
        return "m" if first == "jean" else gender_of(first)
    return None


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
