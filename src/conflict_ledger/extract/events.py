"""Find the sentences that report an event and give each ACLED's event and sub-event type.

A sentence reports an event when it holds a cue ("attacked", "airstrike", "were killed")
and is not one of the kinds of sentence that only talk about events: counts ("the 66th
attack since"), habits ("has conducted strikes three times"), plans, threats and denials.
The sub-event type comes from the weapon and target context of the cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..model import SUB_EVENT_PARENT, EventMention
from ..resolve.dates import WEEKDAY_NAMES
from .classifier import UNSPECIFIED, TypeGuess
from .pipeline import DocState, Frame, Sentence, component


@dataclass(frozen=True)
class EventType:
    event_type: str
    sub_event_type: str | None
    specific: bool  # False: a generic cue ("attack") whose weapon we could not tell
    cue: tuple[int, int]  # span of the cue inside the sentence text
    score: float = 0.5  # how sure the type is (the classifier's probability where it had a say)


def _rx(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")", re.IGNORECASE)


# control regained of ground, not of a prison in a riot or of the situation: "before police and soldiers regained
# control" of the penitentiary restores order, it takes no territory
_PLACES_OF_ORDER = r"prisons?|jails?|penitentiar(?:y|ies)|situation|facility|compound|buildings?|crowds?|streets?|campus"
_OF_GROUND = r"(?!\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:" + _PLACES_OF_ORDER + r")\b)(?=\s+(?:of|over)\b)"
_ORDER_RESTORED = _rx(r"(?:regained|retook|restored|took back|recovered)\s+(?:full\s+)?control\s+of\s+(?:the\s+)?"
                      r"(?:[\w-]+\s+)?(?:" + _PLACES_OF_ORDER + r")\b")


# a munition left from fighting before: "an unexploded mortar shell went off as children played with it"
_UNEXPLODED = (r"(?:unexploded|leftover|left-over|abandoned)\s+(?:[\w-]+\s+){0,2}?(?:shells?|mortars?|ordnance|bombs?|"
               r"rockets?|munitions?|devices?|grenades?|projectiles?)")
_LEFT_BEHIND = _rx(_UNEXPLODED)


# (launchers stay weapons: "attacked with rifles and rocket launchers")
_NOT_ITS_SITES = (r"(?![- ](?:launch(?:ing)? (?:sites?|pads?)|depots?|sites?|factor(?:y|ies)|storage|stockpiles?|"
                  r"warehouses?|production|workshops?|caches?|stores)\b)")
# a protest of one, as ACLED codes it: "a man set himself on fire outside the embassy"
_SELF_IMMOLATION = r"self-immolat\w*|set (?:himself|herself|themselves) (?:on fire|ablaze|alight)|(?:burned|burnt) (?:himself|herself)"
# "defused by a bomb squad": the people who deal with bombs, not a bomb
_NOT_THE_SQUAD = r"(?![- ](?:squads?|disposal|experts?|technicians?|units?|teams?))"
# people as the object of "seized": "three men", "a suspect", "several youths"
_PEOPLE_SEIZED = (r"\s+(?:an?\s+|the\s+|two\s+|three\s+|four\s+|five\s+|\d+\s+|several\s+)?(?:[\w-]+\s+)?"
                  r"(?:men|man|suspects?|people|persons|youths|women|woman|militants|gunmen)\b")
# armed men named as such, on either side of a clause
# (and the armed men of a cattle raid: "Cattle raiders from Jonglei attacked a cattle camp")
_ARMED_WORDS = (r"militants?", r"rebels?", r"insurgents?", r"guerrillas?", r"terrorists?", r"jihadists?", r"assailants?",
                r"attackers?", r"cattle raiders", r"(?:cattle )?rustlers")

# a vehicle driven into people: "a car drove into a crowd at the Christmas market"
_RAMMED_INTO_PEOPLE = (r"(?:drove|driven|ploughed|plowed|rammed|slammed|crashed)\s+(?:(?:a|an|his|her|the|their)\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:car|truck|lorry|van|vehicle|suv)?\s*(?:into|through)\s+(?:a\s+|the\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:crowds?|pedestrians|shoppers|worshippers|revellers|revelers|people|protesters|"
                       r"marchers)\b")

# armed groups' fighters who went into a city by name, with no harm told after it: "rebel fighters entered Damascus"
# (not "gunmen entered the village and killed 20", a raid; nor troops who entered a town, as often a raid as a capture;
# in wire copy in capitals any word looks like a name, so an article or a pronoun after the verb is none)
_INTO_A_CITY = (r"\s+(?:[\w-]+\s+)?(?:entered|swept into|rolled into|marched into|moved into)\s+"
                r"(?:the\s+(?:capital|city|town)\s+(?:of\s+)?)?(?!(?:the|a|an|his|her|its|their|our|this|that)\b)"
                r"(?-i:[A-Z])[\w'’-]+(?![^.;]*\b(?:kill|shot|wound|dead|massacr|abduct|kidnap|raid))")
_ENTERED_A_CITY = r"(?:fighters|rebels|insurgents|militants)" + _INTO_A_CITY

# a ground attack fought off ("its forces had repelled attacks near three villages"), not a drone or a missile
_FOUGHT_OFF_VERB = r"(?:repelled|repulsed|fought off|beat back|beaten back)"
_FOUGHT_OFF = (_FOUGHT_OFF_VERB + r"\s+(?:an?\s+|the\s+|several\s+|multiple\s+|\w+\s+)?"
               r"(?!(?:drone|missile|rocket|air|aerial)\b)(?:[\w-]+\s+)?(?:attacks?|assaults?|offensives?|advances?|raids?|"
               r"incursions?|attempts?)\b")

# "12 March", "in March", "March 3" name the month, not a march
_NOT_THE_MONTH = r"(?<!\d )(?<!in )(?<!of )(?<!since )(?<!until )(?<!last )(?<!next )(?<!early )(?<!late )(?<!mid-)"

# Cues, most specific first. Each entry: pattern, event type, sub-event type.
_CAME_DOWN = r"\b(?:bombs?|shells?)\s+(?:fell|landed)\b"  # a weapon that came down where it struck
_CUES: list[tuple[re.Pattern[str], str, str]] = [
    # ... a chemical weapon used, not a programme, a site or a stockpile of them
    (_rx(r"chemical (?:weapons?\b(?! (?:facilit|sites?\b|programm?e|stockpiles?|arsenal|depots?|plants?|research|"
         r"convention|watchdog|inspect|production|storage|capabilit))|attack)", "chlorine", "sarin", "nerve agent", "mustard gas", "gas attack", r"poison(?:ous)? gas",
         r"toxic (?:gas|chemical)", r"gas(?:es)? (?:shells|projectiles|rounds|canisters)", r"containing poison"),
     "Explosions/Remote violence", "Chemical weapon"),
    # ... or told by what the bomber wore: "an explosive vest", "detonated his belt", "blew themselves up"
    (_rx(r"suicide (?:bomb|attack|car|vest|truck|blast|belt)", r"blew (?:him|her)self up", r"suicide[- ]bomber",
         "suicide bombing", r"self-detonat", r"kamikazes?", r"(?:killing|blowing up|blew up) themselves",
         r"(?:blew|blowing) themselves up", r"explosives?(?:-laden| packed|-packed)? (?:vests?|belts?)\b",
         r"(?:detonated|set off|exploded) (?:his|her|their) (?:[\w-]+ )?(?:vests?|belts?)\b",
         # ... or by the bomber going off with the bomb: "the bomber walked up to him before exploding"
         r"\bbombers?\b(?![- ](?:jets?|planes?|aircraft|squadrons?|crews?))[^.;]{0,80}?\b(?:exploding|exploded|detonated|blew up)"
         r"\b(?![^.;]{0,40}\bremote)"),
     "Explosions/Remote violence", "Suicide bomb"),
    # smoke, stun and tear-gas grenades are crowd control, not a grenade attack
    # (a rocket-propelled grenade is fired, not thrown: ACLED reads it as the rocket it is, from afar)
    (_rx(r"(?<!smoke )(?<!stun )(?<!tear gas )(?<!tear-gas )(?<!teargas )(?<!flash )(?<!sound )(?<!propelled )"
         r"grenades?\b",
         # ... and the crude bombs thrown by hand that South Asian reports tell: "hurled crude bombs at a rally"
         r"(?:hurled|hurling|threw|throwing|lobbed|lobbing)\s+(?:\w+\s+)?(?:crude|country-made|cocktail|petrol)\s+bombs?\b",
         r"(?:crude|country-made|cocktail)\s+bombs?\s+(?:were|was)\s+(?:hurled|thrown|lobbed)\b"),
     "Explosions/Remote violence", "Grenade"),
    (_rx(r"improvised explosive", r"\bieds?\b", r"roadside bomb", r"car bomb", r"vbied", r"landmines?",
         r"land mines?", r"explosive device", r"booby[- ]trap", r"sticky bomb", r"bomb (?:exploded|went off|blast)",
         r"explosives?-laden(?! (?:drones?|uavs?|quadcopters?)\b)", r"(?:bomb|explosive)s? (?:was|were) detonated", r"planted (?:a )?bomb",
         r"magnetic bomb", r"bombing", r"dynamit(?:ed|ing)\b", _UNEXPLODED,
         # dynamite as the weapon used, not as a load ("delivered 500 kg of dynamite")
         r"dynamite (?:attacks?|charges?|blasts?|explosions?|bombs?)", r"(?:charges?|sticks?) of dynamite",
         # "a bank branch was wrecked by a bomb", "a bomb wrecked the office"
         r"(?:destroyed|damaged|wrecked|blown up|blasted|ripped apart) by (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:bombs?|"
         r"explosives?|dynamite|charges?)\b" + _NOT_THE_SQUAD,
         r"\bbombs? (?:destroyed|damaged|wrecked|ripped through|blew up)",
         # what saboteurs blow up: "blew up a railway track", "blowing up the gas pipeline"
         r"(?:blew|blowing|blow) up (?:a |an |the |two |several )?(?:[\w-]+ ){0,2}?(?:rail(?:way)?s?|tracks?|bridges?|"
         r"pipelines?|pylons?|power lines?|transmission towers?)\b"),
     "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    (_rx(r"air ?strikes?", r"air[- ]raids?", r"drone strikes?", r"drone attacks?", r"(?:attack|armed|one-way|kamikaze|suicide) drones?",
         r"explosives?-laden (?:drones?|uavs?|quadcopters?)",
         r"warplanes?", r"fighter jets?", r"gunships?", r"helicopter gunship",
         # a bomber is an aircraft only when the words say so; "the bomber drove a truck" is a man
         r"(?:strategic|stealth|heavy|long-range|jet|fighter|b-\d+\w*|tu-\d+\w*|su-\d+\w*)[- ]bombers?\b",
         r"bombers?\s+(?:struck|pounded|dropped|bombed|raided|flew|hit)\b", r"aerial (?:bombard|attack)",
         r"struck .{0,40}\bfrom the air", r"(?:drones?|aircraft|jets?) (?:struck|targeted|attacked|hit|bombed)",
         r"(?:launched|fired|sent|flew)\s+(?:[\w-]+\s+){0,3}?drones?\s+(?:at|on|toward|towards|against|into)\b",
         r"aircraft\b", r"ac-130", r"bombing raids?", r"f-1[56]e?\b", r"b-1b?\b", r"b-52", r"mq-9", r"reaper\b",
         r"air force\b[^.;]{0,40}?\bbomb(?:ed|ing|ings|ard)", r"(?:planes?|helicopters?)\b[^.;]{0,30}?\b(?:bombed|strafed)",
         # bombs dropped from the air, whoever dropped them: "a guided aerial bomb hit the town", "barrel bombs"
         r"(?:guided|glide|gliding|aerial|air-dropped|barrel|cluster|precision-guided)\s+(?:aerial\s+)?bombs?\b",
         # a military's own word for its strikes: "neutralised 13 militants in air operations in northern Iraq"
         r"air operations?\s+(?:in|on|against|targeting)\b",
         r"dropped\s+(?:\w+\s+){0,2}?bombs?\b",
         # the strikes of forces that strike from the air ("killed in an Israeli strike on his residence")
         r"(?<!pro-)(?:israeli|turkish|american|u\.s\.|us-led|u\.s\.-led|saudi-led|coalition)\s+(?:military\s+)?strikes?\b",
         # ... and a state news agency's word for one: "an Israeli aggression that targeted a building"
         r"(?:israeli|turkish|american|u\.s\.)\s+(?:air\s+)?aggression\s+(?:that\s+|which\s+)?(?:targeted|targeting|hit|"
         r"struck|on|against)\s+(?:a|an|the)\b",
         r"drones?\b[^.;]{0,60}\b(?:hit|struck|slammed into|crashed into|exploded (?:at|near|on|inside)) (?:the|a|an) "
         r"(?:base|outpost|garrison|camp|compound|building|facility|position|site)"),
     "Explosions/Remote violence", "Air/drone strike"),
    # (not the weapons' own sites, struck by others: "targets including weapons depots and missile sites")
    (_rx(*(w + _NOT_ITS_SITES for w in (r"ballistic missiles?", r"missiles?", r"rockets?\b", r"mortars?\b", r"artillery")),
         r"shell(?:ing|ed|s)\b", r"barrage", r"katyusha", r"projectiles?",
         # ... or the bombardment of a place, not from the air as far as the words go (no bomb set on the ground)
         r"(?<!aerial )bombard(?:ment|ments|ed|ing)\b",
         # ... or a bomb that came down on a place: "a bomb fell on a displacement site" (not one set there)
         _CAME_DOWN,
         # a ship struck from afar, the weapon untold: "struck the Belize-flagged cargo ship Rubymar"
         r"(?:struck|hit|attacked|targeted)\s+(?:the\s+|a\s+|an\s+|two\s+|another\s+)?(?:[\w-]+,?\s+){0,4}?(?:cargo ship|"
         r"container ship|bulk carrier|merchant (?:ship|vessel)|oil tanker|tanker|freighter)s?\b"),
     "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    # ... or people seized by men who are no police: "unknown men seized a journalist outside his home"
    # (the takers named are no taking: "The kidnappers killed the ruler")
    (_rx(r"kidnapp(?!ers?\b)", r"abduct(?!ors?\b)", r"taken hostage", r"held hostage", r"hostages?\b", r"forcibly disappeared",
         r"(?:men|gunmen|assailants|attackers|kidnappers|militants|rebels|insurgents|pirates|fighters|militiamen)\s+"
         r"(?:\w+\s+){0,2}?(?:seized|snatched|grabbed|dragged away|carried off|took away)\s+(?:an?\s+|the\s+|two\s+|three\s+|"
         r"\d+\s+|several\s+|dozens of\s+)?(?:[\w-]+\s+){0,2}?(?:journalists?|aid workers?|students?|women|girls?|boys?|"
         r"children|villagers?|farmers?|workers?|engineers?|priests?|teachers?|doctors?|tourists?|businessm[ae]n|"
         r"activists?|civilians?|men|man|woman|passengers|officials?|pupils|schoolgirls|worshippers|crew)\b"),
     "Violence against civilians", "Abduction/forced disappearance"),
    (_rx(r"\brap(?:e|ed|ing)\b", r"sexual(?:ly)? (?:assault|violence|abuse)", r"molest"),
     "Violence against civilians", "Sexual violence"),
    (_rx(r"clash(?:es|ed|ing)?\b", r"fighting\b", r"firefights?", r"gun ?battles?", r"gunfights?", r"shoot-?outs?\b",
         r"exchange of fire", r"exchanged fire",
         r"ambush", r"battles?\b", r"fought\b", r"engaged\b",
         _FOUGHT_OFF),
     "Battles", "Armed clash"),
    (_rx(r"recaptur", r"retook", r"retak(?:en|e|es|ing)\b", r"regained control" + _OF_GROUND, r"(?<![\"“'‘])liberated", r"recovered control" + _OF_GROUND, r"(?:seized|took|taken) back",
         r"(?:freed|recovered|regained|cleared) (?:the |a |an )?(?:[\w-]+ ){0,2}(?:towns?|villages?|cit(?:y|ies)|districts?|"
         r"areas?|regions?|territor(?:y|ies)) (?:\w+ ){0,6}?from\b",
         # the other side driven out of a place ("troops drove the militants out of three villages"); who drove
         # whom out says which of the two territory types it is (see `_taken_by`)
         r"(?<!were )(?<!was )(?:drove|pushed|expelled|ousted|flushed) (?:back )?(?:the |an? )?(?:[\w-]+ ){0,2}?"
         r"(?:militants|rebels|insurgents|terrorists|fighters|jihadists|troops|forces|soldiers|army|enemy|gunmen|guerrillas|"
         r"militias?|militiamen|extremists|isil|isis|daesh|taliban|al-shabaab?|houthis) (?:back )?(?:out of|from) "
         r"(?:the |an? |several |their )?(?:[\w-]+ ){0,2}?(?:towns?|villages?|cit(?:y|ies)|districts?|areas?|regions?|"
         r"territor(?:y|ies)|positions?|neighbou?rhoods?|provinces?|strongholds?|bastions?|hills?)\b"),
     "Battles", "Government regains territory"),
    (_rx(r"(?:seized|seizing) (?:full |complete |effective )?control", r"(?:took|taken|taking) (?:full |complete |effective )?control",
         r"overran", r"gained ground", r"(?:captured|seized|capturing|seizing) (?:the |a |an )?(?:[\w-]+ ){0,2}(?:town|city|village|"
         r"district|area|base|airport|hill|positions?|stronghold|bastion)s?\b",
         _ENTERED_A_CITY),
     "Battles", "Non-state actor overtakes territory"),
    (_rx(r"protesters? (?:were|was) (?:killed|shot)", r"(?:protesters?|demonstrators?) (?:died|were killed|killed) (?:from|by|in|after)",
         r"(?:live (?:rounds|ammunition|fire|bullets)|rubber bullets)[^.;]{0,60}\b(?:protest|demonstrat|rall)",
         r"(?:protest|demonstration)s? crackdown", r"crack(?:ed)? ?down on (?:the |a |an )?(?:[\w-]+ )?(?:protest|demonstrat)",
         r"(?:die|died|killed) in (?:a |the )?(?:protest|demonstration)", r"fired (?:live )?(?:ammunition|bullets) (?:at|on) (?:the )?(?:protesters|demonstrators)",
         r"opened fire on (?:the )?(?:protesters|demonstrators)",
         # severe beatings count as excessive force in ACLED's codebook
         r"(?:police|policemen|officers|troops|soldiers|security forces|guards)\b[^.;]{0,30}?\b(?:beat|beating|clubbed|"
         r"batoned)\b[^.;]{0,40}?\b(?:protesters?|demonstrators?|marchers)",
         r"(?:protesters?|demonstrators?|marchers) (?:were|was|being|had been|have been) (?:\w+ )?(?:beaten|clubbed|batoned)"),
     "Protests", "Excessive force against protesters"),
    (_rx(r"riot(?:s|ers|ing|ed)?\b(?![- ](?:police|policemen|gear|squads?|officers|control|units?|troops|shields?))", r"(?<!non-)(?<!non )violent (?:protest|demonstration)", r"(?:protesters?|demonstrators?) (?:torched|set fire|threw stones|pelted|stormed|beat|attacked|assaulted)\b",
         r"turn(?:ed|s)? (?:very )?violent", r"marred by violence", r"(?:thrown|hurled) at (?:the )?police",
         r"(?:threw|throwing|hurl(?:ed|ing)|pelt(?:ed|ing)) (?:\w+ ){0,2}?(?:stones|rocks|bricks|bottles|projectiles|petrol bombs|"
         r"molotov)(?!\s+cocktails?\s+(?:at|into)\s+(?:an?\s+|the\s+)?(?:group of\s+|crowd of\s+)?(?:people|crowds?|"
         r"marchers|worshippers|pedestrians|passers-by|shoppers)\b)",  # (thrown at a crowd: no crowd's own violence)
         r"aggressive (?:protest|demonstration)s?",
         r"(?:protesters|demonstrators|rioters) (?:\w+ ){0,2}clash(?:ed|es)? with",
         # a party's or a leader's supporters in the street: "Supporters of Imran Khan clashed with police"
         r"supporters of (?:[\w.'’-]+ ){1,4}?(?:\w+ ){0,2}?clash(?:ed|es)? with (?:the )?(?:riot )?(?:police|security forces)",
         r"clash(?:ed|es)? (?:\w+ ){0,2}with (?:hundreds of |thousands of |dozens of )?(?:the )?(?:\w+ )?(?:protesters|demonstrators)"),
     "Riots", "Violent demonstration"),
    # (not the Mafia: "a mob boss", "the mob's accountant")
    (_rx(r"\bmobs?\b(?![- ](?:boss(?:es)?|don|family|families|ties|figures?|hits?|lawyers?|informants?|bosses|"
         r"associates?|underboss|capo|enforcers?|killers?|war))(?!'s\b)", r"lynch"), "Riots", "Mob violence"),
    (_rx(r"(?:general|nationwide|labou?r|workers'?) strikes?\b", r"(?:went|go|going|are|were) on strike\b",
         r"protest(?:s|ers|ed|ing)?\b", r"(?<!been )(?<!was )(?<!is )demonstrat(?:ion|ors|ed)\b(?! that)", r"(?<!campaign )(?<!election )(?<!electoral )\brall(?:y|ies|ied)\b", _NOT_THE_MONTH + r"\bmarch(?:ed|es)?\b(?!\s+\d)",
         r"sit-in", r"picket",
         # the other forms a protest takes
         # ("strikers" alone is as often a football team's forwards)
         r"die-ins?\b", r"human chains?\b", r"hunger strik(?:e|es|ers)\b", r"civil disobedience", _SELF_IMMOLATION,
         # ... and a crowd's own phrase for it: "Opposition supporters took to the streets for a third day"
         r"(?:took|take|taking|taken) to the streets"),
     "Protests", "Peaceful protest"),
    (_rx(r"loot", r"arson", r"set (?:on )?fire", r"set (?!(?:himself|herself|themselves)\b)(?:[\w-]+ ){1,3}(?:on fire|ablaze|alight)\b", r"torched", r"vandali[sz]", r"burned down", r"demolish", r"ransack"),
     "Strategic developments", "Looting/property destruction"),
    (_rx(r"defus", r"dismantled (?:a |an )?(?:bomb|explosive|ied)", r"intercepted", r"shot down", r"foiled",
         r"bomb disposal"),
     "Strategic developments", "Disrupted weapons use"),
    # ... or people seized by the police or troops: "police seized three men carrying rifles"
    (_rx(r"arrested", r"arresting", r"\barrests?\b", r"detained", r"detaining", r"taken into custody", r"rounded up",
         r"rounding up",
         r"(?:police|policemen|troops|soldiers|security forces|officers|agents|gendarmes)\s+(?:\w+\s+){0,2}?(?:seized|"
         r"picked up|grabbed)" + _PEOPLE_SEIZED),
     "Strategic developments", "Arrests"),
    (_rx(r"ceasefire agreement", r"peace (?:deal|agreement|accord)", r"signed an agreement", r"prisoner (?:swap|exchange)",
         r"truce", r"surrender(?:ed|s)? to\b", r"laid down (?:their|his|its) (?:arms|weapons)"),
     "Strategic developments", "Agreement"),
    (_rx(_RAMMED_INTO_PEOPLE, r"car[- ]ramming", r"ramming attack", r"shot dead", r"gunned down", r"assassinat", r"executed", r"massacre", r"behead", r"stabbed", r"lynched",
         # people beaten ("fans were chased and beaten in the streets"), not a rival beaten at the polls or a deadline
         r"(?:was|were|been|being)\s+(?:[\w-]+\s+and\s+)?beaten\b(?!\s+(?:at the polls|in (?:the )?(?:[\w-]+ )?(?:elections?|votes?|polls?|finals?|match(?:es)?|races?|"
         r"run-?offs?)|by \d|to (?:the|it)\b))", r"beat(?:ing)? up\b",
         r"opened fire", r"shot and killed", r"tortured", r"murder(?:ed|s|ing)?\b", r"slain\b", r"slaying",
         # a killing shown by its marks ("bodies found riddled with bullets") or told by its weapon ("hit by a sniper")
         r"riddled with bullets", r"bullet-riddled", r"(?:gunshot|bullet) wounds", r"snipers?\b",
         # fire thrown at people, not at a building: "threw incendiary devices at a group of people marching"
         r"(?:threw|hurled|tossed)\s+(?:[\w-]+\s+){0,2}?(?:incendiary (?:devices?|bombs?)|molotov cocktails?|firebombs?)\s+"
         r"(?:at|into)\s+(?:an?\s+|the\s+)?(?:group of\s+|crowd of\s+)?(?:people|crowds?|worshippers|marchers|"
         r"pedestrians|passers-by|shoppers)\b"),
     "Violence against civilians", "Attack"),
]
# The report's own verb for a strategic development between conflict parties. Told in a leader's words or
# beside talks ("the two sides agreed to a ceasefire, the minister said") the classifier reads the frame
# (a statement, diplomacy); the verb says what happened, so where the clause names a conflict party it
# counts like a named weapon (`decide`).
_OWN_VERB_CUES: list[tuple[re.Pattern[str], str]] = [
    (_rx(r"agreed (?:to|on|upon) (?:a |an |the )?(?:[\w-]+ ){0,2}(?:ceasefire|cease-fire|truce|peace|deal|exchange|swap|"
         r"withdrawal|evacuation|release|handover|disarm)", r"signed (?:a |an |the )?(?:\w+ )?(?:ceasefire|peace|truce|deal|accord)",
         r"surrender(?:ed|s)?\b", r"laid down (?:their|his|its) (?:arms|weapons)", r"exchanged (?:\w+ )?(?:prisoners|detainees|bodies|captives)",
         r"(?:prisoners|hostages|captives|detainees) (?:were|have been|had been) (?:released|freed|exchanged|swapped)",
         r"released (?:\w+ ){0,3}(?:prisoners|hostages|captives|detainees)", r"evacuation deal", r"reconciliation deal"),
     "Agreement"),
    (_rx(r"(?:withdrew|withdrawn|pulled out|retreated) from (?:the )?(?!talks|negotiations|the deal|the agreement|the treaty|the pact)",
         r"handed over (?:control|the (?:base|town|city|area|district|checkpoint|post|position))", r"took over (?:the )?(?:base|positions?)"
         r" (?:vacated|abandoned|left)", r"began leaving"),
     "Non-violent transfer of territory"),
    (_rx(r"(?:set up|established|setting up|establishing|built|erected) (?:a |an |its |their |new |the )?(?:\w+ ){0,2}"
         r"(?:base|camp|headquarters|checkpoint|outpost|observation (?:point|post)|military post)"),
     "Headquarters or base established"),
    (_rx(r"defected\b", r"(?:announced|declared) (?:the )?(?:formation|creation|merger|dissolution)", r"merged (?:with|into)",
         r"(?:formed|founded|launched|created) (?:a |an )?(?:new )?(?:\w+ ){0,2}(?:alliance|coalition|group|militia|brigade|"
         r"front|unit|force|faction)", r"split from", r"named (?:a |its )?new (?:leader|commander|chief)",
         r"(?:were|was) (?:formed|created|established) (?:in|within)", r"reinforced (?:their|its|the)? ?(?:troops|positions|forces|"
         r"defen[cs]es)", r"(?:deployed|sent) (?:\w+ ){0,3}(?:troops|soldiers|forces|reinforcements)"),
     "Change to group/activity"),
]
_CONFLICT_PARTY = _rx(r"forces\b", r"troops", r"soldiers", r"army\b", r"military", r"militar", r"rebels?\b", r"militants?\b",
                      r"fighters", r"militias?\b", r"insurgents?\b", r"guerrillas?\b", r"jihadists?\b", r"taliban",
                      r"separatists?\b", r"opposition", r"regime", r"armed groups?", r"factions?\b", r"prisoners",
                      r"hostages", r"captives", r"combatants", r"\bsides\b", r"government")


_NOT_DONE = re.compile(r"\b(?:to|will|would|could|may|might|must|should|shall|not|never|refused to|failed to)\s+(?:\w+\s+)?$",
                       re.IGNORECASE)


def own_verb_kinds(text: str) -> list[EventType]:
    """The strategic development the clause's own verb tells as done, where it names a conflict party."""
    if not _CONFLICT_PARTY.search(text) or talks_about_events(text):
        return []
    told = [(match.span(), sub) for pattern, sub in _OWN_VERB_CUES for match in pattern.finditer(text)
            if not _NOT_DONE.search(text[max(0, match.start() - 30) : match.start()])]
    if not told:
        return []
    span, sub = min(told)  # the verb told first is the clause's own ("began leaving ... under a deal")
    return [EventType("Strategic developments", sub, True, span)]


