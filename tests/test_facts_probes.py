"""Invented two-source clusters, one per class of figure that issue 14 lists (revisions
told with other verbs than "rose to", a weekday against a calendar date, ages, vote
tallies, percentage targets, tons against kilograms, feet against metres, counts whose
noun differs). Each probe names the figure each source gives and the status the pair
should get; the events, places, outlets and people are made up, so the probes show
whether a mechanism carries over beyond the labelled sets."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime

import pytest

from newsfuse.embed import Embedder
from newsfuse.facts import FactParams, compare_facts
from newsfuse.facts.synonymy import load_wordnet
from newsfuse.model import Article, Fact

# The revision probes read verbs of change from WordNet (Debian's wordnet-base).
pytestmark = pytest.mark.skipif(
    load_wordnet(None, "verb") is None, reason="WordNet (wordnet-base) absent"
)

EARLY = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)  # a Wednesday
LATE = datetime(2026, 3, 5, 21, 0, tzinfo=UTC)  # a day on: a revision may come


@dataclass(frozen=True, slots=True)
class Probe:
    """Two reports of one event: ``first`` published before ``second``; ``figures`` are
    the surface texts of the figure each gives; ``status`` the verdict the pair should get."""

    name: str
    first: str
    second: str
    figures: tuple[str, str]
    status: str
    known_gap: str = ""  # why the comparison does not yet give ``status``, if it does not


PROBES = [
    # Revisions told with other verbs than "rose to".
    Probe(
        "revised",
        "Officials in Tarvik said 14 people were killed when a footbridge collapsed over "
        "the Ennor river on Tuesday. Rescue teams searched the water through the night.",
        "Officials in Tarvik revised the death toll to 19 after divers searched the Ennor "
        "river where a footbridge collapsed on Tuesday.",
        ("14", "19"),
        "revision",
    ),
    Probe(
        "corrected",
        "The Halden utility said 3,200 homes lost power when the storm hit the coast. "
        "Crews expected to restore supply by evening.",
        "The Halden utility corrected its figure to 4,100 homes without power after the "
        "storm hit the coast. Crews expected to restore supply by evening.",
        ("3,200", "4,100"),
        "revision",
    ),
    Probe(
        "updated",
        "Police in Corrow said 22 people were injured when a tram left the rails near the "
        "market square on Saturday.",
        "Police in Corrow updated the number of injured to 31 after a tram left the rails "
        "near the market square on Saturday.",
        ("22", "31"),
        "revision",
    ),
    Probe(
        "climbed",
        "At least 40 people were evacuated from the Veltry estate after a chemical leak at "
        "a depot, the fire service said.",
        "The number of people evacuated from the Veltry estate climbed to 65 after a "
        "chemical leak at a depot, the fire service said.",
        ("40", "65"),
        "revision",
    ),
    Probe(
        "now stands at",
        "The Morrin fire has burned 2,300 acres of forest in the hills above the town, the "
        "forestry agency said.",
        "The area burned by the Morrin fire now stands at 3,100 acres of forest in the "
        "hills above the town, the forestry agency said.",
        ("2,300 acres", "3,100 acres"),
        "revision",
    ),
    Probe(
        "raised its estimate",
        "Drennick Mining said the flood at its Ashby pit would cost about $12 million to repair.",
        "Drennick Mining raised its estimate of the cost to repair the flood at its Ashby "
        "pit to $18 million.",
        ("$12 million", "$18 million"),
        "revision",
    ),
    Probe(
        "lowered",
        "The Kessel health board said 90 patients were treated for smoke inhalation after "
        "the blaze at the Orrin hospital.",
        "The Kessel health board lowered the number of patients treated for smoke "
        "inhalation after the blaze at the Orrin hospital to 72.",
        ("90", "72"),
        "revision",
    ),
    Probe(
        "was later put at",
        "A landslide in the Selby valley buried 11 houses, the regional governor said on Monday.",
        "The number of houses buried by the landslide in the Selby valley was later put at "
        "16 by the regional governor.",
        ("11", "16"),
        "revision",
    ),
    Probe(
        "a later report",
        "Port officials in Calder said 230 containers fell from the cargo ship Maren Star "
        "in heavy seas.",
        "A later report from port officials in Calder said 310 containers fell from the "
        "cargo ship Maren Star in heavy seas.",
        ("230", "310"),
        "revision",
    ),
    Probe(
        "gone up to",
        "Officials in Tarvik said 14 people were killed when a footbridge collapsed over "
        "the Ennor river on Tuesday.",
        "The number of people killed when a footbridge collapsed over the Ennor river in "
        "Tarvik on Tuesday has gone up to 19, officials said.",
        ("14", "19"),
        "revision",
    ),
    Probe(
        "up from",
        "The Halden utility said 3,200 homes were without power after the storm.",
        "Some 4,100 homes were without power after the storm, up from 3,200 on Tuesday, the "
        "Halden utility said.",
        ("3,200", "4,100"),
        "revision",
    ),
    Probe(
        "cut its estimate",
        "Drennick Mining said the flood at its Ashby pit would cost $12 million to repair.",
        "Drennick Mining cut its estimate of the cost to repair the flood at its Ashby pit "
        "to $9 million.",
        ("$12 million", "$9 million"),
        "revision",
    ),
    Probe(
        "hit",
        "Police in Corrow said 22 people were injured when a tram left the rails near the "
        "market square.",
        "The number of people injured when a tram left the rails near the market square in "
        "Corrow hit 31, police said.",
        ("22", "31"),
        "revision",
    ),
    Probe(
        "scaled back",
        "The Ostrel festival expected 60,000 visitors over the weekend, organisers said.",
        "Organisers of the Ostrel festival scaled back the number of visitors they expect "
        "over the weekend to 45,000.",
        ("60,000", "45,000"),
        "revision",
    ),
    Probe(
        "has since confirmed",
        "The Veltry council said nine people died in the floods in the lower town.",
        "The Veltry council has since confirmed that 12 people died in the floods in the "
        "lower town.",
        ("nine", "12"),
        "revision",
    ),
    # A weekday in one report and a calendar date in the other, both dated.
    Probe(
        "weekday against a different date",
        "The Brask wildfire started on Sunday in dry scrub north of the town, officials said.",
        "The Brask wildfire started on February 26 in dry scrub north of the town, officials said.",
        ("Sunday", "February 26"),
        "conflict",
    ),
    Probe(
        "weekday agreeing with a date",
        "The Brask wildfire started on Sunday in dry scrub north of the town, officials said.",
        "The Brask wildfire started on March 1 in dry scrub north of the town, officials said.",
        ("Sunday", "March 1"),
        "agree",
    ),
    # Ages.
    Probe(
        "age of a described person",
        "A 52-year-old driver was arrested after the crash on the Pellam bypass, police said.",
        "The driver, 55, was arrested after the crash on the Pellam bypass, police said.",
        ("52-year-old", "55"),
        "conflict",
    ),
    Probe(
        "age before and after a name",
        "Ines Varga, 52, was elected mayor of Hollin on Thursday.",
        "The 55-year-old Ines Varga was elected mayor of Hollin on Thursday.",
        ("52", "55-year-old"),
        "conflict",
    ),
    Probe(
        "aged against years old",
        "The Pellam lifeboat rescued a fisherman aged 67 off the headland.",
        "The Pellam lifeboat rescued a 71-year-old fisherman off the headland.",
        ("67", "71-year-old"),
        "conflict",
    ),
    Probe(
        "definite age after the subject it refers back to",
        "Tomas Orrin won the Fellby road race on Sunday, beating Karel Dusek in a sprint. "
        "The 24-year-old now leads the Arlen series by 40 seconds.",
        "Tomas Orrin, 25, won Sunday's Fellby road race ahead of Karel Dusek and leads the "
        "Arlen series.",
        ("24-year-old", "25"),
        "conflict",
    ),
    Probe(
        "definite age with a noun after the subject",
        "Lena Hartsel took the Brenn marathon title on Saturday, pulling away from Mira Costa "
        "late on. The 31-year-old Corvale runner now holds the course record.",
        "Lena Hartsel, 33, took the Brenn marathon title on Saturday and set a course record.",
        ("31-year-old", "33"),
        "conflict",
    ),
    Probe(
        "age beside another clause's negation",
        "Two climbers died on the Skarn ridge on Friday, the mountain rescue team said. One of "
        "the dead was named locally as Petra Ulven, 44, from Holby; the other has not been "
        "named.",
        "Two climbers died on the Skarn ridge on Friday. One of them was named as Petra Ulven, "
        "47, a teacher from Holby.",
        ("44", "47"),
        "conflict",
    ),
    # Vote tallies.
    Probe(
        "vote tally",
        "Councillor Ines Varga won the Hollin ward with 4,812 votes, the returning officer said.",
        "Councillor Ines Varga won the Hollin ward with 4,218 votes, the returning officer said.",
        ("4,812", "4,218"),
        "conflict",
    ),
    Probe(
        "votes in favour",
        "The Hollin council approved the bypass by 31 votes to 12.",
        "The Hollin council approved the bypass by 29 votes to 12.",
        ("31", "29"),
        "conflict",
    ),
    # Percentage targets.
    Probe(
        "percentage target",
        "The Oskar ministry set a target of cutting emissions by 40% by 2035.",
        "The Oskar ministry has pledged to cut emissions by 45% by 2035.",
        ("40%", "45%"),
        "conflict",
    ),
    Probe(
        "share of renewables goal",
        "Lorne aims to draw 30% of its electricity from renewable sources by 2030.",
        "Lorne has set a goal of drawing 35% of its electricity from renewable sources by 2030.",
        ("30%", "35%"),
        "conflict",
    ),
    # Masses and lengths in other units.
    Probe(
        "tons against kilograms, differing",
        "Customs officers at Brennport seized 2 tons of cocaine hidden in a banana shipment.",
        "Customs officers at Brennport seized 1,500 kilograms of cocaine hidden in a banana "
        "shipment.",
        ("2 tons", "1,500 kilograms"),
        "conflict",
    ),
    Probe(
        "tonnes against kilograms, agreeing",
        "Customs officers at Brennport seized 2 tonnes of cocaine hidden in a banana shipment.",
        "Customs officers at Brennport seized 2,000 kilograms of cocaine hidden in a banana "
        "shipment.",
        ("2 tonnes", "2,000 kilograms"),
        "agree",
    ),
    Probe(
        "feet against metres, differing",
        "The climber fell 300 feet from a ledge on Mount Skarra, rescuers said.",
        "The climber fell 150 metres from a ledge on Mount Skarra, rescuers said.",
        ("300 feet", "150 metres"),
        "conflict",
    ),
    Probe(
        "feet against metres, agreeing",
        "The climber fell 300 feet from a ledge on Mount Skarra, rescuers said.",
        "The climber fell 91 metres from a ledge on Mount Skarra, rescuers said.",
        ("300 feet", "91 metres"),
        "agree",
    ),
    Probe(
        "tonnes against tons, differing",
        "The bulk carrier Orla Queen ran aground off Calder with 12,000 tonnes of wheat.",
        "The bulk carrier Orla Queen ran aground off Calder with 9,000 tons of wheat.",
        ("12,000 tonnes", "9,000 tons"),
        "conflict",
    ),
    Probe(
        "miles against kilometres, differing",
        "The Morrin fire came within 40 miles of the town, the forestry agency said.",
        "The Morrin fire came within 50 km of the town, the forestry agency said.",
        ("40 miles", "50 km"),
        "conflict",
    ),
    Probe(
        "half a million against a figure",
        "Half a million people lost power when the storm crossed Halden, the utility said.",
        "500,000 people lost power when the storm crossed Halden, the utility said.",
        ("Half a million", "500,000"),
        "agree",
    ),
    # A change's size against a level, and a part of a group against the group.
    Probe(
        "size of a change, told two ways",
        "Brennick Foods posted a 12 per cent rise in half-year earnings, its chief executive "
        "Mara Holt said. Overseas buyers account for two-thirds of what the biscuit maker sells.",
        "Chief executive Mara Holt said half-year earnings at biscuit maker Brennick Foods "
        "rose 9%.",
        ("12 per cent", "9%"),
        "conflict",
    ),
    Probe(
        "a part of the dead against the count of the dead",
        "Floodwater from the swollen Ennor cut the main bridge at Veltry, closed 40 schools "
        "and contributed to six deaths, the county coroner said on Monday.\n\nTwo of the "
        "deaths were of motorists who drove into a flooded ford, the coroner's office said.",
        "Coroner: Seven deaths have been linked to the Ennor floods, including motorists who "
        "drove into a flooded ford.",
        ("six", "Seven"),
        "conflict",
    ),
    # Counts whose noun differs between outlets.
    Probe(
        "residents against people evacuated",
        "About 1,200 residents were evacuated from Lorne as the river burst its banks.",
        "Some 1,800 people were evacuated from Lorne as the river burst its banks.",
        ("1,200", "1,800"),
        "conflict",
    ),
    Probe(
        "households against homes flooded",
        "About 400 homes were flooded in Lorne when the river burst its banks.",
        "Some 650 households were flooded in Lorne when the river burst its banks.",
        ("400", "650"),
        "conflict",
    ),
]

# The same classes in longer reports, with look-alike figures around them.
RICH_PROBES = [
    Probe(
        "rich revised toll",
        "At least 14 people were killed and 30 injured when a footbridge collapsed over the Ennor"
        " river in Tarvik on Tuesday, officials said. The bridge, built in 1962, carried about "
        "2,000 people a day. Three of the injured were in a critical condition.",
        "Officials in Tarvik revised the death toll from Tuesday's footbridge collapse to 19 "
        "after divers recovered five more bodies from the Ennor river. The number of injured "
        "stands at 30, and the 60-metre bridge had been due for repairs in 2027.",
        ("14", "19"),
        "revision",
    ),
    Probe(
        "rich cut estimate",
        "Drennick Mining said flooding at its Ashby pit would cost about $12 million to repair "
        "and halt output for six weeks. The pit employs 450 workers and produced 1.2 million "
        "tonnes of coal last year.",
        "Drennick Mining cut its estimate of the repair bill for the flooded Ashby pit to $9 "
        "million on Thursday, saying output would resume within four weeks. The 450 workers at "
        "the pit will be paid in full.",
        ("$12 million", "$9 million"),
        "revision",
    ),
    Probe(
        "rich lowered evacuees",
        "Some 5,000 residents of Lorne were ordered to leave their homes on Monday as the river "
        "rose to 6.2 metres, its highest level since 1998. Two shelters with room for 800 people "
        "opened in the town hall and a school.",
        "The number of Lorne residents under evacuation orders was lowered to 3,500 on Tuesday as"
        " the river fell back below 5 metres. Both shelters, holding 800 people, remain open.",
        ("5,000", "3,500"),
        "revision",
    ),
    Probe(
        "rich weekday",
        "The Brask wildfire, sparked by a power line on Sunday, has burned 4,000 hectares and "
        "destroyed 12 homes. About 300 firefighters are on the fire lines, with four aircraft.",
        "The Brask wildfire, which broke out on February 26 near a power line, has destroyed 12 "
        "homes and burned 4,000 hectares. Some 300 firefighters and four aircraft are fighting "
        "it.",
        ("Sunday", "February 26"),
        "conflict",
    ),
    Probe(
        "rich age",
        "A 52-year-old lorry driver from Pellam was arrested after a crash on the A40 that "
        "injured six people on Friday. Police said the lorry was carrying 20 tonnes of gravel.",
        "Police arrested the driver, 55, after his lorry, loaded with 20 tonnes of gravel, "
        "crashed on the A40 on Friday, injuring six people.",
        ("52-year-old", "55"),
        "conflict",
    ),
    Probe(
        "rich tonnes",
        "Customs officers at Brennport seized 2 tonnes of cocaine hidden in a shipment of 40 "
        "containers of bananas, arresting three men. The drugs were worth about £80 million.",
        "Three men were arrested after customs officers at Brennport found 1,500 kilograms of "
        "cocaine among 40 containers of bananas, a haul worth £80m.",
        ("2 tonnes", "1,500 kilograms"),
        "conflict",
    ),
    Probe(
        "rich feet",
        "A climber fell 300 feet from a ledge on Mount Skarra on Saturday and was flown to "
        "hospital, rescuers said. The 2,400-metre peak draws 10,000 climbers a year.",
        "Rescuers said a climber survived a 150-metre fall from a ledge on the 2,400-metre Mount "
        "Skarra on Saturday.",
        ("300 feet", "150-metre"),
        "conflict",
    ),
    Probe(
        "rich votes",
        "Ines Varga won the Hollin ward by-election with 4,812 votes, ahead of Tomas Reyes on "
        "3,960, on a turnout of 31%.",
        "Ines Varga took the Hollin ward with 4,218 votes to Tomas Reyes's 3,960. Turnout was 31 "
        "per cent.",
        ("4,812", "4,218"),
        "conflict",
    ),
    Probe(
        "rich target",
        "The Oskar ministry set a target of cutting emissions by 40% by 2035 from 1990 levels, "
        "and pledged 2 billion euros for home insulation.",
        "The Oskar ministry has pledged to cut emissions by 45% by 2035 compared with 1990, "
        "backed by 2 billion euros for insulating homes.",
        ("40%", "45%"),
        "conflict",
    ),
]

# Other house styles: lakh and crore, 'a dozen', hectares, an Australian bushfire, a vote share.
STYLE_PROBES = [
    Probe(
        "lakh against a figure",
        "The Kalvani district board announced ex gratia of Rs 2.5 lakh for the family of each "
        "person killed in the bus crash.",
        "The Kalvani district board announced ex gratia of Rs 250,000 for the family of each "
        "person killed in the bus crash.",
        ("Rs 2.5 lakh", "Rs 250,000"),
        "agree",
    ),
    Probe(
        "crore against millions",
        "The Kesar civic body has set aside Rs 3 crore to repair roads damaged by the monsoon.",
        "The Kesar civic body has set aside Rs 30 million to repair roads damaged by the monsoon.",
        ("Rs 3 crore", "Rs 30 million"),
        "agree",
    ),
    Probe(
        "a dozen against twelve",
        "A dozen fishermen were rescued off Corran Point after their trawler sank on Sunday.",
        "Twelve fishermen were rescued off Corran Point after their trawler sank on Sunday.",
        ("A dozen", "Twelve"),
        "agree",
    ),
    Probe(
        "hectares against acres, differing",
        "The Morrin fire has burned 4,000 hectares of forest north of the town.",
        "The Morrin fire has burned 4,000 acres of forest north of the town.",
        ("4,000 hectares", "4,000 acres"),
        "conflict",
    ),
    Probe(
        "Australian weekday",
        "Crews from three states are fighting the Wattle Creek blaze, which a dry storm set "
        "alight on Sunday, the rural fire service said.",
        "The Wattle Creek blaze, set alight by a dry storm on February 26, has now burnt "
        "through 9,000 hectares of scrub, the rural fire service said.",
        ("Sunday", "February 26"),
        "conflict",
    ),
    Probe(
        "vote share",
        "Ines Varga took 54 per cent of the vote in the Hollin ward by-election.",
        "Ines Varga took 51% of the vote in the Hollin ward by-election.",
        ("54 per cent", "51%"),
        "conflict",
    ),
    Probe(
        "tally of votes for and against",
        "The Hollin council approved the bypass by 31 votes to 12 on Monday night.",
        "The bypass was approved by the Hollin council on Monday night, with 31 councillors in "
        "favour and 14 against.",
        ("12", "14"),
        "conflict",
    ),
]


def _fact_holding(facts: list[Fact], figures: tuple[str, str]) -> Fact | None:
    first, second = figures
    for fact in facts:
        texts = {(claim.article_id, claim.text) for claim in fact.claims}
        if ("a", first) in texts and ("b", second) in texts:
            return fact
    return None


def probe_status(
    probe: Probe, embedder: Embedder | None = None, params: FactParams = FactParams()
) -> str:
    """The status the pair of figures gets on the product path (with embeddings), or
    "apart" when no fact holds both."""
    articles = [
        Article(id="a", text=probe.first, source="The Tarvik Ledger", published=EARLY),
        Article(id="b", text=probe.second, source="Corrow Evening Post", published=LATE),
    ]
    fact = _fact_holding(compare_facts(articles, embedder=embedder, params=params), probe.figures)
    return fact.status if fact is not None else "apart"


@pytest.mark.parametrize(
    "probe",
    [
        pytest.param(
            probe,
            id=probe.name,
            marks=[pytest.mark.xfail(strict=True, reason=probe.known_gap)]
            if probe.known_gap
            else [],
        )
        for probe in PROBES + RICH_PROBES + STYLE_PROBES
    ],
)
def test_each_invented_probe_gets_its_status(probe: Probe, embedder: Embedder) -> None:
    assert probe_status(probe, embedder) == probe.status


def test_the_age_probes_need_their_rules(embedder: Embedder) -> None:
    by_name = {probe.name: probe for probe in PROBES}
    no_subject = replace(FactParams(), opening_age_takes_previous_subject=False)
    for name in (
        "definite age after the subject it refers back to",
        "definite age with a noun after the subject",
    ):
        # Off, the age goes to the rival named last before it, and the pair stays apart.
        assert probe_status(by_name[name], embedder, no_subject) == "apart"
    any_subject = replace(FactParams(), polarity_needs_counted_subject=False)
    # Off, the other clause's "has not been named" gives the age a polarity.
    assert probe_status(by_name["age beside another clause's negation"], embedder, any_subject) == (
        "differs"
    )
