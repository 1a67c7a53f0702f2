"""The parts that decide event types, attackers and tolls, on sentences written for these tests.

Quality on real reports is measured by bench/quality against the gold sets; these tests pin
the behaviour each part promises, so a change that breaks one shows up here first.
"""

from __future__ import annotations

from collections import Counter

import pytest

from conflict_ledger.extract.casualties import find_counts
from conflict_ledger.extract.classifier import NO_EVENT_PREFIX, UNSPECIFIED, event_typer, training_corpus
from conflict_ledger.extract.events import classify_sentence, decide, reported_content
from conflict_ledger.extract.roles import claimed_actor
from conflict_ledger.model import SUB_EVENT_PARENT
from conflict_ledger.resolve.actors import canonical_actor
from conftest import extract_rows, jsonl, text_report_rows


def _tolls(sentence: str) -> tuple[int | None, int | None]:
    """(killed, injured) a sentence counts, the groups it names added up; None where it counts none."""
    found: dict[str, int] = {}
    for count in find_counts(sentence):
        found[count.kind] = found.get(count.kind, 0) + (count.amount.best or 0)
    return found.get("killed"), found.get("injured")


@pytest.mark.parametrize("sentence, kind, low, high", [
    ("Troops repelled the assault, killing tens of militants.", "killed", 20, 99),
    ("Tens of thousands of people have been wounded in the war.", "injured", 20_000, 99_999),
    ("Hundreds of thousands were hurt in the quake.", "injured", 200_000, 999_999),
])
def test_vague_amounts_read_as_ranges_the_longest_phrase_first(sentence, kind, low, high):
    assert [(c.kind, c.amount.best, c.amount.low, c.amount.high) for c in find_counts(sentence)] == [
        (kind, None, low, high)]


def test_training_corpus_covers_every_acled_sub_event_type_and_the_non_events():
    texts, labels = training_corpus()
    counts = Counter(labels)
    assert set(SUB_EVENT_PARENT) <= set(counts)
    assert UNSPECIFIED in counts
    assert {label for label in counts if label.startswith(NO_EVENT_PREFIX)} >= {
        "No event: crime", "No event: disaster", "No event: diplomacy", "No event: statement"}
    assert min(counts.values()) >= 100
    assert len(set(texts)) == len(texts), "expanded sentences are distinct"
    assert any(t.isupper() for t in texts), "all-caps newswire register is represented"
    assert training_corpus() == (texts, labels), "the corpus is the same every time"


def test_hand_written_snippets_join_the_corpus_under_known_labels():
    import yaml

    from conflict_ledger.extract.classifier import _corpus_source, _snippets_source

    snippets = yaml.safe_load(_snippets_source())
    known = set(yaml.safe_load(_corpus_source())["classes"])
    assert set(snippets) <= known, "every snippet label is a label of the template corpus"
    texts, labels = training_corpus()
    pairs = set(zip(texts, labels, strict=True))
    assert all((text, label) in pairs for label, items in snippets.items() for text in items)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A suicide bomber blew himself up outside a crowded cafe in the provincial capital, killing nine.",
         "Suicide bomb"),
        ("Riot police fired tear gas and water cannon to break up a sit-in by striking dock workers.",
         "Protest with intervention"),
        ("Government troops retook the hilltop town from the rebels after a week of fighting.",
         "Government regains territory"),
        ("Sappers defused a roadside bomb found near the bus depot early on Sunday.", "Disrupted weapons use"),
        ("GUERRILLAS KIDNAPPED THE SON OF A COFFEE GROWER ON THE ROAD TO THE PORT.", "Abduction/forced disappearance"),
    ],
)
def test_typer_reads_the_kind_of_event(sentence, expected):
    guess = event_typer().guess([sentence])[0]
    assert guess.label == expected, guess


@pytest.mark.parametrize(
    "sentence",
    [
        "Flash floods swept through three villages after a night of torrential rain, leaving 14 dead.",
        "The two foreign ministers met in the capital to discuss trade and a visa agreement.",
        "A fire at a fireworks warehouse killed four workers, the fire brigade said.",
    ],
)
def test_typer_knows_news_that_is_not_political_violence(sentence):
    guess = event_typer().guess([sentence])[0]
    assert not guess.is_event, guess


def test_decide_lets_a_sure_non_event_reading_overrule_a_cue():
    from conflict_ledger.extract.classifier import TypeGuess
    text = "A gas cylinder exploded in a crowded kitchen, injuring six people."
    cues = classify_sentence(text)
    assert cues, "the cue rules alone take the explosion for an attack"
    assert decide(cues, TypeGuess("No event: disaster", 0.8, "Unspecified", 0.1, 0.85), len(text)) == []
    kept = decide(cues, TypeGuess("No event: disaster", 0.3, "Unspecified", 0.2, 0.35, tuple((k.sub_event_type, 0.2) for k in cues)), len(text))
    assert kept == cues, "an unsure reading leaves the cues alone"


def test_claims_of_responsibility_and_attributions_name_the_attacker():
    assert claimed_actor("The Taliban claimed responsibility for the ambush in a statement.")[0] == "Taliban"
    found = claimed_actor("No group claimed the blast; however, police blamed the attack on al-Shabaab.")
    assert found is not None and found[0] == "Al-Shabaab"
    assert claimed_actor("No group has claimed responsibility for the bombing.") is None
    # a group that says it did it, with or without an apposition between
    said = claimed_actor("Kataib Hezbollah, one of the largest Iran-aligned factions, said in a statement that it had "
                         "struck the airfield with two drones.")
    assert said is not None and said[0] == "Kataib Hezbollah"
    assert claimed_actor("Officials said it had hit the wrong house.") is None
    # a force a state backs is not that state's force
    found = claimed_actor('Villagers blamed "Burmese army-backed militias" for the raid.')
    assert found is not None and found[0] == "Burmese army-backed militias"


def test_a_headline_and_the_lead_it_sums_up_are_one_event_and_a_claim_answers_for_the_event_before_it(cli, tmp_path):
    text = ("Rocket attack on Syrian outpost wounds two Kurdish fighters, group says\n\n"
            "Rockets hit an outpost housing U.S. troops near Shaddadi in northeast Syria on Monday, wounding two "
            "fighters of the Syrian Democratic Forces, the SDF said. The Islamic Resistance in Iraq said it had "
            "targeted the outpost.\n\n"
            "Separately, a roadside bomb killed three workers near Qamishli on Tuesday, The SDF said.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-02-07", "text": text}])
    assert [(e["sub_event_type"], e["event_date"], e["actor1"]) for e in events] == [
        ("Shelling/artillery/missile attack", "2024-02-05", "Islamic Resistance in Iraq"),
        ("Remote explosive/landmine/IED", "2024-02-06", None),
    ]
    assert all(e["sources"] == ["SDF"] for e in events)  # "the SDF said" and "The SDF said": one source


def test_casualty_phrases():
    def counts(text: str) -> dict[str, int | None]:
        return {c.kind: c.amount.best for c in find_counts(text)}

    assert counts("Two guards and a driver were killed in the ambush.") == {"killed": 3}
    assert counts("The village headman was killed and another man was wounded.") == {"killed": 1, "injured": 1}
    assert counts("Twelve people, including four children and a nurse, were killed.") == {"killed": 12}
    assert counts("Both gunmen died in the exchange of fire.") == {"killed": 2}
    assert counts("Two bystanders died and seven others were hurt by the explosion.") == {"killed": 2, "injured": 7}
    assert counts("The district chief, a former officer, was killed in the ambush.") == {"killed": 1}
    assert counts("Gunmen shot and killed Omar Haddad, a lawyer, outside his office.") == {"killed": 1}
    assert counts("Gunmen killed Kenyan Army soldiers near the border.") == {}, "a plural noun is no single victim"
    assert counts("The judge was killed along with three of his guards.") == {"killed": 4}
    assert counts("The candidate and her brother were killed in the attack.") == {"killed": 2}
    # a name with its particles and a long description between it and the verb
    assert counts("Sheikh Hamid al-Dulaimi, a tribal elder and a member of the provincial council, was shot and "
                  "killed near his farm.") == {"killed": 1}
    assert counts("Maria de la Cruz, from the teachers' union, and her husband were killed at their home.") == {"killed": 2}
    assert counts("At least nine herders were abducted and beheaded by the gang.") == {"killed": 9}
    # a suicide bomber besides whom others were hurt died by his own bomb
    assert counts("Besides the bomber, two guards at the gate were wounded.") == {"killed": 1, "injured": 2}
    assert counts("Haddad, the council head, and two of his sons were killed.") == {"killed": 3}
    assert counts("The car exploded at the gate, killing the driver and six recruits.") == {"killed": 7}
    assert counts("Sergeant Okafor died and Corporal Bello was wounded.") == {"killed": 1, "injured": 1}
    assert counts("Nine soldiers and militia members were killed in the raid.") == {"killed": 9}
    assert counts("Four suicide bombers were intercepted and killed near the bridge.") == {"killed": 4}
    vague = find_counts("The rocket caused several minor injuries among the guards at the depot.")
    assert [(c.kind, c.amount.best, c.amount.low, c.amount.high) for c in vague] == [("injured", None, 3, 9)]
    assert counts("The shelling caused two non-serious injuries among the staff.") == {"injured": 2}
    assert counts("A local monitor said 19 fighters had been killed.") == {"killed": 19}, "the figure, not the article"
    # nobody hurt is nobody harmed at all: no dead either
    assert counts("A fire broke out at the depot but nobody was hurt, the governor said.") == {"injured": 0, "killed": 0}
    assert counts("Nobody was injured, the police said.") == {"injured": 0}
    assert counts("None of the passengers were hurt when the bus was hit.") == {"injured": 0, "killed": 0}
    # a singular "was killed" is one victim, however the name is cased
    assert counts("THE HARBOUR MASTER OF THE PORT, ERNESTO VARGAS SOLIS, WAS MURDERED LAST NIGHT.") == {"killed": 1}
    assert counts("A Border Guard (BG) corporal was killed while three others were injured near the crossing.") == {
        "killed": 1, "injured": 3}
    assert counts("The governor escaped unhurt, but his press officer was killed when the device went off.") == {"killed": 1}
    assert counts("No one was killed in the blast.") == {"killed": 0}
    assert counts("Officials did not believe any civilian was killed.") == {}
    assert counts("Officials did not believe that civilians had been killed.") == {}, "'had been' does not say one"
    assert counts("OSORIO, A LOCAL RADIO REPORTER, WAS SERIOUSLY INJURED.") == {"injured": 1}
    # one singled-out victim and a count of his own people
    assert counts("Gunmen killed a village headman and three of his guards.") == {"killed": 4}
    assert counts("The blast killed the governor and four of his aides.") == {"killed": 5}
    assert counts("The mayor and two of his bodyguards were killed.") == {"killed": 3}
    assert counts("The mayor and two of his aides attended the funeral.") == {}
    assert counts("Investigators said the truck bomb would have killed scores of shoppers had its timer worked.") == {}, \
        "harm that did not happen"
    assert counts("Engineers said 20 people could have been killed had the dam burst.") == {}
    unknown = find_counts("An unknown number of soldiers were wounded in the raid.")
    assert [(c.kind, c.amount.best, c.amount.low) for c in unknown] == [("injured", None, 1)]


def test_extract_links_the_toll_sentence_and_the_claim_to_the_attack(cli, tmp_path):
    rows = [
        {"id": "r1", "published": "2021-03-14",
         "text": ("A roadside bomb struck an army truck near Baidoa on Saturday. Four soldiers were killed in the blast. "
                  "Al-Shabaab claimed responsibility for the attack.")},
        {"id": "r2", "published": "2021-03-14",
         "text": "Heavy rain caused a landslide that buried six homes in the hill district, officials said."},
    ]
    extracted = extract_rows(cli, tmp_path, rows)
    events = extracted
    assert {e["doc_id"] for e in events} == {"r1"}, "the landslide is not an event"
    assert len(events) == 1
    event = events[0]
    assert event["sub_event_type"] == "Remote explosive/landmine/IED"
    assert event["event_date"] == "2021-03-13"
    assert event["actor1"] == "Al-Shabaab"
    assert event["fatalities"] == 4
    assert event["injuries"] == 0, "a report that counts the dead and no injured reports none injured"
    text = rows[0]["text"]
    for field in ("actor1", "fatalities", "injuries", "sub_event_type"):
        spans = event["evidence"][field]
        assert spans and all(text[s["start"] : s["end"]] == s["text"] for s in spans)


def test_a_toll_for_several_attacks_gives_each_an_even_share(cli, tmp_path):
    rows = [
        {"id": "split", "published": "2019-05-02",
         "text": ("A car bomb exploded outside a bakery in Kirkuk on Wednesday. It was one of three blasts that shook "
                  "the city that day. In the three attacks, 12 people died and 30 were wounded.")},
    ]
    extracted = extract_rows(cli, tmp_path, rows)
    (event,) = extracted
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (4, 0, 12)
    assert (event["injuries"], event["injuries_high"]) == (10, 30)


def test_a_toll_for_repelled_assaults_is_shared_with_the_other_attacks(cli, tmp_path):
    rows = [
        {"id": "repelled", "published": "2016-08-02",
         "text": ("Militants attacked an army post near Tal Afar on Tuesday. It was one of two raids on army posts "
                  "in the district that night. Troops repelled both assaults, killing nine militants.")},
    ]
    extracted = extract_rows(cli, tmp_path, rows)
    tolls = sorted(e["fatalities"] for e in extracted)
    assert tolls and max(tolls) == 5, "nine dead across two assaults: half, rounded up"


def test_the_ensuing_clash_is_the_attack_it_followed(cli, tmp_path):
    rows = [{"id": "ensuing", "published": "2016-08-02",
             "text": ("Militants attacked a village outside Tuz Khurmatu on Tuesday. It was one of three such raids "
                      "that night. Five villagers died and eight were hurt in the ensuing clashes, a local official said.")}]
    assert [(e["sub_event_type"], e["fatalities"], e["injuries"]) for e in extract_rows(cli, tmp_path, rows)] == [
        ("Attack", 5, 8)]


def test_a_brief_report_is_read_whole_when_no_clause_tells_the_event(monkeypatch):
    from conflict_ledger.extract import events
    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    text = ("Soldiers searching a farmhouse outside Tillaberi found 40 assault rifles, pistols and several boxes "
            "of ammunition hidden under the floor, the army said.")
    long_text = " ".join([text] * 8)
    monkeypatch.setattr(events, "decide", lambda rule_kinds, guess, length: [])  # no clause reports anything
    pipeline = default_pipeline()
    (mention,) = pipeline(Document(id="cache", text=text)).mentions
    assert mention.sub_event_type == "Disrupted weapons use"
    cited = mention.evidence["sub_event_type"][0]
    assert text[cited.start : cited.end] == cited.text
    assert pipeline(Document(id="long", text=long_text)).mentions == [], "a long report is not read whole"
    budget = "Lawmakers approved the national budget for next year after a two-day debate."
    assert pipeline(Document(id="budget", text=budget)).mentions == []


def test_a_long_report_keeps_the_incident_told_with_specifics_and_drops_passing_mentions():
    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    speech = " ".join([
        "The minister spoke for an hour to the assembly about the economy, the harvest and the coming elections.",
        "He said the country had suffered too much from violence and that attacks had hurt trade and tourism.",
        "Clashes had scared investors, he added, and the government would talk with every sector of society.",
        "He thanked the farmers, the teachers and the doctors for their patience during a difficult year.",
        "The assembly will debate the new budget and the electoral law next week, the speaker announced.",
        "Several deputies asked for more money for roads, schools and clinics in the rural provinces.",
    ])
    report = speech + (" On 12 March gunmen killed four farmers near Kasese, police said;"
                       " the Allied Democratic Forces were blamed for the attack.")
    pipeline = default_pipeline()
    assert pipeline(Document(id="speech", text=speech)).mentions == [], "passing mentions are not incidents"
    kept = pipeline(Document(id="report", text=report)).mentions
    assert [m.fatalities for m in kept] == [4]


def test_a_long_wire_report_keeps_the_dated_attack_and_drops_battles_plans_and_talk():
    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    report = " ".join([
        "PUERTO LEMPA, 4 MAR 91 -- [TEXT] TWO JUDGES WERE SHOT DEAD YESTERDAY BY UNKNOWN GUNMEN WHO FIRED AT THEIR CAR"
        " OUTSIDE THE COURTHOUSE IN PUERTO LEMPA.",
        "THE AUTHORITIES HAVE NOT SAID WHO THEY BELIEVE WAS BEHIND THE KILLING.",
        "IN A SPEECH THE DEFENSE MINISTER SAID: WE WILL STRIKE THE SUBVERSIVES WHEREVER THEY HIDE.",
        "MEANWHILE, HEAVY FIGHTING BETWEEN ARMY TROOPS AND GUERRILLAS CONTINUES IN THE NORTHERN MOUNTAINS.",
        "THE MINISTER ALSO SPOKE AT LENGTH ABOUT THE HARVEST, THE BUDGET AND THE ELECTIONS DUE NEXT YEAR.",
        "OPPOSITION LEADERS ASKED THE GOVERNMENT TO OPEN TALKS WITH EVERY SECTOR OF SOCIETY BEFORE THE VOTE.",
    ])
    kept = default_pipeline()(Document(id="wire", text=report)).mentions
    assert [m.sub_event_type for m in kept] == ["Attack"], [m.trigger.text for m in kept]
    assert kept[0].fatalities == 2


@pytest.mark.parametrize("background", [
    "A colonel said today that 212 rebels and 40 troops had died in 290 skirmishes across the northern provinces.",
    "Close to 1,500 people died in bomb attacks in Bogota in 1988.",
    "Guerrillas killed 12 peasants in dozens of attacks on villages near Ayacucho during the harvest.",
])
def test_a_clause_that_counts_many_happenings_or_dates_them_by_a_year_is_background(background):
    from datetime import date

    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    filler = " ".join([
        "The minister spoke for an hour to the assembly about the economy, the harvest and the coming elections.",
        "He thanked the farmers, the teachers and the doctors for their patience during a difficult time.",
        "The assembly will debate the new budget and the electoral law next week, the speaker announced.",
        "Several deputies asked for more money for roads, schools and clinics in the rural provinces.",
    ])
    incident = "Rebels set off four bombs in San Salvador yesterday, killing two passers-by."
    pipeline = default_pipeline()
    published = date(1989, 3, 29)
    told = pipeline(Document(id="told", text=f"{filler} {incident}", published=published)).mentions
    assert [m.fatalities for m in told] == [2], "several blasts on one day in one town are one event, and kept"
    assert pipeline(Document(id="background", text=f"{filler} {background}", published=published)).mentions == []


def test_a_long_report_tells_what_happened_long_before_it_as_background():
    from datetime import date

    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    filler = " ".join([
        "The minister spoke for an hour to the assembly about the economy, the harvest and the coming elections.",
        "He thanked the farmers, the teachers and the doctors for their patience during a difficult time.",
        "The assembly will debate the new budget and the electoral law next week, the speaker announced.",
        "Several deputies asked for more money for roads, schools and clinics in the rural provinces.",
    ])
    pipeline = default_pipeline()

    def kept(day: str) -> list:
        text = f"{filler} Rebels bombed the embassy in Lima on {day}, killing four guards."
        return pipeline(Document(id="r", text=text, published=date(1989, 6, 1))).mentions

    assert [m.event_date for m in kept("28 May")] == ["1989-05-28"]
    assert kept("5 March 1985") == [], "four years before the report: background"


def test_a_year_named_relative_to_the_report_is_no_day():
    from datetime import date

    from conflict_ledger.resolve.dates import resolve_date

    published = date(1989, 3, 29)
    assert resolve_date("last year", published) is None
    assert resolve_date("in the past year", published) is None
    assert resolve_date("last night", published).iso == "1989-03-28"


def test_a_time_of_day_or_a_length_of_time_is_no_day():
    from datetime import date

    from conflict_ledger.resolve.dates import resolve_date

    published = date(1989, 5, 30)
    for expression in ("30 MINUTES", "2030 HOURS", "at 2030 hours", "4 hours", "the last 24 hours"):
        assert resolve_date(expression, published) is None, expression
    assert resolve_date("48 hours ago", published).iso == "1989-05-28"
    assert resolve_date("0200 TODAY", published).iso == "1989-05-30"


def test_a_year_written_out_is_kept_even_after_the_reports_date():
    from datetime import date

    from conflict_ledger.resolve.dates import resolve_date

    published = date(2016, 3, 1)
    assert resolve_date("March 3, 2016", published).iso == "2016-03-03"
    assert resolve_date("March 3", published).iso == "2015-03-03", "no year: the last December 12 before it"


def test_captives_killed_after_their_abduction_are_its_dead_and_it_keeps_the_day_they_were_taken(cli, tmp_path):
    [event] = text_report_rows(cli, tmp_path, "extract", (
        "date 2014-06-26\n\nGunmen abducted a village headman and three guards at a roadblock outside Tuz Khurmatu "
        "on Wednesday. The hostages were shot dead that evening, police said.\n"))
    assert (event["sub_event_type"], event["event_date"], event["fatalities"]) == (
        "Abduction/forced disappearance", "2014-06-25", 4)
    assert [span["text"] for span in event["evidence"]["fatalities"]][-1] == "The hostages were shot"
    [event] = text_report_rows(cli, tmp_path, "extract", (
        "date 2015-10-20\n\nGunmen abducted a schoolteacher and two of his pupils from a bus near Baiji. "
        "The teacher was shot dead on November 2, 2015, officials said weeks later.\n"))
    assert event["event_date"] == "2015-10-20", "the execution came later: the taking is undated, so the report's day"


def test_a_word_in_capitals_is_not_an_acronym_for_a_group():
    from conflict_ledger.extract.roles import actors_in

    assert actors_in("THE ATTACK IS UNDER INVESTIGATION, THE POLICE SAID.") == []
    assert "Islamic State" in [a.name for _, a in actors_in("Fighters of IS attacked the village.")]


@pytest.mark.parametrize("sentence, sub_event_type", [
    ("Army engineers found and defused two roadside bombs on the road to Gao on Monday.", "Disrupted weapons use"),
    ("A cache of grenades and mortar rounds was discovered in a farmhouse near Kidal.", "Disrupted weapons use"),
    ("Police confiscated 40 rifles and 3,000 bullets at a checkpoint outside Gao.", "Disrupted weapons use"),
    ("Dozens of pistols were captured in a search of the old market in Mopti.", "Disrupted weapons use"),
    ("Police cordoned off the area around three bombs found near the school on Monday.", "Disrupted weapons use"),
    ("A bomb found near the school exploded as police approached, wounding two officers.",
     "Remote explosive/landmine/IED"),
    ("Two explosive devices have been identified by fishermen on the lake shore.", "Disrupted weapons use"),
    ("A roadside bomb exploded near a convoy on the road to Gao, wounding three soldiers.",
     "Remote explosive/landmine/IED"),
    ("After a dawn assault on Tuesday, government forces seized control of Bira, a port town held by the rebels.",
     "Government regains territory"),
    ("Rebel fighters retook the market town of Bira from government troops overnight.",
     "Non-state actor overtakes territory"),
    ("Protesters threw stones at police and set tyres alight outside the ministry.", "Violent demonstration"),
    ("Militants fired shells filled with poisonous gas at the village, leaving dozens short of breath.",
     "Chemical weapon"),
    ("Jets launched 60 missiles at two sites the ministry described as chemical weapons facilities near Hama.",
     "Shelling/artillery/missile attack"),
    ("The army freed four villages in the valley from the insurgents on Thursday.", "Government regains territory"),
    ("Jihadist fighters seized a district centre near the border after government troops fled.",
     "Non-state actor overtakes territory"),
    # bombs dropped from the air are an air strike; a bomb set on the ground stays one
    ("The air force bombed rebel positions in the hills north of the capital this afternoon.", "Air/drone strike"),
    ("Army helicopters strafed the camp at dawn, residents said.", "Air/drone strike"),
    ("A bomb planted by guerrillas exploded outside the air force headquarters.", "Remote explosive/landmine/IED"),
    # taken once the other side had left, without a fight: a non-violent transfer in ACLED's codebook
    ("Rebel fighters took control of the town on Sunday after government troops withdrew overnight.",
     "Non-violent transfer of territory"),
    ("Rebel fighters took control of the town after government troops withdrew, leaving two soldiers dead.",
     "Non-state actor overtakes territory"),
    ("The two aid workers were murdered on the road to the mission on 16 June.", "Attack"),
    ("The mayor was slain outside his home in the early hours.", "Attack"),
    # who reports it ("it was confirmed by police") is not who was shot at
    ("The senator was shot this evening as he began a speech in the main square, it was confirmed by police.", "Attack"),
    ("A soldier was shot at the checkpoint on the bridge, the army said.", "Armed clash"),
    # a bomb that did the destroying is a bombing; a bomb squad that defused one is not
    ("A bank branch on the ring road was wrecked by a bomb late on Tuesday.",
     "Remote explosive/landmine/IED"),
    ("Two devices left outside the bank were defused by a bomb squad before dawn.", "Disrupted weapons use"),
    ("Masked men left sticks of dynamite beside the pylon that feeds the copper mine.",
     "Remote explosive/landmine/IED"),
    ("An oil tanker overturned on the mountain road after driving over a dynamite charge.",
     "Remote explosive/landmine/IED"),
    ("A farmer was killed this morning in a shootout between police and smugglers near the river.", "Armed clash"),
    ("Hooded men set the grain warehouse on fire after tying up the night guard.", "Looting/property destruction"),
    # armed men storming a post fight its guards; storming a wedding attacks civilians
    ("Armed men stormed an army checkpoint in the hills on Monday.", "Armed clash"),
    ("Gunmen stormed a wedding party in the village on Sunday.", "Attack"),
])
def test_the_cue_rules_tell_what_was_done_with_the_weapon_and_who_took_the_place(sentence, sub_event_type):
    assert [k.sub_event_type for k in classify_sentence(sentence)][:1] == [sub_event_type]


def test_a_killing_told_without_its_means_is_an_attack_on_civilians_unless_armed_men_were_killed():
    def reading(sentence: str) -> list[tuple[str, str | None, bool]]:
        return [(k.event_type, k.sub_event_type, k.specific) for k in classify_sentence(sentence)]

    assert reading("The killings of the two nuns took place in the provincial capital on 3 June.") == [
        ("Violence against civilians", "Attack", False)]
    assert reading("A judge was killed in the city on Monday, police said.") == [
        ("Violence against civilians", "Attack", False)]
    # soldiers or rebels killed, or an attack or a blast told: the weapon is not known, so no kind is guessed
    assert reading("Two soldiers were killed on Monday.") == [("Explosions/Remote violence", None, False)]
    assert reading("Three guerrillas were killed on Monday.") == [("Explosions/Remote violence", None, False)]
    assert reading("Two people were killed in an attack on the market.") == [("Explosions/Remote violence", None, False)]


def test_a_toll_told_beside_an_arrest_counts_the_dead_of_another_happening(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-05\n\n"
        "Police arrested a dozen students during a search of the university campus in Cali on Monday, officials said.\n\n"
        "The students were taken to a police station in the city centre for questioning.\n\n"
        "Two soldiers were killed on Monday night near the airport.\n"))
    arrests = [e for e in events if e["sub_event_type"] == "Arrests"]
    assert len(arrests) == 1 and not arrests[0]["fatalities"], "an arrest has no dead of its own"
    killings = [e for e in events if e["fatalities"] == 2]
    assert len(killings) == 1 and killings[0]["event_type"] != "Strategic developments"


def test_a_toll_told_for_another_country_stays_out_of_the_event(cli, tmp_path):
    rows = [
        {"id": "two-scenes", "published": "2022-06-11",
         "text": ("MOSUL — Air strikes hit a militia depot outside Mosul in Iraq on Friday, killing four guards, "
                  "the provincial council said.\n\nThe council asked for an inquiry.\n\n"
                  "In Syria, a monitoring group said 19 fighters had been killed at sites across the border.")},
    ]
    extracted = extract_rows(cli, tmp_path, rows)
    iraq = [e for e in extracted if e["country"] == "Iraq"]
    assert iraq, extracted
    assert iraq[0]["fatalities"] == 4, "the Syrian toll is not the Iraq strike's"


def test_a_second_toll_sentence_follows_the_first_one_onto_the_event(cli, tmp_path):
    rows = [
        {"id": "two-accounts", "published": "2022-03-09",
         "text": ("A roadside bomb hit a police patrol near Baiji on Tuesday, wounding two officers.\n\n"
                  "Hours later, government aircraft struck a militant hideout near Tikrit.\n\n"
                  "The army said that three militants died.\n\n"
                  "The provincial council gave another account.\n\n"
                  "It said five farmers had been wounded and denounced the raid.")},
    ]
    extracted = extract_rows(cli, tmp_path, rows)
    strike = [e for e in extracted if e["sub_event_type"] == "Air/drone strike"]
    assert strike, extracted
    assert (strike[0]["fatalities"], strike[0]["injuries"]) == (3, 5)


def test_party_kinds_and_roles_for_the_typer():
    from conflict_ledger.extract.classifier import role_tokens

    assert role_tokens("Riot police fired tear gas at protesters outside the assembly.") == ["state>protesters"]
    assert role_tokens("Protesters threw stones at the police.") == ["protesters>state"]
    assert role_tokens("Students marched through the town.") == ["protesters>none"]
    assert role_tokens("Heavy rain flooded the valley.") == ["NO_PARTY"]


@pytest.mark.parametrize("sentence, sub_event_type", [
    ("The two sides agreed to a three-day truce so that the wounded could be evacuated, the mayor said.", "Agreement"),
    ("Some 200 rebel fighters surrendered to the army with their weapons in the hills above the town.", "Agreement"),
    ("Government troops withdrew from the airbase overnight, leaving it to the militia.",
     "Non-violent transfer of territory"),
    ("Residents said soldiers had built a fortified checkpoint on the road into the valley.",
     "Headquarters or base established"),
    ("Three armed factions in the south announced the formation of a joint command on Sunday.",
     "Change to group/activity"),
])
def test_the_reports_own_verb_tells_a_strategic_development_between_conflict_parties(sentence, sub_event_type):
    from conflict_ledger.extract.events import own_verb_kinds

    assert [k.sub_event_type for k in own_verb_kinds(sentence)] == [sub_event_type]


@pytest.mark.parametrize("sentence", [
    "The two ministers agreed to meet again next month to discuss trade.",  # no conflict party
    "The rebels said they would never surrender to the army.",  # not done
    "The army plans to set up a base near the border next year.",  # a plan
])
def test_the_own_verb_reading_needs_a_conflict_party_and_a_deed_done(sentence):
    from conflict_ledger.extract.events import own_verb_kinds

    assert own_verb_kinds(sentence) == []


def test_a_speech_frame_is_set_aside_to_read_what_was_reported():
    from conflict_ledger.extract.events import reported_content

    said_that = "The defence ministry said on Monday that militants attacked two army posts near the border."
    start, end = reported_content(said_that)
    assert said_that[start:end] == "militants attacked two army posts near the border."
    trailing = "Rockets struck a base hosting foreign troops near the airport, a spokesman said."
    start, end = reported_content(trailing)
    assert trailing[start:end] == "Rockets struck a base hosting foreign troops near the airport"
    assert reported_content("Rockets struck a base near the airport on Sunday night.") is None


def test_short_stories_join_the_corpus_under_known_labels_as_often_as_asked():
    import yaml

    from conflict_ledger.extract.classifier import _corpus_source, _stories_source

    stories = yaml.safe_load(_stories_source())
    assert set(stories) <= set(yaml.safe_load(_corpus_source())["classes"])
    assert sum(map(len, stories.values())) >= 1000
    label, text = next((label, items[0]) for label, items in stories.items())
    without, _ = training_corpus(story_copies=0)
    once, once_labels = training_corpus(story_copies=1)
    thrice, _ = training_corpus(story_copies=3)
    assert text not in without and (text, label) in set(zip(once, once_labels, strict=True))
    assert len(without) < len(once) < len(thrice)


