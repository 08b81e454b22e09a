"""Study: do a figure's owners tell labelled pairs from the audit's false conflicts?

For every labelled conflict and agreement the comparison predicts as such on the labelled
sets (facts-dev, facts-dev2, facts-real-dev, facts-heldout), and for every conflict it
predicts on the real-news audit's clusters (benchmarks/studies/real_conflict_audit.py),
this prints each claim's owner at three tiers: as the product reads it
(newsfuse.facts.aspects.figure_owner: the person or organisation its clause names, or the
instance of the event it happened in), else "~" and the name a pronoun of its clause
follows back to (the last name before it), else "?" and the nearest name before the figure.
A row is marked with the first tier at which two differing claims' owners differ
(``owners_differ``); the summary counts those rows. The owners are read whatever
``other_owners_differ`` is; the verdicts shown are those of the given params.

Usage (never on facts-heldout2, the transfer set):
    python benchmarks/studies/fact_owners.py [--sets dev dev2 real-dev heldout audit]
        [--param NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

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
from newsfuse.facts.aspects import (
    figure_owner,
    named_owner,
    owner_candidates,
    owners_differ,
)
from newsfuse.facts.describe import Mention
from newsfuse.facts.lexicon import STATEMENT_LEMMAS
from newsfuse.facts.params import FactParams
from newsfuse.model import Claim, Fact
from newsfuse.render.data import fact_to_dict
from shared_data import shared_path

LABELLED = {name: STUDY_SETS[name] for name in ("dev", "dev2", "real-dev", "heldout")}

# Pronouns that may stand for an owner named before ("she raised $1,000", "its nine").
PRONOUNS = frozenset({"he", "she", "his", "her", "they", "their", "it", "its"})
PERSONAL = frozenset({"he", "she", "his", "her"})  # of those, the ones only a person takes

_owners_of: dict[tuple[str, int, str], str] = {}
_describe = compare.describe_claim


def _recording(claim: Claim, doc: Doc, params: FactParams) -> Mention:
    mention = _describe(claim, doc, params)
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    if span is not None:
        _owners_of[(claim.article_id, claim.start, claim.text)] = _owner_by_tier(span)
    return mention


def _owner_by_tier(span: Span) -> str:
    """The product's owner (named in the clause), else "~" and the name a pronoun of the
    clause follows back to, else "?" and the nearest name before the figure."""
    named = figure_owner(span)
    if named:
        return named
    verb = next((t for t in [span.root, *span.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    pronouns = [c for c in owner_candidates(span, verb) if c.lower_ in PRONOUNS]
    if pronouns:
        earlier = _last_named_before(pronouns[0], pronouns[0].lower_ in PERSONAL)
        return f"~{earlier}" if earlier else ""
    earlier = _last_named_before(span[0])
    return f"?{earlier}" if earlier else ""


def _last_named_before(token: Token, people_only: bool = False) -> str:
    """The owner named last before ``token`` in its article, not a speaker ("Ortiz said")."""
    for entity in reversed([e for e in token.doc.ents if e.end <= token.i]):
        if people_only and entity.label_ != "PERSON":
            continue
        if entity.root.dep_ == "nsubj" and entity.root.head.lemma_.lower() in STATEMENT_LEMMAS:
            continue
        named = named_owner(entity.root)
        if named:
            return named
    return ""


def _owners(fact: Fact) -> tuple[list[str], str]:
    """Each claim's owner, and the first tier of owners (named in the clause, a pronoun's
    antecedent, the nearest name before) at which two differing claims' owners differ."""
    owners = [_owners_of.get((c.article_id, c.start, c.text), "?") for c in fact.claims]
    differ = ""
    for tier, allowed in (("named", ""), ("pronoun", "~"), ("nearest", "~?")):
        kept = [o if o[:1] not in ("~", "?") or o[0] in allowed else "" for o in owners]
        kept = [o.lstrip("~?") for o in kept]
        for index, first in enumerate(fact.claims):
            for second, owner in zip(fact.claims[index + 1 :], kept[index + 1 :], strict=True):
                if first.value != second.value and owners_differ(kept[index], owner):
                    differ = differ or tier
    return owners, differ


def _show(tag: str, fact: Fact, owners: list[str], differ: str) -> None:
    mark = f"{differ or 'same':8}"
    cells = "; ".join(
        f"{claim.article_id}={claim.text!r}:{owner or '-'}"
        for claim, owner in zip(fact.claims, owners, strict=True)
    )
    print(f"{mark} {tag} | {fact.subject} | {cells}")


def _labelled(name: str, path: Path, params, evaluator) -> dict[str, int]:  # type: ignore[no-untyped-def]
    counts: dict[str, int] = {"conflict": 0, "agree": 0}
    for cluster in labelled_clusters(path):
        _owners_of.clear()
        articles = cluster_articles(cluster)
        facts = compare.compare_facts(articles, params=params)
        read = evaluator.read_facts([fact_to_dict(f) for f in facts], [])
        for item in cluster["expect"]:
            if item["status"] not in ("conflict", "agree"):
                continue
            for fact, scored in zip(facts, read, strict=True):
                if scored.status == item["status"] and evaluator.fact_matches(item, scored):
                    owners, differ = _owners(fact)
                    counts[item["status"]] += 1
                    if differ:
                        key = f"{item['status']}_{differ}"
                        counts[key] = counts.get(key, 0) + 1
                    _show(f"{name} {cluster['id']} {item['status']}", fact, owners, differ)
                    break
    return counts


def _audit(params) -> dict[str, int]:  # type: ignore[no-untyped-def]
    counts: dict[str, int] = {"A": 0, "B": 0}
    for number, articles in audit_clusters():
        _owners_of.clear()
        half = "A" if number < AUDIT_HALF else "B"
        for fact in compare.compare_facts(articles, params=params):
            if fact.status != "conflict":
                continue
            owners, differ = _owners(fact)
            counts[half] += 1
            if differ:
                counts[f"{half}_{differ}"] = counts.get(f"{half}_{differ}", 0) + 1
            _show(f"audit {half} cluster {number}", fact, owners, differ)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="*", default=[*LABELLED, "audit"])
    parser.add_argument("--evaluator", default=str(shared_path("bench/facts_eval.py")))
    add_param_option(parser)
    args = parser.parse_args()
    params = parse_params(args.param)
    compare.describe_claim = _recording  # type: ignore[assignment]  # owners of every claim
    evaluator = _load_evaluator(Path(args.evaluator))
    summary = {}
    for name in args.sets:
        if name == "audit":
            summary[name] = _audit(params)
        else:
            summary[name] = _labelled(name, Path(LABELLED[name]), params, evaluator)
    print("| set | counts (_tier: pairs whose owners differ from that tier on) |")
    print("|---|---|")
    for name, counts in summary.items():
        print(f"| {name} | {counts} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
