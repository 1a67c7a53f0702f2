"""Killed and injured counts of each event, with ranges for vague amounts and their evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from ..model import EventMention
from ..resolve.actors import canonical_actor
from ..resolve.dates import WEEKDAY_NAMES
from ..resolve.places import default_resolver
from .numbers import NUMBER, NUMBER_RE, Amount, parse_amount, word_value
from .pipeline import DocState, Frame, component
from .placing import ALSO, ANSWERED, document_place
from .roles import ATTACKERS, FIGHTING, doer_speaks

# ("martyred": how South Asian and Middle Eastern news tell its own side's dead)
# ("sent to hell": how Pakistan's military press office tells the militants it killed)
_KILLED = (r"(?:killed|dead|died|slain|murdered|assassinated|executed|massacred|lost (?:their|his|her) li(?:ves|fe)|perished|martyred|shot dead|beheaded|"
           r"sent to hell|deprived of (?:their |his |her )?li(?:fe|ves)|"
           r"lynched|(?:beaten|hacked|burned|burnt|stoned|stabbed|clubbed|bludgeoned|shot) to death)")
_INJURED = r"(?:wounded|injured|hurt|maimed)"
# the words between a number and its verb never cross another casualty verb ("Two died and nine were hurt")
# ... and "and" joins two kinds of victim only when no number follows ("seven soldiers and militia members")
# ... nor another figure ("a monitoring group said 19 fighters had been killed": the 19, not "a")
# ... nor a verb of speech: "A military officer said eight soldiers ... were killed" counts no officer
_WORDS = (r"(?:\s+(?!\d)(?!(?:or|were|was|had|have|are|is|said|says|told|added|confirmed|" + _KILLED[3:-1] + "|"
          + _INJURED[3:-1] + r")\b)"
          r"(?!and\s+(?:\d|an?\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
          r"several|dozens|many|some|scores|hundreds|at|about|nearly|more|up|were|was|have|had|are|is|all\s+(?:\d|\w+))\b)"
          r"[\w'’.-]+){0,5}?"
          # ... and the name of their force or town: "Five soldiers of the Armed Forces of the Philippines were killed"
          # ... or the body they worked for: "Seven aid workers from the charity World Central Kitchen were killed"
          r"(?:\s+(?:of|from)\s+(?:the\s+)?(?:(?-i:[a-z]+)\s+)?(?-i:[A-Z][\w'’.-]*)"
          # ... or of two forces: "Three personnel of the Border Security Force and the District Reserve Guard"
          r"(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?(?-i:[A-Z][\w'’.-]*)){0,8})?"
          # ... or where they serve: "Two Kenyan police officers deployed to Haiti were wounded"
          r"(?:\s+(?:deployed|stationed|serving|based)\s+(?:to|in)\s+(?-i:[A-Z])[\w'’.-]*)?")
# ... with how it happened between: "were seriously wounded", "were brutally murdered"
_BE = (r"(?:\s+(?:were|was|have been|has been|had been|are|is|got|being|reportedly|also|later|been|all|now|"
       r"already|had|have|has|[a-z]+ly|left|confirmed|reported|feared|believed(?: to have been)?|said to have been))*")
# who was among them, set off by commas: "Six people, including a child, died"
_AMONG_THEM = r"(?:,\s+(?:including|among them)\s+[^,;.]{1,40},)?"
_EFFECT = re.compile(
    r"\b(?P<num>" + NUMBER + r")(?P<who>" + _WORDS + r")" + _AMONG_THEM + _BE + r"(?:\s+(?:identified|found|surrounded|captured|"
    r"intercepted|shot|tortured|kidnapped|abducted|seized|stabbed|beaten)\s+and)?\s+(?P<kind>" + _KILLED + "|" + _INJURED + r")\b",
    re.IGNORECASE,
)
# a running count the event adds to: "bringing to 37 the number of candidates killed", "raising the total to 90"
# (not "raising the death toll to 90": the event's own toll, grown)
_RUNNING_TOTAL = re.compile(r"\b(?:bringing|brings|brought|raising|raises|raised|taking|takes|took)\s+"
                            r"(?:the\s+(?:overall\s+)?(?:number|total|tally|count)\s+"
                            r"(?:[^.;]{0,40}?\s)?)?to\s+(?:at\s+least\s+|more\s+than\s+|nearly\s+|some\s+|about\s+)?$",
                            re.IGNORECASE)
# the figure a toll rose from: "rose to 26 from 24", "up from 12"
_EARLIER_FIGURE = re.compile(r"\b(?:rose|risen|climbed|increased|jumped|grew|grown|up)\b[^.;:]{0,50}?\bfrom\s+$",
                             re.IGNORECASE)
_CAUSE = re.compile(
    r"\b(?P<kind>killing|killed|kills|martyring|leaving|left|wounding|wounded|injuring|injured|claimed the lives of|"
    r"executed|executing|massacred|shot dead|gunned down|beheaded|beheading|murdered|lynched|lynching|"
    # the act told with its means: "hacked to death 42 villagers", "shooting dead one man"
    r"(?:hacked|hacking|beat|beaten|beating|stabbed|stabbing|burned|burnt|burning|stoned|stoning|clubbed|clubbing|"
    r"bludgeoned|bludgeoning|shot|shooting) to death|shooting dead|gunning down)"
    # "killing the four assailants": the article before a count of people already named
    # ... or "all" before it: "killing all five attackers"
    r"\s+(?:(?:the|all(?:\s+the)?)\s+(?=(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s))?(?P<num>" + NUMBER + r")"
    r"(?P<who>" + _WORDS + r")"
    r"(?:\s+(?P<tail>dead|wounded|injured|killed))?\b",
    re.IGNORECASE,
)
# a military communique's word for the fighters it killed: "neutralised dozens of terrorists" (never bombs
# neutralised: the ones counted must be fighters)
_FIGHTERS = (r"(?:terrorists|militants|jihadists|fighters|insurgents|assailants|attackers|gunmen|bandits|rebels|combatants|"
             r"extremists|elements|operatives?|commanders?)")
_NEUTRALISED = re.compile(
    r"\b(?:neutrali[sz]|eliminat|liquidat)(?:ed|ing)[\"”’']?\s+(?:at least\s+|some\s+|about\s+|nearly\s+|more than\s+)?"
    r"(?P<num>" + NUMBER + r")(?P<who>\s+(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?" + _FIGHTERS + r")\b"
    # ... or told of them: "Twelve terrorists were eliminated"
    r"|\b(?P<num2>" + NUMBER + r")(?P<who2>\s+(?:[\w-]+\s+)?" + _FIGHTERS + r")\s+(?:were|have been|had been)\s+"
    r"(?:also\s+|later\s+)?(?:neutrali[sz]ed|eliminated|liquidated)\b",
    re.IGNORECASE,
)
# how bad the injuries were: "several non-serious injuries", "two minor injuries", "11 traumatic brain injuries"
_SEVERITY = (r"(?:\s+(?:minor|light|slight|superficial|serious|non-serious|critical|severe|moderate|grave|"
             r"life-threatening|non-life-threatening|traumatic|brain|shrapnel|gunshot|bullet|burn|head))")
_NOUN = re.compile(
    r"\b(?P<num>" + NUMBER + r")(?:\s+(?:people|persons|civilians|soldiers|troops))?" + _SEVERITY + r"{0,3}\s+"
    r"(?P<kind>dead|deaths|fatalities|killed|injuries|injured|wounded|casualties)\b",
    re.IGNORECASE,
)
_SUSTAINED = re.compile(
    r"\b(?P<num>" + NUMBER + r")(?P<who>" + _WORDS + r")\s+(?:sustained|suffered|received|(?:were|was)\s+(?:treated|"
    r"hospitali[sz]ed|admitted)\s+(?:to\s+(?:a\s+)?hospital\s+)?(?:for|with))\s+"
    r"(?:\w+\s+){0,3}(?P<kind>injuries|wounds)\b",
    re.IGNORECASE,
)
# the hurt told by where they were taken: "Five people were taken to hospital", "12 were hospitalised"
_TAKEN_TO_HOSPITAL = re.compile(
    r"\b(?P<num>" + NUMBER + r")(?P<who>" + _WORDS + r")\s+(?:were|was|had been|have been)\s+(?:(?:taken|rushed|admitted|"
    r"evacuated|airlifted)\s+to\s+(?:a\s+|the\s+|local\s+|nearby\s+)*hospitals?|hospitali[sz]ed)\b",
    re.IGNORECASE,
)
# the injuries told before the injured: "causing minor injuries to 20 U.S. personnel", "inflicting wounds on three"
_INJURIES_TO = re.compile(
    r"\b(?:causing|caused|inflicting|inflicted|leaving|left|resulting in)\s+(?:\w+\s+){0,2}?(?P<kind>injuries|wounds)"
    r"\s+(?:to|on|among)\s+(?P<num>" + NUMBER + r")(?P<who>" + _WORDS + r")",
    re.IGNORECASE,
)
# the dead counted by what is left of them: "the death toll rose to 17", "claimed 40 lives", "15 bodies were found"
# ("The death toll from Saturday's attack on a market in the town of X has risen to 107": what it is of may be long)
# (an abbreviation's stop may stand between: "the death toll from Friday's U.S. strikes rose to 16")
# ("the number of dead had risen to 12", "the number of people killed during the clashes had risen to nine": the toll by
# other words)
_DEATH_TOLL = re.compile(r"\b(?P<kind>death toll|number of (?:the\s+)?dead|number of (?:people\s+)?killed)\s+(?:(?:[^.;:!?]|(?-i:(?<=\b[A-Z])\.)){0,160}?\s)?(?:rose|risen|climbed|reached|hit|jumped|"
                         r"increased|stood|stands|was|is|of)\s+(?:to\s+|at\s+)?(?P<num>" + NUMBER + r")\b", re.IGNORECASE)
# ... or as a source reckons it: "residents put the toll at 12"
_TOLL_PUT_AT = re.compile(r"\b(?:put|puts|putting|placed|places)\s+the\s+(?P<kind>(?:death\s+)?toll)\s+at\s+(?P<num>"
                          + NUMBER + r")\b", re.IGNORECASE)
# ... or revised to a figure: "Iran lowered the death toll from Wednesday's bombings to 84"
_TOLL_REVISED = re.compile(r"\b(?:lowered|revised|raised|corrected|cut|reduced|updated)\s+the\s+(?P<kind>(?:death\s+)?toll)\s+"
                           r"(?:[^.;:!?]{0,80}?\s)?(?:down\s+|up\s+)?to\s+(?P<num>" + NUMBER + r")\b", re.IGNORECASE)
_LIVES = re.compile(r"\b(?:claimed|cost|took)\s+(?P<num>" + NUMBER + r")\s+(?:\w+\s+)?(?P<kind>lives)\b", re.IGNORECASE)
_BODIES = re.compile(r"\b(?P<num>" + NUMBER + r")\s+(?:(?:more|other|charred|burned|burnt|mutilated|decomposed|decapitated|"
                     r"unidentified|dead|bullet-riddled)\s+)?(?P<kind>bodies|corpses)\b(?!\s+of\s+water)", re.IGNORECASE)
_NTH_OF_ITS_KIND = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
                              r"latest|previous)\s+$", re.IGNORECASE)
# "the deaths of 42", "the murder of six monks and two cooks": the killing named by its noun (or the dead by what is
# left of them: "the bodies of 12 men were found")
_DEATH_OF = re.compile(r"\b(?P<kind>(?:deaths?|killings?|murders?|assassinations?|slayings?|massacre|bodies|corpses)\s+of)\s+"
                       r"(?P<num>" + NUMBER + r")(?P<who>" + _WORDS + r")\b", re.IGNORECASE)
_NONE = re.compile(
    r"\b(?:no|without|did not cause any|caused no)\s+(?:\w+\s+)?(?P<kind>casualties|injuries|deaths|fatalities)\b|"
    r"\b(?:no one|nobody|none(?: of (?:them|the \w+))?)\s+(?:\w+\s+)?(?:was|were)\s+(?:\w+\s+)?"
    r"(?P<kind2>killed|hurt|injured|wounded)\b",
    re.IGNORECASE,
)
# "Twelve people, including three guards and nine raiders, were killed", "two men, a guard and a cook, were
# hurt": the total before the groups that make it up
_INCLUDING = re.compile(
    r"\b(?P<num>" + NUMBER + r")(?:(?:\s+[\w'’-]+){0,3}?,\s+including\b[^.;]{0,160}?|(?:\s+[\w'’-]+){1,3}?,\s+"
    r"(?=(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s)[^.;,]{1,80}?),\s+(?:were|was|have been|had been)\s+"
    r"(?:\w+\s+){0,2}?(?P<kind>" + _KILLED + "|" + _INJURED + r")\b",
    re.IGNORECASE,
)
_BESIDES = re.compile(
    r"\b(?:in addition to|besides|aside from(?: the deaths? of)?|apart from)\s+(?:the\s+)?(?P<num>two|three|four|five|\d+)?\s*"
    r"(?P<who>(?:suicide\s+)?(?:bombers?|assailants?|attackers?|perpetrators?|gunm[ae]n))\b",
    re.IGNORECASE,
)
# ... unless they stand between commas after a total: "Nine people, including two guards and seven gunmen, were
# killed", "two men, a guard and a cook, were hurt"
_APPOSITION = re.compile(r"\b" + NUMBER + r"(?:\s+[\w'’-]+){0,3}?,\s+(?:including\s+(?:the\s+)?)?$", re.IGNORECASE)
# "One officer and two assailants were killed": groups joined by "and" add up
# (a stray comma before the verb does not split the subject: "Two guards and three gunmen, were killed")
# ("Eight soldiers and all ten attackers were killed": all of the second group)
_JOINT = re.compile(
    r"\b(?P<num>" + NUMBER + r")" + _WORDS + r"(?:(?:,\s+|,?\s+and\s+)(?:all\s+)?(?:" + NUMBER + r")" + _WORDS + r")+"
    + r"(?P<closed>,(?=\s+(?:were|have been|had been)\b))?" + _BE + r"\s+(?P<kind>" + _KILLED + "|" + _INJURED + r")\b",
    re.IGNORECASE,
)
# a person's name, with the particles Arabic and Spanish names carry ("Hamid al-Dulaimi", "Maria de la Cruz")
_PERSON_NAME = (r"[A-Z][\w'’.-]+(?:\s+(?:(?:al|el|bin|ibn|abu|de|del|da|la|van|von)[-\s]+)?[A-Z][\w'’.-]+){0,3}"
                r"|[A-Z][\w'’.-]+\s+(?:al|el)-[A-Z][\w'’-]+")
# "The mayor was killed", "The sheikh, a council member, was killed", "another was injured", "killing him": one person
_SINGLE = re.compile(
    r"(?:\b(?P<who>(?:[Tt]he|[Aa]nother|[Aa]n?)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,3}?|" + _PERSON_NAME +
    r"|another)(?:,\s+(?:an?|the)\s+[^,.;]{1,80},|,\s+\d{1,3},(?:\s+(?:of|from)\s+[^,.;]{1,40},(?:\s+[A-Z][^,.;]{1,30},)?)?)?\s+(?:was\s+(?:also\s+|later\s+|reportedly\s+)?(?:shot\s+and\s+)?"
    r"(?P<kind>" + _KILLED + "|" + _INJURED + r")\b|died\b))"
    r"|(?:\b(?P<title>[A-Z][\w'’.-]+)\s+(?:al-|el-|bin\s+)?[A-Z][\w'’-]+\s+(?P<kind3>died)\b)"
    r"|(?:\b(?P<kind2>killing|wounding|injuring|killed|beheaded|executed|shot dead)\s+(?:him|her|(?:him|her)self|the\s+(?:suicide\s+)?"
    r"(?:assailant|bomber|attacker|gunman|driver))\b)"
)
# one more, told with the verb left out: "Two engineers were killed and another wounded"
_AND_ONE_MORE_HURT = re.compile(r"\band\s+(?:another|a\s+(?:third|fourth|fifth))(?:\s+one)?\s+(?P<kind>wounded|injured|hurt)\b",
                                re.IGNORECASE)
# one person, told by a pronoun, who died of the harm done: "He died of his injuries later that day"
_DIED_OF_WOUNDS = re.compile(r"\b(?:he|she)\s+(?:later\s+|subsequently\s+|also\s+)?(?:died|succumbed)\s+(?:of|from|to)\s+"
                             r"(?:his|her)\s+(?:injuries|wounds|burns)\b", re.IGNORECASE)
_ONE_WAS_KILLED = re.compile(
    r"\b(?:was|has been)\s+(?:also\s+|later\s+|reportedly\s+|allegedly\s+)?(?:shot\s+and\s+)?"
    r"(?:(?P<killed>killed|murdered|assassinated|slain|executed|martyred|shot dead|gunned down|beheaded|stabbed to death|"
    r"shot to death|found dead|found beheaded)|(?:(?:seriously|severely|slightly|lightly|critically|badly|gravely)\s+)?(?P<injured>wounded|injured|"
    # ("was shot in the ear": hit, and alive)
    r"hurt|shot\s+in\s+the\s+(?:ear|leg|legs|arm|arms|shoulder|hand|foot|back|chest|stomach|neck|thigh)))\b",
    re.IGNORECASE)
# ... but not when nobody, or a thing, is the subject ("no one was killed", "the plan was killed off")
# ("had been" says nothing of how many: "no civilians had been killed")
_NOT_A_VICTIM = re.compile(r"\b(?:no one|nobody|none|no|any|anyone|anybody|plan|deal|bill|proposal|project|talks|idea|motion|engine|"
                           r"it|which|that|what)\s*(?:\w+\s+){0,1}$", re.IGNORECASE)
# who goes with a person: a relative, a guard, a driver
_COMPANIONS = (r"husband|wife|son|daughter|brother|sister|father|mother|driver|bodyguard|guard|cousin|nephew|uncle|child|"
               r"companion|aide|translator|interpreter|escort|pilot|cameraman")
# "The candidate and her brother were killed": a named person and a relative or guard, two people
# ("A two-year-old girl and her mother later died of their injuries": the two, dead of the harm done)
_PAIR = re.compile(
    r"\b(?:(?:[Tt]he|[Aa]n?)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,2}?|" + _PERSON_NAME + r")(?:,\s+[^,.;]{1,80},)?\s+and\s+"
    r"(?:his|her|their)\s+(?:\w+\s+)?(?P<rel>" + _COMPANIONS + r")\s+(?:(?:were|have been|had been)\s+"
    r"(?:also\s+)?(?P<kind>" + _KILLED + "|" + _INJURED + r")|(?:later\s+|also\s+|both\s+|subsequently\s+)?"
    r"(?:died|succumbed))\b"
)
# a couple counted as one by its article: "killing an elderly couple", "A young couple were wounded" (two people)
_A_COUPLE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?couple\b", re.IGNORECASE)
_NUMBER_WORD_START = r"(?i)(?:one|two|three|four|five|six|seven|eight|nine|ten|\d|several|many|some|all|both)\b"
# "killing the assailant and 13 civilians", "Hassan, the mayor, and two of his guards were killed":
# one named or singled-out victim besides the counted ones
_ONE_AND_MORE = re.compile(
    r"\b(?:(?P<verb>killing|killed)\s+(?:the|an?)\s+(?:suicide\s+)?(?:assailant|bomber|attacker|gunman|driver|"
    r"officer|soldier|guard|man|woman|minister|commander|official|leader|chief|governor|mayor|judge|imam|journalist)"
    # ... told with what he was and his name: "killing the minister for refugees, Khalil Haqqani, and five others"
    r"(?:\s+(?:for|of)\s+[\w-]+)?(?:,\s+[A-Z][^,.;]{1,40},)?|[A-Z][\w'’-]+(?:\s+(?:al-)?[A-Z][\w'’-]+){0,2},\s+(?:an?|the)\s+[^,.;]{1,60},)"
    r"\s+and\s+(?P<num>(?:at least\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\b"
    r"(?P<rest>[^.;]{0,60}?)(?P<kind>" + _KILLED + "|" + _INJURED + r")?\b(?=[^.;]*|$)"
)
# "killed a senior commander of the militia and another member of the group": two people
_AND_ANOTHER = re.compile(
    r"\b(?:killed|killing|wounded|wounding|injured|injuring)\s+(?:an?\s+|the\s+)?[^.;]{1,80}?\s+and\s+another\s+"
    r"(?:member|fighter|man|woman|person|official|commander|militant|soldier|guard|civilian|officer)\b",
    re.IGNORECASE,
)
# "... was killed along with three of his bodyguards": the named victim and the others
_ALONG_WITH = re.compile(
    r"\b(?P<kind>" + _KILLED + "|" + _INJURED + r")\s+(?:\w+\s+){0,4}?(?:along|together)\s+with\s+(?P<num>"
    + NUMBER + r")\s+(?:of\s+(?:his|her|their)\s+)?(?:\w+\s+)?\w+",
    re.IGNORECASE,
)
_ROLES = (r"official|leader|commander|chief|officer|sheikh|mayor|judge|candidate|teacher|doctor|journalist|cleric|imam|"
          r"soldier|policeman|member|employee|elder|director|head|lawyer|activist|contractor|engineer|man|woman|boy|girl|"
          r"student|worker|farmer|shepherd|colonel|captain|major|lieutenant|general|brigadier|governor|headman|minister|"
          r"ambassador|councillor|councilor|priest|businessman|ruler|emir|king|chieftain")
# ... and a relative, singled out only with the others of the family: "a mother and her two children"
_KIN = r"mother|father|grandmother|grandfather|husband|wife|baby|infant"
# "killed the governor and four of his aides", "The mayor and two of his bodyguards were killed": one singled-out
# victim and a count of his own people
_ONE_AND_HIS = re.compile(
    r"\b(?:(?P<verb>killed|killing|wounded|wounding|injured|injuring|executed|murdered|kidnapped|abducted)\s+)?"
    r"(?:(?:the|an?)\s+(?:(?!(?:the|an?|and|killed|killing|wounded|wounding|injured|injuring)\b)[\w'’-]+\s+){0,3}?"
    r"(?:" + _ROLES + "|" + _KIN + r")|(?-i:[A-Z][a-z'’-]+(?:\s+(?:al-|al\s+|el-|bin\s+|ibn\s+|abu\s+)?[A-Z][\w'’-]+){1,3}))"
    # (the role's group may follow it: "a senior commander of the Harakat al-Nujaba militia and one of his aides")
    r"(?:\s+of\s+(?:the\s+)?(?!(?:them|those|these)\b)[\w'’-]+(?:\s+(?!and\b)[\w'’-]+){0,3})?"
    r"\s+and\s+(?:(?P<num>" + NUMBER + r")\s+of\s+(?:his|her|their)|(?:his|her|their)\s+"
    r"(?P<num2>two|three|four|five|six|seven|eight|nine|ten|\d{1,2}))\s+"
    r"(?:[\w'’-]+\s+)??[\w'’-]+(?:\s+(?:were|was|had been|have been)\s+(?:\w+\s+)?(?P<kind>" + _KILLED + "|" + _INJURED
    + r"))?\b",
    re.IGNORECASE,
)
# "killed Hamas deputy leader Saleh al-Arouri and six other members of the group": one named and the others
_ONE_AND_N_OTHERS = re.compile(
    r"\b(?P<kind>killed|killing|wounded|wounding|injured|injuring)\s+(?!(?:at least|more than|about|some|over)\b)"
    r"(?:(?:the|a|an)\s+(?:[\w'’-]+\s+){0,5}?[\w'’-]+|(?-i:[A-Z])[^,.;\d]{2,80}?)"
    # ... told with who they were: "killed Ibrahim Aqil, a senior Hezbollah commander, and at least 36 other people"
    r"(?:,\s+(?:a|an|the)\s+[^,.;\d]{2,80}?,)?\s+and\s+(?P<num>" + NUMBER + r")\s+others?\b",
    re.IGNORECASE,
)
# "Five engineers and their driver were killed": a group and one of theirs
_MANY_AND_THEIR_ONE = re.compile(
    r"\b(?P<num>" + NUMBER + r")\s+(?:[\w'’-]+\s+){0,2}?(?:[\w'’-]+s|personnel|staff)"
    # ... told with their force: "Eight personnel of the District Reserve Guard and their civilian driver"
    r"(?:\s+(?:of|from)\s+(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,4})?"
    r"\s+and\s+(?:his|her|their)\s+(?:[\w'’-]+\s+)?"
    r"(?:driver|guard|bodyguard|translator|interpreter|escort|pilot|guide|son|daughter|wife|husband|mother|father|"
    r"colleague|companion|cameraman)\s+(?:were|have been|had been)\s+(?:\w+ly\s+)?(?P<kind>" + _KILLED + "|" + _INJURED
    + r")\b",
    re.IGNORECASE,
)
# "Gunmen shot and killed Ahmed Saleh", "assassinated the mayor": one named victim
_NAMED_VICTIM = re.compile(
    r"\b(?:shot and killed|shot dead|gunned down|assassinated|killed|killing|murdered|beheaded|executed"
    # ... or the killing named: "an investigation into the killing of Faisal Ahmed"
    r"|(?:killing|murder|assassination|shooting death)\s+of"
    # ... or hurt: "wounded state Senator John Hoffman and his wife"
    r"|(?P<hurt>shot and wounded|wounded|wounding|injured|injuring))\s+"
    r"(?:(?:the|a|an)\s+(?:[a-z0-9][\w'’-]+\s+){0,3}?(?P<role>" + _ROLES + r")\b|(?:(?:[A-Z][a-z]+\s+)?(?:(?:state|former|opposition|local|city|district|provincial|municipal|village|"
    r"party|deputy|senior)\s+){1,2}(?:(?:councillor|mayor|governor|lawmaker|legislator|official|chief|leader|judge|"
    r"commander|candidate|activist|journalist)\s+)?"
    # ... or a trade before the name: "the killing of radio reporter Mohamed Ali"
    r"|(?:[a-z]+\s+){0,2}(?:reporter|journalist|photographer|cameraman|editor|presenter|broadcaster|lawyer|activist|"
    r"teacher|doctor|priest|pastor|imam|student)\s+)?"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s+(?:al-|al\s+|el-|"
    r"bin\s+|ibn\s+|abu\s+)?"
    r"[A-Z][\w'’-]+){1,3})\b(?!\s+(?:soldiers|troops|officers|members|personnel|policemen|fighters|forces|civilians|"
    r"people|militants|men|workers|pilgrims|insurgents|rebels|jihadists|gunmen|commanders|villagers|residents|"
    r"children|women|guards|police|policemen|servicemen|service\s+members)\b))"
)
# ... or one more singled out the same way: "killing the imam and a worshipper"
_AND_ONE_OTHER = re.compile(r"\s+and\s+(?:an?|one)\s+(?:[a-z-]+\s+)?(?:" + _ROLES + r"|worshipper|passer-by|guard|"
                            r"bodyguard|driver|civilian|child|villager|resident|neighbou?r)\b")
_REMEMBERED = re.compile(r"\b(?:marking|to mark|commemorating|to commemorate|anniversary of|(?:weeks|months|years)\s+since)"
                         r"\b[^.;]{0,80}$", re.IGNORECASE)
_ACRONYM_IN_BRACKETS = re.compile(r"(?<=\w)\s+\([A-Z][A-Za-z-]{1,10}\)(?=\s)")
_APPOSED_ONE = re.compile(r",\s+(?=(?:an?|the)\s)")
# "killed Ahmed Saleh and two of his guards": a count follows, which the other patterns read
_TAKEN_BY_NUMBER = re.compile(r"\s*(?:and|,)\s+(?:at least\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
                              r"several|many|dozens)\b", re.IGNORECASE)
# a number that is part of a date or a name ("Jan. 4", "Tower 22", "Route 1")
_NAMED_NUMBER = re.compile(
    r"\b[A-Z]{1,2}-$|"  # a road's number: "the N-40 highway", "the M-4"
    r"(?i:\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s*$|\b(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\s*$)|\b(?:Tower|Camp|Route|Highway|Road|Street|Gate|Checkpoint|Block|"
    r"Sector|Building|Post|Outpost|Base|Station|Brigade|Battalion|Division|Regiment|Squadron|Unit|Company|Flight|Km|"
    r"Kilometer|Article|Resolution|No\.?|Number)\s*$"
)
_WEAPON_WORD = re.compile(r"\b(?:drones?|missiles?|rockets?|bombs?|strikes?|airstrikes?|jets?|aircraft|gunships?|"
                          r"warplanes?|shells?|mortars?)\b", re.IGNORECASE)
_UNKNOWN_NUMBER = re.compile(r"^\s*unknown number\b", re.IGNORECASE)
# numbers that are not people: "two rockets", "a base", "three times"
_NOT_PEOPLE = re.compile(
    r"^\s*(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|rockets?|missiles?|drones?|bombs?|times?|days?|hours?|weeks?|months?|years?|km|kilometers|miles|"
    r"kilometres|meters|metres|gmt|local time|percent|kg|tons|"
    r"vehicles?|buildings?|houses?|homes?|bases?|targets?|facilities|sites?|attacks?|strikes?|rounds?)\b",
    re.IGNORECASE,
)


# one more group of victims after a count: " soldiers and two civilians", " commandos and a driver"
# ("eight soldiers and all ten attackers": the whole of the second group)
_AND_MORE = re.compile(r"(?:\s+[A-Za-z'’-]+){0,3}?(?:\s*,\s*|\s*,?\s+and\s+)(?:all\s+)?(?P<num>" + NUMBER + r")(?P<who>(?:\s+[A-Za-z'’-]+){1,2}?)",
                       re.IGNORECASE)
_ONE_AND_THEIR_OWN = re.compile(r"\s*(?:[\w'’-]+\s+){0,3}?and\s+(?:his|her)\s+(?:\w+\s+)?(?:" + _COMPANIONS + r")\s*$",
                                re.IGNORECASE)
_AND_THEIR_ONE = re.compile(r"(?:\s+[A-Za-z'’-]+){0,4}?\s+and\s+(?:their|his|her|its)\s+(?:[A-Za-z-]+\s+)?(?P<who>"
                            + _COMPANIONS + r")\b", re.IGNORECASE)
# ... but not "..., some seriously", "one of them", "five wounded" (another kind of count)
# (nor "14 migrants, some with gunshot wounds": what some of them bore)
_NO_GROUP = re.compile(r"\s*(?:of|them|with|bearing|showing|others?\s+(?:were|was)|[a-z]+ly|" + _KILLED[3:-1] + "|" + _INJURED[3:-1] + r")\b",
                       re.IGNORECASE)
# ... nor the one who tells it: "killed three herders, a local leader said"
# ("..., a doctor at the camp said")
_SPEAKER = re.compile(r"(?:\s+[A-Za-z'’-]+){1,5}?\s+(?:said|says|told|reported|added|confirmed)\b", re.IGNORECASE)
# "after an intense exchange of fire, six militants were killed": a happening, not a group of the dead
# ("In a separate incident in Maysan, a roadside bomb wounded two soldiers": nor are an incident and a bomb)
_A_HAPPENING = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+(?:exchange|fire|clash|battle|gunfight|firefight|fighting|attack|raid|"
                          r"operation|ambush|encounter|explosion|blast|incident|bomb|bombing|shelling|strike|device|mine|"
                          # ... or what is asked about one: "an inquiry into the killing of ..., a student shot dead"
                          r"inquiry|investigation|probe|appeal)\b",
                          re.IGNORECASE)
_VERB_BEFORE = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring)\s+$", re.IGNORECASE)
# "492 people were killed, including 35 children, and more than 1,600 were wounded": a group after "including" is
# part of the figure before it, not the first of a new list
_INCLUDED_IN_THE_LAST = re.compile(r"\b(?:including|among them)\s+$", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r"\s+(?:was|were|is|are|had|has|have)\b", re.IGNORECASE)
# a clause, not a person, before the verb: "the reason why it died", "the day when he was killed"
_NOT_A_PERSON_PHRASE = re.compile(r"\b(?:it|why|how|what|which|when|where|whose|if)\b", re.IGNORECASE)
# "<who> killed 14 people": the words before an active verb with a count after it did the killing
_DOES_THE_KILLING = re.compile(r"\s+" + NUMBER, re.IGNORECASE)
# ... or who it killed by name: "a man disguised as a police officer shot dead Minnesota state Representative Melissa
# Hortman" (a day or a month is no name: "a soldier shot dead Tuesday")
_KILLS_ONE_NAMED = re.compile(r"\s+(?!(?:" + WEEKDAY_NAMES + r"|January|February|March|April|May|June|July|August|September|"
                              r"October|November|December|In|On|At|Near|Outside|Inside|Late|Early|Last)\b)"
                              r"[A-Z][\w'’-]+\s+(?:[\w'’-]+\s+){0,3}?[A-Z][\w'’-]+\b")
_PASSIVE = re.compile(r"\b(?:were|was|been|being|are|is|got)\b", re.IGNORECASE)


# a bare number from 1900 to 2099 is a year ("the purges of 1975 and 1976 when militias killed"); counts of thousands
# take a comma
_A_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|these)", re.IGNORECASE)
_SOME_OF = re.compile(r"\b(?:" + NUMBER + r"|some|several|many|most|all|both|none)\s+of\s+$", re.IGNORECASE)
# ... with the casualty word as the noun ("of the wounded are"), not before one ("five of the murdered monks")
_NOUN_ENDS = re.compile(r"\s*(?:[.,;:)]|$|(?:are|were|is|was|remain|remained|had|have|has|died|in|at)\b)", re.IGNORECASE)


@dataclass
class Count:
    kind: str  # killed | injured | casualties
    amount: Amount
    start: int
    end: int
    who: str = ""  # the words after the number: whose deaths or injuries


_FAMILY_OF = re.compile(r"\s+(?:[\w-]+\s+)?(?:family|household|group)\s+of\s+(?P<num>" + NUMBER + r")\b", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _kind(word: str) -> str:
    word = word.lower()
    if re.fullmatch(_KILLED, word) or word.endswith(("to death", "dead", "down", "killed")) or word in {"killing", "lynching", "kills", "martyring", "beheading", "deaths", "fatalities", "death", "claimed the lives of",
                                               "death toll", "toll", "lives", "bodies", "corpses"}:
        return "killed"
    if word in {"casualties"}:
        return "casualties"
    return "injured"


# harm that did not happen: "would have killed", "could have been wounded" ("may" is also the month)
_UNREAL = re.compile(r"\b(?:would|could|might)(?:\s+not)?\s+(?:have\s+)?(?:been\s+)?(?:\w+\s+){0,1}?" + _KILLED[:-1] + "|"
                     + _INJURED[3:-1] + r"|killing|wounding|injuring)\b", re.IGNORECASE)
_WITHDRAWN = re.compile(r"\b(?:earlier|previous) versions? of this (?:story|article|report)\b[^.;]{0,40}?\b"
                        r"(?:said|stated|misstated|reported|gave)\b|\b(?:incorrectly|wrongly|mistakenly) (?:said|stated|"
                        r"reported)\b", re.IGNORECASE)
_NOBODY_AT_END = re.compile(r"\b(?:no one|nobody|none)\s*$", re.IGNORECASE)


# an act named as the one that killed, told with a time before the report's own: "the attack that killed three ... last
# month"
# (or a disaster a crowd marches over: "the collapse of a railway station canopy ... that killed 15 people last month")
_AN_EARLIER_ACT = re.compile(r"\b(?:attack|strike|bombing|blast|raid|assault|ambush|explosion|massacre|collapse|canopy|"
                             r"roof|fire|blaze|crash|accident|disaster|stampede|flood|earthquake)s?"
                             r"(?:\s+(?:in|at|on|near)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2})?\s+(?:that|which)\s+$",
                             re.IGNORECASE)
_TIME_BEFORE = re.compile(r"[^.;]{0,60}?\b(?:last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year)|in\s+(?:19|20)\d\d|"
                          r"(?:in|on)\s+(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|(?:months|years|weeks)\s+ago)",
                          re.IGNORECASE)
_NOT_TAKEN_HURT = re.compile(r"\b(?:bod(?:y|ies)|corpses?|remains|dead|killed)\b", re.IGNORECASE)


def _counting_people(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern`'s matches, where one whose number counts no people ("A day after three girls were stabbed to
    death": "a day") gives way to the next reading from after that number, not from after the whole match."""
    at = 0
    while m := pattern.search(text, at):
        if "who" in m.re.groupindex and m.group("who") and _NOT_PEOPLE.match(m.group("who")):
            at = m.end("num")
            continue
        yield m
        at = m.end()


