"""spaCy's named-entity recogniser on fresh Docs, decoded in numpy.

spaCy's recogniser is a greedy transition system (BILUO moves, Lample et al.
2016; Honnibal & Johnson 2015): token vectors, a precomputed hidden layer, then
one step per token that scores every move and takes the best valid one. In the
installed build each step's C loop takes and drops Python's global lock a few
hundred times (every call of a state accessor such as ``StateC::B`` goes through
``PyGILState_Ensure``, as Cython's profiling hooks do in code without the lock),
which makes the steps three quarters of the recogniser's time.

The step's features are the next token, and, while an entity is open, the
entity's first token and the token before the next one. With no entity open,
a token's move depends on that token's vector alone, so :func:`recognise_names`
scores every token's closed-state moves in one matrix product and steps one
token at a time only inside entities. The arithmetic is spaCy's, in the same
order, up to the final matrix product (BLAS sums in its own order); the
names found agree with ``nlp.get_pipe("ner").pipe`` on every text of the three
fact sets and the Multi-News dev clusters (docs/benchmarks-facts.md).

Only Docs straight from the tokenizer qualify (no preset entities or sentence
starts, whose moves this decoder does not model); anything else, or a model
of another shape, goes to spaCy's own recogniser.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.pipeline import TrainablePipe
    from spacy.tokens import Doc

# The recogniser's step features: next token, first token of the open entity, the
# token before the next one (spaCy's StateC.set_context_tokens with three features).
_FEATURES = 3
# Tokens of an open entity scored at once: names run one to four tokens, rarely more.
_ENTITY_WINDOW = 6


class _Moves:
    """The recogniser's moves by kind: where each label's B, I, L and U move sits."""

    def __init__(self, names: Sequence[str]) -> None:
        self.count = len(names)
        self.begin: dict[str, int] = {}
        self.inside: dict[str, int] = {}
        self.last: dict[str, int] = {}
        self.unit: dict[str, int] = {}
        self.out = -1
        self.label_of: dict[int, str] = {}
        kinds = {"B": self.begin, "I": self.inside, "L": self.last, "U": self.unit}
        known = True
        for index, name in enumerate(names):
            if name == "O":
                self.out = index
                continue
            kind, _, label = name.partition("-")
            if kind not in kinds:
                known = False
            elif label:  # "U-" (no label) is valid only on preset blocked tokens
                kinds[kind][label] = index
        labels = set(self.begin)
        self.complete = known and self.out >= 0
        self.complete &= labels == set(self.inside) == set(self.last) == set(self.unit)
        # Moves allowed with no entity open: O always; B and U of a label unless the
        # token is whitespace; B only with a token after it.
        self.closed = np.zeros(self.count, dtype=bool)
        self.closed_last = self.closed.copy()
        if not self.complete:
            return
        self.closed[self.out] = self.closed_last[self.out] = True
        for label in labels:
            self.closed[[self.begin[label], self.unit[label]]] = True
            self.closed_last[self.unit[label]] = True
        self.label_of.update(
            (index, label) for kind in kinds.values() for label, index in kind.items()
        )


def _decoder(recogniser: TrainablePipe) -> tuple[Any, Any, Any, _Moves] | None:
    """The recogniser's layers and moves, or None if its shape is not the one decoded here."""
    model = recogniser.model
    if getattr(recogniser, "cfg", {}).get("beam_width", 1) != 1:
        return None
    if not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
        return None
    if len(model.layers) != 3:
        return None
    tok2vec, lower, upper = model.layers
    if lower.get_dim("nF") != _FEATURES or lower.get_dim("nP") < 2:
        return None
    moves = _Moves([recogniser.moves.get_class_name(i) for i in range(recogniser.moves.n_moves)])
    if not moves.complete or upper.get_param("W").shape[0] != moves.count:
        return None
    return tok2vec, lower, upper, moves


def recognise_names(recogniser: TrainablePipe, docs: Sequence[Doc]) -> list[Doc]:
    """``list(recogniser.pipe(docs))`` for Docs straight from the tokenizer, decoded in numpy.

    Sets each Doc's entities (its other tokens outside any) and returns the Docs.
    """
    decoder = _decoder(recogniser)
    fresh = not any(
        doc.has_annotation("ENT_IOB") or doc.has_annotation("SENT_START") for doc in docs
    )
    if decoder is None or not fresh:
        return list(recogniser.pipe(docs))
    tok2vec, lower, upper, moves = decoder
    filled = [doc for doc in docs if len(doc)]
    if not filled:
        return list(docs)
    vectors = tok2vec.predict(filled)
    # (tokens + 1, features, hidden, pieces); row 0 is the padding of an absent token.
    cached = lower.predict(vectors)
    bias = lower.get_param("b")
    weights = upper.get_param("W")
    upper_bias = upper.get_param("b")
    padding = cached[0]
    # With no entity open the second and third features are absent: spaCy's sum, in its order.
    summed = (cached[1:, 0] + padding[1]) + padding[2]
    hidden = (summed + bias).max(axis=-1)
    closed_scores = hidden @ weights.T + upper_bias
    offset = 0
    for doc in filled:
        length = len(doc)
        scores = closed_scores[offset : offset + length]
        spans = _decode(doc, scores, cached, offset, bias, weights, upper_bias, moves)
        doc.set_ents(spans, default="outside")
        offset += length
    return list(docs)


def _decode(
    doc: Doc,
    scores: np.ndarray,
    cached: np.ndarray,
    offset: int,
    bias: np.ndarray,
    weights: np.ndarray,
    upper_bias: np.ndarray,
    moves: _Moves,
) -> list[Any]:
    """The entities of one Doc: (start, end, label) spans, stepping only inside entities."""
    from spacy.tokens import Span

    length = len(doc)
    space = doc.to_array("IS_SPACE").astype(bool)
    allowed = np.broadcast_to(moves.closed, scores.shape).copy()
    allowed[-1] = moves.closed_last
    allowed[space] = False
    allowed[space, moves.out] = True
    best = np.where(allowed, scores, -np.inf).argmax(axis=1)
    starts = np.flatnonzero(best != moves.out)
    spans = []
    position = 0
    for start in starts.tolist():
        if start < position:
            continue  # inside the entity just closed
        move = int(best[start])
        label = moves.label_of[move]
        if move == moves.unit.get(label):
            spans.append(Span(doc, start, start + 1, label=label))
            position = start + 1
            continue
        # B: the entity's later tokens, a window at a time. While it is open a token's
        # features are itself, the one before it and the entity's first token, whatever
        # was decided before, so a window is scored at once and the first L taken.
        inside, last = moves.inside[label], moves.last[label]
        pair_weights = weights[[inside, last]].T
        pair_bias = upper_bias[[inside, last]]
        first = cached[offset + start + 1, 1]
        token = start + 1
        while token < length - 1:  # the last token can only close the entity
            stop = min(token + _ENTITY_WINDOW, length - 1)
            unmaxed = (cached[offset + token + 1 : offset + stop + 1, 0] + first) + cached[
                offset + token : offset + stop, 2
            ]
            pair = (unmaxed + bias).max(axis=-1) @ pair_weights + pair_bias
            # spaCy takes the first of equal scores, in move order.
            stays = pair[:, 0] > pair[:, 1] if inside > last else pair[:, 0] >= pair[:, 1]
            closes = np.flatnonzero(~stays)
            if closes.size:
                token += int(closes[0])
                break
            token = stop
        spans.append(Span(doc, start, token + 1, label=label))
        position = token + 1
    return spans
