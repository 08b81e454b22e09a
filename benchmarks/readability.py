"""The readability audit of newsfuse's briefs on Multi-News style clusters.

Usage::

    python benchmarks/readability.py [DATA.jsonl] [--budget 120] [--limit N] [--show 5]
    python benchmarks/readability.py --calibrate

The first form briefs every cluster with the shipped weights (as ``newsfuse
brief`` does) and prints the pooled audit (:mod:`newsfuse.evaluate.audit`):
dangling openings, unbalanced quotes, junk characters, fragments, repeated pairs
(words, or MiniLM cosine at the audit's measured cut-off) and headline titles
(:func:`newsfuse.summary.headline.make_headline`; Multi-News has no source titles).
``--show N`` prints up to N flagged sentences of each kind.
``--low-overlap-repeat-cosine C`` briefs with ``BriefParams.low_overlap_repeat_cosine``
set to C (off by default); ``--repeat-cosine C`` audits with that repeat cut;
``--param NAME=VALUE`` sets any ``BriefParams`` field (the
ablations); ``--embedder NAME`` (e.g. ``mpnet``) briefs with that encoder for the repeat
check and support (the audit itself keeps MiniLM). It also counts the briefs that open
with a quotation or a dangling opening,
and the pairs of brief sentences that state one figure counting the same thing or
one name given to a thing (:mod:`newsfuse.summary.same_fact`, the rules the brief's
selection uses). ``--surnames`` also counts the people first mentioned by a bare surname
their cited article gives in full (spaCy PERSON entities; slower); ``--half first|second``
briefs only that half of the clusters by file position (fit and held-out halves).
DATA may also be a file of article clusters (``{"id", "articles": [...]}``, the fact
sets ``bench/facts-*.jsonl``): the held-out audit sets, read with their titles.

``--calibrate`` measures the repeat cut-off: MiniLM cosines of the invented
labelled pairs in ``benchmarks/readability_pairs.json`` (repeat or not), the cut
that classifies them best, and its leave-one-out accuracy; then, with the shared
data, that cut's precision and recall on the labelled dev brief pairs
(``benchmarks/readability_pairs_dev.json``) and stratified 5-fold CV over all pairs.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from newsfuse.embed import get_embedder  # noqa: E402
from newsfuse.evaluate import read_clusters  # noqa: E402
from newsfuse.evaluate.audit import (  # noqa: E402
    AuditParams,
    BriefAudit,
    audit_brief,
    format_audit,
    pool_audits,
)
from newsfuse.evaluate.harness import prepare_cluster  # noqa: E402
from newsfuse.evaluate.leaks import get_detector  # noqa: E402
from newsfuse.evaluate.pipeline import split_cluster  # noqa: E402
from newsfuse.evaluate.systems import PreparedCluster  # noqa: E402
from newsfuse.facts.nlp import load_pipeline  # noqa: E402
from newsfuse.model import Article, BriefSentence  # noqa: E402
from newsfuse.pipeline import read_clusters as read_article_clusters  # noqa: E402
from newsfuse.summary import summarize  # noqa: E402
from newsfuse.summary.headline import make_headline  # noqa: E402
from newsfuse.summary.lexical import addresses_reader, dangling_reason  # noqa: E402
from newsfuse.summary.params import BriefParams  # noqa: E402
from newsfuse.summary.same_fact import gives_same_name, states_same_fact  # noqa: E402
from shared_data import shared_path  # noqa: E402

DEFAULT_DATA = shared_path("data", "multinews-dev.jsonl")
# Conjunctions, prepositions, determiners, possessives and auxiliaries: a headline that
# ends on one was cut mid-phrase. Kept apart from the headline module's own list.
_LEANING_ENDS_TEXT = """
    and but or nor so yet because although though while if than that which who when where as
    about after against along among around at before by during for from in into like of off
    on onto over since through to toward under until upon with without amid despite
    a an the this these those each every some any no another
    my your his her its our their is are was were be been has have had will would can could
    may might must