# The speech frame around a report: "the ministry said on Thursday that <content>", "<content>, police said",
# "According to X, <content>". The classifier reads a frame as a statement; the content is what happened.
_SAID_THAT = re.compile(r"\b(?:said|says|say|told [\w ]{1,40}?|reported|reports|announced|confirmed|claimed|stated|added|"
                        r"informs|informed|revealed|disclosed)\b(?:(?!,\s*adding\b)[^.;]){0,40}?\bthat\s+", re.IGNORECASE)
# ... with whom the speaker quoted after it: "..., the paper said, quoting the security command"
_SAID_AFTER = re.compile(r"[,;]\s*(?:[^,;]{0,80}?\b(?:said|says|reported|reports|told|added|stated|confirmed|announced|according to)\b[^,;]{0,80}"
                         r"|according to [^,;]{0,80})(?:,\s*(?:quoting|citing|in a statement|in a report)\b[^,;]{0,80})?"
                         # ... and how the source ranks it, told after ("..., the ministry said, the deadliest day of
                         # violence since the civil war")
                         r"(?:,\s*(?:the|its)\s+(?:deadliest|worst|bloodiest|biggest|largest|heaviest|latest)\b[^;]{0,120}?)?"
                         r"[.]?\s*$", re.IGNORECASE)
_ACCORDING_BEFORE = re.compile(r"^\W*according to [^,;]{1,80},\s*", re.IGNORECASE)


# a short speaker opening the sentence, its words told without "that": "Police said five people were killed ..."
_SPEAKER_OPENS = re.compile(r"^\W*(?:[\w.'’-]+\s+){1,4}?(?:said|says|reported|confirmed|stated|added)(?:\s+on\s+\w+day)?\s+"
                            r"(?!that\b)", re.IGNORECASE)


def _on_a_military_target(text: str, besides_the_doers: bool = False) -> bool:
    """Whether what the clause reports (`reported_content`, or what follows a short speaker opening it: "Police
    said five people were killed when gunmen attacked ...") names a military target, not who reports it (nor,
    `besides_the_doers`, the armed men who did it: "militiamen attacked the village")."""
    content = reported_content(text)
    if content is None and (speaker := _SPEAKER_OPENS.match(text)):
        content = (speaker.end(), len(text))
    told = text[content[0] : content[1]] if content else text
    if not besides_the_doers:
        return bool(_MILITARY_TARGET.search(told))
    # (the doers named before the verb: "militiamen attacked the village", not "assailants attacked volunteer fighters")
    verb = _ATTACKED.search(told)
    doers = [m.span() for m in _ARMED_DOERS.finditer(told, 0, verb.start() if verb else len(told))]
    return any(not any(a < m.end() and m.start() < b for a, b in doers) for m in _MILITARY_TARGET.finditer(told))


def reported_content(text: str) -> tuple[int, int] | None:
    """Where the content of a reported-speech clause lies inside it, if the clause has a speech frame."""
    start, end = 0, len(text)
    if (m := _SAID_THAT.search(text)) or (m := _ACCORDING_BEFORE.search(text)):
        start = m.end()
    if m := _SAID_AFTER.search(text, start):
        end = m.start()
    if (start, end) == (0, len(text)) or end - start < 25:
        return None
    return start, end


# Generic cues: an event happened but the weapon is not said.
# (a strike of workers is no attack: "a general strike", "doctors on strike")
_LABOUR = r"(?<!general )(?<!hunger )(?<!labor )(?<!labour )(?<!nationwide )(?<!national )(?<!workers' )(?<!workers )"
_CAME_UNDER_FIRE = r"came under (?:heavy |small[- ]arms |sustained )?(?:gun)?fire"
_GENERIC = _rx(r"attack(?:s|ed|ing)?\b", r"counterattack", _LABOUR + r"(?<!on )strikes?\b(?! action)", r"struck\b", r"targeted", r"killed",
               r"killing", r"wounded", r"wounding", r"injured", r"injuring", r"explosions?", r"blasts?", r"exploded", r"detonated",
               r"bombed", r"shot\b", r"gunmen", r"casualties", r"stormed", r"storming",
               # "security forces raided a house where suspects were hiding", "residents reported heavy gunfire"
               r"raided", r"gunfire", r"overr(?:un|unning)\b",
               # "a U.N. helicopter came under fire while evacuating wounded soldiers"
               _CAME_UNDER_FIRE,
               # a military communique's word for killing fighters: "its forces had 'neutralised' 13 militants"
               r"neutrali[sz]ed\b", r"eliminated\s+(?:[\w-]+\s+){0,3}?(?:terrorists|militants|gunmen|fighters|insurgents)\b",
               # how Mexican prosecutors tell a killing: "five men were deprived of life by armed subjects"
               r"deprived of (?:their |his |her )?li(?:fe|ves)\b")
_SHOOTING = _rx(r"gunmen", r"gunfire", _CAME_UNDER_FIRE, r"shot\b", r"shooting", r"opened fire", r"fired (?:on|at)\b", r"small arms", r"rifles?")
_MILITARY_TARGET = _rx(r"troops", r"soldiers", r"forces", r"army", r"military", r"police", r"base\b", r"checkpoint",
                       r"patrol", r"garrison", r"personnel", r"service members", r"militia", r"fighters", r"peacekeep")
# an attack told as a noun with its military target and its harm: "the attack on a convoy of the UN mission ..., in
# which one peacekeeper was killed" (not an attack only referred to: "police hunt the men behind the attack on a patrol")
_AN_ATTACK_ON = _rx(r"(?:attacks?|assaults?|ambush(?:es)?)\s+(?:on|against)\s+(?:[\w'’\"-]+\s+){0,6}?(?:troops|soldiers|"
                    r"forces|army|military|police|bases?|checkpoints?|patrols?|garrisons?|convoys?|posts?|outposts?|"
                    r"peacekeep\w*)\b(?=[^.;]*\b(?:killed|wounded|injured|dead)\b)")
_STORMED = _rx(r"stormed", r"storming", r"raided")
_ATTACKED = _rx(r"attacked", r"attacking", r"assaulted", r"overr(?:an|un|unning)\b")
_EXPLOSION = _rx(r"explosions?", r"blasts?", r"exploded", r"detonated", r"bomb(?!ard)")

