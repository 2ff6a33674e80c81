"""Data tables: infobox labels and parameters, and their canonical keys.

Every table says where it was taken from. Canonical keys are what the extractors read; the
readers map the labels they see (rendered) or the parameters they parse (wikitext) to them.
"""

from __future__ import annotations

#: Canonical infobox keys and what they hold. Per-side keys (military conflict) carry a
#: ``side`` on the field instead of a number in the key.
CANONICAL_KEYS = {
    "name": "the event's name",
    "part_of": "the larger conflict or campaign the event belongs to",
    "caption": "image caption",
    "location": "place of the event",
    "coordinates": "stated coordinates",
    "date": "date or date range",
    "time": "time of day",
    "duration": "duration",
    "target": "target of an attack",
    "attack_type": "attack type(s)",
    "weapons": "weapons used",
    "deaths": "deaths (fatalities)",
    "injuries": "non-fatal injuries",
    "missing": "missing people",
    "victims": "victims",
    "perpetrators": "perpetrator(s) or assailant(s)",
    "motive": "motive",
    "accused": "accused",
    "convicted": "convicted",
    "charges": "charges",
    "verdict": "verdict",
    "arrests": "arrests",
    "suspects": "suspects",
    "participants": "participants",
    "outcome": "outcome",
    "result": "result of a battle or war",
    "territory": "territorial changes",
    "status": "status of an ongoing conflict",
    "type": "type of event",
    "cause": "cause",
    "combatants": "belligerents of one side",
    "commanders": "commanders and leaders of one side",
    "units": "units involved of one side",
    "strength": "strength of one side",
    "casualties": "casualties and losses of one side",
    "casualties_other": "casualties not assigned to a side (casualties3 with no combatant3, notes)",
    "property_damage": "property damage",
}

#: Rendered infobox labels, as a browser shows them, mapped to canonical keys. Longest label
#: first matters when labels are glued to their values (``DeathsOver 1,000``), so readers sort
#: by length. Taken from the label= lines of Template:Infobox civilian attack, Template:Infobox
#: terrorist attack (redirect), Template:Infobox event, Template:Infobox historical event and
#: Template:Infobox military conflict (English Wikipedia, 2024–2026 revisions).
RENDERED_LABELS: dict[str, str] = {
    "Location": "location",
    "Locations": "location",
    "Venue": "location",
    "Place": "location",
    "Coordinates": "coordinates",
    "Date": "date",
    "Dates": "date",
    "Time": "time",
    "Time zone": "time",
    "Duration": "duration",
    "Target": "target",
    "Targets": "target",
    "Attack type": "attack_type",
    "Type": "type",
    "Weapon": "weapons",
    "Weapons": "weapons",
    "Weapon(s)": "weapons",
    "Deaths": "deaths",
    "Death": "deaths",
    "Fatalities": "deaths",
    "Dead": "deaths",
    "Killed": "deaths",
    "Injured": "injuries",
    "Injuries": "injuries",
    "Non-fatal injuries": "injuries",
    "Wounded": "injuries",
    "Missing": "missing",
    "Victims": "victims",
    "Victim": "victims",
    "Victim(s)": "victims",
    "Perpetrator": "perpetrators",
    "Perpetrators": "perpetrators",
    "Perpetrator(s)": "perpetrators",
    "Assailant": "perpetrators",
    "Assailants": "perpetrators",
    "Assailant(s)": "perpetrators",
    "Motive": "motive",
    "Motives": "motive",
    "Accused": "accused",
    "Convicted": "convicted",
    "Charges": "charges",
    "Verdict": "verdict",
    "Sentence": "verdict",
    "Arrests": "arrests",
    "Suspects": "suspects",
    "Suspect": "suspects",
    "Participants": "participants",
    "Outcome": "outcome",
    "Result": "result",
    "Territorial changes": "territory",
    "Status": "status",
    "Cause": "cause",
    "Belligerents": "combatants",
    "Commanders and leaders": "commanders",
    "Units involved": "units",
    "Strength": "strength",
    "Casualties and losses": "casualties",
    "Casualties": "casualties",
    "Property damage": "property_damage",
    "Also known as": "name",
}