@pytest.mark.parametrize("text, sub_event_type", [
    ("Afghan security forces in a new push against Taliban militants recaptured Khwaja Ghar district on Friday.",
     "Government regains territory"),
    ("Rebel forces retook the town of Bira from government troops overnight, residents said.",
     "Non-state actor overtakes territory"),
    ("Soldiers and allied tribal fighters took control of Garma on Sunday after a two-day assault.",
     "Government regains territory"),
])
def test_who_took_the_place_is_the_subject_of_the_verb_that_tells_it(cli, tmp_path, text, sub_event_type):
    extracted = extract_rows(cli, tmp_path, [{"id": "taken", "published": "2021-03-02", "text": text}])
    assert [e["sub_event_type"] for e in extracted] == [sub_event_type]


@pytest.mark.parametrize("text", [
    "A blast ripped through a fertiliser warehouse at the port on Monday, killing nine workers, after a fire spread "
    "to stored chemicals, the fire service said.",
    "A small passenger plane crashed shortly after take-off from the provincial airport, killing all eleven people on "
    "board, aviation officials said.",
])
def test_a_brief_report_read_as_a_disaster_tells_no_event_whatever_its_words_name(cli, tmp_path, text):
    assert extract_rows(cli, tmp_path, [{"id": "accident", "published": "2021-03-02", "text": text}]) == []


def test_a_protest_told_with_clashes_is_a_violent_demonstration():
    kinds = classify_sentence("Riot police clashed with hundreds of students marching on parliament in protest at the fees.")
    assert [k.sub_event_type for k in kinds] == ["Violent demonstration"]
    kinds = classify_sentence("Riot police stood guard as thousands of teachers marched peacefully to parliament.")
    assert [k.sub_event_type for k in kinds] == ["Peaceful protest"]


@pytest.mark.parametrize("sentence, sub_event_type", [
    ("Striking farmers blocked highways and rail lines across the state to protest the new crop prices.",
     "Violent demonstration"),
    ("Demonstrators built barricades of burning tyres outside the governor's office.", "Violent demonstration"),
    ("There were scuffles at the edge of the protest march as it reached the ministry.", "Violent demonstration"),
    ("Thousands of teachers marched to parliament and handed in a petition.", "Peaceful protest"),
    ("Thousands of non-violent protesters took to the streets of the capital.", "Peaceful protest"),
    ("Protesters beat a policeman with sticks outside the town hall.", "Violent demonstration"),
    ("Riot police officers beat an opposition protester during a rally near the parliament.",
     "Excessive force against protesters"),
    ("Several demonstrators were badly beaten by soldiers outside the palace.", "Excessive force against protesters"),
    ("Gendarmes suppressed a peaceful march by nurses in Konya on Monday.", "Protest with intervention"),
    ("Riot police fired tear gas to break up a sit-in by students outside parliament.", "Protest with intervention"),
    ("Protesters threw stones at police, who fired tear gas.", "Violent demonstration"),
    # protesters arrested at the protest: the arrests are the intervention, not an event of their own
    ("Police use tear gas and arrest dozens of protesters near the ministry.", "Protest with intervention"),
    # a clash already cued as the crowd's violence is one violent demonstration, not two
    ("Marchers clashed with police during a union rally in Kumasi.", "Violent demonstration"),
    # a road block the report calls peaceful stays a peaceful protest
    ("Garment workers blocked a road for an hour demanding arrears; police said the protest was peaceful.",
     "Peaceful protest"),
])
def test_who_uses_force_at_a_protest_says_riot_or_excessive_force(sentence, sub_event_type):
    """ACLED's codebook: road-blocking, barricades, burning tyres or blows by the crowd make a violent
    demonstration; severe beatings of the crowd by the state are excessive force."""
    assert [k.sub_event_type for k in classify_sentence(sentence)] == [sub_event_type]


def test_rifles_that_were_fired_are_no_seizure():
    kinds = classify_sentence("Gunmen who had seized rifles from a police post fired on the convoy near Gao.")
    assert "Disrupted weapons use" not in [k.sub_event_type for k in kinds]


def test_road_blocks_without_a_protest_make_no_riot():
    assert not any(k.event_type == "Riots" for k in classify_sentence(
        "Soldiers blocked the main road into the town after the ambush, residents said."))


@pytest.mark.parametrize("sentence, expected", [
    ("Police were deployed across the capital in anticipation of fresh protests after Friday prayers.", []),
    ("The party is mobilising thousands of supporters to protest against the election result.", []),
    ("Security forces arrested dozens of opposition activists ahead of planned rallies.", ["Arrests"]),
    ("Thousands marched in the capital ahead of planned rallies in other cities.", ["Peaceful protest"]),
])
def test_a_protest_still_to_come_is_no_protest(sentence, expected):
    assert [k.sub_event_type for k in classify_sentence(sentence)] == expected


@pytest.mark.parametrize("row, sub_event_type", [
    # a brief report read whole as a crime drops the violence it names, not the crowd that gathered over it
    ({"id": "vigil", "published": "2021-05-04",
      "text": "Relatives and neighbours protested outside the police station on Tuesday. They demanded the arrest of "
              "the robbers who stabbed a shopkeeper to death in the market on Sunday, police said."},
     "Peaceful protest"),
    # ACLED lists surrenders among agreements; the classifier alone reads them as a change to the group
    ({"id": "surrender", "published": "2022-09-18",
      "text": "Seven insurgents handed themselves in and surrendered to the army in the eastern hills, a military "
              "spokesman said on Sunday."},
     "Agreement"),
    # the classifier reads most crowd stories as peaceful; a named act of the crowd's violence says otherwise
    ({"id": "rival-rallies", "published": "2019-01-06",
      "text": "Supporters of the two parties held aggressive demonstrations in three towns on Saturday, trading "
              "insults across police lines."},
     "Violent demonstration"),
], ids=["protest-over-a-crime", "surrender", "crowd-violence"])
def test_a_brief_report_is_typed_by_the_fact_it_names(cli, tmp_path, row, sub_event_type):
    assert [e["sub_event_type"] for e in extract_rows(cli, tmp_path, [row])] == [sub_event_type]


def test_crowd_control_grenades_are_no_grenade_attack(cli, tmp_path):
    rows = [{"id": "dispersal", "published": "2020-06-03",
             "text": "Two peaceful marches ended on Tuesday evening as police fired smoke grenades, rubber bullets "
                     "and pepper spray to break up the crowds."},
            {"id": "post", "published": "2020-06-03",
             "text": "Militants hurled a grenade at a police post in Srinagar on Monday, wounding three officers."}]
    types = {e["doc_id"]: e["sub_event_type"] for e in extract_rows(cli, tmp_path, rows)}
    assert types == {"dispersal": "Protest with intervention", "post": "Grenade"}


def test_a_place_named_by_its_past_tells_no_event_now():
    kinds = classify_sentence("The army captured three villages on Monday as it closed in on a rebel-held valley that "
                              "was the scene of a sarin attack in 2013.")
    assert [k.sub_event_type for k in kinds] == ["Government regains territory"]


@pytest.mark.parametrize("whole_probability, expected", [(0.6, "Violent demonstration"),
                                                         (0.8, "Excessive force against protesters")])
def test_who_used_force_at_a_protest_gives_way_only_to_a_sure_reading_of_the_whole(whole_probability, expected):
    """The cue names who used force (the crowd, or the state on the crowd); an unsure reading of the whole brief
    report does not retype it, a sure one does."""
    from conflict_ledger.extract.classifier import TypeGuess
    from conflict_ledger.extract.events import read_brief_whole
    from conflict_ledger.extract.pipeline import DocState, Frame
    from conflict_ledger.model import Document, EventMention, Evidence

    text = "Marchers clashed with police during a union rally in Kumasi."
    state = DocState(document=Document(id="rally", text=text), text=text)
    mention = EventMention(doc_id="rally", event_type="Riots", sub_event_type="Violent demonstration")
    cue = Evidence("rally", 0, 26, text[:26])
    state.frames.append(Frame(mention=mention, sentences=[], spans=[], trigger=cue, specific=True, type_score=0.55))
    label = "Excessive force against protesters"
    whole = TypeGuess(label, whole_probability, "Violent demonstration", 1 - whole_probability, 0.0,
                      ((label, whole_probability), ("Violent demonstration", 1 - whole_probability)))
    read_brief_whole(state, [], [], whole)
    assert state.frames[0].mention.sub_event_type == expected


def test_old_fitted_typers_are_pruned_but_other_kinds_and_other_files_stay(tmp_path):
    """Every change to the training text fits a new model (10-30 MB); only the newest few of each kind stay."""
    import os

    from conflict_ledger.extract.classifier import typer_versions
    from conflict_ledger.resolve.gazetteer import prune_cache

    def model(name: str, age: int):
        path = tmp_path / name
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
        return path

    old = [model(f"event-typer-ngrams-{i:016x}.joblib", i) for i in range(5)]
    brief = [model(f"event-typer-ngrams-brief-{i:016x}.joblib", i) for i in range(2)]
    unrelated = model("gazetteer-v1-0123456789abcdef.sqlite", 0)
    kept = model("event-typer-ngrams-ffffffffffffffff.joblib", 99)
    removed = prune_cache(kept, keep=3, pattern=typer_versions(kept))
    assert sorted(removed) == sorted(old[:3])  # the three oldest of this kind
    assert all(p.exists() for p in [*old[3:], *brief, unrelated, kept])


@pytest.mark.parametrize("text, actor1", [
    ("Israeli jets struck targets in southern Lebanon on Monday.", "Israeli forces"),
    ("Russian shelling killed three civilians in Kharkiv on Tuesday, the governor said.", "Russian forces"),
    ("A Turkish drone strike killed two SDF fighters near Qamishli on Sunday.", "Turkish forces"),
])
def test_a_states_forces_named_by_their_weapon_are_the_attacker(cli, tmp_path, text, actor1):
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-01-09", "text": text}])
    assert events and events[0]["actor1"] == actor1


def test_a_country_name_before_a_weapon_in_a_headline_is_where_not_who():
    from conflict_ledger.resolve.actors import state_force_hits

    assert state_force_hits("U.S. strikes targets in Iraq after Jordan drone attack") == []
    # two countries' forces named as one: each is a side ("U.S. and British warplanes")
    assert sorted(a.name for _, _, a in state_force_hits("Russian and Syrian jets bombed Idlib")) == [
        "Russian forces", "Syrian forces"]
    assert [a.name for _, _, a in state_force_hits("Sudan's drones hit the market")] == ["Sudanese forces"]


def test_a_day_of_this_or_last_year_and_a_time_ago_resolve_against_the_report():
    from datetime import date

    from conflict_ledger.resolve.dates import resolve_date

    published = date(1989, 10, 23)
    assert resolve_date("2 APRIL THIS YEAR", published).iso == "1989-04-02"
    assert resolve_date("3 June of last year", published).iso == "1988-06-03"
    ago = resolve_date("nearly five years ago", published)
    assert (ago.iso, ago.precision) == ("1984-10-01", "month"), "a count of years back names a month at best"


@pytest.mark.parametrize("sentence", [
    "Customs officers listed the cargo of the seized lorry: anti-tank rockets, mortars and spare parts.",
    "The navy keeps four warplanes and two gunships on standby at the coastal airfield.",
])
def test_a_weapon_named_but_not_used_makes_no_strike(sentence):
    from conflict_ledger.extract.events import EventType, names_a_weapon_unused

    for sub in ("Air/drone strike", "Shelling/artillery/missile attack"):
        assert names_a_weapon_unused(EventType("Explosions/Remote violence", sub, True, (0, 5)), sentence)
    used = "Militants fired two rockets at the base on Monday."
    assert not names_a_weapon_unused(EventType("Explosions/Remote violence", "Shelling/artillery/missile attack",
                                               True, (0, 5)), used)


def test_deaths_in_a_crash_are_no_attack_but_a_downed_aircraft_is():
    from conflict_ledger.extract.events import EventType, tells_an_accident

    attack = EventType("Violence against civilians", "Attack", False, (0, 5))
    assert tells_an_accident(attack, "Forty people died when two ferries collided in fog off the island, the coast guard said.")
    assert not tells_an_accident(attack, "The convoy truck crashed into a ditch after gunmen opened fire on it, killing four.")
    blast = EventType("Explosions/Remote violence", "Remote explosive/landmine/IED", True, (0, 5))
    assert tells_an_accident(blast, "Two explosions tore through a fertiliser plant on the edge of town after a gas leak.")
    assert not tells_an_accident(blast, "Artillery shells hit the power plant outside the city, setting it ablaze.")


def test_a_blast_told_again_after_an_accident_is_the_same_accident(cli, tmp_path):
    text = ("Two explosions hit a refinery outside Baytown on Tuesday after it lost power. "
            "Plant manager Ana Ruiz told reporters that both blasts came around 7 a.m.")
    assert extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-03-06", "text": text}]) == []
    text = ("Artillery shells hit the power plant outside the city on Tuesday, officials said. "
            "Residents said the blasts were heard across the valley.")
    events = extract_rows(cli, tmp_path, [{"id": "r2", "published": "2024-03-06", "text": text}])
    assert [e["sub_event_type"] for e in events] == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("sentence", [
    "The navy rejected claims that its gunboats shelled fishing villages along the delta.",
    "Port officials warned of the risk of drone attacks on tankers in the strait this winter.",
    "Air defence crews were told to stand ready to destroy any drone that crosses the line.",
    "Prosecutors have sought the extradition of a militia financier now living abroad.",
    "Grenade attacks on shops have rattled the market town in recent months, traders say.",
    "Feuds over grazing land have killed more than 300 villagers in the valley since January.",
    "Soldiers rescued 14 abducted farm workers from a forest camp on Friday, the army said.",
    # tallies over days, a month or a campaign
    "Some 300 soldiers and rebels were killed or hurt over the past four days of fighting, the army said.",
    "The army mourned 120 soldiers killed in clashes since 2 March.",
    "Rebel units inflicted 90 casualties on government troops during September.",
    "The spring offensive resulted in more than 600 fighters killed, the ministry said.",
])
def test_a_denial_a_danger_an_order_a_request_or_a_period_tally_tells_no_happening(sentence):
    from conflict_ledger.extract.events import classify_sentence, tells_no_happening

    assert tells_no_happening(sentence)
    assert classify_sentence(sentence) == []


def test_one_dated_happening_is_no_period_tally():
    from conflict_ledger.extract.events import tells_no_happening

    assert not tells_no_happening("Two soldiers were killed on 3 November near the border.")
    assert not tells_no_happening("A bomb killed four people during a parade on May 1.")
    assert not tells_no_happening("Three people were killed in clashes in the past hour, witnesses said.")


def test_a_protest_as_a_motive_is_no_protest_held():
    assert classify_sentence("The deputy envoy quit in protest over the terms of the ceasefire deal.") == []
    assert classify_sentence("The audit demonstrated that the ministry had overpaid its suppliers for years.") == []
    kinds = classify_sentence("Hundreds of strikers marched in protest against the new tax on Friday.")
    assert [k.sub_event_type for k in kinds] == ["Peaceful protest"]


def test_a_protest_needs_protesters_and_one_still_to_come_is_not_held():
    from conflict_ledger.extract.events import EventType, protests_held

    arrest = EventType("Strategic developments", "Arrests", True, (20, 28))
    read_as_protest = EventType("Protests", "Protest with intervention", True, (0, 90), 0.41)
    held = EventType("Protests", "Peaceful protest", True, (0, 90), 0.7)
    no_crowd = "Border guards detained twelve fishermen whose boat had strayed into the bay."
    assert protests_held([read_as_protest], [arrest], no_crowd) == [arrest]
    crowd = "Police detained twelve demonstrators outside the coast guard office."
    assert protests_held([read_as_protest], [arrest], crowd) == [read_as_protest]
    to_come = "Union leaders are mobilising members across the region to march on parliament next week."
    assert protests_held([held], [], to_come) == []
    assert protests_held([held], [], "Thousands of supporters protested against the new tax on Friday.") == [held]


@pytest.mark.parametrize("sentence, killed", [
    ("At 0940 GMT, three guards were killed when the bomb went off.", 3),
    ("In Baidoa, 245 km northwest of the capital, a clan elder was shot dead.", 1),
    ("Survivors of the purges of 1975 and 1976 when militias killed villagers still wait for justice.", None),
])
def test_a_clock_time_a_distance_or_a_year_is_not_a_count_of_victims(sentence, killed):
    counts = [c.amount.best for c in find_counts(sentence) if c.kind == "killed"]
    assert counts == ([killed] if killed is not None else [])


def test_a_war_toll_over_years_is_no_toll_of_the_event_told_before_it():
    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    text = ("A bomb exploded outside a bank in the capital on Monday, wounding two guards, police said. "
            "Over 60,000 people have died in the civil war since it began ten years ago.")
    mentions = default_pipeline()(Document(id="toll", text=text)).mentions
    assert [(m.fatalities, m.injuries) for m in mentions] == [(0, 2)]


def test_an_act_told_in_passing_in_a_relative_clause_scores_as_less_of_an_incident(monkeypatch):
    """"a doctor in Mosul who was killed" qualifies the doctor: it counts one mark less than the same act told
    as what the sentence is about."""
    from datetime import date

    from conflict_ledger.extract import incidents
    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    filler = " ".join([
        "The minister spoke for an hour to the assembly about the economy, the harvest and the coming elections.",
        "He thanked the farmers, the teachers and the doctors for their patience during a difficult time.",
        "The assembly will debate the new budget and the electoral law next week, the speaker announced.",
        "Several deputies asked for more money for roads, schools and clinics in the rural provinces.",
    ])
    scores: list[tuple[int, bool]] = []
    judged = incidents.is_incident

    def recording(state, frame, lead, follows):
        scores.append((incidents.incident_score(state, frame, lead, follows), incidents._told_in_passing(frame)))
        return judged(state, frame, lead, follows)

    monkeypatch.setattr(incidents, "is_incident", recording)
    pipeline = default_pipeline()
    for told in ("A doctor in Mosul was killed.", "The prize is named after a doctor in Mosul who was killed."):
        pipeline(Document(id="r", text=f"{filler} {told}", published=date(1990, 1, 9)))
    (main_score, main_passing), (passing_score, passing) = scores
    assert (main_passing, passing) == (False, True)
    assert passing_score == main_score - 1


def test_a_statement_condemning_one_act_reports_it_but_not_violence_in_general():
    from conflict_ledger.extract.events import condemns_an_act

    assert condemns_an_act("The union condemned the killing of its regional secretary outside his home in Kirkuk.")
    assert condemns_an_act("Aid agencies deplored the attack on a food convoy near Kadugli, which wounded two drivers.")
    assert not condemns_an_act("The synod condemned violence of every kind and called for calm.")
    assert not condemns_an_act("Residents denounced these crimes against their villages at a public meeting.")


def test_harm_told_as_done_on_a_day_is_news_even_inside_a_report_of_what_was_said():
    from conflict_ledger.extract.events import tells_a_dated_harm

    assert tells_a_dated_harm("Provincial officials said a district judge was shot dead this morning in Kandahar.")
    assert tells_a_dated_harm("The council named a new chair to succeed the activist who was killed on Friday.")
    assert tells_a_dated_harm("Two aid workers were abducted Sunday near the border, their agency said.")
    assert tells_a_dated_harm("A police officer was shot Dec. 3 outside the station, officials said.")
    assert tells_a_dated_harm("The mayor will look into the bombing that killed six vendors on 12\nMay, she said.")
    assert tells_a_dated_harm("A courier was kidnapped last\nevening on the coast road, the firm said.")
    assert tells_a_dated_harm("The minister said Sunday's car bombing in the port was the work of cowards.")
    assert not tells_a_dated_harm("The army says 700 rebels have been killed as of today.")
    assert not tells_a_dated_harm("Ambushes that killed many drivers over the years went unpunished.")
    assert not tells_a_dated_harm("The activist, who was killed in 2009, is remembered every spring.")


@pytest.mark.parametrize("sentence, expected", [
    ("Troops killed and wounded dozens of insurgents near the dam on Sunday.", "Armed clash"),
    ("Border guards opened fire on gunmen who tried to cross the river at night.", "Armed clash"),
    ("A shopkeeper was shot dead by masked gunmen outside his store on Sunday.", "Attack"),
    ("The militia executed four captured fighters in the town square.", "Attack"),
])
def test_force_on_armed_men_is_a_battle_but_killing_captives_stays_an_attack(sentence, expected):
    from conflict_ledger.extract.events import EventType, _fight_with_an_armed_group

    attack = EventType("Violence against civilians", "Attack", True, (0, 5))
    assert _fight_with_an_armed_group(attack, sentence).sub_event_type == expected


def test_molesting_is_sexual_violence():
    kinds = classify_sentence("Two soldiers at the checkpoint molested a woman returning from the market.")
    assert [k.sub_event_type for k in kinds] == ["Sexual violence"]


def test_a_month_in_an_undated_report_names_no_year():
    from datetime import date

    from conflict_ledger.resolve.dates import resolve_date

    assert resolve_date("in November", None) is None, "the year is unknown, and unknown is null"
    assert resolve_date("in November 1989", None).iso == "1989-11-01"
    assert resolve_date("in November", date(1989, 12, 3)).iso == "1989-11-01"


@pytest.mark.parametrize("sentence, killed", [
    # one toll read once, its "at least" kept as an open upper bound
    ("Gunmen stormed a guesthouse in the port on Friday, starting a standoff that left at least nine dead.", (9, 9, None)),
    # the words before an active verb with a count after it did the killing: "a residential block" is no victim
    ("Three drone strikes on a crowded bus depot in the town killed at least 11 people, including two drivers.",
     (11, 11, None)),
    # "a day" after the verb is a time, not a victim
    ("Four guards were killed a day after the truce was signed, the ministry said.", (4, 4, 4)),
    # "the reason why it ... died" names no one who died
    ("Nobody could explain the reason why it suddenly died down, the officer said.", None),
])
def test_a_toll_is_read_once_and_only_of_victims(sentence, killed):
    counts = [(c.amount.best, c.amount.low, c.amount.high) for c in find_counts(sentence) if c.kind == "killed"]
    assert counts == ([killed] if killed else [])


def test_a_single_victim_is_counted_in_all_caps_wire_copy_too():
    from datetime import date

    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    text = ("LIMA, 4 MAY 90 (EFE) -- [TEXT] GUERRILLAS SET OFF A BOMB OUTSIDE THE TOWN HALL OF A DISTRICT NEAR "
            "HUANCAYO TODAY. QUISPE WAS KILLED AS HE LEFT THE BUILDING, POLICE SOURCES SAID.")
    mentions = default_pipeline()(Document(id="caps", text=text, published=date(1990, 5, 4))).mentions
    assert [m.fatalities for m in mentions] == [1]
    mixed = ("Lima, 4 May 90 (EFE) -- [Text] Guerrillas set off a bomb outside the town hall of a district near "
             "Huancayo today. Quispe was killed as he left the building, police sources said.")
    assert [m.fatalities for m in default_pipeline()(Document(id="mixed", text=mixed,
                                                                published=date(1990, 5, 4))).mentions] == [1]


def test_storming_a_building_is_an_attack():
    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    text = "Armed men stormed a guesthouse in Kismayo late on Tuesday, sparking a standoff that left at least six dead."
    mentions = default_pipeline()(Document(id="storm", text=text)).mentions
    assert [(m.event_type, m.fatalities) for m in mentions] == [("Violence against civilians", 6)]


@pytest.mark.parametrize("sentence, actor1, assoc, actor2", [
    # any country's forces, named by its people or by the country itself
    ("A roadside bomb hit a Malian army convoy near Gao on Tuesday, killing four soldiers.", None, None, "Malian forces"),
    ("Nigerien soldiers and allied vigilantes killed 12 herders near Tillaberi on Monday, residents said.",
     "Nigerien forces", None, None),
    ("A Russian missile hit a grain warehouse in the port city of Odesa late on Monday, injuring eight workers.",
     "Russian forces", None, None),
    # a country told as the one that attacked acts through its forces; a country hit is no party
    ("Russia fired 40 missiles at power stations across Ukraine overnight, officials said.", "Russian forces", None,
     None),
    ("Drones struck an oil terminal in Russia overnight, the regional governor said.", None, None, None),
    ("Moscow launched a wave of missiles at Kyiv overnight, killing two people.", "Russian forces", None, None),
    # a speaker who tells of its own deed did it
    # ... and the side a place was taken from lost it
    ("Sudan's army said it had retaken a bridge over the Nile from the Rapid Support Forces on Tuesday.",
     "Sudanese forces", None, "Rapid Support Forces"),
    ("Hamas said its fighters fired a barrage of rockets at Ashkelon on Monday.", "Hamas", None, None),
    # two sides that did it: the second is associated with the first, not its victim
    ("Wagner fighters and Malian soldiers killed dozens of villagers in a market town in central Mali on Sunday.",
     "Wagner Group", "Malian forces", None),
    ("RSF paramilitaries shelled a displacement camp outside El Fasher on Friday, killing nine people.",
     "Rapid Support Forces", None, None),
    # two sides that fought each other are the battle's two sides, first named first
    ("Sudan's army and the Rapid Support Forces fought for a bridge in Omdurman on Tuesday, residents said.",
     "Sudanese forces", None, "Rapid Support Forces"),
    ("Fighting between Al-Shabaab and Somali troops near a river crossing left several fighters dead on Monday.",
     "Al-Shabaab", None, "Somali forces"),
    # those who were hurt suffered it, whoever reports it
    ("The Pentagon said no U.S. personnel were hurt in Sunday's attack, which targeted the Al-Tanf garrison with "
     "two one-way drones.",
     None, None, "U.S. forces"),
])
def test_who_did_it_and_to_whom(sentence, actor1, assoc, actor2):
    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    mentions = default_pipeline()(Document(id="roles", text=sentence)).mentions
    assert [(m.actor1, m.assoc_actor_1, m.actor2) for m in mentions] == [(actor1, assoc, actor2)]


@pytest.mark.parametrize("text, name", [
    ("THE ZARATE WILKA GROUP CLAIMED RESPONSIBILITY FOR THE ATTACK ON THE BANK.", "ZARATE WILKA GROUP"),
    ("A CAR BOMB WENT OFF OUTSIDE THE BANK, WHICH CLAIMED RESPONSIBILITY FOR NOTHING.", None),
    ("YESTERDAY CLAIMED RESPONSIBILITY FOR BLOWING UP THE PYLON.", None),
])
def test_in_all_caps_copy_only_a_group_name_claims_an_attack(text, name):
    found = claimed_actor(text)
    assert (found[0] if found else None) == name


def test_a_strike_told_by_its_doer_and_the_barrage_it_answered_are_two_events():
    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    text = ("The IDF said its aircraft struck Hezbollah positions near Nabatieh overnight, after a barrage of "
            "rockets was fired at towns in the Galilee.")
    mentions = default_pipeline()(Document(id="two", text=text)).mentions
    assert sorted((m.sub_event_type, m.actor1, m.actor2) for m in mentions) == [
        ("Air/drone strike", "Israeli forces", "Hezbollah"), ("Shelling/artillery/missile attack", None, None)]


def test_a_strike_on_a_weapon_before_its_launch_and_a_missile_at_a_ship_are_incidents(cli, tmp_path):
    text = ("Missile sets tanker ablaze in Gulf of Aden\n\nThe Houthis fired an anti-ship ballistic missile at a "
            "merchant tanker in the Gulf of Aden on Friday evening, setting it on fire, U.S. Central Command said. No "
            "injuries were reported.\n\nHours later, U.S. forces struck a Houthi anti-ship missile that was aimed into "
            "the Red Sea and prepared to launch, the command added.\n\nThe Houthis say their attacks are in "
            "solidarity with Palestinians in Gaza.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-01-27", "text": text}])
    assert sorted((e["sub_event_type"], e["actor1"], e["actor2"]) for e in events) == [
        ("Air/drone strike", "U.S. forces", "Houthis"), ("Shelling/artillery/missile attack", "Houthis", None)]


def test_the_reporters_telling_types_an_event_over_the_doers_own_account(cli, tmp_path):
    text = ("Paramilitary fighters stormed the village of Kafr Saleh on Wednesday, killing at least 40 villagers, a local "
            "resistance committee said. The group said in a statement that its forces had clashed with army units "
            "near the village.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-06-07", "text": text}])
    assert [(e["sub_event_type"], e["fatalities"]) for e in events] == [("Attack", 40)]


def test_a_night_named_by_its_first_day_dates_the_event_by_that_day(cli, tmp_path):
    text = ("Drones struck a militia base in eastern Syria overnight Saturday into Sunday, killing four fighters, a "
            "monitor said.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-01-30", "text": text}])
    assert [(e["event_date"], e["evidence"]["event_date"][0]["text"]) for e in events] == [("2024-01-27", "Saturday")]


@pytest.mark.parametrize("expression, day", [
    ("last Thursday", "2024-02-29"), ("Last Thursday's", "2024-02-29"), ("Sunday's", "2024-03-03"),
    ("last Wednesday", "2024-02-28"), ("Wednesday", "2024-03-06"), ("over the weekend", "2024-03-02"),
    # a night named by the day it began on; two days of one month, never a year ("Feb 27-28" is no 1928)
    ("overnight Saturday into Sunday", "2024-03-02"), ("overnight Friday", "2024-03-01"),
    ("the night of Feb. 27-28", "2024-02-27"), ("27-28 February", "2024-02-27"),
])
def test_a_weekday_however_worded_is_the_last_such_day(expression, day):
    from datetime import date

    from conflict_ledger.resolve.dates import resolve_date

    assert resolve_date(expression, date(2024, 3, 6)).iso == day  # a Wednesday


@pytest.mark.parametrize("sentence, day", [
    ("Russian drones attacked Odesa overnight, killing two people.", "2024-03-06"),
    ("Militants stormed a checkpoint overnight and killed three guards.", "2024-03-06"),
])
def test_a_day_word_the_tagger_leaves_untagged_still_dates_the_event(cli, tmp_path, sentence, day):
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-03-06", "text": sentence}])
    assert [(e["event_date"], e["date_precision"]) for e in events] == [(day, "day")]


def test_a_war_report_keeps_each_place_hit_and_each_later_attack_as_an_event_of_its_own(cli, tmp_path):
    text = ("Russia fired 40 missiles and 50 drones at Ukraine overnight, killing at least four people, the air "
            "force said on Saturday.\n\n"
            "Three people were killed in the city of Kharkiv when a missile hit an apartment block, the mayor said. "
            "In the Sumy region, a drone struck a power substation, wounding two workers. One person died in a strike on a village in the "
            "Zaporizhzhia region.\n\n"
            "Meanwhile, Ukrainian drones hit a fuel depot in Russia's Belgorod region, the governor there said.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-03-09", "text": text}])
    assert sorted((e["admin1"], e["actor1"]) for e in events) == [
        ("Belgorodskaya oblast'", "Ukrainian forces"), ("Kharkivska oblast", "Russian forces"),
        ("Sumska oblast", None), ("Zaporizka oblast", None)]
    # the places the night's barrage hit share its day; what the report turns to "meanwhile" does not
    assert sorted((e["admin1"], e["event_date"], e["date_precision"]) for e in events) == [
        ("Belgorodskaya oblast'", "2024-03-09", "week"), ("Kharkivska oblast", "2024-03-09", "day"),
        ("Sumska oblast", "2024-03-09", "day"), ("Zaporizka oblast", "2024-03-09", "day")]
    text = ("Gunmen stormed a village in the hills on Sunday night and shot dead six farmers, police said. "
            "Hours later, attackers raided a settlement 20 km away and killed three herders, a local leader said.")
    events = extract_rows(cli, tmp_path, [{"id": "r2", "published": "2024-03-12", "text": text}])
    assert sorted(e["fatalities"] for e in events) == [3, 6]
    # "a second bomb" is one more happening, not the first told again
    text = ("Two bombs exploded in the city centre early on Tuesday. The first went off outside a bank, wounding "
            "a guard. Another bomb went off an hour later at a party office, killing two people.")
    events = extract_rows(cli, tmp_path, [{"id": "r3", "published": "2024-03-12", "text": text}])
    assert sorted((e["fatalities"] or 0, e["sub_event_type"]) for e in events) == [
        (0, "Remote explosive/landmine/IED"), (2, "Remote explosive/landmine/IED")]


