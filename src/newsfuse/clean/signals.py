"""Line-level signals that a line of an article is boilerplate rather than story.

Each function looks at one line (a paragraph or a line inside one) and answers
one question from its shape or wording: is it headline-shaped, a caption
credit, a counter, a copyright line, a reader prompt, a stamp? None of them
decides alone; :mod:`newsfuse.clean.classify` combines them with position.
The word lists are generic web-interface vocabulary, not strings from any site.
"""

from __future__ import annotations

import re


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (readable word lists)."""
    return frozenset(words.split())


# A headline, label or navigation entry is short; a sentence in a news story
# averages 20-25 words. 16 words covers long headlines without reaching sentences.
HEADLINE_MAX_WORDS = 16
# Lines this short without final punctuation are labels, kickers or navigation
# ("World", "Previous and Next News", "Photo"), never sentences of the story.
FRAGMENT_MAX_WORDS = 6
# A reader prompt ("Sign up for our newsletter", "Add a comment") is a short line.
PROMPT_MAX_WORDS = 20
# A short line with an address to write to is a contact or tip prompt.
CONTACT_MAX_WORDS = 12
# A byline names one to three people and perhaps an outlet and a time.
BYLINE_MAX_WORDS = 14
# A counter ("This story has been read 339 times") or stamp is a short line.
COUNTER_MAX_WORDS = 14
STAMP_MAX_WORDS = 14
# Copyright lines can carry a sentence of legalese, but not a paragraph.
COPYRIGHT_MAX_WORDS = 40
# A photo caption is a sentence or two; a credit is found within this many words of
# either end of it (the rest of a long line with a credit inside is story).
CAPTION_MAX_WORDS = 80
CREDIT_EDGE_WORDS = 8
# A credit that opens a line ("Image copyright X Image caption ...") is followed by a
# caption of a sentence or two; more than this is story text, and the line is kept.
CAPTION_AFTER_CREDIT_MAX_WORDS = 30
# Interface lines ("Share this story on Facebook and Twitter", "Story continues below
# advertisement") are short and at least half interface words.
INTERFACE_MAX_WORDS = 12
INTERFACE_MIN_UI_SHARE = 0.5
# A widget's help text addressed to the user is a paragraph at most, with interface
# words making up a clear share of it.
NOTICE_MAX_WORDS = 80
NOTICE_MIN_UI_SHARE = 0.15
# A related-article teaser is one sentence at most.
TEASER_MAX_WORDS = 45

# Verbs (and their UI nouns) that address the reader of a web page, not of a story.
UI_VERBS = word_set(
    "add share comment comments subscribe sign log login click tap follow tweet retweet "
    "email print like register join download read see watch view reply report leave "
    "post send submit continue skip close enable disable allow accept learn get visit "
    "save bookmark order delete edit upload"
)
UI_NOUNS = word_set(
    "comment comments newsletter newsletters account button link links app apps menu "
    "page website site browser javascript cookies cookie settings privacy policy terms "
    "advertisement advertising ad ads sponsored notifications alerts subscription "
    "subscribers login password inbox email emails facebook twitter instagram whatsapp "
    "linkedin pinterest reddit youtube tweets widget location reprints copies "
    "gallery photos video videos slideshow news below above here next previous home "
    "top story continued more related web posts profile"
)
SECOND_PERSON = word_set("you your yours you're you'll you've")

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
# Sentences end with these (a closing quote or bracket after them is looked through).
_TERMINAL = re.compile(r"[.!?…]['\"’”»)\]]*$")
_ELLIPSIS = re.compile(r"(\.\.\.|…)['\"’”»)\]]*$")
# A sentence end is followed by a capital (or the end): "Korn & Co. announced" is one sentence.
_SENTENCE_END = re.compile(r"[.!?…]['\"’”»)\]]*(?:\s+(?=[A-Z\"“‘'(])|\s*$)")

# "(AP Photo/Jane Doe)", "REUTERS/John Smith", "Photo: Jane Doe", "Image copyright X".
_CREDIT = re.compile(
    r"\((?:[A-Z][\w.&-]*\s)*(?:photo|photograph|picture|image|file photo|foto)s?\b[^)]*\)"
    r"|(?-i:\b[A-Z]{3,}(?:\s[A-Z]{2,})?\s?/\s?[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,3}\s*$)"
    r"|^(?:photo|photograph|picture|image|file photo|caption|credit)s?\s*(?:credit|copyright|"
    r"caption)?\s*[:|]"
    r"|\b(?:photo|photograph|picture|image|credit)s?\s*:\s*(?-i:[A-Z])"
    r"|^(?:file\s*[-–—]\s*)?in this\b[^.]{0,80}\b(?:photo|image|picture)\b"
    r"|(?:\.\.\.|…)\s*\([^()]{2,40}\)\s*$"  # a caption cut short, then its credit
    r"|\bimage (?:copyright|caption)\b|\b(?:getty|shutterstock) images\b"
    r"|\b(?:photo|image|picture) (?:by|credit|courtesy)\b"
    # A line that is only "(Jane Doe/Agency)" or "Courtesy Jane Doe": a credit on its own.
    r"|(?-i:^\((?:[A-Z][\w.'’-]*\s*){1,5}/\s*[A-Z][^()]{1,50}\)$)"
    r"|(?-i:^(?:(?:Photo|Image|Video)\s+)?[Cc]ourtesy(?:\s+of)?(?:\s+[A-Z][\w.'’-]*){1,5}$)",
    re.I,
)
_COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\s*(?:©\s*)?\d{4}|\ball rights reserved\b",
    re.I,
)
# A number followed closely by what it counts on a web page.
_COUNTER = re.compile(
    r"\b\d[\d,.]*\s*(?:[kKmM]\s)?(?:\w+\s){0,2}?(?:times|views|reads|hits|comments|shares|likes)\b",
    re.I,
)
_DEICTIC_PAGE = re.compile(r"\bthis (?:news|article|story|post|page|item|entry)\b", re.I)
_STAMP_START = re.compile(
    r"^(?:last\s+)?(?:updated?|published|posted|modified|created|last modified)\b\s*"
    r"(?:on|at)?\s*:?",
    re.I,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]\d{{2,4}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b",
    re.I,
)
_BYLINE = re.compile(
    r"^(?i:by|written by|reporting by|story by|updated by|posted by)\s+"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+(?:and\s+)?[A-Z][\w.'’-]+){0,5})\s*(?:[,|/•–—-].*)?$",
)
# "BAGHDAD (AA) - ", "WASHINGTON (Reuters) — ", "PARIS, France (AFP) -- ", and without
# the agency "KABUL, Afghanistan — " or "LONDON -- ": a capitalised place, then a dash.
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z .'’-]{1,30}(?:,\s*[A-Z][\w .'’-]{1,30})?(?:,\s*\d{4})?)\s*"
    r"\((?P<agency>[A-Za-z][\w .&-]{0,20})\)\s*(?:[-–—]+|:)\s+(?=\S)"
    r"|^(?P<place>[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}"
    r"(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})?)\s+(?:—|–|--|-)\s+(?=[A-Z\"“‘])"
)
# "Jane Doe in Lagos contributed to this report.": the closing credit of a wire story
# names who helped write it, not what happened.
_CONTRIBUTOR_CREDIT = re.compile(
    r"\bcontributed(?: reporting)? to (?:this|the) (?:report|story|article)(?![\w'’])"
    r"[^.!?]{0,60}[.!?]?$"
)
# A credit names a few people and places; a longer line is a sentence of the story.
CREDIT_MAX_WORDS = 45
# Separators some pages put before a byline or stamp ("/ Updated By Jane Doe", "| By ...").
_LEADING_SEPARATOR = re.compile(r"^[/|•·–—-]+\s*")
# An interface verb written as a button or heading (capitalised) with what it acts on
# close behind: "Get breaking news alerts", "Download the app", "Sign up for emails".
_CAPITALISED_PROMPT_WINDOW = 3
_EMAIL_OR_URL = re.compile(r"\S+@\S+\.\w+|https?://\S+|\bwww\.\S+", re.I)
_LABEL = re.compile(r"^[^\W\d_][\w ]{0,24}:\s*\S")


def words_of(line: str) -> list[str]:
    """The words of ``line`` (letters and digits, inner apostrophes kept)."""
    return _WORD.findall(line)


def has_terminal_punctuation(line: str) -> bool:
    """True if the line ends like a sentence."""
    return bool(_TERMINAL.search(line.rstrip()))


def sentence_count(line: str) -> int:
    """A rough count of sentence ends in the line (for telling teasers from paragraphs)."""
    return len(_SENTENCE_END.findall(line))


def is_headline_like(line: str) -> bool:
    """Short, starts with a capital or digit, and does not end like a sentence (a '?' may)."""
    stripped = line.strip()
    words = words_of(stripped)
    if not words or len(words) > HEADLINE_MAX_WORDS:
        return False
    if not (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "\"'‘“"):
        return False
    return not has_terminal_punctuation(stripped) or stripped.endswith("?")


_LIST_MARKER = re.compile(r"^\s*(?:[-–—•*·▪►>]|\d{1,2}[.)])\s+")


def is_listed_headline(line: str) -> bool:
    """A bulleted or numbered entry whose text is headline-like: the shape of a link list."""
    marker = _LIST_MARKER.match(line)
    return marker is not None and is_headline_like(line[marker.end() :])


def is_fragment(line: str) -> bool:
    """A very short line without final punctuation: a label, kicker or navigation entry."""
    words = words_of(line)
    return len(words) <= FRAGMENT_MAX_WORDS and not has_terminal_punctuation(line.strip())


def is_teaser(line: str) -> bool:
    """A related-article teaser: a snippet cut off with an ellipsis."""
    return bool(_ELLIPSIS.search(line.rstrip())) and len(words_of(line)) <= TEASER_MAX_WORDS


def is_caption_credit(line: str) -> bool:
    """A photo caption or credit ("... (AP Photo/Jane Doe)", "REUTERS/Name", "Image copyright").

    The credit must close the line or open it: a credit in the middle of a long
    line is followed by story text, which is kept.
    """
    stripped = line.strip()
    words = words_of(stripped)
    if len(words) > CAPTION_MAX_WORDS:
        return False
    for match in _CREDIT.finditer(stripped):
        before = len(words_of(stripped[: match.start()]))
        after = len(words_of(stripped[match.end() :]))
        if after <= CREDIT_EDGE_WORDS:
            return True
        if before <= CREDIT_EDGE_WORDS and after <= CAPTION_AFTER_CREDIT_MAX_WORDS:
            return True
    return False


def is_copyright(line: str) -> bool:
    """A copyright or rights-reserved line."""
    return len(words_of(line)) <= COPYRIGHT_MAX_WORDS and bool(_COPYRIGHT.search(line))


def is_counter(line: str) -> bool:
    """A page counter ("This news has been read 339 times in total", "1,204 views")."""
    words = words_of(line)
    if len(words) > COUNTER_MAX_WORDS or not _COUNTER.search(line):
        return False
    # "The video was viewed 2 million times." is a story sentence; a counter either
    # is not a sentence or talks about the page itself.
    return not has_terminal_punctuation(line.strip()) or bool(_DEICTIC_PAGE.search(line))


def stamp_kind(line: str) -> str:
    """ "stamp" for an update/publication stamp line, "date" for a bare date line, else ""."""
    words = words_of(line)
    if len(words) > STAMP_MAX_WORDS or has_terminal_punctuation(line.strip()):
        return ""
    if _STAMP_START.match(line.strip()) and (_DATE.search(line) or re.search(r"\d", line)):
        return "stamp"
    date = _DATE.search(line)
    if date and len(words) <= 10:
        return "date"
    return ""


def byline_name(line: str) -> str:
    """The author named by a byline line ("By Jane Doe"), or "".

    A byline is short and is not a sentence: "By Monday, the water had receded." is story.
    """
    stripped = _LEADING_SEPARATOR.sub("", line.strip())
    if len(words_of(stripped)) > BYLINE_MAX_WORDS or has_terminal_punctuation(stripped):
        return ""
    match = _BYLINE.match(stripped)
    return match["name"].strip(" ,") if match else ""


def is_contributor_credit(line: str) -> bool:
    """A closing credit line ("Jane Doe in Lagos contributed to this report.")."""
    stripped = line.strip()
    return len(words_of(stripped)) <= CREDIT_MAX_WORDS and bool(
        _CONTRIBUTOR_CREDIT.search(stripped)
    )


def dateline_prefix(line: str) -> str:
    """The wire dateline prefix of a line ("BAGHDAD (AA) - "), or ""."""
    match = _DATELINE.match(line)
    return match.group(0) if match else ""


def ui_score(line: str) -> float:
    """Share of the line's words that are web-interface verbs, nouns or second person."""
    words = [word.lower() for word in words_of(line)]
    if not words:
        return 0.0
    hits = sum(1 for word in words if word in UI_VERBS or word in UI_NOUNS or word in SECOND_PERSON)
    return hits / len(words)