"""
_LEANING_ENDS = frozenset(_LEANING_ENDS_TEXT.split())
PAIRS = ROOT / "benchmarks" / "readability_pairs.json"
# The dev pairs the audit flagged, labelled by reading (ids and sentence indices only).
DEV_PAIRS = ROOT / "benchmarks" / "readability_pairs_dev.json"
DEV_DATA = DEFAULT_DATA


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--budget", type=int, default=300)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument(
        "--surnames",
        action="store_true",
        help="count bare surnames the brief never introduced (spaCy PERSON; slower)",
    )
    parser.add_argument(
        "--half",
        choices=("first", "second"),
        default=None,
        help="brief only the first or second half of the clusters by file position",
    )
    parser.add_argument("--low-overlap-repeat-cosine", type=float, default=None)
    parser.add_argument(
        "--repeat-cosine",
        type=float,
        default=AuditParams().repeat_cosine,
        help="the audit's repeat cut (AuditParams.repeat_cosine), e.g. 0.723 for the old one",
    )
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a BriefParams field for the ablations, e.g. lead_when_opening_leans=False",
    )
    parser.add_argument(
        "--embedder",
        default=None,
        help="encoder of the brief's repeat check and support, e.g. mpnet (default: minilm)",
    )
    arguments = parser.parse_args()
    if arguments.calibrate:
        calibrate()
        return
    params = replace(
        BriefParams(),
        low_overlap_repeat_cosine=arguments.low_overlap_repeat_cosine,
        **dict(parse_param(text) for text in arguments.param),
    )
    audit_params = AuditParams(repeat_cosine=arguments.repeat_cosine)
    embedder = get_embedder()
    brief_embedder = get_embedder(arguments.embedder) if arguments.embedder else None
    started = time.perf_counter()
    audits: list[BriefAudit] = []
    # Boilerplate leaks beside the audit: a repair that glues a caption to a quotation
    # shows up here, not in the audit's columns.
    is_leak = get_detector()
    leaks: list[str] = []
    clusters = read_prepared(arguments.data, arguments.limit)
    if arguments.half is not None:
        middle = len(clusters) // 2
        clusters = clusters[:middle] if arguments.half == "first" else clusters[middle:]
    bare: list[tuple[str, str]] = []
    bare_briefs = 0
    for prepared in clusters:
        articles = list(prepared.articles)
        brief = summarize(articles, arguments.budget, params=params, embedder=brief_embedder)
        texts = [s.text for s in brief]
        leaks += [text for text in texts if is_leak(text)]
        if arguments.surnames:
            found = bare_surnames(brief, articles)
            bare += found
            bare_briefs += bool(found)
        leads = [sentences[0].text for sentences in prepared.sentences if sentences]
        audits.append(
            audit_brief(
                texts,
                encode=embedder.encode,
                params=audit_params,
                # A cluster with no brief (no readable article) has no story to title.
                title=make_headline(articles, brief) if brief else None,
                source_titles=[a.title for a in articles],
                lead=texts[0] if texts else "",
                body=[s.text for sentences in prepared.sentences for s in sentences[1:]]
                + [t for t in leads if t not in texts[:1]],
            )
        )
    summary = pool_audits(audits)
    print(
        f"{arguments.data.name}: {summary.briefs} briefs at {arguments.budget} words, "
        f"{time.perf_counter() - started:.0f} s"
    )
    print(format_audit(summary))
    print(f"boilerplate leaks: {len(leaks)}")
    speaking = [s.text for a in audits for s in a.sentences if addresses_reader(s.text)]
    print(f"sentences speaking to the reader (summary.lexical.addresses_reader): {len(speaking)}")
    print(describe_titles([a.title for a in audits if a.title_is_headline is not None]))
    print(describe_openings([a.sentences[0].text for a in audits if a.sentences]))
    same_facts = [pair for audit in audits for pair in same_fact_pairs(audit)]
    print(
        f"same-fact pairs (one figure counting the same thing, summary.same_fact): "
        f"{len(same_facts)}; of the audit's repeated pairs: "
        f"{sum(pair in audit.repeats for audit in audits for pair in same_fact_pairs(audit))}"
    )
    same_names = [pair for audit in audits for pair in same_fact_pairs(audit, gives_same_name)]
    print(f"same-name pairs (one name given to a thing, summary.same_fact): {len(same_names)}")
    if arguments.surnames:
        print(
            f"bare surnames (first mention a surname the cited article gives in full, "
            f"spaCy PERSON): {len(bare)} sentences in {bare_briefs} briefs"
        )
    if arguments.show:
        show_flagged(audits, arguments.show)
        if arguments.surnames:
            print("\n## bare surnames")
            for surname, text in bare[: arguments.show]:
                print(f"- [{surname}] {text[:160]}")
        print("\n## speaking to the reader")
        for text in speaking[: arguments.show]:
            print(f"- {text[:200]}")
        print("\n## boilerplate leaks")
        for text in leaks[: arguments.show]:
            print(f"- {text[:200]}")


def read_prepared(path: Path, limit: int | None) -> list[PreparedCluster]:
    """The clusters of ``path``, read, cleaned and split through the pipeline.

    A Multi-News file (``{"id", "document", "summary"}``) is read by the evaluation
    reader; a file of article clusters (``{"id", "articles": [{"text", "title", ...}]}``,
    the fact sets in ``bench/``) by the pipeline's own, titles and sources kept."""
    with path.open(encoding="utf-8") as lines:
        first = next((json.loads(line) for line in lines if line.strip()), {})
    if "articles" not in first:
        return [prepare_cluster(c) for c in read_clusters(path, limit=limit).clusters]
    prepared = []
    for cluster_id, report in read_article_clusters(path):
        if limit is not None and len(prepared) >= limit:
            break
        articles = list(report.articles)
        prepared.append(
            PreparedCluster(
                id=cluster_id,
                articles=tuple(articles),
                sentences=tuple(tuple(s) for s in split_cluster(articles)),
                reference="",
            )
        )
    return prepared