# a word in scare quotes: 'were "neutralised"' reads as 'were  neutralised ' (the same length, the same offsets)
_SCARE_QUOTED = re.compile(r"[\"“]([A-Za-z-]+)[\"”]")


def find_counts(text: str) -> list[Count]:
    """Casualty counts stated in `text` (offsets relative to it)."""
    text = _SCARE_QUOTED.sub(lambda m: f" {m.group(1)} ", text)
    # (an acronym in brackets is read as blank, its length kept: "several volunteer fighters (VDP) were killed")
    text = _ACRONYM_IN_BRACKETS.sub(lambda m: " " * len(m.group()), text)
    counts: list[Count] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, phrase: str, num_span: tuple[int, int], span: tuple[int, int], who: str = "",
            also: tuple[tuple[int, int], ...] = ()) -> None:
        after = who or text[num_span[1] : num_span[1] + 40]
        if _NOT_PEOPLE.match(after) or who and (_WEAPON_WORD.search(who) or _NOBODY_AT_END.search(who)):
            return  # "two rockets", "a U.S. drone killed", "killed a day after", "a fire broke out but nobody was
            # hurt": the number counts no victims
        if _UNREAL.search(text, max(0, span[0] - 20), span[1]):
            return  # "the truck bomb could have killed hundreds": what did not happen has no victims
        if _RUNNING_TOTAL.search(text, max(0, num_span[0] - 60), num_span[0]):
            return  # "..., bringing to 37 the number of candidates killed this campaign": a running total
        if _AN_EARLIER_ACT.search(text, max(0, span[0] - 70), span[0]) and _TIME_BEFORE.match(text, span[1]):
            return  # "..., the militia blamed for the drone attack that killed three soldiers in Jordan last month":
            # the toll of another, earlier happening
        if _REMEMBERED.search(text, max(0, span[0] - 100), span[0]):
            return  # "a rally marking ten months since the collapse of a canopy that killed 16 people": what a
            # gathering remembers, long before
        if _WITHDRAWN.search(text, 0, span[0]):
            return  # "An earlier version of this story said 14 people were killed": a figure the report took back
        if _NAMED_NUMBER.search(text[max(0, num_span[0] - 14) : num_span[0]]):
            return  # "Jan. 4, a drone killed", "Tower 22 in Jordan": a date or a name, not a count
        if any(s <= num_span[0] < e for s, e in taken) or _A_YEAR_NUMBER.fullmatch(phrase.strip()):
            return
        amount = parse_amount(phrase)
        if amount == Amount(1, 1, 1) and _ONE_AND_THEIR_OWN.match(who):
            amount = Amount(2, 2, 2)  # "A two-year-old girl and her mother later died": the one and her own
        if _UNKNOWN_NUMBER.match(text[num_span[1] :]):
            amount = Amount(None, 1, None)  # "an unknown number of soldiers": some, how many is not said
        elif phrase.strip().lower() in ("a", "an") and (family := _FAMILY_OF.match(text, num_span[1])):
            amount = parse_amount(family.group("num"))  # "killed a family of five": five people
        if amount is None:
            return
        taken.append(num_span)
        taken.extend(also)
        counts.append(Count(kind, amount, span[0], span[1], who or text[num_span[1] : num_span[1] + 40]))

    for m in _ONE_AND_HIS.finditer(text):
        verb = m.group("kind") or m.group("verb")
        amount = parse_amount(m.group("num") or m.group("num2"))
        if verb is None or verb.lower() in ("kidnapped", "abducted") or amount is None:
            continue  # the taken are counted only as what the abduction's fate makes them
        taken.append(m.span())
        counts.append(Count(_kind(verb), amount + Amount(1, 1, 1), m.start(), m.end(), m.group()))
    for pattern in (_ONE_AND_N_OTHERS, _MANY_AND_THEIR_ONE):  # a group and one more: the count plus one
        for m in pattern.finditer(text):
            amount = parse_amount(m.group("num"))
            if amount is not None and not any(s <= m.start("num") < e for s, e in taken):
                taken.append(m.span())
                counts.append(Count(_kind(m.group("kind")), amount + Amount(1, 1, 1), m.start(), m.end(), m.group()))
    for m in _AND_ANOTHER.finditer(text):
        taken.append(m.span())
        counts.append(Count(_kind(m.group().split()[0]), Amount(2, 2, 2), m.start(), m.end(), m.group()))
    for m in _ONE_AND_MORE.finditer(text):
        amount = parse_amount(m.group("num"))
        if m.group("verb"):
            kind = "killed"
        else:
            tail = re.match(r"[^.;]*?\b(?:were|have been|had been)\s+(?P<k>" + _KILLED + "|" + _INJURED + r")\b",
                            text[m.end("num"):])
            if not tail:
                continue
            kind = _kind(tail.group("k"))
        if amount is not None and not any(s <= m.start("num") < e for s, e in taken):
            taken.append(m.span("num"))
            counts.append(Count(kind, amount + Amount(1, 1, 1), m.start(), m.end("num"), m.group()))
    at = 0
    while m := _JOINT.search(text, at):
        at = m.end()
        if _VERB_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "killed two soldiers and a civilian was wounded": the first group is the verb's object
        if m.group("closed") and ("," in text[m.start() : m.start("closed")]
                                  or _APPOSITION.search(text, max(0, m.start() - 60), m.start())):
            continue  # "Nine people, including two guards and seven gunmen, were killed": the groups make up the nine
        head = text[m.start() : m.start("kind")]
        parts = [p for p in NUMBER_RE.finditer(head) if p.group().strip()]
        amounts = [parse_amount(p.group()) for p in parts]
        if len(parts) < 2 or any(a is None for a in amounts) or any(s <= m.start() < e for s, e in taken):
            continue
        if _INCLUDED_IN_THE_LAST.search(text, max(0, m.start() - 16), m.start()) and not m.group("closed"):
            at = m.start() + parts[0].end()
            continue
        not_groups = [i for i, p in enumerate(parts)
                      if _A_YEAR_NUMBER.fullmatch(p.group().strip()) or _NOT_PEOPLE.match(head[p.end() :])
                      or p.group().strip().lower() in ("a", "an") and _A_HAPPENING.match(head, p.end())]
        if not_groups:
            # "at 0940 GMT, a guard and a driver", "in 1975 and 1976 when militias": a time or a year is not a
            # group; the groups after it are read again on their own
            at = m.start() + parts[not_groups[-1]].end()
            continue
        if _NAMED_NUMBER.search(text[max(0, m.start() - 14) : m.start()]):
            continue
        total = amounts[0]
        if len(amounts) == 2 and _BETWEEN.search(text, max(0, m.start() - 12), m.start()):
            # "Between 10 and 15 people were killed": a range, whose lower end is the conservative figure
            low, high = amounts
            total = Amount(low.low, low.low, high.high)
            amounts = []
        for more in amounts[1:]:
            total = total + more
        spans = tuple((m.start() + p.start(), m.start() + p.end()) for p in parts)
        taken.extend(spans)
        counts.append(Count(_kind(m.group("kind")), total, m.start(), m.end(), head))
    for m in (*_CAUSE.finditer(text), *_DEATH_OF.finditer(text)):
        kind = "killed" if m.re is _DEATH_OF else m.group("kind").lower()
        if m.re is _DEATH_OF and _NTH_OF_ITS_KIND.search(text, max(0, m.start() - 24), m.start()):
            continue  # "the third killing of a reporter this year": a count of such events, not one more dead
        if kind in ("leaving", "left"):
            if not m.group("tail"):
                continue
            kind = m.group("tail")
        add(_kind(kind), m.group("num"), m.span("num"), m.span(), m.group("who"))
        # "killing three soldiers and two civilians", "killed eight commandos and a driver": the groups add up
        at = m.end("num")
        while (more := _AND_MORE.match(text, at)) and not _NEW_CLAUSE.match(text, more.end()) \
                and not _NO_GROUP.match(more.group("who")) and not _SPEAKER.match(text, more.end("num")):
            add(_kind(kind), more.group("num"), more.span("num"), more.span(), more.group("who"))
            at = more.end()
        if (one := _AND_THEIR_ONE.match(text, at)) is not None:
            # "killing five of them and their Pakistani driver": one more, named by what he was to them
            add(_kind(kind), "one", one.span("who"), one.span(), one.group("who"))
    for m in _NEUTRALISED.finditer(text):
        number = "num" if m.group("num") else "num2"
        add("killed", m.group(number), m.span(number), m.span(), m.group("who") or m.group("who2"))
    for pattern in (_EFFECT, _SUSTAINED, _NOUN, _INJURIES_TO, _DEATH_TOLL, _TOLL_PUT_AT, _TOLL_REVISED, _LIVES, _BODIES):
        for m in _counting_people(pattern, text):
            if pattern is _EFFECT and (_DOES_THE_KILLING.match(text, m.end()) or _KILLS_ONE_NAMED.match(text, m.end())) \
                    and not _PASSIVE.search(text, m.end("who"), m.start("kind")):
                continue  # "two airstrikes on a block killed 14 people": who killed, not who died
            if pattern is _EFFECT and _PARTITIVE.fullmatch(m.group("who")) and _NOUN_ENDS.match(text, m.end()):
                continue  # "four of the wounded are in critical condition": some of those already counted
            if _EARLIER_FIGURE.search(text, max(0, m.start() - 80), m.start("num")):
                continue  # "the toll rose to 26 from 24 as two of the wounded died": the figure it replaced
            kind = m.group("kind").lower()
            kind = "injured" if kind in ("injuries", "wounds") else _kind(kind)
            add(kind, m.group("num"), m.span("num"), m.span(), m.groupdict().get("who") or "")
    for m in _counting_people(_TAKEN_TO_HOSPITAL, text):
        if not _NOT_TAKEN_HURT.search(m.group("who")):
            add("injured", m.group("num"), m.span("num"), m.span(), m.group("who"))
    for m in _INCLUDING.finditer(text):
        add(_kind(m.group("kind")), m.group("num"), m.span("num"), m.span())
    for m in _BESIDES.finditer(text):
        # "besides the bomber, four shoppers died": the bomber died too; a bomber besides whom others were hurt
        # died by his own bomb, whatever the rest of the sentence says
        after = text[m.end() : m.end() + 120]
        if re.search(r"\b(?:kill|dead|died|death)", after, re.IGNORECASE) or (
                re.search(r"bomber", m.group("who"), re.IGNORECASE) and re.search(r"\b(?:injur|wound|hurt)", after, re.IGNORECASE)):
            phrase = m.group("num") or "one"
            amount = parse_amount(phrase)
            if amount is not None:
                counts.append(Count("killed", amount, m.start(), m.end(), m.group("who")))
    for m in _ALONG_WITH.finditer(text):
        amount = parse_amount(m.group("num"))
        if amount is not None and not any(s <= m.start("num") < e for s, e in taken):
            taken.append(m.span("num"))
            counts.append(Count(_kind(m.group("kind")), amount + Amount(1, 1, 1), m.start(), m.end(), m.group()))
    def counted(m: re.Match[str]) -> bool:
        """Whether a count already read covers part of `m`."""
        return any(c.start < m.end() and m.start() < c.end for c in counts)

    def read_before(m: re.Match[str]) -> bool:
        """... or a number already taken for one does."""
        return any(s < m.end() and m.start() < e for s, e in taken) or counted(m)

    for m in _PAIR.finditer(text):
        if not counted(m):
            counts.append(Count(_kind(m.group("kind") or "killed"), Amount(2, 2, 2), m.start(), m.end(), m.group("rel")))

    for m in _NAMED_VICTIM.finditer(text):
        if (apposed := _APPOSED_ONE.match(text, m.end())) is not None and any(
                c.start == apposed.end() for c in counts):
            continue  # "the killing of Rahim Uddin, a student shot dead by police": the one already counted
        if _NTH_OF_ITS_KIND.search(text, max(0, m.start() - 24), m.start()):
            continue  # "the fourth killing of a journalist this year": a count of such events, not one more dead
        if not counted(m) and not _TAKEN_BY_NUMBER.match(text, m.end()):
            # "killing a Hezbollah commander and his companion": the one named and the one with him
            one_more = _AND_THEIR_ONE.match(text, m.end()) or _AND_ONE_OTHER.match(text, m.end())
            counts.append(Count("injured" if m.group("hurt") else "killed", Amount(2, 2, 2) if one_more else Amount(1, 1, 1),
                                m.start(), one_more.end() if one_more else m.end(), m.group("role") or m.group("name")))
    for m in _AND_ONE_MORE_HURT.finditer(text):
        if not read_before(m):
            counts.append(Count(_kind(m.group("kind")), Amount(1, 1, 1), m.start(), m.end(), ""))
    for m in _SINGLE.finditer(text):
        if read_before(m):
            continue
        who = m.group("who") or ""
        if who and (_NOT_PEOPLE.match(re.sub(r"^\S+\s+", "", who)) or re.match(r"(?i)no one|nobody|none", who)
                    or _NOBODY_AT_END.search(who)
                    or _NOT_A_PERSON_PHRASE.search(who)):
            continue  # "the two rockets", "no one"; "the reason why it died" names no one who died
        if m.group("kind3") and re.match(_NUMBER_WORD_START, m.group("title")):
            continue
        if m.group("who") and _SOME_OF.search(text, max(0, m.start() - 24), m.start()):
            continue  # "two of the wounded died": some of those already counted, not one more
        verb = m.group("kind") or ("died" if m.group("kind3") or m.group().endswith("died") else None)
        kind = _kind(verb or ("wounded" if m.group("kind2") in ("wounding", "injuring") else "killed"))
        counts.append(Count(kind, Amount(1, 1, 1), m.start(), m.end(), who))
    for m in _DIED_OF_WOUNDS.finditer(text):
        if not read_before(m):
            counts.append(Count("killed", Amount(1, 1, 1), m.start(), m.end(), ""))
    for m in _ONE_WAS_KILLED.finditer(text):
        # "... Colonel Ramiro Ortega Vidal was murdered": a singular "was" is one victim, named however the text is
        # cased (wire copy in capitals gives no name its capital)
        if read_before(m):
            continue
        if _NOT_A_VICTIM.search(text, max(0, m.start() - 40), m.start()):
            continue
        counts.append(Count("killed" if m.group("killed") else "injured", Amount(1, 1, 1), m.start(), m.end(), ""))
    for m in _NONE.finditer(text):
        word = (m.group("kind") or m.group("kind2")).lower()
        # "no casualties", "no one was hurt": nobody harmed, so nobody killed either
        kinds = ["killed", "injured"] if word in ("casualties", "hurt") else [_kind(word)]
        for kind in kinds:
            counts.append(Count(kind, Amount(0, 0, 0), m.start(), m.end()))
    return [replace(c, amount=Amount(2, 2, 2)) if c.amount == Amount(1, 1, 1) and _A_COUPLE.match(c.who) else c
            for c in counts]