# any character but a full stop, or the stop of an abbreviation ("attacks on U.S. forces since Oct. 17")
_IN_SENTENCE = r"(?:[^.]|(?-i:(?:(?<=\b[A-Z])|(?<=\b[A-Z][a-z]{2}))\.))"
# a period counted from a start the sentence names: "since the protests began"
_SINCE_IT_BEGAN = r"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:began|started|erupted|broke out)\b"
# Sentences that talk about events without reporting one.
_NOT_EVENT = [
    _ORDINAL_COUNT := re.compile(r"\b\d+(?:st|nd|rd|th)\b" + _IN_SENTENCE + r"{0,80}\b(?:attack|time|strike|incident)s?\b",
                                 re.IGNORECASE),
    re.compile(r"\b(?:have|has) (?:been )?(?:conducted|carried out|launched|faced|targeted|attacked|struck)\b"
               + _IN_SENTENCE + r"{0,160}\b(?:times|since)\b", re.IGNORECASE),
    # ... or a toll over a period: "at least 10 people had been killed by police since the protests began"
    re.compile(r"\b(?:killed|dead|died|wounded|injured|arrested|detained)\b" + _IN_SENTENCE + r"{0,60}" + _SINCE_IT_BEGAN,
               re.IGNORECASE),
    _COUNT_SINCE := re.compile(r"\b(?:attacks?|strikes?)\b" + _IN_SENTENCE + r"{0,60}\bsince (?:oct|nov|dec|jan|feb|mid|"
                               r"the start|early|late)", re.IGNORECASE),
    re.compile(r"\b(?:threaten(?:ed|s)?|vow(?:ed|s)?|warn(?:ed|s)?|pledged|plan(?:s|ned)? to|would|will|could|may|might)\b"
               + _IN_SENTENCE + r"{0,30}\b(?:attack|strike|retaliat|respond)", re.IGNORECASE),
    re.compile(r"\b(?:denied|deny|denies) (?:any )?(?:involvement|responsibility)", re.IGNORECASE),
    re.compile(r"\bno (?:attacks?|strikes?|casualties|injuries) (?:were|was|has|have)\b", re.IGNORECASE),
    # background: how an event compares ("the first U.S. strike in the capital since ...", "the first to kill")
    _COMPARED := re.compile(
        r"\b(?:was|is|were|are|marked|marks|appeared to be|became|be)\s+(?:also\s+|only\s+)?(?:the\s+|its\s+)?"
        r"(?:first|second|third|fourth|fifth|latest|deadliest|biggest|largest|heaviest|worst)\b"
        r"(?:[^.;]|(?<=[A-Z])\.){0,80}?\b(?:since|time|to [a-z]+|this (?:year|month|week)|in (?:more than |nearly |over |"
        r"at least )?(?:a|\w+) (?:years?|months?|weeks?|decades?))\b", re.IGNORECASE),
    # ... what it came amid or after ("the attacks came as tensions spiked after ...")
    re.compile(r"\b(?:came|comes|come)\s+(?:\w+\s+){0,3}?(?:as|after|amid|during|on the heels of|just)\b", re.IGNORECASE),
    # (not the occasion of a gathering: "during a ceremony marking the anniversary of his death")
    # (nor the day a march was held before or after: "a pro-Palestinian demonstration ahead of the anniversary")
    # (nor with its count between: "during a ceremony marking the fourth anniversary of his death")
    re.compile("".join(rf"(?<!\b{verb} )" for verb in ("mark", "marks", "marked", "marking", "commemorate",
                                                       "commemorated", "commemorating", "of", "before", "after"))
               + r"\b(?:the|its)\s+(?:(?:\d+(?:st|nd|rd|th)|first|second|third|\w+th|\w+-year)\s+)?anniversary\b"
               + r"|(?<!\bthe )(?<!\bits )(?<!\dst )(?<!\dnd )(?<!\drd )(?<!\dth )(?<!first )(?<!second )(?<!third )"
               + r"(?<!th )(?<!-year )\banniversary\b", re.IGNORECASE),
    # a running count, not one happening: "U.S. forces have been attacked at least 40 times since ..."
    re.compile(r"\b(?:attacked|targeted|hit|struck|shelled)\s+(?:at least |more than |nearly |about |some |over |almost )?"
               r"(?:\d+|\w+ty(?:-\w+)?|dozens of|scores of|hundreds of)\s+times\b", re.IGNORECASE),
    # ... or counted as there having been so many: "There have been 12 drone attacks on the base this month"
    re.compile(r"\bthere\s+(?:have|has|had)\s+been\s+(?:at least |more than |nearly |about |some |over |almost )?"
               r"(?:\d+|\w+|dozens of|scores of|hundreds of)\s+(?:[\w-]+\s+)?(?:attacks|strikes|incidents|bombings|"
               r"raids)\b", re.IGNORECASE),
    # what a group is, not what it did: "The militia is one of several groups operating under ..."
    re.compile(r"^\W*(?:the |this |that |it |which )?[\w\s'’-]{0,40}?\b(?:is|are)\s+(?:one of|among|part of|a member of)\b",
               re.IGNORECASE),
    # one sentence summing up several events told one by one after it (the event itself when none is told after)
    _SUMMED_UP := re.compile(r"\b(?:on (?:consecutive|successive|separate) days|in (?:separate|two|three|several) "
                             r"(?:attacks|incidents|strikes)|twice in(?! (?:the|his|her) (?:head|chest|neck|back|legs?|arms?|stomach|abdomen|face|"
                             r"shoulders?)\b)|"
                             # "attacks in three countries leave dozens dead"
                             r"(?:attacks|strikes|clashes|raids|bombings) in (?:two|three|four|five|several|multiple) "
                             r"(?:countries|regions|provinces|states|districts|towns|cities|villages)|"
                             # "fighting flared in several parts of Sudan"
                             r"in (?:several|many|various|multiple|different) parts of)\b", re.IGNORECASE),
    # habits and summaries: "has come under repeated rocket fire", "three rounds of strikes", "responses included"
    re.compile(r"\b(?:repeated(?:ly)?|near-daily|regular(?:ly)?|frequent(?:ly)?|routinely|persistent)\b[^.;]{0,40}"
               r"\b(?:attack|fire|strike|shell|rocket|drone|raid)", re.IGNORECASE),
    re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?come under\b|\bsimilar (?:attacks|strikes|bombings|incidents|raids)\b",
               re.IGNORECASE),
    # a trend, not an act: "the junta has stepped up air strikes since the offensive began"
    re.compile(r"\b(?:has|have|had)\s+(?:been\s+)?(?:stepped up|intensified|escalated|ramped up|increased|scaled up)\s+"
               r"(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+)?(?:air ?strikes?|attacks|strikes|bombings?|bombardments?|shelling|"
               r"raids|operations)\b", re.IGNORECASE),
    re.compile(r"\b(?:two|three|four|five|several|multiple|\d+)\s+(?:\w+\s+)?(?:rounds|waves|series)\s+of\b", re.IGNORECASE),
    re.compile(r"\b(?:responses?|retaliation|attacks|strikes|targets)\s+(?:have\s+|has\s+|had\s+)?(?:included|include|includes)\b",
               re.IGNORECASE),
    re.compile(r"\b(?:attacks|strikes|operations)\b[^.;]{0,40}\b(?:paused|resumed|let up|subsided|ceased)\b", re.IGNORECASE),
    # ... or a short one, often told of the happening itself ("in recent days, nurses have marched each morning")
    re.compile(r"\bso far (?:this|in|in the) week\b|\bin recent (?:days|weeks)\b", re.IGNORECASE),
    # a running total: "bringing to 40 the number of dead" (often beside the event it adds to)
    re.compile(r"\b(?:to|at) (?:\d[\d,]*|\w+) the (?:total )?number of\b", re.IGNORECASE),
]

# the counts and comparisons that a happening told by its day may stand beside in its own sentence
_COUNTED_BESIDE = (_COMPARED, _ORDINAL_COUNT, _COUNT_SINCE)

_A_COUNT_OF_ATTACKS = (r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty(?:-\w+)?)\s+(?:[\w-]+\s+)?"
                       r"(?:strikes|attacks|counterattacks|counter-attacks|assaults|air ?strikes|shellings|bombardments)\b")
_THE_PAST_DAY = r"\b(?:over|in|during) the (?:past|last) (?:day|24 hours|week|\w+ days)\b"

# people kidnapped before, told as rescued or freed: "troops rescued 25 kidnapped students"
_RESCUED = r"(?:rescued|freed|released|liberated)\s+(?:[\w-]+\s+){0,3}?(?:kidnapped|abducted)\b"

# Clauses that tell no happening at all: a denial, a danger, an order, a request, a tally over a period. Unlike the
# background and counts above (which often share a sentence with the event they frame), these veto the
# classifier's reading too.
_NO_HAPPENING = [
    # a projectile's course, not where it struck: "The missiles were potentially heading toward targets in Israel"
    re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+)?(?:heading|headed|bound|aimed)\s+(?:toward|towards|for|at)\b", re.IGNORECASE),
    # a day's or a week's count of strikes: "The enemy launched 2 missile strikes, 71 air strikes ... over the past day"
    # ... told before or after the count: "Over the past day, units repelled seven counterattacks"
    re.compile(_A_COUNT_OF_ATTACKS + _IN_SENTENCE + r"{0,120}" + _THE_PAST_DAY
               + r"|^\W*" + _THE_PAST_DAY + _IN_SENTENCE + r"{0,120}" + _A_COUNT_OF_ATTACKS, re.IGNORECASE),
    # a toll over a period, told as what has been done by now: "at least 18 people had been killed by police since
    # the protests began"
    re.compile(r"\b(?:have|has|had)\s+been\s+(?:\w+\s+)?(?:killed|wounded|injured|arrested|detained)\b" + _IN_SENTENCE
               + r"{0,60}" + _SINCE_IT_BEGAN, re.IGNORECASE),
    # a state that goes on, no change: "The army remained deployed in Dhaka under a curfew"
    re.compile(r"\b(?:remain(?:ed|s)?|stay(?:ed|s))\s+(?:deployed|in place|in control|on alert|on the streets|"
               r"stationed)\b", re.IGNORECASE),
    # a habit, told as what they have often done: "the army's drone strikes have often hit civilians"
    re.compile(r"\b(?:have|has|had)\s+(?:often|usually|sometimes|frequently)\s+(?:hit|struck|killed|targeted|attacked|"
               r"bombed|shelled)\b", re.IGNORECASE),
    # what came of it in the years after, no day's happening: "Kenya has since built a police post in the village"
    re.compile(r"\b(?:has|have)\s+since\s+(?:been\s+)?\w+", re.IGNORECASE),
    # denied, or called untrue: "the navy rejected claims that its gunboats shelled ...", "..., which is false"
    re.compile(r"\b(?:denied|deny|denies|denying|rejected|refuted)\b[^.;]{0,60}?\b(?:charges?|reports?|claims?|"
               r"accusations?|allegations?|versions?)\b|\b(?:which|that|this) (?:is|was) (?:not true|false|untrue|a lie)\b",
               re.IGNORECASE),
    # a danger or a possibility, not a happening: "the risk of a drone attack on the port", "fears of bombings"
    re.compile(r"\b(?:danger|possibility|possible|risk|likelihood|fears?)\s+of\s+(?:\w+\s+){0,3}?(?:attacks?|strikes?|"
               r"being|bombings?|kidnapp\w*|assassinat\w*|rockets?|missiles?|violence)\b", re.IGNORECASE),
    # an order or a readiness to act, not the act: "crews were told to stand ready to intercept or destroy any drone"
    re.compile(r"\b(?:orders?|ordered|instructions?|instructed|authori[sz]ed|authori[sz]ation|permission|ready|prepared)\b"
               r"[^.;]{0,40}?\bto\s+(?:\w+,?\s+){0,4}?(?:capture|destroy|shoot|attack|strike|bomb|intercept|kill|fire)\b",
               re.IGNORECASE),
    # an arrest asked for or ordered, not made
    re.compile(r"\b(?:request(?:ed|s|ing)?|ask(?:ed|s|ing)? for|call(?:ed|s|ing)? for|demand(?:ed|s|ing)?|warrants? for|"
               r"seek(?:s|ing)?|sought)\s+(?:the\s+)?(?:arrest|capture|extradition)\b", re.IGNORECASE),
    # a tally over a long period, not one happening: "five reporters have been killed so far this year"
    re.compile(r"\bso far (?:this|in|in the) (?:year|month)\b|\bin recent (?:months|years)\b", re.IGNORECASE),
    # ... or since a month or a year: "violence that has killed hundreds since December"
    re.compile(r"\b(?:have|has)\s+(?:been\s+)?(?:killed|died|left|claimed|wounded|displaced|fighting|clashing|battling|at war|"
               r"abducted|kidnapped|detained|arrested|disappeared)\b"
               r"[^.;]{0,60}?\bsince\s+"
               r"(?:(?:early|late|mid-?)\s*)?(?:january|february|march|april|may|june|july|august|september|october|"
               r"november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.|the (?:start|beginning|outbreak)|last (?:year|month)|"
               r"(?:19|20)\d\d)\b", re.IGNORECASE),
    # ... or over days, a month or a campaign: "some 300 were killed or hurt over the past four days", "the army
    # mourned 120 soldiers killed since 2 March", "rebels inflicted 90 casualties during September", "the spring
    # offensive resulted in 600 fighters killed"
    re.compile(r"\b(?:killed|dead|deaths?|died|wounded|injured|casualties)\b[^.;]{0,80}?\b(?:in|over|during) the (?:past|last) "
               r"(?:(?:\d+|two|three|four|five|six|seven|ten|several|few) (?:days|weeks|months)|week|month|year)\b"
               r"|\b(?:killed|dead|deaths?|died|wounded|injured|casualties)\b[^.;]{0,80}?\b(?:since|during|throughout) "
               r"(?:the month of )?(?:\d{1,2} )?(?:january|february|march|april|may|june|july|august|september|october|"
               r"november|december)\b(?! \d{1,2}\b)"
               r"|\b(?:offensive|campaign)\b[^.;]{0,30}?\bresulted in\b"
               # ... or over the attacks just counted: "70 troops have been injured in those attacks"
               r"|\b(?:killed|dead|died|wounded|injured|hurt)\b[^.;]{0,20}?\bin (?:those|these|all (?:the|those|these)|such) "
               r"(?:\w+ )?(?:attacks|strikes|incidents)\b", re.IGNORECASE),
    # a rescue or a release of people kidnapped before: "troops rescued 25 kidnapped students" (not one told after
    # another act: "have neutralised 11 terrorists and rescued 23 kidnapped women"; nor one the clause tells a fight
    # for: "rescued 62 kidnapped passengers after a gun battle with bandits")
    re.compile(r"(?<!\band )\b" + _RESCUED + r"(?![^.;]*\b(?:gun ?battles?|gunfights?|firefights?|clash(?:es|ed)?|"
               r"exchange of fire|shoot-?outs?|killed|killing|neutrali[sz]ed|neutrali[sz]ing)\b)", re.IGNORECASE),
    # a trial or a sentence for an act of an earlier year: "sentenced five men to death for a 2016 bombing"
    re.compile(r"\b(?:sentenced|convicted|jailed|acquitted|charged|indicted|tried|found guilty)\b[^.;]{0,80}?\b(?:for|over|of|in "
               r"connection with)\b[^.;]{0,30}?\b(?:19|20)\d\d\b", re.IGNORECASE),
    # what a source left untold: "The army did not say how many fighters were killed"
    re.compile(r"\b(?:did not|didn't|would not|wouldn't|declined to|refused to)\s+(?:say|give|disclose|reveal|specify|"
               r"confirm)\s+(?:how many|whether|if|the number)\b", re.IGNORECASE),
    # a heading that opens a list ("Incidents this week:"), not an item of it
    re.compile(r"^\W*[^.;:\n]{0,60}:\s*$"),
    # none made: "No arrests were reported", "no one has been detained so far"
    re.compile(r"^\W*(?:no|there were no)\s+(?:\w+\s+)?(?:arrests?|detentions?)\b|\b(?:no one|nobody)\s+(?:has|had|was)\s+"
               r"(?:yet\s+)?(?:been\s+)?(?:arrested|detained)\b", re.IGNORECASE),
]


# A weapon named is not a weapon used: "a cargo of anti-tank rockets", "gunships armed with missiles",
# "warplanes on standby at the airfield". A strike or a shelling needs a word of its use or its harm.
_REMOTE_BY_WEAPON = {"Air/drone strike", "Shelling/artillery/missile attack"}
_IN_USE = _rx(r"fir(?:e|ed|es|ing)\b", r"launch", r"struck", r"(?:air|drone)?strikes?\b", r"detonat", r"went off",
              r"hit(?:s|ting)?\b", r"land(?:ed|ing|s)\b", r"fell\b", r"slamm", r"explo", r"blasts?\b", r"impact",
              r"pound", r"bomb(?:ed|ing|ings|ard)", r"shell(?:ed|ing)", r"straf", r"raids?\b", r"attack", r"target",
              r"kill", r"wound", r"injur", r"damag", r"destroy", r"casualt", r"dead\b", r"died\b", r"shot\b", r"shoot",
              r"rain(?:ed|ing)\b", r"salvos?", r"volleys?", r"barrages?", r"intercept", r"downed", r"hurl", r"lobb",
              r"dropp", r"crashed into", r"sorties?", r"engag", r"hammer", r"offensive", r"assault", r"fought", r"clash",
              r"ambush", r"used\b", r"using\b", r"employ", r"retaliat", r"rocketed", r"neutrali[sz]")


# Force used on armed men is a battle, not violence against civilians (ACLED's attack needs unarmed victims):
# "troops shot dead a dozen insurgents", "troops opened fire on gunmen trying to cross". Killing
# captives (executed, beheaded, tortured) stays an attack.
_ON_ARMED_MEN = _rx(r"(?:killed|killing|kills|wounded|wounding|opened fire on|fired on|shot dead|gunned down|shot and "
                    r"killed)\s+(?:and\s+(?:wounded|injured|captured)\s+)?(?:(?!by\b|as\b|when\b|while\b|after\b)"
                    r"[\w-]+\s+){0,4}?(?:militants|rebels|terrorists|insurgents|fighters|gunmen|guerrillas|jihadists|"
                    r"militiamen|extremists|attackers|assailants|infiltrators)\b")
_ON_CAPTIVES = _rx(r"execut", r"behead", r"tortur", r"captives?", r"prisoners?", r"detainees?", r"in custody")


def _fight_with_an_armed_group(kind: EventType, text: str) -> EventType:
    """An attack whose victims are armed men, retyped as the armed clash it is."""
    if kind.sub_event_type != "Attack" or not _ON_ARMED_MEN.search(text) or _ON_CAPTIVES.search(text):
        return kind
    return replace(kind, event_type="Battles", sub_event_type="Armed clash")


def ruled_out(kind: EventType, text: str) -> bool:
    """A reading the clause itself contradicts: a weapon named and not used, or deaths by accident."""
    return names_a_weapon_unused(kind, text) or tells_an_accident(kind, text)


def names_a_weapon_unused(kind: EventType, text: str) -> bool:
    """True when a strike or shelling rests on a weapon named in a clause that tells no use of it."""
    return kind.sub_event_type in _REMOTE_BY_WEAPON and not _IN_USE.search(text)


# Deaths by accident or disaster are not political violence: "the ferry collision left 40 dead"
_ACCIDENT = _rx(r"crash(?:ed|es)?\b(?! into)", r"accident", r"collision", r"collided", r"derail", r"earthquake",
                r"emergency landing",
                r"floods?\b", r"flood(?:ed|ing)", r"landslides?", r"mudslides?", r"hurricane", r"drowned", r"electrocut",
                r"stampede",
                # an industrial blast: a plant, a refinery, a gas leak, a boiler
                r"(?:chemical|power|nuclear|fertili[sz]er|gas|petrochemical|cement) plant", r"refinery", r"gas (?:leak|cylinder|tank)",
                r"boiler", r"fireworks",
                # a driver's lapse: "the driver lost control and the van ploughed into a crowd"
                r"lost control", r"heart attack", r"medical emergency", r"fell asleep", r"brakes? failed")
_HOSTILE_ACT = _rx(r"shot\b", r"shoot", r"(?<!heart )attack", r"bomb", r"explosive", r"sabotag", r"downed", r"gunfire",
                   r"hit by", r"fire from", r"fire (?:hit|struck|damaged|downed)", r"missiles?", r"rockets?\b", r"ambush",
                   r"assassinat", r"gunmen", r"shell(?:s|ed|ing)\b", r"artillery", r"mortars?\b", r"drones?\b",
                   r"air ?strikes?", r"grenades?", r"\bieds?\b", r"dynamite", r"militants?", r"insurgents?", r"rebels?\b",
                   r"terroris", r"guerrillas?")
_VIOLENT_TYPES = {"Explosions/Remote violence", "Violence against civilians", "Battles"}


def _a_blast_told_again(kind: EventType, text: str) -> bool:
    """True for a reading that rests on a bare word of explosion ("the blasts"), with no hostile act told."""
    return bool(_EXPLOSION.fullmatch(text, *kind.cue)) and not _HOSTILE_ACT.search(text)


_RAMMING = _rx(_RAMMED_INTO_PEOPLE)
_A_FIGHT_HELD_OFF = _rx(_FOUGHT_OFF)
_BETWEEN_COMMUNITIES = _rx(r"(?:clash(?:es|ed)?|fighting|fought)\s+between\s+(?:the\s+)?(?:two\s+)?(?:rival\s+)?"
                           r"(?:(?:[\w-]+\s+){0,3}?(?:tribes|clans|communities|ethnic groups|tribesmen|clansmen)|"
                           r"(?:[\w-]+\s+)?(?:herders|farmers|herdsmen)\s+and\s+(?:[\w-]+\s+)?(?:herders|farmers|herdsmen))\b")
