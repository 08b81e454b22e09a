"""Regular expressions and word lists the claim scanner matches: data only, no logic.

What stands before or after a number and says what it is: a currency, a scale
word ("2.5bn"), a unit, a per-cent sign, "-year-old", an approximator
("about"), a vote tally, a clock time. Used by :mod:`newsfuse.facts.extract`
and :mod:`newsfuse.facts.classify`.
"""

from __future__ import annotations

import re

from newsfuse.facts.numbers import DIGITS_PATTERN, NUMBER_WORDS_PATTERN, VAGUE_AMOUNTS
from newsfuse.facts.units import UNIT_PATTERN

# Words that make a number approximate when they stand right before it.
APPROXIMATORS = (
    "about|around|approximately|roughly|nearly|almost|some|more than|over|at least|up to"
    "|as many as|as much as|as high as|close to|an estimated|estimated|fewer than|less than"
    "|under|upwards of|just over|just under|well over|in excess of|no fewer than|~"
)
APPROX_BEFORE_RE = re.compile(rf"(?:\b(?:{APPROXIMATORS})|~)\s*$", re.IGNORECASE)

# Words that make a "9-2" or "212 to 198" a vote tally rather than a range.
VOTE_WORDS_RE = re.compile(r"\b(?:vot\w*|ballots?|approv\w*|pass(?:ed|es)|reject\w*|tally)\b", re.I)
# Function words that may follow "3m" when it means three metres ("3m of water", "3m high").
METRE_FOLLOWERS = frozenset(
    {"of", "in", "high", "deep", "long", "wide", "tall", "above", "below", "from", "away"}
    | {"and", "or", "to", "at", "across"}
)