def _best(amounts: list[Amount]) -> Amount:
    """Across sentences reports repeat one figure: keep the largest stated one, widen the range."""
    stated = [a for a in amounts if a.best is not None]
    if stated:
        top = max(stated, key=lambda a: a.best or 0)
        highs = [a.high for a in amounts if a.high is not None]
        high = None if top.high is None else max([top.high, *highs])
        return Amount(top.best, top.low, high)
    lows = [a.low for a in amounts if a.low is not None]
    highs = [a.high for a in amounts if a.high is not None]
    return Amount(None, max(lows) if lows else None, max(highs) if highs else None)


_OWN_SIDE = re.compile(r"\b(?:militia|militant|gunman|gunmen|insurgent|attacker|launch)", re.IGNORECASE)
_NON_STATE = {"iran_aligned", "unidentified_armed_group", "jihadist", "rebel", "militia", "organised_crime",
              "tribal_militia", "baathist", "paramilitary"}
_REMOTE = {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade",
           "Chemical weapon"}


_GROUND_FIGHT = re.compile(FIGHTING.pattern + r"|\b(?:stormed|storming|gun ?battles?|firefights?|battle)\b", re.IGNORECASE)


def _attackers_own_loss(mention: EventMention, count: Count) -> bool:
    """A remote attack does not kill its launchers: such deaths belong to another event (the response)."""
    if mention.sub_event_type not in _REMOTE or not mention.actor1:
        return False
    actor = canonical_actor(mention.actor1)
    return bool(actor and set(actor.kinds) & _NON_STATE and _OWN_SIDE.search(count.who))


