"""Actors named in the lead's sentences, for pages whose infobox names none (or that have none).

A researcher who codes an event from its text alone takes the belligerents from the sentence
that opposes them and the perpetrator from the sentence that says who carried the attack out.
These rules read only such sentences of the lead paragraph, and only these shapes:

* **Sides** (battles, wars): "… between *A* and *B*", "… between *A* and *B* against *C*" (the
  "against" separates the sides), "… between *A* on one side and *B* on the other"; "an
  offensive launched by *A* against *B*" (also "conducted / carried out / led by", "an operation
  by …", and "to capture X from *B*"); "*A* launched an offensive against *B*"; "The
  combatants were *A* and *B*"; "an operation of *A* against *B*", "conducted by *A* on areas
  controlled by *B*", "launched by *A* … to expel *B*", "*A* intended to capture X from *B*",
  "*A* invaded *C*" (a country), "*A* attacked P (a place), battling *B*", "an attack
  against *B* launched by *A*", "code-named Y by *A*, was a military operation against *B*",
  "*A* pushed *B* back", "*A* were driven away by *B*"; after one side, a later "repelled by
  *B*" or "*B* (a force) to fight against *A*" names side 2. A list of three or more parties without "against" makes two
  sides only when the extra parties are called allied ("… and the allied separatist Donetsk
  People's Republic") and so join the party before them; otherwise the sides are unclear and
  none is taken (null beats a guess).
* **Perpetrators** (attacks): "carried out / conducted / perpetrated / committed / launched /
  claimed by *A*", "an attack / strike / bombing … by *A*", "*A* claimed responsibility". A
  sentence that only suspects, accuses or reports someone's statement ("allegedly",
  "suspected", "blamed", "according to", "said that") names no perpetrator.

A party is a phrase of at most 24 words that ends at a clause boundary (a comma, a
preposition or connective such as "in", "during", "for", "led by", an -ing word); it must hold
a capitalised word or a word that names an armed group ("rebel forces", "militants"). Parties
are split into actors, and their kinds classified, by :func:`~eventledger.normalise.actors.split_actors`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from eventledger.models import Sentence
from eventledger.normalise.actors import NUMBERED_UNIT, Actor, split_actors

__all__ = [
    "ActorMention",
    "frequent_opponent",
    "frequent_sides",
    "lead_actors",
    "narrative_opponent",
    "narrative_sides",
]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One actor a lead sentence names: offsets index into ``sentence.plain.text``."""

    role: str  # 'combatant' | 'perpetrator'
    side: int | None
    sentence: Sentence
    start: int
    end: int
    actor: Actor


#: A compass word: "north", "northern", "north-east", "southwestern" …
_COMPASS = r"(?:north|south|east|west)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?"
#: Where a party's phrase ends: punctuation, prepositions and connectives, an -ing word.
_BOUNDARY = re.compile(
    # ("Popular Front for the Liberation of Palestine": "for" inside a name goes on)
    r"\s*[,;:–—]|\.(?=\s|$)|\s+(?:in|during|over|for(?:(?!\s+(?:the\s+)?(?-i:[A-Z]))|"
    r"(?<!Front\sfor)(?<!Movement\sfor)(?<!Party\sfor)(?<!League\sfor)(?<!Union\sfor)"
    r"(?<!Council\sfor)(?<!Committee\sfor)(?<!Organization\sfor)(?<!Organisation\sfor)"
    r"(?<!Army\sfor)(?<!Alliance\sfor)(?<!Coalition\sfor)(?<!Forces\sfor)"
    r"(?<!Association\sfor)(?<!Society\sfor)(?<!Centre\sfor)(?<!Center\sfor)"
    r"(?<!Campaign\sfor)(?<!Congress\sfor))|that|which|who|"
    r"whose|as|on|near|at|around|"
    r"from|to|with|since|after|before|when|while|where|following|throughout|backed|supported|"
    r"led|under|amid|across|along|into|inside|outside|within|until|against|by|between|"
    r"took|began|started|ended|lasted|was|were|is|are|had|has|killed|captured|seized|"
    # a count's verb ends its subject: "the strikers killed by the Colombian military
    # exceeded one thousand"
    r"exceeded|numbered|totall?ed|amounted|remained|"
    r"retook|affiliated|linked|loyal|aligned|associated|based|stationed|deployed|"
    r"and\s+(?:later|then|eventually|subsequently)|[a-z]+ing|[a-z]{3,}ly|later|combined|"
    r"together|also|then|again|still|soon|"
    rf"(?:{_COMPASS})\s+of)\b"
)
#: Words that make an all-lower-case phrase an armed party ("rebel forces", "militants").
_GROUP_WORD = re.compile(
    r"\b(?:forces|troops|rebels?|insurgents?|militants?|militias?|fighters|soldiers|army|"
    r"jihadists?|guerrillas?|partisans|factions?|groups?|police)\b",
    re.I,
)
_CAPITAL = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*")
#: The armed men of a force, named before it ("guerrillas of the …", "soldiers of the …").
_MEN_NOUNS = (
    "guerrillas|militants|gunmen|soldiers|commandos|agents|operatives|rebels|insurgents|"
    "paratroopers|marines|sailors|airmen|pilots"
)
#: The men of a group named after its name ("Hezbollah fighters", "Serb militants").
_MEN_AFTER = "fighters|militants|gunmen|guerrillas"
_LEADING = re.compile(
    r"^(?:(?:when|then|allied|remaining|the|a|an|mainly|mostly|largely|primarily|elements|units|parts|remnants|members|"
    r"fighters|military|forces|troops|tanks|artillery|aircraft|helicopters|drones)\s+"
    r"(?:of\s+)?"
    # "guerrillas of the Zimbabwe People's Revolutionary Army": the men of a named force
    rf"|(?:{_MEN_NOUNS})\s+of\s+"
    # "two Bulgarian Air Force MiG-15 jet fighters": a count before the force's name and its
    # machines (not "Two Ukrainian tanks of the 30th Brigade", a clash of vehicles)
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(?=(?-i:[A-Z])"
    r"[^.;]*\s(?:fighters|jets|aircraft|warplanes|planes|helicopters|gunships|bombers|"
    r"warships|torpedo\s+boats|gunboats|submarines|drones)$))+",
    re.I,
)
#: A description before a group's name: "(the) West German far-left militant group (Red Army
#: Faction)", "the Islamist terrorist organisation (Hamas)".
_DESCRIBED = re.compile(
    r"(?:[\w'’-]+\s+){0,4}?(?:militant|armed|terrorist|guerrilla|rebel|paramilitary|extremist|"
    r"jihadist|separatist|insurgent|far-left|far-right|left-wing|right-wing|Islamist|"
    r"neo-Nazi|Marxist|Maoist|nationalist)\s+(?:group|organi[sz]ation|movement|network|cell|"
    r"militia|faction)\s+(?=[A-Z][\w'’-]*\s+[A-Z])"
)
#: Nouns after a party that name its places or deeds ("ISIL strongholds", "the Russian attack").
_TRAILING_NOUN = re.compile(
    r"\s+(?:strongholds?|positions?|bases?|territor(?:y|ies)|lines?|defen[cs]es|attacks?|"
    r"assaults?|offensives?|advances?|columns?|held\s+areas|-held\s+areas)$"
    # "Lebanese Hezbollah fighters": the group's men, the party is the group
    rf"|\s+(?:{_MEN_AFTER})$"
    # "Israeli Air Force jet fighter aircraft", "… MiG-15 jet fighters", "Israeli Navy motor
    # torpedo boats": the force's machines, the party is the force
    # ("Lebanese Hezbollah fighters" are men: "fighters" is a machine after a model or "jet")
    r"|(?:\s+[^\s\d]*\d\S*(?:\s+(?-i:[A-Z])[^\s\d]*)*)+\s+(?:jet\s+)?(?:fighter\s+)?"
    r"(?:fighters?|jets?|aircraft|warplanes?|planes?|helicopters?|gunships?|bombers?|"
    r"interceptors?|warships?|(?:motor\s+)?torpedo\s+boats?|gunboats?|submarines?|drones?)$"
    r"|\s+(?:jet\s+fighters?|(?:jet\s+)?(?:fighter\s+)?(?:jets|aircraft|warplanes?|planes|"
    r"helicopters?|gunships?|bombers|interceptors?|warships?|(?:motor\s+)?torpedo\s+boats?|"
    r"gunboats?|submarines?|drones))$"
)
#: A weapon after its owner's name: "Hamas rocket", "Hezbollah anti-tank missiles".
_WEAPON_TAIL = re.compile(
    r"(?:\s+(?-i:[a-z])[\w-]*){0,2}\s+(?:missiles?|rockets?|bombs?|shells?|torpedo(?:es)?|"
    r"grenades?|mortars?|IEDs?)$"
)
#: A machine named by its model: "MiG-23 fighter", "F-4 jets" (not "M-19", a group).
_MODEL_MACHINE = re.compile(
    r"[A-Za-z]+-?\d[\w-]*\s+(?:jet\s+)?(?:fighters?|jets?|aircraft|bombers?|interceptors?|"
    r"helicopters?|drones?|gunships?|warplanes?|planes?)"
)
#: A name that is only a machine's model: "MiG-23", "F-4".
_MODEL_ONLY = re.compile(r"[^\s\d]*\d\S*")
#: The words of an armed force's name ("Air Force", "Navy", "Guard").
_FORCE_WORDS = re.compile(
    r"(?i:army|navy|force|forces|guard|corps|militia|brigade|regiment|division|fleet|police)"
)
#: An owner's name: capitalised words, no figure ("Hamas", "Islamic Jihad").
_OWNER = re.compile(r"(?:[A-Z][\w'’.]*)(?:\s+(?:of\s+)?[A-Z][\w'’.]*){0,3}")
#: The armed men of a force named after them ("soldiers of", "guerrillas of").
_MEN_OF = re.compile(rf"\b(?:{_MEN_NOUNS}|fighters|troops|members|elements|units)\s+of\s+", re.I)
_ALLY_IN_BRACKETS = re.compile(
    r"\s*\((?:alongside|together\s+with|with|and|backed\s+by|supported\s+by|aided\s+by)\s+"
    r"(?P<p>[^()]+)\)"
)
_TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:[a-z]{3,}ly|later|also|then|again|still|soon|first|together|combined|"
    r"subsequently|eventually))+$"
)
#: Words after a country or demonym that still name its state forces ("Russian armed forces").
_GENERIC_FORCE = frozenset(
    "forces army troops military armed ground soldiers units federation federal navy naval "
    "led".split()
)
#: "northern Turkish-led forces": a compass word says where a force is, not whose it is.
_COMPASS_WORD = re.compile(_COMPASS)
#: Bare nouns that name no party of their own ("… and allied groups").
_GENERIC = frozenset("groups factions forces allies units others troops elements".split())
_REMARK = re.compile(r"\s*\(X*\)\s*$")
_COMPASS_AND = re.compile(
    r"\b(?:North|South|East|West)(?:ern)?\s+and\s+(?:North|South|East|West)(?:ern)?\b"
)
#: A phrase that names a place or nobody: "rebel-held districts", "No group".
_NOT_A_PARTY = re.compile(
    r"(?:\b(?:districts?|areas?|territor(?:y|ies)|positions?|city|town|villages?|regions?|"
    r"countryside|provinces?|neighbou?rhoods?|parts?)$)|"
    # "hit by a Soviet-made Strela-2 surface-to-air missile": a weapon, no party
    r"(?:\b(?:missiles?|rockets?|bombs?|shells?|torpedo(?:es)?|mines?|grenades?|explosives?|"
    r"IEDs?|rounds|gunfire|shrapnel|mortars?)$)|"
    r"^(?:no|none|nobody|neither|it|its|they|he|she|this|these|those|there)\b",
    re.I,
)
_ALLIED = re.compile(r"^(?:the\s+)?(?:allied|its\s+allies|their\s+allies|allies)\b", re.I)
#: A sentence that reports suspicion, accusation or someone's words names no perpetrator.
_DOUBT = re.compile(
    r"\b(?:alleged(?:ly)?|suspect(?:ed|s)?|believed|accused|accuses|blamed|blames|reportedly|"
    r"according to|claimed that|claims that|said that|says that|denied|unclear|possibly|"
    r"reported(?:\s+(?:to\s+)?[\w-]+)?\s+that\b(?!\s+(?:day|night|week|month|year|morning|"
    r"afternoon|evening|time|weekend)\b)|"
    r"probably|likely|presumably|unknown|unidentified)\b",
    re.I,
)

