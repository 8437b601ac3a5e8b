"""Vocabulary of strike reports: what was hit, with what, who claims what.

These are facts of the English of war reporting, not of any one article: each pattern
names a class of words (target nouns, weapon nouns, verbs of attack, of speech, of
generality) that the stages of :mod:`dashboard.extraction` combine. Plain word lists are
data files in ``vocab/``.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from ..model import TargetType, Weapon


@cache
def word_list(name: str) -> frozenset[str]:
    """A vocabulary kept as data: ``vocab/NAME``, one lower-case entry a line, ``#`` comments."""
    text = resources.files(__package__).joinpath("vocab", name).read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


#: "destroy" in every form: a headline's present ("forces destroy a depot") tells the same
#: strike as a report's past ("destroyed a depot").
_DESTROY = r"destroy(?:s|ed|ing)?"


#: What a plant makes that is no weapon, longest first so that no word stops short.
_PRODUCTS = "|".join(
    re.escape(word) for word in sorted(word_list("civilian-products.txt"), key=len, reverse=True)
)
#: A product of civil industry named anywhere in a sentence: "18% of the country's steel".
CIVILIAN_PRODUCT = _words(_PRODUCTS)

#: What arms a plant is told to make: "a manufacturer of explosives", "which produces
#: missiles", "a drone assembly plant". A drone named only as the weapon makes no plant
#: an arms plant: the product is told beside a word of making.
_ARMS = "(?:{})".format(
    "|".join(
        re.escape(word) for word in sorted(word_list("arms-products.txt"), key=len, reverse=True)
    )
)
#: Whom a plant is told to work for, whatever it makes: "a facility producing batteries for
#: military use", "supplies Russia's military-industrial complex with electronics", "a
#: significant supplier for Russia's defense sector".
_FOR_THE_MILITARY = (
    r"(?:(?:Russia's|Russia’s|Russian|the)\s+)?(?:military-industrial\s+(?:complex|sector)|"
    r"defen[cs]e\s+(?:sector|industry|industrial complex)|armed forces|army)"
)
ARMS_MADE = _words(
    r"(?:produc(?:es?|ing|ers?|tion)|manufactur(?:es?|ing|ers?)|makes?|making|makers?|"
    rf"develop(?:s|ing|er|ers)?|assembl(?:es|ing|y))\s+(?:of\s+)?(?:[\w-]+\s+){{0,4}}?{_ARMS}",
    rf"{_ARMS}\s+(?:production|development|assembly|manufacturing|maker|manufacturer|producer)",
    r"for\s+military\s+(?:use|needs|purposes)",
    rf"(?:suppl(?:y|ies|ying|ier|iers)|serv(?:es|ing))\s+(?:(?:to|for)\s+)?{_FOR_THE_MILITARY}",
    rf"(?:suppl(?:ier|iers)|vital|essential|critical|crucial)\s+(?:to|for)\s+{_FOR_THE_MILITARY}",
)

#: A site called only "industrial": a commercial target, the weakest reading, that any
#: other kind told of the same site says more of.
INDUSTRIAL_SITE = _words(
    r"(?<![-\u2010\u2011])industrial (?:sites?|facilit(?:y|ies)|enterprises?|zones?|"
    r"areas?|buildings?|plants?)",
)

#: Target nouns, most specific first: the first class found in a sentence wins.
TARGET_PATTERNS: tuple[tuple[TargetType, re.Pattern[str]], ...] = (
    (
        "oil",
        _words(
            r"(?:oil|petroleum|fuel|gas)[- ](?:refiner(?:y|ies)|depots?|terminals?|storage|facilit"
            r"(?:y|ies)|tanks?|pumping stations?|platforms?|rigs?|fields?|plants?|infrastructure|"
            r"warehouses?)",
            r"refiner(?:y|ies)",
            # The armed forces' word for fuel stores: "fuel and lubricants depots".
            r"fuel and lubricants? (?:depots?|warehouses?|storage|bases?|facilit(?:y|ies))",
            r"tank farms?",
            r"oil",
            r"fuel tanks?",
            r"petrol",
            r"diesel",
            r"pumping stations?",
            r"gas processing",
            # Gas is the oil industry's too: "the gas metering station".
            r"gas (?:metering|measuring|compressor|distribution) stations?",
            r"oil[- ]processing",
            r"petrochemical",
            r"oil tankers?",
            # Officials' word for the fuel industry's sites: "fuel and energy facilities".
            r"fuel(?: and |-)energy (?:facilit(?:y|ies)|complex|infrastructure|enterprises?|"
            r"sites?|objects?)",
        ),
    ),
    (
        "naval",
        _words(
            r"warships?",
            r"war ships?",
            r"missile ships?",
            r"missile boats?",
            r"landing ships?",
            # A ship or craft told by its role in a navy: "an amphibious assault ship",
            # "landing craft", "a navy ship".
            r"(?:amphibious|assault|landing|navy|combat|guard|salvage|reconnaissance)"
            r" (?:ships?|craft|boats?)",
            r"corvettes?",
            r"frigates?",
            r"cruisers?",
            r"submarines?",
            r"patrol (?:ships?|boats?)",
            r"naval (?:base|vessels?|ships?|targets?|forces|facilit(?:y|ies))",
            r"navy",
            r"fleet",
            r"flotilla",
            r"vessels?",
            r"shipyards?",
            r"shipbuilding (?:plants?|yards?|works|enterprises?)",
            r"minesweepers?",
            r"harbou?r",
            r"docked",
            r"dry ?docks?",
        ),
    ),
    (
        "airbase",
        _words(
            r"air ?bases?",
            r"air ?fields?",
            r"airstrips?",
            r"air stations?",
            r"bombers?",
            r"fighter jets?",
            r"(?:military )?aircraft on the ground",
            r"hangars?",
            r"aerodromes?",
            r"helicopters?",
            # An airport of the armed forces is an air base, not a civil airport.
            r"military airports?",
            # Where the air force trains its pilots: "the flight training center Borisoglebsk".
            r"(?:flight|air force|aviation|pilot) training cent(?:er|re)s?",
        ),
    ),
    (
        "ammunition",
        _words(
            r"ammunition",
            # An army's depot stores arms: "a military depot", "an army ammunition depot".
            r"(?:army|military) (?:ammunition|munitions|depots?|warehouses?)",
            r"ammo",
            r"munitions?",
            r"arsenals?",
            r"weapons? depots?",
            r"shells? depots?",
            r"missile depots?",
            r"explosives? depots?",
            # A store of attack drones is an arms store: "drone storage facilities", "a Shahed
            # warehouse".
            r"(?:drone|uav|shahed)s? (?:storage|warehouses?|depots?|stores?)",
            # Officials' word for a depot's shells going off: "detonation of explosive objects".
            r"explosive objects?",
            r"detonations? of (?:ammunition|shells|explosives?)",
        ),
    ),
    (
        "power",
        _words(
            r"power (?:plants?|stations?|grids?|lines?|substations?|facilit(?:y|ies))",
            # Not "a fuel and energy facility", which is oil.
            r"(?<!fuel and )energy facility",
            r"substations?",
            r"sub-stations?",
            r"heating (?:plants?|facilit(?:y|ies)|stations?)",
            r"thermal power",
            r"electricity",
            r"energy infrastructure",
            r"combined heat",
            r"CHP",
            # A district electricity network, as Russian officials name it: "the Vasilievskaya
            # RES substation"; the capitals only, not the Latin abbreviation.
            r"(?-i:RES)",
            r"power supply",
        ),
    ),
    # A plant that says it makes steel, spirit or rubber is industry, not arms: before the
    # arms plants, whose bare "plant" would take it.
    (
        "commercial",
        _words(
            rf"(?:{_PRODUCTS}) (?:plants?|factor(?:y|ies)|works|mills?|enterprises?|"
            r"producers?|manufacturers?|makers?)",
            r"steel ?works",
            r"steel ?mills?",
            r"distiller(?:y|ies)",
        ),
    ),
    (
        "defense_industry",
        _words(
            r"(?:defen[cs]e|military|arms|weapons?|drone|missile|aircraft|explosives?|gunpowder|"
            r"electronics?|ammunition) (?:(?:components?|parts) )?(?:plants?|"
            r"factor(?:y|ies)|manufacturers?|enterprises?|producers?|makers?|works)",
            r"defen[cs]e (?:industry|industrial)",
            # Where arms are made, by what it makes: "a UAV production facility".
            rf"{_ARMS} (?:production|assembly|manufacturing|development) (?:plants?|"
            r"facilit(?:y|ies)|sites?|workshops?|enterprises?|lines?)",
            r"plants? (?:that|which) (?:makes?|produces?)",
        ),
    ),
    # A plant the text says nothing more of makes no arms the text knows of; nor does a
    # chemical plant, unless the text says what it makes.
    (
        "commercial",
        _words(
            r"chemical (?:plants?|factor(?:y|ies)|works|enterprises?|combines?)",
            r"factor(?:y|ies)",
            r"plants?",
            r"enterprises?",
        ),
    ),
    (
        "transport",
        _words(
            r"bridges?",
            r"crossings?",
            r"railway",
            r"rail(?:road)?s?",
            r"trains?",
            r"freight",
            r"locomotives?",
            r"rail (?:hub|junction|station)",
            r"ferr(?:y|ies)",
            r"airports?",
            r"logistics hub",
            r"(?:container|grain|ferry|passenger) terminals?",
        ),
    ),
    (
        "government",
        _words(
            r"kremlin",
            r"ministry buildings?",
            r"government buildings?",
            r"administration buildings?",
            r"administrative buildings?",
            r"headquarters of the (?:fsb|government)",
            r"parliament",
            r"city hall",
            r"police (?:stations?|departments?|buildings?)",
            r"polling stations?",
        ),
    ),
    (
        "military",
        _words(
            r"military (?:bases?|units?|facilit(?:y|ies)|targets?|installations?|objects?|sites?|"
            r"command)",
            r"barracks",
            r"command (?:posts?|centers?|centres?)",
            r"headquarters",
            r"radars?",
            r"radio-?location stations?",
            r"air defen[cs]e systems?",
            r"s-[34]00",
            r"pantsir",
            r"troops",
            r"soldiers",
            r"(?:groupings?|concentrations?) of (?:[\w-]+ ){0,2}(?:forces|personnel|manpower)",
            r"servicem[ae]n",
            # Troops counted by the side they fight for: "dozens of 'invaders' were killed".
            r"(?:dozens|scores|hundreds|a number) of [\"“‘']?invaders",
            r"base personnel",
            r"training grounds?",
            r"army",
            r"regiment",
            r"brigade",
            # "the Russian Special Forces University", "a military academy".
            r"(?:special forces|military|naval|air force) (?:university|academy|school|institute)",
        ),
    ),
    (
        "commercial",
        _words(
            r"office (?:buildings?|towers?|blocks?)",
            r"business (?:cent(?:er|re)|district)",
            r"skyscrapers?",
            r"towers?",
            r"shopping",
            r"warehouses?",
            r"markets?",
            r"supermarkets?",
            r"shops?",
            r"malls?",
            r"cafes?",
            r"caf\u00e9s?",
            r"restaurants?",
            r"hotels?",
            r"commercial (?:buildings?|premises|facilit(?:y|ies))",
            # Shops that make what they sell: "a bakery", "the bakeries of the town".
            r"baker(?:y|ies)",
        ),
    ),
    (
        "residential",
        _words(
            # "A non-residential building" says only what it is not.
            r"(?<!non-)(?<!non)residential",
            r"apartment (?:blocks?|buildings?)",
            r"homes?",
            r"houses?",
            # Plural only: "the president's residence" is no home.
            r"residences",
            r"dwellings?",
            # "three households were damaged", "five private households"; not the
            # households a power cut leaves in the dark.
            r"private households?",
            r"households? (?:were|was|have been|had been) (?:\w+ )?(?:damaged|destroyed|hit)",
            r"high-rise",
            r"blocks? of flats",
            r"dormitor(?:y|ies)",
            # Householders' things: "damage to private property".
            r"private property",
        ),
    ),
    # A site called only "industrial" makes no arms the text knows of; any other kind of
    # target the sentence names says more ("the military-industrial complex" is no site).
    ("commercial", INDUSTRIAL_SITE),
    # A known terminal of no stated kind ("the same Feodosia terminal"), in reports of
    # strikes on Russia's ports, ships oil; "a terminal" may be only where a pipeline ends.
    ("oil", _words(r"(?<!\ba )terminals?")),
)