_FOUGHT_OFF_THE = _rx(_FOUGHT_OFF_VERB + r"\s+(?:the|both|this|that|these|those|their|its)\b")
_REBELS_ENTERED_A_CITY = _rx(r"(?:rebels?|insurgents?|(?:rebel|opposition|insurgent) fighters)" + _INTO_A_CITY)
_HARMED = _rx(r"kill", r"dead\b", r"died", r"injur", r"wound", r"hurt\b")
# a weapon told in use on what it hit: "targeted the MSC Sky II, a container ship, with missiles"
# ... or a communiqué's "carried out a targeting operation against the British ship Islander ... with naval missiles"
_STRUCK_WITH_A_WEAPON = _rx(r"(?:targeted|struck|hit|attacked|bombarded|pounded|(?:carried out|conducted|launched|executed)\s+"
                            r"an?\s+(?:[\w-]+\s+){0,2}?operation\s+(?:against|targeting|on))\s+(?:[\w'’.-]+,?\s+){1,10}?with\s+"
                            r"(?:[\w-]+\s+){0,5}?(?:missiles?|rockets?|drones?|mortars?|shells|artillery)\b"
                            # ... or come down on its target: "a bomb fell on a displacement site" (none set on the ground)
                            r"|" + _CAME_DOWN + r"\s+(?:on|in|near)\b")
_FROM_AFAR = ("Shelling/artillery/missile attack", "Air/drone strike")
# ... or the subject of its toll: "Israeli strikes killed at least 100 people across the Gaza Strip"
_A_WEAPON_KILLED = _rx(r"(?:strikes|air ?strikes|shelling|bombardments?|missiles|rockets|drones|shells|barrages?)\s+"
                       r"(?:[\w-]+\s+){0,3}?(?:killed|wounded|injured)\s+(?:at least\s+|more than\s+|over\s+|about\s+|"
                       r"nearly\s+|some\s+)?(?:\d|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds)")
# ... or by the one who used it, of its own deed: "The army said on Tuesday it had killed six members of the ELN in a
# bombing raid", "The Houthis said they had targeted the ship"
_SAID_IT_HAD = (r"(?:said|says|announced|stated|claimed)\b[^.;]{0,40}?\b(?:it|they|its (?:forces|troops|fighters|jets|"
                r"aircraft|drones))\s+(?:had\s+|have\s+|has\s+)?")
_STRUCK = "struck|hit|targeted|bombed|shelled"
_OWN_DEED = _rx(_SAID_IT_HAD + rf"(?:{_STRUCK}|killed|attacked|downed|shot down)\b")


def _made_sure(found: list[EventType], subs: tuple[str, ...]) -> list[EventType]:
    """The readings of the sub-event types `subs` as sure cues, which no non-event reading overrules."""
    return [replace(f, score=SURE_CUE) if f.sub_event_type in subs else f for f in found]


def _a_ramming_that_harmed(text: str) -> bool:
    """A vehicle driven into a crowd, killing or hurting people, with no crash or lapse told: an attack (the
    classifier, trained on accidents told the same way, reads a disaster)."""
    return bool(_RAMMING.search(text) and _HARMED.search(text)) and not _ACCIDENT.search(text)


def tells_an_accident(kind: EventType, text: str) -> bool:
    """True when a violent reading rests on a clause that tells a crash or a disaster and no hostile act (a sure
    cue is one: "its forces had struck an oil refinery")."""
    return kind.event_type in _VIOLENT_TYPES and kind.score < SURE_CUE and bool(_ACCIDENT.search(text)) \
        and not _HOSTILE_ACT.search(text)


# A statement that condemns one act names it: "the union condemned the killing of its regional secretary outside
# his home". The classifier reads the statement; the act it condemns is reported all the same.
_CONDEMNED_ACT = _rx(r"(?:condemn|denounc|deplor|repudiat)\w*\b[^.;]{0,40}?\b(?:the|this|yesterday's|today's|last night's)"
                     r"\s+(?:[\w'-]+\s+){0,3}?(?:murder|assassination|killing|attack|bombing|kidnapping|abduction|massacre|"
                     r"shooting|ambush)\s+(?:of|on|against|in which)\b")


# Harm told as done on a day: "a district judge was shot dead this morning in Kandahar", "who was killed on 3
# May". Framed as what someone reported or said, the classifier reads talk; the dated act is news all the
# same (a reading of crime or disaster is another matter and stands).
_HARM_DONE = (r"(?:(?:was|were|had been)\s+(?:\w+\s+)?(?:murdered|assassinated|killed|kidnapped|abducted|shot|wounded|"
              r"injured)|(?:attack|bombing|ambush|massacre|explosion|blast)\s+(?:that|which)\s+(?:killed|wounded|injured)"
              # ... or told as the doers' deed: "activists said RSF fighters had killed more than 100 people"
              r"|(?:had|have|has)\s+(?:\w+\s+)?(?:killed|murdered|abducted|kidnapped|wounded|executed))")
_DAY_NAMED = (r"(?:on\s\d{1,2}\s(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
              r"|(?:on\s)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s\d{1,2}\b"
              r"|yesterday|today|tonight|(?:last|this)\s(?:night|morning|afternoon|evening)"
              r"|(?:on\s|last\s)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)")
# the act and its day: "was shot dead this morning", "the bombing that killed six vendors on 12 May",
# "Sunday's bombing in the port"
_DATED_HARM = _rx(_HARM_DONE + r"\s+(?:[^.;]{0,48}?\s)?(?<!as\sof\s)" + _DAY_NAMED,
                  # ... or the act named by its day: "this morning's attack", "Sunday's bombing"
                  _DAY_NAMED + r"['’]s?\s+(?:[\w-]+\s+)?(?:attack|bombing|ambush|massacre|explosion|blast|assassination|"
                  r"murder|kidnapping|shooting)")
_TALK_READINGS = {"No event: statement", "No event: other", "No event: diplomacy"}
# an act someone owns up to is no crime: "The Pakistani Taliban claimed responsibility." ...
_OWNED_UP_ACT = _rx(r"claim(?:ed|s|ing)\s+(?:the\s+)?responsibility", r"responsibility\b[^.;]{0,40}?\bclaimed\b",
                    r"claim(?:ed|s|ing)\s+(?:the|its|their)\s+(?:attack|killing|bombing|ambush|assassination|raid)s?\b")
# ... unless nobody did: "No group claimed responsibility", "has yet to claim"
_NOBODY_OWNED_UP = _rx(r"\bno(?:body| one| group| organi[sz]ation)?\b[^.;]{0,30}$", r"\bnot\b[^.;]{0,20}$", r"\byet\b[^.;]{0,20}$")


def owned_up(text: str) -> bool:
    """Whether the report says someone claimed an act: its violence is political, whatever a clause reads as."""
    return any(not _NOBODY_OWNED_UP.search(text, max(0, m.start() - 40), m.start())
               for m in _OWNED_UP_ACT.finditer(text))
# ... or harm done by the weapon the clause names: "its leader was killed in an Israeli strike on his residence"
_HARMED_BY = _rx(r"(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?(?:killed|wounded|injured)\s+(?:in|by)\s+"
                 r"(?:an?|the)\s+",
                 # ... or the doer's: "its forces had 'neutralised' 13 PKK militants in air operations"
                 r"(?:killed|neutrali[sz]ed)[\"”]?\s+(?:\d+|\w+)\s+(?:[\w-]+\s+){0,2}?(?:militants|insurgents|terrorists|"
                 r"fighters|rebels|jihadists)\s+(?:in|with|during)\s+")
# ... or the weapon's own deed: "its aircraft had 'neutralized' about 20 terrorists"
_WEAPON_HARMED = re.compile(r"\s+(?:\w+\s+){0,2}?(?:had\s+|have\s+|has\s+)?[\"“]?(?:killed|neutrali[sz]ed|wounded|injured)\b",
                            re.IGNORECASE)


def tells_a_dated_harm(text: str) -> bool:
    """True for harm told as done on a named day ("was shot dead this morning", "were abducted Sunday")."""
    return bool(_DATED_HARM.search(text))


def tells_harm_by(kinds: list[EventType], text: str) -> bool:
    """True for harm told as done by the weapon a cue names: the weapon's deed, however it is reported."""
    return any(k.specific and k.event_type == "Explosions/Remote violence" and (
        (found := _HARMED_BY.search(text)) and found.end() <= k.cue[0] < found.end() + 30
        or _WEAPON_HARMED.match(text, k.cue[1])) for k in kinds)


def condemns_an_act(text: str) -> bool:
    """True for a statement condemning one particular act (not violence in general or "these crimes")."""
    return bool(_CONDEMNED_ACT.search(text))


# a happening owned by its day and told by its weapon, as the subject: "Sunday's rocket attack on the base was the
# first since ..." (a bare "yesterday's attack was the second ..." looks back on one told before)
_DAYS_OWN = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:" + WEEKDAY_NAMES + r"|yesterday|today)"
                       r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:rocket|drone|missile|mortar|car[- ]bomb|suicide|grenade|air|artillery)"
                       r"\w*\s+(?:[\w-]+\s+)?(?:attacks?|strikes?|bombings?|blasts?|raids?|shelling|assault)\b", re.IGNORECASE)


# The sentence tests below are pure functions of the text, and one clause is tested several times on its way
# (split into clauses, typed, checked for talk): each is cached, bounded, per text.
_TEXT_CACHE = 8192


@lru_cache(maxsize=_TEXT_CACHE)
def talks_about_events(text: str, summary_told: bool = False) -> bool:
    """True for sentences that count, plan, threaten or deny events rather than report one; a happening told by
    its day and then compared or counted ("Sunday's attack on the base was the first since ...", "... the 160th
    attack on U.S. forces since October") is still told, and so is a summary of several ("killed seven in
    separate attacks") where the report tells none of them on its own (`summary_told`)."""
    return any(p.search(text) for p in _NOT_EVENT
               if (p not in _COUNTED_BESIDE or not _DAYS_OWN.search(text)) and not (summary_told and p is _SUMMED_UP)) \
        or tells_no_happening(text)


def sums_up_events(text: str) -> bool:
    """True for a sentence that sums up several events ("on separate days", "in three attacks")."""
    return bool(_SUMMED_UP.search(text))


@lru_cache(maxsize=_TEXT_CACHE)
def tells_no_happening(text: str) -> bool:
    """True for clauses that deny, fear, order or ask for an act, or sum a period, rather than tell one."""
    return any(p.search(text) for p in _NO_HAPPENING)


# weapons found, seized, defused or destroyed before use: the weapon is what was acted on, not what was used
_DISRUPTED = re.compile(
    r"\b(?:found|discovered|seized|defused|dismantled|destroyed|cleared|removed|intercepted|recovered|confiscated|"
    r"neutrali[sz]ed|detected|uncovered|unearthed|seizing|defusing|clearing|shot down|shoots? down|downed|shooting down|recovering|"
    r"finding|discovering|confiscating)\b[^.;]{0,80}?"
    r"\b(?:devices?|mines?|landmines?|explosives?|ieds?|bombs?|grenades?|ammunitions?|arms|weapons|rockets?|missiles?|"
    r"mortars?|drones?|uavs?)\b"
    r"|\b(?:devices?|mines?|landmines?|explosives?|ieds?|bombs?|grenades?|ammunitions?|arms cache|weapons cache|packages?)"
    r"\b[^.;]{0,60}?\b(?:was|were|has been|have been|had been)\s+(?:\w+\s+)?(?:found|discovered|seized|defused|"
    r"dismantled|destroyed|cleared|removed|intercepted|recovered|confiscated|neutrali[sz]ed|detected|uncovered|unearthed|"
    r"identified|spotted|located)\b"
    # "foiled a suicide bomb attack in Quetta": stopped before use
    r"|\b(?:foiled|thwarted|averted|foiling|thwarting)\b[^.;]{0,40}?\b(?:bombs?|explosives?|ieds?|devices?|rockets?|"
    r"missiles?|drones?)\b"
    # "the bombs found near the school": found, not used
    r"|\b(?:devices?|mines?|landmines?|explosives?|ieds?|bombs?|grenades?|rockets?|shells?) (?:that were |which were )?"
    r"(?:found|discovered|recovered|seized|located|spotted) (?:on|in|at|near|by|inside|along|under)\b"
    # small arms taken off their holders: a seizure, ACLED's disrupted weapons use
    r"|\b(?:seized|confiscated|captured|recovered|found|discovered|impounded|seizing)\b"
    # (not people seized who carried the arms: an arrest)
    r"(?!" + _PEOPLE_SEIZED + r")[^.;]{0,60}?\b(?:rifles?|firearms?|guns|"
    r"pistols?|bullets|munitions|weaponry)\b"
    r"|\b(?:rifles?|firearms?|guns|pistols?|bullets|munitions|weaponry)\b[^.;]{0,60}?\b(?:was|were|has been|have been|"
    r"had been)\s+(?:\w+\s+)?(?:seized|confiscated|captured|recovered|found|discovered|impounded)\b",
    re.IGNORECASE,
)
# every reading of _DISRUPTED names one of these: a cheap test first, as most sentences name none
_WEAPON_WORD = re.compile(r"\b(?:devices?|mines?|landmines?|explosives?|ieds?|bombs?|grenades?|ammunitions?|arms|weapons|drones?|uavs?|"
                          r"rockets?|missiles?|mortars?|packages?|shells?|rifles?|firearms?|guns|pistols?|bullets|"
                          r"munitions|weaponry)\b", re.IGNORECASE)
# a mine that is dug, not laid: "seized the town of Rubaya, home to a major coltan mine"
_A_PIT = _rx(r"(?:coltan|gold|coal|copper|cobalt|diamond|tin|salt|lithium|uranium|iron|ore|open-pit|artisanal|mining|"
             r"emerald|jade|ruby|sapphire)\s+mines?\b")
_AIR_DEFENCE_DOWNED = re.compile(r"(?:intercepted|shot down|shoots? down|downed|shooting down)\b[^.;]*\b(?:rockets?|"
                                 r"missiles?|drones?|uavs?)$", re.IGNORECASE)
_USED = re.compile(r"\b(?:exploded|explosions?|went off|blasts?|detonated|killing|killed|wounding|wounded|injuring|injured|"
                   r"hurled|thrown|threw|fired|struck|hit|riddled|bullet-riddled|(?:gunshot|bullet) wounds)\b"
                   # "a bank branch was wrecked by a bomb": the bomb did the destroying
                   r"|\bby (?:a |an |the )?(?:[\w-]+ ){0,2}?(?:bombs?|explosives?|devices?|mines?|landmines?|ieds?|grenades?|"
                   r"rockets?|missiles?|mortars?|shells?)\b" + _NOT_THE_SQUAD,
                   re.IGNORECASE)


_PLACE_BY_ITS_PAST = _rx(r"(?:scene|site) of (?:a |an |the )?(?:[\w-]+ ){0,4}?(?:attacks?|bombings?|massacres?|strikes?|"
                         r"shelling|explosions?|blasts?)\b",
                         # ... and the kidnapped told as rescued: "and rescued 23 kidnapped women"
                         _RESCUED,
                         # ... and a clause told as years before the day: "Ten years after fighters overran Sinjar, ..."
                         r"(?:(?<=^)|(?<=^\W)|(?<=, ))(?:\w+|\d+|a few|many) (?:years|decades) (?:after|since) [^,;]{5,160}(?=,)")


def as_read(text: str) -> str:
    """A clause as the classifier reads it: what it tells of other times blanked, and a register's own word for the
    dead of its side ("martyring a police constable") read as the plain one."""
    return _MARTYRED.sub(lambda m: "killing" if m.group().lower().endswith("ing") else "killed",
                         without_the_past(text))


_MARTYRED = _rx(r"martyr(?:ed|ing)\b")


def without_the_past(text: str) -> str:
    """`text` with what it tells of other times blanked (`_PLACE_BY_ITS_PAST`): the same length, the same offsets."""
    return _PLACE_BY_ITS_PAST.sub(lambda m: " " * len(m.group()), text)


def classify_sentence(text: str, summary_told: bool = False) -> list[EventType]:
    """The event types a sentence reports (usually one), or [] when it reports none; `summary_told` reads a
    sentence that sums up several events as telling them (see `talks_about_events`)."""
    return list(_classify_sentence(text, summary_told))  # a copy: the cached list is shared


@lru_cache(maxsize=_TEXT_CACHE)
def _classify_sentence(text: str, summary_told: bool = False) -> list[EventType]:
    # a place named by its past ("a village, scene of a chemical attack in 2017") or a clause put years
    # before the day tells no event now;
    # blanked, not cut, so that cue offsets still point into the sentence
    told = without_the_past(text)
    weapons_told = _A_PIT.sub(lambda m: " " * len(m.group()), told)
    disrupted = _DISRUPTED.search(weapons_told) if _WEAPON_WORD.search(weapons_told) else None
    found: list[EventType] = []
    for pattern, event_type, sub_type in _CUES:
        match = pattern.search(told)
        if match and not any(f.sub_event_type == sub_type for f in found):
            found.append(EventType(event_type, sub_type, True, match.span()))
    found = [f for f in found if not _for_the_captives(f, told)]
    generic = None if found else _GENERIC.search(told)
    # most clauses name no cue at all: only those that do are read for talk about events
    if not (disrupted or found or generic) or talks_about_events(text, summary_told):
        return []
    text = told
    if disrupted and not _USED.search(text):
        # (air defence's own verb is as sure as a named weapon: "the air force said it shot down 199 drones" downed
        # them, whatever the word "drones" makes the clause read like)
        return [EventType("Strategic developments", "Disrupted weapons use", True, disrupted.span(),
                          SURE_CUE if _AIR_DEFENCE_DOWNED.match(disrupted.group()) else 0.5)]
    if found:
        if any(f.sub_event_type == "Attack" for f in found) and (
                _armed_men_on_civilians(text) is not None or _a_ramming_that_harmed(text)
                or _OFFICE_HOLDER_HARMED.search(text)):
            # the cue's killing is one of armed men (or forces) on civilians, of a vehicle driven into a crowd, or
            # of one who holds public office: sure whatever the classifier reads
            found = _made_sure(found, ("Attack",))
        if _BETWEEN_COMMUNITIES.search(text) or _A_FIGHT_HELD_OFF.search(text):
            # "clashes between rival tribes", "between two rival Fulani and Tiv communities": armed communal groups
            # fighting (ACLED's armed clash of identity militias), not a crowd's riot; and the side that fought an
            # attack off held its ground: a fight, not a change of hands
            found = _made_sure(found, ("Armed clash",))
        if _LEFT_BEHIND.search(text):
            found = _made_sure(found, ("Remote explosive/landmine/IED",))  # (see `_prune`)
        if _ARMED_DOERS.search(text) and not _PROTESTERS_TOLD.search(text):
            # "JNIM militants set fire to about 40 fuel tankers": armed men destroying property, sure as a weapon
            found = _made_sure(found, ("Looting/property destruction",))
        if _STRUCK_WITH_A_WEAPON.search(text) or _OWN_DEED.search(text) or _A_WEAPON_KILLED.search(text):
            # a weapon told in use on a target, or by its user, or by the people it killed: the clause tells the
            # act, however much of a statement it reads as (and so does a fight its side tells: "said its fighters
            # had killed 34 soldiers in an ambush")
            found = _made_sure(found, (*_FROM_AFAR, "Armed clash") if _OWN_DEED.search(text) else _FROM_AFAR)
        if _REBELS_ENTERED_A_CITY.search(text):
            # rebels in a city they name are its new masters, whatever statement the sentence goes on to tell
            found = _made_sure(found, _TERRITORY_TYPES)
        return _prune(found, text)
    if not generic:
        return []
    if _SHOOTING.search(text) or _STORMED.search(text) and _ARMED_DOERS.search(text):
        # who was shot at (or whose post armed men stormed), read in what is reported, not in who reports it
        # ("..., police said")
        if _on_a_military_target(text):
            return [EventType("Battles", "Armed clash", True, generic.span())]
        return [EventType("Violence against civilians", "Attack", True, generic.span(),
                          SURE_CUE if _OFFICE_HOLDER_HARMED.search(text) else 0.5)]
    if _EXPLOSION.search(text):
        return [EventType("Explosions/Remote violence", "Remote explosive/landmine/IED", True, generic.span())]
    attacked = _ATTACKED.search(text) and _ARMED_DOERS.search(text)
    if attacked and _on_a_military_target(text, besides_the_doers=True) or _AN_ATTACK_ON.search(text):
        # "Al-Shabaab militants attacked a military base", "an attack on a convoy of peacekeepers": armed men on a
        # military target fight it out
        return [EventType("Battles", "Armed clash", True, generic.span())]
    if (targeted := _TARGET_OF_AN_ATTACK.search(text)) is not None and _on_a_military_target(text):
        # "a position of our Defence and Security Forces was the target of a terrorist attack": a communique's
        # way of telling that armed men attacked a post, as sure as the verb would be
        return [EventType("Battles", "Armed clash", True, targeted.span())]
    if (fight := _FORCES_KILLED_FIGHTERS.search(text) or _OPERATION_KILLED_FIGHTERS.search(text)) is not None:
        # "security forces killed 30 militants in an operation": armed men on both sides, a fight however it went
        return [EventType("Battles", "Armed clash", True, fight.span())]
    if (on_civilians := _armed_men_on_civilians(text)) is not None:
        return [EventType("Violence against civilians", "Attack", True, on_civilians.span(), SURE_CUE)]
    if (on_their_home := _ATTACK_ON_WHERE_PEOPLE_LIVE.search(text)) is not None:
        # "A separate attack on a farming community left seven dead": no weapon told, people where they live
        return [EventType("Violence against civilians", "Attack", True, on_their_home.span())]
    if _killing_of_civilians(text) or _KILLED_IN_A_RAID.search(text):
        # (the dead of a raid died on the ground, whatever it reads like: "forces killed three Palestinians in a
        # raid on the Jenin camp" is no strike from the air)
        return [EventType("Violence against civilians", "Attack", False, generic.span())]
    if attacked:
        # ... and on any other ("Haitian gangs attacked the national penitentiary") attack it, as when they storm it
        return [EventType("Violence against civilians", "Attack", True, generic.span())]
    if (own := _OWN_STRIKE.search(text)) is not None:
        # "The General Staff said its forces had struck an oil refinery": a strike told by its doer, whatever the
        # fire it set off reads like
        return [EventType("Explosions/Remote violence", None, False, own.span(), SURE_CUE)]
    return [EventType("Explosions/Remote violence", None, False, generic.span())]