_N = r"(?P<n>both|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_PLURAL_EVENTS = r"(?:attacks|incidents|assaults|bombings|blasts|explosions|raids|events|villages)"
_SHARED = re.compile(r"\b(?:across|in|during|from|repelled)\s+(?:all\s+|each\s+of\s+)?(?:the\s+|these\s+)?" + _N +
                     r"(?:\s+of\s+the)?(?:\s+\w+){0,2}?\s+" + _PLURAL_EVENTS + r"\b"
                     r"|\bacross\s+(?P<which>which|them|these|all\s+of\s+them|(?:each\s+of\s+|all\s+)?the\s+"
                     + _PLURAL_EVENTS + r"|all\s+" + _PLURAL_EVENTS + r")\b"
                     r"|\b(?P<repelled>repelled|foiled|thwarted)\s+(?:the|all|these)\s+(?:attacks|assaults|raids)\b",
                     re.IGNORECASE)
_ONE_OF = re.compile(r"\bone of " + _N + r"\b(?:\s+\w+){0,3}?\s+(?:attacks|incidents|assaults|bombings|blasts|explosions|"
                     r"raids|events|executions)\b", re.IGNORECASE)


def shared_by(state: DocState, start: int, end: int) -> int:
    """How many events a toll stated in text[start:end] is for ("killed across the three attacks"): 1 if one."""
    sentence = state.sentence_at(start)
    text = state.text[sentence.start : sentence.end] if sentence else state.text[start:end]
    m = _SHARED.search(text)
    if not m:
        return 1
    n = word_value(m.group("n")) if m.group("n") else None
    if n is None:
        whole = _ONE_OF.search(state.text)
        n = word_value(whole.group("n")) if whole else None
    return n if n and n > 1 else 1