def bare_surnames(brief: list[BriefSentence], articles: list[Article]) -> list[tuple[str, str]]:
    """The brief's sentences where a person is first mentioned by a bare surname: a
    one-word PERSON entity (spaCy) that ends a full name (a PERSON entity of two or more
    words) of the sentence's cited article, not after a capitalised word ("Mr.") and not
    in the brief before. Returns (surname, sentence) pairs, one per person."""
    texts = {article.id: article.text for article in articles}
    said = ""
    found = []
    for sentence in brief:
        full = _full_names(texts.get(sentence.citations[0].article_id, ""))
        for entity in load_pipeline()(sentence.text).ents:
            surname = re.sub(r"['’]s$", "", entity.text)
            before = sentence.text[: entity.start_char]
            if (
                entity.label_ != "PERSON"
                or surname not in full
                or re.search(rf"\b{re.escape(surname)}\b", said + before)
                or (before.split() and before.split()[-1][:1].isupper())
            ):
                continue
            found.append((surname, sentence.text))
        said += " " + sentence.text + " "
    return found


def _full_names(text: str) -> dict[str, set[str]]:
    """Full names of ``text``'s people by surname (spaCy PERSON entities of 2+ words)."""
    if text not in _NAMES:
        names: dict[str, set[str]] = {}
        for entity in load_pipeline()(text).ents:
            words = entity.text.split()
            if entity.label_ == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
                names.setdefault(words[-1], set()).add(" ".join(words))
        _NAMES[text] = names
    return _NAMES[text]


_NAMES: dict[str, dict[str, set[str]]] = {}


def parse_param(text: str) -> tuple[str, object]:
    """``NAME=VALUE`` as a BriefParams field and its value (a Python literal)."""
    name, _, value = text.partition("=")
    return name.strip(), ast.literal_eval(value.strip())