# captives named as those a crowd stands for, no taking told: "people marching in support of Israeli hostages"
# ... or set free: "Hamas released three Israeli hostages" (the taking was long before; the release is ACLED's
# agreement, told by its own verb)
_FOR_THE_CAPTIVES = _rx(r"(?:in support of|for the (?:release|return) of|in solidarity with|families of|relatives of|"
                        r"(?:to )?free the|bring(?:ing)? home the|released|freed|handed over|set free)\s+(?:the\s+)?"
                        r"(?:[\w-]+\s+){0,2}?hostages\b")


def _for_the_captives(kind: EventType, text: str) -> bool:
    """True for an abduction read from the bare word of captives a crowd stands for, or that were set free."""
    return kind.sub_event_type == "Abduction/forced disappearance" and any(
        m.end() == kind.cue[1] for m in _FOR_THE_CAPTIVES.finditer(text))


# (not where a bomb is as likely: "an attack on the market", "on a mosque")
_ATTACK_ON_WHERE_PEOPLE_LIVE = _rx(r"(?:attacks?|raids?|assaults?)\s+on\s+(?:a|an|the|two|three|several)\s+(?:[\w-]+\s+){0,2}?"
                                   r"(?:village|villages|community|communities|settlement|hamlet|farm|farms)\b")
# an attack on a town or a village as a whole: what armed groups do, not robbers or killers of one victim
_ON_A_WHOLE_PLACE = _rx(r"(?:attacks?|raids?|assaults?|offensive)\s+(?:by\s+(?:[\w-]+\s+){1,5}?)?on\s+(?:the\s+)?"
                        r"(?:[\w-]+\s+)?(?:town|village|commune|community|settlement)s?\b",
                        r"(?:attacked|raided|stormed|overran|invaded)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:town|village|commune|"
                        r"community|settlement)s?\b")
# those who hold public office or speak for a state, harmed as what they are: ACLED's political violence, no crime
_PUBLIC_OFFICE = _rx(r"(?:embassy|consulate)\s+(?:staff|employees?|workers?|officials?|guards?)", r"diplomats?\b",
                     r"ambassadors?\b", r"consuls?\b", r"lawmakers?\b", r"legislators?\b", r"senators?\b",
                     r"members? of (?:parliament|congress)", r"state representatives?\b", r"\bmayors?\b",
                     r"\bjudges?\b", r"prosecutors?\b", r"(?:presidential|parliamentary|mayoral|gubernatorial)\s+"
                     r"(?:candidates?|hopefuls?)", r"councillors?\b", r"council members?\b")
# ... told as the one harmed: "Senator and presidential hopeful Miguel Uribe Turbay was shot twice in the head"
_OFFICE_HOLDER_HARMED = re.compile(_PUBLIC_OFFICE.pattern + r"[^.;]{0,60}?\b(?:was|were)\s+(?:\w+\s+)?(?:shot|stabbed|"
                                   r"attacked|assassinated|killed|wounded|injured)\b", re.IGNORECASE)
# the target told as the subject, the attack as its noun: "the convoy was the target of an armed attack"
_TARGET_OF_AN_ATTACK = _rx(r"(?:was|were|has been|have been|had been|became)\s+(?:the\s+)?targets?\s+of\s+(?:an?\s+)?"
                           r"(?:[\w-]+\s+){0,2}?(?:attacks?|assaults?|ambush(?:es)?)\b")


# (a strike's own kind of deed: not a killing, which may be done in any way)
_OWN_STRIKE = _rx(_SAID_IT_HAD + rf"(?:{_STRUCK})\b")


_KILLED_IN_A_RAID = _rx(r"(?:killed|killing|shot)\b[^.;]{0,80}?\b(?:in|during)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:raid|incursion)\b")


# (where they serve may stand between: "Security forces in Mozambique's Cabo Delgado province killed 15 insurgents")
_FORCES_KILLED_FIGHTERS = _rx(r"(?:forces|troops|soldiers|army|military|police|commandos)\s+"
                              r"(?:of\s+(?:[\w'’-]+\s+){1,4}?)?"  # "Troops of Operation Hadin Kai have neutralised"
                              r"(?:in\s+(?:[\w'’-]+\s+){1,5}?|(?:[\w-]+\s+){0,3}?"
                              # ... or what else they did first: "troops operating in Shejaiya had located and destroyed
                              # a tunnel shaft and eliminated three terrorists"
                              r"|[^.;]{0,80}?\band\s+(?=(?:killed|neutrali[sz]ed|eliminated)\b))[\"“]?"
                              r"(?:killed|killing|neutrali[sz]ed|eliminated)[\"”]?\s+(?:[\w-]+\s+){0,3}?(?:militants|insurgents|"
                              r"rebels|terrorists|jihadists|fighters|gunmen|bandits|extremists)\b")
# ... or an operation's toll of them: "carried out an operation in the Lower Shabelle region on Thursday, killing
# more than 30 militants"
_OPERATION_KILLED_FIGHTERS = _rx(r"(?:operations?|raids?|offensive|assault|ambush)\b[^.;]{0,80}?\b(?:killing|killed|"
                                 r"neutrali[sz]ing|neutrali[sz]ed|eliminating)\s+(?:more than\s+|at least\s+|over\s+|some\s+|"
                                 r"about\s+|nearly\s+)?(?:\d+|\w+)\s+(?:[\w-]+\s+){0,2}?(?:militants|insurgents|"
                                 r"terrorists|jihadists|fighters|rebels|extremists|bandits|gunmen)\b")
# people no side fights: "killed dozens of Alawite civilians", "attacked villagers", "a displacement camp"
_ON_CIVILIANS = _rx(r"(?:attacked|attacking|killed|killing|massacred|massacring|assaulted|shot dead|gunned down)\s+"
                    r"(?:[\w'’-]+\s+){0,4}?"
                    r"(?:civilians|villagers|residents|worshippers|passengers|tourists|farmers|herders|mourners|shoppers|"
                    r"motorists|fishermen|miners|pupils|schoolchildren|churchgoers|teenagers?|boys?|girls?|children|"
                    r"students?|journalists?|reporters?|aid workers?|(?:displacement|displaced people's|refugee|idp)\s+camps?|"
                    # a person told by age, not by arms: "shot dead a 17-year-old driver"
                    r"\d{1,2}-year-old(?!\s+(?:soldiers?|policem[ae]n|officers?|militants?|fighters?|gunm[ae]n|"
                    r"commanders?|suspects?)\b))")
_ARMED_MEN_AND_FORCES = (*_ARMED_WORDS, r"gunm[ae]n", r"forces", r"troops", r"soldiers", r"militiamen", r"bandits", r"police",
                         r"policemen", r"gendarmes", r"coast ?guards?")
_ARMED_SUBJECT = _rx(*_ARMED_MEN_AND_FORCES, r"armed (?:men|groups?)", r"fighters", r"militias?", r"paramilitar(?:y|ies)")
# ... or the civilians told first, and the armed men after: "30 migrants were killed when coastguards opened fire
# on their boat"
_CIVILIANS_KILLED_WHEN = _rx(r"(?:civilians|villagers|residents|worshippers|passengers|migrants|refugees|farmers|"
                             r"fishermen|children|students|pupils)\s+(?:were|was)\s+(?:\w+\s+)?(?:killed|shot dead|"
                             r"gunned down|wounded|injured)\b[^.;]{0,60}?\b(?:when|as|after)\s+(?:[\w'’-]+\s+){0,3}?"
                             r"(?:" + "|".join(_ARMED_MEN_AND_FORCES) + r")"
                             r"\s+(?:opened fire|fired|shot|attacked|stormed|raided)\b")


def _armed_men_on_civilians(text: str) -> re.Match[str] | None:
    """Armed men (or forces) named before a verb of violence whose object is civilians ("Security forces killed
    dozens of civilians", "Jihadists attacked villagers digging trenches"): ACLED's attack, however the
    classifier reads the frame around it."""
    match = _ON_CIVILIANS.search(text)
    if match is None or not _ARMED_SUBJECT.search(text, 0, match.start()):
        return _CIVILIANS_KILLED_WHEN.search(text) or _people_killed_by_rebels(text)
    return match


def _people_killed_by_rebels(text: str) -> re.Match[str] | None:
    """ "Rebels from the Allied Democratic Forces killed at least 41 people": the people an armed group kills, with
    no fight told between and no soldier or base among them, are ACLED's civilians (forces killing "people" may
    have fought them, and are left out)."""
    killed = _REBELS_KILLED_PEOPLE.search(text)
    if killed is None:
        return None
    content = reported_content(text)
    told_after = text[killed.end() : content[1] if content else len(text)]
    return None if _MILITARY_TARGET.search(told_after) else killed  # "38 people, mostly soldiers, ... a military base"


_REBELS_KILLED_PEOPLE = _rx(r"(?:rebels|militants|insurgents|jihadists|gunmen|bandits|assailants|attackers|extremists|"
                            r"militiamen|terrorists)\b(?:(?!\b(?:and|between|with|clash\w*|fight\w*|battle\w*)\b)[^.;]){0,60}?"
                            r"\b(?:killed|massacred|slaughtered|killing)\s+(?:at least\s+|more than\s+|about\s+|nearly\s+|"
                            r"some\s+|dozens of\s+|scores of\s+|hundreds of\s+)?(?:[\w-]+\s+)?people\b")


_HARM_ONLY = _rx(r"killed", r"killing", r"wounded", r"injured", r"injuring", r"casualties")
_COMBATANTS = _rx(*_ARMED_WORDS, r"gunmen", r"combatants?")


def _killing_of_civilians(text: str) -> bool:
    """A killing told with no means and nothing of war ("the killing of two aid workers", "a judge was killed"):
    ACLED's attack on civilians. Only harm words were heard (no attack, strike or blast), someone was killed, and
    nobody armed is named on either side."""
    if not re.search(r"\bkill(?:ed|ings?)\b", text, re.IGNORECASE):
        return False
    if any(not _HARM_ONLY.fullmatch(m.group()) for m in _GENERIC.finditer(text)):
        return False
    content = reported_content(text)
    told = text[content[0] : content[1]] if content else text
    return not (_MILITARY_TARGET.search(told) or _COMBATANTS.search(told))


_TERRITORY_TAKER = re.compile(
    r"\b(?:(?P<state>government|army|troops|military|soldiers|security forces|regime forces|armed forces)|"
    r"(?P<rebel>rebels?|insurgents?|militants?|opposition|jihadists?|guerrillas?|militias?|separatists?|fighters|isis|isil|"
    r"islamic state|taliban|houthis?|al-shabaab|boko haram))\b[^.;]{0,40}?"
    r"\b(?:recaptur\w*|retook|retaken|regained control|seized control|took (?:full )?control|taken (?:full )?control|"
    r"overran|captured|seized (?:the |a |an )?(?:[\w-]+ ){0,2}(?:town|city|village|district|area|base|positions?)|"
    r"gained ground|(?:freed|recovered|regained|cleared) (?:the |a |an )?(?:[\w-]+ ){0,2}(?:towns?|villages?|cit(?:y|ies)|"
    r"districts?|areas?|regions?|territor(?:y|ies)))",
    re.IGNORECASE,
)


# a sentence that only tells harm done to a crowd: "Several protesters and journalists were injured." (after a
# protest: its toll, see `casualties.orphan_sentences`)
_CROWD_HARMED = re.compile(r"\s*(?:[\w-]+\s+){0,3}(?:protesters|demonstrators|marchers)\b(?:\s+(?:and|or)\s+(?:[\w-]+\s+){0,2}?"
                           r"[\w-]+)?\s+(?:were|was|had been|have been)\s+(?:\w+ly\s+)?(?:injured|wounded|hurt|killed)\b"
                           r"[^.;]{0,60}[.;]?\s*$", re.IGNORECASE)


# ... or the people of the protest told by number, by whoever counted them: "Amnesty International Kenya said 16 people
# were killed, most of them shot by police, and about 400 injured"
_PROTEST_TOLL = re.compile(r"\s*(?:(?:[\w'’-]+\s+){1,5}?(?:said|says|reported|counted)\s+(?:that\s+)?)?(?:at least\s+|more than\s+|"
                           r"about\s+|some\s+|nearly\s+)?(?:\d[\d,]*|[a-z]+)\s+(?:people|persons|protesters|demonstrators)\s+"
                           r"(?:were|had been|have been)\s+(?:killed|injured|wounded|hurt)\b"
                           r"(?:,\s+(?:most|many|some|all)\s+of\s+them\s+(?:shot|hit|wounded)\s+by\s+(?:the\s+)?(?:police|"
                           r"security forces|soldiers|troops)\s*,|\s+(?:when|as|after)\s+(?:the\s+)?(?:riot\s+)?(?:police|"
                           r"security forces|soldiers|troops)\s+(?:opened fire|fired|shot))?[^.;]{0,60}[.;]?\s*$",
                           re.IGNORECASE)


_KILLING_WORDS = (r"killed", r"killing", r"dead\b")
_KILLED_IN_IT = _rx(*_KILLING_WORDS)
_DIED = _rx(*_KILLING_WORDS, r"died")
_ABDUCTION = "Abduction/forced disappearance"
# ACLED's kinds of event that kill no one: an arrest, property destroyed, an agreement, a change to a group
_HARMLESS_TYPES = {"Arrests", "Looting/property destruction", "Agreement", "Change to group/activity",
                   "Non-violent transfer of territory", "Headquarters or base established", "Other"}
_KILLING_TYPES = _VIOLENT_TYPES | {"Riots"}


def _deaths_in_a_walkout(kinds: list[EventType], rule_kinds: list[EventType], text: str) -> bool:
    """"Five other members of the family also died in the strike": a bare "strike" read as a walkout, in a clause
    that tells deaths and no protest word, is the strike of a weapon."""
    return _only_read_as(kinds, rule_kinds, "Peaceful protest") and _DIED.search(text) is not None


def _captive_killed(kinds: list[EventType], rule_kinds: list[EventType], text: str) -> bool:
    """"The kidnappers killed the 70-year-old ruler", read as a kidnapping with no word of one taken: the killing
    of a captive by those who held him (ACLED's attack)."""
    return _only_read_as(kinds, rule_kinds, _ABDUCTION) and _KILLED_IN_IT.search(text) is not None


def _only_read_as(kinds: list[EventType], rule_kinds: list[EventType], sub_event_type: str) -> bool:
    """The classifier's reading is `sub_event_type` alone, and only a generic cue ("killed", "strike") was told."""
    return bool(kinds) and bool(rule_kinds) and all(k.sub_event_type == sub_event_type for k in kinds) \
        and not any(k.specific for k in rule_kinds)


def _typed_by_its_likeliest(kind: EventType, guess: TypeGuess | None) -> EventType:
    """An untyped cue told as harm done ("killed in Tehran ..., blaming Israel for the strike on his residence", read
    as a statement) takes the reading the classifier clearly prefers among its own event type's kinds (however unsure
    it is that the clause tells an event at all: the rules settled that)."""
    if kind.sub_event_type is not None or guess is None:
        return kind
    scores = sorted(((p, label) for label, p in guess.scores if SUB_EVENT_PARENT.get(label) == kind.event_type),
                    reverse=True)
    if len(scores) > 1 and scores[0][0] >= _CLEARLY_AHEAD * scores[1][0] and scores[0][1] in _READ_WITHOUT_A_CUE:
        return replace(kind, sub_event_type=scores[0][1])
    return kind


_CLEARLY_AHEAD = 1.5
# the kinds a reading alone may give an untyped cue: not those a report names by their weapon (a chemical weapon, a
# suicide bomb, a grenade)
_READ_WITHOUT_A_CUE = {"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash", "Attack"}


def _a_killing_kind(rule_kinds: list[EventType], guess: TypeGuess | None, length: int) -> list[EventType]:
    """A clause that tells people killed, read as a kind of event that kills no one ("forces killed 30 militants in
    an intelligence-based operation", read as arrests; "a clash that killed 15 and burned houses", as property
    destroyed): the cue's own violent type, else the likeliest violent reading, else the cue untyped."""
    violent = [k for k in rule_kinds if k.specific and k.event_type in _KILLING_TYPES]
    if violent:
        return violent
    scores = sorted(((p, label) for label, p in (guess.scores if guess else ()) if SUB_EVENT_PARENT.get(label)
                     in _KILLING_TYPES), reverse=True)
    cue = next((k.cue for k in rule_kinds), (0, length))
    if scores and scores[0][0] >= PLAUSIBLE_MIN:
        p, label = scores[0]
        return [EventType(SUB_EVENT_PARENT[label], label, True, cue, p)]
    return [EventType("Explosions/Remote violence", None, False, cue)]