def apply_counts(state: DocState, frame: Frame, extra: list[tuple[int, int]] | None = None) -> None:
    """Counts from the frame's clauses and from `extra` sentences that report no event of their own."""
    mention: EventMention = frame.mention
    found: dict[str, list[tuple[Amount, tuple[int, int]]]] = {"killed": [], "injured": [], "casualties": []}
    attackers_told: set[tuple[int, int]] = set()  # spans of counts of the attackers' own dead
    doers_claim: set[tuple[int, int]] = set()  # spans of the tolls the killers claim ("they had killed 30")
    more_told: set[tuple[int, int]] = set()  # spans of victims told as more ("the strike also killed a civilian")
    # (only an armed group's attack: the militants a state force's strike killed are its victims)
    actor = canonical_actor(mention.actor1) if mention.actor1 else None
    # (or a battle, where both sides' dead count: "killing a dozen soldiers" and "23 militiamen were killed")
    by_armed_group = bool(actor and set(actor.kinds) & _NON_STATE) or mention.event_type == "Battles"
    crowd = mention.event_type in ("Protests", "Riots")
    spans = [(start, end) for _sentence, start, end in frame.clauses()]
    spans += _unclaimed_parts(state, frame)
    # (a bomb that opened a ground assault, "a car bomb at the gate before gunmen stormed in", kills attackers too)
    ground_fight = any(_GROUND_FIGHT.search(state.read_text, start, end) for start, end in spans)
    nationwide: dict[str, list[tuple[Amount, tuple[int, int]]]] = {}
    spans += [(start, end) for start, end in extra or [] if not _told_elsewhere(state, frame, start)]
    # "The Israeli military said two soldiers were wounded and that its artillery struck ...": a force that tells
    # of its own strike tells of its own soldiers' losses, which the strike did not cause
    own_troops = bool(actor and "state_forces" in actor.kinds and doer_speaks(state, mention))
    for start, end in spans:
        by_kind: dict[str, list[Count]] = {}
        for count in find_counts(state.read_text[start:end]):
            if _attackers_own_loss(mention, count) and not ground_fight:
                continue
            if crowd and _GRIEVANCE_BEFORE.search(state.read_text, max(start, start + count.start - 60), start + count.start):
                continue  # "protested against the killing of a classmate": the death the crowd answered, not its toll
            if _ACROSS_A_COUNTRY.match(state.read_text, start + count.end) or _ACROSS_A_COUNTRY.search(count.who):
                # "a barrage that killed at least 38 across Ukraine": the toll of many places, the event's
                # only where the report gives no count of its own place
                nationwide.setdefault(count.kind, []).append((count.amount, (start + count.start, start + count.end)))
                continue
            if own_troops and _BARE_TROOPS.match(count.who):
                state.prepared.setdefault("own_losses", []).append((mention.actor1, count, start))
                continue
            by_kind.setdefault(count.kind, []).append(count)
        # the killers' own count beside the reporter's in one sentence ("Seven soldiers were killed, he said; the
        # group said it had killed 30") is another figure for the same dead, never a group to add (but "12 militants
        # were killed; the group said it killed ten soldiers" counts the other side's dead)
        groups = []
        for kind, every in by_kind.items():
            told = [c for c in every if not _DOER_CLAIMS.search(state.read_text, start, start + c.start)]
            claimed = [c for c in every if c not in told and _same_dead(c, told)]
            groups += [(kind, every)] if not claimed or not told else [
                (kind, [c for c in every if c not in claimed]), (kind, claimed)]
        for kind, every in groups:
            # a toll is a whole count, another source's figure beside the first ("police said five were killed,
            # but residents put the toll at 12"), never a group to add
            tolls = [c for c in every if "toll" in state.read_text[start + c.start : start + c.end].lower()]
            counts = [c for c in every if c not in tolls] or tolls
            # distinct groups in one sentence add up ("three soldiers and two civilians were killed")
            total = _added(counts)
            if tolls and counts is not tolls:
                # ... and the range runs from one source's figure to the other's
                total = _between([total, *(c.amount for c in tolls)])
                counts = every
            span = (start + min(c.start for c in counts), start + max(c.end for c in counts))
            if by_armed_group and all(ATTACKERS.search(c.who) for c in counts):
                attackers_told.add(span)
            if all(_DOER_CLAIMS.search(state.read_text, start, start + c.start) for c in counts):
                doers_claim.add(span)
            if all(ALSO.search(state.read_text, max(start, start + c.start - 12), start + c.end) for c in counts):
                more_told.add(span)
            share = shared_by(state, *span)
            if share > 1 and total.best is not None:
                # a toll for several attacks together: an even share as the best figure (GTD's practice),
                # the whole toll as the top of the range
                total = Amount(int(total.best / share + 0.5), 0, total.high if total.high is not None else total.best)
            found[kind].append((total, span))
    for kind, items in nationwide.items():
        found[kind] = found[kind] or items
    killed, injured, either = found["killed"], found["injured"], found["casualties"]
    if not killed and mention.sub_event_type == _ABDUCTION:
        killed = _captives_killed(state, frame)
    if either and not injured and _says_killed(state, frame):
        # "killed militants ... causing several casualties": the casualties are the dead
        killed = killed + either
    for field, items in (("fatalities", killed), ("injuries", injured)):
        if not items:
            continue
        amount = _toll(items, doers_claim, (attackers_told, more_told))
        # the reporter's own figures are cited before the killers' claim
        items = sorted(items, key=lambda item: item[1] in doers_claim)
        _set_figure(mention, field, amount)
        for _, (start, end) in items:
            mention.cite(field, state.evidence(start, end))
    lead = frame is min(state.frames, key=lambda f: f.spans[0][0])
    _complete_account(mention, frame, lead)