def test_a_riot_needs_a_crowd_not_armed_men():
    from conflict_ledger.extract.events import EventType, protests_held

    riot = EventType("Riots", "Violent demonstration", True, (0, 10))
    text = "Armed men stormed an army checkpoint in the hills on Monday."
    assert [k.sub_event_type for k in protests_held([riot], [], text)] == []
    crowd = "Hundreds of youths stormed a police station in the city on Monday."
    assert [k.sub_event_type for k in protests_held([riot], [], crowd)] == ["Violent demonstration"]


def test_a_crowds_riot_is_not_the_armed_groups_attack_it_answered(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-14\n\nAngry protesters torched two police stations in the town of Kidal on Monday after a "
        "popular cleric was shot dead by unknown gunmen outside his mosque, residents said.\n"))
    assert sorted((e["sub_event_type"], e["actor1"], e["fatalities"]) for e in events) == [
        ("Attack", "Unidentified armed group", 1), ("Violent demonstration", None, 0)], \
        "the ledger says what the report said: the crowd is no named actor (the ACLED export names it)"


def test_fighters_a_communique_says_it_neutralised_are_its_dead_and_the_army_that_says_so_the_attacker(cli, tmp_path):
    text = ("The Malian army said on Sunday it had \"neutralised\" dozens of terrorists in air strikes near Tombouctou in "
            "northern Mali.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-02-05", "text": text}])
    assert [(e["actor1"], e["fatalities_low"], e["fatalities_high"]) for e in events] == [("Malian forces", 24, 99)]
    from conflict_ledger.extract.casualties import find_counts

    assert find_counts("Engineers neutralised two explosive devices on the road.") == []  # bombs are no dead


def test_two_countries_forces_named_together_are_the_attacker_and_its_partner(cli, tmp_path):
    text = ("U.S. and British warplanes struck more than 60 targets at 16 Houthi sites across Yemen early on Friday, "
            "including in the capital Sanaa, the U.S. Air Force said.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-01-12", "text": text}])
    assert [(e["actor1"], e["assoc_actor_1"], e["actor2"]) for e in events] == [
        ("U.S. forces", "British forces", "Houthis")]


def test_troops_checked_for_injuries_are_the_target_and_the_interception_no_event_of_its_own(cli, tmp_path):
    text = ("Troops hurt in missile attack on Iraq base\n\nIran-backed militants fired ballistic missiles and rockets "
            "at Al-Asad Airbase in western Iraq on Saturday evening, a U.S. official said. Most of the missiles were "
            "intercepted by the base's air defenses, but a number of U.S. personnel are being evaluated for traumatic "
            "brain injuries, U.S. Central Command said. At least one Iraqi service member was wounded.\n\nThe "
            "Islamic Resistance in Iraq claimed the attack.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-01-21", "text": text}])
    assert [(e["actor1"], e["actor2"], e["injuries_low"]) for e in events] == [
        ("Iran-backed militia", "U.S. forces", 1)]


def test_one_more_attack_the_same_day_is_an_event_of_its_own_placed_no_finer_than_what_is_known(cli, tmp_path):
    text = ("OUAGADOUGOU (Wire) - Dozens of worshippers were killed when gunmen attacked a mosque in Natiaboani in "
            "eastern Burkina Faso during dawn prayers on Sunday, a security source said. On the same day, an attack on "
            "a church in the village of Essakane in the north killed at least 15 people, a local priest said.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-02-27", "text": text}])
    assert sorted((e["location"], e["geo_precision"], e["fatalities_low"]) for e in events) == [
        ("Burkina Faso", 3, 15), ("Natiaboani", 1, 24)]


def test_a_doer_and_act_told_afresh_after_hours_later_make_another_event(cli, tmp_path):
    text = ("PESHAWAR (Wire) - A suicide bomber rammed an explosives-laden car into a military convoy in North "
            "Waziristan on Saturday, killing seven soldiers, the army said. The Pakistani Taliban claimed the attack.\n\n"
            "Hours later, security forces carried out an operation in the Datta Khel area, killing eight militants "
            "involved in the attack, the military said.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-03-17", "text": text}])
    assert sorted((e["sub_event_type"], e["fatalities"]) for e in events) == [("Armed clash", 8), ("Suicide bomb", 7)]


def test_soldiers_hurt_in_one_event_are_not_the_force_that_did_another(cli, tmp_path):
    text = ("A Turkish drone strike on a car near Amuda in northeastern Syria killed two SDF fighters on Monday, the "
            "group said. Separately, Islamic State militants ambushed a bus carrying government soldiers east of "
            "Palmyra late on Sunday, killing at least nine soldiers, a monitor said.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-01-16", "text": text}])
    assert sorted((e["actor1"], e["actor2"]) for e in events) == [
        ("Islamic State", "Syrian forces"), ("Turkish forces", "Syrian Democratic Forces")]


@pytest.mark.parametrize("text, actor1, actor2", [
    ("Police in Nairobi fired tear gas at protesters outside parliament on Tuesday; at least five demonstrators "
     "were shot dead.", "Kenyan police", None),
    ("A roadside bomb hit an army convoy near Kandahar on Monday, killing three soldiers.", None, "Afghan forces"),
    ("The army said it had arrested 30 suspected militants during raids in Kupwara district on Wednesday.",
     "Indian forces", "Unidentified armed group"),
    # ... or by the act it carried out: "an army drone strike", "a police raid"
    ("An army drone strike hit a market in Omdurman on Thursday morning, wounding 12 people, medics said.",
     "Sudanese forces", None),
    # someone else's force, or another kind of force, is not the country's own
    ("Militants shelled volunteer forces outside Baiji on Monday, killing two of the volunteers.",
     "Unidentified armed group", None),
])
def test_police_or_troops_named_only_by_what_they_are_are_the_forces_of_the_events_country(
        cli, tmp_path, text, actor1, actor2):
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-03-06", "text": text}])
    assert [(e["actor1"], e["actor2"]) for e in events] == [(actor1, actor2)]


def test_a_titled_speaker_after_said_is_the_source(cli, tmp_path):
    text = "Gunmen shot dead a local councillor in Jos on Monday, said Plateau police spokesman Alfred Alabo."
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-03-12", "text": text}])
    assert [e["sources"] for e in events] == [["Alfred Alabo"]]
    # ... but what follows "says" with no comma before it is what was said
    from conflict_ledger.extract.sources import sources_in

    assert [name for name, _, _ in sources_in("Sudan says RSF shelling killed 12 in Omdurman")] == ["Sudan"]
    # a named speaker beside unnamed officials is the source
    said = sources_in("the outpost was hit, President Joe Biden and U.S. officials said on Sunday")
    assert [name for name, _, _ in said] == ["President Joe Biden"]


def test_speakers_named_by_what_they_are_and_the_datelines_agency_are_sources(cli, tmp_path):
    text = ("Market strike kills five\n\nKHARTOUM (Reuters) - A drone hit a market in Omdurman on Monday, killing five "
            "people, a local volunteer group said. Gunmen stormed a village in Gezira state on Sunday, killing "
            "12 people, residents said.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-03-12", "text": text}])
    assert sorted(e["sources"] for e in events) == [["local volunteer group", "Reuters"], ["residents", "Reuters"]]
    for event in events:
        assert {(ev["text"], text[ev["start"] : ev["end"]]) for ev in event["evidence"]["sources"]} >= {
            ("Reuters", "Reuters")}
    from conflict_ledger.extract.sources import sources_in

    said = [name for name, _, _ in sources_in("Two soldiers died, the military said, and police said four were hurt, "
                                               "said a hospital official.")]
    assert said == ["military", "police", "hospital official"]
    assert [name for name, _, _ in sources_in("Seven were killed, Iranian state media reported.")] == ["Iranian state media"]
    assert [n for n, _, _ in sources_in("Air defences downed 35 drones, Ukraine's air force said.")] == ["Ukraine's air force"]
    both = sources_in("Twenty were killed, local officials and a community leader said.")
    assert [name for name, _, _ in both] == ["local officials", "community leader"]
    # ... named after "according to" too, and a body by its own word between kind and head
    assert [n for n, _, _ in sources_in("Twelve were wounded, according to medics.")] == ["medics"]
    assert [n for n, _, _ in sources_in("Five were killed, according to a local rights group.")] == ["local rights group"]
    assert [n for n, _, _ in sources_in("Gunmen killed 40 villagers, a local resistance committee said.")] == [
        "local resistance committee"]
    # a bare "officials" or "the group" says nothing about who it was
    assert sources_in("The group said it fired the drones, officials said.") == []
    assert sources_in("Five were hurt, according to the people who were there.") == []


def test_the_group_a_speaker_blames_is_the_attacker(cli, tmp_path):
    text = ("A drone strike on a market in Omdurman killed five civilians on Monday, a local volunteer group said, "
            "blaming the paramilitary Rapid Support Forces.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-03-12", "text": text}])
    assert [(e["actor1"], e["actor2"]) for e in events] == [("Rapid Support Forces", None)]


def test_a_report_of_a_strike_and_the_attacks_before_it(cli, tmp_path):
    text = ("U.S. F-16 jets struck two depots near Abu Kamal in eastern Syria early Friday that officials said were "
            "used by Iran's Revolutionary Guard, Defense Secretary Lloyd Austin said.\n\nThe strikes came after at "
            "least 19 attacks on U.S. forces in Iraq and Syria since Oct. 17. On Oct. 18, drones targeted the "
            "Al-Tanf garrison in southern Syria, causing minor injuries to 20 U.S. personnel, and a drone struck "
            "Ain al-Asad air base in western Iraq the same day, the Pentagon said.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2023-10-27", "text": text}])
    got = sorted((e["event_date"], e["location"], e["actor2"], e["injuries"]) for e in events)
    assert got == [
        ("2023-10-18", "Ain al-Asad Air Base", None, 0),
        # the injuries told before the injured
        ("2023-10-18", "Al-Tanf Garrison", "U.S. forces", 20),
        # the tally the strike answered ("attacks on U.S. forces since Oct. 17") names no target of the strike
        ("2023-10-27", "Albu Kamal", "Islamic Revolutionary Guard Corps", 0),
    ]


def test_who_shot_down_the_missile_defended_the_ship_it_was_fired_at(cli, tmp_path):
    text = ("A cruise missile was fired from Houthi-held parts of Yemen toward the USS Carney in the Red Sea on "
            "Friday and was shot down by a U.S. fighter jet, Central Command said. No one was hurt.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-01-14", "text": text}])
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in events] == [
        ("Shelling/artillery/missile attack", "Houthis", "U.S. forces")]


def test_the_country_that_struck_on_a_named_day_struck_from_the_air(cli, tmp_path):
    # the clause names a state backer and its militias, which alone reads like diplomacy to the classifier
    text = ("The United States on Friday struck more than 80 targets in Iraq and Syria tied to Iran's Revolutionary "
            "Guard and the militias it backs, in retaliation for the drone attack that killed three American "
            "soldiers in Jordan last weekend, officials said.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-02-03", "text": text}])
    strikes = [e for e in events if e["actor1"] == "U.S. forces"]
    assert [(e["event_date"], e["sub_event_type"], e["actor2"]) for e in strikes] == [
        ("2024-02-02", "Air/drone strike", "Islamic Revolutionary Guard Corps")]


def test_in_a_riot_the_police_who_met_the_crowd_are_the_second_side(cli, tmp_path):
    text = ("Kenyan police opened fire on demonstrators who stormed parliament in Nairobi on Tuesday, killing at "
            "least five people, rights groups said. Protesters set fire to part of the building.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-06-26", "text": text}])
    assert [(e["sub_event_type"], e["actor1"], e["actor2"], e["sources"]) for e in events] == [
        ("Violent demonstration", None, "Kenyan police", ["rights groups"])]


def test_houses_burned_in_a_massacre_are_a_detail_of_the_killing(cli, tmp_path):
    text = ("Suspected jihadists killed at least 20 civilians in an attack on a village in central Mali's Mopti region "
            "on Sunday, local officials said.\n\nThe gunmen arrived on motorbikes in the late afternoon, set fire to "
            "houses and fled before soldiers arrived.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-05-14", "text": text}])
    assert [(e["event_type"], e["sub_event_type"], e["fatalities"]) for e in events] == [
        ("Violence against civilians", "Attack", 20)]


def test_a_tally_told_with_its_toll_after_it_and_an_attack_compared_with_the_last(cli, tmp_path):
    text = ("date 2024-02-05\nMilitias have attacked U.S. forces in Iraq and Syria at least 166 times since Oct. 17, "
            "according to a U.S. military official, injuring more than 140 troops.\n\nSunday's rocket attack on the "
            "Conoco base in Syria was the first since the Feb. 2 strikes, the official said.\n")
    rows = text_report_rows(cli, tmp_path, "claims", text)
    assert [(c["count"], c["since"], c["attributed_to"], c["injuries"]) for c in rows] == [
        (166, "2023-10-17", "U.S. military official", 141)]
    rows = text_report_rows(cli, tmp_path, "extract", text)
    assert [(e["event_date"], e["sub_event_type"], e["location"]) for e in rows] == [
        ("2024-02-04", "Shelling/artillery/missile attack", "Conoco gas field")]


def test_a_report_filed_abroad_names_its_outlet_not_its_country_as_the_source(cli, tmp_path):
    text = ("date 1990-02-14\n\nMADRID (SPAIN), 14 FEB 90{agency} -- Unknown gunmen shot dead a union leader yesterday as he "
            "left his home, his colleagues said at a press conference.\n\nThe union leader, who led the banana workers "
            "of Honduras, had received threats for months.\n")
    [event] = text_report_rows(cli, tmp_path, "extract", text.format(agency=" (EFE)"))
    assert (event["event_date"], event["country"], event["sources"]) == ("1990-02-13", "Honduras", ["EFE"])
    [event] = text_report_rows(cli, tmp_path, "extract", text.format(agency=""))
    assert (event["country"], event["sources"]) == ("Honduras", [])


def test_a_datelines_date_is_the_day_it_was_filed_not_the_day_of_the_event(cli, tmp_path):
    text = ("ABUJA, July 7 - Armed men abducted 20 pupils and two teachers from a secondary school in Zamfara state "
            "late on Saturday, the state police commissioner said on Sunday.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-07-08", "text": text}])
    assert [(e["event_date"], e["sub_event_type"], e["sources"]) for e in events] == [
        ("2024-07-06", "Abduction/forced disappearance", ["state police commissioner"])]


def test_an_as_clause_tells_the_other_sides_act_and_the_group_is_the_one_named_before(cli, tmp_path):
    text = ("Israel's military said it carried out strikes on Hezbollah targets in southern Lebanon early on Sunday, "
            "as the group launched hundreds of rockets and drones at northern Israel.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-08-26", "text": text}])
    assert sorted((e["sub_event_type"], e["actor1"], e["country"]) for e in events) == [
        ("Air/drone strike", "Israeli forces", "Lebanon"), ("Shelling/artillery/missile attack", "Hezbollah", "Israel")]


def test_a_saved_page_reads_its_headline_dateline_and_agency_as_a_text_report_does(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Car bomb kills 9 in Mogadishu</title>"
        "<meta property='article:published_time' content='2024-03-15T09:00:00Z'></head><body><article>"
        "<h1>Car bomb kills 9 in Mogadishu</h1><p>MOGADISHU (AP) — A car bomb exploded outside a restaurant near "
        "the presidential palace in Mogadishu on Thursday evening, killing at least nine people, police said.</p>"
        "<p>Separately, Somali forces killed more than 30 al-Shabaab fighters in the Middle Shabelle region on "
        "Wednesday, the information ministry said.</p></article></body></html>", encoding="utf-8")
    code, out, err = cli("extract", str(page))
    assert code == 0, err
    events = sorted(jsonl(out), key=lambda e: e["event_date"])
    assert [(e["event_date"], e["sources"]) for e in events] == [
        ("2024-03-13", ["information ministry", "AP"]), ("2024-03-14", ["police", "AP"])]
    # the agency's evidence points into the document text the ledger keeps
    assert any(ev["text"] == "AP" and ev["start"] > 0 for ev in events[0]["evidence"]["sources"])


def test_two_dozen_dead_on_a_night_across_two_days(cli, tmp_path):
    text = "Gunmen killed two dozen villagers in an attack on the night of March 5-6 in Plateau state, police said."
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-03-08", "text": text}])
    # ACLED dates an event across two days by its first
    assert [(e["event_date"], e["date_precision"], e["fatalities"]) for e in events] == [("2024-03-05", "day", 24)]


def test_a_headline_count_told_again_is_one_claim_and_its_injured_no_events_toll(cli, tmp_path):
    text = ("date 2024-01-22\nRockets hit Ain al-Asad; Pentagon counts 140 attacks since October\n\nRockets fired by "
            "Iran-backed militants struck Ain al-Asad air base in western Iraq on Saturday, wounding several U.S. "
            "personnel, U.S. Central Command said.\n\nIt was the 140th attack on American forces in Iraq and Syria "
            "since Oct. 17, according to a Pentagon count. Around 70 U.S. troops have been injured in those attacks, "
            "officials said.\n")
    rows = text_report_rows(cli, tmp_path, "claims", text)
    assert [(c["count"], c["since"], c["injuries"]) for c in rows] == [(140, "2023-10-17", 70)]
    rows = text_report_rows(cli, tmp_path, "extract", text)
    assert [(e["injuries"], e["injuries_low"], e["injuries_high"]) for e in rows] == [(None, 3, 9)]


def test_the_mediators_country_is_not_where_a_ceasefire_was_agreed(cli, tmp_path):
    text = ("The Sudanese army and the Rapid Support Forces agreed to a seven-day ceasefire, Saudi and U.S. mediators "
            "said on Saturday.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-05-02", "text": text}])
    # the report names no place of the agreement: unknown stays null
    assert [(e["sub_event_type"], e["country"]) for e in events] == [("Agreement", None)]


def test_the_tally_nearest_its_since_is_the_claim_and_no_event(cli, tmp_path):
    text = ("date 2024-03-06\nIt was the fourth drone attack on the garrison this week, and the 171st on U.S. forces "
            "since October 17, according to a Pentagon tally.\n")
    rows = text_report_rows(cli, tmp_path, "claims", text)
    assert [(c["count"], c["since"]) for c in rows] == [(171, "2023-10-17")]
    rows = text_report_rows(cli, tmp_path, "extract", text)
    assert rows == []


def test_an_event_told_by_its_day_beside_the_count_it_adds_to_is_an_event_and_the_count_its_own_scope(cli, tmp_path):
    text = ("date 2024-01-30\nSunday's drone strike on Tower 22 in Jordan, which killed three U.S. soldiers, was at "
            "least the 160th attack on U.S. forces in the Middle East since mid-October, according to a Pentagon "
            "tally.\n")
    rows = text_report_rows(cli, tmp_path, "claims", text)
    assert [(c["count"], c["counted"]) for c in rows] == [(160, "attacks on U.S. forces")]  # not "... in Jordan"
    rows = text_report_rows(cli, tmp_path, "extract", text)
    assert [(e["event_date"], e["location"], e["fatalities"]) for e in rows] == [("2024-01-28", "Tower 22", 3)]


def test_a_claim_keeps_its_own_figures_its_speaker_and_the_other_counts_told_next(cli, tmp_path):
    text = ("date 2024-02-02\nU.S. and coalition troops have been attacked at least 168 times since Oct. 17, a "
            "Pentagon official said, and more than 140 service members have been hurt. A second official put the "
            "number of attacks at 171.\n")
    rows = text_report_rows(cli, tmp_path, "claims", text)
    assert [(c["count"], c["since"], c["attributed_to"], c["injuries"]) for c in rows] == [
        (168, "2023-10-17", "Pentagon", 141), (171, "2023-10-17", None, None)]


def test_a_headline_tells_who_was_hit_in_headline_grammar(cli, tmp_path):
    text = ("Two U.S. sailors wounded in drone attack on Syrian outpost\n\n"
            "Two U.S. sailors were wounded on Monday when a drone struck an outpost in eastern Syria, officials "
            "said. Kataib Hezbollah claimed the attack.")
    events = extract_rows(cli, tmp_path, [{"id": "r", "published": "2024-02-06", "text": text}])
    assert [(e["actor1"], e["actor2"], e["injuries"]) for e in events] == [("Kataib Hezbollah", "U.S. forces", 2)]


def test_drones_launched_at_a_target_are_a_drone_strike():
    kinds = classify_sentence("Houthi forces launched three drones at a tanker in the Red Sea on Monday.")
    assert [k.sub_event_type for k in kinds] == ["Air/drone strike"]


@pytest.mark.parametrize("sentence, killed, injured", [
    ("The blast tore through the convoy, killing four soldiers and two civilians.", 6, None),
    ("Gunmen killed eight police commandos and a driver at the checkpoint.", 9, None),
    ("The ambush killed two soldiers and a civilian was wounded, the army said.", 2, 1),
    ("Doctors said the shelling of the depot had injured 23 workers, some critically.", None, 23),
    ("A mortar round hit the bus station on Friday, leaving a guard dead, nine passengers hurt and two buses burnt.",
     1, 9),
])
def test_groups_of_victims_after_a_verb_add_up(sentence, killed, injured):
    assert _tolls(sentence) == (killed, injured)


def test_a_junta_or_a_regime_is_its_countrys_forces():
    from conflict_ledger.resolve.actors import canonical_actor

    assert canonical_actor("the Myanmar junta").name == "Burmese forces"
    assert canonical_actor("Syrian regime forces").name == "Syrian forces"


def test_the_whole_brief_report_obeys_what_its_clauses_say():
    from conflict_ledger.extract.pipeline import default_pipeline
    from conflict_ledger.model import Document

    pipeline = default_pipeline()
    business = "Shares in the defence firm rose 4% after it won a contract to supply artillery shells to the army."
    assert pipeline(Document(id="shares", text=business)).mentions == []
    # a short period told of the happening itself is no tally
    protest = "In recent days, teachers have marched in Lilongwe and Blantyre to demand months of unpaid salaries."
    assert [m.sub_event_type for m in pipeline(Document(id="days", text=protest)).mentions] == ["Peaceful protest"]


def test_hard_wrapped_wire_copy_is_read_as_running_text():
    from conflict_ledger.extract.nlp import is_hard_wrapped, unwrap

    wrapped = ("MANAGUA, 4 MAR 90 -- UNKNOWN ASSAILANTS BURNED A FERRY TERMINAL ON THE\n"
               "EASTERN SHORE OF THE LAKE EARLY TODAY, PORT OFFICIALS REPORTED. THE FIRE\n"
               "DESTROYED TWO OFFICES AND A WAREHOUSE, AND A WATCHMAN WAS HURT ON 3\n"
               "MARCH WHEN HE TRIED TO STOP THE MEN, ACCORDING TO THE PORT AUTHORITY OF\n"
               "THE DEPARTMENT.\n\nTHE ARMY SAID IT WAS SEARCHING THE AREA.\n")
    assert is_hard_wrapped(wrapped)
    flat = unwrap(wrapped)
    assert len(flat) == len(wrapped) and "ON 3 MARCH" in flat and "DEPARTMENT.\n\nTHE ARMY" in flat
    # paragraphs on lines of their own, and a headline above a lead, are not wrapping
    assert not is_hard_wrapped("Rockets hit the base\n\n" + "A long paragraph of running text. " * 20 + "\n\n"
                               + "Another paragraph, also long enough to pass any column a wire uses. " * 5)
    assert not is_hard_wrapped("Short\nlines\nof a list\nnot wire\ncopy\n")


@pytest.mark.parametrize("scope, kinds", [
    ("all", {"Peaceful protest", "Remote explosive/landmine/IED"}),
    ("violence", {"Remote explosive/landmine/IED"}),
])
def test_the_violence_scope_keeps_violent_events_and_drops_protests(cli, tmp_path, scope, kinds):
    report = tmp_path / "report.txt"
    report.write_text("date 2024-03-06\n\nSeveral thousand teachers marched through Lima on Tuesday to demand higher "
                      "pay. Separately, a roadside bomb wounded three soldiers near Ayacucho on Tuesday, the army said.\n",
                      encoding="utf-8")
    code, out, err = cli("extract", "--scope", scope, report)
    assert code == 0, err
    assert {e["sub_event_type"] for e in jsonl(out)} == kinds


@pytest.mark.parametrize("scope, kinds", [
    ("all", ["Disrupted weapons use", "Disrupted weapons use"]),
    ("violence", ["Disrupted weapons use"]),
])
def test_the_violence_scope_keeps_a_foiled_attack_but_not_a_seizure_of_arms(cli, tmp_path, scope, kinds):
    rows = [{"id": "cache", "published": "2024-03-06",
             "text": "Police seized 40 rifles and 3,000 rounds of ammunition at a farm near Cali on Tuesday."},
            {"id": "defused", "published": "2024-03-06",
             "text": "Army engineers defused a roadside bomb planted near a bridge outside Cali on Tuesday."}]
    events = extract_rows(cli, tmp_path, rows, "--scope", scope)
    assert sorted(e["sub_event_type"] for e in events) == kinds
    assert "defused" in {e["doc_id"] for e in events}


def test_a_scope_that_does_not_exist_is_refused_by_name(cli, tmp_path, monkeypatch):
    from conflict_ledger.extract import default_pipeline

    monkeypatch.setenv("CONFLICT_LEDGER_SCOPE", "terror")
    report = tmp_path / "report.txt"
    report.write_text("date 2024-03-06\n\nA bomb wounded three soldiers near Ayacucho on Tuesday.\n", encoding="utf-8")
    code, _, err = cli("extract", report)
    assert code == 2 and "'terror' is not one of 'all', 'violence'" in err
    with pytest.raises(ValueError, match="terror"):
        default_pipeline()
    # a command without the option reads the variable too, and says so in one line
    code, _, err = cli("demo", "--db", tmp_path / "ledger.db")
    assert code == 1 and "CONFLICT_LEDGER_SCOPE='terror' is not one of: all, violence" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("sentence, sub_event_type", [
    ("The bodies of three drivers were found riddled with bullets beside the highway.", "Attack"),
    ("Police found the bodies of two traders with gunshot wounds near the market.", "Attack"),
    ("A photographer was hit by a sniper near the bridge on Sunday.", "Attack"),
    ("Troops found 300 bullets and two rifles in a cave above the village.", "Disrupted weapons use"),
])
def test_a_killing_shown_by_its_marks_is_an_attack_and_bullets_found_unused_a_seizure(sentence, sub_event_type):
    assert [k.sub_event_type for k in classify_sentence(sentence)] == [sub_event_type]


def test_a_strike_placed_only_by_its_region_in_its_own_clause_is_an_incident_of_a_long_report(cli, tmp_path):
    report = tmp_path / "night.txt"
    report.write_text(
        "date 2024-03-06\n\nRussia launched 40 drones and six missiles at Ukraine overnight, the air force said on "
        "Wednesday, adding that air defences shot down 38 of the drones over nine regions.\n\n"
        "In the Odesa region, a drone hit a port warehouse, injuring two workers, the regional governor said.\n\n"
        "In the Sumy region, a drone struck a power substation, leaving several villages without electricity.\n\n"
        "The energy ministry said repair crews were at work. It has repeatedly asked partners for more air defence "
        "systems as the campaign against the grid goes on.\n\n"
        "Separately, Ukrainian drones attacked an oil depot in Russia's Bryansk region, the governor said, adding "
        "that a fire broke out but nobody was hurt.\n", encoding="utf-8")
    code, out, err = cli("extract", report)
    assert code == 0, err
    events = {e["admin1"]: e for e in jsonl(out)}
    assert {"Odeska oblast", "Sumska oblast", "Bryanskaya oblast'"} <= set(events)
    assert events["Sumska oblast"]["sub_event_type"] == "Air/drone strike"
    assert events["Bryanskaya oblast'"]["injuries"] == 0


def test_an_emergency_landing_is_no_strike_unless_fire_hit_the_aircraft():
    from conflict_ledger.extract.events import EventType, tells_an_accident

    strike = EventType("Explosions/Remote violence", "Air/drone strike", True, (0, 5))
    assert tells_an_accident(strike, "The cargo plane came down in an emergency landing near the river, the airline said.")
    assert not tells_an_accident(strike, "Rebel fire hit the helicopter, which made an emergency landing.")


@pytest.mark.parametrize("sentence, killed, injured", [
    # how it happened stands between the verb and its helper
    ("Two soldiers were seriously wounded when the bomb went off under their truck.", None, 2),
    ("Six monks and two cooks who lived with them were brutally murdered in the night.", 8, None),
    # a stray comma before the verb does not split the subject from it
    ("Three guards and five gunmen, were killed in the fighting that followed.", 8, None),
    # ... and groups between commas after a total make up that total, not more
    ("Nine people, including two guards and seven gunmen, were killed at the post.", 9, None),
    ("Two men, a guard and a cook, were hurt at the gate of the depot.", None, 2),
    ("The monks, five Italians and one Peruvian, were assassinated on Monday.", 6, None),
    # the killing named by its noun, the groups after it added up
    ("The bishop condemned the murder of six monks and two cooks at the mission.", 8, None),
    # the article before a count of people already named
    ("Guards repelled the assault on the camp, killing the three attackers.", 3, None),
    # a clock time before the groups is no group; the groups after it still count
    ("At 0940 GMT, an officer and a driver were killed at the roadblock.", 2, None),
])
def test_a_toll_is_read_through_adverbs_commas_and_nouns_of_killing(sentence, killed, injured):
    assert _tolls(sentence) == (killed, injured)


@pytest.mark.parametrize("sentence, sub_event_type", [
    # the bomb is told by what the bomber wore or by the bomber going off with it
    ("Two gunmen wearing explosive vests stormed the clinic gate and blew themselves up.", "Suicide bomb"),
    ("A man detonated his explosive belt among the mourners at the funeral.", "Suicide bomb"),
    ("The bomber walked up to the governor and hugged him before exploding.", "Suicide bomb"),
    # a bomber is an aircraft only when the words say so
    ("A bomber drove an explosives-laden truck into the barracks gate.", "Remote explosive/landmine/IED"),
    ("Long-range bombers struck the fuel depot outside the port overnight.", "Air/drone strike"),
])
def test_a_suicide_bombing_is_told_by_the_vest_or_the_bomber_and_a_bomber_is_not_always_a_plane(sentence, sub_event_type):
    assert [k.sub_event_type for k in classify_sentence(sentence)] == [sub_event_type]


@pytest.mark.parametrize("sentence, killed, injured", [
    ("The death toll from the market bombing rose to 17 on Tuesday.", 17, None),
    ("At least 14 people have been confirmed dead, the ministry said.", 14, None),
    ("Seven militants were reported killed in the raid.", 7, None),
    ("Five fighters were said to have been killed near the bridge.", 5, None),
    ("Nineteen people were left dead after the raid on the village.", 19, None),
    ("The bombing claimed 40 lives in the old quarter.", 40, None),
    ("Rescuers pulled 15 bodies from the debris of the school.", 15, None),
    ("Two U.S. troops were treated for traumatic brain injuries after the attack.", None, 2),
    ("Police said 9 people were hospitalised with injuries.", None, 9),
    ("A woman and her two children were killed when the shell hit their house.", 3, None),
    # some of those already counted are no new victims; "government bodies" are not the dead
    ("Four of the wounded are in critical condition.", None, None),
    ("Three government bodies oversee the crossing.", None, None),
])
def test_a_toll_told_by_the_death_toll_lives_bodies_or_treatment(sentence, killed, injured):
    assert _tolls(sentence) == (killed, injured)


@pytest.mark.parametrize("sentence, sub_event_type", [
    ("Unknown men seized a journalist outside his home in the port city.", "Abduction/forced disappearance"),
    ("Protesters hurled stones at police, who responded with tear gas.", "Violent demonstration"),
    # a town or a cache seized is no abduction
    ("Rebels seized the town after two days of fighting.", "Armed clash"),
])
def test_people_seized_by_armed_men_are_abducted_and_stones_hurled_make_a_riot(sentence, sub_event_type):
    assert [k.sub_event_type for k in classify_sentence(sentence)][0] == sub_event_type


@pytest.mark.parametrize("expression, iso", [
    ("on the 18th", "2023-11-18"),  # a day already past this month
    ("the 25th", "2023-10-25"),  # ... or, still to come, of the month before
    ("20/11/2023", "2023-11-20"),  # a first number over 12 can only be the day
    ("11/20/2023", "2023-11-20"),
])
def test_a_day_of_the_month_and_a_day_first_numeric_date(expression, iso):
    from datetime import date

    from conflict_ledger.resolve.dates import resolve_date

    assert resolve_date(expression, date(2023, 11, 21)).iso == iso