# a clause that gives a toll's new figure: its day is the figure's, and its event the one told before
_TOLL_ROSE = re.compile(r"\s*(?:the\s+)?(?:death\s+)?toll\b[^.;]{0,80}?\b(?:has\s+|had\s+)?(?:rose|risen|climbed|increased|"
                        r"jumped|grew|grown)\s+to\b", re.IGNORECASE)


def _territory_taker(text: str) -> re.Match[str] | None:
    """The side word nearest the verb of taking: "the White Army militia overran" is a militia's, not an army's."""
    taker = _TERRITORY_TAKER.search(text)
    while taker is not None:
        closer = _TERRITORY_TAKER.search(text, taker.end("state" if taker.group("state") else "rebel"))
        if closer is None or closer.end() != taker.end():
            break
        taker = closer
    return taker


# what a protesting crowd does that ACLED's codebook counts as a violent demonstration beside stones and arson
_CROWD_DISRUPTION = _rx(
    r"block(?:ed|ing|s)? (?:off )?(?:the |major |main |key |several |a |all |national )?(?:[\w-]+ )?(?:roads?|streets?|"
    r"avenues?|boulevards?|highways?|railways?|rail (?:lines?|tracks?)|thoroughfares?|bridges?|junctions?|intersections?)\b",
    r"barricad", r"burn(?:ing|t|ed) (?:of )?(?:tyres|tires)", r"scuffl")
_PROTEST_TO_COME = _rx(
    r"(?:in anticipation of|ahead of|in the run-up to|in preparation for) (?:the |a |more |further |planned |possible |"
    r"fresh |expected |mass |angry |large )*(?:[\w-]+ )?(?:protests?|demonstrations?|rall(?:y|ies)|marches)",
    r"(?:mobilis|mobiliz|plan(?:s|ned|ning)?\b|call(?:ed|ing|s)? (?:on|for)|vow(?:ed|s)?|threaten(?:ed|s)?|urg(?:ed|es|ing))"
    r"(?:[\w,-]+ ){0,8}?to (?:protest|demonstrate|march|rally|stage|hold)\b",
    # "called for a general strike on Tuesday"
    r"(?:call(?:ed|ing|s)? for|plan(?:s|ned|ning)?|announced|vow(?:ed|s)? to hold) (?:a |an |another |more )?(?:[\w-]+ )?"
    r"(?:general |nationwide |national )?(?:strikes?|protests?|demonstrations?|rall(?:y|ies)|marches|sit-ins?|boycotts?)\b")


def protest_to_come(text: str) -> bool:
    """True when the text tells a protest planned, called for or expected, and none held."""
    return bool(_PROTEST_TO_COME.search(text)) and not _PROTEST_HELD.search(text)


_IN_PROTEST = re.compile(r"in protest (?:of|against|at|over|to)\b", re.IGNORECASE)
_A_CROWD = _rx(r"protesters", r"demonstrators", r"crowds?\b", r"marchers", r"rall(?:y|ies)\b", r"sit-ins?", r"strikes?\b",
               r"strikers", r"hunger strike", r"boycott", r"walk(?:ed)? ?out", r"blockade", r"blocked")
_PROTEST_HELD = _rx(r"protested", r"demonstrated", r"marched", r"rallied", r"gathered", r"took to the streets",
                    r"(?:protests?|demonstrations?|rall(?:y|ies)|marches) (?:were|was) held")
_INTERVENTION = _rx(r"dispers(?:ed|ing|e)\b", r"broke up", r"break(?:ing)? up", r"suppress(?:ed|ing)?\b", r"tear ?-?gas",
                    r"water cannons?", r"pepper spray", r"rubber bullets", r"baton[- ]charg", r"(?:detain|arrest)(?:ed|s|ing)? "
                    r"(?:\w+ ){0,3}(?:protesters|demonstrators|marchers)")
# who used force at a protest: the crowd, or the state on the crowd
_FORCE_AT_A_PROTEST = {"Violent demonstration", "Excessive force against protesters"}
# ... unless the report says the crowd kept the peace ("blocked the road for an hour, then left peacefully")
_SAID_PEACEFUL = _rx(r"peaceful", r"without (?:any )?(?:reported )?incidents?", r"no (?:violence|incidents?) (?:was|were)",
                     r"burning no\b")


def _crowd_disruption(text: str) -> re.Match[str] | None:
    """The crowd's road block, barricade or burning tyres the clause tells, unless it says the crowd kept the peace."""
    if (destroyed := _CROWD_DESTROYED.search(text)) is not None:
        return destroyed  # "Protesters in Nairobi set fire to the city hall": no peaceful crowd, whatever it says
    if (police_hurt := _POLICE_HURT.search(text)) is not None:
        return police_hurt  # "100 people, including 80 police officers, were injured during protests": a crowd that fought
    return None if _SAID_PEACEFUL.search(text) else _CROWD_DISRUPTION.search(text)


# the crowd's own arson, storming or stone-throwing
_CROWD_DESTROYED = _rx(r"(?:protesters|demonstrators|rioters|crowds?|mobs?|youths|marchers)\s+(?:[\w,'’-]+\s+){0,5}?"
                       r"(?:set fire to|set (?:[\w-]+\s+){1,3}?(?:alight|ablaze|on fire)|torched|(?:tried to |attempted to |trying to )?"
                       r"storm(?:ed)?|ransacked|smashed|"
                       r"threw (?:stones|rocks|petrol bombs|molotov cocktails)|pelted)\b")


# the police hurt where a protest is told
_POLICE_HURT = _rx(r"(?:police(?:men)?|police officers|officers|gendarmes|riot police)\s*,?\s+(?:were|was|had been)\s+"
                   r"(?:\w+\s+)?(?:injured|wounded|hurt)\b")


# the report's word that a crowd kept the peace, in a sentence of its own ("The protest was peaceful, police said.")
_THE_PROTEST_PEACEFUL = _rx(r"(?:protests?|demonstrations?|march(?:es)?|rall(?:y|ies)|crowds?|gatherings?|sit-ins?|it|they)"
                            r"\s+(?:was|were|remained|stayed|passed off|went off|ended)\s+(?:largely\s+|mostly\s+|"
                            r"entirely\s+)?peaceful(?:ly)?\b")


# a gathering told as going on when something else happened: "The rally was being held in Khar"
_GOING_ON = _rx(r"(?:was|were)\s+(?:being\s+held|taking\s+place|under\s?way|in\s+progress|going\s+on)\b")

def _scene_of_the_violence(state: DocState) -> None:
    """A peaceful gathering told only as going on ("The rally was being held in Khar, the district headquarters"),
    in a report of a bombing or an attack, is where that violence struck, not a protest of its own."""
    if not any(frame.mention.event_type in _VIOLENT_TYPES for frame in state.frames):
        return
    state.frames[:] = [frame for frame in state.frames if not (
        frame.mention.sub_event_type == "Peaceful protest"
        and all(_GOING_ON.search(state.text, start, end) for start, end in frame.spans))]


def _kept_the_peace(state: DocState) -> None:
    """A crowd that blocked a road is a violent demonstration by ACLED's codebook, unless the report says in the
    next sentence that the protest was peaceful (`_SAID_PEACEFUL` reads the same sentence); a protest the report
    calls peaceful, with no one stepping in, is no protest with intervention."""
    index = {sentence.start: i for i, sentence in enumerate(state.sentences)}
    for frame in state.frames:
        own = state.text[frame.spans[0][0] : frame.spans[0][1]]
        if frame.mention.sub_event_type == "Protest with intervention" and _THE_PROTEST_PEACEFUL.search(own) \
                and not _INTERVENTION.search(own):
            # ("The protest was peaceful, police said": the police told of it, they did not step in)
            frame.mention.event_type, frame.mention.sub_event_type = "Protests", "Peaceful protest"
            continue
        if frame.mention.sub_event_type != "Violent demonstration" or not _CROWD_DISRUPTION.fullmatch(frame.trigger.text):
            continue
        at = index.get(frame.sentences[-1].start)
        following = state.sentences[at + 1] if at is not None and at + 1 < len(state.sentences) else None
        if following is not None and _THE_PROTEST_PEACEFUL.search(state.text, following.start, following.end):
            frame.mention.event_type, frame.mention.sub_event_type = "Protests", "Peaceful protest"
            frame.type_score = max(frame.type_score, 0.8)  # the report's own word types the merged event
            frame.mention.cite("sub_event_type", state.evidence(following.start, following.end))


# a bomb set on the ground, not dropped from the air
_PLANTED = _rx(r"improvised", r"roadside", r"car bomb", r"land ?mines?", r"\bmines?\b", r"\bieds?\b", r"planted", r"placed",
               r"booby", r"explosive device", r"parcel bomb", r"letter bomb", r"sticky bomb", r"magnetic bomb")


# what says a strike came from the air where the words of shelling are told too ("bombardments by military aircraft")
_FROM_THE_AIR = _rx(r"air ?strikes?", r"drones?", r"(?<!anti-)aircraft", r"warplanes?", r"(?:fighter )?jets?\b", r"helicopters?",
                    r"air force", r"(?:glide|barrel|aerial|guided) bombs?")