#: Infobox families, by the template name lower-cased with spaces normalised, and the event
#: kind each implies. ``terrorist attack`` is the old name of ``civilian attack``.
INFOBOX_FAMILIES: dict[str, str] = {
    "civilian attack": "attack",
    "terrorist attack": "attack",
    "military conflict": "battle",
    "event": "other",
    "historical event": "other",
}

#: Labels that only one family renders, used by the plaintext reader to guess the template.
FAMILY_SIGNATURES: dict[str, tuple[str, ...]] = {
    "military conflict": ("combatants", "commanders", "strength", "casualties", "result"),
    "civilian attack": ("attack_type", "target", "perpetrators", "weapons"),
    "event": ("participants", "outcome", "type", "cause"),
}

#: Attack-type labels mapped to ACLED sub-event types, GTD attacktype1 codes and UCDP
#: type_of_violence. Vocabularies: ACLED Codebook 2023 (sub_event_type), GTD Codebook 2021
#: (attacktype1: 1 assassination, 2 armed assault, 3 bombing/explosion, 4 hijacking,
#: 5 hostage taking (barricade), 6 hostage taking (kidnapping), 7 facility/infrastructure
#: attack, 8 unarmed assault, 9 unknown), UCDP GED codebook 23.1 (1 state-based,
#: 2 non-state, 3 one-sided). A label matches when one of the words is in it.
ATTACK_TYPES: list[tuple[tuple[str, ...], str | None, int | None, int | None]] = [
    (("massacre", "mass murder", "mass killing", "genocide", "war crime"),
     "Attack", 2, 3),
    (("mass rape", "rape", "sexual violence"), "Sexual violence", 8, 3),
    (("bombing", "bomb", "explosion", "car bomb", "ied", "suicide attack"),
     "Remote explosive/landmine/IED", 3, 3),
    (("shooting", "gunfire", "spree", "mass shooting", "armed assault"), "Attack", 2, 3),
    (("stabbing", "knife", "melee"), "Attack", 8, 3),
    (("vehicle-ramming", "vehicle ramming", "truck attack", "ramming"), "Attack", 8, 3),
    (("assassination",), "Attack", 1, 3),
    (("hijacking", "aircraft hijacking"), "Abduction/forced disappearance", 4, 3),
    (("hostage", "siege"), "Abduction/forced disappearance", 5, 3),
    (("kidnapping", "abduction"), "Abduction/forced disappearance", 6, 3),
    (("arson", "fire"), "Looting/property destruction", 7, 3),
    (("air raid", "airstrike", "air strike", "bombardment", "shelling"),
     "Air/drone strike", 3, 1),
    (("chemical", "gas attack"), "Chemical weapon", 3, 3),
]

#: Words that make an actor civilians (a crowd, a population) rather than an organisation.
CIVILIAN_WORDS = (
    "civilian", "civilians", "women", "children", "refugees", "villagers", "residents",
    "population", "rioters", "mob", "crowd", "peasants", "settlers", "locals", "local",
    "protesters", "pilgrims", "worshippers", "students", "passengers", "inhabitants",
    "families", "prisoners", "men", "people",
)

#: Words that mark a state actor (armies and their units, governments, police).
STATE_WORDS = (
    "army", "armies", "navy", "air force", "military", "government", "police", "kingdom",
    "empire", "republic", "union", "forces", "armed forces", "guard", "gendarmerie", "troops",
    "soldiers", "regiment", "division", "corps", "brigade", "battalion", "fleet", "state",
    "ministry", "reich", "wehrmacht", "red army", "luftwaffe", "marines", "legion",
    "dynasty", "sultanate", "caliphate", "shogunate", "khanate", "duchy", "principality",
)

#: Words that mark a non-state armed group.
NON_STATE_WORDS = (
    "front", "movement", "militia", "rebels", "insurgents", "brigades", "organization",
    "organisation", "party", "liberation", "group", "cell", "network", "al-qaeda", "isis",
    "isil", "islamic state", "taliban", "ira", "volunteer force", "partisans", "guerrillas",
    "terrorists", "gang", "faction", "resistance", "jihad", "hamas", "hezbollah",
    "irish republican army",
)