def test_an_attack_on_the_18th_is_dated_in_the_reports_month(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", "date 2023-11-21\n\nGunmen attacked an army checkpoint near "
                              "Tarmiyah on the 18th, killing two soldiers, police said.\n")
    assert [(e["event_date"], e["date_precision"], e["fatalities"]) for e in events] == [("2023-11-18", "day", 2)]


@pytest.mark.parametrize("written, name", [
    ("Fulani herdsmen", "Fulani ethnic militia"),
    ("Dogon hunters", "Dan Na Ambassagou"),
    ("VDP", "Volunteers for the Defence of the Homeland"),
    ("Nuer White Army", "White Army"),
])
def test_communal_militias_are_named_by_the_community_they_arm(written, name):
    from conflict_ledger.resolve.actors import canonical_actor

    actor = canonical_actor(written)
    assert actor is not None and actor.name == name and "militia" in actor.kinds


def test_a_claim_counts_from_the_start_of_the_year_or_an_untold_day_and_says_what_it_counts(cli, tmp_path):
    claims = text_report_rows(cli, tmp_path, "claims", (
        "date 2024-03-12\n\n"
        "Since the start of the year, at least 40 drone strikes have hit fuel depots in the border region, a "
        "monitoring group said.\n"
        "Rebels have carried out more than 90 raids on army posts since the war began, the army said.\n"
        "About 30 soldiers have been wounded in those raids, officials said.\n"))
    assert [(c["count"], c["counted"], c["since"], c["injuries"]) for c in claims] == [
        (40, "drone strikes on fuel depots", "2024-01-01", None),
        (91, "raids on army posts", None, 30),
    ]


def test_a_count_of_the_us_own_strikes_is_no_count_of_attacks_on_us_forces(cli, tmp_path):
    claims = text_report_rows(cli, tmp_path, "claims", (
        "date 2024-02-10\n\n"
        "Navy jets hit a depot near Sanaa on Friday, the fourth wave of American strikes on Houthi sites in Yemen "
        "since Jan. 11.\n"
        "The raid came after more than 40 militia attacks on U.S. troops in Syria since Jan. 1, which had wounded "
        "dozens of soldiers but killed none.\n"))
    assert [(c["count"], c["counted"], c["since"], c["injuries"], c["fatalities"]) for c in claims] == [
        (4, "U.S. strikes on Houthi sites in Yemen", "2024-01-11", None, None),
        (41, "attacks on U.S. forces in Syria", "2024-01-01", 24, 0),
    ]


def test_a_headline_place_summing_up_two_events_and_a_force_named_for_another_country(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-05\n\n"
        "Drone strike kills three in northern Syria as clashes flare in Deir ez-Zor\n\n"
        "QAMISHLI, Syria (Newswire) - A Turkish drone struck a car near the town of Amuda in northeastern Syria on "
        "Sunday, killing three members of the Kurdish-led Syrian Democratic Forces, the group said.\n\n"
        "Separately, fighting between the SDF and Arab tribal fighters in the village of Dhiban in Deir ez-Zor "
        "province killed at least seven people on Monday. Eleven others were wounded.\n\n"
        "In Iraq, a roadside bomb hit an army patrol near Tarmiyah, north of Baghdad, late Monday, wounding two "
        "soldiers, security officials said.\n"))
    by_type = {e["sub_event_type"]: e for e in events}
    # the strike's place is the body's town, not the headline's, which belongs to the clashes
    strike = by_type["Air/drone strike"]
    assert (strike["location"], strike["admin1"], strike["geo_precision"]) == ("Amuda", "Al Hasakah", 2)
    assert by_type["Armed clash"]["location"] == "Dhiban"
    # the Turkish forces were named where the report was in Syria: the patrol in Iraq is Iraq's
    bomb = by_type["Remote explosive/landmine/IED"]
    assert (bomb["country"], bomb["actor2"], bomb["injuries"]) == ("Iraq", "Iraqi forces", 2)


def test_the_same_attackers_the_next_day_make_another_event_of_the_same_kind(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-14\n\n"
        "Gunmen on motorbikes raided a village near Mopti, Mali, on Saturday evening, shooting residents and burning "
        "granaries. The next day they attacked a second village nearby, where 11 people were killed.\n"))
    assert [(e["event_date"], e["sub_event_type"], e["actor1"]) for e in events] == [
        ("2024-05-11", "Attack", "Unidentified armed group"), ("2024-05-12", "Attack", "Unidentified armed group")]
    second = events[1]
    assert second["fatalities"] == 11
    assert [span["text"] for span in second["evidence"]["event_date"]] == ["The next day"]


def test_the_air_force_that_shot_weapons_down_is_not_the_attacker_of_the_strikes_that_got_through(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-22\n\n"
        "Russia fired dozens of drones and missiles at Ukraine overnight, hitting power plants, officials said on "
        "Friday.\n\nIn the southern city of Zaporizhzhia, a missile hit a block of flats, injuring nine residents.\n\n"
        "In Kharkiv, strikes knocked out power to 200,000 homes. Ukraine's air force said it shot down 40 of the "
        "missiles.\n"))
    # missiles shot down are weapons use disrupted by the air force, not a missile attack of its own
    assert [(e["sub_event_type"], e["actor1"]) for e in events if e["actor1"] == "Ukrainian forces"] == [
        ("Disrupted weapons use", "Ukrainian forces")]
    kharkiv = next(e for e in events if e["location"] == "Kharkiv")
    assert kharkiv["sub_event_type"] == "Air/drone strike"


def test_an_interception_told_after_strikes_does_not_lend_them_its_interceptor(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-22\n\n"
        "Russia launched more than 60 drones and 90 missiles at Ukraine overnight, hitting power plants across the "
        "country, officials said on Friday.\n\nIn Kharkiv, strikes knocked out power to 700,000 people. Ukraine's air "
        "force said it shot down 92 of the targets.\n"))
    kharkiv = next(e for e in events if e["location"] == "Kharkiv")
    assert kharkiv["sub_event_type"] == "Air/drone strike" and kharkiv["actor1"] != "Ukrainian forces"


def test_a_protest_report_under_a_present_tense_headline_and_a_call_for_a_strike(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-12\n\n"
        "Protesters clash with police in Dakar after election delay\n\n"
        "DAKAR, Feb 12 (Wire) - Police fired tear gas at hundreds of protesters in Senegal's capital on Sunday as "
        "anger grew over the postponement of the presidential election, witnesses said.\n\n"
        "Demonstrators burned tyres and threw stones at security forces in several neighbourhoods. A 22-year-old "
        "student was shot dead in the northern city of Saint-Louis during the unrest, his family said.\n\n"
        "Opposition leaders have called for a general strike on Tuesday.\n"))
    # the riot in the capital is kept though its headline is in the present tense; the killing in another city
    # stays apart from it; a strike called for is no event, and no air strike
    assert [(e["event_date"], e["sub_event_type"], e["location"]) for e in events] == [
        ("2024-02-11", "Violent demonstration", "Dakar"), ("2024-02-11", "Attack", "Saint-Louis")]


@pytest.mark.parametrize("sentence, kinds", [
    ("Dock workers went on strike on Monday, halting the port.", ["Peaceful protest"]),
    ("A general strike shut shops across the city on Monday.", ["Peaceful protest"]),
    ("Union leaders called for a nationwide strike next week.", []),
])
def test_a_strike_of_workers_is_a_protest_or_none_yet(sentence, kinds):
    assert [k.sub_event_type for k in classify_sentence(sentence)] == kinds


def test_a_toll_for_the_whole_territory_over_a_day_is_not_the_strikes_own(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-02\n\n"
        "An Israeli airstrike killed seven aid workers in Deir al-Balah late on Monday, their employer said on "
        "Tuesday. The health ministry said at least 71 Palestinians had been killed across the territory in the "
        "previous 24 hours.\n\n"
        "In the West Bank, Israeli troops shot dead two Palestinians during a raid on the Jenin refugee camp early "
        "on Tuesday.\n"))
    assert [(e["event_date"], e["location"], e["geo_precision"], e["fatalities"]) for e in events] == [
        ("2024-04-01", "Dayr al Balah", 1, 7), ("2024-04-02", "Jenin camp", 1, 2)]


def test_rival_jihadist_groups_are_no_family_and_a_town_of_a_named_country_is_found_untagged(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-17\n\n"
        "OUAGADOUGOU (Wire) - Jihadists killed more than 100 soldiers in an attack on an army base in eastern Burkina "
        "Faso last week, security sources said on Monday. JNIM claimed the attack on the base on June 11.\n\n"
        "In a separate incident on Saturday, suspected members of the Islamic State Sahel Province ambushed a convoy "
        "near Dori, killing 12 people, a local source said.\n\n"
        "In Mexico, gunmen shot dead a mayoral candidate in Coyuca de Benitez on Friday. Authorities blamed the "
        "Jalisco New Generation Cartel.\n"))
    assert [(e["actor1"], e["country"]) for e in events] == [
        ("Jamaat Nusrat al-Islam wal-Muslimin", "Burkina Faso"), ("Islamic State Sahel Province", "Burkina Faso"),
        ("Jalisco New Generation Cartel", "Mexico")]
    assert (events[1]["location"], events[1]["geo_precision"]) == ("Dori", 2)


@pytest.mark.parametrize("a, b, same", [
    ("Jamaat Nusrat al-Islam wal-Muslimin", "Islamic State Sahel Province", False),  # rivals, both jihadist
    ("Shining Path", "Tupac Amaru Revolutionary Movement", False),  # rivals, both rebels
    ("Islamic State Sahel Province", "Islamic State", True),  # a province of the same franchise
    ("Kataib Hezbollah", "Islamic Resistance in Iraq", True),  # one alliance
])
def test_a_family_of_armed_groups_is_an_alliance_or_a_franchise_not_a_category(a, b, same):
    from conflict_ledger.extract.corefer import _same_family

    assert _same_family(a, b) is same


def test_a_blame_told_for_another_country_names_no_attacker_of_an_event_before_it(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-17\n\n"
        "OUAGADOUGOU (Wire) - Gunmen killed more than 100 soldiers in an attack on an army base in eastern Burkina "
        "Faso last week, security sources said on Monday.\n\n"
        "In Mexico, gunmen shot dead a mayoral candidate in Coyuca de Benitez on Friday. Authorities blamed the "
        "Jalisco New Generation Cartel.\n"))
    assert [(e["country"], e["actor1"]) for e in events] == [
        ("Burkina Faso", "Unidentified armed group"), ("Mexico", "Jalisco New Generation Cartel")]


@pytest.mark.parametrize("sentence, kind", [
    ("Police seized three men carrying rifles at the checkpoint.", "Arrests"),
    ("Troops seized 40 rifles and ammunition in a raid on a hideout.", "Disrupted weapons use"),
])
def test_people_seized_by_the_police_are_arrested_and_arms_seized_are_disrupted_weapons_use(sentence, kind):
    assert [k.sub_event_type for k in classify_sentence(sentence)] == [kind]


def test_a_summary_of_several_attacks_is_the_event_when_none_is_told_on_its_own(cli, tmp_path):
    summed = text_report_rows(cli, tmp_path, "extract", (
        "date 2021-05-15\n\n"
        "Suspected herders have killed eleven people in separate attacks across two districts of Plateau State, "
        "a local official said on Friday.\n"))
    assert [(e["sub_event_type"], e["fatalities"]) for e in summed] == [("Attack", 11)]
    # ... while a summary told before the attacks it sums makes no event of its own
    told_after = text_report_rows(cli, tmp_path, "extract", (
        "date 2021-05-14\n\n"
        "Nine villagers have died in separate attacks in Katsina State this week, residents said on Thursday. "
        "In the first, gunmen shot dead five farmers in Dutsinma on Tuesday. On Wednesday, four villagers were "
        "killed when gunmen stormed a market in Safana.\n"))
    assert sorted((e["event_date"], e["fatalities"]) for e in told_after) == [("2021-05-11", 5), ("2021-05-12", 4)]


@pytest.mark.parametrize("clause, content", [
    ("Grenades were thrown at three police posts in Yala at about 9pm, the Southern Daily said, quoting the regional "
     "security command.", "Grenades were thrown at three police posts in Yala at about 9pm"),
    ("A bomb went off near the market in Pattani on Friday, police said, citing witnesses.",
     "A bomb went off near the market in Pattani on Friday"),
    ("Police said that a bomb went off near the market in Pattani on Friday.",
     "a bomb went off near the market in Pattani on Friday."),
])
def test_a_speech_frame_quoting_another_source_still_leaves_the_happening_to_be_read(clause, content):
    start, end = reported_content(clause)
    assert clause[start:end] == content


@pytest.mark.parametrize("sentence", [
    "Hundreds of nurses staged a die-in outside the health ministry on Monday.",
    "Students formed a human chain around the parliament building on Monday.",
    "Dozens of detainees began a hunger strike at the prison on Monday.",
])
def test_the_other_forms_a_protest_takes_are_protests(sentence):
    assert [k.sub_event_type for k in classify_sentence(sentence)] == ["Peaceful protest"]


def test_a_team_s_strikers_are_no_protest():
    assert classify_sentence("Arsenal's strikers scored twice in the second half on Saturday.") == []


@pytest.mark.parametrize("sentence, actor", [
    ("Nobody has claimed the bombing, but officials speculate that the Islamic State group was involved.",
     "Islamic State"),
    ("Police believe the gunmen were members of al-Shabaab.", "Al-Shabaab"),
    ("Investigators suspect that Boko Haram fighters carried out the raid on the village market.", "Boko Haram"),
    ("Security sources said the blast bore the trademark of the Islamic State group.", "Islamic State"),
    # ... but not what someone believes of a group beside the act
    ("Analysts believe Hezbollah wants to avoid a wider war.", None),
    # ... nor "suspected" said of a noun, nor a claimant left unnamed
    ("A suspected Baathist sympathiser fired on a minibus near the checkpoint on Friday.", None),
    ("Washington said the raid answered a suspected nerve agent attack on Douma last week.", None),
    ("A suspected Hamas gunman carried out a shooting near the checkpoint on Friday.", "Hamas"),
    ("One of the armed factions has since claimed responsibility for the blast.", None),
    ("Officials noted that the Islamic State group was driven from the town years ago.", None),
])
def test_a_group_suspected_or_believed_to_have_done_it_is_the_attacker(sentence, actor):
    found = claimed_actor(sentence)
    assert (found[0] if found else None) == actor


def test_the_other_side_driven_out_of_a_place_is_territory_taken_by_whoever_drove_it(cli, tmp_path):
    rows = [
        {"id": "army", "published": "2019-03-12",
         "text": "Army units pushed the Islamic State fighters back from a hill near Palmyra on Monday. Dozens of the "
                 "jihadists died in the fighting that followed, state television said."},
        {"id": "rebels", "published": "2019-03-12",
         "text": "Rebels drove government troops from two villages near the border on Monday."},
        {"id": "road", "published": "2019-03-12",
         "text": "The governor drove from the city to the airport on Monday to meet the minister."},
    ]
    kinds = {e["doc_id"]: e["sub_event_type"] for e in extract_rows(cli, tmp_path, rows)}
    assert kinds == {"army": "Government regains territory", "rebels": "Non-state actor overtakes territory"}


@pytest.mark.parametrize("expression, iso", [
    ("a week", None), ("two days", None), ("10 days", None), ("three weeks", None),
    ("a week ago", "2019-03-05"), ("two days ago", "2019-03-10"), ("last week", "2019-03-05"),
])
def test_a_length_of_time_names_no_day_unless_counted_back(expression, iso):
    from datetime import date

    from conflict_ledger.resolve.dates import resolve_date

    found = resolve_date(expression, date(2019, 3, 12))
    assert (found.value.isoformat() if found else None) == iso


@pytest.mark.parametrize("sentence, sources", [
    ("Two civilians were killed, according to Lebanese media reports on 3 March.", ["Lebanese media"]),
    ("The raid killed 12 militants, the Kabul Herald and Hindu Kush Press reported.", ["Kabul Herald", "Hindu Kush Press"]),
    ("Hamas and Islamic Jihad said their fighters fired the rockets.", ["Hamas", "Islamic Jihad"]),
    ("FOUR GUARDS DIED, ACCORDING TO REPORTS BY ARMY SOURCES.", ["army sources"]),
    # ... but one name that holds "and" stays one, and so do reports only told by their kind
    ("The Trinidad and Tobago Police Service said two men were shot.", ["Trinidad and Tobago Police Service"]),
    ("Two died, according to the Ministry of Defence and Veterans Affairs.", ["Ministry of Defence and Veterans Affairs"]),
    ("TWO DIED, ACCORDING TO INITIAL REPORTS.", ["INITIAL REPORTS"]),
])
def test_each_speaker_an_attribution_names_is_one_source_without_its_date_or_wrapping(sentence, sources):
    from conflict_ledger.extract.sources import sources_in

    assert [name for name, _start, _end in sources_in(sentence)] == sources


def test_a_strike_back_told_without_a_place_is_not_put_at_the_scene_of_the_attack_it_answered(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-22\n\n"
        "Militants fired rockets at Erbil Air Base in northern Iraq on Saturday evening, wounding two U.S. "
        "service members, U.S. Central Command said. U.S. airstrikes on Kataib Hezbollah sites followed the next "
        "day, officials said.\n"))
    assert [(e["event_date"], e["actor1"], e["location"], e["geo_precision"]) for e in events] == [
        ("2024-01-20", "Unidentified armed group", "Erbil Air Base", 1), ("2024-01-21", "U.S. forces", "Iraq", 3)]


@pytest.mark.parametrize("sentence, counted", [
    ("He did not say how many people were hurt in either incident.", []),
    ("It was not clear how many civilians were killed.", []),
    ("Many people were hurt in the blast.", [("injured", 10, 99)]),
])
def test_how_many_asks_and_counts_nobody(sentence, counted):
    assert [(c.kind, c.amount.low, c.amount.high) for c in find_counts(sentence)] == counted


@pytest.mark.parametrize("sentence, killed", [
    ("Gunmen shot and killed Karim al Jubouri, a teacher, outside his home.", 1),
    ("One of the hostages was found dead near the river the next morning.", 1),
    ("Gunmen killed Ahmed Saleh and two of his guards at a checkpoint.", 3),
    ("Ahmed Saleh and two of his guards were killed at a checkpoint.", 3),
])
def test_a_named_or_singled_out_victim_counts_one_with_the_people_beside_him(sentence, killed):
    assert _tolls(sentence)[0] == killed


@pytest.mark.parametrize("sentence", [
    "Hours earlier, a guided aerial bomb hit the town of Kupiansk, injuring two women.",
    "Government helicopters dropped barrel bombs on the town on Monday.",
    "A glide bomb struck a residential building in Kharkiv on Monday.",
])
def test_bombs_dropped_from_the_air_are_air_strikes(sentence):
    assert [k.sub_event_type for k in classify_sentence(sentence)] == ["Air/drone strike"]


def test_killing_all_of_a_counted_group_counts_them():
    assert _tolls("Security forces ended the siege on Friday after killing all five attackers.")[0] == 5
    assert _tolls("Troops killed all the four gunmen at the checkpoint.")[0] == 4


def test_hours_earlier_or_later_is_the_day_of_the_event_told_before(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-20\n\n"
        "Two Russian missiles struck a recreation area on the outskirts of Kharkiv on Sunday, killing six people, "
        "the regional governor said.\n\n"
        "Hours earlier, a guided aerial bomb hit the town of Kupiansk, injuring two women, local officials said.\n\n"
        "Ukraine's air force said it had shot down 29 of 31 drones launched by Russia overnight.\n"))
    # (the night's drones, told after, do not move the bomb to the report's day)
    assert [(e["event_date"], e["location"], e["sub_event_type"]) for e in events][:2] == [
        ("2024-05-19", "Kharkiv", "Shelling/artillery/missile attack"),
        ("2024-05-19", "Kupyansk", "Air/drone strike")]


def test_the_attackers_own_dead_told_apart_add_to_the_victims_toll(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-08\n\n"
        "Al-Shabaab fighters stormed a hotel in central Mogadishu late on Thursday, police said.\n\n"
        "Security forces ended the siege on Friday morning after killing all five attackers, a police spokesman "
        "said. Three soldiers and three civilians were killed and 27 people were wounded, he added.\n"))
    assert [(e["fatalities"], e["injuries"]) for e in events] == [(11, 27)]


@pytest.mark.parametrize("sentence, killed, injured", [
    ("A rocket landed near a school in the town, and no one was hurt, the mayor said.", 0, 0),
    ("Nobody was injured when the bomb went off outside the bank.", None, 0),
])
def test_nobody_hurt_counts_no_victim(sentence, killed, injured):
    assert _tolls(sentence) == (killed, injured)


def test_one_more_happening_told_with_also_in_a_place_of_its_own_is_another_event(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-03\n\n"
        "Riot police fired live rounds at demonstrators outside the presidential palace on Tuesday, killing three "
        "people, a rights group said.\n\n"
        "Protests also broke out in Kisumu, where crowds set up burning barricades, witnesses said.\n"))
    assert [(e["sub_event_type"], e["location"]) for e in events] == [
        ("Excessive force against protesters", "Kenya"), ("Violent demonstration", "Kisumu")]
    assert events[0]["fatalities"] == 3


def test_a_force_that_tells_of_its_own_strike_tells_of_its_own_losses(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-10\n\n"
        "Hezbollah said it fired a guided missile at an Israeli army position near Shlomi on Friday.\n\n"
        "The Israeli military said three soldiers were wounded and that its tanks struck the launch site near the "
        "Lebanese village of Ramyeh.\n"))
    assert [(e["actor1"], e["actor2"], e["injuries"]) for e in events] == [
        ("Hezbollah", "Israeli forces", 3), ("Israeli forces", None, 0)]


def test_the_toll_the_killers_claim_is_only_the_top_of_the_range(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-12\n\n"
        "Jihadists attacked an army post near Djibo on Saturday. Seven soldiers were killed, a security source "
        "said. The group claimed in a statement that it had killed 40 soldiers.\n"))
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (7, 7, 40)


@pytest.mark.parametrize("text, speaker", [
    ("Two people died in the blast, a local radio station reported.", "local radio station"),
    ("A drone hit a fuel depot overnight, the regional governor there said.", "regional governor"),
])
def test_speakers_named_by_what_they_are(text, speaker):
    from conflict_ledger.extract.sources import sources_in

    assert [name for name, _, _ in sources_in(text)] == [speaker]


def test_the_lead_that_tells_no_event_read_still_dates_the_event_told_after_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-04\n\n"
        "Crowds angry over new taxes marched on the finance ministry in the capital on Tuesday as parliament "
        "debated the budget.\n\n"
        "Police opened fire on the marchers, killing two people, a hospital official said.\n"))
    assert (event["sub_event_type"], event["event_date"], event["date_precision"]) == (
        "Excessive force against protesters", "2024-07-02", "day")


def test_an_attackers_end_does_not_make_them_the_target_of_their_own_attack(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-16\n\n"
        "Two gunmen opened fire on shoppers at a market in Raanana on Monday, killing one woman and wounding 17 "
        "people, police said. Both attackers were later shot dead by police officers.\n"))
    assert (event["actor1"], event["actor2"]) == ("Unidentified armed group", None)


def test_a_reading_spread_thin_over_every_label_does_not_overrule_a_cue(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-23\n\n"
        "Gunmen in combat fatigues burst into a crowded theatre outside Volgograd late on Friday, firing automatic "
        "weapons and setting the building ablaze.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Attack", "Unidentified armed group")


def test_victims_told_as_more_add_to_the_toll_told_before(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-02\n\n"
        "A drone strike on a car near Qamishli on Monday killed three commanders of the militia, a monitoring group "
        "said. The strike also killed the driver, a local official said.\n"))
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (4, 4, 4)


def test_in_a_battle_the_dead_of_both_sides_add_up(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-02\n\n"
        "Fano militiamen attacked an army camp near Bahir Dar on Sunday, killing nine soldiers, residents said. "
        "The military said 17 militiamen died when troops drove them off.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 26)


def test_a_toll_that_has_risen_dates_the_attack_it_counts(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-12\n\n"
        "The death toll from Sunday's attack on a cattle market in the village of Koutougou near the border with "
        "Niger has risen to 41, a local official said on Wednesday.\n"))
    assert (event["event_date"], event["fatalities"]) == ("2024-06-09", 41)


def test_a_coalition_led_by_a_state_is_a_named_actor(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-20\n\n"
        "A Saudi-led coalition air strike hit a fuel station in Hajjah province on Monday, killing four people, a "
        "local administrator said.\n"))
    assert (event["actor1"], event["sources"]) == ("Saudi-led coalition", ["local administrator"])


def test_suspects_an_arrest_befell_are_no_blame_for_the_other_events_of_a_roundup(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-08\n\n"
        "In other violence on Thursday, gunmen killed a teacher in Tuz Khurmatu, police said. In Tikrit, troops "
        "detained three suspected Islamic State members, the army said.\n"))
    assert [(e["sub_event_type"], e["actor1"]) for e in events] == [
        ("Attack", "Unidentified armed group"), ("Arrests", "Iraqi forces")]


def test_the_attacker_whose_end_is_told_with_the_attack_is_its_doer(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-05\n\n"
        "A pilgrim was killed and four worshippers were wounded outside a synagogue in Djerba on Saturday. The "
        "gunman, a naval guard, was shot dead by police.\n"))
    assert (event["actor1"], event["actor2"], event["fatalities"], event["injuries"]) == (
        "Unidentified armed group", None, 2, 4)


def test_a_day_the_tagger_ran_into_what_it_followed_still_dates_the_event(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-04\n\n"
        "Government troops recaptured the town of Tabqa on Sunday after weeks of fighting, state media said.\n"))
    assert (event["event_date"], event["date_precision"]) == ("2024-03-03", "day")


def test_a_killing_told_as_the_doers_deed_on_a_named_day_is_reported_even_in_a_speakers_words(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-22\n\n"
        "Rights activists said the paramilitary fighters had killed at least 60 villagers in Wad Ashana on Monday, "
        "one of the bloodiest attacks in Gezira state since the war began.\n"))
    assert (event["event_date"], event["fatalities"]) == ("2024-08-19", 60)


def test_the_day_of_a_claim_is_not_the_day_of_the_act_it_claims(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-06\n\n"
        "A blast at a market in the town of Ghazni killed 14 people on Tuesday, the provincial police said. The "
        "Islamic State group claimed responsibility on Wednesday, saying one of its fighters had set off an "
        "explosive vest.\n"))
    assert (event["event_date"], event["sub_event_type"], event["actor1"], event["fatalities"]) == (
        "2024-06-04", "Suicide bomb", "Islamic State", 14)


def test_each_item_of_a_listed_roundup_is_an_event_dated_by_its_heading(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-22\n\n"
        "Security incidents, northern Mali\n\n"
        "- April 15: Gunmen killed five traders on the road between Gao and Ansongo.\n"
        "- April 17: A landmine hit an army truck near Tessalit; two soldiers were wounded.\n"
        "- April 19: Armed men abducted a village chief in Menaka region.\n"))
    assert [(e["event_date"], e["sub_event_type"]) for e in events] == [
        ("2024-04-15", "Attack"), ("2024-04-17", "Remote explosive/landmine/IED"),
        ("2024-04-19", "Abduction/forced disappearance")]


def test_speakers_told_with_where_they_speak_from():
    from conflict_ledger.extract.sources import sources_in

    said = sources_in("The strike killed 20 people, health officials in the Hamas-run territory said.")
    assert [name for name, _, _ in said] == ["health officials"]
    # ... but what they are said in is no place they speak from
    assert sources_in("The group claimed strikes on bases hosting American troops in statements posted online.") == []


def test_arrests_said_to_be_none_are_no_event(cli, tmp_path):
    from conflict_ledger.extract.events import tells_no_happening

    assert tells_no_happening("No arrests were reported.")
    assert tells_no_happening("Nobody has been detained so far, police said.")
    assert not tells_no_happening("Police arrested no fewer than 30 people.")


def test_a_peoples_word_before_a_kind_of_place_names_the_country_of_an_unknown_town(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-02\n\n"
        "A drone strike on a motorcycle in the southern Lebanese village of Kfarhamam killed a Hezbollah commander "
        "on Friday, a security source said.\n"))
    assert (event["country"], event["geo_precision"]) == ("Lebanon", 3)


def test_a_soldiers_hometown_is_not_where_he_fell(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-18\n\n"
        "Sgt. Daniel Reyes, 24, of Tucson, Arizona, died on Tuesday of wounds sustained when a roadside bomb struck "
        "his convoy near Baidoa, the Army said.\n"))
    assert (event["country"], event["location"], event["fatalities"]) == ("Somalia", "Baidoa", 1)


def test_a_clocks_time_zone_is_no_place(cli, tmp_path):
    places = text_report_rows(cli, tmp_path, "geoparse", (
        "date 2024-02-04\n\n"
        "At 11:30 p.m. (EST) Feb. 2, U.S. aircraft struck weapons depots in Iraq and Syria.\n"))
    assert [p["name"] for p in places] == ["U.S.", "Iraq", "Syria"]


def test_a_death_by_a_named_weapon_is_an_event_even_in_a_statement(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-02\n\n"
        "The movement said on Wednesday that its deputy chief was killed in an Israeli strike on an apartment in "
        "Beirut.\n"))
    assert (event["sub_event_type"], event["actor1"], event["country"]) == (
        "Air/drone strike", "Israeli forces", "Lebanon")
    # ... dated by the day it was told, a week's precision, not by the later publication day
    assert (event["event_date"], event["date_precision"]) == ("2024-07-31", "week")


def test_fighters_an_army_says_it_neutralised_are_killed_by_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-01\n\n"
        "The Burkinabe army said on Thursday its drones had \"neutralised\" about 30 terrorists near Djibo on "
        "Tuesday.\n"))
    assert (event["sub_event_type"], event["actor1"], event["fatalities"], event["event_date"]) == (
        "Air/drone strike", "Burkinabe forces", 30, "2024-02-27")


def test_soldiers_killed_in_a_clash_with_a_group_were_attacked_by_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-05\n\n"
        "Three soldiers of the Armed Forces of the Philippines were killed in a clash with Dawlah Islamiyah "
        "gunmen in Maguindanao del Sur on Wednesday. Four militants were also killed, the army said.\n"))
    assert (event["actor1"], event["actor2"], event["fatalities"]) == ("Dawlah Islamiyah", "Filipino forces", 7)


def test_aircraft_models_between_a_country_and_its_jets_keep_the_doer(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-10-27\n\n"
        "Two depots near Hama were struck by Israeli F-35 fighter jets early on Friday, state media said.\n"))
    assert event["actor1"] == "Israeli forces"


def test_a_speaker_set_off_by_commas_and_his_he_said(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-12\n\n"
        "The police spokesman in Katsina State, ASP Musa Lawal, told reporters on Monday. He said gunmen "
        "stormed Yar Gamji village in Kankara Local Government Area on Sunday night, killing five residents.\n"))
    assert event["sources"] == ["ASP Musa Lawal"]
    assert (event["location"], event["geo_precision"]) == ("Kankara", 2)


def test_arms_recovered_after_a_gunfight_are_a_detail_of_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-12\n\n"
        "Three militants were killed in an encounter with security forces in Kashmir's Shopian district on "
        "Sunday, police said. Rifles and grenades were recovered from the site.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 3)


def test_prosecutors_are_sources():
    from conflict_ledger.extract.sources import sources_in

    said = sources_in("Gunmen killed four men at a car wash on Tuesday, the state prosecutor's office said.")
    assert [name for name, _, _ in said] == ["state prosecutor's office"]


# ---- round 23: reports in new registers (Sahel, Myanmar, Kurdistan, AFRICOM releases, ship advisories, lists)