#: What a strike on the grid leaves behind ("caused blackouts", "disrupted power in seven
#: districts"): a power target when the sentence names no target at all. Not a target
#: noun: beside one ("depot staff were injured and the town was left without power") the
#: noun says what was hit.
POWER_CUT = _words(
    r"blackouts?",
    r"power (?:outages?|cuts?|failures?)",
    r"(?:without|disrupted|disrupting|cut(?:ting)?(?: off)?|knocked out) (?:the )?"
    r"(?:power|heating|electricity)",
    r"de-?energi[sz](?:ed|ing)",
)
#: Civilians told as killed or hurt ("a civilian was killed", "wounding three civilians"),
#: not only evacuated: where shelling names no target, their homes were what it hit.
CIVILIAN_TOLL = _words(
    r"civilians?\W+(?:[\w-]+\W+){0,3}?(?:killed|died|dead|wounded|injured|hurt)",
    r"(?:killed|killing|wounded|wounding|injured|injuring|hurt)\W+(?:[\w-]+\W+){0,3}?civilians?",
)
#: A power cut told as what people or places were left with: "left without electricity",
#: "the power went out", "the blackout affected". Where it is felt is not where it was cut.
OUTAGE = _words(
    POWER_CUT.pattern,
    r"without (?:electricity|light|power supply)",
    r"(?:power|electricity|lights?) (?:went|goes|was|were) (?:out|off|cut)",
)

#: Soldiers told as living in a building: "a hotel where troops were stationed", "the
#: building housed mobilised servicemen". The building is then a military target.
TROOPS_HOUSED = _words(
    r"(?:troops|servicem[ae]n|soldiers|mercenaries)\W+(?:[\w-]+\W+){0,2}?(?:were|was)\s+"
    r"(?:housed|stationed|located|quartered|billeted|staying)",
    r"(?:housed|housing|quartered|billeted)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:troops|servicem[ae]n|soldiers|mercenaries)",
)

#: Aircraft told as such: at a military base they make it an air base.
AIRCRAFT = _words(r"aircraft", r"warplanes?", r"planes?", r"jets?")

#: Weapon nouns; sea drones before aerial drones so "naval drone" is not read as a drone.
WEAPON_PATTERNS: tuple[tuple[Weapon, re.Pattern[str]], ...] = (
    (
        "sea_drone",
        _words(
            r"sea drones?",
            r"naval drones?",
            r"maritime drones?",
            r"water drones?",
            r"surface drones?",
            r"seaborne drones?",
            r"underwater drones?",
            r"drones? on the (?:water|sea)(?: surface)?",
            r"(?:unmanned |uncrewed )?sea boats?",
            r"(?:unmanned|uncrewed) underwater vehicles?",
            r"unmanned (?:surface )?(?:boats?|vessels?)",
            r"drone boats?",
            r"uncrewed (?:boats?|surface vessels?)",
            r"USVs?",
            r"sea baby",
            r"magura",
            r"kamikaze boats?",
            r"explosive boats?",
        ),
    ),
    (
        "missile",
        _words(
            r"missiles?",
            r"atacms",
            r"storm shadows?",
            r"scalp",
            r"neptunes?",
            r"himars",
            r"rockets?",
            r"cruise missiles?",
            r"ballistic",
            r"flamingo",
            r"long neptune",
        ),
    ),
    (
        "aerial_drone",
        _words(
            r"drones?",
            r"uavs?",
            r"unmanned aerial",
            r"unmanned aircraft",
            r"kamikaze",
            r"one-way attack",
            r"loitering munitions?",
            # The forces that fly them: "units of the Unmanned Systems Forces hit a depot".
            r"unmanned systems (?:forces|troops)",
            r"drone (?:units?|forces)",
            r"lyutyi",
            r"liutyi",
            r"beaver",
        ),
    ),
    (
        "sabotage",
        _words(
            r"sabotage",
            r"saboteurs?",
            r"partisans?",
            r"arson",
            r"planted (?:explosives?|a bomb)",
            r"car bomb",
            r"truck bomb",
            r"bomb (?:hidden|concealed|planted)",
            r"explosives? (?:hidden|concealed|planted|smuggled)",
            r"special operation of the sbu",
            r"covert operation",
        ),
    ),
    (
        "aircraft",
        _words(
            r"(?:fighter )?jets? (?:had |have )?(?:struck|hit|fired|bombed|attacked)",
            r"warplanes? (?:struck|hit|fired|bombed|attacked)",
            r"helicopters? (?:struck|hit|fired|attacked)",
            r"(?:struck|hit|attacked|fired on) by (?:\w+ )?(?:helicopters?|jets?|warplanes?)",
            # Helicopters told as the attackers, not the targets: "the helicopters' attack",
            # "air strikes carried out by two military helicopters", "helicopters flew in low
            # and fired on the depot", "sent helicopters to strike the depot".
            r"helicopters?['’] (?:attacks?|strikes?|air ?strikes?|raids?)",
            r"(?:air ?strikes?|attacks?|raids?) (?:carried out |conducted |made )?by "
            r"(?:\w+ ){0,3}?helicopters?",
            r"helicopters? (?:[\w,]+ ){1,10}?and (?:struck|hit|fired|attacked)",
            r"helicopters? (?:\w+ ){0,3}?to (?:strike|attack|hit|bomb)",
            r"(?:dropped|dropping) bombs?",
            r"bombing raids?",
        ),
    ),
)