_ABDUCTION = "Abduction/forced disappearance"
_TAKEN = re.compile(r"\b(?:kidnapped|abducted|taken hostage|took hostage)\b", re.IGNORECASE)
# what became of them: "the hostages were shot two days later", "the bodies of both captives turned up in a ditch"
_THEIR_DEATH = re.compile(
    r"\b(?:(?P<part>" + NUMBER + r")\s+of\s+)?(?:the|all(?:\s+of\s+the)?|both|these|those)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:captives|hostages|abductees|kidnapped|abducted)\b[^.;]{0,60}?\b(?:were|was|had been|have been)\s+"
    r"(?:\w+\s+){0,2}?(?:executed|killed|shot|beheaded|murdered|found dead)\b"
    r"|\bbod(?:y|ies)\s+of\s+(?:the|all(?:\s+of\s+the)?|both)\s+(?:[\w-]+\s+){0,2}?(?:captives|hostages|abductees|kidnapped|"
    r"abducted)\b",
    re.IGNORECASE)


def _captives_killed(state: DocState, frame: Frame) -> list[tuple[Amount, tuple[int, int]]]:
    """The dead of an abduction whose captives were killed later ("abducted six farm hands ... the bodies of
    the captives turned up in a ditch"): as many as were taken (or as the report says of them: "two of the hostages"), counted
    with the grammar that counts the killed, from the clause that tells the abduction."""
    index = {id(s): i for i, s in enumerate(state.sentences)}
    last = max((index.get(id(s), -1) for s in frame.sentences), default=-1)
    after = state.sentences[last + 1] if 0 <= last + 1 < len(state.sentences) else None
    ends = [s.end for s in frame.sentences] + ([after.end] if after is not None else [])
    fate = _THEIR_DEATH.search(state.read_text, frame.spans[0][0], max(ends))
    if fate is None:
        return []
    if fate.group("part"):
        amount = parse_amount(fate.group("part"))
        return [(amount, fate.span())] if amount is not None else []
    for _sentence, start, end in frame.clauses():
        clause = state.read_text[start:end]
        if not _TAKEN.search(clause):
            continue
        counts = [c for c in find_counts(_TAKEN.sub("killed", clause)) if c.kind == "killed"]
        if counts:
            total = _added(counts)
            return [(total, (start, end)), (total, fate.span())]
    return []