def describe_titles(titles: list[str]) -> str:
    """The titles' mean length in words and how many end mid-phrase: on a word of
    ``_LEANING_ENDS`` or a possessive, with a dash, or with a quotation left open."""
    if not titles:
        return "titles: none"
    cut = 0
    for title in titles:
        last = title.split()[-1] if title.split() else ""
        bare = last.lower().strip(".,;:\"“”'‘’")
        cut += (
            bare in _LEANING_ENDS
            or last.endswith(("'s", "’s", "-", "—", "–"))
            or title.count('"') % 2 == 1
            or title.count("“") != title.count("”")
        )
    mean = sum(len(t.split()) for t in titles) / len(titles)
    return f"titles: mean {mean:.2f} words, {cut} of {len(titles)} end mid-phrase"


def same_fact_pairs(
    audit: BriefAudit, same: Callable[[str, str], bool] = states_same_fact
) -> list[tuple[int, int]]:
    """Pairs ``(earlier, later)`` of the brief's sentences that state one fact by ``same``:
    one figure counting the same thing (:func:`newsfuse.summary.same_fact.states_same_fact`)
    or one name given to a thing (``gives_same_name``)."""
    texts = [s.text for s in audit.sentences]
    return [
        (earlier, later)
        for later in range(len(texts))
        for earlier in range(later)
        if same(texts[earlier], texts[later])
    ]


def describe_openings(firsts: list[str]) -> str:
    """How many briefs open with a quotation (what someone said, not what happened) or
    with an opening that needs an antecedent (``dangling_reason``)."""
    quoted = sum(text.lstrip().startswith(('"', "“", "'", "‘")) for text in firsts)
    leaning = sum(bool(dangling_reason(text)) for text in firsts)
    return (
        f"openings: {quoted} of {len(firsts)} briefs open with a quotation, "
        f"{leaning} with a dangling opening"
    )


def show_flagged(audits: list[BriefAudit], count: int) -> None:
    """Print up to ``count`` flagged sentences of each kind, for reading."""
    kinds = {
        "dangling": lambda s: bool(s.dangling),
        "unbalanced quotes": lambda s: s.unbalanced_quotes,
        "junk": lambda s: s.junk,
        "fragment": lambda s: s.fragment,
    }
    for kind, test in kinds.items():
        found = [s for a in audits for s in a.sentences if test(s)][:count]
        print(f"\n## {kind}")
        for sentence in found:
            reason = f" [{sentence.dangling}]" if sentence.dangling else ""
            print(f"- {sentence.text[:160]}{reason}")
    print("\n## repeated pairs")
    shown = 0
    for audit in audits:
        for earlier, later in audit.repeats:
            if shown < count:
                print(f"- {audit.sentences[earlier].text[:120]}")
                print(f"  {audit.sentences[later].text[:120]}")
                shown += 1
    print("\n## same-fact pairs")
    shown = 0
    for audit in audits:
        for earlier, later in same_fact_pairs(audit):
            if shown < count:
                print(f"- {audit.sentences[earlier].text[:120]}")
                print(f"  {audit.sentences[later].text[:120]}")
                shown += 1
    print("\n## same-name pairs")
    shown = 0
    for audit in audits:
        for earlier, later in same_fact_pairs(audit, gives_same_name):
            if shown < count:
                print(f"- {audit.sentences[earlier].text[:120]}")
                print(f"  {audit.sentences[later].text[:120]}")
                shown += 1
    print("\n## titles (those that are not headlines first)")
    titled = [a for a in audits if a.title_is_headline is not None]
    for audit in sorted(titled, key=lambda a: bool(a.title_is_headline))[:count]:
        print(f"- {audit.title} [{'headline' if audit.title_is_headline else 'NOT headline'}]")
        if not audit.title_is_headline and audit.sentences:
            print(f"  lead: {audit.sentences[0].text[:160]}")