#: Guns named as what struck ("artillery fire", "three mortar shells were fired"): none of
#: the model's weapons, so a sentence that names them first tells of an unknown weapon.
GUNS = _words(
    r"artillery(?!\s+rocket)",
    r"mortars?",
    r"howitzers?",
    r"shells?(?=\s+(?:(?:were|was)\s+)?(?:fired|launched|landed|exploded))",
    r"fired\s+(?:\w+\s+){0,2}shells?",
)
#: A strike told as shelling: by guns, or by rockets the sentence may name ("shelled the
#: village with rockets"), never by the drones the article names elsewhere.
SHELLING = _words(r"shell(?:ed|ing)")
#: Fire that falls on a whole town rather than at one thing in it.
BARRAGE = _words(
    r"shell(?:ed|ing|s)",
    r"artillery",
    r"rockets?",
    r"MLRS",
    r"Grad",
    r"Uragan",
    r"HIMARS",
    r"cluster",
)
#: A unit or force named as the one that struck ("units of the Defence Forces struck",
#: "the SBU had hit", "Special Operations Forces struck"): the sentence tells who struck,
#: and the weapon only when the unit's name does ("Unmanned Systems Forces").
UNIT_AS_ATTACKER = _words(
    r"(?:units|forces|SBU|Security Service)(?:\s+of\s+(?:the\s+)?[\w\s'’]{0,40}?)?\s+"
    rf"(?:also\s+|have\s+|had\s+|has\s+)?(?:struck|hit|attacked|targeted|{_DESTROY}|carried out)"
)

#: Weapon words that name a target or a defence, not what struck: "missile carriers",
#: "air defence missiles", "a drone factory". They are blanked before weapons are read.
#: The forces that defend or attack, named as actors, are not what was hit: "air defence
#: systems were activated", "the army shot down a drone", "troops fired two missiles".
DEFENDER_AS_TARGET = re.compile(
    r"\b(?:(?:air[- ]defen[cs]es?|anti-aircraft)(?:\s+(?:systems?|forces|units|assets|means))?"
    r"|army|troops|military|forces)"
    # An aside or a quotation mark may come first: "air defence (PVO) worked", "had
    # 'suppressed' an attack".
    r"(?=\s+(?:\([^()]*\)\s+)?(?:\w+\s+){0,2}?[\"'\u201c\u2018]?"
    rf"(?:shot|shoot|downed|{_DESTROY}|intercepted|intercept|repelled|repulsed|suppressed|"
    r"neutrali[sz]ed|fired|launched|activated|engaged|detected|worked|working|have hit|had hit|"
    r"respond(?:ed|ing)|operat(?:ed|ing)|repelling|repulsing|"
    r"hit \w+ enemy|sent)\b)"
    r"|\bsent\s+(?:[\w,]+\s+){0,5}?troops\b"
    # Ukraine's own troops are the attackers: "shelling by Ukrainian troops".
    r"|\b(?:Ukrainian|Ukraine|(?:Ukraine|Kyiv|Kiev)['\u2019]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:troops|army|units?|regiments?|brigades?|bombers?|helicopters?|warplanes?|"
    r"fighter jets?|aircraft|navy|naval forces|air force|special forces|marines)\b"
    r"|\b(?:troops|army)\s+of\s+(?:Ukraine|Kyiv|Kiev)\b"
    # The Kremlin as a speaker or a master, not a building: "Kremlin-installed
    # authorities", "what the Kremlin called sabotage", "a Kremlin spokesman".
    r"|\bkremlin(?=[-\u2010\u2011]\w|\s+(?:said|says|say|called|calls|claimed|claims|"
    r"accused|accuses|denied|denies|spokes\w+|press|aide|officials?|leader\w*|chief|team|war|"
    # "since the Kremlin sent troops to Ukraine".
    r"sent|ordered|launched|blamed|warned|announced|vowed|insisted|responded|invaded)\b)",
    re.IGNORECASE,
)
#: The arms a strike was made with are not what it hit: "a fleet of drones", "fired cluster
#: munitions at the village", "fired six HIMARS munitions at downtown X", "ammunition hit
#: private houses".
ARMS_USED = _words(
    r"(?:fleet|swarm|wave)s?\s+of\s+(?:[\w-]+\s+){0,3}?(?:drones|uavs|missiles)",
    r"cluster\s+(?:munitions?|bombs?|shells?|rounds?)",
    r"(?:fired|firing|launched|launching|dropped|dropping)[\s,]+(?:[\w,-]+\s+){0,4}?(?:munitions?|ammunition)",
    r"(?:munitions?|ammunition)\s+(?:hit|struck|landed|fell)",
)
#: Arms told as a cargo or a stock the strike hit, not as what it was made with: "a cargo
#: vessel carrying ammunition", "a ship loaded with components for drones and ammunition",
#: "cruise missiles were destroyed when they were transported by rail", "Russian weapons
#: being delivered by rail".
ARMS_CARGO = _words(
    r"(?:carrying|loaded\s+with|laden\s+with)\s+(?:[\w,-]+\s+){0,6}?"
    r"(?:ammunition|munitions|weapons|arms|missiles|shells)",
    r"(?:ammunition|munitions|weapons|arms|missiles)\W+(?:[\w“”\"'-]+\W+){0,10}?"
    r"(?:being\s+)?(?:transported|delivered|shipped)\s+by\s+(?:rail|train|sea|ship)",
)
#: Airports told as closed are a measure against drones, not what they hit: "briefly shut
#: down the Vnukovo airport", "three airports were closed", "the closure of two airports".
CLOSED_AIRPORT = _words(
    r"(?:shut|shuts|shutting|closed|closes|closing|suspended|suspending|restricted|"
    r"restricting|halted|halting)\s+(?:down\s+)?(?:[\w'’-]+\s+){0,3}?airports?",
    r"(?:closure|closing|shutdown)s?\s+of\s+(?:[\w'’-]+\s+){0,3}?airports?",
    r"airports?\s+(?:(?:was|were|had been|have been|has been)\s+)?(?:\w+\s+)?"
    r"(?:closed|shut|suspended)",
)
#: What a place is told to be home to describes it, up to the clause's end: "Engels, home
#: to an air base where bombers are based, said a plant was damaged" tells no hit on the base.
#: A relative clause may tell it was: "home to a depot, which drones hit in May".
HOME_TO = re.compile(r"\bhome to\b[^,;.:()—]*+(?!,?\s*(?:which|that)\b)", re.IGNORECASE)
#: A target a speaker is told not to have named: "the mayor said, not mentioning the oil
#: terminal", "he did not directly mention the refinery". What he told of was hit elsewhere.
NOT_MENTIONED = re.compile(
    r"\b(?:not|never|without)\s+(?:directly\s+|specifically\s+)?mention(?:ing|ed|s)?\s+"
    r"(?:the\s+|an?\s+|any\s+)?(?:[\w-]+\s+){0,2}[\w-]+",
    re.IGNORECASE,
)
WEAPON_AS_TARGET = _words(
    r"missile[- ](?:carriers?|ships?|boats?|cruisers?|corvettes?|launchers?|systems?|"
    r"brigades?|depots?|storage|stocks?|defen[cs]es?|carrying)",
    r"(?:air[- ]defen[cs]e|anti-aircraft|interceptor|surface-to-air|s-[34]00)\s+missiles?",
    # Not the noun: "caught fire after a drone attack" names what struck.
    r"(?:carry|carrying|carries|fire|fires|firing|launch|launching|armed with)"
    r"(?!\s+(?:after|following)\b)\s+(?:\w+\s+){0,2}(?:missiles?|bombs?|drones?)",
    r"(?:drones?|uavs?|missiles?|bombs?|shahed)[- ](?:factory|factories|plants?|production|"
    r"assembly|maker|makers|manufacturers?|warehouses?|depots?|storage|bases?|launch sites?|"
    r"launchpads?)",
    # What a plant makes or a site keeps: "the production of unmanned aerial vehicles", "a
    # plant that makes missile fuel", "builds Shahed drones".
    r"(?:production|manufactur(?:e|ing)|assembly|storage|development)\s+of\s+(?:[\w-]+\s+){0,2}?"
    r"(?:drones?|uavs?|unmanned aerial vehicles?|missiles?)",
    r"(?<![\w-])(?:makes?|making|builds?|building|produc(?:es?|ed|ing)|manufactur(?:es?|ed|ing)|"
    r"assembl(?:es?|ed|ing)|develop(?:s|ed|ing)?|stor(?:es?|ed|ing)),?\s+"
    r"(?:[\w,-]+\s+){0,3}?(?:drones?|uavs?|missiles?)",
    # Russia's own drones struck no Russian site: they are hit ("an ammunition depot and
    # Russian UAVs near the city") or strike Ukraine ("a Russian drone dropped a bomb").
    r"(?:russian|russia['’]s)\s+(?:[\w-]+\s+)?(?:drones?|uavs?)",
    r"(?:glide|gliding|guided|aerial|aviation)\s+bombs?",
    r"bombers?",
    r"(?:early[- ]warning|fighter|transport|military)\s+(?:aircraft|jets?|planes?)",
    r"aircraft on the ground",
    r"helicopters?",
)