def _set_figure(mention: EventMention, field: str, amount: Amount) -> None:
    """`field` ("fatalities" or "injuries") with its range."""
    setattr(mention, field, amount.best)
    setattr(mention, field + "_low", amount.low)
    setattr(mention, field + "_high", amount.high)


def _toll(items: list[tuple[Amount, tuple[int, int]]], claimed: set[tuple[int, int]],
          added: tuple[set[tuple[int, int]], ...]) -> Amount:
    """One field's figure from the counts each sentence told (with their spans). Across sentences reports repeat
    one figure, so the largest stands (`_best`), except for:
    - counts in `added` groups: more victims ("the strike also killed a civilian"; the attackers' own dead told in a
      sentence of their own, "Troops ended the siege, killing all five attackers"), which add up, as ACLED counts all;
    - counts the killers `claimed` ("they had killed 30"): theirs to inflate, so beside any other figure only the
      top of the range."""
    told = [(a, span) for a, span in items if span not in claimed] or items
    base = [a for a, span in told if not any(span in group for group in added)]
    counted: set[tuple[int, int]] = set()
    if not base:
        # every count is one more group ("forces killed 30 militants. Four soldiers also died."): the first is the
        # base the others add to
        first = next((group for group in added if any(span in group for _, span in told)), set())
        base = [a for a, span in told if span in first]
        counted |= first
    amount = _best(base or [a for a, _ in told])
    if base:
        for group in added:
            more = [a for a, span in told if span in group and span not in counted]
            counted |= group
            if more and amount.best is not None and _best(more).best is not None:
                amount = amount + _best(more)
    if len(told) < len(items):
        highs = [h for h in (amount.high, *(a.high for a, span in items if span in claimed)) if h is not None]
        amount = Amount(amount.best, amount.low, max(highs) if amount.high is not None and highs else None)
    return amount


def _between(amounts: list[Amount]) -> Amount:
    """Two sources' figures for one toll: the larger as the best, the range from the least to the most."""
    lows = [a.low for a in amounts if a.low is not None]
    highs = [a.high for a in amounts if a.high is not None]
    best = max((a.best for a in amounts if a.best is not None), default=None)
    return Amount(best, min(lows) if lows else None, max(highs) if highs and best is not None else None)


_ACROSS_A_COUNTRY = re.compile(r"\s+across\s+(?:the\s+)?(?:country|(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?)\b",
                               re.IGNORECASE)
# a death a crowd rose against or mourned is an earlier happening's
_GRIEVANCE_BEFORE = re.compile(r"\b(?:against|over|protest(?:ing|ed)?(?:\s+at)?|mourn(?:ing|ed)?|justice for|anger at|"
                               r"outrage (?:at|over)|(?:angered|enraged|incensed|outraged|sparked|triggered|prompted) by)\s+"
                               r"(?:the\s+)?(?:(?:deaths?|killings?|murders?|assassinations?|slayings?)"
                               r"\s+of\b[^.;]{0,40})?$", re.IGNORECASE)


def _added(counts: list[Count]) -> Amount:
    """The counts of distinct groups of victims, added up."""
    total = counts[0].amount
    for more in counts[1:]:
        total = total + more.amount
    return total


def _complete_account(mention: EventMention, frame: Frame, lead: bool = True) -> None:
    """What a report does not count, it reports none of: ACLED's convention of 0 for none reported.

    "Four people were killed" tells of no injured; "three were wounded" of no dead: that zero
    cites the count it was read from (for the report's lead event only). A report that counts no victims at all gets 0 as its best
    figure but an open range (low 0, high unknown), citing the sentence that reports the event,
    so a later report with a toll wins the merge and nobody mistakes it for "nobody was hurt".
    """
    if all(getattr(mention, f) is None and getattr(mention, f + "_low") is None for f in ("fatalities", "injuries")):
        for field in ("fatalities", "injuries"):
            setattr(mention, field, 0)
            setattr(mention, field + "_low", 0)
            mention.cite(field, frame.trigger)
        return
    if not lead:
        return  # a report's later events are often mentioned in passing ("the attack that killed three"): the
        # toll it gives is not a full account, and what it leaves out is unknown
    for field, other in (("fatalities", "injuries"), ("injuries", "fatalities")):
        if getattr(mention, field) is None and getattr(mention, field + "_low") is None and (
            getattr(mention, other) is not None or getattr(mention, other + "_low") is not None
        ):
            setattr(mention, field, 0)
            setattr(mention, field + "_low", 0)
            setattr(mention, field + "_high", 0)
            mention.cite(field, *mention.evidence.get(other, []))


