"""Vocabulary of strike reports: what was hit, with what, who claims what.

These are facts of the English of war reporting, not of any one article: each pattern
names a class of words (target nouns, weapon nouns, verbs of attack, of speech, of
generality) that the extraction rules in :mod:`dashboard.extract` combine.
"""

from __future__ import annotations

import re

from .model import TargetType, Weapon


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


#: Target nouns, most specific first: the first class found in a sentence wins.
TARGET_PATTERNS: tuple[tuple[TargetType, re.Pattern[str]], ...] = (
    ("oil", _words(
        r"(?:oil|petroleum|fuel|gas)[- ](?:refiner(?:y|ies)|depots?|terminals?|storage|facilit"
        r"(?:y|ies)|tanks?|pumping stations?|platforms?|rigs?|fields?|plants?|infrastructure)",
        r"refiner(?:y|ies)", r"tank farms?", r"oil", r"fuel tanks?", r"petrol", r"diesel",
        r"pumping stations?", r"gas processing", r"petrochemical", r"oil tankers?",
    )),
    ("naval", _words(
        r"warships?", r"war ships?", r"missile ships?", r"missile boats?", r"landing ships?",
        r"corvettes?", r"frigates?", r"cruisers?", r"submarines?", r"patrol (?:ships?|boats?)",
        r"naval (?:base|vessels?|ships?|targets?|forces|facilit(?:y|ies))", r"navy",
        r"fleet", r"flotilla", r"vessels?", r"shipyards?", r"minesweepers?", r"harbou?r",
        r"docked", r"dry ?docks?",
    )),
    ("airbase", _words(
        r"air ?bases?", r"air ?fields?", r"airstrips?", r"air stations?", r"bombers?",
        r"fighter jets?", r"(?:military )?aircraft on the ground", r"hangars?",
        r"aerodromes?", r"helicopters?",
    )),
    ("ammunition", _words(
        r"ammunition", r"ammo", r"munitions?", r"arsenals?", r"weapons? depots?",
        r"shells? depots?", r"missile depots?", r"explosives? depots?",
    )),
    ("power", _words(
        r"power (?:plants?|stations?|grid|lines?|substations?|facilit(?:y|ies))",
        r"substations?", r"thermal power", r"electricity", r"energy infrastructure",
        r"combined heat", r"CHP", r"power supply",
    )),
    ("defense_industry", _words(
        r"(?:defen[cs]e|military|arms|weapons?|drone|missile|aircraft|explosives?|gunpowder|"
        r"chemical|electronics?|ammunition) (?:plants?|factor(?:y|ies)|manufacturers?|"
        r"enterprises?|producers?|makers?|works)",
        r"defen[cs]e (?:industry|industrial)", r"plants? (?:that|which) (?:makes?|produces?)",
        r"factor(?:y|ies)", r"plants?",
    )),
    ("transport", _words(
        r"bridges?", r"railway", r"rail(?:road)?s?", r"trains?", r"freight", r"locomotives?",
        r"rail (?:hub|junction|station)", r"ferr(?:y|ies)", r"airports?", r"logistics hub",
    )),
    ("government", _words(
        r"kremlin", r"ministry buildings?", r"government buildings?", r"administration buildings?",
        r"headquarters of the (?:fsb|government)", r"parliament", r"city hall",
    )),
    ("military", _words(
        r"military (?:bases?|units?|facilit(?:y|ies)|targets?|installations?|objects?|sites?|"
        r"airfield|command)", r"barracks", r"command (?:posts?|centers?|centres?)",
        r"headquarters", r"radars?", r"air defen[cs]e systems?", r"s-[34]00", r"pantsir",
        r"troops", r"training grounds?", r"army", r"regiment", r"brigade",
    )),
    ("commercial", _words(
        r"office (?:buildings?|towers?|blocks?)", r"business (?:cent(?:er|re)|district)",
        r"skyscrapers?", r"towers?", r"shopping", r"warehouses?", r"markets?",
    )),
    ("residential", _words(
        r"residential", r"apartment (?:blocks?|buildings?)", r"homes?", r"houses?",
        r"dwellings?", r"high-rise", r"blocks? of flats",
    )),
)