CURRENCY_PREFIX_RE = re.compile(
    r"(?:(?P<symbol>US\$|USD?\$|CA\$|AU\$|NZ\$|HK\$|[CASR]\$|\$A|\$|€|£|¥|₹|₩|\bRs\.?)\s?"
    r"|\b(?P<code>[A-Z]{3})\s)$"
)
# A hyphen may join a spelled scale word ("$6.9-million", "Rs 4.5-crore"), never a suffix.
SCALE_AFTER_RE = re.compile(
    r"^(?:\s|-(?=(?:million|billion|trillion|thousand|lakh|crore)))?(?P<scale>(?:mio|mrd)\."
    r"|(?:lakh\s+crores?|million|billion|trillion|thousand|lakhs?|crores?|mln|bln|mio|mrd|mn|bn|tn"
    r"|m|k|b)\b)",
    re.IGNORECASE,
)
CURRENCY_WORD_AFTER_RE = re.compile(
    r"^\s?(?P<word>us dollars|dollars?|euros?|pounds sterling|sterling|yen|yuan|rupees|francs)\b"
    r"|^\s?(?P<symbol>€|£|\$)"
    r"|^\s(?P<code>[A-Z]{3})\b",
    re.IGNORECASE,
)
# "4.2 million pounds of fuel" weighs; "£4.2m" or "4.2 million pounds" alone is money.
POUNDS_AFTER_RE = re.compile(r"^\s?(?P<word>pounds?)\b(?!\s+of\b)", re.IGNORECASE)
PERCENT_AFTER_RE = re.compile(
    r"^\s?(?:%|percent\b|per\s?cent\b|pct\b|percentage points?\b)", re.IGNORECASE
)
# An adjective that may stand between a number and its unit: "two full days".
UNIT_ADJECTIVE_RE = re.compile(
    r"^(?:\s|-)(?:full|whole|straight|consecutive|successive|solid)(?=\s)", re.IGNORECASE
)
UNIT_AFTER_RE = re.compile(rf"^(?:\s|-|\u00a0)?(?P<unit>{UNIT_PATTERN})", re.IGNORECASE)
# "52-year-old", "52 years old", and the short forms of sports and tabloid copy
# ("the 23yo winger", "a 40-yr-old", "23 y.o.").
AGE_AFTER_RE = re.compile(
    r"^(?:(?:-|\s)(?:years?|yrs?)(?:-|\s)old\b|(?:-|\s)?yo\b|\s?y\.o\.)", re.IGNORECASE
)
# An age told by a copula after a person: "She was 88.", "Almanza, who was 47, had ...".
COPULA_AGE_BEFORE_RE = re.compile(
    r"\b(?:[Ss]he|[Hh]e|who)\s+(?:was|is|had\s+been|would\s+have\s+been|turned|turns)\s+$"
)
COPULA_AGE_AFTER_RE = re.compile(r"^(?:[.,;)]|\s+when\b|\s+at\s+the\s+time\b)")
AGE_BEFORE_RE = re.compile(r"\b(?:aged|age|ages|age of|the age of)\s+$", re.IGNORECASE)
# "Name, 47," (US style) or "Name (47)" (British style).
# Or after a person named by a noun phrase: "the driver, 55," / "a local man (55)".
APPOSITION_BEFORE_RE = re.compile(
    r"(?:\b[A-Z][\w'’-]+|\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z]+\s+)?[a-z]+)"
    r"(?:,\s|\s\()$"
)
APPOSITION_AFTER_RE = re.compile(r"^(?:,|\.|;|\)|\s+(?:who|was|is|has|had|said)\b)")
# The side a count in a vote sentence took, right after it or after its noun ("14 against",
# "31 councillors in favour"): the two sides of a tally written without "to". "Against"
# ends its phrase; before a figure or a name it means "versus" ("112,640 votes against
# 94,208"), which names no side.
STANCE_AFTER_RE = re.compile(
    r"^\s+(?:[A-Za-z]+\s+)?(?P<side>against(?=\s*(?:[,.;:)]|and\b|or\b|with\b|$))"
    r"|in\s+favou?r)\b",
    re.IGNORECASE,
)
TALLY_AFTER_RE = re.compile(r"^(?:\s+votes?)?\s*(?:-|–|—|\s+to\s+)\s*(?=\w)", re.IGNORECASE)
RACE_TIME_RE = re.compile(r"(?<![\d:])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:])")
CLOCK_AFTER_RE = re.compile(r"^(?::\d\d|\s?[ap]\.?m\b\.?|\s?(?:GMT|UTC|BST|CET|EST|PST)\b)", re.I)
# A letter glued before a numeral makes a code ("A320", "No.5"), except "$A" (Australian dollars);
# so does a capitalised word joined by a hyphen, a name ("Tessera-1", "Covid-19", "K-9").
NOT_A_QUANTITY_BEFORE_RE = re.compile(r"(?:(?<!\$)[A-Za-z]|No\.\s?|#|:|\b[A-Z][A-Za-z]*-)$")
# A capitalised designator names a place, a vehicle or a part of a text or series by
# its number ("Warehouse 3", "Flight 370", "Episode 5", "Article 5"): a name, not a count.
DESIGNATOR_BEFORE_RE = re.compile(
    r"\b(?:Apartment|Bay|Berth|Block|Building|Dock|Flight|Gate|Hangar|Highway|Interstate|"
    r"Pier|Platform|Precinct|Room|Route|Runway|Suite|Terminal|Tower|Warehouse|Ward|"
    r"Amendment|Article|Chapter|Episode|Season|Section|Volume)\s$"
)
ORDINAL_AFTER_RE = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
VAGUE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(VAGUE_AMOUNTS, key=len, reverse=True)) + r")\s+of\b", re.IGNORECASE
)
NUMBER_RE = re.compile(rf"(?P<digits>{DIGITS_PATTERN})|(?P<words>{NUMBER_WORDS_PATTERN})", re.I)
LONE_MULTIPLIERS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
METRIC_RE = re.compile(
    r"\d\s?(?:km|kilomet|metres?\b|meters?\b|kg\b|kilograms?|tonnes?|°C|cm\b|mm\b|hectares?)",
    re.IGNORECASE,
)
IMPERIAL_RE = re.compile(
    r"\d\s?(?:miles?|feet|foot|ft\b|pounds?\b|lbs?\b|inch|yards?|°F|mph|acres?|gallons?)",
    re.IGNORECASE,
)
# Parenthetical conversions: "40 miles (65km)", "110 mph (177 km/h)".
PAREN_OPEN_RE = re.compile(r"^\s*\(\s*(?:about\s+|around\s+|roughly\s+)?$")
# Joins between the parts of a spelled-out duration ("2 hours, 4 minutes and 37 seconds").
DURATION_JOIN_RE = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+|\s+)$")
# Fractions in words: "two-thirds", "three quarters of", "a third of" (not "a half",
# which is "and a half" in a number, nor "a quarter of a mile", a measure).
FRACTION_RE = re.compile(
    r"\b(?P<num>one|two|three|four|five|six|seven|nine|a)(?P<join>[ -])"
    r"(?P<den>halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b"
    r"(?=(?P<of>\s+of\b(?!\s+(?:a|an)\b))?)",
    re.IGNORECASE,
)
# A fraction of one per cent: "a quarter of one percent" is 0.25 %, not 25 % and 1 %.
FRACTION_OF_PERCENT_RE = re.compile(
    r"\b(?:(?P<num>one|two|three|four|five|six|seven|nine|a)[ -]"
    r"(?P<den>halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)|(?P<half>half))"
    r"\s+of\s+(?:one|a|1)\s*(?:(?:per\s?cent|percent)\b|%)",
    re.IGNORECASE,
)
# Feet and inches in prime notation: 4'8", 5′10″, 6’2”.
FEET_INCHES_RE = re.compile(r"(?<![\d.])(\d{1,2})\s?['′’]\s?(\d{1,2})\s?(?:\"|″|”|'')")
# "between" or "from" before a range's first end, which lets "and" join it ("between 4 and 5").
RANGE_BETWEEN_RE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
# Race and lap times with a fraction of a second: "2:03.41", "1:45.2" (minutes, seconds).
LAP_TIME_RE = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d)\.(\d{1,3})(?![\d:])")
# Fractions of a second in words after a number ("45 hundredths of a second").
SECOND_FRACTIONS_RE = re.compile(
    r"^\s(?P<part>tenths?|hundredths?|thousandths?)\s+of\s+a\s+second\b", re.IGNORECASE
)
SECOND_FRACTION_FACTORS: dict[str, float] = {"tenth": 0.1, "hundredth": 0.01, "thousandth": 0.001}
# A distance that names a race ("the 200m freestyle", "the 1,500 metres final"): a label.
EVENT_LABEL_AFTER_RE = re.compile(
    r"^(?:\s|-)?(?:m|km|metres?|meters?|yards?|miles?)\s+(?:(?:individual|relay)\s+)?"
    r"(?:freestyle|butterfly|backstroke|breaststroke|medley|relay|hurdles|steeplechase|sprint"
    r"|dash|final|finals|semi-?finals?|heats?|race|event|title)\b",
    re.IGNORECASE,
)
# Words of height, length or depth: a sentence with one and no money word means metres
# by a glued "m" ("a loss of 1,830m over three minutes ... descent").
LENGTH_CONTEXT_RE = re.compile(
    r"\b(?:high|higher|tall|taller|deep|deeper|depth|height|altitude|elevation|long|longer"
    r"|length|wide|width|descen\w+|ascen\w+|climb\w*|summit|sea level|cruising|plung\w+"
    r"|metres?|meters?|feet|storeys?)\b",
    re.IGNORECASE,
)
MONEY_CONTEXT_RE = re.compile(
    r"[$€£¥₹]|\b(?:cost\w*|budget\w*|fund\w*|price\w*|worth|revenue\w*|sales|profits?|invest\w*"
    r"|spend\w*|spent|paid|pay|raised?|valu\w+|debt\w*|loans?|grants?|fined?|bids?|sold|bought"
    r"|pounds|dollars|euros|sterling|deal|contract|turnover|income|earn\w*|tax\w*)\b",
    re.IGNORECASE,
)
# An ordinal that counts what its holder has won or held: "her third gold", "Okafor's
# fourth title", "a second term". The noun list keeps out "a third vehicle".
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_ORDINAL_ALTERNATION = "|".join(ORDINAL_WORDS) + r"|\d{1,2}(?:st|nd|rd|th)"
_COUNTED_WINS = (
    r"(?:golds?|gold medals?|silvers?|silver medals?|bronzes?|bronze medals?|medals?|titles?"
    r"|terms?|wins|win|victor(?:y|ies)|championships?|crowns?|troph(?:y|ies))"
)
ORDINAL_COUNT_RE = re.compile(
    r"\b(?:(?:[Hh]er|[Hh]is|[Tt]heir|[Ii]ts|[A-Z][\w-]*['’]s)\s+"
    r"(?:(?:record|straight|consecutive|successive|career)[ -])?"
    rf"(?P<ord>{_ORDINAL_ALTERNATION})"
    r"|\b[Aa]\s+(?P<term>(?!first\b)" + "|".join(ORDINAL_WORDS) + r")(?=\s+(?:straight\s+|"
    r"consecutive\s+|successive\s+)?terms?\b))"
    rf"(?=\s+(?:(?:straight|consecutive|successive|career|Olympic|world|major)\s+)?{_COUNTED_WINS}\b)",
)
# A death verb after "one" and at most two words ("One person has died", "one of whom
# has died"), or after "a"/"an" and a noun ("A climber has died"): one death.
_DEATH_VERB = r"(?:(?:has|had|have)\s+)?(?:died|drowned|(?:was|been)\s+killed)\b"
ONE_DEATH_AFTER_RE = re.compile(rf"^\s+(?:[a-z]+\s+){{0,2}}?{_DEATH_VERB}", re.IGNORECASE)
# Words that open a clause or deny ("A fire in which nobody died" tells no death), or
# make the death one of several ("A second person has died": the toll is two).
_NOT_A_CLAUSE = (
    r"(?!(?:which|who|whom|that|nobody|no|not|never|none|second|third|fourth|fifth|further"
    r"|another|more|total|number)\b)"
)
LONE_DEATH_RE = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<one>An?)\s+(?:{_NOT_A_CLAUSE}[A-Za-z-]+\s+){{1,3}}?{_DEATH_VERB}"
)
# A fact-sheet line: a label, a colon and one figure on a line of its own ("Deaths: 3",
# "Number affected: 1,200"). Group "label" is what the figure counts.
FACT_SHEET_LABEL_RE = re.compile(r"(?:^|\n)[ \t]*(?P<label>[A-Z][\w'’ -]{1,40}?)[ \t]*:[ \t]*$")
FACT_SHEET_END_RE = re.compile(r"^[ \t]*(?:\n|$)")
# Words of a label that name no thing counted ("Number affected", "Total deaths").
LABEL_FILLERS = frozenset({"number", "no", "total", "of", "the", "estimated", "approx", "count"})
# A measure told with an article or a fraction instead of a numeral: "half a mile",
# "a quarter of an hour", "three quarters of a tonne", "an hour and a half", "a fortnight".
# A bare "a"/"an" before a unit is read only with "and a half" or before "fortnight":
# "a day", "an hour" and "a mile" are rates and idioms ("twice a day", "60 miles an hour").
_PHRASE_UNITS = (
    r"seconds?|minutes?|hours?|days?|weeks?|months?|years?|fortnights?|decades?"
    r"|miles?|kilomet(?:re|er)s?|met(?:re|er)s?|feet|foot|inch(?:es)?|yards?"
    r"|tonnes?|tons?|kilos?|kilograms?|litres?|liters?|gallons?|acres?|hectares?"
)
MEASURE_PHRASE_RE = re.compile(
    r"\b(?:(?P<half>half\s+an?)"
    r"|(?P<num>an?|one|two|three)\s+(?P<den>quarters?|thirds?)\s+of\s+an?"
    r"|(?P<one>an?)(?=\s+(?:" + _PHRASE_UNITS + r")\s+and\s+a\s+half\b)"
    r"|(?P<lone>an?)(?=\s+fortnight\b))"
    r"\s+(?P<unit>" + _PHRASE_UNITS + r")\b(?P<plus>\s+and\s+a\s+half\b)?(?!\s+ago\b)",
    re.IGNORECASE,
)
# A guessed offset from another moment: "a day or two later", "a week or two earlier"
# (a time unit and "or" before the count, "later" or "earlier" after it).
_TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)"
OFFSET_AFTER_RE = re.compile(r"\s*(?:later|earlier)\b", re.IGNORECASE)
OFFSET_ALTERNATIVE_BEFORE_RE = re.compile(r"\b" + _TIME_UNIT + r"\s+or\s+$", re.IGNORECASE)
# A share told as so many in so many ("three in four residents", "nine out of 10 voters",
# "one in every five"): a percentage. The second number is at most 1,000 and not a year.
SHARE_IN_RE = re.compile(
    r"\b(?P<num>one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+(?:in|out\s+of)"
    r"\s+(?:every\s+)?(?P<den>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred"
    r"|a\s+hundred|\d{1,3}|1,000)\b(?=\s+(?:of\b|[a-z]))"
    r"(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b)",
    re.IGNORECASE,
)
# A number joined by a hyphen to a word of design names a kind of thing, not how many
# there are: "an 18-seater bus", "a four-bed house", "the 10-page will". Group words
# ("17,000-strong", "180-member", "15-man") still count people, and a building's storeys
# stay a figure (its height, which outlets state and the subjects name: "storey building").
DESIGN_SUFFIX_AFTER_RE = re.compile(
    r"^-(?:seaters?|seat|bed|bedroom|bedroomed|room|lane|page|star|door"
    r"|berth|screen|wheeler|cylinder|engined?|track|speed|hole)\b",
    re.IGNORECASE,
)
# The nouns of a hyphened size ("640-bed", "62,000-seat", "62,000-capacity"): counts when
# large (see CAPACITY_COMPOUND_MIN in extract.py), and named a capacity so they meet "holds".
CAPACITY_SUFFIX_AFTER_RE = re.compile(r"^-(?P<noun>beds?|seats?|capacity)\b", re.IGNORECASE)
# A bare fraction word read as a share: the size of a change ("cut by roughly a third"). A
# level ("has risen to roughly a fifth") is left out: a hedged level is rarely within 3%.
BARE_FRACTION_BEFORE_RE = re.compile(
    r"\bby(?:\s+(?:roughly|about|around|almost|nearly|some|just\s+over|just\s+under))?\s+$",
    re.IGNORECASE,
)
# ... and not before a noun ("to a third vehicle" is an ordinal): punctuation or a function word.
BARE_FRACTION_AFTER_RE = re.compile(
    r"^(?:\s*(?:[,.;:)\u2014]|$)|\s+(?:since|in|over|from|after|on|between|and|as|while|but"
    r"|compared|last|this|year|within|during|than|or)\b)",
    re.IGNORECASE,
)
# A figure right after "median age" / "average age" and its verb, no other figure between.
AGE_STATISTIC_BEFORE_RE = re.compile(
    r"\b(?P<statistic>median|average|mean)\s+age\b[^\d.;:()\n]{0,50}$", re.IGNORECASE
)
# How far before a figure an age statistic is looked for (its gap of up to 50 characters).
AGE_STATISTIC_REACH = 70
# The statistic and what it is of, as a subject ("median age of patients").
AGE_STATISTIC_PHRASE_RE = re.compile(
    r"\b(?:median|average|mean)\s+age(?:\s+(?:of|for|at)\s+"
    r"(?:(?:the|its|their|his|her|our|these|those)\s+)?[a-z]+)?",
    re.IGNORECASE,
)
# An age statistic's optional unit: "41.2 years" (not "years old", read elsewhere).
YEARS_AFTER_RE = re.compile(r"^\s*-?\s*years?\b(?![\s-]+old\b)", re.IGNORECASE)
# An age that bounds a group of people ("children under 12", "residents aged over 65",
# "those younger than 18"): the group's name, not a count or a person's age.
AGE_BAND_BEFORE_RE = re.compile(
    r"\b(?:children|kids|pupils|students|people|adults|those|anyone|residents|boys|girls"
    r"|patients|women|men|infants|babies|teenagers|youngsters|voters|workers|drivers)"
    r"\s+(?:aged\s+)?(?:under|over|below|above|older\s+than|younger\s+than)\s+$",
    re.IGNORECASE,
)
# ... unless the number counts occurrences: "arrested men over 40 times" is a frequency.
FREQUENCY_AFTER_RE = re.compile(r"^\s+(?:times|occasions)\b", re.IGNORECASE)
# Dollars of a country other than the US written with their prefix ("A$180m", "$A180m",
# "S$180", "NZ$5m"), and the US dollar named as such ("US$113m", "USD", "US dollars").
LOCAL_DOLLAR_RE = re.compile(r"(?<![A-Za-z$])(?P<prefix>AU|NZ|CA|HK|[ACS])\$(?=\s?\d)|\$A(?=\s?\d)")
US_DOLLAR_RE = re.compile(r"\bUS\$|\bUSD\b|\bU\.?S\.? dollars?\b")
# A bare "$" amount in brackets after a local dollar amount is its conversion into US
# dollars ("A$180 million ($120 million)", "S$50 (about $37)"): that text's "$" is the US one.
DOLLAR_CONVERSION_RE = re.compile(
    r"(?:\b(?:AU|NZ|CA|HK|[ACS])\$|\$A)\s?\d[\d,.]*(?:\s?[a-z]+)?\s*"
    r"\(\s*(?i:about|around|roughly|some|nearly|almost|or\s+)?\s*\$\s?\d"
)
