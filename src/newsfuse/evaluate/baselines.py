"""Extractive baselines newsfuse is measured against, each over a cluster's sentences.

Every baseline takes the cluster as a list of documents, each a list of
sentences, and returns sentences in output order; the harness cuts the output
at the word budget. They need no model: lead-3, round-robin lead, LexRank
(Erkan & Radev 2004) and TextRank (Mihalcea & Tarau 2004) via sumy, TF-IDF
MMR (Carbonell & Goldstein 1998) and the greedy oracle (an upper bound).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from newsfuse.errors import ConfigError
from newsfuse.evaluate.oracle import select_oracle

Documents = Sequence[Sequence[str]]
Baseline = Callable[[Documents, int, str], list[str]]

# Lead-3 (See et al. 2017) is three sentences of the first document, whatever the budget.
LEAD_SENTENCES = 3
# LexRank's cosine threshold for an edge: 0.1, the value of Erkan & Radev's experiments.
LEXRANK_THRESHOLD = 0.1
# MMR trade-off between relevance to the centroid and novelty: 0.7, a common choice
# for summarisation (relevance matters more than novelty at 300 words).
MMR_LAMBDA = 0.7

_WORD = re.compile(r"\w+", re.UNICODE)


def _flatten(documents: Documents) -> list[str]:
    return [sentence for document in documents for sentence in document]


def _take_until(ranked: Sequence[int], sentences: Sequence[str], budget: int) -> list[int]:
    taken: list[int] = []
    words = 0
    for index in ranked:
        if words >= budget:
            break
        taken.append(index)
        words += len(sentences[index].split())
    return taken


def summarize_lead3(documents: Documents, budget: int, reference: str = "") -> list[str]:
    """The first three sentences of the first document."""
    return list(documents[0][:LEAD_SENTENCES]) if documents else []


def summarize_round_robin(documents: Documents, budget: int, reference: str = "") -> list[str]:
    """Sentence 1 of every document, then sentence 2 of every document, and so on."""
    output: list[str] = []
    words = 0
    depth = 0
    longest = max((len(d) for d in documents), default=0)
    while depth < longest and words < budget:
        for document in documents:
            if depth < len(document) and words < budget:
                output.append(document[depth])
                words += len(document[depth].split())
        depth += 1
    return output


class _WordTokenizer:
    """sumy's tokenizer contract without NLTK's punkt data: words by a Unicode regex."""

    language = "english"

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(text))

    def to_sentences(self, text: str) -> tuple[str, ...]:  # sentences arrive pre-split
        return (text,)


def _rank_with_sumy(summarizer: Any, sentences: Sequence[str]) -> list[int]:
    # sumy comes with the optional 'eval' extra: imported only when a sumy baseline runs.
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = _WordTokenizer()
    wrapped = [SumySentence(text, tokenizer) for text in sentences]
    document = ObjectDocumentModel([Paragraph(wrapped)])
    ratings: dict[Any, float] = {}

    def keep_ratings(_sentences: Any, _count: Any, rating: Any, *args: Any, **kw: Any) -> tuple:
        ratings.update(rating)
        return ()

    summarizer._get_best_sentences = keep_ratings
    summarizer(document, len(wrapped))
    scores = [ratings.get(sentence, 0.0) for sentence in wrapped]
    return sorted(range(len(sentences)), key=lambda i: (-scores[i], i))


def _make_sumy(kind: str) -> Any:
    # sumy comes with the optional 'eval' extra: a clear error when it is missing.
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError:
        raise ConfigError(
            f"the {kind} baseline needs sumy; install newsfuse with the 'eval' extra"
        ) from None
    summarizer: Any
    if kind == "lexrank":
        summarizer = LexRankSummarizer(Stemmer("english"))
        summarizer.threshold = LEXRANK_THRESHOLD
    else:
        summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def _summarize_sumy(kind: str, documents: Documents, budget: int) -> list[str]:
    sentences = _flatten(documents)
    if not sentences:
        return []
    ranked = _rank_with_sumy(_make_sumy(kind), sentences)
    # sumy returns its best sentences in document order; so do we.
    return [sentences[i] for i in sorted(_take_until(ranked, sentences, budget))]


def summarize_lexrank(documents: Documents, budget: int, reference: str = "") -> list[str]:
    """LexRank (Erkan & Radev 2004) via sumy, threshold 0.1, best sentences in document order."""
    return _summarize_sumy("lexrank", documents, budget)


def summarize_textrank(documents: Documents, budget: int, reference: str = "") -> list[str]:
    """TextRank (Mihalcea & Tarau 2004) via sumy, best sentences in document order."""
    return _summarize_sumy("textrank", documents, budget)


def summarize_mmr(documents: Documents, budget: int, reference: str = "") -> list[str]:
    """TF-IDF MMR (Carbonell & Goldstein 1998) with the cluster centroid as the query."""
    # sklearn is slow to import: loaded only when the MMR baseline runs.
    from sklearn.feature_extraction.text import TfidfVectorizer

    sentences = _flatten(documents)
    if not sentences:
        return []
    try:
        matrix = TfidfVectorizer(stop_words="english").fit_transform(sentences)
    except ValueError:  # only stop words
        return sentences[:1]
    vectors = np.asarray(matrix.todense())
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    relevance = vectors @ centroid
    similarity = vectors @ vectors.T
    chosen: list[int] = []
    words = 0
    available = np.ones(len(sentences), dtype=bool)
    while words < budget and available.any():
        redundancy = similarity[:, chosen].max(axis=1) if chosen else np.zeros(len(sentences))
        score = MMR_LAMBDA * relevance - (1 - MMR_LAMBDA) * redundancy
        score[~available] = -np.inf
        best = int(np.argmax(score))
        chosen.append(best)
        available[best] = False
        words += len(sentences[best].split())
    return [sentences[i] for i in chosen]


def summarize_oracle(documents: Documents, budget: int, reference: str = "") -> list[str]:
    """Greedy ROUGE oracle, in source order: it sees the reference, so it is only a bound."""
    sentences = _flatten(documents)
    # In source order: how a reader (and ROUGE-L) would want the chosen sentences.
    return [sentences[i] for i in sorted(select_oracle(sentences, reference, budget))]


BASELINES: dict[str, Baseline] = {
    "lead3": summarize_lead3,
    "roundrobin": summarize_round_robin,
    "lexrank": summarize_lexrank,
    "textrank": summarize_textrank,
    "mmr": summarize_mmr,
    "oracle": summarize_oracle,
}