#: Weapon nouns; sea drones before aerial drones so "naval drone" is not read as a drone.
WEAPON_PATTERNS: tuple[tuple[Weapon, re.Pattern[str]], ...] = (
    ("sea_drone", _words(
        r"sea drones?", r"naval drones?", r"maritime drones?", r"water drones?",
        r"surface drones?", r"unmanned (?:surface )?(?:boats?|vessels?)", r"drone boats?",
        r"uncrewed (?:boats?|surface vessels?)", r"USVs?", r"sea baby", r"magura",
        r"kamikaze boats?", r"explosive boats?",
    )),
    ("missile", _words(
        r"missiles?", r"atacms", r"storm shadows?", r"scalp", r"neptunes?", r"himars",
        r"rockets?", r"cruise missiles?", r"ballistic", r"flamingo", r"long neptune",
    )),
    ("aerial_drone", _words(
        r"drones?", r"uavs?", r"unmanned aerial", r"unmanned aircraft", r"kamikaze",
        r"one-way attack", r"loitering munitions?", r"lyutyi", r"liutyi", r"beaver",
    )),
    ("aircraft", _words(
        r"air ?strikes?", r"fighter jets?", r"warplanes?", r"su-24", r"su-27", r"mig-29",
        r"bombs?", r"glide bombs?",
    )),
    ("sabotage", _words(
        r"sabotage", r"saboteurs?", r"partisans?", r"arson", r"planted (?:explosives?|a bomb)",
        r"car bomb", r"truck bomb", r"special operation of the sbu", r"covert operation",
    )),
)

#: Verbs and nouns of an attack on something: a sentence without one reports no strike.
ATTACK = _words(
    r"attack(?:s|ed|ing)?", r"strike[sd]?", r"striking", r"struck", r"hit(?:s|ting)?",
    r"target(?:s|ed|ing)?", r"bomb(?:ed|ing|ings)?", r"shell(?:ed|ing)", r"explosions?",
    r"blasts?", r"exploded", r"shot down", r"intercept(?:ed|ion|ions|s)?", r"downed",
    r"destroy(?:ed|s)", r"damag(?:ed|es|ing)", r"ablaze", r"caught fire", r"fire broke out",
    r"raids?", r"slamm(?:ed|ing)", r"slams", r"repel(?:led)?", r"sank", r"sunk",
    r"assault", r"engaged", r"blew up", r"burn(?:ed|ing)",
)

#: A strike seen from the defence: interceptions and claims of drones brought down.
DEFENCE_CLAIM = _words(
    r"air defen[cs]es?", r"intercept(?:ed|ion|ions|s)?", r"shot down", r"downed",
    r"destroyed (?:\w+ )?(?:drones?|uavs?|missiles?)", r"repell?ed", r"suppressed",
    r"neutrali[sz]ed",
)
DEFENDER_VOICE = _words(
    r"russia(?:n|'s|’s)?", r"governor", r"defen[cs]e ministry", r"ministry of defen[cs]e",
    r"mayor", r"kremlin", r"moscow said", r"head of the region", r"regional head",
    r"emergencies ministry", r"local authorities", r"officials said", r"installed",
)
ATTACKER_VOICE = _words(
    r"ukrain(?:e|ian|e's|e’s)", r"general staff", r"sbu", r"hur", r"gur",
    r"military intelligence", r"intelligence sources?", r"security service", r"kyiv",
    r"navy of ukraine", r"ukrainian navy", r"armed forces of ukraine", r"zelensky",
)
CLAIM_VERB = _words(
    r"said", r"says", r"claimed", r"claims", r"confirmed", r"reported", r"according to",
    r"announced", r"wrote", r"stated", r"told",
)
DAMAGE = _words(
    r"hit", r"struck", r"damaged", r"destroyed", r"sank", r"sunk", r"ablaze", r"fire",
    r"successful(?:ly)?", r"explosions?", r"damage",
)