def test_a_suspected_doer_is_no_name_and_a_claim_with_an_apposition_names_one(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-14\n\n"
        "Suspected jihadists killed nine soldiers and three Volunteers for the Defence of the Homeland in an ambush "
        "near Djibo in northern Burkina Faso on Tuesday, security sources said.\n\n"
        "JNIM, al-Qaeda's branch in the Sahel, claimed the ambush.\n"))
    assert (event["actor1"], event["fatalities"]) == ("Jamaat Nusrat al-Islam wal-Muslimin", 12)
    # ... and the town the tagger took for an organisation lies in the country the report names
    assert (event["location"], event["admin1"], event["geo_precision"]) == ("Djibo", "Sahel", 2)


def test_the_dead_an_attack_answered_are_not_its_toll(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-05\n\n"
        "Hezbollah fired rockets at an army post in Metula on Thursday, wounding three soldiers, the Israeli "
        "military said.\n\n"
        "The group said it was retaliating for the killing of one of its commanders the day before.\n"))
    assert (event["actor1"], event["injuries"], event["fatalities"]) == ("Hezbollah", 3, 0)


def test_a_province_beats_the_macro_region_and_a_body_of_a_region_speaks(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-22\n\n"
        "A Turkish drone hit a pickup truck in Iraq's Sulaymaniyah province on Wednesday, killing three PKK "
        "members, the security council of the Kurdistan Region said.\n"))
    assert (event["admin1"], event["country"]) == ("Sulaymaniyah", "Iraq")
    assert event["sources"] == ["security council of the Kurdistan Region"]


def test_an_africom_release_names_its_strike_and_its_command_speaks(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-27\n\n"
        "U.S. Africa Command conducted an airstrike against al-Shabaab near Jilib, Somalia, on Feb. 25. "
        "The command's initial assessment is that the airstrike killed two militants.\n"))
    assert (event["actor1"], event["actor2"], event["fatalities"]) == ("U.S. forces", "Al-Shabaab", 2)
    assert event["sources"] == ["AFRICOM"]


def test_a_ships_flag_is_not_where_it_was_hit(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-07\n\n"
        "A Houthi missile hit the Liberia-flagged bulk carrier Sea Lark about 50 nautical miles southwest of Aden "
        "on Wednesday, wounding two crew members, U.S. Central Command said.\n"))
    assert (event["country"], event["location"]) == ("Yemen", "Aden")


def test_a_protest_the_report_calls_peaceful_in_the_next_sentence(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-18\n\n"
        "Thousands of farmers drove tractors into central Brussels on Monday, blocking streets near the "
        "European Parliament to protest against a trade deal.\n\n"
        "The protest was peaceful, police said.\n"))
    assert event["sub_event_type"] == "Peaceful protest"


def test_a_lynching_kills(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-07\n\n"
        "A mob lynched two men accused of theft in the town of Sargodha in Punjab province on Saturday, police "
        "said.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Mob violence", 2)


def test_a_trend_of_strikes_is_no_strike(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-12\n\n"
        "Myanmar military jets bombed a village in Sagaing region on Monday, killing 12 civilians, residents said.\n\n"
        "The junta has stepped up air strikes since an alliance of armed groups launched an offensive in Shan "
        "State in October.\n"))
    assert (event["event_date"], event["admin1"], event["fatalities"]) == ("2024-03-11", "Sagaing", 12)


def test_one_year_ago_today_is_that_day():
    from datetime import date

    from conflict_ledger.resolve.dates import resolve_date

    assert resolve_date("One year ago today", date(2024, 7, 22)).iso == "2023-07-22"
    assert resolve_date("one year ago", date(2024, 7, 22)).precision == "month"


def test_federal_troops_fight_a_militia_between_them(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-08\n\n"
        "Fighting between Ethiopian federal troops and Fano militiamen in the town of Debre Markos killed six "
        "civilians on Saturday, residents said.\n"))
    assert (event["actor1"], event["actor2"]) == ("Ethiopian forces", "Fano")


def test_settlers_are_a_side(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-14\n\n"
        "Israeli settlers attacked the village of al-Mughayyir in the occupied West Bank on Saturday, burning "
        "cars and wounding 11 Palestinians, the Palestinian Red Crescent said.\n"))
    assert (event["actor1"], event["injuries"]) == ("Israeli settlers", 11)


def test_a_city_the_tagger_took_for_a_people_and_the_group_that_led_the_rebels(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-02\n\n"
        "Syrian rebels led by Hayat Tahrir al-Sham captured most of Aleppo on Saturday, a war monitor said. "
        "Russian warplanes struck Idlib city later that day, killing six civilians.\n"))
    assert [(e["sub_event_type"], e["actor1"], e["location"]) for e in events] == [
        ("Non-state actor overtakes territory", "Hayat Tahrir al-Sham", "Aleppo"),
        ("Air/drone strike", "Russian forces", "Idlib")]


def test_a_town_and_its_province_tagged_as_one_title(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-05\n\n"
        "Fighters of the M23 rebel group seized the town of Nyanzale in North Kivu on Saturday after two days of "
        "fighting with the Congolese army, local sources said.\n"))
    assert (event["admin1"], event["country"]) == ("Nord-Kivu", "Democratic Republic of the Congo")


def test_similar_attacks_by_a_group_are_no_blame(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-12\n\n"
        "A car bomb exploded outside a police station in Dera Ismail Khan on Wednesday evening, killing three "
        "policemen. No group immediately claimed responsibility, but the Pakistani Taliban have staged similar "
        "attacks in the area.\n"))
    assert event["actor1"] is None


def test_militants_from_a_named_group_are_that_group(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-30\n\n"
        "Militants from the Baloch Liberation Army stopped buses on a highway in Musakhel district on Sunday and "
        "shot dead 14 passengers, officials said.\n"))
    assert (event["actor1"], event["fatalities"]) == ("Baloch Liberation Army", 14)


def test_the_killing_a_crowd_protests_is_not_its_toll(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-09\n\n"
        "Hundreds of students protested in Dhaka on Thursday against the killing of a classmate, and some threw "
        "stones at police, who fired tear gas. At least 15 people were injured.\n"))
    assert (event["event_type"], event["fatalities"], event["injuries"]) == ("Riots", 0, 15)


def test_a_deed_after_a_takeover_dated_last_month_is_two_events(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-25\n\n"
        "The Rapid Support Forces looted the main market in Wad Madani after seizing the city last month, "
        "residents said.\n"))
    assert sorted((e["sub_event_type"], e["event_date"][:7]) for e in events) == [
        ("Looting/property destruction", "2024-01"), ("Non-state actor overtakes territory", "2023-12")]


def test_a_countrys_glide_bomb_is_its_forces():
    from conflict_ledger.resolve.actors import state_force_hits

    assert [a.name for _, _, a in state_force_hits("A Russian glide bomb hit a hardware store in Kharkiv")] == [
        "Russian forces"]


def test_the_attack_a_strike_answered_has_its_own_town(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-19\n\n"
        "Israeli jets struck Hezbollah targets in southern Lebanon on Sunday in retaliation for a rocket attack "
        "that killed a soldier near Safed earlier in the day, the Israeli military said.\n"))
    answered = next(e for e in events if e["sub_event_type"] == "Shelling/artillery/missile attack")
    assert (answered["location"], answered["country"], answered["fatalities"]) == ("Safed", "Israel", 1)


def test_a_release_of_hostages_is_dated_by_its_day(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-26\n\n"
        "Hamas released four Israeli hostages in Gaza on Sunday in exchange for 120 Palestinian prisoners, the "
        "Red Cross said.\n"))
    assert event["event_date"] == "2024-11-24"


def test_a_list_of_incidents_keeps_each_day(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-05\n\n"
        "Incidents this week:\n"
        "- 29 July: Gunmen killed a village chief in Mopti region, Mali.\n"
        "- 2 August: An IED hit an army vehicle near Gao, Mali, wounding four soldiers.\n"))
    assert [e["event_date"] for e in events] == ["2024-07-29", "2024-08-02"]


def test_a_figure_the_report_took_back_is_no_toll(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-13\n\n"
        "CORRECTION: An earlier version of this story said 16 people were killed in Friday's bombing at a market "
        "in Peshawar. Police said nine people were killed.\n"))
    assert event["fatalities"] == 9


def test_two_sources_tolls_make_a_range(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-18\n\n"
        "Police said four people were killed when gunmen attacked a bus park in Kaduna on Saturday night, but "
        "residents put the toll at 10.\n"))
    assert (event["sub_event_type"], event["fatalities_low"], event["fatalities"]) == ("Attack", 4, 10)


def test_victims_named_by_the_body_they_worked_for(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-03\n\n"
        "Five aid workers from the charity Food Without Borders were killed when their convoy was hit by an "
        "Israeli strike in Deir al-Balah on Monday night.\n"))
    assert event["fatalities"] == 5


def test_a_trial_for_an_attack_of_an_earlier_year_is_no_new_attack(cli, tmp_path):
    rows = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-10\n\n"
        "A court in Baghdad sentenced four men to death on Wednesday for a 2016 suicide bombing in the Karrada "
        "district that killed more than 300 people.\n"))
    assert rows == []


def test_sides_fighting_since_a_month_is_no_event(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-16\n\n"
        "A drone strike hit a house in El Fasher on Monday, killing two brothers, a neighbour said. Sudan's army "
        "and the Rapid Support Forces have been fighting for control of the city since May.\n"))
    # ... nor are its sides those of the strike
    assert (event["sub_event_type"], event["fatalities"], event["actor1"]) == ("Air/drone strike", 2, None)


def test_the_day_the_attack_owns_and_its_toll_in_a_compared_sentence(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-14\n\n"
        "Thursday's funeral for the victims of Tuesday's attack on a church in Jos drew thousands. The attack, in "
        "which gunmen killed six worshippers, was the deadliest in the city this year.\n"))
    assert (event["event_date"], event["fatalities"]) == ("2024-03-12", 6)


def test_the_general_staff_is_a_source_not_a_general():
    from conflict_ledger.extract.sources import sources_in

    assert [name for name, _, _ in sources_in("Troops repelled 14 assaults, the General Staff said.")] == [
        "General Staff"]


def test_groups_of_other_wars_by_their_names(cli, tmp_path):
    rows = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-27\n\n"
        "Turkish-backed Syrian National Army factions shelled villages held by the Syrian Democratic Forces near "
        "Manbij on Monday, killing two civilians, according to the SDF.\n"))
    assert [(e["actor1"], e["actor2"]) for e in rows] == [("Syrian National Army", "Syrian Democratic Forces")]
    from conflict_ledger.resolve.actors import canonical_actor

    assert [canonical_actor(name).name for name in ("FARC dissidents", "LNA", "National Resistance Front")] == [
        "FARC dissidents", "Libyan National Army", "National Resistance Front"]


def test_a_holiday_the_tagger_took_for_an_event_dates_the_strike(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-02\n\n"
        "Three civilians died in a Russian missile strike on Kharkiv in the early hours of New Year's Day, "
        "the regional governor said.\n"))
    assert (event["event_date"], event["date_precision"]) == ("2024-01-01", "day")


def test_a_week_after_an_abduction_dates_it_a_week_back(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-04\n\n"
        "A week after gunmen abducted more than 200 pupils from a school in Kaduna State, their parents are still "
        "waiting for news, residents said on Monday.\n"))
    assert (event["sub_event_type"], event["event_date"], event["date_precision"]) == (
        "Abduction/forced disappearance", "2024-02-26", "week")


def test_a_crowd_that_blocks_a_highway_and_the_injured_when_police_clear_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-25\n\n"
        "Students blocked the main highway into Dhaka for a second day on Wednesday, demanding an end to job "
        "quotas. Police fired rubber bullets and tear gas to clear the road, and at least 60 people were injured, "
        "hospital officials said.\n"))
    assert (event["sub_event_type"], event["injuries"]) == ("Violent demonstration", 60)


def test_a_man_who_set_himself_on_fire_outside_an_embassy_protested_there(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-28\n\n"
        "A man set himself on fire outside the Israeli embassy in Washington on Sunday in protest against the war "
        "in Gaza, police said.\n"))
    assert (event["sub_event_type"], event["location"], event["country"]) == (
        "Peaceful protest", "Washington", "United States")


def test_resistance_forces_are_not_the_countrys(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-26\n\n"
        "Myanmar's junta said on Thursday that resistance forces had shot down a military helicopter near Hpakant "
        "in Kachin State on Wednesday, killing its three crew.\n"))
    assert event["actor1"] != "Burmese forces"


def test_west_bank_places_the_gazetteer_lacked(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-21\n\n"
        "Israeli settlers set fire to olive groves in the village of Masafer Yatta in the south Hebron hills on "
        "Thursday, residents said.\n"))
    assert (event["actor1"], event["location"], event["country"], event["geo_precision"]) == (
        "Israeli settlers", "Masafer Yatta", "Palestinian Territory", 1)


def test_a_toll_across_a_country_is_not_the_towns(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-09\n\n"
        "Russian missiles hit a hospital in Kyiv on Monday as part of a barrage that killed at least 41 people "
        "across Ukraine, officials said. In Kyiv alone, 31 people were killed.\n"))
    assert (event["location"], event["fatalities"]) == ("Kyiv", 31)


def test_a_defence_ministry_speaks_for_its_forces(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-12\n\n"
        "Russia's defence ministry stated on Sunday its air defences had destroyed 14 Ukrainian drones over the "
        "Belgorod region.\n"))
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Disrupted weapons use", "Russian forces", "Ukrainian forces")


def test_forces_loyal_to_a_side_and_a_divided_states_capital(cli, tmp_path):
    (loyal,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-18\n\n"
        "Forces loyal to the Libyan National Army clashed with an armed group in Sabha on Friday, leaving three "
        "fighters dead, a security source said.\n"))
    assert loyal["actor1"] == "Libyan National Army"
    from conflict_ledger.resolve.actors import country_forces

    assert country_forces("Libya").name == "Libyan forces"  # not one side's name for the country's forces


def test_a_car_bomb_that_opened_an_assault_counts_the_attackers_dead(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-28\n\n"
        "Al-Shabaab militants attacked a military base in the town of Elbur in central Somalia early on Thursday, "
        "officials said. The militants began with a car bomb at the gate before gunmen stormed in. A military "
        "officer said eight soldiers and 15 militants were killed.\n"))
    assert (event["actor1"], event["fatalities"], event["location"], event["admin1"]) == (
        "Al-Shabaab", 23, "Ceelbuur", "Galguduud")


def test_a_retaken_building_its_town_and_what_a_source_did_not_say(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-15\n\n"
        "Sudan's army said on Wednesday it had retaken the state broadcaster's headquarters in Omdurman from the "
        "Rapid Support Forces, its biggest gain in the capital since the war began in April last year. The army did "
        "not say how many fighters were killed.\n\n"
        "In a separate development, RSF drones struck a power station in Merowe overnight, residents said.\n\n"
        "The war has killed tens of thousands of people, according to the United Nations.\n"))
    assert [(e["sub_event_type"], e["actor1"], e["location"], e["actor2"]) for e in events] == [
        ("Government regains territory", "Sudanese forces", "Omdurman", "Rapid Support Forces"),
        ("Air/drone strike", "Rapid Support Forces", "Merowe", None)]
    assert events[1]["fatalities_high"] is None or events[1]["fatalities_high"] < 1000


def test_a_countrywide_toll_stands_where_the_report_gives_no_other(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-24\n\n"
        "Israeli air strikes killed at least 480 people across Lebanon on Monday, the Lebanese health ministry "
        "said.\n"))
    assert event["fatalities"] == 480


def test_three_reports_of_a_base_assault_are_one_event(cli, tmp_path):
    reports = {
        "a.txt": "date 2024-06-28\n\nAl-Shabaab militants attacked a military base in the town of Elbur early on "
                 "Thursday, setting off a battle that lasted hours, officials said. A military officer said seven "
                 "soldiers and more than 20 militants were killed.\n",
        "b.txt": "date 2024-06-27\n\nHeavy fighting broke out on Thursday morning after al-Shabaab fighters stormed "
                 "an army base at El Bur in Galgaduud region, residents said. At least 25 people were killed, "
                 "including soldiers and militants, a local elder told reporters.\n",
        "c.txt": "date 2024-06-29\n\nSomalia's army said on Friday that it had repelled an al-Shabaab assault on its "
                 "base in Elbur, killing 30 militants. Seven soldiers died in Thursday's fighting, the army said.\n",
    }
    for name, text in reports.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "ledger.db"
    code, _, err = cli("ingest", *(tmp_path / name for name in reports), "--db", db)
    assert code == 0, err
    code, out, err = cli("events", "--db", db, "--format", "jsonl")
    assert code == 0, err
    (event,) = jsonl(out)
    # storming a base is a fight for it (no place taken), and the attackers' own dead name no target
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["fatalities"]) == (
        "Armed clash", "Al-Shabaab", "Somali forces", 37)


def test_two_sides_strikes_in_one_sentence_keep_their_own_countrys_tolls(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-26\n\n"
        "Hezbollah launched more than 300 rockets and drones at Israel early on Sunday, while Israel said it had "
        "struck thousands of Hezbollah rocket launcher barrels in southern Lebanon in a pre-emptive attack. Four "
        "people were killed in Lebanon, the health ministry said. An Israeli navy sailor was killed by debris from "
        "an interceptor.\n"))
    assert sorted((e["actor1"], e["country"], e["fatalities"]) for e in events) == [
        ("Hezbollah", "Israel", 1), ("Israeli forces", "Lebanon", 4)]


def test_a_strike_in_what_it_called_retaliation_is_typed_by_its_own_words(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-27\n\n"
        "Israel struck military sites in Iran early on Saturday in what it called retaliation for Iran's Oct. 1 "
        "missile attack. Iran's army said two soldiers were killed.\n"))
    assert (event["sub_event_type"], event["country"], event["fatalities"]) == ("Air/drone strike", "Iran", 2)


def test_a_longer_group_name_beats_the_shorter_one_inside_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-04\n\n"
        "West Papua National Liberation Army rebels shot dead a teacher in Puncak on Monday, Indonesian police "
        "said.\n"))
    assert (event["actor1"], event["country"]) == ("West Papua National Liberation Army", "Indonesia")


def test_a_spelling_variant_abroad_is_no_town_and_the_republic_its_people_named(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-22\n\n"
        "Armed men believed to be from the 3R rebel group attacked the town of Bang in north-western Central "
        "African Republic on Wednesday, killing at least six civilians, the UN mission said.\n"))
    assert (event["actor1"], event["country"], event["fatalities"]) == (
        "Return, Reclamation, Rehabilitation", "Central African Republic", 6)


def test_the_toll_told_before_a_clause_cut_at_after(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-30\n\n"
        "Post-poll violence in West Bengal's Cooch Behar district left one Trinamool Congress worker dead and four "
        "injured after clashes with BJP supporters on Monday night, police said.\n"))
    assert (event["fatalities"], event["injuries"]) == (1, 4)


def test_a_tank_and_the_town_of_a_headquarters_it_fired_at(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-11\n\n"
        "Two UN peacekeepers were injured when an Israeli tank fired at an observation tower at UNIFIL's "
        "headquarters in Naqoura, southern Lebanon, on Thursday, the UN mission said.\n"))
    assert (event["actor1"], event["country"], event["geo_precision"]) == ("Israeli forces", "Lebanon", 1)


def test_a_city_beside_a_sides_country_is_no_stray_town(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-20\n\n"
        "A suspected U.S. drone strike in Idlib killed a commander of Hurras al-Din on Monday, a war monitor "
        "said.\n"))
    assert (event["location"], event["country"]) == ("Idlib", "Syria")


def test_a_group_whose_name_modifies_forces_speaks_of_its_own_launch(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-03\n\n"
        "Houthi forces said they had launched a ballistic missile at an Israeli military target in the Negev on "
        "Monday.\n"))
    assert (event["actor1"], event["actor2"]) == ("Houthis", "Israeli forces")


def test_the_rest_of_a_persons_name_is_no_air_base(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-03-08\n\n"
        "Gunmen loyal to the ousted president Bashar al-Assad ambushed a security patrol in Latakia province on "
        "Thursday, killing 13 members of the security forces, a war monitor said.\n"))
    assert (event["location"], event["country"]) == ("Latakia", "Syria")


def test_armed_men_who_kill_civilians_attack_them_and_near_a_city_of_is_beside_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-03-09\n\n"
        "Security forces loyal to the new government killed dozens of civilians in villages near the coastal city "
        "of Baniyas on Saturday, according to a monitoring group.\n"))
    assert (event["sub_event_type"], event["location"], event["geo_precision"]) == ("Attack", "Baniyas", 2)


def test_a_toll_that_rose_as_the_wounded_died_in_a_hospital_elsewhere_is_the_same_event(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-04-23\n\n"
        "Gunmen fired on a group of tourists near Pahalgam in Kashmir on Tuesday, killing 24 people and wounding "
        "at least 17, police said.\n\n"
        "The death toll rose to 26 from 24 on Wednesday as two of the wounded died in a hospital in Srinagar.\n"))
    assert (event["location"], event["fatalities"], event["injuries"]) == ("Pahalgam", 26, 17)


def test_a_dateline_with_its_day_before_the_month_gives_the_country(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-04\n\n"
        "Tbilisi, 4 December - Riot police fired water cannon to break up thousands of demonstrators outside the "
        "parliament for a sixth night, the interior ministry said. Several protesters were injured.\n"))
    assert (event["sub_event_type"], event["country"], event["injuries_low"]) == (
        "Protest with intervention", "Georgia", 3)


def test_the_city_a_report_was_filed_from_is_where_its_the_city_lies(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-21\n\n"
        "Culiacan, Mexico - Gunmen shot dead three men at a car wash on the outskirts of the city on Friday, the "
        "Sinaloa state prosecutor's office said.\n"))
    assert (event["location"], event["geo_precision"]) == ("Culiacan", 2)


def test_a_town_in_a_named_country_and_a_militia_named_army_taking_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-03-06\n\n"
        "The White Army militia overran an army base in Nasir in South Sudan's Upper Nile state on Tuesday, local "
        "officials said.\n"))
    assert (event["sub_event_type"], event["location"], event["country"]) == (
        "Non-state actor overtakes territory", "Nasir", "South Sudan")


def test_a_railway_blown_up_is_a_bombing_by_the_group_that_blew_it_up(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-03-12\n\n"
        "Baloch Liberation Army fighters blew up a stretch of railway track near Mach in Balochistan on Tuesday, "
        "officials said.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Remote explosive/landmine/IED", "Baloch Liberation Army")


def test_a_truck_driven_into_a_crowd_and_the_police_who_stopped_the_driver(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-01-02\n\n"
        "A man drove a rented van into a crowd of revellers in the centre of New Orleans early on Wednesday, "
        "killing ten people before he was shot dead by police.\n"))
    assert (event["sub_event_type"], event["actor1"], event["location"]) == ("Attack", None, "New Orleans")


def test_the_days_that_open_the_items_of_a_list_date_each_item(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-03-24\n\n"
        "Recent attacks in western Niger:\n"
        "- 21 March: gunmen attacked a mosque in Tillaberi region during prayers, killing 40 worshippers.\n"
        "- 12 December 2024: an attack on an army post killed 30 soldiers.\n"
        "- 20 June: 18 soldiers were killed in an ambush.\n"))
    assert sorted(e["event_date"] for e in events) == ["2024-06-20", "2024-12-12", "2025-03-21"]


def test_fighting_between_two_days_of_a_week_is_dated_by_the_first(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-29\n\n"
        "Dozens of Malian soldiers were killed in fighting with separatist rebels near Kidal between Thursday and "
        "Saturday, the rebels said.\n"))
    assert event["event_date"] == "2024-07-25"


def test_a_protester_named_by_a_force_is_the_crowd_and_the_force_an_associate(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-26\n\n"
        "A U.S. Air Force serviceman set himself on fire outside the Israeli embassy in Washington on Sunday in "
        "protest against the war in Gaza, police said.\n"))
    assert (event["sub_event_type"], event["actor1"], event["assoc_actor_1"]) == (
        "Peaceful protest", None, "U.S. forces")


def test_a_city_after_into_and_a_side_word_is_a_place(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-10\n\n"
        "An Israeli strike on a house in eastern Rafah on Thursday killed four people, medics said.\n"))
    assert (event["location"], event["country"]) == ("Rafah", "Palestinian Territory")


def test_a_town_and_its_country_tagged_as_one_organisation_are_cut_at_in(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-27\n\n"
        "Jihadists attacked villagers digging trenches around the town of Barsalogho in Burkina Faso's "
        "Centre-Nord region on Saturday, local sources said.\n"))
    assert (event["sub_event_type"], event["location"]) == ("Attack", "Barsalogho")


def test_one_wounded_who_died_of_his_injuries_is_one_dead():
    counts = find_counts("He later died of his injuries in hospital.")
    assert [(c.kind, c.amount.best) for c in counts] == [("killed", 1)]


def test_the_figure_a_toll_rose_from_counts_no_one():
    counts = find_counts("The death toll rose to 26 from 24 overnight as two of the wounded died.")
    assert [(c.kind, c.amount.best) for c in counts] == [("killed", 26)]


def test_a_group_and_their_driver_killed_add_up(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-27\n\n"
        "Four foreign engineers and their local driver were killed when a suicide bomber rammed a car into their "
        "convoy near Dasu in Khyber Pakhtunkhwa on Tuesday, police said.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Suicide bomb", 5)


def test_the_nth_killing_of_its_kind_counts_no_one_more(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-15\n\n"
        "A reporter was shot dead by unknown gunmen in the city of Culiacan on Sunday, the fourth killing of a "
        "journalist in the country this year.\n"))
    assert event["fatalities"] == 1


def test_each_paragraph_of_a_round_up_is_placed_by_its_own_words_not_its_dateline(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-04\n\n"
        "KABUL — A bomb exploded outside the Ministry of Finance in Kabul on Tuesday, wounding three people, police "
        "said.\n\n"
        "ISLAMABAD — Pakistani troops killed nine militants in a raid in North Waziristan on Monday, the military "
        "said.\n"))
    assert sorted((e["country"], e["admin1"]) for e in events) == [
        ("Afghanistan", "Kabul"), ("Pakistan", "Khyber Pakhtunkhwa")]


def test_a_building_next_to_an_embassy_places_the_strike_in_its_city(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-02\n\n"
        "An Israeli airstrike flattened a building next to the Iranian embassy in Damascus on Monday, killing "
        "seven officers, Iran said.\n"))
    assert (event["location"], event["country"]) == ("Damascus", "Syria")


def test_armed_gangs_storming_a_prison_attack_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-04\n\n"
        "Armed gangs stormed the main prison in Port-au-Prince on Saturday night and freed thousands of inmates; at "
        "least ten people were killed, officials said.\n"))
    assert (event["event_type"], event["fatalities"]) == ("Violence against civilians", 10)


def test_terrorists_eliminated_in_a_communique_are_dead(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-26\n\n"
        "At dawn on 25 January, army units repelled an attack by terrorist groups on positions near Mopti. Nine "
        "terrorists were eliminated.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 9)


def test_police_who_shoot_a_teenager_dead_attack_and_the_riot_after_is_another_event(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-06-29\n\n"
        "Police shot dead a 17-year-old at a traffic stop in Nanterre, a suburb west of Paris, on Tuesday, "
        "prosecutors said. Youths set cars on fire and threw fireworks at police in several towns overnight.\n"))
    assert sorted((e["sub_event_type"], e["location"]) for e in events)[0] == ("Attack", "Nanterre")
    assert {e["sub_event_type"] for e in events} == {"Attack", "Violent demonstration"}


def test_years_ago_this_week_dates_the_month_back_then(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-10\n\n"
        "Ten years ago this week, Islamic State fighters captured Mosul as the army collapsed.\n"))
    assert (event["event_date"], event["date_precision"]) == ("2014-06-01", "month")


def test_a_clash_that_killed_and_burned_houses_is_the_clash(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-16\n\n"
        "Clashes between herders and farmers in Plateau State killed at least 15 people on Sunday, a local official "
        "said, adding that dozens of houses were burned.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 15)


def test_an_attack_told_earlier_on_the_same_day_is_another_event(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-05\n\n"
        "Gang members set fire to a police station in Petion-Ville on Monday night, the police said. Earlier on "
        "Monday, armed men shot dead two people near the airport, a radio station reported.\n"))
    assert len(events) == 2


def test_a_toll_over_the_past_month_is_no_event_and_the_days_own_strike_is(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-15\n\n"
        "Israeli strikes on Lebanon killed 1,100 people in the past month, the health ministry said on Thursday. On "
        "Thursday alone, strikes on the southern city of Nabatieh killed nine.\n"))
    assert (event["admin1"], event["fatalities"]) == ("An Nabatiyah", 9)


def test_the_attack_a_strike_came_a_day_after_is_its_own_event_a_day_before(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-24\n\n"
        "Turkish jets struck suspected PKK targets in northern Iraq on Thursday, a day after gunmen attacked a "
        "defence company near Ankara, killing five people.\n"))
    strike = next(e for e in events if e["country"] == "Iraq")
    assert (strike["event_date"], strike["fatalities"]) == ("2024-10-24", 0)
    assert {(e["country"], e["event_date"], e["fatalities"]) for e in events if e is not strike} == {
        ("Turkey", "2024-10-23", 5)}


def test_an_act_told_only_as_the_cause_of_another_is_no_event(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-06-15\n\n"
        "Iran fired ballistic missiles at Israel overnight in retaliation for Israeli strikes on its military sites. "
        "Four people were killed in central Israel, the rescue service said.\n"))
    assert (event["sub_event_type"], event["country"], event["fatalities"]) == (
        "Shelling/artillery/missile attack", "Israel", 4)


def test_an_acronym_in_brackets_after_its_name_is_no_place(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-20\n\n"
        "The Syrian Arab News Agency (SANA) reported that militants shelled residential areas of the city of "
        "Aleppo on Monday, killing a woman.\n"))
    assert (event["location"], event["country"]) == ("Aleppo", "Syria")


def test_a_named_group_a_backer_is_told_with_is_that_group(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-25\n\n"
        "On April 24, Iranian-backed Houthi militants launched an anti-ship ballistic missile into the Gulf of Aden. "
        "No ships were damaged.\n"))
    assert event["actor1"] == "Houthis"


def test_a_running_count_the_killing_brings_up_is_no_toll_of_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-03\n\n"
        "Gunmen shot dead two mayoral candidates in Guerrero state over the weekend, bringing to at least 30 the "
        "number of candidates killed during the campaign.\n"))
    assert event["fatalities"] == 2


def test_a_road_between_two_towns_is_placed_near_the_first(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-14\n\n"
        "Gunmen abducted 15 bus passengers on the Kaduna-Abuja highway on Saturday evening, police said.\n"))
    assert (event["location"], event["geo_precision"]) == ("Kaduna", 2)


def test_a_toll_across_the_country_is_placed_in_the_country_only(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-05\n\n"
        "Protesters defied a curfew and marched through Dhaka on Monday, a day after clashes with police and "
        "ruling party supporters killed nearly 100 people across the country.\n"))
    clash = next(e for e in events if e["fatalities"])
    assert (clash["location"], clash["geo_precision"], clash["event_date"]) == ("Bangladesh", 3, "2024-08-04")


def test_happenings_in_several_places_listed_between_semicolons_are_events_of_their_own(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-11\n\n"
        "Gunmen killed three people in Bannu on Saturday; in Lakki Marwat, a roadside bomb wounded two policemen, "
        "police said.\n"))
    assert sorted((e["sub_event_type"], e["fatalities"], e["injuries"]) for e in events) == [
        ("Attack", 3, 0), ("Remote explosive/landmine/IED", None, 2)]


def test_one_fight_told_by_two_sides_between_semicolons_stays_one(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-19\n\n"
        "Al-Shabaab fighters ambushed an army convoy near Baidoa on Wednesday. The government said 12 militants were "
        "killed; the group said it killed ten soldiers.\n"))
    assert event["fatalities"] == 22


def test_a_date_that_opens_the_report_with_its_weekday_dates_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-08\n\n"
        "Friday, Jan. 5, 2024 - A car bomb exploded near a market in Mogadishu, killing four people, police said.\n"))
    assert event["event_date"] == "2024-01-05"


def test_on_the_nth_is_a_day_of_the_reports_month(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-06\n\n"
        "On the 4th, rebels of the Arakan Army overran a border guard post in Rakhine State, the group said.\n"))
    assert event["event_date"] == "2024-05-04"