def calibrate() -> None:
    """Measure the MiniLM cosine cut-off for repeats on the labelled pairs.

    The invented pairs (``readability_pairs.json``) set the cut; the dev pairs
    (``readability_pairs_dev.json``: those the audit flagged and a random sample under its
    cut, rebuilt from the shared data when present) test it: the cut fitted on one set
    scored on the other, and stratified k-fold over all distinct pairs, with the
    detector's precision and recall on the held-out pairs.
    """
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    embedder = get_embedder()
    first = embedder.encode([p["first"] for p in pairs])
    second = embedder.encode([p["second"] for p in pairs])
    cosines = np.sum(first * second, axis=1).astype(float)
    labels = np.array([bool(p["repeat"]) for p in pairs])

    everything = np.arange(len(pairs))
    cut = best_cut(cosines, labels)
    correct = 0
    for held in everything:
        rest = everything[everything != held]
        correct += int((cosines[held] >= best_cut(cosines[rest], labels[rest])) == labels[held])
    print(f"{len(pairs)} pairs ({labels.sum()} repeats), MiniLM ({embedder.name})")
    print(
        f"repeats: cosine min {cosines[labels].min():.3f} median {np.median(cosines[labels]):.3f}"
    )
    print(
        f"others:  cosine max {cosines[~labels].max():.3f} median {np.median(cosines[~labels]):.3f}"
    )
    print(f"cut-off {cut:.3f}: in-sample accuracy {np.mean((cosines >= cut) == labels):.3f}")
    print(f"leave-one-out accuracy {correct / len(pairs):.3f}")
    brief_cut = BriefParams().redundant_cosine
    print(
        f"the brief's own cut {brief_cut:.3f} (BriefParams.redundant_cosine): accuracy "
        f"{np.mean((cosines >= brief_cut) == labels):.3f}, "
        f"repeats caught {np.mean(cosines[labels] >= brief_cut):.3f}"
    )
    dev = dev_pairs()
    if dev is None:
        print(f"no dev pairs: {DEV_PAIRS.name} needs {DEV_DATA}")
        return
    dev_first = embedder.encode([row[0] for row in dev])
    dev_second = embedder.encode([row[1] for row in dev])
    dev_cosines = np.sum(dev_first * dev_second, axis=1).astype(float)
    dev_labels = np.array([row[2] for row in dev])
    flagged = np.array([row[3] == "flagged" for row in dev])
    shipped = AuditParams().repeat_cosine
    print(
        f"\n{len(dev)} distinct dev pairs ({dev_labels.sum()} repeats by reading): "
        f"{flagged.sum()} the audit flagged at 0.723 ({dev_labels[flagged].sum()} repeats), "
        f"{(~flagged).sum()} sampled under it ({dev_labels[~flagged].sum()} repeats)"
    )
    print("| fitted on | cut | scored on | precision | recall | accuracy |")
    print("|---|---|---|---|---|---|")
    dev_cut = best_cut(dev_cosines, dev_labels)
    for fitted, fitted_cut in (("invented", cut), ("dev", dev_cut), ("audit", shipped)):
        for name, scored, truth in (
            ("invented", cosines, labels),
            ("dev flagged", dev_cosines[flagged], dev_labels[flagged]),
            ("dev sampled", dev_cosines[~flagged], dev_labels[~flagged]),
            ("dev", dev_cosines, dev_labels),
        ):
            print(
                f"| {fitted} | {fitted_cut:.3f} | {name} | {score_cut(scored, truth, fitted_cut)} |"
            )
    print(
        cross_validate(
            np.concatenate([cosines, dev_cosines]),
            np.concatenate([labels, dev_labels]),
            np.concatenate([np.zeros(len(labels), dtype=bool), np.ones(len(dev), dtype=bool)]),
        )
    )


def best_cut(cosines: np.ndarray, labels: np.ndarray) -> float:
    """The cosine cut that labels ``cosines`` most accurately: among equally accurate
    cuts, the midpoint of the best run (a margin both ways)."""
    candidates = np.unique(np.round(cosines, 3))
    # A cut over every cosine (flag nothing) is a candidate too.
    candidates = np.append(candidates, candidates[-1] + 0.001)
    accuracy = [np.mean((cosines >= c) == labels) for c in candidates]
    best = np.flatnonzero(np.isclose(accuracy, max(accuracy)))
    return float((candidates[best[0]] + candidates[best[-1]]) / 2)