#: Generality: habits, series, hypotheticals and abilities are not one strike.
GENERIC = _words(
    r"has (?:been )?(?:used|hit|struck|sunk|attacked|launched|carried out|stepped up|targeted"
    r"|increasingly|regularly|repeatedly|developed)",
    r"have (?:been )?(?:used|hit|struck|sunk|attacked|launched|carried out|stepped up|targeted"
    r"|become|peppered|increasingly|regularly|repeatedly|distracted|caused)",
    r"increasingly", r"regularly", r"repeatedly", r"routinely", r"throughout",
    r"a (?:string|series|wave|campaign) of", r"once seemed", r"would", r"could", r"might",
    r"capabilit(?:y|ies)", r"in recent (?:weeks|months|days)", r"over the past",
    r"prospect", r"threat of", r"every (?:day|night|week)", r"frequently", r"typically",
    r"if ", r"whether",
)

#: Words after a place that make it the subject of speech or policy: "Moscow said".
ACTOR_VERBS = frozenset(
    """said says say claimed claims denied denies warned warns announced announces accused
    accuses blamed blames insisted insists vowed vows responded responds pinned pins launched
    launches has have had will would wants wanted sent sends invaded invades fired fires
    considers considered refused refuses hopes hoped believes believed knows knew tried tries
    has'nt hasn't doesn't didn't does did can cannot could should must""".split()
)
AUXILIARIES = frozenset("is was were are has have had will would been being".split())
PASSIVE_STRIKE = _words(
    r"hit", r"struck", r"attacked", r"targeted", r"bombed", r"shelled", r"damaged",
    r"destroyed", r"rocked", r"shaken", r"under attack", r"under fire", r"set on fire",
)

#: Nouns that follow a place name and keep it a place ("Kaspiysk port", "Dagestan region").
GEO_NOUNS = frozenset(
    """region oblast krai kray republic province district peninsula city town village port
    harbor harbour area airfield airbase base air refinery depot terminal plant bay coast
    settlement outskirts suburb suburbs territory airport station bridge county municipality
    raion okrug governorate""".split()
)
#: Nouns before a name that make it a ship's name, not a place ("the missile ship Dagestan").
SHIP_NOUNS = _words(
    r"ships?", r"vessels?", r"corvettes?", r"frigates?", r"cruisers?", r"submarines?",
    r"boats?", r"tankers?", r"tugs?", r"minesweepers?", r"named", r"identified as",
)
#: A place named as a distance reference ("250 miles west of Moscow").
DISTANCE_REFERENCE = re.compile(
    r"(?:\d[\d,.]*|hundreds|dozens|tens|several|a few|thousands?|a hundred|some)\s*"
    r"(?:\w+\s+){0,2}(?:miles?|mi|km|kilomet(?:er|re)s?)\b"
    r"(?:\s+(?:\(\d[\d,.]*\s*\w+\)))?"
    r"(?:\s+(?:\w+-)?(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west|inside|behind|beyond|away))*"
    r"\s+(?:of|from)\s+(?:the\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: A place named as where the attack came from.
LAUNCH_REFERENCE = re.compile(
    r"(?:launched|fired|flew|flying|took off|coming|came|sent)\s+(?:\w+\s+){0,3}from\s+"
    r"(?:the\s+)?(?:territory\s+of\s+|direction\s+of\s+|occupied\s+)?$"
    r"|\bfrom\s+the\s+direction\s+of\s+$|\bborder\s+with\s+$|\bborders?\s+of\s+$",
    re.IGNORECASE,
)

#: Sentence-initial and title words that are also the names of villages somewhere.
COMMON_WORDS = frozenset(
    """a an the this that these those it its he she they we you i but and or so yet for nor
    in on at by of to from with without as if when while where after before since until
    during early late last next first second third here there then now today tonight
    beyond across around about above below under over near inside outside behind between
    despite although though because however meanwhile also still even only just more most
    many much some several few other another each every all both such no not never
    one two three four five six seven eight nine ten what which who whom whose why how
    analysts experts officials sources footage video videos images photos seen
    president minister governor mayor general colonel army navy air force fleet
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    north south east west northern southern eastern western central
    black white red green blue sea river lake mountain mount island islands
    victory peace freedom independence union station""".split()
)