def is_reader_prompt(line: str) -> bool:
    """A short line addressing the page's reader ("ADD A COMMENT", "Sign up for ...")."""
    stripped = line.strip()
    words = [word.lower() for word in words_of(stripped)]
    if not words or len(words) > PROMPT_MAX_WORDS:
        return False
    starts_imperative = words[0] in UI_VERBS and (
        len(words) == 1 or words[1] in UI_NOUNS or words[1] in {"a", "an", "the", "up", "in",
                                                                 "our", "us", "to", "for", "more",
                                                                 "on", "this", "now", "also"}
    )  # fmt: skip
    # One interface noun in a sentence to the reader is still story ("If you thought
    # Facebook was invasive, ..."); two, or an address to write to, is a prompt.
    addresses_reader = any(word in SECOND_PERSON for word in words) and (
        sum(1 for word in words if word in UI_NOUNS) >= 2 or bool(_EMAIL_OR_URL.search(stripped))
    )
    if starts_imperative or addresses_reader or _has_capitalised_prompt(stripped):
        return True
    if len(words) <= CONTACT_MAX_WORDS and _EMAIL_OR_URL.search(stripped):
        return True  # "Got a tip? Write to desk@...": a contact line
    return stripped.isupper() and len(words) >= 2 and ui_score(stripped) >= 0.3