def test_near_a_name_of_a_region_and_its_town_is_near_the_town(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-28\n\n"
        "Soldiers killed a senior Islamic State commander near Menaka in Mali last week, the army said.\n"))
    assert (event["location"], event["geo_precision"]) == ("Menaka", 2)


def test_a_hashtag_a_plus_count_and_a_persons_tomb(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-03\n\n"
        "BREAKING: 20+ killed as two blasts hit a crowd near Soleimani's tomb in #Kerman, state TV says.\n"))
    assert (event["location"], event["country"], event["fatalities_low"]) == ("Kerman", "Iran", 20)


def test_a_known_town_beside_an_unknown_village_named_as_the_scene_is_near_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-16\n\n"
        "Residents of the Kenyan coastal town of Lamu said suspected al-Shabaab fighters burned two churches in the "
        "village of Salama overnight. There were no casualties.\n"))
    assert (event["location"], event["geo_precision"]) == ("Lamu", 2)


def test_the_city_its_speakers_sit_in_places_what_happened_in_the_city(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-22\n\n"
        "Officials in Donetsk said shelling of a market in the city's western district killed 25 people on "
        "Sunday.\n"))
    assert (event["location"], event["geo_precision"]) == ("Donetsk", 2)


def test_a_cargo_ship_struck_by_a_group_is_an_attack_from_afar(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-19\n\n"
        "Houthi forces struck a British-owned cargo ship in the Gulf of Aden on Sunday, forcing its crew to "
        "abandon it, the U.S. military said.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Shelling/artillery/missile attack", "Houthis")


def test_a_region_named_as_english_news_spells_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-15\n\n"
        "Al-Shabaab fighters attacked a military base in the Hiran region on Sunday. The army said three soldiers "
        "and 12 militants died in the fighting.\n"))
    assert (event["admin1"], event["country"], event["fatalities"]) == ("Hiiraan", "Somalia", 15)


def test_a_count_this_year_or_over_the_past_week_is_a_tally_claim(cli, tmp_path):
    claims = text_report_rows(cli, tmp_path, "claims", (
        "date 2024-02-12\n\n"
        "It was the 12th attack on U.S. forces this year, a U.S. official said. Militants have carried out more "
        "than 20 attacks on the base over the past two weeks, residents said.\n"))
    assert [(c["count"], c["since"]) for c in claims] == [(12, "2024-01-01"), (21, "2024-01-29")]


def test_forces_who_kill_militants_fight_them_and_their_own_dead_told_after_add_up(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-11\n\n"
        "Security forces killed 25 militants in an intelligence-based operation in the Khyber district on Monday "
        "night, the military said. Three soldiers also died.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 28)


def test_one_named_victim_and_n_others_add_up():
    counts = find_counts("A drone strike killed the group's deputy leader Salih Ahmad and five other members.")
    assert [(c.kind, c.amount.best) for c in counts] == [("killed", 6)]


def test_a_camp_named_before_displacement_camp_is_that_camp(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-04-14\n\n"
        "Paramilitary fighters attacked the Zamzam displacement camp south of El Fasher on Friday, killing dozens "
        "of people, aid groups said.\n"))
    assert (event["location"], event["admin1"]) == ("Zamzam camp", "North Darfur")


def test_a_word_the_tagger_left_out_of_a_town_name_is_joined_to_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-11\n\n"
        "A roadside bomb killed two policemen in Dera Ismail Khan on Sunday night, officials said.\n"))
    assert (event["location"], event["admin1"]) == ("Dera Ismail Khan", "Khyber Pakhtunkhwa")


def test_a_province_the_next_clause_names_is_not_the_towns(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-09\n\n"
        "Gunmen killed two policemen guarding a polling station in Dera Ismail Khan, while in Balochistan a grenade "
        "attack on a polling station wounded three people, officials said.\n"))
    assert ("Dera Ismail Khan", "Balochistan") not in {(e["location"], e["admin1"]) for e in events}


def test_riot_police_who_break_up_a_protest_are_the_countrys_police(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-03\n\n"
        "Riot police fired tear gas to break up a protest outside parliament in Tbilisi on Monday.\n"))
    assert (event["sub_event_type"], event["actor2"]) == ("Protest with intervention", "Georgian police")


def test_a_car_driven_into_a_crowd_that_kills_is_an_attack(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-21\n\n"
        "A man drove a rented car into a crowd of shoppers at a street market in Magdeburg on Friday evening, killing "
        "five people and injuring about 200, police said.\n"))
    assert (event["sub_event_type"], event["fatalities"], event["location"]) == ("Attack", 5, "Magdeburg")


def test_a_car_that_lost_control_and_ploughed_into_people_is_no_attack(cli, tmp_path):
    assert text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-21\n\n"
        "An elderly driver lost control of the van, which ploughed into a crowd at a market in Magdeburg on Friday, "
        "injuring nine people, police said.\n")) == []


def test_a_count_after_a_number_that_counts_no_people_is_read():
    counts = find_counts("A day after three girls were stabbed to death at a dance class, hundreds rioted.")
    assert [(c.kind, c.amount.best) for c in counts] == [("killed", 3)]


def test_people_taken_to_hospital_are_injured_but_bodies_are_not():
    counts = find_counts("Five people were taken to hospital. Two bodies were taken to hospital.")
    assert sorted((c.kind, c.amount.best) for c in counts) == [("injured", 5), ("killed", 2)]


def test_a_country_that_blames_a_group_and_strikes_back_hours_later_did_the_strikes(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-24\n\n"
        "Gunmen stormed the offices of a defence company in Kahramankazan, outside Ankara, on Wednesday, killing "
        "five people. Turkey blamed the PKK and launched air strikes on Kurdish militant targets in northern Iraq "
        "hours later.\n"))
    assert sorted((e["sub_event_type"], e["actor1"], e["country"]) for e in events) == [
        ("Air/drone strike", "Turkish forces", "Iraq"), ("Attack", "Unidentified armed group", "Turkey")]


def test_nobody_killed_is_no_event_and_the_arrests_that_end_an_attack_are_part_of_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-10\n\n"
        "Armed men stormed a television station in Guayaquil on Tuesday, threatening staff with guns before police "
        "arrested 13 of them. No one was killed.\n"))
    assert (event["sub_event_type"], event["fatalities"], event["event_date"]) == ("Attack", 0, "2024-01-09")


def test_people_chased_and_beaten_in_the_street_were_attacked(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-08\n\n"
        "Visiting football supporters were chased and beaten in the streets of Amsterdam on Thursday night, police "
        "said. Seven people were taken to hospital.\n"))
    assert (event["sub_event_type"], event["injuries"], event["location"]) == ("Attack", 7, "Amsterdam")


def test_a_team_beaten_in_a_final_is_no_attack(cli, tmp_path):
    assert text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-08\n\n"
        "The visiting side was beaten in the final in Amsterdam on Thursday night.\n")) == []


def test_a_city_the_tagger_took_for_a_person_is_a_place_after_in(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-12-04\n\n"
        "A bomb went off during a Mass in a university gymnasium in Marawi on Sunday, killing four people.\n"))
    assert (event["country"], event["geo_precision"]) == ("Philippines", 1)


def test_a_town_on_a_road_between_two_towns_is_placed(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-11-25\n\n"
        "Gunmen ambushed a supply convoy on the road between Djibo and Namsiguia, in northern Burkina Faso, on "
        "Friday, killing 21 people.\n"))
    assert (event["location"], event["country"]) == ("Djibo", "Burkina Faso")


def test_hodeidah_is_the_port_city_not_its_province(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-21\n\n"
        "Israeli jets struck fuel depots at Hodeidah on Saturday, killing six people, the Houthi-run health "
        "ministry said.\n"))
    assert (event["location"], event["geo_precision"]) == ("Al Hudaydah", 1)


def test_a_town_of_the_country_a_demonym_names_beats_a_far_region_of_its_name(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-26\n\n"
        "Malian soldiers killed at least 20 civilians in a village near Nara on Saturday, residents said.\n"))
    assert (event["country"], event["admin1"]) == ("Mali", "Koulikoro")


def test_rebels_who_enter_a_city_by_name_take_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-09\n\n"
        "Rebel fighters entered Homs early on Sunday and announced that the government had fallen, a war monitor "
        "said.\n"))
    assert (event["sub_event_type"], event["location"]) == ("Non-state actor overtakes territory", "Homs")


def test_the_sides_of_fighting_between_the_army_and_a_group_are_both_actors(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-10\n\n"
        "Fighting broke out between the army and the Rapid Support Forces in El Fasher on Friday, residents said.\n"))
    assert (event["actor1"], event["actor2"]) == ("Sudanese forces", "Rapid Support Forces")


def test_fighting_that_erupted_on_a_weekday_happened_that_day_and_the_act_a_day_before_it_the_day_before(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-11\n\n"
        "Fierce fighting erupted between the army and the Rapid Support Forces in El Fasher on Friday, a day after "
        "the paramilitaries shelled the city's eastern districts, residents said.\n"))
    assert sorted((e["sub_event_type"], e["event_date"]) for e in events) == [
        ("Armed clash", "2024-05-10"), ("Shelling/artillery/missile attack", "2024-05-09")]


def test_the_state_of_a_name_is_the_state_not_its_capital(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-15\n\n"
        "Gunmen killed 19 people at a village fair in the southern state of Oaxaca on Friday night, officials "
        "said.\n"))
    assert (event["admin1"], event["geo_precision"]) == ("Oaxaca", 3)


def test_one_more_hurt_told_without_its_verb_is_counted():
    counts = find_counts("Two engineers were killed and another wounded when a bomber struck their convoy.")
    assert [(c.kind, c.amount.best) for c in counts] == [("killed", 2), ("injured", 1)]


def test_an_armed_group_named_again_as_the_group_is_no_rioting_crowd(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-26\n\n"
        "Separatist fighters blocked a highway in Balochistan's Musakhel district overnight and shot dead 23 "
        "passengers, officials said. The group also attacked police stations in the province.\n"))
    assert "Riots" not in {e["event_type"] for e in events}
    assert {(e["admin2"], e["country"]) for e in events} == {("Musakhel", "Pakistan")}


def test_a_count_by_a_bodys_own_tally_is_attributed_to_it_and_mid_month_is_its_middle(cli, tmp_path):
    (claim,) = text_report_rows(cli, tmp_path, "claims", (
        "date 2024-02-05\n\n"
        "By the Pentagon's count, militias have attacked U.S. forces in Iraq and Syria at least 165 times since "
        "mid-October.\n"))
    assert (claim["count"], claim["since"], claim["attributed_to"]) == (165, "2023-10-15", "Pentagon")


def test_martyred_soldiers_are_dead_and_who_triggered_the_blast_did_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-17\n\n"
        "Three CRPF jawans were martyred in an IED blast triggered by Maoists in Chhattisgarh on Tuesday, police "
        "said.\n"))
    assert (event["fatalities"], event["actor1"], event["actor2"]) == (
        3, "Communist Party of India (Maoist)", "Indian police")


def test_a_region_named_with_del_is_one_name(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-19\n\n"
        "Dissidents attacked a police station in Jamundi, in Valle del Cauca, with explosives on Wednesday night, "
        "wounding three officers, police said.\n"))
    assert (event["admin1"], event["country"]) == ("Valle del Cauca", "Colombia")


def test_each_post_of_a_live_blog_tells_its_own_happening(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-02\n\n"
        "LIVE\n\n"
        "09:12 - Israeli strikes on Khan Younis killed at least eight people overnight, medics said.\n"
        "09:40 - The Israeli military said it had struck Hezbollah launchers in southern Lebanon, killing two "
        "fighters.\n"))
    assert sorted((e["country"], e["fatalities"]) for e in events) == [("Lebanon", 2), ("Palestinian Territory", 8)]


def test_a_claim_by_a_jihadist_group_answers_for_an_attack_on_another_one(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-22\n\n"
        "A roadside bomb hit a Taliban patrol in Kunar province on Tuesday, killing two. Islamic State's Khorasan "
        "branch claimed the attack.\n"))
    assert (event["actor1"], event["actor2"]) == ("Islamic State Khorasan Province", "Taliban")


def test_an_act_a_sentence_opens_with_a_day_after_is_its_own_and_a_day_before_the_main_one(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-01\n\n"
        "A day after two men were stabbed to death at a bus stop in the town, hundreds of people threw bricks at "
        "police in Southport on Tuesday.\n"))
    assert sorted((e["sub_event_type"], e["event_date"], e["fatalities"]) for e in events) == [
        ("Attack", "2024-07-29", 2), ("Violent demonstration", "2024-07-30", 0)]


def test_the_town_named_before_is_the_scene_itself_in_the_town(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-30\n\n"
        "Rioters attacked a mosque in Southport on Tuesday, a day after three girls were stabbed to death at a "
        "dance class in the town.\n"))
    assert {(e["location"], e["geo_precision"]) for e in events} == {("Southport", 1)}


def test_forces_that_repelled_attacks_fought_and_held_their_ground(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-13\n\n"
        "Ukraine's army said it controls 74 settlements in Russia's Kursk region. Russia's defence ministry said its "
        "forces had repelled attacks near the villages of Sudzha and Korenevo.\n"))
    assert {e["sub_event_type"] for e in events} == {"Armed clash"}


def test_a_base_and_a_town_news_names_are_in_the_gazetteer(cli, tmp_path):
    events = extract_rows(cli, tmp_path, [
        {"id": "kalsu", "published": "2024-04-20",
         "text": "An explosion hit the Kalsu military base overnight, killing one fighter, the PMF said."},
        {"id": "balcad", "published": "2024-03-10",
         "text": "Al-Shabaab militants attacked the town of Bal'ad, north of Mogadishu, on Saturday but were repulsed."}])
    assert {(e["doc_id"], e["location"], e["country"]) for e in events} == {
        ("kalsu", "Kalsu base", "Iraq"), ("balcad", "Balcad", "Somalia")}


def test_israel_that_struck_sites_in_retaliation_did_an_air_strike_and_the_act_it_answered_this_month_is_no_event(
        cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-27\n\n"
        "Israel struck military sites in Iran before dawn on Saturday in retaliation for Tehran's ballistic missile "
        "attack on Israel earlier this month.\n"))
    assert (event["sub_event_type"], event["actor1"], event["event_date"]) == (
        "Air/drone strike", "Israeli forces", "2024-10-26")


def test_people_detained_at_a_protest_the_police_broke_up_are_part_of_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-26\n\n"
        "Police fired tear gas at hundreds of opposition supporters who rallied outside the election commission in "
        "Lahore on Sunday. Dozens were detained.\n"))
    assert event["sub_event_type"] == "Protest with intervention"


def test_a_raid_with_gunfire_that_killed_suspects_is_a_fight_of_the_countrys_forces(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-09\n\n"
        "Residents of Mahmoudiyah reported heavy gunfire late on Sunday as security forces raided a house where "
        "suspected Islamic State members were hiding. Two suspects were shot dead and another was detained, officials "
        "said.\n"))
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["fatalities"]) == (
        "Armed clash", "Iraqi forces", "Islamic State", 2)


def test_a_town_the_tagger_took_for_a_product_is_a_place_after_in(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-01-06\n\n"
        "The death toll from Wednesday's car bomb in Manbij has risen to 20, local officials said on Sunday.\n"))
    assert (event["location"], event["country"]) == ("Manbij", "Syria")


def test_forces_that_repelled_the_assault_told_before_are_its_other_side(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2015-10-28\n\n"
        "Gunmen attacked an army post in the hills on Tuesday. Troops beat back the raid, killing five of the "
        "gunmen.\n"))
    assert event["fatalities"] == 5


def test_a_place_and_its_district_tagged_as_one_name_are_both_read(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-07\n\n"
        "A bomb exploded near a teashop in Pattani's Nong Chik district on Wednesday evening, wounding four people, "
        "police said.\n"))
    assert (event["location"], event["admin1"], event["country"]) == ("Nong Chik", "Pattani", "Thailand")


def test_a_regency_is_found_by_the_name_news_gives_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-28\n\n"
        "Two soldiers were shot dead by separatist rebels in Yahukimo on Saturday, the Indonesian military said.\n"))
    assert (event["country"], event["admin2"]) == ("Indonesia", "Kabupaten Yahukimo")


def test_places_of_recent_wars_the_gazetteer_lacked(cli, tmp_path):
    events = extract_rows(cli, tmp_path, [
        {"id": "karabakh", "published": "2023-09-20",
         "text": "Azerbaijani forces shelled towns across Nagorno-Karabakh on Tuesday, killing 27 people, local "
                 "officials said."},
        {"id": "banjska", "published": "2023-09-25",
         "text": "Armed men exchanged fire with police at the Banjska monastery on Sunday, killing one officer."}])
    assert {(e["doc_id"], e["location"], e["country"]) for e in events} == {
        ("karabakh", "Nagorno-Karabakh", "Azerbaijan"), ("banjska", "Banjska Monastery", "Kosovo")}


def test_a_town_tagged_with_the_word_after_it_is_read_without_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-11\n\n"
        "Islamic State fighters attacked the town of Macomia in Cabo Delgado province on Friday, clashing with "
        "government troops, residents said.\n"))
    assert (event["sub_event_type"], event["location"]) == ("Armed clash", "Macomia")


def test_what_soldiers_later_did_after_a_fight_is_an_event_of_its_own(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-12\n\n"
        "Fano militiamen and federal troops fought for control of the town of Merawi on Wednesday. Residents said "
        "soldiers later went door to door and killed at least 45 civilians.\n"))
    assert sorted(e["sub_event_type"] for e in events) == ["Armed clash", "Attack"]


def test_a_named_victim_told_with_who_he_was_and_n_others_add_up():
    counts = find_counts("The strike killed Ibrahim Aqil, a senior commander, and at least 36 other people.")
    assert [(c.kind, c.amount.best) for c in counts] == [("killed", 37)]


def test_a_town_after_its_kind_in_wire_copy_in_capitals_is_placed(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 1989-11-14\n\n"
        "LIMA, 13 NOV 89 (EFE) -- [TEXT] SHINING PATH REBELS ATTACKED THE TOWN OF HUANTA YESTERDAY AND FOUGHT WITH "
        "ARMY TROOPS FOR THREE HOURS. TWELVE GUERRILLAS WERE KILLED.\n"))
    assert (event["location"], event["admin1"]) == ("Huanta", "Ayacucho")


def test_the_death_that_angered_a_mob_is_not_its_toll(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-02\n\n"
        "A mob set fire to a police station in Kisii on Sunday, angered by the death of a man in custody, police "
        "said.\n"))
    assert [(e["sub_event_type"], e["fatalities"]) for e in events] == [("Mob violence", 0)]


def test_a_country_that_says_its_drones_hit_a_depot_did_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-09\n\n"
        "Ukraine said its drones hit an oil depot in Russia's Oryol region overnight.\n"))
    assert (event["actor1"], event["country"]) == ("Ukrainian forces", "Russia")


def test_a_count_since_a_war_began_on_a_day_starts_that_day_and_since_its_start_untold_has_no_first_day(cli, tmp_path):
    claims = text_report_rows(cli, tmp_path, "claims", (
        "date 2024-07-15\n\n"
        "Militias have launched at least 170 attacks on U.S. troops in Iraq and Syria since the Gaza war began on "
        "Oct. 7, the Pentagon said. It was the 171st attack on U.S. forces since the start of the Israel-Hamas war, "
        "a defense official said later.\n"))
    assert [(c["count"], c["since"]) for c in claims] == [(170, "2023-10-07"), (171, None)]


def test_the_first_time_troops_were_killed_since_a_war_began_counts_deaths_not_attacks(cli, tmp_path):
    assert text_report_rows(cli, tmp_path, "claims", (
        "date 2024-01-29\n\n"
        "It was the first time U.S. troops have been killed by enemy fire in the region since the Gaza war began in "
        "October.\n")) == []


def test_a_strike_told_again_by_its_missile_in_a_neighbourhood_of_the_city_is_one_event_without_an_earlier_toll(
        cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-08\n\n"
        "A U.S. drone strike on a car in eastern Baghdad on Wednesday night killed a commander of Kataib Hezbollah, "
        "the militia blamed for the drone attack that killed three American soldiers in Jordan last month. He was "
        "driving with two guards in the Mashtal neighborhood when the missile struck, a militia official said. All "
        "three were killed.\n"))
    assert (event["sub_event_type"], event["actor1"], event["fatalities"]) == ("Air/drone strike", "U.S. forces", 3)


def test_a_rally_after_a_strike_is_its_own_event_and_what_it_chants_against_is_not_where_it_was(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-09\n\n"
        "A drone strike hit a car in Baghdad on Wednesday night, killing two men. Hundreds of people protested in "
        "the streets on Thursday, chanting slogans against the United States and Israel.\n"))
    assert sorted((e["sub_event_type"], e["country"]) for e in events) == [
        ("Air/drone strike", "Iraq"), ("Peaceful protest", "Iraq")]


def test_a_headquarters_where_an_act_was_done_places_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-05\n\n"
        "Police arrested 14 opposition activists at their party headquarters in Harare on Sunday.\n"))
    assert (event["sub_event_type"], event["location"]) == ("Arrests", "Harare")


def test_a_country_the_tagger_took_for_a_person_or_a_group_acts_through_its_forces(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-09-20\n\n"
        "Azerbaijan launched what it called anti-terrorist measures in Nagorno-Karabakh on Tuesday, shelling towns "
        "across the region, local officials said.\n"))
    assert (event["actor1"], event["country"]) == ("Azerbaijani forces", "Azerbaijan")


def test_a_count_over_the_first_months_of_a_year_starts_on_its_first_day(cli, tmp_path):
    (claim,) = text_report_rows(cli, tmp_path, "claims", (
        "date 2024-07-02\n\n"
        "In the first six months of 2024, armed groups carried out more than 300 attacks on civilians in the Sahel, a "
        "monitoring group said.\n"))
    assert (claim["count"], claim["since"]) == (301, "2024-01-01")


# ---- round 26: bulletins, claims of responsibility, riots met with force, tolls told by their means


def test_a_ship_a_group_says_it_targeted_with_missiles_is_an_attack_however_much_of_a_statement_it_reads(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-05\n\n"
        "The Houthis said on Monday they had targeted the MSC Orion, a container ship, with missiles in the Gulf of "
        "Aden. The operator reported no injuries.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Shelling/artillery/missile attack", "Houthis")


def test_the_bodies_of_men_found_shot_count_as_killed(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-05\n\n"
        "The bodies of nine men, their hands tied and shot in the head, were found beside a highway outside Celaya, "
        "prosecutors said on Monday.\n"))
    assert event["fatalities"] == 9


def test_a_bulletins_bare_participle_makes_the_soldiers_its_victims_not_its_doers(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-05\n\n"
        "4 March: roadside bomb hits an army convoy near Gao; three soldiers killed, two wounded.\n"))
    assert [(e["actor1"], e["actor2"], e["fatalities"]) for e in events] == [(None, "Malian forces", 3)]


def test_a_killing_read_as_a_crime_is_political_violence_once_a_group_claims_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-12\n\n"
        "Two police officers were shot dead at a checkpoint in Dera Ismail Khan late on Monday. The Pakistani Taliban "
        "claimed responsibility.\n"))
    assert (event["actor1"], event["fatalities"]) == ("Tehrik-i-Taliban Pakistan", 2)


def test_a_report_that_says_nobody_claimed_an_act_makes_no_crime_political():
    from conflict_ledger.extract.events import owned_up

    assert owned_up("The Pakistani Taliban claimed responsibility.")
    assert not owned_up("No group claimed responsibility for Monday's shooting.")
    assert not owned_up("Nobody has yet claimed the attack.")


def test_a_killing_told_by_its_means_counts_its_dead_and_a_civil_society_leader_is_a_source(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-12\n\n"
        "Suspected ADF rebels hacked to death 23 villagers near Oicha overnight, a local civil society leader said on "
        "Wednesday.\n"))
    assert (event["fatalities"], event["sources"]) == (23, ["local civil society leader"])
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-12\n\n"
        "Settlers attacked the village of Al-Mughayyir on Tuesday, burning cars and shooting dead one man, the "
        "Palestinian health ministry said.\n"))
    assert event["fatalities"] == 1


def test_a_crowd_that_burned_a_building_and_was_fired_on_rioted_and_the_police_met_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-26\n\n"
        "Protesters in Nairobi set fire to the city hall on Tuesday after the vote on the finance bill. Police "
        "shot dead at least four demonstrators.\n"))
    assert (event["sub_event_type"], event["actor2"], event["fatalities"]) == (
        "Violent demonstration", "Kenyan police", 4)


def test_the_dead_of_a_raid_died_on_the_ground_not_from_the_air(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-12\n\n"
        "Israeli forces killed two Palestinians in a raid on the Tulkarm refugee camp on Tuesday, the Palestinian "
        "health ministry said.\n"))
    assert (event["event_type"], event["fatalities"]) == ("Violence against civilians", 2)


def test_a_foiled_suicide_bombing_is_disrupted_weapons_use(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-12\n\n"
        "Police foiled a suicide bomb attack on a mosque in Peshawar on Tuesday, arresting a man wearing an "
        "explosive vest.\n"))
    assert event["sub_event_type"] == "Disrupted weapons use"


def test_a_rally_then_dispersed_with_injuries_is_one_protest_met_with_force(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-12\n\n"
        "Thousands marched in Yerevan on Tuesday against the handover of border villages. Riot police used stun "
        "grenades to disperse the crowd, injuring dozens.\n"))
    assert (event["sub_event_type"], event["event_date"], event["injuries_low"]) == (
        "Protest with intervention", "2024-06-11", 24)


def test_a_town_then_its_state_after_a_comma_places_the_event_in_the_town(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-12\n\n"
        "Gunmen opened fire on worshippers leaving a church in Owo, Ondo state, on Sunday. Twenty people died, the "
        "state governor said.\n"))
    assert (event["location"], event["admin1"], event["geo_precision"]) == ("Owo", "Ondo", 1)


def test_a_country_in_brackets_after_a_dateline_city_is_not_an_agency(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-12\n\n"
        "KHARTOUM (Sudan) - Shelling killed at least 15 people in Omdurman on Tuesday, medics said.\n"))
    assert event["sources"] == ["medics"]


def test_a_force_named_as_the_other_side_of_a_gunfight_is_the_countrys(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-12\n\n"
        "Three militants were killed in a gunfight with security forces in Baramulla district on Wednesday, police "
        "said.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Armed clash", "Indian forces")


def test_forces_told_with_where_they_serve_who_killed_insurgents_fought_them(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-18\n\n"
        "Security forces in Mozambique's Cabo Delgado province killed 12 insurgents in an operation near Macomia on "
        "Tuesday, the defence ministry said.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 12)


def test_civilians_killed_when_coastguards_opened_fire_were_attacked_by_the_countrys_forces(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-18\n\n"
        "At least 12 migrants were killed on Monday when Libyan coast guards opened fire on their boat near Sabratha, "
        "a rescue charity said.\n"))
    assert (event["sub_event_type"], event["actor1"], event["fatalities"]) == ("Attack", "Libyan forces", 12)


def test_a_headline_on_a_line_of_its_own_does_not_add_its_toll_to_the_lead(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-10\n\n"
        "Bombing at Peshawar bus stand leaves 14 dead\n"
        "A suicide bomber detonated his vest at the main bus stand in Peshawar on Saturday, killing 14 people and "
        "wounding 30, officials said.\n"))
    assert (event["fatalities"], event["injuries"]) == (14, 30)


def test_overnight_counts_from_the_day_the_clause_was_told(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-06\n\n"
        "Eleven people were killed when rival armed groups clashed in Zawiya overnight, the health ministry said on "
        "Monday.\n"))
    assert event["event_date"] == "2024-11-04"


def test_a_sentence_that_only_dates_the_attack_told_before_gives_it_its_day(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-06\n\n"
        "The coffins of nine soldiers killed in an ambush near Arbinda were flown to the capital on Tuesday. The "
        "attack took place on Sunday, the army said.\n"))
    assert (event["event_date"], event["fatalities"]) == ("2024-11-03", 9)


def test_a_day_after_said_dates_the_saying_and_a_bombing_raid_is_from_the_air(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-06\n\n"
        "The army said on Tuesday it had killed four members of a FARC dissident faction in a bombing raid in Cauca "
        "over the weekend.\n"))
    assert (event["sub_event_type"], event["actor1"], event["event_date"]) == (
        "Air/drone strike", "Colombian forces", "2024-11-02")


def test_an_unexploded_shell_that_went_off_is_a_remnant_of_war_not_shelling(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-06\n\n"
        "An unexploded artillery shell went off as boys tried to move it near Ghazni on Monday, killing three of them, "
        "police said.\n"))
    assert event["sub_event_type"] == "Remote explosive/landmine/IED"


def test_rakhines_border_town_of_maungdaw_is_in_the_gazetteer(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-06\n\n"
        "Troops and the Arakan Army fought on around the town of Maungdaw on Tuesday, residents "
        "said.\n"))
    assert (event["location"], event["admin1"], event["country"]) == ("Maungdaw", "Rakhine", "Myanmar")


def test_between_two_figures_is_a_range_not_a_sum(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-04\n\n"
        "Between 20 and 30 people were killed when rebels shelled a camp for displaced people near Sake on Sunday, "
        "aid workers said.\n"))
    assert (event["fatalities_low"], event["fatalities"], event["fatalities_high"]) == (20, 20, 30)


def test_a_family_of_five_killed_counts_five(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-04\n\n"
        "A landmine killed a family of six travelling on a tractor near Tal Abyad on Monday, a rescue group said.\n"))
    assert event["fatalities"] == 6


def test_a_military_plane_that_bombed_a_market_is_an_air_strike(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-04\n\n"
        "A military plane bombed a market in the town of Kabkabiya in North Darfur on Monday, killing scores of "
        "people, activists said. The Sudanese army denied targeting civilians.\n"))
    assert event["sub_event_type"] == "Air/drone strike"


def test_somali_towns_are_known_by_their_english_spellings(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-04\n\n"
        "Al-Shabaab fighters attacked a military base in Bardhere on Monday, residents said.\n"))
    assert (event["location"], event["admin1"]) == ("Baardheere", "Gedo")
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-04\n\n"
        "Government troops took control of the port town of Barawe from al-Shabaab on Monday, a commander said.\n"))
    assert (event["location"], event["admin1"]) == ("Baraawe", "Shabeellaha Hoose")


def test_strikes_told_as_retaliation_are_their_own_event(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-04\n\n"
        "Three Turkish soldiers were killed in clashes with Kurdish militants in northern Iraq on Monday, the defence "
        "ministry said. It said 14 militants were neutralised in retaliatory air strikes.\n"))
    assert sorted((e["sub_event_type"], e["fatalities"]) for e in events) == [
        ("Air/drone strike", 14), ("Armed clash", 3)]


def test_a_strike_its_doer_tells_of_on_a_refinery_is_no_industrial_accident(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-04\n\n"
        "The Ukrainian General Staff said its forces had struck an oil refinery in Russia's Saratov region overnight, "
        "causing a fire. Regional officials reported no casualties.\n"))
    assert (event["event_type"], event["country"]) == ("Explosions/Remote violence", "Russia")


def test_a_headline_summing_up_attacks_in_several_countries_places_none_of_them(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-14\n\n"
        "Sahel round-up: attacks in three countries leave dozens dead\n\n"
        "BAMAKO - Suspected jihadists killed at least 20 civilians in a raid on the village of Djiguibombo in "
        "central Mali on Sunday, local officials said on Monday.\n\n"
        "In neighbouring Burkina Faso, an army convoy struck an improvised explosive device near Djibo on Saturday, "
        "killing six soldiers, two security sources said.\n"))
    assert [(e["country"], e["admin1"]) for e in events] == [("Mali", None), ("Burkina Faso", "Sahel")]


def test_a_town_near_which_it_happened_is_read_in_a_country_the_tagger_took_for_a_person(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-14\n\n"
        "In neighbouring Burkina Faso, an army convoy struck an improvised explosive device near Djibo on Saturday, "
        "killing six soldiers, two security sources said.\n"))
    assert (event["location"], event["country"]) == ("Djibo", "Burkina Faso")


