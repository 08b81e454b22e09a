"""Word lists the claim aligner reads: data only, no logic.

Lemmas (lower case) unless a list says it holds Porter stems. Which words say
what a figure is about, what role it plays (a total, a limit, the day of a
statement) and which words say nothing about it.
"""

from __future__ import annotations

from newsfuse.facts.dates import MONTHS, WEEKDAYS

# Parts of speech whose lemmas describe what a number is about.
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN", "ADV"})
# Words marking a figure as a total or as an increment, within a few tokens.
TOTAL_WORDS = frozenset({"total", "overall", "altogether", "all", "whole", "entire", "bring"})
INCREMENT_WORDS = frozenset({"additional", "more", "extra", "another", "further", "new"})
# Nouns that make a figure a bound rather than a measurement ("the 50 mph
# limit", "a capacity of 300"): what was allowed is not what happened.
LIMIT_NOUNS = frozenset({"limit", "cap", "capacity", "maximum", "minimum", "threshold", "ceiling"})
# A winner's margin, in elections and sport: nouns that name it ("a majority of 2,689",
# "a 147-vote lead"), verbs of winning whose "by" gives it ("won by 48 seconds", "beat
# Deshwal by 13,842 votes") and words of how far ahead ("38 seconds ahead of").
MARGIN_NOUNS = frozenset({"margin", "majority", "lead", "advantage"})
WIN_VERBS = frozenset(
    {"win", "beat", "defeat", "lead", "trail", "lose", "edge", "finish", "prevail", "top"}
    | {"outpoll", "outscore", "outvote", "triumph", "clinch", "retain", "hold", "carry"}
)
AHEAD_WORDS = frozenset({"ahead", "clear"})  # not "behind": "one year behind bars"
# Words that make a margin a business ratio, not a winner's lead ("gross margin").
BUSINESS_MARGIN_WORDS = frozenset(
    {"gross", "operating", "net", "profit", "ebitda", "ebit", "pretax", "trading", "interest"}
)
# Lemmas of saying: a date on one of them ("officials said Tuesday", "the
# announcement, made on March 10") is when something was said, which is a
# different attribute from when the thing itself happened ("rose to 17 on
# Tuesday"). Statement dates are still compared with each other: when a
# decision is announced, the announcement is the event.
STATEMENT_LEMMAS = frozenset(
    {"say", "tell", "announce", "state", "confirm", "declare", "disclose", "reveal", "testify"}
    | {"claim", "insist", "warn", "note", "explain", "comment", "brief", "report", "add"}
    | {"announcement", "statement", "remark", "comment", "briefing", "interview"}
)
# Lemmas of reckoning a figure ("Reuters counted 40 bodies", "put the toll at 40", "the
# ministry's estimate"): who reckons is a source of the figure, not the one it belongs to.
# "put" reckons only with "at" (newsfuse.facts.aspects).
RECKONING_LEMMAS = frozenset(
    {"count", "tally", "estimate", "reckon", "calculate", "tabulate", "put"}
    | {"toll", "figure", "estimation", "calculation", "reckoning", "tabulation"}
)
# Prepositions that make a date a reference time, not the day of an event:
# "had burned 12,400 acres by Monday" says when a running figure stood ("as
# of"), "trapped since Tuesday" when a state began.
AS_OF_WORDS = frozenset({"by"})
SINCE_WORDS = frozenset({"since", "until", "till"})
# Nouns that only say a figure is a count ("the number of injured", "the
# tally of votes"): what they count is the word after "of".
MEASURE_NOUNS = frozenset({"number", "total", "tally", "count", "figure", "toll", "level"})
# Words that may stand between "from" and an old value ("down from an estimated 4.1 %").
PREVIOUS_FILLERS = frozenset(
    {"a", "an", "the", "estimated", "about", "around", "roughly", "nearly", "almost"}
    | {"approximately", "some", "just", "revised", "initial", "earlier", "projected"}
)
# Syntactic roles in which a bare numeral stands for a noun it leaves out ("and [two]
# came to rest", "[two] of them overturning", "killed [three]").
ELIDED_NUMERAL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "conj"})
# Words that stand in for the counted noun ("23 others injured"): they name no
# kind of thing, so the figure counts whatever its clause says ("people").
PRONOUN_NOUNS = frozenset({"other", "others"})
# Nouns that count people without saying what befell them ("eight people", "200
# residents"): a subject of one alone says nothing, it needs its verb ("people injured").
GENERIC_COUNT_NOUNS = frozenset(
    {"people", "person", "persons", "individual", "resident", "worker", "child", "adult"}
    | {"man", "woman", "other", "civilian", "citizen", "inhabitant", "local", "member"}
)
# Quantifiers that make "<quantifier> of the N things" a part of a whole of N.
PARTITIVE_QUANTIFIERS = frozenset({"all", "some", "most", "many", "several", "half", "none"})
# Words news copy uses interchangeably for the same kind of figure, mapped to
# one concept so that "killing 38 people" meets "the death toll rose to 45"
# and "troops" meets "soldiers". Keys are Porter stems.
CONCEPTS: dict[str, str] = {
    **dict.fromkeys(
        ["kill", "die", "dead", "death", "toll", "fatal", "bodi", "fatl", "perish", "drown"],
        "<death>",
    ),
    **dict.fromkeys(["injur", "injuri", "hurt", "wound"], "<injury>"),
    **dict.fromkeys(["miss", "unaccount"], "<missing>"),
    **dict.fromkeys(["hospit", "hospitalis", "hospitaliz", "admit"], "<hospital>"),
    **dict.fromkeys(["evacu", "evacue", "flee", "displac", "reloc"], "<evacuation>"),
    **dict.fromkeys(["flood", "inund", "submerg", "swamp", "waterlog"], "<flooding>"),
    **dict.fromkeys(["home", "hous", "dwell", "household"], "<homes>"),
    **dict.fromkeys(["arrest", "detain", "custodi", "apprehend"], "<arrest>"),
    **dict.fromkeys(["jail", "prison", "imprison", "incarcer", "sentenc"], "<prison>"),
    **dict.fromkeys(["troop", "soldier", "forc"], "<troops>"),
    **dict.fromkeys(["job", "role", "posit", "post", "layoff", "redund", "headcount"], "<jobs>"),
    **dict.fromkeys(["cost", "price", "worth", "valu"], "<cost>"),
    **dict.fromkeys(["damag"], "<damage>"),
    # Destroyed is not damaged: fire and storm reports give both counts of homes.
    **dict.fromkeys(["destroy", "destruct", "raze", "flatten", "gut"], "<destroyed>"),
    **dict.fromkeys(["target", "pledg"], "<target>"),
    **dict.fromkeys(["vote", "ballot"], "<votes>"),
}
CONCEPT_NAMES = frozenset(CONCEPTS.values())
# Concepts of which one count is never another: a person counted as dead is not counted
# as injured or missing. (Not hospital stays, which injuries lead to, nor things.)
CASUALTY_CONCEPTS = frozenset({"<death>", "<injury>", "<missing>"})
# Lemmas too generic to tell attributes apart: reporting verbs, light verbs
# whose meaning lies in their complement ("[ended] up in the hospital", "[got]
# sick"), and hedges, which say how exact a figure is, not what it measures.
GENERIC_LEMMAS = frozenset(
    {"say", "tell", "be", "have", "also", "accord", "report", "add"}
    | {"end", "get", "go", "wind", "turn", "make", "take", "become"}
    | {"roughly", "approximately", "nearly", "almost", "estimate", "around", "some"}
)
# Words that make a later figure a development rather than a disagreement
# ("the death toll rose to 45", "officials later revised", "now stands at",
# "bringing the total to"). Not verbs of physical motion ("plunged into a
# 150-foot gorge", "stands 300 metres tall"), which say where, not what changed.
REVISION_CUES = frozenset(
    {"rise", "rose", "risen", "climb", "increase", "grow", "grew", "jump", "swell", "mount"}
    | {"surge", "revise", "raise", "update", "now", "later", "fall", "drop", "decline"}
    | {"lower", "reach", "latest", "soar", "balloon", "double", "triple", "upgrade"}
    | {"downgrade", "amend", "correct", "adjust", "shrink", "narrow", "widen", "bring"}
)
# Adverbs that, on a verb governing a figure, make it a development, but that as a
# preposition before one do not ("has [since] confirmed 12 dead"; "trapped since Tuesday").
GOVERNING_REVISION_CUES = frozenset({"since"})
# The preposition that gives the new value of a verb of changing an amount ("cut to").
NEW_VALUE_PREPOSITIONS = frozenset({"to"})
# Particles of direction that make a phrasal verb one of changing an amount when it gives
# a new value with "to" ("scaled back to", "marked down to"), whatever WordNet knows of it.
DIRECTION_PARTICLES = frozenset({"up", "down", "back"})
# Verbs of reaching a level: a revision cue when what reaches it is a count or a toll
# ("the number of injured hit 31", "the toll topped 50"), not a thing ("the storm hit").
REACH_VERBS = frozenset({"hit", "top", "pass", "exceed", "surpass", "cross", "near"})
# Nouns of a change, which a figure modifying them gives the size of ("a 14 per cent
# [rise] in profit", "a 40% [fall] in prices"), not the level it reached.
CHANGE_NOUNS = frozenset(
    {"rise", "increase", "fall", "drop", "decline", "jump", "growth", "gain", "surge"}
    | {"slump", "dip", "decrease", "reduction", "hike", "climb", "slide", "plunge", "cut"}
)
# Verbs of rising and falling whose bare object or "by" phrase is the size of a change
# ("profit rose 17%", "fell by 40%", "the climber fell 300 feet"); their new level
# takes "to" ("rose to 17%").
CHANGE_VERBS = frozenset(
    {"rise", "climb", "increase", "grow", "jump", "swell", "surge", "soar", "fall", "drop"}
    | {"decline", "slump", "slide", "dip", "plunge", "tumble", "sink", "gain", "lose", "shed"}
    | {"shrink", "decrease", "advance", "retreat", "ease", "slip", "edge", "rally"}
)
# Adverbs that give a change's size after them ("up 14% year on year", "down 3%").
CHANGE_ADVERBS = frozenset({"up", "down"})
# Nouns of a period a change is measured over when repeated: "year on year", "month-on-month".
REPEATED_PERIOD_NOUNS = frozenset({"year", "quarter", "month", "week", "day"})
# Subordinators of a clause that tells what made a figure change ("rose to 17 [after]
# three more died", "climbed to 45 [as] rescuers found 12 bodies").
CHANGE_MARKERS = frozenset({"after", "as", "when", "because", "once"})
# Words of a lasting state that, governing a figure, give the count as it now stands
# ("26 people remain missing", "12 are still in hospital"): a later report's update.
STATE_CUES = frozenset({"remain", "still"})
# Verbs of enlarging a scope that, governing a figure, give its new extent
# ("a notice extended to cover 52,000 households", "the zone was expanded to 40 streets").
SCOPE_CUES = frozenset({"extend", "expand", "broaden", "enlarge"})
# Verbs whose object, in the infinitive a verb of changing takes, is what the change adds,
# not the new level ("widened the zone [to include] two river districts"; "extended to
# cover 52,000 households" gives the level).
ADDING_VERBS = frozenset({"include", "add"})
# Words that make a later date a moved date rather than a disputed one ("postponed
# to", "pushed back to", "moved to", "rescheduled for", "will now land on").
MOVED_DATE_CUES = frozenset(
    {"postpone", "delay", "defer", "reschedule", "push", "move", "shift", "now"}
    | {"bring", "advance", "reset"}
)
# Date words that name the period a figure measures rather than the day it was
# reported ("inflation in September", "third-quarter profit"): kept as context,
# while weekdays and "yesterday" are dropped.
PERIOD_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august"}
    | {"september", "october", "november", "december", "quarter", "annual", "fiscal"}
)
# Words that make a token part of a date of its own (weekdays, months).
DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"yesterday", "today", "tonight"}
# Words that make a phrase tagged DATE a time a figure is counted over or since, beside
# months, weekdays and years ("since Friday", "the past week", "this season", "so far"):
# spaCy also tags DATE a painter's name ("for Morrow"), "47-year-old" and "the age of".
PERIOD_TIME_WORDS = (
    DATE_WORDS
    | PERIOD_WORDS
    | {"since", "last", "past", "ago", "recent", "recently", "previous", "tomorrow", "now"}
    | {"day", "days", "week", "weeks", "weekend", "fortnight", "month", "months", "year"}
    | {"years", "quarters", "season", "seasons", "decade", "decades", "century", "hour"}
    | {"hours", "morning", "afternoon", "evening", "night", "spring", "summer", "autumn"}
    | {"fall", "winter", "half", "period", "far", "earlier", "later", "yearly", "monthly"}
    | {"weekly", "daily", "overnight", "midnight", "noon", "weekday", "weekdays", "weekends"}
    | {"nights", "mornings", "afternoons", "evenings", "minute", "minutes", "centuries"}
    | {"quarterly", "holiday", "holidays", "christmas", "easter", "ad", "bc", "am", "pm"}
)