def _has_capitalised_prompt(line: str) -> bool:
    """Whether a capitalised interface verb is followed closely by an interface noun
    ("Breaking News Emails Get breaking news alerts and special reports.": a sign-up
    widget glued to its heading, whose first word is not the verb)."""
    tokens = words_of(line)
    for position, token in enumerate(tokens):
        if token[:1].isupper() and token.lower() in UI_VERBS:
            following = tokens[position + 1 : position + 1 + _CAPITALISED_PROMPT_WINDOW]
            if any(word.lower() in UI_NOUNS for word in following):
                return True
    return False


def is_interface_line(line: str) -> bool:
    """A short unpunctuated line made mostly of interface words ("Story continued below")."""
    words = words_of(line)
    if not words or len(words) > INTERFACE_MAX_WORDS or has_terminal_punctuation(line.strip()):
        return False
    return ui_score(line) >= INTERFACE_MIN_UI_SHARE


def is_reader_notice(line: str) -> bool:
    """A paragraph speaking to the page's user about the interface (a social widget's help).

    "You can add your location to your posts ... Learn more": second person twice
    or more, and interface words (other than "you") twice or more.
    """
    words = [word.lower() for word in words_of(line)]
    if not words or len(words) > NOTICE_MAX_WORDS:
        return False
    second_person = sum(1 for word in words if word in SECOND_PERSON)
    interface = sum(1 for word in words if word in UI_VERBS or word in UI_NOUNS)
    # A quote ("You like to see winners," she said) has verbs like "see" but no
    # interface nouns; a widget always names the thing it is about.
    nouns = sum(1 for word in words if word in UI_NOUNS)
    return (
        second_person >= 2
        and interface >= 2
        and nouns >= 1
        and interface / len(words) >= NOTICE_MIN_UI_SHARE
    )


