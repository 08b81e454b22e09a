"""The fact comparison's tunables, as one frozen object passed down the stage.

``compare_facts(articles, params=FactParams())`` hands a :class:`FactParams`
to every step that reads one (claim description, pairwise score, clustering,
verdict); a study varies a value with ``dataclasses.replace(FactParams(), ...)``.
How the values were measured is in ``docs/benchmarks-facts.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

__all__ = ["FactParams"]


@dataclass(frozen=True, slots=True)
class FactParams:
    """Weights, thresholds and windows of claim alignment and verdicts."""

    # --- Describing a claim (newsfuse.facts.describe) ---
    # Context weight halves every this many tokens away from the number: words
    # right next to it ("560 additional troops", "injuring 14") say most.
    context_decay_tokens: float = 4.0
    # The number's syntactic head chain (counted noun, its verb) counts this much
    # more than mere proximity, because it names the role of the number.
    syntax_boost: float = 2.0
    # Head-chain words link by syntax, not proximity, so they decay no lower than
    # this: "the death [toll] from the sinking of the ferry rose to 17".
    syntax_min_decay: float = 0.35
    # A figure's context words and clause start after the last line break before it, even
    # where the parser runs one sentence across it (a credit line above). Off: the sentence.
    context_stops_at_line_breaks: bool = True
    # The end of a period ("from Jan. 1 to [Aug. 31]") is an "as of" date, not the day of
    # the figure's event or statement. Off: such a date takes its verb's role, as before.
    date_range_end_is_as_of: bool = True
    # A figure after "at" counts the verb's object: "putting the [toll] at 10,000" (not the
    # verb's subject, "Human Rights Watch"). Off: as before (the aligner only; subjects keep it).
    count_valued_objects: bool = True
    # A bare numeral standing as a noun phrase ("and [two] came to rest", "[two] of them")
    # counts the noun of the last earlier figure in its sentence ("four of the six cars").
    # Off: such a numeral has no counted noun, as before.
    elided_noun_from_earlier_figure: bool = True
    # A count standing in the subject of a passive verb with an infinitive ("20,000 people
    # are believed to have been killed", "were forced to flee") takes the infinitive as its
    # verb and head-chain words: the passive verb only says who reports or causes it. Off:
    # the passive verb, as before.
    passive_complement_names_event: bool = True
    # A distance given only as "away" ("ended up in Isinya, 12 miles away") is measured from
    # the place its sentence moves from ("escaped from the park and ..."): its anchor and a
    # head-chain word. Off: an unnamed anchor ("?"), as before.
    away_is_from_place_left: bool = True
    # Tokens either side of the number that make up the clause fed to the embedder.
    embed_window_tokens: int = 10
    # A figure in a clause explaining a change ("rose to 17 after [three] more died") plays
    # the role "change", apart from the totals other reports give. Off: as before.
    change_clause_is_increment: bool = True
    # A percentage that sizes a change ("rose 17%", "a 14 per cent rise", "up 14%", "31%
    # lower") is no new level, so no revision cue. Off: as before.
    change_size_is_no_revision: bool = True
    # ... also when the parse hangs the percentage on "year on year" ("grew 3.7% year on
    # year", "0.6% month on month"), which names the period, not what grew. Off: as before.
    change_over_repeated_period: bool = True
    # A figure's period (facts.aspects) is kept only if it holds a time word or a written
    # date, without age phrases: spaCy tags DATE names ("for Morrow") and "47-year-old".
    periods_need_time_words: bool = True
    # A part said to be of a sort ("two of the deaths were from heart attacks") is kept
    # from a count of its group's own noun ("five deaths"). Off: as before.
    classified_part_is_a_role: bool = True
    # Tokens either side of a figure searched for total or increment words.
    role_window_tokens: int = 4
    # How far back the part of a partitive may start: "Twenty-three of the train's
    # 96 cars" puts the part six tokens before the whole (spaCy splits the hyphen).
    partitive_window_tokens: int = 6
    # How far before the number a revision cue ("rose to", "now") may stand, in tokens.
    revision_cue_window_tokens: int = 8
    # A verb of lasting state governing a figure ("26 people [remain] missing", "are [still]
    # in hospital") is a revision cue too: the count as it now stands. Off: as before.
    lasting_state_is_revision_cue: bool = True
    # A count in a vote sentence followed by its side ("14 against", "31 councillors in
    # favour") is that side's votes, like the sides of "31 votes to 12". Off: as before.
    stance_words_name_tally_sides: bool = True
    # Race times with fractions ("2:03.41", "1:45.2") are minutes and seconds, and
    # "45 hundredths of a second" a duration. Off: such figures are not read.
    race_time_fractions: bool = True
    # "m" after a number without a currency: spaced ("294 m"), in a sentence of height,
    # length or depth without money words, or in an article whose other "Nm" are metres,
    # it is metres; else, before a noun, million. Off: "m" before any noun is million.
    metres_by_context: bool = True
    # A glued "m" without currency or money words is million only before a counted
    # (plural) noun ("2m people", "4.31m passengers"); else metres ("a 5,000m record",
    # "the 10,000m on Friday"). Off: "m" before any word that is not a place word is million.
    million_m_needs_counted_noun: bool = True
    # A distance naming an event ("the 200m freestyle", "the 1,500m final") is a label,
    # not a figure. Off: it is read as a length.
    event_distances_are_labels: bool = True
    # An ordinal that counts a holder's wins or terms ("her third gold", "a fourth term")
    # is that count, comparable with "three golds". Off: ordinals are not read.
    ordinals_count_wins: bool = True
    # A death told of one person without a number ("one of whom has died", "A climber has
    # died") is a count of 1 death. Off: a spelled "one" and a lone death are not read.
    lone_deaths_count_one: bool = True
    # An adjective between a number and its unit ("two full days", "six straight hours")
    # keeps the unit. Off: such a figure is a bare count.
    adjective_before_unit: bool = True
    # A number after "she was", "he is", "who was" that ends its clause ("She was 88.",
    # "Almanza, who was 47, ...") is a person's age. Off: it is a bare count.
    copula_ages: bool = True
    # A fact-sheet line ("Deaths: 3", "Number affected: 1,200") names what its figure
    # counts by its label, and says nothing of the next line. Off: read as prose.
    fact_sheet_labels: bool = True
    # A measure told with a fraction or an article ("half a mile", "a quarter of an hour",
    # "an hour and a half", "a fortnight") is that quantity. Off: such phrases are not read.
    measure_phrases: bool = True
    # A number that names a kind of thing ("an 18-seater bus", "a four-bed house") or the
    # age bounding a group ("children under 12") is a label, not a figure. Off: a count.
    modifier_numbers_are_labels: bool = True
    # More years than a person's age before "old" or "ago" ("183 million years old", "4,500
    # years ago") are the age of a thing, in years as ages are. Off: a duration in seconds.
    ages_of_things_in_years: bool = True
    # In a story whose outlets prefix one local dollar ("A$180m", "S$180"), an article's bare
    # "$" is that dollar unless it names the US dollar. Off by default: a US outlet's bare
    # "$" in such a story would become a false conflict; only agreements gained from it.
    local_dollars: bool = False
    # A share told as so many in so many ("three in four residents", "nine out of 10") is a
    # percentage. Off: its two numbers are read as counts.
    shares_in_words: bool = True
    # A count of at least ``CAPACITY_COMPOUND_MIN`` hyphened to beds or seats ("a 640-bed
    # hospital", "a 62,000-seat stadium") is a size, not a design label. Off: a label.
    capacity_compounds: bool = True
    # "a third" or "a fifth" after "by"/"to" or a hedge, with no noun after it ("cut by
    # roughly a third.") is a share, not an ordinal. Off: only "a third of" is.
    bare_fraction_shares: bool = True
    # A figure right after "median age" / "average age" ("the median age rose to 41.2
    # years", "the average age was 7") is an age. Off: a count or a duration.
    statistic_ages: bool = True
    # A figure denied in a correction ("not the 180,000 reported earlier", "rather than
    # 12") is an earlier figure, not the current one. Off: it is read as current.
    denied_figures_are_earlier: bool = True
    # A date is moved ("postponed to", "will now take place on") only by words of its own
    # clause: "the blaze, set alight on Sunday, has now burnt ..." moves no date. Off: as before.
    moved_date_cue_in_own_clause: bool = True
    # A verb WordNet files under changing an amount, giving the figure with "to" ("cut its
    # estimate to", "has gone up to"), and "since" on a governing verb are revision cues.
    # Off: as before (the word list only).
    magnitude_verbs_are_revision_cues: bool = True
    # A length that is a verb's bare object or sizes a noun ("fell 300 feet", "a 150-metre
    # fall") is a distance moved, not a new value: no revision cue. Off: as before.
    distance_moved_is_no_revision: bool = True
    # A count told by an event verb in the present perfect ("two patients have died", "has
    # confirmed 14 cases") is the tally so far: a day or more after lower reports and no
    # higher one, a clear dispute is a revision. Off: such counts carry no revision cue.
    perfect_tallies_rise: bool = True
    # An article that says it updates or corrects earlier figures ("stronger than first
    # thought", "the corrected total", "This update replaces ...") gives its counts and
    # measures as developments: a clear dispute a day or more after another value is a
    # revision. Off: as before.
    update_notice_is_revision_cue: bool = True
    # An update notice speaks for the whole report from its opening sentence, else for its
    # own and the previous sentence's figures; from a quotation for none. Off: for all.
    update_notice_near_figure: bool = True
    # A figure placed against what was reported before ("up from earlier estimates", "higher
    # than the first count") is an update notice too. Off: as before (revrec31).
    earlier_account_is_update_notice: bool = True
    # A lower bound whose "more" the role reader took for an increment ("more than 180,000
    # people") is a level an update notice speaks for, not a change. Off: as before.
    notice_reads_bound_as_level: bool = True
    # A verb of enlarging a scope ("extended to cover 52,000 households",
    # "expanded to 40 districts") governing a figure is a revision cue. Off: as before.
    scope_verbs_are_revision_cues: bool = True
    # A change word whose own value is another number of the sentence ("has risen to 11,
    # including a 7-month-old", "now has 1.3 million ..., while seven") is no revision cue
    # of a later figure there (facts.cue_owners). Off: as before.
    cue_of_another_figure_is_none: bool = True
    # A figure "since" takes ("close to zero since 2020", "since the census in 2016") is
    # where a period starts, not a new value: no revision cue. Off: as before.
    since_point_is_no_revision: bool = True
    # A change word in another clause, one with its own subject that the figure's clause is
    # coordinated with or subordinate to ("the median age is now 41.2, and people over 65
    # make up 22%"), is no revision cue of the figure. Off: the whole head chain, as before.
    revision_cue_in_own_clause: bool = True
    # What a change adds, the object of "to include" or "to add" ("widened the zone to
    # include two river districts"), is no new level: no revision cue. Off: as before.
    added_part_is_no_revision: bool = True

    # --- Scoring a pair of claims (newsfuse.facts.score) ---
    # Weight of the cosine of the claims' weighted context words.
    lexical_weight: float = 0.7
    # Weight of the cosine of the embedded clauses (the number masked out).
    embedding_weight: float = 0.7
    # Embed the clauses; off scores pairs on words and syntax alone (docs/benchmarks-speed.md).
    embed_clauses: bool = True
    # Weight of "people" against a kind of person in WordNet ("15 Palestinians were killed" /
    # "killing 17 people") in the context cosine, a soft cosine's word similarity (Sidorov et
    # al. 2014): the counted noun carries most of a figure's context. 0 turns it off; off
    # by default: at 1.0 no labelled figure moves and 2 false conflicts appear on unlabelled
    # real news (benchmarks/studies/real_conflict_audit.py).
    people_matches_kinds_of_person: float = 0.0
    # The same soft match between any two counted nouns of which WordNet makes one a kind
    # of the other ("ferries" / "vessels", "boys" / "children"), not only "people"
    # and a kind of person. 0: off.
    kinds_match_their_class: float = 1.0
    # The same soft match between what a measure noun counts ("the death [toll] at 10,000",
    # "the number of [Osk villagers]") and another count's "people" or noun of that casualty
    # ("20,000 people ... killed"); a shared noun is already in the plain cosine. 0: off.
    measures_match_what_they_count: float = 1.0
    # Bonus for the same counted noun, scaled by how rare that noun is in the cluster.
    head_bonus: float = 0.1
    # Bonus (ages only) when one aged noun is a kind of the other in WordNet ("a
    # 2-year-old toddler", "a three-year-old child"): one person named at two levels
    # of detail. Counts are left out: "investors" and "shareholders" at different
    # times are two figures, and their time is often unstated.
    kind_of_bonus: float = 0.1
    # Bonus when the two figures' governing verbs differ but WordNet relates them
    # ("hurt" and "wounded", "set down" and "landed", "killed" and "died"): the
    # stemmed context words share nothing for them though they report one event.
    verb_related_bonus: float = 0.1
    # Bonus when two claims carry the same value, scaled by how telling the value
    # is: equal figures for one event are usually the same attribute.
    same_value_bonus: float = 0.4
    # The same-value bonus grows with the digits both figures are stated with, beyond three
    # (up to 5/3 of it at five): an exact "14,806" is a rarer coincidence than "17,000".
    # Off: the bonus depends on the value's size only, as before.
    exact_digits_tell_more: bool = True
    # Bonus when both figures are a winner's margin ("won by 48 seconds" / "a winning margin
    # of 38 seconds", "beat her by 13,842 votes" / "a majority of 2,689"). 0 turns it off.
    margin_bonus: float = 0.15
    # Bonus when both claims are the only ones of their kind and unit in their
    # articles (the only speed, the only age): with nothing else to pair with,
    # they are most likely the same attribute.
    unique_bonus: float = 0.15
    # ``unique_bonus`` for two dates that are each the only day after their article's
    # publication it names: a report's next scheduled step. Off: no such bonus.
    only_upcoming_dates_pair: bool = True
    # Penalty when one figure is a total and the other a part or an increment
    # ("560 additional troops" vs "4,560 troops in total"): different roles are
    # different attributes.
    role_mismatch_penalty: float = 0.3
    # A figure whose clause names its year ("in June 2011, ... killing eight") is of another
    # event than a figure of a year that differs (its clause's, or its article's publication
    # year, or the story's when all dated articles share one) by at least
    # ``other_year_min_gap``: it gets ``date_role_penalty``. Off: no such penalty.
    figures_of_other_years_differ: bool = True
    # Years apart for that, against a publication year: an annual figure ("in 2015 it lost
    # $5.2bn") is reported the next year. Against another clause's year, any gap counts.
    other_year_min_gap: int = 2
    # Penalty when two different dates play different roles (a statement against
    # an event, a start against an end) or are both "as of" dates; large enough
    # to act as a cannot-link, since each report dates its own figure.
    date_role_penalty: float = 3.0
    # Two different event days whose verbs and subjects WordNet knows and relates in
    # neither pair ("a section collapsed Wednesday", "divers on Thursday pulled") are days
    # of different events; they get ``date_role_penalty``. Off: as before.
    dates_of_unrelated_events_differ: bool = True
    # A date's role is read past nouns of time it heads ("said on Sunday evening"): a
    # statement's day, not the evening's. Off: "evening" stops the search, role "".
    date_role_skips_time_nouns: bool = True
    # A date's role stops at a time noun with an article or possessive ("announced a June
    # 30 deadline"): the deadline's day, not the announcement's. Off: all are passed over.
    date_role_stops_at_determined_time_nouns: bool = True
    # A figure that sizes a group ("a pack of five runners", WordNet noun.group) plays the
    # role "group", apart from a bare count of its members ("two runners"). Off by default:
    # written from one facts-dev pair, and it would also part crowd estimates ("a crowd of
    # 5,000 people" / "4,000 people"), a common real dispute.
    group_size_is_a_role: bool = False
    # Penalty, large enough to act as a cannot-link, between an increment ("three more
    # deaths", "rose to 11 after three died") and another report's figure that the
    # increment's article gives plus it ("8 deaths" beside "climbed to 11"). 0: off.
    increment_beside_total_penalty: float = 3.0
    # Penalty when two distances are measured from places both name and that share no
    # word ("from Nairobi" / "from the park"): a distance from elsewhere is another
    # attribute, as the verdict's anchor aspect says. The role penalty's size, not tuned. 0: off.
    anchor_mismatch_penalty: float = 0.3
    # Differing figures this many times apart or more are rarely one attribute:
    # sources that disagree differ by a few per cent or units, not an order of magnitude.
    magnitude_gap_ratio: float = 10.0
    # Penalty for differing figures at least ``magnitude_gap_ratio`` apart.
    magnitude_gap_penalty: float = 0.5
    # Penalty (counts only) when one figure's own words name a kind of figure
    # ("the number of [injured]") that the other's context never mentions: a
    # count of injured people is not a count of firefighters.
    concept_mismatch_penalty: float = 0.2
    # Context weight from which a concept counts as a figure's own words (the
    # head chain, or the next few tokens).
    concept_strong_weight: float = 0.7
    # Penalty (counts only) when two figures count different casualties, dead, injured or
    # missing, by their governing verb ("three injured passengers [died]" / "23 others
    # [injured]"), else their strongest such word: a modifier only says who. 0 turns it off.
    casualty_kind_clash_penalty: float = 1.0
    # The casualty a count is of is the word right after it, or after its noun ("at least
    # six injured", "two people dead"), before its strongest context word. Off: context only.
    casualty_word_after_count: bool = True
    # Penalty (counts only) between what is left of a group ("four remain in hospital",
    # "all but nine of the homes") and a count told by the event that made the group
    # ("27 were taken to hospital"): a subset, not a later total, so a remainder carries
    # no revision cue either. 0 turns both off.
    remainder_beside_event_penalty: float = 1.0
    # Penalty for pairing a count an adverb marks off as part of its group ("11 were
    # injured, four critically") with a different count that no such adverb qualifies
    # ("has risen to 13"): a subgroup against a total. 0 turns it off.
    degree_subset_beside_count_penalty: float = 1.0
    # Bonus when two ages belong to the same person (same surname).
    person_bonus: float = 0.3
    # Two ages of one named person, each the only age its article gives that person, score
    # at least ``dispute_threshold``: one person has one age. Off: ``person_bonus`` only.
    one_age_per_person: bool = True
    # A definite age standing as a noun ("[The 27-year-old] averaged") belongs to the person
    # named last before it, not to the nearest name in its sentence ("... ahead of Sarah
    # Lund"). Off: the nearest name in the sentence, as before.
    definite_age_refers_back: bool = True
    # An age opening its sentence as "The 24-year-old ..." belongs to the named subject of
    # the sentence before (centering: a definite description continues the last topic),
    # not to a name read later in that sentence ("won, beating Karel Dusek"). Off: as before.
    opening_age_takes_previous_subject: bool = True
    # ... but to no one named when that sentence gives the subject another age ("Ana Ruiz,
    # 30, was hurt. The 24-year-old man arrested ..."). Off: as before.
    opening_age_skips_aged_subject: bool = True
    # ... and also when a line break the parser leaves inside a sentence ends the one before
    # ("Ruiz wins Ostby marathon\n\nThe 24-year-old ..."). Off: only a parsed sentence.
    opening_age_after_line_break: bool = True
    # Bonus for two dates that both stand in their article's first sentence:
    # the lede reports the main event, so its dates are about the same thing.
    lede_date_bonus: float = 0.15
    # Bonus, times the value's specificity, when two differing figures of three or more
    # digits have the same digits in another order ("2,689" / "2,869", "187" / "178"): a
    # transposition is a common slip between reports, and a look-alike rarely shares
    # every digit (docs/benchmarks-facts.md).
    transposed_digits_bonus: float = 0.3
    # Bonus when a later article presents its figure as a change ("rose to 45")
    # and an earlier one gives another figure: the change implies an earlier report.
    revision_bonus: float = 0.25

    # --- Clustering claims into facts (newsfuse.facts.cluster) ---
    # Minimum average score for two groups whose figures all agree to merge.
    agree_threshold: float = 0.45
    # Minimum average score for groups whose figures differ to merge into a
    # dispute: disputes need more evidence than agreements.
    dispute_threshold: float = 0.56
    # Dates need more to be set against each other: an article names several
    # days (the event, the report, the follow-up), so a date that differs is
    # more often another event than a disagreement.
    date_dispute_threshold: float = 0.6
    # Years even more so: a story names the year of the event, of its history,
    # of plans and of the copyright line.
    year_dispute_threshold: float = 0.9
    # In the dispute pass, a group of agreeing claims is one figure in several wordings,
    # scored against another claim by its best-fitting wording, not the average: a third
    # source's figure need only read like one of the restatements (docs/benchmarks-facts.md).
    # Figures only: dates keep average linkage (on real news a weekday told twice was set
    # against another article's calendar date).
    restatements_link_as_one: bool = True
    # ... discounted by this much (never below their average): the best of several wordings
    # outscores their average by chance; at no discount it added 3 false conflicts on
    # facts-dev2, all pairs scoring 0.56 to 0.60 (docs/benchmarks-facts.md).
    restatement_discount: float = 0.06
    # Two groups that an article links by its earlier account ("had earlier said 10") in one
    # and its current figure ("eight wounded") in the other are joined like restatements,
    # the current figure kept. Off: only an agreeing repeat links two groups, as before.
    current_figure_joins_over_earlier: bool = True
    # A later article's figure told with a change word ("rose to 12") takes its article's
    # place in a group where that article restates the others' earlier figure ("the eight
    # hurt on the night"), so the row can be a revision. Off by default: on an untouched set
    # it turned an agreement into a false revision and gained nothing on any labelled set.
    rise_replaces_restated_figure: bool = False

    # --- Verdicts (newsfuse.facts.verdict) ---
    # Relative tolerance for two values to count as the same figure; it absorbs
    # unit rounding such as "40 miles (65 km)".
    relative_tolerance: float = 0.03
    # Integers below this must be exactly equal: "14 injured" and "16 injured" differ.
    exact_below: int = 100
    # Plain figures written as four bare digits from 1800 to 2099 ("2019", "2008") are
    # years read as counts and must be equal; within the relative tolerance they would
    # agree. Off: they agree within it.
    year_like_counts_exact: bool = True
    # Values written in units of different sizes ("300 feet" / "91 metres") agree within
    # the relative tolerance even below ``exact_below``: a conversion is rounded.
    converted_units_use_tolerance: bool = True
    # A share told as a fraction in words ("cut by a third", "two-thirds of") agrees
    # within the relative tolerance even below ``exact_below``: "a third" is 33.33 %, which
    # a source rounds to "33%". Off: they must be equal, a false conflict.
    fraction_words_use_tolerance: bool = True
    # Durations stated to the second agree only within this many seconds, since
    # 3 % of a marathon time (over three minutes) would merge different records.
    second_precision_tolerance: float = 1.0
    # Two ages of one noun whose descriptions nest ("a 52-year-old lorry driver" / "the
    # driver, 55") are of one person, not of two subgroups. Off: as before.
    age_descriptions_nest: bool = True
    # A later report is a revision only if published at least this much later.
    revision_min_gap: timedelta = timedelta(days=1)
    # A group whose figures differ is a conflict only when its weakest
    # disagreeing pair aligns at least this well; else "differs" (side by side,
    # no verdict), since a false conflict costs more than a missed one.
    conflict_min_score: float = float("-inf")
    # ... and when the differing figures are within this ratio of each other:
    # sources that disagree on one figure differ by a few units or per cent. The
    # labelled conflicts of facts-dev reach 2.93 (a transposed "$410m"/"$140m"),
    # of facts-real-dev 2.0; above 3, 14 of 17 disputes on dev2 and real were look-alikes.
    conflict_max_ratio: float = 3.0
    # A zero's ratio to another figure is taken against one unit ("raised $0" / "more than
    # $1,000" is a factor of 1,000; "0" / "2" of 2), so the ratio above bounds zeros too.
    # Off: a zero and any other figure pass the ratio.
    zero_ratio_against_one_unit: bool = True
    # ... except for a decimal slip, the same digits an exact power of ten apart ("Rs 3.2
    # crore" / "Rs 32 crore"), the smaller at least ``exact_below``: a misplaced point or
    # scale word, one figure misreported, kept apart neither by ``magnitude_gap_penalty``
    # nor by the ratio above. Off: facts-dev2 conflict R 0.78 -> 0.72 (docs/benchmarks-facts.md).
    decimal_slips_conflict: bool = True
    # ... and when the weakest disagreeing pair outscores each claim's best other
    # partner in the other article by this much (a look-alike close behind makes
    # the pairing a guess). Off: at 0 it kept fictional conflict P but cost 0.2 of
    # conflict R on facts-dev and facts-dev2 (docs/benchmarks-facts.md).
    conflict_min_margin: float = float("-inf")
    # ... and when no article of the group states more figures of the kind and
    # unit than this: among dozens of counts, a look-alike is likelier than a dispute.
    # No fictional article has more than 19; on facts-real-dev the true conflicts stand
    # in articles with at most 16, and 11 of 28 false ones in articles with 21 to 47.
    conflict_max_crowding: int = 20
    # ... and, from this many figures of the kind and unit on, when the pair fits at
    # least ``crowded_min_margin`` better than either claim's best other partner: in a
    # crowded report a pairing no better than its look-alikes is a guess. Fitted on the
    # first half of an audit of unlabelled Multi-News clusters (benchmarks/studies/
    # real_conflict_audit.py) with the three labelled sets; ``None`` turns it off.
    crowded_from: int | None = 12
    # The margin asked of a crowded report's pairing (see ``crowded_from``): the low end
    # of the 0.1-0.2 that removed the audit's crowded false conflicts and no labelled one.
    crowded_min_margin: float = 0.1
    # Two open lower bounds ("more than 260", "more than 200"), or two open upper bounds
    # ("up to"), are both true of any quantity past the stricter one, so they never
    # contradict each other; near bounds ("nearly 500", "nearly 2,000") still can.
    same_side_bounds_agree: bool = True
    # A figure and its rounding ("1.75"/"nearly two", "about 70"/67) are differs, not conflict.
    rounded_figures_differ: bool = True
    # How far a hedge ("about", "nearly") reaches; the seeds' "about 600" vs 560 is 6.7 %.
    rounding_reach: float = 0.05
    # A whole figure rounds decimals only within rounding_reach or hedged on their side:
    # labelled sets mark "3.7 million" / "4m" miles (7.5 %) and 4.5 % / 5 % conflicts.
    rounding_whole_needs_reach: bool = True
    # A weekday no publication time places ("said Wednesday", undated article) against a
    # different day is no dispute: it may be a day of any week. Off: such pairs conflict.
    unplaced_weekdays_differ: bool = True
    # ... and so does a relative day ("said Wednesday", "yesterday") that only a page stamp
    # placed (no publication time): the stamp may be an update days later. Off: it conflicts.
    stamp_placed_days_differ: bool = True
    # A day a publication date placed is certain: the part of "Published June 3 | Updated
    # June 5" the cleaner took, a publication the same day as the update, a byline's date.
    # Off: any update word in the stamp, or any byline or caption, makes it uncertain.
    stamp_reads_publication_part: bool = True
    # A figure set before the report's time by its clause ("a year ago", "last year's
    # rise", "had forecast") is an earlier figure, like what a source "had earlier said":
    # beside a current one it differs, no conflict. Off: only the earlier-adverbs do.
    past_frames_are_earlier: bool = True
    # ... and when the disagreeing figures count related nouns ("dockers", "union
    # members"; not "jobs" and "cuts"), as WordNet tells (newsfuse.facts.synonymy).
    conflict_needs_related_nouns: bool = True
    # ... and when they are not years: a story names the years of the event, its
    # history, plans and records. Off: of 5 disputed years on facts-dev2 and
    # facts-real-dev, 4 were different events (one labelled conflict, on real news).
    conflict_on_years: bool = False
    # ... and when neither restricts the counted noun with a modifier the other lacks
    # ("11 league goals" against "14 goals in all competitions"): a subgroup's figure.
    # On: conflict P on facts-dev2 0.66 -> 0.70; no conflict lost on any of the three sets.
    conflict_needs_same_subgroup: bool = True
    # ... where a modifier that makes a name WordNet lists ("scientific instrument",
    # "nuclear weapon") is no subgroup: the kind's name, which a source may shorten to the
    # noun. Off: facts-dev2 "nine instruments" / "eight scientific instruments" differs.
    subgroup_skips_lexical_names: bool = True
    # ... and, strictly, the same noun where WordNet cannot tell (an unknown word,
    # or WordNet's files absent); off, such pairs pass as before WordNet was read.
    conflict_needs_same_noun: bool = False
    # ... where a noun one source counts is the other's compound cut short ("her second
    # silver" / "her third silver medal"): the same thing, not two nouns. Off: they differ
    # (facts-heldout conflict R 0.64 -> 0.60; no other set or the audit moves).
    elliptic_nouns_match: bool = True
    # ... only when the cut-short modifier is a word WordNet lists as an adjective ("silver",
    # "gold"): a noun modifier names another thing ("six schools" / "nine school buses").
    # Off: any modifier (review12: "schools" / "school buses" was a false conflict).
    elliptic_nouns_need_adjective: bool = True
    # Two whole figures of equal length whose digits differ only by two neighbours swapped
    # ("6,140" / "6,410", "64" / "46") are one figure misreported, not two attributes: their
    # nouns, subgroups or periods no longer keep them apart. Off: facts-heldout4 conflict R
    # 0.48 -> 0.38, facts-heldout2 0.64 -> 0.56 (docs/benchmarks-facts.md).
    transposed_digits_conflict: bool = True
    # Fewest digits a transposed figure needs to override a stated subgroup or period too:
    # two-digit swaps ("34 league goals" / "43 in all competitions") are common coincidences.
    transposed_digits_min_digits: int = 3

    # ... and when no disagreeing pair differs in tense, group, base, period of a change,
    # a distance's anchor or an age's holder (newsfuse.facts.aspects), nor holds a photo
    # caption's date or two statements each dated to its own article's day: they may be
    # other things or times. On: conflict P facts-real-dev 0.57 -> 0.89, facts-dev2 0.75 ->
    # 0.88, facts-dev 0.92 unchanged; no labelled conflict lost (docs/benchmarks-facts.md).
    conflict_needs_same_aspects: bool = True
    # ... including polarity: a count under a negated verb ("two members did not sign")
    # counts who did not, another attribute than who did ("six directors signed"). Off:
    # polarity is not read.
    negated_figures_differ: bool = True
    # ... read only of a figure that is the negated verb's subject or its number ("two
    # members"), not of one describing it ("Ulven, 44, ...; the other has not been named",
    # "the 12-week limit might not exist"). Off: any figure in the subject's words.
    polarity_needs_counted_subject: bool = True
    # ... and range ends: "46" or "81" of "ages 46 to 81" (or "between 40 and 50") bounds
    # many values and is none of them, so beside a single figure or the other end it
    # differs, never conflicts. Off: a range's ends compare as single figures.
    range_ends_differ: bool = True
    # A plan ("would travel on Monday", "is expected on Friday", "is due on 4 May") and
    # what was done ("visited on Tuesday", "has received six shots so far") are two times:
    # they differ. Off: dates carry no tense, only "will", "would" and "to" mark a plan and
    # only a simple past an outcome.
    plans_differ_from_outcomes: bool = True
    # Figures that belong to clearly different people or organisations named in their clause
    # ("Kulik's campaign raised $0", "Acme posted $3m"; not who says or counts them), or to
    # two instances of one event ("in the second shooting"), differ. Off: owners unread.
    other_owners_differ: bool = True
    # "whose" names its relative clause's antecedent as a figure's owner ("Dalmar Health,
    # whose own 2,000-bed hospital"), also through a compound ("2,000-bed"). Off: unread.
    whose_names_owner: bool = True
    # "of those evacuated" (a participle after "those") names a group as "of the crew" does,
    # so "nine of those evacuated" and "ten of the passengers" are both parts of a group.
    # Off: only a noun after "of the" names the group (facts-heldout5 conflict P 0.81 ->
    # 0.80, R 0.55 -> 0.52; no other set or the audit moves).
    participle_names_group: bool = True
    # Reports published further apart than this tell of different moments (a story's
    # dated reports span at most GroupingParams.story_max_span_days, 10), so their
    # differing figures are not a dispute; distances between places do not change, so
    # they still conflict. Articles without metadata time are dated by their own stamps
    # or captions (newsfuse.group.features.find_event_date). ``None`` turns it off.
    conflict_max_days_apart: float | None = 10.0
    # A group kept from a conflict only by ``conflict_max_days_apart`` is one attribute
    # at two moments, so its figures stay in one row, side by side as "differs" (the
    # seeds' "about 600" in September beside July's 560), not split into an agreement
    # and a one-source row. Off splits it like any look-alike group.
    reports_apart_side_by_side: bool = True
    # A figure told as the new value of a change whose old value ("from $16 to more than
    # $26") is the other sources' figure is that attribute at a later moment, not a dispute
    # with them: such a group is "differs", side by side. Off: such a pair may conflict.
    change_from_other_figure_differs: bool = True

    # A vague amount's one-source row is named by what it counts ("US forces" for
    # "hundreds of US forces"), which parses its sentence; off, the row is named by the
    # amount itself ("hundreds"). No verdict or figure changes either way.
    name_vague_amounts: bool = True
    # A subject with no named actor is named by the figure's own complement ("amount of
    # penalties" for "$18.7 billion in penalties", "amount per barrel"), gerund ("duration
    # of spending") or the figure it restates ("54 (61%) were males"); a noun event takes
    # "of" ("year of territorial gains"); a measure of a direction locates its verb's
    # subject ("the quay lies 5 miles east of"); a date after a quote dates the saying
    # ("year Kalashnikov said", not "year is"). Off: all as before.
    subject_complements: bool = True
    # A one-word name written only before a title word and a person ("Group" in "Group
    # Commander Elspeth Varga") is part of the title, not an organisation. Off: kept.
    drop_title_word_names: bool = True
    # A row whose claims act by different verbs ("Forty firefighters spent", "45 were sent")
    # is named by the words they share ("firefighters", not one outlet's "firefighters
    # sent"); a figure that sizes a noun ("a two-storey building") names the noun it
    # sizes ("storey building"); a count in a bracketed list, the state it itemises
    # ("positive for EV-D68", not "%"). Off: as before.
    subject_names_shared_words: bool = True
    # An event in the passive keeps who did it: "year the northern city has been
    # controlled by the extremist militia", not "... has been controlled". Off: as before.
    subject_keeps_agents: bool = True
    # A one-source row that repeats an earlier one-source row of its article (same
    # subject and figure: "Xbox 360" named twice) is shown once. Off: each is shown.
    singles_shown_once: bool = True
    # A verb after its counted noun keeps its particle and its "to" complement: "rescues
    # carried out", "visitors expected to come", not "rescues carried". Off: the verb alone.
    subject_verbs_keep_complements: bool = True
    # A share bracketed after its count ("eight (20%) for flu") is named by what the count
    # counts ("percentage positive for flu"), and a count in a list of bracketed shares by
    # the state the list reports ("positive for colds"), never "%". Off: "percentage (of
    # ...)" from the share's own parse, a listed count from its own ("tested for flu").
    shares_named_by_their_count: bool = True
    # A word in capitals the parser reads as a verb or an auxiliary ("IS occupied Mosul",
    # the group) is a clause's subject, shown as written: "year IS occupied Mosul", not
    # "year is occupied Mosul". Off: the parser's reading, in a clause.
    subject_reads_acronyms_as_names: bool = True
    # The singular noun a figure after "or" counts ("a day or two later") is named in the
    # plural: "days later", not "day later". Off: the singular, as written.
    subject_counts_in_plural: bool = True
    # An age's subject names the person the age was given to (its holder, as the fact's
    # comparison reads it: "The 19-year-old" after "Ilse Varnhagen broke ..."), not the
    # name nearest the age. Off: the nearest name, as before. Presentation only.
    subject_names_age_holder: bool = True
    # A count of a generic noun ("people", "residents", "workers") keeps the verb that says
    # what befell it, with its place ("people hurt", "people taken to hospital"), and a row
    # of such counts whose verbs differ is named by the verb most of its claims share in
    # meaning ("people injured" for injured/hurt/treated/taken), never the bare noun. Off:
    # as before ("people"). Presentation only.
    generic_subjects_keep_verb: bool = True
    # A subject holds words only: no mark with no letter or digit, nor the "of" before it
    # ("year of |" from a caption line is "year"; a "%" inside stays), no web address ("age
    # of pic.twitter.com/x Pichai"), no word written twice in a row ("Lampman's
    # Lampman’s daughter"). Off: the phrase as built. Presentation only.
    subjects_hold_words_only: bool = True
    # A verb with no subject of its own takes the one it shares: a verb joined by "and" the
    # subject of the verb before it ("Kordal stayed home and retired on Friday": "date
    # Kordal retired"), a "to" complement the verb it completes when that one has a subject
    # ("Marlow is expected to raise $2m": "amount Marlow is expected to raise"), a passive
    # keeping its "be" ("expected to be refloated"). Off: "date retired", a bare "amount".
    # Presentation only.
    subjects_share_their_verb_subject: bool = True
    # The day or year of a clause whose subject is a personal pronoun keeps it: "date she
    # appeared", "year he retired", not "date appeared", "year retired". Off: the
    # verb alone, as before. Presentation only.
    date_subjects_keep_pronouns: bool = True
    # A guessed offset from another moment ("a day or two later") is no fact: it gets no
    # row. An exact one ("five weeks later") stays: facts-real-dev labels a conflict and an
    # agreement on such spans, and dropping them cost both. Off: a row "days later".
    time_offsets_are_no_facts: bool = True
    # A phone number is no fact of the story (newsfuse.facts.nonfacts): dropped as scanned,
    # by form ("954-493-TIPS", "(305) 555-0100", "call 555-0100"). Off: counts, as before.
    phone_numbers_are_no_facts: bool = True
    # An emergency number dialled or heard ("called 911", "a 999 call") is no fact. Off: a
    # count ("911" became a count of the employees who called it).
    emergency_numbers_are_no_facts: bool = True
    # A street address's number ("1600 Pennsylvania Avenue", "the 300 block of Oak
    # Street") is no fact. Off: a count.
    addresses_are_no_facts: bool = True
    # Page furniture counted in capitals ("7 PHOTOS", "3 VIDEOS") is no fact. Off: a count.
    page_furniture_is_no_fact: bool = True
    # A number inside a proper name is no fact: a title-case compound in a sentence
    # ("Channel 4 said", "30 Rock", "Three Rivers Hospital") or a recognised ORG, FAC, GPE,
    # WORK_OF_ART or PRODUCT span; not a year, a figure in the thousands, or one before a
    # plural it counts ("11 Secret Service agents"). Off: counts.
    numbers_in_names_are_no_facts: bool = True
    # An amount in brackets right after an amount of another currency ("£130m ($187m)")
    # restates it: one claim, in its first currency unless only the bracket's is the one
    # the story's other articles write, as "40 miles (65 km)" is one. Off (default): two
    # claims; on, facts-dev2 conflict P fell 1.00 -> 0.97 (a partial conflict counted FP).
    conversions_join_their_figure: bool = False
    # A bare figure that repeats an earlier count of its sentence or the one before ("all
    # eight were expected to recover" after "Eight people were taken to hospital") is named
    # by that count's noun and what is said of it: "people expected to recover", not
    # "expected to recover". Off: what is said of it alone. Presentation only.
    restated_count_names_noun: bool = True
    # A measure's unit is never what it measures: a unit noun with its own figure ("30 feet
    # by 45 feet", "67 years of") is passed over for the noun it sizes ("distance of
    # warehouse"), and an "of" right after the measure names what it is of ("duration of
    # ring"), not where it is from. Off: "distance of feet". Presentation only.
    measures_skip_their_unit: bool = True

    # An article without a publication time places a day written without a year ("on
    # April 14") in the year the story writes that day in full, else in the story's year:
    # its dated articles' year, else the year of the latest full date its articles write
    # (news style leaves out the current year). Off: such days are no claims, as before.
    undated_days_take_story_year: bool = True
    # A weekday written just before the calendar day it names ("Wednesday, March 30") is
    # one date, that day. Off: the weekday is a claim of its own, beside the day.
    weekday_joins_its_date: bool = True
    # Where two rows are joined over an article that gives a bare weekday in one and the
    # calendar day it falls on in the other, the article keeps the day. Off: the first
    # row's claim is kept.
    placed_day_over_its_weekday: bool = True

    # -- parsing -------------------------------------------------------------------------

    # Tag and parse only the sentences that hold a claim, with their neighbours and the
    # lede (names are still found in the whole text): about half the words of a
    # Multi-News article. Off parses every sentence; the facts figures of facts-dev,
    # facts-dev2 and facts-real-dev are the same either way (docs/benchmarks-facts.md).
    parse_claim_sentences_only: bool = True
    # Sentences kept either side of a claim's: the tagger and parser read the words
    # around a sentence and place its breaks from them. At 0, 151 of 1,456 claims of
    # facts-real-dev were described differently from the full parse; at 1, 4.
    parse_context_sentences: int = 1
    # Recognise names in the whole text. Off: in the parsed sentences only (an article
    # with an age is still read whole, its owner may be named anywhere): a third less
    # parsing, the same facts figures on all three sets, but names that sources agree
    # on are lost where no claim is near, which no set scores (docs/benchmarks-jobs.md).
    recognise_names_in_whole_text: bool = True
    # Parse inside spaCy's memory zone, one comparison at a time (facts.memory_zone), so
    # the words first seen in a brief leave spaCy's vocabulary after it. Off, a server's
    # vocabulary gains every new word for good (+21,000 lexemes over 319 Multi-News
    # articles); predictions are the same either way; on costs about 2 % of a brief's CPU.
    parse_in_memory_zone: bool = True