def test_a_toll_in_scare_quotes_still_counts():
    from conflict_ledger.extract.casualties import find_counts

    (count,) = find_counts('The ministry said 15 attackers were "neutralised" in the fighting.')
    assert (count.kind, count.amount.best) == ("killed", 15)


def test_the_first_attack_to_kill_troops_is_no_count_of_attacks(cli, tmp_path):
    claims = text_report_rows(cli, tmp_path, "claims", (
        "date 2024-01-30\n\n"
        "The attack was the first to kill U.S. troops since the start of the war in Gaza. U.S. forces in Iraq and "
        "Syria have been attacked more than 160 times since Oct. 17, according to the Pentagon.\n"))
    assert [(c["count"], c["since"]) for c in claims] == [(161, "2023-10-17")]


def test_a_count_told_in_two_parts_by_country_is_their_sum(cli, tmp_path):
    (claim,) = text_report_rows(cli, tmp_path, "claims", (
        "date 2024-02-20\n\n"
        "Militias have launched at least 60 attacks against American troops in Iraq and 80 in Syria since October 17, "
        "according to a Defense Department tally.\n"))
    assert (claim["count"], claim["counted"]) == (140, "attacks on U.S. forces in Iraq and Syria")


def test_a_count_over_this_month_runs_to_the_report(cli, tmp_path):
    (claim,) = text_report_rows(cli, tmp_path, "claims", (
        "date 2024-02-20\n\n"
        "There have been nine rocket attacks on the base this month alone, a U.S. official told reporters.\n"))
    assert (claim["count"], claim["since"], claim["until"]) == (9, "2024-02-01", "2024-02-20")


def test_there_having_been_so_many_attacks_is_a_count_not_an_event(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-20\n\n"
        "There have been 12 drone attacks on the base this month alone, a U.S. official told reporters.\n"))
    assert events == []


def test_a_mob_boss_who_died_in_prison_is_no_mob_violence(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2005-12-20\n\n"
        "Mob boss dies in federal prison at 77\n"
        "The head of a New York crime family died at a prison hospital in Missouri on Monday, a spokesman said.\n"))
    assert events == []


def test_arrests_told_after_a_riot_are_part_of_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-27\n\n"
        "Hours after the verdict, protesters burned tyres and blocked roads in several towns. Police arrested 35 "
        "people.\n"))
    assert event["sub_event_type"] == "Violent demonstration"


def test_people_abducted_since_a_month_is_a_tally_not_an_event(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-27\n\n"
        "Security agents have abducted dozens of activists since June, rights groups said on Tuesday.\n"))
    assert events == []


def test_and_their_driver_is_one_more_dead(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-27\n\n"
        "A suicide bomber drove an explosives-laden car into a convoy of foreign engineers in Dasu on Tuesday, killing "
        "four of them and their driver.\n"))
    assert event["fatalities"] == 5


def test_where_the_attackers_fled_is_not_where_it_happened(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-27\n\n"
        "In the early hours of Monday, some 20 gunmen ambushed a police patrol near the village of Kokorou, killing "
        "two officers. The attackers fled towards the border with Mali.\n"))
    assert (event["country"], event["actor2"]) == (None, None)


def test_a_funeral_after_a_strike_dates_the_strike_by_its_own_day(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-27\n\n"
        "Mourners at a funeral in the village on Sunday demanded protection after nine children were killed by a "
        "rocket on a playground on Saturday.\n"))
    assert (event["event_date"], event["fatalities"]) == ("2024-08-24", 9)


def test_an_act_told_in_a_past_year_is_history_not_news_of_the_day(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-14\n\n"
        "The conflict in eastern Congo has deep roots. In 2012, M23 rebels briefly captured Goma. Today the group "
        "controls much of North Kivu.\n"))
    assert events == []


def test_troops_who_stormed_a_hospital_detaining_staff_made_arrests(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-14\n\n"
        "Early Wednesday, Israeli troops stormed the Al-Amal hospital in Khan Younis, detaining dozens of medical staff "
        "and patients, the Palestinian Red Crescent said.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Arrests", "Israeli forces")


def test_clashes_between_rival_tribes_are_an_armed_clash_not_a_mob(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-14\n\n"
        "Clashes between rival Tiv and Jukun communities left at least 14 people dead in Taraba state over the "
        "weekend, local officials said.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 14)


def test_the_kokang_and_taang_armies_of_northern_shan_are_known_actors(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-10\n\n"
        "Fighting raged for a second day in Lashio, where the MNDAA has surrounded the regional military command, "
        "residents said.\n"))
    assert event["actor1"] == "Myanmar National Democratic Alliance Army"


def test_a_listed_base_stands_beside_the_country_of_the_troops_it_houses(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-12-26\n\n"
        "Three U.S. service members were injured, one critically, in a one-way drone attack on Erbil Air Base early "
        "Monday, the Pentagon said.\n"))
    assert (event["location"], event["country"], event["injuries"]) == ("Erbil Air Base", "Iraq", 3)
    places = text_report_rows(cli, tmp_path, "geoparse", (
        "date 2023-12-26\n\n"
        "A drone attack on Erbil Air Base injured three U.S. service members, the Pentagon said.\n"))
    assert [p["name"] for p in places] == ["Erbil Air Base", "U.S."]


def test_a_rank_before_a_speakers_name_ends_no_sentence_and_the_speaker_speaks_for_his_body(cli, tmp_path):
    (claim,) = text_report_rows(cli, tmp_path, "claims", (
        "date 2023-10-27\n\n"
        "Since Oct. 17, U.S. and coalition forces have been attacked at least 19 times in Iraq and Syria by "
        "Iranian-backed forces, Pentagon spokesman Brig. Gen. Pat Ryder said on Thursday, with 21 U.S. personnel "
        "suffering minor injuries.\n"))
    assert (claim["count"], claim["attributed_to"], claim["injuries"]) == (19, "Pentagon", 21)


def test_troops_who_came_under_fire_are_the_target(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-11-08\n\n"
        "U.S. troops at the Rumalyn Landing Zone in northeastern Syria came under rocket fire on Tuesday, a U.S. "
        "military official said. There were no casualties or damage.\n"))
    assert (event["actor1"], event["actor2"]) == (None, "U.S. forces")


def test_a_press_secretary_in_lower_case_speaks_for_the_body_named_before_the_title(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-10-19\n\n"
        "A drone hit the base and caused minor injuries to U.S. troops in western Iraq on Wednesday, Pentagon press "
        "secretary Brig. Gen. Pat Ryder told reporters.\n"))
    assert event["sources"] == ["Pentagon"]


# ---- round 27: communiques, live and weekly roundups, anniversaries, blame laid by a passive, untagged places


def test_a_post_told_as_the_target_of_an_attack_is_an_armed_clash(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-01-10\n\n"
        "The Government informs the public that on Wednesday, January 8, 2025, a position of our Defence and Security "
        "Forces at Point Triple, in the Alibori department, was the target of a terrorist attack. Twenty-eight "
        "soldiers lost their lives.\n"))
    assert (event["sub_event_type"], event["event_date"], event["fatalities"]) == ("Armed clash", "2025-01-08", 28)
    assert (event["country"], event["admin1"]) == ("Benin", "Alibori")


def test_an_act_blamed_on_a_group_in_the_passive_names_its_doer(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-02\n\n"
        "A grenade tossed into a crowded market in Bunia on Tuesday, killing two and wounding 11, was blamed by the "
        "provincial authorities on CODECO militiamen.\n"))
    assert (event["actor1"], event["actor2"]) == ("CODECO", None)


def test_captives_taken_after_a_massacre_leave_it_an_attack(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-06-18\n\n"
        "Rebels from the Allied Democratic Forces killed at least 41 people at a secondary school in Mpondwe, "
        "western Uganda, police said on Saturday. The attackers burned a dormitory and shot pupils before escaping "
        "toward the Congolese border with six abducted students.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Attack", 41)


def test_a_day_told_inside_the_month_counted_back_dates_the_event(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-30\n\n"
        "Ten years ago, on July 29, 2014, gunmen killed dozens of people in a village in Lamu County. Kenya has "
        "since built a new police post in the village.\n"))
    assert (event["event_date"], event["date_precision"]) == ("2014-07-29", "day")


def test_fighting_in_several_parts_of_a_country_sums_the_events_told_after_it(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-04\n\n"
        "Over the past week, fighting flared in several parts of Sudan. On Tuesday, RSF fighters stormed a village "
        "in Gezira state, killing at least 124 people, activists said. On Thursday, army airstrikes on a market "
        "in Kabkabiya in North Darfur killed 11 people.\n"))
    assert [(e["event_date"], e["fatalities"]) for e in events] == [("2024-10-29", 124), ("2024-10-31", 11)]
    assert events[1]["actor1"] == "Sudanese forces"


def test_a_town_after_near_counts_once_its_country_is_named_untagged(cli, tmp_path):
    places = text_report_rows(cli, tmp_path, "geoparse", (
        "date 2024-02-05\n\n"
        "Violence around Nigeria over the weekend.\n"
        "In Borno state, a roadside bomb hit an army vehicle near Gwoza on Saturday; two soldiers were wounded.\n"))
    assert [p["name"] for p in places] == ["Nigeria", "Borno", "Gwoza"]


def test_a_rally_going_on_when_a_bomber_struck_is_the_scene_not_a_protest(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-07-31\n\n"
        "PESHAWAR: At least 44 people were killed when a suicide bomber set off his explosives at a political rally in "
        "the Bajaur tribal district on Sunday, officials said. The rally was being held in Khar, the district "
        "headquarters.\n"))
    assert (event["sub_event_type"], event["admin1"], event["country"]) == (
        "Suicide bomb", "Khyber Pakhtunkhwa", "Pakistan")


def test_victims_counted_with_who_was_among_them_between_commas(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-18\n\n"
        "Six people, including a child, died on Sunday when a ballistic missile hit an apartment block in Sumy, "
        "regional authorities said. The strike came a day after a large air attack on the energy grid.\n"))
    assert [(e["fatalities"], e["location"]) for e in events] == [(6, "Sumy")]


def test_a_district_is_not_a_village_that_once_bore_its_name(cli, tmp_path):
    places = text_report_rows(cli, tmp_path, "geoparse", (
        "date 2024-01-05\n\n"
        "Supporters of rival candidates clashed with machetes in a village in Kono District on Thursday.\n"))
    assert [p["country"] for p in places if p["name"] == "Kono District"] in ([], ["Sierra Leone"])


def test_a_fight_after_a_match_keeps_the_toll_told_after_the_occasion(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-12\n\n"
        "Supporters of two rival clubs fought with stones and iron bars outside the stadium in Oran after Saturday's "
        "match, leaving 14 people injured, the civil protection service said.\n"))
    assert (event["injuries"], event["event_date"]) == (14, "2024-02-10")


def test_a_weapon_named_by_its_kind_after_the_people_word_names_its_side(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-18\n\n"
        "A Russian ballistic missile hit an apartment block in Sumy on Sunday, killing six people, regional "
        "authorities said.\n"))
    assert (event["actor1"], event["fatalities"]) == ("Russian forces", 6)


def test_a_bombardment_is_shelling_not_a_bomb_set_on_the_ground(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-12-04\n\n"
        "Three citizens were killed and others injured in the bombardment of a house in the Nuseirat camp, in the "
        "central Gaza Strip, at dawn today.\n"))
    assert event["sub_event_type"] == "Shelling/artillery/missile attack"
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 1989-11-18\n\n"
        "Military aircraft bombarded the northern districts of the capital on Friday, killing four people.\n"))
    assert event["sub_event_type"] == "Air/drone strike"  # ... unless aircraft dropped the bombs


def test_a_small_camp_is_not_a_far_city_known_by_that_name_in_another_language(cli, tmp_path):
    places = text_report_rows(cli, tmp_path, "geoparse", (
        "date 2024-06-03\n\n"
        "Mali's army command says its soldiers repelled an attack on the camp of Boni on "
        "Saturday.\n"))
    assert "Germany" not in [p["country"] for p in places]


def test_cells_of_a_jihadist_group_attacking_forces_fight_them(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-02\n\n"
        "The monitor's activists have documented the death of four members of regime forces, after cells believed "
        "to belong to ISIS attacked their positions in the desert near Al-Mayadin on Friday evening.\n"))
    assert (event["sub_event_type"], event["actor1"], event["fatalities"]) == ("Armed clash", "Islamic State", 4)


def test_a_region_named_by_a_direction_is_found(cli, tmp_path):
    places = text_report_rows(cli, tmp_path, "geoparse", (
        "date 2024-08-12\n\n"
        "Separatist fighters stormed a village in Cameroon's North-West region on Sunday, killing three civilians.\n"))
    assert [(p["name"], p["country"], p["feature"]) for p in places] == [
        ("Cameroon", "Cameroon", "country"), ("North-West region", "Cameroon", "admin1")]


def test_insurgents_tied_to_a_group_are_its_men(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-08\n\n"
        "Insurgents linked to the Islamic State ambushed a convoy on the road between Macomia and Awasse in Cabo "
        "Delgado province on Saturday, killing two drivers, sources said.\n"))
    assert (event["actor1"], event["actor2"]) == ("Islamic State", None)


def test_a_second_happening_the_speaker_went_on_to_tell_is_an_event_of_its_own(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-09\n\n"
        "Fano militiamen and federal forces fought for control of the town of Merawi in Ethiopia's Amhara region "
        "last week, residents said, adding that drone strikes had killed at least a dozen people on Friday.\n"))
    assert [(e["sub_event_type"], e["fatalities"]) for e in events] == [("Armed clash", 0), ("Air/drone strike", 12)]
    assert events[1]["event_date"] == "2024-04-05"


def test_a_communique_of_a_targeting_operation_with_missiles_tells_the_strike(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-27\n\n"
        "The group's forces carried out a targeting operation against the British ship Islander in the Gulf of Aden "
        "with a number of appropriate naval missiles, its spokesman said in a televised statement.\n"))
    assert event["sub_event_type"] == "Shelling/artillery/missile attack"


def test_an_operation_that_killed_militants_is_a_fight(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-06\n\n"
        "The Somali National Army, in collaboration with international partners, carried out an operation in the "
        "Lower Shabelle region on Thursday, killing more than 30 militants, including senior leaders.\n"))
    assert (event["sub_event_type"], event["actor1"], event["event_date"]) == ("Armed clash", "Somali forces",
                                                                              "2024-09-05")


def test_militants_sent_to_hell_are_dead(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-13\n\n"
        "On 12 May 2024, security forces conducted an intelligence based operation in North Waziristan District. "
        "During the operation, own troops effectively engaged the militants' location and, resultantly, four "
        "militants were sent to hell, the military's press wing said.\n"))
    assert event["fatalities"] == 4


def test_a_days_count_of_strikes_is_no_event(cli, tmp_path):
    assert text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-20\n\n"
        "The enemy launched 2 missile strikes, 71 air strikes and carried out 65 attacks from multiple rocket "
        "launchers on the positions of our troops and populated areas over the past day, the General Staff "
        "said.\n")) == []


def test_clashes_between_herders_and_farmers_are_a_communal_armed_clash(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-16\n\n"
        "Clashes between herders and farmers in the Mangu area of Plateau State killed at least 17 people over the "
        "weekend, a local official said.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 17)


def test_people_deprived_of_life_were_killed(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-07\n\n"
        "Five men were deprived of life by armed subjects who burst into a house in Celaya, Guanajuato, on Sunday "
        "night, the state prosecutor's office reported.\n"))
    assert (event["sub_event_type"], event["fatalities"], event["event_date"]) == ("Attack", 5, "2024-05-05")


def test_a_militias_raid_on_a_village_is_an_attack_not_a_riot(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-11\n\n"
        "Israeli settlers set fire to cars and a house in the West Bank village of Beit Furik overnight and threw "
        "stones at residents, injuring two Palestinians, medics said.\n"))
    assert (event["sub_event_type"], event["actor1"], event["injuries"]) == ("Attack", "Israeli settlers", 2)


def test_supporters_arrested_as_they_gathered_to_protest_make_a_protest_with_intervention(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-14\n\n"
        "Police in Islamabad arrested dozens of supporters of an opposition party on Tuesday as they gathered "
        "outside the election commission to protest against what they called rigged results.\n"))
    assert (event["sub_event_type"], event["actor2"]) == ("Protest with intervention", "Pakistani police")


def test_a_countrys_air_strike_names_its_forces(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-02\n\n"
        "An Israeli air strike destroyed the Iranian consulate building next to the embassy in Damascus on Monday, "
        "killing seven members of the Revolutionary Guards, Iran said.\n"))
    assert (event["actor1"], event["fatalities"]) == ("Israeli forces", 7)


def test_the_junta_is_the_countrys_forces(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-09\n\n"
        "A junta air strike on a village school in Sagaing region killed at least 11 children and a teacher on "
        "Thursday, local residents said.\n"))
    assert (event["actor1"], event["country"]) == ("Burmese forces", "Myanmar")


def test_a_town_of_two_words_tagged_as_a_person_is_read_after_in(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-11\n\n"
        "Earlier this week, militants attacked a police post in Lakki Marwat, killing two policemen, police said.\n"))
    assert (event["admin1"], event["country"]) == ("Khyber Pakhtunkhwa", "Pakistan")


def test_speakers_who_say_in_the_present_give_a_claim_its_source(cli, tmp_path):
    (claim,) = text_report_rows(cli, tmp_path, "claims", (
        "date 2023-12-01\n\n"
        "U.S. officials say there have been 76 attacks on American forces since Oct. 17, with about 60 service "
        "members hurt.\n"))
    assert (claim["count"], claim["attributed_to"], claim["injuries"]) == (76, "U.S. officials", 60)


def test_a_group_told_with_its_force_and_their_driver_add_up(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-01-07\n\n"
        "Eight personnel of the District Reserve Guard and their civilian driver were killed when Maoists blew up "
        "their vehicle with an improvised explosive device on Monday afternoon, police said.\n"))
    assert event["fatalities"] == 9


def test_control_regained_of_a_prison_takes_no_territory(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-20\n\n"
        "Inmates rioted at the Litoral penitentiary in Guayaquil on Tuesday, and at least 15 prisoners died in "
        "clashes between rival gangs before police and soldiers regained control, the prison authority said.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 15)  # the gangs' clash, no retaking


def test_a_body_named_by_two_lower_case_words_is_a_source(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-04\n\n"
        "Gang members stormed the town of Pont-Sonde on Thursday, killing at least 70 people, the UN human rights "
        "office said.\n"))
    assert event["sources"] == ["UN human rights office"]


def test_half_a_dozen_is_six(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-11\n\n"
        "Half a dozen policemen were wounded when protesters hurled stones at them outside the governor's office in "
        "Quetta on Friday, police said.\n"))
    assert event["injuries"] == 6


def test_the_night_of_one_day_to_the_next_is_dated_by_the_first(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-15\n\n"
        "On the night of Friday to Saturday, jihadists attacked an army post in Burkina Faso's Yagha province, "
        "killing more than a hundred soldiers, security sources said.\n"))
    assert (event["event_date"], event["fatalities"]) == ("2024-06-14", 101)


def test_where_missiles_were_heading_is_no_strike(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-10-20\n\n"
        "A U.S. Navy destroyer in the northern Red Sea shot down three land-attack cruise missiles and several "
        "drones launched by Houthi forces in Yemen on Thursday, the Pentagon said. The missiles were potentially heading toward "
        "targets in Israel.\n"))
    assert event["sub_event_type"] == "Disrupted weapons use"


def test_blasts_at_a_memorial_ceremony_owned_up_to_are_a_bombing(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-04\n\n"
        "Two explosions near the grave of Qassem Soleimani in the southern city of Kerman killed at least 84 people "
        "on Wednesday during a ceremony marking the anniversary of his death. Islamic State claimed responsibility "
        "the next day.\n"))
    assert (event["sub_event_type"], event["actor1"], event["fatalities"]) == (
        "Remote explosive/landmine/IED", "Islamic State", 84)


def test_a_capitals_attack_names_its_government_not_a_scene(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-26\n\n"
        "Israel struck military targets in Iran early on Saturday in retaliation for Tehran's missile attack on "
        "October 1, the Israeli military said.\n"))
    assert "Tehran" not in [e["location"] for e in events]


def test_a_toll_revised_to_a_figure_counts_it_and_a_portfolio_minister_is_a_source(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-04\n\n"
        "Iran lowered the death toll from Wednesday's twin bombings in Kerman to 84, the health minister said on "
        "Thursday. Islamic State claimed responsibility for the attack.\n"))
    assert (event["fatalities"], event["sources"], event["event_date"]) == (84, ["health minister"], "2024-01-03")


def test_blasts_as_crowds_marked_an_anniversary_are_news(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-03\n\n"
        "Two blasts near the tomb of Qassem Soleimani in Kerman killed at least 103 people on Wednesday as crowds "
        "marked the anniversary of his death, state media said.\n"))
    assert (event["fatalities_low"], event["location"]) == (103, "Kerman")


def test_people_detained_at_a_rally_make_it_a_protest_with_intervention(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-09\n\n"
        "Women's rights activists held a rally in Istanbul's Taksim area to mark International Women's Day on Friday "
        "evening, defying a ban. Police detained several dozen participants.\n"))
    assert (event["sub_event_type"], event["actor2"]) == ("Protest with intervention", "Turkish police")


def test_a_march_ahead_of_an_anniversary_is_news(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-07\n\n"
        "About 40,000 people marched through central London on Saturday in a pro-Palestinian demonstration ahead of "
        "the anniversary of the October 7 attacks. Police said 15 people were arrested.\n"))
    assert (event["event_type"], event["location"], event["event_date"]) == ("Protests", "London", "2024-10-05")


def test_farmers_driving_tractors_into_a_city_are_a_crowd(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-10\n\n"
        "Farmers drove hundreds of tractors into central Brussels on Thursday, lighting fires and throwing eggs at "
        "the European Parliament building while EU leaders met nearby. Police used water cannon to push them back.\n"))
    assert (event["event_type"], event["location"]) == ("Protests", "Brussels")


def test_the_town_a_region_is_named_after_when_the_report_calls_it_the_town(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2023-11-15\n\n"
        "Malian troops took control of Kidal on Tuesday after Tuareg-led rebels withdrew from the town, the army "
        "said.\n"))
    assert (event["location"], event["geo_precision"]) == ("Kidal", 1)


def test_fighters_of_a_group_are_that_side_of_a_clash_near_a_listed_crossing(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-11\n\n"
        "Fighters of the Hayat Tahrir al-Sham group clashed with a rival faction near the Bab al-Hawa crossing on "
        "the Turkish border on Sunday, leaving three dead, a war monitor said.\n"))
    assert (event["actor1"], event["location"], event["country"]) == (
        "Hayat Tahrir al-Sham", "Bab al-Hawa crossing", "Syria")


def test_a_watchdog_is_a_source(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-08\n\n"
        "Drones struck the Zaporizhzhia nuclear power plant on Sunday, hitting the dome of one of its six reactors, "
        "the UN nuclear watchdog said.\n"))
    assert event["sources"] == ["UN nuclear watchdog"]


def test_a_death_toll_read_past_an_abbreviation_and_a_government_as_source(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-06\n\n"
        "The death toll from Friday's U.S. strikes in Iraq rose to 16, the Iraqi government said on Monday.\n"))
    assert (event["fatalities"], event["event_date"], event["sources"]) == (16, "2024-02-02", ["Iraqi government"])


def test_damage_from_debris_of_downed_drones_is_a_detail_of_their_interception(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-30\n\n"
        "Ukraine's military said it had shot down 74 of 81 Russian drones overnight. Falling debris damaged homes in "
        "the Kyiv region, but no one was hurt.\n"))
    assert event["sub_event_type"] == "Disrupted weapons use"


def test_a_gunman_overpowered_by_a_crowd_used_no_force_on_protesters(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-11\n\n"
        "Police said a gunman opened fire at a market in Kisumu on Tuesday, killing two traders, before he was "
        "overpowered by the crowd. The motive was not known.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Attack", 2)


def test_a_days_count_told_after_over_the_past_day_is_no_event(cli, tmp_path):
    assert text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-18\n\n"
        "Over the past day, units of the Battlegroup Center repelled seven counterattacks and inflicted losses of up "
        "to 385 servicemen on the enemy, the defence ministry said.\n")) == []


def test_an_operative_eliminated_is_dead(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-05\n\n"
        "The army eliminated a Hezbollah terrorist operative who was responsible for launching rockets, the military "
        "said on Wednesday, adding that fighter jets struck the operative in the area of Aitaroun in southern "
        "Lebanon.\n"))
    assert (event["fatalities"], event["location"]) == (1, "Aitaroun")


# ---- round 28: round-ups labelled by country, transcripts, obituaries, claims beside tolls, answers told as responses


@pytest.mark.parametrize("sentence, killed", [
    ("Security forces repelled the raid, while one soldier lost his life in the exchange of fire.", 1),
    ("Six soldiers and all eight attackers were killed in the fighting.", 14),
    ("A drone struck a car on the coastal road, killing a senior commander and his companion.", 2),
    ("Later, medics said the number of dead had risen to 11.", 11),
    ("The Red Crescent said the number of people killed during the clashes had risen to seven.", 7),
    ("The kidnappers shot the 68-year-old emir after the ransom went unpaid.", None),
    ("The kidnappers killed the 68-year-old emir after the ransom went unpaid.", 1),
    ("A shell hit a house in the village, killing a mother and her three children.", 4),
])
def test_round_28_tolls(sentence, killed):
    assert _tolls(sentence)[0] == killed


def test_two_forces_named_after_the_count_of_their_wounded_are_one_group():
    assert _tolls("Four personnel of the Sashastra Seema Bal and the Special Task Force were injured.") \
        == (None, 4)


def test_the_killers_own_count_in_the_sentence_of_the_toll_is_its_top(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-27\n\n"
        "Al-Shabaab fighters stormed an army outpost near Jowhar on Monday after a car bomb exploded at its gate. "
        "Nine soldiers were killed, an officer said; the group said it had killed 40.\n"))
    assert (event["fatalities_low"], event["fatalities"], event["fatalities_high"]) == (9, 9, 40)


def test_a_group_claiming_to_have_killed_more_gives_only_the_top_of_the_range(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-04\n\n"
        "Al-Shabaab fighters ambushed an African Union convoy near Balad on Sunday, a Somali officer said. He said "
        "three Burundian soldiers were killed. The group claimed to have killed 17.\n"))
    assert (event["fatalities"], event["fatalities_high"]) == (3, 17)


def test_a_post_attacked_and_the_attack_repulsed_is_a_clash_not_a_strike(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-26\n\n"
        "Separatist militants attacked a naval air station in Gwadar late on Monday, officials said. Security forces "
        "repulsed the attack and killed three assailants, while two soldiers lost their lives in the exchange of "
        "fire.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 5)


def test_an_army_that_responded_with_strikes_did_a_second_event(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-19\n\n"
        "Shells fired by the Rapid Support Forces hit a market in Omdurman on Saturday, killing 12 civilians, "
        "medics said. The army responded with drone strikes on RSF positions in the north of the city.\n"))
    assert [(e["sub_event_type"], e["actor1"], e["actor2"]) for e in events] == [
        ("Shelling/artillery/missile attack", "Rapid Support Forces", None),
        ("Air/drone strike", "Sudanese forces", "Rapid Support Forces")]


def test_police_who_used_tear_gas_to_disperse_a_crowd_stepped_in(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-28\n\n"
        "Police used tear gas to disperse opposition supporters protesting in Maputo on Thursday.\n"))
    assert (event["sub_event_type"], event["actor2"]) == ("Protest with intervention", "Mozambican police")


def test_a_toll_since_protests_began_is_no_toll_of_the_day(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-28\n\n"
        "Police fired tear gas at opposition supporters protesting in Maputo on Thursday. A rights group said at least 18 "
        "people had been killed by police since the protests began on Oct 21.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Protest with intervention", 0)


def test_a_bombing_stepped_up_is_a_trend_not_an_event(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-27\n\n"
        "A military airstrike hit a market in Sagaing region on Sunday, killing nine civilians. The junta has "
        "stepped up bombing since the Kachin Independence Army captured Bhamo.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Air/drone strike", "Burmese forces")


def test_relatives_who_died_in_the_strike_are_its_dead_not_a_walkout(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-22\n\n"
        "She was 19 and wanted to study law. Mariam was killed on April 12 when an Israeli airstrike hit the family "
        "home in Bureij camp, her uncle said. Four other members of the family also died in the strike.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Air/drone strike", 5)


def test_a_captive_killed_by_the_kidnappers_is_an_attack(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-12\n\n"
        "Bandits abducted a traditional ruler and his son near Isa last month, residents said. The kidnappers killed "
        "the 70-year-old ruler on Sunday after the ransom was not paid, his family said.\n"))
    assert [(e["sub_event_type"], e["event_date"], e["fatalities"]) for e in events][-1] == ("Attack", "2024-08-11", 1)


def test_insurgents_linked_to_a_group_are_its_men_before_the_generic_word(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-11\n\n"
        "Insurgents linked to Islamic State beheaded three men in a village near Mocimboa da Praia on Thursday, "
        "local sources said.\n"))
    assert event["actor1"] == "Islamic State"


def test_the_armed_men_the_police_suspect_did_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-13\n\n"
        "A grenade thrown into a tea shop in Yala wounded four people late on Monday, police said. No group claimed "
        "the attack, but police suspect separatist insurgents.\n"))
    assert (event["actor1"], event["actor2"]) == ("Unidentified armed group", None)


def test_rebels_of_a_group_who_say_they_seized_a_camp_are_that_group(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-05\n\n"
        "Fighters of the Arakan Army said on Sunday they had seized a military camp in Rakhine state after weeks of "
        "fighting.\n"))
    assert (event["actor1"], event["actor2"]) == ("Arakan Army", "Burmese forces")


def test_an_army_that_says_it_regained_a_town_from_a_group_took_it_from_them(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-21\n\n"
        "Sudan's army said on Sunday it had regained control of the town of Sinja from the Rapid Support Forces.\n"))
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Government regains territory", "Sudanese forces", "Rapid Support Forces")


def test_a_ministry_that_says_its_forces_made_arrests_speaks_for_its_owner(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-08\n\n"
        "The Taliban's interior ministry said on Monday that its forces had arrested nine members of the Islamic "
        "State Khorasan Province in Herat.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Arrests", "Taliban")


def test_a_bomb_that_fell_on_a_camp_was_fired_from_afar(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-04\n\n"
        "A bomb fell on a displacement site near Goma on Saturday, killing three children, local authorities "
        "said.\n"))
    assert event["sub_event_type"] == "Shelling/artillery/missile attack"


def test_a_transcript_answer_that_sets_the_scene_dates_the_shooting_after_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-05\n\n"
        "Q: What happened near the village?\n"
        "A: Around 10 p.m. on Friday a car drove up to the checkpoint outside Nablus. Soldiers opened fire and the "
        "driver was killed.\n"))
    assert (event["event_date"], event["actor1"]) == ("2024-08-02", "Israeli forces")


def test_a_country_named_only_as_an_owner_places_a_strike_on_its_grid(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-18\n\n"
        "A Russian missile attack on Ukraine's power grid overnight killed at least five people, officials said. Two "
        "died in the Mykolaiv region and three in the Zaporizhzhia region.\n"))
    assert (event["country"], event["geo_precision"]) == ("Ukraine", 3)


def test_a_roundup_labelled_by_country_places_each_item_in_its_own(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-18\n\n"
        "REGIONAL SECURITY ROUNDUP\n\n"
        "Mali: On 13 January, JNIM fighters attacked an army post in Boni (Mopti), killing five soldiers.\n"
        "Burkina Faso: On 15 January, gunmen killed nine civilians in a village near Djibo (Soum).\n"
        "Niger: On 16 January, a roadside bomb struck a military vehicle near Tillaberi, wounding three soldiers.\n"))
    assert [(e["country"], e["admin1"]) for e in events] == [("Mali", "Mopti"), ("Burkina Faso", "Sahel"),
                                                             ("Niger", "Tillaberi")]
    assert [e["actor1"] for e in events][2] is None


def test_two_places_listed_are_not_a_town_and_its_region(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-08\n\n"
        "Taliban forces arrested six members of the Islamic State in raids in Kandahar and Helmand on Sunday.\n"))
    assert (event["location"], event["admin1"]) == ("Kandahar", "Kandahar")