# -- figures in short lines (a key-figures box, a results list) ---------------------------
# A number the page counts for its own furniture sits next to an interface word
# ("Comments (14)", "Share 45", "News 12") or says how long ago ("3 min ago").
_NUMBER = re.compile(r"\d[\d,.:]*")
_TIME_AGO = re.compile(r"\d\s*[^\W\d_]*\.?\s+ago\b", re.I)
PAGE_NUMBER_WORDS = UI_VERBS | UI_NOUNS | SECOND_PERSON | word_set("ago page pages")
# Words opening a link or teaser line ("Related: ...", "Top 10 ...", "Watch: ..."); the
# whole interface vocabulary would be too broad here ("Policy rate: 3.5%").
LINK_OPENERS = word_set(
    "related more see also read watch top next previous trending popular latest video "
    "videos photos gallery share comments"
)
# A headline written in title case ("Woman Kills 3 In Harbour Crash") carries a figure
# but is the page's title, not a line of a box; this many capitalised long words
# (four letters or more) and no lowercase one mark it.
TITLE_CASE_MIN_WORDS = 4


def is_figure_line(line: str) -> bool:
    """A short line stating a figure of the story ("Policy rate: 3.5% (prev 3.75%)",
    "1. Jane Doe 2:06:41", "Stage 9, Ardon - Belle summit (187km)"), not a number of the
    page's own (a comment count, a share count, a time ago, a link, a title-case headline)."""
    stripped = line.strip()
    if not any(c.isdigit() for c in stripped) or not any(c.isalpha() for c in stripped):
        return False
    if _EMAIL_OR_URL.search(stripped) or _TIME_AGO.search(stripped):
        return False
    words = [word.lower() for word in words_of(stripped)]
    alphabetic = [word for word in words if word.isalpha()]
    if alphabetic and alphabetic[0] in LINK_OPENERS:
        return False
    for match in _NUMBER.finditer(stripped):
        before = [w for w in words_of(stripped[: match.start()]) if not w.isdigit()][-1:]
        after = [w for w in words_of(stripped[match.end() :]) if not w.isdigit()][:1]
        if any(word.lower() in PAGE_NUMBER_WORDS for word in before + after):
            return False
    long_words = [word for word in words_of(stripped) if word.isalpha() and len(word) >= 4]
    return not (
        len(long_words) >= TITLE_CASE_MIN_WORDS and all(word[0].isupper() for word in long_words)
    )