#: A site told as the one already named, by its kind: "near the port", "around the plant".
BY_THE_SITE = re.compile(
    r"\b(?:near|around|next to|close to|beside|by)\s+the\s+(?:port|harbou?r|refinery|plant|"
    r"factory|depot|airfield|air ?base|base|terminal|site|facility|station|substation)\b",
    re.IGNORECASE,
)

#: A period told as before another strike ("earlier this month", "a previous attack"): the
#: strike of that period is another one, not the dated strike told loosely.
EARLIER_STRIKE = _words(
    r"earlier",
    r"previous(?:ly)?",
    r"prior",
    r"before",
    # A news agency's recap of its own earlier item: "As reported by Ukrinform, on Monday ...".
    r"^as reported by [\w.-]+(?=\s*,)",
)
#: A fire told beside what caused it: "a fire at an oil depot after a drone was spotted",
#: "a drone was spotted over the area before the fire".
FIRE_AND_ITS_CAUSE = re.compile(
    r"\b(?:fires?|blazes?)\b.*\b(?:after|following|caused by|started by|sparked by)\b"
    r"|\b(?:before|after) the (?:fire|blaze)\b",
    re.IGNORECASE,
)
#: A fire told before, put down to its cause: "the fire was caused by airstrikes", "that
#: blaze too was brought on by drones", "the fire broke out as a result of a UAV attack".
FIRE_TOLD_BEFORE_CAUSED = re.compile(
    r"\b(?:the|that|this)\s+(?:fire|blaze)\b[^.;]{0,40}?\b(?:"
    r"(?:caused|started|sparked|triggered|brought on|set off)\s+by"
    r"|(?:broke out|started|erupted|occurred)\s+(?:as a result of|because of|due to|after))\b",
    re.IGNORECASE,
)
#: An undated strike told as one of the past ("Ukraine has previously attacked radars in
#: the Belgorod region", "Before that, drones attacked Crimea"): not the one being told.
TOLD_AS_PAST = _words(
    # Not "as previously reported": that tells when it was told.
    r"previously(?! (?:reported|said|announced|stated|wrote|noted))",
    r"before that",
    r"in the past",
    r"prior to that",
    # A sentence opened by a bare "Earlier," with no date of its own: an undated strike
    # recalled beside the news ("Earlier, the refinery halted work after a drone attack").
    # ("Earlier this month", "Earlier on Monday" give a period, and are dated by it.)
    r"^earlier(?=,)",
)

_ATTACK_CAUSE = (
    r"(?:an?\s+|any\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:drones?|uavs?|unmanned aerial vehicles?|missiles?|attacks?|strikes?|shelling|sabotage)"
    r"(?:\s+(?:attacks?|strikes?))?\b"
)
#: An accident's cause a report gives for a blast or fire: "a violation of safety
#: requirements", "a short circuit", "a technical malfunction", "negligence".
ACCIDENT_CAUSE = re.compile(
    r"\b(?:(?:violat\w*|breach\w*|failure\s+to\s+comply\s+with)\s+(?:of\s+)?"
    r"(?:[\w-]+\s+){0,2}?safety\s+(?:requirements|rules|regulations|precautions|standards)"
    r"|short[\s-]circuit|technical\s+(?:fault|failure|malfunction)|negligence"
    r"|careless\s+handling"
    # "spontaneous combustion, due to the high air temperature"; "it was technological".
    r"|spontaneous(?:ly)?\s+(?:combust\w*|ignit\w*)|self-ignit\w*"
    r"|(?:was|were|is|as)\s+(?:purely\s+)?technological|technological\s+nature)\b",
    re.IGNORECASE,
)
#: Ukraine's bodies that claim strikes: one named tells Ukraine's hand in a blast.
UKRAINE_CLAIMANT = re.compile(
    r"\b(?:SBU|HUR|GUR|General\s+Staff|Security\s+Service\s+of\s+Ukraine|"
    r"(?:Ukraine['’]s|Ukrainian)\s+(?:military\s+)?intelligence)\b"
)
#: A cause a report rules out for a blast: "ruling out the possibility of a drone attack",
#: "the explosion was not caused by a drone", "unrelated to drone strikes"; or leaves
#: unconfirmed: "the version of a drone strike has not been confirmed", "no drone attacks
#: were recorded". The weapon it names struck nothing.
CAUSE_RULED_OUT = re.compile(
    r"\b(?:(?:(?:rul(?:ed|es?)|ruling)\s+out|exclud(?:ed|ing|es?))\s+"
    r"(?:the\s+)?(?:(?:possibility|version|likelihood|theory)\s+of\s+)?"
    r"|not\s+(?:caused\s+by|the\s+result\s+of|due\s+to|related\s+to|linked\s+to|"
    r"connected\s+(?:to|with))\s+"
    r"|(?:and|but)\s+not\s+by\s+"
    r"|(?:unrelated|unconnected)\s+to\s+)"
    + _ATTACK_CAUSE
    + r"|\b(?:possibility|version|likelihood|theory|reports?)\s+of\s+"
    + _ATTACK_CAUSE
    + r"\s+(?:has|have|had|was|were|is|are)\s+not\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:confirmed|established|proven)\b"
    r"|\bno\s+" + _ATTACK_CAUSE + r"\s+(?:has|have|had|was|were|is|are)\s+(?:been\s+)?"
    r"(?:recorded|registered|detected|reported)\b",
    re.IGNORECASE,
)

#: A fire or blast whose cause a report says it was not told: "though the cause of that fire
#: has not been reported", "although its causes were not disclosed".
CAUSE_UNTOLD = re.compile(
    r"\bcauses?\s+(?:of\s+(?:the|that|this)\s+(?:fire|blaze|explosion|blast)\s+)?"
    r"(?:has|have|was|were|is|are)\s+not\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:reported|disclosed|given|named|specified|announced|known)\b",
    re.IGNORECASE,
)

#: An attack denied: "we don't attack Moscow", "the base had not been shelled".
NEGATED_ATTACK = re.compile(
    r"\b(?:(?:do|does|did|have|has|had|would|will|could)(?:n['’]t|\s+not)|never)\s+"
    r"(?:been\s+)?(?:attack|strike|struck|hit|target|shell|bomb)\w*"
    # A threat is no attack: "cancelled due to the threat of drone strikes", "faced the risk
    # of attacks".
    r"|\b(?:threats?|danger|risk)\s+of\s+(?:(?:a|an|further|more|new|possible|potential)\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:attack|strike|raid|shelling|bombing)\w*",
    re.IGNORECASE,
)

#: A place in Ukraine named as held by Russia: "occupied Berdiansk", "Russian-held Luhansk".
OCCUPIED_CUE = _words(
    r"occupied",
    r"occupation",
    r"russian?-(?:held|occupied|controlled|installed|appointed)",
    r"moscow-(?:installed|appointed|backed|controlled)",
    r"seized",
    r"captured",
    r"annexed",
    r"kremlin-installed",
    r"under russian control",
    r"(?:held|controlled) by (?:russia|moscow)",
)

#: What small drones drop over border villages.
_DROPPABLE = r"(?:explosives?|explosive devices?|incendiary devices?|grenades?|munitions?)"
#: Munitions told dropped, in the passive: "an explosive device was dropped".
_DROPPED = (
    rf"(?:{_DROPPABLE}|ammunition)"
    r" (?:was|were|has been|have been|had been) dropped"
)
#: The same told in the active: "a drone dropped explosives on a substation", "had dropped
#: an incendiary device on a house".
_DROPPING = rf"dropp(?:ed|ing) (?:\w+ ){{0,2}}{_DROPPABLE}"
#: A weapon or its debris told as come down somewhere, in any tense or as a noun, with no
#: word of an attack: "pieces had fallen in the town", "fragments were found in a district",
#: "a drone fell squarely onto a shed", "the fall of a drone at the farm".
_CAME_DOWN = (
    r"(?:debris|fragments|wreckage)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:(?:has|had|have|was|were)\s+(?:been\s+)?)?(?:fallen|found|discovered|recovered)"
    r"|(?:fell|fallen|falling)\s+(?:\w+ly\s+)?(?:on|onto|into|inside|in)"
    r"|(?:the\s+)?fall\s+of\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:drones?|uavs?|missiles?|debris)"
)