def test_arms_told_as_recovered_after_a_gunfight_are_a_detail_of_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-11\n\n"
        "Chhattisgarh: 12 Maoists killed in encounter in Bijapur\n\n"
        "Security forces killed 12 Maoists in a gunfight in the forests of Bijapur district on Friday, police said. "
        "Two personnel of the District Reserve Guard were injured. A large cache of weapons was recovered.\n"))
    assert (event["sub_event_type"], event["actor1"], event["injuries"]) == ("Armed clash", "Indian forces", 2)


@pytest.mark.parametrize("sentence, source", [
    ("Villagers in Bokkos, Plateau State, said gunmen had attacked the community.", "villagers"),
    ("Militants attacked a checkpoint in Kech on Monday, the military's media wing said.", "military's media wing"),
    ("The junta bombed the market, according to local resistance forces.", "local resistance forces"),
    ("Two officers were killed, a police union said.", "police union"),
    ("Ten civilians were killed, a medical charity said.", "medical charity"),
    ("Seven aid workers were killed in the strike, the charity said.", "charity"),
    ("Missiles struck a hospital, killing two adults, the city administration said.", "city administration"),
])
def test_round_28_sources(sentence, source):
    from conflict_ledger.extract.sources import sources_in

    assert [name for name, _, _ in sources_in(sentence)] == [source]


def test_a_disaster_a_crowd_marched_over_is_no_toll_of_the_march(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-16\n\n"
        "Thousands marched in Belgrade on Sunday to demand justice for the collapse of a station roof in Novi Sad "
        "that killed 15 people last month. The march was peaceful.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Peaceful protest", 0)


def test_cattle_raiders_who_killed_herders_attacked_them(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-03\n\n"
        "South Sudan: Cattle raiders attacked a cattle camp on Monday, killing 11 herders and driving off hundreds "
        "of cattle, a local official said.\n"))
    assert (event["sub_event_type"], event["actor1"], event["country"]) == (
        "Attack", "Unidentified armed group", "South Sudan")


def test_how_the_source_ranks_a_strike_told_after_it_leaves_the_strike(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-24\n\n"
        "Israeli strikes on the Bekaa valley killed 274 people on Monday, including 21 children, Lebanon's health "
        "ministry said, the deadliest day of violence in the country in decades.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Air/drone strike", 274)


def test_strikes_that_have_often_hit_civilians_are_a_habit_not_an_event(cli, tmp_path):
    assert text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-10\n\n"
        "Opinion: the juntas are losing the war\n\n"
        "In Mali alone, hundreds have been killed this year, and the army's drone strikes have often hit "
        "weddings and markets.\n")) == []


def test_a_campaign_rally_where_a_candidate_was_shot_is_the_scene_not_a_protest(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-14\n\n"
        "A mayoral candidate was shot in the leg at a campaign rally in Puebla on Saturday. A supporter was killed. "
        "The gunman was arrested at the scene.\n"))
    assert (event["sub_event_type"], event["fatalities"], event["injuries"]) == ("Attack", 1, 1)


def test_a_plot_foiled_with_suicide_vests_recovered_is_no_bombing(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-22\n\n"
        "Police foiled a plot in Peshawar on Sunday, arresting three suspected militants and recovering "
        "explosives and two suicide vests, the Counter Terrorism Department said.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Disrupted weapons use", "Pakistani police")


def test_an_attack_on_a_farming_community_is_an_attack_on_its_people(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-06\n\n"
        "Gunmen killed nine worshippers at a mosque in Zamfara state on Saturday, residents said. A separate "
        "attack on a farming community in Sokoto state on the same day left four dead.\n"))
    assert [(e["sub_event_type"], e["fatalities"]) for e in events] == [("Attack", 9), ("Attack", 4)]


def test_an_overnight_raid_told_with_its_day_is_dated_by_the_day(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-18\n\n"
        "Gunmen killed eight villagers in an overnight raid on a village near Oicha before dawn on Sunday, "
        "a civil society leader said.\n"))
    assert event["event_date"] == "2024-03-17"


def test_an_elderly_couple_killed_are_two():
    assert _tolls("Russian troops shelled the village, killing an elderly couple, the governor said.") == (2, None)


def test_a_road_between_two_towns_of_two_words_places_an_ambush_on_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-01\n\n"
        "Fano fighters ambushed a military convoy on the Bahir Dar-Debre Tabor road on Friday, killing nine "
        "soldiers, hospital officials said.\n"))
    assert (event["country"], event["admin1"]) == ("Ethiopia", "Amara")


def test_explosive_laden_drones_strike_from_the_air(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-08\n\n"
        "ELN guerrillas attacked a military base in Saravena with explosive-laden drones on Tuesday, injuring two "
        "soldiers, the army said.\n"))
    assert event["sub_event_type"] == "Air/drone strike"


def test_a_crowd_waiting_for_aid_fired_on_is_attacked_not_a_protest(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-14\n\n"
        "Israeli troops opened fire on a crowd waiting for flour near the Kuwait roundabout in Gaza City on Sunday, "
        "killing at least six people, medics said.\n"))
    assert (event["sub_event_type"], event["country"]) == ("Attack", "Palestinian Territory")


def test_gangs_that_attacked_a_prison_attacked_it_as_when_they_storm_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-12\n\n"
        "Armed gangs attacked the civil prison in Croix-des-Bouquets over the weekend, freeing hundreds of inmates. "
        "The assault left at least five people dead.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Attack", "Unidentified armed group")


def test_a_speaker_of_several_words_after_a_toll_is_no_one_more_dead():
    assert _tolls("Shells hit the camp, killing at least 10 people, a doctor at the camp said.") == (10, None)


def test_a_count_of_officers_told_with_where_they_serve_is_one_group():
    assert _tolls("Three Kenyan police officers deployed to Haiti were wounded in the ambush.") == (None, 3)


def test_an_army_that_remained_deployed_did_nothing_new(cli, tmp_path):
    assert text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-22\n\n"
        "The court scaled back the quota on Sunday. The army remained deployed in the capital under a curfew.\n")) == []


def test_people_arrested_after_a_protest_turned_violent_are_part_of_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-03\n\n"
        "Police in Medellin arrested 17 people after a protest by students turned violent on Thursday, with "
        "demonstrators hurling stones at a police station.\n"))
    assert (event["sub_event_type"], event["event_date"], event["actor2"]) == (
        "Violent demonstration", "2024-05-02", "Colombian police")


def test_a_border_crossing_where_guards_clashed_is_the_scene(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-30\n\n"
        "Afghan and Pakistani border guards exchanged fire at the Torkham crossing on Thursday night, officials "
        "said.\n"))
    assert (event["location"], event["geo_precision"]) == ("Torkham crossing", 1)


def test_a_strike_on_a_headquarters_in_a_city_confirmed_by_its_doer(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-05\n\n"
        "A drone strike on a militia headquarters in eastern Baghdad on Thursday killed a senior commander of the "
        "Harakat al-Nujaba militia and two of his aides, Iraqi security officials said. A U.S. official confirmed "
        "that American forces had carried out the strike.\n"))
    assert (event["location"], event["actor1"], event["fatalities"]) == ("Baghdad", "U.S. forces", 3)


def test_another_attack_told_as_on_the_same_day_has_that_day(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-26\n\n"
        "Gunmen killed 15 worshippers at a church in a village near Dori on Sunday, a church official said. "
        "Separately, an attack on a mosque near Fada N'Gourma killed dozens of people at dawn prayers the same day.\n"))
    assert [e["event_date"] for e in events] == ["2024-02-25", "2024-02-25"]


def test_fighters_also_neutralised_in_the_operation_are_its_dead_too():
    assert _tolls("Two terrorists were also neutralised in the operation, it said.") == (2, None)


def test_a_place_told_as_a_side_of_a_town_places_the_fight_near_the_town(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-20\n\n"
        "Kurdish-led fighters clashed with Turkish-backed factions in northern Syria on Thursday, near the Qara "
        "Qozak bridge east of Manbij, a war monitor said.\n"))
    assert (event["location"], event["geo_precision"]) == ("Manbij", 2)


# ---- round 29: communiques, timelines, sitreps and anniversaries; who fended an attack off, whose figure it is


@pytest.mark.parametrize("sentence, killed, injured", [
    # a group after "including" is part of the figure before it, not the first of a new list
    ("The ministry said 310 people were killed, including 22 children, and more than 900 were wounded.", 310, 901),
    # a happening or a weapon is no group of the dead: "an exchange of fire", "a roadside bomb"
    ("After a long exchange of fire, five insurgents were killed, the army said.", 5, None),
    ("In a separate incident near Baquba, a roadside bomb wounded three policemen.", None, 3),
])
def test_round_29_tolls(sentence, killed, injured):
    assert _tolls(sentence) == (killed, injured)


def test_a_clause_put_years_before_the_day_tells_no_event_now(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-06-03\n\n"
        "Twenty years after militants stormed a school in the town and killed hundreds of children, families gathered "
        "on Sunday to remember them.\n"))
    assert events == []


def test_gang_members_who_attack_a_town_are_no_robbers_and_police_who_repel_them_were_attacked(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-11-04\n\n"
        "Police repelled an attack by gang members on the town of Mirebalais on Sunday. Two gang members were "
        "killed, police said.\n"))
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Armed clash", "Unidentified armed group", "Haitian police")


def test_a_named_gang_coalition_is_an_actor():
    assert canonical_actor("the Viv Ansanm coalition").name == "Viv Ansanm"


def test_whoever_gave_the_toll_in_a_sentence_of_its_own_is_a_source(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-15\n\n"
        "The Israeli military said it had struck a militant compound in Khan Younis on Saturday. The Gaza health "
        "ministry said 90 people were killed in the strike.\n"))
    assert event["fatalities"] == 90 and "Gaza health ministry" in event["sources"]


def test_the_kind_of_missile_struck_names_its_owner_as_the_target_and_not_where_it_was_aimed(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-09\n\n"
        "On March 8, U.S. forces conducted a self-defense strike on a Houthi anti-ship cruise missile that was "
        "prepared to launch against ships in the Gulf of Aden, from Houthi-controlled areas of Yemen.\n"))
    assert (event["actor1"], event["actor2"], event["country"]) == ("U.S. forces", "Houthis", "Yemen")


def test_a_city_of_a_hundred_thousand_after_in_is_a_place_even_when_untagged(cli, tmp_path):
    places = text_report_rows(cli, tmp_path, "geoparse", (
        "date 2024-06-24\n\nGunmen opened fire on a church in Derbent on Sunday evening.\n"))
    assert [(p["name"], p["country"]) for p in places] == [("Derbent", "Russia")]


def test_an_attack_on_a_convoy_of_peacekeepers_that_killed_one_is_a_clash_with_the_mission(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-02\n\n"
        "The mission condemned the attack on a patrol of the United Nations Interim Force in Lebanon (UNIFIL) on "
        "Saturday, in which one peacekeeper was killed.\n"))
    assert (event["sub_event_type"], event["actor2"], event["fatalities"]) == ("Armed clash", "UNIFIL", 1)


def test_fighters_neutralised_in_air_operations_were_struck_from_the_air(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-20\n\n"
        "Turkey's defence ministry said on Monday its forces had \"neutralised\" nine PKK militants in air operations "
        "in the Metina region of northern Iraq.\n"))
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["fatalities"]) == (
        "Air/drone strike", "Turkish forces", "PKK", 9)


def test_a_country_blamed_for_a_strike_is_its_forces(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-30\n\n"
        "A senior commander of the group was killed in Damascus on Sunday, the group said, blaming Israel for the "
        "strike on his apartment.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Air/drone strike", "Israeli forces")


def test_kurdish_led_and_turkish_backed_fighters_are_the_sdf_and_the_sna(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-10\n\n"
        "Kurdish-led forces and Turkish-backed factions clashed near the Tishreen Dam on Monday, a war monitor said.\n"))
    assert (event["actor1"], event["actor2"]) == ("Syrian Democratic Forces", "Syrian National Army")


def test_a_protest_at_a_university_named_after_its_city_is_placed_near_the_city(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-05\n\nStudents at the University of Nairobi marched to parliament on Monday against a rise in "
        "fees.\n"))
    assert (event["location"], event["geo_precision"]) == ("Nairobi", 2)


def test_militiamen_who_attack_forces_and_soldiers_who_then_kill_civilians_are_two_events(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-14\n\n"
        "Fano militiamen attacked an army camp near Bahir Dar on Sunday, and soldiers later killed 30 civilians in "
        "house searches, residents said.\n"))
    assert [(e["sub_event_type"], e["actor1"]) for e in events] == [
        ("Armed clash", "Fano"), ("Attack", "Ethiopian forces")]


def test_militiamen_who_attack_a_village_attack_civilians():
    (kind,) = classify_sentence("Some 200 militiamen attacked the village of Tora at dawn with machetes.")
    assert kind.sub_event_type == "Attack"


def test_a_doer_misparsed_as_done_to_is_still_the_doer(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-09-10\n\n"
        "ADF rebels killed at least 35 villagers in machete attacks on several villages in the Beni territory of North "
        "Kivu province over the weekend, local civil society leaders said.\n"))
    assert event["actor1"] == "Allied Democratic Forces"


def test_hostages_rescued_beside_fighters_killed_tell_a_clash_not_an_abduction(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-10-07\n\n"
        "Troops of Operation Fansan Yamma have neutralised seven bandits and rescued 12 kidnapped farmers in Tsafe "
        "Local Government Area of Zamfara State, the army said on Sunday.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 7)


def test_a_bombing_at_a_ceremony_marking_a_numbered_anniversary_is_an_event(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-12\n\n"
        "Two explosions near the shrine in Mashhad killed at least 30 people during a ceremony marking the fifth "
        "anniversary of the cleric's death on Thursday.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Remote explosive/landmine/IED", 30)


def test_a_leaders_supporters_who_clash_with_police_riot_against_the_police(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-10\n\n"
        "Supporters of the jailed opposition leader clashed with police in Lahore on Thursday, officials said.\n"))
    assert (event["sub_event_type"], event["actor2"]) == ("Violent demonstration", "Pakistani police")


def test_a_town_home_to_a_coltan_mine_is_taken_not_a_mine_disrupted(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-12-03\n\n"
        "Rwandan-backed M23 rebels seized the town of Masisi, home to a major coltan mine, after fighting with the "
        "Congolese army, residents said on Monday.\n"))
    assert event["sub_event_type"] == "Non-state actor overtakes territory"


def test_the_owner_of_what_a_strike_destroyed_was_struck(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-08-15\n\n"
        "Sudan's army said its air force had destroyed RSF vehicles and killed dozens of fighters in strikes near Nyala "
        "on Wednesday.\n"))
    assert (event["actor1"], event["actor2"]) == ("Sudanese forces", "Rapid Support Forces")


def test_a_doer_named_in_another_events_clause_of_a_timeline_answers_only_for_that_one(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-02-10\n\nA timeline of recent attacks:\n\n"
        "Feb. 2 - Militants fire rockets at a U.S. base in eastern Syria; no injuries are reported.\n"
        "Feb. 4 - A one-way attack drone strikes a U.S. outpost in Jordan, wounding four soldiers.\n"
        "Feb. 6 - U.S. forces shoot down a drone launched by the Houthis over the Red Sea.\n"))
    assert [(e["event_date"], e["actor1"]) for e in events][:2] == [("2024-02-02", None), ("2024-02-04", None)]


def test_demonstrators_who_loot_and_burn_riot(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-01-11\n\n"
        "Demonstrators in Lae looted shops and set fire to businesses on Thursday after soldiers went on strike over "
        "unpaid allowances, leaving at least nine people dead, officials said.\n"))
    assert event["sub_event_type"] == "Violent demonstration"


def test_a_communiques_word_for_its_own_dead_is_a_killing(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-05-08\n\n"
        "The terrorist elements of the so-called \"Khawarij\" opened fire on a vaccination team in the Khyber "
        "district, martyring a police constable deployed for their security, officials said on Tuesday.\n"))
    assert (event["sub_event_type"], event["actor1"], event["fatalities"]) == ("Attack", "Tehrik-i-Taliban Pakistan", 1)


def test_a_state_agencys_aggression_is_a_strike_dated_by_the_dateline(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-04-02\n\n"
        "DAMASCUS, April 1 (SANA) - Two citizens were martyred and three were hurt by an Israeli aggression that "
        "targeted a building in the Kafr Sousa neighborhood of Damascus, a military source said.\n"))
    assert (event["sub_event_type"], event["actor1"], event["event_date"], event["fatalities"]) == (
        "Air/drone strike", "Israeli forces", "2024-04-01", 2)


def test_the_region_a_journey_started_from_is_not_the_towns(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-07-16\n\n"
        "Gunmen abducted at least 20 medical students travelling to a conference in Enugu from Benue state on "
        "Saturday, the students' association said.\n"))
    assert (event["location"], event["admin1"]) == ("Enugu", "Enugu")


def test_the_gulf_of_guinea_is_a_sea_not_a_province_of_papua_new_guinea(cli, tmp_path):
    places = text_report_rows(cli, tmp_path, "geoparse", (
        "date 2024-07-04\n\nPirates boarded a tanker in the Gulf of Guinea on Wednesday.\n"))
    assert [(p["name"], p["feature"]) for p in places] == [("Gulf of Guinea", "sea")]


def test_the_side_a_place_was_retaken_from_lost_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2024-03-21\n\n"
        "Sudan's army said it had retaken the state radio building in Omdurman from the paramilitary Rapid Support "
        "Forces on Wednesday.\n"))
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Government regains territory", "Sudanese forces", "Rapid Support Forces")


# ---- round 30: statements, alerts, live pages and briefs of 2025; office holders, crowds met with force, named dead


@pytest.mark.parametrize("sentence, killed, injured", [
    # one and her own, dead of the harm done: two people
    ("A six-year-old boy and his father later died of their wounds in hospital.", 2, None),
    # the named victims of an active verb, not its doer ("a man dressed as a guard shot dead ...")
    ("A man dressed as a security guard shot dead Ohio state Senator Paul Reyes and his wife at their farm on "
     "Sunday.", 2, None),
    ("The gunman also wounded city councillor Maria Lopez and her driver.", None, 2),
    # the killing named: one dead
    ("The union demanded justice over the killing of Samuel Otieno, a teacher shot by police in Kisumu.", 1, None),
    ("Colleagues mourned the killing of radio reporter Hassan Abdi, who was shot outside his home in Kismayo.", 1, None),
])
def test_round_30_tolls(sentence, killed, injured):
    assert _tolls(sentence) == (killed, injured)


def test_an_office_holder_shot_in_the_head_is_an_attack_however_the_reading_goes(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-03-10\n\n"
        "Opposition lawmaker Carlos Mena was shot twice in the chest outside his office in Guayaquil on Sunday. Two "
        "passers-by were also hurt.\n"))
    assert (event["sub_event_type"], event["location"]) == ("Attack", "Guayaquil")


def test_diplomats_shot_dead_are_political_violence_even_where_the_brief_reads_like_a_crime(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-04-03\n\n"
        "Two consulate employees were shot dead outside a restaurant in Hamburg late on Wednesday, police said. "
        "A 41-year-old suspect was arrested nearby.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Attack", 2)


def test_live_bullets_at_protesters_are_excessive_force_and_a_counted_toll_is_the_protests(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-12\n\n"
        "KAMPALA - Police fired tear gas and live bullets at protesters in Kampala on Tuesday. A rights group said "
        "nine people were killed, most of them shot by police, and about 60 injured.\n"))
    assert (event["sub_event_type"], event["actor1"], event["fatalities"]) == (
        "Excessive force against protesters", "Ugandan police", 9)


def test_youths_who_tried_to_storm_a_post_and_were_shot_riot_once(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-05-08\n\n"
        "Two people were shot dead by gendarmes on Wednesday when youths tried to storm a gendarmerie post in Kenema, "
        "on the third day of protests against fuel prices.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Violent demonstration", 2)


def test_police_injured_at_a_protest_make_it_violent():
    assert [k.sub_event_type for k in classify_sentence(
        "Dozens of people, including 40 police officers, were injured during protests in La Paz on Friday.")] == [
        "Violent demonstration"]


def test_hostages_a_march_stands_for_are_no_abduction_and_firebombs_thrown_at_it_an_attack():
    assert [k.sub_event_type for k in classify_sentence(
        "A man threw molotov cocktails at a crowd rallying for the release of the hostages in Lyon, injuring four "
        "people.")] == ["Attack"]


def test_crude_bombs_hurled_are_thrown_explosives():
    assert "Grenade" in [k.sub_event_type for k in classify_sentence(
        "Unidentified men hurled crude bombs at a party office in Khulna on Monday night, injuring five workers.")]


def test_who_is_blamed_for_the_attack_is_not_the_place_an_apposition_names_after_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-06-02\n\n"
        "Drones struck an army depot in Kosti on Sunday. The army blamed the Rapid Support Forces for the attack, "
        "the first on the White Nile city in months.\n"))
    assert event["actor1"] == "Rapid Support Forces"


def test_a_speaker_that_says_it_took_a_town_took_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-01-20\n\n"
        "The Arakan Army said on Sunday that it had taken full control of Paletwa town after weeks of "
        "fighting.\n"))
    assert (event["sub_event_type"], event["actor1"]) == ("Non-state actor overtakes territory", "Arakan Army")


def test_a_force_named_after_a_state_is_an_actor_and_not_that_state(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-08-04\n\n"
        "Gunmen ambushed an Assam Rifles patrol near Moreh in Tengnoupal district on Sunday, killing one soldier.\n"))
    assert (event["actor2"], event["admin1"]) == ("Indian forces", "Manipur")


def test_a_day_an_appeal_was_made_does_not_date_the_killing_it_names(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-04-10\n\n"
        "A rights group today called for an inquiry into the killing of Rahim Uddin, a student shot dead by police "
        "during protests in Rajshahi on 6 April.\n"))
    assert (event["event_date"], event["fatalities"]) == ("2025-04-06", 1)


def test_blasts_reported_after_strikes_are_the_strikes(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-06-16\n\n"
        "Israeli jets struck military sites around Tabriz early on Monday, Iranian media said. Explosions were "
        "heard across the city.\n"))
    assert [e["sub_event_type"] for e in events] == ["Air/drone strike"]


def test_drones_shot_down_never_landed_however_the_clause_reads(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-07-09\n\n"
        "Russia launched 300 drones at Ukraine overnight, killing two people in Kharkiv. Ukraine's air force said "
        "it shot down 270 drones.\n"))
    assert "Disrupted weapons use" in [e["sub_event_type"] for e in events]
    assert "Air/drone strike" not in [e["sub_event_type"] for e in events if e["actor1"] == "Ukrainian forces"]


def test_unnamed_men_told_to_be_a_known_group_are_that_group(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-03-03\n\n"
        "On 1 March, gunmen believed to be ADF rebels attacked the village of Mangurujipa in Lubero territory, "
        "killing 18 civilians, local sources said.\n"))
    assert event["actor1"] == "Allied Democratic Forces"


@pytest.mark.parametrize("sentence, killed, injured", [
    ("A gunman opened fire in a mosque during prayers, killing the imam and a worshipper.", 2, None),
    ("Militants raided the village at dawn, beheading five farmers and burning 30 huts.", 5, None),
    # a road's number is no count: "the N-65 highway"
    ("Eleven passengers were taken off a bus on the N-65 highway near Mastung and shot dead by armed men.", None, None),
    # what a gathering remembers is no toll of the day
    ("Police clashed with students at a rally marking a year since the collapse of a bridge that killed 19 people.",
     None, None),
])
def test_round_30_more_tolls(sentence, killed, injured):
    assert _tolls(sentence) == (killed, injured)


@pytest.mark.parametrize("sentence, sub_event_type", [
    ("A convoy of the army came under heavy fire near Tessit on Monday, killing three soldiers.", "Armed clash"),
    ("Police launched a crackdown on a protest camp in Lahore before dawn, firing tear gas and live rounds.",
     "Excessive force against protesters"),
])
def test_round_30_kinds(sentence, sub_event_type):
    assert sub_event_type in [k.sub_event_type for k in classify_sentence(sentence)]


@pytest.mark.parametrize("report, sub_event_type, actor1", [
    # strikes told by the toll they took are strikes, however the clause reads
    ("GAZA CITY - Israeli strikes killed at least 100 people across the Gaza Strip overnight and on Saturday, local "
     "health officials said, as the military announced the start of expanded ground operations.",
     "Air/drone strike", "Israeli forces"),
    # armed men who set property on fire destroy it (a blockade by a jihadist group is no crowd's)
    ("JNIM militants set fire to about 40 fuel tankers on the road between Kati and Kayes on Sunday, part of a "
     "blockade that has left the capital short of fuel, transport unions said.",
     "Looting/property destruction", "Jamaat Nusrat al-Islam wal-Muslimin"),
])
def test_an_act_its_clause_tells_plainly_stands_however_the_report_reads(cli, tmp_path, report, sub_event_type, actor1):
    (event,) = text_report_rows(cli, tmp_path, "extract", f"date 2025-05-18\n\n{report}\n")
    assert (event["sub_event_type"], event["actor1"]) == (sub_event_type, actor1)


def test_a_rocket_propelled_grenade_is_fired_from_afar_not_thrown():
    assert [k.sub_event_type for k in classify_sentence(
        "A rocket-propelled grenade hit a police car in Zawiya overnight, wounding two officers.")] == [
        "Shelling/artillery/missile attack"]


def test_captives_set_free_are_no_abduction():
    assert "Abduction/forced disappearance" not in [k.sub_event_type for k in classify_sentence(
        "The group released four hostages to the Red Cross in Khan Younis on Saturday.")]


def test_a_crowd_that_took_to_the_streets_protested():
    assert [k.sub_event_type for k in classify_sentence(
        "Opposition supporters in Kara took to the streets for a second day on Friday, burning tyres and erecting "
        "barricades.")] == ["Violent demonstration"]


def test_a_crowd_that_blocks_an_avenue_is_no_peaceful_one():
    kinds = [k.sub_event_type for k in classify_sentence(
        "Thousands of demonstrators blocked Liberty Avenue for a third night on Sunday.")]
    assert kinds == ["Violent demonstration"]


def test_who_was_killed_when_police_fired_on_rioters_is_the_riots_toll(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-09-26\n\n"
        "Protesters demanding jobs set fire to the district office in Kargil on Thursday. Three people were killed "
        "when police opened fire, officials said.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Violent demonstration", 3)


def test_a_curfew_after_the_clashes_does_not_make_them_a_change_of_activity(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-07-17\n\n"
        "RAJSHAHI - Five people were killed in Natore on Wednesday as supporters of a banned party attacked a rally "
        "of a student movement and clashed with police and soldiers, officials said. A curfew was imposed.\n"))
    assert event["event_type"] != "Strategic developments"


def test_a_prison_retaken_from_rioting_inmates_is_no_territory(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-03-01\n\n"
        "Guards and soldiers regained control of the Esmeraldas prison on Friday after a riot between rival gangs in "
        "which nine inmates were killed.\n"))
    assert events and all(e["event_type"] != "Battles" for e in events)


def test_the_sides_of_a_fight_between_two_named_groups(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-10\n\n"
        "At least 30 people have been killed since Friday in fighting between ELN guerrillas and dissidents of the "
        "former FARC in Arauca, the army said on Sunday.\n"))
    assert (event["actor1"], event["actor2"]) == ("National Liberation Army", "FARC dissidents")


def test_a_militia_of_the_kivus_is_an_actor():
    assert canonical_actor("Wazalendo fighters").name == "Wazalendo"


def test_a_town_whose_name_holds_a_particle_is_not_the_capital_its_last_word_names(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-06-11\n\n"
        "Insurgents attacked a village in Mocimboa da Praia district on Monday, killing three people.\n"))
    assert (event["country"], event["admin1"]) == ("Mozambique", "Cabo Delgado")


def test_a_town_seized_and_retaken_the_same_day_changed_hands_twice(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-08-12\n\n"
        "Al-Shabaab fighters seized the town of Bacadweyn in Mudug region on Sunday, residents said. Government "
        "forces retook the town later in the day.\n"))
    assert sorted((e["sub_event_type"], e["actor1"]) for e in events) == [
        ("Government regains territory", "Somali forces"), ("Non-state actor overtakes territory", "Al-Shabaab")]


def test_fighters_who_overran_a_base_fought_for_it(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-02-20\n\n"
        "Officials said on Wednesday that ISWAP fighters had overrun an army base in Damasak on Monday night, "
        "forcing troops to pull back.\n"))
    assert (event["event_type"], event["actor1"]) == ("Battles", "Islamic State West Africa Province")


def test_a_fight_its_side_tells_of_stands_however_the_statement_reads(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-05-15\n\n"
        "In a statement posted on Telegram, the Islamic State's Sahel Province said its fighters had killed 34 "
        "Nigerien soldiers in an ambush near Banibangou on Tuesday. The claim could not be independently verified. "
        "Niger's army has not commented.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 34)


def test_an_acronym_in_brackets_does_not_break_a_list_of_the_dead():
    counts = find_counts("Nine soldiers and several volunteer fighters (VDP) were killed, security sources said.")
    assert [(c.kind, c.amount.low, c.amount.high) for c in counts] == [("killed", 12, 18)]


def test_a_rescue_won_in_a_gun_battle_is_the_fight(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-08-18\n\n"
        "Troops rescued 40 kidnapped farmers from a forest in Katsina state on Saturday after a gun battle with "
        "bandits in which six bandits were killed, the army said.\n"))
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 6)


def test_a_far_village_a_name_means_in_another_tongue_is_not_made_sure_by_saying_it_twice(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-04-16\n\n"
        "Q&A: What happened in Kalma camp?\n"
        "On Monday, RSF fighters shelled the Kalma displacement camp near Nyala, killing at least 14 people, according "
        "to the camp's coordinator.\n"))
    assert (event["country"], event["admin1"]) == ("Sudan", "South Darfur")


def test_each_paragraph_of_a_round_up_is_its_own_story(cli, tmp_path):
    events = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-03-11\n\nAFRICA ROUNDUP\n\n"
        "MALI: Jihadists ambushed an army convoy near Gao on Sunday, killing five soldiers, military sources said.\n\n"
        "DR CONGO: M23 rebels took control of the town of Nyabiondo in North Kivu on Monday after clashes with "
        "Wazalendo fighters.\n"))
    assert [(e["country"], e["actor2"]) for e in events] == [
        ("Mali", "Malian forces"), ("Democratic Republic of the Congo", "Wazalendo")]


def test_fighters_a_force_eliminated_after_its_other_work_were_fought(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-04-19\n\n"
        "The Israel Defense Forces said troops operating in Shejaiya had located and destroyed a tunnel shaft and "
        "eliminated three terrorists who approached them.\n"))
    assert (event["sub_event_type"], event["fatalities"], event["admin1"]) == ("Armed clash", 3, "Gaza Strip")


def test_the_office_of_a_ministry_struck_is_the_scene_and_its_named_dead_count(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-03-13\n\n"
        "JALALABAD - A suicide bomber struck the office of a Taliban-run ministry in Kabul on Wednesday, killing the "
        "minister for refugees, Khalil Haqqani, and five others, officials said.\n"))
    assert (event["location"], event["fatalities"]) == ("Kabul", 6)


def test_hundreds_of_residents_who_burn_a_police_post_riot(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-07-29\n\n"
        "Hundreds of residents of Mathare set fire to a police post in Nairobi on Sunday night, witnesses said.\n"))
    assert event["event_type"] == "Riots"


def test_what_some_of_the_dead_bore_is_no_second_group():
    counts = find_counts("The bodies of 11 men, some with gunshot wounds, were found near Sabha on Friday.")
    assert [(c.kind, c.amount.low, c.amount.high) for c in counts] == [("killed", 11, 11)]


def test_baga_on_lake_chad_is_in_borno_not_catalonia(cli, tmp_path):
    (event,) = text_report_rows(cli, tmp_path, "extract", (
        "date 2025-08-08\n\n"
        "MAIDUGURI - Boko Haram insurgents killed 17 fishermen on the shores of Lake Chad near Baga on Wednesday, "
        "a militia leader said.\n"))
    assert (event["country"], event["admin1"]) == ("Nigeria", "Borno")