#: "between A and B"; "saw heavy fighting from (involving) A and B" lists the fighters too.
_BETWEEN = re.compile(r"\b(?:between|fighting\s+(?:from|involving)(?=\s+(?:the\s+)?[A-Z]))\s+")
#: Nouns of a military operation that name who conducts it and whom it is against.
_OPERATIONS = (
    r"operation|offensive|counteroffensive|counter-offensive|campaign|assault|intervention|"
    r"incursion"
)
_BY_AGENT = re.compile(
    r"\b(?:(?:launched|conducted|carried\s+out|waged|mounted|initiated|undertaken|begun|"
    r"started|laid|fought|imposed|captured|besieged|seized|overrun|occupied|encircled|"
    r"recaptured|re-captured|retaken|taken(?:\s+back)?|attacked|assaulted|stormed|invaded)(?:\s+(?:on|in|during)\s+[^,;.()]{1,40}?)?\s+(?:\([^()]*\)\s+)?by|(?:"
    rf"{_OPERATIONS}|attack|advance|invasion|operations|offensives)"
    r"\s+by)\s+",
    re.I,
)
_SUBJECT_LAUNCHED = re.compile(
    r"\b(?:launched|began|started|mounted|initiated)\s+(?:an?|the|their|its|his|her)\s+"
    r"(?:[\w–-]+\s+){0,3}?(?:offensive|counteroffensive|counter-offensive|attack|assault|"
    r"operation|campaign|invasion|incursion)\b(?:\s+against\s+)?",
    re.I,
)
_FROM_CAPTURE = re.compile(
    r"\b(?:capture|capturing|recapture|recapturing|seize|seizing|take|taking|retake|retaking|"
    r"expel|expelling|dislodge|dislodging|drive|driving|wrest|wresting)\b"
    # "capturing the town of Dabiq, north of Aleppo from ISIL": a comma before a place's
    # bearing from another place does not end the clause
    r"(?:[^,;.]*?,\s+(?:[\d.]+\s*(?:km|kilometres|kilometers|mi|miles)\s+)?"
    rf"(?:{_COMPASS})\s+of\s+"
    r"(?:the\s+)?(?-i:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+|[^,;.]*?)\bfrom\s+",
    re.I,
)
_AGAINST = re.compile(r"\bagainst\s+")
#: "the siege of two Syrian Army bases, Wadi Deif and Hamadiyah (…), by rebel forces".
_SIEGE_OF_BY = re.compile(
    r"\b(?:siege|blockade|encirclement|occupation|capture)\s+of\s+[^.;]{1,120}?,?\s+"
    r"(?<!backed\s)(?<!supported\s)(?<!led\s)(?<!named\s)(?<!dubbed\s)(?<!called\s)by\s+",
    re.I,
)
_COMBATANTS_WERE = re.compile(
    r"\b(?:the\s+)?(?:combatants|belligerents|opposing\s+sides|warring\s+parties)\s+were\s+",
    re.I,
)
_PERPETRATED_BY = re.compile(
    r"\b(?:(?:carried\s+out|conducted|perpetrated|committed|launched|executed|orchestrated|"
    r"claimed|organi[sz]ed|staged|undertaken|mounted|planned|attacked|struck|shelled|"
    # "demonstrators … were fired upon by soldiers of the Imperial Guard"
    r"bombed|targeted|hit|hijacked|fired(?:\s+(?:up)?on|\s+at)?|"
    # "was shot down shortly after take-off from Tehran … by the IRGC"
    r"shot\s+down(?=[^.;()]{0,100}?\s+by\s)"
    # (not another participle's agent: "on a mission ordered by the United Nations", "over
    # territory occupied by Israel"; a place ending so, "over Yemen by", is no participle)
    r"(?:\s+(?:(?!(?:\w+ed|\w+wn|held|run|led|built|sent|bound|made|kept|taken|given|driven|"
    r"chosen|stolen|written|hidden|paid|hit|shot)\s+by\b)[^.;()]){1,100}?)?)"
    # "hijacked on the ground at Karachi by …": the place between the verb and its agent
    r"(?:\s+(?:on\s+the\s+ground\s+)?(?:at|in|near|outside|over|off)\s+(?:the\s+)?"
    r"(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}))?"
    # "carried out on 8 August 1985 by …": a date between the verb and its agent
    r"(?:\s+(?:on|in)\s+(?:\d{1,2}\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?,?\s+\d{3,4})?\s+by|"
    r"(?:attack|strike|airstrike|air\s+strike|bombing|shelling|raid|shooting|massacre|assault|"
    r"ambush|bombardment|attacks|strikes|airstrikes|bombings)"
    # "an attack on a group of Kamilaroi people by …", "the massacre of 300 villagers by …":
    # the target between the noun and "by"
    r"(?:\s+(?:on|against|of)\s+[^,;.()]{1,60}?)?\s+by"
    # "The bomb had been planted by Albert Guay": a bomb's (device's, explosives') planter
    # (not "a memorial oak was planted by …", nor a bomb detonated by sappers: see
    # _DEFUSED)
    r"|\b(?:bombs?|devices?|explosives?|IEDs?|charges?|dynamite|landmines?)\s+(?:had\s+been|"
    r"has\s+been|was|were)\s+(?:\w+ly\s+)?(?:planted|placed|detonated|set\s+off)\s+by"
    # "The bombing had been ordered by the Medellín Cartel": who ordered the attack itself
    # (not "a mission ordered by the United Nations", which the verbs above refuse)
    # (the noun the subject of its clause, "The bombing …", not "an inquiry into the killings
    # was commissioned by …")
    r"|(?:^|(?<=[;:,]\s))(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:attack|attacks|bombing|bombings|"
    r"massacre|killings?|shooting|assassination|hijacking|raid)\s+(?:had\s+been|has\s+been|"
    r"was|were)\s+(?:\w+ly\s+)?(?:ordered|commissioned|masterminded|sponsored)\s+by"
    # "was the killing of 69 campesinos, among them 23 children, by …": the page's own
    # predicate (not "after the killing of … by …", another killing)
    r"|\b(?:was|were)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:killing|killings|murder|murders|"
    r"seizure|hijacking|kidnapping|abduction|massacre|slaughter|extermination)"
    # (not past a clause that reports it: "…, later documented in detail by Human Rights Watch")
    r"\s+of\s+(?:(?!\b(?:documented|reported|investigated|condemned|described|recogni[sz]ed|"
    r"confirmed|estimated|denounced|studied|recorded|designated|called|declared|ruled|found|"
    r"judged|established|acknowledged|commemorated|depicted)\b)(?:[^;.()]|\([^();.]{1,40}\))"
    # ("the massacre of the Armenian population of Shusha (Shushi) in Karabakh by …": a
    # short bracket, an other name, inside the clause)
    r"){1,200}?,?\s+by)\s+"
    # "by a detachment of the New South Wales Mounted Police": the unit's whole, not its part
    r"(?:(?:an?|one|two|three)\s+(?:detachment|unit|company|squad|platoon|party|force|group|"
    r"contingent|patrol|column)\s+of\s+|(?:(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|several|some|about\s+\d{1,4})\s+)?(?:(?:heavily\s+)?armed\s+)?"
    r"(?:cadres|members|fighters|militants|gunmen|soldiers|troops|men|units|elements|hijackers|"
    # "by four armed Palestinians of the Abu Nidal Organization": a people's men of the group
    r"commandos|guerrillas|operatives|agents|(?-i:[A-Z][a-z]+(?:ians|ans|is|ese)))\s+of\s+"
    # (not "two Americans of Pakistani descent": their ancestry, no group)
    r"(?=(?-i:the\s+[A-Z]|[A-Z]))(?![\w'’-]+\s+(?:descent|origin|extraction|background|"
    r"heritage|ancestry|birth|nationality)\b))?",
    re.I,
)
#: "<A> launched a rocket strike on …" (the subject of the attack verb).
_SUBJECT_STRUCK = re.compile(
    r"\b(?:launched|carried\s+out|conducted|fired|mounted|staged)\s+(?:an?|the|their|its)\s+"
    r"(?:[\w–-]+\s+){0,3}?(?:strike|strikes|airstrike|airstrikes|attack|attacks|raid|bombing|"
    r"assault|bombardment)\b",
    re.I,
)
#: An armed party's killing of a counted toll, after its subject: "(a column of the Shining
#: Path) entered the village … and killed at least 69 people", "(soldiers) killed 40 villagers".
_SUBJECT_KILLED = re.compile(
    r"\b(?:(?:entered|attacked|raided|stormed|surrounded)\s+[^.;]{0,120}?\s+and\s+)?"
    r"(?:killed|massacred|murdered|executed|slaughtered|shot\s+dead)\s+(?:at\s+least\s+|some\s+|"
    r"about\s+|around\s+|more\s+than\s+|over\s+|nearly\s+|up\s+to\s+)?\d",
    re.I,
)
#: "The gunman was identified as 72-year-old Huu Can Tran", "was fatally shot … by X".
_IDENTIFIED_AS = re.compile(
    r"\b(?:gunman|shooter|attacker|assailant|perpetrator|bomber|killer)\s+(?:was|has\s+been)\s+"
    r"(?:later\s+)?identified\s+as\s+(?:an?\s+)?(?:[\w-]+-year-old\s+)?",
    re.I,
)
#: "the Colombian Army under General Cortés Vargas opened fire on a crowd of strikers": the
#: subject of the shooting.
_OPENED_FIRE = re.compile(
    r"\bopened\s+fire\s+(?:on|at|upon|into)\b"
    # "when the Paris Police Prefecture … attacked a peaceful demonstration": a charge on a
    # gathering of unarmed people, the same sign
    r"|\b(?:attacked|charged|baton-charged|fired\s+(?:on|at|into))\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:demonstration|demonstrators|march|marchers|protest|protesters|"
    r"protestors|crowd|rally|procession|strikers|worshippers|mourners|gathering)s?\b",
    re.I,
)
_KILLED_BY = re.compile(
    r"\b(?:shot|killed|stabbed|murdered|assassinated|gunned\s+down)(?:\s+(?:dead|to\s+death))?"
    r"(?:,?\s+(?:on|in|at)\s+[^;.()]{1,40}?,)?\s+by\s+",
    re.I,
)
#: "was an Israeli airstrike", "a series of Ukrainian attacks": the attacker's demonym.
_DEMONYM_ATTACK = re.compile(
    r"\b(?:was|were|is|are)\s+(?:an?|the)\s+(?:series\s+of\s+|wave\s+of\s+)?"
    r"(?P<d>[A-Z][a-z]+)\s+(?:(?:missile|drone|rocket|artillery|air|naval)\s+)?"
    r"(?:airstrikes?|air\s+strikes?|air\s+raids?|strikes?|shelling|bombardment|bombing|"
    r"attacks?|raids?)\b"
)
#: Demonyms that name a people, a faith or a faction, not a state.
_NOT_STATE_DEMONYMS = frozenset(
    """
    arab arabian african asian european islamic muslim jewish hebrew hindu sikh kurdish tamil
    nazi allied axis union royal royalist imperial republican confederate celtic germanic
    gothic frankish viking moorish latin catholic protestant sunni shia
    """.split()
)
_CLAIMED = re.compile(
    r"\s+(?:has\s+|have\s+|had\s+|later\s+)?(?:claimed|admitted|accepted)\s+responsibility\b",
    re.I,
)