def orphan_sentences(state: DocState) -> dict[int, list[tuple[int, int]]]:
    """Sentences with a casualty count but no event of their own, by the frame they follow.

    Reports often give the toll in a sentence of its own ("Nine civilians were killed.") after
    the one that names the attack; the toll belongs to the event told just before it (at most
    two sentences back, counting the toll sentences already given to it); a report of one event keeps every toll
    it states, before or after it. Running totals ("70 troops injured since October") are not tolls.
    """
    from .events import talks_about_events

    index = {s.start: i for i, s in enumerate(state.sentences)}
    claimed = {s.start for frame in state.frames for s in frame.sentences}
    # only a violent event has a toll (not an agreement or a change to a group, nor a protest no one broke up)
    violent = [i for i, frame in enumerate(state.frames) if frame.mention.event_type not in _NO_TOLL_TYPES
               or frame.mention.sub_event_type in _FORCE_ON_A_CROWD]
    told_in = {i: {index.get(s.start, -1) for s in state.frames[i].sentences} for i in violent}
    # a report of one event keeps every toll it states for it, however far down
    reach = len(state.sentences) if len(violent) == 1 else 2
    out: dict[int, list[tuple[int, int]]] = {}
    for n, sentence in enumerate(state.sentences):
        text = state.text[sentence.start : sentence.end]
        harm = HARM_WORDS.search(text)
        if sentence.start in claimed or not harm or not _THE_EVENT_IN_WHICH.match(text) and (
                talks_about_events(text) or _CUMULATIVE.search(text) or _ACROSS_A_COUNTRY.search(text)):
            continue
        answered = ANSWERED.search(text)
        if answered and answered.start() < harm.start():
            continue  # "... retaliating for the killing of its commander": the dead of the act it answered
        # the frame told last before this sentence (a frame may go on after it: "This was one of ...")
        near = [(n - max(before), i) for i, told in told_in.items() if (before := [t for t in told if t < n])
                and n - max(before) <= reach]
        if not near and len(violent) == 1:
            near = [(0, violent[0])]  # ... even told before it: "A blast killed 14 ... IS claimed it, saying ..."
        if near:
            frame_at = min(near)[1]
            if len(near) > 1 and (country := _country_told(state, sentence)):
                # "Three people were killed in Lebanon" after Hezbollah's rockets and Israel's strikes in one
                # sentence: the toll of the event in that country
                there = [i for _, i in sorted(near) if _frame_country(state, state.frames[i]) == country]
                frame_at = there[0] if there else frame_at
            out.setdefault(frame_at, []).append((sentence.start, sentence.end))
            told_in[frame_at].add(n)  # a toll goes on the account: the next toll sentence may follow it
    return out


def _unclaimed_parts(state: DocState, frame: Frame) -> list[tuple[int, int]]:
    """The parts of the frame's sentences that no event claims, where they tell harm: "Post-poll violence left one
    worker dead and three injured | after clashes with BJP supporters" cut at "after", the first part read as no
    event of its own, still counts the clash's dead."""
    taken = sorted(span for other in state.frames for span in other.spans)
    out = []
    for sentence in {id(s): s for s in frame.sentences}.values():
        own = [sp for sp in frame.spans if sentence.start <= sp[0] < sentence.end]
        # only a part told before the event's own clause: what follows it ("... after an attack that killed
        # five", "in retaliation for ...") is another happening's
        first = min(sp[0] for sp in own) if own else sentence.start
        before = [sp for sp in taken if sentence.start <= sp[0] < first]
        at = sentence.start
        for start, end in [*before, (first, first)]:
            if start > at and HARM_WORDS.search(state.text, at, start) and not _CUMULATIVE.search(state.text, at, start):
                out.append((at, start))
            at = max(at, end)
    return out


def _country_told(state: DocState, sentence: Any) -> str | None:
    """The country of the first scene a sentence names ("were killed in Lebanon"), else of the people it names
    ("An Israeli navy sailor was killed"), if any."""
    told = [p for p in state.places if sentence.start <= p.start < sentence.end and p.resolved and not p.dateline]
    place = next((p for p in told if not p.modifier), None) or next(iter(told), None)
    return place.country if place is not None else None


def _frame_country(state: DocState, frame: Frame) -> str | None:
    own = default_resolver().event_place(state.places, frame.spans)
    return own.country if own is not None else None


_NO_TOLL_TYPES = {"Strategic developments", "Protests"}
_FORCE_ON_A_CROWD = {"Protest with intervention", "Excessive force against protesters"}
# the event told before, with its toll, however the sentence goes on to compare it: "The attack, in which a gunman
# killed four worshippers, was the deadliest in the city this year"
_THE_EVENT_IN_WHICH = re.compile(r"\W*The (?:attack|bombing|shooting|strike|raid|ambush|blast|explosion|assault|massacre),? "
                                 r"(?:in|during) which\b")
# totals over a period are not one event's toll ("70 troops were injured during that time")
_CUMULATIVE = re.compile(r"\b(?:since|during that time|during this time|so far|to date|in total|altogether|in all|"
                         # "The war has killed tens of thousands": a war's toll, not one event's
                         r"(?:the|this|that) (?:war|conflict|insurgency|fighting|violence|civil war) (?:has|have|had)\b|"
                         r"(?:in|over|during) the (?:previous|past|last) (?:\d+|twenty-four|24|48) hours|"
                         r"across the (?:territory|country|strip|region|enclave)|"
                         r"this year|last year|over the past|over the last|(?:in|during) the (?:past|last) (?:week|month|year)|"
                         r"decades? of|years of|"
                         r"(?:decade|year|month|week)s?-long|for (?:a|\w+) (?:decades?|years)|civil war|political violence|"
                         r"(?:in|during|of|throughout) the (?:\w+ )?(?:war|conflict|insurgency|offensive)|"
                         r"in (?:those|these|all (?:the|those|these)|such) (?:\w+ )?(?:attacks|strikes|incidents))\b",
                         re.IGNORECASE)
# words of harm to people: a sentence without one counts no victims (corefer: a generic mention with one tells harm)
HARM_WORDS = re.compile(r"\b(?:kill|dead|died|death|wound|injur|hurt|casualt|fatalit|slain|executed|martyred|lost their lives|lynch|"
                        r"eliminated|neutrali[sz]ed|hospitali[sz]ed|(?:taken|rushed|admitted) to (?:a |the )?hospital)",
                        re.IGNORECASE)


# "In Syria, ...", "Elsewhere in Nineveh province, ...": the sentence sets its own scene
_SCENE_OPENER = re.compile(r"\s*(?:(?:Meanwhile|Separately|Elsewhere),?\s+)?(?:[Ii]n|[Aa]cross)\s+(?:the\s+)?"
                           r"(?:neighbou?ring\s+|nearby\s+|northern\s+|southern\s+|eastern\s+|western\s+)?")


def _told_elsewhere(state: DocState, frame: Frame, start: int) -> bool:
    """A toll sentence that opens on another place than the event's ("In Syria, 23 were killed" after an
    Iraq strike) counts the dead of another scene, not this event's."""
    opener = _SCENE_OPENER.match(state.text, start)
    if opener is None:
        return False
    place = next((p for p in state.places if p.start == opener.end() and p.resolved and not p.modifier), None)
    if place is None or not re.match(r"\s*,", state.text[place.end : place.end + 3]):
        return False
    resolver = default_resolver()
    own = resolver.event_place(state.places, frame.spans) \
        or resolver.event_place(state.places, [(s.start, s.end) for s in frame.sentences]) or document_place(state, frame)
    if own is None or own.country is None:
        return False
    if place.country != own.country:
        return True
    # same country: a region or town named as the scene that is not the event's own region
    return bool(place.feature in ("admin1", "city", "admin2", "facility") and place.admin1 and own.admin1
                and place.admin1 != own.admin1)


def _same_dead(claim: Count, told: list[Count]) -> bool:
    """Whether a killers' claim counts the dead another count told: it names none of its own ("had killed 30"),
    or the same kind of people."""
    words = set(re.findall(r"[a-z]{3,}", claim.who.lower()))
    return not words or any(words & set(re.findall(r"[a-z]{3,}", c.who.lower())) for c in told)


def _says_killed(state: DocState, frame: Frame) -> bool:
    return any(re.search(r"\bkill", state.text[s:e], re.IGNORECASE) for _, s, e in frame.clauses())


# "The militants said ... they had killed 30 soldiers": the killers' own count (the text up to the count)
# ("The group claimed to have killed 13")
_DOER_CLAIMS = re.compile(r"\b(?:said|says|claimed|claims|boasted|announced)\b[^.;]{0,80}?\b(?:it|they|its fighters|"
                          r"their fighters|we)\s+(?:had\s+|have\s+|has\s+)?(?:(?:killed|wounded|injured)\s+)?$"
                          r"|\b(?:claimed|claims|claiming)\s+to\s+have\s+(?:(?:killed|wounded|injured)\s+)?$", re.IGNORECASE)
_BARE_TROOPS = re.compile(r"\s*(?:soldiers?|troops|service ?members?|servicemen|personnel|officers?)\b", re.IGNORECASE)


def _own_losses_to_their_attack(state: DocState) -> None:
    """A force's own losses it told of beside its strike are the toll of the attack on that force, when the report
    tells one (the missile attack on its post that the strike answered)."""
    for force, count, offset in state.prepared.pop("own_losses", []):
        field = "fatalities" if count.kind == "killed" else "injuries" if count.kind == "injured" else None
        attacked = next((f.mention for f in state.frames if f.mention.actor2 == force), None)
        if field is None or attacked is None or getattr(attacked, field) or getattr(attacked, field + "_high"):
            continue  # no attack on that force is told, or it has a toll of its own
        _set_figure(attacked, field, count.amount)
        attacked.evidence.pop(field, None)  # the zero it stood at cited no count
        attacked.cite(field, state.evidence(offset + count.start, offset + count.end))


@component("casualties")
def casualties() -> object:
    def run(state: DocState) -> None:
        orphans = orphan_sentences(state)
        for i, frame in enumerate(state.frames):
            apply_counts(state, frame, orphans.get(i))
        _own_losses_to_their_attack(state)

    return run