def score_cut(cosines: np.ndarray, labels: np.ndarray, cut: float) -> str:
    """Precision, recall and accuracy of "cosine >= cut is a repeat", as table cells."""
    flagged = cosines >= cut
    caught = int(np.sum(flagged & labels))
    precision = f"{caught}/{int(flagged.sum())}" if flagged.any() else "-"
    recall = f"{caught}/{int(labels.sum())}" if labels.any() else "-"
    return f"{precision} | {recall} | {np.mean(flagged == labels):.3f}"


def cross_validate(
    cosines: np.ndarray, labels: np.ndarray, dev: np.ndarray, folds: int = 5, repeats: int = 20
) -> str:
    """Stratified ``folds``-fold cross-validation of the cut, ``repeats`` times: the cut
    fitted on the other folds, precision and recall over the held-out pairs, all of
    them and the dev ones (``dev``) alone."""
    generator = np.random.default_rng(0)
    held_cosines, held_labels, held_dev, held_cut = [], [], [], []
    cuts = []
    for _ in range(repeats):
        fold = np.empty(len(labels), dtype=int)
        for value in (True, False):
            rows = np.flatnonzero(labels == value)
            fold[generator.permutation(rows)] = np.arange(len(rows)) % folds
        for held in range(folds):
            test, train = fold == held, fold != held
            cut = best_cut(cosines[train], labels[train])
            cuts.append(cut)
            held_cosines.append(cosines[test])
            held_labels.append(labels[test])
            held_dev.append(dev[test])
            held_cut.append(np.full(int(test.sum()), cut))
    hit = np.concatenate(held_cosines) >= np.concatenate(held_cut)
    truth, on_dev = np.concatenate(held_labels), np.concatenate(held_dev)
    lines = [
        f"{folds}-fold CV x {repeats} over all {len(labels)} distinct pairs "
        f"({labels.sum()} repeats): cut median {np.median(cuts):.3f} "
        f"(range {min(cuts):.3f}-{max(cuts):.3f}); held out:"
    ]
    for name, rows in (("all", np.ones_like(on_dev)), ("invented", ~on_dev), ("dev", on_dev)):
        caught = int(np.sum(hit[rows] & truth[rows]))
        lines.append(
            f"  {name}: precision {caught / max(int(hit[rows].sum()), 1):.3f}, "
            f"recall {caught / max(int(truth[rows].sum()), 1):.3f}, "
            f"accuracy {np.mean(hit[rows] == truth[rows]):.3f}"
        )
    return "\n".join(lines)


def dev_pairs() -> list[tuple[str, str, bool, str]] | None:
    """The labelled dev pairs as (first, second, repeat, sample), rebuilt from the shared data by
    article id and sentence indices; one row per distinct pair; None without the data."""
    if not DEV_DATA.exists():
        return None
    labelled = json.loads(DEV_PAIRS.read_text(encoding="utf-8"))["pairs"]
    wanted = {pair["cluster"] for pair in labelled}
    sentences: dict[str, list[str]] = {}
    for cluster in read_clusters(DEV_DATA).clusters:
        if cluster.id in wanted:
            for article in prepare_cluster(cluster).sentences:
                for sentence in article:
                    sentences.setdefault(sentence.article_id, []).append(sentence.text)
    rows: dict[tuple[str, str], tuple[bool, str]] = {}
    for pair in labelled:
        texts = []
        for side in (pair["first"], pair["second"]):
            low, high = side["sentences"]
            texts.append(" ".join(sentences[side["article"]][low : high + 1]))
        rows[(texts[0], texts[1])] = (bool(pair["repeat"]), pair["sample"])
    return [(a, b, label, sample) for (a, b), (label, sample) in rows.items()]


if __name__ == "__main__":
    main()