#: A subject before its verb ("the Ukrainian Ground Forces launched …") is a short phrase.
_SUBJECT_WORDS = 10


def _masked(text: str) -> str:
    """*text* with the inside of every bracketed part blanked out as ``X`` (same length; the
    outermost brackets stay), so that nothing inside "(which disbanded in 28 January …)" ends
    or splits a party."""
    out = list(text)
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
            if depth > 1:
                out[i] = "X"
        elif ch == ")" and depth:
            depth -= 1
            if depth:
                out[i] = "X"
        elif depth:
            out[i] = "X"
    return "".join(out)


def _phrase_end(masked: str, start: int) -> int:
    """Where the party that starts at *start* ends (at the next boundary, or the end). "from"
    after a group word continues the party ("factions from the Free Syrian Army")."""
    pos = start
    while True:
        m = _BOUNDARY.search(masked, pos)
        if m is None:
            return len(masked.rstrip(" ."))
        if (
            m.group().strip() == "from"
            and not re.match(r"\s*(?:\d|[A-Z][a-z]+\s+\d)", masked[m.end() : m.end() + 20])
            and _GROUP_WORD.search(masked[max(start, m.start() - 12) : m.start()])
        ):
            pos = m.end()
            continue
        if m.group().strip().endswith("ing") and re.search(
            r"\b(?:the|a|an|its|their)$", masked[max(start, m.start() - 6) : m.start()]
        ):
            pos = m.end()  # "the remaining ISIL strongholds": an adjective, not a clause
            continue
        if (
            m.group().strip() == ","
            and re.match(r"\s*\d{1,3}(?:st|nd|rd|th)\s+[A-Z]", masked[m.end() : m.end() + 20])
            and re.match(r"(?:the\s+)?\d{1,3}(?:st|nd|rd|th)\s", masked[start : start + 12])
        ):
            # "by the 3rd Battalion of the 9th Regiment, 11th Division of the Republic of Korea
            # Army": a numbered unit's chain of parents goes on after the comma
            pos = m.end()
            continue
        return m.start()


def _party(text: str, start: int, end: int) -> list[tuple[int, int, Actor]]:
    """The actors of ``text[start:end]`` as (start, end, actor), offsets into *text*; empty
    when the phrase names no party."""
    phrase = text[start:end]
    if not phrase.strip() or len(phrase.split()) > 24:
        return []
    out = []
    units: list[tuple[int, int, Actor]] = []
    # split on a copy whose bracketed parts (nested too) and compass pairs ("North and East
    # Syria") cannot separate actors; names and offsets are then taken from the text itself
    guarded = _COMPASS_AND.sub(lambda m: m.group().replace(" and ", " axd "), _masked(phrase))
    for actor in split_actors(guarded):
        a, b = start + actor.start, start + actor.end
        name = text[a:b]
        lead = _LEADING.match(name)
        # ("soldiers of the 25th Infantry Division": armed men of a numbered unit, a party;
        # a bare numbered unit names no side)
        men_of = lead is not None and _MEN_OF.search(lead.group()) is not None
        if lead:
            a += lead.end()
        described = _DESCRIBED.match(text, a, b)
        if described:
            a = described.end()  # "West German far-left militant group Red Army Faction"
        remark = _REMARK.search(_masked(text[a:b]))
        opening = a + remark.start() + remark.group().find("(") if remark else 0
        if remark and text[opening + 1 : opening + 2].islower():
            b = a + remark.start()  # "Syrian opposition (including …)": a remark, not the name
        adverb = _TRAILING_ADVERB.search(text, a, b)
        if adverb and adverb.start() > a:
            b = adverb.start()  # "Russia later captured …": the subject is Russia
        tail = _TRAILING_NOUN.search(text, a, b)
        if (
            tail
            and _CAPITAL.search(text, a, tail.start())
            and not (_MEN_TAIL.fullmatch(tail.group()) and _people_only(text[a : tail.start()]))
        ):
            # "the remaining ISIL strongholds": the party is ISIL (but "Serb militants" stay
            # themselves: a people's name alone is no party)
            b = tail.start()
        weapon = _WEAPON_TAIL.search(text, a, b)
        if weapon:
            # "a Hamas rocket", "an Islamic Jihad rocket": the weapon's owner is the party; "a
            # Soviet-made Strela-2 surface-to-air missile", "a Buk missile" name none
            # ("a Hamas Qassam rocket", "a Russian Buk missile": the model's name between them)
            ends = [m.end() for m in re.finditer(r"\S+", text[a : weapon.start()])]
            owner_end = None
            for end_ in ends:  # the shortest known actor: "Hamas" of "Hamas Qassam"
                owner = text[a : a + end_]
                owned = split_actors(owner)
                if (
                    _OWNER.fullmatch(owner)
                    and len(owned) == 1
                    and (owned[0].kind in ("state", "non-state") or _state_demonym(owner))
                ):
                    owner_end = a + end_
                    break
            if owner_end is None:
                continue
            b = owner_end
        if (tail and _MODEL_ONLY.fullmatch(text, a, b)) or _MODEL_MACHINE.fullmatch(text, a, b):
            continue  # "a MiG-23 fighter": the machine's model, no party
        if tail:
            pair = text[a:b].split()
            if (
                len(pair) == 2
                and _state_demonym(pair[0])
                and not _FORCE_WORDS.search(pair[1])
                and split_actors(pair[1])[0].kind not in ("state", "non-state")
            ):
                b = a + len(pair[0])  # "two Iraqi Mirage F1 fighters": Iraqi
        name = text[a:b]
        parent = _parent_at(name) if re.match(r"\d", name) else None
        if parent:
            # "the 17th Tank Brigade of the Ukrainian Armed Forces": a numbered unit fights on
            # its parent force's side
            a += parent
            name = text[a:b]
        # the kind is the named party's ("the military of ISIL" is ISIL, a non-state group)
        again = split_actors(_masked(name))
        kind = again[0].kind if len(again) == 1 else actor.kind
        if kind == "unknown" and _state_demonym(name):
            kind = "state"  # "between Russian and Ukrainian forces": "Russian" names a state's side
        if not name or not (_CAPITAL.search(name) or _GROUP_WORD.search(name)):
            continue
        # (a count is no party, "300 men"; a numbered unit is, "the 25th Infantry Division")
        if men_of and NUMBERED_UNIT.match(name) and not _NOT_A_PARTY.search(name):
            # "soldiers of the 25th Infantry Division": the unit, the men's own (not "tanks of
            # the 30th Mechanized Brigade": machines of a unit name no party)
            units.append((a, b, Actor(name, None, kind, actor.country, a, b)))
            continue
        if re.match(r"[\d(]", name) or _NOT_A_PARTY.search(name) or name in _GENERIC:
            continue
        out.append((a, b, Actor(name, None, kind, actor.country, a, b)))
        # "the Russian Armed Forces (alongside the Donetsk People's Republic People's
        # Militia)": the bracketed ally fights on the same side
        ally = _ALLY_IN_BRACKETS.match(text, b)
        if ally:
            out.extend(_party(text, ally.start("p"), ally.end("p")))
    found = sorted(out + units, key=lambda x: x[0])
    joined: list[tuple[int, int, Actor]] = []
    for a, b, act in found:
        if (
            joined
            and NUMBERED_UNIT.match(joined[-1][2].name)
            and text[joined[-1][1] : a] == ", "
            and act.kind in ("state", "non-state")
        ):
            # "soldiers of the 1st Battalion, Parachute Regiment": one unit, named with its
            # regiment
            a0 = joined[-1][0]
            joined[-1] = (a0, b, Actor(text[a0:b], None, act.kind, act.country, a0, b))
            continue
        joined.append((a, b, act))
    return joined


#: "the line of contact between Ukraine and the DPR", "poor cooperation between the
#: Kriegsmarine and the Luftwaffe": a line, talks, a border or cooperation between two parties
#: does not say they fought each other.
_NOT_FIGHTING_BETWEEN = re.compile(
    r"\b(?:line|lines|contact|border|borders|frontier|front|boundary|ceasefire|truce|talks|"
    r"negotiations|agreement|treaty|relations|tensions|exchange|corridor|road|highway|railway|"
    r"distance|way|cooperation|co-operation|communication|coordination|co-ordination|rivalry|"
    r"rivalries|dispute|disputes|alliance|partnership|trade|meeting|summit|deal|"
    r"(?:mis)?understanding|confusion|split)\s+(?:\w+\s+){0,2}$"
    # "the Kalbajar District, which lies between Nagorno-Karabakh and Armenia": a place
    r"|\b(?:lies|lying|lay|located|situated|sandwiched|halfway|midway|wedged)\s+$",
    re.I,
)


#: "… of the Ukrainian Armed Forces" after a numbered unit: each "of (the) <Capital>" opens
#: a name of the unit's chain of parents.
_UNIT_OF = re.compile(r"\bof\s+(?:the\s+)?(?=[A-Z])")
#: The last word of a unit's name: a parent so named is a unit itself, whose own parent goes on.
_UNIT_TAIL = re.compile(
    r"\b(?:Regiment|Battalion|Brigade|Division|Corps|Company|Squadron|Wing|Group|Fleet|"
    r"Flotilla|Detachment|Legion|Platoon|Battery|Task\s+Force)\s*$"
)


def _parent_at(name: str) -> int | None:
    """Where a numbered unit's parent force starts in *name*: the first name after an "of"
    that is no unit itself ("1st Battalion of the Parachute Regiment of the British Army":
    the British Army; "11th Division of the Republic of Korea Army": the Republic of Korea
    Army, its "of Korea" inside the name); None when there is none."""
    ofs = list(_UNIT_OF.finditer(name))
    for k, m in enumerate(ofs):
        segment = name[m.end() : ofs[k + 1].start() if k + 1 < len(ofs) else len(name)]
        if not _UNIT_TAIL.search(segment.rstrip(" ,")):
            return m.end()
    return None