#: The hit as translated reports name it ("prilyot"): "five arrivals were recorded", "the
#: arrival of an enemy drone into an oil tank", "the arrival took place at the plant"; not a
#: flight's or a visitor's ("arrivals and departures", "upon his arrival in").
_ARRIVAL = (
    # (The look back is asked only where the word stands.)
    r"arrivals?(?<!upon arrival)(?<!upon his arrival)(?<!upon her arrival)"
    r"(?<!upon their arrival)(?<!upon its arrival)"
    r"(?= (?:were|was) (?:recorded|counted|registered)| took place| in the| at the|"
    r" of (?:an? |the )?(?:enemy |ukrainian )?"
    r"(?:drones?|uavs?|missiles?|atacms|shells?|rockets?)\b)"
)
#: Verbs and nouns of an attack on something: a sentence without one reports no strike.
ATTACK = _words(
    r"attack(?:s|ed|ing)?",
    _ARRIVAL,
    r"strike[sd]?",
    r"striking",
    r"struck",
    r"hit(?:s|ting)?",
    r"target(?:s|ed|ing)?",
    r"bomb(?:ed|ing|ings)?",
    r"bombard(?:ed|ing|ments?|s)?",
    # The verbs of a heavy bombardment, in their forms that are no noun: "the area was
    # hammered by drones", "pounding the port" (not "a 500-pound bomb", "cake batter").
    r"hammer(?:s|ed|ing)?",
    r"pound(?:ed|ing)",
    r"batter(?:s|ed|ing)",
    r"pummel(?:s|ed|led|ing|ling)?",
    r"shell(?:ed|ing)",
    r"explosions?",
    r"blasts?",
    r"explod(?:ed|ing|es)",
    r"aimed at",
    r"tried to (?:attack|strike|hit|kill|destroy)",
    r"assassination attempt",
    # Translated General Staff wording for a hit: "confirmed the defeat of the refinery".
    r"confirm(?:ed|s)? the defeat",
    # Small drones over border villages: "a drone dropped explosives on a substation".
    _DROPPING,
    # The same told in the passive, as Russian governors tell it: "an explosive device was
    # dropped from a quadcopter", "ammunition was dropped onto the depot".
    _DROPPED,
    r"smash(?:ed|es|ing) into",
    r"shot down",
    r"(?:brought|taken) down",
    r"intercept(?:ed|ion|ions|s)?",
    r"downed",
    _DESTROY,
    # The attack told by what it did, as a noun: "confirmed the destruction of two landing
    # craft", "reported the destruction of ammunition depots in X"; not of a thing named
    # ("the destruction of Rostov-on-Don", a ship), which another word must tell.
    r"destruction of(?= (?-i:[a-z0-9]))",
    r"damag(?:ed|es|ing)",
    # The damage told as what the place went through: "the network has suffered severe
    # damage", "the depot sustained damage".
    r"(?:suffered|sustained|received) (?:[\w-]+ ){0,2}damage",
    # Burning told as a state, in any of its words: "the depot is on fire", "a tank in
    # flames".
    r"ablaze",
    r"on fire",
    r"in flames",
    r"aflame",
    r"set (?:fire to|on fire|alight|ablaze)",
    # The thing set on fire between the words: "set a military base on fire", "sets oil
    # tanks ablaze".
    r"(?:set|sets|setting) (?:[\w'’-]+ ){1,8}?(?:on fire|alight|ablaze)",
    r"caught (?:on )?fire",
    r"fire broke out",
    # Under fire: "the village came under artillery fire", "Donetsk was under intense fire";
    # and the shelling named by its guns: "killed by artillery fire".
    r"(?:came|come|comes|coming|was|were|is|are|remains?|been) under (?:[\w-]+ ){0,2}fire",
    r"(?:artillery|mortar|rocket|tank) fire",
    # The fire told in the perfect or as erupting: "a fire had broken out at the station",
    # "a blaze erupted at the depot".
    r"(?:fires?|blazes?) (?:(?:has|had|have) )?(?:broken out|broke out|erupted)",
    r"raids?",
    r"slamm(?:ed|ing)",
    r"slams",
    # Not "to repel an incursion": ground fighting.
    r"repel(?:led)?(?! (?:an? |the |its )?(?:[\w-]+ )?(?:incursion|offensive|invasion|advance))",
    r"sank",
    r"sunk",
    r"assault",
    r"engaged",
    r"blew up",
    r"burn(?:ed|ing)",
    r"came down",
    r"crashed\s+(?:into|on|onto|in)",
    _CAME_DOWN,
    # A fire told as what the strike caused, by any verb of causing in any form: "debris
    # triggered a fire", a headline's "drone sparks fire", "ignited a blaze".
    r"(?:start(?:s|ed|ing)?|spark(?:s|ed|ing)?|caus(?:e|es|ed|ing)|trigger(?:s|ed|ing)?|"
    r"ignit(?:e|es|ed|ing))\s+(?:an?\s+)?[\"“]?(?:\w+\s+)?(?:fires?|blazes?)",
    r"fired\s+(?:[\w-]+\s+){0,4}(?:at|on|into)",
    r"launched\s+(?:[\w-]+\s+){0,4}(?:at|against)",
    # The weapons told at length, as Moscow's defence ministry tells them: "fired six
    # US-made ATACMS missiles and four British-made Storm Shadow missiles at", "fired four
    # rockets from the multiple launch rocket system (MLRS) HIMARS at", "launched “12
    # missiles of Western manufacture” at".
    r"(?:fired|launched)\s+(?:[\w()’'“”\"-]+\s+){0,8}?"
    r"(?:missiles?|rockets?|drones?|uavs?|shells?|projectiles?)[”\"]?"
    r"(?:\s+[\w()’'“”\"-]+){0,8}?\s+(?:at|on|into|against)",
    r"used\s+(?:[\w-]+\s+){0,4}against",
    # The weapon told as a cause, however hedged: "a drone may have been involved in the
    # incident", "sea drones were involved in the strike".
    r"(?:drones?|uavs?|missiles?|rockets?)\s+(?:\w+\s+){0,3}?involved",
    # a tally: "38 over the Bryansk region"
    r"\d+\s+(?:more\s+)?(?:drones?\s+|uavs?\s+)?over",
)

#: A strike seen from the defence: interceptions and claims of drones brought down.
DEFENCE_CLAIM = _words(
    r"air defen[cs]es?",
    r"intercept(?:ed|ion|ions|s)?",
    r"shot down",
    r"(?:brought|taken) down",
    r"downed",
    rf"{_DESTROY} (?:\w+ )?(?:drones?|uavs?|missiles?)",
    r"repell?ed",
    r"suppressed",
    r"neutrali[sz]ed",
)
DEFENDER_VOICE = _words(
    r"russia(?:n|'s|’s)?",
    r"governor",
    r"defen[cs]e ministry",
    r"ministry of defen[cs]e",
    r"mayor",
    r"kremlin",
    r"moscow said",
    r"head of the region",
    r"regional head",
    r"emergencies ministry",
    r"local authorities",
    r"regional authorities",
    r"officials said",
    r"installed",
)
ATTACKER_VOICE = _words(
    r"ukrain(?:e|ian|e's|e’s)",
    r"general staff",
    r"sbu",
    r"hur",
    r"gur",
    r"military intelligence",
    r"intelligence sources?",
    r"security service",
    r"kyiv",
    r"navy of ukraine",
    r"ukrainian navy",
    r"armed forces of ukraine",
    r"zelensky",
)
#: Ukraine blamed for what happened, in a sentence that need tell no attack: "he blamed
#: the Ukrainian side", "blames the death of ... on Kyiv", "accused Ukraine of".
UKRAINE_BLAMED = re.compile(
    r"\b(?:blam(?:e|ed|es|ing)|accus(?:e|ed|es|ing))\s+(?:the\s+)?"
    r"(?:Ukrain(?:e|ian)|Kyiv|Kiev)\b"
    r"|\bblam(?:e|ed|es|ing)\b[^.;]{0,80}?\bon\s+(?:the\s+)?(?:Ukrain(?:e|ian)|Kyiv|Kiev)\b",
    re.IGNORECASE,
)
#: Ukraine named as where a place lies, not as who struck it: "provinces bordering Ukraine",
#: "the Kursk region, which borders Ukraine", "on the border with Ukraine".
UKRAINE_AS_BORDER = re.compile(
    r"\b(?:border(?:s|ing|ed)?|borderlands?|frontier)\s+(?:with\s+|of\s+|on\s+)?(?:the\s+)?"
    r"(?:[\w-]+\s+){0,2}?Ukraine\b"
    # "80 km from the Ukrainian border", "the Russian-Ukrainian border"
    r"|\b(?:Russian[-–])?Ukrain(?:e['’]s|ian)(?:[-–]Russian)?\s+(?:border|frontier)\b",
    re.IGNORECASE,
)
CLAIM_VERB = _words(
    r"said",
    r"says",
    r"claimed",
    r"claims",
    r"confirmed",
    r"reported",
    r"according to",
    r"announced",
    r"wrote",
    r"stated",
    r"told",
)
DAMAGE = _words(
    r"hit",
    r"struck",
    r"damaged",
    r"destroyed",
    r"sank",
    r"sunk",
    r"ablaze",
    r"fire",
    r"successful(?:ly)?",
    r"explosions?",
    r"damage",
)

