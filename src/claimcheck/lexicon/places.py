"""Countries, their people's adjectives and capitals, and other places news names alone.

Verify needs them twice: a single place word ("Canada") is never a speaker's
surname, so it cannot match "Statistics Canada"; and a paraphrase that says
"Washington" for "the U.S. government", or "Mexico" for "the Mexican
government", names the same country. Keys are lower case; ``PLACE_OF`` maps
every form (name, adjective, plural of the adjective, capital) to one key.
"""

from __future__ import annotations

# country (names, '|' between them): adjectives (space-separated), capitals ('/' between them)
_COUNTRIES = """
afghanistan: afghan, kabul
albania: albanian, tirana
algeria: algerian, algiers
argentina: argentine argentinian, buenos aires
armenia: armenian, yerevan
australia: australian aussie, canberra
austria: austrian, vienna
azerbaijan: azerbaijani azeri, baku
bahrain: bahraini, manama
bangladesh: bangladeshi, dhaka
belarus: belarusian, minsk
belgium: belgian,
benin: beninese, porto-novo
bolivia: bolivian, la paz
bosnia: bosnian, sarajevo
brazil: brazilian, brasilia/brasília
bulgaria: bulgarian, sofia
cambodia: cambodian, phnom penh
cameroon: cameroonian, yaoundé
canada: canadian, ottawa
chile: chilean, santiago
china: chinese, beijing
colombia: colombian, bogotá/bogota
congo: congolese, kinshasa
croatia: croatian croat, zagreb
cuba: cuban, havana
cyprus: cypriot, nicosia
czech republic|czechia: czech, prague
denmark: danish dane, copenhagen
ecuador: ecuadorian, quito
egypt: egyptian, cairo
el salvador: salvadoran,
estonia: estonian, tallinn
ethiopia: ethiopian, addis ababa
finland: finnish finn, helsinki
france: french, paris
georgia: georgian, tbilisi
germany: german, berlin
ghana: ghanaian, accra
greece: greek, athens
guatemala: guatemalan,
haiti: haitian, port-au-prince
honduras: honduran, tegucigalpa
hong kong: hongkonger,
hungary: hungarian, budapest
iceland: icelandic icelander, reykjavik
india: indian, new delhi/delhi
indonesia: indonesian, jakarta
iran: iranian, tehran
iraq: iraqi, baghdad
ireland: irish, dublin
israel: israeli, jerusalem
italy: italian, rome
japan: japanese, tokyo
jordan: jordanian, amman
kazakhstan: kazakh, astana
kenya: kenyan, nairobi
kosovo: kosovar, pristina
kuwait: kuwaiti,
latvia: latvian, riga
lebanon: lebanese, beirut
libya: libyan, tripoli
lithuania: lithuanian, vilnius
malaysia: malaysian, kuala lumpur
mali: malian, bamako
mexico: mexican, mexico city
moldova: moldovan, chisinau
mongolia: mongolian, ulaanbaatar
morocco: moroccan, rabat
myanmar|burma: burmese, naypyidaw
nepal: nepalese nepali, kathmandu
netherlands|holland: dutch, amsterdam/the hague
new zealand: kiwi, wellington
nicaragua: nicaraguan, managua
niger: nigerien, niamey
nigeria: nigerian, abuja
north korea: north korean, pyongyang
norway: norwegian, oslo
oman: omani, muscat
pakistan: pakistani, islamabad
palestine: palestinian, ramallah
panama: panamanian,
paraguay: paraguayan, asunción
peru: peruvian, lima
philippines: filipino philippine, manila
poland: polish pole, warsaw
portugal: portuguese, lisbon
qatar: qatari, doha
romania: romanian, bucharest
russia: russian, moscow/kremlin
rwanda: rwandan, kigali
saudi arabia: saudi, riyadh
scotland: scottish scot, edinburgh/holyrood
senegal: senegalese, dakar
serbia: serbian serb, belgrade
singapore: singaporean,
slovakia: slovak slovakian, bratislava
slovenia: slovenian slovene, ljubljana
somalia: somali, mogadishu
south africa: south african, pretoria
south korea: south korean, seoul
spain: spanish spaniard, madrid
sri lanka: sri lankan, colombo
sudan: sudanese, khartoum
sweden: swedish swede, stockholm
switzerland: swiss, bern
syria: syrian, damascus
taiwan: taiwanese, taipei
thailand: thai, bangkok
tunisia: tunisian, tunis
turkey: turkish turk, ankara
uganda: ugandan, kampala
ukraine: ukrainian, kyiv/kiev
united arab emirates|uae: emirati, abu dhabi
united kingdom|uk|u.k|britain|great britain: british briton, london/westminster/whitehall/downing street
united states|us|u.s|u.s.a|usa|america: american, washington/white house
uruguay: uruguayan, montevideo
uzbekistan: uzbek, tashkent
venezuela: venezuelan, caracas
vietnam: vietnamese, hanoi
wales: welsh, cardiff
england: english,
northern ireland: northern irish, belfast
yemen: yemeni, sanaa
zambia: zambian, lusaka
zimbabwe: zimbabwean, harare
european union|eu|e.u: european, brussels
"""