def _between(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    for m in _BETWEEN.finditer(masked):
        if _NOT_FIGHTING_BETWEEN.search(masked, max(0, m.start() - 40), m.start()):
            continue
        end = _phrase_end(masked, m.end())
        first = _party(text, m.end(), end)
        if _MANY_SIDED.search(masked, 0, m.start()):
            # "a multi-sided confrontation between A, B, other C, and D": the comma list up to
            # its "and" item, one side each
            many = _comma_list(text, masked, end)
            if first and len(many) >= 2:
                return [first, *many]
        rest = masked[end:]
        if re.match(r"\s+against\s+", rest):
            b0 = end + re.match(r"\s+against\s+", rest).end()  # type: ignore[union-attr]
            second = _party(text, b0, _phrase_end(masked, b0))
            if first and second:
                return [first, second]
            continue
        under = re.match(r"\s+under\s+[^,;.]*?\s+and\s+(?=(?:the\s+)?[A-Z])", rest)
        if first and under:
            # "between the Kingdom of Bohemia under Ottokar II and the Kingdom of Hungary under
            # Béla IV": a commander after each side
            b0 = end + under.end()
            second = _party(text, b0, _phrase_end(masked, b0))
            if second and all(x[2].kind in ("state", "non-state") for x in [*first, *second]):
                return [first, second]
        side_one = re.match(r"\s+on\s+one\s+side\s+and\s+", rest)
        if side_one:
            b0 = end + side_one.end()
            other = re.compile(r"\s+on\s+the\s+other\b").search(masked, b0)
            b1 = other.start() if other else _phrase_end(masked, b0)
            second = _party(text, b0, b1)
            if first and second:
                return [first, second]
            continue
        if len(first) < 2:
            continue
        sides: list[list[tuple[int, int, Actor]]] = []
        for item in first:
            if sides and (_allied_before(text, item[0]) or _ALLIED.match(item[2].name)):
                sides[-1].append(item)
            else:
                sides.append([item])
        if m.group().startswith("fighting") and not all(
            _armed(x[2]) for side in sides for x in side
        ):
            continue  # "fighting from Kharkiv and Izium to the border": places, not parties
        if len(sides) == 2 or (len(sides) > 2 and _MANY_SIDED.search(masked, 0, m.start())):
            return sides
    return []


def _comma_list(text: str, masked: str, end: int) -> list[list[tuple[int, int, Actor]]]:
    """The parties of the ", B, C(,) and D" that follows a first item ending at *end*; empty
    unless the list closes with an "and" item and every item names a party."""
    out: list[list[tuple[int, int, Actor]]] = []
    while True:
        sep = re.match(r",\s+(and\s+)?|\s+and\s+", masked[end:])
        if sep is None:
            return []
        start = end + sep.end()
        end = _phrase_end(masked, start)
        party = _party(text, start, end)
        if not party:
            return []
        out.append(party)
        if "and" in sep.group():
            return out


#: "a multi-sided (three-way, four-sided) confrontation between A, B, C and D": every party
#: of the list is a side of its own.
_MANY_SIDED = re.compile(
    r"\b(?:multi-?sided|multi-?party|(?:three|four|five)-(?:way|sided))\b", re.I
)


def _allied_before(text: str, start: int) -> bool:
    """The words just before an actor call it allied to the party before it."""
    before = text[max(0, start - 30) : start]
    return bool(
        re.search(r"\b(?:allied|its\s+allies|their\s+allies)\s+(?:\w+\s+)?$", before)
        or re.search(
            r"\((?:alongside|together\s+with|with|and|backed\s+by|supported\s+by|aided\s+by)"
            r"\s+(?:the\s+)?$",
            before,
        )
    )


def _by_agent(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    for m in _BY_AGENT.finditer(masked):
        end = _phrase_end(masked, m.end())
        first = _party(text, m.end(), end)
        if not first:
            continue
        sides = [first]
        before = _AGAINST_BEFORE.search(masked, max(0, m.start() - 120), m.start())
        b_end = before.start("p") + len(before.group("p")) if before else 0
        if before and _phrase_end(masked, before.start("p")) >= b_end:
            # "the largest military attack against the Syrian government launched by ISIL":
            # the opponent is named before the agent
            # only an armed party: "the largest attack against the city of Aleppo" is a place
            second = [x for x in _party(text, before.start("p"), b_end) if _armed(x[2])]
            if second and not _same_party(first, second):
                return [first, second]
        held = _ON_HELD_BY.match(masked, end)
        if held:
            # "an offensive conducted by ISIL forces on areas controlled by Tahrir al-Sham"
            second = _party(text, held.end(), _phrase_end(masked, held.end()))
            return [first, second] if second and not _same_party(first, second) else sides
        rest_m = (
            _AGAINST.search(masked, end)
            or _FROM_CAPTURE.search(masked, end)
            or _EXPEL.search(masked, end)
        )
        if rest_m and not re.search(
            r"\b(?:by|which|who|including)\b", masked[end : rest_m.start()]
        ):
            # "… launched by the SDF, the Battle of Mosul launched by the Iraqi forces, and …
            # conducted by ISIL against …": an opponent after another agent is that agent's
            second = _party(text, rest_m.end(), _phrase_end(masked, rest_m.end()))
            if rest_m.re is _EXPEL:
                # "launched by Ukraine … to expel Russian forces": only an armed party
                second = [x for x in second if _armed(x[2])]
            if second:
                sides.append(second)
        return sides
    return []


#: "an attack against <B> launched by": the operation's opponent just before its agent (the
#: phrase runs up to the verb, with no clause boundary in it).
_AGAINST_BEFORE = re.compile(
    rf"\b(?:{_OPERATIONS}|attack|invasion)\s+against\s+(?P<p>[^,;:()–—]{{1,60}}?)\s*$"
)
#: "… by <A> on areas controlled by <B>": the areas' holder is the other side.
_ON_HELD_BY = re.compile(
    r"\s+(?:on|against|into)\s+(?:the\s+)?(?:areas?|territor(?:y|ies)|positions?|towns?|"
    r"villages?|regions?|enclaves?|pockets?)\s+(?:controlled|held|defended|occupied)\s+by\s+"
)
#: "… to expel Russian forces occupying …": the party driven out is the other side.
_EXPEL = re.compile(
    r"\bto\s+(?:expel|oust|dislodge|drive\s+out|push\s+back|repel|defeat|destroy)\s+(?:the\s+)?",
    re.I,
)
#: "a military operation of the Syrian Army (SAA) against ISIL": the operation's owner
#: fights the party it is against.
_OPERATION_OF = re.compile(rf"\b(?:{_OPERATIONS})\s+of\s+")


def _operation_of(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    for m in _OPERATION_OF.finditer(masked):
        end = _phrase_end(masked, m.end())
        against = re.match(r"\s+against\s+", masked[end:])
        if against is None:
            continue
        first = [x for x in _party(text, m.end(), end) if _armed(x[2])]
        b0 = end + against.end()
        # "an operation of the Syrian Army against Palmyra and Homs": places are no side
        second = [x for x in _party(text, b0, _phrase_end(masked, b0)) if _armed(x[2])]
        if first and second and not _same_party(first, second):
            return [first, second]
    return []


def _subject_launched(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    m = _SUBJECT_LAUNCHED.search(masked)
    if m is None:
        return []
    first = _subject(text, masked, m.start())
    if not first:
        return []
    if not m.group().rstrip().lower().endswith("against"):
        return [first]  # "Russian forces began an offensive on 3 August": one side named
    second = _party(text, m.end(), _phrase_end(masked, m.end()))
    return [first, second] if second else [first]


#: Where a subject starts: after a comma or a connective ("a battle in which ISIL mounted …").
_SUBJECT_OPENER = re.compile(
    r"[,;]\s*|\b(?:in\s+which|during\s+which|when|where|after|as|while|which|that|but|"
    r"though|although|whereas)\s+",
    re.I,
)


#: An aside between a subject and its verb: "…, headed by Maurice Papon, attacked".
_ASIDE = re.compile(
    r"(?:headed|led|commanded|directed|supported|backed|aided|assisted)\s+by\b"
    r"|under\s+(?:the\s+)?(?:command|orders|leadership)\s+of\b",
    re.I,
)


#: "… and the police": a clause joined by "and", its subject after it.
_AND_CLAUSE = re.compile(
    r"(?:,\s*)?\band\s+(?:(?:the\s+|a\s+)?(?:next|following|same|day)\s+(?:day|morning|night|"
    r"evening|week|later)\s+|(?=(?:the|a|an)\s))"
)
#: A past-tense verb before that "and" ("gathered", "marched"), not an adjective of a name.
_CLAUSE_BEFORE_AND = re.compile(
    r"(?<![\w-])(?!(?:armed|allied|backed|based|united|led|red)\b)[a-z]{3,}ed\s+(?:in|at|on|"
    r"through|into|to|outside|near|around|from|for|with|against|across|along|toward|towards|"
    r"the|a|an)\b"
)


_VERB = re.compile(
    r"\b(?:had|has|have|was|were|is|are|said|says|acknowledged|admitted|stated|announced|"
    r"reported|confirmed|claimed|believed|thought|added|told|denied)\b"
)


def _subject(text: str, masked: str, verb: int) -> list[tuple[int, int, Actor]]:
    """The party named by the subject just before the verb at *verb* (a short phrase after the
    clause's opening comma or connective), or none."""
    openers = list(_SUBJECT_OPENER.finditer(masked, 0, verb))
    if (
        len(openers) >= 2
        and openers[-1].group().startswith(",")
        and openers[-2].group().startswith(",")
        and not masked[openers[-1].end() : verb].strip()
        and _ASIDE.match(masked, openers[-2].end(), openers[-1].start())
    ):
        # "the Paris Police Prefecture, headed by Maurice Papon, attacked …": the subject is
        # before the aside
        verb = openers[-2].start()
        openers = openers[:-2]
    start = openers[-1].end() if openers else 0
    listed = _list_start(text, openers, verb)
    if listed is not None:
        # "a combined force of troops from the United States, the United Kingdom, Australia
        # and Poland invaded Iraq": the subject is the whole list, not its last item
        return _party(text, listed, start + len(text[start:verb].rstrip()))
    subject = text[start:verb]
    joined = next(reversed(list(_AND_CLAUSE.finditer(subject))), None)
    if joined is not None and _CLAUSE_BEFORE_AND.search(subject, 0, joined.start()):
        # "when Algerians gathered in Paris and the police attacked …": the subject is the
        # second clause's
        start += joined.end()
        subject = text[start:verb]
    if not subject.strip() or len(subject.split()) > _SUBJECT_WORDS or _VERB.search(subject):
        return []  # a clause, not a subject ("… acknowledged Ukraine had …")
    a = start + (len(subject) - len(subject.lstrip()))
    # "the Russian soldiers who captured …", "the SDF advanced to the southeast and captured":
    # the subject ends at a relative pronoun or connective, and a verb before it is no name
    b = min(_phrase_end(masked, a), start + len(subject.rstrip()))
    verb_at = _SUBJECT_VERB_TAIL.search(text, a, b)
    if verb_at and verb_at.start() > a:
        b = verb_at.start()
    return _party(text, a, b)


#: One name of a list: capitalised words ("the United Kingdom", "Australia").
_NAME = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,5}"
_LAST_TWO = re.compile(rf"\s*{_NAME}\s+and\s+{_NAME}\s*")
_ONE_NAME = re.compile(rf"\s*{_NAME}\s*")
#: A clause opener that is no list item: "In March, Russia and Belarus invaded …".
_NOT_LIST_ITEM = re.compile(
    r"^\s*(?:In|On|At|By|After|Before|During|From|Since|Following|Until|Throughout|Over|"
    r"Later|Then|Meanwhile|However)\b|\b(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Spring|Summer|Autumn|Winter)\b"
)
#: The first item of a list after a group word: "troops from the United States".
_GROUP_FROM_NAME = re.compile(rf"{_GROUP_WORD.pattern}\s+(?:from|of)\s+(?P<n>{_NAME})\s*$", re.I)


def _list_start(text: str, openers: list[re.Match[str]], verb: int) -> int | None:
    """Where a subject that is a comma list of three or more names ends in "<name> and
    <name>" starts ("the United States, the United Kingdom, Australia and Poland"): the
    comma before its last items opens no clause. The first item is a name that opens the
    clause or follows a group word ("troops from the United States"); None if there is no
    such list."""
    if not openers or not openers[-1].group().startswith(","):
        return None
    if not _LAST_TWO.fullmatch(text, openers[-1].end(), verb):
        return None
    items = 2
    k = len(openers) - 1
    while True:
        before = openers[k - 1].end() if k else 0
        segment = text[before : openers[k].start()]
        if k and openers[k - 1].group().startswith(",") and _ONE_NAME.fullmatch(segment):
            items, k = items + 1, k - 1  # a middle item between two commas
            continue
        group = _GROUP_FROM_NAME.search(segment)
        if group:
            first = before + group.start("n")
        elif (
            _ONE_NAME.fullmatch(segment)
            and not _NOT_LIST_ITEM.search(segment)
            and not (k and openers[k - 1].group().startswith(","))
        ):
            first = before + len(segment) - len(segment.lstrip())
        else:
            return None
        return first if items + 1 >= 3 else None


#: A lower-case past-tense verb that ends a subject's phrase ("… Forces advanced").
_SUBJECT_VERB_TAIL = re.compile(r"\s+(?!(?:armed|allied|backed|based|united)\b)[a-z]+ed$")


#: "in which / when <A> captured <place> from <B>": A took the place from B.
_CAPTURED_FROM = re.compile(
    r"\b(?:in\s+which|when|after|as)\s+(?P<a>[^,;]+?)(?:,[^,;]*,)?\s+(?:captured|recaptured|"
    r"seized|took|retook|wrested)\s+[^,;]*?\bfrom\s+",
    re.I,
)
#: "between Russian and Ukrainian forces": two demonyms sharing one noun.
_SHARED_NOUN = re.compile(
    r"(?P<a>[A-Z][\w-]*(?:an|ese|ish|ic|i))\s+and\s+(?P<b>[A-Z][\w-]*(?:an|ese|ish|ic|i)"
    r"(?:\s+[a-z][\w-]*){1,3})"
)


def _shared_noun(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    m = _BETWEEN.search(masked)
    if m is None:
        return []
    two = _SHARED_NOUN.match(text, m.end())
    if two is None or not _GROUP_WORD.search(two.group("b")):
        return []
    first = _party(text, two.start("a"), two.end("a"))
    second = _party(text, two.start("b"), min(two.end("b"), _phrase_end(masked, two.start("b"))))
    if not (first and second):
        return []
    # "Russian" names its side only with the noun it shares: its kind is the whole phrase's
    (a, b, act) = first[0]
    first = [(a, b, Actor(act.name, None, second[0][2].kind, act.country, a, b))]
    return [first, second]


def _captured_from(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    m = _CAPTURED_FROM.search(masked)
    if m is None:
        return []
    first = _party(text, m.start("a"), m.end("a"))
    second = _party(text, m.end(), _phrase_end(masked, m.end()))
    return [first, second] if first and second else []


#: "<A> engaged <B>", "<A> began engaging <B>", "<A> clashed with <B>", "<A> faced fierce
#: resistance from <B>": A fought B.
_SUBJECT_FOUGHT = re.compile(
    r"\b(?:engaged|began\s+engaging|attacked|fought|clashed\s+with|ambushed|besieged|"
    r"encircled|repelled|repulsed|resisted|faced\s+(?:\w+\s+){0,2}resistance\s+from|"
    r"held(?=\s+(?:back\s+|off\s+)?(?:the\s+)?[A-Z])(?:\s+(?:back|off))?|fired\s+(?:at|on)|"
    r"opened\s+fire\s+(?:at|on)|"
    r"pushed(?:\s+back)?(?=\s+(?:the\s+)?[A-Z]))\s+"
)
#: "<A> attempted to capture <place>", "<A> captured <place>": A is a side; a place follows.
_SUBJECT_ACTED = re.compile(
    r"\b(?:(?:attempted|tried|sought|failed|intended|aimed|planned)\s+to\s+"
    r"(?:capture|take|seize|encircle|storm|recapture|retake|occupy)|"
    r"captured|seized|advanced\s+(?:on|into|towards?)|invaded|shelled|stormed)\b"
)
#: "… capture al-Bab from <B>": the party the place is taken from (in the same clause).
_TAKEN_FROM = re.compile(r"[^,;.()]{0,80}?\bfrom\s+(?:the\s+)?")


_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are|got|get)\s+(?:\w+ly\s+)?$")

#: The last word of a name that calls it a place: "Snake Island", "Kherson Oblast",
#: "Hostomel Airport".
_PLACE_WORD = re.compile(
    r"\b(?:Island|Islands|Oblast|Oblasts|Governorate|Province|District|Raion|Region|County|"
    r"Municipality|Airport|Airbase|Air\s+Base|Base|Port|Peninsula|Valley|Mountain|Hill|Bridge|"
    r"Dam|Plant|Station|Village|City|Town)$"
)


def _is_place(actor: Actor) -> bool:
    """Whether *actor* is a place named as the object of an attack ("attacked Snake Island",
    "besieged Chernihiv"), not a party: no state or known armed group, no group word, and a
    name ending in a place word or that the gazetteer knows as a town or division."""
    if actor.kind != "unknown" or _GROUP_WORD.search(actor.name) or _armed(actor):
        return False
    name = re.sub(r"^the\s+", "", actor.name)
    if _PLACE_WORD.search(name):
        return True
    from eventledger.normalise.places import is_town_or_division

    return is_town_or_division(name)


def _subject_verb(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    m = _SUBJECT_FOUGHT.search(masked)
    if m is not None and _PASSIVE.search(masked, 0, m.start()):
        m = None  # "Russian forces being repulsed": the subject suffered it
    if m is not None:
        first = _subject(text, masked, m.start())
        second = _party(text, m.end(), _phrase_end(masked, m.end())) if first else []
        if re.match(r"held|fired|opened", m.group()) and not (
            second and all(_armed(x[2]) for x in second)
        ):
            first = []  # "held the town", "fired at a checkpoint": no opponent named
        if first:
            if not second or all(_is_place(x[2]) for x in second):
                # "the Russian Armed Forces attacked Kherson Oblast, …, battling the Armed
                # Forces of Ukraine": a place is no side; a participle clause names the foe
                later = _PARTICIPLE.search(masked, m.end())
                second = (
                    _party(text, later.end(), _phrase_end(masked, later.end()))
                    if later and masked[later.end() - 1] == " "
                    else []
                )
            if second and re.match(r"re(?:pelled|pulsed|sisted)", m.group()):
                return [second, first]  # "A repelled a Russian attack": the attacker first
            return [first, second] if second else [first]
    m = _SUBJECT_ACTED.search(masked)
    if m is not None and not _PASSIVE.search(masked, 0, m.start()):
        first = _subject(text, masked, m.start())
        if first:
            second: list[tuple[int, int, Actor]] = []
            if m.group().startswith("invaded"):
                # "Russia invaded Ukraine": the invaded country is the other side
                obj = _party(text, m.end() + 1, _phrase_end(masked, m.end() + 1))
                second = obj if obj and all(x[2].kind == "state" for x in obj) else []
            elif re.search(r"(?:capture|take|seize|captured|seized)$", m.group()):
                # "<A> intended to capture al-Bab from ISIL": the place's holder
                taken = _TAKEN_FROM.match(masked, m.end())
                if taken:
                    obj = _party(text, taken.end(), _phrase_end(masked, taken.end()))
                    second = obj if obj and all(_armed(x[2]) for x in obj) else []
            if second and not _same_party(first, second):
                return [first, second]
            return [first]
    return []


#: ", fighting <B>", ", offering fierce resistance": a participle clause whose agent is the
#: sentence's subject ("Some Ukrainian forces stayed near X, fighting Russian forces in …").
_PARTICIPLE = re.compile(
    r",\s+(?:(?:fighting|battling|engaging|clashing\s+with|forcing\s+out|driving\s+out)\s+|"
    r"(?:offering|putting\s+up|mounting)\s+"
    r"(?:\w+\s+){0,2}resistance(?:\s+(?:to|against)\s+)?)"
)


def _participle(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    m = _PARTICIPLE.search(masked)
    if m is None:
        return []
    first = _clause_opener(text, masked, m.start())
    if not first:
        return []
    second = (
        _party(text, m.end(), _phrase_end(masked, m.end())) if masked[m.end() - 1] == " " else []
    )
    if re.search(r"out\s+$", m.group()) and not (second and all(_armed(x[2]) for x in second)):
        return []  # "forcing out residents": no opponent
    return [first, second] if second and not _same_party(first, second) else [first]


def _siege_of_by(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    m = _SIEGE_OF_BY.search(masked)
    if m is None:
        return []
    party = _party(text, m.end(), _phrase_end(masked, m.end()))
    if not party:
        return []
    # "the siege of two Syrian Army bases … by rebel forces": the bases' owner is the other side
    held = _HELD_BY_NAME.search(text, m.start(), m.end())
    other = _party(text, held.start("p"), held.end("p")) if held else []
    return [party, other] if other else [party]


#: "<Name> bases / positions / garrison": the party that holds them.
_HELD_BY_NAME = re.compile(
    r"(?P<p>(?<![\w-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})\s+(?:military\s+)?"
    r"(?:bases?|positions?|garrisons?|barracks|airbases?|outposts?|strongholds?)\b"
)
#: "was a Syrian Democratic Forces (SDF) military operation against ISIL".
_NAMED_OPERATION = re.compile(
    r"\b(?:was|is)\s+an?\s+(?P<a>[A-Z][^,;]{1,80}?)\s+(?:(?:military|ground|air|joint|major)\s+)?"
    r"(?:operation|offensive|counter-?offensive|assault|attack|campaign|incursion)\s+against\s+"
)
#: "<A> advanced … and were engaged (attacked, repelled) by <B>": A's clause suffered B's act.
_PASSIVE_AGENT = re.compile(
    r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:engaged|attacked|repelled|repulsed|ambushed|"
    r"surrounded|encircled|defeated|routed|opposed|resisted|met|counterattacked|pushed\s+back|"
    r"driven\s+(?:away|back|out|off))"
    r"\s+by\s+"
)


#: "X, code-named Operation Y by the Iraqi government, was a military operation against
#: ISIL": who named the operation runs it, against the party after "against".
_CODE_NAMED_BY = re.compile(
    r"\b(?:code-?named|codenamed|dubbed)\s+[^,;]{1,80}?\s+by\s+(?P<a>[^,;]{1,60}?),\s+"
    r"(?:was|is)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:operation|offensive|counter-?offensive|"
    r"campaign|assault|attack)\s+against\s+"
)


def _code_named_by(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    m = _CODE_NAMED_BY.search(masked)
    if m is None:
        return []
    first = [x for x in _party(text, m.start("a"), m.end("a")) if _armed(x[2])]
    end = _phrase_end(masked, m.end())
    verb = _SUBJECT_VERB_TAIL.search(text, m.end(), end)
    if verb and verb.start() > m.end():
        end = verb.start()  # "against ISIL launched to capture …": the party is ISIL
    second = _party(text, m.end(), end)
    return [first, second] if first and second and not _same_party(first, second) else []


def _named_operation(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    m = _NAMED_OPERATION.search(masked)
    if m is None:
        return []
    first = _party(text, m.start("a"), m.end("a"))
    second = _party(text, m.end(), _phrase_end(masked, m.end()))
    return [first, second] if first and second else []


def _passive_agent(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    m = _PASSIVE_AGENT.search(masked)
    if m is None:
        return []
    agent = _party(text, m.end(), _phrase_end(masked, m.end()))
    if not agent:
        return []
    patient = _clause_opener(text, masked, m.start())
    if not patient and re.search(r"(?:,\s*|\b)(?:but|and)\s+$", masked[: m.start()]):
        # "A launched attacks on X, Y and Z, but were repulsed by B": a clause with no subject
        # of its own shares the last armed subject before it
        patient = _shared_subject(text, masked, m.start())
    return [patient, agent] if patient and not _same_party(patient, agent) else []


def _shared_subject(text: str, masked: str, at: int) -> list[tuple[int, int, Actor]]:
    """The nearest party before *at* that opens a clause, is armed and is followed by a verb
    ("… after Russian and LPR forces launched …"); none when any of it is no armed party."""
    for o in reversed(list(_SUBJECT_OPENER.finditer(masked, 0, at))):
        lead = _LEADING_PARTY.match(text, o.end())
        if (
            not lead
            or lead.end() <= lead.start()
            or not re.match(r"[a-z]+ed\b", text[lead.end() :])
        ):
            continue
        party = _party(text, lead.start(), lead.end())
        if party and all(_armed(x[2]) for x in party):
            return party
    return []


def _clause_opener(text: str, masked: str, at: int) -> list[tuple[int, int, Actor]]:
    """The party the clause holding *at* opens with ("Russian forces advanced … and were
    engaged by …", "Some Ukrainian forces stayed near X, fighting …"), or none."""
    start = 0
    for o in _SUBJECT_OPENER.finditer(masked, 0, at):
        start = o.end()
    lead = _LEADING_PARTY.match(text, start)
    return _party(text, lead.start(), lead.end()) if lead and lead.end() > lead.start() else []


#: The party a clause opens with: capitalised words and group words, up to the first other word.
_LEADING_PARTY = re.compile(
    r"(?:the\s+)?(?:(?:[A-Z][\w'’-]*|of|and|forces|troops|army|units|soldiers|fighters|"
    r"militants|rebels)(?:\s+|$))+"
)


def _combatants_were(text: str, masked: str) -> list[list[tuple[int, int, Actor]]]:
    m = _COMBATANTS_WERE.search(masked)
    if m is None:
        return []
    actors = _party(text, m.end(), _phrase_end(masked, m.end()))
    return [[x] for x in actors] if len(actors) == 2 else []


def _sides_in(s: Sentence) -> list[list[tuple[int, int, Actor]]]:
    text = s.plain.text
    masked = _masked(text)
    for rule in (
        _between,
        _shared_noun,
        _by_agent,
        _subject_launched,
        _captured_from,
        _named_operation,
        _code_named_by,
        _operation_of,
        _passive_agent,
        _subject_verb,
        _participle,
        _siege_of_by,
        _combatants_were,
    ):
        sides = rule(text, masked)
        if sides:
            return sides
    return []


#: A bomb made safe, no attack: "detonated by police sappers in a controlled explosion".
_DEFUSED = re.compile(
    r"\b(?:controlled\s+(?:explosion|detonation)|bomb\s+disposal|sappers|defus(?:ed|ing))\b", re.I
)


def _perpetrators_in(s: Sentence) -> list[tuple[int, int, Actor]]:
    text = s.plain.text
    masked = _masked(text)
    for m in _PERPETRATED_BY.finditer(masked):
        if _DOUBT.search(masked, 0, m.start()):
            return []
        if _DEFUSED.search(masked, m.end()) and re.search(r"detonated|set\s+off", m.group()):
            continue  # "a second bomb was detonated by police sappers in a controlled explosion"
        party = _party(text, m.end(), _phrase_end(masked, m.end()))
        if party:
            return party
    for pattern in (_IDENTIFIED_AS, _KILLED_BY):
        m = pattern.search(masked)
        if m and not _DOUBT.search(masked, 0, m.start()):
            party = _party(text, m.end(), _phrase_end(masked, m.end()))
            if party:
                return party
    m = _DEMONYM_ATTACK.search(text)
    if m and not _DOUBT.search(masked, 0, m.start()):
        if _state_demonym(m.group("d")):
            a, b = m.span("d")
            return [(a, b, Actor(m.group("d"), None, "state", None, a, b))]
    for pattern in (_SUBJECT_STRUCK, _CLAIMED):
        party = _asserted_subject(pattern, text, masked)
        if party:
            return party
    return []


#: Before the subject of a killing: another event's ("after Italian partisans killed 33
#: German policemen", "in reprisal …") or the defenders' ("returned fire and killed …").
_NOT_THE_EVENTS_KILLING = re.compile(
    r"\b(?:after|following|before|reprisal|retaliation|response|revenge|returned\s+fire)\b", re.I
)
#: After "killed": the attackers themselves ("killed 12 of the attackers", "killed 4 gunmen").
_KILLED_ATTACKERS = re.compile(
    r"[^.;]{0,30}?\b(?:attackers|gunmen|militants|assailants|insurgents|suspects|hijackers|"
    r"terrorists|perpetrators|hostage-takers|raiders|rebels)\b",
    re.I,
)


def _killed_in(s: Sentence) -> list[tuple[int, int, Actor]]:
    """The armed party the lead's first sentence says killed the event's counted toll: "The
    massacre took place …, when a column of the Shining Path entered the village … and killed
    at least 69 people" (not "the explosion killed 12", not the side that killed the
    attackers, not another event's killers told before or after it)."""
    text = s.plain.text
    masked = _masked(text)
    m = _SUBJECT_KILLED.search(masked)
    if m is None or _DOUBT.search(masked, 0, m.start()):
        return []
    if _NOT_THE_EVENTS_KILLING.search(masked, 0, m.start()):
        return []
    if _KILLED_ATTACKERS.match(masked, m.end() - 1):
        return []
    party = _subject(text, masked, m.start())
    if party and all(actor.kind in ("state", "non-state") for _a, _b, actor in party):
        return party
    return []


def _opened_fire_in(s: Sentence) -> list[tuple[int, int, Actor]] | None:
    """The subject of "opened fire on" in *s*: the weakest sign of a perpetrator, taken only
    when no sentence of the lead names one otherwise, and only a name, not a description
    with a count ("a force of about 800 police and soldiers"), not both sides, and not the
    subject of a clause set before or after the event ("after the Israelites opened fire").
    None when *s* says nobody opened fire."""
    text = s.plain.text
    masked = _masked(text)
    m = _OPENED_FIRE.search(masked)
    if m is None:
        return None
    opener = None
    for o in _SUBJECT_OPENER.finditer(masked, 0, m.start()):
        opener = o
    if opener is not None and re.match(
        r"(?:after|before|until|since)\b", opener.group().strip(", ;"), re.I
    ):
        return []
    party = _asserted_subject(_OPENED_FIRE, text, masked)
    if any(
        re.search(r"\b\d[\d,.]*\b", text[a:b])
        or re.match(r"(?:both|each|either|all)\b", text[a:b], re.I)
        for a, b, _ in party
    ):
        return []
    return party


def _asserted_subject(
    pattern: re.Pattern[str], text: str, masked: str
) -> list[tuple[int, int, Actor]]:
    """The subject of the verb phrase *pattern* finds ("A launched a rocket strike", "A
    claimed responsibility"), unless the sentence only suspects or reports it before; a long
    clause is no subject ("… acknowledged Ukraine had …")."""
    m = pattern.search(masked)
    if m is None or _DOUBT.search(masked, 0, m.start()):
        return []
    party = _subject(text, masked, m.start())
    # "No group claimed the attack": nobody
    return [x for x in party if not re.match(r"(?:no|none|nobody|neither)\b", x[2].name, re.I)]


#: A bracket at the end of a name ("Provisional Irish Republican Army (IRA)").
_REMARK_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
#: Plural nouns that name a party only generically ("the rebels", "the insurgents").
_GENERIC_PARTY = frozenset(
    "rebels insurgents militants jihadists islamists guerrillas guerillas fighters loyalists "
    "separatists".split()
)


#: A later lead sentence that counters the first party's action names the other side.
_COUNTER = re.compile(
    r"\b(?:re-?captured|retaken|taken\s+back|retook|liberated|repelled|repulsed|held\s+by|defended\s+by|"
    r"broken\s+by|lifted\s+by|relieved\s+by|resistance)\b",
    re.I,
)


def _mentions(
    s: Sentence, sides: list[list[tuple[int, int, Actor]]], first: int = 1
) -> list[ActorMention]:
    return [
        ActorMention("combatant", i, s, a, b, actor)
        for i, side in enumerate(sides, start=first)
        for a, b, actor in side
    ]


def _initialled(name: str, abbreviations: set[str]) -> bool:
    """Whether one of *abbreviations* is the initials of *name*'s capitalised words ("RAF" of
    "Red Army Faction"; not "PFLP-GC" of the PFLP, nor "Real IRA" of the Provisional IRA)."""
    words = re.findall(r"\b[A-Z][a-z]+", name)
    if len(words) < 2:
        return False
    return "".join(w[0] for w in words) in abbreviations


def _same_party(x: list[tuple[int, int, Actor]], y: list[tuple[int, int, Actor]]) -> bool:
    """Whether two parties share an actor (a name inside the other, or the same demonym
    stem: "Russian forces" and "Russia")."""

    def stem(name: str) -> str | None:
        """The country stem of a name that is a country or its generic forces ("Russia",
        "Russian forces", "the Russian army"); None for any other name ("Syrian rebel
        groups" and "Syrian government forces" are different parties)."""
        words = re.split(r"[^\w]+", name.casefold())
        words = [w for w in words if w and w != "the" and not _COMPASS_WORD.fullmatch(w)]
        if not words or any(w not in _GENERIC_FORCE for w in words[1:]):
            return None
        return words[0][:5] if len(words[0]) >= 5 else words[0]

    def abbreviations(name: str) -> set[str]:
        return set(re.findall(r"\b[A-Z]{2,6}\b", name))

    def initials_tokens(name: str) -> set[str]:
        # whole tokens of capitals ("PFLP-GC" is one), only when no other capitalised word
        # qualifies them ("Real IRA", "Official IRA" are other groups)
        tokens = re.findall(r"(?<![\w-])[A-Z]{2,6}(?:-[A-Z]{1,4})?(?![\w-])", name)
        others = re.findall(r"\b[A-Z][a-z]+", _REMARK_BRACKET.sub("", name))
        return set(tokens) if not others or "(" in name else set()

    def generic(name: str) -> str | None:
        """The singular of a name that is only a generic party ("the rebels", "insurgents")."""
        words = [w for w in name.casefold().split() if w != "the"]
        if len(words) == 1 and words[0] in _GENERIC_PARTY:
            return words[0][:-1]
        return None

    for _, _, a in x:
        for _, _, b in y:
            p, q = a.name.casefold(), b.name.casefold()
            sa, sb = stem(a.name), stem(b.name)
            if p in q or q in p or (sa is not None and sa == sb):
                return True
            # "the rebels" after "the Islamist rebel coalition Army of Conquest"
            ga, gb = generic(a.name), generic(b.name)
            if (ga and re.search(rf"(?<![\w-]){ga}s?\b", q)) or (
                gb and re.search(rf"(?<![\w-]){gb}s?\b", p)
            ):
                return True
            if abbreviations(a.name) & abbreviations(b.name):
                return True
            # "Red Army Faction" and "RAF", "Provisional Irish Republican Army" and "IRA": a
            # name and its initials (or their tail)
            if _initialled(a.name, initials_tokens(b.name)) or _initialled(
                b.name, initials_tokens(a.name)
            ):
                return True
    return False


def lead_actors(lead: list[Sentence], kind: str) -> list[ActorMention]:
    """Actors named by the lead sentences *lead* of an event of *kind*.

    Battles and wars: the sides of the first sentence that names two (else the first that
    names one). Attacks: the perpetrators of the first sentence that names any. Other kinds:
    none.
    """
    if kind in ("battle", "war"):
        return _battle_sides(lead)
    if kind == "attack":
        # the lead paragraph, then the rest of the lead section ("The perpetrator was
        # identified as …" often comes in its second paragraph)
        out: list[ActorMention] = []
        for s in lead:
            if out:
                # after the first, only a claim of responsibility adds a perpetrator ("Milan
                # Radoičić … later admitted responsibility for the attack")
                party = _claimed_in(s)
                party = [
                    x
                    for x in party
                    if not _same_party([x], [(m.start, m.end, m.actor) for m in out])
                ]
            else:
                party = _perpetrators_in(s)
            out += [ActorMention("perpetrator", None, s, a, b, actor) for a, b, actor in party]
        # only the lead's first paragraph, and only its first sentence that says so
        first_paragraph = [s for s in lead if s.paragraph == lead[0].paragraph] if lead else []
        for s in first_paragraph if not out else []:
            fired = _opened_fire_in(s)
            if fired is None:
                continue
            return [ActorMention("perpetrator", None, s, a, b, actor) for a, b, actor in fired]
        if not out and lead:
            # "… when a column of the Shining Path entered the village and killed at least 69
            # people": only the lead's first sentence, which tells the event
            s = lead[0]
            out = [ActorMention("perpetrator", None, s, a, b, x) for a, b, x in _killed_in(s)]
        return out
    return []


def _battle_sides(
    sentences: list[Sentence],
    armed_only: bool = False,
    seed: tuple[Sentence, list[tuple[int, int, Actor]]] | None = None,
) -> list[ActorMention]:
    """The sides of the first sentence of *sentences* that names two (else the first that
    names one, and a later sentence that counters it names the other). With *armed_only*,
    a party that is no armed party (:func:`_armed`: a place, a building) is dropped. A
    *seed* is side 1 already found (in the lead): only its opponent (side 2) is then sought
    and returned."""
    found: list[tuple[Sentence, list[tuple[int, int, Actor]]]] = [seed] if seed else []
    for s in sentences:
        sides = _sides_in(s)
        if armed_only:
            sides = [side for side in ([x for x in side if _armed(x[2])] for side in sides) if side]
        if len(sides) >= 2:
            if not found:
                return _mentions(s, sides)
            if seed:
                # a body sentence naming both: side 2 is the one that is not the lead's side 1
                other = None
                if _same_party(seed[1], sides[1]) and not _same_party(seed[1], sides[0]):
                    other = sides[0]
                elif _same_party(seed[1], sides[0]) and not _same_party(seed[1], sides[1]):
                    other = sides[1]
                if other is not None:
                    return _mentions(s, [other], 2)
                continue
            if len(found) == 1:
                # "the Russian army attempted to capture Sumy" … "Ukrainian paratroopers
                # began engaging Russian forces": the side named first stays side 1, and
                # the later sentence names its opponent
                (s0, party), other = found[0], None
                if _same_party(party, sides[1]):
                    other = sides[0]
                elif _same_party(party, sides[0]):
                    other = sides[1]
                if other is not None:
                    return _mentions(s0, [party]) + _mentions(s, [other], 2)
            break
        if len(found) == 1 and not (sides and not _same_party(found[0][1], sides[0])):
            # "… with many repelled by the Ukrainian army", "organized local self-defense
            # militias to fight against ISIL": the party that resists the first one
            other = _countering(s, found[0][1])
            if armed_only:
                other = [x for x in other if _armed(x[2])]
            if other:
                found.append((s, other))
                break
        if found and not _COUNTER.search(s.plain.text):
            continue
        if sides and not (found and _same_party(found[0][1], sides[0])):
            # "attacked by Russian forces" … "re-captured by Ukrainian forces": the agents
            # of two sentences that name one party each are the two sides when the
            # later one counters the first (retakes, repels, holds) and they differ
            found.append((s, sides[0]))
            if len(found) == 2:
                break
    if seed:
        return _mentions(found[1][0], [found[1][1]], 2) if len(found) == 2 else []
    return [m for i, (s, party) in enumerate(found, start=1) for m in _mentions(s, [party], i)]


#: "<attacks> repelled by <B>": B resisted the attack (the attacker is told before).
_RESISTED_BY = re.compile(
    r"\b(?:repelled|repulsed|resisted|held\s+off|fought\s+off|beaten\s+back|driven\s+back|"
    r"thwarted)\s+by\s+"
)
#: "<militias> to fight (against) <A>": a force raised to fight A.
_TO_FIGHT = re.compile(
    r"(?<![\w'’-])(?P<p>(?:(?!(?:the|a|an|who|which|that|had|has|have|to|and|of|its|their)\b)"
    r"[\w'’-]+(?<!ed)\s+){0,3}" + _GROUP_WORD.pattern + r")\s+to\s+(?:fight|combat|resist|"
    r"defend\s+against)\s+(?:against\s+)?",
    re.I,
)


def _countering(s: Sentence, party: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
    """The party sentence *s* names as resisting *party* (side 1, named in an earlier
    sentence): the agent of "repelled (repulsed, resisted, thwarted …) by B", or the force
    raised "to fight (against)" *party* ("local self-defense militias to fight against
    ISIL"); none if it is *party* itself."""
    text = s.plain.text
    masked = _masked(text)
    m = _RESISTED_BY.search(masked)
    if m is not None:
        other = [x for x in _party(text, m.end(), _phrase_end(masked, m.end())) if _armed(x[2])]
        if other and not _same_party(party, other):
            return other
    m = _TO_FIGHT.search(masked)
    if m is not None:
        foe = _party(text, m.end(), _phrase_end(masked, m.end()))
        other = [x for x in _party(text, m.start("p"), m.end("p")) if _armed(x[2])]
        if foe and _same_party(party, foe) and other and not _same_party(party, other):
            return other
    for rule in (_victory_over, _resistance_from, _kept_control, _positions_of, _taken_from):
        other = rule(text, masked, party)
        if other:
            return other
    return []


def _armed_party(text: str, masked: str, start: int) -> list[tuple[int, int, Actor]]:
    """The armed actors of the party phrase that starts at *start* (none if any is not)."""
    found = _party(text, start, _phrase_end(masked, start))
    return found if found and all(_armed(x[2]) for x in found) else []


def _opposed(
    party: list[tuple[int, int, Actor]],
    subject: list[tuple[int, int, Actor]],
    obj: list[tuple[int, int, Actor]],
) -> list[tuple[int, int, Actor]]:
    """The opponent of side 1 (*party*) in a clause where *subject* acts against *obj*: the
    object when the subject is side 1, the (armed) subject when the object is side 1; none
    when neither or both are."""
    if subject and obj and _same_party(party, subject) and not _same_party(party, obj):
        return obj
    if (
        subject
        and obj
        and _same_party(party, obj)
        and not _same_party(party, subject)
        and all(_armed(x[2]) for x in subject)
    ):
        return subject
    return []


#: "<A> declared final victory over <B>".
_VICTORY_OVER = re.compile(r"\b(?:victory|triumph)\s+over\s+")


def _victory_over(
    text: str, masked: str, party: list[tuple[int, int, Actor]]
) -> list[tuple[int, int, Actor]]:
    """ "The SDF declared final victory over the Islamic State": side 1 won over B."""
    m = _VICTORY_OVER.search(masked)
    if m is None:
        return []
    return _opposed(
        party, _clause_opener(text, masked, m.start()), _armed_party(text, masked, m.end())
    )


#: "… stiff resistance by (from) <B>": B resisted the attack the sentence tells.
_RESISTANCE_BY = re.compile(r"\bresistance\s+(?:by|from)\s+")


def _resistance_from(
    text: str, masked: str, party: list[tuple[int, int, Actor]]
) -> list[tuple[int, int, Actor]]:
    """ "stiff resistance by veteran Islamic State jihadists": B resisted side 1, unless the
    clause is another party's (its opener is an armed party other than side 1)."""
    m = _RESISTANCE_BY.search(masked)
    if m is None:
        return []
    opener = _clause_opener(text, masked, m.start())
    if opener and any(_armed(x[2]) for x in opener) and not _same_party(party, opener):
        return []
    other = _armed_party(text, masked, m.end())
    return other if other and not _same_party(party, other) else []


#: "…, although <B> retained control of the town": B held what side 1 claimed or attacked.
_KEPT_CONTROL = re.compile(
    r"\b(?:although|though|but|while|whereas)\s+(?P<p>(?:the\s+)?(?:[A-Z][\w'’-]*\s+)+"
    r"(?:forces|troops|army|units|soldiers|fighters|defenders)?\s*)(?:still\s+)?"
    r"(?:retained|kept|maintained|held)\s+control\b"
)


def _kept_control(
    text: str, masked: str, party: list[tuple[int, int, Actor]]
) -> list[tuple[int, int, Actor]]:
    """ "Russian forces had captured Siversk, although Ukrainian forces retained control of
    the town": the party that kept control against side 1, named earlier in the sentence."""
    m = _KEPT_CONTROL.search(masked)
    if m is None or not _names(masked[: m.start()], party):
        return []
    other = [x for x in _party(text, m.start("p"), m.end("p")) if _armed(x[2])]
    return other if other and not _same_party(party, other) else []


def _names(segment: str, party: list[tuple[int, int, Actor]]) -> bool:
    """Whether *segment* names an actor of *party* (its name, or its first word's stem:
    "Russian forces" in "… claimed that Russian troops …")."""
    low = segment.casefold()
    for _, _, actor in party:
        name = re.sub(r"^the\s+", "", actor.name, flags=re.I).casefold()
        stem = name.split()[0][:5] if name.split() else ""
        if name in low or (len(stem) >= 4 and re.search(rf"\b{re.escape(stem)}", low)):
            return True
    return False


#: "<A> took all the Syrian Army posts", "<A> shelled Russian positions": the owner of the
#: positions is the party attacked.
_POSITIONS_OF = re.compile(
    r"\b(?:attacked|shelled|struck|stormed|overran|took|captured|seized|infiltrated|bombed|"
    r"hit|targeted|assaulted|raided)\s+(?:all\s+)?(?:of\s+)?(?:the\s+)?"
    r"(?P<p>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(?:military\s+)?"
    r"(?:positions|posts|bases|checkpoints|lines|trenches|defen[cs]es|strongholds|garrisons?|"
    r"columns?|convoys?)\b"
)


def _positions_of(
    text: str, masked: str, party: list[tuple[int, int, Actor]]
) -> list[tuple[int, int, Actor]]:
    """ "ISIL took all the Syrian Army posts": the subject acts on the posts' owner."""
    m = _POSITIONS_OF.search(masked)
    if m is None:
        return []
    owner = [x for x in _party(text, m.start("p"), m.end("p")) if _armed(x[2])]
    return _opposed(party, _subject(text, masked, m.start()), owner)


def _taken_from(
    text: str, masked: str, party: list[tuple[int, int, Actor]]
) -> list[tuple[int, int, Actor]]:
    """ "The main goal of this offensive was to capture X from ISIL": the party a place is
    taken from opposes side 1 when the clause names no other armed party as the captor; a
    capture from side 1 makes the captor side 2."""
    m = _FROM_CAPTURE.search(masked)
    if m is None:
        return []
    foe = _armed_party(text, masked, m.end())
    captor = _clause_opener(text, masked, m.start())
    captor = [x for x in captor if _armed(x[2])]
    if not captor:
        return foe if foe and not _same_party(party, foe) else []
    return _opposed(party, captor, foe)


#: How many sentences of the first narrative section are read for sides: its opening says who
#: fights; later sentences tell incidents (a counteroffensive nearby, one tank crew's fight).
_NARRATIVE_OPENING = 10


def narrative_sides(section: list[Sentence], kind: str) -> list[ActorMention]:
    """Sides of a battle or war whose lead names none, from the opening sentences of its first
    narrative section *section* ("Russian forces launched an assault on the northern part of
    Lyman"; "Russian forces still faced fierce resistance from Ukrainian defenders"), by the
    lead's sentence shapes (:func:`lead_actors`). A body sentence often opposes a party to a
    place ("Russian forces attacked the Romny Correctional Colony"): only armed parties
    (:func:`_armed`) are taken. Other kinds: none."""
    if kind not in ("battle", "war"):
        return []
    return _battle_sides(section[:_NARRATIVE_OPENING], armed_only=True)


def narrative_opponent(sentences: list[Sentence], side1: list[ActorMention]) -> list[ActorMention]:
    """Side 2 of a battle or war whose lead names only side 1 (*side1*), from the opening
    sentences of its narrative *sentences* (not Background, Prelude …): the first armed party
    a sentence opposes to side 1 (both named as sides, or one that counters side 1:
    :func:`_countering`), never side 1 itself. None when no sentence does."""
    if not side1 or any(m.side != 1 for m in side1):
        return []
    seed = (side1[0].sentence, [(m.start, m.end, m.actor) for m in side1])
    return _battle_sides(sentences[:_NARRATIVE_OPENING], armed_only=True, seed=seed)


#: A name that opens with a count names a detachment or its vehicles.
_COUNT = re.compile(
    r"(?:at\s+least\s+|about\s+|some\s+|several\s+)?(?:\d|(?:an?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|dozens|hundreds|several)\b)",
    re.I,
)


def _armed(actor: Actor) -> bool:
    """Whether *actor* names an armed party: a state or a known armed group, a name with a
    group word ("separatist forces"), or one that opens with a state's demonym ("Russians",
    "Ukrainian defenders"); not a place or a building ("Romny Correctional Colony"), nor a
    detachment counted by its men or vehicles ("Two Ukrainian tanks of …")."""
    if _COUNT.match(actor.name):
        return False  # "Two Ukrainian tanks of the 30th Brigade": a detachment, not a side
    if actor.kind in ("state", "non-state") or _GROUP_WORD.search(actor.name):
        return True
    first = re.sub(r"^the\s+", "", actor.name, flags=re.I).split()
    return bool(first) and (_state_demonym(first[0]) or _state_demonym(first[0].removesuffix("s")))


#: The men of a group after its name ("Hezbollah fighters").
_MEN_TAIL = re.compile(rf"\s+(?:{_MEN_AFTER})")


def _people_only(name: str) -> bool:
    """Whether *name* is only a people's or a country's adjective ("Serb", "Kurdish"), no
    group's name."""
    from eventledger.normalise.places import DEMONYMS

    words = name.split()
    if not words:
        return False
    if all(w.lower().strip(".,") in DEMONYMS for w in words):
        return True
    # one word that names no group the kind words know ("Serb"; not "Hezbollah", "Hamas")
    return len(words) == 1 and split_actors(name)[0].kind == "unknown"


def _state_demonym(word: str) -> bool:
    """A country's demonym ("Israeli", "Russian"), not a people's, faith's or faction's."""
    from eventledger.normalise.places import DEMONYMS

    low = word.lower()
    return low in DEMONYMS and low not in _NOT_STATE_DEMONYMS


def _claimed_in(s: Sentence) -> list[tuple[int, int, Actor]]:
    return _asserted_subject(_CLAIMED, s.plain.text, _masked(s.plain.text))


#: A state's armed men named by its demonym: "Russian forces", "the Ukrainian army",
#: "Syrian troops".
_FORCE_MENTION = re.compile(
    r"\b(?P<dem>[A-Z][a-z]+)\s+(?:armed\s+)?(?P<noun>forces|troops|army|soldiers|military|"
    r"defenders|units|paratroopers|marines|servicemen)\b"
)
#: An attacker's verb after its subject: "Ukrainian forces recaptured …", "Russian troops
#: launched an assault …".
_ATTACKS_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:attacked|captured|recaptured|advanced|launched|assaulted|entered|"
    r"seized|retook|liberated|stormed|pushed|encircled|shelled|overran|occupied|besieged|"
    r"attempted\s+to\s+(?:capture|take|storm|encircle|seize)|began\s+(?:an?\s+)?(?:assault|"
    r"offensive|attack))\b"
)


#: Before a demonym: "pro-", "anti-" (a faction's name, no state's forces).
_PRO_ANTI = re.compile(r"(?i:pro|anti)-\Z")
#: Before a demonym: the first word of a two-word one ("North Vietnamese", "Sri Lankan").
_DEMONYM_PREFIX = re.compile(r"\b(North|South|East|West|Sri|New)\s\Z")
#: A passive verb phrase.
_PASSIVE_VERB = re.compile(r"\b(?:were|was|are|is|been|being)\b", re.I)


#: One state's forces named in a sentence: the sentence, the mention's offsets, its demonym
#: (two words when it has a prefix: "North Vietnamese") and its phrase ("Russian forces").
_Mention = tuple[Sentence, int, int, str, str]


def _force_mentions(sentences: list[Sentence]) -> Iterator[tuple[_Mention, bool, bool]]:
    """Every mention of a state's forces ("Russian forces", "Sri Lankan troops"; not
    "pro-Russian forces", separatists), with whether its demonym has a prefix ("North",
    "Sri" …) and whether the text makes it the subject of an attacker's verb ("Ukrainian
    forces recaptured …"; not a passive one, "Russian forces were pushed back")."""
    for s in sentences:
        text = s.plain.text
        for m in _FORCE_MENTION.finditer(text):
            dem = m.group("dem")
            if not _state_demonym(dem) or _PRO_ANTI.search(text, max(0, m.start() - 5), m.start()):
                continue
            start = m.start()
            prefix = _DEMONYM_PREFIX.search(text, max(0, start - 8), start)
            if prefix is not None:
                # "North Vietnamese forces", "Sri Lankan forces": the whole demonym
                start = prefix.start()
                dem = f"{prefix.group(1)} {dem}"
            verb = _ATTACKS_AFTER.match(text, m.end())
            attacking = verb is not None and not _PASSIVE_VERB.search(verb.group(0))
            mention = (s, start, m.end(), dem, f"{dem} {m.group('noun')}")
            yield mention, prefix is not None, attacking


def _side_mention(mentions: list[_Mention], side: int) -> ActorMention:
    """The actor of a side taken from its state's *mentions*: its "X forces" phrase where the
    text uses one (the general name of a state's side), else its most frequent phrase, at
    its first occurrence."""
    dem = mentions[0][3]
    phrases = [m[4] for m in mentions]
    common = (
        f"{dem} forces"
        if f"{dem} forces" in phrases
        else max(dict.fromkeys(phrases), key=phrases.count)
    )
    s, a, b, _dem, phrase = next(m for m in mentions if m[4] == common)
    return ActorMention("combatant", side, s, a, b, Actor(phrase, None, "state", None, a, b))


def frequent_sides(sentences: list[Sentence], kind: str) -> list[ActorMention]:
    """The two sides of a battle or war whose lead and narrative opening name none, from the
    states' forces its text names most often ("Russian forces" … "Ukrainian forces"): only
    when two states' forces are each named at least twice and no third state's nearly as
    often (null beats a guess). The side whose forces the text more often makes the subject
    of an attacker's verb ("Ukrainian forces recaptured the settlement") is side 1, as coders
    put the attacker first; on a tie, the one named first. Each side's actor is chosen by
    :func:`_side_mention`."""
    if kind not in ("battle", "war"):
        return []
    found: dict[str, list[_Mention]] = {}
    attacks: dict[str, int] = {}
    for mention, _prefixed, attacking in _force_mentions(sentences):
        dem = mention[3]
        found.setdefault(dem, []).append(mention)
        if attacking:
            attacks[dem] = attacks.get(dem, 0) + 1
    ranked = sorted(found, key=lambda d: -len(found[d]))  # (stable: first named first on ties)
    if len(ranked) < 2 or len(found[ranked[1]]) < 2:
        return []
    if len(ranked) > 2 and 2 * len(found[ranked[2]]) > len(found[ranked[1]]):
        return []  # a third state's forces nearly as often: the sides are unclear
    one, two = ranked[:2]
    if attacks.get(two, 0) > attacks.get(one, 0) or (
        attacks.get(two, 0) == attacks.get(one, 0) and _first(found[two]) < _first(found[one])
    ):
        one, two = two, one
    return [_side_mention(found[one], 1), _side_mention(found[two], 2)]


def frequent_opponent(sentences: list[Sentence], side1: list[ActorMention]) -> list[ActorMention]:
    """Side 2 of a battle or war whose text names only side 1 (*side1*, "Russian forces") and
    no sentence opposes it to another party: the one other state whose forces the text names
    (side 1's own demonym, in its names, set apart), at least twice, when no third state's
    forces are named at all (an ally is named as often as an enemy); None otherwise, and when
    side 1's names hold no state's demonym (see :func:`frequent_sides`)."""
    if not side1 or any(m.side != 1 for m in side1):
        return []
    own = {w for m in side1 for w in re.findall(r"[A-Z][a-z]+", m.actor.name) if _state_demonym(w)}
    if not own:
        return []  # ("VDV": side 1's state unknown, so its own forces cannot be told apart)
    found: dict[str, list[_Mention]] = {}
    for mention, prefixed, _attacking in _force_mentions(sentences):
        if not prefixed and mention[3] not in own:
            found.setdefault(mention[3], []).append(mention)
    # (one other state's forces only: where several are named, "Russian" and "Iranian" beside
    # "Syrian Army", an ally is named as often as an enemy)
    if len(found) != 1:
        return []
    (dem,) = found
    if len(found[dem]) < 2:
        return []
    ally = re.compile(
        rf"\b(?:(?:{'|'.join(map(re.escape, own))})\s+and\s+{dem}|{dem}\s+and\s+"
        rf"(?:{'|'.join(map(re.escape, own))})|(?:supported|backed|aided|assisted|helped)\s+by"
        rf"(?:\s+\w+){{0,2}}\s+{dem}|alongside(?:\s+\w+){{0,2}}\s+{dem}|"
        rf"support\s+of(?:\s+\w+){{0,2}}\s+{dem})\b"
    )
    if any(ally.search(s.plain.text) for s in sentences):
        return []  # ("Syrian and Russian airstrikes", "supported by Russian airstrikes")
    return [_side_mention(found[dem], 2)]


def _first(mentions: list[_Mention]) -> tuple[int, int]:
    """Where the first of *mentions* stands: (its sentence's input offset, its offset)."""
    s, a = mentions[0][:2]
    return (s.span[0], a)