def _prune(found: list[EventType], text: str) -> list[EventType]:
    """Keep the types that describe different happenings; drop those implied by a stronger one."""
    subs = {f.sub_event_type for f in found}
    drop: set[str | None] = set()
    if "Remote explosive/landmine/IED" in subs and _LEFT_BEHIND.search(text):
        # a shell that lay unexploded went off where it lay: ACLED's explosive remnant of war, no shelling
        drop |= {"Shelling/artillery/missile attack", "Air/drone strike"}
    remote = {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
              "Suicide bomb", "Grenade", "Chemical weapon"}
    if subs & remote:
        # "missile attack ... clashes" are one event; an engaged gunship is still a strike
        drop |= {"Armed clash", "Attack", "Looting/property destruction", "Disrupted weapons use"}
    if "Chemical weapon" in subs:
        drop |= {"Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED"}
    if "Suicide bomb" in subs:
        drop |= {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack"}
    territory = subs & {"Non-state actor overtakes territory", "Government regains territory"}
    if territory:
        # who took the place says which: "government forces seized control", "rebels retook the town"
        taker = _territory_taker(text)
        if taker:
            state_side = bool(taker.group("state"))
            kept_type = "Government regains territory" if state_side else "Non-state actor overtakes territory"
            found = [replace(f, event_type="Battles", sub_event_type=kept_type) if f.sub_event_type in territory else f
                     for f in found]
            found = [f for i, f in enumerate(found) if f.sub_event_type != kept_type
                     or i == next(j for j, g in enumerate(found) if g.sub_event_type == kept_type)]
            subs = {f.sub_event_type for f in found}
        elif len(territory) == 2:
            drop.add("Government regains territory")
        if _UNCONTESTED.search(text) and not _FOUGHT_FOR.search(text):
            # taken once the other side had left, or without a fight: ACLED's non-violent transfer of territory
            found = [replace(f, event_type="Strategic developments", sub_event_type="Non-violent transfer of territory")
                     if f.sub_event_type in _TERRITORY_TYPES else f for f in found]
            subs = {f.sub_event_type for f in found}
    if "Air/drone strike" in subs and "Remote explosive/landmine/IED" in subs and not _PLANTED.search(text):
        drop.add("Remote explosive/landmine/IED")  # "the air force bombed rebel positions": bombs from the air
    if "Air/drone strike" in subs and "Shelling/artillery/missile attack" in subs:
        # a drone-and-rocket attack is one event; keep the drone reading only when the sentence says strike
        drop.add("Shelling/artillery/missile attack" if _FROM_THE_AIR.search(text) else "Air/drone strike")
    if "Peaceful protest" in subs:
        found, crowd_drop = _read_the_crowd(found, text, remote_told=bool(subs & remote))
        drop |= crowd_drop
        subs = {f.sub_event_type for f in found}
    if "Arrests" in subs and subs & remote:
        drop.add("Arrests")
    kept = [f for f in found if f.sub_event_type not in drop]
    return kept[:2]


_UNCONTESTED = _rx(r"without (?:a |any )?(?:fight|fighting|resistance|a shot being fired|bloodshed|clashes)", r"unopposed",
                   r"(?:after|once|when) (?:the )?(?:[\w-]+ ){0,4}?(?:withdrew|had withdrawn|pulled out|had pulled out|"
                   r"retreated|had retreated|abandoned|vacated|left the)\b", r"handed over", r"handover")
_FOUGHT_FOR = _rx(r"fight(?:ing|s)?\b", r"fought", r"clash", r"battles?\b", r"killed", r"killing", r"wounded", r"dead\b",
                  r"shell", r"air ?strikes?", r"assault", r"offensive", r"heavy")


def _read_the_crowd(found: list[EventType], text: str, remote_told: bool) -> tuple[list[EventType], set[str | None]]:
    """What a protest told in the sentence is by ACLED's codebook: a protest still to come is none; the crowd's
    violence (clashes, road blocks, barricades, burning tyres, scuffles) makes a violent demonstration; a
    peaceful crowd dispersed or detained, a protest with intervention. Returns the kinds and those to drop."""
    subs = {f.sub_event_type for f in found}
    drop: set[str | None] = set()
    if "Armed clash" in subs and not remote_told:
        # a protest told with clashes is a riot, not a battle (once: "demonstrators clashed with" is a cue of its own)
        if "Violent demonstration" in subs:
            found = [f for f in found if f.sub_event_type != "Armed clash"]
        else:
            found = [replace(f, event_type="Riots", sub_event_type="Violent demonstration")
                     if f.sub_event_type == "Armed clash" else f for f in found]
        subs = {f.sub_event_type for f in found}
    if protest_to_come(text):
        drop.add("Peaceful protest")  # expected, planned or called for: it has not happened yet
    protest = next(f for f in found if f.sub_event_type == "Peaceful protest")
    if _IN_PROTEST.match(text, protest.cue[0] - 3) and not _PROTEST_HELD.search(text) and not _A_CROWD.search(text):
        drop.add("Peaceful protest")  # "the envoy quit in protest over the deal": why something was done, not a protest
    disruption = _crowd_disruption(text)
    if disruption and "Violent demonstration" not in subs:
        found = [*found, EventType("Riots", "Violent demonstration", True, disruption.span())]
        subs.add("Violent demonstration")
    intervention = _INTERVENTION.search(text)
    arrested = next((f for f in found if f.sub_event_type == "Arrests"), None)
    if intervention is None and arrested is not None and "Peaceful protest" not in drop \
            and _AT_THE_PROTEST.search(text, arrested.cue[1]):
        # "Police arrested dozens of supporters of the party as they gathered to protest": those arrested at a
        # protest, whatever the report calls them, are how it was met
        intervention = arrested.cue
    elif intervention is not None:
        intervention = intervention.span()
    if intervention and not subs & _FORCE_AT_A_PROTEST:
        found = [*found, EventType("Protests", "Protest with intervention", True, intervention)]
        subs.add("Protest with intervention")
    if subs & (_FORCE_AT_A_PROTEST | {"Protest with intervention"}):
        drop.add("Peaceful protest")
        if "Violent demonstration" in subs and _STATE_FORCE_ON_THEM.search(text):
            # "two people were shot dead by gendarmes when youths tried to storm a post": the state's answer to the
            # crowd's violence is that riot's toll, not an attack of its own
            drop.add("Attack")
        drop.add("Arrests")  # protesters arrested at the protest: the intervention itself, in ACLED's codebook
    return found, drop


_STATE_FORCE_ON_THEM = _rx(r"\bby\s+(?:the\s+)?(?:riot\s+)?(?:police(?:men)?|officers|gendarmes|security forces|soldiers|troops)\b",
                          r"(?:police(?:men)?|officers|gendarmes|security forces|soldiers|troops)\s+(?:opened fire|fired|shot)\b")


# arrests told as made at the protest itself, not for one ("arrested an activist for organising a protest") nor
# protested against ("a plan for mass arrests")
_AT_THE_PROTEST = _rx(r"(?:as|while|when)\s+(?:they|the crowd|the protesters|demonstrators)\s+(?:were\s+)?(?:gathered|gathering|"
                      r"marched|marching|rallied|rallying|protested|protesting|demonstrated|demonstrating)\b",
                      r"(?:at|during)\s+(?:the|a)\s+(?:[\w-]+\s+)?(?:protest|rally|demonstration|march|sit-in)\b")


_EXCESSIVE_FORCE = "Excessive force against protesters"
# what names protesters, not just a crowd
_PROTESTERS_TOLD = _rx(r"protest", r"demonstrat", r"rall(?:y|ies|ied)\b", r"march(?:ed|ers|es|ing)?\b", r"sit-ins?\b",
                       r"picket", r"strikers\b", r"on strike\b", r"riot", r"unrest", r"mourners", r"activists?\b")


def force_without_protesters(sub_event_type: str | None, text: str) -> bool:
    """A reading of force on protesters where the report names no protesters ("troops opened fire on a crowd
    waiting for food aid", "a gunman ... overpowered by the crowd"): force on protesters needs protesters."""
    return sub_event_type == _EXCESSIVE_FORCE and _PROTESTERS_TOLD.search(text) is None


# the people or the act of a protest, in any of the ways reports name them
_CROWD_TOLD = _rx(r"protest", r"demonstrat", r"rall(?:y|ies|ied)\b", r"march", r"sit-ins?\b", r"picket", r"strik(?:e|es|ers|ing)\b",
                  r"tractors", r"(?:throwing|threw|hurling|hurled|pelting|pelted)\s+(?:[\w-]+\s+)?(?:eggs|stones|rocks)",
                  r"boycott", r"vigil", r"crowds?\b", r"gather", r"chant", r"placards?", r"took to the streets",
                  r"walk-?outs?\b", r"walked out", r"shutdown", r"die-in", r"human chain", r"petition", r"activists?\b",
                  r"dissent", r"occup(?:y|ied)\b", r"blockade", r"blocked", r"unrest", r"disobedience", _SELF_IMMOLATION)


def tells_a_crowd(text: str) -> bool:
    """True when the text names a protest or the people in one (a protest reading needs one)."""
    return bool(_CROWD_TOLD.search(text))


_ARMED_DOERS = _rx(*_ARMED_WORDS, r"gunm[ae]n", r"armed (?:men|groups?|gangs?|subjects|individuals)", r"fighters",
                  r"militiam[ae]n", r"militias?\b",
                  # (gangs, not a gang: "Haitian gangs attacked the national penitentiary")
                  r"gang members", r"gangs\b",
                  # a monitor's word for a jihadist group's men: "cells believed to belong to ISIS", "ISIS cells"
                  r"cells\b(?=[^.;]{0,40}\b(?:isis|isil|islamic state|daesh|jihadist|terror))",
                  r"(?:isis|isil|daesh|jihadist|terrorist|sleeper)\s+cells?\b")
# an armed group named again by a bare word: "The group also attacked a railway bridge"
_THE_GROUP_DID = _rx(r"the (?:group|militia|movement|organi[sz]ation)\s+(?:also\s+|then\s+|later\s+)?(?:attacked|stormed|"
                     r"struck|raided|ambushed|killed|bombed|shelled)\b")


_TO_REMEMBER = _rx(r"(?:gathered|assembled|met|came together|congregated)\b[^.;]{0,40}?\bto (?:remember|mourn|commemorate|pray|"
                  r"honou?r|bury|pay (?:their |tribute|respects))")
_DEMANDS = _rx(r"demand", r"protest", r"chant", r"call(?:ed|ing)? for", r"denounc", r"condemn")


_A_CROWD_DESTROYED = re.compile(r"\b(?:(?:demonstrators|protesters|protestors|marchers)|(?P<mob>rioters|mobs?|crowds?|"
                               # (people by the hundred are a crowd: "Hundreds of residents of Kibera set fire to a
                               # police post")
                               r"(?:hundreds|thousands|dozens|scores)\s+of\s+(?:angry\s+)?(?:residents|villagers|youths|"
                               r"people)))\b"
                               r"[^.;]{0,40}?\b(?:looted|looting|set fire|setting fire|torched|torching|burned|burnt|"
                               r"ransacked|vandali[sz]ed|smashed)\b", re.IGNORECASE)


def a_gathering_to_remember(text: str) -> bool:
    """True for people gathered to mourn or remember, with no demand made ("survivors gathered to remember the
    dead"): no protest."""
    return bool(_TO_REMEMBER.search(text)) and not _DEMANDS.search(text)


_INMATES = _rx(r"inmates", r"prisoners", r"detainees")


def protests_held(kinds: list[EventType], rule_kinds: list[EventType], text: str) -> list[EventType]:
    """The clause's readings without the protests it cannot tell: a protest needs protesters (a reading of
    one where the clause names no crowd, "border guards detained twelve fishermen", gives way
    to what the cues told), and a protest called for or planned is not yet held."""
    if any(k.event_type == "Protests" for k in kinds) and not tells_a_crowd(text):
        kinds = [k for k in kinds if k.event_type != "Protests"] or [
            k for k in rule_kinds if k.event_type != "Protests" and k.specific]
    # ... and a riot a crowd: "armed men stormed an army checkpoint" is an attack, whatever it was read as
    # (but inmates who riot are a crowd, whatever gangs they belong to: "a riot between rival gangs in which 15
    # inmates were killed")
    if any(k.event_type == "Riots" for k in kinds) and not tells_a_crowd(text) and not _INMATES.search(text) and (
            _ARMED_DOERS.search(text) or _THE_GROUP_DID.search(text)):
        kinds = [k for k in kinds if k.event_type != "Riots"] or [k for k in rule_kinds if k.event_type != "Riots"]
    if any(k.sub_event_type == "Peaceful protest" for k in kinds) and (
            protest_to_come(text) or a_gathering_to_remember(text)):
        # (nor is a gathering to remember the dead: "survivors gathered on Saturday to remember the dead")
        kinds = [k for k in kinds if k.sub_event_type != "Peaceful protest"]
    # ... and a crowd that blocks a highway is, by ACLED's codebook, a violent demonstration however it was read
    # (`_read_the_crowd` does the same for a protest the cues named)
    disruption = _crowd_disruption(text)
    if disruption and any(k.sub_event_type == "Peaceful protest" for k in kinds):
        kinds = [EventType("Riots", "Violent demonstration", True, disruption.span())
                 if k.sub_event_type == "Peaceful protest" else k for k in kinds]
    return kinds


def is_event_sentence(text: str) -> bool:
    return bool(classify_sentence(text))


# "X did A after Y did B": two happenings in one sentence, one per clause.
SEQUENCE = re.compile(
    r"\b(?:(?:(?:a|an|one|two|three|four|five|six|seven|\d) )?(?:hours?|days?|nights?|weeks?|minutes) |"
    r"(?:shortly|soon|just) )?(?:after|following|in response to|in retaliation for|"
    r"in what (?:it|they|he|she|officials) (?:called|described as|said was) (?:a )?(?:retaliation|response) (?:for|to)|"
    r"hours before|days before|"
    # "gunmen stormed the studio ... before police arrested 13 of them": the act that ended it, by another side (not
    # "before fleeing", the same doers')
    r"before(?=\s+(?:the\s+|a\s+|an\s+)?(?:police|troops|soldiers|security forces|army|forces|officers|guards)\b))\b",
    re.IGNORECASE,
)


# an occasion, no act: "after Saturday's match", "after Friday prayers", "after the vote"
_AN_OCCASION = re.compile(rf"\s+(?:the\s+|(?:{WEEKDAY_NAMES})(?:\s+night)?(?:['’]s)?\s+|last\s+\w+['’]s\s+)?(?:[\w-]+\s+)?"
                          r"(?:match|game|final|prayers|vote|election|polls|rally|service|mass|sermon|ceremony|concert|"
                          r"meeting|festival|wedding)\b", re.IGNORECASE)
# an act placed in time by what it came after: "The strike came " (+ "a day after ...")
_CAME_JUST = re.compile(r"\b(?:came|comes|come)\s*$", re.IGNORECASE)


_OPENING_SEQUENCE = re.compile(r"\W*(?:(?:a|an|one|two|three|four|five|six|seven|\d+)\s+(?:days?|nights?|weeks?)\s+)after\b",
                               re.IGNORECASE)


_ADDING_THAT = re.compile(r",\s+(?:adding|and added)\s+that\s+", re.IGNORECASE)
_A_DAY_OF_ITS_OWN = re.compile(rf"\b(?:on\s+(?:{WEEKDAY_NAMES})|yesterday|overnight|on\s+\d{{1,2}}\s+\w+|on\s+\w+\s+\d{{1,2}})\b",
                               re.IGNORECASE)


def clauses(text: str, span: Any = None) -> list[tuple[int, int]]:
    """Split a sentence where it tells two happenings: at a sequence connective ("after"), or, given
    its parse, where ", and" joins a second clause with a subject of its own ("militants fired a
    missile, and a gunship struck them") -- each side must report something."""
    end = len(text)
    told = _told_between_semicolons(text)
    if len(told) > 1:
        return told
    pieces: list[tuple[int, int]] = []
    if (opening := _OPENING_SEQUENCE.match(text)) is not None:
        # "A day after three girls were stabbed to death at a dance class, hundreds rioted": the act it opens with
        # runs to the comma that closes it, the sentence's own act after it
        for comma in re.finditer(r",\s+", text[opening.end() :]):
            cut = opening.end() + comma.start()
            if classify_sentence(text[:cut]) and classify_sentence(text[cut:]):
                return [(0, cut), (cut, len(text))]
    if (added := _ADDING_THAT.search(text)) is not None and _A_DAY_OF_ITS_OWN.search(text, added.end()) \
            and classify_sentence(text[: added.start()]) and any(k.specific for k in classify_sentence(text[added.start() :])):
        # "fought for control of Merawi last week, residents said, adding that drone strikes had killed a dozen
        # people on Friday": a second happening the speaker went on to tell, on a day of its own (not a detail of the
        # first: "..., adding that dozens of houses were burned", "adding that 26 of the drones had been shot down")
        return [(0, added.start()), (added.start(), len(text))]
    for match in SEQUENCE.finditer(text):
        left, right = text[: match.start()], text[match.start():]
        if _CAME_JUST.search(left) or _AN_OCCASION.match(text, match.end()):
            # "The strike came a day after Russia's largest air attack": when, told against another act; "fought
            # outside the stadium after Saturday's match, leaving 14 injured": when, told by an occasion
            break
        if classify_sentence(left):
            if classify_sentence(right):
                pieces, end = [(match.start(), len(text))], match.start()
                break
        elif not _HARMED.search(left) and _SOMETHING_ELSE_BEFORE.search(left) and classify_sentence(right):
            # "Mourners at a funeral in Majdal Shams on Sunday demanded ... after 12 children were killed by a rocket
            # on Saturday": what came before is no act of violence; the act, its day and its toll are after it
            return [(match.start(), len(text))]
    if span is not None and any(f" {word} " in text for word in ("and", *_AT_THE_SAME_TIME)):
        # ... and the part before it may hold two acts of its own ("X struck A, as the group fired at B, after ...")
        cut, simultaneous = _coordinated_clause(span)
        if cut is not None and 0 < cut < end:
            left, right = classify_sentence(text[:cut]), classify_sentence(text[cut:end])
            # two acts joined by "and" must each name their kind; beside an "as" clause of another side's act, a
            # generic "carried out strikes" is an act of its own too
            if (any(k.specific for k in left) or simultaneous and left) and any(k.specific for k in right):
                return [(0, cut), (cut, end), *pieces]
    return [(0, end), *pieces]


# a semicolon that opens another scene: "; in Lakki Marwat, ...", "; and near Tank, ..."
_SEMICOLON = re.compile(r";\s+(?:and\s+)?(?=(?:in|near|outside|elsewhere|meanwhile|separately)\b)", re.IGNORECASE)


def _told_between_semicolons(text: str) -> list[tuple[int, int]]:
    """A sentence that lists happenings in several places between semicolons ("Gunmen killed four in Bannu; in
    Lakki Marwat, a bomb wounded two; and in Tank, militants torched a school"): each part that reports something
    is a clause of its own, the parts that report nothing stay with the one before them. ("20 militants were
    killed; the group said it killed 15 soldiers" is one fight told by two sides.)"""
    cuts = [m.start() for m in _SEMICOLON.finditer(text)]
    if not cuts:
        return []
    out: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        part = (start, cut)
        if out and not classify_sentence(text[part[0] : part[1]]):
            out[-1] = (out[-1][0], cut)
        else:
            out.append(part)
        start = cut
    return out if all(classify_sentence(text[a:b]) for a, b in out) else []


# what people did after an act that is no act of violence itself: mourning, demanding, speaking, meeting
_SOMETHING_ELSE_BEFORE = _rx(r"mourn", r"funeral", r"demand", r"vigil", r"gathered", r"buried", r"burial", r"condolence",
                             r"called for", r"urged", r"met\b", r"visited")
_AT_THE_SAME_TIME = ("as", "while", "whereas")  # the marks of another act told beside the main one


def _while_clause_mark(token: Any) -> Any:
    """The "as" or "while" of a clause with a subject of its own told beside the main one after a comma
    ("Israel struck targets in Lebanon, as the group launched rockets at Israel"): another act at the same
    time, by another side."""
    if token.dep_ != "advcl" or token.pos_ != "VERB" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in _AT_THE_SAME_TIME), None)
    if mark is None or mark.i == 0 or mark.doc[mark.i - 1].text != "," or mark.i < token.head.i:
        return None
    subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") for c in token.children)
    return mark if subject else None


def _coordinated_clause(span: Any) -> tuple[int | None, bool]:
    """Where a second main clause with its own subject starts (the offset of its "and", or of an "as" that
    tells another act at the same time), if any, and whether it was an "as". Under a closing "X said" the
    parser hangs both clauses on "said" ("drones hit A, and a drone struck B, the Pentagon said"), the "and"
    on the first: the same cut."""
    for token in span:
        mark = _while_clause_mark(token)
        if mark is not None:
            return mark.idx - span.start_char, True
        if token.dep_ not in ("conj", "ccomp") or token.pos_ not in ("VERB", "AUX") or token.head.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") for c in token.children):
            continue
        if token.dep_ == "conj":
            first = token.head
        else:
            first = next((c for c in token.head.children if c.dep_ == "ccomp" and c.i < token.i
                          and c.pos_ in ("VERB", "AUX")), None)
            if first is None:
                continue
        cc = next((c for c in first.children if c.dep_ == "cc" and first.i < c.i < token.left_edge.i), None)
        if cc is None:
            continue
        return cc.idx - span.start_char, False
    return None, False


# A sub-event type that, told of the same happening, says more than another one does.
REFINES = {
    "Suicide bomb": {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Attack", "Armed clash",
                     "Disrupted weapons use"},
    "Abduction/forced disappearance": {"Attack"},
    "Excessive force against protesters": {"Peaceful protest", "Protest with intervention"},
    "Protest with intervention": {"Peaceful protest"},
    # fighters who surrender or sides that sign are an agreement (ACLED lists surrenders there), whatever else changed
    "Agreement": {"Change to group/activity"},
    # the crowd's own violence ("threw stones", "clashed with police") makes a protest reading a violent demonstration
    "Violent demonstration": {"Peaceful protest", "Protest with intervention"},
    # a bomb that went off is the event; one defused beside it is a detail of the same report
    # ... and a bombing or strike told with "the ensuing clash" or "the attack" is still a bombing or strike
    **{sub: {"Disrupted weapons use", "Armed clash", "Attack"}
       for sub in ("Remote explosive/landmine/IED", "Grenade", "Shelling/artillery/missile attack", "Air/drone strike")},
}


def refines(sub: str | None, other: str | None) -> bool:
    return sub is not None and other in REFINES.get(sub, ())



# How sure the classifier must be to overrule the rules, or to stand without them.
NOT_EVENT_MIN = 0.5  # non-event readings together this sure drop the sentence even when a cue fired
NOT_EVENT_WITH_WEAPON_MIN = 0.6  # ... a named weapon ("a gunship struck ..., the Pentagon said") needs surer ones
RETYPE_MIN = 0.40  # a typed reading this sure replaces the cue's type
PLAUSIBLE_MIN = 0.20  # a cue's type the classifier gives less than this, beside a non-event reading, is dropped
WEAPON_RETYPE_MIN = 0.75  # a named weapon (bomb, shell, drone, grenade) is overruled only by a sure reading
MODEL_ONLY_MIN = 0.60  # a typed reading this sure makes an event with no cue at all
GENERIC_TYPING_MIN = 0.25  # a generic cue's default type ("killed": an attack) yields only to a reading this sure
NO_OPINION_MAX = 0.15  # a best reading (of no event) this unsure is no reading: the cue stands
NOT_EVENT_MINORITY = 0.25  # ... nor are non-event readings this unsure together, whatever the best single label
SURE_CUE = 1.0  # a cue's score that no reading of the clause as a non-event overrules (armed men on civilians)
OWN_VERB_NOT_EVENT_MAX = 0.85  # the report's own verb (agreed, withdrew, set up a base) stands unless surer of no event


# cues that name the fact that sets the type apart (the crowd's violence, lethal force on a crowd, a weapon found
# before use, a place retaken by rebels, a place taken once the other side had left): like a named weapon, only a
# sure reading overrules them
DECISIVE_CUES = {"Violent demonstration", "Excessive force against protesters", "Disrupted weapons use",
                 "Non-state actor overtakes territory", "Government regains territory", "Non-violent transfer of territory"}


def decide(rule_kinds: list[EventType], guess: TypeGuess | None, length: int) -> list[EventType]:
    """Combine the cue rules and the classifier's reading of one clause into the events it reports."""
    if guess is None:
        return rule_kinds
    whole = (0, length)
    weapon = any(k.specific and (k.event_type == "Explosions/Remote violence" or k.sub_event_type in DECISIVE_CUES
                                 or k.score >= SURE_CUE) for k in rule_kinds)
    if guess.no_event_probability >= (NOT_EVENT_WITH_WEAPON_MIN if weapon else NOT_EVENT_MIN):
        return []
    if not guess.is_event:
        if any(k.score >= SURE_CUE for k in rule_kinds) or any(k.specific for k in rule_kinds) and (
                guess.probability < NO_OPINION_MAX or guess.no_event_probability < NOT_EVENT_MINORITY):
            # a reading spread thin over every label, or one whose non-event readings together are few, says
            # nothing against a cue
            return rule_kinds
        # the likeliest reading is "not an event": keep only cues the classifier finds plausible at all
        # (a generic cue's type is only a default: the classifier's unspecified reading speaks for it)
        return [k for k in rule_kinds if guess.score(k.sub_event_type if k.specific else None) >= PLAUSIBLE_MIN]
    if guess.label == UNSPECIFIED:
        if rule_kinds:
            return [replace(k, score=min(k.score, 0.3)) for k in rule_kinds]
        return [EventType(_UNSPECIFIED_TYPE, None, False, whole, 0.0)] if guess.probability >= MODEL_ONLY_MIN else []
    p = guess.probability
    model_kind = EventType(SUB_EVENT_PARENT[guess.label], guess.label, True, whole, p)
    if not rule_kinds:
        return [model_kind] if p >= MODEL_ONLY_MIN else []
    for kind in rule_kinds:
        if kind.sub_event_type == guess.label or refines(kind.sub_event_type, guess.label):
            return [replace(kind, score=0.8 + p / 5)]  # cue and classifier agree: the surest reading
    if not any(k.specific for k in rule_kinds) and model_kind.event_type == "Strategic developments" \
            and p < PLAUSIBLE_MIN:
        return []  # a word of violence ("claimed attacks on three bases") and an unsure reading of no violence: talk
    if any(k.score >= SURE_CUE and k.sub_event_type == "Disrupted weapons use" for k in rule_kinds):
        return rule_kinds  # weapons shot down never landed, however sure the reading of a strike they make
    if p >= (WEAPON_RETYPE_MIN if weapon else RETYPE_MIN) or not any(k.specific for k in rule_kinds) and (
            p >= GENERIC_TYPING_MIN or not any(k.sub_event_type for k in rule_kinds)):
        cue = next((k.cue for k in rule_kinds), whole)
        return [replace(model_kind, cue=cue)]
    # a named weapon beats an unsure reading (and a sure cue stays sure: the reading of a whole brief must not retype it)
    return [replace(k, score=k.score if k.score >= SURE_CUE else 0.55 if k.specific else 0.3) for k in rule_kinds]


_UNSPECIFIED_TYPE = "Explosions/Remote violence"


# "U.S. forces then struck three facilities": who struck says how, where the words do not
# ... with the day between ("the United States on Friday struck")
_WHEN_BETWEEN = (rf"(?:(?:early\s+|late\s+)?on\s+{WEEKDAY_NAMES}\s+|overnight\s+|(?:early|late)\s+{WEEKDAY_NAMES}\s+"
                 r"|yesterday\s+)?")
# (Israel's and Turkey's strikes on their neighbours are told the same way, and are as surely from the air)
_AIR_POWER_STRIKE = re.compile(
    r"\b(?:(?:U\.S\.|US|American|United States|coalition|Coalition|Israeli|Turkish)\s+(?:military\s+|armed\s+)?(?:forces|"
    r"troops|military|aircraft|warplanes|jets|fighter jets|drones?|bombers)|(?:the\s+)?United States|Israel|Turkey)\s+"
    + _WHEN_BETWEEN +
    r"(?:then\s+|also\s+|later\s+|have\s+|had\s+|again\s+)*"
    r"(?:struck|hit|bombed|targeted|pounded|launched (?:air ?)?strikes|carried out (?:air ?)?strikes|conducted (?:air ?)?strikes)\b"
)


def _strike_by_air_power(text: str) -> list[EventType]:
    m = _AIR_POWER_STRIKE.search(text)
    return [EventType("Explosions/Remote violence", "Air/drone strike", True, m.span(), 0.8)] if m else []