#: Where a weapon is destroyed when it never reached the ground: "destroyed over the Kursk
#: region", "destroyed in midair".
_IN_THE_AIR = r"(?:over|above|in the sky|(?:in )?mid-?air|in the air)"
#: A word, perhaps opening a quotation: a claim quoted as said ('destroyed two "Ukrainian
#: drones"').
_OPEN_QUOTE = "[\"“‘']?"
_QUOTED_WORD = rf"{_OPEN_QUOTE}[\w-]+"
#: What air defences destroy: "15 fixed-wing UAVs", "several dozen unmanned aerial vehicles".
_AIRBORNE = r"(?:drones?|uavs?|unmanned aerial vehicles?|missiles?|rockets?|aircraft)"

#: A count in figures or, up to ten, in words.
_TO_TEN = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten"

#: Drones told as destroyed, the words before "destroyed": "57 drones were destroyed over
#: the Krasnodar region", "three unmanned boats were destroyed". (Not aircraft, missiles or
#: ships, which are also what a strike destroys on the ground.)
WEAPON_DESTROYED_BEFORE = re.compile(
    r"(?:\b(?:drones?|uavs?|unmanned aerial vehicles?|unmanned (?:surface )?(?:boats?|vessels?))"
    r"\b[^.;:]{0,60}?"
    # A tally told on: "Seven more were destroyed in Rostov-on-Don", "another was destroyed".
    rf"|\b(?:{_TO_TEN}|several)\s+(?:more|others)\s+"
    r"|\banother\s+)"
    r"\b(?:were|was|have been|had been|has been|being|are|is)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
#: A headline's drones destroyed, the verb's helper left out: "Ukrainian kamikaze drone
#: destroyed near Zaporizhzhia NPP", "Several UAVs Destroyed in Yaroslavl Region". A
#: place follows, where an attack's "drones destroyed a depot" names what they hit.
WEAPON_DESTROYED_IN_A_HEADLINE = re.compile(
    r"\b(?:drones?|uavs?|unmanned aerial vehicles?)\s+(destroyed)\s+"
    r"(?:in|near|over|above|outside|on approach to)\b",
    re.IGNORECASE,
)
#: What a strike did where it landed: the words that make its outcome ``hit``.
IMPACT = _words(
    r"hit",
    r"hits",
    _ARRIVAL,
    r"struck",
    r"damag(?:ed|ing|es)",
    r"damage",
    # "destroyed a depot", not "destroyed 20 drones" nor "destroyed over the X region"
    # (nor "destroyed and intercepted 18 drones")
    # (nor "intercepted or destroyed around 100 of the weapons")
    r"(?<!intercepted or )(?<!intercepted and )(?<!shot down or )(?<!shot down and )"
    r"(?<!intercepting and )"
    # (nor a bare "destroy", which may be an aim: "to attack the port, destroy ships")
    rf"destroy(?:s|ed) (?!\d)(?!{_IN_THE_AIR}\b)"
    rf"(?!(?!by\b)(?:{_QUOTED_WORD}\s+){{0,4}}{_OPEN_QUOTE}{_AIRBORNE}\b)"
    r"(?!and (?:intercepted|shot down|downed|suppressed)\b)",
    r"sank",
    r"sunk",
    # "four reached their targets", not "shot down before they reached their target".
    r"(?<!before they )(?<!before it )reached (?:their |its |the )?targets?",
    r"ablaze",
    r"on fire",
    r"fires?",
    r"blaze",
    r"burn(?:ed|ing|t)",
    r"caught fire",
    r"ignit(?:ed|es|ing)",
    r"explosions?",
    r"blasts?",
    r"debris (?:fell|falling|fall|hit|damaged|struck|landed)",
    _CAME_DOWN,
    r"confirm(?:ed|s)? the defeat",
    _DROPPING,
    _DROPPED,
    r"smash(?:ed|es|ing) into",
    # ("fell on", "in", "into": _CAME_DOWN, above)
    r"fell at",
    r"crash(?:ed|ing) (?:into|on)",
    r"exploded",
    r"wounded",
    r"injur(?:ed|ing|ies)",
    r"killed",
    r"dead",
    r"smoke",
    # A grid cut is what a hit on it leaves: "left thousands without electricity".
    r"without (?:electricity|power|heating|light)",
    r"blackouts?",
    r"power (?:outages?|cuts?)",
)
#: What a strike left, told with no word of the strike: "the depot sustained damage", "some
#: damage was reported in the region", "two people were injured in the district".
AFTERMATH = _words(
    r"(?:sustained|suffered|received)\s+(?:[\w-]+\s+){0,2}?damage",
    r"damage\s+(?:was|were|has been|had been)\s+(?:also\s+)?(?:reported|recorded|caused|done)",
    r"(?:was|were|have been|had been)\s+(?:also\s+)?(?:injured|wounded|hurt|killed)",
)
#: A part of a salvo: "four of them", "13 of the cruise missiles", "most of the air targets",
#: "68 of 91"; not "one of the districts", "one of the largest terminals".
PARTIAL_COUNT = re.compile(
    rf"\b(?:{_TO_TEN}|eleven|twelve|some|most|"
    rf"several|many) of (?:them|these|those|\d+|the (?:[\w-]+ ){{0,3}}?"
    rf"(?:{_AIRBORNE}|projectiles?|shells?|weapons?|targets?))\b",
    re.IGNORECASE,
)
#: The air defence told at work, which is what the explosions heard were when a report says
#: so: "air defences were operating in the city", "residents reported the air defence
#: system's activity", "most likely the sounds of air defence systems firing".
AIR_DEFENCE_AT_WORK = _words(
    r"air[- ]defen[cs]es?(?: (?:systems?|forces|units))?(?:['’]s?)? "
    r"(?:(?:was|were|is|are|had been|has been|have been) )?"
    r"(?:operating|at work|in action|active|firing|activity)",
    r"(?:sounds?|activity|work) of (?:the )?(?:[\w-]+ )?air[- ]defen[cs]es?",
)
#: Words of an explosion heard, which say no more than that something went off.
EXPLOSION_HEARD = _words(r"explosions?", r"blasts?")
#: The strike just told, named again by a noun for what happened: "the incident", "the fire".
_THE_INCIDENT = r"\bthe (?:incident|fire|blaze|detonation)\b"
THE_INCIDENT = re.compile(_THE_INCIDENT, re.IGNORECASE)
#: The strike just told, placed by a sentence that names it again: "the incident occurred
#: at the Ilsky refinery".
INCIDENT_PLACED = re.compile(
    _THE_INCIDENT + r"\s+(?:[\w-]+\s+){0,2}?"
    r"(?:occurred|happened|took place|broke out)\s+(?:at|in|near|on)\b",
    re.IGNORECASE,
)
#: A strike told as an earlier one: "a previous fire at the facility", "the earlier attack".
PREVIOUS_STRIKE = re.compile(
    r"\b(?:a|an|the) (?:previous|earlier|prior) (?:[\w-]+ )?"
    r"(?:fire|attack|strike|blast|explosion)s?\b",
    re.IGNORECASE,
)
#: Drones or missiles stopped before they reached anything: ``intercepted``.
INTERCEPTION = _words(
    r"intercept(?:ed|ion|ions|s|ing)?",
    r"shot down",
    r"shooting down",
    r"(?:brought|taken) down",
    r"downed",
    rf"{_DESTROY} (?!by\b|and\b)(?:{_QUOTED_WORD} ){{0,4}}?{_OPEN_QUOTE}{_AIRBORNE}",
    rf"{_DESTROY} {_IN_THE_AIR}",
    r"repell?ed",
    r"repulsed",
    r"fended off",
    r"fought off",
    r"thwarted",
    r"foiled",
    r"suppressed",
    r"neutrali[sz]ed",
)
#: A place named as where drones were sent: "some aimed at Moscow", "drones targeting the
#: Kursk region". Told beside their interception, they are drones on their way there.
DESTINATION_BEFORE = re.compile(
    r"\b(?:aimed|directed|headed|heading|flying|sent|launched)\s+(?:at|for|to|towards?)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+)?$"
    r"|\b(?:targeting|targetting)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
#: "no damage", "without casualties": an outcome word that says the opposite. The negation
#: reaches through what a report did not tell ("no reports of injuries or damage", "without
#: reporting any possible injuries", "did not report any casualties or damage") and through
#: the one nobody was ("no one was reported injured", "nobody was seriously hurt").
NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|without|nor|neither|never|prevent(?:ed|ing|s)?|avert(?:ed|ing)?|avoid(?:ed|ing)?)"
    r"\s+(?:\w+\s+){0,2}"
    r"(?:(?:reports?|reporting|information|word|mention)\s+(?:(?:of|on|about)\s+)?"
    r"(?:(?:any|the|possible|official|immediate|further)\s+){0,2})?"
    r"(?:[\w-]+\s+(?:or|and|nor)\s+(?:(?:any|the|possible|significant|serious)\s+)?)?$"
    r"|\b(?:no\s+one|nobody|none)\s+(?:(?:was|were|has|had|have|been|is|are|reported|\w+ly)\s+)"
    r"{1,3}$",
    re.I,
)

