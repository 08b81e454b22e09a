"""The tunables of the brief: candidates, selection, repeat checks and citations.

A :class:`BriefParams` travels through ``summarize(..., params=...)`` to every
step that reads one, so that a study varies a threshold with
``dataclasses.replace(BriefParams(), support_screen_cosine=0.5)`` instead of
rebinding module constants. Fitted model coefficients (the support model in
:mod:`~newsfuse.summary.cite`, the learned scorer's weights and the features they
were fitted on) are data, not tunables, and stay beside their models. How the
values were measured is in ``docs/benchmarks-brief.md``, ``docs/benchmarks-rouge.md``
and ``docs/benchmarks-speed.md``.
"""

from __future__ import annotations

from dataclasses import dataclass

# The learned scorer's short and long sentence cut-offs, in words. They define two of
# its features (``is_short``, ``is_long``), so they are fixed by the fitted weights;
# they are also the default length range of the sentences a brief may choose.
SHORT_SENTENCE_WORDS = 6
LONG_SENTENCE_WORDS = 80
# Entries kept by each per-sentence cache (words, numbers, names, TF-IDF tokens): a
# story's brief reuses its few thousand sentences, and a bound keeps a server's memory flat.
SENTENCE_CACHE_SIZE = 8192


@dataclass(frozen=True, slots=True)
class BriefParams:
    """Every tunable of the brief (:func:`newsfuse.summary.summarize`)."""

    # -- candidates ----------------------------------------------------------------------

    # Sentences shorter than this are neither candidates nor citable evidence: datelines,
    # bylines and captions, too short to state a fact on their own.
    min_evidence_words: int = 4
    # Sentences per article that may be candidates or evidence (the first ones, in
    # article order): bounds the embedding cost of a large cluster; news puts what
    # matters first.
    max_sentences_per_article: int = 30
    # Two articles are copies (one wire story under two outlets) when this share of the
    # smaller one's sentences is identical in the other: copies count once.
    copy_overlap: float = 0.8

    # -- selection (learned scorer, best first) ------------------------------------------

    # TF-IDF cosine above which two sentences say much the same thing: keeping both
    # wastes budget.
    redundancy_tfidf: float = 0.25
    # Shortest sentence the brief chooses: shorter ones are headlines, captions or
    # fragments, not reporting.
    min_chosen_words: int = SHORT_SENTENCE_WORDS
    # Longest sentence the brief chooses: longer ones are usually run-together lists or
    # unsplit page text.
    max_chosen_words: int = LONG_SENTENCE_WORDS

    # -- selection (custom scorer, MMR) --------------------------------------------------

    # MMR trade-off (Carbonell & Goldstein 1998): weighs relevance over novelty, the
    # usual setting for multi-document news.
    mmr_lambda: float = 0.7

    # -- repeat checks -------------------------------------------------------------------

    # Embedding cosine at or above which a sentence restates a chosen one: the same
    # fact, even with a different number (the fact table reports conflicts; the brief
    # states a fact once).
    redundant_cosine: float = 0.7
    # A sentence whose content words are at least this much contained in one chosen
    # sentence adds little: the same sentence cut down or lightly reworded.
    redundant_containment: float = 0.7
    # Rounds of "choose cheaply, then check the choice with embeddings": one or two
    # settle almost every brief; the bound keeps the worst case cheap.
    max_embedding_rounds: int = 5
    # Screen of the embedding repeat check (retrieve, then verify): a pair of chosen
    # sentences is embedded only if their static (``minilm-static``) cosine reaches
    # this ...
    repeat_screen_cosine: float = 0.6
    # ... and their TF-IDF cosine this: pairs sharing almost no weighted words are
    # rarely restatements.
    repeat_screen_tfidf: float = 0.1
    # MiniLM cosine at or above which a pair sharing almost no weighted words (TF-IDF
    # cosine under ``repeat_screen_tfidf``) is a repeat too; None leaves such pairs
    # alone. Off: at 0.723 (the audit's old cut) it took the audit's repeats on dev to 0
    # at both lengths but cost 0.15 cross-validated R-2, failed the in-sample gate, and 5
    # of the 8 pairs it caught were different facts; at 0.750 (the audit's cut) it costs
    # no CV ROUGE (-0.05 R-1 at most) but 2 of the 3 pairs it removes on dev are
    # different facts (docs/benchmarks-readability.md).
    low_overlap_repeat_cosine: float | None = None
    # MiniLM cosine at or above which any two chosen sentences repeat each other, past
    # both screens: the readability audit's meaning rule (``AuditParams.repeat_cosine``),
    # so the brief keeps no pair the audit flags. None checks screened pairs only.
    audit_repeat_cosine: float | None = 0.750
    # Static cosine a pair must reach to be embedded for that check: every dev candidate
    # pair at MiniLM >= 0.75 that is not a word repeat reaches it (least 0.451 of 285 on
    # the fit half, 0.461 of 126 on the held-out half; docs/benchmarks-readability.md).
    audit_repeat_screen_cosine: float = 0.45

    # -- citations -----------------------------------------------------------------------

    # Support-model probability at or above which a sentence is cited as support: a
    # high bar, because a wrong citation misleads more than a missing one.
    support_threshold: float = 0.7
    # Sentences of an article scored with the full support model (the most similar by
    # cosine): support below the top few cosines is never the best.
    candidates_per_article: int = 5
    # Screen of support (retrieve, then verify): a shortlisted sentence is embedded
    # only if its static cosine to the brief sentence reaches this (raised for pairs
    # whose numbers or names count against them); the supporting pairs of the fixture
    # pair set all clear it with a margin.
    support_screen_cosine: float = 0.6
    # Sentences of each other article shortlisted by TF-IDF cosine before anything is
    # embedded: support needs shared content words, so this saves embedding articles.
    shortlist_per_article: int = 2
    # Least TF-IDF cosine of a shortlisted sentence: below it, it shares no real content.
    shortlist_min_tfidf: float = 0.15

    # -- readability ---------------------------------------------------------------------

    # Trim list dashes, bullets, rules and an opening ellipsis from every sentence's edges.
    trim_junk_edges: bool = True
    # Most sentences a quotation cut by the splitter is re-joined from (news quotations
    # run over two or three sentences; 4 is the measured setting). Off by default: the
    # re-joining cost 0.40 cross-validated R-2 on dev (docs/benchmarks-readability.md).
    max_quotation_pieces: int = 0
    # A sentence whose quotation marks do not pair up is half a quotation: not chosen
    # when True. Off by default: without the re-joining it cost 1.1 CV R-2 on dev.
    drop_unbalanced_quotes: bool = False
    # Repair before choosing (``summary.units``): a sentence with a dangling opening or a
    # cut quotation is offered together with the sentences of its article it needs (the
    # one before, the rest of the quotation), scored as the sentence; one that cannot be
    # repaired is not chosen. On by default: it keeps what the scorer wants at no
    # cross-validated ROUGE cost (-0.02 / +0.06 / +0.20), where dropping those sentences
    # cost 0.56 R-2 (docs/benchmarks-readability.md).
    repair_passages: bool = True
    # A sentence that is nothing but a quotation (``lexical.lacks_speaker``) is repaired
    # like a dangling opening: offered with the sentence before, if that has a verb of
    # saying. CV ROUGE on dev 46.40 / 17.39 / 21.90 with it, 46.23 / 17.38 / 21.89 without.
    attribute_quotations: bool = True
    # A repaired passage is not chosen when it speaks to the reader or is a note about the
    # page (``lexical.addresses_reader``, ``clean.signals.page_note_kind``): the sentences
    # it took in around its candidate were never screened as candidates.
    story_passages_only: bool = True
    # A sentence adding to something said before outside quotation marks ("have also been
    # discharged", ``lexical.additive_outside_quotes``) is offered with the sentence
    # before it, as a dangling opening is; kept alone when no passage fits.
    repair_additive: bool = True
    # Most sentences quoting one named speaker (``lexical.quotation_speaker``) the brief
    # chooses: a third quotation of the same person rarely adds a fact, and a run of them
    # reads as a transcript. Off (None): at 2 it cost a further 0.09-0.15 CV ROUGE on dev,
    # past the 0.3 allowed with the other reader rules (docs/benchmarks-readability.md).
    max_quotations_per_speaker: int | None = None
    # Most article sentences in a repaired passage: in-sample on dev at 300 words, 3 kept
    # R-2 at 17.18 where 2 gave 16.70 and 4 gave 17.00 (longer passages use the budget
    # up; shorter ones leave more sentences unrepaired).
    max_passage_pieces: int = 3
    # Dangling openings (``lexical.dangling_reason``) whose sentences the brief does not
    # choose. Connectives only: adding pronoun, demonstrative and pronoun speaker cost
    # 0.56 cross-validated R-2 on dev (docs/benchmarks-readability.md).
    drop_dangling: tuple[str, ...] = ("connective",)
    # Words of a sentence contained in a chosen one (either way round) at or above which
    # it repeats it whatever its numbers: the audit's word rule (evaluate.audit).
    repeat_containment_either_way: float = 0.75
    # A sentence stating a chosen one's figure with the same counted word ("212
    # passengers") repeats its fact whatever its other words (``summary.same_fact``).
    repeat_same_figure: bool = True
    # A sentence saying a thing is given the name a chosen one says it is given ("the
    # name Spark" / "its official name is Spark") repeats that fact (``summary.same_fact``).
    repeat_same_name: bool = True
    # Not choosing a sentence that is a note about the page (``clean.signals.page_note_kind``:
    # an opinion disclaimer, an editor's note, a provided photo caption, a call to action,
    # "as shown below", "The author is a columnist"): the cleaner removes such notes only
    # when one fills a line.
    drop_page_notes: bool = True
    # Not choosing a sentence narrated in the first person singular outside quotation
    # marks (an op-ed's "I knew ...", ``lexical.first_person_narrator``) or pointing at a
    # medium the page shows ("this picture", "the video below", ``lexical.shown_medium``):
    # the brief never introduces the narrator nor shows the picture.
    drop_narrated: bool = True
    # Not choosing a sentence in which the outlet promotes its own issue, edition or show
    # ("this week's X magazine is on sale now", ``lexical.promotes_outlet``): not the news.
    drop_promotion: bool = True
    # Write the first bare surname of the brief ("Hepner said") as the full name its
    # article gives ("Anne Hepner said"), citing that name's span too (``summary.names``).
    introduce_names: bool = True
    # Open the brief with its lead (``summary._lead``) before the reading order. Off by
    # default: it cost 0.24-0.29 cross-validated R-L on dev (the lead chosen first is
    # usually first in the reading order anyway).
    lead_first: bool = False
    # Open with that lead only when the reading order would open with a quotation or a
    # dangling opening (``summary._leans``): the brief then states the event first, and
    # the other briefs keep the reading order that ROUGE-L prefers.
    lead_when_opening_leans: bool = True
    # Open with that lead also when the reading order would open with a sentence sharing
    # no content word with the rest of the brief while the lead does (``summary._strays``):
    # off the story, not the news. No CV ROUGE change on dev (it moves few openings).
    lead_when_opening_strays: bool = True
    # Choose that lead before anything else: the most central first or second sentence
    # of the sources (``summary._central_lead``), even if the scorer ranks it lower.
    force_lead: bool = True
    # A headline cut from the lead at a clause boundary keeps a verb: a head before the
    # first comma with none ("Cheap labor and open borders") is a subject or an opening
    # phrase, so the cut moves to a later boundary (``headline._has_verb``).
    headline_needs_verb: bool = True
    # Longest headline made from the lead when no source has a title, in words: news
    # headlines run 5-15 words.
    headline_words: int = 15
    # Cut a chosen sentence's trailing attribution (", police said.") and its asides in round
    # brackets or between dashes, never inside quotation marks (``summary.compress``); its
    # citation keeps one span per kept piece. Off: a shorter sentence can become a repeat
    # of another chosen one (held-out facts-dev: 1 pair at 120 and 300 words, 0 off) for a
    # CV ROUGE gain within noise (46.18 / 17.23 / 21.91 on, 46.11 / 17.20 / 21.85 off).
    compress_asides: bool = False
    # With ``compress_asides``, compress the candidates before selection (the words cut go
    # to more sentences) instead of the chosen sentences after it. Off: CV ROUGE on dev
    # 46.10 / 17.19 / 21.83, under compressing after selection.
    compress_before_selection: bool = False
