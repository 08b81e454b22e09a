"""Study: ran on commit 9acdc47 (2026-12-05); what it showed is in docs/benchmarks-facts.md
(incidents10). Which signals tell figures of two different incidents (or two different things in
one cluster) from one figure two sources disagree on?

For every conflict the comparison predicts on the labelled sets (facts-dev, facts-dev2,
facts-real-dev and the studied held-out sets), marked true when it matches a labelled
conflict or revision and false otherwise, and for every conflict it predicts on the
real-news audit's clusters (benchmarks/studies/real_conflict_audit.py; all judged false so
far, halves A and B), this reads each pair of differing claims' sentences for candidate
signals of a second incident (:data:`SIGNALS`):

- ``places``: both sentences name places (GPE, LOC, FAC) and share no word of them;
- ``foreign_place``: one sentence names a place the other claim's article never mentions;
- ``places_unnamed``: ``places``, and one sentence's place words are all absent from the
  other claim's article (the rule tried as ``other_places_differ``, ec3624e, reverted);
- ``dates``: both sentences give explicit dates (a weekday, month or year) and share none;
- ``clause_dates``: the same, of dates in the figure's own clause other than the figure;
- ``second``: one sentence marks a second incident ("another", "a separate", "earlier",
  "previous", "last year's");
- ``kin``: one figure's owner is a kinship noun held by a pronoun ("her mother put her
  three children"), the other's is not that noun.

It prints each pair with the signals that hold, counts per set how often each signal (and
the union of the ones kept) holds on true and on false conflicts, and picks a signal by
leave-one-set-out: on all sets but one, the signal with most false conflicts and no true
one, scored on the set left out.

Usage (never on facts-heldout2, the transfer set, nor facts-heldout3 or facts-heldout6):
    python benchmarks/studies/fact_incidents.py [--sets dev dev2 ... audit]
        [--param NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

from fact_errors import (
    AUDIT_HALF,
    STUDY_SETS,
    _load_evaluator,
    audit_clusters,
    cluster_articles,
    labelled_clusters,
)

import newsfuse.facts.compare as compare
from fact_params import add_param_option, parse_params
from newsfuse.facts.aspects import owner_candidates
from newsfuse.facts.dates import MONTHS, WEEKDAYS
from newsfuse.facts.describe import Mention
from newsfuse.facts.params import FactParams
from newsfuse.model import Claim, Fact
from newsfuse.render.data import fact_to_dict
from shared_data import shared_path

LABELLED = {
    name: STUDY_SETS[name]
    for name in ("dev", "dev2", "real-dev", "heldout", "heldout4", "heldout5")
}

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SECOND_MARKERS = frozenset({"another", "separate", "earlier", "previous", "prior"})
KIN = frozenset(
    [
        "mother",
        "father",
        "parent",
        "parents",
        "sister",
        "brother",
        "son",
        "daughter",
        "wife",
        "husband",
        "grandmother",
        "grandfather",
        "aunt",
        "uncle",
        "cousin",
        "niece",
        "nephew",
        "widow",
        "partner",
        "boyfriend",
        "girlfriend",
    ]
)
_FILLER = frozenset({"the", "a", "an"})


def sentence_places(span: Span) -> set[str]:
    """Lower-case words of the places (GPE, LOC, FAC) the figure's sentence names."""
    return {
        t.lower_
        for e in span.sent.ents
        if e.label_ in PLACE_LABELS
        for t in e
        if t.is_alpha and t.lower_ not in _FILLER
    }


def sentence_dates(span: Span) -> set[str]:
    """Weekdays, months (first three letters) and years the figure's sentence gives."""
    return {word for token in span.sent if (word := _date_word(token)) is not None}


def clause_dates(span: Span) -> set[str]:
    """The weekdays, months and years of :func:`sentence_dates` that stand in the figure's own
    clause (their nearest verb is the figure's) and are not the figure itself."""
    verb = _verb(span.root)
    if verb is None:
        return set()
    found = set()
    for token in span.sent:
        if span.start <= token.i < span.end or _verb(token) is not verb:
            continue
        word = _date_word(token)
        if word is not None:
            found.add(word)
    return found