# Places that are never a surname either: continents, U.S. states, Canadian provinces.
_REGIONS = """africa asia europe antarctica oceania americas alabama alaska arizona arkansas
california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas
kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
virginia wisconsin wyoming alberta manitoba ontario quebec saskatchewan nunavut yukon
""".split()


def _plural(adjective: str) -> str:
    return adjective if adjective.endswith(("ese", "ss", "sh", "ch")) else adjective + "s"


def _build() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        names, rest = line.split(":", 1)
        adjectives, _, capitals = rest.partition(",")
        key = names.split("|")[0]
        forms = [*names.split("|"), *adjectives.split(), *map(_plural, adjectives.split())]
        forms += capitals.split("/")
        for form in forms:
            if form.strip():
                out.setdefault(form.strip(), key)
    for region in _REGIONS:
        out.setdefault(region, region)
    return out


PLACE_OF: dict[str, str] = _build()

# The names of countries and regions, which are never anyone's surname ("Canada" is not
# "Statistics Canada"). Not capitals or adjectives, and not the few countries that are
# common surnames or given names too (Jim Jordan, Georgia Harrison).
_ALSO_PEOPLE = frozenset({"jordan", "georgia", "chad", "israel", "kenya", "victoria"})
PLACE_NAMES: frozenset[str] = frozenset(
    {
        name
        for line in _COUNTRIES.strip().splitlines()
        for name in line.split(":", 1)[0].split("|")
        if name not in _ALSO_PEOPLE
    }
    | set(_REGIONS)
)

# States and provinces of more than one word; with every single-word place, the words
# that tell one office holder from another ("the Florida senator" is not "Texas Sen.
# Ted Cruz", "the New Jersey governor" not Florida's).
_LONG_REGIONS = """new hampshire|new jersey|new mexico|new york|north carolina|south carolina
|north dakota|south dakota|rhode island|west virginia|british columbia|nova scotia
|new brunswick|prince edward island|newfoundland|labrador"""
_DIRECTIONS = frozenset({"new", "north", "south", "west", "east", "prince"})
PLACE_WORDS: frozenset[str] = frozenset(
    w
    for place in [*PLACE_OF, *_LONG_REGIONS.replace("\n", "").split("|")]
    for w in place.split()
    if w not in _DIRECTIONS
)

# The states' abbreviations in party tags ("R-Fla.", "D-N.Y.", "I-Vt"), AP style and
# postal, each to a word of the state's name.
_STATE_ABBREVIATIONS = """ala al: alabama; alaska ak: alaska; ariz az: arizona; ark ar: arkansas;
calif ca: california; colo co: colorado; conn ct: connecticut; del de: delaware;
fla fl: florida; ga: georgia; hawaii hi: hawaii; idaho id: idaho; ill il: illinois;
ind in: indiana; iowa ia: iowa; kan kans ks: kansas; ky: kentucky; la: louisiana;
maine me: maine; md: maryland; mass ma: massachusetts; mich mi: michigan;
minn mn: minnesota; miss ms: mississippi; mo: missouri; mont mt: montana;
neb nebr ne: nebraska; nev nv: nevada; n.h nh: hampshire; n.j nj: jersey; n.m nm: mexico;
n.y ny: york; n.c nc: carolina; n.d nd: dakota; ohio oh: ohio; okla ok: oklahoma;
ore or: oregon; pa: pennsylvania; r.i ri: rhode; s.c sc: carolina; s.d sd: dakota;
tenn tn: tennessee; texas tex tx: texas; utah ut: utah; vt: vermont; va: virginia;
wash wa: washington; w.va wv: virginia; wis wisc wi: wisconsin; wyo wy: wyoming"""
STATE_OF_TAG: dict[str, str] = {
    abbr: state.strip()
    for item in _STATE_ABBREVIATIONS.split(";")
    for abbrs, state in [item.split(":")]
    for abbr in abbrs.split()
}