# a fight told as what followed the attack before it: part of that event, not one of its own
_ENSUING = re.compile(r"\b(?:ensuing|subsequent|resulting|following)\s+(?:heavy\s+|fierce\s+)?$", re.IGNORECASE)
_TOLL_WORDS = re.compile(r"killed|killing|wounded|injured|injuring|casualties", re.IGNORECASE)
_NOBODY_HARMED = re.compile(r"\W*(?:no one|nobody|none)\s+(?:was|were|has been|had been|have been)\s+(?:\w+\s+)?"
                            r"(?:killed|wounded|injured|hurt)\b|\W*there were no (?:casualties|deaths|injuries)\b",
                            re.IGNORECASE)


_TERRITORY_TYPES = ("Government regains territory", "Non-state actor overtakes territory")
# the words of ground taken or lost, without which no reading is a change of territory
_TOOK_GROUND = _rx(r"captur", r"seiz", r"(?:took|taken|taking|take|takes|gained|gaining|wrested|regained|retook|retak\w*|assumed) "
                   r"(?:\w+ ){0,2}control", r"control of", r"overr[au]n", r"retook", r"retak", r"recaptur", r"regain",
                   r"liberat", r"gained ground", r"advanc", r"entered", r"\bfell\b", r"fall of", r"withdr[ae]w", r"pulled out",
                   r"drove\b", r"pushed\b", r"expelled", r"ousted", r"flushed", r"cleared", r"freed", r"took back", r"taken back",
                   r"handed over", r"handover", r"occup", r"held\b", r"holds?\b", r"lost\b", r"abandon", r"territor")
_STATE_SIDE = re.compile(r"\b(?:government|army|troops|military|soldiers|security forces|regime|armed forces|forces|police|"
                         r"gendarmes|national guard|brigade|division|battalion|units?)\b", re.IGNORECASE)
_NON_STATE_SIDE = re.compile(r"\b(?:rebels?|insurgents?|militants?|opposition|jihadists?|guerrillas?|militias?|separatists?|"
                             r"fighters|isis|isil|islamic state|taliban|houthis?|al-shabaab?|boko haram|terrorists?|"
                             r"armed groups?|mujahideen)\b", re.IGNORECASE)


_A_GROUP_NAMED_ARMY = re.compile(r"\b(?-i:[A-Z][\w'’-]+) Army\b")


def _taken_by(kind: EventType, sentence: Sentence, cue: int) -> EventType:
    """Who took the place, read from the parse: the subject of the verb that tells it (or the "by" of a passive).
    A state force's taking is "government regains", anyone else's "non-state actor overtakes"."""
    verb = sentence.verb_at(cue)
    if verb is None:
        return kind
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "agent")), None)
    if subject is None:
        return kind
    # the words that name the subject: its head noun and the words on it ("rebel forces", "government fighters"),
    # not what is joined to it ("the army and allied militias" is the army); a modifier names the side first
    modifiers = " ".join(c.text for c in subject.children if c.dep_ in ("compound", "amod", "nmod", "poss"))
    if _NON_STATE_SIDE.fullmatch(subject.text) and _A_GROUP_NAMED_ARMY.search(
            " ".join(t.text for t in subject.subtree if t.i < subject.i)):
        modifiers = ""  # "the White Army militia", "Arakan Army fighters": a group's name, not the state's army
    if _STATE_SIDE.search(modifiers):
        sub = "Government regains territory"
    elif _NON_STATE_SIDE.search(modifiers) or _NON_STATE_SIDE.search(subject.text):
        sub = "Non-state actor overtakes territory"
    elif _STATE_SIDE.search(subject.text):
        sub = "Government regains territory"
    else:
        return kind
    # who took it is a fact of the parse, not a reading: the whole report's reading does not retype it
    return replace(kind, event_type="Battles", sub_event_type=sub, score=max(kind.score, 0.9))


def describes_a_role(sentence: Sentence, cue: int) -> bool:
    """True when the cue only says what someone does in general: "troops who advise forces fighting
    the Islamic State group", "partners battling insurgents" (a participle describing a noun)."""
    token = sentence.token_at(cue)
    return token is not None and token.tag_ == "VBG" and token.dep_ == "acl"


@component("events")
def detect_events() -> object:
    from .classifier import event_typer, typing_kind

    use_model = typing_kind() != "rules"
    typers = {brief: event_typer(brief=brief) for brief in (False, True)} if use_model else None

    def pieces_of(state: DocState) -> tuple[list[tuple[Sentence, int, int]], list[str]]:
        pieces: list[tuple[Sentence, int, int]] = []
        for sentence in state.sentences:
            text = state.text[sentence.start : sentence.end]
            for c_start, c_end in clauses(text, sentence.span):
                pieces.append((sentence, c_start, c_end))
        return pieces, [state.text[s.start + a : s.start + b] for s, a, b in pieces]

    def read(texts: list[str], brief: bool, briefs: list[str]) -> tuple[list[TypeGuess | None], list[TypeGuess]]:
        """Every clause's reading and every brief report's, in one call to the classifier for the kind of
        report. In a brief report a clause's reported content is read too, and wins where it reads as less of
        a statement: a news brief wraps what happened in who said it, while in a long report (an interview, a
        speech) what is said is more often talk."""
        if typers is None:
            return [None] * len(texts), []
        typer = typers[brief]
        contents = [(i, text[a:b]) for i, text in enumerate(texts)
                    if brief and (span := reported_content(text)) for a, b in [span]]
        # (what a clause tells of other times is not read: "and rescued 23 kidnapped women" tells no abduction)
        guesses = typer.guess([as_read(t) for t in texts + [c for _, c in contents] + briefs])
        clause_guesses: list[TypeGuess | None] = list(guesses[: len(texts)])
        for (i, _), content_guess in zip(contents, guesses[len(texts) : len(texts) + len(contents)], strict=True):
            framed = clause_guesses[i]
            if framed is not None and content_guess.no_event_probability < framed.no_event_probability:
                clause_guesses[i] = content_guess
        return clause_guesses, list(guesses[len(texts) + len(contents) :])

    def prepare(states: list[DocState]) -> None:
        """Classify every clause of a batch of documents in one call per model (much faster than one per document)."""
        if typers is None:
            return
        for brief in (False, True):
            group = [state for state in states if is_brief(state) == brief]
            found = [pieces_of(state) for state in group]
            guesses, brief_read = read([text for _, texts in found for text in texts], brief,
                                       [state.text.strip() for state in group] if brief else [])
            wholes = iter(brief_read)
            at = 0
            for state, (pieces, texts) in zip(group, found, strict=True):
                state.prepared["events"] = (pieces, texts, guesses[at : at + len(texts)], next(wholes, None))
                at += len(texts)

    def run(state: DocState) -> None:
        if "events" in state.prepared:
            pieces, texts, guesses, whole = state.prepared.pop("events")
        else:
            pieces, texts = pieces_of(state)
            guesses, brief_read = read(texts, is_brief(state), [state.text.strip()] if is_brief(state) else [])
            whole = brief_read[0] if brief_read else None
        accident_told = False
        claimed = owned_up(state.text)
        readings = list(zip(pieces, texts, guesses, strict=True))
        summaries = [(piece, text, guess) for piece, text, guess in readings if sums_up_events(text)]
        summed_at = {(sentence.start + c_start, sentence.start + c_end) for (sentence, c_start, c_end), _, _ in summaries}
        for (sentence, c_start, c_end), text, guess in readings:
            accident_told = add_frames(state, sentence, c_start, c_end, text, guess, accident_told, claimed)
        # a sentence summing up several events ("herders killed eleven people in separate attacks") stands beside the
        # events it sums only as their total: where the report tells any of them on its own, the summary is no event
        # (nor its toll theirs) ...
        told_alone = [frame for frame in state.frames if frame.spans[0] not in summed_at]
        if told_alone:
            state.frames[:] = told_alone
        for (sentence, c_start, c_end), text, guess in summaries:
            if state.frames:
                break
            # ... and where it tells none, the summary is all the report says of them: one event
            add_frames(state, sentence, c_start, c_end, text, guess, accident_told, claimed, summary_told=True)
        if whole is not None:
            read_brief_whole(state, pieces, guesses, whole, claimed)
        _kept_the_peace(state)
        _scene_of_the_violence(state)

    def add_frames(state: DocState, sentence: Sentence, c_start: int, c_end: int, text: str, guess: TypeGuess | None,
                   accident_told: bool, claimed: bool, summary_told: bool = False) -> bool:
        """Add the events one clause tells; returns whether an accident has been told by now. `claimed`: the
        report says someone owned up to an act (see `owned_up`)."""
        if tells_no_happening(text):
            return accident_told  # a clause that denies, fears, orders or asks for an act tells none, however it is read
        if (_CROWD_HARMED.match(text) and any(f.mention.event_type == "Protests" for f in state.frames)
                or _PROTEST_TOLL.match(text) and any(f.mention.event_type in ("Protests", "Riots") for f in state.frames)):
            return accident_told  # "Several protesters were injured.": the toll of the protest told before
        if _TOLL_ROSE.match(text) and state.frames:
            return accident_told  # "The death toll rose to 26 on Wednesday": a new figure of the event told before
        rule_kinds = classify_sentence(text, summary_told)
        accident_told = accident_told or any(tells_an_accident(k, text) for k in rule_kinds)
        if accident_told or any(f.mention.sub_event_type in _FROM_AFAR for f in state.frames):
            # "the blasts could be heard across the bay" after a fire at a refinery set them off: the same accident;
            # "Explosions were reported in Tehran" after the strikes on Iran: the strikes' own blasts
            rule_kinds = [k for k in rule_kinds if not _a_blast_told_again(k, text)]
        if not rule_kinds and guess is not None and guess.label == UNSPECIFIED and talks_about_events(text, summary_told):
            return accident_told  # "the third attack on the base this week": violence counted or compared, no kind told
        kinds = decide(rule_kinds, guess, len(text))
        if any(force_without_protesters(k.sub_event_type, state.text) for k in kinds) \
                and any(k.specific for k in rule_kinds):
            # "a gunman opened fire at a market ..., before he was overpowered by the crowd": force on protesters
            # needs protesters; the cues' own reading stands
            kinds = [k for k in kinds if k.sub_event_type != _EXCESSIVE_FORCE] or rule_kinds
        if (kinds and all(k.sub_event_type in _HARMLESS_TYPES for k in kinds) and rule_kinds
                and _KILLED_IN_IT.search(text)) or _deaths_in_a_walkout(kinds, rule_kinds, text):
            kinds = _a_killing_kind(rule_kinds, guess, len(text))
        elif _captive_killed(kinds, rule_kinds, text):
            kinds = [EventType("Violence against civilians", "Attack", True, rule_kinds[0].cue, kinds[0].score)]
        if not kinds and claimed and guess is not None and (guess.label == "No event: crime" or guess.label
                                                            == "No event: disaster" and _A_DAY_OF_ITS_OWN.search(text)):
            # "Two police officers were shot dead ... The Pakistani Taliban claimed responsibility.": a killing
            # read as a crime, owned up to as an act of war (and explosions owned up to are no accident: "Islamic
            # State claimed responsibility the next day" for two blasts at a memorial)
            kinds = [replace(k, score=min(k.score, 0.55)) for k in rule_kinds if k.specific]
        kinds = protests_held(kinds, rule_kinds, text)
        if (crowd := _A_CROWD_DESTROYED.search(text)) is not None and any(
                k.sub_event_type == "Looting/property destruction" for k in kinds):
            # "Demonstrators looted shops and set fire to businesses": ACLED's riot, not looting by an armed actor
            riot = EventType("Riots", "Mob violence" if crowd.group("mob") else "Violent demonstration", True,
                             crowd.span())
            kinds = [riot if k.sub_event_type == "Looting/property destruction" else k for k in kinds]
        if any(k.sub_event_type in _TERRITORY_TYPES for k in kinds) and (
                not _TOOK_GROUND.search(text) or _ORDER_RESTORED.search(text)):
            # "fighters stormed an army base": a fight for it, not a place taken, unless the clause says so (and
            # a prison or a building retaken from rioters is order restored, no ground: "guards regained control of
            # the penitentiary")
            kinds = [k for k in kinds if k.sub_event_type not in _TERRITORY_TYPES] or [
                k for k in rule_kinds if k.sub_event_type not in _TERRITORY_TYPES]
        if not kinds and rule_kinds and (condemns_an_act(text) or guess is not None
                                         and guess.label in _TALK_READINGS and (tells_a_dated_harm(text)
                                                                                 or tells_harm_by(rule_kinds, text))):
            kinds = [_typed_by_its_likeliest(replace(k, score=min(k.score, 0.55)), guess) for k in rule_kinds]
        if not kinds and (guess is None or guess.no_event_probability < OWN_VERB_NOT_EVENT_MAX):
            kinds = own_verb_kinds(text)
        if not kinds and rule_kinds and (guess is None or guess.no_event_probability < NOT_EVENT_WITH_WEAPON_MIN):
            kinds = _strike_by_air_power(text)  # who struck names the weapon, as a named weapon would
        for kind in kinds:
            if ruled_out(kind, text):
                continue
            kind = _fight_with_an_armed_group(kind, text)
            span = (sentence.start + c_start, sentence.start + c_end)
            cue = (span[0] + kind.cue[0], span[0] + kind.cue[1])
            if kind.cue != (0, len(text)) and describes_a_role(sentence, cue[0]):
                continue
            if kind.sub_event_type in _TERRITORY_TYPES:
                kind = _taken_by(kind, sentence, cue[0])
            if state.frames and _FOUGHT_OFF_THE.match(state.text, cue[0]):
                continue  # "Troops beat back the raid, killing six of the gunmen": the defenders' side of the attack told
                # before, its toll that attack's
            toll_only = bool(rule_kinds) and all(
                not k.specific and _TOLL_WORDS.fullmatch(text[k.cue[0] : k.cue[1]]) for k in rule_kinds)
            if toll_only and _NOBODY_HARMED.match(text):
                continue  # "No one was killed.": the toll of the event before it, told as none; no happening
            frame = _new_frame(state, sentence, span, cue, kind)
            frame.toll_only = toll_only
            if _ENSUING.search(state.text, max(0, cue[0] - 30), cue[0]):
                frame.specific = False  # "killed in the ensuing clash": the fight the attack told before led to
            state.frames.append(frame)
        return accident_told

    run.prepare = prepare  # type: ignore[attr-defined]
    return run


# A brief report (a news snippet, a wire summary) is read whole as well as clause by clause: what a
# clause leaves unsaid ("the weapons were seized", "the army handed over the base"), the report as
# a whole may tell plainly.
BRIEF_MAX_CHARS = 800
BRIEF_MAX_SENTENCES = 4
BRIEF_EVENT_MIN = 0.30  # the whole report's reading this sure makes an event where no clause did
BRIEF_RETYPE_MIN = 0.50  # ... and this sure retypes a single event whose clause reading differs
# ... and a whole report read this surely as a disaster or a crime tells no political violence, whatever its
# clauses name ("a blast at a chemical plant", "a plane crash", "two robbers were shot by police")
BRIEF_NOT_VIOLENCE_MIN = 0.60


def is_brief(state: DocState) -> bool:
    return len(state.text.strip()) <= BRIEF_MAX_CHARS and len(state.sentences) <= BRIEF_MAX_SENTENCES


def read_brief_whole(state: DocState, pieces: list[tuple[Sentence, int, int]], guesses: list[TypeGuess | None],
                     whole: TypeGuess, claimed: bool = False) -> None:
    """Let the reading of a whole brief report add the event no clause found, or type its one event (a report of
    an act someone `claimed` is never read as a crime or a disaster)."""
    label = whole.label
    if label in ("No event: disaster", "No event: crime") and not claimed \
            and whole.no_event_probability >= BRIEF_NOT_VIOLENCE_MIN:
        # ... but a crowd that gathers over a crime or a disaster still protests, and armed men who attack a whole
        # town are no robbers ("police repelled an attack by gang members on the town of Arcahaie")
        # (nor are those who hold public office, killed as what they are: "two embassy staff members were shot dead")
        state.frames[:] = [frame for frame in state.frames if frame.mention.event_type == "Protests"
                           or any(_ON_A_WHOLE_PLACE.search(state.text, a, b) or _PUBLIC_OFFICE.search(state.text, a, b)
                                  for a, b in frame.spans)]
        return
    if label == UNSPECIFIED and not whole.runner_up.startswith("No event"):
        label = whole.runner_up
    if label.startswith("No event") or label == UNSPECIFIED or whole.no_event_probability >= NOT_EVENT_MIN:
        return
    if label in _TERRITORY_TYPES and _ORDER_RESTORED.search(state.text):
        return  # a prison retaken from rioters is order restored, no ground taken, however the report reads
    p = whole.score(label)
    if not state.frames:
        if p < BRIEF_EVENT_MIN or not pieces:
            return
        # the clause that tells it best carries the event
        best = max(range(len(pieces)), key=lambda i: guesses[i].score(label) if guesses[i] is not None else 0.0)
        sentence, c_start, c_end = pieces[best]
        span = (sentence.start + c_start, sentence.start + c_end)
        kind = EventType(SUB_EVENT_PARENT[label], label, True, (0, c_end - c_start), p)
        clause = state.text[span[0] : span[1]]
        if tells_no_happening(clause) or ruled_out(kind, clause):
            return  # the whole report's reading obeys what its clauses say: "a contract to supply artillery shells"
        if kind.event_type == "Protests" and (not tells_a_crowd(state.text) or protest_to_come(clause)
                                              or a_gathering_to_remember(state.text)):
            return  # ... and a protest needs protesters, and one still to come (or a memorial) is none yet
        state.frames.append(_new_frame(state, sentence, span, span, kind))
        return
    subs = {frame.mention.sub_event_type for frame in state.frames}
    # who used force at a protest (the crowd, or the state on the crowd) is a fact the cue names and a reading of
    # the whole report cannot weigh: it gives way only to a sure reading, as in `decide`
    crowd_force = any(frame.specific and frame.mention.sub_event_type in _FORCE_AT_A_PROTEST for frame in state.frames)
    needed = max(BRIEF_RETYPE_MIN, WEAPON_RETYPE_MIN) if crowd_force else BRIEF_RETYPE_MIN
    if force_without_protesters(label, state.text):
        return
    if len(subs) == 1 and label not in subs and p >= needed and not any(refines(s, label) for s in subs):
        for frame in state.frames:
            if frame.type_score < 0.8:  # a cue the clause reading agreed with stays
                frame.mention.event_type = SUB_EVENT_PARENT[label]
                frame.mention.sub_event_type = label
                frame.type_score = p


def _new_frame(
    state: DocState, sentence: Sentence, span: tuple[int, int], cue_span: tuple[int, int], kind: EventType
) -> Frame:
    mention = EventMention(doc_id=state.document.id, event_type=kind.event_type, sub_event_type=kind.sub_event_type)
    cue = state.evidence(*cue_span)
    mention.cite("event_type", cue)
    if kind.sub_event_type:
        mention.cite("sub_event_type", cue)
    mention.trigger = state.evidence(*span)
    return Frame(mention=mention, sentences=[sentence], spans=[span], trigger=cue, specific=kind.specific,
                 type_score=kind.score)