#: Drills rehearse the attacks they name: "troops practised simulated attacks on airports",
#: "the exercises will involve artillery fire".
_DRILLS = r"exercises|drills|war games|practi[cs](?:ed|ing)"
#: Measures taken for fear of drones: what the alert did, not where a strike fell ("forcing
#: the closure of the capital's airports", "the Kovyor plan", "a warning of sea-drone attacks
#: has been issued in Gelendzhik").
ALERT_MEASURE = _words(
    CLOSED_AIRPORT.pattern,
    r"(?:restrictions?|halted flights|suspended flights) (?:were )?(?:\w+ )?(?:at|on) "
    r"(?:[\w'’-]+ ){0,4}?airports?",
    # "the airports briefly suspended all flights", "flights were halted at Vnukovo".
    r"(?:suspend|halt|stop|restrict|ground|divert|cancel|delay)(?:s|ed|ing|led|ling)? "
    r"(?:all |its |their |some |several )?(?:[\w-]+ ){0,5}?flights",
    # "the attack disrupted air traffic across southern Russia".
    r"disrupt(?:s|ed|ing)? (?:air|rail|road) traffic",
    r"flights (?:\w+ ){0,3}?(?:were|was|had been|have been|has been) (?:\w+ )?"
    r"(?:suspended|halted|stopped|restricted|grounded|diverted|cancell?ed|delayed)",
    r"kovyor",
    r"carpet plan",
    r"(?:warning|alert)s? (?:[\w-]+ ){0,8}?(?:issued|declared|sounded)",
    r"(?:ban|halt|restrictions?)[\"”’']? on (?:ship|shipping|vessel|sea|air|road|rail) "
    r"(?:movements?|traffic|navigation)",
    # "blocked traffic on the Crimean bridge", "traffic on the bridge was halted".
    r"(?:block|halt|stopp|suspend|restrict|clos)(?:s|ed|ing|e|es)? (?:all |the )?"
    r"(?:road |vehicle |car )?(?:traffic|movement)",
    r"(?:traffic|movement) (?:[\w'’-]+ ){0,4}?(?:was|were|had been|has been|is|are) "
    r"(?:\w+ )?(?:blocked|halted|stopped|suspended|restricted|closed)",
    _DRILLS,
)

#: A photograph's caption, which tells what a picture shows, often of an earlier day: "FILE -
#: In this handout photo released on Sept. 13, 2023 ...", "In this image from a video
#: released on July 19 ...", "This satellite image shows ...", "A view shows ...", "PHOTO
#: CAPTION: Illustrative photo - Smoke rises ...".
PHOTO_CAPTION = re.compile(
    r"^\s*(?:FILE\b(?:\s+PHOTO)?\s*[-–—:]|PHOTO\s+CAPTION\b|Illustrative\s+(?:photo|image)\b"
    r"|(?:In\s+)?this\s+(?:(?:undated|handout|file|satellite|aerial|video|screen\s*grab)\s+)*"
    r"(?:photo(?:graph)?|image|picture|screenshot|screen\s*grab|still|frame|grab)\b"
    r"|A\s+view\s+shows\b)",
    re.IGNORECASE,
)

#: Strikes told as some of several at a place ("targeted twice this month", "attacks are not
#: new there", "hit frequently").
TOLD_AS_ONE_OF_MANY = _words(
    r"twice",
    r"(?:three|four|five|several|many|multiple|a few) times",
    r"already",
    r"frequently",
    r"repeatedly",
    r"not (?:the )?first",
    r"not new",
)

#: Generality: habits, series, hypotheticals and abilities are not one strike.
#: Words of a habit or a series, never of one strike: "the army regularly prepares missiles
#: there", "a spate of strikes on ships in Sevastopol", "has intensified its drone raids".
HABIT = _words(
    r"increasingly",
    r"regularly",
    r"repeatedly",
    r"routinely",
    r"frequently",
    r"typically",
    r"sporadically",
    r"periodically",
    r"every (?:day|night|week)",
    r"in (?:past|previous|earlier) (?:instances|cases|attacks)",
    r"an? (?:string|series|campaign|spate) of (?:[\w-]+ ){0,2}(?:strikes|attacks|raids|assaults)",
    r"waves of (?:[\w-]+ ){0,2}(?:strikes|attacks|raids)",
    r"(?:has|have|had) (?:\w+ )?(?:intensified|stepped up|escalated|ramped up)",
    # "near-daily strikes", "attacks almost daily".
    r"(?:near|almost|nearly)[- ](?:daily|nightly)",
    # "attacked several times this month", "targeted multiple times this year"; not
    # "shelled several times that day", one day's strike, nor a series whose first ("since
    # March") or "most recent" strike the sentence tells.
    r"(?:several|multiple|many|numerous) times (?:this|last|before|during|in recent)\b"
    r"(?![^.;]*\b(?:most recent(?:ly)?|latest)\b)",
    r"escalation (?:in|of) (?:[\w-]+ )?(?:strikes|attacks|raids)",
    r"(?:repeated|persistent|constant|sustained) (?:[\w-]+ ){0,3}"
    r"(?:strikes|attacks|raids|shelling)",
)
#: Strikes told as a campaign over time, not as one strike: "refineries have been the target
#: of drone attacks in recent months", "Kyiv has been striking Russian industry".
CAMPAIGN = _words(
    HABIT.pattern,
    r"(?:in|over) recent (?:weeks|months|years)",
    r"for (?:months|years)",
    r"over the past (?:few |several )?(?:weeks|months|years)",
    r"ha(?:s|ve|d) been (?:attacking|striking|shelling|targeting|hitting|bombing)",
)
GENERIC = _words(
    HABIT.pattern,
    r"has (?:been )?(?:used|hit|struck|sunk|attacked|launched|carried out|targeted"
    r"|developed)",
    # Not "is believed to have targeted", "is said to have hit": one strike, by hearsay.
    r"(?<!\bto )have (?:been )?(?:used|hit|struck|sunk|attacked|launched|carried out|targeted"
    r"|become|peppered|distracted|caused)",
    r"had (?:been )?used to",
    # "Since 2023, Ukraine has been attacking ...": a campaign, not one strike
    r"ha(?:s|ve|d) been (?:attacking|striking|shelling|targeting|launching|hitting|bombing|"
    r"using|conducting|carrying out)",
    # "the attacks on Sevastopol": strikes in the plural and definite are a series; not "the
    # attacks on the Engels base and the Dyagilevo base", one on each of the targets joined.
    r"the (?:[\w-]+ )?(?:attacks|strikes|raids) on(?![^.;]{0,100}?\band the\b)",
    # "This follows previous Ukrainian attacks, including on ...": strikes of the past, in
    # the plural, recalled as a series.
    r"(?:previous|earlier|prior|past) (?:[\w-]+ ){0,2}(?:attacks|strikes|raids|assaults)",
    r"throughout",
    r"once seemed",
    # Not "in what would be the latest strike": the news itself, weighed.
    r"(?<!in what )would",
    # Not a hedge on what befell a place: "the depot could have been hit by a drone".
    r"(?<!in what )(?:could|might)"
    r"(?! have been (?:attacked|hit|struck|targeted|caused|damaged|shelled))",
    r"capabilit(?:y|ies)",
    _DRILLS,
    r"(?:in|over) recent (?:weeks|months|days)",
    r"for (?:months|years|weeks)",
    r"over the past",
    r"prospect",
    r"threat of",
    r"if ",
    r"whether",
)

#: A person named in full, the surname captured: "Alexander Gusev", "Kyrylo Tymoshenko".
_GIVEN_NAMES = sorted((name.capitalize() for name in word_list("given-names.txt")), key=len)
PERSON_NAMED = re.compile(
    r"\b(?:" + "|".join(reversed(_GIVEN_NAMES)) + r") (?P<surname>[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?)\b"
)