def _date_word(token: Token) -> str | None:
    """A weekday, a month's first three letters or a year, as the token gives it; else None."""
    word = token.lower_.rstrip(".")
    if word in WEEKDAYS:
        return word
    if word in MONTHS:
        return word[:3]
    if token.shape_ == "dddd" and word[:2] in ("19", "20"):
        return word
    return None


def _verb(token: Token) -> Token | None:
    return next((t for t in [token, *token.ancestors] if t.pos_ in ("VERB", "AUX")), None)


def marks_second(span: Span) -> bool:
    """Whether the figure's sentence marks a second incident ("another", "a separate")."""
    words = [t.lower_ for t in span.sent]
    if any(w in SECOND_MARKERS for w in words):
        return True
    return any(a == "last" and b == "year" for a, b in itertools.pairwise(words))


def kin_owner(span: Span) -> str:
    """The kinship noun held by a pronoun that owns the figure ("mother" of "her mother
    put her three children"), else ""."""
    root = span.root
    verb = next((t for t in [root, *root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    for candidate in owner_candidates(span, verb):
        if candidate.lemma_.lower() in KIN and any(
            c.dep_ == "poss" and c.pos_ == "PRON" for c in candidate.children
        ):
            return candidate.lemma_.lower()
    return ""


def read_figure(span: Span) -> Figure:
    """What the signals read of one figure, kept as plain data (the parse is not kept)."""
    return Figure(
        places=frozenset(sentence_places(span)),
        dates=frozenset(sentence_dates(span)),
        clause_dates=frozenset(clause_dates(span)),
        second=marks_second(span),
        kin=kin_owner(span),
        article=frozenset(t.lower_ for t in span.doc if t.is_alpha),
    )


class Figure(NamedTuple):
    """What the signals read of one figure (:func:`read_figure`)."""

    places: frozenset[str]
    dates: frozenset[str]
    clause_dates: frozenset[str]
    second: bool
    kin: str
    article: frozenset[str]


def _places(one: Figure, other: Figure) -> bool:
    return bool(one.places and other.places and not one.places & other.places)


def _foreign_place(one: Figure, other: Figure) -> bool:
    return bool(one.places - other.article) or bool(other.places - one.article)


def _places_unnamed(one: Figure, other: Figure) -> bool:
    """``places``, and one sentence's places are words the other article never uses: the
    rule tried as FactParams.other_places_differ in ec3624e, reverted in ba5da9f)."""
    if not _places(one, other):
        return False
    return not one.places & other.article or not other.places & one.article


def _dates(one: Figure, other: Figure) -> bool:
    return bool(one.dates and other.dates and not one.dates & other.dates)


def _clause_dates(one: Figure, other: Figure) -> bool:
    a, b = one.clause_dates, other.clause_dates
    return bool(a and b and not a & b)


def _second(one: Figure, other: Figure) -> bool:
    return one.second != other.second


def _kin(one: Figure, other: Figure) -> bool:
    return one.kin != other.kin


SIGNALS: dict[str, Callable[[Figure, Figure], bool]] = {
    "places": _places,
    "foreign_place": _foreign_place,
    "places_unnamed": _places_unnamed,
    "dates": _dates,
    "clause_dates": _clause_dates,
    "second": _second,
    "kin": _kin,
}

_figures: dict[tuple[str, int, str], Figure] = {}
_describe = compare.describe_claim


def _recording(claim: Claim, doc: Doc, params: FactParams) -> Mention:
    mention = _describe(claim, doc, params)
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is not None:
        _figures[(claim.article_id, claim.start, claim.text)] = read_figure(span)
    return mention


def pair_signals(fact: Fact) -> set[str]:
    """The signals that hold on some pair of a fact's differing claims."""
    found: set[str] = set()
    claims = fact.claims
    for index, first in enumerate(claims):
        for second in claims[index + 1 :]:
            if first.value == second.value or first.article_id == second.article_id:
                continue
            one = _figures.get((first.article_id, first.start, first.text))
            other = _figures.get((second.article_id, second.start, second.text))
            if one is None or other is None:
                continue
            found |= {name for name, holds in SIGNALS.items() if holds(one, other)}
    return found


def _show(tag: str, truth: str, fact: Fact, signals: set[str]) -> None:
    cells = "; ".join(f"{c.article_id}={c.text!r}" for c in fact.claims)
    print(f"{truth:5} {tag} | {fact.subject} | {cells} | {','.join(sorted(signals)) or '-'}")


Counts = dict[str, dict[str, int]]  # truth ("true"/"false") -> signal -> pairs


def _count(counts: Counts, truth: str, signals: set[str]) -> None:
    row = counts.setdefault(truth, {})
    row["all"] = row.get("all", 0) + 1
    for name in signals:
        row[name] = row.get(name, 0) + 1


def _labelled(name: str, path: Path, params: FactParams, evaluator: Any) -> Counts:
    counts: Counts = {"true": {"all": 0}, "false": {"all": 0}}
    for cluster in labelled_clusters(path):
        _figures.clear()
        articles = cluster_articles(cluster)
        facts = compare.compare_facts(articles, params=params)
        read = evaluator.read_facts([fact_to_dict(f) for f in facts], [])
        labels = [i for i in cluster["expect"] if i["status"] in ("conflict", "revision")]
        for fact, scored in zip(facts, read, strict=True):
            if fact.status != "conflict":
                continue
            truth = "true" if any(evaluator.fact_matches(i, scored) for i in labels) else "false"
            signals = pair_signals(fact)
            _count(counts, truth, signals)
            _show(f"{name} {cluster['id']}", truth, fact, signals)
    return counts


def _audit(params: FactParams) -> dict[str, Counts]:
    halves: dict[str, Counts] = {h: {"true": {"all": 0}, "false": {"all": 0}} for h in "AB"}
    for number, articles in audit_clusters():
        _figures.clear()
        half = "A" if number < AUDIT_HALF else "B"
        for fact in compare.compare_facts(articles, params=params):
            if fact.status != "conflict":
                continue
            signals = pair_signals(fact)
            _count(halves[half], "false", signals)  # every audit conflict so far judged false
            _show(f"audit {half} cluster {number}", "false", fact, signals)
    return {"audit A": halves["A"], "audit B": halves["B"]}


def pick_by_leave_one_out(summary: dict[str, Counts], candidates: list[str]) -> list[str]:
    """Per set left out: the candidate with no true conflict and most false ones on the
    other sets (ties to the earlier candidate), and what it does on the set left out."""
    lines = []
    for left_out in summary:
        train = [c for n, c in summary.items() if n != left_out]

        def score(name: str, sets: list[Counts] = train) -> tuple[int, int]:
            true = sum(c["true"].get(name, 0) for c in sets)
            false = sum(c["false"].get(name, 0) for c in sets)
            return (-true, false)

        best = max(candidates, key=score)
        held = summary[left_out]
        lines.append(
            f"| {left_out} | {best} | {-score(best)[0]} / {score(best)[1]} | "
            f"{held['true'].get(best, 0)} / {held['false'].get(best, 0)} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=[*LABELLED, "audit"])
    parser.add_argument("--evaluator", default=str(shared_path("bench/facts_eval.py")))
    add_param_option(parser)
    args = parser.parse_args()
    params = parse_params(args.param)
    compare.describe_claim = _recording  # type: ignore[assignment]  # spans of every claim
    evaluator = _load_evaluator(Path(args.evaluator))
    summary: dict[str, Counts] = {}
    for name in args.sets:
        if name == "audit":
            summary.update(_audit(params))
        else:
            summary[name] = _labelled(name, Path(LABELLED[name]), params, evaluator)
    names = list(SIGNALS)
    print("| set | true conflicts | false conflicts | " + " | ".join(names) + " |")
    print("|---" * (3 + len(names)) + "|")
    for name, counts in summary.items():
        cells = [f"{counts['true'].get(s, 0)} / {counts['false'].get(s, 0)}" for s in names]
        row = f"| {name} | {counts['true']['all']} | {counts['false']['all']} | "
        print(row + " | ".join(cells) + " |")
    print("\nleave one set out (signal cells: true / false conflicts it holds on)")
    print("| set left out | picked | on the others | on the set left out |")
    print("|---|---|---|---|")
    for line in pick_by_leave_one_out(summary, names):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