# Labels that open a link to another page placed inside the story ("Related: ...",
# "Read more: ...", "Watch: ..."). Not "Latest:", which opens a live blog's update.
_LINK_LABEL = re.compile(
    r"^\s*(?:related(?: stories| articles)?|read more|read also|also read|see also|watch|listen)"
    r"\s*:\s*(?=\S)",
    re.IGNORECASE,
)


def is_link_line(line: str) -> bool:
    """A line that links to another page from inside the story: a link label, a colon and
    a headline ("Related: Villages that lost a third of their people", "Watch: The
    editor on the numbers (3:05)"). Its figures are the other story's."""
    label = _LINK_LABEL.match(line)
    return label is not None and is_headline_like(line[label.end() :])


def is_label_line(line: str) -> bool:
    """A short "Label: value" line without final punctuation ("Source: Wire services")."""
    return bool(_LABEL.match(line.strip())) and is_headline_like(line)


# -- notes the page adds to a story, written as sentences (issue 18) --------------------
# An opinion disclaimer, an editor's note about the page, a photo caption naming its
# provider, a call to read, follow or click elsewhere: sentences in shape, about the page
# rather than the event. One is a sentence, two at most; longer text is story.
NOTE_MAX_WORDS = 40
NOTE_OPINION = "opinion disclaimer"
NOTE_EDITOR = "editor's note"
NOTE_CAPTION = "provided photo caption"
NOTE_ACTION = "call to action"
NOTE_PAGE = "reference to the page layout"
NOTE_AUTHOR = "note about the author"
_OPINION_DISCLAIMER = re.compile(
    r"\b(?:opinions?|views?)\s+expressed\b[^.!?]{0,80}?\b(?:own|solely|author|authors|writer|"
    r"writers|necessarily)\b"
    r"|\bdo(?:es)?\s+not\s+necessarily\s+(?:reflect|represent)\s+(?:the\s+)?(?:views?|opinions?|"
    r"positions?|policy|policies)\b",
    re.I,
)
# "The author is a columnist for X.": the note closing a commentary, about who wrote it.
_AUTHOR_NOTE = re.compile(r"^\W*the\s+(?:author|writer)s?\s+(?:is|are)\s+(?:an?|the)\b", re.I)
_PAGE_NOUN = r"(?:story|article|post|report|piece|page|item|column)"
_EDITORS_NOTE = re.compile(
    r"^\W*(?:editor['’]?s['’]?\s+note|correction|clarification)\s*[:—–-]"
    rf"|\bthis\s+{_PAGE_NOUN}\s+(?:has\s+been|was|is\s+being)\s+(?:updated|corrected|amended|"
    r"revised|clarified|edited)\b"
    rf"|\ban?\s+(?:earlier|previous)\s+version\s+of\s+this\s+{_PAGE_NOUN}\b"
    rf"|^\W*updated?\b[^:.!?]{{0,30}}:[^.!?]*\bthis\s+{_PAGE_NOUN}\b",
    re.I,
)
_PHOTO_NOUN = r"(?:photo|photograph|image|picture|frame\s+grab|video\s+still|handout)s?"
_PROVIDED_CAPTION = re.compile(
    # "... is shown in this October 2, 2016 photo released on ...": an agency caption
    rf"\b(?:is|are|was|were)\s+(?:shown|seen|pictured)\s+in\s+this\s+(?:[\w,.'’-]+\s+){{0,6}}?"
    rf"{_PHOTO_NOUN}\b[^.!?]{{0,60}}\b(?:provided|released|taken|made\s+available|obtained)\b"
    # "This image provided by the county jail shows ...", "FILE - This 2014 photo released by"
    rf"|^\W*(?:file\s*[-–—]+\s*)?this\s+(?:[\w,.'’-]+\s+){{0,6}}?{_PHOTO_NOUN}\s+"
    r"(?:[\w,.'’-]+\s+){0,3}?(?:provided|released|made\s+available|distributed)\s+by\b",
    re.I,
)
_CALL_TO_ACTION = re.compile(
    r"^\W*(?:for\s+(?:more|the\s+latest|the\s+top|full|live|updates)\b[^,.!?]{0,50},\s*)?"
    r"(?:please\s+)?(?:click|tap|read|follow|watch|listen|visit|check\s+out|sign\s+up|"
    r"subscribe|download)(?![\w-])[^.!?]{0,80}?(?:\bhere\b|\bbelow\b|\bon\s+(?:twitter|facebook|"
    r"instagram)\b|@\w+|\b[\w-]+\.(?:com|org|net)\b)"
    r"|^\W*(?:reach|contact|email|write\s+to)\s+[^.!?]{0,40}\S+@\S+\.\w+",
    re.I,
)
# A call to action reported as said ("Click here, said the sign on the van") is story.
_REPORTED = re.compile(r"\b(?:said|says|told|tells|according\s+to)\b", re.I)
_PAGE_REFERENCE = re.compile(
    # A trailing aside ("... (see video below).") is left alone: the sentence is story.
    r"\bas\s+(?:shown|seen|pictured|listed)\s+(?:below|above)\b",
    re.I,
)


def page_note_kind(sentence: str) -> str:
    """The kind of note about the page a sentence is (``NOTE_*``), or "" for story.

    An opinion disclaimer ("The views expressed are the author's own."), an editor's
    note or correction about the page ("This story has been updated."), an agency
    photo caption naming its provider ("This image provided by X shows ..."), a call
    to read, follow or click elsewhere ("Follow her on Twitter @x."), a pointer
    to the page's layout ("as shown below"), or a note on who wrote a commentary
    ("The author is a columnist for X."). Longer text is story.
    """
    text = sentence.strip()
    if len(words_of(text)) > NOTE_MAX_WORDS:
        return ""
    for kind, pattern in (
        (NOTE_OPINION, _OPINION_DISCLAIMER),
        (NOTE_EDITOR, _EDITORS_NOTE),
        (NOTE_CAPTION, _PROVIDED_CAPTION),
        (NOTE_ACTION, _CALL_TO_ACTION),
        (NOTE_PAGE, _PAGE_REFERENCE),
        (NOTE_AUTHOR, _AUTHOR_NOTE),
    ):
        if pattern.search(text) and not (kind == NOTE_ACTION and _REPORTED.search(text)):
            return kind
    return ""