#: Words after a place that make it the subject of speech or policy: "Moscow said".
ACTOR_VERBS = word_list("actor-verbs.txt")
#: Nouns after a place that make it the seat of an office: "the Tver governor said".
OFFICE_NOUNS = word_list("office-nouns.txt")
AUXILIARIES = word_list("auxiliaries.txt")
PASSIVE_STRIKE = _words(
    r"hit",
    r"struck",
    r"attacked",
    r"targeted",
    r"bombed",
    r"shelled",
    r"damaged",
    r"destroyed",
    r"rocked",
    r"shaken",
    r"under attack",
    r"under fire",
    r"set on fire",
)

#: Nouns that follow a place name and keep it a place ("Kaspiysk port", "Dagestan region").
GEO_NOUNS = word_list("geo-nouns.txt")
#: Nouns before a name that make it a ship's name, not a place ("the missile ship Dagestan").
SHIP_NOUNS = _words(
    r"ships?",
    r"vessels?",
    r"corvettes?",
    r"frigates?",
    r"cruisers?",
    r"submarines?",
    r"boats?",
    r"tankers?",
    r"tugs?",
    r"minesweepers?",
    r"named",
    r"identified as",
)
#: A place named as a distance reference ("250 miles west of Moscow").
DISTANCE_REFERENCE = re.compile(
    r"(?:\d[\d,.]*|hundreds|dozens|tens|several|a few|thousands?|a hundred|some)\s*"
    r"(?:\w+\s+){0,2}(?:miles?|mi|km|kilomet(?:er|re)s?)\b"
    r"(?:\s+(?:\(\d[\d,.]*\s*\w+\)))?"
    r"(?:\s+(?:\w+-)?(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west|inside|behind|beyond|away))*"
    # "110 km from the centre of Moscow", "40 km west of the city of Kursk".
    r"\s+(?:of|from)\s+(?:the\s+)?"
    r"(?:(?:[A-Z][\w-]*\s+){0,4}(?:cent(?:re|er)|city|town|village|port)\s+of\s+(?:the\s+)?)?"
    # "145 km west of Russian-occupied Donetsk".
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
#: A place named as a route: "the land corridor through Zaporizhzhia".
ROUTE_REFERENCE = re.compile(
    r"(?:\b(?:through|via|across|towards?|along|bound for|heading for|en[ -]route to|between|"
    r"routes?\s+(?:into|to))"
    r"|\b(?:moved|moving|relocated|sailed|fled|withdrew|withdrawn|transferred|shifted|"
    r"redeployed|evacuated|left|departed|flew|return|returns|returned|returning)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:to|towards?|for))\s+"
    r"(?:the\s+)?(?:(?:occupied|southern|northern|eastern|western)\s+)?"
    # "toward the villages of X", "en route to the Russian port of X": the way, past the
    # noun of the places it names.
    r"(?:(?:[\w-]+\s+)?(?:villages?|towns?|cit(?:y|ies)|settlements?|ports?)\s+of\s+)?$",
    re.IGNORECASE,
)
#: Russia as the attacker: its strikes on Ukraine, like its own accidents, are out of scope.
RUSSIAN_ATTACKER = re.compile(
    # "Russia's military attacked", as "Russian forces attacked": the attacker's own army
    r"\b(?:Russia|Moscow|(?:Russian|Russia(?:'s|’s))\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|army|"
    r"military|aviation|artillery|warplanes?|jets?|bombers?|aircraft|pilots?))\s+"
    # "Russia has launched", "Russian forces had shelled": the perfect tenses, not the
    # passive ("have been hit").
    r"(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?"
    r"(?:fired|launched|pounded|hammered|battered|pummell?ed|shelled|bombed|"
    r"dropped|unleashed|struck|hit|attacked|targeted|responded)\b"
    r"(?!\s+(?:by|at|in|on|during|while|when)\b)"
    # An army told by what it did to people or targets: "Russia's Armed Forces wiped out
    # five depots", "the occupiers killed a resident"
    r"|\b(?:occupiers|occupation forces|(?:Russian|Russia(?:'s|’s))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:forces|troops|army|military))\s+(?:killed|wiped out|attacked|shelled)\b",
    re.IGNORECASE,
)
#: Ukraine named as the attacker: "Ukrainian drones struck", "Ukraine also launched".
_UKRAINE = r"\bUkrain(?:e|ian)(?:'s|’s)?"
UKRAINIAN_ATTACKER = re.compile(
    rf"{_UKRAINE}\s+(?:[\w-]+\s+){{0,2}}?(?:drones?|uavs?|missiles?|(?:air)?strikes?|attacks?|"
    r"launched|struck|hit|attacked|targeted|fired)\b"
    # Not "command posts of Ukraine's armed forces": what was struck, owned by Ukraine.
    rf"|{_UKRAINE}(?<!\bof Ukraine's)(?<!\bof Ukraine’s)(?<!\bof the Ukrainian)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|military|army|navy)\b"
    # An accusation: "officials accused Ukraine of attacking the Kursk plant".
    rf"|(?:{_UKRAINE}|\bKyiv|\bKiev)\s+of\s+(?:[\w-]+\s+)?"
    r"(?:attacking|striking|targeting|shelling|launching|firing)\b",
    re.IGNORECASE,
)
#: Russia's strike told as a noun: "a Russian drone strike hit", "a massive Russian attack",
#: "during Russia's overnight attack".
RUSSIAN_STRIKE = re.compile(
    r"\bRussia(?:n|'s|’s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?:air)?strikes?|attacks?|shelling|bombardments?|barrages?)\b"
    # Russia as the agent of the passive: "killed in shelling by Russian forces", "hit by
    # Russian missiles", "an overnight missile attack by Russia".
    r"|\b(?:shelling|(?:air)?strikes?|attacks?|bombardments?|fire|shelled|attacked|struck|hit|"
    r"targeted)\s+(?:carried out\s+)?by\s+(?:the\s+)?"
    r"(?:Russia\b|Russian\s+(?:forces|troops|army|military|drones?|missiles?))",
    re.IGNORECASE,
)
#: Ground fighting for a place, which is no strike on it: "drove Russian troops out of the
#: villages of X", "Russia is attempting to capture the city of X". (Not "captured X", which
#: also names a place held by Russia: "explosions in captured Skadovsk".)
GROUND_FIGHT_BEFORE = re.compile(
    r"\b(?:to (?:capture|seize|retake|recapture)|(?:drove|driven|pushed) (?:[\w-]+ ){0,3}?out|"
    r"took control of|tak(?:en|ing) control of|advanc\w+ (?:on|toward|towards)|"
    r"(?:captured|seized|recaptured|liberated|retook|retaken) (?:the )?"
    r"(?:village|town|city|settlement)s? of|"
    # "as Kyiv pushes its offensive in the Kursk region", "invading the Kursk region"
    r"(?:offensive|incursion|invasion)s? (?:in|into)|invad(?:e|es|ed|ing))\b[^.;:!?]{0,80}$",
    re.IGNORECASE,
)
RUSSIAN_ACCIDENT = _words(
    r"accidental(?:ly)?",
    r"by accident",
    r"by mistake",
    r"abnormal release",
    r"friendly fire",
    # An aircraft that crashed, told with no attack on it: "a MiG-31 crashed in the Murmansk
    # region", "a plane flying from Moscow to Saint Petersburg crashed". (A digit, then
    # any word characters: a run of digits read once, not split every way it can be.)
    r"(?:(?:mig|su|tu|il|an|ka|mi|yak)-\d\w*|planes?|jets?|aircraft|helicopters?|bombers?)"
    r"\s+(?:[\w-]+\s+){0,6}?(?:crashed|fell into|went down)(?!\s+(?:into|onto|on)\s+(?:a|the)\s+"
    r"(?:house|building|depot|refinery|base))",
)
#: A place named as where the attack came from.
LAUNCH_REFERENCE = re.compile(
    r"(?:launched|fired|flew|flying|took off|coming|came|sent)\s+(?:\w+\s+){0,3}from\s+"
    r"(?:the\s+)?(?:territory\s+of\s+|direction\s+of\s+|occupied\s+)?"
    # "fired from the Moscow-occupied peninsula of Crimea"
    r"(?:[\w'’-]+\s+){0,2}?(?:(?:peninsula|region|city|territory)\s+of\s+)?$"
    r"|\bfrom\s+the\s+direction\s+of\s+$"
    # "the border with the occupied part of Ukraine's Luhansk region"
    r"|\b(?:borders?|bordering)\s+"
    r"(?!(?:regions?|towns?|city|cities|villages?|areas?|districts?|guards?|posts?)\b)"
    r"(?:with\s+|of\s+)?(?:[\w'’-]+\s+){0,6}?$",
    re.IGNORECASE,
)

#: Sentence-initial and title words that are also the names of villages somewhere, and
#: cities abroad that villages here are named after ("Paris").
COMMON_WORDS = word_list("common-words.txt")
